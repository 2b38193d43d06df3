//! The live minutes: the current item's number and title over the editor, or the whole
//! meeting's minutes read-only with item headings.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::read_only_banner;
use crate::app::App;
use crate::model::agenda::AgendaItem;
use crate::model::agenda::{walk, walked};
use crate::model::{ItemId, declarations, reading};
use crate::words;

/// Draws the pane; returns where the editor goes (drawn by the caller), if an item is chosen.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) -> Option<Rect> {
    if app.minutes.whole {
        let (head, top, body) = whole_layout(app, area);
        frame.render_widget(Paragraph::new(head), top);
        // Scrolled by wrapped rows at this width, so the last row can be reached; `update`
        // keeps the scroll within them, and a meeting changed since is drawn within too.
        let rows = wrapped(&whole_minutes(app), body.width);
        let from = usize::from(app.minutes.whole_scroll.min(max_scroll(rows.len(), body)));
        let shown: Vec<Line> = rows
            .into_iter()
            .skip(from)
            .take(usize::from(body.height))
            .collect();
        frame.render_widget(Paragraph::new(shown), body);
        return None;
    }
    let (head, top, body) = item_layout(app, area);
    frame.render_widget(Paragraph::new(head), top);
    let block = editor_block();
    frame.render_widget(&block, body);
    app.minutes.item.is_some().then(|| block.inner(body))
}

/// Where the editor goes in a Minutes pane of `area`, when the pane shows it: `update`
/// lays the editor out there, and [`draw`] returns the same place to draw it in.
pub fn editor_area(app: &App, area: Rect) -> Option<Rect> {
    if app.minutes.whole || app.minutes.item.is_none() {
        return None;
    }
    let (_, _, body) = item_layout(app, area);
    Some(editor_block().inner(body))
}

/// "  · CPB/26/45": the minute's reference after its heading, once the draft is numbered.
fn minute_tag(item: &crate::model::AgendaItem) -> String {
    item.minute
        .as_ref()
        .map_or(String::new(), |r| format!("  · {r}"))
}

/// The line over the editor.
fn editor_block() -> Block<'static> {
    Block::default().borders(Borders::TOP)
}

/// The current item's heading and records, where they go, and the rows under them
/// where the editor's block goes.
fn item_layout(app: &App, area: Rect) -> (Vec<Line<'static>>, Rect, Rect) {
    let theme = app.theme;
    let mut head: Vec<Line> = read_only_banner(app).into_iter().collect();
    let m = &app.meeting;
    let mut records = Vec::new();
    match app.minutes.item.and_then(|id| walked(&m.agenda, id)) {
        Some(w) => {
            let item = w.item;
            let mut spans = vec![Span::styled(
                format!("{} {}{}", w.number, item.title, minute_tag(item)),
                theme.title(),
            )];
            if w.is_exempt() {
                spans.push(Span::styled(
                    format!("  {} exempt, never published", words::PART_B_TAG),
                    theme.exempt(),
                ));
            }
            head.push(Line::from(spans));
            // The item's declarations and decisions are their records, shown here once
            // (the text does not repeat them), and corrections made after approval beside them.
            records.extend(declared(app, item.id, theme.warn()));
            records.extend(decided(item, theme.title(), theme.dim()));
            records.extend(
                reading::errata_for(&m.errata, Some(item.id))
                    .map(|e| (reading::erratum_line(e), theme.warn())),
            );
        }
        None => head.push(Line::from(
            "No item chosen: start the meeting or select an item in the Agenda tab.",
        )),
    }
    let mut record_rows = wrapped(&records, area.width);
    // The editor keeps at least half the pane.
    let room = usize::from(area.height / 2).saturating_sub(head.len());
    if record_rows.len() > room {
        record_rows.truncate(room.saturating_sub(1));
        record_rows.push(Line::from(Span::styled(
            format!(
                "… more recorded: {} shows the whole minutes",
                crate::keymap::whole_minutes_key()
            ),
            theme.dim(),
        )));
        record_rows.truncate(room);
    }
    head.extend(record_rows);
    let [top, body] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Fill(1)]).areas(area);
    (head, top, body)
}

/// The interests declared in `item`, one line each.
fn declared(app: &App, item: ItemId, style: Style) -> Vec<(String, Style)> {
    declarations::for_item(&app.meeting.declarations, item)
        .map(|d| (words::declaration_line(d), style))
        .collect()
}

/// Each decision of `item`, and under it its mover, seconder and vote when it has them.
fn decided(item: &AgendaItem, style: Style, procedure: Style) -> Vec<(String, Style)> {
    let mut lines = Vec::new();
    for d in &item.decisions {
        lines.push((reading::decision_line(d), style));
        lines.extend(words::procedure_line(d).map(|p| (format!("  {p}"), procedure)));
    }
    lines
}

/// The whole minutes' heading lines, where they go, and the rows under them where the
/// text scrolls.
fn whole_layout(app: &App, area: Rect) -> (Vec<Line<'static>>, Rect, Rect) {
    let mut head: Vec<Line> = read_only_banner(app).into_iter().collect();
    head.push(Line::from(Span::styled(
        format!(
            "Whole meeting (read-only) · {} back to editing",
            crate::keymap::whole_minutes_key()
        ),
        app.theme.title(),
    )));
    let [top, body] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Fill(1)]).areas(area);
    (head, top, body)
}

/// The furthest the whole minutes scroll in a pane of `area`: the last row at the bottom.
pub fn whole_max_scroll(app: &App, area: Rect) -> u16 {
    let (_, _, body) = whole_layout(app, area);
    max_scroll(wrapped(&whole_minutes(app), body.width).len(), body)
}

fn max_scroll(rows: usize, body: Rect) -> u16 {
    u16::try_from(rows.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX)
}

/// Logical lines as the rows they take at `width`, wrapped by the editor's rules.
fn wrapped(lines: &[(String, Style)], width: u16) -> Vec<Line<'static>> {
    let mut rows = Vec::new();
    for (text, style) in lines {
        rows.extend(
            crate::editor::rows(text, usize::from(width))
                .map(|row| Line::from(Span::styled(row.to_string(), *style))),
        );
    }
    rows
}

/// The whole minutes as they read in the documents: each item's narrative, its decisions
/// once, its errata beside it; then errata to the whole and who approved the minutes.
pub fn whole_minutes(app: &App) -> Vec<(String, Style)> {
    let (m, theme) = (&app.meeting, app.theme);
    let plain = Style::default();
    let mut lines = Vec::new();
    for w in walk(&m.agenda) {
        let item = w.item;
        let mut heading = format!("{} {}{}", w.number, item.title, minute_tag(item));
        if w.is_exempt() {
            heading.push_str(&format!("  {}", words::PART_B_TAG));
        }
        lines.push((heading, theme.title()));
        lines.extend(declared(app, item.id, plain));
        let text = reading::narrative(item);
        lines.extend(text.lines().map(|l| (l.to_string(), plain)));
        lines.extend(decided(item, plain, plain));
        lines.extend(
            reading::errata_for(&m.errata, Some(item.id))
                .map(|e| (reading::erratum_line(e), theme.warn())),
        );
        lines.push((String::new(), plain));
    }
    let whole: Vec<_> = reading::errata_for(&m.errata, None).collect();
    if !whole.is_empty() {
        lines.push(("Errata to the minutes as a whole".into(), theme.title()));
        lines.extend(
            whole
                .into_iter()
                .map(|e| (reading::erratum_line(e), theme.warn())),
        );
        lines.push((String::new(), plain));
    }
    if let Some(a) = &m.approval {
        lines.push((reading::approval_line(a), theme.title()));
    }
    lines
}
