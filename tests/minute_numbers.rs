//! Minute references ("CPB/26/45"): given when a draft is made, from a count each board
//! keeps on disk, never changed and never given twice, restarting each year.

mod common;

use std::fs;

use chrono::NaiveDate;
use common::{add_smyth_erratum, demo_data, minutebook, stderr, stdout};
use minutebook::model::minute_numbers::{self, Numbering};
use minutebook::model::{Board, Meeting, MeetingId, MeetingStatus};
use minutebook::store::Store;

fn read(data: &std::path::Path, id: &str) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(data.join(format!("{id}.json"))).unwrap()).unwrap()
}

/// Every top-level minute's reference and the exclusion's, as the file holds them.
fn refs_of(m: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = m["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["minute"].as_str().map(str::to_string))
        .collect();
    out.extend(m["exclusion_minute"].as_str().map(str::to_string));
    out
}

#[test]
fn minute_numbers_stay_the_same_across_re_export_approval_and_errata() {
    let (_tmp, data) = demo_data();
    let id = "2026-11-11";
    let before = refs_of(&read(&data, id));
    assert_eq!(
        before.first().map(String::as_str),
        Some("CPB/26/38"),
        "{before:?}"
    );
    let export = |audience: &str| {
        let out = minutebook(&data, &["export", id, "--format", "json", audience]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let (first, again) = (export("--public"), export("--public"));
    assert_eq!(first, again, "a re-export is the same document");
    assert!(first.contains("CPB/26/38"), "{first}");

    let out = minutebook(
        &data,
        &[
            "approve",
            id,
            "--by",
            "Cllr Margaret Holloway",
            "--at",
            "2026-12-09",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let approved = read(&data, id);
    assert_eq!(approved["status"], "approved");
    assert_eq!(refs_of(&approved), before, "approval changes no number");

    add_smyth_erratum(&data);
    let out = minutebook(
        &data,
        &[
            "erratum",
            id,
            "--text",
            "For \"18\" read \"19\".",
            "--item",
            "4",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        refs_of(&read(&data, id)),
        before,
        "an erratum changes no number"
    );
    assert!(minutebook(&data, &["verify"]).status.success());
}

#[test]
fn the_demo_numbers_its_held_meetings_in_one_run_that_restarts_in_may() {
    let year = minutebook::demo::year();
    let numbered: Vec<&Meeting> = year
        .iter()
        .filter(|m| minute_numbers::is_numbered(m))
        .collect();
    assert_eq!(
        numbered.len(),
        year.len() - 1,
        "every held meeting, not December's"
    );
    let first = |m: &Meeting| m.agenda[0].minute.clone().unwrap().0;
    assert_eq!(
        first(numbered[0]),
        "CPB/25/1",
        "February is in the municipal year 2025/26"
    );
    let may = numbered
        .iter()
        .find(|m| m.date.format("%m").to_string() == "05")
        .unwrap();
    assert_eq!(first(may), "CPB/26/1", "the year starts again at 1 in May");
    let october = numbered
        .iter()
        .find(|m| m.id.as_str() == "2026-10-14")
        .unwrap();
    assert_eq!(october.status, MeetingStatus::Approved);
    assert_eq!(first(october), "CPB/26/31");
    let november = numbered
        .iter()
        .find(|m| m.id.as_str() == "2026-11-11")
        .unwrap();
    assert!(
        november.exclusion_minute.is_some(),
        "November has Part B business"
    );
}

/// A data directory holding only the demo board's record.
fn board_store() -> (tempfile::TempDir, Store, Board) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    let m = meeting_on("2026-06-10");
    let id = minutebook::model::BoardId::parse("cpb").unwrap();
    let mut board = minutebook::model::board_migration::board_from_meeting(id, "CPB".into(), &m);
    board.adopts.push(m.board.name.clone());
    store.create_board(&board).unwrap();
    (tmp, store, board)
}

/// The demo's last meeting, moved to `date` and just ended.
fn meeting_on(date: &str) -> Meeting {
    let mut m = minutebook::demo::year().pop().unwrap();
    let date: NaiveDate = date.parse().unwrap();
    m.id = MeetingId::for_date(date);
    m.date = date;
    m.actions.clear();
    m.previous = None;
    m.status = MeetingStatus::Draft;
    m
}

fn number(store: &Store, m: &mut Meeting) -> Vec<String> {
    match store.number_minutes(m).unwrap() {
        Numbering::Given(given) => minute_numbers::assign(m, &given)
            .into_iter()
            .map(|r| r.0)
            .collect(),
        Numbering::Unnumbered(why) => panic!("{why}"),
    }
}

#[test]
fn a_number_is_never_given_again_after_its_meeting_is_trashed_or_the_count_is_lost() {
    let (_tmp, store, board) = board_store();
    let mut m = meeting_on("2026-06-10");
    let given = number(&store, &mut m);
    assert_eq!(given.first().map(String::as_str), Some("CPB/26/1"));
    let last = given.last().unwrap().clone();
    store.create(&m).unwrap();
    store.trash_meeting(&m.id).unwrap();
    // The count is lost too: the trash still holds what was given.
    fs::remove_file(store.minute_count_path(&board.id)).unwrap();
    let again = number(&store, &mut meeting_on("2026-07-08"));
    let n = |r: &str| r.rsplit('/').next().unwrap().parse::<u32>().unwrap();
    assert_eq!(n(&again[0]), n(&last) + 1, "{again:?} after {last}");
}

#[test]
fn numbers_set_aside_but_never_saved_leave_a_gap_not_a_reuse() {
    let (_tmp, store, board) = board_store();
    let mut m = meeting_on("2026-06-10");
    // Set aside, then a crash before the meeting was saved.
    let first = store.reserve_minute_numbers(&board, m.date, 5).unwrap();
    assert_eq!(first, 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let count = store.minute_count_path(&board.id);
        let mode = fs::metadata(&count).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(number(&store, &mut m)[0], "CPB/26/6");
}

#[test]
fn the_count_restarts_at_one_in_each_municipal_year() {
    let (_tmp, store, _) = board_store();
    assert_eq!(number(&store, &mut meeting_on("2026-04-08"))[0], "CPB/25/1");
    let may = number(&store, &mut meeting_on("2026-05-13"));
    assert_eq!(may[0], "CPB/26/1");
    let june = number(&store, &mut meeting_on("2026-06-10"));
    assert_eq!(june[0], format!("CPB/26/{}", may.len() + 1));
    assert_eq!(
        number(&store, &mut meeting_on("2027-03-10"))[0],
        format!("CPB/26/{}", may.len() + june.len() + 1),
        "March 2027 is still in the year that began in May 2026"
    );
}

#[test]
fn a_meeting_of_a_board_with_no_record_is_not_numbered_and_says_why() {
    let (_tmp, store, board) = board_store();
    fs::remove_file(store.board_path(&board.id)).unwrap();
    let m = meeting_on("2026-06-10");
    let Numbering::Unnumbered(why) = store.number_minutes(&m).unwrap() else {
        panic!("numbered without a board record");
    };
    assert!(why.contains("has no record"), "{why}");
}

#[test]
fn a_meeting_written_up_and_ended_from_the_command_line_is_numbered_after_the_last() {
    let (_tmp, data) = demo_data();
    let id = "2026-12-09";
    let out = minutebook(
        &data,
        &[
            "meeting",
            "times",
            id,
            "--write-up",
            "--began",
            "14:00",
            "--ended",
            "15:30",
            "--end",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let refs = refs_of(&read(&data, id));
    let november = refs_of(&read(&data, "2026-11-11"));
    let n = |r: &str| r.rsplit('/').next().unwrap().parse::<u32>().unwrap();
    let highest = november.iter().map(|r| n(r)).max().unwrap();
    assert_eq!(n(&refs[0]), highest + 1, "{refs:?} after {november:?}");
    assert!(
        stdout(&out).contains(&format!("The minutes are numbered {} to", refs[0])),
        "{}",
        stdout(&out)
    );
    assert!(data.join("boards/cpb.minutes.json").exists());
}

/// The real binary: December written up and ended in the workspace; the clerk is told the
/// numbers, and the file holds them once the save lands, after November's.
#[test]
fn ending_a_meeting_in_the_workspace_tells_the_clerk_its_minute_numbers() {
    use common::pty::{CTRL_Q, Pty, wait_for_file};
    let (_tmp, data) = demo_data();
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 100, 30);
    t.wait_text("1 Agenda");
    t.start_written_up_unmarked();
    t.end_meeting();
    t.wait_text("The minutes are numbered CPB/26/47 to");
    let path = data.join("2026-12-09.json");
    wait_for_file(&path, "the numbered draft saved", |s| {
        s.contains("\"CPB/26/47\"")
    });
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");
    let m = read(&data, "2026-12-09");
    assert_eq!(m["status"], "draft");
    assert_eq!(m["agenda"][0]["minute"], "CPB/26/47");
}

/// The last number the count on disk says was given in the year 2026, if any.
fn counted(store: &Store, board: &Board) -> u32 {
    let Ok(text) = fs::read_to_string(store.minute_count_path(&board.id)) else {
        return 0;
    };
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["last"]["2026"].as_u64().unwrap_or(0) as u32
}

/// Numbering and saving a draft against a disk whose Nth operation fails, for every N: the
/// count on disk always covers every number a meeting file holds (it is written first), so
/// whatever a failure or a crash leaves, a number is never given twice.
#[test]
fn the_count_is_on_disk_before_any_meeting_holds_its_numbers_whichever_operation_fails() {
    use minutebook::store::FaultPlan;
    use std::sync::Arc;
    let steps = |store: &Store, m: &mut Meeting| -> Result<(), String> {
        let Numbering::Given(given) = store.number_minutes(m).map_err(|e| e.to_string())? else {
            return Err("unnumbered".into());
        };
        minute_numbers::assign(m, &given);
        store.create(m).map(|_| ()).map_err(|e| e.to_string())
    };
    let plan = Arc::new(FaultPlan::count_only());
    let (_tmp, store, _) = board_store();
    steps(
        &store.with_faults(plan.clone()),
        &mut meeting_on("2026-06-10"),
    )
    .unwrap();
    let ops = plan.ops();
    assert!(ops > 3, "{ops}");
    for n in 1..=ops {
        let (_tmp, clean, board) = board_store();
        let plan = Arc::new(FaultPlan::fail_nth(n, libc::EIO));
        let store = Store::open(clean.dir()).unwrap().with_faults(plan.clone());
        let mut m = meeting_on("2026-06-10");
        let failed = steps(&store, &mut m).is_err();
        let on_disk = fs::read_to_string(clean.path_of(&m.id)).unwrap_or_default();
        let highest = minute_numbers::highest_in(&on_disk, "CPB", 26);
        assert!(
            highest <= counted(&clean, &board),
            "operation {n} failing left the meeting holding CPB/26/{highest} beyond the count"
        );
        // With the disk back, the next draft's numbers follow every number on disk.
        plan.disarm();
        let mut next = meeting_on("2026-07-08");
        steps(&clean, &mut next).unwrap();
        let first = next.agenda[0].minute.clone().unwrap().0;
        let first: u32 = first.rsplit('/').next().unwrap().parse().unwrap();
        assert!(
            first > highest,
            "operation {n} (failed: {failed}): {first} after {highest}"
        );
    }
}
