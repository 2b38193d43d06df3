//! Colours and emphasis. Every status also has a word or symbol, so colour is only ever a
//! second signal; with `NO_COLOR` set, only bold, reverse and underline remain.

use ratatui::style::{Color, Modifier, Style};

use crate::editor::EditorStyle;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn paint(&self, style: Style) -> Style {
        if self.color {
            style
        } else {
            Style {
                fg: None,
                bg: None,
                underline_color: None,
                ..style
            }
        }
    }

    pub fn title(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan))
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn tab_active(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn good(&self) -> Style {
        self.paint(Style::new().fg(Color::Green).add_modifier(Modifier::BOLD))
    }
    pub fn bad(&self) -> Style {
        self.paint(Style::new().fg(Color::Red).add_modifier(Modifier::BOLD))
    }
    pub fn warn(&self) -> Style {
        self.paint(Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD))
    }
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }
    pub fn exempt(&self) -> Style {
        self.paint(Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD))
    }
    pub fn key(&self) -> Style {
        self.paint(Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD))
    }
    pub fn bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn editor_style(&self) -> EditorStyle {
        let d = EditorStyle::default();
        EditorStyle {
            text: self.paint(d.text),
            selection: self.paint(d.selection),
            search_match: self.paint(d.search_match),
            current_match: self.paint(d.current_match),
            action: self.paint(d.action),
            decision: self.paint(d.decision),
            resolved: self.paint(d.resolved),
            gutter: self.paint(d.gutter),
            find_bar: self.paint(d.find_bar),
        }
    }
}
