//! The chair's running order: numbered items with their kind, presenter, time, status,
//! Part B marker and principles; the current item's time against its allowance; the
//! forecast end of the meeting.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Wrap};

use super::{fit, list, read_only_banner};
use crate::app::App;
use crate::keymap::{self, AgendaEdit, Command, ItemView, RunningOrder, Scope};
use crate::model::agenda::{Walked, walk};
use crate::model::standing::sparkline;
use crate::model::{AgendaItem, Exemption, ItemRole, ItemStatus, MeetingStatus, Minuting, running};
use crate::ui::brief::BriefPanel;
use crate::ui::minutes_seconds;
use crate::words::PART_B_TAG;

fn summary(app: &App) -> Vec<Line<'static>> {
    let m = &app.meeting;
    let now = app.now.time();
    let theme = app.theme;
    let mut lines: Vec<Line> = read_only_banner(app).into_iter().collect();
    let when = m.start_time.map(crate::words::time).unwrap_or_default();
    let how = match m.minuting {
        Minuting::Live => "",
        Minuting::WriteUp => " · written up afterwards",
    };
    let forecast = running::forecast_end(m, now)
        .map(|t| format!(" · forecast end {}", crate::words::time(t)))
        .unwrap_or_default();
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} ", crate::words::weekday_date(m.date)),
            theme.title(),
        ),
        Span::raw(format!("{when} · {}{how}{forecast}", m.status.label())),
    ]));
    match running::timing(m, now) {
        Some(t) => {
            let number = crate::model::agenda::number_of(&m.agenda, t.item)
                .map(|n| n.to_string())
                .unwrap_or_default();
            let title = m.item(t.item).map(|i| i.title.clone()).unwrap_or_default();
            let allowed = t
                .allotted
                .map(|a| format!(" of {} min", a.num_minutes()))
                .unwrap_or_default();
            let mut spans = vec![Span::raw(format!(
                "▶ Now: {number} {title} · {}{allowed}",
                minutes_seconds(t.elapsed)
            ))];
            if let Some(over) = t.overrun() {
                spans.push(Span::styled(
                    format!(" · OVERRUN by {}", minutes_seconds(over)),
                    theme.bad(),
                ));
            }
            lines.push(Line::from(spans));
        }
        None if m.status == MeetingStatus::Planned => lines.push(Line::from(Span::styled(
            format!(
                "Not started: press {} to start the meeting.",
                keymap::name(Scope::Agenda, Command::Running(RunningOrder::Start))
            ),
            theme.dim(),
        ))),
        None => lines.extend(written_up_now(app)),
    }
    lines
}

/// The item being written up, where the clock gives no timing to show.
fn written_up_now(app: &App) -> Option<Line<'static>> {
    let m = &app.meeting;
    let w = crate::model::agenda::walked(&m.agenda, running::current(m)?)?;
    Some(Line::from(format!(
        "▶ Written up, {} sets an item's times · Now: {} {}",
        keymap::name(Scope::Agenda, Command::Agenda(AgendaEdit::ItemTimes)),
        w.number,
        w.item.title,
    )))
}

/// The summary's rows and the rest of the pane.
fn head_and_body(app: &App, area: Rect) -> (Vec<Line<'static>>, Rect, Rect) {
    let head = summary(app);
    let [top, body] =
        Layout::vertical([Constraint::Length(head.len() as u16), Constraint::Fill(1)]).areas(area);
    (head, top, body)
}

/// Where the item view draws the brief in the Agenda pane `area` (the mouse and paging
/// ask here too): under the summary and the view's title row.
pub fn brief_area(app: &App, area: Rect) -> Rect {
    let (_, _, body) = head_and_body(app, area);
    Block::new().borders(Borders::TOP).inner(body)
}

/// The item view: the selected item's brief under the summary, in place of the list.
fn draw_item_view(app: &App, frame: &mut Frame, area: Rect) {
    let (head, top, body) = head_and_body(app, area);
    frame.render_widget(Paragraph::new(head), top);
    let brief = app.agenda_sel.and_then(|id| app.brief(id));
    let title = match &brief {
        Some(b) => format!(" Item {} ", b.number),
        None => " Item ".to_string(),
    };
    let back = format!(
        " {} or {} back to the list ",
        keymap::name(Scope::Agenda, Command::ItemView(ItemView::Toggle)),
        keymap::back_key()
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .title(title)
        .title(Line::from(back).alignment(Alignment::Right));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    match &brief {
        Some(b) => frame.render_widget(
            BriefPanel::new(b, app.theme).scroll(app.item_scroll()),
            inner,
        ),
        None => frame.render_widget(Paragraph::new(detail_lines(app, None, None)), inner),
    }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if app.item_view.is_some() {
        return draw_item_view(app, frame, area);
    }
    let (head, top, body) = head_and_body(app, area);
    let [list, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(body);
    frame.render_widget(Paragraph::new(head), top);

    let rows = walk(&app.meeting.agenda);
    let sel = app
        .agenda_sel
        .and_then(|s| rows.iter().position(|w| w.item.id == s))
        .unwrap_or(0);
    let placed = list::place(list, rows.len());
    let columns = Columns::new(list.width >= 100, &rows);
    let widths = columns.widths();
    let cols = placed.columns(&widths);
    let cells = table_rows(app, &rows, &columns, &cols);
    let table = placed.table(app.theme, Some(columns.header()), cells, &widths);
    placed.render(frame, " Agenda ", table, Some(sel), None);
    frame.render_widget(
        Paragraph::new(detail_lines(
            app,
            rows.get(sel).map(|w| w.item),
            rows.get(sel).and_then(|w| w.ground),
        ))
        .wrap(Wrap { trim: true }),
        detail,
    );
}

/// The agenda's columns: kind and presenter only when wide, the principles whenever any
/// item names one, in a column of their own so a long title cannot push them off.
struct Columns {
    wide: bool,
    principles: u16,
}

/// The longest status, "» deferred".
const STATUS_W: u16 = 10;

impl Columns {
    fn new(wide: bool, rows: &[Walked<AgendaItem, Exemption>]) -> Columns {
        let tags = rows.iter().map(|w| principle_tags(w.item).chars().count());
        let widest = tags.max().unwrap_or(0) as u16;
        Columns {
            wide,
            principles: if widest == 0 {
                0
            } else {
                widest.max(PRINCIPLES.len() as u16)
            },
        }
    }

    /// No., Item, [Kind, Presenter,] [Principles,] Mins, Status.
    fn widths(&self) -> Vec<Constraint> {
        let mut w = vec![Constraint::Length(5), Constraint::Fill(1)];
        if self.wide {
            w.extend([Constraint::Length(15), Constraint::Length(23)]);
        }
        if self.principles > 0 {
            w.push(Constraint::Length(self.principles));
        }
        w.extend([Constraint::Length(4), Constraint::Length(STATUS_W)]);
        w
    }

    fn header(&self) -> Row<'static> {
        let mut h = vec![Cell::from("No."), Cell::from("Item")];
        if self.wide {
            h.extend([Cell::from("Kind"), Cell::from("Presenter")]);
        }
        if self.principles > 0 {
            h.push(Cell::from(PRINCIPLES));
        }
        h.extend([right("Mins".into()), Cell::from("Status")]);
        Row::new(h)
    }
}

/// The principles column's header: short, so the titles keep their room at 80 columns
/// (the detail below the list spells each principle out).
const PRINCIPLES: &str = "Tags";

/// The corporate parenting principles an item serves, as "P1,P4".
fn principle_tags(item: &AgendaItem) -> String {
    let ps: Vec<String> = item
        .principles
        .iter()
        .map(|p| format!("P{}", p.number()))
        .collect();
    ps.join(",")
}

fn right(text: String) -> Cell<'static> {
    Cell::from(Line::from(text).alignment(Alignment::Right))
}

/// One row an item, each cell shortened to its column's width (`cols`).
fn table_rows(
    app: &App,
    rows: &[Walked<AgendaItem, Exemption>],
    columns: &Columns,
    cols: &[usize],
) -> Vec<Row<'static>> {
    let theme = app.theme;
    let mut iha: Vec<f64> = app.iha_history().into_iter().map(|(_, r)| r).collect();
    iha.extend(app.meeting.standing.iha.as_ref().and_then(|f| f.rate()));
    let title_w = cols[1];
    rows.iter()
        .map(|w| {
            let (number, item) = (&w.number, w.item);
            let indent = "  ".repeat(w.depth() - 1);
            // Under a Part B item is Part B too, and is marked so.
            let part_b = w.is_exempt();
            let mut title = match part_b {
                true => format!("{indent}{PART_B_TAG} {}", item.title),
                false => format!("{indent}{}", item.title),
            };
            // The IHA row carries the trend of the last twelve meetings.
            if item.role == Some(ItemRole::Standing("iha".into())) && !iha.is_empty() {
                let recent = &iha[iha.len().saturating_sub(12)..];
                title.push(' ');
                title.push_str(&sparkline(recent));
            }
            let mut cells = vec![
                Cell::from(number.to_string()),
                Cell::from(fit(&title, title_w)),
            ];
            if columns.wide {
                cells.push(Cell::from(fit(item.kind.label(), cols[2])));
                cells.push(Cell::from(fit(&item.presenter, cols[3])));
            }
            if columns.principles > 0 {
                cells.push(Cell::from(principle_tags(item)));
            }
            let mins = item.minutes_allotted.map(|m| m.to_string());
            cells.push(right(mins.unwrap_or_default()));
            cells.push(Cell::from(item.status.marked()));
            let mut style = match item.status {
                ItemStatus::Current => theme.good(),
                ItemStatus::Done | ItemStatus::Deferred => theme.dim(),
                ItemStatus::Pending => Style::default(),
            };
            if part_b {
                style = style.patch(theme.exempt());
            }
            Row::new(cells).style(style)
        })
        .collect()
}

/// `ground` is the item's Part B ground as the walk inherits it.
fn detail_lines(
    app: &App,
    item: Option<&AgendaItem>,
    ground: Option<&Exemption>,
) -> Vec<Line<'static>> {
    let Some(item) = item else {
        return vec![Line::from(format!(
            "The agenda is empty: press {} to add an item.",
            keymap::name(Scope::Agenda, Command::Agenda(AgendaEdit::Add))
        ))];
    };
    let theme = app.theme;
    let mut facts = vec![item.kind.label().to_string()];
    if let Some(minute) = &item.minute {
        facts.insert(0, format!("minute {minute}"));
    }
    if !item.presenter.is_empty() {
        facts.push(format!("presented by {}", item.presenter));
    }
    if let Some(m) = item.minutes_allotted {
        facts.push(format!("{m} min allowed"));
    }
    if let (Some(a), Some(b)) = (item.started_at, item.ended_at) {
        facts.push(format!(
            "taken {}–{}",
            crate::words::time(a),
            crate::words::time(b)
        ));
    } else if let Some(a) = item.started_at {
        facts.push(format!("started {}", crate::words::time(a)));
    }
    let mut lines = vec![Line::from(vec![
        Span::styled(item.title.clone(), theme.title()),
        Span::raw(format!(" · {}", facts.join(" · "))),
    ])];
    if let Some(ex) = ground {
        let under = if item.is_exempt() {
            ""
        } else {
            " (under a Part B item)"
        };
        lines.push(Line::from(Span::styled(
            format!("{PART_B_TAG} exempt{under}: {}", ex.reason),
            theme.exempt(),
        )));
    }
    for p in &item.principles {
        lines.push(Line::from(Span::styled(
            format!("Principle {}: {}", p.number(), p.wording()),
            theme.dim(),
        )));
    }
    lines
}
