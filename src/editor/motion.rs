//! Cursor motions over graphemes, words and wrapped rows. Each looks only at the
//! lines it crosses, so moving costs the same in any size of minutes.

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use super::buffer::{Document, Pos};
use super::wrap::{byte_at_x, row_bounds, row_of, text_width};

pub(crate) fn prev_boundary(text: &str, byte: usize) -> usize {
    let mut c = GraphemeCursor::new(byte, text.len(), true);
    c.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

pub(crate) fn next_boundary(text: &str, byte: usize) -> usize {
    let mut c = GraphemeCursor::new(byte, text.len(), true);
    c.next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

pub(crate) fn is_boundary(text: &str, byte: usize) -> bool {
    text.is_char_boundary(byte)
        && GraphemeCursor::new(byte, text.len(), true)
            .is_boundary(text, 0)
            .unwrap_or(true)
}

/// Moves `byte` forward to the next grapheme boundary if an edit left it inside
/// a grapheme (a combining mark typed after a letter joins it).
pub(crate) fn snap(text: &str, byte: usize) -> usize {
    if is_boundary(text, byte) {
        return byte;
    }
    let mut b = byte;
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    next_boundary(text, b)
}

pub(crate) fn left(doc: &Document, pos: Pos) -> Pos {
    if pos.byte > 0 {
        Pos::new(pos.line, prev_boundary(doc.line_text(pos.line), pos.byte))
    } else if pos.line > 0 {
        Pos::new(pos.line - 1, doc.line_len(pos.line - 1))
    } else {
        pos
    }
}

pub(crate) fn right(doc: &Document, pos: Pos) -> Pos {
    let text = doc.line_text(pos.line);
    if pos.byte < text.len() {
        Pos::new(pos.line, next_boundary(text, pos.byte))
    } else if pos.line + 1 < doc.line_count() {
        Pos::new(pos.line + 1, 0)
    } else {
        pos
    }
}

/// Word, punctuation or space, by the grapheme's first char.
fn class(g: &str) -> u8 {
    match g.chars().next() {
        Some(c) if c.is_whitespace() => 0,
        Some(c) if c.is_alphanumeric() || c == '_' => 1,
        _ => 2,
    }
}

/// Start of the word before the cursor (Ctrl-Left, Ctrl-Backspace). At the
/// start of a line it goes to the end of the line above.
pub(crate) fn word_left(doc: &Document, pos: Pos) -> Pos {
    if pos.byte == 0 {
        return left(doc, pos);
    }
    let text = &doc.line_text(pos.line)[..pos.byte];
    let mut graphemes = text.grapheme_indices(true).rev().peekable();
    while graphemes.next_if(|(_, g)| class(g) == 0).is_some() {}
    let Some(&(_, g)) = graphemes.peek() else {
        return Pos::new(pos.line, 0);
    };
    let word = class(g);
    let mut start = 0;
    while let Some((i, _)) = graphemes.next_if(|(_, g)| class(g) == word) {
        start = i;
    }
    Pos::new(pos.line, start)
}

/// Start of the next word (Ctrl-Right, Ctrl-Delete). At the end of a line it
/// goes to the start of the next line.
pub(crate) fn word_right(doc: &Document, pos: Pos) -> Pos {
    let line = doc.line_text(pos.line);
    if pos.byte == line.len() {
        return right(doc, pos);
    }
    let mut graphemes = line[pos.byte..].grapheme_indices(true).peekable();
    let first = class(graphemes.peek().expect("not at line end").1);
    if first != 0 {
        while graphemes.next_if(|(_, g)| class(g) == first).is_some() {}
    }
    while graphemes.next_if(|(_, g)| class(g) == 0).is_some() {}
    let byte = graphemes.peek().map_or(line.len(), |&(i, _)| pos.byte + i);
    Pos::new(pos.line, byte)
}

/// A screen row: a logical line and the index of one of its wrapped rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct RowRef {
    pub line: usize,
    pub row: usize,
}

pub(crate) fn row_ref(doc: &mut Document, width: usize, pos: Pos) -> RowRef {
    let (_, starts) = doc.wrapped(pos.line, width);
    RowRef {
        line: pos.line,
        row: row_of(starts, pos.byte),
    }
}

/// The row `n` rows below (or above, if negative) `from`, stopping at the ends.
pub(crate) fn step_rows(doc: &mut Document, width: usize, from: RowRef, n: isize) -> RowRef {
    let mut at = from;
    if n >= 0 {
        for _ in 0..n {
            let rows = doc.wrapped(at.line, width).1.len() + 1;
            if at.row + 1 < rows {
                at.row += 1;
            } else if at.line + 1 < doc.line_count() {
                at = RowRef {
                    line: at.line + 1,
                    row: 0,
                };
            } else {
                break;
            }
        }
    } else {
        for _ in 0..n.unsigned_abs() {
            if at.row > 0 {
                at.row -= 1;
            } else if at.line > 0 {
                let rows = doc.wrapped(at.line - 1, width).1.len() + 1;
                at = RowRef {
                    line: at.line - 1,
                    row: rows - 1,
                };
            } else {
                break;
            }
        }
    }
    at
}

/// Column of `pos` within its row.
pub(crate) fn column(doc: &mut Document, width: usize, pos: Pos) -> usize {
    let (text, starts) = doc.wrapped(pos.line, width);
    let (start, _) = row_bounds(starts, row_of(starts, pos.byte), text.len());
    text_width(&text[start..pos.byte])
}

/// The byte nearest to column `x` in a row.
pub(crate) fn pos_in_row(doc: &mut Document, width: usize, at: RowRef, x: usize) -> Pos {
    let (text, starts) = doc.wrapped(at.line, width);
    let last = at.row == starts.len();
    let (start, end) = row_bounds(starts, at.row, text.len());
    Pos::new(at.line, byte_at_x(text, start, end, last, x))
}

/// Up/Down/PgUp/PgDn: `n` rows, at the wanted column `goal`. Past the first or
/// last row the cursor goes to the start or end of the minutes.
pub(crate) fn vertical(doc: &mut Document, width: usize, pos: Pos, goal: usize, n: isize) -> Pos {
    let from = row_ref(doc, width, pos);
    let to = step_rows(doc, width, from, n);
    if to == from {
        return if n < 0 { Pos::default() } else { doc.end() };
    }
    pos_in_row(doc, width, to, goal)
}

/// Home: start of the row, or of the paragraph when already there.
pub(crate) fn home(doc: &mut Document, width: usize, pos: Pos) -> Pos {
    let (_, starts) = doc.wrapped(pos.line, width);
    let (start, _) = row_bounds(starts, row_of(starts, pos.byte), usize::MAX);
    Pos::new(pos.line, if start == pos.byte { 0 } else { start })
}

/// End: end of the row, or of the paragraph when already there.
pub(crate) fn end(doc: &mut Document, width: usize, pos: Pos) -> Pos {
    let at = row_ref(doc, width, pos);
    let row_end = pos_in_row(doc, width, at, usize::MAX);
    if row_end == pos {
        Pos::new(pos.line, doc.line_len(pos.line))
    } else {
        row_end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_spaces_and_punctuation_runs() {
        let doc = Document::from_text("Motion: carried, 5-0.\nnext");
        let mut pos = Pos::default();
        let mut stops = vec![];
        while pos != doc.end() {
            pos = word_right(&doc, pos);
            stops.push(pos.byte);
        }
        assert_eq!(stops, [6, 8, 15, 17, 18, 19, 20, 21, 0, 4]);
        assert_eq!(word_left(&doc, Pos::new(0, 15)), Pos::new(0, 8));
        assert_eq!(word_left(&doc, Pos::new(0, 17)), Pos::new(0, 15));
        assert_eq!(word_left(&doc, Pos::new(1, 0)), Pos::new(0, 21));
        assert_eq!(word_left(&doc, Pos::new(0, 2)), Pos::new(0, 0));
    }

    #[test]
    fn arrows_step_over_whole_graphemes() {
        let doc = Document::from_text("e\u{301}👩\u{200d}💻x");
        let p = right(&doc, Pos::default());
        assert_eq!(p.byte, 3);
        let p = right(&doc, p);
        assert_eq!(p.byte, 3 + "👩\u{200d}💻".len());
        assert_eq!(left(&doc, p).byte, 3);
        assert_eq!(snap(doc.line_text(0), 1), 3);
    }

    #[test]
    fn up_and_down_keep_the_wanted_column_across_wrapped_rows() {
        // Width 10: "aaaa bbbb " / "cc" / then "dddddddddd".
        let mut doc = Document::from_text("aaaa bbbb cc\ndddddddddd");
        let start = Pos::new(0, 7);
        let down = vertical(&mut doc, 10, start, 7, 1);
        assert_eq!(down, Pos::new(0, 12)); // short row: end of line
        let down2 = vertical(&mut doc, 10, down, 7, 1);
        assert_eq!(down2, Pos::new(1, 7)); // wanted column comes back
        assert_eq!(vertical(&mut doc, 10, down2, 7, -2), start);
        assert_eq!(vertical(&mut doc, 10, start, 7, -1), Pos::default());
    }

    #[test]
    fn home_and_end_go_to_the_row_then_the_paragraph() {
        let mut doc = Document::from_text("aaaa bbbb cccc");
        let p = Pos::new(0, 12);
        let h = home(&mut doc, 10, p);
        assert_eq!(h, Pos::new(0, 10));
        assert_eq!(home(&mut doc, 10, h), Pos::new(0, 0));
        let e = end(&mut doc, 10, Pos::new(0, 1));
        assert_eq!(e, Pos::new(0, 9)); // before the space that ends the row
        assert_eq!(end(&mut doc, 10, e), Pos::new(0, 14));
    }
}
