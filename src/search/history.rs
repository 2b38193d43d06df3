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
use crate::model::action::{HeldAt, latest_copies, next_meeting_after};
use crate::model::origins::{Raising, is_part_b};
use crate::model::{ActionId, ActionItem, ActionUpdate, BoardId, Meeting, MeetingId};
use crate::store::{Result, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRecord {
    /// The action as its latest copy holds it: text, owner, due, status and every update.
    pub action: ActionItem,
    /// The board whose meetings carry it (resolved where the store knows it).
    #[serde(default)]
    pub board_id: Option<BoardId>,
    /// That board, by name.
    #[serde(default)]
    pub board: String,
    /// The date of the meeting that raised it.
    pub raised_on: NaiveDate,
    /// The raising meeting's title; `None` when that meeting is not in the archive.
    pub raised_meeting_title: Option<String>,
    /// The number ("4.1") of the item it was raised under, at the raising meeting.
    pub raised_item_number: Option<String>,
    /// Part B as [`is_part_b`] decides, failing closed: marked so in its latest copy or
    /// where it was raised, or raised under an item that is exempt business now or no
    /// longer there, or at a meeting that is not on record or could not be read.
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

/// Every action in the store at its latest state, reading every meeting file afresh; each
/// names its board as the store resolves it ([`Store::boards`]).
pub fn from_store(store: &Store) -> Result<ActionLog> {
    let mut problems = Vec::new();
    let boards = store.boards().unwrap_or_else(|e| {
        problems.push(e);
        Vec::new()
    });
    let scan = archive::scan(store, |view, _: &mut ()| {
        let board = crate::store::boards::board_id_of(&boards, view.board);
        copies(view, board)
    })?;
    problems.extend(scan.problems);
    Ok(ActionLog {
        records: merge(scan.results),
        problems,
    })
}

/// Every action in these meetings at its latest state, each naming its board as `boards`
/// resolve it.
pub fn from_meetings(meetings: &[Meeting], boards: &[crate::model::Board]) -> Vec<ActionRecord> {
    merge(
        meetings
            .iter()
            .map(|m| {
                let board = crate::store::boards::board_id_of(boards, &m.board);
                copies(&View::of_meeting(m), board)
            })
            .collect(),
    )
}

/// What the raising meeting says of an action: its title and the item's number.
type RaisedAt = (String, Option<String>);

/// One meeting's copies of actions, with what it says of those it raised, and, if it
/// raised any, what decides whether they are Part B.
struct Held {
    at: HeldAt,
    /// The meeting's board, its id and name.
    board: (Option<BoardId>, String),
    copies: Vec<(ActionItem, Option<RaisedAt>)>,
    raising: Option<Raising>,
}

fn copies(view: &View, board: Option<BoardId>) -> Held {
    let here = |a: &ActionItem| a.raised.meeting == *view.id;
    let copies = view
        .actions
        .iter()
        .map(|a| {
            let about = here(a).then(|| {
                let item = a.raised.item.and_then(|id| view.item(id)).map(|(_, i)| i);
                (view.title.to_string(), item.map(|i| i.number.clone()))
            });
            (a.clone(), about)
        })
        .collect();
    Held {
        at: (view.date, view.id.clone()),
        board: (board, view.board.name.clone()),
        copies,
        raising: view.actions.iter().any(here).then(|| view.raising()),
    }
}

fn merge(per_meeting: Vec<Held>) -> Vec<ActionRecord> {
    let mut raising: HashMap<MeetingId, Raising> = HashMap::new();
    let mut about: HashMap<ActionId, RaisedAt> = HashMap::new();
    let mut held_at = Vec::with_capacity(per_meeting.len());
    let mut board_of: HashMap<MeetingId, (Option<BoardId>, String)> = HashMap::new();
    let mut all = Vec::new();
    for held in per_meeting {
        board_of.insert(held.at.1.clone(), held.board.clone());
        if let Some(r) = held.raising {
            raising.insert(held.at.1.clone(), r);
        }
        for (action, here) in held.copies {
            if let Some(here) = here {
                about.insert(action.id.clone(), here);
            }
            all.push((held.at.clone(), action));
        }
        held_at.push((held.at, held.board.0));
    }
    let mut records: Vec<ActionRecord> = latest_copies(all, |a| &a.id)
        .into_iter()
        .map(|latest| {
            let action = latest.copy;
            let raised = &action.raised.meeting;
            let (title, number) = match about.remove(&action.id) {
                Some((title, number)) => (Some(title), number),
                None => (None, None),
            };
            // Carried within its board: the latest copy's meeting says which.
            let (board_id, board) = latest
                .held
                .last()
                .and_then(|(_, m)| board_of.get(m).cloned())
                .unwrap_or_default();
            let of_board = held_at.iter().filter(|(_, b)| *b == board_id);
            ActionRecord {
                next_meeting: next_meeting_after(raised, of_board.map(|((d, id), _)| (*d, id))),
                board_id,
                board,
                raised_on: latest
                    .held
                    .iter()
                    .find(|(_, m)| m == raised)
                    .map_or_else(|| raised.date(), |(d, _)| *d),
                raised_meeting_title: title,
                raised_item_number: number,
                exempt: is_part_b(&action.id, &action.raised, raising.get(raised)),
                meetings: latest.held.into_iter().map(|(_, m)| m).collect(),
                action,
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
