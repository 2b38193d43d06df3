//! Drawing the editor into a ratatui buffer: only the rows on screen are
//! visited, each cell written once, so a draw costs the same at any text size.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Editor;
use super::buffer::Pos;
use super::marks::LineMark;
use super::search::matches_in_line;
use super::wrap::{grapheme_width, row_bounds, row_of, text_width};

/// Columns taken by the gutter of marks, when the pane is wide enough for it.
const GUTTER: u16 = 2;
/// Panes narrower than this show text only.
const GUTTER_MIN_WIDTH: u16 = 8;

/// Styles the editor draws with. Marks always come with a gutter letter and a
/// modifier as well as a colour, so they read in monochrome too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorStyle {
    pub text: Style,
    pub selection: Style,
    pub search_match: Style,
    pub current_match: Style,
    pub action: Style,
    pub decision: Style,
    pub resolved: Style,
    /// Continuation rows of a marked paragraph and the find bar.
    pub gutter: Style,
    pub find_bar: Style,
}

impl Default for EditorStyle {
    fn default() -> Self {
        Self {
            text: Style::default(),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            search_match: Style::new()
                .add_modifier(Modifier::UNDERLINED)
                .bg(Color::Yellow)
                .fg(Color::Black),
            current_match: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            action: Style::new().add_modifier(Modifier::BOLD).fg(Color::Yellow),
            decision: Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan),
            resolved: Style::new()
                .add_modifier(Modifier::BOLD | Modifier::ITALIC)
                .fg(Color::Green),
            gutter: Style::new().add_modifier(Modifier::DIM),
            find_bar: Style::new().add_modifier(Modifier::REVERSED),
        }
    }
}

impl EditorStyle {
    fn mark(&self, mark: LineMark) -> Style {
        match mark {
            LineMark::Action => self.action,
            LineMark::Decision => self.decision,
            LineMark::Resolved => self.resolved,
        }
    }
}

/// Draws the editor; the wrap width follows the area. Takes `&mut` because
/// drawing scrolls to the cursor and fills the wrap caches of the rows shown.
impl Widget for &mut Editor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area.intersection(buf.area), buf);
    }
}

/// What one paragraph needs for drawing, worked out once per paragraph.
struct LineDecor {
    mark: Option<(LineMark, Range<usize>)>,
    matches: Vec<Range<usize>>,
    /// Selected byte range, and whether the selection runs on past the end.
    selected: Option<(Range<usize>, bool)>,
}

impl Editor {
    fn draw(&mut self, area: Rect, buf: &mut Buffer) {
        self.view.cursor = None;
        if area.is_empty() {
            return;
        }
        let gutter = if area.width >= GUTTER_MIN_WIDTH {
            GUTTER
        } else {
            0
        };
        let find_bar = self.search.active && area.height >= 2;
        let text_area = Rect {
            x: area.x + gutter,
            width: area.width - gutter,
            height: area.height - u16::from(find_bar),
            ..area
        };
        self.view.width = usize::from(text_area.width);
        self.view.height = usize::from(text_area.height);
        self.view.follow(&mut self.doc, self.cursor);

        let mut at = self.view.top_row(&mut self.doc);
        let mut decor_line = usize::MAX;
        let mut decor = None;
        for y in text_area.top()..text_area.bottom() {
            if at.line >= self.doc.line_count() {
                blank(buf, Rect::new(area.x, y, area.width, 1), self.style.text);
                continue;
            }
            if decor_line != at.line {
                decor = Some(self.decor(at.line));
                decor_line = at.line;
            }
            let decor = decor.as_ref().expect("computed above");
            let rows = self.draw_row(buf, area.x, text_area, y, at.line, at.row, decor, gutter);
            at.row += 1;
            if at.row >= rows {
                at.line += 1;
                at.row = 0;
            }
        }
        if find_bar {
            self.draw_find_bar(buf, Rect::new(area.x, area.bottom() - 1, area.width, 1));
        }
    }

    fn decor(&self, line: usize) -> LineDecor {
        let text = self.doc.line_text(line);
        let matches = if self.search.active {
            matches_in_line(text, &self.search.query)
        } else {
            Vec::new()
        };
        let selected = self.selected().and_then(|(s, e)| {
            (s.line <= line && line <= e.line).then(|| {
                let from = if s.line == line { s.byte } else { 0 };
                let to = if e.line == line { e.byte } else { text.len() };
                (from..to, e.line > line)
            })
        });
        LineDecor {
            mark: LineMark::of(text),
            matches,
            selected,
        }
    }

    /// Draws one screen row and returns the paragraph's row count.
    #[allow(clippy::too_many_arguments)]
    fn draw_row(
        &mut self,
        buf: &mut Buffer,
        x0: u16,
        text_area: Rect,
        y: u16,
        line: usize,
        row: usize,
        decor: &LineDecor,
        gutter: u16,
    ) -> usize {
        let style = self.style.clone();
        let (text, starts) = self.doc.wrapped(line, text_area.width.into());
        let rows = starts.len() + 1;
        let (start, end) = row_bounds(starts, row, text.len());
        let cursor_here = self.cursor.line == line && row_of(starts, self.cursor.byte) == row;

        if gutter > 0 {
            let (symbol, gstyle) = match &decor.mark {
                Some((mark, _)) if row == 0 => (mark.symbol(), style.mark(*mark)),
                Some((mark, _)) => ("│", style.mark(*mark).add_modifier(Modifier::DIM)),
                None => (" ", style.gutter),
            };
            set(buf, x0, y, symbol, gstyle);
            for x in x0 + 1..x0 + gutter {
                set(buf, x, y, " ", style.text);
            }
        }

        let width = usize::from(text_area.width);
        let mut col = 0;
        for (i, g) in text[start..end].grapheme_indices(true) {
            let byte = start + i;
            let w = grapheme_width(g);
            if col >= width {
                break; // a space hanging past the edge
            }
            let mut cell_style = style.text;
            if let Some((mark, kw)) = &decor.mark
                && kw.contains(&byte)
            {
                cell_style = style.mark(*mark);
            }
            if let Some(m) = decor.matches.iter().find(|m| m.contains(&byte)) {
                let current = self.search.current.map(|(s, _)| s) == Some(Pos::new(line, m.start));
                cell_style = if current {
                    style.current_match
                } else {
                    style.search_match
                };
            }
            if decor
                .selected
                .as_ref()
                .is_some_and(|(r, _)| r.contains(&byte))
            {
                cell_style = cell_style.patch(style.selection);
            }
            let x = text_area.x + col as u16;
            if col + w > width {
                // A wide character in a pane too narrow for it.
                set(buf, x, y, "…", cell_style);
            } else if g.width() == 0 {
                // A lone combining mark: give it a base so it has a cell.
                set(buf, x, y, &format!(" {g}"), cell_style);
            } else {
                set(buf, x, y, g, cell_style);
                if w == 2 {
                    // The cell under the right half of a wide character.
                    if let Some(cell) = buf.cell_mut((x + 1, y)) {
                        cell.reset();
                        cell.set_style(cell_style);
                    }
                }
            }
            col += w;
        }
        let mut fill = col;
        // Show that the selection takes the paragraph break with it.
        if let Some((_, true)) = decor.selected
            && row + 1 == rows
            && fill < width
        {
            set(buf, text_area.x + fill as u16, y, " ", style.selection);
            fill += 1;
        }
        for c in fill..width {
            set(buf, text_area.x + c as u16, y, " ", style.text);
        }

        if cursor_here && !self.search.active {
            let x = text_width(&text[start..self.cursor.byte]).min(width - 1);
            self.view.cursor = Some(Position::new(text_area.x + x as u16, y));
        }
        rows
    }

    fn draw_find_bar(&mut self, buf: &mut Buffer, bar: Rect) {
        let style = self.style.find_bar;
        blank(buf, bar, style);
        let label = "Find: ";
        let status = if self.search.failed {
            "  (not found)"
        } else {
            ""
        };
        let line = format!("{label}{}{status}", self.search.query);
        buf.set_stringn(bar.x, bar.y, &line, bar.width.into(), style);
        let x = text_width(label) + text_width(&self.search.query);
        let x = (x as u16).min(bar.width - 1);
        self.view.cursor = Some(Position::new(bar.x + x, bar.y));
    }
}

fn set(buf: &mut Buffer, x: u16, y: u16, symbol: &str, style: Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_symbol(symbol).set_style(style);
    }
}

fn blank(buf: &mut Buffer, area: Rect, style: Style) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            set(buf, x, y, " ", style);
        }
    }
}
