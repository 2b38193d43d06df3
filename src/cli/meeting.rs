//! `minutebook meeting …`: set a meeting's details (a new date moves its id), move one made by
//! mistake to the trash, list the trash and restore from it.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::output::say;
use super::{Failure, Outcome, parse_date, parse_time};
use crate::model::{BoardId, Meeting, MeetingId, details};
use crate::store::{Store, Trashed};

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Change a meeting's title, date, start time, venue, quorum or board; a new date moves it to that date's id
    Set(SetArgs),
    /// Move a meeting made by mistake into the trash folder (restorable; sealed or referred-to meetings are refused)
    Delete {
        /// The meeting's id, e.g. 2026-12-09-extra
        id: String,
        /// Print what was moved where as JSON
        #[arg(long)]
        json: bool,
    },
    /// Put a meeting back from the trash, by its name there (as `meeting trash` lists it)
    Restore {
        /// Its file name in the trash, e.g. 2026-12-09.json
        name: String,
        /// Print the meeting restored and where as JSON
        #[arg(long)]
        json: bool,
    },
    /// Set the actual times of a meeting written up afterwards (or correct live ones before approval)
    Times(super::times::TimesArgs),
    /// List the meetings in the trash
    Trash {
        /// Print the list as JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The meeting's id, e.g. 2026-12-09
    id: String,
    /// The title the agenda and minutes carry
    #[arg(long)]
    title: Option<String>,
    /// Moves the meeting (and its id) to this date: refused, saying why, while another meeting refers to it
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// The scheduled start
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    time: Option<NaiveTime>,
    /// Where it meets
    #[arg(long)]
    venue: Option<String>,
    /// Members who must be present, 0 to 100
    #[arg(long, value_name = "N")]
    quorum: Option<String>,
    /// The board record it belongs to (boards/ID.json)
    #[arg(long, value_name = "ID")]
    board: Option<String>,
    /// Print the meeting's new details as JSON
    #[arg(long)]
    json: bool,
}

/// A meeting's details as `set --json` prints them.
#[derive(Serialize)]
struct Details<'a> {
    id: &'a MeetingId,
    date: NaiveDate,
    time: Option<String>,
    venue: &'a str,
    title: &'a str,
    quorum: u32,
    board: Option<&'a BoardId>,
    board_name: &'a str,
    /// Where the file under the old id went, when the date moved it.
    #[serde(skip_serializing_if = "Option::is_none")]
    moved: Option<&'a Trashed>,
}

pub fn run(store: &Store, command: MeetingCommand) -> Outcome {
    match command {
        MeetingCommand::Set(args) => set(store, args),
        MeetingCommand::Times(args) => super::times::run(store, args),
        MeetingCommand::Delete { id, json } => {
            let trashed = store.trash_meeting(&MeetingId::parse(&id)?)?;
            if json {
                say!("{}", crate::cli::output::json(&trashed));
            } else {
                say!(
                    "Moved meeting {} to the trash as {}; `minutebook meeting restore {}` puts it back.",
                    trashed.id,
                    trashed.path.display(),
                    trashed.name
                );
            }
            Ok(())
        }
        MeetingCommand::Restore { name, json } => {
            let id = store.restore_meeting(&name)?;
            let path = store.path_of(&id);
            if json {
                let out = serde_json::json!({ "id": id, "from": name, "path": path });
                say!("{}", crate::cli::output::json(&out));
            } else {
                say!(
                    "Restored meeting {id} from the trash to {}.",
                    path.display()
                );
            }
            Ok(())
        }
        MeetingCommand::Trash { json } => list_trash(store, json),
    }
}

fn set(store: &Store, args: SetArgs) -> Outcome {
    let SetArgs {
        id,
        title,
        date,
        time,
        venue,
        quorum,
        board,
        json,
    } = args;
    let id = MeetingId::parse(&id)?;
    let change = Change {
        title: title
            .as_deref()
            .map(details::title)
            .transpose()
            .map_err(flag("--title"))?,
        time,
        venue,
        quorum: quorum
            .as_deref()
            .map(details::quorum)
            .transpose()
            .map_err(flag("--quorum"))?,
        board: board.map(|b| board_record(store, &b)).transpose()?,
    };
    if change.is_empty() && date.is_none() {
        return Err(Failure(
            "say what to change: --title, --date, --time, --venue, --quorum or --board".into(),
        ));
    }
    let boards = board_ids(store, change.board.is_some())?;
    let done = store.change_meeting(&id, date, |m| {
        if let Some(b) = &change.board
            && let Some(why) = details::board_change_refused(m, &b.id, |o| boards.get(o).cloned())
        {
            return Err(why);
        }
        change.apply(m);
        Ok(())
    })?;
    print_set(&done.meeting, done.moved.as_ref(), json);
    super::approval::warn_not_durable(done.outcome.note());
    Ok(())
}

/// Each meeting's board, to check a change of board against (`wanted` only: it lists all).
fn board_ids(store: &Store, wanted: bool) -> Result<HashMap<MeetingId, BoardId>, Failure> {
    if !wanted {
        return Ok(HashMap::new());
    }
    let listing = store.list()?;
    Ok(listing
        .meetings
        .into_iter()
        .filter_map(|s| Some((s.id, s.board_id?)))
        .collect())
}

fn list_trash(store: &Store, json: bool) -> Outcome {
    let all = store.trashed()?;
    if json {
        say!("{}", crate::cli::output::json(&all));
        return Ok(());
    }
    if all.is_empty() {
        say!("The trash ({}) is empty.", store.trash_dir().display());
    }
    for t in &all {
        match (&t.meeting, &t.problem, &t.moved_to) {
            // The same meeting as the one it moved to: not one to restore beside it.
            (Some(s), _, Some(to)) => say!(
                "{:<24} {}  moved to {to} (kept as it was)  {}",
                t.name,
                s.id,
                s.title
            ),
            (Some(s), _, None) => {
                say!("{:<24} {}  {}  {}", t.name, s.id, s.status.label(), s.title)
            }
            (None, problem, _) => say!(
                "{:<24} cannot be read: {}",
                t.name,
                problem.as_deref().unwrap_or("")
            ),
        }
    }
    Ok(())
}

/// The details to set; `None` leaves one as it is.
struct Change {
    title: Option<String>,
    time: Option<NaiveTime>,
    venue: Option<String>,
    quorum: Option<u32>,
    board: Option<crate::model::Board>,
}

impl Change {
    fn is_empty(&self) -> bool {
        let Change {
            title,
            time,
            venue,
            quorum,
            board,
        } = self;
        title.is_none() && time.is_none() && venue.is_none() && quorum.is_none() && board.is_none()
    }

    fn apply(&self, m: &mut Meeting) {
        if let Some(board) = &self.board {
            details::set_board(m, board);
        }
        if let Some(t) = &self.title {
            m.title = t.clone();
        }
        if let Some(t) = self.time {
            m.start_time = Some(t);
        }
        if let Some(v) = &self.venue {
            m.venue = v.trim().to_string();
        }
        if let Some(q) = self.quorum {
            m.board.quorum = q;
        }
    }
}

fn flag(name: &'static str) -> impl Fn(String) -> Failure {
    move |why| Failure(format!("{name}: {why}"))
}

fn board_record(store: &Store, id: &str) -> Result<crate::model::Board, Failure> {
    let board_id = BoardId::parse(id).map_err(flag("--board"))?;
    store.board(&board_id)?.ok_or_else(|| {
        Failure(format!(
            "--board: there is no board {id:?} (no {})",
            store.board_path(&board_id).display()
        ))
    })
}

fn print_set(m: &Meeting, moved: Option<&Trashed>, json: bool) {
    let time = m.start_time.map(crate::words::time);
    if json {
        let out = Details {
            id: &m.id,
            date: m.date,
            time,
            venue: &m.venue,
            title: &m.title,
            quorum: m.board.quorum,
            board: m.board.id.as_ref(),
            board_name: &m.board.name,
            moved,
        };
        say!("{}", crate::cli::output::json(&out));
        return;
    }
    say!(
        "{}: {}, {} at {}, {}; quorum {}",
        m.id,
        m.title,
        crate::words::long_date(m.date),
        time.as_deref().unwrap_or("no start time"),
        if m.venue.is_empty() {
            "no venue"
        } else {
            &m.venue
        },
        m.board.quorum
    );
    if let Some(t) = moved {
        say!(
            "Moved from {}; its old file is in the trash as {}.",
            t.id,
            t.path.display()
        );
    }
}
