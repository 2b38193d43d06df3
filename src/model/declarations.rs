//! Declarations of interest: a member's interest in an item, of one of the three kinds the
//! members' code of conduct names, and whether they left the room while it was taken.

use serde::{Deserialize, Serialize};

use super::ids::ItemId;
use super::meeting::Meeting;
use super::resolution;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InterestKind {
    DisclosablePecuniary,
    OtherRegistrable,
    NonRegistrable,
}

impl InterestKind {
    /// "a disclosable pecuniary interest", as minutes say it.
    pub fn words(self) -> &'static str {
        match self {
            InterestKind::DisclosablePecuniary => "a disclosable pecuniary interest",
            InterestKind::OtherRegistrable => "an other registrable interest",
            InterestKind::NonRegistrable => "a non-registrable interest",
        }
    }
}

/// One member's declaration for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declaration {
    /// The member's name as in the attendance.
    pub member: String,
    /// The item the interest is in.
    pub item: ItemId,
    pub kind: InterestKind,
    /// What the interest is ("her daughter is a foster carer for the council").
    pub nature: String,
    /// The member left the room while the item was taken (and so took no part in any vote).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub left_room: bool,
}

/// The declarations made for `item`.
pub fn for_item(all: &[Declaration], item: ItemId) -> impl Iterator<Item = &Declaration> {
    all.iter().filter(move |d| d.item == item)
}

/// Whether `d` is a declaration for `item`: made for it, or for a section it is part of
/// (leaving the room for a section is leaving it for every item in it).
pub fn covers(m: &Meeting, d: &Declaration, item: ItemId) -> bool {
    d.item == item
        || m.item(d.item)
            .is_some_and(|outer| super::agenda::find(&outer.sub_items, item).is_some())
}

/// Checks a declaration before it joins `m`: by someone present, for an item of the
/// meeting, saying what the interest is; and, if they left the room, not by someone the
/// item's recorded decisions name as moving, seconding or voting. Refusals say why.
pub fn check(m: &Meeting, d: &Declaration) -> Result<(), String> {
    let Some(item) = m.item(d.item) else {
        return Err("there is no such item in this meeting".into());
    };
    match resolution::person(m, &d.member) {
        Some(a) if a.status == super::Presence::Present => {}
        _ => {
            return Err(format!(
                "{} is not marked present at this meeting, so cannot declare an interest",
                d.member.trim()
            ));
        }
    }
    if d.nature.trim().is_empty() {
        return Err("say what the interest is".into());
    }
    if !d.left_room {
        return Ok(());
    }
    let mut with = m.clone();
    with.declarations.push(d.clone());
    // Only what this declaration makes wrong is refused: a decision already wrong is not its
    // doing. Leaving for a section is leaving for its sub-items, so their decisions count too.
    for w in super::agenda::walk(std::slice::from_ref(item)) {
        for decision in &w.item.decisions {
            if resolution::check(m, w.item.id, decision).is_err() {
                continue;
            }
            resolution::check(&with, w.item.id, decision).map_err(|why| {
                format!("the decision \"{}\" says otherwise: {why}", decision.text)
            })?;
        }
    }
    Ok(())
}

/// Records `d` in `m` once it passes [`check`], the member spelled as the attendance does.
pub fn record(m: &mut Meeting, mut d: Declaration) -> Result<(), String> {
    if let Some(a) = resolution::person(m, &d.member) {
        d.member = a.name.clone();
    }
    d.nature = d.nature.trim().to_string();
    check(m, &d)?;
    m.declarations.push(d);
    Ok(())
}

/// Drops the declarations of items no longer on the agenda (deleted with their minutes).
pub fn keep_to_agenda(m: &mut Meeting) {
    let on_agenda: Vec<ItemId> = super::agenda::numbered(&m.agenda)
        .into_iter()
        .map(|(_, i)| i.id)
        .collect();
    m.declarations.retain(|d| on_agenda.contains(&d.item));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::carry::new_meeting;
    use crate::model::running::leaves;
    use crate::model::{
        Attendance, Cast, Decision, DecisionKind, MeetingId, NamedVote, Presence, Role, Template,
        Vote, VoteResult, agenda,
    };

    fn declared(member: &str, item: ItemId, left_room: bool) -> Declaration {
        Declaration {
            member: member.into(),
            item,
            kind: InterestKind::OtherRegistrable,
            nature: "a governor of the trust".into(),
            left_room,
        }
    }

    #[test]
    fn a_declaration_is_by_someone_present_and_cannot_undo_a_recorded_vote() {
        let tpl = Template::builtin("corporate-parenting-board").unwrap();
        let mut m = new_meeting(&tpl, MeetingId::parse("2026-12-09").unwrap(), None, &[]);
        m.attendance = vec![
            Attendance::new("Cllr A", Role::Member, ""),
            Attendance::new("Cllr B", Role::Member, ""),
        ];
        m.attendance[0].status = Presence::Present;
        let item = leaves(&m.agenda)[2];
        assert_eq!(
            check(&m, &declared("Cllr B", item, false)),
            Err(
                "Cllr B is not marked present at this meeting, so cannot declare an interest"
                    .into()
            )
        );
        assert_eq!(check(&m, &declared("cllr a", item, false)), Ok(()));
        let mut d = Decision::new(DecisionKind::Resolution, "That the plan be agreed.");
        let named = vec![NamedVote {
            name: "Cllr A".into(),
            cast: Cast::For,
        }];
        d.vote = Some(Vote::named(named, VoteResult::Carried, false));
        agenda::find_mut(&mut m.agenda, item)
            .unwrap()
            .decisions
            .push(d);
        assert_eq!(
            check(&m, &declared("Cllr A", item, true)),
            Err(
                "the decision \"That the plan be agreed.\" says otherwise: Cllr A declared an \
                 interest and left the room for this item, so cannot vote on it"
                    .into()
            )
        );
        // Staying in the room, they may still have voted.
        assert_eq!(check(&m, &declared("Cllr A", item, false)), Ok(()));
    }
}
