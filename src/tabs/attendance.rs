//! Attendance: each person present, apologies or absent with one key, and whether the
//! board is quorate, in words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row};

use super::{fit, list, read_only_banner};
use crate::app::App;
use crate::keymap::{self, Command, Scope};
use crate::model::Presence;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
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

    let placed = list::place(list, m.attendance.len());
    let widths = widths(list.width >= 100);
    let cols = placed.columns(&widths);
    let rows = m.attendance.iter().map(|p| {
        let style = match p.status {
            Presence::Present => theme.good(),
            Presence::Absent => theme.bad(),
            Presence::Expected | Presence::Apologies => Style::default(),
        };
        Row::new([
            fit(&p.name, cols[0]),
            p.role.label().to_string(),
            p.status.marked().to_string(),
            p.arrived_at.map(crate::words::time).unwrap_or_default(),
            p.departed_at.map(crate::words::time).unwrap_or_default(),
            fit(&p.position, cols[5]),
        ])
        .style(style)
    });
    let header = list::header(&["Name", "Role", "Status", "Arrived", "Left", "Position"]);
    let table = placed.table(theme, header, rows.collect(), &widths);
    let sel = app.people_sel.min(m.attendance.len().saturating_sub(1));
    let empty = Line::from(format!(
        "Nobody listed yet: press {} to add a person.",
        keymap::name(Scope::Attendance, Command::AddPerson)
    ));
    placed.render(frame, " Attendance ", table, Some(sel), Some(empty));
}

/// Name, Role, Status, Arrived, Left, Position: a wide window shares the rest between the
/// name and the position.
fn widths(wide: bool) -> [Constraint; 6] {
    [
        if wide {
            Constraint::Fill(1)
        } else {
            Constraint::Length(25)
        },
        Constraint::Length(12),
        Constraint::Length(12),
        Constraint::Length(7),
        Constraint::Length(5),
        Constraint::Fill(1),
    ]
}
