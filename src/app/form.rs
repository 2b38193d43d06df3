//! Small forms the clerk fills in without leaving the keyboard: one-line fields, Tab
//! between them, Enter to save, Esc to cancel. What a form is *for* lives in the app.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::model::{ActionId, ItemId, MeetingId};

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

    /// Returns false for keys it does not use.
    pub fn key(&mut self, key: &KeyEvent) -> bool {
        if matches!(key.code, KeyCode::Backspace | KeyCode::Delete) && self.take_selection() {
            return true;
        }
        if matches!(
            key.code,
            KeyCode::Left | KeyCode::Right | KeyCode::Home | KeyCode::End
        ) {
            self.selected = false;
        }
        let len = self.value.chars().count();
        match key.code {
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.value.clear();
                self.cursor = 0;
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.insert(c.encode_utf8(&mut [0; 4]))
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let (a, b) = (self.byte(self.cursor - 1), self.byte(self.cursor));
                self.value.replace_range(a..b, "");
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < len => {
                let (a, b) = (self.byte(self.cursor), self.byte(self.cursor + 1));
                self.value.replace_range(a..b, "");
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub input: LineInput,
    /// Shown under the field: the format expected, or the choices.
    pub hint: &'static str,
}

impl Field {
    pub fn new(label: impl Into<String>, value: impl Into<String>, hint: &'static str) -> Self {
        Field {
            label: label.into(),
            input: LineInput::new(value),
            hint,
        }
    }

    pub fn value(&self) -> &str {
        self.input.value.trim()
    }
}

/// What the form will do when saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    AddItem {
        after: Option<ItemId>,
        parent: Option<ItemId>,
    },
    EditItem(ItemId),
    CaptureAction(ItemId),
    CaptureDecision {
        item: ItemId,
        resolution: bool,
    },
    AddPerson,
    ActionNote(ActionId),
    IhaFigures,
    StandingFigures,
    AddChild,
    RemoveChild,
    AddFigure,
    RetireFigure,
    ApprovePrevious(MeetingId),
    Erratum(MeetingId),
    /// Export the meeting shown (`None`) or a meeting of the archive.
    Export(Option<MeetingId>),
    Search,
    OwnerFilter,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last save was refused, naming the field.
    pub error: Option<String>,
    pub purpose: Purpose,
}

impl Form {
    pub fn new(title: impl Into<String>, purpose: Purpose, fields: Vec<Field>) -> Self {
        let mut form = Form {
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            purpose,
        };
        form.focus_on(0);
        form
    }

    fn focus_on(&mut self, i: usize) {
        for f in &mut self.fields {
            f.input.selected = false;
        }
        self.focus = i;
        let input = &mut self.fields[i].input;
        input.selected = !input.value.is_empty();
        input.cursor = input.value.chars().count();
    }

    /// The value typed in the field `label`. A label the form does not show is a slip in
    /// the program that would store "" for what the clerk typed elsewhere: tests catch it.
    pub fn value(&self, label: &str) -> &str {
        let field = self.fields.iter().find(|f| f.label.as_str() == label);
        debug_assert!(
            field.is_some(),
            "the form {:?} has no field {label:?}",
            self.title
        );
        field.map_or("", Field::value)
    }

    pub fn next_field(&mut self) {
        self.focus_on((self.focus + 1) % self.fields.len());
    }

    pub fn prev_field(&mut self) {
        self.focus_on((self.focus + self.fields.len() - 1) % self.fields.len());
    }

    pub fn focused(&mut self) -> &mut LineInput {
        &mut self.fields[self.focus].input
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn edits_by_character_including_accents() {
        let mut i = LineInput::new("Cafe");
        i.key(&key(KeyCode::Backspace));
        i.insert("é");
        assert_eq!(i.value, "Café");
        i.key(&key(KeyCode::Home));
        i.key(&key(KeyCode::Delete));
        i.key(&key(KeyCode::Char('K')));
        assert_eq!(i.value, "Kafé");
        i.insert("\tline\none");
        assert_eq!(i.value, "K line oneafé");
    }

    #[test]
    fn typing_into_a_field_just_tabbed_to_replaces_it_unless_the_cursor_moved() {
        let mut form = Form::new(
            "t",
            Purpose::AddPerson,
            vec![Field::new("Name", "", ""), Field::new("Role", "member", "")],
        );
        form.next_field();
        form.focused().key(&key(KeyCode::Char('o')));
        assert_eq!(form.value("Role"), "o");
        form.prev_field();
        form.next_field();
        form.focused().key(&key(KeyCode::End));
        form.focused().key(&key(KeyCode::Char('x')));
        assert_eq!(form.value("Role"), "ox");
        form.prev_field();
        form.next_field();
        form.focused().key(&key(KeyCode::Backspace));
        assert_eq!(form.value("Role"), "");
    }
}
