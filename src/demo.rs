//! The built-in demo board: a realistic year of a Corporate Parenting Board, made with the
//! same code a clerk's meetings go through (template, carry-forward, action updates).

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};

use crate::model::agenda::{self, numbered};
use crate::model::approval;
use crate::model::carry::new_meeting;
use crate::model::minute_numbers::{self, MinuteYear};
use crate::model::{
    ActionItem, ActionStatus, AgendaItem, Attendance, Decision, DecisionKind, Due, Exemption,
    IhaFigures, ItemId, ItemKind, ItemRole, ItemStatus, Meeting, MeetingId, MeetingStatus,
    Presence, Principle, RaisedIn, Role, Template,
};
use crate::model::{Cast, Declaration, InterestKind, NamedVote, Vote, VoteResult};
use crate::model::{declarations, resolution};
use crate::words::{day_month_year, decision_mark, long_date, month_year};

/// The demo board's code, as its record (made from its name) has it: minutes "CPB/26/12".
const CODE: &str = "CPB";
pub const CHAIR: &str = "Cllr Margaret Holloway";
/// Part B ground most often cited by these boards.
const EXEMPT_REASON: &str = "Local Government Act 1972, Schedule 12A, paragraph 2: information likely to reveal \
                                 the identity of an individual";

const ROSTER: &[(&str, Role, &str)] = &[
    (CHAIR, Role::Member, "Chair"),
    ("Cllr Daniel Okafor", Role::Member, "Vice-Chair"),
    (
        "Cllr Samuel Achebe",
        Role::Member,
        "Lead Member for Children's Services",
    ),
    (
        "Cllr Priya Raman",
        Role::Member,
        "Member Champion, Education, Training and Work",
    ),
    (
        "Cllr Tom Ashworth",
        Role::Member,
        "Member Champion, Housing and Accommodation",
    ),
    (
        "Cllr Helen Brierley",
        Role::Member,
        "Member Champion, Health",
    ),
    (
        "Karen Whitfield",
        Role::Officer,
        "Director of Children's Services",
    ),
    (
        "Mark Delaney",
        Role::Officer,
        "Head of Service, Children in Care",
    ),
    (
        "Dr Ruth Penhaligon",
        Role::Partner,
        "Designated Nurse for Looked After Children, ICB",
    ),
    ("Jo Marsh", Role::Officer, "Virtual School Head"),
    ("Amira Khan", Role::Officer, "Participation Lead"),
    ("Jay", Role::YoungPerson, "Children in Care Council"),
    ("Mo", Role::YoungPerson, "Children in Care Council"),
    ("Sue Tranter", Role::Partner, "Housing Options Manager"),
    (
        "Leanne Ford",
        Role::Officer,
        "Democratic Services Officer (clerk)",
    ),
];

/// One month's business: figures, what was said, and who could not come.
struct Month {
    month: u32,
    iha: Option<(u32, u32, u32, u32, u32, &'static str)>,
    unregulated: f64,
    eet: f64,
    apologies: &'static [usize],
    voice: &'static str,
    reports: &'static [(&'static str, &'static str, ItemKind, &'static str)],
    exempt: Option<(&'static str, &'static str)>,
    aob: &'static str,
}

const YEAR: i32 = 2026;

const MONTHS: [Month; 10] = [
    Month {
        month: 2,
        iha: Some((
            14,
            11,
            8,
            2,
            1,
            "Delays were mainly late notification of entry to care (three children) and two clinic cancellations. The Designated Nurse described performance as inconsistent and unacceptable and asked that IHA timeliness remain a standing item.",
        )),
        unregulated: 4.0,
        eet: 58.0,
        apologies: &[4],
        voice: "Jay and Mo presented the Children in Care Council's 'Top Ten' pledge priorities. Top of the list: being told about changes of social worker in person, not by letter.",
        reports: &[(
            "Independent Reviewing Officers' six-monthly report",
            "Mark Delaney",
            ItemKind::Report,
            "Reviews held on time rose to 94%. Members asked how children's views are recorded when they choose not to attend; the IRO service uses a 'my review' booklet and video messages.",
        )],
        exempt: None,
        aob: "There was no other business.",
    },
    Month {
        month: 3,
        iha: Some((
            17,
            14,
            11,
            2,
            1,
            "Improvement since last meeting. The breakdown requested by the Board showed late notification accounts for most delays; a weekly reserved clinic slot is being negotiated with the ICB.",
        )),
        unregulated: 3.0,
        eet: 59.0,
        apologies: &[10],
        voice: "The CiCC has recruited four new members, including two unaccompanied asylum-seeking young people. Members were invited to the CiCC residential in May.",
        reports: &[(
            "Virtual School termly update",
            "Jo Marsh",
            ItemKind::Report,
            "Personal Education Plan completion was 91% this term. Persistent absence among children in care of secondary age remains above the county average; a targeted attendance project starts after Easter.",
        )],
        exempt: None,
        aob: "The Chair thanked Leanne Ford for the new action log format.",
    },
    Month {
        month: 4,
        iha: Some((
            15,
            15,
            13,
            1,
            1,
            "Above target for the first time this year. The reserved clinic slot started on 23 March. The Board welcomed the improvement but noted the figure covers a short period.",
        )),
        unregulated: 3.0,
        eet: 60.0,
        apologies: &[3, 12],
        voice: "The CiCC asked members to support free bus travel for care leavers up to 25. Cllr Achebe agreed to raise it with the transport portfolio holder.",
        reports: &[(
            "Placement sufficiency strategy: annual refresh",
            "Mark Delaney",
            ItemKind::Decision,
            "The refreshed strategy aims to open two new in-house children's homes and recruit 20 more foster carers. RESOLVED: that the Board endorse the refreshed sufficiency strategy and recommend it to Cabinet.",
        )],
        exempt: None,
        aob: "There was no other business.",
    },
    Month {
        month: 5,
        iha: Some((
            12,
            10,
            8,
            1,
            1,
            "Two late assessments followed missed consent forms from parents. Social work teams have been reminded to obtain health consent at the point of entry to care.",
        )),
        unregulated: 2.0,
        eet: 61.0,
        apologies: &[5],
        voice: "Mo led a presentation on 'what a good corporate parent looks like', made with the CiCC. Members committed to one visit each to a CiCC session before the summer.",
        reports: &[(
            "Care leavers' Local Offer: progress report",
            "Sue Tranter",
            ItemKind::Report,
            "Council tax exemption is now automatic for care leavers in the county. Take-up of the setting-up-home allowance rose to 88%.",
        )],
        exempt: None,
        aob: "There was no other business.",
    },
    Month {
        month: 6,
        iha: Some((
            16,
            13,
            11,
            1,
            1,
            "Close to target. One outstanding assessment is for a child placed 60 miles out of county; the receiving health provider has been chased.",
        )),
        unregulated: 2.0,
        eet: 61.0,
        apologies: &[1, 9],
        voice: "The CiCC summer survey had 64 responses. 81% said they know how to contact their Independent Reviewing Officer.",
        reports: &[(
            "Annual health report for children in care",
            "Dr Ruth Penhaligon",
            ItemKind::Report,
            "Review health assessments on time: 89%. Dental checks recovered to 78% after the pandemic backlog. CAMHS waiting times for children in care remain a concern.",
        )],
        exempt: Some((
            "Placement review: young person placed in an unregistered setting",
            "The Head of Service described the circumstances of a young person aged 15 placed in an unregistered setting since April, the steps taken to secure a registered placement and the safeguarding arrangements in place. Members questioned the daily cost and the oversight visits. RESOLVED: that the Board receive a written update on this young person's placement at the next meeting.",
        )),
        aob: "There was no other business.",
    },
    Month {
        month: 7,
        iha: Some((
            19,
            17,
            15,
            1,
            1,
            "Best result of the year, attributed to the reserved clinic slot and earlier consent. The Director proposed a quarterly joint performance meeting with health to keep the gain.",
        )),
        unregulated: 1.0,
        eet: 62.0,
        apologies: &[13],
        voice: "Young people thanked members for the free bus travel pilot, which starts in September.",
        reports: &[(
            "Fostering service annual report",
            "Mark Delaney",
            ItemKind::Information,
            "Twelve new fostering households approved against a target of 20. Members asked for the reasons carers gave for leaving; the main ones were retirement and allowances.",
        )],
        exempt: None,
        aob: "The Board will not meet in August.",
    },
    Month {
        month: 9,
        iha: Some((
            15,
            12,
            10,
            1,
            1,
            "A dip over the summer: clinic capacity fell during staff leave. The ICB has agreed cover arrangements for future holiday periods.",
        )),
        unregulated: 2.0,
        eet: 63.0,
        apologies: &[2, 11],
        voice: "The CiCC asked the Board to look again at how young people are told about their rights when they leave care. Amira Khan will bring a co-produced leaflet.",
        reports: &[(
            "Quality assurance six-monthly report",
            "Karen Whitfield",
            ItemKind::Report,
            "Audits rated 71% of cases good or better. Recording of children's views improved; management oversight on supervision remains inconsistent.",
        )],
        exempt: None,
        aob: "There was no other business.",
    },
    Month {
        month: 10,
        iha: Some((
            18,
            16,
            14,
            1,
            1,
            "Back above target. Notifications to health within two working days of entry to care reached 95%.",
        )),
        unregulated: 1.0,
        eet: 64.0,
        apologies: &[4],
        voice: "The CiCC's film 'Nothing about us without us' was shown. Members agreed to show it at the next full Council meeting.",
        reports: &[(
            "Care leavers in education, employment and training",
            "Sue Tranter",
            ItemKind::Report,
            "64% of care leavers aged 19-21 are in education, employment or training, above the national average. Apprenticeships ring-fenced for care leavers: six filled of ten.",
        )],
        exempt: None,
        aob: "There was no other business.",
    },
    Month {
        month: 11,
        iha: Some((
            22,
            20,
            18,
            1,
            1,
            "Highest rate since the item became standing. The Board asked that the improvement be sustained through the winter and that the quarterly joint meeting report in the new year.",
        )),
        unregulated: 1.0,
        eet: 64.0,
        apologies: &[3],
        voice: "Jay reported on the pledge refresh consultation; 40 young people took part. The CiCC will present the new pledge in January.",
        reports: &[
            (
                "Virtual School annual report 2025/26",
                "Jo Marsh",
                ItemKind::Report,
                "Key Stage 4 outcomes for children in care improved: 18% achieved grade 4 or above in English and maths. No permanent exclusions of children in care for the second year.",
            ),
            (
                "Corporate Parenting Board annual report to Council",
                "Cllr Margaret Holloway",
                ItemKind::Decision,
                "The draft annual report is organised under the seven corporate parenting principles. RESOLVED: that the annual report be approved for submission to full Council.",
            ),
        ],
        exempt: Some((
            "Individual case: missing from care episodes",
            "The Board received a confidential briefing on a 14-year-old who had gone missing from care four times since September, the return-home interviews and the multi-agency plan agreed with police. Members asked whether the child's views had been sought; the allocated worker has done so.",
        )),
        aob: "The Chair reminded members that the December meeting will include the forward plan for 2027.",
    },
    Month {
        month: 12,
        iha: None,
        unregulated: 0.0,
        eet: 0.0,
        apologies: &[],
        voice: "",
        reports: &[(
            "Placement stability: half-year report",
            "Mark Delaney",
            ItemKind::Report,
            "",
        )],
        exempt: None,
        aob: "",
    },
];

/// An action's life: the month raised and where, its owner (a roster index), when due, and its updates.
enum At {
    Role(ItemRole),
    Exempt,
}

struct ActionScript {
    raised: u32,
    at: At,
    text: &'static str,
    owner: usize,
    due: Option<(u32, u32)>,
    closed: Option<(u32, &'static str)>,
    progress: &'static [(u32, &'static str)],
}

fn standing(key: &str) -> ItemRole {
    ItemRole::Standing(key.to_string())
}

fn actions() -> Vec<ActionScript> {
    vec![
        ActionScript {
            raised: 2,
            at: At::Role(standing("iha")),
            text: "Provide a breakdown of IHA delays by cause: late notification, consent, clinic capacity",
            owner: 8,
            due: None,
            closed: Some((3, "Breakdown presented under item 4.1.")),
            progress: &[],
        },
        ActionScript {
            raised: 2,
            at: At::Role(standing("voice-of-the-child")),
            text: "Circulate the Children in Care Council's Top Ten pledge priorities to all members",
            owner: 10,
            due: Some((3, 6)),
            closed: Some((3, "Circulated by email on 20 February.")),
            progress: &[],
        },
        ActionScript {
            raised: 3,
            at: At::Role(standing("iha")),
            text: "Agree with the ICB a reserved weekly paediatric clinic slot for Initial Health Assessments",
            owner: 7,
            due: Some((5, 13)),
            closed: Some((4, "Slot in place from 23 March.")),
            progress: &[],
        },
        ActionScript {
            raised: 3,
            at: At::Role(ItemRole::ActionLog),
            text: "Challenge card: visit two children's homes and report back on what young people said",
            owner: 3,
            due: Some((6, 10)),
            closed: Some((
                7,
                "Visits made in June; report given under matters arising.",
            )),
            progress: &[(5, "One visit made; second booked for June.")],
        },
        ActionScript {
            raised: 4,
            at: At::Role(standing("voice-of-the-child")),
            text: "Raise free bus travel for care leavers up to 25 with the transport portfolio holder",
            owner: 2,
            due: None,
            closed: Some((7, "Pilot agreed from September.")),
            progress: &[
                (5, "Raised; costing requested."),
                (6, "Costing due in July."),
            ],
        },
        ActionScript {
            raised: 6,
            at: At::Exempt,
            text: "Written update on the placement discussed under the exempt item",
            owner: 7,
            due: None,
            closed: Some((7, "Update circulated to members in confidence.")),
            progress: &[],
        },
        ActionScript {
            raised: 7,
            at: At::Role(standing("iha")),
            text: "Set up a quarterly joint IHA performance meeting between children's social care and health",
            owner: 6,
            due: Some((10, 14)),
            closed: None,
            progress: &[
                (9, "First meeting held 2 September."),
                (11, "Terms of reference still to be agreed with the ICB."),
            ],
        },
        ActionScript {
            raised: 9,
            at: At::Role(ItemRole::ActionLog),
            text: "Challenge card: find out how many care leavers hold council apprenticeships and report back",
            owner: 4,
            due: None,
            closed: None,
            progress: &[
                (10, "Not yet done; carried forward."),
                (11, "HR data requested."),
            ],
        },
        ActionScript {
            raised: 9,
            at: At::Role(standing("voice-of-the-child")),
            text: "Bring a co-produced leaflet on care leavers' rights to the Board",
            owner: 10,
            due: Some((11, 11)),
            closed: Some((11, "Leaflet tabled and welcomed.")),
            progress: &[],
        },
        ActionScript {
            raised: 10,
            at: At::Role(ItemRole::ActionLog),
            text: "Publish the refreshed Local Offer for care leavers on the council website",
            owner: 7,
            due: Some((12, 31)),
            closed: None,
            progress: &[],
        },
        ActionScript {
            raised: 11,
            at: At::Role(standing("voice-of-the-child")),
            text: "Hold a joint session with the Children in Care Council on the new pledge",
            owner: 10,
            due: Some((12, 9)),
            closed: None,
            progress: &[],
        },
    ]
}

/// The second Wednesday of a month: when this board meets.
fn meeting_date(month: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(YEAR, month, Weekday::Wed, 2)
        .expect("every month has two Wednesdays")
}

fn role_item(m: &Meeting, role: &ItemRole) -> ItemId {
    numbered(&m.agenda)
        .into_iter()
        .find(|(_, i)| i.role.as_ref() == Some(role))
        .map(|(_, i)| i.id)
        .expect("template has every role the demo uses")
}

fn item_mut<'a>(m: &'a mut Meeting, role: &ItemRole) -> &'a mut AgendaItem {
    let id = role_item(m, role);
    agenda::find_mut(&mut m.agenda, id).expect("just found")
}

fn say(item: &mut AgendaItem, text: &str) {
    if !item.minutes.is_empty() {
        item.minutes.push_str("\n\n");
    }
    item.minutes.push_str(text);
    let mark = format!("{} ", decision_mark(DecisionKind::Resolution));
    for line in text.lines() {
        if let Some(rest) = line.find(&mark).map(|i| &line[i + mark.len()..]) {
            item.decisions
                .push(Decision::new(DecisionKind::Resolution, rest.to_string()));
        }
    }
}

/// The demo board's own record, as its clerk would have set it up: the council, the clerk
/// and how the public reach them (the agenda pack's contact officer), the second Wednesday
/// at 14:00, and its roster from the latest meeting (young people do not vote).
pub fn board(year: &[Meeting]) -> crate::model::Board {
    use crate::model::board::{UsualDay, WeekOfMonth};
    use crate::model::{BoardId, board_migration};
    let latest = year.last().expect("the demo year has meetings");
    let id = BoardId::from_code(CODE).expect("CPB makes a board id");
    let mut board = board_migration::board_from_meeting(id, CODE.to_string(), latest);
    board.council = "Northshire County Council".into();
    board.clerk = "Leanne Ford".into();
    board.contact = "01632 960123, democratic.services@northshire.example.gov.uk".into();
    board.usual_day = Some(UsualDay {
        weekday: Weekday::Wed,
        week: WeekOfMonth::Second,
    });
    board.adopts = vec![latest.board.name.clone()];
    board
}

/// The demo year: ten monthly meetings, February to December 2026 (none in August).
pub fn year() -> Vec<Meeting> {
    let template = Template::builtin("corporate-parenting-board").expect("built-in template");
    let scripts = actions();
    let mut meetings: Vec<Meeting> = Vec::new();
    for (index, month) in MONTHS.iter().enumerate() {
        let date = meeting_date(month.month);
        let mut m = new_meeting(&template, MeetingId::for_date(date), None, &meetings);
        let held = index + 1 < MONTHS.len();
        if m.attendance.is_empty() {
            m.attendance = ROSTER
                .iter()
                .map(|(n, r, p)| Attendance::new(*n, *r, *p))
                .collect();
        }
        add_reports(&mut m, month);
        if held {
            hold(&mut m, month, &scripts);
        }
        let next = MONTHS.get(index + 1).map(|n| meeting_date(n.month));
        if let Some(next) = next {
            say(
                item_mut(&mut m, &ItemRole::ForwardPlan),
                &format!("The next meeting will be held on {}.", long_date(next)),
            );
        }
        meetings.push(m);
    }
    // Each meeting's minutes were approved at the next one, except the last held.
    let held = meetings.len() - 1;
    let mut count = BTreeMap::new();
    for m in &mut meetings[..held] {
        m.status = MeetingStatus::Draft;
        number_minutes(m, &mut count);
    }
    for i in 0..held - 1 {
        let (at, on) = (meetings[i + 1].id.clone(), meetings[i + 1].date);
        approval::approve(&mut meetings[i], CHAIR, &at, on).expect("a held draft approves");
    }
    meetings
}

/// Numbers a held meeting's minutes as its draft is made, the board's count (by year)
/// kept in `count` as the store keeps a real board's.
fn number_minutes(m: &mut Meeting, count: &mut BTreeMap<i32, u32>) {
    let year = MinuteYear::Municipal;
    let last = count.entry(year.of(m.date)).or_insert(0);
    let given = minute_numbers::Given {
        code: CODE.into(),
        year,
        first: *last + 1,
    };
    *last += minute_numbers::assign(m, &given).len() as u32;
}

fn add_reports(m: &mut Meeting, month: &Month) {
    let mut next = agenda::next_id(&m.agenda).0;
    let parent = numbered(&m.agenda)
        .into_iter()
        .find(|(_, i)| i.kind == ItemKind::Report && i.role.is_none())
        .map(|(_, i)| i.id)
        .expect("template has a reports item");
    let mut subs = Vec::new();
    for (title, presenter, kind, _) in month.reports {
        let mut item = AgendaItem::new(ItemId(next), *title, *kind);
        next += 1;
        item.presenter = presenter.to_string();
        item.minutes_allotted = Some(20);
        item.principles = [Principle::HighAspirations, Principle::AccessServices].into();
        subs.push(item);
    }
    agenda::find_mut(&mut m.agenda, parent)
        .expect("found")
        .sub_items = subs;
    // Part B business is taken last, after the press and public have left.
    if let Some((title, _)) = month.exempt {
        let mut item = AgendaItem::new(ItemId(next), title, ItemKind::Information);
        item.presenter = "Mark Delaney".into();
        item.minutes_allotted = Some(15);
        item.exempt = Some(Exemption {
            reason: EXEMPT_REASON.into(),
        });
        item.principles = [Principle::SafetyAndStability, Principle::BestInterests].into();
        m.agenda.push(item);
    }
}

fn exempt_item(m: &Meeting) -> Option<ItemId> {
    numbered(&m.agenda)
        .into_iter()
        .find(|(_, i)| i.is_exempt())
        .map(|(_, i)| i.id)
}

fn list_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Runs the meeting: attendance, timings, minutes, figures, actions.
fn hold(m: &mut Meeting, month: &Month, scripts: &[ActionScript]) {
    let start = m
        .start_time
        .unwrap_or(NaiveTime::from_hms_opt(14, 0, 0).expect("valid"));
    for (i, a) in m.attendance.iter_mut().enumerate() {
        a.status = if month.apologies.contains(&i) {
            Presence::Apologies
        } else {
            Presence::Present
        };
        a.arrived_at = (a.status == Presence::Present).then_some(start);
    }
    m.status = MeetingStatus::Draft;
    if month.month == PROCEDURE_MONTH {
        procedure(m);
    }

    let apologies: Vec<&str> = m
        .attendance
        .iter()
        .filter(|a| a.status == Presence::Apologies)
        .map(|a| a.name.as_str())
        .collect();
    let mut text = if apologies.is_empty() {
        "There were no apologies.".to_string()
    } else {
        format!("Apologies were received from {}.", list_names(&apologies))
    };
    // Declarations made are the record's, which the minutes of item 1 list.
    if m.declarations.is_empty() {
        text.push_str(" There were no declarations of interest.");
    }
    say(item_mut(m, &ItemRole::Apologies), &text);

    if let Some(prev) = m.previous.clone() {
        let text = format!(
            "{} that the minutes of the meeting held on {} be approved as a correct record and signed by the Chair.\nThere were no matters arising not covered elsewhere on the agenda.",
            decision_mark(DecisionKind::Resolution),
            day_month_year(prev.date())
        );
        say(item_mut(m, &ItemRole::PreviousMinutes), &text);
    }

    action_log(m, month, scripts);
    figures(m, month);
    say(item_mut(m, &standing("voice-of-the-child")), month.voice);
    let report_texts: Vec<_> = month.reports.iter().map(|r| (r.0, r.3)).collect();
    for (title, text) in report_texts {
        let id = numbered(&m.agenda)
            .into_iter()
            .find(|(_, i)| i.title == title)
            .map(|(_, i)| i.id)
            .expect("added");
        say(agenda::find_mut(&mut m.agenda, id).expect("found"), text);
    }
    if let (Some((_, text)), Some(id)) = (month.exempt, exempt_item(m)) {
        say(agenda::find_mut(&mut m.agenda, id).expect("found"), text);
    }
    say(item_mut(m, &ItemRole::AnyOtherBusiness), month.aob);
    raise_actions(m, month, scripts);
    stamp_times(m, start);
}

/// The month whose meeting shows procedure: declarations of interest and a recorded vote.
const PROCEDURE_MONTH: u32 = 6;

/// Two interests declared at item 1 (one member staying for the item, one leaving the room
/// for the Part B item), and the health report's resolution moved, seconded and carried
/// on a recorded vote; all through the checks a clerk's records go through.
fn procedure(m: &mut Meeting) {
    let health = numbered(&m.agenda)
        .into_iter()
        .find(|(_, i)| i.title == "Annual health report for children in care")
        .map(|(_, i)| i.id)
        .expect("June's health report");
    let exempt = exempt_item(m).expect("June's Part B item");
    let declared = [
        (
            "Cllr Helen Brierley",
            health,
            InterestKind::OtherRegistrable,
            "she is a non-executive director of the local NHS foundation trust",
            false,
        ),
        (
            "Cllr Tom Ashworth",
            exempt,
            InterestKind::DisclosablePecuniary,
            "he is a director of a company that lets residential property to care providers",
            true,
        ),
    ];
    for (member, item, kind, nature, left_room) in declared {
        let d = Declaration {
            member: member.into(),
            item,
            kind,
            nature: nature.into(),
            left_room,
        };
        declarations::record(m, d).expect("the demo's declarations are by members present");
    }
    let mut d = Decision::new(
        DecisionKind::Resolution,
        "That the annual health report be noted, and that the Chair write to the Integrated Care \
         Board about CAMHS waiting times for children in care.",
    );
    d.moved_by = "Cllr Samuel Achebe".into();
    d.seconded_by = "Cllr Priya Raman".into();
    let named = [
        (CHAIR, Cast::For),
        ("Cllr Samuel Achebe", Cast::For),
        ("Cllr Priya Raman", Cast::For),
        ("Cllr Tom Ashworth", Cast::Against),
        ("Cllr Helen Brierley", Cast::Abstain),
    ]
    .map(|(name, cast)| NamedVote {
        name: name.into(),
        cast,
    });
    d.vote = Some(Vote::named(named.into(), VoteResult::Carried, false));
    resolution::record(m, health, None, d).expect("the demo's vote could have been cast");
}

fn action_log(m: &mut Meeting, month: &Month, scripts: &[ActionScript]) {
    let date = m.date;
    let here = m.id.clone();
    let mut lines = Vec::new();
    let mut exempt_updates = 0;
    for s in scripts.iter().filter(|s| s.raised < month.month) {
        let Some(action) = m.actions.iter_mut().find(|a| a.text == s.text) else {
            continue;
        };
        let line = if let Some((_, note)) = s.closed.filter(|(when, _)| *when == month.month) {
            action.update(date, Some(here.clone()), Some(ActionStatus::Done), note);
            format!("{} ({}): completed. {note}", action.id, action.text)
        } else if let Some((_, note)) = s.progress.iter().find(|(when, _)| *when == month.month) {
            action.update(date, Some(here.clone()), None, *note);
            format!("{} ({}): {note}", action.id, action.text)
        } else {
            continue;
        };
        // The action log is public business: an action from Part B is updated in its
        // record only, never described here.
        if action.raised.exempt {
            exempt_updates += 1;
        } else {
            lines.push(line);
        }
    }
    if exempt_updates > 0 {
        lines.push(
            "An action arising from exempt business was updated; see the action record.".into(),
        );
    }
    let open = m.actions.iter().filter(|a| a.is_open()).count();
    let mut text = if lines.is_empty() {
        "The Board reviewed the action log; there were no updates.".to_string()
    } else {
        format!(
            "The Board reviewed the action log:\n{}",
            lines
                .iter()
                .map(|l| format!("- {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        )
    };
    text.push_str(&format!("\nOpen actions carried forward: {open}."));
    say(item_mut(m, &ItemRole::ActionLog), &text);
}

fn figures(m: &mut Meeting, month: &Month) {
    if let Some((entered, due, within, late, outstanding, commentary)) = month.iha {
        let period_end = m.date.with_day(1).expect("day 1") - Duration::days(1);
        let period_start = period_end.with_day(1).expect("day 1");
        let figures = IhaFigures {
            period_start: Some(period_start),
            period_end: Some(period_end),
            entered_care: entered,
            due,
            within_20_days: within,
            late,
            outstanding,
            commentary: commentary.to_string(),
        };
        let rate = figures.rate().unwrap_or(0.0);
        let target = m.standing.iha_target;
        let text = format!(
            "The Designated Nurse reported that in {} {entered} children came into care and {due} Initial Health Assessments fell due. {within} ({rate:.1}%) were completed within 20 working days against the target of {target:.0}%; {late} completed late and {outstanding} outstanding.\n{commentary}",
            month_year(period_end),
        );
        m.standing.iha = Some(figures);
        say(item_mut(m, &standing("iha")), &text);
    }
    for f in &mut m.standing.figures {
        f.value = Some(match f.key.as_str() {
            "unregulated-placements" => month.unregulated,
            _ => month.eet,
        });
    }
    let text = format!(
        "Children placed in unregulated or unregistered settings at the end of the period: {}. Each placement is reviewed weekly by the Head of Service and notified to Ofsted.",
        month.unregulated
    );
    say(item_mut(m, &standing("unregulated-placements")), &text);
}

fn raise_actions(m: &mut Meeting, month: &Month, scripts: &[ActionScript]) {
    for s in scripts.iter().filter(|s| s.raised == month.month) {
        let item = match &s.at {
            At::Role(role) => role_item(m, role),
            At::Exempt => exempt_item(m).expect("month with an exempt item"),
        };
        let due = s.due.map_or(Due::NextMeeting, |(mo, d)| {
            Due::On(NaiveDate::from_ymd_opt(YEAR, mo, d).expect("valid"))
        });
        let owner = ROSTER[s.owner].0.to_string();
        let title = m.item(item).map(|i| i.title.clone()).unwrap_or_default();
        let exempt = agenda::is_exempt_business(&m.agenda, item);
        let action = ActionItem {
            id: m.next_action_id(),
            text: s.text.to_string(),
            owner: owner.clone(),
            set_by: ROSTER[0].0.to_string(),
            due,
            raised: RaisedIn {
                meeting: m.id.clone(),
                item: Some(item),
                item_title: title,
                exempt,
            },
            status: ActionStatus::Open,
            history: Vec::new(),
        };
        m.actions.push(action);
        let line = crate::words::action_line(s.text, &owner, due);
        say(agenda::find_mut(&mut m.agenda, item).expect("found"), &line);
    }
}

/// Items run in order from the start time, each a little over or under its allowance.
fn stamp_times(m: &mut Meeting, start: NaiveTime) {
    fn walk(items: &mut [AgendaItem], clock: &mut NaiveTime, wobble: &mut i64) {
        for item in items {
            item.status = ItemStatus::Done;
            item.started_at = Some(*clock);
            if item.sub_items.is_empty() {
                *wobble = (*wobble * 7 + 3) % 5;
                let mins = i64::from(item.minutes_allotted.unwrap_or(5)) + *wobble - 2;
                *clock += Duration::minutes(mins.max(1));
            } else {
                walk(&mut item.sub_items, clock, wobble);
            }
            item.ended_at = Some(*clock);
        }
    }
    let mut clock = start;
    walk(&mut m.agenda, &mut clock, &mut 1);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::approval::SealCheck;

    #[test]
    fn the_approved_june_meeting_shows_declarations_and_a_recorded_vote_under_its_seal() {
        let june = year().remove(4);
        assert_eq!(june.id.as_str(), "2026-06-10");
        assert_eq!(june.status, MeetingStatus::Approved);
        assert!(matches!(approval::check(&june), SealCheck::Intact));
        let left: Vec<_> = june
            .declarations
            .iter()
            .map(|d| (d.member.as_str(), d.left_room))
            .collect();
        assert_eq!(
            left,
            [("Cllr Helen Brierley", false), ("Cllr Tom Ashworth", true)]
        );
        let exempt = exempt_item(&june).unwrap();
        assert_eq!(
            june.declarations[1].item, exempt,
            "left the room for the Part B item"
        );
        let voted: Vec<_> = numbered(&june.agenda)
            .into_iter()
            .flat_map(|(_, i)| i.decisions.iter().map(move |d| (i.id, d)))
            .filter(|(_, d)| d.vote.is_some())
            .collect();
        let [(item, d)] = voted.as_slice() else {
            panic!("one resolution with a vote: {voted:?}")
        };
        assert_eq!(resolution::check(&june, *item, d), Ok(None));
        let vote = d.vote.as_ref().unwrap();
        assert_eq!((vote.in_favour, vote.against, vote.abstained), (3, 1, 1));
        assert_eq!(vote.result, VoteResult::Carried);
        assert_eq!(
            (d.moved_by.as_str(), d.seconded_by.as_str()),
            ("Cllr Samuel Achebe", "Cllr Priya Raman")
        );
        let item_1 = &june.agenda[0].minutes;
        assert!(!item_1.contains("no declarations"), "{item_1}");
        // The other months still say there were none.
        assert!(
            year()[3].agenda[0]
                .minutes
                .contains("There were no declarations of interest.")
        );
    }
}
