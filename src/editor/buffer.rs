//! Logical lines of the minutes, kept in chunks so that edits, line splits and
//! char-offset lookups cost the same in a short agenda item or in hours of minutes.
//!
//! A flat `Vec<Line>` would make every Enter move every later line in memory
//! (megabytes for long minutes); chunks of a few hundred lines bound that work.

use std::borrow::Cow;
use std::ops::Range;

use super::wrap::WrapCache;

/// Lines per chunk after a split; chunks are split once they pass `CHUNK_MAX`.
const CHUNK_TARGET: usize = 256;
const CHUNK_MAX: usize = 512;

/// A position in the buffer: a logical line and a byte offset into it that is
/// always on a grapheme boundary (the editor snaps after every change).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: usize,
    pub byte: usize,
}

impl Pos {
    pub const fn new(line: usize, byte: usize) -> Self {
        Self { line, byte }
    }
}

/// One logical line (a paragraph, as a clerk types it) without its newline.
#[derive(Debug, Default)]
pub(crate) struct Line {
    pub text: String,
    /// Char count, kept so char offsets need no rescanning of whole lines.
    pub chars: usize,
    pub wrap: WrapCache,
}

impl Line {
    fn new(text: String) -> Self {
        let chars = text.chars().count();
        Self {
            text,
            chars,
            wrap: WrapCache::default(),
        }
    }
}

#[derive(Debug)]
struct Chunk {
    lines: Vec<Line>,
    /// Sum of `chars + 1` over the lines: each line counts its newline.
    chars: usize,
}

impl Chunk {
    fn new(mut lines: Vec<Line>) -> Self {
        // Rebuilt chunks come from collected iterators with doubling capacity.
        lines.shrink_to_fit();
        let chars = lines.iter().map(|l| l.chars + 1).sum();
        Self { lines, chars }
    }
}

/// The whole text as chunks of lines. Never empty: an empty text is one empty line.
#[derive(Debug)]
pub(crate) struct Document {
    chunks: Vec<Chunk>,
    /// Index of the first line of each chunk, for a binary search by line.
    first_line: Vec<usize>,
    line_count: usize,
}

impl Document {
    /// Builds the document from text that is already normalised (no `\r`, tabs or
    /// other control characters besides `\n`).
    pub fn from_text(text: &str) -> Self {
        let lines: Vec<Line> = text.split('\n').map(|l| Line::new(l.to_owned())).collect();
        let mut doc = Self {
            chunks: Vec::new(),
            first_line: Vec::new(),
            line_count: 0,
        };
        doc.chunks = chunked(lines);
        doc.reindex();
        doc
    }

    pub fn line_count(&self) -> usize {
        self.line_count
    }

    /// Total chars, counting one for each newline between lines.
    pub fn char_len(&self) -> usize {
        self.chunks.iter().map(|c| c.chars).sum::<usize>() - 1
    }

    fn locate(&self, line: usize) -> (usize, usize) {
        let ci = self.first_line.partition_point(|&f| f <= line) - 1;
        (ci, line - self.first_line[ci])
    }

    pub fn line(&self, line: usize) -> &Line {
        let (ci, li) = self.locate(line);
        &self.chunks[ci].lines[li]
    }

    /// Mutable access for the wrap cache only: text changes go through the
    /// editing methods so that the char totals stay right.
    pub fn line_mut(&mut self, line: usize) -> &mut Line {
        let (ci, li) = self.locate(line);
        &mut self.chunks[ci].lines[li]
    }

    /// A line's text with its row starts at `width`, wrapping it if the cache is stale.
    pub fn wrapped(&mut self, line: usize, width: usize) -> (&str, &[u32]) {
        let l = self.line_mut(line);
        let starts = l.wrap.rows(&l.text, width);
        (&l.text, starts)
    }

    /// A line's row starts at `width`, read without touching the cache: the cached ones
    /// when current (the editor's layout wraps the rows on screen), else a fresh wrap.
    pub fn rows(&self, line: usize, width: usize) -> Cow<'_, [u32]> {
        let l = self.line(line);
        match l.wrap.current(width) {
            Some(starts) => Cow::Borrowed(starts),
            None => Cow::Owned(super::wrap::wrap_line(&l.text, width)),
        }
    }

    pub fn line_text(&self, line: usize) -> &str {
        &self.line(line).text
    }

    pub fn line_len(&self, line: usize) -> usize {
        self.line(line).text.len()
    }

    pub fn end(&self) -> Pos {
        let last = self.line_count - 1;
        Pos::new(last, self.line_len(last))
    }

    /// Char offset of a position from the start of the text.
    pub fn offset_of(&self, pos: Pos) -> usize {
        let (ci, li) = self.locate(pos.line);
        let before_chunks: usize = self.chunks[..ci].iter().map(|c| c.chars).sum();
        let chunk = &self.chunks[ci];
        let before_lines: usize = chunk.lines[..li].iter().map(|l| l.chars + 1).sum();
        before_chunks + before_lines + chunk.lines[li].text[..pos.byte].chars().count()
    }

    /// Position of a char offset, or `None` past the end of the text.
    pub fn pos_of(&self, offset: usize) -> Option<Pos> {
        let mut rest = offset;
        let mut line = 0;
        for chunk in &self.chunks {
            if rest > chunk.chars {
                rest -= chunk.chars;
                line += chunk.lines.len();
                continue;
            }
            for l in &chunk.lines {
                if rest <= l.chars {
                    let byte = l
                        .text
                        .char_indices()
                        .nth(rest)
                        .map_or(l.text.len(), |(b, _)| b);
                    return Some(Pos::new(line, byte));
                }
                rest -= l.chars + 1;
                line += 1;
            }
        }
        None
    }

    /// The whole text, lines joined by `\n`.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.char_len());
        for (i, line) in self.chunks.iter().flat_map(|c| &c.lines).enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&line.text);
        }
        out
    }

    /// Text between two positions (`start <= end`).
    pub fn slice(&self, start: Pos, end: Pos) -> String {
        if start.line == end.line {
            return self.line_text(start.line)[start.byte..end.byte].to_owned();
        }
        let mut out = self.line_text(start.line)[start.byte..].to_owned();
        for line in start.line + 1..end.line {
            out.push('\n');
            out.push_str(self.line_text(line));
        }
        out.push('\n');
        out.push_str(&self.line_text(end.line)[..end.byte]);
        out
    }

    /// Inserts normalised text at `pos` and returns the position after it.
    pub fn insert(&mut self, pos: Pos, text: &str) -> Pos {
        let Some(nl) = text.find('\n') else {
            let added = text.chars().count();
            self.edit_line(pos.line, added as isize, |l| {
                reserve_gently(&mut l.text, text.len());
                l.text.insert_str(pos.byte, text);
                l.wrap.edited(pos.byte, 0, text.len());
            });
            return Pos::new(pos.line, pos.byte + text.len());
        };
        // Split the line: its head keeps the first segment, the tail moves to the
        // last new line.
        let first = &text[..nl];
        let tail = {
            let (ci, li) = self.locate(pos.line);
            let line = &mut self.chunks[ci].lines[li];
            let tail = line.text.split_off(pos.byte);
            reserve_gently(&mut line.text, first.len());
            line.text.push_str(first);
            // The head keeps the whole old capacity after a split: hand back most of it.
            line.text.shrink_to(line.text.len() + 64);
            let new_chars = line.text.chars().count();
            let delta = new_chars as isize - line.chars as isize;
            line.chars = new_chars;
            line.wrap.invalidate();
            self.chunks[ci].chars = (self.chunks[ci].chars as isize + delta) as usize;
            tail
        };
        let mut new_lines: Vec<Line> = text[nl + 1..]
            .split('\n')
            .map(|s| Line::new(s.to_owned()))
            .collect();
        let count = new_lines.len();
        let last = new_lines
            .last_mut()
            .expect("split yields at least one piece");
        let end = Pos::new(pos.line + count, last.text.len());
        last.text.reserve_exact(tail.len());
        last.text.push_str(&tail);
        last.chars += tail.chars().count();
        self.splice_lines(pos.line + 1..pos.line + 1, new_lines);
        end
    }

    /// Removes the text between `start` and `end` (`start <= end`) and returns it.
    pub fn delete(&mut self, start: Pos, end: Pos) -> String {
        if start.line == end.line {
            let removed = self.line_text(start.line)[start.byte..end.byte].to_owned();
            let count = removed.chars().count();
            self.edit_line(start.line, -(count as isize), |l| {
                l.text.replace_range(start.byte..end.byte, "");
                l.wrap.edited(start.byte, end.byte - start.byte, 0);
            });
            return removed;
        }
        let removed = self.slice(start, end);
        let tail = self.line_text(end.line)[end.byte..].to_owned();
        let (ci, li) = self.locate(start.line);
        let line = &mut self.chunks[ci].lines[li];
        line.text.truncate(start.byte);
        line.text.push_str(&tail);
        let new_chars = line.text.chars().count();
        let delta = new_chars as isize - line.chars as isize;
        line.chars = new_chars;
        line.wrap.invalidate();
        self.chunks[ci].chars = (self.chunks[ci].chars as isize + delta) as usize;
        self.splice_lines(start.line + 1..end.line + 1, Vec::new());
        removed
    }

    fn edit_line(&mut self, line: usize, char_delta: isize, f: impl FnOnce(&mut Line)) {
        let (ci, li) = self.locate(line);
        let chunk = &mut self.chunks[ci];
        f(&mut chunk.lines[li]);
        chunk.lines[li].chars = (chunk.lines[li].chars as isize + char_delta) as usize;
        chunk.chars = (chunk.chars as isize + char_delta) as usize;
    }

    /// Replaces the lines in `range` by `new`. Only the chunks the range touches
    /// are rebuilt, so the cost follows the size of the change, not of the text.
    fn splice_lines(&mut self, range: Range<usize>, new: Vec<Line>) {
        let (first_chunk, first_index) = self.locate(range.start.min(self.line_count - 1));
        let first_index = if range.start == self.line_count {
            self.chunks[first_chunk].lines.len()
        } else {
            first_index
        };
        let last_chunk = if range.end >= self.line_count {
            self.chunks.len() - 1
        } else {
            self.locate(range.end).0.max(first_chunk)
        };
        let mut lines: Vec<Line> = self
            .chunks
            .drain(first_chunk..=last_chunk)
            .flat_map(|c| c.lines)
            .collect();
        let start = first_index;
        let end = start + (range.end - range.start);
        lines.splice(start..end, new);
        let rebuilt = chunked(lines);
        self.chunks.splice(first_chunk..first_chunk, rebuilt);
        if self.chunks.is_empty() {
            self.chunks.push(Chunk::new(vec![Line::default()]));
        }
        self.reindex();
    }

    fn reindex(&mut self) {
        self.chunks.retain(|c| !c.lines.is_empty());
        self.first_line.clear();
        let mut n = 0;
        for c in &self.chunks {
            self.first_line.push(n);
            n += c.lines.len();
        }
        self.line_count = n;
    }

    /// Checks the bookkeeping against the text itself: char totals, the line
    /// index, and every cached wrap against a fresh wrap.
    pub fn check(&mut self) -> Result<(), String> {
        let mut n = 0;
        for (ci, chunk) in self.chunks.iter_mut().enumerate() {
            if self.first_line[ci] != n {
                return Err(format!(
                    "chunk {ci} starts at line {n}, index says {}",
                    self.first_line[ci]
                ));
            }
            n += chunk.lines.len();
            let mut chars = 0;
            for line in &mut chunk.lines {
                if line.chars != line.text.chars().count() {
                    return Err(format!("char count {} for {:?}", line.chars, line.text));
                }
                if line.text.chars().any(char::is_control) {
                    return Err(format!("control character in {:?}", line.text));
                }
                if let Some(width) = line.wrap.cached_width() {
                    let cached = line.wrap.rows(&line.text, width).to_vec();
                    let fresh = super::wrap::wrap_line(&line.text, width);
                    if cached != fresh {
                        return Err(format!(
                            "stale wrap of {:?} at {width}: {cached:?} != {fresh:?}",
                            line.text
                        ));
                    }
                }
                chars += line.chars + 1;
            }
            if chars != chunk.chars {
                return Err(format!(
                    "chunk {ci} counts {} chars, holds {chars}",
                    chunk.chars
                ));
            }
        }
        if n != self.line_count {
            return Err(format!("{n} lines, count says {}", self.line_count));
        }
        Ok(())
    }

    #[cfg(test)]
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }
}

/// Makes room for `extra` bytes with a bounded margin rather than the doubling
/// `String` does: across hours of edits to many paragraphs, doubling would
/// leave most of them half empty. A margin of 1/16 still keeps typing into
/// a long paragraph to an occasional copy.
fn reserve_gently(text: &mut String, extra: usize) {
    if text.capacity() - text.len() < extra {
        text.reserve_exact(extra + (text.len() / 16).max(64));
    }
}

/// Cuts lines into chunks of `CHUNK_TARGET` once there are more than `CHUNK_MAX`.
fn chunked(mut lines: Vec<Line>) -> Vec<Chunk> {
    if lines.len() <= CHUNK_MAX {
        return if lines.is_empty() {
            Vec::new()
        } else {
            vec![Chunk::new(lines)]
        };
    }
    let mut chunks = Vec::with_capacity(lines.len() / CHUNK_TARGET + 1);
    while lines.len() > CHUNK_TARGET {
        let rest = lines.split_off(CHUNK_TARGET);
        chunks.push(Chunk::new(std::mem::replace(&mut lines, rest)));
    }
    chunks.push(Chunk::new(lines));
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(lines: usize) -> String {
        (0..lines)
            .map(|i| format!("line {i} é中"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn text_round_trips_and_empty_text_is_one_empty_line() {
        let doc = Document::from_text("");
        assert_eq!(doc.line_count(), 1);
        assert_eq!(doc.text(), "");
        let text = big(2000);
        let doc = Document::from_text(&text);
        assert_eq!(doc.line_count(), 2000);
        assert!(doc.chunk_count() > 1);
        assert_eq!(doc.text(), text);
        assert_eq!(doc.char_len(), text.chars().count());
    }

    #[test]
    fn offsets_and_positions_agree_across_chunks() {
        let text = big(1500);
        let doc = Document::from_text(&text);
        for (offset, (byte, _)) in text.char_indices().enumerate().step_by(97) {
            let pos = doc.pos_of(offset).unwrap();
            assert_eq!(doc.offset_of(pos), offset);
            let line = text[..byte].matches('\n').count();
            assert_eq!(pos.line, line);
        }
        assert_eq!(doc.pos_of(text.chars().count()), Some(doc.end()));
        assert_eq!(doc.pos_of(text.chars().count() + 1), None);
    }

    #[test]
    fn multi_line_insert_and_delete_match_string_edits() {
        let mut text = big(1200);
        let mut doc = Document::from_text(&text);
        let at = doc.pos_of(5000).unwrap();
        let inserted = "one\ntwo\n\nthree";
        let end = doc.insert(at, inserted);
        let byte = text.char_indices().nth(5000).unwrap().0;
        text.insert_str(byte, inserted);
        assert_eq!(doc.text(), text);
        assert_eq!(doc.offset_of(end), 5000 + inserted.chars().count());

        // Delete a range spanning several chunks.
        let (s, e) = (doc.pos_of(100).unwrap(), doc.pos_of(12_000).unwrap());
        let removed = doc.delete(s, e);
        let (bs, be) = (
            text.char_indices().nth(100).unwrap().0,
            text.char_indices().nth(12_000).unwrap().0,
        );
        assert_eq!(removed, text[bs..be]);
        text.replace_range(bs..be, "");
        assert_eq!(doc.text(), text);
        assert_eq!(doc.line_count(), text.split('\n').count());

        // Delete everything.
        let removed = doc.delete(Pos::default(), doc.end());
        assert_eq!(removed, text);
        assert_eq!(doc.text(), "");
        assert_eq!(doc.line_count(), 1);
    }

    mod props {
        use proptest::prelude::*;

        use super::*;

        #[derive(Debug, Clone)]
        enum Op {
            /// Insert `lines` new lines of `width` chars at a char offset.
            Insert(usize, usize, usize),
            Delete(usize, usize),
        }

        fn op() -> impl Strategy<Value = Op> {
            prop_oneof![
                (any::<usize>(), 0usize..700, 0usize..4).prop_map(|(a, l, w)| Op::Insert(a, l, w)),
                (any::<usize>(), 0usize..9000).prop_map(|(a, n)| Op::Delete(a, n)),
            ]
        }

        fn byte_of(text: &str, offset: usize) -> usize {
            text.char_indices()
                .nth(offset)
                .map_or(text.len(), |(b, _)| b)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]

            /// Chunk splits, merges across chunks and the line index, against a
            /// plain `String`, with texts long enough to need many chunks.
            #[test]
            fn chunked_document_matches_a_string(
                lines in 0usize..1500,
                ops in prop::collection::vec(op(), 1..12),
                probes in prop::collection::vec(any::<usize>(), 4),
            ) {
                let mut text = (0..lines).map(|i| format!("{i}é")).collect::<Vec<_>>().join("\n");
                let mut doc = Document::from_text(&text);
                for op in ops {
                    let len = text.chars().count();
                    match op {
                        Op::Insert(a, l, w) => {
                            let at = a % (len + 1);
                            let ins = vec!["中".repeat(w); l + 1].join("\n");
                            let end = doc.insert(doc.pos_of(at).unwrap(), &ins);
                            let b = byte_of(&text, at);
                            text.insert_str(b, &ins);
                            prop_assert_eq!(doc.offset_of(end), at + ins.chars().count());
                        }
                        Op::Delete(a, n) => {
                            let at = a % (len + 1);
                            let to = (at + n).min(len);
                            let removed = doc.delete(doc.pos_of(at).unwrap(), doc.pos_of(to).unwrap());
                            let (b0, b1) = (byte_of(&text, at), byte_of(&text, to));
                            prop_assert_eq!(&removed, &text[b0..b1]);
                            text.replace_range(b0..b1, "");
                        }
                    }
                    doc.check().map_err(TestCaseError::fail)?;
                    prop_assert_eq!(doc.line_count(), text.split('\n').count());
                    prop_assert_eq!(doc.char_len(), text.chars().count());
                }
                prop_assert_eq!(doc.text(), text.clone());
                let len = text.chars().count();
                for p in probes {
                    let at = p % (len + 1);
                    prop_assert_eq!(doc.offset_of(doc.pos_of(at).unwrap()), at);
                }
            }
        }
    }
}
