//! Minute references in the board's scheme: "CPB/26/45" (board code, two-digit year,
//! running number). A reference is given to a minute once, when the draft is made, and is
//! never changed or given again; the numbering itself is the store's (it keeps the count).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::agenda;
use super::exclusion;
use super::ids::ItemId;
use super::meeting::{Meeting, MeetingStatus};

/// A minute's reference, as assigned: "CPB/26/45".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MinuteRef(pub String);

impl fmt::Display for MinuteRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl MinuteRef {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The year a board's minute numbers run in: the municipal year (from the annual meeting
/// in May to the next) or the calendar year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MinuteYear {
    #[default]
    Municipal,
    Calendar,
}

impl MinuteYear {
    /// The year (four digits) a meeting on `date` numbers its minutes in: a municipal
    /// year is named by the year it starts, on 1 May.
    pub fn of(self, date: NaiveDate) -> i32 {
        match self {
            MinuteYear::Calendar => date.year(),
            MinuteYear::Municipal if date.month() < 5 => date.year() - 1,
            MinuteYear::Municipal => date.year(),
        }
    }

    /// "CPB/26/45": `code`, the year's last two digits, and the running number `n`.
    pub fn reference(self, code: &str, date: NaiveDate, n: u32) -> MinuteRef {
        MinuteRef(format!(
            "{}/{:02}/{n}",
            code.trim(),
            self.of(date).rem_euclid(100)
        ))
    }
}

/// Numbers the store has set aside for one meeting: `first` and those after it, in the
/// scheme of the board whose count they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given {
    pub code: String,
    pub year: MinuteYear,
    pub first: u32,
}

/// What numbering a draft came to: numbers set aside, or why it has none (said to the clerk).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Numbering {
    Given(Given),
    Unnumbered(String),
}

/// A minute that has no reference yet: a top-level item's, or the exclusion's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Item(ItemId),
    Exclusion,
}

/// The minutes of `m` without a reference, in the order the minutes read: every top-level
/// item (sub-items keep their item number only), and the exclusion of the press and public
/// just before the first Part B item (after the item it sits inside, when that item is a
/// sub-item of public business).
fn unnumbered(m: &Meeting) -> Vec<Slot> {
    let before = exclusion::of(m)
        .filter(|x| x.minute.is_none())
        .map(|x| x.before);
    let mut out = Vec::new();
    for top in &m.agenda {
        let holds_exclusion =
            before.is_some_and(|b| top.id == b || agenda::find(&top.sub_items, b).is_some());
        if holds_exclusion && before == Some(top.id) {
            out.push(Slot::Exclusion);
        }
        if top.minute.is_none() {
            out.push(Slot::Item(top.id));
        }
        if holds_exclusion && before != Some(top.id) {
            out.push(Slot::Exclusion);
        }
    }
    out
}

/// How many numbers `m` needs now.
pub fn wanted(m: &Meeting) -> u32 {
    unnumbered(m).len() as u32
}

/// Whether any minute of `m` has a reference: its draft was numbered.
pub fn is_numbered(m: &Meeting) -> bool {
    m.exclusion_minute.is_some() || m.agenda.iter().any(|i| i.minute.is_some())
}

/// Whether the change from `before` to `now` owes minute numbers: the meeting has just
/// become a draft, or a numbered draft has gained a minute. A draft made before minutes
/// were numbered (or for a board without a code) is never numbered afterwards: its
/// minutes have been cited by their item numbers.
pub fn owed(before: &Meeting, now: &Meeting) -> bool {
    let just_drafted = matches!(
        before.status,
        MeetingStatus::Planned | MeetingStatus::InProgress
    );
    now.status == MeetingStatus::Draft && wanted(now) > 0 && (just_drafted || is_numbered(now))
}

/// Gives each minute of `m` without a reference the next of `given`'s numbers, in the
/// order the minutes read; a reference once given is never changed. Returns those given.
pub fn assign(m: &mut Meeting, given: &Given) -> Vec<MinuteRef> {
    let mut out = Vec::new();
    for (n, slot) in (given.first..).zip(unnumbered(m)) {
        let r = given.year.reference(&given.code, m.date, n);
        match slot {
            Slot::Exclusion => m.exclusion_minute = Some(r.clone()),
            Slot::Item(id) => {
                if let Some(item) = m.agenda.iter_mut().find(|i| i.id == id) {
                    item.minute = Some(r.clone());
                }
            }
        }
        out.push(r);
    }
    out
}

/// "the minutes are numbered CPB/26/45 to CPB/26/52", as the clerk is told.
pub fn said(refs: &[MinuteRef]) -> String {
    match refs {
        [] => "no minute needed a number".to_string(),
        [one] => format!("the minute is numbered {one}"),
        [first, .., last] => format!("the minutes are numbered {first} to {last}"),
    }
}

/// The highest running number `text` cites of `code` in the year `yy`: references
/// anywhere in it, as a record's file or a minute's text holds them.
pub fn highest_in(text: &str, code: &str, yy: i32) -> u32 {
    let prefix = format!("{}/{yy:02}/", code.trim());
    let mut best = 0;
    for (at, _) in text.match_indices(&prefix) {
        let glued = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        let digits: String = text[at + prefix.len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let (false, Ok(n)) = (glued, digits.parse::<u32>()) {
            best = best.max(n);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_municipal_year_starts_in_may_and_a_calendar_year_in_january() {
        let m = MinuteYear::Municipal;
        assert_eq!(m.reference("CPB", d("2026-04-30"), 45).0, "CPB/25/45");
        assert_eq!(m.reference("CPB", d("2026-05-01"), 1).0, "CPB/26/1");
        let c = MinuteYear::Calendar;
        assert_eq!(c.reference("CPB", d("2026-04-30"), 7).0, "CPB/26/7");
        assert_eq!(c.reference("CPB", d("2009-01-02"), 7).0, "CPB/09/7");
    }

    use crate::model::agenda::{AgendaItem, Exemption};
    use crate::model::{ItemKind, MeetingStatus};

    /// A held meeting with items 1, 2 (with a sub-item) and 3, 4 in Part B.
    fn drafted() -> Meeting {
        let mut m = crate::demo::year()
            .into_iter()
            .find(|m| m.status == MeetingStatus::Planned)
            .expect("the demo has a planned meeting");
        let item = |id, title: &str| AgendaItem::new(ItemId(id), title, ItemKind::Report);
        let mut two = item(2, "Reports");
        two.sub_items.push(item(20, "Fostering"));
        let mut three = item(3, "A child's placement");
        three.exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 2".into(),
        });
        m.agenda = vec![item(1, "Welcome"), two, three, item(4, "After")];
        m.agenda[3].exempt = m.agenda[2].exempt.clone();
        m.status = MeetingStatus::Draft;
        m
    }

    fn given(first: u32) -> Given {
        Given {
            code: "CPB".into(),
            year: MinuteYear::Municipal,
            first,
        }
    }

    fn refs(m: &Meeting) -> Vec<Option<&str>> {
        m.agenda
            .iter()
            .map(|i| i.minute.as_ref().map(MinuteRef::as_str))
            .collect()
    }

    #[test]
    fn the_exclusion_takes_the_number_before_the_first_part_b_item() {
        let mut m = drafted();
        assert_eq!(wanted(&m), 5);
        let yy = MinuteYear::Municipal.of(m.date) % 100;
        let given_refs = assign(&mut m, &given(45));
        assert_eq!(given_refs.len(), 5);
        let r = |n: u32| format!("CPB/{yy:02}/{n}");
        assert_eq!(
            refs(&m),
            [Some(r(45)), Some(r(46)), Some(r(48)), Some(r(49))]
                .iter()
                .map(|s| s.as_deref())
                .collect::<Vec<_>>()
        );
        assert_eq!(
            m.exclusion_minute.as_ref().map(|x| x.0.clone()),
            Some(r(47))
        );
        assert_eq!(
            m.agenda[1].sub_items[0].minute, None,
            "sub-items keep their item number"
        );
    }

    #[test]
    fn an_exempt_sub_item_puts_the_exclusion_after_its_public_parent() {
        let mut m = drafted();
        m.agenda[2].exempt = None;
        m.agenda[3].exempt = None;
        m.agenda[1].sub_items[0].exempt = Some(Exemption {
            reason: "paragraph 1".into(),
        });
        assign(&mut m, &given(1));
        let n = |r: &Option<MinuteRef>| {
            r.as_ref()
                .map(|r| r.0.rsplit('/').next().unwrap().to_string())
        };
        assert_eq!(n(&m.agenda[1].minute).as_deref(), Some("2"));
        assert_eq!(n(&m.exclusion_minute).as_deref(), Some("3"));
        assert_eq!(n(&m.agenda[2].minute).as_deref(), Some("4"));
    }

    #[test]
    fn numbers_once_given_never_change_and_a_later_item_takes_the_next() {
        let mut m = drafted();
        assign(&mut m, &given(45));
        let before = m.clone();
        assert!(!owed(&before, &m), "nothing new, nothing owed");
        assert!(assign(&mut m, &given(90)).is_empty());
        assert_eq!(m, before);
        m.agenda
            .insert(1, AgendaItem::new(ItemId(7), "Added", ItemKind::Report));
        assert!(owed(&before, &m));
        let added = assign(&mut m, &given(50));
        assert_eq!(added.len(), 1);
        assert!(added[0].0.ends_with("/50"));
        assert_eq!(m.agenda[0].minute, before.agenda[0].minute);
        assert_eq!(m.agenda[2].minute, before.agenda[1].minute);
    }

    #[test]
    fn only_a_meeting_becoming_a_draft_is_numbered_not_an_old_draft() {
        let old = drafted();
        let mut edited = old.clone();
        edited.agenda[0].minutes.push_str("Tidied.");
        assert!(
            !owed(&old, &edited),
            "a draft from before numbering stays as it was"
        );
        let mut running = old.clone();
        running.status = MeetingStatus::InProgress;
        assert!(owed(&running, &old), "ending the meeting makes the draft");
    }

    #[test]
    fn the_highest_reference_is_read_from_any_text_but_not_from_inside_another_code() {
        let text = r#"{"minute": "CPB/26/45"} see minute CPB/26/102, XCPB/26/900, CPB/25/300"#;
        assert_eq!(highest_in(text, "CPB", 26), 102);
        assert_eq!(highest_in(text, "CPB", 27), 0);
    }
}
