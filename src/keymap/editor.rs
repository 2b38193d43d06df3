//! The minutes editor's keys: the table's Editor and Find scopes, and the rules a table of
//! keys cannot list one by one (characters type; Shift on a motion selects). The rules are
//! carried out here and nowhere else; `keymap::RULES` puts them in help.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::key::Key;
use super::table::EDITOR_BINDINGS;
use super::{Binding, Scope};
use crate::editor::EditCommand;

/// The editor command for a key press, or `None` for keys the app should have
/// (Alt chords, function keys, unbound Ctrl chords).
pub(crate) fn command(ev: &KeyEvent) -> Option<EditCommand> {
    if let Some(c) = typed(ev) {
        return Some(EditCommand::Type(c));
    }
    lookup(Scope::Editor, ev)
}

/// Keys that mean something else while the find bar is open.
pub(crate) fn find_command(ev: &KeyEvent) -> Option<EditCommand> {
    if let Some(command) = lookup(Scope::Find, ev) {
        return Some(command);
    }
    let plain = !ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match ev.code {
        KeyCode::Char(c) if plain => Some(EditCommand::FindType(c)),
        _ => None,
    }
}

/// A character typed as text: plain or shifted, or AltGr, which arrives as Ctrl+Alt on
/// some terminals.
fn typed(ev: &KeyEvent) -> Option<char> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let alt = ev.modifiers.contains(KeyModifiers::ALT);
    match ev.code {
        KeyCode::Char(c) if ctrl == alt => Some(c),
        _ => None,
    }
}

/// The key with Shift if a binding names it (Ctrl-Shift-Z, Shift-F3), else without:
/// a shifted motion then selects, any other shifted key does what the plain one does.
fn lookup(scope: Scope, ev: &KeyEvent) -> Option<EditCommand> {
    let (binding, _, shifted) = matched(scope, ev)?;
    match binding.command {
        EditCommand::Move { motion, .. } => Some(EditCommand::Move {
            motion,
            select: shifted,
        }),
        command => Some(command),
    }
}

/// The binding a key event hits in an editor scope, which of its keys, and whether the
/// event's Shift was left over (a binding without Shift was taken).
pub(crate) fn matched(
    scope: Scope,
    ev: &KeyEvent,
) -> Option<(&'static Binding<EditCommand>, &'static Key, bool)> {
    let (code, shift) = match ev.code {
        // Ctrl-Z with Shift arrives as 'Z' or as 'z' with Shift, depending on the terminal.
        KeyCode::Char(c) => (
            KeyCode::Char(c.to_ascii_lowercase()),
            ev.modifiers.contains(KeyModifiers::SHIFT) || c.is_ascii_uppercase(),
        ),
        code => (code, ev.modifiers.contains(KeyModifiers::SHIFT)),
    };
    let base = ev.modifiers.difference(KeyModifiers::SHIFT);
    let find = |mods| {
        let want = Key::new(code, mods);
        EDITOR_BINDINGS
            .iter()
            .filter(|b| b.scope == scope)
            .find_map(|b| b.keys.iter().find(|k| k.same(&want)).map(|k| (b, k)))
    };
    if shift && let Some((b, k)) = find(base | KeyModifiers::SHIFT) {
        return Some((b, k, false));
    }
    find(base).map(|(b, k)| (b, k, shift))
}
