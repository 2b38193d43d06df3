//! Retiring a standing figure: this meeting and later ones stop following it.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};

form! {
    RetireFigure {}
    name: "Name" => "the figure's name as shown",
}

pub fn open(app: &mut App) -> Option<Form> {
    app.can_edit().then(|| {
        Form::new(
            "Retire a standing figure",
            RetireFigure {
                name: LineInput::new(""),
            },
        )
    })
}

impl Spec for RetireFigure {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values { name } = self.values();
        let name_text = name.required()?;
        let figures = &mut app.meeting.standing.figures;
        let before = figures.len();
        figures.retain(|f| !f.name.eq_ignore_ascii_case(&name_text));
        if figures.len() == before {
            return Err(name.refuse(format!("the board does not follow {name_text:?}")));
        }
        app.flash = Some(format!(
            "Retired {name_text:?} from this meeting on; earlier meetings keep its history."
        ));
        Ok(())
    }
}
