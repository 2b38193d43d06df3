//! Reading the whole archive quickly, for search and the action history: every meeting
//! file, on every core, into only the fields they need (serde skips the rest without
//! building it). A file that cannot be read becomes a problem naming it; the others
//! are still read.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::model::agenda::walk_tree;
use crate::model::approval::Erratum;
use crate::model::origins::Raising;
use crate::model::{ActionItem, ItemId, Meeting, MeetingBoard, MeetingId, Standing, validate};
use crate::store::error::io_err;
use crate::store::schema::{self, DecodeError};
use crate::store::{self, Result, Store, StoreError};

/// The searchable part of a meeting record.
#[derive(Deserialize)]
struct LiteMeeting {
    #[serde(default)]
    schema_version: Option<u32>,
    id: MeetingId,
    /// Required by the store; a record without one is the store's to refuse, not search's.
    #[serde(default)]
    board: Option<MeetingBoard>,
    title: String,
    date: NaiveDate,
    #[serde(default)]
    actions: Vec<ActionItem>,
    #[serde(default)]
    errata: Vec<Erratum>,
    /// Read only to check it as the store does; small beside the agenda.
    #[serde(default)]
    standing: Standing,
    #[serde(default)]
    agenda: Vec<LiteItem>,
}

/// Only the version, when the searchable fields did not read.
#[derive(Deserialize)]
struct Peek {
    schema_version: Option<u32>,
}

#[derive(Deserialize)]
struct LiteItem {
    id: ItemId,
    title: String,
    #[serde(default)]
    minute: Option<crate::model::MinuteRef>,
    #[serde(default)]
    exempt: Option<IgnoredAny>,
    #[serde(default)]
    decisions: Vec<LiteDecision>,
    #[serde(default)]
    sub_items: Vec<LiteItem>,
    #[serde(default)]
    minutes: String,
}

#[derive(Deserialize)]
struct LiteDecision {
    text: String,
}

/// The board of a record that names none.
static NO_BOARD: MeetingBoard = MeetingBoard {
    id: None,
    name: String::new(),
    quorum: 0,
};

/// A meeting as search sees it, borrowed from whichever form it was read in.
pub(crate) struct View<'a> {
    pub id: &'a MeetingId,
    /// The board as the meeting records it (its id unresolved for an old record).
    pub board: &'a MeetingBoard,
    pub date: NaiveDate,
    pub title: &'a str,
    /// Every agenda item, depth first (agenda order), with its number.
    pub items: Vec<ItemView<'a>>,
    pub errata: &'a [Erratum],
    pub actions: &'a [ActionItem],
}

pub(crate) struct ItemView<'a> {
    pub id: ItemId,
    pub number: String,
    pub title: &'a str,
    /// The minute's reference ("CPB/26/45"), for a top-level item of a numbered draft.
    pub minute: Option<&'a str>,
    /// Exempt itself or under an exempt item: Part B business either way.
    pub exempt: bool,
    pub minutes: &'a str,
    pub decisions: Vec<&'a str>,
}

/// An agenda item however the record was read: what search reads of it.
trait Searched: Sized {
    fn id(&self) -> ItemId;
    fn title(&self) -> &str;
    fn minute(&self) -> Option<&str>;
    fn minutes(&self) -> &str;
    fn decisions(&self) -> Vec<&str>;
    fn sub_items(&self) -> &[Self];
    fn is_exempt(&self) -> bool;
}

// The lightweight record and the model's item have the same fields by the same names.
macro_rules! searched {
    ($($t:ty),*) => {$(
        impl Searched for $t {
            fn id(&self) -> ItemId {
                self.id
            }
            fn title(&self) -> &str {
                &self.title
            }
            fn minute(&self) -> Option<&str> {
                self.minute.as_ref().map(|r| r.as_str())
            }
            fn minutes(&self) -> &str {
                &self.minutes
            }
            fn decisions(&self) -> Vec<&str> {
                self.decisions.iter().map(|d| d.text.as_str()).collect()
            }
            fn sub_items(&self) -> &[Self] {
                &self.sub_items
            }
            fn is_exempt(&self) -> bool {
                self.exempt.is_some()
            }
        }
    )*};
}

searched!(LiteItem, crate::model::AgendaItem);

impl<'a> View<'a> {
    fn of_lite(m: &'a LiteMeeting) -> View<'a> {
        View::of_parts(
            &m.id,
            m.board.as_ref().unwrap_or(&NO_BOARD),
            m.date,
            &m.title,
            (&m.agenda, &m.errata, &m.actions),
        )
    }

    pub fn of_meeting(m: &'a Meeting) -> View<'a> {
        View::of_parts(
            &m.id,
            &m.board,
            m.date,
            &m.title,
            (&m.agenda, &m.errata, &m.actions),
        )
    }

    /// Every item by the shared walk of the agenda: numbered, Part B as inherited.
    fn of_parts<T: Searched>(
        id: &'a MeetingId,
        board: &'a MeetingBoard,
        date: NaiveDate,
        title: &'a str,
        (agenda, errata, actions): (&'a [T], &'a [Erratum], &'a [ActionItem]),
    ) -> View<'a> {
        let own = |i: &'a T| i.is_exempt().then_some(&());
        let items = walk_tree(agenda, |i| i.sub_items(), own)
            .iter()
            .map(|w| ItemView {
                id: w.item.id(),
                number: w.number.to_string(),
                title: w.item.title(),
                minute: w.item.minute(),
                exempt: w.is_exempt(),
                minutes: w.item.minutes(),
                decisions: w.item.decisions(),
            })
            .collect();
        View {
            id,
            board,
            date,
            title,
            items,
            errata,
            actions,
        }
    }

    /// What decides whether the actions this meeting raised are Part B.
    pub fn raising(&self) -> Raising {
        Raising::new(self.items.iter().map(|i| (i.id, i.exempt)), self.actions)
    }

    /// The item with this id, and its position in agenda order.
    pub fn item(&self, id: ItemId) -> Option<(usize, &ItemView<'a>)> {
        self.items.iter().enumerate().find(|(_, i)| i.id == id)
    }
}

/// What a scan read: one result per readable meeting file (in file-name order) and a
/// problem for every file that could not be read.
pub(crate) struct Scan<T> {
    pub results: Vec<T>,
    pub problems: Vec<StoreError>,
}

/// The meeting files of the store: what `Store::list` would read, without its side effects.
fn meeting_files(store: &Store) -> Result<Vec<(MeetingId, PathBuf)>> {
    let dir = store.dir();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err("list", dir))? {
        let entry = entry.map_err(io_err("list", dir))?;
        let name = entry.file_name();
        let Some(id) = name.to_str().and_then(store::meeting_id_of) else {
            continue;
        };
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            files.push((id, entry.path()));
        }
    }
    files.sort();
    Ok(files)
}

/// Reads every meeting in the store and hands each to `each`, with a per-thread scratch
/// value, on several threads.
pub(crate) fn scan<S, T>(store: &Store, each: impl Fn(&View, &mut S) -> T + Sync) -> Result<Scan<T>>
where
    S: Default,
    T: Send,
{
    let files = meeting_files(store)?;
    // More threads than cores: reading a cold archive mostly waits on the disk, and more
    // reads in flight keep it busy (on two cores, 8 threads search a 50 MB archive out of
    // the page cache in about 55 ms against 120 ms with 2); warm, they cost nothing.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .saturating_mul(4)
        .clamp(4, 8)
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let work = || {
        let mut scratch = S::default();
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((id, path)) = files.get(i) else {
                break;
            };
            out.push((i, read_one(store, id, path, &mut buf, &mut scratch, &each)));
        }
        out
    };
    let mut done: Vec<(usize, Result<T>)> = if threads == 1 {
        work()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    done.sort_by_key(|(i, _)| *i);
    let mut scan = Scan {
        results: Vec::with_capacity(done.len()),
        problems: Vec::new(),
    };
    for (_, r) in done {
        match r {
            Ok(t) => scan.results.push(t),
            Err(e) => scan.problems.push(e),
        }
    }
    Ok(scan)
}

fn read_one<S, T>(
    store: &Store,
    id: &MeetingId,
    path: &Path,
    buf: &mut Vec<u8>,
    scratch: &mut S,
    each: &impl Fn(&View, &mut S) -> T,
) -> Result<T> {
    buf.clear();
    File::open(path)
        .and_then(|mut f| f.read_to_end(buf))
        .map_err(io_err("read", path))?;
    // An old record (its fields named differently): the store's reader brings it up to date.
    let old = |scratch: &mut S| -> Result<T> {
        let loaded = store.load(id)?;
        Ok(each(&View::of_meeting(&loaded.meeting), scratch))
    };
    let lite: LiteMeeting = match serde_json::from_slice::<LiteMeeting>(buf) {
        Ok(lite) if lite.schema_version.unwrap_or(0) >= schema::CURRENT => lite,
        Ok(_) => return old(scratch),
        Err(e) => {
            return match serde_json::from_slice::<Peek>(buf) {
                Ok(p) if p.schema_version.unwrap_or(0) < schema::CURRENT => old(scratch),
                _ => Err(StoreError::undecodable(path, DecodeError::from(e))),
            };
        }
    };
    if lite.id != *id {
        return Err(StoreError::wrong_meeting(path, &lite.id, id));
    }
    validate::check(&lite.id, lite.date, &lite.standing)
        .map_err(|p| StoreError::invalid(path, id, p))?;
    Ok(each(&View::of_lite(&lite), scratch))
}
