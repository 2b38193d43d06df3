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
        }
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
    use super::*;

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
