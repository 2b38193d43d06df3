//! `minutebook new`: the next meeting of a board, made from its record (template, roster,
//! venue and time), following on from that board's own meetings only.

use std::io;

use chrono::{NaiveDate, NaiveTime};

use super::output::say;
use super::{Failure, Outcome, approval, board, load_template, unless_unread};
use crate::model::board_migration::{code_of_name, free_id};
use crate::model::carry::new_meeting_of;
use crate::model::{Board, MeetingId, Template};
use crate::store::atomic;
use crate::store::boards::{TEMPLATES_DIR, holder, named};
use crate::store::{Store, StoreError};

/// What `new` was asked.
pub struct Asked {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub template: Option<String>,
    pub id: Option<String>,
    pub board: Option<String>,
}

pub fn run(store: &Store, asked: Asked) -> Outcome {
    board::migrate(store)?;
    // Read once: the board asked for, and whose each earlier meeting is.
    let mut boards = store.boards()?;
    let board = match board::chosen(store, &boards, asked.board.as_deref())? {
        Some(b) => b,
        None => only_board(store, &boards, asked.template.as_deref())?,
    };
    if !boards.iter().any(|b| b.id == board.id) {
        boards.push(board.clone());
    }
    // A board resolved only in memory (its record could not be written before) is written
    // now: the meeting will name it.
    if store.board(&board.id)?.is_none() {
        store.create_board(&board)?;
    }
    let template = match &asked.template {
        Some(t) => load_template(t)?,
        None => store
            .template(&board.template)
            .map_err(|e| Failure(format!("board {}'s template: {e}", board.id)))?,
    };
    let (all, problems) = store.load_where(|_| true)?;
    unless_unread(&problems)?;
    let id = meeting_id(store, &board, &boards, asked.date, asked.id)?;
    // This board's meetings only, and not the meeting itself: a `new` run again after it
    // was made makes the same file.
    let earlier: Vec<_> = all
        .into_iter()
        .filter(|m| m.id != id && holder(&boards, &m.board).is_some_and(|b| b.id == board.id))
        .collect();
    let meeting = new_meeting_of(&board, &template, id.clone(), asked.time, &earlier);
    // The same meeting already made (a retry) is no failure; any other one is kept.
    let outcome = store.create(&meeting).map_err(|e| match e {
        StoreError::AlreadyExists { path } => Failure(format!(
            "a meeting {id} already exists ({}); give another id with --id {id}-extra",
            path.display()
        )),
        e => e.into(),
    })?;
    say!("{}", meeting.id);
    approval::warn_not_durable(outcome.note());
    Ok(())
}

/// The meeting's id: as given (it must carry the date), else the date, or
/// `<date>-<board id>` when another board's meeting has the date as its id.
fn meeting_id(
    store: &Store,
    board: &Board,
    boards: &[Board],
    date: NaiveDate,
    given: Option<String>,
) -> Result<MeetingId, Failure> {
    if let Some(id) = given {
        let id = MeetingId::parse(&id)?;
        if id.date() != date {
            return Err(Failure(format!(
                "the id {id} does not match the date {date}"
            )));
        }
        return Ok(id);
    }
    let plain = MeetingId::for_date(date);
    let theirs = match store.load(&plain) {
        Ok(m) => holder(boards, &m.meeting.board).is_none_or(|b| b.id != board.id),
        Err(StoreError::NotFound { .. }) => false,
        Err(e) => return Err(e.into()),
    };
    if theirs {
        return Ok(MeetingId::parse(&format!("{plain}-{}", board.id))?);
    }
    Ok(plain)
}

/// Without `--board`: the only board; with none yet, a board made from the template as
/// migration would make it (and its record written); with several, a refusal naming them.
fn only_board(store: &Store, boards: &[Board], template: Option<&str>) -> Result<Board, Failure> {
    match boards {
        [only] => Ok(only.clone()),
        [] => first_board(
            store,
            template.unwrap_or(crate::model::board_migration::DEFAULT_TEMPLATE),
        ),
        _ => Err(Failure(format!(
            "{} holds {} boards; say which with --board ID: {}",
            store.dir().display(),
            boards.len(),
            named(boards)
        ))),
    }
}

/// The first board of an empty data directory, from the template `new` was given.
fn first_board(store: &Store, template: &str) -> Result<Board, Failure> {
    let t = load_template(template)?;
    let name = own_template(store, template, &t)?;
    let code = code_of_name(&t.board.name);
    let board = Board {
        id: free_id(&code, |_| false),
        name: t.board.name.clone(),
        council: String::new(),
        code,
        minute_year: Default::default(),
        item_times_in_minutes: false,
        contact: String::new(),
        quorum: t.board.quorum,
        venue: t.venue.clone(),
        usual_day: None,
        usual_time: t.start_time,
        template: name,
        members: Vec::new(),
        young_people: Default::default(),
        clerk: String::new(),
        adopts: Vec::new(),
    };
    store.create_board(&board)?;
    Ok(board)
}

/// The name the board's record gives `template`: a built-in one's name, or for a file, its
/// copy in the data directory's `templates/` (made now, never over a different one).
fn own_template(store: &Store, template: &str, t: &Template) -> Result<String, Failure> {
    if !template.ends_with(".json") {
        return Ok(template.to_string());
    }
    let name = t.name.clone();
    let path = store.template_path(&name).ok_or_else(|| {
        Failure(format!(
            "template {template}: its name {name:?} cannot name a file in {TEMPLATES_DIR}/"
        ))
    })?;
    let bytes = std::fs::read(template)
        .map_err(|e| Failure(format!("could not read template {template}: {e}")))?;
    let dir = store.dir().join(TEMPLATES_DIR);
    store.create_private_dir(&dir)?;
    match atomic::write(store.disk(), &path, &bytes, atomic::Mode::CreateNew) {
        Ok(_) => Ok(name),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(Failure(format!(
            "{} already holds a different template {name:?}; name this one differently",
            path.display()
        ))),
        Err(e) => Err(Failure(format!("could not save {}: {e}", path.display()))),
    }
}
