//! New meetings of boards, as the workspace and its first start make them: ids when two
//! boards meet on one day, the date offered, and what each board's meeting carries.

use chrono::NaiveDate;
use minutebook::model::{
    ActionId, ActionItem, ActionStatus, Board, BoardId, Due, Member, RaisedIn, Role, UsualDay,
    WeekOfMonth, YoungPeopleNamed,
};
use minutebook::requests::boards::{create_meeting, offers};
use minutebook::store::Store;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn board(code: &str, name: &str, chair: &str) -> Board {
    let mut c = Member::new(chair, Role::Member, "");
    c.chair = true;
    Board {
        id: BoardId::from_code(code).unwrap(),
        name: name.into(),
        council: "Dorset Council".into(),
        code: code.into(),
        minute_year: Default::default(),
        item_times_in_minutes: false,
        contact: String::new(),
        quorum: 1,
        venue: format!("{name} room"),
        usual_day: Some(UsualDay {
            weekday: chrono::Weekday::Wed,
            week: WeekOfMonth::Second,
        }),
        usual_time: chrono::NaiveTime::from_hms_opt(14, 0, 0),
        template: "corporate-parenting-board".into(),
        members: vec![c],
        young_people: YoungPeopleNamed::RoleOnly,
        clerk: String::new(),
        adopts: Vec::new(),
    }
}

fn two_boards() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    store
        .create_board(&board("CPB", "Corporate Parenting Board", "Cllr Ada Byron"))
        .unwrap();
    store
        .create_board(&board("FP", "Fostering Panel", "Cllr Mary Shelley"))
        .unwrap();
    (tmp, store)
}

#[test]
fn two_boards_meeting_on_one_day_get_the_second_boards_id_in_its_meeting_id() {
    let (_tmp, store) = two_boards();
    let cpb = BoardId::parse("cpb").unwrap();
    let fp = BoardId::parse("fp").unwrap();
    let first = create_meeting(&store, &cpb, d("2027-01-13"), None).unwrap();
    let second = create_meeting(&store, &fp, d("2027-01-13"), None).unwrap();
    assert_eq!(first.as_str(), "2027-01-13");
    assert_eq!(second.as_str(), "2027-01-13-fp");
    let m = store.load(&second).unwrap().meeting;
    assert_eq!(m.board.id, Some(fp.clone()));
    assert_eq!(m.attendance[0].name, "Cllr Mary Shelley");
    assert_eq!(m.venue, "Fostering Panel room");
    // A third on that day is refused, saying how to make one.
    let again = create_meeting(&store, &fp, d("2027-01-13"), None).unwrap_err();
    assert!(
        again.contains("minutebook new") && again.contains("--id"),
        "{again}"
    );
}

#[test]
fn a_boards_new_meeting_follows_its_own_meetings_only() {
    let (_tmp, store) = two_boards();
    let cpb = BoardId::parse("cpb").unwrap();
    let fp = BoardId::parse("fp").unwrap();
    let jan = create_meeting(&store, &cpb, d("2027-01-13"), None).unwrap();
    // An open action raised at the board's January meeting.
    let mut m = store.load(&jan).unwrap().meeting;
    std::fs::remove_file(store.path_of(&jan)).unwrap();
    m.actions.push(ActionItem {
        id: ActionId::new(&jan, 1),
        text: "Visit the Children in Care Council".into(),
        owner: "Cllr Ada Byron".into(),
        set_by: "Chair".into(),
        due: Due::NextMeeting,
        raised: RaisedIn {
            meeting: jan.clone(),
            item: None,
            item_title: String::new(),
            exempt: false,
        },
        status: ActionStatus::Open,
        history: vec![],
    });
    store.create(&m).unwrap();

    let offered = offers(&store, d("2026-12-01")).unwrap();
    let next = |id: &BoardId| offered.iter().find(|o| o.board.id == *id).unwrap().next;
    assert_eq!(next(&cpb), d("2027-02-10"), "after its latest meeting");
    assert_eq!(next(&fp), d("2026-12-09"), "none yet: from today");

    let panel = create_meeting(&store, &fp, d("2027-02-03"), None).unwrap();
    let panel = store.load(&panel).unwrap().meeting;
    assert!(
        panel.actions.is_empty(),
        "another board's actions stay there"
    );
    assert_eq!(panel.previous, None);
    let feb = create_meeting(&store, &cpb, d("2027-02-10"), None).unwrap();
    let feb = store.load(&feb).unwrap().meeting;
    assert_eq!(feb.previous, Some(jan));
    assert_eq!(feb.actions.len(), 1);
}

#[test]
fn the_workspace_makes_a_boards_meeting_from_its_own_template_in_the_data_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    std::fs::create_dir(store.dir().join("templates")).unwrap();
    let template = serde_json::json!({
        "name": "adoption-panel",
        "board": { "name": "Adoption Panel", "quorum": 1 },
        "title": "Adoption Panel",
        "agenda": [
            { "title": "Apologies", "kind": "procedural", "role": "apologies" },
            { "title": "Matching recommendations", "kind": "decision" }
        ]
    });
    std::fs::write(
        store.dir().join("templates/adoption-panel.json"),
        template.to_string(),
    )
    .unwrap();
    let mut ap = board("AP", "Adoption Panel", "Cllr Ada Byron");
    ap.template = "adoption-panel".into();
    store.create_board(&ap).unwrap();
    let id = create_meeting(&store, &ap.id, d("2027-02-03"), None).unwrap();
    let m = store.load(&id).unwrap().meeting;
    let titles: Vec<_> = m.agenda.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Apologies", "Matching recommendations"]);
}

#[test]
fn a_second_meeting_of_the_same_board_on_one_day_is_refused_as_new_refuses_it() {
    let (_tmp, store) = two_boards();
    let cpb = BoardId::parse("cpb").unwrap();
    create_meeting(&store, &cpb, d("2027-01-13"), None).unwrap();
    let again = create_meeting(&store, &cpb, d("2027-01-13"), None).unwrap_err();
    assert!(
        again.contains("already has a meeting on") && again.contains("2027-01-13"),
        "{again}"
    );
    assert!(!store.exists(&minutebook::model::MeetingId::parse("2027-01-13-cpb").unwrap()));
}
