//! The first start, end to end: the real binary in a pty on an empty data directory leads
//! the clerk through the board, its roster and the first meeting, then opens the workspace
//! on it; the board and meeting records on disk hold what was typed.

mod common;

use common::pty::{CTRL_Q, ENTER, Pty};
use serde_json::Value;

fn json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_new_clerk_is_led_from_an_empty_data_directory_to_their_first_meeting() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut t = Pty::spawn(&data, &[], 100, 30);
    t.wait_text("A new board");
    // Name, council, code, quorum (3 offered, typed over), usual day, time, venue.
    t.type_text("Corporate Parenting Board\tDorset Council\tCPB\t2\tsecond Wednesday\t14:00\t");
    t.type_text("County Hall");
    t.send(ENTER);
    t.wait_text("The chair of Corporate Parenting Board");
    t.type_text("Cllr Ada Byron");
    t.send(ENTER);
    t.wait_text("Add another member");
    t.send(b"y");
    t.wait_text("CPB roster: a new member");
    t.type_text("Dr Ruth Penhaligon\tofficer\tDesignated Nurse\tno");
    t.send(ENTER);
    t.wait_for("the second member listed", |s| {
        s.contains("Dr Ruth Penhaligon") && s.contains("Add another member")
    });
    assert!(
        !data.join("boards").exists(),
        "nothing is written before the roster is done"
    );
    t.send(b"n");
    t.wait_text("A new meeting of Corporate Parenting Board");
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
    // The date offered is typed over: any date will do.
    t.type_text("2027-01-13");
    t.send(ENTER);
    t.wait_for("the workspace on the new meeting", |s| {
        s.contains("Corporate Parenting Board · Wed 13 Jan 2027") && s.contains("saved")
    });
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");

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
