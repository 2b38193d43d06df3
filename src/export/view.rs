//! What the document renderers draw: one shape for both audiences.
//!
//! A private view is made from the whole [`Meeting`]; a public view only from a
//! [`PublicMeeting`], so a public document can hold nothing the allow-list left out.

use chrono::{NaiveDate, NaiveTime};

use super::Audience;
use super::public::{Business, PublicMeeting};
use crate::model::agenda;
use crate::model::approval::Approval;
use crate::model::reading;
use crate::model::standing::rate_text;
use crate::model::{
    ActionStatus, ActionUpdate, Board, Decision, Due, Figure, InterestKind, ItemKind, ItemRole,
    ItemStatus, Meeting, MeetingStatus, Origins, Presence, Principle, Role, Unit, exclusion,
};

pub struct View {
    pub audience: Audience,
    pub id: String,
    pub board: String,
    /// The board record's id, where the meeting names one.
    pub board_id: Option<String>,
    /// "" where the board's record could not be read.
    pub council: String,
    /// The clerk, and how to reach them: the agenda pack's contact officer.
    pub contact_officer: String,
    pub contact: String,
    pub title: String,
    pub date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub venue: String,
    pub status: MeetingStatus,
    /// When the meeting actually began and ended.
    pub began: Option<NaiveTime>,
    pub ended: Option<NaiveTime>,
    pub agenda_published: Option<NaiveDate>,
    /// The board asks for each item's times in its minutes (otherwise they are the clerk's).
    pub item_times: bool,
    #[allow(dead_code)] // No document names it since the layout of issue 13; the JSON does.
    pub previous: Option<String>,
    /// The meeting's length from the agenda's allotted times.
    pub allotted: Option<u32>,
    pub quorum: String,
    pub people: Vec<Person>,
    /// Every declaration the view holds (item 1's minute lists them all; each item's
    /// own are in [`Item::declarations`] too).
    pub declarations: Vec<DeclarationRow>,
    /// The number of the item whose minute lists every declaration: the apologies and
    /// declarations item, else item 1.
    pub declarations_at: String,
    pub exclusion: Option<ExclusionRow>,
    pub iha: Option<Iha>,
    pub figures: Vec<FigureRow>,
    /// Per-child IHA rows: private views only.
    pub children: Vec<ChildRow>,
    pub items: Vec<Item>,
    pub actions: Vec<Action>,
    pub approval: Option<Approval>,
    pub errata: Vec<ErratumRow>,
}

pub struct Person {
    pub name: String,
    /// In the chair for this meeting.
    pub chair: bool,
    /// Votes on resolutions (private views only say; a public view says false).
    #[allow(dead_code)] // For the procedure checks and the Word export to draw on.
    pub votes: bool,
    pub role: &'static str,
    pub position: String,
    pub presence: &'static str,
    /// The role and presence as values, for grouping the attendance as minutes list it.
    pub class: Role,
    pub attended: Presence,
    pub arrived: Option<NaiveTime>,
    pub note: String,
}

pub struct Iha {
    pub target: f64,
    pub period: Option<(NaiveDate, NaiveDate)>,
    pub entered_care: u32,
    pub due: u32,
    pub within: u32,
    pub late: u32,
    pub outstanding: u32,
    pub rate: String,
    pub status: &'static str,
    pub commentary: String,
}

pub struct FigureRow {
    pub name: String,
    pub value: String,
    pub target: String,
}

pub struct ChildRow {
    pub reference: String,
    pub entered_care: NaiveDate,
    pub completed: Option<NaiveDate>,
}

/// A declaration of interest as the minutes give it.
#[derive(Debug, Clone)]
pub struct DeclarationRow {
    pub member: String,
    /// The item's number and title.
    pub item: String,
    pub item_title: String,
    pub kind: InterestKind,
    pub nature: String,
    pub left_room: bool,
}

/// The exclusion of the press and public, placed before item `before`.
#[derive(Debug, Clone)]
pub struct ExclusionRow {
    pub minute: Option<String>,
    pub before: String,
    /// The resolution: "That under section 100A(4) …".
    pub text: String,
}

pub struct Item {
    pub number: String,
    /// The minute's reference ("CPB/26/45"), once the draft is numbered.
    pub minute: Option<String>,
    pub depth: usize,
    pub title: String,
    /// The stated ground, for Part B business.
    pub exempt: Option<String>,
    /// None where the view does not say (a public view of an exempt item).
    pub kind: Option<ItemKind>,
    pub presenter: String,
    pub allotted: Option<u32>,
    pub status: Option<ItemStatus>,
    pub started: Option<NaiveTime>,
    pub ended: Option<NaiveTime>,
    pub principles: Vec<Principle>,
    pub decisions: Vec<Decision>,
    /// Declarations of interest made for this item.
    pub declarations: Vec<DeclarationRow>,
    pub minutes: String,
}

pub struct Action {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub set_by: String,
    pub due: Due,
    pub raised_at: String,
    pub raised_under: String,
    pub status: ActionStatus,
    pub overdue: bool,
    /// Raised under Part B business (private views only ever hold these).
    pub exempt: bool,
    pub history: Vec<ActionUpdate>,
}

impl Action {
    /// Its status in words ("open, OVERDUE") and where it was raised, by whom.
    pub fn facts(&self) -> (String, String) {
        let mut status = self.status.label().to_string();
        if self.overdue {
            status.push_str(&format!(", {}", crate::words::OVERDUE));
        }
        if self.exempt {
            status.push_str(&format!(", {}", crate::words::PART_B_BANNER));
        }
        let mut raised = self.raised_at.clone();
        if !self.raised_under.is_empty() {
            raised.push_str(&format!(" under {}", self.raised_under));
        }
        if !self.set_by.is_empty() {
            raised.push_str(&format!(", set by {}", self.set_by));
        }
        (status, raised)
    }
}

pub struct ErratumRow {
    pub date: NaiveDate,
    pub item: Option<String>,
    pub text: String,
    pub agreed_at: Option<String>,
}

impl ErratumRow {
    /// "ERRATUM recorded 11 Nov 2026, agreed at meeting 2026-11-11: For … read …".
    pub fn line(&self) -> String {
        crate::words::erratum_line(self.date, self.agreed_at.as_deref(), &self.text)
    }

    /// The line where it is not beside its item: "Item 3: ERRATUM recorded …".
    pub fn listed(&self) -> String {
        match &self.item {
            Some(n) => format!("Item {n}: {}", self.line()),
            None => self.line(),
        }
    }
}

fn figure_row(f: &Figure) -> FigureRow {
    let show = |v: f64| match f.unit {
        Unit::Count => format!("{v}"),
        Unit::Percent => format!("{v}%"),
    };
    FigureRow {
        name: f.name.clone(),
        value: f.value.map_or_else(|| "not reported".to_string(), show),
        target: f.target.map(show).unwrap_or_default(),
    }
}

impl View {
    /// The clerk's full record: everything, exempt business included and marked;
    /// `origins` says which carried actions are Part B; `board` is the board's record as
    /// read now (council, clerk, who chairs), `None` where it could not be read.
    pub fn private(m: &Meeting, origins: &Origins, board: Option<&Board>) -> View {
        let target = m.standing.iha_target;
        let number_of = |id| agenda::number_of(&m.agenda, id).map(|n| n.to_string());
        let declarations: Vec<DeclarationRow> = m
            .declarations
            .iter()
            .filter_map(|d| {
                Some(DeclarationRow {
                    member: d.member.clone(),
                    item: number_of(d.item)?,
                    item_title: m.item(d.item)?.title.clone(),
                    kind: d.kind,
                    nature: d.nature.clone(),
                    left_room: d.left_room,
                })
            })
            .collect();
        let chair = crate::model::attendance::in_the_chair(
            &m.attendance,
            board.and_then(|b| b.chair()).map(|c| c.name.as_str()),
            board.and_then(|b| b.vice_chair()).map(|c| c.name.as_str()),
        )
        .map(|a| a.name.clone());
        View {
            audience: Audience::Private,
            id: m.id.to_string(),
            board: m.board.name.clone(),
            board_id: m.board.id.as_ref().map(|b| b.as_str().to_string()),
            council: board.map_or_else(String::new, |b| b.council.clone()),
            contact_officer: board.map_or_else(String::new, |b| b.clerk.clone()),
            contact: board.map_or_else(String::new, |b| b.contact.clone()),
            title: m.title.clone(),
            date: m.date,
            start_time: m.start_time,
            venue: m.venue.clone(),
            status: m.status,
            began: m.began_at,
            ended: m.ended_at,
            agenda_published: m.agenda_published,
            item_times: board.is_some_and(|b| b.item_times_in_minutes),
            declarations_at: declarations_item(&m.agenda),
            exclusion: exclusion::of(m).and_then(|x| {
                Some(ExclusionRow {
                    minute: x.minute.map(|r| r.0),
                    before: number_of(x.before)?,
                    text: exclusion::resolution(&x.paragraphs, x.items.len()),
                })
            }),
            previous: m.previous.as_ref().map(|p| p.to_string()),
            allotted: super::allotted_minutes(&m.agenda),
            quorum: m.quorum().describe(),
            people: m
                .attendance
                .iter()
                .map(|a| Person {
                    name: a.name.clone(),
                    chair: chair.as_deref() == Some(a.name.as_str()),
                    votes: a.votes(),
                    role: a.role.label(),
                    position: a.position.clone(),
                    presence: a.status.label(),
                    class: a.role,
                    attended: a.status,
                    arrived: a.arrived_at,
                    note: a.note.clone(),
                })
                .collect(),
            iha: m.standing.iha.as_ref().map(|f| Iha {
                target,
                period: f.period_start.zip(f.period_end),
                entered_care: f.entered_care,
                due: f.due,
                within: f.within_20_days,
                late: f.late,
                outstanding: f.outstanding,
                rate: rate_text(f.rate(), target),
                status: f.status(target).words(),
                commentary: f.commentary.clone(),
            }),
            figures: m.standing.figures.iter().map(figure_row).collect(),
            children: m
                .standing
                .iha_children
                .iter()
                .map(|c| ChildRow {
                    reference: c.reference.clone(),
                    entered_care: c.entered_care,
                    completed: c.completed,
                })
                .collect(),
            items: agenda::walk(&m.agenda)
                .into_iter()
                .map(|w| (w.depth(), w.number.to_string(), w.item, w.ground))
                .map(|(depth, number, i, ground)| Item {
                    declarations: declarations
                        .iter()
                        .filter(|d| d.item == number)
                        .cloned()
                        .collect(),
                    minute: i.minute.as_ref().map(|r| r.0.clone()),
                    depth,
                    number,
                    title: i.title.clone(),
                    // Sub-items of Part B business are Part B too, and say so.
                    exempt: ground.map(|e| e.reason.clone()),
                    kind: Some(i.kind),
                    presenter: i.presenter.clone(),
                    allotted: i.minutes_allotted,
                    status: Some(i.status),
                    started: i.started_at,
                    ended: i.ended_at,
                    principles: i.principles.iter().copied().collect(),
                    decisions: i.decisions.clone(),
                    // Each decision once: from its record, not again from the text.
                    minutes: reading::narrative(i),
                })
                .collect(),
            declarations,
            actions: m
                .actions
                .iter()
                .map(|a| Action {
                    id: a.id.to_string(),
                    text: a.text.clone(),
                    owner: a.owner.clone(),
                    set_by: a.set_by.clone(),
                    due: a.due,
                    raised_at: a.raised.meeting.to_string(),
                    raised_under: a.raised.item_title.clone(),
                    status: a.status,
                    overdue: a.is_overdue(
                        m.date,
                        crate::model::action::next_meeting_by(m, &a.raised.meeting),
                    ),
                    exempt: origins.part_b(m, a),
                    history: a.history.clone(),
                })
                .collect(),
            approval: m.approval.clone(),
            errata: m
                .errata
                .iter()
                .map(|e| ErratumRow {
                    date: e.date,
                    item: e
                        .item
                        .and_then(|i| agenda::number_of(&m.agenda, i))
                        .map(|n| n.to_string()),
                    text: e.text.clone(),
                    agreed_at: e.agreed_at.as_ref().map(|a| a.to_string()),
                })
                .collect(),
        }
    }

    /// What may be published, made from the allow-list and nothing else.
    pub fn public(p: &PublicMeeting) -> View {
        let title_of = |number: &str| {
            p.agenda
                .iter()
                .find(|i| i.number == number)
                .map_or_else(String::new, |i| i.title.clone())
        };
        let declarations: Vec<DeclarationRow> = p
            .declarations
            .iter()
            .map(|d| DeclarationRow {
                member: d.member.clone(),
                item: d.item.clone(),
                item_title: title_of(&d.item),
                kind: d.kind,
                nature: d.nature.clone(),
                left_room: d.left_room,
            })
            .collect();
        View {
            audience: Audience::Public,
            id: p.id.to_string(),
            board: p.board.clone(),
            board_id: p.board_id.as_ref().map(|b| b.as_str().to_string()),
            council: p.council.clone(),
            contact_officer: p.contact_officer.clone(),
            contact: p.contact.clone(),
            title: p.title.clone(),
            date: p.date,
            start_time: p.start_time,
            venue: p.venue.clone(),
            status: p.status,
            began: p.began_at,
            ended: p.ended_at,
            agenda_published: p.agenda_published,
            item_times: p.item_times,
            declarations_at: p.declarations_at.clone(),
            exclusion: p.exclusion.as_ref().map(|x| ExclusionRow {
                minute: x.minute.as_ref().map(|r| r.0.clone()),
                before: x.before.clone(),
                text: exclusion::resolution(&x.paragraphs, x.items.len()),
            }),
            previous: p.previous.as_ref().map(|x| x.to_string()),
            allotted: p.planned_minutes,
            quorum: p.quorum.clone(),
            people: p
                .attendance
                .iter()
                .map(|a| Person {
                    name: a.name.clone(),
                    chair: a.chair,
                    votes: false,
                    role: a.role.label(),
                    position: a.position.clone(),
                    presence: a.status.label(),
                    class: a.role,
                    attended: a.status,
                    arrived: None,
                    note: String::new(),
                })
                .collect(),
            iha: p.iha.as_ref().map(|i| Iha {
                target: i.target,
                period: i.figures.period_start.zip(i.figures.period_end),
                entered_care: i.figures.entered_care,
                due: i.figures.due,
                within: i.figures.within_20_days,
                late: i.figures.late,
                outstanding: i.figures.outstanding,
                rate: i.rate_text.clone(),
                status: i.status.words(),
                commentary: i.figures.commentary.clone(),
            }),
            figures: p.figures.iter().map(figure_row).collect(),
            children: Vec::new(),
            items: p
                .agenda
                .iter()
                .map(|i| match &i.business {
                    Business::Open(o) => Item {
                        declarations: declarations
                            .iter()
                            .filter(|d| d.item == i.number)
                            .cloned()
                            .collect(),
                        minute: i.minute.as_ref().map(|r| r.0.clone()),
                        number: i.number.clone(),
                        depth: i.depth(),
                        title: i.title.clone(),
                        exempt: None,
                        kind: Some(o.kind),
                        presenter: o.presenter.clone(),
                        allotted: o.minutes_allotted,
                        status: Some(o.status),
                        started: o.started_at,
                        ended: o.ended_at,
                        principles: o.principles.iter().copied().collect(),
                        decisions: o.decisions.clone(),
                        minutes: reading::without_inline_decisions(&o.minutes, &o.decisions),
                    },
                    Business::Exempt { reason } => Item {
                        declarations: Vec::new(),
                        minute: i.minute.as_ref().map(|r| r.0.clone()),
                        number: i.number.clone(),
                        depth: i.depth(),
                        title: i.title.clone(),
                        exempt: Some(reason.clone()),
                        kind: None,
                        presenter: String::new(),
                        allotted: None,
                        status: None,
                        started: None,
                        ended: None,
                        principles: Vec::new(),
                        decisions: Vec::new(),
                        minutes: String::new(),
                    },
                })
                .collect(),
            declarations,
            actions: p
                .actions
                .iter()
                .map(|a| Action {
                    id: a.id.to_string(),
                    text: a.text.clone(),
                    owner: a.owner.clone(),
                    set_by: a.set_by.clone(),
                    due: a.due,
                    raised_at: a.raised_at.to_string(),
                    raised_under: a.raised_under.clone(),
                    status: a.status,
                    overdue: a.overdue,
                    exempt: false,
                    history: a.history.clone(),
                })
                .collect(),
            approval: p.approval.clone(),
            errata: p
                .errata
                .iter()
                .map(|e| ErratumRow {
                    date: e.date,
                    item: e.item.clone(),
                    text: e.text.clone(),
                    agreed_at: e.agreed_at.as_ref().map(|a| a.to_string()),
                })
                .collect(),
        }
    }

    pub fn is_public(&self) -> bool {
        self.audience == Audience::Public
    }

    /// The per-child IHA rows as a table: its header and rows (a public view has none).
    pub fn children_table(&self) -> ([&'static str; 3], Vec<Vec<String>>) {
        let rows = self
            .children
            .iter()
            .map(|c| {
                vec![
                    c.reference.clone(),
                    c.entered_care.to_string(),
                    c.completed.map(|d| d.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        (["Reference", "Came into care", "IHA completed"], rows)
    }

    /// The errata beside item `number`; `None`: those to the minutes as a whole, and any
    /// whose item is no longer on the agenda, so that none goes unshown.
    pub fn errata_for(&self, number: Option<&str>) -> impl Iterator<Item = &ErratumRow> {
        let placed = |n: &str| self.items.iter().any(|i| i.number == n);
        self.errata
            .iter()
            .filter(move |e| match (number, e.item.as_deref()) {
                (Some(want), Some(n)) => want == n,
                (Some(_), None) => false,
                (None, Some(n)) => !placed(n),
                (None, None) => true,
            })
    }

    /// A public record's note, where it has exempt items, on why their minutes are
    /// missing (the full record says what it is in its page marks, [`View::marks`]).
    pub fn banner(&self) -> Option<String> {
        (self.is_public() && self.has_exempt_business()).then(|| {
            "Items marked exempt were taken with the press and public excluded; their \
             reports and minutes are not published."
                .to_string()
        })
    }

    /// How an exempt item is marked: its ground, and in the private record a warning.
    pub fn exempt_mark(&self, reason: &str) -> String {
        if self.is_public() {
            format!("Exempt: {reason}")
        } else {
            format!(
                "{}: {reason}. Not for publication.",
                crate::words::PART_B_BANNER
            )
        }
    }

    pub fn has_exempt_business(&self) -> bool {
        self.items.iter().any(|i| i.exempt.is_some())
    }

    /// Whether the meeting has been held, so that minutes exist.
    pub fn held(&self) -> bool {
        self.status != MeetingStatus::Planned
    }

    /// "Wednesday 10 June 2026, 14:00, Committee Room 1".
    pub fn when_and_where(&self) -> String {
        let mut s = crate::words::long_date(self.date);
        if let Some(t) = self.start_time {
            s.push_str(&format!(", {}", crate::words::time(t)));
        }
        if !self.venue.is_empty() {
            s.push_str(&format!(", {}", self.venue));
        }
        s
    }

    /// The heading of the document: the board, then the title if it says more.
    pub fn heading(&self) -> String {
        heading(&self.board, &self.title)
    }
}

/// "Board: title", or the title alone when it already names the board.
pub fn heading(board: &str, title: &str) -> String {
    if board.is_empty() || title.contains(board) {
        title.to_string()
    } else if title.is_empty() {
        board.to_string()
    } else {
        format!("{board}: {title}")
    }
}

// ------------------------------------------------------------------ The council layout
//
// The words every council-style document shares (Markdown, text, HTML, Word), so that
// each format reads the same minutes. prose.rs's opening comment gives the section order.

/// The number of the item whose minute lists the declarations of interest: the
/// apologies and declarations item, else item 1.
pub fn declarations_item(items: &[crate::model::AgendaItem]) -> String {
    agenda::walk(items)
        .into_iter()
        .find(|w| w.item.role == Some(ItemRole::Apologies))
        .map_or_else(|| "1".to_string(), |w| w.number.to_string())
}

/// One block of record text: a paragraph, or a run of "- " lines as a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Para(String),
    List(Vec<String>),
}

/// Record text as blocks. Enter ends a paragraph in the editor, so every line is a
/// paragraph of its own; blank lines make nothing; a run of "- " lines is a list.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match (line.strip_prefix("- "), out.last_mut()) {
            (Some(entry), Some(Block::List(list))) => list.push(entry.trim().to_string()),
            (Some(entry), _) => out.push(Block::List(vec![entry.trim().to_string()])),
            (None, _) => out.push(Block::Para(line.to_string())),
        }
    }
    out
}

/// A decision as its minute gives it: "RESOLVED – That …", then who moved and seconded
/// it and how the vote went, each a line of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// "RESOLVED" or "DECISION".
    pub word: &'static str,
    /// The text, its first letter a capital ("That …").
    pub text: String,
    /// "Moved by …, seconded by …", the vote line, and a recorded vote's names.
    pub procedure: Vec<String>,
}

impl Resolved {
    /// "RESOLVED – That …".
    pub fn lead(&self) -> String {
        format!("{} – {}", self.word, self.text)
    }
}

pub fn resolved(d: &Decision) -> Resolved {
    use crate::model::resolution::{Cast, VoteResult};
    let mut procedure = Vec::new();
    match (d.moved_by.trim(), d.seconded_by.trim()) {
        ("", "") => {}
        (m, "") => procedure.push(format!("Moved by {m}.")),
        ("", s) => procedure.push(format!("Seconded by {s}.")),
        (m, s) => procedure.push(format!("Moved by {m}, seconded by {s}.")),
    }
    if let Some(v) = &d.vote {
        let result = match v.result {
            VoteResult::Carried => "CARRIED",
            VoteResult::Lost => "LOST",
        };
        let casting = if v.casting_vote {
            " on the Chair's casting vote"
        } else {
            ""
        };
        procedure.push(format!(
            "For {}, Against {}, Abstentions {}: {result}{casting}",
            v.in_favour, v.against, v.abstained
        ));
        for (cast, label) in [
            (Cast::For, "For"),
            (Cast::Against, "Against"),
            (Cast::Abstain, "Abstained"),
        ] {
            let names: Vec<&str> = v
                .named
                .iter()
                .filter(|n| n.cast == cast)
                .map(|n| n.name.as_str())
                .collect();
            if !names.is_empty() {
                procedure.push(format!("{label}: {}", names.join(", ")));
            }
        }
    }
    Resolved {
        word: crate::words::decision_word(d.kind),
        text: crate::words::capitalise(d.text.trim()),
        procedure,
    }
}

/// A minute's heading: "CPB/26/45  Initial Health Assessment timeliness" under its
/// reference, else "4.1. Initial Health Assessment timeliness" under its item number.
pub fn item_heading(item: &Item) -> String {
    match &item.minute {
        Some(r) => format!("{r}  {}", item.title),
        None => format!("{}. {}", item.number, item.title),
    }
}

/// "Presented by: Designated Nurse for Looked After Children", where the item says.
pub fn presented_by(item: &Item) -> Option<String> {
    let who = item.presenter.trim();
    (!who.is_empty()).then(|| format!("Presented by: {who}"))
}

impl View {
    /// The marks every page carries: "NOT FOR PUBLICATION – exempt information" on the
    /// full record, "DRAFT – subject to approval" on minutes not yet approved.
    pub fn marks(&self, scope: super::Scope) -> Vec<&'static str> {
        let mut marks = Vec::new();
        if !self.is_public() {
            marks.push(
                if self.has_exempt_business() || self.actions.iter().any(|a| a.exempt) {
                    crate::words::NOT_FOR_PUBLICATION_EXEMPT
                } else {
                    crate::words::NOT_FOR_PUBLICATION
                },
            );
        }
        if scope == super::Scope::Full && self.status != MeetingStatus::Approved {
            marks.push(crate::words::DRAFT_MARK);
        }
        marks
    }

    /// "held at Committee Room 1 on Wednesday 10 June 2026 at 14:00".
    fn held_at(&self) -> String {
        let mut s = String::new();
        if !self.venue.trim().is_empty() {
            s.push_str(&format!(" at {}", self.venue.trim()));
        }
        s.push_str(&format!(" on {}", crate::words::long_date(self.date)));
        if let Some(t) = self.start_time {
            s.push_str(&format!(" at {}", crate::words::time(t)));
        }
        s
    }

    /// "Minutes of a meeting of the Corporate Parenting Board held at … on … at …".
    pub fn minutes_of(&self) -> String {
        format!(
            "Minutes of a meeting of the {} held{}.",
            self.board_name(),
            self.held_at()
        )
    }

    /// "You are summoned to attend a meeting of the … to be held at … on … at … to
    /// transact the business set out below."
    pub fn summons(&self) -> String {
        format!(
            "You are summoned to attend a meeting of the {} to be held{} to transact the \
             business set out below.",
            self.board_name(),
            self.held_at()
        )
    }

    fn board_name(&self) -> &str {
        let b = self.board.trim();
        b.strip_prefix("The ").unwrap_or(b)
    }

    /// "The meeting began at 14:02 and ended at 16:11."
    pub fn began_and_ended(&self) -> Option<String> {
        let t = crate::words::time;
        match (self.began, self.ended) {
            (Some(a), Some(b)) => Some(format!(
                "The meeting began at {} and ended at {}.",
                t(a),
                t(b)
            )),
            (Some(a), None) => Some(format!("The meeting began at {}.", t(a))),
            (None, _) => None,
        }
    }

    /// "Date of publication: Tuesday 1 December 2026".
    pub fn published_line(&self) -> Option<String> {
        self.agenda_published
            .map(|d| format!("Date of publication: {}", crate::words::long_date(d)))
    }

    /// "Contact officer: Leanne Ford, 01632 960000".
    pub fn contact_line(&self) -> Option<String> {
        let parts: Vec<&str> = [self.contact_officer.trim(), self.contact.trim()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        (!parts.is_empty()).then(|| format!("Contact officer: {}", parts.join(", ")))
    }

    /// The attendance as minutes list it: Present (members, the chair marked), Apologies,
    /// Also present (young people, partners, others), Officers, Absent; empty lists left out.
    pub fn attendance_lists(&self) -> Vec<(&'static str, Vec<String>)> {
        let who = |p: &Person| {
            let mut s = p.name.clone();
            let position = p.position.trim();
            if p.chair {
                s.push_str(" (Chair)");
            } else if p.class != Role::Member && !position.is_empty() && !s.contains(position) {
                s.push_str(&format!(" ({position})"));
            }
            s
        };
        let list = |keep: &dyn Fn(&Person) -> bool| -> Vec<String> {
            self.people.iter().filter(|p| keep(p)).map(who).collect()
        };
        let present = |p: &Person| p.attended == Presence::Present;
        let lists = vec![
            ("Present", list(&|p| present(p) && p.class == Role::Member)),
            ("Apologies", list(&|p| p.attended == Presence::Apologies)),
            (
                "Also present",
                list(&|p| present(p) && !matches!(p.class, Role::Member | Role::Officer)),
            ),
            (
                "Officers",
                list(&|p| present(p) && p.class == Role::Officer),
            ),
            ("Absent", list(&|p| p.attended == Presence::Absent)),
        ];
        lists.into_iter().filter(|(_, l)| !l.is_empty()).collect()
    }

    /// The full record's notes on attendance: who arrived after the meeting began, and
    /// the clerk's notes ("left before Part B"). A public view holds neither.
    pub fn attendance_notes(&self) -> Vec<String> {
        let began = self.began.or(self.start_time);
        self.people
            .iter()
            .flat_map(|p| {
                let late = p.arrived.filter(|a| began.is_some_and(|b| a > &b));
                let arrived =
                    late.map(|a| format!("{} arrived at {}.", p.name, crate::words::time(a)));
                let note = match p.note.trim() {
                    "" => None,
                    n => Some(format!("{}: {n}", p.name)),
                };
                arrived.into_iter().chain(note)
            })
            .collect()
    }

    /// "Cllr X declared an other registrable interest in minute CPB/26/47 (her daughter
    /// is a foster carer) and left the room for that item."
    pub fn declaration_line(&self, d: &DeclarationRow) -> String {
        let minute_of = |number: &str| {
            self.items
                .iter()
                .find(|i| i.number == number)
                .and_then(|i| i.minute.clone())
        };
        // A sub-item without a reference of its own is cited within its section's minute.
        let section = d.item.split('.').next().unwrap_or(&d.item);
        let place = match (minute_of(&d.item), minute_of(section)) {
            (Some(r), _) => format!("minute {r}"),
            (None, Some(r)) => format!("item {} of minute {r}", d.item),
            (None, None) if d.item_title.is_empty() => format!("item {}", d.item),
            (None, None) => format!("item {}, {}", d.item, d.item_title),
        };
        let nature = match d.nature.trim() {
            "" => String::new(),
            n => format!(" ({n})"),
        };
        let left = if d.left_room {
            " and left the room for that item"
        } else {
            ""
        };
        format!(
            "{} declared {} in {place}{nature}{left}.",
            d.member,
            d.kind.words()
        )
    }

    /// The declarations `item`'s minute gives: all of them in the declarations item,
    /// its own elsewhere.
    pub fn declarations_in<'a>(&'a self, item: &'a Item) -> &'a [DeclarationRow] {
        if item.number == self.declarations_at {
            &self.declarations
        } else {
            &item.declarations
        }
    }

    /// The exclusion of the press and public, where it falls just before `item`.
    pub fn exclusion_before(&self, item: &Item) -> Option<&ExclusionRow> {
        self.exclusion.as_ref().filter(|x| x.before == item.number)
    }

    /// "(14:26–14:40)", where the board asks for each item's times in its minutes.
    pub fn item_times_of(&self, item: &Item) -> Option<String> {
        let t = crate::words::time;
        if !self.item_times {
            return None;
        }
        Some(format!("{}–{}", t(item.started?), t(item.ended?)))
    }

    /// The items of an agenda pack: Part A (open business) then Part B (exempt), each in
    /// agenda order.
    pub fn agenda_parts(&self) -> (Vec<&Item>, Vec<&Item>) {
        self.items.iter().partition(|i| i.exempt.is_none())
    }
}
