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
