//! Saving a form: validate every field with a message that names it, then change the meeting.
//! A refused form stays open with the clerk's typing intact.

use super::commands::{kind_word, parse_principles};
use super::form::{Form, Purpose};
use super::{App, Overlay};
use crate::model::agenda::{self, AgendaItem};
use crate::model::iha_children::{IhaChild, check_new_reference, rows_against_totals};
use crate::model::standing::MAX_COUNT;
use crate::model::{
    ActionItem, ActionStatus, Attendance, Decision, DecisionKind, Due, Exemption, ItemKind,
    RaisedIn, Role,
};
use crate::model::{Better, Figure, IhaFigures, Unit};

impl App {
    pub(super) fn submit_form(&mut self) {
        let Some(Overlay::Form(form)) = self.overlay.take() else {
            return;
        };
        if let Some(done) = self.submit_archive_form(&form) {
            if let Err(error) = done {
                self.overlay = Some(Overlay::Form(Form {
                    error: Some(error),
                    ..form
                }));
            }
            return;
        }
        if !self.can_edit() {
            return;
        }
        match self.apply_form(&form) {
            Ok(()) => self.changed(true),
            Err(error) => {
                self.overlay = Some(Overlay::Form(Form {
                    error: Some(error),
                    ..form
                }))
            }
        }
    }

    fn apply_form(&mut self, form: &Form) -> Result<(), String> {
        match &form.purpose {
            Purpose::AddItem { after, parent } => {
                let mut item =
                    AgendaItem::new(agenda::next_id(&self.meeting.agenda), "", ItemKind::Report);
                fill_item(&mut item, form)?;
                let id = item.id;
                match parent {
                    Some(p) => {
                        agenda::add_sub_item(&mut self.meeting.agenda, *p, item);
                    }
                    None => agenda::insert_after(&mut self.meeting.agenda, *after, item),
                }
                self.agenda_sel = Some(id);
                let number = agenda::number_of(&self.meeting.agenda, id)
                    .map(|n| n.to_string())
                    .unwrap_or_default();
                self.flash = Some(format!("Added item {number}."));
            }
            Purpose::EditItem(id) => {
                let item = agenda::find_mut(&mut self.meeting.agenda, *id)
                    .ok_or("That item is no longer on the agenda.")?;
                let mut edited = item.clone();
                fill_item(&mut edited, form)?;
                *item = edited;
                // An item made exempt after actions were raised under it takes them with it.
                self.meeting.mark_exempt_actions();
            }
            Purpose::CaptureAction(item) => {
                let text = required(form, "Action")?;
                let owner = required(form, "Owner")?;
                let due = Due::parse(form.value("Due")).map_err(|e| format!("Due: {e}"))?;
                let item_title = self
                    .meeting
                    .item(*item)
                    .map(|i| i.title.clone())
                    .unwrap_or_default();
                let action = ActionItem {
                    id: self.meeting.next_action_id(),
                    text: text.clone(),
                    owner: owner.clone(),
                    set_by: self.chair(),
                    due,
                    raised: RaisedIn {
                        meeting: self.meeting.id.clone(),
                        item: Some(*item),
                        item_title,
                        exempt: agenda::is_exempt_business(&self.meeting.agenda, *item),
                    },
                    status: ActionStatus::Open,
                    history: Vec::new(),
                };
                self.flash = Some(format!(
                    "Action {} captured; it is in the Actions tab.",
                    action.id
                ));
                self.meeting.actions.push(action);
                self.write_line(&format!("ACTION: {text} ({owner}, due {due})"));
            }
            Purpose::CaptureDecision { item, resolution } => {
                let label = if *resolution {
                    "Resolution"
                } else {
                    "Decision"
                };
                let text = required(form, label)?;
                let kind = if *resolution {
                    DecisionKind::Resolution
                } else {
                    DecisionKind::Decision
                };
                if let Some(it) = agenda::find_mut(&mut self.meeting.agenda, *item) {
                    it.decisions.push(Decision {
                        kind,
                        text: text.clone(),
                    });
                }
                // The decision record is the decision: the minutes text does not repeat it
                // (every document would read it twice). The pane lists it under the title.
                self.flash = Some(format!("{label} recorded under the item's title."));
            }
            Purpose::AddPerson => {
                let name = required(form, "Name")?;
                let role = parse_role(form.value("Role"))?;
                self.meeting.attendance.push(Attendance::new(
                    name.clone(),
                    role,
                    form.value("Position"),
                ));
                self.people_sel = self.meeting.attendance.len() - 1;
                self.flash = Some(format!("Added {name}."));
            }
            Purpose::ActionNote(id) => {
                let note = required(form, "Note")?;
                let status = match form.value("Status").to_lowercase().as_str() {
                    "" => None,
                    "open" => Some(ActionStatus::Open),
                    "done" => Some(ActionStatus::Done),
                    "dropped" => Some(ActionStatus::Dropped),
                    other => {
                        return Err(format!(
                            "Status: {other:?} is not one of open, done or dropped"
                        ));
                    }
                };
                let (date, here) = (self.meeting.date, self.meeting.id.clone());
                let action = self
                    .meeting
                    .actions
                    .iter_mut()
                    .find(|a| a.id == *id)
                    .ok_or("That action is gone.")?;
                let status = status.filter(|s| *s != action.status);
                action.update(date, Some(here), status, note);
                self.flash = Some(format!("Progress noted on {id}."));
            }
            Purpose::IhaFigures => {
                let figures = iha_from_form(form)?;
                let target = form
                    .value("Target %")
                    .parse::<f64>()
                    .ok()
                    .filter(|t| (0.0..=100.0).contains(t))
                    .ok_or_else(|| {
                        format!(
                            "Target %: {:?} is not a percentage from 0 to 100",
                            form.value("Target %")
                        )
                    })?;
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
                if let Some(note) =
                    rows_against_totals(&self.meeting.standing.iha_children, Some(&figures))
                {
                    flash = format!("{flash} {note}");
                }
                self.flash = Some(flash);
                self.meeting.standing.iha_target = target;
                self.meeting.standing.iha = Some(figures);
            }
            Purpose::AddFigure => {
                let name = required(form, "Name")?;
                let key: String = name
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join("-");
                let figures = &mut self.meeting.standing.figures;
                if figures
                    .iter()
                    .any(|f| f.key == key || f.name.eq_ignore_ascii_case(&name))
                {
                    return Err(format!("Name: the board already follows {name:?}"));
                }
                let unit = match form.value("Unit").to_lowercase().as_str() {
                    "count" | "number" => Unit::Count,
                    "percent" | "%" | "percentage" => Unit::Percent,
                    other => return Err(format!("Unit: {other:?} is not count or percent")),
                };
                let target = match form.value("Target") {
                    "" => None,
                    t => Some(
                        t.parse::<f64>()
                            .ok()
                            .filter(|n| n.is_finite() && *n >= 0.0)
                            .ok_or_else(|| format!("Target: {t:?} is not a number of 0 or more"))?,
                    ),
                };
                let better = match form.value("Better").to_lowercase().as_str() {
                    "higher" => Better::Higher,
                    "lower" => Better::Lower,
                    other => return Err(format!("Better: {other:?} is not higher or lower")),
                };
                figures.push(Figure {
                    key,
                    name: name.clone(),
                    unit,
                    target,
                    better,
                    value: None,
                });
                self.flash = Some(format!(
                    "The board now follows {name:?}; later meetings carry it."
                ));
            }
            Purpose::RetireFigure => {
                let name = required(form, "Name")?;
                let figures = &mut self.meeting.standing.figures;
                let before = figures.len();
                figures.retain(|f| !f.name.eq_ignore_ascii_case(&name));
                if figures.len() == before {
                    return Err(format!("Name: the board does not follow {name:?}"));
                }
                self.flash = Some(format!(
                    "Retired {name:?} from this meeting on; earlier meetings keep its history."
                ));
            }
            Purpose::AddChild | Purpose::RemoveChild => {
                let reference = required(form, "Reference")?;
                let children = &mut self.meeting.standing.iha_children;
                if form.purpose == Purpose::RemoveChild {
                    let before = children.len();
                    children.retain(|c| c.reference != reference);
                    if children.len() == before {
                        return Err(format!("Reference: there is no row {reference:?}"));
                    }
                    self.flash = Some(format!("Removed {reference}."));
                } else {
                    check_new_reference(&reference)?;
                    if children.len() >= MAX_COUNT as usize {
                        return Err(format!(
                            "Reference: a board reports at most {MAX_COUNT} children's rows"
                        ));
                    }
                    let child = IhaChild {
                        reference: reference.clone(),
                        entered_care: date(form, "Came into care")?
                            .ok_or("Came into care: give the date, YYYY-MM-DD")?,
                        completed: date(form, "IHA completed")?,
                    };
                    child.check()?;
                    if children.iter().any(|c| c.reference == reference) {
                        return Err(format!("Reference: {reference:?} is already listed"));
                    }
                    child.due().map_err(|e| format!("Came into care: {e}"))?;
                    self.flash = Some(format!("Added {reference}."));
                    children.push(child);
                }
                // The totals typed stay as they are, whatever the rows add up to.
                let s = &self.meeting.standing;
                let note = rows_against_totals(&s.iha_children, s.iha.as_ref());
                if let (Some(flash), Some(note)) = (&mut self.flash, note) {
                    flash.push(' ');
                    flash.push_str(&note);
                }
            }
            // Handled by `submit_archive_form` before any of these.
            Purpose::ApprovePrevious(_)
            | Purpose::Erratum(_)
            | Purpose::Export(_)
            | Purpose::Search
            | Purpose::OwnerFilter => {}
            Purpose::StandingFigures => {
                let mut values = Vec::new();
                for f in &form.fields {
                    let v = f.value();
                    values.push(if v.is_empty() {
                        None
                    } else {
                        Some(
                            v.parse::<f64>()
                                .ok()
                                .filter(|n| n.is_finite() && *n >= 0.0)
                                .ok_or_else(|| {
                                    format!("{}: {v:?} is not a number of 0 or more", f.label)
                                })?,
                        )
                    });
                }
                for (f, v) in self.meeting.standing.figures.iter_mut().zip(values) {
                    f.value = v;
                }
                self.flash = Some("Standing figures entered.".into());
            }
        }
        Ok(())
    }

    /// The chair, as the person who sets actions by default.
    fn chair(&self) -> String {
        self.meeting
            .attendance
            .iter()
            .find(|a| a.position.eq_ignore_ascii_case("chair"))
            .map_or_else(|| "the Board".to_string(), |a| a.name.clone())
    }

    /// Puts a line of its own into the minutes at the cursor.
    fn write_line(&mut self, line: &str) {
        let ed = &mut self.minutes.editor;
        let text = if ed.at_line_start() {
            format!("{line}\n")
        } else {
            format!("\n{line}\n")
        };
        ed.paste(&text);
    }
}

fn required(form: &Form, label: &str) -> Result<String, String> {
    let v = form.value(label);
    if v.is_empty() {
        Err(format!("{label}: this cannot be empty"))
    } else {
        Ok(v.to_string())
    }
}

fn parse_role(s: &str) -> Result<Role, String> {
    let s = s.trim().to_lowercase();
    [
        Role::Member,
        Role::Officer,
        Role::YoungPerson,
        Role::Partner,
        Role::Other,
    ]
    .into_iter()
    .find(|r| r.label() == s || (!s.is_empty() && r.label().starts_with(&s)))
    .ok_or_else(|| {
        format!("Role: {s:?} is not one of member, officer, young person, partner or other")
    })
}

fn fill_item(item: &mut AgendaItem, form: &Form) -> Result<(), String> {
    item.title = required(form, "Title")?;
    let kind_text = form.value("Kind").to_lowercase();
    item.kind = [
        ItemKind::Report,
        ItemKind::Presentation,
        ItemKind::Decision,
        ItemKind::Information,
        ItemKind::Standing,
        ItemKind::Procedural,
    ]
    .into_iter()
    .find(|k| !kind_text.is_empty() && kind_word(*k).starts_with(&kind_text))
    .ok_or_else(|| {
        format!("Kind: {kind_text:?} is not one of report, presentation, decision, information, standing or procedural")
    })?;
    item.presenter = form.value("Presenter").to_string();
    let mins = form.value("Minutes allowed");
    item.minutes_allotted = if mins.is_empty() {
        None
    } else {
        Some(
            mins.parse::<u32>()
                .ok()
                .filter(|m| *m <= 600)
                .ok_or_else(|| {
                    format!("Minutes allowed: {mins:?} is not a whole number of minutes (0 to 600)")
                })?,
        )
    };
    let reason = form.value("Exempt reason");
    item.exempt = (!reason.is_empty()).then(|| Exemption {
        reason: reason.to_string(),
    });
    item.principles = parse_principles(form.value("Principles"))?;
    Ok(())
}

fn count(form: &Form, label: &str) -> Result<u32, String> {
    let v = form.value(label);
    v.parse::<u32>()
        .map_err(|_| format!("{label}: {v:?} is not a whole number of children (0 or more)"))
}

fn date(form: &Form, label: &str) -> Result<Option<chrono::NaiveDate>, String> {
    let v = form.value(label);
    if v.is_empty() {
        return Ok(None);
    }
    crate::model::clock::parse_date(v)
        .map(Some)
        .ok_or_else(|| format!("{label}: {v:?} is not a real date in the form YYYY-MM-DD"))
}

/// IHA figures from the form, refused with a reason when they cannot be true.
fn iha_from_form(form: &Form) -> Result<IhaFigures, String> {
    let f = IhaFigures {
        period_start: date(form, "Period from")?,
        period_end: date(form, "Period to")?,
        entered_care: count(form, "Came into care")?,
        due: count(form, "IHAs due")?,
        within_20_days: count(form, "Within 20 days")?,
        late: count(form, "Completed late")?,
        outstanding: count(form, "Outstanding")?,
        commentary: form.value("Commentary").to_string(),
    };
    f.check()
        .map_err(|p| format!("{}: {}", p.field.label(), p.reason))?;
    Ok(f)
}
