//! The board and its roster, and new meetings, driven by keys: what is asked of the run
//! loop, and what the workspace shows only once the reply says it is on disk.

use ratatui::crossterm::event::KeyCode;

use crate::app::archive::{BoardOffer, Reply, Request};
use crate::app::tests::december;
use crate::app::{Effect, Msg, Overlay};
use crate::model::{Board, BoardId, Member, Role, UsualDay, WeekOfMonth, YoungPeopleNamed};

/// A board with a chair and an officer, meeting on the second Wednesday at 14:00.
pub(crate) fn cpb() -> Board {
    let mut chair = Member::new("Cllr Margaret Holloway", Role::Member, "");
    chair.chair = true;
    Board {
        id: BoardId::parse("cpb").unwrap(),
        name: "Corporate Parenting Board".into(),
        council: "Dorset Council".into(),
        code: "CPB".into(),
        minute_year: Default::default(),
        item_times_in_minutes: false,
        contact: String::new(),
        quorum: 1,
        venue: "County Hall".into(),
        usual_day: Some(UsualDay {
            weekday: chrono::Weekday::Wed,
            week: WeekOfMonth::Second,
        }),
        usual_time: chrono::NaiveTime::from_hms_opt(14, 0, 0),
        template: "dorset-cpb".into(),
        members: vec![
            chair,
            Member::new("Leanne Ford", Role::Officer, "Head of Service"),
        ],
        young_people: YoungPeopleNamed::RoleOnly,
        clerk: "Sam Clerk".into(),
        adopts: Vec::new(),
    }
}

fn requests(effects: Vec<Effect>) -> Vec<Request> {
    effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::Request(r) => Some(r),
            Effect::Osc52(_)
            | Effect::Recovery(_)
            | Effect::Conflict(_)
            | Effect::SwitchTo(_)
            | Effect::MoveTo(_) => None,
        })
        .collect()
}

#[test]
fn a_member_added_is_on_the_roster_only_once_stored_and_may_attend_this_meeting_too() {
    let mut app = december();
    app.board = Some(cpb());
    app.typed("Ba")
        .paste("Cllr Mary Shelley")
        .press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let asked = requests(app.take_effects());
    let [
        Request::SaveBoard {
            board,
            create: false,
            added,
        },
    ] = &asked[..]
    else {
        panic!("{asked:?}");
    };
    assert_eq!(board.members[2].name, "Cllr Mary Shelley");
    assert!(board.members[2].voting, "a member votes unless told not");
    assert_eq!(added.as_deref(), Some("Cllr Mary Shelley"));
    // Nothing said or shown as saved before the store has it.
    assert_eq!(app.board.as_ref().unwrap().members.len(), 2);
    assert!(app.flash.is_none(), "{:?}", app.flash);

    app.update(Msg::Reply(Reply::BoardSaved {
        board: board.clone(),
        created: false,
        added: added.clone(),
    }));
    assert_eq!(app.board.as_ref().unwrap().members.len(), 3);
    assert!(
        app.flash
            .as_deref()
            .unwrap()
            .contains("new meetings start from its roster")
    );
    let Some(Overlay::Confirm { question, .. }) = &app.overlay else {
        panic!("this meeting's attendance is offered: {:?}", app.overlay);
    };
    assert!(
        question.contains("this meeting's attendance too"),
        "{question}"
    );
    let before = app.meeting.attendance.len();
    app.typed("y");
    assert_eq!(app.meeting.attendance.len(), before + 1);
    assert_eq!(
        app.meeting.attendance.last().unwrap().name,
        "Cllr Mary Shelley"
    );
}

#[test]
fn a_second_chair_is_refused_naming_the_roster_and_nothing_is_asked() {
    let mut app = december();
    app.board = Some(cpb());
    app.typed("Ba").paste("Cllr Mary Shelley");
    // Name, Role, Position, Voting, Chair.
    app.typed("\t\t\t\tchair\n");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open: {:?}", app.overlay);
    };
    assert_eq!(
        form.error.as_deref(),
        Some("members: only one member can be the chair")
    );
    assert!(app.take_effects().is_empty());
}

#[test]
fn a_failed_save_of_the_board_leaves_the_record_as_it_was_and_says_not_saved() {
    let mut app = december();
    app.board = Some(cpb());
    // The board's record over the roster: the venue is the seventh field.
    app.typed("Bb\t\t\t\t\t\tCommittee Room 1\n");
    let asked = requests(app.take_effects());
    let [
        Request::SaveBoard {
            board,
            create: false,
            ..
        },
    ] = &asked[..]
    else {
        panic!("{asked:?}");
    };
    assert_eq!(board.venue, "Committee Room 1");
    app.update(Msg::Reply(Reply::Failed(
        "Not saved: could not save boards/cpb.json: disk full.".into(),
    )));
    assert_eq!(app.board.as_ref().unwrap().venue, "County Hall");
    assert!(app.flash.as_deref().unwrap().starts_with("Not saved"));
}

#[test]
fn removing_a_member_asks_first_then_asks_the_store() {
    let mut app = december();
    app.board = Some(cpb());
    app.typed("Bj").press(KeyCode::Char('d'));
    let Some(Overlay::Confirm { question, .. }) = &app.overlay else {
        panic!("asks first: {:?}", app.overlay);
    };
    assert!(
        question.starts_with("Remove Leanne Ford from the roster"),
        "{question}"
    );
    app.typed("y");
    let asked = requests(app.take_effects());
    let [Request::SaveBoard { board, .. }] = &asked[..] else {
        panic!("{asked:?}");
    };
    let names: Vec<_> = board.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Cllr Margaret Holloway"]);
}

#[test]
fn a_meeting_without_a_board_record_makes_one_that_holds_it() {
    let mut app = december();
    app.board = None;
    app.typed("Ba");
    assert!(
        app.overlay.is_none(),
        "no roster to add to before the record"
    );
    assert!(app.flash.as_deref().unwrap().contains("no record yet"));
    app.typed("b");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("{:?}", app.overlay);
    };
    assert_eq!(form.fields()[0].input.value, app.meeting.board.name);
    // Council, then the code.
    app.typed("\tDorset Council\tCPB\n");
    let asked = requests(app.take_effects());
    let [
        Request::SaveBoard {
            board,
            create: true,
            ..
        },
    ] = &asked[..]
    else {
        panic!("{asked:?}");
    };
    assert_eq!(board.id.as_str(), "cpb");
    assert!(board.holds(&app.meeting.board), "{board:?}");
}

#[test]
fn capital_n_makes_a_meeting_of_the_board_and_carries_on_in_it() {
    let mut app = december();
    app.board = Some(cpb());
    app.typed("N");
    assert_eq!(requests(app.take_effects()), [Request::NewMeetingOffers]);
    let next = crate::model::clock::parse_date("2027-01-13").unwrap();
    app.update(Msg::Reply(Reply::NewMeetingOffers(vec![BoardOffer {
        board: cpb(),
        next,
    }])));
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("{:?}", app.overlay);
    };
    let labels: Vec<_> = form.fields().iter().map(|f| f.label).collect();
    assert_eq!(labels, ["Date", "Start time"], "one board: none to choose");
    assert_eq!(form.fields()[0].input.value, "2027-01-13");
    assert_eq!(form.fields()[1].input.value, "14:00");
    app.press(KeyCode::Enter);
    assert_eq!(
        requests(app.take_effects()),
        [Request::NewMeeting {
            board: cpb().id,
            date: next,
            time: chrono::NaiveTime::from_hms_opt(14, 0, 0),
        }]
    );
    let id = crate::model::MeetingId::for_date(next);
    app.update(Msg::Reply(Reply::MeetingCreated { id: id.clone() }));
    assert_eq!(app.take_effects(), [Effect::SwitchTo(id)]);
}
