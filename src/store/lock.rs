//! One writer per meeting: an advisory lock on `<id>.lock` (never the JSON itself, whose
//! inode changes on every save), naming its holder for anyone who finds it taken.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::disk::Disk;

use crate::model::MeetingId;

/// Held while a meeting is open for editing; dropping it releases the lock.
#[derive(Debug)]
pub struct MeetingLock {
    id: MeetingId,
    _file: File,
}

impl MeetingLock {
    pub fn id(&self) -> &MeetingId {
        &self.id
    }
}

pub enum Acquired {
    Mine(MeetingLock),
    /// Someone else holds it; the text says who, as far as they said.
    Theirs(String),
}

pub fn acquire(disk: &Disk, path: &Path, id: &MeetingId) -> std::io::Result<Acquired> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    super::nofollow::no_follow(&mut options);
    let mut file = disk
        .open(&options, path)
        .map_err(|e| super::nofollow::explain(path, e))?;
    match file.try_lock() {
        Ok(()) => {
            disk.set_len(&file, path, 0)?;
            file.seek(SeekFrom::Start(0))?;
            disk.write_all(&mut file, path, holder_description().as_bytes())?;
            Ok(Acquired::Mine(MeetingLock {
                id: id.clone(),
                _file: file,
            }))
        }
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            let text = text.trim();
            Ok(Acquired::Theirs(if text.is_empty() {
                "holder unknown".to_string()
            } else {
                text.to_string()
            }))
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

/// "pid 4242, clerk@laptop, since 2026-11-23 14:02"
fn holder_description() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown user".into());
    let host = this_host();
    let now = chrono::Local::now().naive_local();
    let since = format!(
        "{} {}",
        crate::words::iso_date(now.date()),
        crate::words::time(now.time())
    );
    format!("pid {}, {user}@{host}, since {since}", std::process::id())
}

/// This machine's name, as a lock's holder gives it.
/// Read once: the chair's screen asks each second whose a lock is.
pub fn this_host() -> String {
    static HOST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOST.get_or_init(|| {
        std::fs::read_to_string("/etc/hostname")
            .ok()
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
            .or_else(|| std::env::var("HOSTNAME").ok())
            .unwrap_or_else(|| "this machine".into())
    })
    .clone()
}

/// The pid and the host a holder's description names, read back from a lock's text.
pub fn holder_of(text: &str) -> Option<(i32, &str)> {
    let (pid, rest) = text.strip_prefix("pid ")?.split_once(", ")?;
    let (who, _) = rest.split_once(", since ")?;
    let (_, host) = who.rsplit_once('@')?;
    let pid = pid.parse().ok().filter(|p: &i32| *p > 0)?;
    Some((pid, host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holder_description_reads_back_as_its_pid_and_host() {
        let text = holder_description();
        let (pid, host) = holder_of(&text).unwrap();
        assert_eq!(
            (pid as u32, host),
            (std::process::id(), this_host().as_str())
        );
        assert_eq!(
            holder_of("pid 42, clerk@laptop, since 2026-12-09 14:02"),
            Some((42, "laptop"))
        );
        for not_a_holder in [
            "",
            "holder unknown",
            "pid 0, a@b, since x",
            "pid -1, a@b, since x",
        ] {
            assert_eq!(holder_of(not_a_holder), None, "{not_a_holder:?}");
        }
    }
}
