//! Archive search and the action history over real stores: folding, all-words units,
//! highlights on the original text, Part B flags, unreadable files, carried actions.

mod common;

use chrono::NaiveDate;
use minutebook::model::approval::Erratum;
use minutebook::model::{
    ActionId, ActionItem, ActionStatus, AgendaItem, Decision, DecisionKind, Due, Exemption, ItemId,
    ItemKind, Meeting, MeetingId, MeetingStatus, RaisedIn,
};
use minutebook::search::fold::fold;
use minutebook::search::history::{self, Filter};
use minutebook::search::{Field, Hit, Query, search_meetings, search_store};
use minutebook::store::{Store, StoreError};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A held meeting on `date` with nothing on it yet.
fn blank(date: &str) -> Meeting {
    let mut m = minutebook::demo::year().swap_remove(1);
    m.id = MeetingId::parse(date).unwrap();
    m.date = m.id.date();
    m.status = MeetingStatus::Draft;
    m.approval = None;
    m.agenda.clear();
    m.actions.clear();
    m.errata.clear();
    m
}

fn item(id: u32, title: &str, minutes: &str) -> AgendaItem {
    let mut i = AgendaItem::new(ItemId(id), title, ItemKind::Report);
    i.minutes = minutes.to_string();
    i
}

fn store_of(meetings: &[Meeting]) -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    for m in meetings {
        store.create(m).unwrap();
    }
    (tmp, store)
}

fn search(store: &Store, q: &str) -> Vec<Hit> {
    let results = search_store(store, &Query::parse(q), None).unwrap();
    assert!(results.problems.is_empty(), "{:?}", results.problems);
    results.hits
}

fn lit(hit: &Hit) -> Vec<&str> {
    hit.snippet
        .highlights
        .iter()
        .map(|r| &hit.snippet.text[r.clone()])
        .collect()
}

#[test]
fn case_and_accents_are_ignored_and_highlights_show_the_original() {
    let mut m = blank("2026-03-11");
    m.agenda = vec![
        item(
            1,
            "Unregulated placements",
            "Each placement was notified to OFSTED.",
        ),
        item(2, "Visit", "Members met young people at the Café Łódź."),
        item(3, "Other", "Nothing about inspectors here."),
    ];
    let (_tmp, store) = store_of(&[m]);

    let hits = search(&store, "Ofsted");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].item.as_ref().unwrap().number, "1");
    assert_eq!(hits[0].field, Field::Minutes);
    assert_eq!(lit(&hits[0]), ["OFSTED"]);

    for q in ["cafe", "CAFÉ", "café lodz"] {
        let hits = search(&store, q);
        assert_eq!(hits.len(), 1, "{q}");
        assert_eq!(hits[0].item.as_ref().unwrap().title, "Visit");
        assert!(lit(&hits[0]).contains(&"Café"), "{q}: {:?}", lit(&hits[0]));
    }
    assert_eq!(lit(&search(&store, "lodz")[0]), ["Łódź"]);
}

#[test]
fn every_word_must_be_in_one_item() {
    let mut both = blank("2026-01-14");
    both.agenda = vec![item(
        1,
        "Health",
        "Ofsted asked why the dentist waiting list grew.",
    )];
    let mut one = blank("2026-02-11");
    one.agenda = vec![item(1, "Health", "Ofsted visited in January.")];
    let mut split = blank("2026-03-11");
    split.agenda = vec![
        item(1, "Inspection", "Ofsted report noted."),
        item(2, "Health", "A dentist now visits the homes."),
    ];
    let (_tmp, store) = store_of(&[both, one, split]);

    let hits = search(&store, "ofsted DENTIST");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0].meeting.as_str(), "2026-01-14");
    assert_eq!(lit(&hits[0]), ["Ofsted", "dentist"]);
    assert_eq!(search(&store, "ofsted").len(), 3);
}

#[test]
fn title_minutes_and_decisions_of_an_item_count_together() {
    let mut m = blank("2026-03-11");
    let mut i = item(1, "IHA timeliness", "Figures as reported.");
    i.decisions.push(Decision::new(
        DecisionKind::Resolution,
        "That a weekly clinic slot be reserved.",
    ));
    m.agenda = vec![i];
    let (_tmp, store) = store_of(&[m]);

    let hits = search(&store, "iha clinic");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].field, Field::Decision);
    assert_eq!(lit(&hits[0]), ["clinic"]);
    let hits = search(&store, "timeliness");
    assert_eq!(hits[0].field, Field::ItemTitle);
    assert_eq!(hits[0].snippet.text, "IHA timeliness");
}

#[test]
fn hits_are_newest_first_then_in_agenda_order_and_a_limit_keeps_the_first() {
    let mut meetings = Vec::new();
    for date in ["2026-01-14", "2026-03-11", "2026-02-11"] {
        let mut m = blank(date);
        let mut parent = item(1, "Standing items", "care review");
        parent.sub_items = vec![item(2, "IHA", "care review")];
        m.agenda = vec![parent, item(3, "AOB", "care review")];
        meetings.push(m);
    }
    let (_tmp, store) = store_of(&meetings);
    let order: Vec<String> = search(&store, "care")
        .iter()
        .map(|h| format!("{} {}", h.meeting, h.item.as_ref().unwrap().number))
        .collect();
    assert_eq!(
        order,
        [
            "2026-03-11 1",
            "2026-03-11 1.1",
            "2026-03-11 2",
            "2026-02-11 1",
            "2026-02-11 1.1",
            "2026-02-11 2",
            "2026-01-14 1",
            "2026-01-14 1.1",
            "2026-01-14 2"
        ]
    );
    let limited = search_store(&store, &Query::parse("care"), Some(4)).unwrap();
    assert_eq!(limited.hits.len(), 4);
    assert_eq!(limited.total, 9);
    assert_eq!(limited.meetings, 3);
    assert_eq!(limited.hits[3].meeting.as_str(), "2026-02-11");
}

#[test]
fn exempt_items_and_their_sub_items_are_found_and_flagged() {
    let mut m = blank("2026-06-10");
    let mut exempt = item(
        2,
        "Placement review",
        "A placement in an unregistered setting.",
    );
    exempt.exempt = Some(Exemption {
        reason: "Local Government Act 1972, Schedule 12A, paragraph 1".into(),
    });
    exempt.sub_items = vec![item(3, "Costs", "The unregistered setting costs more.")];
    m.agenda = vec![
        item(1, "Sufficiency", "Unregistered settings fell."),
        exempt,
    ];
    let (_tmp, store) = store_of(&[m]);
    let flags: Vec<(String, bool)> = search(&store, "unregistered setting")
        .iter()
        .map(|h| (h.item.as_ref().unwrap().number.clone(), h.exempt))
        .collect();
    assert_eq!(
        flags,
        [
            ("1".into(), false),
            ("2".into(), true),
            ("2.1".into(), true)
        ]
    );
}

#[test]
fn an_unreadable_file_is_a_problem_naming_it_and_the_rest_are_searched() {
    let mut m = blank("2026-03-11");
    m.agenda = vec![item(1, "Inspection", "Ofsted report noted.")];
    let (_tmp, store) = store_of(&[m]);
    let bad = store.dir().join("2026-04-15.json");
    std::fs::write(
        &bad,
        format!(
            "{{\n  \"schema_version\": {},\n  \"id\": \"2026-04-15\",\n  \"title\": ",
            minutebook::store::schema::CURRENT
        ),
    )
    .unwrap();
    let wrong = store.dir().join("2026-05-13.json");
    std::fs::write(
        &wrong,
        format!(
            r#"{{"schema_version": {}, "id": "2026-05-14", "title": "x", "date": "2026-05-14"}}"#,
            minutebook::store::schema::CURRENT
        ),
    )
    .unwrap();

    let results = search_store(&store, &Query::parse("ofsted"), None).unwrap();
    assert_eq!(results.hits.len(), 1);
    assert_eq!(results.meetings, 1);
    assert_eq!(results.problems.len(), 2, "{:?}", results.problems);
    let said: Vec<String> = results.problems.iter().map(|p| p.to_string()).collect();
    assert!(matches!(
        results.problems[0],
        StoreError::Corrupt { line: 4, .. }
    ));
    assert!(said[0].contains("2026-04-15.json"), "{}", said[0]);
    assert!(said[1].contains("2026-05-13.json") && said[1].contains("2026-05-14"));
}

#[test]
fn old_records_are_searched_through_the_store_migration() {
    let (_tmp, store) = store_of(&[]);
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v0.json"),
        store.dir().join("2025-12-10.json"),
    )
    .unwrap();
    let hits = search(&store, "confidential");
    assert_eq!(hits.len(), 1);
    assert!(hits[0].exempt);
    assert_eq!(
        hits[0].item.as_ref().unwrap().title,
        "Individual placement review"
    );
    // Version 0 actions have no history: the action is found by its text.
    assert_eq!(search(&store, "pledge").len(), 1);
}

fn action(id: &str, text: &str, owner: &str, raised_at: &str, item: Option<u32>) -> ActionItem {
    ActionItem {
        id: ActionId(id.into()),
        text: text.into(),
        owner: owner.into(),
        set_by: "Chair".into(),
        due: Due::NextMeeting,
        raised: RaisedIn {
            meeting: MeetingId::parse(raised_at).unwrap(),
            item: item.map(ItemId),
            item_title: "Dental health".into(),
            exempt: false,
        },
        status: ActionStatus::Open,
        history: vec![],
    }
}

/// An action raised in January under an exempt item, updated in February, closed in March;
/// another raised in February and still open.
fn carried() -> Vec<Meeting> {
    let mut jan = blank("2026-01-14");
    let mut dental = item(4, "Dental health", "Dental checks fell behind.");
    dental.exempt = Some(Exemption {
        reason: "paragraph 1".into(),
    });
    jan.agenda = vec![item(1, "Welcome", ""), dental];
    let a = action(
        "2026-01-14#1",
        "Report dental check delays by practice",
        "Zoë Brontë, Designated Nurse",
        "2026-01-14",
        Some(4),
    );
    jan.actions = vec![a.clone()];

    let mut feb = blank("2026-02-11");
    feb.agenda = vec![item(1, "Action log", "Reviewed.")];
    let mut a2 = a.clone();
    a2.update(
        d("2026-02-11"),
        Some(feb.id.clone()),
        None,
        "Practice list requested.",
    );
    let b = ActionItem {
        due: Due::On(d("2026-03-01")),
        ..action(
            "2026-02-11#1",
            "Circulate the pledge",
            "Participation Lead",
            "2026-02-11",
            None,
        )
    };
    feb.actions = vec![a2.clone(), b.clone()];

    let mut mar = blank("2026-03-11");
    mar.agenda = vec![item(1, "Action log", "Reviewed.")];
    let mut a3 = a2.clone();
    a3.update(
        d("2026-03-11"),
        Some(mar.id.clone()),
        Some(ActionStatus::Done),
        "Breakdown received; delays were at two practices.",
    );
    mar.actions = vec![a3, b];
    mar.errata = vec![Erratum {
        date: d("2026-03-11"),
        item: Some(ItemId(1)),
        text: "The pledge was circulated on 3 March, not 3 May.".into(),
        agreed_at: None,
    }];
    vec![jan, feb, mar]
}

#[test]
fn an_action_is_found_once_in_its_latest_state_where_it_was_raised() {
    let (_tmp, store) = store_of(&carried());
    // "breakdown" is only in the closing update, in March's copy.
    let hits = search(&store, "breakdown practices");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    let h = &hits[0];
    assert_eq!(h.action.as_ref().unwrap().0, "2026-01-14#1");
    assert_eq!(h.meeting.as_str(), "2026-01-14");
    assert_eq!(h.field, Field::ActionUpdate);
    assert!(h.exempt, "raised under an exempt item");
    let i = h.item.as_ref().unwrap();
    assert_eq!(
        (i.id, i.number.as_str(), i.title.as_str()),
        (ItemId(4), "2", "Dental health")
    );
    // Text and owner count together; the owner's accents fold.
    let hits = search(&store, "dental zoe");
    assert_eq!(hits.len(), 1, "the action, not the item: {hits:#?}");
    assert_eq!(hits[0].action.as_ref().unwrap().0, "2026-01-14#1");
    assert_eq!(hits[0].field, Field::Action);
    assert_eq!(search(&store, "requested").len(), 1, "not once per copy");
}

#[test]
fn errata_are_searched_and_name_their_item() {
    let (_tmp, store) = store_of(&carried());
    let hits = search(&store, "\"3 march\"");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].field, Field::Erratum);
    assert_eq!(hits[0].item.as_ref().unwrap().title, "Action log");
    assert_eq!(lit(&hits[0]), ["3 March"]);
    // Sorted after its item, before the meeting's actions.
    let all = search(&store, "pledge");
    let fields: Vec<Field> = all.iter().map(|h| h.field).collect();
    assert_eq!(fields, [Field::Erratum, Field::Action]);
}

#[test]
fn every_highlight_in_the_demo_year_is_a_query_word() {
    let (_tmp, store) = common::demo_store();
    for q in [
        "iha",
        "care leavers",
        "placement",
        "Ofsted",
        "\"reserved clinic\"",
    ] {
        let query = Query::parse(q);
        let results = search_store(&store, &query, None).unwrap();
        assert!(!results.hits.is_empty(), "{q}");
        for hit in &results.hits {
            assert!(!hit.snippet.highlights.is_empty(), "{q}: {hit:#?}");
            for word in lit(hit) {
                let f = fold(word);
                assert!(
                    query.terms().iter().any(|t| f.starts_with(t.as_str())),
                    "{q}: highlighted {word:?} in {:?}",
                    hit.snippet.text
                );
            }
            assert!(
                hit.snippet.text.chars().count() <= 170,
                "{:?}",
                hit.snippet.text
            );
            assert!(!hit.snippet.text.contains('\n'));
        }
        // The same search over meetings in memory finds the same.
        let (meetings, _) = store.load_where(|_| true).unwrap();
        let in_memory = search_meetings(&meetings, &store.boards().unwrap(), &query, None);
        assert_eq!(in_memory.hits, results.hits, "{q}");
    }
}

#[test]
fn the_demo_year_flags_its_part_b_hits() {
    let (_tmp, store) = common::demo_store();
    let hits = search(&store, "unregistered setting");
    assert!(hits.iter().any(|h| h.exempt), "{hits:#?}");
    assert!(hits.iter().filter(|h| h.exempt).all(|h| {
        h.item
            .as_ref()
            .is_some_and(|i| i.title.starts_with("Placement review"))
            || h.action.is_some()
    }));
}

#[test]
fn the_history_holds_each_action_once_at_its_latest_state() {
    let (_tmp, store) = store_of(&carried());
    let log = history::from_store(&store).unwrap();
    assert!(log.problems.is_empty());
    let ids: Vec<&str> = log.records.iter().map(|r| r.id().0.as_str()).collect();
    assert_eq!(ids, ["2026-01-14#1", "2026-02-11#1"]);
    let a = &log.records[0];
    assert_eq!(a.action.status, ActionStatus::Done);
    let updates: Vec<(NaiveDate, &str)> = a
        .action
        .history
        .iter()
        .map(|u| (u.date, u.note.as_str()))
        .collect();
    assert_eq!(
        updates,
        [
            (d("2026-02-11"), "Practice list requested."),
            (
                d("2026-03-11"),
                "Breakdown received; delays were at two practices."
            )
        ]
    );
    assert_eq!(a.raised_on, d("2026-01-14"));
    assert_eq!(a.raised_item_number.as_deref(), Some("2"));
    assert!(a.exempt);
    assert_eq!(a.latest_meeting().as_str(), "2026-03-11");
    assert_eq!(a.meetings.len(), 3);
    assert_eq!(
        a.last_update().unwrap().note,
        "Breakdown received; delays were at two practices."
    );

    let (meetings, _) = store.load_where(|_| true).unwrap();
    assert_eq!(
        history::from_meetings(&meetings, &store.boards().unwrap()),
        log.records
    );
}

#[test]
fn history_filters_by_open_overdue_and_owner() {
    let (_tmp, store) = store_of(&carried());
    let records = history::from_store(&store).unwrap().records;
    let ids = |f: Filter| -> Vec<String> {
        f.apply(records.clone())
            .iter()
            .map(|r| r.id().0.clone())
            .collect()
    };
    assert_eq!(ids(Filter::default()).len(), 2);
    let open = Filter {
        open_only: true,
        ..Filter::default()
    };
    assert_eq!(ids(open), ["2026-02-11#1"]);
    let overdue = |on: &str| Filter {
        overdue_on: Some(d(on)),
        ..Filter::default()
    };
    assert!(
        ids(overdue("2026-03-01")).is_empty(),
        "due today is not overdue"
    );
    assert_eq!(ids(overdue("2026-03-02")), ["2026-02-11#1"]);
    let owner = |o: &str| Filter {
        owner: Some(o.into()),
        ..Filter::default()
    };
    assert_eq!(ids(owner("zoe bronte")), ["2026-01-14#1"]);
    assert_eq!(ids(owner("PARTICIPATION")), ["2026-02-11#1"]);
    assert!(ids(owner("Chair")).is_empty());
}

#[test]
fn the_demo_years_closed_actions_carry_all_their_updates_once() {
    let (_tmp, store) = common::demo_store();
    let records = history::from_store(&store).unwrap().records;
    let mut ids: Vec<&str> = records.iter().map(|r| r.id().0.as_str()).collect();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "each action once");
    let bus = records
        .iter()
        .find(|r| r.action.text.starts_with("Raise free bus travel"))
        .unwrap();
    assert_eq!(bus.action.status, ActionStatus::Done);
    let notes: Vec<&str> = bus.action.history.iter().map(|u| u.note.as_str()).collect();
    assert_eq!(
        notes,
        [
            "Raised; costing requested.",
            "Costing due in July.",
            "Pilot agreed from September."
        ]
    );
    // A "next meeting" action still open is overdue once a later meeting held it.
    let open: Vec<_> = records.iter().filter(|r| r.action.is_open()).collect();
    assert!(!open.is_empty());
    assert!(open.iter().any(|r| r.is_overdue(d("2026-12-31"))));
}

#[test]
fn a_file_with_impossible_figures_is_a_problem_for_search_as_for_the_store() {
    let mut m = blank("2026-03-11");
    m.agenda = vec![item(1, "Inspection", "Ofsted report noted.")];
    let mut bad = blank("2026-04-15");
    bad.agenda = vec![item(1, "Inspection", "Ofsted visit planned.")];
    let (_tmp, store) = store_of(&[m, bad]);
    let path = store.dir().join("2026-04-15.json");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "\"date\": \"2026-04-15\"",
        "\"date\": \"2026-04-16\"",
        1,
    );
    std::fs::write(&path, text).unwrap();

    let said = the_one_problem(&store);
    assert!(
        said.contains("meeting 2026-04-15")
            && said.contains("field date: 2026-04-16 is not the date in the meeting's id"),
        "{said}"
    );

    // Figures that cannot be true, with the date put right: still a problem, by its field.
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    record["date"] = "2026-04-15".into();
    record["standing"]["iha_target"] = 150.0.into();
    std::fs::write(&path, serde_json::to_string_pretty(&record).unwrap()).unwrap();
    let said = the_one_problem(&store);
    assert!(
        said.contains("meeting 2026-04-15")
            && said.contains("standing.iha_target: 150 is not a percentage from 0 to 100"),
        "{said}"
    );
}

/// The archive's action history judges "next meeting" by the same rule as the meeting:
/// due on the date of the meeting after the one that raised it, overdue only after it.
#[test]
fn history_dates_next_meeting_actions_and_is_not_overdue_on_that_day() {
    let records = history::from_meetings(&minutebook::demo::year(), &[]);
    let card = records.iter().find(|r| r.id().0 == "2026-09-09#1").unwrap();
    assert_eq!(card.next_meeting, Some(d("2026-10-14")));
    assert!(!card.is_overdue(d("2026-10-14")), "due that day");
    assert!(card.is_overdue(d("2026-10-15")));
    assert_eq!(card.due_words(), "due 14 Oct 2026 (next meeting)");
}

/// The Part B mark set where an action was raised stays, whatever became of its item
/// afterwards, and an action whose raising meeting is gone counts as Part B: the action
/// history and search flag such an action as the documents (which withhold it) do.
#[test]
fn history_and_search_flag_part_b_actions_as_the_documents_do() {
    let mut meetings = carried();
    // January's item was made Part B, which marked the action there; the ground was
    // later taken off the item, and the mark stays.
    meetings[0].agenda[1].exempt = None;
    meetings[0].actions[0].raised.exempt = true;
    let (_tmp, store) = store_of(&meetings);
    let mar = &meetings[2];
    let origins = store.origins_of(mar).unwrap();
    assert!(
        origins.part_b(mar, &mar.actions[0]),
        "documents withhold it"
    );
    let log = history::from_store(&store).unwrap();
    assert!(
        log.records[0].exempt,
        "the action history: {:?}",
        log.records[0]
    );
    let hits = search(&store, "breakdown practices");
    assert!(hits[0].exempt, "search: {hits:#?}");

    // Without January on record, nothing says the action is public.
    let (_tmp, store) = store_of(&meetings[1..]);
    assert!(store.origins_of(mar).unwrap().part_b(mar, &mar.actions[0]));
    let log = history::from_store(&store).unwrap();
    let dental = log
        .records
        .iter()
        .find(|r| r.id().0 == "2026-01-14#1")
        .unwrap();
    assert!(dental.exempt, "the action history: {dental:?}");
    let hits = search(&store, "breakdown practices");
    assert!(hits[0].exempt, "search: {hits:#?}");
}

/// Searching the two-meeting store for "ofsted": the good meeting searched, the bad one the
/// only problem, said in words.
fn the_one_problem(store: &Store) -> String {
    let results = search_store(store, &Query::parse("ofsted"), None).unwrap();
    assert_eq!(results.meetings, 1);
    assert_eq!(results.problems.len(), 1, "{:?}", results.problems);
    results.problems[0].to_string()
}
