//! The board and its roster (`B`), drawn over the pane: who is on it, chair and vice-chair
//! said in words, voting or not, and the keys to change it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, Wrap};

use super::centred;
use crate::app::App;
use crate::keymap::{self, Scope};
use crate::model::Board;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(sel) = app.roster else { return };
    let rect = centred(area, 100, area.height.saturating_sub(2));
    frame.render_widget(Clear, rect);
    let title = match &app.board {
        Some(b) => format!(" {} ({}): the board and its roster ", b.name, b.code),
        None => " This meeting's board: no record yet ".to_string(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, app.theme.title()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let head = head_lines(app);
    let keys = keys_lines(app);
    let head_h = (head.len() as u16).min(inner.height);
    let keys_h = (keys.len() as u16).min(inner.height.saturating_sub(head_h));
    let [top, mid, bottom] = ratatui::layout::Layout::vertical([
        Constraint::Length(head_h),
        Constraint::Min(0),
        Constraint::Length(keys_h),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: false }), top);
    frame.render_widget(Paragraph::new(keys).wrap(Wrap { trim: false }), bottom);
    if let Some(b) = &app.board {
        roster_table(app, b, sel, frame, mid);
    }
}

/// What the board is, and what its roster is for.
fn head_lines(app: &App) -> Vec<Line<'static>> {
    let Some(b) = &app.board else {
        return vec![Line::from(format!(
            "\"{}\" has no board record in this data directory yet. Make it with {}: new \
             meetings then start from it.",
            app.meeting.board.name,
            keymap::name(
                Scope::Roster,
                keymap::Command::Roster(keymap::RosterCommand::BoardRecord)
            )
        ))];
    };
    let day = b
        .usual_day
        .map_or_else(|| "no usual day".to_string(), |d| d.to_string());
    let time = b.usual_time.map(crate::words::time).unwrap_or_default();
    let mut lines = vec![
        Line::from(format!(
            "{} · quorum {} · usually {day} {time} · {}",
            if b.council.is_empty() {
                "council not given"
            } else {
                &b.council
            },
            b.quorum,
            if b.venue.is_empty() {
                "no usual venue"
            } else {
                &b.venue
            },
        )),
        Line::from(Span::styled(
            "The roster is where every new meeting's attendance starts; this meeting's own \
             attendance is in the Attendance tab.",
            app.theme.dim(),
        )),
    ];
    if let Some(note) = b.quorum_note() {
        lines.push(Line::from(Span::styled(
            format!("Note: {note}."),
            app.theme.warn(),
        )));
    }
    lines
}

fn roster_table(app: &App, b: &Board, sel: usize, frame: &mut Frame, area: Rect) {
    if b.members.is_empty() {
        let empty = Paragraph::new("Nobody is on the roster yet.").style(app.theme.dim());
        frame.render_widget(empty, area);
        return;
    }
    let rows = b.members.iter().enumerate().map(|(i, m)| {
        let office = match (m.chair, m.vice_chair) {
            (true, _) => "Chair",
            (false, true) => "Vice-chair",
            (false, false) => "",
        };
        let style = if i == sel {
            app.theme.selected()
        } else {
            Default::default()
        };
        Row::new([
            Cell::from(format!("{} {}", if i == sel { "›" } else { " " }, m.name)),
            Cell::from(office),
            Cell::from(m.role.label()),
            Cell::from(if m.voting { "voting" } else { "non-voting" }),
            Cell::from(m.position.clone()),
        ])
        .style(style)
    });
    let widths = [
        Constraint::Percentage(30),
        Constraint::Length(10),
        Constraint::Length(12),
        Constraint::Length(10),
        Constraint::Fill(1),
    ];
    let header = Row::new(["  Name", "Office", "Role", "Votes", "Position"]).style(app.theme.dim());
    frame.render_widget(Table::new(rows, widths).header(header), area);
}

fn keys_lines(app: &App) -> Vec<Line<'static>> {
    let mut spans = Vec::new();
    for row in keymap::help(Scope::Roster) {
        spans.push(Span::styled(row.label, app.theme.key()));
        let short = row
            .help
            .split([':', '('])
            .next()
            .unwrap_or(row.help)
            .trim_end();
        spans.push(Span::raw(format!(" {short}  ")));
    }
    vec![Line::from(spans)]
}
