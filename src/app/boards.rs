//! The board and its roster from the workspace (`B`), and new meetings (`N`). The board's
//! record is not the meeting's: it is saved by the run loop on request, and `App.board`
//! changes only when the reply says it is on disk.

use super::archive::{BoardOffer, Request};
use super::forms::{self, member, new_meeting};
use super::{App, Confirmed, Effect, Overlay};
use crate::keymap::{Command, RosterCommand, Scope};
use crate::model::{Attendance, Board, MeetingId};

/// What `B` or `N` says in a meeting opened from the archive to read.
const FROM_YOUR_OWN: &str =
    "This meeting is open to read: boards and new meetings are made from your own meeting.";

impl App {
    pub(super) fn open_roster(&mut self) {
        if self.reading {
            self.flash = Some(FROM_YOUR_OWN.into());
            return;
        }
        self.roster = Some(0);
    }

    pub(super) fn roster_command(&mut self, cmd: RosterCommand) {
        match cmd {
            RosterCommand::Close => self.roster = None,
            RosterCommand::BoardRecord => self.open_form(forms::board_record),
            RosterCommand::Add => self.open_form(|app| {
                let board = app.roster_board()?;
                Some(member::form(board, None, false))
            }),
            RosterCommand::Edit => self.open_form(|app| {
                let (board, i) = app.roster_selected()?;
                Some(member::form(board, Some(i), false))
            }),
            RosterCommand::Remove => {
                if let Some((board, i)) = self.roster_selected() {
                    self.overlay = Some(Overlay::Confirm {
                        question: format!(
                            "Remove {} from the roster of {}? New meetings will not list them; \
                             this meeting's attendance is unchanged.",
                            board.members[i].name, board.name
                        ),
                        then: Confirmed::RemoveMember(i),
                    });
                }
            }
        }
    }

    /// The board's record to change, or `None` having said there is none yet.
    fn roster_board(&mut self) -> Option<Board> {
        if self.board.is_none() {
            self.flash = Some(format!(
                "This meeting's board has no record yet: press {} to make it first.",
                crate::keymap::name(Scope::Roster, Command::Roster(RosterCommand::BoardRecord))
            ));
        }
        self.board.clone()
    }

    fn roster_selected(&mut self) -> Option<(Board, usize)> {
        let board = self.roster_board()?;
        let i = self.roster.unwrap_or(0);
        if i >= board.members.len() {
            self.flash = Some("The roster is empty: add a member first.".into());
            return None;
        }
        Some((board, i))
    }

    pub(super) fn remove_member(&mut self, i: usize) {
        let Some(mut board) = self.board.clone() else {
            return;
        };
        if i < board.members.len() {
            board.members.remove(i);
            self.request(Request::SaveBoard {
                board: Box::new(board),
                create: false,
                added: None,
            });
        }
    }

    /// The member `name` of the roster, now in this meeting's attendance too.
    pub(super) fn attend_too(&mut self, name: &str) {
        let Some(m) = self
            .board
            .iter()
            .flat_map(|b| &b.members)
            .find(|m| m.name == name)
        else {
            return;
        };
        let a = Attendance::new(m.name.clone(), m.role, m.position.clone());
        self.meeting.attendance.push(a);
        self.flash = Some(format!("{name} is in this meeting's attendance too."));
    }

    pub(super) fn ask_new_meeting(&mut self) {
        if self.reading {
            self.flash = Some(FROM_YOUR_OWN.into());
            return;
        }
        self.request(Request::NewMeetingOffers);
    }

    /// The boards a new meeting can be of, from the run loop: the form, or why not.
    pub(super) fn offer_new_meeting(&mut self, offers: Vec<BoardOffer>) {
        if offers.is_empty() {
            self.flash = Some(format!(
                "There is no board record to make a meeting of yet: press {} for this \
                 meeting's board and make its record first.",
                crate::keymap::name(Scope::Browse, Command::Board)
            ));
            return;
        }
        let form = new_meeting::open(self, offers);
        self.open_form(|_| form);
    }

    /// The meeting made: the run loop saves this one and carries on in it.
    pub(super) fn meeting_created(&mut self, id: MeetingId) {
        self.roster = None;
        self.flash = Some(format!("Made the meeting {id}; it is open here now."));
        self.effects.push(Effect::SwitchTo(id));
    }

    pub(super) fn board_saved(&mut self, board: Board, created: bool, added: Option<String>) {
        let what = if created { "Made" } else { "Saved" };
        let mut said = format!(
            "{what} the record of {} ({}): new meetings start from its roster.",
            board.name, board.id
        );
        if let Some(note) = board.quorum_note() {
            said.push_str(&format!(" Note: {note}."));
        }
        self.flash = Some(said);
        let members = board.members.len();
        self.roster = self.roster.map(|s| s.min(members.saturating_sub(1)));
        let here = |name: &str| self.meeting.attendance.iter().any(|a| a.name == name);
        if let Some(name) = added.filter(|n| !here(n) && self.read_only.is_none()) {
            self.overlay = Some(Overlay::Confirm {
                question: format!(
                    "{name} is on the roster for new meetings. Add them to this meeting's \
                     attendance too?"
                ),
                then: Confirmed::AttendToo(name),
            });
        }
        self.board = Some(board);
    }
}

#[cfg(test)]
pub(crate) mod tests;
