//! `App::update` driven by key sequences, pane by pane, with a fixed clock.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::*;
#[path = "../../tests/common/workspace.rs"]
pub(crate) mod workspace;
use crate::editor::apply_op;
use crate::keymap::{ConflictChoice, RecoveryChoice};
use crate::model::agenda;
use crate::model::{ActionStatus, Due, ItemStatus, Presence};
use workspace::Workspace;

pub fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

/// The demo's planned December meeting, opened at 13:55 on the day.
pub fn december() -> Workspace {
    let m = crate::demo::year().pop().unwrap();
    Workspace::new(App::new(m, None, at(13, 55), Theme::plain()))
}

/// Shift-Tab, `times` over: back through a form's fields (or the tabs).
fn back_tab(app: &mut Workspace, times: usize) {
    for _ in 0..times {
        app.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    }
}

/// Why the open form was refused; panics if no form is open (it should have stayed open).
fn form_error(app: &App) -> String {
    match &app.overlay {
        Some(Overlay::Form(f)) => f.error.clone().unwrap_or_default(),
        other => panic!("the form should have stayed open with a reason: {other:?}"),
    }
}

/// The names of the standing figures a meeting follows, in order.
fn figure_names(m: &Meeting) -> Vec<&str> {
    m.standing.figures.iter().map(|f| f.name.as_str()).collect()
}

fn current_title(app: &App) -> String {
    running::current(&app.meeting)
        .map(|id| app.meeting.item(id).unwrap().title.clone())
        .unwrap_or_default()
}

#[test]
fn tabs_switch_by_alt_number_anywhere_and_by_number_and_tab_outside_typing() {
    let mut app = december();
    app.alt('3');
    assert_eq!(app.tab, Tab::Minutes);
    // In the editor, digits are text, not tab switches.
    app.typed("4");
    assert_eq!(app.tab, Tab::Minutes);
    assert_eq!(app.minutes.editor.text(), "4");
    app.alt('5');
    assert_eq!(app.tab, Tab::Attendance);
    app.typed("2");
    assert_eq!(app.tab, Tab::Standing);
    app.press(KeyCode::Tab);
    assert_eq!(app.tab, Tab::Minutes);
    // Inside the editor Shift-Tab is typing (outdent), not a tab switch.
    back_tab(&mut app, 1);
    assert_eq!(app.tab, Tab::Minutes);
    app.alt('1');
    assert_eq!(app.tab, Tab::Agenda);
}

#[test]
fn clicking_a_tab_switches_to_it() {
    let mut app = december();
    let x = crate::ui::tab_at(0, 80)
        .map(|_| ())
        .and_then(|_| (0u16..80).find(|x| crate::ui::tab_at(*x, 80) == Some(Tab::Actions)));
    app.click(x.unwrap(), 0);
    assert_eq!(app.tab, Tab::Actions);
}

#[test]
fn help_opens_with_f1_or_question_mark_and_lists_the_panes_keys() {
    let mut app = december();
    app.typed("?");
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    let text: String = crate::ui::overlay::help_lines(&app)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for b in keymap::help(Scope::Agenda) {
        assert!(text.contains(b.help), "help lacks {:?}", b.help);
    }
    app.press(KeyCode::Esc);
    assert!(app.overlay.is_none());
    // In the Minutes tab '?' is text, F1 is help, and help includes the editor's keys.
    app.alt('3');
    app.typed("?");
    assert!(app.overlay.is_none());
    app.press(KeyCode::F(1));
    let text: String = crate::ui::overlay::help_lines(&app)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    assert!(
        text.contains("Capture an action") && text.contains("Undo"),
        "{text}"
    );
}

#[test]
fn ctrl_q_asks_to_quit_from_anywhere_even_a_form() {
    let mut app = december();
    app.alt('3');
    app.alt('a');
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    app.ctrl('q');
    assert!(app.quit);
}

#[test]
fn chair_steps_through_the_agenda_with_times_and_forecast() {
    let mut app = december();
    assert_eq!(app.meeting.status, MeetingStatus::Planned);
    app.tick(at(14, 2));
    app.typed("ss"); // s, then start anyway: attendance is not taken
    assert_eq!(app.meeting.status, MeetingStatus::InProgress);
    assert_eq!(
        current_title(&app),
        "Welcome, apologies for absence and declarations of interest"
    );
    assert!(app.urgent_save, "starting is saved at once");
    app.tick(at(14, 9));
    app.typed("n");
    assert_eq!(
        current_title(&app),
        "Minutes of the meeting held on 11 November 2026 and matters arising"
    );
    let first = &app.meeting.agenda[0];
    assert_eq!(
        (first.started_at, first.ended_at),
        (
            NaiveTime::from_hms_opt(14, 2, 0),
            NaiveTime::from_hms_opt(14, 9, 0)
        )
    );
    assert_eq!(first.status, ItemStatus::Done);
    // Selection follows the chair.
    assert_eq!(app.agenda_sel, running::current(&app.meeting));
    app.typed("p");
    assert_eq!(
        current_title(&app),
        "Welcome, apologies for absence and declarations of interest"
    );
    // Take an item out of order: select 4.1 and press Enter.
    app.typed("jjjj");
    app.press(KeyCode::Enter);
    assert_eq!(current_title(&app), "Initial Health Assessment timeliness");
    // Defer the selected item: the next one starts.
    app.typed("f");
    assert_eq!(
        current_title(&app),
        "Children placed in unregulated and unregistered settings"
    );
    assert!(
        app.flash
            .as_deref()
            .unwrap()
            .contains("next meeting's agenda")
    );
}

#[test]
fn agenda_items_are_added_edited_moved_and_deleted_after_confirmation() {
    let mut app = december();
    app.typed("jjjjjjjjj"); // 6 Forward plan
    assert_eq!(
        app.meeting.item(app.agenda_sel.unwrap()).unwrap().title,
        "Forward plan"
    );
    app.typed("a");
    app.typed("Care leavers' local offer\treport\tSue Tranter\t20\t\t7, 5");
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let rows: Vec<_> = numbered(&app.meeting.agenda)
        .into_iter()
        .map(|(n, i)| format!("{n} {}", i.title))
        .collect();
    assert!(
        rows.contains(&"7 Care leavers' local offer".to_string()),
        "{rows:?}"
    );
    assert!(rows.contains(&"8 Any other business".to_string()));
    let added = app.meeting.item(app.agenda_sel.unwrap()).unwrap().clone();
    assert_eq!(added.minutes_allotted, Some(20));
    assert_eq!(
        added
            .principles
            .iter()
            .map(|p| p.number())
            .collect::<Vec<_>>(),
        [5, 7]
    );

    // A bad number is refused with the field named, and nothing is lost.
    app.typed("e\t\t\ttwenty");
    app.press(KeyCode::Enter);
    assert!(form_error(&app).starts_with("Minutes allowed:"));
    app.press(KeyCode::Esc);

    app.typed("K");
    assert_eq!(
        agenda::number_of(&app.meeting.agenda, added.id)
            .unwrap()
            .to_string(),
        "6"
    );
    app.typed("d");
    assert!(matches!(app.overlay, Some(Overlay::Confirm { .. })));
    app.typed("n");
    assert!(app.meeting.item(added.id).is_some(), "n keeps it");
    app.typed("dy");
    assert!(app.meeting.item(added.id).is_none());

    // Sub-items and exempt items.
    app.typed("A");
    app.typed("Individual placement\tinformation\tMark Delaney\t15\tSchedule 12A, paragraph 2\t6");
    app.press(KeyCode::Enter);
    let sub = app.meeting.item(app.agenda_sel.unwrap()).unwrap();
    assert_eq!(
        sub.exempt.as_ref().unwrap().reason,
        "Schedule 12A, paragraph 2"
    );
    assert!(
        agenda::number_of(&app.meeting.agenda, sub.id)
            .unwrap()
            .0
            .len()
            == 2
    );
}

#[test]
fn minutes_follow_the_current_item_and_capture_actions_and_decisions() {
    let mut app = december();
    app.typed("ss"); // s, then start anyway: attendance is not taken
    app.alt('3');
    app.typed("Apologies from Cllr Raman.\n");
    let item1 = app.minutes.item.unwrap();
    app.alt('n'); // next item from inside the editor
    assert_ne!(app.minutes.item, Some(item1));
    assert_eq!(
        app.meeting.item(item1).unwrap().minutes,
        "Apologies from Cllr Raman.\n",
        "switching keeps the text"
    );
    app.typed("Minutes approved.");
    app.alt('r');
    app.typed("that the minutes be approved");
    app.press(KeyCode::Enter);
    app.alt('a');
    app.typed("Circulate the signed minutes\tLeanne Ford\t2026-12-16");
    app.press(KeyCode::Enter);
    let item2 = app.minutes.item.unwrap();
    app.sync_editor();
    let text = app.meeting.item(item2).unwrap().minutes.clone();
    assert_eq!(
        text,
        "Minutes approved.\nACTION: Circulate the signed minutes (Leanne Ford, due 2026-12-16)\n",
        "the resolution is its record alone, not a second copy in the text"
    );
    assert_eq!(
        app.meeting.item(item2).unwrap().decisions[0].text,
        "that the minutes be approved"
    );
    let action = app.meeting.actions.last().unwrap();
    assert_eq!(action.id.0, "2026-12-09#1");
    assert_eq!(
        action.due,
        Due::On(NaiveDate::from_ymd_opt(2026, 12, 16).unwrap())
    );
    assert_eq!(action.raised.item, Some(item2));
    assert_eq!(action.set_by, "Cllr Margaret Holloway");
    // It is in the Actions pane at once, among those raised today.
    app.alt('4');
    let rows = app.action_rows();
    assert_eq!(
        &app.meeting.actions[*rows.last().unwrap()].text,
        "Circulate the signed minutes"
    );
}

#[test]
fn actions_captured_under_part_b_are_marked_exempt_and_so_are_earlier_ones_when_an_item_becomes_exempt()
 {
    let mut app = december();
    let first = app.meeting.agenda[0].id;
    app.meeting.agenda[0].exempt = Some(crate::model::Exemption {
        reason: "Schedule 12A, paragraph 2".into(),
    });
    app.typed("ss"); // s, then start anyway: attendance is not taken
    app.alt('3');
    assert_eq!(app.minutes.item, Some(first));
    app.alt('a');
    app.typed("Visit the placement\tMark Delaney\t2026-12-16");
    app.press(KeyCode::Enter);
    let action = app.meeting.actions.last().unwrap();
    assert_eq!(action.raised.item, Some(first));
    assert!(action.raised.exempt, "raised under Part B");

    app.alt('n');
    let second = app.minutes.item.unwrap();
    app.alt('a');
    app.typed("Circulate the minutes\tLeanne Ford\t2026-12-16");
    app.press(KeyCode::Enter);
    assert!(!app.meeting.actions.last().unwrap().raised.exempt);
    agenda::find_mut(&mut app.meeting.agenda, second)
        .unwrap()
        .exempt = Some(crate::model::Exemption {
        reason: "Schedule 12A, paragraph 1".into(),
    });
    app.meeting.mark_exempt_actions();
    assert!(app.meeting.actions.last().unwrap().raised.exempt);
}

#[test]
fn a_bad_due_date_keeps_the_action_form_open_with_the_reason() {
    let mut app = december();
    app.typed("ss"); // s, then start anyway: attendance is not taken
    app.alt('3');
    app.alt('a');
    app.typed("Do it\tJo\t");
    app.press(KeyCode::End);
    app.typed("ish");
    app.press(KeyCode::Enter);
    assert!(form_error(&app).contains("is not a due date"));
    assert!(app.meeting.actions_raised().next().is_none());
}

#[test]
fn timestamps_and_pastes_go_into_the_minutes_and_are_journaled() {
    let mut app = december();
    app.typed("ss"); // s, then start anyway: attendance is not taken
    app.alt('3');
    app.tick(at(14, 7));
    app.alt('t');
    app.update(Msg::Paste("Report tabled.\r\nSee appendix\tA.".into()));
    app.typed(" Café 子ども");
    let item = app.minutes.item.unwrap();
    let saved = app.meeting.item(item).unwrap().minutes.clone();
    let mut replayed = crate::editor::normalize(&saved).into_owned();
    for r in app.take_journal() {
        assert_eq!(r.item, item);
        apply_op(&mut replayed, &r.edit).unwrap();
    }
    assert_eq!(replayed, app.minutes.editor.text());
    assert_eq!(
        replayed,
        "[14:07] Report tabled.\nSee appendix    A. Café 子ども"
    );
    assert_ne!(
        app.revision, app.saved_revision,
        "unsaved until the run loop saves"
    );
}

#[test]
fn whole_meeting_view_is_read_only() {
    let mut app = Workspace::new(App::new(
        crate::demo::year().remove(8),
        None,
        at(15, 0),
        Theme::plain(),
    ));
    app.alt('3');
    app.alt('w');
    assert!(app.minutes.whole);
    let before = app.revision;
    app.typed("xyz");
    assert_eq!(app.revision, before);
    assert!(app.flash.as_deref().unwrap().contains("read-only"));
    app.alt('w');
    assert!(!app.minutes.whole);
}

#[test]
fn actions_are_updated_with_history_dated_at_this_meeting() {
    let mut app = december();
    app.alt('4');
    let first = app.action_rows()[0];
    app.typed("d");
    let a = &app.meeting.actions[first];
    assert_eq!(a.status, ActionStatus::Done);
    let last = a.history.last().unwrap();
    assert_eq!(
        (last.date, last.meeting.as_ref()),
        (app.meeting.date, Some(&app.meeting.id))
    );
    app.typed("o");
    assert_eq!(app.meeting.actions[first].status, ActionStatus::Open);
    app.typed("j");
    let second = app.action_rows()[1];
    app.press(KeyCode::Enter);
    app.typed("HR data received; report in January");
    app.press(KeyCode::Enter);
    let a = &app.meeting.actions[second];
    assert_eq!(
        a.history.last().unwrap().note,
        "HR data received; report in January"
    );
    assert_eq!(a.status, ActionStatus::Open);
}

#[test]
fn attendance_marks_with_one_key_and_moves_down_and_quorum_follows() {
    let mut app = december();
    app.alt('5');
    app.typed("pa");
    assert_eq!(app.meeting.attendance[0].status, Presence::Present);
    assert_eq!(app.meeting.attendance[1].status, Presence::Apologies);
    assert_eq!(
        app.meeting.quorum().describe(),
        "NOT QUORATE (1 of 3 needed)"
    );
    app.typed("pp");
    assert_eq!(app.meeting.quorum().describe(), "quorate (3 of 3 needed)");
    // Arrival times are noted once the meeting is under way.
    assert_eq!(app.meeting.attendance[2].arrived_at, None);
    app.typed("1s5");
    app.tick(at(14, 20));
    app.typed("p");
    assert_eq!(
        app.meeting.attendance[4].arrived_at,
        NaiveTime::from_hms_opt(14, 20, 0)
    );
    app.typed("n");
    app.typed("Dr Sam Patel\tpartner\tCAMHS");
    app.press(KeyCode::Enter);
    let p = app.meeting.attendance.last().unwrap();
    assert_eq!(
        (p.name.as_str(), p.role, p.position.as_str()),
        ("Dr Sam Patel", crate::model::Role::Partner, "CAMHS")
    );
}

#[test]
fn a_read_only_meeting_refuses_changes_and_says_why() {
    let m = crate::demo::year().pop().unwrap();
    let mut app = Workspace::new(App::new(
        m,
        Some("open in another minutebook (pid 42)".into()),
        at(14, 0),
        Theme::plain(),
    ));
    app.typed("s");
    assert_eq!(app.meeting.status, MeetingStatus::Planned);
    assert!(app.flash.as_deref().unwrap().contains("pid 42"));
    app.alt('3');
    app.typed("x");
    assert_eq!(app.minutes.editor.text(), "");
    assert_eq!(app.revision, 0);
    assert!(app.save_state().starts_with("READ-ONLY"));
}

#[test]
fn approved_minutes_open_read_only() {
    let app = App::new(
        crate::demo::year().remove(0),
        None,
        at(14, 0),
        Theme::plain(),
    );
    assert!(app.read_only.as_deref().unwrap().contains("approved"));
}

#[test]
fn recovery_offer_waits_for_an_answer_and_hands_it_to_the_run_loop() {
    let mut app = december();
    app.offer_recovery(vec!["1 Welcome: +12 characters".into()]);
    app.typed("x3");
    assert!(
        matches!(app.overlay, Some(Overlay::Recovery { .. })),
        "other keys do nothing"
    );
    assert_eq!(app.tab, Tab::Agenda);
    app.typed("r");
    assert!(app.overlay.is_none());
    assert_eq!(
        app.take_effects(),
        [Effect::Recovery(RecoveryChoice::Recover)]
    );
}

#[test]
fn the_changed_on_disk_question_offers_its_ways_out_lets_quit_through_and_is_in_f1() {
    let mut app = december();
    app.offer_conflict(vec![
        "/data/2026-12-09.json was changed by something else".into(),
    ]);
    app.typed("x3");
    assert!(
        matches!(app.overlay, Some(Overlay::Conflict { .. })),
        "other keys do nothing"
    );
    app.ctrl('q');
    assert!(
        app.quit,
        "quitting stays possible: the journal keeps the text"
    );
    app.quit = false;
    for (k, cmd) in [
        ('k', ConflictChoice::KeepBoth),
        ('r', ConflictChoice::ReloadTheirs),
        ('c', ConflictChoice::SwitchToCopy),
    ] {
        app.offer_conflict(vec![]);
        app.typed(&k.to_string());
        assert!(app.overlay.is_none());
        assert_eq!(app.take_effects(), [Effect::Conflict(cmd)]);
    }
    app.press(KeyCode::F(1));
    let text: String = crate::ui::overlay::help_lines(&app)
        .iter()
        .map(|l| l.to_string() + "\n")
        .collect();
    for scope in [Scope::Conflict, Scope::Recovery] {
        for b in keymap::help(scope) {
            assert!(text.contains(b.help), "F1 lacks {:?}", b.help);
        }
    }
}

#[test]
fn iha_figures_are_entered_in_a_form_and_impossible_ones_refused() {
    let mut app = december();
    app.alt('2');
    app.typed("e");
    // Period, came into care, due 10, within 12: more done in time than were due.
    app.typed("2026-11-01\t2026-11-30\t14\t10\t12\t0\t0\tSlow consent forms");
    app.press(KeyCode::Enter);
    assert_eq!(
        form_error(&app),
        "Within 20 days: 12 cannot be more than the 10 IHAs due"
    );
    assert!(app.meeting.standing.iha.is_none(), "nothing saved");
    // Fix the count (Shift-Tab back from the commentary to it) and save.
    back_tab(&mut app, 3);
    app.typed("8\t1\t1");
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let f = app.meeting.standing.iha.as_ref().unwrap();
    assert_eq!(
        (f.due, f.within_20_days, f.late, f.outstanding),
        (10, 8, 1, 1)
    );
    assert_eq!(f.commentary, "Slow consent forms");
    assert_eq!(
        f.status(app.meeting.standing.iha_target),
        crate::model::standing::IhaStatus::BelowTarget
    );
    assert!(app.urgent_save);

    // Words where numbers belong, and periods that end before they begin, are named.
    app.typed("e\t\t\tten");
    app.press(KeyCode::Enter);
    assert_eq!(
        form_error(&app),
        "IHAs due: \"ten\" is not a whole number of children (0 or more)"
    );
    app.press(KeyCode::Esc);
    app.typed("e\t2026-10-01");
    app.press(KeyCode::Enter);
    assert_eq!(
        form_error(&app),
        "Period to: 2026-10-01 is before the period starts (2026-11-01)"
    );
}

#[test]
fn other_standing_figures_are_entered_by_name() {
    let mut app = december();
    app.alt('2');
    app.typed("f2\t66");
    app.press(KeyCode::Enter);
    let values: Vec<_> = app
        .meeting
        .standing
        .figures
        .iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(values, [Some(2.0), Some(66.0)]);
    app.typed("f-1");
    app.press(KeyCode::Enter);
    assert!(form_error(&app).contains("is not a number of 0 or more"));
}

/// Types the period's totals into the IHA form (e) in the Standing tab and saves.
fn type_iha_totals(app: &mut Workspace, totals: &str) {
    app.alt('2').typed("e").typed(totals).press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
}

fn iha_counts(app: &App) -> (u32, u32, u32, u32, u32) {
    let f = app.meeting.standing.iha.as_ref().expect("totals typed");
    (
        f.entered_care,
        f.due,
        f.within_20_days,
        f.late,
        f.outstanding,
    )
}

#[test]
fn per_child_rows_are_checked_against_the_totals_and_dates_out_of_order_refused() {
    let mut app = december();
    type_iha_totals(
        &mut app,
        "2026-11-01\t2026-11-30\t1\t3\t1\t1\t1\tFrom the rows",
    );
    for row in [
        "C-01\t2026-10-19\t2026-11-10",
        "C-02\t2026-10-19\t2026-11-20",
        "C-03\t2026-10-20\t",
        "C-05\t2026-11-20\t",
    ] {
        app.typed("c");
        app.typed(row);
        app.press(KeyCode::Enter);
        assert!(app.overlay.is_none(), "{:?}", app.overlay);
    }
    assert_eq!(app.meeting.standing.iha_children.len(), 4);
    // These rows add up to the totals typed: nothing to say beside them.
    assert_eq!(app.flash.as_deref(), Some("Added C-05."));
    assert_eq!(iha_counts(&app), (1, 3, 1, 1, 1));
    assert_eq!(
        app.meeting.standing.iha.as_ref().unwrap().commentary,
        "From the rows"
    );

    // Completed before entering care cannot be.
    app.typed("cC-09\t2026-11-10\t2026-11-01");
    app.press(KeyCode::Enter);
    assert!(form_error(&app).contains("is before the child came into care"));
}

/// What the add-child form says to `row` typed from the standing pane, and the rows kept.
fn refusal_adding_child(row: &str) -> (String, usize) {
    let mut app = december();
    app.alt('2').typed(row).press(KeyCode::Enter);
    (form_error(&app), app.meeting.standing.iha_children.len())
}

#[test]
fn the_models_child_row_problems_are_said_with_the_forms_labels() {
    assert_eq!(
        refusal_adding_child("cC-09\t2026-11-10\t2026-11-01"),
        (
            "IHA completed: 2026-11-01 is before the child came into care (2026-11-10)".into(),
            0
        )
    );
    assert_eq!(
        refusal_adding_child("cJamie Smith\t2026-11-02\t"),
        (
            "Reference: \"Jamie Smith\" reads like a name; give an anonymised reference such as \
             C-0412, never a child's name (nothing was saved)"
                .into(),
            0
        )
    );
}

#[test]
fn child_rows_never_overwrite_typed_iha_totals() {
    let mut app = december();
    // The Designated Nurse's report: totals, and one child as a row.
    type_iha_totals(
        &mut app,
        "2026-11-01\t2026-11-30\t14\t15\t11\t2\t2\tConsent delays",
    );
    app.typed("cC-01\t2026-10-19\t2026-11-10");
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(
        iha_counts(&app),
        (14, 15, 11, 2, 2),
        "the totals typed stay"
    );
    assert_eq!(
        app.meeting.standing.iha.as_ref().unwrap().status(85.0),
        crate::model::standing::IhaStatus::BelowTarget,
        "11 of 15, not \"no IHAs due\""
    );
    let flash = app.flash.clone().unwrap_or_default();
    assert!(
        flash.starts_with("Added C-01. The rows and the totals differ (came into care: rows 0, totals 14; IHAs due: rows 1, totals 15"),
        "{flash}"
    );
    // Removing the row leaves the totals as they were.
    app.typed("xC-01");
    app.press(KeyCode::Enter);
    assert!(app.meeting.standing.iha_children.is_empty());
    assert_eq!(iha_counts(&app), (14, 15, 11, 2, 2));
}

#[test]
fn the_iha_form_stores_every_field_as_typed_beside_child_rows() {
    let mut app = december();
    type_iha_totals(&mut app, "2026-11-01\t2026-11-30\t1\t1\t1\t0\t0\t");
    app.typed("cC-01\t2026-11-02\t2026-11-20");
    app.press(KeyCode::Enter);
    // "Came into care" is 17, not the 1 the single row counts.
    app.typed("e\t\t17\t20\t17\t2\t1\tTwo clinic cancellations");
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(iha_counts(&app), (17, 20, 17, 2, 1));
    let flash = app.flash.clone().unwrap_or_default();
    assert!(
        flash.starts_with(
            "IHA figures entered. The rows and the totals differ (came into care: rows 1, totals 17;"
        ),
        "{flash}"
    );
    assert_eq!(
        app.meeting.standing.iha.as_ref().unwrap().commentary,
        "Two clinic cancellations"
    );
}

#[test]
fn iha_counts_beyond_what_a_board_could_report_are_refused_naming_the_field() {
    let mut app = december();
    app.alt('2');
    // Within + late would wrap to 0 in 32 bits and read as 100% on target.
    app.typed("e2026-11-01\t2026-11-30\t0\t4294967295\t4294967295\t1\t0\t");
    app.press(KeyCode::Enter);
    assert_eq!(
        form_error(&app),
        "IHAs due: 4294967295 is more than a board could report for one period (at most 100000)"
    );
    assert!(app.meeting.standing.iha.is_none(), "nothing saved");
}

#[test]
fn a_child_reference_that_reads_like_a_name_is_refused_before_anything_is_written() {
    let mut app = december();
    app.alt('2');
    app.typed("cJamie Smith\t2026-11-02\t");
    app.press(KeyCode::Enter);
    assert!(
        form_error(&app).starts_with("Reference: \"Jamie Smith\" reads like a name;"),
        "{}",
        form_error(&app)
    );
    assert!(app.meeting.standing.iha_children.is_empty());
    assert!(!app.urgent_save, "nothing to save");
    // The clerk corrects it in the form, which kept the typing, and it is added.
    back_tab(&mut app, 2);
    app.typed("C-0412");
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert_eq!(app.meeting.standing.iha_children[0].reference, "C-0412");
}

#[test]
fn a_board_adds_and_retires_standing_figures_and_the_next_meeting_carries_that() {
    let mut app = december();
    app.alt('2');
    app.typed("aChildren placed out of area\tcount\t20\tlower");
    app.press(KeyCode::Enter);
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    app.typed("rCare leavers aged 19-21 in education, employment or training");
    app.press(KeyCode::Enter);
    assert_eq!(
        figure_names(&app.meeting),
        [
            "Children placed in unregulated or unregistered settings",
            "Children placed out of area"
        ]
    );
    let added = &app.meeting.standing.figures[1];
    assert_eq!(
        (added.key.as_str(), added.target, added.better),
        (
            "children-placed-out-of-area",
            Some(20.0),
            crate::model::Better::Lower
        )
    );
    // Retiring what is not followed is refused, by name.
    app.typed("rNothing like this");
    app.press(KeyCode::Enter);
    assert_eq!(
        form_error(&app),
        "Name: the board does not follow \"Nothing like this\""
    );
    app.press(KeyCode::Esc);

    // The next meeting follows the same figures; the archive keeps the old ones.
    let template = crate::model::Template::builtin("corporate-parenting-board").unwrap();
    let next = crate::model::carry::new_meeting(
        &template,
        crate::model::MeetingId::parse("2027-01-13").unwrap(),
        None,
        std::slice::from_ref(&app.meeting),
    );
    assert_eq!(
        figure_names(&next),
        [
            "Children placed in unregulated or unregistered settings",
            "Children placed out of area"
        ]
    );
}

#[test]
fn after_the_meeting_has_ended_enter_and_p_leave_the_item_times_alone() {
    let mut app = december();
    app.tick(at(14, 2));
    app.typed("ss"); // s, then start anyway: attendance is not taken
    app.tick(at(14, 9));
    app.typed("n");
    app.tick(at(14, 20));
    app.typed("Ey");
    assert_eq!(app.meeting.status, MeetingStatus::Draft);
    let times = |app: &App| {
        agenda::numbered(&app.meeting.agenda)
            .into_iter()
            .map(|(_, i)| (i.status, i.started_at, i.ended_at))
            .collect::<Vec<_>>()
    };
    let before = times(&app);
    app.tick(at(16, 0));
    // Enter on the first item, then back a step, then end again: all refused.
    app.typed("kkkkk");
    app.press(KeyCode::Enter);
    assert!(
        app.flash
            .as_deref()
            .unwrap()
            .contains("The meeting has ended"),
        "{:?}",
        app.flash
    );
    app.typed("p");
    assert!(
        app.flash
            .as_deref()
            .unwrap()
            .contains("The meeting has ended")
    );
    app.typed("E");
    assert!(app.overlay.is_none(), "no second ending to confirm");
    assert_eq!(times(&app), before, "the draft's times are as taken");
    assert_eq!(running::current(&app.meeting), None);
}

#[test]
fn a_recorded_resolution_is_its_record_alone_and_reads_once_in_the_whole_minutes() {
    let mut app = december();
    app.typed("ss"); // s, then start anyway: attendance is not taken
    app.alt('3');
    app.typed("Minutes approved.");
    app.alt('r');
    app.typed("that the minutes be approved");
    app.press(KeyCode::Enter);
    let item = app.minutes.item.unwrap();
    app.sync_editor();
    assert_eq!(app.meeting.item(item).unwrap().minutes, "Minutes approved.");
    assert_eq!(app.meeting.item(item).unwrap().decisions.len(), 1);
    app.alt('w');
    let whole = crate::tabs::minutes::whole_minutes(&app);
    let said = |s: &str| whole.iter().filter(|(l, _)| l.contains(s)).count();
    assert_eq!(
        said("RESOLVED: that the minutes be approved"),
        1,
        "{whole:?}"
    );

    // An older record that also wrote each decision into its text reads it once too.
    let november = App::new(
        crate::demo::year().remove(8),
        None,
        at(15, 0),
        Theme::plain(),
    );
    let whole = crate::tabs::minutes::whole_minutes(&november);
    for (_, i) in agenda::numbered(&november.meeting.agenda) {
        for d in &i.decisions {
            let n = whole.iter().filter(|(l, _)| l.contains(&d.text)).count();
            assert_eq!(n, 1, "{:?}", d.text);
        }
    }
}

#[test]
fn reopening_an_item_puts_the_cursor_where_the_clerk_left_off() {
    let mut app = december();
    app.typed("ss"); // s, then start anyway: attendance is not taken
    app.alt('3');
    app.typed("Apologies from Cllr Raman.");
    let first = app.minutes.item.unwrap();
    app.alt('n');
    app.typed("Minutes approved.");
    // Back to the first item, from the editor: typing follows the earlier text.
    app.alt('p');
    assert_eq!(app.minutes.item, Some(first));
    app.typed(" No declarations.");
    assert_eq!(
        app.minutes.editor.text(),
        "Apologies from Cllr Raman. No declarations."
    );
    // The second item, reopened from the Agenda: its cursor is where it was left.
    app.alt('1');
    app.typed("n");
    app.alt('3');
    app.press(KeyCode::Home);
    app.typed("Item 2: ");
    app.alt('1');
    app.typed("p");
    app.typed("n");
    app.alt('3');
    app.typed("The ");
    assert_eq!(app.minutes.editor.text(), "Item 2: The Minutes approved.");

    // An item never visited this session opens at the end of its text.
    let mut app = Workspace::new(App::new(
        crate::demo::year().remove(8),
        None,
        at(15, 0),
        Theme::plain(),
    ));
    app.alt('3');
    let text = app.minutes.editor.text();
    assert!(!text.is_empty());
    assert_eq!(app.minutes.editor.cursor_offset(), text.chars().count());
}

/// The status bar's colour follows the save state: a failed save is bad, a save not yet
/// durable or a journal that cannot be kept is a warning, and a failed save stays bad
/// with a journal warning beside it.
#[test]
fn the_save_level_goes_with_the_save_state() {
    let mut app = december();
    assert_eq!(app.save_status(), ("saved".to_string(), SaveLevel::Fine));
    app.not_durable = Some("fsync failed".into());
    assert_eq!(app.save_status().1, SaveLevel::Warn);
    app.revision = app.saved_revision + 1;
    assert_eq!(app.save_status(), ("saving".to_string(), SaveLevel::Fine));
    app.journal_error = Some("disk full".into());
    assert_eq!(
        app.save_status(),
        ("saving; NO JOURNAL: disk full".to_string(), SaveLevel::Warn)
    );
    app.save_error = Some("disk full".into());
    let (state, level) = app.save_status();
    assert!(state.starts_with("NOT SAVED: disk full"), "{state}");
    assert_eq!(level, SaveLevel::Bad);
    app.read_only = Some("open elsewhere".into());
    assert_eq!(
        app.save_status(),
        ("READ-ONLY: open elsewhere".to_string(), SaveLevel::Warn)
    );
}

#[test]
fn a_numbered_draft_shows_each_minutes_reference_in_the_agenda_and_over_the_minutes() {
    let november = crate::demo::year()
        .into_iter()
        .find(|m| m.status == MeetingStatus::Draft)
        .unwrap();
    let first = november.agenda[0].minute.clone().unwrap();
    let mut app = Workspace::new(App::new(november, None, at(10, 0), Theme::plain()));
    let agenda = app.alt('1').screen(80, 24);
    assert!(agenda.contains(&format!("minute {first}")), "{agenda}");
    let minutes = app.alt('3').screen(80, 24);
    assert!(minutes.contains(&format!("· {first}")), "{minutes}");
}

#[test]
fn enter_on_a_decision_in_the_register_opens_its_meeting_at_its_item() {
    let year = crate::demo::year();
    let mut app = december();
    app.alt('6').typed("d");
    assert_eq!(
        app.take_effects(),
        [Effect::Request(super::archive::Request::Decisions)]
    );
    let all = crate::model::register::of_meetings(&year, None, None);
    let placement = all.iter().find(|e| e.part_b).unwrap().clone();
    app.update(Msg::Reply(super::archive::Reply::Decisions {
        all,
        problems: vec![],
    }));
    for _ in 0..5 {
        app.press(KeyCode::Down);
    }
    app.press(KeyCode::Enter);
    assert_eq!(
        app.take_effects(),
        [Effect::Request(super::archive::Request::Open {
            id: placement.meeting,
            item: Some(placement.item_id),
        })]
    );
}
