//! Keys against the F1 help: what each focus dispatches is what F1 says.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::december;
use super::*;

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.update(Msg::Key(KeyEvent::new(code, mods)));
}

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
        if let Some(keys) = keys_alone.take()
            && text.starts_with("    ")
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

#[test]
fn find_modes_keys_are_listed_in_f1() {
    let mut app = december();
    press(&mut app, KeyCode::Char('3'), KeyModifiers::ALT);
    press(&mut app, KeyCode::F(1), KeyModifiers::NONE);
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
    press(&mut app, KeyCode::Char('d'), KeyModifiers::NONE);
    assert!(matches!(app.overlay, Some(Overlay::Confirm { .. })));
    let items = app.meeting.agenda.len();
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.overlay.is_none(), "Esc leaves the question open");
    assert_eq!(app.meeting.agenda.len(), items, "nothing deleted");
}
