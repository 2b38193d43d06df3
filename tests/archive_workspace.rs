//! The Archive pane driven by keys, with its requests answered by the real store (as the
//! run loop does): open an earlier meeting read-only and come back, approve the previous
//! minutes, record an erratum, and refused edits to sealed minutes.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::workspace::Workspace;
use minutebook::app::archive::{ArchiveView, Reply, Row};
use minutebook::app::{App, Effect, Msg};
use minutebook::keymap::Tab;
use minutebook::model::approval::{self, SealCheck};
use minutebook::model::{
    AgendaItem, ItemId, ItemKind, ItemRole, MeetingId, MeetingStatus, YoungPeopleNamed,
};
use minutebook::store::Store;
use minutebook::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_hms_opt(14, 5, 0)
        .unwrap()
}

/// The workspace on meeting `id` of `store`, with the archive listed, as the run loop opens it.
fn workspace(store: &Store, id: &str) -> Workspace {
    let (meeting, handle) = store.open_meeting(&MeetingId::parse(id).unwrap()).unwrap();
    let mut app = App::new(
        meeting,
        handle.read_only().map(str::to_string),
        now(),
        Theme::plain(),
    );
    app.update(Msg::Archive(store.list().unwrap().into()));
    Workspace::new(app)
}

/// Answers the app's requests from the store, as the run loop does; returns the replies.
fn pump(app: &mut App, store: &Store) -> Vec<Reply> {
    let mut replies = Vec::new();
    for effect in app.take_effects() {
        if let Effect::Request(r) = effect {
            let reply = minutebook::requests::answer(store, r);
            replies.push(reply.clone());
            app.update(Msg::Reply(reply));
            app.update(Msg::Archive(store.list().unwrap().into()));
        }
    }
    replies
}

/// Opens the Archive pane and moves its cursor down to meeting `id`.
fn select_in_archive(app: &mut Workspace, id: &str) {
    app.alt('6');
    let at = app
        .archive
        .meetings
        .iter()
        .position(|s| s.id.as_str() == id)
        .unwrap();
    for _ in 0..at {
        app.press(KeyCode::Down);
    }
}

/// Exports the meeting selected in the Archive pane, public, to `out`.
fn export_public(app: &mut Workspace, out: &std::path::Path) {
    app.press(KeyCode::Char('x'));
    for _ in 0..3 {
        app.press(KeyCode::Tab);
    }
    app.typed(out.to_str().unwrap());
    app.press(KeyCode::Enter);
}

#[test]
fn the_archive_lists_every_meeting_newest_first_with_status_in_words() {
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    app.alt('6');
    assert_eq!(app.tab, Tab::Archive);
    let dates: Vec<_> = app.archive.meetings.iter().map(|s| s.date).collect();
    assert_eq!(dates.len(), 10);
    assert!(
        dates.windows(2).all(|w| w[0] > w[1]),
        "newest first: {dates:?}"
    );
    // The open meeting is planned, the last held is a draft, the rest approved.
    let statuses: Vec<_> = app.archive.meetings.iter().map(|s| s.status).collect();
    assert_eq!(statuses[0], MeetingStatus::Planned);
    assert_eq!(statuses[1], MeetingStatus::Draft);
    assert!(statuses[2..].iter().all(|s| *s == MeetingStatus::Approved));
    assert!(app.archive.meetings[2].approval.is_some());
}

#[test]
fn an_earlier_meeting_opens_read_only_in_every_pane_and_esc_comes_back() {
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    app.alt('6');
    app.press(KeyCode::Down);
    app.press(KeyCode::Down);
    app.press(KeyCode::Enter);
    let replies = pump(&mut app, &store);
    assert!(matches!(replies[..], [Reply::Opened { .. }]), "{replies:?}");
    let view = app.viewing.as_ref().expect("the meeting is open to read");
    assert_eq!(view.meeting.id, app.archive.meetings[2].id);
    assert!(view.read_only.is_some());

    // Every pane of the earlier meeting can be visited; nothing in it can change.
    // A key that changes something in each pane: add an item, add a figure, mark done, mark present.
    for (c, edit) in [('1', 'a'), ('2', 'a'), ('4', 'd'), ('5', 'p')] {
        app.press(KeyCode::Char(c));
        app.press(KeyCode::Char(edit));
        let view = app.viewing.as_ref().unwrap();
        assert_eq!(view.tab.index() + 1, c.to_digit(10).unwrap() as usize);
        assert!(
            view.overlay.is_none(),
            "no form opens on a read-only meeting"
        );
        assert!(view.flash.as_deref().unwrap().contains("Read-only"));
    }
    app.press(KeyCode::Esc);
    let view = app.viewing.as_ref();
    assert!(view.is_none(), "Esc outside a form comes back");
    assert_eq!(app.tab, Tab::Archive);

    app.press(KeyCode::Enter);
    pump(&mut app, &store);
    app.press(KeyCode::Char('3'));
    app.typed("typed into approved minutes");
    let view = app.viewing.as_ref().unwrap();
    assert_eq!(view.tab, Tab::Minutes);
    assert!(!view.minutes.editor.text().contains("typed into"));
    assert!(view.flash.as_deref().unwrap_or("").contains("Read-only"));
    // The open meeting was never touched.
    assert_eq!(app.revision(), 0);
    app.alt('6');
    assert!(app.viewing.is_none());
    assert_eq!(app.meeting.id.as_str(), "2026-12-09");
}

/// The tabs of a meeting opened to read are where the workspace's are: a click on one,
/// in a window wider than the default, lands on the tab drawn there.
#[test]
fn a_click_on_a_tab_of_a_meeting_opened_to_read_lands_where_it_is_drawn() {
    use minutebook::ui::layout::tab_spans;
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    app.resize(120, 40);
    app.alt('6').press(KeyCode::Down).press(KeyCode::Enter);
    pump(&mut app, &store);
    let at = |w: u16, x: u16| tab_spans(w).find(|(_, span)| span.contains(&x));
    // The last column of the Actions tab at 120 columns, which at 80 is Attendance's.
    let x = tab_spans(120)
        .find(|(t, _)| *t == Tab::Actions)
        .unwrap()
        .1
        .end
        - 1;
    assert_eq!(at(80, x).map(|(t, _)| t), Some(Tab::Attendance));
    app.click(x, 0);
    assert_eq!(
        app.viewing.as_ref().expect("still reading").tab,
        Tab::Actions
    );
}

#[test]
fn the_board_approves_the_previous_minutes_which_seals_them_and_edits_are_refused() {
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    let previous = app.meeting.previous.clone().unwrap();
    assert_eq!(
        store.load(&previous).unwrap().meeting.status,
        MeetingStatus::Draft
    );

    app.press(KeyCode::Char('v'));
    // The chair's name is offered; the date is the meeting's.
    app.press(KeyCode::Enter);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(replies[..], [Reply::Approved { .. }]),
        "{replies:?}"
    );
    assert!(
        app.flash
            .as_deref()
            .unwrap()
            .contains("approved and sealed")
    );

    let sealed = store.load(&previous).unwrap().meeting;
    assert_eq!(sealed.status, MeetingStatus::Approved);
    let a = sealed.approval.as_ref().unwrap();
    assert_eq!(a.approved_by, "Cllr Margaret Holloway");
    assert_eq!(a.at_meeting, app.meeting.id);
    assert_eq!(approval::check(&sealed), SealCheck::Intact);

    // The minutes item of this meeting records the resolution.
    let item = minutebook::model::agenda::numbered(&app.meeting.agenda)
        .into_iter()
        .find(|(_, i)| i.role == Some(ItemRole::PreviousMinutes))
        .unwrap()
        .1;
    assert!(
        item.decisions
            .last()
            .unwrap()
            .text
            .contains("approved as a correct record")
    );

    // Approving again is refused with the reason.
    app.press(KeyCode::Char('v'));
    assert!(app.flash.as_deref().unwrap().contains("already approved"));

    // An edit to the sealed minutes is refused by the store, whatever the caller.
    let (mut m, mut handle) = store.open_meeting(&previous).unwrap();
    m.agenda[0].minutes.push_str(" Amended later.");
    let err = store.save(&mut handle, &m).unwrap_err().to_string();
    assert!(err.contains("sealed") && err.contains("erratum"), "{err}");
    assert_eq!(
        approval::check(&store.load(&previous).unwrap().meeting),
        SealCheck::Intact
    );
}

#[test]
fn an_erratum_is_recorded_beside_approved_minutes_from_the_archive() {
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    app.alt('6');
    // The draft cannot take an erratum: it can still be corrected.
    app.press(KeyCode::Down);
    app.press(KeyCode::Char('e'));
    assert!(app.flash.as_deref().unwrap().contains("not approved"));
    app.press(KeyCode::Down);
    let id = app.archive.meetings[2].id.clone();
    app.press(KeyCode::Char('e'));
    app.typed("For \"Cllr Smith\" read \"Cllr Smyth\".");
    app.press(KeyCode::Tab);
    app.typed("99");
    app.press(KeyCode::Enter);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(&replies[..], [Reply::Failed(why)] if why.contains("no item 99")),
        "{replies:?}"
    );
    app.press(KeyCode::Char('e'));
    app.typed("For \"Cllr Smith\" read \"Cllr Smyth\".");
    app.press(KeyCode::Tab);
    app.typed("3");
    app.press(KeyCode::Enter);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(replies[..], [Reply::ErratumRecorded { .. }]),
        "{replies:?}"
    );

    let m = store.load(&id).unwrap().meeting;
    assert_eq!(m.errata.len(), 1);
    assert!(m.errata[0].text.contains("Smyth"));
    assert_eq!(
        approval::check(&m),
        SealCheck::Intact,
        "an erratum leaves the seal intact"
    );
    assert_eq!(app.archive.meetings[2].errata, 1);
    assert_eq!(app.archive.view, ArchiveView::Meetings);
}

#[test]
fn the_workspace_exports_a_public_document_and_never_overwrites_a_file() {
    let (tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    // June's meeting had Part B business.
    select_in_archive(&mut app, "2026-06-10");
    let out = tmp.path().join("june.html");
    export_public(&mut app, &out);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(&replies[..], [Reply::Exported(what)] if what.contains("public, 1 exempt item(s) by title only")),
        "{replies:?}"
    );
    let html = std::fs::read_to_string(&out).unwrap();
    let june = store
        .load(&MeetingId::parse("2026-06-10").unwrap())
        .unwrap()
        .meeting;
    let exempt = june.agenda.iter().find(|i| i.is_exempt()).unwrap();
    assert!(html.contains(&exempt.title.replace('\'', "&#39;")) || html.contains(&exempt.title));
    assert!(!exempt.minutes.is_empty());
    assert!(
        !html.contains(&exempt.minutes[..40]),
        "exempt minutes leaked"
    );

    // The same export again (a retry) finds it done and overwrites nothing.
    export_public(&mut app, &out);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(&replies[..], [Reply::Exported(why)] if why.contains("already holds exactly")),
        "{replies:?}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), html);
    // Over any other file it is refused, and that file is untouched.
    std::fs::write(&out, "someone else's file").unwrap();
    export_public(&mut app, &out);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(&replies[..], [Reply::Failed(why)] if why.contains("already exists")),
        "{replies:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "someone else's file"
    );
}

#[test]
fn the_workspace_public_export_gives_young_people_by_role_unless_the_board_names_them() {
    let (tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    // June's record names Jay, a young person, only in its attendance.
    select_in_archive(&mut app, "2026-06-10");
    let export = |app: &mut Workspace, name: &str| {
        let out = tmp.path().join(name);
        export_public(app, &out);
        let replies = pump(app, &store);
        assert!(matches!(&replies[..], [Reply::Exported(_)]), "{replies:?}");
        std::fs::read_to_string(&out).unwrap()
    };
    // The board, as every board does until the clerk says otherwise, gives role only.
    let html = export(&mut app, "role-only.html");
    assert!(!html.contains("Jay"), "{html}");
    assert!(
        html.contains("Young person (Children in Care Council)"),
        "{html}"
    );

    let mut board = store.boards().unwrap().remove(0);
    board.young_people = YoungPeopleNamed::FirstName;
    store.save_board(&board).unwrap();
    assert!(export(&mut app, "first-name.html").contains("Jay"));
}

#[test]
fn a_workspace_public_export_leaves_out_actions_whose_raising_item_was_made_exempt_later() {
    const PLEDGE: &str = "Hold a joint session with the Children in Care Council on the new pledge";
    let (tmp, store) = common::demo_store();
    // November raised PLEDGE under a sub-item of its standing items; December carries it.
    // Only now, with December made, are November's standing items made Part B.
    let nov = MeetingId::parse("2026-11-11").unwrap();
    let (mut m, mut handle) = store.open_meeting(&nov).unwrap();
    let under = m
        .actions
        .iter()
        .find(|a| a.text == PLEDGE)
        .unwrap()
        .raised
        .item;
    let parent = m
        .agenda
        .iter_mut()
        .find(|i| i.sub_items.iter().any(|s| Some(s.id) == under))
        .unwrap();
    parent.exempt = Some(minutebook::model::Exemption {
        reason: "Schedule 12A, paragraph 2".into(),
    });
    store.save(&mut handle, &m).unwrap();
    drop(handle);

    let mut app = workspace(&store, "2026-12-09");
    app.alt('6');
    let out = tmp.path().join("december.html");
    export_public(&mut app, &out);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(&replies[..], [Reply::Exported(what)] if what.contains("2026-12-09") && what.contains("public")),
        "{replies:?}"
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Publish the refreshed Local Offer"), "{html}");
    assert!(
        !html.contains(PLEDGE),
        "an action from Part B business was published"
    );
}

#[test]
fn search_from_the_archive_opens_the_meeting_at_the_item_and_comes_back_to_the_results() {
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    app.alt('6');
    app.press(KeyCode::Char('/'));
    // Lower case and no accents still find "Ofsted"; both words must be in one item.
    app.typed("ofsted unregulated");
    app.press(KeyCode::Enter);
    let replies = pump(&mut app, &store);
    let Reply::Found { hits, .. } = &replies[0] else {
        panic!("{replies:?}")
    };
    assert!(!hits.is_empty());
    for h in hits {
        let m = store.load(&h.meeting).unwrap().meeting;
        let item = m.item(h.item.as_ref().unwrap().id).unwrap();
        let text = format!("{} {}", item.title, item.minutes).to_lowercase();
        assert!(
            text.contains("ofsted") && text.contains("unregulated"),
            "{text}"
        );
    }
    let ArchiveView::Found { hits, .. } = &app.archive.view else {
        panic!("the results are shown")
    };
    let first = hits[0].clone();
    let marked: Vec<String> = first
        .snippet
        .pieces()
        .iter()
        .filter(|(_, hit)| *hit)
        .map(|(p, _)| p.to_lowercase())
        .collect();
    assert!(
        !marked.is_empty() && marked.iter().all(|p| p == "ofsted" || p == "unregulated"),
        "{:?}",
        first.snippet
    );

    app.press(KeyCode::Enter);
    pump(&mut app, &store);
    let view = app.viewing.as_ref().expect("opened");
    assert_eq!(view.meeting.id, first.meeting);
    assert_eq!(view.tab, Tab::Minutes);
    assert_eq!(view.minutes.item, Some(first.item.as_ref().unwrap().id));
    assert!(view.minutes.editor.text().to_lowercase().contains("ofsted"));

    app.press(KeyCode::Esc);
    assert!(app.viewing.is_none());
    assert!(
        matches!(app.archive.view, ArchiveView::Found { .. }),
        "back at the results"
    );
    app.press(KeyCode::Esc);
    assert_eq!(app.archive.view, ArchiveView::Meetings);
}

#[test]
fn the_action_history_covers_the_archive_and_filters_by_status_and_owner() {
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    app.alt('6');
    app.press(KeyCode::Char('a'));
    pump(&mut app, &store);
    let all = app.archive.rows();
    assert!(all > 5, "{all}");
    let ids: std::collections::BTreeSet<_> = app
        .archive
        .action_rows(app.archive.today)
        .iter()
        .map(|r| r.id().clone())
        .collect();
    assert_eq!(ids.len(), all, "each action once, at its latest state");

    app.press(KeyCode::Char('o'));
    let open = app.archive.action_rows(app.archive.today);
    assert!(!open.is_empty() && open.len() < all);
    assert!(open.iter().all(|r| r.action.is_open()));
    app.press(KeyCode::Char('o'));
    let today = app.archive.today;
    assert!(
        app.archive
            .action_rows(today)
            .iter()
            .all(|r| r.is_overdue(today))
    );
    app.press(KeyCode::Char('o'));
    assert_eq!(app.archive.rows(), all);

    app.press(KeyCode::Char('w'));
    app.typed("penhaligon");
    app.press(KeyCode::Enter);
    let mine = app.archive.action_rows(today);
    assert!(!mine.is_empty());
    assert!(mine.iter().all(|r| r.action.owner == "Dr Ruth Penhaligon"));
}

#[test]
fn previous_minutes_with_impossible_figures_are_an_error_naming_the_field_and_are_not_sealed() {
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    let previous = app.meeting.previous.clone().unwrap();
    let path = store.path_of(&previous);
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["standing"]["iha"]["due"] = 10.into();
    v["standing"]["iha"]["within_20_days"] = 15.into();
    v["standing"]["iha"]["late"] = 0.into();
    let bad = serde_json::to_string_pretty(&v).unwrap();
    std::fs::write(&path, &bad).unwrap();
    app.update(Msg::Archive(store.list().unwrap().into()));
    assert!(
        app.archive.meetings.iter().all(|s| s.id != previous),
        "never listed with a rate"
    );
    assert_eq!(app.archive.unreadable.len(), 1, "a row with its error");

    app.press(KeyCode::Char('v'));
    app.press(KeyCode::Enter);
    let replies = pump(&mut app, &store);
    assert!(matches!(replies[..], [Reply::Failed(_)]), "{replies:?}");
    let flash = app.flash.clone().unwrap_or_default();
    assert!(
        flash.starts_with(&format!("Not approved: meeting {previous} ("))
            && flash.contains(
                "field standing.iha.within_20_days: 15 cannot be more than the 10 IHAs due"
            ),
        "{flash}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bad, "not sealed");
}

#[test]
fn minutes_sealed_at_this_meeting_whose_resolution_was_never_saved_get_it_from_v_once() {
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    app.press(KeyCode::Char('v'));
    app.press(KeyCode::Enter);
    assert!(matches!(
        pump(&mut app, &store)[..],
        [Reply::Approved { .. }]
    ));
    // The workspace is killed before it saves the resolution: the file never gets it.
    drop(app);
    let resolution = "held on Wednesday 11 November 2026 be approved as a correct record";
    let count = |app: &App| {
        minutebook::model::agenda::numbered(&app.meeting.agenda)
            .iter()
            .flat_map(|(_, i)| &i.decisions)
            .filter(|d| d.text.contains(resolution))
            .count()
    };
    let mut app = workspace(&store, "2026-12-09");
    assert_eq!(count(&app), 0);
    let saved = app.saved_revision();

    app.press(KeyCode::Char('v'));
    assert!(
        app.flash.as_deref().unwrap().contains("now recorded"),
        "{:?}",
        app.flash
    );
    assert_eq!(count(&app), 1);
    assert_ne!(app.revision(), saved, "the resolution is a change to save");
    app.press(KeyCode::Char('v'));
    assert!(app.flash.as_deref().unwrap().contains("already approved"));
    assert_eq!(count(&app), 1, "recorded once");
}

/// A meeting file that cannot be read is a row of the archive at its date, saying so in
/// words and naming the file and where it breaks; Enter (or x, or e) explains and opens
/// nothing. The CLI warns about the same file; the workspace used to leave it out silently.
#[test]
fn a_corrupt_meeting_is_a_row_of_the_archive_with_its_error_and_enter_explains() {
    let (_tmp, store) = common::demo_store();
    std::fs::write(
        store.dir().join("2026-05-13.json"),
        "{\n  \"schema_version\": 1,\n  \"id\": \"2026-05-13\",\n  oops\n",
    )
    .unwrap();
    let mut app = workspace(&store, "2026-12-09");
    app.alt('6');
    assert_eq!(app.archive.rows(), 10, "9 meetings and the unreadable file");
    let rows = app.archive.meeting_rows();
    let at = rows
        .iter()
        .position(|r| matches!(r, Row::Unreadable(_)))
        .expect("the file has a row");
    // Newest first, it sits between June and April, where its date puts it.
    let Row::Meeting(before) = rows[at - 1] else {
        panic!()
    };
    let Row::Meeting(after) = rows[at + 1] else {
        panic!()
    };
    assert_eq!(
        (before.id.as_str(), after.id.as_str()),
        ("2026-06-10", "2026-04-08")
    );
    for _ in 0..at {
        app.press(KeyCode::Down);
    }
    for key in [
        KeyCode::Enter,
        KeyCode::Char('x'),
        KeyCode::Char('e'),
        KeyCode::Char('D'),
    ] {
        app.press(key);
        let said = app.flash.clone().unwrap_or_default();
        assert!(
            said.contains("2026-05-13.json") && said.contains("line 4, column 3"),
            "{key:?}: {said}"
        );
        assert!(app.take_effects().is_empty(), "{key:?} asks for nothing");
        assert!(app.overlay.is_none() && app.viewing.is_none());
    }
    // Once the file reads again it lists as a meeting.
    let good = minutebook::demo::year()
        .into_iter()
        .find(|m| m.id.as_str() == "2026-05-13")
        .unwrap();
    std::fs::remove_file(store.dir().join("2026-05-13.json")).unwrap();
    store.create(&good).unwrap();
    app.update(Msg::Archive(store.list().unwrap().into()));
    assert_eq!(app.archive.rows(), 10);
    assert!(app.archive.unreadable.is_empty());
}

/// Reading another meeting hides nothing about the clerk's own: a failed save is on the
/// status bar, the refusal to quit unsaved is said and holds (the next key does not quit),
/// and a question about the clerk's file comes up where it can be answered.
#[test]
fn while_reading_another_meeting_your_own_save_state_and_questions_stay_in_view() {
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    app.alt('6').press(KeyCode::Down).press(KeyCode::Enter);
    pump(&mut app, &store);
    assert!(app.viewing.is_some(), "November is open to read");

    app.update(Msg::SaveFailed("no space left on the device".into()));
    let screen = app.screen(80, 24);
    assert!(screen.contains("NOT SAVED"), "{screen}");

    app.ctrl('q');
    assert!(app.quit(), "the clerk asked to quit");
    app.update(Msg::QuitRefused);
    assert!(!app.quit());
    let screen = app.screen(80, 24);
    assert!(screen.contains("again to quit anyway"), "{screen}");
    app.press(KeyCode::Down);
    assert!(!app.quit(), "a key after the refusal is not a second quit");

    app.update(Msg::Notice("Reloaded the changed file.".into()));
    let screen = app.screen(80, 24);
    assert!(screen.contains("Reloaded the changed file."), "{screen}");

    app.alt('6').press(KeyCode::Down).press(KeyCode::Enter);
    pump(&mut app, &store);
    app.offer_conflict(vec!["2026-12-09.json was changed by something else".into()]);
    let screen = app.screen(80, 24);
    assert!(screen.contains("changed by something else"), "{screen}");
}

#[test]
fn the_archive_and_the_public_export_count_the_same_exempt_items() {
    let (tmp, store) = common::demo_store();
    // December takes one item in Part B whose sub-item is marked exempt itself: one exempt
    // item as the published agenda lists it (the sub-item's title is not published).
    let dec = MeetingId::parse("2026-12-09").unwrap();
    let (mut m, mut handle) = store.open_meeting(&dec).unwrap();
    let ground = || {
        Some(minutebook::model::Exemption {
            reason: "Schedule 12A, paragraph 2".into(),
        })
    };
    let next = minutebook::model::agenda::next_id(&m.agenda).0;
    let mut held = AgendaItem::new(ItemId(next), "Placement review", ItemKind::Report);
    held.exempt = ground();
    let mut sub = AgendaItem::new(ItemId(next + 1), "A named child's move", ItemKind::Report);
    sub.exempt = ground();
    held.sub_items.push(sub);
    m.agenda.push(held);
    store.save(&mut handle, &m).unwrap();
    drop(handle);

    let mut app = workspace(&store, "2026-12-09");
    app.alt('6');
    let screen = app.screen(120, 30);
    assert!(
        screen.contains("1 exempt (Part B) item(s)"),
        "the archive's count: {screen}"
    );
    let out = tmp.path().join("december.html");
    export_public(&mut app, &out);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(&replies[..], [Reply::Exported(what)] if what.contains("public, 1 exempt item(s) by title only")),
        "the export's count: {replies:?}"
    );
}

#[test]
fn the_workspace_exports_a_word_document_that_a_retry_finds_already_written() {
    let (tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    select_in_archive(&mut app, "2026-06-10");
    let out = tmp.path().join("june.docx");
    let export_docx = |app: &mut Workspace| {
        app.press(KeyCode::Char('x'));
        // The format field opens holding "html".
        for _ in 0.."html".len() {
            app.press(KeyCode::Backspace);
        }
        app.typed("docx");
        for _ in 0..3 {
            app.press(KeyCode::Tab);
        }
        app.typed(out.to_str().unwrap());
        app.press(KeyCode::Enter);
    };
    export_docx(&mut app);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(&replies[..], [Reply::Exported(what)] if what.contains("as docx (public, 1 exempt item(s) by title only)")),
        "{replies:?}"
    );
    let bytes = std::fs::read(&out).unwrap();
    let shown = common::docx::text(&bytes);
    assert!(shown.contains("Minutes of a meeting of"), "{shown}");
    assert!(!shown.contains("aged 15"), "exempt minutes leaked: {shown}");
    // Made again, it is the same bytes: the retry overwrites nothing.
    export_docx(&mut app);
    let replies = pump(&mut app, &store);
    assert!(
        matches!(&replies[..], [Reply::Exported(why)] if why.contains("already holds exactly")),
        "{replies:?}"
    );
}

/// The chair steps the clerk's own meeting while the clerk reads another: the step is
/// said where the clerk is looking, and the status bar still says the chair may step.
#[test]
fn while_reading_another_meeting_a_chairs_step_moves_your_own_and_is_said_in_view() {
    use minutebook::chair_link::Step;
    use minutebook::model::running;
    let (_tmp, store) = common::demo_store();
    let mut app = workspace(&store, "2026-12-09");
    app.typed("ss"); // start anyway: attendance is not taken
    app.typed("C");
    let first = running::current(&app.meeting);
    app.alt('6').press(KeyCode::Down).press(KeyCode::Enter);
    pump(&mut app, &store);
    assert!(app.viewing.is_some(), "November is open to read");

    app.update(Msg::ChairStep {
        step: Step::Next,
        from: first,
    });
    let said = app.take_chair_reply().unwrap().unwrap();
    assert!(said.contains("moved the meeting on to 2"), "{said}");
    assert_ne!(
        running::current(&app.meeting),
        first,
        "your own meeting moved"
    );
    assert!(app.viewing.is_some(), "still reading");
    let screen = app.screen(80, 24);
    assert!(
        screen.contains("The chair moved the meeting on to 2"),
        "{screen}"
    );
    assert!(screen.contains("chair may step"), "{screen}");
}
