//! An Open Civic Data event document (the `event` object that pupa scrapers emit, checked
//! in tests/ocd_schema.rs against the rules of pupa's event schema), so councils'
//! open-data tools can take the meeting without a scraper.
//!
//! Agenda items keep their dotted numbers as `order` ("2.1"); minutes go into each item's
//! `notes`. Documents are by reference: the HTML export of the same audience, by the file
//! name minutebook gives it, to be published beside this one. Participants are people by
//! name, their roles in `note`: a role ("Chair", "Designated Nurse") is never a person.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::view::{Item, Person, View};
use super::{Audience, Format, Scope, ics};
use crate::model::{MeetingStatus, Presence, reading, running};

/// A meeting taken to last this long where no item has an allowance (as in calendars).
const UNPLANNED_MINUTES: i64 = crate::model::details::UNPLANNED_MINUTES;

#[derive(Serialize)]
struct Event {
    _type: &'static str,
    /// "ocd-event/" and a UUID made from the board and the meeting, the same every export.
    id: String,
    name: String,
    description: String,
    classification: &'static str,
    start_date: String,
    /// The actual end once the meeting has ended, else the planned end; "" for a day's
    /// event with no start time.
    end_date: String,
    all_day: bool,
    status: &'static str,
    location: Location,
    participants: Vec<Participant>,
    agenda: Vec<AgendaItem>,
    documents: Vec<Document>,
    media: Vec<()>,
    links: Vec<Link>,
    sources: Vec<Link>,
    extras: Extras,
}

#[derive(Serialize)]
struct Location {
    name: String,
    note: String,
    coordinates: Option<()>,
}

#[derive(Serialize)]
struct Participant {
    name: String,
    entity_type: &'static str,
    note: String,
}

#[derive(Serialize)]
struct AgendaItem {
    description: String,
    order: String,
    classification: Vec<String>,
    subjects: Vec<String>,
    notes: Vec<String>,
    related_entities: Vec<Participant>,
    media: Vec<()>,
}

#[derive(Serialize)]
struct Document {
    note: String,
    date: String,
    media_type: &'static str,
    url: String,
    links: Vec<DocumentLink>,
}

#[derive(Serialize)]
struct DocumentLink {
    media_type: &'static str,
    url: String,
}

#[derive(Serialize)]
struct Link {
    note: String,
    url: String,
}

#[derive(Serialize)]
struct Extras {
    meeting_id: String,
    timezone: &'static str,
    audience: &'static str,
    minutes_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    approval: Option<crate::model::approval::Approval>,
}

pub fn render(v: &View, scope: Scope) -> String {
    let full = scope == Scope::Full;
    let (start_date, end_date) = times(v);
    let mut participants = vec![Participant {
        name: v.board.clone(),
        entity_type: "organization",
        note: "host".into(),
    }];
    if full {
        participants.extend(v.people.iter().filter_map(|p| participant(v, p)));
    }
    let agenda = v
        .items
        .iter()
        .map(|i| agenda_item(v, i, &participants, full))
        .collect();
    let name = match v.heading() {
        h if h.trim().is_empty() => format!("Meeting {}", v.id),
        h => h,
    };
    let event = Event {
        _type: "event",
        id: event_id(v),
        name,
        description: format!("{}: {}", v.when_and_where(), v.status.label()),
        classification: "committee-meeting",
        all_day: v.start_time.is_none(),
        start_date,
        end_date,
        status: match v.status {
            MeetingStatus::Planned | MeetingStatus::InProgress => "confirmed",
            MeetingStatus::Draft | MeetingStatus::Approved => "passed",
        },
        location: Location {
            name: match v.venue.trim() {
                "" => "To be confirmed".into(),
                venue => venue.to_string(),
            },
            note: String::new(),
            coordinates: None,
        },
        participants,
        agenda,
        documents: documents(v, scope),
        media: Vec::new(),
        links: Vec::new(),
        sources: vec![Link {
            note: format!("minutebook record of {}, meeting {}", v.board, v.id),
            url: format!("urn:minutebook:{}:{}", board_key(v), v.id),
        }],
        extras: Extras {
            meeting_id: v.id.clone(),
            timezone: ics::TZID,
            audience: if v.is_public() { "public" } else { "private" },
            minutes_status: v.status.label(),
            approval: if full { v.approval.clone() } else { None },
        },
    };
    serde_json::to_string_pretty(&event).expect("plain data serialises") + "\n"
}

fn board_key(v: &View) -> String {
    ics::board_key(v.board_id.as_deref(), &v.board)
}

/// A UUID (RFC 9562 version 8: minutebook's own) from the SHA-256 of the calendar UID, so
/// the event keeps its id from one export to the next and two boards' meetings differ.
fn event_id(v: &View) -> String {
    let uid = ics::uid_of(&v.id, v.board_id.as_deref(), &v.board);
    let mut b: [u8; 16] = Sha256::digest(uid.as_bytes())[..16]
        .try_into()
        .expect("16 of 32 bytes");
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "ocd-event/{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// One of those present, by name, their role and position as the note. A young person the
/// public document gives by role only is no named person, so not a participant.
fn participant(v: &View, p: &Person) -> Option<Participant> {
    let by_role = v.is_public() && p.name == crate::words::young_person(&p.position);
    if p.presence != Presence::Present.label() || by_role || p.name.trim().is_empty() {
        return None;
    }
    let chair = p.chair.then_some("chair");
    let note: Vec<&str> = [chair, Some(p.role), Some(p.position.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    Some(Participant {
        name: p.name.clone(),
        entity_type: "person",
        note: note.join(", "),
    })
}

/// The documents this event refers to: the agenda, and once held, the minutes; each the
/// HTML export for the same audience, by its file name.
fn documents(v: &View, scope: Scope) -> Vec<Document> {
    let audience = if v.is_public() {
        Audience::Public
    } else {
        Audience::Private
    };
    let mut docs = vec![(Scope::AgendaOnly, "Agenda".to_string())];
    if scope == Scope::Full && v.held() {
        docs.push((Scope::Full, format!("Minutes ({})", v.status.label())));
    }
    docs.into_iter()
        .map(|(scope, note)| {
            let url = super::file_name(&v.id, Format::Html, audience, scope);
            Document {
                note,
                date: v.date.to_string(),
                media_type: "text/html",
                links: vec![DocumentLink {
                    media_type: "text/html",
                    url: url.clone(),
                }],
                url,
            }
        })
        .collect()
}

fn agenda_item(v: &View, i: &Item, people: &[Participant], full: bool) -> AgendaItem {
    let mut classification = Vec::new();
    let mut notes = Vec::new();
    if let Some(reason) = &i.exempt {
        classification.push("exempt".to_string());
        notes.push(v.exempt_mark(reason));
    }
    // Like the minutes, nothing of the clerk's workspace: no kind, allowance, status or
    // run time; who presents it, as the agenda says.
    notes.extend(super::view::presented_by(i));
    if full {
        notes.extend(i.minutes.split("\n\n").map(str::trim).map(str::to_string));
        notes.extend(i.decisions.iter().map(reading::decision_line));
    }
    notes.retain(|n| !n.trim().is_empty());
    // The presenter is a related person only where they are one of those present by name;
    // a role such as "Chair" stays in the facts above.
    let presenter = people
        .iter()
        .find(|p| p.entity_type == "person" && p.name == i.presenter.trim());
    AgendaItem {
        description: match i.title.trim() {
            "" => format!("Item {}", i.number),
            _ => i.title.clone(),
        },
        order: i.number.clone(),
        classification,
        subjects: i
            .principles
            .iter()
            .map(|p| {
                format!(
                    "Corporate parenting principle {}: {}",
                    p.number(),
                    p.wording()
                )
            })
            .collect(),
        notes,
        related_entities: presenter
            .map(|p| Participant {
                name: p.name.clone(),
                entity_type: "person",
                note: "presenter".into(),
            })
            .into_iter()
            .collect(),
        media: Vec::new(),
    }
}

/// Start and end as ISO 8601 with the UK offset of the day, or the date alone and no end.
/// The end is the actual one once the meeting has ended, else the planned one, by the rule
/// calendars use ([`running::span`]).
fn times(v: &View) -> (String, String) {
    let Some(t) = v.start_time else {
        return (v.date.to_string(), String::new());
    };
    let ended = matches!(v.status, MeetingStatus::Draft | MeetingStatus::Approved);
    let planned = match v.allotted {
        Some(n) if n > 0 => Duration::minutes(i64::from(n)),
        _ => Duration::minutes(UNPLANNED_MINUTES),
    };
    let (start, end) = running::span(v.date, t, v.ended.filter(|_| ended), planned);
    (uk_iso(start), uk_iso(end))
}

fn uk_iso(local: NaiveDateTime) -> String {
    let offset = if is_british_summer_time(local) {
        "+01:00"
    } else {
        "+00:00"
    };
    format!("{}{offset}", local.format("%Y-%m-%dT%H:%M:%S"))
}

/// British Summer Time: from 01:00 GMT on the last Sunday in March to 01:00 GMT on
/// the last Sunday in October (Summer Time Act 1972, as amended).
pub fn is_british_summer_time(local: NaiveDateTime) -> bool {
    let year = local.date().year();
    let last_sunday = |month: u32| -> NaiveDate {
        let last = NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31");
        let back = last.weekday().num_days_from_sunday();
        last - Duration::days(i64::from(back))
    };
    let one = NaiveTime::from_hms_opt(1, 0, 0).expect("valid");
    let two = NaiveTime::from_hms_opt(2, 0, 0).expect("valid");
    // Local wall-clock times: clocks go 01:00 → 02:00 in March and 02:00 → 01:00 in October.
    let begins = last_sunday(3).and_time(one);
    let ends = last_sunday(10).and_time(two);
    local >= begins && local < ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn summer_time_follows_the_last_sundays_of_march_and_october() {
        // 2026: 29 March and 25 October.
        assert!(!is_british_summer_time(at("2026-03-29 00:59")));
        assert!(is_british_summer_time(at("2026-03-29 02:00")));
        assert!(is_british_summer_time(at("2026-06-10 14:00")));
        assert!(is_british_summer_time(at("2026-10-25 00:30")));
        assert!(!is_british_summer_time(at("2026-10-25 02:00")));
        assert!(!is_british_summer_time(at("2026-12-09 14:00")));
        assert_eq!(uk_iso(at("2026-06-10 14:00")), "2026-06-10T14:00:00+01:00");
        assert_eq!(uk_iso(at("2026-12-09 14:00")), "2026-12-09T14:00:00+00:00");
    }
}
