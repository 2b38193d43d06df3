//! Recording a decision or a resolution under the item being minuted, with its procedure
//! when a motion was put: who moved and seconded it, and the vote. Opened again on a
//! recorded decision, it changes it (clearing the vote's fields removes the vote).

use super::{Fields, Spec};
use crate::app::App;
use crate::app::form::{Form, LineInput, Shown, Value};
use crate::model::resolution::{self, Part, Refused, vote_from};
use crate::model::{Decision as Recorded, DecisionKind, ItemId, NamedVote, VoteResult};

/// The first field's label is what is recorded ("Decision", "Resolution"): written by hand
/// because that label varies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub item: ItemId,
    pub kind: DecisionKind,
    /// The item's decision being changed; `None`: a new one.
    pub editing: Option<usize>,
    /// A recorded vote's names, kept as they were when the decision is changed.
    pub named: Vec<NamedVote>,
    pub text: LineInput,
    pub moved_by: LineInput,
    pub seconded_by: LineInput,
    pub in_favour: LineInput,
    pub against: LineInput,
    pub abstained: LineInput,
    pub result: LineInput,
}

pub fn open(item: ItemId, kind: DecisionKind) -> Form {
    let form = Decision {
        item,
        kind,
        editing: None,
        named: Vec::new(),
        text: LineInput::new(""),
        moved_by: LineInput::new(""),
        seconded_by: LineInput::new(""),
        in_favour: LineInput::new(""),
        against: LineInput::new(""),
        abstained: LineInput::new(""),
        result: LineInput::new(""),
    };
    Form::new(format!("Record a {}", form.label().to_lowercase()), form)
}

/// The item's last decision, to change; refused in the flash if it has none.
pub fn edit(app: &mut App) -> Option<Form> {
    let item = app.minutes.item?;
    let found = app.meeting.item(item).and_then(|it| {
        let at = it.decisions.len().checked_sub(1)?;
        Some((at, it.decisions[at].clone()))
    });
    let Some((at, d)) = found else {
        app.flash = Some("This item has no decision or resolution recorded yet.".into());
        return None;
    };
    let count = |n: Option<u32>| LineInput::new(n.map_or_else(String::new, |n| n.to_string()));
    let v = d.vote.as_ref();
    let form = Decision {
        item,
        kind: d.kind,
        editing: Some(at),
        named: v.map(|v| v.named.clone()).unwrap_or_default(),
        text: LineInput::new(d.text.clone()),
        moved_by: LineInput::new(d.moved_by.clone()),
        seconded_by: LineInput::new(d.seconded_by.clone()),
        in_favour: count(v.map(|v| v.in_favour)),
        against: count(v.map(|v| v.against)),
        abstained: count(v.map(|v| v.abstained)),
        result: LineInput::new(v.map_or("", |v| v.result.word())),
    };
    Some(Form::new(
        format!("Change the {}", form.label().to_lowercase()),
        form,
    ))
}

impl Decision {
    fn label(&self) -> &'static str {
        crate::words::decision_noun(self.kind)
    }
}

const LABELS: [&str; 6] = [
    "Moved by",
    "Seconded by",
    "For",
    "Against",
    "Abstained",
    "Result",
];

impl Fields for Decision {
    fn shown(&self) -> Vec<Shown<'_>> {
        let hints = [
            "as the attendance names them (optional)",
            "(optional)",
            "votes for (leave the vote blank if agreed without one)",
            "votes against",
            "abstentions",
            "carried or lost (blank: as the counts give it; on a tie, the chair's casting vote)",
        ];
        let inputs = [
            &self.moved_by,
            &self.seconded_by,
            &self.in_favour,
            &self.against,
            &self.abstained,
            &self.result,
        ];
        let first = Shown {
            label: self.label(),
            hint: "as it should read in the minutes: \"That …\"".into(),
            input: &self.text,
        };
        let rest = LABELS.iter().zip(hints).zip(inputs);
        std::iter::once(first)
            .chain(rest.map(|((label, hint), input)| Shown {
                label,
                hint: hint.into(),
                input,
            }))
            .collect()
    }

    fn inputs_mut(&mut self) -> Vec<&mut LineInput> {
        vec![
            &mut self.text,
            &mut self.moved_by,
            &mut self.seconded_by,
            &mut self.in_favour,
            &mut self.against,
            &mut self.abstained,
            &mut self.result,
        ]
    }
}

/// A count typed in a field: blank is none.
fn count(label: &str, input: &LineInput) -> Result<Option<u32>, String> {
    let v = Value::new(label, input);
    match v.text {
        "" => Ok(None),
        t => t
            .parse()
            .map(Some)
            .map_err(|_| v.refuse(format!("{t:?} is not a number of votes"))),
    }
}

/// The field a refusal is about, so the form names it.
fn field_of(why: &Refused) -> &'static str {
    match why {
        Refused::LeftTheRoom { part, .. }
        | Refused::NotThere { part, .. }
        | Refused::NotPresent { part, .. } => match part {
            Part::Moved => "Moved by",
            Part::Seconded => "Seconded by",
            Part::Voted => "Vote",
        },
        Refused::NoSuchItem
        | Refused::TooManyVotes { .. }
        | Refused::NotVoting { .. }
        | Refused::NamedTwice { .. }
        | Refused::CountsNotNames { .. } => "Vote",
        Refused::ResultContradicts { .. }
        | Refused::TieWithoutCastingVote { .. }
        | Refused::CastingVoteWithoutTie { .. }
        | Refused::CastingVoteWhichWay { .. } => "Result",
    }
}

impl Decision {
    /// The decision as typed, its vote built as the checks expect.
    fn typed(&self) -> Result<Recorded, String> {
        let text = Value::new(self.label(), &self.text).required()?;
        let counts = [
            count("For", &self.in_favour)?,
            count("Against", &self.against)?,
            count("Abstained", &self.abstained)?,
        ];
        let counts = counts
            .iter()
            .any(Option::is_some)
            .then(|| counts.map(|c| c.unwrap_or(0)));
        let result = Value::new("Result", &self.result);
        let result =
            match result.text {
                "" => None,
                t => Some(VoteResult::parse(t).ok_or_else(|| {
                    result.refuse(format!("{t:?} is not {}", VoteResult::choices()))
                })?),
            };
        // A recorded vote's names go with its counts; without counts there is no vote.
        let named = counts.map_or_else(Vec::new, |_| self.named.clone());
        let vote = vote_from(counts, result, None, named)
            .map_err(|why| format!("{}: {why}", field_of(&why)))?;
        let mut d = Recorded::new(self.kind, crate::words::without_decision_mark(&text));
        d.moved_by = Value::new("Moved by", &self.moved_by).text.to_string();
        d.seconded_by = Value::new("Seconded by", &self.seconded_by)
            .text
            .to_string();
        d.vote = vote;
        Ok(d)
    }
}

impl Spec for Decision {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let d = self.typed()?;
        let warning = resolution::record(&mut app.meeting, self.item, self.editing, d)
            .map_err(|why| format!("{}: {why}", field_of(&why)))?;
        // The decision record is the decision: the minutes text does not repeat it
        // (every document would read it twice). The pane lists it under the title.
        let done = match self.editing {
            Some(_) => "changed",
            None => "recorded under the item's title",
        };
        let mut flash = format!("{} {done}.", self.label());
        if let Some(warning) = warning {
            flash.push_str(&format!(" Note: {warning}."));
        }
        app.flash = Some(flash);
        Ok(())
    }
}
