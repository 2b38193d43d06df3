//! Overlays drawn over the pane: help (from the key table), forms, confirmations, recovery.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centred;
use crate::app::form::{Form, Shown};
use crate::app::{App, Overlay, StartQuestion};
use crate::keymap::{self, Scope, Tab};
use crate::ui::theme::Theme;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(overlay) = &app.overlay else { return };
    match overlay {
        Overlay::Help { scroll, .. } => help(app, frame, area, *scroll),
        Overlay::Form(form) => draw_form(app.theme, form, frame, area),
        Overlay::Confirm { question, .. } => {
            let lines = vec![
                Line::from(question.clone()),
                Line::from(""),
                keys_line(app.theme, Scope::Confirm),
            ];
            popup(app.theme, frame, area, " Please confirm ", lines, 60);
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
            popup(app.theme, frame, area, " Unsaved text found ", text, 90);
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
            popup(app.theme, frame, area, " Changed on disk ", text, 90);
        }
        Overlay::Start {
            question, lines, ..
        } => {
            let (title, scope) = match question {
                StartQuestion::Attendance => (" Before the meeting starts ", Scope::StartCheck),
                StartQuestion::Minuting => (" Live, or written up afterwards? ", Scope::Minuting),
            };
            let mut text: Vec<Line> = lines.iter().map(|l| Line::from(l.clone())).collect();
            text.push(Line::from(""));
            text.extend(choices(app, scope));
            popup(app.theme, frame, area, title, text, 72);
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

pub(crate) fn popup(
    theme: Theme,
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
        .title(Span::styled(title.to_string(), theme.title()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
    rect
}

pub(crate) fn keys_line(theme: Theme, scope: Scope) -> Line<'static> {
    let mut spans = Vec::new();
    for b in keymap::help(scope) {
        spans.push(Span::styled(b.label, theme.key()));
        spans.push(Span::raw(format!(" {}   ", b.help)));
    }
    Line::from(spans)
}

/// Every key of the current pane, from the same table that dispatches them; over a
/// form or a question, that one's keys come first.
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
    sections.push(("The board and its roster", Scope::Roster));
    sections.extend([
        ("In forms", Scope::Form),
        ("Editing a form's field", Scope::Field),
        ("When asked to confirm", Scope::Confirm),
        (
            "Starting with attendance not taken or not quorate",
            Scope::StartCheck,
        ),
        ("Starting a meeting not held today", Scope::Minuting),
        ("When unsaved text is found after a crash", Scope::Recovery),
        (
            "When the meeting's file was changed by something else",
            Scope::Conflict,
        ),
        ("This help", Scope::Help),
    ]);
    let covered = match &app.overlay {
        Some(Overlay::Help { under: Some(o), .. }) => keymap::live(o.scope()),
        Some(_) | None => &[],
    };
    // Stable: the covered scopes keep their order, ahead of the rest.
    sections.sort_by_key(|(_, scope)| !covered.contains(scope) || *scope == Scope::Global);
    let mut lines = Vec::new();
    for (title, scope) in sections {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(Span::styled(title.to_string(), theme.title())));
        for row in keymap::help(scope) {
            lines.extend(help_row(row, theme));
        }
    }
    lines
}

/// The column the keys are right-aligned in; the help text starts two columns after it.
const HELP_KEYS: usize = 18;
/// Where each key's help text starts.
pub(crate) const HELP_TEXT_COLUMN: usize = HELP_KEYS + 2;

/// One key's help: its keys right-aligned in their column and the text beside them, or,
/// for keys too long for the column, the keys on a row of their own and the text under
/// them in its column, so no description is pushed out of line.
fn help_row(row: keymap::Row, theme: crate::ui::theme::Theme) -> Vec<Line<'static>> {
    let indent = " ".repeat(HELP_TEXT_COLUMN);
    if unicode_width::UnicodeWidthStr::width(row.label.as_str()) > HELP_KEYS {
        return vec![
            Line::from(Span::styled(row.label, theme.key())),
            Line::from(vec![Span::raw(indent), Span::raw(row.help)]),
        ];
    }
    vec![Line::from(vec![
        Span::styled(format!("{:>HELP_KEYS$}  ", row.label), theme.key()),
        Span::raw(row.help),
    ])]
}

/// The help takes the window's whole width: on a wide screen no
/// description is cut, and on a narrow one each wraps under its own column.
fn help(app: &App, frame: &mut Frame, area: Rect, scroll: u16) {
    let rect = centred(area, area.width, area.height.saturating_sub(2).max(3));
    let inner_w = usize::from(rect.width.saturating_sub(2));
    let lines: Vec<Line> = help_lines(app)
        .into_iter()
        .flat_map(|l| wrap_hanging(l, inner_w))
        .collect();
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

/// `line` in rows of at most `width` columns. A line of a label and its text (a key and
/// its help, a field's hint under its indent) wraps the text under itself, not back to
/// the edge; any other line wraps at the edge.
fn wrap_hanging(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    if line.width() <= width {
        return vec![line];
    }
    let style = line.style;
    // Room to hang the text beside its label, or else the whole line wraps at the edge.
    let (label, text) = match &line.spans[..] {
        [label, text] if width > label.width() + MIN_HANGING => (Some(label), text.clone()),
        spans => {
            let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
            let first = spans.first().map(|s| s.style).unwrap_or_default();
            (None, Span::styled(text, first))
        }
    };
    let indent = label.map_or(0, Span::width);
    rows_of(&text.content, width - indent)
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let lead = match (i, label) {
                (0, Some(l)) => l.clone(),
                _ => Span::raw(" ".repeat(indent)),
            };
            Line::from(vec![lead, Span::styled(row.to_string(), text.style)]).style(style)
        })
        .collect()
}

/// The narrowest column a text is hung in beside its label.
const MIN_HANGING: usize = 8;

/// `text` cut into rows of at most `width` columns, between words where it can be.
fn rows_of(text: &str, width: usize) -> Vec<&str> {
    crate::editor::rows(text, width)
        .map(str::trim_end)
        .collect()
}

/// A form's box, and where its values start inside it (after the marker and label): at
/// least `FIELD_COLUMN`, further for a longer label (a member's name in a recorded vote),
/// up to `FIELD_COLUMN_MAX` so the value keeps its room.
const FORM_WIDTH: u16 = 78;
const FIELD_COLUMN: usize = 18;
const FIELD_COLUMN_MAX: usize = 34;

/// Where the values of a form with these fields start.
fn field_column(fields: &[Shown<'_>]) -> usize {
    let widest = fields
        .iter()
        .map(|f| unicode_width::UnicodeWidthStr::width(f.label))
        .max()
        .unwrap_or(0);
    (widest + 3).clamp(FIELD_COLUMN, FIELD_COLUMN_MAX)
}

/// The columns inside a form's box on a screen of `area`.
fn form_inner_width(area: Rect) -> usize {
    usize::from(FORM_WIDTH.min(area.width).saturating_sub(2).max(1))
}

/// The columns a field's value has in a form on a screen of `area`, from `column`.
fn value_width(area: Rect, column: usize) -> usize {
    form_inner_width(area).saturating_sub(column).max(2)
}

/// What shows of a one-line value `width` columns wide with the cursor at char `cursor`,
/// and the cursor's column in it. A longer value scrolls sideways to keep the cursor in
/// view, "…" marking what is out of sight, as any one-line input does: it never wraps
/// into the rows below, where the cursor could not follow.
fn field_window(value: &str, cursor: usize, width: usize) -> (String, usize) {
    use unicode_width::UnicodeWidthChar;
    let chars: Vec<(char, usize)> = value.chars().map(|c| (c, c.width().unwrap_or(0))).collect();
    let cols = |from: usize, to: usize| chars[from..to].iter().map(|c| c.1).sum::<usize>();
    let cursor = cursor.min(chars.len());
    if cols(0, chars.len()) < width {
        return (value.to_string(), cols(0, cursor));
    }
    // The first char shown: as far left as leaves the cursor (and a lead "…") in view.
    let mut start = 0;
    while start < cursor && cols(start, cursor) + usize::from(start > 0) + 1 > width {
        start += 1;
    }
    let lead = usize::from(start > 0);
    let mut shown: String = if start > 0 {
        "…".into()
    } else {
        String::new()
    };
    let mut used = lead;
    for (i, (c, w)) in chars.iter().enumerate().skip(start) {
        let more = i + 1 < chars.len();
        if used + w + usize::from(more) > width {
            shown.push('…');
            break;
        }
        shown.push(*c);
        used += w;
    }
    (shown, lead + cols(start, cursor))
}

pub(crate) fn draw_form(theme: Theme, form: &Form, frame: &mut Frame, area: Rect) {
    let mut lines = Vec::new();
    let mut cursor_line = 0;
    let fields = form.fields();
    let column = field_column(&fields);
    for (i, f) in fields.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if focused { "›" } else { " " };
        if focused {
            cursor_line = lines.len();
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!("{marker} {:<width$}", f.label, width = column - 2),
                if focused { theme.key() } else { theme.dim() },
            ),
            Span::styled(
                field_window(&f.input.value, f.input.cursor, value_width(area, column)).0,
                if f.input.selected {
                    theme.selected()
                } else {
                    ratatui::style::Style::default()
                },
            ),
        ]));
        if focused {
            // Under the field's value; a long hint wraps back under itself.
            let hint = Line::from(vec![
                Span::raw(" ".repeat(column)),
                Span::styled(f.hint.to_string(), theme.dim()),
            ]);
            lines.extend(wrap_hanging(hint, form_inner_width(area)));
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
    let rect = popup(
        theme,
        frame,
        area,
        &format!(" {} ", form.title),
        lines,
        FORM_WIDTH,
    );
    // The terminal cursor sits in the focused field.
    let f = &fields[form.focus];
    let (_, at) = field_window(&f.input.value, f.input.cursor, value_width(area, column));
    let col = rect.x + 1 + column as u16 + at as u16;
    let row = rect.y + 1 + cursor_line as u16;
    if col < rect.right().saturating_sub(1) && row < rect.bottom().saturating_sub(1) {
        frame.set_cursor_position(Position::new(col, row));
    }
}
