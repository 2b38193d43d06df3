//! The write-up after the meeting, driven by keys: live or written up, the questions asked
//! before starting, times set and corrected by hand, minutes after the meeting, a
//! section's own minutes.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::crossterm::event::KeyCode;

use super::tests::workspace::Workspace;
use super::tests::{at, december};
use super::*;
use crate::model::{ItemStatus, Minuting, agenda};

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// A January evening, weeks after the December meeting.
fn weeks_later() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2027, 1, 5)
        .unwrap()
        .and_time(t(18, 30))
}

/// December with the first three members marked present: quorate.
fn quorate() -> Workspace {
    let mut app = december();
    app.alt('5').typed("ppp").alt('1');
    assert!(app.meeting.quorum().is_quorate());
    app
}

fn id(app: &App, number: &str) -> ItemId {
    agenda::id_at_number(&app.meeting.agenda, number).unwrap()
}

fn times(app: &App, number: &str) -> (Option<NaiveTime>, Option<NaiveTime>) {
    let item = app.meeting.item(id(app, number)).unwrap();
    (item.started_at, item.ended_at)
}

fn select(app: &mut App, number: &str) {
    app.agenda_sel = Some(id(app, number));
}

fn form_error(app: &App) -> String {
    match &app.overlay {
        Some(Overlay::Form(f)) => f.error.clone().unwrap_or_default(),
        other => panic!("the form should have stayed open with a reason: {other:?}"),
    }
}

#[test]
fn a_meeting_written_up_afterwards_stamps_nothing_and_takes_the_times_set() {
    let mut app = quorate();
    app.tick(weeks_later());
    app.typed("s");
    assert!(
        matches!(&app.overlay, Some(Overlay::Start { question: StartQuestion::Minuting, lines, .. })
            if lines[0].contains("dated Wednesday 9 December 2026, not today (Tuesday 5 January 2027)")),
        "{:?}",
        app.overlay
    );
    assert_eq!(app.meeting.status, MeetingStatus::Planned, "nothing yet");
    app.typed("w");
    assert_eq!(app.meeting.minuting, Minuting::WriteUp);
    assert_eq!(app.meeting.status, MeetingStatus::InProgress);
    app.typed("n");
    assert_eq!(times(&app, "1"), (None, None), "no January time stamped");
    assert_eq!(app.meeting.began_at, None);

    app.typed("T").typed("14:00\t16:10").press(KeyCode::Enter);
    select(&mut app, "1");
    app.typed("t").typed("14:00\t14:12").press(KeyCode::Enter);
    select(&mut app, "2");
    app.typed("t").typed("14:12\t14:25").press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    app.typed("Ey");
    assert_eq!(app.meeting.status, MeetingStatus::Draft);
    assert_eq!(times(&app, "1"), (Some(t(14, 0)), Some(t(14, 12))));
    assert_eq!(times(&app, "2"), (Some(t(14, 12)), Some(t(14, 25))));
    assert_eq!(
        (app.meeting.began_at, app.meeting.ended_at),
        (Some(t(14, 0)), Some(t(16, 10)))
    );
}

#[test]
fn a_time_that_overlaps_another_item_is_refused_naming_it() {
    let mut app = quorate();
    app.tick(weeks_later());
    app.typed("sw");
    select(&mut app, "3");
    app.typed("t").typed("14:20\t14:35").press(KeyCode::Enter);
    select(&mut app, "4.1");
    app.typed("t").typed("14:20\t14:50").press(KeyCode::Enter);
    assert_eq!(
        form_error(&app),
        "item 4.1 would start at 14:20, before item 3 ends at 14:35"
    );
    assert_eq!(times(&app, "4.1"), (None, None));
    // A section's times are its sub-items'.
    app.press(KeyCode::Esc);
    select(&mut app, "4");
    app.typed("t");
    assert!(app.overlay.is_none());
    assert!(app.flash.as_deref().unwrap().contains("has sub-items"));
}

#[test]
fn pressing_n_on_a_planned_meeting_not_held_today_asks_first_too() {
    let mut app = quorate();
    app.tick(weeks_later());
    app.typed("n");
    assert!(matches!(app.scope(), Scope::Minuting));
    app.press(KeyCode::Esc);
    assert_eq!(app.meeting.status, MeetingStatus::Planned);
    // Live after all: the clock stamps the start, as it always did.
    app.typed("nl");
    assert_eq!(app.meeting.minuting, Minuting::Live);
    assert_eq!(app.meeting.began_at, Some(t(18, 30)));
    assert_eq!(times(&app, "1").0, Some(t(18, 30)));
}

#[test]
fn starting_with_attendance_not_taken_or_not_quorate_warns_first() {
    let mut app = december();
    app.typed("s");
    assert_eq!(app.scope(), Scope::StartCheck);
    assert_eq!(app.meeting.status, MeetingStatus::Planned);
    app.typed("a");
    assert_eq!(app.tab, Tab::Attendance, "to Attendance, to take it");
    assert!(app.overlay.is_none());
    app.typed("p").alt('1').typed("s");
    let Some(Overlay::Start { lines, .. }) = &app.overlay else {
        panic!("warned again: {:?}", app.overlay)
    };
    assert!(lines[0].contains("not quorate: 1 of the 3"), "{lines:?}");
    app.press(KeyCode::Esc);
    assert_eq!(app.meeting.status, MeetingStatus::Planned);
    app.typed("ss");
    assert_eq!(
        app.meeting.status,
        MeetingStatus::InProgress,
        "started anyway"
    );
    // Quorate and on the day: nothing to ask.
    let mut app = quorate();
    app.typed("s");
    assert_eq!(app.meeting.status, MeetingStatus::InProgress);
}

#[test]
fn live_times_stay_correctable_after_the_meeting_until_approval() {
    let mut app = quorate();
    app.tick(at(14, 2)).typed("s");
    app.tick(at(14, 9)).typed("n");
    app.tick(at(14, 20)).typed("Ey");
    assert_eq!(app.meeting.began_at, Some(t(14, 2)));
    assert_eq!(app.meeting.ended_at, Some(t(14, 20)));
    app.typed("p");
    assert!(
        app.flash
            .as_deref()
            .unwrap()
            .contains("The meeting has ended")
    );
    select(&mut app, "1");
    app.typed("t")
        .press(KeyCode::Tab)
        .typed("14:08")
        .press(KeyCode::Enter);
    assert_eq!(times(&app, "1"), (Some(t(14, 2)), Some(t(14, 8))));
    // Sealed: refused, saying why.
    app.meeting.status = MeetingStatus::Approved;
    app.typed("t");
    assert!(app.overlay.is_none());
    assert!(
        app.flash
            .as_deref()
            .unwrap()
            .contains("approved and sealed"),
        "{:?}",
        app.flash
    );
}

#[test]
fn minutes_typed_after_the_meeting_has_ended_leave_its_times_alone() {
    let mut app = quorate();
    app.tick(at(14, 0)).typed("s");
    for m in [5, 15, 25] {
        app.tick(at(14, m)).typed("n");
    }
    app.tick(at(14, 40)).typed("Ey");
    let before: Vec<_> = agenda::numbered(&app.meeting.agenda)
        .into_iter()
        .map(|(_, i)| (i.started_at, i.ended_at, i.status))
        .collect();
    app.tick(at(16, 30));
    select(&mut app, "3");
    app.alt('3').typed("Tidied: the action log was noted.");
    let after: Vec<_> = agenda::numbered(&app.meeting_for_save().agenda)
        .into_iter()
        .map(|(_, i)| (i.started_at, i.ended_at, i.status))
        .collect();
    assert_eq!(after, before, "no time or status changed");
    let item3 = app.meeting.item(id(&app, "3")).unwrap();
    assert!(item3.minutes.ends_with("Tidied: the action log was noted."));
    assert_eq!(app.meeting.status, MeetingStatus::Draft);
}

#[test]
fn enter_on_a_section_opens_its_own_minutes_and_the_running_order_stays() {
    let mut app = quorate();
    app.typed("snnn");
    let iha = id(&app, "4.1");
    assert_eq!(running::current(&app.meeting), Some(iha));
    select(&mut app, "4");
    app.press(KeyCode::Enter);
    assert_eq!(app.tab, Tab::Minutes);
    assert_eq!(app.minutes.item, Some(id(&app, "4")));
    app.typed("The Chair introduced the standing items.");
    assert_eq!(
        running::current(&app.meeting),
        Some(iha),
        "still taking 4.1"
    );
    assert_eq!(app.meeting.item(iha).unwrap().status, ItemStatus::Current);
    // The running order moving takes the pane back with it.
    app.alt('n');
    assert_eq!(app.minutes.item, Some(id(&app, "4.2")));
    let section = id(&app, "4");
    let section = app.meeting_for_save().item(section).unwrap();
    assert_eq!(section.minutes, "The Chair introduced the standing items.");
}

/// Every journaled edit of `item`, replayed onto `base`.
fn replayed(records: &[JournalRecord], item: ItemId, base: &str) -> String {
    let mut text = base.to_string();
    for r in records.iter().filter(|r| r.item == item) {
        crate::editor::apply_op(&mut text, &r.edit).unwrap();
    }
    text
}

const OKAFOR: &str = "Apologies for absence were received from Cllr Daniel Okafor.";

#[test]
fn apologies_marked_in_attendance_open_item_1s_minutes_as_an_edit_the_journal_holds() {
    let mut app = december();
    let item1 = id(&app, "1");
    app.alt('5').typed("pa");
    let minutes = |app: &mut Workspace| app.meeting_for_save().item(item1).unwrap().minutes.clone();
    assert_eq!(minutes(&mut app), format!("{OKAFOR}\n"));
    app.typed("a");
    let both =
        "Apologies for absence were received from Cllr Daniel Okafor and Cllr Samuel Achebe.";
    let both = format!("{both}\n");
    assert_eq!(minutes(&mut app), both);
    let journal = app.take_journal();
    assert_eq!(
        replayed(&journal, item1, ""),
        both,
        "the journal rebuilds it"
    );
    // The clerk edits the line: it is theirs now, and attendance no longer touches it.
    app.alt('3');
    assert_eq!(app.minutes.item, Some(item1));
    app.press(KeyCode::Up).press(KeyCode::End);
    app.typed(" Cllr Achebe sent word late.");
    app.alt('5').typed("a");
    let edited = both.replace(".\n", ". Cllr Achebe sent word late.\n");
    assert_eq!(minutes(&mut app), edited);
    assert_eq!(replayed(&app.take_journal(), item1, &both), edited);
}

#[test]
fn the_apologies_line_goes_above_minutes_being_typed_and_typing_carries_on_where_it_was() {
    let mut app = december();
    let item1 = id(&app, "1");
    app.typed("ss")
        .alt('3')
        .typed("The Chair welcomed everyone.");
    app.alt('5').typed("pa").alt('3');
    app.typed(" Tea was served.");
    assert_eq!(
        app.minutes.editor.text(),
        format!("{OKAFOR}\nThe Chair welcomed everyone. Tea was served.")
    );
    let journal = app.take_journal();
    assert_eq!(replayed(&journal, item1, ""), app.minutes.editor.text());
}

#[test]
fn substitutes_on_the_boards_roster_are_named_in_the_apologies_line() {
    let mut app = december();
    let item1 = id(&app, "1");
    let mut member =
        crate::model::Member::new("Cllr Daniel Okafor", crate::model::Role::Member, "");
    member.substitutes = vec!["Cllr Ruth Adeyemi".into()];
    let mut board: crate::model::Board = serde_json::from_value(serde_json::json!({
        "id": "cpb", "name": "Corporate Parenting Board", "code": "CPB", "quorum": 3,
        "template": "corporate-parenting-board"
    }))
    .unwrap();
    board.members = vec![member];
    app.board = Some(board);
    let mut sub =
        crate::model::Attendance::new("Cllr Ruth Adeyemi", crate::model::Role::Member, "");
    sub.status = crate::model::Presence::Present;
    app.meeting.attendance.push(sub);
    app.alt('5').typed("pa");
    assert_eq!(
        app.meeting_for_save().item(item1).unwrap().minutes,
        "Apologies for absence were received from Cllr Daniel Okafor. Substitutes: Cllr Ruth \
         Adeyemi for Cllr Daniel Okafor.\n"
    );
}

#[test]
fn alt_up_in_the_minutes_goes_to_the_sections_own_minutes_and_alt_down_comes_back() {
    use ratatui::crossterm::event::KeyModifiers;
    let mut app = quorate();
    app.typed("snnnn");
    let (section, unregulated) = (id(&app, "4"), id(&app, "4.2"));
    app.alt('3');
    assert_eq!(app.minutes.item, Some(unregulated));
    app.key(KeyCode::Up, KeyModifiers::ALT);
    assert_eq!(app.minutes.item, Some(section));
    app.typed("Three standing items this month.");
    app.key(KeyCode::Down, KeyModifiers::ALT);
    assert_eq!(app.minutes.item, Some(unregulated));
    app.typed("Two children placed.");
    let m = app.meeting_for_save();
    assert_eq!(
        m.item(section).unwrap().minutes,
        "Three standing items this month."
    );
    assert_eq!(m.item(unregulated).unwrap().minutes, "Two children placed.");
    // A top-level item is in no section.
    app.alt('1').typed("nnnn").alt('3');
    app.key(KeyCode::Up, KeyModifiers::ALT);
    assert_eq!(
        app.flash.as_deref(),
        Some("This item is not inside a section.")
    );
}

#[test]
fn writing_up_stamps_no_clock_time_on_arrivals_or_into_the_minutes() {
    let mut app = december();
    app.tick(weeks_later());
    app.typed("ssw");
    assert_eq!(app.meeting.minuting, Minuting::WriteUp);
    app.alt('5').typed("p");
    assert_eq!(
        app.meeting.attendance[0].arrived_at, None,
        "no January arrival"
    );
    app.alt('3');
    let before = app.minutes.editor.text();
    app.alt('t');
    assert_eq!(app.minutes.editor.text(), before);
    assert!(app.flash.as_deref().unwrap().contains("not the meeting's"));
}
