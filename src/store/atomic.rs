//! Writing a file so that it is never half-written: temp file → write → fsync → rename →
//! fsync the directory. Files are created 0600 whatever the umask.

use std::fs::{Metadata, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::disk::Disk;

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

/// A write that reached its commit point: the new file is in place at the target.
#[derive(Debug)]
pub struct Written {
    /// The new file as written: the same inode, size and mtime it has at the target now.
    pub meta: Metadata,
    /// Why the directory could not be synced after the rename, if it could not. The file
    /// is saved (every reader sees it), but a power cut before the system writes the
    /// directory could still lose the new name; the disk remembers it to retry.
    pub unsynced: Option<io::Error>,
    /// A create found the target already holding exactly these bytes (a write retried).
    pub already: bool,
}

/// Writes `bytes` to `target` atomically. An error means the target is as it was (and the
/// temp file is removed); `Ok` means the new bytes are in place, durable or not yet.
/// With [`Mode::CreateNew`], a target already holding exactly `bytes` is the same write
/// retried and succeeds, so a command repeated after a failure records nothing twice.
pub fn write(disk: &Disk, target: &Path, bytes: &[u8], mode: Mode) -> io::Result<Written> {
    let temp = temp_path(target);
    let (meta, already) = match write_temp(disk, &temp, bytes).and_then(|meta| {
        Ok(match commit(disk, &temp, target, bytes, mode)? {
            Some(there) => (there, true),
            None => (meta, false),
        })
    }) {
        Ok(written) => written,
        Err(e) => {
            let _ = disk.remove_file(&temp);
            return Err(e);
        }
    };
    // A bare file name ("minutes.html") has the empty path as its parent: the current directory.
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty());
    let unsynced = disk.sync_dir(dir.unwrap_or(Path::new("."))).err();
    Ok(Written {
        meta,
        unsynced,
        already,
    })
}

fn write_temp(disk: &Disk, temp: &Path, bytes: &[u8]) -> io::Result<Metadata> {
    let mut file = disk
        .open(&private_file_options(), temp)
        .map_err(|e| super::nofollow::explain(temp, e))?;
    disk.write_all(&mut file, temp, bytes)?;
    disk.sync_all(&file, temp)?;
    // Read from the open file before the commit, so nothing after the rename can fail.
    disk.file_metadata(&file, temp)
}

/// Puts the temp file at the target; after `Ok` the target holds the new bytes. Returns
/// the target's metadata when the file there is not the temp file (a create retried).
fn commit(
    disk: &Disk,
    temp: &Path,
    target: &Path,
    bytes: &[u8],
    mode: Mode,
) -> io::Result<Option<Metadata>> {
    match mode {
        Mode::Replace => disk.rename(temp, target).map(|()| None),
        // A hard link fails if the name exists, so two creators cannot both win.
        Mode::CreateNew => match disk.hard_link(temp, target) {
            Ok(()) => {
                // Committed: a temp name left behind is only a second name for the new
                // file, removed with the other leftovers when the directory is next listed.
                let _ = disk.remove_file(temp);
                Ok(None)
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                match same_bytes(disk, target, bytes) {
                    Some(meta) => {
                        let _ = disk.remove_file(temp);
                        Ok(Some(meta))
                    }
                    None => Err(e),
                }
            }
            // Filesystems without hard links: check, then rename (a small race, no loss of the temp).
            Err(e) if no_hard_links(&e) => match disk.metadata(target) {
                Ok(_) => Err(io::ErrorKind::AlreadyExists.into()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    disk.rename(temp, target).map(|()| None)
                }
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        },
    }
}

/// The metadata of `target` if it holds exactly `bytes`.
fn same_bytes(disk: &Disk, target: &Path, bytes: &[u8]) -> Option<Metadata> {
    let mut file = disk.open_read(target).ok()?;
    let meta = disk.file_metadata(&file, target).ok()?;
    let on_disk = disk.read_to_end(&mut file, target).ok()?;
    (meta.len() == bytes.len() as u64 && on_disk == bytes).then_some(meta)
}

/// Moves the file `from` to the new name `to` (in the same filesystem), never over an
/// existing file: `AlreadyExists` if `to` is taken. A crash part-way leaves the file under
/// both names, never under neither.
pub fn move_new(disk: &Disk, from: &Path, to: &Path) -> io::Result<()> {
    match disk.hard_link(from, to) {
        Ok(()) => {
            if let Err(e) = disk.remove_file(from) {
                // Undone, so the file is where it was and only there.
                let _ = disk.remove_file(to);
                return Err(e);
            }
        }
        Err(e) if no_hard_links(&e) => match disk.metadata(to) {
            Ok(_) => return Err(io::ErrorKind::AlreadyExists.into()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => disk.rename(from, to)?,
            Err(e) => return Err(e),
        },
        Err(e) => return Err(e),
    }
    // A failed sync can at worst bring back the old name beside the new: nothing is lost.
    for dir in [to.parent(), from.parent()].into_iter().flatten() {
        let _ = disk.sync_dir(dir);
    }
    Ok(())
}

/// The errors a filesystem without hard links (FAT, some network mounts) gives.
fn no_hard_links(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::Unsupported
    ) || (cfg!(target_os = "linux") && e.raw_os_error() == Some(95)) // EOPNOTSUPP
}

/// Removes `path` if it is a temp file left by a process killed mid-save. The
/// rename is the commit point, so such a file never holds the record.
pub fn remove_if_stale_temp(disk: &Disk, path: &Path, name: &str) {
    if let Some(pid) = stale_temp_pid(name)
        && !process_alive(pid)
    {
        let _ = disk.remove_file(path);
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
    use std::fs;

    #[test]
    fn temp_names_carry_the_pid() {
        let t = temp_path(Path::new("/d/2026-12-09.json"));
        let name = t.file_name().unwrap().to_str().unwrap();
        assert_eq!(stale_temp_pid(name), Some(std::process::id()));
        assert_eq!(stale_temp_pid("2026-12-09.json"), None);
    }

    use crate::store::disk::{FaultPlan, Op};
    use std::sync::Arc;

    const EIO: i32 = 5;

    fn faulty(plan: FaultPlan) -> (Disk, Arc<FaultPlan>) {
        let plan = Arc::new(plan);
        (Disk::with_plan(plan.clone()), plan)
    }

    #[test]
    fn failed_fsync_leaves_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("m.json");
        write(&Disk::default(), &target, b"old", Mode::CreateNew).unwrap();
        let (disk, _) = faulty(FaultPlan::fail_nth(1, EIO).only(Op::Fsync));
        assert!(write(&disk, &target, b"new", Mode::Replace).is_err());
        assert_eq!(fs::read(&target).unwrap(), b"old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temp file cleaned up"
        );
    }

    #[test]
    fn a_failed_directory_sync_after_the_rename_is_a_save_not_yet_durable() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("m.json");
        write(&Disk::default(), &target, b"old", Mode::CreateNew).unwrap();
        let (disk, _) = faulty(FaultPlan::fail_nth(1, EIO).only(Op::SyncDir));
        let written = write(&disk, &target, b"new", Mode::Replace).unwrap();
        assert!(written.unsynced.is_some());
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(disk.unsynced(), [dir.path()]);
        disk.retry_syncs().unwrap();
        assert!(disk.unsynced().is_empty());
    }

    #[test]
    fn create_new_never_replaces_but_the_same_bytes_again_are_the_same_create() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("m.json");
        let disk = Disk::default();
        write(&disk, &target, b"first", Mode::CreateNew).unwrap();
        let err = write(&disk, &target, b"second", Mode::CreateNew).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&target).unwrap(), b"first");
        write(&disk, &target, b"first", Mode::CreateNew).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp left");
    }

    #[test]
    fn without_hard_links_a_create_falls_back_to_rename_and_still_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("m.json");
        let (disk, _) = faulty(FaultPlan::fail_nth(1, 1).only(Op::Link)); // EPERM, as FAT gives
        write(&disk, &target, b"first", Mode::CreateNew).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"first");
        let (disk, _) = faulty(FaultPlan::fail_nth(1, 1).only(Op::Link));
        let err = write(&disk, &target, b"second", Mode::CreateNew).unwrap_err();
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
        let err = write_temp(&Disk::default(), &temp, b"minutes").unwrap_err();
        assert!(err.to_string().contains("is a symbolic link"), "{err}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "someone else's file");
    }
}
