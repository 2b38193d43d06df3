//! Following the clerk's workspace from its files: the meeting file it saves and the
//! journal it appends typing to between saves. Read-only: two stats per look while nothing
//! changes, a read only when something did; never a write, never a lock call.

use std::path::Path;
use std::time::{Duration, SystemTime};

use crate::app::JournalLine;
use crate::app::recovery;
use crate::model::{Meeting, MeetingId};
use crate::store::journal;
use crate::store::lock;
use crate::store::trash::{self, MOVED_TO};
use crate::store::{Loaded, Stamp, Store, StoreError};

/// What a look at the files found. Each is said once: until the files change again, the
/// next looks are [`Seen::Same`].
#[derive(Debug)]
pub enum Seen {
    /// Nothing new since the last look.
    Same,
    /// The meeting as the clerk's workspace has it now (its unsaved typing included).
    Changed(Box<Meeting>),
    /// The meeting could not be read this time; why, naming the file. The last one read
    /// stays shown; following goes on, and the next good read is a `Changed`.
    Unreadable(String),
    /// The meeting was moved to another date, so to another id, and is followed there now.
    Moved {
        from: MeetingId,
        to: MeetingId,
        meeting: Box<Meeting>,
    },
    /// The meeting's file is no longer in the data directory (moved to the trash, or
    /// removed); why, in a sentence. Should it come back, it is a `Changed`.
    Gone(String),
}

/// Whether the clerk's workspace has the meeting open, as its lock's text and the
/// process it names say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clerk {
    /// Held, by the holder the lock's text describes ("pid 4242, clerk@laptop, since …").
    Open {
        holder: String,
    },
    NotOpen,
}

/// A file can change again within its timestamp's granularity with the same size (and,
/// once an inode is reused, the same inode): a stamp this close to the look that took it
/// is checked by reading again. Two seconds covers FAT's mtimes, the coarsest.
const RACY: Duration = Duration::from_secs(2);

/// Follows one meeting's files.
#[derive(Debug)]
pub struct Follower {
    store: Store,
    id: MeetingId,
    /// The meeting file and journal as last looked at.
    stamps: (Option<Stamp>, Option<Stamp>),
    /// The meeting file as last read, under the stamp it was read at.
    file: Option<(Stamp, Loaded)>,
    /// The meeting file and journal to read again at the next look even if their stamps
    /// are the same (see [`RACY`]), or because the last read failed for a reason that
    /// may pass.
    recheck: (bool, bool),
    /// The meeting last said (`Changed`, `Moved`), and the problem said since, if any.
    shown: Option<Meeting>,
    said: Option<String>,
    host: String,
}

/// What the files hold, before it is compared with what was said.
enum Found {
    Meeting(Box<Meeting>),
    Problem { why: String, passing: bool },
    Moved(MeetingId),
    Gone(String),
}

impl Follower {
    /// Follows meeting `id` in `store` (a read-only one: [`Store::open_read_only`]),
    /// returning the meeting as it is now, its unsaved typing included. Should `id` have
    /// moved to another date, it is followed there ([`Follower::id`] says which).
    pub fn start(store: Store, id: MeetingId) -> Result<(Follower, Meeting), StoreError> {
        let mut f = Follower {
            store,
            id,
            stamps: (None, None),
            file: None,
            recheck: (true, true),
            shown: None,
            said: None,
            host: lock::this_host(),
        };
        match f.look() {
            Seen::Changed(m) | Seen::Moved { meeting: m, .. } => Ok((f, *m)),
            // The store says why, in its own words.
            Seen::Same | Seen::Unreadable(_) | Seen::Gone(_) => {
                f.store.load(&f.id).map(|l| (f, l.meeting))
            }
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The meeting followed (another than the one started with once it moved).
    pub fn id(&self) -> &MeetingId {
        &self.id
    }

    /// Looks at the files again: two stats, and reads only if either changed.
    pub fn look(&mut self) -> Seen {
        let now = SystemTime::now();
        let stamps = match (
            self.stamp(&self.store.path_of(&self.id)),
            self.stamp(&self.store.journal_path(&self.id)),
        ) {
            (Ok(file), Ok(journal)) => (file, journal),
            // Not a file gone: the data directory cannot be looked in (yet), so again.
            (Err(why), _) | (_, Err(why)) => {
                self.recheck = (true, true);
                return self.say(why, Seen::Unreadable);
            }
        };
        if stamps == self.stamps && self.recheck == (false, false) {
            return Seen::Same;
        }
        self.stamps = stamps;
        let racy = |s: Option<Stamp>| s.is_some_and(|s| just_written(&s, now));
        let racy = (racy(stamps.0), racy(stamps.1));
        // The journal is read whenever anything is; the file only if it may have changed.
        let (reread, _) = std::mem::replace(&mut self.recheck, racy);
        let found = match stamps.0 {
            Some(stamp) => self.read(stamp, reread),
            None => self.whereabouts(),
        };
        match found {
            Found::Meeting(m) => self.show(*m),
            Found::Problem { why, passing } => {
                self.recheck.0 |= passing;
                self.say(why, Seen::Unreadable)
            }
            Found::Gone(why) => self.say(why, Seen::Gone),
            Found::Moved(to) => self.moved(to),
        }
    }

    /// Whether the clerk's workspace holds the meeting: the lock's text names a process,
    /// alive on this machine. No lock is taken or tested (its text stays after its holder
    /// exits, so the process decides); a holder on another machine cannot be checked from
    /// here, so it counts as open. One small read and a signal-0 check: cheap each second.
    pub fn clerk(&self) -> Clerk {
        let path = self.store.lock_path(&self.id);
        let disk = self.store.disk();
        let Ok(text) = disk
            .open_read_no_follow(&path)
            .and_then(|mut f| disk.read_to_end(&mut f, &path))
        else {
            return Clerk::NotOpen;
        };
        let text = String::from_utf8_lossy(&text).trim().to_string();
        let open = match lock::holder_of(&text) {
            Some((pid, host)) => host != self.host || alive(pid),
            // Not in the words a minutebook writes, but something is written: held, as far
            // as can be told. Empty: never held, or a holder just now writing its name.
            None => !text.is_empty(),
        };
        match open {
            true => Clerk::Open { holder: text },
            false => Clerk::NotOpen,
        }
    }

    /// The file's stamp, `None` if there is no such file, or why it cannot be looked at.
    fn stamp(&self, path: &Path) -> Result<Option<Stamp>, String> {
        match self.store.disk().metadata(path) {
            Ok(meta) => Ok(Some(Stamp::of(&meta))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("could not look at {}: {e}", path.display())),
        }
    }

    /// The meeting file (read again if its stamp changed, or `reread`) with the journal's
    /// typing.
    fn read(&mut self, stamp: Stamp, reread: bool) -> Found {
        let kept = self.file.take().filter(|(s, _)| *s == stamp && !reread);
        let loaded = match kept {
            Some((_, loaded)) => loaded,
            None => match self.store.load(&self.id) {
                Ok(loaded) => loaded,
                // Gone between the stat and the read.
                Err(StoreError::NotFound { .. }) => return self.whereabouts(),
                Err(e) => {
                    let passing = matches!(e, StoreError::Io { .. });
                    return Found::Problem {
                        why: e.to_string(),
                        passing,
                    };
                }
            },
        };
        let meeting = self.with_typing(&loaded);
        self.file = Some((stamp, loaded));
        Found::Meeting(Box::new(meeting))
    }

    /// The file with the typing of the journal begun on it. A journal begun on another
    /// version is ignored: the file was saved since (holding that typing) or the journal
    /// was set aside; one that cannot be read leaves the file as saved.
    fn with_typing(&self, loaded: &Loaded) -> Meeting {
        let path = self.store.journal_path(&self.id);
        match journal::find::<JournalLine>(self.store.disk(), &path, Some(loaded.file)) {
            Ok(Some(j)) if j.fits => recovery::plan(&loaded.meeting, &j.records, true).recovered,
            Ok(Some(_)) | Ok(None) | Err(_) => loaded.meeting.clone(),
        }
    }

    /// Where a meeting whose file is gone went: to another id (the trash holds its old
    /// file as `<id>.moved-to-<new>.json`), into the trash, or nowhere known.
    fn whereabouts(&mut self) -> Found {
        self.file = None;
        let names = trash_names(&self.store);
        if let Some(to) = self.moved_on(&names) {
            return Found::Moved(to);
        }
        let id = self.id.to_string();
        let path = self.store.path_of(&self.id);
        Found::Gone(match names.iter().find(|n| deleted_as(n, &id)) {
            Some(name) => format!(
                "Meeting {id} was deleted: its file {} is in the trash as {}.",
                path.display(),
                self.store.trash_dir().join(name).display()
            ),
            None => format!(
                "Meeting {id} is no longer in the data directory: {} is gone.",
                path.display()
            ),
        })
    }

    /// The meeting this one became, following moves one after another to one that exists.
    fn moved_on(&self, names: &[String]) -> Option<MeetingId> {
        let mut at = vec![self.id.clone()];
        // Each move leaves one name in the trash, so there are at most that many.
        for _ in 0..names.len() {
            let next: Vec<MeetingId> = names
                .iter()
                .filter(|n| at.iter().any(|a| n.starts_with(&format!("{a}{MOVED_TO}"))))
                .filter_map(|n| trash::moved_to(n))
                .collect();
            if let Some(to) = next
                .iter()
                .find(|to| self.store.disk().metadata(&self.store.path_of(to)).is_ok())
            {
                return Some(to.clone());
            }
            if next.is_empty() {
                return None;
            }
            at = next;
        }
        None
    }

    /// Follows the meeting under its new id from now on.
    fn moved(&mut self, to: MeetingId) -> Seen {
        let from = std::mem::replace(&mut self.id, to.clone());
        self.stamps = (None, None);
        self.recheck = (true, true);
        match self.look() {
            Seen::Changed(meeting) => Seen::Moved { from, to, meeting },
            Seen::Unreadable(why) => Seen::Unreadable(format!(
                "Meeting {from} was moved to {to}, which cannot be read: {why}"
            )),
            // Moved on again, or gone, in the moment since: said as it is.
            seen @ (Seen::Same | Seen::Moved { .. } | Seen::Gone(_)) => seen,
        }
    }

    fn show(&mut self, m: Meeting) -> Seen {
        if self.said.is_none() && self.shown.as_ref() == Some(&m) {
            return Seen::Same;
        }
        self.said = None;
        self.shown = Some(m.clone());
        Seen::Changed(Box::new(m))
    }

    fn say(&mut self, why: String, seen: fn(String) -> Seen) -> Seen {
        if self.said.as_ref() == Some(&why) {
            return Seen::Same;
        }
        self.said = Some(why.clone());
        seen(why)
    }
}

/// Written so recently (by the clock files are stamped with) that another change could
/// still come with the same stamp.
fn just_written(stamp: &Stamp, now: SystemTime) -> bool {
    let now = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128);
    (now - stamp.mtime_ns).abs() < RACY.as_nanos() as i128
}

/// The names in the trash, none if it cannot be listed.
fn trash_names(store: &Store) -> Vec<String> {
    let Ok(entries) = store.disk().read_dir(&store.trash_dir()) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect()
}

/// Whether trash name `name` is meeting `id` deleted: `<id>.json`, or `<id>.<n>.json`.
fn deleted_as(name: &str, id: &str) -> bool {
    let Some(rest) = name.strip_prefix(id).and_then(|r| r.strip_suffix(".json")) else {
        return false;
    };
    rest.is_empty()
        || rest
            .strip_prefix('.')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether process `pid` is running on this machine (a zombie, dead but not yet reaped by
/// its parent, is not).
#[cfg(unix)]
fn alive(pid: i32) -> bool {
    // SAFETY: kill with signal 0 sends nothing and touches no memory of ours; it only asks
    // whether the process exists (EPERM: it does, another user's). `pid` is above 0, so it
    // never names a process group.
    let exists = unsafe { libc::kill(pid, 0) } == 0
        || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    exists && !zombie(pid)
}

/// Without signal 0 the process cannot be asked about: held, as far as can be told.
#[cfg(not(unix))]
fn alive(_pid: i32) -> bool {
    true
}

#[cfg(target_os = "linux")]
fn zombie(pid: i32) -> bool {
    // The state follows the command name, which is in parentheses and may hold anything.
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        s.rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
    })
}

#[cfg(all(unix, not(target_os = "linux")))]
fn zombie(_pid: i32) -> bool {
    false
}

#[cfg(test)]
mod tests;
