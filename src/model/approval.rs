//! Approval of minutes: a later meeting approves a draft as a true record, which seals it.
//!
//! The seal is a SHA-256 of a canonical text of the minuted record, written by a
//! versioned function that never changes once released: a later minutebook that
//! renders minutes differently still verifies old seals. Corrections after approval
//! are dated errata kept beside the sealed text, outside the seal.

use std::fmt::Write;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::agenda::{Decision, DecisionKind, ItemRole, numbered};
use super::declarations::InterestKind;
use super::ids::{ItemId, MeetingId};
use super::meeting::{Meeting, MeetingStatus};

/// The version of [`sealed_text`] new seals use. Version 2 covers what version 1 does and
/// the procedure too: minute references, the exclusion minute, movers, seconders and votes,
/// declarations of interest, how the minutes were taken, the meeting's actual start and
/// end, departures and who votes. Seals of version 1 still verify as version 1.
pub const SEAL_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    /// Who signed the minutes as a true record (normally the chair).
    pub approved_by: String,
    /// The meeting whose "minutes of the previous meeting" item approved them.
    pub at_meeting: MeetingId,
    pub on: NaiveDate,
    pub seal: Seal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seal {
    /// Which canonical text was hashed.
    pub version: u32,
    /// Lower-case hex SHA-256 of that text.
    pub sha256: String,
}

/// A correction to approved minutes, recorded beside them; the sealed text is never changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Erratum {
    pub date: NaiveDate,
    /// The item corrected, if the correction is to one item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    pub text: String,
    /// The meeting at which the correction was agreed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_at: Option<MeetingId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApprovalError {
    NotHeld {
        id: MeetingId,
        status: MeetingStatus,
    },
    AlreadyApproved {
        id: MeetingId,
        on: Option<NaiveDate>,
    },
    NoApprover,
    BeforeMeeting {
        id: MeetingId,
        held: NaiveDate,
        on: NaiveDate,
    },
    NotApproved {
        id: MeetingId,
    },
    EmptyErratum,
    NoSuchItem {
        id: MeetingId,
        item: ItemId,
    },
}

impl std::fmt::Display for ApprovalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApprovalError::NotHeld { id, status } => write!(
                f,
                "the minutes of {id} cannot be approved: the meeting is {} (only draft minutes \
                 of a held meeting can be approved)",
                status.label()
            ),
            ApprovalError::AlreadyApproved { id, on } => match on {
                Some(on) => write!(
                    f,
                    "the minutes of {id} were already approved on {on} and are sealed; record a \
                     correction as an erratum instead"
                ),
                None => write!(f, "the minutes of {id} are already approved"),
            },
            ApprovalError::NoApprover => {
                f.write_str("say who approved the minutes (normally the chair)")
            }
            ApprovalError::BeforeMeeting { id, held, on } => write!(
                f,
                "the minutes of {id} cannot be approved on {on}, before the meeting was held on \
                 {held}"
            ),
            ApprovalError::NotApproved { id } => write!(
                f,
                "the minutes of {id} are not approved, so they can still be edited: correct \
                 them directly rather than by erratum"
            ),
            ApprovalError::EmptyErratum => {
                f.write_str("an erratum needs the text of the correction")
            }
            ApprovalError::NoSuchItem { id, item } => {
                write!(f, "meeting {id} has no agenda item with id {item}")
            }
        }
    }
}

impl std::error::Error for ApprovalError {}

/// Approves `m`'s draft minutes as a true record at meeting `at`, on `on`, and seals them.
pub fn approve(
    m: &mut Meeting,
    approved_by: &str,
    at: &MeetingId,
    on: NaiveDate,
) -> Result<(), ApprovalError> {
    match m.status {
        MeetingStatus::Draft => {}
        MeetingStatus::Approved => {
            return Err(ApprovalError::AlreadyApproved {
                id: m.id.clone(),
                on: m.approval.as_ref().map(|a| a.on),
            });
        }
        status => {
            return Err(ApprovalError::NotHeld {
                id: m.id.clone(),
                status,
            });
        }
    }
    let approved_by = approved_by.trim();
    if approved_by.is_empty() {
        return Err(ApprovalError::NoApprover);
    }
    if on < m.date {
        return Err(ApprovalError::BeforeMeeting {
            id: m.id.clone(),
            held: m.date,
            on,
        });
    }
    m.status = MeetingStatus::Approved;
    m.approval = Some(Approval {
        approved_by: approved_by.to_string(),
        at_meeting: at.clone(),
        on,
        seal: seal_of(m),
    });
    Ok(())
}

/// Records a dated correction beside approved minutes. The same correction again (same
/// date, item, text and meeting) is the same one retried: it is recorded once.
pub fn add_erratum(m: &mut Meeting, erratum: Erratum) -> Result<(), ApprovalError> {
    if m.status != MeetingStatus::Approved {
        return Err(ApprovalError::NotApproved { id: m.id.clone() });
    }
    if erratum.text.trim().is_empty() {
        return Err(ApprovalError::EmptyErratum);
    }
    if let Some(item) = erratum.item
        && m.item(item).is_none()
    {
        return Err(ApprovalError::NoSuchItem {
            id: m.id.clone(),
            item,
        });
    }
    if !m.errata.contains(&erratum) {
        m.errata.push(erratum);
    }
    Ok(())
}

/// Records at `at`'s "minutes of the previous meeting" item that it approved the minutes
/// of the meeting held on `held` (once: recording it again changes nothing). False if
/// `at` has no such item.
pub fn record_approval_in(at: &mut Meeting, held: NaiveDate, by: &str) -> bool {
    let text = format!(
        "That the minutes of the meeting held on {} be approved as a correct record and \
         signed by {by}.",
        crate::words::long_date(held)
    );
    let target = numbered(&at.agenda)
        .into_iter()
        .find(|(_, i)| i.role == Some(ItemRole::PreviousMinutes))
        .map(|(_, i)| i.id);
    match target.and_then(|t| super::agenda::find_mut(&mut at.agenda, t)) {
        Some(item) => {
            let resolution = Decision::new(DecisionKind::Resolution, text);
            if !item.decisions.contains(&resolution) {
                item.decisions.push(resolution);
            }
            true
        }
        None => false,
    }
}

pub fn seal_of(m: &Meeting) -> Seal {
    Seal {
        version: SEAL_VERSION,
        sha256: hex_sha256(sealed_text(m, SEAL_VERSION).as_bytes()),
    }
}

/// What checking a meeting against its seal found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealCheck {
    /// Not approved: nothing to check.
    NotApproved,
    Intact,
    /// Marked approved but carrying no seal (approved by hand, or an old record).
    Unsealed,
    /// The minuted record no longer matches the seal: changed outside minutebook.
    Altered {
        sealed: String,
        found: String,
    },
    /// A seal version this minutebook does not know (written by a newer one).
    UnknownVersion(u32),
}

pub fn check(m: &Meeting) -> SealCheck {
    if m.status != MeetingStatus::Approved {
        return SealCheck::NotApproved;
    }
    let Some(approval) = &m.approval else {
        return SealCheck::Unsealed;
    };
    if !(1..=SEAL_VERSION).contains(&approval.seal.version) {
        return SealCheck::UnknownVersion(approval.seal.version);
    }
    let found = hex_sha256(sealed_text(m, approval.seal.version).as_bytes());
    if found.eq_ignore_ascii_case(&approval.seal.sha256) {
        SealCheck::Intact
    } else {
        SealCheck::Altered {
            sealed: approval.seal.sha256.clone(),
            found,
        }
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The canonical text a seal of `version` covers. Each version is frozen once released:
/// change the rendering only by adding a version beside them.
pub fn sealed_text(m: &Meeting, version: u32) -> String {
    match version {
        1 => sealed_text_v1(m),
        2 => sealed_text_v1(m) + &procedure_text_v2(m),
        _ => panic!("no seal version {version}"),
    }
}

/// Version 1's text: the record as it was before procedure was recorded. Frozen.
fn sealed_text_v1(m: &Meeting) -> String {
    let mut s = String::new();
    // Every field on its own tagged line, and free text length-prefixed, so no
    // edit to one field can be hidden by a matching edit to its neighbour.
    let mut field = |tag: &str, text: &str| {
        let _ = writeln!(s, "{tag} {}:{text}", text.len());
    };
    field("meeting", m.id.as_str());
    field("board", &m.board.name);
    field("title", &m.title);
    field("date", &crate::words::iso_date(m.date));
    field(
        "start",
        &m.start_time.map(crate::words::time).unwrap_or_default(),
    );
    field("venue", &m.venue);
    for a in &m.attendance {
        field("person", &a.name);
        field("role", a.role.label());
        field("position", &a.position);
        field("presence", a.status.label());
        field(
            "arrived",
            &a.arrived_at.map(crate::words::time).unwrap_or_default(),
        );
        field("note", &a.note);
    }
    for (number, item) in numbered(&m.agenda) {
        field("item", &number.to_string());
        field("title", &item.title);
        field(
            "exempt",
            item.exempt.as_ref().map_or("", |e| e.reason.as_str()),
        );
        field("presenter", &item.presenter);
        field(
            "started",
            &item.started_at.map(crate::words::time).unwrap_or_default(),
        );
        field(
            "ended",
            &item.ended_at.map(crate::words::time).unwrap_or_default(),
        );
        for d in &item.decisions {
            field("decision", &d.text);
        }
        field("minutes", &item.minutes);
    }
    if let Some(iha) = &m.standing.iha {
        field("iha-entered-care", &iha.entered_care.to_string());
        field("iha-due", &iha.due.to_string());
        field("iha-within-20", &iha.within_20_days.to_string());
        field("iha-late", &iha.late.to_string());
        field("iha-outstanding", &iha.outstanding.to_string());
        field("iha-commentary", &iha.commentary);
    }
    for f in &m.standing.figures {
        field("figure", &f.key);
        field("value", &f.value.map(|v| v.to_string()).unwrap_or_default());
    }
    for a in m.actions_raised() {
        field("action", &a.id.0);
        field("text", &a.text);
        field("owner", &a.owner);
        field("due", &a.due.to_string());
    }
    s
}

/// Writes `text` as a tagged line with its length, so no edit to one field can be hidden by
/// a matching edit to its neighbour.
fn tagged(s: &mut String, tag: &str, text: &str) {
    let _ = writeln!(s, "{tag} {}:{text}", text.len());
}

/// What version 2 adds after version 1's text: the procedure of the meeting. Frozen.
fn procedure_text_v2(m: &Meeting) -> String {
    let mut s = String::from("procedure 2:v2\n");
    let time = |t: Option<chrono::NaiveTime>| t.map(crate::words::time).unwrap_or_default();
    let minuting = match m.minuting {
        super::meeting::Minuting::Live => "live",
        super::meeting::Minuting::WriteUp => "write-up",
    };
    tagged(&mut s, "minuting", minuting);
    tagged(&mut s, "began", &time(m.began_at));
    tagged(&mut s, "ended", &time(m.ended_at));
    for a in &m.attendance {
        tagged(&mut s, "person", &a.name);
        tagged(&mut s, "departed", &time(a.departed_at));
        let voting = a.voting.map_or("", |v| if v { "yes" } else { "no" });
        tagged(&mut s, "voting", voting);
    }
    tagged(
        &mut s,
        "exclusion-minute",
        minute_text(m.exclusion_minute.as_ref()),
    );
    for (number, item) in numbered(&m.agenda) {
        tagged(&mut s, "item", &number.to_string());
        tagged(&mut s, "minute", minute_text(item.minute.as_ref()));
        for d in &item.decisions {
            decision_v2(&mut s, d);
        }
    }
    for d in &m.declarations {
        let number = numbered(&m.agenda)
            .into_iter()
            .find(|(_, i)| i.id == d.item)
            .map(|(n, _)| n.to_string());
        tagged(&mut s, "declaration", &d.member);
        tagged(
            &mut s,
            "item",
            &number.unwrap_or_else(|| format!("id {}", d.item)),
        );
        let kind = match d.kind {
            InterestKind::DisclosablePecuniary => "disclosable-pecuniary",
            InterestKind::OtherRegistrable => "other-registrable",
            InterestKind::NonRegistrable => "non-registrable",
        };
        tagged(&mut s, "kind", kind);
        tagged(&mut s, "nature", &d.nature);
        tagged(&mut s, "left-room", if d.left_room { "yes" } else { "no" });
    }
    s
}

fn minute_text(r: Option<&super::minute_numbers::MinuteRef>) -> &str {
    r.map_or("", |r| r.as_str())
}

/// One decision's procedure in version 2: its kind, mover, seconder and vote.
fn decision_v2(s: &mut String, d: &Decision) {
    let kind = match d.kind {
        DecisionKind::Decision => "decision",
        DecisionKind::Resolution => "resolution",
    };
    tagged(s, "decision", &d.text);
    tagged(s, "kind", kind);
    tagged(s, "moved", &d.moved_by);
    tagged(s, "seconded", &d.seconded_by);
    let Some(v) = &d.vote else {
        tagged(s, "vote", "none");
        return;
    };
    let result = match v.result {
        super::resolution::VoteResult::Carried => "carried",
        super::resolution::VoteResult::Lost => "lost",
    };
    tagged(s, "vote", result);
    tagged(s, "for", &v.in_favour.to_string());
    tagged(s, "against", &v.against.to_string());
    tagged(s, "abstained", &v.abstained.to_string());
    tagged(s, "casting", if v.casting_vote { "yes" } else { "no" });
    for n in &v.named {
        let cast = match n.cast {
            super::resolution::Cast::For => "for",
            super::resolution::Cast::Against => "against",
            super::resolution::Cast::Abstain => "abstain",
        };
        tagged(s, "named", &n.name);
        tagged(s, "cast", cast);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, agenda::AgendaItem};

    fn held() -> Meeting {
        let mut m = crate::demo::year()
            .into_iter()
            .find(|m| m.status == MeetingStatus::Draft)
            .expect("the demo has a draft");
        m.errata.clear();
        m
    }

    #[test]
    fn approving_seals_and_an_edit_breaks_the_seal() {
        let mut m = held();
        let on = m.date + chrono::Days::new(28);
        let at = MeetingId::for_date(on);
        approve(&mut m, "Cllr Amara Okafor", &at, on).unwrap();
        assert_eq!(m.status, MeetingStatus::Approved);
        assert_eq!(check(&m), SealCheck::Intact);
        let seal = &m.approval.as_ref().unwrap().seal;
        assert_eq!(seal.sha256.len(), 64);

        let mut altered = m.clone();
        altered.agenda[0].minutes.push_str(" And one more thing.");
        assert!(matches!(check(&altered), SealCheck::Altered { .. }));
        // A section's own minutes (its introduction) are sealed with the rest.
        let mut altered = m.clone();
        let section = altered
            .agenda
            .iter_mut()
            .find(|i| !i.sub_items.is_empty())
            .unwrap();
        section
            .minutes
            .push_str("An introduction added afterwards.");
        assert!(matches!(check(&altered), SealCheck::Altered { .. }));

        // An erratum sits beside the sealed text and leaves the seal intact.
        let (first, date) = (m.agenda[0].id, m.date + chrono::Days::new(60));
        add_erratum(
            &mut m,
            Erratum {
                date,
                item: Some(first),
                text: "For \"Cllr Smith\" read \"Cllr Smyth\".".into(),
                agreed_at: None,
            },
        )
        .unwrap();
        assert_eq!(check(&m), SealCheck::Intact);
    }

    #[test]
    fn approval_is_refused_when_it_makes_no_sense() {
        let mut m = held();
        let (at, held_on) = (m.id.clone(), m.date);
        let err = approve(&mut m, "  ", &at, held_on).unwrap_err();
        assert_eq!(err, ApprovalError::NoApprover);
        let early = held_on - chrono::Days::new(1);
        let err = approve(&mut m, "Chair", &at, early).unwrap_err();
        assert!(
            err.to_string().contains("before the meeting was held"),
            "{err}"
        );

        approve(&mut m, "Chair", &at, held_on).unwrap();
        let err = approve(&mut m, "Chair", &at, held_on).unwrap_err();
        assert!(err.to_string().contains("already approved"), "{err}");

        let mut planned = held();
        planned.status = MeetingStatus::Planned;
        let err = approve(&mut planned, "Chair", &at, held_on).unwrap_err();
        assert!(err.to_string().contains("planned"), "{err}");
    }

    #[test]
    fn an_erratum_needs_approved_minutes_text_and_a_real_item() {
        let mut m = held();
        let held_on = m.date;
        let e = |item, text: &str| Erratum {
            date: held_on,
            item,
            text: text.into(),
            agreed_at: None,
        };
        let draft_err = add_erratum(&mut m.clone(), e(None, "x")).unwrap_err();
        assert!(draft_err.to_string().contains("not approved"));
        let at = m.id.clone();
        approve(&mut m, "Chair", &at, held_on).unwrap();
        assert_eq!(
            add_erratum(&mut m.clone(), e(None, " ")),
            Err(ApprovalError::EmptyErratum)
        );
        let err = add_erratum(&mut m.clone(), e(Some(ItemId(999)), "x")).unwrap_err();
        assert!(err.to_string().contains("999"));
    }

    #[test]
    fn a_new_seal_is_version_2_and_covers_the_procedure_of_the_meeting() {
        use crate::model::{Declaration, InterestKind, Vote, VoteResult};
        let mut m = held();
        let item = m.agenda[0].id;
        m.declarations.push(Declaration {
            member: "Cllr Tom Ashworth".into(),
            item,
            kind: InterestKind::OtherRegistrable,
            nature: "A foster carer".into(),
            left_room: false,
        });
        let with_decision = m
            .agenda
            .iter()
            .position(|i| !i.decisions.is_empty())
            .unwrap();
        m.agenda[with_decision].decisions[0].vote = Some(Vote {
            in_favour: 5,
            against: 1,
            abstained: 0,
            result: VoteResult::Carried,
            casting_vote: false,
            named: Vec::new(),
        });
        let (at, on) = (MeetingId::for_date(m.date), m.date);
        approve(&mut m, "Chair", &at, on).unwrap();
        assert_eq!(m.approval.as_ref().unwrap().seal.version, 2);
        assert_eq!(check(&m), SealCheck::Intact);
        type Change = fn(&mut Meeting, usize);
        let changes: [(&str, Change); 8] = [
            ("a vote count", |m, d| {
                m.agenda[d].decisions[0].vote.as_mut().unwrap().in_favour = 4
            }),
            ("a seconder", |m, d| {
                m.agenda[d].decisions[0].seconded_by = "Cllr Raman".into()
            }),
            ("a minute reference", |m, _| {
                m.agenda[0].minute = Some(crate::model::MinuteRef("CPB/26/99".into()))
            }),
            ("the exclusion minute", |m, _| m.exclusion_minute = None),
            ("a declaration", |m, _| m.declarations[0].left_room = true),
            ("how the minutes were taken", |m, _| {
                m.minuting = crate::model::Minuting::WriteUp
            }),
            ("a departure", |m, _| {
                m.attendance[0].departed_at = chrono::NaiveTime::from_hms_opt(15, 0, 0)
            }),
            ("a voting flag", |m, _| m.attendance[0].voting = Some(false)),
        ];
        for (what, change) in changes {
            let mut altered = m.clone();
            change(&mut altered, with_decision);
            assert_ne!(altered, m, "{what} changed nothing");
            assert!(
                matches!(check(&altered), SealCheck::Altered { .. }),
                "{what} changed after approval must break the seal"
            );
        }
    }

    #[test]
    fn a_version_1_seal_checks_against_version_1_text() {
        let mut m = held();
        let (at, on) = (MeetingId::for_date(m.date), m.date);
        approve(&mut m, "Chair", &at, on).unwrap();
        let v1 = hex_sha256(sealed_text(&m, 1).as_bytes());
        let seal = &mut m.approval.as_mut().unwrap().seal;
        seal.version = 1;
        seal.sha256 = v1;
        assert_eq!(check(&m), SealCheck::Intact);
        // Version 1 never covered votes: changing one leaves it intact, as it always was.
        m.minuting = crate::model::Minuting::WriteUp;
        assert_eq!(check(&m), SealCheck::Intact);
        m.agenda[0].minutes.push('!');
        assert!(matches!(check(&m), SealCheck::Altered { .. }));
        m.approval.as_mut().unwrap().seal.version = 3;
        assert_eq!(check(&m), SealCheck::UnknownVersion(3));
    }

    #[test]
    fn moving_text_between_fields_changes_the_sealed_text() {
        let mut a = held();
        a.agenda.truncate(1);
        a.agenda
            .push(AgendaItem::new(ItemId(500), "Two", ItemKind::Report));
        a.agenda[0].minutes = "ab".into();
        let mut b = a.clone();
        b.agenda[0].minutes = "a".into();
        b.agenda[1].title = "bTwo".into();
        assert_ne!(sealed_text(&a, 1), sealed_text(&b, 1));
    }
}
