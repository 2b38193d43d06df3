//! The archive: every meeting in the data directory, newest first, with its status in
//! words; search results and the action history across meetings are drawn here too.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{fit, scroll_for};
use crate::app::App;
use crate::app::archive::ArchiveView;
use crate::model::MeetingStatus;
use crate::model::carry::long_date;
use crate::store::Summary;

/// The status as a symbol and a word, so it never rests on colour.
pub fn status_word(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Planned => "◷ planned",
        MeetingStatus::InProgress => "▶ in progress",
        MeetingStatus::Draft => "✎ draft",
        MeetingStatus::Approved => "✓ approved",
    }
}

pub fn draw(app: &mut App, frame: &mut Frame, area: Rect) {
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(4),
    ])
    .areas(area);
    match &app.archive.view {
        ArchiveView::Meetings => meetings(app, frame, head, list, detail),
    }
}

fn meetings(app: &App, frame: &mut Frame, head: Rect, list: Rect, detail: Rect) {
    let theme = app.theme;
    let all = &app.archive.meetings;
    let summary = if !app.archive.listed {
        "Reading the archive…".to_string()
    } else {
        let approved = all
            .iter()
            .filter(|s| s.status == MeetingStatus::Approved)
            .count();
        format!(
            "{} meetings, {approved} with approved minutes · Enter read · / search · a actions · \
             x export",
            all.len()
        )
    };
    frame.render_widget(Paragraph::new(fit(&summary, head.width as usize)), head);

    let w = list.width as usize;
    let (date_w, status_w, count_w) = (17, 14, 9);
    let title_w = w.saturating_sub(2 + date_w + status_w + 2 * count_w).max(6);
    let inner_h = list.height.saturating_sub(2) as usize;
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {:<date_w$}{:<status_w$}{:<count_w$}{:<count_w$}{}",
            "Date", "Status", "Present", "Actions", "Title"
        ),
        theme.dim(),
    ))];
    let sel = app.archive.sel.min(all.len().saturating_sub(1));
    let first = scroll_for(sel, inner_h.saturating_sub(1), all.len());
    for (row, s) in all.iter().enumerate().skip(first) {
        if lines.len() >= inner_h {
            break;
        }
        // Flags first, so a narrow window cuts the title, not them.
        let mut title = String::new();
        if s.id == app.meeting.id {
            title.push_str("[open now] ");
        }
        if s.exempt_items > 0 {
            title.push_str("[Part B] ");
        }
        title.push_str(&s.title);
        let text = format!(
            "{} {:<date_w$}{:<status_w$}{:<count_w$}{:<count_w$}{}",
            if row == sel { "›" } else { " " },
            s.date.format("%a %-d %b %Y"),
            status_word(s.status),
            s.present,
            s.actions_raised,
            fit(&title, title_w),
        );
        let mut style = match s.status {
            MeetingStatus::Planned => theme.dim(),
            _ => Style::default(),
        };
        if row == sel {
            style = style.patch(theme.selected());
        }
        lines.push(Line::from(Span::styled(text, style)));
    }
    if app.archive.listed && all.is_empty() {
        lines.push(Line::from("No meetings in the data directory yet."));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::TOP | Borders::BOTTOM)
                .title(" Archive "),
        ),
        list,
    );
    let text = all.get(sel).map(|s| details(s)).unwrap_or_default();
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), detail);
}

fn details(s: &Summary) -> Vec<Line<'static>> {
    let mut first = format!("{} · {}", s.id, s.title);
    if s.board != s.title {
        first.push_str(&format!(" · {}", s.board));
    }
    if s.exempt_items > 0 {
        first.push_str(&format!(" · {} exempt (Part B) item(s)", s.exempt_items));
    }
    if let Some(t) = s.start_time {
        first.push_str(&format!(" · {}", t.format("%H:%M")));
    }
    let second = match (&s.approval, s.status) {
        (Some(a), _) => {
            let mut t = format!(
                "Minutes approved as a correct record at the meeting of {}, signed by {}; sealed.",
                long_date(a.on),
                a.by
            );
            if s.errata > 0 {
                t.push_str(&format!(" {} erratum(s) recorded beside them.", s.errata));
            }
            t
        }
        (None, MeetingStatus::Approved) => "Minutes marked approved, without a seal.".into(),
        (None, MeetingStatus::Draft) => {
            "Minutes in draft: to be approved at the next meeting (its minutes item, key v).".into()
        }
        (None, MeetingStatus::InProgress) => "The meeting is in progress.".into(),
        (None, MeetingStatus::Planned) => "Planned: not yet held.".into(),
    };
    vec![Line::from(first), Line::from(second)]
}
