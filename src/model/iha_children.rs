//! Per-child IHA rows: an anonymised reference and two dates, from which each child's due
//! date and the period's counts are worked out, so the board's figures can be checked.
//! Never a name: these records concern children in care.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::working_days::{CalendarError, iha_due};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IhaChild {
    /// An anonymised reference such as "C-0412", never a name.
    pub reference: String,
    pub entered_care: NaiveDate,
    #[serde(default)]
    pub completed: Option<NaiveDate>,
}

/// The fields of a child's row a check can name. Each form and the file name them in
/// their own words ([`ChildField::key`] is the file's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChildField {
    Reference,
    EnteredCare,
    Completed,
}

impl ChildField {
    /// The field's name in a row of the meeting's file.
    pub fn key(self) -> &'static str {
        match self {
            ChildField::Reference => "reference",
            ChildField::EnteredCare => "entered_care",
            ChildField::Completed => "completed",
        }
    }
}

/// Why a child's row cannot be kept, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildProblem {
    pub field: ChildField,
    pub reason: String,
}

/// Where one child's IHA stands at the end of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    WithinTime,
    Late,
    Outstanding,
    /// Falls due after the period (or fell due before it): not counted in it.
    OutsidePeriod,
}

/// The counts a period's rows add up to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub entered_care: u32,
    pub due: u32,
    pub within_20_days: u32,
    pub late: u32,
    pub outstanding: u32,
}

impl IhaChild {
    /// Checks a row before it is kept: the dates must be in order.
    pub fn check(&self) -> Result<(), ChildProblem> {
        if self.reference.trim().is_empty() {
            return Err(ChildProblem {
                field: ChildField::Reference,
                reason: "give the child's anonymised reference, e.g. C-0412".into(),
            });
        }
        if let Some(done) = self.completed
            && done < self.entered_care
        {
            return Err(ChildProblem {
                field: ChildField::Completed,
                reason: format!(
                    "{done} is before the child came into care ({})",
                    self.entered_care
                ),
            });
        }
        Ok(())
    }

    pub fn due(&self) -> Result<NaiveDate, CalendarError> {
        iha_due(self.entered_care)
    }

    /// Where this child's IHA stands for the period `from..=to`.
    pub fn outcome(&self, from: NaiveDate, to: NaiveDate) -> Result<Outcome, CalendarError> {
        let due = self.due()?;
        if due < from || due > to {
            return Ok(Outcome::OutsidePeriod);
        }
        Ok(match self.completed {
            Some(done) if done <= due => Outcome::WithinTime,
            Some(done) if done <= to => Outcome::Late,
            _ => Outcome::Outstanding,
        })
    }
}

/// The period's counts from its rows.
pub fn counts(
    children: &[IhaChild],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Counts, CalendarError> {
    let mut c = Counts::default();
    for child in children {
        if (from..=to).contains(&child.entered_care) {
            c.entered_care += 1;
        }
        match child.outcome(from, to)? {
            Outcome::WithinTime => c.within_20_days += 1,
            Outcome::Late => c.late += 1,
            Outcome::Outstanding => c.outstanding += 1,
            Outcome::OutsidePeriod => continue,
        }
        c.due += 1;
    }
    Ok(c)
}

/// Where the rows count differently from the totals typed, in words; `None` when they
/// agree. The totals are the figures reported (a Designated Nurse's report gives totals
/// and at most a few children as rows), so this never changes them: it says so beside them.
pub fn disagreement(rows: &Counts, totals: &super::IhaFigures) -> Option<String> {
    let differ: Vec<String> = [
        ("came into care", rows.entered_care, totals.entered_care),
        ("IHAs due", rows.due, totals.due),
        (
            "within 20 working days",
            rows.within_20_days,
            totals.within_20_days,
        ),
        ("late", rows.late, totals.late),
        ("outstanding", rows.outstanding, totals.outstanding),
    ]
    .into_iter()
    .filter(|(_, r, t)| r != t)
    .map(|(what, r, t)| format!("{what}: rows {r}, totals {t}"))
    .collect();
    (!differ.is_empty()).then(|| {
        format!(
            "The rows and the totals differ ({}). The totals typed are the figures reported; \
             the rows do not change them.",
            differ.join("; ")
        )
    })
}

/// What to say beside the rows about the totals, for the pane and the forms alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowsNote {
    /// No totals typed yet: the rows alone are not the figures.
    NoTotals,
    /// No period to count the rows in.
    NoPeriod,
    /// How the rows and the totals differ, or why the rows cannot be counted.
    Said(String),
}

impl RowsNote {
    /// The note in words; `enter` is how the clerk enters the IHA figures (a key name,
    /// which the screens know and the model does not).
    pub fn words(&self, enter: &str) -> String {
        match self {
            RowsNote::NoTotals => {
                format!("No IHA totals typed yet: the rows alone are not the figures ({enter}).")
            }
            RowsNote::NoPeriod => {
                format!(
                    "Set the IHA period ({enter}) so the rows can be checked against the totals."
                )
            }
            RowsNote::Said(words) => words.clone(),
        }
    }
}

/// What to say beside the rows about the totals: no totals yet, no period to count the
/// rows in, or how they differ. `None` when there are no rows or they agree with the totals.
pub fn rows_against_totals(
    rows: &[IhaChild],
    totals: Option<&super::IhaFigures>,
) -> Option<RowsNote> {
    if rows.is_empty() {
        return None;
    }
    let Some(totals) = totals else {
        return Some(RowsNote::NoTotals);
    };
    let (Some(from), Some(to)) = (totals.period_start, totals.period_end) else {
        return Some(RowsNote::NoPeriod);
    };
    counts(rows, from, to)
        .map_or_else(|e| Some(e.to_string()), |c| disagreement(&c, totals))
        .map(RowsNote::Said)
}

/// A new row's reference, refused before anything is written when it reads like a name:
/// these records concern children in care, and a name must never reach the file.
pub fn check_new_reference(reference: &str) -> Result<(), ChildProblem> {
    if looks_like_a_name(reference) {
        return Err(ChildProblem {
            field: ChildField::Reference,
            reason: format!(
                "{reference:?} reads like a name; give an anonymised reference such as \
                 C-0412, never a child's name (nothing was saved)"
            ),
        });
    }
    Ok(())
}

/// True when a reference reads like a person's name ("Jane Smith", "O'Neill, Kai"):
/// two or more capitalised words of letters and no digits. Worth a warning, since
/// references must be anonymised.
pub fn looks_like_a_name(reference: &str) -> bool {
    let words: Vec<&str> = reference
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    !reference.chars().any(|c| c.is_ascii_digit())
        && words.len() >= 2
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.clone().any(char::is_lowercase)
                && chars.all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn child(r: &str, entered: &str, done: Option<&str>) -> IhaChild {
        IhaChild {
            reference: r.into(),
            entered_care: d(entered),
            completed: done.map(d),
        }
    }

    #[test]
    fn rows_give_due_dates_and_the_periods_counts() {
        // November 2026. Entered 2026-10-19: due 20 working days on, 2026-11-16.
        let rows = [
            child("C-01", "2026-10-19", Some("2026-11-10")), // due 16 Nov, done in time
            child("C-02", "2026-10-19", Some("2026-11-20")), // done late within the period
            child("C-03", "2026-10-20", None),               // outstanding
            child("C-04", "2026-10-21", Some("2026-12-03")), // late after the period: outstanding at its end
            child("C-05", "2026-11-20", None),               // due in December: not counted
            child("C-06", "2026-09-01", Some("2026-09-20")), // due in September: not counted
        ];
        assert_eq!(rows[0].due().unwrap(), d("2026-11-16"));
        let c = counts(&rows, d("2026-11-01"), d("2026-11-30")).unwrap();
        assert_eq!(
            c,
            Counts {
                entered_care: 1,
                due: 4,
                within_20_days: 1,
                late: 1,
                outstanding: 2
            }
        );
        assert_eq!(
            rows[4].outcome(d("2026-11-01"), d("2026-11-30")).unwrap(),
            Outcome::OutsidePeriod
        );
    }

    #[test]
    fn christmas_pushes_the_due_date_and_the_check_refuses_dates_out_of_order() {
        let c = child("C-77", "2026-12-17", None);
        assert_eq!(c.due().unwrap(), d("2027-01-19"));
        let bad = child("C-78", "2026-12-17", Some("2026-12-01"));
        assert_eq!(
            bad.check().unwrap_err(),
            ChildProblem {
                field: ChildField::Completed,
                reason: "2026-12-01 is before the child came into care (2026-12-17)".into(),
            }
        );
        assert_eq!(
            child(" ", "2026-12-17", None).check().unwrap_err().field,
            ChildField::Reference
        );
    }

    #[test]
    fn rows_that_count_differently_from_the_totals_are_said_in_words() {
        let rows = Counts {
            entered_care: 1,
            due: 3,
            within_20_days: 1,
            late: 1,
            outstanding: 1,
        };
        let mut totals = crate::model::IhaFigures {
            period_start: None,
            period_end: None,
            entered_care: 14,
            due: 15,
            within_20_days: 11,
            late: 1,
            outstanding: 1,
            commentary: String::new(),
        };
        assert_eq!(
            disagreement(&rows, &totals).as_deref(),
            Some(
                "The rows and the totals differ (came into care: rows 1, totals 14; IHAs due: \
                 rows 3, totals 15; within 20 working days: rows 1, totals 11). The totals \
                 typed are the figures reported; the rows do not change them."
            )
        );
        (totals.entered_care, totals.due, totals.within_20_days) = (1, 3, 1);
        assert_eq!(disagreement(&rows, &totals), None);

        // Beside rows with no totals, or no period to count them in, it says what to do.
        let one = [child("C-01", "2026-10-19", Some("2026-11-10"))];
        assert_eq!(rows_against_totals(&one, None), Some(RowsNote::NoTotals));
        assert_eq!(
            rows_against_totals(&one, Some(&totals)),
            Some(RowsNote::NoPeriod)
        );
        assert_eq!(
            RowsNote::NoPeriod.words("e"),
            "Set the IHA period (e) so the rows can be checked against the totals."
        );
        assert_eq!(rows_against_totals(&[], Some(&totals)), None);
    }

    #[test]
    fn names_are_told_from_references() {
        for name in [
            "Jane Smith",
            "Kai O'Neill",
            "Smith, Jane",
            "Anne-Marie Jones",
        ] {
            assert!(looks_like_a_name(name), "{name}");
        }
        for reference in ["C-0412", "LAC 2231", "JS", "child 7", "CIC-2026-014", "A B"] {
            assert!(!looks_like_a_name(reference), "{reference}");
            assert!(check_new_reference(reference).is_ok(), "{reference}");
        }
        assert_eq!(
            check_new_reference("Jamie Smith").unwrap_err(),
            ChildProblem {
                field: ChildField::Reference,
                reason: "\"Jamie Smith\" reads like a name; give an anonymised reference such \
                         as C-0412, never a child's name (nothing was saved)"
                    .into(),
            }
        );
    }
}
