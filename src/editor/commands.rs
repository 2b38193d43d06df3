//! Carrying out commands: what each key does to the cursor, the selection,
//! the text and the find bar.

use ratatui::crossterm::event::KeyEvent;

use super::buffer::{Document, Pos};
use super::history::Kind;
use super::keys::{self, Command, Motion};
use super::{Editor, Outcome, input, motion, search, wrap};

impl Editor {
    pub(super) fn run(&mut self, command: Command) -> Outcome {
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
                | C::FindType(_)
                | C::FindErase
                | C::FindPaste
                | C::FindClose
        );
        if edits && self.read_only {
            return Outcome::ReadOnly;
        }
        if !matches!(
            command,
            C::Type(_)
                | C::Enter
                | C::Tab
                | C::Backspace
                | C::Delete
                | C::FindType(_)
                | C::FindErase
                | C::FindPaste
                | C::FindClose
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
            C::FindType(c) => {
                self.search.query.push(c);
                self.refine_search();
            }
            C::FindErase => {
                self.search.query.pop();
                self.refine_search();
            }
            C::FindPaste => {
                let clip = self.clipboard.text.clone();
                self.paste(&clip);
            }
            C::FindClose => self.search.active = false,
        }
        Outcome::Consumed
    }

    /// Keys while the find bar is open; `None` hands the key to the editor.
    pub(super) fn find_key(&mut self, key: &KeyEvent) -> Option<Outcome> {
        if let Some(command) = keys::find_command(key) {
            return Some(self.run(command));
        }
        // Another editor key closes the bar and does its usual job.
        if keys::command(key).is_some() {
            self.search.active = false;
        }
        None
    }

    /// Moves between matches; the cursor goes to the match's start.
    pub(super) fn find(&mut self, forward: bool) {
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
    pub(super) fn refine_search(&mut self) {
        let from = self.search.current.map_or(self.cursor, |(s, _)| s);
        let found = search::find_forward(&self.doc, from, &self.search.query);
        self.show_match(found);
    }

    pub(super) fn show_match(&mut self, found: Option<(Pos, Pos)>) {
        self.search.failed = found.is_none() && !self.search.query.is_empty();
        self.search.current = found;
        if let Some((start, _)) = found {
            self.cursor = start;
            self.anchor = None;
            self.goal_x = None;
        }
    }

    pub(super) fn move_cursor(&mut self, m: Motion, select: bool) {
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
    pub(super) fn type_text(&mut self, text: &str, word: bool) {
        let (start, end) = self.selected().unwrap_or((self.cursor, self.cursor));
        if start != end {
            self.history.seal();
        }
        self.replace(start, end, text, Kind::Typing { space: !word });
    }

    /// Deletes the selection, or from the cursor to where `to` moves it.
    pub(super) fn delete_with(&mut self, kind: Kind, to: fn(&Document, Pos) -> Pos) {
        let (start, end, kind) = match self.selected() {
            Some((s, e)) => (s, e, Kind::Other),
            None => {
                let other = to(&self.doc, self.cursor);
                (other.min(self.cursor), other.max(self.cursor), kind)
            }
        };
        // A selection deleted is its own undo step (`Kind::Other` never merges).
        self.replace(start, end, "", kind);
    }
}
