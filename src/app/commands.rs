//! What each command from the key table does to the workspace.

use super::form::Form;
use super::{App, Confirmed, Overlay, forms};
use crate::keymap::{
    self, AgendaEdit, Capture, Command, RunningOrder, Scope, StandingEdit, Step, Tab, WholeView,
};
use crate::model::agenda;
use crate::model::{ActionStatus, DecisionKind, MeetingStatus, Minuting, Presence, running};

impl App {
    pub fn command(&mut self, cmd: Command) {
        match cmd {
            Command::Tab(t) => self.switch_tab(t),
            Command::NextTab => self.switch_tab(Tab::ALL[(self.tab.index() + 1) % Tab::ALL.len()]),
            Command::PrevTab => {
                self.switch_tab(Tab::ALL[(self.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()])
            }
            Command::Help => self.toggle_help(),
            Command::Quit => self.quit = true,
            Command::Submit => self.submit_form(),
            Command::Cancel => self.close_overlay(),
            Command::NextField => self.in_form(Form::next_field),
            Command::PrevField => self.in_form(Form::prev_field),
            Command::Yes => self.confirmed(),
            Command::No => self.overlay = None,
            Command::Select(step) if self.tab == Tab::Archive && self.overlay.is_none() => {
                self.archive_select(step)
            }
            Command::Select(step) => self.move_selection(step),
            Command::Archive(cmd) => self.archive_command(cmd),
            Command::Back if self.tab == Tab::Archive => self.archive_back(),
            Command::Back if self.tab == Tab::Agenda && self.item_view.is_some() => {
                self.item_view = None
            }
            Command::Back => {}
            Command::ApprovePrevious => self.open_form(forms::approve_previous),
            Command::Export if self.tab == Tab::Archive => self.archive_export(),
            Command::Export => self.open_form(|app| Some(forms::export(app, None))),
            Command::Running(step) => self.running_order(step),
            Command::Agenda(edit) => self.agenda_edit(edit),
            Command::Capture(what) => self.capture(what),
            Command::ToggleWholeMinutes => self.toggle_whole_minutes(),
            Command::WholeMinutes(view) => self.whole_minutes(view),
            Command::SetStatus(status) => self.set_action_status(status),
            Command::ActionNote => self.open_form(forms::action_note),
            Command::EditAction => self.open_form(forms::edit_action),
            Command::WithdrawAction => self.confirm_withdraw(),
            Command::Mark(presence) => self.mark(presence),
            Command::AttendanceTimes => self.open_form(forms::attendance_times),
            Command::AddPerson => self.open_form(forms::add_person),
            Command::RemovePerson => self.confirm_remove_person(),
            Command::Standing(edit) => self.standing_edit(edit),
            Command::Board => self.open_roster(),
            Command::Roster(cmd) => self.roster_command(cmd),
            Command::NewMeeting => self.ask_new_meeting(),
            Command::Start(answer) => self.start_answer(answer),
            Command::SectionMinutes(step) => self.section_minutes(step),
            Command::ItemView(cmd) => self.item_view_command(cmd),
            Command::ChairMayStep => self.toggle_chair_steps(),
            // Answered in `App::key` before any other key is looked at.
            Command::Recovery(_) | Command::Conflict(_) => {}
        }
    }

    /// Help opens over whatever is open and, closed, gives it back as it was.
    fn toggle_help(&mut self) {
        self.overlay = match self.overlay.take() {
            Some(Overlay::Help { under, .. }) => under.map(|o| *o),
            under => Some(Overlay::Help {
                scroll: 0,
                under: under.map(Box::new),
            }),
        }
    }

    /// Esc: help gives back what it covered; a form or a question goes.
    fn close_overlay(&mut self) {
        self.overlay = match self.overlay.take() {
            Some(Overlay::Help { under, .. }) => under.map(|o| *o),
            Some(
                Overlay::Form(_)
                | Overlay::Confirm { .. }
                | Overlay::Recovery { .. }
                | Overlay::Conflict { .. }
                | Overlay::Start { .. },
            )
            | None => None,
        }
    }

    /// Moves about the open form, if one is open.
    fn in_form(&mut self, step: fn(&mut Form)) {
        if let Some(Overlay::Form(f)) = &mut self.overlay {
            step(f)
        }
    }

    fn toggle_whole_minutes(&mut self) {
        // `update` puts the editor's text in the meeting while the whole shows.
        self.minutes.whole = !self.minutes.whole;
        self.minutes.whole_scroll = 0;
    }

    fn confirm_remove_person(&mut self) {
        if let Some(name) = self
            .meeting
            .attendance
            .get(self.people_sel)
            .map(|p| p.name.clone())
            && self.can_edit()
        {
            self.overlay = Some(Overlay::Confirm {
                question: format!("Remove {name} from this meeting's attendance?"),
                then: Confirmed::RemovePerson(self.people_sel),
            });
        }
    }

    fn standing_edit(&mut self, edit: StandingEdit) {
        self.open_form(match edit {
            StandingEdit::Iha => forms::iha_figures,
            StandingEdit::Figures => forms::standing_figures,
            StandingEdit::AddFigure => forms::add_figure,
            StandingEdit::RetireFigure => forms::retire_figure,
            StandingEdit::AddChild => forms::add_child,
            StandingEdit::RemoveChild => forms::remove_child,
        });
    }

    fn move_selection(&mut self, dir: Step) {
        let step = |len: usize, at: usize| -> usize {
            if len == 0 {
                return 0;
            }
            match dir {
                Step::Up => at.saturating_sub(1),
                Step::Down => (at + 1).min(len - 1),
            }
        };
        match &mut self.overlay {
            Some(Overlay::Help { scroll, .. }) => {
                *scroll = match dir {
                    Step::Up => scroll.saturating_sub(1),
                    Step::Down => scroll.saturating_add(1),
                };
                return;
            }
            Some(_) => return,
            None => {}
        }
        if let Some(sel) = self.roster {
            let members = self.board.as_ref().map_or(0, |b| b.members.len());
            self.roster = Some(step(members, sel));
            return;
        }
        match self.tab {
            Tab::Agenda => {
                let rows = self.agenda_rows();
                let at = self
                    .agenda_sel
                    .and_then(|s| rows.iter().position(|r| *r == s))
                    .unwrap_or(0);
                self.agenda_sel = rows.get(step(rows.len(), at)).copied();
            }
            Tab::Actions => self.actions_sel = step(self.meeting.actions.len(), self.actions_sel),
            Tab::Attendance => {
                self.people_sel = step(self.meeting.attendance.len(), self.people_sel)
            }
            Tab::Standing => {
                self.standing_scroll = match dir {
                    Step::Up => self.standing_scroll.saturating_sub(1),
                    Step::Down => self.standing_scroll.saturating_add(1),
                }
            }
            Tab::Minutes | Tab::Archive => {}
        }
    }

    pub(super) fn running_order(&mut self, cmd: RunningOrder) {
        if !self.can_edit() {
            return;
        }
        if self.meeting.status == MeetingStatus::Planned && self.would_start(cmd) {
            return self.ask_to_start(cmd, true);
        }
        self.step(cmd);
    }

    /// Takes one step of the running order (the questions before starting answered).
    pub(super) fn step(&mut self, cmd: RunningOrder) {
        let now = self.now.time();
        let was_current = running::current(&self.meeting);
        let m = &mut self.meeting;
        let was_planned = m.status == MeetingStatus::Planned;
        // The model refuses what would touch the times once the meeting has ended.
        let done: Result<(), running::Refused> = match cmd {
            RunningOrder::Start => {
                if m.status == MeetingStatus::InProgress {
                    self.flash = Some("The meeting has already started.".into());
                    return;
                }
                running::start(m, now).map(|_| self.flash = Some(Self::started_words(m, now)))
            }
            RunningOrder::Next => running::next(m, now).map(|next| {
                if next.is_none() {
                    self.flash = Some(format!(
                        "That was the last item. Press {} in the Agenda tab to end the meeting.",
                        keymap::name(Scope::Agenda, Command::Running(RunningOrder::End))
                    ));
                }
            }),
            RunningOrder::Previous => match running::previous(m, now) {
                Ok(None) => {
                    self.flash = Some("This is the first item.".into());
                    return;
                }
                other => other.map(|_| ()),
            },
            RunningOrder::MakeCurrent => {
                let Some(sel) = self.agenda_sel else { return };
                if m.item(sel).is_some_and(|i| !i.sub_items.is_empty()) {
                    return self.open_section_minutes(sel);
                }
                running::jump(m, sel, now)
            }
            RunningOrder::Defer => {
                let Some(sel) = self.agenda_sel else { return };
                running::defer(m, sel, now).map(|()| {
                    self.flash =
                        Some("Deferred: it will come back on the next meeting's agenda.".into());
                })
            }
            RunningOrder::End => {
                if let Err(why) = running::still_running(m) {
                    self.flash = Some(why.to_string());
                    return;
                }
                self.overlay = Some(Overlay::Confirm {
                    question: "End the meeting now? The minutes become a draft for approval."
                        .into(),
                    then: Confirmed::EndMeeting,
                });
                return;
            }
        };
        if let Err(why) = done {
            self.flash = Some(why.to_string());
            return;
        }
        if was_planned && self.meeting.status == MeetingStatus::InProgress {
            self.arrivals_at_start(now);
        }
        if let Some(cur) = running::current(&self.meeting) {
            self.agenda_sel = Some(cur);
            if was_current != Some(cur) {
                self.remind_of_declarations(cur);
            }
        }
        self.minutes.chosen = None;
        self.follow_minutes_target();
        self.changed(true);
    }

    /// An item starting: the chair is told who declared an interest in it and whether
    /// they are to leave the room, after whatever else the step said.
    fn remind_of_declarations(&mut self, item: crate::model::ItemId) {
        let declared: Vec<_> =
            crate::model::declarations::for_item(&self.meeting.declarations, item).collect();
        if let Some(reminder) = crate::words::declarations_reminder(&declared) {
            self.flash = Some(match self.flash.take() {
                Some(said) => format!("{said} {reminder}"),
                None => reminder,
            });
        }
    }

    fn agenda_edit(&mut self, cmd: AgendaEdit) {
        match cmd {
            AgendaEdit::Add => self.open_form(forms::add_item),
            AgendaEdit::AddSub => self.open_form(forms::add_sub_item),
            AgendaEdit::Edit => self.open_form(forms::edit_item),
            AgendaEdit::Delete => self.confirm_delete_item(),
            AgendaEdit::Move(step) => self.agenda_move(step == Step::Up),
            AgendaEdit::Meeting => self.open_form(forms::edit_meeting),
            AgendaEdit::ItemTimes => self.open_form(forms::item_times),
            AgendaEdit::MeetingTimes => self.open_form(forms::meeting_times),
        }
    }

    fn confirm_delete_item(&mut self) {
        if !self.can_edit() {
            return;
        }
        let Some(item) = self.agenda_sel.and_then(|id| self.meeting.item(id)) else {
            return;
        };
        let subs = if item.sub_items.is_empty() {
            ""
        } else {
            " and its sub-items"
        };
        self.overlay = Some(Overlay::Confirm {
            question: format!(
                "Delete \"{}\"{subs} from the agenda? Its minutes go with it.",
                item.title
            ),
            then: Confirmed::DeleteItem(item.id),
        });
    }

    fn agenda_move(&mut self, up: bool) {
        let Some(sel) = self.agenda_sel else { return };
        if self.can_edit() && agenda::move_item(&mut self.meeting.agenda, sel, up) {
            self.changed(true);
        }
    }

    fn capture(&mut self, cmd: Capture) {
        if self.tab != Tab::Minutes || !self.can_edit() {
            return;
        }
        let Some(item) = self.minutes.item else {
            self.flash = Some("Choose an agenda item first.".into());
            return;
        };
        self.minutes.whole = false;
        let form = match cmd {
            Capture::Timestamp if self.meeting.minuting == Minuting::WriteUp => {
                self.flash = Some(
                    "Written up afterwards: the clock's time is not the meeting's; type the \
                     time from your notes."
                        .into(),
                );
                return;
            }
            Capture::Timestamp => {
                let stamp = format!("[{}] ", crate::words::time(self.now.time()));
                self.minutes.editor.paste(&stamp);
                return;
            }
            Capture::Action => forms::capture_action(item),
            Capture::Decision => forms::capture_decision(item, DecisionKind::Decision),
            Capture::Resolution => forms::capture_decision(item, DecisionKind::Resolution),
            Capture::EditDecision => return self.open_form(forms::edit_decision),
            Capture::NamedVote => return self.open_form(forms::named_vote),
            Capture::Declaration => return self.open_form(forms::declare_interest),
        };
        self.overlay = Some(Overlay::Form(form));
    }

    /// The index in `meeting.actions` of the action selected in the pane, if any and if
    /// the meeting may change.
    pub(super) fn selected_action(&mut self) -> Option<usize> {
        let rows = self.action_rows();
        let index = *rows.get(self.actions_sel)?;
        self.can_edit().then_some(index)
    }

    fn set_action_status(&mut self, status: ActionStatus) {
        let Some(index) = self.selected_action() else {
            return;
        };
        let at = self.action_change_at();
        let action = &mut self.meeting.actions[index];
        let note = match status {
            ActionStatus::Done => "Marked done",
            ActionStatus::Dropped => "Dropped",
            ActionStatus::Open => "Reopened",
            ActionStatus::Withdrawn => "Withdrawn",
        };
        if action.status == status {
            self.flash = Some(format!("{} is already {}.", action.id, status.label()));
            return;
        }
        action.update_by(at, Some(status), note);
        self.flash = Some(format!("{} is now {}.", action.id, status.label()));
        self.changed(true);
    }

    fn mark(&mut self, presence: Presence) {
        if !self.can_edit() {
            return;
        }
        // Only a meeting minuted live knows the time someone walks in from the clock.
        let live = self.meeting.minuting == Minuting::Live;
        let in_progress = self.meeting.status == MeetingStatus::InProgress && live;
        let now = self.now.time();
        let Some(p) = self.meeting.attendance.get_mut(self.people_sel) else {
            return;
        };
        p.status = presence;
        p.arrived_at = match p.status {
            // Arriving after the start is worth recording; before it, the start stamps it.
            Presence::Present if in_progress => p.arrived_at.or(Some(now)),
            Presence::Present => p.arrived_at,
            _ => None,
        };
        if p.status != Presence::Present {
            p.departed_at = None;
        }
        let marked = format!("{}: {}", p.name, presence.label());
        // Marking down a list is the usual way: move on to the next person, and say so.
        let last = self.meeting.attendance.len().saturating_sub(1);
        self.flash = Some(match self.meeting.attendance.get(self.people_sel + 1) {
            Some(next) => format!("{marked}; next: {}", next.name),
            None => format!("{marked}; that is the last row, so the cursor stays"),
        });
        self.people_sel = (self.people_sel + 1).min(last);
        self.changed(true);
    }

    /// The meeting has just begun: those marked present before it arrived at its start
    /// (the actual start where one is set; a write-up with none set stamps nothing).
    fn arrivals_at_start(&mut self, now: chrono::NaiveTime) {
        let m = &mut self.meeting;
        let start = match m.minuting {
            Minuting::Live => Some(m.began_at.unwrap_or(now)),
            Minuting::WriteUp => m.began_at,
        };
        if let Some(start) = start {
            crate::model::attendance::arrived_at_start(&mut m.attendance, start);
        }
    }

    fn confirm_withdraw(&mut self) {
        let Some(index) = self.selected_action() else {
            return;
        };
        let a = &self.meeting.actions[index];
        if a.status == ActionStatus::Withdrawn {
            self.flash = Some(format!("{} is already withdrawn.", a.id));
            return;
        }
        self.overlay = Some(Overlay::Confirm {
            question: format!(
                "Withdraw {} \"{}\" as raised by mistake? It stays in the history as \
                 withdrawn, by {} on {}, and is not carried forward.",
                a.id,
                a.text,
                self.clerk(),
                crate::words::short_date(self.now.date())
            ),
            then: Confirmed::WithdrawAction(a.id.clone()),
        });
    }

    fn withdraw(&mut self, id: &crate::model::ActionId) {
        let at = self.action_correction_at();
        let Some(a) = self.meeting.actions.iter_mut().find(|a| a.id == *id) else {
            self.flash = Some(format!("Action {id} is gone."));
            return;
        };
        let here = a.raised.meeting == self.meeting.id;
        self.flash = Some(match a.withdraw(at, "") {
            // The minutes are the clerk's text: their ACTION line is not changed for them.
            Ok(()) if here => format!(
                "{id} withdrawn; it stays in the history. Its ACTION line in the minutes is as \
                 it was: edit the minutes if it should go."
            ),
            Ok(()) => format!("{id} withdrawn; it stays in the history."),
            Err(e) => format!("Not withdrawn: {e}."),
        });
    }

    fn confirmed(&mut self) {
        let Some(Overlay::Confirm { then, .. }) = self.overlay.take() else {
            return;
        };
        // Another meeting's record: this one need not be editable.
        if let Confirmed::TrashMeeting(id) = then {
            self.request(super::archive::Request::Trash(id));
            return;
        }
        // The roster is the board's record, not this meeting's: not refused with it.
        let roster = matches!(then, Confirmed::RemoveMember(_));
        if !roster && !self.can_edit() {
            return;
        }
        match then {
            Confirmed::DeleteItem(id) => {
                let rows = self.agenda_rows();
                let at = rows.iter().position(|r| *r == id).unwrap_or(0);
                if let Some(gone) = agenda::remove(&mut self.meeting.agenda, id) {
                    crate::model::declarations::keep_to_agenda(&mut self.meeting);
                    self.flash = Some(format!("Deleted \"{}\".", gone.title));
                }
                let rows = self.agenda_rows();
                self.agenda_sel = rows.get(at.min(rows.len().saturating_sub(1))).copied();
                if self.minutes.item == Some(id) {
                    self.minutes.item = None;
                    self.minutes.synced = self.minutes.editor.revision();
                }
                self.follow_minutes_target();
            }
            Confirmed::RemovePerson(i) => {
                if i < self.meeting.attendance.len() {
                    let p = self.meeting.attendance.remove(i);
                    self.flash = Some(format!("Removed {}.", p.name));
                    self.people_sel = self
                        .people_sel
                        .min(self.meeting.attendance.len().saturating_sub(1));
                }
            }
            Confirmed::WithdrawAction(id) => self.withdraw(&id),
            Confirmed::RemoveMember(i) => return self.remove_member(i),
            Confirmed::AttendToo(name) => self.attend_too(&name),
            Confirmed::EndMeeting => {
                if let Err(why) = running::end(&mut self.meeting, self.now.time()) {
                    self.flash = Some(why.to_string());
                    return;
                }
                self.flash = Some("Meeting ended: the minutes are now a draft.".into());
                self.follow_minutes_target();
            }
            // Asked for above, before the check that this meeting may change.
            Confirmed::TrashMeeting(_) => return,
        }
        self.changed(true);
    }

    /// Keys for the read-only whole-meeting view.
    pub(super) fn whole_minutes(&mut self, view: WholeView) {
        let s = &mut self.minutes.whole_scroll;
        *s = match view {
            WholeView::Scroll(Step::Up) => s.saturating_sub(1),
            WholeView::Scroll(Step::Down) => s.saturating_add(1),
            WholeView::Page(Step::Up) => s.saturating_sub(20),
            WholeView::Page(Step::Down) => s.saturating_add(20),
            WholeView::Top => 0,
            WholeView::Close => {
                self.minutes.whole = false;
                0
            }
        };
        // Only a scroll can go past the end (the text does not change while it shows).
        self.clamp_whole_scroll();
    }

    pub(super) fn whole_minutes_refused(&mut self) {
        self.flash = Some(format!(
            "The whole minutes are read-only here: {} goes back to editing.",
            keymap::whole_minutes_key()
        ));
    }
}
