//! The action log: actions carried from earlier meetings and those raised today, overdue
//! ones marked by word, with the selected action's history.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Wrap};

use super::{fit, list, read_only_banner};
use crate::app::App;
use crate::model::{ActionItem, ActionStatus, action};
use crate::ui::theme::Theme;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let m = &app.meeting;
    let rows = app.action_rows();
    let judge = Judge { app };
    let open = m.actions.iter().filter(|a| a.is_open()).count();
    let late = m.actions.iter().filter(|a| judge.overdue(a)).count();
    let mut head: Vec<Line> = read_only_banner(app).into_iter().collect();
    head.push(Line::from(format!(
        "{} actions: {open} open ({late} {}), {} raised at this meeting",
        m.actions.len(),
        crate::words::overdue_against(m.date),
        m.actions_raised().count()
    )));
    let sel = app.actions_sel.min(rows.len().saturating_sub(1));
    let detail_lines = rows.get(sel).map(|&i| detail_lines(&judge, &m.actions[i]));
    let detail_lines = detail_lines.unwrap_or_default();
    // The whole history where it fits: up to half the pane, never less than before.
    let wanted = detail_lines.len().max(6) as u16;
    let [top, list, detail] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Fill(1),
        Constraint::Length(wanted.min(area.height / 2).max(6)),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), top);

    let (cells, at) = table_rows(&judge, &rows, sel);
    let placed = list::place(list, cells.len());
    let widths = widths(list.width >= 100);
    let cols = placed.columns(&widths);
    let cells = cells
        .into_iter()
        .map(|r| r.into_row(&cols, app.theme))
        .collect();
    let header = list::header(&["Status", "Action", "Owner", "Due"]);
    let table = placed.table(app.theme, header, cells, &widths);
    let empty = Line::from(format!(
        "No actions yet. Capture one from the Minutes tab with {}.",
        crate::keymap::action_key()
    ));
    placed.render(frame, " Actions ", table, at, Some(empty));
    frame.render_widget(
        Paragraph::new(detail_lines).wrap(Wrap { trim: true }),
        detail,
    );
}

/// Status, Action, Owner, Due.
fn widths(wide: bool) -> [Constraint; 4] {
    [
        // "⊘ withdrawn", the longest status.
        Constraint::Length(11),
        Constraint::Fill(1),
        Constraint::Length(if wide { 23 } else { 15 }),
        Constraint::Length(12),
    ]
}

/// When each action is due and whether it is overdue, judged for this meeting.
struct Judge<'a> {
    app: &'a App,
}

impl Judge<'_> {
    /// "Next meeting" is dated from the archive once it is listed; until then overdue is
    /// judged from this meeting and the one before it.
    fn next(&self, a: &ActionItem) -> Option<chrono::NaiveDate> {
        let (app, m) = (self.app, &self.app.meeting);
        // The next meeting of this board: another board's meeting is not when it falls due.
        let known = app
            .archive
            .meetings
            .iter()
            .filter(|s| app.of_this_board(s))
            .map(|s| (s.date, &s.id));
        let all = known.chain([(m.date, &m.id)]);
        app.archive
            .listed
            .then(|| action::next_meeting_after(&a.raised.meeting, all))
            .flatten()
    }

    fn overdue(&self, a: &ActionItem) -> bool {
        let m = &self.app.meeting;
        let judged = self
            .next(a)
            .or_else(|| action::next_meeting_by(m, &a.raised.meeting));
        a.is_overdue(m.date, judged)
    }
}

/// A row of the list before its cells are fitted to their columns.
enum Entry {
    Section(&'static str),
    Action {
        status: String,
        text: String,
        owner: String,
        due: String,
        style: Style,
    },
}

impl Entry {
    fn into_row(self, cols: &[usize], theme: Theme) -> Row<'static> {
        match self {
            Entry::Section(title) => {
                Row::new([Cell::from(title).column_span(4)]).style(theme.title())
            }
            Entry::Action {
                status,
                text,
                owner,
                due,
                style,
            } => Row::new([status, fit(&text, cols[1]), fit(&owner, cols[2]), due]).style(style),
        }
    }
}

/// The list's rows, carried actions under one heading and today's under another, and
/// where the selected action is among them.
fn table_rows(judge: &Judge, rows: &[usize], sel: usize) -> (Vec<Entry>, Option<usize>) {
    let (app, m) = (judge.app, &judge.app.meeting);
    let theme = app.theme;
    let mut out = Vec::new();
    let mut at = None;
    let mut last_section = None;
    for (row, &i) in rows.iter().enumerate() {
        let a = &m.actions[i];
        let carried = a.raised.meeting != m.id;
        if last_section != Some(carried) {
            out.push(Entry::Section(match carried {
                true => "Carried forward from earlier meetings",
                false => "Raised at this meeting",
            }));
            last_section = Some(carried);
        }
        if row == sel {
            at = Some(out.len());
        }
        let late = judge.overdue(a);
        let style = match (a.status, late) {
            (ActionStatus::Open, true) => theme.bad(),
            (ActionStatus::Open, false) => Style::default(),
            (ActionStatus::Done | ActionStatus::Dropped | ActionStatus::Withdrawn, _) => {
                theme.dim()
            }
        };
        out.push(Entry::Action {
            status: a.status.marked(late).into(),
            text: a.text.clone(),
            owner: a.owner.clone(),
            due: a.due_short(judge.next(a)),
            style,
        });
    }
    (out, at)
}

fn detail_lines(judge: &Judge, a: &ActionItem) -> Vec<Line<'static>> {
    let theme = judge.app.theme;
    let mut d = vec![
        Line::from(vec![
            Span::styled(format!("{} ", a.id), theme.key()),
            Span::raw(a.text.clone()),
        ]),
        Line::from(format!(
            "Owner {} · set by {} at {} ({}) · {}",
            a.owner,
            a.set_by,
            a.raised.meeting,
            a.raised.item_title,
            a.due_words(judge.next(a))
        )),
    ];
    d.extend(history_lines(a, theme));
    d
}

/// Every update to an action, newest first: its date, the status it set, what it said,
/// who made it, and each field an edit changed from what to what.
pub fn history_lines(a: &ActionItem, theme: Theme) -> Vec<Line<'static>> {
    let mut d = Vec::new();
    for u in a.history.iter().rev() {
        d.push(Line::from(Span::styled(
            format!(
                "{}{}",
                crate::words::short_date(u.date),
                crate::words::update_words(u)
            ),
            theme.dim(),
        )));
        for c in &u.changed {
            d.push(Line::from(Span::styled(
                // "↳", not spaces: a wrapped paragraph trims leading spaces.
                format!("  ↳ {}", crate::words::change_words(c)),
                theme.dim(),
            )));
        }
    }
    d
}
