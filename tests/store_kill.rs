//! A process saving in a loop is SIGKILLed at random moments, many times: the file always
//! parses and is exactly one of the versions written.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use minutebook::model::MeetingId;
use minutebook::store::Store;

const CHILD_DIR: &str = "MINUTEBOOK_TEST_KILL_DIR";

/// Version n's minutes: its number, then a body whose length varies a lot
/// between versions, so a torn write could not pass for a whole one.
fn minutes_for(n: u64) -> String {
    let len = 1_000 + (n * 7919 % 200) as usize * 1_000;
    let mut s = format!("version {n}\n");
    while s.len() < len {
        s.push_str(&format!(
            "Line {} of version {n}: the board noted the report. ",
            s.len()
        ));
    }
    s
}

fn id() -> MeetingId {
    MeetingId::parse("2026-12-09").unwrap()
}

#[test]
#[ignore = "child process of killed_mid_save_the_file_is_always_a_whole_version"]
fn save_loop_child() {
    let store = Store::open(std::env::var(CHILD_DIR).expect("run by the parent test")).unwrap();
    let (mut m, mut handle) = store.open_meeting(&id()).unwrap();
    let start: u64 = m.agenda[0].minutes.lines().next().unwrap()["version ".len()..]
        .parse()
        .unwrap();
    // Said after the first save, so every kill comes after at least one.
    m.agenda[0].minutes = minutes_for(start + 1);
    store.save(&mut handle, &m).unwrap();
    println!("started");
    for n in start + 2.. {
        m.agenda[0].minutes = minutes_for(n);
        store.save(&mut handle, &m).unwrap();
    }
}

/// xorshift: enough randomness for kill timings without another dependency.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn killed_mid_save_the_file_is_always_a_whole_version() {
    let (_tmp, store) = common::demo_store();
    let (mut m, mut handle) = store.open_meeting(&id()).unwrap();
    m.agenda[0].minutes = minutes_for(0);
    store.save(&mut handle, &m).unwrap();
    drop(handle);

    let mut seed = 0x9E37_79B9_7F4A_7C15 ^ u64::from(std::process::id());
    let mut last_seen = 0;
    for _round in 0..60 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "save_loop_child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, store.dir())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until it has saved once, then kill it at a random moment (the moment is
        // random; that the child saved is waited for, however slow the machine).
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("started") {
            line.clear();
            assert_ne!(
                std::io::BufRead::read_line(&mut out, &mut line).unwrap(),
                0,
                "the child ended before it saved"
            );
        }
        std::thread::sleep(Duration::from_micros(500 + next(&mut seed) % 40_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let loaded = store.load(&id()).expect("the file always parses");
        let text = &loaded.meeting.agenda[0].minutes;
        let n: u64 = text.lines().next().unwrap()["version ".len()..]
            .parse()
            .unwrap();
        assert_eq!(*text, minutes_for(n), "version {n} is whole");
        assert!(
            n > last_seen,
            "every child's save is kept: {n} after {last_seen}"
        );
        last_seen = n;
    }
    // Listing clears temp files the killed processes left behind.
    store.list().unwrap();
    let temps = common::count_files(store.dir(), |n| n.ends_with(".tmp"));
    assert_eq!(temps, 0);
}
