//! `--ascii`: every frame in plain ASCII, for terminals and screen readers that garble box
//! drawing and symbols. A last pass over the drawn buffer, so every pane, overlay and
//! screen gets it without drawing anything twice; each cell keeps its column.

use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::buffer::Buffer;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_width::UnicodeWidthStr;

/// Chosen once, from the command line, for the whole process (like `NO_COLOR`).
static ON: AtomicBool = AtomicBool::new(false);

/// Draw every frame in ASCII from now on (`--ascii`).
pub fn set(on: bool) {
    ON.store(on, Ordering::Relaxed);
}

/// Whether `--ascii` was given.
pub fn on() -> bool {
    ON.load(Ordering::Relaxed)
}

/// [`pass`] if `--ascii` was given: what a run loop calls after drawing a frame.
pub fn finish(buf: &mut Buffer) {
    if on() {
        pass(buf);
    }
}

/// Every cell of `buf` made ASCII: box drawing to `+ - |`, arrows and marks to their
/// nearest character, sparkline blocks to characters that keep the shape, accented letters
/// to their base letter, anything else to `?`; a wide character becomes `?` and a space.
pub fn pass(buf: &mut Buffer) {
    let width = usize::from(buf.area.width);
    let mut i = 0;
    while i < buf.content.len() {
        let symbol = buf.content[i].symbol();
        if symbol.is_ascii() {
            i += 1;
            continue;
        }
        let wide = symbol.width() > 1;
        let plain = symbol.chars().next().map_or('?', to_ascii);
        buf.content[i].set_char(plain);
        // The cell a wide character spills into, on the same row, is a space now.
        if wide && (i + 1) % width != 0 && i + 1 < buf.content.len() {
            buf.content[i + 1].set_char(' ');
            i += 1;
        }
        i += 1;
    }
}

/// The ASCII character standing for `c`.
pub fn to_ascii(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if let Some(a) = symbol(c) {
        return a;
    }
    // "é" is "e" and a combining accent; "ﬁ" would be two letters in one cell: "?".
    let mut base = c.nfkd().filter(|c| !is_combining_mark(*c));
    match (base.next(), base.next()) {
        (Some(b), None) if b.is_ascii() && !b.is_ascii_control() => b,
        _ => '?',
    }
}

/// The symbols the workspace draws, by their nearest ASCII.
fn symbol(c: char) -> Option<char> {
    Some(match c {
        // Box drawing: lines across, lines down, and every corner or junction.
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '═' | '╴' | '╶' | '╸' | '╺' => {
            '-'
        }
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '║' | '╵' | '╷' | '╹' | '╻' => {
            '|'
        }
        '\u{2500}'..='\u{257F}' => '+',
        // The sparkline's eight heights, lowest first, still rising.
        '▁' => '_',
        '▂' => '.',
        '▃' => ':',
        '▄' => '-',
        '▅' => '=',
        '▆' => '+',
        '▇' => '*',
        '█' => '#',
        '\u{2580}'..='\u{259F}' => '#',
        '▶' | '►' | '›' | '»' | '→' | '⟶' => '>',
        '◀' | '◄' | '‹' | '«' | '←' => '<',
        '▲' | '↑' => '^',
        '▼' | '↓' => 'v',
        '·' | '•' | '–' | '—' | '‐' | '‑' | '−' => '-',
        '…' => '.',
        '‘' | '’' | '′' => '\'',
        '“' | '”' | '″' => '"',
        '✓' | '✔' => '+',
        '✗' | '✘' | '×' => 'x',
        '○' | '◯' => 'o',
        '●' => '*',
        '\u{a0}' | '\u{2002}'..='\u{200A}' => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn box_drawing_becomes_plus_minus_and_bar() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 3));
        buf.set_string(0, 0, "┌────┐", ratatui::style::Style::default());
        buf.set_string(0, 1, "│ ok │", ratatui::style::Style::default());
        buf.set_string(0, 2, "└────┘", ratatui::style::Style::default());
        pass(&mut buf);
        assert_eq!(
            [row(&buf, 0), row(&buf, 1), row(&buf, 2)],
            ["+----+", "| ok |", "+----+"]
        );
    }

    #[test]
    fn marks_and_punctuation_keep_their_meaning() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
        buf.set_string(
            0,
            0,
            "▶ Now · 14:08–14:19 … › ✓ ✗",
            ratatui::style::Style::default(),
        );
        pass(&mut buf);
        assert_eq!(row(&buf, 0).trim_end(), "> Now - 14:08-14:19 . > + x");
    }

    #[test]
    fn the_sparkline_still_shows_its_shape() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "▁▂▃▄▅▆▇█", ratatui::style::Style::default());
        pass(&mut buf);
        let shape = row(&buf, 0);
        assert_eq!(shape, "_.:-=+*#");
        assert!(shape.chars().all(|c| c.is_ascii_graphic()));
    }

    #[test]
    fn accented_names_keep_their_letters() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        buf.set_string(0, 0, "Zoë Brontë, Chloé", ratatui::style::Style::default());
        pass(&mut buf);
        assert_eq!(row(&buf, 0).trim_end(), "Zoe Bronte, Chloe");
    }

    #[test]
    fn a_wide_character_keeps_the_columns_after_it() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "a漢b€c", ratatui::style::Style::default());
        pass(&mut buf);
        // "漢" took two cells and "€" one: the letters after them stay where they were.
        assert_eq!(row(&buf, 0), "a? b?c  ");
        assert!(buf.content.iter().all(|c| c.symbol().is_ascii()));
    }
}
