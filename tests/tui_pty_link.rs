//! End to end in a pseudo-terminal: the clerk's workspace lets the chair step the agenda,
//! and a request from the chair (this test, as `minutebook chair` would send it) moves the
//! clerk's screen on and is saved; before the clerk allows it, and after, it is refused.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::pty::{CTRL_Q, Pty};
use minutebook::chair_link::{NOT_ALLOWED, Step, request, socket_path};
use minutebook::model::{ItemId, Meeting, MeetingId, running};
use minutebook::store::Store;

/// The meeting as its file says now, once `pred` holds of it; panics if it never does.
fn wait_for_meeting(
    data: &Path,
    id: &MeetingId,
    what: &str,
    pred: impl Fn(&Meeting) -> bool,
) -> Meeting {
    let store = Store::open(data).unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(120) {
        if let Ok(loaded) = store.load(id)
            && pred(&loaded.meeting)
        {
            return loaded.meeting;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what} in meeting {id}'s file");
}

fn number(m: &Meeting, id: Option<ItemId>) -> String {
    minutebook::model::agenda::number_of(&m.agenda, id.unwrap())
        .unwrap()
        .to_string()
}

#[test]
fn the_chair_steps_the_clerks_agenda_only_while_the_clerk_allows_it() {
    let (_tmp, data) = common::demo_data();
    let id = MeetingId::parse("2026-12-09").unwrap();
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 80, 24);
    t.wait_text("1 Agenda");
    t.start_live();
    let started = wait_for_meeting(&data, &id, "the meeting started", |m| {
        running::current(m).is_some()
    });
    let first = running::current(&started);
    assert_eq!(
        request(&data, &id, Step::Next, first),
        Err(NOT_ALLOWED.into()),
        "off until the clerk allows it"
    );

    t.send(b"C");
    t.wait_text("chair may step");
    assert!(socket_path(&data, &id).exists());
    let said = request(&data, &id, Step::Next, first).unwrap();
    let moved = wait_for_meeting(&data, &id, "the next item taken", |m| {
        running::current(m) != first
    });
    let next = running::current(&moved);
    let n = number(&moved, next);
    assert!(
        said.contains(&format!("moved the meeting on to {n}")),
        "{said}"
    );
    assert!(
        moved.item(first.unwrap()).unwrap().ended_at.is_some(),
        "the item left is stamped as ended"
    );
    t.wait_for("the clerk's screen moved on", |s| {
        s.contains(&format!("The chair moved the meeting on to {n}"))
            && s.contains(&format!("▶ {n} "))
    });
    // A chair's screen still showing the first item cannot step twice.
    let why = request(&data, &id, Step::Next, first).unwrap_err();
    assert!(
        why.contains(&format!("the item being taken is {n} ")),
        "{why}"
    );

    t.send(b"C");
    t.wait_for("the chair no longer allowed", |s| {
        !s.contains("chair may step")
    });
    assert_eq!(
        request(&data, &id, Step::Next, next),
        Err(NOT_ALLOWED.into())
    );
    assert!(!socket_path(&data, &id).exists(), "the socket is gone");

    t.send(b"C");
    t.wait_text("chair may step");
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");
    assert!(
        !socket_path(&data, &id).exists(),
        "the workspace removes the socket when it ends"
    );
}

#[test]
fn a_clerks_workspace_killed_while_allowing_the_chair_leaves_a_dead_socket_the_next_one_replaces() {
    let (_tmp, data) = common::demo_data();
    let id = MeetingId::parse("2026-12-09").unwrap();
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 80, 24);
    t.wait_text("1 Agenda");
    t.start_live();
    t.send(b"C");
    t.wait_text("chair may step");
    t.signal(libc::SIGKILL);
    t.wait_status();
    assert!(socket_path(&data, &id).exists(), "a crash cannot remove it");
    assert_eq!(
        request(&data, &id, Step::Next, None),
        Err(NOT_ALLOWED.into()),
        "a dead socket lets nobody step"
    );

    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 80, 24);
    t.wait_text("1 Agenda");
    t.send(b"C");
    t.wait_text("chair may step");
    let m = wait_for_meeting(&data, &id, "the meeting in progress", |m| {
        running::current(m).is_some()
    });
    let said = request(&data, &id, Step::Next, running::current(&m)).unwrap();
    assert!(said.contains("moved the meeting on to"), "{said}");
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");
}
