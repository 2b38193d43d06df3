//! The JSON export: one documented shape (docs/export-json.md) for the full record and the
//! public one, drawn from a [`View`], so the public JSON holds only what the allow-list
//! gave its view. What a view does not hold (an exempt item's minutes in public, the
//! minutes in an agenda) is absent, never an empty stand-in.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use super::Scope;
use super::view::{Action, DeclarationRow, Item, Person, View};
use crate::model::approval::Approval;
use crate::model::{
    ActionStatus, ActionUpdate, Decision, Due, InterestKind, ItemKind, ItemStatus, MeetingStatus,
    Principle, clock,
};

/// The version of the export shape (not of the record on disk): raised whenever a field
/// is renamed, removed or changes meaning; a new optional field leaves it.
pub const SCHEMA_VERSION: u32 = 1;

fn no<T>(v: &[T]) -> bool {
    v.is_empty()
}

fn blank(s: &str) -> bool {
    s.is_empty()
}

#[derive(Serialize)]
struct Export<'a> {
    schema_version: u32,
    /// "public" or "private".
    audience: &'static str,
    /// "minutes" (the whole record) or "agenda".
    document: &'static str,
    id: &'a str,
    board: &'a str,
    #[serde(skip_serializing_if = "blank")]
    council: &'a str,
    #[serde(skip_serializing_if = "blank")]
    contact_officer: &'a str,
    #[serde(skip_serializing_if = "blank")]
    contact: &'a str,
    title: &'a str,
    date: NaiveDate,
    #[serde(with = "clock::hhmm_opt", skip_serializing_if = "Option::is_none")]
    start_time: Option<NaiveTime>,
    #[serde(skip_serializing_if = "blank")]
    venue: &'a str,
    status: MeetingStatus,
    #[serde(with = "clock::hhmm_opt", skip_serializing_if = "Option::is_none")]
    began_at: Option<NaiveTime>,
    #[serde(with = "clock::hhmm_opt", skip_serializing_if = "Option::is_none")]
    ended_at: Option<NaiveTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    agenda_published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    planned_minutes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quorum: Option<&'a str>,
    #[serde(skip_serializing_if = "no")]
    attendance: Vec<Attendee<'a>>,
    #[serde(skip_serializing_if = "no")]
    declarations: Vec<Declared<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exclusion: Option<Exclusion<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    iha: Option<Iha<'a>>,
    #[serde(skip_serializing_if = "no")]
    figures: Vec<Figure<'a>>,
    #[serde(skip_serializing_if = "no")]
    children: Vec<Child<'a>>,
    agenda: Vec<AgendaItem<'a>>,
    #[serde(skip_serializing_if = "no")]
    actions: Vec<ActionRow<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    approval: Option<&'a Approval>,
    #[serde(skip_serializing_if = "no")]
    errata: Vec<Erratum<'a>>,
}

#[derive(Serialize)]
struct Attendee<'a> {
    name: &'a str,
    role: &'a str,
    #[serde(skip_serializing_if = "blank")]
    position: &'a str,
    presence: &'a str,
    chair: bool,
    /// Private only: whether they vote on resolutions.
    #[serde(skip_serializing_if = "Option::is_none")]
    votes: Option<bool>,
    #[serde(with = "clock::hhmm_opt", skip_serializing_if = "Option::is_none")]
    arrived_at: Option<NaiveTime>,
    #[serde(skip_serializing_if = "blank")]
    note: &'a str,
}

#[derive(Serialize)]
struct Declared<'a> {
    member: &'a str,
    /// The item's number.
    item: &'a str,
    kind: InterestKind,
    nature: &'a str,
    left_room: bool,
}

#[derive(Serialize)]
struct Exclusion<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<&'a str>,
    /// The number of the first exempt item it comes before.
    before: &'a str,
    resolution: &'a str,
}

#[derive(Serialize)]
struct Iha<'a> {
    target: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    period_start: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period_end: Option<NaiveDate>,
    entered_care: u32,
    due: u32,
    within_20_days: u32,
    late: u32,
    outstanding: u32,
    rate: &'a str,
    status: &'a str,
    #[serde(skip_serializing_if = "blank")]
    commentary: &'a str,
}

#[derive(Serialize)]
struct Figure<'a> {
    name: &'a str,
    value: &'a str,
    #[serde(skip_serializing_if = "blank")]
    target: &'a str,
}

#[derive(Serialize)]
struct Child<'a> {
    reference: &'a str,
    entered_care: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed: Option<NaiveDate>,
}

#[derive(Serialize)]
struct AgendaItem<'a> {
    number: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<&'a str>,
    title: &'a str,
    /// The stated ground, for exempt (Part B) business.
    #[serde(skip_serializing_if = "Option::is_none")]
    exempt: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<ItemKind>,
    #[serde(skip_serializing_if = "blank")]
    presenter: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    minutes_allotted: Option<u32>,
    #[serde(skip_serializing_if = "no")]
    principles: &'a [Principle],
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<ItemStatus>,
    #[serde(with = "clock::hhmm_opt", skip_serializing_if = "Option::is_none")]
    started_at: Option<NaiveTime>,
    #[serde(with = "clock::hhmm_opt", skip_serializing_if = "Option::is_none")]
    ended_at: Option<NaiveTime>,
    #[serde(skip_serializing_if = "no")]
    declarations: Vec<Declared<'a>>,
    #[serde(skip_serializing_if = "no")]
    decisions: &'a [Decision],
    #[serde(skip_serializing_if = "blank")]
    minutes: &'a str,
}

#[derive(Serialize)]
struct ActionRow<'a> {
    id: &'a str,
    text: &'a str,
    owner: &'a str,
    #[serde(skip_serializing_if = "blank")]
    set_by: &'a str,
    due: Due,
    raised_at: &'a str,
    #[serde(skip_serializing_if = "blank")]
    raised_under: &'a str,
    status: ActionStatus,
    overdue: bool,
    /// Private only: raised under exempt business.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    exempt: bool,
    #[serde(skip_serializing_if = "no")]
    history: &'a [ActionUpdate],
}

#[derive(Serialize)]
struct Erratum<'a> {
    date: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a str>,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    agreed_at: Option<&'a str>,
}

/// `v` as the JSON export: the whole of it, or (`AgendaOnly`) what an agenda carries.
pub fn render(v: &View, scope: Scope) -> String {
    let full = scope == Scope::Full;
    let private = !v.is_public();
    let export = Export {
        schema_version: SCHEMA_VERSION,
        audience: if private { "private" } else { "public" },
        document: if full { "minutes" } else { "agenda" },
        id: &v.id,
        board: &v.board,
        council: &v.council,
        contact_officer: &v.contact_officer,
        contact: &v.contact,
        title: &v.title,
        date: v.date,
        start_time: v.start_time,
        venue: &v.venue,
        status: v.status,
        began_at: v.began.filter(|_| full),
        ended_at: v.ended.filter(|_| full),
        agenda_published: v.agenda_published,
        previous: v.previous.as_deref().filter(|_| full),
        planned_minutes: v.allotted,
        quorum: full.then_some(v.quorum.as_str()),
        attendance: keep(full, &v.people, |p| attendee(p, private)),
        declarations: keep(full, &v.declarations, declared),
        exclusion: v.exclusion.as_ref().map(|x| Exclusion {
            minute: x.minute.as_deref().filter(|_| full),
            before: &x.before,
            resolution: &x.text,
        }),
        iha: v.iha.as_ref().filter(|_| full).map(|i| Iha {
            target: i.target,
            period_start: i.period.map(|p| p.0),
            period_end: i.period.map(|p| p.1),
            entered_care: i.entered_care,
            due: i.due,
            within_20_days: i.within,
            late: i.late,
            outstanding: i.outstanding,
            rate: &i.rate,
            status: i.status,
            commentary: &i.commentary,
        }),
        figures: keep(full, &v.figures, |f| Figure {
            name: &f.name,
            value: &f.value,
            target: &f.target,
        }),
        children: keep(full, &v.children, |c| Child {
            reference: &c.reference,
            entered_care: c.entered_care,
            completed: c.completed,
        }),
        agenda: v.items.iter().map(|i| agenda_item(i, full)).collect(),
        actions: keep(full, &v.actions, action),
        approval: v.approval.as_ref().filter(|_| full),
        errata: keep(full, &v.errata, |e| Erratum {
            date: e.date,
            item: e.item.as_deref(),
            text: &e.text,
            agreed_at: e.agreed_at.as_deref(),
        }),
    };
    serde_json::to_string_pretty(&export).expect("plain data serialises") + "\n"
}

/// `rows` mapped, where the document carries them at all.
fn keep<'a, T, U>(carried: bool, rows: &'a [T], f: impl Fn(&'a T) -> U) -> Vec<U> {
    match carried {
        true => rows.iter().map(f).collect(),
        false => Vec::new(),
    }
}

fn attendee(p: &Person, private: bool) -> Attendee<'_> {
    Attendee {
        name: &p.name,
        role: p.role,
        position: &p.position,
        presence: p.presence,
        chair: p.chair,
        votes: private.then_some(p.votes),
        arrived_at: p.arrived,
        note: &p.note,
    }
}

fn declared(d: &DeclarationRow) -> Declared<'_> {
    Declared {
        member: &d.member,
        item: &d.item,
        kind: d.kind,
        nature: &d.nature,
        left_room: d.left_room,
    }
}

fn agenda_item(i: &Item, full: bool) -> AgendaItem<'_> {
    AgendaItem {
        number: &i.number,
        minute: i.minute.as_deref().filter(|_| full),
        title: &i.title,
        exempt: i.exempt.as_deref(),
        kind: i.kind,
        presenter: &i.presenter,
        minutes_allotted: i.allotted,
        principles: &i.principles,
        status: i.status.filter(|_| full),
        started_at: i.started.filter(|_| full),
        ended_at: i.ended.filter(|_| full),
        declarations: keep(full, &i.declarations, declared),
        decisions: if full { &i.decisions } else { &[] },
        minutes: if full { &i.minutes } else { "" },
    }
}

fn action(a: &Action) -> ActionRow<'_> {
    ActionRow {
        id: &a.id,
        text: &a.text,
        owner: &a.owner,
        set_by: &a.set_by,
        due: a.due,
        raised_at: &a.raised_at,
        raised_under: &a.raised_under,
        status: a.status,
        overdue: a.overdue,
        exempt: a.exempt,
        history: &a.history,
    }
}
