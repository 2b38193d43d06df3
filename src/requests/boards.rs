//! Board records and new meetings for the workspace (and its first start): saving a
//! board, the boards a new meeting can be of, and making one.

use chrono::{NaiveDate, NaiveTime};

use crate::app::archive::{BoardOffer, Reply};
use crate::model::carry::new_meeting_of;
use crate::model::{Board, BoardId, Meeting, MeetingId};
use crate::store::{Store, StoreError};
use crate::words::long_date;

/// Stores `board` (a new record if `create`) and says so, or why not.
pub fn save(store: &Store, board: Board, create: bool, added: Option<String>) -> Reply {
    let done = match create {
        true => store.create_board(&board),
        false => store.save_board(&board),
    };
    match done {
        Ok(()) => Reply::BoardSaved {
            board: Box::new(board),
            created: create,
            added,
        },
        Err(StoreError::AlreadyExists { path }) => Reply::Failed(format!(
            "Not saved: a board {} already exists ({}); give this one another code.",
            board.id,
            path.display()
        )),
        Err(e) => Reply::Failed(format!("Not saved: {e}.")),
    }
}

/// Every board, each with its next usual date after its latest meeting (after yesterday,
/// so possibly today, for a board with none yet).
pub fn offers(store: &Store, today: NaiveDate) -> Result<Vec<BoardOffer>, String> {
    let boards = store
        .board_records()
        .map_err(|e| format!("Could not read the boards: {e}."))?;
    // A meeting that cannot be read only makes the date offered less apt: it is typed over.
    let (meetings, _unread) = store
        .load_where(|_| true)
        .map_err(|e| format!("Could not list the meetings: {e}."))?;
    Ok(boards
        .into_iter()
        .map(|board| {
            let latest = meetings
                .iter()
                .filter(|m| board.holds(&m.board))
                .map(|m| m.date)
                .max();
            let after = latest.unwrap_or_else(|| today.pred_opt().unwrap_or(today));
            BoardOffer {
                next: board.next_usual_date(after),
                board,
            }
        })
        .collect())
}

/// Makes a meeting of board `id` on `date`: from its template, following on from
/// its own meetings. Its id is the date, or `<date>-<board>` when the date is taken.
pub fn create_meeting(
    store: &Store,
    id: &BoardId,
    date: NaiveDate,
    time: Option<NaiveTime>,
) -> Result<MeetingId, String> {
    let board = match store.board(id) {
        Ok(Some(b)) => b,
        Ok(None) => return Err(format!("No meeting made: there is no board {id}.")),
        Err(e) => return Err(format!("No meeting made: {e}.")),
    };
    // The same template the command line's `new` takes: built in, or the data directory's own.
    let template = store
        .template(&board.template)
        .map_err(|e| format!("No meeting made: board {}'s template: {e}.", board.id))?;
    let (all, problems) = store
        .load_where(|_| true)
        .map_err(|e| format!("No meeting made: {e}."))?;
    // Actions carry from what could be read: a file unread now stops it, as `new` does.
    if let Some(e) = problems.iter().find(|p| matches!(p, StoreError::Io { .. })) {
        return Err(format!("No meeting made: {e}; try again."));
    }
    let earlier: Vec<Meeting> = all.into_iter().filter(|m| board.holds(&m.board)).collect();
    let plain = MeetingId::for_date(date);
    // This board meets once a day: a second meeting the same day is made on purpose, with
    // its own id, as `new --id` makes it; another board's meeting that day moves this one
    // to `<date>-<board>`.
    if let Some(same) = earlier.iter().find(|m| m.date == date) {
        return Err(format!(
            "No meeting made: {} already has a meeting on {} ({}); for a second one that day \
             use minutebook new --board {} --date {date} --id {date}-extra",
            board.name,
            long_date(date),
            same.id,
            board.id
        ));
    }
    let tagged = MeetingId::parse(&format!("{plain}-{}", board.id)).map_err(|e| e.to_string())?;
    let mid = [plain, tagged]
        .into_iter()
        .find(|m| !store.exists(m))
        .ok_or_else(|| {
            format!(
                "No meeting made: {date} already has meetings {0} and {0}-{1}; \
                 make another with minutebook new --id",
                MeetingId::for_date(date),
                board.id
            )
        })?;
    let meeting = new_meeting_of(&board, &template, mid.clone(), time, &earlier);
    store
        .create(&meeting)
        .map_err(|e| format!("No meeting made: {e}."))?;
    Ok(mid)
}

pub fn new_meeting(store: &Store, id: &BoardId, date: NaiveDate, time: Option<NaiveTime>) -> Reply {
    match create_meeting(store, id, date, time) {
        Ok(id) => Reply::MeetingCreated { id },
        Err(why) => Reply::Failed(why),
    }
}
