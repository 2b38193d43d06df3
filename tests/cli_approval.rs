//! `approve`, `erratum` and `verify` through the real binary on the demo year.

mod common;

use common::{demo_data, minutebook, stderr, stdout};

#[test]
fn approving_seals_the_draft_and_records_it_at_the_next_meeting() {
    let (_tmp, data) = demo_data();
    let out = minutebook(
        &data,
        &["approve", "2026-11-11", "--by", "Cllr Margaret Holloway"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("at meeting 2026-12-09 on 2026-12-09"),
        "{said}"
    );
    assert!(said.contains("Recorded the resolution"), "{said}");

    let file = std::fs::read_to_string(data.join("2026-11-11.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&file).unwrap();
    let m = &v["meeting"];
    let m = if m.is_null() { &v } else { m };
    assert_eq!(m["status"], "approved");
    assert_eq!(m["approval"]["approved_by"], "Cllr Margaret Holloway");
    assert_eq!(m["approval"]["seal"]["sha256"].as_str().unwrap().len(), 64);
    let dec = std::fs::read_to_string(data.join("2026-12-09.json")).unwrap();
    assert!(dec.contains("held on Wednesday 11 November 2026 be approved as a correct record"));

    // Twice is refused, and the file is left as it was.
    let out = minutebook(&data, &["approve", "2026-11-11", "--by", "Someone Else"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("already approved"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(data.join("2026-11-11.json")).unwrap(),
        file
    );

    // A planned meeting cannot be approved.
    let out = minutebook(
        &data,
        &[
            "approve",
            "2026-12-09",
            "--by",
            "Chair",
            "--at",
            "2026-12-09",
        ],
    );
    assert!(stderr(&out).contains("planned"), "{}", stderr(&out));
}

#[test]
fn verify_passes_on_sealed_minutes_and_names_one_altered_by_hand() {
    let (_tmp, data) = demo_data();
    let out = minutebook(&data, &["verify"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("Checked 8 approved meeting(s): 8 intact, 0 not."));

    // Someone edits approved minutes in a text editor.
    let path = data.join("2026-03-11.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let altered = text.replacen(
        "no declarations of interest",
        "one declaration of interest",
        1,
    );
    assert!(altered != text, "the demo minutes contain the phrase");
    std::fs::write(&path, altered).unwrap();

    let out = minutebook(&data, &["verify"]);
    assert!(!out.status.success());
    let said = stdout(&out);
    assert!(said.contains("2026-03-11  ALTERED"), "{said}");
    assert!(said.contains("7 intact, 1 not"), "{said}");
    assert!(stderr(&out).contains("2026-03-11 do not match their seal"));

    let out = minutebook(&data, &["verify", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let bad: Vec<_> = v["checked"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["result"] != "intact")
        .collect();
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0]["id"], "2026-03-11");
    assert_eq!(bad[0]["result"], "altered");

    // minutebook itself will not save over the altered record either.
    let out = minutebook(&data, &["erratum", "2026-03-11", "--text", "x"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("sealed"), "{}", stderr(&out));
}

#[test]
fn an_erratum_sits_beside_the_sealed_text_and_verify_still_passes() {
    let (_tmp, data) = demo_data();
    common::add_smyth_erratum(&data);
    let file = std::fs::read_to_string(data.join("2026-10-14.json")).unwrap();
    assert!(file.contains("Cllr Smyth") && file.contains("\"agreed_at\": \"2026-11-11\""));
    assert!(minutebook(&data, &["verify"]).status.success());

    for (args, why) in [
        (vec!["--item", "42"], "no agenda item numbered 42"),
        (vec!["--date", "2026-02-30"], "not a real date"),
    ] {
        let mut all = vec!["erratum", "2026-10-14", "--text", "x"];
        all.extend(args);
        let out = minutebook(&data, &all);
        assert!(!out.status.success());
        assert!(stderr(&out).contains(why), "{}", stderr(&out));
    }
    // The draft is corrected directly, not by erratum.
    let out = minutebook(&data, &["erratum", "2026-11-11", "--text", "x"]);
    assert!(stderr(&out).contains("not approved"), "{}", stderr(&out));
}

#[test]
fn verify_names_approved_minutes_that_carry_no_seal() {
    let (_tmp, data) = demo_data();
    let path = data.join("2026-05-13.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("approval");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let out = minutebook(&data, &["verify"]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains("2026-05-13  UNSEALED"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("could not be checked"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn approving_while_the_approving_meeting_is_open_in_a_workspace_seals_nothing_and_a_retry_completes_it()
 {
    let (_tmp, data) = demo_data();
    let minutes = std::fs::read(data.join("2026-11-11.json")).unwrap();
    let next = std::fs::read(data.join("2026-12-09.json")).unwrap();
    let approve = ["approve", "2026-11-11", "--by", "Cllr Margaret Holloway"];
    {
        // The next meeting is open for editing elsewhere: its lock is held, as a workspace holds it.
        let store = minutebook::store::Store::open(&data).unwrap();
        let _held = store
            .lock(&minutebook::model::MeetingId::parse("2026-12-09").unwrap())
            .unwrap();
        let out = minutebook(&data, &approve);
        assert!(!out.status.success(), "{}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.contains("2026-12-09") && err.contains("open in another minutebook"),
            "{err}"
        );
        assert!(err.contains("nothing was sealed"), "{err}");
        assert_eq!(
            std::fs::read(data.join("2026-11-11.json")).unwrap(),
            minutes
        );
        assert_eq!(std::fs::read(data.join("2026-12-09.json")).unwrap(), next);
    }
    // Closed there, the same command does the whole approval, once.
    let out = minutebook(&data, &approve);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Recorded the resolution"),
        "{}",
        stdout(&out)
    );
    let again = minutebook(&data, &approve);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("Already approved"),
        "{}",
        stdout(&again)
    );
    let dec = std::fs::read_to_string(data.join("2026-12-09.json")).unwrap();
    assert_eq!(
        dec.matches("held on Wednesday 11 November 2026 be approved as a correct record")
            .count(),
        1,
        "the resolution is recorded once"
    );
}

/// Approves November's draft with a vote recorded on its first decision.
fn approved_with_a_vote(data: &std::path::Path) -> std::path::PathBuf {
    let path = data.join("2026-11-11.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let decision = m["agenda"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find_map(|i| i["decisions"].as_array_mut().filter(|d| !d.is_empty()))
        .map(|d| &mut d[0])
        .expect("the demo's November has a decision");
    decision["moved_by"] = "Cllr Samuel Achebe".into();
    decision["vote"] =
        serde_json::json!({"for": 5, "against": 1, "abstained": 0, "result": "carried"});
    std::fs::write(&path, serde_json::to_string_pretty(&m).unwrap()).unwrap();
    let out = minutebook(
        data,
        &["approve", "2026-11-11", "--by", "Cllr Margaret Holloway"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    path
}

#[test]
fn a_vote_count_changed_after_approval_fails_verify() {
    let (_tmp, data) = demo_data();
    let path = approved_with_a_vote(&data);
    let sealed = std::fs::read_to_string(&path).unwrap();
    assert!(
        sealed.contains("\"version\": 2"),
        "new approvals seal version 2"
    );
    assert!(minutebook(&data, &["verify"]).status.success());
    std::fs::write(&path, sealed.replacen("\"for\": 5", "\"for\": 4", 1)).unwrap();
    let out = minutebook(&data, &["verify"]);
    assert!(!out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("2026-11-11") && stdout(&out).contains("no longer match their seal"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_minute_reference_changed_after_approval_fails_verify() {
    let (_tmp, data) = demo_data();
    let path = approved_with_a_vote(&data);
    let sealed = std::fs::read_to_string(&path).unwrap();
    assert!(sealed.contains("\"CPB/26/38\""));
    std::fs::write(&path, sealed.replacen("\"CPB/26/38\"", "\"CPB/26/83\"", 1)).unwrap();
    assert!(!minutebook(&data, &["verify"]).status.success());
}

#[test]
fn minutes_sealed_before_procedure_was_recorded_still_verify_with_their_version_1_seal() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let fixture = "tests/fixtures/boards-before/2026-10-14.json";
    let bytes = std::fs::read_to_string(fixture).unwrap();
    assert!(
        bytes.contains("\"version\": 1"),
        "the fixture's seal is version 1"
    );
    std::fs::write(data.join("2026-10-14.json"), &bytes).unwrap();
    let out = minutebook(&data, &["verify", "--json"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["checked"][0]["result"], "intact", "{v}");
    // And an edit to it is still found.
    std::fs::write(
        data.join("2026-10-14.json"),
        bytes.replacen("Committee Room 1", "Committee Room 2", 1),
    )
    .unwrap();
    assert!(!minutebook(&data, &["verify"]).status.success());
}
