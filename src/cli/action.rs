//! `minutebook action edit`: an action's text, owner or due date changed, or the action
//! withdrawn, in the meeting that holds its latest copy, recorded in its history.

use clap::{Args, Subcommand};

use super::output::say;
use super::{Failure, Outcome, unless_unread};
use crate::model::action::{At, Edit, FieldChange};
use crate::model::{ActionId, ActionItem, ActionStatus, Due, MeetingId, MeetingStatus};
use crate::search::history;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Change an action's text, owner or due date, or withdraw it, where its latest copy is
    Edit(EditArgs),
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The action's id, as `minutebook actions` lists it, e.g. 2026-03-11#2
    pub id: String,
    /// What is to be done, as it should now read
    #[arg(long)]
    pub text: Option<String>,
    /// Who will do it
    #[arg(long)]
    pub owner: Option<String>,
    /// When it is due
    #[arg(long, value_name = "YYYY-MM-DD|next-meeting", value_parser = Due::parse)]
    pub due: Option<Due>,
    /// Withdraw it as raised by mistake: it stays in the history as withdrawn, not carried forward
    #[arg(long)]
    pub withdraw: bool,
    /// Who is making the change (default: the board's clerk, else the user's login name)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Print the action as it is after the change, as JSON
    #[arg(long)]
    pub json: bool,
}

pub(super) fn run(store: &Store, command: ActionCommand) -> Outcome {
    match command {
        ActionCommand::Edit(args) => edit(store, args),
    }
}

/// What the change did, for the message.
enum Done {
    Nothing,
    AlreadyWithdrawn,
    Changed(Vec<FieldChange>, bool),
}

fn edit(store: &Store, args: EditArgs) -> Outcome {
    let id = ActionId(args.id.trim().to_string());
    let asked = Edit {
        text: args.text.clone(),
        owner: args.owner.clone(),
        due: args.due,
    };
    if asked == Edit::default() && !args.withdraw {
        return Err(Failure(format!(
            "nothing to change in action {id}: give --text, --owner, --due or --withdraw"
        )));
    }
    let held = holder(store, &id)?;
    let by = who(store, &held, args.by.as_deref())?;
    let at = At {
        date: chrono::Local::now().date_naive(),
        meeting: None,
        by,
    };
    let ((done, after), outcome) = store.amend(&held, |m| {
        if m.status == MeetingStatus::Approved {
            return Err(format!(
                "its minutes are approved and sealed, so action {id} is not changed there; edit \
                 it in the meeting it is carried into next, or record an erratum (minutebook \
                 erratum {held} --text …)"
            ));
        }
        let action = m
            .actions
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| format!("it no longer holds action {id}"))?;
        let done = change(action, asked, args.withdraw, at).map_err(|e| e.to_string())?;
        Ok((done, action.clone()))
    })?;
    if args.json {
        say!("{}", crate::cli::output::json(&after));
    } else {
        say!("{}", said(&done, &id, &held));
    }
    super::approval::warn_not_durable(outcome.note());
    Ok(())
}

fn change(
    action: &mut ActionItem,
    asked: Edit,
    withdraw: bool,
    at: At,
) -> Result<Done, crate::model::action::Refused> {
    // Asked again of one already withdrawn (a script run twice): nothing more to record.
    if withdraw && asked == Edit::default() && action.status == ActionStatus::Withdrawn {
        return Ok(Done::AlreadyWithdrawn);
    }
    let changed = match asked == Edit::default() {
        true => Vec::new(),
        false => action.edit(asked, at.clone())?,
    };
    if withdraw {
        action.withdraw(at, "")?;
    }
    Ok(match (changed.is_empty(), withdraw) {
        (true, false) => Done::Nothing,
        (_, w) => Done::Changed(changed, w),
    })
}

fn said(done: &Done, id: &ActionId, held: &MeetingId) -> String {
    match done {
        Done::Nothing => format!("Nothing changed in action {id}: nothing recorded."),
        Done::AlreadyWithdrawn => format!("Action {id} is already withdrawn; nothing recorded."),
        Done::Changed(changed, withdrawn) => {
            let mut parts: Vec<String> = changed.iter().map(crate::words::change_words).collect();
            if *withdrawn {
                parts.push("withdrawn (it stays in its history)".into());
            }
            format!(
                "Changed action {id} in meeting {held}: {}; recorded in its history.",
                parts.join("; ")
            )
        }
    }
}

/// The meeting holding the action's latest copy, read from every meeting on record.
fn holder(store: &Store, id: &ActionId) -> Result<MeetingId, Failure> {
    let log = history::from_store(store)?;
    // A file not read now may hold a later copy: nothing is changed from part of the archive.
    unless_unread(&log.problems)?;
    log.records
        .iter()
        .find(|r| r.id() == id)
        .map(|r| r.latest_meeting().clone())
        .ok_or_else(|| {
            Failure(format!(
                "no action {id} in {}; `minutebook actions` lists every action with its id",
                store.dir().display()
            ))
        })
}

/// `--by`, else the clerk named by the meeting's board record, else the login name.
fn who(store: &Store, held: &MeetingId, by: Option<&str>) -> Result<String, Failure> {
    if let Some(by) = by.map(str::trim).filter(|b| !b.is_empty()) {
        return Ok(by.to_string());
    }
    let meeting = store.load(held)?.meeting;
    let clerk = store
        .board_of(&meeting.board)?
        .map(|b| b.clerk.trim().to_string())
        .filter(|c| !c.is_empty());
    let login = || {
        std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .ok()
            .filter(|u| !u.trim().is_empty())
    };
    clerk.or_else(login).ok_or_else(|| {
        Failure("who is making the change is not known: say with --by NAME".to_string())
    })
}
