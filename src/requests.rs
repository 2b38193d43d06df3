//! Doing what the workspace asks of other records: the I/O behind [`Request`]s, apart
//! from the terminal so it can be tested (and benchmarked) on its own.

use std::io;
use std::path::Path;

use crate::app::archive::{ExportSource, Reply, Request, SEARCH_LIMIT};
use crate::export::{self, Audience, Format, Scope};
use crate::model::approval::{self, Erratum};
use crate::model::{Board, Meeting, agenda, register};
use crate::search::{Query, history, search_store};
use crate::store::Store;
use crate::store::atomic;
use crate::words::long_date;

pub mod approve;
pub mod boards;

/// Does `request` and says how it went.
pub fn answer(store: &Store, request: Request) -> Reply {
    match request {
        Request::Open { id, item } => match store.load(&id) {
            Ok(loaded) => Reply::Opened {
                meeting: Box::new(loaded.meeting),
                item,
            },
            Err(e) => Reply::Failed(format!("Could not open {id}: {e}.")),
        },
        // The workspace asking holds `at` and records the resolution there itself.
        Request::Approve { id, by, on, at } => {
            match approve::approve_minutes(store, &id, &by, &at, on, false) {
                Ok(done) => Reply::Approved {
                    id,
                    date: on,
                    by,
                    sha256: done.sha256,
                },
                Err(e) => Reply::Failed(format!("Not approved: {e}.")),
            }
        }
        Request::Search(words) => {
            let query = Query::parse(&words);
            match search_store(store, &query, Some(SEARCH_LIMIT)) {
                Ok(found) => Reply::Found {
                    query: words,
                    hits: found.hits,
                    total: found.total,
                    problems: found.problems.iter().map(|p| p.to_string()).collect(),
                },
                Err(e) => Reply::Failed(format!("Could not search: {e}.")),
            }
        }
        Request::Trash(id) => match store.trash_meeting(&id) {
            Ok(t) => Reply::Trashed { id, name: t.name },
            Err(e) => Reply::Failed(format!("Not deleted: {e}.")),
        },
        Request::Decisions => match store.load_where(|_| true) {
            Ok((meetings, problems)) => Reply::Decisions {
                all: register::of_meetings(&meetings, None, None),
                problems: problems.iter().map(|p| p.to_string()).collect(),
            },
            Err(e) => Reply::Failed(format!("Could not read the decisions: {e}.")),
        },
        Request::ActionHistory => match history::from_store(store) {
            Ok(log) => Reply::History(log.records),
            Err(e) => Reply::Failed(format!("Could not read the actions: {e}.")),
        },
        Request::Export {
            source,
            format,
            audience,
            scope,
            path,
        } => export(store, source, format, audience, scope, &path),
        Request::Erratum {
            id,
            date,
            item_number,
            text,
        } => {
            let done = store.amend(&id, |m| {
                let item = match &item_number {
                    Some(n) => Some(agenda::id_at_number(&m.agenda, n).ok_or_else(|| {
                        format!("the meeting of {} has no item {n}", long_date(m.date))
                    })?),
                    None => None,
                };
                let erratum = Erratum {
                    date,
                    item,
                    text: text.clone(),
                    agreed_at: None,
                };
                approval::add_erratum(m, erratum).map_err(|e| e.to_string())
            });
            match done {
                Ok(_) => Reply::ErratumRecorded { id },
                Err(e) => Reply::Failed(format!("Erratum not recorded: {e}.")),
            }
        }
        Request::SaveBoard {
            board,
            create,
            added,
        } => boards::save(store, *board, create, added),
        Request::NewMeetingOffers => {
            let today = chrono::Local::now().date_naive();
            boards::offers(store, today).map_or_else(Reply::Failed, Reply::NewMeetingOffers)
        }
        Request::NewMeeting { board, date, time } => boards::new_meeting(store, &board, date, time),
    }
}

/// The meeting's board record, which says whether public documents name young people;
/// where it cannot be read, `whom` says that they are given by role only.
fn board_to_publish(store: &Store, meeting: &Meeting, whom: String) -> (Option<Board>, String) {
    match store.board_of(&meeting.board) {
        Ok(Some(board)) => (Some(board), whom),
        Ok(None) => (
            None,
            format!("{whom}; young people by role only: the board has no record"),
        ),
        Err(e) => (
            None,
            format!("{whom}; young people by role only: the board record could not be read ({e})"),
        ),
    }
}

fn export(
    store: &Store,
    source: ExportSource,
    format: Option<Format>,
    audience: Audience,
    scope: Scope,
    path: &Path,
) -> Reply {
    let (document, what) = match format {
        None => {
            let today = chrono::Local::now().date_naive();
            let (meetings, _problems) = match store.load_where(|id| id.date() >= today) {
                Ok(plan) => plan,
                Err(e) => return Reply::Failed(format!("Not exported: {e}.")),
            };
            let n = meetings.iter().filter(|m| m.date >= today).count();
            // Named after every board, as `export --ics` without `--board` is.
            let names: Vec<String> = match store.boards() {
                Ok(boards) => boards.into_iter().map(|b| b.name).collect(),
                Err(e) => return Reply::Failed(format!("Not exported: {e}.")),
            };
            (
                export::Document::Text(export::ics::forward_plan(
                    &export::ics::calendar_name(&names),
                    &meetings,
                    today,
                )),
                format!("the forward plan ({n} meetings) as iCalendar"),
            )
        }
        Some(format) => {
            let mut meeting = match source {
                ExportSource::Shown(m) => *m,
                ExportSource::Stored(id) => match store.load(&id) {
                    Ok(loaded) => loaded.meeting,
                    Err(e) => return Reply::Failed(format!("Not exported: {e}.")),
                },
            };
            // Where each carried action was raised decides, now, whether it is Part B.
            let origins = match store.origins_for(&mut meeting, audience) {
                Ok(origins) => origins,
                Err(e) => return Reply::Failed(format!("Not exported: {e}.")),
            };
            // The exempt items a public document lists by title, counted as the archive counts them.
            let exempt = agenda::exempt_item_count(&meeting.agenda);
            let whom = match (audience, exempt) {
                (Audience::Public, 0) => "public".to_string(),
                (Audience::Public, n) => format!("public, {n} exempt item(s) by title only"),
                (Audience::Private, 0) => "full".to_string(),
                (Audience::Private, _) => "full, NOT FOR PUBLICATION: it holds Part B".to_string(),
            };
            let part = if scope == Scope::AgendaOnly {
                "agenda"
            } else {
                "minutes"
            };
            let unread: Vec<String> = origins.unreadable().map(|id| id.to_string()).collect();
            let whom = if audience == Audience::Public && !unread.is_empty() {
                format!(
                    "{whom}; actions raised at {} left out: that meeting could not be read",
                    unread.join(", ")
                )
            } else {
                whom
            };
            let (board, whom) = match audience {
                Audience::Public => board_to_publish(store, &meeting, whom),
                // The council, the clerk and who chairs, where the board's record reads.
                Audience::Private => (store.board_of(&meeting.board).ok().flatten(), whom),
            };
            (
                export::document(&meeting, &origins, board.as_ref(), format, audience, scope),
                format!("the {part} of {} as {format} ({whom})", meeting.id),
            )
        }
    };
    // Never over an existing file: the clerk chooses another name.
    match atomic::write(
        store.disk(),
        path,
        document.bytes(),
        atomic::Mode::CreateNew,
    ) {
        Ok(written) => Reply::Exported(match (written.already, written.unsynced) {
            (true, _) => format!(
                "{} already holds exactly {what}; nothing was overwritten.",
                shown(path)
            ),
            (false, None) => format!("Wrote {what} to {}.", shown(path)),
            (false, Some(e)) => format!(
                "Wrote {what} to {}, not yet durable: its folder could not be synced ({e}).",
                shown(path)
            ),
        }),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Reply::Failed(format!(
            "Not exported: {} already exists; give another file name (nothing was overwritten).",
            shown(path)
        )),
        Err(e) => Reply::Failed(format!(
            "Not exported: could not write {}: {e}.",
            shown(path)
        )),
    }
}

/// The path as the clerk can find it: absolute when it can be.
fn shown(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}
