//! The run loop: terminal in, state updated, frame out, and all the I/O `update` must not
//! do: journaling edits, saving, recovery, signals, the terminal clipboard.
//!
//! draw → wait for input (≤ 250 ms) → drain *all* pending input → update → journal → save.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::Local;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;

use crate::app::archive::Reply;
use crate::app::{App, Effect, Msg};
use crate::model::MeetingId;
use crate::store::Store;
use crate::ui::{self, theme::Theme};

mod session;
use session::Session;

/// Idle time after which changes are saved into the meeting file.
const IDLE_SAVE: Duration = Duration::from_secs(2);
/// During continuous typing, the longest gap between saves.
const MAX_SAVE_GAP: Duration = Duration::from_secs(30);
/// Wait before trying a failed save again.
const RETRY: Duration = Duration::from_secs(2);
/// Input events handled per turn before the screen is drawn again.
const DRAIN_LIMIT: usize = 4096;

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
    let mut app = App::new(
        meeting,
        read_only,
        Local::now().naive_local(),
        Theme::from_env(),
    );
    // The journal itself is started by the first edit: opening costs no fsync.
    if let Some(lines) = offer {
        app.offer_recovery(lines);
    }
    if !notes.is_empty() {
        app.flash = Some(notes.join(" "));
    }

    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }

    let mut terminal = ratatui::init();
    execute!(io::stdout(), EnableBracketedPaste, EnableMouseCapture)?;
    let result = run_loop(&mut terminal, &mut app, &mut session, &stop);
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    result
}

fn run_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    session: &mut Session,
    stop: &AtomicBool,
) -> color_eyre::Result<()> {
    let mut last_input = Instant::now();
    let mut quit_asked_at: Option<Instant> = None;
    let mut archive_read = false;
    loop {
        app.update(Msg::Tick(Local::now().naive_local()));
        terminal.draw(|f| ui::draw(app, f))?;
        if !archive_read {
            // The trend needs the earlier meetings; reading them waits until the
            // first frame is on screen, so opening never waits for the archive.
            archive_read = true;
            if let Ok(listing) = session.store.list() {
                app.update(Msg::Archive(listing.meetings));
            }
        }

        let mut gone = false;
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

        for effect in app.take_effects() {
            match effect {
                Effect::Osc52(seq) => {
                    let mut out = io::stdout();
                    let _ = out.write_all(seq.as_bytes()).and_then(|()| out.flush());
                }
                Effect::Recovery(choice) => session.resolve_recovery(app, choice),
                Effect::Conflict(choice) => session.resolve_conflict(app, choice),
                Effect::Request(request) => {
                    let reply = crate::requests::answer(&session.store, request);
                    let relist = matches!(
                        reply,
                        Reply::Approved { .. } | Reply::ErratumRecorded { .. }
                    );
                    app.update(Msg::Reply(reply));
                    if relist && let Ok(listing) = session.store.list() {
                        app.update(Msg::Archive(listing.meetings));
                    }
                }
            }
        }
        session.journal(app);

        let leaving = app.quit || gone || stop.load(Ordering::Relaxed);
        let due = app.urgent_save
            || last_input.elapsed() >= IDLE_SAVE
            || session.last_save.elapsed() >= MAX_SAVE_GAP
            || leaving;
        let waiting = session.last_failure.is_some_and(|t| t.elapsed() < RETRY) && !leaving;
        let owed = app.revision != app.saved_revision || session.store.sync_owed();
        if owed && due && !waiting {
            session.save(app);
        }
        if leaving {
            let saved = app.revision == app.saved_revision || app.read_only.is_some();
            // A clerk asking to quit with a failing save is told, and asked again;
            // a signal or a lost terminal cannot wait: the journal keeps the text.
            if saved || gone || stop.load(Ordering::Relaxed) || quit_asked_at.is_some() {
                session.sync_journal();
                return Ok(());
            }
            quit_asked_at = Some(Instant::now());
            app.quit = false;
            app.flash = Some(format!(
                "NOT SAVED. Press Ctrl-Q again to quit anyway (your text stays in the journal): {}",
                app.save_error.as_deref().unwrap_or("unknown reason")
            ));
        }
    }
}

fn handle_event(app: &mut App, ev: Event) {
    match ev {
        Event::Key(k) => app.update(Msg::Key(k)),
        Event::Paste(text) => app.update(Msg::Paste(text)),
        Event::Mouse(m) => app.update(Msg::Mouse(m)),
        _ => {}
    }
}
