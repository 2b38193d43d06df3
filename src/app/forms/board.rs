//! The board's own record: its name, council, code, quorum, when and where it usually meets,
//! its template, its clerk and how young people are named. The roster is `member.rs`'s.

use super::{Changes, Spec};
use crate::app::App;
use crate::app::archive::Request;
use crate::app::form::{Form, LineInput};
use crate::model::template::BUILTIN;
use crate::model::{Board, BoardId, MeetingBoard, YoungPeopleNamed};
use crate::words::{parse_usual_day, usual_day_words};

form! {
    BoardForm { base: Box<Board>, create: bool, id_from_code: bool }
    name: "Name" => "e.g. Corporate Parenting Board",
    council: "Council" => "e.g. Dorset Council",
    code: "Code" => "for minute references, e.g. CPB (it names the board's file when new)",
    quorum: "Quorum" => "voting members who must be present, e.g. 3",
    usual_day: "Usual day" => "e.g. second Wednesday, last Friday, Tuesday; blank: none",
    usual_time: "Usual time" => "HH:MM, e.g. 14:00; blank: the template's",
    venue: "Venue" => "e.g. Committee Room 1, County Hall",
    template: "Template" => format!("the agenda new meetings start from: {}", builtin_names()),
    clerk: "Clerk" => "the democratic services officer who clerks it",
    young_people: "Young people" => format!("public documents name them by {}", YoungPeopleNamed::choices()),
}

fn builtin_names() -> String {
    BUILTIN
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A board record to start from when there is none: named as `m` (a meeting's snapshot
/// of its board, if any), the built-in template, no roster yet.
pub fn blank(m: Option<&MeetingBoard>) -> Board {
    let named = m.and_then(|m| m.id.clone());
    Board {
        code: named
            .as_ref()
            .map_or_else(String::new, |id| id.as_str().to_uppercase()),
        minute_year: Default::default(),
        item_times_in_minutes: false,
        contact: String::new(),
        id: named.unwrap_or_else(|| BoardId::parse("board").expect("a valid id")),
        name: m.map_or_else(String::new, |m| m.name.clone()),
        council: String::new(),
        quorum: m.map_or(3, |m| m.quorum),
        venue: String::new(),
        usual_day: None,
        usual_time: None,
        template: BUILTIN[0].0.to_string(),
        members: Vec::new(),
        young_people: YoungPeopleNamed::RoleOnly,
        clerk: String::new(),
        // A meeting made before its board had a record is its board's by this name.
        adopts: m
            .filter(|m| m.id.is_none())
            .map(|m| m.name.clone())
            .into_iter()
            .collect(),
    }
}

/// The form over `board`; `create` when it is not on disk yet, its id then from the code
/// typed if `id_from_code` (else the id a meeting already names it by).
pub fn form(board: Board, create: bool, id_from_code: bool) -> Form {
    let f = BoardForm {
        name: LineInput::new(&board.name),
        council: LineInput::new(&board.council),
        code: LineInput::new(&board.code),
        quorum: LineInput::new(board.quorum.to_string()),
        usual_day: LineInput::new(usual_day_words(board.usual_day)),
        usual_time: LineInput::new(board.usual_time.map(crate::words::time).unwrap_or_default()),
        venue: LineInput::new(&board.venue),
        template: LineInput::new(&board.template),
        clerk: LineInput::new(&board.clerk),
        young_people: LineInput::new(board.young_people.word()),
        base: Box::new(board),
        create,
        id_from_code,
    };
    let title = match create {
        true => "A new board: its record (the roster comes next)".to_string(),
        false => format!("The board: {}", f.base.name),
    };
    Form::new(title, f)
}

/// `B` then the board's key: the meeting's board record, or a new one named as the meeting's.
pub fn open(app: &mut App) -> Option<Form> {
    Some(match &app.board {
        Some(b) => form(b.clone(), false, false),
        None => {
            let from_code = app.meeting.board.id.is_none();
            form(blank(Some(&app.meeting.board)), true, from_code)
        }
    })
}

impl BoardForm {
    /// The record as typed, checked field by field (a refusal names the field).
    pub fn build(&self) -> Result<Board, String> {
        let Values {
            name,
            council,
            code,
            quorum,
            usual_day,
            usual_time,
            venue,
            template,
            clerk,
            young_people,
        } = self.values();
        let mut b = (*self.base).clone();
        if self.id_from_code {
            b.id = BoardId::from_code(code.text).map_err(|e| code.refuse(e))?;
        }
        b.name = name.required()?;
        b.council = council.text.to_string();
        b.code = code.required()?;
        b.quorum = quorum
            .text
            .parse()
            .map_err(|_| quorum.refuse(format!("{:?} is not a whole number", quorum.text)))?;
        b.usual_day = parse_usual_day(usual_day.text).map_err(|e| usual_day.refuse(e))?;
        b.usual_time = usual_time.time()?;
        b.venue = venue.text.to_string();
        // A built-in name, or the one the record already holds (a file of the data
        // directory's templates/ is not listed here to check against).
        let known = BUILTIN.iter().any(|(n, _)| *n == template.text);
        if !known && template.text != self.base.template {
            return Err(template.refuse(format!(
                "{:?} is not a built-in template: use {}",
                template.text,
                builtin_names()
            )));
        }
        b.template = template.text.to_string();
        b.clerk = clerk.text.to_string();
        b.young_people = YoungPeopleNamed::parse(young_people.text).ok_or_else(|| {
            young_people.refuse(format!(
                "{:?} is not one of {}",
                young_people.text,
                YoungPeopleNamed::choices()
            ))
        })?;
        match b.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(b),
        }
    }
}

impl Spec for BoardForm {
    fn changes(&self) -> Changes {
        Changes::Elsewhere
    }

    fn submit(&self, app: &mut App) -> Result<(), String> {
        let board = self.build()?;
        app.request(Request::SaveBoard {
            board: Box::new(board),
            create: self.create,
            added: None,
        });
        Ok(())
    }
}
