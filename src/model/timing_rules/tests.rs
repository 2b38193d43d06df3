use chrono::NaiveTime;

use super::*;
use crate::model::carry::new_meeting;
use crate::model::{MeetingId, Template, running};

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// The template's meeting of 2019, started as written up afterwards.
fn written_up() -> Meeting {
    let tpl = Template::builtin("corporate-parenting-board").unwrap();
    let mut m = new_meeting(&tpl, MeetingId::parse("2019-03-06").unwrap(), None, &[]);
    m.minuting = Minuting::WriteUp;
    running::start(&mut m, t(18, 30)).unwrap();
    m
}

fn id(m: &Meeting, number: &str) -> ItemId {
    agenda::id_at_number(&m.agenda, number).unwrap()
}

/// Sets the times of the item numbered `number`.
fn set(
    m: &mut Meeting,
    number: &str,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
) -> Result<(), String> {
    let item = id(m, number);
    set_item(m, item, start, end)
}

#[test]
fn a_written_up_meeting_takes_the_clerks_times_and_its_sections_follow() {
    let mut m = written_up();
    assert_eq!(m.began_at, None, "no wall-clock time is stamped");
    let first = id(&m, "1");
    assert_eq!(m.item(first).unwrap().started_at, None);
    set_meeting(&mut m, Some(t(14, 0)), Some(t(16, 0))).unwrap();
    set_item(&mut m, first, Some(t(14, 0)), Some(t(14, 10))).unwrap();
    set(&mut m, "4.1", Some(t(14, 40)), Some(t(14, 55))).unwrap();
    set(&mut m, "4.2", Some(t(14, 55)), Some(t(15, 5))).unwrap();
    let section = m.item(id(&m, "4")).unwrap();
    assert_eq!(
        section.started_at,
        Some(t(14, 40)),
        "a section starts with its first"
    );
    // Stepping on stamps nothing and keeps what was set.
    running::next(&mut m, t(18, 45)).unwrap();
    running::end(&mut m, t(18, 50)).unwrap();
    let first = m.item(first).unwrap();
    assert_eq!(
        (first.started_at, first.ended_at),
        (Some(t(14, 0)), Some(t(14, 10)))
    );
    assert_eq!((m.began_at, m.ended_at), (Some(t(14, 0)), Some(t(16, 0))));
}

#[test]
fn item_times_out_of_order_or_overlapping_are_refused_naming_the_other_item() {
    let mut m = written_up();
    set(&mut m, "3", Some(t(14, 20)), Some(t(14, 35))).unwrap();
    let err = set(&mut m, "4.1", Some(t(14, 20)), Some(t(14, 40))).unwrap_err();
    assert_eq!(
        err,
        "item 4.1 would start at 14:20, before item 3 ends at 14:35"
    );
    let err = set(&mut m, "2", Some(t(14, 10)), Some(t(14, 25))).unwrap_err();
    assert_eq!(
        err,
        "item 2 would end at 14:25, after item 3 starts at 14:20"
    );
    let err = set(&mut m, "2", Some(t(14, 10)), Some(t(14, 10))).unwrap_err();
    assert_eq!(
        err,
        "item 2 would end at 14:10, which is not after it starts at 14:10"
    );
    let before = m.clone();
    assert!(set(&mut m, "4", Some(t(15, 0)), None).is_err());
    assert_eq!(m, before, "a refused time changes nothing");
    // Back to back is fine.
    set(&mut m, "4.1", Some(t(14, 35)), Some(t(14, 50))).unwrap();
}

#[test]
fn the_meeting_must_hold_every_items_times() {
    let mut m = written_up();
    set(&mut m, "1", Some(t(14, 0)), Some(t(14, 10))).unwrap();
    assert_eq!(
        set_meeting(&mut m, Some(t(14, 5)), None).unwrap_err(),
        "the meeting would begin at 14:05, after item 1 started at 14:00"
    );
    assert_eq!(
        set_meeting(&mut m, Some(t(14, 0)), Some(t(14, 5))).unwrap_err(),
        "the meeting would end at 14:05, before item 1 ended at 14:10"
    );
    assert_eq!(
        set_meeting(&mut m, Some(t(16, 0)), Some(t(15, 0))).unwrap_err(),
        "The meeting would end at 15:00, which is not after it starts at 16:00"
    );
    set_meeting(&mut m, Some(t(14, 0)), Some(t(15, 0))).unwrap();
    assert_eq!(
        set(&mut m, "2", Some(t(14, 50)), Some(t(15, 10))).unwrap_err(),
        "item 2 would end at 15:10, after the meeting ended at 15:00"
    );
}

#[test]
fn live_times_are_correctable_after_the_meeting_until_approval_seals_them() {
    let tpl = Template::builtin("corporate-parenting-board").unwrap();
    let mut m = new_meeting(&tpl, MeetingId::parse("2026-12-09").unwrap(), None, &[]);
    assert_eq!(may_set(&m), Err(Closed::NotStarted));
    running::start(&mut m, t(14, 2)).unwrap();
    assert_eq!(
        m.began_at,
        Some(t(14, 2)),
        "live: the clock notes the start"
    );
    assert_eq!(may_set(&m), Err(Closed::Live));
    running::next(&mut m, t(14, 9)).unwrap();
    running::end(&mut m, t(14, 20)).unwrap();
    assert_eq!(m.ended_at, Some(t(14, 20)));
    let first = id(&m, "1");
    set_item(&mut m, first, Some(t(14, 2)), Some(t(14, 7))).unwrap();
    assert_eq!(m.item(first).unwrap().ended_at, Some(t(14, 7)));
    m.status = MeetingStatus::Approved;
    let err = set_item(&mut m, first, Some(t(14, 2)), Some(t(14, 8))).unwrap_err();
    assert!(err.contains("approved and sealed"), "{err}");
}
