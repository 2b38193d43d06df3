//! Approving minutes all or nothing: the seal on one meeting and the resolution at the
//! approving meeting are both written or neither is, and running the same approval again
//! completes whatever a failure (or a kill) between the two writes left undone.

use std::fmt;

use chrono::NaiveDate;

use crate::model::approval;
use crate::model::{Meeting, MeetingId, MeetingStatus};
use crate::store::{Handle, SaveOutcome, Store, StoreError};

/// Where the resolution approving the minutes went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// At the approving meeting's minutes item (now, or by an earlier run).
    Yes,
    /// The approving meeting has no "minutes of the previous meeting" item.
    NoMinutesItem,
    /// The approving meeting is not on record.
    NotOnRecord,
    /// The approving meeting is open in this workspace, which records it itself.
    ByCaller,
}

#[derive(Debug)]
pub struct Approved {
    pub sha256: String,
    pub recorded: Recorded,
    /// The same approval had already been sealed (a retry): nothing was sealed again.
    pub already: bool,
    /// Why a write is not yet durable, if one is not.
    pub not_durable: Option<String>,
}

#[derive(Debug)]
pub enum ApproveError {
    /// Nothing was changed.
    Failed(StoreError),
    /// The resolution is recorded but the seal failed, and taking the resolution back
    /// failed too: running the approval again completes it.
    HalfDone {
        at: MeetingId,
        seal: Box<StoreError>,
        undo: Box<StoreError>,
    },
}

impl From<StoreError> for ApproveError {
    fn from(e: StoreError) -> Self {
        ApproveError::Failed(e)
    }
}

impl fmt::Display for ApproveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApproveError::Failed(e) => write!(f, "{e}; nothing was sealed or recorded"),
            ApproveError::HalfDone { at, seal, undo } => write!(
                f,
                "the minutes were not sealed ({seal}), and the resolution already recorded at \
                 meeting {at} could not be taken back ({undo}); run the same approval again \
                 to complete it"
            ),
        }
    }
}

/// Approves the minutes of `id` at meeting `at` on `on`, signed by `by`. Both meetings
/// are locked and checked before anything is written. With `record_at` false the caller
/// holds `at` (the workspace that asked) and records the resolution there itself.
pub fn approve_minutes(
    store: &Store,
    id: &MeetingId,
    by: &str,
    at: &MeetingId,
    on: NaiveDate,
    record_at: bool,
) -> Result<Approved, ApproveError> {
    let by = by.trim();
    let refused = |id: &MeetingId| {
        let id = id.clone();
        move |reason: String| StoreError::Refused { id, reason }
    };
    let (mut minutes, mut minutes_handle) = store.open_to_change(id)?;
    let already = minutes.status == MeetingStatus::Approved
        && minutes
            .approval
            .as_ref()
            .is_some_and(|a| a.at_meeting == *at && a.approved_by == by && a.on == on);
    if !already {
        approval::approve(&mut minutes, by, at, on).map_err(|e| refused(id)(e.to_string()))?;
    }
    if at == id {
        return Err(refused(id)("minutes cannot be approved at their own meeting".into()).into());
    }
    // The approving meeting is taken before anything is sealed: if the resolution
    // cannot be recorded there, nothing is done.
    let mut approving = match record_at && store.exists(at) {
        true => Some(store.open_to_change(at)?),
        false => None,
    };
    if let Some((m, _)) = &approving
        && m.status == MeetingStatus::Approved
    {
        return Err(refused(at)(format!(
            "its own minutes are approved and sealed, so the resolution approving the minutes \
             of {id} cannot be recorded there"
        ))
        .into());
    }
    let before = approving.as_ref().map(|(m, _)| m.clone());
    let recorded = match &mut approving {
        None if record_at => Recorded::NotOnRecord,
        None => Recorded::ByCaller,
        Some((m, _)) => match approval::record_approval_in(m, minutes.date, by) {
            true => Recorded::Yes,
            false => Recorded::NoMinutesItem,
        },
    };

    let mut not_durable = None;
    let mut note = |o: SaveOutcome| {
        if let Some(n) = o.note() {
            not_durable.get_or_insert(n);
        }
    };
    // The resolution first: unlike a seal it can be taken back if the seal then fails.
    let mut wrote_resolution = None;
    if let (Some((m, handle)), Some(before)) = (&mut approving, &before)
        && m != before
    {
        note(store.save(handle, m)?);
        wrote_resolution = Some((handle, before));
    }
    if already {
        // Sealed by an earlier run, perhaps one whose directory sync failed: settle that.
        note(store.settle());
    } else {
        match store.save(&mut minutes_handle, &minutes) {
            Ok(outcome) => note(outcome),
            Err(seal) => {
                return Err(match wrote_resolution {
                    None => ApproveError::Failed(seal),
                    Some((handle, before)) => match take_back(store, handle, before) {
                        Ok(()) => ApproveError::Failed(seal),
                        Err(undo) => ApproveError::HalfDone {
                            at: at.clone(),
                            seal: Box::new(seal),
                            undo: Box::new(undo),
                        },
                    },
                });
            }
        }
    }
    Ok(Approved {
        sha256: minutes.approval.map(|a| a.seal.sha256).unwrap_or_default(),
        recorded,
        already,
        not_durable,
    })
}

fn take_back(store: &Store, handle: &mut Handle, before: &Meeting) -> Result<(), StoreError> {
    store.save(handle, before).map(|_| ())
}
