//! Ending the meeting in the workspace numbers its minutes before the draft is saved,
//! from the board's count on disk; an item added to the draft later takes the next number.

use super::*;
use crate::model::minute_numbers;

/// December in the demo, its board's record made as the workspace makes it on opening.
fn migrated_demo() -> (tempfile::TempDir, Store) {
    let (tmp, store) = demo_store();
    store.migrate_boards().unwrap();
    (tmp, store)
}

fn refs(m: &Meeting) -> Vec<String> {
    m.agenda
        .iter()
        .filter_map(|i| i.minute.as_ref().map(|r| r.0.clone()))
        .collect()
}

#[test]
fn ending_the_meeting_in_the_workspace_numbers_the_draft_after_the_last_minute_on_record() {
    let (_tmp, store) = migrated_demo();
    let id = december_id();
    let (mut session, mut app, _, _) = open(&store, &id);
    app.typed("ss").typed("Ey");
    assert_eq!(app.meeting.status, crate::model::MeetingStatus::Draft);
    session.save(&mut app);
    assert_eq!(app.save_error(), None);
    let saved = store.load(&id).unwrap().meeting;
    let november = store
        .load(&MeetingId::parse("2026-11-11").unwrap())
        .unwrap()
        .meeting;
    let n = |r: &str| r.rsplit('/').next().unwrap().parse::<u32>().unwrap();
    let last = minute_numbers::highest_in(&serde_json::to_string(&november).unwrap(), "CPB", 26);
    let given = refs(&saved);
    assert_eq!(given.len(), saved.agenda.len(), "every top-level minute");
    assert_eq!(n(&given[0]), last + 1, "{given:?}");
    let flash = app.flash.clone().unwrap_or_default();
    assert!(
        flash.contains(&format!("The minutes are numbered {} to", given[0])),
        "{flash}"
    );
    assert!(
        store
            .minute_count_path(&crate::model::BoardId::parse("cpb").unwrap())
            .exists()
    );

    // Saving again gives nothing new: numbers are given once.
    app.alt('3').typed("More.");
    app.sync_editor();
    session.save(&mut app);
    assert_eq!(refs(&store.load(&id).unwrap().meeting), given);
}

#[test]
fn a_draft_from_before_minutes_were_numbered_is_saved_without_numbers() {
    let (_tmp, store) = migrated_demo();
    // November's draft, as a build before format 4 left it: no references at all.
    let id = MeetingId::parse("2026-11-11").unwrap();
    change_on_disk(&store, &id, |m| {
        m.exclusion_minute = None;
        for i in &mut m.agenda {
            i.minute = None;
        }
    });
    let (mut session, mut app, _, _) = open(&store, &id);
    type_minutes(&mut session, &mut app, "Tidied. ");
    session.save(&mut app);
    assert_eq!(app.save_error(), None);
    assert!(!minute_numbers::is_numbered(
        &store.load(&id).unwrap().meeting
    ));
}

#[test]
fn an_item_added_to_a_numbered_draft_takes_the_next_number_and_the_rest_keep_theirs() {
    let (_tmp, store) = migrated_demo();
    let id = MeetingId::parse("2026-11-11").unwrap();
    let before = store.load(&id).unwrap().meeting;
    let highest = minute_numbers::highest_in(&serde_json::to_string(&before).unwrap(), "CPB", 26);
    let (mut session, mut app, _, _) = open(&store, &id);
    let next = crate::model::agenda::next_id(&app.meeting.agenda);
    app.meeting.agenda.push(crate::model::AgendaItem::new(
        next,
        "Urgent business",
        crate::model::ItemKind::Information,
    ));
    app.changed(true);
    session.save(&mut app);
    assert_eq!(app.save_error(), None);
    let after = store.load(&id).unwrap().meeting;
    let added = after.agenda.last().unwrap().minute.clone().unwrap();
    assert_eq!(added.0, format!("CPB/26/{}", highest + 1));
    assert_eq!(refs(&after)[..refs(&before).len()], refs(&before)[..]);
    assert_eq!(after.exclusion_minute, before.exclusion_minute);
}
