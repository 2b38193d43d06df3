//! Snapshots of what the editor draws: wrapping at the row edge with wide
//! characters, long words, trailing spaces, an empty buffer, a one-column pane,
//! and the gutter marks. Each screen row is shown between bars (wide characters
//! take two columns there too), followed by where the terminal cursor goes.

use minutebook::editor::Editor;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

fn screen(ed: &mut Editor, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    ed.render(area, &mut buf);
    let mut out = String::new();
    for y in 0..height {
        let mut row = String::new();
        let mut hidden = 0;
        for x in 0..width {
            if hidden > 0 {
                hidden -= 1; // under the right half of a wide character
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            row.push_str(symbol);
            hidden = symbol.width().saturating_sub(1);
        }
        out.push_str(&format!("|{row}|\n"));
    }
    match ed.cursor_position() {
        Some(p) => out.push_str(&format!("cursor: ({}, {})", p.x, p.y)),
        None => out.push_str("cursor: hidden"),
    }
    out
}

fn press(ed: &mut Editor, code: KeyCode, m: KeyModifiers) {
    ed.handle_key(KeyEvent::new(code, m));
}

#[test]
fn wide_character_at_the_row_edge_moves_to_the_next_row() {
    // Seven columns: "abcdef" leaves one column, too narrow for 中.
    let mut ed = Editor::new("abcdef中gh 文字 x");
    press(&mut ed, KeyCode::End, KeyModifiers::CONTROL);
    insta::assert_snapshot!(screen(&mut ed, 7, 4));
}

#[test]
fn long_word_breaks_between_graphemes() {
    let mut ed = Editor::new(
        "The board noted Supercalifragilisticexpialidocious reports and café e\u{301}s.",
    );
    insta::assert_snapshot!(screen(&mut ed, 16, 7));
}

#[test]
fn trailing_spaces_hang_one_then_wrap() {
    // At the end of the first row one space may hang past the edge; the rest
    // of the run wraps so that the cursor can be seen on each of them.
    let mut ed = Editor::new("Noted.         \nNext paragraph");
    press(&mut ed, KeyCode::End, KeyModifiers::NONE);
    insta::assert_snapshot!(screen(&mut ed, 8, 5));
}

#[test]
fn empty_buffer_shows_the_cursor_at_the_start() {
    let mut ed = Editor::new("");
    insta::assert_snapshot!(screen(&mut ed, 12, 3));
}

#[test]
fn one_column_pane_shows_one_grapheme_per_row() {
    let mut ed = Editor::new("ab 中\ne\u{301}👩\u{200d}💻");
    press(&mut ed, KeyCode::End, KeyModifiers::CONTROL);
    insta::assert_snapshot!(screen(&mut ed, 1, 9));
}

#[test]
fn marked_paragraphs_get_a_gutter_letter_on_every_row() {
    let mut ed = Editor::new(
        "ACTION: clerk to send the report 👩\u{200d}💻 to members\n\
         DECISION: approved\n\
         Discussion of the RESOLVED: items\n\
         RESOLVED: that the minutes be signed",
    );
    insta::assert_snapshot!(screen(&mut ed, 24, 9));
}

#[test]
fn find_bar_takes_the_bottom_row() {
    let mut ed = Editor::new("Chair: Cllr Ames\nThe chair thanked officers.");
    press(&mut ed, KeyCode::Char('f'), KeyModifiers::CONTROL);
    for c in "chair".chars() {
        press(&mut ed, KeyCode::Char(c), KeyModifiers::NONE);
    }
    press(&mut ed, KeyCode::Enter, KeyModifiers::NONE);
    insta::assert_snapshot!(screen(&mut ed, 20, 5));
}
