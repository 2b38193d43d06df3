//! A second process finds the meeting locked, opens it read-only and is told who holds it.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

use minutebook::model::MeetingId;
use minutebook::store::{Store, StoreError};

const CHILD_DIR: &str = "MINUTEBOOK_TEST_LOCK_DIR";

/// Run by `second_process_sees_the_lock` in a child process: holds the lock
/// until its stdin closes.
#[test]
#[ignore = "child process of second_process_sees_the_lock"]
fn lock_holder_child() {
    let dir = std::env::var(CHILD_DIR).expect("run by the parent test");
    let store = Store::open(dir).unwrap();
    let (_meeting, handle) = store
        .open_meeting(&MeetingId::parse("2026-12-09").unwrap())
        .unwrap();
    assert!(handle.read_only().is_none());
    println!("holding");
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
}

#[test]
fn second_process_sees_the_lock() {
    let (_tmp, store) = common::demo_store();
    let id = MeetingId::parse("2026-12-09").unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "lock_holder_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DIR, store.dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("holding") {
        line.clear();
        assert_ne!(
            out.read_line(&mut line).unwrap(),
            0,
            "child exited before taking the lock"
        );
    }

    let (meeting, mut handle) = store.open_meeting(&id).unwrap();
    let why = handle
        .read_only()
        .expect("read-only while another process holds it")
        .to_string();
    assert!(why.contains(&format!("pid {}", child.id())), "{why}");
    let err = store.save(&mut handle, &meeting).unwrap_err();
    assert!(
        err.to_string().contains("open in another minutebook"),
        "{err}"
    );
    match store.lock(&id) {
        Err(StoreError::Locked { holder, .. }) => assert!(holder.contains("pid")),
        other => panic!("expected Locked, got {other:?}"),
    }
    // Other meetings are not affected.
    assert!(store.lock(&MeetingId::parse("2026-11-11").unwrap()).is_ok());

    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    let (_, handle) = store.open_meeting(&id).unwrap();
    assert!(
        handle.read_only().is_none(),
        "the lock is free once its holder has gone"
    );
}

#[test]
fn a_meeting_in_a_read_only_data_directory_opens_read_only_and_says_why() {
    let (_tmp, store) = common::demo_store();
    let id = MeetingId::parse("2026-12-09").unwrap();
    let words = common::make_lock_uncreatable(store.dir(), id.as_str());
    let opened = store.open_meeting(&id);
    common::restore_writable(store.dir());
    let (meeting, mut handle) = opened.expect("the meeting still opens, to be read");
    let why = handle.read_only().expect("read-only").to_string();
    assert!(why.contains(words), "{why}");
    assert_eq!(meeting.id, id);
    let err = store.save(&mut handle, &meeting).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
}

#[cfg(unix)]
#[test]
fn a_symlink_planted_at_the_lock_is_refused_and_its_target_untouched() {
    let (tmp, store) = common::demo_store();
    let id = MeetingId::parse("2026-12-09").unwrap();
    let target = tmp.path().join("precious.txt");
    std::fs::write(&target, "someone else's file").unwrap();
    std::os::unix::fs::symlink(&target, store.dir().join("2026-12-09.lock")).unwrap();

    let err = store.lock(&id).unwrap_err();
    assert!(err.to_string().contains("is a symbolic link"), "{err}");
    let (_meeting, handle) = store.open_meeting(&id).unwrap();
    let why = handle.read_only().expect("nothing may be written unlocked");
    assert!(why.contains("is a symbolic link"), "{why}");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "someone else's file",
        "the link's target is not overwritten"
    );
}
