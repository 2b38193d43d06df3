//! The one key table: dispatch, the F1 help, the hint line, form footers and the key names in
//! messages all read it, so no key is named anywhere else and help cannot drift from the keys.

mod editor;
mod hints;
pub(crate) mod key;
mod table;
#[cfg(test)]
mod tests;

use std::fmt;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers};

use crate::model::{ActionStatus, Presence};

pub(crate) use editor::{command as editor_command, find_command};
pub use hints::{
    action_key, archive_list_keys, back_key, back_to_archive, form_footer, help_title, hint,
    iha_key, item_view_hint, name, open_key, quit_key, search_result_keys, whole_minutes_key,
};
pub use key::Key;
pub use table::BINDINGS;
pub(crate) use table::CHAIR_BINDINGS;
pub(crate) use table::EDITOR_BINDINGS;
pub(crate) use table::FIELD_BINDINGS;

/// Where a key applies. `Global` works everywhere, even while typing; `Browse`
/// works in the panes outside text entry; `live` says which scopes work together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Browse,
    Agenda,
    Standing,
    /// The Minutes tab's own keys, live over the editor and the whole minutes.
    Minutes,
    /// Typing the current item's minutes.
    Editor,
    /// The editor's find bar is open.
    Find,
    /// The whole meeting's minutes, read-only.
    WholeMinutes,
    Actions,
    Attendance,
    Archive,
    /// The board and its roster, open over the pane.
    Roster,
    Form,
    /// Editing the text of a form's focused field.
    Field,
    Confirm,
    /// Starting with attendance not taken or not quorate.
    StartCheck,
    /// Starting a meeting not held today: live, or written up afterwards.
    Minuting,
    Help,
    Recovery,
    Conflict,
    /// The chair's own screen (`minutebook chair`): read-only, nothing of the workspace.
    Chair,
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
    WholeMinutes(WholeView),
    SetStatus(ActionStatus),
    ActionNote,
    EditAction,
    WithdrawAction,
    Mark(Presence),
    AttendanceTimes,
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
    /// The board and its roster.
    Board,
    Roster(RosterCommand),
    /// A new meeting of a board, to carry on in.
    NewMeeting,
    /// An answer to a question asked on starting the meeting.
    Start(StartAnswer),
    /// The Minutes pane to the section the item is in (Up), or back (Down).
    SectionMinutes(Step),
    /// Let the chair's screen step the agenda, or stop letting it.
    ChairMayStep,
    /// The Agenda's item view: the selected item's brief.
    ItemView(ItemView),
}

/// The Agenda's item view: open or close it, or scroll the brief a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemView {
    Toggle,
    Page(Step),
}

/// In the board and roster view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterCommand {
    Add,
    Edit,
    Remove,
    BoardRecord,
    Close,
}

/// The answers to the questions asked before a meeting starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartAnswer {
    Anyway,
    ToAttendance,
    Live,
    WriteUp,
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
    /// The meeting's own details: title, date, start, venue, board, quorum.
    Meeting,
    /// The selected item's actual start and end, set by hand.
    ItemTimes,
    /// The meeting's actual start and end, set by hand.
    MeetingTimes,
}

/// What the clerk records from the Minutes tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capture {
    Action,
    Decision,
    Resolution,
    Timestamp,
    /// The item's last decision changed: its text, mover, seconder, vote.
    EditDecision,
    /// A recorded vote, by name, on the item's last decision.
    NamedVote,
    Declaration,
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

/// Reading the whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WholeView {
    Scroll(Step),
    Page(Step),
    Top,
    Close,
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
    /// The decisions register: every decision in the archive.
    Decisions,
    HistoryFilter,
    OwnerFilter,
    RecordErratum,
    /// Move the selected meeting into the trash (asks first).
    Delete,
}

/// The chair's screen's keys: it reads and asks, never changes the meeting itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChairCommand {
    /// Select another item (and stop following the clerk's current one).
    Select(Step),
    /// Follow the clerk's current item again.
    Follow,
    /// Scroll the brief a screen.
    Page(Step),
    /// Ask the clerk's workspace to step the agenda (it may refuse).
    AskNext,
    AskPrevious,
    Help,
    Quit,
}

/// Editing the text of one form field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldEdit {
    Left,
    Right,
    Home,
    End,
    Backspace,
    Delete,
    Clear,
}

/// One line of the table: these keys, in this scope, do this.
pub struct Binding<C: 'static> {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub command: C,
    pub help: &'static str,
    /// Shares the help row of the binding before it ("PgUp/PgDn").
    pub joined: bool,
}

/// A rule a dispatcher applies to keys the table does not list one by one.
pub struct Rule {
    pub scope: Scope,
    pub keys: RuleKeys,
    pub help: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKeys {
    Characters,
    ShiftMotion,
    /// Shift held on an editing key that is not a motion (Shift-Enter, Shift-Del).
    ShiftOther,
    OtherKeys,
}

impl fmt::Display for RuleKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleKeys::Characters => f.write_str("Characters"),
            RuleKeys::ShiftMotion => write!(f, "{}move", key::prefix(KeyModifiers::SHIFT)),
            RuleKeys::ShiftOther => write!(f, "{}other key", key::prefix(KeyModifiers::SHIFT)),
            RuleKeys::OtherKeys => f.write_str("Other keys"),
        }
    }
}

/// What the dispatchers do with keys no binding names, for help.
pub const RULES: &[Rule] = &[
    Rule {
        scope: Scope::Editor,
        keys: RuleKeys::Characters,
        help: "Type into the minutes (AltGr characters too)",
    },
    Rule {
        scope: Scope::Editor,
        keys: RuleKeys::ShiftMotion,
        help: "Select while moving",
    },
    Rule {
        scope: Scope::Editor,
        keys: RuleKeys::ShiftOther,
        help: "Does what the key does without Shift (Shift-Enter is a new paragraph)",
    },
    Rule {
        scope: Scope::Find,
        keys: RuleKeys::Characters,
        help: "Type into the search",
    },
    Rule {
        scope: Scope::Find,
        keys: RuleKeys::OtherKeys,
        help: "Another editing key closes find and does its usual job",
    },
    Rule {
        scope: Scope::WholeMinutes,
        keys: RuleKeys::OtherKeys,
        help: "Do nothing: the whole minutes are read-only here",
    },
    Rule {
        scope: Scope::Form,
        keys: RuleKeys::Characters,
        help: "Type into the focused field",
    },
];

/// One row of help: the keys as written, and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub help: &'static str,
}

/// The scopes whose keys work together when `focus` has the keyboard, in the order they
/// are tried. No key may be bound twice among them (the conflict test checks every focus).
/// The editor's scopes come last: the editor takes whatever the others leave.
pub fn live(focus: Scope) -> &'static [Scope] {
    use Scope::*;
    match focus {
        Global => &[Global],
        Browse => &[Global, Browse],
        Agenda => &[Global, Browse, Agenda],
        Standing => &[Global, Browse, Standing],
        Actions => &[Global, Browse, Actions],
        Attendance => &[Global, Browse, Attendance],
        Archive => &[Global, Browse, Archive],
        Roster => &[Global, Roster],
        Minutes => &[Global, Minutes],
        Editor => &[Global, Minutes, Editor],
        // While finding, the find bar has first call, before even the Minutes keys.
        Find => &[Global, Find],
        WholeMinutes => &[Global, Minutes, WholeMinutes],
        // A field takes the editing keys the form leaves.
        Form | Field => &[Global, Form, Field],
        Confirm => &[Global, Confirm],
        StartCheck => &[Global, StartCheck],
        Minuting => &[Global, Minuting],
        Help => &[Global, Help],
        Recovery => &[Recovery],
        // Only Global's quit is honoured beside the answers; checked against all of Global.
        Conflict => &[Global, Conflict],
        // Its own table only: none of the workspace's keys mean anything there.
        Chair => &[Chair],
    }
}

impl Scope {
    pub const ALL: [Scope; 21] = [
        Scope::Global,
        Scope::Browse,
        Scope::Agenda,
        Scope::Standing,
        Scope::Minutes,
        Scope::Editor,
        Scope::Find,
        Scope::WholeMinutes,
        Scope::Actions,
        Scope::Attendance,
        Scope::Archive,
        Scope::Roster,
        Scope::Form,
        Scope::Field,
        Scope::Confirm,
        Scope::StartCheck,
        Scope::Minuting,
        Scope::Help,
        Scope::Recovery,
        Scope::Conflict,
        Scope::Chair,
    ];

    /// Scopes whose keys go to the minutes editor rather than to `App::command`.
    pub fn is_editor(self) -> bool {
        matches!(self, Scope::Editor | Scope::Find)
    }
}

/// The command a key gives in an app scope (the editor's scopes answer through the editor).
pub fn lookup(scope: Scope, ev: &KeyEvent) -> Option<Command> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    matched(scope, ev).map(|(b, _)| b.command)
}

/// The binding a key event hits in an app scope, and which of its keys.
pub fn matched(scope: Scope, ev: &KeyEvent) -> Option<(&'static Binding<Command>, &'static Key)> {
    matched_in(BINDINGS, scope, ev)
}

/// The edit a key makes to a form's focused field, if the table names one.
pub fn field_command(ev: &KeyEvent) -> Option<FieldEdit> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    matched_in(FIELD_BINDINGS, Scope::Field, ev).map(|(b, _)| b.command)
}

fn matched_in<C>(
    table: &'static [Binding<C>],
    scope: Scope,
    ev: &KeyEvent,
) -> Option<(&'static Binding<C>, &'static Key)> {
    table
        .iter()
        .filter(|b| b.scope == scope)
        .find_map(|b| b.keys.iter().find(|k| k.matches(ev)).map(|k| (b, k)))
}

/// What a key asks of the chair's screen, if its table names it.
pub fn chair_command(ev: &KeyEvent) -> Option<ChairCommand> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    matched_in(CHAIR_BINDINGS, Scope::Chair, ev).map(|(b, _)| b.command)
}

/// The first key of a chair command, for its hint line and messages ("↑", "f").
pub fn chair_keys(cmd: ChairCommand) -> String {
    CHAIR_BINDINGS
        .iter()
        .find(|b| b.command == cmd)
        .and_then(|b| b.keys.iter().find(|k| !k.quiet))
        .map(Key::to_string)
        .unwrap_or_else(|| panic!("{cmd:?} has no key: add it to the chair's key table"))
}

/// Every key of a scope as help shows it, bindings first, then the rules.
pub fn help(scope: Scope) -> Vec<Row> {
    let mut rows = match scope {
        Scope::Editor | Scope::Find => rows(EDITOR_BINDINGS, scope),
        Scope::Field => rows(FIELD_BINDINGS, scope),
        Scope::Chair => rows(CHAIR_BINDINGS, scope),
        Scope::Global
        | Scope::Browse
        | Scope::Agenda
        | Scope::Standing
        | Scope::Minutes
        | Scope::WholeMinutes
        | Scope::Actions
        | Scope::Attendance
        | Scope::Archive
        | Scope::Roster
        | Scope::Form
        | Scope::Confirm
        | Scope::StartCheck
        | Scope::Minuting
        | Scope::Help
        | Scope::Recovery
        | Scope::Conflict => rows(BINDINGS, scope),
    };
    rows.extend(RULES.iter().filter(|r| r.scope == scope).map(|r| Row {
        label: r.keys.to_string(),
        help: r.help,
    }));
    rows
}

fn rows<C>(table: &[Binding<C>], scope: Scope) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for b in table.iter().filter(|b| b.scope == scope) {
        let label = key::label(b.keys);
        if b.joined
            && let Some(last) = rows.last_mut()
        {
            last.label = key::joined(&last.label, "/", &label);
        } else {
            rows.push(Row {
                label,
                help: b.help,
            });
        }
    }
    rows
}
