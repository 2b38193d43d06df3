//! `D` in the Archive: a meeting made by mistake, moved into the data directory's trash after
//! the clerk confirms. The run loop moves it (refusing, saying why, what must stay).

use super::archive::ArchiveView;
use super::{App, Confirmed, Overlay};
use crate::model::MeetingStatus;

impl App {
    /// Asks before moving the selected meeting into the trash, or says why it cannot go.
    pub(super) fn confirm_trash(&mut self) {
        if self.archive.view != ArchiveView::Meetings {
            self.flash = Some(format!(
                "Meetings are deleted from the list of meetings: press {} to go back to it.",
                crate::keymap::name(crate::keymap::Scope::Archive, crate::keymap::Command::Back)
            ));
            return;
        }
        let Some(s) = self.archive.selected() else {
            self.flash = Some("There is no meeting to delete.".into());
            return;
        };
        let (id, date) = (s.id.clone(), crate::words::long_date(s.date));
        if id == self.meeting.id {
            self.flash = Some(format!(
                "{id} is the meeting open in this workspace, so it is not deleted from here: \
                 quit, then run `minutebook meeting delete {id}`."
            ));
            return;
        }
        if s.status == MeetingStatus::Approved {
            self.flash = Some(format!(
                "The minutes of {id} are approved and sealed, so the meeting is never deleted."
            ));
            return;
        }
        self.overlay = Some(Overlay::Confirm {
            question: format!(
                "Move the meeting of {date} ({id}, {}) to the trash? It leaves the archive; \
                 `minutebook meeting restore {id}.json` brings it back. A meeting another \
                 refers to, or open elsewhere, is refused.",
                s.title
            ),
            then: Confirmed::TrashMeeting(id),
        });
    }

    /// The run loop moved meeting `id` into the trash as `name`.
    pub(super) fn trashed(&mut self, id: &crate::model::MeetingId, name: &str) {
        // Its row goes when the archive is listed again: the one above takes the selection.
        self.archive.sel = self.archive.sel.saturating_sub(1);
        self.flash = Some(format!(
            "Moved meeting {id} to the trash (trash/{name} in the data directory); \
             `minutebook meeting restore {name}` brings it back."
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::app::archive::{Reply, Request};
    use crate::app::tests::december;
    use crate::app::{Effect, Msg, Overlay};
    use crate::model::{MeetingId, MeetingStatus};
    use crate::store::Summary;

    /// December open, the archive listing November (draft) then October (approved).
    fn with_archive() -> crate::app::tests::workspace::Workspace {
        let mut app = december();
        let year = crate::demo::year();
        let summaries = [&year[9], &year[8], &year[7]].map(Summary::of).to_vec();
        app.update(Msg::Archive(
            summaries.into_iter().rev().collect::<Vec<_>>().into(),
        ));
        app.typed("6");
        app
    }

    #[test]
    fn deleting_a_meeting_asks_first_saying_how_to_restore_then_asks_the_run_loop() {
        let mut app = with_archive();
        app.typed("jD");
        let Some(Overlay::Confirm { question, .. }) = &app.overlay else {
            panic!("asks first: {:?} {:?}", app.overlay, app.flash);
        };
        assert!(question.contains("2026-11-11"), "{question}");
        assert!(
            question.contains("minutebook meeting restore 2026-11-11.json"),
            "{question}"
        );
        app.typed("y");
        let nov = MeetingId::parse("2026-11-11").unwrap();
        assert_eq!(
            app.take_effects(),
            [Effect::Request(Request::Trash(nov.clone()))]
        );
        app.update(Msg::Reply(Reply::Trashed {
            id: nov,
            name: "2026-11-11.json".into(),
        }));
        let said = app.flash.clone().unwrap();
        assert!(
            said.contains("minutebook meeting restore 2026-11-11.json"),
            "{said}"
        );
    }

    #[test]
    fn the_meeting_open_here_and_sealed_minutes_are_not_offered_for_deletion() {
        let mut app = with_archive();
        app.typed("D");
        assert!(app.overlay.is_none());
        assert!(
            app.flash
                .as_deref()
                .unwrap()
                .contains("the meeting open in this workspace"),
            "{:?}",
            app.flash
        );
        app.typed("jjD");
        assert_eq!(
            app.archive.selected().unwrap().status,
            MeetingStatus::Approved
        );
        assert!(app.overlay.is_none());
        assert!(
            app.flash
                .as_deref()
                .unwrap()
                .contains("approved and sealed"),
            "{:?}",
            app.flash
        );
        assert!(app.take_effects().is_empty());
    }
}
