//! The first start in an empty data directory: the clerk is led through the board's form,
//! its members (the chair first, then "add another?") and the new-meeting form, with the
//! same typed forms the workspace uses. Pure like `update`: what it needs written it
//! asks for ([`Want`]); the loop in `tui/setup.rs` writes it and says how it went.

use chrono::{NaiveDate, NaiveTime};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::archive::BoardOffer;
use super::form::{Form, Kind};
use super::forms::{board, member, new_meeting};
use crate::keymap::{self, Command, Scope};
use crate::model::{Board, BoardId};
use crate::ui::theme::Theme;

/// What the setup asks the loop for after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    Nothing,
    /// Write this board (its record and roster), then offer its first meeting.
    CreateBoard(Box<Board>),
    CreateMeeting(BoardId, NaiveDate, Option<NaiveTime>),
    /// Esc or Ctrl-Q: leave, writing nothing more.
    Leave,
}

#[derive(Debug)]
pub struct Setup {
    /// The form shown; `None` while asking whether to add another member.
    pub form: Option<Form>,
    /// The board as typed so far, with the members added.
    pub board: Board,
    /// Whether the board is on disk (written, or there already).
    pub stored: bool,
    /// Why the last step was refused, when not a form's field.
    pub note: Option<String>,
    pub theme: Theme,
}

impl Setup {
    /// With boards on disk, straight to a new meeting; else the board's form first.
    pub fn new(offers: Vec<BoardOffer>, theme: Theme) -> Setup {
        let first = offers.first().map(|o| o.board.clone());
        match (first, new_meeting::form(offers, 0)) {
            (Some(board), Some(form)) => Setup {
                form: Some(form),
                board,
                stored: true,
                note: None,
                theme,
            },
            _ => Setup {
                form: Some(board::form(board::blank(None), true, true)),
                board: board::blank(None),
                stored: false,
                note: None,
                theme,
            },
        }
    }

    /// Which of the three steps is shown: 1 the board, 2 its members, 3 the meeting.
    pub fn step(&self) -> usize {
        match self.form.as_ref().map(|f| &*f.kind) {
            Some(Kind::Board(_)) => 1,
            Some(Kind::NewMeeting(_)) => 3,
            _ => 2,
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> Want {
        if key.kind == KeyEventKind::Release {
            return Want::Nothing;
        }
        self.note = None;
        if keymap::lookup(Scope::Global, &key) == Some(Command::Quit) {
            return Want::Leave;
        }
        let Some(form) = &mut self.form else {
            // Esc leaves here too (unlike a question's usual No): nothing is written.
            if keymap::lookup(Scope::Form, &key) == Some(Command::Cancel) {
                return Want::Leave;
            }
            return match keymap::lookup(Scope::Confirm, &key) {
                Some(Command::Yes) => {
                    self.form = Some(member::form(self.board.clone(), None, false));
                    Want::Nothing
                }
                Some(Command::No) => Want::CreateBoard(Box::new(self.board.clone())),
                _ => Want::Nothing,
            };
        };
        match keymap::lookup(Scope::Form, &key) {
            Some(Command::Submit) => return self.submit(),
            Some(Command::Cancel) => return Want::Leave,
            Some(Command::NextField) => form.next_field(),
            Some(Command::PrevField) => form.prev_field(),
            _ => {
                form.error = None;
                match keymap::field_command(&key) {
                    Some(edit) => form.focused().edit(edit),
                    None => _ = form.focused().type_key(&key),
                }
            }
        }
        Want::Nothing
    }

    fn submit(&mut self) -> Want {
        let Some(form) = &self.form else {
            return Want::Nothing;
        };
        let done = match &*form.kind {
            Kind::Board(f) => f.build().map(|mut b| {
                b.members = std::mem::take(&mut self.board.members);
                let chair = b.members.is_empty();
                self.form = chair.then(|| member::form(b.clone(), None, true));
                self.board = b;
                Want::Nothing
            }),
            Kind::Member(f) => f.apply().map(|(b, _)| {
                self.board = b;
                self.form = None;
                Want::Nothing
            }),
            Kind::NewMeeting(f) => f.parse().map(|(id, d, t)| Want::CreateMeeting(id, d, t)),
            other => unreachable!("the first start shows no {other:?} form"),
        };
        done.unwrap_or_else(|e| {
            self.refused(e);
            Want::Nothing
        })
    }

    /// The board is on disk: on to its first meeting, on the date offered.
    pub fn board_stored(&mut self, offer: BoardOffer) {
        self.stored = true;
        self.board = offer.board.clone();
        self.form = new_meeting::form(vec![offer], 0);
    }

    /// What was asked could not be done: said on the form, or above the question.
    pub fn refused(&mut self, why: String) {
        match &mut self.form {
            Some(f) => f.error = Some(why),
            None => self.note = Some(why),
        }
    }

    /// What the clerk is told on leaving before a meeting was made.
    pub fn left_words(&self, dir: &std::path::Path) -> String {
        match self.stored {
            true => format!(
                "No meeting was made. The board {} is saved in {}; run minutebook again to \
                 make its first meeting.",
                self.board.name,
                dir.join("boards")
                    .join(format!("{}.json", self.board.id))
                    .display()
            ),
            false => format!("Nothing was written to {}.", dir.display()),
        }
    }
}

#[cfg(test)]
mod tests;
