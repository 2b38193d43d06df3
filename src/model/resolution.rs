//! The procedure of a resolution: who moved and seconded it, and how the vote went; and
//! the checks that refuse a procedure that could not have happened at the meeting.

use serde::{Deserialize, Serialize};

use super::agenda::{AgendaItem, Decision};
use super::attendance::{Attendance, Presence, Role};
use super::ids::ItemId;
use super::meeting::Meeting;

/// How one member voted in a recorded (named) vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cast {
    For,
    Against,
    Abstain,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedVote {
    pub name: String,
    pub cast: Cast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteResult {
    Carried,
    Lost,
}

/// A vote on a motion: the counts, the result, and the names where a recorded vote was
/// asked for (then the counts are the names'). A tie is decided by the chair's casting vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    #[serde(rename = "for")]
    pub in_favour: u32,
    pub against: u32,
    pub abstained: u32,
    pub result: VoteResult,
    /// The chair's casting vote decided a tie.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub casting_vote: bool,
    /// A recorded vote: how each member voted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named: Vec<NamedVote>,
}

impl Vote {
    /// A recorded vote: the counts are the names'.
    pub fn named(named: Vec<NamedVote>, result: VoteResult, casting_vote: bool) -> Vote {
        let count = |cast: Cast| named.iter().filter(|n| n.cast == cast).count() as u32;
        Vote {
            in_favour: count(Cast::For),
            against: count(Cast::Against),
            abstained: count(Cast::Abstain),
            result,
            casting_vote,
            named,
        }
    }

    /// Every vote cast: for, against and abstaining.
    pub fn cast(&self) -> u32 {
        self.in_favour + self.against + self.abstained
    }

    pub fn is_tie(&self) -> bool {
        self.in_favour == self.against
    }

    /// The result the counts give; on a tie none, since only the chair's casting vote
    /// decides it.
    pub fn counted_result(&self) -> Option<VoteResult> {
        match self.in_favour.cmp(&self.against) {
            std::cmp::Ordering::Greater => Some(VoteResult::Carried),
            std::cmp::Ordering::Less => Some(VoteResult::Lost),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// Why a motion's procedure cannot be recorded as given: each says what is wrong in one
/// sentence, naming the person or the numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    NoSuchItem,
    /// More votes than voting members present for the item.
    TooManyVotes {
        cast: u32,
        voting: u32,
    },
    /// Declared an interest and left the room while the item was taken.
    LeftTheRoom {
        name: String,
        part: Part,
    },
    /// Left the meeting before the item started, or arrived after it ended.
    NotThere {
        name: String,
        part: Part,
    },
    /// Not at the meeting at all (or not marked present).
    NotPresent {
        name: String,
        part: Part,
    },
    /// Present but not a voting member (an officer, a co-optee, a young person).
    NotVoting {
        name: String,
    },
    NamedTwice {
        name: String,
    },
    /// The counts given are not the recorded vote's names.
    CountsNotNames {
        counts: [u32; 3],
        names: [u32; 3],
    },
    /// Carried with more against, or lost with more for.
    ResultContradicts {
        result: VoteResult,
        for_: u32,
        against: u32,
    },
    TieWithoutCastingVote {
        each: u32,
    },
    CastingVoteWithoutTie {
        for_: u32,
        against: u32,
    },
    /// A tie decided by the chair, but not which way.
    CastingVoteWhichWay {
        each: u32,
    },
}

/// What a person named in the procedure did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Moved,
    Seconded,
    Voted,
}

impl Part {
    fn verb(self) -> &'static str {
        match self {
            Part::Moved => "move",
            Part::Seconded => "second",
            Part::Voted => "vote on",
        }
    }
}

fn counts(c: [u32; 3]) -> String {
    format!("{} for, {} against, {} abstaining", c[0], c[1], c[2])
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::NoSuchItem => write!(f, "there is no such item in this meeting"),
            Refused::TooManyVotes { cast, voting } => write!(
                f,
                "{cast} votes were cast but only {voting} voting members were present for this item"
            ),
            Refused::LeftTheRoom { name, part } => write!(
                f,
                "{name} declared an interest and left the room for this item, so cannot {} it",
                part.verb()
            ),
            Refused::NotThere { name, part } => write!(
                f,
                "{name} was not in the meeting while this item was taken (left before it \
                 started or arrived after it ended), so cannot {} it",
                part.verb()
            ),
            Refused::NotPresent { name, part } => write!(
                f,
                "{name} is not marked present at this meeting, so cannot {} this item",
                part.verb()
            ),
            Refused::NotVoting { name } => write!(
                f,
                "{name} is not a voting member of the board, so cannot be named in the vote"
            ),
            Refused::NamedTwice { name } => write!(f, "{name} is named twice in the recorded vote"),
            Refused::CountsNotNames { counts: c, names } => write!(
                f,
                "the counts ({}) are not those of the recorded vote's names ({})",
                counts(*c),
                counts(*names)
            ),
            Refused::ResultContradicts {
                result,
                for_,
                against,
            } => write!(
                f,
                "{for_} for and {against} against cannot be {}",
                match result {
                    VoteResult::Carried => "carried",
                    VoteResult::Lost => "lost",
                }
            ),
            Refused::TieWithoutCastingVote { each } => write!(
                f,
                "the vote is tied at {each} each: only the chair's casting vote decides a tie, so \
                 record it"
            ),
            Refused::CastingVoteWithoutTie { for_, against } => write!(
                f,
                "the chair's casting vote decides only a tie, and the vote was {for_} for and \
                 {against} against"
            ),
            Refused::CastingVoteWhichWay { each } => write!(
                f,
                "the vote is tied at {each} each: say which way the chair's casting vote went, \
                 carried or lost"
            ),
        }
    }
}

impl std::error::Error for Refused {}

/// A vote as the clerk gives it: any counts, the result (none: as the counts give it),
/// whether the chair's casting vote decided it (none: exactly when the vote is tied, as a
/// form has it), and a recorded vote's names, whose counts stand in for counts not given.
/// `None` when nothing of a vote was given.
pub fn vote_from(
    counts: Option<[u32; 3]>,
    result: Option<VoteResult>,
    casting: Option<bool>,
    named: Vec<NamedVote>,
) -> Result<Option<Vote>, Refused> {
    if counts.is_none() && result.is_none() && casting != Some(true) && named.is_empty() {
        return Ok(None);
    }
    let mut vote = Vote::named(named, VoteResult::Carried, false);
    if let Some([f, a, ab]) = counts {
        (vote.in_favour, vote.against, vote.abstained) = (f, a, ab);
    }
    vote.casting_vote = casting.unwrap_or(vote.is_tie());
    vote.result = match (result, vote.counted_result()) {
        (Some(r), _) | (None, Some(r)) => r,
        (None, None) if vote.casting_vote => {
            return Err(Refused::CastingVoteWhichWay {
                each: vote.in_favour,
            });
        }
        (None, None) => {
            return Err(Refused::TieWithoutCastingVote {
                each: vote.in_favour,
            });
        }
    };
    Ok(Some(vote))
}

/// Whether `a` was in the meeting while `item` was taken: present, not gone before it
/// started, not come after it ended (times not yet known count as there).
fn there_for(a: &Attendance, item: &AgendaItem) -> bool {
    let gone_before = matches!((a.departed_at, item.started_at), (Some(d), Some(s)) if d <= s);
    let came_after = matches!((a.arrived_at, item.ended_at), (Some(c), Some(e)) if c >= e);
    a.status == Presence::Present && !gone_before && !came_after
}

/// Whether `name` declared an interest in `item`, or in a section it is part of, and left
/// the room for it: leaving for a section is leaving for every item in it.
pub fn left_room(m: &Meeting, item: ItemId, name: &str) -> bool {
    m.declarations.iter().any(|d| {
        d.left_room && same_name(&d.member, name) && super::declarations::covers(m, d, item)
    })
}

/// Names as the clerk types them: spaces at the ends and letter case aside.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The person in the attendance called `name`, as the attendance spells it.
pub fn person<'a>(m: &'a Meeting, name: &str) -> Option<&'a Attendance> {
    m.attendance.iter().find(|a| same_name(&a.name, name))
}

/// The voting members in the room for `item`: present, there while it was taken, and
/// not out of the room for an interest they declared.
pub fn voting_present(m: &Meeting, item: ItemId) -> Vec<&Attendance> {
    let Some(it) = m.item(item) else {
        return Vec::new();
    };
    m.attendance
        .iter()
        .filter(|a| a.votes() && there_for(a, it) && !left_room(m, item, &a.name))
        .collect()
}

/// Refuses `name` taking `part` in the motion on `item` unless they were in the room.
fn in_the_room(m: &Meeting, item: &AgendaItem, name: &str, part: Part) -> Result<(), Refused> {
    let name_of = || name.trim().to_string();
    let Some(a) = person(m, name).filter(|a| a.status == Presence::Present) else {
        return Err(Refused::NotPresent {
            name: name_of(),
            part,
        });
    };
    if left_room(m, item.id, &a.name) {
        return Err(Refused::LeftTheRoom {
            name: a.name.clone(),
            part,
        });
    }
    if !there_for(a, item) {
        return Err(Refused::NotThere {
            name: a.name.clone(),
            part,
        });
    }
    Ok(())
}

/// Checks a decision's procedure (mover, seconder, vote) on `item` of `m`: refused, saying
/// why, if it could not have happened. `Ok(Some(warning))` when it may stand but the
/// meeting was inquorate for it.
pub fn check(m: &Meeting, item: ItemId, d: &Decision) -> Result<Option<String>, Refused> {
    let it = m.item(item).ok_or(Refused::NoSuchItem)?;
    for (name, part) in [(&d.moved_by, Part::Moved), (&d.seconded_by, Part::Seconded)] {
        if !name.trim().is_empty() {
            in_the_room(m, it, name, part)?;
        }
    }
    let Some(vote) = &d.vote else {
        return Ok(None);
    };
    check_names(m, it, vote)?;
    let voting = voting_present(m, item).len() as u32;
    if vote.cast() > voting {
        return Err(Refused::TooManyVotes {
            cast: vote.cast(),
            voting,
        });
    }
    check_result(vote)?;
    Ok(inquorate(m, it))
}

/// Names as the attendance spells them (the clerk may type "cllr lee"), ends trimmed.
pub fn spell_names(m: &Meeting, d: &mut Decision) {
    let spelled = |name: &mut String| {
        *name = person(m, name).map_or_else(|| name.trim().to_string(), |a| a.name.clone());
    };
    spelled(&mut d.moved_by);
    spelled(&mut d.seconded_by);
    for n in d.vote.iter_mut().flat_map(|v| v.named.iter_mut()) {
        spelled(&mut n.name);
    }
}

/// Records `d` under `item` of `m` once its procedure passes [`check`] (names spelled as
/// the attendance does), in place of the item's decision `at` or else after the others;
/// returns the inquorate warning, if any. Nothing changes if refused.
pub fn record(
    m: &mut Meeting,
    item: ItemId,
    at: Option<usize>,
    mut d: Decision,
) -> Result<Option<String>, Refused> {
    spell_names(m, &mut d);
    let warning = check(m, item, &d)?;
    let decisions = &mut super::agenda::find_mut(&mut m.agenda, item)
        .ok_or(Refused::NoSuchItem)?
        .decisions;
    match at.and_then(|i| decisions.get_mut(i)) {
        Some(old) => *old = d,
        None => decisions.push(d),
    }
    Ok(warning)
}

/// A recorded vote: each name once, each a voting member in the room, the counts theirs.
fn check_names(m: &Meeting, it: &AgendaItem, vote: &Vote) -> Result<(), Refused> {
    for (i, n) in vote.named.iter().enumerate() {
        if vote.named[..i].iter().any(|o| same_name(&o.name, &n.name)) {
            return Err(Refused::NamedTwice {
                name: n.name.trim().to_string(),
            });
        }
        in_the_room(m, it, &n.name, Part::Voted)?;
        if !person(m, &n.name).is_some_and(Attendance::votes) {
            return Err(Refused::NotVoting {
                name: n.name.trim().to_string(),
            });
        }
    }
    if !vote.named.is_empty() {
        let names = Vote::named(vote.named.clone(), vote.result, vote.casting_vote);
        let tally = |v: &Vote| [v.in_favour, v.against, v.abstained];
        if tally(&names) != tally(vote) {
            return Err(Refused::CountsNotNames {
                counts: tally(vote),
                names: tally(&names),
            });
        }
    }
    Ok(())
}

/// The result follows the counts; a tie only the chair's casting vote decides.
fn check_result(vote: &Vote) -> Result<(), Refused> {
    let (for_, against) = (vote.in_favour, vote.against);
    match (vote.counted_result(), vote.casting_vote) {
        (None, false) => Err(Refused::TieWithoutCastingVote { each: for_ }),
        (Some(_), true) => Err(Refused::CastingVoteWithoutTie { for_, against }),
        (Some(counted), false) if counted != vote.result => Err(Refused::ResultContradicts {
            result: vote.result,
            for_,
            against,
        }),
        (Some(_), false) | (None, true) => Ok(()),
    }
}

/// A warning when fewer members than the quorum were in the room for the vote.
fn inquorate(m: &Meeting, it: &AgendaItem) -> Option<String> {
    let members = m
        .attendance
        .iter()
        .filter(|a| a.role == Role::Member && there_for(a, it) && !left_room(m, it.id, &a.name))
        .count() as u32;
    (members < m.board.quorum).then(|| {
        format!(
            "the meeting was not quorate for this vote ({members} of {} members needed were in \
             the room), so the decision may not be valid",
            m.board.quorum
        )
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveTime;

    use super::*;
    use crate::model::carry::new_meeting;
    use crate::model::declarations::{Declaration, InterestKind};
    use crate::model::running::leaves;
    use crate::model::{DecisionKind, MeetingId, Template, agenda};

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    /// A meeting of four voting members and an officer, all present; item `it()` was taken
    /// 14:30 to 15:00. Quorum 3.
    fn meeting() -> (Meeting, ItemId) {
        let tpl = Template::builtin("corporate-parenting-board").unwrap();
        let mut m = new_meeting(&tpl, MeetingId::parse("2026-12-09").unwrap(), None, &[]);
        m.board.quorum = 3;
        m.attendance = ["Cllr A", "Cllr B", "Cllr C", "Cllr D"]
            .iter()
            .map(|n| Attendance::new(*n, Role::Member, ""))
            .chain([Attendance::new("Officer E", Role::Officer, "")])
            .collect();
        for a in &mut m.attendance {
            a.status = Presence::Present;
            a.arrived_at = Some(t(14, 0));
        }
        let item = leaves(&m.agenda)[3];
        let it = agenda::find_mut(&mut m.agenda, item).unwrap();
        (it.started_at, it.ended_at) = (Some(t(14, 30)), Some(t(15, 0)));
        (m, item)
    }

    fn voted(for_: u32, against: u32, abstained: u32, result: VoteResult) -> Decision {
        let mut d = Decision::new(DecisionKind::Resolution, "That the report be noted.");
        d.vote = Some(Vote {
            in_favour: for_,
            against,
            abstained,
            result,
            casting_vote: false,
            named: Vec::new(),
        });
        d
    }

    fn named(casts: &[(&str, Cast)], result: VoteResult) -> Decision {
        let mut d = Decision::new(DecisionKind::Resolution, "That the report be noted.");
        let names = casts
            .iter()
            .map(|(name, cast)| NamedVote {
                name: name.to_string(),
                cast: *cast,
            })
            .collect();
        d.vote = Some(Vote::named(names, result, false));
        d
    }

    fn refusal(m: &Meeting, item: ItemId, d: &Decision) -> String {
        check(m, item, d).unwrap_err().to_string()
    }

    #[test]
    fn a_vote_within_the_voting_members_present_stands() {
        let (m, item) = meeting();
        assert_eq!(
            check(&m, item, &voted(3, 1, 0, VoteResult::Carried)),
            Ok(None)
        );
        let mut d = named(
            &[("cllr a", Cast::For), ("Cllr B", Cast::Against)],
            VoteResult::Lost,
        );
        d.vote.as_mut().unwrap().casting_vote = true;
        d.moved_by = "Cllr C".into();
        d.seconded_by = "Officer E".into();
        assert_eq!(check(&m, item, &d), Ok(None), "a tie the chair decided");
    }

    #[test]
    fn more_votes_than_voting_members_present_are_refused() {
        let (mut m, item) = meeting();
        // Four members vote; the officer does not.
        assert_eq!(
            refusal(&m, item, &voted(3, 1, 1, VoteResult::Carried)),
            "5 votes were cast but only 4 voting members were present for this item"
        );
        // One left the meeting before the item started, one arrived after it ended.
        m.attendance[0].departed_at = Some(t(14, 30));
        m.attendance[1].arrived_at = Some(t(15, 0));
        assert_eq!(
            refusal(&m, item, &voted(2, 1, 0, VoteResult::Carried)),
            "3 votes were cast but only 2 voting members were present for this item"
        );
    }

    #[test]
    fn a_member_who_left_the_room_for_the_item_cannot_vote_move_or_second_it() {
        let (mut m, item) = meeting();
        m.declarations.push(Declaration {
            member: "Cllr B".into(),
            item,
            kind: InterestKind::DisclosablePecuniary,
            nature: "owns a children's home".into(),
            left_room: true,
        });
        let d = named(
            &[("Cllr A", Cast::For), ("Cllr B", Cast::For)],
            VoteResult::Carried,
        );
        assert_eq!(
            refusal(&m, item, &d),
            "Cllr B declared an interest and left the room for this item, so cannot vote on it"
        );
        let mut d = voted(1, 0, 0, VoteResult::Carried);
        d.seconded_by = "cllr b".into();
        assert_eq!(
            refusal(&m, item, &d),
            "Cllr B declared an interest and left the room for this item, so cannot second it"
        );
        // Out of the room, they are not counted among those who may vote.
        assert_eq!(
            refusal(&m, item, &voted(4, 0, 0, VoteResult::Carried)),
            "4 votes were cast but only 3 voting members were present for this item"
        );
        m.attendance[2].departed_at = Some(t(14, 10));
        let d = named(&[("Cllr C", Cast::Against)], VoteResult::Lost);
        assert_eq!(
            refusal(&m, item, &d),
            "Cllr C was not in the meeting while this item was taken (left before it started \
             or arrived after it ended), so cannot vote on it"
        );
    }

    #[test]
    fn leaving_the_room_for_a_section_keeps_the_member_out_of_its_sub_items_too() {
        let (mut m, item) = meeting();
        let section = m
            .agenda
            .iter()
            .find(|s| agenda::find(&s.sub_items, item).is_some())
            .expect("the item sits in a section")
            .id;
        m.declarations.push(Declaration {
            member: "Cllr B".into(),
            item: section,
            kind: InterestKind::DisclosablePecuniary,
            nature: "owns a children's home".into(),
            left_room: true,
        });
        let mut d = voted(1, 0, 0, VoteResult::Carried);
        d.moved_by = "Cllr B".into();
        assert_eq!(
            refusal(&m, item, &d),
            "Cllr B declared an interest and left the room for this item, so cannot move it"
        );
        assert_eq!(
            refusal(&m, item, &voted(4, 0, 0, VoteResult::Carried)),
            "4 votes were cast but only 3 voting members were present for this item"
        );
    }

    #[test]
    fn a_named_voter_must_be_a_voting_member_present() {
        let (mut m, item) = meeting();
        let d = named(&[("Officer E", Cast::For)], VoteResult::Carried);
        assert_eq!(
            refusal(&m, item, &d),
            "Officer E is not a voting member of the board, so cannot be named in the vote"
        );
        m.attendance[3].status = Presence::Apologies;
        let d = named(&[("Cllr D", Cast::For)], VoteResult::Carried);
        assert_eq!(
            refusal(&m, item, &d),
            "Cllr D is not marked present at this meeting, so cannot vote on this item"
        );
        let mut d = voted(1, 0, 0, VoteResult::Carried);
        d.moved_by = "Cllr Nobody".into();
        assert_eq!(
            refusal(&m, item, &d),
            "Cllr Nobody is not marked present at this meeting, so cannot move this item"
        );
        let d = named(
            &[("Cllr A", Cast::For), ("CLLR A ", Cast::Against)],
            VoteResult::Lost,
        );
        assert!(refusal(&m, item, &d).ends_with("is named twice in the recorded vote"));
    }

    #[test]
    fn a_recorded_vote_whose_counts_are_not_its_names_is_refused() {
        let (m, item) = meeting();
        let mut d = named(
            &[("Cllr A", Cast::For), ("Cllr B", Cast::For)],
            VoteResult::Carried,
        );
        d.vote.as_mut().unwrap().against = 1;
        assert_eq!(
            refusal(&m, item, &d),
            "the counts (2 for, 1 against, 0 abstaining) are not those of the recorded vote's \
             names (2 for, 0 against, 0 abstaining)"
        );
    }

    #[test]
    fn a_result_against_the_counts_or_a_tie_without_the_chair_is_refused() {
        let (m, item) = meeting();
        assert_eq!(
            refusal(&m, item, &voted(3, 1, 0, VoteResult::Lost)),
            "3 for and 1 against cannot be lost"
        );
        assert_eq!(
            refusal(&m, item, &voted(0, 2, 1, VoteResult::Carried)),
            "0 for and 2 against cannot be carried"
        );
        assert_eq!(
            refusal(&m, item, &voted(2, 2, 0, VoteResult::Carried)),
            "the vote is tied at 2 each: only the chair's casting vote decides a tie, so record it"
        );
        let mut d = voted(3, 1, 0, VoteResult::Carried);
        d.vote.as_mut().unwrap().casting_vote = true;
        assert_eq!(
            refusal(&m, item, &d),
            "the chair's casting vote decides only a tie, and the vote was 3 for and 1 against"
        );
    }

    #[test]
    fn an_inquorate_vote_is_warned_of_not_refused() {
        let (mut m, item) = meeting();
        m.attendance[0].departed_at = Some(t(14, 15));
        m.attendance[1].status = Presence::Absent;
        let warning = check(&m, item, &voted(2, 0, 0, VoteResult::Carried))
            .unwrap()
            .expect("inquorate");
        assert_eq!(
            warning,
            "the meeting was not quorate for this vote (2 of 3 members needed were in the room), \
             so the decision may not be valid"
        );
    }
}
