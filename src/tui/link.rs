//! The clerk's side of the chair's link in the run loop: the socket open exactly while the
//! clerk lets the chair step this meeting, and each request taken through `App::update`.

use std::path::Path;

use crate::app::{App, Msg};
use crate::chair_link::Listener;
use crate::model::MeetingId;

/// The chair's link as the run loop holds it; dropping it removes the socket.
#[derive(Debug, Default)]
pub(super) struct Link {
    open: Option<(MeetingId, Listener)>,
}

impl Link {
    /// Opens or closes the socket to match the workspace: open while the clerk allows the
    /// chair to step and the meeting can change, for the meeting open now (a switch to
    /// another meeting moves it).
    pub(super) fn follow(&mut self, app: &mut App, dir: &Path) {
        let wanted = (app.chair_may_step && app.read_only.is_none()).then_some(&app.meeting.id);
        if self.open.as_ref().map(|(id, _)| id) == wanted {
            return;
        }
        self.open = None;
        let Some(id) = wanted.cloned() else { return };
        match Listener::bind(dir, &id) {
            Ok(listener) => self.open = Some((id, listener)),
            Err(why) => app.update(Msg::ChairLinkFailed(why)),
        }
    }

    /// Takes what the chair's screen asked this turn, answering each.
    pub(super) fn answer(&mut self, app: &mut App) {
        let Some((_, listener)) = &self.open else {
            return;
        };
        for asked in listener.poll() {
            app.update(Msg::ChairStep {
                step: asked.step,
                from: asked.from,
            });
            let reply = app
                .take_chair_reply()
                .unwrap_or_else(|| Err("the clerk's workspace gave no answer".into()));
            asked.answer(reply);
        }
    }
}
