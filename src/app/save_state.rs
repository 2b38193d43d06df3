//! The save state: what the run loop tells the workspace about its files, and what the
//! status bar and the run loop read back (revisions, failures, quitting).

use super::{App, Msg, SaveLevel};
use crate::keymap;

impl App {
    /// What the run loop tells the workspace about its meeting's files and the clerk's
    /// requests of them.
    pub(super) fn told(&mut self, msg: Msg) {
        match msg {
            Msg::Saved { revision } => {
                self.saved_revision = revision;
                self.urgent_save = false;
                self.save_error = None;
            }
            Msg::SaveFailed(why) => self.save_error = Some(why),
            Msg::NotDurable(why) => self.not_durable = Some(why),
            Msg::Durable => self.not_durable = None,
            Msg::JournalStarted => self.journal_error = None,
            Msg::JournalFailed(why) => {
                self.journal_error = Some(why);
                // Only the file can keep the typing now.
                self.urgent_save |= self.revision != self.saved_revision;
            }
            Msg::QuitRefused => {
                self.quit = false;
                self.flash = Some(format!(
                    "NOT SAVED. Press {} again to quit anyway (your text stays in the journal): {}",
                    keymap::quit_key(),
                    self.save_error.as_deref().unwrap_or("unknown reason")
                ));
            }
            Msg::Notice(text) => self.flash = Some(text),
            Msg::Key(_)
            | Msg::Paste(_)
            | Msg::Mouse(_)
            | Msg::Tick(_)
            | Msg::Archive(_)
            | Msg::Boards(_)
            | Msg::Reply(_)
            | Msg::Resize(_)
            | Msg::Numbered(_)
            | Msg::LastMeeting { .. }
            | Msg::ChairStep { .. }
            | Msg::ChairLinkFailed(_) => {}
        }
    }

    /// What the status bar says about saving.
    pub fn save_state(&self) -> String {
        self.save_status().0
    }

    /// What the status bar says about saving, and how loudly.
    pub fn save_status(&self) -> (String, SaveLevel) {
        if let Some(why) = &self.read_only {
            return (format!("READ-ONLY: {why}"), SaveLevel::Warn);
        }
        let (state, level) = match &self.save_error {
            Some(e) => (format!("NOT SAVED: {e}"), SaveLevel::Bad),
            None if self.revision != self.saved_revision => ("saving".into(), SaveLevel::Fine),
            None if let Some(why) = &self.not_durable => {
                (format!("SAVED, NOT YET DURABLE: {why}"), SaveLevel::Warn)
            }
            None => ("saved".into(), SaveLevel::Fine),
        };
        match &self.journal_error {
            Some(why) => (
                format!("{state}; NO JOURNAL: {why}"),
                level.max(SaveLevel::Warn),
            ),
            None => (state, level),
        }
    }

    /// Bumped on every change to the meeting; the run loop saves when it moves.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The revision the file on disk holds.
    pub fn saved_revision(&self) -> u64 {
        self.saved_revision
    }

    /// Why the last save failed, while it does.
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    /// Why typing is not being journaled, if it is not.
    pub fn journal_error(&self) -> Option<&str> {
        self.journal_error.as_deref()
    }

    /// A change asks to be saved at once.
    pub fn urgent_save(&self) -> bool {
        self.urgent_save
    }

    /// The clerk asked to quit.
    pub fn quit(&self) -> bool {
        self.quit
    }
}
