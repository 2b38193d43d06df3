//! The times a clerk sets by hand: a meeting written up afterwards, or live times corrected
//! after the meeting. When they may be set, and the checks (end after start, items in
//! agenda order without overlapping, all within the meeting), each refusal naming why.

use chrono::NaiveTime;

use super::agenda::{self, ItemNumber};
use super::ids::ItemId;
use super::meeting::{Meeting, MeetingStatus, Minuting};
use super::running;
use crate::words::time;

/// Why no time may be set by hand now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    NotStarted,
    /// Minuted live while it runs: the clock takes the times.
    Live,
    /// Approved: the times are part of the sealed record.
    Sealed,
}

impl std::fmt::Display for Closed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Closed::NotStarted => {
                "The meeting has not started: start it (live, or written up afterwards) first."
            }
            Closed::Live => {
                "The meeting is being minuted live: the clock takes the times until it ends; \
                 correct them after that."
            }
            Closed::Sealed => {
                "These minutes are approved and sealed: their times cannot change (record an \
                 erratum instead)."
            }
        })
    }
}

/// Times may be set while a meeting is written up, and after any meeting until approval.
pub fn may_set(m: &Meeting) -> Result<(), Closed> {
    match (m.status, m.minuting) {
        (MeetingStatus::Planned, _) => Err(Closed::NotStarted),
        (MeetingStatus::InProgress, Minuting::Live) => Err(Closed::Live),
        (MeetingStatus::InProgress, Minuting::WriteUp) | (MeetingStatus::Draft, _) => Ok(()),
        (MeetingStatus::Approved, _) => Err(Closed::Sealed),
    }
}

/// A leaf item's number and its times, in agenda order.
fn timed_leaves(m: &Meeting) -> Vec<(ItemNumber, ItemId, Option<NaiveTime>, Option<NaiveTime>)> {
    agenda::walk(&m.agenda)
        .into_iter()
        .filter(|w| w.item.sub_items.is_empty())
        .map(|w| (w.number, w.item.id, w.item.started_at, w.item.ended_at))
        .collect()
}

fn end_after_start(
    what: &str,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
) -> Result<(), String> {
    match (start, end) {
        (Some(s), Some(e)) if e <= s => Err(format!(
            "{what} would end at {}, which is not after it starts at {}",
            time(e),
            time(s)
        )),
        _ => Ok(()),
    }
}

/// Whether item `id` may be taken from `start` to `end` (either may be left unset).
pub fn check_item(
    m: &Meeting,
    id: ItemId,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
) -> Result<(), String> {
    may_set(m).map_err(|c| c.to_string())?;
    let item = m.item(id).ok_or("That item is no longer on the agenda.")?;
    let leaves = timed_leaves(m);
    let Some(at) = leaves.iter().position(|l| l.1 == id) else {
        return Err(format!(
            "{} has sub-items: its times are theirs, so set the times of each sub-item.",
            item.title
        ));
    };
    let me = format!("item {}", leaves[at].0);
    end_after_start(&me, start, end)?;
    if let Some((s, b)) = start.zip(m.began_at).filter(|(s, b)| s < b) {
        return Err(format!(
            "{me} would start at {}, before the meeting began at {}",
            time(s),
            time(b)
        ));
    }
    let last = end.or(start);
    if let Some((e, close)) = last.zip(m.ended_at).filter(|(e, c)| e > c) {
        return Err(format!(
            "{me} would end at {}, after the meeting ended at {}",
            time(e),
            time(close)
        ));
    }
    // Each earlier item must be over before this one starts; each later one must not
    // start before this one is over.
    let first = start.or(end);
    for (number, _, s, e) in &leaves[..at] {
        if let Some((mine, theirs)) = first.zip(e.or(*s)).filter(|(a, b)| a < b) {
            let verb = if e.is_some() { "ends" } else { "starts" };
            return Err(format!(
                "{me} would start at {}, before item {number} {verb} at {}",
                time(mine),
                time(theirs)
            ));
        }
    }
    for (number, _, s, e) in &leaves[at + 1..] {
        if let Some((mine, theirs)) = last.zip(s.or(*e)).filter(|(a, b)| a > b) {
            let verb = if s.is_some() { "starts" } else { "ends" };
            return Err(format!(
                "{me} would end at {}, after item {number} {verb} at {}",
                time(mine),
                time(theirs)
            ));
        }
    }
    Ok(())
}

/// Sets item `id`'s times once checked; its parents take theirs from it.
pub fn set_item(
    m: &mut Meeting,
    id: ItemId,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
) -> Result<(), String> {
    check_item(m, id, start, end)?;
    let item =
        agenda::find_mut(&mut m.agenda, id).ok_or("That item is no longer on the agenda.")?;
    item.started_at = start;
    item.ended_at = end;
    running::sync_parents(&mut m.agenda);
    Ok(())
}

/// Whether the meeting may be said to have begun at `began` and ended at `ended`: in
/// order, and holding every item's times.
pub fn check_meeting(
    m: &Meeting,
    began: Option<NaiveTime>,
    ended: Option<NaiveTime>,
) -> Result<(), String> {
    may_set(m).map_err(|c| c.to_string())?;
    end_after_start("The meeting", began, ended)?;
    for (number, _, s, e) in timed_leaves(m) {
        if let Some((b, first)) = began.zip(s.or(e)).filter(|(b, f)| f < b) {
            return Err(format!(
                "the meeting would begin at {}, after item {number} started at {}",
                time(b),
                time(first)
            ));
        }
        if let Some((close, last)) = ended.zip(e.or(s)).filter(|(c, l)| l > c) {
            return Err(format!(
                "the meeting would end at {}, before item {number} ended at {}",
                time(close),
                time(last)
            ));
        }
    }
    Ok(())
}

pub fn set_meeting(
    m: &mut Meeting,
    began: Option<NaiveTime>,
    ended: Option<NaiveTime>,
) -> Result<(), String> {
    check_meeting(m, began, ended)?;
    m.began_at = began;
    m.ended_at = ended;
    Ok(())
}

#[cfg(test)]
mod tests;
