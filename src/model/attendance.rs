//! Who attended: members, officers, young people and partners, and whether the board is quorate.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::clock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Member,
    Officer,
    YoungPerson,
    Partner,
    Other,
}

/// `Expected` until the clerk marks the person at the meeting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Presence {
    #[default]
    Expected,
    Present,
    Apologies,
    Absent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub name: String,
    pub role: Role,
    /// Position or organisation, e.g. "Chair", "Designated Nurse, ICB".
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub status: Presence,
    #[serde(default, with = "clock::hhmm_opt")]
    pub arrived_at: Option<NaiveTime>,
    /// Left before the end of the meeting.
    #[serde(
        default,
        with = "clock::hhmm_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub departed_at: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Whether they vote, as the board's roster said when the meeting was made; `None`
    /// (records from before the roster said): members vote, nobody else does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voting: Option<bool>,
}

impl Attendance {
    pub fn new(name: impl Into<String>, role: Role, position: impl Into<String>) -> Self {
        Attendance {
            name: name.into(),
            role,
            position: position.into(),
            status: Presence::Expected,
            arrived_at: None,
            departed_at: None,
            note: String::new(),
            voting: None,
        }
    }
}

/// Why a person's times cannot be set as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimesRefused {
    /// Only someone present arrives or leaves.
    NotPresent(Presence),
    /// Left at or before the time they arrived (or the meeting began).
    LeftBeforeArriving { arrived: NaiveTime, left: NaiveTime },
}

impl std::fmt::Display for TimesRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TimesRefused::NotPresent(p) => write!(
                f,
                "they are not marked present ({}): mark them present first",
                p.label()
            ),
            TimesRefused::LeftBeforeArriving { arrived, left } => write!(
                f,
                "{} is not after {}, when they arrived",
                crate::words::time(*left),
                crate::words::time(*arrived)
            ),
        }
    }
}

impl Attendance {
    /// Whether they vote on resolutions.
    pub fn votes(&self) -> bool {
        self.voting.unwrap_or(self.role == Role::Member)
    }

    /// Sets when the person arrived and left (`None`: not recorded). Leaving is after
    /// arriving, or, with no arrival recorded, after the meeting `began`.
    pub fn set_times(
        &mut self,
        arrived: Option<NaiveTime>,
        left: Option<NaiveTime>,
        began: Option<NaiveTime>,
    ) -> Result<(), TimesRefused> {
        if self.status != Presence::Present && (arrived.is_some() || left.is_some()) {
            return Err(TimesRefused::NotPresent(self.status));
        }
        if let (Some(arrived), Some(left)) = (arrived.or(began), left)
            && left <= arrived
        {
            return Err(TimesRefused::LeftBeforeArriving { arrived, left });
        }
        self.arrived_at = arrived;
        self.departed_at = left;
        Ok(())
    }
}

/// Who is in the chair: someone present whose position in this meeting's own record is
/// "Chair" (so a board that elects a new chair later does not rewrite who chaired its past
/// meetings), else the board's chair if present, else its vice-chair if present
/// (`chair`, `vice_chair`: the roster's names).
pub fn in_the_chair<'a>(
    attendance: &'a [Attendance],
    chair: Option<&str>,
    vice_chair: Option<&str>,
) -> Option<&'a Attendance> {
    let present = |a: &&Attendance| a.status == Presence::Present;
    let named = |name: Option<&str>| {
        let name = name?.trim();
        attendance
            .iter()
            .filter(present)
            .find(|a| a.name.trim() == name)
    };
    attendance
        .iter()
        .filter(present)
        .find(|a| a.position.trim().eq_ignore_ascii_case("chair"))
        .or_else(|| named(chair))
        .or_else(|| named(vice_chair))
}

/// When the meeting begins at `start`, those already marked present arrived then: the
/// "Arrived" column is filled for them as for anyone marked later.
pub fn arrived_at_start(attendance: &mut [Attendance], start: NaiveTime) {
    for p in attendance
        .iter_mut()
        .filter(|p| p.status == Presence::Present && p.arrived_at.is_none())
    {
        p.arrived_at = Some(start);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quorum {
    pub members_present: u32,
    pub needed: u32,
    /// False until anyone's attendance has been marked: before that, "not quorate" would mislead.
    pub taken: bool,
}

impl Quorum {
    pub fn of(attendance: &[Attendance], needed: u32) -> Quorum {
        let members_present = attendance
            .iter()
            .filter(|a| a.role == Role::Member && a.status == Presence::Present)
            .count() as u32;
        let taken = attendance.iter().any(|a| a.status != Presence::Expected);
        Quorum {
            members_present,
            needed,
            taken,
        }
    }

    /// The quorum in the room now: members (as [`Quorum::of`] counts them) present, not
    /// yet gone by `now` nor arriving after it, and not out of the room for the item in
    /// hand (`out_of_room`, names as declared). With no `now` (the meeting is not running
    /// live), anyone recorded as having left is gone. A member leaving that makes the
    /// meeting inquorate shows at once.
    pub fn at(
        attendance: &[Attendance],
        needed: u32,
        now: Option<NaiveTime>,
        out_of_room: &[String],
    ) -> Quorum {
        let here = |a: &&Attendance| {
            let gone = match (a.departed_at, now) {
                (Some(left), Some(now)) => left <= now,
                (Some(_), None) => true,
                (None, _) => false,
            };
            let not_yet = matches!((a.arrived_at, now), (Some(came), Some(now)) if came > now);
            let out = out_of_room
                .iter()
                .any(|n| super::resolution::same_name(n, &a.name));
            !gone && !not_yet && !out
        };
        let members_present = attendance
            .iter()
            .filter(|a| a.role == Role::Member && a.status == Presence::Present)
            .filter(here)
            .count() as u32;
        Quorum {
            members_present,
            ..Quorum::of(attendance, needed)
        }
    }

    pub fn is_quorate(self) -> bool {
        self.members_present >= self.needed
    }

    /// "quorate (5 of 4 needed)" or "NOT QUORATE (2 of 4 needed)": words, not colour.
    pub fn describe(self) -> String {
        if !self.taken {
            return format!(
                "attendance not yet taken ({} members needed for a quorum)",
                self.needed
            );
        }
        let word = if self.is_quorate() {
            "quorate"
        } else {
            "NOT QUORATE"
        };
        format!(
            "{word} ({} of {} needed)",
            self.members_present, self.needed
        )
    }
}

#[cfg(test)]
mod tests {
    /// A meeting's record says who chaired it; a board that elects a new chair later does
    /// not change who chaired its earlier meetings (sealed ones among them).
    #[test]
    fn the_meetings_own_record_of_its_chair_outranks_the_boards_chair_now() {
        let mut then = Attendance::new("Cllr Holloway", Role::Member, "Chair");
        let mut now = Attendance::new("Cllr Brierley", Role::Member, "Member Champion");
        then.status = Presence::Present;
        now.status = Presence::Present;
        let people = [then, now];
        let chair = in_the_chair(&people, Some("Cllr Brierley"), None);
        assert_eq!(chair.map(|a| a.name.as_str()), Some("Cllr Holloway"));
        // With no one recorded as "Chair", the board's chair (if present) is taken.
        let mut people = people;
        people[0].position = "Lead Member".into();
        let chair = in_the_chair(&people, Some("Cllr Brierley"), None);
        assert_eq!(chair.map(|a| a.name.as_str()), Some("Cllr Brierley"));
    }

    use super::*;

    fn t(s: &str) -> NaiveTime {
        clock::parse_hhmm(s).unwrap()
    }

    #[test]
    fn times_are_set_only_for_someone_present_and_leaving_comes_after_arriving() {
        let mut p = Attendance::new("Cllr A", Role::Member, "");
        let err = p.set_times(Some(t("10:05")), None, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "they are not marked present (not yet marked): mark them present first"
        );
        p.status = Presence::Present;
        let err = p
            .set_times(Some(t("10:05")), Some(t("10:05")), None)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "10:05 is not after 10:05, when they arrived"
        );
        // With no arrival recorded, leaving is judged against the start.
        let err = p
            .set_times(None, Some(t("09:30")), Some(t("10:00")))
            .unwrap_err();
        assert!(matches!(err, TimesRefused::LeftBeforeArriving { .. }));
        p.set_times(Some(t("10:05")), Some(t("11:40")), Some(t("10:00")))
            .unwrap();
        assert_eq!(
            (p.arrived_at, p.departed_at),
            (Some(t("10:05")), Some(t("11:40")))
        );
        p.set_times(None, None, None).unwrap();
        assert_eq!(
            (p.arrived_at, p.departed_at),
            (None, None),
            "both can be cleared"
        );
    }

    #[test]
    fn those_present_before_the_start_arrived_at_the_start() {
        let mut people = vec![
            Attendance::new("Cllr A", Role::Member, ""),
            Attendance::new("Cllr B", Role::Member, ""),
            Attendance::new("Cllr C", Role::Member, ""),
        ];
        people[0].status = Presence::Present;
        people[1].status = Presence::Apologies;
        people[2].status = Presence::Present;
        people[2].arrived_at = Some(t("09:55"));
        arrived_at_start(&mut people, t("10:02"));
        let arrived: Vec<_> = people.iter().map(|p| p.arrived_at).collect();
        assert_eq!(arrived, [Some(t("10:02")), None, Some(t("09:55"))]);
    }

    #[test]
    fn a_member_leaving_that_makes_the_meeting_inquorate_shows_at_once() {
        let mut people: Vec<Attendance> = ["Cllr A", "Cllr B", "Cllr C", "Cllr D"]
            .into_iter()
            .map(|n| Attendance::new(n, Role::Member, ""))
            .collect();
        people.push(Attendance::new("Head of Service", Role::Officer, ""));
        for p in &mut people {
            p.status = Presence::Present;
            p.arrived_at = Some(t("14:00"));
        }
        people[3].status = Presence::Apologies;
        people[0].departed_at = Some(t("15:10"));
        let at = |now: &str, out: &[String]| Quorum::at(&people, 3, Some(t(now)), out);
        assert_eq!(at("15:09", &[]).describe(), "quorate (3 of 3 needed)");
        assert_eq!(at("15:10", &[]).describe(), "NOT QUORATE (2 of 3 needed)");
        // Out of the room for the item in hand, after an interest declared.
        let out = ["cllr b ".to_string()];
        assert_eq!(at("14:30", &out).describe(), "NOT QUORATE (2 of 3 needed)");
        // Not yet arrived is not in the room either.
        people[2].arrived_at = Some(t("14:45"));
        assert_eq!(
            Quorum::at(&people, 3, Some(t("14:30")), &[]).members_present,
            2
        );
        // Not running live: whoever is recorded as having left has gone.
        assert_eq!(Quorum::at(&people, 3, None, &[]).members_present, 2);
        // Quorum::of counts those marked present, as its callers expect.
        assert_eq!(Quorum::of(&people, 3).members_present, 3);
    }

    #[test]
    fn only_present_members_count_towards_quorum() {
        let mut people = vec![
            Attendance::new("Cllr A", Role::Member, "Chair"),
            Attendance::new("Cllr B", Role::Member, ""),
            Attendance::new("Cllr C", Role::Member, ""),
            Attendance::new("Head of Service", Role::Officer, ""),
            Attendance::new("CiCC rep", Role::YoungPerson, ""),
        ];
        assert_eq!(
            Quorum::of(&people, 3).describe(),
            "attendance not yet taken (3 members needed for a quorum)"
        );
        for p in &mut people {
            p.status = Presence::Present;
        }
        people[2].status = Presence::Apologies;
        let q = Quorum::of(&people, 3);
        assert_eq!(q.members_present, 2);
        assert_eq!(q.describe(), "NOT QUORATE (2 of 3 needed)");
        people[2].status = Presence::Present;
        assert_eq!(Quorum::of(&people, 3).describe(), "quorate (3 of 3 needed)");
    }
}
