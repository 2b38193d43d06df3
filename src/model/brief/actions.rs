//! The open actions the chair should hear about under an item: those raised under the
//! same item at earlier meetings (or, for the action log, every one carried), judged
//! overdue exactly as the Actions tab judges them.

use chrono::NaiveDate;

use super::{ActionBrief, Context};
use crate::model::action::{self, ActionItem};
use crate::model::agenda::{self, AgendaItem, ItemRole};
use crate::model::meeting::Meeting;
use crate::words::short_date;

pub(super) fn of(m: &Meeting, item: &AgendaItem, cx: &Context<'_>, hide: bool) -> Vec<ActionBrief> {
    let log = item.role == Some(ItemRole::ActionLog);
    let mut found: Vec<(Option<NaiveDate>, ActionBrief)> = m
        .actions
        .iter()
        .filter(|a| a.is_open() && a.raised.meeting != m.id)
        .filter(|a| !(hide && raised_in_part_b(a, cx)))
        .filter(|a| log || raised_under(a, item, cx))
        .map(|a| {
            let next = next_meeting(m, a, cx);
            (a.due_on(next), brief(m, a, cx, next))
        })
        .collect();
    // Overdue first, then by the day each falls due (none known last), stable otherwise.
    found.sort_by_key(|(due, b)| (!b.overdue, due.is_none(), *due));
    found.into_iter().map(|(_, b)| b).collect()
}

/// Raised under exempt business: marked so when raised, or (for the last meeting, read in
/// full) under an item that was exempt there.
fn raised_in_part_b(a: &ActionItem, cx: &Context<'_>) -> bool {
    a.raised.exempt
        || raising_meeting(a, cx).is_some_and(|last| {
            a.raised
                .item
                .is_some_and(|i| agenda::is_exempt_business(&last.agenda, i))
        })
}

fn raising_meeting<'a>(a: &ActionItem, cx: &Context<'a>) -> Option<&'a Meeting> {
    cx.last.filter(|last| last.id == a.raised.meeting)
}

/// Item ids differ between meetings: the same item is the one of the same title, or at
/// the last meeting (read in full) the one of the same role.
fn raised_under(a: &ActionItem, item: &AgendaItem, cx: &Context<'_>) -> bool {
    let same_title = a.raised.item_title.trim().to_lowercase() == item.title.trim().to_lowercase();
    let same_role = item.role.is_some()
        && raising_meeting(a, cx)
            .and_then(|last| last.item(a.raised.item?))
            .is_some_and(|there| there.role == item.role);
    same_title || same_role
}

/// The date of the meeting after the one that raised `a`, as the Actions tab finds it once
/// the archive is listed: from the board's meetings known, this one among them.
fn next_meeting(m: &Meeting, a: &ActionItem, cx: &Context<'_>) -> Option<NaiveDate> {
    let known = &cx.history.meetings;
    if known.is_empty() {
        // Not listed: only the last meeting's next one is known for certain (this one).
        return raising_meeting(a, cx).map(|_| m.date);
    }
    let all = known
        .iter()
        .map(|(d, id)| (*d, id))
        .chain([(m.date, &m.id)]);
    action::next_meeting_after(&a.raised.meeting, all)
}

fn brief(m: &Meeting, a: &ActionItem, cx: &Context<'_>, next: Option<NaiveDate>) -> ActionBrief {
    // As the Actions tab: without a date for the next meeting, judged by this meeting's
    // record alone (a bound, enough to say overdue).
    let judged = next.or_else(|| action::next_meeting_by(m, &a.raised.meeting));
    ActionBrief {
        text: a.text.clone(),
        owner: a.owner.clone(),
        due: a.due_words(next),
        overdue: a.is_overdue(m.date, judged),
        due_here: a.due_on(next) == Some(m.date),
        raised: raised_words(a, cx),
    }
}

/// "raised 14 Oct 2026 under 4.1 Initial Health Assessment timeliness": the number where
/// the raising meeting is read in full, else the title alone.
fn raised_words(a: &ActionItem, cx: &Context<'_>) -> String {
    let date = short_date(a.raised.meeting.date());
    let number = raising_meeting(a, cx)
        .zip(a.raised.item)
        .and_then(|(last, i)| agenda::number_of(&last.agenda, i));
    let title = a.raised.item_title.trim();
    match (number, title.is_empty()) {
        (Some(n), false) => format!("raised {date} under {n} {title}"),
        (Some(n), true) => format!("raised {date} under {n}"),
        (None, false) => format!("raised {date} under {title}"),
        (None, true) => format!("raised {date}"),
    }
}
