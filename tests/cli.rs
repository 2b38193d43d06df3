//! The command line as scripts and clerks use it: the real binary, its output and its errors.

mod common;

use std::fs;
use std::process::{Command, Stdio};

use common::{minutebook, stderr, stdout};

fn demo_dir() -> tempfile::TempDir {
    common::demo_data().0
}

#[test]
fn list_writes_each_date_as_the_workspace_does_and_keeps_its_columns() {
    let tmp = demo_dir();
    let out = minutebook(&tmp.path().join("data"), &["list"]);
    let text = stdout(&out);
    let mut single_digit_days = 0;
    for line in text.lines() {
        let id = &line[..10];
        let date = chrono::NaiveDate::parse_from_str(id, "%Y-%m-%d").unwrap();
        single_digit_days += usize::from(chrono::Datelike::day(&date) < 10);
        // "Wed 9 Dec 2026", never "Wed 09 Dec 2026", padded so the status column aligns.
        let shown = format!("{:<15}  ", minutebook::words::weekday_date(date));
        assert_eq!(&line[23..23 + shown.len()], shown, "{line}");
    }
    assert!(
        single_digit_days > 0,
        "the demo year has a meeting early in a month"
    );
}

#[test]
fn list_prints_every_demo_meeting_and_json_parses() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    let out = minutebook(&data, &["list"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 10);
    assert!(text.lines().next().unwrap().starts_with("2026-02-11"));
    assert!(text.contains("2026-11-11") && text.contains("minutes in draft"));
    assert!(text.lines().last().unwrap().contains("planned"));

    let json: serde_json::Value =
        serde_json::from_slice(&minutebook(&data, &["list", "--json"]).stdout).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 10);
    assert_eq!(rows[8]["id"], "2026-11-11");
    assert_eq!(rows[8]["status"], "draft");
    assert_eq!(rows[8]["title"], "Corporate Parenting Board");
}

#[test]
fn show_prints_the_meeting_readably() {
    let tmp = demo_dir();
    let out = minutebook(&tmp.path().join("data"), &["show", "2026-06-10"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        common::flat(&text).contains(
            "Minutes of a meeting of the Corporate Parenting Board held at Committee Room 1, \
             County Hall on Wednesday 10 June 2026 at 14:00."
        ),
        "{text}"
    );
    assert!(text.contains("4.1. Initial Health Assessment timeliness"));
    assert!(text.contains("EXEMPT (Part B): Local Government Act 1972"));
    assert!(
        text.contains("\nPresent: Cllr Margaret Holloway (Chair), "),
        "{text}"
    );
    assert!(
        !text.contains("needed)"),
        "no quorum count in the minutes: {text}"
    );
    assert!(common::flat(&text).contains("ACTION: Written update on the placement"));
}

#[test]
fn new_carries_forward_open_actions_and_refers_to_the_previous_meeting() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    let out = minutebook(&data, &["new", "--date", "2027-01-13", "--time", "10:30"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "2027-01-13");
    let m: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(data.join("2027-01-13.json")).unwrap()).unwrap();
    assert_eq!(m["previous"], "2026-12-09");
    assert_eq!(m["start_time"], "10:30");
    let actions: Vec<_> = m["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        actions,
        [
            "2026-07-08#1",
            "2026-09-09#1",
            "2026-10-14#1",
            "2026-11-11#1"
        ],
        "every open action, none closed"
    );
    let agenda = m["agenda"].as_array().unwrap();
    assert_eq!(
        agenda[1]["title"],
        "Minutes of the meeting held on 9 December 2026 and matters arising"
    );

    // The same command again (a retry) finds the same meeting made: done, nothing changed.
    let before = fs::read(data.join("2027-01-13.json")).unwrap();
    let again = minutebook(&data, &["new", "--date", "2027-01-13", "--time", "10:30"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(stdout(&again).trim(), "2027-01-13");
    assert_eq!(fs::read(data.join("2027-01-13.json")).unwrap(), before);
    // Once the meeting has been worked on, the same date is refused, nothing overwritten.
    let worked = String::from_utf8(before)
        .unwrap()
        .replace("Committee Room 1", "Committee Room 2");
    fs::write(data.join("2027-01-13.json"), &worked).unwrap();
    let before = fs::read(data.join("2027-01-13.json")).unwrap();
    let again = minutebook(&data, &["new", "--date", "2027-01-13"]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(fs::read(data.join("2027-01-13.json")).unwrap(), before);
    let extra = minutebook(
        &data,
        &["new", "--date", "2027-01-13", "--id", "2027-01-13-extra"],
    );
    assert_eq!(stdout(&extra).trim(), "2027-01-13-extra");
}

#[test]
fn bad_input_is_one_clear_sentence_and_a_failure_exit() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    for (args, expect) in [
        (vec!["show", "../../etc/passwd"], "is not a meeting id"),
        (vec!["show", "2026-12-10"], "there is no meeting 2026-12-10"),
        (vec!["new", "--date", "2026-02-30"], "not a real date"),
        (
            vec!["new", "--date", "2027-01-13", "--time", "25:00"],
            "is not a time",
        ),
        (
            vec!["new", "--date", "2027-01-13", "--id", "../2027-01-13"],
            "is not a meeting id",
        ),
        (
            vec!["new", "--date", "2027-01-13", "--template", "nope"],
            "no template called",
        ),
    ] {
        let out = minutebook(&data, &args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = stderr(&out);
        assert!(err.contains(expect), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
            "{err}"
        );
    }
    assert!(!data.join("etc").exists());
}

#[test]
fn a_corrupt_file_is_reported_and_the_rest_still_list() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    fs::write(
        data.join("2026-05-13.json"),
        "{\n  \"schema_version\": 1,\n  \"id\": \"2026-05-13\",\n  oops\n",
    )
    .unwrap();
    let out = minutebook(&data, &["list"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 9);
    let err = stderr(&out);
    assert!(
        err.contains("2026-05-13.json") && err.contains("line 4, column 3"),
        "{err}"
    );
    let show = minutebook(&data, &["show", "2026-05-13"]);
    assert!(!show.status.success());
    assert!(stderr(&show).contains("line 4, column 3"));
}

#[test]
fn demo_into_refuses_a_directory_that_already_has_its_meetings() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    let before = fs::read(data.join("2026-02-11.json")).unwrap();
    let out = Command::new(common::BIN)
        .args(["demo", "--into"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("already holds a meeting 2026-02-11"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read(data.join("2026-02-11.json")).unwrap(), before);
}

#[test]
fn demo_never_touches_the_real_data_directory_and_cleans_up_its_sandbox() {
    let home = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    // No terminal here, so the workspace declines to open; the sandbox must still go.
    let out = Command::new(common::BIN)
        .arg("demo")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .env("TMPDIR", tmp.path())
        .env_remove("MINUTEBOOK_DATA_DIR")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("the workspace needs a terminal"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_dir(home.path()).unwrap().count(),
        0,
        "nothing written under HOME"
    );
    assert_eq!(
        fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "sandbox removed"
    );
}

#[cfg(unix)]
#[test]
fn records_are_private_even_under_umask_000() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("new").join("data");
    let script = format!(
        "umask 000 && {bin} demo --into {d} && {bin} --data-dir {d} list >/dev/null && {bin} --data-dir {d} new --date 2027-01-13",
        bin = common::BIN,
        d = data.display()
    );
    let out = Command::new("sh").arg("-c").arg(&script).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700, "data directory");
    let mut files = 0;
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            // The board records' folder, made when `new` gave the meetings their board.
            assert_eq!(mode(&path), 0o700, "{}", path.display());
            for inner in fs::read_dir(&path).unwrap() {
                let inner = inner.unwrap().path();
                assert_eq!(mode(&inner), 0o600, "{}", inner.display());
                files += 1;
            }
            continue;
        }
        assert_eq!(mode(&path), 0o600, "{}", path.display());
        files += 1;
    }
    assert_eq!(
        files, 13,
        "ten demo meetings, one new one, the index and the board record"
    );
}

#[test]
fn dates_must_be_written_in_full() {
    let tmp = demo_dir();
    let out = minutebook(&tmp.path().join("data"), &["new", "--date", "2027-1-13"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("\"2027-1-13\" is not a real date in the form YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_meeting_with_impossible_figures_is_refused_by_show_and_export_and_left_out_of_the_trend() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    let path = data.join("2026-06-10.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    v["standing"]["iha"]["due"] = 10.into();
    v["standing"]["iha"]["within_20_days"] = 15.into();
    v["standing"]["iha"]["late"] = 0.into();
    let bad = serde_json::to_string_pretty(&v).unwrap();
    fs::write(&path, &bad).unwrap();
    let said = "meeting 2026-06-10";
    let field = "field standing.iha.within_20_days: 15 cannot be more than the 10 IHAs due";

    let show = minutebook(&data, &["show", "2026-06-10"]);
    assert!(!show.status.success());
    assert!(stdout(&show).is_empty(), "{}", stdout(&show));
    let err = stderr(&show);
    assert!(err.contains(said) && err.contains(field), "{err}");

    let file = tmp.path().join("june.html");
    let export = minutebook(
        &data,
        &[
            "export",
            "2026-06-10",
            "--format",
            "html",
            "--public",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(!export.status.success());
    assert!(stderr(&export).contains(field), "{}", stderr(&export));
    assert!(!file.exists(), "nothing exported");
    let md = minutebook(&data, &["export", "2026-06-10", "--format", "md"]);
    assert!(!md.status.success());
    assert!(!stdout(&md).contains("150.0%"), "{}", stdout(&md));

    // The trend leaves it out, warning why, and never shows 150%.
    let trend = minutebook(&data, &["iha", "trend"]);
    assert!(trend.status.success(), "{}", stderr(&trend));
    assert!(!stdout(&trend).contains("150.0%"), "{}", stdout(&trend));
    assert!(!stdout(&trend).contains("2026-06-10"), "{}", stdout(&trend));
    assert!(stderr(&trend).contains(field), "{}", stderr(&trend));
    assert_eq!(fs::read_to_string(&path).unwrap(), bad, "left untouched");
}

/// `show` reads as the minutes do: each decision once, an erratum beside the item it
/// corrects, and who approved the minutes, at which meeting and when.
#[test]
fn show_puts_errata_beside_their_item_and_says_who_approved_and_when() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    common::add_smyth_erratum(&data);
    let out = minutebook(&data, &["show", "2026-10-14"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = common::flat(&stdout(&out));
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("no {s:?} in:\n{text}"))
    };
    let erratum = at(
        "ERRATUM recorded 11 Nov 2026, agreed at meeting 2026-11-11: For \"Cllr Smith\" read \"Cllr Smyth\".",
    );
    assert!(
        at("Action log and challenge cards") < erratum && erratum < at("Standing items"),
        "{text}"
    );
    assert!(
        text.contains("Approved as a correct record by ")
            && text.contains(" at meeting 2026-11-11 on 11 Nov 2026."),
        "{text}"
    );
    let resolution = "That the minutes of the meeting held on";
    assert_eq!(text.matches(resolution).count(), 1, "{text}");
}

/// Every command that prints, with a demo data directory to print from.
const PRINTING: &[&[&str]] = &[
    &["list"],
    &["list", "--json"],
    &["show", "2026-06-10"],
    &["export", "2026-06-10", "--format", "html", "--public"],
    &["search", "IHA"],
    &["actions"],
    &["verify"],
    &["iha", "trend"],
    &["iha", "due", "--entered", "2026-03-02"],
];

/// The binary with NO_COLOR set, its standard output going to `out`.
fn minutebook_into(dir: &std::path::Path, args: &[&str], out: Stdio) -> std::process::Output {
    Command::new(common::BIN)
        .env_remove("MINUTEBOOK_DATA_DIR")
        .env("NO_COLOR", "1")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdout(out)
        .output()
        .expect("binary runs")
}

/// A pipe whose reader has already gone, as `| head` leaves it once it has its lines.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer.into()
}

#[test]
fn a_reader_that_stops_reading_ends_minutebook_quietly_as_if_by_sigpipe() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    for args in PRINTING {
        let out = minutebook_into(&data, args, closed_pipe());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(141), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?} says nothing");
    }
}

#[test]
fn a_closed_pipe_never_cuts_a_write_short() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    let out = minutebook_into(&data, &["new", "--date", "2027-01-13"], closed_pipe());
    assert_eq!(out.status.code(), Some(141), "{}", stderr(&out));
    assert!(data.join("2027-01-13.json").exists(), "the meeting is made");
    // Approval prints between sealing and recording the resolution: both still happen.
    let out = minutebook_into(
        &data,
        &["approve", "2026-11-11", "--by", "Cllr Ann Gale"],
        closed_pipe(),
    );
    assert_eq!(out.status.code(), Some(141), "{}", stderr(&out));
    let next = fs::read_to_string(data.join("2026-12-09.json")).unwrap();
    assert!(next.contains("Cllr Ann Gale"), "the resolution is recorded");
}

#[test]
fn a_full_disk_on_stdout_is_one_sentence_without_colour() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    for args in PRINTING {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = minutebook_into(&data, args, full.into());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(
            err, "minutebook: cannot write the output: No space left on device (os error 28)\n",
            "{args:?}"
        );
        assert!(!err.contains("\x1b["), "no colour under NO_COLOR");
    }
}

/// `show` words the IHA figure as every other surface does: a rate just below the 85%
/// target is cut to 84.9%, never rounded onto the target, and says BELOW TARGET.
#[test]
fn show_words_an_iha_rate_just_below_target_as_every_export_does() {
    let tmp = demo_dir();
    let data = tmp.path().join("data");
    // 1699 of 2000 within 20 working days: 84.95%.
    let figures = [
        ("entered_care", 2100),
        ("due", 2000),
        ("within_20_days", 1699),
        ("late", 301),
        ("outstanding", 0),
    ];
    let path = data.join("2026-06-10.json");
    let text = fs::read_to_string(&path).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for (field, n) in figures {
        v["standing"]["iha"][field] = n.into();
    }
    fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();

    let show = minutebook(&data, &["show", "2026-06-10"]);
    assert!(show.status.success(), "{}", stderr(&show));
    let text = stdout(&show);
    assert!(
        text.contains("84.9%") && text.contains("BELOW TARGET"),
        "{text}"
    );
    assert!(!text.contains("85.0%"), "{text}");
    let txt = minutebook(&data, &["export", "2026-06-10", "--format", "txt"]);
    assert_eq!(
        text,
        stdout(&txt),
        "show is the plain-text export of the full record"
    );
}
