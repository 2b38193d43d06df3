//! What can go wrong with the records on disk, each said in one sentence that names the file.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::model::MeetingId;

#[derive(Debug)]
pub enum StoreError {
    /// An operating-system error while doing `doing` to `path`.
    Io {
        doing: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// The file is not valid JSON or not a valid meeting; it is left as it is.
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    /// A readable record holding what cannot be true (more IHAs in time than fell due, a
    /// date that is not its id's): never shown as figures nor exported; left as it is.
    Invalid {
        path: PathBuf,
        id: MeetingId,
        field: String,
        reason: String,
    },
    /// An older file that could not be brought up to the current schema.
    Migration {
        path: PathBuf,
        from: u32,
        reason: String,
    },
    NotFound {
        id: MeetingId,
        path: PathBuf,
    },
    AlreadyExists {
        path: PathBuf,
    },
    /// Something else wrote the file after we read it; saving would lose that.
    ChangedOnDisk {
        path: PathBuf,
    },
    Locked {
        id: MeetingId,
        holder: String,
    },
    ReadOnly {
        id: MeetingId,
        reason: String,
    },
    NotADirectory {
        path: PathBuf,
    },
    /// Approved minutes whose sealed text a save would change.
    Sealed {
        id: MeetingId,
        approved_on: Option<chrono::NaiveDate>,
    },
    /// A board record that cannot be read or could not be saved as it is.
    Board {
        path: PathBuf,
        reason: String,
    },
    /// No file of that name in the trash.
    NotInTrash {
        name: String,
        dir: PathBuf,
    },
    /// A change the record's rules do not allow (approving twice, an empty erratum, …).
    Refused {
        id: MeetingId,
        reason: String,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io {
                doing,
                path,
                source,
            } => {
                write!(f, "could not {doing} {}: {source}", path.display())
            }
            StoreError::Corrupt {
                path,
                line,
                column,
                reason,
            } => write!(
                f,
                "{} is not a readable meeting record (line {line}, column {column}: {reason}); \
                 it has been left untouched",
                path.display()
            ),
            StoreError::Invalid {
                path,
                id,
                field,
                reason,
            } => write!(
                f,
                "meeting {id} ({}) holds an impossible record, so it is not shown or exported: \
                 field {field}: {reason}; it has been left untouched",
                path.display()
            ),
            StoreError::Migration { path, from, reason } => write!(
                f,
                "{} uses record format version {from} and could not be upgraded ({reason}); \
                 it has been left untouched",
                path.display()
            ),
            StoreError::NotFound { id, path } => {
                write!(
                    f,
                    "there is no meeting {id} (looked for {})",
                    path.display()
                )
            }
            StoreError::AlreadyExists { path } => {
                write!(
                    f,
                    "{} already exists and was not overwritten",
                    path.display()
                )
            }
            StoreError::ChangedOnDisk { path } => write!(
                f,
                "{} was changed by something else since it was opened; not saved, so that neither \
                 version is lost",
                path.display()
            ),
            StoreError::Locked { id, holder } => {
                write!(f, "meeting {id} is open in another minutebook ({holder})")
            }
            StoreError::ReadOnly { id, reason } => write!(f, "meeting {id} is read-only: {reason}"),
            StoreError::Sealed { id, approved_on } => {
                let on = approved_on.map_or(String::new(), |d| format!(" on {d}"));
                write!(
                    f,
                    "the minutes of {id} were approved{on} and are sealed, so they cannot be \
                     changed; record a correction as an erratum instead"
                )
            }
            StoreError::Refused { id, reason } => {
                write!(f, "meeting {id} was not changed: {reason}")
            }
            StoreError::NotInTrash { name, dir } => write!(
                f,
                "there is no file {name:?} in the trash {} (`minutebook meeting trash` lists it)",
                dir.display()
            ),
            StoreError::Board { path, reason } => {
                write!(f, "board record {}: {reason}", path.display())
            }
            StoreError::NotADirectory { path } => {
                write!(
                    f,
                    "{} is not a directory, so it cannot hold meetings",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl StoreError {
    /// The file the problem is with, where it is with one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            StoreError::Io { path, .. }
            | StoreError::Corrupt { path, .. }
            | StoreError::Invalid { path, .. }
            | StoreError::Migration { path, .. }
            | StoreError::NotFound { path, .. }
            | StoreError::AlreadyExists { path }
            | StoreError::ChangedOnDisk { path }
            | StoreError::Board { path, .. }
            | StoreError::NotADirectory { path } => Some(path),
            StoreError::Locked { .. }
            | StoreError::ReadOnly { .. }
            | StoreError::Sealed { .. }
            | StoreError::NotInTrash { .. }
            | StoreError::Refused { .. } => None,
        }
    }

    /// The problem in a few words for a list that names the file beside it: where in
    /// the file and what for a record that cannot be read, else the whole sentence.
    pub fn problem(&self) -> String {
        match self {
            StoreError::Corrupt {
                line,
                column,
                reason,
                ..
            } => format!("line {line}, column {column}: {reason}"),
            StoreError::Migration { from, reason, .. } => {
                format!("record format version {from} could not be upgraded: {reason}")
            }
            StoreError::Io { doing, source, .. } => format!("could not {doing} it: {source}"),
            StoreError::Invalid { field, reason, .. } => {
                format!("impossible record, field {field}: {reason}")
            }
            other => other.to_string(),
        }
    }

    /// A record that could not be decoded, located in its file.
    pub(crate) fn undecodable(path: &std::path::Path, e: super::schema::DecodeError) -> StoreError {
        let path = path.to_path_buf();
        match e {
            super::schema::DecodeError::At {
                line,
                column,
                reason,
            } => StoreError::Corrupt {
                path,
                line,
                column,
                reason,
            },
            super::schema::DecodeError::Migration { from, reason } => {
                StoreError::Migration { path, from, reason }
            }
        }
    }

    /// A record that decoded but cannot be true, naming the field.
    pub(crate) fn invalid(
        path: &std::path::Path,
        id: &MeetingId,
        p: crate::model::validate::Problem,
    ) -> StoreError {
        StoreError::Invalid {
            path: path.to_path_buf(),
            id: id.clone(),
            field: p.field,
            reason: p.reason,
        }
    }

    /// A file whose record is another meeting's than its name says.
    pub(crate) fn wrong_meeting(
        path: &std::path::Path,
        found: &MeetingId,
        id: &MeetingId,
    ) -> StoreError {
        StoreError::Corrupt {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            reason: format!("the file holds meeting {found}, not {id}"),
        }
    }
}

pub(crate) fn io_err(
    doing: &'static str,
    path: impl Into<PathBuf>,
) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.into();
    move |source| StoreError::Io {
        doing,
        path,
        source,
    }
}
