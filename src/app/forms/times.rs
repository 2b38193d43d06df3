//! `t` in the Agenda: the selected item's actual start and end, set by hand while a
//! meeting is written up, or corrected after the meeting until its minutes are approved.

use chrono::NaiveTime;

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::{ItemId, agenda, timing_rules};
use crate::words::time;

form! {
    ItemTimes { id: ItemId }
    started: "Started" => "HH:MM on the 24-hour clock; empty for no time",
    ended: "Ended" => "HH:MM; after it started, and before the next item starts",
}

/// Opens over the selected item, unless times cannot be set now (saying why).
pub fn open(app: &mut App) -> Option<Form> {
    if let Err(why) = timing_rules::may_set(&app.meeting) {
        app.flash = Some(why.to_string());
        return None;
    }
    if !app.can_edit() {
        return None;
    }
    let w = agenda::walked(&app.meeting.agenda, app.agenda_sel?)?;
    if !w.item.sub_items.is_empty() {
        app.flash = Some(format!(
            "{} {} has sub-items: its times are theirs, so set the times of each sub-item.",
            w.number, w.item.title
        ));
        return None;
    }
    let form = ItemTimes {
        id: w.item.id,
        started: LineInput::new(w.item.started_at.map(time).unwrap_or_default()),
        ended: LineInput::new(w.item.ended_at.map(time).unwrap_or_default()),
    };
    Some(Form::new(
        format!("Times of item {} {}", w.number, w.item.title),
        form,
    ))
}

impl Spec for ItemTimes {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { started, ended } = self.values();
        let (start, end) = (started.time()?, ended.time()?);
        timing_rules::set_item(&mut app.meeting, self.id, start, end)?;
        let number = agenda::number_of(&app.meeting.agenda, self.id)
            .map(|n| n.to_string())
            .unwrap_or_default();
        let shown = |t: Option<NaiveTime>| t.map_or_else(|| "no time".to_string(), time);
        app.flash = Some(format!(
            "Item {number}: started {}, ended {}.",
            shown(start),
            shown(end)
        ));
        Ok(())
    }
}
