//! The Agenda's item view: the brief of the selected item in place of the list, built from
//! this meeting, the board's last meeting (read by the run loop) and the archive's figures.

use ratatui::layout::{Position, Rect};

use super::App;
use crate::keymap::{ItemView, Step};
use crate::model::brief::{self, Brief, Context, Veil};
use crate::model::{ItemId, Meeting, MeetingId};
use crate::store::brief_sources::history_of;
use crate::ui::brief::BriefPanel;

/// The item view is open: how far the brief of `item` is scrolled. Another item
/// selected starts at its top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ItemScroll {
    pub item: Option<ItemId>,
    pub scroll: u16,
}

impl App {
    /// The brief of item `id` of this meeting as the clerk's own screen shows it (Part B
    /// included), or None if there is no such item.
    pub fn brief(&self, id: ItemId) -> Option<Brief> {
        let history = history_of(self.earlier());
        let cx = Context {
            last: self.last_meeting.as_deref(),
            history: &history,
            now: self.now,
            veil: Veil::Private,
        };
        brief::of(&self.meeting, id, &cx)
    }

    /// How far the brief of the selected item is scrolled in the open item view.
    pub fn item_scroll(&self) -> u16 {
        self.item_view
            .filter(|v| v.item == self.agenda_sel)
            .map_or(0, |v| v.scroll)
    }

    /// Another item selected (a key, the running order moving on) starts at its top.
    pub(super) fn follow_item_view(&mut self) {
        if let Some(v) = &mut self.item_view
            && v.item != self.agenda_sel
        {
            *v = ItemScroll {
                item: self.agenda_sel,
                scroll: 0,
            };
        }
    }

    pub(super) fn item_view_command(&mut self, cmd: ItemView) {
        match cmd {
            ItemView::Toggle => {
                self.item_view = match self.item_view {
                    Some(_) => None,
                    None => Some(ItemScroll::default()),
                }
            }
            ItemView::Page(step) => self.page_brief(step),
        }
    }

    /// A screen of the brief up or down, never past its last line.
    fn page_brief(&mut self, step: Step) {
        let Some(item) = self.agenda_sel.filter(|_| self.item_view.is_some()) else {
            return;
        };
        let Some(brief) = self.brief(item) else {
            return;
        };
        let panel = BriefPanel::new(&brief, self.theme);
        let scroll = panel.page(self.item_scroll(), step, self.brief_area());
        self.item_view = Some(ItemScroll {
            item: Some(item),
            scroll,
        });
    }

    /// Where the brief is drawn on the terminal as last told.
    fn brief_area(&self) -> Rect {
        let screen = Rect::from((Position::ORIGIN, self.screen));
        crate::ui::pane_area(self, screen).map_or(Rect::default(), |pane| {
            crate::tabs::agenda::brief_area(self, pane)
        })
    }

    /// The board's last meeting before meeting `of`, for the briefs: this meeting's, or
    /// the one opened from the archive to read.
    pub(super) fn last_meeting_read(&mut self, of: &MeetingId, last: Option<Box<Meeting>>) {
        if self.meeting.id == *of {
            self.last_meeting = last;
        }
    }
}
