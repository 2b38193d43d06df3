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

/// The most any IHA count may be for one reporting period. The largest English council
/// looks after a few thousand children in all; ten times more than any board could report
/// refuses only slips (4294967295 typed or written into a file), and keeps every sum of
/// counts far from overflowing.
pub const MAX_COUNT: u32 = 100_000;

/// The IHA fields a check can name. The form names each with its own label; the record
/// spells it as [`IhaField::key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IhaField {
    PeriodTo,
    CameIntoCare,
    Due,
    Within,
    Late,
    Outstanding,
}

impl IhaField {
    /// The field's name in the meeting's file.
    pub fn key(self) -> &'static str {
        match self {
            IhaField::PeriodTo => "standing.iha.period_end",
            IhaField::CameIntoCare => "standing.iha.entered_care",
            IhaField::Due => "standing.iha.due",
            IhaField::Within => "standing.iha.within_20_days",
            IhaField::Late => "standing.iha.late",
            IhaField::Outstanding => "standing.iha.outstanding",
        }
    }
}

/// Why IHA figures cannot be true, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IhaProblem {
    pub field: IhaField,
    pub reason: String,
}

/// Percent of `due` done in time; `None` when none fell due (never a division by zero).
pub fn rate_of(within: u32, due: u32) -> Option<f64> {
    (due > 0).then(|| 100.0 * f64::from(within) / f64::from(due))
}

impl IhaFigures {
    /// Percent completed within 20 working days; `None` when none fell due.
    pub fn rate(&self) -> Option<f64> {
        rate_of(self.within_20_days, self.due)
    }

    /// Refuses figures that cannot be true: a count over [`MAX_COUNT`], a period that
    /// ends before it starts, more done (in time, or at all) than fell due. The one rule
    /// for the form and for every record read, so nothing saved is later unreadable.
    /// Sums are taken in u64: no count, however large, can wrap round to look small.
    pub fn check(&self) -> Result<(), IhaProblem> {
        let problem = |field, reason: String| Err(IhaProblem { field, reason });
        for (field, n) in [
            (IhaField::CameIntoCare, self.entered_care),
            (IhaField::Due, self.due),
            (IhaField::Within, self.within_20_days),
            (IhaField::Late, self.late),
            (IhaField::Outstanding, self.outstanding),
        ] {
            if n > MAX_COUNT {
                return problem(
                    field,
                    format!(
                        "{n} is more than a board could report for one period (at most {MAX_COUNT})"
                    ),
                );
            }
        }
        if let (Some(a), Some(b)) = (self.period_start, self.period_end)
            && b < a
        {
            return problem(
                IhaField::PeriodTo,
                format!("{b} is before the period starts ({a})"),
            );
        }
        if self.within_20_days > self.due {
            return problem(
                IhaField::Within,
                format!(
                    "{} cannot be more than the {} IHAs due",
                    self.within_20_days, self.due
                ),
            );
        }
        let done = u64::from(self.within_20_days) + u64::from(self.late);
        if done > u64::from(self.due) {
            return problem(
                IhaField::Late,
                format!(
                    "{} within 20 days and {} late make {done}, more than the {} due",
                    self.within_20_days, self.late, self.due
                ),
            );
        }
        Ok(())
    }

    /// Within 20 days, late and outstanding together: each IHA due should be one of them.
    pub fn accounted(&self) -> u64 {
        u64::from(self.within_20_days) + u64::from(self.late) + u64::from(self.outstanding)
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
    /// Optional per-child rows behind the IHA counts (anonymised references only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub iha_children: Vec<super::iha_children::IhaChild>,
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
            iha_children: Vec::new(),
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

/// How a rate stands against its target, in words (never colour alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IhaStatus {
    OnTarget,
    BelowTarget,
    NoneDue,
}

impl IhaFigures {
    /// Exactly the target is on target. Compared exactly (100·within ≥ target·due),
    /// so no rounding can put a figure on the wrong side.
    pub fn status(&self, target: f64) -> IhaStatus {
        status_of(self.within_20_days, self.due, target)
    }
}

/// The status rule, for full figures and for the archive's summaries alike.
pub fn status_of(within: u32, due: u32, target: f64) -> IhaStatus {
    if due == 0 {
        IhaStatus::NoneDue
    } else if 100.0 * f64::from(within) >= target * f64::from(due) - 1e-9 {
        IhaStatus::OnTarget
    } else {
        IhaStatus::BelowTarget
    }
}

/// A rate to one decimal place, rounded as people expect (11 of 14 is 78.6%), except
/// that a figure just below the target is cut rather than rounded up onto it: 84.96%
/// against 85% shows as 84.9%, never as a "85.0% BELOW TARGET" that reads as a mistake.
pub fn rate_text(rate: Option<f64>, target: f64) -> String {
    match rate {
        Some(r) if r < target && (r * 10.0).round() / 10.0 >= target => {
            format!("{:.1}%", (r * 10.0).floor() / 10.0)
        }
        Some(r) => format!("{r:.1}%"),
        None => "no IHAs due".to_string(),
    }
}

/// The change since the previous figure, as "▲ 4.2 points", "▼ 1.5 points" or "no change".
pub fn change_text(now: Option<f64>, before: Option<f64>) -> Option<String> {
    let d = now? - before?;
    Some(if d.abs() < 0.05 {
        "no change".to_string()
    } else if d > 0.0 {
        format!("▲ {d:.1} points")
    } else {
        format!("▼ {:.1} points", -d)
    })
}

/// Values as a one-line sparkline of block characters, scaled from the lowest to the
/// highest so that a rate wandering between 72% and 90% still shows its shape.
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| {
            if hi - lo < 1e-9 {
                BARS[3]
            } else {
                BARS[(((v - lo) / (hi - lo)) * 7.0).round() as usize]
            }
        })
        .collect()
}

/// "%" for a percentage, nothing for a count: what follows a figure's value.
pub fn unit_suffix(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "%",
        Unit::Count => "",
    }
}

/// How a board's own figure stands against its target, in words (never colour alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureStatus {
    OnTarget,
    /// Short of the target: below it where higher is better, above it where lower is.
    OffTarget,
    NoTarget,
    NotReported,
}

impl Figure {
    /// A value as shown: "64%", "1".
    pub fn value_text(&self, value: f64) -> String {
        format!("{value}{}", unit_suffix(self.unit))
    }

    /// "0 (lower is better)": the target and which way is better.
    pub fn target_text(&self) -> Option<String> {
        let better = match self.better {
            Better::Higher => "higher is better",
            Better::Lower => "lower is better",
        };
        self.target
            .map(|t| format!("{} ({better})", self.value_text(t)))
    }

    /// The change from `before` to `now` as the Standing tab says it: "▼ 1 (better)",
    /// "▲ 2% (worse)" or "no change"; better or worse as the figure counts it (fewer
    /// unregulated placements is better).
    pub fn change_text(&self, now: Option<f64>, before: Option<f64>) -> Option<String> {
        let d = now? - before?;
        if d.abs() < 1e-9 {
            return Some("no change".to_string());
        }
        let good = (d > 0.0) == (self.better == Better::Higher);
        Some(format!(
            "{} {} ({})",
            if d > 0.0 { "▲" } else { "▼" },
            self.value_text(d.abs()),
            if good { "better" } else { "worse" }
        ))
    }

    /// Where this meeting's value stands against the target. Exactly the target is on it.
    pub fn status(&self) -> FigureStatus {
        match (self.value, self.target) {
            (None, _) => FigureStatus::NotReported,
            (Some(_), None) => FigureStatus::NoTarget,
            (Some(v), Some(t)) => {
                let met = match self.better {
                    Better::Higher => v >= t - 1e-9,
                    Better::Lower => v <= t + 1e-9,
                };
                if met {
                    FigureStatus::OnTarget
                } else {
                    FigureStatus::OffTarget
                }
            }
        }
    }

    /// The status in words: "ON TARGET", "BELOW TARGET" or "ABOVE TARGET" (as the figure
    /// falls short), "no target set", "not reported".
    pub fn status_words(&self) -> &'static str {
        match (self.status(), self.better) {
            (FigureStatus::OnTarget, _) => "ON TARGET",
            (FigureStatus::OffTarget, Better::Higher) => "BELOW TARGET",
            (FigureStatus::OffTarget, Better::Lower) => "ABOVE TARGET",
            (FigureStatus::NoTarget, _) => "no target set",
            (FigureStatus::NotReported, _) => "not reported",
        }
    }
}

#[cfg(test)]
mod status_tests {
    use super::*;

    fn figures(due: u32, within: u32) -> IhaFigures {
        IhaFigures {
            period_start: None,
            period_end: None,
            entered_care: due,
            due,
            within_20_days: within,
            late: due - within,
            outstanding: 0,
            commentary: String::new(),
        }
    }

    #[test]
    fn exactly_the_target_is_on_target_and_none_due_is_not_a_division() {
        assert_eq!(figures(20, 17).status(85.0), IhaStatus::OnTarget);
        assert_eq!(figures(20, 16).status(85.0), IhaStatus::BelowTarget);
        assert_eq!(figures(0, 0).status(85.0), IhaStatus::NoneDue);
        assert_eq!(IhaStatus::NoneDue.words(), "no IHAs due");
        assert_eq!(rate_text(figures(0, 0).rate(), 85.0), "no IHAs due");
        // 2124 of 2500 is 84.96%: below target, and it must not read as 85.0%.
        let close = figures(2500, 2124);
        assert_eq!(close.status(85.0), IhaStatus::BelowTarget);
        assert_eq!(rate_text(close.rate(), 85.0), "84.9%");
        assert_eq!(rate_text(figures(20, 17).rate(), 85.0), "85.0%");
        assert_eq!(
            rate_text(figures(14, 11).rate(), 85.0),
            "78.6%",
            "ordinary rounding elsewhere"
        );
        assert_eq!(rate_text(figures(3, 2).rate(), 85.0), "66.7%");
    }

    #[test]
    fn sparkline_scales_from_lowest_to_highest() {
        assert_eq!(sparkline(&[0.0, 50.0, 100.0, 85.0]), "▁▅█▇");
        assert_eq!(sparkline(&[72.0, 90.0, 81.0]), "▁█▅");
        assert_eq!(sparkline(&[85.0, 85.0]), "▄▄");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn a_boards_figure_is_on_or_short_of_its_target_the_way_it_counts_better() {
        let mut eet = Figure {
            key: "care-leavers-eet".into(),
            name: "Care leavers in education, employment or training".into(),
            unit: Unit::Percent,
            target: Some(65.0),
            better: Better::Higher,
            value: Some(65.0),
        };
        assert_eq!(
            eet.status_words(),
            "ON TARGET",
            "exactly the target is on it"
        );
        eet.value = Some(64.0);
        assert_eq!(eet.status_words(), "BELOW TARGET");
        assert_eq!(
            eet.change_text(Some(64.0), Some(62.0)).as_deref(),
            Some("▲ 2% (better)")
        );
        assert_eq!(eet.target_text().as_deref(), Some("65% (higher is better)"));
        let mut placements = eet.clone();
        (placements.unit, placements.better) = (Unit::Count, Better::Lower);
        (placements.target, placements.value) = (Some(0.0), Some(2.0));
        assert_eq!(placements.status_words(), "ABOVE TARGET");
        assert_eq!(
            placements.change_text(Some(1.0), Some(2.0)).as_deref(),
            Some("▼ 1 (better)")
        );
        placements.value = None;
        assert_eq!(placements.status_words(), "not reported");
        placements.value = Some(1.0);
        placements.target = None;
        assert_eq!(placements.status_words(), "no target set");
    }

    #[test]
    fn change_since_last_meeting_in_points() {
        assert_eq!(
            change_text(Some(90.0), Some(85.8)).as_deref(),
            Some("▲ 4.2 points")
        );
        assert_eq!(
            change_text(Some(80.0), Some(81.5)).as_deref(),
            Some("▼ 1.5 points")
        );
        assert_eq!(
            change_text(Some(80.0), Some(80.0)).as_deref(),
            Some("no change")
        );
        assert_eq!(change_text(Some(80.0), None), None);
    }
}
