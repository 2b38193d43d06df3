//! The Agenda's item view, the brief of the item in hand, on ratatui's TestBackend at 80x24
//! and 120x40 with a fixed clock: the IHA standing item, an item with overdue actions and
//! an exempt item, and the same in `--ascii`.
//!
//! What a brief says is `brief::of`'s (its words are tested on hand-made briefs in
//! `src/ui/brief/tests.rs`); these tests hold the view: the key that opens it, the
//! selection it follows, its scrolling, its "more lines" row and the keys it names.

mod common;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use common::workspace::Workspace;
use minutebook::app::{App, Msg};
use minutebook::model::{AgendaItem, Exemption, ItemId, ItemKind, Meeting};
use minutebook::ui::{self, ascii, brief::BriefPanel, theme::Theme};
use ratatui::crossterm::event::KeyCode;
use ratatui::{Terminal, backend::TestBackend};

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

/// The archive and the last meeting as the run loop hands them over after the first frame.
fn told_of_the_year(app: &mut Workspace) {
    let year = minutebook::demo::year();
    app.update(Msg::Archive(
        year.iter()
            .map(minutebook::store::Summary::of)
            .collect::<Vec<_>>()
            .into(),
    ));
    let of = app.meeting.id.clone();
    let last = year
        .into_iter()
        .rfind(|m| (m.date, &m.id) < (app.meeting.date, &of))
        .map(Box::new);
    app.update(Msg::LastMeeting { of, last });
}

/// December's meeting started live at 14:02 and taken to item 4.1 (IHA timeliness) by
/// 14:31, now 14:44: three minutes over its ten.
fn december_on_iha() -> Workspace {
    december_with(|_| {})
}

fn december_with(change: impl FnOnce(&mut Meeting)) -> Workspace {
    let mut m = minutebook::demo::year().pop().unwrap();
    change(&mut m);
    let mut app = Workspace::new(App::new(m, None, at(14, 2), Theme::plain()));
    told_of_the_year(&mut app);
    app.typed("ss");
    for (h, m) in [(14, 8), (14, 19), (14, 31)] {
        app.tick(at(h, m));
        app.typed("n");
    }
    app.tick(at(14, 44));
    app
}

/// The screen in `--ascii`: drawn, then the same pass the run loop makes.
fn ascii_screen(app: &Workspace, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
    t.draw(|f| {
        ui::draw(app, f);
        ascii::pass(f.buffer_mut());
    })
    .unwrap();
    t
}

/// December with a Part B item at the end of its agenda.
fn december_with_part_b() -> Workspace {
    december_with(|m| {
        let mut item = AgendaItem::new(
            ItemId(900),
            "Placement review: a young person in an unregistered setting",
            ItemKind::Report,
        );
        item.presenter = "Head of Service".into();
        item.exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 2: information likely to reveal the identity of an \
                     individual"
                .into(),
        });
        m.agenda.push(item);
    })
}

/// The rows of the item view's brief: between its title row and the status bar.
fn brief_rows(screen: &str) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows.iter().position(|r| r.contains(" Item ")).unwrap();
    rows[top + 1..rows.len() - 2]
        .iter()
        .map(|r| r.trim_matches('"').trim_end().to_string())
        .collect()
}

#[test]
fn i_opens_the_item_view_on_the_current_item_and_i_or_esc_goes_back() {
    let mut app = december_on_iha();
    let list = app.screen(80, 24);
    assert!(list.contains("No."), "{list}");
    app.typed("i");
    let view = app.screen(80, 24);
    assert!(view.contains(" Item 4.1 "), "{view}");
    assert!(view.contains("i or Esc back to the list"), "{view}");
    assert_eq!(
        brief_rows(&view)[0],
        "4.1 Initial Health Assessment timeliness · NOW BEING TAKEN"
    );
    // The hint line names the view's own keys, from the key table.
    assert!(
        view.contains("i or Esc list · ↑/↓ items · PgUp/PgDn scroll"),
        "{view}"
    );
    app.press(KeyCode::Esc);
    assert_eq!(app.screen(80, 24), list);
    app.typed("i").typed("i");
    assert_eq!(app.screen(80, 24), list);
}

#[test]
fn moving_the_selection_in_the_item_view_shows_that_items_brief() {
    let mut app = december_on_iha();
    app.typed("ikk");
    assert_eq!(selected(&app), "Action log and challenge cards");
    let view = app.screen(80, 24);
    assert!(view.contains(" Item 3 "), "{view}");
    assert!(brief_rows(&view)[0].starts_with("3 Action log and challenge cards · taken"));
    // Taking the next item moves the selection to it, and the view with it.
    app.typed("jjn");
    assert!(app.screen(80, 24).contains(" Item 4.2 "));
}

/// December on 4.1 with a long record of decisions under it: more than one screen.
fn december_with_long_brief() -> Workspace {
    december_with(|m| {
        let iha = &mut m.agenda[3].sub_items[0];
        for n in 1..=40 {
            iha.decisions.push(minutebook::model::Decision::new(
                minutebook::model::DecisionKind::Decision,
                format!("That the Board note part {n} of the IHA report"),
            ));
        }
    })
}

#[test]
fn a_brief_longer_than_the_screen_says_what_is_below_and_pgdn_shows_it() {
    let mut app = december_with_long_brief();
    app.typed("i");
    let rows = brief_rows(&app.screen(80, 24));
    let last = rows.last().unwrap();
    assert!(
        last.starts_with("▼ ") && last.ends_with(" more lines: PgDn"),
        "{rows:#?}"
    );
    let brief = app.brief(app.agenda_sel.unwrap()).unwrap();
    let all = BriefPanel::new(&brief, Theme::plain()).rows(80);
    let shown = rows.len() - 1;
    assert_eq!(last, &format!("▼ {} more lines: PgDn", all.len() - shown));
    // The next page starts at the first row not shown.
    app.press(KeyCode::PageDown);
    let scrolled = brief_rows(&app.screen(80, 24));
    assert_eq!(
        scrolled[0],
        all[shown].to_string().trim_end(),
        "{scrolled:#?}"
    );
    // At the end it stops, with the last line at the bottom and nothing said cut.
    for _ in 0..10 {
        app.press(KeyCode::PageDown);
    }
    let end = brief_rows(&app.screen(80, 24));
    assert!(!end.iter().any(|r| r.contains("more line")), "{end:#?}");
    assert!(!end.last().unwrap().is_empty(), "{end:#?}");
    // One PgUp from the end moves back a page, not from past it.
    app.press(KeyCode::PageUp);
    assert_ne!(brief_rows(&app.screen(80, 24)), end);
    for _ in 0..10 {
        app.press(KeyCode::PageUp);
    }
    assert_eq!(brief_rows(&app.screen(80, 24)), rows);
}

#[test]
fn another_item_selected_starts_at_the_top_of_its_brief() {
    let mut app = december_with_long_brief();
    app.typed("i");
    app.press(KeyCode::PageDown);
    app.typed("k").typed("j");
    let rows = brief_rows(&app.screen(80, 24));
    assert!(
        rows[0].starts_with("4.1 Initial Health Assessment"),
        "{rows:#?}"
    );
}

#[test]
fn the_item_view_of_the_iha_standing_item() {
    let mut app = december_on_iha();
    app.typed("i");
    insta::assert_snapshot!("item_view_iha_80x24", app.render(80, 24).backend());
    insta::assert_snapshot!("item_view_iha_120x40", app.render(120, 40).backend());
}

#[test]
fn the_item_view_of_the_action_log_with_its_overdue_actions() {
    let mut app = december_on_iha();
    app.typed("ikk");
    insta::assert_snapshot!("item_view_action_log_80x24", app.render(80, 24).backend());
    insta::assert_snapshot!("item_view_action_log_120x40", app.render(120, 40).backend());
}

#[test]
fn the_item_view_of_an_exempt_item() {
    let mut app = december_with_part_b();
    let n = app.agenda_rows().len();
    app.typed("i");
    for _ in 0..n {
        app.typed("j");
    }
    let screen = app.screen(80, 24);
    let rows = brief_rows(&screen);
    assert!(
        rows.iter()
            .any(|r| r.contains("[PART B] 8 Placement review: a young person")),
        "{screen}"
    );
    insta::assert_snapshot!("item_view_exempt_80x24", app.render(80, 24).backend());
    insta::assert_snapshot!("item_view_exempt_120x40", app.render(120, 40).backend());
}

#[test]
fn the_item_view_in_ascii_keeps_every_column_and_its_words() {
    let mut app = december_with_long_brief();
    app.typed("i");
    let fancy = app.screen(80, 24);
    let plain = ascii_screen(&app, 80, 24);
    let text = plain.backend().to_string();
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains(" Item 4.1 ----"), "{text}");
    // The "more lines" row's arrow is a v, still before the count and the key.
    assert!(
        text.lines()
            .any(|l| l.trim_matches('"').starts_with("v ") && l.contains(" more lines: PgDn")),
        "{text}"
    );
    assert!(text.contains("> Now: 4.1 Initial Health Assessment timeliness - 13:00 of 15 min"));
    // Every row is as wide as before: nothing moved.
    for (a, b) in fancy.lines().zip(text.lines()) {
        assert_eq!(a.chars().count(), b.chars().count(), "{a}\n{b}");
    }
    insta::assert_snapshot!("item_view_ascii_80x24", plain.backend());
}

#[test]
fn a_meeting_opened_from_the_archive_shows_its_own_briefs() {
    use minutebook::app::archive::Reply;
    let mut app = december_on_iha();
    let november = minutebook::demo::year().remove(8);
    let october = minutebook::demo::year().remove(7);
    app.update(Msg::Reply(Reply::Opened {
        meeting: Box::new(november.clone()),
        item: None,
    }));
    app.update(Msg::LastMeeting {
        of: november.id.clone(),
        last: Some(Box::new(october.clone())),
    });
    let view = app.viewing.as_ref().unwrap();
    assert_eq!(view.last_meeting.as_ref().map(|m| &m.id), Some(&october.id));
    // The clerk's own meeting keeps its own last meeting (November).
    assert_eq!(app.last_meeting.as_ref().map(|m| &m.id), Some(&november.id));
    app.typed("1i");
    let screen = app.screen(80, 24);
    assert!(screen.contains("READING"), "{screen}");
    assert!(screen.contains(" Item 1 "), "{screen}");
    // Esc closes the item view first; the meeting being read stays open.
    app.press(KeyCode::Esc);
    let screen = app.screen(80, 24);
    assert!(
        screen.contains("READING") && !screen.contains(" Item 1 "),
        "{screen}"
    );
    app.press(KeyCode::Esc);
    assert!(app.viewing.is_none());
}

#[test]
fn the_last_meeting_for_another_meeting_is_not_taken_as_this_ones() {
    let mut app = december_on_iha();
    let before = app.last_meeting.as_ref().map(|m| m.id.clone());
    app.update(Msg::LastMeeting {
        of: minutebook::model::MeetingId::parse("2026-10-14").unwrap(),
        last: None,
    });
    assert_eq!(app.last_meeting.as_ref().map(|m| m.id.clone()), before);
    assert!(before.is_some());
}

#[test]
fn help_lists_the_item_view_keys() {
    let mut app = december_on_iha();
    app.press(KeyCode::F(1));
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&app.screen(120, 40));
        app.typed("j");
    }
    assert!(
        seen.contains("Item view: the selected item's time, figure"),
        "{seen}"
    );
    assert!(seen.contains("Item view: scroll the brief a screen up/down"));
}

/// The title of the item the Agenda has selected.
fn selected(app: &Workspace) -> String {
    let id = app.agenda_sel.unwrap();
    app.meeting.item(id).unwrap().title.clone()
}
