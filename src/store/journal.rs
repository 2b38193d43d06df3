//! The crash journal: small records appended between saves, so a keystroke costs a few
//! bytes instead of a rewrite, and the next start can replay what a crash cut off.
//!
//! `<id>.journal` is a header line naming the file version it applies to (its stamp),
//! then one JSON record per line. A torn last line (the crash came mid-write) is ignored.
//! Journals are never deleted: a finished one is replaced by a fresh one only after its
//! records are safely in a save, and one not replayed is set aside under another name.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::atomic::{self, Mode};
use super::disk::Disk;
use super::index::Stamp;
use crate::model::MeetingId;

const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    journal: u32,
    meeting: MeetingId,
    base: Stamp,
}

/// An open journal, appended to by the run loop.
#[derive(Debug)]
pub struct Journal {
    disk: Disk,
    file: File,
    path: PathBuf,
    unsynced: bool,
}

impl Journal {
    /// Starts a fresh journal for the file version `base`, replacing any old one
    /// atomically (call only once the old one's records are saved or set aside).
    pub fn start(
        disk: &Disk,
        path: &Path,
        meeting: &MeetingId,
        base: Stamp,
    ) -> io::Result<Journal> {
        let mut header = serde_json::to_vec(&Header {
            journal: VERSION,
            meeting: meeting.clone(),
            base,
        })
        .expect("header serialises");
        header.push(b'\n');
        // Written even if its directory sync fails: the store retries that sync.
        atomic::write(disk, path, &header, Mode::Replace)?;
        let file = disk.open(OpenOptions::new().append(true), path)?;
        Ok(Journal {
            disk: disk.clone(),
            file,
            path: path.to_path_buf(),
            unsynced: false,
        })
    }

    /// Appends records with one write; durable against a killed process at once,
    /// against a power cut after the next `sync`.
    pub fn append<T: Serialize>(&mut self, records: &[T]) -> io::Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let mut buf = Vec::new();
        for r in records {
            serde_json::to_writer(&mut buf, r).map_err(io::Error::other)?;
            buf.push(b'\n');
        }
        self.disk.write_all(&mut self.file, &self.path, &buf)?;
        self.unsynced = true;
        Ok(())
    }

    pub fn sync(&mut self) -> io::Result<()> {
        if self.unsynced {
            self.disk.sync_data(&self.file, &self.path)?;
            self.unsynced = false;
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// A journal left behind by a process that did not finish.
#[derive(Debug)]
pub struct Orphan<T> {
    pub path: PathBuf,
    pub records: Vec<T>,
    /// True when the journal applies to the meeting file as it is now. When
    /// false the file was saved after the journal was written (so it already
    /// holds these records) or was replaced by something else.
    pub fits: bool,
    /// Lines that could not be read (a torn last line after a crash is normal).
    pub unreadable: usize,
}

/// Reads `<id>.journal` if there is one with any records.
pub fn find<T: DeserializeOwned>(
    disk: &Disk,
    path: &Path,
    current: Option<Stamp>,
) -> io::Result<Option<Orphan<T>>> {
    let text = match disk.read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut lines = text.lines();
    let header: Option<Header> = lines.next().and_then(|l| serde_json::from_str(l).ok());
    let mut records = Vec::new();
    let mut unreadable = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str(line) {
            Ok(r) => records.push(r),
            Err(_) => unreadable += 1,
        }
    }
    if records.is_empty() && unreadable == 0 {
        return Ok(None);
    }
    let fits = header.is_some_and(|h| h.journal == VERSION && Some(h.base) == current);
    Ok(Some(Orphan {
        path: path.to_path_buf(),
        records,
        fits,
        unreadable,
    }))
}

/// Renames a journal out of the way, `<id>.journal.<why>-<timestamp>`, never deleting it.
pub fn set_aside(disk: &Disk, path: &Path, why: &str) -> io::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("journal");
    let mut target = path.with_file_name(format!("{name}.{why}-{stamp}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_file_name(format!("{name}.{why}-{stamp}-{n}"));
    }
    disk.rename(path, &target)?;
    disk.sync_dir(path.parent().unwrap_or(Path::new(".")))?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::io::Write;

    fn stamp(n: u64) -> Stamp {
        Stamp {
            inode: n,
            len: 1,
            mtime_ns: 2,
        }
    }

    #[test]
    fn records_survive_and_a_torn_tail_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.journal");
        let id = MeetingId::parse("2026-12-09").unwrap();
        let mut j = Journal::start(&Disk::default(), &path, &id, stamp(7)).unwrap();
        j.append(&["one".to_string(), "two".to_string()]).unwrap();
        j.append(&["three".to_string()]).unwrap();
        j.sync().unwrap();
        drop(j);
        // A crash mid-write leaves half a line.
        OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"\"fo")
            .unwrap();
        let found: Orphan<String> = find(&Disk::default(), &path, Some(stamp(7)))
            .unwrap()
            .unwrap();
        assert_eq!(found.records, ["one", "two", "three"]);
        assert!(found.fits);
        assert_eq!(found.unreadable, 1);
        let stale: Orphan<String> = find(&Disk::default(), &path, Some(stamp(8)))
            .unwrap()
            .unwrap();
        assert!(!stale.fits, "the file was saved since");
    }

    #[test]
    fn an_empty_journal_is_nothing_to_recover_and_set_aside_keeps_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.journal");
        let id = MeetingId::parse("2026-12-09").unwrap();
        Journal::start(&Disk::default(), &path, &id, stamp(1)).unwrap();
        assert!(
            find::<String>(&Disk::default(), &path, Some(stamp(1)))
                .unwrap()
                .is_none()
        );
        let aside = set_aside(&Disk::default(), &path, "discarded").unwrap();
        assert!(!path.exists());
        assert!(
            aside
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("m.journal.discarded-")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&aside).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }
}
