//! This meeting's values of the board's other standing figures, one field a figure.

use super::{Fields, Spec};
use crate::app::App;
use crate::app::form::{Form, LineInput, Shown, Value};

/// One field for each figure the board follows, labelled by its name: written by hand
/// because the fields are the board's, not fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub figures: Vec<FigureInput>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureInput {
    /// The figure's key in the meeting, which its value is stored against.
    pub key: String,
    pub name: String,
    pub value: LineInput,
}

pub fn open(app: &mut App) -> Option<Form> {
    if !app.can_edit() {
        return None;
    }
    if app.meeting.standing.figures.is_empty() {
        app.flash = Some("This board has no other standing figures.".into());
        return None;
    }
    let figures = app
        .meeting
        .standing
        .figures
        .iter()
        .map(|f| FigureInput {
            key: f.key.clone(),
            name: f.name.clone(),
            value: LineInput::new(f.value.map_or(String::new(), |v| v.to_string())),
        })
        .collect();
    Some(Form::new(
        "Standing figures for this meeting",
        Figures { figures },
    ))
}

impl Fields for Figures {
    fn shown(&self) -> Vec<Shown<'_>> {
        self.figures
            .iter()
            .map(|f| Shown {
                label: &f.name,
                hint: "a number; empty if not reported".into(),
                input: &f.value,
            })
            .collect()
    }

    fn inputs_mut(&mut self) -> Vec<&mut LineInput> {
        self.figures.iter_mut().map(|f| &mut f.value).collect()
    }
}

impl Spec for Figures {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let mut values = Vec::new();
        for f in &self.figures {
            let v = Value::new(&f.name, &f.value);
            values.push((&f.key, number(v)?));
        }
        for (key, value) in values {
            if let Some(f) = app
                .meeting
                .standing
                .figures
                .iter_mut()
                .find(|f| f.key == *key)
            {
                f.value = value;
            }
        }
        app.flash = Some("Standing figures entered.".into());
        Ok(())
    }
}

fn number(v: Value) -> Result<Option<f64>, String> {
    if v.text.is_empty() {
        return Ok(None);
    }
    v.text
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(Some)
        .ok_or_else(|| v.refuse(format!("{:?} is not a number of 0 or more", v.text)))
}
