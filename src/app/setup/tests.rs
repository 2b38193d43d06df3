//! The first start driven by keys: what it asks to be written, and when.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Setup, Want};
use crate::app::archive::BoardOffer;
use crate::app::boards::tests::cpb;
use crate::ui::theme::Theme;

fn typed(s: &mut Setup, text: &str) -> Vec<Want> {
    text.chars()
        .map(|c| {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                '\x1b' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            s.key(KeyEvent::new(code, KeyModifiers::NONE))
        })
        .filter(|w| *w != Want::Nothing)
        .collect()
}

#[test]
fn the_board_is_written_once_with_its_roster_and_only_when_the_roster_is_done() {
    let mut s = Setup::new(Vec::new(), Theme::plain());
    assert_eq!(s.step(), 1);
    let asked = typed(&mut s, "Fostering Panel\t\tFP\t2\n");
    assert!(asked.is_empty(), "{asked:?}");
    assert_eq!(s.step(), 2);
    assert_eq!(
        s.form.as_ref().unwrap().title,
        "The chair of Fostering Panel"
    );
    assert!(typed(&mut s, "Cllr Ada Byron\n").is_empty());
    assert!(s.form.is_none(), "add another? is asked");
    assert!(typed(&mut s, "yJo Bloggs\n").is_empty());
    let asked = typed(&mut s, "n");
    let [Want::CreateBoard(board)] = &asked[..] else {
        panic!("{asked:?}");
    };
    assert_eq!(board.id.as_str(), "fp");
    assert_eq!(board.quorum, 2);
    assert_eq!(board.chair().unwrap().name, "Cllr Ada Byron");
    assert_eq!(board.members[1].name, "Jo Bloggs");
    assert!(!board.members[1].chair);
}

#[test]
fn esc_before_the_roster_is_done_leaves_without_asking_for_any_write() {
    let mut s = Setup::new(Vec::new(), Theme::plain());
    let asked = typed(&mut s, "Fostering Panel\t\tFP\nCllr Ada\x1b");
    assert_eq!(asked, [Want::Leave]);
    assert!(!s.stored);
    assert!(
        s.left_words("/data".as_ref())
            .starts_with("Nothing was written")
    );
}

#[test]
fn esc_at_add_another_leaves_too_rather_than_saving_the_board() {
    let mut s = Setup::new(Vec::new(), Theme::plain());
    let asked = typed(&mut s, "Fostering Panel\t\tFP\nCllr Ada Byron\n\x1b");
    assert_eq!(asked, [Want::Leave]);
}

#[test]
fn a_refused_field_keeps_the_clerk_on_the_board_form() {
    let mut s = Setup::new(Vec::new(), Theme::plain());
    typed(&mut s, "Fostering Panel\t\tFP\tthree\n");
    let form = s.form.as_ref().unwrap();
    assert_eq!(
        form.error.as_deref(),
        Some("Quorum: \"three\" is not a whole number")
    );
    assert_eq!(s.step(), 1);
}

#[test]
fn with_a_board_on_disk_the_first_start_goes_straight_to_its_first_meeting() {
    let next = crate::model::clock::parse_date("2027-01-13").unwrap();
    let mut s = Setup::new(vec![BoardOffer { board: cpb(), next }], Theme::plain());
    assert_eq!(s.step(), 3);
    let asked = typed(&mut s, "\n");
    let [Want::CreateMeeting(board, date, _)] = &asked[..] else {
        panic!("{asked:?}");
    };
    assert_eq!((board.as_str(), *date), ("cpb", next));
    // Leaving now says the board is kept and no meeting was made.
    assert!(
        s.left_words("/data".as_ref())
            .starts_with("No meeting was made")
    );
}
