//! Serde helpers for wall-clock times, kept as "HH:MM" so the JSON reads like the minutes do.

use chrono::NaiveTime;
use serde::{Deserialize, Deserializer, Serializer};

/// Parses "HH:MM" (24-hour); the error names what was wrong.
pub fn parse_hhmm(s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| format!("{s:?} is not a time: use HH:MM on the 24-hour clock, e.g. 14:00"))
}

/// Parses a date written exactly YYYY-MM-DD (chrono alone would also take "2026-2-3").
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    shaped
        .then(|| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .flatten()
}

/// `#[serde(with = "clock::hhmm_opt")]` for `Option<NaiveTime>`.
pub mod hhmm_opt {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&crate::words::time(*t)),
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

    #[test]
    fn dates_must_be_written_in_full() {
        assert_eq!(
            parse_date("2026-12-09"),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 9)
        );
        assert_eq!(parse_date("2026-2-3"), None);
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("09/12/2026"), None);
    }
}
