//! Searching every meeting of the archive for some words.

use super::{Changes, Spec};
use crate::app::App;
use crate::app::archive::{ArchiveView, Request};
use crate::app::form::{Form, LineInput};

form! {
    Search {}
    words: "Words" => "all of them, in any case or accents; \"quotes\" for a phrase",
}

/// Opens with the words of the search shown, if one is.
pub fn open(app: &App) -> Form {
    let words = match &app.archive.view {
        ArchiveView::Found { query, .. } => query.clone(),
        ArchiveView::Meetings | ArchiveView::Actions { .. } | ArchiveView::Decisions { .. } => {
            String::new()
        }
    };
    Form::new(
        "Search every meeting",
        Search {
            words: LineInput::new(words),
        },
    )
}

impl Spec for Search {
    fn changes(&self) -> Changes {
        Changes::Elsewhere
    }

    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { words } = self.values();
        if words.text.is_empty() {
            return Err(words.refuse("type what to look for."));
        }
        app.request(Request::Search(words.text.to_string()));
        Ok(())
    }
}
