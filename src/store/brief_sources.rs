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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::board_migration::board_from_meeting;
    use crate::model::standing::IhaFigures;
    use crate::model::{BoardId, MeetingId};

    /// A data directory holding the demo year as `minutebook demo --into` writes it, and a
    /// meeting of another board between November and December.
    fn demo_dir() -> (tempfile::TempDir, Store, Vec<Meeting>) {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path().join("data")).unwrap();
        let year = crate::demo::year();
        store.create_board(&crate::demo::board(&year)).unwrap();
        for m in &year {
            store.create(m).unwrap();
        }
        let mut panel = year.last().unwrap().clone();
        panel.date = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        panel.id = MeetingId::for_date(panel.date);
        panel.previous = None;
        panel.actions.clear();
        panel.board.name = "Fostering Panel".into();
        panel.board.id = Some(BoardId::from_code("FP").unwrap());
        panel.standing.iha = Some(IhaFigures {
            period_start: None,
            period_end: None,
            entered_care: 2,
            due: 2,
            within_20_days: 1,
            late: 1,
            outstanding: 0,
            commentary: String::new(),
        });
        let board = board_from_meeting(panel.board.id.clone().unwrap(), "FP".into(), &panel);
        store.create_board(&board).unwrap();
        store.create(&panel).unwrap();
        (tmp, store, year)
    }

    #[test]
    fn the_last_meeting_is_the_same_boards_latest_before_this_one() {
        let (_tmp, store, year) = demo_dir();
        let december = year.last().unwrap();
        let (last, history) = store.brief_sources(december).unwrap();
        let last = last.expect("November's meeting");
        assert_eq!(
            last.id.as_str(),
            "2026-11-11",
            "not the Fostering Panel's of 25 Nov"
        );
        assert_eq!(last.agenda, year[year.len() - 2].agenda, "read in full");
        let dates: Vec<String> = history
            .meetings
            .iter()
            .map(|(d, _)| d.to_string())
            .collect();
        assert_eq!(dates.len(), 9);
        assert_eq!(dates.first().map(String::as_str), Some("2026-02-11"));
        assert!(!dates.contains(&"2026-11-25".to_string()));
        // The board's first meeting has none before it.
        let (none, empty) = store.brief_sources(&year[0]).unwrap();
        assert_eq!((none, empty), (None, History::default()));
    }

    #[test]
    fn the_history_holds_the_boards_iha_rates_oldest_first() {
        let (_tmp, store, year) = demo_dir();
        let (_, history) = store.brief_sources(year.last().unwrap()).unwrap();
        let expected: Vec<_> = year[..year.len() - 1]
            .iter()
            .map(|m| (m.date, m.standing.iha.as_ref().unwrap().rate().unwrap()))
            .collect();
        assert_eq!(history.iha, expected);
        assert!(history.iha.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(history.of("iha").last().map(|p| p.1), Some(90.0));
        let placements: Vec<f64> = history
            .of("unregulated-placements")
            .iter()
            .map(|p| p.1)
            .collect();
        assert_eq!(placements, [4.0, 3.0, 3.0, 2.0, 2.0, 1.0, 2.0, 1.0, 1.0]);
    }
}
