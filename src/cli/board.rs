//! `minutebook board new|list|show|edit`: board records from the command line, and the
//! `--board` choice every per-board command shares.

use chrono::NaiveTime;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::output::{say, say_raw, tell};
use super::{Failure, Outcome, parse_time};
use crate::model::board::{UsualDay, YoungPeopleNamed};
use crate::model::board_migration::DEFAULT_TEMPLATE;
use crate::model::{Board, BoardId, Member, Role};
use crate::store::boards::named;
use crate::store::{Store, Summary};

#[derive(Debug, Subcommand)]
pub enum BoardCommand {
    /// Make a board record: who the board is, when it meets, its roster
    New {
        /// The board's id (default: from its code, e.g. cpb for CPB)
        #[arg(long = "board", value_name = "ID")]
        id: Option<String>,
        #[command(flatten)]
        fields: Fields,
        /// Print the record as JSON
        #[arg(long)]
        json: bool,
    },
    /// Every board: id, code, name, council and how many meetings it has
    List {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Everything on a board's record, its roster (chair and vice-chair marked) and its next usual date
    Show {
        /// The board's id, e.g. cpb
        id: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Change a board's record; options not given are left as they are
    Edit {
        /// The board's id, e.g. cpb
        id: String,
        #[command(flatten)]
        fields: Fields,
        #[command(flatten)]
        roster: RosterEdits,
        /// Print the record as JSON
        #[arg(long)]
        json: bool,
    },
}

/// What `board new` and `board edit` both set.
#[derive(Debug, Args)]
pub struct Fields {
    /// The board's name, e.g. "Corporate Parenting Board"
    #[arg(long)]
    name: Option<String>,
    /// Short code for minute references, e.g. CPB
    #[arg(long)]
    code: Option<String>,
    /// The council, e.g. "Someshire County Council"
    #[arg(long)]
    council: Option<String>,
    /// Voting members who must be present (default for a new board: the template's)
    #[arg(long, value_name = "N")]
    quorum: Option<u32>,
    /// The usual venue
    #[arg(long)]
    venue: Option<String>,
    /// The usual day: "second wednesday", "wednesday" (every week), "last friday"; "none" for no usual day
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    day: Option<Day>,
    /// The usual start time
    #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
    time: Option<NaiveTime>,
    /// The template agendas start from: a built-in name, or templates/NAME.json in the data directory
    #[arg(long, value_name = "NAME")]
    template: Option<String>,
    /// The democratic services officer who clerks it
    #[arg(long, value_name = "NAME")]
    clerk: Option<String>,
    /// How public documents name young people: first-name or role-only
    #[arg(long, value_name = "HOW", value_parser = parse_young_people)]
    young_people: Option<YoungPeopleNamed>,
    /// A roster member as "Name;role;position" (role: member, officer, young-person, partner or other, default member; position optional; members vote, others do not); repeat for each. In `edit` it replaces the whole roster
    #[arg(long, value_name = "NAME;ROLE;POSITION", value_parser = parse_member)]
    member: Vec<Member>,
    /// The member who chairs it (on the roster)
    #[arg(long, value_name = "NAME")]
    chair: Option<String>,
    /// The vice-chair (on the roster)
    #[arg(long, value_name = "NAME")]
    vice_chair: Option<String>,
}

/// What only `board edit` changes: single members of the roster.
#[derive(Debug, Args)]
pub struct RosterEdits {
    /// Add a member, as "Name;role;position"; repeat for each
    #[arg(long, value_name = "NAME;ROLE;POSITION", value_parser = parse_member)]
    add_member: Vec<Member>,
    /// Take a member off the roster
    #[arg(long, value_name = "NAME")]
    remove_member: Vec<String>,
    /// Name a substitute for a member, as "Member=Substitute"
    #[arg(long, value_name = "MEMBER=SUBSTITUTE", value_parser = parse_substitute)]
    substitute: Vec<(String, String)>,
    /// Mark a member as not voting (co-opted members, young people)
    #[arg(long, value_name = "NAME")]
    non_voting: Vec<String>,
}

/// A usual day, or none.
#[derive(Debug, Clone, Copy)]
pub struct Day(Option<UsualDay>);

fn parse_day(s: &str) -> Result<Day, String> {
    if s.trim().eq_ignore_ascii_case("none") {
        return Ok(Day(None));
    }
    UsualDay::parse(s).map(|d| Day(Some(d))).ok_or_else(|| {
        format!("{s:?} is not a usual day: say e.g. \"second wednesday\", \"wednesday\" or \"last friday\"")
    })
}

fn parse_young_people(s: &str) -> Result<YoungPeopleNamed, String> {
    match s.trim() {
        "first-name" => Ok(YoungPeopleNamed::FirstName),
        "role-only" => Ok(YoungPeopleNamed::RoleOnly),
        _ => Err(format!("{s:?}: say first-name or role-only")),
    }
}

fn parse_member(s: &str) -> Result<Member, String> {
    let mut parts = s.split(';').map(str::trim);
    let name = parts.next().unwrap_or_default();
    if name.is_empty() {
        return Err(format!("{s:?} names nobody: give \"Name;role;position\""));
    }
    let role = match parts.next().filter(|r| !r.is_empty()) {
        None => Role::Member,
        Some(r) => Role::parse(r).ok_or_else(|| {
            let roles: Vec<String> = Role::ALL
                .iter()
                .map(|r| r.label().replace(' ', "-"))
                .collect();
            format!("{r:?} is not a role: use one of {}", roles.join(", "))
        })?,
    };
    let position = parts.collect::<Vec<_>>().join(";");
    Ok(Member::new(name, role, position))
}

fn parse_substitute(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((m, sub)) if !m.trim().is_empty() && !sub.trim().is_empty() => {
            Ok((m.trim().to_string(), sub.trim().to_string()))
        }
        _ => Err(format!("{s:?}: give \"Member=Substitute\"")),
    }
}

pub fn run(store: &Store, command: BoardCommand) -> Outcome {
    migrate(store)?;
    match command {
        BoardCommand::New { id, fields, json } => new(store, id, fields, json),
        BoardCommand::List { json } => list(store, json),
        BoardCommand::Show { id, json } => show(store, &id, json),
        BoardCommand::Edit {
            id,
            fields,
            roster,
            json,
        } => edit(store, &id, fields, roster, json),
    }
}

/// Gives the meetings of a data directory written before boards were records their board
/// records ([`Store::migrate_boards`]), saying what it made and what it could not. A board
/// record that cannot be read stops nothing here: it is named, and the command goes on.
pub(super) fn migrate(store: &Store) -> Outcome {
    let before = store.warnings().len();
    let made = match store.migrate_boards() {
        Ok(made) => made,
        Err(e) => {
            tell!("minutebook: warning: the board records were not checked: {e}");
            Vec::new()
        }
    };
    for b in made {
        tell!(
            "minutebook: made the board record {} for the meetings of {:?} (board {}); no \
             meeting file was changed",
            store.board_path(&b.id).display(),
            b.name,
            b.id
        );
    }
    for w in store.warnings().iter().skip(before) {
        tell!("minutebook: warning: {w}");
    }
    Ok(())
}

/// The board `--board ID` names, if one was given: refused, naming the boards there are,
/// when there is no such board.
pub(super) fn chosen(
    store: &Store,
    boards: &[Board],
    id: Option<&str>,
) -> Result<Option<Board>, Failure> {
    let Some(id) = id else { return Ok(None) };
    find(store, boards, id).map(|b| Some(b.clone()))
}

fn find<'a>(store: &Store, boards: &'a [Board], id: &str) -> Result<&'a Board, Failure> {
    // A board is named by its id (cpb) or by its code, as its minutes carry it (CPB).
    if let Some(b) = boards
        .iter()
        .find(|b| !b.code.trim().is_empty() && b.code.trim() == id.trim())
    {
        return Ok(b);
    }
    let id = BoardId::parse(id).map_err(Failure)?;
    boards.iter().find(|b| b.id == id).ok_or_else(|| {
        Failure(match boards.len() {
            0 => format!("there is no board {id} in {}: there are no boards yet (make one with minutebook board new)", store.dir().display()),
            _ => format!("there is no board {id} in {}; the boards are: {}", store.dir().display(), named(boards)),
        })
    })
}

/// Refuses a record a board cannot be, naming every field that is wrong. A command gives
/// the whole roster at once, so a quorum the roster's voting members cannot make is refused
/// here (the workspace builds a roster a member at a time and only warns).
fn refuse_problems(board: &Board) -> Outcome {
    let mut problems = board.problems();
    let voting = board.members.iter().filter(|m| m.voting).count();
    if !board.members.is_empty() && board.quorum as usize > voting {
        problems.push(format!(
            "quorum: {} cannot be more than the {voting} voting members on the roster",
            board.quorum
        ));
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(Failure(format!(
        "board {} not saved: {}",
        board.id,
        problems.join("; ")
    )))
}

fn new(store: &Store, id: Option<String>, fields: Fields, json: bool) -> Outcome {
    let (Some(name), Some(code)) = (fields.name.clone(), fields.code.clone()) else {
        return Err(Failure(format!(
            "{}: a new board needs --name (e.g. \"Corporate Parenting Board\") and --code (e.g. CPB)",
            if fields.name.is_none() {
                "name"
            } else {
                "code"
            }
        )));
    };
    let id = match id {
        Some(id) => BoardId::parse(&id).map_err(|e| Failure(format!("board: {e}")))?,
        None => BoardId::from_code(&code).map_err(|e| Failure(format!("code: {e}")))?,
    };
    let template_name = fields.template.clone().unwrap_or(DEFAULT_TEMPLATE.into());
    let template = store
        .template(&template_name)
        .map_err(|e| Failure(format!("template: {e}")))?;
    let mut board = Board {
        id,
        name,
        council: String::new(),
        code,
        minute_year: Default::default(),
        item_times_in_minutes: false,
        contact: String::new(),
        quorum: template.board.quorum,
        venue: String::new(),
        usual_day: None,
        usual_time: None,
        template: template_name,
        members: Vec::new(),
        young_people: YoungPeopleNamed::RoleOnly,
        clerk: String::new(),
        adopts: Vec::new(),
    };
    let quorum_given = fields.quorum.is_some();
    apply(&mut board, fields)?;
    if !quorum_given && !board.members.is_empty() {
        let voting = board.members.iter().filter(|m| m.voting).count() as u32;
        board.quorum = board.quorum.min(voting.max(1));
    }
    refuse_problems(&board)?;
    if store.board(&board.id)?.is_some_and(|b| b != board) {
        return Err(Failure(format!(
            "board: there is already a board {} ({}); change it with minutebook board edit {}",
            board.id,
            store.board_path(&board.id).display(),
            board.id
        )));
    }
    store.create_board(&board)?;
    print_board(store, &board, json, "Made")
}

fn edit(store: &Store, id: &str, fields: Fields, roster: RosterEdits, json: bool) -> Outcome {
    let boards = store.boards()?;
    let mut board = find(store, &boards, id)?.clone();
    if let Some(t) = &fields.template {
        store
            .template(t)
            .map_err(|e| Failure(format!("template: {e}")))?;
    }
    let (chair, vice) = (fields.chair.clone(), fields.vice_chair.clone());
    apply(
        &mut board,
        Fields {
            chair: None,
            vice_chair: None,
            ..fields
        },
    )?;
    edit_roster(&mut board, roster)?;
    mark_chairs(&mut board, chair, vice)?;
    refuse_problems(&board)?;
    store.save_board(&board)?;
    print_board(store, &board, json, "Saved")
}

/// Sets every field given. The code changes references, never the id (it names the file).
fn apply(board: &mut Board, f: Fields) -> Outcome {
    let set = |slot: &mut String, v: Option<String>| {
        if let Some(v) = v {
            *slot = v.trim().to_string();
        }
    };
    set(&mut board.name, f.name);
    set(&mut board.code, f.code);
    set(&mut board.council, f.council);
    set(&mut board.venue, f.venue);
    set(&mut board.template, f.template);
    set(&mut board.clerk, f.clerk);
    if let Some(q) = f.quorum {
        board.quorum = q;
    }
    if let Some(Day(d)) = f.day {
        board.usual_day = d;
    }
    if let Some(t) = f.time {
        board.usual_time = Some(t);
    }
    if let Some(y) = f.young_people {
        board.young_people = y;
    }
    if !f.member.is_empty() {
        board.members = f.member;
    }
    mark_chairs(board, f.chair, f.vice_chair)
}

fn member_mut<'a>(
    board: &'a mut Board,
    field: &str,
    name: &str,
) -> Result<&'a mut Member, Failure> {
    let id = board.id.clone();
    board
        .members
        .iter_mut()
        .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| {
            Failure(format!(
                "{field}: {name:?} is not on the roster of board {id}"
            ))
        })
}

fn edit_roster(board: &mut Board, r: RosterEdits) -> Outcome {
    board.members.extend(r.add_member);
    for name in &r.remove_member {
        member_mut(board, "remove-member", name)?;
        board
            .members
            .retain(|m| !m.name.eq_ignore_ascii_case(name.trim()));
    }
    for (member, sub) in r.substitute {
        let m = member_mut(board, "substitute", &member)?;
        if !m.substitutes.contains(&sub) {
            m.substitutes.push(sub);
        }
    }
    for name in &r.non_voting {
        member_mut(board, "non-voting", name)?.voting = false;
    }
    Ok(())
}

/// Makes `chair` the chair and `vice` the vice-chair, each the only one.
fn mark_chairs(board: &mut Board, chair: Option<String>, vice: Option<String>) -> Outcome {
    if let Some(name) = chair {
        member_mut(board, "chair", &name)?;
        for m in &mut board.members {
            m.chair = m.name.eq_ignore_ascii_case(name.trim());
        }
    }
    if let Some(name) = vice {
        member_mut(board, "vice-chair", &name)?;
        for m in &mut board.members {
            m.vice_chair = m.name.eq_ignore_ascii_case(name.trim());
        }
    }
    Ok(())
}

fn print_board(store: &Store, board: &Board, json: bool, done: &str) -> Outcome {
    if json {
        say!("{}", crate::cli::output::json(board));
    } else {
        say!(
            "{done} board {}: {} ({}), {} on the roster{}; record in {}",
            board.id,
            board.name,
            board.code,
            board.members.len(),
            board
                .chair()
                .map_or(String::new(), |c| format!(", chair {}", c.name)),
            store.board_path(&board.id).display()
        );
    }
    Ok(())
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a BoardId,
    code: &'a str,
    name: &'a str,
    council: &'a str,
    meetings: usize,
}

fn meetings_of<'a>(meetings: &'a [Summary], id: &BoardId) -> Vec<&'a Summary> {
    meetings
        .iter()
        .filter(|s| s.board_id.as_ref() == Some(id))
        .collect()
}

fn list(store: &Store, json: bool) -> Outcome {
    let boards = store.boards()?;
    let listing = store.list()?;
    super::warn_all(&listing.problems);
    let rows: Vec<Listed> = boards
        .iter()
        .map(|b| Listed {
            id: &b.id,
            code: &b.code,
            name: &b.name,
            council: &b.council,
            meetings: meetings_of(&listing.meetings, &b.id).len(),
        })
        .collect();
    if json {
        say!("{}", crate::cli::output::json(&rows));
    } else if rows.is_empty() {
        say!(
            "No boards yet in {}. Make one with: minutebook board new --name NAME --code CODE",
            store.dir().display()
        );
    } else {
        for r in &rows {
            say!(
                "{:<12} {:<8} {}{}  {} meeting(s)",
                r.id.as_str(),
                r.code,
                r.name,
                if r.council.is_empty() {
                    String::new()
                } else {
                    format!(", {}", r.council)
                },
                r.meetings
            );
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    board: &'a Board,
    meetings: Vec<&'a crate::model::MeetingId>,
    next_usual_date: chrono::NaiveDate,
}

fn show(store: &Store, id: &str, json: bool) -> Outcome {
    let boards = store.boards()?;
    let board = find(store, &boards, id)?;
    let listing = store.list()?;
    super::warn_all(&listing.problems);
    let held = meetings_of(&listing.meetings, &board.id);
    let today = chrono::Local::now().date_naive();
    let after = held.last().map_or(today, |s| s.date.max(today));
    let shown = Shown {
        board,
        meetings: held.iter().map(|s| &s.id).collect(),
        next_usual_date: board.next_usual_date(after),
    };
    if json {
        say!("{}", crate::cli::output::json(&shown));
    } else {
        say_raw!("{}", show_text(store, &shown));
    }
    Ok(())
}

fn show_text(store: &Store, s: &Shown) -> String {
    let b = s.board;
    let or_none = |v: &str| {
        if v.is_empty() {
            "(none)".to_string()
        } else {
            v.to_string()
        }
    };
    let usual = match (b.usual_day, b.usual_time) {
        (Some(d), Some(t)) => format!("{d} at {}", crate::words::time(t)),
        (Some(d), None) => d.to_string(),
        (None, Some(t)) => format!("no usual day, at {}", crate::words::time(t)),
        (None, None) => "no usual day or time".into(),
    };
    let young = match b.young_people {
        YoungPeopleNamed::FirstName => "by first name",
        YoungPeopleNamed::RoleOnly => "by role only",
    };
    let own = store.template_path(&b.template).filter(|p| p.exists());
    let mut out = format!(
        "{} ({}), board {}\nCouncil:          {}\nQuorum:           {} voting member(s)\n\
         Venue:            {}\nUsually meets:    {usual}\nNext usual date:  {}\n\
         Template:         {}{}\nClerk:            {}\nYoung people:     named {young} in public documents\n\
         Meetings:         {}\n",
        b.name,
        b.code,
        b.id,
        or_none(&b.council),
        b.quorum,
        or_none(&b.venue),
        crate::words::long_date(s.next_usual_date),
        b.template,
        own.map_or(" (built in)".to_string(), |p| format!(" ({})", p.display())),
        or_none(&b.clerk),
        match s.meetings.last() {
            Some(last) => format!("{} (latest {last})", s.meetings.len()),
            None => "none yet".into(),
        },
    );
    if !b.adopts.is_empty() {
        out.push_str(&format!(
            "Adopts meetings recorded as: {}\n",
            b.adopts.join(", ")
        ));
    }
    out.push_str(&format!("Roster ({}):\n", b.members.len()));
    for m in &b.members {
        out.push_str(&roster_line(m));
    }
    out
}

fn roster_line(m: &Member) -> String {
    let mut marks = vec![m.role.label().to_string()];
    marks.push(if m.voting { "votes" } else { "does not vote" }.into());
    if m.chair {
        marks.push("CHAIR".into());
    }
    if m.vice_chair {
        marks.push("VICE-CHAIR".into());
    }
    let mut line = format!("  {}  [{}]", m.name, marks.join(", "));
    if !m.position.is_empty() {
        line.push_str(&format!("  {}", m.position));
    }
    if !m.substitutes.is_empty() {
        line.push_str(&format!("  substitutes: {}", m.substitutes.join(", ")));
    }
    line.push('\n');
    line
}

/// Which boards a listing covers, and whether its rows must say their board.
pub(super) struct Scope {
    only: Option<BoardId>,
    /// Every board is covered and there is more than one: each row names its board.
    pub label: bool,
    boards: Vec<Board>,
}

impl Scope {
    /// The one board covered, if `--board` named one.
    pub fn only(&self) -> Option<&BoardId> {
        self.only.as_ref()
    }

    /// Whether a row of the board `id` (as resolved) is kept.
    pub fn keeps(&self, id: Option<&BoardId>) -> bool {
        crate::store::boards::of_board(self.only.as_ref(), id)
    }

    /// The board a meeting's record belongs to, as the scope's boards resolve it.
    pub fn board_of(&self, recorded: &crate::model::MeetingBoard) -> Option<BoardId> {
        crate::store::boards::board_id_of(&self.boards, recorded)
    }

    /// The code a row of board `id` shows ("CPB"), or "-" for a board not on record.
    pub fn code(&self, id: Option<&BoardId>) -> String {
        id.and_then(|id| self.boards.iter().find(|b| b.id == *id))
            .map_or("-".to_string(), |b| b.code.clone())
    }
}

/// The scope `--board` gives: that board (refused when there is none), or every board. When
/// the board records cannot be read, every board is listed unlabelled, and that is said.
pub(super) fn scope(store: &Store, id: Option<&str>) -> Result<Scope, Failure> {
    let boards = match (store.boards(), id) {
        (Ok(boards), _) => boards,
        (Err(e), Some(_)) => return Err(e.into()),
        (Err(e), None) => {
            tell!("minutebook: warning: {e}; rows are not labelled with their boards");
            Vec::new()
        }
    };
    let only = match id {
        Some(id) => Some(find(store, &boards, id)?.id.clone()),
        None => None,
    };
    Ok(Scope {
        label: only.is_none() && boards.len() > 1,
        only,
        boards,
    })
}
