//! A meeting's id is its date: moving the date moves the id, and with it every id inside the
//! record that embeds it (its own actions, `2026-12-09#3`). Other meetings that name it are
//! never rewritten: while one does, the meeting can be neither renamed nor deleted.

use std::fmt;

use chrono::NaiveDate;

use super::board::BoardId;
use super::ids::{ActionId, MeetingId};
use super::meeting::Meeting;

/// Another meeting with an id on the date a meeting moves to, and whether it is of the
/// moving meeting's board.
#[derive(Debug, Clone, Copy)]
pub struct OnDate<'a> {
    pub id: &'a MeetingId,
    pub same_board: bool,
}

/// The id meeting `id` of board `board` takes on `date`, by the rule `new` gives ids by: the
/// date, or `<date>-<board id>` when another board's meeting has the date; a suffix the clerk
/// chose (`2026-12-09-extra`) is kept. `on_date` is every other meeting on that date. Refused,
/// naming it, when this board meets that day already or the id is another meeting's.
pub fn id_on(
    id: &MeetingId,
    board: Option<&BoardId>,
    date: NaiveDate,
    on_date: &[OnDate],
) -> Result<MeetingId, String> {
    let plain = MeetingId::for_date(date);
    let taken = |to: &MeetingId| on_date.iter().any(|o| o.id == to);
    let tag = board.map(|b| format!("-{b}"));
    let suffix = &id.as_str()[10..];
    if !suffix.is_empty() && Some(suffix) != tag.as_deref() {
        let to = MeetingId::parse(&format!("{plain}{suffix}"))
            .expect("a valid id's suffix stays valid after any date");
        return match taken(&to) {
            true => Err(format!("there is already a meeting {to}")),
            false => Ok(to),
        };
    }
    if let Some(o) = on_date.iter().find(|o| o.same_board) {
        return Err(format!(
            "this board already meets on {plain}: meeting {}",
            o.id
        ));
    }
    if !taken(&plain) {
        return Ok(plain);
    }
    // With no board to tag it by, the date's id is simply taken.
    let Some(tag) = tag else {
        return Err(format!("there is already a meeting {plain}"));
    };
    let tagged = MeetingId::parse(&format!("{plain}{tag}")).map_err(|e| e.to_string())?;
    match taken(&tagged) {
        true => Err(format!(
            "{plain} is another board's meeting and {tagged} is taken too"
        )),
        false => Ok(tagged),
    }
}

/// Rewrites `m` as meeting `to`: its id and date, the ids of the actions raised at it and
/// where they say they were raised, and every update or erratum that names it.
pub fn rename(m: &mut Meeting, to: MeetingId) {
    // Calendars know the meeting by the UID its old id gave: keep it.
    m.calendar_uid = Some(m.calendar_uid());
    let from = std::mem::replace(&mut m.id, to.clone());
    m.date = to.date();
    let own = format!("{from}#");
    for a in &mut m.actions {
        if a.raised.meeting == from {
            a.raised.meeting = to.clone();
            if let Some(seq) = a.id.0.strip_prefix(&own) {
                a.id = ActionId(format!("{to}#{seq}"));
            }
        }
        for u in &mut a.history {
            if u.meeting.as_ref() == Some(&from) {
                u.meeting = Some(to.clone());
            }
        }
    }
    for e in &mut m.errata {
        if e.agreed_at.as_ref() == Some(&from) {
            e.agreed_at = Some(to.clone());
        }
    }
}

/// How another meeting names this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Referral {
    /// It approves (or will approve) this meeting's minutes.
    Previous { by: MeetingId },
    /// It holds a carried copy of an action raised here.
    Carried { by: MeetingId, action: ActionId },
    /// One of its actions has an update reported at this meeting.
    Update { by: MeetingId, action: ActionId },
    /// Its minutes were approved at this meeting.
    Approved { of: MeetingId },
    /// A correction to its minutes was agreed at this meeting.
    Erratum { of: MeetingId },
}

impl fmt::Display for Referral {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Referral::Previous { by } => {
                write!(
                    f,
                    "meeting {by} names it as the previous meeting it approves"
                )
            }
            Referral::Carried { by, action } => {
                write!(f, "meeting {by} carries its action {action}")
            }
            Referral::Update { by, action } => write!(
                f,
                "meeting {by} records an update to action {action} reported at it"
            ),
            Referral::Approved { of } => {
                write!(f, "the minutes of {of} were approved at it")
            }
            Referral::Erratum { of } => {
                write!(f, "a correction to the minutes of {of} was agreed at it")
            }
        }
    }
}

/// Every way the meetings `others` name meeting `id` (the meeting itself is skipped).
pub fn referrers<'a>(
    id: &MeetingId,
    others: impl IntoIterator<Item = &'a Meeting>,
) -> Vec<Referral> {
    let mut out = Vec::new();
    for o in others.into_iter().filter(|o| o.id != *id) {
        let by = o.id.clone();
        if o.previous.as_ref() == Some(id) {
            out.push(Referral::Previous { by: by.clone() });
        }
        for a in &o.actions {
            let action = a.id.clone();
            if a.raised.meeting == *id {
                out.push(Referral::Carried {
                    by: by.clone(),
                    action,
                });
            } else if a.history.iter().any(|u| u.meeting.as_ref() == Some(id)) {
                out.push(Referral::Update {
                    by: by.clone(),
                    action,
                });
            }
        }
        if o.approval.as_ref().is_some_and(|a| a.at_meeting == *id) {
            out.push(Referral::Approved { of: by.clone() });
        }
        if o.errata.iter().any(|e| e.agreed_at.as_ref() == Some(id)) {
            out.push(Referral::Erratum { of: by });
        }
    }
    // The plainest reasons first: the meeting after it, the actions carried from it.
    out.sort_by_key(Referral::rank);
    out
}

impl Referral {
    fn rank(&self) -> u8 {
        match self {
            Referral::Previous { .. } => 0,
            Referral::Carried { .. } => 1,
            Referral::Approved { .. } => 2,
            Referral::Update { .. } => 3,
            Referral::Erratum { .. } => 4,
        }
    }
}

/// The referrals in one sentence's tail: the first few, and how many more.
pub fn listed(referrals: &[Referral]) -> String {
    const SHOWN: usize = 3;
    let mut said: Vec<String> = referrals
        .iter()
        .take(SHOWN)
        .map(|r| r.to_string())
        .collect();
    if referrals.len() > SHOWN {
        said.push(format!("{} more", referrals.len() - SHOWN));
    }
    said.join("; ")
}

/// Why `m` cannot be held on `date`, if it cannot: a meeting comes after the meeting whose
/// minutes it approves and after every meeting where an action it carries was raised.
pub fn out_of_order(m: &Meeting, date: NaiveDate) -> Option<String> {
    let to = crate::words::iso_date(date);
    if let Some(p) = m.previous.as_ref().filter(|p| p.date() > date) {
        return Some(format!(
            "{to} is before {p}, the previous meeting whose minutes it approves"
        ));
    }
    let raised = m
        .actions
        .iter()
        .map(|a| &a.raised.meeting)
        .filter(|r| **r != m.id)
        .find(|r| r.date() > date)?;
    Some(format!(
        "{to} is before {raised}, where an action it carries was raised"
    ))
}

#[cfg(test)]
mod tests;
