use std::fs;

use super::*;

fn id(s: &str) -> MeetingId {
    MeetingId::parse(s).unwrap()
}

fn demo() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    for m in crate::demo::year() {
        store.create(&m).unwrap();
    }
    (tmp, store)
}

#[test]
fn a_deleted_meeting_goes_to_a_private_trash_and_comes_back_byte_for_byte() {
    let (_tmp, store) = demo();
    let dec = id("2026-12-09");
    let before = fs::read(store.path_of(&dec)).unwrap();
    let trashed = store.trash_meeting(&dec).unwrap();
    assert_eq!(trashed.name, "2026-12-09.json");
    assert!(!store.exists(&dec));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(store.trash_dir())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }
    let listed = store.trashed().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].meeting.as_ref().unwrap().id, dec);
    assert_eq!(store.restore_meeting("2026-12-09.json").unwrap(), dec);
    assert_eq!(fs::read(store.path_of(&dec)).unwrap(), before);
    assert!(store.trashed().unwrap().is_empty());
}

#[test]
fn a_second_copy_in_the_trash_gets_a_number_and_neither_is_overwritten() {
    let (_tmp, store) = demo();
    let dec = id("2026-12-09");
    let first = fs::read(store.path_of(&dec)).unwrap();
    store.trash_meeting(&dec).unwrap();
    let mut again = crate::demo::year().pop().unwrap();
    again.venue = "Room 2".into();
    store.create(&again).unwrap();
    assert_eq!(store.trash_meeting(&dec).unwrap().name, "2026-12-09.2.json");
    assert_eq!(
        fs::read(store.trash_dir().join("2026-12-09.json")).unwrap(),
        first
    );
    // Restoring one while the other is back is refused, naming the file in the way.
    store.restore_meeting("2026-12-09.2.json").unwrap();
    let e = store.restore_meeting("2026-12-09.json").unwrap_err();
    assert!(
        e.to_string().contains("2026-12-09.json is there already"),
        "{e}"
    );
    assert_eq!(store.load(&dec).unwrap().meeting.venue, "Room 2");
}

#[test]
fn approved_minutes_and_meetings_others_name_are_not_deleted() {
    let (_tmp, store) = demo();
    for (meeting, said) in [
        ("2026-10-14", "sealed"),
        ("2026-11-11", "meeting 2026-12-09 carries its action"),
    ] {
        let e = store.trash_meeting(&id(meeting)).unwrap_err();
        assert!(e.to_string().contains(said), "{meeting}: {e}");
        assert!(store.exists(&id(meeting)));
    }
    assert!(store.trashed().unwrap().is_empty());
}

#[test]
fn a_meeting_open_elsewhere_is_not_deleted_and_the_holder_is_named() {
    let (_tmp, store) = demo();
    let dec = id("2026-12-09");
    let _held = store.lock(&dec).unwrap();
    let e = store.trash_meeting(&dec).unwrap_err();
    assert!(
        e.to_string().contains("open in another minutebook (pid"),
        "{e}"
    );
    assert!(store.exists(&dec));
}

#[test]
fn restoring_takes_only_a_plain_name_from_the_trash() {
    let (tmp, store) = demo();
    fs::write(tmp.path().join("outside.json"), "{}").unwrap();
    store.trash_meeting(&id("2026-12-09")).unwrap();
    for bad in [
        "../outside.json",
        "../data/2026-11-11.json",
        "",
        ".hidden.json",
        "nothing.json",
    ] {
        let e = store.restore_meeting(bad).unwrap_err();
        assert!(e.to_string().contains("in the trash"), "{bad}: {e}");
    }
}

#[test]
fn a_failure_at_any_step_of_deleting_or_restoring_leaves_the_file_in_exactly_one_place() {
    use crate::store::FaultPlan;
    use std::sync::Arc;
    let dec = id("2026-12-09");
    let fresh = |trashed: bool| {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path().join("data")).unwrap();
        store.create(&crate::demo::year().pop().unwrap()).unwrap();
        if trashed {
            store.trash_meeting(&dec).unwrap();
        }
        (tmp, store)
    };
    for restoring in [false, true] {
        let run = |s: &Store| match restoring {
            false => s.trash_meeting(&dec).map(|_| ()),
            true => s.restore_meeting("2026-12-09.json").map(|_| ()),
        };
        let (_tmp, store) = fresh(restoring);
        let counted = Arc::new(FaultPlan::count_only());
        run(&Store::open(store.dir())
            .unwrap()
            .with_faults(counted.clone()))
        .unwrap();
        for n in 1..=counted.ops() {
            let (_tmp, store) = fresh(restoring);
            let (data, trash) = (
                store.path_of(&dec),
                store.trash_dir().join("2026-12-09.json"),
            );
            let before = fs::read(if restoring { &trash } else { &data }).unwrap();
            let plan = Arc::new(FaultPlan::fail_nth(n, libc::EIO));
            let done = run(&Store::open(store.dir()).unwrap().with_faults(plan));
            let (now_at, not_at) = match (done.is_ok(), restoring) {
                (true, false) | (false, true) => (&trash, &data),
                (true, true) | (false, false) => (&data, &trash),
            };
            assert_eq!(
                fs::read(now_at).unwrap(),
                before,
                "op {n} ({restoring}): {done:?}"
            );
            assert!(!not_at.exists(), "op {n} ({restoring}): {done:?}");
        }
    }
}

#[test]
fn a_second_leftover_of_moves_to_one_meeting_is_still_known_as_a_move() {
    assert_eq!(
        moved_to("2026-12-09.moved-to-2026-12-10-cpb.2.json"),
        Some(id("2026-12-10-cpb"))
    );
    assert_eq!(
        moved_to("2026-12-09.moved-to-2026-12-10.json"),
        Some(id("2026-12-10"))
    );
    assert_eq!(moved_to("2026-12-09.2.json"), None, "a deleted meeting");
}
