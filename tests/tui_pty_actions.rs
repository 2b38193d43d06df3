//! End to end in a pseudo-terminal: an action edited and another withdrawn in the Actions
//! tab reach the JSON on disk with what changed, when and by whom.

mod common;

use common::pty::{CTRL_Q, ENTER, Pty, TAB, alt, wait_for_file};
use serde_json::Value;

fn action<'a>(m: &'a Value, id: &str) -> &'a Value {
    m["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("{id} is still in the meeting"))
}

#[test]
fn an_action_edited_and_one_withdrawn_in_the_workspace_are_on_disk_with_who_and_what() {
    let (_tmp, data) = common::demo_data();
    // The demo board's record names its clerk: she, not the login name, is who.
    let env = [("USER", "lford")];
    // Corrections are dated the day they are made (the real clock's: either side of a midnight).
    let first_day = chrono::Local::now().date_naive().to_string();
    let mut t = Pty::spawn_with_env(&data, &["open", "2026-12-09"], 80, 24, &env);
    t.wait_text("1 Agenda");
    t.send(&alt('4'));
    t.wait_text("Carried forward from earlier meetings");
    t.send(b"e");
    t.wait_text("Edit 2026-07-08#1");
    t.send(TAB);
    t.type_text("Head of Service");
    t.send(ENTER);
    t.wait_text("Edited 2026-07-08#1 (owner)");
    t.send(b"jw");
    t.wait_text("stays in the history as");
    t.send(b"y");
    t.wait_text("2026-09-09#1 withdrawn");
    let file = data.join("2026-12-09.json");
    wait_for_file(&file, "the withdrawal saved", |s| {
        s.contains("\"withdrawn\"")
    });
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");
    let days = [first_day, chrono::Local::now().date_naive().to_string()];
    let made_today = |v: &Value| days.iter().any(|d| v == d.as_str());

    let m: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let edited = action(&m, "2026-07-08#1");
    assert_eq!(edited["owner"], "Head of Service");
    let last = edited["history"].as_array().unwrap().last().unwrap();
    assert_eq!(last["by"], "Leanne Ford");
    assert!(made_today(&last["date"]), "{}", last["date"]);
    assert_eq!(last["meeting"], "2026-12-09");
    assert_eq!(last["changed"][0]["field"], "owner");
    assert_eq!(last["changed"][0]["from"], "Karen Whitfield");
    assert_eq!(last["changed"][0]["to"], "Head of Service");

    let withdrawn = action(&m, "2026-09-09#1");
    assert_eq!(withdrawn["status"], "withdrawn");
    let history = withdrawn["history"].as_array().unwrap();
    assert!(history.len() > 1, "its earlier updates stay: {history:?}");
    let last = history.last().unwrap();
    assert_eq!(last["status"], "withdrawn");
    assert_eq!(last["by"], "Leanne Ford");
    assert!(made_today(&last["date"]), "{}", last["date"]);
}
