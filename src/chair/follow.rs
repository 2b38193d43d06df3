//! Following the clerk's workspace from its files: the meeting file it saves and the
//! journal it appends typing to between saves. Read-only: a stat of each per look, a
//! read only when one changed.

use std::path::Path;

use crate::app::JournalLine;
use crate::app::recovery;
use crate::model::{Meeting, MeetingId};
use crate::store::journal;
use crate::store::{Stamp, Store, StoreError};

/// What a look at the files found.
#[derive(Debug)]
pub enum Seen {
    /// Nothing changed since the last look.
    Same,
    /// The meeting as the clerk's workspace has it now (its unsaved typing included).
    Changed(Box<Meeting>),
    /// The meeting could not be read this time; why. The last one read stays shown.
    Unreadable(String),
}

/// Follows one meeting's files.
#[derive(Debug)]
pub struct Follower {
    store: Store,
    id: MeetingId,
    /// The meeting file and journal as last looked at.
    stamps: (Option<Stamp>, Option<Stamp>),
}

impl Follower {
    /// Follows meeting `id` in `store`, returning the meeting as it is now.
    pub fn start(store: Store, id: MeetingId) -> Result<(Follower, Meeting), StoreError> {
        let mut f = Follower {
            store,
            id,
            stamps: (None, None),
        };
        match f.look() {
            Seen::Changed(m) => Ok((f, *m)),
            // A first look that finds nothing new cannot happen: no stamps yet.
            Seen::Same | Seen::Unreadable(_) => f.store.load(&f.id).map(|l| (f, l.meeting)),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn id(&self) -> &MeetingId {
        &self.id
    }

    /// Looks at the files again.
    pub fn look(&mut self) -> Seen {
        let stamps = (
            stamp(&self.store, &self.store.path_of(&self.id)),
            stamp(&self.store, &self.store.journal_path(&self.id)),
        );
        if stamps == self.stamps {
            return Seen::Same;
        }
        let loaded = match self.store.load(&self.id) {
            Ok(l) => l,
            Err(e) => return Seen::Unreadable(e.to_string()),
        };
        self.stamps = stamps;
        let path = self.store.journal_path(&self.id);
        let orphan = journal::find::<JournalLine>(self.store.disk(), &path, Some(loaded.file));
        let meeting = match orphan {
            Ok(Some(j)) if j.fits => recovery::plan(&loaded.meeting, &j.records, true).recovered,
            _ => loaded.meeting,
        };
        Seen::Changed(Box::new(meeting))
    }
}

fn stamp(store: &Store, path: &Path) -> Option<Stamp> {
    store.disk().metadata(path).ok().map(|m| Stamp::of(&m))
}
