//! What the commands print. `println!` panics when standard output cannot be written (a
//! reader that stopped, as `| head` does; a full disk): here a failed write is kept, later
//! output is dropped, and the command goes on to finish its own writes to the records, so
//! a closed pipe never leaves an approval half recorded. `main` reports the failure last:
//! a reader that has gone gets a quiet exit with status 141, as if by SIGPIPE (what the
//! shell shows for `cat` or `grep` in the same place); any other failure is one sentence.

use std::fmt;
use std::io::{self, Write};
use std::sync::OnceLock;

static FAILED: OnceLock<io::Error> = OnceLock::new();

/// Writes to standard output, unless an earlier write failed.
pub fn write(args: fmt::Arguments<'_>) {
    if FAILED.get().is_some() {
        return;
    }
    let mut out = io::stdout().lock();
    // Flushed at once, so the failure is met here and not at exit, where it is lost.
    if let Err(e) = out.write_fmt(args).and_then(|()| out.flush()) {
        let _ = FAILED.set(e);
    }
}

/// Writes bytes (a Word document) to standard output, unless an earlier write failed.
pub fn write_bytes(bytes: &[u8]) {
    if FAILED.get().is_some() {
        return;
    }
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        let _ = FAILED.set(e);
    }
}

/// Writes to standard error; there is nowhere left to report a failure to, so it is ignored.
pub fn write_err(args: fmt::Arguments<'_>) {
    let _ = io::stderr().lock().write_fmt(args);
}

/// How writing the output ended.
pub enum Ending {
    Written,
    /// The reader stopped reading (EPIPE).
    ReaderGone,
    Failed(&'static io::Error),
}

/// Flushes what is left and says how the output ended.
pub fn finish() -> Ending {
    if FAILED.get().is_none()
        && let Err(e) = io::stdout().lock().flush()
    {
        let _ = FAILED.set(e);
    }
    match FAILED.get() {
        None => Ending::Written,
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => Ending::ReaderGone,
        Some(e) => Ending::Failed(e),
    }
}

/// `println!` for the commands: see the module.
macro_rules! say {
    () => {
        $crate::cli::output::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` for the commands.
macro_rules! say_raw {
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!($($arg)*))
    };
}

/// `eprintln!` that cannot panic.
macro_rules! tell {
    ($($arg:tt)*) => {
        $crate::cli::output::write_err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {say, say_raw, tell};

/// A value as the `--json` of every command prints it: pretty, one document.
pub fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("what a command prints as JSON always serialises")
}
