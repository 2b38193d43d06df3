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
    codes.extend([
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
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
    } else {
        matched(scope, e).map(|(b, key)| (b.help, *key))
    }
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
            let shown: Vec<(&str, Key)> = if scope.is_editor() {
                let b = EDITOR_BINDINGS.iter().filter(|b| b.scope == scope);
                b.flat_map(|b| b.keys.iter().map(move |k| (b.help, *k)))
                    .collect()
            } else {
                let b = BINDINGS.iter().filter(|b| b.scope == scope);
                b.flat_map(|b| b.keys.iter().map(move |k| (b.help, *k)))
                    .collect()
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
}
