//! The item's time: elapsed against its allowance, the meeting against its plan, and what
//! comes next. Only what the clock can say: a meeting written up afterwards has no live
//! timing (see [`running`]), only the times the clerk recorded.

use chrono::{Duration, NaiveTime};

use super::{NextItem, Timing};
use crate::model::agenda::{self, ItemStatus};
use crate::model::ids::ItemId;
use crate::model::meeting::Meeting;
use crate::model::running;

pub(super) fn of(m: &Meeting, id: ItemId, now: NaiveTime) -> Timing {
    let Some(item) = m.item(id) else {
        return Timing::default();
    };
    let allowance = agenda::allowance(item).map(|n| Duration::minutes(i64::from(n)));
    let (elapsed, overrun) = match running::timing(m, now).filter(|t| t.item == id) {
        Some(live) => (Some(live.elapsed), live.overrun()),
        None => {
            // Taken: from the times recorded, the clock's or the clerk's.
            let done = item.status == ItemStatus::Done;
            let taken = item
                .started_at
                .zip(item.ended_at)
                .filter(|_| done)
                .map(|(s, e)| within_a_day(e - s));
            let over = taken
                .zip(allowance)
                .map(|(t, a)| t - a)
                .filter(|d| *d > Duration::zero());
            (taken, over)
        }
    };
    let forecast_end = running::forecast_end(m, now);
    let planned_end = m.start_time.map(|s| s + running::planned_length(m));
    // The agenda's plan runs from when the meeting began: a late start shows in the forecast
    // end against the published one, and a meeting begun at another hour is not "behind".
    let plan_end = m
        .began_at
        .or(m.start_time)
        .map(|s| s + running::planned_length(m));
    Timing {
        status: item.status,
        started: item.started_at,
        ended: item.ended_at,
        elapsed,
        allowance,
        overrun,
        behind_plan: forecast_end.zip(plan_end).map(|(f, p)| within_a_day(f - p)),
        forecast_end,
        planned_end,
    }
}

/// A difference of clock times, taken the short way round midnight: a meeting running
/// from 23:30 past 00:10 is 40 minutes on, not 23 hours 20 back.
fn within_a_day(d: Duration) -> Duration {
    let (half, day) = (Duration::hours(12), Duration::hours(24));
    if d > half {
        d - day
    } else if d < -half {
        d + day
    } else {
        d
    }
}

/// The next item still to be taken after `id` in the running order: the first pending
/// leaf after it (after the last of its sub-items, for a section). With `hide`, a sub-item
/// of exempt business goes untitled: the public agenda does not publish its title.
pub(super) fn next(m: &Meeting, id: ItemId, hide: bool) -> Option<NextItem> {
    let order = running::leaves(&m.agenda);
    let inside = m
        .item(id)
        .map(|i| running::leaves(std::slice::from_ref(i)))?;
    let last = inside.last().copied().unwrap_or(id);
    let from = order.iter().position(|i| *i == last)? + 1;
    let next = order[from..].iter().copied().find(|i| {
        m.item(*i)
            .is_some_and(|it| it.status == ItemStatus::Pending)
    })?;
    let walked = agenda::walked(&m.agenda, next)?;
    let (number, title) = match hide {
        true => super::as_published(m, &walked),
        false => (walked.number.to_string(), walked.item.title.clone()),
    };
    Some(NextItem {
        number,
        title,
        exempt: walked.is_exempt(),
    })
}
