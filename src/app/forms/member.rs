//! One member of a board's roster, added or edited: the roster is where every new meeting's
//! attendance starts, so a change here reaches new meetings, not the one open.

use super::export::yes_no;
use super::{Changes, Spec};
use crate::app::App;
use crate::app::archive::Request;
use crate::app::form::{Form, LineInput};
use crate::model::{Board, Member, Role};

form! {
    MemberForm { board: Box<Board>, index: Option<usize> }
    name: "Name" => "as the minutes name them; a young person by first name only",
    role: "Role" => Role::choices(),
    position: "Position" => "e.g. Lead Member for Children's Services (optional)",
    voting: "Voting" => "yes or no: co-opted members and young people usually do not vote",
    chair: "Chair" => "chair, vice-chair or none",
    substitutes: "Substitutes" => "who may attend in their place, separated by commas",
}

/// The form for member `index` of `board`, or a new member (the chair, if `chair`).
pub fn form(board: Board, index: Option<usize>, chair: bool) -> Form {
    let m = index.and_then(|i| board.members.get(i)).cloned();
    let m = m.unwrap_or_else(|| {
        let mut m = Member::new("", Role::Member, "");
        m.chair = chair;
        m
    });
    let office = match (m.chair, m.vice_chair) {
        (true, _) => "chair",
        (false, true) => "vice-chair",
        (false, false) => "none",
    };
    // Said where it is typed: the roster reaches new meetings, not the one open.
    let title = match (index, chair) {
        (Some(_), _) => format!(
            "{} roster: {} (new meetings start from it)",
            board.code, m.name
        ),
        (None, true) => format!("The chair of {}", board.name),
        (None, false) => format!(
            "{} roster: a new member (new meetings start from it)",
            board.code
        ),
    };
    let f = MemberForm {
        name: LineInput::new(&m.name),
        role: LineInput::new(m.role.label()),
        position: LineInput::new(&m.position),
        voting: LineInput::new(if m.voting { "yes" } else { "no" }),
        chair: LineInput::new(office),
        substitutes: LineInput::new(m.substitutes.join(", ")),
        board: Box::new(board),
        index,
    };
    Form::new(title, f)
}

impl MemberForm {
    /// The board with this member added or changed; refused naming the field, or for the
    /// roster as a whole (a second chair, a name twice).
    pub fn apply(&self) -> Result<(Board, String), String> {
        let Values {
            name,
            role,
            position,
            voting,
            chair,
            substitutes,
        } = self.values();
        let role_typed = role;
        let role = Role::parse(role.text).ok_or_else(|| {
            role_typed.refuse(format!("{:?} is not one of {}", role.text, Role::choices()))
        })?;
        let mut m = Member::new(name.required()?, role, position.text);
        m.voting = yes_no(voting)?;
        (m.chair, m.vice_chair) = match chair.text.to_lowercase().as_str() {
            "chair" | "c" => (true, false),
            "vice-chair" | "vice chair" | "vice" | "v" => (false, true),
            "none" | "no" | "" => (false, false),
            other => {
                return Err(chair.refuse(format!("{other:?}: write chair, vice-chair or none")));
            }
        };
        m.substitutes = substitutes
            .text
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let mut board = (*self.board).clone();
        let named = m.name.clone();
        match self.index.filter(|i| *i < board.members.len()) {
            Some(i) => board.members[i] = m,
            None => board.members.push(m),
        }
        match board.roster_problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok((board, named)),
        }
    }
}

impl Spec for MemberForm {
    fn changes(&self) -> Changes {
        Changes::Elsewhere
    }

    fn submit(&self, app: &mut App) -> Result<(), String> {
        let (board, named) = self.apply()?;
        // A new member may be wanted at this meeting too: asked once the roster is saved.
        let added = self.index.is_none().then_some(named);
        app.request(Request::SaveBoard {
            board: Box::new(board),
            create: false,
            added,
        });
        Ok(())
    }
}
