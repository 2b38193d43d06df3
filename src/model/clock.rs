//! Serde helpers for wall-clock times, kept as "HH:MM" so the JSON reads like the minutes do.

use chrono::NaiveTime;
use serde::{Deserialize, Deserializer, Serializer};

/// Parses "HH:MM" (24-hour); the error names what was wrong.
pub fn parse_hhmm(s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| format!("{s:?} is not a time: use HH:MM on the 24-hour clock, e.g. 14:00"))
}

pub fn format_hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// `#[serde(with = "clock::hhmm_opt")]` for `Option<NaiveTime>`.
pub mod hhmm_opt {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&format_hhmm(*t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => parse_hhmm(&s).map(Some).map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_24_hour_times_and_names_bad_ones() {
        assert_eq!(
            parse_hhmm("14:05").unwrap(),
            NaiveTime::from_hms_opt(14, 5, 0).unwrap()
        );
        let err = parse_hhmm("25:00").unwrap_err();
        assert!(err.contains("\"25:00\" is not a time"), "{err}");
        assert!(parse_hhmm("2pm").is_err());
    }
}
