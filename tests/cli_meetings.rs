//! `minutebook meeting set|delete|restore|trash` through the real binary on the demo year:
//! November's actions are carried into December, October's minutes are sealed, December is
//! planned and nothing refers to it.

mod common;

use std::fs;

use common::{demo_data, minutebook, stderr, stdout};

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).unwrap()
}

fn listed_ids(data: &std::path::Path) -> Vec<String> {
    let v = json(&minutebook(data, &["list", "--json"]));
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_meeting_whose_actions_were_carried_into_the_next_keeps_its_date_and_says_why() {
    let (_tmp, data) = demo_data();
    let before = fs::read(data.join("2026-11-11.json")).unwrap();
    let out = minutebook(
        &data,
        &["meeting", "set", "2026-11-11", "--date", "2026-11-18"],
    );
    assert!(!out.status.success());
    let said = stderr(&out);
    assert!(
        said.contains("meeting 2026-12-09 carries its action 2026-11-11#1"),
        "{said}"
    );
    assert!(said.contains("cannot be moved to 2026-11-18"), "{said}");
    assert_eq!(fs::read(data.join("2026-11-11.json")).unwrap(), before);
    assert!(!data.join("2026-11-18.json").exists());
    assert!(!data.join("trash").exists(), "nothing moved");
}

#[test]
fn a_fresh_meeting_moved_to_another_date_is_a_new_file_with_the_old_one_in_the_trash() {
    let (_tmp, data) = demo_data();
    let before = fs::read(data.join("2026-12-09.json")).unwrap();
    let out = minutebook(
        &data,
        &[
            "meeting",
            "set",
            "2026-12-09",
            "--date",
            "2026-12-16",
            "--time",
            "10:30",
            "--venue",
            "Room 2",
            "--quorum",
            "4",
            "--title",
            "CPB (rearranged)",
            "--json",
        ],
    );
    let v = json(&out);
    assert_eq!(v["id"], "2026-12-16");
    assert_eq!(v["date"], "2026-12-16");
    assert_eq!(v["time"], "10:30");
    assert_eq!(v["venue"], "Room 2");
    assert_eq!(v["title"], "CPB (rearranged)");
    assert_eq!(v["quorum"], 4);
    assert_eq!(v["moved"]["name"], "2026-12-09.moved-to-2026-12-16.json");

    assert!(!data.join("2026-12-09.json").exists());
    assert_eq!(
        fs::read(data.join("trash/2026-12-09.moved-to-2026-12-16.json")).unwrap(),
        before
    );
    let on_disk: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(data.join("2026-12-16.json")).unwrap()).unwrap();
    assert_eq!(on_disk["id"], "2026-12-16");
    assert_eq!(on_disk["venue"], "Room 2");
    assert_eq!(on_disk["start_time"], "10:30");
    assert_eq!(on_disk["board"]["quorum"], 4);
    let ids = listed_ids(&data);
    assert!(
        ids.contains(&"2026-12-16".into()) && !ids.contains(&"2026-12-09".into()),
        "{ids:?}"
    );
    // The moved meeting still approves November and carries its actions.
    let out = minutebook(&data, &["approve", "2026-11-11", "--by", "Cllr Holloway"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("at meeting 2026-12-16"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn details_that_cannot_be_are_refused_naming_the_option_and_nothing_is_written() {
    let (_tmp, data) = demo_data();
    let before = fs::read(data.join("2026-12-09.json")).unwrap();
    for (args, said) in [
        (
            &["--quorum", "101"][..],
            "--quorum: \"101\" is not a whole number of members from 0 to 100",
        ),
        (&["--title", "  "][..], "--title: a meeting needs a title"),
        (&["--time", "2pm"][..], "not a time"),
        (&["--date", "2026-02-30"][..], "not a real date"),
        (
            &["--board", "nope"][..],
            "--board: there is no board \"nope\"",
        ),
    ] {
        let mut all = vec!["meeting", "set", "2026-12-09"];
        all.extend_from_slice(args);
        let out = minutebook(&data, &all);
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr(&out).contains(said), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(fs::read(data.join("2026-12-09.json")).unwrap(), before);
}

#[test]
fn approved_minutes_are_neither_deleted_nor_moved() {
    let (_tmp, data) = demo_data();
    let before = fs::read(data.join("2026-10-14.json")).unwrap();
    let out = minutebook(&data, &["meeting", "delete", "2026-10-14"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("are sealed"), "{}", stderr(&out));
    let out = minutebook(
        &data,
        &["meeting", "set", "2026-10-14", "--date", "2026-10-21"],
    );
    assert!(stderr(&out).contains("are sealed"), "{}", stderr(&out));
    assert_eq!(fs::read(data.join("2026-10-14.json")).unwrap(), before);
}

#[test]
fn a_meeting_another_refers_to_is_not_deleted() {
    let (_tmp, data) = demo_data();
    let out = minutebook(&data, &["meeting", "delete", "2026-11-11"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("meeting 2026-12-09 names it as the previous meeting it approves"),
        "{}",
        stderr(&out)
    );
    assert!(data.join("2026-11-11.json").exists());
}

#[test]
fn delete_then_restore_gives_back_the_meeting_byte_for_byte() {
    let (_tmp, data) = demo_data();
    let before = fs::read(data.join("2026-12-09.json")).unwrap();
    let v = json(&minutebook(
        &data,
        &["meeting", "delete", "2026-12-09", "--json"],
    ));
    assert_eq!(v["id"], "2026-12-09");
    assert_eq!(v["name"], "2026-12-09.json");
    assert!(!listed_ids(&data).contains(&"2026-12-09".into()));

    let trash = json(&minutebook(&data, &["meeting", "trash", "--json"]));
    assert_eq!(trash[0]["name"], "2026-12-09.json");
    assert_eq!(trash[0]["meeting"]["status"], "planned");
    let text = stdout(&minutebook(&data, &["meeting", "trash"]));
    assert!(
        text.contains("2026-12-09.json") && text.contains("planned"),
        "{text}"
    );

    let v = json(&minutebook(
        &data,
        &["meeting", "restore", "2026-12-09.json", "--json"],
    ));
    assert_eq!(v["id"], "2026-12-09");
    assert_eq!(fs::read(data.join("2026-12-09.json")).unwrap(), before);
    assert!(listed_ids(&data).contains(&"2026-12-09".into()));
    let out = minutebook(&data, &["meeting", "restore", "2026-12-09.json"]);
    assert!(
        stderr(&out).contains("there is no file \"2026-12-09.json\" in the trash"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_file_a_date_change_leaves_is_listed_as_moved_and_not_restored_beside_the_meeting() {
    let (_tmp, data) = demo_data();
    let before = fs::read(data.join("2026-12-09.json")).unwrap();
    let v = json(&minutebook(
        &data,
        &[
            "meeting",
            "set",
            "2026-12-09",
            "--date",
            "2026-12-10",
            "--json",
        ],
    ));
    let left = "2026-12-09.moved-to-2026-12-10.json";
    assert_eq!(v["moved"]["name"], left);
    assert_eq!(fs::read(data.join("trash").join(left)).unwrap(), before);

    let trash = json(&minutebook(&data, &["meeting", "trash", "--json"]));
    assert_eq!(trash[0]["name"], left);
    assert_eq!(trash[0]["moved_to"], "2026-12-10");
    let text = stdout(&minutebook(&data, &["meeting", "trash"]));
    assert!(
        text.contains("moved to 2026-12-10 (kept as it was)") && !text.contains("planned"),
        "{text}"
    );

    let out = minutebook(&data, &["meeting", "restore", left]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("meeting 2026-12-10") && stderr(&out).contains(left),
        "{}",
        stderr(&out)
    );
    assert!(!data.join("2026-12-09.json").exists(), "not made twice");
    assert!(data.join("trash").join(left).exists());
    let ids = listed_ids(&data);
    assert!(
        ids.contains(&"2026-12-10".into()) && !ids.contains(&"2026-12-09".into()),
        "{ids:?}"
    );
}

#[test]
fn the_old_file_of_a_move_restores_once_the_meeting_it_moved_to_is_gone() {
    let (_tmp, data) = demo_data();
    let before = fs::read(data.join("2026-12-09.json")).unwrap();
    json(&minutebook(
        &data,
        &[
            "meeting",
            "set",
            "2026-12-09",
            "--date",
            "2026-12-10",
            "--json",
        ],
    ));
    json(&minutebook(
        &data,
        &["meeting", "delete", "2026-12-10", "--json"],
    ));
    let v = json(&minutebook(
        &data,
        &[
            "meeting",
            "restore",
            "2026-12-09.moved-to-2026-12-10.json",
            "--json",
        ],
    ));
    assert_eq!(v["id"], "2026-12-09");
    assert_eq!(fs::read(data.join("2026-12-09.json")).unwrap(), before);
}

#[test]
fn a_past_meeting_is_written_up_from_the_command_line_with_the_times_checked_and_set() {
    let (_tmp, data) = demo_data();
    let id = "2026-12-09";
    let before = fs::read_to_string(data.join(format!("{id}.json"))).unwrap();
    // Not started: nothing may be set yet, and nothing is written.
    let out = minutebook(&data, &["meeting", "times", id, "--began", "14:00"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("has not started"), "{}", stderr(&out));
    // An overlap is refused naming the item in the way, and the whole command changes nothing.
    let out = minutebook(
        &data,
        &[
            "meeting",
            "times",
            id,
            "--write-up",
            "--began",
            "14:00",
            "--ended",
            "15:30",
            "--item",
            "1=14:00-14:10",
            "--item",
            "2=14:05-14:20",
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("item 2 would start at 14:05, before item 1 ends at 14:10"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(data.join(format!("{id}.json"))).unwrap(),
        before
    );
    let out = minutebook(
        &data,
        &[
            "meeting",
            "times",
            id,
            "--write-up",
            "--began",
            "14:00",
            "--ended",
            "15:30",
            "--item",
            "1=14:00-14:10",
            "--item",
            "2=14:10-14:20",
            "--end",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = json(&out);
    assert_eq!(shown["minuting"], "write-up");
    assert_eq!(shown["items"][1]["started_at"], "14:10");
    let m: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(data.join(format!("{id}.json"))).unwrap())
            .unwrap();
    assert_eq!(m["status"], "draft");
    assert_eq!(m["minuting"], "write-up");
    assert_eq!(
        (&m["began_at"], &m["ended_at"]),
        (&"14:00".into(), &"15:30".into())
    );
    assert_eq!(m["agenda"][0]["started_at"], "14:00");
    assert_eq!(m["agenda"][1]["ended_at"], "14:20");
    assert!(
        m["agenda"][2]["started_at"].is_null(),
        "nothing stamped from the clock"
    );
    assert!(stdout(&out).contains("\"status\": \"draft\""));
}

/// The calendar sequence the record on disk holds.
fn sequence(data: &std::path::Path, id: &str) -> u64 {
    let record: serde_json::Value =
        serde_json::from_slice(&fs::read(data.join(format!("{id}.json"))).unwrap()).unwrap();
    record["calendar_sequence"].as_u64().unwrap_or(0)
}

#[test]
fn meeting_set_raises_the_calendar_sequence_for_a_change_calendars_hold_and_not_otherwise() {
    let (_tmp, data) = demo_data();
    assert_eq!(sequence(&data, "2026-12-09"), 0);
    let set = |args: &[&str]| {
        let mut all = vec!["meeting", "set"];
        all.extend_from_slice(args);
        let out = minutebook(&data, &all);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    };
    set(&["2026-12-09", "--venue", "Room 2"]);
    assert_eq!(sequence(&data, "2026-12-09"), 1, "a new venue");
    set(&["2026-12-09", "--venue", "Room 2"]);
    assert_eq!(
        sequence(&data, "2026-12-09"),
        1,
        "the same venue again is no change"
    );
    set(&["2026-12-09", "--quorum", "4"]);
    assert_eq!(
        sequence(&data, "2026-12-09"),
        1,
        "no calendar holds the quorum"
    );
    set(&["2026-12-09", "--date", "2026-12-16", "--time", "10:30"]);
    assert_eq!(
        sequence(&data, "2026-12-16"),
        2,
        "a move and a new time at once: once"
    );
}
