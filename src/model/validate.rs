//! Checks a meeting record as read: figures that could not be true and a date that
//! disagrees with the id, each named by its field, so that no reader shows a rate made
//! of them and no document is made from them.

use std::fmt;

use chrono::NaiveDate;

use super::ids::MeetingId;
use super::meeting::Meeting;
use super::standing::{MAX_COUNT, Standing};

/// One thing wrong with a record: the field, as the file spells it, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

/// The first thing wrong with a meeting's record, if any.
pub fn check_meeting(m: &Meeting) -> Result<(), Problem> {
    check(&m.id, m.date, &m.standing)
}

/// As [`check_meeting`], from the parts a partial reader has (the archive's search).
pub fn check(id: &MeetingId, date: NaiveDate, standing: &Standing) -> Result<(), Problem> {
    let problem = |field: String, reason: String| Err(Problem { field, reason });
    if date != id.date() {
        return problem(
            "date".into(),
            format!("{date} is not the date in the meeting's id ({})", id.date()),
        );
    }
    let target = standing.iha_target;
    if !(0.0..=100.0).contains(&target) {
        return problem(
            "standing.iha_target".into(),
            format!("{target} is not a percentage from 0 to 100"),
        );
    }
    if let Some(iha) = &standing.iha
        && let Err(p) = iha.check()
    {
        return problem(p.field.key().into(), p.reason);
    }
    let rows = &standing.iha_children;
    if rows.len() > MAX_COUNT as usize {
        return problem(
            "standing.iha_children".into(),
            format!(
                "{} rows are more than a board could report (at most {MAX_COUNT})",
                rows.len()
            ),
        );
    }
    for (i, row) in rows.iter().enumerate() {
        if let Err(p) = row.check() {
            return problem(
                format!("standing.iha_children[{i}].{}", p.field.key()),
                p.reason,
            );
        }
    }
    for f in &standing.figures {
        if let Some(v) = f.value
            && !(v.is_finite() && v >= 0.0)
        {
            return problem(
                format!("standing.figures[{}].value", f.key),
                format!("{v} is not a number of 0 or more"),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IhaFigures;

    fn iha(due: u32, within: u32, late: u32) -> Standing {
        Standing {
            iha: Some(IhaFigures {
                period_start: None,
                period_end: None,
                entered_care: 0,
                due,
                within_20_days: within,
                late,
                outstanding: 0,
                commentary: String::new(),
            }),
            ..Standing::default()
        }
    }

    fn dec9() -> (MeetingId, NaiveDate) {
        let id = MeetingId::parse("2026-12-09").unwrap();
        let date = id.date();
        (id, date)
    }

    #[test]
    fn more_done_in_time_than_fell_due_is_refused_naming_the_field() {
        let (id, date) = dec9();
        let p = check(&id, date, &iha(10, 15, 0)).unwrap_err();
        assert_eq!(p.field, "standing.iha.within_20_days");
        assert_eq!(p.reason, "15 cannot be more than the 10 IHAs due");
        assert!(check(&id, date, &iha(10, 8, 2)).is_ok());
    }

    #[test]
    fn counts_that_would_wrap_are_refused_not_published_as_on_target() {
        // 4294967295 + 1 wraps to 0 in u32: it must never read as "within + late <= due".
        let (id, date) = dec9();
        let p = check(&id, date, &iha(u32::MAX, u32::MAX, 1)).unwrap_err();
        assert_eq!(p.field, "standing.iha.due");
        assert_eq!(
            p.reason,
            "4294967295 is more than a board could report for one period (at most 100000)"
        );
        // At the bound, every sum is still exact.
        let p = check(&id, date, &iha(MAX_COUNT, MAX_COUNT, MAX_COUNT)).unwrap_err();
        assert_eq!(p.field, "standing.iha.late");
        assert!(p.reason.contains("make 200000, more than the 100000 due"));
    }

    #[test]
    fn a_child_row_completed_before_care_is_refused_naming_the_record_field() {
        let (id, date) = dec9();
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let s = Standing {
            iha_children: vec![crate::model::iha_children::IhaChild {
                reference: "C-0412".into(),
                entered_care: day(10),
                completed: Some(day(1)),
            }],
            ..Standing::default()
        };
        assert_eq!(
            check(&id, date, &s).unwrap_err().to_string(),
            "standing.iha_children[0].completed: 2026-11-01 is before the child came into care \
             (2026-11-10)"
        );
    }

    #[test]
    fn a_date_that_disagrees_with_the_id_is_refused() {
        let (id, _) = dec9();
        let wrong = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let p = check(&id, wrong, &Standing::default()).unwrap_err();
        assert_eq!(p.field, "date");
        assert_eq!(
            p.to_string(),
            "date: 2026-12-10 is not the date in the meeting's id (2026-12-09)"
        );
        let extra = MeetingId::parse("2026-12-09-extra").unwrap();
        assert!(check(&extra, id.date(), &Standing::default()).is_ok());
    }

    #[test]
    fn an_impossible_target_or_negative_figure_is_refused() {
        let (id, date) = dec9();
        let mut s = Standing {
            iha_target: 150.0,
            ..Standing::default()
        };
        assert_eq!(
            check(&id, date, &s).unwrap_err().field,
            "standing.iha_target"
        );
        s.iha_target = 85.0;
        s.figures.push(crate::model::Figure {
            key: "out-of-area".into(),
            name: "Children placed out of area".into(),
            unit: crate::model::Unit::Count,
            target: None,
            better: crate::model::Better::Lower,
            value: Some(-3.0),
        });
        assert_eq!(
            check(&id, date, &s).unwrap_err().to_string(),
            "standing.figures[out-of-area].value: -3 is not a number of 0 or more"
        );
    }
}
