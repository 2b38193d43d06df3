//! Word documents read back: the .docx unzipped and its XML parts read, against golden
//! outlines of the demo's approved meeting (June, which has Part B business).
//!
//! `UPDATE_GOLDEN=1 cargo test --test export_docx` rewrites the goldens in
//! tests/fixtures/docx/; review the diff before committing it.

mod common;

use std::path::PathBuf;

use common::docx::{document_outline, part, part_names, text};
use common::{minutebook, stderr, stdout};
use minutebook::export::{self, Audience, Document, Format, Scope};
use minutebook::model::{Board, Decision, DecisionKind, Meeting, Origins};

fn year() -> &'static [Meeting] {
    static YEAR: std::sync::OnceLock<Vec<Meeting>> = std::sync::OnceLock::new();
    YEAR.get_or_init(minutebook::demo::year)
}

fn demo(id: &str) -> Meeting {
    year()
        .iter()
        .find(|m| m.id.as_str() == id)
        .cloned()
        .unwrap_or_else(|| panic!("no demo meeting {id}"))
}

/// The demo's board as its record reads: the council, the clerk and how to reach them.
fn board() -> Board {
    serde_json::from_value(serde_json::json!({
        "id": "cpb", "name": "Corporate Parenting Board", "code": "CPB", "quorum": 3,
        "council": "Westshire County Council", "template": "corporate-parenting-board",
        "clerk": "Leanne Ford", "contact": "01632 960123, democratic.services@example.gov.uk"
    }))
    .unwrap()
}

fn docx(m: &Meeting, audience: Audience, scope: Scope) -> Vec<u8> {
    let origins = Origins::of(m, |id| year().iter().find(|x| x.id == *id).cloned());
    let board = board();
    match export::document(m, &origins, Some(&board), Format::Docx, audience, scope) {
        Document::Docx(bytes) => bytes,
        Document::Text(t) => panic!("a Word document came back as text: {t}"),
    }
}

/// The June meeting: approved at July's, with an exempt placement review.
fn june() -> Meeting {
    let m = demo("2026-06-10");
    assert!(m.approval.is_some(), "the demo's June minutes are approved");
    m
}

/// Compares `actual` with the golden file `name`, or rewrites it under UPDATE_GOLDEN=1.
fn golden(name: &str, actual: &str) {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "docx",
        name,
    ]
    .iter()
    .collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run UPDATE_GOLDEN=1 cargo test --test export_docx",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from its golden (UPDATE_GOLDEN=1 to rewrite):\n{actual}"
    );
}

#[test]
fn the_approved_minutes_as_word_match_their_golden_for_the_public_and_the_full_record() {
    let m = june();
    for (audience, name) in [
        (Audience::Public, "2026-06-10-public.txt"),
        (Audience::Private, "2026-06-10-full.txt"),
    ] {
        golden(name, &document_outline(&docx(&m, audience, Scope::Full)));
    }
    for (audience, name) in [
        (Audience::Public, "2026-06-10-agenda-public.txt"),
        (Audience::Private, "2026-06-10-agenda-full.txt"),
    ] {
        golden(
            name,
            &document_outline(&docx(&m, audience, Scope::AgendaOnly)),
        );
    }
}

#[test]
fn word_minutes_open_with_council_board_and_the_sentence_a_council_minutes_with() {
    let m = june();
    let doc = part(
        &docx(&m, Audience::Public, Scope::Full),
        "word/document.xml",
    )
    .unwrap();
    let shown = common::docx::visible(&doc);
    assert!(
        shown.starts_with("Westshire County Council\nCorporate Parenting Board\n"),
        "{shown}"
    );
    assert!(
        shown.contains("Minutes of a meeting of the Corporate Parenting Board held at"),
        "{shown}"
    );
    assert!(shown.contains("on Wednesday 10 June 2026"), "{shown}");
    assert!(shown.contains("Present: "), "{shown}");
    assert!(shown.contains("Cllr Margaret Holloway (Chair)"), "{shown}");
    assert!(shown.contains("Apologies: "), "{shown}");
    // Resolutions stand in their own style, under their mark.
    assert!(doc.contains(r#"<w:pStyle w:val="Resolution" />"#), "{doc}");
    assert!(shown.contains("RESOLVED – "), "{shown}");
    // Nothing internal: no item kinds, allowances or status words.
    for internal in [
        " min ",
        " min)",
        "pending",
        " done",
        "procedural",
        "quorate",
        "needed)",
    ] {
        assert!(!shown.contains(internal), "{internal:?} in {shown}");
    }
}

#[test]
fn every_page_of_the_full_record_says_not_for_publication_and_a_draft_says_draft() {
    let june = june();
    let headers = |bytes: &[u8]| -> String {
        part_names(bytes)
            .iter()
            .filter(|n| n.starts_with("word/header"))
            .map(|n| text_of(bytes, n))
            .collect()
    };
    let full = docx(&june, Audience::Private, Scope::Full);
    assert!(headers(&full).contains("NOT FOR PUBLICATION – exempt information"));
    assert!(
        !headers(&full).contains("DRAFT"),
        "June's minutes are approved"
    );
    let public = docx(&june, Audience::Public, Scope::Full);
    assert!(!headers(&public).contains("NOT FOR PUBLICATION"));
    // The last held meeting is still a draft: every page says so, in both records.
    let draft = year()
        .iter()
        .rfind(|m| m.status == minutebook::model::MeetingStatus::Draft)
        .expect("the demo has a draft");
    for audience in [Audience::Public, Audience::Private] {
        let bytes = docx(draft, audience, Scope::Full);
        assert!(headers(&bytes).contains("DRAFT – subject to approval"));
        assert!(
            !text(&bytes).contains("Chair ………"),
            "no signature before approval"
        );
    }
    // The header is the default header of the one section: it is on every page.
    let doc = part(&full, "word/document.xml").unwrap();
    assert!(
        doc.contains(r#"<w:headerReference w:type="default""#),
        "{doc}"
    );
    // After approval, the Chair signs.
    let shown = text(&public);
    assert!(shown.contains("Chair ………") && shown.contains("Approved as a correct record"));
}

fn text_of(bytes: &[u8], name: &str) -> String {
    common::docx::visible(&part(bytes, name).unwrap())
}

#[test]
fn word_documents_are_a4_with_page_x_of_y_in_the_footer_and_real_styles() {
    let bytes = docx(&june(), Audience::Public, Scope::Full);
    let doc = part(&bytes, "word/document.xml").unwrap();
    assert!(
        doc.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4: {doc}"
    );
    let footers: String = part_names(&bytes)
        .iter()
        .filter(|n| n.starts_with("word/footer"))
        .map(|n| part(&bytes, n).unwrap())
        .collect();
    assert!(
        footers.contains("<w:instrText>PAGE</w:instrText>"),
        "{footers}"
    );
    assert!(
        footers.contains("<w:instrText>NUMPAGES</w:instrText>"),
        "{footers}"
    );
    assert!(common::docx::visible(&footers).contains("Page 1 of 1"));
    let styles = part(&bytes, "word/styles.xml").unwrap();
    for (id, name) in [
        ("Title", "Title"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Normal", "Normal"),
        ("Resolution", "Resolution"),
        ("MinutesTable", "Minutes Table"),
    ] {
        assert!(
            styles.matches(&format!(r#"w:styleId="{id}""#)).count() == 1
                && styles.contains(&format!(r#"<w:name w:val="{name}" />"#)),
            "style {id} ({name}) defined once in {styles}"
        );
    }
    // Every paragraph of the body names its style, so a house template restyles it all.
    let paragraphs = doc.matches("<w:p>").count() + doc.matches("<w:p ").count();
    assert_eq!(paragraphs, doc.matches("<w:pStyle ").count(), "{doc}");
    // Tables have column widths that fill the page between the margins.
    assert!(doc.contains("<w:tblGrid>"), "{doc}");
}

#[test]
fn the_public_word_minutes_hold_nothing_of_the_exempt_item_but_its_title_and_ground() {
    let m = june();
    let (exempt_title, secret) = (
        "Placement review: young person placed in an unregistered setting",
        "aged 15 placed in an unregistered setting",
    );
    let public = docx(&m, Audience::Public, Scope::Full);
    let shown = text(&public);
    assert!(shown.contains(exempt_title), "listed by title: {shown}");
    assert!(!shown.contains(secret), "{shown}");
    assert!(
        !shown.contains("written update on this young person"),
        "{shown}"
    );
    // Nor anywhere in the package, in any part.
    for name in part_names(&public) {
        if let Some(xml) = part(&public, &name) {
            assert!(!xml.contains("aged 15"), "{name}");
        }
    }
    // The exclusion resolution stands before the first Part B item in both records.
    for audience in [Audience::Public, Audience::Private] {
        let shown = text(&docx(&m, audience, Scope::Full));
        let exclusion = shown
            .find("section 100A(4) of the Local Government Act 1972")
            .unwrap_or_else(|| panic!("{audience:?}: the exclusion resolution: {shown}"));
        assert!(exclusion < shown.find(exempt_title).unwrap(), "{shown}");
    }
    let full = text(&docx(&m, Audience::Private, Scope::Full));
    assert!(full.contains(secret), "the clerk's record keeps it");
}

#[test]
fn the_word_agenda_summons_names_the_contact_and_puts_part_b_last() {
    let m = june();
    let shown = text(&docx(&m, Audience::Public, Scope::AgendaOnly));
    assert!(
        shown.contains("You are summoned to attend a meeting of the Corporate Parenting Board"),
        "{shown}"
    );
    let (a, b) = (
        shown
            .find("Part A – items to be considered in public")
            .expect(&shown),
        shown
            .find("Part B – items likely to be considered")
            .expect(&shown),
    );
    assert!(
        a < b && b < shown.find("Placement review").unwrap(),
        "{shown}"
    );
    assert!(
        !shown.contains("RESOLVED – That"),
        "no minutes in an agenda"
    );
    assert!(
        !shown.contains("DRAFT"),
        "an agenda is not a draft of minutes"
    );
    assert!(shown.contains("Date of publication: ") || m.agenda_published.is_none());
    assert!(
        shown.contains(
            "Contact officer: Leanne Ford, 01632 960123, democratic.services@example.gov.uk"
        ),
        "{shown}"
    );
}

#[test]
fn the_same_word_document_twice_is_the_same_bytes() {
    // So that exporting again to the same file finds it already holds exactly this.
    let m = june();
    let first = docx(&m, Audience::Private, Scope::Full);
    let _other = docx(&demo("2026-07-08"), Audience::Public, Scope::AgendaOnly);
    assert!(first == docx(&m, Audience::Private, Scope::Full));
}

#[test]
fn cli_writes_a_word_document_to_a_file_0600_or_to_a_pipe() {
    let (_tmp, data) = common::demo_data();
    let file = data.join("june.docx");
    let out = minutebook(
        &data,
        &[
            "export",
            "2026-06-10",
            "--format",
            "docx",
            "--public",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("as docx"), "{}", stdout(&out));
    let bytes = std::fs::read(&file).unwrap();
    assert!(text(&bytes).contains("Minutes of a meeting of"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "written private");
    // Piped (not a terminal), the bytes go to standard output as they are.
    let piped = minutebook(&data, &["export", "2026-06-10", "--format", "docx"]);
    assert!(piped.status.success(), "{}", stderr(&piped));
    assert!(text(&piped.stdout).contains("NOT FOR PUBLICATION"));
}

#[test]
fn cli_refuses_to_print_a_word_document_to_a_terminal_and_says_how_to_write_it() {
    let (_tmp, data) = common::demo_data();
    let mut t = common::pty::Pty::spawn(
        &data,
        &["export", "2026-06-10", "--format", "docx", "--public"],
        100,
        30,
    );
    let status = t.wait_status();
    assert!(!status.success(), "{}", t.screen());
    let screen = t.screen();
    assert!(
        screen.contains("is binary and is not printed to a terminal")
            && screen.contains("--output FILE"),
        "{screen}"
    );
    // Nothing of the package reached the terminal.
    assert!(!screen.contains("PK"), "{screen}");
}

/// June with procedure recorded: minute numbers, a declaration at the fostering report, a
/// moved and seconded resolution carried on a recorded vote, and the exclusion numbered.
fn june_with_procedure() -> Meeting {
    use minutebook::model::declarations::Declaration;
    use minutebook::model::resolution::{Cast, NamedVote, Vote, VoteResult};
    use minutebook::model::{InterestKind, MinuteRef, agenda};
    let mut m = june();
    let ids: Vec<_> = agenda::numbered(&m.agenda)
        .into_iter()
        .map(|(n, i)| (n.to_string(), i.id))
        .collect();
    for (k, (_, id)) in ids.iter().enumerate() {
        agenda::find_mut(&mut m.agenda, *id).unwrap().minute =
            Some(MinuteRef(format!("CPB/26/{}", 40 + k)));
    }
    m.exclusion_minute = Some(MinuteRef("CPB/26/99".into()));
    let report = ids.iter().find(|(n, _)| n == "5.1").unwrap().1;
    m.declarations.push(Declaration {
        member: "Cllr Priya Raman".into(),
        item: report,
        kind: InterestKind::OtherRegistrable,
        nature: "she is a governor of the hospital trust".into(),
        left_room: true,
    });
    let item = agenda::find_mut(&mut m.agenda, report).unwrap();
    let mut decision = Decision::new(DecisionKind::Resolution, "That the report be noted.");
    decision.moved_by = "Cllr Samuel Achebe".into();
    decision.seconded_by = "Cllr Tom Ashworth".into();
    decision.vote = Some(Vote {
        in_favour: 2,
        against: 1,
        abstained: 0,
        result: VoteResult::Carried,
        casting_vote: false,
        named: vec![
            NamedVote {
                name: "Cllr Samuel Achebe".into(),
                cast: Cast::For,
            },
            NamedVote {
                name: "Cllr Tom Ashworth".into(),
                cast: Cast::For,
            },
            NamedVote {
                name: "Cllr Helen Brierley".into(),
                cast: Cast::Against,
            },
        ],
    });
    item.decisions.push(decision);
    m
}

#[test]
fn word_minutes_carry_minute_numbers_declarations_movers_and_the_recorded_vote() {
    let m = june_with_procedure();
    for audience in [Audience::Public, Audience::Private] {
        let shown = text(&docx(&m, audience, Scope::Full));
        let declared = "Cllr Priya Raman declared an other registrable interest in minute \
             CPB/26/48 (she is a governor of the hospital trust) and left the room for that item.";
        // In item 1's minute and in the item's own.
        assert_eq!(shown.matches(declared).count(), 2, "{audience:?}: {shown}");
        let first = shown.find("CPB/26/40  Welcome").expect(&shown);
        assert!(first < shown.find(declared).unwrap(), "{shown}");
        for line in [
            "CPB/26/48  Annual health report for children in care",
            "RESOLVED – That the report be noted.",
            "Moved by Cllr Samuel Achebe, seconded by Cllr Tom Ashworth.",
            "For 2, Against 1, Abstentions 0: CARRIED",
            "For: Cllr Samuel Achebe, Cllr Tom Ashworth",
            "Against: Cllr Helen Brierley",
            "CPB/26/99  Exclusion of the press and public",
        ] {
            assert!(shown.contains(line), "{audience:?}: {line:?} in {shown}");
        }
    }
}

#[test]
fn word_minutes_give_each_items_times_only_where_the_board_asks() {
    let m = june();
    let origins = Origins::of(&m, |id| year().iter().find(|x| x.id == *id).cloned());
    let item = &m.agenda[0];
    let times = format!(
        "{}–{}",
        item.started_at
            .expect("June's items were timed")
            .format("%H:%M"),
        item.ended_at.unwrap().format("%H:%M")
    );
    let mut board = board();
    for (asks, shows) in [(false, false), (true, true)] {
        board.item_times_in_minutes = asks;
        let doc = export::document(
            &m,
            &origins,
            Some(&board),
            Format::Docx,
            Audience::Public,
            Scope::Full,
        );
        let shown = text(doc.bytes());
        assert_eq!(
            shown.contains(&times),
            shows,
            "asks {asks}: {times}: {shown}"
        );
    }
}
