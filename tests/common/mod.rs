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

pub mod pty;
