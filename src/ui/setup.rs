//! The first start drawn: where the clerk is in the three steps, the board and members so
//! far, and the form (or the question) over it, drawn as the workspace draws its forms.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::overlay::{draw_form, popup};
use crate::app::setup::Setup;
use crate::keymap::{Command, Scope, name};
use crate::ui::theme::Theme;

const STEPS: [&str; 3] = ["the board", "its members", "its first meeting"];

pub fn draw(setup: &Setup, frame: &mut Frame) {
    let area = frame.area();
    let theme = setup.theme;
    let steps: Vec<String> = STEPS
        .iter()
        .enumerate()
        .map(|(i, s)| match i + 1 == setup.step() {
            true => format!("[{} {s}]", i + 1),
            false => format!("{} {s}", i + 1),
        })
        .collect();
    let mut lines = vec![
        Line::from(Span::styled(
            " minutebook: setting up this data directory",
            theme.title(),
        )),
        Line::from(format!(" {}", steps.join("  ·  "))),
    ];
    if !setup.board.name.is_empty() {
        let names: Vec<String> = setup
            .board
            .members
            .iter()
            .map(|m| match (m.chair, m.vice_chair) {
                (true, _) => format!("{} (Chair)", m.name),
                (false, true) => format!("{} (Vice-chair)", m.name),
                (false, false) => m.name.clone(),
            })
            .collect();
        lines.push(Line::from(format!(
            " {}: {}",
            setup.board.name,
            match names.is_empty() {
                true => "nobody on the roster yet".to_string(),
                false => names.join(", "),
            }
        )));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    match &setup.form {
        Some(form) => draw_form(theme, form, frame, area),
        None => {
            let mut text = Vec::new();
            if let Some(note) = &setup.note {
                text.push(Line::from(Span::styled(
                    format!("Not saved: {note}"),
                    theme.bad(),
                )));
                text.push(Line::from(""));
            }
            text.extend([
                Line::from(format!(
                    "Add another member to the roster of {}? Saying no saves the board with \
                     these members, and its first meeting comes next.",
                    setup.board.name
                )),
                Line::from(""),
                question_keys(theme),
            ]);
            popup(theme, frame, area, " The roster ", text, 70);
        }
    }
}

/// The question's ways on, named from the key table.
fn question_keys(theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, what) in [
        (name(Scope::Confirm, Command::Yes), "add another"),
        (name(Scope::Confirm, Command::No), "no: save the board"),
        (name(Scope::Form, Command::Cancel), "leave, writing nothing"),
    ] {
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {what}   ")));
    }
    Line::from(spans)
}
