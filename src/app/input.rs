//! Keys, mouse and paste: which scope has the keyboard, and where each event goes.

use ratatui::crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::{App, Effect, Overlay, form};
use crate::editor::Outcome;
use crate::keymap::{self, Command, Scope, Tab};
use crate::ui::layout;

impl App {
    /// Which keys are live: overlays first, then the pane.
    pub fn scope(&self) -> Scope {
        let pane = match self.roster {
            Some(_) => Scope::Roster,
            None => self.tab.scope(),
        };
        self.overlay.as_ref().map_or(pane, Overlay::scope)
    }

    /// Which scope has the keyboard: the overlay's, else the pane's, the Minutes tab
    /// split into the editor, its find bar and the whole minutes.
    pub fn focus(&self) -> Scope {
        match self.scope() {
            Scope::Minutes if self.minutes.whole => Scope::WholeMinutes,
            Scope::Minutes if self.minutes.editor.is_searching() => Scope::Find,
            Scope::Minutes => Scope::Editor,
            other => other,
        }
    }

    pub(super) fn key(&mut self, key: KeyEvent) {
        // The recovery question must be answered before anything else.
        if let Some(Overlay::Recovery { .. }) = self.overlay {
            if let Some(Command::Recovery(choice)) = keymap::lookup(Scope::Recovery, &key) {
                self.overlay = None;
                self.effects.push(Effect::Recovery(choice));
            }
            return;
        }
        // So is the question of a file changed on disk; quitting stays possible (the
        // journal keeps the text), nothing else.
        if let Some(Overlay::Conflict { .. }) = self.overlay {
            if let Some(Command::Conflict(choice)) = keymap::lookup(Scope::Conflict, &key) {
                self.overlay = None;
                self.effects.push(Effect::Conflict(choice));
            } else if keymap::lookup(Scope::Global, &key) == Some(Command::Quit) {
                self.command(Command::Quit);
            }
            return;
        }
        let focus = self.focus();
        for &scope in keymap::live(focus) {
            if scope.is_editor() {
                return self.editor_key(key);
            }
            if scope == Scope::Field
                && let Some(edit) = keymap::field_command(&key)
            {
                return self.field_key(|input| input.edit(edit));
            }
            if let Some(cmd) = keymap::lookup(scope, &key) {
                return self.command(cmd);
            }
        }
        // A key no binding names: the focus's own rule (see `keymap::RULES`).
        match focus {
            Scope::Form | Scope::Field => self.field_key(|input| {
                input.type_key(&key);
            }),
            Scope::WholeMinutes => self.whole_minutes_refused(),
            Scope::Global
            | Scope::Browse
            | Scope::Agenda
            | Scope::Standing
            | Scope::Minutes
            | Scope::Editor
            | Scope::Find
            | Scope::Actions
            | Scope::Attendance
            | Scope::Archive
            | Scope::Roster
            | Scope::Confirm
            | Scope::StartCheck
            | Scope::Minuting
            | Scope::Help
            | Scope::Recovery
            | Scope::Conflict
            | Scope::Chair => {}
        }
    }

    /// A key for the open form's focused field; any key clears the last refusal.
    fn field_key(&mut self, edit: impl FnOnce(&mut form::LineInput)) {
        if let Some(Overlay::Form(f)) = &mut self.overlay {
            f.error = None;
            edit(f.focused());
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Some(Overlay::Form(f)) => f.focused().insert(text),
            Some(_) => {}
            None if self.tab == Tab::Minutes
                && !self.minutes.whole
                && self.minutes.item.is_some() =>
            {
                if self.minutes.editor.paste(text) == Outcome::ReadOnly {
                    self.refuse();
                }
            }
            None => self.flash = Some("Paste goes into the Minutes tab or a form.".into()),
        }
    }

    pub(super) fn mouse(&mut self, m: MouseEvent) {
        let at = Position::new(m.column, m.row);
        if m.kind == MouseEventKind::Down(MouseButton::Left)
            && self.overlay.is_none()
            && let Some(tab) = layout::tab_under(self.screen.into(), self.reading, at)
        {
            self.switch_tab(tab);
        }
    }
}
