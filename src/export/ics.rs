//! The forward plan as iCalendar (RFC 5545), for members' calendars: one event per
//! meeting from today on. Only what a public forward plan says: when, where, and the
//! meeting's title; nothing from any agenda item, so nothing exempt.

use chrono::{NaiveDate, NaiveDateTime, Utc};

use super::view::heading;
use crate::model::Meeting;

/// Minutes a meeting is taken to last when its agenda allots no time.
pub const DEFAULT_MINUTES: u32 = 120;

/// Every meeting on or after `today`, as an iCalendar file, stamped now.
pub fn forward_plan(meetings: &[Meeting], today: NaiveDate) -> String {
    forward_plan_at(meetings, today, Utc::now().naive_utc())
}

/// As [`forward_plan`], with the DTSTAMP (a UTC time) given, for repeatable output.
pub fn forward_plan_at(meetings: &[Meeting], today: NaiveDate, stamp: NaiveDateTime) -> String {
    let mut plan: Vec<&Meeting> = meetings.iter().filter(|m| m.date >= today).collect();
    plan.sort_by(|a, b| (a.date, a.start_time, &a.id).cmp(&(b.date, b.start_time, &b.id)));

    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//minutebook//forward plan//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", text("Forward plan of meetings")),
    ];
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for m in plan {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@minutebook", m.id));
        lines.push(format!("DTSTAMP:{dtstamp}"));
        match m.start_time {
            Some(t) => {
                let start = m.date.and_time(t);
                let minutes = super::allotted_minutes(&m.agenda).unwrap_or(DEFAULT_MINUTES);
                lines.push(format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")));
                lines.push(format!("DURATION:{}", duration(minutes)));
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
    }
    lines.push("END:VCALENDAR".into());

    let mut out = String::new();
    for l in &lines {
        out.push_str(&fold(l));
    }
    out
}

/// "PT2H", "PT1H35M", "PT45M".
fn duration(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

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
        assert_eq!(duration(120), "PT2H");
        assert_eq!(duration(95), "PT1H35M");
        assert_eq!(duration(45), "PT45M");
    }
}
