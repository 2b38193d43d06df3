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
