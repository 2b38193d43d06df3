//! `minutebook meeting times`: a meeting written up afterwards from a script, or live times
//! corrected after the meeting, through the same checks as the workspace's times forms.

use chrono::NaiveTime;
use clap::Args;
use serde::Serialize;

use super::output::{say, tell};
use super::{Failure, Outcome, parse_time};
use crate::model::meeting::Minuting;
use crate::model::minute_numbers::{self, Numbering};
use crate::model::{Meeting, MeetingId, MeetingStatus, agenda, running, timing_rules};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct TimesArgs {
    /// The meeting's id, e.g. 2026-11-11
    id: String,
    /// Start a planned meeting as written up afterwards: nothing is stamped from the clock
    #[arg(long)]
    write_up: bool,
    /// When the meeting actually began
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    began: Option<NaiveTime>,
    /// When the meeting actually ended
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    ended: Option<NaiveTime>,
    /// An item's start and end by its number, e.g. 4.1=14:20-14:35; repeat for each
    #[arg(long = "item", value_name = "N=HH:MM-HH:MM")]
    items: Vec<String>,
    /// End the meeting once the times are set (its minutes become a draft)
    #[arg(long)]
    end: bool,
    /// Print the meeting's times as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct ItemTimes {
    number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<String>,
    title: String,
    started_at: Option<String>,
    ended_at: Option<String>,
}

#[derive(Serialize)]
struct Times {
    id: MeetingId,
    status: MeetingStatus,
    minuting: Minuting,
    began_at: Option<String>,
    ended_at: Option<String>,
    items: Vec<ItemTimes>,
}

/// "4.1=14:20-14:35" → ("4.1", 14:20, 14:35).
fn item_times(s: &str) -> Result<(&str, NaiveTime, NaiveTime), Failure> {
    let bad = || {
        Failure(format!(
            "--item {s:?}: give the item's number and its times as N=HH:MM-HH:MM, e.g. 4.1=14:20-14:35"
        ))
    };
    let (number, span) = s.split_once('=').ok_or_else(bad)?;
    let (start, end) = span.split_once('-').ok_or_else(bad)?;
    let time = |t: &str| {
        crate::model::clock::parse_hhmm(t.trim()).map_err(|e| Failure(format!("--item {s:?}: {e}")))
    };
    Ok((number.trim(), time(start)?, time(end)?))
}

/// Every change asked, in order, on the meeting read; the first refusal names why and
/// nothing is saved.
fn apply(m: &mut Meeting, args: &TimesArgs) -> Result<(), String> {
    if args.write_up {
        if m.status != MeetingStatus::Planned {
            return Err("--write-up starts a planned meeting; this one has started already".into());
        }
        m.minuting = Minuting::WriteUp;
        running::start(m, NaiveTime::MIN).map_err(|e| e.to_string())?;
    }
    if args.began.is_some() || args.ended.is_some() {
        let began = args.began.or(m.began_at);
        let ended = args.ended.or(m.ended_at);
        timing_rules::set_meeting(m, began, ended)?;
    }
    for asked in &args.items {
        let (number, start, end) = item_times(asked).map_err(|f| f.0)?;
        let id = agenda::id_at_number(&m.agenda, number)
            .ok_or_else(|| format!("--item {asked:?}: there is no item {number}"))?;
        timing_rules::set_item(m, id, Some(start), Some(end))
            .map_err(|e| format!("--item {asked:?}: {e}"))?;
    }
    if args.end {
        running::end(m, NaiveTime::MIN).map_err(|e| e.to_string())?;
    }
    Ok(())
}

pub fn run(store: &Store, args: TimesArgs) -> Outcome {
    let id = MeetingId::parse(&args.id)?;
    let nothing = !args.write_up && args.began.is_none() && args.ended.is_none();
    if nothing && args.items.is_empty() && !args.end {
        return Err(Failure(
            "say what to set: --write-up, --began, --ended, --item N=HH:MM-HH:MM or --end".into(),
        ));
    }
    for asked in &args.items {
        item_times(asked)?;
    }
    if args.end {
        // The draft is numbered from its board's record, made first where a data
        // directory from before boards were records has none (as `new` does).
        super::board::migrate(store)?;
    }
    let ((m, note), _) = store.amend(&id, |m| {
        let live = m.minuting == Minuting::Live && !args.write_up;
        if args.end && (live || m.status == MeetingStatus::Planned && !args.write_up) {
            return Err(
                "--end ends only a meeting written up afterwards; a live one is ended \
                        in the workspace, where the clock stamps its times"
                    .into(),
            );
        }
        let before = m.clone();
        apply(m, &args)?;
        let note = number(store, &before, m)?;
        Ok((m.clone(), note))
    })?;
    print(&m, args.json);
    match (note, args.json) {
        (Some(note), false) => say!("{}.", crate::words::capitalise(&note)),
        (Some(note), true) => tell!("minutebook: {note}"),
        (None, _) => {}
    }
    Ok(())
}

/// Numbers the minutes of a meeting this command made a draft, the count kept before the
/// meeting is saved; says what the clerk should know (which numbers, or why none).
fn number(store: &Store, before: &Meeting, m: &mut Meeting) -> Result<Option<String>, String> {
    if !minute_numbers::owed(before, m) {
        return Ok(None);
    }
    match store.number_minutes(m).map_err(|e| e.to_string())? {
        Numbering::Given(given) => {
            let refs = minute_numbers::assign(m, &given);
            Ok(Some(minute_numbers::said(&refs)))
        }
        Numbering::Unnumbered(why) => Ok(Some(why)),
    }
}

fn print(m: &Meeting, json: bool) {
    let hhmm = |t: Option<NaiveTime>| t.map(crate::words::time);
    let items: Vec<ItemTimes> = agenda::walk(&m.agenda)
        .into_iter()
        .map(|w| ItemTimes {
            number: w.number.to_string(),
            minute: w.item.minute.as_ref().map(|r| r.0.clone()),
            title: w.item.title.clone(),
            started_at: hhmm(w.item.started_at),
            ended_at: hhmm(w.item.ended_at),
        })
        .collect();
    if json {
        let out = Times {
            id: m.id.clone(),
            status: m.status,
            minuting: m.minuting,
            began_at: hhmm(m.began_at),
            ended_at: hhmm(m.ended_at),
            items,
        };
        say!("{}", crate::cli::output::json(&out));
        return;
    }
    let span = |a: Option<String>, b: Option<String>| {
        format!(
            "{}–{}",
            a.unwrap_or_else(|| "?".into()),
            b.unwrap_or_else(|| "?".into())
        )
    };
    say!(
        "Meeting {} ({}, {}): {}",
        m.id,
        m.status.label(),
        match m.minuting {
            Minuting::Live => "minuted live",
            Minuting::WriteUp => "written up afterwards",
        },
        span(hhmm(m.began_at), hhmm(m.ended_at))
    );
    for i in items
        .into_iter()
        .filter(|i| i.started_at.is_some() || i.ended_at.is_some())
    {
        say!(
            "  {} {}: {}",
            i.number,
            i.title,
            span(i.started_at, i.ended_at)
        );
    }
}
