//! Filtering the archive's action history by owner.

use super::{Changes, Spec};
use crate::app::App;
use crate::app::archive::{ArchiveView, history_first};
use crate::app::form::{Form, LineInput};

form! {
    Owner {}
    owner: "Owner" => "part of a name, any case or accents; blank for everyone",
}

/// Only over the action history, opened with the filter it has.
pub fn open(app: &mut App) -> Option<Form> {
    match &app.archive.view {
        ArchiveView::Actions { owner, .. } => Some(Form::new(
            "Actions owned by",
            Owner {
                owner: LineInput::new(owner.clone().unwrap_or_default()),
            },
        )),
        ArchiveView::Meetings | ArchiveView::Found { .. } | ArchiveView::Decisions { .. } => {
            app.flash = Some(history_first());
            None
        }
    }
}

impl Spec for Owner {
    fn changes(&self) -> Changes {
        Changes::Elsewhere
    }

    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { owner: who } = self.values();
        if let ArchiveView::Actions { owner, .. } = &mut app.archive.view {
            *owner = (!who.text.is_empty()).then(|| who.text.to_string());
        }
        app.archive.sel = 0;
        Ok(())
    }
}
