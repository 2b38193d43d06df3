//! Board records on disk: `boards/<id>.json`, one per board, written atomically and
//! privately like meetings.

use std::io;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::error::io_err;
use super::{Result, Store, StoreError, atomic};
use crate::model::{Board, BoardId};

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

    /// The board record a meeting belongs to: the one it names, or for a record written
    /// before boards were records, the one that adopts its board's name.
    pub fn board_of(&self, m: &crate::model::MeetingBoard) -> Result<Option<Board>> {
        match &m.id {
            Some(id) => self.board(id),
            None => Ok(self.board_records()?.into_iter().find(|b| b.holds(m))),
        }
    }

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
        super::create_private_dir(&self.boards_dir())?;
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
