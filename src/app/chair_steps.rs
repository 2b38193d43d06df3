//! The chair's screen stepping the agenda: allowed only while the clerk says so, only from
//! the item the clerk's workspace is taking, and then exactly as the clerk's own n and p.

use super::{App, Overlay};
use crate::chair_link::{NOT_ALLOWED, Step};
use crate::keymap::{self, Command, RunningOrder, Scope, Tab};
use crate::model::{ItemId, MeetingStatus, agenda, running};

impl App {
    /// `C` in the Agenda: lets the chair's screen step the agenda, or stops it.
    pub(super) fn toggle_chair_steps(&mut self) {
        if !self.chair_may_step && !self.can_edit() {
            return;
        }
        self.chair_may_step = !self.chair_may_step;
        let key = keymap::name(Scope::Agenda, Command::ChairMayStep);
        self.flash = Some(match self.chair_may_step {
            true => format!(
                "The chair may now step the agenda from their screen (minutebook chair); {key} \
                 again stops it."
            ),
            false => {
                "The chair can no longer step the agenda: only this workspace moves it.".into()
            }
        });
    }

    /// The run loop could not open the chair's link: the chair may not step after all.
    pub(super) fn chair_link_failed(&mut self, why: String) {
        self.chair_may_step = false;
        self.say(format!("The chair cannot step the agenda: {why}."));
    }

    /// A request from the chair's screen: refused, or taken as the clerk's own key.
    pub(super) fn chair_step(&mut self, step: Step, from: Option<ItemId>) {
        let reply = self.take_chair_step(step, from);
        if let Err(why) = &reply {
            let why = why.trim_end_matches('.');
            self.say(format!(
                "The chair asked to step the agenda; nothing moved: {why}."
            ));
        }
        self.chair_reply = Some(reply);
    }

    /// The answer to the chair's last request, once.
    pub fn take_chair_reply(&mut self) -> Option<Result<String, String>> {
        self.chair_reply.take()
    }

    fn take_chair_step(&mut self, step: Step, from: Option<ItemId>) -> Result<String, String> {
        if !self.chair_may_step {
            return Err(NOT_ALLOWED.into());
        }
        if let Some(why) = &self.read_only {
            return Err(format!("meeting {} is read-only: {why}", self.meeting.id));
        }
        match self.meeting.status {
            MeetingStatus::InProgress => {}
            MeetingStatus::Planned => return Err("the meeting has not started".into()),
            MeetingStatus::Draft | MeetingStatus::Approved => {
                return Err("the meeting has ended".into());
            }
        }
        let current = running::current(&self.meeting);
        if from != current {
            return Err(format!(
                "the chair's screen is behind: the item being taken is {}",
                self.item_words(current)
            ));
        }
        // A form or a question open over the agenda is about what is selected now.
        if self
            .overlay
            .as_ref()
            .is_some_and(|o| !matches!(o, Overlay::Help { .. }))
        {
            return Err("the clerk is answering a question or filling in a form".into());
        }
        let revision = self.revision;
        // The clerk at the minutes: words begun belong to the item they were begun in.
        let typing = (self.tab == Tab::Minutes && !self.minutes.whole)
            .then_some(self.minutes.item)
            .flatten();
        // Whatever the step says is its own: not the clerk's last message.
        self.flash = None;
        self.running_order(match step {
            Step::Next => RunningOrder::Next,
            Step::Previous => RunningOrder::Previous,
        });
        let said = self.flash.take();
        if self.revision == revision {
            return Err(said.unwrap_or_else(|| "the running order did not move".into()));
        }
        let now = running::current(&self.meeting);
        let done = match (step, now) {
            (Step::Next, Some(_)) => format!("moved the meeting on to {}", self.item_words(now)),
            (Step::Previous, Some(_)) => {
                format!("took the meeting back to {}", self.item_words(now))
            }
            (Step::Next | Step::Previous, None) => {
                format!("closed {}, the last item", self.item_words(current))
            }
        };
        // What the step itself said (declarations, the last item) follows.
        let mut more = said.map(|s| format!(" {s}")).unwrap_or_default();
        if let Some(item) = typing.filter(|item| Some(*item) != now) {
            self.minutes.chosen = Some(item);
            self.follow_minutes_target();
            more.push_str(&format!(
                " You are still in the minutes of {}: {} goes to the item being taken.",
                self.item_words(Some(item)),
                keymap::name(Scope::Minutes, Command::SectionMinutes(keymap::Step::Down))
            ));
        }
        self.say(format!("The chair {done}.{more}"));
        Ok(format!("The clerk's workspace {done}."))
    }

    /// "4.2 Placements", or that no item is being taken.
    fn item_words(&self, id: Option<ItemId>) -> String {
        id.and_then(|id| agenda::walked(&self.meeting.agenda, id))
            .map(|w| format!("{} {}", w.number, w.item.title))
            .unwrap_or_else(|| "none (no item is being taken)".into())
    }

    /// Said where the clerk is looking: in a meeting opened to read, if one is.
    fn say(&mut self, text: String) {
        match self.viewing.as_mut() {
            Some(view) => view.flash = Some(text),
            None => self.flash = Some(text),
        }
    }
}
