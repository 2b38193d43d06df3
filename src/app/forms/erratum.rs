//! `e` in the Archive: a dated correction kept beside approved minutes, which stay sealed.

use super::approval::sealing_date;
use super::{Changes, Spec};
use crate::app::App;
use crate::app::archive::Request;
use crate::app::form::{Form, LineInput};
use crate::model::{MeetingId, MeetingStatus};

form! {
    Erratum { id: MeetingId }
    correction: "Correction" => "e.g. Item 4: for \"Cllr Smith\" read \"Cllr Smyth\"",
    item: "Item" => "the item number it corrects, e.g. 4.2 (optional)",
    date: "Date" => "YYYY-MM-DD",
}

/// Over the meeting selected in the Archive, if its minutes are approved.
pub fn open(app: &mut App) -> Option<Form> {
    let s = app.archive.selected()?;
    if s.status != MeetingStatus::Approved {
        app.flash = Some(format!(
            "The minutes of {} are not approved: open that meeting to correct them directly.",
            s.id
        ));
        return None;
    }
    let erratum = Erratum {
        id: s.id.clone(),
        correction: LineInput::new(""),
        item: LineInput::new(""),
        date: LineInput::new(crate::words::iso_date(app.now.date())),
    };
    let title = format!("Erratum to the approved minutes of {}", erratum.id);
    Some(Form::new(title, erratum))
}

impl Spec for Erratum {
    fn changes(&self) -> Changes {
        Changes::Elsewhere
    }

    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values {
            correction,
            item,
            date,
        } = self.values();
        if correction.text.is_empty() {
            return Err(correction.refuse("write what is corrected."));
        }
        let on = sealing_date(date)?;
        let number = item.text.trim_end_matches('.');
        if !number.is_empty() && !number.split('.').all(|p| p.parse::<usize>().is_ok()) {
            return Err(item.refuse(format!(
                "{number:?} is not an item number such as 4 or 4.2."
            )));
        }
        app.request(Request::Erratum {
            id: self.id.clone(),
            date: on,
            item_number: (!number.is_empty()).then(|| number.to_string()),
            text: correction.text.to_string(),
        });
        Ok(())
    }
}
