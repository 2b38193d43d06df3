//! The panes of the workspace, one module each: what they draw from the app's state.

pub mod actions;
pub mod agenda;
pub mod archive;
pub mod attendance;
pub mod list;
pub mod minutes;
pub mod register;
pub mod standing;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::keymap::Tab;

/// Draws the current pane; returns where the minutes editor goes when it is shown (it
/// is drawn last, by [`crate::ui::draw`], the one widget that keeps a viewport).
pub fn draw(app: &App, frame: &mut Frame, area: Rect) -> Option<Rect> {
    match app.tab {
        Tab::Agenda => agenda::draw(app, frame, area),
        Tab::Standing => standing::draw(app, frame, area),
        Tab::Minutes => return minutes::draw(app, frame, area),
        Tab::Actions => actions::draw(app, frame, area),
        Tab::Attendance => attendance::draw(app, frame, area),
        Tab::Archive => archive::draw(app, frame, area),
    }
    None
}

/// The banner a read-only meeting shows at the top of every pane.
pub fn read_only_banner(app: &App) -> Option<Line<'static>> {
    if app.reading {
        // The workspace's own banner says so, and how to come back.
        return None;
    }
    app.read_only
        .as_ref()
        .map(|why| Line::from(Span::styled(format!("READ-ONLY: {why}"), app.theme.warn())))
}

/// Shortens `s` to `w` columns with an ellipsis.
pub fn fit(s: &str, w: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut used = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= w {
        return s.to_string();
    }
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// Keeps the selected row on screen: the first row to show.
pub fn scroll_for(selected: usize, height: usize, len: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}
