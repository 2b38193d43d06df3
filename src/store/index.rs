//! The archive listing and its cache: one small summary per meeting, kept in `.index.json`
//! and trusted only while the file's (inode, size, mtime) still match, so listing a large
//! archive reads one small file instead of every meeting's minutes.

use std::collections::BTreeMap;
use std::fs::Metadata;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::model::agenda;
use crate::model::clock;
use crate::model::{BoardId, Meeting, MeetingId, MeetingStatus, Presence};

/// What identifies one version of a file on disk. A save renames a new file into
/// place, so the inode alone changes on every save; size and mtime cover hand edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub inode: u64,
    pub len: u64,
    pub mtime_ns: i128,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        Stamp {
            inode,
            len: meta.len(),
            mtime_ns,
        }
    }
}

/// One version of a file: its stamp (cheap to read, but changed by a mere `touch` or a
/// byte-identical copy) and a SHA-256 of its bytes (what decides whether it really changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileVersion {
    pub stamp: Stamp,
    pub sha256: [u8; 32],
}

impl FileVersion {
    pub fn of(stamp: Stamp, bytes: &[u8]) -> FileVersion {
        use sha2::{Digest, Sha256};
        FileVersion {
            stamp,
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// The digest as lower-case hex, as journal headers carry it.
    pub fn sha256_hex(&self) -> String {
        use std::fmt::Write;
        self.sha256
            .iter()
            .fold(String::with_capacity(64), |mut s, b| {
                let _ = write!(s, "{b:02x}");
                s
            })
    }
}

/// One line of the archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub id: MeetingId,
    pub date: NaiveDate,
    #[serde(default, with = "clock::hhmm_opt")]
    pub start_time: Option<NaiveTime>,
    pub title: String,
    /// The board record the meeting belongs to: the one it names or, for a record made
    /// before boards were records, the one that adopts its board's name (resolved when
    /// listed; the cache keeps what the file says).
    #[serde(default)]
    pub board_id: Option<BoardId>,
    /// The board's name as the meeting records it.
    pub board: String,
    /// The board's short code ("CPB"), from its record; empty when unresolved.
    #[serde(default)]
    pub board_code: String,
    pub status: MeetingStatus,
    pub present: u32,
    pub actions_raised: u32,
    /// Counted as the published agenda lists them ([`agenda::exempt_item_count`]).
    pub exempt_items: u32,
    /// The IHA figures reported at this meeting, for trends without reading every file.
    #[serde(default)]
    pub iha: Option<IhaPoint>,
    /// The board's other standing figures reported at this meeting, by key.
    #[serde(default)]
    pub figures: Vec<(String, f64)>,
    /// Who approved the minutes, at which meeting and when, if they are approved.
    #[serde(default)]
    pub approval: Option<ApprovalLine>,
    #[serde(default)]
    pub errata: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalLine {
    pub by: String,
    pub at: MeetingId,
    pub on: NaiveDate,
}

/// One meeting's IHA timeliness, as the trend needs it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IhaPoint {
    pub due: u32,
    pub within_20_days: u32,
    pub target: f64,
}

impl IhaPoint {
    pub fn rate(&self) -> Option<f64> {
        crate::model::standing::rate_of(self.within_20_days, self.due)
    }

    pub fn status(&self) -> crate::model::standing::IhaStatus {
        crate::model::standing::status_of(self.within_20_days, self.due, self.target)
    }
}

impl Summary {
    pub fn of(m: &Meeting) -> Summary {
        Summary {
            id: m.id.clone(),
            date: m.date,
            start_time: m.start_time,
            title: m.title.clone(),
            board_id: m.board.id.clone(),
            board: m.board.name.clone(),
            board_code: String::new(),
            status: m.status,
            present: m
                .attendance
                .iter()
                .filter(|a| a.status == Presence::Present)
                .count() as u32,
            actions_raised: m.actions_raised().count() as u32,
            iha: m.standing.iha.as_ref().map(|f| IhaPoint {
                due: f.due,
                within_20_days: f.within_20_days,
                target: m.standing.iha_target,
            }),
            figures: m
                .standing
                .figures
                .iter()
                .filter_map(|f| Some((f.key.clone(), f.value?)))
                .collect(),
            approval: m.approval.as_ref().map(|a| ApprovalLine {
                by: a.approved_by.clone(),
                at: a.at_meeting.clone(),
                on: a.on,
            }),
            errata: m.errata.len() as u32,
            exempt_items: agenda::exempt_item_count(&m.agenda) as u32,
        }
    }
}

pub const INDEX_FILE: &str = ".index.json";
/// Bumped when `Summary` gains a field, so older caches are rebuilt; and when reading
/// refuses more (5: impossible figures), so no summary cached before is listed unchecked;
/// and when a field is counted anew (6: exempt items as the published agenda lists them);
/// 7: the meeting's board id.
const INDEX_VERSION: u32 = 7;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    version: u32,
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    stamp: Stamp,
    summary: Summary,
}

impl Index {
    /// A missing, unreadable or outdated cache is simply empty: it is rebuilt.
    pub fn parse(bytes: &[u8]) -> Index {
        serde_json::from_slice::<Index>(bytes)
            .ok()
            .filter(|i| i.version == INDEX_VERSION)
            .unwrap_or_default()
    }

    pub fn get(&self, file: &str, stamp: Stamp) -> Option<&Summary> {
        self.entries
            .get(file)
            .filter(|e| e.stamp == stamp)
            .map(|e| &e.summary)
    }

    pub fn encode(entries: impl IntoIterator<Item = (String, Stamp, Summary)>) -> Vec<u8> {
        let index = Index {
            version: INDEX_VERSION,
            entries: entries
                .into_iter()
                .map(|(f, stamp, summary)| (f, Entry { stamp, summary }))
                .collect(),
        };
        serde_json::to_vec(&index).expect("an index always serialises")
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
