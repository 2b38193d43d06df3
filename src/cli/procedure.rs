//! `minutebook declare` and `minutebook resolve`: a declaration of interest, or a decision
//! with its mover, seconder and vote, recorded in a meeting from a script, through the same
//! checks as the workspace's forms; a refusal writes nothing.

use clap::Args;
use serde::Serialize;

use super::output::{say, tell};
use super::{Failure, Outcome};
use crate::model::resolution::{self, vote_from};
use crate::model::{
    Cast, Decision, DecisionKind, Declaration, InterestKind, ItemId, Meeting, MeetingId,
    MeetingStatus, NamedVote, VoteResult, agenda, declarations,
};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct DeclareArgs {
    /// The meeting's id, e.g. 2026-06-10
    id: String,
    /// Who declares it, as the attendance names them
    #[arg(long, value_name = "NAME")]
    member: String,
    /// The item the interest is in, by number, e.g. 4.1
    #[arg(long, value_name = "N")]
    item: String,
    /// The kind of interest
    #[arg(long, value_name = "pecuniary|other-registrable|non-registrable", value_parser = parse_kind)]
    kind: InterestKind,
    /// What the interest is, e.g. "her daughter is a foster carer for the council"
    #[arg(long, value_name = "TEXT")]
    nature: String,
    /// The member left the room while the item was taken (and took no part in its vote)
    #[arg(long)]
    left_room: bool,
    /// Print the declaration as recorded, as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The meeting's id, e.g. 2026-06-10
    id: String,
    /// The item it is recorded under, by number, e.g. 4.1
    #[arg(long, value_name = "N")]
    item: String,
    /// What was resolved, as the minutes read it: "That …" (the RESOLVED mark is the documents')
    #[arg(long, value_name = "TEXT")]
    text: String,
    /// A resolution (RESOLVED) or a decision (DECISION)
    #[arg(long, value_enum, default_value = "resolution")]
    kind: Kind,
    /// Who moved the motion
    #[arg(long, value_name = "NAME")]
    moved_by: Option<String>,
    /// Who seconded it
    #[arg(long, value_name = "NAME")]
    seconded_by: Option<String>,
    /// Votes for (with --against and --abstained; from --named when not given)
    #[arg(long = "for", value_name = "N")]
    in_favour: Option<u32>,
    /// Votes against
    #[arg(long, value_name = "N")]
    against: Option<u32>,
    /// Abstentions
    #[arg(long, value_name = "N")]
    abstained: Option<u32>,
    /// The result (default: as the counts give it)
    #[arg(long, value_name = "carried|lost", value_parser = parse_result)]
    result: Option<VoteResult>,
    /// The chair's casting vote decided a tie (say which way with --result)
    #[arg(long)]
    casting_vote: bool,
    /// A recorded vote: how each member voted, e.g. "Cllr Lee=for,Cllr Shah=against,Cllr Ng=abstain"
    #[arg(long, value_name = "NAME=for|against|abstain,…")]
    named: Option<String>,
    /// Print the decision as recorded, as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Kind {
    Resolution,
    Decision,
}

fn parse_kind(s: &str) -> Result<InterestKind, String> {
    InterestKind::parse(s).ok_or_else(|| {
        format!("{s:?} is not a kind of interest: pecuniary, other-registrable or non-registrable")
    })
}

fn parse_result(s: &str) -> Result<VoteResult, String> {
    VoteResult::parse(s).ok_or_else(|| format!("{s:?} is not a result: carried or lost"))
}

/// "Cllr Lee=for,Cllr Shah=against" → the recorded vote's names.
fn parse_named(s: &str) -> Result<Vec<NamedVote>, Failure> {
    s.split(',')
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            let bad = |why: &str| Failure(format!("--named {part:?}: {why}"));
            let (name, cast) = part
                .rsplit_once('=')
                .ok_or_else(|| bad("give each member as NAME=for, NAME=against or NAME=abstain"))?;
            let cast =
                Cast::parse(cast).ok_or_else(|| bad("the vote is for, against or abstain"))?;
            match name.trim() {
                "" => Err(bad("the member's name is missing")),
                name => Ok(NamedVote {
                    name: name.to_string(),
                    cast,
                }),
            }
        })
        .collect()
}

/// Minutes approved are sealed: procedure is recorded before approval, or by erratum.
fn unsealed(m: &Meeting) -> Result<(), String> {
    match m.status {
        MeetingStatus::Approved => Err(format!(
            "its minutes are approved and sealed; record a correction with `minutebook erratum {} \
             --text …`",
            m.id
        )),
        MeetingStatus::Planned | MeetingStatus::InProgress | MeetingStatus::Draft => Ok(()),
    }
}

fn item_at(m: &Meeting, number: &str) -> Result<ItemId, String> {
    agenda::id_at_number(&m.agenda, number).ok_or_else(|| format!("there is no item {number}"))
}

#[derive(Serialize)]
struct Declared<'a> {
    meeting: &'a MeetingId,
    item: String,
    declaration: &'a Declaration,
}

pub fn declare(store: &Store, args: DeclareArgs) -> Outcome {
    let id = MeetingId::parse(&args.id)?;
    let ((declaration, item), outcome) = store.amend(&id, |m| {
        unsealed(m)?;
        let item = item_at(m, &args.item)?;
        let d = Declaration {
            member: args.member.trim().to_string(),
            item,
            kind: args.kind,
            nature: args.nature.clone(),
            left_room: args.left_room,
        };
        declarations::record(m, d).map_err(|why| format!("--member {:?}: {why}", args.member))?;
        let recorded = m.declarations.last().cloned().expect("just recorded");
        Ok((recorded, number(m, item)))
    })?;
    if args.json {
        let out = Declared {
            meeting: &id,
            item,
            declaration: &declaration,
        };
        say!("{}", crate::cli::output::json(&out));
    } else {
        say!(
            "Recorded in meeting {id}, item {item}: {}",
            crate::words::declaration_line(&declaration)
        );
    }
    super::approval::warn_not_durable(outcome.note());
    Ok(())
}

fn number(m: &Meeting, item: ItemId) -> String {
    agenda::number_of(&m.agenda, item).map_or_else(String::new, |n| n.to_string())
}

#[derive(Serialize)]
struct Resolved<'a> {
    meeting: &'a MeetingId,
    item: String,
    decision: &'a Decision,
    #[serde(skip_serializing_if = "Option::is_none")]
    warning: Option<&'a str>,
}

/// The decision the arguments describe, its vote built as the checks expect.
fn decision(args: &ResolveArgs) -> Result<Decision, Failure> {
    let kind = match args.kind {
        Kind::Resolution => DecisionKind::Resolution,
        Kind::Decision => DecisionKind::Decision,
    };
    let text = crate::words::without_decision_mark(&args.text);
    if text.is_empty() {
        return Err(Failure("--text: say what was resolved".into()));
    }
    let counts = match (args.in_favour, args.against, args.abstained) {
        (None, None, None) => None,
        (f, a, ab) => Some([f.unwrap_or(0), a.unwrap_or(0), ab.unwrap_or(0)]),
    };
    let named = args.named.as_deref().map(parse_named).transpose()?;
    let vote = vote_from(
        counts,
        args.result,
        Some(args.casting_vote),
        named.unwrap_or_default(),
    )
    .map_err(|e| Failure(e.to_string()))?;
    let mut d = Decision::new(kind, text);
    d.moved_by = args.moved_by.clone().unwrap_or_default();
    d.seconded_by = args.seconded_by.clone().unwrap_or_default();
    d.vote = vote;
    Ok(d)
}

pub fn resolve(store: &Store, args: ResolveArgs) -> Outcome {
    let id = MeetingId::parse(&args.id)?;
    let asked = decision(&args)?;
    let ((recorded, item, warning), outcome) = store.amend(&id, |m| {
        unsealed(m)?;
        let item = item_at(m, &args.item)?;
        let warning = resolution::record(m, item, None, asked)
            .map_err(|why| format!("item {}: {why}", args.item))?;
        let it = m.item(item).expect("just recorded under it");
        let recorded = it.decisions.last().cloned().expect("just recorded");
        Ok((recorded, number(m, item), warning))
    })?;
    if args.json {
        let out = Resolved {
            meeting: &id,
            item,
            decision: &recorded,
            warning: warning.as_deref(),
        };
        say!("{}", crate::cli::output::json(&out));
    } else {
        let procedure =
            crate::words::procedure_line(&recorded).map_or_else(String::new, |p| format!(" {p}"));
        say!(
            "Recorded in meeting {id}, item {item}: {} {}{procedure}",
            crate::words::decision_mark(recorded.kind),
            recorded.text
        );
    }
    if let Some(warning) = &warning {
        tell!("minutebook: warning: {warning}");
    }
    super::approval::warn_not_durable(outcome.note());
    Ok(())
}
