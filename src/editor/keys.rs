//! Which key does what: the key → command table, and the same table in words
//! for the help screen, kept side by side so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Cursor motions; with Shift they extend the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Motion {
    Left,
    Right,
    Up,
    Down,
    WordLeft,
    WordRight,
    Home,
    End,
    PageUp,
    PageDown,
    DocStart,
    DocEnd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Command {
    Move {
        motion: Motion,
        select: bool,
    },
    Type(char),
    Enter,
    Tab,
    Backspace,
    Delete,
    DeleteWordBack,
    DeleteWordForward,
    SelectAll,
    Copy,
    Cut,
    Paste,
    Undo,
    Redo,
    Find,
    FindNext,
    FindPrev,
    /// Esc: drops the selection (and closes search).
    Cancel,
}

/// Key and description of every editor key, for the help screen.
pub const KEY_HELP: &[(&str, &str)] = &[
    ("←/→", "Move one character"),
    ("↑/↓", "Move one screen row, keeping the column"),
    ("Ctrl-←/→", "Move one word"),
    ("Home/End", "Start/end of the row, again for the paragraph"),
    ("PgUp/PgDn", "Move one screen up/down"),
    ("Ctrl-Home/End", "Start/end of the minutes"),
    ("Shift+move", "Select while moving"),
    ("Ctrl-A", "Select all"),
    (
        "Backspace/Delete",
        "Delete one character before/after the cursor",
    ),
    (
        "Ctrl-Backspace, Ctrl-W",
        "Delete the word before the cursor",
    ),
    ("Ctrl-Delete", "Delete the word after the cursor"),
    ("Enter", "New paragraph"),
    ("Tab", "Insert spaces to the next tab stop"),
    ("Ctrl-C", "Copy (also to the terminal clipboard)"),
    ("Ctrl-X", "Cut"),
    (
        "Ctrl-V",
        "Paste what was copied here; terminal paste also works",
    ),
    ("Ctrl-Z", "Undo"),
    ("Ctrl-Y, Ctrl-Shift-Z", "Redo"),
    ("Ctrl-F", "Find; type to search"),
    ("Enter, F3, Ctrl-N", "Find next (while finding)"),
    ("Shift-F3, Ctrl-P", "Find previous (while finding)"),
    ("Esc", "Close find / drop the selection"),
];

/// The editor command for a key press, or `None` for keys the app should have
/// (Alt chords, function keys, unbound Ctrl chords).
pub(crate) fn command(key: &KeyEvent) -> Option<Command> {
    let m = key.modifiers;
    let ctrl = m.contains(KeyModifiers::CONTROL);
    let alt = m.contains(KeyModifiers::ALT);
    let shift = m.contains(KeyModifiers::SHIFT);
    let plain = !ctrl && !alt;
    let mv = |motion| {
        Some(Command::Move {
            motion,
            select: shift,
        })
    };
    match key.code {
        // AltGr arrives as Ctrl+Alt on some terminals: it types a character.
        KeyCode::Char(c) if plain || (ctrl && alt) => Some(Command::Type(c)),
        KeyCode::Char(c) if ctrl && !alt => match c.to_ascii_lowercase() {
            'a' => Some(Command::SelectAll),
            'c' => Some(Command::Copy),
            'x' => Some(Command::Cut),
            'v' => Some(Command::Paste),
            'z' if shift || c == 'Z' => Some(Command::Redo),
            'z' => Some(Command::Undo),
            'y' => Some(Command::Redo),
            'f' => Some(Command::Find),
            // Legacy terminals send Ctrl-Backspace as Ctrl-H.
            'w' | 'h' => Some(Command::DeleteWordBack),
            _ => None,
        },
        _ if alt => None,
        KeyCode::Left if ctrl => mv(Motion::WordLeft),
        KeyCode::Right if ctrl => mv(Motion::WordRight),
        KeyCode::Home if ctrl => mv(Motion::DocStart),
        KeyCode::End if ctrl => mv(Motion::DocEnd),
        KeyCode::Left => mv(Motion::Left),
        KeyCode::Right => mv(Motion::Right),
        KeyCode::Up => mv(Motion::Up),
        KeyCode::Down => mv(Motion::Down),
        KeyCode::Home => mv(Motion::Home),
        KeyCode::End => mv(Motion::End),
        KeyCode::PageUp => mv(Motion::PageUp),
        KeyCode::PageDown => mv(Motion::PageDown),
        KeyCode::Backspace if ctrl => Some(Command::DeleteWordBack),
        KeyCode::Delete if ctrl => Some(Command::DeleteWordForward),
        KeyCode::Backspace => Some(Command::Backspace),
        KeyCode::Delete => Some(Command::Delete),
        KeyCode::Enter if !ctrl => Some(Command::Enter),
        KeyCode::Tab if !ctrl => Some(Command::Tab),
        KeyCode::Esc => Some(Command::Cancel),
        _ => None,
    }
}

/// Keys that mean something else while the find bar is open.
pub(crate) fn find_command(key: &KeyEvent) -> Option<Command> {
    let m = key.modifiers;
    let ctrl = m.contains(KeyModifiers::CONTROL);
    let shift = m.contains(KeyModifiers::SHIFT);
    match key.code {
        KeyCode::Enter | KeyCode::Down if !ctrl => Some(Command::FindNext),
        KeyCode::Up if !ctrl => Some(Command::FindPrev),
        KeyCode::F(3) if shift => Some(Command::FindPrev),
        KeyCode::F(3) => Some(Command::FindNext),
        KeyCode::Char('n') if ctrl => Some(Command::FindNext),
        KeyCode::Char('p') if ctrl => Some(Command::FindPrev),
        KeyCode::Char('f') if ctrl => Some(Command::FindNext),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn app_keys_pass_through() {
        for k in [
            key(KeyCode::Char('1'), KeyModifiers::ALT),
            key(KeyCode::Char('q'), KeyModifiers::CONTROL),
            key(KeyCode::F(1), KeyModifiers::NONE),
            key(KeyCode::Left, KeyModifiers::ALT),
        ] {
            assert_eq!(command(&k), None, "{k:?}");
        }
    }

    #[test]
    fn redo_has_both_spellings_and_shifted_letters_type() {
        assert_eq!(
            command(&key(
                KeyCode::Char('Z'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )),
            Some(Command::Redo)
        );
        assert_eq!(
            command(&key(KeyCode::Char('y'), KeyModifiers::CONTROL)),
            Some(Command::Redo)
        );
        assert_eq!(
            command(&key(KeyCode::Char('z'), KeyModifiers::CONTROL)),
            Some(Command::Undo)
        );
        assert_eq!(
            command(&key(KeyCode::Char('Q'), KeyModifiers::SHIFT)),
            Some(Command::Type('Q'))
        );
        assert_eq!(
            command(&key(KeyCode::End, KeyModifiers::SHIFT)),
            Some(Command::Move {
                motion: Motion::End,
                select: true
            })
        );
    }
}
