//! The run loop's saving against a disk whose directory sync fails: what the clerk sees.

use super::*;
use crate::store::{FaultPlan, Op};
use crate::ui::theme::Theme;
use std::sync::Arc;

#[test]
fn a_save_whose_directory_sync_fails_is_shown_saved_not_yet_durable_until_a_retry_succeeds() {
    let tmp = tempfile::tempdir().unwrap();
    let meeting = crate::demo::year().pop().unwrap();
    Store::open(tmp.path()).unwrap().create(&meeting).unwrap();
    let plan = Arc::new(FaultPlan::fail_nth(1, 5).only(Op::SyncDir).from_then_on()); // EIO
    let store = Store::open(tmp.path()).unwrap().with_faults(plan.clone());
    let (meeting, handle) = store.open_meeting(&meeting.id).unwrap();
    let path = store.path_of(&meeting.id);
    let mut session = Session::new(store, handle, meeting.clone());
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_hms_opt(14, 0, 0)
        .unwrap();
    let mut app = App::new(meeting, None, now, Theme::plain());

    for venue in ["Council Chamber", "Committee Room 2"] {
        app.meeting.venue = venue.into();
        app.changed(true);
        session.save(&mut app);
        // The file holds it, so it is saved (and later saves are not refused as "changed by
        // something else"), but the clerk is told it is not yet durable.
        assert!(std::fs::read_to_string(&path).unwrap().contains(venue));
        assert_eq!(app.saved_revision(), app.revision());
        assert_eq!(app.save_error(), None);
        let state = app.save_state();
        assert!(state.starts_with("SAVED, NOT YET DURABLE"), "{state}");
        assert!(
            session.journal.is_some(),
            "a fresh journal follows the save"
        );
    }
    // The disk recovers: the run loop's retry makes it durable and the bar says saved.
    plan.disarm();
    session.save(&mut app);
    assert_eq!(app.save_state(), "saved");
    assert!(!session.store.sync_owed());
}
