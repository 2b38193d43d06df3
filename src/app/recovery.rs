//! Replaying a journal onto the meeting as last saved, and saying in a few lines what
//! that would restore, so the clerk can choose with their eyes open.

use std::collections::BTreeMap;

use super::JournalRecord;
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
