//! Fault injection in the store, as SQLite tests itself: for every N, the Nth file
//! operation of a write path (a workspace save, `new`, `approve`, `erratum`, `export -o`,
//! the workspace's approval) fails with EIO, ENOSPC or EROFS. After each: every file is
//! its old or its new version, byte for byte; what was reported is what is on disk
//! (success: the new version; failure: the old one); a retry succeeds and records
//! nothing twice. N runs from 1 until an N where no fault triggers: every operation.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Parser;
use minutebook::app::archive::{Reply, Request};
use minutebook::cli::{Cli, run_on};
use minutebook::model::MeetingId;
use minutebook::store::{FaultPlan, Op, Store};

const ERRNOS: [(i32, &str); 3] = [
    (libc::EIO, "EIO"),
    (libc::ENOSPC, "ENOSPC"),
    (libc::EROFS, "EROFS"),
];

fn id(s: &str) -> MeetingId {
    MeetingId::parse(s).unwrap()
}

/// The demo year, written once; each run works on a fresh copy of it.
fn template() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    for m in minutebook::demo::year() {
        store.create(&m).unwrap();
    }
    tmp
}

/// A fresh root holding `data/` (a copy of the template) and an empty `out/`.
fn fresh(template: &Path) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let store = Store::open(&data).unwrap();
    drop(store);
    for e in fs::read_dir(template).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && !name.starts_with('.') {
            fs::copy(e.path(), data.join(&name)).unwrap();
        }
    }
    fs::create_dir(root.path().join("out")).unwrap();
    root
}

/// The bytes of each watched file, None where there is no file.
type Snapshot = BTreeMap<PathBuf, Option<Vec<u8>>>;

fn snapshot(root: &Path, watched: &[&str]) -> Snapshot {
    watched
        .iter()
        .map(|w| (PathBuf::from(w), fs::read(root.join(w)).ok()))
        .collect()
}

/// What a write path reported.
#[derive(Debug, PartialEq)]
enum Said {
    Done,
    Failed(String),
}

struct WritePath {
    name: &'static str,
    /// Files (relative to the root) the path may change.
    watched: &'static [&'static str],
    run: fn(&Store, &Path) -> Said,
}

fn cli(store: &Store, root: &Path, args: &[&str]) -> Said {
    let root = root.display().to_string();
    let mut argv = vec!["minutebook".to_string()];
    argv.extend(args.iter().map(|a| a.replace("{root}", &root)));
    let command = Cli::try_parse_from(argv).unwrap().command.unwrap();
    match run_on(store, command) {
        Ok(()) => Said::Done,
        Err(f) => Said::Failed(f.0),
    }
}

const PATHS: &[WritePath] = &[
    WritePath {
        name: "new",
        watched: &["data/2027-01-13.json"],
        run: |s, r| cli(s, r, &["new", "--date", "2027-01-13"]),
    },
    WritePath {
        name: "approve",
        watched: &["data/2026-11-11.json", "data/2026-12-09.json"],
        run: |s, r| {
            cli(
                s,
                r,
                &["approve", "2026-11-11", "--by", "Cllr Margaret Holloway"],
            )
        },
    },
    WritePath {
        name: "erratum",
        watched: &["data/2026-10-14.json"],
        run: |s, r| {
            cli(
                s,
                r,
                &[
                    "erratum",
                    "2026-10-14",
                    "--text",
                    "Item 4: for \"Cllr Smith\" read \"Cllr Smyth\"",
                    "--date",
                    "2026-12-01",
                ],
            )
        },
    },
    WritePath {
        name: "export -o",
        watched: &["out/record.md"],
        run: |s, r| {
            cli(
                s,
                r,
                &[
                    "export",
                    "2026-10-14",
                    "-f",
                    "md",
                    "--public",
                    "-o",
                    "{root}/out/record.md",
                ],
            )
        },
    },
    WritePath {
        name: "the workspace's approval (v)",
        watched: &["data/2026-11-11.json"],
        run: |s, _| {
            let reply = minutebook::requests::answer(
                s,
                Request::Approve {
                    id: id("2026-11-11"),
                    by: "Cllr Margaret Holloway".into(),
                    on: id("2026-12-09").date(),
                    at: id("2026-12-09"),
                },
            );
            match reply {
                Reply::Approved { .. } => Said::Done,
                Reply::Failed(why) => Said::Failed(why),
                other => panic!("unexpected reply {other:?}"),
            }
        },
    },
];

/// Temp files left in `dir`.
fn temps(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Runs `path` with its Nth operation failing, for every N, and checks each outcome.
fn sweep(path: &WritePath, errno: i32, errname: &str, persistent: bool) -> u64 {
    let template = template();
    // The old and new versions: before, and after one run with no fault.
    let golden = fresh(template.path());
    let old = snapshot(golden.path(), path.watched);
    let store = Store::open(golden.path().join("data")).unwrap();
    assert_eq!(
        (path.run)(&store, golden.path()),
        Said::Done,
        "{}",
        path.name
    );
    let new = snapshot(golden.path(), path.watched);
    assert_ne!(old, new, "{} changes something", path.name);

    for n in 1.. {
        let root = fresh(template.path());
        let mut plan = FaultPlan::fail_nth(n, errno);
        if persistent {
            plan = plan.from_then_on();
        }
        let plan = Arc::new(plan);
        let store = Store::open(root.path().join("data"))
            .unwrap()
            .with_faults(plan.clone());
        let said = (path.run)(&store, root.path());
        let case = format!(
            "{}: op {n} of {} fails with {errname}{} ({:?}); said {said:?}",
            path.name,
            plan.ops(),
            if persistent { " and so on" } else { "" },
            plan.log().get(n as usize - 1),
        );
        if plan.fired() == 0 {
            assert_eq!(said, Said::Done, "{case}");
            return n - 1;
        }
        let now = snapshot(root.path(), path.watched);
        for (file, bytes) in &now {
            assert!(
                *bytes == old[file] || *bytes == new[file],
                "{case}: {} is neither the old nor the new version",
                file.display()
            );
        }
        let failed_op = plan.log()[n as usize - 1].0;
        match &said {
            Said::Done => {
                assert_eq!(
                    now, new,
                    "{case}: reported done, so the new version is on disk"
                );
                // Not durable is said only when a directory sync failed.
                if store.sync_owed() {
                    assert!(
                        plan.log()
                            .iter()
                            .skip(n as usize - 1)
                            .any(|(op, _)| *op == Op::SyncDir),
                        "{case}"
                    );
                }
            }
            Said::Failed(why) => {
                let half_done = why.contains("run the same approval again");
                assert!(
                    now == old || (persistent && half_done),
                    "{case}: reported failed, so the old version is on disk"
                );
                assert!(!why.is_empty());
            }
        }
        // No temp file is left, but for one whose removal was the failed operation.
        if !persistent && failed_op != Op::Unlink {
            for dir in ["data", "out"] {
                assert_eq!(
                    temps(&root.path().join(dir)),
                    Vec::<String>::new(),
                    "{case}"
                );
            }
        }
        // A retry, with the disk back, succeeds and records nothing twice.
        plan.disarm();
        let store = Store::open(root.path().join("data")).unwrap();
        assert_eq!((path.run)(&store, root.path()), Said::Done, "{case}: retry");
        assert_eq!(
            snapshot(root.path(), path.watched),
            new,
            "{case}: after the retry"
        );
        assert!(!store.sync_owed(), "{case}: durable after the retry");
    }
    unreachable!()
}

#[test]
fn every_failed_operation_of_every_cli_write_leaves_old_or_new_reports_it_and_a_retry_completes() {
    for path in PATHS {
        for (errno, name) in ERRNOS {
            let ops = sweep(path, errno, name, false);
            assert!(
                ops >= 8,
                "{}: only {ops} operations were counted",
                path.name
            );
        }
    }
}

#[test]
fn a_disk_failing_from_the_nth_operation_on_leaves_a_state_a_retry_completes() {
    for path in PATHS {
        sweep(path, libc::EROFS, "EROFS", true);
    }
}

/// A workspace save, as the run loop does it: one handle, saved, then saved again.
fn sweep_save(errno: i32, errname: &str, migrated: bool) -> u64 {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let plain = Store::open(&data).unwrap();
    let mid = if migrated {
        id("2025-12-10")
    } else {
        id("2026-12-09")
    };
    let reset = || {
        for t in temps(&data) {
            fs::remove_file(data.join(t)).unwrap();
        }
        if migrated {
            fs::write(plain.path_of(&mid), include_str!("fixtures/schema-v0.json")).unwrap();
            let _ = fs::remove_file(data.join("2025-12-10.json.schema-v0.bak"));
        } else {
            let m = minutebook::demo::year()
                .into_iter()
                .find(|m| m.id == mid)
                .unwrap();
            let _ = fs::remove_file(plain.path_of(&mid));
            plain.create(&m).unwrap();
        }
    };
    reset();
    let old = fs::read(plain.path_of(&mid)).unwrap();
    for n in 1.. {
        reset();
        let (mut m, mut handle) = plain.open_meeting(&mid).unwrap();
        m.venue = "Council Chamber".into();
        let plan = Arc::new(FaultPlan::fail_nth(n, errno));
        let store = Store::open(&data).unwrap().with_faults(plan.clone());
        let result = store.save(&mut handle, &m);
        let case = format!(
            "save{}: op {n} of {} fails with {errname} ({:?}); {result:?}",
            if migrated { " of a migrated file" } else { "" },
            plan.ops(),
            plan.log().get(n as usize - 1)
        );
        if plan.fired() == 0 {
            assert!(result.is_ok(), "{case}");
            return n - 1;
        }
        let now = fs::read(plain.path_of(&mid)).unwrap();
        match &result {
            Ok(outcome) => {
                assert_eq!(
                    plain.load(&mid).unwrap().meeting,
                    m,
                    "{case}: saved means on disk"
                );
                // Not durable only for a failed directory sync, and only while one is owed.
                if outcome.note().is_some() {
                    assert_eq!(plan.log()[n as usize - 1].0, Op::SyncDir, "{case}");
                }
                assert_eq!(outcome.note().is_some(), store.sync_owed(), "{case}");
            }
            Err(e) => {
                assert!(now == old, "{case}: not saved means the old file");
                assert!(
                    e.to_string().contains(&mid.to_string()),
                    "{case}: names the file"
                );
            }
        }
        if migrated {
            // The pre-migration copy, if made, is the original bytes.
            if let Ok(bak) = fs::read(data.join("2025-12-10.json.schema-v0.bak")) {
                assert_eq!(bak, old, "{case}");
            }
        }
        if plan.log()[n as usize - 1].0 != Op::Unlink {
            assert_eq!(temps(&data), Vec::<String>::new(), "{case}");
        }
        // The run loop saves again with the same handle: never "changed by something else".
        m.venue = "Committee Room 2".into();
        plain
            .save(&mut handle, &m)
            .unwrap_or_else(|e| panic!("{case}: retry: {e}"));
        assert_eq!(plain.load(&mid).unwrap().meeting, m, "{case}");
    }
    unreachable!()
}

#[test]
fn every_failed_operation_of_a_workspace_save_is_reported_as_what_is_on_disk() {
    for (errno, name) in ERRNOS {
        assert!(sweep_save(errno, name, false) >= 6);
        assert!(sweep_save(errno, name, true) > sweep_save(errno, name, false));
    }
}
