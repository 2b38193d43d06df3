//! Exports read back: JSON and OCD parsed, HTML parsed as XML, iCalendar checked line by
//! line, and a canary planted in Part B business that no public export may ever carry.

mod common;

use std::collections::BTreeSet;
use std::fs;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use proptest::prelude::*;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use serde_json::Value;

use common::{minutebook, stderr, stdout};
use minutebook::export::{self, Audience, Format, Scope, ics};
use minutebook::model::agenda::{self, numbered};
use minutebook::model::approval::Erratum;
use minutebook::model::iha_children::IhaChild;
use minutebook::model::{
    ActionId, ActionItem, ActionStatus, AgendaItem, Decision, DecisionKind, Declaration, Due,
    Exemption, InterestKind, ItemId, ItemKind, Meeting, MeetingId, MinuteRef, Origins, RaisedIn,
};

const SCOPES: [Scope; 2] = [Scope::Full, Scope::AgendaOnly];

fn year() -> &'static [Meeting] {
    static YEAR: std::sync::OnceLock<Vec<Meeting>> = std::sync::OnceLock::new();
    YEAR.get_or_init(minutebook::demo::year)
}

fn demo(id: &str) -> Meeting {
    year()
        .iter()
        .find(|m| m.id.as_str() == id)
        .cloned()
        .unwrap_or_else(|| panic!("no demo meeting {id}"))
}

/// Where `m`'s actions were raised, from the demo year (as the CLI reads the archive).
fn origins(m: &Meeting) -> Origins {
    Origins::of(m, |id| year().iter().find(|x| x.id == *id).cloned())
}

/// `export::render`, with plain text unwrapped: it is wrapped at 72 columns, and these
/// tests look for phrases, present or absent, wherever its lines end.
fn rendered(
    m: &Meeting,
    origins: &Origins,
    board: Option<&minutebook::model::Board>,
    format: Format,
    audience: Audience,
    scope: Scope,
) -> String {
    // A Word document is read as its visible text (tests/common/docx.rs).
    let doc = common::docx::render(m, origins, board, format, audience, scope);
    if format == Format::Text {
        common::flat(&doc)
    } else {
        doc
    }
}

/// `m` as a document, its actions' origins read from the demo year.
fn render(m: &Meeting, format: Format, audience: Audience, scope: Scope) -> String {
    rendered(m, &origins(m), None, format, audience, scope)
}

/// `m`'s full record as plain text, its actions' origins as given.
fn full_record(m: &Meeting, origins: &Origins) -> String {
    rendered(
        m,
        origins,
        None,
        Format::Text,
        Audience::Private,
        Scope::Full,
    )
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn stamp() -> NaiveDateTime {
    date("2026-01-05").and_time(NaiveTime::from_hms_opt(9, 30, 0).unwrap())
}

// ---------------------------------------------------------------- XML

/// What a well-formed document holds: its elements (name and attributes) and its text.
#[derive(Default, Debug)]
struct Xml {
    elements: Vec<(String, Vec<(String, String)>)>,
    text: String,
}

impl Xml {
    fn has(&self, name: &str, attr: &str, value: &str) -> bool {
        self.elements.iter().any(|(n, attrs)| {
            n == name
                && attrs
                    .iter()
                    .any(|(k, v)| k == attr && v.split(' ').any(|w| w == value))
        })
    }
}

fn legal_xml_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

fn element(e: &BytesStart) -> Result<(String, Vec<(String, String)>), String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("bad attribute in <{}>: {err}", e.name().0))?;
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| format!("bad attribute value in <{}>: {err}", e.name().0))?;
        attrs.push((a.key.0.to_string(), value.into_owned()));
    }
    Ok((e.name().0.to_string(), attrs))
}

/// Parses `doc` as XML: one root, every element closed in order, every reference one
/// XML knows, every character one XML allows.
fn parse_xml(doc: &str) -> Result<Xml, String> {
    if let Some(bad) = doc.chars().find(|c| !legal_xml_char(*c)) {
        return Err(format!(
            "character U+{:04X} is not allowed in XML",
            bad as u32
        ));
    }
    let mut reader = Reader::from_str(doc);
    let mut xml = Xml::default();
    let mut open: Vec<String> = Vec::new();
    let mut roots = 0;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => {
                if open.is_empty() {
                    roots += 1;
                }
                let el = element(&e)?;
                open.push(el.0.clone());
                xml.elements.push(el);
            }
            Event::Empty(e) => {
                if open.is_empty() {
                    roots += 1;
                }
                xml.elements.push(element(&e)?);
            }
            Event::End(e) => match open.pop() {
                Some(name) if name == e.name().0 => {}
                other => return Err(format!("</{}> closes {other:?}", e.name().0)),
            },
            Event::Text(t) => {
                if open.is_empty() && !t.trim().is_empty() {
                    return Err(format!("text outside the root element: {:?}", &*t));
                }
                xml.text.push_str(&t);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) if legal_xml_char(c) => c.to_string(),
                    Ok(Some(c)) => return Err(format!("&{}; is U+{:04X}", &*r, c as u32)),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&r)
                        .ok_or_else(|| format!("&{}; is not an XML entity", &*r))?
                        .to_string(),
                    Err(e) => return Err(format!("&{};: {e}", &*r)),
                };
                xml.text.push_str(&resolved);
            }
            Event::DocType(_) | Event::Decl(_) | Event::Comment(_) => {}
            Event::CData(_) | Event::PI(_) => return Err("unexpected CDATA or PI".into()),
            Event::Eof => break,
        }
    }
    if !open.is_empty() {
        return Err(format!("never closed: {open:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(xml)
}

// ---------------------------------------------------------------- iCalendar

/// Checks the RFC 5545 framing and returns the unfolded content lines.
fn parse_ics(ics: &str) -> Result<Vec<String>, String> {
    let bytes = ics.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' && (i == 0 || bytes[i - 1] != b'\r') {
            return Err(format!("bare LF at byte {i}"));
        }
        if *b == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            return Err(format!("bare CR at byte {i}"));
        }
    }
    let body = ics
        .strip_suffix("\r\n")
        .ok_or("the last line has no CRLF")?;
    for line in body.split("\r\n") {
        if line.len() > 75 {
            return Err(format!("{} octets: {line:?}", line.len()));
        }
        if line.is_empty() {
            return Err("an empty line".into());
        }
    }
    let lines: Vec<String> = ics::unfold(ics)
        .strip_suffix("\r\n")
        .unwrap()
        .split("\r\n")
        .map(str::to_string)
        .collect();
    let mut open: Vec<&str> = Vec::new();
    for l in &lines {
        let (name, _) = l.split_once(':').ok_or(format!("no colon: {l:?}"))?;
        if name.is_empty() || !name.chars().next().unwrap().is_ascii_alphabetic() {
            return Err(format!("bad property name: {l:?}"));
        }
        if let Some(c) = l.strip_prefix("BEGIN:") {
            open.push(c);
        } else if let Some(c) = l.strip_prefix("END:") {
            match open.pop() {
                Some(o) if o == c => {}
                other => return Err(format!("END:{c} closes {other:?}")),
            }
        }
    }
    if !open.is_empty() {
        return Err(format!("never ended: {open:?}"));
    }
    if lines.first().map(String::as_str) != Some("BEGIN:VCALENDAR") {
        return Err("does not start with BEGIN:VCALENDAR".into());
    }
    Ok(lines)
}

/// The value of a TEXT property with its escapes undone.
fn unescape_text(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The demo's board, which the forward plan's calendar is named after.
const CALENDAR: &str = "Corporate Parenting Board";

/// Each VEVENT's content lines, BEGIN and END left out.
fn events(lines: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for l in lines {
        match (l.as_str(), current.as_mut()) {
            ("BEGIN:VEVENT", _) => current = Some(Vec::new()),
            ("END:VEVENT", Some(_)) => out.extend(current.take()),
            (_, Some(event)) => event.push(l.clone()),
            (_, None) => {}
        }
    }
    out
}

fn property<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines
        .iter()
        .filter_map(|l| {
            let (n, v) = l.split_once(':')?;
            (n.split(';').next() == Some(name)).then_some(v)
        })
        .collect()
}

// ---------------------------------------------------------------- JSON and OCD

#[test]
fn public_and_full_json_share_one_versioned_shape_with_exempt_parts_absent() {
    let june = demo("2026-06-10");
    let public: Value =
        serde_json::from_str(&render(&june, Format::Json, Audience::Public, Scope::Full)).unwrap();
    let full: Value =
        serde_json::from_str(&render(&june, Format::Json, Audience::Private, Scope::Full)).unwrap();
    assert_eq!(public["schema_version"], export::json::SCHEMA_VERSION);
    assert_eq!(full["schema_version"], export::json::SCHEMA_VERSION);
    assert_eq!(
        (&public["audience"], &full["audience"]),
        (&"public".into(), &"private".into())
    );
    // One shape: the public document's keys, at every level, are the full one's.
    let keys = |v: &Value| -> BTreeSet<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert!(keys(&public).is_subset(&keys(&full)), "{:?}", keys(&public));
    let item = |v: &Value, n: &str| -> Value {
        v["agenda"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["number"] == n)
            .unwrap()
            .clone()
    };
    for n in ["1", "4.1", "8"] {
        assert!(
            keys(&item(&public, n)).is_subset(&keys(&item(&full, n))),
            "item {n}"
        );
    }
    let person = |v: &Value| keys(&v["attendance"][0]);
    assert!(person(&public).is_subset(&person(&full)));

    let exempt = item(&public, "8");
    assert_eq!(
        exempt["title"],
        "Placement review: young person placed in an unregistered setting"
    );
    // Its minute reference is public, as a council's published minutes number exempt items.
    assert_eq!(
        keys(&exempt).into_iter().collect::<Vec<_>>(),
        ["exempt", "minute", "number", "title"],
        "nothing else of Part B business"
    );
    assert_eq!(exempt["minute"], "CPB/26/16");
    assert!(
        exempt["exempt"]
            .as_str()
            .unwrap()
            .starts_with("Local Government Act 1972, Schedule 12A")
    );
    assert!(
        item(&full, "8").get("minutes").is_some(),
        "the full record has them"
    );
    let open = item(&public, "4.1");
    assert!(
        open["minutes"]
            .as_str()
            .unwrap()
            .contains("Designated Nurse")
    );
    assert_eq!(open["minutes"], item(&full, "4.1")["minutes"]);
    let actions: Vec<&str> = public["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(!actions.contains(&"2026-06-10#1"), "{actions:?}");
    assert!(!actions.is_empty());
    for p in public["attendance"].as_array().unwrap() {
        assert!(p.get("note").is_none() && p.get("arrived_at").is_none());
        assert!(p.get("votes").is_none(), "who votes is the clerk's to know");
    }
    assert_eq!(public["iha"]["status"], "BELOW TARGET");
    assert_eq!(full["iha"]["status"], "BELOW TARGET");
}

#[test]
fn every_key_of_the_json_export_is_documented_in_docs_export_json() {
    let doc =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/export-json.md")).unwrap();
    fn walk(v: &Value, path: &str, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    out.insert(k.clone());
                    walk(v, &format!("{path}.{k}"), out);
                }
            }
            Value::Array(rows) => rows.iter().for_each(|r| walk(r, path, out)),
            _ => {}
        }
    }
    let mut seen = BTreeSet::new();
    for m in year() {
        for audience in [Audience::Public, Audience::Private] {
            for scope in SCOPES {
                let v: Value =
                    serde_json::from_str(&render(m, Format::Json, audience, scope)).unwrap();
                walk(&v, "", &mut seen);
            }
        }
    }
    let missing: Vec<&String> = seen
        .iter()
        .filter(|k| !doc.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/export-json.md does not describe {missing:?}"
    );
    assert!(doc.contains(&format!(
        "`schema_version` is {}",
        export::json::SCHEMA_VERSION
    )));
}

#[test]
fn agenda_only_json_has_no_minutes_and_marks_part_b() {
    let june = demo("2026-06-10");
    for audience in [Audience::Public, Audience::Private] {
        let v: Value =
            serde_json::from_str(&render(&june, Format::Json, audience, Scope::AgendaOnly))
                .unwrap();
        assert_eq!(v["schema_version"], export::json::SCHEMA_VERSION);
        assert_eq!(v["document"], "agenda");
        let items = v["agenda"].as_array().unwrap();
        assert!(items.iter().all(|i| i.get("minutes").is_none()));
        assert!(v.get("actions").is_none() && v.get("attendance").is_none());
        let b = items.iter().find(|i| i["number"] == "8").unwrap();
        assert!(b["exempt"].as_str().unwrap().contains("Schedule 12A"));
        assert_eq!(b.get("presenter").is_some(), audience == Audience::Private);
    }
}

#[test]
fn ocd_event_has_dotted_orders_typed_participants_and_minutes() {
    let june = demo("2026-06-10");
    let v: Value =
        serde_json::from_str(&render(&june, Format::Ocd, Audience::Public, Scope::Full)).unwrap();
    assert_eq!(v["_type"], "event");
    assert_eq!(v["extras"]["timezone"], "Europe/London");
    assert_eq!(v["start_date"], "2026-06-10T14:00:00+01:00");
    assert_eq!(v["classification"], "committee-meeting");
    assert_eq!(v["status"], "passed");
    assert_eq!(v["location"]["name"], "Committee Room 1, County Hall");
    let orders: Vec<&str> = v["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["order"].as_str().unwrap())
        .collect();
    assert_eq!(
        orders,
        [
            "1", "2", "3", "4", "4.1", "4.2", "4.3", "5", "5.1", "6", "7", "8"
        ]
    );
    let participants = v["participants"].as_array().unwrap();
    assert!(
        participants
            .iter()
            .all(|p| p["entity_type"] == "person" || p["entity_type"] == "organization")
    );
    assert_eq!(participants[0]["entity_type"], "organization");
    assert!(
        participants
            .iter()
            .any(|p| p["name"] == "Dr Ruth Penhaligon" && p["entity_type"] == "person")
    );
    // The minutes by reference (tests/ocd_schema.rs checks the rest), not inline.
    let docs = v["documents"].as_array().unwrap();
    let minutes = docs
        .iter()
        .find(|d| d["note"].as_str().unwrap().starts_with("Minutes"))
        .expect("a minutes document");
    assert_eq!(minutes["date"], "2026-06-10");
    assert_eq!(minutes["url"], "2026-06-10-public.html");
    assert!(minutes.get("text").is_none());
    let b = &v["agenda"][11];
    assert_eq!(b["classification"], serde_json::json!(["exempt"]));
    assert_eq!(b["notes"].as_array().unwrap().len(), 1);
    assert!(b["notes"][0].as_str().unwrap().starts_with("Exempt: "));
    assert!(b["related_entities"].as_array().unwrap().is_empty());

    let agenda: Value = serde_json::from_str(&render(
        &june,
        Format::Ocd,
        Audience::Public,
        Scope::AgendaOnly,
    ))
    .unwrap();
    assert_eq!(agenda["documents"][0]["note"], "Agenda");
    assert_eq!(agenda["documents"].as_array().unwrap().len(), 1);
    assert_eq!(agenda["participants"].as_array().unwrap().len(), 1);
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_is_well_formed_self_contained_and_says_the_iha_status_in_words() {
    for m in year() {
        for audience in [Audience::Public, Audience::Private] {
            for scope in SCOPES {
                let html = render(m, Format::Html, audience, scope);
                let xml = parse_xml(&html)
                    .unwrap_or_else(|e| panic!("{} {audience:?} {scope:?}: {e}", m.id));
                assert!(xml.elements.iter().any(|(n, _)| n == "style"));
                for (name, attrs) in &xml.elements {
                    assert_ne!(name, "script");
                    assert_ne!(name, "link", "no external stylesheets");
                    for (k, v) in attrs {
                        assert!(
                            !(k == "href" || k == "src") || v.starts_with('#'),
                            "{name} {k}={v}"
                        );
                    }
                }
                assert!(html.contains("@page { size: A4;"));
            }
        }
    }
    let june = demo("2026-06-10");
    let html = render(&june, Format::Html, Audience::Public, Scope::Full);
    let xml = parse_xml(&html).unwrap();
    assert!(xml.has("dl", "class", "attendance"));
    assert!(xml.has("table", "class", "actions"));
    assert!(xml.has("strong", "class", "status"));
    assert!(xml.text.contains("Status: BELOW TARGET"), "in words");
    assert!(xml.has("section", "class", "exempt"));
    assert!(xml.text.contains("Placement review"));
    assert!(
        xml.text.contains("CPB/26/16"),
        "the exempt minute keeps its reference"
    );
    let july = demo("2026-07-08");
    let xml = parse_xml(&render(&july, Format::Html, Audience::Public, Scope::Full)).unwrap();
    assert!(xml.text.contains("Status: ON TARGET"));
}

// ---------------------------------------------------------------- Agenda only

#[test]
fn agenda_only_lists_items_and_presenters_without_minutes_or_timings() {
    let june = demo("2026-06-10");
    for format in [Format::Markdown, Format::Text, Format::Html] {
        for audience in [Audience::Public, Audience::Private] {
            let doc = render(&june, format, audience, Scope::AgendaOnly);
            assert!(doc.contains("Initial Health Assessment timeliness"));
            assert!(doc.contains("Presented by: Designated Nurse for Looked After Children"));
            // Allowances are the clerk's, not the published agenda's.
            assert!(!doc.contains("15 min"), "{format:?}");
            assert!(!doc.contains("Apologies were received"), "{format:?}");
            assert!(!doc.contains("RESOLVED"), "{format:?}");
            assert!(!doc.contains("Actions"), "{format:?}");
            assert!(!doc.contains("Attendance"), "{format:?}");
        }
    }
    let private = render(&june, Format::Text, Audience::Private, Scope::AgendaOnly);
    assert!(private.contains("EXEMPT (Part B): Local Government Act 1972"));
    assert!(private.contains("NOT FOR PUBLICATION"));
    let public = render(&june, Format::Text, Audience::Public, Scope::AgendaOnly);
    assert!(public.contains("Exempt: Local Government Act 1972"));
    assert!(!public.contains("NOT FOR PUBLICATION"));
}

// ---------------------------------------------------------------- iCalendar

#[test]
fn forward_plan_has_one_event_per_meeting_from_today() {
    let year = year();
    let today = date("2026-06-10");
    let ics = ics::forward_plan_at(CALENDAR, year, today, stamp());
    let lines = parse_ics(&ics).unwrap();
    let uids = property(&lines, "UID");
    let expected: Vec<String> = year
        .iter()
        .filter(|m| m.date >= today)
        .map(|m| format!("{}.corporate-parenting-board@minutebook", m.id))
        .collect();
    assert_eq!(uids, expected);
    assert_eq!(expected.len(), 6, "June to December, no August");
    assert_eq!(
        property(&lines, "BEGIN").len(),
        10,
        "the calendar, its VTIMEZONE with DAYLIGHT and STANDARD, six events"
    );
    assert_eq!(property(&lines, "VERSION"), ["2.0"]);
    assert_eq!(property(&lines, "PRODID").len(), 1);
    assert!(
        property(&lines, "DTSTAMP")
            .iter()
            .all(|s| *s == "20260105T093000Z")
    );
    let june = &events(&lines)[0];
    assert!(june.contains(&"DTSTART;TZID=Europe/London:20260610T140000".to_string()));
    assert!(
        june.contains(&"DTEND;TZID=Europe/London:20260610T160000".to_string()),
        "the allotted times: {june:?}"
    );
    assert_eq!(
        unescape_text(property(&lines, "LOCATION")[0]),
        "Committee Room 1, County Hall"
    );
    assert_eq!(property(&lines, "SUMMARY")[0], "Corporate Parenting Board");
    assert!(!ics.contains("Placement review"), "no item of any agenda");
    assert_eq!(
        parse_ics(&ics::forward_plan_at(
            CALENDAR,
            year,
            date("2027-01-01"),
            stamp()
        ))
        .unwrap()
        .len(),
        27,
        "an empty plan is still a calendar: its header, named, and the VTIMEZONE"
    );
}

#[test]
fn forward_plan_times_are_london_times_with_a_vtimezone_and_the_calendar_is_the_boards() {
    let today = date("2026-02-01");
    let lines = parse_ics(&ics::forward_plan_at(CALENDAR, year(), today, stamp())).unwrap();
    assert_eq!(property(&lines, "X-WR-CALNAME"), [CALENDAR]);
    assert_eq!(property(&lines, "NAME"), [CALENDAR]);
    let zone: Vec<&str> = lines
        .iter()
        .skip_while(|l| *l != "BEGIN:VTIMEZONE")
        .take_while(|l| *l != "END:VTIMEZONE")
        .map(String::as_str)
        .collect();
    for wanted in [
        "TZID:Europe/London",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "DTSTART:19700329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "BEGIN:STANDARD",
        "DTSTART:19701025T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    ] {
        assert!(zone.contains(&wanted), "{wanted} in {zone:?}");
    }
    // Every timed event is in that zone: 14:00 in February (GMT) and in June (BST) alike.
    let events = events(&lines);
    assert_eq!(events.len(), 10);
    for e in &events {
        let start = e.iter().find(|l| l.starts_with("DTSTART")).unwrap();
        let end = e.iter().find(|l| l.starts_with("DTEND")).unwrap();
        assert!(start.starts_with("DTSTART;TZID=Europe/London:"), "{start}");
        assert!(start.ends_with("T140000"), "local wall-clock time: {start}");
        assert!(end.starts_with("DTEND;TZID=Europe/London:"), "{end}");
        assert!(!start.ends_with('Z'));
    }
}

#[test]
fn two_boards_meeting_on_one_day_are_two_events_with_their_own_uids() {
    let cpb = demo("2026-12-09");
    let mut panel = cpb.clone();
    panel.board.id = Some(minutebook::model::BoardId::parse("fp").unwrap());
    panel.board.name = "Fostering Panel".into();
    let lines = parse_ics(&ics::forward_plan_at(
        "Corporate Parenting Board and Fostering Panel",
        &[cpb, panel],
        date("2026-12-01"),
        stamp(),
    ))
    .unwrap();
    let uids = property(&lines, "UID");
    assert_eq!(uids.len(), 2);
    assert_ne!(uids[0], uids[1], "{uids:?}");
    assert!(uids.contains(&"2026-12-09.fp@minutebook"), "{uids:?}");
}

#[test]
fn the_events_sequence_is_the_meetings_and_its_end_the_workspaces_forecast() {
    let mut m = demo("2026-12-09");
    let at = |m: &Meeting| {
        let lines = parse_ics(&ics::forward_plan_at(
            CALENDAR,
            std::slice::from_ref(m),
            m.date,
            stamp(),
        ))
        .unwrap();
        events(&lines).remove(0)
    };
    assert!(at(&m).contains(&"SEQUENCE:0".to_string()));
    m.calendar_sequence = 3;
    assert!(at(&m).contains(&"SEQUENCE:3".to_string()));
    // The end the Agenda tab forecasts for a meeting not yet begun.
    let forecast = minutebook::model::running::forecast_end(&m, NaiveTime::MIN).unwrap();
    let end = format!(
        "DTEND;TZID=Europe/London:20261209T{}",
        forecast.format("%H%M%S")
    );
    assert!(at(&m).contains(&end), "{end} in {:?}", at(&m));
    // Once held, the actual end.
    let mut held = demo("2026-11-11");
    held.ended_at = NaiveTime::from_hms_opt(16, 10, 0);
    let end = "DTEND;TZID=Europe/London:20261111T161000".to_string();
    assert!(at(&held).contains(&end), "{end} in {:?}", at(&held));
}

#[test]
fn forward_plan_escapes_folds_and_unfolds_back_to_the_text() {
    let mut m = demo("2026-12-09");
    m.venue = "Council Chamber, Town Hall; \"Room 2\\B\"\nEnter by the side door, ask at reception — ✓ accessible".into();
    m.title =
        "Extraordinary meeting: Härte, Überprüfung and 𝄞 music therapy, 2027 budget; care leavers"
            .repeat(2);
    m.start_time = None;
    let ics = ics::forward_plan_at(CALENDAR, std::slice::from_ref(&m), m.date, stamp());
    let lines = parse_ics(&ics).unwrap();
    assert!(ics.lines().count() > lines.len(), "long lines were folded");
    assert_eq!(unescape_text(property(&lines, "LOCATION")[0]), m.venue);
    assert_eq!(
        unescape_text(property(&lines, "SUMMARY")[0]),
        format!("Corporate Parenting Board: {}", m.title)
    );
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20261209".to_string()));
    assert!(lines.contains(&"DURATION:P1D".to_string()));
    assert!(property(&lines, "LOCATION")[0].contains("\\, Town Hall\\; \"Room 2\\\\B\"\\n"));
}

// ---------------------------------------------------------------- The canary

/// Where the canary goes in a meeting: everything that belongs to Part B business.
#[derive(Debug, Clone)]
struct Plant {
    canary: String,
    reason: String,
    title: String,
    /// Where the exempt item sits: top level, or as a sub-item of "Service reports".
    nested: bool,
    /// Whether actions raised under it carry the exempt mark (older records may not).
    marked: bool,
    with_sub_item: bool,
}

fn plant(base: &Meeting, p: &Plant) -> (Meeting, String) {
    let mut m = base.clone();
    let c = &p.canary;
    // Take the demo's own Part B item out, so this one is the only one.
    m.agenda.retain(|i| !i.is_exempt());
    m.actions.retain(|a| !a.raised.exempt);
    let id = agenda::next_id(&m.agenda);
    let mut item = AgendaItem::new(id, p.title.clone(), ItemKind::Report);
    item.exempt = Some(Exemption {
        reason: p.reason.clone(),
    });
    item.presenter = format!("Presented by {c} senior practitioner");
    item.minutes = format!("The Board discussed {c}.\n\nRESOLVED: placement for {c} be reviewed.");
    item.minutes_allotted = Some(17);
    item.started_at = NaiveTime::from_hms_opt(15, 33, 0);
    item.ended_at = NaiveTime::from_hms_opt(15, 51, 0);
    item.decisions.push(voted(
        Decision::new(
            DecisionKind::Resolution,
            format!("that the placement of {c} be reviewed"),
        ),
        c,
    ));
    // Its minute's reference may be published: it says nothing of the business.
    item.minute = Some(MinuteRef(EXEMPT_MINUTE.into()));
    m.exclusion_minute = Some(MinuteRef(EXCLUSION_MINUTE.into()));
    let sub_id = ItemId(id.0 + 1);
    m.declarations.push(declared(id, c, "Member"));
    if p.with_sub_item {
        let mut sub = AgendaItem::new(sub_id, format!("Case of {c}"), ItemKind::Information);
        sub.presenter = format!("Social worker for {c}");
        sub.minutes = format!("Details of {c}'s placement.");
        sub.decisions.push(voted(
            Decision::new(DecisionKind::Decision, format!("{c} to be visited weekly")),
            &format!("{c}sub"),
        ));
        item.sub_items.push(sub);
        m.declarations.push(declared(sub_id, c, "Sub-item member"));
    }
    if p.nested {
        let reports = numbered(&m.agenda)
            .into_iter()
            .find(|(_, i)| i.title == "Service reports")
            .map(|(_, i)| i.id)
            .unwrap();
        assert!(agenda::add_sub_item(&mut m.agenda, reports, item));
    } else {
        m.agenda.push(item);
    }
    let number = agenda::number_of(&m.agenda, id).unwrap().to_string();

    let action = |n: u32, item: ItemId, meeting: &MeetingId, marked: bool| {
        let mut a = ActionItem {
            id: ActionId::new(meeting, 90 + n),
            text: format!("Write to the carers of {c}"),
            owner: format!("Keyworker {c}"),
            set_by: format!("Chair on behalf of {c}"),
            due: Due::NextMeeting,
            raised: RaisedIn {
                meeting: meeting.clone(),
                item: Some(item),
                item_title: format!("Item about {c}"),
                exempt: marked,
            },
            status: ActionStatus::Open,
            history: Vec::new(),
        };
        a.update(
            m.date,
            Some(m.id.clone()),
            None,
            format!("Spoke to {c}'s school"),
        );
        a
    };
    let here = m.id.clone();
    m.actions.push(action(1, id, &here, p.marked));
    if p.with_sub_item {
        m.actions.push(action(2, sub_id, &here, p.marked));
    }
    // Carried from an earlier meeting's Part B business: only the mark can tell.
    let earlier = MeetingId::parse("2026-03-11").unwrap();
    m.actions.push(action(3, ItemId(40), &earlier, true));

    if let Some(person) = m.attendance.get_mut(7) {
        person.note = format!("Left for item {number}; declared an interest in {c}");
    }
    m.errata.push(Erratum {
        date: m.date,
        item: Some(if p.with_sub_item { sub_id } else { id }),
        text: format!("Correct the spelling of {c}"),
        agreed_at: None,
    });
    m.standing.iha_children.push(IhaChild {
        reference: format!("C-{c}"),
        entered_care: m.date,
        completed: None,
    });
    (m, number)
}

/// The exempt item's minute reference and the exclusion's, which public documents may carry.
const EXEMPT_MINUTE: &str = "CPB/26/78";
const EXCLUSION_MINUTE: &str = "CPB/26/77";

/// `d` moved, seconded and put to a recorded vote, every name carrying `c`.
fn voted(mut d: Decision, c: &str) -> Decision {
    use minutebook::model::{Cast, NamedVote, Vote, VoteResult};
    d.moved_by = format!("Cllr Mover {c}");
    d.seconded_by = format!("Cllr Seconder {c}");
    d.vote = Some(Vote {
        in_favour: 2,
        against: 1,
        abstained: 0,
        result: VoteResult::Carried,
        casting_vote: false,
        named: [
            ("For", Cast::For),
            ("Yes", Cast::For),
            ("No", Cast::Against),
        ]
        .into_iter()
        .map(|(n, cast)| NamedVote {
            name: format!("Cllr {n}voter {c}"),
            cast,
        })
        .collect(),
    });
    d
}

/// A declaration of interest in `item`, its member and its nature carrying `c`.
fn declared(item: ItemId, c: &str, who: &str) -> Declaration {
    Declaration {
        member: format!("{who} {c}"),
        item,
        kind: InterestKind::OtherRegistrable,
        nature: format!("Foster carer for {c}"),
        left_room: true,
    }
}

fn plants() -> impl Strategy<Value = Plant> {
    (
        "[A-Za-z0-9]{10,16}",
        "[A-Za-z][A-Za-z0-9 ]{5,30}[A-Za-z0-9]",
        "[A-Za-z][A-Za-z0-9 ]{3,30}[A-Za-z0-9]",
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(c, reason, title, nested, marked, with_sub_item)| Plant {
            canary: format!("QZX{c}"),
            reason: format!("Schedule 12A paragraph 2 {reason}"),
            title: format!("Part B review {title}"),
            nested,
            marked,
            with_sub_item,
        })
}

/// Every public document of `m`: every format × two scopes, and the forward plan.
/// DOCX: being added at the same time (Format::Docx, perhaps bytes from render); once
/// merged, its documents go in here as the text of their unzipped word/*.xml parts.
fn public_exports(m: &Meeting) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for format in Format::ALL {
        for scope in SCOPES {
            out.push((
                format!("{format} {scope:?}"),
                render(m, format, Audience::Public, scope),
            ));
        }
    }
    out.push((
        "ics".into(),
        ics::unfold(&ics::forward_plan_at(
            CALENDAR,
            std::slice::from_ref(m),
            m.date,
            stamp(),
        )),
    ));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn part_b_never_reaches_a_public_export(p in plants(), base in prop::sample::select(vec!["2026-06-10", "2026-11-11", "2026-12-09"])) {
        let (m, number) = plant(&demo(base), &p);
        let private = render(&m, Format::Text, Audience::Private, Scope::Full);
        prop_assert!(private.contains(&p.canary), "the canary was planted");
        let full = render(&m, Format::Json, Audience::Private, Scope::Full);
        for planted in ["Cllr Mover", "Cllr Seconder", "Cllr Novoter", "Member QZX", "Foster carer for"] {
            prop_assert!(full.contains(planted), "the full record holds {}", planted);
        }

        for (what, doc) in public_exports(&m) {
            prop_assert!(!doc.contains(&p.canary), "{} carries the canary:\n{}", what, doc);
            if what == "ics" {
                continue;
            }
            let exempt_line = format!("Exempt: {}", p.reason);
            match what.split(' ').next().unwrap() {
                "json" => {
                    let v: Value = serde_json::from_str(&doc).unwrap();
                    let item = v["agenda"].as_array().unwrap().iter()
                        .find(|i| i["number"] == number.as_str()).cloned();
                    prop_assert!(item.is_some(), "{}: no item {}", what, number);
                    let item = item.unwrap();
                    prop_assert_eq!(item["title"].as_str(), Some(p.title.as_str()));
                    prop_assert_eq!(item["exempt"].as_str(), Some(p.reason.as_str()));
                    // Minute references and the exclusion are published, exempt or not.
                    prop_assert_eq!(&v["exclusion"]["before"], &Value::from(number.as_str()));
                    if what.ends_with("Full") {
                        prop_assert_eq!(item["minute"].as_str(), Some(EXEMPT_MINUTE));
                        prop_assert_eq!(v["exclusion"]["minute"].as_str(), Some(EXCLUSION_MINUTE));
                    }
                }
                "ocd" => {
                    let v: Value = serde_json::from_str(&doc).unwrap();
                    let item = v["agenda"].as_array().unwrap().iter()
                        .find(|i| i["order"] == number.as_str()).cloned().unwrap();
                    prop_assert_eq!(item["description"].as_str(), Some(p.title.as_str()));
                    prop_assert_eq!(item["notes"][0].as_str(), Some(exempt_line.as_str()));
                }
                _ => {
                    // As words: plain text is unwrapped, its runs of spaces one; HTML as
                    // the text a reader sees.
                    let doc = match what.split(' ').next() {
                        Some("html") => parse_xml(&doc).unwrap().text,
                        _ => doc,
                    };
                    let (doc, flat) = (common::flat(&doc), common::flat);
                    // Minutes head it with its reference; an agenda with its number.
                    let heading = if what.ends_with("Full") {
                        format!("{EXEMPT_MINUTE} {}", p.title)
                    } else {
                        format!("{number}. {}", p.title)
                    };
                    prop_assert!(doc.contains(&flat(&heading)), "{}: no heading {}", what, heading);
                    prop_assert!(doc.contains(&flat(&exempt_line)), "{}: no ground", what);
                }
            }
        }
        // And the HTML stays well-formed whatever was planted.
        let html = render(&m, Format::Html, Audience::Private, Scope::Full);
        prop_assert!(parse_xml(&html).is_ok(), "{:?}", parse_xml(&html).err());
    }

    #[test]
    fn any_text_keeps_html_well_formed_and_ics_framed(
        texts in prop::collection::vec(
            prop::collection::vec(
                prop_oneof![
                    any::<char>(),
                    prop::sample::select(vec!['<', '&', '>', '"', '\'', '\\', ';', ',', '\r', '\n', '\t', '\u{0}', 'é', '€', '𝄞', ']']),
                ],
                0..90,
            ).prop_map(String::from_iter),
            4,
        )
    ) {
        let mut m = demo("2026-06-10");
        m.title = texts[0].clone();
        m.venue = texts[1].clone();
        m.agenda[0].minutes = texts[2].clone();
        m.agenda[0].title = texts[3].clone();
        m.attendance[0].note = texts[2].clone();
        for audience in [Audience::Public, Audience::Private] {
            let html = render(&m, Format::Html, audience, Scope::Full);
            prop_assert!(parse_xml(&html).is_ok(), "{:?}", parse_xml(&html).err());
            for format in [Format::Json, Format::Ocd] {
                let doc = render(&m, format, audience, Scope::Full);
                prop_assert!(serde_json::from_str::<Value>(&doc).is_ok());
            }
        }
        let ics = ics::forward_plan_at(CALENDAR, std::slice::from_ref(&m), m.date, stamp());
        let lines = parse_ics(&ics);
        prop_assert!(lines.is_ok(), "{:?}", lines.err());
        let lines = lines.unwrap();
        if !m.venue.is_empty() {
            let expected: String = m.venue.replace("\r\n", "\n").chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .filter(|c| *c == '\n' || !c.is_control())
                .collect();
            prop_assert_eq!(unescape_text(property(&lines, "LOCATION")[0]), expected);
        }
    }
}

// ---------------------------------------------------------------- Part B over a sequence of meetings

/// One step of a clerk's year. A meeting pick is taken modulo the meetings made so far
/// (`usize::MAX`: the latest).
#[derive(Debug, Clone)]
enum Step {
    /// A new item with canaries in every field, at the top level or under an item.
    /// `subs` sub-items under it; an exempt one when `exempt`.
    Add {
        meeting: usize,
        under: Option<Pick>,
        subs: usize,
        exempt: bool,
    },
    /// An action raised under an item, as the workspace raises it.
    Raise {
        meeting: usize,
        item: Pick,
    },
    /// The item made exempt, or its exemption cleared, as the item form does.
    Exempt {
        meeting: usize,
        item: Pick,
        on: bool,
    },
    /// The item made exempt and straight away cleared again (a slip, put right).
    Flip {
        meeting: usize,
        item: Pick,
    },
    Defer {
        meeting: usize,
        item: Pick,
    },
    Move {
        meeting: usize,
        item: Pick,
        up: bool,
    },
    /// The next meeting, made by carry-forward from all before it.
    Next,
}

/// An item pick: mostly among the last few rows (the items this sequence added, and
/// their sub-items), sometimes anywhere on the agenda.
#[derive(Debug, Clone, Copy)]
struct Pick {
    recent: bool,
    k: usize,
}

impl Pick {
    fn of(self, ids: &[ItemId]) -> ItemId {
        let n = ids.len();
        if self.recent {
            ids[n - 1 - self.k % n.min(3)]
        } else {
            ids[self.k % n]
        }
    }
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let pick = (prop::bool::weighted(0.8), 0..64usize).prop_map(|(recent, k)| Pick { recent, k });
    // Mostly the latest meeting (usize::MAX), sometimes an earlier one, so that Part B
    // business is also set or cleared after the next meeting was made.
    let meeting = prop_oneof![3 => Just(usize::MAX), 2 => 0..8usize];
    let step = prop_oneof![
        4 => (meeting.clone(), prop::option::weighted(0.6, pick.clone()), 0..3usize, prop::bool::weighted(0.4))
            .prop_map(|(meeting, under, subs, exempt)| Step::Add { meeting, under, subs, exempt }),
        3 => (meeting.clone(), pick.clone()).prop_map(|(meeting, item)| Step::Raise { meeting, item }),
        3 => (meeting.clone(), pick.clone(), prop::bool::weighted(0.7))
            .prop_map(|(meeting, item, on)| Step::Exempt { meeting, item, on }),
        1 => (meeting.clone(), pick.clone()).prop_map(|(meeting, item)| Step::Flip { meeting, item }),
        3 => (meeting.clone(), pick.clone()).prop_map(|(meeting, item)| Step::Defer { meeting, item }),
        1 => (meeting.clone(), pick.clone(), any::<bool>())
            .prop_map(|(meeting, item, up)| Step::Move { meeting, item, up }),
        2 => Just(Step::Next),
    ];
    prop::collection::vec(step, 6..30)
}

const MEETING_DATES: [&str; 4] = ["2026-01-14", "2026-02-11", "2026-03-11", "2026-04-15"];

/// A clerk's sequence played out: the meetings as they stand at the end, and the ids of
/// the actions that were Part B business at some moment after they were raised (an
/// action once taken in Part B stays out of public documents).
struct Played {
    meetings: Vec<Meeting>,
    part_b_actions: BTreeSet<ActionId>,
    /// What [`check_carried`] found each time a meeting was made.
    carried: Vec<Result<(), String>>,
}

/// Whether `id` is exempt business in `items`, worked out here and not by the crate.
fn oracle_exempt(items: &[AgendaItem], id: ItemId, under: bool) -> Option<bool> {
    items.iter().find_map(|i| {
        let exempt = under || i.exempt.is_some();
        if i.id == id {
            Some(exempt)
        } else {
            oracle_exempt(&i.sub_items, id, exempt)
        }
    })
}

/// The meeting a step's pick names, of the `n` made so far.
fn pick_meeting(pick: usize, n: usize) -> usize {
    if pick == usize::MAX { n - 1 } else { pick % n }
}

/// An item with a fresh canary in every field, and a declaration of interest in it whose
/// member and nature carry canaries too.
fn planted(id: ItemId, canary: &mut u32, declarations: &mut Vec<Declaration>) -> AgendaItem {
    use minutebook::model::{Cast, NamedVote, Vote, VoteResult};
    *canary += 1;
    let c = *canary;
    let mut item = AgendaItem::new(id, format!("Item QZT{c}X"), ItemKind::Report);
    item.presenter = format!("Presenter QZP{c}X");
    item.minutes = format!("Minutes QZM{c}X");
    let mut d = Decision::new(DecisionKind::Resolution, format!("Resolved QZD{c}X"));
    d.moved_by = format!("Mover QZB{c}X");
    d.seconded_by = format!("Seconder QZS{c}X");
    d.vote = Some(Vote {
        in_favour: 1,
        against: 0,
        abstained: 0,
        result: VoteResult::Carried,
        casting_vote: false,
        named: vec![NamedVote {
            name: format!("Voter QZN{c}X"),
            cast: Cast::For,
        }],
    });
    item.decisions.push(d);
    declarations.push(Declaration {
        member: format!("Declarant QZC{c}X"),
        item: id,
        kind: InterestKind::NonRegistrable,
        nature: format!("Interest QZI{c}X"),
        left_room: c.is_multiple_of(2),
    });
    item
}

/// The canaries of a decision: its text, mover, seconder and named voters.
fn decision_canaries(d: &Decision) -> Vec<String> {
    let named = d
        .vote
        .iter()
        .flat_map(|v| v.named.iter().map(|n| n.name.as_str()));
    [d.text.as_str(), &d.moved_by, &d.seconded_by]
        .into_iter()
        .chain(named)
        .flat_map(canaries)
        .collect()
}

/// Adds the actions that are Part B business now, where they were raised.
fn track_part_b_actions(meetings: &[Meeting], part_b: &mut BTreeSet<ActionId>) {
    for m in meetings {
        for a in m.actions.iter().filter(|a| a.raised.meeting == m.id) {
            if a.raised
                .item
                .and_then(|i| oracle_exempt(&m.agenda, i, false))
                == Some(true)
            {
                part_b.insert(a.id.clone());
            }
        }
    }
}

fn play(steps: &[Step]) -> Played {
    let template = minutebook::model::Template::builtin("corporate-parenting-board").unwrap();
    let meeting_id = |k: usize| MeetingId::parse(MEETING_DATES[k]).unwrap();
    let mut meetings = vec![minutebook::model::carry::new_meeting(
        &template,
        meeting_id(0),
        None,
        &[],
    )];
    let mut canary = 0u32;
    let mut part_b_actions = BTreeSet::new();
    let mut carried = Vec::new();
    let ground = |n: u32| Exemption {
        reason: format!("Schedule 12A, paragraph {}", 1 + n % 2),
    };
    for step in steps {
        let n = meetings.len();
        match step.clone() {
            Step::Next => {
                if n < MEETING_DATES.len() {
                    let next = minutebook::model::carry::new_meeting(
                        &template,
                        meeting_id(n),
                        None,
                        &meetings,
                    );
                    carried.push(check_carried(&meetings[n - 1], &next));
                    meetings.push(next);
                }
            }
            Step::Add {
                meeting,
                under,
                subs,
                exempt,
            } => {
                let m = &mut meetings[pick_meeting(meeting, n)];
                let first = agenda::next_id(&m.agenda).0;
                let mut item = planted(ItemId(first), &mut canary, &mut m.declarations);
                for k in 0..subs {
                    let sub_id = ItemId(first + 1 + k as u32);
                    let sub = planted(sub_id, &mut canary, &mut m.declarations);
                    item.sub_items.push(sub);
                }
                if exempt {
                    item.exempt = Some(ground(canary));
                }
                let ids: Vec<ItemId> = numbered(&m.agenda).iter().map(|(_, i)| i.id).collect();
                match under {
                    Some(p) if !ids.is_empty() => {
                        assert!(agenda::add_sub_item(&mut m.agenda, p.of(&ids), item));
                    }
                    _ => m.agenda.push(item),
                }
            }
            Step::Raise { meeting, item } => {
                let m = &mut meetings[pick_meeting(meeting, n)];
                let ids: Vec<ItemId> = numbered(&m.agenda).iter().map(|(_, i)| i.id).collect();
                let under = item.of(&ids);
                let title = m.item(under).unwrap().title.clone();
                canary += 1;
                let c = canary;
                let action = ActionItem {
                    id: m.next_action_id(),
                    text: format!("Action QZA{c}X"),
                    owner: format!("Owner QZO{c}X"),
                    set_by: "Chair".into(),
                    due: Due::NextMeeting,
                    raised: RaisedIn {
                        meeting: m.id.clone(),
                        item: Some(under),
                        item_title: title,
                        exempt: agenda::is_exempt_business(&m.agenda, under),
                    },
                    status: ActionStatus::Open,
                    history: Vec::new(),
                };
                m.actions.push(action);
            }
            Step::Exempt { meeting, item, on } => {
                let m = &mut meetings[pick_meeting(meeting, n)];
                let ids: Vec<ItemId> = numbered(&m.agenda).iter().map(|(_, i)| i.id).collect();
                let id = item.of(&ids);
                canary += 1;
                agenda::find_mut(&mut m.agenda, id).unwrap().exempt = on.then(|| ground(canary));
                m.mark_exempt_actions();
            }
            Step::Flip { meeting, item } => {
                let k = pick_meeting(meeting, n);
                let m = &mut meetings[k];
                let ids: Vec<ItemId> = numbered(&m.agenda).iter().map(|(_, i)| i.id).collect();
                let id = item.of(&ids);
                canary += 1;
                agenda::find_mut(&mut m.agenda, id).unwrap().exempt = Some(ground(canary));
                m.mark_exempt_actions();
                track_part_b_actions(&meetings, &mut part_b_actions);
                agenda::find_mut(&mut meetings[k].agenda, id)
                    .unwrap()
                    .exempt = None;
            }
            Step::Defer { meeting, item } => {
                let m = &mut meetings[pick_meeting(meeting, n)];
                let ids: Vec<ItemId> = numbered(&m.agenda).iter().map(|(_, i)| i.id).collect();
                // A refused deferral (an item already taken at an ended meeting) changes
                // nothing, and the sequence goes on.
                let _ = minutebook::model::running::defer(m, item.of(&ids), NaiveTime::MIN);
            }
            Step::Move { meeting, item, up } => {
                let m = &mut meetings[pick_meeting(meeting, n)];
                let ids: Vec<ItemId> = numbered(&m.agenda).iter().map(|(_, i)| i.id).collect();
                agenda::move_item(&mut m.agenda, item.of(&ids), up);
            }
        }
        track_part_b_actions(&meetings, &mut part_b_actions);
    }
    Played {
        meetings,
        part_b_actions,
        carried,
    }
}

/// The canaries ("QZT12X") in `text`.
fn canaries(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("QZ") {
        let tail = &rest[at..];
        let len = tail[2..]
            .char_indices()
            .find(|(k, ch)| !(ch.is_ascii_uppercase() && *k == 0 || ch.is_ascii_digit()))
            .map_or(tail.len() - 2, |(k, _)| k);
        if tail[2 + len..].starts_with('X') && len > 1 {
            out.push(tail[..2 + len + 1].to_string());
        }
        rest = &tail[2..];
    }
    out
}

/// The canaries of meeting `m` that belong to Part B business at the end: a title inside
/// an exempt item (an exempt item's own title is published), an exempt item's other
/// fields, and every field of a Part B action. One that also occurs in `m`'s public
/// business (an action raised under an item whose exemption the clerk cleared, naming
/// it) is public.
fn secret_canaries(m: &Meeting, part_b_actions: &BTreeSet<ActionId>) -> BTreeSet<String> {
    fn walk(
        items: &[AgendaItem],
        under: bool,
        public: &mut BTreeSet<String>,
        secret: &mut BTreeSet<String>,
    ) {
        for i in items {
            let exempt = under || i.exempt.is_some();
            let title = canaries(&i.title);
            let other = [canaries(&i.presenter), canaries(&i.minutes)]
                .concat()
                .into_iter()
                .chain(i.decisions.iter().flat_map(decision_canaries));
            if under {
                secret.extend(title)
            } else {
                public.extend(title)
            }
            if exempt {
                secret.extend(other)
            } else {
                public.extend(other)
            }
            walk(&i.sub_items, exempt, public, secret);
        }
    }
    let (mut public, mut secret) = (BTreeSet::new(), BTreeSet::new());
    walk(&m.agenda, false, &mut public, &mut secret);
    for d in &m.declarations {
        let words = [canaries(&d.member), canaries(&d.nature)].concat();
        match oracle_exempt(&m.agenda, d.item, false) {
            Some(false) => public.extend(words),
            // In exempt business, or in an item no longer on the agenda: never published.
            Some(true) | None => secret.extend(words),
        }
    }
    for a in &m.actions {
        let words = [
            canaries(&a.text),
            canaries(&a.owner),
            canaries(&a.raised.item_title),
        ]
        .concat();
        if part_b_actions.contains(&a.id) {
            secret.extend(words);
        } else {
            public.extend(words);
        }
    }
    secret.difference(&public).cloned().collect()
}

/// Checks, as a meeting is made, that each item deferred as Part B at the one before comes
/// back as Part B, and one whose title was never published comes back inside Part B.
fn check_carried(prev: &Meeting, next: &Meeting) -> Result<(), String> {
    fn rows(items: &[AgendaItem], under: bool, out: &mut Vec<(AgendaItem, bool, bool)>) {
        for i in items {
            let exempt = under || i.exempt.is_some();
            out.push((i.clone(), exempt, under));
            rows(&i.sub_items, exempt, out);
        }
    }
    let (mut before, mut after) = (Vec::new(), Vec::new());
    rows(&prev.agenda, false, &mut before);
    rows(&next.agenda, false, &mut after);
    for (old, exempt, inside) in &before {
        let deferred = old.sub_items.is_empty()
            && old.status == minutebook::model::ItemStatus::Deferred
            && old.role.is_none();
        if !deferred || !*exempt || canaries(&old.title).is_empty() {
            continue;
        }
        for (_, new_exempt, new_inside) in after.iter().filter(|(n, ..)| n.title == old.title) {
            if !new_exempt || (*inside && !new_inside) {
                return Err(format!(
                    "{} deferred as Part B{} came back to {} as {}",
                    old.title,
                    if *inside {
                        ", inside an exempt item,"
                    } else {
                        ""
                    },
                    next.id,
                    if *new_exempt {
                        "an exempt item of its own, title published"
                    } else {
                        "public business"
                    },
                ));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn part_b_never_reaches_a_public_document_of_any_meeting_whatever_is_done_later(steps in steps()) {
        let played = play(&steps);
        for found in &played.carried {
            prop_assert!(found.is_ok(), "{:?}", found);
        }
        let archive = &played.meetings;
        let mut all_secrets = BTreeSet::new();
        for m in archive {
            let secret = secret_canaries(m, &played.part_b_actions);
            all_secrets.extend(secret.iter().cloned());
            let origins = Origins::of(m, |id| archive.iter().find(|x| x.id == *id).cloned());
            for format in Format::ALL {
                for scope in SCOPES {
                    let doc = rendered(m, &origins, None, format, Audience::Public, scope);
                    let leaked: Vec<String> =
                        canaries(&doc).into_iter().filter(|c| secret.contains(c)).collect();
                    prop_assert!(leaked.is_empty(), "{} {} {:?} publishes {:?}:\n{}", m.id, format, scope, leaked, doc);
                }
            }
        }
        // Every secret was planted where the clerk's own record shows it (the full JSON
        // holds every field: votes by name, mover, seconder, declarations).
        let private: String = archive
            .iter()
            .flat_map(|m| {
                let origins = Origins::of(m, |id| archive.iter().find(|x| x.id == *id).cloned());
                [Format::Text, Format::Json]
                    .map(|f| rendered(m, &origins, None, f, Audience::Private, Scope::Full))
            })
            .collect();
        for c in &all_secrets {
            prop_assert!(private.contains(c.as_str()), "{} is in no record", c);
        }
        let plan = ics::forward_plan_at(CALENDAR, archive, archive[0].date, stamp());
        prop_assert!(canaries(&plan).is_empty());
    }
}

// ---------------------------------------------------------------- Part B, later

const PLEDGE: &str = "Hold a joint session with the Children in Care Council on the new pledge";

/// The item ("Standing items") over the one November raised [`PLEDGE`] under.
fn parent_of_the_pledges_item(nov: &Meeting) -> ItemId {
    let raised = nov.actions.iter().find(|a| a.text == PLEDGE).unwrap();
    let under = raised.raised.item.unwrap();
    nov.agenda
        .iter()
        .find(|i| i.sub_items.iter().any(|s| s.id == under))
        .map(|i| i.id)
        .unwrap()
}

#[test]
fn an_action_raised_under_an_item_made_exempt_later_leaves_the_next_meetings_public_documents() {
    // Raised in November under 5.3 "Voice of the child", carried into December.
    let mut nov = demo("2026-11-11");
    let dec = demo("2026-12-09");
    assert!(render(&dec, Format::Markdown, Audience::Public, Scope::Full).contains(PLEDGE));

    // After December exists, November's "Standing items" (5.3's parent) is made Part B.
    let standing = parent_of_the_pledges_item(&nov);
    agenda::find_mut(&mut nov.agenda, standing).unwrap().exempt = Some(Exemption {
        reason: "Schedule 12A, paragraph 2".into(),
    });
    nov.mark_exempt_actions();
    let origins = Origins::of(&dec, |id| {
        if *id == nov.id {
            Some(nov.clone())
        } else {
            year().iter().find(|m| m.id == *id).cloned()
        }
    });
    for format in Format::ALL {
        let doc = rendered(&dec, &origins, None, format, Audience::Public, Scope::Full);
        assert!(!doc.contains(PLEDGE), "{format}: {doc}");
    }
    let private = full_record(&dec, &origins);
    assert!(private.contains(PLEDGE), "the clerk's record keeps it");
}

#[test]
fn deferring_part_b_with_sub_items_keeps_them_out_of_the_next_meetings_public_documents() {
    let mut nov = demo("2026-11-11");
    let first = agenda::next_id(&nov.agenda);
    let mut review = AgendaItem::new(first, "Placement review", ItemKind::Report);
    review.exempt = Some(Exemption {
        reason: "Schedule 12A, paragraph 2".into(),
    });
    for (k, title) in ["Case of QZXcase", "Contact for QZXcontact"]
        .iter()
        .enumerate()
    {
        let mut sub = AgendaItem::new(
            ItemId(first.0 + 1 + k as u32),
            *title,
            ItemKind::Information,
        );
        sub.presenter = format!("Social worker for {title}");
        review.sub_items.push(sub);
    }
    nov.agenda.push(review);
    minutebook::model::running::defer(&mut nov, first, NaiveTime::MIN).unwrap();
    let template = minutebook::model::Template::builtin("corporate-parenting-board").unwrap();
    let dec = minutebook::model::carry::new_meeting(
        &template,
        MeetingId::parse("2026-12-09").unwrap(),
        None,
        std::slice::from_ref(&nov),
    );
    let origins = Origins::of(&dec, |_| Some(nov.clone()));
    for format in Format::ALL {
        for scope in SCOPES {
            let doc = rendered(&dec, &origins, None, format, Audience::Public, scope);
            assert!(!doc.contains("QZX"), "{format} {scope:?}: {doc}");
            assert!(
                doc.contains("Placement review"),
                "{format} {scope:?}: by title"
            );
        }
    }
    let private = full_record(&dec, &origins);
    assert!(private.contains("Case of QZXcase") && private.contains("Contact for QZXcontact"));
}

#[test]
fn an_action_whose_raising_meeting_cannot_be_read_is_left_out_of_public_documents() {
    let dec = demo("2026-12-09");
    let origins = Origins::of(&dec, |id| {
        (id.as_str() != "2026-11-11")
            .then(|| year().iter().find(|m| m.id == *id).cloned())
            .flatten()
    });
    let public = rendered(
        &dec,
        &origins,
        None,
        Format::Markdown,
        Audience::Public,
        Scope::Full,
    );
    assert!(!public.contains(PLEDGE), "{public}");
    assert!(
        public.contains("Publish the refreshed Local Offer"),
        "actions from meetings that were read stay"
    );
}

// ---------------------------------------------------------------- The command line

#[test]
fn cli_public_export_prints_part_b_by_title_only() {
    let (_tmp, data) = common::demo_data();
    let out = minutebook(
        &data,
        &["export", "2026-06-10", "--format", "md", "--public"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "CPB/26/16  Placement review: young person placed in an unregistered setting"
        ),
        "headed by its minute's reference: {text}"
    );
    assert!(text.contains("Exempt: Local Government Act 1972, Schedule 12A"));
    assert!(!text.contains("aged 15"), "exempt minutes");
    assert!(
        !text.contains("Written update on the placement"),
        "exempt action"
    );
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));

    let private = minutebook(&data, &["export", "2026-06-10", "--format", "txt"]);
    assert!(private.status.success());
    assert!(common::flat(&stdout(&private)).contains("aged 15"));
    assert!(stderr(&private).contains("not for publication"));
}

#[test]
fn cli_public_export_reads_where_each_action_was_raised_when_it_is_made() {
    let (_tmp, data) = common::demo_data();
    let store = minutebook::store::Store::open(&data).unwrap();
    let nov = MeetingId::parse("2026-11-11").unwrap();
    let (mut m, mut handle) = store.open_meeting(&nov).unwrap();
    let voice = parent_of_the_pledges_item(&m);
    agenda::find_mut(&mut m.agenda, voice).unwrap().exempt = Some(Exemption {
        reason: "Schedule 12A, paragraph 2".into(),
    });
    store.save(&mut handle, &m).unwrap();
    drop(handle);
    let args = ["export", "2026-12-09", "--format", "md", "--public"];
    let out = minutebook(&data, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains(PLEDGE), "{}", stdout(&out));
    assert!(stdout(&out).contains("Publish the refreshed Local Offer"));

    // November unreadable: its actions are withheld, and the clerk is told why.
    fs::write(store.path_of(&nov), "{ not json").unwrap();
    let out = minutebook(&data, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains(PLEDGE));
    assert!(
        stderr(&out).contains("meeting 2026-11-11 could not be read"),
        "{}",
        stderr(&out)
    );
}

/// June with Jay, a young person present, as the presenter of an item ("Jay and Mo"),
/// an action's owner and the signer of its approval, and Zara, a young person on the
/// roster but not at the meeting, as who set an action.
fn june_naming_young_people() -> Meeting {
    let mut june = demo("2026-06-10");
    assert!(june.attendance.iter().any(|a| a.name == "Jay"));
    june.agenda[0].presenter = "Jay and Mo".into();
    june.actions[0].owner = "Jay".into();
    june.actions[0].set_by = "Zara".into();
    june.approval
        .as_mut()
        .expect("June is approved")
        .approved_by = "Jay".into();
    june
}

fn board_naming(young_people: &str) -> minutebook::model::Board {
    serde_json::from_value(serde_json::json!({
        "id": "cpb", "name": "Corporate Parenting Board", "code": "CPB", "quorum": 3,
        "template": "corporate-parenting-board", "young_people": young_people,
        "members": [{"name": "Zara", "role": "young-person", "position": "Children in Care Council"}]
    }))
    .unwrap()
}

#[test]
fn public_documents_in_every_format_name_young_people_only_where_the_board_says() {
    let june = june_naming_young_people();
    let (role_only, first_name) = (board_naming("role-only"), board_naming("first-name"));
    for format in Format::ALL {
        for scope in SCOPES {
            let doc = |board| {
                rendered(
                    &june,
                    &origins(&june),
                    board,
                    format,
                    Audience::Public,
                    scope,
                )
            };
            // No board record read is role only for who the meeting shows is a young
            // person (its attendance): fail closed. The roster adds Zara.
            let cases = [
                (None, &["Jay", "Mo "][..]),
                (Some(&role_only), &["Jay", "Mo ", "Zara"][..]),
            ];
            for (board, names) in cases {
                let public = doc(board);
                for name in names {
                    assert!(
                        !public.contains(name),
                        "{format} {scope:?} {board:?}: {name}: {public}"
                    );
                }
            }
            let named = doc(Some(&first_name));
            // The Word minutes are laid out as a council's: presenters are on the agenda.
            assert!(
                named.contains("Jay and Mo") || (format == Format::Docx && scope == Scope::Full),
                "{format} {scope:?}: the presenter"
            );
            // An OCD event lists people by name only (a young person given by role is no
            // participant) and carries no action log, so not Zara, who set an action.
            let (by_role, names) = match format {
                Format::Ocd => (false, &["Jay"][..]),
                _ => (true, &["Jay", "Zara"][..]),
            };
            if scope == Scope::Full {
                if by_role {
                    assert!(doc(None).contains("Young person (Children in Care Council)"));
                }
                for name in names {
                    assert!(named.contains(name), "{format} first name: {name}: {named}");
                }
            }
        }
    }
    for format in Format::ALL {
        let private = rendered(
            &june,
            &origins(&june),
            Some(&role_only),
            format,
            Audience::Private,
            Scope::Full,
        );
        assert!(
            private.contains("Jay"),
            "{format}: the full record names everyone"
        );
        // Zara set an action; an OCD event carries no action log.
        assert_eq!(private.contains("Zara"), format != Format::Ocd, "{format}");
    }
}

#[test]
fn cli_public_documents_give_young_people_by_role_unless_the_board_names_them() {
    // June's record names Jay, a young person, only in its attendance.
    let (_tmp, data) = common::demo_data();
    let export = |format: &str, public: bool| {
        let mut args = vec!["export", "2026-06-10", "--format", format];
        if public {
            args.push("--public");
        }
        let out = minutebook(&data, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    // The demo's board is role only, as every board is until the clerk says otherwise.
    for format in ["md", "txt", "html", "json", "ocd"] {
        let public = export(format, true);
        assert!(!public.contains("Jay"), "{format}: {public}");
        // An OCD event names people or leaves them out: a role is never a participant.
        assert_eq!(
            public.contains("Young person (Children in Care Council)"),
            format != "ocd",
            "{format}"
        );
        assert!(
            export(format, false).contains("Jay"),
            "the full record keeps the name"
        );
    }
    let edit = ["board", "edit", "cpb", "--young-people", "first-name"];
    assert!(minutebook(&data, &edit).status.success());
    for format in ["md", "txt", "html", "json", "ocd"] {
        assert!(export(format, true).contains("Jay"), "{format}");
    }
}

#[test]
fn cli_writes_0600_and_refuses_to_overwrite_without_force() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, data) = common::demo_data();
    let file = tmp.path().join("june.html");
    let f = file.to_str().unwrap();
    let args = [
        "export",
        "2026-06-10",
        "--format",
        "html",
        "--public",
        "-o",
        f,
    ];
    let out = minutebook(&data, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("june.html"));
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    parse_xml(&fs::read_to_string(&file).unwrap()).unwrap();

    fs::write(&file, "the clerk's own edits").unwrap();
    let again = minutebook(&data, &args);
    assert!(!again.status.success());
    assert_eq!(
        stderr(&again).trim(),
        format!("minutebook: {f} already exists; add --force to replace it")
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "the clerk's own edits");

    let mut forced = args.to_vec();
    forced.push("--force");
    let out = minutebook(&data, &forced);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let leftovers = common::count_files(tmp.path(), |n| n.ends_with(".tmp"));
    assert_eq!(leftovers, 0);
}

#[test]
fn cli_ics_is_the_forward_plan_and_errors_name_the_problem() {
    let (tmp, data) = common::demo_data();
    let out = minutebook(&data, &["export", "--ics"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = parse_ics(&stdout(&out)).unwrap();
    let today = chrono::Local::now().date_naive();
    let future = year().iter().filter(|m| m.date >= today).count();
    assert_eq!(property(&lines, "UID").len(), future);

    let file = tmp.path().join("plan.ics");
    let out = minutebook(&data, &["export", "--ics", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    parse_ics(&fs::read_to_string(&file).unwrap()).unwrap();

    for (args, expect) in [
        (
            vec!["export", "2026-06-10", "--format", "pdf"],
            "\"pdf\" is not an export format: use md, txt, html, json, ocd or docx",
        ),
        (
            vec!["export", "2030-01-01", "--format", "md"],
            "there is no meeting 2030-01-01",
        ),
        (
            vec!["export", "June", "--format", "md"],
            "is not a meeting id",
        ),
        (vec!["export", "2026-06-10"], "--format"),
        (vec!["export"], "<ID|--ics>"),
    ] {
        let out = minutebook(&data, &args);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(stderr(&out).contains(expect), "{args:?}: {}", stderr(&out));
    }
}

/// A decision is recorded once (its decision record) and read once in every document,
/// even where an older record also wrote it into the minutes text.
#[test]
fn each_decision_reads_once_in_md_txt_and_html() {
    let plain = |t: &str| {
        t.chars()
            .all(|c| c.is_ascii_alphanumeric() || " ,.".contains(c))
    };
    let mut checked = 0;
    for m in year() {
        let exempt = agenda::exempt_ids(&m.agenda);
        for (_, item) in numbered(&m.agenda) {
            for d in item.decisions.iter().filter(|d| plain(&d.text)) {
                for format in [Format::Markdown, Format::Text, Format::Html] {
                    for audience in [Audience::Private, Audience::Public] {
                        if audience == Audience::Public && exempt.contains(&item.id) {
                            continue;
                        }
                        let doc = rendered(m, &origins(m), None, format, audience, Scope::Full);
                        // Minutes write a resolution "That …".
                        let text = minutebook::words::capitalise(&d.text);
                        assert_eq!(
                            doc.matches(text.as_str()).count(),
                            1,
                            "{} {format:?} {audience:?}: {:?}",
                            m.id,
                            d.text
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 20, "the demo year records decisions ({checked})");
}

/// An action edited and another withdrawn in November's draft.
fn november_with_an_edit_and_a_withdrawal() -> Meeting {
    use minutebook::model::action::{At, Edit};
    let mut m = demo("2026-11-11");
    let at = At {
        date: m.date,
        meeting: Some(m.id.clone()),
        by: "Leanne Ford".into(),
    };
    let edit = Edit {
        owner: Some("Head of Service".into()),
        ..Edit::default()
    };
    let (first, rest) = m.actions.split_first_mut().unwrap();
    first.edit(edit, at.clone()).unwrap();
    rest.last_mut().unwrap().withdraw(at, "").unwrap();
    m
}

#[test]
fn the_full_record_says_withdrawn_by_whom_and_what_an_edit_changed() {
    let m = november_with_an_edit_and_a_withdrawal();
    let withdrawn = m.actions.last().unwrap().clone();
    let before = m.actions[0].history.last().unwrap().changed[0].from.clone();
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let doc = render(&m, format, Audience::Private, Scope::Full);
        assert!(doc.contains("withdrawn"), "{doc}");
        assert!(
            doc.contains("Withdrawn: raised by mistake (by Leanne Ford)"),
            "{doc}"
        );
        let change = format!("owner \"{before}\" → \"Head of Service\"");
        let change_html = format!("owner &quot;{before}&quot; → &quot;Head of Service&quot;");
        assert!(
            doc.contains(&change) || doc.contains(&change_html),
            "{format:?}: {doc}"
        );
        let public = render(&m, format, Audience::Public, Scope::Full);
        // Its id is in the action log only (the minutes' own ACTION line is the clerk's text).
        assert!(
            !public.contains(&withdrawn.id.0),
            "{format:?} publishes the withdrawn: {public}"
        );
        assert!(doc.contains(&withdrawn.id.0));
        assert!(!public.contains(&format!("owner \"{before}\"")), "{public}");
        assert!(!public.contains("owner &quot;"), "{public}");
        assert!(!public.contains("Leanne Ford)"), "who typed it: {public}");
    }
}
