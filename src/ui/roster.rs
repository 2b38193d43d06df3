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
    // The status bar and the hint line stay in view: a failed save is seen from here.
    let rect = centred(area, 100, area.height.saturating_sub(4));
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
    let head_h = rows(&head, inner.width).min(inner.height);
    let keys_h = rows(&keys, inner.width).min(inner.height.saturating_sub(head_h));
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

/// The rows `lines` take wrapped at `width`, with one to spare for a wrap between words.
fn rows(lines: &[Line], width: u16) -> u16 {
    let w = usize::from(width.max(1));
    let n: usize = lines.iter().map(|l| l.width().max(1).div_ceil(w)).sum();
    let slack = lines.iter().any(|l| l.width() > w);
    (n + usize::from(slack)) as u16
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
        Constraint::Length(26),
        Constraint::Length(10),
        Constraint::Length(12),
        Constraint::Length(10),
        Constraint::Fill(1),
    ];
    let header = Row::new(["  Name", "Office", "Role", "Votes", "Position"]).style(app.theme.dim());
    frame.render_widget(Table::new(rows, widths).header(header), area);
}

fn keys_lines(app: &App) -> Vec<Line<'static>> {
    use crate::keymap::{Command, RosterCommand as R};
    let mut spans = Vec::new();
    for (cmd, what) in [
        (R::Add, "add a member"),
        (R::Edit, "edit"),
        (R::Remove, "remove"),
        (R::BoardRecord, "the board's record"),
        (R::Close, "close"),
    ] {
        spans.push(Span::styled(
            keymap::name(Scope::Roster, Command::Roster(cmd)),
            app.theme.key(),
        ));
        spans.push(Span::raw(format!(" {what}  ")));
    }
    spans.push(Span::styled(
        keymap::name(Scope::Global, Command::Help),
        app.theme.key(),
    ));
    spans.push(Span::raw(" every key"));
    vec![Line::from(spans)]
}
