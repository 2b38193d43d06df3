//! Agenda items: a tree of numbered items whose numbers (1, 2, 2.1 …) come from position.

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::clock;
use super::ids::ItemId;

/// What an item is; its words, shown and typed, are in `crate::words`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Standing,
    Report,
    Presentation,
    Decision,
    Information,
    Procedural,
}

/// What an item is for, where the program treats it specially (the standing
/// items pane binds to `Standing("iha")`, approval to `PreviousMinutes`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemRole {
    Apologies,
    PreviousMinutes,
    ActionLog,
    Standing(String),
    ForwardPlan,
    AnyOtherBusiness,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemStatus {
    #[default]
    Pending,
    Current,
    Done,
    Deferred,
}

/// The seven corporate parenting principles (Children and Social Work Act 2017, s.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Principle {
    BestInterests,
    ExpressViews,
    TakeViewsIntoAccount,
    AccessServices,
    HighAspirations,
    SafetyAndStability,
    PrepareForAdulthood,
}

impl Principle {
    pub const ALL: [Principle; 7] = [
        Principle::BestInterests,
        Principle::ExpressViews,
        Principle::TakeViewsIntoAccount,
        Principle::AccessServices,
        Principle::HighAspirations,
        Principle::SafetyAndStability,
        Principle::PrepareForAdulthood,
    ];

    /// 1 to 7, the order of the Act.
    pub fn number(self) -> u8 {
        Principle::ALL.iter().position(|p| *p == self).unwrap_or(0) as u8 + 1
    }

    pub fn wording(self) -> &'static str {
        match self {
            Principle::BestInterests => {
                "act in their best interests and promote physical and mental health and well-being"
            }
            Principle::ExpressViews => "encourage them to express their views, wishes and feelings",
            Principle::TakeViewsIntoAccount => "take their views, wishes and feelings into account",
            Principle::AccessServices => {
                "help them gain access to, and make the best use of, services of the council and partners"
            }
            Principle::HighAspirations => "promote high aspirations and seek the best outcomes",
            Principle::SafetyAndStability => {
                "safety, and stability in home lives, relationships and education or work"
            }
            Principle::PrepareForAdulthood => "prepare them for adulthood and independent living",
        }
    }
}

/// Exempt ("Part B") business, taken with the public excluded; the stated
/// legal ground is kept because public documents must cite it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exemption {
    pub reason: String,
}

impl Exemption {
    /// The paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972 the
    /// stated ground cites ("Schedule 12A, paragraphs 1 and 2" → [1, 2]), in order, once
    /// each; empty when it cites none (the exclusion resolution then says so).
    pub fn paragraphs(&self) -> Vec<u8> {
        let lower = self.reason.to_lowercase();
        let mut out: Vec<u8> = Vec::new();
        for (at, _) in lower.match_indices("para") {
            // The numbers that follow "paragraph(s)"/"para(s)": digits, commas, "and", "&".
            let rest = &lower[at..];
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
            for word in rest.split(|c: char| c.is_whitespace() || c == ',' || c == '&') {
                match word {
                    "" | "and" => continue,
                    w => match w.trim_end_matches(['.', ';', ':', ')']).parse::<u8>() {
                        Ok(n) if (1..=7).contains(&n) => out.push(n),
                        _ => break,
                    },
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionKind {
    #[default]
    Decision,
    Resolution,
}

/// What the board decided under an item: the text once ("That …"), and for a motion put to
/// the meeting, who moved and seconded it and how the vote went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    #[serde(default)]
    pub kind: DecisionKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub moved_by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub seconded_by: String,
    /// None: agreed without a vote (by consensus, as most are).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<super::resolution::Vote>,
}

impl Decision {
    /// A decision agreed without a vote, with no mover or seconder recorded.
    pub fn new(kind: DecisionKind, text: impl Into<String>) -> Decision {
        Decision {
            kind,
            text: text.into(),
            moved_by: String::new(),
            seconded_by: String::new(),
            vote: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: ItemId,
    pub title: String,
    pub kind: ItemKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ItemRole>,
    #[serde(default)]
    pub presenter: String,
    #[serde(default)]
    pub minutes_allotted: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt: Option<Exemption>,
    #[serde(default)]
    pub principles: BTreeSet<Principle>,
    #[serde(default)]
    pub status: ItemStatus,
    #[serde(default, with = "clock::hhmm_opt")]
    pub started_at: Option<NaiveTime>,
    #[serde(default, with = "clock::hhmm_opt")]
    pub ended_at: Option<NaiveTime>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_items: Vec<AgendaItem>,
    /// The minute's reference ("CPB/26/45"), given when the draft is made and never again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<super::minute_numbers::MinuteRef>,
    /// Last, so the small fields above stay at the top of the file for a reader.
    #[serde(default)]
    pub minutes: String,
}

impl AgendaItem {
    pub fn new(id: ItemId, title: impl Into<String>, kind: ItemKind) -> Self {
        AgendaItem {
            id,
            title: title.into(),
            kind,
            role: None,
            presenter: String::new(),
            minutes_allotted: None,
            exempt: None,
            principles: BTreeSet::new(),
            status: ItemStatus::Pending,
            started_at: None,
            ended_at: None,
            decisions: Vec::new(),
            sub_items: Vec::new(),
            minute: None,
            minutes: String::new(),
        }
    }

    /// Marked exempt itself. Whether it is exempt business, which an item under an
    /// exempt item is too, is [`exemption_of`] / [`is_exempt_business`].
    pub fn is_exempt(&self) -> bool {
        self.exempt.is_some()
    }
}

/// An item's number as shown to people: its path of 1-based positions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemNumber(pub Vec<usize>);

impl fmt::Display for ItemNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, n) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

/// How long an item is allowed, in minutes: a section takes its own allowance or its
/// sub-items' together, whichever is longer (its own covers its introduction too).
/// `None` when nothing in it has a time allotted.
pub fn allowance(item: &AgendaItem) -> Option<u32> {
    let subs = item
        .sub_items
        .iter()
        .filter_map(allowance)
        .reduce(|a, b| a + b);
    match (subs, item.minutes_allotted) {
        (Some(subs), Some(own)) => Some(subs.max(own)),
        (subs, own) => subs.or(own),
    }
}

/// Every item, depth first, with its number. Numbers are never stored, so a
/// move or a deletion renumbers everything after it.
pub fn numbered(items: &[AgendaItem]) -> Vec<(ItemNumber, &AgendaItem)> {
    walk(items)
        .into_iter()
        .map(|w| (w.number, w.item))
        .collect()
}

pub fn find(items: &[AgendaItem], id: ItemId) -> Option<&AgendaItem> {
    items.iter().find_map(|i| {
        if i.id == id {
            Some(i)
        } else {
            find(&i.sub_items, id)
        }
    })
}

pub fn find_mut(items: &mut [AgendaItem], id: ItemId) -> Option<&mut AgendaItem> {
    for item in items.iter_mut() {
        if item.id == id {
            return Some(item);
        }
        if let Some(found) = find_mut(&mut item.sub_items, id) {
            return Some(found);
        }
    }
    None
}

/// One item as the walk of an agenda meets it.
#[derive(Debug)]
pub struct Walked<'a, T, G> {
    pub number: ItemNumber,
    pub item: &'a T,
    /// The ground that makes it exempt business: its own, or else that of the nearest
    /// item it sits under.
    pub ground: Option<&'a G>,
    /// The outermost item marked exempt that it is or sits under: the one whose title
    /// the public agenda shows for all of it.
    pub holder: Option<&'a T>,
}

impl<T, G> Walked<'_, T, G> {
    /// 1 for a top-level item, 2 for its sub-items…
    pub fn depth(&self) -> usize {
        self.number.0.len()
    }

    /// Part B business, itself or through an item it sits under.
    pub fn is_exempt(&self) -> bool {
        self.ground.is_some()
    }

    /// Sits under exempt business (its own mark aside): inside Part B, where not even a
    /// title is published.
    pub fn is_inside_exempt(&self) -> bool {
        self.holder.is_some_and(|h| !std::ptr::eq(h, self.item))
    }
}

/// Every item of a tree of items, depth first, with its number and Part B as inherited.
/// `sub` gives an item's sub-items and `own` its own ground; this walk is the one rule
/// for numbering and inherited exemption, for any shape an agenda is read into.
pub fn walk_tree<'a, T, G>(
    items: &'a [T],
    sub: impl Fn(&'a T) -> &'a [T],
    own: impl Fn(&'a T) -> Option<&'a G>,
) -> Vec<Walked<'a, T, G>> {
    struct Walk<S, O> {
        sub: S,
        own: O,
    }
    impl<S, O> Walk<S, O> {
        fn go<'a, T, G>(
            &self,
            items: &'a [T],
            parent: (Option<&'a G>, Option<&'a T>),
            prefix: &mut Vec<usize>,
            out: &mut Vec<Walked<'a, T, G>>,
        ) where
            S: Fn(&'a T) -> &'a [T],
            O: Fn(&'a T) -> Option<&'a G>,
        {
            for (i, item) in items.iter().enumerate() {
                prefix.push(i + 1);
                let own = (self.own)(item);
                let ground = own.or(parent.0);
                let holder = parent.1.or(own.map(|_| item));
                out.push(Walked {
                    number: ItemNumber(prefix.clone()),
                    item,
                    ground,
                    holder,
                });
                self.go((self.sub)(item), (ground, holder), prefix, out);
                prefix.pop();
            }
        }
    }
    let mut out = Vec::new();
    Walk { sub, own }.go(items, (None, None), &mut Vec::new(), &mut out);
    out
}

/// Every item of the agenda, depth first: its number, depth and Part B as inherited.
pub fn walk(items: &[AgendaItem]) -> Vec<Walked<'_, AgendaItem, Exemption>> {
    walk_tree(items, |i| &i.sub_items, |i| i.exempt.as_ref())
}

/// Item `id` as the walk meets it.
pub fn walked(items: &[AgendaItem], id: ItemId) -> Option<Walked<'_, AgendaItem, Exemption>> {
    walk(items).into_iter().find(|w| w.item.id == id)
}

/// The ids of exempt items and of everything under them: a sub-item of Part B
/// business is Part B business too.
pub fn exempt_ids(items: &[AgendaItem]) -> BTreeSet<ItemId> {
    walk(items)
        .into_iter()
        .filter(|w| w.is_exempt())
        .map(|w| w.item.id)
        .collect()
}

/// How many exempt items the agenda has, counted as the published agenda lists them by
/// title: each item marked exempt that does not sit inside other exempt business. An
/// exempt item's sub-items are part of that one item of Part B business (their titles
/// are never published), so a clerk does not count them apart from it.
pub fn exempt_item_count(items: &[AgendaItem]) -> usize {
    walk(items)
        .iter()
        .filter(|w| w.item.is_exempt() && !w.is_inside_exempt())
        .count()
}

/// The ground on which item `id` is exempt business, itself or through an item it
/// sits under; `None` for public business (or no such item).
pub fn exemption_of(items: &[AgendaItem], id: ItemId) -> Option<&Exemption> {
    walked(items, id).and_then(|w| w.ground)
}

/// Whether the item `id` is exempt business, itself or through an item it sits under.
pub fn is_exempt_business(items: &[AgendaItem], id: ItemId) -> bool {
    exemption_of(items, id).is_some()
}

pub fn number_of(items: &[AgendaItem], id: ItemId) -> Option<ItemNumber> {
    numbered(items)
        .into_iter()
        .find(|(_, i)| i.id == id)
        .map(|(n, _)| n)
}

/// The item shown as `number` ("4.2"), if there is one.
pub fn id_at_number(items: &[AgendaItem], number: &str) -> Option<ItemId> {
    let number = number.trim().trim_end_matches('.');
    numbered(items)
        .into_iter()
        .find(|(n, _)| n.to_string() == number)
        .map(|(_, i)| i.id)
}

/// The next unused id: derived from the items, so there is no counter to drift.
pub fn next_id(items: &[AgendaItem]) -> ItemId {
    ItemId(
        numbered(items)
            .iter()
            .map(|(_, i)| i.id.0)
            .max()
            .map_or(1, |m| m + 1),
    )
}

/// The sibling list holding `id`, and its index there.
fn siblings_of(items: &mut Vec<AgendaItem>, id: ItemId) -> Option<(&mut Vec<AgendaItem>, usize)> {
    if let Some(pos) = items.iter().position(|i| i.id == id) {
        return Some((items, pos));
    }
    for item in items.iter_mut() {
        if let Some(found) = siblings_of(&mut item.sub_items, id) {
            return Some(found);
        }
    }
    None
}

/// Moves an item one place up (`-1`) or down (`+1`) among its siblings.
/// Returns false, changing nothing, at either end.
pub fn move_item(items: &mut Vec<AgendaItem>, id: ItemId, up: bool) -> bool {
    let Some((list, pos)) = siblings_of(items, id) else {
        return false;
    };
    let target = if up {
        pos.checked_sub(1)
    } else {
        Some(pos + 1).filter(|t| *t < list.len())
    };
    match target {
        Some(t) => {
            list.swap(pos, t);
            true
        }
        None => false,
    }
}

/// Inserts `item` just after `after` among its siblings, or at the end of the agenda.
pub fn insert_after(items: &mut Vec<AgendaItem>, after: Option<ItemId>, item: AgendaItem) {
    match after.and_then(|a| siblings_of(items, a)) {
        Some((list, pos)) => list.insert(pos + 1, item),
        None => items.push(item),
    }
}

/// Adds `item` as the last sub-item of `parent`. Returns false if there is no such parent.
pub fn add_sub_item(items: &mut [AgendaItem], parent: ItemId, item: AgendaItem) -> bool {
    match find_mut(items, parent) {
        Some(p) => {
            p.sub_items.push(item);
            true
        }
        None => false,
    }
}

/// Removes an item (and its sub-items), returning it. Taken from under Part B
/// business, it keeps the ground, wherever it is put next.
pub fn remove(items: &mut Vec<AgendaItem>, id: ItemId) -> Option<AgendaItem> {
    let ground = exemption_of(items, id).cloned();
    let (list, pos) = siblings_of(items, id)?;
    let mut item = list.remove(pos);
    if item.exempt.is_none() {
        item.exempt = ground;
    }
    Some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agenda() -> Vec<AgendaItem> {
        let mut standing = AgendaItem::new(ItemId(3), "Standing items", ItemKind::Standing);
        standing.sub_items = vec![
            AgendaItem::new(ItemId(4), "IHA timeliness", ItemKind::Standing),
            AgendaItem::new(ItemId(5), "Unregulated placements", ItemKind::Standing),
        ];
        vec![
            AgendaItem::new(ItemId(1), "Welcome", ItemKind::Procedural),
            AgendaItem::new(ItemId(2), "Minutes", ItemKind::Procedural),
            standing,
            AgendaItem::new(ItemId(6), "AOB", ItemKind::Procedural),
        ]
    }

    fn numbers(items: &[AgendaItem]) -> Vec<String> {
        numbered(items)
            .iter()
            .map(|(n, i)| format!("{n} {}", i.title))
            .collect()
    }

    #[test]
    fn numbers_follow_position_including_sub_items() {
        assert_eq!(
            numbers(&agenda()),
            [
                "1 Welcome",
                "2 Minutes",
                "3 Standing items",
                "3.1 IHA timeliness",
                "3.2 Unregulated placements",
                "4 AOB"
            ]
        );
    }

    #[test]
    fn moving_renumbers_and_stops_at_the_ends() {
        let mut items = agenda();
        assert!(move_item(&mut items, ItemId(5), true));
        assert_eq!(number_of(&items, ItemId(5)).unwrap().to_string(), "3.1");
        assert_eq!(number_of(&items, ItemId(4)).unwrap().to_string(), "3.2");
        assert!(
            !move_item(&mut items, ItemId(5), true),
            "already first among its siblings"
        );
        assert!(move_item(&mut items, ItemId(1), false));
        assert_eq!(number_of(&items, ItemId(2)).unwrap().to_string(), "1");
        assert!(!move_item(&mut items, ItemId(6), false));
    }

    #[test]
    fn removing_renumbers_and_ids_stay_unique() {
        let mut items = agenda();
        let removed = remove(&mut items, ItemId(2)).unwrap();
        assert_eq!(removed.title, "Minutes");
        assert_eq!(number_of(&items, ItemId(4)).unwrap().to_string(), "2.1");
        assert_eq!(next_id(&items), ItemId(7));
        assert_eq!(next_id(&[]), ItemId(1));
    }

    #[test]
    fn inserting_after_and_as_a_sub_item_renumbers() {
        let mut items = agenda();
        insert_after(
            &mut items,
            Some(ItemId(4)),
            AgendaItem::new(ItemId(7), "Care leavers", ItemKind::Report),
        );
        assert_eq!(number_of(&items, ItemId(7)).unwrap().to_string(), "3.2");
        assert_eq!(number_of(&items, ItemId(5)).unwrap().to_string(), "3.3");
        assert!(add_sub_item(
            &mut items,
            ItemId(6),
            AgendaItem::new(ItemId(8), "Late paper", ItemKind::Information)
        ));
        assert_eq!(number_of(&items, ItemId(8)).unwrap().to_string(), "4.1");
        insert_after(
            &mut items,
            None,
            AgendaItem::new(ItemId(9), "Part B", ItemKind::Information),
        );
        assert_eq!(number_of(&items, ItemId(9)).unwrap().to_string(), "5");
    }

    #[test]
    fn sub_items_of_exempt_items_are_exempt_too() {
        let mut items = agenda();
        items[2].exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 2".into(),
        });
        let ids: Vec<u32> = exempt_ids(&items).iter().map(|i| i.0).collect();
        assert_eq!(ids, [3, 4, 5]);
        assert!(is_exempt_business(&items, ItemId(5)));
        assert!(!is_exempt_business(&items, ItemId(6)));
    }

    #[test]
    fn exempt_items_are_counted_as_the_published_agenda_lists_their_titles() {
        let ground = || {
            Some(Exemption {
                reason: "Schedule 12A, paragraph 2".into(),
            })
        };
        let mut items = agenda();
        // 3.1 marked under public 3: its title is listed, so it counts.
        items[2].sub_items[0].exempt = ground();
        assert_eq!(exempt_item_count(&items), 1);
        // 3 made Part B too: 3.1 is inside it, one title for all of it.
        items[2].exempt = ground();
        assert_eq!(exempt_item_count(&items), 1);
        items[3].exempt = ground();
        assert_eq!(exempt_item_count(&items), 2);
    }

    /// Whether item `id` sits under exempt business, as the walk says.
    fn is_inside_exempt_business(items: &[AgendaItem], id: ItemId) -> bool {
        walked(items, id).is_some_and(|w| w.is_inside_exempt())
    }

    #[test]
    fn an_item_taken_from_under_part_b_keeps_the_ground_it_inherited() {
        let mut items = agenda();
        items[2].exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 2".into(),
        });
        assert_eq!(
            exemption_of(&items, ItemId(4)).map(|e| e.reason.as_str()),
            Some("Schedule 12A, paragraph 2")
        );
        assert!(is_inside_exempt_business(&items, ItemId(4)));
        assert!(!is_inside_exempt_business(&items, ItemId(3)));
        let taken = remove(&mut items, ItemId(4)).unwrap();
        insert_after(&mut items, Some(ItemId(6)), taken);
        assert!(
            is_exempt_business(&items, ItemId(4)),
            "moved to the top level, still Part B"
        );
        assert!(!is_inside_exempt_business(&items, ItemId(4)));
    }

    #[test]
    fn principles_are_numbered_as_in_the_act() {
        assert_eq!(Principle::BestInterests.number(), 1);
        assert_eq!(Principle::PrepareForAdulthood.number(), 7);
    }
}
