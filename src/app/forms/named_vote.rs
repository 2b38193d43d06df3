//! A recorded (named) vote on the item's last decision: one field for each voting member
//! in the room for the item, saying how they voted; the vote's counts become the names'.

use super::{Fields, Spec};
use crate::app::App;
use crate::app::form::{Form, LineInput, Shown, Value};
use crate::model::resolution::{self, Refused, vote_from};
use crate::model::{Cast, Decision, ItemId, NamedVote};

/// One field per voter, labelled with their name: written by hand because the labels
/// are the attendance's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedVoteForm {
    pub item: ItemId,
    /// Which of the item's decisions the vote was on.
    pub decision: usize,
    pub names: Vec<String>,
    pub casts: Vec<LineInput>,
}

/// Opens on the item's last decision, listing the voting members in the room for it.
pub fn open(app: &mut App) -> Option<Form> {
    let item = app.minutes.item?;
    let Some((at, d)) = app.meeting.item(item).and_then(|it| {
        let at = it.decisions.len().checked_sub(1)?;
        Some((at, &it.decisions[at]))
    }) else {
        app.flash = Some(
            "Record the decision or resolution first; its recorded vote is taken on it.".into(),
        );
        return None;
    };
    let names: Vec<String> = resolution::voting_present(&app.meeting, item)
        .into_iter()
        .map(|a| a.name.clone())
        .collect();
    if names.is_empty() {
        app.flash = Some(
            "No voting member is marked present for this item: take the attendance first.".into(),
        );
        return None;
    }
    let named = d.vote.as_ref().map_or(&[][..], |v| &v.named[..]);
    let casts = names
        .iter()
        .map(|n| {
            let cast = named.iter().find(|v| resolution::same_name(&v.name, n));
            LineInput::new(cast.map_or("", |v| v.cast.word()))
        })
        .collect();
    let form = NamedVoteForm {
        item,
        decision: at,
        names,
        casts,
    };
    Some(Form::new("Recorded vote: how each member voted", form))
}

impl Fields for NamedVoteForm {
    fn shown(&self) -> Vec<Shown<'_>> {
        self.names
            .iter()
            .zip(&self.casts)
            .map(|(name, input)| Shown {
                label: name,
                hint: format!("{} (blank: did not vote)", Cast::choices()).into(),
                input,
            })
            .collect()
    }

    fn inputs_mut(&mut self) -> Vec<&mut LineInput> {
        self.casts.iter_mut().collect()
    }
}

impl NamedVoteForm {
    fn named(&self) -> Result<Vec<NamedVote>, String> {
        let mut named = Vec::new();
        for (name, input) in self.names.iter().zip(&self.casts) {
            let v = Value::new(name, input);
            if v.text.is_empty() {
                continue;
            }
            let cast = Cast::parse(v.text)
                .ok_or_else(|| v.refuse(format!("{:?} is not {}", v.text, Cast::choices())))?;
            named.push(NamedVote {
                name: name.clone(),
                cast,
            });
        }
        Ok(named)
    }
}

impl Spec for NamedVoteForm {
    fn submit(&self, app: &mut App) -> Result<(), String> {
        let named = self.named()?;
        let Some(mut d) = app
            .meeting
            .item(self.item)
            .and_then(|it| it.decisions.get(self.decision))
            .cloned()
        else {
            return Err("that decision is no longer recorded".into());
        };
        if named.is_empty() {
            // Every field cleared: the names go, the counts and result stay.
            return match d.vote.as_mut().filter(|v| !v.named.is_empty()) {
                Some(v) => {
                    v.named.clear();
                    replace(app, self, d, "Recorded vote removed; the counts stay.")
                }
                None => Err("say how at least one member voted (for, against or abstain)".into()),
            };
        }
        // A tie keeps the result the decision gave, as the chair's casting vote decided it.
        let result = d.vote.as_ref().map(|v| v.result);
        let tally = vote_from(None, None, None, named.clone());
        let vote = match tally {
            Err(Refused::CastingVoteWhichWay { .. }) if result.is_some() => {
                vote_from(None, result, None, named)
            }
            other => other,
        }
        .map_err(|why| format!("Vote: {why} in the decision's Result field first"))?;
        d.vote = vote;
        replace(app, self, d, "Recorded vote saved with the decision.")
    }
}

/// Puts `d` back in place of the decision the form is on, through the vote checks.
fn replace(app: &mut App, form: &NamedVoteForm, d: Decision, done: &str) -> Result<(), String> {
    let warning = resolution::record(&mut app.meeting, form.item, Some(form.decision), d)
        .map_err(|why| format!("Vote: {why}"))?;
    let mut flash = done.to_string();
    if let Some(warning) = warning {
        flash.push_str(&format!(" Note: {warning}."));
    }
    app.flash = Some(flash);
    Ok(())
}
