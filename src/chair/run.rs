//! The chair's run loop: keys in, the clerk's files looked at every turn, and the screen
//! drawn only when something changed or the clock's second did, so following costs next
//! to nothing while idle. It only reads: no save, journal, lock or index of its own.

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{Local, NaiveDateTime, Timelike};
use ratatui::crossterm::event::{self, Event};
use ratatui::layout::Size;

use super::follow::{Follower, Seen};
use super::screen::{Chair, Effect, Msg};
use crate::model::MeetingId;
use crate::model::brief::{History, Veil};
use crate::store::Store;
use crate::tui::Screen;
use crate::ui::theme::Theme;

/// The longest wait for a key before the files are looked at again.
const TURN: Duration = Duration::from_millis(250);
/// Input events handled per turn before the screen is drawn again.
const DRAIN_LIMIT: usize = 256;

/// Runs the chair's screen on meeting `id` of `store` until the chair quits, a signal
/// asks it to end, or the terminal goes.
pub fn run(store: Store, id: MeetingId, veil: Veil) -> color_eyre::Result<()> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        color_eyre::eyre::bail!(
            "the chair's screen needs a terminal; for scripts use `minutebook show {id}`"
        );
    }
    let (mut follower, meeting) = Follower::start(store, id)?;
    let (sources, note) = match follower.store().brief_sources(&meeting) {
        Ok(sources) => (sources, None),
        Err(e) => (
            (None, History::default()),
            Some(format!(
                "The board's earlier meetings could not be read ({e}): their figures and \
                 decisions are not shown."
            )),
        ),
    };
    let mut chair = Chair::new(meeting, sources, veil);
    chair.message = note;
    // Nothing to save: every one of these just ends it.
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let theme = Theme::from_env();
    let mut screen = Screen::enter()?;
    run_loop(&mut screen.0, &mut chair, &mut follower, theme, &stop);
    drop(screen);
    Ok(())
}

/// Turns until the chair quits, a signal comes or the terminal is gone (nothing to save
/// either way).
fn run_loop(
    terminal: &mut ratatui::DefaultTerminal,
    chair: &mut Chair,
    follower: &mut Follower,
    theme: Theme,
    stop: &AtomicBool,
) {
    let mut drawn_second: Option<NaiveDateTime> = None;
    let mut dirty = true;
    loop {
        let now = Local::now().naive_local();
        chair.update(Msg::Tick(now));
        dirty |= look(chair, follower);
        // lead: once C's Follower::clerk() lands, tell the screen here when it changes:
        // chair.update(Msg::Clerk(follower.clerk())).
        if let Ok(size) = terminal.size()
            && size != chair.size
        {
            chair.update(Msg::Resize(size));
            dirty = true;
        }
        let second = now.with_nanosecond(0);
        if dirty || drawn_second != second {
            if terminal
                .draw(|f| super::draw::draw(chair, theme, f))
                .is_err()
            {
                return;
            }
            (drawn_second, dirty) = (second, false);
        }
        // Woken for the clock's next second, so it never shows a second late.
        let to_next_second =
            Duration::from_nanos(u64::from(1_000_000_000 - now.nanosecond() % 1_000_000_000));
        match event::poll(TURN.min(to_next_second)) {
            Ok(true) => {
                if !drain(chair) {
                    return;
                }
                dirty = true;
            }
            Ok(false) => {}
            // The terminal is gone (closed window, EOF, EIO).
            Err(_) => return,
        }
        for effect in chair.take_effects() {
            match effect {
                Effect::Ask { step, from } => {
                    let store = follower.store();
                    let said = crate::chair_link::request(store.dir(), follower.id(), step, from);
                    chair.update(Msg::Replied(said));
                }
            }
        }
        if chair.quit() || stop.load(Ordering::Relaxed) {
            return;
        }
    }
}

/// Tells the screen what the clerk's files hold now; true if that changed anything.
fn look(chair: &mut Chair, follower: &mut Follower) -> bool {
    match follower.look() {
        Seen::Same => false,
        Seen::Changed(m) => {
            chair.update(Msg::Changed(m));
            true
        }
        Seen::Unreadable(why) => {
            chair.update(Msg::Unreadable(why));
            true
        }
    }
}

/// Handles every input event waiting; false if the terminal is gone.
fn drain(chair: &mut Chair) -> bool {
    for _ in 0..DRAIN_LIMIT {
        match event::read() {
            Ok(Event::Key(k)) => chair.update(Msg::Key(k)),
            Ok(Event::Resize(w, h)) => chair.update(Msg::Resize(Size::new(w, h))),
            Ok(Event::Mouse(_) | Event::Paste(_) | Event::FocusGained | Event::FocusLost) => {}
            Err(_) => return false,
        }
        // A zero timeout reads nothing new with the poll(2) reader; 1 ms does.
        if !matches!(event::poll(Duration::from_millis(1)), Ok(true)) {
            break;
        }
    }
    true
}
