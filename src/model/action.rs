//! The action log: actions carried from meeting to meeting until closed, with dated history.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ids::{ActionId, ItemId, MeetingId};
use crate::words::short_date;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    #[default]
    Open,
    Done,
    Dropped,
    /// Raised by mistake: kept, with who withdrew it and when, but no longer an action.
    Withdrawn,
}

/// When an action is due: a date, or "by the next meeting" as boards often say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    On(NaiveDate),
    NextMeeting,
}

const NEXT_MEETING: &str = "next-meeting";

impl Due {
    pub fn parse(s: &str) -> Result<Due, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case(NEXT_MEETING) || s.eq_ignore_ascii_case("next meeting") {
            return Ok(Due::NextMeeting);
        }
        super::clock::parse_date(s)
            .map(Due::On)
            .ok_or_else(|| format!("{s:?} is not a due date: use YYYY-MM-DD or \"next meeting\""))
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::On(d) => f.write_str(&crate::words::iso_date(*d)),
            Due::NextMeeting => f.write_str("next meeting"),
        }
    }
}

impl Serialize for Due {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Due::On(d) => s.serialize_str(&crate::words::iso_date(*d)),
            Due::NextMeeting => s.serialize_str(NEXT_MEETING),
        }
    }
}

impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Due, D::Error> {
        let s = String::deserialize(d)?;
        Due::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Where an action was raised. The item title is copied because the action
/// outlives the meeting: later meetings show it without loading the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaisedIn {
    pub meeting: MeetingId,
    #[serde(default)]
    pub item: Option<ItemId>,
    #[serde(default)]
    pub item_title: String,
    /// Raised under exempt (Part B) business. Set when the action is raised and
    /// carried with it, so no later meeting's public export shows it either.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exempt: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionUpdate {
    pub date: NaiveDate,
    /// The meeting at which the update was reported, if any.
    #[serde(default)]
    pub meeting: Option<MeetingId>,
    /// Set when the update changed the status.
    #[serde(default)]
    pub status: Option<ActionStatus>,
    pub note: String,
    /// Who made the change, where it was made outside a meeting's own notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// The fields it changed, each from what to what.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<FieldChange>,
}

/// One field of an action edited: text, owner or due, from what to what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: ActionId,
    pub text: String,
    pub owner: String,
    #[serde(default)]
    pub set_by: String,
    pub due: Due,
    pub raised: RaisedIn,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default)]
    pub history: Vec<ActionUpdate>,
}

impl ActionItem {
    pub fn is_open(&self) -> bool {
        self.status == ActionStatus::Open
    }

    /// The date it falls due: its own date, or for "next meeting" the date of the first
    /// meeting after the one that raised it (`next_meeting`), once that meeting exists.
    pub fn due_on(&self, next_meeting: Option<NaiveDate>) -> Option<NaiveDate> {
        match self.due {
            Due::On(d) => Some(d),
            Due::NextMeeting => next_meeting,
        }
    }

    /// Overdue as judged on `on`: still open after the day it fell due. The one rule every
    /// view uses: an action due at a meeting is not overdue at that meeting, and one due at
    /// a next meeting not yet arranged is not overdue at all.
    pub fn is_overdue(&self, on: NaiveDate, next_meeting: Option<NaiveDate>) -> bool {
        self.is_open() && self.due_on(next_meeting).is_some_and(|d| d < on)
    }

    /// The due date as a column shows it: "9 Dec 2026", or "next meeting" until one exists.
    pub fn due_short(&self, next_meeting: Option<NaiveDate>) -> String {
        self.due_on(next_meeting)
            .map_or_else(|| self.due.to_string(), short_date)
    }

    /// "due 9 Dec 2026 (next meeting)", "due 16 Dec 2026", or "due at the next meeting
    /// (none arranged yet)".
    pub fn due_words(&self, next_meeting: Option<NaiveDate>) -> String {
        match (self.due, self.due_on(next_meeting)) {
            (Due::NextMeeting, Some(d)) => format!("due {} (next meeting)", short_date(d)),
            (_, Some(d)) => format!("due {}", short_date(d)),
            (_, None) => "due at the next meeting (none arranged yet)".to_string(),
        }
    }

    /// Records an update, changing the status if one is given.
    pub fn update(
        &mut self,
        date: NaiveDate,
        meeting: Option<MeetingId>,
        status: Option<ActionStatus>,
        note: impl Into<String>,
    ) {
        let by = String::new();
        self.update_by(At { date, meeting, by }, status, note);
    }

    /// Records an update made by `at.by`, changing the status if one is given.
    pub fn update_by(&mut self, at: At, status: Option<ActionStatus>, note: impl Into<String>) {
        if let Some(s) = status {
            self.status = s;
        }
        self.history.push(ActionUpdate {
            date: at.date,
            meeting: at.meeting,
            status,
            note: note.into(),
            by: at.by.trim().to_string(),
            changed: Vec::new(),
        });
    }

    /// Changes the text, owner or due date to those given, and records in the history
    /// what changed from what to what, when and by whom. Nothing changed records nothing
    /// (an empty list); a withdrawn action, or an empty text or owner, is refused.
    pub fn edit(&mut self, to: Edit, at: At) -> Result<Vec<FieldChange>, Refused> {
        if self.status == ActionStatus::Withdrawn {
            return Err(Refused::Withdrawn(self.id.clone()));
        }
        let mut changed = Vec::new();
        let mut change = |field: &'static str, now: &mut String, to: Option<String>| match to
            .map(|t| t.trim().to_string())
        {
            Some(t) if t.is_empty() => Err(Refused::Empty(field)),
            Some(t) if t != *now => {
                changed.push(FieldChange {
                    field: field.into(),
                    from: std::mem::replace(now, t.clone()),
                    to: t,
                });
                Ok(())
            }
            Some(_) | None => Ok(()),
        };
        // Checked on copies, so a refusal leaves the action as it was.
        let (mut text, mut owner, mut due) =
            (self.text.clone(), self.owner.clone(), self.due.to_string());
        change("text", &mut text, to.text)?;
        change("owner", &mut owner, to.owner)?;
        change("due", &mut due, to.due.map(|d| d.to_string()))?;
        if changed.is_empty() {
            return Ok(changed);
        }
        self.text = text;
        self.owner = owner;
        self.due = to.due.unwrap_or(self.due);
        let fields: Vec<&str> = changed.iter().map(|c| c.field.as_str()).collect();
        // The note names the fields only: the values are in `changed`, which public
        // documents leave out (an old text may be the very mistake corrected).
        let note = format!("Edited: {}", fields.join(", "));
        self.update_by(at, None, note);
        if let Some(last) = self.history.last_mut() {
            last.changed = changed.clone();
        }
        Ok(changed)
    }

    /// Withdraws an action raised by mistake: it stays, with its history and this entry
    /// saying who withdrew it and when, but is no longer open or carried forward.
    pub fn withdraw(&mut self, at: At, reason: &str) -> Result<(), Refused> {
        if self.status == ActionStatus::Withdrawn {
            return Err(Refused::Withdrawn(self.id.clone()));
        }
        let reason = match reason.trim() {
            "" => "Withdrawn: raised by mistake".to_string(),
            r => format!("Withdrawn: {r}"),
        };
        self.update_by(at, Some(ActionStatus::Withdrawn), reason);
        Ok(())
    }
}

/// When and by whom a change to an action is made: the meeting's date and the meeting
/// whose copy of the log it is made in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub date: NaiveDate,
    pub meeting: Option<MeetingId>,
    pub by: String,
}

/// What an edit asks for: each field to change, or `None` to leave it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edit {
    pub text: Option<String>,
    pub owner: Option<String>,
    pub due: Option<Due>,
}

/// Why an action cannot be changed as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Withdrawn(ActionId),
    Empty(&'static str),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Withdrawn(id) => write!(
                f,
                "action {id} was withdrawn; it stays in the history as it was"
            ),
            Refused::Empty(field) => write!(f, "an action's {field} cannot be empty"),
        }
    }
}

/// Where a copy of an action is held: the meeting's date and id, as meetings are ordered.
pub type HeldAt = (NaiveDate, MeetingId);

/// An action at its latest state.
#[derive(Debug)]
pub struct Latest<T> {
    /// The copy in the latest meeting that holds the action.
    pub copy: T,
    /// Every meeting holding a copy, oldest first; the last holds `copy`.
    pub held: Vec<HeldAt>,
}

/// Each action once, at its latest copy, in the order first raised (the first meeting
/// holding it, then its place in that meeting's log). Each meeting holds its own copy of
/// the log, so the copy in the latest meeting (by date, then id) that holds an action says
/// where it stands. The one rule for carrying forward, the action history and search;
/// `id` names the action a copy is of.
pub fn latest_copies<T>(
    copies: impl IntoIterator<Item = (HeldAt, T)>,
    id: impl Fn(&T) -> &ActionId,
) -> Vec<Latest<T>> {
    let mut copies: Vec<(HeldAt, T)> = copies.into_iter().collect();
    // Stable: copies in one meeting keep the log's order.
    copies.sort_by(|a, b| a.0.cmp(&b.0));
    let mut index: std::collections::HashMap<ActionId, usize> = Default::default();
    let mut out: Vec<Latest<T>> = Vec::new();
    for (held, copy) in copies {
        let key = id(&copy).clone();
        match index.get(&key) {
            // A second copy in the same meeting adds nothing: the first stands.
            Some(&k) if out[k].held.last() == Some(&held) => {}
            Some(&k) => {
                out[k].held.push(held);
                out[k].copy = copy;
            }
            None => {
                index.insert(key, out.len());
                out.push(Latest {
                    copy,
                    held: vec![held],
                });
            }
        }
    }
    out
}

/// The date of the first meeting after `raised` among `meetings` (each by date and id, in
/// any order): the day an action due "by the next meeting" falls due.
pub fn next_meeting_after<'a>(
    raised: &MeetingId,
    meetings: impl IntoIterator<Item = (NaiveDate, &'a MeetingId)>,
) -> Option<NaiveDate> {
    let after = (raised.date(), raised);
    meetings
        .into_iter()
        .filter(|(d, id)| (*d, *id) > after)
        .min()
        .map(|(d, _)| d)
}

/// Seen from meeting `m` alone, without the archive: the latest day the meeting after
/// `raised` can have been held. It is that meeting's day when `raised` is the meeting
/// before `m`; for an older one it is only a bound (meetings between are not known), which
/// is enough to judge overdue at `m` but not to show as a due date.
pub fn next_meeting_by(m: &super::meeting::Meeting, raised: &MeetingId) -> Option<NaiveDate> {
    let own = [(m.date, &m.id)];
    let previous = m.previous.iter().map(|p| (p.date(), p));
    next_meeting_after(raised, own.into_iter().chain(previous))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn action(due: Due) -> ActionItem {
        ActionItem {
            id: ActionId("2026-03-11#1".into()),
            text: "Report IHA delays by GP practice".into(),
            owner: "Designated Nurse".into(),
            set_by: "Chair".into(),
            due,
            raised: RaisedIn {
                meeting: MeetingId::parse("2026-03-11").unwrap(),
                item: Some(ItemId(4)),
                item_title: "IHA timeliness".into(),
                exempt: false,
            },
            status: ActionStatus::Open,
            history: vec![],
        }
    }

    fn at(by: &str) -> At {
        At {
            date: d("2026-04-15"),
            meeting: Some(MeetingId::parse("2026-04-15").unwrap()),
            by: by.into(),
        }
    }

    #[test]
    fn an_edit_records_each_field_from_what_to_what_by_whom() {
        let mut a = action(Due::NextMeeting);
        let to = Edit {
            text: Some("Report IHA delays by GP surgery".into()),
            owner: Some(" Designated Nurse ".into()),
            due: Some(Due::On(d("2026-06-01"))),
        };
        let changed = a.edit(to, at("Jo Clerk")).unwrap();
        let fields: Vec<_> = changed.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["text", "due"], "the owner only gained spaces");
        assert_eq!(changed[1].from, "next meeting");
        assert_eq!(changed[1].to, "2026-06-01");
        assert_eq!(a.text, "Report IHA delays by GP surgery");
        assert_eq!(a.due, Due::On(d("2026-06-01")));
        let u = &a.history[0];
        assert_eq!(
            (u.by.as_str(), u.date, u.status),
            ("Jo Clerk", d("2026-04-15"), None)
        );
        assert_eq!(u.note, "Edited: text, due");
        assert_eq!(u.changed, changed);
        assert!(a.is_open());
    }

    #[test]
    fn an_edit_that_changes_nothing_records_nothing() {
        let mut a = action(Due::NextMeeting);
        let same = Edit {
            text: Some(a.text.clone()),
            owner: None,
            due: Some(Due::NextMeeting),
        };
        assert_eq!(a.edit(same, at("Jo Clerk")).unwrap(), vec![]);
        assert!(a.history.is_empty());
    }

    #[test]
    fn an_edit_emptying_the_owner_is_refused_and_changes_nothing() {
        let mut a = action(Due::NextMeeting);
        let before = a.clone();
        let to = Edit {
            text: Some("Something else".into()),
            owner: Some("  ".into()),
            due: None,
        };
        let err = a.edit(to, at("Jo Clerk")).unwrap_err();
        assert_eq!(err.to_string(), "an action's owner cannot be empty");
        assert_eq!(a, before);
    }

    #[test]
    fn a_withdrawn_action_keeps_its_history_says_who_and_is_not_open() {
        let mut a = action(Due::On(d("2026-04-01")));
        a.update(d("2026-03-20"), None, None, "Started");
        a.withdraw(at("Jo Clerk"), "").unwrap();
        assert_eq!(a.status, ActionStatus::Withdrawn);
        assert!(!a.is_open());
        assert!(!a.is_overdue(d("2026-05-01"), None), "never overdue");
        assert_eq!(a.history.len(), 2, "the earlier note stays");
        let u = &a.history[1];
        assert_eq!(u.status, Some(ActionStatus::Withdrawn));
        assert_eq!((u.by.as_str(), u.date), ("Jo Clerk", d("2026-04-15")));
        assert_eq!(u.note, "Withdrawn: raised by mistake");
        let again = a.withdraw(at("Jo Clerk"), "").unwrap_err();
        assert!(again.to_string().contains("was withdrawn"));
        let edit = Edit {
            text: Some("New".into()),
            ..Edit::default()
        };
        assert!(
            a.edit(edit, at("Jo Clerk")).is_err(),
            "a withdrawn one is not edited"
        );
        assert_eq!(a.history.len(), 2);
    }

    #[test]
    fn due_reads_dates_and_next_meeting_and_names_bad_input() {
        assert_eq!(Due::parse("2026-12-09").unwrap(), Due::On(d("2026-12-09")));
        assert_eq!(Due::parse("Next meeting").unwrap(), Due::NextMeeting);
        let err = Due::parse("2026-13-01").unwrap_err();
        assert!(err.contains("\"2026-13-01\" is not a due date"));
        let json = serde_json::to_string(&Due::NextMeeting).unwrap();
        assert_eq!(json, "\"next-meeting\"");
        assert_eq!(
            serde_json::from_str::<Due>(&json).unwrap(),
            Due::NextMeeting
        );
    }

    #[test]
    fn overdue_only_when_open_and_past_due() {
        let a = action(Due::On(d("2026-04-01")));
        assert!(
            !a.is_overdue(d("2026-04-01"), None),
            "due today is not overdue"
        );
        assert!(a.is_overdue(d("2026-04-02"), None));
        let mut done = a.clone();
        done.update(
            d("2026-04-15"),
            None,
            Some(ActionStatus::Done),
            "Report received",
        );
        assert!(!done.is_overdue(d("2026-05-01"), None));
        assert_eq!(done.history.len(), 1);

        let next = action(Due::NextMeeting);
        assert!(
            !next.is_overdue(d("2026-12-31"), None),
            "no next meeting yet"
        );
        assert_eq!(
            next.due_words(None),
            "due at the next meeting (none arranged yet)"
        );
    }

    #[test]
    fn due_next_meeting_falls_due_on_that_meetings_date() {
        let id = |s: &str| MeetingId::parse(s).unwrap();
        let (march, april, may) = (id("2026-03-11"), id("2026-04-15"), id("2026-05-13"));
        let known = [
            (may.date(), &may),
            (march.date(), &march),
            (april.date(), &april),
        ];
        let next_date = next_meeting_after(&march, known);
        assert_eq!(next_date, Some(d("2026-04-15")));
        let a = action(Due::NextMeeting);
        // At the very meeting it is due at, it is due, not overdue.
        assert!(!a.is_overdue(d("2026-04-15"), next_date));
        assert!(a.is_overdue(d("2026-05-13"), next_date));
        assert_eq!(a.due_words(next_date), "due 15 Apr 2026 (next meeting)");
        assert_eq!(a.due_short(next_date), "15 Apr 2026");
        assert_eq!(
            crate::words::overdue_against(d("2026-05-13")),
            "overdue against 13 May 2026"
        );
    }
}
