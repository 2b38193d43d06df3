//! An Open Civic Data event document (the `event` object that pupa scrapers emit),
//! so councils' open-data tools can take the meeting without a scraper.
//!
//! Agenda items keep their dotted numbers as `order` ("2.1"); minutes go into each
//! item's `notes` and, whole, into a document classified "minutes".

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use super::Scope;
use super::prose::{self, Style};
use super::view::{Item, View, item_facts};
use crate::model::{MeetingStatus, reading};

#[derive(Serialize)]
struct Event {
    _type: &'static str,
    name: String,
    description: String,
    classification: &'static str,
    start_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    all_day: bool,
    timezone: &'static str,
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
    classification: &'static str,
    date: String,
    media_type: &'static str,
    links: Vec<Link>,
    /// The document itself: minutebook has no URL to point at.
    text: String,
}

#[derive(Serialize)]
struct Link {
    note: String,
    url: String,
}

#[derive(Serialize)]
struct Extras {
    meeting_id: String,
    audience: &'static str,
    minutes_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    quorum: Option<String>,
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
        participants.extend(v.people.iter().map(|p| {
            Participant {
                name: p.name.clone(),
                entity_type: "person",
                note: [p.presence, p.role, p.position.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        }));
    }
    let agenda = v.items.iter().map(|i| agenda_item(v, i, full)).collect();
    let minutes = full && v.held();
    let documents = vec![Document {
        note: if minutes {
            format!("Minutes ({})", v.status.label())
        } else {
            "Agenda".to_string()
        },
        classification: if minutes { "minutes" } else { "agenda" },
        date: v.date.to_string(),
        media_type: "text/plain",
        links: Vec::new(),
        text: prose::render(v, Style::Plain, scope),
    }];
    let event = Event {
        _type: "event",
        name: v.heading(),
        description: format!("{}: {}", v.when_and_where(), v.status.label()),
        classification: "committee-meeting",
        all_day: v.start_time.is_none(),
        start_date,
        end_date,
        timezone: "Europe/London",
        status: match v.status {
            MeetingStatus::Planned | MeetingStatus::InProgress => "confirmed",
            MeetingStatus::Draft | MeetingStatus::Approved => "passed",
        },
        location: Location {
            name: if v.venue.is_empty() {
                "To be confirmed".into()
            } else {
                v.venue.clone()
            },
            note: String::new(),
            coordinates: None,
        },
        participants,
        agenda,
        documents,
        media: Vec::new(),
        links: Vec::new(),
        sources: Vec::new(),
        extras: Extras {
            meeting_id: v.id.clone(),
            audience: if v.is_public() { "public" } else { "private" },
            minutes_status: v.status.label(),
            quorum: full.then(|| v.quorum.clone()),
            approval: if full { v.approval.clone() } else { None },
        },
    };
    serde_json::to_string_pretty(&event).expect("plain data serialises") + "\n"
}

fn agenda_item(v: &View, i: &Item, full: bool) -> AgendaItem {
    let mut classification = Vec::new();
    let mut notes = Vec::new();
    if let Some(reason) = &i.exempt {
        classification.push("exempt".to_string());
        notes.push(v.exempt_mark(reason));
    }
    if let Some(k) = i.kind {
        classification.push(k.label().to_string());
    }
    let facts = item_facts(i, full);
    if !facts.is_empty() {
        notes.push(facts.join(" · "));
    }
    if full {
        notes.extend(
            i.minutes
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string),
        );
        notes.extend(i.decisions.iter().map(reading::decision_line));
    }
    AgendaItem {
        description: i.title.clone(),
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
        related_entities: if i.presenter.is_empty() {
            Vec::new()
        } else {
            vec![Participant {
                name: i.presenter.clone(),
                entity_type: "person",
                note: "presenter".into(),
            }]
        },
        media: Vec::new(),
    }
}

/// Start and end as ISO 8601 with the UK offset of the day, or a date alone.
fn times(v: &View) -> (String, Option<String>) {
    let Some(t) = v.start_time else {
        return (v.date.to_string(), None);
    };
    let start = v.date.and_time(t);
    let minutes = v.allotted.unwrap_or(120);
    let end = start + Duration::minutes(i64::from(minutes));
    (uk_iso(start), Some(uk_iso(end)))
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
