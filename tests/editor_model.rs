//! The editor against a reference model: a `String`, a cursor and a selection
//! anchor (char offsets), a clipboard and undo/redo stacks of whole-text
//! snapshots. Random key sequences (typing ASCII, accents, combining marks, CJK,
//! emoji, newlines; deletes; motions with and without Shift; clipboard; undo and
//! redo; pastes with CRLF, tabs and control characters; resizes from 1 to 200
//! columns) must leave the editor and the model agreeing after every step.
//!
//! Motions that depend on wrapping (Up/Down, PgUp/PgDn, Home/End) are not
//! re-implemented here: the model takes the editor's cursor after checking it
//! lies on a grapheme boundary and moved in the right direction.

use minutebook::editor::{EditOp, Editor, Outcome, apply_op, replay_ops};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone)]
enum Step {
    Type(char),
    Enter,
    Tab,
    Backspace,
    Delete,
    WordBack,
    WordForward,
    Move(KeyCode, KeyModifiers),
    SelectAll,
    Escape,
    Copy,
    Cut,
    PasteClipboard,
    Paste(String),
    Undo,
    Redo,
    Resize(u16, u16),
}

const TYPED: &[char] = &[
    'a', 'b', 'Z', ' ', ' ', '.', 'é', '\u{301}', '中', '😀', '🇫', '🇷', '\u{200d}', '_',
];

const PASTES: &[&str] = &[
    "word",
    "two words ",
    "line\r\nnext",
    "cr\ronly",
    "col\tumn\tx",
    "bell\u{7}esc\u{1b}",
    "👩\u{200d}💻 and 🇬🇧",
    "e\u{301}\u{302} café",
    "中文字符很长中文字符很长中文字符很长",
    "\n\n",
    "averyveryveryverylongwordwithoutanyspaceatallxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "",
];

const STARTS: &[&str] = &[
    "",
    "Present: Cllr Ames\nApologies: none",
    "ACTION: clerk\n\n中文 text with e\u{301} and 👩\u{200d}💻\nlast line   ",
];

fn step() -> impl Strategy<Value = Step> {
    let motion_keys = prop_oneof![
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
    ];
    let mods = prop_oneof![
        Just(KeyModifiers::NONE),
        Just(KeyModifiers::SHIFT),
        Just(KeyModifiers::CONTROL),
        Just(KeyModifiers::CONTROL | KeyModifiers::SHIFT),
    ];
    prop_oneof![
        12 => prop::sample::select(TYPED).prop_map(Step::Type),
        2 => Just(Step::Enter),
        1 => Just(Step::Tab),
        3 => Just(Step::Backspace),
        2 => Just(Step::Delete),
        1 => Just(Step::WordBack),
        1 => Just(Step::WordForward),
        8 => (motion_keys, mods).prop_map(|(k, m)| Step::Move(k, m)),
        1 => Just(Step::SelectAll),
        1 => Just(Step::Escape),
        1 => Just(Step::Copy),
        1 => Just(Step::Cut),
        1 => Just(Step::PasteClipboard),
        2 => prop::sample::select(PASTES).prop_map(|s| Step::Paste(s.to_owned())),
        3 => Just(Step::Undo),
        2 => Just(Step::Redo),
        2 => (1u16..=200, 1u16..=12).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

// ---- The reference model -------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Typing { space: bool },
    Backspace,
    DeleteForward,
    Other,
}

#[derive(Debug, Clone)]
struct Snapshot {
    before: (String, usize),
    after: (String, usize),
}

#[derive(Debug)]
struct Model {
    text: String,
    cursor: usize,
    anchor: Option<usize>,
    clipboard: String,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// Kind of the last undo step while it may still grow.
    open: Option<Kind>,
}

fn byte_of(text: &str, offset: usize) -> usize {
    text.char_indices()
        .nth(offset)
        .map_or(text.len(), |(b, _)| b)
}

fn boundaries(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(b, _)| text[..b].chars().count())
        .collect();
    out.push(text.chars().count());
    out
}

fn width(g: &str) -> usize {
    if g.len() == 1 {
        1
    } else {
        g.width().clamp(1, 2)
    }
}

fn class(g: &str) -> u8 {
    match g.chars().next() {
        Some(c) if c.is_whitespace() => 0,
        Some(c) if c.is_alphanumeric() || c == '_' => 1,
        _ => 2,
    }
}

fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text: String = text
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect();
    let mut out = Vec::new();
    for line in text.split('\n') {
        let mut l = String::new();
        let mut col = 0;
        for g in line.graphemes(true) {
            if g == "\t" {
                let n = 4 - col % 4;
                l.push_str(&" ".repeat(n));
                col += n;
            } else {
                l.push_str(g);
                col += width(g);
            }
        }
        out.push(l);
    }
    out.join("\n")
}

impl Model {
    fn new(text: &str) -> Self {
        Self {
            text: normalize(text),
            cursor: 0,
            anchor: None,
            clipboard: String::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            open: None,
        }
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn selection(&self) -> Option<(usize, usize)> {
        let a = self.anchor?;
        (a != self.cursor).then(|| (a.min(self.cursor), a.max(self.cursor)))
    }

    fn prev(&self, at: usize) -> usize {
        boundaries(&self.text)
            .into_iter()
            .rev()
            .find(|&b| b < at)
            .unwrap_or(0)
    }

    fn next(&self, at: usize) -> usize {
        boundaries(&self.text)
            .into_iter()
            .find(|&b| b > at)
            .unwrap_or(at)
    }

    /// Line start and end (char offsets) around `at`.
    fn line_bounds(&self, at: usize) -> (usize, usize) {
        let chars: Vec<char> = self.text.chars().collect();
        let start = chars[..at]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1);
        let end = chars[at..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |i| at + i);
        (start, end)
    }

    fn graphemes_between(&self, from: usize, to: usize) -> Vec<(usize, String)> {
        let (b0, b1) = (byte_of(&self.text, from), byte_of(&self.text, to));
        self.text[b0..b1]
            .grapheme_indices(true)
            .map(|(i, g)| (from + self.text[b0..b0 + i].chars().count(), g.to_owned()))
            .collect()
    }

    fn word_left(&self, at: usize) -> usize {
        let (start, _) = self.line_bounds(at);
        if at == start {
            return self.prev(at);
        }
        let gs = self.graphemes_between(start, at);
        let mut it = gs.iter().rev().peekable();
        while it.next_if(|(_, g)| class(g) == 0).is_some() {}
        let Some((_, g)) = it.peek() else {
            return start;
        };
        let c = class(g);
        let mut pos = start;
        while let Some((i, _)) = it.next_if(|(_, g)| class(g) == c) {
            pos = *i;
        }
        pos
    }

    fn word_right(&self, at: usize) -> usize {
        let (_, end) = self.line_bounds(at);
        if at == end {
            return self.next(at);
        }
        let gs = self.graphemes_between(at, end);
        let mut it = gs.iter().peekable();
        let first = class(&it.peek().unwrap().1);
        if first != 0 {
            while it.next_if(|(_, g)| class(g) == first).is_some() {}
        }
        while it.next_if(|(_, g)| class(g) == 0).is_some() {}
        it.peek().map_or(end, |(i, _)| *i)
    }

    fn seal(&mut self) {
        self.open = None;
    }

    /// Replaces chars `start..end` by `ins`, grouping undo steps like the editor.
    fn replace(&mut self, start: usize, end: usize, ins: &str, kind: Kind) {
        if start == end && ins.is_empty() {
            self.anchor = None;
            return;
        }
        let before = (self.text.clone(), self.cursor);
        let (b0, b1) = (byte_of(&self.text, start), byte_of(&self.text, end));
        self.text.replace_range(b0..b1, ins);
        let mut cursor = start + ins.chars().count();
        let bs = boundaries(&self.text);
        if !bs.contains(&cursor) {
            cursor = *bs.iter().find(|&&b| b > cursor).unwrap();
        }
        self.cursor = cursor;
        self.anchor = None;
        let after = (self.text.clone(), self.cursor);
        let continues = match (self.open, kind) {
            (Some(Kind::Typing { space: prev }), Kind::Typing { space }) => !prev || space,
            (Some(Kind::Backspace), Kind::Backspace) => true,
            (Some(Kind::DeleteForward), Kind::DeleteForward) => true,
            _ => false,
        };
        self.redo.clear();
        if continues {
            self.undo.last_mut().unwrap().after = after;
        } else {
            self.undo.push(Snapshot { before, after });
        }
        self.open = (kind != Kind::Other).then_some(kind);
    }

    fn type_text(&mut self, s: &str, space: bool) {
        let (start, end) = self.selection().unwrap_or((self.cursor, self.cursor));
        if start != end {
            self.seal();
        }
        self.replace(start, end, s, Kind::Typing { space });
    }

    fn delete(&mut self, kind: Kind, other: usize) {
        let (start, end, kind) = match self.selection() {
            Some((s, e)) => (s, e, Kind::Other),
            None => (other.min(self.cursor), other.max(self.cursor), kind),
        };
        self.replace(start, end, "", kind);
    }

    fn paste(&mut self, s: &str) {
        self.seal();
        let (start, end) = self.selection().unwrap_or((self.cursor, self.cursor));
        self.replace(start, end, &normalize(s), Kind::Other);
        self.seal();
    }

    fn undo(&mut self) {
        self.seal();
        if let Some(s) = self.undo.pop() {
            (self.text, self.cursor) = s.before.clone();
            self.anchor = None;
            self.redo.push(s);
        }
    }

    fn redo(&mut self) {
        self.seal();
        if let Some(s) = self.redo.pop() {
            (self.text, self.cursor) = s.after.clone();
            self.anchor = None;
            self.undo.push(s);
        }
    }
}

// ---- Driving both ---------------------------------------------------------

fn press(ed: &mut Editor, code: KeyCode, m: KeyModifiers) -> Outcome {
    ed.handle_key(KeyEvent::new(code, m))
}

fn draw(ed: &mut Editor, (w, h): (u16, u16)) {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    ed.render(area, &mut buf);
    let cursor = ed.cursor_position().expect("the view follows the cursor");
    assert!(area.contains(cursor), "cursor {cursor:?} outside {area:?}");
}

fn on_boundary(text: &str, offset: usize) -> bool {
    boundaries(text).contains(&offset)
}

fn run(start: &str, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut ed = Editor::new(start);
    let mut model = Model::new(start);
    let saved = ed.text();
    prop_assert_eq!(&saved, &model.text);
    let mut journal: Vec<EditOp> = Vec::new();
    let mut size = (80u16, 24u16);
    draw(&mut ed, size);

    for (i, step) in steps.iter().enumerate() {
        match step {
            Step::Type(c) => {
                press(&mut ed, KeyCode::Char(*c), KeyModifiers::NONE);
                model.type_text(&c.to_string(), c.is_whitespace());
            }
            Step::Enter => {
                press(&mut ed, KeyCode::Enter, KeyModifiers::NONE);
                model.type_text("\n", true);
            }
            Step::Tab => {
                press(&mut ed, KeyCode::Tab, KeyModifiers::NONE);
                let (ls, _) = model.line_bounds(model.cursor);
                let w: usize = model
                    .graphemes_between(ls, model.cursor)
                    .iter()
                    .map(|(_, g)| width(g))
                    .sum();
                model.type_text(&" ".repeat(4 - w % 4), true);
            }
            Step::Backspace => {
                press(&mut ed, KeyCode::Backspace, KeyModifiers::NONE);
                model.delete(Kind::Backspace, model.prev(model.cursor));
            }
            Step::Delete => {
                press(&mut ed, KeyCode::Delete, KeyModifiers::NONE);
                model.delete(Kind::DeleteForward, model.next(model.cursor));
            }
            Step::WordBack => {
                press(&mut ed, KeyCode::Char('w'), KeyModifiers::CONTROL);
                model.seal();
                model.delete(Kind::Other, model.word_left(model.cursor));
            }
            Step::WordForward => {
                press(&mut ed, KeyCode::Delete, KeyModifiers::CONTROL);
                model.seal();
                model.delete(Kind::Other, model.word_right(model.cursor));
            }
            Step::Move(code, m) => {
                press(&mut ed, *code, *m);
                model.seal();
                let select = m.contains(KeyModifiers::SHIFT);
                if select && model.anchor.is_none() {
                    model.anchor = Some(model.cursor);
                } else if !select {
                    model.anchor = None;
                }
                let ctrl = m.contains(KeyModifiers::CONTROL);
                let c = model.cursor;
                match (code, ctrl) {
                    (KeyCode::Left, false) => model.cursor = model.prev(c),
                    (KeyCode::Right, false) => model.cursor = model.next(c),
                    (KeyCode::Left, true) => model.cursor = model.word_left(c),
                    (KeyCode::Right, true) => model.cursor = model.word_right(c),
                    (KeyCode::Home, true) => model.cursor = 0,
                    (KeyCode::End, true) => model.cursor = model.len(),
                    _ => {
                        // Wrap-dependent: take the editor's answer, within limits.
                        let new = ed.cursor_offset();
                        let (ls, le) = model.line_bounds(c);
                        match code {
                            KeyCode::Up | KeyCode::PageUp => prop_assert!(new <= c),
                            KeyCode::Down | KeyCode::PageDown => prop_assert!(new >= c),
                            KeyCode::Home => prop_assert!(ls <= new && new <= c),
                            KeyCode::End => prop_assert!(c <= new && new <= le),
                            _ => {}
                        }
                        model.cursor = new;
                    }
                }
            }
            Step::SelectAll => {
                press(&mut ed, KeyCode::Char('a'), KeyModifiers::CONTROL);
                model.seal();
                model.anchor = Some(0);
                model.cursor = model.len();
            }
            Step::Escape => {
                press(&mut ed, KeyCode::Esc, KeyModifiers::NONE);
                model.seal();
                model.anchor = None;
            }
            Step::Copy => {
                press(&mut ed, KeyCode::Char('c'), KeyModifiers::CONTROL);
                model.seal();
                if let Some((s, e)) = model.selection() {
                    let (b0, b1) = (byte_of(&model.text, s), byte_of(&model.text, e));
                    model.clipboard = model.text[b0..b1].to_owned();
                }
            }
            Step::Cut => {
                press(&mut ed, KeyCode::Char('x'), KeyModifiers::CONTROL);
                model.seal();
                if let Some((s, e)) = model.selection() {
                    let (b0, b1) = (byte_of(&model.text, s), byte_of(&model.text, e));
                    model.clipboard = model.text[b0..b1].to_owned();
                    model.replace(s, e, "", Kind::Other);
                }
            }
            Step::PasteClipboard => {
                press(&mut ed, KeyCode::Char('v'), KeyModifiers::CONTROL);
                model.seal();
                if !model.clipboard.is_empty() {
                    let clip = model.clipboard.clone();
                    model.paste(&clip);
                }
            }
            Step::Paste(s) => {
                prop_assert_eq!(ed.paste(s), Outcome::Consumed);
                model.paste(s);
            }
            Step::Undo => {
                press(&mut ed, KeyCode::Char('z'), KeyModifiers::CONTROL);
                model.undo();
            }
            Step::Redo => {
                press(&mut ed, KeyCode::Char('y'), KeyModifiers::CONTROL);
                model.redo();
            }
            Step::Resize(w, h) => size = (*w, *h),
        }
        let text = ed.text();
        prop_assert_eq!(&text, &model.text, "text after step {} {:?}", i, step);
        prop_assert_eq!(
            ed.cursor_offset(),
            model.cursor,
            "cursor after step {} {:?}",
            i,
            step
        );
        prop_assert!(on_boundary(&text, model.cursor), "cursor inside a grapheme");
        prop_assert_eq!(
            ed.selection(),
            model.selection().map(|(s, e)| s..e),
            "selection after step {} {:?}",
            i,
            step
        );
        prop_assert_eq!(ed.clipboard(), model.clipboard.as_str());
        draw(&mut ed, size);
        ed.check_invariants().map_err(TestCaseError::fail)?;
        journal.extend(ed.take_ops());
        let mut replayed = saved.clone();
        for op in &journal {
            apply_op(&mut replayed, op).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        prop_assert_eq!(
            &replayed,
            &text,
            "journal replay after step {} {:?}",
            i,
            step
        );
    }

    // Undo everything, then redo everything.
    let end = ed.text();
    let mut undone = 0;
    while ed.can_undo() {
        press(&mut ed, KeyCode::Char('z'), KeyModifiers::CONTROL);
        undone += 1;
    }
    prop_assert_eq!(ed.text(), saved.clone());
    for _ in 0..undone {
        press(
            &mut ed,
            KeyCode::Char('Z'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
    }
    prop_assert_eq!(ed.text(), end.clone());
    journal.extend(ed.take_ops());
    let mut replayed = saved.clone();
    for op in &journal {
        apply_op(&mut replayed, op).unwrap();
    }
    prop_assert_eq!(&replayed, &end);
    prop_assert_eq!(replay_ops(&saved, &journal).unwrap(), end);
    draw(&mut ed, size);
    Ok(())
}

proptest! {
    // 1000 cases keep the suite to a few seconds in debug builds; set
    // EDITOR_MODEL_CASES for a longer hunt.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("EDITOR_MODEL_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
    ))]

    #[test]
    fn editor_matches_the_model(
        start in prop::sample::select(STARTS),
        steps in prop::collection::vec(step(), 1..80),
    ) {
        run(start, &steps)?;
    }
}

/// Regressions found while building the editor, kept as plain tests.
#[test]
fn flags_typed_one_indicator_at_a_time_become_one_grapheme() {
    let steps = [Step::Type('🇫'), Step::Type('🇷'), Step::Backspace];
    run("", &steps).unwrap();
}

#[test]
fn a_one_column_pane_with_wide_text_still_shows_the_cursor() {
    let steps = [
        Step::Resize(1, 1),
        Step::Paste("中文字".into()),
        Step::Move(KeyCode::Up, KeyModifiers::NONE),
        Step::Move(KeyCode::End, KeyModifiers::NONE),
    ];
    run("", &steps).unwrap();
}
