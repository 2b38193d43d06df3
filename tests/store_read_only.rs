//! A store opened read-only (the chair's view of the clerk's data directory): every path
//! of the store that writes fails saying it is read-only, and the data directory is byte
//! for byte as it was (names, sizes, contents, modes, mtimes); listing, loading and the
//! brief's sources still work.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;
use minutebook::app::JournalLine;
use minutebook::model::MeetingId;
use minutebook::store::journal::{self, Journal};
use minutebook::store::{Store, StoreError};

type Snapshot = BTreeMap<PathBuf, (u64, u32, SystemTime, Vec<u8>)>;

/// Everything under `dir`: each entry's size, mode, mtime and (for files) bytes.
fn snapshot(dir: &Path) -> Snapshot {
    let mut out = Snapshot::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let bytes = match meta.is_file() {
                true => fs::read(&path).unwrap(),
                false => Vec::new(),
            };
            if meta.is_dir() {
                todo.push(path.clone());
            }
            let mode = meta.permissions().mode();
            out.insert(path, (meta.len(), mode, meta.modified().unwrap(), bytes));
        }
    }
    out
}

fn dec() -> MeetingId {
    MeetingId::parse("2026-12-09").unwrap()
}

/// The demo year, a meeting in the trash, a journal holding typing for December, no
/// listing cache (so a list must rebuild it) and a temp file a killed save left.
fn prepared() -> (tempfile::TempDir, PathBuf, String) {
    let (tmp, data) = common::demo_data();
    let store = Store::open(&data).unwrap();
    let december = store.load(&dec()).unwrap();
    let spare = store.create_copy(&december.meeting, "spare").unwrap();
    let trashed = store.trash_meeting(&spare).unwrap();
    let item = december.meeting.agenda[0].id;
    let mut j = Journal::start(
        store.disk(),
        &store.journal_path(&dec()),
        &dec(),
        december.file,
    )
    .unwrap();
    j.append(&[JournalLine::Base {
        item,
        base: String::new(),
    }])
    .unwrap();
    let _ = fs::remove_file(data.join(".index.json"));
    fs::write(
        data.join(".2026-12-09.json.4000000000.0.tmp"),
        "half a save",
    )
    .unwrap();
    (tmp, data, trashed.name)
}

fn says_read_only<T: std::fmt::Debug>(what: &str, result: Result<T, StoreError>) {
    let e = result.expect_err(what).to_string();
    assert!(e.contains("read-only"), "{what}: {e}");
}

#[test]
fn every_write_of_a_read_only_store_fails_saying_so_and_the_directory_is_untouched() {
    let (_tmp, data, in_trash) = prepared();
    let before = snapshot(&data);
    let ro = Store::open_read_only(&data).unwrap();
    let december = ro.load(&dec()).unwrap().meeting;
    let mut changed = december.clone();
    changed.agenda[0]
        .minutes
        .push_str("Typed in the chair's view.");
    let mut new = december.clone();
    new.id = MeetingId::parse("2027-01-13").unwrap();
    new.date = new.id.date();

    says_read_only("create", ro.create(&new));
    let (_, mut handle) = ro.open_meeting(&dec()).unwrap();
    let why = handle
        .read_only()
        .expect("opened without its lock")
        .to_string();
    assert!(why.contains("read-only"), "{why}");
    says_read_only("save", ro.save(&mut handle, &changed));
    says_read_only("open to change", ro.open_to_change(&dec()));
    says_read_only(
        "amend",
        ro.amend(&dec(), |m| {
            m.title.push('!');
            Ok(())
        }),
    );
    says_read_only("lock", ro.lock(&dec()));
    says_read_only("copy", ro.create_copy(&december, "copy"));
    let to = NaiveDate::from_ymd_opt(2026, 12, 16).unwrap();
    says_read_only("move", ro.rename_meeting(&dec(), to));
    says_read_only("trash", ro.trash_meeting(&dec()));
    says_read_only("restore", ro.restore_meeting(&in_trash));
    let board = ro.board_records().unwrap().pop().expect("the demo's board");
    says_read_only("save a board", ro.save_board(&board));
    let mut other = board.clone();
    other.id = minutebook::model::BoardId::parse("other").unwrap();
    says_read_only("create a board", ro.create_board(&other));
    says_read_only(
        "number minutes",
        ro.reserve_minute_numbers(&board, december.date, 1),
    );
    let file = ro.load(&dec()).unwrap().file;
    let journal_path = ro.journal_path(&dec());
    let started = Journal::start(ro.disk(), &journal_path, &dec(), file).map(drop);
    assert!(started.unwrap_err().to_string().contains("read-only"));
    let aside = journal::set_aside(ro.disk(), &journal_path, "discarded");
    assert!(aside.unwrap_err().to_string().contains("read-only"));
    let settled = ro.settle().note().expect("a refused sync is no settle");
    assert!(settled.contains("read-only"), "{settled}");
    assert!(
        ro.migrate_boards().unwrap().is_empty(),
        "its board has a record"
    );

    assert_eq!(snapshot(&data), before, "the data directory is as it was");
    // The listing cache was wanted (there was none) and refused: listing works without it.
    assert_eq!(ro.list().unwrap().meetings.len(), 10);
    let refused = ro.disk().refused();
    assert!(
        refused
            .iter()
            .any(|(_, p)| p.parent() == Some(&data) && p.to_string_lossy().contains(".index.json")),
        "{refused:?}"
    );
    assert_eq!(
        snapshot(&data),
        before,
        "listing wrote nothing, removed nothing"
    );
}

#[test]
fn a_read_only_store_lists_loads_and_gives_the_briefs_sources() {
    let (_tmp, data, _) = prepared();
    let before = snapshot(&data);
    let ro = Store::open_read_only(&data).unwrap();
    let listing = ro.list().unwrap();
    assert!(listing.problems.is_empty(), "{:?}", listing.problems);
    assert_eq!(
        listing.meetings.last().map(|s| s.id.to_string()),
        Some("2026-12-09".into())
    );
    let december = ro.load(&dec()).unwrap().meeting;
    let (last, history) = ro.brief_sources(&december).unwrap();
    assert_eq!(last.map(|m| m.id.to_string()), Some("2026-11-11".into()));
    assert!(history.iha.len() >= 9, "{:?}", history.iha);
    assert_eq!(ro.trashed().unwrap().len(), 1);
    assert_eq!(snapshot(&data), before);
}

#[test]
fn a_read_only_store_never_migrates_boards_but_still_gives_each_meeting_its_board() {
    let (_tmp, store) = common::demo_store();
    let data = store.dir().to_path_buf();
    assert!(
        !data.join("boards").exists(),
        "written before boards were records"
    );
    let before = snapshot(&data);
    let ro = Store::open_read_only(&data).unwrap();
    assert!(ro.migrate_boards().unwrap().is_empty());
    let warned = ro.warnings().join("\n");
    assert!(warned.contains("read-only"), "{warned}");
    assert_eq!(ro.boards().unwrap().len(), 1, "made in memory");
    assert_eq!(snapshot(&data), before, "no boards folder, no record");
}

#[test]
fn a_missing_data_directory_is_an_error_and_is_not_created_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-data");
    let e = Store::open_read_only(&missing).unwrap_err().to_string();
    assert!(
        e.contains("no-such-data") && e.contains("does not exist"),
        "{e}"
    );
    assert!(!missing.exists());
    let file = tmp.path().join("a-file");
    fs::write(&file, "").unwrap();
    assert!(matches!(
        Store::open_read_only(&file),
        Err(StoreError::NotADirectory { .. })
    ));
}
