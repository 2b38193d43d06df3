//! minutebook: a terminal workspace for running and minuting board meetings.
//!
//! The library holds everything; `main.rs` only parses the command line and reports errors.

// The crate by its own name, so the test driver in tests/common/workspace.rs, which the
// unit tests include too, names the same paths from inside the crate as from outside.
extern crate self as minutebook;

pub mod app;
pub mod chair;
pub mod chair_link;
pub mod cli;
pub mod demo;
pub mod editor;
pub mod export;
pub mod keymap;
pub mod model;
pub mod requests;
pub mod search;
pub mod store;
pub mod tabs;
pub mod tui;
pub mod ui;
pub mod words;
