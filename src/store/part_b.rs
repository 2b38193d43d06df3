//! The archive step of the version 1 → 2 migration: Part B business that moved between
//! meetings (carried actions, deferred items), marked from the meetings it came from.

use super::{Store, decode_file};
use crate::model::origins::{self, Origins};
use crate::model::{Meeting, MeetingId, MeetingStatus, carry};

/// How far back the chain of previous meetings is followed for items deferred again and
/// again: a year of monthly meetings.
const CHAIN: usize = 12;

impl Store {
    /// Marks, in a record read from before version 2, what the meetings it came from
    /// show to be Part B: each carried action raised under what is exempt business
    /// there now, and each item carried back deferred from under an exempt item. Only
    /// ever adds a mark, and leaves the agenda of approved minutes alone, since their
    /// seal covers it (their public documents still leave carried actions out by
    /// [`Origins`], whatever the record says).
    pub(super) fn derive_part_b(&self, m: &mut Meeting) {
        // Earlier meetings, newest first, each strictly before the last: no cycle.
        let mut chain: Vec<Meeting> = Vec::new();
        let mut at = m.previous.clone();
        while let Some(id) = at.take() {
            let before = chain.last().map_or(m.date, |c| c.date);
            match self.read_plain(&id) {
                Some(p) if p.date < before && chain.len() < CHAIN => {
                    at = p.previous.clone();
                    chain.push(p);
                }
                _ => break,
            }
        }
        // Oldest first, each meeting's carried items marked from the one before.
        for i in (0..chain.len().saturating_sub(1)).rev() {
            let (newer, older) = chain.split_at_mut(i + 1);
            carry::restore_deferred_grounds(&mut newer[i], &older[0]);
        }
        if m.status != MeetingStatus::Approved
            && let Some(prev) = chain.first()
        {
            carry::restore_deferred_grounds(m, prev);
        }
        let found = Origins::of(m, |id| {
            chain
                .iter()
                .find(|c| c.id == *id)
                .cloned()
                .or_else(|| self.read_plain(id))
        });
        origins::mark_known_part_b(m, &found);
    }

    /// A meeting as its file holds it, without this step (so no reading goes on and on),
    /// read through the store's one door to the disk like every other read.
    fn read_plain(&self, id: &MeetingId) -> Option<Meeting> {
        let path = self.path_of(id);
        let bytes = self.disk.read(&path).ok()?;
        let (m, _) = decode_file(&path, &bytes).ok()?;
        (m.id == *id).then_some(m)
    }
}
