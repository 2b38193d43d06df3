//! The chair's screen driven by keys and by what the follower sees: selecting, following
//! again, scrolling, asking the clerk to step, and quitting.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Rect, Size};

use super::{Chair, Effect, Msg, View};
use crate::chair_link::Step as LinkStep;
use crate::model::agenda::{self, Decision, DecisionKind};
use crate::model::brief::{History, Veil};
use crate::model::{ItemId, Meeting, running};
use crate::ui::brief::BriefPanel;
use crate::ui::theme::Theme;

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

/// December's meeting started live at 14:02, on 4.1 (IHA timeliness) since 14:31.
fn on_iha() -> Meeting {
    let mut m = crate::demo::year().pop().unwrap();
    running::start(&mut m, at(14, 2).time()).unwrap();
    for (h, min) in [(14, 8), (14, 19), (14, 31)] {
        running::next(&mut m, at(h, min).time()).unwrap();
    }
    m
}

fn number(m: &Meeting, n: &str) -> ItemId {
    agenda::id_at_number(&m.agenda, n).unwrap()
}

fn chair() -> Chair {
    let mut c = Chair::new(on_iha(), (None, History::default()), Veil::Private);
    c.update(Msg::Tick(at(14, 49)));
    c.update(Msg::Resize(Size::new(80, 24)));
    c
}

fn press(c: &mut Chair, code: KeyCode) {
    c.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

#[test]
fn selecting_another_item_stops_following_and_f_follows_the_clerk_again() {
    let mut c = chair();
    let iha = number(&c.meeting, "4.1");
    assert_eq!(c.shown(), Some(iha));
    press(&mut c, KeyCode::Down);
    assert_eq!(c.view, View::Selected(number(&c.meeting, "4.2")));
    press(&mut c, KeyCode::Char('k'));
    press(&mut c, KeyCode::Char('k'));
    assert_eq!(c.shown(), Some(number(&c.meeting, "4")));
    // The clerk moves on: a selected item stays shown.
    let mut m = c.meeting.clone();
    running::next(&mut m, at(14, 50).time()).unwrap();
    c.update(Msg::Changed(Box::new(m)));
    assert_eq!(c.shown(), Some(number(&c.meeting, "4")));
    press(&mut c, KeyCode::Char('f'));
    assert_eq!(c.view, View::Following);
    assert_eq!(c.shown(), Some(number(&c.meeting, "4.2")));
}

#[test]
fn following_shows_the_clerks_new_current_item_and_when_the_change_was_seen() {
    let mut c = chair();
    let mut m = c.meeting.clone();
    running::next(&mut m, at(14, 50).time()).unwrap();
    c.update(Msg::Tick(at(14, 50)));
    c.update(Msg::Changed(Box::new(m)));
    assert_eq!(c.shown(), Some(number(&c.meeting, "4.2")));
    assert_eq!(c.last_change, Some(at(14, 50).time()));
}

#[test]
fn the_brief_scrolls_a_screen_at_a_time_and_no_further_than_its_last_row() {
    let mut c = chair();
    c.update(Msg::Resize(Size::new(80, 12)));
    let mut m = c.meeting.clone();
    let iha = number(&m, "4.1");
    let item = agenda::find_mut(&mut m.agenda, iha).unwrap();
    for n in 0..30 {
        item.decisions.push(Decision::new(
            DecisionKind::Decision,
            format!("Decision {n}"),
        ));
    }
    c.update(Msg::Changed(Box::new(m)));
    press(&mut c, KeyCode::PageDown);
    let page = c.scroll;
    assert!(page > 0, "scrolled");
    press(&mut c, KeyCode::Char(' '));
    assert_eq!(c.scroll, 2 * page);
    for _ in 0..20 {
        press(&mut c, KeyCode::PageDown);
    }
    // As the brief's panel scrolls: its last row at the bottom, a page a screen less a row.
    let brief = super::super::draw::panel(&c).expect("the IHA item's brief");
    let area = super::super::draw::brief_area(&c, Rect::new(0, 0, 80, 12));
    let last = BriefPanel::new(&brief, Theme::plain()).max_scroll(area);
    assert!(
        last > 2 * page,
        "thirty decisions are more than two screens"
    );
    assert_eq!(c.scroll, last, "no further than the last row");
    press(&mut c, KeyCode::PageUp);
    assert_eq!(c.scroll, last - page);
}

#[test]
fn a_step_asked_of_the_clerk_counts_from_the_current_item_and_a_refusal_is_shown() {
    let mut c = chair();
    let before = c.meeting.clone();
    press(&mut c, KeyCode::Down);
    press(&mut c, KeyCode::Char('n'));
    assert_eq!(
        c.take_effects(),
        [Effect::Ask {
            step: LinkStep::Next,
            from: Some(number(&c.meeting, "4.1"))
        }],
        "from the clerk's current item, not the one selected"
    );
    let refusal = "the clerk's workspace does not let the chair step the agenda";
    c.update(Msg::Replied(Err(refusal.into())));
    assert_eq!(c.message.as_deref(), Some(refusal));
    assert_eq!(c.meeting, before, "nothing moved");
    press(&mut c, KeyCode::Char('p'));
    assert!(matches!(
        c.take_effects()[..],
        [Effect::Ask {
            step: LinkStep::Previous,
            ..
        }]
    ));
}

#[test]
fn q_and_ctrl_q_quit_and_help_keys_do_nothing_else_while_it_is_open() {
    let mut c = chair();
    press(&mut c, KeyCode::Char('?'));
    assert!(c.help);
    press(&mut c, KeyCode::Down);
    assert_eq!(c.view, View::Following, "help open: ↓ selects nothing");
    press(&mut c, KeyCode::Esc);
    assert!(!c.help && !c.quit());
    press(&mut c, KeyCode::Char('q'));
    assert!(c.quit());
    let mut c = chair();
    c.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('q'),
        KeyModifiers::CONTROL,
    )));
    assert!(c.quit());
}

#[test]
fn an_item_selected_then_taken_off_the_agenda_goes_back_to_following() {
    let mut c = chair();
    press(&mut c, KeyCode::Down);
    let mut m = c.meeting.clone();
    let selected = number(&m, "4.2");
    agenda::remove(&mut m.agenda, selected);
    c.update(Msg::Changed(Box::new(m)));
    assert_eq!(c.view, View::Following);
    assert!(
        c.message
            .as_deref()
            .unwrap()
            .contains("no longer on the agenda")
    );
}

#[test]
fn a_public_screen_does_not_list_what_sits_under_a_part_b_item_before_the_exclusion() {
    let mut m = on_iha();
    let service = number(&m, "5");
    agenda::find_mut(&mut m.agenda, service).unwrap().exempt = Some(agenda::Exemption {
        reason: "Schedule 12A, paragraph 1".into(),
    });
    let sub = number(&m, "5.1");
    let public = Chair::new(m.clone(), (None, History::default()), Veil::UntilExcluded);
    assert!(public.rows().contains(&service) && !public.rows().contains(&sub));
    assert!(public.hidden(sub) && public.hidden(service));
    let private = Chair::new(m.clone(), (None, History::default()), Veil::Private);
    assert!(private.rows().contains(&sub) && !private.hidden(sub));
    // Once the running order is in Part B, the public has been excluded.
    running::jump(&mut m, sub, at(15, 0).time()).unwrap();
    let excluded = Chair::new(m, (None, History::default()), Veil::UntilExcluded);
    assert!(!excluded.hidden(sub) && excluded.rows().contains(&sub));
}

/// December with a Part B section (8) whose sub-item 8.1 names a child, being taken now.
fn in_part_b() -> Meeting {
    use crate::model::{AgendaItem, Exemption, ItemKind};
    let mut m = on_iha();
    let id = agenda::next_id(&m.agenda);
    let mut section = AgendaItem::new(id, "Individual cases", ItemKind::Report);
    section.exempt = Some(Exemption {
        reason: "Schedule 12A, paragraph 2".into(),
    });
    let sub = AgendaItem::new(
        ItemId(id.0 + 1),
        "Placement of Jamie Hollins",
        ItemKind::Decision,
    );
    section.sub_items.push(sub);
    m.agenda.push(section);
    let sub = number(&m, "8.1");
    running::jump(&mut m, sub, at(14, 50).time()).unwrap();
    m
}

/// The clerk's answer to a step taken inside Part B names the Part B item; once the meeting
/// is back in open business, a public screen must not still show it.
#[test]
fn a_public_screen_forgets_what_was_said_in_part_b_once_the_public_is_back() {
    let mut c = Chair::new(in_part_b(), (None, History::default()), Veil::UntilExcluded);
    c.update(Msg::Tick(at(14, 51)));
    c.update(Msg::Replied(Ok(
        "The clerk's workspace moved the meeting on to 8.1 Placement of Jamie Hollins".into(),
    )));
    assert!(c.message.as_deref().is_some_and(|m| m.contains("Hollins")));
    let mut back = c.meeting.clone();
    let aob = number(&back, "7");
    running::jump(&mut back, aob, at(14, 55).time()).unwrap();
    c.update(Msg::Changed(Box::new(back)));
    assert!(c.veiled(), "open business again");
    assert_eq!(
        c.shown(),
        Some(aob),
        "following the clerk back into open business"
    );
    assert!(
        !c.message.as_deref().unwrap_or_default().contains("Hollins"),
        "{:?}",
        c.message
    );
}

#[test]
fn a_part_b_item_selected_while_the_public_was_out_is_let_go_saying_why() {
    let mut c = Chair::new(in_part_b(), (None, History::default()), Veil::UntilExcluded);
    c.update(Msg::Resize(Size::new(80, 24)));
    press(&mut c, KeyCode::Up);
    press(&mut c, KeyCode::Down);
    let sub = number(&c.meeting, "8.1");
    assert_eq!(c.view, View::Selected(sub));
    let mut back = c.meeting.clone();
    let aob = number(&back, "7");
    running::jump(&mut back, aob, at(14, 55).time()).unwrap();
    c.update(Msg::Changed(Box::new(back)));
    assert_eq!(c.view, View::Following);
    let said = c.message.clone().unwrap_or_default();
    assert!(said.contains("hidden on this screen"), "{said}");
    assert!(!said.contains("no longer on the agenda"), "{said}");
}

/// The screen is drawn again when a time it shows changes: the clock's minute, or a whole
/// minute more on the item being taken (started at half past, so the two differ).
#[test]
fn what_the_screen_shows_of_the_clock_changes_with_each_minute_it_shows() {
    let mut m = on_iha();
    let iha = number(&m, "4.1");
    agenda::find_mut(&mut m.agenda, iha).unwrap().started_at = NaiveTime::from_hms_opt(14, 31, 30);
    let mut c = Chair::new(m, (None, History::default()), Veil::Private);
    let at_s = |h, m, s| {
        NaiveDate::from_ymd_opt(2026, 12, 9)
            .unwrap()
            .and_time(NaiveTime::from_hms_opt(h, m, s).unwrap())
    };
    let mut shown = |t| {
        c.update(Msg::Tick(t));
        c.clock_shown()
    };
    let first = shown(at_s(14, 49, 0));
    assert_eq!(first.1, Some(17));
    assert_eq!(shown(at_s(14, 49, 29)), first, "nothing shown has changed");
    let item_minute = shown(at_s(14, 49, 30));
    assert_ne!(item_minute, first, "the item has run 18 minutes");
    assert_ne!(shown(at_s(14, 50, 0)), item_minute, "the clock's minute");
}
