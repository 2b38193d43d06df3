//! Recording a decision or a resolution under the item being minuted.

use super::{Fields, Spec};
use crate::app::App;
use crate::app::form::{Form, LineInput, Shown, Value};
use crate::model::agenda;
use crate::model::{Decision as Recorded, DecisionKind, ItemId};

/// One field, labelled by what is recorded: written by hand because that label varies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub item: ItemId,
    pub kind: DecisionKind,
    pub text: LineInput,
}

pub fn open(item: ItemId, kind: DecisionKind) -> Form {
    let form = Decision {
        item,
        kind,
        text: LineInput::new(""),
    };
    Form::new(format!("Record a {}", form.label().to_lowercase()), form)
}

impl Decision {
    fn label(&self) -> &'static str {
        crate::words::decision_noun(self.kind)
    }
}

impl Fields for Decision {
    fn shown(&self) -> Vec<Shown<'_>> {
        vec![Shown {
            label: self.label(),
            hint: "as it should read in the minutes".into(),
            input: &self.text,
        }]
    }

    fn inputs_mut(&mut self) -> Vec<&mut LineInput> {
        vec![&mut self.text]
    }
}

impl Spec for Decision {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let text = Value::new(self.label(), &self.text).required()?;
        if let Some(it) = agenda::find_mut(&mut app.meeting.agenda, self.item) {
            it.decisions.push(Recorded::new(self.kind, text));
        }
        // The decision record is the decision: the minutes text does not repeat it
        // (every document would read it twice). The pane lists it under the title.
        app.flash = Some(format!("{} recorded under the item's title.", self.label()));
        Ok(())
    }
}
