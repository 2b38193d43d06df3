//! The chair's running order: starting the meeting, stepping item to item with start and
//! end times, deferring, and the timing the chair watches (elapsed, overrun, forecast end).
//!
//! The chair steps through *leaf* items (those without sub-items); a parent such as
//! "Standing items" takes its times and status from its children. A meeting written up
//! afterwards ([`Minuting::WriteUp`]) is stepped the same way, but the clock stamps
//! nothing: the clerk sets its times (see [`super::timing_rules`]).

use chrono::{Duration, NaiveDateTime, NaiveTime};

use super::agenda::{self, AgendaItem, ItemStatus};
use super::ids::ItemId;
use super::meeting::{Meeting, MeetingStatus, Minuting};

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

/// Why the running order refused to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The meeting has ended: its item times are part of the minutes and stay as taken.
    Ended,
    /// After the meeting, only an item never taken may be deferred: a taken one has times.
    TakenItem,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refused::Ended => {
                "The meeting has ended: its item times are part of the minutes and cannot change."
            }
            Refused::TakenItem => {
                "The meeting has ended and that item was taken: only an item never reached can \
                 be deferred now."
            }
        })
    }
}

impl std::error::Error for Refused {}

/// Refuses once the meeting has ended (draft or approved minutes): every change to the
/// running order after `E` would rewrite the times the minutes record.
pub fn still_running(m: &Meeting) -> Result<(), Refused> {
    match m.status {
        MeetingStatus::Planned | MeetingStatus::InProgress => Ok(()),
        MeetingStatus::Draft | MeetingStatus::Approved => Err(Refused::Ended),
    }
}

fn item(m: &mut Meeting, id: ItemId) -> &mut AgendaItem {
    agenda::find_mut(&mut m.agenda, id).expect("ids come from this meeting")
}

fn status(m: &Meeting, id: ItemId) -> ItemStatus {
    m.item(id).map_or(ItemStatus::Done, |i| i.status)
}

/// The time the clock gives a step: `now` when minuted live, none when written up
/// afterwards (the clerk's times stay as set).
fn stamp(m: &Meeting, now: NaiveTime) -> Option<NaiveTime> {
    (m.minuting == Minuting::Live).then_some(now)
}

fn finish_current(m: &mut Meeting, now: NaiveTime) {
    let stamp = stamp(m, now);
    if let Some(cur) = current(m) {
        let it = item(m, cur);
        it.status = ItemStatus::Done;
        if stamp.is_some() {
            it.ended_at = stamp;
        }
    }
}

fn make_current(m: &mut Meeting, id: ItemId, now: NaiveTime) {
    let stamp = stamp(m, now);
    let it = item(m, id);
    it.status = ItemStatus::Current;
    if let Some(now) = stamp {
        it.started_at.get_or_insert(now);
        it.ended_at = None;
    }
}

/// A planned meeting begins: in progress, and (live) its actual start noted.
fn begin(m: &mut Meeting, now: NaiveTime) {
    if m.status == MeetingStatus::Planned {
        m.status = MeetingStatus::InProgress;
        if let Some(now) = stamp(m, now) {
            m.began_at.get_or_insert(now);
        }
    }
}

/// Starts the meeting at `now` with its first pending item. Returns that item.
pub fn start(m: &mut Meeting, now: NaiveTime) -> Result<Option<ItemId>, Refused> {
    still_running(m)?;
    begin(m, now);
    let first = leaves(&m.agenda)
        .into_iter()
        .find(|id| status(m, *id) == ItemStatus::Pending);
    if current(m).is_none()
        && let Some(id) = first
    {
        make_current(m, id, now);
    }
    sync_parents(&mut m.agenda);
    Ok(current(m))
}

/// Closes the current item and moves to the next pending one; `None` after the last.
pub fn next(m: &mut Meeting, now: NaiveTime) -> Result<Option<ItemId>, Refused> {
    still_running(m)?;
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
    Ok(next)
}

/// Goes back to the item before the current one (not deferred), reopening it.
/// `Ok(None)` at the first item.
pub fn previous(m: &mut Meeting, now: NaiveTime) -> Result<Option<ItemId>, Refused> {
    still_running(m)?;
    let order = leaves(&m.agenda);
    let pos = match current(m) {
        Some(c) => order.iter().position(|i| *i == c),
        None => Some(order.len()),
    };
    let back = pos.and_then(|pos| {
        order[..pos]
            .iter()
            .rev()
            .copied()
            .find(|id| status(m, *id) != ItemStatus::Deferred)
    });
    let Some(back) = back else { return Ok(None) };
    let live = stamp(m, now).is_some();
    if let Some(cur) = current(m) {
        let it = item(m, cur);
        it.status = ItemStatus::Pending;
        // A live step taken by mistake stamped a start; a written-up one is the clerk's.
        if live {
            it.started_at = None;
        }
    }
    make_current(m, back, now);
    sync_parents(&mut m.agenda);
    Ok(Some(back))
}

/// Makes a chosen item current (the chair taking items out of order).
pub fn jump(m: &mut Meeting, id: ItemId, now: NaiveTime) -> Result<(), Refused> {
    still_running(m)?;
    if current(m) == Some(id) || !leaves(&m.agenda).contains(&id) {
        return Ok(());
    }
    begin(m, now);
    finish_current(m, now);
    make_current(m, id, now);
    sync_parents(&mut m.agenda);
    Ok(())
}

/// Defers an item to the next meeting; if it was current, the next one starts. After the
/// meeting has ended only items never taken may be deferred (tidying the draft).
pub fn defer(m: &mut Meeting, id: ItemId, now: NaiveTime) -> Result<(), Refused> {
    let was_current = current(m) == Some(id);
    let targets: Vec<ItemId> = match m.item(id) {
        Some(i) if !i.sub_items.is_empty() => leaves(&i.sub_items),
        Some(_) => vec![id],
        None => return Ok(()),
    };
    let taken = |t: &ItemId| {
        m.item(*t)
            .is_some_and(|i| i.started_at.is_some() || i.ended_at.is_some())
    };
    match m.status {
        MeetingStatus::Approved => return Err(Refused::Ended),
        MeetingStatus::Draft if targets.iter().any(taken) => return Err(Refused::TakenItem),
        MeetingStatus::Planned | MeetingStatus::InProgress | MeetingStatus::Draft => {}
    }
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
    Ok(())
}

/// Closes the meeting: the minutes become a draft awaiting approval. Once only: ending
/// again would stamp the times afresh.
pub fn end(m: &mut Meeting, now: NaiveTime) -> Result<(), Refused> {
    still_running(m)?;
    finish_current(m, now);
    // Written up, the clerk may set an item's times without stepping to it: it was held.
    if m.minuting == Minuting::WriteUp {
        for id in leaves(&m.agenda) {
            let it = item(m, id);
            if it.status == ItemStatus::Pending
                && (it.started_at.is_some() || it.ended_at.is_some())
            {
                it.status = ItemStatus::Done;
            }
        }
    }
    if let Some(now) = stamp(m, now) {
        m.ended_at = Some(now);
    }
    m.status = MeetingStatus::Draft;
    sync_parents(&mut m.agenda);
    Ok(())
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

/// `None` when written up afterwards: the clock says nothing about that meeting.
pub fn timing(m: &Meeting, now: NaiveTime) -> Option<Timing> {
    stamp(m, now)?;
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
/// current one at least what it has already taken). `None` once ended, and for a meeting
/// written up afterwards (the clock knows nothing of it).
pub fn forecast_end(m: &Meeting, now: NaiveTime) -> Option<NaiveTime> {
    let left = m
        .agenda
        .iter()
        .map(|i| remaining(i, now))
        .fold(Duration::zero(), |a, b| a + b);
    match (m.status, m.minuting) {
        (MeetingStatus::Planned, _) => Some(m.start_time? + planned_length(m)),
        (MeetingStatus::InProgress, Minuting::Live) => Some(now + left),
        (MeetingStatus::InProgress, Minuting::WriteUp)
        | (MeetingStatus::Draft | MeetingStatus::Approved, _) => None,
    }
}

/// The meeting's length as planned: every item's allowance, a section's own where longer
/// than its sub-items' ([`agenda::allowance`]). Before the meeting begins, this is what
/// [`forecast_end`] adds to the start.
pub fn planned_length(m: &Meeting) -> Duration {
    let minutes: u32 = m.agenda.iter().filter_map(agenda::allowance).sum();
    Duration::minutes(i64::from(minutes))
}

/// When the meeting runs, as a calendar holds it: from the scheduled start to the actual
/// end once it has ended, else to the forecast end of the meeting not yet begun (the start
/// plus [`planned_length`], or `unplanned` where no item has an allowance). An end before
/// the start is past midnight. `None` without a start time (a day's event).
pub fn calendar_span(m: &Meeting, unplanned: Duration) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let ended = matches!(m.status, MeetingStatus::Draft | MeetingStatus::Approved);
    let planned = match planned_length(m) {
        d if d.is_zero() => unplanned,
        d => d,
    };
    Some(span(
        m.date,
        m.start_time?,
        m.ended_at.filter(|_| ended),
        planned,
    ))
}

/// From `start` on `date` to the actual end `ended` where the meeting has ended (past
/// midnight where it is before the start), else to `start` + `planned`.
pub fn span(
    date: chrono::NaiveDate,
    start: NaiveTime,
    ended: Option<NaiveTime>,
    planned: Duration,
) -> (NaiveDateTime, NaiveDateTime) {
    let start = date.and_time(start);
    let end = match ended {
        Some(t) if date.and_time(t) < start => date.and_time(t) + Duration::days(1),
        Some(t) => date.and_time(t),
        None => start + planned,
    };
    (start, end)
}

/// What is left of an item's allowance at `now`. A section's own allowance covers the whole
/// section, its introduction included, where it is longer than its sub-items' (the rule of
/// [`agenda::allowance`]), less what the section has taken so far.
fn remaining(it: &AgendaItem, now: NaiveTime) -> Duration {
    let zero = Duration::zero();
    let allowed = |n: u32| Duration::minutes(i64::from(n));
    let taken = |since: Option<NaiveTime>| since.map_or(zero, |s| (now - s).max(zero));
    let own = match (it.status, it.minutes_allotted) {
        (ItemStatus::Done | ItemStatus::Deferred, _) | (_, None) => zero,
        (ItemStatus::Pending, Some(a)) if it.sub_items.is_empty() => allowed(a),
        (ItemStatus::Pending | ItemStatus::Current, Some(a)) => {
            (allowed(a) - taken(it.started_at)).max(zero)
        }
    };
    let subs = it
        .sub_items
        .iter()
        .map(|k| remaining(k, now))
        .fold(zero, |a, b| a + b);
    own.max(subs)
}

/// Parents take status and times from their children.
pub(super) fn sync_parents(items: &mut [AgendaItem]) {
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

    #[test]
    fn a_written_up_meeting_ended_counts_every_item_given_times_as_held() {
        let mut m = meeting();
        m.minuting = Minuting::WriteUp;
        start(&mut m, t(9, 0)).unwrap();
        let order = leaves(&m.agenda);
        // Times set by hand on item 3, never stepped to; item 4 neither stepped to nor timed.
        let third = agenda::find_mut(&mut m.agenda, order[2]).unwrap();
        third.started_at = Some(t(14, 20));
        third.ended_at = Some(t(14, 30));
        end(&mut m, t(9, 5)).unwrap();
        assert_eq!(status(&m, order[2]), ItemStatus::Done, "timed: it was held");
        assert_eq!(status(&m, order[3]), ItemStatus::Pending, "never reached");
        assert_eq!(m.item(order[2]).unwrap().started_at, Some(t(14, 20)));
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
        let first = start(&mut m, t(14, 2)).unwrap().unwrap();
        assert_eq!(m.status, MeetingStatus::InProgress);
        assert_eq!(m.item(first).unwrap().started_at, Some(t(14, 2)));
        next(&mut m, t(14, 6)).unwrap();
        next(&mut m, t(14, 20)).unwrap();
        let iha = next(&mut m, t(14, 31)).unwrap().unwrap();
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
        start(&mut m, t(14, 0)).unwrap(); // item 1: 5 minutes allowed
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
        start(&mut m, t(14, 0)).unwrap();
        let second = next(&mut m, t(14, 5)).unwrap().unwrap();
        let back = previous(&mut m, t(14, 6)).unwrap().unwrap();
        assert_eq!(m.item(back).unwrap().status, ItemStatus::Current);
        assert_eq!(m.item(back).unwrap().ended_at, None);
        assert_eq!(m.item(second).unwrap().status, ItemStatus::Pending);
        assert_eq!(m.item(second).unwrap().started_at, None);

        let second = next(&mut m, t(14, 7)).unwrap().unwrap();
        defer(&mut m, second, t(14, 8)).unwrap();
        assert_eq!(m.item(second).unwrap().status, ItemStatus::Deferred);
        let now_current = current(&m).unwrap();
        assert_eq!(
            titles(&m, &[now_current]),
            ["Action log and challenge cards"]
        );
        // Going back skips the deferred item.
        let back = previous(&mut m, t(14, 9)).unwrap().unwrap();
        assert_eq!(
            m.item(back).unwrap().title,
            "Welcome, apologies for absence and declarations of interest"
        );
    }

    #[test]
    fn stepping_past_the_last_item_leaves_none_current_and_end_makes_a_draft() {
        let mut m = meeting();
        start(&mut m, t(14, 0)).unwrap();
        let n = leaves(&m.agenda).len();
        for i in 1..n {
            assert!(next(&mut m, t(14, i as u32)).unwrap().is_some());
        }
        assert_eq!(next(&mut m, t(15, 0)), Ok(None));
        assert_eq!(current(&m), None);
        end(&mut m, t(15, 1)).unwrap();
        assert_eq!(m.status, MeetingStatus::Draft);
        assert!(m.agenda.iter().all(|i| i.status == ItemStatus::Done));
    }

    #[test]
    fn after_the_meeting_has_ended_nothing_touches_the_item_times() {
        let mut m = meeting();
        start(&mut m, t(14, 0)).unwrap();
        let first = current(&m).unwrap();
        let second = next(&mut m, t(14, 5)).unwrap().unwrap();
        end(&mut m, t(14, 9)).unwrap();
        let untaken = *leaves(&m.agenda).last().unwrap();
        let before = m.clone();

        assert_eq!(jump(&mut m, first, t(15, 0)), Err(Refused::Ended));
        assert_eq!(previous(&mut m, t(15, 1)), Err(Refused::Ended));
        assert_eq!(next(&mut m, t(15, 2)), Err(Refused::Ended));
        assert_eq!(start(&mut m, t(15, 3)), Err(Refused::Ended));
        assert_eq!(end(&mut m, t(15, 4)), Err(Refused::Ended));
        assert_eq!(defer(&mut m, second, t(15, 5)), Err(Refused::TakenItem));
        assert_eq!(m, before, "nothing changed");
        let second = m.item(second).unwrap();
        assert_eq!(
            (second.started_at, second.ended_at),
            (Some(t(14, 5)), Some(t(14, 9)))
        );

        // Tidying the draft: an item never reached may still be deferred.
        defer(&mut m, untaken, t(15, 6)).unwrap();
        assert_eq!(m.item(untaken).unwrap().status, ItemStatus::Deferred);
        assert_eq!(m.status, MeetingStatus::Draft);
    }

    #[test]
    fn a_sections_own_allowance_counts_in_the_forecast_where_longer_than_its_sub_items() {
        let mut m = meeting();
        assert_eq!(forecast_end(&m, t(9, 0)), Some(t(15, 45)));
        // "Standing items" (4) gets an hour of its own: its introduction and discussion
        // beyond the 40 minutes of its three sub-items.
        m.agenda[3].minutes_allotted = Some(60);
        assert_eq!(forecast_end(&m, t(9, 0)), Some(t(16, 5)));
        // Service reports (5) keeps its 30-minute slot for a 20-minute report inside it.
        let mut report = AgendaItem::new(
            agenda::next_id(&m.agenda),
            "Virtual School",
            super::super::ItemKind::Report,
        );
        report.minutes_allotted = Some(20);
        m.agenda[4].sub_items.push(report);
        assert_eq!(forecast_end(&m, t(9, 0)), Some(t(16, 5)));
        // Once the section is under way, what it has taken comes off its own allowance.
        start(&mut m, t(14, 0)).unwrap();
        for at in [t(14, 5), t(14, 15), t(14, 25)] {
            next(&mut m, at).unwrap();
        }
        assert_eq!(m.agenda[3].status, ItemStatus::Current);
        // At 14:35, 10 minutes into the section: 50 of its 60 left, then 30 + 5 + 5.
        assert_eq!(forecast_end(&m, t(14, 35)), Some(t(16, 5)));
    }
}
