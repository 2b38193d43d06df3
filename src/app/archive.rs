//! The Archive pane and everything that reaches other meetings' records: opening one to
//! read, approving the previous minutes, errata, exports. `update` does no I/O, so each
//! of these leaves a [`Request`] for the run loop, which answers with a [`Reply`].

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};

use super::{App, Effect, forms};
use crate::export::{Audience, Format, Scope};
use crate::keymap::{ArchiveCommand, Step, Tab};
use crate::model::approval;
use crate::model::register::Entry;
use crate::model::{Board, BoardId, ItemId, Meeting, MeetingId, MeetingStatus};
use crate::search::Hit;
use crate::search::history::{ActionRecord, Filter};
use crate::store::{Listing, StoreError, Summary, meeting_id_of};
use crate::words::long_date;

/// What a filter of the action history says when the history is not shown.
pub(crate) fn history_first() -> String {
    format!(
        "Press {} for the action history first.",
        crate::keymap::name(
            crate::keymap::Scope::Archive,
            crate::keymap::Command::Archive(ArchiveCommand::ActionHistory)
        )
    )
}

/// Work on other records, for the run loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Read a meeting to show it read-only, at an item if given.
    Open { id: MeetingId, item: Option<ItemId> },
    /// Seal the minutes of `id` as approved at the open meeting.
    Approve {
        id: MeetingId,
        by: String,
        on: NaiveDate,
        at: MeetingId,
    },
    /// Write a meeting for people to read: the one shown (its unsaved text included) or
    /// one of the archive; `format` None is the forward plan as iCalendar.
    Export {
        source: ExportSource,
        format: Option<Format>,
        audience: Audience,
        scope: Scope,
        path: PathBuf,
    },
    /// Every match of these words across the archive.
    Search(String),
    /// Every action in the archive at its latest state.
    ActionHistory,
    /// Every decision in the archive: the decisions register.
    Decisions,
    /// Move a meeting of the archive into the trash.
    Trash(MeetingId),
    /// A correction to approved minutes; the item is given by its number ("4.2").
    Erratum {
        id: MeetingId,
        date: NaiveDate,
        item_number: Option<String>,
        text: String,
    },
    /// Store a board's record (a new one if `create`); `added` names a member just added.
    SaveBoard {
        board: Box<Board>,
        create: bool,
        added: Option<String>,
    },
    /// Every board, each with the date its next meeting is offered, for the new-meeting form.
    NewMeetingOffers,
    /// Make a meeting of `board` on `date` (from its template, carrying from its meetings).
    NewMeeting {
        board: BoardId,
        date: NaiveDate,
        time: Option<NaiveTime>,
    },
}

/// A board a new meeting can be of, and the date offered: its next usual date after its
/// latest meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardOffer {
    pub board: Board,
    pub next: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExportSource {
    Shown(Box<Meeting>),
    Stored(MeetingId),
}

/// The run loop's answer to a [`Request`].
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Opened {
        meeting: Box<Meeting>,
        item: Option<ItemId>,
    },
    Approved {
        id: MeetingId,
        date: NaiveDate,
        by: String,
        sha256: String,
    },
    ErratumRecorded {
        id: MeetingId,
    },
    Found {
        query: String,
        hits: Vec<Hit>,
        /// Hits before the limit.
        total: usize,
        /// Files that could not be read, said in sentences.
        problems: Vec<String>,
    },
    History(Vec<ActionRecord>),
    /// The decisions register, oldest first, and the files that could not be read.
    Decisions {
        all: Vec<Entry>,
        problems: Vec<String>,
    },
    /// Meeting `id` is in the trash as `name`.
    Trashed {
        id: MeetingId,
        name: String,
    },
    /// What was written where, in a sentence.
    Exported(String),
    /// The board's record as now on disk.
    BoardSaved {
        board: Box<Board>,
        created: bool,
        added: Option<String>,
    },
    NewMeetingOffers(Vec<BoardOffer>),
    /// The meeting made: the workspace carries on in it.
    MeetingCreated {
        id: MeetingId,
    },
    /// The request could not be done: one sentence saying why.
    Failed(String),
}

/// A file in the data directory that could not be read, and why: listed among the
/// meetings, so a damaged record is never silently missing from the archive.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The file's name, e.g. `2026-05-13.json`.
    pub file: String,
    /// The meeting its name says it holds, if it names one: it is listed at that date.
    pub id: Option<MeetingId>,
    /// The problem beside the file name, e.g. "line 4, column 3: expected `:`".
    pub problem: String,
    /// The store's whole sentence.
    pub sentence: String,
}

impl Unreadable {
    /// Any problem the store reports with a file.
    pub fn of(e: &StoreError) -> Unreadable {
        let file = e
            .path()
            .and_then(|p| p.file_name())
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Unreadable {
            id: meeting_id_of(&file),
            file,
            problem: e.problem(),
            sentence: e.to_string(),
        }
    }

    /// What Enter on its row says.
    pub fn explanation(&self) -> String {
        format!(
            "{}. It cannot be opened or exported until it reads again: restore it from a backup, \
             or correct it by hand at the place named.",
            self.sentence
        )
    }
}

/// The archive as the store lists it, for [`super::Msg::Archive`]: every meeting that
/// could be summarised, oldest first, and every file that could not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArchiveList {
    pub meetings: Vec<Summary>,
    pub unreadable: Vec<Unreadable>,
}

impl From<Listing> for ArchiveList {
    fn from(l: Listing) -> ArchiveList {
        ArchiveList {
            meetings: l.meetings,
            unreadable: l.problems.iter().map(Unreadable::of).collect(),
        }
    }
}

impl From<Vec<Summary>> for ArchiveList {
    fn from(meetings: Vec<Summary>) -> ArchiveList {
        ArchiveList {
            meetings,
            unreadable: Vec::new(),
        }
    }
}

/// One row of the meetings list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row<'a> {
    Meeting(&'a Summary),
    Unreadable(&'a Unreadable),
}

/// What the Archive pane lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum ArchiveView {
    #[default]
    Meetings,
    Found {
        query: String,
        hits: Vec<Hit>,
        total: usize,
    },
    Actions {
        all: Vec<ActionRecord>,
        show: Show,
        owner: Option<String>,
    },
    /// The decisions register, newest first.
    Decisions { all: Vec<Entry> },
}

/// Which actions the history shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Show {
    #[default]
    All,
    Open,
    Overdue,
}

impl Show {
    pub fn label(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Open => "open only",
            Show::Overdue => "overdue only",
        }
    }
}

/// The most hits a search in the workspace shows.
pub const SEARCH_LIMIT: usize = 500;

#[derive(Debug, Default)]
pub struct ArchivePane {
    /// Every meeting in the data directory, newest first.
    pub meetings: Vec<Summary>,
    /// The files that could not be read.
    pub unreadable: Vec<Unreadable>,
    /// The day "overdue" is judged on.
    pub today: NaiveDate,
    pub view: ArchiveView,
    pub sel: usize,
    /// False until the run loop has listed the directory.
    pub listed: bool,
}

impl ArchivePane {
    /// The meeting of the selected row: a meeting, the meeting of a hit, or the one that raised an action.
    pub fn selected(&self) -> Option<&Summary> {
        let id = match &self.view {
            ArchiveView::Meetings => {
                return match self.meeting_rows().get(self.sel) {
                    Some(Row::Meeting(s)) => Some(s),
                    _ => None,
                };
            }
            ArchiveView::Found { hits, .. } => &hits.get(self.sel)?.meeting,
            ArchiveView::Actions { .. } => {
                self.action_rows(self.today).get(self.sel)?.latest_meeting()
            }
            ArchiveView::Decisions { all } => &all.get(self.sel)?.meeting,
        };
        self.meetings.iter().find(|s| s.id == *id)
    }

    /// The unreadable file of the selected row, if that is what it is.
    pub fn selected_unreadable(&self) -> Option<&Unreadable> {
        match (&self.view, self.meeting_rows().get(self.sel)) {
            (ArchiveView::Meetings, Some(Row::Unreadable(u))) => Some(u),
            _ => None,
        }
    }

    /// The meetings newest first, each unreadable file among them at the date its name
    /// carries (above them all if it carries none).
    pub fn meeting_rows(&self) -> Vec<Row<'_>> {
        let mut rows: Vec<Row> = self.meetings.iter().map(Row::Meeting).collect();
        for u in &self.unreadable {
            let at = rows
                .iter()
                .position(|r| match (r, &u.id) {
                    (Row::Meeting(s), Some(id)) => (s.date, &s.id) < (id.date(), id),
                    (Row::Unreadable(_), _) => false,
                    (_, None) => true,
                })
                .unwrap_or(rows.len());
            rows.insert(at, Row::Unreadable(u));
        }
        rows
    }

    pub fn rows(&self) -> usize {
        match &self.view {
            ArchiveView::Meetings => self.meetings.len() + self.unreadable.len(),
            ArchiveView::Found { hits, .. } => hits.len(),
            ArchiveView::Actions { .. } => self.action_rows(self.today).len(),
            ArchiveView::Decisions { all } => all.len(),
        }
    }

    /// The actions the history shows, under its filter.
    pub fn action_rows(&self, today: NaiveDate) -> Vec<&ActionRecord> {
        let ArchiveView::Actions { all, show, owner } = &self.view else {
            return Vec::new();
        };
        let filter = Filter {
            open_only: *show == Show::Open,
            overdue_on: (*show == Show::Overdue).then_some(today),
            owner: owner.clone(),
        };
        all.iter().filter(|r| filter.matches(r)).collect()
    }
}

impl App {
    pub(super) fn request(&mut self, r: Request) {
        self.effects.push(Effect::Request(r));
    }

    /// Up and down the archive's rows.
    pub(super) fn archive_select(&mut self, step: Step) {
        self.archive.sel = match step {
            Step::Up => self.archive.sel.saturating_sub(1),
            Step::Down => (self.archive.sel + 1).min(self.archive.rows().saturating_sub(1)),
        }
    }

    /// Back from search results or the action history to the list of meetings.
    pub(super) fn archive_back(&mut self) {
        self.archive.view = ArchiveView::Meetings;
        self.archive.sel = 0;
    }

    /// Exports the selected meeting (the one open, if it is selected or none is).
    pub(super) fn archive_export(&mut self) {
        if let Some(u) = self.archive.selected_unreadable() {
            self.flash = Some(u.explanation());
            return;
        }
        let of = match self.archive.selected() {
            Some(s) if s.id != self.meeting.id => Some(s.id.clone()),
            _ => None,
        };
        self.open_form(|app| Some(forms::export(app, of)));
    }

    /// The Archive pane's own commands.
    pub(super) fn archive_command(&mut self, cmd: ArchiveCommand) {
        // A file that cannot be read is explained, never opened or corrected.
        if matches!(
            cmd,
            ArchiveCommand::Open | ArchiveCommand::RecordErratum | ArchiveCommand::Delete
        ) && let Some(u) = self.archive.selected_unreadable()
        {
            self.flash = Some(u.explanation());
            return;
        }
        match cmd {
            ArchiveCommand::Open if self.archive.view != ArchiveView::Meetings => {
                self.open_selected()
            }
            ArchiveCommand::Open => match self.archive.selected() {
                Some(s) if s.id == self.meeting.id => {
                    self.flash = Some("That is the meeting you have open.".into());
                    self.switch_tab(Tab::Agenda);
                }
                Some(s) => {
                    let id = s.id.clone();
                    self.request(Request::Open { id, item: None });
                }
                None => self.flash = Some("There is no meeting to open.".into()),
            },
            ArchiveCommand::Search => self.open_form(|app| Some(forms::search(app))),
            ArchiveCommand::ActionHistory => self.request(Request::ActionHistory),
            ArchiveCommand::Decisions => self.request(Request::Decisions),
            ArchiveCommand::HistoryFilter => match &mut self.archive.view {
                ArchiveView::Actions { show, .. } => {
                    *show = match show {
                        Show::All => Show::Open,
                        Show::Open => Show::Overdue,
                        Show::Overdue => Show::All,
                    };
                    self.archive.sel = 0;
                }
                _ => self.flash = Some(history_first()),
            },
            ArchiveCommand::OwnerFilter => self.open_form(forms::owner_filter),
            ArchiveCommand::RecordErratum => self.open_form(forms::erratum),
            ArchiveCommand::Delete => self.confirm_trash(),
        }
    }

    /// The answer to a request.
    pub(super) fn reply(&mut self, reply: Reply) {
        match reply {
            Reply::Opened { meeting, item } => self.view_meeting(*meeting, item),
            Reply::Approved {
                id,
                date,
                by,
                sha256,
            } => {
                // The run loop lists the archive again after a change to another meeting.
                let recorded = self.record_approval(&id, &by);
                self.flash = Some(format!(
                    "The minutes of {id} are approved and sealed ({}, SHA-256 {}…); {}",
                    long_date(date),
                    &sha256[..12.min(sha256.len())],
                    if recorded {
                        "the resolution is recorded at the minutes item."
                    } else {
                        "this meeting has no minutes item to record it at."
                    }
                ));
            }
            Reply::ErratumRecorded { id } => {
                self.flash = Some(format!(
                    "Erratum recorded beside the sealed minutes of {id}."
                ))
            }
            Reply::Exported(what) => self.flash = Some(what),
            Reply::Trashed { id, name } => self.trashed(&id, &name),
            Reply::Found {
                query,
                hits,
                total,
                problems,
            } => {
                self.flash = Some(match (total, hits.len()) {
                    (0, _) => format!("No matches for {query}."),
                    (t, n) if t > n => format!("{t} matches for {query}; the first {n} are shown."),
                    (t, _) => format!(
                        "{t} match(es) for {query}: {} opens one at its item.",
                        crate::keymap::open_key()
                    ),
                });
                if !problems.is_empty() {
                    let f = self.flash.get_or_insert_default();
                    f.push_str(&format!(" Not searched: {}", problems.join("; ")));
                }
                self.archive.view = ArchiveView::Found { query, hits, total };
                self.archive.sel = 0;
                self.tab = Tab::Archive;
            }
            Reply::History(all) => {
                self.archive.view = ArchiveView::Actions {
                    all,
                    show: Show::All,
                    owner: None,
                };
                self.archive.sel = 0;
            }
            Reply::Decisions { mut all, problems } => {
                all.reverse();
                self.flash = Some(match (all.len(), problems.is_empty()) {
                    (n, true) => format!("{n} decision(s) in the archive, newest first."),
                    (n, false) => format!(
                        "{n} decision(s) in the archive, newest first. Not read: {}",
                        problems.join("; ")
                    ),
                });
                self.archive.view = ArchiveView::Decisions { all };
                self.archive.sel = 0;
            }
            Reply::Failed(why) => self.flash = Some(why),
            Reply::BoardSaved {
                board,
                created,
                added,
            } => self.board_saved(*board, created, added),
            Reply::NewMeetingOffers(offers) => self.offer_new_meeting(offers),
            Reply::MeetingCreated { id } => self.meeting_created(id),
        }
    }

    /// Shows another meeting read-only in the workspace; Esc or Alt+6 comes back.
    fn view_meeting(&mut self, meeting: Meeting, item: Option<ItemId>) {
        let why = match meeting.status {
            MeetingStatus::Approved => "approved minutes, opened from the archive to read",
            _ => "opened from the archive to read",
        };
        let mut view = App::new(meeting, Some(why.into()), self.now, self.theme);
        view.reading = true;
        // Its tabs are drawn where this app's are, for the mouse.
        view.screen = self.screen;
        // Its trends need the meetings before it, as the archive lists them.
        view.archive.meetings = self.archive.meetings.clone();
        view.archive.listed = true;
        if let Some(item) = item.filter(|i| view.meeting.item(*i).is_some()) {
            view.agenda_sel = Some(item);
            view.minutes.item = None;
            view.switch_tab(Tab::Minutes);
        }
        // It is drawn next, before any message of its own lays it out.
        view.lay_out_editor();
        self.viewing = Some(Box::new(view));
    }

    /// Leaves a meeting opened from the archive, back to the Archive pane.
    pub(super) fn close_view(&mut self) {
        self.viewing = None;
        self.tab = Tab::Archive;
    }

    /// The minutes item of this meeting records the approval as a resolution.
    pub(super) fn record_approval(&mut self, id: &MeetingId, by: &str) -> bool {
        let held = self
            .archive
            .meetings
            .iter()
            .find(|s| s.id == *id)
            .map_or_else(|| id.date(), |s| s.date);
        let before = self.meeting.agenda.clone();
        let recorded = approval::record_approval_in(&mut self.meeting, held, by);
        if self.meeting.agenda != before {
            self.changed(true);
        }
        recorded
    }

    /// Enter on a search hit or an action: its meeting, at its item.
    fn open_selected(&mut self) {
        let target = match &self.archive.view {
            ArchiveView::Found { hits, .. } => hits
                .get(self.archive.sel)
                .map(|h| (h.meeting.clone(), h.item.as_ref().map(|i| i.id))),
            ArchiveView::Actions { .. } => self
                .archive
                .action_rows(self.archive.today)
                .get(self.archive.sel)
                .map(|r| (r.action.raised.meeting.clone(), r.action.raised.item)),
            ArchiveView::Decisions { all } => all
                .get(self.archive.sel)
                .map(|e| (e.meeting.clone(), Some(e.item_id))),
            ArchiveView::Meetings => None,
        };
        let Some((id, item)) = target else { return };
        if id == self.meeting.id {
            // This meeting: go to the item in its own panes.
            if let Some(item) = item {
                self.agenda_sel = Some(item);
            }
            self.switch_tab(Tab::Minutes);
            return;
        }
        self.request(Request::Open { id, item });
    }
}
