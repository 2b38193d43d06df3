//! The vocabulary every surface speaks: status words and symbols, decision words, the
//! IHA status, date forms and `capitalise`, each written once (no terminal, no disk).
//!
//! The model's enums get their words here rather than beside their definitions, so that a
//! pane, a document and the command line cannot word the same thing two ways.

use chrono::NaiveDate;

use crate::model::agenda::DecisionKind;
use crate::model::standing::IhaStatus;
use crate::model::{ActionStatus, ItemStatus, MeetingStatus, Presence};

/// How an open action past its due date is marked, by word (never colour alone).
pub const OVERDUE: &str = "OVERDUE";

/// How exempt business is marked in the clerk's own views and documents.
pub const PART_B: &str = "EXEMPT (Part B)";

impl ItemStatus {
    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Pending => "pending",
            ItemStatus::Current => "current",
            ItemStatus::Done => "done",
            ItemStatus::Deferred => "deferred",
        }
    }

    /// A symbol and the word, for panes: "▶ current".
    pub fn marked(self) -> &'static str {
        match self {
            ItemStatus::Pending => "· pending",
            ItemStatus::Current => "▶ current",
            ItemStatus::Done => "✓ done",
            ItemStatus::Deferred => "» deferred",
        }
    }
}

impl MeetingStatus {
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "planned",
            MeetingStatus::InProgress => "in progress",
            MeetingStatus::Draft => "minutes in draft",
            MeetingStatus::Approved => "minutes approved",
        }
    }

    /// A symbol and a short word, for the archive list: "✎ draft".
    pub fn marked(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "◷ planned",
            MeetingStatus::InProgress => "▶ in progress",
            MeetingStatus::Draft => "✎ draft",
            MeetingStatus::Approved => "✓ approved",
        }
    }
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// A symbol and the word, for panes; an overdue open action says OVERDUE instead.
    pub fn marked(self, overdue: bool) -> &'static str {
        match (self, overdue) {
            (ActionStatus::Open, true) => "! OVERDUE",
            (ActionStatus::Open, false) => "○ open",
            (ActionStatus::Done, _) => "✓ done",
            (ActionStatus::Dropped, _) => "✗ dropped",
        }
    }
}

impl Presence {
    pub fn label(self) -> &'static str {
        match self {
            Presence::Expected => "not yet marked",
            Presence::Present => "present",
            Presence::Apologies => "apologies",
            Presence::Absent => "absent",
        }
    }

    /// A symbol and a word, for the attendance pane: "A apologies".
    pub fn marked(self) -> &'static str {
        match self {
            Presence::Expected => "? not marked",
            Presence::Present => "✓ present",
            Presence::Apologies => "A apologies",
            Presence::Absent => "✗ absent",
        }
    }
}

impl IhaStatus {
    /// "ON TARGET", "BELOW TARGET" or "no IHAs due": in words, never colour alone.
    pub fn words(self) -> &'static str {
        match self {
            IhaStatus::OnTarget => "ON TARGET",
            IhaStatus::BelowTarget => "BELOW TARGET",
            IhaStatus::NoneDue => "no IHAs due",
        }
    }
}

/// "DECISION" or "RESOLVED": the word a decision is minuted under.
pub fn decision_word(kind: DecisionKind) -> &'static str {
    match kind {
        DecisionKind::Decision => "DECISION",
        DecisionKind::Resolution => "RESOLVED",
    }
}

/// "Wednesday 9 December 2026", as minutes write dates.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "9 December 2026", as a sentence of the minutes names a meeting.
pub fn day_month_year(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "9 Dec 2026", for columns and dated notes.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// "Wed 9 Dec 2026", for headings and lists of meetings.
pub fn weekday_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// "overdue against 9 Dec 2026": the date overdue was judged on, as every view says it.
pub fn overdue_against(on: NaiveDate) -> String {
    format!("overdue against {}", short_date(on))
}

/// "ERRATUM recorded 13 Jan 2027, agreed at meeting 2027-01-13: For … read …".
pub fn erratum_line(date: NaiveDate, agreed_at: Option<&str>, text: &str) -> String {
    let agreed = agreed_at
        .map(|a| format!(", agreed at meeting {a}"))
        .unwrap_or_default();
    format!("ERRATUM recorded {}{agreed}: {text}", short_date(date))
}

/// "Approved as a correct record by Cllr Amara Okafor at meeting 2027-01-13 on 13 Jan 2027."
pub fn approval_line(by: &str, at: &str, on: NaiveDate) -> String {
    format!(
        "Approved as a correct record by {by} at meeting {at} on {}.",
        short_date(on)
    )
}

/// The first letter in capitals: "quorate (5 of 3 needed)" → "Quorate (5 of 3 needed)".
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_minutes_write_them() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        assert_eq!(long_date(d), "Wednesday 9 December 2026");
        assert_eq!(day_month_year(d), "9 December 2026");
        assert_eq!(short_date(d), "9 Dec 2026");
        assert_eq!(weekday_date(d), "Wed 9 Dec 2026");
        assert_eq!(capitalise("élan"), "Élan");
        assert_eq!(capitalise(""), "");
    }
}
