//! Workspace budgets: a keystroke through the whole app (update → journal append → a full
//! 120x40 frame) with 1 MB of minutes in the current item, beside archives of 10 and
//! 10,000 meetings; and process start → first frame of the real binary in a pty with
//! archives of 1,000 and 10,000 meetings.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveTime};
use divan::Bencher;
use minutebook::app::{App, Msg};
use minutebook::model::{Meeting, MeetingId};
use minutebook::store::journal::Journal;
use minutebook::store::{Store, schema};
use minutebook::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn main() {
    divan::main();
}

fn prose(bytes: usize) -> String {
    let para = "The Designated Nurse reported on Initial Health Assessment timeliness; members asked about \
                delays from late notification and consent, and agreed actions. ";
    let mut s = String::with_capacity(bytes + 200);
    let mut n = 0;
    while s.len() < bytes {
        s.push_str(para);
        n += 1;
        if n % 5 == 0 {
            s.push('\n');
        }
    }
    s
}

/// `n` meetings of the demo's size written straight to `dir` (setup, not measured).
fn archive(dir: &Path, n: usize) {
    let template = minutebook::demo::year().swap_remove(8);
    let start = NaiveDate::from_ymd_opt(1990, 1, 3).unwrap();
    for i in 0..n {
        let mut m = template.clone();
        m.id = MeetingId::for_date(start + chrono::Duration::days(i as i64));
        m.date = m.id.date();
        std::fs::write(dir.join(format!("{}.json", m.id)), schema::encode(&m)).unwrap();
    }
}

/// The December meeting, started, with 1 MB of minutes in its current item.
fn big_meeting() -> Meeting {
    let mut m = minutebook::demo::year().pop().unwrap();
    m.status = minutebook::model::MeetingStatus::InProgress;
    m.agenda[0].status = minutebook::model::ItemStatus::Current;
    m.agenda[0].started_at = NaiveTime::from_hms_opt(14, 0, 0);
    m.agenda[0].minutes = prose(1 << 20);
    m
}

#[divan::bench(args = [10, 10_000], sample_count = 200)]
fn keystroke_journal_frame_with_1mb_minutes(bencher: Bencher, archive_size: usize) {
    let tmp = tempfile::tempdir().unwrap();
    archive(tmp.path(), archive_size);
    let store = Store::open(tmp.path()).unwrap();
    store.create(&big_meeting()).unwrap();
    let id = MeetingId::parse("2026-12-09").unwrap();
    // Opened the way the run loop opens it.
    let (meeting, handle) = store.open_meeting(&id).unwrap();
    let mut journal = Journal::start(
        store.disk(),
        &store.journal_path(&id),
        &id,
        handle.file().unwrap(),
    )
    .unwrap();
    let now = NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(14, 5, 0).unwrap());
    let mut app = App::new(meeting, None, now, Theme::from_env());
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('3'),
        KeyModifiers::ALT,
    )));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| ui::draw(&app, f)).unwrap();
    bencher.bench_local(|| {
        app.update(Msg::Key(KeyEvent::new(
            KeyCode::Char('x'),
            KeyModifiers::NONE,
        )));
        journal.append(&app.take_journal()).unwrap();
        term.draw(|f| ui::draw(&app, f)).unwrap();
    });
}

/// Spawns the release binary in a pty on an archive and waits for its first frame.
#[divan::bench(args = [1, 1_000, 10_000], sample_count = 20, sample_size = 1)]
fn process_start_to_first_frame(bencher: Bencher, archive_size: usize) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let tmp = tempfile::tempdir().unwrap();
    archive(tmp.path(), archive_size);
    let bin = env!("CARGO_BIN_EXE_minutebook");
    bencher
        .with_inputs(|| {
            let pair = native_pty_system()
                .openpty(PtySize {
                    rows: 40,
                    cols: 120,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .unwrap();
            let mut cmd = CommandBuilder::new(bin);
            cmd.arg("--data-dir");
            cmd.arg(tmp.path());
            cmd.env("TERM", "xterm-256color");
            (pair, cmd)
        })
        .bench_local_values(|(pair, cmd)| {
            let mut reader = pair.master.try_clone_reader().unwrap();
            let started = Instant::now();
            let child = pair.slave.spawn_command(cmd).unwrap();
            let mut seen = Vec::new();
            let mut buf = [0u8; 16384];
            // The first frame ends with the hint line's last words.
            while !String::from_utf8_lossy(&seen).contains("Ctrl-Q save and quit") {
                let n = reader.read(&mut buf).unwrap();
                assert!(
                    n > 0 && started.elapsed() < Duration::from_secs(10),
                    "no first frame"
                );
                seen.extend_from_slice(&buf[..n]);
            }
            // Stopping the child happens when divan drops this, outside the timing.
            Running(child, pair)
        });
}

/// The child and its pty, kept open until the child is stopped.
struct Running(
    Box<dyn portable_pty::Child + Send + Sync>,
    #[allow(dead_code)] portable_pty::PtyPair,
);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
