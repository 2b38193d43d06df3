//! What text may enter the buffer: line endings normalised, tabs expanded to
//! spaces and other control characters dropped, whether typed, pasted or loaded.
//!
//! Keeping the buffer free of control characters is what lets every grapheme
//! have a well-defined width on screen.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::wrap::grapheme_width;

/// Columns between tab stops, for the Tab key and for tabs in pasted text.
pub const TAB_WIDTH: usize = 4;

/// Spaces that take a line whose text so far is `width` columns wide to the next tab stop.
pub(crate) fn tab_spaces(width: usize) -> usize {
    TAB_WIDTH - width % TAB_WIDTH
}

/// Normalises text for the buffer: CRLF and lone CR become LF, tabs become
/// spaces up to the next tab stop (counted from the start of each pasted line),
/// other control characters are dropped.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if out.contains('\t') {
        out = expand_tabs(&out);
    }
    Cow::Owned(out)
}

fn expand_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut col = 0;
        for g in line.graphemes(true) {
            if g == "\t" {
                let n = tab_spaces(col);
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            } else {
                out.push_str(g);
                col += grapheme_width(g);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(normalize("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(normalize("a\r\r\nb"), "a\n\nb");
    }

    #[test]
    fn tabs_align_to_stops_and_controls_vanish() {
        assert_eq!(normalize("Item\tCost\n\tx"), "Item    Cost\n    x");
        assert_eq!(normalize("ab\tc"), "ab  c");
        assert_eq!(normalize("中\tx"), "中  x");
        assert_eq!(normalize("bell\u{7}\u{1b}[31m!\u{85}"), "bell[31m!");
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(
            normalize("plain é 中 👩\u{200d}💻\n"),
            Cow::Borrowed(_)
        ));
    }
}
