//! Standing items: this meeting's figures, IHA timeliness first, against their targets,
//! with the change since the last meeting and the trend across meetings.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Wrap};

use super::read_only_banner;
use crate::app::App;
use crate::model::iha_children::{looks_like_a_name, rows_against_totals};
use crate::model::standing::{IhaStatus, change_text, rate_text, sparkline};

/// The rates to chart: every earlier meeting's, then this one's if reported.
fn series(app: &App, history: &[(chrono::NaiveDate, f64)]) -> Vec<(chrono::NaiveDate, f64)> {
    let mut points = history.to_vec();
    if let Some(r) = app.meeting.standing.iha.as_ref().and_then(|f| f.rate()) {
        points.push((app.meeting.date, r));
    }
    points
}

fn iha_lines(app: &App, history: &[(chrono::NaiveDate, f64)]) -> Vec<Line<'static>> {
    let theme = app.theme;
    let s = &app.meeting.standing;
    let mut lines: Vec<Line> = read_only_banner(app).into_iter().collect();
    lines.push(Line::from(Span::styled(
        format!(
            "Initial Health Assessments within 20 working days (target {:.0}%)",
            s.iha_target
        ),
        theme.title(),
    )));
    let previous = history.last().copied();
    match &s.iha {
        Some(iha) => {
            let verdict = iha.status(s.iha_target);
            let style = match verdict {
                IhaStatus::OnTarget => theme.good(),
                IhaStatus::BelowTarget => theme.bad(),
                IhaStatus::NoneDue => theme.dim(),
            };
            let status = match verdict {
                IhaStatus::NoneDue => verdict.words().to_string(),
                _ => format!(
                    "{} {}",
                    rate_text(iha.rate(), s.iha_target),
                    verdict.words()
                ),
            };
            let mut spans = vec![Span::raw("Rate: "), Span::styled(status, style)];
            if let (Some(change), Some((date, _))) =
                (change_text(iha.rate(), previous.map(|p| p.1)), previous)
            {
                spans.push(Span::raw(format!(
                    " · {change} since {}",
                    crate::words::short_date(date)
                )));
            }
            lines.push(Line::from(spans));
            lines.push(Line::from(format!(
                "{} came into care · {} IHAs due · {} within 20 working days · {} late · {} outstanding",
                iha.entered_care, iha.due, iha.within_20_days, iha.late, iha.outstanding
            )));
            if !iha.commentary.is_empty() {
                lines.push(Line::from(Span::styled(
                    iha.commentary.clone(),
                    theme.dim(),
                )));
            }
        }
        None => {
            let last = previous.map_or(String::new(), |(d, r)| {
                format!(
                    " Last meeting ({}): {}.",
                    crate::words::short_date(d),
                    rate_text(Some(r), app.meeting.standing.iha_target)
                )
            });
            lines.push(Line::from(Span::styled(
                format!("No figures reported for this meeting yet.{last}"),
                theme.dim(),
            )));
        }
    }
    lines
}

/// The per-child rows, with each child's due date and where it stands.
fn child_lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let s = &app.meeting.standing;
    if s.iha_children.is_empty() {
        return Vec::new();
    }
    let period = s
        .iha
        .as_ref()
        .and_then(|f| Some((f.period_start?, f.period_end?)));
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} behind these figures (anonymised references only, never names):",
            match s.iha_children.len() {
                1 => "1 child".to_string(),
                n => format!("{n} children"),
            }
        ),
        theme.dim(),
    ))];
    // The totals are the figures; where the rows count otherwise, say so in words.
    let check = rows_against_totals(&s.iha_children, s.iha.as_ref());
    if let Some(check) = check {
        let check = check.words(&crate::keymap::iha_key());
        lines.push(Line::from(Span::styled(check, theme.warn())));
    }
    for c in &s.iha_children {
        let due = c.due().map_or_else(
            |e| e.to_string(),
            |d| format!("due {}", crate::words::short_date(d)),
        );
        let done = c.completed.map_or("not yet done".to_string(), |d| {
            format!("done {}", crate::words::short_date(d))
        });
        let outcome = period
            .and_then(|(a, b)| c.outcome(a, b).ok())
            .map_or(String::new(), |o| format!(" · {}", o.words()));
        let warn = if looks_like_a_name(&c.reference) {
            " · LOOKS LIKE A NAME"
        } else {
            ""
        };
        lines.push(Line::from(format!(
            "  {} · entered care {} · {due} · {done}{outcome}{warn}",
            c.reference,
            crate::words::short_date(c.entered_care)
        )));
    }
    lines
}

fn figure_lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    for f in &app.meeting.standing.figures {
        lines.push(Line::from(Span::styled(f.name.clone(), theme.title())));
        let value = f
            .value
            .map_or("not reported".to_string(), |v| f.value_text(v));
        let target = f
            .target_text()
            .map_or(String::new(), |t| format!(" · target {t}"));
        lines.push(Line::from(format!("This meeting: {value}{target}")));
        let history = app.figure_history(&f.key);
        if let Some(&(date, last)) = history.last() {
            let mut text = format!(
                "Last meeting ({}): {}",
                crate::words::short_date(date),
                f.value_text(last)
            );
            if let Some(word) = f.change_text(f.value, Some(last)) {
                text.push_str(&format!(" · {word}"));
            }
            let mut recent: Vec<f64> = history.iter().map(|(_, v)| *v).collect();
            recent.extend(f.value);
            let start = recent.len().saturating_sub(12);
            text.push_str(&format!(" · trend {}", sparkline(&recent[start..])));
            lines.push(Line::from(Span::styled(text, theme.dim())));
        }
    }
    lines
}

fn chart<'a>(
    app: &App,
    points: &'a [(f64, f64)],
    target: &'a [(f64, f64)],
    dates: (String, String),
) -> Chart<'a> {
    let theme = app.theme;
    let rates = Dataset::default()
        .name("IHA rate")
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(theme.title())
        .data(points);
    let goal = Dataset::default()
        .name(format!("target {:.0}%", app.meeting.standing.iha_target))
        .marker(Marker::Dot)
        .graph_type(GraphType::Line)
        .style(theme.warn())
        .data(target);
    let x_max = (points.len().max(2) - 1) as f64;
    Chart::new(vec![goal, rates])
        .block(Block::default().borders(Borders::TOP).title(format!(
            " IHA timeliness by meeting (dotted line: the {:.0}% target) ",
            app.meeting.standing.iha_target
        )))
        .x_axis(
            Axis::default()
                .bounds([0.0, x_max])
                .labels([dates.0, dates.1])
                .style(theme.dim()),
        )
        .y_axis({
            // From a round number below the lowest rate (or the target), so the wander shows.
            let t = app.meeting.standing.iha_target;
            let lowest = points.iter().map(|p| p.1).fold(t, f64::min);
            let floor = ((lowest - 5.0) / 10.0).floor().clamp(0.0, 9.0) * 10.0;
            // ratatui spaces labels evenly, so they must be evenly spaced values.
            Axis::default().bounds([floor, 100.0]).labels([
                format!("{floor:.0}%"),
                format!("{:.0}%", (floor + 100.0) / 2.0),
                "100%".to_string(),
            ])
        })
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    // Read once a frame: the head and the chart both need the earlier rates.
    let history = app.iha_history();
    let mut head = iha_lines(app, &history);
    head.extend(child_lines(app));
    let figures = figure_lines(app);
    let series = series(app, &history);
    let chart_h = if series.len() >= 2 {
        (area.height / 2).clamp(6, 14)
    } else {
        0
    };
    // Room for the head as wrapped, so the commentary is not cut off.
    let width = area.width.max(1) as usize;
    let head_h: usize = head.iter().map(|l| l.width().max(1).div_ceil(width)).sum();
    let [top, graph, rest] = Layout::vertical([
        Constraint::Length(head_h as u16 + 1),
        Constraint::Length(chart_h),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head).wrap(Wrap { trim: true }), top);
    if chart_h > 0 {
        let points: Vec<(f64, f64)> = series
            .iter()
            .enumerate()
            .map(|(i, (_, r))| (i as f64, *r))
            .collect();
        let t = app.meeting.standing.iha_target;
        let target = [(0.0, t), ((series.len() - 1) as f64, t)];
        let dates = (
            crate::words::short_month(series[0].0),
            crate::words::short_month(series[series.len() - 1].0),
        );
        frame.render_widget(chart(app, &points, &target, dates), graph);
    }
    frame.render_widget(
        Paragraph::new(figures)
            .wrap(Wrap { trim: true })
            .scroll((app.standing_scroll, 0)),
        rest,
    );
}
