//! The loop of the first start: the setup's forms on screen, and the writes they ask for
//! (the board, then its first meeting), each said on screen if refused.

use std::io::{self, IsTerminal};
use std::sync::atomic::Ordering;
use std::time::Duration;

use chrono::Local;
use ratatui::crossterm::event::{self, Event};

use super::Screen;
use crate::app::archive::BoardOffer;
use crate::app::setup::{Setup, Want};
use crate::model::MeetingId;
use crate::requests::boards::{create_meeting, offers};
use crate::store::Store;
use crate::ui::theme::Theme;

/// How the first start ended.
pub enum Started {
    /// The meeting made, to open the workspace on.
    Meeting(MeetingId),
    /// Left before a meeting was made: what was (or was not) written, in a sentence.
    Left(String),
}

/// Leads the clerk from a data directory without meetings to its first meeting.
pub fn first_start(store: &Store) -> color_eyre::Result<Started> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        color_eyre::eyre::bail!("the first start needs a terminal");
    }
    let today = Local::now().date_naive();
    let found = offers(store, today).map_err(|e| color_eyre::eyre::eyre!(e))?;
    let mut setup = Setup::new(found, Theme::from_env());
    // Any of these leaves as Esc does: what is written so far is whole.
    let stop = super::ending_signals()?;
    let mut screen = Screen::enter()?;
    while !stop.load(Ordering::Relaxed) {
        screen.0.draw(|f| crate::ui::setup::draw(&setup, f))?;
        if !event::poll(Duration::from_millis(250))? {
            continue;
        }
        let Event::Key(key) = event::read()? else {
            continue;
        };
        match setup.key(key) {
            Want::Nothing => {}
            Want::Leave => break,
            Want::CreateBoard(board) => match store.create_board(&board) {
                Ok(()) => {
                    let next = board.next_usual_date(today.pred_opt().unwrap_or(today));
                    setup.board_stored(BoardOffer {
                        board: *board,
                        next,
                    });
                }
                Err(e) => setup.refused(format!("{e}")),
            },
            Want::CreateMeeting(board, date, time) => {
                match create_meeting(store, &board, date, time) {
                    Ok(id) => return Ok(Started::Meeting(id)),
                    Err(why) => setup.refused(why),
                }
            }
        }
    }
    drop(screen);
    Ok(Started::Left(setup.left_words(store.dir())))
}
