//! Standing items: this meeting's figures, IHA timeliness first, against their targets.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::read_only_banner;
use crate::app::App;
use crate::model::standing::{IhaStatus, rate_text};
use crate::model::{Better, Unit};

pub fn draw(app: &mut App, frame: &mut Frame, area: Rect) {
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
                _ => format!("{} {}", rate_text(iha.rate()), verdict.words()),
            };
            lines.push(Line::from(vec![
                Span::raw("Rate: "),
                Span::styled(status, style),
            ]));
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
        None => lines.push(Line::from(Span::styled(
            "No figures reported for this meeting yet.",
            theme.dim(),
        ))),
    }
    lines.push(Line::from(""));
    for f in &s.figures {
        lines.push(Line::from(Span::styled(f.name.clone(), theme.title())));
        let unit = if f.unit == Unit::Percent { "%" } else { "" };
        let value = f
            .value
            .map_or("not reported".to_string(), |v| format!("{v}{unit}"));
        let target = f.target.map_or(String::new(), |t| {
            let better = if f.better == Better::Higher {
                "higher is better"
            } else {
                "lower is better"
            };
            format!(" · target {t}{unit} ({better})")
        });
        lines.push(Line::from(format!("This meeting: {value}{target}")));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .scroll((app.standing_scroll, 0)),
        area,
    );
}
