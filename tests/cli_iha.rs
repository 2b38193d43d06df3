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

#[test]
fn iha_trend_shows_the_demo_year_crossing_the_target() {
    let (_tmp, data) = common::demo_data();
    let out = common::minutebook(&data, &["iha", "trend"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = common::stdout(&out);
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(
        rows.len(),
        9,
        "every meeting that reported figures (December has none yet):\n{text}"
    );
    assert!(
        rows[0].starts_with("2026-02-11")
            && rows[0].contains("72.7%")
            && rows[0].contains("BELOW TARGET")
    );
    assert!(
        rows[2].contains("86.7%")
            && rows[2].contains("ON TARGET")
            && rows[2].contains("▲ 8.1 points")
    );
    assert!(
        rows[3].contains("BELOW TARGET") && rows[3].contains("▼ 6.7 points"),
        "{}",
        rows[3]
    );
    assert!(rows[8].starts_with("2026-11-11") && rows[8].contains("90.0%"));

    let json: serde_json::Value =
        serde_json::from_slice(&common::minutebook(&data, &["iha", "trend", "--json"]).stdout)
            .unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[0]["status"], "below-target");
    assert_eq!(rows[8]["status"], "on-target");
    assert_eq!(
        (rows[8]["due"].as_u64(), rows[8]["within_20_days"].as_u64()),
        (Some(20), Some(18))
    );
}
