//! Keys against the F1 help: what each focus dispatches is what F1 says.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::december;
use super::tests::workspace::Workspace;
use super::*;
use crate::keymap::{Key, RULES, RuleKeys};

/// The F1 screen as (keys, description) rows; keys too long for their column stand on
/// a row of their own with the description on the next.
fn help_rows(app: &App) -> Vec<(String, String)> {
    let lines: Vec<String> = crate::ui::overlay::help_lines(app)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let mut rows = Vec::new();
    let mut keys_alone: Option<String> = None;
    for text in lines {
        // The description under keys of their own starts in the description column.
        if let Some(keys) = keys_alone.take()
            && text.starts_with(&" ".repeat(crate::ui::overlay::HELP_TEXT_COLUMN))
        {
            rows.push((keys, text.trim().to_string()));
            continue;
        }
        match text.trim_start().split_once("  ") {
            Some((keys, what)) => rows.push((keys.to_string(), what.trim().to_string())),
            None => keys_alone = Some(text.trim().to_string()),
        }
    }
    rows
}

/// The F1 screen's section titles, in order.
fn help_titles(app: &App) -> Vec<String> {
    crate::ui::overlay::help_lines(app)
        .iter()
        .map(|l| l.to_string())
        .filter(|t| !t.is_empty() && !t.starts_with(' '))
        .collect()
}

#[test]
fn find_modes_keys_are_listed_in_f1() {
    let mut app = december();
    app.alt('3').press(KeyCode::F(1));
    let rows = help_rows(&app);
    for (key, what) in [
        ("Enter", "Find next"),
        ("↓", "Find next"),
        ("F3", "Find next"),
        ("Ctrl-N", "Find next"),
        ("Ctrl-F", "Find next"),
        ("↑", "Find previous"),
        ("Shift-F3", "Find previous"),
        ("Ctrl-P", "Find previous"),
    ] {
        assert!(
            rows.iter()
                .any(|(k, w)| k.split([' ', '/', ',']).any(|t| t == key) && w.starts_with(what)),
            "F1 in the Minutes tab does not say {key} does {what:?}: {rows:#?}"
        );
    }
}

#[test]
fn esc_in_a_confirmation_answers_no() {
    let mut app = december();
    app.typed("d");
    assert!(matches!(app.overlay, Some(Overlay::Confirm { .. })));
    let items = app.meeting.agenda.len();
    app.press(KeyCode::Esc);
    assert!(app.overlay.is_none(), "Esc leaves the question open");
    assert_eq!(app.meeting.agenda.len(), items, "nothing deleted");
}

/// The focused field's text, or a panic if no form is open.
fn field_text(app: &App) -> String {
    match &app.overlay {
        Some(Overlay::Form(f)) => f.fields()[f.focus].input.value.clone(),
        other => panic!("the form should be open: {other:?}"),
    }
}

#[test]
fn help_over_a_form_gives_the_form_back_with_its_typing() {
    let mut app = december();
    app.typed("aCare leavers' offer");
    assert_eq!(field_text(&app), "Care leavers' offer");
    app.press(KeyCode::F(1));
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    app.press(KeyCode::Esc);
    assert_eq!(field_text(&app), "Care leavers' offer", "Esc from help");
    app.press(KeyCode::F(1)).press(KeyCode::F(1));
    assert_eq!(field_text(&app), "Care leavers' offer", "F1 again");
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "the form saves as it would have");
    assert!(
        app.meeting
            .agenda
            .iter()
            .any(|i| i.title == "Care leavers' offer")
    );
}

#[test]
fn help_over_a_question_gives_the_question_back() {
    let mut app = december();
    app.typed("d").press(KeyCode::F(1)).press(KeyCode::Esc);
    assert!(
        matches!(app.overlay, Some(Overlay::Confirm { .. })),
        "{:?}",
        app.overlay
    );
}

#[test]
fn help_over_a_form_lists_the_forms_keys_first() {
    let mut app = december();
    app.typed("a").press(KeyCode::F(1));
    let titles = help_titles(&app);
    assert_eq!(
        titles[..2],
        ["In forms", "Editing a form's field"],
        "{titles:?}"
    );
    let rows = help_rows(&app);
    for (key, what) in [
        ("←/→", "Move one character"),
        ("Home/End", "Start/end of the field"),
        ("Backspace/Del", "Delete one character"),
        ("Ctrl-U", "Clear the field"),
    ] {
        assert!(
            rows.iter().any(|(k, w)| k == key && w.starts_with(what)),
            "F1 over a form does not say {key} does {what:?}: {rows:#?}"
        );
    }
}

/// A fresh workspace with `focus` holding the keyboard, with some text where there is
/// text to edit, so editing keys have something to change.
fn focused(focus: Scope) -> Workspace {
    let mut w = december();
    match focus {
        Scope::Agenda => {}
        Scope::Standing => _ = w.alt('2'),
        Scope::Actions => _ = w.alt('4'),
        Scope::Attendance => _ = w.alt('5'),
        Scope::Archive => _ = w.alt('6'),
        Scope::Roster => {
            w.board = Some(crate::app::boards::tests::cpb());
            w.typed("B");
        }
        Scope::Form => _ = w.typed("aCare leavers").press(KeyCode::Left),
        Scope::Editor => {
            _ = w
                .alt('3')
                .typed("Apologies were noted")
                .press(KeyCode::Left)
        }
        Scope::Find => _ = w.alt('3').typed("Apologies").ctrl('f').typed("o"),
        Scope::WholeMinutes => _ = w.alt('3').typed("Apologies").alt('w'),
        Scope::Confirm => _ = w.typed("d"),
        // December's attendance is not taken; a day late, it is not held today either.
        Scope::StartCheck => _ = w.typed("s"),
        Scope::Minuting => {
            w.now += chrono::Duration::days(1);
            _ = w.typed("ss")
        }
        Scope::Help => _ = w.typed("?"),
        Scope::Recovery => w.offer_recovery(vec!["Apologies".into()]),
        Scope::Conflict => w.offer_conflict(vec!["Theirs".into()]),
        Scope::Global | Scope::Browse | Scope::Minutes | Scope::Field | Scope::Chair => {
            panic!("{focus:?} never has the keyboard on its own")
        }
    }
    assert_eq!(w.focus(), focus);
    w.flash = None;
    w
}

/// Every key the table binds, and letters, digits, arrows, F-keys, Ctrl- and Alt+letters.
fn candidate_keys() -> Vec<KeyEvent> {
    let plain = KeyModifiers::NONE;
    let mut keys: Vec<KeyEvent> = keymap::BINDINGS
        .iter()
        .flat_map(|b| b.keys)
        .chain(keymap::EDITOR_BINDINGS.iter().flat_map(|b| b.keys))
        .chain(keymap::FIELD_BINDINGS.iter().flat_map(|b| b.keys))
        .map(|k| KeyEvent::new(k.code, k.mods))
        .collect();
    for c in ('a'..='z').chain('0'..='9') {
        keys.push(KeyEvent::new(KeyCode::Char(c), plain));
        keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
    }
    keys.extend(('A'..='Z').map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)));
    keys.extend((1..=12).map(|n| KeyEvent::new(KeyCode::F(n), plain)));
    let motions = crate::keymap::key::MOTION_KEYS;
    // Shift on a motion selects; on the other editing keys it is easily held by mistake.
    for code in motions
        .into_iter()
        .chain([KeyCode::Enter, KeyCode::Backspace, KeyCode::Delete])
    {
        keys.push(KeyEvent::new(code, KeyModifiers::SHIFT));
    }
    for code in motions.into_iter().chain([
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::Backspace,
        KeyCode::Delete,
    ]) {
        keys.push(KeyEvent::new(code, plain));
        keys.push(KeyEvent::new(code, KeyModifiers::CONTROL));
    }
    keys
}

/// The key as help writes it: a typed capital is its own key, not Shift and a letter.
fn shown_name(e: &KeyEvent) -> String {
    let mods = match e.code {
        KeyCode::Char(_) => e.modifiers.difference(KeyModifiers::SHIFT),
        _ => e.modifiers,
    };
    Key::new(e.code, mods).to_string()
}

/// The names a help label lists, a shared modifier written out again ("Ctrl-←/→").
fn names_in(label: &str) -> Vec<String> {
    label
        .split(' ')
        .flat_map(|token| {
            if token == "/" {
                return vec![token.to_string()];
            }
            let mut parts = token.split('/');
            let first = parts.next().unwrap_or_default().to_string();
            let prefix = first[..first.rfind(['-', '+']).map_or(0, |i| i + 1)].to_string();
            let rest: Vec<String> = parts.map(|p| format!("{prefix}{p}")).collect();
            std::iter::once(first).chain(rest).collect()
        })
        .collect()
}

/// The keys a table lists only quietly in `scope`: a terminal's other spelling of a key
/// help shows on the same row (Ctrl-H for Ctrl-Backspace).
fn quiet_in<C>(table: &[keymap::Binding<C>], scope: Scope) -> Vec<String> {
    table
        .iter()
        .filter(|b| b.scope == scope)
        .flat_map(|b| b.keys.iter().filter(|k| k.quiet).map(Key::to_string))
        .collect()
}

/// Whether help for `focus` lists the key, on a row or by a rule of a live scope.
fn in_help(focus: Scope, e: &KeyEvent, refused: bool) -> bool {
    let live = keymap::live(focus);
    let name = shown_name(e);
    let on_a_row = live
        .iter()
        .flat_map(|&s| keymap::help(s))
        .any(|row| names_in(&row.label).contains(&name));
    let quiet = live.iter().any(|&s| {
        [
            quiet_in(keymap::BINDINGS, s),
            quiet_in(keymap::EDITOR_BINDINGS, s),
            quiet_in(keymap::FIELD_BINDINGS, s),
        ]
        .concat()
        .contains(&name)
    });
    let ctrl_alt = e
        .modifiers
        .contains(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let plain = !e
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let motion = crate::keymap::key::MOTION_KEYS.contains(&e.code);
    let by_rule = RULES
        .iter()
        .filter(|r| live.contains(&r.scope))
        .any(|r| match r.keys {
            RuleKeys::Characters => {
                matches!(e.code, KeyCode::Char(_))
                    && (plain || (ctrl_alt && r.scope == Scope::Editor))
            }
            RuleKeys::ShiftMotion => motion && e.modifiers.contains(KeyModifiers::SHIFT),
            RuleKeys::ShiftOther => !motion && plain && e.modifiers.contains(KeyModifiers::SHIFT),
            // Find: another key closes it and does its job in the editor, as listed there.
            // The whole minutes: other keys only say they do nothing.
            RuleKeys::OtherKeys => match r.scope {
                Scope::Find => in_help(Scope::Editor, e, refused),
                _ => refused,
            },
        });
    on_a_row || quiet || by_rule
}

/// Every key event that changes the workspace, in every focus, is one F1 lists for
/// that focus: no key is handled outside the table.
#[test]
fn every_key_that_changes_the_workspace_is_in_that_focus_help() {
    let focuses = [
        Scope::Agenda,
        Scope::Standing,
        Scope::Actions,
        Scope::Attendance,
        Scope::Archive,
        Scope::Roster,
        Scope::Form,
        Scope::Editor,
        Scope::Find,
        Scope::WholeMinutes,
        Scope::Confirm,
        Scope::Help,
        Scope::Recovery,
        Scope::Conflict,
    ];
    let mut unlisted = Vec::new();
    for focus in focuses {
        let before = format!("{:?}", focused(focus).app);
        for e in candidate_keys() {
            let mut w = focused(focus);
            w.key(e.code, e.modifiers);
            let effects = !w.take_effects().is_empty();
            let changed = format!("{:?}", w.app) != before || effects;
            // A key whose only effect is a message saying why it does nothing.
            let said = w.flash.take();
            let refused = said.is_some() && !effects && format!("{:?}", w.app) == before;
            if changed && !in_help(focus, &e, refused) {
                unlisted.push(format!("{focus:?}: {}", shown_name(&e)));
            }
        }
    }
    unlisted.sort();
    unlisted.dedup();
    assert!(
        unlisted.is_empty(),
        "keys that do something F1 does not list:\n{}",
        unlisted.join("\n")
    );
}
