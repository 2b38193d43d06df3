//! The command line: every subcommand that reads records works without a terminal.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use clap::{Parser, Subcommand};

use crate::demo;
use crate::export::{Audience, Format, Scope};
use crate::model::clock::parse_hhmm;
use crate::model::standing::IHA_WORKING_DAYS;
use crate::model::standing::{IhaStatus, change_text, rate_text};
use crate::model::working_days::{Calendar, iha_due};
use crate::model::{MeetingId, Template};
use crate::store::{DATA_DIR_ENV, Store, StoreError, Summary};
use crate::words::long_date;

mod action;
mod approval;
pub mod board;
mod decisions;
mod export;
mod meeting;
mod new;
pub mod output;
mod procedure;
mod search;
mod times;

use output::{say, say_raw, tell};

#[derive(Debug, Parser)]
#[command(
    name = "minutebook",
    version,
    about = "A terminal workspace for running and minuting board meetings",
    long_about = "A terminal workspace for running and minuting board meetings: agenda, standing \
                  figures (IHA timeliness first), live minutes, actions carried from meeting to \
                  meeting, attendance and an archive.\n\nEvery meeting is one JSON file in a \
                  private data directory. Run `minutebook demo` to try it on a sample year."
)]
pub struct Cli {
    /// Where meeting records live (default: the platform's data directory, e.g. ~/.local/share/minutebook)
    #[arg(long, global = true, env = DATA_DIR_ENV, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Draw every screen in plain ASCII (for terminals and screen readers that garble box drawing)
    #[arg(long, global = true)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the workspace on a throwaway copy of a sample board's year (your records are not touched)
    Demo {
        /// Write the demo records into DIR instead, and open nothing
        #[arg(long, value_name = "DIR")]
        into: Option<PathBuf>,
    },
    /// Open a given meeting in the workspace
    Open {
        /// The meeting's id, e.g. 2026-12-09
        id: String,
    },
    /// Follow the clerk's workspace as the chair's screen, read-only; never writes
    Chair {
        /// The meeting's id, e.g. 2026-12-09 (default: the one the workspace would open)
        id: Option<String>,
        /// For a shared screen or projector: Part B business by title only until the press and public are excluded
        #[arg(long)]
        hide_part_b: bool,
    },
    /// Create a board's meeting on a date from its record and template, carrying forward its open actions; prints its id
    New {
        /// The meeting date
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
        /// Start time (default: the board's usual time, else the template's)
        #[arg(long, value_name = "HH:MM", value_parser = parse_time)]
        time: Option<NaiveTime>,
        /// A built-in template name, or the path of a template JSON file (default: the board's template)
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        /// A different id, for a second meeting on the same date (e.g. 2026-12-09-extra)
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// The board whose meeting it is (default: the only board)
        #[arg(long, value_name = "ID")]
        board: Option<String>,
    },
    /// List every meeting, oldest first: id, date, status, title (and board, when there are several)
    List {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Only this board's meetings
        #[arg(long, value_name = "ID")]
        board: Option<String>,
    },
    /// Print a meeting as readable text
    Show {
        /// The meeting's id, e.g. 2026-12-09
        id: String,
    },
    /// Approve a meeting's draft minutes as a correct record, which seals them (SHA-256)
    Approve {
        /// The meeting whose minutes are approved, e.g. 2026-11-11
        id: String,
        /// Who signed them, normally the chair
        #[arg(long, value_name = "NAME")]
        by: String,
        /// The meeting that approved them (default: the next meeting on record)
        #[arg(long, value_name = "ID")]
        at: Option<String>,
        /// The date of approval (default: the approving meeting's date)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        on: Option<NaiveDate>,
    },
    /// Record a dated correction beside approved minutes (the sealed text is never changed)
    Erratum {
        /// The meeting whose approved minutes are corrected
        id: String,
        /// The correction, e.g. 'Item 4: for "Cllr Smith" read "Cllr Smyth"'
        #[arg(long)]
        text: String,
        /// The item it corrects, by number, e.g. 4.2
        #[arg(long, value_name = "NUMBER")]
        item: Option<String>,
        /// The date of the correction (default: today)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// The meeting at which the correction was agreed
        #[arg(long, value_name = "ID")]
        agreed_at: Option<String>,
    },
    /// Check every approved meeting against its seal; fails if any was altered outside minutebook
    Verify {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Only this board's meetings
        #[arg(long, value_name = "ID")]
        board: Option<String>,
    },
    /// Search every meeting for items, actions and errata holding all the words (case and accents ignored); a minute reference (CPB/26/45) finds that minute first, then the minutes citing it
    Search {
        /// The words, all of which must match; quote a phrase ("care leavers")
        #[arg(required = true, value_name = "WORD")]
        query: Vec<String>,
        /// Print JSON (every hit, its snippet and highlight ranges) instead of text
        #[arg(long)]
        json: bool,
        /// Show at most N hits, newest first
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Only this board's meetings
        #[arg(long, value_name = "ID")]
        board: Option<String>,
    },
    /// Every action in the archive at its latest state, with where it was raised and its last update
    Actions {
        /// Only actions still open
        #[arg(long)]
        open: bool,
        /// Only actions overdue today (or on --today)
        #[arg(long)]
        overdue: bool,
        /// Only actions whose owner contains NAME (case and accents ignored)
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// Judge overdue as of this date instead of today
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Only this board's actions
        #[arg(long, value_name = "ID")]
        board: Option<String>,
    },
    /// The decisions register: every decision and resolution in the archive, oldest first, with its minute, mover, seconder and vote (Part B marked)
    Decisions {
        /// Only this board's meetings (its id or code, e.g. CPB)
        #[arg(long, value_name = "CODE")]
        board: Option<String>,
        /// Only meetings on or after this date
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        from: Option<NaiveDate>,
        /// Only meetings on or before this date
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        to: Option<NaiveDate>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Change one action: its text, owner or due date, or withdraw it (`action edit ID …`)
    Action {
        #[command(subcommand)]
        command: action::ActionCommand,
    },
    /// Record a declaration of interest by a member present, for one item of a meeting
    Declare(procedure::DeclareArgs),
    /// Record a resolution or decision under an item, with its mover, seconder and vote, checked against who was in the room
    Resolve(procedure::ResolveArgs),
    /// Write a meeting as md, txt, html, json or ocd (private unless --public), or the forward plan as iCalendar
    Export(export::ExportArgs),
    /// A meeting's own details (a new date moves its id), and the trash for one made by mistake
    Meeting {
        #[command(subcommand)]
        command: meeting::MeetingCommand,
    },
    /// Initial Health Assessment timeliness
    Iha {
        #[command(subcommand)]
        command: IhaCommand,
    },
    /// Boards: make, list, show and change their records
    Board {
        // Boxed: its options would make every command as large as it.
        #[command(subcommand)]
        command: Box<board::BoardCommand>,
    },
}

#[derive(Debug, Subcommand)]
pub enum IhaCommand {
    /// Print the date an IHA is due: 20 working days after the child came into care (England and Wales)
    Due {
        /// The date the child came into care
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        entered: NaiveDate,
    },
    /// IHA timeliness at every meeting that reported it, oldest first: date, due, within 20 working days, rate, status
    Trend {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Only this board's meetings
        #[arg(long, value_name = "ID")]
        board: Option<String>,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::model::clock::parse_date(s)
        .ok_or_else(|| format!("{s:?} is not a real date in the form YYYY-MM-DD"))
}

fn parse_time(s: &str) -> Result<NaiveTime, String> {
    parse_hhmm(s)
}

/// A failed command: one sentence for stderr.
#[derive(Debug)]
pub struct Failure(pub String);

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Failure(e.to_string())
    }
}

impl From<crate::model::IdError> for Failure {
    fn from(e: crate::model::IdError) -> Self {
        Failure(e.to_string())
    }
}

type Outcome = Result<(), Failure>;

pub fn run(cli: Cli) -> Outcome {
    crate::ui::ascii::set(cli.ascii);
    match cli.command {
        None => workspace(open_store(cli.data_dir.as_deref())?, None),
        Some(Command::Open { id }) => workspace(
            open_store(cli.data_dir.as_deref())?,
            Some(MeetingId::parse(&id)?),
        ),
        Some(Command::Demo { into: Some(dir) }) => {
            let store = Store::open(&dir)?;
            let n = write_demo(&store)?;
            say!("Wrote {n} demo meetings into {}", store.dir().display());
            Ok(())
        }
        Some(Command::Demo { into: None }) => run_demo(),
        // Opened apart: the chair's screen must not create or write anything.
        Some(Command::Chair { id, hide_part_b }) => chair(cli.data_dir.as_deref(), id, hide_part_b),
        // Needs no records, so no data directory is opened (or created).
        Some(Command::Iha {
            command: IhaCommand::Due { entered },
        }) => {
            say!("{}", iha_due_line(entered)?);
            Ok(())
        }
        Some(command) => run_on(&open_store(cli.data_dir.as_deref())?, command),
    }
}

/// No meetings yet: in a terminal the clerk is led to their board and first meeting, and
/// the workspace opens on it; without one, the commands that do it are named.
fn first_start(store: Store) -> Outcome {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        say!(
            "No meetings yet in {}. Make a board with `minutebook board new`, then a meeting with \
             `minutebook new --date YYYY-MM-DD`, or run minutebook in a terminal to be led through both.",
            store.dir().display()
        );
        return Ok(());
    }
    match crate::tui::first_start(&store).map_err(|e| Failure(e.to_string()))? {
        crate::tui::Started::Meeting(id) => {
            crate::tui::run(store, id).map_err(|e| Failure(e.to_string()))
        }
        crate::tui::Started::Left(said) => {
            say!("{said}");
            Ok(())
        }
    }
}

/// Runs a command on `store`: what `run` does once the data directory is open, callable
/// with a store whose file operations a test makes fail.
#[doc(hidden)]
pub fn run_on(store: &Store, command: Command) -> Outcome {
    match command {
        Command::New {
            date,
            time,
            template,
            id,
            board,
        } => new::run(
            store,
            new::Asked {
                date,
                time,
                template,
                id,
                board,
            },
        ),
        Command::List { json, board } => list(store, json, board.as_deref()),
        Command::Show { id } => show(store, &id),
        Command::Approve { id, by, at, on } => {
            approval::approve(store, &id, &by, at.as_deref(), on)
        }
        Command::Erratum {
            id,
            text,
            item,
            date,
            agreed_at,
        } => approval::erratum(
            store,
            &id,
            &text,
            item.as_deref(),
            date.unwrap_or_else(|| chrono::Local::now().date_naive()),
            agreed_at.as_deref(),
        ),
        Command::Verify { json, board } => approval::verify(store, json, board.as_deref()),
        Command::Export(args) => export::run(store, args),
        Command::Declare(args) => procedure::declare(store, args),
        Command::Resolve(args) => procedure::resolve(store, args),
        Command::Meeting { command } => meeting::run(store, command),
        Command::Search {
            query,
            json,
            limit,
            board,
        } => search::search(store, &query, json, limit, board.as_deref()),
        Command::Actions {
            open,
            overdue,
            owner,
            today,
            json,
            board,
        } => search::actions(
            store,
            search::ActionsAsked {
                open,
                overdue,
                owner,
                today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
                json,
            },
            board.as_deref(),
        ),
        Command::Action { command } => action::run(store, command),
        Command::Decisions {
            board,
            from,
            to,
            json,
        } => decisions::run(
            store,
            decisions::Asked {
                board: board.as_deref(),
                from,
                to,
                json,
            },
        ),
        Command::Iha {
            command: IhaCommand::Trend { json, board },
        } => {
            let scope = board::scope(store, board.as_deref())?;
            let listing = store.list()?;
            warn_all(&listing.problems);
            say_raw!("{}", iha_trend(&listing.meetings, json, &scope));
            Ok(())
        }
        Command::Board { command } => board::run(store, *command),
        // These open no records of this store.
        command @ (Command::Open { .. }
        | Command::Demo { .. }
        | Command::Iha { .. }
        | Command::Chair { .. }) => run(Cli {
            data_dir: Some(store.dir().to_path_buf()),
            ascii: crate::ui::ascii::on(),
            command: Some(command),
        }),
    }
}

#[derive(serde::Serialize)]
struct TrendRow<'a> {
    meeting: &'a MeetingId,
    board_id: Option<&'a crate::model::BoardId>,
    date: NaiveDate,
    due: u32,
    within_20_days: u32,
    rate: Option<f64>,
    target: f64,
    status: IhaStatus,
}

/// The IHA trend as a table (or JSON) from the archive's summaries, oldest first.
fn iha_trend(meetings: &[Summary], json: bool, scope: &board::Scope) -> String {
    let rows: Vec<TrendRow> = meetings
        .iter()
        .filter(|s| scope.keeps(s.board_id.as_ref()))
        .filter_map(|s| {
            let p = s.iha?;
            Some(TrendRow {
                meeting: &s.id,
                board_id: s.board_id.as_ref(),
                date: s.date,
                due: p.due,
                within_20_days: p.within_20_days,
                rate: p.rate(),
                target: p.target,
                status: p.status(),
            })
        })
        .collect();
    if json {
        return crate::cli::output::json(&rows) + "\n";
    }
    if rows.is_empty() {
        return "No meeting has reported IHA figures yet.\n".to_string();
    }
    // Across several boards each row says its board (each board's own trend is --board).
    let board = |r: Option<&TrendRow>| match (scope.label, r) {
        (false, _) => String::new(),
        (true, None) => format!("{:<8} ", "Board"),
        (true, Some(r)) => format!("{:<8} ", scope.code(r.board_id)),
    };
    let mut out = format!(
        "{}{:<12} {:>4} {:>15} {:>7}  {:<13} {}\n",
        board(None),
        "Date",
        "Due",
        "Within 20 days",
        "Rate",
        "Status",
        "Change"
    );
    // The change is from the same board's last rate.
    let mut last: std::collections::HashMap<_, f64> = std::collections::HashMap::new();
    for r in &rows {
        let before = last.get(&r.board_id).copied();
        let change = change_text(r.rate, before).unwrap_or_default();
        out.push_str(&format!(
            "{}{:<12} {:>4} {:>15} {:>7}  {:<13} {change}\n",
            board(Some(r)),
            r.date.to_string(),
            r.due,
            r.within_20_days,
            if r.rate.is_some() {
                rate_text(r.rate, r.target)
            } else {
                "-".to_string()
            },
            r.status.words(),
        ));
        if let Some(rate) = r.rate {
            last.insert(r.board_id, rate);
        }
    }
    out
}

/// One line for `iha due`: the ISO date first, for scripts, then why, for the clerk.
fn iha_due_line(entered: NaiveDate) -> Result<String, Failure> {
    let due = iha_due(entered).map_err(|e| {
        Failure(format!(
            "cannot work out the IHA due date for {entered}: {e}"
        ))
    })?;
    let holidays = Calendar::england_and_wales().holidays_in(entered, due);
    let skipped = match holidays.len() {
        0 => "not counting weekends (no bank holidays fall in between)".to_string(),
        n => format!(
            "not counting weekends or {}: {}",
            if n == 1 {
                "this bank holiday"
            } else {
                "these bank holidays"
            },
            holidays
                .iter()
                .map(|(d, title)| format!("{}, {title}", long_date(*d)))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    Ok(format!(
        "{due} ({}): the IHA is due {IHA_WORKING_DAYS} working days after entering care on {}; {skipped}",
        long_date(due),
        long_date(entered),
    ))
}

/// `show`: the plain-text export of the full record: the same words and figures as every
/// other surface, Part B included and marked (this is the clerk's view).
fn show(store: &Store, id: &str) -> Outcome {
    let mut meeting = store.load(&MeetingId::parse(id)?)?.meeting;
    let (format, audience, scope) = (Format::Text, Audience::Private, Scope::Full);
    let origins = store
        .origins_for(&mut meeting, audience)
        .map_err(|e| Failure(format!("could not show meeting {id}: {e}")))?;
    // As `export` does: the council, the clerk and who chaired from the board's record,
    // where it can be read.
    let board = store.board_of(&meeting.board).ok().flatten();
    say_raw!(
        "{}",
        crate::export::render(&meeting, &origins, board.as_ref(), format, audience, scope)
    );
    Ok(())
}

/// `list`: every meeting of the scope, oldest first; each names its board's code when
/// every board is listed and there are several.
fn list(store: &Store, json: bool, board: Option<&str>) -> Outcome {
    let scope = board::scope(store, board)?;
    let mut listing = store.list()?;
    warn_all(&listing.problems);
    listing
        .meetings
        .retain(|s| scope.keeps(s.board_id.as_ref()));
    if json {
        say!("{}", crate::cli::output::json(&listing.meetings));
    } else if listing.meetings.is_empty() {
        say!(
            "No meetings yet in {}. Create one with: minutebook new --date YYYY-MM-DD",
            store.dir().display()
        );
    } else {
        for s in &listing.meetings {
            let code = scope.label.then(|| scope.code(s.board_id.as_ref()));
            say!("{}", list_line(s, code.as_deref()));
        }
    }
    Ok(())
}

fn list_line(s: &Summary, board: Option<&str>) -> String {
    format!(
        "{:<22} {:<15}  {:<17} {}{}",
        s.id.as_str(),
        crate::words::weekday_date(s.date),
        s.status.label(),
        board.map_or(String::new(), |code| format!("{code:<8} ")),
        s.title
    )
}

fn open_store(dir: Option<&Path>) -> Result<Store, Failure> {
    let dir = match dir {
        Some(d) => d.to_path_buf(),
        None => Store::default_dir().ok_or_else(|| {
            Failure(format!("could not find a data directory for this user; give one with --data-dir or {DATA_DIR_ENV}"))
        })?,
    };
    let store = Store::open(dir)?;
    for w in store.warnings() {
        tell!("minutebook: warning: {w}");
    }
    Ok(store)
}

fn warn_all(problems: &[StoreError]) {
    for p in problems {
        tell!("minutebook: warning: {p}");
    }
}

/// For a command that writes from what it read: a file that could not be read now (an
/// I/O error, unlike a corrupt file) stops it, so nothing is written from a partial
/// archive; a retry reads it. The other problems are warnings.
fn unless_unread(problems: &[StoreError]) -> Result<(), Failure> {
    if let Some(e) = problems.iter().find(|p| matches!(p, StoreError::Io { .. })) {
        return Err(Failure(format!(
            "{e}; nothing was written, so that nothing is made from part of the archive (try \
             again)"
        )));
    }
    warn_all(problems);
    Ok(())
}

fn load_template(name: &str) -> Result<Template, Failure> {
    if name.ends_with(".json") {
        let text = std::fs::read_to_string(name)
            .map_err(|e| Failure(format!("could not read template {name}: {e}")))?;
        Template::parse(&text).map_err(|e| Failure(format!("template {name} is not valid: {e}")))
    } else {
        Template::builtin(name).map_err(Failure)
    }
}

/// Writes the demo year, refusing up front if any of its meetings already exist.
fn write_demo(store: &Store) -> Result<usize, Failure> {
    let year = demo::year();
    if let Some(m) = year.iter().find(|m| store.exists(&m.id)) {
        return Err(Failure(format!(
            "{} already holds a meeting {}; the demo writes only into a directory without its meetings",
            store.dir().display(),
            m.id
        )));
    }
    // The board's record first, so nothing of the demo is ever without its board.
    if store.board(&demo::board(&year).id)?.is_none() {
        store.create_board(&demo::board(&year))?;
    }
    for m in &year {
        store.create(m)?;
    }
    Ok(year.len())
}

fn run_demo() -> Outcome {
    // A new directory with an unguessable name, made 0700 by mkdir itself: nothing
    // planted in the temp directory beforehand can be reused or followed.
    let mut builder = tempfile::Builder::new();
    builder.prefix("minutebook-demo-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    let sandbox = builder.tempdir().map_err(|e| {
        Failure(format!(
            "could not make a private demo directory in {}: {e}",
            std::env::temp_dir().display()
        ))
    })?;
    let store = Store::open(sandbox.path())?;
    write_demo(&store)?;
    let result = workspace(store, None);
    // Removed when `sandbox` goes out of scope, whatever the outcome.
    drop(sandbox);
    result
}

/// `chair`: the chair's screen on a meeting, read-only. None of the workspace's start-up
/// (no board migration, no first start, no lock): it never writes to the data directory.
fn chair(dir: Option<&Path>, id: Option<String>, hide_part_b: bool) -> Outcome {
    let dir = match dir {
        Some(d) => d.to_path_buf(),
        None => Store::default_dir().ok_or_else(|| {
            Failure(format!("could not find a data directory for this user; give one with --data-dir or {DATA_DIR_ENV}"))
        })?,
    };
    // Read-only at the disk seam: nothing the store does can write from the chair's screen,
    // and a missing directory is an error, not made.
    let store = Store::open_read_only(&dir)?;
    let id = match id {
        Some(id) => MeetingId::parse(&id)?,
        None => store
            .default_meeting(chrono::Local::now().date_naive())?
            .ok_or_else(|| {
                Failure(format!(
                    "there are no meetings in {} to follow",
                    dir.display()
                ))
            })?,
    };
    if !store.exists(&id) {
        return Err(StoreError::NotFound {
            path: store.path_of(&id),
            id,
        }
        .into());
    }
    let veil = match hide_part_b {
        true => crate::model::brief::Veil::UntilExcluded,
        false => crate::model::brief::Veil::Private,
    };
    crate::chair::run::run(store, id, veil).map_err(|e| Failure(e.to_string()))
}

fn workspace(store: Store, id: Option<MeetingId>) -> Outcome {
    // Where a clerk starts: a data directory from before boards were records gets its own.
    board::migrate(&store)?;
    let id = match id {
        Some(id) if store.exists(&id) => id,
        Some(id) => {
            return Err(StoreError::NotFound {
                path: store.path_of(&id),
                id,
            }
            .into());
        }
        None => match store.default_meeting(chrono::Local::now().date_naive())? {
            Some(id) => id,
            None => return first_start(store),
        },
    };
    crate::tui::run(store, id).map_err(|e| Failure(e.to_string()))
}
