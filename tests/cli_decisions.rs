//! `minutebook decisions`: the decisions register through the real binary on the demo year.

mod common;

use common::{demo_data, minutebook, stderr, stdout};

fn register(data: &std::path::Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["decisions", "--json"];
    all.extend_from_slice(args);
    let out = minutebook(data, &all);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str::<serde_json::Value>(&stdout(&out))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn the_register_lists_every_decision_with_its_minute_oldest_first() {
    let (_tmp, data) = demo_data();
    let rows = register(&data, &[]);
    assert!(rows.len() > 10, "{rows:?}");
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "oldest first");
    for r in &rows {
        for field in ["meeting", "minute", "item", "title", "text"] {
            assert!(r[field].is_string(), "{field} in {r}");
        }
        assert!(
            ["RESOLVED", "DECISION"].contains(&r["marked"].as_str().unwrap()),
            "{r}"
        );
    }
    let part_b: Vec<_> = rows.iter().filter(|r| r["part_b"] == true).collect();
    assert_eq!(part_b.len(), 1);
    assert_eq!(part_b[0]["meeting"], "2026-06-10");
}

#[test]
fn the_register_keeps_the_board_and_dates_asked_for_and_marks_part_b_in_text() {
    let (_tmp, data) = demo_data();
    let june = register(
        &data,
        &[
            "--board",
            "CPB",
            "--from",
            "2026-06-01",
            "--to",
            "2026-06-30",
        ],
    );
    assert!(!june.is_empty());
    assert!(
        june.iter().all(|r| r["meeting"] == "2026-06-10"),
        "{june:?}"
    );
    let out = minutebook(
        &data,
        &["decisions", "--from", "2026-06-10", "--to", "2026-06-10"],
    );
    let text = stdout(&out);
    let placement = text
        .lines()
        .find(|l| l.contains("unregistered setting"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(placement.ends_with("[PART B]"), "{placement}");
    assert!(
        placement.starts_with("2026-06-10  2026-06-10  CPB/26/"),
        "{placement}"
    );
    assert!(
        text.contains("  RESOLVED – that the Board receive a written update"),
        "{text}"
    );
    let none = minutebook(&data, &["decisions", "--from", "2027-01-01"]);
    assert_eq!(
        stdout(&none),
        "No decisions recorded in the meetings asked for.\n"
    );
}

#[test]
fn the_register_says_how_a_motion_was_carried() {
    let (_tmp, data) = demo_data();
    let path = data.join("2026-10-14.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut m: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Read, not sealed: the register reads what the record holds (verify checks the seal).
    let item = m["agenda"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| !i["decisions"].as_array().unwrap().is_empty())
        .unwrap();
    item["decisions"][0]["moved_by"] = "Cllr Samuel Achebe".into();
    item["decisions"][0]["seconded_by"] = "Cllr Priya Raman".into();
    item["decisions"][0]["vote"] =
        serde_json::json!({"for": 5, "against": 0, "abstained": 1, "result": "carried"});
    std::fs::write(&path, serde_json::to_string_pretty(&m).unwrap()).unwrap();
    let out = minutebook(
        &data,
        &["decisions", "--from", "2026-10-14", "--to", "2026-10-14"],
    );
    assert!(
        stdout(&out).contains(
            "  Moved by Cllr Samuel Achebe, seconded by Cllr Priya Raman; carried 5–0 (1 abstaining)"
        ),
        "{}",
        stdout(&out)
    );
    let rows = register(&data, &["--from", "2026-10-14", "--to", "2026-10-14"]);
    assert_eq!(rows[0]["vote"]["for"], 5);
    assert_eq!(rows[0]["seconded_by"], "Cllr Priya Raman");
}
