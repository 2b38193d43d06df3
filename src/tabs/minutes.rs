//! The live minutes: the current item's number and title over the editor, or the whole
//! meeting's minutes read-only with item headings.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::read_only_banner;
use crate::app::App;
use crate::model::agenda::{is_exempt_business, number_of, numbered};

pub fn draw(app: &mut App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let mut head: Vec<Line> = read_only_banner(app).into_iter().collect();
    if app.minutes.whole {
        head.push(Line::from(Span::styled(
            "Whole meeting (read-only) · Alt+W back to editing",
            theme.title(),
        )));
        let [top, body] =
            Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Fill(1)])
                .areas(area);
        frame.render_widget(Paragraph::new(head), top);
        app.sync_editor();
        let lines = whole_minutes(app);
        let max = (lines.len() as u16).saturating_sub(body.height);
        app.minutes.whole_scroll = app.minutes.whole_scroll.min(max);
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((app.minutes.whole_scroll, 0)),
            body,
        );
        return;
    }
    let m = &app.meeting;
    match app
        .minutes
        .item
        .and_then(|id| Some((number_of(&m.agenda, id)?, m.item(id)?)))
    {
        Some((number, item)) => {
            let mut spans = vec![Span::styled(
                format!("{number} {}", item.title),
                theme.title(),
            )];
            if is_exempt_business(&m.agenda, item.id) {
                spans.push(Span::styled(
                    "  [PART B: exempt, never published]",
                    theme.exempt(),
                ));
            }
            head.push(Line::from(spans));
        }
        None => head.push(Line::from(
            "No item chosen: start the meeting or select an item in the Agenda tab.",
        )),
    }
    let [top, body] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(head), top);
    let block = Block::default().borders(Borders::TOP);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    if app.minutes.item.is_some() {
        frame.render_widget(&mut app.minutes.editor, inner);
        if app.overlay.is_none()
            && let Some(pos) = app.minutes.editor.cursor_position()
        {
            frame.set_cursor_position(pos);
        }
    }
}

fn whole_minutes(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (number, item) in numbered(&app.meeting.agenda) {
        let mut heading = format!("{number} {}", item.title);
        if is_exempt_business(&app.meeting.agenda, item.id) {
            heading.push_str("  [PART B]");
        }
        lines.push(Line::from(Span::styled(heading, app.theme.title())));
        for l in item.minutes.lines() {
            lines.push(Line::from(l.to_string()));
        }
        lines.push(Line::from(""));
    }
    lines
}
