//! A standing item's figure: this meeting's value against its target and the last
//! meeting's, the change and the trend, worded as the Standing tab words them.

use super::{FigureBrief, History, Verdict};
use crate::model::agenda::{AgendaItem, ItemRole};
use crate::model::meeting::Meeting;
use crate::model::standing::{Figure, FigureStatus, IhaStatus, change_text, rate_text};

/// How many values a trend shows: a year of monthly meetings.
const TREND: usize = 12;

pub(super) fn of(m: &Meeting, item: &AgendaItem, history: &History) -> Option<FigureBrief> {
    let Some(ItemRole::Standing(key)) = &item.role else {
        return None;
    };
    if key == "iha" {
        return Some(iha(m, history));
    }
    let f = m.standing.figures.iter().find(|f| &f.key == key)?;
    Some(board_figure(f, history.of(key)))
}

/// Up to [`TREND`] values, oldest first, this meeting's last if reported.
fn trend(earlier: &[(chrono::NaiveDate, f64)], now: Option<f64>) -> Vec<f64> {
    let mut values: Vec<f64> = earlier.iter().map(|(_, v)| *v).collect();
    values.extend(now);
    values.split_off(values.len().saturating_sub(TREND))
}

fn iha(m: &Meeting, history: &History) -> FigureBrief {
    let target = m.standing.iha_target;
    let figures = m.standing.iha.as_ref();
    let rate = figures.and_then(|f| f.rate());
    let previous = history.iha.last().copied();
    let (status, verdict) = match figures.map(|f| f.status(target)) {
        Some(s @ IhaStatus::OnTarget) => (s.words(), Verdict::Good),
        Some(s @ IhaStatus::BelowTarget) => (s.words(), Verdict::Bad),
        Some(s @ IhaStatus::NoneDue) => (s.words(), Verdict::Neither),
        None => ("no figures yet", Verdict::Neither),
    };
    let mut detail = Vec::new();
    if let Some(f) = figures {
        detail.push(format!(
            "{} came into care · {} IHAs due · {} within 20 working days · {} late · {} outstanding",
            f.entered_care, f.due, f.within_20_days, f.late, f.outstanding
        ));
        if !f.commentary.trim().is_empty() {
            detail.push(f.commentary.trim().to_string());
        }
    }
    FigureBrief {
        key: "iha".into(),
        name: "Initial Health Assessments within 20 working days".into(),
        now: figures.map(|_| rate_text(rate, target)),
        last: previous.map(|(d, r)| (d, rate_text(Some(r), target))),
        target: Some(format!("{target}%")),
        status: status.into(),
        verdict,
        change: change_text(rate, previous.map(|p| p.1)),
        trend: trend(&history.iha, rate),
        detail,
    }
}

fn board_figure(f: &Figure, earlier: &[(chrono::NaiveDate, f64)]) -> FigureBrief {
    let previous = earlier.last().copied();
    let verdict = match f.status() {
        FigureStatus::OnTarget => Verdict::Good,
        FigureStatus::OffTarget => Verdict::Bad,
        FigureStatus::NoTarget | FigureStatus::NotReported => Verdict::Neither,
    };
    FigureBrief {
        key: f.key.clone(),
        name: f.name.clone(),
        now: f.value.map(|v| f.value_text(v)),
        last: previous.map(|(d, v)| (d, f.value_text(v))),
        target: f.target_text(),
        status: f.status_words().into(),
        verdict,
        change: f.change_text(f.value, previous.map(|p| p.1)),
        trend: trend(earlier, f.value),
        detail: Vec::new(),
    }
}
