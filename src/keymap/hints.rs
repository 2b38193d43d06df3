//! Key names outside the help screen (the hint line, form footers, the help title, messages),
//! all read from the table so a key renamed there is renamed everywhere.

use super::key::{self, Key};
use super::{
    ArchiveCommand as AC, BINDINGS, Capture, Command as C, ItemView, RunningOrder as RO,
    Scope as S, StandingEdit, Step, Tab,
};

/// The keys bound to `cmd` in `scope`, as the table lists them.
fn keys(scope: S, cmd: C) -> &'static [Key] {
    BINDINGS
        .iter()
        .find(|b| b.scope == scope && b.command == cmd)
        .map(|b| b.keys)
        .unwrap_or_else(|| panic!("{cmd:?} has no key in {scope:?}: add it to the key table"))
}

/// The first key for `cmd` in `scope`, for a message ("Press Ctrl-Q again…").
pub fn name(scope: S, cmd: C) -> String {
    keys(scope, cmd)
        .iter()
        .find(|k| !k.quiet)
        .map(Key::to_string)
        .unwrap_or_default()
}

/// The first keys of two commands written as a range or a pair: "Alt+1..6", "n/p".
fn two(scope: S, a: C, sep: &str, b: C) -> String {
    key::joined(&name(scope, a), sep, &name(scope, b))
}

/// How to come back from a meeting opened from the archive: "Esc or Alt+6".
pub fn back_to_archive() -> String {
    format!(
        "{} or {}",
        back_key(),
        name(S::Global, C::Tab(Tab::Archive))
    )
}

/// The reminder of the most useful keys at the bottom of the screen.
pub fn hint(reading: bool, tab: Tab) -> String {
    let help = name(S::Global, C::Help);
    if reading {
        let panes = two(
            S::Browse,
            C::Tab(Tab::Agenda),
            "..",
            C::Tab(Tab::Attendance),
        );
        return format!(
            "Reading: {} back to the archive · {panes} panes · {help} help",
            back_to_archive()
        );
    }
    match tab {
        Tab::Minutes => format!(
            "{} action · {} decision · {} next item · {help} help · {} quit",
            name(S::Minutes, C::Capture(Capture::Action)),
            name(S::Minutes, C::Capture(Capture::Decision)),
            name(S::Global, C::Running(RO::Next)),
            name(S::Global, C::Quit)
        ),
        Tab::Archive => format!(
            "{} read · {} search · {} actions · {} erratum · {} export · {help} help",
            name(S::Archive, C::Archive(AC::Open)),
            name(S::Archive, C::Archive(AC::Search)),
            name(S::Archive, C::Archive(AC::ActionHistory)),
            name(S::Archive, C::Archive(AC::RecordErratum)),
            name(S::Archive, C::Export)
        ),
        Tab::Agenda | Tab::Standing | Tab::Actions | Tab::Attendance => format!(
            "{} or {} tabs · {} items · {help} or {} help · {} save and quit",
            two(S::Global, C::Tab(Tab::Agenda), "..", C::Tab(Tab::Archive)),
            two(S::Browse, C::Tab(Tab::Agenda), "..", C::Tab(Tab::Archive)),
            two(
                S::Agenda,
                C::Running(RO::Next),
                "/",
                C::Running(RO::Previous)
            ),
            name(S::Browse, C::Help),
            name(S::Global, C::Quit)
        ),
    }
}

/// The hint line while the Agenda shows the item view: "i or Esc list · j/k items ·
/// PgUp/PgDn scroll · n/p next/previous · F1 help".
pub fn item_view_hint() -> String {
    format!(
        "{} or {} list · {} items · {} scroll · {} take next/previous · {} help",
        name(S::Agenda, C::ItemView(ItemView::Toggle)),
        back_key(),
        two(S::Agenda, C::Select(Step::Up), "/", C::Select(Step::Down)),
        two(
            S::Agenda,
            C::ItemView(ItemView::Page(Step::Up)),
            "/",
            C::ItemView(ItemView::Page(Step::Down))
        ),
        two(
            S::Agenda,
            C::Running(RO::Next),
            "/",
            C::Running(RO::Previous)
        ),
        name(S::Global, C::Help),
    )
}

/// The last line of every form.
pub fn form_footer() -> String {
    [
        (C::Submit, "save"),
        (C::Cancel, "cancel"),
        (C::NextField, "next field"),
        (C::PrevField, "previous"),
    ]
    .map(|(cmd, what)| format!("{} {what}", key::label_with(keys(S::Form, cmd), "/")))
    .join(" · ")
}

/// The help screen's title, with how to scroll and close it.
pub fn help_title() -> String {
    format!(
        " Help: keys ({} scroll, {} close) ",
        two(S::Help, C::Select(Step::Up), "/", C::Select(Step::Down)),
        name(S::Help, C::Cancel)
    )
}

/// Ctrl-Q, for messages.
pub fn quit_key() -> String {
    name(S::Global, C::Quit)
}

/// Alt+W: to the whole minutes and back.
pub fn whole_minutes_key() -> String {
    name(S::Minutes, C::ToggleWholeMinutes)
}

/// Alt+A: capture an action.
pub fn action_key() -> String {
    name(S::Minutes, C::Capture(Capture::Action))
}

/// e: enter this meeting's IHA figures, from the Standing items tab.
pub fn iha_key() -> String {
    name(S::Standing, C::Standing(StandingEdit::Iha))
}

/// Enter: open what is selected in the archive.
pub fn open_key() -> String {
    name(S::Archive, C::Archive(AC::Open))
}

/// Esc: back (to the archive list, or from a meeting opened from it).
pub fn back_key() -> String {
    name(S::Browse, C::Back)
}

/// The archive list's keys, for its summary line.
pub fn archive_list_keys() -> String {
    format!(
        "{} read · {} search · {} actions · {} export",
        open_key(),
        name(S::Archive, C::Archive(AC::Search)),
        name(S::Archive, C::Archive(AC::ActionHistory)),
        name(S::Archive, C::Export)
    )
}

/// The search results' keys, for their summary line.
pub fn search_result_keys() -> String {
    format!(
        "{} opens at the item · {} search again · {} back",
        open_key(),
        name(S::Archive, C::Archive(AC::Search)),
        back_key()
    )
}
