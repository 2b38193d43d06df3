//! Drawing changes nothing: `update` lays the minutes editor out where the pane shows
//! it, so the cursor is in view before any frame and a frame only reads.

use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Position, Rect};

use super::archive::Reply;
use super::tests::workspace::Workspace;
use super::tests::{at, december};
use super::*;

/// Where the shown app's editor goes on the screen as last told, from the same layout
/// the frame is drawn with.
fn editor_area(app: &App) -> Rect {
    let pane = crate::ui::pane_area(app, app.screen.into()).expect("a usable window");
    crate::tabs::minutes::editor_area(app, pane).expect("the editor is shown")
}

/// Draws a frame at `width` x `height` (the app told first, as the run loop does) and
/// checks the frame changed nothing and put the terminal cursor where the state says.
fn draw_changes_nothing(ws: &mut Workspace, width: u16, height: u16) -> String {
    ws.resize(width, height);
    let before = format!("{:?}", ws.app);
    let shown = ws.viewing.as_deref().unwrap_or(&ws.app);
    let cursor = shown.minutes.editor.cursor_position();
    let terminal = ws.render(width, height);
    let (drawn_at, visible) = (
        terminal.backend().cursor_position(),
        terminal.backend().cursor_visible(),
    );
    let screen = terminal.backend().to_string();
    // Compared whole, the state is too long to print: the assertions below say more.
    assert!(
        format!("{:?}", ws.app) == before,
        "the frame changed the app"
    );
    assert!(visible, "the cursor is shown");
    assert_eq!(Some(drawn_at), cursor, "drawn where update put it");
    screen
}

/// The text of screen row `y` (the backend's rendering puts each row in quotes).
fn row(screen: &str, y: u16) -> &str {
    screen.lines().nth(usize::from(y)).unwrap_or("")
}

#[test]
fn typing_past_the_bottom_of_the_pane_keeps_the_cursor_in_view_before_any_draw() {
    let mut ws = december();
    ws.alt('3');
    for n in 1..=40 {
        ws.typed(&format!("\nparagraph {n}"));
    }
    // No frame yet: the state alone says where the cursor is, on the pane's last row.
    let area = editor_area(&ws);
    let cursor = ws.minutes.editor.cursor_position().expect("cursor in view");
    assert!(area.contains(cursor), "{cursor:?} outside {area:?}");
    assert_eq!(cursor.y, area.bottom() - 1);
    assert_eq!(
        cursor.x,
        area.x + 2 + "paragraph 40".len() as u16,
        "after the text"
    );
    let screen = draw_changes_nothing(&mut ws, 80, 24);
    assert!(row(&screen, cursor.y).contains("paragraph 40"), "{screen}");
    assert!(!screen.contains("paragraph 1 "), "scrolled past: {screen}");
}

#[test]
fn a_resize_lays_the_editor_out_again_and_frames_at_each_size_change_nothing() {
    let mut ws = december();
    ws.alt('3');
    let long = "The board noted the report on placement stability and asked for figures. ";
    ws.typed(&long.repeat(12));
    for (width, height) in [(80, 24), (120, 40), (60, 16), (80, 24)] {
        let screen = draw_changes_nothing(&mut ws, width, height);
        let cursor = ws.minutes.editor.cursor_position().unwrap();
        assert!(editor_area(&ws).contains(cursor), "{width}x{height}");
        // The last words typed are on the cursor's row, however the text wraps.
        assert!(row(&screen, cursor.y).contains("figures."), "{screen}");
        // A second frame at the same size is the same frame.
        assert_eq!(draw_changes_nothing(&mut ws, width, height), screen);
    }
    // Up and a page up move by the rows of the pane as it is now shown.
    let top = ws.minutes.editor.cursor_position().unwrap();
    ws.press(KeyCode::PageUp);
    let paged = ws.minutes.editor.cursor_position().unwrap();
    assert!(paged.y <= top.y && editor_area(&ws).contains(paged));
    draw_changes_nothing(&mut ws, 80, 24);
}

#[test]
fn the_whole_minutes_and_back_draw_without_moving_the_editor() {
    let mut ws = Workspace::new(App::new(
        crate::demo::year().remove(8),
        None,
        at(15, 0),
        Theme::plain(),
    ));
    ws.alt('3');
    let cursor = ws.minutes.editor.cursor_position();
    ws.alt('w');
    assert!(ws.minutes.whole);
    ws.press(KeyCode::PageDown);
    let scrolled = ws.minutes.whole_scroll;
    assert!(scrolled > 0, "the whole minutes are longer than a screen");
    for (width, height) in [(80, 24), (120, 40)] {
        ws.resize(width, height);
        let before = format!("{:?}", ws.app);
        ws.render(width, height);
        assert!(
            format!("{:?}", ws.app) == before,
            "the frame changed the app"
        );
    }
    assert_eq!(ws.minutes.whole_scroll, scrolled);
    ws.resize(80, 24);
    ws.press(KeyCode::Esc);
    assert!(!ws.minutes.whole);
    assert_eq!(ws.minutes.editor.cursor_position(), cursor);
    draw_changes_nothing(&mut ws, 80, 24);
}

#[test]
fn a_meeting_opened_from_the_archive_is_laid_out_in_its_own_panes_before_its_first_frame() {
    let mut ws = december();
    ws.resize(100, 30);
    let earlier = crate::demo::year().remove(0);
    let item = earlier
        .agenda
        .iter()
        .max_by_key(|i| i.minutes.len())
        .map(|i| i.id)
        .unwrap();
    ws.update(Msg::Reply(Reply::Opened {
        meeting: Box::new(earlier),
        item: Some(item),
    }));
    let view = ws.viewing.as_deref().expect("opened to read");
    assert_eq!(view.tab, Tab::Minutes);
    // Read-only minutes open at their start: the cursor on the editor's first cell,
    // under the banner the reading workspace adds.
    let area = editor_area(view);
    let gutter = 2;
    assert_eq!(
        view.minutes.editor.cursor_position(),
        Some(Position::new(area.x + gutter, area.y))
    );
    draw_changes_nothing(&mut ws, 100, 30);
    // Reading on, with no frame between: the page turns and the cursor stays in view.
    ws.press(KeyCode::PageDown);
    ws.press(KeyCode::PageDown);
    let view = ws.viewing.as_deref().unwrap();
    assert!(view.minutes.editor.cursor_offset() > 0, "the page turned");
    let cursor = view.minutes.editor.cursor_position().expect("in view");
    assert!(editor_area(view).contains(cursor), "{cursor:?}");
    draw_changes_nothing(&mut ws, 80, 24);
    let view = ws.viewing.as_deref().unwrap();
    let cursor = view.minutes.editor.cursor_position().expect("in view");
    assert!(editor_area(view).contains(cursor), "{cursor:?} at 80x24");
}
