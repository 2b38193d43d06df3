//! `minutebook iha due`: the real binary, as a clerk or a script would run it.

mod common;

use common::{minutebook, stderr, stdout};

#[test]
fn due_prints_the_date_first_and_names_the_holidays_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = minutebook(&data, &["iha", "due", "--entered", "2026-12-17"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert_eq!(text.split_whitespace().next(), Some("2027-01-19"));
    assert!(text.contains("(Tuesday 19 January 2027)"), "{text}");
    assert!(
        text.contains("20 working days after entering care on Thursday 17 December 2026"),
        "{text}"
    );
    assert!(
        text.contains(
            "Friday 25 December 2026, Christmas Day; \
             Monday 28 December 2026, Boxing Day (substitute day); \
             Friday 1 January 2027, New Year’s Day"
        ),
        "{text}"
    );
    // Working out a date touches no records.
    assert!(!data.exists());
}

#[test]
fn due_with_no_holidays_in_between_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let out = minutebook(tmp.path(), &["iha", "due", "--entered", "2026-06-13"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("2026-07-10 (Friday 10 July 2026): "),
        "{text}"
    );
    assert!(text.contains("no bank holidays"), "{text}");
}

#[test]
fn a_bad_date_is_refused_in_one_sentence() {
    let tmp = tempfile::tempdir().unwrap();
    let out = minutebook(tmp.path(), &["iha", "due", "--entered", "2026-02-30"]);
    assert!(!out.status.success());
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("\"2026-02-30\" is not a real date in the form YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_date_beyond_the_calendar_is_refused_not_guessed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = minutebook(tmp.path(), &["iha", "due", "--entered", "2030-12-20"]);
    assert!(!out.status.success());
    assert!(stdout(&out).is_empty());
    assert_eq!(
        stderr(&out).trim(),
        "minutebook: cannot work out the IHA due date for 2030-12-20: \
         2031-01-01 is outside the bank-holiday calendar (2015–2030)"
    );
}
