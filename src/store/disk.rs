//! The one door through which the store touches the disk, so a test can make the Nth
//! file operation fail (EIO, ENOSPC, EROFS…) the way SQLite tests itself. In normal use
//! there is no plan and every call is the plain `std::fs` one.

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

/// The seam itself: cheap to clone, one per [`crate::store::Store`].
#[derive(Debug, Clone, Default)]
pub struct Disk {
    plan: Option<Arc<FaultPlan>>,
    /// Directories whose sync failed after a rename: the new names are in place but not
    /// yet durable. Any later successful sync of the directory settles them.
    unsynced: Arc<Mutex<Vec<PathBuf>>>,
}

impl Disk {
    pub fn with_plan(plan: Arc<FaultPlan>) -> Disk {
        Disk {
            plan: Some(plan),
            ..Disk::default()
        }
    }

    fn check(&self, op: Op, path: &Path) -> io::Result<()> {
        match &self.plan {
            Some(plan) => plan.check(op, path),
            None => Ok(()),
        }
    }

    pub fn open(&self, options: &OpenOptions, path: &Path) -> io::Result<File> {
        self.check(Op::Open, path)?;
        options.open(path)
    }

    /// A whole file's bytes (one open, one read).
    pub fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let mut file = self.open(OpenOptions::new().read(true), path)?;
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
        if let Err(e) = self.check(Op::Write, path) {
            let _ = file.write_all(&bytes[..bytes.len() / 2]);
            return Err(e);
        }
        file.write_all(bytes)
    }

    pub fn sync_all(&self, file: &File, path: &Path) -> io::Result<()> {
        self.check(Op::Fsync, path)?;
        file.sync_all()
    }

    pub fn sync_data(&self, file: &File, path: &Path) -> io::Result<()> {
        self.check(Op::Fsync, path)?;
        file.sync_data()
    }

    pub fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(Op::Rename, to)?;
        fs::rename(from, to)
    }

    pub fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(Op::Link, to)?;
        fs::hard_link(from, to)
    }

    pub fn remove_file(&self, path: &Path) -> io::Result<()> {
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
}
