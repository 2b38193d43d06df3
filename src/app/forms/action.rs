//! Capturing an action from the Minutes tab: it joins the meeting's actions and a line
//! of its own in the minutes.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::agenda;
use crate::model::{ActionItem, ActionStatus, Due, ItemId, RaisedIn};

form! {
    Action { item: ItemId }
    action: "Action" => "what is to be done",
    owner: "Owner" => "who will do it",
    due: "Due" => "YYYY-MM-DD or \"next meeting\"",
}

/// An action raised under `item`, due by default at the next meeting.
pub fn open(item: ItemId) -> Form {
    let action = Action {
        item,
        action: LineInput::new(""),
        owner: LineInput::new(""),
        due: LineInput::new("next meeting"),
    };
    Form::new("Capture an action", action)
}

impl Spec for Action {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { action, owner, due } = self.values();
        let text = action.required()?;
        let owner = owner.required()?;
        let due = Due::parse(due.text).map_err(|e| due.refuse(e))?;
        let item_title = app
            .meeting
            .item(self.item)
            .map(|i| i.title.clone())
            .unwrap_or_default();
        let action = ActionItem {
            id: app.meeting.next_action_id(),
            text: text.clone(),
            owner: owner.clone(),
            set_by: app.chair().unwrap_or_else(|| "the Board".to_string()),
            due,
            raised: RaisedIn {
                meeting: app.meeting.id.clone(),
                item: Some(self.item),
                item_title,
                exempt: agenda::is_exempt_business(&app.meeting.agenda, self.item),
            },
            status: ActionStatus::Open,
            history: Vec::new(),
        };
        app.flash = Some(format!(
            "Action {} captured; it is in the Actions tab.",
            action.id
        ));
        app.meeting.actions.push(action);
        write_line(app, &crate::words::action_line(&text, &owner, due));
        Ok(())
    }
}

/// Puts a line of its own into the minutes at the cursor.
fn write_line(app: &mut App, line: &str) {
    let ed = &mut app.minutes.editor;
    let text = if ed.at_line_start() {
        format!("{line}\n")
    } else {
        format!("\n{line}\n")
    };
    ed.paste(&text);
}
