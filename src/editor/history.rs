//! Undo and redo as groups of recorded changes, with typing grouped into
//! word-sized steps so one Ctrl-Z takes back a word, not a letter.

use std::collections::VecDeque;

use super::buffer::Pos;

/// A change with the text it inserted or removed, in char offsets (these stay
/// meaningful however the lines are chunked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    Insert { at: usize, text: String },
    Delete { at: usize, text: String },
}

/// What produced a change, to decide whether it joins the previous undo step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A typed character; `space` is true for whitespace (spaces, Enter, Tab).
    Typing {
        space: bool,
    },
    Backspace,
    DeleteForward,
    /// Paste, cut, word delete, replacing a selection: always its own step.
    Other,
}

#[derive(Debug)]
pub(crate) struct Group {
    pub changes: Vec<Change>,
    pub before: Pos,
    pub after: Pos,
    kind: Kind,
}

#[derive(Debug)]
pub(crate) struct History {
    /// Oldest first; a deque so dropping the oldest step past the limit is O(1).
    undo: VecDeque<Group>,
    redo: Vec<Group>,
    /// Whether the last group may still grow: cleared by anything but an edit.
    open: bool,
    limit: usize,
}

impl History {
    pub fn new(limit: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            open: false,
            limit: limit.max(1),
        }
    }

    /// Ends the current step: the next edit starts a new one.
    pub fn seal(&mut self) {
        self.open = false;
    }

    /// Starts a new step unless `kind` continues the open one.
    pub fn begin(&mut self, kind: Kind, before: Pos) {
        let continues = self.open
            && match (self.undo.back().map(|g| g.kind), kind) {
                // A word ends where a non-space follows a space.
                (Some(Kind::Typing { space: prev }), Kind::Typing { space }) => !prev || space,
                (Some(Kind::Backspace), Kind::Backspace) => true,
                (Some(Kind::DeleteForward), Kind::DeleteForward) => true,
                _ => false,
            };
        self.redo.clear();
        if !continues {
            if let Some(done) = self.undo.back_mut() {
                // The step is complete: give back the room it grew into.
                done.changes.shrink_to_fit();
                for change in &mut done.changes {
                    let (Change::Insert { text, .. } | Change::Delete { text, .. }) = change;
                    text.shrink_to_fit();
                }
            }
            if self.undo.len() == self.limit {
                self.undo.pop_front();
            }
            self.undo.push_back(Group {
                changes: Vec::new(),
                before,
                after: before,
                kind,
            });
        }
        let group = self.undo.back_mut().expect("a group was just ensured");
        group.kind = kind;
        self.open = kind != Kind::Other;
    }

    /// Adds a change to the current step, merging it into the last change when
    /// it continues it (typing on, backspacing on).
    pub fn record(&mut self, change: Change, after: Pos) {
        let group = self.undo.back_mut().expect("begin() comes first");
        group.after = after;
        match (group.changes.last_mut(), &change) {
            (Some(Change::Insert { at, text }), Change::Insert { at: at2, text: t2 })
                if *at2 == *at + text.chars().count() =>
            {
                text.push_str(t2)
            }
            (Some(Change::Delete { at, text }), Change::Delete { at: at2, text: t2 })
                if *at2 + t2.chars().count() == *at =>
            {
                text.insert_str(0, t2);
                *at = *at2;
            }
            (Some(Change::Delete { at, text }), Change::Delete { at: at2, text: t2 })
                if at2 == at =>
            {
                text.push_str(t2)
            }
            _ => group.changes.push(change),
        }
    }

    pub fn pop_undo(&mut self) -> Option<Group> {
        self.open = false;
        self.undo.pop_back()
    }

    pub fn push_redo(&mut self, group: Group) {
        self.redo.push(group);
    }

    pub fn pop_redo(&mut self) -> Option<Group> {
        self.open = false;
        self.redo.pop()
    }

    pub fn push_undo(&mut self, group: Group) {
        self.undo.push_back(group);
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(h: &mut History, at: usize, c: char) {
        h.begin(
            Kind::Typing {
                space: c.is_whitespace(),
            },
            Pos::default(),
        );
        h.record(
            Change::Insert {
                at,
                text: c.to_string(),
            },
            Pos::default(),
        );
    }

    #[test]
    fn typing_groups_by_word_with_its_trailing_space() {
        let mut h = History::new(100);
        for (i, c) in "the cat  sat".chars().enumerate() {
            typed(&mut h, i, c);
        }
        let words: Vec<String> = std::iter::from_fn(|| h.pop_undo())
            .map(|g| match &g.changes[..] {
                [Change::Insert { text, .. }] => text.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(words, ["sat", "cat  ", "the "]);
    }

    #[test]
    fn a_motion_between_keystrokes_starts_a_new_step() {
        let mut h = History::new(100);
        typed(&mut h, 0, 'a');
        h.seal();
        typed(&mut h, 1, 'b');
        assert_eq!(h.undo.len(), 2);
    }

    #[test]
    fn the_oldest_steps_fall_off_past_the_limit() {
        let mut h = History::new(3);
        for i in 0..5 {
            h.seal();
            typed(&mut h, i, 'x');
        }
        assert_eq!(h.undo.len(), 3);
    }
}
