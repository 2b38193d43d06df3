//! The chair's link on a real socket: a request answered across two threads, refused when
//! the clerk does not allow it, a crashed workspace's socket replaced but never a live one
//! or a file planted in its place, a hung clerk never freezing the chair, and the store
//! taking no notice of the socket beside the meetings.

mod common;

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::net::UnixListener;
use std::path::Path;
use std::time::Duration;

use minutebook::chair_link::{
    self, Asked, Listener, NOT_ALLOWED, Step, request, request_within, socket_path,
};
use minutebook::model::{ItemId, MeetingId};
use minutebook::search::{Query, search_store};
use minutebook::store::Store;

fn id() -> MeetingId {
    MeetingId::parse("2026-12-09").unwrap()
}

/// A private directory like the store's data directory.
fn data_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    tmp
}

/// Waits until the listener has a request (the other thread has sent it).
fn next_asked(listener: &Listener) -> Asked {
    let deadline = std::time::Instant::now() + GIVE_UP;
    loop {
        if let Some(asked) = listener.poll().into_iter().next() {
            return asked;
        }
        assert!(std::time::Instant::now() < deadline, "no request came");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Only a hang ends a wait this long: it fails rather than stalls the suite.
const GIVE_UP: Duration = Duration::from_secs(120);

/// Asks from another thread, as the chair's process would; the answer comes back on join.
fn ask_in_thread(
    dir: &Path,
    step: Step,
    from: Option<ItemId>,
) -> std::thread::JoinHandle<Result<String, String>> {
    let dir = dir.to_path_buf();
    std::thread::spawn(move || request(&dir, &id(), step, from))
}

#[test]
fn the_chairs_request_reaches_the_clerks_workspace_and_its_answer_comes_back() {
    let tmp = data_dir();
    let listener = Listener::bind(tmp.path(), &id()).unwrap();
    let chair = ask_in_thread(tmp.path(), Step::Next, Some(ItemId(3)));
    let asked = next_asked(&listener);
    assert_eq!((asked.step, asked.from), (Step::Next, Some(ItemId(3))));
    asked.answer(Ok("moved on to 4 Placements".into()));
    assert_eq!(chair.join().unwrap(), Ok("moved on to 4 Placements".into()));

    let chair = ask_in_thread(tmp.path(), Step::Previous, None);
    let asked = next_asked(&listener);
    assert_eq!((asked.step, asked.from), (Step::Previous, None));
    asked.answer(Err("the chair's screen is behind".into()));
    assert_eq!(
        chair.join().unwrap(),
        Err("the chair's screen is behind".into())
    );
}

#[test]
fn the_chairs_socket_is_private_and_goes_when_the_clerk_stops_allowing_it() {
    let tmp = data_dir();
    let path = socket_path(tmp.path(), &id());
    let listener = Listener::bind(tmp.path(), &id()).unwrap();
    let meta = std::fs::symlink_metadata(&path).unwrap();
    assert!(meta.file_type().is_socket());
    assert_eq!(
        meta.permissions().mode() & 0o777,
        0o600,
        "only the clerk's user"
    );
    drop(listener);
    assert!(!path.exists(), "the socket is removed when the link closes");
    assert_eq!(
        request(tmp.path(), &id(), Step::Next, None),
        Err(NOT_ALLOWED.into())
    );
}

#[test]
fn the_chair_is_refused_while_the_clerk_has_not_allowed_stepping() {
    let tmp = data_dir();
    assert_eq!(
        request(tmp.path(), &id(), Step::Next, Some(ItemId(1))),
        Err(NOT_ALLOWED.into())
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "asking wrote nothing"
    );
}

#[test]
fn a_socket_left_by_a_crashed_workspace_is_replaced_and_the_link_works() {
    let tmp = data_dir();
    let path = socket_path(tmp.path(), &id());
    // A listener dropped without its file removed: what a killed workspace leaves.
    drop(UnixListener::bind(&path).unwrap());
    assert!(path.exists());
    assert_eq!(
        request(tmp.path(), &id(), Step::Next, None),
        Err(NOT_ALLOWED.into()),
        "a dead socket lets nobody step"
    );
    let listener = Listener::bind(tmp.path(), &id()).unwrap();
    let chair = ask_in_thread(tmp.path(), Step::Next, None);
    next_asked(&listener).answer(Ok("done".into()));
    assert_eq!(chair.join().unwrap(), Ok("done".into()));
}

#[test]
fn a_live_link_is_never_taken_over_by_a_second_workspace() {
    let tmp = data_dir();
    let first = Listener::bind(tmp.path(), &id()).unwrap();
    let why = Listener::bind(tmp.path(), &id()).unwrap_err();
    assert!(
        why.contains("another workspace already lets the chair step"),
        "{why}"
    );
    // The first still answers; the refused bind's check left it nothing to read.
    assert!(first.poll().is_empty());
    let chair = ask_in_thread(tmp.path(), Step::Next, None);
    next_asked(&first).answer(Ok("still here".into()));
    assert_eq!(chair.join().unwrap(), Ok("still here".into()));
}

#[test]
fn a_file_planted_where_the_socket_goes_is_refused_and_kept() {
    let tmp = data_dir();
    let path = socket_path(tmp.path(), &id());
    std::fs::write(&path, "not a socket").unwrap();
    let why = Listener::bind(tmp.path(), &id()).unwrap_err();
    assert!(why.contains(&path.display().to_string()), "{why}");
    assert!(why.contains("is not a socket"), "{why}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "not a socket");
    assert_eq!(
        request(tmp.path(), &id(), Step::Next, None),
        Err(NOT_ALLOWED.into())
    );
}

#[test]
fn a_symlink_planted_where_the_socket_goes_is_refused_and_neither_it_nor_its_target_touched() {
    let tmp = data_dir();
    let path = socket_path(tmp.path(), &id());
    let target = tmp.path().join("elsewhere");
    std::fs::write(&target, "precious").unwrap();
    std::os::unix::fs::symlink(&target, &path).unwrap();
    let why = Listener::bind(tmp.path(), &id()).unwrap_err();
    assert!(why.contains("is not a socket"), "{why}");
    assert!(std::fs::symlink_metadata(&path).unwrap().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
}

#[test]
fn a_clerks_workspace_that_never_answers_does_not_freeze_the_chair() {
    let tmp = data_dir();
    // Listening, but never accepting: a hung workspace.
    let _hung = UnixListener::bind(socket_path(tmp.path(), &id())).unwrap();
    let why = request_within(
        tmp.path(),
        &id(),
        Step::Next,
        None,
        Duration::from_millis(200),
    )
    .unwrap_err();
    assert!(why.contains("did not answer within 0.2 seconds"), "{why}");
    assert_eq!(chair_link::ANSWER_WAIT, Duration::from_secs(2));
}

#[test]
fn a_clerks_workspace_whose_queue_of_connections_is_full_does_not_freeze_the_chair() {
    use std::os::fd::AsRawFd;
    let tmp = data_dir();
    // Never accepting: connections queue until the queue is full and a connect would block.
    let hung = UnixListener::bind(socket_path(tmp.path(), &id())).unwrap();
    // The shortest queue (listening again sets it), so it is full after a connection or two.
    // SAFETY: listen(2) on a socket this test owns and keeps open.
    assert_eq!(unsafe { libc::listen(hung.as_raw_fd(), 0) }, 0);
    let wait = Duration::from_millis(50);
    for _ in 0..4 {
        let why = request_within(tmp.path(), &id(), Step::Next, None, wait).unwrap_err();
        assert!(why.contains("did not answer within"), "{why}");
    }
}

#[test]
fn a_garbled_request_is_answered_with_a_refusal_and_not_taken() {
    use std::io::{BufRead, BufReader, Write};
    let tmp = data_dir();
    let listener = Listener::bind(tmp.path(), &id()).unwrap();
    let path = socket_path(tmp.path(), &id());
    let talk = std::thread::spawn(move || {
        let mut s = std::os::unix::net::UnixStream::connect(path).unwrap();
        s.write_all(b"{\"step\":\"sideways\"}\n").unwrap();
        let mut line = String::new();
        BufReader::new(s).read_line(&mut line).unwrap();
        line
    });
    // Polled until the refusal has been sent: nothing is yielded for a garbled line.
    let deadline = std::time::Instant::now() + GIVE_UP;
    while !talk.is_finished() {
        assert!(listener.poll().is_empty());
        assert!(std::time::Instant::now() < deadline, "no refusal came");
        std::thread::sleep(Duration::from_millis(5));
    }
    let line = talk.join().unwrap();
    assert!(line.contains("\"ok\":false"), "{line}");
    assert!(line.contains("not understood"), "{line}");
}

#[test]
fn the_store_takes_no_notice_of_the_chairs_socket_beside_the_meetings() {
    let (_tmp, data) = common::demo_data();
    let store = Store::open(&data).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let query = Query::parse("placements");
    let before = (
        store.list().unwrap().meetings.len(),
        store.default_meeting(today).unwrap(),
        search_store(&store, &query, None).unwrap().total,
    );
    let open = before.1.clone().expect("the demo has meetings");
    let _link = Listener::bind(&data, &open).unwrap();

    let listing = store.list().unwrap();
    assert!(listing.problems.is_empty(), "{:?}", listing.problems);
    let results = search_store(&store, &query, None).unwrap();
    assert!(results.problems.is_empty(), "{:?}", results.problems);
    let after = (
        listing.meetings.len(),
        store.default_meeting(today).unwrap(),
        results.total,
    );
    assert_eq!(after, before, "listing, the meeting opened and search");
    // Minute numbers read every file in the directory as text: the socket is not one.
    for board in store.board_records().unwrap() {
        store.reserve_minute_numbers(&board, today, 1).unwrap();
    }
    // Trashing another meeting moves that meeting only.
    let mut spare = minutebook::demo::year().pop().unwrap();
    spare.date = chrono::NaiveDate::from_ymd_opt(2027, 6, 2).unwrap();
    spare.id = MeetingId::for_date(spare.date);
    spare.status = minutebook::model::MeetingStatus::Planned;
    (spare.previous, spare.actions) = (None, Vec::new());
    store.create(&spare).unwrap();
    store.trash_meeting(&spare.id).unwrap();
    let trashed = store.trashed().unwrap();
    assert_eq!(trashed.len(), 1, "{trashed:?}");
    assert!(socket_path(&data, &open).exists(), "the link is left open");
}
