//! The resolution excluding the press and public before exempt ("Part B") business: where
//! it falls in the minutes and which paragraphs of Schedule 12A it cites. It is the same in
//! the public and the full record: the public may know that they were excluded, and why.

use super::agenda::{self, Exemption};
use super::ids::ItemId;
use super::meeting::Meeting;
use super::minute_numbers::MinuteRef;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    /// Its own minute's reference, once the draft has been numbered.
    pub minute: Option<MinuteRef>,
    /// The first item of exempt business, before which the minute falls.
    pub before: ItemId,
    /// Every exempt item it covers (the outermost marked exempt, in agenda order).
    pub items: Vec<ItemId>,
    /// The Schedule 12A paragraphs their grounds cite, in order, once each.
    pub paragraphs: Vec<u8>,
}

/// The exclusion `m`'s minutes carry, or None where it has no exempt business.
pub fn of(m: &Meeting) -> Option<Exclusion> {
    let exempt: Vec<(ItemId, &Exemption)> = agenda::walk(&m.agenda)
        .into_iter()
        .filter(|w| w.is_exempt() && !w.is_inside_exempt())
        .filter_map(|w| Some((w.item.id, w.item.exempt.as_ref()?)))
        .collect();
    let before = exempt.first()?.0;
    let mut paragraphs: Vec<u8> = exempt.iter().flat_map(|(_, e)| e.paragraphs()).collect();
    paragraphs.sort_unstable();
    paragraphs.dedup();
    Some(Exclusion {
        minute: m.exclusion_minute.clone(),
        before,
        items: exempt.iter().map(|(id, _)| *id).collect(),
        paragraphs,
    })
}

/// The resolution's words, citing `paragraphs` for `items` exempt items.
pub fn resolution(paragraphs: &[u8], items: usize) -> String {
    let business = if items == 1 {
        "the following item of business on the grounds that it involves"
    } else {
        "the following items of business on the grounds that they involve"
    };
    let cited = match paragraphs {
        [] => "exempt information as defined in Part 1 of Schedule 12A to the Act".to_string(),
        [one] => format!(
            "exempt information as defined in paragraph {one} of Part 1 of Schedule 12A to the Act"
        ),
        [rest @ .., last] => format!(
            "exempt information as defined in paragraphs {} and {last} of Part 1 of \
             Schedule 12A to the Act",
            rest.iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!(
        "That under section 100A(4) of the Local Government Act 1972 the press and public be \
         excluded from the meeting for {business} the likely disclosure of {cited}."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resolution_cites_each_paragraph_once() {
        assert_eq!(
            resolution(&[2], 1),
            "That under section 100A(4) of the Local Government Act 1972 the press and public \
             be excluded from the meeting for the following item of business on the grounds \
             that it involves the likely disclosure of exempt information as defined in \
             paragraph 2 of Part 1 of Schedule 12A to the Act."
        );
        assert!(resolution(&[1, 2, 3], 2).contains("paragraphs 1, 2 and 3 of Part 1"));
    }

    #[test]
    fn a_ground_names_its_paragraphs_however_the_clerk_wrote_them() {
        let e = |r: &str| {
            Exemption {
                reason: r.to_string(),
            }
            .paragraphs()
        };
        assert_eq!(
            e(
                "Local Government Act 1972, Schedule 12A, paragraph 2: information likely to reveal the identity of an individual"
            ),
            [2]
        );
        assert_eq!(e("Schedule 12A, paragraphs 1 and 2"), [1, 2]);
        assert_eq!(e("paras 3, 1 & 3."), [1, 3]);
        assert_eq!(e("Sch 12A para. 7"), [7]);
        assert_eq!(e("confidential"), Vec::<u8>::new());
        assert_eq!(
            e("paragraph 9"),
            Vec::<u8>::new(),
            "there are seven paragraphs"
        );
    }
}
