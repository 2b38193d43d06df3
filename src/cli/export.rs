//! `minutebook export`: a meeting as a document, or the forward plan as iCalendar, to
//! stdout or to a file written atomically (0600) that is never silently replaced.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args};

use super::output::{say, tell};
use super::{Failure, warn_all};
use crate::export::{self, Audience, Document, Format, Scope, ics};
use crate::model::agenda;
use crate::model::{Board, Meeting, MeetingId};
use crate::store::Store;
use crate::store::atomic::{self, Mode};
use crate::store::boards::board_id_of;
use crate::store::disk::Disk;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["id", "ics"])))]
pub struct ExportArgs {
    /// The meeting's id, e.g. 2026-06-10
    pub id: Option<String>,
    /// md, txt, html, json, ocd (an Open Civic Data event) or docx (Word; needs --output
    /// or a pipe)
    #[arg(
        long,
        short = 'f',
        value_name = "FORMAT",
        value_parser = parse_format,
        required_unless_present = "ics",
        conflicts_with = "ics"
    )]
    pub format: Option<Format>,
    /// Only what may be published: exempt (Part B) items by number, title and stated ground alone
    #[arg(long, conflicts_with = "ics")]
    pub public: bool,
    /// The agenda alone, to circulate before the meeting: no minutes, decisions or actions
    #[arg(long, conflicts_with = "ics")]
    pub agenda: bool,
    /// With --agenda: the date of publication the pack states (default: the one the meeting
    /// records, else today); warns if that is fewer than five clear working days before the meeting
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date, requires = "agenda")]
    pub published: Option<chrono::NaiveDate>,
    /// The forward plan instead: every meeting from today on, as an iCalendar file
    #[arg(long)]
    pub ics: bool,
    /// Write to FILE (created 0600) instead of printing
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it already exists
    #[arg(long, requires = "output")]
    pub force: bool,
    /// With --ics: only this board's meetings
    #[arg(long, value_name = "ID", requires = "ics")]
    pub board: Option<String>,
}

/// A meeting as a document, and what it is, in words.
fn meeting_document(store: &Store, args: &ExportArgs) -> Result<(Document, String), Failure> {
    let id = args
        .id
        .as_deref()
        .expect("clap requires an id without --ics");
    let id = MeetingId::parse(id)?;
    let mut meeting = store.load(&id)?.meeting;
    let format = args.format.expect("clap requires --format with an id");
    let audience = if args.public {
        Audience::Public
    } else {
        Audience::Private
    };
    let scope = if args.agenda {
        let today = chrono::Local::now().date_naive();
        let published = args.published.or(meeting.agenda_published).unwrap_or(today);
        warn_short_notice(&meeting, published);
        // Stated on the pack only; the record keeps what it holds.
        meeting.agenda_published = Some(published);
        Scope::AgendaOnly
    } else {
        Scope::Full
    };
    // Where each carried action was raised decides, now, whether it is Part B.
    let origins = store
        .origins_for(&mut meeting, audience)
        .map_err(|e| Failure(format!("nothing was exported: {e}")))?;
    if audience == Audience::Public {
        for at in origins.unreadable() {
            tell!(
                "minutebook: note: meeting {at} could not be read, so the actions raised \
                 there are left out of this public document, as if Part B"
            );
        }
    }
    let exempt_business = agenda::exempt_item_count(&meeting.agenda) > 0
        || meeting.actions.iter().any(|a| origins.part_b(&meeting, a));
    if audience == Audience::Private && exempt_business {
        tell!(
            "minutebook: note: this is the full record of {id}, exempt (Part B) business \
             included; it is not for publication (add --public for a version that is)"
        );
    }
    let kind = if args.public { "public" } else { "private" };
    let part = if args.agenda { "agenda" } else { "record" };
    let board = match audience {
        Audience::Public => board_to_publish(store, &meeting),
        // The full record names the council, the clerk and who chaired where the board's
        // record can be read, and is made without them where it cannot.
        Audience::Private => store.board_of(&meeting.board).ok().flatten(),
    };
    Ok((
        export::document(&meeting, &origins, board.as_ref(), format, audience, scope),
        format!("the {kind} {part} of {id} as {format}"),
    ))
}

/// Tells the clerk when an agenda published on `published` gives less than the five clear
/// working days' notice the law asks for (or when that cannot be counted).
fn warn_short_notice(meeting: &Meeting, published: chrono::NaiveDate) {
    let calendar = crate::model::working_days::Calendar::england_and_wales();
    let date = crate::words::day_month_year;
    match calendar.clear_working_days(published, meeting.date) {
        Ok(n) if n >= 5 => {}
        Ok(n) => tell!(
            "minutebook: warning: the agenda of {} published on {} gives {n} clear working \
             day(s) before the meeting on {}; five are required",
            meeting.id,
            date(published),
            date(meeting.date)
        ),
        Err(e) => tell!(
            "minutebook: note: the notice the agenda of {} gives could not be counted: {e}",
            meeting.id
        ),
    }
}

/// The meeting's board record, which says whether public documents name young people;
/// where it cannot be read, the clerk is told that they are given by role only.
fn board_to_publish(store: &Store, meeting: &Meeting) -> Option<Board> {
    let (id, name) = (&meeting.id, &meeting.board.name);
    let why = match store.board_of(&meeting.board) {
        Ok(Some(board)) => return Some(board),
        Ok(None) => format!("meeting {id}'s board \"{name}\" has no board record"),
        Err(e) => format!("the board record of meeting {id} could not be read ({e})"),
    };
    tell!(
        "minutebook: note: {why}, so this public document gives young people by role only, \
         not by name"
    );
    None
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

pub fn run(store: &Store, args: ExportArgs) -> Result<(), Failure> {
    let (document, what) = if args.ics {
        let today = chrono::Local::now().date_naive();
        let scope = super::board::scope(store, args.board.as_deref())?;
        let boards = store.boards()?;
        let (mut meetings, problems) = store.load_where(|id| id.date() >= today)?;
        warn_all(&problems);
        meetings.retain(|m| scope.keeps(board_id_of(&boards, &m.board).as_ref()));
        // Named after the board it covers (`--board`), else after every board.
        let names: Vec<String> = boards
            .iter()
            .filter(|b| scope.keeps(Some(&b.id)))
            .map(|b| b.name.clone())
            .collect();
        (
            Document::Text(ics::forward_plan(
                &ics::calendar_name(&names),
                &meetings,
                today,
            )),
            "the forward plan".to_string(),
        )
    } else {
        meeting_document(store, &args)?
    };
    match &args.output {
        None => print(&document),
        Some(path) => {
            let written = write_file(store.disk(), path, document.bytes(), args.force)?;
            if written.already {
                say!(
                    "{} already holds exactly {what}; nothing was overwritten",
                    path.display()
                );
            } else {
                say!("Wrote {what} to {}", path.display());
            }
            if let Some(e) = written.unsynced {
                tell!(
                    "minutebook: warning: {} is written but not yet durable: its folder could \
                     not be synced ({e}); running the same command again retries the sync",
                    path.display()
                );
            }
            Ok(())
        }
    }
}

/// The document on standard output; a Word document only where it is not a terminal
/// (a pipe or a file), since its bytes would garble the screen.
fn print(document: &Document) -> Result<(), Failure> {
    match document {
        Document::Text(text) => super::output::write(format_args!("{text}")),
        Document::Docx(_) if io::stdout().is_terminal() => {
            return Err(Failure(
                "a Word document (docx) is binary and is not printed to a terminal: add \
                 --output FILE to write it to a file, or pipe it"
                    .to_string(),
            ));
        }
        Document::Docx(bytes) => super::output::write_bytes(bytes),
    }
    Ok(())
}

/// Writes atomically, refusing to replace an existing file unless `force` (the same
/// bytes already there are the same export retried).
fn write_file(
    disk: &Disk,
    path: &Path,
    bytes: &[u8],
    force: bool,
) -> Result<atomic::Written, Failure> {
    // A bare file name has an empty parent, which the atomic writer cannot sync.
    let target = if path.parent().is_some_and(|p| p.as_os_str().is_empty()) {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    };
    let mode = if force {
        Mode::Replace
    } else {
        Mode::CreateNew
    };
    atomic::write(disk, &target, bytes, mode).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => Failure(format!(
            "{} already exists; add --force to replace it",
            path.display()
        )),
        _ => Failure(format!("could not write {}: {e}", path.display())),
    })
}
