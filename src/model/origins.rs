//! Where a meeting's actions were raised, as the archive says when a document is made:
//! whether an action is Part B business follows its raising item now, not a flag copied
//! forward when the action was carried.

use std::collections::{BTreeMap, BTreeSet};

use super::action::{ActionItem, RaisedIn};
use super::agenda;
use super::ids::{ActionId, ItemId, MeetingId};
use super::meeting::Meeting;

/// The agenda of each meeting at which some action was raised, reduced to what decides
/// Part B: which items exist and which are exempt business (inherited included).
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// `None`: the raising meeting could not be read.
    meetings: BTreeMap<MeetingId, Option<Raising>>,
    /// The meeting the origins were looked up for, as it was then, for the actions raised
    /// in it: built once, not once per action asked about.
    own: Option<(MeetingId, Raising)>,
}

#[derive(Debug, Clone)]
pub struct Raising {
    items: BTreeSet<ItemId>,
    exempt: BTreeSet<ItemId>,
    /// Actions marked Part B in the raising meeting's own log: the mark is set there, when
    /// the action is raised under Part B or its item becomes Part B, and is never unset.
    marked: BTreeSet<ActionId>,
}

impl Raising {
    pub fn of(m: &Meeting) -> Raising {
        let walked = agenda::walk(&m.agenda);
        Raising::new(
            walked.iter().map(|w| (w.item.id, w.is_exempt())),
            &m.actions,
        )
    }

    /// From a meeting however it was read: each item (depth first) with whether it is
    /// exempt business, inherited included, and the meeting's action log.
    pub fn new(items: impl IntoIterator<Item = (ItemId, bool)>, log: &[ActionItem]) -> Raising {
        let mut r = Raising {
            items: BTreeSet::new(),
            exempt: BTreeSet::new(),
            marked: log
                .iter()
                .filter(|a| a.raised.exempt)
                .map(|a| a.id.clone())
                .collect(),
        };
        for (id, exempt) in items {
            r.items.insert(id);
            if exempt {
                r.exempt.insert(id);
            }
        }
        r
    }

    /// Marked where it was raised, raised under exempt business, or under an item no
    /// longer there to ask.
    fn part_b(&self, id: &ActionId, raised: &RaisedIn) -> bool {
        self.marked.contains(id)
            || raised
                .item
                .is_some_and(|i| self.exempt.contains(&i) || !self.items.contains(&i))
    }
}

/// Whether the action `id`, in a copy raised as `raised` says, is Part B business, given
/// what its raising meeting says (`None`: not on record, or unreadable). The one rule for
/// documents, the action history and search: marked so in this copy or where it was
/// raised, or raised under an item that is exempt business now or no longer there. Fails
/// closed: a public document that leaves out a public action can be remade, and one that
/// publishes Part B cannot be unpublished.
pub fn is_part_b(id: &ActionId, raised: &RaisedIn, raising: Option<&Raising>) -> bool {
    raised.exempt || raising.is_none_or(|r| r.part_b(id, raised))
}

impl Origins {
    /// Looks up, once each, the meetings other than `m` at which its actions were raised;
    /// `load` gives `None` for a meeting it cannot read. `m`'s own agenda is read now too,
    /// so these origins are for `m` as it stands: make them again after changing it.
    pub fn of(m: &Meeting, mut load: impl FnMut(&MeetingId) -> Option<Meeting>) -> Origins {
        let mut meetings = BTreeMap::new();
        for a in &m.actions {
            let at = &a.raised.meeting;
            if *at != m.id && !meetings.contains_key(at) {
                let raising = load(at).filter(|r| r.id == *at).map(|r| Raising::of(&r));
                meetings.insert(at.clone(), raising);
            }
        }
        let own = m
            .actions
            .iter()
            .any(|a| a.raised.meeting == m.id)
            .then(|| (m.id.clone(), Raising::of(m)));
        Origins { meetings, own }
    }

    /// Whether action `a`, as listed in meeting `m`, is Part B business: marked so (in this
    /// copy or the raising meeting's), or raised under an item that is exempt business
    /// now. Fails closed: an
    /// action whose raising meeting or item cannot be found counts as Part B, because a
    /// public document that leaves out a public action can be remade, and one that
    /// publishes Part B cannot be unpublished.
    pub fn part_b(&self, m: &Meeting, a: &ActionItem) -> bool {
        if a.raised.meeting == m.id {
            return match &self.own {
                Some((id, own)) if *id == m.id => is_part_b(&a.id, &a.raised, Some(own)),
                // Made for another meeting (or none): read `m` itself.
                _ => is_part_b(&a.id, &a.raised, Some(&Raising::of(m))),
            };
        }
        // Not read, or not looked up at all: nothing says it is public.
        let raising = self
            .meetings
            .get(&a.raised.meeting)
            .and_then(Option::as_ref);
        is_part_b(&a.id, &a.raised, raising)
    }

    /// The meetings that were looked up and could not be read.
    pub fn unreadable(&self) -> impl Iterator<Item = &MeetingId> {
        self.meetings
            .iter()
            .filter(|(_, r)| r.is_none())
            .map(|(id, _)| id)
    }
}

/// Sets the Part B mark on each of `m`'s actions that `origins` knows to be Part B
/// business; only ever sets it. For migrating records written before the mark was
/// derived: an action whose raising meeting cannot be read is left as it is (public
/// documents withhold it anyway).
pub fn mark_known_part_b(m: &mut Meeting, origins: &Origins) {
    let known: Vec<bool> = m
        .actions
        .iter()
        .map(|a| {
            let readable = a.raised.meeting == m.id
                || matches!(origins.meetings.get(&a.raised.meeting), Some(Some(_)));
            readable && origins.part_b(m, a)
        })
        .collect();
    for (a, part_b) in m.actions.iter_mut().zip(known) {
        if part_b {
            a.raised.exempt = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{ActionStatus, Due, RaisedIn};
    use crate::model::carry::new_meeting;
    use crate::model::{ActionId, AgendaItem, Exemption, ItemKind, Template};

    fn id(s: &str) -> MeetingId {
        MeetingId::parse(s).unwrap()
    }

    /// January with "Placement review" (item 60) and its sub-item (61), an action under
    /// each and one under public business; February made from it.
    fn two_meetings() -> (Meeting, Meeting) {
        let t = Template::builtin("corporate-parenting-board").unwrap();
        let mut jan = new_meeting(&t, id("2026-01-14"), None, &[]);
        let mut review = AgendaItem::new(ItemId(60), "Placement review", ItemKind::Report);
        review
            .sub_items
            .push(AgendaItem::new(ItemId(61), "Case", ItemKind::Report));
        jan.agenda.push(review);
        for (n, item) in [(1, 60), (2, 61), (3, 1)] {
            jan.actions.push(ActionItem {
                id: ActionId::new(&jan.id, n),
                text: format!("action {n}"),
                owner: "Head of Service".into(),
                set_by: String::new(),
                due: Due::NextMeeting,
                raised: RaisedIn {
                    meeting: jan.id.clone(),
                    item: Some(ItemId(item)),
                    item_title: String::new(),
                    exempt: false,
                },
                status: ActionStatus::Open,
                history: vec![],
            });
        }
        let feb = new_meeting(&t, id("2026-02-11"), None, std::slice::from_ref(&jan));
        (jan, feb)
    }

    fn part_b_texts(m: &Meeting, origins: &Origins) -> Vec<String> {
        m.actions
            .iter()
            .filter(|a| origins.part_b(m, a))
            .map(|a| a.text.clone())
            .collect()
    }

    #[test]
    fn an_item_made_exempt_after_the_next_meeting_was_made_takes_its_carried_actions() {
        let (mut jan, feb) = two_meetings();
        let before = Origins::of(&feb, |_| Some(jan.clone()));
        assert!(part_b_texts(&feb, &before).is_empty());

        agenda::find_mut(&mut jan.agenda, ItemId(60))
            .unwrap()
            .exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 2".into(),
        });
        let after = Origins::of(&feb, |_| Some(jan.clone()));
        assert_eq!(
            part_b_texts(&feb, &after),
            ["action 1", "action 2"],
            "the item and the sub-item under it, though February's copies carry no mark"
        );
        assert!(feb.actions.iter().all(|a| !a.raised.exempt));
    }

    #[test]
    fn an_action_once_part_b_where_it_was_raised_stays_out_when_the_item_is_cleared() {
        let (mut jan, feb) = two_meetings();
        let review = agenda::find_mut(&mut jan.agenda, ItemId(60)).unwrap();
        review.exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 2".into(),
        });
        jan.mark_exempt_actions();
        agenda::find_mut(&mut jan.agenda, ItemId(60))
            .unwrap()
            .exempt = None;
        let origins = Origins::of(&feb, |_| Some(jan.clone()));
        assert_eq!(part_b_texts(&feb, &origins), ["action 1", "action 2"]);
        assert_eq!(part_b_texts(&jan, &origins), ["action 1", "action 2"]);
    }

    #[test]
    fn a_raising_meeting_that_cannot_be_read_makes_its_actions_part_b() {
        let (_, feb) = two_meetings();
        let origins = Origins::of(&feb, |_| None);
        assert_eq!(part_b_texts(&feb, &origins).len(), 3);
        assert_eq!(origins.unreadable().count(), 1);
        assert_eq!(
            part_b_texts(&feb, &Origins::default()).len(),
            3,
            "nothing looked up"
        );
    }

    #[test]
    fn migration_marks_only_what_the_raising_meeting_shows() {
        let (mut jan, mut feb) = two_meetings();
        agenda::find_mut(&mut jan.agenda, ItemId(60))
            .unwrap()
            .exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 2".into(),
        });
        let mut unread = feb.clone();
        mark_known_part_b(&mut unread, &Origins::of(&feb, |_| None));
        assert!(unread.actions.iter().all(|a| !a.raised.exempt));

        let origins = Origins::of(&feb, |_| Some(jan.clone()));
        mark_known_part_b(&mut feb, &origins);
        let marked: Vec<_> = feb.actions.iter().map(|a| a.raised.exempt).collect();
        assert_eq!(marked, [true, true, false]);
    }
}
