//! The run loop: terminal in, state updated, frame out, and all the I/O `update` must not
//! do: journaling edits, saving, recovery, signals, the terminal clipboard.
//!
//! draw → wait for input (≤ 250 ms) → drain *all* pending input → update → journal → save.

use std::io::{self, IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::Local;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Size;

use crate::app::archive::Reply;
use crate::app::{App, Effect, Msg};
use crate::model::MeetingId;
use crate::store::Store;
use crate::ui::{self, theme::Theme};

mod link;
mod session;
mod setup;
use session::Session;
pub use setup::{Started, first_start};

/// Idle time after which changes are saved into the meeting file.
const IDLE_SAVE: Duration = Duration::from_secs(2);
/// During continuous typing, the longest gap between saves.
const MAX_SAVE_GAP: Duration = Duration::from_secs(30);
/// Wait before trying a failed save again.
const RETRY: Duration = Duration::from_secs(2);
/// Input events handled per turn before the screen is drawn again.
const DRAIN_LIMIT: usize = 4096;
/// Puts off the idle save, for tests that must stop the program before it: not a setting.
const IDLE_SAVE_ENV: &str = "MINUTEBOOK_IDLE_SAVE_SECS";

/// Why the run loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// The clerk quit, or SIGTERM/SIGINT asked it to.
    Asked,
    /// The terminal went away (window closed, SIGHUP, EIO).
    TerminalLost,
}

/// The terminal in raw mode on the alternate screen, put back however the loop ends, a
/// panic included. A terminal that is gone must not end the program with an abort:
/// ratatui's `restore` and `Terminal`'s drop `eprintln!` their failures, and `eprintln!`
/// to a dead terminal panics (inside a panic hook, or while unwinding, that aborts). So
/// every failure here is ignored and the `Terminal` is never dropped (the process ends
/// soon after; it holds nothing that must be released).
pub(crate) struct Screen(pub(crate) ManuallyDrop<ratatui::DefaultTerminal>);

impl Screen {
    pub(crate) fn enter() -> io::Result<Screen> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave_screen();
            previous(info);
        }));
        enable_raw_mode()?;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableBracketedPaste,
            EnableMouseCapture
        )?;
        let terminal =
            ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
        Ok(Screen(ManuallyDrop::new(terminal)))
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        leave_screen();
    }
}

/// A flag SIGTERM, SIGINT and SIGHUP all raise: for screens with nothing to save, where
/// any of them simply ends the loop (the first start, the chair's screen).
pub(crate) fn ending_signals() -> io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    Ok(stop)
}

/// Back to the shell's screen, ignoring every failure (see [`Screen`]).
fn leave_screen() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
}

pub fn run(store: Store, id: MeetingId) -> color_eyre::Result<()> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        color_eyre::eyre::bail!(
            "the workspace needs a terminal; for scripts use `minutebook list` or `minutebook show {id}`"
        );
    }
    let (meeting, handle) = store.open_meeting(&id)?;
    let read_only = handle.read_only().map(str::to_string);
    let mut session = Session::new(store, handle, meeting.clone());
    let mut notes = Vec::new();
    let offer = if read_only.is_none() {
        session.find_orphan(&mut notes)?
    } else {
        None
    };
    // A board record that cannot be read leaves the workspace without one (the chair is
    // then taken from the attendance), and says so.
    let board = match session.store.board_of(&meeting.board) {
        Ok(board) => board,
        Err(e) => {
            notes.push(format!("{e}."));
            None
        }
    };
    let mut app = App::new(
        meeting,
        read_only,
        Local::now().naive_local(),
        Theme::from_env(),
    );
    app.board = board;
    app.user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    // The journal itself is started by the first edit: opening costs no fsync.
    if let Some(lines) = offer {
        app.offer_recovery(lines);
    }
    if !notes.is_empty() {
        app.update(Msg::Notice(notes.join(" ")));
    }

    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    // A hang-up is the terminal closing: saved like the others, but not a success.
    let hangup = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGHUP, Arc::clone(&hangup))?;
    let idle_save = std::env::var(IDLE_SAVE_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(IDLE_SAVE, Duration::from_secs);

    let mut screen = Screen::enter()?;
    let signals = Signals {
        stop: &stop,
        hangup: &hangup,
    };
    let ending = run_loop(&mut screen.0, &mut app, &mut session, signals, idle_save);
    drop(screen);
    match ending? {
        Ending::Asked => Ok(()),
        Ending::TerminalLost => {
            let id = &app.meeting.id;
            let state = if app.read_only.is_some() {
                "nothing was changed".to_string()
            } else if all_saved(&app) {
                format!(
                    "everything typed is saved in {}",
                    session.store.path_of(id).display()
                )
            } else {
                format!(
                    "what was not saved ({}) is kept in the journal {} and is offered back when \
                     the meeting is next opened",
                    app.save_error().unwrap_or("the save did not finish"),
                    session.store.journal_path(id).display()
                )
            };
            color_eyre::eyre::bail!("the terminal was closed while meeting {id} was open; {state}")
        }
    }
}

/// The signals the run loop watches.
#[derive(Clone, Copy)]
struct Signals<'a> {
    /// SIGTERM or SIGINT: save and leave.
    stop: &'a AtomicBool,
    /// SIGHUP: the terminal has gone.
    hangup: &'a AtomicBool,
}

fn run_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    session: &mut Session,
    signals: Signals<'_>,
    idle_save: Duration,
) -> color_eyre::Result<Ending> {
    let mut last_input = Instant::now();
    let mut quit_asked_at: Option<Instant> = None;
    let mut archive_read = false;
    let mut size = None;
    // Dropped when the loop ends, however it ends: the socket goes with it.
    let mut link = link::Link::default();
    loop {
        app.update(Msg::Tick(Local::now().naive_local()));
        // The size the frame is drawn at, told before it is drawn (clicks and scrolling
        // measure against it; drawing itself changes nothing).
        if let Ok(now) = terminal.size()
            && size != Some(now)
        {
            size = Some(now);
            app.update(Msg::Resize(now));
        }
        // A frame that cannot be drawn means the terminal is gone: save and leave.
        let mut gone = terminal
            .draw(|f| {
                ui::draw(app, f);
                ui::ascii::finish(f.buffer_mut());
            })
            .is_err();
        if !archive_read {
            // The trend needs the earlier meetings; reading them waits until the
            // first frame is on screen, so opening never waits for the archive.
            archive_read = true;
            read_archive(app, session);
        }

        if !gone {
            match event::poll(Duration::from_millis(250)) {
                Ok(true) => {
                    last_input = Instant::now();
                    // Drain everything waiting: a paste without bracketed paste arrives as a burst of keys.
                    for _ in 0..DRAIN_LIMIT {
                        match event::read() {
                            Ok(ev) => handle_event(app, ev),
                            Err(_) => {
                                gone = true;
                                break;
                            }
                        }
                        // A zero timeout reads nothing new with the poll(2) reader; 1 ms does.
                        if !matches!(event::poll(Duration::from_millis(1)), Ok(true)) {
                            break;
                        }
                    }
                }
                Ok(false) => {}
                // The terminal is gone (closed window, EOF, EIO): save and leave.
                Err(_) => gone = true,
            }
        }
        // After the clerk's keys: a toggle just pressed opens or closes the link at once.
        link.follow(app, session.store.dir());
        link.answer(app);
        gone |= signals.hangup.load(Ordering::Relaxed);
        let stopped = signals.stop.load(Ordering::Relaxed);
        for effect in app.take_effects() {
            match effect {
                Effect::Osc52(seq) => {
                    let mut out = io::stdout();
                    let _ = out.write_all(seq.as_bytes()).and_then(|()| out.flush());
                }
                Effect::Recovery(choice) => session.resolve_recovery(app, choice),
                Effect::Conflict(choice) => session.resolve_conflict(app, choice),
                Effect::SwitchTo(id) => {
                    session.switch_to(app, &id);
                    read_archive(app, session);
                }
                Effect::MoveTo(date) => {
                    session.move_to(app, date);
                    read_archive(app, session);
                }
                Effect::Request(request) => {
                    // A new meeting carries from the files: this one's changes first.
                    if matches!(request, crate::app::archive::Request::NewMeeting { .. }) {
                        session.save(app);
                    }
                    let reply = crate::requests::answer(&session.store, request);
                    let relist = matches!(
                        reply,
                        Reply::Approved { .. }
                            | Reply::ErratumRecorded { .. }
                            | Reply::Trashed { .. }
                    );
                    let opened = matches!(reply, Reply::Opened { .. });
                    app.update(Msg::Reply(reply));
                    if relist {
                        read_archive(app, session);
                    }
                    // A meeting opened to read shows its own briefs.
                    if let Some(view) = app.viewing.as_ref().filter(|_| opened) {
                        let m = view.meeting.clone();
                        read_last_meeting(app, session, &m);
                    }
                }
            }
        }
        session.journal(app);

        let leaving = app.quit() || gone || stopped;
        let due = app.urgent_save()
            || last_input.elapsed() >= idle_save
            || session.last_save.elapsed() >= MAX_SAVE_GAP
            || leaving;
        let waiting = session.last_failure.is_some_and(|t| t.elapsed() < RETRY) && !leaving;
        let owed = app.revision() != app.saved_revision() || session.store.sync_owed();
        if owed && due && !waiting {
            session.save(app);
        }
        if leaving {
            // A clerk asking to quit with a failing save is told, and asked again;
            // a signal or a lost terminal cannot wait: the journal keeps the text.
            if all_saved(app) || gone || stopped || quit_asked_at.is_some() {
                session.sync_journal();
                return Ok(if gone {
                    Ending::TerminalLost
                } else {
                    Ending::Asked
                });
            }
            quit_asked_at = Some(Instant::now());
            app.update(Msg::QuitRefused);
        }
    }
}

/// Nothing typed is left out of the file (a read-only meeting has nothing to save).
fn all_saved(app: &App) -> bool {
    app.revision() == app.saved_revision() || app.read_only.is_some()
}

/// Gives the archive views the meetings as they are on disk now (unread if unreadable).
fn read_archive(app: &mut App, session: &Session) {
    if let Ok(listing) = session.store.list() {
        app.update(Msg::Archive(listing.into()));
    }
    // The boards a meeting can belong to, for the meeting's details form.
    if let Ok(boards) = session.store.board_records() {
        app.update(Msg::Boards(boards));
    }
    read_last_meeting(app, session, &app.meeting.clone());
}

/// Gives the briefs of meeting `m` (this one, or one opened to read) the board's last
/// meeting before it, or says why it could not be read.
fn read_last_meeting(app: &mut App, session: &Session, m: &crate::model::Meeting) {
    match session.store.brief_sources(m) {
        Ok((last, _)) => app.update(Msg::LastMeeting {
            of: m.id.clone(),
            last: last.map(Box::new),
        }),
        Err(e) => app.update(Msg::Notice(format!(
            "The board's meeting before {} could not be read for the item view: {e}.",
            m.id
        ))),
    }
}

fn handle_event(app: &mut App, ev: Event) {
    match ev {
        Event::Key(k) => app.update(Msg::Key(k)),
        Event::Paste(text) => app.update(Msg::Paste(text)),
        Event::Mouse(m) => app.update(Msg::Mouse(m)),
        Event::Resize(width, height) => app.update(Msg::Resize(Size::new(width, height))),
        _ => {}
    }
}
