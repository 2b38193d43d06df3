//! Removing a child's IHA row by its reference.

use super::Spec;
use super::child_add::note_rows_against_totals;
use crate::app::App;
use crate::app::form::{Form, LineInput};

form! {
    RemoveChild {}
    reference: "Reference" => "the reference of the row to remove",
}

pub fn open(app: &mut App) -> Option<Form> {
    app.can_edit().then(|| {
        Form::new(
            "Remove a child's IHA row",
            RemoveChild {
                reference: LineInput::new(""),
            },
        )
    })
}

impl Spec for RemoveChild {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { reference } = self.values();
        let reference_text = reference.required()?;
        let children = &mut app.meeting.standing.iha_children;
        let before = children.len();
        children.retain(|c| c.reference != reference_text);
        if children.len() == before {
            return Err(reference.refuse(format!("there is no row {reference_text:?}")));
        }
        app.flash = Some(format!("Removed {reference_text}."));
        note_rows_against_totals(app);
        Ok(())
    }
}
