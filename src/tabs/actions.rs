//! The action log: actions carried from earlier meetings and those raised today, overdue
//! ones marked by word, with the selected action's history.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{fit, read_only_banner, scroll_for};
use crate::app::App;
use crate::model::{ActionItem, ActionStatus, action};

pub fn draw(app: &mut App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let m = &app.meeting;
    let rows = app.action_rows();
    // "Next meeting" is dated from the archive once it is listed; until then overdue is
    // judged from this meeting and the one before it.
    let next = |a: &ActionItem| {
        let known = app.archive.meetings.iter().map(|s| (s.date, &s.id));
        let all = known.chain([(m.date, &m.id)]);
        app.archive
            .listed
            .then(|| action::next_meeting_after(&a.raised.meeting, all))
            .flatten()
    };
    let overdue = |a: &ActionItem| {
        let judged = next(a).or_else(|| action::next_meeting_by(m, &a.raised.meeting));
        a.is_overdue(m.date, judged)
    };
    let open = m.actions.iter().filter(|a| a.is_open()).count();
    let late = m.actions.iter().filter(|a| overdue(a)).count();
    let mut head: Vec<Line> = read_only_banner(app).into_iter().collect();
    head.push(Line::from(format!(
        "{} actions: {open} open ({late} {}), {} raised at this meeting",
        m.actions.len(),
        crate::words::overdue_against(m.date),
        m.actions_raised().count()
    )));
    let [top, list, detail] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(6),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), top);

    let sel = app.actions_sel.min(rows.len().saturating_sub(1));
    let wide = list.width >= 100;
    let owner_w = if wide { 24 } else { 16 };
    let due_w = 13;
    let status_w = 10;
    let text_w = (list.width as usize)
        .saturating_sub(2 + status_w + owner_w + due_w + 1)
        .max(4);
    let inner_h = list.height.saturating_sub(2) as usize;
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {:<status_w$}{:<text_w$}{:<owner_w$}{:<due_w$}",
            "Status", "Action", "Owner", "Due"
        ),
        theme.dim(),
    ))];
    let mut last_section = None;
    let first = scroll_for(sel, inner_h.saturating_sub(2), rows.len());
    for (row, &i) in rows.iter().enumerate().skip(first) {
        if lines.len() >= inner_h {
            break;
        }
        let a = &m.actions[i];
        let carried = a.raised.meeting != m.id;
        if last_section != Some(carried) {
            let title = if carried {
                "Carried forward from earlier meetings"
            } else {
                "Raised at this meeting"
            };
            lines.push(Line::from(Span::styled(title, theme.title())));
            last_section = Some(carried);
        }
        let late = overdue(a);
        let text = format!(
            "{} {:<status_w$}{:<text_w$}{:<owner_w$}{:<due_w$}",
            if row == sel { "›" } else { " " },
            a.status.marked(late),
            fit(&a.text, text_w.saturating_sub(1)),
            fit(&a.owner, owner_w - 1),
            a.due_short(next(a)),
        );
        let mut style = match (a.status, late) {
            (ActionStatus::Open, true) => theme.bad(),
            (ActionStatus::Open, false) => ratatui::style::Style::default(),
            _ => theme.dim(),
        };
        if row == sel {
            style = style.patch(theme.selected());
        }
        lines.push(Line::from(Span::styled(text, style)));
    }
    if rows.is_empty() {
        lines.push(Line::from(
            "No actions yet. Capture one from the Minutes tab with Alt+A.",
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::TOP | Borders::BOTTOM)
                .title(" Actions "),
        ),
        list,
    );

    let detail_lines = rows.get(sel).map(|&i| {
        let a = &m.actions[i];
        let mut d = vec![
            Line::from(vec![
                Span::styled(format!("{} ", a.id), theme.key()),
                Span::raw(a.text.clone()),
            ]),
            Line::from(format!(
                "Owner {} · set by {} at {} ({}) · {}",
                a.owner,
                a.set_by,
                a.raised.meeting,
                a.raised.item_title,
                a.due_words(next(a))
            )),
        ];
        for u in a.history.iter().rev() {
            d.push(Line::from(Span::styled(
                format!("{}: {}", crate::words::short_date(u.date), u.note),
                theme.dim(),
            )));
        }
        d
    });
    frame.render_widget(
        Paragraph::new(detail_lines.unwrap_or_default()).wrap(Wrap { trim: true }),
        detail,
    );
}
