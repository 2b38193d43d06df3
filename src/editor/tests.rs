//! Behaviour of the editor as a clerk meets it: keys, undo steps, clipboard,
//! paste, find, read-only mode and what ends up on screen.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

use super::*;

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

fn press(ed: &mut Editor, code: KeyCode, m: KeyModifiers) -> Outcome {
    ed.handle_key(KeyEvent::new(code, m))
}

fn type_str(ed: &mut Editor, s: &str) {
    for c in s.chars() {
        let outcome = if c == '\n' {
            press(ed, KeyCode::Enter, NONE)
        } else {
            press(ed, KeyCode::Char(c), NONE)
        };
        assert_eq!(outcome, Outcome::Consumed);
    }
}

fn draw(ed: &mut Editor, width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    ed.render(buf.area, &mut buf);
    buf
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol())
        .collect::<String>()
}

fn replay(start: &str, ops: &[EditOp]) -> String {
    let mut text = start.to_owned();
    for op in ops {
        apply_op(&mut text, op).unwrap();
    }
    text
}

#[test]
fn typing_enter_and_backspace_edit_the_text_and_journal_it() {
    let mut ed = Editor::new("Present: Cllr Ames");
    press(&mut ed, KeyCode::End, CTRL);
    type_str(&mut ed, ", Cllr Bell\nApologies: none");
    press(&mut ed, KeyCode::Backspace, NONE);
    press(&mut ed, KeyCode::Backspace, NONE);
    type_str(&mut ed, "ne.");
    let want = "Present: Cllr Ames, Cllr Bell\nApologies: none.";
    assert_eq!(ed.text(), want);
    let ops = ed.take_ops();
    // Typing on, and backspacing into what was typed, journal as one insert.
    assert_eq!(ops.len(), 1, "{ops:?}");
    assert_eq!(replay("Present: Cllr Ames", &ops), want);
    assert!(ed.take_ops().is_empty());
}

#[test]
fn undo_takes_back_a_word_at_a_time_and_redo_puts_it_back() {
    let mut ed = Editor::new("");
    type_str(&mut ed, "The motion was carried");
    ed.undo();
    assert_eq!(ed.text(), "The motion was ");
    press(&mut ed, KeyCode::Char('z'), CTRL);
    assert_eq!(ed.text(), "The motion ");
    press(&mut ed, KeyCode::Char('y'), CTRL);
    assert_eq!(ed.text(), "The motion was ");
    press(&mut ed, KeyCode::Char('Z'), CTRL | SHIFT);
    assert_eq!(ed.text(), "The motion was carried");
    assert_eq!(ed.cursor_offset(), 22);
    while ed.undo() {}
    assert_eq!(ed.text(), "");
    assert_eq!(ed.cursor_offset(), 0);
}

#[test]
fn moving_the_cursor_ends_an_undo_step() {
    let mut ed = Editor::new("");
    type_str(&mut ed, "abc");
    press(&mut ed, KeyCode::Left, NONE);
    type_str(&mut ed, "X");
    assert_eq!(ed.text(), "abXc");
    ed.undo();
    assert_eq!(ed.text(), "abc");
    assert_eq!(ed.cursor_offset(), 2);
}

#[test]
fn shift_motions_select_and_typing_replaces_the_selection() {
    let mut ed = Editor::new("vote: for");
    press(&mut ed, KeyCode::End, NONE);
    press(&mut ed, KeyCode::Left, CTRL | SHIFT);
    assert_eq!(ed.selected_text().as_deref(), Some("for"));
    type_str(&mut ed, "against");
    assert_eq!(ed.text(), "vote: against");
    ed.undo();
    assert_eq!(ed.text(), "vote: for");
}

#[test]
fn select_all_copy_cut_and_paste_use_the_in_app_clipboard_and_osc52() {
    let mut ed = Editor::new("Item 1");
    press(&mut ed, KeyCode::Char('a'), CTRL);
    press(&mut ed, KeyCode::Char('c'), CTRL);
    assert_eq!(ed.clipboard(), "Item 1");
    assert_eq!(ed.take_osc52().as_deref(), Some("\x1b]52;c;SXRlbSAx\x07"));
    assert_eq!(ed.take_osc52(), None);
    press(&mut ed, KeyCode::Char('x'), CTRL);
    assert_eq!(ed.text(), "");
    press(&mut ed, KeyCode::Char('v'), CTRL);
    press(&mut ed, KeyCode::Char('v'), CTRL);
    assert_eq!(ed.text(), "Item 1Item 1");
    ed.undo();
    assert_eq!(ed.text(), "Item 1");
}

#[test]
fn paste_is_normalised_and_undone_in_one_step() {
    let mut ed = Editor::new("Minutes\n");
    press(&mut ed, KeyCode::End, CTRL);
    let outcome = ed.handle_event(&Event::Paste("Name\tRole\r\nAmes\tChair\rBell\u{7}".into()));
    assert_eq!(outcome, Outcome::Consumed);
    assert_eq!(ed.text(), "Minutes\nName    Role\nAmes    Chair\nBell");
    assert_eq!(ed.cursor_offset(), ed.len_chars());
    ed.undo();
    assert_eq!(ed.text(), "Minutes\n");
}

#[test]
fn tab_inserts_spaces_to_the_next_stop() {
    let mut ed = Editor::new("");
    type_str(&mut ed, "ab");
    press(&mut ed, KeyCode::Tab, NONE);
    type_str(&mut ed, "c");
    press(&mut ed, KeyCode::Tab, NONE);
    assert_eq!(ed.text(), "ab  c   ");
}

#[test]
fn word_deletes_take_a_word_either_side() {
    let mut ed = Editor::new("move the motion");
    press(&mut ed, KeyCode::End, NONE);
    press(&mut ed, KeyCode::Backspace, CTRL);
    assert_eq!(ed.text(), "move the ");
    press(&mut ed, KeyCode::Char('w'), CTRL);
    assert_eq!(ed.text(), "move ");
    press(&mut ed, KeyCode::Home, NONE);
    press(&mut ed, KeyCode::Delete, CTRL);
    assert_eq!(ed.text(), "");
    ed.undo();
    assert_eq!(ed.text(), "move ");
}

#[test]
fn backspace_and_delete_remove_whole_graphemes() {
    let mut ed = Editor::new("ae\u{301}👩\u{200d}💻中");
    press(&mut ed, KeyCode::End, NONE);
    press(&mut ed, KeyCode::Backspace, NONE);
    assert_eq!(ed.text(), "ae\u{301}👩\u{200d}💻");
    press(&mut ed, KeyCode::Backspace, NONE);
    assert_eq!(ed.text(), "ae\u{301}");
    press(&mut ed, KeyCode::Home, NONE);
    press(&mut ed, KeyCode::Right, NONE);
    press(&mut ed, KeyCode::Delete, NONE);
    assert_eq!(ed.text(), "a");
    // Both backspaces are one undo step; the delete is another.
    ed.undo();
    ed.undo();
    assert_eq!(ed.text(), "ae\u{301}👩\u{200d}💻中");
}

#[test]
fn a_combining_mark_typed_after_a_letter_joins_it_and_the_cursor_stays_outside() {
    let mut ed = Editor::new("e");
    press(&mut ed, KeyCode::End, NONE);
    type_str(&mut ed, "\u{301}");
    assert_eq!(ed.text(), "e\u{301}");
    assert_eq!(ed.cursor_offset(), 2);
    press(&mut ed, KeyCode::Left, NONE);
    assert_eq!(ed.cursor_offset(), 0);
}

#[test]
fn read_only_minutes_refuse_edits_but_allow_reading_and_copying() {
    let mut ed = Editor::new("Approved minutes");
    ed.set_read_only(true);
    assert_eq!(press(&mut ed, KeyCode::Char('x'), NONE), Outcome::ReadOnly);
    assert_eq!(press(&mut ed, KeyCode::Enter, NONE), Outcome::ReadOnly);
    assert_eq!(press(&mut ed, KeyCode::Char('z'), CTRL), Outcome::ReadOnly);
    assert_eq!(ed.paste("more"), Outcome::ReadOnly);
    assert_eq!(press(&mut ed, KeyCode::End, SHIFT), Outcome::Consumed);
    assert_eq!(press(&mut ed, KeyCode::Char('c'), CTRL), Outcome::Consumed);
    assert_eq!(ed.clipboard(), "Approved minutes");
    assert_eq!(press(&mut ed, KeyCode::Char('x'), CTRL), Outcome::ReadOnly);
    assert_eq!(ed.text(), "Approved minutes");
    assert_eq!(ed.revision(), 0);
    assert!(ed.take_ops().is_empty());
    ed.set_read_only(false);
    type_str(&mut ed, "!");
    assert_eq!(ed.text(), "!");
}

#[test]
fn app_keys_and_key_releases_are_not_consumed() {
    let mut ed = Editor::new("text");
    assert_eq!(
        press(&mut ed, KeyCode::Char('1'), KeyModifiers::ALT),
        Outcome::NotConsumed
    );
    assert_eq!(press(&mut ed, KeyCode::F(1), NONE), Outcome::NotConsumed);
    assert_eq!(
        press(&mut ed, KeyCode::Char('q'), CTRL),
        Outcome::NotConsumed
    );
    // Esc with nothing selected belongs to the app; with a selection it drops it.
    assert_eq!(press(&mut ed, KeyCode::Esc, NONE), Outcome::NotConsumed);
    press(&mut ed, KeyCode::Right, SHIFT);
    assert_eq!(press(&mut ed, KeyCode::Esc, NONE), Outcome::Consumed);
    assert_eq!(ed.selection(), None);
    let release = KeyEvent {
        code: KeyCode::Char('x'),
        modifiers: NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    };
    assert_eq!(ed.handle_key(release), Outcome::NotConsumed);
    assert_eq!(ed.text(), "text");
    assert_eq!(ed.revision(), 0);
}

#[test]
fn revision_counts_changes_only() {
    let mut ed = Editor::new("a");
    press(&mut ed, KeyCode::Right, NONE);
    assert_eq!(ed.revision(), 0);
    press(&mut ed, KeyCode::Backspace, NONE);
    press(&mut ed, KeyCode::Backspace, NONE); // nothing left to delete
    assert_eq!(ed.revision(), 1);
    ed.undo();
    assert_eq!(ed.revision(), 2);
}

#[test]
fn find_moves_to_matches_highlights_them_and_closes_with_esc() {
    let mut ed = Editor::new("The chair opened.\nNo quorum.\nThe Chair closed.");
    press(&mut ed, KeyCode::Char('f'), CTRL);
    assert!(ed.is_searching());
    type_str(&mut ed, "chair");
    assert_eq!(ed.cursor_offset(), 4);
    let buf = draw(&mut ed, 30, 6);
    assert!(buf[(2 + 4, 0)].modifier.contains(Modifier::REVERSED));
    assert_eq!(row_text(&buf, 5).trim_end(), "Find: chair");
    assert_eq!(ed.cursor_position(), Some(Position::new(11, 5)));
    press(&mut ed, KeyCode::Enter, NONE);
    assert_eq!(ed.cursor_offset(), 33);
    let buf = draw(&mut ed, 30, 6);
    // The other match is still marked, differently from the current one.
    assert!(buf[(2 + 4, 0)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[(2 + 4, 0)].modifier.contains(Modifier::REVERSED));
    press(&mut ed, KeyCode::Enter, NONE);
    assert_eq!(ed.cursor_offset(), 4); // wrapped round
    press(&mut ed, KeyCode::Up, NONE);
    assert_eq!(ed.cursor_offset(), 33); // previous, wrapping back
    type_str(&mut ed, "x");
    let buf = draw(&mut ed, 30, 6);
    assert_eq!(row_text(&buf, 5).trim_end(), "Find: chairx  (not found)");
    assert_eq!(press(&mut ed, KeyCode::Esc, NONE), Outcome::Consumed);
    assert!(!ed.is_searching());
    assert_eq!(
        ed.text(),
        "The chair opened.\nNo quorum.\nThe Chair closed."
    );
}

#[test]
fn drawing_wraps_to_the_area_and_places_the_cursor() {
    let mut ed = Editor::new("ACTION: clerk to write to the director\nplain");
    let buf = draw(&mut ed, 20, 4);
    let rows: Vec<String> = (0..4).map(|y| row_text(&buf, y)).collect();
    assert_eq!(
        rows,
        [
            "A ACTION: clerk to  ",
            "│ write to the      ",
            "│ director          ",
            "  plain             ",
        ]
    );
    // The keyword is bold as well as coloured; the rest of the paragraph is not.
    assert!(buf[(2, 0)].modifier.contains(Modifier::BOLD));
    assert!(!buf[(12, 0)].modifier.contains(Modifier::BOLD));
    assert_eq!(ed.cursor_position(), Some(Position::new(2, 0)));
    press(&mut ed, KeyCode::Down, NONE);
    press(&mut ed, KeyCode::End, NONE);
    draw(&mut ed, 20, 4);
    assert_eq!(ed.cursor_position(), Some(Position::new(14, 1)));
    // A wider pane re-wraps the same text.
    let buf = draw(&mut ed, 50, 4);
    assert_eq!(
        row_text(&buf, 0).trim_end(),
        "A ACTION: clerk to write to the director"
    );
}

#[test]
fn the_view_scrolls_to_keep_the_cursor_on_screen() {
    let text: Vec<String> = (1..=50).map(|i| format!("Item {i}")).collect();
    let mut ed = Editor::new(&text.join("\n"));
    press(&mut ed, KeyCode::End, CTRL);
    let buf = draw(&mut ed, 20, 5);
    assert_eq!(row_text(&buf, 4).trim_end(), "  Item 50");
    assert_eq!(ed.cursor_position(), Some(Position::new(9, 4)));
    press(&mut ed, KeyCode::PageUp, NONE);
    let buf = draw(&mut ed, 20, 5);
    assert_eq!(row_text(&buf, 4).trim_end(), "  Item 46");
    assert_eq!(ed.cursor_position().map(|p| p.y), Some(4));
    press(&mut ed, KeyCode::Home, CTRL);
    let buf = draw(&mut ed, 20, 5);
    assert_eq!(row_text(&buf, 0).trim_end(), "  Item 1");
}

#[test]
fn the_selection_is_drawn_reversed() {
    let mut ed = Editor::new("one\ntwo");
    press(&mut ed, KeyCode::Right, SHIFT);
    let buf = draw(&mut ed, 10, 2);
    assert!(buf[(2, 0)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(3, 0)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn a_paste_while_finding_goes_into_the_query() {
    let mut ed = Editor::new("Apologies from Cllr Bell.\nCllr Bell arrived late.");
    press(&mut ed, KeyCode::Char('f'), CTRL);
    ed.paste("cllr bell\r\nsecond line");
    assert_eq!(
        ed.text(),
        "Apologies from Cllr Bell.\nCllr Bell arrived late."
    );
    assert_eq!(ed.cursor_offset(), 15);
    press(&mut ed, KeyCode::Char('n'), CTRL);
    assert_eq!(ed.cursor_offset(), 26);
    press(&mut ed, KeyCode::Esc, NONE);
    ed.paste("Mr ");
    assert_eq!(
        ed.text(),
        "Apologies from Cllr Bell.\nMr Cllr Bell arrived late."
    );
}
