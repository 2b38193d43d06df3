//! Standing figures reported at every meeting: IHA timeliness first, then the board's own.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The statutory Initial Health Assessment target: done within 20 working days.
pub const IHA_WORKING_DAYS: u32 = 20;
/// The agreed minimum share of IHAs done in time, in percent.
pub const IHA_DEFAULT_TARGET: f64 = 85.0;

/// One reporting period's IHA timeliness, as reported to the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IhaFigures {
    #[serde(default)]
    pub period_start: Option<NaiveDate>,
    #[serde(default)]
    pub period_end: Option<NaiveDate>,
    pub entered_care: u32,
    pub due: u32,
    pub within_20_days: u32,
    pub late: u32,
    pub outstanding: u32,
    #[serde(default)]
    pub commentary: String,
}

impl IhaFigures {
    /// Percent completed within 20 working days; `None` when none fell due.
    pub fn rate(&self) -> Option<f64> {
        (self.due > 0).then(|| 100.0 * f64::from(self.within_20_days) / f64::from(self.due))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Count,
    Percent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Better {
    Higher,
    Lower,
}

/// A simple figure a board defines for itself, with this meeting's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub key: String,
    pub name: String,
    pub unit: Unit,
    #[serde(default)]
    pub target: Option<f64>,
    pub better: Better,
    #[serde(default)]
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    #[serde(default = "default_iha_target")]
    pub iha_target: f64,
    #[serde(default)]
    pub iha: Option<IhaFigures>,
    #[serde(default)]
    pub figures: Vec<Figure>,
}

fn default_iha_target() -> f64 {
    IHA_DEFAULT_TARGET
}

impl Default for Standing {
    fn default() -> Self {
        Standing {
            iha_target: IHA_DEFAULT_TARGET,
            iha: None,
            figures: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_is_none_when_nothing_fell_due() {
        let mut f = IhaFigures {
            period_start: None,
            period_end: None,
            entered_care: 3,
            due: 0,
            within_20_days: 0,
            late: 0,
            outstanding: 0,
            commentary: String::new(),
        };
        assert_eq!(f.rate(), None);
        f.due = 20;
        f.within_20_days = 17;
        assert_eq!(f.rate(), Some(85.0));
    }
}
