//! `declare` and `resolve` through the real binary on the demo year: what is recorded,
//! and refusals that name the problem and write nothing.

mod common;

use common::{demo_data, minutebook, stderr, stdout};

const NOVEMBER: &str = "2026-11-11";

fn record(data: &std::path::Path) -> String {
    std::fs::read_to_string(data.join(format!("{NOVEMBER}.json"))).unwrap()
}

fn meeting(file: &str) -> serde_json::Value {
    let v: serde_json::Value = serde_json::from_str(file).unwrap();
    if v["meeting"].is_null() {
        v
    } else {
        v["meeting"].clone()
    }
}

/// The item numbered 5.1 in the meeting's record, found by walking its agenda.
fn item_5_1(m: &serde_json::Value) -> serde_json::Value {
    m["agenda"][4]["sub_items"][0].clone()
}

#[test]
fn a_declaration_is_recorded_for_its_item_and_shown_back_as_json() {
    let (_tmp, data) = demo_data();
    let out = minutebook(
        &data,
        &[
            "declare",
            NOVEMBER,
            "--member",
            "cllr tom ashworth",
            "--item",
            "5.1",
            "--kind",
            "pecuniary",
            "--nature",
            "owns a lettings agency",
            "--left-room",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(said["item"], "5.1");
    assert_eq!(
        said["declaration"]["member"], "Cllr Tom Ashworth",
        "spelled as the attendance"
    );
    assert_eq!(said["declaration"]["kind"], "disclosable-pecuniary");
    assert_eq!(said["declaration"]["left_room"], true);
    let m = meeting(&record(&data));
    assert_eq!(m["declarations"][0]["nature"], "owns a lettings agency");
    assert_eq!(m["declarations"][0]["item"], item_5_1(&m)["id"]);
}

#[test]
fn a_declaration_by_someone_not_present_is_refused_and_nothing_written() {
    let (_tmp, data) = demo_data();
    let before = record(&data);
    let out = minutebook(
        &data,
        &[
            "declare",
            NOVEMBER,
            "--member",
            "Cllr Priya Raman",
            "--item",
            "5.1",
            "--kind",
            "other-registrable",
            "--nature",
            "a school governor",
        ],
    );
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "minutebook: meeting 2026-11-11 was not changed: --member \"Cllr Priya Raman\": Cllr \
         Priya Raman is not marked present at this meeting, so cannot declare an interest"
    );
    assert_eq!(record(&data), before);
}

#[test]
fn a_resolution_is_recorded_with_its_mover_seconder_and_recorded_vote() {
    let (_tmp, data) = demo_data();
    let out = minutebook(
        &data,
        &[
            "resolve",
            NOVEMBER,
            "--item",
            "5.1",
            "--text",
            "RESOLVED – That the report be noted.",
            "--moved-by",
            "Cllr Helen Brierley",
            "--seconded-by",
            "cllr samuel achebe",
            "--named",
            "Cllr Margaret Holloway=for,Cllr Daniel Okafor=for,Cllr Samuel Achebe=against,Cllr Tom Ashworth=abstain",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let d = &said["decision"];
    assert_eq!(
        d["text"], "That the report be noted.",
        "the mark is the documents'"
    );
    assert_eq!(d["seconded_by"], "Cllr Samuel Achebe");
    assert_eq!(
        (
            &d["vote"]["for"],
            &d["vote"]["against"],
            &d["vote"]["abstained"]
        ),
        (&2.into(), &1.into(), &1.into()),
        "the counts are the names'"
    );
    assert_eq!(d["vote"]["result"], "carried");
    let m = meeting(&record(&data));
    assert_eq!(
        item_5_1(&m)["decisions"][0],
        *d,
        "what is printed is what is stored"
    );
}

#[test]
fn votes_that_could_not_have_been_cast_are_refused_and_nothing_written() {
    let (_tmp, data) = demo_data();
    let declared = minutebook(
        &data,
        &[
            "declare",
            NOVEMBER,
            "--member",
            "Cllr Tom Ashworth",
            "--item",
            "5.1",
            "--kind",
            "pecuniary",
            "--nature",
            "owns a lettings agency",
            "--left-room",
        ],
    );
    assert!(declared.status.success(), "{}", stderr(&declared));
    let before = record(&data);
    let refused = |args: &[&str], why: &str| {
        let mut all = vec![
            "resolve",
            NOVEMBER,
            "--item",
            "5.1",
            "--text",
            "That it be noted.",
        ];
        all.extend_from_slice(args);
        let out = minutebook(&data, &all);
        assert!(!out.status.success(), "{args:?} was recorded");
        assert_eq!(
            stderr(&out).trim(),
            format!("minutebook: meeting 2026-11-11 was not changed: item 5.1: {why}")
        );
        assert_eq!(record(&data), before, "{args:?} wrote to the record");
    };
    // Five voting members are present; one left the room for this item.
    refused(
        &["--for", "4", "--against", "1"],
        "5 votes were cast but only 4 voting members were present for this item",
    );
    refused(
        &["--named", "Cllr Tom Ashworth=for"],
        "Cllr Tom Ashworth declared an interest and left the room for this item, so cannot vote on it",
    );
    refused(
        &["--named", "Jo Marsh=for"],
        "Jo Marsh is not a voting member of the board, so cannot be named in the vote",
    );
    refused(
        &["--for", "3", "--against", "1", "--result", "lost"],
        "3 for and 1 against cannot be lost",
    );
    refused(
        &["--named", "Cllr Daniel Okafor=for", "--for", "2"],
        "the counts (2 for, 0 against, 0 abstaining) are not those of the recorded vote's names \
         (1 for, 0 against, 0 abstaining)",
    );
    // A tie stands on the chair's casting vote.
    let out = minutebook(
        &data,
        &[
            "resolve",
            NOVEMBER,
            "--item",
            "5.1",
            "--text",
            "That it be noted.",
            "--for",
            "2",
            "--against",
            "2",
            "--casting-vote",
            "--result",
            "lost",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Lost on the chair's casting vote: 2 for, 2 against"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn approved_minutes_take_no_new_procedure() {
    let (_tmp, data) = demo_data();
    let out = minutebook(
        &data,
        &[
            "resolve",
            "2026-06-10",
            "--item",
            "4",
            "--text",
            "That it be noted.",
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("its minutes are approved and sealed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_meeting_open_in_a_workspace_takes_no_procedure_from_a_script() {
    let (_tmp, data) = demo_data();
    let before = record(&data);
    let store = minutebook::store::Store::open(&data).unwrap();
    let _held = store
        .lock(&minutebook::model::MeetingId::parse(NOVEMBER).unwrap())
        .unwrap();
    let out = minutebook(
        &data,
        &[
            "declare",
            NOVEMBER,
            "--member",
            "Cllr Tom Ashworth",
            "--item",
            "5.1",
            "--kind",
            "non-registrable",
            "--nature",
            "a friend of the presenter",
        ],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(NOVEMBER) && err.contains("open in another minutebook"),
        "{err}"
    );
    assert_eq!(record(&data), before);
}
