//! The workspace's state and its one `update`: terminal events become changes of state.
//! `update` never does I/O; it leaves [`Effect`]s and journal records for the run loop.

pub mod archive;
pub(crate) mod boards;
mod chair_steps;
pub mod commands;
pub mod form;
mod forms;
mod input;
pub mod item_view;
mod messages;
mod minutes;
pub mod recovery;
mod save_state;
pub mod setup;
mod starting;
mod trash;

pub use messages::{
    Confirmed, Effect, JournalLine, JournalRecord, Msg, Overlay, SaveLevel, StartQuestion,
};
pub use minutes::MinutesPane;

use std::collections::HashMap;

use chrono::NaiveDateTime;
use ratatui::crossterm::event::KeyEventKind;
use ratatui::layout::Size;

use crate::editor::Editor;
use crate::keymap::{self, Command, Scope, Tab};
use crate::model::agenda::numbered;
use crate::model::details::{self, CalendarFacts};
use crate::model::{Board, ItemId, Meeting, MeetingStatus, running};
use crate::store::Summary;
use crate::ui::theme::Theme;
use archive::ArchivePane;

#[derive(Debug)]
pub struct App {
    pub meeting: Meeting,
    /// The record of the board the meeting belongs to, where it has one: its roster, chair
    /// and clerk. Read by the run loop; `None` in a data directory that cannot say.
    pub board: Option<Board>,
    /// The user's name as the environment gives it (read by the run loop): who changes an
    /// action, where the board's record names no clerk.
    pub user: String,
    /// Every board record of the data directory, as the run loop last read them.
    pub boards: Vec<Board>,
    /// Why nothing may be changed, if so (another process holds the meeting, …).
    pub read_only: Option<String>,
    pub tab: Tab,
    pub now: NaiveDateTime,
    pub theme: Theme,
    pub agenda_sel: Option<ItemId>,
    /// The Agenda shows the selected item's brief in place of the list, scrolled so.
    pub item_view: Option<item_view::ItemScroll>,
    /// The board's last meeting before this one, read in full by the run loop: what the
    /// briefs say was decided last time.
    pub last_meeting: Option<Box<Meeting>>,
    pub actions_sel: usize,
    pub people_sel: usize,
    pub standing_scroll: u16,
    pub archive: ArchivePane,
    /// Another meeting opened from the archive, shown read-only in its own panes.
    pub viewing: Option<Box<App>>,
    pub minutes: MinutesPane,
    pub overlay: Option<Overlay>,
    /// The board and its roster, open over the pane: the member selected.
    pub roster: Option<usize>,
    /// A short message for the clerk, replaced by the next one.
    pub flash: Option<String>,
    /// The clerk lets the chair's screen step the agenda (this session's choice, never
    /// saved): the run loop keeps the chair's link open while it is true.
    pub chair_may_step: bool,
    /// The answer to the chair's last request, for the run loop to send back.
    chair_reply: Option<Result<String, String>>,
    /// Bumped on every change to the meeting; the run loop saves when it moves.
    revision: u64,
    saved_revision: u64,
    save_error: Option<String>,
    /// Saved, but the directory sync after the rename failed: why, while the run loop retries.
    not_durable: Option<String>,
    /// Why typing is not being journaled, if it is not: only the file (saved at once) and
    /// memory then hold it. A warning beside the save state, never a failed save.
    journal_error: Option<String>,
    /// A change that should be saved at once (an item switch, a mark, a capture).
    urgent_save: bool,
    quit: bool,
    /// Opened from the archive to read, inside another meeting's workspace.
    pub reading: bool,
    /// The terminal's size as last told: where the tabs are, for mouse clicks.
    screen: Size,
    effects: Vec<Effect>,
    journal: Vec<JournalRecord>,
    /// The attendance as the apologies line last followed it (see `minutes::follow_attendance`).
    seen_attendance: Vec<crate::model::Attendance>,
}

impl App {
    pub fn new(
        meeting: Meeting,
        read_only: Option<String>,
        now: NaiveDateTime,
        theme: Theme,
    ) -> App {
        let read_only = read_only.or_else(|| {
            (meeting.status == MeetingStatus::Approved)
                .then(|| "these minutes are approved and final".to_string())
        });
        let mut app = App {
            agenda_sel: running::current(&meeting).or_else(|| meeting.agenda.first().map(|i| i.id)),
            item_view: None,
            last_meeting: None,
            meeting,
            board: None,
            user: String::new(),
            boards: Vec::new(),
            read_only,
            tab: Tab::Agenda,
            now,
            theme,
            actions_sel: 0,
            people_sel: 0,
            standing_scroll: 0,
            archive: ArchivePane::default(),
            viewing: None,
            minutes: MinutesPane {
                editor: Editor::new(""),
                item: None,
                chosen: None,
                synced: 0,
                seen: 0,
                whole: false,
                whole_scroll: 0,
                cursors: HashMap::new(),
            },
            overlay: None,
            roster: None,
            flash: None,
            chair_may_step: false,
            chair_reply: None,
            revision: 0,
            saved_revision: 0,
            save_error: None,
            not_durable: None,
            journal_error: None,
            urgent_save: false,
            quit: false,
            reading: false,
            screen: Size::new(80, 24),
            effects: Vec::new(),
            journal: Vec::new(),
            seen_attendance: Vec::new(),
        };
        app.seen_attendance = app.meeting.attendance.clone();
        app.archive.today = now.date();
        app.follow_minutes_target();
        app
    }

    pub fn update(&mut self, msg: Msg) {
        let before = (
            self.revision,
            self.meeting.id.clone(),
            CalendarFacts::of(&self.meeting),
        );
        self.update_meeting(msg);
        // Whatever changed this meeting (a form, an agenda edit), calendars are told once.
        let (revision, id, calendar) = before;
        if self.revision != revision && self.meeting.id == id {
            details::note_calendar_change(&calendar, &mut self.meeting);
        }
    }

    fn update_meeting(&mut self, msg: Msg) {
        let msg = match self.viewing.is_some() {
            true => match self.update_view(msg) {
                Some(msg) => msg,
                None => return,
            },
            false => msg,
        };
        match msg {
            Msg::Tick(now) => {
                self.now = now;
                self.archive.today = now.date();
            }
            Msg::Key(key) if key.kind != KeyEventKind::Release => {
                // A message stays until the clerk's next key.
                self.flash = None;
                self.key(key);
            }
            Msg::Key(_) => {}
            Msg::Paste(text) => self.paste(&text),
            Msg::Mouse(m) => self.mouse(m),
            Msg::Archive(list) => {
                self.archive.meetings = list.meetings.into_iter().rev().collect();
                self.archive.unreadable = list.unreadable;
                self.archive.listed = true;
            }
            Msg::Boards(boards) => self.boards = boards,
            Msg::Reply(reply) => self.reply(reply),
            Msg::Resize(size) => {
                self.screen = size;
                self.clamp_whole_scroll();
            }
            Msg::Saved { .. }
            | Msg::SaveFailed(_)
            | Msg::NotDurable(_)
            | Msg::Durable
            | Msg::JournalStarted
            | Msg::JournalFailed(_)
            | Msg::QuitRefused
            | Msg::Notice(_) => self.told(msg),
            Msg::Numbered(numbering) => self.numbered(numbering),
            Msg::LastMeeting { of, last } => self.last_meeting_read(&of, last),
            Msg::ChairStep { step, from } => self.chair_step(step, from),
            Msg::ChairLinkFailed(why) => self.chair_link_failed(why),
        }
        self.follow_attendance();
        self.follow_item_view();
        self.collect_editor_output();
        // The whole minutes are drawn from the meeting: it holds what was just typed.
        if self.minutes.whole {
            self.sync_editor();
        }
        self.lay_out_editor();
    }

    /// While another meeting is open to read: the keys that come back from it are
    /// taken here, the rest go to it. Returns the message if it is this app's.
    fn update_view(&mut self, msg: Msg) -> Option<Msg> {
        let view = self.viewing.as_mut()?;
        match msg {
            Msg::Key(key) if key.kind != KeyEventKind::Release => {
                // Esc leaves, unless a form or a find in the view wants it. Alt+6 and
                // 6 come back too: they switch the view to its Archive tab, caught below.
                // So does the view's own item view.
                let free = view.overlay.is_none()
                    && !view.minutes.editor.is_searching()
                    && !(view.tab == Tab::Agenda && view.item_view.is_some());
                if free && keymap::lookup(Scope::Browse, &key) == Some(Command::Back) {
                    self.close_view();
                    return None;
                }
                view.update(Msg::Key(key));
            }
            // The clock and the terminal's size are both apps' to know.
            Msg::Tick(_) | Msg::Resize(_) => {
                view.update(msg.clone());
                return Some(msg);
            }
            // The run loop's news is about this app's meeting and files.
            Msg::Archive(_)
            | Msg::Boards(_)
            | Msg::Reply(_)
            | Msg::Saved { .. }
            | Msg::SaveFailed(_)
            | Msg::NotDurable(_)
            | Msg::Durable
            | Msg::JournalStarted
            | Msg::JournalFailed(_)
            | Msg::Numbered(_)
            | Msg::ChairStep { .. }
            | Msg::ChairLinkFailed(_) => return Some(msg),
            // Said where the clerk is looking: in the meeting being read.
            // The last meeting read for the briefs of whichever meeting it names.
            Msg::LastMeeting { ref of, .. } => {
                if view.meeting.id == *of {
                    view.update(msg.clone());
                }
                return Some(msg);
            }
            Msg::QuitRefused | Msg::Notice(_) => {
                view.quit = false;
                self.told(msg);
                if let Some(view) = self.viewing.as_mut() {
                    view.flash = self.flash.take();
                }
                return None;
            }
            Msg::Key(_) | Msg::Paste(_) | Msg::Mouse(_) => view.update(msg),
        }
        // What the view asks for is done for it: a copy, an export, quitting (asked once:
        // a refusal to quit unsaved must not be undone by the next key).
        self.effects.extend(view.take_effects());
        if std::mem::take(&mut view.quit) {
            self.quit = true;
        }
        if view.tab == Tab::Archive {
            self.close_view();
        }
        None
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Records a change to the meeting; `urgent` asks for a save straight away.
    pub fn changed(&mut self, urgent: bool) {
        self.revision += 1;
        self.urgent_save |= urgent;
    }

    /// True, or false with a message saying why nothing can change.
    pub fn can_edit(&mut self) -> bool {
        if self.read_only.is_some() {
            self.refuse();
            return false;
        }
        true
    }

    fn refuse(&mut self) {
        let why = self.read_only.as_deref().unwrap_or("read-only");
        self.flash = Some(format!("Read-only: {why}."));
    }

    pub fn switch_tab(&mut self, tab: Tab) {
        self.tab = tab;
        if tab == Tab::Minutes {
            self.follow_minutes_target();
        }
    }

    /// Rows of the agenda pane in order: the id of each.
    pub fn agenda_rows(&self) -> Vec<ItemId> {
        numbered(&self.meeting.agenda)
            .into_iter()
            .map(|(_, i)| i.id)
            .collect()
    }

    /// Actions in the pane's order: carried ones first, then those raised today.
    pub fn action_rows(&self) -> Vec<usize> {
        let here = &self.meeting.id;
        let (mut carried, mut today): (Vec<usize>, Vec<usize>) = (0..self.meeting.actions.len())
            .partition(|i| self.meeting.actions[*i].raised.meeting != *here);
        carried.append(&mut today);
        carried
    }

    /// This board's meetings before this one, oldest first (none until the archive has
    /// been read): another board's figures are no trend of this one's.
    pub fn earlier(&self) -> impl Iterator<Item = &Summary> {
        let this = (self.meeting.date, &self.meeting.id);
        self.archive
            .meetings
            .iter()
            .rev()
            .take_while(move |s| (s.date, &s.id) < this)
            .filter(|s| self.of_this_board(s))
    }

    /// Whether a listed meeting is of this meeting's board (every one is, while this
    /// meeting's board is not known).
    pub fn of_this_board(&self, s: &Summary) -> bool {
        let ours = self.board.as_ref().map(|b| &b.id);
        ours.or(self.meeting.board.id.as_ref())
            .is_none_or(|id| s.board_id.as_ref() == Some(id))
    }

    /// IHA rates of the earlier meetings that reported them, oldest first, with their dates.
    pub fn iha_history(&self) -> Vec<(chrono::NaiveDate, f64)> {
        self.earlier()
            .filter_map(|s| Some((s.date, s.iha?.rate()?)))
            .collect()
    }

    /// Earlier values of the standing figure `key`, oldest first, with their dates.
    pub fn figure_history(&self, key: &str) -> Vec<(chrono::NaiveDate, f64)> {
        self.earlier()
            .filter_map(|s| Some((s.date, s.figures.iter().find(|(k, _)| k == key)?.1)))
            .collect()
    }

    /// Offers the recovery of journaled text found at start-up.
    pub fn offer_recovery(&mut self, lines: Vec<String>) {
        // Asked of this meeting, so asked where it can be seen and answered.
        if self.viewing.is_some() {
            self.close_view();
        }
        self.overlay = Some(Overlay::Recovery { lines });
    }

    /// Asks what to do about the meeting's file having been changed by something else.
    pub fn offer_conflict(&mut self, lines: Vec<String>) {
        // Asked of this meeting, so asked where it can be seen and answered.
        if self.viewing.is_some() {
            self.close_view();
        }
        self.overlay = Some(Overlay::Conflict { lines });
    }
}

#[cfg(test)]
mod action_tests;
#[cfg(test)]
mod chair_tests;
#[cfg(test)]
mod draw_tests;
#[cfg(test)]
mod key_tests;
#[cfg(test)]
mod procedure_tests;
#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod writeup_tests;
