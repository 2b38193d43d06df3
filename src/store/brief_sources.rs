//! What a brief of the item in hand reads besides the meeting: the board's earlier
//! meetings' figures (from the listing's summaries) and its last meeting in full.

use super::{Result, Store, Summary};
use crate::model::brief::History;
use crate::model::{BoardId, Meeting};

/// The figures' history from `earlier` summaries, oldest first.
pub fn history_of<'a>(earlier: impl IntoIterator<Item = &'a Summary>) -> History {
    let mut history = History::default();
    for s in earlier {
        history.meetings.push((s.date, s.id.clone()));
        if let Some(rate) = s.iha.and_then(|p| p.rate()) {
            history.iha.push((s.date, rate));
        }
        for (key, value) in &s.figures {
            match history.figures.iter_mut().find(|(k, _)| k == key) {
                Some((_, values)) => values.push((s.date, *value)),
                None => history.figures.push((key.clone(), vec![(s.date, *value)])),
            }
        }
    }
    history
}

/// Whether a listed meeting is of the board `board` (every one is, where it is not known).
pub fn of_board(s: &Summary, board: Option<&BoardId>) -> bool {
    board.is_none_or(|id| s.board_id.as_ref() == Some(id))
}

impl Store {
    /// The board's meetings before `m`, oldest first, as listed.
    pub fn earlier_than(&self, m: &Meeting) -> Result<Vec<Summary>> {
        let this = (m.date, &m.id);
        // A record written before boards were records names its board only by name.
        let board = match &m.board.id {
            Some(id) => Some(id.clone()),
            None => self.board_of(&m.board)?.map(|b| b.id),
        };
        Ok(self
            .list()?
            .meetings
            .into_iter()
            .filter(|s| (s.date, &s.id) < this && of_board(s, board.as_ref()))
            .collect())
    }

    /// The board's last meeting before `m`, read in full, and the figures' history.
    pub fn brief_sources(&self, m: &Meeting) -> Result<(Option<Meeting>, History)> {
        let earlier = self.earlier_than(m)?;
        let last = match earlier.last() {
            Some(s) => Some(self.load(&s.id)?.meeting),
            None => None,
        };
        Ok((last, history_of(&earlier)))
    }
}
