//! A progress note on the selected action, which may also change its status.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::{ActionId, ActionStatus};

form! {
    Note { id: ActionId }
    note: "Note" => "what was reported",
    status: "Status" => ActionStatus::choices(),
}

/// Over the action selected in the Actions pane, its status as it is.
pub fn open(app: &mut App) -> Option<Form> {
    let index = app.selected_action()?;
    let action = &app.meeting.actions[index];
    let note = Note {
        id: action.id.clone(),
        note: LineInput::new(""),
        status: LineInput::new(action.status.label()),
    };
    Some(Form::new(format!("Progress on {}", action.id), note))
}

impl Spec for Note {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { note, status } = self.values();
        let note = note.required()?;
        let status = match (status.text, ActionStatus::parse(status.text)) {
            ("", _) => None,
            (_, Some(s)) => Some(s),
            (other, None) => {
                let other = other.to_lowercase();
                let choices = ActionStatus::choices();
                return Err(status.refuse(format!("{other:?} is not one of {choices}")));
            }
        };
        let at = app.action_change_at();
        let id = &self.id;
        let action = app
            .meeting
            .actions
            .iter_mut()
            .find(|a| a.id == *id)
            .ok_or("That action is gone.")?;
        let status = status.filter(|s| *s != action.status);
        action.update_by(at, status, note);
        app.flash = Some(format!("Progress noted on {id}."));
        Ok(())
    }
}
