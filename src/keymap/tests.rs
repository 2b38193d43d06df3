//! The table against itself: one spelling, no key bound twice where scopes are live
//! together, and help naming every key each scope dispatches.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::key::{self as k, Key};
use super::*;
use crate::editor::EditCommand;

fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

/// Every key a test presses: printable characters, the named keys and F1..F12, under
/// every combination of Ctrl, Alt and Shift.
fn every_key_event() -> Vec<KeyEvent> {
    let mut codes: Vec<KeyCode> = (' '..='~').map(KeyCode::Char).collect();
    codes.extend(k::MOTION_KEYS);
    codes.extend([
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
    ]);
    codes.extend((1..=12).map(KeyCode::F));
    let (c, a, s) = (
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
        KeyModifiers::SHIFT,
    );
    let mods = [KeyModifiers::NONE, s, c, a, c | s, a | s, c | a, c | a | s];
    codes
        .iter()
        .flat_map(|&code| mods.iter().map(move |&m| ev(code, m)))
        .collect()
}

/// What a key event hits in one scope: the binding's help text and the key it matched.
fn hit(scope: Scope, e: &KeyEvent) -> Option<(&'static str, Key)> {
    if scope.is_editor() {
        editor::matched(scope, e).map(|(b, key, _)| (b.help, *key))
    } else if scope == Scope::Field {
        matched_in(FIELD_BINDINGS, scope, e).map(|(b, key)| (b.help, *key))
    } else if scope == Scope::Chair {
        matched_in(CHAIR_BINDINGS, scope, e).map(|(b, key)| (b.help, *key))
    } else {
        matched(scope, e).map(|(b, key)| (b.help, *key))
    }
}

/// Every key a table lists for `scope`, with the help of its row.
fn listed<C>(table: &'static [Binding<C>], scope: Scope) -> Vec<(&'static str, Key)> {
    let b = table.iter().filter(move |b| b.scope == scope);
    b.flat_map(|b| b.keys.iter().map(move |k| (b.help, *k)))
        .collect()
}

/// The keys a help label names, a shared modifier written out again ("Ctrl-←/→").
fn names_in(label: &str) -> Vec<String> {
    let mut names = Vec::new();
    for token in label.split(' ') {
        if token == "/" {
            names.push(token.to_string());
            continue;
        }
        let mut parts = token.split('/');
        let first = parts.next().unwrap_or_default();
        let prefix = &first[..first.rfind(['-', '+']).map_or(0, |i| i + 1)];
        names.push(first.to_string());
        names.extend(parts.map(|p| format!("{prefix}{p}")));
    }
    names
}

#[test]
fn keys_are_spelled_one_way_from_the_key_itself() {
    assert_eq!(k::ctrl('q').to_string(), "Ctrl-Q");
    assert_eq!(k::alt('1').to_string(), "Alt+1");
    assert_eq!(k::alt('w').to_string(), "Alt+W");
    assert_eq!(k::shift(KeyCode::BackTab).to_string(), "Shift-Tab");
    assert_eq!(k::BACKTAB.to_string(), "Shift-Tab");
    assert_eq!(k::shift(KeyCode::F(3)).to_string(), "Shift-F3");
    assert_eq!(k::shift(KeyCode::Up).to_string(), "Shift-↑");
    assert_eq!(
        Key::new(
            KeyCode::Char('z'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT
        )
        .to_string(),
        "Ctrl-Shift-Z"
    );
    assert_eq!(k::ch('A').to_string(), "A");
    let rows = help(Scope::Editor);
    let label = |what: &str| rows.iter().find(|r| r.help == what).unwrap().label.clone();
    assert_eq!(label("Move one word"), "Ctrl-←/→");
    assert_eq!(label("Move one screen up/down"), "PgUp/PgDn");
    assert_eq!(label("Redo"), "Ctrl-Y Ctrl-Shift-Z");
    assert_eq!(
        label("Delete the word before the cursor"),
        "Ctrl-Backspace Ctrl-W",
        "Ctrl-H is a terminal's spelling of Ctrl-Backspace, not a second key to learn"
    );
    let agenda = help(Scope::Agenda);
    assert!(agenda.iter().any(|r| r.label == "K Shift-↑"));
}

#[test]
fn the_editors_help_lists_its_everyday_keys_with_what_they_do() {
    let rows: Vec<Row> = [Scope::Editor, Scope::Find]
        .into_iter()
        .flat_map(help)
        .collect();
    for key in [
        "Ctrl-Z",
        "Ctrl-F",
        "Ctrl-A",
        "PgUp/PgDn",
        "Tab",
        "Enter",
        "Esc",
    ] {
        assert!(
            rows.iter()
                .any(|r| names_in(&r.label).contains(&key.to_string()) || r.label == key)
                && rows.iter().all(|r| !r.help.is_empty()),
            "{key} missing from the editor's help: {rows:?}"
        );
    }
}

#[test]
fn shift_tab_goes_back_whether_or_not_the_terminal_reports_shift() {
    for mods in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
        let e = ev(KeyCode::BackTab, mods);
        assert_eq!(lookup(Scope::Browse, &e), Some(Command::PrevTab));
        assert_eq!(lookup(Scope::Form, &e), Some(Command::PrevField));
    }
}

#[test]
fn global_keys_match_with_or_without_shift_reported() {
    let quit = Some(Command::Quit);
    assert_eq!(
        lookup(Scope::Global, &ev(KeyCode::Char('3'), KeyModifiers::ALT)),
        Some(Command::Tab(Tab::Minutes))
    );
    assert_eq!(
        lookup(
            Scope::Global,
            &ev(KeyCode::Char('q'), KeyModifiers::CONTROL)
        ),
        quit
    );
    let ctrl_shift = KeyModifiers::CONTROL | KeyModifiers::SHIFT;
    assert_eq!(
        lookup(Scope::Global, &ev(KeyCode::Char('Q'), ctrl_shift)),
        quit
    );
    assert_eq!(
        lookup(Scope::Global, &ev(KeyCode::Char('q'), KeyModifiers::NONE)),
        None
    );
}

#[test]
fn capitals_are_their_own_keys() {
    let agenda = |code, mods| lookup(Scope::Agenda, &ev(code, mods));
    assert_eq!(
        agenda(KeyCode::Char('A'), KeyModifiers::SHIFT),
        Some(Command::Agenda(AgendaEdit::AddSub))
    );
    assert_eq!(
        agenda(KeyCode::Char('a'), KeyModifiers::NONE),
        Some(Command::Agenda(AgendaEdit::Add))
    );
    assert_eq!(
        agenda(KeyCode::Up, KeyModifiers::SHIFT),
        Some(Command::Agenda(AgendaEdit::Move(Step::Up)))
    );
    assert_eq!(
        agenda(KeyCode::Up, KeyModifiers::NONE),
        Some(Command::Select(Step::Up))
    );
}

#[test]
fn shift_on_a_motion_selects_and_ctrl_shift_z_redoes() {
    let ed = |code, mods| editor::command(&ev(code, mods));
    assert_eq!(
        ed(KeyCode::Left, KeyModifiers::CONTROL | KeyModifiers::SHIFT),
        Some(EditCommand::Move {
            motion: crate::editor::Motion::WordLeft,
            select: true
        })
    );
    assert_eq!(
        ed(KeyCode::Char('Z'), KeyModifiers::CONTROL),
        Some(EditCommand::Redo)
    );
    assert_eq!(
        ed(
            KeyCode::Char('a'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT
        ),
        Some(EditCommand::SelectAll)
    );
    assert_eq!(
        ed(
            KeyCode::Char('@'),
            KeyModifiers::CONTROL | KeyModifiers::ALT
        ),
        Some(EditCommand::Type('@')),
        "AltGr types"
    );
}

/// Every focus, with every scope live beside it: no key event reaches two bindings.
#[test]
fn no_key_is_bound_twice_in_scopes_that_are_live_at_once() {
    let events = every_key_event();
    for focus in Scope::ALL {
        for e in &events {
            let hits: Vec<(Scope, &str)> = live(focus)
                .iter()
                .filter_map(|&s| hit(s, e).map(|(help, _)| (s, help)))
                .collect();
            assert!(
                hits.len() <= 1,
                "with {focus:?} focused, {:?} {:?} is bound to {hits:?}",
                e.modifiers,
                e.code
            );
        }
    }
}

/// For every scope and every key it dispatches, its help names that key on the row of
/// what it does (a quiet variant excepted: help shows the key it stands for).
#[test]
fn help_names_every_key_each_scope_dispatches() {
    for scope in Scope::ALL {
        let rows = help(scope);
        for e in every_key_event() {
            let Some((what, key)) = hit(scope, &e) else {
                continue;
            };
            let row = rows.iter().find(|r| r.help == what);
            let row = row.unwrap_or_else(|| panic!("{scope:?}: no help row for {what:?}"));
            assert!(
                key.quiet || names_in(&row.label).contains(&key.to_string()),
                "{scope:?}: {key} does {what:?} but help says {:?}",
                row.label
            );
        }
    }
}

/// The other way round: every key help shows does what help says, in every focus it
/// is live in (nothing earlier in `live` takes it first).
#[test]
fn every_key_help_shows_does_what_it_says() {
    for focus in Scope::ALL {
        for &scope in live(focus) {
            let shown = if scope.is_editor() {
                listed(EDITOR_BINDINGS, scope)
            } else if scope == Scope::Field {
                listed(FIELD_BINDINGS, scope)
            } else if scope == Scope::Chair {
                listed(CHAIR_BINDINGS, scope)
            } else {
                listed(BINDINGS, scope)
            };
            for (what, key) in shown {
                let e = ev(key.code, key.mods);
                let first = live(focus)
                    .iter()
                    .find_map(|&s| hit(s, &e).map(|h| (s, h.0)));
                assert_eq!(
                    first,
                    Some((scope, what)),
                    "with {focus:?} focused, {key} is listed for {what:?}"
                );
            }
        }
    }
}

#[test]
fn the_editors_rules_are_in_its_help() {
    for (scope, rule) in [
        (Scope::Editor, RuleKeys::Characters),
        (Scope::Editor, RuleKeys::ShiftMotion),
        (Scope::Editor, RuleKeys::ShiftOther),
        (Scope::Find, RuleKeys::Characters),
        (Scope::Find, RuleKeys::OtherKeys),
        (Scope::WholeMinutes, RuleKeys::OtherKeys),
    ] {
        assert!(
            help(scope).iter().any(|r| r.label == rule.to_string()),
            "{scope:?} help lacks {rule}"
        );
    }
    assert_eq!(RuleKeys::ShiftMotion.to_string(), "Shift-move");
    assert_eq!(RuleKeys::ShiftOther.to_string(), "Shift-other key");
}

#[test]
fn hints_and_messages_name_keys_from_the_table() {
    assert_eq!(
        hint(false, Tab::Agenda),
        "Alt+1..6 or 1..6 tabs · n/p items · F1 or ? help · Ctrl-Q save and quit"
    );
    assert_eq!(
        hint(false, Tab::Minutes),
        "Alt+A action · Alt+D decision · Alt+N next item · F1 help · Ctrl-Q quit"
    );
    assert_eq!(
        hint(false, Tab::Archive),
        "Enter read · / search · a actions · e erratum · x export · F1 help"
    );
    assert_eq!(
        hint(true, Tab::Agenda),
        "Reading: Esc or Alt+6 back to the archive · 1..5 panes · F1 help"
    );
    assert_eq!(
        form_footer(),
        "Enter save · Esc cancel · Tab/↓ next field · Shift-Tab/↑ previous"
    );
    assert_eq!(help_title(), " Help: keys (↑/↓ scroll, Esc close) ");
    assert_eq!(
        [quit_key(), whole_minutes_key(), action_key(), open_key()],
        ["Ctrl-Q", "Alt+W", "Alt+A", "Enter"]
    );
    assert_eq!(
        archive_list_keys(),
        "Enter read · / search · a actions · x export"
    );
    assert_eq!(
        search_result_keys(),
        "Enter opens at the item · / search again · Esc back"
    );
}

#[test]
fn every_binding_shows_a_key_and_says_what_it_does() {
    let shown = |keys: &[Key]| keys.iter().any(|k| !k.quiet);
    for b in BINDINGS {
        assert!(shown(b.keys) && !b.help.is_empty(), "{:?}", b.command);
    }
    for b in EDITOR_BINDINGS {
        assert!(shown(b.keys) && !b.help.is_empty(), "{:?}", b.command);
    }
    for b in FIELD_BINDINGS {
        assert!(shown(b.keys) && !b.help.is_empty(), "{:?}", b.command);
    }
    for b in CHAIR_BINDINGS {
        assert!(shown(b.keys) && !b.help.is_empty(), "{:?}", b.command);
    }
}

/// The string literals of Rust source, outside comments and a file's inline tests.
fn string_literals(source: &str) -> Vec<String> {
    let code = source
        .split("#[cfg(test)]\nmod tests {")
        .next()
        .unwrap_or_default();
    let chars: Vec<char> = code.chars().collect();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            // A char literal ('"', '\'') is not a string; a lifetime is neither.
            '\'' if chars.get(i + 1) == Some(&'\\') => i += 3,
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 2,
            '"' => {
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    text.push(chars[i]);
                    i += 1;
                }
                out.push(text);
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// A key named in text: "Ctrl-…", "Alt+…", "Shift-…", "F1", a letter in brackets
/// ("(e)"), or "press x" / "Press Enter".
fn names_a_key(text: &str) -> bool {
    let bare = |w: &str| w.trim_end_matches([',', '.', ';', ':', ')']).to_string();
    let f_key = |w: &str| w.starts_with('F') && bare(&w[1..]).parse::<u8>().is_ok();
    let key_like = |w: &str| {
        let w = bare(w);
        let named = [
            "Enter",
            "Esc",
            "Tab",
            "Backspace",
            "Del",
            "Home",
            "End",
            "PgUp",
            "PgDn",
            "Space",
        ];
        (w.chars().count() == 1 && w != "{") || named.contains(&w.as_str()) || f_key(&w)
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let modifier = |w: &&str| ["Ctrl-", "Alt+", "Shift-"].iter().any(|m| w.contains(m));
    let bracketed = |w: &&str| {
        let w = bare(w);
        w.len() == 2 && w.starts_with('(') && w[1..].chars().all(|c| c.is_ascii_lowercase())
    };
    words
        .iter()
        .any(|w| modifier(w) || f_key(w) || bracketed(w))
        || words
            .windows(2)
            .any(|p| p[0].eq_ignore_ascii_case("press") && key_like(p[1]))
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The key table is the only place a key is named: a message says "Press {}" with the
/// key from the table, so a key rebound there is renamed in every message.
#[test]
fn no_string_outside_the_key_table_names_a_key() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let test_file = rel.ends_with("tests.rs") || rel.contains("/tests/");
        if rel.starts_with("keymap") || test_file {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for text in string_literals(&source) {
            if names_a_key(&text) {
                found.push(format!("{rel}: {text:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "keys named outside the table:\n{}",
        found.join("\n")
    );
    assert!(names_a_key("Press a for the action history first."));
    assert!(names_a_key("press k to keep both, or c to carry on"));
    assert!(names_a_key("Not started: press s to start the meeting."));
    assert!(names_a_key("the rows alone are not the figures (e)."));
    assert!(!names_a_key("Press {} again to quit anyway"));
}
