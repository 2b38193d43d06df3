//! Every binding, one line each: `Scope "what it does": keys => command;`. Two commands on one
//! line share a help row ("PgUp/PgDn  Move one screen up/down").

use ratatui::crossterm::event::{KeyCode as K, KeyModifiers};

use super::key::*;
use super::{
    AgendaEdit as AE, ArchiveCommand as AC, Binding, Capture, ChairCommand as CC, Command as C,
    ConflictChoice, FieldEdit as FE, ItemView as IV, RecoveryChoice, RosterCommand as RC,
    RunningOrder as RO, Scope, StandingEdit as SE, StartAnswer as SA, Step, Tab, WholeView as WV,
};
use crate::editor::{EditCommand as E, Motion as M};
use crate::model::{ActionStatus, Presence};

macro_rules! keymap {
    ($($scope:ident $help:literal: $($k:expr),+ => $c:expr $(, $($k2:expr),+ => $c2:expr)*;)*) => {
        &[$(
            Binding { scope: Scope::$scope, keys: &[$($k),+], command: $c, help: $help, joined: false },
            $(Binding { scope: Scope::$scope, keys: &[$($k2),+], command: $c2, help: $help, joined: true },)*
        )*]
    };
}

const CTRL_ALT: KeyModifiers = KeyModifiers::CONTROL.union(KeyModifiers::ALT);
const CTRL_SHIFT: KeyModifiers = KeyModifiers::CONTROL.union(KeyModifiers::SHIFT);

/// A motion as the table binds it; Shift makes it select (see `editor.rs`).
const fn mv(m: M) -> E {
    E::Move {
        motion: m,
        select: false,
    }
}

#[rustfmt::skip]
pub const BINDINGS: &[Binding<C>] = keymap! {
    Global "Agenda tab": alt('1') => C::Tab(Tab::Agenda);
    Global "Standing items tab": alt('2') => C::Tab(Tab::Standing);
    Global "Minutes tab": alt('3') => C::Tab(Tab::Minutes);
    Global "Actions tab": alt('4') => C::Tab(Tab::Actions);
    Global "Attendance tab": alt('5') => C::Tab(Tab::Attendance);
    Global "Archive tab (also back from a meeting opened from it)": alt('6') => C::Tab(Tab::Archive);
    Global "Help for this pane": f(1) => C::Help;
    // Esc then Ctrl-Q typed quickly arrives as Ctrl-Alt-Q: still a quit.
    Global "Save and quit": ctrl('q'), with(ch('q'), CTRL_ALT).quiet() => C::Quit;
    Global "Next agenda item (stamps times)": alt('n') => C::Running(RO::Next);
    Global "Previous agenda item": alt('p') => C::Running(RO::Previous);

    Browse "Agenda tab": ch('1') => C::Tab(Tab::Agenda);
    Browse "Standing items tab": ch('2') => C::Tab(Tab::Standing);
    Browse "Minutes tab": ch('3') => C::Tab(Tab::Minutes);
    Browse "Actions tab": ch('4') => C::Tab(Tab::Actions);
    Browse "Attendance tab": ch('5') => C::Tab(Tab::Attendance);
    Browse "Archive tab": ch('6') => C::Tab(Tab::Archive);
    Browse "Back: to your meeting from one opened from the archive, or to the archive list": ESC => C::Back;
    Browse "Export this meeting (Markdown, text, HTML, JSON, Open Civic Data; public or full)": ch('X') => C::Export;
    Browse "Next tab": TAB => C::NextTab;
    Browse "Previous tab": BACKTAB => C::PrevTab;
    Browse "Help for this pane": ch('?') => C::Help;
    Browse "The board and its roster (where new meetings' attendance starts)": ch('B') => C::Board;

    Agenda "Select previous item": UP, ch('k') => C::Select(Step::Up);
    Agenda "Select next item": DOWN, ch('j') => C::Select(Step::Down);
    Agenda "Start the meeting": ch('s') => C::Running(RO::Start);
    Agenda "Next item: close this one, start the next": ch('n') => C::Running(RO::Next);
    Agenda "Back to the previous item": ch('p') => C::Running(RO::Previous);
    Agenda "Take the selected item now": ENTER => C::Running(RO::MakeCurrent);
    Agenda "Add an item after the selected one": ch('a') => C::Agenda(AE::Add);
    Agenda "Add a sub-item to the selected item": ch('A') => C::Agenda(AE::AddSub);
    Agenda "Edit the selected item": ch('e') => C::Agenda(AE::Edit);
    Agenda "Edit the meeting's details: title, date, start time, venue, board, quorum": ch('m') => C::Agenda(AE::Meeting);
    Agenda "Delete the selected item (asks first)": ch('d'), DEL => C::Agenda(AE::Delete);
    Agenda "Move the selected item up": ch('K'), shift(K::Up) => C::Agenda(AE::Move(Step::Up));
    Agenda "Move the selected item down": ch('J'), shift(K::Down) => C::Agenda(AE::Move(Step::Down));
    Agenda "Defer the selected item to the next meeting": ch('f') => C::Running(RO::Defer);
    Agenda "End the meeting (minutes become a draft)": ch('E') => C::Running(RO::End);
    Agenda "Approve the previous meeting's minutes as a correct record (seals them)": ch('v') => C::ApprovePrevious;
    Agenda "A new meeting of the board (its next usual date offered), and carry on in it": ch('N') => C::NewMeeting;
    Agenda "Set the selected item's actual start and end (written up, or corrected before approval)": ch('t') => C::Agenda(AE::ItemTimes);
    Agenda "Set when the meeting actually began and ended": ch('T') => C::Agenda(AE::MeetingTimes);
    // The item view: the selected item's brief in place of the list (j/k still select).
    Agenda "Item view: the selected item's time, figure, actions and last meeting; again or Esc for the list": ch('i') => C::ItemView(IV::Toggle);
    Agenda "Item view: scroll the brief a screen up/down": PGUP => C::ItemView(IV::Page(Step::Up)), PGDN => C::ItemView(IV::Page(Step::Down));
    // The chair's screen (`minutebook chair`) stepping the running order.
    Agenda "Let the chair step the agenda from their screen (on/off)": ch('C') => C::ChairMayStep;

    Minutes "Capture an action (text, owner, due)": alt('a'), f(2) => C::Capture(Capture::Action);
    Minutes "Record a decision": alt('d'), f(4) => C::Capture(Capture::Decision);
    Minutes "Record a resolution": alt('r'), f(7) => C::Capture(Capture::Resolution);
    Minutes "Change the item's last decision or resolution: text, mover, seconder, vote (blank the vote to remove it)": alt('e') => C::Capture(Capture::EditDecision);
    Minutes "Recorded (named) vote on the item's last decision: how each voting member present voted": alt('v') => C::Capture(Capture::NamedVote);
    Minutes "Declare an interest: member, item (this one unless you say), kind, what it is, left the room": alt('i'), f(8) => C::Capture(Capture::Declaration);
    Minutes "Insert the time": alt('t'), f(5) => C::Capture(Capture::Timestamp);
    Minutes "Show the whole meeting's minutes (read-only)": alt('w'), f(6) => C::ToggleWholeMinutes;
    Minutes "Minutes of the section this item is in (its introduction) / back to the item being taken": with(UP, KeyModifiers::ALT) => C::SectionMinutes(Step::Up), with(DOWN, KeyModifiers::ALT) => C::SectionMinutes(Step::Down);

    WholeMinutes "Scroll up/down": UP => C::WholeMinutes(WV::Scroll(Step::Up)), DOWN => C::WholeMinutes(WV::Scroll(Step::Down));
    WholeMinutes "Scroll a screen up/down": PGUP => C::WholeMinutes(WV::Page(Step::Up)), PGDN => C::WholeMinutes(WV::Page(Step::Down));
    WholeMinutes "Back to the top": HOME => C::WholeMinutes(WV::Top);
    WholeMinutes "Back to editing": ESC => C::WholeMinutes(WV::Close);

    Standing "Enter this meeting's IHA figures and commentary": ch('e'), ENTER => C::Standing(SE::Iha);
    Standing "Enter this meeting's other standing figures": ch('f') => C::Standing(SE::Figures);
    Standing "Add a child's IHA row (anonymised reference, never a name)": ch('c') => C::Standing(SE::AddChild);
    Standing "Remove a child's IHA row": ch('x') => C::Standing(SE::RemoveChild);
    Standing "Add a standing figure the board will follow": ch('a') => C::Standing(SE::AddFigure);
    Standing "Retire a standing figure (earlier meetings keep it)": ch('r') => C::Standing(SE::RetireFigure);
    Standing "Scroll up": UP, ch('k') => C::Select(Step::Up);
    Standing "Scroll down": DOWN, ch('j') => C::Select(Step::Down);

    Actions "Select previous action": UP, ch('k') => C::Select(Step::Up);
    Actions "Select next action": DOWN, ch('j') => C::Select(Step::Down);
    Actions "Mark done": ch('d') => C::SetStatus(ActionStatus::Done);
    Actions "Mark dropped": ch('x') => C::SetStatus(ActionStatus::Dropped);
    Actions "Reopen": ch('o') => C::SetStatus(ActionStatus::Open);
    Actions "Add a progress note": ch('u'), ENTER => C::ActionNote;
    Actions "Edit the action's text, owner or due date (kept in its history)": ch('e') => C::EditAction;
    Actions "Withdraw an action raised by mistake (asks; it stays in the history)": ch('w') => C::WithdrawAction;

    Attendance "Select previous person": UP, ch('k') => C::Select(Step::Up);
    Attendance "Select next person": DOWN, ch('j') => C::Select(Step::Down);
    Attendance "Present (notes the arrival time)": ch('p') => C::Mark(Presence::Present);
    Attendance "Apologies": ch('a') => C::Mark(Presence::Apologies);
    Attendance "Absent": ch('x') => C::Mark(Presence::Absent);
    Attendance "Set when the person arrived and left": ch('t') => C::AttendanceTimes;
    Attendance "Add a person": ch('n') => C::AddPerson;
    Attendance "Remove the selected person (asks first)": ch('d'), DEL => C::RemovePerson;

    Archive "Select previous row": UP, ch('k') => C::Select(Step::Up);
    Archive "Select next row": DOWN, ch('j') => C::Select(Step::Down);
    Archive "Open the meeting (at the item found) to read; Esc comes back": ENTER => C::Archive(AC::Open);
    Archive "Search every meeting: titles, minutes, decisions, actions": ch('/') => C::Archive(AC::Search);
    Archive "Every action in the archive, with its updates": ch('a') => C::Archive(AC::ActionHistory);
    Archive "Decisions only: every decision and resolution in the archive, with its minute and vote": ch('d') => C::Archive(AC::Decisions);
    Archive "Actions: show all, open only, or overdue only": ch('o') => C::Archive(AC::HistoryFilter);
    Archive "Actions: only those owned by someone": ch('w') => C::Archive(AC::OwnerFilter);
    Archive "Record a dated correction (erratum) to approved minutes": ch('e') => C::Archive(AC::RecordErratum);
    Archive "Export the selected meeting": ch('x') => C::Export;
    Archive "Delete the selected meeting: moved to the trash, restorable (asks first)": ch('D') => C::Archive(AC::Delete);
    Archive "Back from search results or actions to the list of meetings": BACKSPACE => C::Back;
    Archive "A new meeting of a board, and carry on in it": ch('N') => C::NewMeeting;

    Roster "Select previous member": UP, ch('k') => C::Select(Step::Up);
    Roster "Select next member": DOWN, ch('j') => C::Select(Step::Down);
    Roster "Add a member to the roster": ch('a') => C::Roster(RC::Add);
    Roster "Edit the selected member": ch('e'), ENTER => C::Roster(RC::Edit);
    Roster "Remove the selected member from the roster (asks first)": ch('d'), DEL => C::Roster(RC::Remove);
    Roster "The board's record: name, code, quorum, usual day, time, venue, template": ch('b') => C::Roster(RC::BoardRecord);
    Roster "Close": ESC => C::Roster(RC::Close);

    Form "Save the form": ENTER => C::Submit;
    Form "Cancel": ESC => C::Cancel;
    Form "Next field": TAB, DOWN => C::NextField;
    Form "Previous field": BACKTAB, UP => C::PrevField;

    Confirm "Yes": ch('y'), ch('Y') => C::Yes;
    Confirm "No": ch('n'), ch('N'), ESC => C::No;

    StartCheck "Start anyway": ch('s') => C::Start(SA::Anyway);
    StartCheck "Go to the Attendance tab first": ch('a') => C::Start(SA::ToAttendance);
    StartCheck "Cancel": ESC => C::Cancel;

    Minuting "Live: minuting it now, the clock stamps the times": ch('l') => C::Start(SA::Live);
    Minuting "Writing it up afterwards: nothing is stamped, you set the times": ch('w') => C::Start(SA::WriteUp);
    Minuting "Cancel": ESC => C::Cancel;

    // F1 closes help too: it is the Global key that opened it.
    Help "Close help": ESC, ch('q'), ch('?') => C::Cancel;
    Help "Scroll up": UP, ch('k') => C::Select(Step::Up);
    Help "Scroll down": DOWN, ch('j') => C::Select(Step::Down);

    Recovery "Recover the unsaved text into the meeting": ch('r') => C::Recovery(RecoveryChoice::Recover);
    Recovery "Keep it as a separate copy of the meeting": ch('k') => C::Recovery(RecoveryChoice::KeepCopy);
    Recovery "Discard it (the journal is kept aside, not deleted)": ch('d') => C::Recovery(RecoveryChoice::Discard);

    Conflict "Keep both: save your version as a separate meeting, show theirs here": ch('k') => C::Conflict(ConflictChoice::KeepBoth);
    Conflict "Reload theirs and replay your unsaved typing on top (if it fits)": ch('r') => C::Conflict(ConflictChoice::ReloadTheirs);
    Conflict "Save your version as a copy and carry on working in the copy": ch('c') => C::Conflict(ConflictChoice::SwitchToCopy);
};

/// The minutes editor's keys. Ctrl on ↑ ↓ PgUp PgDn Esc does what the plain key does.
#[rustfmt::skip]
pub(crate) const EDITOR_BINDINGS: &[Binding<E>] = keymap! {
    Editor "Move one character": LEFT => mv(M::Left), RIGHT => mv(M::Right);
    Editor "Move one screen row, keeping the column": UP, ctrl_key(K::Up).quiet() => mv(M::Up), DOWN, ctrl_key(K::Down).quiet() => mv(M::Down);
    Editor "Move one word": ctrl_key(K::Left) => mv(M::WordLeft), ctrl_key(K::Right) => mv(M::WordRight);
    Editor "Start/end of the row, again for the paragraph": HOME => mv(M::Home), END => mv(M::End);
    Editor "Move one screen up/down": PGUP, ctrl_key(K::PageUp).quiet() => mv(M::PageUp), PGDN, ctrl_key(K::PageDown).quiet() => mv(M::PageDown);
    Editor "Start/end of the minutes": ctrl_key(K::Home) => mv(M::DocStart), ctrl_key(K::End) => mv(M::DocEnd);
    Editor "Select all": ctrl('a') => E::SelectAll;
    Editor "Delete one character before/after the cursor": BACKSPACE => E::Backspace, DEL => E::Delete;
    // Legacy terminals send Ctrl-Backspace as Ctrl-H.
    Editor "Delete the word before the cursor": ctrl_key(K::Backspace), ctrl('w'), ctrl('h').quiet() => E::DeleteWordBack;
    Editor "Delete the word after the cursor": ctrl_key(K::Delete) => E::DeleteWordForward;
    Editor "New paragraph": ENTER => E::Enter;
    Editor "Insert spaces to the next tab stop": TAB => E::Tab;
    Editor "Copy (also to the terminal clipboard)": ctrl('c') => E::Copy;
    Editor "Cut": ctrl('x') => E::Cut;
    Editor "Paste what was copied here; terminal paste also works": ctrl('v') => E::Paste;
    Editor "Undo": ctrl('z') => E::Undo;
    Editor "Redo": ctrl('y'), Key::new(K::Char('z'), CTRL_SHIFT) => E::Redo;
    Editor "Find; type to search": ctrl('f') => E::Find;
    Editor "Drop the selection": ESC, ctrl_key(K::Esc).quiet() => E::Cancel;

    Find "Find next": ENTER, DOWN, f(3), ctrl('n'), ctrl('f') => E::FindNext;
    Find "Find previous": UP, shift(K::F(3)), ctrl('p') => E::FindPrev;
    Find "Take the last character off the search": BACKSPACE => E::FindErase;
    Find "Paste into the search": ctrl('v') => E::FindPaste;
    Find "Close find": ESC => E::FindClose;
};

/// The chair's screen (`minutebook chair`): its own keys, nothing that changes a record.
#[rustfmt::skip]
pub(crate) const CHAIR_BINDINGS: &[Binding<CC>] = keymap! {
    Chair "Select the previous item (stops following the clerk)": UP, ch('k') => CC::Select(Step::Up);
    Chair "Select the next item (stops following the clerk)": DOWN, ch('j') => CC::Select(Step::Down);
    Chair "Follow the clerk's current item again": ch('f'), HOME => CC::Follow;
    Chair "Scroll the brief a screen up/down": PGUP => CC::Page(Step::Up), PGDN, ch(' ') => CC::Page(Step::Down);
    Chair "Ask the clerk's workspace for the next item (only if the clerk allows it)": ch('n') => CC::AskNext;
    Chair "Ask the clerk's workspace for the previous item (only if the clerk allows it)": ch('p') => CC::AskPrevious;
    Chair "Help: this screen's keys (again, or Esc, to close)": f(1), ch('?'), ESC => CC::Help;
    Chair "Quit (nothing to save: this screen never writes)": ch('q'), ctrl('q') => CC::Quit;
};

/// Editing the text of a form's focused field; characters type (see `RULES`).
#[rustfmt::skip]
pub(crate) const FIELD_BINDINGS: &[Binding<FE>] = keymap! {
    Field "Move one character": LEFT => FE::Left, RIGHT => FE::Right;
    Field "Start/end of the field": HOME => FE::Home, END => FE::End;
    Field "Delete one character before/after the cursor (a whole value just tabbed into)": BACKSPACE => FE::Backspace, DEL => FE::Delete;
    Field "Clear the field": ctrl('u') => FE::Clear;
};
