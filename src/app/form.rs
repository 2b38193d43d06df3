//! Small forms the clerk fills in without leaving the keyboard: one-line fields, Tab
//! between them, Enter to save, Esc to cancel. What each form is *for* (its fields,
//! their checks, what saving changes) lives in its own module under `forms/`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use super::forms::Kind;
use crate::keymap::FieldEdit;

/// A one-line text input with a cursor, counted in chars.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub value: String,
    pub cursor: usize,
    /// Just tabbed into: typing replaces the value, as in any form.
    pub selected: bool,
}

impl LineInput {
    pub fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        let cursor = value.chars().count();
        LineInput {
            value,
            cursor,
            selected: false,
        }
    }

    fn byte(&self, at: usize) -> usize {
        self.value
            .char_indices()
            .nth(at)
            .map_or(self.value.len(), |(b, _)| b)
    }

    /// Drops a selected value before typing or deleting.
    fn take_selection(&mut self) -> bool {
        let was = std::mem::take(&mut self.selected);
        if was {
            self.value.clear();
            self.cursor = 0;
        }
        was
    }

    pub fn insert(&mut self, text: &str) {
        self.take_selection();
        // One line: a pasted newline or tab becomes a space, other controls go.
        let clean: String = text
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        let at = self.byte(self.cursor);
        self.value.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// A character typed into the field (the form's rule for keys the table leaves);
    /// false for a key that is not one.
    pub fn type_key(&mut self, key: &KeyEvent) -> bool {
        match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.insert(c.encode_utf8(&mut [0; 4]));
                true
            }
            _ => false,
        }
    }

    /// One edit from the key table's Field scope.
    pub fn edit(&mut self, edit: FieldEdit) {
        let deleting = matches!(edit, FieldEdit::Backspace | FieldEdit::Delete);
        if deleting && self.take_selection() {
            return;
        }
        let len = self.value.chars().count();
        match edit {
            FieldEdit::Clear => {
                self.value.clear();
                self.cursor = 0;
            }
            FieldEdit::Backspace if self.cursor > 0 => {
                let (a, b) = (self.byte(self.cursor - 1), self.byte(self.cursor));
                self.value.replace_range(a..b, "");
                self.cursor -= 1;
            }
            FieldEdit::Delete if self.cursor < len => {
                let (a, b) = (self.byte(self.cursor), self.byte(self.cursor + 1));
                self.value.replace_range(a..b, "");
            }
            FieldEdit::Backspace | FieldEdit::Delete => {}
            // Moving the cursor keeps the value: typing then inserts.
            FieldEdit::Left => self.moved(self.cursor.saturating_sub(1)),
            FieldEdit::Right => self.moved((self.cursor + 1).min(len)),
            FieldEdit::Home => self.moved(0),
            FieldEdit::End => self.moved(len),
        }
    }

    fn moved(&mut self, to: usize) {
        self.selected = false;
        self.cursor = to;
    }
}

/// One field as the form shows it: its label, the hint under it, what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown<'a> {
    pub label: &'a str,
    /// Shown under the field: the format expected, or the choices.
    pub hint: std::borrow::Cow<'a, str>,
    pub input: &'a LineInput,
}

/// What the clerk typed in one field, with its label so a refusal can name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Value<'a> {
    pub label: &'a str,
    /// The typed text, trimmed.
    pub text: &'a str,
}

impl<'a> Value<'a> {
    pub fn new(label: &'a str, input: &'a LineInput) -> Value<'a> {
        Value {
            label,
            text: input.value.trim(),
        }
    }

    /// The refusal `why`, said of this field.
    pub fn refuse(&self, why: impl std::fmt::Display) -> String {
        format!("{}: {why}", self.label)
    }

    /// The text, refused if empty.
    pub fn required(&self) -> Result<String, String> {
        if self.text.is_empty() {
            Err(self.refuse("this cannot be empty"))
        } else {
            Ok(self.text.to_string())
        }
    }

    /// A time on the 24-hour clock, or None if left empty.
    pub fn time(&self) -> Result<Option<chrono::NaiveTime>, String> {
        match self.text {
            "" => Ok(None),
            t => crate::model::clock::parse_hhmm(t)
                .map(Some)
                .map_err(|e| self.refuse(e)),
        }
    }

    /// A date, or None if left empty.
    pub fn date(&self) -> Result<Option<chrono::NaiveDate>, String> {
        if self.text.is_empty() {
            return Ok(None);
        }
        crate::model::clock::parse_date(self.text)
            .map(Some)
            .ok_or_else(|| {
                self.refuse(format!(
                    "{:?} is not a real date in the form YYYY-MM-DD",
                    self.text
                ))
            })
    }
}

/// An open form: which one it is (its typed fields) and where the clerk is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub focus: usize,
    /// Why the last save was refused, naming the field.
    pub error: Option<String>,
    /// Boxed: the biggest forms hold a dozen inputs, the other overlays a line or two.
    pub kind: Box<Kind>,
}

impl Form {
    pub fn new(title: impl Into<String>, kind: impl Into<Kind>) -> Self {
        let mut form = Form {
            title: title.into(),
            focus: 0,
            error: None,
            kind: Box::new(kind.into()),
        };
        form.focus_on(0);
        form
    }

    /// Every field, in the order shown.
    pub fn fields(&self) -> Vec<Shown<'_>> {
        self.kind.spec().shown()
    }

    fn focus_on(&mut self, i: usize) {
        let mut inputs = self.kind.spec_mut().inputs_mut();
        for input in &mut inputs {
            input.selected = false;
        }
        self.focus = i;
        let input = &mut inputs[i];
        input.selected = !input.value.is_empty();
        input.cursor = input.value.chars().count();
    }

    fn len(&self) -> usize {
        self.fields().len()
    }

    pub fn next_field(&mut self) {
        self.focus_on((self.focus + 1) % self.len());
    }

    pub fn prev_field(&mut self) {
        self.focus_on((self.focus + self.len() - 1) % self.len());
    }

    pub fn focused(&mut self) -> &mut LineInput {
        let focus = self.focus;
        self.kind
            .spec_mut()
            .inputs_mut()
            .into_iter()
            .nth(focus)
            .expect("the focus is on a field of the form")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_character_including_accents() {
        let mut i = LineInput::new("Cafe");
        i.edit(FieldEdit::Backspace);
        i.insert("é");
        assert_eq!(i.value, "Café");
        i.edit(FieldEdit::Home);
        i.edit(FieldEdit::Delete);
        i.type_key(&KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT));
        assert_eq!(i.value, "Kafé");
        i.insert("\tline\none");
        assert_eq!(i.value, "K line oneafé");
    }
}
