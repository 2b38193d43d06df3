//! The workspace's state and its one `update`: terminal events become changes of state.
//! `update` never does I/O; it leaves [`Effect`]s and journal records for the run loop.

pub mod archive;
pub mod commands;
pub mod form;
mod forms;
pub mod recovery;

use std::collections::HashMap;

use chrono::NaiveDateTime;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect, Size};
use serde::{Deserialize, Serialize};

use crate::editor::{EditOp, Editor, Outcome};
use crate::keymap::{self, Command, ConflictChoice, RecoveryChoice, Scope, Tab};
use crate::model::agenda::{self, numbered};
use crate::model::{ItemId, Meeting, MeetingStatus, running};
use crate::store::Summary;
use crate::ui::layout;
use crate::ui::theme::Theme;
use archive::{ArchiveList, ArchivePane, Reply, Request};
use form::Form;

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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    DeleteItem(ItemId),
    RemovePerson(usize),
    EndMeeting,
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

/// The Minutes pane: the editor holding one item's minutes.
#[derive(Debug)]
pub struct MinutesPane {
    pub editor: Editor,
    /// The item whose minutes the editor holds.
    pub item: Option<ItemId>,
    /// The editor revision last copied into the meeting.
    synced: u64,
    /// The editor revision last counted as a change to the meeting.
    seen: u64,
    /// Showing the whole meeting's minutes read-only instead of the editor.
    pub whole: bool,
    pub whole_scroll: u16,
    /// Where the cursor was in each item's minutes when the clerk left it, this session:
    /// reopening an item puts it back there, so new typing follows the earlier text.
    cursors: HashMap<ItemId, usize>,
}

#[derive(Debug)]
pub struct App {
    pub meeting: Meeting,
    /// Why nothing may be changed, if so (another process holds the meeting, …).
    pub read_only: Option<String>,
    pub tab: Tab,
    pub now: NaiveDateTime,
    pub theme: Theme,
    pub agenda_sel: Option<ItemId>,
    pub actions_sel: usize,
    pub people_sel: usize,
    pub standing_scroll: u16,
    pub archive: ArchivePane,
    /// Another meeting opened from the archive, shown read-only in its own panes.
    pub viewing: Option<Box<App>>,
    pub minutes: MinutesPane,
    pub overlay: Option<Overlay>,
    /// A short message for the clerk, replaced by the next one.
    pub flash: Option<String>,
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
            meeting,
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
                synced: 0,
                seen: 0,
                whole: false,
                whole_scroll: 0,
                cursors: HashMap::new(),
            },
            overlay: None,
            flash: None,
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
        };
        app.archive.today = now.date();
        app.follow_minutes_target();
        app
    }

    pub fn update(&mut self, msg: Msg) {
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
                self.clamp_whole_scroll();
            }
            Msg::Key(_) => {}
            Msg::Paste(text) => self.paste(&text),
            Msg::Mouse(m) => self.mouse(m),
            Msg::Archive(list) => {
                self.archive.meetings = list.meetings.into_iter().rev().collect();
                self.archive.unreadable = list.unreadable;
                self.archive.listed = true;
            }
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
        }
        self.collect_editor_output();
        // The whole minutes are drawn from the meeting: it holds what was just typed.
        if self.minutes.whole {
            self.sync_editor();
        }
        self.lay_out_editor();
        // A meeting just opened to read is drawn next, before any message of its own.
        if let Some(view) = self.viewing.as_deref_mut() {
            view.lay_out_editor();
        }
    }

    /// What the run loop tells the workspace about its meeting's files and the clerk's
    /// requests of them.
    fn told(&mut self, msg: Msg) {
        match msg {
            Msg::Saved { revision } => {
                self.saved_revision = revision;
                self.urgent_save = false;
                self.save_error = None;
            }
            Msg::SaveFailed(why) => self.save_error = Some(why),
            Msg::NotDurable(why) => self.not_durable = Some(why),
            Msg::Durable => self.not_durable = None,
            Msg::JournalStarted => self.journal_error = None,
            Msg::JournalFailed(why) => {
                self.journal_error = Some(why);
                // Only the file can keep the typing now.
                self.urgent_save |= self.revision != self.saved_revision;
            }
            Msg::QuitRefused => {
                self.quit = false;
                self.flash = Some(format!(
                    "NOT SAVED. Press {} again to quit anyway (your text stays in the journal): {}",
                    keymap::quit_key(),
                    self.save_error.as_deref().unwrap_or("unknown reason")
                ));
            }
            Msg::Notice(text) => self.flash = Some(text),
            Msg::Key(_)
            | Msg::Paste(_)
            | Msg::Mouse(_)
            | Msg::Tick(_)
            | Msg::Archive(_)
            | Msg::Reply(_)
            | Msg::Resize(_) => {}
        }
    }

    /// While another meeting is open to read: the keys that come back from it are
    /// taken here, the rest go to it. Returns the message if it is this app's.
    fn update_view(&mut self, msg: Msg) -> Option<Msg> {
        let view = self.viewing.as_mut()?;
        match msg {
            Msg::Key(key) if key.kind != KeyEventKind::Release => {
                // Esc leaves, unless a form or a find in the view wants it. Alt+6 and
                // 6 come back too: they switch the view to its Archive tab, caught below.
                let free = view.overlay.is_none() && !view.minutes.editor.is_searching();
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
            | Msg::Reply(_)
            | Msg::Saved { .. }
            | Msg::SaveFailed(_)
            | Msg::NotDurable(_)
            | Msg::Durable
            | Msg::JournalStarted
            | Msg::JournalFailed(_) => return Some(msg),
            // Said where the clerk is looking: in the meeting being read.
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

    /// Which keys are live: overlays first, then the pane.
    pub fn scope(&self) -> Scope {
        self.overlay
            .as_ref()
            .map_or(self.tab.scope(), Overlay::scope)
    }

    /// Which scope has the keyboard: the overlay's, else the pane's, the Minutes tab
    /// split into the editor, its find bar and the whole minutes.
    pub fn focus(&self) -> Scope {
        match self.scope() {
            Scope::Minutes if self.minutes.whole => Scope::WholeMinutes,
            Scope::Minutes if self.minutes.editor.is_searching() => Scope::Find,
            Scope::Minutes => Scope::Editor,
            other => other,
        }
    }

    fn key(&mut self, key: KeyEvent) {
        // The recovery question must be answered before anything else.
        if let Some(Overlay::Recovery { .. }) = self.overlay {
            if let Some(Command::Recovery(choice)) = keymap::lookup(Scope::Recovery, &key) {
                self.overlay = None;
                self.effects.push(Effect::Recovery(choice));
            }
            return;
        }
        // So is the question of a file changed on disk; quitting stays possible (the
        // journal keeps the text), nothing else.
        if let Some(Overlay::Conflict { .. }) = self.overlay {
            if let Some(Command::Conflict(choice)) = keymap::lookup(Scope::Conflict, &key) {
                self.overlay = None;
                self.effects.push(Effect::Conflict(choice));
            } else if keymap::lookup(Scope::Global, &key) == Some(Command::Quit) {
                self.command(Command::Quit);
            }
            return;
        }
        let focus = self.focus();
        for &scope in keymap::live(focus) {
            if scope.is_editor() {
                return self.editor_key(key);
            }
            if scope == Scope::Field
                && let Some(edit) = keymap::field_command(&key)
            {
                return self.field_key(|input| input.edit(edit));
            }
            if let Some(cmd) = keymap::lookup(scope, &key) {
                return self.command(cmd);
            }
        }
        // A key no binding names: the focus's own rule (see `keymap::RULES`).
        match focus {
            Scope::Form | Scope::Field => self.field_key(|input| {
                input.type_key(&key);
            }),
            Scope::WholeMinutes => self.whole_minutes_refused(),
            Scope::Global
            | Scope::Browse
            | Scope::Agenda
            | Scope::Standing
            | Scope::Minutes
            | Scope::Editor
            | Scope::Find
            | Scope::Actions
            | Scope::Attendance
            | Scope::Archive
            | Scope::Confirm
            | Scope::Help
            | Scope::Recovery
            | Scope::Conflict => {}
        }
    }

    /// A key for the open form's focused field; any key clears the last refusal.
    fn field_key(&mut self, edit: impl FnOnce(&mut form::LineInput)) {
        if let Some(Overlay::Form(f)) = &mut self.overlay {
            f.error = None;
            edit(f.focused());
        }
    }

    fn editor_key(&mut self, key: KeyEvent) {
        if self.minutes.item.is_none() {
            self.flash = Some("No agenda item is chosen: select one in the Agenda tab.".into());
            return;
        }
        if self.minutes.editor.handle_key(key) == Outcome::ReadOnly {
            self.refuse();
        }
    }

    fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Some(Overlay::Form(f)) => f.focused().insert(text),
            Some(_) => {}
            None if self.tab == Tab::Minutes
                && !self.minutes.whole
                && self.minutes.item.is_some() =>
            {
                if self.minutes.editor.paste(text) == Outcome::ReadOnly {
                    self.refuse();
                }
            }
            None => self.flash = Some("Paste goes into the Minutes tab or a form.".into()),
        }
    }

    fn mouse(&mut self, m: MouseEvent) {
        let at = Position::new(m.column, m.row);
        if m.kind == MouseEventKind::Down(MouseButton::Left)
            && self.overlay.is_none()
            && let Some(tab) = layout::tab_under(self.screen.into(), self.reading, at)
        {
            self.switch_tab(tab);
        }
    }

    /// Notes an edit as a change to the meeting, and OSC 52 copies as effects.
    fn collect_editor_output(&mut self) {
        let rev = self.minutes.editor.revision();
        if rev != self.minutes.seen {
            self.minutes.seen = rev;
            self.revision += 1;
        }
        if let Some(seq) = self.minutes.editor.take_osc52() {
            self.effects.push(Effect::Osc52(seq));
        }
    }

    /// Moves the editor's operations into the journal queue, for the item they edit.
    /// Taken once a turn, so a typed run journals as one insert, not a record a key.
    fn drain_editor_ops(&mut self) {
        let ops = self.minutes.editor.take_ops();
        if let (false, Some(item)) = (ops.is_empty(), self.minutes.item) {
            self.journal
                .extend(ops.into_iter().map(|edit| JournalRecord { item, edit }));
        }
    }

    /// Journal records since the last call, for the run loop to append.
    pub fn take_journal(&mut self) -> Vec<JournalRecord> {
        self.drain_editor_ops();
        std::mem::take(&mut self.journal)
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

    /// The item the Minutes pane is for: the one being taken, else the one selected.
    pub fn minutes_target(&self) -> Option<ItemId> {
        running::current(&self.meeting).or(self.agenda_sel)
    }

    /// Copies the editor's text into the meeting if it changed.
    pub fn sync_editor(&mut self) {
        let rev = self.minutes.editor.revision();
        if rev == self.minutes.synced {
            return;
        }
        if let Some(item) = self
            .minutes
            .item
            .and_then(|id| agenda::find_mut(&mut self.meeting.agenda, id))
        {
            item.minutes = self.minutes.editor.text();
        }
        self.minutes.synced = rev;
    }

    /// The meeting as it should be saved (the editor's text included).
    pub fn meeting_for_save(&mut self) -> &Meeting {
        self.sync_editor();
        &self.meeting
    }

    /// Puts the minutes target's text in the editor if it holds another item's.
    pub fn follow_minutes_target(&mut self) {
        let target = self.minutes_target();
        if target == self.minutes.item && self.minutes.item.is_some() {
            return;
        }
        self.sync_editor();
        self.drain_editor_ops();
        if let Some(left) = self.minutes.item {
            let at = self.minutes.editor.cursor_offset();
            self.minutes.cursors.insert(left, at);
        }
        let had_unsaved = self.revision != self.saved_revision;
        let text = target
            .and_then(|id| self.meeting.item(id))
            .map(|i| i.minutes.clone())
            .unwrap_or_default();
        let mut editor = Editor::new(&text);
        editor.set_read_only(self.read_only.is_some());
        editor.set_style(self.theme.editor_style());
        // The editor keeps text as a paste would leave it; the journal counts from that.
        let normalised = editor.text();
        if normalised != text
            && let Some(item) = target.and_then(|id| agenda::find_mut(&mut self.meeting.agenda, id))
        {
            item.minutes = normalised;
            self.revision += 1;
        }
        // Where the clerk left off: the remembered place, or the end of the text, where
        // typing continues. Minutes only to be read open at their start.
        let cursors = std::mem::take(&mut self.minutes.cursors);
        let fresh = if self.read_only.is_some() {
            0
        } else {
            editor.len_chars()
        };
        let at = target
            .and_then(|id| cursors.get(&id).copied())
            .unwrap_or(fresh);
        editor.set_cursor_offset(at);
        self.minutes = MinutesPane {
            synced: editor.revision(),
            seen: editor.revision(),
            editor,
            item: target,
            whole: self.minutes.whole,
            whole_scroll: 0,
            cursors,
        };
        // Moving to another item is a moment to save.
        self.urgent_save |= had_unsaved;
        // A fresh editor, also when the meeting is replaced outside `update`.
        self.lay_out_editor();
    }

    /// Replaces the meeting (after recovery), keeping the panes where they were.
    pub fn replace_meeting(&mut self, meeting: Meeting) {
        self.meeting = meeting;
        self.minutes.item = None;
        self.follow_minutes_target();
        self.changed(true);
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

    /// The meetings before this one, oldest first (none until the archive has been read).
    pub fn earlier(&self) -> impl Iterator<Item = &Summary> {
        let this = (self.meeting.date, &self.meeting.id);
        self.archive
            .meetings
            .iter()
            .rev()
            .take_while(move |s| (s.date, &s.id) < this)
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

    /// What the status bar says about saving.
    pub fn save_state(&self) -> String {
        self.save_status().0
    }

    /// What the status bar says about saving, and how loudly.
    pub fn save_status(&self) -> (String, SaveLevel) {
        if let Some(why) = &self.read_only {
            return (format!("READ-ONLY: {why}"), SaveLevel::Warn);
        }
        let (state, level) = match &self.save_error {
            Some(e) => (format!("NOT SAVED: {e}"), SaveLevel::Bad),
            None if self.revision != self.saved_revision => ("saving".into(), SaveLevel::Fine),
            None if let Some(why) = &self.not_durable => {
                (format!("SAVED, NOT YET DURABLE: {why}"), SaveLevel::Warn)
            }
            None => ("saved".into(), SaveLevel::Fine),
        };
        match &self.journal_error {
            Some(why) => (
                format!("{state}; NO JOURNAL: {why}"),
                level.max(SaveLevel::Warn),
            ),
            None => (state, level),
        }
    }

    /// Bumped on every change to the meeting; the run loop saves when it moves.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The revision the file on disk holds.
    pub fn saved_revision(&self) -> u64 {
        self.saved_revision
    }

    /// Why the last save failed, while it does.
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    /// Why typing is not being journaled, if it is not.
    pub fn journal_error(&self) -> Option<&str> {
        self.journal_error.as_deref()
    }

    /// A change asks to be saved at once.
    pub fn urgent_save(&self) -> bool {
        self.urgent_save
    }

    /// The clerk asked to quit.
    pub fn quit(&self) -> bool {
        self.quit
    }

    /// Where the pane is drawn on the screen as last told; `None` while the Minutes tab
    /// is not shown or the window is too small to draw the workspace in.
    fn minutes_pane(&self) -> Option<Rect> {
        let shown = self.tab == Tab::Minutes;
        shown.then(|| crate::ui::pane_area(self, self.screen.into()))?
    }

    /// Lays the editor out where the Minutes pane shows it, so the next draw finds the
    /// cursor in view and only reads: after every message, which is every change to the
    /// text, the cursor, the pane's head or the terminal's size. Not shown, not moved.
    fn lay_out_editor(&mut self) {
        if let Some(area) = self
            .minutes_pane()
            .and_then(|pane| crate::tabs::minutes::editor_area(self, pane))
        {
            self.minutes.editor.lay_out(area);
        }
    }

    /// Keeps the whole minutes' scroll within the rows the screen can show, so one
    /// step back from the end moves at once.
    fn clamp_whole_scroll(&mut self) {
        if let Some(pane) = self.minutes_pane().filter(|_| self.minutes.whole) {
            let max = crate::tabs::minutes::whole_max_scroll(self, pane);
            self.minutes.whole_scroll = self.minutes.whole_scroll.min(max);
        }
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
mod draw_tests;
#[cfg(test)]
mod key_tests;
#[cfg(test)]
pub(crate) mod tests;
