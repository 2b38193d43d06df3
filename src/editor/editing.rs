//! Changing the text: the one replace primitive every edit goes through, and
//! undo/redo, each recording the undo step and the journal operations.

use super::buffer::Pos;
use super::history::{Change, Kind};
use super::{EditOp, Editor, motion};

impl Editor {
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

    /// The one editing primitive: replaces `start..end` by normalised `text`,
    /// recording the undo step and the operations.
    pub(super) fn replace(&mut self, start: Pos, end: Pos, text: &str, kind: Kind) {
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

    pub(super) fn raw_insert(&mut self, at: usize, text: &str) {
        let pos = self.doc.pos_of(at).expect("history offsets are in range");
        self.doc.insert(pos, text);
        self.ops.push(EditOp::Insert {
            at,
            text: text.to_owned(),
        });
    }

    pub(super) fn raw_delete(&mut self, at: usize, chars: usize) {
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
    pub(super) fn after_change(&mut self) {
        let line = self.doc.line_text(self.cursor.line);
        self.cursor.byte = motion::snap(line, self.cursor.byte);
        self.anchor = None;
        self.goal_x = None;
        self.search.current = None;
        self.revision += 1;
    }
}
