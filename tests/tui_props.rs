//! Random key sequences, pastes, clock ticks and resizes down to 1x1: the workspace never
//! panics, whatever the clerk (or a cat on the keyboard) does.

mod common;

use chrono::{NaiveDate, NaiveTime};
use common::workspace::Workspace;
use minutebook::app::App;
use minutebook::ui::theme::Theme;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
    Tick(u32),
    Click(u16, u16),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        4 => prop::sample::select(vec!['a', 'A', 'd', 'e', 'f', 'E', 'j', 'k', 'J', 'K', 'n', 'p', 's', 'x', 'o', 'u', 'y', 'r', '?', '1', '2', '3', '4', '5', ' ', 'é', '子', 'q', 'w', 't', 'z', 'c', 'v']).prop_map(KeyCode::Char),
        3 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Backspace, KeyCode::Delete, KeyCode::Left, KeyCode::Right, KeyCode::Up,
            KeyCode::Down, KeyCode::Home, KeyCode::End, KeyCode::PageUp, KeyCode::PageDown, KeyCode::Tab,
            KeyCode::BackTab, KeyCode::Esc, KeyCode::F(1), KeyCode::F(2), KeyCode::F(3), KeyCode::F(4), KeyCode::F(5),
            KeyCode::F(6), KeyCode::F(7),
        ]),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ])
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => (key_code(), modifiers()).prop_map(|(c, m)| Step::Key(c, m)),
        1 => "[a-zé子 \\n\\t\\r]{0,40}".prop_map(Step::Paste),
        2 => (1u16..140, 1u16..50).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0u32..600).prop_map(Step::Tick),
        1 => (0u16..100, 0u16..3).prop_map(|(x, y)| Step::Click(x, y)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_events_panics(steps in prop::collection::vec(step(), 1..120), meeting in 0usize..10) {
        let m = minutebook::demo::year().swap_remove(meeting);
        let date = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        let mut app = Workspace::new(App::new(m, None, date.and_time(NaiveTime::from_hms_opt(13, 50, 0).unwrap()), Theme::plain()));
        let mut size = (80, 24);
        for s in steps {
            match s {
                Step::Key(code, mods) => app.key(code, mods),
                Step::Paste(text) => app.paste(&text),
                Step::Resize(w, h) => { size = (w, h); app.resize(w, h) }
                Step::Tick(min) => app.tick(date.and_time(NaiveTime::from_hms_opt(13, 50, 0).unwrap()) + chrono::Duration::minutes(i64::from(min))),
                Step::Click(x, y) => app.click(x, y),
            };
            app.render(size.0, size.1);
            // Whatever happened, the editor's text and the meeting agree once synced.
            app.sync_editor();
            if let Some(item) = app.minutes.item.and_then(|id| app.meeting.item(id)) {
                prop_assert_eq!(&item.minutes, &app.minutes.editor.text());
            }
        }
    }
}
