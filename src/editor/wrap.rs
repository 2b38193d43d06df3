//! Soft word wrap of one logical line, cached per line and per width.
//!
//! Only the line an edit touches is re-wrapped, and then only from two rows
//! before the edit until the rows line up again with the old ones, so typing
//! into a long pasted report costs a few rows of work, not the whole paragraph.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns a grapheme takes. Zero-width graphemes (a lone combining mark) get a
/// column so the cursor can sit beside them; nothing takes more than two.
pub(crate) fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        1
    } else {
        g.width().clamp(1, 2)
    }
}

/// Display width of a run of text.
pub(crate) fn text_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// Wraps `text` from the row that starts at byte `from`, reporting the byte
/// offset of each following row start to `row_start` until it returns `false`.
///
/// Rules: rows break after a run of spaces when the next word does not fit; a
/// word wider than the row breaks between graphemes; one space may hang past
/// the edge so that no row starts with the space that separated two words.
fn wrap_from(text: &str, from: usize, width: usize, mut row_start: impl FnMut(usize) -> bool) {
    let mut col = 0usize;
    // Byte after the last space run in this row, and the column there.
    let mut brk: Option<(usize, usize)> = None;
    let mut prev_space = false;
    for (i, g) in text[from..].grapheme_indices(true) {
        let i = i + from;
        let w = grapheme_width(g);
        if g == " " {
            if col + w > width && prev_space {
                if !row_start(i) {
                    return;
                }
                col = 0;
            }
            col += w;
            brk = Some((i + 1, col));
            prev_space = true;
            continue;
        }
        prev_space = false;
        if col + w > width && col > 0 {
            if let Some((b, bcol)) = brk.take() {
                if !row_start(b) {
                    return;
                }
                col -= bcol;
            }
            if col + w > width && col > 0 {
                if !row_start(i) {
                    return;
                }
                col = 0;
            }
        }
        col += w;
    }
}

/// A whole line as the rows it takes at `width`, by the editor's rules (each row keeps
/// the spaces it ends with).
pub(crate) fn rows(text: &str, width: usize) -> impl Iterator<Item = &str> {
    let mut from = 0;
    wrap_line(text, width)
        .into_iter()
        .map(|b| b as usize)
        .chain([text.len()])
        .map(move |to| {
            let row = &text[from..to];
            from = to;
            row
        })
}

/// Row starts of a whole line (the first row, at 0, is implied).
pub(crate) fn wrap_line(text: &str, width: usize) -> Vec<u32> {
    let mut starts = Vec::new();
    wrap_from(text, 0, width.max(1), |b| {
        starts.push(b as u32);
        true
    });
    starts
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Pending {
    #[default]
    Nothing,
    /// One in-line edit since the last wrap: bytes removed and inserted at `at`.
    Edit {
        at: usize,
        removed: usize,
        inserted: usize,
    },
    All,
}

/// Row starts of one line for the width it was last wrapped at.
#[derive(Debug, Default)]
pub(crate) struct WrapCache {
    /// 0 when nothing is cached.
    width: usize,
    starts: Vec<u32>,
    pending: Pending,
}

impl WrapCache {
    pub fn invalidate(&mut self) {
        self.width = 0;
        self.starts = Vec::new();
        self.pending = Pending::Nothing;
    }

    /// The width wrapped for, if anything is cached.
    pub fn cached_width(&self) -> Option<usize> {
        (self.width > 0).then_some(self.width)
    }

    /// The cached row starts, if they are current for `width`: what drawing reads.
    pub fn current(&self, width: usize) -> Option<&[u32]> {
        (self.width == width.max(1) && self.pending == Pending::Nothing).then_some(&self.starts)
    }

    /// Records an in-line edit so the next wrap can be partial.
    pub fn edited(&mut self, at: usize, removed: usize, inserted: usize) {
        if self.width == 0 {
            return;
        }
        self.pending = match self.pending {
            Pending::Nothing => Pending::Edit {
                at,
                removed,
                inserted,
            },
            _ => Pending::All,
        };
    }

    /// Row starts for `width`, re-wrapping only what changed.
    pub fn rows(&mut self, text: &str, width: usize) -> &[u32] {
        let width = width.max(1);
        match self.pending {
            Pending::Nothing if self.width == width => {}
            Pending::Edit {
                at,
                removed,
                inserted,
            } if self.width == width => self.rewrap_edit(text, at, removed, inserted),
            _ => {
                self.starts = wrap_line(text, width);
                self.width = width;
            }
        }
        self.pending = Pending::Nothing;
        &self.starts
    }

    fn rewrap_edit(&mut self, text: &str, at: usize, removed: usize, inserted: usize) {
        // A row's end depends on the text up to the first grapheme that overflows
        // it, which can lie up to two rows further on: restart two rows back.
        let row = self.starts.partition_point(|&s| s as usize <= at);
        let restart = row.saturating_sub(2);
        let from = if restart == 0 {
            0
        } else {
            self.starts[restart - 1] as usize
        };
        let old_tail = self.starts.split_off(restart);
        let starts = &mut self.starts;
        let (edit_end_new, edit_end_old) = (at + inserted, at + removed);
        let mut resumed: Option<(usize, usize)> = None;
        wrap_from(text, from, self.width, |p| {
            if p >= edit_end_new {
                // From a row start past the edit the old rows hold, shifted.
                let old = p - inserted + removed;
                if old >= edit_end_old
                    && let Ok(m) = old_tail.binary_search(&(old as u32))
                {
                    resumed = Some((m, p));
                    return false;
                }
            }
            starts.push(p as u32);
            true
        });
        if let Some((m, _)) = resumed {
            starts.extend(
                old_tail[m..]
                    .iter()
                    .map(|&s| (s as usize + inserted - removed) as u32),
            );
        }
    }
}

/// Index of the row that shows `byte`; a byte at a row break belongs to the
/// row it starts.
pub(crate) fn row_of(starts: &[u32], byte: usize) -> usize {
    starts.partition_point(|&s| s as usize <= byte)
}

/// Byte range of a row.
pub(crate) fn row_bounds(starts: &[u32], row: usize, line_len: usize) -> (usize, usize) {
    let start = if row == 0 {
        0
    } else {
        starts[row - 1] as usize
    };
    let end = starts.get(row).map_or(line_len, |&s| s as usize);
    (start, end)
}

/// The byte in a row nearest to column `x` without passing it. On a row that
/// continues below, the row end belongs to the next row, so the last grapheme's
/// start is as far as it goes.
pub(crate) fn byte_at_x(text: &str, start: usize, end: usize, last_row: bool, x: usize) -> usize {
    let mut col = 0;
    let mut last_start = start;
    for (i, g) in text[start..end].grapheme_indices(true) {
        let w = grapheme_width(g);
        if col + w > x {
            return start + i;
        }
        col += w;
        last_start = start + i;
    }
    if last_row { end } else { last_start }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        let starts = wrap_line(text, width);
        (0..=starts.len())
            .map(|r| {
                let (s, e) = row_bounds(&starts, r, text.len());
                &text[s..e]
            })
            .collect()
    }

    #[test]
    fn breaks_after_spaces_and_inside_long_words() {
        assert_eq!(rows("the cat sat", 7), ["the cat ", "sat"]);
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(rows("ab verylongword", 5), ["ab ", "veryl", "ongwo", "rd"]);
        assert_eq!(rows("", 5), [""]);
    }

    #[test]
    fn only_one_space_hangs_past_the_edge() {
        assert_eq!(rows("abcde   x", 5), ["abcde ", "  x"]);
    }

    #[test]
    fn wide_graphemes_never_split_across_rows() {
        // Two CJK chars take four columns; the third does not fit in five.
        assert_eq!(rows("中文字", 5), ["中文", "字"]);
        // A ZWJ family is one two-column grapheme.
        let family = "👩\u{200d}👩\u{200d}👧";
        assert_eq!(grapheme_width(family), 2);
        assert_eq!(
            rows(&format!("a{family}{family}"), 4),
            ["a👩\u{200d}👩\u{200d}👧", family]
        );
        // Combining accent stays with its letter and takes no extra column.
        assert_eq!(text_width("e\u{301}te\u{301}"), 3);
        // A wide char in a one-column pane still gets its own row.
        assert_eq!(rows("中a", 1), ["中", "a"]);
    }

    #[test]
    fn incremental_rewrap_matches_full_wrap() {
        let mut text = String::from("the quick brown fox jumps over the lazy dog ").repeat(20);
        let mut cache = WrapCache::default();
        cache.rows(&text, 13);
        for (i, (at, ins)) in [(0, "x"), (50, "  "), (300, "verylongword"), (31, "中")]
            .into_iter()
            .enumerate()
        {
            text.insert_str(at, ins);
            cache.edited(at, 0, ins.len());
            assert_eq!(cache.rows(&text, 13), wrap_line(&text, 13), "insert {i}");
            let d = at + ins.len();
            text.replace_range(d..d + 3, "");
            cache.edited(d, 3, 0);
            assert_eq!(cache.rows(&text, 13), wrap_line(&text, 13), "delete {i}");
        }
    }

    #[test]
    fn columns_map_back_to_bytes() {
        let text = "ab中cd";
        assert_eq!(byte_at_x(text, 0, text.len(), true, 3), 2);
        assert_eq!(byte_at_x(text, 0, text.len(), true, 4), 5);
        assert_eq!(byte_at_x(text, 0, text.len(), true, 99), text.len());
        assert_eq!(byte_at_x(text, 0, 5, false, 99), 2);
    }

    mod prop {
        use proptest::prelude::*;

        use super::super::*;
        use crate::editor::motion::is_boundary;

        const PIECES: &[&str] = &[
            "a",
            "bc",
            " ",
            "  ",
            "中",
            "e\u{301}",
            "\u{301}",
            "👩\u{200d}💻",
            "🇫",
            "x y",
        ];

        #[derive(Debug, Clone)]
        enum Edit {
            Insert(usize, &'static str),
            Delete(usize, usize),
            Wrap,
        }

        fn edit() -> impl Strategy<Value = Edit> {
            prop_oneof![
                (any::<usize>(), prop::sample::select(PIECES))
                    .prop_map(|(a, p)| Edit::Insert(a, p)),
                (any::<usize>(), 1usize..6).prop_map(|(a, n)| Edit::Delete(a, n)),
                Just(Edit::Wrap),
            ]
        }

        fn char_boundary(text: &str, any: usize) -> usize {
            let n = text.chars().count();
            let k = any % (n + 1);
            text.char_indices().nth(k).map_or(text.len(), |(b, _)| b)
        }

        proptest! {
            #[test]
            fn cached_rows_always_equal_a_fresh_wrap(
                start in prop::collection::vec(prop::sample::select(PIECES), 0..40),
                width in 1usize..30,
                edits in prop::collection::vec(edit(), 1..40),
            ) {
                let mut text: String = start.concat();
                let mut cache = WrapCache::default();
                cache.rows(&text, width);
                for e in edits {
                    match e {
                        Edit::Insert(a, p) => {
                            let at = char_boundary(&text, a);
                            text.insert_str(at, p);
                            cache.edited(at, 0, p.len());
                        }
                        Edit::Delete(a, n) => {
                            let at = char_boundary(&text, a);
                            let end = text[at..].char_indices().nth(n).map_or(text.len(), |(b, _)| at + b);
                            text.replace_range(at..end, "");
                            cache.edited(at, end - at, 0);
                        }
                        Edit::Wrap => {
                            let rows = cache.rows(&text, width).to_vec();
                            prop_assert_eq!(&rows, &wrap_line(&text, width));
                            for s in rows {
                                prop_assert!(is_boundary(&text, s as usize));
                            }
                        }
                    }
                }
                prop_assert_eq!(cache.rows(&text, width), &wrap_line(&text, width)[..]);
            }
        }
    }
}
