//! The action history: every action in the archive once, at its latest state.
//!
//! Actions are carried: each meeting holds the open actions carried into it and those
//! raised at it, and an action closed at a meeting appears there for the last time. So an
//! action's latest state is its copy in the latest meeting (by date) that holds it, and that
//! copy's history holds every dated update.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::archive::{self, View};
use super::fold::fold;
use crate::model::action::next_meeting_after;
use crate::model::{ActionId, ActionItem, ActionUpdate, Meeting, MeetingId};
use crate::store::{Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRecord {
    /// The action as its latest copy holds it: text, owner, due, status and every update.
    pub action: ActionItem,
    /// The date of the meeting that raised it.
    pub raised_on: NaiveDate,
    /// The raising meeting's title; `None` when that meeting is not in the archive.
    pub raised_meeting_title: Option<String>,
    /// The number ("4.1") of the item it was raised under, at the raising meeting.
    pub raised_item_number: Option<String>,
    /// Raised under exempt (Part B) business.
    pub exempt: bool,
    /// Every meeting holding a copy, oldest first; the last holds the latest state.
    pub meetings: Vec<MeetingId>,
    /// The date of the first meeting on record after the one that raised it: when an
    /// action due "by the next meeting" falls due.
    #[serde(default)]
    pub next_meeting: Option<NaiveDate>,
}

impl ActionRecord {
    pub fn id(&self) -> &ActionId {
        &self.action.id
    }

    /// The meeting whose copy is the latest state.
    pub fn latest_meeting(&self) -> &MeetingId {
        self.meetings.last().unwrap_or(&self.action.raised.meeting)
    }

    pub fn last_update(&self) -> Option<&ActionUpdate> {
        self.action.history.last()
    }

    /// Overdue as judged on `today`, by the one rule of [`ActionItem::is_overdue`].
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.action.is_overdue(today, self.next_meeting)
    }

    /// "due 9 Dec 2026 (next meeting)", "due 16 Dec 2026"…
    pub fn due_words(&self) -> String {
        self.action.due_words(self.next_meeting)
    }

    /// The due date for a column: "9 Dec 2026", or "next meeting" until one exists.
    pub fn due_short(&self) -> String {
        self.action.due_short(self.next_meeting)
    }
}

/// Which actions to keep. The default keeps them all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only actions still open.
    pub open_only: bool,
    /// Only actions overdue on this date.
    pub overdue_on: Option<NaiveDate>,
    /// Only actions whose owner contains this, ignoring case and accents.
    pub owner: Option<String>,
}

impl Filter {
    pub fn matches(&self, r: &ActionRecord) -> bool {
        (!self.open_only || r.action.is_open())
            && self.overdue_on.is_none_or(|today| r.is_overdue(today))
            && self
                .owner
                .as_deref()
                .is_none_or(|o| fold(&r.action.owner).contains(fold(o).trim()))
    }

    pub fn apply(&self, records: Vec<ActionRecord>) -> Vec<ActionRecord> {
        records.into_iter().filter(|r| self.matches(r)).collect()
    }
}

/// Every action in the store and the files that could not be read.
#[derive(Debug, Default)]
pub struct ActionLog {
    /// Oldest raised first, then in the order they were raised.
    pub records: Vec<ActionRecord>,
    pub problems: Vec<StoreError>,
}

/// Every action in the store at its latest state, reading every meeting file afresh.
pub fn from_store(store: &Store) -> Result<ActionLog> {
    let scan = archive::scan(store, |view, _: &mut ()| copies(view))?;
    Ok(ActionLog {
        records: merge(scan.results),
        problems: scan.problems,
    })
}

/// Every action in these meetings at its latest state.
pub fn from_meetings(meetings: &[Meeting]) -> Vec<ActionRecord> {
    merge(
        meetings
            .iter()
            .map(|m| copies(&View::of_meeting(m)))
            .collect(),
    )
}

struct Copy {
    action: ActionItem,
    held_at: (NaiveDate, MeetingId),
    /// Set when this meeting raised the action: its title, the item's number, exempt.
    raised_here: Option<(String, Option<String>, bool)>,
}

/// One meeting's copies of actions, and the meeting itself (to date "next meeting").
type Held = ((NaiveDate, MeetingId), Vec<Copy>);

fn copies(view: &View) -> Held {
    let copies = view
        .actions
        .iter()
        .map(|a| Copy {
            action: a.clone(),
            held_at: (view.date, view.id.clone()),
            raised_here: (a.raised.meeting == *view.id).then(|| {
                let item = a.raised.item.and_then(|id| view.item(id)).map(|(_, i)| i);
                (
                    view.title.to_string(),
                    item.map(|i| i.number.clone()),
                    item.is_some_and(|i| i.exempt),
                )
            }),
        })
        .collect();
    ((view.date, view.id.clone()), copies)
}

fn merge(per_meeting: Vec<Held>) -> Vec<ActionRecord> {
    struct Acc {
        latest: Copy,
        held: Vec<(NaiveDate, MeetingId)>,
        raised_here: Option<(String, Option<String>, bool)>,
    }
    let mut by_id: HashMap<ActionId, Acc> = HashMap::new();
    let (held_at, per_meeting): (Vec<_>, Vec<_>) = per_meeting.into_iter().unzip();
    for mut copy in per_meeting.into_iter().flatten() {
        let raised_here = copy.raised_here.take();
        match by_id.get_mut(&copy.action.id) {
            Some(acc) => {
                acc.held.push(copy.held_at.clone());
                if raised_here.is_some() {
                    acc.raised_here = raised_here;
                }
                if copy.held_at > acc.latest.held_at {
                    acc.latest = copy;
                }
            }
            None => {
                by_id.insert(
                    copy.action.id.clone(),
                    Acc {
                        held: vec![copy.held_at.clone()],
                        latest: copy,
                        raised_here,
                    },
                );
            }
        }
    }
    let mut records: Vec<ActionRecord> = by_id
        .into_values()
        .map(|mut acc| {
            acc.held.sort();
            acc.held.dedup();
            let (title, number, exempt) = match acc.raised_here {
                Some((title, number, exempt)) => (Some(title), number, exempt),
                None => (None, None, false),
            };
            let raised = &acc.latest.action.raised.meeting;
            let next_meeting = next_meeting_after(raised, held_at.iter().map(|(d, id)| (*d, id)));
            ActionRecord {
                next_meeting,
                raised_on: acc
                    .held
                    .iter()
                    .find(|(_, m)| *m == acc.latest.action.raised.meeting)
                    .map_or_else(|| acc.latest.action.raised.meeting.date(), |(d, _)| *d),
                action: acc.latest.action,
                raised_meeting_title: title,
                raised_item_number: number,
                exempt,
                meetings: acc.held.into_iter().map(|(_, m)| m).collect(),
            }
        })
        .collect();
    records.sort_by(|a, b| {
        (a.raised_on, &a.action.raised.meeting, seq(a.id())).cmp(&(
            b.raised_on,
            &b.action.raised.meeting,
            seq(b.id()),
        ))
    });
    records
}

fn seq(id: &ActionId) -> u32 {
    super::action_seq(id)
}
