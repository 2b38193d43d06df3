//! The one key table: dispatch and the help screen both read it, so help can never drift
//! from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::model::{ActionStatus, Presence};

/// Where a key applies. `Global` works everywhere, even while typing; `Browse`
/// works outside text entry (a form, or the Minutes editor, takes those keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Browse,
    Agenda,
    Standing,
    Minutes,
    Actions,
    Attendance,
    Archive,
    Form,
    Confirm,
    Help,
    Recovery,
    Conflict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tab {
    Agenda,
    Standing,
    Minutes,
    Actions,
    Attendance,
    Archive,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Agenda,
        Tab::Standing,
        Tab::Minutes,
        Tab::Actions,
        Tab::Attendance,
        Tab::Archive,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Agenda => "Agenda",
            Tab::Standing => "Standing items",
            Tab::Minutes => "Minutes",
            Tab::Actions => "Actions",
            Tab::Attendance => "Attendance",
            Tab::Archive => "Archive",
        }
    }

    pub fn scope(self) -> Scope {
        match self {
            Tab::Agenda => Scope::Agenda,
            Tab::Standing => Scope::Standing,
            Tab::Minutes => Scope::Minutes,
            Tab::Actions => Scope::Actions,
            Tab::Attendance => Scope::Attendance,
            Tab::Archive => Scope::Archive,
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// What a key asks for. Commands that come in families carry which one, so the code that
/// carries them out matches every case by name and no key can fall into a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Tab(Tab),
    NextTab,
    PrevTab,
    Help,
    Quit,
    /// Move the selection (or scroll) one row.
    Select(Step),
    Running(RunningOrder),
    Agenda(AgendaEdit),
    Capture(Capture),
    ToggleWholeMinutes,
    SetStatus(ActionStatus),
    ActionNote,
    Mark(Presence),
    AddPerson,
    RemovePerson,
    Submit,
    Cancel,
    NextField,
    PrevField,
    Yes,
    No,
    Recovery(RecoveryChoice),
    Conflict(ConflictChoice),
    Standing(StandingEdit),
    ApprovePrevious,
    Archive(ArchiveCommand),
    Back,
    Export,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
}

/// Taking the agenda in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunningOrder {
    Start,
    Next,
    Previous,
    MakeCurrent,
    Defer,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaEdit {
    Add,
    AddSub,
    Edit,
    Delete,
    Move(Step),
}

/// What the clerk records from the Minutes tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capture {
    Action,
    Decision,
    Resolution,
    Timestamp,
}

/// The answers to the offer of text found in the journal after a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    Recover,
    KeepCopy,
    Discard,
}

/// The answers when the meeting's file was changed by something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    KeepBoth,
    ReloadTheirs,
    SwitchToCopy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StandingEdit {
    Iha,
    Figures,
    AddChild,
    RemoveChild,
    AddFigure,
    RetireFigure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveCommand {
    Open,
    Search,
    ActionHistory,
    HistoryFilter,
    OwnerFilter,
    RecordErratum,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
const fn ch(c: char) -> Key {
    k(KeyCode::Char(c))
}
const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::ALT,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub command: Command,
    /// How the keys are written in help, e.g. "Alt+1".
    pub label: &'static str,
    pub help: &'static str,
}

const fn b(
    scope: Scope,
    keys: &'static [Key],
    command: Command,
    label: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        scope,
        keys,
        command,
        label,
        help,
    }
}

use Command as C;
use KeyCode as K;
use Scope as S;

pub const BINDINGS: &[Binding] = &[
    b(
        S::Global,
        &[alt('1')],
        C::Tab(Tab::Agenda),
        "Alt+1",
        "Agenda tab",
    ),
    b(
        S::Global,
        &[alt('2')],
        C::Tab(Tab::Standing),
        "Alt+2",
        "Standing items tab",
    ),
    b(
        S::Global,
        &[alt('3')],
        C::Tab(Tab::Minutes),
        "Alt+3",
        "Minutes tab",
    ),
    b(
        S::Global,
        &[alt('4')],
        C::Tab(Tab::Actions),
        "Alt+4",
        "Actions tab",
    ),
    b(
        S::Global,
        &[alt('5')],
        C::Tab(Tab::Attendance),
        "Alt+5",
        "Attendance tab",
    ),
    b(
        S::Global,
        &[alt('6')],
        C::Tab(Tab::Archive),
        "Alt+6",
        "Archive tab (also back from a meeting opened from it)",
    ),
    b(
        S::Global,
        &[k(K::F(1))],
        C::Help,
        "F1",
        "Help for this pane",
    ),
    // Esc then Ctrl-Q typed quickly arrives as Ctrl-Alt-Q: still a quit.
    b(
        S::Global,
        &[
            ctrl('q'),
            Key {
                code: KeyCode::Char('q'),
                mods: KeyModifiers::CONTROL.union(KeyModifiers::ALT),
            },
        ],
        C::Quit,
        "Ctrl-Q",
        "Save and quit",
    ),
    b(
        S::Global,
        &[alt('n')],
        C::Running(RunningOrder::Next),
        "Alt+N",
        "Next agenda item (stamps times)",
    ),
    b(
        S::Global,
        &[alt('p')],
        C::Running(RunningOrder::Previous),
        "Alt+P",
        "Previous agenda item",
    ),
    b(
        S::Browse,
        &[ch('1')],
        C::Tab(Tab::Agenda),
        "1",
        "Agenda tab",
    ),
    b(
        S::Browse,
        &[ch('2')],
        C::Tab(Tab::Standing),
        "2",
        "Standing items tab",
    ),
    b(
        S::Browse,
        &[ch('3')],
        C::Tab(Tab::Minutes),
        "3",
        "Minutes tab",
    ),
    b(
        S::Browse,
        &[ch('4')],
        C::Tab(Tab::Actions),
        "4",
        "Actions tab",
    ),
    b(
        S::Browse,
        &[ch('5')],
        C::Tab(Tab::Attendance),
        "5",
        "Attendance tab",
    ),
    b(
        S::Browse,
        &[ch('6')],
        C::Tab(Tab::Archive),
        "6",
        "Archive tab",
    ),
    b(
        S::Browse,
        &[k(K::Esc)],
        C::Back,
        "Esc",
        "Back: to your meeting from one opened from the archive, or to the archive list",
    ),
    b(
        S::Browse,
        &[ch('X')],
        C::Export,
        "X",
        "Export this meeting (Markdown, text, HTML, JSON, Open Civic Data; public or full)",
    ),
    b(S::Browse, &[k(K::Tab)], C::NextTab, "Tab", "Next tab"),
    b(
        S::Browse,
        &[k(K::BackTab), shift(K::BackTab)],
        C::PrevTab,
        "Shift-Tab",
        "Previous tab",
    ),
    b(S::Browse, &[ch('?')], C::Help, "?", "Help for this pane"),
    b(
        S::Agenda,
        &[k(K::Up), ch('k')],
        C::Select(Step::Up),
        "↑ k",
        "Select previous item",
    ),
    b(
        S::Agenda,
        &[k(K::Down), ch('j')],
        C::Select(Step::Down),
        "↓ j",
        "Select next item",
    ),
    b(
        S::Agenda,
        &[ch('s')],
        C::Running(RunningOrder::Start),
        "s",
        "Start the meeting",
    ),
    b(
        S::Agenda,
        &[ch('n')],
        C::Running(RunningOrder::Next),
        "n",
        "Next item: close this one, start the next",
    ),
    b(
        S::Agenda,
        &[ch('p')],
        C::Running(RunningOrder::Previous),
        "p",
        "Back to the previous item",
    ),
    b(
        S::Agenda,
        &[k(K::Enter)],
        C::Running(RunningOrder::MakeCurrent),
        "Enter",
        "Take the selected item now",
    ),
    b(
        S::Agenda,
        &[ch('a')],
        C::Agenda(AgendaEdit::Add),
        "a",
        "Add an item after the selected one",
    ),
    b(
        S::Agenda,
        &[ch('A')],
        C::Agenda(AgendaEdit::AddSub),
        "A",
        "Add a sub-item to the selected item",
    ),
    b(
        S::Agenda,
        &[ch('e')],
        C::Agenda(AgendaEdit::Edit),
        "e",
        "Edit the selected item",
    ),
    b(
        S::Agenda,
        &[ch('d'), k(K::Delete)],
        C::Agenda(AgendaEdit::Delete),
        "d Del",
        "Delete the selected item (asks first)",
    ),
    b(
        S::Agenda,
        &[ch('K'), shift(K::Up)],
        C::Agenda(AgendaEdit::Move(Step::Up)),
        "K Shift-↑",
        "Move the selected item up",
    ),
    b(
        S::Agenda,
        &[ch('J'), shift(K::Down)],
        C::Agenda(AgendaEdit::Move(Step::Down)),
        "J Shift-↓",
        "Move the selected item down",
    ),
    b(
        S::Agenda,
        &[ch('f')],
        C::Running(RunningOrder::Defer),
        "f",
        "Defer the selected item to the next meeting",
    ),
    b(
        S::Agenda,
        &[ch('E')],
        C::Running(RunningOrder::End),
        "E",
        "End the meeting (minutes become a draft)",
    ),
    b(
        S::Agenda,
        &[ch('v')],
        C::ApprovePrevious,
        "v",
        "Approve the previous meeting's minutes as a correct record (seals them)",
    ),
    b(
        S::Minutes,
        &[alt('a'), k(K::F(2))],
        C::Capture(Capture::Action),
        "Alt+A F2",
        "Capture an action (text, owner, due)",
    ),
    b(
        S::Minutes,
        &[alt('d'), k(K::F(4))],
        C::Capture(Capture::Decision),
        "Alt+D F4",
        "Record a decision",
    ),
    b(
        S::Minutes,
        &[alt('r'), k(K::F(7))],
        C::Capture(Capture::Resolution),
        "Alt+R F7",
        "Record a resolution",
    ),
    b(
        S::Minutes,
        &[alt('t'), k(K::F(5))],
        C::Capture(Capture::Timestamp),
        "Alt+T F5",
        "Insert the time",
    ),
    b(
        S::Minutes,
        &[alt('w'), k(K::F(6))],
        C::ToggleWholeMinutes,
        "Alt+W F6",
        "Show the whole meeting's minutes (read-only)",
    ),
    b(
        S::Standing,
        &[ch('e'), k(K::Enter)],
        C::Standing(StandingEdit::Iha),
        "e Enter",
        "Enter this meeting's IHA figures and commentary",
    ),
    b(
        S::Standing,
        &[ch('f')],
        C::Standing(StandingEdit::Figures),
        "f",
        "Enter this meeting's other standing figures",
    ),
    b(
        S::Standing,
        &[ch('c')],
        C::Standing(StandingEdit::AddChild),
        "c",
        "Add a child's IHA row (anonymised reference, never a name)",
    ),
    b(
        S::Standing,
        &[ch('x')],
        C::Standing(StandingEdit::RemoveChild),
        "x",
        "Remove a child's IHA row",
    ),
    b(
        S::Standing,
        &[ch('a')],
        C::Standing(StandingEdit::AddFigure),
        "a",
        "Add a standing figure the board will follow",
    ),
    b(
        S::Standing,
        &[ch('r')],
        C::Standing(StandingEdit::RetireFigure),
        "r",
        "Retire a standing figure (earlier meetings keep it)",
    ),
    b(
        S::Standing,
        &[k(K::Up), ch('k')],
        C::Select(Step::Up),
        "↑ k",
        "Scroll up",
    ),
    b(
        S::Standing,
        &[k(K::Down), ch('j')],
        C::Select(Step::Down),
        "↓ j",
        "Scroll down",
    ),
    b(
        S::Actions,
        &[k(K::Up), ch('k')],
        C::Select(Step::Up),
        "↑ k",
        "Select previous action",
    ),
    b(
        S::Actions,
        &[k(K::Down), ch('j')],
        C::Select(Step::Down),
        "↓ j",
        "Select next action",
    ),
    b(
        S::Actions,
        &[ch('d')],
        C::SetStatus(ActionStatus::Done),
        "d",
        "Mark done",
    ),
    b(
        S::Actions,
        &[ch('x')],
        C::SetStatus(ActionStatus::Dropped),
        "x",
        "Mark dropped",
    ),
    b(
        S::Actions,
        &[ch('o')],
        C::SetStatus(ActionStatus::Open),
        "o",
        "Reopen",
    ),
    b(
        S::Actions,
        &[ch('u'), k(K::Enter)],
        C::ActionNote,
        "u Enter",
        "Add a progress note",
    ),
    b(
        S::Attendance,
        &[k(K::Up), ch('k')],
        C::Select(Step::Up),
        "↑ k",
        "Select previous person",
    ),
    b(
        S::Attendance,
        &[k(K::Down), ch('j')],
        C::Select(Step::Down),
        "↓ j",
        "Select next person",
    ),
    b(
        S::Attendance,
        &[ch('p')],
        C::Mark(Presence::Present),
        "p",
        "Present (notes the arrival time)",
    ),
    b(
        S::Attendance,
        &[ch('a')],
        C::Mark(Presence::Apologies),
        "a",
        "Apologies",
    ),
    b(
        S::Attendance,
        &[ch('x')],
        C::Mark(Presence::Absent),
        "x",
        "Absent",
    ),
    b(S::Attendance, &[ch('n')], C::AddPerson, "n", "Add a person"),
    b(
        S::Attendance,
        &[ch('d'), k(K::Delete)],
        C::RemovePerson,
        "d Del",
        "Remove the selected person (asks first)",
    ),
    b(
        S::Archive,
        &[k(K::Up), ch('k')],
        C::Select(Step::Up),
        "↑ k",
        "Select previous row",
    ),
    b(
        S::Archive,
        &[k(K::Down), ch('j')],
        C::Select(Step::Down),
        "↓ j",
        "Select next row",
    ),
    b(
        S::Archive,
        &[k(K::Enter)],
        C::Archive(ArchiveCommand::Open),
        "Enter",
        "Open the meeting (at the item found) to read; Esc comes back",
    ),
    b(
        S::Archive,
        &[ch('/')],
        C::Archive(ArchiveCommand::Search),
        "/",
        "Search every meeting: titles, minutes, decisions, actions",
    ),
    b(
        S::Archive,
        &[ch('a')],
        C::Archive(ArchiveCommand::ActionHistory),
        "a",
        "Every action in the archive, with its updates",
    ),
    b(
        S::Archive,
        &[ch('o')],
        C::Archive(ArchiveCommand::HistoryFilter),
        "o",
        "Actions: show all, open only, or overdue only",
    ),
    b(
        S::Archive,
        &[ch('w')],
        C::Archive(ArchiveCommand::OwnerFilter),
        "w",
        "Actions: only those owned by someone",
    ),
    b(
        S::Archive,
        &[ch('e')],
        C::Archive(ArchiveCommand::RecordErratum),
        "e",
        "Record a dated correction (erratum) to approved minutes",
    ),
    b(
        S::Archive,
        &[ch('x')],
        C::Export,
        "x",
        "Export the selected meeting",
    ),
    b(
        S::Archive,
        &[k(K::Backspace)],
        C::Back,
        "Esc Backspace",
        "Back from search results or actions to the list of meetings",
    ),
    b(S::Form, &[k(K::Enter)], C::Submit, "Enter", "Save the form"),
    b(S::Form, &[k(K::Esc)], C::Cancel, "Esc", "Cancel"),
    b(
        S::Form,
        &[k(K::Tab), k(K::Down)],
        C::NextField,
        "Tab ↓",
        "Next field",
    ),
    b(
        S::Form,
        &[k(K::BackTab), shift(K::BackTab), k(K::Up)],
        C::PrevField,
        "Shift-Tab ↑",
        "Previous field",
    ),
    b(S::Confirm, &[ch('y'), ch('Y')], C::Yes, "y", "Yes"),
    b(
        S::Confirm,
        &[ch('n'), ch('N'), k(K::Esc)],
        C::No,
        "n Esc",
        "No",
    ),
    b(
        S::Help,
        &[k(K::Esc), ch('q'), ch('?'), k(K::F(1))],
        C::Cancel,
        "Esc q ? F1",
        "Close help",
    ),
    b(
        S::Help,
        &[k(K::Up), ch('k')],
        C::Select(Step::Up),
        "↑ k",
        "Scroll up",
    ),
    b(
        S::Help,
        &[k(K::Down), ch('j')],
        C::Select(Step::Down),
        "↓ j",
        "Scroll down",
    ),
    b(
        S::Recovery,
        &[ch('r')],
        C::Recovery(RecoveryChoice::Recover),
        "r",
        "Recover the unsaved text into the meeting",
    ),
    b(
        S::Recovery,
        &[ch('k')],
        C::Recovery(RecoveryChoice::KeepCopy),
        "k",
        "Keep it as a separate copy of the meeting",
    ),
    b(
        S::Recovery,
        &[ch('d')],
        C::Recovery(RecoveryChoice::Discard),
        "d",
        "Discard it (the journal is kept aside, not deleted)",
    ),
    b(
        S::Conflict,
        &[ch('k')],
        C::Conflict(ConflictChoice::KeepBoth),
        "k",
        "Keep both: save your version as a separate meeting, show theirs here",
    ),
    b(
        S::Conflict,
        &[ch('r')],
        C::Conflict(ConflictChoice::ReloadTheirs),
        "r",
        "Reload theirs and replay your unsaved typing on top (if it fits)",
    ),
    b(
        S::Conflict,
        &[ch('c')],
        C::Conflict(ConflictChoice::SwitchToCopy),
        "c",
        "Save your version as a copy and carry on working in the copy",
    ),
];

impl Key {
    fn matches(&self, ev: &KeyEvent) -> bool {
        if self.code != ev.code {
            return false;
        }
        // A typed capital already says Shift; terminals differ on reporting it.
        let mut mods = ev.modifiers;
        if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        let mut want = self.mods;
        if matches!(self.code, KeyCode::Char(_) | KeyCode::BackTab) {
            want.remove(KeyModifiers::SHIFT);
        }
        mods == want
    }
}

pub fn lookup(scope: Scope, ev: &KeyEvent) -> Option<Command> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    BINDINGS
        .iter()
        .filter(|b| b.scope == scope)
        .find(|b| b.keys.iter().any(|k| k.matches(ev) || alt_ctrl_case(k, ev)))
        .map(|b| b.command)
}

/// Alt+A and Ctrl-Q match whether the letter came up- or lower-case.
fn alt_ctrl_case(k: &Key, ev: &KeyEvent) -> bool {
    match (k.code, ev.code) {
        (KeyCode::Char(a), KeyCode::Char(b))
            if !k.mods.is_empty()
                && !a.is_ascii_uppercase()
                && a == b.to_ascii_lowercase()
                && a != b =>
        {
            let mut mods = ev.modifiers;
            mods.remove(KeyModifiers::SHIFT);
            mods == k.mods
        }
        _ => false,
    }
}

pub fn help(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.scope == scope)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn global_keys_match_with_or_without_shift_reported() {
        assert_eq!(
            lookup(Scope::Global, &ev(KeyCode::Char('3'), KeyModifiers::ALT)),
            Some(Command::Tab(Tab::Minutes))
        );
        assert_eq!(
            lookup(
                Scope::Global,
                &ev(KeyCode::Char('q'), KeyModifiers::CONTROL)
            ),
            Some(Command::Quit)
        );
        assert_eq!(
            lookup(
                Scope::Global,
                &ev(
                    KeyCode::Char('Q'),
                    KeyModifiers::CONTROL | KeyModifiers::SHIFT
                )
            ),
            Some(Command::Quit)
        );
        assert_eq!(
            lookup(Scope::Global, &ev(KeyCode::Char('q'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn capitals_are_their_own_keys() {
        assert_eq!(
            lookup(Scope::Agenda, &ev(KeyCode::Char('A'), KeyModifiers::SHIFT)),
            Some(Command::Agenda(AgendaEdit::AddSub))
        );
        assert_eq!(
            lookup(Scope::Agenda, &ev(KeyCode::Char('a'), KeyModifiers::NONE)),
            Some(Command::Agenda(AgendaEdit::Add))
        );
        assert_eq!(
            lookup(Scope::Agenda, &ev(KeyCode::Up, KeyModifiers::SHIFT)),
            Some(Command::Agenda(AgendaEdit::Move(Step::Up)))
        );
        assert_eq!(
            lookup(Scope::Agenda, &ev(KeyCode::Up, KeyModifiers::NONE)),
            Some(Command::Select(Step::Up))
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_scope_that_is_active_at_once() {
        // Global keys are live everywhere, Browse keys in every pane.
        for pane in [
            Scope::Agenda,
            Scope::Standing,
            Scope::Minutes,
            Scope::Actions,
            Scope::Attendance,
        ] {
            let live: Vec<&Binding> = BINDINGS
                .iter()
                .filter(|b| b.scope == pane || b.scope == Scope::Global || b.scope == Scope::Browse)
                .collect();
            for (i, a) in live.iter().enumerate() {
                for other in &live[i + 1..] {
                    for key in a.keys {
                        assert!(
                            !other.keys.contains(key),
                            "{:?} is bound to both {:?} and {:?} in {pane:?}",
                            key,
                            a.command,
                            other.command
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_binding_has_words_for_the_help_screen() {
        for b in BINDINGS {
            assert!(!b.label.is_empty() && !b.help.is_empty(), "{:?}", b.command);
        }
    }
}
