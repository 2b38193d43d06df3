//! `--ascii` on the real binary in a pseudo-terminal: the demo's every frame is plain
//! ASCII, the item view included, for terminals and screen readers that garble the rest.

mod common;

use common::pty::{CTRL_Q, Pty};

#[test]
fn the_demo_in_ascii_draws_nothing_but_ascii_and_opens_the_item_view() {
    let tmp = tempfile::tempdir().unwrap();
    let mut t = Pty::spawn_with_env(
        tmp.path(),
        &["--ascii", "demo"],
        80,
        24,
        &[("TMPDIR", tmp.path().to_str().unwrap())],
    );
    // The tab bar's dividers are bars now: the first frame is drawn in ASCII.
    t.wait_text("1 Agenda |");
    let list = t.screen();
    assert!(list.is_ascii(), "{list}");
    t.send(b"i");
    t.wait_for("the item view", |s| {
        s.contains(" Item ") && s.contains("PgUp/PgDn scroll")
    });
    let view = t.screen();
    assert!(view.is_ascii(), "{view}");
    assert!(view.contains("i or Esc back to the list"), "{view}");
    t.send(CTRL_Q);
    assert!(t.wait_exit());
}
