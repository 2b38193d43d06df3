//! The chair's follow cost. In-process: one idle look (nothing changed: two stats), the
//! once-a-second question whether the clerk's workspace is open, one frame of the chair's
//! screen at 120x40, and one minute of idle following as the chair's loop does it (a turn
//! every 500 ms: the clock, a look; the clerk asked each second; drawn as each minute it
//! shows turns, twice). And the real thing: `minutebook chair` following a started meeting
//! in a pseudo-terminal, its CPU time read from the kernel over ten idle seconds. The
//! budget is under 1 ms of CPU per second of idle following.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::{NaiveDate, NaiveTime};
use divan::Bencher;
use minutebook::chair::draw;
use minutebook::chair::follow::{Clerk, Follower, Seen};
use minutebook::chair::screen::{Chair, Msg};
use minutebook::model::brief::Veil;
use minutebook::model::{MeetingId, running};
use minutebook::store::Store;
use minutebook::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
    chair_process();
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

/// December at 14:05 on the chair's screen, as the follower read it.
fn chair_on(f: &Follower, m: minutebook::model::Meeting) -> Chair {
    let sources = f.store().brief_sources(&m).unwrap();
    let mut chair = Chair::new(m, sources, Veil::Private);
    chair.update(Msg::Tick(at(14, 5, 0)));
    chair.update(Msg::Resize(ratatui::layout::Size::new(120, 40)));
    chair
}

fn at(h: u32, m: u32, s: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(h, m, s).unwrap())
}

/// One frame of the chair's screen: the agenda, the running order and the item in hand.
#[divan::bench(sample_count = 200)]
fn chair_frame(bencher: Bencher) {
    let tmp = demo_dir();
    let (f, m) = idle_follower(tmp.path());
    let chair = chair_on(&f, m);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = Theme::from_env();
    bencher.bench_local(|| {
        term.draw(|frame| draw::draw(&chair, theme, frame)).unwrap();
    });
}

/// A minute of idle following: 120 turns (the clock told, the files looked at), the
/// clerk's lock read 60 times, two frames. Divide by 60 for a second.
#[divan::bench(sample_count = 20)]
fn idle_minute(bencher: Bencher) {
    let tmp = demo_dir();
    let (mut f, m) = idle_follower(tmp.path());
    let mut chair = chair_on(&f, m);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = Theme::from_env();
    bencher.bench_local(|| {
        for turn in 0..120u32 {
            chair.update(Msg::Tick(at(14, 5, turn / 2)));
            assert!(matches!(f.look(), Seen::Same));
            if turn % 2 == 0 {
                assert!(matches!(f.clerk(), Clerk::NotOpen));
            }
            if turn % 60 == 0 {
                term.draw(|frame| draw::draw(&chair, theme, frame)).unwrap();
            }
        }
    });
}

/// The real `minutebook chair` following December (started) in a 120x40 pseudo-terminal:
/// once its screen is up, the CPU time the kernel counts for it over ten idle seconds
/// (`/proc/<pid>/schedstat`, in nanoseconds), printed per second.
fn chair_process() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let tmp = demo_dir();
    written_a_minute_ago(&tmp.path().join("2026-12-09.json"));
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_minutebook"));
    cmd.args([
        "--data-dir",
        &tmp.path().display().to_string(),
        "chair",
        "2026-12-09",
    ]);
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let pid = child.process_id().expect("a pid");
    let mut reader = pair.master.try_clone_reader().unwrap();
    // Its output read throughout, so the chair never waits on a full terminal.
    let (up_tx, up_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (mut seen, mut buf) = (Vec::new(), [0u8; 16384]);
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains("The item in hand") {
                let _ = up_tx.send(());
                seen.clear();
            }
        }
    });
    up_rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the chair's screen came up");
    let cpu = || -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/schedstat")).unwrap();
        stat.split_whitespace().next().unwrap().parse().unwrap()
    };
    let (before, start) = (cpu(), std::time::Instant::now());
    std::thread::sleep(Duration::from_secs(10));
    let (used, took) = (cpu() - before, start.elapsed());
    let per_second = used as f64 / took.as_secs_f64() / 1000.0;
    println!(
        "chair_process: {per_second:.0} µs of CPU per second of idle following \
         (over {:.1} s; budget 1000 µs)",
        took.as_secs_f64()
    );
    let _ = child.kill();
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
