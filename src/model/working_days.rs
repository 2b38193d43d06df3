//! Working days in England and Wales: weekdays that are not bank holidays, from a bundled calendar.
//!
//! Bank holidays are not computable (one-offs such as 19 September 2022 are announced by
//! proclamation), so they come from a data file with a stated range of years, and any date
//! outside that range is an error rather than a guess.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Bound;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use super::standing::IHA_WORKING_DAYS;

const ENGLAND_AND_WALES: &str = include_str!("../../assets/bank-holidays-england-and-wales.json");

/// Bank holidays for a run of whole years, and the working-day arithmetic built on them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    first_year: i32,
    last_year: i32,
    holidays: BTreeMap<NaiveDate, String>,
}

/// A date the calendar cannot speak for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    OutOfRange {
        date: NaiveDate,
        first_year: i32,
        last_year: i32,
    },
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::OutOfRange {
                date,
                first_year,
                last_year,
            } => write!(
                f,
                "{date} is outside the bank-holiday calendar ({first_year}–{last_year})"
            ),
        }
    }
}

impl std::error::Error for CalendarError {}

#[derive(Deserialize)]
struct File {
    first_year: i32,
    last_year: i32,
    events: Vec<Event>,
}

#[derive(Deserialize)]
struct Event {
    date: NaiveDate,
    title: String,
}

impl Calendar {
    /// The bundled England and Wales calendar, parsed on first use.
    pub fn england_and_wales() -> &'static Calendar {
        static CALENDAR: OnceLock<Calendar> = OnceLock::new();
        CALENDAR.get_or_init(|| {
            Calendar::from_json(ENGLAND_AND_WALES).expect("the bundled bank-holiday file is valid")
        })
    }

    /// Reads a calendar in the bundled file's shape; the error says what is wrong with it.
    pub fn from_json(text: &str) -> Result<Calendar, String> {
        let file: File = serde_json::from_str(text)
            .map_err(|e| format!("the bank-holiday file is not valid: {e}"))?;
        if file.first_year > file.last_year {
            return Err(format!(
                "the bank-holiday file's first_year {} is after its last_year {}",
                file.first_year, file.last_year
            ));
        }
        let mut holidays = BTreeMap::new();
        for Event { date, title } in file.events {
            if !(file.first_year..=file.last_year).contains(&date.year()) {
                return Err(format!(
                    "the bank holiday {date} ({title}) is outside the file's years {}–{}",
                    file.first_year, file.last_year
                ));
            }
            // A weekend date means a substitute day was missed, which would silently shorten
            // every count across it.
            if is_weekend(date) {
                return Err(format!(
                    "the bank holiday {date} ({title}) falls on a weekend; list its substitute day instead"
                ));
            }
            if let Some(earlier) = holidays.insert(date, title) {
                return Err(format!(
                    "the bank-holiday file lists {date} twice (first as {earlier})"
                ));
            }
        }
        Ok(Calendar {
            first_year: file.first_year,
            last_year: file.last_year,
            holidays,
        })
    }

    /// The first year covered.
    pub fn first_year(&self) -> i32 {
        self.first_year
    }

    /// The last year covered (through 31 December).
    pub fn last_year(&self) -> i32 {
        self.last_year
    }

    fn check(&self, date: NaiveDate) -> Result<(), CalendarError> {
        if (self.first_year..=self.last_year).contains(&date.year()) {
            Ok(())
        } else {
            Err(CalendarError::OutOfRange {
                date,
                first_year: self.first_year,
                last_year: self.last_year,
            })
        }
    }

    /// The bank holiday's title on `date`, if it is one. `None` outside the covered years
    /// too: use [`Calendar::is_working_day`] to be told when the calendar does not know.
    pub fn holiday(&self, date: NaiveDate) -> Option<&str> {
        self.holidays.get(&date).map(String::as_str)
    }

    /// The bank holidays after `after` up to and including `through`, oldest first.
    pub fn holidays_in(&self, after: NaiveDate, through: NaiveDate) -> Vec<(NaiveDate, &str)> {
        if through <= after {
            return Vec::new();
        }
        self.holidays
            .range((Bound::Excluded(after), Bound::Included(through)))
            .map(|(d, t)| (*d, t.as_str()))
            .collect()
    }

    /// A weekday that is not a bank holiday.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        self.check(date)?;
        Ok(!is_weekend(date) && !self.holidays.contains_key(&date))
    }

    /// "`n` working days after `from`": the `n`th working day strictly after `from`, which
    /// may itself be a weekend or holiday (a child can come into care on any day). Only the
    /// days counted are looked up, so the error names the first of them past the calendar.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut day = from;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().ok_or(CalendarError::OutOfRange {
                date: day,
                first_year: self.first_year,
                last_year: self.last_year,
            })?;
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The clear working days between `a` and `b`: those after `a` and before `b`, neither
    /// end counted, as the five clear working days' notice of an agenda is counted
    /// (Local Government Act 1972, s.100B(3)). Zero when `b` is not after `a`.
    pub fn clear_working_days(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
        match b.pred_opt() {
            Some(before) if before > a => self.working_days_between(a, before),
            Some(_) | None => Ok(0),
        }
    }

    /// The working days after `a` up to and including `b`, so that
    /// `working_days_between(a, add_working_days(a, n)?) == n`. When `b` is before `a` the
    /// count is negative, `-working_days_between(b, a)`, which reads as "that many working
    /// days early". Zero when `a == b`.
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
        if b < a {
            return self.working_days_between(b, a).map(|n| -n);
        }
        if a == b {
            return Ok(0);
        }
        // Both ends of the counted span checked first, so the error names the date given.
        let first = a.succ_opt().expect("a is before b, so has a successor");
        self.check(first)?;
        self.check(b)?;
        Ok(first
            .iter_days()
            .take_while(|d| *d <= b)
            .filter(|d| !is_weekend(*d) && !self.holidays.contains_key(d))
            .count() as i64)
    }
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The date an Initial Health Assessment is due for a child who came into care on
/// `entered_care`: 20 working days after it in England and Wales.
pub fn iha_due(entered_care: NaiveDate) -> Result<NaiveDate, CalendarError> {
    Calendar::england_and_wales().add_working_days(entered_care, IHA_WORKING_DAYS)
}

#[cfg(test)]
mod tests;
