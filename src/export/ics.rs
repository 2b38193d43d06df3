//! The forward plan as iCalendar (RFC 5545), for members' calendars: one event per
//! meeting from today on, in Europe/London time (TZID and its VTIMEZONE), the calendar
//! named after the board. Only what a public forward plan says: when, where, and the
//! meeting's title; nothing from any agenda item, so nothing exempt.

use chrono::{Duration, NaiveDate, NaiveDateTime, Utc};

use super::view::heading;
use crate::model::details::UNPLANNED_MINUTES;
use crate::model::{Meeting, running};

/// The time zone every event's times are in.
pub const TZID: &str = "Europe/London";

/// UK civil time as iCalendar states it: GMT, and BST from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October (local 01:00 and 02:00, as written).
const VTIMEZONE: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "X-LIC-LOCATION:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19700329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19701025T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// The calendar's name from the boards it holds: one board's name, or all of theirs.
pub fn calendar_name(boards: &[String]) -> String {
    match boards {
        [] => "Forward plan of meetings".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Every meeting on or after `today`, as an iCalendar file named `name`, stamped now.
pub fn forward_plan(name: &str, meetings: &[Meeting], today: NaiveDate) -> String {
    forward_plan_at(name, meetings, today, Utc::now().naive_utc())
}

/// As [`forward_plan`], with the DTSTAMP (a UTC time) given, for repeatable output.
pub fn forward_plan_at(
    name: &str,
    meetings: &[Meeting],
    today: NaiveDate,
    stamp: NaiveDateTime,
) -> String {
    let mut plan: Vec<&Meeting> = meetings.iter().filter(|m| m.date >= today).collect();
    plan.sort_by(|a, b| (a.date, a.start_time, &a.id).cmp(&(b.date, b.start_time, &b.id)));

    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//minutebook//forward plan//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("NAME:{}", text(name)),
        format!("X-WR-CALNAME:{}", text(name)),
        format!("X-WR-TIMEZONE:{TZID}"),
    ];
    lines.extend(VTIMEZONE.iter().map(|l| l.to_string()));
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for m in plan {
        lines.extend(event(m, &dtstamp));
    }
    lines.push("END:VCALENDAR".into());

    let mut out = String::new();
    for l in &lines {
        out.push_str(&fold(l));
    }
    out
}

/// One meeting's VEVENT, unfolded.
fn event(m: &Meeting, dtstamp: &str) -> Vec<String> {
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", uid(m)),
        format!("DTSTAMP:{dtstamp}"),
        format!("SEQUENCE:{}", m.calendar_sequence),
    ];
    let local = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%S");
    match running::calendar_span(m, Duration::minutes(UNPLANNED_MINUTES)) {
        Some((start, end)) => {
            lines.push(format!("DTSTART;TZID={TZID}:{}", local(start)));
            lines.push(format!("DTEND;TZID={TZID}:{}", local(end)));
        }
        None => {
            lines.push(format!("DTSTART;VALUE=DATE:{}", m.date.format("%Y%m%d")));
            lines.push("DURATION:P1D".into());
        }
    }
    lines.push(format!(
        "SUMMARY:{}",
        text(&heading(&m.board.name, &m.title))
    ));
    if !m.venue.is_empty() {
        lines.push(format!("LOCATION:{}", text(&m.venue)));
    }
    lines.push(format!(
        "DESCRIPTION:{}",
        text(&format!(
            "{} meeting {} ({}).",
            m.board.name,
            m.id,
            m.status.label()
        ))
    ));
    lines.push("STATUS:CONFIRMED".into());
    lines.push("TRANSP:OPAQUE".into());
    lines.push("END:VEVENT".into());
    lines
}

/// The event's UID: kept across a move of date, and per board (see
/// [`Meeting::calendar_uid`]).
pub fn uid(m: &Meeting) -> String {
    m.calendar_uid()
}

pub use crate::model::meeting::{board_key, calendar_uid_of as uid_of};

/// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and newline;
/// other control characters, which the format does not allow, are dropped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let s = s.replace("\r\n", "\n");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded to at most 75 octets a line (§3.1), never inside a
/// UTF-8 character, each line ended by CRLF.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// Undoes [`fold`]: what a calendar reader does before parsing.
pub fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "").replace("\r\n\t", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_the_four_specials() {
        assert_eq!(text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn folding_respects_octets_and_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert_eq!(unfold(&folded), format!("{line}\r\n"));
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }

    #[test]
    fn a_long_line_of_multibyte_characters_folds_at_75_octets_never_inside_one() {
        // 3- and 4-byte characters, offset by one ASCII byte so that octet 75 falls
        // inside a character unless the fold moves before it.
        let line = format!("LOCATION:x{}", "€𝄞ü".repeat(30));
        let folded = fold(&line);
        let rows: Vec<&str> = folded.strip_suffix("\r\n").unwrap().split("\r\n").collect();
        assert!(rows.len() > 3, "folded: {folded}");
        for (i, row) in rows.iter().enumerate() {
            assert!(row.len() <= 75, "row {i} is {} octets", row.len());
            // Each row is whole UTF-8 (a &str), and a continuation starts with one space.
            assert_eq!(i > 0, row.starts_with(' '), "row {i}: {row:?}");
        }
        assert!(
            rows[..rows.len() - 1].iter().any(|r| r.len() < 75),
            "some fold came early, before a character that would not fit"
        );
        assert_eq!(unfold(&folded), format!("{line}\r\n"));
    }

    #[test]
    fn uid_names_the_board_by_id_or_else_by_a_slug_of_its_name() {
        let tpl = crate::model::Template::builtin("corporate-parenting-board").unwrap();
        let id = crate::model::MeetingId::parse("2026-06-10").unwrap();
        let mut m = crate::model::carry::new_meeting(&tpl, id, None, &[]);
        m.board.id = None;
        m.board.name = "Corporate Parenting Board (Kent)".into();
        assert_eq!(
            uid(&m),
            "2026-06-10.corporate-parenting-board-kent@minutebook"
        );
        m.board.id = Some(crate::model::BoardId::parse("cpb").unwrap());
        assert_eq!(uid(&m), "2026-06-10.cpb@minutebook");
    }

    #[test]
    fn the_calendar_is_named_after_its_board_or_boards() {
        let names =
            |n: &[&str]| calendar_name(&n.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            names(&["Corporate Parenting Board"]),
            "Corporate Parenting Board"
        );
        assert_eq!(names(&["A", "B", "C"]), "A, B and C");
        assert_eq!(names(&[]), "Forward plan of meetings");
    }
}
