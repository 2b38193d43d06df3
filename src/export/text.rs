//! A meeting as plain text, for `minutebook show`: the clerk's own full view, exempt
//! business included and marked as such (this is not a public export).

use std::fmt::Write;

use chrono::NaiveDate;

use crate::model::agenda::numbered;
use crate::model::carry::long_date;
use crate::model::clock::format_hhmm;
use crate::model::reading;
use crate::model::{ActionItem, Meeting, MeetingId, Presence, action};

/// `known`: the meetings on record (date and id), so that an action due "by the next
/// meeting" reads as that meeting's date.
pub fn render(m: &Meeting, known: &[(NaiveDate, MeetingId)]) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "{}", m.title);
    let mut when = long_date(m.date);
    if let Some(t) = m.start_time {
        when.push_str(&format!(", {}", format_hhmm(t)));
    }
    if !m.venue.is_empty() {
        when.push_str(&format!(", {}", m.venue));
    }
    let _ = writeln!(w, "{when}");
    let _ = writeln!(w, "Meeting {} · {}", m.id, m.status.label());
    if let Some(prev) = &m.previous {
        let _ = writeln!(w, "Approves the minutes of {prev}");
    }

    attendance(w, m);
    standing(w, m);

    let _ = writeln!(w, "\nAgenda");
    for (number, item) in numbered(&m.agenda) {
        let indent = "  ".repeat(number.0.len());
        let mut facts = vec![item.kind.label().to_string()];
        if !item.presenter.is_empty() {
            facts.push(item.presenter.clone());
        }
        if let Some(mins) = item.minutes_allotted {
            facts.push(format!("{mins} min"));
        }
        facts.push(item.status.label().to_string());
        if let (Some(a), Some(b)) = (item.started_at, item.ended_at) {
            facts.push(format!("{}–{}", format_hhmm(a), format_hhmm(b)));
        }
        let _ = writeln!(w, "\n{indent}{number}. {}", item.title);
        if let Some(ex) = &item.exempt {
            let _ = writeln!(w, "{indent}   EXEMPT (Part B): {}", ex.reason);
        }
        let _ = writeln!(w, "{indent}   [{}]", facts.join(" · "));
        if !item.principles.is_empty() {
            let ps: Vec<_> = item
                .principles
                .iter()
                .map(|p| format!("{}", p.number()))
                .collect();
            let _ = writeln!(
                w,
                "{indent}   Corporate parenting principles: {}",
                ps.join(", ")
            );
        }
        // Each decision once, from its record; corrections after approval beside the item.
        for line in reading::narrative(item).lines() {
            let _ = writeln!(w, "{indent}   {line}");
        }
        for d in &item.decisions {
            let _ = writeln!(w, "{indent}   {}", reading::decision_line(d));
        }
        for e in reading::errata_for(&m.errata, Some(item.id)) {
            let _ = writeln!(w, "{indent}   {}", reading::erratum_line(e));
        }
    }

    if !m.actions.is_empty() {
        let _ = writeln!(w, "\nActions");
        let _ = writeln!(w, "  (overdue judged against {})", long_date(m.date));
        for a in &m.actions {
            // Dated from the meetings on record; judged by this meeting alone without them.
            let dated = (!known.is_empty())
                .then(|| {
                    let all = known.iter().map(|(d, id)| (*d, id));
                    action::next_meeting_after(&a.raised.meeting, all.chain([(m.date, &m.id)]))
                })
                .flatten();
            let judged = dated.or_else(|| action::next_meeting_by(m, &a.raised.meeting));
            action(w, m, a, dated, judged);
        }
    }
    approval(w, m);
    out
}

/// Who approved the minutes, at which meeting and when; errata to the whole record.
fn approval(w: &mut String, m: &Meeting) {
    let whole: Vec<_> = reading::errata_for(&m.errata, None).collect();
    if m.approval.is_none() && whole.is_empty() {
        return;
    }
    let _ = writeln!(w, "\nApproval");
    if let Some(a) = &m.approval {
        let _ = writeln!(w, "  {}", reading::approval_line(a));
    }
    for e in whole {
        let _ = writeln!(w, "  {}", reading::erratum_line(e));
    }
}

fn attendance(w: &mut String, m: &Meeting) {
    if m.attendance.is_empty() {
        return;
    }
    let _ = writeln!(w, "\nAttendance: {}", m.quorum().describe());
    for status in [
        Presence::Present,
        Presence::Apologies,
        Presence::Absent,
        Presence::Expected,
    ] {
        let names: Vec<_> = m
            .attendance
            .iter()
            .filter(|a| a.status == status)
            .map(|a| {
                let mut s = a.name.clone();
                if !a.position.is_empty() {
                    s.push_str(&format!(" ({})", a.position));
                }
                s
            })
            .collect();
        if !names.is_empty() {
            let _ = writeln!(w, "  {}: {}", capitalise(status.label()), names.join("; "));
        }
    }
}

fn standing(w: &mut String, m: &Meeting) {
    let Some(iha) = &m.standing.iha else { return };
    let _ = writeln!(w, "\nIHA timeliness (target {:.0}%)", m.standing.iha_target);
    let rate = iha
        .rate()
        .map_or("no IHAs due".to_string(), |r| format!("{r:.1}%"));
    let _ = writeln!(
        w,
        "  {} due, {} within 20 working days ({rate}), {} late, {} outstanding; {} came into care",
        iha.due, iha.within_20_days, iha.late, iha.outstanding, iha.entered_care
    );
}

fn action(
    w: &mut String,
    m: &Meeting,
    a: &ActionItem,
    next: Option<NaiveDate>,
    judged: Option<NaiveDate>,
) {
    let overdue = if a.is_overdue(m.date, judged) {
        format!(", {}", action::overdue_against(m.date).to_uppercase())
    } else {
        String::new()
    };
    let _ = writeln!(w, "  {} [{}{overdue}] {}", a.id, a.status.label(), a.text);
    let _ = writeln!(
        w,
        "      owner {}, {}, raised at {} by {}",
        a.owner,
        a.due_words(next),
        a.raised.meeting,
        a.set_by
    );
    for u in &a.history {
        let _ = writeln!(w, "      {}: {}", u.date, u.note);
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}
