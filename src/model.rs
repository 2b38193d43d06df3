//! The domain of a board meeting: plain serde data and pure functions, no terminal, no disk.

pub mod action;
pub mod agenda;
pub mod apologies;
pub mod approval;
pub mod attendance;
pub mod board;
pub mod board_migration;
pub mod brief;
pub mod carry;
pub mod clock;
pub mod declarations;
pub mod details;
pub mod exclusion;
pub mod ids;
pub mod iha_children;
pub mod meeting;
pub mod minute_numbers;
pub mod origins;
pub mod reading;
pub mod register;
pub mod rename;
pub mod resolution;
pub mod running;
pub mod standing;
pub mod template;
pub mod timing_rules;
pub mod validate;
pub mod working_days;

pub use action::{ActionItem, ActionStatus, ActionUpdate, Due, RaisedIn};
pub use agenda::{
    AgendaItem, Decision, DecisionKind, Exemption, ItemKind, ItemRole, ItemStatus, Principle,
};
pub use attendance::{Attendance, Presence, Quorum, Role};
pub use board::{Board, BoardId, Member, UsualDay, WeekOfMonth, YoungPeopleNamed};
pub use declarations::{Declaration, InterestKind};
pub use ids::{ActionId, IdError, ItemId, MeetingId};
pub use meeting::{Meeting, MeetingBoard, MeetingStatus, Minuting};
pub use minute_numbers::{MinuteRef, MinuteYear};
pub use origins::Origins;
pub use resolution::{Cast, NamedVote, Vote, VoteResult};
pub use standing::{Better, Figure, IhaFigures, Standing, Unit};
pub use template::Template;
pub use working_days::{Calendar, CalendarError};
