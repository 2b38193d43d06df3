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

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Position;

use buffer::{Document, Pos};
use clipboard::Clipboard;
use history::{Change, History, Kind};
use keys::{Command, Motion};
use ops::OpLog;
use search::Search;
use viewport::Viewport;

pub use clipboard::osc52;
pub use input::{TAB_WIDTH, normalize};
pub use keys::KEY_HELP;
pub use marks::LineMark;
pub use ops::{EditOp, OpError, apply_op};
pub use render::EditorStyle;

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

    /// Key and description of every editor key, for the help screen.
    pub fn key_help() -> &'static [(&'static str, &'static str)] {
        KEY_HELP
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

    /// Where the terminal cursor belongs after the last draw, for
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

    /// Takes back the last undo step. Returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let Some(group) = self.history.pop_undo() else {
            return false;
        };
        for change in group.changes.iter().rev() {
            match change {
                Change::Insert { at, text } => self.raw_delete(*at, text.chars().count()),
                Change::Delete { at, text } => self.raw_insert(*at, text),
            }
        }
        self.cursor = group.before;
        self.after_change();
        self.history.push_redo(group);
        true
    }

    /// Puts back the last undone step. Returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let Some(group) = self.history.pop_redo() else {
            return false;
        };
        for change in &group.changes {
            match change {
                Change::Insert { at, text } => self.raw_insert(*at, text),
                Change::Delete { at, text } => self.raw_delete(*at, text.chars().count()),
            }
        }
        self.cursor = group.after;
        self.after_change();
        self.history.push_undo(group);
        true
    }

    fn run(&mut self, command: Command) -> Outcome {
        use Command as C;
        let edits = !matches!(
            command,
            C::Move { .. }
                | C::SelectAll
                | C::Copy
                | C::Find
                | C::FindNext
                | C::FindPrev
                | C::Cancel
        );
        if edits && self.read_only {
            return Outcome::ReadOnly;
        }
        if !matches!(
            command,
            C::Type(_) | C::Enter | C::Tab | C::Backspace | C::Delete
        ) {
            self.history.seal();
        }
        match command {
            C::Move { motion, select } => self.move_cursor(motion, select),
            C::Type(c) => self.type_text(&c.to_string(), !c.is_whitespace()),
            C::Enter => self.type_text("\n", false),
            C::Tab => {
                let line = self.doc.line_text(self.cursor.line);
                let n = input::tab_spaces(wrap::text_width(&line[..self.cursor.byte]));
                self.type_text(&" ".repeat(n), false);
            }
            C::Backspace => self.delete_with(Kind::Backspace, motion::left),
            C::Delete => self.delete_with(Kind::DeleteForward, motion::right),
            C::DeleteWordBack => self.delete_with(Kind::Other, motion::word_left),
            C::DeleteWordForward => self.delete_with(Kind::Other, motion::word_right),
            C::SelectAll => {
                self.anchor = Some(Pos::default());
                self.cursor = self.doc.end();
            }
            C::Copy => {
                if let Some(text) = self.selected_text() {
                    self.clipboard.copy(text);
                }
            }
            C::Cut => {
                if let Some((s, e)) = self.selected() {
                    self.clipboard.copy(self.doc.slice(s, e));
                    self.replace(s, e, "", Kind::Other);
                }
            }
            C::Paste => {
                let text = self.clipboard.text.clone();
                if !text.is_empty() {
                    return self.paste(&text);
                }
            }
            C::Undo => {
                self.undo();
            }
            C::Redo => {
                self.redo();
            }
            C::Find => {
                self.search.active = true;
                self.search.failed = false;
                self.search.current = None;
                self.find(true);
            }
            C::FindNext => self.find(true),
            C::FindPrev => self.find(false),
            C::Cancel => {
                if self.anchor.take().is_none() {
                    return Outcome::NotConsumed;
                }
            }
        }
        Outcome::Consumed
    }

    /// Keys while the find bar is open; `None` hands the key to the editor.
    fn find_key(&mut self, key: &KeyEvent) -> Option<Outcome> {
        if let Some(command) = keys::find_command(key) {
            return Some(self.run(command));
        }
        let ctrl_or_alt = key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if !ctrl_or_alt => {
                self.search.query.push(c);
                self.refine_search();
            }
            KeyCode::Char('v') if key.modifiers == KeyModifiers::CONTROL => {
                let clip = self.clipboard.text.clone();
                self.paste(&clip);
            }
            KeyCode::Backspace if !ctrl_or_alt => {
                self.search.query.pop();
                self.refine_search();
            }
            KeyCode::Esc => self.search.active = false,
            _ => {
                // Another editor key closes the bar and does its usual job.
                if keys::command(key).is_some() {
                    self.search.active = false;
                }
                return None;
            }
        }
        Some(Outcome::Consumed)
    }

    /// Moves between matches; the cursor goes to the match's start.
    fn find(&mut self, forward: bool) {
        let query = &self.search.query;
        let found = if forward {
            let from = match self.search.current {
                Some((s, _)) if s == self.cursor => motion::right(&self.doc, s),
                _ => self.cursor,
            };
            search::find_forward(&self.doc, from, query)
        } else {
            search::find_backward(&self.doc, self.cursor, query)
        };
        self.show_match(found);
    }

    /// The query changed: look again from the current match (typing on narrows
    /// the search without jumping ahead).
    fn refine_search(&mut self) {
        let from = self.search.current.map_or(self.cursor, |(s, _)| s);
        let found = search::find_forward(&self.doc, from, &self.search.query);
        self.show_match(found);
    }

    fn show_match(&mut self, found: Option<(Pos, Pos)>) {
        self.search.failed = found.is_none() && !self.search.query.is_empty();
        self.search.current = found;
        if let Some((start, _)) = found {
            self.cursor = start;
            self.anchor = None;
            self.goal_x = None;
        }
    }

    fn selected(&self) -> Option<(Pos, Pos)> {
        let anchor = self.anchor?;
        match anchor.cmp(&self.cursor) {
            std::cmp::Ordering::Less => Some((anchor, self.cursor)),
            std::cmp::Ordering::Greater => Some((self.cursor, anchor)),
            std::cmp::Ordering::Equal => None,
        }
    }

    fn move_cursor(&mut self, m: Motion, select: bool) {
        if select && self.anchor.is_none() {
            self.anchor = Some(self.cursor);
        } else if !select {
            self.anchor = None;
        }
        let (doc, w, pos) = (&mut self.doc, self.view.width, self.cursor);
        let vertical = matches!(
            m,
            Motion::Up | Motion::Down | Motion::PageUp | Motion::PageDown
        );
        let goal = if vertical {
            *self
                .goal_x
                .get_or_insert_with(|| motion::column(doc, w, pos))
        } else {
            self.goal_x = None;
            0
        };
        let page = self.view.height.saturating_sub(1).max(1) as isize;
        self.cursor = match m {
            Motion::Left => motion::left(doc, pos),
            Motion::Right => motion::right(doc, pos),
            Motion::WordLeft => motion::word_left(doc, pos),
            Motion::WordRight => motion::word_right(doc, pos),
            Motion::Up => motion::vertical(doc, w, pos, goal, -1),
            Motion::Down => motion::vertical(doc, w, pos, goal, 1),
            Motion::PageUp | Motion::PageDown => {
                let n = if m == Motion::PageUp { -page } else { page };
                // The page turns with the cursor, so it keeps its place on screen.
                self.view.scroll(doc, n);
                motion::vertical(doc, w, pos, goal, n)
            }
            Motion::Home => motion::home(doc, w, pos),
            Motion::End => motion::end(doc, w, pos),
            Motion::DocStart => Pos::default(),
            Motion::DocEnd => doc.end(),
        };
    }

    /// Types text at the cursor, replacing the selection. `word` is true for a
    /// non-space character (which starts a new undo step after a space).
    fn type_text(&mut self, text: &str, word: bool) {
        let (start, end) = self.selected().unwrap_or((self.cursor, self.cursor));
        if start != end {
            self.history.seal();
        }
        self.replace(start, end, text, Kind::Typing { space: !word });
    }

    /// Deletes the selection, or from the cursor to where `to` moves it.
    fn delete_with(&mut self, kind: Kind, to: fn(&Document, Pos) -> Pos) {
        let (start, end, kind) = match self.selected() {
            Some((s, e)) => (s, e, Kind::Other),
            None => {
                let other = to(&self.doc, self.cursor);
                (other.min(self.cursor), other.max(self.cursor), kind)
            }
        };
        if kind == Kind::Other {
            self.history.seal();
        }
        self.replace(start, end, "", kind);
    }

    /// The one editing primitive: replaces `start..end` by normalised `text`,
    /// recording the undo step and the operations.
    fn replace(&mut self, start: Pos, end: Pos, text: &str, kind: Kind) {
        if start == end && text.is_empty() {
            self.anchor = None;
            return;
        }
        self.history.begin(kind, self.cursor);
        let at = self.doc.offset_of(start);
        let mut changes = Vec::with_capacity(2);
        if start != end {
            let removed = self.doc.delete(start, end);
            let n = removed.chars().count();
            self.ops.push(EditOp::Delete { range: at..at + n });
            changes.push(Change::Delete { at, text: removed });
        }
        let mut cursor = start;
        if !text.is_empty() {
            cursor = self.doc.insert(start, text);
            self.ops.push(EditOp::Insert {
                at,
                text: text.to_owned(),
            });
            changes.push(Change::Insert {
                at,
                text: text.to_owned(),
            });
        }
        self.cursor = cursor;
        self.after_change();
        for change in changes {
            self.history.record(change, self.cursor);
        }
    }

    fn raw_insert(&mut self, at: usize, text: &str) {
        let pos = self.doc.pos_of(at).expect("history offsets are in range");
        self.doc.insert(pos, text);
        self.ops.push(EditOp::Insert {
            at,
            text: text.to_owned(),
        });
    }

    fn raw_delete(&mut self, at: usize, chars: usize) {
        let start = self.doc.pos_of(at).expect("history offsets are in range");
        let end = self
            .doc
            .pos_of(at + chars)
            .expect("history offsets are in range");
        self.doc.delete(start, end);
        self.ops.push(EditOp::Delete {
            range: at..at + chars,
        });
    }

    /// After any change: snap the cursor onto a grapheme boundary, drop the
    /// selection and stale search state, and count the revision.
    fn after_change(&mut self) {
        let line = self.doc.line_text(self.cursor.line);
        self.cursor.byte = motion::snap(line, self.cursor.byte);
        self.anchor = None;
        self.goal_x = None;
        self.search.current = None;
        self.revision += 1;
    }
}
