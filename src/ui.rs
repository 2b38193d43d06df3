//! Drawing the workspace: tab bar, the current pane, status bar, and any overlay.

pub mod overlay;
pub mod theme;

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, SaveLevel};
use crate::keymap::Tab;
use crate::model::agenda::number_of;
use crate::model::running;
use crate::tabs;

/// Below this the workspace asks for a bigger window instead of drawing nonsense.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

pub fn draw(app: &mut App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new("Window too small for minutebook")
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(msg, area);
        return;
    }
    // A meeting opened from the archive is drawn in its own panes, under a banner
    // that says whose it is and how to come back.
    let banner = app.viewing.as_ref().map(|v| {
        format!(
            " READING {} · {} · Esc or Alt+6 back to the archive (your meeting {} stays open) ",
            crate::words::weekday_date(v.meeting.date),
            v.meeting.status.marked(),
            app.meeting.id
        )
    });
    let theme = app.theme;
    app.drawn_width = area.width;
    let app: &mut App = match app.viewing.as_deref_mut() {
        Some(view) => view,
        None => app,
    };
    app.drawn_width = area.width;
    let [tabs_area, banner_area, body, status, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner.is_some() as u16),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(tab_bar(app, tabs_area.width), tabs_area);
    if let Some(b) = banner {
        frame.render_widget(
            Paragraph::new(crate::tabs::fit(&b, banner_area.width as usize)).style(theme.warn()),
            banner_area,
        );
    }
    tabs::draw(app, frame, body);
    frame.render_widget(status_bar(app, status.width), status);
    frame.render_widget(hint_line(app), hint);
    overlay::draw(app, frame, area);
}

/// Below this width the tab bar uses short names, so all six fit in 80 columns.
const SHORT_TABS_BELOW: u16 = 90;

fn tab_label(tab: Tab, width: u16) -> String {
    let title = match tab {
        Tab::Standing if width < SHORT_TABS_BELOW => "Standing",
        t => t.title(),
    };
    format!(" {} {title} ", tab.index() + 1)
}

/// The tab under column `x` of a tab bar `width` wide (for mouse clicks); it mirrors `tab_bar`.
pub fn tab_at(x: u16, width: u16) -> Option<Tab> {
    let mut start = 0u16;
    for tab in Tab::ALL {
        let w = tab_label(tab, width).chars().count() as u16;
        if x >= start && x < start + w {
            return Some(tab);
        }
        start += w + 1;
    }
    None
}

fn tab_bar(app: &App, width: u16) -> Line<'static> {
    let mut spans = Vec::new();
    for tab in Tab::ALL {
        let style = if tab == app.tab {
            app.theme.tab_active()
        } else {
            app.theme.dim()
        };
        spans.push(Span::styled(tab_label(tab, width), style));
        spans.push(Span::raw("│"));
    }
    Line::from(spans)
}

pub fn minutes_seconds(d: Duration) -> String {
    let s = d.num_seconds().max(0);
    format!("{}:{:02}", s / 60, s % 60)
}

/// Board · date · current item and its time · clock · save state. Parts drop
/// out from the middle when the window is narrow; the save state never does.
fn status_bar(app: &App, width: u16) -> Paragraph<'static> {
    let m = &app.meeting;
    let (save, level) = app.save_status();
    let mut item = String::new();
    if let Some(t) = running::timing(m, app.now.time()) {
        let number = number_of(&m.agenda, t.item)
            .map(|n| n.to_string())
            .unwrap_or_default();
        let title = m.item(t.item).map(|i| i.title.as_str()).unwrap_or("");
        let allowed = t
            .allotted
            .map(|a| format!("/{}m", a.num_minutes()))
            .unwrap_or_default();
        let over = if t.overrun().is_some() {
            " OVERRUN"
        } else {
            ""
        };
        // Time first: a narrow window shortens the title, never the clock.
        item = format!(
            "▶ {number} {}{allowed}{over} {title}",
            minutes_seconds(t.elapsed)
        );
    }
    let parts = [
        m.board.name.clone(),
        crate::words::weekday_date(m.date),
        item,
        app.now.format("%H:%M").to_string(),
    ];
    let budget = (width as usize).saturating_sub(save.chars().count() + 3);
    let mut left: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    let joined = |v: &[String]| v.join(" · ");
    // Shorten the current item first, then drop the board name, then the date.
    while joined(&left).chars().count() > budget && !left.is_empty() {
        if let Some(pos) = left.iter().position(|p| p.starts_with('▶')) {
            let p = &left[pos];
            let over = joined(&left).chars().count() - budget;
            let keep = p.chars().count().saturating_sub(over + 1);
            if keep >= 12 {
                left[pos] = p.chars().take(keep).collect::<String>() + "…";
                continue;
            }
        }
        left.remove(0);
    }
    let left = joined(&left);
    let pad = (width as usize).saturating_sub(left.chars().count() + save.chars().count() + 2);
    let save_style = match level {
        SaveLevel::Bad => app.theme.bad(),
        SaveLevel::Warn => app.theme.warn(),
        SaveLevel::Fine => app.theme.bar(),
    };
    Paragraph::new(Line::from(vec![
        Span::styled(format!(" {left}{}", " ".repeat(pad)), app.theme.bar()),
        Span::styled(format!("{save} "), save_style.patch(app.theme.bar())),
    ]))
}

/// The latest message, else a reminder of the most useful keys.
fn hint_line(app: &App) -> Paragraph<'static> {
    if let Some(f) = &app.flash {
        return Paragraph::new(Span::styled(f.clone(), app.theme.warn()));
    }
    let hint = match app.tab {
        _ if app.reading => "Reading: Esc or Alt+6 back to the archive · 1..5 panes · F1 help",
        Tab::Minutes => "Alt+A action · Alt+D decision · Alt+N next item · F1 help · Ctrl-Q quit",
        Tab::Archive => "Enter read · / search · a actions · e erratum · x export · F1 help",
        _ => "Alt+1..6 or 1..6 tabs · n/p items · F1 or ? help · Ctrl-Q save and quit",
    };
    Paragraph::new(Span::styled(hint, app.theme.dim()))
}

/// A rectangle centred in `area`, at most `w` by `h`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
