//! When the selected person arrived and left, as the clerk corrects or adds them.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::attendance::TimesRefused;

form! {
    Times { person: usize, name: String }
    arrived: "Arrived" => "HH:MM, or empty if there from the start",
    left: "Left" => "HH:MM, or empty if they stayed to the end",
}

/// Over the person selected in the Attendance pane, their times as recorded.
pub fn open(app: &mut App) -> Option<Form> {
    if !app.can_edit() {
        return None;
    }
    let person = app.people_sel;
    let p = app.meeting.attendance.get(person)?;
    let shown = |t: Option<chrono::NaiveTime>| t.map(crate::words::time).unwrap_or_default();
    let times = Times {
        person,
        name: p.name.clone(),
        arrived: LineInput::new(shown(p.arrived_at)),
        left: LineInput::new(shown(p.departed_at)),
    };
    Some(Form::new(format!("Times for {}", p.name), times))
}

impl Spec for Times {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { arrived, left } = self.values();
        let (arrived_at, left_at) = (arrived.time()?, left.time()?);
        let began = app.meeting.began_at.or(app.meeting.start_time);
        let p = app
            .meeting
            .attendance
            .get_mut(self.person)
            .filter(|p| p.name == self.name)
            .ok_or_else(|| format!("{} is no longer on the list.", self.name))?;
        p.set_times(arrived_at, left_at, began)
            .map_err(|e| match e {
                TimesRefused::NotPresent(_) => format!("{}: {e}", self.name),
                TimesRefused::LeftBeforeArriving { .. } => left.refuse(e),
            })?;
        app.flash = Some(format!("Times noted for {}.", self.name));
        Ok(())
    }
}
