//! The Archive pane and everything that reaches other meetings' records: opening one to
//! read, approving the previous minutes, errata, exports. `update` does no I/O, so each
//! of these leaves a [`Request`] for the run loop, which answers with a [`Reply`].

use std::path::PathBuf;

use chrono::NaiveDate;

use super::form::{Field, Form, Purpose};
use super::{App, Effect, Overlay};
use crate::export::{Audience, Format, Scope};
use crate::keymap::{Command, Tab};
use crate::model::approval;
use crate::model::{ItemId, Meeting, MeetingId, MeetingStatus};
use crate::search::Hit;
use crate::search::history::{ActionRecord, Filter};
use crate::store::{Listing, StoreError, Summary, meeting_id_of};
use crate::words::long_date;

/// Work on other records, for the run loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Read a meeting to show it read-only, at an item if given.
    Open { id: MeetingId, item: Option<ItemId> },
    /// Seal the minutes of `id` as approved at the open meeting.
    Approve {
        id: MeetingId,
        by: String,
        on: NaiveDate,
        at: MeetingId,
    },
    /// Write a meeting for people to read: the one shown (its unsaved text included) or
    /// one of the archive; `format` None is the forward plan as iCalendar.
    Export {
        source: ExportSource,
        format: Option<Format>,
        audience: Audience,
        scope: Scope,
        path: PathBuf,
    },
    /// Every match of these words across the archive.
    Search(String),
    /// Every action in the archive at its latest state.
    ActionHistory,
    /// A correction to approved minutes; the item is given by its number ("4.2").
    Erratum {
        id: MeetingId,
        date: NaiveDate,
        item_number: Option<String>,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExportSource {
    Shown(Box<Meeting>),
    Stored(MeetingId),
}

/// The run loop's answer to a [`Request`].
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Opened {
        meeting: Box<Meeting>,
        item: Option<ItemId>,
    },
    Approved {
        id: MeetingId,
        date: NaiveDate,
        by: String,
        sha256: String,
    },
    ErratumRecorded {
        id: MeetingId,
    },
    Found {
        query: String,
        hits: Vec<Hit>,
        /// Hits before the limit.
        total: usize,
        /// Files that could not be read, said in sentences.
        problems: Vec<String>,
    },
    History(Vec<ActionRecord>),
    /// What was written where, in a sentence.
    Exported(String),
    /// The request could not be done: one sentence saying why.
    Failed(String),
}

/// A file in the data directory that could not be read, and why: listed among the
/// meetings, so a damaged record is never silently missing from the archive.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The file's name, e.g. `2026-05-13.json`.
    pub file: String,
    /// The meeting its name says it holds, if it names one: it is listed at that date.
    pub id: Option<MeetingId>,
    /// The problem beside the file name, e.g. "line 4, column 3: expected `:`".
    pub problem: String,
    /// The store's whole sentence.
    pub sentence: String,
}

impl Unreadable {
    /// Any problem the store reports with a file.
    pub fn of(e: &StoreError) -> Unreadable {
        let file = e
            .path()
            .and_then(|p| p.file_name())
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Unreadable {
            id: meeting_id_of(&file),
            file,
            problem: e.problem(),
            sentence: e.to_string(),
        }
    }

    /// What Enter on its row says.
    pub fn explanation(&self) -> String {
        format!(
            "{}. It cannot be opened or exported until it reads again: restore it from a backup, \
             or correct it by hand at the place named.",
            self.sentence
        )
    }
}

/// The archive as the store lists it, for [`super::Msg::Archive`]: every meeting that
/// could be summarised, oldest first, and every file that could not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArchiveList {
    pub meetings: Vec<Summary>,
    pub unreadable: Vec<Unreadable>,
}

impl From<Listing> for ArchiveList {
    fn from(l: Listing) -> ArchiveList {
        ArchiveList {
            meetings: l.meetings,
            unreadable: l.problems.iter().map(Unreadable::of).collect(),
        }
    }
}

impl From<Vec<Summary>> for ArchiveList {
    fn from(meetings: Vec<Summary>) -> ArchiveList {
        ArchiveList {
            meetings,
            unreadable: Vec::new(),
        }
    }
}

/// One row of the meetings list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row<'a> {
    Meeting(&'a Summary),
    Unreadable(&'a Unreadable),
}

/// What the Archive pane lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum ArchiveView {
    #[default]
    Meetings,
    Found {
        query: String,
        hits: Vec<Hit>,
        total: usize,
    },
    Actions {
        all: Vec<ActionRecord>,
        show: Show,
        owner: Option<String>,
    },
}

/// Which actions the history shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Show {
    #[default]
    All,
    Open,
    Overdue,
}

impl Show {
    pub fn label(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Open => "open only",
            Show::Overdue => "overdue only",
        }
    }
}

/// The most hits a search in the workspace shows.
pub const SEARCH_LIMIT: usize = 500;

#[derive(Debug, Default)]
pub struct ArchivePane {
    /// Every meeting in the data directory, newest first.
    pub meetings: Vec<Summary>,
    /// The files that could not be read.
    pub unreadable: Vec<Unreadable>,
    /// The day "overdue" is judged on.
    pub today: NaiveDate,
    pub view: ArchiveView,
    pub sel: usize,
    /// False until the run loop has listed the directory.
    pub listed: bool,
}

impl ArchivePane {
    /// The meeting of the selected row: a meeting, the meeting of a hit, or the one that raised an action.
    pub fn selected(&self) -> Option<&Summary> {
        let id = match &self.view {
            ArchiveView::Meetings => {
                return match self.meeting_rows().get(self.sel) {
                    Some(Row::Meeting(s)) => Some(s),
                    _ => None,
                };
            }
            ArchiveView::Found { hits, .. } => &hits.get(self.sel)?.meeting,
            ArchiveView::Actions { .. } => {
                self.action_rows(self.today).get(self.sel)?.latest_meeting()
            }
        };
        self.meetings.iter().find(|s| s.id == *id)
    }

    /// The unreadable file of the selected row, if that is what it is.
    pub fn selected_unreadable(&self) -> Option<&Unreadable> {
        match (&self.view, self.meeting_rows().get(self.sel)) {
            (ArchiveView::Meetings, Some(Row::Unreadable(u))) => Some(u),
            _ => None,
        }
    }

    /// The meetings newest first, each unreadable file among them at the date its name
    /// carries (above them all if it carries none).
    pub fn meeting_rows(&self) -> Vec<Row<'_>> {
        let mut rows: Vec<Row> = self.meetings.iter().map(Row::Meeting).collect();
        for u in &self.unreadable {
            let at = rows
                .iter()
                .position(|r| match (r, &u.id) {
                    (Row::Meeting(s), Some(id)) => (s.date, &s.id) < (id.date(), id),
                    (Row::Unreadable(_), _) => false,
                    (_, None) => true,
                })
                .unwrap_or(rows.len());
            rows.insert(at, Row::Unreadable(u));
        }
        rows
    }

    pub fn rows(&self) -> usize {
        match &self.view {
            ArchiveView::Meetings => self.meetings.len() + self.unreadable.len(),
            ArchiveView::Found { hits, .. } => hits.len(),
            ArchiveView::Actions { .. } => self.action_rows(self.today).len(),
        }
    }

    /// The actions the history shows, under its filter.
    pub fn action_rows(&self, today: NaiveDate) -> Vec<&ActionRecord> {
        let ArchiveView::Actions { all, show, owner } = &self.view else {
            return Vec::new();
        };
        let filter = Filter {
            open_only: *show == Show::Open,
            overdue_on: (*show == Show::Overdue).then_some(today),
            owner: owner.clone(),
        };
        all.iter().filter(|r| filter.matches(r)).collect()
    }
}

impl App {
    pub(super) fn request(&mut self, r: Request) {
        self.effects.push(Effect::Request(r));
    }

    /// The Archive pane's own commands.
    pub(super) fn archive_command(&mut self, cmd: Command) {
        // A file that cannot be read is explained, never opened, exported or corrected.
        if matches!(
            cmd,
            Command::Open | Command::Export | Command::RecordErratum
        ) && let Some(u) = self.archive.selected_unreadable()
        {
            self.flash = Some(u.explanation());
            return;
        }
        match cmd {
            Command::Up => self.archive.sel = self.archive.sel.saturating_sub(1),
            Command::Down => {
                self.archive.sel = (self.archive.sel + 1).min(self.archive.rows().saturating_sub(1))
            }
            Command::Open if self.archive.view != ArchiveView::Meetings => self.open_selected(),
            Command::Open => match self.archive.selected() {
                Some(s) if s.id == self.meeting.id => {
                    self.flash = Some("That is the meeting you have open.".into());
                    self.switch_tab(Tab::Agenda);
                }
                Some(s) => {
                    let id = s.id.clone();
                    self.request(Request::Open { id, item: None });
                }
                None => self.flash = Some("There is no meeting to open.".into()),
            },
            Command::Back => {
                self.archive.view = ArchiveView::Meetings;
                self.archive.sel = 0;
            }
            Command::Search => {
                let words = match &self.archive.view {
                    ArchiveView::Found { query, .. } => query.clone(),
                    _ => String::new(),
                };
                self.overlay = Some(Overlay::Form(Form::new(
                    "Search every meeting",
                    Purpose::Search,
                    vec![Field::new(
                        "Words",
                        words,
                        "all of them, in any case or accents; \"quotes\" for a phrase",
                    )],
                )));
            }
            Command::ActionHistory => self.request(Request::ActionHistory),
            Command::HistoryFilter => match &mut self.archive.view {
                ArchiveView::Actions { show, .. } => {
                    *show = match show {
                        Show::All => Show::Open,
                        Show::Open => Show::Overdue,
                        Show::Overdue => Show::All,
                    };
                    self.archive.sel = 0;
                }
                _ => self.flash = Some("Press a for the action history first.".into()),
            },
            Command::OwnerFilter => match &self.archive.view {
                ArchiveView::Actions { owner, .. } => {
                    self.overlay = Some(Overlay::Form(Form::new(
                        "Actions owned by",
                        Purpose::OwnerFilter,
                        vec![Field::new(
                            "Owner",
                            owner.clone().unwrap_or_default(),
                            "part of a name, any case or accents; blank for everyone",
                        )],
                    )))
                }
                _ => self.flash = Some("Press a for the action history first.".into()),
            },
            Command::RecordErratum => self.erratum_form(),
            Command::Export => match self.archive.selected() {
                Some(s) if s.id != self.meeting.id => {
                    let id = s.id.clone();
                    self.export_form(Some(id))
                }
                _ => self.export_form(None),
            },
            _ => {}
        }
    }

    /// The answer to a request.
    pub(super) fn reply(&mut self, reply: Reply) {
        match reply {
            Reply::Opened { meeting, item } => self.view_meeting(*meeting, item),
            Reply::Approved {
                id,
                date,
                by,
                sha256,
            } => {
                // The run loop lists the archive again after a change to another meeting.
                let recorded = self.record_approval(&id, &by);
                self.flash = Some(format!(
                    "The minutes of {id} are approved and sealed ({}, SHA-256 {}…); {}",
                    long_date(date),
                    &sha256[..12.min(sha256.len())],
                    if recorded {
                        "the resolution is recorded at the minutes item."
                    } else {
                        "this meeting has no minutes item to record it at."
                    }
                ));
            }
            Reply::ErratumRecorded { id } => {
                self.flash = Some(format!(
                    "Erratum recorded beside the sealed minutes of {id}."
                ))
            }
            Reply::Exported(what) => self.flash = Some(what),
            Reply::Found {
                query,
                hits,
                total,
                problems,
            } => {
                self.flash = Some(match (total, hits.len()) {
                    (0, _) => format!("No matches for {query}."),
                    (t, n) if t > n => format!("{t} matches for {query}; the first {n} are shown."),
                    (t, _) => format!("{t} match(es) for {query}: Enter opens one at its item."),
                });
                if !problems.is_empty() {
                    let f = self.flash.get_or_insert_default();
                    f.push_str(&format!(" Not searched: {}", problems.join("; ")));
                }
                self.archive.view = ArchiveView::Found { query, hits, total };
                self.archive.sel = 0;
                self.tab = Tab::Archive;
            }
            Reply::History(all) => {
                self.archive.view = ArchiveView::Actions {
                    all,
                    show: Show::All,
                    owner: None,
                };
                self.archive.sel = 0;
            }
            Reply::Failed(why) => self.flash = Some(why),
        }
    }

    /// Shows another meeting read-only in the workspace; Esc or Alt+6 comes back.
    fn view_meeting(&mut self, meeting: Meeting, item: Option<ItemId>) {
        let why = match meeting.status {
            MeetingStatus::Approved => "approved minutes, opened from the archive to read",
            _ => "opened from the archive to read",
        };
        let mut view = App::new(meeting, Some(why.into()), self.now, self.theme);
        view.reading = true;
        // Its trends need the meetings before it, as the archive lists them.
        view.archive.meetings = self.archive.meetings.clone();
        view.archive.listed = true;
        if let Some(item) = item.filter(|i| view.meeting.item(*i).is_some()) {
            view.agenda_sel = Some(item);
            view.minutes.item = None;
            view.switch_tab(Tab::Minutes);
        }
        self.viewing = Some(Box::new(view));
    }

    /// Leaves a meeting opened from the archive, back to the Archive pane.
    pub(super) fn close_view(&mut self) {
        self.viewing = None;
        self.tab = Tab::Archive;
    }

    /// `v` in the Agenda: the board approves the previous meeting's minutes.
    pub(super) fn approve_previous(&mut self) {
        if !self.can_edit() {
            return;
        }
        let Some(prev) = self.meeting.previous.clone() else {
            self.flash =
                Some("This meeting has no previous meeting whose minutes it approves.".into());
            return;
        };
        if let Some(s) = self.archive.meetings.iter().find(|s| s.id == prev)
            && s.status == MeetingStatus::Approved
        {
            let (held, sealed_here) = (s.date, s.approval.clone());
            // Sealed at this meeting by a run that never saved the resolution here (a
            // crash, a failed save): `v` completes the approval by recording it, once.
            let agenda = self.meeting.agenda.clone();
            if let Some(a) = sealed_here.filter(|a| a.at == self.meeting.id)
                && self.record_approval(&prev, &a.by)
                && self.meeting.agenda != agenda
            {
                self.flash = Some(format!(
                    "The minutes of {} were approved and sealed at this meeting; the resolution \
                     is now recorded at the minutes item.",
                    long_date(held)
                ));
                return;
            }
            self.flash = Some(format!(
                "The minutes of {} are already approved and sealed.",
                long_date(held)
            ));
            return;
        }
        let chair = self
            .meeting
            .attendance
            .iter()
            .find(|a| a.position.eq_ignore_ascii_case("chair"))
            .map(|a| a.name.clone())
            .unwrap_or_default();
        self.overlay = Some(Overlay::Form(Form::new(
            format!("Approve the minutes of {prev} as a correct record"),
            Purpose::ApprovePrevious(prev),
            vec![
                Field::new("Signed by", chair, "who signs them, normally the chair"),
                Field::new(
                    "Date",
                    self.meeting.date.format("%Y-%m-%d").to_string(),
                    "YYYY-MM-DD; once approved the minutes are sealed",
                ),
            ],
        )));
    }

    /// The minutes item of this meeting records the approval as a resolution.
    fn record_approval(&mut self, id: &MeetingId, by: &str) -> bool {
        let held = self
            .archive
            .meetings
            .iter()
            .find(|s| s.id == *id)
            .map_or_else(|| id.date(), |s| s.date);
        let before = self.meeting.agenda.clone();
        let recorded = approval::record_approval_in(&mut self.meeting, held, by);
        if self.meeting.agenda != before {
            self.changed(true);
        }
        recorded
    }

    /// `e` in the Archive: a dated correction beside approved minutes.
    fn erratum_form(&mut self) {
        let Some(s) = self.archive.selected() else {
            return;
        };
        if s.status != MeetingStatus::Approved {
            self.flash = Some(format!(
                "The minutes of {} are not approved: open that meeting to correct them directly.",
                s.id
            ));
            return;
        }
        let id = s.id.clone();
        self.overlay = Some(Overlay::Form(Form::new(
            format!("Erratum to the approved minutes of {id}"),
            Purpose::Erratum(id),
            vec![
                Field::new(
                    "Correction",
                    "",
                    "e.g. Item 4: for \"Cllr Smith\" read \"Cllr Smyth\"",
                ),
                Field::new(
                    "Item",
                    "",
                    "the item number it corrects, e.g. 4.2 (optional)",
                ),
                Field::new(
                    "Date",
                    self.now.date().format("%Y-%m-%d").to_string(),
                    "YYYY-MM-DD",
                ),
            ],
        )));
    }

    /// `X` (or `x` in the Archive): which document, for whom, and where.
    pub(super) fn export_form(&mut self, of: Option<MeetingId>) {
        let id = of.clone().unwrap_or_else(|| self.meeting.id.clone());
        self.overlay = Some(Overlay::Form(Form::new(
            format!("Export {id}"),
            Purpose::Export(of),
            vec![
                Field::new(
                    "Format",
                    "html",
                    "md, txt, html, json, ocd; or ics: the forward plan",
                ),
                Field::new(
                    "Public",
                    "yes",
                    "yes: exempt items by number, title and ground only; no: everything",
                ),
                Field::new(
                    "Agenda only",
                    "no",
                    "yes: the agenda to circulate before the meeting",
                ),
                Field::new(
                    "File",
                    "",
                    "blank: a name from the meeting, in the folder minutebook started in",
                ),
            ],
        )));
    }

    fn export_request(&mut self, of: &Option<MeetingId>, form: &Form) -> Result<(), String> {
        let yes_no = |label: &str| match form.value(label).to_ascii_lowercase().as_str() {
            "y" | "yes" => Ok(true),
            "n" | "no" => Ok(false),
            v => Err(format!("{label}: {v:?} — answer yes or no.")),
        };
        let format = match form.value("Format").to_ascii_lowercase().as_str() {
            "ics" | "ical" | "icalendar" => None,
            f => Some(f.parse::<Format>().map_err(|e| format!("Format: {e}"))?),
        };
        let audience = if yes_no("Public")? {
            Audience::Public
        } else {
            Audience::Private
        };
        let scope = if yes_no("Agenda only")? {
            Scope::AgendaOnly
        } else {
            Scope::Full
        };
        let id = of.clone().unwrap_or_else(|| self.meeting.id.clone());
        let path = match form.value("File") {
            "" => PathBuf::from(match format {
                None => "forward-plan.ics".to_string(),
                Some(f) => format!(
                    "{id}{}{}.{}",
                    if scope == Scope::AgendaOnly {
                        "-agenda"
                    } else {
                        ""
                    },
                    if audience == Audience::Public {
                        "-public"
                    } else {
                        ""
                    },
                    f.extension()
                ),
            }),
            p => PathBuf::from(p),
        };
        let source = match of {
            Some(id) => ExportSource::Stored(id.clone()),
            None => ExportSource::Shown(Box::new(self.meeting_for_save().clone())),
        };
        self.request(Request::Export {
            source,
            format,
            audience,
            scope,
            path,
        });
        Ok(())
    }

    /// Enter on a search hit or an action: its meeting, at its item.
    fn open_selected(&mut self) {
        let target = match &self.archive.view {
            ArchiveView::Found { hits, .. } => hits
                .get(self.archive.sel)
                .map(|h| (h.meeting.clone(), h.item.as_ref().map(|i| i.id))),
            ArchiveView::Actions { .. } => self
                .archive
                .action_rows(self.archive.today)
                .get(self.archive.sel)
                .map(|r| (r.action.raised.meeting.clone(), r.action.raised.item)),
            ArchiveView::Meetings => None,
        };
        let Some((id, item)) = target else { return };
        if id == self.meeting.id {
            // This meeting: go to the item in its own panes.
            if let Some(item) = item {
                self.agenda_sel = Some(item);
            }
            self.switch_tab(Tab::Minutes);
            return;
        }
        self.request(Request::Open { id, item });
    }

    /// Forms that change other records, not this meeting: checked here, done by the run loop.
    pub(super) fn submit_archive_form(&mut self, form: &Form) -> Option<Result<(), String>> {
        let date = |label: &str| {
            crate::model::clock::parse_date(form.value(label)).ok_or_else(|| {
                format!(
                    "{label}: {:?} is not a date in the form YYYY-MM-DD",
                    form.value(label)
                )
            })
        };
        Some(match &form.purpose {
            Purpose::ApprovePrevious(id) => (|| {
                let by = form.value("Signed by");
                if by.is_empty() {
                    return Err("Signed by: say who signs the minutes, normally the chair.".into());
                }
                let on = date("Date")?;
                if !self.can_edit() {
                    return Err(
                        "This meeting is read-only, so it cannot record the approval.".into(),
                    );
                }
                self.request(Request::Approve {
                    id: id.clone(),
                    by: by.to_string(),
                    on,
                    at: self.meeting.id.clone(),
                });
                Ok(())
            })(),
            Purpose::Erratum(id) => (|| {
                let text = form.value("Correction");
                if text.is_empty() {
                    return Err("Correction: write what is corrected.".into());
                }
                let on = date("Date")?;
                let item = form.value("Item").trim_end_matches('.');
                if !item.is_empty() && !item.split('.').all(|p| p.parse::<usize>().is_ok()) {
                    return Err(format!(
                        "Item: {item:?} is not an item number such as 4 or 4.2."
                    ));
                }
                self.request(Request::Erratum {
                    id: id.clone(),
                    date: on,
                    item_number: (!item.is_empty()).then(|| item.to_string()),
                    text: text.to_string(),
                });
                Ok(())
            })(),
            Purpose::Export(of) => self.export_request(&of.clone(), form),
            Purpose::Search => {
                let words = form.value("Words");
                if words.is_empty() {
                    Err("Words: type what to look for.".to_string())
                } else {
                    self.request(Request::Search(words.to_string()));
                    Ok(())
                }
            }
            Purpose::OwnerFilter => {
                let who = form.value("Owner");
                if let ArchiveView::Actions { owner, .. } = &mut self.archive.view {
                    *owner = (!who.is_empty()).then(|| who.to_string());
                }
                self.archive.sel = 0;
                Ok(())
            }
            _ => return None,
        })
    }
}
