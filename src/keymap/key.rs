//! A key as the table writes it, how a terminal's key event matches it, and its one spelling
//! in help, hints and messages ("Ctrl-Q", "Alt+1", "Shift-Tab", "↑").

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
    /// A variant some terminals send for a key already shown (Ctrl-H for Ctrl-Backspace):
    /// it dispatches, but help does not list it twice.
    pub quiet: bool,
}

impl Key {
    pub const fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        Key {
            code,
            mods,
            quiet: false,
        }
    }

    /// The same key, dispatched but not shown in help.
    pub const fn quiet(self) -> Key {
        Key {
            quiet: true,
            ..self
        }
    }

    /// Same key and modifiers (whether shown or not).
    pub fn same(&self, other: &Key) -> bool {
        self.code == other.code && self.mods == other.mods
    }

    /// The panes' matching: a typed capital already says Shift, and terminals differ on
    /// reporting it; Alt+A and Ctrl-Q match whether the letter came up- or lower-case.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        if self.code == ev.code {
            return without_char_shift(ev.code, ev.modifiers)
                == without_char_shift(self.code, self.mods);
        }
        match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                !self.mods.is_empty()
                    && !a.is_ascii_uppercase()
                    && a == b.to_ascii_lowercase()
                    && ev.modifiers.difference(KeyModifiers::SHIFT) == self.mods
            }
            _ => false,
        }
    }
}

fn without_char_shift(code: KeyCode, mods: KeyModifiers) -> KeyModifiers {
    match code {
        KeyCode::Char(_) | KeyCode::BackTab => mods.difference(KeyModifiers::SHIFT),
        _ => mods,
    }
}

pub const fn key(code: KeyCode) -> Key {
    Key::new(code, KeyModifiers::NONE)
}
pub const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}
pub const fn f(n: u8) -> Key {
    key(KeyCode::F(n))
}
pub const fn alt(c: char) -> Key {
    Key::new(KeyCode::Char(c), KeyModifiers::ALT)
}
pub const fn ctrl(c: char) -> Key {
    ctrl_key(KeyCode::Char(c))
}
pub const fn ctrl_key(code: KeyCode) -> Key {
    Key::new(code, KeyModifiers::CONTROL)
}
pub const fn shift(code: KeyCode) -> Key {
    Key::new(code, KeyModifiers::SHIFT)
}
pub const fn with(k: Key, mods: KeyModifiers) -> Key {
    Key::new(k.code, k.mods.union(mods))
}

pub const UP: Key = key(KeyCode::Up);
pub const DOWN: Key = key(KeyCode::Down);
pub const LEFT: Key = key(KeyCode::Left);
pub const RIGHT: Key = key(KeyCode::Right);
pub const HOME: Key = key(KeyCode::Home);
pub const END: Key = key(KeyCode::End);
pub const PGUP: Key = key(KeyCode::PageUp);
pub const PGDN: Key = key(KeyCode::PageDown);
pub const ENTER: Key = key(KeyCode::Enter);

/// The keys that move the cursor: with Shift, in the editor, they select. Tests sweep them.
#[cfg(test)]
pub(crate) const MOTION_KEYS: [KeyCode; 8] = [
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
];
pub const ESC: Key = key(KeyCode::Esc);
pub const TAB: Key = key(KeyCode::Tab);
pub const BACKTAB: Key = key(KeyCode::BackTab);
pub const BACKSPACE: Key = key(KeyCode::Backspace);
pub const DEL: Key = key(KeyCode::Delete);

/// The one spelling: "Ctrl-" and "Shift-" with a hyphen, "Alt+" with a plus, as the
/// README has always written them; letters with a modifier in capitals.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.mods;
        if self.code == KeyCode::BackTab {
            f.write_str(&prefix(m.difference(KeyModifiers::SHIFT)))?;
        } else {
            f.write_str(&prefix(m))?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if !m.is_empty() => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            // Home, End, Enter, Esc, Tab, Backspace: crossterm's names are the ones on the keys.
            other => write!(f, "{other:?}"),
        }
    }
}

/// The modifiers as they are written before a key: "Ctrl-", "Alt+", "Shift-", in that order.
pub fn prefix(mods: KeyModifiers) -> String {
    let mut s = String::new();
    for (m, word) in [
        (KeyModifiers::CONTROL, "Ctrl-"),
        (KeyModifiers::ALT, "Alt+"),
        (KeyModifiers::SHIFT, "Shift-"),
    ] {
        if mods.contains(m) {
            s.push_str(word);
        }
    }
    s
}

/// The keys of one binding as help shows them: "↑ k", "d Del" (quiet variants and
/// spellings already shown are left out).
pub fn label(keys: &[Key]) -> String {
    label_with(keys, " ")
}

/// The same with another separator: "Tab/↓" in a form's footer.
pub fn label_with(keys: &[Key], sep: &str) -> String {
    let mut names: Vec<String> = Vec::new();
    for k in keys.iter().filter(|k| !k.quiet) {
        let name = k.to_string();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(sep)
}

/// Two keys written together, their shared modifier once: "Ctrl-←/→", "Alt+1..6", "n/p".
pub fn joined(a: &str, sep: &str, b: &str) -> String {
    let mut prefix = 0;
    for ((i, x), y) in a.char_indices().zip(b.chars()) {
        if x != y {
            break;
        }
        if x == '-' || x == '+' {
            prefix = i + 1;
        }
    }
    format!("{a}{sep}{}", &b[prefix..])
}
