//! Domain marks: paragraphs that open with `ACTION:`, `DECISION:` or `RESOLVED:`
//! get a gutter symbol as well as a style, so they stand out without colour.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMark {
    Action,
    Decision,
    Resolved,
}

impl LineMark {
    const ALL: [(LineMark, &'static str); 3] = [
        (LineMark::Action, "ACTION:"),
        (LineMark::Decision, "DECISION:"),
        (LineMark::Resolved, "RESOLVED:"),
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
}
