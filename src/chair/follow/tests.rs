//! The follower against a clerk's workspace driven through the library exactly as the run
//! loop drives it (src/tui/session.rs): `open_meeting` takes the lock; typing goes to the
//! journal, a base line before an item's first edit since a save; a save replaces the file
//! and starts a fresh journal; a kill drops it all with nothing saved; a restart recovers
//! the journal a kill left into the file and sets it aside.

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveTime;

use super::*;
use crate::app::JournalRecord;
use crate::editor::{EditOp, normalize};
use crate::model::{ItemId, running};
use crate::store::journal::Journal;
use crate::store::{FaultPlan, Handle, Op, schema};

fn dec() -> MeetingId {
    MeetingId::parse("2026-12-09").unwrap()
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// A data directory holding the demo year.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    for m in crate::demo::year() {
        store.create(&m).unwrap();
    }
    let dir = store.dir().to_path_buf();
    (tmp, dir)
}

/// The clerk's workspace on the meeting.
struct Desk {
    store: Store,
    handle: Handle,
    saved: Meeting,
    meeting: Meeting,
    journal: Option<Journal>,
    based: HashSet<ItemId>,
}

impl Desk {
    /// Opens `id` as the run loop does; a journal a kill left is recovered into the file
    /// and set aside, as when the clerk answers "recover".
    fn open(dir: &Path, id: &MeetingId) -> Desk {
        let store = Store::open(dir).unwrap();
        let (meeting, handle) = store.open_meeting(id).unwrap();
        assert_eq!(handle.read_only(), None, "the clerk holds the lock");
        let mut desk = Desk {
            store,
            handle,
            saved: meeting.clone(),
            meeting,
            journal: None,
            based: HashSet::new(),
        };
        let path = desk.store.journal_path(id);
        let found = journal::find::<JournalLine>(desk.store.disk(), &path, desk.handle.file());
        if let Some(orphan) = found.unwrap() {
            let plan = recovery::plan(&desk.saved, &orphan.records, orphan.fits);
            desk.meeting = plan.recovered;
            desk.store.save(&mut desk.handle, &desk.meeting).unwrap();
            desk.saved = desk.meeting.clone();
            journal::set_aside(desk.store.disk(), &path, "recovered").unwrap();
        }
        desk
    }

    fn start_journal(&mut self) {
        self.based.clear();
        let id = self.handle.id().clone();
        let path = self.store.journal_path(&id);
        let file = self.handle.file().unwrap();
        self.journal = Some(Journal::start(self.store.disk(), &path, &id, file).unwrap());
    }

    /// Types `text` at the end of the first item's minutes: journaled, not saved.
    fn type_text(&mut self, text: &str) {
        if self.journal.is_none() {
            self.start_journal();
        }
        let item = self.meeting.agenda[0].id;
        let mut lines = Vec::new();
        if self.based.insert(item) {
            let base = normalize(&self.saved.agenda[0].minutes).into_owned();
            lines.push(JournalLine::Base { item, base });
        }
        let minutes = &mut self.meeting.agenda[0].minutes;
        let now = normalize(minutes).into_owned();
        let edit = EditOp::Insert {
            at: now.chars().count(),
            text: text.into(),
        };
        lines.push(JournalLine::Edit(JournalRecord { item, edit }));
        *minutes = now + text;
        self.journal.as_mut().unwrap().append(&lines).unwrap();
    }

    /// Saves, and begins a fresh journal for the file just written.
    fn save(&mut self) {
        self.store.save(&mut self.handle, &self.meeting).unwrap();
        self.saved = self.meeting.clone();
        self.start_journal();
    }
}

/// The chair's follower on a read-only store whose every operation is counted.
fn chair(dir: &Path) -> (Follower, Meeting, Arc<FaultPlan>) {
    let plan = Arc::new(FaultPlan::count_only());
    let store = Store::open_read_only(dir)
        .unwrap()
        .with_faults(plan.clone());
    let (f, m) = Follower::start(store, dec()).unwrap();
    (f, m, plan)
}

#[track_caller]
fn changed(seen: Seen) -> Meeting {
    match seen {
        Seen::Changed(m) => *m,
        other => panic!("expected the meeting changed, saw {other:?}"),
    }
}

#[track_caller]
fn same(seen: Seen) {
    assert!(
        matches!(seen, Seen::Same),
        "expected nothing new, saw {seen:?}"
    );
}

/// The follower's store did only reads, stats and listings, and tried no write at all.
#[track_caller]
fn only_read(f: &Follower, plan: &FaultPlan) {
    let done: Vec<_> = plan.log().into_iter().map(|(op, _)| op).collect();
    assert!(
        done.iter()
            .all(|op| matches!(op, Op::Open | Op::Read | Op::Stat | Op::List)),
        "{done:?}"
    );
    assert_eq!(f.store().disk().refused(), [], "no write was even tried");
}

/// Makes `path`'s mtime a minute older: a file last written a while ago.
fn age(path: &Path) {
    let old = SystemTime::now() - Duration::from_secs(60);
    let file = fs::OpenOptions::new().append(true).open(path).unwrap();
    file.set_modified(old).unwrap();
}

#[test]
fn the_chair_sees_each_save_and_the_typing_before_it_across_a_kill_and_a_restart() {
    let (_tmp, dir) = demo();
    let mut desk = Desk::open(&dir, &dec());
    let (mut f, first, plan) = chair(&dir);
    assert_eq!(first, desk.meeting);
    same(f.look());

    // The meeting started: a save, a new file under the name.
    running::start(&mut desk.meeting, at(14, 0)).unwrap();
    desk.save();
    let seen = changed(f.look());
    assert_eq!(running::current(&seen), running::current(&desk.meeting));
    assert!(running::current(&seen).is_some());
    same(f.look());

    // Typing: in the journal only, shown before any save.
    desk.type_text("The chair welcomed members.");
    assert_eq!(changed(f.look()), desk.meeting);
    desk.type_text(" Apologies from Cllr Raman.");
    let seen = changed(f.look());
    assert!(
        seen.agenda[0]
            .minutes
            .ends_with("members. Apologies from Cllr Raman.")
    );
    assert_eq!(seen, desk.meeting);

    // Saved, then the next item: the journal replaced by a fresh one each time.
    desk.save();
    same(f.look());
    running::next(&mut desk.meeting, at(14, 10)).unwrap();
    desk.save();
    assert_eq!(changed(f.look()), desk.meeting);

    // Killed mid-typing, the last line torn: the file and the orphan's typing that fits.
    desk.type_text(" Declarations: none.");
    let journal = desk.store.journal_path(&dec());
    drop(desk);
    let mut torn = fs::OpenOptions::new().append(true).open(&journal).unwrap();
    std::io::Write::write_all(&mut torn, b"{\"item\":1,\"edit\":{\"Ins").unwrap();
    let seen = changed(f.look());
    assert!(
        seen.agenda[0].minutes.ends_with("Declarations: none."),
        "{seen:?}"
    );
    same(f.look());

    // Restarted: the lock taken again, the journal recovered into the file and set
    // aside; then typing and saves are followed as before.
    let mut desk = Desk::open(&dir, &dec());
    assert_eq!(
        desk.meeting, seen,
        "what the chair saw is what was recovered"
    );
    same(f.look());
    desk.type_text(" Minutes approved.");
    assert_eq!(changed(f.look()), desk.meeting);
    desk.save();
    running::next(&mut desk.meeting, at(14, 20)).unwrap();
    desk.save();
    assert_eq!(changed(f.look()), desk.meeting);
    only_read(&f, &plan);
}

#[test]
fn an_idle_look_costs_two_stats() {
    let (_tmp, dir) = demo();
    let mut desk = Desk::open(&dir, &dec());
    desk.type_text("Typed a while ago.");
    let (mut f, _, plan) = chair(&dir);
    age(&f.store().path_of(&dec()));
    age(&f.store().journal_path(&dec()));
    same(f.look());
    for _ in 0..3 {
        let from = plan.log().len();
        same(f.look());
        let ops: Vec<_> = plan.log()[from..].iter().map(|(op, _)| *op).collect();
        assert_eq!(ops, [Op::Stat, Op::Stat]);
    }
}

#[test]
fn typing_alone_reads_the_journal_not_the_meeting_file_again() {
    let (_tmp, dir) = demo();
    let mut desk = Desk::open(&dir, &dec());
    let (mut f, _, plan) = chair(&dir);
    let file = f.store().path_of(&dec());
    age(&file);
    same(f.look());
    same(f.look());
    for typed in ["Typed while the file", " stays as saved."] {
        let from = plan.log().len();
        desk.type_text(typed);
        assert_eq!(changed(f.look()), desk.meeting);
        let opened: Vec<_> = plan.log()[from..]
            .iter()
            .filter(|(op, _)| *op == Op::Open)
            .map(|(_, p)| p.clone())
            .collect();
        assert_eq!(opened, [f.store().journal_path(&dec())], "after {typed:?}");
    }
}

#[test]
fn a_journal_begun_on_an_older_version_of_the_file_is_not_shown() {
    let (_tmp, dir) = demo();
    let mut desk = Desk::open(&dir, &dec());
    let before = desk.handle.file().unwrap();
    let (mut f, _, plan) = chair(&dir);
    running::start(&mut desk.meeting, at(14, 0)).unwrap();
    desk.save();
    let saved = changed(f.look());
    // A journal of typing begun on the file before that save (its typing would be in the
    // save, or was set aside): not the clerk's typing now.
    let path = desk.store.journal_path(&dec());
    let mut old = Journal::start(desk.store.disk(), &path, &dec(), before).unwrap();
    let item = saved.agenda[0].id;
    old.append(&[JournalLine::Edit(JournalRecord {
        item,
        edit: EditOp::Insert {
            at: 0,
            text: "Stale text. ".into(),
        },
    })])
    .unwrap();
    same(f.look());
    assert!(
        !f.shown.as_ref().unwrap().agenda[0]
            .minutes
            .contains("Stale")
    );
    only_read(&f, &plan);
}

#[test]
fn a_corrupt_meeting_file_is_said_once_with_its_path_and_following_resumes_once_mended() {
    let (_tmp, dir) = demo();
    let desk = Desk::open(&dir, &dec());
    let (mut f, good, plan) = chair(&dir);
    let path = desk.store.path_of(&dec());
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let Seen::Unreadable(why) = f.look() else {
        panic!("a half-written file is unreadable");
    };
    assert!(why.contains(&path.display().to_string()), "{why}");
    assert!(why.contains("not a readable meeting record"), "{why}");
    same(f.look());
    fs::write(&path, schema::encode(&good)).unwrap();
    assert_eq!(
        changed(f.look()),
        good,
        "the same meeting again, the problem gone"
    );
    same(f.look());
    only_read(&f, &plan);
}

#[test]
fn a_meeting_moved_to_another_date_is_followed_there_and_said() {
    let (_tmp, dir) = demo();
    let mut desk = Desk::open(&dir, &dec());
    let (mut f, _, plan) = chair(&dir);
    let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 16).unwrap();
    let moved = desk.store.rename_held(&desk.handle, to).unwrap();
    desk.handle = moved.handle;
    desk.meeting = moved.meeting;
    desk.saved = desk.meeting.clone();
    let Seen::Moved { from, to, meeting } = f.look() else {
        panic!("the move is said");
    };
    assert_eq!(
        (from.to_string(), to.to_string()),
        ("2026-12-09".into(), "2026-12-16".into())
    );
    assert_eq!(*meeting, desk.meeting);
    assert_eq!(f.id(), &to);
    same(f.look());
    desk.type_text("Moved a week on.");
    assert_eq!(changed(f.look()), desk.meeting);
    only_read(&f, &plan);
}

#[test]
fn a_meeting_deleted_to_the_trash_is_said_and_followed_again_once_restored() {
    let (_tmp, dir) = demo();
    let store = Store::open(&dir).unwrap();
    let (mut f, shown, plan) = chair(&dir);
    store.trash_meeting(&dec()).unwrap();
    let Seen::Gone(why) = f.look() else {
        panic!("the deletion is said");
    };
    assert!(why.starts_with("Meeting 2026-12-09 was deleted"), "{why}");
    assert!(why.contains("trash"), "{why}");
    same(f.look());
    store.restore_meeting("2026-12-09.json").unwrap();
    assert_eq!(changed(f.look()), shown);
    only_read(&f, &plan);
}

#[test]
fn a_change_behind_an_unchanged_stamp_is_still_seen_while_the_stamp_is_fresh() {
    // Same inode, size and mtime, other bytes: what a reused inode and a save within the
    // filesystem's timestamp granularity look like.
    let (_tmp, dir) = demo();
    let (mut f, mut m, _) = chair(&dir);
    let path = f.store().path_of(&dec());
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let bytes = String::from_utf8(fs::read(&path).unwrap()).unwrap();
    m.title = m.title.replacen('a', "e", 1);
    let other = schema::encode(&m);
    assert_eq!(other.len(), bytes.len());
    let mut file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut file, &other).unwrap();
    file.set_modified(mtime).unwrap();
    assert_eq!(changed(f.look()), m);
}

#[test]
fn the_clerk_is_open_while_the_process_its_lock_names_is_alive() {
    let (_tmp, dir) = demo();
    let (f, _, plan) = chair(&dir);
    assert_eq!(f.clerk(), Clerk::NotOpen, "never opened: no lock file");
    let desk = Desk::open(&dir, &dec());
    let Clerk::Open { holder } = f.clerk() else {
        panic!("held by this process");
    };
    assert!(
        holder.starts_with(&format!("pid {}, ", std::process::id())),
        "{holder}"
    );
    drop(desk);
    let lock = f.store().lock_path(&dec());
    let host = lock::this_host();
    let names = |child: &std::process::Child, host: &str| {
        let text = format!("pid {}, clerk@{host}, since 2026-12-09 14:00", child.id());
        fs::write(&lock, text).unwrap();
    };
    // Its text stays once its holder is gone: the process decides.
    let mut clerk = std::process::Command::new("cat")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    names(&clerk, &host);
    assert!(matches!(f.clerk(), Clerk::Open { .. }));
    clerk.kill().unwrap();
    clerk.wait().unwrap();
    assert_eq!(f.clerk(), Clerk::NotOpen);
    // On another machine its pid means nothing here: open, as far as can be told.
    names(&clerk, "another-host");
    assert!(matches!(f.clerk(), Clerk::Open { .. }));
    only_read(&f, &plan);
}

#[cfg(target_os = "linux")]
#[test]
fn a_clerk_killed_but_not_yet_reaped_is_not_open() {
    let (_tmp, dir) = demo();
    let (f, _, _) = chair(&dir);
    let mut clerk = std::process::Command::new("cat")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = clerk.id() as i32;
    let text = format!(
        "pid {pid}, clerk@{}, since 2026-12-09 14:00",
        lock::this_host()
    );
    fs::write(f.store().lock_path(&dec()), text).unwrap();
    assert!(matches!(f.clerk(), Clerk::Open { .. }));
    clerk.kill().unwrap();
    // Dead, not reaped: a zombie until `wait`, which kill(pid, 0) still finds.
    while !zombie(pid) {
        std::thread::yield_now();
    }
    assert_eq!(f.clerk(), Clerk::NotOpen);
    clerk.wait().unwrap();
}

#[test]
fn a_data_directory_that_cannot_be_looked_in_is_unreadable_not_gone() {
    let (_tmp, dir) = demo();
    // The start's look makes three stats (the file's, the journal's, the file read's);
    // every one after fails (EACCES) until disarmed.
    let plan = Arc::new(FaultPlan::fail_nth(4, 13).only(Op::Stat).from_then_on());
    let store = Store::open_read_only(&dir)
        .unwrap()
        .with_faults(plan.clone());
    let (mut f, shown) = Follower::start(store, dec()).unwrap();
    let Seen::Unreadable(why) = f.look() else {
        panic!("a stat refused is no file gone");
    };
    let path = f.store().path_of(&dec());
    assert!(
        why.starts_with(&format!("could not look at {}", path.display())),
        "{why}"
    );
    same(f.look());
    plan.disarm();
    assert_eq!(changed(f.look()), shown, "followed again, the problem gone");
}
