//! Two real processes on one data directory: the clerk's workspace and `minutebook chair`.
//! The chair's screen shows the clerk's steps and decisions within 2 seconds of their
//! reaching the disk, keeps following across the clerk's process being killed and started
//! again, and writes nothing: it runs with RLIMIT_FSIZE 0 (any byte written to a regular
//! file would kill it with SIGXFSZ) and the directory is unchanged by it.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use common::pty::{CTRL_Q, ENTER, Pty, alt, wait_for_file};
use serde_json::Value;

/// Any byte the chair writes to a regular file kills it (SIGXFSZ).
const NO_FILE_WRITES: [&str; 3] = ["sh", "-c", "ulimit -f 0; exec \"$0\" \"$@\""];
/// How long the chair may take to show what reached the disk.
const BUDGET: Duration = Duration::from_secs(2);
/// Only a bound for a test that is stuck (see common::pty).
const PATIENCE: Duration = Duration::from_secs(120);

/// Every file and directory under `dir`: its length, modification time and inode.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, SystemTime, u64)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                todo.push(path.clone());
            }
            let rel = path.strip_prefix(dir).unwrap().to_path_buf();
            out.insert(rel, (meta.len(), meta.modified().unwrap(), meta.ino()));
        }
    }
    out
}

/// The title of the item the meeting file records as current, if any.
fn current_in_file(file: &Path) -> Option<String> {
    fn find(items: &[Value]) -> Option<String> {
        items.iter().find_map(|i| match i["status"].as_str() {
            Some("current") if i["sub_items"].as_array().is_none_or(|s| s.is_empty()) => {
                i["title"].as_str().map(str::to_string)
            }
            Some(_) | None => find(i["sub_items"].as_array().map_or(&[], |v| v.as_slice())),
        })
    }
    let m: Value = serde_json::from_str(&std::fs::read_to_string(file).ok()?).ok()?;
    find(m["agenda"].as_array()?)
}

/// Waits until the meeting file satisfies `saved` and the chair's screen `shown`; returns
/// how long after the file the screen showed it (nothing if it showed it first).
fn shown_after_save(
    chair: &Pty,
    file: &Path,
    what: &str,
    saved: impl Fn(&Path) -> bool,
    shown: impl Fn(&str) -> bool,
) -> Duration {
    let start = Instant::now();
    let (mut on_disk, mut seen) = (None, None);
    while start.elapsed() < PATIENCE {
        if on_disk.is_none() && saved(file) {
            on_disk = Some(Instant::now());
        }
        if seen.is_none() && shown(&chair.screen()) {
            seen = Some(Instant::now());
        }
        if let (Some(on_disk), Some(seen)) = (on_disk, seen) {
            return seen.saturating_duration_since(on_disk);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!(
        "timed out waiting for {what} (on disk: {}); the chair's screen shows:\n{}",
        on_disk.is_some(),
        chair.screen()
    );
}

/// The meeting file records the item titled `title…` as current.
fn current_is(title: &str) -> impl Fn(&Path) -> bool + '_ {
    move |file| current_in_file(file).is_some_and(|t| t.starts_with(title))
}

/// The chair's NOW line names `title`.
fn now_is(title: &str) -> impl Fn(&str) -> bool + '_ {
    move |s: &str| s.lines().any(|l| l.contains("NOW") && l.contains(title))
}

/// Starts the clerk's workspace on December's meeting and waits for its Agenda.
fn clerk(data: &Path) -> Pty {
    let t = Pty::spawn(data, &["open", "2026-12-09"], 80, 24);
    t.wait_for("the clerk's workspace, or its offer of unsaved text", |s| {
        s.contains("1 Agenda") || s.contains("Unsaved text found")
    });
    t
}

#[test]
fn the_chairs_screen_follows_the_clerk_across_a_crash_and_writes_nothing() {
    let (_tmp, data) = common::demo_data();
    let file = data.join("2026-12-09.json");
    // No listing beforehand: the demo's cache is stale (never written), and the chair's
    // first listing must leave it so (the clerk's workspace rewrites it at every start).
    assert!(!data.join(".index.json").exists());

    let untouched = snapshot(&data);
    let mut chair = Pty::spawn_under(
        &NO_FILE_WRITES,
        &data,
        &["chair", "2026-12-09"],
        80,
        24,
        &[],
    );
    chair.wait_for("the chair's screen on the planned meeting", |s| {
        s.contains("The clerk's workspace is not open") && now_is("not started")(s)
    });
    assert_eq!(
        snapshot(&data),
        untouched,
        "the chair's start wrote nothing"
    );

    let mut t = clerk(&data);
    t.start_live();
    wait_for_file(&file, "the start saved", |s| s.contains("\"in-progress\""));
    chair.wait_for("the meeting started", |s| {
        now_is("1 Welcome")(s) && s.contains("Following the clerk's workspace")
    });

    t.send(b"n");
    let late = shown_after_save(
        &chair,
        &file,
        "the next item",
        current_is("Minutes of"),
        now_is("2 Minutes of"),
    );
    assert!(late <= BUDGET, "the step shown {late:?} after it was saved");

    let decided = "That the minutes of 11 November be approved as a correct record";
    t.send(&alt('3'));
    t.wait_text("Alt+D decision");
    t.send(&alt('d'));
    t.wait_text("Record a decision");
    t.type_text(decided);
    t.send(ENTER);
    let in_file = |f: &Path| std::fs::read_to_string(f).is_ok_and(|s| s.contains(decided));
    let late = shown_after_save(&chair, &file, "the decision", in_file, |s| {
        s.contains(decided)
    });
    assert!(
        late <= BUDGET,
        "the decision shown {late:?} after it was saved"
    );

    // The clerk's process dies; a new one carries on, the chair's screen with it.
    t.signal(libc::SIGKILL);
    let _ = t.wait_status();
    drop(t);
    chair.wait_for("the clerk's workspace gone", |s| {
        s.contains("The clerk's workspace is not open")
    });
    let mut t = clerk(&data);
    if t.screen().contains("Unsaved text found") {
        t.send(b"r");
    }
    t.wait_text("1 Agenda");
    t.send(&alt('1'));
    t.send(b"n");
    let late = shown_after_save(
        &chair,
        &file,
        "the step after the restart",
        current_is("Action log"),
        now_is("3 Action log"),
    );
    assert!(late <= BUDGET, "the step shown {late:?} after it was saved");
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "the clerk's workspace quit cleanly");

    // The clerk has gone; the chair's screen carries on, and still writes nothing.
    let settled = snapshot(&data);
    chair.send(b"j");
    chair.wait_for("the chair's own selection", |s| {
        s.contains("Selected: press f") && s.contains("3 Action log")
    });
    chair.send(b"f");
    chair.wait_for("following again", |s| s.contains("The item in hand"));
    assert_eq!(
        snapshot(&data),
        settled,
        "the chair wrote nothing while following"
    );
    assert!(
        chair.running(),
        "the chair is alive: it never wrote to a file (SIGXFSZ)"
    );
    chair.send(b"q");
    assert!(chair.wait_exit(), "the chair quit cleanly");
}

#[test]
fn the_chair_on_a_missing_data_directory_says_so_and_makes_none() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nowhere");
    let out = common::minutebook(&missing, &["chair"]);
    assert!(!out.status.success());
    assert!(
        common::stderr(&out)
            .contains("it does not exist, and a data directory opened read-only is never created"),
        "{}",
        common::stderr(&out)
    );
    assert!(!missing.exists(), "the chair's screen made the directory");
}

#[test]
fn the_chair_without_a_terminal_says_it_needs_one_and_writes_nothing() {
    let (_tmp, data) = common::demo_data();
    let before = snapshot(&data);
    let out = common::minutebook(&data, &["chair", "2026-12-09"]);
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("the chair's screen needs a terminal"),
        "{}",
        common::stderr(&out)
    );
    assert_eq!(snapshot(&data), before);
}

#[test]
fn the_chair_on_a_meeting_not_on_record_names_it() {
    let (_tmp, data) = common::demo_data();
    let out = common::minutebook(&data, &["chair", "2027-01-13"]);
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("2027-01-13"),
        "{}",
        common::stderr(&out)
    );
}
