//! Writing a file so that it is never half-written: temp file → write → fsync → rename →
//! fsync the directory. Files are created 0600 whatever the umask.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Faults a test can ask the store to simulate, to show a failed step is a failed save.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Faults {
    pub fail_write: bool,
    pub fail_fsync: bool,
    pub fail_dir_fsync: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Replace whatever is there (the caller has checked it is what it expects).
    Replace,
    /// Fail with `AlreadyExists` rather than replace an existing file.
    CreateNew,
}

const TEMP_SUFFIX: &str = ".tmp";

/// `.NAME.PID.N.tmp` beside the target: hidden, so listings skip it, and named
/// by process so a stale one can be told from one being written right now.
fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file");
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.{}.{n}{TEMP_SUFFIX}", std::process::id()))
}

fn fault(on: bool, what: &str) -> io::Result<()> {
    if on {
        Err(io::Error::other(format!("simulated {what} failure")))
    } else {
        Ok(())
    }
}

pub fn private_file_options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    super::nofollow::no_follow(&mut o);
    o
}

/// Writes `bytes` to `target` atomically. On any error the target is as it was
/// and the temp file is removed.
pub fn write(target: &Path, bytes: &[u8], mode: Mode, faults: Faults) -> io::Result<()> {
    let temp = temp_path(target);
    let result =
        write_temp(&temp, bytes, faults).and_then(|()| commit(&temp, target, mode, faults));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_temp(temp: &Path, bytes: &[u8], faults: Faults) -> io::Result<()> {
    let mut file = private_file_options()
        .open(temp)
        .map_err(|e| super::nofollow::explain(temp, e))?;
    fault(faults.fail_write, "write")?;
    file.write_all(bytes)?;
    fault(faults.fail_fsync, "fsync")?;
    file.sync_all()
}

fn commit(temp: &Path, target: &Path, mode: Mode, faults: Faults) -> io::Result<()> {
    match mode {
        Mode::Replace => fs::rename(temp, target)?,
        Mode::CreateNew => {
            // A hard link fails if the name exists, so two creators cannot both win.
            match fs::hard_link(temp, target) {
                Ok(()) => fs::remove_file(temp)?,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
                // Filesystems without hard links: check, then rename (a small race, no loss of the temp).
                Err(_) if target.exists() => return Err(io::ErrorKind::AlreadyExists.into()),
                Err(_) => fs::rename(temp, target)?,
            }
        }
    }
    fault(faults.fail_dir_fsync, "directory fsync")?;
    // A bare file name ("minutes.html") has the empty path as its parent: the current directory.
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty());
    sync_dir(dir.unwrap_or(Path::new(".")))
}

/// Makes a rename durable: without it a power cut can forget the new name.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Removes `path` if it is a temp file left by a process killed mid-save. The
/// rename is the commit point, so such a file never holds the record.
pub fn remove_if_stale_temp(path: &Path, name: &str) {
    if let Some(pid) = stale_temp_pid(name)
        && !process_alive(pid)
    {
        let _ = fs::remove_file(path);
    }
}

fn stale_temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(TEMP_SUFFIX)?;
    let mut parts = rest.rsplitn(3, '.');
    let _n: u64 = parts.next()?.parse().ok()?;
    parts.next()?.parse().ok()
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true // cannot tell cheaply: keep the file
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_carry_the_pid() {
        let t = temp_path(Path::new("/d/2026-12-09.json"));
        let name = t.file_name().unwrap().to_str().unwrap();
        assert_eq!(stale_temp_pid(name), Some(std::process::id()));
        assert_eq!(stale_temp_pid("2026-12-09.json"), None);
    }

    #[test]
    fn failed_fsync_leaves_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("m.json");
        write(&target, b"old", Mode::CreateNew, Faults::default()).unwrap();
        let faults = Faults {
            fail_fsync: true,
            ..Faults::default()
        };
        assert!(write(&target, b"new", Mode::Replace, faults).is_err());
        assert_eq!(fs::read(&target).unwrap(), b"old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temp file cleaned up"
        );
    }

    #[test]
    fn create_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("m.json");
        write(&target, b"first", Mode::CreateNew, Faults::default()).unwrap();
        let err = write(&target, b"second", Mode::CreateNew, Faults::default()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&target).unwrap(), b"first");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_at_a_temp_name_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious.txt");
        fs::write(&target, "someone else's file").unwrap();
        let temp = temp_path(&dir.path().join("m.json"));
        std::os::unix::fs::symlink(&target, &temp).unwrap();
        let err = write_temp(&temp, b"minutes", Faults::default()).unwrap_err();
        assert!(err.to_string().contains("is a symbolic link"), "{err}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "someone else's file");
    }
}
