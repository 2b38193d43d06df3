//! End to end: the real binary in a pseudo-terminal. A clerk marks attendance, steps to
//! item 2, types and pastes minutes, captures an action and quits; the JSON on disk holds
//! it all. Input keeps flowing however it arrives, and a SIGKILL loses at most the last
//! moments of typing.

mod common;

use common::pty::{CTRL_Q, ENTER, Pty, TAB, alt, wait_for_file};
use serde_json::Value;

fn meeting(data: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(data.join("2026-12-09.json")).unwrap()).unwrap()
}

/// The text a journal inserts, in order: typing arrives in pieces, each its own record.
fn journaled(journal: &str) -> String {
    journal
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|r| r["edit"]["op"] == "insert")
        .filter_map(|r| r["edit"]["text"].as_str().map(str::to_string))
        .collect()
}

/// Every item's minutes, in agenda order, depth first.
fn minutes(m: &Value) -> Vec<String> {
    fn walk(items: &Value, out: &mut Vec<String>) {
        for i in items.as_array().into_iter().flatten() {
            out.push(i["minutes"].as_str().unwrap().to_string());
            walk(&i["sub_items"], out);
        }
    }
    let mut out = Vec::new();
    walk(&m["agenda"], &mut out);
    out
}

fn prose(bytes: usize) -> String {
    let mut s = String::new();
    let mut n = 0;
    while s.len() < bytes {
        n += 1;
        s.push_str(&format!(
            "Paragraph {n}: the Board noted the report on placement stability and asked questions. "
        ));
        if n % 5 == 0 {
            s.push('\n');
        }
    }
    s
}

/// Opens the December meeting, starts it and goes to item 2's minutes.
fn open_at_item_2(data: &std::path::Path) -> Pty {
    open_at_item_2_with_env(data, &[])
}

fn open_at_item_2_with_env(data: &std::path::Path, env: &[(&str, &str)]) -> Pty {
    let mut t = Pty::spawn_with_env(data, &["open", "2026-12-09"], 100, 30, env);
    t.wait_text("1 Agenda");
    t.start_live();
    t.send(b"n");
    t.wait_text("Now: 2 Minutes of the meeting held on 11 November 2026");
    t.send(&alt('3'));
    t.wait_text("2 Minutes of the meeting held on 11 November 2026 and matters arising");
    t
}

#[test]
fn a_clerks_meeting_reaches_the_disk_whole() {
    let (_tmp, data) = common::demo_data();
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 100, 30);
    t.wait_text("1 Agenda");
    // Attendance: the chair present, the vice-chair sends apologies.
    t.send(&alt('5'));
    t.wait_text("Quorum:");
    t.send(b"pa");
    t.wait_text("A apologies");
    // Start and step to item 2.
    t.send(&alt('1'));
    t.start_live();
    t.send(b"n");
    t.wait_text("Now: 2 Minutes of the meeting held");
    t.send(&alt('3'));
    t.wait_text("2 Minutes of the meeting held on 11 November 2026 and matters arising");
    t.type_text("The minutes were agreed. Café, naïve, 子ども, 👩‍👧.");
    t.send(ENTER);
    // A bracketed paste of 20 KB.
    let pasted = prose(20_000);
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend_from_slice(pasted.as_bytes());
    paste.extend_from_slice(b"\x1b[201~");
    t.send(&paste);
    t.wait_text("Paragraph 2");
    t.send(&alt('a'));
    t.wait_text("Capture an action");
    t.type_text("Send the signed minutes to the archive");
    t.send(TAB);
    t.type_text("Leanne Ford");
    t.send(ENTER);
    t.wait_text("captured");
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");

    let m = meeting(&data);
    assert_eq!(m["status"], "in-progress");
    assert_eq!(m["attendance"][0]["status"], "present");
    assert_eq!(m["attendance"][1]["status"], "apologies");
    assert_eq!(
        minutes(&m)[0],
        "Apologies for absence were received from Cllr Daniel Okafor.\n",
        "the apologies line follows the attendance, on a line of its own"
    );
    let item2 = &minutes(&m)[1];
    assert!(
        item2.starts_with("The minutes were agreed. Café, naïve, 子ども, 👩‍👧.\n"),
        "{}",
        &item2[..80]
    );
    assert!(
        item2.contains(pasted.trim_end()),
        "the whole 20 KB paste arrived"
    );
    assert!(item2.ends_with(
        "ACTION: Send the signed minutes to the archive (Leanne Ford, due next meeting)\n"
    ));
    let action = m["actions"].as_array().unwrap().last().unwrap();
    assert_eq!(action["text"], "Send the signed minutes to the archive");
    assert_eq!(action["raised"]["meeting"], "2026-12-09");
}

/// Types `typed` into item 2's minutes with the idle save put off, and returns once the
/// journal holds it: whatever ends the program next (a kill, a hang-up) comes before any
/// save of that text, however slowly the test runs.
fn type_unsaved_at_item_2(data: &std::path::Path, typed: &str) -> Pty {
    let mut t = open_at_item_2_with_env(data, &[("MINUTEBOOK_IDLE_SAVE_SECS", "3600")]);
    t.type_text(typed);
    // On disk, not only on screen: the journal is written after the keys are handled.
    wait_for_file(&data.join("2026-12-09.journal"), "the typed text", |j| {
        journaled(j).contains(typed)
    });
    t
}

#[test]
fn a_20kb_burst_of_raw_keystrokes_all_arrives() {
    let (_tmp, data) = common::demo_data();
    let mut t = open_at_item_2(&data);
    // No bracketed paste: every byte is a key press, newlines as Enter.
    let burst = prose(20_000) + " END-OF-BURST";
    t.send(burst.replace('\n', "\r").as_bytes());
    t.wait_text("END-OF-BURST");
    t.send(CTRL_Q);
    assert!(t.wait_exit());
    assert_eq!(minutes(&meeting(&data))[1], burst);
}

#[test]
fn after_sigkill_the_next_start_offers_the_typed_text_back() {
    let (_tmp, data) = common::demo_data();
    let typed = "Matters arising: the CiCC asked for an update on bus passes. Résumé to follow.";
    let mut t = type_unsaved_at_item_2(&data, typed);
    t.signal(libc::SIGKILL);
    let _ = t.wait_exit();
    drop(t);
    assert_eq!(minutes(&meeting(&data))[1], "", "not saved before the kill");

    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 100, 30);
    t.wait_for("the offer of the item's 78 characters", |s| {
        s.contains("Unsaved text found")
            && s.contains(
                "Minutes of the meeting held on 11 November 2026 and matters arising: +78",
            )
    });
    t.send(b"r");
    t.wait_text("Recovered the unsaved text.");
    t.send(CTRL_Q);
    assert!(t.wait_exit());
    assert_eq!(minutes(&meeting(&data))[1], typed);
    let aside = common::count_files(&data, |n| n.starts_with("2026-12-09.journal.recovered-"));
    assert_eq!(aside, 1, "the journal is kept aside, not deleted");
}

#[test]
fn sigterm_saves_and_restores_the_terminal() {
    let (_tmp, data) = common::demo_data();
    let mut t = open_at_item_2(&data);
    t.type_text("Typed just before the council's shutdown.");
    t.wait_text("shutdown.");
    t.signal(libc::SIGTERM);
    // Returns once everything drawn has been read: the screen is the last one.
    assert!(t.wait_exit());
    assert_eq!(
        minutes(&meeting(&data))[1],
        "Typed just before the council's shutdown."
    );
    assert!(
        !t.screen().contains("1 Agenda"),
        "left the alternate screen:\n{}",
        t.screen()
    );
}

#[test]
fn a_second_instance_opens_read_only_and_says_who_holds_it() {
    let (_tmp, data) = common::demo_data();
    let mut first = Pty::spawn(&data, &["open", "2026-12-09"], 100, 30);
    first.wait_text("1 Agenda");
    let mut second = Pty::spawn(&data, &["open", "2026-12-09"], 100, 30);
    let holder = format!("pid {}", first.pid());
    second.wait_for("read-only, naming the holder", |s| {
        s.contains("READ-ONLY") && s.contains(&holder)
    });
    second.send(b"s");
    second.wait_text("Read-only:");
    second.send(CTRL_Q);
    assert!(second.wait_exit());
    first.send(CTRL_Q);
    assert!(first.wait_exit());
    assert_eq!(meeting(&data)["status"], "planned");
}

#[test]
fn a_failing_save_shows_not_saved_keeps_the_text_and_asks_before_quitting() {
    let (_tmp, data) = common::demo_data();
    let mut t = open_at_item_2(&data);
    // Starting the meeting and stepping to item 2 are saved at once: wait for that save on
    // disk (the status bar said "saved" before it), so the hand edit below comes after it.
    let path = data.join("2026-12-09.json");
    wait_for_file(&path, "item 2 started", |text| {
        serde_json::from_str::<Value>(text).is_ok_and(|m| m["agenda"][1]["started_at"].is_string())
    });
    // Someone edits the file by hand while it is open: saving over it would lose that.
    // (A longer text, so the edit shows in the file's size even within one clock tick.)
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Committee Room 1", "Committee Room 12");
    std::fs::write(&path, &edited).unwrap();
    t.type_text("First words.");
    t.send(&alt('n')); // an item switch saves at once, and this save fails
    t.wait_for("the failed save", |s| {
        s.contains("NOT SAVED") && s.contains("changed by something else")
    });
    t.send(CTRL_Q);
    t.wait_text("Press Ctrl-Q again to quit anyway");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        edited,
        "the hand edit is not overwritten"
    );
    t.send(CTRL_Q);
    assert!(t.wait_exit());
    let journal = std::fs::read_to_string(data.join("2026-12-09.journal")).unwrap();
    assert!(
        journaled(&journal).contains("First words."),
        "the text is still in the journal: {journal}"
    );
}

/// The window is closed while the clerk types: the text is saved, and minutebook ends
/// with an error status of its own, not an abort (which restoring a terminal that is
/// gone used to cause).
#[test]
fn closing_the_terminal_window_saves_the_text_and_exits_with_an_error_not_an_abort() {
    let (_tmp, data) = common::demo_data();
    let typed = "The window closed mid-sentence";
    let mut t = type_unsaved_at_item_2(&data, typed);
    t.hang_up();
    let status = t.wait_status();
    assert_eq!(status.signal(), None, "not killed by a signal: {status:?}");
    assert_ne!(status.exit_code(), 0, "a lost terminal is not a success");
    assert_eq!(minutes(&meeting(&data))[1], typed, "saved on the way out");
}

/// An officer opens the archive, searches, reads the meeting found at its item, and comes
/// back to the results and then to their own meeting, which was never touched.
#[test]
fn archive_search_open_a_result_and_return() {
    let (_tmp, data) = common::demo_data();
    let before = std::fs::read(data.join("2026-12-09.json")).unwrap();
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 100, 30);
    t.wait_text("1 Agenda");
    t.send(&alt('6'));
    t.wait_text("10 meetings, 8 with approved minutes");
    t.send(b"/");
    t.wait_text("Search every meeting");
    // Lower case, and both words must be in one item.
    t.type_text("ofsted unregulated\r");
    t.wait_text("Search results");
    t.wait_for("a hit with its item", |s| {
        s.contains("4.2 Children placed in unregulated") && s.contains("[unregulated]")
    });
    t.send(b"\r");
    t.wait_text("READING");
    t.wait_for("the item's minutes", |s| s.contains("notified to Ofsted"));
    // Typing into the minutes read is refused.
    t.send(b"x");
    t.wait_text("Read-only");
    t.send(b"\x1b");
    t.wait_for("the results again, the reading view gone", |s| {
        s.contains("Search results") && !s.contains("READING")
    });
    t.send(b"\x1b");
    t.wait_text("10 meetings");
    t.send(&alt('1'));
    t.wait_text("Wed 9 Dec 2026");
    t.send(CTRL_Q);
    assert!(t.wait_exit());
    assert_eq!(std::fs::read(data.join("2026-12-09.json")).unwrap(), before);
}

#[test]
fn the_workspace_refuses_a_meeting_with_impossible_figures_naming_the_field() {
    let (_tmp, data) = common::demo_data();
    let path = data.join("2026-06-10.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["standing"]["iha"]["due"] = 10.into();
    v["standing"]["iha"]["within_20_days"] = 15.into();
    v["standing"]["iha"]["late"] = 0.into();
    let bad = serde_json::to_string_pretty(&v).unwrap();
    std::fs::write(&path, &bad).unwrap();
    let mut t = Pty::spawn(&data, &["open", "2026-06-10"], 200, 30);
    t.wait_text("field standing.iha.within_20_days: 15 cannot be more than the 10 IHAs due");
    assert!(!t.wait_exit(), "a failure exit");
    let screen = t.screen();
    assert!(screen.contains("meeting 2026-06-10"), "{screen}");
    assert!(!screen.contains("150.0%"), "{screen}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        bad,
        "left untouched"
    );
}

/// The real binary at 80x24: an action longer than its field scrolls with the cursor, F1
/// over the form and Esc give the form back with the typing, and the whole text reaches
/// the file.
#[test]
fn help_over_a_form_gives_it_back_and_a_long_action_is_stored_whole() {
    let (_tmp, data) = common::demo_data();
    let text = "Ask the Director to write to every placing authority about notifications \
                of unregulated placements to Ofsted";
    let mut t = Pty::spawn(&data, &["open", "2026-12-09"], 80, 24);
    t.wait_text("1 Agenda");
    t.send(&alt('3'));
    t.wait_text("1 Welcome, apologies");
    t.send(&alt('a'));
    t.wait_text("Capture an action");
    t.type_text(text);
    t.wait_text("placements to Ofsted");
    t.wait_for("the start out of sight, marked", |s| {
        s.contains("…") && !s.contains("Ask the Director")
    });
    t.send(b"\x1bOP");
    t.wait_text("In forms");
    t.send(b"\x1b");
    t.wait_for("the form back, help gone", |s| {
        s.contains("Capture an action")
            && s.contains("placements to Ofsted")
            && !s.contains("In forms")
    });
    t.send(TAB);
    t.type_text("Karen Whitfield");
    t.send(ENTER);
    t.wait_text("captured");
    wait_for_file(&data.join("2026-12-09.json"), "the whole action", |s| {
        s.contains(text)
    });
    t.send(CTRL_Q);
    assert!(t.wait_exit());
    let m = meeting(&data);
    let action = m["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["text"] == text)
        .expect("the action, word for word");
    assert_eq!(action["owner"], "Karen Whitfield");
}

/// A meeting of 2019 written up from notes, weeks or years later: the clerk answers
/// "writing up", sets the meeting's and two items' times (one overlap refused, naming the
/// item in the way), ends it, and the file holds the times as set and no clock time.
#[test]
fn a_past_meeting_written_up_afterwards_keeps_the_times_the_clerk_set() {
    let (_tmp, data) = common::demo_data();
    let made = common::minutebook(&data, &["new", "--date", "2019-03-06"]);
    assert!(made.status.success(), "{}", common::stderr(&made));
    let mut t = Pty::spawn(&data, &["open", "2019-03-06"], 100, 30);
    t.wait_text("1 Agenda");
    t.start_written_up_unmarked();
    t.set_meeting_times("14:00", "15:30");
    t.set_item_times("1", "14:00", "14:10");
    t.send(b"j");
    t.set_item_times("2", "14:10", "14:25");
    t.send(b"j");
    t.enter_item_times("3", "14:20", "14:30");
    t.wait_text("item 3 would start at 14:20, before item 2 ends at 14:25");
    t.send(b"\x1b");
    t.wait_for("the form closed", |s| !s.contains("Times of item 3"));
    t.end_meeting();
    t.send(CTRL_Q);
    assert!(t.wait_exit(), "clean exit");

    let m: Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("2019-03-06.json")).unwrap())
            .unwrap();
    assert_eq!(m["status"], "draft");
    assert_eq!(m["minuting"], "write-up");
    assert_eq!(
        (&m["began_at"], &m["ended_at"]),
        (&"14:00".into(), &"15:30".into())
    );
    let times = |i: usize| {
        let item = &m["agenda"][i];
        (item["started_at"].clone(), item["ended_at"].clone())
    };
    assert_eq!(times(0), ("14:00".into(), "14:10".into()));
    assert_eq!(times(1), ("14:10".into(), "14:25".into()));
    assert_eq!(
        times(2),
        (Value::Null, Value::Null),
        "the refused times were not kept"
    );
}
