//! Editing the selected action's text, owner and due date: each change goes into the
//! action's history, from what to what, dated at this meeting, by the clerk.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::action::Edit;
use crate::model::{ActionId, ActionStatus, Due};

form! {
    EditAction { id: ActionId }
    action: "Action" => "what is to be done",
    owner: "Owner" => "who will do it",
    due: "Due" => "YYYY-MM-DD or \"next meeting\"",
}

/// Over the action selected in the Actions pane, as it stands; a withdrawn one is refused.
pub fn open(app: &mut App) -> Option<Form> {
    let index = app.selected_action()?;
    let action = &app.meeting.actions[index];
    if action.status == ActionStatus::Withdrawn {
        app.flash = Some(format!(
            "{} was withdrawn: it stays in the history as it was.",
            action.id
        ));
        return None;
    }
    let form = EditAction {
        id: action.id.clone(),
        action: LineInput::new(action.text.clone()),
        owner: LineInput::new(action.owner.clone()),
        due: LineInput::new(action.due.to_string()),
    };
    Some(Form::new(format!("Edit {}", action.id), form))
}

impl Spec for EditAction {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { action, owner, due } = self.values();
        let edit = Edit {
            text: Some(action.required()?),
            owner: Some(owner.required()?),
            due: Some(Due::parse(due.text).map_err(|e| due.refuse(e))?),
        };
        let at = app.action_correction_at();
        let id = &self.id;
        let item = app
            .meeting
            .actions
            .iter_mut()
            .find(|a| a.id == *id)
            .ok_or("That action is gone.")?;
        let changed = item.edit(edit, at).map_err(|e| e.to_string())?;
        app.flash = Some(match changed.len() {
            0 => format!("Nothing changed in {id}: nothing recorded."),
            _ => {
                let fields: Vec<&str> = changed.iter().map(|c| c.field.as_str()).collect();
                format!("Edited {id} ({}), noted in its history.", fields.join(", "))
            }
        });
        Ok(())
    }
}
