//! A new standing figure the board follows from this meeting on.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::{Better, Figure, Unit};

form! {
    AddFigure {}
    name: "Name" => "e.g. Children placed out of area",
    unit: "Unit" => Unit::choices(),
    target: "Target" => "a number (optional)",
    better: "Better" => format!("{}: which way is good", Better::choices()),
}

pub fn open(app: &mut App) -> Option<Form> {
    app.can_edit().then(|| {
        let figure = AddFigure {
            name: LineInput::new(""),
            unit: LineInput::new("count"),
            target: LineInput::new(""),
            better: LineInput::new("higher"),
        };
        Form::new("Add a standing figure", figure)
    })
}

impl Spec for AddFigure {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values {
            name,
            unit,
            target,
            better,
        } = self.values();
        let name_text = name.required()?;
        let key: String = name_text
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let figures = &mut app.meeting.standing.figures;
        if figures
            .iter()
            .any(|f| f.key == key || f.name.eq_ignore_ascii_case(&name_text))
        {
            return Err(name.refuse(format!("the board already follows {name_text:?}")));
        }
        let unit = Unit::parse(unit.text).ok_or_else(|| {
            let other = unit.text.to_lowercase();
            unit.refuse(format!("{other:?} is not {}", Unit::choices()))
        })?;
        let target = match target.text {
            "" => None,
            t => Some(
                t.parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite() && *n >= 0.0)
                    .ok_or_else(|| target.refuse(format!("{t:?} is not a number of 0 or more")))?,
            ),
        };
        let better = Better::parse(better.text).ok_or_else(|| {
            let other = better.text.to_lowercase();
            better.refuse(format!("{other:?} is not {}", Better::choices()))
        })?;
        figures.push(Figure {
            key,
            name: name_text.clone(),
            unit,
            target,
            better,
            value: None,
        });
        app.flash = Some(format!(
            "The board now follows {name_text:?}; later meetings carry it."
        ));
        Ok(())
    }
}
