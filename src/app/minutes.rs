//! The Minutes pane: the editor holding one item's minutes, and how the workspace keeps
//! it, the meeting and the journal in step.

use std::collections::HashMap;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::{App, Effect, JournalRecord};
use crate::editor::normalize;
use crate::editor::{Editor, Outcome};
use crate::keymap::Tab;
use crate::model::minute_numbers::{self, Numbering};
use crate::model::{ItemId, ItemRole, Meeting, agenda, apologies, running};

/// The Minutes pane: the editor holding one item's minutes.
#[derive(Debug)]
pub struct MinutesPane {
    pub editor: Editor,
    /// The item whose minutes the editor holds.
    pub item: Option<ItemId>,
    /// A section the clerk chose to write the minutes of (its introduction), over the
    /// item being taken, until the running order or the agenda selection moves.
    pub chosen: Option<ItemId>,
    /// The editor revision last copied into the meeting.
    pub(super) synced: u64,
    /// The editor revision last counted as a change to the meeting.
    pub(super) seen: u64,
    /// Showing the whole meeting's minutes read-only instead of the editor.
    pub whole: bool,
    pub whole_scroll: u16,
    /// Where the cursor was in each item's minutes when the clerk left it, this session:
    /// reopening an item puts it back there, so new typing follows the earlier text.
    pub(super) cursors: HashMap<ItemId, usize>,
}

impl App {
    /// Notes an edit as a change to the meeting, and OSC 52 copies as effects.
    pub(super) fn collect_editor_output(&mut self) {
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

    /// The item the Minutes pane is for: the one being taken, else the one selected.
    pub fn minutes_target(&self) -> Option<ItemId> {
        let chosen = self
            .minutes
            .chosen
            .filter(|id| self.meeting.item(*id).is_some());
        chosen
            .or_else(|| running::current(&self.meeting))
            .or(self.agenda_sel)
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

    /// The run loop has set minute numbers aside for this draft (the board's count is
    /// kept on disk already): they are given, and the clerk told which, or why there are none.
    pub(super) fn numbered(&mut self, numbering: Numbering) {
        let said = match numbering {
            Numbering::Given(given) => {
                let refs = minute_numbers::assign(&mut self.meeting, &given);
                if refs.is_empty() {
                    return;
                }
                self.changed(true);
                minute_numbers::said(&refs)
            }
            Numbering::Unnumbered(why) => why,
        };
        let said = crate::words::capitalise(&said);
        self.flash = Some(match self.flash.take() {
            Some(before) => format!("{before} {said}."),
            None => format!("{said}."),
        });
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
            chosen: self.minutes.chosen,
            whole: self.minutes.whole,
            whole_scroll: 0,
            cursors,
        };
        // Moving to another item is a moment to save.
        self.urgent_save |= had_unsaved;
        // A fresh editor, also when the meeting is replaced outside `update`.
        self.lay_out_editor();
    }

    /// After any change to the attendance: the apologies item's generated line follows
    /// it, unless the clerk has edited that line (see [`apologies::refreshed`]).
    pub(super) fn follow_attendance(&mut self) {
        if self.meeting.attendance == self.seen_attendance || self.read_only.is_some() {
            return;
        }
        let was = std::mem::replace(&mut self.seen_attendance, self.meeting.attendance.clone());
        let board = self.board.as_ref();
        let before = apologies::line(&was, board);
        let after = apologies::line(&self.meeting.attendance, board);
        let Some(item) = agenda::numbered(&self.meeting.agenda)
            .into_iter()
            .find(|(_, i)| i.role == Some(ItemRole::Apologies))
            .map(|(_, i)| i.id)
        else {
            return;
        };
        self.sync_editor();
        let text = self
            .meeting
            .item(item)
            .map(|i| i.minutes.clone())
            .unwrap_or_default();
        if let Some((range, with)) =
            apologies::refreshed(&normalize(&text), before.as_deref(), after.as_deref())
        {
            self.edit_minutes(item, range, &with);
        }
    }

    /// Changes an item's minutes as an edit: through the editor if it holds them, else in
    /// the meeting with the edit journaled, so the journal replays onto its base text to
    /// exactly what the meeting holds and a crash neither loses nor repeats it.
    fn edit_minutes(&mut self, item: ItemId, range: std::ops::Range<usize>, with: &str) {
        if self.minutes.item == Some(item) {
            self.minutes.editor.replace_chars(range, with);
            return;
        }
        let Some(it) = agenda::find_mut(&mut self.meeting.agenda, item) else {
            return;
        };
        // The journal counts from the text as the editor would hold it.
        let mut text = normalize(&it.minutes).into_owned();
        let mut ops = Vec::new();
        if !range.is_empty() {
            ops.push(crate::editor::EditOp::Delete {
                range: range.clone(),
            });
        }
        if !with.is_empty() {
            ops.push(crate::editor::EditOp::Insert {
                at: range.start,
                text: with.to_string(),
            });
        }
        for op in &ops {
            if crate::editor::apply_op(&mut text, op).is_err() {
                return;
            }
        }
        it.minutes = text;
        self.journal
            .extend(ops.into_iter().map(|edit| JournalRecord { item, edit }));
        self.changed(true);
    }

    /// Replaces the meeting (after recovery), keeping the panes where they were.
    pub fn replace_meeting(&mut self, meeting: Meeting) {
        self.meeting = meeting;
        self.seen_attendance = self.meeting.attendance.clone();
        self.minutes.item = None;
        self.minutes.chosen = None;
        self.follow_minutes_target();
        self.changed(true);
    }

    /// After the workspace moved to another meeting (already in `self.meeting`): its board,
    /// and the panes' selections and cursors started afresh for it.
    pub fn show_other_meeting(&mut self, board: Option<crate::model::Board>) {
        self.board = board;
        self.seen_attendance = self.meeting.attendance.clone();
        self.agenda_sel = crate::model::running::current(&self.meeting)
            .or_else(|| self.meeting.agenda.first().map(|i| i.id));
        self.actions_sel = 0;
        self.people_sel = 0;
        self.standing_scroll = 0;
        self.minutes.cursors.clear();
        self.minutes.item = None;
        self.minutes.chosen = None;
        self.follow_minutes_target();
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
    pub(super) fn lay_out_editor(&mut self) {
        if let Some(area) = self
            .minutes_pane()
            .and_then(|pane| crate::tabs::minutes::editor_area(self, pane))
        {
            self.minutes.editor.lay_out(area);
        }
    }

    /// Keeps the whole minutes' scroll within the rows the screen can show, so one
    /// step back from the end moves at once.
    pub(super) fn clamp_whole_scroll(&mut self) {
        if let Some(pane) = self.minutes_pane().filter(|_| self.minutes.whole) {
            let max = crate::tabs::minutes::whole_max_scroll(self, pane);
            self.minutes.whole_scroll = self.minutes.whole_scroll.min(max);
        }
    }

    pub(super) fn editor_key(&mut self, key: KeyEvent) {
        if self.minutes.item.is_none() {
            self.flash = Some("No agenda item is chosen: select one in the Agenda tab.".into());
            return;
        }
        if self.minutes.editor.handle_key(key) == Outcome::ReadOnly {
            self.refuse();
        }
    }
}
