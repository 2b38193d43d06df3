//! End to end in a pseudo-terminal: a declaration of interest and a resolution with its
//! mover, seconder and recorded vote, entered through the keys, are on disk as recorded.

mod common;

use common::pty::{CTRL_Q, Pty, alt, wait_for_file};
use serde_json::Value;

#[test]
fn a_declaration_and_a_resolution_on_a_recorded_vote_typed_in_the_workspace_are_on_disk() {
    let (_tmp, data) = common::demo_data();
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 80, 24);
    t.wait_text("1 Agenda");
    // The Chair, Vice-Chair and Lead Member present.
    t.send(&alt('5'));
    t.wait_text("Cllr Margaret Holloway");
    t.send(b"ppp");
    t.wait_text("quorate (3 of 3 needed)");
    t.send(&alt('1'));
    t.start_live();
    t.send(&alt('3'));
    t.send(&alt('i'));
    t.wait_text("Declare an interest");
    t.type_text("Cllr Samuel Achebe\t1\tother\ta governor of a special school\tno\r");
    t.wait_text("Item 1: INTEREST: Cllr Samuel Achebe");
    t.send(&alt('r'));
    t.wait_text("Record a resolution");
    t.type_text(
        "That the apologies be noted\tCllr Margaret Holloway\tCllr Daniel Okafor\t2\t0\t1\r",
    );
    t.wait_text("Resolution recorded under the item's title.");
    t.send(&alt('v'));
    t.wait_text("Recorded vote: how each member voted");
    t.type_text("for\tabstain\tfor\r");
    t.wait_text("Recorded vote saved with the decision.");
    let file = data.join("2026-12-09.json");
    wait_for_file(&file, "the recorded vote saved", |s| {
        s.contains("\"named\"")
    });
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");

    let m: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let declared = &m["declarations"][0];
    assert_eq!(declared["member"], "Cllr Samuel Achebe");
    assert_eq!(declared["kind"], "other-registrable");
    assert_eq!(declared["nature"], "a governor of a special school");
    assert_eq!(declared["item"], m["agenda"][0]["id"]);
    assert!(declared.get("left_room").is_none(), "stayed in the room");
    let d = &m["agenda"][0]["decisions"][0];
    assert_eq!(d["text"], "That the apologies be noted");
    assert_eq!(d["moved_by"], "Cllr Margaret Holloway");
    assert_eq!(d["seconded_by"], "Cllr Daniel Okafor");
    let v = &d["vote"];
    assert_eq!(
        (&v["for"], &v["against"], &v["abstained"]),
        (&2.into(), &0.into(), &1.into())
    );
    assert_eq!(v["result"], "carried");
    let named: Vec<(&str, &str)> = v["named"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["name"].as_str().unwrap(), n["cast"].as_str().unwrap()))
        .collect();
    assert_eq!(
        named,
        [
            ("Cllr Margaret Holloway", "for"),
            ("Cllr Daniel Okafor", "abstain"),
            ("Cllr Samuel Achebe", "for"),
        ]
    );
}
