//! What of a meeting may be published: an allow-list, not a filter.
//!
//! [`PublicMeeting`] copies across only the fields listed here, and it is the only
//! input of every public renderer, so nothing reaches a public document unless a field
//! was deliberately added to this file. Exempt ("Part B") items keep their number, title
//! and stated ground and nothing else; their sub-items, the actions raised under them,
//! errata to them, attendance notes and per-child IHA rows are never copied. Young people
//! are named only where their board says public documents name them ([`Naming`]).

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::model::agenda;
use crate::model::approval::Approval;
use crate::model::clock;
use crate::model::standing::{IhaStatus, rate_text};
use crate::model::{
    ActionId, ActionStatus, ActionUpdate, Attendance, Board, BoardId, Decision, Due, Figure,
    IhaFigures, InterestKind, ItemId, ItemKind, ItemStatus, Meeting, MeetingId, MeetingStatus,
    MinuteRef, Origins, Presence, Principle, Role, YoungPeopleNamed, exclusion,
};
use crate::words;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicMeeting {
    pub id: MeetingId,
    pub board: String,
    /// The board record's id, where the meeting names one: it tells two boards' meetings
    /// apart in calendars and open data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board_id: Option<BoardId>,
    /// The council the board is of, from its record ("" where none could be read).
    pub council: String,
    /// The democratic services officer to contact, and how, for the agenda pack.
    pub contact_officer: String,
    pub contact: String,
    pub title: String,
    pub date: NaiveDate,
    #[serde(with = "clock::hhmm_opt")]
    pub start_time: Option<NaiveTime>,
    pub venue: String,
    pub status: MeetingStatus,
    /// When the meeting actually began and ended: both belong in the minutes.
    #[serde(with = "clock::hhmm_opt")]
    pub began_at: Option<NaiveTime>,
    #[serde(with = "clock::hhmm_opt")]
    pub ended_at: Option<NaiveTime>,
    /// When the agenda was published.
    pub agenda_published: Option<NaiveDate>,
    /// The board asks for each item's start and end time in its minutes.
    pub item_times: bool,
    /// The meeting whose minutes this one approves.
    pub previous: Option<MeetingId>,
    /// The meeting's planned length in minutes, from the agenda's allotted times.
    pub planned_minutes: Option<u32>,
    /// "quorate (5 of 3 needed)", in words.
    pub quorum: String,
    pub attendance: Vec<PublicPerson>,
    /// Declarations of interest in open business only: one in an exempt item is not
    /// published (what it is could say what the item was about).
    pub declarations: Vec<PublicDeclaration>,
    /// The exclusion of the press and public before exempt business, where there is any.
    pub exclusion: Option<PublicExclusion>,
    /// Where the minutes list the declarations (the apologies item's number, else "1"): a
    /// fact of the layout, not of the record, so not in the JSON.
    #[serde(skip)]
    pub declarations_at: String,
    pub iha: Option<PublicIha>,
    pub figures: Vec<Figure>,
    /// Every published item, depth first, numbered as on the full agenda.
    pub agenda: Vec<PublicItem>,
    pub actions: Vec<PublicAction>,
    pub approval: Option<Approval>,
    pub errata: Vec<PublicErratum>,
}

/// Who was there and in what capacity. `name` is "Young person (position)" for a young
/// person whose board gives young people by role only. No notes: a note such as "left before Part B"
/// says more than the public record should.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicPerson {
    pub name: String,
    pub role: Role,
    pub position: String,
    pub status: Presence,
    /// In the chair for this meeting.
    pub chair: bool,
}

/// A declaration of interest in an open item: who, in which item (its number), of what
/// kind, what, and whether they left the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicDeclaration {
    pub member: String,
    pub item: String,
    pub kind: InterestKind,
    pub nature: String,
    pub left_room: bool,
}

/// The resolution to exclude the press and public: its minute, the item it comes before,
/// the items it covers (by number) and the Schedule 12A paragraphs their grounds cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicExclusion {
    pub minute: Option<MinuteRef>,
    pub before: String,
    pub items: Vec<String>,
    pub paragraphs: Vec<u8>,
}

/// The period's IHA timeliness as reported: aggregate counts only, never per-child rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicIha {
    pub target: f64,
    pub figures: IhaFigures,
    pub rate: Option<f64>,
    /// The rate as the board reads it ("78.6%", "no IHAs due").
    pub rate_text: String,
    pub status: IhaStatus,
    /// "ON TARGET", "BELOW TARGET" or "no IHAs due": in words, never colour alone.
    pub status_words: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicItem {
    /// "2.1": the item's number on the full agenda, so numbers match what members hold.
    pub number: String,
    /// The minute's reference ("CPB/26/45"), once the draft is numbered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute: Option<MinuteRef>,
    pub title: String,
    #[serde(flatten)]
    pub business: Business,
}

impl PublicItem {
    /// 1 for a top-level item, 2 for a sub-item, and so on.
    pub fn depth(&self) -> usize {
        self.number.split('.').count()
    }

    pub fn exempt_reason(&self) -> Option<&str> {
        match &self.business {
            Business::Exempt { reason } => Some(reason),
            Business::Open(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "part", rename_all = "kebab-case")]
pub enum Business {
    /// Part A: taken in public.
    Open(OpenItem),
    /// Part B: the public may know that it was taken, and on what ground, and nothing else.
    Exempt { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenItem {
    pub kind: ItemKind,
    pub presenter: String,
    pub minutes_allotted: Option<u32>,
    pub principles: BTreeSet<Principle>,
    pub status: ItemStatus,
    #[serde(with = "clock::hhmm_opt")]
    pub started_at: Option<NaiveTime>,
    #[serde(with = "clock::hhmm_opt")]
    pub ended_at: Option<NaiveTime>,
    pub decisions: Vec<Decision>,
    pub minutes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicAction {
    pub id: ActionId,
    pub text: String,
    pub owner: String,
    pub set_by: String,
    pub due: Due,
    pub raised_at: MeetingId,
    /// The title of the item it was raised under, as copied when it was raised.
    pub raised_under: String,
    pub status: ActionStatus,
    /// Open and past its due date as at this meeting.
    pub overdue: bool,
    pub history: Vec<ActionUpdate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicErratum {
    pub date: NaiveDate,
    /// The number of the item corrected, if the correction is to one item.
    pub item: Option<String>,
    pub text: String,
    pub agreed_at: Option<MeetingId>,
}

/// An update as it may be published: its date, meeting, status and note. What an edit
/// changed from (perhaps the very mistake corrected) and who typed it stay private.
fn public_update(u: &ActionUpdate) -> ActionUpdate {
    ActionUpdate {
        by: String::new(),
        changed: Vec::new(),
        ..u.clone()
    }
}

/// How a public document names people: a young person whose board gives young people by
/// role only is "Young person (position)" in the attendance and wherever a field that holds
/// a person's name (presenter, owner, set by, signed by) holds theirs as a whole word. The
/// clerk's own prose (minutes, decisions, notes) is theirs and is published as written.
struct Naming {
    rule: YoungPeopleNamed,
    /// Each young person not to be named, longest name first, and how they are given.
    withheld: Vec<(String, String)>,
}

impl Naming {
    /// The young people of `m`'s attendance and of its board's roster, under `board`'s
    /// rule (no board record: role only).
    fn new(m: &Meeting, board: Option<&Board>) -> Naming {
        let rule = YoungPeopleNamed::of(board);
        let roster = board.map_or(&[][..], |b| &b.members[..]);
        let people = m
            .attendance
            .iter()
            .map(|a| (a.role, &a.name, &a.position))
            .chain(roster.iter().map(|r| (r.role, &r.name, &r.position)));
        let mut withheld: Vec<(String, String)> = people
            .filter(|(role, name, _)| !rule.names(*role) && !name.trim().is_empty())
            .map(|(_, name, position)| (name.trim().to_string(), words::young_person(position)))
            .collect();
        withheld.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        withheld.dedup_by(|a, b| a.0 == b.0);
        Naming { rule, withheld }
    }

    fn person(&self, a: &Attendance) -> String {
        if self.rule.names(a.role) {
            a.name.clone()
        } else {
            words::young_person(&a.position)
        }
    }

    /// A decision with the names in its procedure (mover, seconder, a recorded vote)
    /// given as [`Naming::field`] gives them; its text is the clerk's.
    fn decision(&self, d: &Decision) -> Decision {
        let mut d = d.clone();
        d.moved_by = self.field(&d.moved_by);
        d.seconded_by = self.field(&d.seconded_by);
        if let Some(v) = &mut d.vote {
            for n in &mut v.named {
                n.name = self.field(&n.name);
            }
        }
        d
    }

    /// `field` with each withheld name in it given by role instead.
    fn field(&self, field: &str) -> String {
        self.withheld
            .iter()
            .fold(field.to_string(), |text, (name, role)| {
                replace_word(&text, name, role)
            })
    }
}

/// `text` with every occurrence of `word` that is not part of a longer word replaced.
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    for (at, _) in text.match_indices(word) {
        let end = at + word.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        out.push_str(&text[rest..at]);
        out.push_str(with);
        rest = end;
    }
    out.push_str(&text[rest..]);
    out
}

impl PublicMeeting {
    /// Copies what may be published from `m`; `origins` says where its actions were
    /// raised, as the archive stands now; `board` is its board's record, which says
    /// whether young people are named (`None`: it could not be read, so they are not).
    pub fn of(m: &Meeting, origins: &Origins, board: Option<&Board>) -> PublicMeeting {
        let naming = Naming::new(m, board);
        let walked = agenda::walk(&m.agenda);
        let exempt: BTreeSet<ItemId> = walked
            .iter()
            .filter(|w| w.is_exempt())
            .map(|w| w.item.id)
            .collect();
        let number_of = |id: ItemId| -> Option<String> {
            walked
                .iter()
                .find(|w| w.item.id == id)
                .map(|w| w.number.to_string())
        };

        let items = walked
            .iter()
            .filter_map(|w| {
                let (number, item) = (&w.number, w.item);
                if w.is_inside_exempt() {
                    // Inside Part B business: not even the title is published, even
                    // where the sub-item is marked exempt itself.
                    return None;
                }
                let business = match &item.exempt {
                    Some(e) => Business::Exempt {
                        reason: e.reason.clone(),
                    },
                    None => Business::Open(OpenItem {
                        kind: item.kind,
                        presenter: naming.field(&item.presenter),
                        minutes_allotted: item.minutes_allotted,
                        principles: item.principles.clone(),
                        status: item.status,
                        started_at: item.started_at,
                        ended_at: item.ended_at,
                        decisions: item.decisions.iter().map(|d| naming.decision(d)).collect(),
                        minutes: item.minutes.clone(),
                    }),
                };
                Some(PublicItem {
                    number: number.to_string(),
                    minute: item.minute.clone(),
                    title: item.title.clone(),
                    business,
                })
            })
            .collect();

        let actions = m
            .actions
            .iter()
            // A withdrawn action was raised by mistake: it is kept in the clerk's record,
            // but never published as an action of the board.
            .filter(|a| !origins.part_b(m, a) && a.status != ActionStatus::Withdrawn)
            .map(|a| PublicAction {
                id: a.id.clone(),
                text: a.text.clone(),
                owner: naming.field(&a.owner),
                set_by: naming.field(&a.set_by),
                due: a.due,
                raised_at: a.raised.meeting.clone(),
                raised_under: a.raised.item_title.clone(),
                status: a.status,
                overdue: a.is_overdue(
                    m.date,
                    crate::model::action::next_meeting_by(m, &a.raised.meeting),
                ),
                history: a.history.iter().map(public_update).collect(),
            })
            .collect();

        let errata = m
            .errata
            .iter()
            .filter(|e| e.item.is_none_or(|i| !exempt.contains(&i)))
            .map(|e| PublicErratum {
                date: e.date,
                item: e.item.and_then(number_of),
                text: e.text.clone(),
                agreed_at: e.agreed_at.clone(),
            })
            .collect();

        let declarations = m
            .declarations
            .iter()
            .filter(|d| !exempt.contains(&d.item))
            .filter_map(|d| {
                Some(PublicDeclaration {
                    member: naming.field(&d.member),
                    item: number_of(d.item)?,
                    kind: d.kind,
                    nature: d.nature.clone(),
                    left_room: d.left_room,
                })
            })
            .collect();
        let exclusion = exclusion::of(m).and_then(|x| {
            Some(PublicExclusion {
                minute: x.minute,
                before: number_of(x.before)?,
                items: x.items.into_iter().filter_map(number_of).collect(),
                paragraphs: x.paragraphs,
            })
        });
        let chair = crate::model::attendance::in_the_chair(
            &m.attendance,
            board.and_then(|b| b.chair()).map(|c| c.name.as_str()),
            board.and_then(|b| b.vice_chair()).map(|c| c.name.as_str()),
        )
        .map(|a| a.name.clone());

        let target = m.standing.iha_target;
        PublicMeeting {
            id: m.id.clone(),
            board: m.board.name.clone(),
            board_id: m.board.id.clone(),
            council: board.map_or_else(String::new, |b| b.council.clone()),
            contact_officer: board.map_or_else(String::new, |b| naming.field(&b.clerk)),
            contact: board.map_or_else(String::new, |b| b.contact.clone()),
            title: m.title.clone(),
            date: m.date,
            start_time: m.start_time,
            venue: m.venue.clone(),
            status: m.status,
            began_at: m.began_at,
            ended_at: m.ended_at,
            agenda_published: m.agenda_published,
            item_times: board.is_some_and(|b| b.item_times_in_minutes),
            declarations_at: super::view::declarations_item(&m.agenda),
            previous: m.previous.clone(),
            planned_minutes: super::allotted_minutes(&m.agenda),
            quorum: m.quorum().describe(),
            attendance: m
                .attendance
                .iter()
                .map(|a| PublicPerson {
                    name: naming.person(a),
                    role: a.role,
                    position: a.position.clone(),
                    status: a.status,
                    chair: chair.as_deref() == Some(a.name.as_str()),
                })
                .collect(),
            declarations,
            exclusion,
            iha: m.standing.iha.as_ref().map(|f| PublicIha {
                target,
                figures: f.clone(),
                rate: f.rate(),
                rate_text: rate_text(f.rate(), target),
                status: f.status(target),
                status_words: f.status(target).words().to_string(),
            }),
            figures: m.standing.figures.clone(),
            agenda: items,
            actions,
            approval: m.approval.clone().map(|a| Approval {
                approved_by: naming.field(&a.approved_by),
                ..a
            }),
            errata,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::approval::Erratum;
    use crate::model::{
        ActionItem, AgendaItem, Attendance, Exemption, IhaFigures, ItemKind, MeetingBoard,
        RaisedIn, Standing,
    };

    const SECRET: &str = "SECRETxyzzy";

    fn meeting() -> Meeting {
        let id = MeetingId::parse("2026-06-10").unwrap();
        let mut open = AgendaItem::new(ItemId(1), "Welcome", ItemKind::Procedural);
        open.minutes = "Apologies from Cllr B.".into();
        let mut b = AgendaItem::new(ItemId(2), "Placement review", ItemKind::Information);
        b.exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 2".into(),
        });
        b.presenter = format!("{SECRET} presenter");
        b.minutes = format!("{SECRET} minutes");
        b.decisions.push(Decision::new(
            Default::default(),
            format!("{SECRET} decision"),
        ));
        let mut sub = AgendaItem::new(ItemId(3), format!("{SECRET} sub-item"), ItemKind::Report);
        sub.minutes = format!("{SECRET} sub minutes");
        b.sub_items.push(sub);
        let mut person = Attendance::new("Cllr A", Role::Member, "Chair");
        person.note = format!("{SECRET} left before Part B");
        let action = |n: u32, item: u32, exempt: bool| ActionItem {
            id: ActionId::new(&id, n),
            text: format!("action {n} {}", if item == 1 { "open" } else { SECRET }),
            owner: "Head of Service".into(),
            set_by: "Chair".into(),
            due: Due::NextMeeting,
            raised: RaisedIn {
                meeting: id.clone(),
                item: Some(ItemId(item)),
                item_title: String::new(),
                exempt,
            },
            status: ActionStatus::Open,
            history: vec![],
        };
        let mut carried = action(4, 99, true);
        carried.raised.meeting = MeetingId::parse("2026-05-13").unwrap();
        Meeting {
            id: id.clone(),
            board: MeetingBoard {
                id: None,
                name: "Corporate Parenting Board".into(),
                quorum: 1,
            },
            title: "Corporate Parenting Board".into(),
            date: id.date(),
            start_time: None,
            venue: String::new(),
            status: MeetingStatus::Draft,
            minuting: Default::default(),
            began_at: None,
            ended_at: None,
            previous: None,
            attendance: vec![person],
            standing: Standing {
                iha: Some(IhaFigures {
                    period_start: None,
                    period_end: None,
                    entered_care: 14,
                    due: 14,
                    within_20_days: 11,
                    late: 3,
                    outstanding: 0,
                    commentary: "Clinic cancellations.".into(),
                }),
                iha_children: vec![crate::model::iha_children::IhaChild {
                    reference: SECRET.into(),
                    entered_care: id.date(),
                    completed: None,
                }],
                ..Standing::default()
            },
            actions: vec![
                action(1, 1, false),
                action(2, 2, false),
                action(3, 3, false),
                carried,
            ],
            approval: None,
            declarations: Vec::new(),
            exclusion_minute: None,
            calendar_sequence: 0,
            agenda_published: None,
            calendar_uid: None,
            errata: vec![Erratum {
                date: id.date(),
                item: Some(ItemId(3)),
                text: SECRET.into(),
                agreed_at: None,
            }],
            agenda: vec![open, b],
        }
    }

    #[test]
    fn a_young_persons_name_in_a_name_field_is_given_by_role_only_as_a_whole_word() {
        let mut m = meeting();
        m.attendance.push(Attendance::new(
            "Jay",
            Role::YoungPerson,
            "Children in Care Council",
        ));
        m.actions[0].owner = "Jay and Jayne Cole".into();
        let p = PublicMeeting::of(&m, &Origins::default(), None);
        assert_eq!(
            p.attendance[1].name,
            "Young person (Children in Care Council)"
        );
        assert_eq!(
            p.actions[0].owner,
            "Young person (Children in Care Council) and Jayne Cole"
        );
        assert_eq!(p.attendance[0].name, "Cllr A", "adults keep their names");
    }

    #[test]
    fn exempt_items_keep_number_title_and_ground_only() {
        let p = PublicMeeting::of(&meeting(), &Origins::default(), None);
        let json = serde_json::to_string(&p).unwrap();
        assert!(!json.contains(SECRET), "{json}");
        assert_eq!(
            p.agenda.len(),
            2,
            "the exempt item's sub-item is not listed"
        );
        assert_eq!(p.agenda[1].number, "2");
        assert_eq!(p.agenda[1].title, "Placement review");
        assert_eq!(
            p.agenda[1].exempt_reason(),
            Some("Schedule 12A, paragraph 2")
        );
        let ids: Vec<_> = p.actions.iter().map(|a| a.id.0.as_str()).collect();
        assert_eq!(
            ids,
            ["2026-06-10#1"],
            "actions under Part B, however marked, are dropped"
        );
        assert!(p.errata.is_empty());
        assert_eq!(p.iha.as_ref().unwrap().status_words, "BELOW TARGET");
        assert_eq!(p.iha.as_ref().unwrap().rate_text, "78.6%");
        assert!(json.contains(r#""part":"exempt","reason":"Schedule 12A, paragraph 2""#));
    }

    #[test]
    fn a_sub_item_marked_exempt_inside_part_b_is_not_listed_even_by_title() {
        let mut m = meeting();
        m.agenda[1].sub_items[0].exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 1".into(),
        });
        let p = PublicMeeting::of(&m, &Origins::default(), None);
        let json = serde_json::to_string(&p).unwrap();
        assert!(!json.contains(SECRET), "{json}");
        assert_eq!(p.agenda.len(), 2);
    }

    #[test]
    fn withdrawn_actions_and_what_an_edit_changed_from_are_not_published() {
        use crate::model::action::{At, Edit};
        let mut m = meeting();
        let at = || At {
            date: m.date,
            meeting: Some(m.id.clone()),
            by: "jclerk".into(),
        };
        let (a, b) = (at(), at());
        let edit = Edit {
            text: Some("action 1 as corrected".into()),
            ..Edit::default()
        };
        m.actions[0].edit(edit, a).unwrap();
        m.actions.push(m.actions[0].clone());
        m.actions[4].id = ActionId::new(&m.id, 5);
        m.actions[4].withdraw(b, "").unwrap();
        let p = PublicMeeting::of(&m, &Origins::default(), None);
        let ids: Vec<_> = p.actions.iter().map(|a| a.id.0.as_str()).collect();
        assert_eq!(ids, ["2026-06-10#1"], "the withdrawn copy is left out");
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains("action 1 as corrected"), "{json}");
        assert!(json.contains("Edited: text"), "{json}");
        assert!(!json.contains("action 1 open"), "the old text: {json}");
        assert!(!json.contains("jclerk"), "who typed it: {json}");
    }
}
