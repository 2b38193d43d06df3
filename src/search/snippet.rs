//! A snippet of a matched text: a short window around the matches, on whole words, with
//! line breaks flattened, "…" where it was cut, and the matched words' byte ranges.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// About how many characters a snippet holds (a little more with its "…" marks).
pub const SNIPPET_CHARS: usize = 140;
/// How many characters of context come before the first match, where the text allows.
const LEAD_CHARS: usize = 40;
const ELLIPSIS: &str = "…";

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges into `text` of every matched word, in order, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The snippet of `original` around `matches` (byte ranges into it, on character
    /// boundaries), fitting about `SNIPPET_CHARS` characters.
    pub fn around(original: &str, matches: &[Range<usize>]) -> Snippet {
        let mut matches: Vec<Range<usize>> = matches
            .iter()
            .filter(|r| r.start < r.end && r.end <= original.len())
            .cloned()
            .collect();
        matches.sort_by_key(|r| (r.start, r.end));
        let anchor = best_anchor(original, &matches);
        let (start, end) = window(original, anchor);
        build(original, start, end, &matches)
    }

    /// The text in pieces, each saying whether it is highlighted: what a UI draws.
    pub fn pieces(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut at = 0;
        for r in &self.highlights {
            if r.start > at {
                out.push((&self.text[at..r.start], false));
            }
            out.push((&self.text[r.clone()], true));
            at = r.end;
        }
        if at < self.text.len() {
            out.push((&self.text[at..], false));
        }
        out
    }

    /// The text with each highlight wrapped in `open` and `close`, for plain output.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8 * self.highlights.len());
        for (piece, lit) in self.pieces() {
            if lit {
                out.push_str(open);
                out.push_str(piece);
                out.push_str(close);
            } else {
                out.push_str(piece);
            }
        }
        out
    }
}

/// The match to centre on: the first of the densest cluster of matches (most matches
/// starting within one snippet's width), so several query words show together.
fn best_anchor(original: &str, matches: &[Range<usize>]) -> Option<Range<usize>> {
    let mut best: Option<(usize, &Range<usize>)> = None;
    for (i, m) in matches.iter().enumerate().take(64) {
        let reach = byte_after_chars(original, m.start, SNIPPET_CHARS - LEAD_CHARS);
        let distinct = {
            let mut words: Vec<&str> = matches[i..]
                .iter()
                .take_while(|n| n.end <= reach)
                .map(|n| &original[n.clone()])
                .collect();
            words.sort_unstable();
            words.dedup();
            words.len()
        };
        if best.is_none_or(|(n, _)| distinct > n) {
            best = Some((distinct, m));
        }
    }
    best.map(|(_, m)| m.clone())
}

/// The byte offset `n` characters after `from` (or the end).
fn byte_after_chars(s: &str, from: usize, n: usize) -> usize {
    s[from..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| from + i)
}

/// The byte offset `n` characters before `from` (or the start).
fn byte_before_chars(s: &str, from: usize, n: usize) -> usize {
    if n == 0 {
        return from;
    }
    s[..from]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// The window `[start, end)` of `original` to show: on word boundaries, with some context
/// before the anchor, and shifted back when the text ends before the window is full.
fn window(original: &str, anchor: Option<Range<usize>>) -> (usize, usize) {
    let anchor = anchor.unwrap_or(0..0);
    let mut start = byte_before_chars(original, anchor.start, LEAD_CHARS);
    let mut end = byte_after_chars(original, start, SNIPPET_CHARS);
    if end == original.len() {
        start = byte_before_chars(original, end, SNIPPET_CHARS).min(start);
    }
    // Whole words: a cut start moves forward past the partial word, a cut end back
    // before it, but never into the anchor.
    if start > 0 && !is_space_before(original, start) {
        if let Some(ws) = original[start..anchor.start].find(char::is_whitespace) {
            start += ws;
        } else if start < anchor.start {
            start = anchor.start;
        }
    }
    if end < original.len() && !original[end..].starts_with(char::is_whitespace) {
        let keep_to = anchor.end.max(start);
        if keep_to >= end {
            end = keep_to;
        } else if let Some(ws) = original[keep_to..end].rfind(char::is_whitespace) {
            end = keep_to + ws;
        }
        // else one word longer than the window (a pasted link): cut inside it.
    }
    (start, end)
}

fn is_space_before(s: &str, at: usize) -> bool {
    s[..at].chars().next_back().is_some_and(char::is_whitespace)
}

/// Builds the snippet from `original[start..end]`: whitespace runs become one space,
/// "…" marks a cut at either end, and matches inside the window are carried over.
fn build(original: &str, start: usize, end: usize, matches: &[Range<usize>]) -> Snippet {
    let slice = &original[start..end];
    let mut text = String::with_capacity(slice.len() + 8);
    let lead = slice.len() - slice.trim_start().len();
    let cut_front = original[..start + lead].chars().any(|c| !c.is_whitespace());
    if cut_front {
        text.push_str(ELLIPSIS);
    }
    // pos[i] is where original byte start+i lands in `text`.
    let mut pos = vec![0usize; slice.len() + 1];
    let mut in_space = false;
    for (i, c) in slice.char_indices() {
        let here = text.len();
        pos[i..i + c.len_utf8()].fill(here);
        if i < lead {
            continue;
        }
        if c.is_whitespace() {
            if !in_space {
                text.push(' ');
            }
            in_space = true;
        } else {
            text.push(c);
            in_space = false;
        }
    }
    if in_space {
        text.pop();
    }
    pos[slice.len()] = text.len();
    let body_end = text.len();
    if original[end..].chars().any(|c| !c.is_whitespace()) {
        text.push_str(ELLIPSIS);
    }
    let mut highlights: Vec<Range<usize>> = Vec::new();
    for m in matches {
        if m.start < start || m.end > end {
            continue;
        }
        let r = pos[m.start - start]..pos[m.end - start].min(body_end);
        if r.start >= r.end {
            continue;
        }
        match highlights.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => highlights.push(r),
        }
    }
    Snippet { text, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges_of(text: &str, word: &str) -> Vec<Range<usize>> {
        text.match_indices(word)
            .map(|(i, w)| i..i + w.len())
            .collect()
    }

    fn lit(s: &Snippet) -> Vec<&str> {
        s.highlights.iter().map(|r| &s.text[r.clone()]).collect()
    }

    #[test]
    fn a_short_text_is_shown_whole_and_flattened() {
        let text = "Apologies were received\nfrom   the Chair.";
        let s = Snippet::around(text, &ranges_of(text, "Chair"));
        assert_eq!(s.text, "Apologies were received from the Chair.");
        assert_eq!(lit(&s), ["Chair"]);
        assert_eq!(
            s.marked("[", "]"),
            "Apologies were received from the [Chair]."
        );
    }

    #[test]
    fn a_long_text_is_cut_on_words_with_ellipses() {
        let words: Vec<String> = (0..200).map(|i| format!("word{i}")).collect();
        let text = words.join(" ");
        let s = Snippet::around(&text, &ranges_of(&text, "word100 "));
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        let body = s.text.trim_matches('…');
        assert!(body.split(' ').all(|w| w.starts_with("word")), "{body}");
        let chars = s.text.chars().count();
        assert!((100..=SNIPPET_CHARS + 2).contains(&chars), "{chars}");
        assert_eq!(lit(&s), ["word100 "]);
        let before = &s.text[..s.highlights[0].start];
        assert!(before.chars().count() <= LEAD_CHARS + 1, "{before}");
    }

    #[test]
    fn a_match_near_the_end_shows_more_before_it() {
        let words: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let text = words.join(" ");
        let s = Snippet::around(&text, &ranges_of(&text, "w99"));
        assert!(
            s.text.starts_with('…') && s.text.ends_with("w99"),
            "{}",
            s.text
        );
        assert!(s.text.chars().count() > 100);
    }

    #[test]
    fn highlights_point_at_multibyte_text_after_flattening() {
        let text = "Le  café\n\nde Łódź   est   fermé.";
        let mut m = ranges_of(text, "café");
        m.extend(ranges_of(text, "Łódź"));
        let s = Snippet::around(text, &m);
        assert_eq!(s.text, "Le café de Łódź est fermé.");
        assert_eq!(lit(&s), ["café", "Łódź"]);
        assert_eq!(
            s.pieces(),
            [
                ("Le ", false),
                ("café", true),
                (" de ", false),
                ("Łódź", true),
                (" est fermé.", false)
            ]
        );
    }

    #[test]
    fn the_densest_cluster_is_preferred() {
        let filler = "lorem ipsum ".repeat(40);
        let text = format!("alpha {filler} alpha beta gamma {filler}");
        let mut m = ranges_of(&text, "alpha");
        m.extend(ranges_of(&text, "beta"));
        let s = Snippet::around(&text, &m);
        assert_eq!(lit(&s), ["alpha", "beta"], "{}", s.text);
    }

    #[test]
    fn overlapping_matches_merge() {
        let text = "care leavers and care";
        let mut m = ranges_of(text, "care leavers");
        m.extend(ranges_of(text, "care"));
        let s = Snippet::around(text, &m);
        assert_eq!(lit(&s), ["care leavers", "care"]);
    }

    #[test]
    fn no_matches_gives_the_start() {
        let s = Snippet::around("Short text.", &[]);
        assert_eq!(s.text, "Short text.");
        assert!(s.highlights.is_empty());
    }
}
