//! Procedure in the workspace, driven by keys: a declaration of interest, the chair's
//! reminder when its item starts, a resolution with mover, seconder and vote refused on the
//! form when it could not have happened, a recorded vote, and a vote changed and removed.

use ratatui::crossterm::event::KeyCode;

use super::tests::december;
use super::tests::workspace::Workspace;
use super::*;
use crate::model::{Cast, VoteResult, agenda};

fn form_error(app: &App) -> String {
    match &app.overlay {
        Some(Overlay::Form(f)) => f.error.clone().unwrap_or_default(),
        other => panic!("the form should have stayed open with a reason: {other:?}"),
    }
}

/// December started live with four members present, Cllr Achebe having declared a
/// pecuniary interest in item 2 (and left the room for it) while item 1 was taken.
fn declared_and_started() -> Workspace {
    let mut app = december();
    app.alt('5').typed("pppp").alt('1').typed("s");
    assert_eq!(app.meeting.status, MeetingStatus::InProgress);
    app.alt('3').alt('i');
    app.typed("cllr samuel achebe\t2\tpec\towns a care home\tyes\n");
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    app
}

#[test]
fn a_declaration_taken_at_item_1_reminds_the_chair_when_its_item_starts() {
    let mut app = declared_and_started();
    let d = &app.meeting.declarations[0];
    assert_eq!(d.member, "Cllr Samuel Achebe", "spelled as the attendance");
    assert_eq!(Some(d.item), agenda::id_at_number(&app.meeting.agenda, "2"));
    assert!(d.left_room);
    app.alt('1').typed("n");
    assert_eq!(
        app.flash.as_deref(),
        Some(
            "Interests declared in this item: Cllr Samuel Achebe (a disclosable pecuniary \
             interest; leaves the room)."
        )
    );
    // The item's minutes show it over the editor.
    app.alt('3');
    let shown = crate::tabs::minutes::whole_minutes(&app);
    assert!(
        shown.iter().any(|(l, _)| l
            == "INTEREST: Cllr Samuel Achebe, a disclosable pecuniary interest (owns a care \
                home); left the room for the item."),
        "{shown:?}"
    );
}

#[test]
fn a_vote_that_could_not_have_happened_is_refused_on_the_form_and_a_recorded_vote_taken() {
    let mut app = declared_and_started();
    app.alt('1').typed("n").alt('3').alt('r');
    app.typed("RESOLVED: That the plan be agreed\tCllr Samuel Achebe\n");
    assert_eq!(
        form_error(&app),
        "Moved by: Cllr Samuel Achebe declared an interest and left the room for this item, so \
         cannot move it"
    );
    app.ctrl('u')
        .typed("Cllr Priya Raman\tCllr Daniel Okafor\t4\n");
    assert_eq!(
        form_error(&app),
        "Vote: 4 votes were cast but only 3 voting members were present for this item"
    );
    app.ctrl('u').typed("2\t1\n");
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let item = app.minutes.item.unwrap();
    let decision = |app: &App| app.meeting.item(item).unwrap().decisions[0].clone();
    let d = decision(&app);
    assert_eq!(
        d.text, "That the plan be agreed",
        "the mark is the documents'"
    );
    let vote = d.vote.expect("a vote");
    assert_eq!(
        (vote.in_favour, vote.against, vote.result),
        (2, 1, VoteResult::Carried)
    );

    // The recorded vote lists the three voting members in the room, Cllr Achebe not among them.
    app.alt('v').typed("for\tfor\tagainst\n");
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let named: Vec<(String, Cast)> = decision(&app)
        .vote
        .unwrap()
        .named
        .into_iter()
        .map(|n| (n.name, n.cast))
        .collect();
    assert_eq!(
        named,
        [
            ("Cllr Margaret Holloway".to_string(), Cast::For),
            ("Cllr Daniel Okafor".to_string(), Cast::For),
            ("Cllr Priya Raman".to_string(), Cast::Against),
        ]
    );
    let shown = crate::tabs::minutes::whole_minutes(&app);
    assert!(
        shown.iter().any(|(l, _)| l
            == "  Moved by Cllr Priya Raman, seconded by Cllr Daniel Okafor. Carried: 2 for, 1 \
                against, 0 abstaining. Recorded vote: For: Cllr Margaret Holloway, Cllr Daniel \
                Okafor; Against: Cllr Priya Raman."),
        "{shown:?}"
    );

    // Changed afterwards: the vote's fields cleared, the vote (and its names) go.
    app.alt('e').typed("\t\t\t").ctrl('u');
    app.typed("\t")
        .ctrl('u')
        .typed("\t")
        .ctrl('u')
        .typed("\t")
        .ctrl('u');
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let d = decision(&app);
    assert_eq!((d.vote, d.moved_by.as_str()), (None, "Cllr Priya Raman"));
}

#[test]
fn deleting_an_item_takes_its_declarations_with_its_minutes() {
    let mut app = declared_and_started();
    app.alt('1');
    let two = agenda::id_at_number(&app.meeting.agenda, "2").unwrap();
    while app.agenda_sel != Some(two) {
        app.press(KeyCode::Down);
    }
    app.typed("dy");
    assert!(app.meeting.item(two).is_none(), "{:?}", app.flash);
    assert_eq!(app.meeting.declarations, []);
}
