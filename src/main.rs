//! Entry point: parse the command line, run it, and report any failure in one sentence.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use minutebook::cli::output::{self, Ending};
use minutebook::cli::{Cli, run};

/// The status a shell shows for a program killed by SIGPIPE (128 + 13).
const READER_GONE: u8 = 141;

fn main() -> ExitCode {
    plain_panic_reports();
    let cli = Cli::parse();
    let result = run(cli);
    // Every report goes to stderr ignoring write errors: with the terminal gone there is
    // nowhere to say anything, and `eprintln!` would panic.
    let mut err = io::stderr().lock();
    match (result, output::finish()) {
        (Err(failure), _) => {
            let _ = writeln!(err, "minutebook: {}", failure.0);
            ExitCode::FAILURE
        }
        (Ok(()), Ending::Written) => ExitCode::SUCCESS,
        (Ok(()), Ending::ReaderGone) => ExitCode::from(READER_GONE),
        (Ok(()), Ending::Failed(e)) => {
            let _ = writeln!(err, "minutebook: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A panic is reported in plain words (never in colour, so NO_COLOR holds), and the report
/// itself can never fail: a panic hook that panics aborts the process.
fn plain_panic_reports() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let trace = std::backtrace::Backtrace::capture();
        let mut err = io::stderr().lock();
        let _ = writeln!(
            err,
            "minutebook: internal error{at}: {what}. Please report it."
        );
        if trace.status() == std::backtrace::BacktraceStatus::Captured {
            let _ = writeln!(err, "{trace}");
        }
    }));
}
