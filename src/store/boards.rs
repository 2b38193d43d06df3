//! Board records on disk: `boards/<id>.json`, one per board, written atomically and
//! privately like meetings.

use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::error::io_err;
use super::{Result, Store, StoreError, Summary, atomic};
use crate::model::board_migration::{board_from_meeting, code_of_name, free_id, usual_day_of};
use crate::model::{Board, BoardId, Meeting, MeetingBoard};

/// The folder of board records inside the data directory.
pub const BOARDS_DIR: &str = "boards";

/// The version of the board record format this build writes.
pub const BOARD_FORMAT: u32 = 1;

#[derive(Serialize)]
struct StoredRef<'a> {
    format: u32,
    #[serde(flatten)]
    board: &'a Board,
}

#[derive(Deserialize)]
struct Stored {
    format: Option<u32>,
    #[serde(flatten)]
    board: Board,
}

pub fn encode(board: &Board) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(&StoredRef {
        format: BOARD_FORMAT,
        board,
    })
    .expect("a Board always serialises");
    out.push(b'\n');
    out
}

impl Store {
    pub fn boards_dir(&self) -> PathBuf {
        self.dir().join(BOARDS_DIR)
    }

    pub fn board_path(&self, id: &BoardId) -> PathBuf {
        self.boards_dir().join(format!("{id}.json"))
    }

    /// Every board record, by name. A file that cannot be read is an error naming it.
    pub fn board_records(&self) -> Result<Vec<Board>> {
        let dir = self.boards_dir();
        let entries = match self.disk().read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("list the boards in", &dir)(e)),
        };
        let mut boards = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io_err("list the boards in", &dir))?;
            let name = entry.file_name();
            let Some(id) = name
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .and_then(|n| BoardId::parse(n).ok())
            else {
                continue;
            };
            if let Some(board) = self.board(&id)? {
                boards.push(board);
            }
        }
        boards.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        Ok(boards)
    }

    /// The board a meeting belongs to ([`Store::boards`]): the record it names, or for a
    /// record written before boards were records, the one that adopts its board's name.
    pub fn board_of(&self, m: &MeetingBoard) -> Result<Option<Board>> {
        if let Some(board) =
            m.id.as_ref()
                .map(|id| self.board(id))
                .transpose()?
                .flatten()
        {
            return Ok(Some(board));
        }
        Ok(holder(&self.boards()?, m).cloned())
    }

    /// Every board of the data directory, by name: the records, and for meetings no record
    /// holds, the board [`Store::migrate_boards`] makes for them (not written here), so a
    /// directory that could not be migrated (read-only) still gives every meeting its board.
    pub fn boards(&self) -> Result<Vec<Board>> {
        self.boards_given(&self.list_as_recorded()?.meetings)
    }

    /// As [`Store::boards`], for meetings already listed as their files record them.
    pub(super) fn boards_given(&self, meetings: &[Summary]) -> Result<Vec<Board>> {
        let mut boards = self.board_records()?;
        let unheld = self.unheld_boards(&boards, meetings);
        boards.extend(unheld);
        boards.sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        Ok(boards)
    }

    /// Writes a board record for every board whose meetings no record holds: a data
    /// directory written before boards were records becomes one board per board name, with
    /// no meeting file changed (their seals cover the id and the board's name). Best effort:
    /// a record that cannot be written is said in the store's warnings, and the board is
    /// still given to its meetings in memory ([`Store::boards`]). Returns the boards written.
    pub fn migrate_boards(&self) -> Result<Vec<Board>> {
        let listed = self.list_as_recorded()?;
        let records = self.board_records()?;
        let mut created = Vec::new();
        for board in self.unheld_boards(&records, &listed.meetings) {
            match self.create_board(&board) {
                Ok(()) => created.push(board),
                Err(e) => self.warn(format!(
                    "the meetings of {:?} are shown as board {} for now, but its record could \
                     not be made: {e}",
                    board.name, board.id
                )),
            }
        }
        Ok(created)
    }

    /// The boards migration makes for the meetings `records` do not hold: one for each board
    /// id named without a record, and one for each board name no record adopts (a record
    /// whose id is named takes the meetings of its own name too). Ids come from the name's
    /// initials, the first free one.
    fn unheld_boards(&self, records: &[Board], meetings: &[Summary]) -> Vec<Board> {
        let mut named: BTreeMap<BoardId, Vec<&Summary>> = BTreeMap::new();
        let mut legacy: BTreeMap<&str, Vec<&Summary>> = BTreeMap::new();
        for s in meetings {
            let recorded = MeetingBoard {
                id: s.board_id.clone(),
                name: s.board.clone(),
                quorum: 0,
            };
            if holder(records, &recorded).is_some() {
                continue;
            }
            match &s.board_id {
                Some(id) => named.entry(id.clone()).or_default().push(s),
                None => legacy.entry(s.board.as_str()).or_default().push(s),
            }
        }
        let mut planned: Vec<Board> = Vec::new();
        for (id, group) in named {
            let Some((latest, day)) = self.latest_of(&group) else {
                continue;
            };
            let mut board = board_from_meeting(id, code_of_name(&latest.board.name), &latest);
            board.usual_day = day;
            if legacy.remove(latest.board.name.as_str()).is_some() {
                board.adopts.push(latest.board.name.clone());
            }
            planned.push(board);
        }
        for (name, group) in legacy {
            let Some((latest, day)) = self.latest_of(&group) else {
                continue;
            };
            let code = code_of_name(name);
            let id = free_id(&code, |id| {
                records.iter().chain(&planned).any(|b| b.id == *id)
            });
            let mut board = board_from_meeting(id, code, &latest);
            board.usual_day = day;
            board.adopts.push(name.to_string());
            planned.push(board);
        }
        planned
    }

    /// The latest of these meetings (listed oldest first) that reads, as a board is made
    /// from it: with the usual day all of them fall on.
    fn latest_of(
        &self,
        group: &[&Summary],
    ) -> Option<(Meeting, Option<crate::model::board::UsualDay>)> {
        let dates: Vec<_> = group.iter().map(|s| s.date).collect();
        let latest = group
            .iter()
            .rev()
            .find_map(|s| self.load(&s.id).ok().map(|l| l.meeting))?;
        Some((latest, usual_day_of(&dates)))
    }
}

/// The board of `boards` that holds a meeting's record of its board.
pub fn holder<'a>(boards: &'a [Board], m: &MeetingBoard) -> Option<&'a Board> {
    boards.iter().find(|b| b.holds(m))
}

/// The id of the board a meeting's record names: the record holding it, else the id it
/// names (a board with no record), else none.
pub fn board_id_of(boards: &[Board], recorded: &MeetingBoard) -> Option<BoardId> {
    holder(boards, recorded)
        .map(|b| b.id.clone())
        .or_else(|| recorded.id.clone())
}

/// Gives each summary its board's id and code, where one of `boards` holds it.
pub fn resolve_summaries(boards: &[Board], meetings: &mut [Summary]) {
    for s in meetings {
        let recorded = MeetingBoard {
            id: s.board_id.clone(),
            name: s.board.clone(),
            quorum: 0,
        };
        if let Some(b) = holder(boards, &recorded) {
            s.board_id = Some(b.id.clone());
            s.board_code = b.code.clone();
        }
    }
}

/// The boards as a clerk names them in a sentence: "cpb (Corporate Parenting Board), …".
pub fn named(boards: &[Board]) -> String {
    boards
        .iter()
        .map(|b| format!("{} ({})", b.id, b.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which meetings a listing keeps: all, or one board's.
pub fn of_board(board: Option<&BoardId>, meeting: Option<&BoardId>) -> bool {
    board.is_none_or(|b| meeting == Some(b))
}

impl Store {
    /// The board record `id`, if there is one.
    pub fn board(&self, id: &BoardId) -> Result<Option<Board>> {
        let path = self.board_path(id);
        let bytes = match self.disk().read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err("read", &path)(e)),
        };
        let stored: Stored = serde_json::from_slice(&bytes).map_err(|e| StoreError::Board {
            path: path.clone(),
            reason: format!("line {}, column {}: {e}", e.line(), e.column()),
        })?;
        if let Some(found) = stored.format.filter(|f| *f > BOARD_FORMAT) {
            return Err(StoreError::Board {
                path,
                reason: format!(
                    "written by a newer minutebook (board format {found}); it has been left \
                     untouched"
                ),
            });
        }
        if stored.board.id != *id {
            return Err(StoreError::Board {
                path,
                reason: format!("it holds board {:?}, not {id:?}", stored.board.id.as_str()),
            });
        }
        Ok(Some(stored.board))
    }

    /// Writes a new board; refuses if one with its id exists (the same record byte for
    /// byte is a create retried and succeeds), or if the record is not one a board can be.
    pub fn create_board(&self, board: &Board) -> Result<()> {
        self.write_board(board, atomic::Mode::CreateNew)
    }

    /// Replaces a board's record with `board`, atomically.
    pub fn save_board(&self, board: &Board) -> Result<()> {
        self.write_board(board, atomic::Mode::Replace)
    }

    fn write_board(&self, board: &Board, mode: atomic::Mode) -> Result<()> {
        let path = self.board_path(&board.id);
        if let Some(problem) = board.problems().into_iter().next() {
            return Err(StoreError::Board {
                path,
                reason: format!("not saved: {problem}"),
            });
        }
        self.create_private_dir(&self.boards_dir())?;
        atomic::write(self.disk(), &path, &encode(board), mode)
            .map(|_| ())
            .map_err(|e| {
                if e.kind() == io::ErrorKind::AlreadyExists {
                    StoreError::AlreadyExists { path: path.clone() }
                } else {
                    io_err("save", &path)(e)
                }
            })
    }
}

/// The folder of a data directory's own templates: `templates/<name>.json`.
pub const TEMPLATES_DIR: &str = "templates";

impl Store {
    /// Where the data directory's own template `name` lives, if `name` can be a file name.
    pub fn template_path(&self, name: &str) -> Option<PathBuf> {
        let safe = !name.is_empty()
            && !name.starts_with(['.', '-'])
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        safe.then(|| self.dir().join(TEMPLATES_DIR).join(format!("{name}.json")))
    }

    /// The template a board names: the data directory's `templates/<name>.json` if there
    /// is one, else the built-in template of that name. The error is one sentence.
    pub fn template(&self, name: &str) -> std::result::Result<crate::model::Template, String> {
        let Some(path) = self.template_path(name) else {
            return Err(format!(
                "{name:?} cannot name a template: use letters, digits, hyphens and underscores"
            ));
        };
        match self.disk().read(&path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                crate::model::Template::parse(&text)
                    .map_err(|e| format!("the template {} is not valid: {e}", path.display()))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => crate::model::Template::builtin(name)
                .map_err(|e| format!("{e}, and there is no file {}", path.display())),
            Err(e) => Err(format!(
                "could not read the template {}: {e}",
                path.display()
            )),
        }
    }
}
