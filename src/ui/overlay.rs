//! Overlays drawn over the pane: help (from the key table), forms, confirmations, recovery.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centred;
use crate::app::form::Form;
use crate::app::{App, Overlay};
use crate::keymap::{self, Scope, Tab};

pub fn draw(app: &mut App, frame: &mut Frame, area: Rect) {
    let Some(overlay) = &app.overlay else { return };
    match overlay {
        Overlay::Help { scroll } => help(app, frame, area, *scroll),
        Overlay::Form(form) => draw_form(app, form, frame, area),
        Overlay::Confirm { question, .. } => {
            let lines = vec![
                Line::from(question.clone()),
                Line::from(""),
                keys_line(app, Scope::Confirm),
            ];
            popup(app, frame, area, " Please confirm ", lines, 60);
        }
        Overlay::Recovery { lines } => {
            let mut text = vec![
                Line::from(Span::styled(
                    "minutebook stopped before saving everything. The journal holds:",
                    app.theme.warn(),
                )),
                Line::from(""),
            ];
            text.extend(lines.iter().map(|l| Line::from(l.clone())));
            text.push(Line::from(""));
            text.extend(choices(app, Scope::Recovery));
            popup(app, frame, area, " Unsaved text found ", text, 90);
        }
        Overlay::Conflict { lines } => {
            let mut text = vec![Line::from(Span::styled(
                "NOT SAVED: the meeting's file was changed by something else. Nothing is lost yet.",
                app.theme.warn(),
            ))];
            text.push(Line::from(""));
            text.extend(lines.iter().map(|l| Line::from(l.clone())));
            text.push(Line::from(""));
            text.extend(choices(app, Scope::Conflict));
            text.push(Line::from(Span::styled(
                format!(
                    "{} quits without choosing: your text stays in the journal.",
                    keymap::quit_key()
                ),
                app.theme.dim(),
            )));
            popup(app, frame, area, " Changed on disk ", text, 90);
        }
    }
}

/// The ways out of a question overlay, one key and its help a line.
fn choices(app: &App, scope: Scope) -> impl Iterator<Item = Line<'static>> + '_ {
    keymap::help(scope).into_iter().map(|b| {
        Line::from(vec![
            Span::styled(format!("{:>3}  ", b.label), app.theme.key()),
            Span::raw(b.help),
        ])
    })
}

fn popup(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    width: u16,
) -> Rect {
    let inner_w = width.min(area.width).saturating_sub(2).max(1) as usize;
    // Height from the wrapped length of each line.
    let h: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_w))
        .sum::<usize>()
        + 2;
    let rect = centred(area, width, h as u16);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title.to_string(), app.theme.title()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
    rect
}

fn keys_line(app: &App, scope: Scope) -> Line<'static> {
    let mut spans = Vec::new();
    for b in keymap::help(scope) {
        spans.push(Span::styled(b.label, app.theme.key()));
        spans.push(Span::raw(format!(" {}   ", b.help)));
    }
    Line::from(spans)
}

/// Every key of the current pane, from the same table that dispatches them.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme;
    let tab = format!("{} tab", app.tab.title());
    let mut sections: Vec<(&str, Scope)> = vec![(&tab, app.tab.scope())];
    if app.tab == Tab::Minutes {
        sections.extend([
            ("Editing the minutes", Scope::Editor),
            ("While finding", Scope::Find),
            ("The whole minutes", Scope::WholeMinutes),
        ]);
    }
    sections.push(("Everywhere", Scope::Global));
    if app.tab != Tab::Minutes {
        sections.push(("Outside text entry", Scope::Browse));
    }
    sections.extend([
        ("In forms", Scope::Form),
        ("When asked to confirm", Scope::Confirm),
        ("When unsaved text is found after a crash", Scope::Recovery),
        (
            "When the meeting's file was changed by something else",
            Scope::Conflict,
        ),
        ("This help", Scope::Help),
    ]);
    let mut lines = Vec::new();
    for (title, scope) in sections {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(Span::styled(title.to_string(), theme.title())));
        lines.extend(keymap::help(scope).into_iter().map(|row| {
            Line::from(vec![
                Span::styled(format!("{:>18}  ", row.label), theme.key()),
                Span::raw(row.help),
            ])
        }));
    }
    lines
}

fn help(app: &App, frame: &mut Frame, area: Rect, scroll: u16) {
    let lines = help_lines(app);
    let rect = centred(area, 86, area.height.saturating_sub(2).max(3));
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(keymap::help_title(), app.theme.title()));
    let max = (lines.len() as u16).saturating_sub(rect.height.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max), 0)),
        rect,
    );
}

fn draw_form(app: &App, form: &Form, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let mut lines = Vec::new();
    let mut cursor_line = 0;
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if focused { "›" } else { " " };
        if focused {
            cursor_line = lines.len();
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!("{marker} {:<16}", f.label),
                if focused { theme.key() } else { theme.dim() },
            ),
            Span::styled(
                f.input.value.clone(),
                if f.input.selected {
                    theme.selected()
                } else {
                    ratatui::style::Style::default()
                },
            ),
        ]));
        if focused {
            lines.push(Line::from(Span::styled(
                format!("  {:<16}{}", "", f.hint),
                theme.dim(),
            )));
        }
    }
    lines.push(Line::from(""));
    if let Some(e) = &form.error {
        lines.push(Line::from(Span::styled(
            format!("Not saved: {e}"),
            theme.bad(),
        )));
    }
    lines.push(Line::from(Span::styled(keymap::form_footer(), theme.dim())));
    let rect = popup(app, frame, area, &format!(" {} ", form.title), lines, 78);
    // The terminal cursor sits in the focused field.
    let f = &form.fields[form.focus];
    let before: String = f.input.value.chars().take(f.input.cursor).collect();
    let col = rect.x + 1 + 18 + unicode_width::UnicodeWidthStr::width(before.as_str()) as u16;
    let row = rect.y + 1 + cursor_line as u16;
    if col < rect.right().saturating_sub(1) && row < rect.bottom().saturating_sub(1) {
        frame.set_cursor_position(Position::new(col, row));
    }
}
