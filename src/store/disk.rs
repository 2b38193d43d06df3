//! The one door through which the store touches the disk, so a test can make the Nth
//! file operation fail (EIO, ENOSPC, EROFS…) the way SQLite tests itself. In normal use
//! there is no plan and every call is the plain `std::fs` one.
//!
//! A read-only disk ([`Disk::read_only`], for the chair's view of the clerk's files)
//! refuses every operation that would change the disk, whoever in the store asks, so
//! nothing (a cache, a migration, a lock, a journal set aside) can write through it.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The kinds of operation the seam counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Open,
    Read,
    Write,
    Fsync,
    Rename,
    Link,
    Unlink,
    /// Opening and fsyncing a directory, so a rename survives a power cut.
    SyncDir,
    Stat,
    List,
}

/// Which operation a test makes fail, and how. Shared (`Arc`) between the test and the
/// store so the test can read what happened.
#[derive(Debug)]
pub struct FaultPlan {
    /// The 1-based number of the operation to fail (among `only`'s kind if set); 0: none.
    at: u64,
    errno: i32,
    only: Option<Op>,
    /// Fail every counted operation from `at` on (a disk gone read-only), not just one.
    persistent: bool,
    armed: AtomicBool,
    count: AtomicU64,
    fired: AtomicU64,
    log: Mutex<Vec<(Op, PathBuf)>>,
}

impl FaultPlan {
    /// Fails operation `n` (1-based) once with `errno`; later ones succeed, so a retry can.
    pub fn fail_nth(n: u64, errno: i32) -> FaultPlan {
        FaultPlan {
            at: n,
            errno,
            only: None,
            persistent: false,
            armed: AtomicBool::new(true),
            count: AtomicU64::new(0),
            fired: AtomicU64::new(0),
            log: Mutex::new(Vec::new()),
        }
    }

    /// Counts operations and fails none: to learn how many a path takes.
    pub fn count_only() -> FaultPlan {
        FaultPlan::fail_nth(0, 0)
    }

    /// Counts (and fails) only operations of this kind.
    pub fn only(mut self, op: Op) -> FaultPlan {
        self.only = Some(op);
        self
    }

    /// Fails every operation from the Nth on, until [`FaultPlan::disarm`].
    pub fn from_then_on(mut self) -> FaultPlan {
        self.persistent = true;
        self
    }

    /// Stops failing (the disk is back).
    pub fn disarm(&self) {
        self.armed.store(false, Ordering::SeqCst);
    }

    /// Operations counted so far.
    pub fn ops(&self) -> u64 {
        self.count.load(Ordering::SeqCst)
    }

    /// How many operations were made to fail.
    pub fn fired(&self) -> u64 {
        self.fired.load(Ordering::SeqCst)
    }

    /// Every counted operation so far, in order, with the path it was on.
    pub fn log(&self) -> Vec<(Op, PathBuf)> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    fn check(&self, op: Op, path: &Path) -> io::Result<()> {
        if self.only.is_some_and(|o| o != op) {
            return Ok(());
        }
        let n = self.count.fetch_add(1, Ordering::SeqCst) + 1;
        if let Ok(mut log) = self.log.lock() {
            log.push((op, path.to_path_buf()));
        }
        let hit = self.at != 0 && (n == self.at || (self.persistent && n > self.at));
        if hit && self.armed.load(Ordering::SeqCst) {
            self.fired.fetch_add(1, Ordering::SeqCst);
            return Err(io::Error::from_raw_os_error(self.errno));
        }
        Ok(())
    }
}

/// The write operations a read-only disk refused, each with its path.
type Refusals = Arc<Mutex<Vec<(&'static str, PathBuf)>>>;

/// The seam itself: cheap to clone, one per [`crate::store::Store`].
#[derive(Debug, Clone, Default)]
pub struct Disk {
    plan: Option<Arc<FaultPlan>>,
    /// Directories whose sync failed after a rename: the new names are in place but not
    /// yet durable. Any later successful sync of the directory settles them.
    unsynced: Arc<Mutex<Vec<PathBuf>>>,
    /// Set on a read-only disk: what it refused so far (so a test can show nothing tried).
    read_only: Option<Refusals>,
}

impl Disk {
    pub fn with_plan(plan: Arc<FaultPlan>) -> Disk {
        Disk::default().planned(plan)
    }

    /// A disk that only reads: opening to write, writing, truncating, syncing, renaming,
    /// linking, removing and making directories all fail with an error saying so.
    pub fn read_only() -> Disk {
        Disk {
            read_only: Some(Refusals::default()),
            ..Disk::default()
        }
    }

    /// This disk (read-only or not) with its operations counted and failed as `plan` says.
    pub fn planned(mut self, plan: Arc<FaultPlan>) -> Disk {
        self.plan = Some(plan);
        self
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Every write a read-only disk refused so far (what, and on which path).
    pub fn refused(&self) -> Vec<(&'static str, PathBuf)> {
        let refusals = self.read_only.as_ref();
        refusals.map_or_else(Vec::new, |r| {
            r.lock().map(|r| r.clone()).unwrap_or_default()
        })
    }

    fn check(&self, op: Op, path: &Path) -> io::Result<()> {
        match &self.plan {
            Some(plan) => plan.check(op, path),
            None => Ok(()),
        }
    }

    /// On a read-only disk, the error for an operation that would change it. Refused
    /// before the plan counts it, so a plan's log holds only what was really done.
    fn refuse(&self, what: &'static str, path: &Path) -> io::Result<()> {
        let Some(refusals) = &self.read_only else {
            return Ok(());
        };
        if let Ok(mut r) = refusals.lock() {
            r.push((what, path.to_path_buf()));
        }
        Err(io::Error::new(
            io::ErrorKind::ReadOnlyFilesystem,
            format!(
                "refused to {what} {}: the data directory was opened read-only, so nothing \
                 in it is written",
                path.display()
            ),
        ))
    }

    /// Opens `path` as `options` say: for writing (creating, truncating, appending), so
    /// a read-only disk refuses it whatever the options. Reads use [`Disk::open_read`].
    pub fn open(&self, options: &OpenOptions, path: &Path) -> io::Result<File> {
        self.refuse("open for writing", path)?;
        self.check(Op::Open, path)?;
        options.open(path)
    }

    /// Opens `path` to read it, and only to read it.
    pub fn open_read(&self, path: &Path) -> io::Result<File> {
        self.check(Op::Open, path)?;
        OpenOptions::new().read(true).open(path)
    }

    /// As [`Disk::open_read`], refusing a symbolic link at `path` (our own files).
    pub fn open_read_no_follow(&self, path: &Path) -> io::Result<File> {
        self.check(Op::Open, path)?;
        super::nofollow::no_follow(OpenOptions::new().read(true)).open(path)
    }

    /// A whole file's bytes (one open, one read).
    pub fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let mut file = self.open_read(path)?;
        self.read_to_end(&mut file, path)
    }

    pub fn read_to_end(&self, file: &mut File, path: &Path) -> io::Result<Vec<u8>> {
        self.check(Op::Read, path)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// Writes all of `bytes`. A simulated failure first writes half, as a full disk does.
    pub fn write_all(&self, file: &mut File, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.refuse("write", path)?;
        if let Err(e) = self.check(Op::Write, path) {
            let _ = file.write_all(&bytes[..bytes.len() / 2]);
            return Err(e);
        }
        file.write_all(bytes)
    }

    /// Cuts or extends the open file to `len` bytes. Not counted by a plan: the fault
    /// tests enumerate the operations they always have.
    pub fn set_len(&self, file: &File, path: &Path, len: u64) -> io::Result<()> {
        self.refuse("truncate", path)?;
        file.set_len(len)
    }

    pub fn sync_all(&self, file: &File, path: &Path) -> io::Result<()> {
        self.refuse("sync", path)?;
        self.check(Op::Fsync, path)?;
        file.sync_all()
    }

    pub fn sync_data(&self, file: &File, path: &Path) -> io::Result<()> {
        self.refuse("sync", path)?;
        self.check(Op::Fsync, path)?;
        file.sync_data()
    }

    pub fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.refuse("rename a file to", to)?;
        self.check(Op::Rename, to)?;
        fs::rename(from, to)
    }

    pub fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.refuse("link a file to", to)?;
        self.check(Op::Link, to)?;
        fs::hard_link(from, to)
    }

    pub fn remove_file(&self, path: &Path) -> io::Result<()> {
        self.refuse("remove", path)?;
        self.check(Op::Unlink, path)?;
        fs::remove_file(path)
    }

    pub fn metadata(&self, path: &Path) -> io::Result<Metadata> {
        self.check(Op::Stat, path)?;
        fs::metadata(path)
    }

    pub fn file_metadata(&self, file: &File, path: &Path) -> io::Result<Metadata> {
        self.check(Op::Stat, path)?;
        file.metadata()
    }

    pub fn read_dir(&self, dir: &Path) -> io::Result<fs::ReadDir> {
        self.check(Op::List, dir)?;
        fs::read_dir(dir)
    }

    /// Makes renames in `dir` durable: without it a power cut can forget the new name.
    /// A failure is remembered until a later sync of `dir` succeeds.
    pub fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.refuse("sync the directory", dir)?;
        let result = self.check(Op::SyncDir, dir).and_then(|()| sync_dir(dir));
        if let Ok(mut unsynced) = self.unsynced.lock() {
            match &result {
                Ok(()) => unsynced.retain(|d| d != dir),
                Err(_) if !unsynced.iter().any(|d| d == dir) => unsynced.push(dir.to_path_buf()),
                Err(_) => {}
            }
        }
        result
    }

    /// Directories holding a saved file whose new name is not yet durable.
    pub fn unsynced(&self) -> Vec<PathBuf> {
        self.unsynced.lock().map(|u| u.clone()).unwrap_or_default()
    }

    /// Tries every unsynced directory again; the first that still fails is the error.
    pub fn retry_syncs(&self) -> Result<(), (PathBuf, io::Error)> {
        for dir in self.unsynced() {
            self.sync_dir(&dir).map_err(|e| (dir.clone(), e))?;
        }
        Ok(())
    }
}

impl Disk {
    /// Makes `dir` (and its parents) private: 0700 whatever the umask. Not counted by a
    /// plan, as [`Disk::set_len`].
    pub fn create_private_dir(&self, dir: &Path) -> io::Result<()> {
        self.refuse("create the directory", dir)?;
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
            builder.mode(0o700).create(dir)?;
            // The mode given to mkdir is filtered by the umask; set it outright.
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
        }
        #[cfg(not(unix))]
        builder.create(dir)
    }
}

fn sync_dir(dir: &Path) -> io::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nth_operation_fails_once_with_the_errno_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let plan = Arc::new(FaultPlan::fail_nth(2, 28)); // ENOSPC on Linux
        let disk = Disk::with_plan(plan.clone());
        assert!(disk.sync_dir(dir.path()).is_ok());
        let err = disk.sync_dir(dir.path()).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(28));
        assert_eq!(disk.unsynced(), [dir.path()]);
        assert!(disk.retry_syncs().is_ok(), "a retry succeeds");
        assert!(disk.unsynced().is_empty());
        assert_eq!((plan.ops(), plan.fired()), (3, 1));
    }

    /// Names, sizes, contents and mtimes of everything in `dir`, to show nothing changed.
    fn listing(dir: &Path) -> Vec<(String, u64, Vec<u8>, std::time::SystemTime)> {
        let mut out: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let path = e.unwrap().path();
                let meta = fs::symlink_metadata(&path).unwrap();
                let bytes = if meta.is_file() {
                    fs::read(&path).unwrap()
                } else {
                    Vec::new()
                };
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, meta.len(), bytes, meta.modified().unwrap())
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_read_only_disk_refuses_every_write_saying_so_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("2026-12-09.json");
        fs::write(&file, "the minutes").unwrap();
        let before = listing(dir.path());
        let plan = Arc::new(FaultPlan::count_only());
        let disk = Disk::read_only().planned(plan.clone());
        let other = dir.path().join("other.json");
        let mut open = File::open(&file).unwrap();
        let mut writing = OpenOptions::new();
        writing.write(true).create(true).truncate(true);
        let refusals: Vec<(&str, io::Result<()>)> = vec![
            ("open", disk.open(&writing, &other).map(drop)),
            (
                "append",
                disk.open(OpenOptions::new().append(true), &file).map(drop),
            ),
            ("write", disk.write_all(&mut open, &file, b"overwritten")),
            ("set_len", disk.set_len(&open, &file, 0)),
            ("sync_all", disk.sync_all(&open, &file)),
            ("sync_data", disk.sync_data(&open, &file)),
            ("rename", disk.rename(&file, &other)),
            ("hard_link", disk.hard_link(&file, &other)),
            ("remove", disk.remove_file(&file)),
            ("sync_dir", disk.sync_dir(dir.path())),
            ("mkdir", disk.create_private_dir(&dir.path().join("trash"))),
        ];
        for (what, result) in refusals {
            let e = result.expect_err(what);
            assert_eq!(e.kind(), io::ErrorKind::ReadOnlyFilesystem, "{what}: {e}");
            assert!(e.to_string().contains("opened read-only"), "{what}: {e}");
        }
        assert_eq!(disk.refused().len(), 11);
        assert!(disk.unsynced().is_empty(), "a refused sync is not owed");
        // Reads and stats still work.
        assert_eq!(disk.read(&file).unwrap(), b"the minutes");
        assert!(disk.metadata(&file).unwrap().is_file());
        assert_eq!(disk.read_dir(dir.path()).unwrap().count(), 1);
        let mut f = disk.open_read_no_follow(&file).unwrap();
        assert_eq!(disk.read_to_end(&mut f, &file).unwrap(), b"the minutes");
        assert_eq!(
            listing(dir.path()),
            before,
            "the directory is byte for byte as it was"
        );
        let done: Vec<Op> = plan.log().into_iter().map(|(op, _)| op).collect();
        assert_eq!(
            done,
            [Op::Open, Op::Read, Op::Stat, Op::List, Op::Open, Op::Read]
        );
    }
}
