//! Moving a meeting to another date, which is moving it to another id: the record rewritten
//! under the new id as a new file, then the old file moved into the trash, all under the
//! old id's lock and the new one's. Refused, with the reason, whenever anything else names
//! the old id ([`crate::model::rename::referrers`]) or the minutes are sealed.

use chrono::NaiveDate;

use super::boards::board_id_of;
use super::trash::Trashed;
use super::{Handle, Result, SaveOutcome, Store, StoreError};
use crate::model::details::{self, CalendarFacts};
use crate::model::rename::{self, OnDate, id_on};
use crate::model::{Meeting, MeetingId};

/// A meeting now under its new id.
#[derive(Debug)]
pub struct Moved {
    pub meeting: Meeting,
    /// The right to save it: its lock, and the version just written.
    pub handle: Handle,
    /// Where the old file went.
    pub trashed: Trashed,
    pub outcome: SaveOutcome,
}

/// What `meeting set` did: the meeting as it is now, and where the old file went if the
/// date (so the id) changed.
#[derive(Debug)]
pub struct Changed {
    pub meeting: Meeting,
    pub moved: Option<Trashed>,
    pub outcome: SaveOutcome,
}

impl Store {
    /// Moves meeting `from` to `to_date` (its id with it); returns the new id.
    pub fn rename_meeting(&self, from: &MeetingId, to_date: NaiveDate) -> Result<MeetingId> {
        let changed = self.change_meeting(from, Some(to_date), |_| Ok(()))?;
        Ok(changed.meeting.id)
    }

    /// Changes meeting `id` as `change` says under its lock and, with `to_date` another
    /// date, moves it there too: all of it, or (refused, saying why) nothing.
    pub fn change_meeting(
        &self,
        id: &MeetingId,
        to_date: Option<NaiveDate>,
        change: impl FnOnce(&mut Meeting) -> std::result::Result<(), String>,
    ) -> Result<Changed> {
        let (mut meeting, mut handle) = self.open_to_change(id)?;
        match to_date.filter(|d| *d != id.date()) {
            Some(to_date) => {
                let moved = self.move_held(&handle, to_date, change)?;
                // The old lock goes only now that the new one is held.
                drop(handle);
                Ok(Changed {
                    meeting: moved.meeting,
                    moved: Some(moved.trashed),
                    outcome: moved.outcome,
                })
            }
            None => {
                let before = meeting.clone();
                change(&mut meeting).map_err(|reason| StoreError::Refused {
                    id: id.clone(),
                    reason,
                })?;
                details::note_calendar_change(&CalendarFacts::of(&before), &mut meeting);
                let outcome = match meeting == before {
                    true => self.settle(),
                    false => self.save(&mut handle, &meeting)?,
                };
                Ok(Changed {
                    meeting,
                    moved: None,
                    outcome,
                })
            }
        }
    }

    /// For the workspace, which holds the meeting (`handle`, its lock) and has saved it:
    /// moves it to `to_date` and hands back the right to save it under the new id.
    pub fn rename_held(&self, handle: &Handle, to_date: NaiveDate) -> Result<Moved> {
        if to_date == handle.id().date() {
            return Err(StoreError::Refused {
                id: handle.id().clone(),
                reason: "it is already on that date".into(),
            });
        }
        self.move_held(handle, to_date, |_| Ok(()))
    }

    /// The id `m` takes on `date` beside the other meetings of that date, as `new` would
    /// give it ([`rename::id_on`]), or why it cannot move there.
    fn id_on_date(&self, m: &Meeting, date: NaiveDate) -> Result<MeetingId> {
        let listing = self.list()?;
        let boards = self.boards()?;
        let board = board_id_of(&boards, &m.board);
        let on_date: Vec<OnDate> = listing
            .meetings
            .iter()
            .filter(|s| s.id.date() == date && s.id != m.id)
            .map(|s| OnDate {
                id: &s.id,
                same_board: board.is_some() && s.board_id == board,
            })
            .collect();
        id_on(&m.id, board.as_ref(), date, &on_date).map_err(|why| StoreError::Refused {
            id: m.id.clone(),
            reason: format!(
                "it cannot be moved to {}: {why}",
                crate::words::iso_date(date)
            ),
        })
    }

    /// The move itself. `handle` holds the old id's lock; the file must be as it last
    /// read or wrote it.
    fn move_held(
        &self,
        handle: &Handle,
        to_date: NaiveDate,
        change: impl FnOnce(&mut Meeting) -> std::result::Result<(), String>,
    ) -> Result<Moved> {
        let from = handle.id().clone();
        if let Some(reason) = handle.read_only() {
            return Err(StoreError::ReadOnly {
                id: from,
                reason: reason.to_string(),
            });
        }
        let loaded = self.load(&from)?;
        if handle.file().map(|f| f.sha256) != Some(loaded.file.sha256) {
            return Err(StoreError::ChangedOnDisk {
                path: self.path_of(&from),
            });
        }
        let refuse = |reason: String| StoreError::Refused {
            id: from.clone(),
            reason,
        };
        let mut meeting = loaded.meeting.clone();
        change(&mut meeting).map_err(refuse)?;
        // After the change, which may be of board, and so of the id the date gives.
        let to = self.id_on_date(&meeting, to_date)?;
        self.may_leave(&loaded, &format!("moved to {to}"))?;
        if let Some(why) = rename::out_of_order(&meeting, to.date()) {
            return Err(refuse(format!("it cannot be moved there: {why}")));
        }
        let lock = self.lock(&to)?;
        let new_path = self.path_of(&to);
        let taken = |path: &std::path::Path| {
            refuse(format!(
                "it cannot be moved to {to}: {} is another meeting already",
                path.display()
            ))
        };
        // Checked under the new id's lock, so the file made below is this move's own.
        if self.disk().metadata(&new_path).is_ok() {
            return Err(taken(&new_path));
        }
        rename::rename(&mut meeting, to.clone());
        // Once for the whole change, the new date with whatever else changed.
        details::note_calendar_change(&CalendarFacts::of(&loaded.meeting), &mut meeting);
        let outcome = self.create(&meeting).map_err(|e| match e {
            StoreError::AlreadyExists { path } => taken(&path),
            e => e,
        })?;
        let written = self
            .read_versioned(&new_path)
            .map_err(super::error::io_err("read", &new_path))
            .and_then(|(file, _)| Ok((file, self.move_to_trash(&from, Some(&to))?)));
        let (file, trashed) = match written {
            Ok(done) => done,
            Err(e) => {
                // Nothing names the new file yet: taking it back leaves things as they were.
                let _ = self.disk().remove_file(&new_path);
                return Err(e);
            }
        };
        let handle = Handle {
            id: to,
            file: Some(file),
            lock: Some(lock),
            read_only: None,
            migrated_from: None,
            approved: false,
        };
        Ok(Moved {
            meeting,
            handle,
            trashed,
            outcome,
        })
    }
}

#[cfg(test)]
mod tests;
