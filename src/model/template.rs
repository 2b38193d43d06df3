//! Board templates: the standing shape of a board's meetings, from which new meetings are made.

use std::collections::BTreeSet;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::agenda::{AgendaItem, Exemption, ItemKind, ItemRole, Principle};
use super::clock;
use super::ids::ItemId;
use super::meeting::MeetingBoard;
use super::standing::{Better, Figure, Unit};

/// Templates compiled into the binary, by name.
pub const BUILTIN: &[(&str, &str)] = &[(
    "corporate-parenting-board",
    include_str!("../../assets/templates/corporate-parenting-board.json"),
)];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub board: MeetingBoard,
    pub title: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default, with = "clock::hhmm_opt")]
    pub start_time: Option<NaiveTime>,
    #[serde(default = "default_target")]
    pub iha_target: f64,
    #[serde(default)]
    pub standing_figures: Vec<FigureDef>,
    pub agenda: Vec<TemplateItem>,
}

fn default_target() -> f64 {
    super::standing::IHA_DEFAULT_TARGET
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureDef {
    pub key: String,
    pub name: String,
    pub unit: Unit,
    #[serde(default)]
    pub target: Option<f64>,
    pub better: Better,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateItem {
    pub title: String,
    pub kind: ItemKind,
    #[serde(default)]
    pub role: Option<ItemRole>,
    #[serde(default)]
    pub presenter: String,
    #[serde(default)]
    pub minutes_allotted: Option<u32>,
    #[serde(default)]
    pub exempt: Option<Exemption>,
    #[serde(default)]
    pub principles: BTreeSet<Principle>,
    #[serde(default)]
    pub sub_items: Vec<TemplateItem>,
}

impl Template {
    /// A built-in template by name; the error lists the names there are.
    pub fn builtin(name: &str) -> Result<Template, String> {
        let (_, json) = BUILTIN.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            let names: Vec<_> = BUILTIN.iter().map(|(n, _)| *n).collect();
            format!(
                "there is no template called {name:?}; the built-in ones are: {}",
                names.join(", ")
            )
        })?;
        Template::parse(json).map_err(|e| format!("built-in template {name:?} is broken: {e}"))
    }

    pub fn parse(json: &str) -> Result<Template, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The template's agenda as fresh items with ids 1, 2, 3 … in reading order.
    pub fn agenda(&self) -> Vec<AgendaItem> {
        fn build(items: &[TemplateItem], next: &mut u32) -> Vec<AgendaItem> {
            items
                .iter()
                .map(|t| {
                    let mut item = AgendaItem::new(ItemId(*next), t.title.clone(), t.kind);
                    *next += 1;
                    item.role = t.role.clone();
                    item.presenter = t.presenter.clone();
                    item.minutes_allotted = t.minutes_allotted;
                    item.exempt = t.exempt.clone();
                    item.principles = t.principles.clone();
                    item.sub_items = build(&t.sub_items, next);
                    item
                })
                .collect()
        }
        build(&self.agenda, &mut 1)
    }

    pub fn figures(&self) -> Vec<Figure> {
        self.standing_figures
            .iter()
            .map(|d| Figure {
                key: d.key.clone(),
                name: d.name.clone(),
                unit: d.unit,
                target: d.target,
                better: d.better,
                value: None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::agenda::numbered;

    #[test]
    fn builtin_corporate_parenting_template_has_the_usual_agenda() {
        let t = Template::builtin("corporate-parenting-board").unwrap();
        let agenda = t.agenda();
        let rows: Vec<_> = numbered(&agenda)
            .into_iter()
            .map(|(n, i)| (n.to_string(), i.clone()))
            .collect();
        let roles: Vec<_> = rows
            .iter()
            .filter_map(|(n, i)| Some((n.as_str(), i.role.clone()?)))
            .collect();
        assert!(roles.contains(&("1", ItemRole::Apologies)));
        assert!(roles.contains(&("2", ItemRole::PreviousMinutes)));
        assert!(roles.contains(&("3", ItemRole::ActionLog)));
        assert!(
            roles.contains(&("4.1", ItemRole::Standing("iha".into()))),
            "IHA timeliness is the first standing item"
        );
        assert!(
            roles
                .iter()
                .any(|(_, r)| *r == ItemRole::Standing("unregulated-placements".into()))
        );
        assert!(
            roles
                .iter()
                .any(|(_, r)| *r == ItemRole::Standing("voice-of-the-child".into()))
        );
        assert!(roles.iter().any(|(_, r)| *r == ItemRole::ForwardPlan));
        assert_eq!(
            rows.last().unwrap().1.role,
            Some(ItemRole::AnyOtherBusiness)
        );
        let ids: BTreeSet<_> = rows.iter().map(|(_, i)| i.id).collect();
        assert_eq!(ids.len(), rows.len(), "ids are unique");
        assert_eq!(t.iha_target, 85.0);
    }

    #[test]
    fn unknown_template_names_the_ones_there_are() {
        let err = Template::builtin("scrutiny").unwrap_err();
        assert!(err.contains("corporate-parenting-board"), "{err}");
    }
}
