//! A board's minute count: `boards/<id>.minutes.json`, the last running number given in each
//! year, so that no reference is ever given twice. The count is written (atomically, 0600)
//! before any meeting holds the numbers: a crash between the two leaves a gap, never a
//! reuse. Should the count be lost, the highest reference the archive holds (trash
//! included) is taken instead, whichever is higher.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::io_err;
use super::{Result, Store, StoreError, atomic};
use crate::model::minute_numbers::{self, Given, Numbering};
use crate::model::{Board, BoardId, Meeting};

/// The version of the count file this build writes.
const COUNT_FORMAT: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Count {
    format: u32,
    /// The last number given, by the year it runs in (four digits: "2026").
    last: BTreeMap<i32, u32>,
}

impl Store {
    /// Where board `id` keeps its minute count.
    pub fn minute_count_path(&self, id: &BoardId) -> PathBuf {
        self.boards_dir().join(format!("{id}.minutes.json"))
    }

    /// The numbers `m` needs now, set aside from its board's count, or why it gets none
    /// (its board has no record, or the record no code). The caller gives them with
    /// [`minute_numbers::assign`] and then saves the meeting.
    pub fn number_minutes(&self, m: &Meeting) -> Result<Numbering> {
        let records = self.board_records()?;
        let Some(board) = super::boards::holder(&records, &m.board) else {
            return Ok(Numbering::Unnumbered(format!(
                "the minutes have no numbers: the board {:?} has no record to number them from",
                m.board.name
            )));
        };
        if board.code.trim().is_empty() {
            return Ok(Numbering::Unnumbered(format!(
                "the minutes have no numbers: board {} has no code for minute references",
                board.id
            )));
        }
        let first = self.reserve_minute_numbers(board, m.date, minute_numbers::wanted(m))?;
        Ok(Numbering::Given(Given {
            code: board.code.trim().to_string(),
            year: board.minute_year,
            first,
        }))
    }

    /// Sets aside `n` running numbers of `board` in the year `date` falls in, and returns
    /// the first: one more than both the count and any reference the archive holds.
    pub fn reserve_minute_numbers(&self, board: &Board, date: NaiveDate, n: u32) -> Result<u32> {
        let path = self.minute_count_path(&board.id);
        self.create_private_dir(&self.boards_dir())?;
        let _held = self.lock_count(&path)?;
        let mut count = self.read_count(&path)?;
        let year = board.minute_year.of(date);
        let on_record = self.highest_on_record(&board.code, year.rem_euclid(100))?;
        let last = count.last.get(&year).copied().unwrap_or(0).max(on_record);
        let first = last + 1;
        count.format = COUNT_FORMAT;
        count.last.insert(year, last + n);
        let mut bytes = serde_json::to_vec_pretty(&count).expect("a count always serialises");
        bytes.push(b'\n');
        atomic::write(self.disk(), &path, &bytes, atomic::Mode::Replace)
            .map_err(io_err("save the minute count", &path))?;
        Ok(first)
    }

    fn read_count(&self, path: &Path) -> Result<Count> {
        let bytes = match self.disk().read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Count::default()),
            Err(e) => return Err(io_err("read the minute count", path)(e)),
        };
        let count: Count = serde_json::from_slice(&bytes).map_err(|e| StoreError::Board {
            path: path.to_path_buf(),
            reason: format!(
                "the minute count cannot be read (line {}, column {}: {e}); it has been left \
                 untouched, and no numbers are given until it is mended or removed (the \
                 archive's highest reference is used then)",
                e.line(),
                e.column()
            ),
        })?;
        if count.format > COUNT_FORMAT {
            return Err(StoreError::Board {
                path: path.to_path_buf(),
                reason: format!(
                    "the minute count was written by a newer minutebook (format {}); it has \
                     been left untouched",
                    count.format
                ),
            });
        }
        Ok(count)
    }

    /// One numbering at a time per board: two clerks ending two meetings at once must not
    /// both read the same count. Every holder holds it only for the few file operations of
    /// one reservation, so waiting for it is waiting for those.
    fn lock_count(&self, count: &Path) -> Result<File> {
        let path = count.with_extension("lock");
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        super::nofollow::no_follow(&mut options);
        let file = self
            .disk()
            .open(&options, &path)
            .map_err(io_err("lock the minute count", &path))?;
        file.lock()
            .map_err(io_err("lock the minute count", &path))?;
        Ok(file)
    }

    /// The highest running number of `code` in year `yy` that any meeting file holds, in
    /// the data directory or its trash, read as text so that a file which cannot be read
    /// as a meeting (corrupt, from a newer minutebook) still counts.
    fn highest_on_record(&self, code: &str, yy: i32) -> Result<u32> {
        let mut best = 0;
        for dir in [self.dir().to_path_buf(), self.trash_dir()] {
            let entries = match self.disk().read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(io_err("list", &dir)(e)),
            };
            for entry in entries {
                let path = entry.map_err(io_err("list", &dir))?.path();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if name.starts_with('.') || !path.is_file() {
                    continue;
                }
                let bytes = self.disk().read(&path).map_err(io_err("read", &path))?;
                let text = String::from_utf8_lossy(&bytes);
                best = best.max(minute_numbers::highest_in(&text, code, yy));
            }
        }
        Ok(best)
    }
}
