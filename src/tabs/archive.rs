//! The archive: every meeting in the data directory, newest first, with its status in
//! words; search results and the action history across meetings are drawn here too.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row as TableRow, Wrap};

use super::{fit, list};
use crate::app::App;
use crate::app::archive::{ArchiveView, Row as ArchiveRow, Show, Unreadable};
use crate::keymap::{self, ArchiveCommand, Command, Scope};
use crate::model::{ActionStatus, MeetingStatus};
use crate::search::Hit;
use crate::search::history::ActionRecord;
use crate::store::Summary;
use crate::ui::theme::Theme;
use crate::words::{PART_B_TAG, UNREADABLE, long_date};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
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
        ArchiveView::Decisions { all } => {
            super::register::draw(app, frame, [head, list, detail], all)
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
        "{total} match(es) for {query} · {}",
        crate::keymap::search_result_keys()
    );
    frame.render_widget(Paragraph::new(fit(&summary, head.width as usize)), head);
    let sel = app.archive.sel.min(hits.len().saturating_sub(1));
    let placed = list::place_rows(list, hits.len(), 2, 0);
    let widths = [Constraint::Fill(1)];
    let w = placed.columns(&widths)[0];
    let rows = hits
        .iter()
        .enumerate()
        .map(|(i, h)| hit_row(h, board_code(app, h), w, i == sel, theme))
        .collect();
    // Only the place line of the selected hit is reversed: the words found stay marked.
    let table = placed
        .table(theme, None, rows, &widths)
        .row_highlight_style(Style::default());
    let empty = Line::from(format!(
        "No matches for {query}. Every word must be in the same item or action."
    ));
    placed.render(frame, " Search results ", table, Some(sel), Some(empty));
    let text = hits.get(sel).map(|h| {
        let title = if h.meeting_title.is_empty() {
            h.meeting.to_string()
        } else {
            format!("{} · {}", h.meeting, h.meeting_title)
        };
        vec![
            Line::from(title),
            Line::from(Span::styled(
                format!(
                    "{} opens this meeting at the item, read-only; {} there comes back here.",
                    crate::keymap::open_key(),
                    crate::keymap::back_key()
                ),
                theme.dim(),
            )),
        ]
    });
    frame.render_widget(
        Paragraph::new(text.unwrap_or_default()).wrap(Wrap { trim: true }),
        detail,
    );
}

/// The code of a hit's board, when the archive holds more than one board.
fn board_code<'a>(app: &'a App, h: &Hit) -> Option<&'a str> {
    if !several_boards(app) {
        return None;
    }
    let code = app
        .archive
        .meetings
        .iter()
        .find(|s| s.board_id.is_some() && s.board_id == h.board_id)
        .map_or("-", |s| s.board_code.as_str());
    Some(code)
}

/// A hit on two lines: where it is (its board's code first, when given), then the snippet
/// with the words marked, both shortened to `w` columns.
fn hit_row(
    h: &Hit,
    board: Option<&str>,
    w: usize,
    selected: bool,
    theme: Theme,
) -> TableRow<'static> {
    let mut place = board.map_or(String::new(), |code| format!("{code}  "));
    place.push_str(&crate::words::weekday_date(h.date));
    if let Some(item) = &h.item {
        place.push_str(&format!("  {} {}", item.number, item.title));
        if let Some(minute) = &item.minute {
            place.push_str(&format!("  {minute}"));
        }
    }
    if h.exempt {
        place.push_str(&format!("  {PART_B_TAG}"));
    }
    place.push_str(&format!("  ({})", h.field.label()));
    let mut spans = vec![Span::raw("  ")];
    let mut used = 2;
    for (piece, hit) in h.snippet.pieces() {
        let piece = piece.replace('\n', " ");
        let text = if hit { format!("[{piece}]") } else { piece };
        let room = w.saturating_sub(used);
        if room == 0 {
            break;
        }
        let text = fit(&text, room);
        used += unicode_width::UnicodeWidthStr::width(text.as_str());
        spans.push(match hit {
            true => Span::styled(text, Style::default().add_modifier(Modifier::REVERSED)),
            false => Span::raw(text),
        });
    }
    let style = match selected {
        true => theme.selected(),
        false => theme.title(),
    };
    let place = Line::from(Span::styled(fit(&place, w), style));
    TableRow::new([Cell::from(Text::from(vec![place, Line::from(spans)]))]).height(2)
}

/// The keys of the action history's filters: by status, by owner.
fn filter_keys() -> (String, String) {
    let key = |cmd| keymap::name(Scope::Archive, Command::Archive(cmd));
    (
        key(ArchiveCommand::HistoryFilter),
        key(ArchiveCommand::OwnerFilter),
    )
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
    let (filter, owner_key) = filter_keys();
    let mut summary = format!(
        "{} action(s), {} ({}) · {filter} all/open/overdue · {owner_key} owner",
        rows.len(),
        show.label(),
        crate::words::overdue_against(today)
    );
    if let Some(o) = owner {
        summary.push_str(&format!(" · owner: {o}"));
    }
    frame.render_widget(Paragraph::new(fit(&summary, head.width as usize)), head);
    let placed = list::place(list, rows.len());
    let cols = placed.columns(&ACTION_WIDTHS);
    let cells = rows.iter().map(|r| action_row(r, today, &cols, theme));
    let header = list::header(&["Status", "Raised", "Owner", "Due", "Action"]);
    let table = placed.table(theme, header, cells.collect(), &ACTION_WIDTHS);
    let sel = app.archive.sel.min(rows.len().saturating_sub(1));
    let empty = Line::from(format!(
        "No actions match. {filter} changes the filter, {owner_key} the owner."
    ));
    placed.render(
        frame,
        " Actions across the archive ",
        table,
        Some(sel),
        Some(empty),
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
        d.extend(super::actions::history_lines(a, theme));
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

/// Status, Raised, Owner, Due, Action.
const ACTION_WIDTHS: [Constraint; 5] = [
    // "⊘ withdrawn", the longest status.
    Constraint::Length(11),
    Constraint::Length(11),
    Constraint::Length(19),
    Constraint::Length(12),
    Constraint::Fill(1),
];

/// The latest copy of an action, fitted to the columns' widths `cols`.
fn action_row(
    r: &ActionRecord,
    today: NaiveDate,
    cols: &[usize],
    theme: Theme,
) -> TableRow<'static> {
    let late = r.is_overdue(today);
    let status = r.action.status.marked(late);
    let mut text = r.action.text.clone();
    if r.exempt {
        text = format!("{PART_B_TAG} {text}");
    }
    let style = match (r.action.status, late) {
        (ActionStatus::Open, true) => theme.bad(),
        (ActionStatus::Open, false) => Style::default(),
        (ActionStatus::Done | ActionStatus::Dropped | ActionStatus::Withdrawn, _) => theme.dim(),
    };
    TableRow::new([
        status.to_string(),
        crate::words::short_date(r.raised_on),
        fit(&r.action.owner, cols[2]),
        r.due_short(),
        fit(&text, cols[4]),
    ])
    .style(style)
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
            "{} meetings, {approved} with approved minutes{unreadable} · {}",
            all.len(),
            crate::keymap::archive_list_keys()
        )
    };
    frame.render_widget(Paragraph::new(fit(&summary, head.width as usize)), head);

    let placed = list::place(list, rows.len());
    let cols = placed.columns(&MEETING_WIDTHS);
    let cells = rows.iter().map(|r| meeting_row(app, r, &cols)).collect();
    let header = list::header(&[
        "Date",
        "Status",
        "Present",
        "Actions",
        if several_boards(app) {
            "Board  Title"
        } else {
            "Title"
        },
    ]);
    let table = placed.table(theme, header, cells, &MEETING_WIDTHS);
    let sel = app.archive.sel.min(rows.len().saturating_sub(1));
    let empty = app
        .archive
        .listed
        .then(|| Line::from("No meetings in the data directory yet."));
    placed.render(frame, " Archive ", table, Some(sel), empty);
    let text = match rows.get(sel) {
        Some(ArchiveRow::Meeting(s)) => details(s),
        Some(ArchiveRow::Unreadable(u)) => unreadable_details(u),
        None => Vec::new(),
    };
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), detail);
}

/// Date, Status, Present, Actions, Title.
const MEETING_WIDTHS: [Constraint; 5] = [
    Constraint::Length(16),
    Constraint::Length(13),
    Constraint::Length(8),
    Constraint::Length(8),
    Constraint::Fill(1),
];

/// Whether the archive holds meetings of more than one board: then each row names its board.
fn several_boards(app: &App) -> bool {
    let mut ids = app.archive.meetings.iter().map(|s| &s.board_id);
    ids.next().is_some_and(|first| ids.any(|id| id != first))
}

/// A meeting, or a file that could not be read, fitted to the columns' widths `cols`.
fn meeting_row(app: &App, r: &ArchiveRow, cols: &[usize]) -> TableRow<'static> {
    let theme = app.theme;
    match r {
        ArchiveRow::Meeting(s) => {
            // Flags first, so a narrow window cuts the title, not them; the board's code
            // before them, so that two boards' meetings on one day are told apart.
            let mut title = String::new();
            if several_boards(app) {
                let code = if s.board_code.is_empty() {
                    "-"
                } else {
                    &s.board_code
                };
                title.push_str(&format!("{code:<6} "));
            }
            if s.id == app.meeting.id {
                title.push_str("[open now] ");
            }
            if s.exempt_items > 0 {
                title.push_str(PART_B_TAG);
                title.push(' ');
            }
            title.push_str(&s.title);
            let style = match s.status {
                MeetingStatus::Planned => theme.dim(),
                MeetingStatus::InProgress | MeetingStatus::Draft | MeetingStatus::Approved => {
                    Style::default()
                }
            };
            TableRow::new([
                crate::words::weekday_date(s.date),
                s.status.marked().to_string(),
                s.present.to_string(),
                s.actions_raised.to_string(),
                fit(&title, cols[4]),
            ])
            .style(style)
        }
        // The file and where it breaks take the counts' and title's room.
        ArchiveRow::Unreadable(u) => {
            let date =
                u.id.as_ref()
                    .map_or(String::new(), |id| crate::words::weekday_date(id.date()));
            let what = format!("{} · {}", u.file, u.problem);
            let room = cols[2] + cols[3] + cols[4] + 2;
            TableRow::new([
                Cell::from(date),
                Cell::from(UNREADABLE),
                Cell::from(fit(&what, room)).column_span(3),
            ])
            .style(theme.bad())
        }
    }
}

fn unreadable_details(u: &Unreadable) -> Vec<Line<'static>> {
    vec![
        Line::from(u.sentence.clone()),
        Line::from(format!(
            "{} says what to do; the file is not opened, exported or changed.",
            crate::keymap::open_key()
        )),
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
        first.push_str(&format!(" · {}", crate::words::time(t)));
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
