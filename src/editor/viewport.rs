//! The part of the minutes on screen, anchored to a row of a paragraph rather
//! than to a global row number, so scrolling and drawing never count the rows
//! above: their cost is the height of the pane, whatever the length of the text.

use ratatui::layout::Position;

use super::buffer::{Document, Pos};
use super::motion::{RowRef, row_ref, step_rows};
use super::wrap::row_bounds;

#[derive(Debug)]
pub(crate) struct Viewport {
    /// Paragraph and byte where the top row starts; a byte rather than a row
    /// index so the same text stays on top when the width changes.
    pub top: Pos,
    /// Text columns and rows of the last draw (Up/Down and PgUp/PgDn need them
    /// between draws).
    pub width: usize,
    pub height: usize,
    /// Screen position of the cursor at the last draw.
    pub cursor: Option<Position>,
}

impl Default for Viewport {
    fn default() -> Self {
        Self {
            top: Pos::default(),
            width: 80,
            height: 24,
            cursor: None,
        }
    }
}

impl Viewport {
    /// The top row for the current width, after whatever edits happened.
    pub fn top_row(&mut self, doc: &mut Document) -> RowRef {
        let line = self.top.line.min(doc.line_count() - 1);
        let byte = self.top.byte.min(doc.line_len(line));
        row_ref(doc, self.width, Pos::new(line, byte))
    }

    fn set_top(&mut self, doc: &mut Document, at: RowRef) {
        let (text, starts) = doc.wrapped(at.line, self.width);
        let (start, _) = row_bounds(starts, at.row, text.len());
        self.top = Pos::new(at.line, start);
    }

    /// Scrolls by `n` rows (negative: up).
    pub fn scroll(&mut self, doc: &mut Document, n: isize) {
        let top = self.top_row(doc);
        let to = step_rows(doc, self.width, top, n);
        self.set_top(doc, to);
    }

    /// Scrolls just enough to show the cursor's row.
    pub fn follow(&mut self, doc: &mut Document, cursor: Pos) {
        let top = self.top_row(doc);
        let row = row_ref(doc, self.width, cursor);
        let new_top = if row < top {
            row
        } else {
            let lowest_top = step_rows(doc, self.width, row, 1 - self.height.max(1) as isize);
            top.max(lowest_top)
        };
        self.set_top(doc, new_top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(width: usize, height: usize) -> Viewport {
        Viewport {
            width,
            height,
            ..Viewport::default()
        }
    }

    #[test]
    fn follows_the_cursor_down_and_back_up() {
        let text: Vec<String> = (0..100).map(|i| format!("paragraph {i}")).collect();
        let mut doc = Document::from_text(&text.join("\n"));
        let mut v = view(40, 10);
        v.follow(&mut doc, Pos::new(50, 0));
        assert_eq!(v.top, Pos::new(41, 0)); // cursor on the last row
        v.follow(&mut doc, Pos::new(45, 3));
        assert_eq!(v.top, Pos::new(41, 0)); // already visible: no jump
        v.follow(&mut doc, Pos::new(3, 0));
        assert_eq!(v.top, Pos::new(3, 0));
    }

    #[test]
    fn the_top_row_survives_a_resize() {
        let mut doc = Document::from_text("aaaa bbbb cccc dddd eeee");
        let mut v = view(5, 2);
        v.follow(&mut doc, Pos::new(0, 20)); // rows of 5: "eeee" is row 4
        assert_eq!(v.top, Pos::new(0, 15));
        v.width = 10;
        assert_eq!(v.top_row(&mut doc), RowRef { line: 0, row: 1 });
    }
}
