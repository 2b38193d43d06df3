//! The chair's screen stepping the clerk's agenda, through `App::update`: off until the
//! clerk allows it, refused from a stale screen, and otherwise exactly the clerk's `n`.

use ratatui::crossterm::event::KeyCode;

use super::tests::{at, december};
use super::*;
use crate::chair_link::{NOT_ALLOWED, Step};

/// The December meeting started at 14:00, its first item being taken.
fn started() -> tests::workspace::Workspace {
    let mut app = december();
    app.tick(at(14, 0));
    app.typed("ss"); // s, then start anyway: attendance is not taken
    assert_eq!(app.meeting.status, MeetingStatus::InProgress);
    app
}

fn chair_asks(app: &mut App, step: Step, from: Option<ItemId>) -> Result<String, String> {
    app.update(Msg::ChairStep { step, from });
    app.take_chair_reply().expect("every request is answered")
}

fn number_of(app: &App, id: Option<ItemId>) -> String {
    crate::model::agenda::number_of(&app.meeting.agenda, id.unwrap())
        .unwrap()
        .to_string()
}

#[test]
fn the_chair_may_step_only_once_the_clerk_has_pressed_c_and_not_after_pressing_it_again() {
    let mut app = started();
    assert!(!app.chair_may_step, "off by default");
    let first = running::current(&app.meeting);
    assert_eq!(
        chair_asks(&mut app, Step::Next, first),
        Err(NOT_ALLOWED.into())
    );
    assert_eq!(running::current(&app.meeting), first, "nothing moved");

    app.typed("C");
    assert!(app.chair_may_step);
    let said = app.flash.clone().unwrap();
    assert!(said.contains("The chair may now step the agenda"), "{said}");
    assert!(said.contains("C again stops it"), "{said}");
    assert!(
        app.screen(80, 24).contains("chair may step"),
        "said in the status line while on"
    );

    app.typed("C");
    assert!(!app.chair_may_step);
    let said = app.flash.clone().unwrap();
    assert!(said.contains("can no longer step the agenda"), "{said}");
    assert!(!app.screen(80, 24).contains("chair may step"));
}

#[test]
fn a_chairs_step_moves_the_meeting_on_exactly_as_the_clerks_n_does() {
    let mut clerk = started();
    let mut chair = started();
    clerk.tick(at(14, 7));
    chair.tick(at(14, 7));
    let from = running::current(&chair.meeting);
    clerk.typed("n");
    chair.typed("C");
    let revision = chair.revision();
    let said = chair_asks(&mut chair, Step::Next, from).unwrap();

    assert_eq!(
        chair.meeting, clerk.meeting,
        "the same item taken, the same times"
    );
    let now = running::current(&chair.meeting);
    assert_ne!(now, from);
    assert_eq!(
        chair.agenda_sel, now,
        "the agenda shows the item being taken"
    );
    assert_eq!(
        chair.meeting.item(from.unwrap()).unwrap().ended_at,
        Some(at(14, 7).time())
    );
    assert!(
        chair.revision() > revision && chair.urgent_save(),
        "saved at once"
    );
    let n = number_of(&chair, now);
    assert!(
        said.contains(&format!("moved the meeting on to {n}")),
        "{said}"
    );
    let flash = chair.flash.clone().unwrap();
    assert!(
        flash.starts_with(&format!("The chair moved the meeting on to {n}")),
        "{flash}"
    );

    let back = chair_asks(&mut chair, Step::Previous, now).unwrap();
    assert_eq!(running::current(&chair.meeting), from);
    assert!(back.contains("took the meeting back to"), "{back}");
    // The clerk's own keys keep working while the chair may step.
    chair.typed("n");
    assert_eq!(running::current(&chair.meeting), now);
}

#[test]
fn a_step_from_a_stale_chairs_screen_is_refused_saying_which_item_is_current() {
    let mut app = started();
    let first = running::current(&app.meeting);
    app.typed("C");
    app.typed("n");
    let current = running::current(&app.meeting);
    let before = app.meeting.clone();
    let why = chair_asks(&mut app, Step::Next, first).unwrap_err();
    assert_eq!(app.meeting, before, "nothing moved");
    let n = number_of(&app, current);
    assert!(
        why.contains(&format!("the item being taken is {n} ")),
        "{why}"
    );
    let flash = app.flash.clone().unwrap();
    assert!(
        flash.contains("nothing moved"),
        "the clerk is told: {flash}"
    );
}

#[test]
fn the_chair_cannot_step_a_meeting_not_yet_started_nor_under_the_clerks_open_form() {
    let mut app = december();
    app.typed("C");
    let why = chair_asks(&mut app, Step::Next, None).unwrap_err();
    assert!(why.contains("has not started"), "{why}");
    assert_eq!(app.meeting.status, MeetingStatus::Planned);

    let mut app = started();
    app.typed("C");
    let from = running::current(&app.meeting);
    app.typed("e"); // the selected item's form
    let why = chair_asks(&mut app, Step::Next, from).unwrap_err();
    assert!(why.contains("filling in a form"), "{why}");
    assert_eq!(running::current(&app.meeting), from);
    app.press(KeyCode::Esc);
    assert!(chair_asks(&mut app, Step::Next, from).is_ok());
}

#[test]
fn a_read_only_meeting_never_lets_the_chair_step() {
    let m = crate::demo::year().pop().unwrap();
    let mut app = tests::workspace::Workspace::new(App::new(
        m,
        Some("another workspace has it open".into()),
        at(14, 0),
        Theme::plain(),
    ));
    app.typed("C");
    assert!(!app.chair_may_step);
    assert!(app.flash.clone().unwrap().starts_with("Read-only"));
    app.chair_may_step = true; // as if the meeting became read-only after
    let why = chair_asks(&mut app, Step::Next, None).unwrap_err();
    assert!(why.contains("read-only"), "{why}");
}

#[test]
fn a_link_that_cannot_open_turns_the_chairs_stepping_off_and_says_why() {
    let mut app = started();
    app.typed("C");
    app.update(Msg::ChairLinkFailed("/d/x.chair is not a socket".into()));
    assert!(!app.chair_may_step);
    let said = app.flash.clone().unwrap();
    assert!(
        said.contains("The chair cannot step the agenda: /d/x.chair is not a socket"),
        "{said}"
    );
}

/// The clerk typing the minutes when the chair steps: the words already begun belong to the
/// item they were begun in, so the editor stays there and says how to go on to the next.
#[test]
fn a_chairs_step_leaves_the_clerk_typing_in_the_item_they_were_minuting() {
    let mut app = started();
    app.typed("C");
    let first = running::current(&app.meeting);
    app.alt('3');
    app.typed("The Chair welcomed");
    assert!(chair_asks(&mut app, Step::Next, first).is_ok());
    let now = running::current(&app.meeting);
    assert_ne!(now, first, "the meeting moved on");
    let said = app.flash.clone().unwrap_or_default();
    assert!(said.contains("still in the minutes of 1"), "{said}");
    assert!(said.contains("Alt+↓"), "{said}");
    app.typed(" everyone.");
    let minutes = |app: &mut App, id: Option<ItemId>| {
        app.meeting_for_save()
            .item(id.unwrap())
            .unwrap()
            .minutes
            .clone()
    };
    assert!(
        minutes(&mut app, first).ends_with("The Chair welcomed everyone."),
        "{:?}",
        minutes(&mut app, first)
    );
    assert!(!minutes(&mut app, now).contains("everyone"));
    app.key(KeyCode::Down, ratatui::crossterm::event::KeyModifiers::ALT);
    app.typed("Minutes noted.");
    assert!(minutes(&mut app, now).contains("Minutes noted."));
}
