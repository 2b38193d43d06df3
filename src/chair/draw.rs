//! The chair's screen drawn: the meeting and the clock, whether it is following the clerk,
//! the running order around the current item, the brief of the item in hand and, from 120
//! columns, the agenda beside it. Words carry every status; colour only repeats them.

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::screen::{Chair, Clerk, View};
use crate::keymap::{self, ChairCommand as CC, Scope, Step};
use crate::model::agenda::{self, ItemStatus};
use crate::model::brief::{Brief, Veil};
use crate::model::{ItemId, MeetingStatus, running};
use crate::tabs::fit;
use crate::ui::brief::BriefPanel;
use crate::ui::theme::Theme;
use crate::words::{PART_B_TAG, time, weekday_date};

/// From this width the agenda is listed beside the brief.
const WIDE: u16 = 120;
/// The agenda list's width on a wide screen.
const LIST_WIDTH: u16 = 48;

/// Where each part goes.
struct Areas {
    header: Rect,
    order: Rect,
    list: Option<Rect>,
    /// The brief's pane, its title row included.
    brief: Rect,
    footer: Rect,
}

fn areas(chair: &Chair, area: Rect) -> Areas {
    let banner = u16::from(chair.veil == Veil::UntilExcluded);
    let [header, order, body, footer] = Layout::vertical([
        Constraint::Length(2 + banner),
        Constraint::Length(3),
        Constraint::Min(0),
        Constraint::Length(2),
    ])
    .areas(area);
    let (list, brief) = if area.width >= WIDE {
        let [list, brief] =
            Layout::horizontal([Constraint::Length(LIST_WIDTH), Constraint::Min(0)]).areas(body);
        (Some(list), brief)
    } else {
        (None, body)
    };
    Areas {
        header,
        order,
        list,
        brief,
        footer,
    }
}

/// The rows the brief's text has, below its title row.
pub fn brief_area(chair: &Chair, area: Rect) -> Rect {
    let pane = areas(chair, area).brief;
    Block::new().borders(Borders::TOP).inner(pane)
}

pub fn draw(chair: &Chair, theme: Theme, f: &mut Frame) {
    let a = areas(chair, f.area());
    f.render_widget(Paragraph::new(header(chair, theme)), a.header);
    f.render_widget(Paragraph::new(order_lines(chair, theme)), a.order);
    if let Some(list) = a.list {
        draw_list(chair, theme, f, list);
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .title(brief_title(chair))
        .title_style(theme.title());
    let inner = block.inner(a.brief);
    f.render_widget(block, a.brief);
    match panel(chair) {
        Some(b) => {
            let more = keymap::chair_keys(CC::Page(Step::Down));
            let brief = BriefPanel::new(&b, theme)
                .scroll(chair.scroll)
                .whole_minutes();
            f.render_widget(brief.more_key(more), inner);
        }
        None => f.render_widget(
            Paragraph::new(brief_lines()).wrap(Wrap { trim: false }),
            inner,
        ),
    }
    f.render_widget(Paragraph::new(footer(chair, theme)), a.footer);
    if chair.help {
        draw_help(theme, f);
    }
}

fn header(chair: &Chair, theme: Theme) -> Vec<Line<'static>> {
    let m = &chair.meeting;
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} · {} · {} · {}",
            m.board.name,
            weekday_date(m.date),
            m.status.label(),
            chair.now.format("%H:%M")
        ),
        theme.title(),
    ))];
    let following = match chair.clerk {
        Clerk::NotOpen => "The clerk's workspace is not open: showing the last save",
        Clerk::Open | Clerk::Unknown => "Following the clerk's workspace",
    };
    let change = match chair.last_change {
        Some(t) => format!(" · last change {}", t.format("%H:%M:%S")),
        None => " · no change seen yet".to_string(),
    };
    lines.push(Line::from(format!("{following}{change}")));
    if chair.veil == Veil::UntilExcluded {
        let banner = match chair.veiled() {
            true => "PUBLIC SCREEN: Part B hidden until the press and public are excluded",
            false => "PUBLIC SCREEN: the press and public are excluded; Part B is shown",
        };
        lines.push(Line::from(Span::styled(banner, theme.exempt())));
    }
    lines
}

/// An item as this screen may name it: number, Part B tag, and title (on a public screen,
/// an item inside Part B business goes by the title of the Part B item it is under).
fn label(chair: &Chair, id: ItemId) -> String {
    let Some(w) = agenda::walked(&chair.meeting.agenda, id) else {
        return String::new();
    };
    let title = match (chair.hidden(id), w.holder) {
        (true, Some(holder)) => &holder.title,
        (true, None) | (false, _) => &w.item.title,
    };
    match w.is_exempt() {
        true => format!("{} {PART_B_TAG} {title}", w.number),
        false => format!("{} {title}", w.number),
    }
}

/// Before · NOW · next: three rows whatever the meeting's state, so nothing below moves.
fn order_lines(chair: &Chair, theme: Theme) -> Vec<Line<'static>> {
    let m = &chair.meeting;
    let leaves = running::leaves(&m.agenda);
    let pending = |id: &ItemId| m.item(*id).is_some_and(|i| i.status == ItemStatus::Pending);
    let row = |tag: &str, text: String| Line::from(format!("  {tag:<8}{text}"));
    let Some(now) = running::current(m) else {
        let first = leaves.iter().find(|id| pending(id));
        let state = match m.status {
            MeetingStatus::Planned => match m.start_time {
                Some(t) => format!("not started (due to start at {})", time(t)),
                None => "not started".to_string(),
            },
            MeetingStatus::InProgress => "between items".to_string(),
            MeetingStatus::Draft | MeetingStatus::Approved => "the meeting has ended".to_string(),
        };
        return vec![
            Line::default(),
            row("NOW", state),
            row("next", first.map_or(String::new(), |id| label(chair, *id))),
        ];
    };
    let at = leaves.iter().position(|id| *id == now).unwrap_or(0);
    let before = at.checked_sub(1).map(|i| label(chair, leaves[i]));
    let next = leaves[at + 1..].iter().find(|id| pending(id));
    vec![
        row("before", before.unwrap_or_default()),
        Line::from(vec![
            Span::styled(format!("▶ {:<8}{}", "NOW", label(chair, now)), theme.good()),
            Span::raw(now_timing(chair)),
        ]),
        row(
            "next",
            next.map_or("nothing: this is the last item".to_string(), |id| {
                label(chair, *id)
            }),
        ),
    ]
}

/// " · 7 of 15 min", " · 18 of 15 min, OVER by 3 min".
fn now_timing(chair: &Chair) -> String {
    let Some(t) = running::timing(&chair.meeting, chair.now.time()) else {
        return String::new();
    };
    let mins = |d: Duration| d.num_minutes();
    let mut out = match t.allotted {
        Some(a) => format!(" · {} of {} min", mins(t.elapsed), mins(a)),
        None => format!(" · {} min so far", mins(t.elapsed)),
    };
    if let Some(over) = t.overrun() {
        out.push_str(&format!(", OVER by {} min", mins(over)));
    }
    out
}

fn brief_title(chair: &Chair) -> String {
    match (chair.view, running::current(&chair.meeting)) {
        (View::Selected(_), _) => format!(
            " Selected: press {} to follow the clerk again ",
            keymap::chair_keys(CC::Follow)
        ),
        (View::Following, Some(_)) => " The item in hand ".to_string(),
        (View::Following, None) => " The next item to be taken ".to_string(),
    }
}

/// The brief the panel draws: the shown item's. On a public screen before the exclusion,
/// [`crate::model::brief::of`] veils Part B itself: one rule for every screen.
pub fn panel(chair: &Chair) -> Option<Brief> {
    chair.brief()
}

/// What shows where there is no brief to draw: an empty agenda.
pub fn brief_lines() -> Vec<Line<'static>> {
    vec![Line::from("The agenda is empty.")]
}

fn draw_list(chair: &Chair, theme: Theme, f: &mut Frame, area: Rect) {
    let width = usize::from(area.width.saturating_sub(3));
    let rows = chair.rows();
    let items: Vec<ListItem> = rows
        .iter()
        .filter_map(|id| {
            let w = agenda::walked(&chair.meeting.agenda, *id)?;
            let indent = "  ".repeat(w.depth() - 1);
            let status = w.item.status.marked();
            let room = width.saturating_sub(indent.len() + status.chars().count() + 1);
            let text = format!("{indent}{:<room$} {status}", fit(&label(chair, *id), room));
            let style = match w.item.status {
                ItemStatus::Current => theme.good(),
                ItemStatus::Done | ItemStatus::Deferred => theme.dim(),
                ItemStatus::Pending => Style::default(),
            };
            Some(ListItem::new(text).style(style))
        })
        .collect();
    let at = chair
        .shown()
        .and_then(|id| rows.iter().position(|r| *r == id));
    let mut state = ListState::default().with_selected(at);
    let list = List::new(items)
        .block(
            Block::new()
                .borders(Borders::TOP | Borders::RIGHT)
                .title(" Agenda ")
                .title_style(theme.title()),
        )
        .highlight_symbol("› ")
        .highlight_style(theme.selected());
    f.render_stateful_widget(list, area, &mut state);
}

fn footer(chair: &Chair, theme: Theme) -> Vec<Line<'static>> {
    let k = keymap::chair_keys;
    let hint = format!(
        "{}/{} select · {} follow · {}/{} scroll · {}/{} step · {} help · {} quit",
        k(CC::Select(Step::Up)),
        k(CC::Select(Step::Down)),
        k(CC::Follow),
        k(CC::Page(Step::Up)),
        k(CC::Page(Step::Down)),
        k(CC::AskNext),
        k(CC::AskPrevious),
        k(CC::Help),
        k(CC::Quit),
    );
    vec![
        // One row: a long message ends in an ellipsis rather than mid-word.
        Line::from(Span::styled(
            fit(
                chair.message.as_deref().unwrap_or_default(),
                usize::from(chair.size.width),
            ),
            theme.warn(),
        )),
        Line::from(Span::styled(hint, theme.dim())),
    ]
}

fn draw_help(theme: Theme, f: &mut Frame) {
    let rows = keymap::help(Scope::Chair);
    let area = f.area();
    let width = area.width.saturating_sub(4).min(90);
    // A row each, a few to spare for the longer ones wrapping.
    let height = (u16::try_from(rows.len()).unwrap_or(u16::MAX) + 5).min(area.height);
    let pane = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let keys = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let lines: Vec<Line> = rows
        .iter()
        .map(|r| {
            Line::from(vec![
                Span::styled(format!("{:<keys$}", r.label), theme.key()),
                Span::raw(r.help),
            ])
        })
        .collect();
    let block = Block::bordered()
        .title(format!(
            " Help: the chair's screen ({} closes) ",
            keymap::chair_keys(CC::Help)
        ))
        .title_style(theme.title());
    f.render_widget(Clear, pane);
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        pane,
    );
}
