//! The store keeps meetings exactly, refuses to overwrite what it did not read, and
//! reports bad files without touching them.

mod common;

use std::fs;
use std::sync::Arc;

use minutebook::model::{ActionStatus, MeetingId, MeetingStatus, Presence};
use minutebook::store::{FaultPlan, Op, Store, StoreError, Version};

const EIO: i32 = 5;

fn id(s: &str) -> MeetingId {
    MeetingId::parse(s).unwrap()
}

/// A fresh store whose directory holds exactly these files, as `(meeting id, bytes)`.
fn store_holding(files: &[(&str, &str)]) -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    for (day, text) in files {
        fs::write(store.path_of(&id(day)), text).unwrap();
    }
    (tmp, store)
}

#[test]
fn every_demo_meeting_round_trips_exactly() {
    let (_tmp, store) = common::demo_store();
    for m in minutebook::demo::year() {
        let loaded = store.load(&m.id).unwrap();
        assert_eq!(
            loaded.meeting, m,
            "meeting {} changed on the way through disk",
            m.id
        );
        assert_eq!(loaded.version, Version::Current);
    }
}

#[test]
fn edits_saved_through_a_handle_are_read_back() {
    let (_tmp, store) = common::demo_store();
    let (mut m, mut handle) = store.open_meeting(&id("2026-12-09")).unwrap();
    assert!(handle.read_only().is_none());
    m.attendance[0].status = Presence::Present;
    m.agenda[0].minutes = "Apologies from Cllr Raman. Déclarations: none. 子ども 👩‍👧".into();
    store.save(&mut handle, &m).unwrap();
    m.status = MeetingStatus::InProgress;
    store.save(&mut handle, &m).unwrap(); // the handle follows its own saves
    drop(handle);
    assert_eq!(store.load(&m.id).unwrap().meeting, m);
}

#[test]
fn a_touched_or_identically_copied_file_is_not_a_change_and_still_saves() {
    let (_tmp, store) = common::demo_store();
    let (mut m, mut handle) = store.open_meeting(&id("2026-12-09")).unwrap();
    let path = store.path_of(&m.id);
    // `touch`: a new modification time, the same bytes.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    m.venue = "Committee Room 2".into();
    store.save(&mut handle, &m).unwrap();
    // A backup or sync tool copies the same bytes over it: a new inode too.
    let bytes = fs::read(&path).unwrap();
    let copy = path.with_extension("synced");
    fs::write(&copy, &bytes).unwrap();
    fs::rename(&copy, &path).unwrap();
    m.venue = "Committee Room 3".into();
    store.save(&mut handle, &m).unwrap();
    assert_eq!(store.load(&m.id).unwrap().meeting.venue, "Committee Room 3");
    // A real change still is one.
    let edited = fs::read_to_string(&path)
        .unwrap()
        .replace("Committee Room 3", "Committee Room 4");
    fs::write(&path, &edited).unwrap();
    let err = store.save(&mut handle, &m).unwrap_err();
    assert!(matches!(err, StoreError::ChangedOnDisk { .. }), "{err}");
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten() {
    let (_tmp, store) = common::demo_store();
    let (m, mut handle) = store.open_meeting(&id("2026-12-09")).unwrap();
    let path = store.path_of(&m.id);
    let edited = fs::read_to_string(&path)
        .unwrap()
        .replace("Committee Room 1", "Committee Room 2");
    fs::write(&path, &edited).unwrap();
    let err = store.save(&mut handle, &m).unwrap_err();
    assert!(matches!(err, StoreError::ChangedOnDisk { .. }), "{err}");
    assert!(err.to_string().contains("changed by something else"));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        edited,
        "the hand edit survives"
    );
}

#[test]
fn a_failed_write_or_fsync_is_a_failed_save_and_the_old_file_stays() {
    let (tmp, plain) = common::demo_store();
    for op in [Op::Write, Op::Fsync, Op::Rename] {
        let store = Store::open(tmp.path().join("data"))
            .unwrap()
            .with_faults(Arc::new(FaultPlan::fail_nth(1, EIO).only(op)));
        let (mut m, mut handle) = plain.open_meeting(&id("2026-12-09")).unwrap();
        let before = fs::read(store.path_of(&m.id)).unwrap();
        m.venue = "Somewhere new".into();
        let err = store.save(&mut handle, &m).unwrap_err();
        assert!(err.to_string().contains("could not save"), "{op:?}: {err}");
        assert_eq!(fs::read(store.path_of(&m.id)).unwrap(), before, "{op:?}");
        drop(handle);
        let names: Vec<_> = fs::read_dir(store.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(
            !names.iter().any(|n| n.to_string_lossy().ends_with(".tmp")),
            "{names:?}"
        );
    }
}

#[test]
fn a_failed_directory_sync_after_the_rename_is_a_save_not_yet_durable_and_later_saves_work() {
    let (tmp, _) = common::demo_store();
    let plan = Arc::new(FaultPlan::fail_nth(1, EIO).only(Op::SyncDir));
    let store = Store::open(tmp.path().join("data"))
        .unwrap()
        .with_faults(plan.clone());
    let (mut m, mut handle) = store.open_meeting(&id("2026-12-09")).unwrap();
    m.venue = "Somewhere new".into();
    let outcome = store.save(&mut handle, &m).unwrap();
    assert_eq!(plan.fired(), 1);
    let note = outcome.note().expect("reported as not yet durable");
    assert!(note.contains("could not be synced"), "{note}");
    assert!(store.sync_owed());
    // What was reported is what is on disk: the new version.
    assert_eq!(store.load(&m.id).unwrap().meeting, m);
    // The handle follows the file it wrote: the next save is not "changed by something else".
    m.venue = "Somewhere newer".into();
    let outcome = store.save(&mut handle, &m).unwrap();
    assert!(outcome.note().is_none(), "the next sync succeeds");
    assert!(!store.sync_owed(), "and settles the one owed");
    assert_eq!(store.load(&m.id).unwrap().meeting, m);
}

#[test]
fn corrupt_file_is_named_with_line_and_column_left_untouched_and_others_still_list() {
    let (_tmp, store) = common::demo_store();
    let path = store.path_of(&id("2026-06-10"));
    let text = fs::read_to_string(&path).unwrap();
    // Hand-broken: the comma after the id (line 3) deleted, found missing on line 4.
    let mut lines: Vec<&str> = text.lines().collect();
    let broken_line = lines[2].trim_end_matches(',').to_string();
    lines[2] = &broken_line;
    let broken = lines.join("\n");
    fs::write(&path, &broken).unwrap();

    let listing = store.list().unwrap();
    assert_eq!(listing.meetings.len(), 9, "the other nine still list");
    assert_eq!(listing.problems.len(), 1);
    let msg = listing.problems[0].to_string();
    assert!(msg.contains("2026-06-10.json"), "{msg}");
    assert!(msg.contains("line 4, column 3"), "{msg}");
    assert!(msg.contains("left untouched"), "{msg}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        broken,
        "byte-for-byte untouched"
    );

    // Truncated mid-file: the same, and opening it fails without writing.
    let truncated = &text[..text.len() / 2];
    fs::write(&path, truncated).unwrap();
    let err = store.open_meeting(&id("2026-06-10")).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), truncated);
    assert!(
        store.load(&id("2026-07-08")).is_ok(),
        "other meetings still open"
    );
}

#[test]
fn a_file_from_a_newer_minutebook_opens_read_only() {
    let (_tmp, store) = common::demo_store();
    let path = store.path_of(&id("2026-12-09"));
    let newer = fs::read_to_string(&path)
        .unwrap()
        .replacen(
            &format!("\"schema_version\": {}", minutebook::store::schema::CURRENT),
            "\"schema_version\": 7",
            1,
        )
        .replacen("{", "{\n  \"added_by_v7\": {\"x\": 1},", 1);
    fs::write(&path, &newer).unwrap();
    let (m, mut handle) = store.open_meeting(&id("2026-12-09")).unwrap();
    let why = handle.read_only().expect("read-only").to_string();
    assert!(why.contains("newer minutebook (record format 7"), "{why}");
    let err = store.save(&mut handle, &m).unwrap_err();
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn version_0_files_migrate_and_keep_their_original_bytes_on_first_save() {
    let original = include_str!("fixtures/schema-v0.json");
    let (_tmp, store) = store_holding(&[("2025-12-10", original)]);

    let loaded = store.load(&id("2025-12-10")).unwrap();
    assert_eq!(loaded.version, Version::Migrated { from: 0 });
    let m = loaded.meeting;
    assert_eq!(m.board.name, "Corporate Parenting Board");
    assert_eq!(m.board.quorum, 3);
    assert_eq!(
        m.status,
        MeetingStatus::Draft,
        "v0 'held' is minutes in draft"
    );
    assert_eq!(m.attendance[1].status, Presence::Apologies);
    assert_eq!(
        m.agenda[1].sub_items[0].minutes,
        "IHAs: 9 of 12 within 20 working days."
    );
    assert_eq!(
        m.agenda[2].exempt.as_ref().unwrap().reason,
        "Schedule 12A, paragraph 2"
    );
    assert_eq!(m.actions[0].status, ActionStatus::Open);
    assert_eq!(m.actions[1].status, ActionStatus::Done);

    let (m, mut handle) = store.open_meeting(&id("2025-12-10")).unwrap();
    store.save(&mut handle, &m).unwrap();
    let backup = store.dir().join("2025-12-10.json.schema-v0.bak");
    assert_eq!(fs::read_to_string(backup).unwrap(), original);
    assert_eq!(
        store.load(&id("2025-12-10")).unwrap().version,
        Version::Current
    );
}

#[test]
fn current_format_matches_its_golden_file() {
    // If this fails, the record format changed: bump schema::CURRENT and add a migration.
    let golden = include_str!("fixtures/schema-v4.json");
    let mid = id("2026-11-11");
    let (_tmp, store) = store_holding(&[(mid.as_str(), golden)]);
    let (m, mut handle) = store.open_meeting(&mid).unwrap();
    let mut changed = m.clone();
    changed.venue.push(' ');
    store.save(&mut handle, &changed).unwrap();
    store.save(&mut handle, &m).unwrap();
    assert_eq!(fs::read_to_string(store.path_of(&mid)).unwrap(), golden);
}

#[test]
fn version_1_files_migrate_and_keep_their_original_bytes_on_first_save() {
    let original = include_str!("fixtures/schema-v1.json");
    let mid = id("2026-11-11");
    let (_tmp, store) = store_holding(&[(mid.as_str(), original)]);
    assert_eq!(
        store.load(&mid).unwrap().version,
        Version::Migrated { from: 1 }
    );
    let (m, mut handle) = store.open_meeting(&mid).unwrap();
    store.save(&mut handle, &m).unwrap();
    let backup = store.dir().join("2026-11-11.json.schema-v1.bak");
    assert_eq!(fs::read_to_string(backup).unwrap(), original);
    assert_eq!(
        fs::read_to_string(store.path_of(&mid)).unwrap(),
        v3_as_current(),
        "nothing of Part B to mark there: only the version changes"
    );
}

#[test]
fn version_2_files_open_unchanged_and_keep_their_original_bytes_on_first_save() {
    let original = include_str!("fixtures/schema-v2.json");
    let mid = id("2026-11-11");
    let (_tmp, store) = store_holding(&[(mid.as_str(), original)]);
    assert_eq!(
        store.load(&mid).unwrap().version,
        Version::Migrated { from: 2 }
    );
    let (m, mut handle) = store.open_meeting(&mid).unwrap();
    store.save(&mut handle, &m).unwrap();
    let backup = store.dir().join("2026-11-11.json.schema-v2.bak");
    assert_eq!(fs::read_to_string(backup).unwrap(), original);
    assert_eq!(
        fs::read_to_string(store.path_of(&mid)).unwrap(),
        v3_as_current(),
        "version 3 only adds fields: only the version changes"
    );
}

#[test]
fn version_3_files_open_unchanged_and_keep_their_original_bytes_on_first_save() {
    let original = include_str!("fixtures/schema-v3.json");
    let mid = id("2026-11-11");
    let (_tmp, store) = store_holding(&[(mid.as_str(), original)]);
    assert_eq!(
        store.load(&mid).unwrap().version,
        Version::Migrated { from: 3 }
    );
    let (m, mut handle) = store.open_meeting(&mid).unwrap();
    store.save(&mut handle, &m).unwrap();
    let backup = store.dir().join("2026-11-11.json.schema-v3.bak");
    assert_eq!(fs::read_to_string(backup).unwrap(), original);
    assert_eq!(
        fs::read_to_string(store.path_of(&mid)).unwrap(),
        v3_as_current(),
        "version 3 only adds fields: only the version changes"
    );
}

/// Two version 1 records: January, whose Part B item with two sub-items was deferred and
/// whose other Part B item has a sub-item with an action raised under it (left unmarked by
/// a version 1 build), and February, made from January by a version 1 build: the two
/// sub-items back as public items, January's actions carried with no mark.
fn version_1_part_b_archive() -> (tempfile::TempDir, Store) {
    store_holding(&[
        (
            "2026-01-14",
            include_str!("fixtures/schema-v1-part-b/2026-01-14.json"),
        ),
        (
            "2026-02-11",
            include_str!("fixtures/schema-v1-part-b/2026-02-11.json"),
        ),
    ])
}

#[test]
fn version_1_part_b_that_moved_between_meetings_is_marked_when_read() {
    use minutebook::export::{Audience, Format, Scope};
    use minutebook::model::Origins;
    let (_tmp, store) = version_1_part_b_archive();
    let jan = store.load(&id("2026-01-14")).unwrap();
    assert_eq!(jan.version, Version::Migrated { from: 1 });
    let marks: Vec<bool> = jan
        .meeting
        .actions
        .iter()
        .map(|a| a.raised.exempt)
        .collect();
    assert_eq!(marks, [true, true, false], "raised under Part B sub-items");

    let feb = store.load(&id("2026-02-11")).unwrap().meeting;
    let marks: Vec<bool> = feb.actions.iter().map(|a| a.raised.exempt).collect();
    assert_eq!(marks, [true, true, false], "carried from January's Part B");
    let titles: Vec<&str> = feb.agenda.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Welcome", "Placement review", "Placement review"]);
    for holder in &feb.agenda[1..] {
        assert!(holder.is_exempt());
        assert!(holder.sub_items[0].is_exempt());
    }

    for m in [&jan.meeting, &feb] {
        let origins = Origins::of(m, |at| store.load(at).ok().map(|l| l.meeting));
        for format in Format::ALL {
            for scope in [Scope::Full, Scope::AgendaOnly] {
                let doc = common::docx::render(m, &origins, None, format, Audience::Public, scope);
                assert!(!doc.contains("QZX"), "{} {format} {scope:?}:\n{doc}", m.id);
            }
        }
    }

    // The first save keeps the version 1 bytes beside it; then it reads as it was saved.
    let (m, mut handle) = store.open_meeting(&id("2026-02-11")).unwrap();
    store.save(&mut handle, &m).unwrap();
    drop(handle);
    let backup = store.dir().join("2026-02-11.json.schema-v1.bak");
    assert_eq!(
        fs::read_to_string(backup).unwrap(),
        include_str!("fixtures/schema-v1-part-b/2026-02-11.json")
    );
    let again = store.load(&id("2026-02-11")).unwrap();
    assert_eq!(again.version, Version::Current);
    assert_eq!(again.meeting, m);
}

#[test]
fn a_version_1_record_whose_earlier_meetings_are_missing_is_read_as_it_is() {
    let (_tmp, store) = version_1_part_b_archive();
    fs::remove_file(store.path_of(&id("2026-01-14"))).unwrap();
    let feb = store.load(&id("2026-02-11")).unwrap().meeting;
    assert!(feb.actions.iter().all(|a| !a.raised.exempt));
    assert!(feb.agenda.iter().all(|i| !i.is_exempt()));
    let origins = minutebook::model::Origins::of(&feb, |_| None);
    assert!(
        feb.actions.iter().all(|a| origins.part_b(&feb, a)),
        "public documents leave every action out: January cannot be read"
    );
}

#[test]
fn create_refuses_to_replace_and_listing_uses_a_cache_that_follows_changes() {
    let (_tmp, store) = common::demo_store();
    let mut m = store.load(&id("2026-12-09")).unwrap().meeting;
    let on_disk = fs::read(store.path_of(&m.id)).unwrap();
    // The same meeting again is a create retried: done, nothing changed.
    store.create(&m).unwrap();
    m.venue = "Another room".into();
    let err = store.create(&m).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    assert_eq!(fs::read(store.path_of(&m.id)).unwrap(), on_disk);

    assert_eq!(store.list().unwrap().meetings.len(), 10);
    assert!(store.dir().join(".index.json").exists());
    let (mut m, mut handle) = store.open_meeting(&m.id).unwrap();
    m.status = MeetingStatus::InProgress;
    store.save(&mut handle, &m).unwrap();
    let listed = store.list().unwrap();
    let dec = listed.meetings.iter().find(|s| s.id == m.id).unwrap();
    assert_eq!(
        dec.status,
        MeetingStatus::InProgress,
        "the cache noticed the save"
    );
    fs::remove_file(store.path_of(&id("2026-02-11"))).unwrap();
    assert_eq!(store.list().unwrap().meetings.len(), 9);
}

#[test]
fn the_workspace_opens_the_next_meeting_else_the_latest() {
    let (_tmp, store) = common::demo_store();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let pick = |s: &str| {
        store
            .default_meeting(day(s))
            .unwrap()
            .map(|id| id.to_string())
    };
    assert_eq!(
        pick("2026-11-23").as_deref(),
        Some("2026-12-09"),
        "the next one"
    );
    assert_eq!(pick("2026-11-11").as_deref(), Some("2026-11-11"), "today's");
    assert_eq!(pick("2026-01-01").as_deref(), Some("2026-02-11"));
    assert_eq!(
        pick("2027-06-01").as_deref(),
        Some("2026-12-09"),
        "none ahead: the latest"
    );
    let m = store.load(&id("2026-12-09")).unwrap().meeting;
    let mut extra = m.clone();
    extra.id = id("2026-11-25-extra");
    extra.date = extra.id.date();
    store.create(&extra).unwrap();
    assert_eq!(pick("2026-11-23").as_deref(), Some("2026-11-25-extra"));
    let empty = Store::open(store.dir().join("empty")).unwrap();
    assert_eq!(empty.default_meeting(day("2026-11-23")).unwrap(), None);
}

/// Rewrites one field of a meeting's file, as an outside edit or a bad tool would.
fn edit_record(path: &std::path::Path, change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    change(&mut v);
    let text = serde_json::to_string_pretty(&v).unwrap();
    fs::write(path, &text).unwrap();
    text
}

#[test]
fn impossible_figures_read_from_a_file_are_an_error_naming_meeting_and_field_never_a_rate() {
    let (_tmp, store) = common::demo_store();
    let june = store.path_of(&id("2026-06-10"));
    // Within 15 of 10 due: once shown and published as "150.0% ON TARGET".
    let bad = edit_record(&june, |v| {
        v["standing"]["iha"]["due"] = 10.into();
        v["standing"]["iha"]["within_20_days"] = 15.into();
        v["standing"]["iha"]["late"] = 0.into();
    });
    let july = store.path_of(&id("2026-07-08"));
    let moved = edit_record(&july, |v| v["date"] = "2026-07-09".into());

    let err = store.load(&id("2026-06-10")).unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "meeting 2026-06-10 ({}) holds an impossible record, so it is not shown or exported: \
             field standing.iha.within_20_days: 15 cannot be more than the 10 IHAs due; it has \
             been left untouched",
            june.display()
        )
    );
    let err = store
        .open_meeting(&id("2026-07-08"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("meeting 2026-07-08 (")
            && err.contains(
                "field date: 2026-07-09 is not the date in the meeting's id (2026-07-08)"
            ),
        "{err}"
    );

    // Listed as problems, not as meetings with a rate; the files are left byte for byte.
    let listing = store.list().unwrap();
    assert_eq!(listing.meetings.len(), 8, "the other eight still list");
    assert!(
        listing
            .meetings
            .iter()
            .all(|s| s.iha.is_none_or(|p| p.within_20_days <= p.due))
    );
    let said: Vec<String> = listing.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said.iter()
            .any(|s| s.contains("standing.iha.within_20_days"))
    );
    assert!(said.iter().any(|s| s.contains("field date:")));
    // Approving them (a write) is refused the same way.
    let err = store.amend(&id("2026-06-10"), |_| Ok(())).unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");
    assert_eq!(fs::read_to_string(&june).unwrap(), bad);
    assert_eq!(fs::read_to_string(&july).unwrap(), moved);
}

#[test]
fn counts_that_would_wrap_in_a_file_are_refused_not_read_as_on_target() {
    let (_tmp, store) = common::demo_store();
    let path = store.path_of(&id("2026-06-10"));
    edit_record(&path, |v| {
        v["standing"]["iha"]["due"] = 4294967295u32.into();
        v["standing"]["iha"]["within_20_days"] = 4294967295u32.into();
        v["standing"]["iha"]["late"] = 1.into();
    });
    let err = store.load(&id("2026-06-10")).unwrap_err().to_string();
    assert!(
        err.contains(
            "field standing.iha.due: 4294967295 is more than a board could report for one \
             period (at most 100000)"
        ),
        "{err}"
    );
}

/// Whoever asks (the workspace, the CLI, a future form), the store never writes a record it
/// would refuse to read back: the file keeps the last good version and the refusal names
/// the field.
#[test]
fn the_store_refuses_to_write_impossible_figures_naming_the_field() {
    let (_tmp, store) = common::demo_store();
    let (mut m, mut handle) = store.open_meeting(&id("2026-11-11")).unwrap();
    let path = store.path_of(&m.id);
    let before = fs::read(&path).unwrap();
    let iha = m
        .standing
        .iha
        .as_mut()
        .expect("the demo reports IHA figures");
    iha.within_20_days = iha.due + 5;
    let err = store.save(&mut handle, &m).unwrap_err();
    assert!(matches!(err, StoreError::Refused { .. }), "{err}");
    assert!(
        err.to_string().contains("standing.iha.within_20_days"),
        "{err}"
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the last good version stays"
    );

    m.id = id("2027-01-13");
    m.date = m.id.date();
    let err = store.create(&m).unwrap_err();
    assert!(matches!(err, StoreError::Refused { .. }), "{err}");
    assert!(!store.exists(&m.id), "nothing written");
}

/// Approved minutes from before Part B was carried keep their record as sealed, but a
/// sub-item deferred out of Part B that came back as a public item is Part B again in
/// every public document made now, from the command line as from the workspace.
#[test]
fn approved_version_1_minutes_never_publish_an_item_deferred_out_of_part_b() {
    let (_tmp, store) = version_1_part_b_archive();
    let path = store.path_of(&id("2026-02-11"));
    let approved = fs::read_to_string(&path).unwrap().replacen(
        "\"status\": \"planned\"",
        "\"status\": \"approved\"",
        1,
    );
    fs::write(&path, &approved).unwrap();
    let feb = store.load(&id("2026-02-11")).unwrap().meeting;
    assert!(
        feb.agenda
            .iter()
            .any(|i| i.title.contains("QZX") && !i.is_exempt()),
        "the sealed record keeps the deferred item as it was"
    );
    for format in ["md", "txt", "html", "json", "ocd"] {
        for agenda in [false, true] {
            let mut args = vec!["export", "2026-02-11", "--public", "--format", format];
            if agenda {
                args.push("--agenda");
            }
            let out = common::minutebook(store.dir(), &args);
            assert!(out.status.success(), "{}", common::stderr(&out));
            let doc = common::stdout(&out);
            assert!(!doc.contains("QZX"), "{format} agenda={agenda}:\n{doc}");
        }
    }
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        approved,
        "the record is untouched"
    );
}

/// The version 3 golden file as this build writes it: only the version changes.
fn v3_as_current() -> String {
    include_str!("fixtures/schema-v3.json").replace(
        "\"schema_version\": 3,",
        &format!(
            "\"schema_version\": {},",
            minutebook::store::schema::CURRENT
        ),
    )
}
