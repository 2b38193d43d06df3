//! The session against a real store in a temp folder: crashes are a session dropped
//! without saving, outside changes are writes to its files.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::app::tests::workspace::Workspace;
use crate::app::{Effect, Overlay};
use crate::model::MeetingId;
use crate::store::{FaultPlan, Op};
use crate::ui::theme::Theme;
use chrono::{NaiveDate, NaiveTime};

mod faults;
mod numbering;

fn december_id() -> MeetingId {
    MeetingId::parse("2026-12-09").unwrap()
}

fn store_with(meetings: Vec<Meeting>) -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    for m in meetings {
        store.create(&m).unwrap();
    }
    (tmp, store)
}

fn demo_store() -> (tempfile::TempDir, Store) {
    store_with(crate::demo::year())
}

/// Opens `id` as the run loop does; returns the offer of a journal found, if any.
fn open(store: &Store, id: &MeetingId) -> (Session, Workspace, Option<Vec<String>>, Vec<String>) {
    open_in(Store::open(store.dir()).unwrap(), id)
}

/// As `open`, with the session on `store` itself (a store with faults keeps them).
fn open_in(store: Store, id: &MeetingId) -> (Session, Workspace, Option<Vec<String>>, Vec<String>) {
    let (meeting, handle) = store.open_meeting(id).unwrap();
    let read_only = handle.read_only().map(str::to_string);
    let mut session = Session::new(store, handle, meeting.clone());
    let mut notes = Vec::new();
    let offer = session.find_orphan(&mut notes).unwrap();
    let at = NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(14, 0, 0).unwrap());
    let mut app = Workspace::new(App::new(meeting, read_only, at, Theme::plain()));
    if let Some(lines) = &offer {
        app.offer_recovery(lines.clone());
    }
    (session, app, offer, notes)
}

/// Types into the first item's minutes and journals it, as a run-loop turn would.
fn type_minutes(session: &mut Session, app: &mut Workspace, text: &str) {
    app.alt('3').typed(text);
    session.journal(app);
}

/// Opens `id`, types `text` into the first item's minutes and crashes: the session is
/// dropped with nothing saved, so only the journal holds the text.
fn crash_after_typing(store: &Store, id: &MeetingId, text: &str) {
    let (mut session, mut app, _, _) = open(store, id);
    type_minutes(&mut session, &mut app, text);
    drop((session, app));
}

/// Answers the overlay on screen with `key` and lets the session carry it out.
fn answer(session: &mut Session, app: &mut Workspace, key: char) {
    app.typed(&key.to_string());
    for effect in app.take_effects() {
        match effect {
            Effect::Recovery(c) => session.resolve_recovery(app, c),
            Effect::Conflict(c) => session.resolve_conflict(app, c),
            other => panic!("unexpected {other:?}"),
        }
    }
}

fn first_minutes(store: &Store, id: &MeetingId) -> String {
    store.load(id).unwrap().meeting.agenda[0].minutes.clone()
}

fn files(dir: &Path, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    names.sort();
    names
}

/// Changes the file on disk as another program would (here: under its own lock-free write).
fn change_on_disk(store: &Store, id: &MeetingId, change: impl FnOnce(&mut Meeting)) {
    let mut m = store.load(id).unwrap().meeting;
    change(&mut m);
    let path = store.path_of(id);
    fs::write(&path, crate::store::schema::encode(&m)).unwrap();
}

const TYPED: &str = "Apologies were received from Cllr Raman.";

#[test]
fn a_journal_whose_meeting_a_cli_command_changed_since_is_still_offered_and_recovered() {
    let (_tmp, store) = demo_store();
    let id = december_id();
    let (mut session, mut app, offer, _) = open(&store, &id);
    assert!(offer.is_none());
    type_minutes(&mut session, &mut app, TYPED);
    drop((session, app)); // the crash: nothing saved

    // `approve` records its resolution in this meeting meanwhile (another item).
    store
        .amend(&id, |m| {
            m.agenda[1]
                .minutes
                .push_str("RESOLVED – That the minutes be approved.\n");
            Ok(())
        })
        .unwrap();

    let (mut session, mut app, offer, notes) = open(&store, &id);
    let lines = offer.expect("the journal is offered, not set aside as superseded");
    assert!(notes.is_empty(), "{notes:?}");
    let delta = format!("+{} characters", TYPED.chars().count());
    assert!(lines[0].contains(&delta), "{lines:?}");
    answer(&mut session, &mut app, 'r');
    assert_eq!(
        first_minutes(&store, &id),
        TYPED,
        "the recovered text is in the file"
    );
    let m = store.load(&id).unwrap().meeting;
    assert!(
        m.agenda[1].minutes.contains("RESOLVED"),
        "and so is the CLI's change"
    );
    assert_eq!(files(store.dir(), "2026-12-09.journal.recovered-").len(), 1);
}

#[test]
fn a_journal_survives_a_copy_of_the_data_directory() {
    let (tmp, store) = demo_store();
    let id = december_id();
    crash_after_typing(&store, &id, TYPED);

    // Copied elsewhere (new inodes and times, same bytes), and opened from there.
    let copy_dir = tmp.path().join("copied");
    fs::create_dir(&copy_dir).unwrap();
    for name in files(store.dir(), "2026-12-09.") {
        fs::copy(store.dir().join(&name), copy_dir.join(&name)).unwrap();
    }
    let copied = Store::open(&copy_dir).unwrap();
    let (mut session, mut app, offer, _) = open(&copied, &id);
    assert!(
        offer.is_some(),
        "the copied journal still fits the copied file"
    );
    answer(&mut session, &mut app, 'r');
    assert_eq!(first_minutes(&copied, &id), TYPED);
}

#[test]
fn a_journal_for_minutes_changed_since_is_offered_as_a_separate_copy() {
    let (_tmp, store) = demo_store();
    let id = december_id();
    crash_after_typing(&store, &id, TYPED);
    change_on_disk(&store, &id, |m| {
        m.agenda[0].minutes = "Typed on another laptop.".into()
    });

    let (mut session, mut app, offer, _) = open(&store, &id);
    let lines = offer.expect("offered");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("only be kept as a separate copy")),
        "{lines:?}"
    );
    answer(&mut session, &mut app, 'r');
    assert_eq!(
        first_minutes(&store, &id),
        "Typed on another laptop.",
        "the other change is not overwritten"
    );
    let copy = MeetingId::parse("2026-12-09-recovered").unwrap();
    assert_eq!(
        first_minutes(&store, &copy),
        TYPED,
        "the typed text is in the copy"
    );
    assert!(
        app.flash
            .as_deref()
            .unwrap()
            .contains("2026-12-09-recovered")
    );
}

#[test]
fn keeping_a_copy_of_a_meeting_with_a_long_id_works_and_keeps_the_text() {
    let mut m = crate::demo::year().pop().unwrap();
    let long = "2026-12-09-extraordinary-meeting-on-child-placement";
    assert_eq!(
        long.len(),
        10 + 1 + 40,
        "a suffix at the 40-character limit"
    );
    m.id = MeetingId::parse(long).unwrap();
    let (_tmp, store) = store_with(vec![m]);
    let id = MeetingId::parse(long).unwrap();
    crash_after_typing(&store, &id, TYPED);

    let (mut session, mut app, offer, _) = open(&store, &id);
    assert!(offer.is_some());
    answer(&mut session, &mut app, 'k');
    let flash = app.flash.clone().unwrap();
    assert!(!flash.contains("no free id"), "{flash}");
    let copies = files(store.dir(), "2026-12-09-extraordinary");
    let copy = copies
        .iter()
        .find(|n| n.ends_with("recovered.json"))
        .unwrap_or_else(|| panic!("a copy was made: {copies:?}"));
    let copy = MeetingId::parse(copy.strip_suffix(".json").unwrap()).unwrap();
    assert_eq!(first_minutes(&store, &copy), TYPED);
    assert!(flash.contains(copy.as_str()), "{flash}");
    assert_eq!(
        first_minutes(&store, &id),
        "",
        "this meeting is as last saved"
    );
}

#[test]
fn recovering_saves_the_text_before_setting_the_journal_aside_and_a_failed_set_aside_loses_nothing()
{
    let (_tmp, store) = demo_store();
    let id = december_id();
    crash_after_typing(&store, &id, TYPED);

    let (mut session, mut app, offer, _) = open(&store, &id);
    assert!(offer.is_some());
    // The second rename is the journal's set-aside (the first puts the saved file in place);
    // the third would put an empty journal in its place.
    let plan = Arc::new(
        FaultPlan::fail_nth(2, libc::EIO)
            .only(Op::Rename)
            .from_then_on(),
    );
    session.store = Store::open(store.dir()).unwrap().with_faults(plan.clone());
    answer(&mut session, &mut app, 'r');
    let renames = plan.log();
    assert_eq!(plan.fired(), 2);
    assert_eq!(renames[0].1, store.path_of(&id), "the save came first");
    let aside = renames[1].1.file_name().unwrap().to_string_lossy();
    assert!(
        aside.starts_with("2026-12-09.journal.recovered-"),
        "{aside}"
    );
    assert_eq!(first_minutes(&store, &id), TYPED, "saved first");
    let journal = store.journal_path(&id);
    assert!(journal.exists(), "the journal stays where it is");
    let flash = app.flash.clone().unwrap();
    assert!(
        flash.contains("could not be set aside") && flash.contains("saved"),
        "{flash}"
    );
    assert_eq!(app.revision(), app.saved_revision(), "nothing left unsaved");
    drop((session, app));

    // Next time it is recognised as already in the file, and said so.
    let (_session, _app, offer, notes) = open(&store, &id);
    assert!(offer.is_none());
    assert!(
        notes[0].contains("already in the meeting file"),
        "{notes:?}"
    );
}

#[test]
fn a_touched_meeting_file_still_saves() {
    let (_tmp, store) = demo_store();
    let id = december_id();
    let (mut session, mut app, _, _) = open(&store, &id);
    type_minutes(&mut session, &mut app, TYPED);
    // A backup tool copies the file over itself: same bytes, new inode and time.
    let path = store.path_of(&id);
    let bytes = fs::read(&path).unwrap();
    let tmp = path.with_extension("bak");
    fs::write(&tmp, &bytes).unwrap();
    fs::rename(&tmp, &path).unwrap();
    session.save(&mut app);
    assert_eq!(app.save_error(), None);
    assert!(app.overlay.is_none());
    assert_eq!(first_minutes(&store, &id), TYPED);
}

/// Opens December, types and saves, types more, and has someone else change the file.
fn conflict(store: &Store, id: &MeetingId) -> (Session, Workspace) {
    conflict_in(store, Store::open(store.dir()).unwrap(), id)
}

/// As `conflict`, with the session on `session_store` (changes on disk go through `store`).
fn conflict_in(store: &Store, session_store: Store, id: &MeetingId) -> (Session, Workspace) {
    let (mut session, mut app, _, _) = open_in(session_store, id);
    type_minutes(&mut session, &mut app, "Saved words. ");
    session.save(&mut app);
    assert_eq!(app.save_error(), None);
    type_minutes(&mut session, &mut app, "Unsaved words.");
    app.sync_editor();
    app.changed(false);
    change_on_disk(store, id, |m| m.venue = "Committee Room 9".into());
    session.save(&mut app);
    assert!(
        app.save_error()
            .unwrap()
            .contains("changed by something else"),
        "{:?}",
        app.save_error()
    );
    match &app.overlay {
        Some(Overlay::Conflict { lines }) => {
            assert!(
                lines.iter().any(|l| l.contains("+14 characters")),
                "{lines:?}"
            )
        }
        other => panic!("the clerk is asked what to do, got {other:?}"),
    }
    (session, app)
}

#[test]
fn keep_both_saves_my_version_as_a_copy_and_shows_theirs() {
    let (_tmp, store) = demo_store();
    let id = december_id();
    let (mut session, mut app) = conflict(&store, &id);
    answer(&mut session, &mut app, 'k');
    let copy = MeetingId::parse("2026-12-09-copy").unwrap();
    assert_eq!(first_minutes(&store, &copy), "Saved words. Unsaved words.");
    assert_eq!(app.meeting.venue, "Committee Room 9", "theirs is shown");
    assert!(app.flash.as_deref().unwrap().contains("2026-12-09-copy"));
    // And saving works again.
    type_minutes(&mut session, &mut app, "After.");
    app.sync_editor();
    app.changed(false);
    session.save(&mut app);
    assert_eq!(app.save_error(), None);
    let m = store.load(&id).unwrap().meeting;
    assert_eq!(m.venue, "Committee Room 9");
    assert!(
        m.agenda[0].minutes.contains("After."),
        "{}",
        m.agenda[0].minutes
    );
}

#[test]
fn reload_replays_my_typing_onto_their_version() {
    let (_tmp, store) = demo_store();
    let id = december_id();
    let (mut session, mut app) = conflict(&store, &id);
    answer(&mut session, &mut app, 'r');
    assert_eq!(app.save_error(), None, "{:?}", app.flash);
    let m = store.load(&id).unwrap().meeting;
    assert_eq!(m.venue, "Committee Room 9");
    assert_eq!(m.agenda[0].minutes, "Saved words. Unsaved words.");
}

/// "Reload theirs" reads the changed file once: the version checked against the typing is
/// the version adopted, so a change made between two reads cannot be adopted unchecked.
#[test]
fn reload_reads_the_changed_file_once_and_adopts_what_it_checked() {
    let (_tmp, store) = demo_store();
    let plan = Arc::new(FaultPlan::count_only());
    let counted = Store::open(store.dir()).unwrap().with_faults(plan.clone());
    let id = december_id();
    let path = store.path_of(&id);
    let reads = |from: usize| {
        plan.log()[from..]
            .iter()
            .filter(|(op, p)| *op == Op::Read && *p == path)
            .count()
    };
    let (mut session, mut app) = conflict_in(&store, counted, &id);
    let from = plan.log().len();
    answer(&mut session, &mut app, 'r');
    assert_eq!(app.save_error(), None, "{:?}", app.flash);
    let reload = reads(from);
    // A save on its own, for comparison: what the reload reads beyond it is the reload's.
    let from = plan.log().len();
    type_minutes(&mut session, &mut app, " More.");
    app.sync_editor();
    app.changed(false);
    session.save(&mut app);
    assert_eq!(app.save_error(), None);
    assert_eq!(
        reload,
        reads(from) + 1,
        "the changed file read once by the reload"
    );
}

#[test]
fn reload_is_refused_when_they_changed_the_same_minutes_and_the_question_comes_back() {
    let (_tmp, store) = demo_store();
    let id = december_id();
    let (mut session, mut app) = conflict(&store, &id);
    change_on_disk(&store, &id, |m| m.agenda[0].minutes = "Their words.".into());
    answer(&mut session, &mut app, 'r');
    assert!(
        matches!(app.overlay, Some(Overlay::Conflict { .. })),
        "asked again"
    );
    assert!(
        app.flash
            .as_deref()
            .unwrap()
            .contains("changed in their version too")
    );
    assert_eq!(
        first_minutes(&store, &id),
        "Their words.",
        "theirs untouched"
    );
    answer(&mut session, &mut app, 'c');
    let copy = MeetingId::parse("2026-12-09-copy").unwrap();
    assert_eq!(app.meeting.id, copy, "carrying on in the copy");
    assert_eq!(first_minutes(&store, &copy), "Saved words. Unsaved words.");
    type_minutes(&mut session, &mut app, " More.");
    app.sync_editor();
    app.changed(false);
    session.save(&mut app);
    assert_eq!(app.save_error(), None);
    assert!(first_minutes(&store, &copy).contains("More."));
    assert_eq!(first_minutes(&store, &id), "Their words.");
}

/// A journal that cannot be kept is a warning beside a true save state, never "NOT SAVED"
/// for text that is in the file; and it makes the save urgent, since only the file then
/// holds the typing.
#[test]
fn a_journal_that_cannot_be_kept_never_says_not_saved_for_text_in_the_file() {
    let (_tmp, store) = demo_store();
    let id = december_id();
    let (mut session, mut app, _, _) = open(&store, &id);
    // Something in the way of the journal's name: it can never be started.
    fs::create_dir(store.journal_path(&id)).unwrap();
    type_minutes(&mut session, &mut app, "Quorum confirmed.");
    let state = app.save_state();
    assert!(!state.starts_with("NOT SAVED"), "{state}");
    assert!(state.contains("NO JOURNAL"), "{state}");
    assert!(app.urgent_save(), "only the file can keep the typing now");

    session.save(&mut app);
    assert!(first_minutes(&store, &id).contains("Quorum confirmed."));
    let state = app.save_state();
    assert!(state.starts_with("saved"), "{state}");
    assert!(state.contains("NO JOURNAL"), "{state}");

    // The way is cleared: the next edit keeps a journal again and the warning goes.
    fs::remove_dir(store.journal_path(&id)).unwrap();
    type_minutes(&mut session, &mut app, " Apologies noted.");
    assert_eq!(app.save_state(), "saving");
}

/// A journal whose write failed is never replaced while typing it missed is in no file:
/// a fresh journal would count its edits from text it does not hold, and the next start
/// would set it aside as unusable. Typing from before the failure stays recoverable.
#[test]
fn a_failed_journal_is_not_restarted_over_typing_that_is_in_no_file() {
    let (_tmp, store) = demo_store();
    let id = december_id();
    // How many writes the first typing takes, on a store that only counts.
    let count = {
        let (_t, s) = demo_store();
        let plan = Arc::new(FaultPlan::count_only().only(Op::Write));
        let s = Store::open(s.dir()).unwrap().with_faults(plan.clone());
        let (meeting, handle) = s.open_meeting(&id).unwrap();
        let mut session = Session::new(s, handle, meeting.clone());
        let mut app = Workspace::new(App::new(
            meeting,
            None,
            NaiveDate::from_ymd_opt(2026, 12, 9)
                .unwrap()
                .and_hms_opt(14, 0, 0)
                .unwrap(),
            Theme::plain(),
        ));
        type_minutes(&mut session, &mut app, "Alpha ");
        plan.ops()
    };
    let plan = Arc::new(
        FaultPlan::fail_nth(count + 1, libc::EIO)
            .only(Op::Write)
            .from_then_on(),
    );
    let faulty = Store::open(store.dir()).unwrap().with_faults(plan.clone());
    let (meeting, handle) = faulty.open_meeting(&id).unwrap();
    let mut session = Session::new(faulty, handle, meeting.clone());
    let at = NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_hms_opt(14, 0, 0)
        .unwrap();
    let mut app = Workspace::new(App::new(meeting, None, at, Theme::plain()));
    type_minutes(&mut session, &mut app, "Alpha ");
    assert_eq!(plan.fired(), 0, "the first typing is journaled");
    type_minutes(&mut session, &mut app, "Beta ");
    assert!(plan.fired() > 0, "the journal write failed");
    session.save(&mut app);
    assert!(
        app.save_state().starts_with("NOT SAVED"),
        "{}",
        app.save_state()
    );
    // The disk comes back; the clerk types before the save is tried again, then it crashes.
    plan.disarm();
    type_minutes(&mut session, &mut app, "Gamma");
    drop((session, app));

    let (_session, _app, offer, notes) = open(&store, &id);
    assert!(
        notes.iter().all(|n| !n.contains("could not be replayed")),
        "{notes:?}"
    );
    let offer = offer.expect("the journal from before the failure is offered");
    assert!(offer.join(" ").contains("Alpha"), "{offer:?}");
}

#[test]
fn switching_saves_this_meeting_and_carries_on_in_the_other_holding_its_lock() {
    let (_tmp, store) = demo_store();
    let (mut session, mut app, _, _) = open(&store, &december_id());
    type_minutes(&mut session, &mut app, "Typed before the switch. ");
    let november = MeetingId::parse("2026-11-11").unwrap();
    session.switch_to(&mut app, &november);
    assert_eq!(app.meeting.id, november);
    assert_eq!(
        app.revision(),
        app.saved_revision(),
        "nothing unsaved after a switch"
    );
    let december = store.load(&december_id()).unwrap().meeting;
    assert!(
        december.agenda[0]
            .minutes
            .contains("Typed before the switch."),
        "the meeting left was saved first"
    );
    // December's lock is free again; November's is held by this session.
    assert!(store.lock(&december_id()).is_ok());
    assert!(matches!(
        store.lock(&november),
        Err(crate::store::StoreError::Locked { .. })
    ));
}

#[test]
fn moving_the_date_saves_renames_under_the_lock_and_carries_on_in_the_new_id() {
    let (_tmp, store) = demo_store();
    let (mut session, mut app, _, _) = open(&store, &december_id());
    type_minutes(&mut session, &mut app, "Typed before the move. ");
    let to = NaiveDate::from_ymd_opt(2026, 12, 16).unwrap();
    session.move_to(&mut app, to);
    let new = MeetingId::parse("2026-12-16").unwrap();
    assert_eq!(app.meeting.id, new, "{:?}", app.flash);
    assert!(
        app.flash.as_deref().unwrap().contains("is now 2026-12-16"),
        "{:?}",
        app.flash
    );
    assert_eq!(app.revision(), app.saved_revision());
    let moved = store.load(&new).unwrap().meeting;
    assert!(moved.agenda[0].minutes.contains("Typed before the move."));
    assert!(!store.exists(&december_id()));
    assert!(
        store
            .trash_dir()
            .join("2026-12-09.moved-to-2026-12-16.json")
            .exists()
    );
    // The new id is held here; the old one is free.
    assert!(matches!(store.lock(&new), Err(StoreError::Locked { .. })));
    assert!(store.lock(&december_id()).is_ok());
    // Typing goes on into the new file.
    type_minutes(&mut session, &mut app, "And after. ");
    session.save(&mut app);
    assert!(
        store.load(&new).unwrap().meeting.agenda[0]
            .minutes
            .contains("And after.")
    );
}

#[test]
fn a_move_another_meeting_forbids_leaves_the_workspace_where_it_was_saying_why() {
    let (_tmp, store) = demo_store();
    let nov = MeetingId::parse("2026-11-11").unwrap();
    let (mut session, mut app, _, _) = open(&store, &nov);
    session.move_to(&mut app, NaiveDate::from_ymd_opt(2026, 11, 18).unwrap());
    assert_eq!(app.meeting.id, nov);
    let said = app.flash.clone().unwrap();
    assert!(
        said.starts_with("The date was not changed, so this is still meeting 2026-11-11"),
        "{said}"
    );
    assert!(
        said.contains("meeting 2026-12-09 carries its action 2026-11-11#1"),
        "{said}"
    );
    assert!(store.exists(&nov));
    assert!(
        matches!(store.lock(&nov), Err(StoreError::Locked { .. })),
        "still held here"
    );
}
