//! Domain marks: paragraphs that open with `ACTION:`, `DECISION:` or `RESOLVED:`
//! get a gutter symbol as well as a style, so they stand out without colour.

use std::ops::Range;

use crate::model::agenda::DecisionKind;
use crate::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMark {
    Action,
    Decision,
    Resolved,
}

impl LineMark {
    const ALL: [(LineMark, &'static str); 3] = [
        (LineMark::Action, words::ACTION_MARK),
        (
            LineMark::Decision,
            words::decision_mark(DecisionKind::Decision),
        ),
        (
            LineMark::Resolved,
            words::decision_mark(DecisionKind::Resolution),
        ),
    ];

    /// The mark of a paragraph and the byte range of its keyword. Leading spaces
    /// are allowed; the keyword must be upper case, as the minutes style guide has it.
    pub fn of(line: &str) -> Option<(LineMark, Range<usize>)> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        Self::ALL
            .iter()
            .find(|(_, kw)| rest.starts_with(kw))
            .map(|&(mark, kw)| (mark, indent..indent + kw.len()))
    }

    /// Gutter symbol on the paragraph's first row: a letter, so it reads on
    /// any terminal and in monochrome.
    pub fn symbol(self) -> &'static str {
        match self {
            LineMark::Action => "A",
            LineMark::Decision => "D",
            LineMark::Resolved => "R",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_mark_a_paragraph_only_at_its_start() {
        assert_eq!(
            LineMark::of("ACTION: JB to write"),
            Some((LineMark::Action, 0..7))
        );
        assert_eq!(
            LineMark::of("  DECISION: agreed"),
            Some((LineMark::Decision, 2..11))
        );
        assert_eq!(LineMark::of("RESOLVED:"), Some((LineMark::Resolved, 0..9)));
        assert_eq!(LineMark::of("Action: lower case"), None);
        assert_eq!(LineMark::of("The ACTION: is later"), None);
        assert_eq!(LineMark::of("ACTION without colon"), None);
    }

    #[test]
    fn lines_the_minutes_write_for_decisions_and_actions_get_their_gutter_letter() {
        use crate::model::{Decision, reading};
        let line = |kind| reading::decision_line(&Decision::new(kind, "x"));
        let decided = line(DecisionKind::Decision);
        let resolved = line(DecisionKind::Resolution);
        let action = words::action_line("x", "Leanne Ford", "2026-12-16");
        assert_eq!(
            LineMark::of(&decided).map(|m| m.0),
            Some(LineMark::Decision)
        );
        assert_eq!(
            LineMark::of(&resolved).map(|m| m.0),
            Some(LineMark::Resolved)
        );
        assert_eq!(LineMark::of(&action).map(|m| m.0), Some(LineMark::Action));
    }
}
