//! Where meetings live: one pretty-printed JSON file per meeting in a private data directory,
//! saved atomically, locked per meeting, listed through a small cache. Knows nothing of widgets.

pub mod atomic;
pub mod boards;
pub mod brief_sources;
pub mod disk;
pub mod error;
pub mod index;
pub mod journal;
pub mod lock;
pub mod minute_count;
pub mod nofollow;
mod part_b;
pub mod rename;
pub mod schema;
pub mod trash;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use disk::{Disk, FaultPlan, Op};
pub use error::StoreError;
pub use index::{FileVersion, IhaPoint, Stamp, Summary};
pub use lock::MeetingLock;
pub use rename::{Changed, Moved};
pub use schema::Version;
pub use trash::{InTrash, Trashed};

use crate::model::approval::{self, SealCheck};
use crate::model::validate;
use crate::model::{Meeting, MeetingId, MeetingStatus};
use error::io_err;

pub type Result<T> = std::result::Result<T, StoreError>;

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "MINUTEBOOK_DATA_DIR";

#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    disk: Disk,
    /// Behind a lock: a migration of board records adds to them through `&self`.
    warnings: std::sync::Mutex<Vec<String>>,
}

/// What a save that did not fail left on disk. Either way the new version is the file
/// every reader sees; `NotDurable` says a power cut could still lose it until the
/// directory sync, which the store retries ([`Store::retry_sync`]), succeeds.
#[derive(Debug)]
pub enum SaveOutcome {
    Durable,
    NotDurable { dir: PathBuf, reason: String },
}

impl SaveOutcome {
    fn of(written: &atomic::Written, path: &Path) -> SaveOutcome {
        match &written.unsynced {
            None => SaveOutcome::Durable,
            Some(e) => SaveOutcome::NotDurable {
                dir: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
                reason: e.to_string(),
            },
        }
    }

    /// Why a save is not yet durable, in a sentence, or None when it is.
    pub fn note(&self) -> Option<String> {
        match self {
            SaveOutcome::Durable => None,
            SaveOutcome::NotDurable { dir, reason } => Some(not_durable_note(dir, reason)),
        }
    }
}

fn not_durable_note(dir: &Path, reason: &str) -> String {
    format!(
        "the file is written, but the directory {} could not be synced ({reason}), so a \
         power cut now could still lose it",
        dir.display()
    )
}

/// A meeting as read from disk, with what is needed to save it back safely.
#[derive(Debug)]
pub struct Loaded {
    pub meeting: Meeting,
    /// The stamp and the digest of the bytes read.
    pub file: FileVersion,
    pub version: Version,
}

/// The right to save one meeting: the version read (so a change made on disk
/// meanwhile is not overwritten) and, unless read-only, the meeting's lock.
#[derive(Debug)]
pub struct Handle {
    id: MeetingId,
    /// The file as last read or written: its stamp, and the digest that decides whether
    /// a different stamp is a real change.
    file: Option<FileVersion>,
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
        self.file.map(|f| f.stamp)
    }

    /// As [`Handle::stamp`], with the digest of the file's content.
    pub fn file(&self) -> Option<FileVersion> {
        self.file
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
        let warnings = match fs::metadata(&dir) {
            Ok(meta) => existing_dir(&dir, &meta)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                private_dir(&Disk::default(), &dir)?;
                Vec::new()
            }
            Err(e) => return Err(io_err("open the data directory", &dir)(e)),
        };
        Ok(Store {
            dir,
            disk: Disk::default(),
            warnings: std::sync::Mutex::new(warnings),
        })
    }

    /// Opens an existing data directory to read only: its disk refuses every operation
    /// that would change anything ([`Disk::read_only`]), so listing, loading and briefing
    /// work and every save, lock, cache or migration write fails saying it is read-only.
    /// A missing directory is an error, never created.
    pub fn open_read_only(dir: impl Into<PathBuf>) -> Result<Store> {
        let dir = dir.into();
        let warnings = match fs::metadata(&dir) {
            Ok(meta) => existing_dir(&dir, &meta)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(io_err("open the data directory", &dir)(io::Error::new(
                    io::ErrorKind::NotFound,
                    "it does not exist, and a data directory opened read-only is never created",
                )));
            }
            Err(e) => return Err(io_err("open the data directory", &dir)(e)),
        };
        Ok(Store {
            dir,
            disk: Disk::read_only(),
            warnings: std::sync::Mutex::new(warnings),
        })
    }

    /// Makes the store's file operations fail as `plan` says, for tests of failures:
    /// every open, read, write, fsync, rename, link, unlink, stat and directory sync of
    /// this store (meetings, index, locks, journals, exports) is counted.
    #[doc(hidden)]
    pub fn with_faults(mut self, plan: Arc<FaultPlan>) -> Store {
        // A read-only store stays read-only under a plan.
        self.disk = self.disk.planned(plan);
        self
    }

    /// The seam every file operation of this store goes through.
    pub fn disk(&self) -> &Disk {
        &self.disk
    }

    /// Syncs again every directory whose sync failed after a save. `Ok` when all saves
    /// are durable; otherwise why not, as [`SaveOutcome::note`] says it.
    pub fn retry_sync(&self) -> std::result::Result<(), String> {
        self.disk
            .retry_syncs()
            .map_err(|(dir, e)| not_durable_note(&dir, &e.to_string()))
    }

    /// True while some save's directory sync is still owed.
    pub fn sync_owed(&self) -> bool {
        !self.disk.unsynced().is_empty()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Things the user should know that did not stop anything.
    pub fn warnings(&self) -> Vec<String> {
        self.warnings.lock().map(|w| w.clone()).unwrap_or_default()
    }

    /// Adds something the user should know (shown where the store's warnings are).
    pub fn warn(&self, warning: String) {
        if let Ok(mut w) = self.warnings.lock()
            && !w.contains(&warning)
        {
            w.push(warning);
        }
    }

    pub fn path_of(&self, id: &MeetingId) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Where meeting `id`'s lock is, its text naming the holder.
    pub fn lock_path(&self, id: &MeetingId) -> PathBuf {
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
        let (file, bytes) = self.read_versioned(&path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => StoreError::NotFound {
                id: id.clone(),
                path: path.clone(),
            },
            _ => io_err("read", &path)(e),
        })?;
        let (mut meeting, version) = decode_file(&path, &bytes)?;
        if meeting.id != *id {
            return Err(StoreError::wrong_meeting(&path, &meeting.id, id));
        }
        if matches!(version, Version::Migrated { from } if from < 2) {
            self.derive_part_b(&mut meeting);
        }
        // Every reader goes through here: impossible figures never reach a view or a document.
        validate::check_meeting(&meeting).map_err(|p| StoreError::invalid(&path, id, p))?;
        Ok(Loaded {
            meeting,
            file,
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
            // Without its lock nothing may be written, but the record can still be read.
            Err(StoreError::Io { source, .. }) => {
                read_only = Some(unlockable(&self.lock_path(id), &source));
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
            file: Some(loaded.file),
            lock,
            read_only,
            migrated_from,
            approved: loaded.meeting.status == MeetingStatus::Approved,
        };
        Ok((loaded.meeting, handle))
    }

    /// Opens a meeting to change it here and now: its lock taken, or an error saying why
    /// it cannot be written (held by another minutebook, from a newer one).
    pub fn open_to_change(&self, id: &MeetingId) -> Result<(Meeting, Handle)> {
        let (meeting, handle) = self.open_meeting(id)?;
        match &handle.read_only {
            Some(reason) => Err(StoreError::ReadOnly {
                id: id.clone(),
                reason: reason.clone(),
            }),
            None => Ok((meeting, handle)),
        }
    }

    /// A file's bytes and the version they are, the stamp taken from the open file so it
    /// describes exactly what is read.
    fn read_versioned(&self, path: &Path) -> io::Result<(FileVersion, Vec<u8>)> {
        let mut file = self.disk.open_read(path)?;
        let stamp = Stamp::of(&self.disk.file_metadata(&file, path)?);
        let bytes = self.disk.read_to_end(&mut file, path)?;
        Ok((FileVersion::of(stamp, &bytes), bytes))
    }

    /// Reads the handle's meeting again under the lock it already holds (after the file
    /// was changed on disk): later saves go over the version read now.
    pub fn reload(&self, handle: &mut Handle) -> Result<Meeting> {
        let loaded = self.load(&handle.id)?;
        self.adopt(handle, loaded)
    }

    /// Makes `loaded` (just read from the handle's file) the version later saves go over,
    /// so what a caller checked before adopting is exactly what it adopts.
    pub fn adopt(&self, handle: &mut Handle, loaded: Loaded) -> Result<Meeting> {
        if let Version::Newer { found } = loaded.version {
            return Err(StoreError::ReadOnly {
                id: handle.id.clone(),
                reason: format!(
                    "the file was replaced by a newer minutebook's (record format {found})"
                ),
            });
        }
        handle.file = Some(loaded.file);
        handle.migrated_from = match loaded.version {
            Version::Migrated { from } => Some(from),
            _ => None,
        };
        handle.approved = loaded.meeting.status == MeetingStatus::Approved;
        Ok(loaded.meeting)
    }

    /// Writes `meeting` as a new, separate meeting tagged `tag` (`<id>-<tag>`, then
    /// `<id>-<tag>-2`, …): the first free id, always a valid one. Returns the id.
    pub fn create_copy(&self, meeting: &Meeting, tag: &str) -> Result<MeetingId> {
        let mut copy = meeting.clone();
        let mut last = None;
        for n in 1..=1000 {
            copy.id = meeting.id.copy(tag, n);
            match self.create(&copy) {
                Ok(_) => return Ok(copy.id),
                Err(e @ StoreError::AlreadyExists { .. }) => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.expect("a thousand tries were made"))
    }

    /// Changes another meeting on disk under its lock (approving it, adding an
    /// erratum): read, change, save, all or nothing. `change` says why it refuses.
    /// A change that leaves the meeting as it was (a command retried after it was
    /// done) writes nothing.
    pub fn amend<T>(
        &self,
        id: &MeetingId,
        change: impl FnOnce(&mut Meeting) -> std::result::Result<T, String>,
    ) -> Result<(T, SaveOutcome)> {
        let (mut meeting, mut handle) = self.open_to_change(id)?;
        let before = meeting.clone();
        let out = change(&mut meeting).map_err(|reason| StoreError::Refused {
            id: id.clone(),
            reason,
        })?;
        let calendar = crate::model::details::CalendarFacts::of(&before);
        crate::model::details::note_calendar_change(&calendar, &mut meeting);
        let outcome = if meeting == before {
            // Done before, perhaps by a run whose directory sync failed: settle that.
            self.settle()
        } else {
            self.save(&mut handle, &meeting)?
        };
        Ok((out, outcome))
    }

    /// Syncs the data directory, so that every save in it is durable.
    pub fn settle(&self) -> SaveOutcome {
        match self.disk.sync_dir(&self.dir) {
            Ok(()) => SaveOutcome::Durable,
            Err(e) => SaveOutcome::NotDurable {
                dir: self.dir.clone(),
                reason: e.to_string(),
            },
        }
    }

    /// Takes the meeting's lock without reading it.
    pub fn lock(&self, id: &MeetingId) -> Result<MeetingLock> {
        let path = self.lock_path(id);
        match lock::acquire(&self.disk, &path, id).map_err(io_err("lock", &path))? {
            lock::Acquired::Mine(lock) => Ok(lock),
            lock::Acquired::Theirs(holder) => Err(StoreError::Locked {
                id: id.clone(),
                holder,
            }),
        }
    }

    /// Writes a new meeting; refuses if another with that id exists (the same meeting,
    /// byte for byte, is a create retried and succeeds).
    pub fn create(&self, meeting: &Meeting) -> Result<SaveOutcome> {
        refuse_impossible(meeting)?;
        let path = self.path_of(&meeting.id);
        atomic::write(
            &self.disk,
            &path,
            &schema::encode(meeting),
            atomic::Mode::CreateNew,
        )
        .map(|written| SaveOutcome::of(&written, &path))
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
    /// the previous good version. `Ok` means the new version is the file on disk
    /// (and the handle now stands for it), durable or not yet.
    pub fn save(&self, handle: &mut Handle, meeting: &Meeting) -> Result<SaveOutcome> {
        if let Some(reason) = &handle.read_only {
            return Err(StoreError::ReadOnly {
                id: handle.id.clone(),
                reason: reason.clone(),
            });
        }
        assert_eq!(handle.id, meeting.id, "a handle saves only its own meeting");
        refuse_impossible(meeting)?;
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
        let mode = match self.disk.metadata(&path) {
            Ok(meta) if Some(Stamp::of(&meta)) != handle.stamp() => {
                // A `touch`, or a byte-identical copy over the file (what backup and sync
                // tools do), changes the stamp and nothing else: only different bytes are
                // a change that saving would lose.
                let (now, _) = self.read_versioned(&path).map_err(io_err("check", &path))?;
                if handle.file.map(|f| f.sha256) != Some(now.sha256) {
                    return Err(StoreError::ChangedOnDisk { path });
                }
                handle.file = Some(now);
                atomic::Mode::Replace
            }
            Ok(_) => atomic::Mode::Replace,
            // Deleted meanwhile: writing it again loses nothing.
            Err(e) if e.kind() == io::ErrorKind::NotFound => atomic::Mode::CreateNew,
            Err(e) => return Err(io_err("check", &path)(e)),
        };
        if let Some(from) = handle.migrated_from {
            self.keep_pre_migration_copy(&path, from)?;
        }
        let bytes = schema::encode(meeting);
        let written =
            atomic::write(&self.disk, &path, &bytes, mode).map_err(io_err("save", &path))?;
        // Committed: from here the handle stands for the new file, durable or not.
        handle.file = Some(FileVersion::of(Stamp::of(&written.meta), bytes.as_ref()));
        handle.migrated_from = None;
        Ok(SaveOutcome::of(&written, &path))
    }

    /// Before an old-format file is first replaced, its bytes are kept beside it.
    fn keep_pre_migration_copy(&self, path: &Path, from: u32) -> Result<()> {
        let copy = path.with_extension(format!("json.schema-v{from}.bak"));
        let bytes = self.disk.read(path).map_err(io_err("read", path))?;
        match atomic::write(&self.disk, &copy, &bytes, atomic::Mode::CreateNew) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(io_err("back up", &copy)(e)),
            _ => Ok(()),
        }
    }

    /// The meeting files in the directory, with their ids.
    fn meeting_files(&self) -> Result<Vec<(String, MeetingId, fs::Metadata)>> {
        let mut out = Vec::new();
        for entry in self
            .disk
            .read_dir(&self.dir)
            .map_err(io_err("list", &self.dir))?
        {
            let entry = entry.map_err(io_err("list", &self.dir))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with('.') {
                // Ours (index, temp files): listing is when leftovers of a crash go.
                atomic::remove_if_stale_temp(&self.disk, &entry.path(), name);
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
        for entry in self
            .disk
            .read_dir(&self.dir)
            .map_err(io_err("list", &self.dir))?
        {
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

    /// Every meeting, oldest first, from the cache where it is still true, each with its
    /// board resolved ([`Store::boards`]). Board records that cannot be read leave the
    /// meetings of unnamed boards unresolved, and are listed as problems.
    pub fn list(&self) -> Result<Listing> {
        let mut listing = self.list_as_recorded()?;
        match self.boards_given(&listing.meetings) {
            Ok(boards) => boards::resolve_summaries(&boards, &mut listing.meetings),
            Err(e) => listing.problems.push(e),
        }
        Ok(listing)
    }

    /// Every meeting as its file records it (the board unresolved), from the cache.
    fn list_as_recorded(&self) -> Result<Listing> {
        let index_path = self.dir.join(index::INDEX_FILE);
        let cache = index::Index::parse(&self.disk.read(&index_path).unwrap_or_default());
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
                &self.disk,
                &index_path,
                &index::Index::encode(fresh),
                atomic::Mode::Replace,
            );
        }
        listing
            .meetings
            .sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        Ok(listing)
    }

    /// Where each action carried into `m` was raised, read now, so a document decides Part B
    /// from the raising item as it stands. A meeting that is missing or unreadable as a
    /// record counts as Part B (fail closed, and [`Origins::unreadable`] names it); an I/O
    /// error is an error, so a passing disk fault never quietly changes a public document.
    pub fn origins_of(&self, m: &Meeting) -> Result<crate::model::Origins> {
        self.origins_knowing(m, None)
    }

    /// As [`Store::origins_of`], with `known` a meeting already read (`None` in it: read
    /// and found missing or unreadable as a record), so it is not read a second time
    /// ([`crate::model::Origins::of`] asks for each meeting once).
    fn origins_knowing(
        &self,
        m: &Meeting,
        mut known: Option<(MeetingId, Option<Meeting>)>,
    ) -> Result<crate::model::Origins> {
        let mut failed = None;
        let origins = crate::model::Origins::of(m, |at| match known.take_if(|(id, _)| id == at) {
            Some((_, read)) => read,
            None => match self.load(at) {
                Ok(loaded) => Some(loaded.meeting),
                Err(e @ StoreError::Io { .. }) => {
                    failed.get_or_insert(e);
                    None
                }
                Err(_) => None,
            },
        });
        match failed {
            Some(e) => Err(e),
            None => Ok(origins),
        }
    }

    /// The origins a document for `audience` is made with: for a public one, `m` is first
    /// made ready for publication ([`Store::for_publication`]); the clerk's full record
    /// shows `m` as it is.
    pub fn origins_for(
        &self,
        m: &mut Meeting,
        audience: crate::export::Audience,
    ) -> Result<crate::model::Origins> {
        match audience {
            crate::export::Audience::Public => self.for_publication(m),
            crate::export::Audience::Private => self.origins_of(m),
        }
    }

    /// Makes `m` ready for a public document, whatever its record says: items deferred
    /// from under Part B at the previous meeting are put back under Part B (records made
    /// before that was carried, approved ones included, whose seals keep them as they
    /// are), and each carried action's origin is read. Only ever adds Part B; the record
    /// on disk is not changed. An I/O error is an error, as in [`Store::origins_of`].
    pub fn for_publication(&self, m: &mut Meeting) -> Result<crate::model::Origins> {
        let Some(prev) = m.previous.clone() else {
            return self.origins_of(m);
        };
        // Read once: carried actions were usually raised there, so the origins ask again.
        let read = match self.load(&prev) {
            Ok(p) => {
                crate::model::carry::restore_deferred_grounds(m, &p.meeting);
                Some(p.meeting)
            }
            Err(e @ StoreError::Io { .. }) => return Err(e),
            // Missing or unreadable: nothing to learn from it (its own actions are
            // left out by the origins, fail closed).
            Err(_) => None,
        };
        self.origins_knowing(m, Some((prev, read)))
    }

    /// Every readable meeting in full whose id `keep` accepts, oldest first, and the
    /// problems with the rest: an id carries its date, so e.g. the forward plan reads no
    /// past meeting.
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

/// The store never writes a record it would refuse to read back: whoever the caller is,
/// a figure that cannot be true is refused here, naming the field, and the file keeps the
/// last good version.
fn refuse_impossible(meeting: &Meeting) -> Result<()> {
    crate::model::validate::check_meeting(meeting).map_err(|p| StoreError::Refused {
        id: meeting.id.clone(),
        reason: format!("it would hold an impossible record ({p})"),
    })
}

/// Why a meeting whose lock cannot be taken opens read-only, in the clerk's words.
fn unlockable(lock: &Path, e: &io::Error) -> String {
    #[cfg(unix)]
    let read_only_dir = matches!(
        e.raw_os_error(),
        Some(libc::EACCES | libc::EPERM | libc::EROFS)
    );
    #[cfg(not(unix))]
    let read_only_dir = e.kind() == io::ErrorKind::PermissionDenied;
    if read_only_dir {
        format!(
            "the data directory is read-only (cannot create {}: {e})",
            lock.display()
        )
    } else {
        format!("the meeting's lock could not be taken ({e})")
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

/// The warnings an existing data directory gives (readable by others), or why it is not one.
fn existing_dir(dir: &Path, meta: &fs::Metadata) -> Result<Vec<String>> {
    if !meta.is_dir() {
        return Err(StoreError::NotADirectory {
            path: dir.to_path_buf(),
        });
    }
    let mut warnings = Vec::new();
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
    Ok(warnings)
}

fn private_dir(disk: &Disk, dir: &Path) -> Result<()> {
    disk.create_private_dir(dir)
        .map_err(io_err("create the data directory", dir))
}

impl Store {
    /// Makes `dir` (inside the data directory) private, 0700, through this store's disk.
    pub(crate) fn create_private_dir(&self, dir: &Path) -> Result<()> {
        private_dir(&self.disk, dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_lock_refused_for_permissions_says_the_data_directory_is_read_only() {
        let lock = Path::new("/data/2026-12-09.lock");
        for errno in [libc::EACCES, libc::EPERM, libc::EROFS] {
            let why = unlockable(lock, &io::Error::from_raw_os_error(errno));
            assert!(
                why.starts_with(
                    "the data directory is read-only (cannot create /data/2026-12-09.lock: "
                ),
                "{why}"
            );
        }
        let why = unlockable(lock, &io::Error::from_raw_os_error(libc::EISDIR));
        assert!(
            why.starts_with("the meeting's lock could not be taken"),
            "{why}"
        );
    }
}
