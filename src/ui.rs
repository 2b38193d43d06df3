//! Drawing the workspace: tab bar, the current pane, status bar, and any overlay.

pub mod ascii;
pub mod brief;
pub mod layout;
pub mod overlay;
pub mod roster;
pub mod setup;
pub mod theme;

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};

use crate::app::{App, SaveLevel};
use crate::model::agenda::number_of;
use crate::model::running;
use crate::tabs;

pub use layout::{MIN_HEIGHT, MIN_WIDTH, tab_at};

/// Draws the workspace from `&App`, changing nothing: where things go comes from
/// [`layout::screen`], which the mouse uses too, and the editor is drawn as `update`
/// laid it out there (scrolled to the cursor, its rows on screen wrapped).
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let Some(screen) = layout::screen(area, app.viewing.is_some()) else {
        let msg = Paragraph::new("Window too small for minutebook")
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(msg, area);
        return;
    };
    let editor_area = draw_panes(app, frame, screen);
    let shown = app.viewing.as_deref().unwrap_or(app);
    let cursor = shown.overlay.is_none() && shown.roster.is_none();
    if let Some(inner) = editor_area {
        let editor = &shown.minutes.editor;
        frame.render_widget(editor, inner);
        if cursor && let Some(pos) = editor.cursor_position() {
            frame.set_cursor_position(pos);
        }
    }
    roster::draw(shown, frame, area);
    overlay::draw(shown, frame, area);
}

/// Where the pane of `app` (the one shown) is drawn on a screen of `area`; `None` when
/// the window is too small for the workspace.
pub fn pane_area(app: &App, area: Rect) -> Option<Rect> {
    layout::screen(area, app.reading).map(|s| s.body)
}

/// Everything but the editor and the overlay; returns where the editor goes, if shown.
fn draw_panes(app: &App, frame: &mut Frame, screen: layout::Screen) -> Option<Rect> {
    // A meeting opened from the archive is drawn in its own panes, under a banner
    // that says whose it is and how to come back.
    let banner = app.viewing.as_ref().map(|v| {
        format!(
            " READING {} · {} · {} back to the archive (your meeting {} stays open) ",
            crate::words::weekday_date(v.meeting.date),
            v.meeting.status.marked(),
            crate::keymap::back_to_archive(),
            app.meeting.id
        )
    });
    let theme = app.theme;
    // While reading, the save state shown is the clerk's own meeting's: a failure there
    // must stay in view whatever is being read.
    let save = match &app.viewing {
        Some(_) => {
            let (state, level) = app.save_status();
            (format!("{}: {state}", app.meeting.id), level)
        }
        None => app.save_status(),
    };
    // Whose screen steps the agenda is the clerk's own meeting's, whatever is being read.
    let chair = app.chair_may_step.then_some("chair may step");
    let app: &App = app.viewing.as_deref().unwrap_or(app);
    frame.render_widget(tab_bar(app, screen.tabs.width), screen.tabs);
    if let Some(b) = banner {
        frame.render_widget(
            Paragraph::new(crate::tabs::fit(&b, screen.banner.width as usize)).style(theme.warn()),
            screen.banner,
        );
    }
    let editor_area = tabs::draw(app, frame, screen.body);
    frame.render_widget(
        status_bar(app, save, chair, screen.status.width),
        screen.status,
    );
    frame.render_widget(hint_line(app), screen.hint);
    editor_area
}

/// ratatui's tab bar, its titles and divider as [`layout::tab_spans`] counts them.
fn tab_bar(app: &App, width: u16) -> Tabs<'static> {
    Tabs::new(layout::tab_titles(width))
        .select(app.tab.index())
        .style(app.theme.dim())
        .highlight_style(app.theme.tab_active().remove_modifier(Modifier::DIM))
        .padding("", layout::TAB_DIVIDER)
        .divider("")
}

pub fn minutes_seconds(d: Duration) -> String {
    let s = d.num_seconds().max(0);
    format!("{}:{:02}", s / 60, s % 60)
}

/// Board · date · current item and its time · whether the chair may step · clock · save
/// state. Parts drop out from the middle when the window is narrow; the save state never does.
fn status_bar(
    app: &App,
    (save, level): (String, SaveLevel),
    chair: Option<&str>,
    width: u16,
) -> Paragraph<'static> {
    let m = &app.meeting;
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
        chair.unwrap_or_default().to_string(),
        crate::words::time(app.now.time()),
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
    let hint = match app.tab == crate::keymap::Tab::Agenda && app.item_view.is_some() {
        true => crate::keymap::item_view_hint(),
        false => crate::keymap::hint(app.reading, app.tab),
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
