//! The editor's commands; which key gives which is the key table's business
//! (`keymap`'s Editor and Find scopes), so help and keys cannot drift apart.

use ratatui::crossterm::event::KeyEvent;

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
    /// While finding: a character for the search, the last one off it, a paste into it,
    /// and closing the find bar.
    FindType(char),
    FindErase,
    FindPaste,
    FindClose,
}

/// The editor command for a key press, or `None` for keys the app should have
/// (Alt chords, function keys, unbound Ctrl chords). The mapping is the key table's.
pub(crate) fn command(key: &KeyEvent) -> Option<Command> {
    crate::keymap::editor_command(key)
}

/// Keys that mean something else while the find bar is open.
pub(crate) fn find_command(key: &KeyEvent) -> Option<Command> {
    crate::keymap::find_command(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

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
