//! `X` (or `x` in the Archive): which document, for whom, and where. The run loop writes it.

use std::path::PathBuf;

use super::{Changes, Spec};
use crate::app::App;
use crate::app::archive::{ExportSource, Request};
use crate::app::form::{Form, LineInput, Value};
use crate::export::{Audience, Format, Scope};
use crate::model::MeetingId;

form! {
    Export { of: Option<MeetingId> }
    format: "Format" => "md, txt, html, json, ocd, docx (Word); or ics: the forward plan",
    public: "Public" => "yes: exempt items by number, title and ground only; no: everything",
    agenda_only: "Agenda only" => "yes: the agenda to circulate before the meeting",
    file: "File" => "blank: a name from the meeting, in the folder minutebook started in",
}

/// Exports the meeting shown (`None`) or a meeting of the archive.
pub fn open(app: &App, of: Option<MeetingId>) -> Form {
    let id = of.clone().unwrap_or_else(|| app.meeting.id.clone());
    let export = Export {
        of,
        format: LineInput::new("html"),
        public: LineInput::new("yes"),
        agenda_only: LineInput::new("no"),
        file: LineInput::new(""),
    };
    Form::new(format!("Export {id}"), export)
}

impl Spec for Export {
    fn changes(&self) -> Changes {
        Changes::Elsewhere
    }

    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values {
            format,
            public,
            agenda_only,
            file,
        } = self.values();
        let format = match format.text.to_ascii_lowercase().as_str() {
            "ics" | "ical" | "icalendar" => None,
            f => Some(f.parse::<Format>().map_err(|e| format.refuse(e))?),
        };
        let audience = match yes_no(public)? {
            true => Audience::Public,
            false => Audience::Private,
        };
        let scope = match yes_no(agenda_only)? {
            true => Scope::AgendaOnly,
            false => Scope::Full,
        };
        let id = self.of.clone().unwrap_or_else(|| app.meeting.id.clone());
        let path = match file.text {
            "" => PathBuf::from(default_name(&id, format, audience, scope)),
            p => PathBuf::from(p),
        };
        let source = match &self.of {
            Some(id) => ExportSource::Stored(id.clone()),
            None => ExportSource::Shown(Box::new(app.meeting_for_save().clone())),
        };
        app.request(Request::Export {
            source,
            format,
            audience,
            scope,
            path,
        });
        Ok(())
    }
}

pub(super) fn yes_no(v: Value) -> Result<bool, String> {
    match v.text.to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(true),
        "n" | "no" => Ok(false),
        other => Err(v.refuse(format!("{other:?} — answer yes or no."))),
    }
}

/// The file a blank "File" names: from the meeting, the scope and the audience.
fn default_name(
    id: &MeetingId,
    format: Option<Format>,
    audience: Audience,
    scope: Scope,
) -> String {
    match format {
        None => "forward-plan.ics".to_string(),
        Some(f) => crate::export::file_name(id.as_str(), f, audience, scope),
    }
}
