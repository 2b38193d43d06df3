//! The vocabulary every surface speaks: status words and symbols, the Part B mark, decision
//! words, the words forms accept, the IHA status, date and time forms and `capitalise`,
//! each written once (no terminal, no disk).
//!
//! The model's enums get their words here rather than beside their definitions, so that a
//! pane, a document and the command line cannot word the same thing two ways.

use std::fmt::Display;

use chrono::{NaiveDate, NaiveTime};

use crate::model::action::FieldChange;
use crate::model::agenda::DecisionKind;
use crate::model::iha_children::Outcome;
use crate::model::standing::IhaStatus;
use crate::model::{
    ActionStatus, ActionUpdate, Better, Cast, Decision, Declaration, InterestKind, ItemKind,
    ItemStatus, MeetingStatus, Presence, Role, Unit, UsualDay, VoteResult, WeekOfMonth,
    YoungPeopleNamed,
};

/// How an open action past its due date is marked, by word (never colour alone).
pub const OVERDUE: &str = "OVERDUE";

/// The terminal's tag on exempt business, in every pane and on the command line.
pub const PART_B_TAG: &str = "[PART B]";

/// How documents mark exempt business: the banner over an exempt item in the full record.
pub const PART_B_BANNER: &str = "EXEMPT (Part B)";

/// The mark on every page of minutes until the board approves them.
pub const DRAFT_MARK: &str = "DRAFT – subject to approval";

/// The mark on every page of the full record where it holds exempt business.
pub const NOT_FOR_PUBLICATION_EXEMPT: &str = "NOT FOR PUBLICATION – exempt information";

/// The mark on every page of a full record without exempt business.
pub const NOT_FOR_PUBLICATION: &str = "NOT FOR PUBLICATION – the full record";

/// The agenda pack's heading over open business, where there is exempt business too.
pub const PART_A_HEADING: &str = "Part A – items to be considered in public";

/// The agenda pack's heading over exempt business.
pub const PART_B_HEADING: &str =
    "Part B – items likely to be considered with the press and public excluded";

/// The lines the Chair signs on approved minutes.
pub const SIGNATURE_LINE: &str = "Chair ………………………………………………   Date ……………………………";

/// The mark that opens an action's line in the minutes text.
pub const ACTION_MARK: &str = "ACTION:";

impl ItemStatus {
    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Pending => "pending",
            ItemStatus::Current => "current",
            ItemStatus::Done => "done",
            ItemStatus::Deferred => "deferred",
        }
    }

    /// A symbol and the word, for panes: "▶ current".
    pub fn marked(self) -> &'static str {
        match self {
            ItemStatus::Pending => "· pending",
            ItemStatus::Current => "▶ current",
            ItemStatus::Done => "✓ done",
            ItemStatus::Deferred => "» deferred",
        }
    }
}

impl MeetingStatus {
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "planned",
            MeetingStatus::InProgress => "in progress",
            MeetingStatus::Draft => "minutes in draft",
            MeetingStatus::Approved => "minutes approved",
        }
    }

    /// A symbol and a short word, for the archive list: "✎ draft".
    pub fn marked(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "◷ planned",
            MeetingStatus::InProgress => "▶ in progress",
            MeetingStatus::Draft => "✎ draft",
            MeetingStatus::Approved => "✓ approved",
        }
    }
}

impl ActionStatus {
    /// A symbol and the word, for panes; an overdue open action says OVERDUE instead.
    pub fn marked(self, overdue: bool) -> &'static str {
        match (self, overdue) {
            (ActionStatus::Open, true) => "! OVERDUE",
            (ActionStatus::Open, false) => "○ open",
            (ActionStatus::Done, _) => "✓ done",
            (ActionStatus::Dropped, _) => "✗ dropped",
            (ActionStatus::Withdrawn, _) => "⊘ withdrawn",
        }
    }
}

/// An action's update as it follows its date: " [withdrawn]: Withdrawn: raised by mistake
/// (by Jo Clerk)", the status it set and who made it where the record says.
pub fn update_words(u: &ActionUpdate) -> String {
    let st = u
        .status
        .map(|s| format!(" [{}]", s.label()))
        .unwrap_or_default();
    let by = match u.by.as_str() {
        "" => String::new(),
        by => format!(" (by {by})"),
    };
    format!("{st}: {}{by}", u.note)
}

/// One field of an edit, from what to what: `owner "Head of Service" → "Lead Member"`.
pub fn change_words(c: &FieldChange) -> String {
    format!("{} \"{}\" → \"{}\"", c.field, c.from, c.to)
}

impl Presence {
    pub fn label(self) -> &'static str {
        match self {
            Presence::Expected => "not yet marked",
            Presence::Present => "present",
            Presence::Apologies => "apologies",
            Presence::Absent => "absent",
        }
    }

    /// A symbol and a word, for the attendance pane: "A apologies".
    pub fn marked(self) -> &'static str {
        match self {
            Presence::Expected => "? not marked",
            Presence::Present => "✓ present",
            Presence::Apologies => "A apologies",
            Presence::Absent => "✗ absent",
        }
    }
}

impl IhaStatus {
    /// "ON TARGET", "BELOW TARGET" or "no IHAs due": in words, never colour alone.
    pub fn words(self) -> &'static str {
        match self {
            IhaStatus::OnTarget => "ON TARGET",
            IhaStatus::BelowTarget => "BELOW TARGET",
            IhaStatus::NoneDue => "no IHAs due",
        }
    }
}

impl Outcome {
    /// A child's IHA against the 20 working days, by symbol and word: "! late".
    pub fn words(self) -> &'static str {
        match self {
            Outcome::WithinTime => "✓ within 20 working days",
            Outcome::Late => "! late",
            Outcome::Outstanding => "… outstanding",
            Outcome::OutsidePeriod => "· not due in this period",
        }
    }
}

/// A meeting file the archive could not read, as its list marks it.
pub const UNREADABLE: &str = "✗ unreadable";

/// "DECISION:" or "RESOLVED:": the mark a decision is minuted under (const, so the
/// editor's table of marks is built from it).
pub const fn decision_mark(kind: DecisionKind) -> &'static str {
    match kind {
        DecisionKind::Decision => "DECISION:",
        DecisionKind::Resolution => "RESOLVED:",
    }
}

/// The text of a decision without a mark typed before it ("RESOLVED – That …" → "That …"):
/// documents add the mark, so the record holds the words once.
pub fn without_decision_mark(text: &str) -> &str {
    let text = text.trim();
    for kind in [DecisionKind::Resolution, DecisionKind::Decision] {
        let word = decision_word(kind);
        if let Some(head) = text.get(..word.len())
            && head.eq_ignore_ascii_case(word)
            && !text[word.len()..].starts_with(char::is_alphanumeric)
        {
            return text[word.len()..].trim_start_matches([':', '–', '-', ' ']);
        }
    }
    text
}

/// "DECISION" or "RESOLVED": the mark without its colon.
pub fn decision_word(kind: DecisionKind) -> &'static str {
    decision_mark(kind).trim_end_matches(':')
}

/// "Decision" or "Resolution": what the clerk records, as a form names it.
pub fn decision_noun(kind: DecisionKind) -> &'static str {
    match kind {
        DecisionKind::Decision => "Decision",
        DecisionKind::Resolution => "Resolution",
    }
}

/// "ACTION: Write to the director (Leanne Ford, due 2026-12-16)": an action in the text.
pub fn action_line(text: &str, owner: &str, due: impl Display) -> String {
    format!("{ACTION_MARK} {text} ({owner}, due {due})")
}

/// An enum a form accepts by word: `ALL` in the order the form lists them, the word for
/// each (one list makes both, so neither can miss a variant), and `choices`, the list a
/// hint and a refusal give.
macro_rules! typed_words {
    ($ty:ident, $(#[$doc:meta])* $word:ident { $($v:ident => $w:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$v),+];

            $(#[$doc])*
            pub fn $word(self) -> &'static str {
                match self {
                    $($ty::$v => $w,)+
                }
            }

            /// The words the form accepts: "a, b or c".
            pub fn choices() -> String {
                choices(Self::ALL, Self::$word)
            }
        }
    };
}

typed_words!(ItemKind,
    /// As the clerk types it: "decision".
    word {
        Report => "report",
        Presentation => "presentation",
        Decision => "decision",
        Information => "information",
        Standing => "standing",
        Procedural => "procedural",
    }
);

typed_words!(Role,
    /// Shown and typed alike: "young person".
    label {
        Member => "member",
        Officer => "officer",
        YoungPerson => "young person",
        Partner => "partner",
        Other => "other",
    }
);

/// How a public document gives a young person whose board does not name young people:
/// "Young person (Children in Care Council)".
pub fn young_person(position: &str) -> String {
    match position.trim() {
        "" => "Young person".to_string(),
        p => format!("Young person ({p})"),
    }
}

typed_words!(ActionStatus,
    /// Shown and typed alike: "dropped".
    label { Open => "open", Done => "done", Dropped => "dropped", Withdrawn => "withdrawn" }
);

typed_words!(Unit, word { Count => "count", Percent => "percent" });

typed_words!(WeekOfMonth, word {
    Every => "every", First => "first", Second => "second", Third => "third",
    Fourth => "fourth", Last => "last",
});

typed_words!(YoungPeopleNamed,
    /// How a board's form shows and takes it: "role only".
    word { RoleOnly => "role only", FirstName => "first name" }
);

impl YoungPeopleNamed {
    pub fn parse(typed: &str) -> Option<YoungPeopleNamed> {
        begun(Self::ALL, Self::word, typed)
    }
}

/// "second Wednesday", as a board's form shows its usual day; "" for none.
pub fn usual_day_words(day: Option<UsualDay>) -> String {
    day.map_or_else(String::new, |d| {
        format!("{} {}", d.week.word(), weekday_name(d.weekday))
    })
}

/// A usual day as the clerk types it: "second Wednesday", "last fri", "Tuesday" (every
/// week), or nothing for none. The refusal says what is expected.
pub fn parse_usual_day(typed: &str) -> Result<Option<UsualDay>, String> {
    let words: Vec<String> = typed
        .split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "the" | "of" | "month" | "each"))
        .collect();
    let refuse = || {
        format!(
            "{typed:?} is not a usual day: write e.g. \"second Wednesday\" ({} and a day of the week)",
            WeekOfMonth::choices()
        )
    };
    let (week, day) = match words.as_slice() {
        [] => return Ok(None),
        [day] => (WeekOfMonth::Every, day),
        [week, day] => (
            exact(WeekOfMonth::ALL, WeekOfMonth::word, week).ok_or_else(refuse)?,
            day,
        ),
        _ => return Err(refuse()),
    };
    let weekday = day.parse::<chrono::Weekday>().map_err(|_| refuse())?;
    Ok(Some(UsualDay { weekday, week }))
}

typed_words!(Better, word { Higher => "higher", Lower => "lower" });

typed_words!(InterestKind,
    /// As the clerk types it: "other registrable".
    word {
        DisclosablePecuniary => "pecuniary",
        OtherRegistrable => "other registrable",
        NonRegistrable => "non-registrable",
    }
);

impl InterestKind {
    /// "pecuniary", "disclosable pecuniary", "other-registrable", "oth": as a form or the
    /// command line gives it.
    pub fn parse(typed: &str) -> Option<InterestKind> {
        let typed = typed.trim().to_lowercase().replace('-', " ");
        let typed = typed.strip_prefix("disclosable ").unwrap_or(&typed);
        begun(Self::ALL, Self::word, &typed.replace("non ", "non-"))
    }
}

typed_words!(VoteResult, word { Carried => "carried", Lost => "lost" });

typed_words!(Cast, word { For => "for", Against => "against", Abstain => "abstain" });

impl VoteResult {
    pub fn parse(typed: &str) -> Option<VoteResult> {
        begun(Self::ALL, Self::word, typed)
    }
}

impl Cast {
    /// "for", "against", "abstain" (or "abstained", or the first letters).
    pub fn parse(typed: &str) -> Option<Cast> {
        let typed = typed.trim().to_lowercase();
        begun(Self::ALL, Self::word, typed.trim_end_matches("ed"))
    }
}

/// "INTEREST: Cllr Ann Lee, an other registrable interest (a foster carer); left the room."
pub fn declaration_line(d: &Declaration) -> String {
    let stayed = if d.left_room {
        "left the room for the item"
    } else {
        "stayed in the room"
    };
    format!(
        "INTEREST: {}, {} ({}); {stayed}.",
        d.member,
        d.kind.words(),
        d.nature
    )
}

/// "Interests declared in this item: Cllr A (a disclosable pecuniary interest; leaves the
/// room), …": what the chair is reminded of as the item starts; `None` when none were.
pub fn declarations_reminder(declared: &[&Declaration]) -> Option<String> {
    let each: Vec<String> = declared
        .iter()
        .map(|d| {
            let room = if d.left_room {
                "leaves the room"
            } else {
                "stays"
            };
            format!("{} ({}; {room})", d.member, d.kind.words())
        })
        .collect();
    (!each.is_empty()).then(|| format!("Interests declared in this item: {}.", each.join(", ")))
}

/// "Moved by A, seconded by B. Carried: 3 for, 1 against, 0 abstaining. For: A, B, C; …":
/// a decision's procedure as the workspace lists it; `None` when it has none.
pub fn procedure_line(d: &Decision) -> Option<String> {
    let mut parts = Vec::new();
    match (d.moved_by.trim(), d.seconded_by.trim()) {
        ("", "") => {}
        (m, "") => parts.push(format!("Moved by {m}.")),
        ("", s) => parts.push(format!("Seconded by {s}.")),
        (m, s) => parts.push(format!("Moved by {m}, seconded by {s}.")),
    }
    if let Some(v) = &d.vote {
        let casting = if v.casting_vote {
            " on the chair's casting vote"
        } else {
            ""
        };
        parts.push(format!(
            "{}{casting}: {} for, {} against, {} abstaining.",
            capitalise(v.result.word()),
            v.in_favour,
            v.against,
            v.abstained
        ));
        let names = |cast: Cast| {
            let who: Vec<&str> = v
                .named
                .iter()
                .filter(|n| n.cast == cast)
                .map(|n| n.name.as_str())
                .collect();
            (!who.is_empty()).then(|| format!("{}: {}", capitalise(cast.word()), who.join(", ")))
        };
        let named: Vec<String> = Cast::ALL.iter().filter_map(|c| names(*c)).collect();
        if !named.is_empty() {
            parts.push(format!("Recorded vote: {}.", named.join("; ")));
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

impl ItemKind {
    /// As panes and documents show it: "for decision".
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Standing => "standing item",
            ItemKind::Report => "report",
            ItemKind::Presentation => "presentation",
            ItemKind::Decision => "for decision",
            ItemKind::Information => "for information",
            ItemKind::Procedural => "procedural",
        }
    }

    /// The first kind whose word begins with `typed` (any case): "dec" is a decision.
    pub fn parse(typed: &str) -> Option<ItemKind> {
        begun(Self::ALL, Self::word, typed)
    }
}

impl Role {
    /// The first role whose word begins with `typed` (any case): "young" is a young person,
    /// and so is "young-person", as the command line and the board's file spell it.
    pub fn parse(typed: &str) -> Option<Role> {
        begun(Self::ALL, Self::label, &typed.replace('-', " "))
    }
}

impl ActionStatus {
    /// The status whose word is `typed` exactly (any case): "d" could be done or dropped.
    pub fn parse(typed: &str) -> Option<ActionStatus> {
        exact(Self::ALL, Self::label, typed)
    }
}

impl Unit {
    /// By its word or a common other name for it ("number", "%", "percentage"), any case.
    pub fn parse(typed: &str) -> Option<Unit> {
        match typed.trim().to_lowercase().as_str() {
            "number" => Some(Unit::Count),
            "%" | "percentage" => Some(Unit::Percent),
            other => exact(Self::ALL, Self::word, other),
        }
    }
}

impl Better {
    pub fn parse(typed: &str) -> Option<Better> {
        exact(Self::ALL, Self::word, typed)
    }
}

/// The value whose word is `typed`, trimmed, in any case.
fn exact<T: Copy>(all: &[T], word: fn(T) -> &'static str, typed: &str) -> Option<T> {
    let typed = typed.trim().to_lowercase();
    all.iter().copied().find(|v| word(*v) == typed)
}

/// The value whose word is `typed`, or else the first whose word begins with it.
fn begun<T: Copy>(all: &[T], word: fn(T) -> &'static str, typed: &str) -> Option<T> {
    let typed = typed.trim().to_lowercase();
    exact(all, word, &typed).or_else(|| {
        all.iter()
            .copied()
            .find(|v| !typed.is_empty() && word(*v).starts_with(&typed))
    })
}

/// "a, b or c": the words a field accepts, as its hint and its refusal list them.
fn choices<T: Copy>(all: &[T], word: fn(T) -> &'static str) -> String {
    let words: Vec<&str> = all.iter().map(|v| word(*v)).collect();
    match words.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// "14:05": every clock time the program shows or writes.
pub fn time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// "2026-12-09": the date as the clerk types it, and as ids and records hold it.
pub fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// "Dec 2026", for the ends of a trend.
pub fn short_month(date: NaiveDate) -> String {
    date.format("%b %Y").to_string()
}

/// "December 2026", for a reporting period.
pub fn month_year(date: NaiveDate) -> String {
    date.format("%B %Y").to_string()
}

/// "Wednesday 9 December 2026", as minutes write dates.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "9 December 2026", as a sentence of the minutes names a meeting.
pub fn day_month_year(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "9 Dec 2026", for columns and dated notes.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// "Wednesday", as a board's usual day is written.
pub fn weekday_name(day: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match day {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

/// "Wed 9 Dec 2026", for headings and lists of meetings.
pub fn weekday_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// "overdue against 9 Dec 2026": the date overdue was judged on, as every view says it.
pub fn overdue_against(on: NaiveDate) -> String {
    format!("overdue against {}", short_date(on))
}

/// "ERRATUM recorded 13 Jan 2027, agreed at meeting 2027-01-13: For … read …".
pub fn erratum_line(date: NaiveDate, agreed_at: Option<&str>, text: &str) -> String {
    let agreed = agreed_at
        .map(|a| format!(", agreed at meeting {a}"))
        .unwrap_or_default();
    format!("ERRATUM recorded {}{agreed}: {text}", short_date(date))
}

/// "Approved as a correct record by Cllr Amara Okafor at meeting 2027-01-13 on 13 Jan 2027."
pub fn approval_line(by: &str, at: &str, on: NaiveDate) -> String {
    format!(
        "Approved as a correct record by {by} at meeting {at} on {}.",
        short_date(on)
    )
}

/// The first letter in capitals: "quorate (5 of 3 needed)" → "Quorate (5 of 3 needed)".
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interests_votes_and_casts_are_taken_as_clerks_and_scripts_write_them() {
        assert_eq!(
            InterestKind::parse("Disclosable pecuniary"),
            Some(InterestKind::DisclosablePecuniary)
        );
        assert_eq!(
            InterestKind::parse("other-registrable"),
            Some(InterestKind::OtherRegistrable)
        );
        assert_eq!(
            InterestKind::parse("non registrable"),
            Some(InterestKind::NonRegistrable)
        );
        assert_eq!(InterestKind::parse("financial"), None);
        assert_eq!(VoteResult::parse("Lost"), Some(VoteResult::Lost));
        assert_eq!(Cast::parse("abstained"), Some(Cast::Abstain));
        assert_eq!(Cast::parse("ag"), Some(Cast::Against));
        assert_eq!(
            without_decision_mark("RESOLVED – That it be noted."),
            "That it be noted."
        );
        assert_eq!(without_decision_mark("resolved: That"), "That");
        assert_eq!(
            without_decision_mark("That the Resolved list"),
            "That the Resolved list"
        );
        assert_eq!(without_decision_mark("Decisions taken"), "Decisions taken");
    }

    #[test]
    fn dates_read_as_minutes_write_them() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        assert_eq!(long_date(d), "Wednesday 9 December 2026");
        assert_eq!(day_month_year(d), "9 December 2026");
        assert_eq!(short_date(d), "9 Dec 2026");
        assert_eq!(weekday_date(d), "Wed 9 Dec 2026");
        assert_eq!(capitalise("élan"), "Élan");
        assert_eq!(capitalise(""), "");
        assert_eq!(time(NaiveTime::from_hms_opt(9, 5, 0).unwrap()), "09:05");
        assert_eq!(iso_date(d), "2026-12-09");
    }

    #[test]
    fn every_word_a_form_lists_reads_back_as_what_it_names() {
        for &k in ItemKind::ALL {
            assert_eq!(ItemKind::parse(&k.word().to_uppercase()), Some(k));
            assert!(ItemKind::choices().contains(k.word()));
        }
        for &r in Role::ALL {
            assert_eq!(Role::parse(r.label()), Some(r));
            assert!(Role::choices().contains(r.label()));
        }
        for &s in ActionStatus::ALL {
            assert_eq!(ActionStatus::parse(s.label()), Some(s));
        }
        for &u in Unit::ALL {
            assert_eq!(Unit::parse(u.word()), Some(u));
        }
        for &b in Better::ALL {
            assert_eq!(Better::parse(b.word()), Some(b));
        }
        assert_eq!(
            ItemKind::choices(),
            "report, presentation, decision, information, standing or procedural"
        );
        assert_eq!(ActionStatus::choices(), "open, done, dropped or withdrawn");
    }

    #[test]
    fn a_role_typed_in_a_form_as_the_command_line_and_the_files_spell_it_is_taken() {
        // `board --member "Jordan;young-person"` and the board file say it with a hyphen;
        // a clerk who learnt it there types it so in the roster form too.
        assert_eq!(Role::parse("young-person"), Some(Role::YoungPerson));
        assert_eq!(Role::parse("Young-Person"), Some(Role::YoungPerson));
    }

    #[test]
    fn kinds_and_roles_take_the_start_of_a_word_but_a_status_takes_only_the_whole() {
        assert_eq!(ItemKind::parse("dec"), Some(ItemKind::Decision));
        assert_eq!(Role::parse(" Young "), Some(Role::YoungPerson));
        assert_eq!(ItemKind::parse(""), None);
        // "d" could be done or dropped: on a legal record, never a guess.
        assert_eq!(ActionStatus::parse("d"), None);
        assert_eq!(Unit::parse("%"), Some(Unit::Percent));
        assert_eq!(Better::parse("up"), None);
    }

    #[test]
    fn an_update_says_the_status_it_set_and_who_and_an_edit_what_it_changed() {
        let mut u = ActionUpdate {
            date: NaiveDate::from_ymd_opt(2026, 12, 9).unwrap(),
            meeting: None,
            status: Some(ActionStatus::Withdrawn),
            note: "Withdrawn: raised by mistake".into(),
            by: "Leanne Ford".into(),
            changed: vec![],
        };
        assert_eq!(
            update_words(&u),
            " [withdrawn]: Withdrawn: raised by mistake (by Leanne Ford)"
        );
        u.by.clear();
        u.status = None;
        assert_eq!(update_words(&u), ": Withdrawn: raised by mistake");
        let c = FieldChange {
            field: "owner".into(),
            from: "Cllr Tom Ashworth".into(),
            to: "Head of Service".into(),
        };
        assert_eq!(
            change_words(&c),
            "owner \"Cllr Tom Ashworth\" → \"Head of Service\""
        );
    }
}
