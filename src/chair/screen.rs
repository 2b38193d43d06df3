//! The chair's screen as state: the meeting as last seen, which item it shows (the clerk's
//! current one, or one the chair selected), the brief's scroll, and a pure `update`. The
//! run loop ([`super::run`]) does every read and the asking; nothing here touches a file.

use chrono::{NaiveDateTime, NaiveTime};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Rect, Size};

use crate::chair_link::Step as LinkStep;
use crate::keymap::{self, ChairCommand, Step};
use crate::model::agenda::{self, ItemStatus};
use crate::model::brief::{self, Brief, Context, History, Veil};
use crate::model::{ItemId, Meeting, running};
use crate::ui::brief::BriefPanel;
use crate::ui::theme::Theme;

/// Which item the brief is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The clerk's current item, whichever it becomes.
    Following,
    /// One the chair selected; stays until they follow again.
    Selected(ItemId),
}

/// Whether the clerk's workspace has the meeting open, as far as this screen can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clerk {
    /// Not yet known (nothing has said either way).
    Unknown,
    Open,
    /// Not open: what is shown is the last save (and journal), not live typing.
    NotOpen,
}

/// What the screen is told.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// The clock.
    Tick(NaiveDateTime),
    /// The meeting as the clerk's files have it now.
    Changed(Box<Meeting>),
    /// The meeting could not be read this time; why.
    Unreadable(String),
    /// Whether the clerk's workspace is open.
    Clerk(bool),
    /// What the clerk's workspace answered to a step asked of it.
    Replied(Result<String, String>),
    Resize(Size),
}

/// What the run loop must do for the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Ask the clerk's workspace for `step`, counted from `from` (the current item as this
    /// screen shows it, so a stale screen cannot step twice).
    Ask {
        step: LinkStep,
        from: Option<ItemId>,
    },
}

/// The chair's screen.
#[derive(Debug)]
pub struct Chair {
    pub meeting: Meeting,
    /// The board's last meeting and the figures' history, read at start.
    pub last: Option<Meeting>,
    pub history: History,
    pub view: View,
    /// Rows of the brief scrolled past.
    pub scroll: u16,
    pub veil: Veil,
    pub clerk: Clerk,
    /// When this screen last saw the clerk's files change, by its clock.
    pub last_change: Option<NaiveTime>,
    /// A reply, a refusal, or why the meeting could not be read.
    pub message: Option<String>,
    pub help: bool,
    pub now: NaiveDateTime,
    pub size: Size,
    quit: bool,
    effects: Vec<Effect>,
}

impl Chair {
    pub fn new(meeting: Meeting, sources: (Option<Meeting>, History), veil: Veil) -> Chair {
        let now = meeting
            .date
            .and_time(meeting.start_time.unwrap_or_default());
        Chair {
            meeting,
            last: sources.0,
            history: sources.1,
            view: View::Following,
            scroll: 0,
            veil,
            clerk: Clerk::Unknown,
            last_change: None,
            message: None,
            help: false,
            now,
            size: Size::new(80, 24),
            quit: false,
            effects: Vec::new(),
        }
    }

    pub fn quit(&self) -> bool {
        self.quit
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub fn update(&mut self, msg: Msg) {
        let shown = self.shown();
        // The clock moves several times a second while idle: it changes no item and no
        // scroll, and is kept cheap.
        if let Msg::Tick(now) = msg {
            self.now = now;
            return;
        }
        match msg {
            Msg::Key(k) => {
                if let Some(cmd) = keymap::chair_command(&k) {
                    self.command(cmd);
                }
            }
            // Taken above.
            Msg::Tick(_) => {}
            Msg::Changed(m) => {
                let was_veiled = self.veiled();
                self.meeting = *m;
                // Said while the public was out, a message may name Part B business: a
                // public screen drops it the moment the public is back.
                if self.veiled() && !was_veiled {
                    self.message = Some(
                        "The press and public are back: Part B business is hidden again.".into(),
                    );
                }
                self.last_change = Some(self.now.time());
                if let View::Selected(id) = self.view
                    && !self.rows().contains(&id)
                {
                    self.view = View::Following;
                    let why = match self.meeting.item(id) {
                        Some(_) => {
                            "is Part B business, hidden on this screen now the public is back"
                        }
                        None => "is no longer on the agenda",
                    };
                    self.message = Some(format!(
                        "The item you selected {why}: following the clerk's current item again."
                    ));
                }
            }
            Msg::Unreadable(why) => {
                self.message = Some(format!(
                    "The meeting could not be read just now ({why}); it is shown as last read."
                ));
            }
            Msg::Clerk(open) => self.clerk = if open { Clerk::Open } else { Clerk::NotOpen },
            Msg::Replied(Ok(said) | Err(said)) => self.message = Some(said),
            Msg::Resize(size) => self.size = size,
        }
        if self.shown() != shown {
            self.scroll = 0;
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn command(&mut self, cmd: ChairCommand) {
        if self.help && !matches!(cmd, ChairCommand::Help | ChairCommand::Quit) {
            return;
        }
        match cmd {
            ChairCommand::Select(step) => self.select(step),
            ChairCommand::Follow => self.view = View::Following,
            ChairCommand::Page(step) => self.scroll = self.page(step),
            ChairCommand::AskNext => self.ask(LinkStep::Next),
            ChairCommand::AskPrevious => self.ask(LinkStep::Previous),
            ChairCommand::Help => self.help = !self.help,
            ChairCommand::Quit => self.quit = true,
        }
    }

    fn select(&mut self, step: Step) {
        let rows = self.rows();
        let at = self
            .shown()
            .and_then(|id| rows.iter().position(|r| *r == id));
        let to = match (at, step) {
            (None, _) => 0,
            (Some(i), Step::Up) => i.saturating_sub(1),
            (Some(i), Step::Down) => (i + 1).min(rows.len().saturating_sub(1)),
        };
        if let Some(id) = rows.get(to) {
            self.view = View::Selected(*id);
        }
    }

    fn ask(&mut self, step: LinkStep) {
        let from = running::current(&self.meeting);
        self.effects.push(Effect::Ask { step, from });
        let what = match step {
            LinkStep::Next => "next",
            LinkStep::Previous => "previous",
        };
        self.message = Some(format!("Asking the clerk's workspace for the {what} item…"));
    }

    /// The scroll a screen up or down, as the brief's panel pages (none where there is no
    /// brief to scroll).
    fn page(&self, step: Step) -> u16 {
        let area = super::draw::brief_area(self, self.area());
        super::draw::panel(self).map_or(0, |b| {
            BriefPanel::new(&b, Theme::plain())
                .whole_minutes()
                .page(self.scroll, step, area)
        })
    }

    fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.width, self.size.height)
    }

    /// The furthest the brief scrolls: its last row at the bottom of the pane.
    fn max_scroll(&self) -> u16 {
        let area = super::draw::brief_area(self, self.area());
        super::draw::panel(self).map_or(0, |b| {
            BriefPanel::new(&b, Theme::plain())
                .whole_minutes()
                .max_scroll(area)
        })
    }

    /// What the screen shows of the clock, to the minute: the time of day and the whole
    /// minutes the item being taken has run. The loop draws again when it changes, so no
    /// time on screen is stale and an idle screen is drawn about once a minute.
    pub fn clock_shown(&self) -> (Option<NaiveDateTime>, Option<i64>) {
        use chrono::Timelike;
        let minute = self.now.with_nanosecond(0).and_then(|t| t.with_second(0));
        let elapsed =
            running::timing(&self.meeting, self.now.time()).map(|t| t.elapsed.num_minutes());
        (minute, elapsed)
    }

    /// The item the brief is of: the selected one, else the clerk's current one, else
    /// (before the meeting and after it) the first item still to be taken, or the first.
    pub fn shown(&self) -> Option<ItemId> {
        match self.view {
            View::Selected(id) => Some(id),
            View::Following => self.followed(),
        }
    }

    /// The item following the clerk shows.
    pub fn followed(&self) -> Option<ItemId> {
        let m = &self.meeting;
        let leaves = running::leaves(&m.agenda);
        let pending = |id: &&ItemId| {
            m.item(**id)
                .is_some_and(|i| i.status == ItemStatus::Pending)
        };
        running::current(m)
            .or_else(|| leaves.iter().find(pending).copied())
            .or_else(|| leaves.first().copied())
    }

    /// The brief of the shown item.
    pub fn brief(&self) -> Option<Brief> {
        let cx = Context {
            last: self.last.as_ref(),
            history: &self.history,
            now: self.now,
            veil: self.veil,
        };
        brief::of(&self.meeting, self.shown()?, &cx)
    }

    /// The items the agenda list shows, in order. On a public screen before the exclusion,
    /// what sits under a Part B item is not listed (the public agenda gives only its title).
    pub fn rows(&self) -> Vec<ItemId> {
        let veiled = self.veiled();
        agenda::walk(&self.meeting.agenda)
            .into_iter()
            .filter(|w| !(veiled && w.is_inside_exempt()))
            .map(|w| w.item.id)
            .collect()
    }

    /// Part B is hidden now: a public screen, and the press and public not yet excluded
    /// (the brief's own rule, so the list, the strip and the brief never disagree).
    pub fn veiled(&self) -> bool {
        brief::hides_part_b(&self.meeting, self.veil)
    }

    /// Item `id` is Part B business that this screen must not show now.
    pub fn hidden(&self, id: ItemId) -> bool {
        self.veiled() && agenda::is_exempt_business(&self.meeting.agenda, id)
    }
}

#[cfg(test)]
mod tests;
