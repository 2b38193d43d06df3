//! The decisions register: every decision and resolution the archive records, in the
//! order they were taken, each with the minute it belongs to and how it was carried.
//! Part B decisions are marked: the register is the clerk's, never a public document.

use chrono::NaiveDate;
use serde::Serialize;

use super::agenda::{self, DecisionKind};
use super::ids::{ItemId, MeetingId};
use super::meeting::Meeting;
use super::resolution::Vote;

/// One decision, where it was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub date: NaiveDate,
    pub meeting: MeetingId,
    /// The item it was taken under, for opening the meeting there.
    #[serde(skip)]
    pub item_id: ItemId,
    /// The minute's reference ("CPB/26/45"): the item's, or for a sub-item its
    /// top-level item's; none for a draft not numbered.
    pub minute: Option<String>,
    /// The item's number ("4.2") and title.
    pub item: String,
    pub title: String,
    pub kind: DecisionKind,
    pub text: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub moved_by: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub seconded_by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    /// Taken as exempt business, with the public excluded.
    pub part_b: bool,
}

/// Every decision of `m`, in agenda order.
pub fn of_meeting(m: &Meeting) -> Vec<Entry> {
    let mut out = Vec::new();
    for top in &m.agenda {
        let minute = top.minute.as_ref().map(|r| r.0.clone());
        let inside = agenda::walk(std::slice::from_ref(top));
        for w in inside {
            // The walk of one item numbers it 1: put its real number first.
            let number = agenda::walked(&m.agenda, w.item.id).map(|real| real.number.to_string());
            for d in &w.item.decisions {
                out.push(Entry {
                    date: m.date,
                    meeting: m.id.clone(),
                    item_id: w.item.id,
                    minute: minute.clone(),
                    item: number.clone().unwrap_or_default(),
                    title: w.item.title.clone(),
                    kind: d.kind,
                    text: d.text.clone(),
                    moved_by: d.moved_by.clone(),
                    seconded_by: d.seconded_by.clone(),
                    vote: d.vote.clone(),
                    part_b: w.is_exempt(),
                });
            }
        }
    }
    out
}

/// Every decision of `meetings` (oldest first) dated within `from`..=`to`.
pub fn of_meetings<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<Entry> {
    meetings
        .into_iter()
        .filter(|m| from.is_none_or(|f| m.date >= f) && to.is_none_or(|t| m.date <= t))
        .flat_map(of_meeting)
        .collect()
}

/// "Moved by Cllr A, seconded by Cllr B; carried 5–1 (0 abstaining)": how it was
/// carried, or empty when agreed without a vote and nobody moved it.
pub fn procedure_words(e: &Entry) -> String {
    let mut parts = Vec::new();
    if !e.moved_by.is_empty() {
        parts.push(format!("moved by {}", e.moved_by));
    }
    if !e.seconded_by.is_empty() {
        parts.push(format!("seconded by {}", e.seconded_by));
    }
    let mut out = crate::words::capitalise(&parts.join(", "));
    if let Some(v) = &e.vote {
        if !out.is_empty() {
            out.push_str("; ");
        }
        let result = match v.result {
            super::resolution::VoteResult::Carried => "carried",
            super::resolution::VoteResult::Lost => "lost",
        };
        out.push_str(&format!(
            "{} {}–{} ({} abstaining){}",
            if out.is_empty() {
                crate::words::capitalise(result)
            } else {
                result.to_string()
            },
            v.in_favour,
            v.against,
            v.abstained,
            if v.casting_vote {
                ", on the chair's casting vote"
            } else {
                ""
            }
        ));
        if !v.named.is_empty() {
            out.push_str(", in a recorded vote");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MeetingStatus, VoteResult};

    #[test]
    fn the_register_lists_each_decision_with_its_minute_and_marks_part_b() {
        let year = crate::demo::year();
        let november = year
            .iter()
            .find(|m| m.status == MeetingStatus::Draft)
            .unwrap();
        let entries = of_meeting(november);
        assert!(!entries.is_empty());
        for e in &entries {
            assert!(
                e.minute
                    .as_deref()
                    .is_some_and(|r| r.starts_with("CPB/26/"))
            );
            assert!(!e.item.is_empty() && !e.title.is_empty(), "{e:?}");
        }
        let all = of_meetings(&year, None, None);
        let part_b: Vec<&Entry> = all.iter().filter(|e| e.part_b).collect();
        assert_eq!(part_b.len(), 1, "June's decision on a child's placement");
        assert!(part_b[0].text.contains("written update"), "{:?}", part_b[0]);
        assert!(all.iter().any(|e| !e.part_b));
        let sub = entries.iter().find(|e| e.item.contains('.'));
        if let Some(sub) = sub {
            let top = sub.item.split('.').next().unwrap();
            let parent = &november.agenda[top.parse::<usize>().unwrap() - 1];
            assert_eq!(sub.minute, parent.minute.as_ref().map(|r| r.0.clone()));
        }
    }

    #[test]
    fn the_register_keeps_the_dates_asked_for() {
        let year = crate::demo::year();
        let all = of_meetings(&year, None, None);
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let autumn = of_meetings(&year, Some(d("2026-09-01")), Some(d("2026-10-31")));
        assert!(!autumn.is_empty() && autumn.len() < all.len());
        assert!(
            autumn
                .iter()
                .all(|e| e.date >= d("2026-09-01") && e.date <= d("2026-10-31"))
        );
    }

    #[test]
    fn a_vote_reads_as_the_minutes_say_it() {
        let mut e = of_meeting(&crate::demo::year()[1])[0].clone();
        assert_eq!(procedure_words(&e), "");
        e.moved_by = "Cllr Achebe".into();
        e.vote = Some(Vote {
            in_favour: 5,
            against: 1,
            abstained: 2,
            result: VoteResult::Carried,
            casting_vote: false,
            named: Vec::new(),
        });
        assert_eq!(
            procedure_words(&e),
            "Moved by Cllr Achebe; carried 5–1 (2 abstaining)"
        );
    }
}
