//! The first start, end to end: the real binary in a pty on an empty data directory leads
//! the clerk through the board, its roster and the first meeting, then opens the workspace
//! on it; the board and meeting records on disk hold what was typed.

mod common;

use common::pty::{CTRL_Q, ENTER, Pty, wait_for_file};
use serde_json::Value;

fn json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Types the first start through: a board with a chair and an officer, then the first
/// meeting on 13 January 2027; returns with the workspace open on it.
fn first_start(data: &std::path::Path) -> Pty {
    let mut t = Pty::spawn(data, &[], 100, 30);
    t.wait_text("A new board");
    // Name, council, code, quorum (3 offered, typed over), usual day, time, venue.
    t.type_text("Corporate Parenting Board\tDorset Council\tCPB\t2\tsecond Wednesday\t14:00\t");
    t.type_text("County Hall");
    t.send(ENTER);
    t.wait_text("The chair of Corporate Parenting Board");
    t.type_text("Cllr Ada Byron");
    t.send(ENTER);
    t.wait_text("Add another member");
    t.add_member(
        "Dr Ruth Penhaligon\tofficer\tDesignated Nurse\tno",
        "Dr Ruth Penhaligon",
    );
    assert!(
        !data.join("boards").exists(),
        "nothing is written before the roster is done"
    );
    t.send(b"n");
    t.wait_text("A new meeting of Corporate Parenting Board");
    // The date offered is typed over: any date will do.
    t.type_text("2027-01-13");
    t.send(ENTER);
    t.wait_for("the workspace on the new meeting", |s| {
        s.contains("Corporate Parenting Board · Wed 13 Jan 2027") && s.contains("saved")
    });
    t
}

#[test]
fn a_new_clerk_is_led_from_an_empty_data_directory_to_their_first_meeting() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut t = first_start(&data);
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");
    let board = json(&data.join("boards/cpb.json"));
    assert_eq!(board["name"], "Corporate Parenting Board");
    assert_eq!(board["code"], "CPB");
    assert_eq!(board["quorum"], 2);
    assert_eq!(board["usual_time"], "14:00");
    assert_eq!(board["members"][0]["name"], "Cllr Ada Byron");
    assert_eq!(board["members"][0]["chair"], true);
    assert_eq!(board["members"][1]["name"], "Dr Ruth Penhaligon");
    assert_eq!(board["members"][1]["role"], "officer");
    assert_eq!(board["members"][1]["voting"], false);
    let m = json(&data.join("2027-01-13.json"));
    assert_eq!(m["board"]["id"], "cpb");
    assert_eq!(m["board"]["quorum"], 2);
    assert_eq!(m["title"], "Corporate Parenting Board");
    assert_eq!(m["venue"], "County Hall");
    assert_eq!(m["start_time"], "14:00");
    let names: Vec<&str> = m["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Cllr Ada Byron", "Dr Ruth Penhaligon"]);
    assert_eq!(m["attendance"][0]["position"], "Chair");
}

#[test]
fn the_roster_grows_from_the_workspace_and_the_next_meeting_starts_from_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut t = first_start(&data);
    t.send(b"B");
    t.wait_text("the board and its roster");
    t.send(b"a");
    t.wait_text("CPB roster: a new member");
    t.type_text("Cllr Mary Shelley");
    t.send(ENTER);
    t.wait_text("this meeting's attendance too?");
    let board = data.join("boards/cpb.json");
    wait_for_file(&board, "the third member", |b| {
        b.contains("Cllr Mary Shelley")
    });
    t.send(b"y");
    t.wait_text("is in this meeting's attendance too");
    t.send(b"\x1b");
    // Esc and a key sent together are Alt and that key: the roster is seen closed first.
    t.wait_for("the roster closed", |s| {
        !s.contains("the board and its roster")
    });
    // The next meeting, on the board's next usual date after this one.
    t.send(b"N");
    t.wait_text("A new meeting of Corporate Parenting Board");
    t.wait_text("2027-02-10");
    t.send(ENTER);
    t.wait_for("the workspace on the next meeting", |s| {
        s.contains("Made the meeting 2027-02-10") && s.contains("Wed 10 Feb 2027")
    });
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");

    let names = |m: &Value| -> Vec<String> {
        let people = m["attendance"].as_array().unwrap().iter();
        people
            .map(|a| a["name"].as_str().unwrap().to_string())
            .collect()
    };
    let jan = json(&data.join("2027-01-13.json"));
    assert_eq!(
        names(&jan).last().unwrap(),
        "Cllr Mary Shelley",
        "asked for here too"
    );
    let feb = json(&data.join("2027-02-10.json"));
    assert_eq!(feb["previous"], "2027-01-13");
    assert_eq!(feb["board"]["id"], "cpb");
    assert_eq!(
        names(&feb),
        ["Cllr Ada Byron", "Dr Ruth Penhaligon", "Cllr Mary Shelley"]
    );
}

#[test]
fn esc_on_the_first_start_leaves_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut t = Pty::spawn(&data, &[], 100, 30);
    t.wait_text("A new board");
    t.type_text("Fostering Panel\t\tFP");
    t.send(b"\x1b");
    assert!(t.wait_exit(), "Esc leaves cleanly");
    t.wait_text("Nothing was written");
    assert!(!data.join("boards").exists());
}

#[test]
fn without_a_terminal_the_first_start_names_the_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let out = common::minutebook(tmp.path(), &[]);
    assert!(out.status.success());
    let said = common::stdout(&out);
    assert!(
        said.contains("minutebook board new") && said.contains("minutebook new"),
        "{said}"
    );
}
