//! The minutes editor: a text editor widget whose cost does not grow with the
//! minutes. A pure struct with no I/O; the Minutes pane feeds it key and paste
//! events, draws it, journals its [`EditOp`]s and writes its OSC 52 copies.
//!
//! ```
//! use minutebook::editor::{Editor, EditOp, apply_op};
//! let mut ed = Editor::new("Apologies: none");
//! let saved = ed.text();
//! ed.paste("\nACTION: clerk to circulate");
//! let mut replay = saved.clone();
//! for op in ed.take_ops() {
//!     apply_op(&mut replay, &op).unwrap();
//! }
//! assert_eq!(replay, ed.text());
//! ```

mod buffer;
mod clipboard;
mod commands;
mod editing;
mod history;
mod input;
mod keys;
mod marks;
mod motion;
mod ops;
mod render;
mod search;
#[cfg(test)]
mod tests;
mod viewport;
mod wrap;

use std::ops::Range;

use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};
use ratatui::layout::Position;

use buffer::{Document, Pos};
use clipboard::Clipboard;
use history::{History, Kind};
use ops::OpLog;
use search::Search;
use viewport::Viewport;

pub use clipboard::osc52;
pub use input::{TAB_WIDTH, normalize};
pub(crate) use keys::{Command as EditCommand, Motion};
pub use marks::LineMark;
pub use ops::{EditOp, OpError, apply_op, replay_ops};
pub use render::EditorStyle;
/// Soft wrap by the editor's rules, for read-only panes that scroll by wrapped rows.
pub(crate) use wrap::rows;

/// Undo steps kept; the oldest fall off past this (hours of typing fit).
pub const UNDO_LIMIT: usize = 10_000;

/// What the editor did with an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The editor used the event.
    Consumed,
    /// An edit was refused because the minutes are read-only (approved).
    ReadOnly,
    /// Not an editor key: the app's global keys (Alt+1..6, F1, Ctrl-Q…) pass through.
    NotConsumed,
}

impl Outcome {
    pub fn is_consumed(self) -> bool {
        self != Outcome::NotConsumed
    }
}

/// The minutes text editor. See the module documentation.
#[derive(Debug)]
pub struct Editor {
    doc: Document,
    cursor: Pos,
    /// The other end of the selection, when there is one.
    anchor: Option<Pos>,
    /// Column Up/Down aim for, kept across short rows.
    goal_x: Option<usize>,
    history: History,
    ops: OpLog,
    revision: u64,
    read_only: bool,
    clipboard: Clipboard,
    search: Search,
    view: Viewport,
    style: EditorStyle,
}

impl Default for Editor {
    fn default() -> Self {
        Self::new("")
    }
}

impl Editor {
    /// An editor holding `text`, normalised as a paste would be (CRLF, tabs,
    /// control characters), with the cursor at the start.
    pub fn new(text: &str) -> Self {
        Self {
            doc: Document::from_text(&normalize(text)),
            cursor: Pos::default(),
            anchor: None,
            goal_x: None,
            history: History::new(UNDO_LIMIT),
            ops: OpLog::default(),
            revision: 0,
            read_only: false,
            clipboard: Clipboard::default(),
            search: Search::default(),
            view: Viewport::default(),
            style: EditorStyle::default(),
        }
    }

    /// The whole text, paragraphs joined by `\n`. Costs a copy of the minutes:
    /// compare [`Editor::revision`] to know whether it changed first.
    pub fn text(&self) -> String {
        self.doc.text()
    }

    /// A counter that goes up with every change to the text (undo included).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Length of the text in chars, the unit of [`EditOp`] offsets.
    pub fn len_chars(&self) -> usize {
        self.doc.char_len()
    }

    pub fn line_count(&self) -> usize {
        self.doc.line_count()
    }

    /// True when the cursor is at the start of a line, where a captured line can go as it is.
    pub fn at_line_start(&self) -> bool {
        self.cursor.byte == 0
    }

    /// The cursor as a char offset into [`Editor::text`].
    pub fn cursor_offset(&self) -> usize {
        self.doc.offset_of(self.cursor)
    }

    /// Moves the cursor to a char offset (clamped, and onto a grapheme boundary).
    pub fn set_cursor_offset(&mut self, offset: usize) {
        let pos = self
            .doc
            .pos_of(offset.min(self.doc.char_len()))
            .expect("clamped");
        self.cursor = Pos::new(
            pos.line,
            motion::snap(self.doc.line_text(pos.line), pos.byte),
        );
        self.anchor = None;
        self.goal_x = None;
        self.history.seal();
    }

    /// The selection as a char range, if anything is selected.
    pub fn selection(&self) -> Option<Range<usize>> {
        self.selected()
            .map(|(s, e)| self.doc.offset_of(s)..self.doc.offset_of(e))
    }

    pub fn selected_text(&self) -> Option<String> {
        self.selected().map(|(s, e)| self.doc.slice(s, e))
    }

    /// Drains the changes made since the last call, oldest first. Replaying them
    /// with [`apply_op`] onto the text as it was then gives [`Editor::text`].
    pub fn take_ops(&mut self) -> Vec<EditOp> {
        self.ops.take()
    }

    /// Approved minutes are read-only: motions, selection, copy and find still work.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The text of the in-app clipboard (Ctrl-C / Ctrl-X).
    pub fn clipboard(&self) -> &str {
        &self.clipboard.text
    }

    /// The OSC 52 sequence for the last copy, for the app to write to the
    /// terminal so the copy reaches the system clipboard too.
    pub fn take_osc52(&mut self) -> Option<String> {
        self.clipboard.osc52.take()
    }

    /// Where the terminal cursor belongs as last laid out ([`Editor::lay_out`]), for
    /// `frame.set_cursor_position`; `None` when it is off screen.
    pub fn cursor_position(&self) -> Option<Position> {
        self.view.cursor
    }

    pub fn set_style(&mut self, style: EditorStyle) {
        self.style = style;
    }

    pub fn is_searching(&self) -> bool {
        self.search.active
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Checks the editor's internal bookkeeping (line index, char totals, wrap
    /// caches, cursor and selection on grapheme boundaries) against the text.
    /// Costs a pass over the whole text: for tests.
    #[doc(hidden)]
    pub fn check_invariants(&mut self) -> Result<(), String> {
        self.doc.check()?;
        for (what, pos) in [("cursor", Some(self.cursor)), ("anchor", self.anchor)] {
            let Some(pos) = pos else { continue };
            if pos.line >= self.doc.line_count()
                || pos.byte > self.doc.line_len(pos.line)
                || !motion::is_boundary(self.doc.line_text(pos.line), pos.byte)
            {
                return Err(format!("{what} {pos:?} is not on a grapheme boundary"));
            }
        }
        Ok(())
    }

    /// Handles a terminal event: key presses and bracketed pastes.
    pub fn handle_event(&mut self, event: &Event) -> Outcome {
        match event {
            Event::Key(key) => self.handle_key(*key),
            Event::Paste(text) => self.paste(text),
            _ => Outcome::NotConsumed,
        }
    }

    /// Handles one key. Keys the editor has no use for come back as
    /// [`Outcome::NotConsumed`] for the app.
    pub fn handle_key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::NotConsumed;
        }
        if self.search.active
            && let Some(outcome) = self.find_key(&key)
        {
            return outcome;
        }
        match keys::command(&key) {
            Some(command) => self.run(command),
            None => Outcome::NotConsumed,
        }
    }

    /// Pastes text of any size as one undo step (bracketed paste, `Event::Paste`).
    /// While the find bar is open, the paste goes into the query instead
    /// (its first line: the query cannot span paragraphs).
    pub fn paste(&mut self, text: &str) -> Outcome {
        if self.search.active {
            let text = normalize(text);
            self.search
                .query
                .push_str(text.split('\n').next().unwrap_or(""));
            self.refine_search();
            return Outcome::Consumed;
        }
        if self.read_only {
            return Outcome::ReadOnly;
        }
        let text = normalize(text);
        let (start, end) = self.selected().unwrap_or((self.cursor, self.cursor));
        self.history.seal();
        self.replace(start, end, &text, Kind::Other);
        self.history.seal();
        Outcome::Consumed
    }

    /// Replaces the chars in `range` (clamped) by `text` as one undo step: an edit the
    /// workspace makes (a generated line), logged for the journal like typing. The cursor
    /// keeps its place in the text around the change.
    pub fn replace_chars(&mut self, range: Range<usize>, text: &str) -> Outcome {
        if self.read_only {
            return Outcome::ReadOnly;
        }
        let len = self.doc.char_len();
        let (from, to) = (
            range.start.min(len),
            range.end.min(len).max(range.start.min(len)),
        );
        let text = normalize(text);
        let cursor = self.cursor_offset();
        let (start, end) = (
            self.doc.pos_of(from).expect("clamped"),
            self.doc.pos_of(to).expect("clamped"),
        );
        self.history.seal();
        self.replace(start, end, &text, Kind::Other);
        self.history.seal();
        let inserted = text.chars().count();
        let at = if cursor >= to {
            cursor - (to - from) + inserted
        } else if cursor > from {
            from + inserted
        } else {
            cursor
        };
        self.set_cursor_offset(at);
        Outcome::Consumed
    }

    pub(crate) fn selected(&self) -> Option<(Pos, Pos)> {
        let anchor = self.anchor?;
        match anchor.cmp(&self.cursor) {
            std::cmp::Ordering::Less => Some((anchor, self.cursor)),
            std::cmp::Ordering::Greater => Some((self.cursor, anchor)),
            std::cmp::Ordering::Equal => None,
        }
    }
}
