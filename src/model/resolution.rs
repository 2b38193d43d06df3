//! The procedure of a resolution: who moved and seconded it, and how the vote went.

use serde::{Deserialize, Serialize};

/// How one member voted in a recorded (named) vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cast {
    For,
    Against,
    Abstain,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedVote {
    pub name: String,
    pub cast: Cast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteResult {
    Carried,
    Lost,
}

/// A vote on a motion: the counts, the result, and the names where a recorded vote was
/// asked for (then the counts are the names'). A tie is decided by the chair's casting vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    #[serde(rename = "for")]
    pub in_favour: u32,
    pub against: u32,
    pub abstained: u32,
    pub result: VoteResult,
    /// The chair's casting vote decided a tie.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub casting_vote: bool,
    /// A recorded vote: how each member voted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named: Vec<NamedVote>,
}
