//! The generated opening of the apologies item's minutes: who sent apologies (and who
//! substituted for them), written from the attendance, and kept in step with it only
//! while the clerk has not edited that line. Typed text is never overwritten.

use std::ops::Range;

use super::attendance::{Attendance, Presence};
use super::board::{Board, YoungPeopleNamed};

/// How every generated apologies line begins: a first line starting otherwise is the
/// clerk's own, and no generated line is put above it.
const OPENINGS: [&str; 2] = [
    "Apologies for absence were received from ",
    "No apologies for absence were received.",
];

/// The apologies line for this attendance; `None` until attendance is taken.
/// Declarations of interest, once recorded (the next issue), get a line of their own
/// made the same way, kept by the same [`refreshed`].
pub fn line(attendance: &[Attendance], board: Option<&Board>) -> Option<String> {
    if attendance.iter().all(|a| a.status == Presence::Expected) {
        return None;
    }
    let rule = YoungPeopleNamed::of(board);
    let sent: Vec<&Attendance> = attendance
        .iter()
        .filter(|a| a.status == Presence::Apologies)
        .collect();
    if sent.is_empty() {
        return Some(OPENINGS[1].to_string());
    }
    let names: Vec<String> = sent.iter().map(|a| named(a, rule)).collect();
    let mut text = format!("{}{}.", OPENINGS[0], list(&names));
    let subs = substitutes(attendance, &sent, board);
    if !subs.is_empty() {
        text.push_str(&format!(" Substitutes: {}.", list(&subs)));
    }
    Some(text)
}

/// How the line refers to `a`: by name, or a young person the board names by role only
/// as "a young person (their position)". The line is part of the published minutes.
fn named(a: &Attendance, rule: YoungPeopleNamed) -> String {
    if rule.names(a.role) {
        return a.name.clone();
    }
    match a.position.trim() {
        "" => "a young person".to_string(),
        p => format!("a young person ({p})"),
    }
}

/// "C for A": each person present whom the board's roster names as a substitute of a
/// member who sent apologies.
fn substitutes(
    attendance: &[Attendance],
    sent: &[&Attendance],
    board: Option<&Board>,
) -> Vec<String> {
    let Some(board) = board else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for away in sent {
        let Some(member) = board.members.iter().find(|m| m.name == away.name) else {
            continue;
        };
        out.extend(
            attendance
                .iter()
                .filter(|a| a.status == Presence::Present && member.substitutes.contains(&a.name))
                .map(|a| {
                    let rule = board.young_people;
                    format!("{} for {}", named(a, rule), named(away, rule))
                }),
        );
    }
    out
}

/// "A", "A and B", "A, B and C".
fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The change that keeps `minutes` in step when the generated line goes from `before` to
/// `after`: the char range to replace and its replacement, or nothing. The first line is
/// replaced only while it is exactly `before` (the clerk has not edited it); a line is put
/// on top only where none was generated before and the text does not open with one.
pub fn refreshed(
    minutes: &str,
    before: Option<&str>,
    after: Option<&str>,
) -> Option<(Range<usize>, String)> {
    let first = minutes.split('\n').next().unwrap_or("");
    if after == Some(first) {
        return None;
    }
    let first_len = first.chars().count();
    match (before, after) {
        (Some(b), Some(a)) if b == first => Some((0..first_len, a.to_string())),
        // The line goes, and the paragraph break after it.
        (Some(b), None) if b == first => {
            let with_break = first_len + usize::from(minutes.len() > first.len());
            Some((0..with_break, String::new()))
        }
        // Always with its line break, so what the clerk types next starts a line of its own.
        (None, Some(a)) if !OPENINGS.iter().any(|o| first.starts_with(o)) => {
            Some((0..0, format!("{a}\n")))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Member, Role};

    fn people() -> Vec<Attendance> {
        vec![
            Attendance::new("Cllr A", Role::Member, "Chair"),
            Attendance::new("Cllr B", Role::Member, ""),
            Attendance::new("Cllr C", Role::Member, ""),
            Attendance::new("Sam", Role::YoungPerson, "Children in Care Council"),
        ]
    }

    #[test]
    fn the_line_names_who_sent_apologies_and_their_substitutes() {
        let mut p = people();
        assert_eq!(line(&p, None), None, "nothing before attendance is taken");
        p[0].status = Presence::Present;
        assert_eq!(
            line(&p, None).unwrap(),
            "No apologies for absence were received."
        );
        p[1].status = Presence::Apologies;
        p[3].status = Presence::Apologies;
        assert_eq!(
            line(&p, None).unwrap(),
            "Apologies for absence were received from Cllr B and a young person (Children in \
             Care Council)."
        );
        let mut b = Member::new("Cllr B", Role::Member, "");
        b.substitutes = vec!["Cllr D".into()];
        let mut board: Board = serde_json::from_value(serde_json::json!({
            "id": "cpb", "name": "Corporate Parenting Board", "code": "CPB", "quorum": 2,
            "template": "corporate-parenting-board", "young_people": "first-name"
        }))
        .unwrap();
        board.members = vec![b];
        let mut d = Attendance::new("Cllr D", Role::Member, "");
        d.status = Presence::Present;
        p.push(d);
        assert_eq!(
            line(&p, Some(&board)).unwrap(),
            "Apologies for absence were received from Cllr B and Sam. Substitutes: Cllr D for \
             Cllr B."
        );
    }

    #[test]
    fn a_substitute_clause_names_young_people_only_as_the_board_allows() {
        // Sam, a young person on the roster, sends apologies; Kai, also a young person,
        // substitutes; the Chair's substitute is an adult and keeps their name.
        let mut sam = Member::new("Sam", Role::YoungPerson, "Children in Care Council");
        sam.substitutes = vec!["Kai".into()];
        let board = |young_people: &str| -> Board {
            let mut b: Board = serde_json::from_value(serde_json::json!({
                "id": "cpb", "name": "Corporate Parenting Board", "code": "CPB", "quorum": 2,
                "template": "corporate-parenting-board", "young_people": young_people
            }))
            .unwrap();
            b.members = vec![sam.clone()];
            b
        };
        let mut p = people();
        p[0].status = Presence::Present;
        p[3].status = Presence::Apologies;
        let mut kai = Attendance::new("Kai", Role::YoungPerson, "Children in Care Council");
        kai.status = Presence::Present;
        p.push(kai);
        let role_only = line(&p, Some(&board("role-only"))).unwrap();
        assert_eq!(
            role_only,
            "Apologies for absence were received from a young person (Children in Care \
             Council). Substitutes: a young person (Children in Care Council) for a young \
             person (Children in Care Council)."
        );
        assert!(!role_only.contains("Sam") && !role_only.contains("Kai"));
        assert_eq!(
            line(&p, Some(&board("first-name"))).unwrap(),
            "Apologies for absence were received from Sam. Substitutes: Kai for Sam."
        );
    }

    #[test]
    fn the_line_put_into_empty_minutes_ends_its_line_so_typing_starts_a_new_one() {
        let a = "Apologies for absence were received from Cllr A.";
        assert_eq!(refreshed("", None, Some(a)), Some((0..0, format!("{a}\n"))));
        // And it goes again, break and all, when nobody is left to name.
        assert_eq!(
            refreshed(&format!("{a}\n"), Some(a), None),
            Some((0..a.len() + 1, String::new()))
        );
    }

    #[test]
    fn the_line_follows_attendance_only_while_the_clerk_has_not_edited_it() {
        let a = "Apologies for absence were received from Cllr B.";
        let b = "Apologies for absence were received from Cllr B and Cllr C.";
        // Put on top of what the clerk typed, once.
        assert_eq!(
            refreshed("The Chair welcomed all.", None, Some(a)),
            Some((0..0, format!("{a}\n")))
        );
        // Replaced while untouched, kept once edited.
        let text = format!("{a}\nThe Chair welcomed all.");
        assert_eq!(
            refreshed(&text, Some(a), Some(b)),
            Some((0..a.chars().count(), b.to_string()))
        );
        let edited = format!("{a} Cllr C sent word later.\nThe Chair welcomed all.");
        assert_eq!(refreshed(&edited, Some(a), Some(b)), None);
        // Already there (a crash recovered the text, not the mark): never twice.
        assert_eq!(refreshed(&text, None, Some(a)), None);
        assert_eq!(refreshed(&format!("{b}\nx"), None, Some(a)), None);
        // Gone with its paragraph break when nobody sent apologies any more.
        assert_eq!(
            refreshed(&text, Some(a), None),
            Some((0..a.chars().count() + 1, String::new()))
        );
        assert_eq!(refreshed("Typed by the clerk.", Some(a), None), None);
    }
}
