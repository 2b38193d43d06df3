//! What each pane draws, on ratatui's TestBackend, at 80x24 and 120x40 with a fixed clock.

mod common;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use common::workspace::Workspace;
use minutebook::app::{App, Msg};
use minutebook::ui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::Color;

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

/// December's meeting under way: started 14:02, now on item 4.1, minutes typed,
/// two people marked and one action captured.
fn meeting_in_progress() -> Workspace {
    let m = minutebook::demo::year().pop().unwrap();
    let mut app = Workspace::new(App::new(m, None, at(14, 2), Theme::plain()));
    app.typed("s");
    for (h, m) in [(14, 8), (14, 19), (14, 31)] {
        app.update(Msg::Tick(at(h, m)));
        app.typed("n");
    }
    app.update(Msg::Tick(at(14, 49)));
    app.key(KeyCode::Char('3'), KeyModifiers::ALT);
    app.update(Msg::Paste(
        "The Designated Nurse reported 17 of 20 IHAs within 20 working days (85.0%), on target for the \
         second month running. Members asked about the two children placed out of area."
            .into(),
    ));
    app.key(KeyCode::Enter, KeyModifiers::NONE);
    app.key(KeyCode::Char('a'), KeyModifiers::ALT);
    app.update(Msg::Paste("Report out-of-area IHA delays".into()));
    app.key(KeyCode::Tab, KeyModifiers::NONE);
    app.update(Msg::Paste("Dr Ruth Penhaligon".into()));
    app.key(KeyCode::Enter, KeyModifiers::NONE);
    app.key(KeyCode::Char('5'), KeyModifiers::ALT);
    app.typed("pa");
    app
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
        app.key(
            KeyCode::Char(char::from_digit(n, 10).unwrap()),
            KeyModifiers::ALT,
        );
        let t = app.render(size.0, size.1);
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
    let mut app = Workspace::new(App::new(m, None, at(16, 0), Theme::plain()));
    app.update(archive());
    app.key(KeyCode::Char('2'), KeyModifiers::ALT);
    let t = app.render(80, 24);
    let screen = t.backend().to_string();
    assert!(
        screen.contains("Rate: 90.0% ON TARGET · ▲ 2.5 points since 14 Oct 2026"),
        "{screen}"
    );
    insta::assert_snapshot!("standing_november_80x24", t.backend());
    insta::assert_snapshot!("standing_november_120x40", app.render(120, 40).backend());

    // October: fewer unregulated placements is better, more care leavers in work is better.
    let mut app = Workspace::new(App::new(
        minutebook::demo::year().remove(7),
        None,
        at(16, 0),
        Theme::plain(),
    ));
    app.update(archive());
    app.key(KeyCode::Char('2'), KeyModifiers::ALT);
    let screen = app.render(120, 40).backend().to_string();
    assert!(
        screen.contains("Last meeting (9 Sep 2026): 2 · ▼ 1 (better) · trend"),
        "{screen}"
    );
    assert!(
        screen.contains("Last meeting (9 Sep 2026): 63% · ▲ 1% (better) · trend"),
        "{screen}"
    );

    // December has no figures yet: it says so, with the last meeting's rate.
    let mut app = Workspace::new(App::new(
        minutebook::demo::year().pop().unwrap(),
        None,
        at(14, 0),
        Theme::plain(),
    ));
    app.update(archive());
    app.key(KeyCode::Char('2'), KeyModifiers::ALT);
    let screen = app.render(80, 24).backend().to_string();
    assert!(
        screen.contains(
            "No figures reported for this meeting yet. Last meeting (11 Nov 2026): 90.0%."
        ),
        "{screen}"
    );
    // And the agenda's IHA row carries the sparkline of the nine earlier rates.
    app.key(KeyCode::Char('1'), KeyModifiers::ALT);
    let screen = app.render(80, 24).backend().to_string();
    assert!(
        screen.contains("Initial Health Assessment timeliness ▁▃▇▄▆▇▅▇█"),
        "{screen}"
    );
    // At 120 columns the principle tags follow the trend, so the tags are cut, not the trend.
    let screen = app.render(120, 40).backend().to_string();
    assert!(
        screen.contains("Initial Health Assessment timeliness ▁▃▇▄▆▇▅▇█ (P…"),
        "{screen}"
    );
}

#[test]
fn help_form_and_recovery_overlays() {
    let mut app = meeting_in_progress();
    app.key(KeyCode::F(1), KeyModifiers::NONE);
    insta::assert_snapshot!("help_attendance_80x24", app.render(80, 24).backend());
    app.key(KeyCode::Esc, KeyModifiers::NONE);
    app.typed("n");
    insta::assert_snapshot!("form_add_person_80x24", app.render(80, 24).backend());
    app.key(KeyCode::Esc, KeyModifiers::NONE);
    app.offer_recovery(vec![
        "4.1 Initial Health Assessment timeliness: +212 characters, ending “…out of area.”".into(),
    ]);
    insta::assert_snapshot!("recovery_80x24", app.render(80, 24).backend());
}

#[test]
fn the_changed_on_disk_question_at_80x24() {
    let mut app = meeting_in_progress();
    app.offer_conflict(vec![
        "/home/clerk/.local/share/minutebook/2026-12-09.json was changed by something else since it was last read or saved here.".into(),
        "Your unsaved changes include:".into(),
        "  2 Minutes of the meeting held on 11 November 2026 and matters arising: +14 characters, ending “…Unsaved words.”".into(),
    ]);
    insta::assert_snapshot!("conflict_80x24", app.render(80, 24).backend());
}

#[test]
fn a_read_only_meeting_says_so_and_who_holds_it() {
    let m = minutebook::demo::year().pop().unwrap();
    let mut app = Workspace::new(App::new(
        m,
        Some("open in another minutebook (pid 4242, clerk@laptop, since 2026-12-09 13:58)".into()),
        at(14, 0),
        Theme::plain(),
    ));
    let t = app.render(80, 24);
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
        app.key(KeyCode::Char(n), KeyModifiers::ALT);
        let t = app.render(120, 40);
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
            app.key(KeyCode::Char(n), KeyModifiers::ALT);
            app.render(w, h);
        }
        app.key(KeyCode::F(1), KeyModifiers::NONE);
        app.render(w, h);
        app.key(KeyCode::Esc, KeyModifiers::NONE);
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
    let mut app = Workspace::new(App::new(m, None, at(16, 0), Theme::plain()));
    app.key(KeyCode::Char('2'), KeyModifiers::ALT);
    let screen = app.render(120, 40).backend().to_string();
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
    // Two rows beside the report's totals: the totals stay, and the pane says they differ.
    assert!(
        screen.contains("The rows and the totals differ (came into care: rows 0, totals"),
        "{screen}"
    );
    assert!(screen.contains("IHAs due: rows 2, totals"), "{screen}");
}

/// The archive beside December's meeting, and the September meeting opened from it to read.
#[test]
fn the_archive_and_a_meeting_opened_from_it() {
    use minutebook::app::archive::Reply;
    let year = minutebook::demo::year();
    let summaries: Vec<_> = year.iter().map(minutebook::store::Summary::of).collect();
    let mut app = Workspace::new(App::new(year[9].clone(), None, at(14, 2), Theme::plain()));
    app.update(Msg::Archive(summaries.into()));
    app.key(KeyCode::Char('6'), KeyModifiers::ALT);
    for _ in 0..3 {
        app.key(KeyCode::Down, KeyModifiers::NONE);
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let t = app.render(w, h);
        insta::assert_snapshot!(format!("archive_{w}x{h}"), t.backend());
    }
    app.update(Msg::Reply(Reply::Opened {
        meeting: Box::new(year[6].clone()),
        item: None,
    }));
    let t = app.render(80, 24);
    insta::assert_snapshot!("archive_reading_september_80x24", t.backend());
}

/// Search results and the action history in the Archive pane at 80x24.
#[test]
fn archive_search_results_and_action_history() {
    use minutebook::app::archive::Reply;
    use minutebook::search::{Query, history, search_meetings};
    let year = minutebook::demo::year();
    let summaries: Vec<_> = year.iter().map(minutebook::store::Summary::of).collect();
    let mut app = Workspace::new(App::new(year[9].clone(), None, at(14, 2), Theme::plain()));
    app.update(Msg::Archive(summaries.into()));
    app.key(KeyCode::Char('6'), KeyModifiers::ALT);
    let hits = search_meetings(&year, &Query::parse("clinic ICB"), Some(50));
    assert!(hits.total > 1);
    app.update(Msg::Reply(Reply::Found {
        query: "clinic ICB".into(),
        total: hits.total,
        hits: hits.hits,
        problems: vec![],
    }));
    insta::assert_snapshot!("archive_search_80x24", app.render(80, 24).backend());
    app.update(Msg::Reply(Reply::History(history::from_meetings(&year))));
    insta::assert_snapshot!("archive_actions_80x24", app.render(80, 24).backend());
}

/// A long meeting whose paragraphs wrap to many rows: Alt+W scrolls to its very end at 80x24.
#[test]
fn whole_minutes_scroll_reaches_the_last_row_of_a_long_meeting() {
    let mut m = minutebook::demo::year().remove(8);
    let paragraph = "Members asked about placement stability, the health of children placed \
                     out of area and the timeliness of their assessments. "
        .repeat(6);
    let mut ids = Vec::new();
    for (_, item) in minutebook::model::agenda::numbered(&m.agenda) {
        ids.push(item.id);
    }
    for id in &ids {
        let item = minutebook::model::agenda::find_mut(&mut m.agenda, *id).unwrap();
        item.minutes = format!("{paragraph}\n{paragraph}");
    }
    let last = minutebook::model::agenda::find_mut(&mut m.agenda, *ids.last().unwrap()).unwrap();
    last.minutes.push_str("\nThe meeting closed at 16:05.");
    let mut app = Workspace::new(App::new(m, None, at(16, 0), Theme::plain()));
    app.key(KeyCode::Char('3'), KeyModifiers::ALT);
    app.key(KeyCode::Char('w'), KeyModifiers::ALT);
    let first = app.render(80, 24).backend().to_string();
    assert!(!first.contains("The meeting closed at 16:05."), "{first}");
    for _ in 0..100 {
        app.key(KeyCode::PageDown, KeyModifiers::NONE);
    }
    let screen = app.render(80, 24).backend().to_string();
    assert!(screen.contains("The meeting closed at 16:05."), "{screen}");
    // One step up from the end shows the row above at once: the scroll was held at the end.
    app.key(KeyCode::Up, KeyModifiers::NONE);
    let up = app.render(80, 24).backend().to_string();
    assert_ne!(up, screen);
}

/// An approved meeting opened from the archive to read: the erratum to item 3 is beside
/// item 3's minutes, in its Minutes pane and in the whole minutes (Alt+W), with the approval.
#[test]
fn errata_show_beside_the_corrected_item_where_minutes_are_read() {
    use minutebook::app::archive::Reply;
    use minutebook::model::agenda::numbered;
    use minutebook::model::approval::Erratum;
    let year = minutebook::demo::year();
    let mut september = year[6].clone();
    let third = numbered(&september.agenda)
        .into_iter()
        .find(|(n, _)| n.to_string() == "3")
        .map(|(_, i)| i.id)
        .unwrap();
    september.errata.push(Erratum {
        date: NaiveDate::from_ymd_opt(2026, 10, 14).unwrap(),
        item: Some(third),
        text: "For \"Cllr Smith\" read \"Cllr Smyth\".".into(),
        agreed_at: Some(minutebook::model::MeetingId::parse("2026-10-14").unwrap()),
    });
    let summaries: Vec<_> = year.iter().map(minutebook::store::Summary::of).collect();
    let mut app = Workspace::new(App::new(year[9].clone(), None, at(14, 2), Theme::plain()));
    app.update(Msg::Archive(summaries.into()));
    app.key(KeyCode::Char('6'), KeyModifiers::ALT);
    app.update(Msg::Reply(Reply::Opened {
        meeting: Box::new(september),
        item: Some(third),
    }));
    let erratum = "ERRATUM recorded 14 Oct 2026, agreed at meeting 2026-10-14: For \"Cllr Smith\"";
    let screen = app.render(80, 24).backend().to_string();
    assert!(
        screen.contains("3 Action log and challenge cards"),
        "{screen}"
    );
    assert!(screen.contains(erratum), "{screen}");
    insta::assert_snapshot!(
        "reading_minutes_with_erratum_80x24",
        app.render(80, 24).backend()
    );

    app.key(KeyCode::Char('w'), KeyModifiers::ALT);
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&app.render(120, 40).backend().to_string());
        app.key(KeyCode::PageDown, KeyModifiers::NONE);
    }
    assert!(seen.contains(erratum), "{seen}");
    assert!(
        seen.contains(
            "Approved as a correct record by Cllr Margaret Holloway at meeting 2026-10-14"
        ),
        "{seen}"
    );
}

/// September's "by the next meeting" challenge card, seen at October's meeting (the next
/// one): due that day, not overdue, and dated; at November's it is overdue, and says so.
#[test]
fn an_action_due_at_the_next_meeting_is_dated_and_not_overdue_at_that_meeting() {
    let year = minutebook::demo::year();
    let summaries: Vec<_> = year.iter().map(minutebook::store::Summary::of).collect();
    let row_of = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("Challenge card: find out how many"))
            .unwrap_or_else(|| panic!("{screen}"))
            .to_string()
    };
    let mut october = Workspace::new(App::new(year[7].clone(), None, at(16, 0), Theme::plain()));
    october.update(Msg::Archive(summaries.clone().into()));
    october.key(KeyCode::Char('4'), KeyModifiers::ALT);
    let screen = october.render(120, 40).backend().to_string();
    assert!(screen.contains("overdue against 14 Oct 2026"), "{screen}");
    let row = row_of(&screen);
    assert!(
        row.contains("○ open") && row.contains("14 Oct 2026"),
        "{row}"
    );
    assert!(!row.contains("OVERDUE"), "{row}");

    let mut november = Workspace::new(App::new(year[8].clone(), None, at(16, 0), Theme::plain()));
    november.update(Msg::Archive(summaries.into()));
    november.key(KeyCode::Char('4'), KeyModifiers::ALT);
    let rows = november.action_rows();
    let at_row = rows
        .iter()
        .position(|&i| november.meeting.actions[i].id.0 == "2026-09-09#1")
        .expect("still open, carried into November");
    for _ in 0..at_row {
        november.key(KeyCode::Down, KeyModifiers::NONE);
    }
    let screen = november.render(120, 40).backend().to_string();
    assert!(screen.contains("overdue against 11 Nov 2026"), "{screen}");
    assert!(row_of(&screen).contains("! OVERDUE"), "{screen}");
    // The detail line says which date it fell due on, and why (wrapped at 120 columns).
    assert!(
        screen.contains("due 14 Oct 2026") && screen.contains("(next meeting)"),
        "{screen}"
    );
}

#[test]
fn sub_items_of_part_b_are_marked_part_b_in_the_agenda_and_minutes() {
    use minutebook::model::{AgendaItem, Exemption, ItemId, ItemKind, agenda};
    let m = minutebook::demo::year().pop().unwrap();
    let mut app = Workspace::new(App::new(m, None, at(14, 2), Theme::plain()));
    let next = agenda::next_id(&app.meeting.agenda);
    let mut review = AgendaItem::new(next, "Placement review", ItemKind::Report);
    review.exempt = Some(Exemption {
        reason: "Schedule 12A, paragraph 2".into(),
    });
    review.sub_items.push(AgendaItem::new(
        ItemId(next.0 + 1),
        "Case discussion",
        ItemKind::Information,
    ));
    app.meeting.agenda.insert(0, review);
    app.agenda_sel = Some(ItemId(next.0 + 1));
    app.key(KeyCode::Char('1'), KeyModifiers::ALT);
    let screen = app.render(120, 40).backend().to_string();
    assert!(screen.contains("[PART B] Case discussion"), "{screen}");
    assert!(
        screen.contains("PART B, exempt (under a Part B item): Schedule 12A, paragraph 2"),
        "{screen}"
    );
    // The whole minutes at once (Alt+W) mark it too.
    app.key(KeyCode::Char('3'), KeyModifiers::ALT);
    app.key(KeyCode::Char('w'), KeyModifiers::ALT);
    let screen = app.render(120, 40).backend().to_string();
    assert!(screen.contains("1.1 Case discussion  [PART B]"), "{screen}");
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
    let mut app = Workspace::new(App::new(
        year.pop().unwrap(),
        None,
        at(14, 2),
        Theme::plain(),
    ));
    app.update(Msg::Archive(list));
    app.key(KeyCode::Char('6'), KeyModifiers::ALT);
    // Newest first: December to June, then the file of 13 May.
    for _ in 0..6 {
        app.key(KeyCode::Down, KeyModifiers::NONE);
    }
    let t = app.render(80, 24);
    let screen = t.backend().to_string();
    assert!(
        screen.contains("Wed 13 May 2026  ✗ unreadable  2026-05-13.json · line 4, column 3"),
        "{screen}"
    );
    assert!(screen.contains("1 file unreadable"), "{screen}");
    insta::assert_snapshot!("archive_unreadable_80x24", t.backend());
}

/// What the clerk just typed is in the whole minutes at once: `update` put it in the
/// meeting, before any frame was drawn.
#[test]
fn the_whole_minutes_show_what_was_just_typed() {
    let m = minutebook::demo::year().pop().unwrap();
    let mut app = Workspace::new(App::new(m, None, at(14, 0), Theme::plain()));
    app.typed("s").alt('3').typed("Apologies from Cllr Raman.");
    app.alt('w');
    let item = app
        .minutes
        .item
        .and_then(|id| app.meeting.item(id))
        .unwrap();
    assert_eq!(item.minutes, "Apologies from Cllr Raman.");
    let screen = app.screen(80, 24);
    assert!(screen.contains("Apologies from Cllr Raman."), "{screen}");
}

/// A frame changes nothing the clerk typed or scrolled to, nor the save state: the
/// whole minutes' scroll is held at the end by `update`, not by drawing.
#[test]
fn drawing_changes_nothing_the_clerk_typed_or_scrolled() {
    let m = minutebook::demo::year().remove(8);
    let mut app = Workspace::new(App::new(m, None, at(16, 0), Theme::plain()));
    app.alt('3').press(KeyCode::End).typed(" Noted.");
    app.alt('w');
    for _ in 0..100 {
        app.press(KeyCode::PageDown);
    }
    let state = |app: &App| {
        (
            app.meeting.clone(),
            app.revision(),
            app.save_state(),
            app.minutes.whole_scroll,
            app.flash.clone(),
        )
    };
    let before = state(&app);
    assert!(before.3 > 0, "the whole minutes are longer than the screen");
    for (w, h) in [(80, 24), (80, 24), (120, 40)] {
        app.resize(w, h);
        let told = state(&app);
        app.render(w, h);
        assert_eq!(state(&app), told, "drawn at {w}x{h}");
    }
    app.alt('w');
    let before = state(&app);
    app.render(120, 40);
    assert_eq!(state(&app), before, "the editor drawn");
}
