//! Meetings rendered for people to read outside the workspace.
//!
//! One entry point, [`document`]: a meeting in a [`Format`], for an [`Audience`], whole or
//! as its agenda ([`Scope`]), as text or (a Word document) bytes; [`render`] is its text
//! formats as a `String`. Public documents are drawn only from
//! [`public::PublicMeeting`], the allow-list of what may be published; exempt ("Part B")
//! business reaches them as number, title and stated ground, nothing more.

use std::fmt;
use std::str::FromStr;

use crate::model::{Board, Meeting, Origins};

mod docx;
mod docx_order;
mod html;
pub mod ics;
pub mod json;
mod ocd;
mod prose;
pub mod public;
mod view;

pub use public::PublicMeeting;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown, for email and for pasting into a council's website.
    Markdown,
    /// Plain text, for email.
    Text,
    /// One self-contained HTML file that prints on A4.
    Html,
    /// JSON in one documented shape (docs/export-json.md) for both audiences.
    Json,
    /// An Open Civic Data event document (JSON).
    Ocd,
    /// A Word document (.docx), in Word styles a council's house template can restyle.
    Docx,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Markdown,
        Format::Text,
        Format::Html,
        Format::Json,
        Format::Ocd,
        Format::Docx,
    ];

    /// The name used on the command line, which is also the file extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Json => "json",
            Format::Ocd => "ocd",
            Format::Docx => "docx",
        }
    }

    /// A file extension for the format (OCD documents are JSON).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Ocd => "json",
            f => f.name(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "txt" | "text" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            "ocd" => Ok(Format::Ocd),
            "docx" | "word" => Ok(Format::Docx),
            _ => Err(format!(
                "{s:?} is not an export format: use md, txt, html, json, ocd or docx"
            )),
        }
    }
}

/// Who the document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The clerk and members: everything, exempt business included and marked.
    Private,
    /// Anyone: only what [`PublicMeeting`] holds.
    Public,
}

/// How much of the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole record: attendance, figures, minutes, decisions, actions.
    Full,
    /// The agenda to circulate before the meeting: numbered items, presenters, timings,
    /// purpose and exempt marking; no minutes, decisions or actions.
    AgendaOnly,
}

/// A document as made: text, or the bytes of a Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    Text(String),
    Docx(Vec<u8>),
}

impl Document {
    /// What a file of the document holds.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Document::Text(t) => t.as_bytes(),
            Document::Docx(b) => b,
        }
    }
}

/// `m` as a document. `origins` holds the meetings where its actions were raised, read
/// from the archive as the document is made ([`Origins::of`]): an action is Part B if
/// its raising item is exempt business now, and, failing closed, if its raising meeting
/// could not be read. `board` is the meeting's board record as read now: a public
/// document names young people only where it says so (`None`, unreadable: role only); the
/// full record names everyone. Public documents are made from
/// `PublicMeeting::of(m, origins, board)` alone.
pub fn document(
    m: &Meeting,
    origins: &Origins,
    board: Option<&Board>,
    format: Format,
    audience: Audience,
    scope: Scope,
) -> Document {
    match audience {
        Audience::Public => document_public(&PublicMeeting::of(m, origins, board), format, scope),
        Audience::Private => document_view(&view::View::private(m, origins, board), format, scope),
    }
}

/// A public document from the allow-list: nothing else is in reach here.
pub fn document_public(p: &PublicMeeting, format: Format, scope: Scope) -> Document {
    document_view(&view::View::public(p), format, scope)
}

/// [`document`] in a text format, as text (`md`, `txt`, `html`, `json`, `ocd`).
///
/// # Panics
/// For [`Format::Docx`], which is bytes: ask [`document`] for it.
pub fn render(
    m: &Meeting,
    origins: &Origins,
    board: Option<&Board>,
    format: Format,
    audience: Audience,
    scope: Scope,
) -> String {
    text(document(m, origins, board, format, audience, scope), format)
}

fn text(d: Document, format: Format) -> String {
    match d {
        Document::Text(t) => t,
        Document::Docx(_) => panic!("{format} is not a text format: export::document makes it"),
    }
}

fn document_view(v: &view::View, format: Format, scope: Scope) -> Document {
    Document::Text(match format {
        Format::Markdown => prose::render(v, prose::Style::Markdown, scope),
        Format::Text => prose::render(v, prose::Style::Plain, scope),
        Format::Html => html::render(v, scope),
        Format::Json => json::render(v, scope),
        Format::Ocd => ocd::render(v, scope),
        Format::Docx => return Document::Docx(docx::render(v, scope)),
    })
}

/// The meeting's length from its agenda's allotted times: an item with sub-items
/// takes its own allowance or theirs, whichever is longer. `None` when no item has
/// a time allotted.
pub fn allotted_minutes(items: &[crate::model::AgendaItem]) -> Option<u32> {
    items
        .iter()
        .filter_map(crate::model::agenda::allowance)
        .reduce(|a, b| a + b)
}

/// The file an export is written to unless the clerk names another: the meeting's id, then
/// "-agenda" and "-public" as they apply, and the format's extension
/// ("2026-06-10-public.html"). Documents that refer to each other use these names.
pub fn file_name(id: &str, format: Format, audience: Audience, scope: Scope) -> String {
    let agenda = match scope {
        Scope::AgendaOnly => "-agenda",
        Scope::Full => "",
    };
    let public = match audience {
        Audience::Public => "-public",
        Audience::Private => "",
    };
    format!("{id}{agenda}{public}.{}", format.extension())
}
