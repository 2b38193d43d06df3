//! `T` in the Agenda: when the meeting actually began and ended, set by hand while it is
//! written up, or corrected after it until its minutes are approved.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::timing_rules;
use crate::words::time;

form! {
    MeetingTimes {}
    began: "Began" => "HH:MM on the 24-hour clock, when the chair opened it; empty for no time",
    ended: "Ended" => "HH:MM, when the chair closed it",
}

pub fn open(app: &mut App) -> Option<Form> {
    if let Err(why) = timing_rules::may_set(&app.meeting) {
        app.flash = Some(why.to_string());
        return None;
    }
    if !app.can_edit() {
        return None;
    }
    let m = &app.meeting;
    let scheduled = m
        .start_time
        .map(|t| format!(" (it was called for {})", time(t)))
        .unwrap_or_default();
    let form = MeetingTimes {
        began: LineInput::new(m.began_at.map(time).unwrap_or_default()),
        ended: LineInput::new(m.ended_at.map(time).unwrap_or_default()),
    };
    Some(Form::new(
        format!("When the meeting began and ended{scheduled}"),
        form,
    ))
}

impl Spec for MeetingTimes {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { began, ended } = self.values();
        let (began, ended) = (began.time()?, ended.time()?);
        timing_rules::set_meeting(&mut app.meeting, began, ended)?;
        let shown = |t: Option<chrono::NaiveTime>| t.map_or_else(|| "no time".to_string(), time);
        app.flash = Some(format!(
            "The meeting began {} and ended {}.",
            shown(began),
            shown(ended)
        ));
        Ok(())
    }
}
