//! Minute references in the board's scheme: "CPB/26/45" (board code, two-digit year,
//! running number). A reference is given to a minute once, when the draft is made, and is
//! never changed or given again; the numbering itself is the store's (it keeps the count).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

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
}
