//! Editing and withdrawing actions, and attendance times, driven by keys.

use chrono::NaiveTime;
use ratatui::crossterm::event::KeyCode;

use super::tests::{at, december};
use super::*;
use crate::model::{ActionStatus, Board, Presence};

fn t(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

fn form_error(app: &App) -> String {
    match &app.overlay {
        Some(Overlay::Form(f)) => f.error.clone().unwrap_or_default(),
        other => panic!("the form should have stayed open with a reason: {other:?}"),
    }
}

#[test]
fn e_edits_an_action_and_its_history_says_what_changed_by_the_boards_clerk() {
    let mut app = december();
    let board: Board = serde_json::from_str(
        r#"{"id": "cpb", "name": "Corporate Parenting Board", "code": "CPB", "quorum": 3,
            "template": "corporate-parenting-board", "clerk": "Leanne Ford"}"#,
    )
    .unwrap();
    app.board = Some(board);
    app.user = "lford".into();
    app.alt('4');
    let first = app.action_rows()[0];
    let before = app.meeting.actions[first].clone();
    app.typed("e");
    // Text first, as it stands: Tab to the owner, type over it.
    app.press(KeyCode::Tab).typed("Head of Service");
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let a = &app.meeting.actions[first];
    assert_eq!(
        (a.owner.as_str(), &a.text),
        ("Head of Service", &before.text)
    );
    let last = a.history.last().unwrap();
    assert_eq!(
        last.by, "Leanne Ford",
        "the board's clerk, not the login name"
    );
    assert_eq!(
        (last.date, last.meeting.as_ref()),
        (app.meeting.date, Some(&app.meeting.id))
    );
    assert_eq!(last.changed.len(), 1);
    assert_eq!(
        (last.changed[0].from.as_str(), last.changed[0].to.as_str()),
        (before.owner.as_str(), "Head of Service")
    );
    assert!(
        app.flash.as_deref().unwrap().contains("(owner)"),
        "{:?}",
        app.flash
    );
    let screen = app.screen(120, 40);
    assert!(
        screen.contains("Edited: owner (by Leanne Ford)"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("owner \"{}\" → \"Head of Service\"", before.owner)),
        "{screen}"
    );

    // Saved unchanged: nothing recorded, and it says so.
    let n = app.meeting.actions[first].history.len();
    app.typed("e").press(KeyCode::Enter);
    assert_eq!(app.meeting.actions[first].history.len(), n);
    assert!(
        app.flash.as_deref().unwrap().contains("Nothing changed"),
        "{:?}",
        app.flash
    );
}

#[test]
fn an_edit_with_an_empty_owner_or_a_bad_date_is_refused_naming_the_field() {
    let mut app = december();
    app.alt('4');
    let first = app.action_rows()[0];
    let before = app.meeting.actions[first].clone();
    app.typed("e");
    app.press(KeyCode::Tab)
        .press(KeyCode::Backspace)
        .press(KeyCode::Enter);
    assert_eq!(form_error(&app), "Owner: this cannot be empty");
    app.typed("Lead Member")
        .press(KeyCode::Tab)
        .typed("2026-02-30");
    app.press(KeyCode::Enter);
    assert!(form_error(&app).starts_with("Due: \"2026-02-30\" is not a due date"));
    assert_eq!(app.meeting.actions[first], before);
}

#[test]
fn w_withdraws_after_asking_and_the_action_stays_with_who_and_when() {
    let mut app = december();
    app.user = "lford".into();
    app.alt('4');
    let first = app.action_rows()[0];
    app.typed("w");
    let Some(Overlay::Confirm { question, .. }) = &app.overlay else {
        panic!("asks first: {:?}", app.overlay);
    };
    assert!(
        question.contains("stays in the history as withdrawn, by lford"),
        "{question}"
    );
    app.typed("n");
    assert_eq!(
        app.meeting.actions[first].status,
        ActionStatus::Open,
        "No leaves it"
    );
    app.typed("wy");
    let a = &app.meeting.actions[first];
    assert_eq!(a.status, ActionStatus::Withdrawn);
    let last = a.history.last().unwrap();
    assert_eq!((last.by.as_str(), last.date), ("lford", app.meeting.date));
    let n = app.meeting.actions.len();
    assert_eq!(app.meeting_for_save().actions.len(), n, "never erased");
    let screen = app.screen(80, 24);
    assert!(screen.contains("⊘ withdrawn"), "{screen}");
    // Not edited, nor withdrawn twice.
    app.typed("e");
    assert!(app.overlay.is_none());
    assert!(app.flash.as_deref().unwrap().contains("was withdrawn"));
    app.typed("w");
    assert!(app.flash.as_deref().unwrap().contains("already withdrawn"));
}

#[test]
fn marking_says_who_is_next_and_on_the_last_row_that_the_cursor_stays() {
    let mut app = december();
    app.alt('5');
    let names: Vec<String> = app
        .meeting
        .attendance
        .iter()
        .map(|p| p.name.clone())
        .collect();
    app.typed("p");
    let said = format!("{}: present; next: {}", names[0], names[1]);
    assert_eq!(app.flash.as_deref(), Some(said.as_str()));
    for _ in 0..names.len() {
        app.typed("j");
    }
    app.typed("a");
    let last = names.last().unwrap();
    let said = format!("{last}: apologies; that is the last row, so the cursor stays");
    assert_eq!(app.flash.as_deref(), Some(said.as_str()));
    assert_eq!(app.people_sel, names.len() - 1);
}

#[test]
fn those_marked_present_before_the_start_arrive_at_the_start() {
    let mut app = december();
    app.alt('5');
    app.typed("pap");
    app.tick(at(14, 3));
    app.typed("1ss5"); // two present of a quorum of three: the first s warns
    let arrived: Vec<_> = app.meeting.attendance[..4]
        .iter()
        .map(|p| p.arrived_at)
        .collect();
    assert_eq!(arrived, [t(14, 3), None, t(14, 3), None]);
    assert!(app.screen(80, 24).contains("14:03"));
}

#[test]
fn t_sets_arrival_and_departure_and_refuses_leaving_before_arriving() {
    let mut app = december();
    app.alt('5');
    app.typed("p").typed("k").typed("t");
    app.typed("14:10")
        .press(KeyCode::Tab)
        .typed("14:05")
        .press(KeyCode::Enter);
    assert_eq!(
        form_error(&app),
        "Left: 14:05 is not after 14:10, when they arrived"
    );
    app.ctrl('u').typed("15:40").press(KeyCode::Enter);
    let p = app.meeting.attendance[0].clone();
    assert_eq!((p.arrived_at, p.departed_at), (t(14, 10), t(15, 40)));
    let screen = app.screen(80, 24);
    let row = screen.lines().find(|l| l.contains(&p.name)).unwrap();
    assert!(row.contains("14:10") && row.contains("15:40"), "{row}");
    // Someone sending apologies neither arrives nor leaves.
    app.typed("jak").typed("t").typed("10:00");
    app.press(KeyCode::Enter);
    assert!(
        form_error(&app).contains("not marked present (apologies)"),
        "{}",
        form_error(&app)
    );
    assert_eq!(app.meeting.attendance[1].status, Presence::Apologies);
}

#[test]
fn an_edit_or_withdrawal_made_after_the_meeting_is_dated_when_it_was_made() {
    // Written up three weeks on: a correction is dated the day it was made, at this meeting.
    let mut app = december();
    app.user = "lford".into();
    let later = chrono::NaiveDate::from_ymd_opt(2026, 12, 30)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    app.tick(later);
    app.alt('4');
    let first = app.action_rows()[0];
    app.typed("wy");
    let last = app.meeting.actions[first].history.last().unwrap().clone();
    assert_eq!(
        last.date,
        later.date(),
        "withdrawn on the day it was withdrawn"
    );
    assert_eq!(last.meeting.as_ref(), Some(&app.meeting.id));
    assert_eq!(last.by, "lford");
}
