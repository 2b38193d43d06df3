//! The workspace's vocabulary: the messages `update` takes, the work and journal records
//! it leaves for the run loop, the overlays it opens and how loudly saving is shown.

use chrono::NaiveDateTime;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::Size;
use serde::{Deserialize, Serialize};

use super::archive::{ArchiveList, Reply, Request};
use super::form::Form;
use crate::editor::EditOp;
use crate::keymap::{ConflictChoice, RecoveryChoice, RunningOrder, Scope};
use crate::model::ItemId;

/// One terminal event, or the clock moving on.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Mouse(MouseEvent),
    Tick(NaiveDateTime),
    /// Summaries of every meeting and the files that could not be read, read after the
    /// first frame is on screen.
    Archive(ArchiveList),
    /// The data directory's board records, read with the archive.
    Boards(Vec<crate::model::Board>),
    /// The run loop's answer to a request for other records.
    Reply(Reply),
    /// The terminal's size, before the first frame and whenever it changes: what mouse
    /// clicks and scrolling measure against (drawing only reads the state).
    Resize(Size),
    /// The meeting as of `revision` is the file on disk now.
    Saved {
        revision: u64,
    },
    /// A save failed, for this reason; the run loop retries.
    SaveFailed(String),
    /// Saved, but the directory sync after the rename failed, for this reason.
    NotDurable(String),
    /// Every save so far is durable (a directory sync owed has succeeded).
    Durable,
    /// A fresh journal holds typing from now on.
    JournalStarted,
    /// Typing is not being journaled, for this reason.
    JournalFailed(String),
    /// The clerk asked to quit while the save fails: asked again instead.
    QuitRefused,
    /// Something the run loop did, said to the clerk (a recovery, a conflict resolved…).
    Notice(String),
    /// Minute numbers the store has set aside for this draft (its count already kept),
    /// or why it has none.
    Numbered(crate::model::minute_numbers::Numbering),
    /// The board's last meeting before meeting `of`, read in full for the item briefs
    /// (None: it has none).
    LastMeeting {
        of: crate::model::MeetingId,
        last: Option<Box<crate::model::Meeting>>,
    },
    /// The chair's screen asks for `step`, counted from the item it shows as current.
    ChairStep {
        step: crate::chair_link::Step,
        from: Option<ItemId>,
    },
    /// The chair's link could not be opened, for this reason: the chair may not step.
    ChairLinkFailed(String),
}

/// One edit to one item's minutes, as journaled between saves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalRecord {
    pub item: ItemId,
    pub edit: EditOp,
}

/// One line of the journal: an edit, or the text an item's edits count from (written
/// before its first edit after each save), so typed text can be rebuilt whatever later
/// happens to the meeting file. Journals from before base lines hold only edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum JournalLine {
    Base { item: ItemId, base: String },
    Edit(JournalRecord),
}

/// Work for the run loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Copy to the terminal's clipboard (an OSC 52 sequence to write out).
    Osc52(String),
    /// The clerk's answer to the recovery offer.
    Recovery(RecoveryChoice),
    /// The clerk's answer when the file changed on disk.
    Conflict(ConflictChoice),
    /// Work on other records: open, search, approve, export…
    Request(Request),
    /// Save this meeting and carry on in meeting `id` instead (one just created, or this
    /// one under a new id): the run loop moves the lock, the journal and the panes.
    SwitchTo(crate::model::MeetingId),
    /// Save this meeting and move it to this date (so to that date's id), then carry on in
    /// it: the run loop renames it under its lock, or says why not.
    MoveTo(chrono::NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    DeleteItem(ItemId),
    RemovePerson(usize),
    EndMeeting,
    WithdrawAction(crate::model::ActionId),
    /// Move another meeting of the archive into the trash.
    TrashMeeting(crate::model::MeetingId),
    /// Take member `usize` off the board's roster.
    RemoveMember(usize),
    /// Add the member just put on the roster to this meeting's attendance too.
    AttendToo(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
        /// What help was opened over (a form with its typing, a question): back on close.
        under: Option<Box<Overlay>>,
    },
    Form(Form),
    Confirm {
        question: String,
        then: Confirmed,
    },
    /// Text a crash cut off, found in the journal: what would be restored.
    Recovery {
        lines: Vec<String>,
    },
    /// The meeting's file was changed by something else: the ways out.
    Conflict {
        lines: Vec<String>,
    },
    /// A question before the meeting starts; `then` is the step that starts it.
    Start {
        question: StartQuestion,
        lines: Vec<String>,
        then: RunningOrder,
    },
}

/// What is asked before a meeting starts, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartQuestion {
    /// Attendance is not taken, or the board is not quorate.
    Attendance,
    /// Not held today: minuted live, or written up afterwards?
    Minuting,
}

impl Overlay {
    /// The scope whose keys work while this overlay is open.
    pub fn scope(&self) -> Scope {
        match self {
            Overlay::Help { .. } => Scope::Help,
            Overlay::Form(_) => Scope::Form,
            Overlay::Confirm { .. } => Scope::Confirm,
            Overlay::Recovery { .. } => Scope::Recovery,
            Overlay::Conflict { .. } => Scope::Conflict,
            Overlay::Start {
                question: StartQuestion::Attendance,
                ..
            } => Scope::StartCheck,
            Overlay::Start {
                question: StartQuestion::Minuting,
                ..
            } => Scope::Minuting,
        }
    }
}

/// How the status bar shows the save state: as usual, as a warning, or as a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SaveLevel {
    Fine,
    Warn,
    Bad,
}
