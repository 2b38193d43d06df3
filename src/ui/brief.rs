//! The item in hand drawn as lines, the most important first, so a short screen shows
//! what matters and the rest is one scroll away. Words carry every status; colour only
//! repeats them.

use ratatui::text::{Line, Span};

use crate::model::brief::Brief;
use crate::ui::theme::Theme;

/// The brief's lines, most important first.
pub fn lines(brief: &Brief, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        format!("{} {}", brief.number, brief.title),
        theme.title(),
    ))];
    if !brief.presenter.is_empty() {
        lines.push(Line::from(format!("Presented by {}", brief.presenter)));
    }
    for d in &brief.decided {
        lines.push(Line::from(format!("Decided: {}", d.text)));
    }
    lines
}
