//! The board record a data directory written before boards were records gets: made from
//! its meetings (the latest one's board, venue, time and attendance), so that it opens as
//! one board with nothing in any meeting file changed.

use chrono::{Datelike, NaiveDate};

use super::board::{Board, BoardId, Member, UsualDay, WeekOfMonth, YoungPeopleNamed};
use super::meeting::Meeting;
use super::template::{BUILTIN, Template};

/// The built-in template used when none is made for a board of that name.
pub const DEFAULT_TEMPLATE: &str = "corporate-parenting-board";

/// Little words left out of a code ("Health and Wellbeing Board" → "HWB").
const SMALL_WORDS: &[&str] = &["and", "of", "the", "for", "in", "on", "&"];

/// A minute-reference code from a board's name: the initials of its words
/// ("Corporate Parenting Board" → "CPB"), or "BOARD" when the name has none.
pub fn code_of_name(name: &str) -> String {
    let initials = |skip_small: bool| -> String {
        name.split(|c: char| c.is_whitespace() || c == '-' || c == '/')
            .filter(|w| !(skip_small && SMALL_WORDS.contains(&w.to_lowercase().as_str())))
            .filter_map(|w| w.chars().next())
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let code = match initials(true) {
        c if c.is_empty() => initials(false),
        c => c,
    };
    if BoardId::from_code(&code).is_ok() {
        code
    } else {
        "BOARD".to_string()
    }
}

/// The id for `code`, or the first of `<id>-2`, `<id>-3`, … that `taken` does not hold.
pub fn free_id(code: &str, taken: impl Fn(&BoardId) -> bool) -> BoardId {
    let base = BoardId::from_code(code)
        .or_else(|_| BoardId::parse("board"))
        .expect("\"board\" is a board id");
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| BoardId::parse(&format!("{base}-{n}")).expect("a suffixed id stays valid"))
        .find(|id| !taken(id))
        .expect("some suffix is free")
}

/// The built-in template made for boards named `name`, else the default one.
pub fn template_for(name: &str) -> String {
    BUILTIN
        .iter()
        .find(|(n, _)| Template::builtin(n).is_ok_and(|t| t.board.name == name))
        .map_or(DEFAULT_TEMPLATE, |(n, _)| *n)
        .to_string()
}

/// The board record for meetings of `latest`'s board: its name, quorum, venue and start
/// time, and its attendance as the roster (whoever is "Chair" the chair). A roster that
/// could not meet the recorded quorum is left empty rather than the quorum changed (the
/// meetings recorded it); `adopts` is the caller's to set.
pub fn board_from_meeting(id: BoardId, code: String, latest: &Meeting) -> Board {
    let position_is =
        |p: &str, what: &[&str]| what.iter().any(|w| p.trim().eq_ignore_ascii_case(w));
    let members = latest
        .attendance
        .iter()
        .map(|a| {
            let mut m = Member::new(a.name.clone(), a.role, a.position.clone());
            m.chair = position_is(&a.position, &["Chair"]);
            m.vice_chair = position_is(&a.position, &["Vice-Chair", "Vice Chair"]);
            m
        })
        .collect();
    let mut board = Board {
        id,
        name: latest.board.name.clone(),
        council: String::new(),
        code,
        minute_year: Default::default(),
        item_times_in_minutes: false,
        contact: String::new(),
        quorum: latest.board.quorum,
        venue: latest.venue.clone(),
        usual_day: None,
        usual_time: latest.start_time,
        template: template_for(&latest.board.name),
        members,
        young_people: YoungPeopleNamed::RoleOnly,
        clerk: String::new(),
        adopts: Vec::new(),
    };
    if !board.problems().is_empty() {
        board.members.clear();
    }
    board
}

/// The usual day every one of `dates` (two or more) falls on, the week of the month
/// included ("the second Wednesday"), if they all agree on one.
pub fn usual_day_of(dates: &[NaiveDate]) -> Option<UsualDay> {
    let (first, rest) = dates.split_first()?;
    if rest.is_empty() {
        return None;
    }
    use WeekOfMonth::{First, Fourth, Last, Second, Third};
    [First, Second, Third, Fourth, Last]
        .into_iter()
        .map(|week| UsualDay {
            weekday: first.weekday(),
            week,
        })
        .find(|d| dates.iter().all(|date| d.matches(*date)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_on_second_wednesdays_make_that_the_usual_day() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let day = usual_day_of(&[d("2026-10-14"), d("2026-11-11"), d("2026-12-09")]);
        assert_eq!(
            day.map(|d| d.to_string()).as_deref(),
            Some("the second Wednesday of the month")
        );
        assert_eq!(usual_day_of(&[d("2026-10-14"), d("2026-11-18")]), None);
        assert_eq!(usual_day_of(&[d("2026-10-14")]), None);
    }

    #[test]
    fn a_code_is_the_initials_of_the_name() {
        assert_eq!(code_of_name("Corporate Parenting Board"), "CPB");
        assert_eq!(code_of_name("Health and Wellbeing Board"), "HWB");
        assert_eq!(code_of_name("Fostering Panel"), "FP");
        assert_eq!(code_of_name("  "), "BOARD");
    }

    #[test]
    fn a_taken_id_gets_the_first_free_suffix() {
        let taken = [
            BoardId::parse("cpb").unwrap(),
            BoardId::parse("cpb-2").unwrap(),
        ];
        assert_eq!(free_id("CPB", |id| taken.contains(id)).as_str(), "cpb-3");
        assert_eq!(free_id("FP", |id| taken.contains(id)).as_str(), "fp");
    }
}
