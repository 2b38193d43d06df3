//! `minutebook search` and `minutebook actions`: the real binary over the demo year.

mod common;

use common::{minutebook, stderr, stdout};
use minutebook::search::Hit;
use minutebook::search::fold::fold;

#[test]
fn search_prints_one_line_a_hit_with_matches_marked() {
    let (_tmp, data) = common::demo_data();
    let out = minutebook(&data, &["search", "ofsted"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(line.starts_with("2026-"), "{line}");
        assert!(line.contains("[Ofsted]"), "{line}");
    }
    let dates: Vec<&str> = lines.iter().map(|l| &l[..10]).collect();
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);
    assert!(
        lines[0].contains(" — …") || lines[0].contains(" — "),
        "{}",
        lines[0]
    );
}

#[test]
fn search_needs_every_word_and_says_when_nothing_matched() {
    let (_tmp, data) = common::demo_data();
    let one = stdout(&minutebook(&data, &["search", "dental"]));
    assert!(!one.trim().is_empty());
    let both = stdout(&minutebook(&data, &["search", "dental", "zebra"]));
    assert_eq!(both, "No matches for dental zebra in 10 meetings.\n");
}

#[test]
fn search_flags_part_b_and_limits() {
    let (_tmp, data) = common::demo_data();
    let text = stdout(&minutebook(&data, &["search", "missing", "from", "care"]));
    assert!(
        text.lines().any(|l| l.contains("[PART B] Individual case")),
        "{text}"
    );
    let all = stdout(&minutebook(&data, &["search", "iha"]));
    let n = all.lines().count();
    assert!(n > 3, "{all}");
    let limited = stdout(&minutebook(&data, &["search", "iha", "--limit", "2"]));
    let lines: Vec<&str> = limited.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[..2], all.lines().take(2).collect::<Vec<_>>()[..]);
    assert!(lines[2].starts_with("Showing 2 of "), "{}", lines[2]);
}

#[test]
fn a_quoted_argument_is_a_phrase() {
    let (_tmp, data) = common::demo_data();
    let text = stdout(&minutebook(&data, &["search", "reserved clinic"]));
    assert!(text.contains("[reserved clinic]"), "{text}");
}

#[test]
fn search_json_parses_back_with_highlights_on_the_matched_words() {
    let (_tmp, data) = common::demo_data();
    let out = minutebook(&data, &["search", "--json", "care", "LEAVERS"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["terms"], serde_json::json!(["care", "leavers"]));
    assert_eq!(json["meetings"], 10);
    let hits: Vec<Hit> = serde_json::from_value(json["hits"].clone()).unwrap();
    assert_eq!(hits.len(), json["total"].as_u64().unwrap() as usize);
    assert!(!hits.is_empty());
    for hit in &hits {
        for r in &hit.snippet.highlights {
            let word = fold(&hit.snippet.text[r.clone()]);
            assert!(
                word.starts_with("care") || word.starts_with("leavers"),
                "{word}"
            );
        }
    }
    assert!(json["hits"][0]["snippet"]["highlights"][0]["start"].is_u64());
}

#[test]
fn a_corrupt_file_is_named_on_stderr_and_the_rest_still_searched() {
    let (_tmp, data) = common::demo_data();
    std::fs::write(data.join("2026-08-12.json"), "{ not json").unwrap();
    let out = minutebook(&data, &["search", "ofsted"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("2026-08-12.json"), "{}", stderr(&out));
    assert!(stdout(&out).contains("[Ofsted]"));
}

#[test]
fn search_without_words_is_refused() {
    let (_tmp, data) = common::demo_data();
    let out = minutebook(&data, &["search"]);
    assert!(!out.status.success());
    let out = minutebook(&data, &["search", "\"\""]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("at least one word"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn actions_lists_every_action_once_with_its_latest_state() {
    let (_tmp, data) = common::demo_data();
    let out = minutebook(&data, &["actions", "--today", "2026-12-31"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let firsts: Vec<&str> = text.lines().step_by(2).collect();
    assert_eq!(firsts.len(), 11, "{text}");
    let bus = text
        .lines()
        .position(|l| l.contains("Raise free bus travel"))
        .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[bus].contains(" done "), "{}", lines[bus]);
    assert!(
        lines[bus + 1].contains("last update 2026-07-08: Pilot agreed from September."),
        "{}",
        lines[bus + 1]
    );
    assert!(
        text.contains("[PART B] Written update on the placement"),
        "{text}"
    );
    assert!(text.contains(" OVERDUE "), "{text}");
}

#[test]
fn actions_filters_and_json_parse_back() {
    let (_tmp, data) = common::demo_data();
    let rows = |args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = vec!["actions", "--json", "--today", "2026-12-31"];
        all.extend_from_slice(args);
        let out = minutebook(&data, &all);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
    };
    let all = rows(&[]);
    assert_eq!(all.len(), 11);
    let bus = all
        .iter()
        .find(|r| {
            r["action"]["text"]
                .as_str()
                .unwrap()
                .starts_with("Raise free bus")
        })
        .unwrap();
    assert_eq!(bus["action"]["status"], "done");
    assert_eq!(bus["action"]["history"].as_array().unwrap().len(), 3);
    let record: minutebook::search::history::ActionRecord =
        serde_json::from_value(bus.clone()).unwrap();
    assert_eq!(record.meetings.len(), 4);

    let open = rows(&["--open"]);
    assert!(!open.is_empty() && open.len() < all.len());
    assert!(open.iter().all(|r| r["action"]["status"] == "open"));
    let overdue = rows(&["--overdue"]);
    assert!(!overdue.is_empty());
    assert!(overdue.iter().all(|r| r["overdue"] == true));
    let nurse = rows(&["--owner", "RUTH PENHALIGON"]);
    assert!(!nurse.is_empty());
    assert!(
        nurse
            .iter()
            .all(|r| r["action"]["owner"] == "Dr Ruth Penhaligon")
    );
    let none = minutebook(&data, &["actions", "--owner", "Nobody"]);
    assert_eq!(stdout(&none), "No actions match.\n");
}

#[test]
fn actions_date_next_meeting_and_say_against_which_date_overdue_is_judged() {
    let (_tmp, data) = common::demo_data();
    let line_of = |today: &str| {
        let out = minutebook(&data, &["actions", "--today", today]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("2026-09-09#1 "))
            .unwrap_or_else(|| panic!("{text}"));
        (lines[at].clone(), lines[at + 1].clone())
    };
    let (first, second) = line_of("2026-10-14");
    assert!(
        first.contains(" open ") && !first.contains("OVERDUE"),
        "{first}"
    );
    assert!(first.contains("due 2026-10-14 (next meeting)"), "{first}");
    assert!(!second.contains("overdue"), "{second}");
    let (first, second) = line_of("2026-11-11");
    assert!(first.contains(" OVERDUE "), "{first}");
    assert!(second.contains("overdue against 11 Nov 2026"), "{second}");
}

#[test]
fn a_minute_reference_finds_that_minute_first_then_the_minutes_citing_it() {
    let (_tmp, data) = common::demo_data();
    // December's minutes cite November's first minute, CPB/26/38.
    let path = data.join("2026-12-09.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    m["agenda"][1]["minutes"] = "Matters arising: minute CPB/26/38 was noted.".into();
    std::fs::write(&path, serde_json::to_string_pretty(&m).unwrap()).unwrap();

    let out = minutebook(&data, &["search", "CPB/26/38", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let hits: Vec<Hit> = serde_json::from_value(v["hits"].clone()).unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert_eq!(
        hits[0].meeting.as_str(),
        "2026-11-11",
        "the minute itself first"
    );
    assert_eq!(
        hits[0].item.as_ref().unwrap().minute.as_deref(),
        Some("CPB/26/38")
    );
    assert_eq!(
        hits[1].meeting.as_str(),
        "2026-12-09",
        "then the newer minute citing it"
    );

    let text = stdout(&minutebook(&data, &["search", "CPB/26/38"]));
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("2026-11-11  1     CPB/26/38 "), "{first}");
    // A shorter reference does not find the longer one.
    let v: serde_json::Value = serde_json::from_str(&stdout(&minutebook(
        &data,
        &["search", "CPB/26/3", "--json"],
    )))
    .unwrap();
    let hits: Vec<Hit> = serde_json::from_value(v["hits"].clone()).unwrap();
    assert!(
        hits.iter()
            .all(|h| h.item.as_ref().unwrap().minute.as_deref() == Some("CPB/26/3")),
        "{hits:?}"
    );
}
