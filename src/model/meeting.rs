//! A meeting of the board: its details, attendance, agenda, action log and standing figures.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::action::ActionItem;
use super::agenda::{self, AgendaItem};
use super::approval::{Approval, Erratum};
use super::attendance::{Attendance, Quorum};
use super::board::BoardId;
use super::clock;
use super::declarations::Declaration;
use super::ids::{ActionId, MeetingId};
use super::minute_numbers::MinuteRef;
use super::standing::Standing;

/// The board as this meeting records it: its name and quorum then, and which board record
/// it belongs to. Records written before boards were records have no id (see
/// [`super::board::Board::adopts`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingBoard {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<BoardId>,
    pub name: String,
    /// Members (not officers) who must be present for decisions to be valid.
    pub quorum: u32,
}

/// How the minutes were taken: live in the room (times stamped from the clock), or written
/// up afterwards from notes (the clerk sets every time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Minuting {
    #[default]
    Live,
    WriteUp,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingStatus {
    #[default]
    Planned,
    InProgress,
    /// Held; the clerk's minutes await approval at a later meeting.
    Draft,
    /// Minutes approved by the board: final.
    Approved,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub board: MeetingBoard,
    pub title: String,
    pub date: NaiveDate,
    #[serde(default, with = "clock::hhmm_opt")]
    pub start_time: Option<NaiveTime>,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub status: MeetingStatus,
    #[serde(default, skip_serializing_if = "is_live")]
    pub minuting: Minuting,
    /// When the meeting actually began and ended (the scheduled start is `start_time`).
    #[serde(
        default,
        with = "clock::hhmm_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub began_at: Option<NaiveTime>,
    #[serde(
        default,
        with = "clock::hhmm_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ended_at: Option<NaiveTime>,
    /// The meeting whose minutes this one approves.
    #[serde(default)]
    pub previous: Option<MeetingId>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    #[serde(default)]
    pub standing: Standing,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    /// Set when a later meeting approved these minutes: who, when, and the seal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    /// Corrections agreed after approval, kept beside the sealed text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errata: Vec<Erratum>,
    /// Declarations of interest, each for one item, in the order made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declarations: Vec<Declaration>,
    /// The reference of the minute excluding the press and public before the first Part B
    /// item, given with the others when the draft is made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusion_minute: Option<MinuteRef>,
    /// Raised each time the date, time, place or length a calendar holds changes, so that
    /// calendars replace their copy (iCalendar SEQUENCE).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub calendar_sequence: u32,
    /// When the agenda was published (the summons' date), once it has been.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_published: Option<NaiveDate>,
    /// The calendar event's UID, kept when the meeting moves to another date (and so
    /// another id), so that calendars update the event they hold instead of adding one.
    /// None until the first move: the UID is then the one its id gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar_uid: Option<String>,
    /// Last: it holds the long minutes text, so the summary fields above read first.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_live(m: &Minuting) -> bool {
    *m == Minuting::Live
}

impl Meeting {
    pub fn quorum(&self) -> Quorum {
        Quorum::of(&self.attendance, self.board.quorum)
    }

    /// Actions first raised at this meeting (the rest were carried forward).
    pub fn actions_raised(&self) -> impl Iterator<Item = &ActionItem> {
        self.actions.iter().filter(|a| a.raised.meeting == self.id)
    }

    /// Marks every action raised here under exempt business as exempt. Only ever
    /// sets the mark: an action once taken in Part B stays out of public documents.
    pub fn mark_exempt_actions(&mut self) {
        let exempt = agenda::exempt_ids(&self.agenda);
        for a in &mut self.actions {
            if a.raised.meeting == self.id && a.raised.item.is_some_and(|i| exempt.contains(&i)) {
                a.raised.exempt = true;
            }
        }
    }

    /// A fresh action id for an action raised at this meeting.
    pub fn next_action_id(&self) -> ActionId {
        let prefix = format!("{}#", self.id);
        let max = self
            .actions
            .iter()
            .filter_map(|a| a.id.0.strip_prefix(&prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        ActionId::new(&self.id, max + 1)
    }

    /// The calendar event's UID: the one kept from before a move, else the meeting's id
    /// and its board ("2026-12-09.cpb@minutebook"), so two boards' meetings on one day are
    /// two events.
    pub fn calendar_uid(&self) -> String {
        self.calendar_uid.clone().unwrap_or_else(|| {
            calendar_uid_of(
                self.id.as_str(),
                self.board.id.as_ref().map(|b| b.as_str()),
                &self.board.name,
            )
        })
    }

    pub fn item(&self, id: super::ids::ItemId) -> Option<&AgendaItem> {
        agenda::find(&self.agenda, id)
    }
}

/// [`Meeting::calendar_uid`] from its parts, for documents drawn from a view.
pub fn calendar_uid_of(meeting: &str, board_id: Option<&str>, board_name: &str) -> String {
    format!("{meeting}.{}@minutebook", board_key(board_id, board_name))
}

/// The board as ids name it: its record's id, or (a record from before boards had ids) a
/// slug of its name.
pub fn board_key(board_id: Option<&str>, board_name: &str) -> String {
    match board_id {
        Some(id) => id.to_string(),
        None => {
            let words: Vec<String> = board_name
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect();
            match words.is_empty() {
                true => "board".to_string(),
                false => words.join("-"),
            }
        }
    }
}
