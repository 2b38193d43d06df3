use ratatui::crossterm::event::KeyCode;

use crate::app::tests::december;
use crate::app::tests::workspace::Workspace;
use crate::app::{Effect, Overlay};
use crate::model::MeetingStatus;
use crate::store::Summary;

/// `m` in the Agenda, then `text` typed over field `field` (Tab moves on and selects it).
fn edit_field(app: &mut Workspace, field: usize, text: &str) {
    app.typed("1m");
    for _ in 0..field {
        app.press(KeyCode::Tab);
    }
    app.typed(text);
}

fn refused(app: &Workspace) -> String {
    match &app.overlay {
        Some(Overlay::Form(f)) => f.error.clone().unwrap_or_default(),
        other => panic!("the form should have stayed open with a reason: {other:?}"),
    }
}

#[test]
fn each_impossible_detail_is_refused_naming_its_field_and_nothing_changes() {
    for (field, typed, said) in [
        (0, " ", "Title: a meeting needs a title"),
        (
            1,
            "2026-13-01",
            "Date: \"2026-13-01\" is not a real date in the form YYYY-MM-DD",
        ),
        (2, "2pm", "Start time: \"2pm\" is not a time: use HH:MM"),
        (4, "nope", "Board: \"nope\" is not a board"),
        (
            5,
            "101",
            "Quorum: \"101\" is not a whole number of members from 0 to 100",
        ),
    ] {
        let mut app = december();
        let before = app.meeting.clone();
        edit_field(&mut app, field, typed);
        app.press(KeyCode::Enter);
        assert!(refused(&app).starts_with(said), "{said}: {}", refused(&app));
        assert_eq!(app.meeting, before, "{said}");
        assert!(app.take_effects().is_empty());
    }
}

#[test]
fn venue_and_start_time_change_at_once_even_after_the_meeting_began() {
    let mut app = december();
    app.typed("1ss"); // attendance not taken: the first s warns
    assert_eq!(app.meeting.status, MeetingStatus::InProgress);
    edit_field(&mut app, 2, "14:30");
    app.press(KeyCode::Tab)
        .typed("Room 2")
        .press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(app.meeting.venue, "Room 2");
    assert_eq!(
        app.meeting.start_time.map(crate::words::time).as_deref(),
        Some("14:30")
    );
    assert!(app.revision() > app.saved_revision(), "a change to save");
    assert!(app.take_effects().is_empty(), "the id stays");
}

#[test]
fn a_new_date_asks_the_run_loop_to_move_the_meeting_after_saving_the_rest() {
    let mut app = december();
    edit_field(&mut app, 1, "2026-12-16");
    app.press(KeyCode::Tab)
        .press(KeyCode::Tab)
        .typed("Room 2")
        .press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(app.meeting.venue, "Room 2");
    assert_eq!(
        app.meeting.id.as_str(),
        "2026-12-09",
        "moved by the run loop, not here"
    );
    let effects = app.take_effects();
    assert_eq!(
        effects,
        [Effect::MoveTo(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 16).unwrap()
        )]
    );
}

#[test]
fn a_date_the_workspace_knows_is_wrong_is_refused_before_anything_moves() {
    let mut app = december();
    edit_field(&mut app, 1, "2026-11-01");
    app.press(KeyCode::Enter);
    assert_eq!(
        refused(&app),
        "Date: 2026-11-01 is before 2026-11-11, the previous meeting whose minutes it approves"
    );
    let mut app = december();
    let mut other = Summary::of(&app.meeting);
    other.id = crate::model::MeetingId::parse("2026-12-16").unwrap();
    app.archive.meetings = vec![other];
    edit_field(&mut app, 1, "2026-12-16");
    app.press(KeyCode::Enter);
    assert_eq!(refused(&app), "Date: there is already a meeting 2026-12-16");
    assert!(app.take_effects().is_empty());
}

#[test]
fn another_board_takes_its_record_and_keeps_the_quorum_typed() {
    let mut app = december();
    app.boards = crate::app::forms::tests::two_boards();
    // A first meeting, approving none and carrying nothing: it may change board.
    let id = app.meeting.id.clone();
    app.meeting.previous = None;
    app.meeting.actions.retain(|a| a.raised.meeting == id);
    edit_field(&mut app, 4, "cpb-south");
    app.press(KeyCode::Tab).typed("5").press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(app.meeting.board.id.as_ref().unwrap().as_str(), "cpb-south");
    assert_eq!(app.meeting.board.name, "Board cpb-south");
    assert_eq!(app.meeting.board.quorum, 5);
    assert_eq!(app.board.as_ref().unwrap().id.as_str(), "cpb-south");
}

#[test]
fn sealed_minutes_do_not_open_the_form() {
    let mut m = crate::demo::year().remove(7);
    assert_eq!(m.status, MeetingStatus::Approved);
    m.venue = "County Hall".into();
    let mut app = Workspace::new(crate::app::App::new(
        m,
        None,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 9)
            .unwrap()
            .and_hms_opt(14, 0, 0)
            .unwrap(),
        crate::ui::theme::Theme::plain(),
    ));
    app.typed("1m");
    assert!(app.overlay.is_none());
    assert_eq!(
        app.flash.as_deref(),
        Some("Read-only: these minutes are approved and final.")
    );
}

#[test]
fn a_date_another_boards_meeting_holds_is_no_bar_but_this_boards_own_is_named() {
    let cpb = Some(crate::model::BoardId::parse("cpb").unwrap());
    let mut app = december();
    app.meeting.board.id = cpb.clone();
    let mut theirs = Summary::of(&app.meeting);
    theirs.id = crate::model::MeetingId::parse("2026-12-16").unwrap();
    theirs.board_id = Some(crate::model::BoardId::parse("fp").unwrap());
    app.archive.meetings = vec![theirs.clone()];
    edit_field(&mut app, 1, "2026-12-16");
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert!(
        app.take_effects()
            .iter()
            .any(|e| matches!(e, Effect::MoveTo(d) if d.to_string() == "2026-12-16"))
    );

    let mut app = december();
    app.meeting.board.id = cpb;
    let mut ours = Summary::of(&app.meeting);
    ours.id = crate::model::MeetingId::parse("2026-12-16-extra").unwrap();
    app.archive.meetings = vec![theirs, ours];
    edit_field(&mut app, 1, "2026-12-16");
    app.press(KeyCode::Enter);
    assert_eq!(
        refused(&app),
        "Date: this board already meets on 2026-12-16: meeting 2026-12-16-extra"
    );
}

#[test]
fn a_meeting_that_approves_another_boards_minutes_keeps_its_board_and_says_why() {
    let mut app = december();
    app.boards = crate::app::forms::tests::two_boards();
    let mut nov = Summary::of(&app.meeting);
    nov.id = crate::model::MeetingId::parse("2026-11-11").unwrap();
    nov.board_id = Some(crate::model::BoardId::parse("cpb").unwrap());
    app.archive.meetings = vec![nov];
    let before = app.meeting.clone();
    edit_field(&mut app, 4, "cpb-south");
    app.press(KeyCode::Enter);
    assert_eq!(
        refused(&app),
        "Board: it cannot become a meeting of board cpb-south: it approves the minutes of \
         2026-11-11, its previous meeting, which is of board cpb"
    );
    assert_eq!(app.meeting, before);

    // Approving none, it still carries actions raised at earlier meetings.
    app.press(KeyCode::Esc);
    app.meeting.previous = None;
    edit_field(&mut app, 4, "cpb-south");
    app.press(KeyCode::Enter);
    let why = refused(&app);
    assert!(
        why.starts_with(
            "Board: it cannot become a meeting of board cpb-south: it carries action \
             2026-07-08#1, raised at meeting 2026-07-08"
        ),
        "{why}"
    );
    assert_eq!(app.meeting.board, before.board);
}

#[test]
fn what_a_calendar_holds_raises_its_sequence_once_per_change_and_nothing_else_does() {
    let mut app = december();
    let sequence = |app: &Workspace| app.meeting.calendar_sequence;
    assert_eq!(sequence(&app), 0);
    app.typed("1m").press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(
        sequence(&app),
        0,
        "the form saved as it opened changes nothing"
    );

    edit_field(&mut app, 3, "Room 2");
    app.press(KeyCode::Enter);
    assert_eq!(sequence(&app), 1, "a new venue");
    edit_field(&mut app, 5, "4");
    app.press(KeyCode::Enter);
    assert_eq!(sequence(&app), 1, "no calendar holds the quorum");
    edit_field(&mut app, 0, "Corporate Parenting Board: budget");
    app.press(KeyCode::Enter);
    assert_eq!(sequence(&app), 2, "a new title");

    // The selected item's allowance: the meeting's planned length, so its calendar end.
    let before = crate::model::running::planned_length(&app.meeting);
    app.typed("e\t\t\t45").press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_ne!(crate::model::running::planned_length(&app.meeting), before);
    assert_eq!(sequence(&app), 3, "a longer meeting");
    // The item's presenter is no calendar's business.
    app.typed("e\t\tMark Delaney").press(KeyCode::Enter);
    assert_eq!(sequence(&app), 3);
}
