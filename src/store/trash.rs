//! The trash: `trash/` in the data directory, where a meeting made by mistake (or the file a
//! renamed meeting left) is moved, byte for byte, until it is restored. Nothing is deleted.
//! The file a move leaves is named for it (`2026-12-09.moved-to-2026-12-10.json`): it is the
//! same meeting as the one it moved to, so it is not restored beside that one.

use std::io;
use std::path::PathBuf;

use serde::Serialize;

use super::error::io_err;
use super::{Loaded, Result, Store, StoreError, Summary, atomic, journal};
use crate::model::rename::{self, referrers};
use crate::model::{MeetingId, MeetingStatus};

/// The folder of moved-out meetings inside the data directory.
pub const TRASH_DIR: &str = "trash";

/// A meeting file moved into the trash: which meeting, under what name, where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trashed {
    pub id: MeetingId,
    /// Its name in the trash: the file's own, with a number if the trash had one already.
    pub name: String,
    pub path: PathBuf,
}

/// One file in the trash, and what it holds if it can be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InTrash {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Summary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// For the file a move left: the meeting it became, as its name says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<MeetingId>,
}

/// Where the meeting in trash file `name` moved to, if the name says it is a move's leftover.
pub fn moved_to(name: &str) -> Option<MeetingId> {
    let (_, to) = name.strip_suffix(".json")?.split_once(MOVED_TO)?;
    // A second copy's number (`.2`) follows the id; an id has no dot.
    let to = to.split_once('.').map_or(to, |(id, _)| id);
    MeetingId::parse(to).ok()
}

/// What names the file a move leaves in the trash, between the old id and the new.
pub const MOVED_TO: &str = ".moved-to-";

impl Store {
    pub fn trash_dir(&self) -> PathBuf {
        self.dir().join(TRASH_DIR)
    }

    /// Moves meeting `id` into the trash, under its lock. Refused, saying why, for sealed
    /// minutes, a journal holding unsaved typing, or a meeting another one refers to.
    pub fn trash_meeting(&self, id: &MeetingId) -> Result<Trashed> {
        let _lock = self.lock(id)?;
        let loaded = self.load(id)?;
        self.may_leave(&loaded, "deleted")?;
        self.move_to_trash(id, None)
    }

    /// Puts `name` (as [`Store::trashed`] lists it) back in the data directory as the
    /// meeting it holds, byte for byte; refused if that meeting is there already.
    pub fn restore_meeting(&self, name: &str) -> Result<MeetingId> {
        let path = self.in_trash(name)?;
        let bytes = self.disk().read(&path).map_err(io_err("read", &path))?;
        let (meeting, _) = super::decode_file(&path, &bytes)?;
        let id = meeting.id;
        let _lock = self.lock(&id)?;
        if let Some(to) = moved_to(name).filter(|to| self.exists(to)) {
            return Err(StoreError::Refused {
                id,
                reason: format!(
                    "{name} is how it was before it moved to {to}, and that is meeting {to} \
                     now ({}); restoring it would make the meeting twice, so it stays in the \
                     trash",
                    self.path_of(&to).display()
                ),
            });
        }
        let target = self.path_of(&id);
        let taken = || StoreError::Refused {
            id: id.clone(),
            reason: format!(
                "{} is there already, so {name} was left in the trash; move that one to the \
                 trash first if this is the one to keep",
                target.display()
            ),
        };
        if self.disk().metadata(&target).is_ok() {
            return Err(taken());
        }
        atomic::move_new(self.disk(), &path, &target).map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => taken(),
            _ => io_err("restore", &path)(e),
        })?;
        Ok(id)
    }

    /// Every file in the trash, by name.
    pub fn trashed(&self) -> Result<Vec<InTrash>> {
        let dir = self.trash_dir();
        let entries = match self.disk().read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("list", &dir)(e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io_err("list", &dir))?;
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            if name.starts_with('.') || !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let read = self
                .disk()
                .read(&entry.path())
                .map_err(io_err("read", entry.path()))
                .and_then(|b| super::decode_file(&entry.path(), &b));
            out.push(match read {
                Ok((m, _)) => InTrash {
                    moved_to: moved_to(&name),
                    name,
                    meeting: Some(Summary::of(&m)),
                    problem: None,
                },
                Err(e) => InTrash {
                    moved_to: moved_to(&name),
                    name,
                    meeting: None,
                    problem: Some(e.problem()),
                },
            });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Why meeting `loaded` may not leave the data directory (be `doing`), if so: sealed
    /// minutes, typing a journal holds that is not in the file, or another meeting naming it
    /// (when another file cannot be read, that cannot be known, so it is refused too).
    pub(super) fn may_leave(&self, loaded: &Loaded, doing: &str) -> Result<()> {
        let m = &loaded.meeting;
        let refuse = |reason: String| {
            Err(StoreError::Refused {
                id: m.id.clone(),
                reason: format!("it cannot be {doing}, because {reason}"),
            })
        };
        if m.status == MeetingStatus::Approved || m.approval.is_some() {
            let on = m.approval.as_ref().map_or(String::new(), |a| {
                format!(" on {} at meeting {}", a.on, a.at_meeting)
            });
            return refuse(format!(
                "its minutes were approved{on} and are sealed, and a sealed record stays where \
                 it is"
            ));
        }
        let journal = self.journal_path(&m.id);
        let held = journal::find::<serde::de::IgnoredAny>(self.disk(), &journal, Some(loaded.file))
            .map_err(io_err("read", &journal))?;
        if held.is_some() {
            return refuse(format!(
                "its journal {} holds typing that may not be in the meeting file yet; open the \
                 meeting in the workspace to recover or set it aside first",
                journal.display()
            ));
        }
        let (others, problems) = self.load_where(|o| o != &m.id)?;
        if let Some(p) = problems.first() {
            return refuse(format!(
                "whether another meeting refers to it cannot be checked ({p})"
            ));
        }
        let named = referrers(&m.id, &others);
        if !named.is_empty() {
            return refuse(rename::listed(&named));
        }
        Ok(())
    }

    /// Moves `id`'s file into the trash under the first free name, saying in it the meeting
    /// it `became` when a move left it. The caller holds the lock.
    pub(super) fn move_to_trash(
        &self,
        id: &MeetingId,
        became: Option<&MeetingId>,
    ) -> Result<Trashed> {
        let dir = self.trash_dir();
        self.create_private_dir(&dir)?;
        let from = self.path_of(id);
        let stem = match became {
            Some(to) => format!("{id}{MOVED_TO}{to}"),
            None => id.to_string(),
        };
        for n in 1..=1000 {
            let name = match n {
                1 => format!("{stem}.json"),
                n => format!("{stem}.{n}.json"),
            };
            let path = dir.join(&name);
            match atomic::move_new(self.disk(), &from, &path) {
                Ok(()) => {
                    return Ok(Trashed {
                        id: id.clone(),
                        name,
                        path,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io_err("move to the trash", &from)(e)),
            }
        }
        Err(StoreError::Refused {
            id: id.clone(),
            reason: format!("the trash {} holds a thousand copies of it", dir.display()),
        })
    }

    /// The path of `name` in the trash: a plain file name, never a way out of it.
    fn in_trash(&self, name: &str) -> Result<PathBuf> {
        let plain = !name.is_empty()
            && !name.starts_with('.')
            && !name.contains(['/', '\\', '\0'])
            && name.ends_with(".json");
        let path = self.trash_dir().join(name);
        let found =
            plain && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if !found {
            return Err(StoreError::NotInTrash {
                name: name.to_string(),
                dir: self.trash_dir(),
            });
        }
        Ok(path)
    }
}

#[cfg(test)]
mod tests;
