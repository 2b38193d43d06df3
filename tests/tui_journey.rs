//! A new clerk's whole journey, end to end: the real binary in a pty on an empty data
//! directory makes a board with its roster and chair, then its first meeting (dated weeks
//! ago), written up afterwards with the times set by hand; an action is captured and then
//! edited; the next meeting is made from the workspace and approves the first one's minutes
//! with "Signed by" offered as the chair. The JSON on disk is checked after every step.

mod common;

use std::path::Path;

use chrono::{Days, NaiveDate};
use common::pty::{CTRL_Q, ENTER, Pty, TAB, alt, wait_for_file};
use serde_json::Value;

const CHAIR: &str = "Cllr Ada Byron";
const CLERK: &str = "Lucy Ford";
const ACTION: &str = "Write to every placing authority about notifications";
const MINUTES: &str = "No declarations of interest were made.";

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// As the workspace heads a meeting: "Tue 24 Nov 2026".
fn long(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// Days before today by the real clock: never today, so starting asks live or written up.
fn days_ago(n: u64) -> NaiveDate {
    chrono::Local::now()
        .date_naive()
        .checked_sub_days(Days::new(n))
        .unwrap()
}

/// Step 1: the board, its chair, a voting councillor and a young person who does not vote.
fn make_board(t: &mut Pty, data: &Path) {
    t.wait_text("A new board");
    t.type_text("Corporate Parenting Board\tDorset Council\tCPB\t2\tsecond Wednesday\t14:00\t");
    // Venue, then past the template offered to the clerk, who is named in what they change.
    t.type_text("County Hall\t\t");
    t.type_text(CLERK);
    t.send(ENTER);
    t.wait_text("The chair of Corporate Parenting Board");
    t.type_text(CHAIR);
    t.send(ENTER);
    t.wait_text("Add another member");
    t.add_member(
        "Cllr Mary Shelley\tmember\tLead Member for Children\tyes",
        "Cllr Mary Shelley",
    );
    t.add_member("Jordan\tyoung person\t\tno", "Jordan");
    t.send(b"n");
    t.wait_text("A new meeting of Corporate Parenting Board");
    let file = data.join("boards/cpb.json");
    wait_for_file(&file, "the board and roster", |s| s.contains("Jordan"));
    let board = json(&file);
    assert_eq!(board["name"], "Corporate Parenting Board");
    assert_eq!(board["code"], "CPB");
    assert_eq!(board["quorum"], 2);
    assert_eq!(board["clerk"], CLERK);
    let members = board["members"].as_array().unwrap();
    let names: Vec<&str> = members
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [CHAIR, "Cllr Mary Shelley", "Jordan"]);
    assert_eq!(members[0]["chair"], true);
    assert_ne!(members[1]["chair"], true, "one chair");
    assert_eq!(members[2]["role"], "young-person");
    assert_eq!(members[2]["voting"], false);
}

/// Step 2: the first meeting, dated weeks ago, its attendance the roster.
fn make_first_meeting(t: &mut Pty, data: &Path, first: &str) {
    t.type_text(first);
    t.send(ENTER);
    let file = data.join(format!("{first}.json"));
    t.wait_for("the workspace on the first meeting", |s| {
        s.contains("1 Agenda") && s.contains("saved")
    });
    wait_for_file(&file, "the first meeting", |s| s.contains("\"cpb\""));
    let m = json(&file);
    assert_eq!(m["id"], first);
    assert_eq!(m["board"]["id"], "cpb");
    assert_eq!(m["status"], "planned");
    let names: Vec<&str> = m["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [CHAIR, "Cllr Mary Shelley", "Jordan"]);
    assert_eq!(m["attendance"][0]["position"], "Chair");
}

/// Step 3a: the chair and the councillor present, the young person's apologies.
fn take_attendance(t: &mut Pty) {
    t.send(b"5");
    t.wait_text("Quorum: attendance not yet taken");
    t.send(b"p");
    t.wait_text("Cllr Ada Byron: present; next: Cllr Mary Shelley");
    t.send(b"p");
    t.wait_text("Cllr Mary Shelley: present; next: Jordan");
    t.send(b"a");
    t.wait_for("the apologies marked", |s| {
        s.contains("Jordan: apologies") && !s.contains("not marked")
    });
}

/// Step 3b: started as written up afterwards, the meeting's and three items' times set
/// (an overlap refused on screen first).
fn write_up(t: &mut Pty, file: &Path) {
    t.send(b"1");
    t.wait_text("Not started: press s");
    t.send(b"s");
    t.wait_text("Live, or written up afterwards?");
    assert!(
        !t.screen().contains("Before the meeting starts"),
        "attendance taken and quorate: no warning"
    );
    t.send(b"w");
    t.wait_text("written up afterwards");
    t.set_meeting_times("14:00", "15:30");
    t.set_item_times("1", "14:00", "14:10");
    t.send(b"j");
    t.set_item_times("2", "14:10", "14:25");
    t.send(b"j");
    t.enter_item_times("3", "14:20", "14:40");
    t.wait_text("item 3 would start at 14:20, before item 2 ends at 14:25");
    // Back to the start, typed over; the end typed before the refusal is kept.
    t.send(b"\x1b[Z");
    t.type_text("14:25");
    t.wait_for("the start corrected", |s| {
        s.contains("Started         14:25") && s.contains("Ended           14:40")
    });
    t.send(ENTER);
    t.wait_text("Item 3: started 14:25, ended 14:40.");
    minutes_and_action(t, file);
}

/// Step 3c: minutes typed under the generated apologies line, an action captured, ended.
fn minutes_and_action(t: &mut Pty, file: &Path) {
    t.send(&alt('3'));
    t.wait_text("Apologies for absence were received from a young person.");
    t.send(ENTER);
    t.type_text(MINUTES);
    t.wait_text(MINUTES);
    t.send(&alt('a'));
    t.wait_text("Capture an action");
    t.type_text(ACTION);
    t.send(TAB);
    t.type_text("Karen Whitfield");
    t.send(ENTER);
    t.wait_text("captured");
    t.send(&alt('1'));
    t.wait_text("written up afterwards");
    t.end_meeting();
    wait_for_file(file, "the meeting ended", |s| s.contains("\"draft\""));
    written_up_on_disk(&json(file));
}

/// Step 3, on disk: written up, the times exactly as set and no clock time anywhere.
fn written_up_on_disk(m: &Value) {
    assert_eq!(m["status"], "draft");
    assert_eq!(m["minuting"], "write-up");
    assert_eq!(
        (&m["began_at"], &m["ended_at"]),
        (&"14:00".into(), &"15:30".into())
    );
    let times = |i: usize| {
        let item = &m["agenda"][i];
        (item["started_at"].clone(), item["ended_at"].clone())
    };
    assert_eq!(times(0), ("14:00".into(), "14:10".into()));
    assert_eq!(times(1), ("14:10".into(), "14:25".into()));
    assert_eq!(times(2), ("14:25".into(), "14:40".into()));
    let agenda = m["agenda"].as_array().unwrap();
    let subs = agenda
        .iter()
        .flat_map(|i| i["sub_items"].as_array().into_iter().flatten());
    for item in agenda[3..].iter().chain(subs) {
        let (started, ended) = (&item["started_at"], &item["ended_at"]);
        assert!(
            started.is_null() && ended.is_null(),
            "no clock time on {item}"
        );
    }
    let people = m["attendance"].as_array().unwrap();
    for p in people {
        assert_eq!(p["arrived_at"], Value::Null, "no clock time on {p}");
    }
    let presence: Vec<&str> = people
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(presence, ["present", "present", "apologies"]);
    assert!(
        m["agenda"][0]["minutes"]
            .as_str()
            .unwrap()
            .contains(MINUTES)
    );
    let action = &m["actions"][0];
    assert_eq!(action["text"], ACTION);
    assert_eq!(action["owner"], "Karen Whitfield");
    assert_eq!(action["status"], "open");
}

/// Step 4: the action's owner and due date edited in the Actions tab.
fn edit_action(t: &mut Pty, file: &Path, first: &str, due: &str) {
    let id = format!("{first}#1");
    t.send(b"4");
    t.wait_text(ACTION);
    t.send(b"e");
    t.wait_text(&format!("Edit {id}"));
    t.send(TAB);
    t.type_text("Head of Service");
    t.send(TAB);
    t.type_text(due);
    t.wait_for("both typed over", |s| {
        s.contains("Owner           Head of Service")
            && s.contains(&format!("Due             {due}"))
    });
    t.send(ENTER);
    t.wait_text(&format!("Edited {id} (owner, due)"));
    wait_for_file(file, "the edit saved", |s| s.contains("Head of Service"));
    let m = json(file);
    let action = &m["actions"][0];
    assert_eq!(action["owner"], "Head of Service");
    assert_eq!(action["due"], due);
    assert_eq!(action["text"], ACTION, "the text untouched");
    let last = action["history"].as_array().unwrap().last().unwrap();
    assert_eq!(last["by"], CLERK);
    assert_eq!(last["meeting"], first);
    let changed = last["changed"].as_array().unwrap();
    let change = |field: &str| {
        let c = changed.iter().find(|c| c["field"] == field).unwrap();
        (c["from"].clone(), c["to"].clone())
    };
    assert_eq!(
        change("owner"),
        ("Karen Whitfield".into(), "Head of Service".into())
    );
    assert_eq!(change("due").1, due);
    assert_eq!(changed.len(), 2, "only what changed: {changed:?}");
}

/// Step 5a: the next meeting, made from the workspace and carried on in.
fn next_meeting(t: &mut Pty, data: &Path, first: &str, second: NaiveDate) {
    t.send(b"1");
    t.wait_text("minutes in draft");
    t.send(b"N");
    t.wait_text("A new meeting of Corporate Parenting Board");
    t.type_text(&iso(second));
    t.send(ENTER);
    let (made, shown) = (format!("Made the meeting {}", iso(second)), long(second));
    t.wait_for("the workspace on the next meeting", |s| {
        s.contains(&made) && s.contains(&format!("{shown} 14:00 · planned"))
    });
    let file = data.join(format!("{}.json", iso(second)));
    wait_for_file(&file, "the next meeting", |s| s.contains("\"previous\""));
    let m = json(&file);
    assert_eq!(m["previous"], first);
    assert_eq!(m["board"]["id"], "cpb");
    let names: Vec<&str> = m["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [CHAIR, "Cllr Mary Shelley", "Jordan"]);
    let carried = &m["actions"][0];
    assert_eq!(carried["id"], format!("{first}#1"));
    assert_eq!(carried["owner"], "Head of Service", "carried as edited");
    // Carried on in: started, written up too, past the warning that attendance is not taken.
    t.start_written_up_unmarked();
}

/// Step 5b: from the next meeting, the first one's minutes approved, signed by the chair
/// as offered (nothing typed in that field).
fn approve_previous(t: &mut Pty, data: &Path, first: &str, second: &str) {
    t.send(b"v");
    t.wait_text(&format!(
        "Approve the minutes of {first} as a correct record"
    ));
    let screen = t.screen();
    let signed = screen.lines().find(|l| l.contains("Signed by")).unwrap();
    assert!(signed.contains(CHAIR), "the chair offered: {signed}");
    t.send(ENTER);
    t.wait_text(&format!("The minutes of {first} are approved and sealed"));
    let here = data.join(format!("{second}.json"));
    let resolution = format!("approved as a correct record and signed by {CHAIR}.");
    wait_for_file(&here, "the resolution recorded", |s| {
        s.contains(&resolution)
    });
    let sealed = data.join(format!("{first}.json"));
    wait_for_file(&sealed, "the minutes sealed", |s| s.contains("\"sha256\""));
    let prev = json(&sealed);
    assert_eq!(prev["status"], "approved");
    let approval = &prev["approval"];
    assert_eq!(approval["approved_by"], CHAIR);
    assert_eq!(approval["at_meeting"], second);
    assert_eq!(approval["on"], second);
    assert_eq!(approval["seal"]["sha256"].as_str().map(str::len), Some(64));
    let m = json(&here);
    let item = m["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["role"] == "previous-minutes")
        .expect("the previous minutes item");
    let decisions = item["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), 1, "recorded once: {decisions:?}");
    assert_eq!(decisions[0]["kind"], "resolution");
    assert!(
        decisions[0]["text"]
            .as_str()
            .unwrap()
            .ends_with(&resolution)
    );
}

#[test]
fn a_new_clerk_sets_up_a_board_writes_up_a_meeting_and_approves_it_at_the_next() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (first, next) = (iso(days_ago(35)), days_ago(7));
    let second = iso(next);
    let mut t = Pty::spawn(&data, &[], 100, 30);
    make_board(&mut t, &data);
    make_first_meeting(&mut t, &data, &first);
    take_attendance(&mut t);
    write_up(&mut t, &data.join(format!("{first}.json")));
    edit_action(&mut t, &data.join(format!("{first}.json")), &first, &second);
    next_meeting(&mut t, &data, &first, next);
    approve_previous(&mut t, &data, &first, &second);
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");
    let verified = common::minutebook(&data, &["verify"]);
    assert!(
        verified.status.success(),
        "verify passes: {}{}",
        common::stdout(&verified),
        common::stderr(&verified)
    );
}
