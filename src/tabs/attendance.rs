//! Attendance: each person present, apologies or absent with one key, and whether the
//! board is quorate, in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{fit, read_only_banner, scroll_for};
use crate::app::App;
use crate::model::Presence;
use crate::model::clock::format_hhmm;

pub fn draw(app: &mut App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let m = &app.meeting;
    let q = m.quorum();
    let mut head: Vec<Line> = read_only_banner(app).into_iter().collect();
    let q_style = if !q.taken {
        theme.dim()
    } else if q.is_quorate() {
        theme.good()
    } else {
        theme.bad()
    };
    head.push(Line::from(vec![
        Span::raw("Quorum: "),
        Span::styled(q.describe(), q_style),
    ]));
    let [top, list] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(head), top);

    let wide = list.width >= 100;
    let status_w = 14;
    let role_w = 14;
    let arrived_w = 8;
    let rest = (list.width as usize).saturating_sub(2 + status_w + role_w + arrived_w);
    let name_w = if wide { rest / 2 } else { rest.min(28) };
    let pos_w = rest - name_w;
    let inner_h = list.height.saturating_sub(2) as usize;
    let sel = app.people_sel.min(m.attendance.len().saturating_sub(1));
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {:<name_w$}{:<role_w$}{:<status_w$}{:<arrived_w$}{:<pos_w$}",
            "Name", "Role", "Status", "Arrived", "Position"
        ),
        theme.dim(),
    ))];
    let first = scroll_for(sel, inner_h.saturating_sub(1), m.attendance.len());
    for (row, p) in m
        .attendance
        .iter()
        .enumerate()
        .skip(first)
        .take(inner_h.saturating_sub(1))
    {
        let text = format!(
            "{} {:<name_w$}{:<role_w$}{:<status_w$}{:<arrived_w$}{:<pos_w$}",
            if row == sel { "›" } else { " " },
            fit(&p.name, name_w.saturating_sub(1)),
            p.role.label(),
            p.status.marked(),
            p.arrived_at.map(format_hhmm).unwrap_or_default(),
            fit(&p.position, pos_w),
        );
        let mut style = match p.status {
            Presence::Present => theme.good(),
            Presence::Absent => theme.bad(),
            _ => ratatui::style::Style::default(),
        };
        if row == sel {
            style = style.patch(theme.selected());
        }
        lines.push(Line::from(Span::styled(text, style)));
    }
    if m.attendance.is_empty() {
        lines.push(Line::from("Nobody listed yet: press n to add a person."));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::TOP | Borders::BOTTOM)
                .title(" Attendance "),
        ),
        list,
    );
}
