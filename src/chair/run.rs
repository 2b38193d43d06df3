//! The chair's run loop: keys in, the clerk's files looked at every turn, and the screen
//! drawn only when something changed or a minute it shows did, so following costs next
//! to nothing while idle. It only reads: no save, journal, lock or index of its own.

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::Local;
use ratatui::crossterm::event::{self, Event};
use ratatui::layout::Size;

use super::follow::{Clerk, Follower, Seen};
use super::screen::{Chair, Effect, Msg};
use crate::model::MeetingId;
use crate::model::brief::{History, Veil};
use crate::store::Store;
use crate::tui::Screen;
use crate::ui::theme::Theme;

/// The longest wait for a key before the files are looked at again: twice a second keeps
/// the screen within a second of the clerk's change, at two wake-ups a second when idle.
pub const TURN: Duration = Duration::from_millis(500);
/// How often the clerk's lock is read to say whether their workspace is open.
const CLERK_EVERY: Duration = Duration::from_secs(1);
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
    // The store is read-only: the listing's cache, stale or not, is never rewritten here.
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
    let stop = crate::tui::ending_signals()?;
    // Set before the first turn, so its size is asked for once.
    let resized = Arc::new(AtomicBool::new(true));
    signal_hook::flag::register(signal_hook::consts::SIGWINCH, Arc::clone(&resized))?;
    let theme = Theme::from_env();
    let mut screen = Screen::enter()?;
    let signals = Signals {
        stop: &stop,
        resized: &resized,
    };
    run_loop(&mut screen.0, &mut chair, &mut follower, theme, signals);
    drop(screen);
    Ok(())
}

/// The signals the loop watches.
#[derive(Clone, Copy)]
struct Signals<'a> {
    /// SIGTERM, SIGINT or SIGHUP: end.
    stop: &'a AtomicBool,
    /// SIGWINCH: the terminal's size changed.
    resized: &'a AtomicBool,
}

/// Turns until the chair quits, a signal comes or the terminal is gone (nothing to save
/// either way).
fn run_loop(
    terminal: &mut ratatui::DefaultTerminal,
    chair: &mut Chair,
    follower: &mut Follower,
    theme: Theme,
    signals: Signals<'_>,
) {
    let mut drawn = None;
    let mut dirty = true;
    let mut clerk_asked = None;
    loop {
        let now = Local::now().naive_local();
        chair.update(Msg::Tick(now));
        dirty |= look(chair, follower);
        // Whether the clerk's workspace is open, asked once a second (it reads a file).
        if clerk_asked.is_none_or(|t: Instant| t.elapsed() >= CLERK_EVERY) {
            clerk_asked = Some(Instant::now());
            let before = chair.clerk;
            chair.update(Msg::Clerk(matches!(follower.clerk(), Clerk::Open { .. })));
            dirty |= chair.clerk != before;
        }
        // Asked only when the terminal says it changed: each asking opens the terminal.
        if signals.resized.swap(false, Ordering::Relaxed)
            && let Ok(size) = terminal.size()
            && size != chair.size
        {
            chair.update(Msg::Resize(size));
            dirty = true;
        }
        // Drawn again when what it shows of the clock changes (see `Chair::clock_shown`).
        let minute = chair.clock_shown();
        if dirty || drawn != Some(minute) {
            if terminal
                .draw(|f| {
                    super::draw::draw(chair, theme, f);
                    crate::ui::ascii::finish(f.buffer_mut());
                })
                .is_err()
            {
                return;
            }
            (drawn, dirty) = (Some(minute), false);
        }
        match input_within(TURN) {
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
        if chair.quit() || signals.stop.load(Ordering::Relaxed) {
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
        // The follower says each once, until the files change again.
        Seen::Unreadable(why) | Seen::Gone(why) => {
            chair.update(Msg::Unreadable(why));
            true
        }
        Seen::Moved { from, to, meeting } => {
            chair.update(Msg::Changed(meeting));
            chair.message = Some(format!(
                "Meeting {from} was moved to another date: following it as {to}."
            ));
            true
        }
    }
}

/// Waits up to `timeout` for input; an error when the terminal has gone. Not crossterm's
/// timed poll: it rounds its poll(2) timeout down to the millisecond and then spins through
/// the rest of each wait, which alone would cost more than the whole idle budget.
fn input_within(timeout: Duration) -> io::Result<bool> {
    // Read and parsed already (a burst the last drain left).
    if event::poll(Duration::ZERO)? {
        return Ok(true);
    }
    let mut fd = libc::pollfd {
        // The terminal crossterm reads: stdin, checked to be one at start.
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = timeout.as_nanos().div_ceil(1_000_000);
    let ms = libc::c_int::try_from(ms).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd, for stdin, which is open for the life of the process.
    let n = unsafe { libc::poll(&mut fd, 1, ms) };
    if n < 0 {
        let e = io::Error::last_os_error();
        // A signal: the loop looks at what it asked.
        return if e.kind() == io::ErrorKind::Interrupted {
            Ok(false)
        } else {
            Err(e)
        };
    }
    if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        return Err(io::Error::new(
            io::ErrorKind::BrokenPipe,
            "the terminal has gone",
        ));
    }
    // 1 ms: a zero timeout reads nothing new with the poll(2) reader.
    Ok(n > 0 && event::poll(Duration::from_millis(1))?)
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
