//! What each pane draws, on ratatui's TestBackend, at 80x24 and 120x40 with a fixed clock.

mod common;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use common::workspace::Workspace;
use minutebook::app::{App, Msg};
use minutebook::ui::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::Color;
use ratatui::{Terminal, backend::TestBackend};

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
    // s, then start anyway: attendance is marked only once the meeting is under way.
    app.typed("ss");
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
    // The principle tags have a column of their own: the trend and the tags both show, at
    // 80 columns and at 120 (where the tags used to follow the trend and be cut to "(P…").
    for w in [80, 120] {
        let screen = app.render(w, 40).backend().to_string();
        let row = screen
            .lines()
            .find(|l| l.contains("Initial Health Assessment timeliness ▁▃▇▄▆▇▅▇█"))
            .unwrap_or_else(|| panic!("{screen}"));
        assert!(row.contains(" P1,P4 "), "{row}");
    }
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

/// With meetings of two boards, each archive row starts with its board's code, so two
/// meetings on one day are told apart; with one board the rows are as they always were.
#[test]
fn two_boards_in_the_archive_each_row_names_its_board() {
    let year = minutebook::demo::year();
    let cpb = minutebook::model::BoardId::parse("cpb").unwrap();
    let mut summaries: Vec<_> = year
        .iter()
        .map(minutebook::store::Summary::of)
        .map(|mut s| {
            (s.board_id, s.board_code) = (Some(cpb.clone()), "CPB".into());
            s
        })
        .collect();
    let mut panel = summaries[9].clone();
    panel.id = minutebook::model::MeetingId::parse("2026-12-09-fp").unwrap();
    (panel.title, panel.board) = ("Fostering Panel".into(), "Fostering Panel".into());
    panel.board_id = Some(minutebook::model::BoardId::parse("fp").unwrap());
    panel.board_code = "FP".into();
    summaries.push(panel);
    let mut app = Workspace::new(App::new(year[9].clone(), None, at(14, 2), Theme::plain()));
    app.update(Msg::Archive(summaries.into()));
    app.key(KeyCode::Char('6'), KeyModifiers::ALT);
    let t = app.render(80, 24);
    let screen = t.backend().to_string();
    assert!(screen.contains("FP     Fostering Panel"), "{screen}");
    assert!(screen.contains("CPB    [open now] Corporate"), "{screen}");
    assert!(screen.contains("Board  Title"), "{screen}");
    insta::assert_snapshot!("archive_two_boards_80x24", t.backend());

    // A search across both boards: each hit says whose meeting it is in.
    use minutebook::app::archive::Reply;
    let query = minutebook::search::Query::parse("Initial Health Assessment");
    let found = minutebook::search::search_meetings(&year[9..], &[], &query, None);
    let mut ours = found.hits[0].clone();
    ours.board_id = Some(cpb.clone());
    let mut theirs = ours.clone();
    theirs.meeting = minutebook::model::MeetingId::parse("2026-12-09-fp").unwrap();
    theirs.board_id = Some(minutebook::model::BoardId::parse("fp").unwrap());
    app.update(Msg::Reply(Reply::Found {
        query: "Initial Health Assessment".into(),
        total: 2,
        hits: vec![theirs, ours],
        problems: vec![],
    }));
    let screen = app.render(80, 24).backend().to_string();
    assert!(
        screen.contains("FP  Wed 9 Dec 2026  4.1 Initial Health"),
        "{screen}"
    );
    assert!(
        screen.contains("CPB  Wed 9 Dec 2026  4.1 Initial Health"),
        "{screen}"
    );
}

/// The standing figures' trend is the board's own: another board's earlier figures are
/// not this meeting's history.
#[test]
fn the_iha_trend_is_drawn_from_this_boards_meetings_only() {
    let cpb = minutebook::model::BoardId::parse("cpb").unwrap();
    let summaries: Vec<_> = minutebook::demo::year()
        .iter()
        .map(minutebook::store::Summary::of)
        .map(|mut s| {
            s.board_id = Some(cpb.clone());
            s
        })
        .collect();
    let trend = "since 14 Oct 2026";
    for (board, shown) in [("cpb", true), ("fp", false)] {
        let mut m = minutebook::demo::year().remove(8);
        m.board.id = Some(minutebook::model::BoardId::parse(board).unwrap());
        let mut app = Workspace::new(App::new(m, None, at(16, 0), Theme::plain()));
        app.update(Msg::Archive(summaries.clone().into()));
        app.key(KeyCode::Char('2'), KeyModifiers::ALT);
        let screen = app.render(80, 24).backend().to_string();
        assert_eq!(screen.contains(trend), shown, "{board}: {screen}");
    }
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
    let hits = search_meetings(&year, &[], &Query::parse("clinic ICB"), Some(50));
    assert!(hits.total > 1);
    app.update(Msg::Reply(Reply::Found {
        query: "clinic ICB".into(),
        total: hits.total,
        hits: hits.hits,
        problems: vec![],
    }));
    insta::assert_snapshot!("archive_search_80x24", app.render(80, 24).backend());
    app.update(Msg::Reply(Reply::History(history::from_meetings(
        &year,
        &[],
    ))));
    insta::assert_snapshot!("archive_actions_80x24", app.render(80, 24).backend());
}

/// The decisions register in the Archive pane (`d`), asked for and answered as the run loop
/// does, at 80x24 and 120x40: the minute, the item and the decision, Part B marked.
#[test]
fn the_archive_decisions_register_at_80x24_and_120x40() {
    use minutebook::app::Effect;
    use minutebook::app::archive::{Reply, Request};
    let year = minutebook::demo::year();
    let summaries: Vec<_> = year.iter().map(minutebook::store::Summary::of).collect();
    let mut app = Workspace::new(App::new(year[9].clone(), None, at(14, 2), Theme::plain()));
    app.update(Msg::Archive(summaries.into()));
    app.key(KeyCode::Char('6'), KeyModifiers::ALT);
    app.key(KeyCode::Char('d'), KeyModifiers::NONE);
    assert_eq!(app.take_effects(), [Effect::Request(Request::Decisions)]);
    let all = minutebook::model::register::of_meetings(&year, None, None);
    app.update(Msg::Reply(Reply::Decisions {
        all,
        problems: vec![],
    }));
    insta::assert_snapshot!("archive_decisions_80x24", app.render(80, 24).backend());
    // The June placement decision, Part B, further down the register.
    for _ in 0..5 {
        app.key(KeyCode::Down, KeyModifiers::NONE);
    }
    insta::assert_snapshot!("archive_decisions_120x40", app.render(120, 40).backend());
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
        screen.contains("[PART B] exempt (under a Part B item): Schedule 12A, paragraph 2"),
        "{screen}"
    );
    // The minutes pane's heading wears the same tag, then says what it means.
    app.key(KeyCode::Char('3'), KeyModifiers::ALT);
    let screen = app.render(120, 40).backend().to_string();
    assert!(
        screen.contains("Case discussion  [PART B] exempt, never published"),
        "{screen}"
    );
    // The whole minutes at once (Alt+W) mark it too.
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
    app.typed("ss").alt('3').typed("Apologies from Cllr Raman.");
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

/// The column at which `text` starts on row `y` of the screen, counting cells (so a wide
/// character counts as the two columns it takes).
fn column_of(t: &Terminal<TestBackend>, y: u16, text: &str) -> Option<u16> {
    let buf = t.backend().buffer();
    let mut row = String::new();
    let mut xs = Vec::new();
    for x in 0..buf.area.width {
        let symbol = buf[(x, y)].symbol();
        for _ in symbol.chars() {
            xs.push(x);
        }
        row.push_str(symbol);
    }
    let at = row.find(text)?;
    Some(xs[row[..at].chars().count()])
}

/// The rows of the screen whose text contains `text`.
fn rows_with(t: &Terminal<TestBackend>, text: &str) -> Vec<u16> {
    let lines: Vec<String> = t.backend().to_string().lines().map(String::from).collect();
    (0..lines.len() as u16)
        .filter(|y| lines[usize::from(*y)].contains(text))
        .collect()
}

/// December's agenda with item 4.2 given a title far wider than the window and three
/// principles, and an item titled in wide characters.
fn long_titles() -> Workspace {
    use minutebook::model::agenda::{self, Principle};
    use minutebook::model::{AgendaItem, ItemKind};
    let mut app = meeting_in_progress();
    let rows = app.agenda_rows();
    let item = agenda::find_mut(&mut app.meeting.agenda, rows[5]).unwrap();
    item.title =
        "Children placed in unregulated and unregistered settings, including those placed \
                  out of area and those aged 16 and 17 in supported accommodation"
            .into();
    item.principles = [
        Principle::BestInterests,
        Principle::SafetyAndStability,
        Principle::PrepareForAdulthood,
    ]
    .into();
    let next = agenda::next_id(&app.meeting.agenda);
    let mut wide = AgendaItem::new(
        next,
        "児童養護施設の訪問報告と子どもの声の記録について",
        ItemKind::Report,
    );
    wide.principles = [Principle::ExpressViews].into();
    wide.minutes_allotted = Some(10);
    app.meeting.agenda.push(wide);
    app.key(KeyCode::Char('1'), KeyModifiers::ALT);
    app
}

#[test]
fn principle_tags_stay_beside_a_long_title_at_80x24() {
    let mut app = long_titles();
    let t = app.render(80, 24);
    let row = rows_with(t, "Children placed in unregulated")[0];
    let line = t
        .backend()
        .to_string()
        .lines()
        .nth(usize::from(row))
        .unwrap()
        .to_string();
    // The title is shortened, visibly; its tags and the columns after it stay.
    assert!(line.contains("… P1,P6,P7 "), "{line}");
    assert!(line.contains("10 · pending"), "{line}");
    insta::assert_snapshot!("agenda_long_title_80x24", t.backend());
}

#[test]
fn agenda_columns_stay_aligned_with_long_and_wide_titles() {
    let mut app = long_titles();
    // Tall enough that every item shows.
    for w in [80, 120] {
        let t = app.render(w, 40);
        let header = rows_with(t, "No.")[0];
        let tags = column_of(t, header, "Tags").unwrap();
        let status = column_of(t, header, "Status").unwrap();
        for status_word in ["✓ done", "▶ current", "· pending"] {
            for y in rows_with(t, status_word) {
                assert_eq!(column_of(t, y, status_word), Some(status), "{w}: row {y}");
            }
        }
        for tag in ["P1,P4", "P1,P6,P7", "P2 "] {
            let y = rows_with(t, tag)[0];
            assert_eq!(column_of(t, y, tag), Some(tags), "{w}: {tag}");
        }
    }
}

#[test]
fn a_list_longer_than_the_pane_scrolls_to_the_selection_with_a_scrollbar() {
    let mut app = long_titles();
    // To the last item, far below what 80x24 shows.
    for _ in 0..20 {
        app.typed("j");
    }
    let t = app.render(80, 24);
    let screen = t.backend().to_string();
    let selected = screen.lines().find(|l| l.starts_with("\"›")).unwrap();
    assert!(selected.contains("児童養護施設"), "{screen}");
    // The first items have scrolled off, and the bar's thumb is at the bottom.
    assert!(!screen.contains("Welcome, apologies"), "{screen}");
    assert!(screen.contains('▼') && screen.contains('█'), "{screen}");
    insta::assert_snapshot!("agenda_scrolled_80x24", t.backend());
}

#[test]
fn other_lists_keep_their_columns_with_long_text_at_80x24() {
    let mut app = meeting_in_progress();
    let mut actions = app.meeting.actions.iter_mut();
    let a = actions.find(|a| a.owner == "Amira Khan").unwrap();
    a.text = "子ども".repeat(30);
    a.owner = "Cllr Margaret Holloway-Fitzwilliam".into();
    app.meeting.attendance[0].name = "Cllr Margaret Holloway-Fitzwilliam of Upper Ashby".into();
    app.key(KeyCode::Char('4'), KeyModifiers::ALT);
    let t = app.render(80, 24);
    let header = rows_with(t, "Status")[0];
    let (owner, due) = (column_of(t, header, "Owner"), column_of(t, header, "Due"));
    for (y, text) in [
        ("Karen Whitfield", "14 Oct 2026"),
        ("Cllr Margaret", "9 Dec 2026"),
    ] {
        let row = rows_with(t, y)[0];
        assert_eq!(column_of(t, row, y), owner, "{y}");
        assert_eq!(column_of(t, row, text), due, "{text}");
    }
    app.key(KeyCode::Char('5'), KeyModifiers::ALT);
    let t = app.render(80, 24);
    let header = rows_with(t, "Name")[0];
    let role = column_of(t, header, "Role");
    for name in ["Cllr Margaret Holloway-F", "Jo Marsh"] {
        let row = rows_with(t, name)[0];
        let word = if name == "Jo Marsh" {
            "officer"
        } else {
            "member"
        };
        assert_eq!(column_of(t, row, word), role, "{name}");
    }
}

#[test]
fn help_uses_the_width_there_is_and_wraps_under_its_keys() {
    const EXPORT: &str =
        "Export this meeting (Markdown, text, HTML, JSON, Open Civic Data; public or full)";
    let mut app = meeting_in_progress();
    app.key(KeyCode::Char('1'), KeyModifiers::ALT);
    app.key(KeyCode::F(1), KeyModifiers::NONE);
    // Scrolled until the export key shows: the longest description there is.
    let mut t = app.render(120, 40);
    for _ in 0..100 {
        if !rows_with(t, "Export this meeting").is_empty() {
            break;
        }
        app.key(KeyCode::Down, KeyModifiers::NONE);
        t = app.render(120, 40);
    }
    assert!(t.backend().to_string().contains(EXPORT), "{}", t.backend());
    insta::assert_snapshot!("help_agenda_120x40", t.backend());

    // At 80 columns it wraps, and the rest sits under its first words, not under the keys.
    app.key(KeyCode::Esc, KeyModifiers::NONE);
    app.key(KeyCode::F(1), KeyModifiers::NONE);
    let mut t = app.render(80, 24);
    while rows_with(t, "public or full)").is_empty() {
        app.key(KeyCode::Down, KeyModifiers::NONE);
        t = app.render(80, 24);
    }
    let first = rows_with(t, "Export this meeting")[0];
    let x = column_of(t, first, "Export this meeting").unwrap();
    let screen = t.backend().to_string();
    let next = screen.lines().nth(usize::from(first) + 1).unwrap();
    let rest = next.trim_matches(|c| c == '"' || c == '│' || c == ' ');
    assert!(EXPORT.ends_with(rest), "{screen}");
    assert_eq!(column_of(t, first + 1, rest), Some(x), "{screen}");
    insta::assert_snapshot!("help_agenda_wrapped_80x24", t.backend());
}

#[test]
fn a_form_hint_that_wraps_stays_under_its_field() {
    let mut app = meeting_in_progress();
    app.typed("n");
    // Narrow enough that "as it should appear in the minutes" needs two rows.
    let t = app.render(44, 24);
    let first = rows_with(t, "as it should")[0];
    let x = column_of(t, first, "as it should").unwrap();
    let screen = t.backend().to_string();
    let next = screen.lines().nth(usize::from(first) + 1).unwrap();
    assert!(next.contains("the minutes"), "{screen}");
    assert_eq!(column_of(t, first + 1, "the minutes"), Some(x), "{screen}");
}

#[test]
fn a_click_lands_on_the_tab_drawn_there_at_any_width() {
    use minutebook::keymap::Tab;
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    use ratatui::layout::Size;
    let mut app = meeting_in_progress();
    // At 120 columns the Standing tab has its long name, which moves the tabs after it.
    for w in [80, 120] {
        app.update(Msg::Resize(Size::new(w, 40)));
        for tab in Tab::ALL {
            let t = app.render(w, 40);
            let title = format!("{} {}", tab.index() + 1, &tab.title()[..4]);
            let x = column_of(t, 0, &title).unwrap();
            app.update(Msg::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: x,
                row: 0,
                modifiers: KeyModifiers::NONE,
            }));
            assert_eq!(app.tab, tab, "{w} columns, clicked at {x}");
        }
    }
}

/// Keys too long for the help's key column ("Ctrl-Backspace Ctrl-W") take a row of their
/// own, and what they do sits in the same column as every other key's help.
#[test]
fn help_keeps_every_description_in_one_column_however_long_the_keys() {
    let mut app = meeting_in_progress();
    app.alt('3');
    app.key(KeyCode::F(1), KeyModifiers::NONE);
    let mut t = app.render(80, 24);
    // Scrolled until the key shows; the help is far shorter than 200 rows.
    for _ in 0..200 {
        if !rows_with(t, "Delete the word before the cursor").is_empty() {
            break;
        }
        app.key(KeyCode::Down, KeyModifiers::NONE);
        t = app.render(80, 24);
    }
    let row = rows_with(t, "Delete the word before the cursor")[0];
    let column = column_of(t, row, "Delete the word before the cursor");
    let screen = t.backend().to_string();
    assert_eq!(
        column,
        column_of(t, row - 1, "Ctrl-W").map(|_| column.unwrap()),
        "{screen}"
    );
    for text in [
        "Select all",
        "New paragraph",
        "Delete the word after the cursor",
    ] {
        if let Some(&r) = rows_with(t, text).first() {
            assert_eq!(column_of(t, r, text), column, "{text}\n{screen}");
        }
    }
    let above = screen.lines().nth(usize::from(row) - 1).unwrap();
    assert!(above.contains("Ctrl-Backspace Ctrl-W"), "{screen}");
}

/// A value longer than its field scrolls sideways with the cursor: the end just typed
/// shows, in the field's row, and the rest of the form stays where it was.
#[test]
fn a_long_value_in_a_form_scrolls_with_the_cursor_and_never_wraps() {
    let mut app = meeting_in_progress();
    app.alt('3').alt('a');
    let text = "Ask the Director to write to every placing authority about the notification \
                of unregulated placements to Ofsted before the next meeting";
    app.typed(text);
    let t = app.render(80, 24);
    let screen = t.backend().to_string();
    let row = rows_with(t, "› Action")[0];
    let line = screen.lines().nth(usize::from(row)).unwrap();
    assert!(
        line.contains("…"),
        "the start is out of sight, and says so: {screen}"
    );
    assert!(line.contains("before the next meeting"), "{screen}");
    assert!(
        screen
            .lines()
            .nth(usize::from(row) + 1)
            .unwrap()
            .contains("what is to be done"),
        "the hint stays under its field: {screen}"
    );
    let end = column_of(t, row, "meeting").map(|c| c + "meeting".len() as u16);
    insta::assert_snapshot!("form_long_value_80x24", t.backend());
    let at = app.cursor();
    assert_eq!(at.y, row, "{screen}");
    assert_eq!(
        Some(at.x),
        end,
        "the cursor is just after what was typed: {screen}"
    );
}

#[test]
fn the_action_edit_and_attendance_times_forms_at_80x24_and_120x40() {
    let mut app = meeting_in_progress();
    app.key(KeyCode::Char('4'), KeyModifiers::ALT);
    app.typed("e");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("form_edit_action_{w}x{h}"),
            app.render(w, h).backend()
        );
    }
    app.key(KeyCode::Esc, KeyModifiers::NONE);
    app.key(KeyCode::Char('5'), KeyModifiers::ALT);
    app.typed("kkt");
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("form_attendance_times_{w}x{h}"),
            app.render(w, h).backend()
        );
    }
}

#[test]
fn an_edited_then_withdrawn_action_shows_its_whole_history_at_80x24() {
    let mut app = meeting_in_progress();
    app.user = "lford".into();
    app.key(KeyCode::Char('4'), KeyModifiers::ALT);
    app.typed("je");
    app.key(KeyCode::Tab, KeyModifiers::NONE);
    app.typed("Head of Service");
    app.key(KeyCode::Enter, KeyModifiers::NONE);
    app.typed("w");
    insta::assert_snapshot!("confirm_withdraw_80x24", app.render(80, 24).backend());
    app.typed("y");
    insta::assert_snapshot!("actions_withdrawn_80x24", app.render(80, 24).backend());
}

#[test]
fn the_meeting_details_form_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let m = minutebook::demo::year().pop().unwrap();
        let mut app = Workspace::new(App::new(m, None, at(13, 55), Theme::plain()));
        app.typed("m");
        // A refusal names its field under the form.
        app.key(KeyCode::Tab, KeyModifiers::NONE);
        app.typed("2026-11-01");
        app.key(KeyCode::Enter, KeyModifiers::NONE);
        let t = app.render(w, h);
        insta::assert_snapshot!(format!("form_meeting_details_{w}x{h}"), t.backend());
    }
}
/// December's meeting with its board's record: a chair, a vice-chair, an officer, a young
/// person who does not vote.
fn with_board() -> Workspace {
    use minutebook::model::{Board, BoardId, Member, Role, UsualDay, WeekOfMonth};
    let m = minutebook::demo::year().pop().unwrap();
    let mut app = Workspace::new(App::new(m, None, at(13, 55), Theme::plain()));
    let mut chair = Member::new("Cllr Margaret Holloway", Role::Member, "Lead Member");
    chair.chair = true;
    let mut vice = Member::new("Cllr Peter Okafor", Role::Member, "");
    vice.vice_chair = true;
    let mut young = Member::new("Jay", Role::YoungPerson, "Children in Care Council");
    young.voting = false;
    app.board = Some(Board {
        id: BoardId::parse("cpb").unwrap(),
        name: "Corporate Parenting Board".into(),
        council: "Dorset Council".into(),
        code: "CPB".into(),
        minute_year: Default::default(),
        item_times_in_minutes: false,
        contact: String::new(),
        quorum: 2,
        venue: "Committee Room 1, County Hall".into(),
        usual_day: Some(UsualDay {
            weekday: chrono::Weekday::Wed,
            week: WeekOfMonth::Second,
        }),
        usual_time: NaiveTime::from_hms_opt(14, 0, 0),
        template: "corporate-parenting-board".into(),
        members: vec![
            chair,
            vice,
            Member::new("Leanne Ford", Role::Officer, "Head of Service"),
            young,
        ],
        young_people: Default::default(),
        clerk: "Sam Clerk".into(),
        adopts: Vec::new(),
    });
    app
}

#[test]
fn the_board_its_roster_and_their_forms() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = with_board();
        app.typed("B");
        let t = app.render(w, h);
        let screen = t.backend().to_string();
        assert!(
            screen.contains("Vice-chair") && screen.contains("non-voting"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("roster_{w}x{h}"), t.backend());
        app.typed("b");
        insta::assert_snapshot!(format!("form_board_{w}x{h}"), app.render(w, h).backend());
        app.press(KeyCode::Esc).typed("e");
        insta::assert_snapshot!(format!("form_member_{w}x{h}"), app.render(w, h).backend());
    }
}

#[test]
fn the_new_meeting_form_offers_the_boards_next_usual_date() {
    use minutebook::app::archive::{BoardOffer, Reply};
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = with_board();
        let mut fp = app.board.clone().unwrap();
        fp.id = minutebook::model::BoardId::parse("fp").unwrap();
        fp.name = "Fostering Panel".into();
        let offers = [(app.board.clone().unwrap(), 13), (fp, 20)]
            .map(|(board, day)| BoardOffer {
                board,
                next: NaiveDate::from_ymd_opt(2027, 1, day).unwrap(),
            })
            .to_vec();
        app.update(Msg::Reply(Reply::NewMeetingOffers(offers)));
        let t = app.render(w, h);
        assert!(t.backend().to_string().contains("2027-01-13"));
        insta::assert_snapshot!(format!("form_new_meeting_{w}x{h}"), t.backend());
    }
}

#[test]
fn the_first_start_asks_for_another_member_at_80x24() {
    use minutebook::app::setup::Setup;
    use ratatui::crossterm::event::KeyEvent;
    let mut setup = Setup::new(Vec::new(), Theme::plain());
    for c in "Corporate Parenting Board\t\tCPB\nCllr Ada Byron\n".chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        setup.key(KeyEvent::new(code, KeyModifiers::NONE));
    }
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| minutebook::ui::setup::draw(&setup, f)).unwrap();
    let screen = t.backend().to_string();
    assert!(screen.contains("Cllr Ada Byron (Chair)"), "{screen}");
    insta::assert_snapshot!("first_start_another_member_80x24", t.backend());
}

/// The questions before a meeting starts, and the times forms of a meeting written up
/// afterwards (one refusal shown), at both sizes.
#[test]
fn the_start_questions_and_the_times_forms() {
    let january = NaiveDate::from_ymd_opt(2027, 1, 5)
        .unwrap()
        .and_time(NaiveTime::from_hms_opt(18, 30, 0).unwrap());
    let m = minutebook::demo::year().pop().unwrap();
    let mut app = Workspace::new(App::new(m, None, january, Theme::plain()));
    let both = |app: &mut Workspace, name: &str| {
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), app.render(w, h).backend());
        }
    };
    app.typed("s");
    both(&mut app, "start_attendance_not_taken");
    app.typed("s");
    both(&mut app, "start_live_or_written_up");
    app.typed("w").typed("T");
    both(&mut app, "form_meeting_times");
    app.typed("14:00\t16:10")
        .key(KeyCode::Enter, KeyModifiers::NONE);
    app.typed("t")
        .typed("14:00\t14:12")
        .key(KeyCode::Enter, KeyModifiers::NONE);
    app.typed("jt").typed("14:05");
    app.key(KeyCode::Enter, KeyModifiers::NONE);
    both(&mut app, "form_item_times_refused");
    app.key(KeyCode::Esc, KeyModifiers::NONE);
    both(&mut app, "agenda_written_up");
}

/// December under way with four members present: an interest declared in item 4.1 and the
/// member leaving the room, a resolution refused for naming them as mover, then recorded
/// with its vote, and the recorded vote by name: each form, and the Minutes pane after.
#[test]
fn the_declaration_resolution_and_recorded_vote_forms_and_the_minutes_after() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = meeting_in_progress();
        app.typed("ppp");
        app.key(KeyCode::Char('3'), KeyModifiers::ALT);
        app.key(KeyCode::Char('i'), KeyModifiers::ALT);
        app.typed("Cllr Tom Ashworth\t\tpec\tdirector of a lettings company\tyes");
        insta::assert_snapshot!(
            format!("form_declaration_{w}x{h}"),
            app.render(w, h).backend()
        );
        app.typed("\n");
        app.key(KeyCode::Char('r'), KeyModifiers::ALT);
        app.typed("That the report be noted\tCllr Tom Ashworth\n");
        insta::assert_snapshot!(
            format!("form_resolution_refused_{w}x{h}"),
            app.render(w, h).backend()
        );
        app.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        app.typed("Cllr Priya Raman\tCllr Samuel Achebe\t2\t1\t0\n");
        app.key(KeyCode::Char('v'), KeyModifiers::ALT);
        app.typed("for\tfor\tagainst");
        insta::assert_snapshot!(
            format!("form_recorded_vote_{w}x{h}"),
            app.render(w, h).backend()
        );
        app.typed("\n");
        insta::assert_snapshot!(
            format!("minutes_procedure_{w}x{h}"),
            app.render(w, h).backend()
        );
    }
}
