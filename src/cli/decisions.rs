//! `minutebook decisions`: the decisions register across the archive, oldest first. Part B
//! decisions are marked [PART B]: this is the clerk's own tool, never a public document.

use chrono::NaiveDate;
use serde::Serialize;

use super::output::say;
use super::{Outcome, unless_unread};
use crate::model::register::{self, Entry};
use crate::store::Store;
use crate::words::{PART_B_TAG, decision_word};

/// What `decisions` was asked.
pub(super) struct Asked<'a> {
    pub board: Option<&'a str>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub json: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    board_id: Option<&'a crate::model::BoardId>,
    /// "RESOLVED" or "DECISION", as the minutes mark it.
    marked: &'static str,
}

pub(super) fn run(store: &Store, asked: Asked) -> Outcome {
    let scope = super::board::scope(store, asked.board)?;
    let in_dates = |id: &crate::model::MeetingId| {
        asked.from.is_none_or(|f| id.date() >= f) && asked.to.is_none_or(|t| id.date() <= t)
    };
    let (meetings, problems) = store.load_where(in_dates)?;
    unless_unread(&problems)?;
    let entries: Vec<(Option<crate::model::BoardId>, Entry)> = meetings
        .iter()
        .map(|m| (scope.board_of(&m.board), m))
        .filter(|(board, _)| scope.keeps(board.as_ref()))
        .flat_map(|(board, m)| {
            register::of_meetings([m], asked.from, asked.to)
                .into_iter()
                .map(move |e| (board.clone(), e))
        })
        .collect();
    let rows: Vec<Row> = entries
        .iter()
        .map(|(board, entry)| Row {
            entry,
            board_id: board.as_ref(),
            marked: decision_word(entry.kind),
        })
        .collect();
    if asked.json {
        say!("{}", crate::cli::output::json(&rows));
        return Ok(());
    }
    if rows.is_empty() {
        say!("No decisions recorded in the meetings asked for.");
        return Ok(());
    }
    for r in &rows {
        let code = scope.label.then(|| scope.code(r.board_id));
        say!("{}", lines(r.entry, code.as_deref()));
    }
    Ok(())
}

/// One decision: where it was taken on the first line, then its text, then how it was
/// carried (when a mover or a vote is recorded).
fn lines(e: &Entry, board: Option<&str>) -> String {
    let mut head = format!("{}  {}  ", e.date, e.meeting);
    if let Some(code) = board {
        head.push_str(&format!("{code:<8} "));
    }
    head.push_str(&format!(
        "{:<11} {:<5} {}",
        e.minute.as_deref().unwrap_or("-"),
        e.item,
        e.title
    ));
    if e.part_b {
        head.push_str(&format!("  {PART_B_TAG}"));
    }
    let mut out = format!("{head}\n  {} – {}", decision_word(e.kind), e.text);
    let how = register::procedure_words(e);
    if !how.is_empty() {
        out.push_str(&format!("\n  {how}"));
    }
    out
}
