//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

use minutebook::store::Store;

pub const BIN: &str = env!("CARGO_BIN_EXE_minutebook");

/// The real binary, pointed at `dir`, with no inherited data-dir setting.
pub fn minutebook(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env_remove("MINUTEBOOK_DATA_DIR")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Text with every run of whitespace one space: plain text exports are wrapped at 72
/// columns, so a sentence is looked for in them as words, not as a line.
pub fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A temp dir whose `data` folder holds the demo year, written by the real binary.
pub fn demo_data() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = Command::new(BIN)
        .args(["demo", "--into"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (tmp, data)
}

/// Records, through the real binary, the demo erratum to the 2026-10-14 minutes (item 3,
/// "Cllr Smith" read "Cllr Smyth", agreed at 2026-11-11), and requires it to succeed.
pub fn add_smyth_erratum(data: &Path) {
    let out = minutebook(
        data,
        &[
            "erratum",
            "2026-10-14",
            "--text",
            "For \"Cllr Smith\" read \"Cllr Smyth\".",
            "--item",
            "3",
            "--date",
            "2026-11-11",
            "--agreed-at",
            "2026-11-11",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

/// How many entries of `dir` have a name for which `pred` holds.
pub fn count_files(dir: &Path, pred: impl Fn(&str) -> bool) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| pred(&e.as_ref().unwrap().file_name().to_string_lossy()))
        .count()
}

/// A fresh store holding the demo year.
pub fn demo_store() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    for m in minutebook::demo::year() {
        store.create(&m).unwrap();
    }
    (tmp, store)
}

pub mod docx;
pub mod pty;
pub mod workspace;

/// Makes `dir` a directory where the meeting `id`'s lock cannot be created, and returns
/// the words the reason must contain. chmod 0500 where that restricts; as root, where it
/// does not, the lock's path is made unusable instead (a directory sits at its name).
pub fn make_lock_uncreatable(dir: &Path, id: &str) -> &'static str {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    let probe = dir.join(".probe");
    if std::fs::write(&probe, b"").is_err() {
        return "the data directory is read-only";
    }
    // Running as root: permissions do not bind.
    std::fs::remove_file(&probe).unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let _ = std::fs::remove_file(dir.join(format!("{id}.lock")));
    std::fs::create_dir(dir.join(format!("{id}.lock"))).unwrap();
    "lock could not be taken"
}

/// Undoes [`make_lock_uncreatable`], so the temp dir can be removed.
pub fn restore_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
}
