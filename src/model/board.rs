//! A board as a record of its own: who it is, when it usually meets, its roster of members,
//! and the template its agendas start from. Meetings belong to one board.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::attendance::{Attendance, Role};
use super::clock;
use super::meeting::MeetingBoard;
use super::minute_numbers::MinuteYear;

/// A board's id: its short code in lowercase (`cpb`). It names the board's file and is the
/// suffix of a meeting id when two boards meet on one day, so it is validated like one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BoardId(String);

const MAX_BOARD_ID: usize = 24;

impl BoardId {
    pub fn parse(s: &str) -> Result<BoardId, String> {
        let ok = !s.is_empty()
            && s.len() <= MAX_BOARD_ID
            && s.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && !s.ends_with('-')
            && !s.contains("--")
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(BoardId(s.to_string()))
        } else {
            Err(format!(
                "{s:?} is not a board id: use up to {MAX_BOARD_ID} lowercase letters, digits and \
                 hyphens, starting with a letter (e.g. cpb)"
            ))
        }
    }

    /// The id a board with minute-reference code `code` gets ("CPB" → `cpb`).
    pub fn from_code(code: &str) -> Result<BoardId, String> {
        let slug: String = code
            .trim()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let slug = slug.trim_matches('-').to_string();
        BoardId::parse(&slug).map_err(|_| {
            format!("the code {code:?} cannot make a board id: use letters and digits (e.g. CPB)")
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for BoardId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        BoardId::parse(&s)
    }
}

impl From<BoardId> for String {
    fn from(id: BoardId) -> String {
        id.0
    }
}

impl fmt::Display for BoardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which week of the month a board usually meets in: "the second Wednesday".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeekOfMonth {
    Every,
    First,
    Second,
    Third,
    Fourth,
    Last,
}

/// The day a board usually meets: a weekday, in every week or one week of the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsualDay {
    #[serde(with = "weekday_name")]
    pub weekday: Weekday,
    #[serde(default = "every_week")]
    pub week: WeekOfMonth,
}

fn every_week() -> WeekOfMonth {
    WeekOfMonth::Every
}

mod weekday_name {
    use chrono::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::words::weekday_name(*d).to_lowercase())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<Weekday>()
            .map_err(|_| serde::de::Error::custom(format!("{s:?} is not a day of the week")))
    }
}

impl UsualDay {
    /// "second wednesday", "wednesday" (every week), "every wednesday", "last friday";
    /// any case, "the" and "of the month" allowed. None when it is not such a day.
    pub fn parse(typed: &str) -> Option<UsualDay> {
        let typed = typed.trim().to_lowercase();
        let typed = typed.strip_suffix("of the month").unwrap_or(&typed);
        let words: Vec<&str> = typed.split_whitespace().filter(|w| *w != "the").collect();
        let (week, day) = match words.as_slice() {
            [day] => (WeekOfMonth::Every, *day),
            [week, day] => (
                match *week {
                    "every" => WeekOfMonth::Every,
                    "first" | "1st" => WeekOfMonth::First,
                    "second" | "2nd" => WeekOfMonth::Second,
                    "third" | "3rd" => WeekOfMonth::Third,
                    "fourth" | "4th" => WeekOfMonth::Fourth,
                    "last" => WeekOfMonth::Last,
                    _ => return None,
                },
                *day,
            ),
            _ => return None,
        };
        let weekday = day.parse::<Weekday>().ok()?;
        Some(UsualDay { weekday, week })
    }

    /// Whether `date` is such a day.
    pub fn matches(&self, date: NaiveDate) -> bool {
        if date.weekday() != self.weekday {
            return false;
        }
        let nth = (date.day() - 1) / 7; // 0 for the first such weekday of the month
        match self.week {
            WeekOfMonth::Every => true,
            WeekOfMonth::First => nth == 0,
            WeekOfMonth::Second => nth == 1,
            WeekOfMonth::Third => nth == 2,
            WeekOfMonth::Fourth => nth == 3,
            WeekOfMonth::Last => (date + Duration::days(7)).month() != date.month(),
        }
    }

    /// The first such day strictly after `after`.
    pub fn next_after(&self, after: NaiveDate) -> NaiveDate {
        let mut d = after + Duration::days(1);
        // At most five weeks of a month and a week of slack: always found within 40 days.
        for _ in 0..40 {
            if self.matches(d) {
                return d;
            }
            d += Duration::days(1);
        }
        unreachable!("every weekday of some week recurs within 40 days")
    }
}

impl fmt::Display for UsualDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = crate::words::weekday_name(self.weekday);
        let week = match self.week {
            WeekOfMonth::Every => return write!(f, "every {day}"),
            WeekOfMonth::First => "first",
            WeekOfMonth::Second => "second",
            WeekOfMonth::Third => "third",
            WeekOfMonth::Fourth => "fourth",
            WeekOfMonth::Last => "last",
        };
        write!(f, "the {week} {day} of the month")
    }
}

/// A person on the board's roster, from which every new meeting's attendance starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub name: String,
    pub role: Role,
    /// Position or organisation, e.g. "Lead Member for Children's Services".
    #[serde(default)]
    pub position: String,
    /// Votes on resolutions (co-opted members and young people usually do not).
    #[serde(default)]
    pub voting: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chair: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vice_chair: bool,
    /// Named substitutes who may attend in this member's place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub substitutes: Vec<String>,
}

impl Member {
    pub fn new(name: impl Into<String>, role: Role, position: impl Into<String>) -> Member {
        Member {
            name: name.into(),
            role,
            position: position.into(),
            voting: role == Role::Member,
            chair: false,
            vice_chair: false,
            substitutes: Vec::new(),
        }
    }
}

/// How public documents refer to young people on the board.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum YoungPeopleNamed {
    /// "Young person (Children in Care Council)": the safe default.
    #[default]
    RoleOnly,
    /// By first name, as the young people themselves agreed.
    FirstName,
}

impl YoungPeopleNamed {
    /// `board`'s rule; where no board record could be read, role only: fail closed.
    pub fn of(board: Option<&Board>) -> YoungPeopleNamed {
        board.map_or(YoungPeopleNamed::RoleOnly, |b| b.young_people)
    }

    /// Whether a public document may give the name of someone in `role`: everyone's but a
    /// young person's, unless the board names young people.
    pub fn names(self, role: Role) -> bool {
        role != Role::YoungPerson || self == YoungPeopleNamed::FirstName
    }
}

/// A board: the record every one of its meetings starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    pub id: BoardId,
    pub name: String,
    #[serde(default)]
    pub council: String,
    /// The prefix of minute references ("CPB/26/12").
    pub code: String,
    /// The year minute numbers run in (and start again from 1).
    #[serde(default)]
    pub minute_year: MinuteYear,
    /// Whether the minutes give each item's start and end time (most boards' do not).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub item_times_in_minutes: bool,
    /// Members (not officers) who must be present for decisions to be valid.
    pub quorum: u32,
    #[serde(default)]
    pub venue: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usual_day: Option<UsualDay>,
    #[serde(default, with = "clock::hhmm_opt")]
    pub usual_time: Option<NaiveTime>,
    /// A built-in template's name, or a file in the data directory's `templates/`.
    pub template: String,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub young_people: YoungPeopleNamed,
    /// The democratic services officer who clerks it: named in the history of what they change.
    #[serde(default)]
    pub clerk: String,
    /// How the public reaches the clerk, for the agenda pack ("01632 960123,
    /// democratic.services@example.gov.uk").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// Meetings written before boards were records carry only a board name: those with one
    /// of these names belong to this board (set when such a data directory was migrated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adopts: Vec<String>,
}

impl Board {
    pub fn chair(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.chair)
    }

    pub fn vice_chair(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.vice_chair)
    }

    /// The date a new meeting is offered: the next usual day after `after` (today, or the
    /// last meeting), or `after` + 1 when the board has no usual day.
    pub fn next_usual_date(&self, after: NaiveDate) -> NaiveDate {
        self.usual_day
            .map_or(after + Duration::days(1), |d| d.next_after(after))
    }

    /// The roster as a new meeting's attendance: everyone expected, nobody marked yet.
    pub fn attendance(&self) -> Vec<Attendance> {
        self.members
            .iter()
            .map(|m| {
                let position = if m.position.is_empty() && m.chair {
                    "Chair".to_string()
                } else {
                    m.position.clone()
                };
                Attendance {
                    voting: Some(m.voting),
                    ..Attendance::new(m.name.clone(), m.role, position)
                }
            })
            .collect()
    }

    /// The board as a meeting records it (its name then, and its quorum then).
    pub fn snapshot(&self) -> MeetingBoard {
        MeetingBoard {
            id: Some(self.id.clone()),
            name: self.name.clone(),
            quorum: self.quorum,
        }
    }

    /// Whether a meeting's record belongs to this board.
    pub fn holds(&self, m: &MeetingBoard) -> bool {
        match &m.id {
            Some(id) => *id == self.id,
            None => self.adopts.contains(&m.name),
        }
    }

    /// What is wrong with the record, naming the field, or nothing.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push("name: a board needs a name".to_string());
        }
        if self.code.trim().is_empty() {
            out.push("code: a board needs a short code for minute references (e.g. CPB)".into());
        }
        if self.template.trim().is_empty() {
            out.push("template: a board needs the template its agendas start from".into());
        }
        out.extend(self.roster_problems());
        out
    }

    /// A roster too short for the quorum, said as a warning: a roster is built a member
    /// at a time (each saved), so refusing it would refuse every first member.
    pub fn quorum_note(&self) -> Option<String> {
        let voting = self.members.iter().filter(|m| m.voting).count();
        (self.quorum as usize > voting).then(|| {
            format!(
                "the quorum is {} but the roster has {voting} voting member(s)",
                self.quorum
            )
        })
    }

    /// What is wrong with the roster alone (a second chair, a name twice), or nothing.
    pub fn roster_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.members.iter().filter(|m| m.chair).count() > 1 {
            out.push("members: only one member can be the chair".into());
        }
        if self.members.iter().filter(|m| m.vice_chair).count() > 1 {
            out.push("members: only one member can be the vice-chair".into());
        }
        if self.members.iter().any(|m| m.chair && m.vice_chair) {
            out.push("members: the chair cannot also be the vice-chair".into());
        }
        for m in &self.members {
            if m.name.trim().is_empty() {
                out.push("members: every member needs a name".into());
            }
        }
        let mut names: Vec<_> = self.members.iter().map(|m| m.name.trim()).collect();
        names.sort_unstable();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            out.push(format!("members: {:?} is on the roster twice", w[0]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_second_wednesday_follows_the_last_meeting() {
        let day = UsualDay {
            weekday: Weekday::Wed,
            week: WeekOfMonth::Second,
        };
        assert_eq!(day.next_after(d("2026-12-09")), d("2027-01-13"));
        assert_eq!(day.next_after(d("2026-12-01")), d("2026-12-09"));
        assert_eq!(day.to_string(), "the second Wednesday of the month");
    }

    #[test]
    fn a_usual_day_is_typed_as_a_clerk_says_it() {
        let day = |s| UsualDay::parse(s).map(|d| d.to_string());
        assert_eq!(
            day("second Wednesday").as_deref(),
            Some("the second Wednesday of the month")
        );
        assert_eq!(day("wednesday").as_deref(), Some("every Wednesday"));
        assert_eq!(
            day("the last Friday of the month").as_deref(),
            Some("the last Friday of the month")
        );
        assert_eq!(day("fifth monday"), None);
        assert_eq!(day("someday"), None);
    }

    #[test]
    fn the_last_friday_is_the_last_of_its_month() {
        let day = UsualDay {
            weekday: Weekday::Fri,
            week: WeekOfMonth::Last,
        };
        assert_eq!(day.next_after(d("2026-12-01")), d("2026-12-25"));
        assert_eq!(day.next_after(d("2026-12-25")), d("2027-01-29"));
    }

    #[test]
    fn a_code_makes_a_safe_id_or_is_refused() {
        assert_eq!(BoardId::from_code("CPB").unwrap().as_str(), "cpb");
        assert_eq!(
            BoardId::from_code(" Fostering Panel ").unwrap().as_str(),
            "fostering-panel"
        );
        assert!(BoardId::from_code("../..").is_err());
        assert!(BoardId::parse("Cpb").is_err());
        assert!(BoardId::parse("cpb/x").is_err());
    }
}
