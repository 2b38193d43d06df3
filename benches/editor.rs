//! Benchmarks of the minutes editor against the budgets of issue 3.
//!
//! Text: generated minutes prose, paragraphs of one to twelve sentences with a
//! few accented words, `ACTION:`/`DECISION:` items, and now and then a long
//! pasted report (4–16 KB on one line). Sizes 10 KB, 100 KB, 1 MB, 10 MB.
//!
//! - `type_and_draw_*`: one iteration = a typed character at the start, middle
//!   or end of the text, draining the operation log (as the app journals it),
//!   and a draw at 120x40 into a ratatui `Buffer`. The text grows by one
//!   character per iteration, as it does for a clerk.
//! - `backspace_and_draw_middle`, `arrow_and_draw_middle`,
//!   `jump_end_home_and_draw`, `enter_and_draw_middle`: the same for deleting,
//!   moving and splitting a paragraph.
//! - `paste_1mb`: a 1 MB bracketed paste into the middle of 100 KB, then a draw.
//! - `load_1mb`: `Editor::new` with 1 MB, then the first draw.
//! - `replay_10k_ops_onto_1mb`: `replay_ops` of a 10,000-keystroke journal.
//! - Memory: measured before divan runs, by a counting global allocator: live
//!   heap bytes held by an editor with 1 MB loaded and 10,000 edits made (each
//!   its own undo step, the worst case), and the peak while making them.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use minutebook::editor::Editor;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

// ---- A counting allocator for the memory figure ----------------------------

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: delegates to the system allocator and only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let grow = new_size - layout.size();
                let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

// ---- Generated minutes -----------------------------------------------------

const KB: usize = 1024;
const MB: usize = 1024 * KB;
const SIZES: [usize; 4] = [10 * KB, 100 * KB, MB, 10 * MB];

const WORDS: &[&str] = &[
    "the",
    "board",
    "noted",
    "that",
    "report",
    "children",
    "in",
    "care",
    "council",
    "officers",
    "placement",
    "stability",
    "was",
    "discussed",
    "and",
    "members",
    "asked",
    "about",
    "foster",
    "carers",
    "recruitment",
    "of",
    "social",
    "workers",
    "caseloads",
    "remained",
    "high",
    "café",
    "naïve",
    "rôle",
    "director",
    "agreed",
    "to",
    "circulate",
    "figures",
    "before",
    "next",
    "meeting",
    "with",
    "a",
    "review",
    "independent",
    "visitors",
    "health",
    "assessments",
    "education",
    "plans",
    "virtual",
    "school",
    "head",
    "reported",
    "progress",
    "on",
    "attendance",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    fn below(&mut self, n: usize) -> usize {
        self.next() % n
    }
}

fn sentence(rng: &mut Rng, out: &mut String) {
    let n = 6 + rng.below(18);
    for i in 0..n {
        let w = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            let mut c = w.chars();
            let first = c.next().unwrap();
            out.extend(first.to_uppercase());
            out.push_str(c.as_str());
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out.push_str(". ");
}

/// About `size` bytes of minutes prose; the same seed for every size, so
/// smaller texts are prefixes of larger ones.
fn prose(size: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(size + 20 * KB);
    while out.len() < size {
        match rng.below(40) {
            0 => out.push_str("ACTION: "),
            1 => out.push_str("DECISION: "),
            2 => out.push_str("RESOLVED: "),
            _ => {}
        }
        // One paragraph in twenty-five is a long pasted report on one line.
        let target = if rng.below(25) == 0 {
            4 * KB + rng.below(12 * KB)
        } else {
            50 + rng.below(1200)
        };
        let start = out.len();
        while out.len() - start < target {
            sentence(&mut rng, &mut out);
        }
        out.push('\n');
        if rng.below(3) == 0 {
            out.push('\n');
        }
    }
    let end = out.floor_char_boundary_compat(size);
    out.truncate(end);
    out
}

fn text(size: usize) -> &'static str {
    static TEXTS: [OnceLock<String>; 4] = [const { OnceLock::new() }; 4];
    let i = SIZES.iter().position(|&s| s == size).unwrap();
    TEXTS[i].get_or_init(|| prose(size))
}

fn draw(ed: &mut Editor, buf: &mut Buffer) {
    let area = buf.area;
    ed.render(area, buf);
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

// ---- Typing ----------------------------------------------------------------

#[derive(Clone, Copy)]
enum At {
    Start,
    Middle,
    End,
}

fn type_and_draw(bencher: divan::Bencher, size: usize, at: At) {
    let mut ed = Editor::new(text(size));
    match at {
        At::Start => {}
        At::Middle => ed.set_cursor_offset(ed.len_chars() / 2),
        At::End => ed.set_cursor_offset(ed.len_chars()),
    }
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    draw(&mut ed, &mut buf);
    let typed: Vec<char> = "minutes agreed ".chars().collect();
    let mut i = 0;
    bencher.bench_local(|| {
        ed.handle_key(key(typed[i % typed.len()]));
        i += 1;
        divan::black_box(ed.take_ops());
        draw(&mut ed, &mut buf);
    });
}

#[divan::bench(args = SIZES, max_time = 3)]
fn type_and_draw_start(bencher: divan::Bencher, size: usize) {
    type_and_draw(bencher, size, At::Start);
}

#[divan::bench(args = SIZES, max_time = 3)]
fn type_and_draw_middle(bencher: divan::Bencher, size: usize) {
    type_and_draw(bencher, size, At::Middle);
}

#[divan::bench(args = SIZES, max_time = 3)]
fn type_and_draw_end(bencher: divan::Bencher, size: usize) {
    type_and_draw(bencher, size, At::End);
}

/// Backspace in the middle + draw.
#[divan::bench(args = SIZES, max_time = 3)]
fn backspace_and_draw_middle(bencher: divan::Bencher, size: usize) {
    let mut ed = Editor::new(text(size));
    ed.set_cursor_offset(ed.len_chars() / 2);
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    bencher.bench_local(|| {
        ed.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        divan::black_box(ed.take_ops());
        draw(&mut ed, &mut buf);
    });
}

/// Down or Up (alternately) from the middle + draw.
#[divan::bench(args = SIZES, max_time = 3)]
fn arrow_and_draw_middle(bencher: divan::Bencher, size: usize) {
    let mut ed = Editor::new(text(size));
    ed.set_cursor_offset(ed.len_chars() / 2);
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    let mut down = true;
    bencher.bench_local(|| {
        let code = if down { KeyCode::Down } else { KeyCode::Up };
        down = !down;
        ed.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        draw(&mut ed, &mut buf);
    });
}

/// Ctrl-End and Ctrl-Home alternately + draw: the view jumps across the
/// whole text and never counts the rows in between.
#[divan::bench(args = SIZES, max_time = 3)]
fn jump_end_home_and_draw(bencher: divan::Bencher, size: usize) {
    let mut ed = Editor::new(text(size));
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    let mut end = true;
    bencher.bench_local(|| {
        let code = if end { KeyCode::End } else { KeyCode::Home };
        end = !end;
        ed.handle_key(KeyEvent::new(code, KeyModifiers::CONTROL));
        draw(&mut ed, &mut buf);
    });
}

/// Enter in the middle: splits a paragraph, so lines move within one chunk.
#[divan::bench(args = SIZES, max_time = 3)]
fn enter_and_draw_middle(bencher: divan::Bencher, size: usize) {
    let mut ed = Editor::new(text(size));
    ed.set_cursor_offset(ed.len_chars() / 2);
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    bencher.bench_local(|| {
        ed.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        divan::black_box(ed.take_ops());
        draw(&mut ed, &mut buf);
    });
}

/// Typing into the middle of one 64 KB paragraph (a report pasted without
/// line breaks): the wrap cache re-wraps a few rows, not the paragraph.
#[divan::bench(max_time = 3)]
fn type_and_draw_in_64kb_paragraph(bencher: divan::Bencher) {
    let paragraph = text(100 * KB).replace('\n', " ");
    let paragraph = &paragraph[..paragraph.floor_char_boundary_compat(64 * KB)];
    let mut ed = Editor::new(paragraph);
    ed.set_cursor_offset(ed.len_chars() / 2);
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    draw(&mut ed, &mut buf);
    let typed: Vec<char> = "minutes agreed ".chars().collect();
    let mut i = 0;
    bencher.bench_local(|| {
        ed.handle_key(key(typed[i % typed.len()]));
        i += 1;
        divan::black_box(ed.take_ops());
        draw(&mut ed, &mut buf);
    });
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, at: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, mut at: usize) -> usize {
        at = at.min(self.len());
        while !self.is_char_boundary(at) {
            at -= 1;
        }
        at
    }
}

/// Drawing alone, for comparison with the reference figures.
#[divan::bench(args = SIZES, max_time = 2)]
fn draw_only(bencher: divan::Bencher, size: usize) {
    let mut ed = Editor::new(text(size));
    ed.set_cursor_offset(ed.len_chars() / 2);
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    bencher.bench_local(|| draw(&mut ed, &mut buf));
}

// ---- Paste and load --------------------------------------------------------

#[divan::bench(sample_count = 30, max_time = 5)]
fn paste_1mb(bencher: divan::Bencher) {
    let report = text(MB);
    bencher
        .with_inputs(|| {
            let mut ed = Editor::new(text(100 * KB));
            ed.set_cursor_offset(ed.len_chars() / 2);
            (ed, Buffer::empty(Rect::new(0, 0, 120, 40)))
        })
        .bench_local_refs(|(ed, buf)| {
            ed.paste(report);
            draw(ed, buf);
        });
}

#[divan::bench(sample_count = 30, max_time = 5)]
fn load_1mb(bencher: divan::Bencher) {
    let minutes = text(MB);
    bencher
        .with_inputs(|| Buffer::empty(Rect::new(0, 0, 120, 40)))
        .bench_local_refs(|buf| {
            let mut ed = Editor::new(minutes);
            draw(&mut ed, buf);
            ed
        });
}

/// Recovery: replaying a journal of 10,000 keystrokes (drained one by one, as
/// the app journals them) onto the saved 1 MB.
#[divan::bench(sample_count = 20, max_time = 5)]
fn replay_10k_ops_onto_1mb(bencher: divan::Bencher) {
    let saved = text(MB);
    let mut ed = Editor::new(saved);
    let mut journal = Vec::new();
    let mut rng = Rng(7);
    for i in 0..10_000 {
        if i % 20 == 0 {
            ed.set_cursor_offset(rng.below(ed.len_chars() + 1));
        }
        ed.handle_key(key(['m', 'i', 'n', ' '][i % 4]));
        journal.extend(ed.take_ops());
    }
    assert_eq!(journal.len(), 10_000);
    let want = ed.text();
    bencher.bench_local(|| {
        let replayed = minutebook::editor::replay_ops(saved, &journal).unwrap();
        assert_eq!(replayed.len(), want.len());
        replayed
    });
}

// ---- Memory ----------------------------------------------------------------

fn memory_report() {
    let minutes = text(MB).to_owned();
    let mut buf = Buffer::empty(Rect::new(0, 0, 120, 40));
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let mut ed = Editor::new(&minutes);
    draw(&mut ed, &mut buf);
    let loaded = LIVE.load(Ordering::Relaxed) - before;
    let mut rng = Rng(42);
    for i in 0..10_000 {
        // Jump somewhere, then edit: each edit is its own undo step.
        ed.set_cursor_offset(rng.below(ed.len_chars() + 1));
        let k = match i % 5 {
            4 => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            3 => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            _ => key(['a', 'é', ' ', '中'][i % 4]),
        };
        ed.handle_key(k);
        divan::black_box(ed.take_ops());
        if i % 100 == 0 {
            draw(&mut ed, &mut buf);
        }
    }
    let held = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    assert!(ed.can_undo());
    println!(
        "memory: 1 MB text + 10,000 edits of history: {:.2} MB held by the editor \
         ({:.2} MB just after loading), {:.2} MB peak while editing \
         (counting allocator, requested bytes; budget 8 MB)",
        held as f64 / MB as f64,
        loaded as f64 / MB as f64,
        peak as f64 / MB as f64,
    );
    drop(ed);
}

fn main() {
    memory_report();
    divan::main();
}
