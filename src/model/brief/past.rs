//! The same item at the board's last meeting: what was minuted and decided about it.

use super::LastTime;
use crate::model::agenda::{self, AgendaItem};
use crate::model::meeting::Meeting;

/// How many of the minutes' lines the chair is reminded of.
const FIRST_LINES: usize = 3;

/// The item at `last` that is this one: of the same role where this one has a role (its
/// title may have changed), else of the same title. With `hide`, none that was Part B there.
pub(super) fn last_time(item: &AgendaItem, last: Option<&Meeting>, hide: bool) -> Option<LastTime> {
    let last = last?;
    let title = item.title.trim().to_lowercase();
    let there = agenda::walk(&last.agenda)
        .into_iter()
        .find(|w| match &item.role {
            Some(role) => w.item.role.as_ref() == Some(role),
            None => w.item.title.trim().to_lowercase() == title,
        })?;
    if hide && there.is_exempt() {
        return None;
    }
    let then = there.item;
    Some(LastTime {
        meeting: last.id.clone(),
        date: last.date,
        minute: then.minute.clone(),
        decisions: then.decisions.clone(),
        first_lines: then
            .minutes
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            // A line recording one of its decisions: that is given once, in full, above.
            .filter(|l| !then.decisions.iter().any(|d| l.contains(d.text.trim())))
            .take(FIRST_LINES)
            .map(str::to_string)
            .collect(),
    })
}
