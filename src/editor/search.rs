//! Ctrl-F find: case-insensitive (for ASCII letters) search forward and back,
//! wrapping round the minutes, and the matches on screen for highlighting.

use std::ops::Range;

use super::buffer::{Document, Pos};
use super::motion::is_boundary;

/// State of the find bar.
#[derive(Debug, Default)]
pub(crate) struct Search {
    pub active: bool,
    pub query: String,
    /// The match the cursor is on, highlighted apart from the others.
    pub current: Option<(Pos, Pos)>,
    /// The query was not found anywhere.
    pub failed: bool,
}

/// Byte ranges of the matches of `query` in one line (overlapping ones too),
/// whole graphemes only
/// (an `e` does not match the first half of `e` + combining accent).
pub(crate) fn matches_in_line(text: &str, query: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = find_from(text, query, from) {
        out.push(start..start + query.len());
        // Overlapping matches count, as they do for find-next.
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn find_from(text: &str, query: &str, from: usize) -> Option<usize> {
    if query.is_empty() || text.len() < query.len() {
        return None;
    }
    let (hay, needle) = (text.as_bytes(), query.as_bytes());
    let first = needle[0];
    (from..=hay.len() - needle.len()).find(|&i| {
        hay[i].eq_ignore_ascii_case(&first)
            && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
            && is_boundary(text, i)
            && is_boundary(text, i + needle.len())
    })
}

/// First match starting at or after `from`, wrapping round to the top.
pub(crate) fn find_forward(doc: &Document, from: Pos, query: &str) -> Option<(Pos, Pos)> {
    if query.is_empty() || query.contains('\n') {
        return None;
    }
    let lines = doc.line_count();
    for step in 0..=lines {
        let line = (from.line + step) % lines;
        let start = if step == 0 { from.byte } else { 0 };
        if let Some(s) = find_from(doc.line_text(line), query, start) {
            if step == lines && s >= from.byte {
                break; // back where we began: already searched
            }
            return Some((Pos::new(line, s), Pos::new(line, s + query.len())));
        }
    }
    None
}

/// Last match starting before `before`, wrapping round to the bottom.
pub(crate) fn find_backward(doc: &Document, before: Pos, query: &str) -> Option<(Pos, Pos)> {
    if query.is_empty() || query.contains('\n') {
        return None;
    }
    let lines = doc.line_count();
    for step in 0..=lines {
        let line = (before.line + lines - step % lines) % lines;
        let text = doc.line_text(line);
        let found = matches_in_line(text, query).into_iter().rfind(|r| {
            (step > 0 || r.start < before.byte) && (step < lines || r.start >= before.byte)
        });
        if let Some(r) = found {
            return Some((Pos::new(line, r.start), Pos::new(line, r.end)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_and_wraps_round() {
        let doc = Document::from_text("Action: chair\nno match\nthe CHAIR agreed");
        let first = find_forward(&doc, Pos::default(), "chair").unwrap();
        assert_eq!(first, (Pos::new(0, 8), Pos::new(0, 13)));
        let second = find_forward(&doc, Pos::new(0, 9), "chair").unwrap();
        assert_eq!(second.0, Pos::new(2, 4));
        let wrapped = find_forward(&doc, Pos::new(2, 5), "chair").unwrap();
        assert_eq!(wrapped, first);
        assert_eq!(
            find_backward(&doc, Pos::new(0, 8), "chair").unwrap(),
            second
        );
        assert_eq!(find_backward(&doc, Pos::new(2, 4), "chair").unwrap(), first);
        assert_eq!(find_forward(&doc, Pos::default(), "absent"), None);
    }

    #[test]
    fn a_lone_match_is_found_from_itself_in_both_directions() {
        let doc = Document::from_text("one vote");
        let m = Some((Pos::new(0, 4), Pos::new(0, 8)));
        assert_eq!(find_forward(&doc, Pos::new(0, 5), "vote"), m);
        assert_eq!(find_backward(&doc, Pos::new(0, 4), "vote"), m);
    }

    #[test]
    fn matches_never_split_a_grapheme() {
        assert_eq!(matches_in_line("cafe\u{301} cafe", "cafe"), vec![7..11]);
        // Overlapping matches, so find-previous stops where find-next did.
        assert_eq!(matches_in_line("bbba", "bb"), vec![0..2, 1..3]);
    }

    mod prop {
        use proptest::prelude::*;
        use unicode_segmentation::UnicodeSegmentation;

        use super::super::*;

        const PIECES: &[&str] = &["a", "A", "b", " ", "\n", "é", "e\u{301}", "中"];

        /// Every match in reading order, found the slow way.
        fn all_matches(text: &str, query: &str) -> Vec<(Pos, Pos)> {
            let mut out = vec![];
            for (line, l) in text.split('\n').enumerate() {
                let bounds: Vec<usize> = l
                    .grapheme_indices(true)
                    .map(|(i, _)| i)
                    .chain([l.len()])
                    .collect();
                for &s in &bounds {
                    let e = s + query.len();
                    if bounds.contains(&e) && l[s..e].eq_ignore_ascii_case(query) {
                        out.push((Pos::new(line, s), Pos::new(line, e)));
                    }
                }
            }
            out
        }

        proptest! {
            #[test]
            fn find_agrees_with_a_slow_scan(
                pieces in prop::collection::vec(prop::sample::select(PIECES), 0..30),
                query in prop::collection::vec(prop::sample::select(&PIECES[..4]), 1..3),
                from in any::<usize>(),
            ) {
                let text = pieces.concat();
                let query = query.concat();
                let doc = Document::from_text(&text);
                let all = all_matches(&text, &query);
                let from = doc.pos_of(from % (doc.char_len() + 1)).unwrap();
                let next = all.iter().find(|m| m.0 >= from).or(all.first()).copied();
                prop_assert_eq!(find_forward(&doc, from, &query), next);
                let prev = all.iter().rev().find(|m| m.0 < from).or(all.last()).copied();
                prop_assert_eq!(find_backward(&doc, from, &query), prev);
            }
        }
    }
}
