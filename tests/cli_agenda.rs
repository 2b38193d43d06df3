//! `minutebook export --agenda`: the agenda pack states its date of publication, and the
//! clerk is warned when it gives less than five clear working days' notice.

mod common;

use common::{flat, minutebook, stderr, stdout};

fn agenda(data: &std::path::Path, published: &[&str]) -> std::process::Output {
    let mut args = vec![
        "export",
        "2026-12-09",
        "--format",
        "txt",
        "--agenda",
        "--public",
    ];
    args.extend_from_slice(published);
    minutebook(data, &args)
}

#[test]
fn the_agenda_pack_states_its_publication_date_and_warns_of_short_notice() {
    let (_tmp, data) = common::demo_data();
    // Tuesday 1 December for Wednesday 9 December: 2, 3, 4, 7 and 8 December are clear.
    let out = agenda(&data, &["--published", "2026-12-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = flat(&stdout(&out));
    assert!(
        text.contains(
            "You are summoned to attend a meeting of the Corporate Parenting Board \
                       to be held at Committee Room 1, County Hall on Wednesday 9 December 2026 \
                       at 14:00 to transact the business set out below."
        ),
        "{text}"
    );
    assert!(
        text.contains("Date of publication: Tuesday 1 December 2026"),
        "{text}"
    );
    assert!(!stderr(&out).contains("clear working"), "{}", stderr(&out));

    let late = agenda(&data, &["--published", "2026-12-02"]);
    assert!(late.status.success(), "{}", stderr(&late));
    assert!(flat(&stdout(&late)).contains("Date of publication: Wednesday 2 December 2026"));
    assert!(
        stderr(&late).contains(
            "the agenda of 2026-12-09 published on 2 December 2026 gives 4 clear working \
             day(s) before the meeting on 9 December 2026; five are required"
        ),
        "{}",
        stderr(&late)
    );
}

#[test]
fn a_publication_date_is_only_for_the_agenda() {
    let (_tmp, data) = common::demo_data();
    let out = minutebook(
        &data,
        &[
            "export",
            "2026-12-09",
            "--format",
            "txt",
            "--published",
            "2026-12-01",
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--agenda"), "{}", stderr(&out));
}
