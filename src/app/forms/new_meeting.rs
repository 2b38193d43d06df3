//! A new meeting of a board: which board (when there is more than one), the date (its next
//! usual date offered, any date allowed) and the start time. The run loop makes it.

use chrono::{NaiveDate, NaiveTime};

use super::{Changes, Fields, Spec};
use crate::app::App;
use crate::app::archive::{BoardOffer, Request};
use crate::app::form::{Form, LineInput, Shown, Value};
use crate::model::BoardId;
use crate::words::iso_date;

/// The fields by hand: the board is asked only when there is a choice of boards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub offers: Vec<BoardOffer>,
    /// The board whose next date the Date field was filled with.
    pub offered: usize,
    pub board: LineInput,
    pub date: LineInput,
    pub time: LineInput,
}

const BOARD: &str = "Board";
const DATE: &str = "Date";
const TIME: &str = "Start time";

impl Fields for NewMeeting {
    fn shown(&self) -> Vec<Shown<'_>> {
        let choices: Vec<String> = self
            .offers
            .iter()
            .map(|o| format!("{} ({})", o.board.id, o.board.name))
            .collect();
        let mut shown = vec![
            Shown {
                label: DATE,
                hint: "YYYY-MM-DD: the board's next usual date is offered; any date will do".into(),
                input: &self.date,
            },
            Shown {
                label: TIME,
                hint: "HH:MM; blank: the board's usual time, else the template's".into(),
                input: &self.time,
            },
        ];
        if self.offers.len() > 1 {
            let hint = format!("one of {}", choices.join(", ")).into();
            shown.insert(
                0,
                Shown {
                    label: BOARD,
                    hint,
                    input: &self.board,
                },
            );
        }
        shown
    }

    fn inputs_mut(&mut self) -> Vec<&mut LineInput> {
        match self.offers.len() > 1 {
            true => vec![&mut self.board, &mut self.date, &mut self.time],
            false => vec![&mut self.date, &mut self.time],
        }
    }
}

/// The form over the boards `offers` (each with its next usual date), `at` the one offered
/// first (the open meeting's board); `None` when there is no board to make a meeting of.
pub fn form(offers: Vec<BoardOffer>, at: usize) -> Option<Form> {
    let first = offers.get(at)?;
    let title = match offers.len() {
        1 => format!("A new meeting of {}", first.board.name),
        _ => "A new meeting".to_string(),
    };
    let f = NewMeeting {
        board: LineInput::new(first.board.id.as_str()),
        date: LineInput::new(iso_date(first.next)),
        time: LineInput::new(
            first
                .board
                .usual_time
                .map(crate::words::time)
                .unwrap_or_default(),
        ),
        offered: at,
        offers,
    };
    Some(Form::new(title, f))
}

/// Opens the form over the run loop's list of boards, at the open meeting's board.
pub fn open(app: &App, offers: Vec<BoardOffer>) -> Option<Form> {
    let here = app.board.as_ref().map(|b| &b.id);
    let at = offers
        .iter()
        .position(|o| Some(&o.board.id) == here)
        .unwrap_or(0);
    form(offers, at)
}

impl NewMeeting {
    /// Which board, on what date, at what time (None: the board's or template's).
    pub fn parse(&self) -> Result<(BoardId, NaiveDate, Option<NaiveTime>), String> {
        let board = Value::new(BOARD, &self.board);
        let date = Value::new(DATE, &self.date);
        let time = Value::new(TIME, &self.time);
        let chosen = match self.offers.len() {
            0 | 1 => self.offered,
            _ => self
                .offers
                .iter()
                .position(|o| {
                    o.board.id.as_str() == board.text.to_lowercase()
                        || o.board.code.eq_ignore_ascii_case(board.text)
                })
                .ok_or_else(|| {
                    board.refuse(format!("{:?} is not one of the boards", board.text))
                })?,
        };
        let offer = &self.offers[chosen];
        // The date left as offered follows the board chosen.
        let date = if date.text == iso_date(self.offers[self.offered].next) {
            offer.next
        } else {
            date.date()?
                .ok_or_else(|| date.refuse("a meeting needs a date (YYYY-MM-DD)"))?
        };
        let time = time.time()?.or(offer.board.usual_time);
        Ok((offer.board.id.clone(), date, time))
    }
}

impl Spec for NewMeeting {
    fn changes(&self) -> Changes {
        Changes::Elsewhere
    }

    fn submit(&self, app: &mut App) -> Result<(), String> {
        let (board, date, time) = self.parse()?;
        app.request(Request::NewMeeting { board, date, time });
        Ok(())
    }
}
