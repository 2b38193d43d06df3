//! The part of the minutes on screen, anchored to a row of a paragraph rather
//! than to a global row number, so scrolling and drawing never count the rows
//! above: their cost is the height of the pane, whatever the length of the text.

use ratatui::layout::{Position, Rect};

use super::Editor;
use super::buffer::{Document, Pos};
use super::motion::{RowRef, row_ref, step_rows};
use super::wrap::{row_bounds, row_of, text_width};

/// Columns taken by the gutter of marks, when the pane is wide enough for it.
const GUTTER: u16 = 2;
/// Panes narrower than this show text only.
const GUTTER_MIN_WIDTH: u16 = 8;
/// What the find bar says before the query.
pub(crate) const FIND_LABEL: &str = "Find: ";

/// Where the gutter, the text and the find bar go in the editor's (non-empty) area.
pub(crate) struct Parts {
    pub gutter: u16,
    pub text: Rect,
    pub find_bar: Option<Rect>,
}

impl Parts {
    pub fn of(area: Rect, searching: bool) -> Parts {
        let gutter = if area.width >= GUTTER_MIN_WIDTH {
            GUTTER
        } else {
            0
        };
        let find_bar = (searching && area.height >= 2)
            .then(|| Rect::new(area.x, area.bottom() - 1, area.width, 1));
        let text = Rect {
            x: area.x + gutter,
            width: area.width - gutter,
            height: area.height - u16::from(find_bar.is_some()),
            ..area
        };
        Parts {
            gutter,
            text,
            find_bar,
        }
    }
}

impl Editor {
    /// Lays the editor out in `area` of the screen, as the next draw will show it: the
    /// text's columns and rows, the viewport scrolled just enough to show the cursor,
    /// the rows on screen wrapped into the caches, and where the terminal cursor goes.
    /// Call it after every change to the text, the cursor, the find bar or the area;
    /// it costs the rows on screen, whatever the length of the text.
    pub fn lay_out(&mut self, area: Rect) {
        self.view.cursor = None;
        if area.is_empty() {
            return;
        }
        let parts = Parts::of(area, self.search.active);
        let width = usize::from(parts.text.width);
        self.view.width = width;
        self.view.height = usize::from(parts.text.height);
        self.view.follow(&mut self.doc, self.cursor);
        let mut at = self.view.top_row(&mut self.doc);
        for y in parts.text.top()..parts.text.bottom() {
            if at.line >= self.doc.line_count() {
                break;
            }
            let (text, starts) = self.doc.wrapped(at.line, width);
            let cursor = self.cursor;
            if !self.search.active
                && cursor.line == at.line
                && row_of(starts, cursor.byte) == at.row
            {
                let (start, _) = row_bounds(starts, at.row, text.len());
                let x = text_width(&text[start..cursor.byte]).min(width - 1);
                self.view.cursor = Some(Position::new(parts.text.x + x as u16, y));
            }
            at.row += 1;
            if at.row > starts.len() {
                at.line += 1;
                at.row = 0;
            }
        }
        if let Some(bar) = parts.find_bar {
            let x = text_width(FIND_LABEL) + text_width(&self.search.query);
            let x = (x as u16).min(bar.width - 1);
            self.view.cursor = Some(Position::new(bar.x + x, bar.y));
        }
    }
}

#[derive(Debug)]
pub(crate) struct Viewport {
    /// Paragraph and byte where the top row starts; a byte rather than a row
    /// index so the same text stays on top when the width changes.
    pub top: Pos,
    /// Text columns and rows as last laid out (Up/Down and PgUp/PgDn need them too).
    pub width: usize,
    pub height: usize,
    /// Screen position of the cursor as last laid out.
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
        row_ref(doc, self.width, self.top_pos(doc))
    }

    /// The top row at `width`, read without wrapping into the caches: for drawing.
    pub fn top_at(&self, doc: &Document, width: usize) -> RowRef {
        let top = self.top_pos(doc);
        RowRef {
            line: top.line,
            row: row_of(&doc.rows(top.line, width), top.byte),
        }
    }

    /// Where the top row starts, kept within the text whatever edits happened.
    fn top_pos(&self, doc: &Document) -> Pos {
        let line = self.top.line.min(doc.line_count() - 1);
        Pos::new(line, self.top.byte.min(doc.line_len(line)))
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
