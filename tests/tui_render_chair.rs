//! The chair's screen (`minutebook chair`) on ratatui's TestBackend, at 80x24 and 120x40
//! with a fixed clock: following December's meeting live on the IHA item, and as a public
//! screen with Part B business still to come.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use minutebook::chair::draw;
use minutebook::chair::screen::{Chair, Msg};
use minutebook::model::agenda::{self, AgendaItem, Decision, DecisionKind, Exemption, ItemKind};
use minutebook::model::brief::Veil;
use minutebook::model::{Meeting, running};
use minutebook::store::Summary;
use minutebook::store::brief_sources::history_of;
use minutebook::ui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;
use ratatui::{Terminal, backend::TestBackend};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

/// December's meeting started live at 14:02 and stepped to 4.1 (IHA timeliness) at 14:31.
fn december_on_iha() -> Meeting {
    let mut m = minutebook::demo::year().pop().unwrap();
    running::start(&mut m, at(14, 2).time()).unwrap();
    for (h, min) in [(14, 8), (14, 19), (14, 31)] {
        running::next(&mut m, at(h, min).time()).unwrap();
    }
    m
}

/// The chair's screen on `m`, with the demo's earlier meetings as its sources, at 14:49.
fn chair_on(m: Meeting, veil: Veil) -> Chair {
    let year = minutebook::demo::year();
    let earlier = &year[..year.len() - 1];
    let summaries: Vec<Summary> = earlier.iter().map(Summary::of).collect();
    let sources = (earlier.last().cloned(), history_of(&summaries));
    let mut chair = Chair::new(m, sources, veil);
    chair.update(Msg::Tick(at(14, 49)));
    chair
}

fn render(chair: &mut Chair, (w, h): (u16, u16)) -> Terminal<TestBackend> {
    chair.update(Msg::Resize(Size::new(w, h)));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw::draw(chair, Theme::plain(), f)).unwrap();
    t
}

fn key(chair: &mut Chair, code: KeyCode) {
    chair.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// December with a Part B item after Any other business, which is being taken now.
fn december_with_part_b_coming() -> Meeting {
    let mut m = december_on_iha();
    let id = agenda::next_id(&m.agenda);
    let mut exempt = AgendaItem::new(
        id,
        "Placement of a named child out of area",
        ItemKind::Decision,
    );
    exempt.presenter = "Head of Service, Children in Care".into();
    exempt.exempt = Some(Exemption {
        reason: "Schedule 12A, paragraph 1: information relating to an individual".into(),
    });
    exempt.decisions.push(Decision::new(
        DecisionKind::Decision,
        "Placement with the Hollins family agreed",
    ));
    m.agenda.push(exempt);
    let aob = agenda::id_at_number(&m.agenda, "7").unwrap();
    running::jump(&mut m, aob, at(14, 40).time()).unwrap();
    m
}

#[test]
fn following_the_clerk_live_on_the_iha_item() {
    for size in [(80, 24), (120, 40)] {
        let mut chair = chair_on(december_on_iha(), Veil::Private);
        let t = render(&mut chair, size);
        let screen = t.backend().to_string();
        assert!(
            screen.contains("NOW     4.1 Initial Health Assessment timeliness"),
            "{screen}"
        );
        insta::assert_snapshot!(
            format!("chair_following_iha_{}x{}", size.0, size.1),
            t.backend()
        );
    }
}

#[test]
fn a_public_screen_names_the_part_b_item_coming_by_title_only() {
    for size in [(80, 24), (120, 40)] {
        let mut chair = chair_on(december_with_part_b_coming(), Veil::UntilExcluded);
        let t = render(&mut chair, size);
        let screen = t.backend().to_string();
        assert!(screen.contains("PUBLIC SCREEN: Part B hidden"), "{screen}");
        assert!(
            screen.contains("[PART B] Placement of a named child"),
            "{screen}"
        );
        insta::assert_snapshot!(
            format!("chair_public_part_b_coming_{}x{}", size.0, size.1),
            t.backend()
        );
    }
}

#[test]
fn a_public_screen_shows_nothing_of_a_part_b_item_selected_before_the_exclusion() {
    for size in [(80, 24), (120, 40)] {
        let mut chair = chair_on(december_with_part_b_coming(), Veil::UntilExcluded);
        key(&mut chair, KeyCode::Down);
        let t = render(&mut chair, size);
        let screen = t.backend().to_string();
        // The veiled brief: its number and title, and that it is hidden.
        assert!(
            screen.contains("[PART B] 8 Placement of a named child out of area: exempt"),
            "{screen}"
        );
        for secret in ["Hollins", "Head of Service, Children in Care"] {
            assert!(!screen.contains(secret), "{secret} shown:\n{screen}");
        }
        insta::assert_snapshot!(
            format!("chair_public_part_b_selected_{}x{}", size.0, size.1),
            t.backend()
        );
    }
}

#[test]
fn the_chairs_own_screen_shows_the_part_b_item_in_full() {
    let mut chair = chair_on(december_with_part_b_coming(), Veil::Private);
    key(&mut chair, KeyCode::Down);
    let screen = render(&mut chair, (80, 24)).backend().to_string();
    assert!(
        screen.contains("Presented by Head of Service, Children in Care"),
        "{screen}"
    );
}

#[test]
fn the_help_lists_the_chairs_keys() {
    let mut chair = chair_on(december_on_iha(), Veil::Private);
    key(&mut chair, KeyCode::F(1));
    let t = render(&mut chair, (80, 24));
    let screen = t.backend().to_string();
    assert!(
        screen.contains("Ask the clerk's workspace for the next item"),
        "{screen}"
    );
    insta::assert_snapshot!("chair_help_80x24", t.backend());
}

#[test]
fn the_header_says_when_the_clerks_workspace_is_not_open_and_when_it_last_changed() {
    let mut chair = chair_on(december_on_iha(), Veil::Private);
    chair.update(Msg::Clerk(false));
    let screen = render(&mut chair, (80, 24)).backend().to_string();
    assert!(
        screen.contains(
            "The clerk's workspace is not open: showing the last save · no change seen yet"
        ),
        "whole at 80 columns:\n{screen}"
    );
    chair.update(Msg::Tick(at(14, 52)));
    let mut m = chair.meeting.clone();
    running::next(&mut m, at(14, 52).time()).unwrap();
    chair.update(Msg::Changed(Box::new(m)));
    chair.update(Msg::Clerk(false));
    let screen = render(&mut chair, (80, 24)).backend().to_string();
    assert!(
        screen.contains(
            "The clerk's workspace is not open: showing the last save · last change 14:52:00"
        ),
        "{screen}"
    );
    assert!(screen.contains("NOW     4.2 Children placed"), "{screen}");
}

#[test]
fn a_meeting_that_cannot_be_read_is_said_and_the_last_one_read_stays_shown() {
    let mut chair = chair_on(december_on_iha(), Veil::Private);
    chair.update(Msg::Unreadable("2026-12-09.json is not valid JSON".into()));
    let screen = render(&mut chair, (80, 24)).backend().to_string();
    assert!(screen.contains("could not be read just now"), "{screen}");
    assert!(
        screen.contains("NOW     4.1 Initial Health Assessment"),
        "{screen}"
    );
}
