//! Where meetings live: one pretty-printed JSON file per meeting in a private data directory,
//! saved atomically, locked per meeting, listed through a small cache. Knows nothing of widgets.

pub mod atomic;
pub mod error;
pub mod index;
pub mod journal;
pub mod lock;
mod part_b;
pub mod schema;

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use atomic::Faults;
pub use error::StoreError;
pub use index::{IhaPoint, Stamp, Summary};
pub use lock::MeetingLock;
pub use schema::Version;

use crate::model::approval::{self, SealCheck};
use crate::model::{Meeting, MeetingId, MeetingStatus};
use error::io_err;

pub type Result<T> = std::result::Result<T, StoreError>;

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "MINUTEBOOK_DATA_DIR";

#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    faults: Faults,
    warnings: Vec<String>,
}

/// A meeting as read from disk, with what is needed to save it back safely.
#[derive(Debug)]
pub struct Loaded {
    pub meeting: Meeting,
    pub stamp: Stamp,
    pub version: Version,
}

/// The right to save one meeting: the version read (so a change made on disk
/// meanwhile is not overwritten) and, unless read-only, the meeting's lock.
#[derive(Debug)]
pub struct Handle {
    id: MeetingId,
    stamp: Option<Stamp>,
    lock: Option<MeetingLock>,
    read_only: Option<String>,
    migrated_from: Option<u32>,
    /// The meeting was approved when read: a save may add errata, never unseal it.
    approved: bool,
}

impl Handle {
    /// Why this meeting cannot be saved from here, if it cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn id(&self) -> &MeetingId {
        &self.id
    }

    /// The file version this handle last read or wrote: what a journal applies to.
    pub fn stamp(&self) -> Option<Stamp> {
        self.stamp
    }
}

/// The archive: every meeting that could be summarised, oldest first, and a
/// problem for every file that could not (the others still list).
#[derive(Debug, Default)]
pub struct Listing {
    pub meetings: Vec<Summary>,
    pub problems: Vec<StoreError>,
}

impl Store {
    /// The platform's data directory for minutebook (e.g. `~/.local/share/minutebook`).
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "minutebook").map(|d| d.data_dir().to_path_buf())
    }

    /// Opens (creating, 0700) the data directory.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store> {
        let dir = dir.into();
        let mut warnings = Vec::new();
        match fs::metadata(&dir) {
            Ok(meta) if !meta.is_dir() => return Err(StoreError::NotADirectory { path: dir }),
            Ok(meta) => {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let mode = meta.permissions().mode() & 0o777;
                    if mode & 0o077 != 0 {
                        warnings.push(format!(
                            "{} can be read by other users (mode {mode:o}); these records are sensitive: \
                             consider chmod 700",
                            dir.display()
                        ));
                    }
                }
                #[cfg(not(unix))]
                let _ = meta;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => create_private_dir(&dir)?,
            Err(e) => return Err(io_err("open the data directory", &dir)(e)),
        }
        Ok(Store {
            dir,
            faults: Faults::default(),
            warnings,
        })
    }

    /// Simulated I/O faults, for tests of failed saves.
    #[doc(hidden)]
    pub fn with_faults(mut self, faults: Faults) -> Store {
        self.faults = faults;
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Things the user should know that did not stop anything.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub fn path_of(&self, id: &MeetingId) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    fn lock_path(&self, id: &MeetingId) -> PathBuf {
        self.dir.join(format!("{id}.lock"))
    }

    pub fn journal_path(&self, id: &MeetingId) -> PathBuf {
        self.dir.join(format!("{id}.journal"))
    }

    pub fn exists(&self, id: &MeetingId) -> bool {
        self.path_of(id).exists()
    }

    /// Reads a meeting without locking it (for showing, listing, exporting).
    pub fn load(&self, id: &MeetingId) -> Result<Loaded> {
        let path = self.path_of(id);
        let mut file = fs::File::open(&path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => StoreError::NotFound {
                id: id.clone(),
                path: path.clone(),
            },
            _ => io_err("open", &path)(e),
        })?;
        // The stamp comes from the open file, so it describes exactly what is read.
        let stamp = Stamp::of(&file.metadata().map_err(io_err("read", &path))?);
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(io_err("read", &path))?;
        let (mut meeting, version) = decode_file(&path, &bytes)?;
        if meeting.id != *id {
            return Err(StoreError::wrong_meeting(&path, &meeting.id, id));
        }
        if matches!(version, Version::Migrated { from } if from < 2) {
            self.derive_part_b(&mut meeting);
        }
        Ok(Loaded {
            meeting,
            stamp,
            version,
        })
    }

    /// Opens a meeting for editing: takes its lock, or, if another process holds
    /// it (or the file is from a newer minutebook), opens it read-only and says why.
    pub fn open_meeting(&self, id: &MeetingId) -> Result<(Meeting, Handle)> {
        let lock = self.lock(id);
        let loaded = self.load(id)?;
        let mut read_only = None;
        let lock = match lock {
            Ok(lock) => Some(lock),
            Err(StoreError::Locked { holder, .. }) => {
                read_only = Some(format!("open in another minutebook ({holder})"));
                None
            }
            Err(e) => return Err(e),
        };
        let migrated_from = match loaded.version {
            Version::Newer { found } => {
                read_only.get_or_insert(format!(
                    "written by a newer minutebook (record format {found}; this one knows {}), so \
                     saving could lose what it added",
                    schema::CURRENT
                ));
                None
            }
            Version::Migrated { from } => Some(from),
            Version::Current => None,
        };
        let handle = Handle {
            id: id.clone(),
            stamp: Some(loaded.stamp),
            lock,
            read_only,
            migrated_from,
            approved: loaded.meeting.status == MeetingStatus::Approved,
        };
        Ok((loaded.meeting, handle))
    }

    /// Changes another meeting on disk under its lock (approving it, adding an
    /// erratum): read, change, save, all or nothing. `change` says why it refuses.
    pub fn amend<T>(
        &self,
        id: &MeetingId,
        change: impl FnOnce(&mut Meeting) -> std::result::Result<T, String>,
    ) -> Result<T> {
        let (mut meeting, mut handle) = self.open_meeting(id)?;
        if let Some(reason) = &handle.read_only {
            return Err(StoreError::ReadOnly {
                id: id.clone(),
                reason: reason.clone(),
            });
        }
        let out = change(&mut meeting).map_err(|reason| StoreError::Refused {
            id: id.clone(),
            reason,
        })?;
        self.save(&mut handle, &meeting)?;
        Ok(out)
    }

    /// Takes the meeting's lock without reading it.
    pub fn lock(&self, id: &MeetingId) -> Result<MeetingLock> {
        let path = self.lock_path(id);
        match lock::acquire(&path, id).map_err(io_err("lock", &path))? {
            lock::Acquired::Mine(lock) => Ok(lock),
            lock::Acquired::Theirs(holder) => Err(StoreError::Locked {
                id: id.clone(),
                holder,
            }),
        }
    }

    /// Writes a new meeting; refuses if one with that id exists.
    pub fn create(&self, meeting: &Meeting) -> Result<()> {
        let path = self.path_of(&meeting.id);
        atomic::write(
            &path,
            &schema::encode(meeting),
            atomic::Mode::CreateNew,
            self.faults,
        )
        .map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                StoreError::AlreadyExists { path: path.clone() }
            } else {
                io_err("save", &path)(e)
            }
        })
    }

    /// Saves atomically over the version the handle read. Refuses when read-only
    /// or when the file changed on disk since; on any failure the file on disk is
    /// the previous good version.
    pub fn save(&self, handle: &mut Handle, meeting: &Meeting) -> Result<()> {
        if let Some(reason) = &handle.read_only {
            return Err(StoreError::ReadOnly {
                id: handle.id.clone(),
                reason: reason.clone(),
            });
        }
        assert_eq!(handle.id, meeting.id, "a handle saves only its own meeting");
        // Approved minutes only ever gain errata: the sealed text must still match.
        let unsealing = handle.approved && meeting.status != MeetingStatus::Approved;
        if unsealing || matches!(approval::check(meeting), SealCheck::Altered { .. }) {
            return Err(StoreError::Sealed {
                id: meeting.id.clone(),
                approved_on: meeting.approval.as_ref().map(|a| a.on),
            });
        }
        debug_assert!(handle.lock.is_some());
        let path = self.path_of(&meeting.id);
        let mode = match fs::metadata(&path) {
            Ok(meta) if Some(Stamp::of(&meta)) != handle.stamp => {
                return Err(StoreError::ChangedOnDisk { path });
            }
            Ok(_) => atomic::Mode::Replace,
            // Deleted meanwhile: writing it again loses nothing.
            Err(e) if e.kind() == io::ErrorKind::NotFound => atomic::Mode::CreateNew,
            Err(e) => return Err(io_err("check", &path)(e)),
        };
        if let Some(from) = handle.migrated_from {
            self.keep_pre_migration_copy(&path, from)?;
        }
        atomic::write(&path, &schema::encode(meeting), mode, self.faults)
            .map_err(io_err("save", &path))?;
        handle.stamp = Some(Stamp::of(
            &fs::metadata(&path).map_err(io_err("read", &path))?,
        ));
        handle.migrated_from = None;
        Ok(())
    }

    /// Before an old-format file is first replaced, its bytes are kept beside it.
    fn keep_pre_migration_copy(&self, path: &Path, from: u32) -> Result<()> {
        let copy = path.with_extension(format!("json.schema-v{from}.bak"));
        let bytes = fs::read(path).map_err(io_err("read", path))?;
        match atomic::write(&copy, &bytes, atomic::Mode::CreateNew, self.faults) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(io_err("back up", &copy)(e)),
            _ => Ok(()),
        }
    }

    /// The meeting files in the directory, with their ids.
    fn meeting_files(&self) -> Result<Vec<(String, MeetingId, fs::Metadata)>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.dir).map_err(io_err("list", &self.dir))? {
            let entry = entry.map_err(io_err("list", &self.dir))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with('.') {
                // Ours (index, temp files): listing is when leftovers of a crash go.
                atomic::remove_if_stale_temp(&entry.path(), name);
                continue;
            }
            // Other names are not meetings.
            let Some(id) = meeting_id_of(name) else {
                continue;
            };
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_file() {
                out.push((name.to_string(), id, meta));
            }
        }
        Ok(out)
    }

    /// The meeting to open when none is named: the first on or after `today`, else
    /// the latest. One pass over the file names, nothing read or sorted, so it costs
    /// next to nothing with 10 meetings or 10,000.
    pub fn default_meeting(&self, today: chrono::NaiveDate) -> Result<Option<MeetingId>> {
        let today = MeetingId::for_date(today);
        let (mut next, mut latest): (Option<MeetingId>, Option<MeetingId>) = (None, None);
        for entry in fs::read_dir(&self.dir).map_err(io_err("list", &self.dir))? {
            let entry = entry.map_err(io_err("list", &self.dir))?;
            let name = entry.file_name();
            let Some(id) = name.to_str().and_then(meeting_id_of) else {
                continue;
            };
            // Ids start with a fixed-width date, so their text orders them by date.
            if id >= today && next.as_ref().is_none_or(|n| id < *n) {
                next = Some(id.clone());
            }
            if latest.as_ref().is_none_or(|l| id > *l) {
                latest = Some(id);
            }
        }
        Ok(next.or(latest))
    }

    /// Every meeting, oldest first, from the cache where it is still true.
    pub fn list(&self) -> Result<Listing> {
        let index_path = self.dir.join(index::INDEX_FILE);
        let cache = index::Index::parse(&fs::read(&index_path).unwrap_or_default());
        let mut listing = Listing::default();
        let mut fresh = Vec::new();
        let mut missed = false;
        for (name, id, meta) in self.meeting_files()? {
            let stamp = Stamp::of(&meta);
            let summary = match cache.get(&name, stamp) {
                Some(s) => s.clone(),
                None => {
                    missed = true;
                    match self.load(&id) {
                        Ok(loaded) => Summary::of(&loaded.meeting),
                        Err(e) => {
                            listing.problems.push(e);
                            continue;
                        }
                    }
                }
            };
            fresh.push((name, stamp, summary.clone()));
            listing.meetings.push(summary);
        }
        if missed || fresh.len() != cache.len() {
            // Only a cache: if it cannot be written (read-only media), listing still works.
            let _ = atomic::write(
                &index_path,
                &index::Index::encode(fresh),
                atomic::Mode::Replace,
                Faults::default(),
            );
        }
        listing
            .meetings
            .sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        Ok(listing)
    }

    /// Every readable meeting in full, oldest first, and the problems with the rest.
    pub fn load_all(&self) -> Result<(Vec<Meeting>, Vec<StoreError>)> {
        self.load_where(|_| true)
    }

    /// As [`Store::load_all`], reading only the meetings whose id `keep` accepts: an id
    /// carries its date, so e.g. the forward plan reads no past meeting.
    pub fn load_where(
        &self,
        keep: impl Fn(&MeetingId) -> bool,
    ) -> Result<(Vec<Meeting>, Vec<StoreError>)> {
        let mut meetings = Vec::new();
        let mut problems = Vec::new();
        for (_, id, _) in self
            .meeting_files()?
            .into_iter()
            .filter(|(_, id, _)| keep(id))
        {
            match self.load(&id) {
                Ok(l) => meetings.push(l.meeting),
                Err(e) => problems.push(e),
            }
        }
        meetings.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        Ok((meetings, problems))
    }
}

/// The meeting a file name such as `2026-12-09.json` holds, if it is one.
pub fn meeting_id_of(file_name: &str) -> Option<MeetingId> {
    MeetingId::parse(file_name.strip_suffix(".json")?).ok()
}

fn decode_file(path: &Path, bytes: &[u8]) -> Result<(Meeting, Version)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.len()
            - before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        StoreError::Corrupt {
            path: path.to_path_buf(),
            line,
            column,
            reason: "the file is not UTF-8 text".into(),
        }
    })?;
    schema::decode(text).map_err(|e| StoreError::undecodable(path, e))
}

fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder
            .create(dir)
            .map_err(io_err("create the data directory", dir))?;
        // The mode given to mkdir is filtered by the umask; set it outright.
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(io_err("protect", dir))?;
    }
    #[cfg(not(unix))]
    builder
        .create(dir)
        .map_err(io_err("create the data directory", dir))?;
    Ok(())
}
