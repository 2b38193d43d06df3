//! `approve`, `erratum` and `verify`: approving minutes, correcting them after, and
//! checking that no sealed minutes were changed outside minutebook.

use chrono::NaiveDate;
use serde::Serialize;

use super::output::{say, tell};
use super::{Failure, Outcome, unless_unread};
use crate::model::agenda;
use crate::model::approval::{self, Erratum, SealCheck};
use crate::model::{MeetingId, MeetingStatus};
use crate::requests::approve::{Recorded, approve_minutes};
use crate::store::Store;

/// Seals the minutes of `id`, approved at meeting `at` (default: the next meeting).
pub fn approve(
    store: &Store,
    id: &str,
    by: &str,
    at: Option<&str>,
    on: Option<NaiveDate>,
) -> Outcome {
    let id = MeetingId::parse(id)?;
    let listing = store.list()?;
    unless_unread(&listing.problems)?;
    let board = listing
        .meetings
        .iter()
        .find(|m| m.id == id)
        .map(|m| &m.board_id);
    let at = match at {
        Some(at) => MeetingId::parse(at)?,
        // The board's own next meeting approves its minutes, never another board's.
        None => listing
            .meetings
            .iter()
            .filter(|s| board.is_none_or(|b| s.board_id == *b))
            .find(|s| (s.date, &s.id) > (id.date(), &id))
            .map(|s| s.id.clone())
            .ok_or_else(|| {
                Failure(format!(
                    "no later meeting is on record to approve the minutes of {id}; say which \
                     with --at ID"
                ))
            })?,
    };
    let on = on.unwrap_or(at.date());
    let done = approve_minutes(store, &id, by, &at, on, true)
        .map_err(|e| Failure(format!("not approved: {e}")))?;
    let by = by.trim();
    say!(
        "{} the minutes of {id} at meeting {at} on {on}, signed by {by}; sealed with SHA-256 {}",
        if done.already {
            "Already approved"
        } else {
            "Approved"
        },
        done.sha256
    );
    match done.recorded {
        Recorded::Yes => say!("Recorded the resolution at the minutes item of {at}."),
        Recorded::NoMinutesItem => tell!(
            "minutebook: warning: meeting {at} has no \"minutes of the previous meeting\" \
             item to record the approval at"
        ),
        Recorded::NotOnRecord | Recorded::ByCaller => {}
    }
    warn_not_durable(done.not_durable);
    Ok(())
}

/// A change that is in its file but whose directory sync failed: said, not hidden.
pub(super) fn warn_not_durable(note: Option<String>) {
    if let Some(note) = note {
        tell!(
            "minutebook: warning: saved, not yet durable: {note}; running the same command \
             again retries the sync and records nothing twice"
        );
    }
}

pub fn erratum(
    store: &Store,
    id: &str,
    text: &str,
    item: Option<&str>,
    date: NaiveDate,
    agreed_at: Option<&str>,
) -> Outcome {
    let id = MeetingId::parse(id)?;
    let agreed_at = agreed_at.map(MeetingId::parse).transpose()?;
    let ((), outcome) = store.amend(&id, |m| {
        let item = match item {
            Some(n) => Some(
                agenda::id_at_number(&m.agenda, n)
                    .ok_or_else(|| format!("it has no agenda item numbered {n}"))?,
            ),
            None => None,
        };
        let erratum = Erratum {
            date,
            item,
            text: text.trim().to_string(),
            agreed_at,
        };
        approval::add_erratum(m, erratum).map_err(|e| e.to_string())
    })?;
    say!("Recorded an erratum dated {date} beside the sealed minutes of {id}.");
    warn_not_durable(outcome.note());
    Ok(())
}

#[derive(Serialize)]
struct Checked {
    id: MeetingId,
    board_id: Option<crate::model::BoardId>,
    date: NaiveDate,
    /// intact, altered, unsealed, unknown-version or unreadable
    result: &'static str,
    detail: String,
}

/// Checks every approved meeting against its seal. Fails if any was altered.
pub fn verify(store: &Store, json: bool, board: Option<&str>) -> Outcome {
    let scope = super::board::scope(store, board)?;
    let listing = store.list()?;
    let mut checked = Vec::new();
    let unreadable: Vec<String> = listing.problems.iter().map(|p| p.to_string()).collect();
    for s in listing
        .meetings
        .iter()
        .filter(|s| s.status == MeetingStatus::Approved && scope.keeps(s.board_id.as_ref()))
    {
        // The cached summary is not trusted here: every approved file is read again.
        let (result, detail) = match store.load(&s.id) {
            Err(e) => ("unreadable", e.to_string()),
            Ok(loaded) => match approval::check(&loaded.meeting) {
                SealCheck::Intact => ("intact", String::new()),
                SealCheck::Altered { sealed, found } => (
                    "altered",
                    format!(
                        "the minutes no longer match their seal (sealed {}…, now {}…): changed \
                         outside minutebook since approval",
                        &sealed[..12.min(sealed.len())],
                        &found[..12]
                    ),
                ),
                SealCheck::Unsealed => (
                    "unsealed",
                    "marked approved but carries no seal, so it cannot be checked".into(),
                ),
                SealCheck::UnknownVersion(v) => (
                    "unknown-version",
                    format!("sealed by a newer minutebook (seal version {v})"),
                ),
                SealCheck::NotApproved => continue,
            },
        };
        checked.push(Checked {
            id: s.id.clone(),
            board_id: s.board_id.clone(),
            date: s.date,
            result,
            detail,
        });
    }
    let bad: Vec<&Checked> = checked.iter().filter(|c| c.result != "intact").collect();
    if json {
        #[derive(Serialize)]
        struct Report<'a> {
            checked: &'a [Checked],
            unreadable_files: &'a [String],
        }
        let report = Report {
            checked: &checked,
            unreadable_files: &unreadable,
        };
        say!("{}", crate::cli::output::json(&report));
    } else {
        for c in &bad {
            let board = match scope.label {
                true => format!("{}  ", scope.code(c.board_id.as_ref())),
                false => String::new(),
            };
            say!(
                "{}  {board}{:<10} {}",
                c.id,
                c.result.to_uppercase(),
                c.detail
            );
        }
        for u in &unreadable {
            say!("UNREADABLE  {u}");
        }
        say!(
            "Checked {} approved meeting(s): {} intact, {} not.",
            checked.len(),
            checked.len() - bad.len(),
            bad.len()
        );
    }
    let altered: Vec<String> = bad
        .iter()
        .filter(|c| c.result == "altered")
        .map(|c| c.id.to_string())
        .collect();
    let unchecked = bad.len() - altered.len() + unreadable.len();
    if altered.is_empty() && unchecked == 0 {
        Ok(())
    } else if altered.is_empty() {
        Err(Failure(format!(
            "{unchecked} approved meeting(s) or file(s) could not be checked (see above)"
        )))
    } else {
        Err(Failure(format!(
            "the approved minutes of {} do not match their seal",
            altered.join(", ")
        )))
    }
}
