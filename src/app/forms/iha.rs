//! The IHA timeliness figures for this meeting's reporting period, and the board's target.

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput, Value};
use crate::model::IhaFigures;
use crate::model::iha_children::rows_against_totals;
use crate::model::standing::IhaField;

form! {
    Iha {}
    period_from: "Period from" => "YYYY-MM-DD",
    period_to: "Period to" => "YYYY-MM-DD",
    entered_care: "Came into care" => "children, a whole number",
    due: "IHAs due" => "IHAs that fell due in the period",
    within: "Within 20 days" => "completed within 20 working days",
    late: "Completed late" => "completed after 20 working days",
    outstanding: "Outstanding" => "due but not yet done",
    commentary: "Commentary" => "reasons for delay, agreed actions",
    target: "Target %" => "the board's agreed minimum, e.g. 85",
}

/// Opens with the figures entered so far, if any.
pub fn open(app: &mut App) -> Option<Form> {
    if !app.can_edit() {
        return None;
    }
    let s = &app.meeting.standing;
    let f = s.iha.as_ref();
    let num = |v: Option<u32>| LineInput::new(v.map_or(String::new(), |n| n.to_string()));
    let date =
        |d: Option<chrono::NaiveDate>| LineInput::new(d.map_or(String::new(), |d| d.to_string()));
    let iha = Iha {
        period_from: date(f.and_then(|f| f.period_start)),
        period_to: date(f.and_then(|f| f.period_end)),
        entered_care: num(f.map(|f| f.entered_care)),
        due: num(f.map(|f| f.due)),
        within: num(f.map(|f| f.within_20_days)),
        late: num(f.map(|f| f.late)),
        outstanding: num(f.map(|f| f.outstanding)),
        commentary: LineInput::new(f.map_or(String::new(), |f| f.commentary.clone())),
        target: LineInput::new(format!("{}", s.iha_target)),
    };
    Some(Form::new("IHA timeliness for this meeting", iha))
}

impl Spec for Iha {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let (figures, target) = self.figures()?;
        let accounted = figures.accounted();
        let mut flash = if accounted != u64::from(figures.due) {
            format!(
                "Entered. Note: within 20 days, late and outstanding add up to {accounted}, not the {} due.",
                figures.due
            )
        } else {
            "IHA figures entered.".to_string()
        };
        // Rows are evidence beside the totals: they are checked, never counted in.
        if let Some(note) = rows_against_totals(&app.meeting.standing.iha_children, Some(&figures))
        {
            flash = format!("{flash} {}", note.words(&crate::keymap::iha_key()));
        }
        app.flash = Some(flash);
        app.meeting.standing.iha_target = target;
        app.meeting.standing.iha = Some(figures);
        Ok(())
    }
}

impl Iha {
    /// The figures and the target as typed, refused with a reason when they cannot be true.
    fn figures(&self) -> Result<(IhaFigures, f64), String> {
        let Values {
            period_from,
            period_to,
            entered_care,
            due,
            within,
            late,
            outstanding,
            commentary,
            target,
        } = self.values();
        let f = IhaFigures {
            period_start: period_from.date()?,
            period_end: period_to.date()?,
            entered_care: count(entered_care)?,
            due: count(due)?,
            within_20_days: count(within)?,
            late: count(late)?,
            outstanding: count(outstanding)?,
            commentary: commentary.text.to_string(),
        };
        f.check().map_err(|p| {
            let field = match p.field {
                IhaField::PeriodTo => period_to,
                IhaField::CameIntoCare => entered_care,
                IhaField::Due => due,
                IhaField::Within => within,
                IhaField::Late => late,
                IhaField::Outstanding => outstanding,
            };
            field.refuse(p.reason)
        })?;
        let target_value = target
            .text
            .parse::<f64>()
            .ok()
            .filter(|t| (0.0..=100.0).contains(t))
            .ok_or_else(|| {
                target.refuse(format!(
                    "{:?} is not a percentage from 0 to 100",
                    target.text
                ))
            })?;
        Ok((f, target_value))
    }
}

fn count(v: Value) -> Result<u32, String> {
    v.text.parse::<u32>().map_err(|_| {
        v.refuse(format!(
            "{:?} is not a whole number of children (0 or more)",
            v.text
        ))
    })
}
