//! The chair's running order: starting the meeting, stepping item to item with start and
//! end times, deferring, and the timing the chair watches (elapsed, overrun, forecast end).
//!
//! The chair steps through *leaf* items (those without sub-items); a parent such as
//! "Standing items" takes its times and status from its children.

use chrono::{Duration, NaiveTime};

use super::agenda::{self, AgendaItem, ItemStatus};
use super::ids::ItemId;
use super::meeting::{Meeting, MeetingStatus};

/// Leaf items in reading order.
pub fn leaves(items: &[AgendaItem]) -> Vec<ItemId> {
    agenda::numbered(items)
        .into_iter()
        .filter(|(_, i)| i.sub_items.is_empty())
        .map(|(_, i)| i.id)
        .collect()
}

pub fn current(m: &Meeting) -> Option<ItemId> {
    agenda::numbered(&m.agenda)
        .into_iter()
        .find(|(_, i)| i.sub_items.is_empty() && i.status == ItemStatus::Current)
        .map(|(_, i)| i.id)
}

fn item(m: &mut Meeting, id: ItemId) -> &mut AgendaItem {
    agenda::find_mut(&mut m.agenda, id).expect("ids come from this meeting")
}

fn status(m: &Meeting, id: ItemId) -> ItemStatus {
    m.item(id).map_or(ItemStatus::Done, |i| i.status)
}

fn finish_current(m: &mut Meeting, now: NaiveTime) {
    if let Some(cur) = current(m) {
        let it = item(m, cur);
        it.status = ItemStatus::Done;
        it.ended_at = Some(now);
    }
}

fn make_current(m: &mut Meeting, id: ItemId, now: NaiveTime) {
    let it = item(m, id);
    it.status = ItemStatus::Current;
    it.started_at.get_or_insert(now);
    it.ended_at = None;
}

/// Starts the meeting at `now` with its first pending item. Returns that item.
pub fn start(m: &mut Meeting, now: NaiveTime) -> Option<ItemId> {
    if m.status == MeetingStatus::Planned {
        m.status = MeetingStatus::InProgress;
    }
    let first = leaves(&m.agenda)
        .into_iter()
        .find(|id| status(m, *id) == ItemStatus::Pending);
    if current(m).is_none()
        && let Some(id) = first
    {
        make_current(m, id, now);
    }
    sync_parents(&mut m.agenda);
    current(m)
}

/// Closes the current item and moves to the next pending one; `None` after the last.
pub fn next(m: &mut Meeting, now: NaiveTime) -> Option<ItemId> {
    if m.status == MeetingStatus::Planned {
        return start(m, now);
    }
    let order = leaves(&m.agenda);
    let from = current(m).and_then(|c| order.iter().position(|i| *i == c));
    finish_current(m, now);
    let after = from.map_or(0, |p| p + 1);
    let next = order[after.min(order.len())..]
        .iter()
        .copied()
        .find(|id| status(m, *id) == ItemStatus::Pending);
    if let Some(id) = next {
        make_current(m, id, now);
    }
    sync_parents(&mut m.agenda);
    next
}

/// Goes back to the item before the current one (not deferred), reopening it.
pub fn previous(m: &mut Meeting, now: NaiveTime) -> Option<ItemId> {
    let order = leaves(&m.agenda);
    let pos = match current(m) {
        Some(c) => order.iter().position(|i| *i == c)?,
        None => order.len(),
    };
    let back = order[..pos]
        .iter()
        .rev()
        .copied()
        .find(|id| status(m, *id) != ItemStatus::Deferred)?;
    if let Some(cur) = current(m) {
        let it = item(m, cur);
        it.status = ItemStatus::Pending;
        it.started_at = None;
    }
    make_current(m, back, now);
    sync_parents(&mut m.agenda);
    Some(back)
}

/// Makes a chosen item current (the chair taking items out of order).
pub fn jump(m: &mut Meeting, id: ItemId, now: NaiveTime) {
    if current(m) == Some(id) || !leaves(&m.agenda).contains(&id) {
        return;
    }
    if m.status == MeetingStatus::Planned {
        m.status = MeetingStatus::InProgress;
    }
    finish_current(m, now);
    make_current(m, id, now);
    sync_parents(&mut m.agenda);
}

/// Defers an item to the next meeting; if it was current, the next one starts.
pub fn defer(m: &mut Meeting, id: ItemId, now: NaiveTime) {
    let was_current = current(m) == Some(id);
    let targets: Vec<ItemId> = match m.item(id) {
        Some(i) if !i.sub_items.is_empty() => leaves(&i.sub_items),
        Some(_) => vec![id],
        None => return,
    };
    let cur = current(m);
    for t in targets {
        let it = item(m, t);
        it.status = ItemStatus::Deferred;
        it.started_at = None;
        it.ended_at = None;
    }
    if (was_current || cur.is_some_and(|c| status(m, c) == ItemStatus::Deferred))
        && m.status == MeetingStatus::InProgress
    {
        let order = leaves(&m.agenda);
        let from = cur
            .and_then(|c| order.iter().position(|i| *i == c))
            .unwrap_or(0);
        if let Some(n) = order[from..]
            .iter()
            .copied()
            .find(|i| status(m, *i) == ItemStatus::Pending)
        {
            make_current(m, n, now);
        }
    }
    sync_parents(&mut m.agenda);
}

/// Closes the meeting: the minutes become a draft awaiting approval.
pub fn end(m: &mut Meeting, now: NaiveTime) {
    finish_current(m, now);
    m.status = MeetingStatus::Draft;
    sync_parents(&mut m.agenda);
}

/// The current item's time so far and its allowance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    pub item: ItemId,
    pub elapsed: Duration,
    pub allotted: Option<Duration>,
}

impl Timing {
    /// Time over the allowance, if any.
    pub fn overrun(&self) -> Option<Duration> {
        self.allotted
            .map(|a| self.elapsed - a)
            .filter(|d| *d > Duration::zero())
    }
}

pub fn timing(m: &Meeting, now: NaiveTime) -> Option<Timing> {
    let id = current(m)?;
    let it = m.item(id)?;
    let elapsed = it
        .started_at
        .map_or(Duration::zero(), |s| (now - s).max(Duration::zero()));
    Some(Timing {
        item: id,
        elapsed,
        allotted: it.minutes_allotted.map(|n| Duration::minutes(i64::from(n))),
    })
}

/// When the meeting will end if every remaining item takes its allowance (the
/// current one at least what it has already taken).
pub fn forecast_end(m: &Meeting, now: NaiveTime) -> Option<NaiveTime> {
    let allowance = |id: ItemId| {
        Duration::minutes(i64::from(
            m.item(id).and_then(|i| i.minutes_allotted).unwrap_or(0),
        ))
    };
    let pending: Duration = leaves(&m.agenda)
        .into_iter()
        .filter(|id| status(m, *id) == ItemStatus::Pending)
        .map(allowance)
        .fold(Duration::zero(), |a, b| a + b);
    match m.status {
        MeetingStatus::Planned => Some(m.start_time? + pending),
        MeetingStatus::InProgress => {
            let left = timing(m, now).map_or(Duration::zero(), |t| {
                t.allotted
                    .map_or(Duration::zero(), |a| (a - t.elapsed).max(Duration::zero()))
            });
            Some(now + left + pending)
        }
        _ => None,
    }
}

/// Parents take status and times from their children.
fn sync_parents(items: &mut [AgendaItem]) {
    for it in items.iter_mut().filter(|i| !i.sub_items.is_empty()) {
        sync_parents(&mut it.sub_items);
        let kids = &it.sub_items;
        let all = |s: &[ItemStatus]| kids.iter().all(|k| s.contains(&k.status));
        it.status = if kids.iter().any(|k| k.status == ItemStatus::Current) {
            ItemStatus::Current
        } else if all(&[ItemStatus::Deferred]) {
            ItemStatus::Deferred
        } else if all(&[ItemStatus::Done, ItemStatus::Deferred]) {
            ItemStatus::Done
        } else {
            ItemStatus::Pending
        };
        it.started_at = kids.iter().filter_map(|k| k.started_at).min();
        it.ended_at = if it.status == ItemStatus::Done {
            kids.iter().filter_map(|k| k.ended_at).max()
        } else {
            None
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::carry::new_meeting;
    use crate::model::{MeetingId, Template};

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn meeting() -> Meeting {
        let tpl = Template::builtin("corporate-parenting-board").unwrap();
        new_meeting(&tpl, MeetingId::parse("2026-12-09").unwrap(), None, &[])
    }

    fn titles(m: &Meeting, ids: &[ItemId]) -> Vec<String> {
        ids.iter()
            .map(|i| m.item(*i).unwrap().title.clone())
            .collect()
    }

    #[test]
    fn stepping_stamps_start_and_end_times_and_skips_parents() {
        let mut m = meeting();
        assert_eq!(
            forecast_end(&m, t(9, 0)),
            Some(t(15, 45)),
            "14:00 plus 105 minutes of allowances"
        );
        let first = start(&mut m, t(14, 2)).unwrap();
        assert_eq!(m.status, MeetingStatus::InProgress);
        assert_eq!(m.item(first).unwrap().started_at, Some(t(14, 2)));
        next(&mut m, t(14, 6));
        next(&mut m, t(14, 20));
        let iha = next(&mut m, t(14, 31)).unwrap();
        assert_eq!(
            titles(&m, &[iha]),
            ["Initial Health Assessment timeliness"],
            "3 is followed by 4.1, not 4"
        );
        assert_eq!(m.item(first).unwrap().ended_at, Some(t(14, 6)));
        let standing = &m.agenda[3];
        assert_eq!(standing.status, ItemStatus::Current);
        assert_eq!(standing.started_at, Some(t(14, 31)));
    }

    #[test]
    fn timing_shows_elapsed_overrun_and_forecast() {
        let mut m = meeting();
        start(&mut m, t(14, 0)); // item 1: 5 minutes allowed
        let tm = timing(&m, t(14, 8)).unwrap();
        assert_eq!(tm.elapsed, Duration::minutes(8));
        assert_eq!(tm.overrun(), Some(Duration::minutes(3)));
        assert_eq!(timing(&m, t(14, 4)).unwrap().overrun(), None);
        // Overrunning pushes the forecast: 14:08 + 0 left + 100 minutes pending.
        assert_eq!(forecast_end(&m, t(14, 8)), Some(t(15, 48)));
        assert_eq!(forecast_end(&m, t(14, 1)), Some(t(15, 45)));
    }

    #[test]
    fn previous_reopens_and_defer_moves_on() {
        let mut m = meeting();
        start(&mut m, t(14, 0));
        let second = next(&mut m, t(14, 5)).unwrap();
        let back = previous(&mut m, t(14, 6)).unwrap();
        assert_eq!(m.item(back).unwrap().status, ItemStatus::Current);
        assert_eq!(m.item(back).unwrap().ended_at, None);
        assert_eq!(m.item(second).unwrap().status, ItemStatus::Pending);
        assert_eq!(m.item(second).unwrap().started_at, None);

        let second = next(&mut m, t(14, 7)).unwrap();
        defer(&mut m, second, t(14, 8));
        assert_eq!(m.item(second).unwrap().status, ItemStatus::Deferred);
        let now_current = current(&m).unwrap();
        assert_eq!(
            titles(&m, &[now_current]),
            ["Action log and challenge cards"]
        );
        // Going back skips the deferred item.
        let back = previous(&mut m, t(14, 9)).unwrap();
        assert_eq!(
            m.item(back).unwrap().title,
            "Welcome, apologies for absence and declarations of interest"
        );
    }

    #[test]
    fn stepping_past_the_last_item_leaves_none_current_and_end_makes_a_draft() {
        let mut m = meeting();
        start(&mut m, t(14, 0));
        let n = leaves(&m.agenda).len();
        for i in 1..n {
            assert!(next(&mut m, t(14, i as u32)).is_some());
        }
        assert_eq!(next(&mut m, t(15, 0)), None);
        assert_eq!(current(&m), None);
        end(&mut m, t(15, 1));
        assert_eq!(m.status, MeetingStatus::Draft);
        assert!(m.agenda.iter().all(|i| i.status == ItemStatus::Done));
    }
}
