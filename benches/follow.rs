//! The chair's follow cost: one idle look (nothing changed: two stats), and one second of
//! idle following in-process, the chair's four looks (it polls every 250 ms) and one frame
//! of the item in hand (its brief drawn at 120x40), and the once-a-second question whether
//! the clerk's workspace is open. The budget is under 1 ms of CPU per second of idle
//! following.

use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::{NaiveDate, NaiveTime};
use divan::Bencher;
use minutebook::chair::follow::{Clerk, Follower, Seen};
use minutebook::model::brief::{self, Context, Veil};
use minutebook::model::{MeetingId, running};
use minutebook::store::Store;
use minutebook::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Paragraph;

fn main() {
    divan::main();
}

fn december() -> MeetingId {
    MeetingId::parse("2026-12-09").unwrap()
}

/// The demo year in a fresh data directory, as `minutebook demo` writes it, December's
/// meeting started at 14:00 (setup, not measured).
fn demo_dir() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let mut year = minutebook::demo::year();
    store.create_board(&minutebook::demo::board(&year)).unwrap();
    let last = year.last_mut().unwrap();
    running::start(last, NaiveTime::from_hms_opt(14, 0, 0).unwrap()).unwrap();
    for m in &year {
        store.create(m).unwrap();
    }
    tmp
}

/// Idle means nothing written for a while: a stamp only just written is read again
/// (the follower's guard against a second change within one mtime tick).
fn written_a_minute_ago(path: &Path) {
    let file = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(60))
        .unwrap();
}

/// The chair following December, the files settled, one look taken.
fn idle_follower(dir: &Path) -> (Follower, minutebook::model::Meeting) {
    written_a_minute_ago(&dir.join("2026-12-09.json"));
    let store = Store::open_read_only(dir).unwrap();
    let (mut f, m) = Follower::start(store, december()).unwrap();
    assert!(matches!(f.look(), Seen::Same));
    (f, m)
}

#[divan::bench(sample_count = 1000)]
fn idle_look(bencher: Bencher) {
    let tmp = demo_dir();
    let (mut f, _) = idle_follower(tmp.path());
    bencher.bench_local(|| {
        assert!(matches!(f.look(), Seen::Same));
    });
}

#[divan::bench(sample_count = 200)]
fn idle_second(bencher: Bencher) {
    let tmp = demo_dir();
    let (mut f, m) = idle_follower(tmp.path());
    let (last, history) = f.store().brief_sources(&m).unwrap();
    let item = running::current(&m).expect("December is started");
    let now = NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(14, 5, 0).unwrap());
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = Theme::from_env();
    bencher.bench_local(|| {
        for _ in 0..4 {
            assert!(matches!(f.look(), Seen::Same));
        }
        let cx = Context {
            last: last.as_ref(),
            history: &history,
            now,
            veil: Veil::Private,
        };
        let b = brief::of(&m, item, &cx).expect("the current item has a brief");
        let text = minutebook::ui::brief::lines(&b, theme);
        term.draw(|frame| frame.render_widget(Paragraph::new(text), frame.area()))
            .unwrap();
    });
}

/// The chair asks once a second whether the clerk's workspace is open: the lock's text
/// read, its pid asked about (this process holds it here, so it is alive).
#[divan::bench(sample_count = 1000)]
fn clerk_check(bencher: Bencher) {
    let tmp = demo_dir();
    let clerk = Store::open(tmp.path()).unwrap();
    let _held = clerk.lock(&december()).unwrap();
    let (f, _) = idle_follower(tmp.path());
    bencher.bench_local(|| {
        assert!(matches!(f.clerk(), Clerk::Open { .. }));
    });
}
