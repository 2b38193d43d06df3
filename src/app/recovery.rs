//! Replaying a journal onto the meeting as last saved, and saying in a few lines what
//! that would restore, so the clerk can choose with their eyes open.

use std::collections::BTreeMap;

use super::{JournalLine, JournalRecord};
use crate::editor::{EditOp, normalize, replay_ops};
use crate::model::agenda;
use crate::model::{ItemId, Meeting};

/// The meeting with the journal's edits applied, or why they do not fit it.
pub fn replay(saved: &Meeting, records: &[JournalRecord]) -> Result<Meeting, String> {
    // Edits to different items are independent, so each item's run replays on its own
    // (through the editor's chunked replay: hours of keystrokes take milliseconds).
    let mut by_item: BTreeMap<ItemId, Vec<&EditOp>> = BTreeMap::new();
    for r in records {
        by_item.entry(r.item).or_default().push(&r.edit);
    }
    let mut m = saved.clone();
    for (id, ops) in by_item {
        let item = agenda::find_mut(&mut m.agenda, id)
            .ok_or_else(|| format!("the journal edits item {id} which is not on the agenda"))?;
        // The editor counts from the text as it normalised it on loading.
        let base = normalize(&item.minutes).into_owned();
        item.minutes = replay_ops(&base, ops)
            .map_err(|e| format!("the journal does not fit item {id}: {e}"))?;
    }
    Ok(m)
}

/// What a journal can give back, worked out item by item against the meeting file as
/// it is now (which may have been changed since the journal began: by a CLI command such
/// as `approve`, by a copy of the data directory, by a hand edit).
#[derive(Debug, Clone)]
pub struct Plan {
    /// The file with the edits that fit it applied: what "recover" saves.
    pub recovered: Meeting,
    /// The file with every edit that could be replayed applied, including those for items
    /// changed since: what a separate copy holds.
    pub copy: Meeting,
    /// Items whose edits apply to their minutes as they are in the file.
    pub fits: Vec<ItemId>,
    /// Items changed in the file since: their typed text survives only in the copy.
    pub changed: Vec<ItemId>,
    /// Items whose edits the file already holds.
    pub saved: Vec<ItemId>,
    /// Why some edits could not be replayed at all (they stay in the journal file).
    pub unusable: Vec<String>,
}

impl Plan {
    /// Nothing in the journal that the file lacks and that could be replayed.
    pub fn nothing_to_offer(&self) -> bool {
        self.fits.is_empty() && self.changed.is_empty()
    }
}

/// Plans the recovery of `lines` onto `current`. `header_fits` says the journal began at
/// this very file content (what decides for journals without per-item base lines).
pub fn plan(current: &Meeting, lines: &[JournalLine], header_fits: bool) -> Plan {
    let mut runs: BTreeMap<ItemId, (Option<&str>, Vec<&EditOp>)> = BTreeMap::new();
    for line in lines {
        match line {
            JournalLine::Base { item, base } => {
                runs.entry(*item)
                    .or_default()
                    .0
                    .get_or_insert(base.as_str());
            }
            JournalLine::Edit(r) => runs.entry(r.item).or_default().1.push(&r.edit),
        }
    }
    let mut plan = Plan {
        recovered: current.clone(),
        copy: current.clone(),
        fits: Vec::new(),
        changed: Vec::new(),
        saved: Vec::new(),
        unusable: Vec::new(),
    };
    for (id, (base, ops)) in runs {
        let Some(item) = current.item(id) else {
            plan.unusable.push(format!(
                "it edits item {id}, which is no longer on the agenda"
            ));
            continue;
        };
        let now = normalize(&item.minutes).into_owned();
        // With the text the edits counted from, their result is known whatever the file
        // holds now; without it, they can only be tried on the text as it is.
        let from = base.unwrap_or(&now);
        let text = match replay_ops(from, ops) {
            Ok(text) => text,
            Err(e) => {
                plan.unusable
                    .push(format!("its edits do not fit item {id}: {e}"));
                continue;
            }
        };
        let fits = match base {
            Some(base) => base == now,
            None => header_fits,
        };
        if text == now && base.is_some() {
            plan.saved.push(id);
            continue;
        }
        if fits {
            plan.fits.push(id);
            set_minutes(&mut plan.recovered, id, &text);
        } else {
            plan.changed.push(id);
        }
        set_minutes(&mut plan.copy, id, &text);
    }
    plan
}

fn set_minutes(m: &mut Meeting, id: ItemId, text: &str) {
    if let Some(item) = agenda::find_mut(&mut m.agenda, id) {
        item.minutes = text.to_string();
    }
}

/// The lines of the recovery offer: what each item would get back, and where.
pub fn describe_plan(current: &Meeting, plan: &Plan) -> Vec<String> {
    let mut lines = describe(current, &plan.copy);
    if lines.len() == 1 && plan.copy == *current {
        lines.clear();
    }
    for id in &plan.changed {
        if let Some((number, item)) = agenda::numbered(&current.agenda)
            .into_iter()
            .find(|(_, i)| i.id == *id)
        {
            lines.push(format!(
                "{number} {} was changed in the file since: that text can only be kept as a separate copy.",
                item.title
            ));
        }
    }
    for why in &plan.unusable {
        lines.push(format!(
            "Part of the journal cannot be replayed ({why}); the journal file is kept aside."
        ));
    }
    lines
}

/// One line per item whose minutes would change: size of the change and how it ends.
pub fn describe(saved: &Meeting, recovered: &Meeting) -> Vec<String> {
    let mut lines = Vec::new();
    for (number, item) in agenda::numbered(&recovered.agenda) {
        let before = saved.item(item.id).map_or("", |i| i.minutes.as_str());
        if before == item.minutes {
            continue;
        }
        let delta = item.minutes.chars().count() as i64 - before.chars().count() as i64;
        let tail: String = {
            let chars: Vec<char> = item.minutes.chars().collect();
            let start = chars.len().saturating_sub(70);
            chars[start..]
                .iter()
                .map(|c| if c.is_control() { ' ' } else { *c })
                .collect()
        };
        lines.push(format!(
            "{number} {}: {delta:+} characters, ending “…{}”",
            item.title,
            tail.trim_start()
        ));
    }
    if lines.is_empty() {
        lines.push("No change to any minutes (the edits cancel out).".into());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replays_edits_item_by_item_and_describes_them() {
        let saved = crate::demo::year().pop().unwrap();
        let id = saved.agenda[0].id;
        let records = vec![
            JournalRecord {
                item: id,
                edit: EditOp::Insert {
                    at: 0,
                    text: "Apologies: Cllr Raman. Café\n".into(),
                },
            },
            JournalRecord {
                item: id,
                edit: EditOp::Delete { range: 0..11 },
            },
        ];
        let recovered = replay(&saved, &records).unwrap();
        assert_eq!(recovered.agenda[0].minutes, "Cllr Raman. Café\n");
        let lines = describe(&saved, &recovered);
        assert_eq!(lines.len(), 1);
        assert!(
            lines[0].starts_with(
                "1 Welcome, apologies for absence and declarations of interest: +17 characters"
            ),
            "{}",
            lines[0]
        );
    }

    #[test]
    fn a_journal_that_does_not_fit_is_refused() {
        let saved = crate::demo::year().pop().unwrap();
        let bad = [JournalRecord {
            item: saved.agenda[0].id,
            edit: EditOp::Delete { range: 5..900 },
        }];
        assert!(replay(&saved, &bad).unwrap_err().contains("does not fit"));
        let gone = [JournalRecord {
            item: ItemId(999),
            edit: EditOp::Insert {
                at: 0,
                text: "x".into(),
            },
        }];
        assert!(
            replay(&saved, &gone)
                .unwrap_err()
                .contains("not on the agenda")
        );
    }
}
