//! `minutebook action edit`: an action changed or withdrawn where its latest copy is, each
//! change in its history on disk, and refusals that say why.

mod common;

use std::fs;
use std::path::Path;

use common::{minutebook, stderr, stdout};
use serde_json::Value;

fn meeting(data: &Path, id: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(data.join(format!("{id}.json"))).unwrap()).unwrap()
}

/// The copy of action `id` in meeting `m` on disk.
fn action<'a>(m: &'a Value, id: &str) -> &'a Value {
    m["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {}", m["id"]))
}

#[test]
fn action_edit_changes_the_latest_copy_and_records_what_changed_by_whom() {
    let (_tmp, data) = common::demo_data();
    // Raised in October, carried into the planned December meeting.
    let args = [
        "action",
        "edit",
        "2026-10-14#1",
        "--owner",
        "Head of Service",
        "--due",
        "next-meeting",
        "--by",
        "Jo Clerk",
    ];
    let out = minutebook(&data, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("in meeting 2026-12-09"), "{said}");
    assert!(
        said.contains(r#"owner "Mark Delaney" → "Head of Service""#),
        "{said}"
    );

    let dec = meeting(&data, "2026-12-09");
    let a = action(&dec, "2026-10-14#1");
    assert_eq!(a["owner"], "Head of Service");
    assert_eq!(a["due"], "next-meeting");
    let last = a["history"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["by"], "Jo Clerk");
    assert_eq!(last["changed"][0]["field"], "owner");
    assert_eq!(last["changed"][0]["from"], "Mark Delaney");
    assert_eq!(last["changed"][1]["from"], "2026-12-31");
    assert_eq!(last["changed"][1]["to"], "next meeting");
    // The copy in October's approved minutes is as sealed.
    assert_eq!(
        action(&meeting(&data, "2026-10-14"), "2026-10-14#1")["owner"],
        "Mark Delaney"
    );
    assert!(minutebook(&data, &["verify"]).status.success());

    let again = minutebook(&data, &args);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("Nothing changed"),
        "{}",
        stdout(&again)
    );
    let dec_again = meeting(&data, "2026-12-09");
    let history = &action(&dec_again, "2026-10-14#1")["history"];
    assert_eq!(history, &a["history"], "an unchanged edit records nothing");
}

#[test]
fn action_edit_withdraw_keeps_the_action_as_withdrawn_and_prints_it_as_json() {
    let (_tmp, data) = common::demo_data();
    let args = [
        "action",
        "edit",
        "2026-11-11#1",
        "--withdraw",
        "--by",
        "Jo Clerk",
        "--json",
    ];
    let out = minutebook(&data, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["status"], "withdrawn");
    let dec = meeting(&data, "2026-12-09");
    let a = action(&dec, "2026-11-11#1");
    assert_eq!(a, &printed, "what is printed is what is on disk");
    let last = a["history"].as_array().unwrap().last().unwrap();
    assert_eq!(last["status"], "withdrawn");
    assert_eq!(last["by"], "Jo Clerk");
    assert_eq!(last["date"], chrono::Local::now().date_naive().to_string());

    let listed = stdout(&minutebook(&data, &["actions"]));
    let line = listed
        .lines()
        .find(|l| l.starts_with("2026-11-11#1"))
        .unwrap();
    assert!(line.contains("withdrawn"), "{listed}");
    let open = stdout(&minutebook(&data, &["actions", "--open"]));
    assert!(!open.contains("2026-11-11#1"), "not open: {open}");
    // Run twice, as a script might: nothing more is recorded.
    let again = minutebook(&data, &args[..6]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stdout(&again).contains("already withdrawn"));
}

#[test]
fn action_edit_refuses_sealed_minutes_unknown_ids_and_nothing_asked() {
    let (_tmp, data) = common::demo_data();
    let before = fs::read(data.join("2026-03-11.json")).unwrap();
    // Closed in March, so its latest copy is in March's approved minutes.
    let sealed = minutebook(
        &data,
        &["action", "edit", "2026-02-11#1", "--text", "x", "--by", "J"],
    );
    assert!(!sealed.status.success());
    let why = stderr(&sealed);
    assert!(why.contains("approved and sealed"), "{why}");
    assert!(why.contains("record an erratum"), "{why}");
    assert_eq!(fs::read(data.join("2026-03-11.json")).unwrap(), before);

    let unknown = minutebook(&data, &["action", "edit", "2026-11-11#9", "--withdraw"]);
    assert!(
        stderr(&unknown).contains("no action 2026-11-11#9"),
        "{}",
        stderr(&unknown)
    );
    let nothing = minutebook(&data, &["action", "edit", "2026-11-11#1"]);
    assert!(stderr(&nothing).contains("give --text, --owner, --due or --withdraw"));
    let empty = minutebook(
        &data,
        &[
            "action",
            "edit",
            "2026-11-11#1",
            "--owner",
            " ",
            "--by",
            "J",
        ],
    );
    assert!(
        stderr(&empty).contains("owner cannot be empty"),
        "{}",
        stderr(&empty)
    );
}
