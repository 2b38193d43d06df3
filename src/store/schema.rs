//! The on-disk record format: `schema_version`, encoding, and migrations of older versions
//! through a `serde_json::Value` step.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::model::Meeting;

/// The version this build writes. Version 2 has version 1's shape; reading a version 1
/// record marks what it holds of Part B business that version 1 builds left unmarked
/// ([`v1_to_v2`], and the store's archive step, `Store::derive_part_b`).
/// Version 3 adds boards as records (a meeting's `board.id`), write-up minuting, the
/// meeting's actual start and end, departures, and withdrawn actions with who changed what:
/// same shape, but a version 2 build would drop them on saving, so it must open them read-only.
/// Version 4 adds procedure: minute references, movers, seconders and votes on decisions,
/// declarations of interest, voting flags in the attendance, the exclusion minute, the
/// calendar's sequence and the agenda's publication date. Again only added fields.
pub const CURRENT: u32 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Current,
    Migrated {
        from: u32,
    },
    /// Written by a newer minutebook: readable, but saving could drop what it added.
    Newer {
        found: u32,
    },
}

#[derive(Debug)]
pub enum DecodeError {
    /// Bad JSON or a bad field, with its position in the file.
    At {
        line: usize,
        column: usize,
        reason: String,
    },
    Migration {
        from: u32,
        reason: String,
    },
}

impl From<serde_json::Error> for DecodeError {
    fn from(e: serde_json::Error) -> Self {
        // serde_json appends " at line L column C"; the position is reported separately.
        let full = e.to_string();
        let reason = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(r, _)| r)
            .to_string();
        DecodeError::At {
            line: e.line(),
            column: e.column(),
            reason,
        }
    }
}

#[derive(Serialize)]
struct StoredRef<'a> {
    schema_version: u32,
    #[serde(flatten)]
    meeting: &'a Meeting,
}

pub fn encode(meeting: &Meeting) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(&StoredRef {
        schema_version: CURRENT,
        meeting,
    })
    .expect("a Meeting always serialises");
    out.push(b'\n');
    out
}

/// Reads only the version; serde skips the rest without building it.
#[derive(Deserialize)]
struct Peek {
    schema_version: Option<u32>,
}

pub fn decode(text: &str) -> Result<(Meeting, Version), DecodeError> {
    let peek: Peek = serde_json::from_str(text)?;
    // Version 0 files predate the field.
    let found = peek.schema_version.unwrap_or(0);
    if found >= CURRENT {
        let meeting = serde_json::from_str(text)?;
        let version = if found == CURRENT {
            Version::Current
        } else {
            Version::Newer { found }
        };
        return Ok((meeting, version));
    }
    let mut meeting = if found >= SAME_SHAPE_SINCE {
        // Read as it is, so a bad field is still reported at its line and column.
        serde_json::from_str(text)?
    } else {
        let mut value: Value = serde_json::from_str(text)?;
        for from in found..SAME_SHAPE_SINCE {
            value = MIGRATIONS[from as usize](value).map_err(|reason| DecodeError::Migration {
                from: found,
                reason,
            })?;
        }
        serde_json::from_value(value).map_err(|e| DecodeError::Migration {
            from: found,
            reason: e.to_string(),
        })?
    };
    for from in found.max(SAME_SHAPE_SINCE)..CURRENT {
        FIXUPS[(from - SAME_SHAPE_SINCE) as usize](&mut meeting);
    }
    Ok((meeting, Version::Migrated { from: found }))
}

type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[n]` takes a version-n record to version n+1, changing its shape.
const MIGRATIONS: [Migration; SAME_SHAPE_SINCE as usize] = [v0_to_v1];

/// From this version on records have the shape [`Meeting`] reads; later versions change
/// what the values mean, not where they are.
const SAME_SHAPE_SINCE: u32 = 1;

/// `FIXUPS[n]` takes a read record of version `SAME_SHAPE_SINCE + n` to the next.
const FIXUPS: [fn(&mut Meeting); (CURRENT - SAME_SHAPE_SINCE) as usize] =
    [v1_to_v2, v2_to_v3, v3_to_v4];

/// Version 1 builds could leave an action raised under a sub-item of exempt business
/// unmarked; every action raised here under Part B (inherited included) is marked now.
/// What a record cannot show alone (its carried actions and deferred items, whose
/// Part B lies in other meetings) the store's archive step adds.
fn v1_to_v2(m: &mut Meeting) {
    m.mark_exempt_actions();
}

/// Nothing to change: version 3 only adds fields, all optional.
fn v2_to_v3(_: &mut Meeting) {}

/// Nothing to change: version 4 only adds fields, all optional. Minutes drafted before it
/// have no minute references: they keep their item numbers rather than be given
/// references they never had.
fn v3_to_v4(_: &mut Meeting) {}

fn take(obj: &mut Map<String, Value>, key: &str) -> Value {
    obj.remove(key).unwrap_or(Value::Null)
}

fn object(v: Value, what: &str) -> Result<Map<String, Value>, String> {
    match v {
        Value::Object(m) => Ok(m),
        _ => Err(format!("{what} is not an object")),
    }
}

fn array(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a,
        _ => Vec::new(),
    }
}

/// Version 0 (the prototype) kept the board as a bare name, attendance as a
/// present flag, minutes in `notes`, exemption as a bare reason, and actions
/// with a `done` flag.
fn v0_to_v1(v: Value) -> Result<Value, String> {
    let mut m = object(v, "the record")?;
    let board = json!({ "name": take(&mut m, "board"), "quorum": take(&mut m, "quorum") });
    let status = match take(&mut m, "status").as_str() {
        Some("held") => "draft",
        Some("approved") => "approved",
        _ => "planned",
    };
    let attendance: Vec<Value> = array(take(&mut m, "attendees"))
        .into_iter()
        .map(|a| {
            let mut a = object(a, "an attendee")?;
            let present = take(&mut a, "present").as_bool();
            Ok(json!({
                "name": take(&mut a, "name"),
                "role": take(&mut a, "role"),
                "position": take(&mut a, "position").as_str().unwrap_or(""),
                "status": match present { Some(true) => "present", Some(false) => "apologies", None => "expected" },
            }))
        })
        .collect::<Result<_, String>>()?;
    fn item(v: Value) -> Result<Value, String> {
        let mut i = object(v, "an agenda item")?;
        let subs: Vec<Value> = array(take(&mut i, "items"))
            .into_iter()
            .map(item)
            .collect::<Result<_, _>>()?;
        let exempt = match take(&mut i, "exempt_reason") {
            Value::String(reason) => json!({ "reason": reason }),
            _ => Value::Null,
        };
        Ok(json!({
            "id": take(&mut i, "id"),
            "title": take(&mut i, "title"),
            "kind": take(&mut i, "kind"),
            "presenter": take(&mut i, "presenter").as_str().unwrap_or(""),
            "minutes_allotted": take(&mut i, "minutes"),
            "exempt": exempt,
            "sub_items": subs,
            "minutes": take(&mut i, "notes").as_str().unwrap_or(""),
        }))
    }
    let agenda: Vec<Value> = array(take(&mut m, "items"))
        .into_iter()
        .map(item)
        .collect::<Result<_, _>>()?;
    let id = take(&mut m, "id");
    let actions: Vec<Value> = array(take(&mut m, "actions"))
        .into_iter()
        .map(|a| {
            let mut a = object(a, "an action")?;
            let done = take(&mut a, "done").as_bool().unwrap_or(false);
            let raised = take(&mut a, "raised_at");
            Ok(json!({
                "id": take(&mut a, "id"),
                "text": take(&mut a, "text"),
                "owner": take(&mut a, "owner"),
                "due": take(&mut a, "due"),
                "raised": { "meeting": if raised.is_null() { id.clone() } else { raised } },
                "status": if done { "done" } else { "open" },
            }))
        })
        .collect::<Result<_, String>>()?;
    Ok(json!({
        "schema_version": 1,
        "id": id,
        "board": board,
        "title": take(&mut m, "title"),
        "date": take(&mut m, "date"),
        "start_time": take(&mut m, "time"),
        "venue": take(&mut m, "venue").as_str().unwrap_or(""),
        "status": status,
        "attendance": attendance,
        "actions": actions,
        "agenda": agenda,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = decode("{\n  \"schema_version\": 1,\n  \"id\": \n").unwrap_err();
        match err {
            DecodeError::At { line, reason, .. } => {
                assert_eq!(line, 4);
                assert!(reason.contains("EOF"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_fields_in_current_files_carry_line_and_column() {
        let text = "{\n  \"schema_version\": 1,\n  \"id\": \"../etc\", \"title\": \"x\"\n}";
        match decode(text).unwrap_err() {
            DecodeError::At { line, reason, .. } => {
                assert!(reason.contains("is not a meeting id"), "{reason}");
                assert_eq!(line, 3, "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }
}
