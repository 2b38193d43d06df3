//! `v` in the Agenda: the board approves the previous meeting's minutes as a correct
//! record. The run loop seals them; the resolution is then recorded here.

use super::{Changes, Spec};
use crate::app::App;
use crate::app::archive::Request;
use crate::app::form::{Form, LineInput, Value};
use crate::model::{MeetingId, MeetingStatus};
use crate::words::long_date;

form! {
    Approval { id: MeetingId }
    by: "Signed by" => "who signs them, normally the chair",
    date: "Date" => "YYYY-MM-DD; once approved the minutes are sealed",
}

/// Opens over the previous meeting, unless its minutes are already sealed.
pub fn open(app: &mut App) -> Option<Form> {
    if !app.can_edit() {
        return None;
    }
    let Some(prev) = app.meeting.previous.clone() else {
        app.flash = Some("This meeting has no previous meeting whose minutes it approves.".into());
        return None;
    };
    if let Some(s) = app.archive.meetings.iter().find(|s| s.id == prev)
        && s.status == MeetingStatus::Approved
    {
        let (held, sealed_here) = (s.date, s.approval.clone());
        // Sealed at this meeting by a run that never saved the resolution here (a
        // crash, a failed save): `v` completes the approval by recording it, once.
        let agenda = app.meeting.agenda.clone();
        app.flash = Some(
            if let Some(a) = sealed_here.filter(|a| a.at == app.meeting.id)
                && app.record_approval(&prev, &a.by)
                && app.meeting.agenda != agenda
            {
                format!(
                    "The minutes of {} were approved and sealed at this meeting; the resolution \
                     is now recorded at the minutes item.",
                    long_date(held)
                )
            } else {
                format!(
                    "The minutes of {} are already approved and sealed.",
                    long_date(held)
                )
            },
        );
        return None;
    }
    let approval = Approval {
        by: LineInput::new(app.chair().unwrap_or_default()),
        date: LineInput::new(crate::words::iso_date(app.meeting.date)),
        id: prev,
    };
    let title = format!("Approve the minutes of {} as a correct record", approval.id);
    Some(Form::new(title, approval))
}

impl Spec for Approval {
    /// The sealing is the run loop's; the resolution is recorded when it answers.
    fn changes(&self) -> Changes {
        Changes::Elsewhere
    }

    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { by, date } = self.values();
        if by.text.is_empty() {
            return Err(by.refuse("say who signs the minutes, normally the chair."));
        }
        let on = sealing_date(date)?;
        if !app.can_edit() {
            return Err("This meeting is read-only, so it cannot record the approval.".into());
        }
        app.request(Request::Approve {
            id: self.id.clone(),
            by: by.text.to_string(),
            on,
            at: app.meeting.id.clone(),
        });
        Ok(())
    }
}

/// The date a sealed record carries: required, unlike the meeting forms' optional dates.
pub(super) fn sealing_date(v: Value) -> Result<chrono::NaiveDate, String> {
    crate::model::clock::parse_date(v.text)
        .ok_or_else(|| v.refuse(format!("{:?} is not a date in the form YYYY-MM-DD", v.text)))
}
