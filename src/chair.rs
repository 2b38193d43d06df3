//! The chair's screen: `minutebook chair [ID]` shows the meeting read-only as the item in
//! hand and follows the clerk's workspace on the same data directory. It never writes a
//! file and never takes the meeting's lock.

pub mod draw;
pub mod follow;
pub mod run;
pub mod screen;
