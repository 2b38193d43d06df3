//! Who is in the room for the item: interests declared for it, who left the room, the
//! quorum now; and, before exempt business, the exclusion of the press and public.

use chrono::NaiveTime;

use super::ExclusionDue;
use crate::model::agenda::{self, ItemStatus};
use crate::model::attendance::Quorum;
use crate::model::declarations::{self, Declaration};
use crate::model::exclusion;
use crate::model::ids::ItemId;
use crate::model::meeting::{Meeting, MeetingStatus, Minuting};
use crate::model::resolution::same_name;
use crate::model::running;

/// The declarations for item `id` or a section it is in; with `hide`, none on Part B.
pub(super) fn declarations(m: &Meeting, id: ItemId, hide: bool) -> Vec<Declaration> {
    m.declarations
        .iter()
        .filter(|d| declarations::covers(m, d, id))
        .filter(|d| !(hide && agenda::is_exempt_business(&m.agenda, d.item)))
        .cloned()
        .collect()
}

/// The members out of the room: those whose declaration says they left it, once each.
pub(super) fn out_of_room(declared: &[Declaration]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in declared.iter().filter(|d| d.left_room) {
        if !out.iter().any(|n| same_name(n, &d.member)) {
            out.push(d.member.clone());
        }
    }
    out
}

/// The quorum now: judged by the clock while the meeting runs live, else by who is
/// recorded as having left.
pub(super) fn quorum(m: &Meeting, now: NaiveTime, out_of_room: &[String]) -> Quorum {
    let live = m.status == MeetingStatus::InProgress && m.minuting == Minuting::Live;
    Quorum::at(
        &m.attendance,
        m.board.quorum,
        live.then_some(now),
        out_of_room,
    )
}

/// For exempt business not yet reached nor taken: the exclusion the chair must move first.
pub(super) fn exclusion_due(m: &Meeting, id: ItemId) -> Option<ExclusionDue> {
    let ground = agenda::exemption_of(&m.agenda, id)?;
    let item = m.item(id)?;
    let reached = running::current(m).is_some_and(|c| agenda::is_exempt_business(&m.agenda, c));
    let taken = item.status != ItemStatus::Pending || item.started_at.is_some();
    if reached || taken {
        return None;
    }
    // The one resolution covers every exempt item of the meeting and cites all their grounds.
    let all = exclusion::of(m)?;
    Some(ExclusionDue {
        paragraphs: ground.paragraphs(),
        ground: ground.reason.clone(),
        resolution: exclusion::resolution(&all.paragraphs, all.items.len()),
    })
}
