//! The brief as drawn, from briefs made by hand with every field filled: what the chair
//! reads, in words, in priority order, wrapped and cut at the panel's size.

use chrono::{Duration, NaiveDate, NaiveTime};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::*;
use crate::model::agenda::{Exemption, ItemKind, Principle};
use crate::model::attendance::Quorum;
use crate::model::brief::{LastTime, NextItem};
use crate::model::declarations::{Declaration, InterestKind};
use crate::model::minute_numbers::MinuteRef;
use crate::model::{DecisionKind, ItemId, MeetingId};

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// The IHA standing item, ten minutes allowed, three minutes twenty over, with every
/// part of a brief filled in.
fn iha() -> Brief {
    Brief {
        item: ItemId(41),
        number: "4.1".into(),
        title: "IHA timeliness".into(),
        kind: ItemKind::Standing,
        minute: Some(MinuteRef("CPB/26/40".into())),
        veiled: false,
        exempt: None,
        presenter: "Dr Ruth Penhaligon, Designated Nurse".into(),
        principles: vec![Principle::BestInterests, Principle::SafetyAndStability],
        timing: Timing {
            status: ItemStatus::Current,
            started: Some(hm(14, 31)),
            ended: None,
            elapsed: Some(Duration::seconds(13 * 60 + 20)),
            allowance: Some(Duration::minutes(10)),
            overrun: Some(Duration::seconds(200)),
            behind_plan: Some(Duration::minutes(12)),
            forecast_end: Some(hm(16, 2)),
            planned_end: Some(hm(15, 50)),
        },
        next: Some(NextItem {
            number: "4.2".into(),
            title: "Unregulated placements".into(),
            exempt: false,
        }),
        figure: Some(FigureBrief {
            key: "iha".into(),
            name: "IHA timeliness".into(),
            now: Some("72.0%".into()),
            last: Some((day(11, 11), "90.0%".into())),
            target: Some("85%".into()),
            status: "BELOW TARGET".into(),
            verdict: Verdict::Bad,
            change: Some("down 18 points".into()),
            trend: vec![80.0, 87.5, 90.0, 72.0],
            detail: vec!["18 of 25 IHAs within 20 working days".into()],
        }),
        actions: vec![
            ActionBrief {
                text: "Report out-of-area IHA delays".into(),
                owner: "Dr Ruth Penhaligon".into(),
                due: "due 14 Oct 2026".into(),
                overdue: true,
                due_here: false,
                raised: "raised 9 Sep 2026 under 4.1".into(),
            },
            ActionBrief {
                text: "Bring the health partner's recovery plan".into(),
                owner: "Head of Service".into(),
                due: "due 9 Dec 2026 (this meeting)".into(),
                overdue: false,
                due_here: true,
                raised: "raised 11 Nov 2026 under 4.1".into(),
            },
        ],
        decided: vec![Decision::new(
            DecisionKind::Resolution,
            "That the Designated Nurse escalate IHA delays to the ICB",
        )],
        last_time: Some(LastTime {
            meeting: MeetingId::parse("2026-11-11").unwrap(),
            date: day(11, 11),
            minute: Some(MinuteRef("CPB/26/31".into())),
            decisions: vec![Decision::new(
                DecisionKind::Decision,
                "That IHA timeliness remain a standing item",
            )],
            first_lines: vec!["The Designated Nurse reported 90.0%, on target.".into()],
        }),
        declarations: vec![Declaration {
            member: "Cllr Ann Hale".into(),
            item: ItemId(41),
            kind: InterestKind::NonRegistrable,
            nature: "her daughter is a foster carer".into(),
            left_room: true,
        }],
        out_of_room: vec!["Cllr Ann Hale".into()],
        quorum: Quorum {
            members_present: 2,
            needed: 4,
            taken: true,
        },
        exclusion: None,
    }
}

/// An exempt item the running order has not reached the exclusion for.
fn exempt() -> Brief {
    let mut b = iha();
    b.number = "7".into();
    b.title = "Placement of child A".into();
    b.figure = None;
    b.exempt = Some(Exemption {
        reason: "Schedule 12A, paragraphs 1 and 2".into(),
    });
    b.exclusion = Some(ExclusionDue {
        paragraphs: vec![1, 2],
        ground: "Schedule 12A, paragraphs 1 and 2".into(),
        resolution: "That under section 100A(4) of the Local Government Act 1972 the public \
                     be excluded for item 7"
            .into(),
    });
    b
}

fn text(lines: &[Line<'_>]) -> Vec<String> {
    lines.iter().map(|l| l.to_string()).collect()
}

fn drawn(panel: BriefPanel<'_>, w: u16, h: u16) -> Vec<String> {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    panel.render(area, &mut buf);
    (0..h)
        .map(|y| {
            let row: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
            row.trim_end().to_string()
        })
        .collect()
}

#[test]
fn the_item_and_its_time_come_first_in_words() {
    let lines = text(&lines(&iha(), Theme::plain()));
    assert_eq!(
        lines[..4],
        [
            "4.1 IHA timeliness · minute CPB/26/40 · NOW BEING TAKEN",
            "Time: 13:20 of 10 min · started 14:31 · OVERRUN by 3:20",
            "Meeting: 12 min behind plan · forecast end 16:02 (planned 15:50)",
            "Next: 4.2 Unregulated placements",
        ]
    );
}

#[test]
fn an_inquorate_room_and_who_left_it_are_said_before_the_figures() {
    let lines = text(&lines(&iha(), Theme::plain()));
    let at = |s: &str| lines.iter().position(|l| l.contains(s)).unwrap();
    assert!(lines.contains(&"Quorum: NOT QUORATE (2 of 4 needed)".to_string()));
    assert!(lines.contains(&"Out of the room for this item: Cllr Ann Hale".to_string()));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("INTEREST: Cllr Ann Hale"))
    );
    assert!(at("NOT QUORATE") < at("IHA timeliness: 72.0%"));
}

#[test]
fn the_figure_says_its_status_change_trend_and_last_value() {
    let lines = text(&lines(&iha(), Theme::plain()));
    assert!(
        lines.contains(
            &"IHA timeliness: 72.0% against 85% · BELOW TARGET · down 18 points · trend ▄▇█▁"
                .to_string()
        )
    );
    assert!(lines.contains(&"Last meeting (11 Nov 2026): 90.0%".to_string()));
    assert!(lines.contains(&"18 of 25 IHAs within 20 working days".to_string()));
}

#[test]
fn overdue_actions_say_overdue_with_owner_and_due_date() {
    let lines = text(&lines(&iha(), Theme::plain()));
    assert!(lines.contains(&"Open actions: 2, 1 OVERDUE".to_string()));
    assert!(
        lines.contains(
            &"- OVERDUE Report out-of-area IHA delays (Dr Ruth Penhaligon, due 14 Oct 2026; \
          raised 9 Sep 2026 under 4.1)"
                .to_string()
        )
    );
    assert!(lines.iter().any(|l| l.starts_with("- DUE HERE Bring")));
}

#[test]
fn decisions_today_and_last_time_are_in_full() {
    let lines = text(&lines(&iha(), Theme::plain()));
    let at = |s: &str| lines.iter().position(|l| l == s).unwrap();
    let today = at("RESOLVED: That the Designated Nurse escalate IHA delays to the ICB");
    let last = at("Last meeting on this item (11 Nov 2026, minute CPB/26/31):");
    assert!(today < last);
    assert_eq!(
        lines[last + 1..last + 3],
        [
            "DECISION: That IHA timeliness remain a standing item",
            "The Designated Nurse reported 90.0%, on target.",
        ]
    );
}

#[test]
fn presenter_and_principles_come_last_spelled_out() {
    let lines = text(&lines(&iha(), Theme::plain()));
    let n = lines.len();
    assert_eq!(
        lines[n - 3..],
        [
            "Presented by Dr Ruth Penhaligon, Designated Nurse · standing item",
            "Principle 1: act in their best interests and promote physical and mental health \
             and well-being",
            "Principle 6: safety, and stability in home lives, relationships and education or \
             work",
        ]
    );
}

#[test]
fn before_an_exempt_item_the_exclusion_comes_first_in_capitals() {
    let lines = text(&lines(&exempt(), Theme::plain()));
    assert_eq!(
        lines[0],
        "EXCLUDE THE PRESS AND PUBLIC FIRST: paragraphs 1 and 2 of Schedule 12A"
    );
    assert!(lines[1].starts_with("To move: That under section 100A(4)"));
    assert!(lines[2].starts_with("[PART B] 7 Placement of child A"));
}

#[test]
fn a_next_item_in_part_b_is_said_to_be_exempt() {
    let mut b = iha();
    b.next = Some(NextItem {
        number: "7".into(),
        title: "Placement of child A".into(),
        exempt: true,
    });
    let lines = text(&lines(&b, Theme::plain()));
    assert!(
        lines.contains(
            &"Next: [PART B] 7 Placement of child A (exempt: the press and public to be excluded \
          first)"
                .to_string()
        )
    );
}

#[test]
fn a_veiled_brief_shows_only_what_the_public_agenda_says_and_the_exclusion() {
    let mut b = exempt();
    b.veiled = true;
    assert_eq!(
        text(&lines(&b, Theme::plain())),
        [
            "EXCLUDE THE PRESS AND PUBLIC FIRST: paragraphs 1 and 2 of Schedule 12A",
            "To move: That under section 100A(4) of the Local Government Act 1972 the public be \
             excluded for item 7",
            "[PART B] 7 Placement of child A: exempt business, hidden on this screen until the \
          press and public are excluded",
            "Exempt: Schedule 12A, paragraphs 1 and 2",
        ]
    );
}

#[test]
fn a_meeting_ahead_of_plan_says_so() {
    let mut b = iha();
    b.timing.behind_plan = Some(Duration::minutes(-5));
    b.timing.overrun = None;
    let lines = text(&lines(&b, Theme::plain()));
    assert!(
        lines[2].starts_with("Meeting: 5 min ahead of plan"),
        "{lines:?}"
    );
    assert!(!lines[1].contains("OVERRUN"));
}

#[test]
fn colour_only_repeats_the_words() {
    let coloured = text(&lines(&iha(), Theme { color: true }));
    assert_eq!(coloured, text(&lines(&iha(), Theme::plain())));
}

#[test]
fn long_lines_wrap_to_the_width_indented() {
    let rows = drawn(BriefPanel::new(&iha(), Theme::plain()), 40, 60);
    assert!(rows.iter().all(|r| r.chars().count() <= 40));
    let at = rows
        .iter()
        .position(|r| r.starts_with("- OVERDUE Report"))
        .unwrap();
    assert_eq!(rows[at], "- OVERDUE Report out-of-area IHA delays");
    assert!(
        rows[at + 1].starts_with("  (Dr Ruth Penhaligon"),
        "{rows:#?}"
    );
}

#[test]
fn a_cut_brief_says_how_many_lines_are_left_and_the_key() {
    let rows = drawn(BriefPanel::new(&iha(), Theme::plain()), 80, 8);
    let all = BriefPanel::new(&iha(), Theme::plain()).rows(80).len();
    assert_eq!(rows[7], format!("▼ {} more lines: PgDn", all - 7));
    assert_eq!(
        rows[0],
        "4.1 IHA timeliness · minute CPB/26/40 · NOW BEING TAKEN"
    );
}

#[test]
fn scrolled_to_the_end_the_last_line_shows_and_nothing_is_said_cut() {
    let b = iha();
    let panel = BriefPanel::new(&b, Theme::plain());
    let area = Rect::new(0, 0, 80, 8);
    let max = panel.max_scroll(area);
    let last = panel.rows(80).last().unwrap().to_string();
    let rows = drawn(panel.clone().scroll(u16::MAX), 80, 8);
    assert_eq!(rows, drawn(panel.scroll(max), 80, 8));
    assert_eq!(rows[7], last.trim_end(), "{rows:#?}");
    assert!(rows[6].starts_with("Principle 6"), "{rows:#?}");
    assert!(!rows.iter().any(|r| r.contains("more line")));
}

#[test]
fn the_more_row_names_the_key_of_the_screen_it_is_on() {
    let b = iha();
    let panel = BriefPanel::new(&b, Theme::plain()).more_key("Space");
    let rows = drawn(panel, 80, 5);
    assert!(rows[4].ends_with("more lines: Space"), "{rows:?}");
}

#[test]
fn wrapping_never_overflows_and_loses_no_word_at_any_width() {
    let mut b = iha();
    b.title = "Placements of children aged 16–17 in 子どもの supported accommodation".into();
    let words = |lines: &[Line<'_>]| -> Vec<String> {
        lines
            .iter()
            .flat_map(|l| {
                l.to_string()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let whole = words(&lines(&b, Theme::plain())).concat();
    for width in 4..90 {
        let rows = BriefPanel::new(&b, Theme::plain()).rows(width);
        for r in &rows {
            assert!(r.width() <= usize::from(width), "{width}: {r}");
        }
        // Cut words join up again: nothing dropped, nothing repeated.
        assert_eq!(words(&rows).concat(), whole, "{width}");
    }
}

#[test]
fn a_page_down_starts_at_the_first_row_the_more_line_hid_and_stops_at_the_end() {
    let b = iha();
    let panel = BriefPanel::new(&b, Theme::plain());
    let area = Rect::new(0, 0, 80, 8);
    let rows = panel.rows(80);
    let first = panel.page(0, Step::Down, area);
    assert_eq!(first, 7);
    let shown = drawn(panel.clone().scroll(first), 80, 8);
    assert_eq!(shown[0], rows[7].to_string());
    let end = panel.max_scroll(area);
    assert_eq!(panel.page(end, Step::Down, area), end);
    assert_eq!(panel.page(first, Step::Up, area), 0);
}
