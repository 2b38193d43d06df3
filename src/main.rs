//! Entry point: parse the command line, run it, and report any failure in one sentence.

use std::process::ExitCode;

use clap::Parser;
use minutebook::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Reports panics readably (after the terminal is restored, which ratatui's hook does first).
    let _ = color_eyre::install();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("minutebook: {}", failure.0);
            ExitCode::FAILURE
        }
    }
}
