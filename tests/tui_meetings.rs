//! The real binary in a pty: the clerk moves the open meeting to another date from its
//! details form, and deletes a meeting made by mistake from the Archive; each checked on disk.

mod common;

use common::pty::{CTRL_Q, ENTER, Pty, TAB, wait_for_file};
use common::{demo_data, minutebook, stderr};

#[test]
fn the_open_meeting_moved_to_another_date_is_saved_under_its_new_id_and_work_goes_on_there() {
    let (_tmp, data) = demo_data();
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 120, 30);
    t.wait_text("1 Agenda");
    t.send(b"m");
    t.wait_text("Edit the meeting's details");
    t.send(TAB);
    t.type_text("2026-12-16");
    t.send(TAB);
    t.send(TAB);
    t.type_text("Room 2");
    t.send(ENTER);
    t.wait_text("is now 2026-12-16");
    let new = data.join("2026-12-16.json");
    wait_for_file(&new, "the meeting under its new id", |s| {
        s.contains("Room 2")
    });
    assert!(!data.join("2026-12-09.json").exists());
    // The old file as last saved under the old id (the rest of the form first) is kept.
    let kept: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("trash/2026-12-09.moved-to-2026-12-16.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(kept["id"], "2026-12-09");
    assert_eq!(kept["venue"], "Room 2");
    // Work goes on in the moved meeting, and quitting saves it there.
    t.send(b"1");
    t.start_live();
    t.send(CTRL_Q);
    assert!(t.wait_exit());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&new).unwrap()).unwrap();
    assert_eq!(v["id"], "2026-12-16");
    assert_eq!(v["venue"], "Room 2");
    assert_eq!(v["status"], "in-progress");
    assert!(
        !data.join("2026-12-09.json").exists(),
        "nothing wrote the old id again"
    );
}

#[test]
fn a_meeting_made_by_mistake_is_deleted_from_the_archive_into_the_trash() {
    let (_tmp, data) = demo_data();
    let out = minutebook(
        &data,
        &["new", "--date", "2026-12-09", "--id", "2026-12-09-extra"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let made = std::fs::read(data.join("2026-12-09-extra.json")).unwrap();
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 120, 30);
    t.wait_text("1 Agenda");
    t.send(b"6");
    t.wait_text("11 meetings");
    t.send(b"D");
    t.wait_text("Please confirm");
    t.send(b"y");
    t.wait_text("Moved meeting 2026-12-09-extra to the trash");
    assert!(!data.join("2026-12-09-extra.json").exists());
    let trashed = std::fs::read(data.join("trash/2026-12-09-extra.json")).unwrap();
    assert!(trashed == made, "the trash holds the file byte for byte");
    t.send(CTRL_Q);
    assert!(t.wait_exit());
}
