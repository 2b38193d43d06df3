//! What each pane draws, on ratatui's TestBackend, at 80x24 and 120x40 with a fixed clock.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use minutebook::app::{App, Msg};
use minutebook::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.update(Msg::Key(KeyEvent::new(code, mods)));
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

/// December's meeting under way: started 14:02, now on item 4.1, minutes typed,
/// two people marked and one action captured.
fn meeting_in_progress() -> App {
    let m = minutebook::demo::year().pop().unwrap();
    let mut app = App::new(m, None, at(14, 2), Theme::plain());
    keys(&mut app, "s");
    for (h, m) in [(14, 8), (14, 19), (14, 31)] {
        app.update(Msg::Tick(at(h, m)));
        keys(&mut app, "n");
    }
    app.update(Msg::Tick(at(14, 49)));
    press(&mut app, KeyCode::Char('3'), KeyModifiers::ALT);
    app.update(Msg::Paste(
        "The Designated Nurse reported 17 of 20 IHAs within 20 working days (85.0%), on target for the \
         second month running. Members asked about the two children placed out of area."
            .into(),
    ));
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('a'), KeyModifiers::ALT);
    app.update(Msg::Paste("Report out-of-area IHA delays".into()));
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    app.update(Msg::Paste("Dr Ruth Penhaligon".into()));
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('5'), KeyModifiers::ALT);
    keys(&mut app, "pa");
    app
}

fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(app, f)).unwrap();
    t
}

fn snapshot_each_tab(size: (u16, u16)) {
    let mut app = meeting_in_progress();
    for (n, name) in [
        (1, "agenda"),
        (2, "standing"),
        (3, "minutes"),
        (4, "actions"),
        (5, "attendance"),
    ] {
        press(
            &mut app,
            KeyCode::Char(char::from_digit(n, 10).unwrap()),
            KeyModifiers::ALT,
        );
        let t = render(&mut app, size.0, size.1);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), t.backend());
    }
}

#[test]
fn every_pane_at_80x24() {
    snapshot_each_tab((80, 24));
}

#[test]
fn every_pane_at_120x40() {
    snapshot_each_tab((120, 40));
}

/// The archive as the run loop hands it over after the first frame.
fn archive() -> Msg {
    Msg::Archive(
        minutebook::demo::year()
            .iter()
            .map(minutebook::store::Summary::of)
            .collect::<Vec<_>>()
            .into(),
    )
}

#[test]
fn standing_items_with_the_trend_across_meetings() {
    // November reported 90.0% after October's 87.5%: on target, up 2.5 points.
    let m = minutebook::demo::year().remove(8);
    let mut app = App::new(m, None, at(16, 0), Theme::plain());
    app.update(archive());
    press(&mut app, KeyCode::Char('2'), KeyModifiers::ALT);
    let t = render(&mut app, 80, 24);
    let screen = t.backend().to_string();
    assert!(
        screen.contains("Rate: 90.0% ON TARGET · ▲ 2.5 points since 14 Oct 2026"),
        "{screen}"
    );
    insta::assert_snapshot!("standing_november_80x24", t.backend());
    insta::assert_snapshot!(
        "standing_november_120x40",
        render(&mut app, 120, 40).backend()
    );

    // October: fewer unregulated placements is better, more care leavers in work is better.
    let mut app = App::new(
        minutebook::demo::year().remove(7),
        None,
        at(16, 0),
        Theme::plain(),
    );
    app.update(archive());
    press(&mut app, KeyCode::Char('2'), KeyModifiers::ALT);
    let screen = render(&mut app, 120, 40).backend().to_string();
    assert!(
        screen.contains("Last meeting (9 Sep 2026): 2 · ▼ 1 (better) · trend"),
        "{screen}"
    );
    assert!(
        screen.contains("Last meeting (9 Sep 2026): 63% · ▲ 1% (better) · trend"),
        "{screen}"
    );

    // December has no figures yet: it says so, with the last meeting's rate.
    let mut app = App::new(
        minutebook::demo::year().pop().unwrap(),
        None,
        at(14, 0),
        Theme::plain(),
    );
    app.update(archive());
    press(&mut app, KeyCode::Char('2'), KeyModifiers::ALT);
    let screen = render(&mut app, 80, 24).backend().to_string();
    assert!(
        screen.contains(
            "No figures reported for this meeting yet. Last meeting (11 Nov 2026): 90.0%."
        ),
        "{screen}"
    );
    // And the agenda's IHA row carries the sparkline of the nine earlier rates.
    press(&mut app, KeyCode::Char('1'), KeyModifiers::ALT);
    let screen = render(&mut app, 80, 24).backend().to_string();
    assert!(
        screen.contains("Initial Health Assessment timeliness ▁▃▇▄▆▇▅▇█"),
        "{screen}"
    );
    // At 120 columns the principle tags follow the trend, so the tags are cut, not the trend.
    let screen = render(&mut app, 120, 40).backend().to_string();
    assert!(
        screen.contains("Initial Health Assessment timeliness ▁▃▇▄▆▇▅▇█ (P…"),
        "{screen}"
    );
}

#[test]
fn help_form_and_recovery_overlays() {
    let mut app = meeting_in_progress();
    press(&mut app, KeyCode::F(1), KeyModifiers::NONE);
    insta::assert_snapshot!("help_attendance_80x24", render(&mut app, 80, 24).backend());
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    keys(&mut app, "n");
    insta::assert_snapshot!("form_add_person_80x24", render(&mut app, 80, 24).backend());
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    app.offer_recovery(vec![
        "4.1 Initial Health Assessment timeliness: +212 characters, ending “…out of area.”".into(),
    ]);
    insta::assert_snapshot!("recovery_80x24", render(&mut app, 80, 24).backend());
}

#[test]
fn a_read_only_meeting_says_so_and_who_holds_it() {
    let m = minutebook::demo::year().pop().unwrap();
    let mut app = App::new(
        m,
        Some("open in another minutebook (pid 4242, clerk@laptop, since 2026-12-09 13:58)".into()),
        at(14, 0),
        Theme::plain(),
    );
    let t = render(&mut app, 80, 24);
    let screen = t.backend().to_string();
    assert!(
        screen.contains("READ-ONLY: open in another minutebook (pid 4242"),
        "{screen}"
    );
}

#[test]
fn without_colour_nothing_is_coloured() {
    let mut app = meeting_in_progress();
    for n in '1'..='5' {
        press(&mut app, KeyCode::Char(n), KeyModifiers::ALT);
        let t = render(&mut app, 120, 40);
        for cell in t.backend().buffer().content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "tab {n}: {cell:?}"
            );
        }
    }
}

#[test]
fn tiny_and_odd_sizes_draw_without_panicking() {
    let mut app = meeting_in_progress();
    for (w, h) in [
        (1, 1),
        (2, 1),
        (10, 3),
        (19, 4),
        (20, 5),
        (21, 6),
        (40, 8),
        (80, 6),
        (300, 2),
        (33, 100),
    ] {
        for n in '1'..='5' {
            press(&mut app, KeyCode::Char(n), KeyModifiers::ALT);
            render(&mut app, w, h);
        }
        press(&mut app, KeyCode::F(1), KeyModifiers::NONE);
        render(&mut app, w, h);
        press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    }
}

#[test]
fn per_child_rows_show_due_dates_and_flag_names() {
    use minutebook::model::iha_children::IhaChild;
    let mut m = minutebook::demo::year().remove(8);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    m.standing.iha.as_mut().unwrap().period_start = Some(d("2026-10-01"));
    m.standing.iha.as_mut().unwrap().period_end = Some(d("2026-10-31"));
    m.standing.iha_children = vec![
        IhaChild {
            reference: "C-0412".into(),
            entered_care: d("2026-09-21"),
            completed: Some(d("2026-10-12")),
        },
        IhaChild {
            reference: "Jane Smith".into(),
            entered_care: d("2026-09-22"),
            completed: None,
        },
    ];
    let mut app = App::new(m, None, at(16, 0), Theme::plain());
    press(&mut app, KeyCode::Char('2'), KeyModifiers::ALT);
    let screen = render(&mut app, 120, 40).backend().to_string();
    assert!(
        screen
            .contains("2 children behind these figures (anonymised references only, never names):"),
        "{screen}"
    );
    assert!(
        screen.contains("C-0412 · entered care 21 Sep 2026 · due 19 Oct 2026 · done 12 Oct 2026 · ✓ within 20 working days"),
        "{screen}"
    );
    assert!(screen.contains("Jane Smith · entered care 22 Sep 2026 · due 20 Oct 2026 · not yet done · … outstanding · LOOKS LIKE A NAME"), "{screen}");
}

/// The archive beside December's meeting, and the September meeting opened from it to read.
#[test]
fn the_archive_and_a_meeting_opened_from_it() {
    use minutebook::app::archive::Reply;
    let year = minutebook::demo::year();
    let summaries: Vec<_> = year.iter().map(minutebook::store::Summary::of).collect();
    let mut app = App::new(year[9].clone(), None, at(14, 2), Theme::plain());
    app.update(Msg::Archive(summaries.into()));
    press(&mut app, KeyCode::Char('6'), KeyModifiers::ALT);
    for _ in 0..3 {
        press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let t = render(&mut app, w, h);
        insta::assert_snapshot!(format!("archive_{w}x{h}"), t.backend());
    }
    app.update(Msg::Reply(Reply::Opened {
        meeting: Box::new(year[6].clone()),
        item: None,
    }));
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("archive_reading_september_80x24", t.backend());
}

/// Search results and the action history in the Archive pane at 80x24.
#[test]
fn archive_search_results_and_action_history() {
    use minutebook::app::archive::Reply;
    use minutebook::search::{Query, history, search_meetings};
    let year = minutebook::demo::year();
    let summaries: Vec<_> = year.iter().map(minutebook::store::Summary::of).collect();
    let mut app = App::new(year[9].clone(), None, at(14, 2), Theme::plain());
    app.update(Msg::Archive(summaries.into()));
    press(&mut app, KeyCode::Char('6'), KeyModifiers::ALT);
    let hits = search_meetings(&year, &Query::parse("clinic ICB"), Some(50));
    assert!(hits.total > 1);
    app.update(Msg::Reply(Reply::Found {
        query: "clinic ICB".into(),
        total: hits.total,
        hits: hits.hits,
        problems: vec![],
    }));
    insta::assert_snapshot!("archive_search_80x24", render(&mut app, 80, 24).backend());
    app.update(Msg::Reply(Reply::History(history::from_meetings(&year))));
    insta::assert_snapshot!("archive_actions_80x24", render(&mut app, 80, 24).backend());
}

/// A meeting file that cannot be read has its own row, at its date, with its status in
/// words, the file and where it breaks; its sentence is below when it is selected.
#[test]
fn the_archive_shows_an_unreadable_file_as_a_row_with_its_error() {
    use minutebook::app::archive::{ArchiveList, Unreadable};
    use minutebook::store::StoreError;
    let mut year = minutebook::demo::year();
    let may = year.remove(3);
    assert_eq!(may.id.as_str(), "2026-05-13");
    let broken = StoreError::Corrupt {
        path: "/home/clerk/.local/share/minutebook/2026-05-13.json".into(),
        line: 4,
        column: 3,
        reason: "key must be a string".into(),
    };
    let list = ArchiveList {
        meetings: year.iter().map(minutebook::store::Summary::of).collect(),
        unreadable: vec![Unreadable::of(&broken)],
    };
    let mut app = App::new(year.pop().unwrap(), None, at(14, 2), Theme::plain());
    app.update(Msg::Archive(list));
    press(&mut app, KeyCode::Char('6'), KeyModifiers::ALT);
    // Newest first: December to June, then the file of 13 May.
    for _ in 0..6 {
        press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    }
    let t = render(&mut app, 80, 24);
    let screen = t.backend().to_string();
    assert!(
        screen.contains("Wed 13 May 2026  ✗ unreadable  2026-05-13.json · line 4, column 3"),
        "{screen}"
    );
    assert!(screen.contains("1 file unreadable"), "{screen}");
    insta::assert_snapshot!("archive_unreadable_80x24", t.backend());
}
