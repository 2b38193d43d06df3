//! The chair's running order: numbered items with their kind, presenter, time, status,
//! Part B marker and principles; the current item's time against its allowance; the
//! forecast end of the meeting.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{fit, read_only_banner, scroll_for};
use crate::app::App;
use crate::model::agenda::{exemption_of, is_exempt_business, numbered};
use crate::model::clock::format_hhmm;
use crate::model::standing::sparkline;
use crate::model::{AgendaItem, ItemRole, ItemStatus, MeetingStatus, running};
use crate::ui::minutes_seconds;

fn summary(app: &App) -> Vec<Line<'static>> {
    let m = &app.meeting;
    let now = app.now.time();
    let theme = app.theme;
    let mut lines: Vec<Line> = read_only_banner(app).into_iter().collect();
    let when = m.start_time.map(format_hhmm).unwrap_or_default();
    let forecast = running::forecast_end(m, now)
        .map(|t| format!(" · forecast end {}", format_hhmm(t)))
        .unwrap_or_default();
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} ", crate::words::weekday_date(m.date)),
            theme.title(),
        ),
        Span::raw(format!("{when} · {}{forecast}", m.status.label())),
    ]));
    match running::timing(m, now) {
        Some(t) => {
            let number = crate::model::agenda::number_of(&m.agenda, t.item)
                .map(|n| n.to_string())
                .unwrap_or_default();
            let title = m.item(t.item).map(|i| i.title.clone()).unwrap_or_default();
            let allowed = t
                .allotted
                .map(|a| format!(" of {} min", a.num_minutes()))
                .unwrap_or_default();
            let mut spans = vec![Span::raw(format!(
                "▶ Now: {number} {title} · {}{allowed}",
                minutes_seconds(t.elapsed)
            ))];
            if let Some(over) = t.overrun() {
                spans.push(Span::styled(
                    format!(" · OVERRUN by {}", minutes_seconds(over)),
                    theme.bad(),
                ));
            }
            lines.push(Line::from(spans));
        }
        None if m.status == MeetingStatus::Planned => lines.push(Line::from(Span::styled(
            "Not started: press s to start the meeting.",
            theme.dim(),
        ))),
        None => {}
    }
    lines
}

pub fn draw(app: &mut App, frame: &mut Frame, area: Rect) {
    let head = summary(app);
    let [top, list, detail] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(5),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), top);

    let theme = app.theme;
    let rows = numbered(&app.meeting.agenda);
    let mut iha: Vec<f64> = app.iha_history().into_iter().map(|(_, r)| r).collect();
    iha.extend(app.meeting.standing.iha.as_ref().and_then(|f| f.rate()));
    let sel = app
        .agenda_sel
        .and_then(|s| rows.iter().position(|(_, i)| i.id == s))
        .unwrap_or(0);
    let wide = list.width >= 100;
    let inner_h = list.height.saturating_sub(2) as usize;
    let first = scroll_for(sel, inner_h.saturating_sub(1), rows.len());
    let status_w = 11;
    let mins_w = 6;
    let presenter_w = if wide { 24 } else { 0 };
    let kind_w = if wide { 16 } else { 0 };
    let fixed = 2 + 6 + status_w + mins_w + presenter_w + kind_w;
    let title_w = (list.width as usize).saturating_sub(fixed + 2).max(4);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {:<6}{:<title_w$}{:<kind_w$}{:<presenter_w$}{:>5} {:<status_w$}",
            "No.",
            "Item",
            if wide { "Kind" } else { "" },
            if wide { "Presenter" } else { "" },
            "Mins",
            "Status"
        ),
        theme.dim(),
    ))];
    for (row, (number, item)) in rows
        .iter()
        .enumerate()
        .skip(first)
        .take(inner_h.saturating_sub(1))
    {
        let indent = "  ".repeat(number.0.len() - 1);
        let mut title = format!("{indent}{}", item.title);
        // Under a Part B item is Part B too, and is marked so.
        let part_b = is_exempt_business(&app.meeting.agenda, item.id);
        if part_b {
            title = format!("{indent}[PART B] {}", item.title);
        }
        // The IHA row carries the trend of the last twelve meetings, before
        // the principle tags so a narrow title column cuts the tags, not the trend.
        if item.role == Some(ItemRole::Standing("iha".into())) && !iha.is_empty() {
            let recent = &iha[iha.len().saturating_sub(12)..];
            title.push(' ');
            title.push_str(&sparkline(recent));
        }
        if wide && !item.principles.is_empty() {
            let ps: Vec<String> = item
                .principles
                .iter()
                .map(|p| format!("P{}", p.number()))
                .collect();
            title.push_str(&format!(" ({})", ps.join(",")));
        }
        let mins = item
            .minutes_allotted
            .map(|m| m.to_string())
            .unwrap_or_default();
        let text = format!(
            "{} {:<6}{:<title_w$}{:<kind_w$}{:<presenter_w$}{:>5} {:<status_w$}",
            if row == sel { "›" } else { " " },
            number.to_string(),
            fit(&title, title_w.saturating_sub(1)),
            if wide {
                fit(item.kind.label(), kind_w - 1)
            } else {
                String::new()
            },
            if wide {
                fit(&item.presenter, presenter_w - 1)
            } else {
                String::new()
            },
            mins,
            item.status.marked(),
        );
        let mut style = match item.status {
            ItemStatus::Current => theme.good(),
            ItemStatus::Done | ItemStatus::Deferred => theme.dim(),
            ItemStatus::Pending => ratatui::style::Style::default(),
        };
        if part_b {
            style = style.patch(theme.exempt());
        }
        if row == sel {
            style = style.patch(theme.selected());
        }
        lines.push(Line::from(Span::styled(text, style)));
    }
    let block = Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .title(" Agenda ");
    frame.render_widget(Paragraph::new(lines).block(block), list);
    frame.render_widget(
        Paragraph::new(detail_lines(app, rows.get(sel).map(|(_, i)| *i))).wrap(Wrap { trim: true }),
        detail,
    );
}

fn detail_lines(app: &App, item: Option<&AgendaItem>) -> Vec<Line<'static>> {
    let Some(item) = item else {
        return vec![Line::from("The agenda is empty: press a to add an item.")];
    };
    let theme = app.theme;
    let mut facts = vec![item.kind.label().to_string()];
    if !item.presenter.is_empty() {
        facts.push(format!("presented by {}", item.presenter));
    }
    if let Some(m) = item.minutes_allotted {
        facts.push(format!("{m} min allowed"));
    }
    if let (Some(a), Some(b)) = (item.started_at, item.ended_at) {
        facts.push(format!("taken {}–{}", format_hhmm(a), format_hhmm(b)));
    } else if let Some(a) = item.started_at {
        facts.push(format!("started {}", format_hhmm(a)));
    }
    let mut lines = vec![Line::from(vec![
        Span::styled(item.title.clone(), theme.title()),
        Span::raw(format!(" · {}", facts.join(" · "))),
    ])];
    if let Some(ex) = exemption_of(&app.meeting.agenda, item.id) {
        let under = if item.is_exempt() {
            ""
        } else {
            " (under a Part B item)"
        };
        lines.push(Line::from(Span::styled(
            format!("PART B, exempt{under}: {}", ex.reason),
            theme.exempt(),
        )));
    }
    for p in &item.principles {
        lines.push(Line::from(Span::styled(
            format!("Principle {}: {}", p.number(), p.wording()),
            theme.dim(),
        )));
    }
    lines
}
