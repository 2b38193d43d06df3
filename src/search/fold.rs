//! Folding text for search: lower case, accents dropped, compatibility forms (ligatures,
//! full-width letters) decomposed, and the letters Unicode does not decompose spelled out,
//! so "ofsted" finds "OFSTED", "cafe" finds "CAFÉ", "lodz" finds "Łódź" and "strasse" finds
//! "Straße". Pure: no I/O.
//!
//! ASCII text (the bulk of any minutes) takes a fast path: it is copied and lower-cased a
//! run at a time. [`Folded`] also keeps, for every folded byte, the byte of the original
//! it came from, so a match found in folded text highlights the original.

use std::ops::Range;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// `s` folded for matching.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends `s`, folded, to `out` (which is not cleared, so a buffer can be reused).
pub fn fold_into(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = i + ascii_run(&bytes[i..]);
        if run > i {
            let start = out.len();
            out.push_str(&s[i..run]);
            out[start..].make_ascii_lowercase();
            i = run;
        }
        if let Some(c) = s[i..].chars().next() {
            fold_char(c, |piece| out.push_str(piece));
            i += c.len_utf8();
        }
    }
}

/// Folded text that remembers where each of its bytes came from in the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    text: String,
    /// `map[i]` is the byte offset in the original of the character that produced
    /// folded byte `i`; `map[text.len()]` is the original's length.
    map: Vec<usize>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut f = Folded::default();
        f.refold(original);
        f
    }

    /// Folds `original` into this buffer, replacing what it held (keeping its capacity).
    pub fn refold(&mut self, original: &str) {
        self.text.clear();
        self.map.clear();
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let run = i + ascii_run(&bytes[i..]);
            if run > i {
                let start = self.text.len();
                self.text.push_str(&original[i..run]);
                self.text[start..].make_ascii_lowercase();
                self.map.extend(i..run);
                i = run;
            }
            if let Some(c) = original[i..].chars().next() {
                let (text, map) = (&mut self.text, &mut self.map);
                fold_char(c, |piece| {
                    text.push_str(piece);
                    map.extend(std::iter::repeat_n(i, piece.len()));
                });
                i += c.len_utf8();
            }
        }
        self.map.push(original.len());
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte range of `original` (the text this was folded from) that produced the
    /// folded bytes `folded`. It covers whole characters: a match of "s" in the "ss" of
    /// "ß" highlights the "ß", and a decomposed accent after a matched letter is kept.
    pub fn original_range(&self, original: &str, folded: Range<usize>) -> Range<usize> {
        let start = self.map[folded.start.min(self.text.len())];
        if folded.end <= folded.start {
            return start..start;
        }
        let last = self.map[(folded.end - 1).min(self.text.len())];
        let mut end = last + original[last..].chars().next().map_or(0, |c| c.len_utf8());
        // Combining marks after the match dropped out of the folded text; keep them with
        // the letter they sit on, so a highlight never splits a character as people see it.
        for c in original[end..].chars() {
            if !is_combining_mark(c) {
                break;
            }
            end += c.len_utf8();
        }
        start..end
    }
}

/// How many bytes at the start of `b` are ASCII, eight at a time.
fn ascii_run(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if word & HIGH != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii() {
        i += 1;
    }
    i
}

/// Folds one non-ASCII character, handing its folded pieces to `emit`.
fn fold_char(c: char, mut emit: impl FnMut(&str)) {
    if let Some(s) = spelled_out(c) {
        emit(s);
        return;
    }
    if c.is_whitespace() {
        emit(" ");
        return;
    }
    let mut buf = [0u8; 4];
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        if d.is_ascii() {
            emit(d.to_ascii_lowercase().encode_utf8(&mut buf));
            return;
        }
        if let Some(s) = spelled_out(d) {
            emit(s);
            return;
        }
        for l in d.to_lowercase() {
            if is_combining_mark(l) {
                continue;
            }
            match spelled_out(l) {
                Some(s) => emit(s),
                None => emit(l.encode_utf8(&mut buf)),
            }
        }
    });
}

/// Letters that canonical or compatibility decomposition leaves alone, as a reader of
/// English would type them; and typographic quotes and dashes (pasted from word
/// processors) as the keyboard's.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' | 'ǽ' | 'Ǽ' | 'ǣ' | 'Ǣ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' | 'ǿ' | 'Ǿ' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        'ŧ' | 'Ŧ' => "t",
        'ĸ' => "k",
        'ŋ' | 'Ŋ' => "ng",
        'ƒ' => "f",
        'ǥ' | 'Ǥ' => "g",
        'ɨ' | 'Ɨ' => "i",
        'ʉ' | 'Ʉ' => "u",
        'ƀ' | 'Ƀ' => "b",
        'ς' => "σ",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents_fold_away() {
        assert_eq!(fold("OFSTED Ofsted"), "ofsted ofsted");
        assert_eq!(fold("café CAFÉ"), "cafe cafe");
        assert_eq!(fold("naïve Zoë"), "naive zoe");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Ærøskøbing"), "aeroskobing");
        assert_eq!(fold("crème brûlée"), "creme brulee");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Đorđe Þór"), "dorde thor");
    }

    #[test]
    fn sharp_s_and_ligatures_are_spelled_out() {
        assert_eq!(fold("Straße STRAẞE"), "strasse strasse");
        assert_eq!(fold("œuvre Œdipus"), "oeuvre oedipus");
        assert_eq!(fold("ﬁnance ﬂat"), "finance flat");
        assert_eq!(fold("ĳssel"), "ijssel");
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        assert_eq!(fold("cafe\u{301}"), fold("café"));
        assert_eq!(fold("Zoe\u{308}"), "zoe");
    }

    #[test]
    fn typographic_punctuation_and_spaces_fold_to_the_keyboards() {
        assert_eq!(
            fold("Council’s “pledge” – 2026"),
            "council's \"pledge\" - 2026"
        );
        assert_eq!(fold("care\u{a0}leavers"), "care leavers");
        assert_eq!(fold("ＡＢＣ"), "abc");
    }

    #[test]
    fn other_scripts_are_lower_cased_and_kept() {
        assert_eq!(fold("ΟΔΥΣΣΕΎΣ"), "οδυσσευσ");
        assert_eq!(fold("Москва"), "москва");
        assert_eq!(fold("東京"), "東京");
    }

    #[test]
    fn fold_into_appends_and_matches_fold() {
        let mut buf = String::from("x|");
        fold_into("Crème ÉCLAIR and more ASCII text after it", &mut buf);
        assert_eq!(buf, "x|creme eclair and more ascii text after it");
    }

    #[test]
    fn folded_offsets_map_back_to_the_original() {
        let original = "Visit to Łódź CAFÉ, Straße 5";
        let f = Folded::new(original);
        assert_eq!(f.text(), "visit to lodz cafe, strasse 5");
        let find = |w: &str| {
            let s = f.text().find(w).unwrap();
            &original[f.original_range(original, s..s + w.len())]
        };
        assert_eq!(find("lodz"), "Łódź");
        assert_eq!(find("cafe"), "CAFÉ");
        assert_eq!(find("strasse"), "Straße");
        assert_eq!(
            find("stras"),
            "Straß",
            "a match ending inside ß covers the ß"
        );
        assert_eq!(find("visit"), "Visit");
        assert_eq!(find("5"), "5");
    }

    #[test]
    fn a_match_keeps_the_combining_marks_of_its_last_letter() {
        let original = "the cafe\u{301} opened";
        let f = Folded::new(original);
        let s = f.text().find("cafe").unwrap();
        assert_eq!(
            &original[f.original_range(original, s..s + 4)],
            "cafe\u{301}"
        );
    }

    #[test]
    fn every_folded_byte_maps_to_a_character_boundary() {
        let original = "ﬁ Œ ß Ł é\u{301} 東 ’ x";
        let f = Folded::new(original);
        for start in 0..f.text().len() {
            for end in start + 1..=f.text().len() {
                let r = f.original_range(original, start..end);
                assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end));
                assert!(r.start < r.end);
            }
        }
    }

    mod prop {
        use proptest::prelude::*;

        use super::super::*;

        const PIECES: &[&str] = &[
            "a", "B", " ", "\n", "é", "e\u{301}", "ß", "Ł", "ﬁ", "東", "’", "İ", "12345678",
        ];

        proptest! {
            #[test]
            fn mapped_folding_agrees_and_every_piece_maps_back_to_itself(
                pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40),
            ) {
                let original = pieces.concat();
                let folded = Folded::new(&original);
                prop_assert_eq!(folded.text(), fold(&original));
                // Each piece, folded, is found where it was, and maps back to exactly it
                // (a lone combining mark has nothing to find).
                let mut at = 0;
                let mut at_folded = 0;
                for p in &pieces {
                    let f = fold(p);
                    if !f.is_empty() && !p.starts_with(is_combining_mark) {
                        prop_assert_eq!(&folded.text()[at_folded..at_folded + f.len()], f.as_str());
                        let r = folded.original_range(&original, at_folded..at_folded + f.len());
                        prop_assert_eq!(r.start, at);
                        prop_assert!(original[r.clone()].starts_with(p), "{:?} in {:?}", p, original);
                    }
                    at += p.len();
                    at_folded += f.len();
                }
                prop_assert_eq!(at_folded, folded.text().len());
            }
        }
    }

    #[test]
    fn ascii_runs_are_found_across_word_boundaries() {
        assert_eq!(ascii_run(b"abcdefghijklmnop"), 16);
        assert_eq!(ascii_run("abcdefghé".as_bytes()), 8);
        assert_eq!(ascii_run("abcé".as_bytes()), 3);
        assert_eq!(ascii_run("é".as_bytes()), 0);
        assert_eq!(ascii_run(b""), 0);
    }
}
