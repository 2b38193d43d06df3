//! The meeting's own details as the clerk sets them (title, start, venue, board, quorum):
//! the checks the workspace form and `minutebook meeting set` share, each naming the problem;
//! and the calendar's sequence, raised whenever what a calendar holds of a meeting changes.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::board::{Board, BoardId};
use super::ids::MeetingId;
use super::meeting::{Meeting, MeetingBoard};
use super::running;

/// The largest quorum a board could set: more members than any board has.
pub const MAX_QUORUM: u32 = 100;

/// A title, refused when empty.
pub fn title(text: &str) -> Result<String, String> {
    match text.trim() {
        "" => Err("a meeting needs a title".into()),
        t => Ok(t.to_string()),
    }
}

/// A quorum as typed: a whole number of members from 0 to [`MAX_QUORUM`].
pub fn quorum(text: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|q| *q <= MAX_QUORUM)
        .ok_or_else(|| {
            format!(
                "{:?} is not a whole number of members from 0 to {MAX_QUORUM}",
                text.trim()
            )
        })
}

/// Makes `m` a meeting of `board`: its record's id and name, keeping the quorum `m` has.
pub fn set_board(m: &mut Meeting, board: &Board) {
    m.board = MeetingBoard {
        quorum: m.board.quorum,
        ..board.snapshot()
    };
}

/// Why `m` cannot become a meeting of board `to`, if it cannot: the meeting whose minutes it
/// approves and the meetings where the actions it carries were raised stay with their board,
/// so another board's meeting would approve or report on them. `board_of` tells a meeting's
/// board, where it is known (unknown is not `to`, so refused too).
pub fn board_change_refused(
    m: &Meeting,
    to: &BoardId,
    board_of: impl Fn(&MeetingId) -> Option<BoardId>,
) -> Option<String> {
    let of = |id: &MeetingId| match board_of(id) {
        Some(b) if b == *to => None,
        Some(b) => Some(format!("board {b}")),
        None => Some("a board this directory has no record of".to_string()),
    };
    let why = if let Some((p, b)) = m.previous.as_ref().and_then(|p| Some((p, of(p)?))) {
        format!("it approves the minutes of {p}, its previous meeting, which is of {b}")
    } else {
        let (a, b) = m
            .actions
            .iter()
            .filter(|a| a.raised.meeting != m.id)
            .find_map(|a| Some((a, of(&a.raised.meeting)?)))?;
        format!(
            "it carries action {}, raised at meeting {} of {b}",
            a.id, a.raised.meeting
        )
    };
    Some(format!("it cannot become a meeting of board {to}: {why}"))
}

/// What a calendar holds of a meeting: its board and title (the event's summary), the
/// venue, and when it runs ([`running::calendar_span`]). A change to any of these is a
/// change calendars must take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarFacts {
    board: String,
    title: String,
    venue: String,
    date: NaiveDate,
    span: Option<(NaiveDateTime, NaiveDateTime)>,
}

/// A meeting taken to last this long where no item has an allowance.
pub const UNPLANNED_MINUTES: i64 = 120;

impl CalendarFacts {
    pub fn of(m: &Meeting) -> CalendarFacts {
        CalendarFacts {
            board: m.board.name.clone(),
            title: m.title.clone(),
            venue: m.venue.clone(),
            date: m.date,
            span: running::calendar_span(m, Duration::minutes(UNPLANNED_MINUTES)),
        }
    }
}

/// Raises `m`'s calendar sequence once where what a calendar holds of it is not what it
/// held `before` the change, so calendars replace their copy of the event; a change that
/// leaves those alone (or no change) leaves it. True where it was raised. Every path that
/// changes a meeting (the workspace, `meeting set`, a move to another date) calls this.
pub fn note_calendar_change(before: &CalendarFacts, m: &mut Meeting) -> bool {
    let changed = *before != CalendarFacts::of(m);
    if changed {
        m.calendar_sequence = m.calendar_sequence.saturating_add(1);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_sequence_rises_once_for_a_change_a_calendar_holds_and_never_otherwise() {
        let tpl = crate::model::Template::builtin("corporate-parenting-board").unwrap();
        let id = MeetingId::parse("2026-12-09").unwrap();
        let mut m = crate::model::carry::new_meeting(&tpl, id, None, &[]);
        let facts = CalendarFacts::of(&m);
        m.agenda[0].minutes = "Apologies were received.".into();
        m.board.quorum += 1;
        assert!(
            !note_calendar_change(&facts, &mut m),
            "minutes and quorum: no calendar's"
        );
        assert_eq!(m.calendar_sequence, 0);
        // A longer allowance lengthens the planned meeting, so moves its calendar end.
        let facts = CalendarFacts::of(&m);
        m.agenda[0].minutes_allotted = Some(m.agenda[0].minutes_allotted.unwrap_or(0) + 10);
        m.venue = "Room 2".into();
        assert!(note_calendar_change(&facts, &mut m));
        assert_eq!(m.calendar_sequence, 1, "once for the whole change");
        let facts = CalendarFacts::of(&m);
        assert!(!note_calendar_change(&facts, &mut m), "no change");
        assert_eq!(m.calendar_sequence, 1);
    }

    #[test]
    fn a_quorum_over_a_hundred_or_not_a_number_is_refused_saying_what_was_typed() {
        assert_eq!(quorum(" 3 "), Ok(3));
        assert_eq!(quorum("100"), Ok(100));
        for bad in ["101", "-1", "three", ""] {
            let why = quorum(bad).unwrap_err();
            assert!(why.contains(&format!("{:?}", bad.trim())), "{why}");
            assert!(why.contains("from 0 to 100"), "{why}");
        }
        assert!(title("  ").is_err());
        assert_eq!(
            title(" Corporate Parenting Board ").unwrap(),
            "Corporate Parenting Board"
        );
    }
}
