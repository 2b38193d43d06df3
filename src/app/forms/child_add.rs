//! Adding an anonymised child's IHA row: evidence beside the typed totals, never counted in.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::iha_children::{
    ChildField, ChildProblem, IhaChild, check_new_reference, rows_against_totals,
};
use crate::model::standing::MAX_COUNT;

form! {
    AddChild {}
    reference: "Reference" => "an anonymised reference such as C-0412, never a name",
    entered_care: "Came into care" => "YYYY-MM-DD",
    completed: "IHA completed" => "YYYY-MM-DD, or empty if not yet",
}

pub fn open(app: &mut App) -> Option<Form> {
    app.can_edit().then(|| {
        let child = AddChild {
            reference: LineInput::new(""),
            entered_care: LineInput::new(""),
            completed: LineInput::new(""),
        };
        Form::new("A child's IHA (anonymised: never a name)", child)
    })
}

impl Spec for AddChild {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values {
            reference,
            entered_care,
            completed,
        } = self.values();
        // A check in the model names the field; the form says it with its own label.
        let named = |p: ChildProblem| match p.field {
            ChildField::Reference => reference.refuse(p.reason),
            ChildField::EnteredCare => entered_care.refuse(p.reason),
            ChildField::Completed => completed.refuse(p.reason),
        };
        let reference_text = reference.required()?;
        let children = &mut app.meeting.standing.iha_children;
        check_new_reference(&reference_text).map_err(named)?;
        if children.len() >= MAX_COUNT as usize {
            return Err(reference.refuse(format!(
                "a board reports at most {MAX_COUNT} children's rows"
            )));
        }
        let child = IhaChild {
            reference: reference_text.clone(),
            entered_care: entered_care
                .date()?
                .ok_or_else(|| entered_care.refuse("give the date, YYYY-MM-DD"))?,
            completed: completed.date()?,
        };
        child.check().map_err(named)?;
        if children.iter().any(|c| c.reference == reference_text) {
            return Err(reference.refuse(format!("{reference_text:?} is already listed")));
        }
        child.due().map_err(|e| entered_care.refuse(e))?;
        app.flash = Some(format!("Added {reference_text}."));
        children.push(child);
        note_rows_against_totals(app);
        Ok(())
    }
}

/// The totals typed stay as they are, whatever the rows add up to: a difference is said.
pub(super) fn note_rows_against_totals(app: &mut App) {
    let s = &app.meeting.standing;
    let note = rows_against_totals(&s.iha_children, s.iha.as_ref());
    if let (Some(flash), Some(note)) = (&mut app.flash, note) {
        flash.push(' ');
        flash.push_str(&note.words(&crate::keymap::iha_key()));
    }
}
