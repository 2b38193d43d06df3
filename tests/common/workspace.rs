//! One test driver for the workspace: keys, pastes, the clock and the terminal's size go
//! into one `App` as the run loop sends them, and the screen comes back from a `TestBackend`.
//!
//! The integration tests reach it as `common::workspace`; the crate's own unit tests
//! include this same file (`src/app/tests.rs`), which is why it names the crate
//! `minutebook::` (the library calls itself that too, see `src/lib.rs`).
#![allow(dead_code)]

use std::ops::{Deref, DerefMut};

use chrono::NaiveDateTime;
use minutebook::app::{App, Msg};
use minutebook::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Size;

/// One `App` and the test terminal it is drawn on (80x24 until told otherwise). It
/// dereferences to the `App`, so tests read its state as they would the app's.
pub struct Workspace {
    pub app: App,
    terminal: Terminal<TestBackend>,
    size: Size,
}

impl Workspace {
    /// The workspace on `app`, told its 80x24 screen as the run loop tells it before a frame.
    pub fn new(app: App) -> Workspace {
        let size = Size::new(80, 24);
        let mut w = Workspace {
            app,
            terminal: Terminal::new(TestBackend::new(size.width, size.height))
                .expect("a test terminal"),
            size,
        };
        w.app.update(Msg::Resize(size));
        w
    }

    /// A key with modifiers.
    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) -> &mut Self {
        self.app.update(Msg::Key(KeyEvent::new(code, modifiers)));
        self
    }

    /// A key on its own.
    pub fn press(&mut self, code: KeyCode) -> &mut Self {
        self.key(code, KeyModifiers::NONE)
    }

    pub fn alt(&mut self, c: char) -> &mut Self {
        self.key(KeyCode::Char(c), KeyModifiers::ALT)
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// Typed a key at a time, as a clerk types: `\n` is Enter, `\t` is Tab.
    pub fn typed(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '\n' => self.press(KeyCode::Enter),
                '\t' => self.press(KeyCode::Tab),
                c => self.press(KeyCode::Char(c)),
            };
        }
        self
    }

    /// A bracketed paste.
    pub fn paste(&mut self, text: &str) -> &mut Self {
        self.app.update(Msg::Paste(text.into()));
        self
    }

    /// The clock moves on to `now`.
    pub fn tick(&mut self, now: NaiveDateTime) -> &mut Self {
        self.app.update(Msg::Tick(now));
        self
    }

    /// A left click at `column`, `row` of the screen.
    pub fn click(&mut self, column: u16, row: u16) -> &mut Self {
        self.app.update(Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }));
        self
    }

    /// The terminal becomes `width` by `height`; the app is told, as before a frame.
    pub fn resize(&mut self, width: u16, height: u16) -> &mut Self {
        let size = Size::new(width, height);
        if self.size != size {
            self.size = size;
            self.terminal.backend_mut().resize(width, height);
            self.app.update(Msg::Resize(size));
        }
        self
    }

    /// One frame at `width` by `height`: the terminal, for snapshots and cell styles.
    pub fn render(&mut self, width: u16, height: u16) -> &Terminal<TestBackend> {
        self.resize(width, height);
        self.terminal
            .draw(|f| ui::draw(&self.app, f))
            .expect("a test terminal draws");
        &self.terminal
    }

    /// Where the last frame left the terminal's cursor.
    pub fn cursor(&mut self) -> ratatui::layout::Position {
        use ratatui::backend::Backend;
        self.terminal
            .backend_mut()
            .get_cursor_position()
            .expect("a test terminal has a cursor")
    }

    /// One frame at `width` by `height`, as text.
    pub fn screen(&mut self, width: u16, height: u16) -> String {
        self.render(width, height).backend().to_string()
    }
}

impl Deref for Workspace {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for Workspace {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}
