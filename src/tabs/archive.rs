//! The archive: every meeting in the data directory, newest first, with its status in
//! words; search results and the action history across meetings are drawn here too.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{fit, scroll_for};
use crate::app::App;
use crate::app::archive::{ArchiveView, Row, Show, Unreadable};
use crate::model::{ActionStatus, MeetingStatus};
use crate::search::Hit;
use crate::store::Summary;
use crate::words::long_date;

pub fn draw(app: &mut App, frame: &mut Frame, area: Rect) {
    let [head, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(4),
    ])
    .areas(area);
    match &app.archive.view {
        ArchiveView::Meetings => meetings(app, frame, head, list, detail),
        ArchiveView::Found { query, hits, total } => {
            found(app, frame, [head, list, detail], query, hits, *total)
        }
        ArchiveView::Actions { show, owner, .. } => {
            actions(app, frame, [head, list, detail], *show, owner.as_deref())
        }
    }
}

/// Each hit on two lines: where it is, then the snippet with the words marked. The
/// marks are reverse video and [brackets], so they show without colour too.
fn found(
    app: &App,
    frame: &mut Frame,
    [head, list, detail]: [Rect; 3],
    query: &str,
    hits: &[Hit],
    total: usize,
) {
    let theme = app.theme;
    let summary = format!(
        "{total} match(es) for {query} · Enter opens at the item · / search again · Esc back"
    );
    frame.render_widget(Paragraph::new(fit(&summary, head.width as usize)), head);
    let w = list.width as usize;
    let inner_h = list.height.saturating_sub(2) as usize;
    let sel = app.archive.sel.min(hits.len().saturating_sub(1));
    let first = scroll_for(sel, (inner_h / 2).max(1), hits.len());
    let mut lines = Vec::new();
    for (row, h) in hits.iter().enumerate().skip(first) {
        if lines.len() + 2 > inner_h {
            break;
        }
        let mark = if row == sel { "›" } else { " " };
        let mut place = format!("{mark} {}", crate::words::weekday_date(h.date));
        if let Some(item) = &h.item {
            place.push_str(&format!("  {} {}", item.number, item.title));
        }
        if h.exempt {
            place.push_str("  [Part B]");
        }
        place.push_str(&format!("  ({})", h.field.label()));
        let style = if row == sel {
            theme.selected()
        } else {
            theme.title()
        };
        lines.push(Line::from(Span::styled(fit(&place, w), style)));
        let mut spans = vec![Span::raw("    ")];
        let mut used = 4;
        for (piece, hit) in h.snippet.pieces() {
            let piece = piece.replace('\n', " ");
            let text = if hit { format!("[{piece}]") } else { piece };
            let room = w.saturating_sub(used);
            if room == 0 {
                break;
            }
            let text = fit(&text, room);
            used += unicode_width::UnicodeWidthStr::width(text.as_str());
            spans.push(if hit {
                Span::styled(text, Style::default().add_modifier(Modifier::REVERSED))
            } else {
                Span::raw(text)
            });
        }
        lines.push(Line::from(spans));
    }
    if hits.is_empty() {
        lines.push(Line::from(format!(
            "No matches for {query}. Every word must be in the same item or action."
        )));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::TOP | Borders::BOTTOM)
                .title(" Search results "),
        ),
        list,
    );
    let text = hits.get(sel).map(|h| {
        let title = if h.meeting_title.is_empty() {
            h.meeting.to_string()
        } else {
            format!("{} · {}", h.meeting, h.meeting_title)
        };
        vec![
            Line::from(title),
            Line::from(Span::styled(
                "Enter opens this meeting at the item, read-only; Esc there comes back here.",
                theme.dim(),
            )),
        ]
    });
    frame.render_widget(
        Paragraph::new(text.unwrap_or_default()).wrap(Wrap { trim: true }),
        detail,
    );
}

/// The action history across the archive, one line an action, the selected one's updates below.
fn actions(
    app: &App,
    frame: &mut Frame,
    [head, list, detail]: [Rect; 3],
    show: Show,
    owner: Option<&str>,
) {
    let theme = app.theme;
    let today = app.archive.today;
    let rows = app.archive.action_rows(today);
    let mut summary = format!(
        "{} action(s), {} ({}) · o all/open/overdue · w owner",
        rows.len(),
        show.label(),
        crate::words::overdue_against(today)
    );
    if let Some(o) = owner {
        summary.push_str(&format!(" · owner: {o}"));
    }
    frame.render_widget(Paragraph::new(fit(&summary, head.width as usize)), head);
    let w = list.width as usize;
    let (status_w, owner_w, due_w, raised_w) = (11, 20, 13, 12);
    let text_w = w
        .saturating_sub(2 + status_w + owner_w + due_w + raised_w)
        .max(6);
    let inner_h = list.height.saturating_sub(2) as usize;
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {:<status_w$}{:<raised_w$}{:<owner_w$}{:<due_w$}{}",
            "Status", "Raised", "Owner", "Due", "Action"
        ),
        theme.dim(),
    ))];
    let sel = app.archive.sel.min(rows.len().saturating_sub(1));
    let first = scroll_for(sel, inner_h.saturating_sub(1), rows.len());
    for (row, r) in rows.iter().enumerate().skip(first) {
        if lines.len() >= inner_h {
            break;
        }
        let late = r.is_overdue(today);
        let status = r.action.status.marked(late);
        let mut text = r.action.text.clone();
        if r.exempt {
            text = format!("[Part B] {text}");
        }
        let line = format!(
            "{} {:<status_w$}{:<raised_w$}{:<owner_w$}{:<due_w$}{}",
            if row == sel { "›" } else { " " },
            status,
            crate::words::short_date(r.raised_on),
            fit(&r.action.owner, owner_w - 1),
            r.due_short(),
            fit(&text, text_w),
        );
        let mut style = match (r.action.status, late) {
            (ActionStatus::Open, true) => theme.bad(),
            (ActionStatus::Open, false) => Style::default(),
            _ => theme.dim(),
        };
        if row == sel {
            style = style.patch(theme.selected());
        }
        lines.push(Line::from(Span::styled(line, style)));
    }
    if rows.is_empty() {
        lines.push(Line::from(
            "No actions match. o changes the filter, w the owner.",
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::TOP | Borders::BOTTOM)
                .title(" Actions across the archive "),
        ),
        list,
    );
    let text = rows.get(sel).map(|r| {
        let a = &r.action;
        let item = match (&r.raised_item_number, a.raised.item_title.is_empty()) {
            (Some(n), false) => format!(" under {n} {}", a.raised.item_title),
            _ => String::new(),
        };
        let mut d = vec![Line::from(format!(
            "{} · raised {}{item} · set by {} · {} · latest at {}",
            a.id,
            crate::words::short_date(r.raised_on),
            a.set_by,
            r.due_words(),
            r.latest_meeting()
        ))];
        for u in a.history.iter().rev() {
            d.push(Line::from(Span::styled(
                format!("{}: {}", crate::words::short_date(u.date), u.note),
                theme.dim(),
            )));
        }
        if a.history.is_empty() {
            d.push(Line::from(Span::styled("No updates yet.", theme.dim())));
        }
        d
    });
    frame.render_widget(
        Paragraph::new(text.unwrap_or_default()).wrap(Wrap { trim: true }),
        detail,
    );
}

fn meetings(app: &App, frame: &mut Frame, head: Rect, list: Rect, detail: Rect) {
    let theme = app.theme;
    let all = &app.archive.meetings;
    let rows = app.archive.meeting_rows();
    let summary = if !app.archive.listed {
        "Reading the archive…".to_string()
    } else {
        let approved = all
            .iter()
            .filter(|s| s.status == MeetingStatus::Approved)
            .count();
        let unreadable = match app.archive.unreadable.len() {
            0 => String::new(),
            1 => ", 1 file unreadable".to_string(),
            n => format!(", {n} files unreadable"),
        };
        format!(
            "{} meetings, {approved} with approved minutes{unreadable} · Enter read · / search · \
             a actions · x export",
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
    let sel = app.archive.sel.min(rows.len().saturating_sub(1));
    let first = scroll_for(sel, inner_h.saturating_sub(1), rows.len());
    for (row, r) in rows.iter().enumerate().skip(first) {
        if lines.len() >= inner_h {
            break;
        }
        let mark = if row == sel { "›" } else { " " };
        let (text, mut style) = match r {
            Row::Meeting(s) => {
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
                    "{mark} {:<date_w$}{:<status_w$}{:<count_w$}{:<count_w$}{}",
                    crate::words::weekday_date(s.date),
                    s.status.marked(),
                    s.present,
                    s.actions_raised,
                    fit(&title, title_w),
                );
                let style = match s.status {
                    MeetingStatus::Planned => theme.dim(),
                    _ => Style::default(),
                };
                (text, style)
            }
            // The file and where it breaks take the counts' and title's room.
            Row::Unreadable(u) => {
                let date =
                    u.id.as_ref()
                        .map_or(String::new(), |id| crate::words::weekday_date(id.date()));
                let what = format!("{} · {}", u.file, u.problem);
                let room = w.saturating_sub(2 + date_w + status_w).max(6);
                (
                    format!(
                        "{mark} {date:<date_w$}{:<status_w$}{}",
                        UNREADABLE,
                        fit(&what, room)
                    ),
                    theme.bad(),
                )
            }
        };
        if row == sel {
            style = style.patch(theme.selected());
        }
        lines.push(Line::from(Span::styled(text, style)));
    }
    if app.archive.listed && rows.is_empty() {
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
    let text = match rows.get(sel) {
        Some(Row::Meeting(s)) => details(s),
        Some(Row::Unreadable(u)) => unreadable_details(u),
        None => Vec::new(),
    };
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), detail);
}

/// The status of a file that could not be read, in words like the others.
pub const UNREADABLE: &str = "✗ unreadable";

fn unreadable_details(u: &Unreadable) -> Vec<Line<'static>> {
    vec![
        Line::from(u.sentence.clone()),
        Line::from("Enter says what to do; the file is not opened, exported or changed."),
    ]
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
