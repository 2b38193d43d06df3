//! Doing what the workspace asks of other records: the I/O behind [`Request`]s, apart
//! from the terminal so it can be tested (and benchmarked) on its own.

use crate::app::archive::{Reply, Request};
use crate::model::agenda;
use crate::model::approval::{self, Erratum};
use crate::model::carry::long_date;
use crate::store::Store;

/// Does `request` and says how it went.
pub fn answer(store: &Store, request: Request) -> Reply {
    match request {
        Request::Open { id, item } => match store.load(&id) {
            Ok(loaded) => Reply::Opened {
                meeting: Box::new(loaded.meeting),
                item,
            },
            Err(e) => Reply::Failed(format!("Could not open {id}: {e}.")),
        },
        Request::Approve { id, by, on, at } => {
            let sealed = store.amend(&id, |m| {
                approval::approve(m, &by, &at, on).map_err(|e| e.to_string())?;
                Ok(m.approval.as_ref().map(|a| a.seal.sha256.clone()))
            });
            match sealed {
                Ok(sha) => Reply::Approved {
                    id,
                    date: on,
                    by,
                    sha256: sha.unwrap_or_default(),
                },
                Err(e) => Reply::Failed(format!("Not approved: {e}.")),
            }
        }
        Request::Erratum {
            id,
            date,
            item_number,
            text,
        } => {
            let done = store.amend(&id, |m| {
                let item = match &item_number {
                    Some(n) => Some(agenda::id_at_number(&m.agenda, n).ok_or_else(|| {
                        format!("the meeting of {} has no item {n}", long_date(m.date))
                    })?),
                    None => None,
                };
                let erratum = Erratum {
                    date,
                    item,
                    text: text.clone(),
                    agreed_at: None,
                };
                approval::add_erratum(m, erratum).map_err(|e| e.to_string())
            });
            match done {
                Ok(()) => Reply::ErratumRecorded { id },
                Err(e) => Reply::Failed(format!("Erratum not recorded: {e}.")),
            }
        }
    }
}
