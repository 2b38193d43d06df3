use std::fs;

use super::*;
use crate::model::{ActionId, MeetingStatus};

fn id(s: &str) -> MeetingId {
    MeetingId::parse(s).unwrap()
}

fn date(s: &str) -> NaiveDate {
    id(s).date()
}

/// The demo year: November's minutes are a draft that December approves and whose actions
/// December carries; December is planned and nothing names it.
fn demo() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    for m in crate::demo::year() {
        store.create(&m).unwrap();
    }
    (tmp, store)
}

fn refusal(e: StoreError) -> String {
    match e {
        StoreError::Refused { reason, .. } => reason,
        other => panic!("not a refusal: {other}"),
    }
}

#[test]
fn a_meeting_nothing_names_moves_to_its_new_date_and_its_old_file_to_the_trash() {
    let (_tmp, store) = demo();
    let dec = id("2026-12-09");
    let mut raised = store.load(&dec).unwrap().meeting;
    let seq = raised.next_action_id();
    raised.actions.push(crate::model::ActionItem {
        id: seq,
        ..raised.actions[0].clone()
    });
    raised.actions.last_mut().unwrap().raised.meeting = dec.clone();
    let (_, mut handle) = store.open_to_change(&dec).unwrap();
    store.save(&mut handle, &raised).unwrap();
    drop(handle);
    let before = fs::read(store.path_of(&dec)).unwrap();

    let to = store.rename_meeting(&dec, date("2026-12-16")).unwrap();
    assert_eq!(to, id("2026-12-16"));
    assert!(
        !store.exists(&dec),
        "the old file is gone from the data directory"
    );
    assert_eq!(
        fs::read(
            store
                .trash_dir()
                .join("2026-12-09.moved-to-2026-12-16.json")
        )
        .unwrap(),
        before,
        "the old file is in the trash byte for byte"
    );
    let moved = store.load(&to).unwrap().meeting;
    assert_eq!(moved.date, date("2026-12-16"));
    let own: Vec<&ActionId> = moved.actions_raised().map(|a| &a.id).collect();
    assert_eq!(own, [&ActionId::new(&to, 1)]);
    let listed: Vec<String> = store
        .list()
        .unwrap()
        .meetings
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    assert!(listed.contains(&"2026-12-16".to_string()), "{listed:?}");
    assert!(!listed.contains(&"2026-12-09".to_string()), "{listed:?}");
    // Its lock is free again, and the new one's too.
    assert!(store.lock(&dec).is_ok() && store.lock(&to).is_ok());
}

#[test]
fn a_meeting_whose_actions_were_carried_into_the_next_is_not_moved_and_says_why() {
    let (_tmp, store) = demo();
    let nov = id("2026-11-11");
    let before = fs::read(store.path_of(&nov)).unwrap();
    let why = refusal(store.rename_meeting(&nov, date("2026-11-18")).unwrap_err());
    assert!(
        why.contains("meeting 2026-12-09 names it as the previous meeting it approves"),
        "{why}"
    );
    assert!(
        why.contains("meeting 2026-12-09 carries its action 2026-11-11#"),
        "{why}"
    );
    assert_eq!(fs::read(store.path_of(&nov)).unwrap(), before);
    assert!(!store.exists(&id("2026-11-18")));
    assert!(!store.trash_dir().exists(), "nothing was moved");
}

#[test]
fn sealed_minutes_are_never_moved() {
    let (_tmp, store) = demo();
    let oct = id("2026-10-14");
    assert_eq!(
        store.load(&oct).unwrap().meeting.status,
        MeetingStatus::Approved
    );
    let why = refusal(store.rename_meeting(&oct, date("2026-10-21")).unwrap_err());
    assert!(why.contains("approved") && why.contains("sealed"), "{why}");
}

#[test]
fn a_date_already_holding_a_meeting_is_refused_naming_it() {
    let (_tmp, store) = demo();
    let mut jan = store.load(&id("2026-12-09")).unwrap().meeting;
    crate::model::rename::rename(&mut jan, id("2027-01-13"));
    jan.previous = None;
    jan.actions.clear();
    store.create(&jan).unwrap();
    let why = refusal(
        store
            .rename_meeting(&id("2027-01-13"), date("2026-12-09"))
            .unwrap_err(),
    );
    assert!(
        why.contains("this board already meets on 2026-12-09: meeting 2026-12-09"),
        "{why}"
    );
    assert!(store.exists(&id("2027-01-13")));
}

#[test]
fn a_journal_holding_typing_not_yet_saved_stops_the_move() {
    let (_tmp, store) = demo();
    let dec = id("2026-12-09");
    let file = store.load(&dec).unwrap().file;
    let path = store.journal_path(&dec);
    let mut j = super::super::journal::Journal::start(store.disk(), &path, &dec, file).unwrap();
    j.append(&["typed after the last save"]).unwrap();
    drop(j);
    let why = refusal(store.rename_meeting(&dec, date("2026-12-16")).unwrap_err());
    assert!(
        why.contains("journal") && why.contains("2026-12-09.journal"),
        "{why}"
    );
    assert!(store.exists(&dec));
}

#[test]
fn a_meeting_open_in_another_workspace_is_not_moved_and_the_holder_is_named() {
    let (_tmp, store) = demo();
    let dec = id("2026-12-09");
    let _held = store.lock(&dec).unwrap();
    let e = store.rename_meeting(&dec, date("2026-12-16")).unwrap_err();
    assert!(
        e.to_string().contains("open in another minutebook (pid"),
        "{e}"
    );
    assert!(store.exists(&dec));
}

#[test]
fn the_holder_of_the_lock_moves_it_and_carries_on_saving_under_the_new_id() {
    let (_tmp, store) = demo();
    let dec = id("2026-12-09");
    let (_, handle) = store.open_to_change(&dec).unwrap();
    let mut moved = store.rename_held(&handle, date("2026-12-16")).unwrap();
    drop(handle);
    assert_eq!(moved.trashed.name, "2026-12-09.moved-to-2026-12-16.json");
    moved.meeting.venue = "Room 2".into();
    store.save(&mut moved.handle, &moved.meeting).unwrap();
    assert_eq!(
        store.load(&id("2026-12-16")).unwrap().meeting.venue,
        "Room 2"
    );
    assert!(matches!(
        store.lock(&id("2026-12-16")),
        Err(StoreError::Locked { .. })
    ));
}

#[test]
fn changing_details_and_date_together_is_all_or_nothing() {
    let (_tmp, store) = demo();
    let nov = id("2026-11-11");
    let before = fs::read(store.path_of(&nov)).unwrap();
    let e = store.change_meeting(&nov, Some(date("2026-11-18")), |m| {
        m.venue = "Room 9".into();
        Ok(())
    });
    assert!(e.is_err());
    assert_eq!(
        fs::read(store.path_of(&nov)).unwrap(),
        before,
        "nothing changed"
    );
    let dec = id("2026-12-09");
    let done = store
        .change_meeting(&dec, Some(date("2026-12-16")), |m| {
            m.venue = "Room 9".into();
            Ok(())
        })
        .unwrap();
    assert_eq!(done.meeting.id, id("2026-12-16"));
    assert_eq!(
        store.load(&done.meeting.id).unwrap().meeting.venue,
        "Room 9"
    );
    assert_eq!(
        done.moved.unwrap().name,
        "2026-12-09.moved-to-2026-12-16.json"
    );
}

#[test]
fn a_failure_at_any_step_of_a_move_leaves_the_meeting_whole_under_one_id() {
    use crate::store::FaultPlan;
    use std::sync::Arc;
    let (dec, to) = (id("2026-12-09"), id("2026-12-16"));
    let fresh = || {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path().join("data")).unwrap();
        store.create(&crate::demo::year().pop().unwrap()).unwrap();
        (tmp, store)
    };
    let (_tmp, store) = fresh();
    let counted = Arc::new(FaultPlan::count_only());
    let counting = Store::open(store.dir())
        .unwrap()
        .with_faults(counted.clone());
    counting.rename_meeting(&dec, date("2026-12-16")).unwrap();
    let ops = counted.ops();
    assert!(ops > 5, "{ops}");
    for n in 1..=ops {
        let (_tmp, store) = fresh();
        let before = fs::read(store.path_of(&dec)).unwrap();
        let plan = Arc::new(FaultPlan::fail_nth(n, libc::EIO));
        let faulty = Store::open(store.dir()).unwrap().with_faults(plan.clone());
        match faulty.rename_meeting(&dec, date("2026-12-16")) {
            Ok(_) => {
                assert!(!store.exists(&dec), "op {n}: {:?}", plan.log());
                assert_eq!(store.load(&to).unwrap().meeting.id, to, "op {n}");
                assert_eq!(
                    fs::read(
                        store
                            .trash_dir()
                            .join("2026-12-09.moved-to-2026-12-16.json")
                    )
                    .unwrap(),
                    before
                );
            }
            Err(e) => {
                assert_eq!(
                    fs::read(store.path_of(&dec)).unwrap(),
                    before,
                    "op {n}: {e}"
                );
                assert!(
                    !store.exists(&to),
                    "op {n}: a half-made move is taken back: {e}"
                );
                assert!(
                    !store.trash_dir().join("2026-12-09.json").exists(),
                    "op {n}: {e}"
                );
            }
        }
    }
}
