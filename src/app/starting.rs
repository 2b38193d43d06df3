//! Starting a meeting: the questions asked first (attendance not taken or not quorate; a
//! meeting not held today minuted live or written up afterwards), and a section's minutes.

use chrono::NaiveTime;

use super::{App, Overlay, StartQuestion};
use crate::keymap::{self, AgendaEdit, Command, RunningOrder, Scope, StartAnswer, Step, Tab};
use crate::model::agenda;
use crate::model::{Meeting, Minuting};
use crate::words::long_date;

impl App {
    /// Whether `cmd` on a planned meeting would start it: taking a section opens its
    /// minutes instead, and going back or deferring leaves it planned.
    pub(super) fn would_start(&self, cmd: RunningOrder) -> bool {
        match cmd {
            RunningOrder::Start | RunningOrder::Next => true,
            RunningOrder::MakeCurrent => self
                .agenda_sel
                .and_then(|id| self.meeting.item(id))
                .is_some_and(|i| i.sub_items.is_empty()),
            RunningOrder::Previous | RunningOrder::Defer | RunningOrder::End => false,
        }
    }

    /// Asks what must be asked before `then` starts the meeting, or takes it.
    pub(super) fn ask_to_start(&mut self, then: RunningOrder, check_attendance: bool) {
        let m = &self.meeting;
        let q = m.quorum();
        let question = if check_attendance && !q.taken {
            Some((
                StartQuestion::Attendance,
                vec![
                "Attendance has not been taken: nobody is marked present, absent or as sending \
                 apologies yet."
                    .to_string(),
            ],
            ))
        } else if check_attendance && !q.is_quorate() {
            Some((
                StartQuestion::Attendance,
                vec![format!(
                    "The board is not quorate: {} of the {} members needed are marked present, so \
                 its decisions would not be valid.",
                    q.members_present, q.needed
                )],
            ))
        } else if m.date != self.now.date() {
            Some((
                StartQuestion::Minuting,
                vec![
                    format!(
                        "This meeting is dated {}, not today ({}).",
                        long_date(m.date),
                        long_date(self.now.date())
                    ),
                    "Are you minuting it live now, or writing it up afterwards from notes?".into(),
                ],
            ))
        } else {
            None
        };
        match question {
            Some((question, lines)) => {
                self.overlay = Some(Overlay::Start {
                    question,
                    lines,
                    then,
                })
            }
            None => self.take_first_step(then, Minuting::Live),
        }
    }

    pub(super) fn start_answer(&mut self, answer: StartAnswer) {
        let Some(Overlay::Start { then, .. }) = self.overlay.take() else {
            return;
        };
        match answer {
            StartAnswer::Anyway => self.ask_to_start(then, false),
            StartAnswer::ToAttendance => self.switch_tab(Tab::Attendance),
            StartAnswer::Live => self.take_first_step(then, Minuting::Live),
            StartAnswer::WriteUp => self.take_first_step(then, Minuting::WriteUp),
        }
    }

    fn take_first_step(&mut self, then: RunningOrder, how: Minuting) {
        if !self.can_edit() {
            return;
        }
        self.meeting.minuting = how;
        self.step(then);
    }

    /// What the clerk is told when the meeting starts.
    pub(super) fn started_words(m: &Meeting, now: NaiveTime) -> String {
        match m.minuting {
            Minuting::Live => format!("Meeting started at {}.", crate::words::time(now)),
            Minuting::WriteUp => format!(
                "Writing up the meeting of {}: nothing is stamped; {} sets an item's times, {} \
                 the meeting's.",
                long_date(m.date),
                keymap::name(Scope::Agenda, Command::Agenda(AgendaEdit::ItemTimes)),
                keymap::name(Scope::Agenda, Command::Agenda(AgendaEdit::MeetingTimes)),
            ),
        }
    }

    /// Enter on a section: the Minutes pane opens on the section's own minutes (its
    /// introduction, read before its sub-items); the running order does not move.
    pub(super) fn open_section_minutes(&mut self, id: crate::model::ItemId) {
        let Some(w) = agenda::walked(&self.meeting.agenda, id) else {
            return;
        };
        self.flash = Some(format!(
            "The minutes of {} {} itself, read before its sub-items; the item being taken is \
             unchanged.",
            w.number, w.item.title
        ));
        self.minutes.chosen = Some(id);
        self.switch_tab(Tab::Minutes);
    }

    /// Alt+↑ in the Minutes tab: the section the item is in; Alt+↓: back to the item
    /// being taken (or selected).
    pub(super) fn section_minutes(&mut self, step: Step) {
        match step {
            Step::Up => {
                let m = &self.meeting.agenda;
                let parent = self
                    .minutes
                    .item
                    .and_then(|id| agenda::number_of(m, id))
                    .filter(|n| n.0.len() > 1)
                    .map(|n| agenda::ItemNumber(n.0[..n.0.len() - 1].to_vec()).to_string())
                    .and_then(|n| agenda::id_at_number(m, &n));
                match parent {
                    Some(id) => self.open_section_minutes(id),
                    None => self.flash = Some("This item is not inside a section.".into()),
                }
            }
            Step::Down => {
                self.minutes.chosen = None;
                self.follow_minutes_target();
            }
        }
    }
}
