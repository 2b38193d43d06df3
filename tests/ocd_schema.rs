//! The OCD export checked against the Open Civic Data Event schema: the rules of pupa's
//! `pupa/scrape/schemas/event.py` and `common.py` (types, minimum lengths, the status and
//! entity-type enums, fuzzy dates, sources with at least one URL) and of the OCD event
//! model (`_type`, the `ocd-event/<uuid>` id), encoded by hand below. pupa's schema is
//! JSON Schema draft 3 with its own "datetime" and "date" types, which no Rust JSON-schema
//! crate reads as written, so a crate would check a rewritten schema, not pupa's.
//! On top of the schema, what the issue asks of a council's event: roles are notes, never
//! persons; documents by reference; `end_date` the actual end once the meeting has ended.

use chrono::NaiveTime;
use serde_json::{Value, json};

use minutebook::export::{self, Audience, Format, Scope};
use minutebook::model::{BoardId, Meeting, Origins};

fn year() -> &'static [Meeting] {
    static YEAR: std::sync::OnceLock<Vec<Meeting>> = std::sync::OnceLock::new();
    YEAR.get_or_init(minutebook::demo::year)
}

fn ocd(m: &Meeting, audience: Audience, scope: Scope) -> Value {
    let origins = Origins::of(m, |id| year().iter().find(|x| x.id == *id).cloned());
    let doc = export::render(m, &origins, None, Format::Ocd, audience, scope);
    serde_json::from_str(&doc).unwrap()
}

// ---------------------------------------------------------------- the schema's rules

/// What is wrong with an event, one line a fault, each naming where.
#[derive(Default)]
struct Faults(Vec<String>);

impl Faults {
    fn say(&mut self, at: &str, what: impl std::fmt::Display) {
        self.0.push(format!("{at}: {what}"));
    }

    /// A string (of at least `min` characters).
    fn string(&mut self, v: &Value, at: &str, min: usize) {
        match v.as_str() {
            Some(s) if s.chars().count() >= min => {}
            Some(_) => self.say(at, format!("shorter than {min}")),
            None => self.say(at, format!("not a string: {v}")),
        }
    }

    fn optional_string(&mut self, o: &Value, key: &str, at: &str, min: usize) {
        if let Some(v) = o.get(key).filter(|v| !v.is_null()) {
            self.string(v, &format!("{at}.{key}"), min);
        }
    }

    /// Only the keys the schema names (pupa refuses any other property).
    fn keys(&mut self, o: &Value, at: &str, allowed: &[&str]) -> bool {
        let Some(map) = o.as_object() else {
            self.say(at, "not an object");
            return false;
        };
        for k in map.keys().filter(|k| !allowed.contains(&k.as_str())) {
            self.say(at, format!("{k:?} is not in the schema"));
        }
        true
    }

    fn array<'a>(&mut self, o: &'a Value, key: &str, at: &str) -> &'a [Value] {
        match o.get(key) {
            None => &[],
            Some(Value::Array(rows)) => rows,
            Some(v) => {
                self.say(&format!("{at}.{key}"), format!("not an array: {v}"));
                &[]
            }
        }
    }

    fn uri(&mut self, v: &Value, at: &str) {
        self.string(v, at, 1);
        if let Some(s) = v.as_str().filter(|s| !is_uri(s)) {
            self.say(at, format!("{s:?} is not a URI"));
        }
    }
}

/// RFC 3986's scheme ":" and no space: what the `uri` format asks at least.
fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut c = scheme.chars();
    c.next().is_some_and(|f| f.is_ascii_alphabetic())
        && c.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !s.chars().any(char::is_whitespace)
}

/// `digits` ASCII digits then the rest, or None.
fn digits(s: &str, n: usize) -> Option<&str> {
    (s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit)).then(|| &s[n..])
}

/// Zero to `max` groups of `sep` and two digits.
fn groups(mut s: &str, sep: char, max: usize) -> &str {
    for _ in 0..max {
        match s.strip_prefix(sep).and_then(|r| digits(r, 2)) {
            Some(rest) => s = rest,
            None => break,
        }
    }
    s
}

/// common.py's fuzzy_date_string_blank: `^([0-9]{4})?(-[0-9]{2}){0,2}$`.
fn fuzzy_date_blank(s: &str) -> bool {
    let s = digits(s, 4).unwrap_or(s);
    groups(s, '-', 2).is_empty()
}

/// common.py's fuzzy_datetime_string_blank: blank, a fuzzy date, or a full date with
/// `T[0-9]{2}(:[0-9]{2}){0,2}` and a zone (`Z` or `+01:00`).
fn fuzzy_datetime_blank(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    let Some(rest) = digits(s, 4) else {
        return false;
    };
    if groups(rest, '-', 2).is_empty() {
        return true;
    }
    let date_only = groups(rest, '-', 2);
    let full_date = rest.len() - date_only.len() == 6;
    let Some(time) = date_only.strip_prefix('T').filter(|_| full_date) else {
        return false;
    };
    let Some(after_hours) = digits(time, 2) else {
        return false;
    };
    let zone = groups(after_hours, ':', 2);
    zone == "Z"
        || zone
            .strip_prefix(['+', '-'])
            .and_then(|z| digits(z, 2))
            .is_some_and(|z| {
                z.is_empty() || z.strip_prefix(':').and_then(|m| digits(m, 2)) == Some("")
            })
}

/// The OCD event id: `^ocd-event/[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$`.
fn is_ocd_event_id(s: &str) -> bool {
    let Some(uuid) = s.strip_prefix("ocd-event/") else {
        return false;
    };
    let parts: Vec<&str> = uuid.split('-').collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    lens == [8, 4, 4, 4, 12]
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

const EVENT_KEYS: &[&str] = &[
    "_type",
    "id",
    "name",
    "all_day",
    "start_date",
    "end_date",
    "status",
    "classification",
    "description",
    "location",
    "media",
    "documents",
    "links",
    "participants",
    "agenda",
    "sources",
    "extras",
    "pupa_id",
];
const REQUIRED: &[&str] = &[
    "_type",
    "id",
    "name",
    "start_date",
    "all_day",
    "status",
    "classification",
    "sources",
];

fn validate(e: &Value) -> Vec<String> {
    let mut f = Faults::default();
    if !f.keys(e, "event", EVENT_KEYS) {
        return f.0;
    }
    for key in REQUIRED.iter().filter(|k| e.get(**k).is_none()) {
        f.say("event", format!("{key} is required"));
    }
    if e["_type"] != "event" {
        f.say("event._type", "must be \"event\"");
    }
    if !e["id"].as_str().is_some_and(is_ocd_event_id) {
        f.say("event.id", format!("{} is not ocd-event/<uuid>", e["id"]));
    }
    f.string(&e["name"], "event.name", 1);
    if !e["all_day"].is_boolean() {
        f.say("event.all_day", "not a boolean");
    }
    for key in ["start_date", "end_date"] {
        if let Some(v) = e.get(key)
            && !v.as_str().is_some_and(fuzzy_datetime_blank)
        {
            f.say(
                &format!("event.{key}"),
                format!("{v} is not a fuzzy datetime"),
            );
        }
    }
    if e.get("start_date").and_then(Value::as_str) == Some("") {
        f.say("event.start_date", "is blank");
    }
    if !["cancelled", "tentative", "confirmed", "passed"]
        .contains(&e["status"].as_str().unwrap_or(""))
    {
        f.say(
            "event.status",
            format!("{} is not in the enum", e["status"]),
        );
    }
    f.string(&e["classification"], "event.classification", 1);
    f.optional_string(e, "description", "event", 0);
    if e.get("extras").is_some_and(|x| !x.is_object()) {
        f.say("event.extras", "not an object");
    }
    location(&mut f, e.get("location"));
    media(&mut f, e, "event");
    documents(&mut f, e);
    for (i, l) in f.array(e, "links", "event").iter().enumerate() {
        let at = format!("event.links[{i}]");
        if f.keys(l, &at, &["note", "url"]) {
            f.optional_string(l, "note", &at, 0);
            f.uri(&l["url"], &format!("{at}.url"));
        }
    }
    participants(&mut f, e);
    agenda(&mut f, e);
    sources(&mut f, e);
    f.0
}

fn location(f: &mut Faults, l: Option<&Value>) {
    let Some(l) = l.filter(|l| !l.is_null()) else {
        return;
    };
    if !f.keys(l, "event.location", &["name", "note", "url", "coordinates"]) {
        return;
    }
    f.string(&l["name"], "event.location.name", 1);
    f.optional_string(l, "note", "event.location", 0);
    f.optional_string(l, "url", "event.location", 0);
    if let Some(c) = l.get("coordinates").filter(|c| !c.is_null())
        && f.keys(c, "event.location.coordinates", &["latitude", "longitude"])
    {
        f.string(&c["latitude"], "event.location.coordinates.latitude", 1);
        f.string(&c["longitude"], "event.location.coordinates.longitude", 1);
    }
}

fn media(f: &mut Faults, o: &Value, at: &str) {
    for (i, m) in f.array(o, "media", at).iter().enumerate() {
        let at = format!("{at}.media[{i}]");
        if !f.keys(m, &at, &["name", "type", "date", "offset", "links"]) {
            continue;
        }
        f.string(&m["name"], &format!("{at}.name"), 1);
        f.string(&m["type"], &format!("{at}.type"), 1);
        if !m["date"].as_str().is_none_or(fuzzy_date_blank) {
            f.say(&format!("{at}.date"), "not a fuzzy date");
        }
        for (j, l) in f.array(m, "links", &at).iter().enumerate() {
            f.uri(&l["url"], &format!("{at}.links[{j}].url"));
        }
    }
}

/// Documents by reference: a URL and a media type, the document itself never inline.
fn documents(f: &mut Faults, e: &Value) {
    for (i, d) in f.array(e, "documents", "event").iter().enumerate() {
        let at = format!("event.documents[{i}]");
        if !f.keys(d, &at, &["note", "url", "media_type", "date", "links"]) {
            continue;
        }
        f.string(&d["note"], &format!("{at}.note"), 1);
        f.string(&d["url"], &format!("{at}.url"), 1);
        f.string(&d["media_type"], &format!("{at}.media_type"), 1);
        if !d["date"].as_str().is_none_or(fuzzy_date_blank) {
            f.say(&format!("{at}.date"), "not a fuzzy date");
        }
        for (j, l) in f.array(d, "links", &at).iter().enumerate() {
            let at = format!("{at}.links[{j}]");
            if f.keys(l, &at, &["url", "media_type", "text"]) {
                f.string(&l["url"], &format!("{at}.url"), 1);
                f.string(&l["media_type"], &format!("{at}.media_type"), 1);
            }
        }
    }
}

fn participants(f: &mut Faults, e: &Value) {
    for (i, p) in f.array(e, "participants", "event").iter().enumerate() {
        let at = format!("event.participants[{i}]");
        let keys = [
            "name",
            "entity_type",
            "type",
            "note",
            "id",
            "person_id",
            "organization_id",
        ];
        if !f.keys(p, &at, &keys) {
            continue;
        }
        f.string(&p["name"], &format!("{at}.name"), 1);
        for key in ["entity_type", "type"]
            .into_iter()
            .filter(|k| p.get(*k).is_some())
        {
            if !["organization", "person"].contains(&p[key].as_str().unwrap_or("")) {
                f.say(
                    &format!("{at}.{key}"),
                    format!("{} is not organization|person", p[key]),
                );
            }
        }
        if p.get("entity_type").is_none() {
            f.say(&at, "entity_type is required");
        }
        f.string(&p["note"], &format!("{at}.note"), 1);
    }
}

fn agenda(f: &mut Faults, e: &Value) {
    let keys = [
        "description",
        "classification",
        "order",
        "subjects",
        "media",
        "notes",
        "related_entities",
        "extras",
    ];
    for (i, a) in f.array(e, "agenda", "event").iter().enumerate() {
        let at = format!("event.agenda[{i}]");
        if !f.keys(a, &at, &keys) {
            continue;
        }
        f.string(&a["description"], &format!("{at}.description"), 1);
        let dotted = |s: &str| {
            !s.is_empty()
                && s.split('.')
                    .all(|n| digits(n, n.len()).is_some() && !n.is_empty())
        };
        if !a["order"].as_str().is_some_and(dotted) {
            f.say(
                &format!("{at}.order"),
                format!("{} is not a dotted order", a["order"]),
            );
        }
        for key in ["classification", "subjects", "notes"] {
            for (j, s) in f.array(a, key, &at).iter().enumerate() {
                f.string(s, &format!("{at}.{key}[{j}]"), 1);
            }
        }
        media(f, a, &at);
        for (j, r) in f.array(a, "related_entities", &at).iter().enumerate() {
            let at = format!("{at}.related_entities[{j}]");
            if f.keys(
                r,
                &at,
                &[
                    "entity_type",
                    "name",
                    "note",
                    "id",
                    "person_id",
                    "organization_id",
                ],
            ) {
                f.string(&r["entity_type"], &format!("{at}.entity_type"), 1);
                f.string(&r["name"], &format!("{at}.name"), 1);
                f.optional_string(r, "note", &at, 1);
            }
        }
    }
}

fn sources(f: &mut Faults, e: &Value) {
    let rows = f.array(e, "sources", "event");
    if rows.is_empty() {
        f.say("event.sources", "needs at least one source");
    }
    for (i, s) in rows.iter().enumerate() {
        let at = format!("event.sources[{i}]");
        if f.keys(s, &at, &["url", "note"]) {
            f.uri(&s["url"], &format!("{at}.url"));
            f.optional_string(s, "note", &at, 0);
        }
    }
}

// ---------------------------------------------------------------- the tests

#[test]
fn every_demo_meetings_ocd_event_meets_the_open_civic_data_event_schema() {
    for m in year() {
        for audience in [Audience::Public, Audience::Private] {
            for scope in [Scope::Full, Scope::AgendaOnly] {
                let faults = validate(&ocd(m, audience, scope));
                assert!(
                    faults.is_empty(),
                    "{} {audience:?} {scope:?}:\n{}",
                    m.id,
                    faults.join("\n")
                );
            }
        }
    }
}

#[test]
fn the_schema_check_refuses_what_the_schema_forbids() {
    let good = ocd(&year()[5], Audience::Public, Scope::Full);
    assert!(validate(&good).is_empty());
    let broken = |change: &dyn Fn(&mut Value), expect: &str| {
        let mut e = good.clone();
        change(&mut e);
        let faults = validate(&e).join("\n");
        assert!(faults.contains(expect), "{expect:?} not in:\n{faults}");
    };
    broken(&|e| e["status"] = json!("held"), "event.status");
    broken(&|e| e["sources"] = json!([]), "at least one source");
    broken(
        &|e| e["sources"][0]["url"] = json!("not a uri"),
        "is not a URI",
    );
    broken(&|e| e["id"] = json!("ocd-event/2026-06-10"), "event.id");
    broken(&|e| e["_type"] = json!("meeting"), "event._type");
    broken(
        &|e| e["start_date"] = json!("10 June 2026"),
        "event.start_date",
    );
    broken(
        &|e| e["participants"][0]["entity_type"] = json!("role"),
        "not organization|person",
    );
    broken(
        &|e| e["participants"][0]["note"] = json!(""),
        "participants[0].note",
    );
    broken(
        &|e| e["documents"][0]["text"] = json!("the minutes"),
        "\"text\" is not in the schema",
    );
    broken(&|e| e["agenda"][0]["notes"] = json!([""]), "notes[0]");
    broken(&|e| e["agenda"][0]["order"] = json!(null), "dotted order");
    broken(
        &|e| {
            e.as_object_mut().unwrap().remove("name");
        },
        "name is required",
    );
    broken(
        &|e| e["timezone"] = json!("Europe/London"),
        "\"timezone\" is not in the schema",
    );
}

#[test]
fn fuzzy_dates_follow_pupas_patterns() {
    for ok in [
        "",
        "2026",
        "2026-06",
        "2026-06-10",
        "2026-06-10T14:00:00+01:00",
        "2026-06-10T14Z",
        "2026-06-10T14:00-05",
    ] {
        assert!(fuzzy_datetime_blank(ok), "{ok}");
    }
    for bad in [
        "2026-06-10T14:00:00",
        "2026-06T14:00Z",
        "14:00",
        "2026-06-10 14:00+01:00",
    ] {
        assert!(!fuzzy_datetime_blank(bad), "{bad}");
    }
    assert!(
        fuzzy_date_blank("") && fuzzy_date_blank("2026-06-10") && !fuzzy_date_blank("10/06/2026")
    );
}

#[test]
fn roles_are_notes_never_persons_and_the_chair_is_noted_as_chair() {
    let june = year()
        .iter()
        .find(|m| m.id.as_str() == "2026-06-10")
        .unwrap();
    let e = ocd(june, Audience::Private, Scope::Full);
    let names: Vec<&str> = june.attendance.iter().map(|a| a.name.as_str()).collect();
    let positions: Vec<&str> = june
        .attendance
        .iter()
        .map(|a| a.position.as_str())
        .collect();
    let people = e["participants"].as_array().unwrap();
    for p in people.iter().filter(|p| p["entity_type"] == "person") {
        let name = p["name"].as_str().unwrap();
        assert!(names.contains(&name), "{name} is no one present");
        assert!(!positions.contains(&name), "{name} is a role");
    }
    let chair = people
        .iter()
        .find(|p| p["name"] == "Cllr Margaret Holloway")
        .unwrap();
    assert!(
        chair["note"].as_str().unwrap().starts_with("chair"),
        "{chair}"
    );
    // Item 1 is presented by "Chair": a role, so no related person, but said in its notes.
    let first = &e["agenda"][0];
    assert!(
        first["related_entities"].as_array().unwrap().is_empty(),
        "{first}"
    );
    assert!(
        first["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("Chair"))
    );
    for item in e["agenda"].as_array().unwrap() {
        for r in item["related_entities"].as_array().unwrap() {
            assert!(names.contains(&r["name"].as_str().unwrap()), "{r}");
        }
    }
}

#[test]
fn documents_are_references_to_the_html_exports_beside_it() {
    let june = year()
        .iter()
        .find(|m| m.id.as_str() == "2026-06-10")
        .unwrap();
    let e = ocd(june, Audience::Public, Scope::Full);
    let urls: Vec<&str> = e["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["url"].as_str().unwrap())
        .collect();
    assert_eq!(
        urls,
        ["2026-06-10-agenda-public.html", "2026-06-10-public.html"]
    );
    assert!(
        e["documents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["media_type"] == "text/html")
    );
    let private = ocd(june, Audience::Private, Scope::AgendaOnly);
    assert_eq!(private["documents"][0]["url"], "2026-06-10-agenda.html");
    assert_eq!(private["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn end_date_is_the_actual_end_once_ended_and_the_planned_end_before() {
    let mut held = year()
        .iter()
        .find(|m| m.id.as_str() == "2026-11-11")
        .unwrap()
        .clone();
    held.ended_at = NaiveTime::from_hms_opt(16, 5, 0);
    assert_eq!(
        ocd(&held, Audience::Public, Scope::Full)["end_date"],
        "2026-11-11T16:05:00+00:00"
    );
    let planned = year().last().unwrap();
    let e = ocd(planned, Audience::Public, Scope::AgendaOnly);
    let forecast = minutebook::model::running::forecast_end(planned, NaiveTime::MIN).unwrap();
    assert_eq!(
        e["end_date"],
        format!("2026-12-09T{}:00+00:00", forecast.format("%H:%M"))
    );
    assert_eq!(e["status"], "confirmed");
}

#[test]
fn two_boards_meetings_on_one_day_have_different_stable_event_ids() {
    let cpb = year().last().unwrap().clone();
    let mut panel = cpb.clone();
    panel.board.id = Some(BoardId::parse("fp").unwrap());
    panel.board.name = "Fostering Panel".into();
    let id = |m: &Meeting| ocd(m, Audience::Public, Scope::Full)["id"].clone();
    assert_ne!(id(&cpb), id(&panel));
    assert_eq!(id(&cpb), id(&cpb), "the same every export");
    assert_eq!(
        id(&cpb),
        ocd(&cpb, Audience::Private, Scope::AgendaOnly)["id"],
        "one event, whichever document"
    );
}

/// An event is a document like the minutes: nothing of the clerk's workspace is in it (no
/// quorum counts, item kinds, allowances, statuses or run times), public or full.
#[test]
fn an_ocd_event_carries_none_of_the_workspaces_run_data() {
    for m in year() {
        for audience in [Audience::Public, Audience::Private] {
            let text = ocd(m, audience, Scope::Full).to_string();
            let allowances = (0..10).map(|d| format!("{d} min"));
            let words = [" needed)", "procedural", " · done", "\"quorum\""].map(String::from);
            for internal in words.into_iter().chain(allowances) {
                assert!(
                    !text.contains(&internal),
                    "{} {audience:?} carries {internal:?}: {text}",
                    m.id
                );
            }
        }
    }
}
