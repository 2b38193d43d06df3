//! `m` in the Agenda: the meeting's own details. A new date is a new id, so the run loop
//! moves the meeting there after saving the rest (or says why it cannot); the start time is
//! the scheduled one and may change even once the meeting has begun.

use chrono::NaiveDate;

use super::Spec;
use crate::app::form::{Form, LineInput, Value};
use crate::app::{App, Effect};
use crate::model::rename::{OnDate, id_on, out_of_order};
use crate::model::{Board, BoardId, MeetingId, clock, details};

form! {
    MeetingDetails { id: MeetingId }
    title: "Title" => "as the agenda and the minutes head it",
    date: "Date" => "YYYY-MM-DD; a new date moves the meeting's id with it",
    start: "Start time" => "HH:MM, the scheduled start (optional)",
    venue: "Venue" => "where it meets (optional)",
    board: "Board" => "the id of one of this data directory's boards",
    quorum: "Quorum" => "members who must be present, 0 to 100",
}

/// Opens on the meeting as it is, unless it may not change (sealed minutes are read-only).
pub fn open(app: &mut App) -> Option<Form> {
    if !app.can_edit() {
        return None;
    }
    let m = &app.meeting;
    let form = MeetingDetails {
        id: m.id.clone(),
        title: LineInput::new(m.title.as_str()),
        date: LineInput::new(crate::words::iso_date(m.date)),
        start: LineInput::new(m.start_time.map(crate::words::time).unwrap_or_default()),
        venue: LineInput::new(m.venue.as_str()),
        board: LineInput::new(m.board.id.as_ref().map_or("", |b| b.as_str())),
        quorum: LineInput::new(m.board.quorum.to_string()),
    };
    Some(Form::new("Edit the meeting's details", form))
}

impl Spec for MeetingDetails {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values {
            title,
            date,
            start,
            venue,
            board,
            quorum,
        } = self.values();
        if self.id != app.meeting.id {
            return Err(format!(
                "This form was for meeting {}, which is no longer open here.",
                self.id
            ));
        }
        let new_title = details::title(title.text).map_err(|e| title.refuse(e))?;
        let new_date = clock::parse_date(date.text).ok_or_else(|| {
            date.refuse(format!(
                "{:?} is not a real date in the form YYYY-MM-DD",
                date.text
            ))
        })?;
        let new_start = match start.text {
            "" => None,
            t => Some(clock::parse_hhmm(t).map_err(|e| start.refuse(e))?),
        };
        let new_quorum = details::quorum(quorum.text).map_err(|e| quorum.refuse(e))?;
        let new_board = chosen_board(app, board)?;
        if let Some(b) = &new_board {
            let board_of = |id: &MeetingId| {
                let s = app.archive.meetings.iter().find(|s| s.id == *id)?;
                s.board_id.clone()
            };
            if let Some(why) = details::board_change_refused(&app.meeting, &b.id, board_of) {
                return Err(board.refuse(why));
            }
        }
        let moving = new_date != app.meeting.date;
        if moving {
            let board_id = match &new_board {
                Some(b) => Some(b.id.clone()),
                None => own_board(app),
            };
            may_move(app, new_date, board_id.as_ref()).map_err(|e| date.refuse(e))?;
        }
        if let Some(b) = new_board {
            details::set_board(&mut app.meeting, &b);
            app.board = Some(b);
        }
        let m = &mut app.meeting;
        m.title = new_title;
        m.start_time = new_start;
        m.venue = venue.text.to_string();
        m.board.quorum = new_quorum;
        if moving {
            // After the save `submit` asks for: the run loop moves the saved meeting.
            app.effects.push(Effect::MoveTo(new_date));
        }
        Ok(())
    }
}

/// The id of the meeting's board: the one its record names, else the board it is open under.
fn own_board(app: &App) -> Option<BoardId> {
    app.meeting
        .board
        .id
        .clone()
        .or_else(|| app.board.as_ref().map(|b| b.id.clone()))
}

/// The board record chosen, if another than the meeting's: one of the data directory's.
fn chosen_board(app: &App, typed: Value) -> Result<Option<Board>, String> {
    let current = app.meeting.board.id.as_ref().map(|b| b.as_str());
    if typed.text == current.unwrap_or("") {
        return Ok(None);
    }
    if let Some(b) = app.boards.iter().find(|b| b.id.as_str() == typed.text) {
        return Ok(Some(b.clone()));
    }
    let ids: Vec<&str> = app.boards.iter().map(|b| b.id.as_str()).collect();
    Err(typed.refuse(match (typed.text, ids.is_empty()) {
        ("", _) => format!("choose one of {}", ids.join(", ")),
        (t, true) => format!("{t:?} is not a board: this data directory has no board records"),
        (t, false) => format!(
            "{t:?} is not one of this data directory's boards ({})",
            ids.join(", ")
        ),
    }))
}

/// What the workspace can tell before asking the run loop to move the meeting to `date`:
/// the order of meetings, the id `new` would give it there (refused beside this board's own
/// meeting that day or an id taken), minutes approved at this meeting. The store
/// checks everything again, and what else refers to it, when it moves it.
fn may_move(app: &App, date: NaiveDate, board: Option<&BoardId>) -> Result<(), String> {
    if let Some(why) = out_of_order(&app.meeting, date) {
        return Err(why);
    }
    let on_date: Vec<OnDate> = app
        .archive
        .meetings
        .iter()
        .filter(|s| s.id.date() == date && s.id != app.meeting.id)
        .map(|s| OnDate {
            id: &s.id,
            same_board: board.is_some() && s.board_id.as_ref() == board,
        })
        .collect();
    id_on(&app.meeting.id, board, date, &on_date)?;
    let here = &app.meeting.id;
    if let Some(s) = app
        .archive
        .meetings
        .iter()
        .find(|s| s.approval.as_ref().is_some_and(|a| a.at == *here))
    {
        return Err(format!(
            "the minutes of {} were approved at this meeting, and that record names it by its \
             date; the date stays",
            s.id
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
