//! The real binary in a pseudo-terminal, against what happens around its files: a backup
//! tool touching the open meeting, a read-only data directory, the demo's sandbox.

mod common;

use std::path::Path;
use std::time::Duration;

use common::pty::{CTRL_Q, Pty, alt, wait_for_file};

/// Opens the December meeting, starts it and goes to item 1's minutes.
fn open_at_item_1(data: &Path) -> Pty {
    let mut t = Pty::spawn(data, &["open", "2026-12-09"], 100, 30);
    t.wait_text("1 Agenda");
    t.start_live();
    t.send(&alt('3'));
    t.wait_text("Welcome, apologies");
    t
}

/// Types `words` into the minutes and switches item, which saves at once; returns once
/// the file at `path` holds them.
fn type_and_save(t: &mut Pty, path: &Path, words: &str) {
    t.type_text(words);
    t.wait_text(words);
    t.send(&alt('n'));
    wait_for_file(path, words, |s| s.contains(words));
}

#[test]
fn touching_the_open_meeting_file_does_not_stop_saving() {
    let (_tmp, data) = common::demo_data();
    let path = data.join("2026-12-09.json");
    let mut t = open_at_item_1(&data);
    type_and_save(&mut t, &path, "First words.");
    // A backup tool touches it: a new modification time, the same bytes.
    let later = std::time::SystemTime::now() + Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    type_and_save(&mut t, &path, "Second words.");
    assert!(!t.screen().contains("NOT SAVED"), "{}", t.screen());
    t.send(CTRL_Q);
    assert!(t.wait_exit());
}

#[test]
fn a_read_only_data_directory_opens_the_workspace_read_only_and_says_why() {
    let (_tmp, data) = common::demo_data();
    let before = std::fs::read(data.join("2026-12-09.json")).unwrap();
    let words = common::make_lock_uncreatable(&data, "2026-12-09");
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 100, 30);
    // One predicate for both: a frame can arrive in pieces.
    t.wait_for("read-only, with the reason", |s| {
        s.contains("READ-ONLY") && s.contains(words)
    });
    let screen = t.screen();
    t.send(b"s");
    t.wait_text("Read-only:");
    t.send(CTRL_Q);
    let exited = t.wait_exit();
    common::restore_writable(&data);
    assert!(screen.contains(words), "{screen}");
    assert!(exited, "a clean exit");
    assert_eq!(std::fs::read(data.join("2026-12-09.json")).unwrap(), before);
}

/// The demo sandboxes in `tmp`: their names.
fn sandboxes(tmp: &Path) -> Vec<String> {
    std::fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("minutebook-demo-"))
        .collect()
}

#[test]
fn the_demo_runs_in_a_new_private_directory_each_time() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    for _ in 0..2 {
        let mut t = Pty::spawn_with_env(
            tmp.path(),
            &["demo"],
            100,
            30,
            &[("TMPDIR", tmp.path().to_str().unwrap())],
        );
        t.wait_text("1 Agenda");
        let now = sandboxes(tmp.path());
        assert_eq!(now.len(), 1, "{now:?}");
        let name = now[0].clone();
        assert_ne!(
            name,
            format!("minutebook-demo-{}", t.pid()),
            "the name cannot be guessed from the process id"
        );
        let meta = std::fs::symlink_metadata(tmp.path().join(&name)).unwrap();
        assert!(meta.is_dir());
        assert_eq!(meta.permissions().mode() & 0o777, 0o700, "{name}");
        assert!(!seen.contains(&name), "a new directory each time");
        seen.push(name);
        t.send(CTRL_Q);
        assert!(t.wait_exit());
        assert!(sandboxes(tmp.path()).is_empty(), "removed on leaving");
    }
}

#[test]
fn a_file_really_changed_on_disk_offers_a_way_out_and_keep_both_loses_nothing() {
    let (_tmp, data) = common::demo_data();
    let path = data.join("2026-12-09.json");
    let mut t = open_at_item_1(&data);
    type_and_save(&mut t, &path, "Saved words.");
    // Someone edits the file by hand while it is open.
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Committee Room 1", "Committee Room 9");
    std::fs::write(&path, &edited).unwrap();
    t.type_text("Unsaved words.");
    t.wait_text("Unsaved words.");
    t.send(&alt('n'));
    t.wait_text("Changed on disk");
    t.wait_text("Keep both");
    t.send(b"k");
    t.wait_text("Your version is saved as meeting 2026-12-09-copy");
    let copy = std::fs::read_to_string(data.join("2026-12-09-copy.json")).unwrap();
    assert!(copy.contains("Unsaved words.") && copy.contains("Committee Room 1"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "theirs untouched"
    );
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "nothing left unsaved, so it quits at once");
}
