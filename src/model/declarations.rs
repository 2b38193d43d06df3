//! Declarations of interest: a member's interest in an item, of one of the three kinds the
//! members' code of conduct names, and whether they left the room while it was taken.

use serde::{Deserialize, Serialize};

use super::ids::ItemId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InterestKind {
    DisclosablePecuniary,
    OtherRegistrable,
    NonRegistrable,
}

impl InterestKind {
    pub const ALL: [InterestKind; 3] = [
        InterestKind::DisclosablePecuniary,
        InterestKind::OtherRegistrable,
        InterestKind::NonRegistrable,
    ];

    /// "a disclosable pecuniary interest", as minutes say it.
    pub fn words(self) -> &'static str {
        match self {
            InterestKind::DisclosablePecuniary => "a disclosable pecuniary interest",
            InterestKind::OtherRegistrable => "an other registrable interest",
            InterestKind::NonRegistrable => "a non-registrable interest",
        }
    }
}

/// One member's declaration for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declaration {
    /// The member's name as in the attendance.
    pub member: String,
    /// The item the interest is in.
    pub item: ItemId,
    pub kind: InterestKind,
    /// What the interest is ("her daughter is a foster carer for the council").
    pub nature: String,
    /// The member left the room while the item was taken (and so took no part in any vote).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub left_room: bool,
}

/// The declarations made for `item`.
pub fn for_item(all: &[Declaration], item: ItemId) -> impl Iterator<Item = &Declaration> {
    all.iter().filter(move |d| d.item == item)
}
