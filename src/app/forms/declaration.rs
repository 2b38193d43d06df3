//! Declaring an interest, at item 1 or when an item comes up: who, in which item (the one
//! being minuted unless another is given), what kind and what it is, and whether they left
//! the room (then they take no part in its vote).

use super::Spec;
use super::export::yes_no;
use crate::app::App;
use crate::app::form::{Form, LineInput};
use crate::model::{Declaration as Declared, InterestKind, agenda, declarations};

form! {
    Declaration {}
    member: "Member" => "as the attendance names them",
    item: "Item" => "its number on the agenda",
    kind: "Kind" => InterestKind::choices(),
    nature: "Interest" => "what it is, e.g. \"a governor of the school\"",
    left_room: "Left the room" => "yes or no: left while the item was taken (and did not vote)",
}

/// Opens on the item being minuted.
pub fn open(app: &mut App) -> Option<Form> {
    let number = app
        .minutes
        .item
        .and_then(|id| agenda::number_of(&app.meeting.agenda, id))
        .map_or_else(String::new, |n| n.to_string());
    let form = Declaration {
        member: LineInput::new(""),
        item: LineInput::new(number),
        kind: LineInput::new(""),
        nature: LineInput::new(""),
        left_room: LineInput::new("no"),
    };
    Some(Form::new("Declare an interest", form))
}

impl Spec for Declaration {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let Values {
            member,
            item,
            kind,
            nature,
            left_room,
        } = self.values();
        let name = member.required()?;
        let number = item.required()?;
        let item_id = agenda::id_at_number(&app.meeting.agenda, &number)
            .ok_or_else(|| item.refuse(format!("there is no item {number}")))?;
        let kind = InterestKind::parse(kind.text).ok_or_else(|| {
            kind.refuse(format!(
                "{:?} is not {}",
                kind.text,
                InterestKind::choices()
            ))
        })?;
        let d = Declared {
            member: name,
            item: item_id,
            kind,
            nature: nature.required()?,
            left_room: yes_no(left_room)?,
        };
        declarations::record(&mut app.meeting, d).map_err(|why| member.refuse(why))?;
        let recorded = app.meeting.declarations.last().expect("just recorded");
        app.flash = Some(format!(
            "Item {number}: {}",
            crate::words::declaration_line(recorded)
        ));
        Ok(())
    }
}
