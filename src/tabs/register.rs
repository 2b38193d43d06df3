//! The decisions register in the Archive pane: every decision and resolution, newest first,
//! one line each, the selected one's text and how it was carried below. Part B decisions
//! are marked: this is the clerk's own view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row as TableRow, Wrap};

use super::{fit, list};
use crate::app::App;
use crate::model::register::{self, Entry};
use crate::words::{PART_B_TAG, decision_word};

/// Date, Minute, Item, Decision.
const WIDTHS: [Constraint; 4] = [
    Constraint::Length(11),
    Constraint::Length(11),
    Constraint::Length(5),
    Constraint::Fill(1),
];

pub fn draw(app: &App, frame: &mut Frame, [head, list, detail]: [Rect; 3], all: &[Entry]) {
    let theme = app.theme;
    let summary = format!(
        "{} decision(s), newest first · {} opens at the item · {} back",
        all.len(),
        crate::keymap::open_key(),
        crate::keymap::name(crate::keymap::Scope::Archive, crate::keymap::Command::Back)
    );
    frame.render_widget(Paragraph::new(fit(&summary, head.width as usize)), head);
    let placed = list::place(list, all.len());
    let cols = placed.columns(&WIDTHS);
    let rows = all.iter().map(|e| row(e, &cols)).collect();
    let header = list::header(&["Date", "Minute", "Item", "Decision"]);
    let table = placed.table(theme, header, rows, &WIDTHS);
    let sel = app.archive.sel.min(all.len().saturating_sub(1));
    let empty = Line::from("No decisions are recorded in the archive yet.");
    placed.render(frame, " Decisions register ", table, Some(sel), Some(empty));
    let text = all.get(sel).map(|e| {
        let mut lines = vec![Line::from(format!(
            "{} {} · {}",
            e.item, e.title, e.meeting
        ))];
        lines.push(Line::from(format!(
            "{} – {}",
            decision_word(e.kind),
            e.text
        )));
        let how = register::procedure_words(e);
        if !how.is_empty() {
            lines.push(Line::from(how));
        }
        lines
    });
    frame.render_widget(
        Paragraph::new(text.unwrap_or_default()).wrap(Wrap { trim: true }),
        detail,
    );
}

fn row(e: &Entry, cols: &[usize]) -> TableRow<'static> {
    let mut text = format!("{} {}", decision_word(e.kind), e.text);
    if e.part_b {
        text = format!("{PART_B_TAG} {text}");
    }
    TableRow::new([
        crate::words::short_date(e.date),
        e.minute.clone().unwrap_or_else(|| "-".into()),
        e.item.clone(),
        fit(&text, cols[3]),
    ])
}
