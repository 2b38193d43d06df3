//! Drawing the editor into a ratatui buffer: only the rows on screen are
//! visited, each cell written once, so a draw costs the same at any text size.
//! Drawing reads the editor as [`Editor::lay_out`] left it and changes nothing.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Editor;
use super::buffer::Pos;
use super::marks::LineMark;
use super::search::matches_in_line;
use super::viewport::{FIND_LABEL, Parts};
use super::wrap::{grapheme_width, row_bounds};

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

/// Draws the editor where [`Editor::lay_out`] last placed it, reading only: the viewport
/// and the cached wraps come from `update`, so a draw changes nothing.
impl Widget for &Editor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area.intersection(buf.area), buf);
    }
}

/// An editor drawn on its own (tests, benches) is laid out in the area it is drawn in
/// first; the workspace lays its editor out in `update` and draws `&Editor`.
impl Widget for &mut Editor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        self.lay_out(area);
        (&*self).render(area, buf);
    }
}

/// What one paragraph needs for drawing, worked out once per paragraph.
struct LineDecor<'a> {
    /// Row starts at the width drawn.
    starts: Cow<'a, [u32]>,
    mark: Option<(LineMark, Range<usize>)>,
    matches: Vec<Range<usize>>,
    /// Selected byte range, and whether the selection runs on past the end.
    selected: Option<(Range<usize>, bool)>,
}

/// One screen row: where it is drawn and which row of which paragraph it shows.
#[derive(Clone, Copy)]
struct RowAt {
    y: u16,
    line: usize,
    row: usize,
}

impl Editor {
    fn draw(&self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let parts = Parts::of(area, self.search.active);
        let width = usize::from(parts.text.width);
        let mut at = self.view.top_at(&self.doc, width);
        let mut decor: Option<(usize, LineDecor)> = None;
        for y in parts.text.top()..parts.text.bottom() {
            if at.line >= self.doc.line_count() {
                blank(buf, Rect::new(area.x, y, area.width, 1), self.style.text);
                continue;
            }
            if decor.as_ref().is_none_or(|(line, _)| *line != at.line) {
                decor = Some((at.line, self.decor(at.line, width)));
            }
            let (_, decor) = decor.as_ref().expect("computed above");
            let row = RowAt {
                y,
                line: at.line,
                row: at.row,
            };
            self.draw_row(buf, area.x, &parts, row, decor);
            at.row += 1;
            if at.row > decor.starts.len() {
                at.line += 1;
                at.row = 0;
            }
        }
        if let Some(bar) = parts.find_bar {
            self.draw_find_bar(buf, bar);
        }
    }

    fn decor(&self, line: usize, width: usize) -> LineDecor<'_> {
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
            starts: self.doc.rows(line, width),
            mark: LineMark::of(text),
            matches,
            selected,
        }
    }

    /// Draws one screen row: its gutter, its text, and the blank after it.
    fn draw_row(&self, buf: &mut Buffer, x0: u16, parts: &Parts, at: RowAt, decor: &LineDecor) {
        let text = self.doc.line_text(at.line);
        let (start, end) = row_bounds(&decor.starts, at.row, text.len());
        if parts.gutter > 0 {
            self.draw_gutter(buf, x0, parts.gutter, at, decor);
        }
        let text_area = parts.text;
        let width = usize::from(text_area.width);
        let mut col = 0;
        for (i, g) in text[start..end].grapheme_indices(true) {
            if col >= width {
                break; // a space hanging past the edge
            }
            let w = grapheme_width(g);
            let cell_style = self.cell_style(at.line, start + i, decor);
            let x = text_area.x + col as u16;
            if col + w > width {
                // A wide character in a pane too narrow for it.
                set(buf, x, at.y, "…", cell_style);
            } else if g.width() == 0 {
                // A lone combining mark: give it a base so it has a cell.
                set(buf, x, at.y, &format!(" {g}"), cell_style);
            } else {
                set(buf, x, at.y, g, cell_style);
                if w == 2 {
                    // The cell under the right half of a wide character.
                    if let Some(cell) = buf.cell_mut((x + 1, at.y)) {
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
            && at.row == decor.starts.len()
            && fill < width
        {
            set(
                buf,
                text_area.x + fill as u16,
                at.y,
                " ",
                self.style.selection,
            );
            fill += 1;
        }
        for c in fill..width {
            set(buf, text_area.x + c as u16, at.y, " ", self.style.text);
        }
    }

    /// The mark's letter on a paragraph's first row, a bar on the rows under it.
    fn draw_gutter(&self, buf: &mut Buffer, x0: u16, gutter: u16, at: RowAt, decor: &LineDecor) {
        let style = &self.style;
        let (symbol, gstyle) = match &decor.mark {
            Some((mark, _)) if at.row == 0 => (mark.symbol(), style.mark(*mark)),
            Some((mark, _)) => ("│", style.mark(*mark).add_modifier(Modifier::DIM)),
            None => (" ", style.gutter),
        };
        set(buf, x0, at.y, symbol, gstyle);
        for x in x0 + 1..x0 + gutter {
            set(buf, x, at.y, " ", style.text);
        }
    }

    /// The style of the grapheme at `byte`: its mark's keyword, a find match, the selection.
    fn cell_style(&self, line: usize, byte: usize, decor: &LineDecor) -> Style {
        let style = &self.style;
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
        cell_style
    }

    fn draw_find_bar(&self, buf: &mut Buffer, bar: Rect) {
        let style = self.style.find_bar;
        blank(buf, bar, style);
        let status = if self.search.failed {
            "  (not found)"
        } else {
            ""
        };
        let line = format!("{FIND_LABEL}{}{status}", self.search.query);
        buf.set_stringn(bar.x, bar.y, &line, bar.width.into(), style);
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

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;

    fn frame(ed: &Editor, area: Rect) -> Buffer {
        let mut buf = Buffer::empty(area);
        ed.render(area, &mut buf);
        buf
    }

    #[test]
    fn drawing_a_laid_out_editor_reads_it_and_shows_what_lay_out_placed() {
        let mut ed = Editor::new(&"the board noted the report ".repeat(30));
        ed.handle_key(KeyEvent::new(KeyCode::End, KeyModifiers::CONTROL));
        let area = Rect::new(3, 2, 30, 6);
        ed.lay_out(area);
        let before = format!("{ed:?}");
        let once = frame(&ed, area);
        assert_eq!(format!("{ed:?}"), before, "drawing changed the editor");
        assert_eq!(frame(&ed, area), once, "the same frame twice");
        // The editor on its own, laid out by its own draw, shows the same.
        let mut alone = Editor::new(&ed.text());
        alone.set_cursor_offset(ed.cursor_offset());
        let mut buf = Buffer::empty(area);
        (&mut alone).render(area, &mut buf);
        assert_eq!(buf, once);
        assert_eq!(alone.cursor_position(), ed.cursor_position());
    }

    #[test]
    fn drawn_at_a_width_it_was_not_laid_out_for_the_text_still_wraps_right() {
        // Nothing cached for 20 columns: the draw wraps afresh and keeps nothing.
        let mut ed = Editor::new("Apologies were received from Cllr Raman and Cllr Bell.");
        ed.lay_out(Rect::new(0, 0, 40, 5));
        let before = format!("{ed:?}");
        let narrow = frame(&ed, Rect::new(0, 0, 20, 5));
        assert_eq!(format!("{ed:?}"), before, "drawing changed the editor");
        let mut fresh = Editor::new(&ed.text());
        let mut want = Buffer::empty(narrow.area);
        (&mut fresh).render(narrow.area, &mut want);
        assert_eq!(narrow, want);
    }
}
