//! What each command from the key table does to the workspace.

use super::form::{Field, Form, Purpose};
use super::{App, Confirmed, Overlay};
use crate::keymap::{
    self, AgendaEdit, Capture, Command, RunningOrder, StandingEdit, Step, Tab, WholeView,
};
use crate::model::agenda::{self, Principle};
use crate::model::{ActionStatus, ItemKind, MeetingStatus, Presence, running};

impl App {
    pub fn command(&mut self, cmd: Command) {
        match cmd {
            Command::Tab(t) => self.switch_tab(t),
            Command::NextTab => self.switch_tab(Tab::ALL[(self.tab.index() + 1) % Tab::ALL.len()]),
            Command::PrevTab => {
                self.switch_tab(Tab::ALL[(self.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()])
            }
            Command::Help => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help { .. }) => None,
                    _ => Some(Overlay::Help { scroll: 0 }),
                }
            }
            Command::Quit => self.quit = true,
            Command::Submit => self.submit_form(),
            Command::Cancel => self.overlay = None,
            Command::NextField | Command::PrevField => {
                if let Some(Overlay::Form(f)) = &mut self.overlay {
                    if cmd == Command::NextField {
                        f.next_field()
                    } else {
                        f.prev_field()
                    }
                }
            }
            Command::Yes => self.confirmed(),
            Command::No => self.overlay = None,
            Command::Select(step) if self.tab == Tab::Archive && self.overlay.is_none() => {
                self.archive_select(step)
            }
            Command::Select(step) => self.move_selection(step),
            Command::Archive(cmd) => self.archive_command(cmd),
            Command::Back if self.tab == Tab::Archive => self.archive_back(),
            Command::Back => {}
            Command::ApprovePrevious => self.approve_previous(),
            Command::Export if self.tab == Tab::Archive => self.archive_export(),
            Command::Export => self.export_form(None),
            Command::Running(step) => self.running_order(step),
            Command::Agenda(AgendaEdit::Move(step)) => self.agenda_move(step == Step::Up),
            Command::Agenda(edit) => self.agenda_edit(edit),
            Command::Capture(what) => self.capture(what),
            Command::ToggleWholeMinutes => {
                self.minutes.whole = !self.minutes.whole;
                self.minutes.whole_scroll = 0;
                self.sync_editor();
            }
            Command::WholeMinutes(view) => self.whole_minutes(view),
            Command::SetStatus(status) => self.set_action_status(status),
            Command::ActionNote => self.action_note_form(),
            Command::Mark(presence) => self.mark(presence),
            Command::AddPerson => {
                if self.can_edit() {
                    self.overlay = Some(Overlay::Form(Form::new(
                        "Add a person",
                        Purpose::AddPerson,
                        vec![
                            Field::new("Name", "", "as it should appear in the minutes"),
                            Field::new(
                                "Role",
                                "member",
                                "member, officer, young person, partner or other",
                            ),
                            Field::new(
                                "Position",
                                "",
                                "e.g. Vice-Chair, Virtual School Head (optional)",
                            ),
                        ],
                    )));
                }
            }
            Command::RemovePerson => {
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
            Command::Standing(StandingEdit::Iha) => self.iha_form(),
            Command::Standing(StandingEdit::Figures) => self.figures_form(),
            Command::Standing(edit @ (StandingEdit::AddFigure | StandingEdit::RetireFigure)) => {
                if !self.can_edit() {
                    return;
                }
                let form = if edit == StandingEdit::AddFigure {
                    Form::new(
                        "Add a standing figure",
                        Purpose::AddFigure,
                        vec![
                            Field::new("Name", "", "e.g. Children placed out of area"),
                            Field::new("Unit", "count", "count or percent"),
                            Field::new("Target", "", "a number (optional)"),
                            Field::new("Better", "higher", "higher or lower: which way is good"),
                        ],
                    )
                } else {
                    Form::new(
                        "Retire a standing figure",
                        Purpose::RetireFigure,
                        vec![Field::new("Name", "", "the figure's name as shown")],
                    )
                };
                self.overlay = Some(Overlay::Form(form));
            }
            Command::Standing(edit @ (StandingEdit::AddChild | StandingEdit::RemoveChild)) => {
                if !self.can_edit() {
                    return;
                }
                let form = if edit == StandingEdit::AddChild {
                    Form::new(
                        "A child's IHA (anonymised: never a name)",
                        Purpose::AddChild,
                        vec![
                            Field::new(
                                "Reference",
                                "",
                                "an anonymised reference such as C-0412, never a name",
                            ),
                            Field::new("Came into care", "", "YYYY-MM-DD"),
                            Field::new("IHA completed", "", "YYYY-MM-DD, or empty if not yet"),
                        ],
                    )
                } else {
                    Form::new(
                        "Remove a child's IHA row",
                        Purpose::RemoveChild,
                        vec![Field::new(
                            "Reference",
                            "",
                            "the reference of the row to remove",
                        )],
                    )
                };
                self.overlay = Some(Overlay::Form(form));
            }
            // Answered in `App::key` before any other key is looked at.
            Command::Recovery(_) | Command::Conflict(_) => {}
        }
    }

    fn iha_form(&mut self) {
        if !self.can_edit() {
            return;
        }
        let s = &self.meeting.standing;
        let f = s.iha.clone();
        let num = |v: Option<u32>| v.map_or(String::new(), |n| n.to_string());
        let date = |d: Option<chrono::NaiveDate>| d.map_or(String::new(), |d| d.to_string());
        let fields = vec![
            Field::new(
                "Period from",
                date(f.as_ref().and_then(|f| f.period_start)),
                "YYYY-MM-DD",
            ),
            Field::new(
                "Period to",
                date(f.as_ref().and_then(|f| f.period_end)),
                "YYYY-MM-DD",
            ),
            Field::new(
                "Came into care",
                num(f.as_ref().map(|f| f.entered_care)),
                "children, a whole number",
            ),
            Field::new(
                "IHAs due",
                num(f.as_ref().map(|f| f.due)),
                "IHAs that fell due in the period",
            ),
            Field::new(
                "Within 20 days",
                num(f.as_ref().map(|f| f.within_20_days)),
                "completed within 20 working days",
            ),
            Field::new(
                "Completed late",
                num(f.as_ref().map(|f| f.late)),
                "completed after 20 working days",
            ),
            Field::new(
                "Outstanding",
                num(f.as_ref().map(|f| f.outstanding)),
                "due but not yet done",
            ),
            Field::new(
                "Commentary",
                f.map_or(String::new(), |f| f.commentary),
                "reasons for delay, agreed actions",
            ),
            Field::new(
                "Target %",
                format!("{}", s.iha_target),
                "the board's agreed minimum, e.g. 85",
            ),
        ];
        self.overlay = Some(Overlay::Form(Form::new(
            "IHA timeliness for this meeting",
            Purpose::IhaFigures,
            fields,
        )));
    }

    fn figures_form(&mut self) {
        if !self.can_edit() {
            return;
        }
        if self.meeting.standing.figures.is_empty() {
            self.flash = Some("This board has no other standing figures.".into());
            return;
        }
        let fields = self
            .meeting
            .standing
            .figures
            .iter()
            .map(|f| {
                Field::new(
                    f.name.clone(),
                    f.value.map_or(String::new(), |v| v.to_string()),
                    "a number; empty if not reported",
                )
            })
            .collect();
        self.overlay = Some(Overlay::Form(Form::new(
            "Standing figures for this meeting",
            Purpose::StandingFigures,
            fields,
        )));
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
            Some(Overlay::Help { scroll }) => {
                *scroll = match dir {
                    Step::Up => scroll.saturating_sub(1),
                    Step::Down => scroll.saturating_add(1),
                };
                return;
            }
            Some(_) => return,
            None => {}
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

    fn running_order(&mut self, cmd: RunningOrder) {
        if !self.can_edit() {
            return;
        }
        let now = self.now.time();
        let m = &mut self.meeting;
        // The model refuses what would touch the times once the meeting has ended.
        let done: Result<(), running::Refused> = match cmd {
            RunningOrder::Start => {
                if m.status == MeetingStatus::InProgress {
                    self.flash = Some("The meeting has already started.".into());
                    return;
                }
                running::start(m, now).map(|_| {
                    self.flash = Some(format!("Meeting started at {}.", now.format("%H:%M")));
                })
            }
            RunningOrder::Next => running::next(m, now).map(|next| {
                if next.is_none() {
                    self.flash = Some(
                        "That was the last item. Press E in the Agenda tab to end the meeting."
                            .into(),
                    );
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
                    self.flash = Some("Choose one of its sub-items to take.".into());
                    return;
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
        if let Some(cur) = running::current(&self.meeting) {
            self.agenda_sel = Some(cur);
        }
        self.follow_minutes_target();
        self.changed(true);
    }

    fn agenda_edit(&mut self, cmd: AgendaEdit) {
        if !self.can_edit() {
            return;
        }
        let sel = self.agenda_sel;
        let selected = sel.and_then(|id| self.meeting.item(id)).cloned();
        let form = match (cmd, selected) {
            (AgendaEdit::Add, _) => item_form(
                "Add an agenda item",
                Purpose::AddItem {
                    after: sel,
                    parent: None,
                },
                None,
            ),
            (AgendaEdit::AddSub, Some(parent)) => item_form(
                &format!("Add a sub-item to {}", parent.title),
                Purpose::AddItem {
                    after: None,
                    parent: Some(parent.id),
                },
                None,
            ),
            (AgendaEdit::Edit, Some(item)) => item_form(
                "Edit the agenda item",
                Purpose::EditItem(item.id),
                Some(&item),
            ),
            (AgendaEdit::Delete, Some(item)) => {
                let subs = if item.sub_items.is_empty() {
                    String::new()
                } else {
                    " and its sub-items".to_string()
                };
                self.overlay = Some(Overlay::Confirm {
                    question: format!(
                        "Delete \"{}\"{subs} from the agenda? Its minutes go with it.",
                        item.title
                    ),
                    then: Confirmed::DeleteItem(item.id),
                });
                return;
            }
            // Nothing is selected: there is nothing to edit, add under or delete.
            (AgendaEdit::AddSub | AgendaEdit::Edit | AgendaEdit::Delete, None) => return,
            // Handled by `agenda_move`.
            (AgendaEdit::Move(_), _) => return,
        };
        self.overlay = Some(Overlay::Form(form));
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
            Capture::Timestamp => {
                let stamp = format!("[{}] ", self.now.format("%H:%M"));
                self.minutes.editor.paste(&stamp);
                return;
            }
            Capture::Action => Form::new(
                "Capture an action",
                Purpose::CaptureAction(item),
                vec![
                    Field::new("Action", "", "what is to be done"),
                    Field::new("Owner", "", "who will do it"),
                    Field::new("Due", "next meeting", "YYYY-MM-DD or \"next meeting\""),
                ],
            ),
            Capture::Decision | Capture::Resolution => {
                let resolution = cmd == Capture::Resolution;
                let label = if resolution { "Resolution" } else { "Decision" };
                Form::new(
                    format!("Record a {}", label.to_lowercase()),
                    Purpose::CaptureDecision { item, resolution },
                    vec![Field::new(label, "", "as it should read in the minutes")],
                )
            }
        };
        self.overlay = Some(Overlay::Form(form));
    }

    /// The index in `meeting.actions` of the action selected in the pane, if any and if
    /// the meeting may change.
    fn selected_action(&mut self) -> Option<usize> {
        let rows = self.action_rows();
        let index = *rows.get(self.actions_sel)?;
        self.can_edit().then_some(index)
    }

    fn action_note_form(&mut self) {
        let Some(index) = self.selected_action() else {
            return;
        };
        let action = &self.meeting.actions[index];
        let form = Form::new(
            format!("Progress on {}", action.id),
            Purpose::ActionNote(action.id.clone()),
            vec![
                Field::new("Note", "", "what was reported"),
                Field::new("Status", action.status.label(), "open, done or dropped"),
            ],
        );
        self.overlay = Some(Overlay::Form(form));
    }

    fn set_action_status(&mut self, status: ActionStatus) {
        let Some(index) = self.selected_action() else {
            return;
        };
        let date = self.meeting.date;
        let here = self.meeting.id.clone();
        let action = &mut self.meeting.actions[index];
        let note = match status {
            ActionStatus::Done => "Marked done",
            ActionStatus::Dropped => "Dropped",
            ActionStatus::Open => "Reopened",
        };
        if action.status == status {
            self.flash = Some(format!("{} is already {}.", action.id, status.label()));
            return;
        }
        action.update(date, Some(here), Some(status), note);
        self.flash = Some(format!("{} is now {}.", action.id, status.label()));
        self.changed(true);
    }

    fn mark(&mut self, presence: Presence) {
        if !self.can_edit() {
            return;
        }
        let in_progress = self.meeting.status == MeetingStatus::InProgress;
        let now = self.now.time();
        let Some(p) = self.meeting.attendance.get_mut(self.people_sel) else {
            return;
        };
        p.status = presence;
        p.arrived_at = match p.status {
            // Arriving after the start is worth recording; before it, the start time says it.
            Presence::Present if in_progress => p.arrived_at.or(Some(now)),
            Presence::Present => p.arrived_at,
            _ => None,
        };
        // Marking down a list is the usual way: move on to the next person.
        self.people_sel =
            (self.people_sel + 1).min(self.meeting.attendance.len().saturating_sub(1));
        self.changed(true);
    }

    fn confirmed(&mut self) {
        let Some(Overlay::Confirm { then, .. }) = self.overlay.take() else {
            return;
        };
        if !self.can_edit() {
            return;
        }
        match then {
            Confirmed::DeleteItem(id) => {
                let rows = self.agenda_rows();
                let at = rows.iter().position(|r| *r == id).unwrap_or(0);
                if let Some(gone) = agenda::remove(&mut self.meeting.agenda, id) {
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
            Confirmed::EndMeeting => {
                if let Err(why) = running::end(&mut self.meeting, self.now.time()) {
                    self.flash = Some(why.to_string());
                    return;
                }
                self.flash = Some("Meeting ended: the minutes are now a draft.".into());
                self.follow_minutes_target();
            }
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
    }

    pub(super) fn whole_minutes_refused(&mut self) {
        self.flash = Some(format!(
            "The whole minutes are read-only here: {} goes back to editing.",
            keymap::whole_minutes_key()
        ));
    }
}

fn item_form(title: &str, purpose: Purpose, item: Option<&crate::model::AgendaItem>) -> Form {
    let kind = item.map_or(ItemKind::Report, |i| i.kind);
    let principles: Vec<String> = item.map_or(Vec::new(), |i| {
        i.principles
            .iter()
            .map(|p| p.number().to_string())
            .collect()
    });
    Form::new(
        title,
        purpose,
        vec![
            Field::new(
                "Title",
                item.map_or("", |i| &i.title),
                "as it appears on the agenda",
            ),
            Field::new(
                "Kind",
                kind_word(kind),
                "report, presentation, decision, information, standing or procedural",
            ),
            Field::new(
                "Presenter",
                item.map_or("", |i| &i.presenter),
                "who presents it (optional)",
            ),
            Field::new(
                "Minutes allowed",
                item.and_then(|i| i.minutes_allotted)
                    .map_or(String::new(), |m| m.to_string()),
                "a whole number of minutes (optional)",
            ),
            Field::new(
                "Exempt reason",
                item.and_then(|i| i.exempt.as_ref())
                    .map_or("", |e| &e.reason),
                "leave empty for public business; for Part B cite the ground, e.g. Schedule 12A para 2",
            ),
            Field::new(
                "Principles",
                principles.join(", "),
                "corporate parenting principles 1-7, e.g. 1, 6",
            ),
        ],
    )
}

pub(super) fn kind_word(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Standing => "standing",
        ItemKind::Report => "report",
        ItemKind::Presentation => "presentation",
        ItemKind::Decision => "decision",
        ItemKind::Information => "information",
        ItemKind::Procedural => "procedural",
    }
}

pub(super) fn parse_principles(s: &str) -> Result<std::collections::BTreeSet<Principle>, String> {
    s.split([',', ' '])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|n| Principle::ALL.get(n).copied())
                .ok_or_else(|| {
                    format!(
                        "Principles: {:?} is not a principle number from 1 to 7",
                        p.trim()
                    )
                })
        })
        .collect()
}
