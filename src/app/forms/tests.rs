//! Every form, filled in and saved: each field it shows reaches what is stored, so a
//! field shown but dropped on the way (as a typed "Came into care" once was) fails here.

use std::collections::BTreeSet;

use super::Kind;
use crate::app::Msg;
use crate::app::archive::{ArchiveView, BoardOffer, Reply, Show};
use crate::app::boards::tests::cpb;
use crate::app::form::LineInput;
use crate::app::tests::december;
use crate::app::tests::workspace::Workspace;
use crate::app::{App, Overlay};
use crate::keymap::{
    AgendaEdit, ArchiveCommand, Capture, Command, RosterCommand, StandingEdit, Tab,
};
use crate::model::iha_children::IhaChild;
use crate::model::{Better, Board, BoardId, Figure, MeetingStatus, Unit};
use crate::store::Summary;

/// One kind of form: how to reach it, and two valid values for each field it shows.
struct Case {
    name: &'static str,
    open: fn(&mut App),
    /// Label, one value, another value. Empty: the fields are the board's own figures,
    /// each of which takes a number.
    values: &'static [(&'static str, &'static str, &'static str)],
}

/// The name of each kind, matched without a fallback: a new kind must come here.
fn kind_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::Item(_) => "item",
        Kind::Action(_) => "action",
        Kind::EditAction(_) => "edit action",
        Kind::Times(_) => "times",
        Kind::Decision(_) => "decision",
        Kind::Declaration(_) => "declaration",
        Kind::NamedVote(_) => "named vote",
        Kind::Note(_) => "note",
        Kind::Person(_) => "person",
        Kind::Iha(_) => "iha",
        Kind::Figures(_) => "figures",
        Kind::AddFigure(_) => "add figure",
        Kind::RetireFigure(_) => "retire figure",
        Kind::AddChild(_) => "add child",
        Kind::RemoveChild(_) => "remove child",
        Kind::Approval(_) => "approval",
        Kind::Erratum(_) => "erratum",
        Kind::Export(_) => "export",
        Kind::Search(_) => "search",
        Kind::Owner(_) => "owner",
        Kind::Meeting(_) => "meeting",
        Kind::Board(_) => "board",
        Kind::Member(_) => "member",
        Kind::NewMeeting(_) => "new meeting",
        Kind::ItemTimes(_) => "item times",
        Kind::MeetingTimes(_) => "meeting times",
    }
}

const ITEM: &[(&str, &str, &str)] = &[
    ("Title", "Fostering recruitment", "Care leavers' offer"),
    ("Kind", "report", "decision"),
    ("Presenter", "Head of Fostering", "Virtual School Head"),
    ("Minutes allowed", "10", "25"),
    ("Exempt reason", "", "Schedule 12A para 2"),
    ("Principles", "1", "6, 7"),
];

fn cases() -> Vec<Case> {
    [
        meeting_cases(),
        standing_cases(),
        archive_cases(),
        board_cases(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The agenda, the minutes, the actions and the attendance.
fn meeting_cases() -> Vec<Case> {
    vec![
        Case {
            name: "edit the meeting's details",
            open: |app| {
                app.boards = two_boards();
                // A first meeting, approving none and carrying nothing: it may change board.
                let id = app.meeting.id.clone();
                app.meeting.previous = None;
                app.meeting.actions.retain(|a| a.raised.meeting == id);
                app.command(Command::Agenda(AgendaEdit::Meeting));
            },
            values: &[
                ("Title", "Corporate Parenting Board", "CPB (rearranged)"),
                ("Date", "2026-12-09", "2026-12-16"),
                ("Start time", "14:00", "10:30"),
                ("Venue", "County Hall", "Room 2"),
                ("Board", "cpb", "cpb-south"),
                ("Quorum", "3", "4"),
            ],
        },
        Case {
            name: "add an item",
            open: |app| app.command(Command::Agenda(AgendaEdit::Add)),
            values: ITEM,
        },
        Case {
            name: "add a sub-item",
            open: |app| app.command(Command::Agenda(AgendaEdit::AddSub)),
            values: ITEM,
        },
        Case {
            name: "edit an item",
            open: |app| app.command(Command::Agenda(AgendaEdit::Edit)),
            values: ITEM,
        },
        Case {
            name: "capture an action",
            open: |app| {
                app.command(Command::Tab(Tab::Minutes));
                app.command(Command::Capture(Capture::Action));
            },
            values: &[
                ("Action", "Report placement moves", "Visit the CLiCC"),
                ("Owner", "Head of Service", "Lead Member"),
                ("Due", "next meeting", "2027-01-20"),
            ],
        },
        Case {
            name: "record a decision",
            open: |app| {
                all_present(app);
                app.command(Command::Tab(Tab::Minutes));
                app.command(Command::Capture(Capture::Decision));
            },
            values: &DECISION,
        },
        Case {
            name: "record a resolution",
            open: |app| {
                all_present(app);
                app.command(Command::Tab(Tab::Minutes));
                app.command(Command::Capture(Capture::Resolution));
            },
            values: &RESOLUTION,
        },
        Case {
            name: "change a recorded resolution",
            open: |app| {
                with_a_vote(app);
                app.command(Command::Capture(Capture::EditDecision));
            },
            values: &RESOLUTION,
        },
        Case {
            name: "a recorded vote",
            open: |app| {
                with_a_vote(app);
                app.command(Command::Capture(Capture::NamedVote));
            },
            values: &[
                ("Cllr Margaret Holloway", "for", "abstain"),
                ("Cllr Daniel Okafor", "for", "abstain"),
                ("Cllr Samuel Achebe", "for", "abstain"),
                ("Cllr Priya Raman", "against", "for"),
                ("Cllr Tom Ashworth", "abstain", "for"),
                ("Cllr Helen Brierley", "", "for"),
            ],
        },
        Case {
            name: "declare an interest",
            open: |app| {
                all_present(app);
                app.command(Command::Tab(Tab::Minutes));
                app.command(Command::Capture(Capture::Declaration));
            },
            values: &[
                ("Member", "Cllr Margaret Holloway", "Cllr Daniel Okafor"),
                ("Item", "1", "2"),
                ("Kind", "pecuniary", "other registrable"),
                ("Interest", "a foster carer", "a school governor"),
                ("Left the room", "no", "yes"),
            ],
        },
        Case {
            name: "note progress on an action",
            open: |app| {
                app.command(Command::Tab(Tab::Actions));
                app.command(Command::ActionNote);
            },
            values: &[
                ("Note", "Half the visits made", "All visits made"),
                ("Status", "done", "dropped"),
            ],
        },
        Case {
            name: "edit an action",
            open: |app| {
                app.command(Command::Tab(Tab::Actions));
                app.command(Command::EditAction);
            },
            values: &[
                ("Action", "Report placement moves", "Visit the CLiCC"),
                ("Owner", "Head of Service", "Lead Member"),
                ("Due", "next meeting", "2027-01-20"),
            ],
        },
        Case {
            name: "set attendance times",
            open: |app| {
                app.command(Command::Tab(Tab::Attendance));
                app.command(Command::Mark(crate::model::Presence::Present));
                app.command(Command::Select(crate::keymap::Step::Up));
                app.command(Command::AttendanceTimes);
            },
            values: &[("Arrived", "14:05", "14:10"), ("Left", "", "15:30")],
        },
        Case {
            name: "item times",
            open: |app| {
                app.meeting.status = MeetingStatus::Draft;
                app.command(Command::Agenda(AgendaEdit::ItemTimes));
            },
            values: &[("Started", "14:00", "14:01"), ("Ended", "14:05", "14:06")],
        },
        Case {
            name: "meeting times",
            open: |app| {
                app.meeting.status = MeetingStatus::Draft;
                app.command(Command::Agenda(AgendaEdit::MeetingTimes));
            },
            values: &[("Began", "14:00", "13:58"), ("Ended", "16:00", "16:05")],
        },
        Case {
            name: "add a person",
            open: |app| app.command(Command::AddPerson),
            values: &[
                ("Name", "Cllr Ada Byron", "Cllr Mary Shelley"),
                ("Role", "member", "officer"),
                ("Position", "", "Vice-Chair"),
            ],
        },
    ]
}

/// The Standing tab's figures and rows.
fn standing_cases() -> Vec<Case> {
    vec![
        Case {
            name: "IHA figures",
            open: |app| app.command(Command::Standing(StandingEdit::Iha)),
            values: &[
                ("Period from", "2026-10-01", "2026-10-02"),
                ("Period to", "2026-11-30", "2026-11-29"),
                ("Came into care", "12", "13"),
                ("IHAs due", "10", "11"),
                ("Within 20 days", "8", "7"),
                ("Completed late", "1", "2"),
                ("Outstanding", "1", "0"),
                ("Commentary", "Two late for want of a GP", "Clinic moved"),
                ("Target %", "85", "90"),
            ],
        },
        Case {
            name: "standing figures",
            open: |app| {
                with_two_figures(app);
                app.command(Command::Standing(StandingEdit::Figures));
            },
            values: &[],
        },
        Case {
            name: "add a figure",
            open: |app| app.command(Command::Standing(StandingEdit::AddFigure)),
            values: &[
                ("Name", "Placed out of area", "Missing episodes"),
                ("Unit", "count", "percent"),
                ("Target", "", "5"),
                ("Better", "higher", "lower"),
            ],
        },
        Case {
            name: "retire a figure",
            open: |app| {
                with_two_figures(app);
                app.command(Command::Standing(StandingEdit::RetireFigure));
            },
            values: &[("Name", "Alpha count", "Beta count")],
        },
        Case {
            name: "add a child's row",
            open: |app| app.command(Command::Standing(StandingEdit::AddChild)),
            values: &[
                ("Reference", "C-0001", "C-0002"),
                ("Came into care", "2026-10-01", "2026-10-05"),
                ("IHA completed", "", "2026-10-20"),
            ],
        },
        Case {
            name: "remove a child's row",
            open: |app| {
                for reference in ["C-0001", "C-0002"] {
                    app.meeting.standing.iha_children.push(IhaChild {
                        reference: reference.into(),
                        entered_care: app.meeting.date,
                        completed: None,
                    });
                }
                app.command(Command::Standing(StandingEdit::RemoveChild));
            },
            values: &[("Reference", "C-0001", "C-0002")],
        },
    ]
}

/// Forms whose work is on other records or views: the run loop does it on request.
fn archive_cases() -> Vec<Case> {
    vec![
        Case {
            name: "approve the previous minutes",
            open: |app| app.command(Command::ApprovePrevious),
            values: &[
                ("Signed by", "Cllr Ada Byron", "Cllr Mary Shelley"),
                ("Date", "2026-12-09", "2026-12-10"),
            ],
        },
        Case {
            name: "record an erratum",
            open: |app| {
                let mut earlier = Summary::of(&app.meeting);
                earlier.id = app.meeting.previous.clone().expect("a previous meeting");
                earlier.status = MeetingStatus::Approved;
                app.archive.meetings = vec![earlier];
                app.command(Command::Tab(Tab::Archive));
                app.command(Command::Archive(ArchiveCommand::RecordErratum));
            },
            values: &[
                ("Correction", "For Smith read Smyth", "For May read June"),
                ("Item", "", "4.2"),
                ("Date", "2026-12-09", "2026-12-10"),
            ],
        },
        Case {
            name: "export",
            open: |app| app.command(Command::Export),
            values: &[
                ("Format", "html", "md"),
                ("Public", "yes", "no"),
                ("Agenda only", "no", "yes"),
                ("File", "", "minutes.html"),
            ],
        },
        Case {
            name: "search",
            open: |app| {
                app.command(Command::Tab(Tab::Archive));
                app.command(Command::Archive(ArchiveCommand::Search));
            },
            values: &[("Words", "placement", "\"health assessment\"")],
        },
        Case {
            name: "filter actions by owner",
            open: |app| {
                app.archive.view = ArchiveView::Actions {
                    all: Vec::new(),
                    show: Show::All,
                    owner: None,
                };
                app.command(Command::Tab(Tab::Archive));
                app.command(Command::Archive(ArchiveCommand::OwnerFilter));
            },
            values: &[("Owner", "", "Head of Service")],
        },
    ]
}

/// Two board records a meeting could belong to.
pub(crate) fn two_boards() -> Vec<crate::model::Board> {
    ["cpb", "cpb-south"]
        .into_iter()
        .map(|id| {
            let mut b: crate::model::Board = serde_json::from_value(serde_json::json!({
                "id": id, "name": format!("Board {id}"), "code": id.to_uppercase(),
                "quorum": 3, "template": "corporate-parenting-board",
            }))
            .unwrap();
            b.council = "Shire County Council".into();
            b
        })
        .collect()
}

/// The board's record, its roster and new meetings: saved by the run loop on request.
fn board_cases() -> Vec<Case> {
    vec![
        Case {
            name: "the board's record",
            open: |app| {
                app.board = Some(cpb());
                app.command(Command::Board);
                app.command(Command::Roster(RosterCommand::BoardRecord));
            },
            values: &[
                ("Name", "Corporate Parenting Board", "Fostering Panel"),
                ("Council", "Dorset Council", "Kent County Council"),
                ("Code", "CPB", "CPB2"),
                ("Quorum", "3", "4"),
                ("Usual day", "second Wednesday", "last Friday"),
                ("Usual time", "14:00", "10:30"),
                ("Venue", "County Hall", "Committee Room 1"),
                // A template the record names (a file the command line knows) is kept.
                ("Template", "dorset-cpb", "corporate-parenting-board"),
                ("Clerk", "Sam Clerk", "Jo Clerk"),
                ("Young people", "role only", "first name"),
            ],
        },
        Case {
            name: "a member of the roster",
            open: |app| {
                app.board = Some(cpb());
                app.command(Command::Board);
                app.command(Command::Roster(RosterCommand::Add));
            },
            values: &[
                ("Name", "Cllr Mary Shelley", "Cllr Ada Lovelace"),
                ("Role", "member", "officer"),
                ("Position", "", "Vice-Chair of Scrutiny"),
                ("Voting", "yes", "no"),
                ("Chair", "none", "vice-chair"),
                ("Substitutes", "", "Cllr Jo Bloggs, Cllr Sam Hill"),
            ],
        },
        Case {
            name: "a new meeting",
            open: |app| {
                let fp = Board {
                    id: BoardId::parse("fp").unwrap(),
                    name: "Fostering Panel".into(),
                    code: "FP".into(),
                    minute_year: Default::default(),
                    item_times_in_minutes: false,
                    contact: String::new(),
                    ..cpb()
                };
                let offers = [(cpb(), "2027-01-13"), (fp, "2027-01-20")]
                    .map(|(board, next)| BoardOffer {
                        board,
                        next: crate::model::clock::parse_date(next).unwrap(),
                    })
                    .to_vec();
                app.update(Msg::Reply(Reply::NewMeetingOffers(offers)));
            },
            values: &[
                ("Board", "cpb", "fp"),
                ("Date", "2027-01-13", "2027-02-03"),
                ("Start time", "14:00", "10:00"),
            ],
        },
    ]
}

/// Everyone on December's attendance marked present.
fn all_present(app: &mut App) {
    for a in &mut app.meeting.attendance {
        a.status = crate::model::Presence::Present;
    }
}

/// Everyone present, the Minutes tab open, and a resolution carried 3–1 under its item.
fn with_a_vote(app: &mut App) {
    all_present(app);
    app.command(Command::Tab(Tab::Minutes));
    let item = app.minutes.item.expect("an item is minuted");
    let mut d =
        crate::model::Decision::new(crate::model::DecisionKind::Resolution, "That it be adopted");
    d.vote = crate::model::resolution::vote_from(Some([3, 1, 0]), None, None, Vec::new()).unwrap();
    crate::model::agenda::find_mut(&mut app.meeting.agenda, item)
        .unwrap()
        .decisions
        .push(d);
}

const DECISION: [(&str, &str, &str); 7] =
    procedure_fields("Decision", "Noted the report", "Agreed the plan");
const RESOLUTION: [(&str, &str, &str); 7] =
    procedure_fields("Resolution", "That it be adopted", "That it be deferred");

/// A decision's fields with two values each: a tie the chair decided, so that each count
/// and the result can change alone and still be a vote that could have happened.
const fn procedure_fields(
    noun: &'static str,
    text: &'static str,
    other: &'static str,
) -> [(&'static str, &'static str, &'static str); 7] {
    [
        (noun, text, other),
        ("Moved by", "Cllr Margaret Holloway", "Cllr Daniel Okafor"),
        ("Seconded by", "Cllr Samuel Achebe", "Cllr Priya Raman"),
        ("For", "2", "3"),
        ("Against", "2", "1"),
        ("Abstained", "0", "1"),
        ("Result", "carried", "lost"),
    ]
}

fn with_two_figures(app: &mut App) {
    for name in ["Alpha count", "Beta count"] {
        app.meeting.standing.figures.push(Figure {
            key: name.to_lowercase().replace(' ', "-"),
            name: name.into(),
            unit: Unit::Count,
            target: None,
            better: Better::Higher,
            value: None,
        });
    }
}

/// The kind and the labels of the form `case` opens on the December meeting.
fn opened(case: &Case) -> (Workspace, &'static str, Vec<String>) {
    let mut app = december();
    (case.open)(&mut app);
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("{}: no form opened: {:?}", case.name, app.flash);
    };
    let labels = form.fields().iter().map(|f| f.label.to_string()).collect();
    let kind = kind_name(&form.kind);
    (app, kind, labels)
}

/// Fills every field (the one at `other` with its other value), saves, and returns
/// what is stored and asked for: the meeting, the requests, the archive's view.
fn saved(case: &Case, other: Option<usize>) -> String {
    let (mut app, _, labels) = opened(case);
    let Some(Overlay::Form(form)) = &mut app.overlay else {
        unreachable!("opened just now")
    };
    for (i, input) in form.kind.spec_mut().inputs_mut().into_iter().enumerate() {
        let (_, a, b) = case.values.get(i).copied().unwrap_or(("", "3", "4"));
        *input = LineInput::new(if other == Some(i) { b } else { a });
    }
    app.command(Command::Submit);
    if let Some(Overlay::Form(form)) = &app.overlay {
        panic!("{}: refused {labels:?}: {:?}", case.name, form.error);
    }
    let effects = app.take_effects();
    let view = format!("{:?}", app.archive.view);
    format!("{:?}\n{effects:?}\n{view}", app.meeting_for_save())
}

#[test]
fn every_field_of_every_form_reaches_what_is_stored() {
    let mut kinds = BTreeSet::new();
    for case in cases() {
        let (_, kind, labels) = opened(&case);
        kinds.insert(kind);
        if !case.values.is_empty() {
            let listed: Vec<&str> = case.values.iter().map(|(l, _, _)| *l).collect();
            assert_eq!(labels, listed, "{}: the fields shown", case.name);
        }
        let first = saved(&case, None);
        for (i, label) in labels.iter().enumerate() {
            assert_ne!(
                saved(&case, Some(i)),
                first,
                "{}: what is typed in {label:?} is not stored",
                case.name
            );
        }
    }
    let all = [
        "item",
        "action",
        "edit action",
        "times",
        "decision",
        "declaration",
        "named vote",
        "note",
        "person",
        "iha",
        "figures",
        "add figure",
        "retire figure",
        "add child",
        "remove child",
        "approval",
        "erratum",
        "export",
        "search",
        "owner",
        "meeting",
        "board",
        "member",
        "new meeting",
        "item times",
        "meeting times",
    ];
    assert_eq!(kinds, BTreeSet::from(all), "every kind of form is tried");
}

#[test]
fn typing_into_a_field_just_tabbed_to_replaces_it_unless_the_cursor_moved() {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let mut app = december();
    app.command(Command::AddPerson);
    let role = |app: &App| match &app.overlay {
        Some(Overlay::Form(form)) => form.fields()[1].input.value.clone(),
        other => panic!("the person form stays open: {other:?}"),
    };
    let back_and_forth = |app: &mut Workspace| {
        app.key(KeyCode::BackTab, KeyModifiers::SHIFT)
            .press(KeyCode::Tab);
    };
    app.press(KeyCode::Tab).typed("o");
    assert_eq!(role(&app), "o");
    back_and_forth(&mut app);
    app.press(KeyCode::End).typed("x");
    assert_eq!(role(&app), "ox");
    back_and_forth(&mut app);
    app.press(KeyCode::Backspace);
    assert_eq!(role(&app), "");
}
