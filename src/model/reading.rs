//! How an item's record reads wherever minutes are read (documents, Alt+W, `show`, the
//! reading view): its narrative, each decision once from the decision record, and the
//! errata recorded against it after approval.
//!
//! The decision record is the one source of truth for a decision. Minutebook once wrote
//! each captured decision into the minutes text as well (`RESOLVED: …`); those inline
//! copies are left in the record (the seal covers them) but never shown a second time.

use super::agenda::{AgendaItem, Decision};
use super::approval::{Approval, Erratum};
use super::ids::ItemId;
use crate::words::{self, decision_mark};

/// "RESOLVED: that the minutes be approved".
pub fn decision_line(d: &Decision) -> String {
    format!("{} {}", decision_mark(d.kind), d.text)
}

/// The item's minutes text without the inline copies of its decision records. A copy is
/// `WORD: text` ending a line (where capturing wrote it), at the line's start or after a
/// space; each record removes one copy, and a line it empties goes with it.
pub fn narrative(item: &AgendaItem) -> String {
    without_inline_decisions(&item.minutes, &item.decisions)
}

pub fn without_inline_decisions(minutes: &str, decisions: &[Decision]) -> String {
    let mut pending: Vec<String> = decisions.iter().map(decision_line).collect();
    if pending.is_empty() {
        return minutes.to_string();
    }
    let mut out: Vec<&str> = Vec::new();
    for line in minutes.split('\n') {
        let body = line.trim_end();
        let copy = pending.iter().position(|inline| {
            body.strip_suffix(inline.as_str())
                .is_some_and(|before| before.is_empty() || before.ends_with(char::is_whitespace))
        });
        match copy {
            Some(k) => {
                let before = body[..body.len() - pending[k].len()].trim_end();
                pending.swap_remove(k);
                if !before.is_empty() {
                    out.push(before);
                }
            }
            None => out.push(line),
        }
    }
    out.join("\n")
}

/// The errata recorded against `item` (`None`: those for the minutes as a whole).
pub fn errata_for(errata: &[Erratum], item: Option<ItemId>) -> impl Iterator<Item = &Erratum> {
    errata.iter().filter(move |e| e.item == item)
}

/// "ERRATUM recorded 13 Jan 2027, agreed at meeting 2027-01-13: For … read …".
pub fn erratum_line(e: &Erratum) -> String {
    let agreed = e.agreed_at.as_ref().map(|a| a.to_string());
    words::erratum_line(e.date, agreed.as_deref(), &e.text)
}

/// "Approved as a correct record by Cllr Amara Okafor at meeting 2027-01-13 on 13 Jan 2027."
pub fn approval_line(a: &Approval) -> String {
    words::approval_line(&a.approved_by, a.at_meeting.as_str(), a.on)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(text: &str) -> Decision {
        Decision::new(crate::model::agenda::DecisionKind::Resolution, text)
    }

    #[test]
    fn an_inline_copy_of_a_decision_record_is_not_read_twice() {
        let d = [resolved("that the minutes be approved")];
        assert_eq!(
            without_inline_decisions(
                "Minutes approved.\nRESOLVED: that the minutes be approved\nACTION: x\n",
                &d
            ),
            "Minutes approved.\nACTION: x\n"
        );
        // Ending a paragraph, as older records and the demo wrote it.
        assert_eq!(
            without_inline_decisions(
                "The report was noted. RESOLVED: that the minutes be approved\nNext.",
                &d
            ),
            "The report was noted.\nNext."
        );
        // Text that merely starts like the decision is another decision: it stays.
        let longer = "RESOLVED: that the minutes be approved as amended";
        assert_eq!(without_inline_decisions(longer, &d), longer);
        // A decision word the record does not hold stays: it is the clerk's own text.
        assert_eq!(
            without_inline_decisions("DECISION: that the minutes be approved", &d),
            "DECISION: that the minutes be approved"
        );
        // Two records, two copies; a third copy typed by hand stays.
        let two = [resolved("a"), resolved("a")];
        assert_eq!(
            without_inline_decisions("RESOLVED: a\nRESOLVED: a\nRESOLVED: a", &two),
            "RESOLVED: a"
        );
    }
}
