//! The panes' lists on ratatui's `Table`: a titled block, a header, the selection kept in
//! view, a scrollbar when the rows overflow, and each cell shortened to its column.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Borders, HighlightSpacing, Paragraph, Row, Scrollbar, ScrollbarOrientation,
    ScrollbarState, Table, TableState,
};

use super::scroll_for;
use crate::ui::theme::Theme;

/// Marks the selected row; unselected rows keep its width blank, so columns never move.
const HIGHLIGHT: &str = "› ";
/// Columns between columns.
const SPACING: u16 = 1;

/// Where a list goes inside its pane: the block, the table in it, and room for a scrollbar.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    block: Rect,
    table: Rect,
    /// The rows' column at the right, when they do not all fit.
    bar: Option<Rect>,
    /// Lines the header takes.
    header: u16,
    /// Rows on screen at once.
    visible: usize,
    len: usize,
}

/// Places a list of `len` rows of one line under a one-line header in `area`.
pub fn place(area: Rect, len: usize) -> Placed {
    place_rows(area, len, 1, 1)
}

/// Places a list of `len` rows, each `row_height` lines, under a header of `header` lines.
pub fn place_rows(area: Rect, len: usize, row_height: u16, header: u16) -> Placed {
    let inner = block("").inner(area);
    let rows_h = inner.height.saturating_sub(header);
    let visible = usize::from(rows_h / row_height.max(1));
    let overflow = len > visible && inner.width > 1;
    let (table, bar) = match overflow {
        true => {
            let [table, bar] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
            (table, Some(Rect::new(bar.x, bar.y + header, 1, rows_h)))
        }
        false => (inner, None),
    };
    Placed {
        block: area,
        table,
        bar,
        header,
        visible,
        len,
    }
}

impl Placed {
    /// The width of each column as the table will lay them out, so a cell can be shortened
    /// with an ellipsis instead of being cut.
    pub fn columns(&self, widths: &[Constraint]) -> Vec<usize> {
        let sel = unicode_width::UnicodeWidthStr::width(HIGHLIGHT) as u16;
        let room = Rect::new(0, 0, self.table.width.saturating_sub(sel), 1);
        Layout::horizontal(widths.iter().copied())
            .spacing(SPACING)
            .split(room)
            .iter()
            .map(|r| usize::from(r.width))
            .collect()
    }

    /// `rows` under `header` in columns of `widths`, styled as every pane's lists are.
    pub fn table(
        &self,
        theme: Theme,
        header: Option<Row<'static>>,
        rows: Vec<Row<'static>>,
        widths: &[Constraint],
    ) -> Table<'static> {
        let table = Table::new(rows, widths.iter().copied());
        let table = match header {
            Some(h) => table.header(h.style(theme.dim())),
            None => table,
        };
        table
            .column_spacing(SPACING)
            .highlight_symbol(HIGHLIGHT)
            .highlight_spacing(HighlightSpacing::Always)
            .row_highlight_style(theme.selected())
    }

    /// Draws `table` in a block titled `title`; `selected` is a row index. With no rows,
    /// `empty` says why under the header.
    pub fn render(
        &self,
        frame: &mut Frame,
        title: &str,
        table: Table<'static>,
        selected: Option<usize>,
        empty: Option<Line<'static>>,
    ) {
        frame.render_widget(block(title), self.block);
        // Rebuilt from the selection alone each frame: the selected row sits mid-list
        // where it can, as the panes always scrolled.
        let first = selected.map_or(0, |s| scroll_for(s, self.visible, self.len));
        let mut state = TableState::new().with_offset(first).with_selected(selected);
        frame.render_stateful_widget(table, self.table, &mut state);
        if let (0, Some(why)) = (self.len, empty) {
            let below = Rect {
                y: self.table.y + self.header,
                height: self.table.height.saturating_sub(self.header),
                ..self.table
            };
            frame.render_widget(Paragraph::new(why), below);
        }
        if let Some(bar) = self.bar {
            // Positions the list can be scrolled to, and where it is.
            let mut s = ScrollbarState::new(self.len.saturating_sub(self.visible) + 1)
                .position(first)
                .viewport_content_length(self.visible);
            frame.render_stateful_widget(
                Scrollbar::new(ScrollbarOrientation::VerticalRight),
                bar,
                &mut s,
            );
        }
    }
}

fn block(title: &str) -> Block<'_> {
    Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .title(title)
}

/// A header row of plain titles.
pub fn header(titles: &[&'static str]) -> Option<Row<'static>> {
    Some(Row::new(titles.iter().copied()))
}
