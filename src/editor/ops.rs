//! The operation log: every change to the text as an insert or a delete at char
//! offsets, so the workspace can journal a keystroke in a few bytes and replay
//! the journal onto the last saved text.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::buffer::Document;

/// One change to the text, in char (Unicode scalar) offsets from its start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum EditOp {
    Insert { at: usize, text: String },
    Delete { range: Range<usize> },
}

/// Why an operation could not be replayed: the journal does not belong to the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpError {
    pub offset: usize,
    pub len: usize,
}

impl fmt::Display for OpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "edit at char offset {} is outside a text of {} chars",
            self.offset, self.len
        )
    }
}

impl std::error::Error for OpError {}

/// Replays one operation onto `text`.
pub fn apply_op(text: &mut String, op: &EditOp) -> Result<(), OpError> {
    match op {
        EditOp::Insert { at, text: ins } => {
            let byte = byte_of(text, *at)?;
            text.insert_str(byte, ins);
        }
        EditOp::Delete { range } => {
            if range.start > range.end {
                return Err(OpError {
                    offset: range.start,
                    len: text.chars().count(),
                });
            }
            let start = byte_of(text, range.start)?;
            let end = start + byte_of(&text[start..], range.end - range.start)?;
            text.replace_range(start..end, "");
        }
    }
    Ok(())
}

/// Replays a whole journal onto `text`: the same result as [`apply_op`] for
/// each operation in turn, but each costs time in proportion to its paragraph
/// rather than to the whole text, so recovering hours of keystrokes is quick.
pub fn replay_ops<'a>(
    text: &str,
    ops: impl IntoIterator<Item = &'a EditOp>,
) -> Result<String, OpError> {
    let mut doc = Document::from_text(text);
    for op in ops {
        let len = doc.char_len();
        let pos = |offset: usize| doc.pos_of(offset).ok_or(OpError { offset, len });
        match op {
            EditOp::Insert { at, text } => {
                let at = pos(*at)?;
                doc.insert(at, text);
            }
            EditOp::Delete { range } => {
                if range.start > range.end {
                    return Err(OpError {
                        offset: range.start,
                        len,
                    });
                }
                let (start, end) = (pos(range.start)?, pos(range.end)?);
                doc.delete(start, end);
            }
        }
    }
    Ok(doc.text())
}

fn byte_of(text: &str, offset: usize) -> Result<usize, OpError> {
    let mut indices = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    indices.nth(offset).ok_or_else(|| OpError {
        offset,
        len: text.chars().count(),
    })
}

/// Undrained operations, with neighbouring keystrokes merged so a typed word
/// journals as one insert.
#[derive(Debug, Default)]
pub(crate) struct OpLog {
    ops: Vec<EditOp>,
}

impl OpLog {
    pub fn push(&mut self, op: EditOp) {
        let merged = match (self.ops.last_mut(), &op) {
            // Typing on: the new text follows the last insert.
            (Some(EditOp::Insert { at, text }), EditOp::Insert { at: at2, text: t2 })
                if *at2 == *at + text.chars().count() =>
            {
                text.push_str(t2);
                true
            }
            // Backspace after Backspace, or Delete after Delete.
            (Some(EditOp::Delete { range }), EditOp::Delete { range: r2 })
                if r2.end == range.start =>
            {
                range.start = r2.start;
                true
            }
            (Some(EditOp::Delete { range }), EditOp::Delete { range: r2 })
                if r2.start == range.start =>
            {
                range.end += r2.end - r2.start;
                true
            }
            // Backspace over the tail of what was just typed.
            (Some(EditOp::Insert { at, text }), EditOp::Delete { range: r2 })
                if r2.end == *at + text.chars().count() && r2.start >= *at =>
            {
                let keep = r2.start - *at;
                let byte = text.char_indices().nth(keep).map_or(text.len(), |(b, _)| b);
                text.truncate(byte);
                true
            }
            _ => false,
        };
        if !merged {
            self.ops.push(op);
        }
        if let Some(EditOp::Insert { text, .. }) = self.ops.last()
            && text.is_empty()
        {
            self.ops.pop();
        }
    }

    pub fn take(&mut self) -> Vec<EditOp> {
        std::mem::take(&mut self.ops)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(at: usize, text: &str) -> EditOp {
        EditOp::Insert {
            at,
            text: text.into(),
        }
    }

    fn del(range: Range<usize>) -> EditOp {
        EditOp::Delete { range }
    }

    #[test]
    fn replay_uses_char_offsets_not_bytes() {
        let mut text = String::from("café 中文");
        apply_op(&mut text, &ins(4, "!")).unwrap();
        assert_eq!(text, "café! 中文");
        apply_op(&mut text, &del(6..7)).unwrap();
        assert_eq!(text, "café! 文");
        apply_op(&mut text, &ins(7, "…")).unwrap();
        assert_eq!(text, "café! 文…");
    }

    #[test]
    fn replay_rejects_offsets_past_the_end() {
        let mut text = String::from("abc");
        assert_eq!(
            apply_op(&mut text, &ins(4, "x")),
            Err(OpError { offset: 4, len: 3 })
        );
        assert!(apply_op(&mut text, &del(2..5)).is_err());
        assert_eq!(text, "abc");
    }

    #[test]
    fn replaying_a_journal_matches_applying_each_op() {
        let start = "Minutes\r\nof the board\n中文";
        let ops = [
            ins(7, "\nDraft"),
            del(0..3),
            ins(20, "é\n\n"),
            del(5..12),
            ins(0, "Z"),
        ];
        let mut one_by_one = start.to_owned();
        for op in &ops {
            apply_op(&mut one_by_one, op).unwrap();
        }
        assert_eq!(replay_ops(start, &ops).unwrap(), one_by_one);
        assert_eq!(
            replay_ops("abc", &[del(1..2), ins(3, "x")]),
            Err(OpError { offset: 3, len: 2 })
        );
    }

    #[test]
    fn keystrokes_merge_into_few_ops() {
        let mut log = OpLog::default();
        for (i, c) in "minutes".chars().enumerate() {
            log.push(ins(10 + i, &c.to_string()));
        }
        // Two backspaces eat into the typed word.
        log.push(del(16..17));
        log.push(del(15..16));
        assert_eq!(log.take(), vec![ins(10, "minut")]);
        // Backspace runs and forward-delete runs merge too.
        log.push(del(9..10));
        log.push(del(8..9));
        log.push(ins(3, "x"));
        log.push(del(3..4));
        log.push(del(20..21));
        log.push(del(20..22));
        assert_eq!(log.take(), vec![del(8..10), del(20..23)]);
    }

    #[test]
    fn ops_serialise_compactly() {
        let json = serde_json::to_string(&ins(3, "a")).unwrap();
        assert_eq!(json, r#"{"op":"insert","at":3,"text":"a"}"#);
        let back: EditOp =
            serde_json::from_str(r#"{"op":"delete","range":{"start":1,"end":2}}"#).unwrap();
        assert_eq!(back, del(1..2));
    }
}
