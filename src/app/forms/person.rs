//! Adding a person to this meeting's attendance.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::{Attendance, Role};

form! {
    Person {}
    name: "Name" => "as it should appear in the minutes",
    role: "Role" => Role::choices(),
    position: "Position" => "e.g. Vice-Chair, Virtual School Head (optional)",
}

pub fn open(app: &mut App) -> Option<Form> {
    app.can_edit().then(|| {
        let person = Person {
            name: LineInput::new(""),
            role: LineInput::new("member"),
            position: LineInput::new(""),
        };
        Form::new("Add a person", person)
    })
}

impl Spec for Person {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values {
            name,
            role,
            position,
        } = self.values();
        let name_text = name.required()?;
        let role = parse_role(role.text).map_err(|e| role.refuse(e))?;
        app.meeting
            .attendance
            .push(Attendance::new(name_text.clone(), role, position.text));
        app.people_sel = app.meeting.attendance.len() - 1;
        app.flash = Some(format!("Added {name_text}."));
        Ok(())
    }
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| {
        let s = s.trim().to_lowercase();
        format!("{s:?} is not one of {}", Role::choices())
    })
}
