//! Everything about the open meeting that touches the disk: saving, the journal, the
//! recovery of a journal a crash left, and the ways out when the file changed on disk.
//!
//! The rule throughout: a journal is replaced or set aside only once the text it holds is
//! in a file (the meeting, or a separate copy of it).

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::app::recovery::{self, Plan, describe, describe_plan};
use crate::app::{App, JournalLine, Msg};
use crate::editor::normalize;
use crate::keymap::{self, Command, ConflictChoice, RecoveryChoice, Scope};
use crate::model::minute_numbers;
use crate::model::{ItemId, Meeting, MeetingId};
use crate::store::journal::{self, Journal};
use crate::store::{Handle, Store, StoreError};

/// How often journaled edits are made durable on disk.
const JOURNAL_SYNC: Duration = Duration::from_millis(250);

/// A journal found at start-up, while the clerk decides.
struct Found {
    plan: Plan,
    path: PathBuf,
}

pub(super) struct Session {
    pub(super) store: Store,
    handle: Handle,
    journal: Option<Journal>,
    /// The meeting as last read or saved: what journaled edits count from.
    saved: Meeting,
    /// Items whose base text the current journal already holds.
    based: HashSet<ItemId>,
    /// What the current journal holds, for replaying onto a file changed on disk.
    unsaved: Vec<JournalLine>,
    /// Edits since the last save that no journal holds (its write failed, or it could not
    /// start). Until a save has them no journal may start: it would replace one that may
    /// hold earlier typing, with edits counted from text it does not hold.
    gap: bool,
    recovery: Option<Found>,
    pub(super) last_save: Instant,
    pub(super) last_failure: Option<Instant>,
    last_sync: Instant,
}

impl Session {
    pub(super) fn new(store: Store, handle: Handle, saved: Meeting) -> Session {
        Session {
            store,
            handle,
            journal: None,
            saved,
            based: HashSet::new(),
            unsaved: Vec::new(),
            gap: false,
            recovery: None,
            last_save: Instant::now(),
            last_failure: None,
            last_sync: Instant::now(),
        }
    }

    /// Looks for a journal a crash left behind. Returns what to offer, if any; what is
    /// not offered is set aside only when the file holds it or it cannot be replayed at
    /// all, and the clerk is told where it is kept.
    pub(super) fn find_orphan(
        &mut self,
        notes: &mut Vec<String>,
    ) -> color_eyre::Result<Option<Vec<String>>> {
        let path = self.store.journal_path(self.handle.id());
        let orphan = journal::find::<JournalLine>(self.store.disk(), &path, self.handle.file())
            .map_err(|e| {
                color_eyre::eyre::eyre!("could not read the journal {}: {e}", path.display())
            })?;
        let Some(orphan) = orphan else {
            return Ok(None);
        };
        let plan = recovery::plan(&self.saved, &orphan.records, orphan.fits);
        if plan.nothing_to_offer() {
            let (why, what) = if plan.unusable.is_empty() {
                (
                    "superseded",
                    "its edits are already in the meeting file".to_string(),
                )
            } else {
                (
                    "unusable",
                    format!("it could not be replayed ({})", plan.unusable.join("; ")),
                )
            };
            notes.push(match journal::set_aside(self.store.disk(), &path, why) {
                Ok(aside) => format!(
                    "A journal was found, but {what}; it is kept as {}.",
                    aside.display()
                ),
                Err(e) => format!(
                    "A journal was found at {}, but {what}; it could not be set aside ({e}).",
                    path.display()
                ),
            });
            return Ok(None);
        }
        let lines = describe_plan(&self.saved, &plan);
        self.recovery = Some(Found { plan, path });
        Ok(Some(lines))
    }

    /// Carries out the clerk's answer to the recovery offer. On any failure the journal
    /// stays where it is and the offer comes back with the reason.
    pub(super) fn resolve_recovery(&mut self, app: &mut App, choice: RecoveryChoice) {
        let Some(mut found) = self.recovery.take() else {
            return;
        };
        let done = match choice {
            RecoveryChoice::Recover => self.recover(app, &mut found, true),
            RecoveryChoice::KeepCopy => self.recover(app, &mut found, false),
            // Its text is in no file: if it cannot be set aside it must stay, and be offered
            // again (an edit would otherwise start a fresh journal over it).
            RecoveryChoice::Discard => {
                journal::set_aside(self.store.disk(), &found.path, "discarded")
                    .map(|aside| {
                        app.update(Msg::Notice(format!(
                            "Discarded. The journal is kept as {}.",
                            aside.display()
                        )));
                    })
                    .map_err(|e| format!("Could not set the journal aside: {e}."))
            }
        };
        match done {
            Ok(()) => {}
            Err(why) => {
                let mut lines = vec![format!(
                    "{why} The journal is untouched at {}.",
                    found.path.display()
                )];
                lines.extend(describe_plan(&self.saved, &found.plan));
                app.update(Msg::Notice(why));
                app.offer_recovery(lines);
                self.recovery = Some(found);
            }
        }
    }

    /// Puts the recovered text in files: the edits that fit into the meeting (if asked),
    /// the rest (or all, for a copy) into a separate meeting; then retires the journal,
    /// and says so.
    fn recover(
        &mut self,
        app: &mut App,
        found: &mut Found,
        into_meeting: bool,
    ) -> Result<(), String> {
        let (said, why) = self.recover_text(app, &mut found.plan, into_meeting)?;
        let id = self.handle.id().clone();
        app.update(Msg::Notice(
            match self.retire_journal(&found.path, &id, why) {
                Ok(Some(aside)) => format!("{said}. The journal is kept as {}.", aside.display()),
                Ok(None) => format!("{said}."),
                // Its text is in a file now, so the journal left behind is harmless.
                Err(e) => format!(
                    "{said}. The journal could not be set aside ({e}) and stays at {}, \
                 though its text is saved.",
                    found.path.display()
                ),
            },
        ));
        Ok(())
    }

    /// Moves a journal whose text is now in a file out of the way (`Some` of where to); if
    /// it cannot be moved, replaces it by an empty one for `id`'s file as it is now (`None`),
    /// so that the next start does not offer that text again. The error is why it could
    /// not be moved, when neither worked.
    fn retire_journal(
        &self,
        path: &Path,
        id: &MeetingId,
        why: &str,
    ) -> io::Result<Option<PathBuf>> {
        let disk = self.store.disk();
        let e = match journal::set_aside(disk, path, why) {
            Ok(aside) => return Ok(Some(aside)),
            Err(e) => e,
        };
        let Ok(now) = self.store.load(id) else {
            return Err(e);
        };
        match Journal::start(disk, path, id, now.file) {
            Ok(_) => Ok(None),
            Err(_) => Err(e),
        }
    }

    fn recover_text(
        &mut self,
        app: &mut App,
        plan: &mut Plan,
        into_meeting: bool,
    ) -> Result<(String, &'static str), String> {
        let mut said = Vec::new();
        if !into_meeting || !plan.changed.is_empty() {
            let copy = self
                .store
                .create_copy(&plan.copy, "recovered")
                .map_err(|e| format!("Could not keep the unsaved text as a separate copy: {e}."))?;
            said.push(if into_meeting {
                format!("The text typed in minutes changed since is kept as meeting {copy}")
            } else {
                format!("The unsaved text is kept as meeting {copy}")
            });
            // Done once: a retry after a later failure does not make a second copy.
            plan.changed.clear();
            if !into_meeting {
                return Ok((
                    format!("{}; this meeting is as last saved", said.join(". ")),
                    "copied",
                ));
            }
        }
        if !plan.fits.is_empty() {
            self.store
                .save(&mut self.handle, &plan.recovered)
                .map_err(|e| format!("Could not save the recovered text: {e}."))?;
            self.adopt(app, plan.recovered.clone());
            said.insert(0, "Recovered the unsaved text".to_string());
        }
        Ok((said.join(". "), "recovered"))
    }

    /// Shows `meeting`, which is what the file now holds.
    fn adopt(&mut self, app: &mut App, meeting: Meeting) {
        app.replace_meeting(meeting.clone());
        let revision = app.revision();
        app.update(Msg::Saved { revision });
        self.saved = meeting;
        self.last_failure = None;
        self.last_save = Instant::now();
        // The journal is started again by the next edit.
        self.journal = None;
        self.based.clear();
        self.unsaved.clear();
        self.gap = false;
    }

    /// What the conflict offer says: which file, and what is unsaved.
    fn conflict_lines(&self, app: &mut App) -> Vec<String> {
        let path = self.store.path_of(self.handle.id());
        let mut lines = vec![format!(
            "{} was changed by something else since it was last read or saved here.",
            path.display()
        )];
        let unsaved = describe(&self.saved, app.meeting_for_save());
        lines.push("Your unsaved changes include:".into());
        lines.extend(unsaved.into_iter().map(|l| format!("  {l}")));
        lines
    }

    /// Carries out the clerk's answer when the file changed on disk; a way that does not
    /// work says why and the question comes back.
    pub(super) fn resolve_conflict(&mut self, app: &mut App, choice: ConflictChoice) {
        let mine = app.meeting_for_save().clone();
        let done = match choice {
            ConflictChoice::KeepBoth => self.keep_both(app, &mine),
            ConflictChoice::ReloadTheirs => self.reload_and_replay(app, &mine),
            ConflictChoice::SwitchToCopy => self.switch_to_copy(app, &mine),
        };
        match done {
            Ok(said) => app.update(Msg::Notice(said)),
            Err(why) => {
                let mut lines = vec![why.clone(), String::new()];
                lines.extend(self.conflict_lines(app));
                app.update(Msg::Notice(why));
                app.offer_conflict(lines);
            }
        }
    }

    fn keep_both(&mut self, app: &mut App, mine: &Meeting) -> Result<String, String> {
        let copy = self
            .store
            .create_copy(mine, "copy")
            .map_err(|e| format!("Could not save your version as a copy: {e}."))?;
        let theirs = self.store.reload(&mut self.handle).map_err(|e| {
            format!("Your version is saved as meeting {copy}, but the changed file could not be read: {e}.")
        })?;
        self.adopt(app, theirs);
        let id = self.handle.id().clone();
        let said =
            format!("Your version is saved as meeting {copy}; this is {id} as changed on disk.");
        Ok(self.journal_copied(said, &id, &copy))
    }

    /// Retires `id`'s journal, whose text is in the meeting `copy` now; says if it stays.
    fn journal_copied(&self, said: String, id: &MeetingId, copy: &MeetingId) -> String {
        let path = self.store.journal_path(id);
        match self.retire_journal(&path, id, "copied") {
            Ok(_) => said,
            Err(e) => format!(
                "{said} Its journal could not be set aside ({e}) and stays at {}, though its \
                 text is in meeting {copy}.",
                path.display()
            ),
        }
    }

    fn reload_and_replay(&mut self, app: &mut App, mine: &Meeting) -> Result<String, String> {
        let refuse = |why: String| {
            let key = |choice| keymap::name(Scope::Conflict, Command::Conflict(choice));
            Err(format!(
                "{why}: press {} to keep both versions, or {} to carry on in a copy of yours.",
                key(ConflictChoice::KeepBoth),
                key(ConflictChoice::SwitchToCopy)
            ))
        };
        // Only typing can be replayed: anything else unsaved would be lost.
        if recovery::plan(&self.saved, &self.unsaved, true).recovered != *mine {
            return refuse(
                "Your unsaved changes are more than typed minutes, and a replay would lose them"
                    .into(),
            );
        }
        let unreadable = |e: StoreError| format!("Could not read the changed file: {e}.");
        // Read once: the version checked against the typing is the version adopted.
        let loaded = self.store.load(self.handle.id()).map_err(unreadable)?;
        let plan = recovery::plan(&loaded.meeting, &self.unsaved, false);
        if !plan.changed.is_empty() || !plan.unusable.is_empty() {
            return refuse("The minutes you typed in were changed in their version too".into());
        }
        let theirs = self
            .store
            .adopt(&mut self.handle, loaded)
            .map_err(unreadable)?;
        // The journal keeps the typing (its base texts are theirs too) until this is saved.
        self.saved = theirs;
        app.replace_meeting(plan.recovered);
        self.save(app);
        // Saved or not is what the file holds, whatever else failed (a fresh journal).
        let saved = app.revision() == app.saved_revision();
        let done = "Reloaded the changed file with your typing on top";
        Ok(match (app.save_error(), app.journal_error()) {
            (Some(e), _) => format!("{done}; NOT SAVED: {e}"),
            (None, _) if !saved => format!("{done}; not saved yet, it is saved next"),
            (None, None) => format!("{done}; saved."),
            (None, Some(why)) => format!("{done}; saved, but no journal: {why}."),
        })
    }

    fn switch_to_copy(&mut self, app: &mut App, mine: &Meeting) -> Result<String, String> {
        let copy = self
            .store
            .create_copy(mine, "copy")
            .map_err(|e| format!("Could not save your version as a copy: {e}."))?;
        let (meeting, handle) = self.store.open_meeting(&copy).map_err(|e| {
            format!("Your version is saved as meeting {copy}, but it could not be opened: {e}.")
        })?;
        if let Some(why) = handle.read_only() {
            return Err(format!(
                "Your version is saved as meeting {copy}, but it opens read-only ({why})."
            ));
        }
        let left = std::mem::replace(&mut self.handle, handle);
        let old = left.id().clone();
        self.adopt(app, meeting);
        let said = format!(
            "Your version is saved as meeting {copy}, now open here; {old} is as changed on disk."
        );
        // Retired while its lock is held, so no other minutebook has that journal in use.
        let said = self.journal_copied(said, &old, &copy);
        drop(left);
        Ok(said)
    }

    /// Carries on in meeting `id`: this one saved first (if it cannot be, nothing moves and
    /// the clerk is told why), then `id` opened with its lock, its board read, and the
    /// panes shown afresh. A meeting that opens read-only is not switched to.
    pub(super) fn switch_to(&mut self, app: &mut App, id: &MeetingId) {
        if let Err(why) = self.saved_first(app) {
            app.update(Msg::Notice(format!(
                "Still in {}: it could not be saved first ({why}), so {id} was not opened.",
                app.meeting.id
            )));
            return;
        }
        let opened = self.store.open_meeting(id);
        let (meeting, handle) = match opened {
            Ok((_, h)) if h.read_only().is_some() => {
                let why = h.read_only().unwrap_or_default().to_string();
                app.update(Msg::Notice(format!(
                    "{id} was not opened: it is read-only ({why})."
                )));
                return;
            }
            Ok(pair) => pair,
            Err(e) => {
                app.update(Msg::Notice(format!("{id} was not opened: {e}.")));
                return;
            }
        };
        let board = self.store.board_of(&meeting.board).ok().flatten();
        // The old lock goes only once the new meeting is held.
        let left = std::mem::replace(&mut self.handle, handle);
        self.adopt(app, meeting);
        app.show_other_meeting(board);
        drop(left);
    }

    /// Saves the meeting; `Err` says why it is not all in its file.
    fn saved_first(&mut self, app: &mut App) -> Result<(), String> {
        self.save(app);
        match app.revision() == app.saved_revision() {
            true => Ok(()),
            false => Err(app
                .save_error()
                .unwrap_or("the save did not finish")
                .to_string()),
        }
    }

    /// Moves this meeting to `date`, so to that date's id: saved first, then renamed by the
    /// store under this session's lock (the old file goes to the trash), and carried on in
    /// under the new id with the new lock, the old let go only then. A refusal says why.
    pub(super) fn move_to(&mut self, app: &mut App, date: chrono::NaiveDate) {
        let from = app.meeting.id.clone();
        let not = |why: String| {
            Msg::Notice(format!(
                "The date was not changed, so this is still meeting {from}: {why}. Anything \
                 else changed in the form is saved."
            ))
        };
        if let Err(why) = self.saved_first(app) {
            app.update(not(format!("it could not be saved first ({why})")));
            return;
        }
        match self.store.rename_held(&self.handle, date) {
            Ok(moved) => {
                let left = std::mem::replace(&mut self.handle, moved.handle);
                let id = moved.meeting.id.clone();
                // The same meeting: the panes stay where they were.
                self.adopt(app, moved.meeting);
                drop(left);
                app.update(Msg::Notice(format!(
                    "Meeting {from} is now {id}, on {}; its old file is in the trash ({}).",
                    crate::words::long_date(date),
                    moved.trashed.path.display()
                )));
            }
            Err(StoreError::Refused { reason, .. }) => app.update(not(reason)),
            Err(e) => app.update(not(e.to_string())),
        }
    }

    /// Called only where the file holds every edit so far (after a save, or before the
    /// first edit since one).
    fn start_journal(&mut self, app: &mut App) {
        self.journal = None;
        self.based.clear();
        self.unsaved.clear();
        self.gap = false;
        if app.read_only.is_some() {
            return;
        }
        let Some(file) = self.handle.file() else {
            return;
        };
        let path = self.store.journal_path(self.handle.id());
        match Journal::start(self.store.disk(), &path, self.handle.id(), file) {
            Ok(j) => {
                self.journal = Some(j);
                app.update(Msg::JournalStarted);
            }
            Err(e) => self.journal_failed(app, format!("cannot keep {}: {e}", path.display())),
        }
    }

    pub(super) fn journal(&mut self, app: &mut App) {
        let records = app.take_journal();
        if !records.is_empty() && self.journal.is_none() && self.recovery.is_none() && !self.gap {
            self.start_journal(app);
        }
        let Some(j) = &mut self.journal else {
            // Only memory holds these edits now; the save the failure made urgent takes them.
            self.gap |= !records.is_empty();
            return;
        };
        let mut lines = Vec::with_capacity(records.len());
        for r in records {
            // The first edit of an item since the save carries the text it counts from.
            if self.based.insert(r.item) {
                let base = self
                    .saved
                    .item(r.item)
                    .map(|i| normalize(&i.minutes).into_owned())
                    .unwrap_or_default();
                lines.push(JournalLine::Base { item: r.item, base });
            }
            lines.push(JournalLine::Edit(r));
        }
        let result = j.append(&lines).and_then(|()| {
            if self.last_sync.elapsed() >= JOURNAL_SYNC {
                self.last_sync = Instant::now();
                j.sync()
            } else {
                Ok(())
            }
        });
        self.unsaved.extend(lines);
        if let Err(e) = result {
            let why = format!("cannot write {}: {e}", j.path().display());
            // Started afresh only once a save has what it missed.
            self.journal = None;
            self.gap = true;
            self.journal_failed(app, why);
        }
    }

    /// Typing is no longer journaled: the clerk is told beside the save state (the file's
    /// state is unchanged by it), and the text goes into the file at once instead.
    fn journal_failed(&mut self, app: &mut App, why: String) {
        app.update(Msg::JournalFailed(why));
    }

    pub(super) fn sync_journal(&mut self) {
        if let Some(j) = &mut self.journal {
            let _ = j.sync();
        }
    }

    pub(super) fn save(&mut self, app: &mut App) {
        if app.read_only.is_some() {
            let revision = app.revision();
            app.update(Msg::Saved { revision });
            return;
        }
        if app.revision() == app.saved_revision() {
            // Saved already; only a directory sync is owed: try it again.
            self.retry_sync(app);
            return;
        }
        if !self.number_minutes(app) {
            return;
        }
        let revision = app.revision();
        let result = self.store.save(&mut self.handle, app.meeting_for_save());
        match result {
            // The new version is the file on disk: a save, durable or not yet (the
            // store remembers a directory sync still owed).
            Ok(_) => {
                app.update(Msg::Saved { revision });
                self.last_save = Instant::now();
                self.saved = app.meeting.clone();
                // Everything journaled is in the file now: begin a fresh journal.
                self.start_journal(app);
                // Owed until a directory sync succeeds (the journal's may have); else
                // retried after RETRY.
                self.retry_sync(app);
            }
            Err(e) => {
                app.update(Msg::SaveFailed(e.to_string()));
                self.last_failure = Some(Instant::now());
                // Not a dead end: the clerk is asked what to do (unless busy in a form;
                // the next retry asks then).
                if matches!(e, StoreError::ChangedOnDisk { .. }) && app.overlay.is_none() {
                    let lines = self.conflict_lines(app);
                    app.offer_conflict(lines);
                }
            }
        }
    }
}

impl Session {
    /// A meeting just made a draft (or a numbered draft given a new item) gets its minute
    /// numbers before it is saved: the board's count is written first, so a crash leaves a
    /// gap in the numbers, never one given twice. False when the count could not be kept:
    /// the meeting is not saved yet, and the next save tries again.
    fn number_minutes(&mut self, app: &mut App) -> bool {
        if !minute_numbers::owed(&self.saved, &app.meeting) {
            return true;
        }
        match self.store.number_minutes(&app.meeting) {
            Ok(numbering) => {
                app.update(Msg::Numbered(numbering));
                true
            }
            Err(e) => {
                app.update(Msg::SaveFailed(format!(
                    "the minutes could not be numbered, so the draft is not saved yet: {e}"
                )));
                self.last_failure = Some(Instant::now());
                false
            }
        }
    }

    /// Tries the directory syncs owed and tells the app whether every save is durable.
    fn retry_sync(&mut self, app: &mut App) {
        let synced = self.store.retry_sync();
        self.last_failure = synced.is_err().then(Instant::now);
        app.update(match synced {
            Ok(()) => Msg::Durable,
            Err(why) => Msg::NotDurable(why),
        });
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod save_tests;
