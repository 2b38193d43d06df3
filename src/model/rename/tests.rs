use super::*;
use crate::model::BoardId;
use crate::model::carry::new_meeting;
use crate::model::{ActionItem, ActionStatus, Due, RaisedIn, Template};

fn id(s: &str) -> MeetingId {
    MeetingId::parse(s).unwrap()
}

fn action(meeting: &str, seq: u32) -> ActionItem {
    ActionItem {
        id: ActionId::new(&id(meeting), seq),
        text: "Report placement moves".into(),
        owner: "Head of Service".into(),
        set_by: "Chair".into(),
        due: Due::NextMeeting,
        raised: RaisedIn {
            meeting: id(meeting),
            item: None,
            item_title: String::new(),
            exempt: false,
        },
        status: ActionStatus::Open,
        history: vec![],
    }
}

fn meeting(at: &str, earlier: &[Meeting]) -> Meeting {
    let t = Template::builtin("corporate-parenting-board").unwrap();
    new_meeting(&t, id(at), None, earlier)
}

#[test]
fn a_renamed_meeting_takes_its_own_action_ids_with_it_and_leaves_carried_ones() {
    let mut nov = meeting("2026-11-11", &[]);
    nov.actions = vec![action("2026-11-11", 1)];
    let mut dec = meeting("2026-12-09", std::slice::from_ref(&nov));
    dec.actions.push(action("2026-12-09", 1));
    dec.actions[0].update(dec.date, Some(dec.id.clone()), None, "half done");
    rename(&mut dec, id("2026-12-16"));
    assert_eq!(dec.id, id("2026-12-16"));
    assert_eq!(dec.date, id("2026-12-16").date());
    let ids: Vec<&str> = dec.actions.iter().map(|a| a.id.0.as_str()).collect();
    assert_eq!(ids, ["2026-11-11#1", "2026-12-16#1"]);
    assert_eq!(dec.actions[1].raised.meeting, id("2026-12-16"));
    assert_eq!(dec.actions[0].raised.meeting, id("2026-11-11"));
    assert_eq!(dec.actions[0].history[0].meeting, Some(id("2026-12-16")));
    assert_eq!(dec.previous, Some(id("2026-11-11")));
    assert_eq!(dec.actions_raised().count(), 1, "still raised here");
}

#[test]
fn the_new_id_keeps_the_suffix_of_a_second_meeting_that_day() {
    let date = id("2027-01-13").date();
    let cpb = BoardId::parse("cpb").unwrap();
    assert_eq!(
        id_on(&id("2026-12-09-extra"), Some(&cpb), date, &[]),
        Ok(id("2027-01-13-extra"))
    );
    assert_eq!(
        id_on(&id("2026-12-09"), Some(&cpb), date, &[]),
        Ok(id("2027-01-13"))
    );
}

#[test]
fn a_move_takes_the_id_new_gives_beside_another_boards_meeting_and_not_beside_its_own() {
    let date = id("2026-12-16").date();
    let cpb = BoardId::parse("cpb").unwrap();
    let fp = id("2026-12-16");
    let theirs = [OnDate {
        id: &fp,
        same_board: false,
    }];
    assert_eq!(
        id_on(&id("2026-12-09"), Some(&cpb), date, &theirs),
        Ok(id("2026-12-16-cpb"))
    );
    // A tagged id whose date moves away from the other board's meeting loses its tag.
    assert_eq!(
        id_on(
            &id("2026-12-09-cpb"),
            Some(&cpb),
            id("2026-12-23").date(),
            &[]
        ),
        Ok(id("2026-12-23"))
    );
    let ours = id("2026-12-16-cpb");
    let both = [
        theirs[0],
        OnDate {
            id: &ours,
            same_board: true,
        },
    ];
    assert_eq!(
        id_on(&id("2027-01-13"), Some(&cpb), date, &both),
        Err("this board already meets on 2026-12-16: meeting 2026-12-16-cpb".into())
    );
}

#[test]
fn every_meeting_that_names_another_is_found_and_said() {
    let mut nov = meeting("2026-11-11", &[]);
    nov.actions = vec![action("2026-11-11", 1), action("2026-11-11", 2)];
    let dec = meeting("2026-12-09", std::slice::from_ref(&nov));
    let found = referrers(&nov.id, [&nov, &dec]);
    assert_eq!(
        found,
        [
            Referral::Previous { by: dec.id.clone() },
            Referral::Carried {
                by: dec.id.clone(),
                action: ActionId::new(&nov.id, 1)
            },
            Referral::Carried {
                by: dec.id.clone(),
                action: ActionId::new(&nov.id, 2)
            },
        ]
    );
    assert_eq!(
        listed(&found),
        "meeting 2026-12-09 names it as the previous meeting it approves; meeting 2026-12-09 \
         carries its action 2026-11-11#1; meeting 2026-12-09 carries its action 2026-11-11#2"
    );
    assert!(
        referrers(&dec.id, [&nov, &dec]).is_empty(),
        "nothing names December"
    );
}

#[test]
fn the_approving_meeting_is_named_by_the_approved_one() {
    let mut nov = meeting("2026-11-11", &[]);
    nov.status = crate::model::MeetingStatus::Draft;
    let dec = meeting("2026-12-09", std::slice::from_ref(&nov));
    crate::model::approval::approve(&mut nov, "Cllr Holloway", &dec.id, dec.date).unwrap();
    let found = referrers(&dec.id, [&nov]);
    assert_eq!(found, [Referral::Approved { of: nov.id.clone() }]);
    assert_eq!(
        found[0].to_string(),
        "the minutes of 2026-11-11 were approved at it"
    );
}

#[test]
fn a_meeting_cannot_move_before_the_one_it_approves_or_where_its_actions_were_raised() {
    let mut nov = meeting("2026-11-11", &[]);
    nov.actions = vec![action("2026-11-11", 1)];
    let dec = meeting("2026-12-09", std::slice::from_ref(&nov));
    let oct = id("2026-10-14").date();
    assert_eq!(
        out_of_order(&dec, oct).unwrap(),
        "2026-10-14 is before 2026-11-11, the previous meeting whose minutes it approves"
    );
    let mut orphan = dec.clone();
    orphan.previous = None;
    assert_eq!(
        out_of_order(&orphan, oct).unwrap(),
        "2026-10-14 is before 2026-11-11, where an action it carries was raised"
    );
    assert_eq!(out_of_order(&dec, id("2027-01-13").date()), None);
}

/// Members' calendars hold the meeting under the UID its first id gave: a move of date
/// keeps it, so the event is updated (SEQUENCE raised) rather than a second one added.
#[test]
fn a_meeting_moved_to_another_date_keeps_its_calendar_uid() {
    let mut m = meeting("2026-12-09", &[]);
    let before = m.calendar_uid();
    assert!(before.starts_with("2026-12-09."), "{before}");
    rename(&mut m, id("2026-12-16"));
    assert_eq!(m.calendar_uid(), before);
    rename(&mut m, id("2026-12-23"));
    assert_eq!(m.calendar_uid(), before, "and after a second move");
}
