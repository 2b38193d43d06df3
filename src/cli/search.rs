//! `minutebook search` and `minutebook actions`: the archive search and the action history.

use chrono::NaiveDate;
use serde::Serialize;

use super::output::{say, say_raw};
use super::{Failure, Outcome, warn_all};
use crate::search::history::{self, ActionRecord, Filter};
use crate::search::{Field, Hit, Query, search_board};
use crate::store::Store;
use crate::words::PART_B_TAG;

/// The words as typed; an argument holding spaces (quoted in the shell) is a phrase.
pub(super) fn query_of(words: &[String]) -> Query {
    let text = words
        .iter()
        .map(|w| {
            if w.contains(char::is_whitespace) && !w.contains('"') {
                format!("\"{w}\"")
            } else {
                w.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Query::parse(&text)
}

#[derive(Serialize)]
struct SearchJson<'a> {
    query: &'a str,
    terms: Vec<String>,
    total: usize,
    meetings: usize,
    hits: &'a [Hit],
}

pub(super) fn search(
    store: &Store,
    words: &[String],
    json: bool,
    limit: Option<usize>,
    board: Option<&str>,
) -> Outcome {
    let query = query_of(words);
    if query.is_empty() {
        return Err(Failure(
            "give at least one word to search for, e.g. minutebook search Ofsted".into(),
        ));
    }
    let scope = super::board::scope(store, board)?;
    let only = scope.only().cloned();
    let results = search_board(store, &query, limit, only.as_ref())?;
    warn_all(&results.problems);
    if json {
        let out = SearchJson {
            query: query.text(),
            terms: query.terms(),
            total: results.total,
            meetings: results.meetings,
            hits: &results.hits,
        };
        say!("{}", crate::cli::output::json(&out));
        return Ok(());
    }
    if results.total == 0 {
        say!(
            "No matches for {} in {} {}.",
            query.text(),
            results.meetings,
            if results.meetings == 1 {
                "meeting"
            } else {
                "meetings"
            }
        );
        return Ok(());
    }
    for hit in &results.hits {
        let code = scope.label.then(|| scope.code(hit.board_id.as_ref()));
        say!("{}", hit_line(hit, code.as_deref()));
    }
    if results.hits.len() < results.total {
        say!(
            "Showing {} of {} matches, newest first; --limit {} shows them all.",
            results.hits.len(),
            results.total,
            results.total
        );
    }
    Ok(())
}

/// `2026-03-11  4.2  Item title — …snippet with [match] marked…`, the board's code after
/// the date when `board` is given.
pub(super) fn hit_line(hit: &Hit, board: Option<&str>) -> String {
    let number = hit.item.as_ref().map_or("-", |i| {
        if i.number.is_empty() {
            "-"
        } else {
            i.number.as_str()
        }
    });
    let mut line = format!("{}  ", hit.date);
    if let Some(code) = board {
        line.push_str(&format!("{code:<8} "));
    }
    line.push_str(&format!("{number:<5} "));
    if let Some(minute) = hit.item.as_ref().and_then(|i| i.minute.as_ref()) {
        line.push_str(&format!("{minute} "));
    }
    if hit.exempt {
        line.push_str(&format!("{PART_B_TAG} "));
    }
    let snippet = hit.snippet.marked("[", "]");
    let item_title = hit.item.as_ref().map(|i| i.title.as_str());
    match (&hit.action, hit.field) {
        (Some(id), _) => {
            line.push_str(&format!("Action {id}"));
            if let Some(t) = item_title.filter(|t| !t.is_empty()) {
                line.push_str(&format!(" ({t})"));
            }
        }
        (None, Field::Erratum) => {
            line.push_str("Erratum");
            if let Some(t) = item_title {
                line.push_str(&format!(" to {t}"));
            }
        }
        // The title itself matched: it is the snippet, highlighted.
        (None, Field::ItemTitle) => {
            line.push_str(&snippet);
            return line;
        }
        (None, _) => line.push_str(item_title.unwrap_or("")),
    }
    line.push_str(" — ");
    line.push_str(&snippet);
    line
}

#[derive(Serialize)]
struct ActionJson<'a> {
    #[serde(flatten)]
    record: &'a ActionRecord,
    overdue: bool,
}

/// What `actions` was asked, beside the board.
pub(super) struct ActionsAsked {
    pub open: bool,
    pub overdue: bool,
    pub owner: Option<String>,
    pub today: NaiveDate,
    pub json: bool,
}

pub(super) fn actions(store: &Store, asked: ActionsAsked, board: Option<&str>) -> Outcome {
    let ActionsAsked {
        open,
        overdue,
        owner,
        today,
        json,
    } = asked;
    let scope = super::board::scope(store, board)?;
    let mut log = history::from_store(store)?;
    warn_all(&log.problems);
    log.records.retain(|r| scope.keeps(r.board_id.as_ref()));
    let any = !log.records.is_empty();
    let filter = Filter {
        open_only: open,
        overdue_on: overdue.then_some(today),
        owner,
    };
    let records = filter.apply(log.records);
    if json {
        let rows: Vec<ActionJson> = records
            .iter()
            .map(|record| ActionJson {
                record,
                overdue: record.is_overdue(today),
            })
            .collect();
        say!("{}", crate::cli::output::json(&rows));
        return Ok(());
    }
    if records.is_empty() {
        say!(
            "{}",
            if any {
                "No actions match."
            } else {
                "No actions in the archive yet."
            }
        );
        return Ok(());
    }
    let codes = |r: &ActionRecord| scope.label.then(|| scope.code(r.board_id.as_ref()));
    say_raw!("{}", action_table(&records, today, &codes));
    Ok(())
}

/// Two lines an action: id, status, due, owner and text; then where it was raised (the
/// board's code first, when `board` gives one) and its last update.
pub(super) fn action_table(
    records: &[ActionRecord],
    today: NaiveDate,
    board: &dyn Fn(&ActionRecord) -> Option<String>,
) -> String {
    let width = |f: &dyn Fn(&ActionRecord) -> usize| records.iter().map(f).max().unwrap_or(0);
    let id_w = width(&|r| r.id().0.len());
    let due = |r: &ActionRecord| match (r.action.due, r.next_meeting) {
        (crate::model::Due::NextMeeting, Some(d)) => format!("{d} (next meeting)"),
        (due, _) => due.to_string(),
    };
    let due_w = width(&|r| due(r).chars().count());
    let owner_w = width(&|r| r.action.owner.chars().count());
    let status = |r: &ActionRecord| match r.is_overdue(today) {
        true => crate::words::OVERDUE,
        false => r.action.status.label(),
    };
    // As wide as "OVERDUE" at least, wider where a "withdrawn" is listed.
    let status_w = width(&|r| status(r).len()).max(crate::words::OVERDUE.len());
    let part_b = format!("{PART_B_TAG} ");
    let mut out = String::new();
    for r in records {
        let status = status(r);
        out.push_str(&format!(
            "{:<id_w$}  {status:<status_w$}  due {:<due_w$}  {:<owner_w$}  {}{}\n",
            r.id().0,
            due(r),
            r.action.owner,
            if r.exempt { part_b.as_str() } else { "" },
            r.action.text,
        ));
        let mut raised = match board(r) {
            Some(code) => format!("{code} · raised {}", r.raised_on),
            None => format!("raised {}", r.raised_on),
        };
        match (&r.raised_item_number, r.action.raised.item_title.as_str()) {
            (Some(n), t) if !t.is_empty() => raised.push_str(&format!(" at {n} {t}")),
            (None, t) if !t.is_empty() => raised.push_str(&format!(" at {t}")),
            (Some(n), _) => raised.push_str(&format!(" at item {n}")),
            (None, _) => {}
        }
        if r.is_overdue(today) {
            raised.push_str(&format!("; {}", crate::words::overdue_against(today)));
        }
        let last = match r.last_update() {
            Some(u) if u.by.is_empty() => format!("last update {}: {}", u.date, u.note),
            Some(u) => format!("last update {}: {} (by {})", u.date, u.note, u.by),
            None => "no updates".to_string(),
        };
        out.push_str(&format!("{:id_w$}  {raised}; {last}\n", ""));
    }
    out
}
