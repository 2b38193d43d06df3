//! Working-day arithmetic on known dates: weekends, Christmas and Easter, substitute days,
//! one-off holidays, year boundaries and the edges of the calendar.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn cal() -> &'static Calendar {
    Calendar::england_and_wales()
}

fn working(s: &str) -> bool {
    cal().is_working_day(d(s)).unwrap()
}

fn add(s: &str, n: u32) -> NaiveDate {
    cal().add_working_days(d(s), n).unwrap()
}

fn between(a: &str, b: &str) -> i64 {
    cal().working_days_between(d(a), d(b)).unwrap()
}

#[test]
fn weekends_are_not_working_days() {
    assert!(working("2026-06-12")); // Friday
    assert!(!working("2026-06-13")); // Saturday
    assert!(!working("2026-06-14")); // Sunday
    assert!(working("2026-06-15")); // Monday
    assert_eq!(add("2026-06-12", 1), d("2026-06-15"));
    assert_eq!(add("2026-06-12", 5), d("2026-06-19"));
    // Counting starts the day after, whatever day care began.
    assert_eq!(add("2026-06-13", 1), d("2026-06-15"));
    assert_eq!(add("2026-06-14", 5), d("2026-06-19"));
    assert_eq!(add("2026-06-12", 0), d("2026-06-12"));
    assert_eq!(between("2026-06-12", "2026-06-15"), 1);
    assert_eq!(between("2026-06-12", "2026-06-14"), 0);
}

#[test]
fn christmas_2026_skips_christmas_boxing_substitute_and_new_year() {
    assert_eq!(cal().holiday(d("2026-12-25")), Some("Christmas Day"));
    // Boxing Day is a Saturday, so the Monday is the holiday and the Saturday is not.
    assert_eq!(cal().holiday(d("2026-12-26")), None);
    assert_eq!(
        cal().holiday(d("2026-12-28")),
        Some("Boxing Day (substitute day)")
    );
    assert!(!working("2026-12-28"));
    assert!(working("2026-12-29"));
    assert_eq!(cal().holiday(d("2027-01-01")), Some("New Year’s Day"));

    // Thu 17 Dec: 18, 21–24, 29–31 Dec, 4–8, 11–15, 18, 19 Jan.
    assert_eq!(iha_due(d("2026-12-17")).unwrap(), d("2027-01-19"));
    assert_eq!(
        cal().holidays_in(d("2026-12-17"), d("2027-01-19")),
        vec![
            (d("2026-12-25"), "Christmas Day"),
            (d("2026-12-28"), "Boxing Day (substitute day)"),
            (d("2027-01-01"), "New Year’s Day"),
        ]
    );
    assert_eq!(add("2026-12-24", 1), d("2026-12-29"));
}

#[test]
fn easter_2026_skips_good_friday_and_easter_monday() {
    assert_eq!(cal().holiday(d("2026-04-03")), Some("Good Friday"));
    assert_eq!(cal().holiday(d("2026-04-06")), Some("Easter Monday"));
    assert_eq!(add("2026-04-02", 1), d("2026-04-07"));
    // 1, 2, 7, 8, 9, 10 April.
    assert_eq!(between("2026-03-31", "2026-04-10"), 6);
    // Fri 27 Mar: 30, 31 Mar, 1, 2, 7–10, 13–17, 20–24, 27, 28 Apr (not 24 Apr).
    assert_eq!(iha_due(d("2026-03-27")).unwrap(), d("2026-04-28"));
}

#[test]
fn easter_falls_where_the_almanac_puts_it() {
    // Good Friday is two days before Easter Sunday, Easter Monday the day after.
    for sunday in [
        "2015-04-05",
        "2019-04-21",
        "2022-04-17",
        "2024-03-31",
        "2025-04-20",
        "2026-04-05",
        "2027-03-28",
        "2030-04-21",
    ] {
        let sunday = d(sunday);
        let friday = sunday - chrono::Days::new(2);
        let monday = sunday + chrono::Days::new(1);
        assert_eq!(cal().holiday(friday), Some("Good Friday"), "{sunday}");
        assert_eq!(cal().holiday(monday), Some("Easter Monday"), "{sunday}");
    }
}

#[test]
fn substitute_days_replace_weekend_holidays() {
    // Christmas 2021 on a Saturday, Boxing Day on the Sunday.
    assert_eq!(
        cal().holiday(d("2021-12-27")),
        Some("Christmas Day (substitute day)")
    );
    assert_eq!(
        cal().holiday(d("2021-12-28")),
        Some("Boxing Day (substitute day)")
    );
    assert_eq!(add("2021-12-24", 1), d("2021-12-29"));
    // New Year 2022 on a Saturday.
    assert_eq!(
        cal().holiday(d("2022-01-03")),
        Some("New Year’s Day (substitute day)")
    );
    assert!(!working("2022-01-03"));
    assert!(working("2022-01-04"));
    // Christmas 2022 on a Sunday: Boxing Day keeps the Monday, Christmas takes the Tuesday.
    assert_eq!(cal().holiday(d("2022-12-26")), Some("Boxing Day"));
    assert_eq!(
        cal().holiday(d("2022-12-27")),
        Some("Christmas Day (substitute day)")
    );
    // Christmas 2027 on a Saturday.
    assert!(!working("2027-12-27") && !working("2027-12-28"));
    assert!(working("2027-12-29"));
}

#[test]
fn one_off_holidays_move_and_add_days() {
    // VE Day 2020 moved the early May holiday to Friday 8 May.
    assert!(!working("2020-05-08"));
    assert!(working("2020-05-04"));
    // Platinum Jubilee 2022: Spring bank holiday moved to 2 June, plus 3 June.
    assert!(!working("2022-06-02") && !working("2022-06-03"));
    assert!(working("2022-05-30"));
    assert_eq!(
        cal().holiday(d("2022-09-19")),
        Some("Bank Holiday for the State Funeral of Queen Elizabeth II")
    );
    // Coronation 2023 on top of the early May holiday.
    assert_eq!(
        cal().holiday(d("2023-05-01")),
        Some("Early May bank holiday")
    );
    assert_eq!(
        cal().holiday(d("2023-05-08")),
        Some("Bank holiday for the coronation of King Charles III")
    );
    assert_eq!(between("2023-04-28", "2023-05-12"), 8);
}

#[test]
fn counts_cross_year_boundaries() {
    // New Year's Day 2027 is a Friday, then the weekend.
    assert_eq!(add("2026-12-31", 1), d("2027-01-04"));
    assert_eq!(between("2026-12-31", "2027-01-04"), 1);
    // New Year 2022's substitute day is the Monday.
    assert_eq!(add("2021-12-31", 1), d("2022-01-04"));
    // 29, 30, 31 Dec 2026 and 4–8 Jan 2027.
    assert_eq!(between("2026-12-24", "2027-01-08"), 8);
}

#[test]
fn between_is_negative_when_the_end_comes_first() {
    assert_eq!(between("2027-01-04", "2026-12-31"), -1);
    assert_eq!(between("2026-04-10", "2026-03-31"), -6);
    assert_eq!(between("2026-04-10", "2026-04-10"), 0);
}

#[test]
fn outside_the_calendar_is_an_error_naming_date_and_range() {
    let err = cal().is_working_day(d("2031-01-02")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "2031-01-02 is outside the bank-holiday calendar (2015–2030)"
    );
    assert!(cal().is_working_day(d("2014-12-31")).is_err());
    assert!(cal().is_working_day(d("2030-12-31")).is_ok());
    assert!(cal().is_working_day(d("2015-01-01")).is_ok());

    // 23, 24, 27, 30, 31 Dec 2030, then the calendar ends.
    let err = iha_due(d("2030-12-20")).unwrap_err();
    assert_eq!(
        err,
        CalendarError::OutOfRange {
            date: d("2031-01-01"),
            first_year: 2015,
            last_year: 2030
        }
    );
    assert_eq!(add("2030-12-20", 5), d("2030-12-31"));

    let err = cal()
        .working_days_between(d("2030-06-01"), d("2031-02-01"))
        .unwrap_err();
    assert!(
        err.to_string().starts_with("2031-02-01 is outside"),
        "{err}"
    );
    assert!(
        cal()
            .working_days_between(d("2031-02-01"), d("2030-06-01"))
            .is_err()
    );
    // Only the days counted are looked up: the day before the calendar may start a count.
    assert_eq!(between("2014-12-31", "2015-01-02"), 1);
    assert!(
        cal()
            .working_days_between(d("2014-12-30"), d("2015-01-02"))
            .is_err()
    );
}

#[test]
fn the_bundled_file_has_every_years_holidays() {
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    let mut day = d("2015-01-01");
    while day.year() <= 2030 {
        if cal().holiday(day).is_some() {
            *per_year.entry(day.year()).or_default() += 1;
        }
        day = day.succ_opt().unwrap();
    }
    let expected: BTreeMap<i32, usize> = (2015..=2030)
        .map(|y| {
            let n = match y {
                // Spring moved, Platinum Jubilee, State Funeral.
                2022 => 10,
                // Coronation.
                2023 => 9,
                _ => 8,
            };
            (y, n)
        })
        .collect();
    assert_eq!(per_year, expected);
    assert_eq!((cal().first_year(), cal().last_year()), (2015, 2030));

    let titles: Vec<_> = cal()
        .holidays_in(d("2025-12-31"), d("2026-12-31"))
        .into_iter()
        .map(|(date, title)| format!("{date} {title}"))
        .collect();
    assert_eq!(
        titles,
        [
            "2026-01-01 New Year’s Day",
            "2026-04-03 Good Friday",
            "2026-04-06 Easter Monday",
            "2026-05-04 Early May bank holiday",
            "2026-05-25 Spring bank holiday",
            "2026-08-31 Summer bank holiday",
            "2026-12-25 Christmas Day",
            "2026-12-28 Boxing Day (substitute day)",
        ]
    );
}

#[test]
fn from_json_refuses_files_that_would_miscount() {
    let file = |events: &str| {
        format!(
            r#"{{"division": "test", "first_year": 2026, "last_year": 2026, "events": [{events}]}}"#
        )
    };
    let ok =
        Calendar::from_json(&file(r#"{"date": "2026-12-25", "title": "Christmas Day"}"#)).unwrap();
    assert!(!ok.is_working_day(d("2026-12-25")).unwrap());
    assert!(ok.is_working_day(d("2027-01-04")).is_err());

    let err =
        Calendar::from_json(&file(r#"{"date": "2026-12-26", "title": "Boxing Day"}"#)).unwrap_err();
    assert!(
        err.contains("2026-12-26 (Boxing Day) falls on a weekend"),
        "{err}"
    );
    let err =
        Calendar::from_json(&file(r#"{"date": "2027-01-01", "title": "New Year"}"#)).unwrap_err();
    assert!(err.contains("outside the file's years 2026–2026"), "{err}");
    let err = Calendar::from_json(&file(
        r#"{"date": "2026-12-25", "title": "A"}, {"date": "2026-12-25", "title": "B"}"#,
    ))
    .unwrap_err();
    assert!(err.contains("lists 2026-12-25 twice"), "{err}");
    let err = Calendar::from_json(&file(r#"{"date": "2026-13-01", "title": "X"}"#)).unwrap_err();
    assert!(
        err.starts_with("the bank-holiday file is not valid"),
        "{err}"
    );
    let err = Calendar::from_json(r#"{"first_year": 2027, "last_year": 2026, "events": []}"#)
        .unwrap_err();
    assert!(err.contains("after its last_year"), "{err}");
}

mod prop {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn add_and_between_are_inverse(offset in 0u64..5000, n in 0u32..200, back in 0u64..10) {
            let a = d("2015-01-01") + chrono::Days::new(offset);
            let b = cal().add_working_days(a, n).unwrap();
            prop_assert_eq!(cal().working_days_between(a, b).unwrap(), i64::from(n));
            prop_assert_eq!(cal().working_days_between(b, a).unwrap(), -i64::from(n));
            if n > 0 {
                prop_assert!(cal().is_working_day(b).unwrap());
            }
            // Any later day counts no more working days until the next working day.
            let c = b + chrono::Days::new(back);
            let k = cal().working_days_between(a, c).unwrap();
            prop_assert!(k >= i64::from(n));
            prop_assert!(cal().add_working_days(a, k as u32).unwrap() <= c);
        }
    }
}

#[test]
fn an_agendas_clear_working_days_count_neither_the_day_published_nor_the_meeting_day() {
    let clear = |a: &str, b: &str| cal().clear_working_days(d(a), d(b)).unwrap();
    // Published Tuesday 1 December for Wednesday 9 December: 2, 3, 4, 7 and 8 December.
    assert_eq!(clear("2026-12-01", "2026-12-09"), 5);
    assert_eq!(clear("2026-12-02", "2026-12-09"), 4);
    // Christmas Day and Boxing Day (observed Monday 28th) are not: 23, 24, 29 and 30.
    assert_eq!(clear("2026-12-22", "2026-12-31"), 4);
    assert_eq!(clear("2026-12-09", "2026-12-09"), 0);
    assert_eq!(clear("2026-12-10", "2026-12-09"), 0);
}
