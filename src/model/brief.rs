//! The item in hand: everything the chair needs as an item comes up, in one value, so the
//! clerk's Agenda, the chair's own screen and a projector all show the same facts. Pure:
//! built from the meeting, the board's last meeting and the figures' history.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::agenda::{
    self, AgendaItem, Decision, Exemption, ItemKind, ItemStatus, Principle, Walked,
};
use super::attendance::Quorum;
use super::declarations::Declaration;
use super::ids::{ItemId, MeetingId};
use super::meeting::Meeting;
use super::minute_numbers::MinuteRef;
use super::running;

mod actions;
mod figure;
mod past;
mod room;
mod timing;

/// Who is looking: the clerk's or chair's own screen, or one the public can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Veil {
    /// A private screen: everything, Part B included.
    #[default]
    Private,
    /// A shared screen or projector: exempt business shows by title only until the public
    /// has been excluded (the running order is in the exempt business).
    UntilExcluded,
}

/// Earlier values of the board's standing figures, oldest first, with their meetings'
/// dates: the IHA rate (a percentage) and every other figure by its key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub iha: Vec<(NaiveDate, f64)>,
    pub figures: Vec<(String, Vec<(NaiveDate, f64)>)>,
    /// Every earlier meeting of the board, oldest first, figures or not: when an action
    /// due "by the next meeting" fell due is the date of the one after it was raised.
    pub meetings: Vec<(NaiveDate, MeetingId)>,
}

impl History {
    /// The earlier values of figure `key` ("iha" for the IHA rate).
    pub fn of(&self, key: &str) -> &[(NaiveDate, f64)] {
        if key == "iha" {
            return &self.iha;
        }
        self.figures
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&[], |(_, v)| v.as_slice())
    }
}

/// What a brief is made from besides the meeting itself.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The board's last meeting before this one, read in full, if there is one.
    pub last: Option<&'a Meeting>,
    pub history: &'a History,
    /// The clock: elapsed times, overruns and who is in the room are judged by it (overdue
    /// actions, as the Actions tab judges them, by the meeting's date).
    pub now: NaiveDateTime,
    pub veil: Veil,
}

/// Everything about one item the chair wants in front of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub item: ItemId,
    /// "4.1".
    pub number: String,
    pub title: String,
    pub kind: ItemKind,
    pub minute: Option<MinuteRef>,
    /// On a public screen before the exclusion, an exempt item shows its number and title
    /// only (as the public agenda does): every other field is empty.
    pub veiled: bool,
    /// The Part B ground: the item's own, or the section's it is in.
    pub exempt: Option<Exemption>,
    pub presenter: String,
    pub principles: Vec<Principle>,
    pub timing: Timing,
    /// The next item to be taken after this one, if any.
    pub next: Option<NextItem>,
    /// For a standing item: its figure now, last time, against its target.
    pub figure: Option<FigureBrief>,
    /// Open actions raised under this item at earlier meetings, or due back at this one;
    /// overdue first.
    pub actions: Vec<ActionBrief>,
    /// Decided under this item at this meeting so far.
    pub decided: Vec<Decision>,
    /// The same item at the board's last meeting.
    pub last_time: Option<LastTime>,
    /// Interests declared for this item.
    pub declarations: Vec<Declaration>,
    /// Members out of the room for this item (a declaration said they left it).
    pub out_of_room: Vec<String>,
    /// The quorum as it stands now, counting only voting members in the room for this item.
    pub quorum: Quorum,
    /// Before this exempt item the press and public must be excluded (the running order
    /// has not yet reached exempt business).
    pub exclusion: Option<ExclusionDue>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timing {
    pub status: ItemStatus,
    pub started: Option<NaiveTime>,
    pub ended: Option<NaiveTime>,
    /// Time on this item so far (current) or taken (done).
    pub elapsed: Option<Duration>,
    pub allowance: Option<Duration>,
    pub overrun: Option<Duration>,
    /// How far the meeting runs behind its agenda's plan counted from when it began
    /// (negative: ahead of it).
    pub behind_plan: Option<Duration>,
    pub forecast_end: Option<NaiveTime>,
    pub planned_end: Option<NaiveTime>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextItem {
    pub number: String,
    pub title: String,
    pub exempt: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FigureBrief {
    /// "iha" or the figure's key.
    pub key: String,
    pub name: String,
    /// This meeting's value, as shown ("72%", "14").
    pub now: Option<String>,
    /// The last meeting's value that reported it, with its date.
    pub last: Option<(NaiveDate, String)>,
    pub target: Option<String>,
    /// In words: "below target", "on target", "no figures yet".
    pub status: String,
    /// Whether the status is good, bad or neither (a second signal to the words).
    pub verdict: Verdict,
    /// "down 4 points", in words.
    pub change: Option<String>,
    /// Up to twelve values, oldest first, this meeting's last if reported.
    pub trend: Vec<f64>,
    /// More about the figure: the IHA counts, the commentary.
    pub detail: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Good,
    Bad,
    Neither,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionBrief {
    pub text: String,
    pub owner: String,
    /// "due 9 Dec 2026 (next meeting)".
    pub due: String,
    pub overdue: bool,
    /// Due back at this meeting.
    pub due_here: bool,
    /// "raised 14 Oct 2026 under 4.1".
    pub raised: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastTime {
    pub meeting: MeetingId,
    pub date: NaiveDate,
    pub minute: Option<MinuteRef>,
    /// The decisions in full.
    pub decisions: Vec<Decision>,
    /// The minutes' first lines.
    pub first_lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExclusionDue {
    /// The Schedule 12A paragraphs cited.
    pub paragraphs: Vec<u8>,
    /// The ground as the agenda states it.
    pub ground: String,
    /// The resolution to be moved, in the minutes' words.
    pub resolution: String,
}

/// The brief of item `id` of `m`, or None if `m` has no such item.
pub fn of(m: &Meeting, id: ItemId, cx: &Context<'_>) -> Option<Brief> {
    let walked = agenda::walked(&m.agenda, id)?;
    let item = walked.item;
    let hide = hides_part_b(m, cx.veil);
    let number = walked.number.to_string();
    if hide && walked.is_exempt() {
        return Some(veiled(m, &walked, cx.now.time()));
    }
    let declarations = room::declarations(m, id, hide);
    let out_of_room = room::out_of_room(&declarations);
    Some(Brief {
        item: id,
        number,
        title: item.title.clone(),
        kind: item.kind,
        minute: item.minute.clone(),
        veiled: false,
        exempt: walked.ground.cloned(),
        presenter: item.presenter.clone(),
        principles: item.principles.iter().copied().collect(),
        timing: timing::of(m, id, cx.now.time()),
        next: timing::next(m, id, hide),
        figure: figure::of(m, item, cx.history),
        actions: actions::of(m, item, cx, hide),
        decided: item.decisions.clone(),
        last_time: past::last_time(item, cx.last, hide),
        quorum: room::quorum(m, cx.now.time(), &out_of_room),
        declarations,
        out_of_room,
        exclusion: room::exclusion_due(m, id),
    })
}

/// Whether Part B must be kept off this screen: a public one, before the public has been
/// excluded (the running order is not in exempt business).
pub fn hides_part_b(m: &Meeting, veil: Veil) -> bool {
    match veil {
        Veil::Private => false,
        Veil::UntilExcluded => {
            !running::current(m).is_some_and(|c| agenda::is_exempt_business(&m.agenda, c))
        }
    }
}

/// The number and title the public agenda gives Part B business: the exempt item's own,
/// for everything under it too (inside Part B not even a title is published).
pub(crate) fn as_published(
    m: &Meeting,
    walked: &Walked<'_, AgendaItem, Exemption>,
) -> (String, String) {
    match walked.holder.filter(|_| walked.is_inside_exempt()) {
        Some(holder) => (
            agenda::number_of(&m.agenda, holder.id).map_or_else(String::new, |n| n.to_string()),
            holder.title.clone(),
        ),
        None => (walked.number.to_string(), walked.item.title.clone()),
    }
}

/// An exempt item on a public screen before the exclusion: its number and title as the
/// public agenda shows them, the ground stated there, that the public is to be excluded
/// for it, and the meeting's quorum (attendance is public); nothing else.
fn veiled(m: &Meeting, walked: &Walked<'_, AgendaItem, Exemption>, now: NaiveTime) -> Brief {
    let (number, title) = as_published(m, walked);
    let item = walked.holder.unwrap_or(walked.item);
    Brief {
        item: walked.item.id,
        number,
        title,
        kind: item.kind,
        minute: None,
        veiled: true,
        exempt: item.exempt.clone(),
        presenter: String::new(),
        principles: Vec::new(),
        timing: Timing::default(),
        next: None,
        figure: None,
        actions: Vec::new(),
        decided: Vec::new(),
        last_time: None,
        declarations: Vec::new(),
        out_of_room: Vec::new(),
        quorum: room::quorum(m, now, &[]),
        exclusion: room::exclusion_due(m, item.id),
    }
}

#[cfg(test)]
mod tests;
