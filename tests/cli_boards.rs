//! Boards as records: migrating a data directory from before boards, `minutebook board
//! new|list|show|edit`, `new --board`, and two boards meeting on one day, through the real
//! binary and the files it leaves.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{minutebook, stderr, stdout};
use minutebook::store::{FaultPlan, Op, Store};
use serde_json::Value;

/// Meeting files written by minutebook before boards were records (record format 2, the
/// board a name and a quorum): three of the demo year, 2026-10-14 approved and sealed.
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/boards-before");

fn before_boards() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    Store::open(&data).unwrap();
    for e in fs::read_dir(FIXTURE).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), data.join(e.file_name())).unwrap();
    }
    (tmp, data)
}

fn meeting_bytes(data: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(".json") && !name.starts_with('.')
        })
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn json_of(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = minutebook(data, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_data_directory_from_before_boards_opens_as_one_board_with_no_meeting_file_changed() {
    let (_tmp, data) = before_boards();
    let before = meeting_bytes(&data);
    assert!(
        before
            .iter()
            .all(|(_, b)| !String::from_utf8_lossy(b).contains("\"id\": \"cpb\""))
    );

    let out = minutebook(&data, &["board", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("made the board record")
            && stderr(&out).contains("no meeting file was changed"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("cpb          CPB      Corporate Parenting Board  3 meeting(s)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        meeting_bytes(&data),
        before,
        "every meeting file byte for byte as it was"
    );

    let record = read_json(&data.join("boards/cpb.json"));
    assert_eq!(record["code"], "CPB");
    assert_eq!(record["name"], "Corporate Parenting Board");
    assert_eq!(record["quorum"], 3);
    assert_eq!(record["venue"], "Committee Room 1, County Hall");
    assert_eq!(record["usual_time"], "14:00");
    assert_eq!(record["usual_day"]["weekday"], "wednesday");
    assert_eq!(record["usual_day"]["week"], "second");
    assert_eq!(record["template"], "corporate-parenting-board");
    assert_eq!(
        record["adopts"],
        serde_json::json!(["Corporate Parenting Board"])
    );
    let members = record["members"].as_array().unwrap();
    assert_eq!(
        members.len(),
        15,
        "the latest meeting's attendance is the roster"
    );
    let chair: Vec<_> = members.iter().filter(|m| m["chair"] == true).collect();
    assert_eq!(chair.len(), 1);
    assert_eq!(chair[0]["name"], "Cllr Margaret Holloway");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(data.join("boards/cpb.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let verified = minutebook(&data, &["verify"]);
    assert!(
        verified.status.success(),
        "{}{}",
        stdout(&verified),
        stderr(&verified)
    );
    assert!(stdout(&verified).contains("Checked 1 approved meeting(s): 1 intact, 0 not."));
    let listed = json_of(&minutebook(&data, &["list", "--json"]));
    for row in listed.as_array().unwrap() {
        assert_eq!(row["board_id"], "cpb", "{row}");
        assert_eq!(row["board_code"], "CPB");
    }
    // One board: the text listing is as it always was, with no board column.
    let text = ok(&data, &["list", "--board", "cpb"]);
    assert!(
        text.lines()
            .all(|l| l.ends_with("  Corporate Parenting Board")),
        "{text}"
    );
    assert_eq!(text.lines().count(), 3);

    // Migrating again makes nothing more, and the next meeting follows on from them.
    let again = minutebook(&data, &["board", "list"]);
    assert!(
        !stderr(&again).contains("made the board record"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        ok(&data, &["new", "--date", "2027-01-13"]).trim(),
        "2027-01-13"
    );
    let next = read_json(&data.join("2027-01-13.json"));
    assert_eq!(next["board"]["id"], "cpb");
    assert_eq!(next["previous"], "2026-12-09");
    assert_eq!(meeting_bytes(&data).len(), 4);
    assert!(minutebook(&data, &["verify"]).status.success());
}

#[test]
fn a_data_directory_that_cannot_be_written_still_gives_its_meetings_their_board_and_says_so() {
    let (_tmp, data) = before_boards();
    let before = meeting_bytes(&data);
    let plan = Arc::new(
        FaultPlan::fail_nth(1, libc::EROFS)
            .only(Op::Write)
            .from_then_on(),
    );
    let store = Store::open(&data).unwrap().with_faults(plan);
    assert!(
        store.migrate_boards().unwrap().is_empty(),
        "nothing could be written"
    );
    let warnings = store.warnings().join("\n");
    assert!(
        warnings.contains("Corporate Parenting Board") && warnings.contains("could not be made"),
        "{warnings}"
    );
    assert!(!data.join("boards/cpb.json").exists());
    let boards = store.boards().unwrap();
    assert_eq!(boards.len(), 1);
    assert_eq!(boards[0].id.as_str(), "cpb");
    let listing = store.list().unwrap();
    assert!(
        listing
            .meetings
            .iter()
            .all(|s| s.board_id.as_ref() == Some(&boards[0].id))
    );
    let m = store.load(&"2026-11-11".parse().unwrap()).unwrap().meeting;
    assert_eq!(
        store.board_of(&m.board).unwrap().map(|b| b.code),
        Some("CPB".into())
    );
    assert_eq!(meeting_bytes(&data), before);
}

fn two_boards() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    ok(
        &data,
        &[
            "board",
            "new",
            "--name",
            "Corporate Parenting Board",
            "--code",
            "CPB",
            "--council",
            "Someshire County Council",
            "--quorum",
            "2",
            "--day",
            "second wednesday",
            "--time",
            "14:00",
            "--venue",
            "Committee Room 1",
            "--member",
            "Cllr Ann Lee;member;Chair",
            "--member",
            "Cllr Bo Chen;member",
            "--member",
            "Jo Smith;officer;Head of Service",
            "--chair",
            "Cllr Ann Lee",
        ],
    );
    ok(
        &data,
        &[
            "board",
            "new",
            "--name",
            "Fostering Panel",
            "--code",
            "FP",
            "--quorum",
            "1",
            "--venue",
            "Room 4, Civic Centre",
            "--time",
            "10:00",
            "--member",
            "Cllr Dee Ray;member;Panel Chair",
            "--member",
            "Sam;young-person;Children in Care Council",
            "--chair",
            "Cllr Dee Ray",
        ],
    );
    (tmp, data)
}

#[test]
fn two_boards_meeting_on_the_same_date_are_listed_searched_and_exported_separately() {
    let (_tmp, data) = two_boards();
    assert_eq!(
        ok(&data, &["new", "--date", "2027-01-13", "--board", "cpb"]).trim(),
        "2027-01-13"
    );
    assert_eq!(
        ok(&data, &["new", "--date", "2027-01-13", "--board", "fp"]).trim(),
        "2027-01-13-fp"
    );
    let cpb = read_json(&data.join("2027-01-13.json"));
    let fp = read_json(&data.join("2027-01-13-fp.json"));
    assert_eq!(
        (&cpb["board"]["id"], &cpb["venue"], &cpb["start_time"]),
        (&"cpb".into(), &"Committee Room 1".into(), &"14:00".into())
    );
    assert_eq!(
        (&fp["board"]["id"], &fp["venue"], &fp["start_time"]),
        (
            &"fp".into(),
            &"Room 4, Civic Centre".into(),
            &"10:00".into()
        )
    );
    assert_eq!(fp["attendance"][1]["name"], "Sam", "the panel's own roster");

    // Listed, each with its board.
    let text = ok(&data, &["list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("2027-01-13 ")
            && lines[0].contains(" CPB ")
            && lines[0].ends_with("Corporate Parenting Board"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("2027-01-13-fp ")
            && lines[1].contains(" FP ")
            && lines[1].ends_with("Fostering Panel"),
        "{text}"
    );
    let only_fp = json_of(&minutebook(&data, &["list", "--board", "fp", "--json"]));
    assert_eq!(only_fp.as_array().unwrap().len(), 1);
    assert_eq!(only_fp[0]["id"], "2027-01-13-fp");
    assert_eq!(only_fp[0]["board_id"], "fp");

    // Searched: without --board both hits name their board; with it, one board's only.
    let all = json_of(&minutebook(
        &data,
        &["search", "Initial Health Assessment", "--json"],
    ));
    let mut boards: Vec<(String, String)> = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["meeting"].as_str().unwrap().into(),
                h["board_id"].as_str().unwrap().into(),
            )
        })
        .collect();
    boards.sort();
    assert_eq!(
        boards,
        [
            ("2027-01-13".into(), "cpb".into()),
            ("2027-01-13-fp".into(), "fp".into())
        ]
    );
    let text = ok(&data, &["search", "Initial Health Assessment"]);
    assert!(
        text.lines().any(|l| l.starts_with("2027-01-13  CPB ")),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with("2027-01-13  FP ")),
        "{text}"
    );
    let one = json_of(&minutebook(
        &data,
        &[
            "search",
            "Initial Health Assessment",
            "--board",
            "fp",
            "--json",
        ],
    ));
    assert_eq!(one["total"], 1);
    assert_eq!(one["hits"][0]["meeting"], "2027-01-13-fp");
    assert_eq!(one["hits"][0]["board"], "Fostering Panel");

    // Exported: each names its own board and never the other.
    let cpb_doc = ok(&data, &["export", "2027-01-13", "-f", "md"]);
    let fp_doc = ok(&data, &["export", "2027-01-13-fp", "-f", "md"]);
    assert!(
        cpb_doc.contains("Corporate Parenting Board") && !cpb_doc.contains("Fostering Panel"),
        "{cpb_doc}"
    );
    assert!(
        fp_doc.contains("Fostering Panel") && !fp_doc.contains("Corporate Parenting Board"),
        "{fp_doc}"
    );
    assert!(!cpb_doc.contains("Cllr Dee Ray") && !fp_doc.contains("Cllr Ann Lee"));
}

#[test]
fn new_without_a_board_refuses_naming_the_boards_when_there_are_several() {
    let (_tmp, data) = two_boards();
    let out = minutebook(&data, &["new", "--date", "2027-01-13"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("holds 2 boards; say which with --board ID: cpb (Corporate Parenting Board), fp (Fostering Panel)"), "{err}");
    let out = minutebook(&data, &["new", "--date", "2027-01-13", "--board", "nope"]);
    assert!(
        stderr(&out).contains("there is no board nope")
            && stderr(&out).contains("fp (Fostering Panel)"),
        "{}",
        stderr(&out)
    );
    assert_eq!(meeting_bytes(&data).len(), 0, "nothing made");
}

#[test]
fn a_new_meeting_follows_on_from_its_own_boards_meetings_only() {
    let (_tmp, data) = common::demo_data();
    ok(
        &data,
        &[
            "board",
            "new",
            "--name",
            "Fostering Panel",
            "--code",
            "FP",
            "--quorum",
            "1",
        ],
    );
    ok(&data, &["new", "--date", "2027-01-13", "--board", "fp"]);
    ok(&data, &["new", "--date", "2027-01-13", "--board", "cpb"]);
    let fp = read_json(&data.join("2027-01-13.json"));
    assert_eq!(
        fp["board"]["id"], "fp",
        "first come keeps the date as its id"
    );
    assert_eq!(
        fp["previous"],
        Value::Null,
        "the panel has no earlier meeting"
    );
    assert_eq!(
        fp["actions"].as_array().unwrap().len(),
        0,
        "no other board's actions carried"
    );
    let cpb = read_json(&data.join("2027-01-13-cpb.json"));
    assert_eq!(cpb["board"]["id"], "cpb");
    assert_eq!(cpb["previous"], "2026-12-09");
    assert!(
        !cpb["actions"].as_array().unwrap().is_empty(),
        "the board's open actions carried"
    );
    let actions = json_of(&minutebook(&data, &["actions", "--board", "fp", "--json"]));
    assert_eq!(actions.as_array().unwrap().len(), 0);
    let actions = json_of(&minutebook(&data, &["actions", "--board", "cpb", "--json"]));
    assert!(
        actions
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["board_id"] == "cpb")
    );
    let trend = json_of(&minutebook(
        &data,
        &["iha", "trend", "--board", "fp", "--json"],
    ));
    assert_eq!(trend.as_array().unwrap().len(), 0);
    let text = ok(&data, &["iha", "trend"]);
    assert!(text.starts_with("Board    Date"), "{text}");
    // Running `new` again for the same board and date is a retry, not a third meeting.
    assert_eq!(
        ok(&data, &["new", "--date", "2027-01-13", "--board", "fp"]).trim(),
        "2027-01-13"
    );
}

#[test]
fn a_boards_own_template_in_the_data_directory_starts_its_agendas() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    Store::open(&data).unwrap();
    fs::create_dir(data.join("templates")).unwrap();
    let template = serde_json::json!({
        "name": "adoption-panel",
        "board": { "name": "Adoption Panel", "quorum": 2 },
        "title": "Adoption Panel",
        "agenda": [
            { "title": "Apologies", "kind": "procedural", "role": "apologies" },
            { "title": "Matching recommendations", "kind": "decision" }
        ]
    });
    fs::write(
        data.join("templates/adoption-panel.json"),
        template.to_string(),
    )
    .unwrap();
    ok(
        &data,
        &[
            "board",
            "new",
            "--name",
            "Adoption Panel",
            "--code",
            "AP",
            "--template",
            "adoption-panel",
        ],
    );
    let shown = ok(&data, &["board", "show", "ap"]);
    assert!(
        shown.contains("Template:         adoption-panel ("),
        "{shown}"
    );
    ok(&data, &["new", "--date", "2027-02-03"]);
    let m = read_json(&data.join("2027-02-03.json"));
    assert_eq!(m["agenda"][1]["title"], "Matching recommendations");
    assert_eq!(m["board"]["quorum"], 2);

    let out = minutebook(&data, &["board", "edit", "ap", "--template", "missing"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("template: there is no template called \"missing\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn board_new_and_edit_refuse_naming_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let refused = |args: &[&str], words: &str| {
        let out = minutebook(&data, args);
        assert!(!out.status.success(), "{args:?} was accepted");
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
    };
    refused(
        &["board", "new", "--name", "Fostering Panel"],
        "code: a new board needs",
    );
    refused(
        &[
            "board",
            "new",
            "--name",
            "X Board",
            "--code",
            "XB",
            "--quorum",
            "3",
            "--member",
            "Cllr A;member",
        ],
        "quorum: 3 cannot be more than the 1 voting members",
    );
    refused(
        &[
            "board",
            "new",
            "--name",
            "X Board",
            "--code",
            "XB",
            "--member",
            "Cllr A;member",
            "--chair",
            "Cllr B",
        ],
        "chair: \"Cllr B\" is not on the roster",
    );
    refused(
        &[
            "board",
            "new",
            "--name",
            "X Board",
            "--code",
            "XB",
            "--member",
            "Cllr A;mayor",
        ],
        "\"mayor\" is not a role: use one of member, officer, young-person, partner, other",
    );
    refused(
        &[
            "board", "new", "--name", "X Board", "--code", "XB", "--day", "someday",
        ],
        "is not a usual day",
    );
    assert!(
        !data.join("boards").exists() || fs::read_dir(data.join("boards")).unwrap().count() == 0
    );

    ok(
        &data,
        &[
            "board",
            "new",
            "--name",
            "X Board",
            "--code",
            "XB",
            "--member",
            "Cllr A;member",
        ],
    );
    refused(
        &["board", "edit", "xb", "--remove-member", "Cllr Z"],
        "remove-member: \"Cllr Z\" is not on the roster of board xb",
    );
    refused(
        &[
            "board",
            "edit",
            "xb",
            "--vice-chair",
            "Cllr A",
            "--chair",
            "Cllr A",
        ],
        "members: the chair cannot also be the vice-chair",
    );
    refused(
        &["board", "edit", "zz", "--quorum", "1"],
        "there is no board zz",
    );
}

#[test]
fn board_edit_changes_the_roster_and_show_marks_the_chair_and_vice_chair() {
    let (_tmp, data) = two_boards();
    ok(
        &data,
        &[
            "board",
            "edit",
            "cpb",
            "--add-member",
            "Cllr Cy Dunn;member;Lead Member",
            "--remove-member",
            "Jo Smith",
            "--substitute",
            "Cllr Bo Chen=Cllr Eve Fox",
            "--non-voting",
            "Cllr Cy Dunn",
            "--vice-chair",
            "Cllr Bo Chen",
            "--council",
            "Someshire Council",
        ],
    );
    let shown = json_of(&minutebook(&data, &["board", "show", "cpb", "--json"]));
    assert_eq!(shown["council"], "Someshire Council");
    assert_eq!(shown["next_usual_date"].as_str().unwrap().len(), 10);
    let names: Vec<&str> = shown["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Cllr Ann Lee", "Cllr Bo Chen", "Cllr Cy Dunn"]);
    assert_eq!(
        shown["members"][1]["substitutes"],
        serde_json::json!(["Cllr Eve Fox"])
    );
    assert_eq!(shown["members"][2]["voting"], false);
    let text = ok(&data, &["board", "show", "cpb"]);
    assert!(
        text.contains("Cllr Ann Lee  [member, votes, CHAIR]  Chair"),
        "{text}"
    );
    assert!(
        text.contains("Cllr Bo Chen  [member, votes, VICE-CHAIR]  substitutes: Cllr Eve Fox"),
        "{text}"
    );
    assert!(
        text.contains("Usually meets:    the second Wednesday of the month at 14:00"),
        "{text}"
    );

    let listed = json_of(&minutebook(&data, &["board", "list", "--json"]));
    assert_eq!(listed[0]["id"], "cpb");
    assert_eq!(listed[0]["meetings"], 0);
    assert_eq!(listed[1]["code"], "FP");
}

#[test]
fn new_in_a_data_directory_with_no_boards_makes_the_board_record_from_the_template() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    assert_eq!(
        ok(&data, &["new", "--date", "2027-01-13"]).trim(),
        "2027-01-13"
    );
    let record = read_json(&data.join("boards/cpb.json"));
    assert_eq!(record["name"], "Corporate Parenting Board");
    assert_eq!(record["template"], "corporate-parenting-board");
    assert_eq!(
        read_json(&data.join("2027-01-13.json"))["board"]["id"],
        "cpb"
    );
}

#[test]
fn verify_and_the_forward_plan_cover_one_board_with_board_or_every_board_without() {
    let (_tmp, data) = common::demo_data();
    ok(
        &data,
        &[
            "board",
            "new",
            "--name",
            "Fostering Panel",
            "--code",
            "FP",
            "--quorum",
            "1",
        ],
    );
    ok(&data, &["new", "--date", "2099-01-14", "--board", "fp"]);
    ok(&data, &["new", "--date", "2099-01-14", "--board", "cpb"]);
    let all = json_of(&minutebook(&data, &["verify", "--json"]));
    assert_eq!(all["checked"].as_array().unwrap().len(), 8);
    assert!(
        all["checked"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["board_id"] == "cpb")
    );
    let fp = json_of(&minutebook(&data, &["verify", "--board", "fp", "--json"]));
    assert_eq!(fp["checked"].as_array().unwrap().len(), 0);
    assert!(ok(&data, &["verify", "--board", "fp"]).contains("Checked 0 approved meeting(s)"));

    let plan = ok(&data, &["export", "--ics", "--board", "fp"]);
    assert_eq!(plan.matches("BEGIN:VEVENT").count(), 1, "{plan}");
    // The UID names the board too; the calendar is named after the board it covers.
    assert!(plan.contains("UID:2099-01-14.fp@minutebook"), "{plan}");
    assert!(plan.contains("X-WR-CALNAME:Fostering Panel\r\n"), "{plan}");
    let plan = ok(&data, &["export", "--ics"]);
    assert!(plan.contains("UID:2099-01-14-cpb."), "{plan}");
    assert!(plan.contains("UID:2099-01-14.fp@minutebook"));
    assert!(plan.contains(" and Fostering Panel"), "every board: {plan}");
    let out = minutebook(&data, &["export", "--ics", "--board", "xyz"]);
    assert!(
        stderr(&out).contains("there is no board xyz"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_board_name_whose_initials_are_taken_gets_the_next_free_id_and_keeps_the_other_board() {
    let (_tmp, data) = before_boards();
    let new_cpb = [
        "board",
        "new",
        "--name",
        "Children's Partnership Board",
        "--code",
        "CPB",
        "--quorum",
        "1",
    ];
    // `board new` migrates first: the old meetings' board has taken cpb, so this is refused.
    let out = minutebook(&data, &new_cpb);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("board: there is already a board cpb"),
        "{}",
        stderr(&out)
    );
    let listed = json_of(&minutebook(&data, &["board", "list", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(
        (&listed[0]["name"], &listed[0]["meetings"]),
        (&"Corporate Parenting Board".into(), &3.into())
    );
    let mut other_id = new_cpb.to_vec();
    other_id.extend(["--board", "cpb-other"]);
    ok(&data, &other_id);

    // With the record taken first, the old meetings' board takes the next free id.
    let (_tmp2, data) = before_boards();
    let store = Store::open(&data).unwrap();
    let mut other = store.boards().unwrap().remove(0);
    (other.name, other.adopts) = ("Children's Partnership Board".into(), vec![]);
    store.create_board(&other).unwrap();
    let made = store.migrate_boards().unwrap();
    assert_eq!(made.len(), 1);
    assert_eq!(
        (made[0].id.as_str(), made[0].code.as_str()),
        ("cpb-2", "CPB")
    );
    let listing = store.list().unwrap();
    assert!(
        listing
            .meetings
            .iter()
            .all(|s| s.board_id.as_ref().map(|b| b.as_str()) == Some("cpb-2"))
    );
    assert!(minutebook(&data, &["verify"]).status.success());
}

#[test]
fn a_board_record_that_cannot_be_read_is_named_and_the_meetings_still_list() {
    let (_tmp, data) = two_boards();
    ok(&data, &["new", "--date", "2027-01-13", "--board", "cpb"]);
    fs::write(data.join("boards/fp.json"), "{ \"id\": \"fp\", ").unwrap();
    let out = minutebook(&data, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2027-01-13"), "{}", stdout(&out));
    assert!(stderr(&out).contains("boards/fp.json"), "{}", stderr(&out));
    let out = minutebook(&data, &["new", "--date", "2027-02-10", "--board", "cpb"]);
    assert!(
        !out.status.success(),
        "nothing is made beside a board record it cannot read"
    );
    assert!(
        stderr(&out).contains("board record") && stderr(&out).contains("boards/fp.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn minutes_are_approved_by_default_at_their_own_boards_next_meeting() {
    let (_tmp, data) = two_boards();
    ok(&data, &["new", "--date", "2027-01-13", "--board", "cpb"]);
    ok(&data, &["new", "--date", "2027-01-20", "--board", "fp"]);
    ok(&data, &["new", "--date", "2027-02-10", "--board", "cpb"]);
    // Held and written up (the workspace's part): a draft awaiting approval.
    let path = data.join("2027-01-13.json");
    let held = fs::read_to_string(&path).unwrap().replacen(
        "\"status\": \"planned\"",
        "\"status\": \"draft\"",
        1,
    );
    fs::write(&path, held).unwrap();
    let said = ok(&data, &["approve", "2027-01-13", "--by", "Cllr Ann Lee"]);
    assert!(said.contains("at meeting 2027-02-10"), "{said}");
    assert_eq!(read_json(&path)["approval"]["at_meeting"], "2027-02-10");
}

fn refused(data: &Path, args: &[&str]) -> String {
    let out = minutebook(data, args);
    assert!(!out.status.success(), "{args:?} should be refused");
    stderr(&out)
}

#[test]
fn a_meeting_moved_to_a_date_another_board_holds_takes_the_id_new_would_give_it() {
    let (_tmp, data) = two_boards();
    ok(&data, &["new", "--date", "2026-12-09", "--board", "cpb"]);
    ok(&data, &["new", "--date", "2026-12-16", "--board", "fp"]);
    let said = ok(
        &data,
        &[
            "meeting",
            "set",
            "2026-12-09",
            "--date",
            "2026-12-16",
            "--json",
        ],
    );
    let v: Value = serde_json::from_str(&said).unwrap();
    assert_eq!(v["id"], "2026-12-16-cpb");
    assert_eq!(
        read_json(&data.join("2026-12-16-cpb.json"))["board"]["id"],
        "cpb"
    );
    assert_eq!(
        read_json(&data.join("2026-12-16.json"))["board"]["id"],
        "fp"
    );

    // This board meeting twice that day is refused, naming the meeting it has.
    ok(&data, &["new", "--date", "2027-01-13", "--board", "cpb"]);
    let why = refused(
        &data,
        &["meeting", "set", "2027-01-13", "--date", "2026-12-16"],
    );
    assert!(why.contains("2026-12-16-cpb"), "{why}");
    assert!(data.join("2027-01-13.json").exists());
}

#[test]
fn a_meeting_that_approves_another_boards_minutes_keeps_its_board_and_says_why() {
    let (_tmp, data) = two_boards();
    ok(&data, &["new", "--date", "2026-12-09", "--board", "cpb"]);
    // A first meeting names nothing before it: it may change board (and back).
    let said = ok(
        &data,
        &["meeting", "set", "2026-12-09", "--board", "fp", "--json"],
    );
    let v: Value = serde_json::from_str(&said).unwrap();
    assert_eq!(v["board"], "fp");
    ok(&data, &["meeting", "set", "2026-12-09", "--board", "cpb"]);

    ok(&data, &["new", "--date", "2027-01-13", "--board", "cpb"]);
    let before = fs::read(data.join("2027-01-13.json")).unwrap();
    let why = refused(&data, &["meeting", "set", "2027-01-13", "--board", "fp"]);
    assert!(
        why.contains("2026-12-09") && why.contains("cpb") && why.contains("previous"),
        "{why}"
    );
    assert_eq!(fs::read(data.join("2027-01-13.json")).unwrap(), before);
}
