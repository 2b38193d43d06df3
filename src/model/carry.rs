//! Making the next meeting: the board's template, the previous meeting for approval, and
//! every still-open action carried into the new action log.

use chrono::NaiveTime;

use super::action::{ActionItem, latest_copies};
use super::agenda::{self, AgendaItem, ItemRole, ItemStatus};
use super::attendance::Presence;
use super::board::Board;
use super::ids::{ItemId, MeetingId};
use super::meeting::{Meeting, MeetingStatus};
use super::standing::Standing;
use super::template::Template;
use crate::words::day_month_year;

fn comes_before(m: &Meeting, id: &MeetingId) -> bool {
    (m.date, &m.id) < (id.date(), id)
}

/// Every action still open as of the latest meeting before `id`, in the order
/// first raised. Each meeting holds its own copy of the log, so the most recent
/// copy of an action says where it stands.
pub fn open_actions_before(earlier: &[Meeting], id: &MeetingId) -> Vec<ActionItem> {
    let copies = earlier
        .iter()
        .filter(|m| comes_before(m, id))
        .flat_map(|m| m.actions.iter().map(|a| ((m.date, m.id.clone()), a)));
    latest_copies(copies, |a| &a.id)
        .into_iter()
        .map(|l| l.copy)
        .filter(|a| a.is_open())
        .cloned()
        .collect()
}

/// Items deferred at the previous meeting come back on this agenda, before the
/// forward plan, saying where they came from. A sub-item of Part B business comes back
/// under a copy of the exempt item it sat under (so its title, never published there,
/// is not published here either) and with that item's ground on it, so it stays Part B
/// wherever it is moved.
fn carry_deferred(prev: &Meeting, agenda: &mut Vec<AgendaItem>) {
    let deferred: Vec<_> = agenda::walk(&prev.agenda)
        .into_iter()
        .filter(|w| {
            let i = w.item;
            i.sub_items.is_empty() && i.status == ItemStatus::Deferred && i.role.is_none()
        })
        .collect();
    let mut next = agenda::next_id(agenda).0;
    let mut fresh = || {
        next += 1;
        ItemId(next - 1)
    };
    // Each carried top-level item, with the previous meeting's item it holds for.
    let mut carried: Vec<(ItemId, AgendaItem)> = Vec::new();
    for w in deferred {
        let old = w.item;
        let mut item = carried_copy(old, fresh(), prev);
        match w.holder {
            Some(holder) if holder.id != old.id => {
                item.exempt = holder.exempt.clone();
                match carried.iter_mut().find(|(h, _)| *h == holder.id) {
                    Some((_, copy)) => copy.sub_items.push(item),
                    None => {
                        let mut copy = carried_copy(holder, fresh(), prev);
                        copy.sub_items.push(item);
                        carried.push((holder.id, copy));
                    }
                }
            }
            _ => carried.push((old.id, item)),
        }
    }
    let at = agenda
        .iter()
        .position(|i| {
            matches!(
                i.role,
                Some(ItemRole::ForwardPlan | ItemRole::AnyOtherBusiness)
            )
        })
        .unwrap_or(agenda.len());
    for (k, (_, item)) in carried.into_iter().enumerate() {
        agenda.insert(at + k, item);
    }
}

/// `old` as it comes back on the next agenda (without its sub-items), numbered `id`.
fn carried_copy(old: &AgendaItem, id: ItemId, prev: &Meeting) -> AgendaItem {
    let mut item = AgendaItem::new(id, old.title.clone(), old.kind);
    item.presenter = old.presenter.clone();
    item.minutes_allotted = old.minutes_allotted;
    item.exempt = old.exempt.clone();
    item.principles = old.principles.clone();
    item.minutes = deferred_note(prev);
    item
}

/// The minutes a carried item starts with, naming the meeting it was deferred from.
fn deferred_note(prev: &Meeting) -> String {
    format!(
        "Deferred from the meeting held on {}.",
        day_month_year(prev.date)
    )
}

/// For records made before carried items kept their Part B: each top-level item on `m`'s
/// agenda that came back from `prev` (same title, minutes starting with the carried note)
/// and was deferred there from under an exempt item is put back under a copy of that
/// item, with its ground, where it stands, as [`new_meeting`] now carries it. Only ever
/// adds Part B. Returns how many items it moved.
pub fn restore_deferred_grounds(m: &mut Meeting, prev: &Meeting) -> usize {
    let note = deferred_note(prev);
    let holders: Vec<(String, &AgendaItem)> = agenda::walk(&prev.agenda)
        .into_iter()
        .filter(|w| w.item.sub_items.is_empty() && w.item.status == ItemStatus::Deferred)
        .filter_map(|w| {
            let holder = w.holder?;
            (holder.id != w.item.id).then(|| (w.item.title.clone(), holder))
        })
        .collect();
    let mut next = agenda::next_id(&m.agenda).0;
    let mut moved = 0;
    for slot in &mut m.agenda {
        if slot.exempt.is_some() || !slot.minutes.starts_with(&note) {
            continue;
        }
        let Some((_, holder)) = holders.iter().find(|(t, _)| *t == slot.title) else {
            continue;
        };
        let mut copy = carried_copy(holder, ItemId(next), prev);
        next += 1;
        let mut item = std::mem::replace(slot, AgendaItem::new(ItemId(0), "", copy.kind));
        item.exempt = holder.exempt.clone();
        copy.sub_items.push(item);
        *slot = copy;
        moved += 1;
    }
    moved
}

/// A new meeting from `template`, following on from the meetings in `earlier`
/// (any order; later ones are ignored).
pub fn new_meeting(
    template: &Template,
    id: MeetingId,
    start_time: Option<NaiveTime>,
    earlier: &[Meeting],
) -> Meeting {
    let previous = earlier
        .iter()
        .filter(|m| comes_before(m, &id))
        .max_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));

    let mut agenda = template.agenda();
    if let Some(prev) = previous
        && let Some(item) = agenda::numbered(&agenda)
            .into_iter()
            .find(|(_, i)| i.role == Some(ItemRole::PreviousMinutes))
            .map(|(_, i)| i.id)
    {
        let item = agenda::find_mut(&mut agenda, item).expect("found above");
        item.title = format!(
            "Minutes of the meeting held on {} and matters arising",
            day_month_year(prev.date)
        );
    }

    if let Some(prev) = previous {
        carry_deferred(prev, &mut agenda);
    }

    // The people who usually attend, waiting to be marked at this meeting.
    let attendance = previous
        .map(|p| {
            p.attendance
                .iter()
                .map(|a| {
                    let mut a = a.clone();
                    a.status = Presence::Expected;
                    a.arrived_at = None;
                    a.note.clear();
                    a
                })
                .collect()
        })
        .unwrap_or_default();

    // Figures the board added or retired carry on from the last meeting; values start empty.
    let standing = match previous {
        Some(p) => Standing {
            iha_target: p.standing.iha_target,
            iha: None,
            figures: p
                .standing
                .figures
                .iter()
                .cloned()
                .map(|mut f| {
                    f.value = None;
                    f
                })
                .collect(),
            iha_children: Vec::new(),
        },
        None => Standing {
            iha_target: template.iha_target,
            iha: None,
            figures: template.figures(),
            iha_children: Vec::new(),
        },
    };

    Meeting {
        date: id.date(),
        board: previous.map_or_else(|| template.board.clone(), |p| p.board.clone()),
        title: template.title.clone(),
        start_time: start_time.or(template.start_time),
        venue: previous.map_or_else(|| template.venue.clone(), |p| p.venue.clone()),
        status: MeetingStatus::Planned,
        minuting: Default::default(),
        began_at: None,
        ended_at: None,
        previous: previous.map(|p| p.id.clone()),
        attendance,
        standing,
        actions: open_actions_before(earlier, &id),
        approval: None,
        declarations: Vec::new(),
        exclusion_minute: None,
        calendar_sequence: 0,
        agenda_published: None,
        calendar_uid: None,
        errata: Vec::new(),
        agenda,
        id,
    }
}

/// A new meeting of `board` from its `template`, following on from the board's own
/// meetings in `earlier` (another board's are the caller's to leave out): the board's
/// name, quorum, venue and usual time as they stand, and its roster as the attendance.
pub fn new_meeting_of(
    board: &Board,
    template: &Template,
    id: MeetingId,
    start_time: Option<NaiveTime>,
    earlier: &[Meeting],
) -> Meeting {
    let mut m = new_meeting(template, id, start_time.or(board.usual_time), earlier);
    m.board = board.snapshot();
    m.title = board.name.clone();
    if !board.venue.trim().is_empty() {
        m.venue = board.venue.clone();
    }
    if !board.members.is_empty() {
        m.attendance = board.attendance();
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::{ActionStatus, Due, RaisedIn};
    use crate::model::attendance::{Attendance, Role};
    use crate::model::{ActionId, Exemption, ItemKind};
    use chrono::NaiveDate;

    fn template() -> Template {
        Template::builtin("corporate-parenting-board").unwrap()
    }

    fn id(s: &str) -> MeetingId {
        MeetingId::parse(s).unwrap()
    }

    fn action(meeting: &str, seq: u32, text: &str) -> ActionItem {
        ActionItem {
            id: ActionId::new(&id(meeting), seq),
            text: text.into(),
            owner: "Head of Service".into(),
            set_by: "Chair".into(),
            due: Due::NextMeeting,
            raised: RaisedIn {
                meeting: id(meeting),
                item: None,
                item_title: String::new(),
                exempt: false,
            },
            status: ActionStatus::Open,
            history: vec![],
        }
    }

    #[test]
    fn carries_open_actions_using_their_latest_status() {
        let t = template();
        let mut jan = new_meeting(&t, id("2026-01-14"), None, &[]);
        jan.actions = vec![
            action("2026-01-14", 1, "closed in Feb"),
            action("2026-01-14", 2, "still open"),
        ];
        let mut feb = new_meeting(&t, id("2026-02-11"), None, std::slice::from_ref(&jan));
        assert_eq!(feb.actions.len(), 2, "both carried into February");
        feb.actions[0].update(
            NaiveDate::from_ymd_opt(2026, 2, 11).unwrap(),
            Some(feb.id.clone()),
            Some(ActionStatus::Done),
            "Done",
        );
        feb.actions.push(action("2026-02-11", 1, "new in Feb"));

        // A meeting made later sees February's state, whatever order it is given them in.
        let mar = new_meeting(&t, id("2026-03-11"), None, &[feb.clone(), jan.clone()]);
        let texts: Vec<_> = mar.actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["still open", "new in Feb"]);
        assert_eq!(mar.previous, Some(feb.id.clone()));
        let prev_item = agenda::numbered(&mar.agenda)
            .into_iter()
            .find(|(_, i)| i.role == Some(ItemRole::PreviousMinutes))
            .unwrap()
            .1
            .title
            .clone();
        assert_eq!(
            prev_item,
            "Minutes of the meeting held on 11 February 2026 and matters arising"
        );
    }

    #[test]
    fn a_withdrawn_action_is_not_carried_forward() {
        let t = template();
        let mut jan = new_meeting(&t, id("2026-01-14"), None, &[]);
        jan.actions = vec![action("2026-01-14", 1, "raised by mistake")];
        let at = crate::model::action::At {
            date: jan.date,
            meeting: Some(jan.id.clone()),
            by: "Jo Clerk".into(),
        };
        jan.actions[0].withdraw(at, "").unwrap();
        let feb = new_meeting(&t, id("2026-02-11"), None, &[jan]);
        assert!(feb.actions.is_empty(), "{:?}", feb.actions);
    }

    #[test]
    fn ignores_meetings_after_the_new_one_and_resets_attendance() {
        let t = template();
        let mut jan = new_meeting(&t, id("2026-01-14"), None, &[]);
        let mut chair = Attendance::new("Cllr Ada Lovelace", Role::Member, "Chair");
        chair.status = Presence::Apologies;
        jan.attendance.push(chair);
        let mut later = new_meeting(&t, id("2026-06-10"), None, &[]);
        later.actions = vec![action("2026-06-10", 1, "from the future")];
        let feb = new_meeting(
            &t,
            id("2026-02-11"),
            NaiveTime::from_hms_opt(10, 0, 0),
            &[jan.clone(), later],
        );
        assert!(feb.actions.is_empty());
        assert_eq!(feb.previous, Some(jan.id.clone()));
        assert_eq!(feb.attendance.len(), 1);
        assert_eq!(feb.attendance[0].status, Presence::Expected);
        assert_eq!(feb.start_time, NaiveTime::from_hms_opt(10, 0, 0));
        assert_eq!(feb.status, MeetingStatus::Planned);
    }

    #[test]
    fn deferred_items_come_back_at_the_next_meeting() {
        let t = template();
        let mut jan = new_meeting(&t, id("2026-01-14"), None, &[]);
        let reports = jan
            .agenda
            .iter()
            .position(|i| i.title == "Service reports")
            .unwrap();
        let mut fostering = AgendaItem::new(
            ItemId(50),
            "Fostering annual report",
            crate::model::ItemKind::Report,
        );
        fostering.status = ItemStatus::Deferred;
        fostering.presenter = "Head of Fostering".into();
        jan.agenda[reports].sub_items.push(fostering);
        let feb = new_meeting(&t, id("2026-02-11"), None, &[jan]);
        let rows: Vec<_> = agenda::numbered(&feb.agenda)
            .into_iter()
            .map(|(n, i)| (n.to_string(), i.clone()))
            .collect();
        let (number, item) = rows
            .iter()
            .find(|(_, i)| i.title == "Fostering annual report")
            .expect("carried");
        assert_eq!(item.status, ItemStatus::Pending);
        assert_eq!(item.presenter, "Head of Fostering");
        assert_eq!(
            item.minutes,
            "Deferred from the meeting held on 14 January 2026."
        );
        let forward = rows
            .iter()
            .find(|(_, i)| i.role == Some(ItemRole::ForwardPlan))
            .unwrap();
        assert!(
            number < &forward.0,
            "{number} comes before the forward plan ({})",
            forward.0
        );
    }

    #[test]
    fn deferring_part_b_with_sub_items_brings_them_back_as_part_b() {
        let t = template();
        let mut jan = new_meeting(&t, id("2026-01-14"), None, &[]);
        let mut part_b = AgendaItem::new(ItemId(60), "Placement review", ItemKind::Report);
        part_b.exempt = Some(Exemption {
            reason: "Schedule 12A, paragraph 2".into(),
        });
        let mut case = AgendaItem::new(ItemId(61), "Case of a child", ItemKind::Information);
        case.presenter = "Social worker".into();
        let mut deeper = AgendaItem::new(ItemId(62), "Outer case", ItemKind::Information);
        deeper.sub_items.push(AgendaItem::new(
            ItemId(63),
            "Inner case",
            ItemKind::Information,
        ));
        part_b.sub_items = vec![case, deeper];
        jan.agenda.push(part_b);
        crate::model::running::defer(&mut jan, ItemId(60), NaiveTime::MIN).unwrap();

        let feb = new_meeting(&t, id("2026-02-11"), None, &[jan]);
        let holder = feb
            .agenda
            .iter()
            .find(|i| i.title == "Placement review")
            .expect("a copy of the exempt item holds them");
        let under: Vec<_> = holder.sub_items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(under, ["Case of a child", "Inner case"]);
        assert!(holder.is_exempt());
        for title in ["Case of a child", "Inner case"] {
            let (_, item) = agenda::numbered(&feb.agenda)
                .into_iter()
                .find(|(_, i)| i.title == title)
                .unwrap_or_else(|| panic!("{title} carried"));
            assert_eq!(
                item.exempt.as_ref().map(|e| e.reason.as_str()),
                Some("Schedule 12A, paragraph 2"),
                "{title} keeps the ground it inherited"
            );
        }
    }

    #[test]
    fn first_meeting_takes_the_template_and_has_no_previous() {
        let m = new_meeting(&template(), id("2026-01-14"), None, &[]);
        assert_eq!(m.previous, None);
        assert_eq!(m.board.name, "Corporate Parenting Board");
        assert_eq!(m.start_time, NaiveTime::from_hms_opt(14, 0, 0));
        assert_eq!(m.standing.figures.len(), 2);
        assert_eq!(crate::words::long_date(m.date), "Wednesday 14 January 2026");
    }
}
