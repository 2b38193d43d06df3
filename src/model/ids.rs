//! Identifiers: meeting ids double as file names, so they are validated to be safe ones.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A meeting's id: its date, optionally followed by a lowercase suffix
/// (`2026-12-09`, `2026-12-09-extra`). It names the meeting's file, so anything
/// that could leave the data directory (`/`, `..`, NUL, hidden names) is refused.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MeetingId(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError(pub String);

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a meeting id: use the meeting's date as YYYY-MM-DD, optionally followed by \
             a suffix of lowercase letters, digits and hyphens (e.g. 2026-12-09-extra)",
            self.0
        )
    }
}

impl std::error::Error for IdError {}

const MAX_SUFFIX: usize = 40;

impl MeetingId {
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let err = || IdError(s.to_string());
        if !s.is_ascii() || s.len() < 10 {
            return Err(err());
        }
        let (date, rest) = s.split_at(10);
        NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| err())?;
        // chrono accepts "2026-1-09"-like forms; the id must be the canonical spelling.
        if !date
            .bytes()
            .enumerate()
            .all(|(i, b)| matches!(i, 4 | 7) == (b == b'-'))
        {
            return Err(err());
        }
        if !rest.is_empty() {
            let suffix = rest.strip_prefix('-').ok_or_else(err)?;
            let ok = !suffix.is_empty()
                && suffix.len() <= MAX_SUFFIX
                && !suffix.starts_with('-')
                && !suffix.ends_with('-')
                && !suffix.contains("--")
                && suffix
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !ok {
                return Err(err());
            }
        }
        Ok(MeetingId(s.to_string()))
    }

    /// The id for the ordinary meeting on `date`.
    pub fn for_date(date: NaiveDate) -> Self {
        MeetingId(crate::words::iso_date(date))
    }

    pub fn date(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.0[..10], "%Y-%m-%d").expect("validated on construction")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The `n`th id for a copy of this meeting tagged `tag` (`2026-12-09-recovered`,
    /// `2026-12-09-recovered-2`): always a valid id, the base's own suffix shortened
    /// when the whole would be too long. `tag` is lowercase letters.
    pub fn copy(&self, tag: &str, n: u32) -> MeetingId {
        let mut tail = tag.to_string();
        if n > 1 {
            tail.push_str(&format!("-{n}"));
        }
        let own = self.0.get(11..).unwrap_or("");
        let room = MAX_SUFFIX.saturating_sub(tail.len() + 1);
        let own = own[..own.len().min(room)].trim_end_matches('-');
        let suffix = if own.is_empty() {
            tail
        } else {
            format!("{own}-{tail}")
        };
        MeetingId(format!("{}-{suffix}", &self.0[..10]))
    }
}

impl TryFrom<String> for MeetingId {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        MeetingId::parse(&s)
    }
}

impl From<MeetingId> for String {
    fn from(id: MeetingId) -> String {
        id.0
    }
}

impl fmt::Display for MeetingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for MeetingId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        MeetingId::parse(s)
    }
}

/// An agenda item's id, unique within its meeting and stable when items are
/// reordered (the item *number* is derived from position; the id is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub u32);

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// An action's id, stable for its whole life as it is carried from meeting to
/// meeting: the raising meeting's id and a sequence number, e.g. `2026-03-11#2`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActionId(pub String);

impl ActionId {
    pub fn new(meeting: &MeetingId, seq: u32) -> Self {
        ActionId(format!("{meeting}#{seq}"))
    }
}

impl fmt::Display for ActionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_dates_and_suffixed_dates() {
        for ok in [
            "2026-12-09",
            "2026-12-09-extra",
            "2026-12-09-2",
            "2026-12-09-part-b",
        ] {
            assert_eq!(MeetingId::parse(ok).unwrap().as_str(), ok);
        }
        assert_eq!(
            MeetingId::parse("2026-12-09-extra").unwrap().date(),
            NaiveDate::from_ymd_opt(2026, 12, 9).unwrap()
        );
    }

    #[test]
    fn refuses_anything_that_could_escape_or_hide() {
        for bad in [
            "",
            "..",
            "../2026-12-09",
            "2026-12-09/../../etc/passwd",
            "2026-12-09/x",
            "2026-12-09-..",
            "2026-12-09-",
            "2026-12-09--x",
            "2026-12-09-Extra",
            "2026-12-09 x",
            "2026-12-09\0",
            ".2026-12-09",
            "2026-02-30",
            "2026-1-099",
            "20261209xx",
            "/etc/passwd",
            "2026-12-09-é",
        ] {
            let err = MeetingId::parse(bad).unwrap_err();
            assert!(err.to_string().contains("is not a meeting id"), "{bad:?}");
        }
    }

    #[test]
    fn refuses_bad_ids_when_read_from_json() {
        let err = serde_json::from_str::<MeetingId>("\"../../x\"").unwrap_err();
        assert!(err.to_string().contains("is not a meeting id"));
    }

    #[test]
    fn a_copy_of_any_meeting_gets_a_valid_id_even_from_a_long_one() {
        let long = format!(
            "2026-12-09-{}",
            "extraordinary-session".repeat(2)[..40].trim_end_matches('-')
        );
        for base in ["2026-12-09", "2026-12-09-extra", long.as_str()] {
            let base = MeetingId::parse(base).unwrap();
            for n in [1, 2, 1000] {
                let copy = base.copy("recovered", n);
                assert_eq!(MeetingId::parse(copy.as_str()), Ok(copy.clone()), "{copy}");
                assert_ne!(copy, base);
                assert!(copy.as_str().contains("recovered"), "{copy}");
            }
            assert_ne!(base.copy("recovered", 1), base.copy("recovered", 2));
        }
        assert_eq!(
            MeetingId::parse("2026-12-09")
                .unwrap()
                .copy("recovered", 2)
                .as_str(),
            "2026-12-09-recovered-2"
        );
    }
}
