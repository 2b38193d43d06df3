//! An agenda item: added after the selection, added under it, or edited in place.

use std::collections::BTreeSet;

use super::Spec;
use crate::app::App;
use crate::app::form::{Form, LineInput, Value};
use crate::model::agenda::{self, AgendaItem, Principle};
use crate::model::{Exemption, ItemId, ItemKind};

form! {
    Item { target: Target }
    title: "Title" => "as it appears on the agenda",
    kind: "Kind" => ItemKind::choices(),
    presenter: "Presenter" => "who presents it (optional)",
    minutes: "Minutes allowed" => "a whole number of minutes (optional)",
    exempt: "Exempt reason" => "leave empty for public business; for Part B cite the ground, e.g. Schedule 12A para 2",
    principles: "Principles" => "corporate parenting principles 1-7, e.g. 1, 6",
}

/// Where the item goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A new item after `after` (at the end if none), or the last sub-item of `parent`.
    Add {
        after: Option<ItemId>,
        parent: Option<ItemId>,
    },
    Edit(ItemId),
}

/// `a`: a new item after the selected one.
pub fn add(app: &mut App) -> Option<Form> {
    let after = app.agenda_sel;
    app.can_edit().then(|| {
        let target = Target::Add {
            after,
            parent: None,
        };
        Form::new("Add an agenda item", Item::from_item(target, None))
    })
}

/// `A`: a new sub-item of the selected item.
pub fn add_under(app: &mut App) -> Option<Form> {
    let parent = selected(app)?;
    let target = Target::Add {
        after: None,
        parent: Some(parent.id),
    };
    let title = format!("Add a sub-item to {}", parent.title);
    Some(Form::new(title, Item::from_item(target, None)))
}

/// `e`: the selected item as it is.
pub fn edit(app: &mut App) -> Option<Form> {
    let item = selected(app)?;
    let form = Item::from_item(Target::Edit(item.id), Some(&item));
    Some(Form::new("Edit the agenda item", form))
}

/// The selected item, if the meeting may change and one is selected.
fn selected(app: &mut App) -> Option<AgendaItem> {
    if !app.can_edit() {
        return None;
    }
    app.agenda_sel.and_then(|id| app.meeting.item(id)).cloned()
}

impl Item {
    fn from_item(target: Target, item: Option<&AgendaItem>) -> Item {
        let principles: Vec<String> = item.map_or(Vec::new(), |i| {
            i.principles
                .iter()
                .map(|p| p.number().to_string())
                .collect()
        });
        Item {
            target,
            title: LineInput::new(item.map_or("", |i| &i.title)),
            kind: LineInput::new(item.map_or(ItemKind::Report, |i| i.kind).word()),
            presenter: LineInput::new(item.map_or("", |i| &i.presenter)),
            minutes: LineInput::new(
                item.and_then(|i| i.minutes_allotted)
                    .map_or(String::new(), |m| m.to_string()),
            ),
            exempt: LineInput::new(
                item.and_then(|i| i.exempt.as_ref())
                    .map_or("", |e| &e.reason),
            ),
            principles: LineInput::new(principles.join(", ")),
        }
    }

    /// The item with every field as typed, or the first field that cannot be.
    fn fill(&self, item: &mut AgendaItem) -> Result<(), String> {
        let Values {
            title,
            kind,
            presenter,
            minutes,
            exempt,
            principles,
        } = self.values();
        item.title = title.required()?;
        item.kind = parse_kind(kind)?;
        item.presenter = presenter.text.to_string();
        item.minutes_allotted = match minutes.text {
            "" => None,
            m => Some(m.parse::<u32>().ok().filter(|m| *m <= 600).ok_or_else(|| {
                minutes.refuse(format!("{m:?} is not a whole number of minutes (0 to 600)"))
            })?),
        };
        item.exempt = (!exempt.text.is_empty()).then(|| Exemption {
            reason: exempt.text.to_string(),
        });
        item.principles = parse_principles(principles)?;
        Ok(())
    }
}

impl Spec for Item {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        match self.target {
            Target::Add { after, parent } => {
                let mut item =
                    AgendaItem::new(agenda::next_id(&app.meeting.agenda), "", ItemKind::Report);
                self.fill(&mut item)?;
                let id = item.id;
                match parent {
                    Some(p) => {
                        agenda::add_sub_item(&mut app.meeting.agenda, p, item);
                    }
                    None => agenda::insert_after(&mut app.meeting.agenda, after, item),
                }
                app.agenda_sel = Some(id);
                let number = agenda::number_of(&app.meeting.agenda, id)
                    .map(|n| n.to_string())
                    .unwrap_or_default();
                app.flash = Some(format!("Added item {number}."));
            }
            Target::Edit(id) => {
                let item = agenda::find_mut(&mut app.meeting.agenda, id)
                    .ok_or("That item is no longer on the agenda.")?;
                let mut edited = item.clone();
                self.fill(&mut edited)?;
                *item = edited;
                // An item made exempt after actions were raised under it takes them with it.
                app.meeting.mark_exempt_actions();
            }
        }
        Ok(())
    }
}

fn parse_kind(kind: Value) -> Result<ItemKind, String> {
    ItemKind::parse(kind.text).ok_or_else(|| {
        let text = kind.text.to_lowercase();
        kind.refuse(format!("{text:?} is not one of {}", ItemKind::choices()))
    })
}

fn parse_principles(principles: Value) -> Result<BTreeSet<Principle>, String> {
    principles
        .text
        .split([',', ' '])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|n| Principle::ALL.get(n).copied())
                .ok_or_else(|| {
                    principles.refuse(format!(
                        "{:?} is not a principle number from 1 to 7",
                        p.trim()
                    ))
                })
        })
        .collect()
}
