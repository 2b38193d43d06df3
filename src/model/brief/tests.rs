//! The brief of the item in hand, on the demo board's December 2026 meeting (planned) with
//! November's meeting as the last one and the year's figures as the history.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::*;
use crate::model::action::{ActionItem, ActionStatus, Due, RaisedIn};
use crate::model::agenda::{AgendaItem, DecisionKind, ItemKind};
use crate::model::attendance::Presence;
use crate::model::declarations::{Declaration, InterestKind};
use crate::model::ids::ActionId;
use crate::model::meeting::Minuting;
use crate::model::standing::IhaFigures;

fn t(s: &str) -> NaiveTime {
    crate::model::clock::parse_hhmm(s).unwrap()
}

fn d(s: &str) -> NaiveDate {
    crate::model::clock::parse_date(s).unwrap()
}

fn on_the_day(time: &str) -> NaiveDateTime {
    d("2026-12-09").and_time(t(time))
}

/// December (planned), November (the last meeting) and the history before December.
fn december() -> (Meeting, Meeting, History) {
    let mut year = crate::demo::year();
    let dec = year.pop().unwrap();
    let nov = year.last().unwrap().clone();
    (dec, nov, history(&year))
}

/// The history as the store builds it from the listing: oldest first.
fn history(earlier: &[Meeting]) -> History {
    let mut h = History::default();
    for m in earlier {
        h.meetings.push((m.date, m.id.clone()));
        if let Some(r) = m.standing.iha.as_ref().and_then(|f| f.rate()) {
            h.iha.push((m.date, r));
        }
        for f in &m.standing.figures {
            let Some(v) = f.value else { continue };
            match h.figures.iter_mut().find(|(k, _)| *k == f.key) {
                Some((_, values)) => values.push((m.date, v)),
                None => h.figures.push((f.key.clone(), vec![(m.date, v)])),
            }
        }
    }
    h
}

fn cx<'a>(last: &'a Meeting, history: &'a History, now: &str, veil: Veil) -> Context<'a> {
    Context {
        last: Some(last),
        history,
        now: on_the_day(now),
        veil,
    }
}

fn id(m: &Meeting, number: &str) -> ItemId {
    agenda::id_at_number(&m.agenda, number).unwrap_or_else(|| panic!("no item {number}"))
}

fn brief(m: &Meeting, number: &str, cx: &Context<'_>) -> Brief {
    of(m, id(m, number), cx).unwrap()
}

/// Started at 14:00; items 1, 2 and 3 took 5, 15 and 15 minutes; 4.1 current from 14:35.
fn running_late(m: &mut Meeting) {
    running::start(m, t("14:00")).unwrap();
    for at in ["14:05", "14:20", "14:35"] {
        running::next(m, t(at)).unwrap();
    }
}

fn minutes(n: i64) -> Option<Duration> {
    Some(Duration::minutes(n))
}

#[test]
fn the_current_item_shows_time_so_far_its_overrun_and_how_far_the_meeting_runs_behind() {
    let (mut dec, nov, h) = december();
    running_late(&mut dec);
    let b = brief(&dec, "4.1", &cx(&nov, &h, "14:55", Veil::Private));
    let timing = &b.timing;
    assert_eq!(timing.status, ItemStatus::Current);
    assert_eq!((timing.started, timing.ended), (Some(t("14:35")), None));
    assert_eq!(timing.elapsed, minutes(20));
    assert_eq!(timing.allowance, minutes(15));
    assert_eq!(timing.overrun, minutes(5));
    // 105 minutes planned from 14:00; 65 left from 14:55 (4.1 already over its time).
    assert_eq!(timing.planned_end, Some(t("15:45")));
    assert_eq!(timing.forecast_end, Some(t("16:00")));
    assert_eq!(timing.behind_plan, minutes(15));
    let next = b.next.unwrap();
    assert_eq!((next.number.as_str(), next.exempt), ("4.2", false));
}

#[test]
fn a_done_item_shows_the_time_it_took_and_how_far_over_it_ran() {
    let (mut dec, nov, h) = december();
    running_late(&mut dec);
    let b = brief(&dec, "2", &cx(&nov, &h, "14:55", Veil::Private));
    assert_eq!(b.timing.status, ItemStatus::Done);
    assert_eq!(b.timing.elapsed, minutes(15));
    assert_eq!(b.timing.overrun, minutes(5));
    let on_time = brief(&dec, "1", &cx(&nov, &h, "14:55", Veil::Private));
    assert_eq!(
        (on_time.timing.elapsed, on_time.timing.overrun),
        (minutes(5), None)
    );
}

#[test]
fn a_meeting_ahead_of_its_plan_is_behind_by_a_negative_time() {
    let (mut dec, nov, h) = december();
    running::start(&mut dec, t("14:00")).unwrap();
    running::next(&mut dec, t("14:02")).unwrap();
    let b = brief(&dec, "2", &cx(&nov, &h, "14:03", Veil::Private));
    // Item 1 took 2 of its 5 minutes, item 2 has 9 of its 10 left: 99 minutes from 14:03.
    assert_eq!(b.timing.forecast_end, Some(t("15:42")));
    assert_eq!(b.timing.behind_plan, minutes(-3));
}

/// The agenda's plan runs from when the meeting actually began: a meeting begun at another
/// hour than the one published (the demo, started now) is not hundreds of minutes behind,
/// and a late start alone shows in the forecast end against the planned one.
#[test]
fn the_plan_counts_from_when_the_meeting_began_not_the_hour_published() {
    let (mut dec, nov, h) = december();
    running::start(&mut dec, t("01:10")).unwrap();
    let b = brief(&dec, "1", &cx(&nov, &h, "01:11", Veil::Private));
    assert_eq!(
        b.timing.behind_plan,
        minutes(0),
        "items on time, so on plan"
    );
    assert_eq!(b.timing.planned_end, Some(t("15:45")), "the published end");
    let (mut late, nov, h) = december();
    running::start(&mut late, t("14:10")).unwrap();
    let b = brief(&late, "1", &cx(&nov, &h, "14:12", Veil::Private));
    assert_eq!(b.timing.behind_plan, minutes(0));
    assert_eq!(b.timing.forecast_end, Some(t("15:55")), "ten minutes late");
}

#[test]
fn a_meeting_written_up_afterwards_has_no_live_timing() {
    let (mut dec, nov, h) = december();
    dec.minuting = Minuting::WriteUp;
    running::start(&mut dec, t("14:00")).unwrap();
    let b = brief(&dec, "1", &cx(&nov, &h, "14:30", Veil::Private));
    assert_eq!(b.timing.status, ItemStatus::Current);
    assert_eq!(
        b.timing.elapsed, None,
        "the clock says nothing of a write-up"
    );
    assert_eq!(b.timing.overrun, None);
    assert_eq!((b.timing.forecast_end, b.timing.behind_plan), (None, None));
    assert_eq!(b.timing.allowance, minutes(5));
    assert_eq!(b.timing.planned_end, Some(t("15:45")));
}

#[test]
fn next_is_the_next_item_still_to_be_taken_and_says_when_it_is_exempt() {
    let (mut dec, nov, h) = december();
    add_exempt_item(&mut dec, "Individual case: placement breakdown");
    running_late(&mut dec);
    let deferred = id(&dec, "4.2");
    running::defer(&mut dec, deferred, t("14:40")).unwrap();
    let cx = cx(&nov, &h, "14:40", Veil::Private);
    let next = |n: &str| brief(&dec, n, &cx).next.map(|x| (x.number, x.exempt));
    assert_eq!(next("4.1"), Some(("4.3".into(), false)), "4.2 was deferred");
    assert_eq!(
        next("4"),
        Some(("5.1".into(), false)),
        "after the section's last"
    );
    assert_eq!(next("7"), Some(("8".into(), true)));
    assert_eq!(next("8"), None);
}

fn iha_now(within: u32, due: u32) -> IhaFigures {
    IhaFigures {
        period_start: Some(d("2026-11-01")),
        period_end: Some(d("2026-11-30")),
        entered_care: 3,
        due,
        within_20_days: within,
        late: 2,
        outstanding: due - within - 2,
        commentary: "Two clinics were cancelled in the strike week.".into(),
    }
}

#[test]
fn the_iha_item_shows_its_rate_against_the_target_last_time_and_the_trend() {
    let (mut dec, nov, h) = december();
    dec.standing.iha = Some(iha_now(9, 12));
    let fig = brief(&dec, "4.1", &cx(&nov, &h, "14:00", Veil::Private))
        .figure
        .unwrap();
    assert_eq!(fig.key, "iha");
    assert_eq!(fig.now.as_deref(), Some("75.0%"));
    assert_eq!(fig.target.as_deref(), Some("85%"));
    assert_eq!(
        (fig.status.as_str(), fig.verdict),
        ("BELOW TARGET", Verdict::Bad)
    );
    // November: 18 of 20.
    assert_eq!(fig.last, Some((d("2026-11-11"), "90.0%".to_string())));
    assert_eq!(fig.change.as_deref(), Some("▼ 15.0 points"));
    assert_eq!(fig.trend.len(), 10, "nine earlier meetings and this one");
    assert_eq!(fig.trend.first(), Some(&(100.0 * 8.0 / 11.0)));
    assert_eq!(fig.trend.last(), Some(&75.0));
    assert_eq!(
        fig.detail,
        [
            "3 came into care · 12 IHAs due · 9 within 20 working days · 2 late · 1 outstanding",
            "Two clinics were cancelled in the strike week."
        ]
    );
}

#[test]
fn the_iha_item_before_its_figures_are_in_still_shows_last_time() {
    let (dec, nov, h) = december();
    let fig = brief(&dec, "4.1", &cx(&nov, &h, "14:00", Veil::Private))
        .figure
        .unwrap();
    assert_eq!((fig.now, fig.change), (None, None));
    assert_eq!(
        (fig.status.as_str(), fig.verdict),
        ("no figures yet", Verdict::Neither)
    );
    assert_eq!(fig.last, Some((d("2026-11-11"), "90.0%".to_string())));
    assert_eq!(fig.trend.len(), 9);
}

#[test]
fn the_trend_is_the_last_twelve_values() {
    let (mut dec, nov, mut h) = december();
    let earlier: Vec<_> = (1..=14).map(|i| (d("2025-01-01"), f64::from(i))).collect();
    h.iha = earlier;
    dec.standing.iha = Some(iha_now(6, 8));
    let fig = brief(&dec, "4.1", &cx(&nov, &h, "14:00", Veil::Private))
        .figure
        .unwrap();
    assert_eq!(fig.trend.len(), 12);
    assert_eq!(
        (fig.trend[0], fig.trend[10], fig.trend[11]),
        (4.0, 14.0, 75.0)
    );
}

#[test]
fn a_figure_where_fewer_is_better_is_worse_when_it_rises() {
    let (mut dec, nov, h) = december();
    let f = dec
        .standing
        .figures
        .iter_mut()
        .find(|f| f.key == "unregulated-placements")
        .unwrap();
    f.value = Some(3.0);
    let fig = brief(&dec, "4.2", &cx(&nov, &h, "14:00", Veil::Private))
        .figure
        .unwrap();
    assert_eq!(
        fig.name,
        "Children placed in unregulated or unregistered settings"
    );
    assert_eq!(fig.now.as_deref(), Some("3"));
    assert_eq!(fig.target.as_deref(), Some("0 (lower is better)"));
    assert_eq!(
        (fig.status.as_str(), fig.verdict),
        ("ABOVE TARGET", Verdict::Bad)
    );
    assert_eq!(fig.last, Some((d("2026-11-11"), "1".to_string())));
    assert_eq!(fig.change.as_deref(), Some("▲ 2 (worse)"));
    assert_eq!(fig.trend.last(), Some(&3.0));
    assert_eq!(fig.trend.len(), 10);
}

#[test]
fn a_standing_item_without_a_figure_and_other_items_have_none() {
    let (dec, nov, h) = december();
    let cx = cx(&nov, &h, "14:00", Veil::Private);
    assert_eq!(brief(&dec, "4.3", &cx).figure, None, "voice of the child");
    assert_eq!(brief(&dec, "5.1", &cx).figure, None);
}

fn texts(b: &Brief) -> Vec<&str> {
    b.actions.iter().map(|a| a.text.as_str()).collect()
}

#[test]
fn the_iha_item_brings_back_its_overdue_action_from_july() {
    let (dec, nov, h) = december();
    let b = brief(&dec, "4.1", &cx(&nov, &h, "14:00", Veil::Private));
    assert_eq!(b.actions.len(), 1, "{:?}", b.actions);
    let a = &b.actions[0];
    assert!(
        a.text
            .starts_with("Set up a quarterly joint IHA performance meeting")
    );
    assert!(a.overdue);
    assert!(!a.due_here);
    assert_eq!(a.due, "due 14 Oct 2026");
    assert_eq!(
        a.raised,
        "raised 8 Jul 2026 under Initial Health Assessment timeliness"
    );
    assert!(!a.owner.is_empty());
}

#[test]
fn the_action_log_carries_every_open_action_overdue_first_then_by_due_date() {
    let (dec, nov, h) = december();
    let b = brief(&dec, "3", &cx(&nov, &h, "14:00", Veil::Private));
    let shown: Vec<(bool, bool, &str)> = b
        .actions
        .iter()
        .map(|a| (a.overdue, a.due_here, a.due.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            (true, false, "due 14 Oct 2026"),
            (true, false, "due 14 Oct 2026 (next meeting)"),
            (false, true, "due 9 Dec 2026"),
            (false, false, "due 31 Dec 2026"),
        ]
    );
    // Raised at the last meeting, which is read in full: its item's number there is known.
    assert_eq!(
        b.actions[2].raised,
        "raised 11 Nov 2026 under 4.3 Voice of the child: Children in Care Council update"
    );
}

#[test]
fn an_action_closed_or_raised_at_this_meeting_is_not_brought_back() {
    let (mut dec, nov, h) = december();
    let july = dec
        .actions
        .iter_mut()
        .find(|a| a.raised.meeting.as_str() == "2026-07-08");
    july.unwrap().status = ActionStatus::Done;
    let mut new = dec.actions[0].clone();
    new.id = dec.next_action_id();
    new.raised.meeting = dec.id.clone();
    dec.actions.push(new);
    let b = brief(&dec, "4.1", &cx(&nov, &h, "14:00", Veil::Private));
    assert_eq!(texts(&b), Vec::<&str>::new());
}

#[test]
fn an_action_raised_last_time_follows_its_item_by_role_when_the_title_changes() {
    let (mut dec, nov, h) = december();
    let voice = id(&dec, "4.3");
    agenda::find_mut(&mut dec.agenda, voice).unwrap().title = "Voice of the child".into();
    let b = brief(&dec, "4.3", &cx(&nov, &h, "14:00", Veil::Private));
    assert_eq!(b.actions.len(), 1);
    assert!(
        b.actions[0]
            .text
            .starts_with("Hold a joint session with the Children in Care")
    );
    assert!(
        b.actions[0].due_here,
        "due 9 Dec 2026, the day of this meeting"
    );
}

#[test]
fn actions_match_their_item_by_title_whatever_the_case_and_spaces() {
    let (mut dec, nov, h) = december();
    let mut a = dec.actions[0].clone();
    a.raised.item_title = "  placement STABILITY: half-year report ".into();
    a.text = "Bring the half-year figures by locality".into();
    dec.actions.push(a);
    let b = brief(&dec, "5.1", &cx(&nov, &h, "14:00", Veil::Private));
    assert_eq!(texts(&b), ["Bring the half-year figures by locality"]);
}

#[test]
fn without_the_listing_overdue_is_still_judged_as_the_actions_tab_judges_it() {
    let (dec, nov, _) = december();
    let none = History::default();
    let b = brief(&dec, "3", &cx(&nov, &none, "14:00", Veil::Private));
    let september = b
        .actions
        .iter()
        .find(|a| a.raised.starts_with("raised 9 Sep 2026"))
        .unwrap();
    assert!(
        september.overdue,
        "the meeting after September was by 11 Nov"
    );
    assert_eq!(september.due, "due at the next meeting (none arranged yet)");
}

#[test]
fn last_time_shows_what_was_decided_and_minuted_on_the_same_item_in_november() {
    let (dec, nov, h) = december();
    let cx = cx(&nov, &h, "14:00", Veil::Private);
    let minutes = brief(&dec, "2", &cx).last_time.unwrap();
    assert_eq!(
        (minutes.meeting.as_str(), minutes.date),
        ("2026-11-11", nov.date)
    );
    assert!(minutes.minute.is_some(), "November's minutes were numbered");
    assert_eq!(minutes.decisions.len(), 1);
    assert!(
        minutes.decisions[0]
            .text
            .contains("the minutes of the meeting held on 14 October 2026 be approved")
    );
    // The decision is given once, in full: the minute's lines that record it are not its
    // first lines again.
    assert!(
        minutes
            .first_lines
            .iter()
            .all(|l| !l.contains("be approved as a correct record")),
        "{:?}",
        minutes.first_lines
    );
    assert!(minutes.first_lines[0].starts_with("There were no matters arising"));
    let iha = brief(&dec, "4.1", &cx).last_time.unwrap();
    let nov_iha = nov.item(id(&nov, "4.1")).unwrap();
    let first: Vec<&str> = nov_iha
        .minutes
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .collect();
    assert_eq!(iha.first_lines, first);
    assert!(iha.first_lines[0].starts_with("The Designated Nurse reported"));
    assert_eq!(
        brief(&dec, "5.1", &cx).last_time,
        None,
        "not on November's agenda"
    );
}

fn present(m: &mut Meeting, names: &[&str]) {
    for a in &mut m.attendance {
        if names.contains(&a.name.as_str()) {
            a.status = Presence::Present;
            a.arrived_at = Some(t("14:00"));
        } else {
            a.status = Presence::Apologies;
        }
    }
}

fn declare(m: &mut Meeting, member: &str, item: ItemId, nature: &str, left_room: bool) {
    m.declarations.push(Declaration {
        member: member.into(),
        item,
        kind: InterestKind::DisclosablePecuniary,
        nature: nature.into(),
        left_room,
    });
}

#[test]
fn a_member_out_of_the_room_for_a_section_is_out_for_its_items_and_the_quorum_says_so() {
    let (mut dec, nov, h) = december();
    let members = [
        "Cllr Margaret Holloway",
        "Cllr Daniel Okafor",
        "Cllr Samuel Achebe",
    ];
    present(
        &mut dec,
        &[members.as_slice(), &["Cllr Tom Ashworth", "Jay"]].concat(),
    );
    running_late(&mut dec);
    let section = id(&dec, "4");
    declare(
        &mut dec,
        "Cllr Tom Ashworth",
        section,
        "a landlord to care providers",
        true,
    );
    let cx = cx(&nov, &h, "14:40", Veil::Private);
    let b = brief(&dec, "4.1", &cx);
    assert_eq!(b.declarations.len(), 1);
    assert_eq!(b.out_of_room, ["Cllr Tom Ashworth"]);
    assert_eq!(b.quorum.describe(), "quorate (3 of 3 needed)");
    assert_eq!(brief(&dec, "5.1", &cx).declarations, []);
    assert_eq!(
        brief(&dec, "5.1", &cx).quorum.describe(),
        "quorate (4 of 3 needed)"
    );
    // The vice-chair leaves at 14:38: from then, the item is inquorate.
    dec.attendance[1].departed_at = Some(t("14:38"));
    let b = brief(&dec, "4.1", &cx);
    assert_eq!(b.quorum.describe(), "NOT QUORATE (2 of 3 needed)");
}

#[test]
fn a_declaration_staying_in_the_room_takes_no_one_out_of_it() {
    let (mut dec, nov, h) = december();
    present(&mut dec, &["Cllr Margaret Holloway", "Cllr Helen Brierley"]);
    let iha = id(&dec, "4.1");
    declare(
        &mut dec,
        "Cllr Helen Brierley",
        iha,
        "a director of the trust",
        false,
    );
    let b = brief(&dec, "4.1", &cx(&nov, &h, "14:00", Veil::Private));
    assert_eq!(b.declarations.len(), 1);
    assert_eq!(b.out_of_room, Vec::<String>::new());
    assert_eq!(b.quorum.members_present, 2);
}

/// Appends a Part B item, as the demo takes them: last, after the press and public leave.
fn add_exempt_item(m: &mut Meeting, title: &str) -> ItemId {
    let id = agenda::next_id(&m.agenda);
    let mut item = AgendaItem::new(id, title, ItemKind::Information);
    item.minutes_allotted = Some(15);
    item.presenter = "Mark Delaney".into();
    item.exempt = Some(Exemption {
        reason: "Local Government Act 1972, Schedule 12A, paragraph 2: information likely to \
                 reveal the identity of an individual"
            .into(),
    });
    m.agenda.push(item);
    id
}

#[test]
fn before_exempt_business_the_chair_is_told_to_exclude_the_press_and_public() {
    let (mut dec, nov, h) = december();
    add_exempt_item(&mut dec, "Individual case: placement breakdown");
    running_late(&mut dec);
    let cx = cx(&nov, &h, "14:40", Veil::Private);
    let due = brief(&dec, "8", &cx).exclusion.unwrap();
    assert_eq!(due.paragraphs, [2]);
    assert!(
        due.ground
            .starts_with("Local Government Act 1972, Schedule 12A, paragraph 2")
    );
    assert_eq!(due.resolution, crate::model::exclusion::resolution(&[2], 1));
    assert_eq!(brief(&dec, "4.1", &cx).exclusion, None, "public business");
    // Once the running order is in Part B, the public has been excluded.
    let case = id(&dec, "8");
    running::jump(&mut dec, case, t("14:45")).unwrap();
    assert_eq!(brief(&dec, "8", &cx).exclusion, None);
}

#[test]
fn the_exclusion_resolution_covers_every_exempt_item() {
    let (mut dec, nov, h) = december();
    add_exempt_item(&mut dec, "Individual case: placement breakdown");
    let second = add_exempt_item(&mut dec, "Individual case: a complaint");
    agenda::find_mut(&mut dec.agenda, second).unwrap().exempt = Some(Exemption {
        reason: "Schedule 12A, paragraph 1".into(),
    });
    let due = brief(&dec, "9", &cx(&nov, &h, "14:00", Veil::Private))
        .exclusion
        .unwrap();
    assert_eq!(due.paragraphs, [1], "its own ground");
    assert_eq!(
        due.resolution,
        crate::model::exclusion::resolution(&[1, 2], 2)
    );
}

#[test]
fn a_projector_shows_an_exempt_item_by_title_only_until_the_public_is_excluded() {
    let (mut dec, nov, h) = december();
    add_exempt_item(&mut dec, "Individual case: placement breakdown");
    running_late(&mut dec);
    let public = cx(&nov, &h, "14:40", Veil::UntilExcluded);
    let b = brief(&dec, "8", &public);
    assert!(b.veiled);
    assert_eq!(
        (b.number.as_str(), b.title.as_str()),
        ("8", "Individual case: placement breakdown")
    );
    assert_eq!(b.presenter, "");
    assert_eq!(b.timing, Timing::default());
    let private = brief(&dec, "8", &cx(&nov, &h, "14:40", Veil::Private));
    assert!(!private.veiled);
    // What the public may know: the ground stated on the public agenda, and that they
    // are about to be excluded for it (the resolution is public too).
    assert_eq!(b.exempt, private.exempt);
    assert!(b.exclusion.is_some());
    assert_eq!(b.exclusion, private.exclusion);
    assert_eq!(private.presenter, "Mark Delaney");
    let case = id(&dec, "8");
    running::jump(&mut dec, case, t("14:45")).unwrap();
    let b = brief(&dec, "8", &public);
    assert!(!b.veiled, "the public has been excluded");
    assert_eq!(b.presenter, "Mark Delaney");
}

/// Marker words in every place Part B reaches a brief from, with the items they sit in.
const MARKERS: [&str; 7] = [
    "ZEBRAPRESENTER",
    "ZEBRASUBTITLE",
    "ZEBRADECIDED",
    "ZEBRALASTMINUTES",
    "ZEBRALASTDECISION",
    "ZEBRAACTION",
    "ZEBRADECLARED",
];

/// December with Part B business everywhere a brief could draw it from: its own exempt
/// item (presenter, decision, minutes, a declaration), November's exempt item (minutes,
/// a decision, two actions raised there, one not marked exempt) and a public item of the
/// same title as November's exempt one.
fn with_part_b(dec: &mut Meeting, nov: &mut Meeting) {
    let nov_case = id(nov, "8");
    let nov_title = nov.item(nov_case).unwrap().title.clone();
    let item = agenda::find_mut(&mut nov.agenda, nov_case).unwrap();
    item.minutes = format!("ZEBRALASTMINUTES about the child.\n{}", item.minutes);
    item.decisions.push(Decision::new(
        DecisionKind::Resolution,
        "That ZEBRALASTDECISION.",
    ));
    let case = add_exempt_item(dec, "Individual case: placement breakdown");
    let item = agenda::find_mut(&mut dec.agenda, case).unwrap();
    item.presenter = "ZEBRAPRESENTER".into();
    item.minutes = "ZEBRAMINUTES".into();
    item.decisions.push(Decision::new(
        DecisionKind::Resolution,
        "That ZEBRADECIDED.",
    ));
    // Inside Part B not even a title is published: the running order comes to it next.
    let sub = AgendaItem::new(ItemId(case.0 + 100), "ZEBRASUBTITLE", ItemKind::Information);
    item.sub_items.push(sub);
    declare(dec, "Cllr Tom Ashworth", case, "ZEBRADECLARED", true);
    // A public follow-up that shares the title of November's exempt item.
    let reports = id(dec, "5");
    let follow = AgendaItem::new(
        agenda::next_id(&dec.agenda),
        nov_title.clone(),
        ItemKind::Report,
    );
    agenda::find_mut(&mut dec.agenda, reports)
        .unwrap()
        .sub_items
        .push(follow);
    for (n, exempt) in [(1, true), (2, false)] {
        dec.actions.push(ActionItem {
            id: ActionId(format!("2026-11-11#{}", 10 + n)),
            text: format!("ZEBRAACTION {n}"),
            owner: "Mark Delaney".into(),
            set_by: "Chair".into(),
            due: Due::On(d("2026-12-31")),
            raised: RaisedIn {
                meeting: nov.id.clone(),
                item: Some(nov_case),
                item_title: nov_title.clone(),
                exempt,
            },
            status: ActionStatus::Open,
            history: Vec::new(),
        });
    }
}

fn every_brief(m: &Meeting, cx: &Context<'_>) -> String {
    agenda::numbered(&m.agenda)
        .into_iter()
        .map(|(_, i)| format!("{:?}\n", of(m, i.id, cx).unwrap()))
        .collect()
}

#[test]
fn no_part_b_words_reach_a_projector_before_the_public_is_excluded() {
    let (mut dec, mut nov, h) = december();
    with_part_b(&mut dec, &mut nov);
    running_late(&mut dec);
    let shown = every_brief(&dec, &cx(&nov, &h, "14:40", Veil::UntilExcluded));
    assert!(!shown.contains("ZEBRA"), "Part B on a projector:\n{shown}");
    // A sub-item inside Part B goes by its holder's number and title, as the public agenda
    // lists it: never untitled, never its own.
    let next = of(
        &dec,
        id(&dec, "7"),
        &cx(&nov, &h, "14:40", Veil::UntilExcluded),
    )
    .unwrap()
    .next
    .unwrap();
    assert_eq!(
        (next.number.as_str(), next.title.as_str()),
        ("8", "Individual case: placement breakdown")
    );
    assert!(
        shown.contains("Individual case: placement breakdown"),
        "titles are public"
    );
    // A private screen shows all of it (this meeting's minutes are not in a brief at all).
    let private = every_brief(&dec, &cx(&nov, &h, "14:40", Veil::Private));
    for marker in MARKERS {
        assert!(
            private.contains(marker),
            "{marker} missing from the private briefs"
        );
    }
    // Once the running order reaches Part B the public has gone: the projector shows it.
    let case = id(&dec, "8.1");
    running::jump(&mut dec, case, t("14:45")).unwrap();
    let excluded = every_brief(&dec, &cx(&nov, &h, "14:45", Veil::UntilExcluded));
    assert!(excluded.contains("ZEBRAPRESENTER"));
}

mod part_b_never_leaks {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Whichever items are Part B and wherever the running order stands, a projector
        /// before the exclusion shows no word of Part B.
        #[test]
        fn whatever_is_exempt_and_wherever_the_meeting_is(
            exempt in proptest::collection::vec(any::<bool>(), 10),
            steps in 0usize..12,
        ) {
            let (mut dec, mut nov, h) = december();
            with_part_b(&mut dec, &mut nov);
            let ids: Vec<ItemId> = agenda::numbered(&dec.agenda).iter().map(|(_, i)| i.id).collect();
            for (id, _) in ids.into_iter().zip(&exempt).filter(|(_, e)| **e) {
                {
                    let item = agenda::find_mut(&mut dec.agenda, id).unwrap();
                    item.exempt = Some(Exemption { reason: "Schedule 12A, paragraph 1".into() });
                    item.presenter = format!("ZEBRAPRESENTER {}", item.presenter);
                }
            }
            running::start(&mut dec, t("14:00")).unwrap();
            for _ in 0..steps {
                running::next(&mut dec, t("14:10")).unwrap();
            }
            let cx = cx(&nov, &h, "14:20", Veil::UntilExcluded);
            if hides_part_b(&dec, Veil::UntilExcluded) {
                let shown = every_brief(&dec, &cx);
                prop_assert!(!shown.contains("ZEBRA"), "Part B on a projector:\n{}", shown);
            }
        }
    }
}
