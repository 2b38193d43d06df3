//! Golden files: the documents a council publishes, exactly as minutebook writes them.
//!
//! The demo's approved June meeting (it has Part B business), public and full, in md, txt
//! and html; its agenda pack; and the same minutes with procedure recorded (minute
//! references, a declaration, a recorded vote) as the layout gives it.
//!
//! A change to the layout shows here as a diff. To accept one on purpose, write the files
//! again and review them: `UPDATE_GOLDEN=1 cargo test --test export_golden`.

use std::fs;
use std::path::PathBuf;

use chrono::NaiveDate;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

use minutebook::export::{self, Audience, Format, Scope};
use minutebook::model::agenda::{self, DecisionKind};
use minutebook::model::resolution::{Cast, NamedVote, Vote, VoteResult};
use minutebook::model::{
    Board, BoardId, Decision, Declaration, InterestKind, Meeting, MinuteRef, Origins,
};

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

/// The demo board's record as `minutebook demo` makes it, with the council and clerk a
/// board would have filled in.
fn board(m: &Meeting) -> Board {
    let mut b = minutebook::model::board_migration::board_from_meeting(
        BoardId::parse("cpb").unwrap(),
        "CPB".into(),
        m,
    );
    b.council = "Northshire County Council".into();
    b.clerk = "Leanne Ford, Democratic Services Officer".into();
    b.contact = "democratic.services@northshire.example, 01632 960 123".into();
    b
}

fn render(m: &Meeting, format: Format, audience: Audience, scope: Scope) -> String {
    let origins = Origins::of(m, |id| year().iter().find(|x| x.id == *id).cloned());
    export::render(m, &origins, Some(&board(m)), format, audience, scope)
}

const FORMATS: [Format; 3] = [Format::Markdown, Format::Text, Format::Html];

/// Compares `actual` with tests/golden/`name`, or writes it there under UPDATE_GOLDEN.
fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `UPDATE_GOLDEN=1 cargo test --test export_golden` to write it",
            path.display()
        )
    });
    if expected == actual {
        return;
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    panic!(
        "{name} differs from its golden file at line {}:\n  golden: {:?}\n  now:    {:?}\n\
         If the change is meant, run `UPDATE_GOLDEN=1 cargo test --test export_golden` and \
         review the diff.",
        line + 1,
        expected.lines().nth(line),
        actual.lines().nth(line),
    );
}

/// Well-formed XML, every element closed, as any XML tool reads it.
fn assert_well_formed(name: &str, html: &str) {
    let mut reader = Reader::from_str(html);
    reader.config_mut().check_end_names = true;
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "{name}: not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{name}: unclosed elements");
}

fn check(name: &str, format: Format, doc: &str) {
    match format {
        Format::Html => assert_well_formed(name, doc),
        Format::Text => {
            for line in doc.lines() {
                assert!(
                    line.chars().count() <= 72 || !line.trim().contains(' '),
                    "{name}: wider than 72 columns: {line:?}"
                );
            }
        }
        Format::Markdown | Format::Json | Format::Ocd | Format::Docx => {}
    }
    golden(name, doc);
}

fn file(stem: &str, audience: Audience, format: Format) -> String {
    let who = match audience {
        Audience::Public => "public",
        Audience::Private => "full",
    };
    format!("{stem}-{who}.{}", format.extension())
}

#[test]
fn the_approved_june_minutes_are_as_the_council_publishes_them() {
    let june = demo("2026-06-10");
    for audience in [Audience::Public, Audience::Private] {
        for format in FORMATS {
            let doc = render(&june, format, audience, Scope::Full);
            check(&file("minutes-2026-06-10", audience, format), format, &doc);
        }
    }
}

#[test]
fn the_june_agenda_pack_is_as_the_council_circulates_it() {
    let mut june = demo("2026-06-10");
    june.agenda_published = NaiveDate::from_ymd_opt(2026, 6, 2);
    for audience in [Audience::Public, Audience::Private] {
        for format in FORMATS {
            let doc = render(&june, format, audience, Scope::AgendaOnly);
            check(&file("agenda-2026-06-10", audience, format), format, &doc);
        }
    }
}

/// June as a numbered draft: minute references, the exclusion's own minute, a member's
/// declaration (who left the room), and a recorded vote moved and seconded.
fn june_with_procedure() -> Meeting {
    let mut m = demo("2026-06-10");
    m.status = minutebook::model::MeetingStatus::Draft;
    m.approval = None;
    let top: Vec<_> = m.agenda.iter().map(|i| i.id).collect();
    for (n, id) in top.iter().enumerate() {
        let r = MinuteRef(format!("CPB/26/{}", 41 + n + usize::from(n >= 7)));
        agenda::find_mut(&mut m.agenda, *id).unwrap().minute = Some(r);
    }
    m.exclusion_minute = Some(MinuteRef("CPB/26/48".into()));
    let iha = agenda::id_at_number(&m.agenda, "4.1").unwrap();
    m.declarations.push(Declaration {
        member: "Cllr Helen Brierley".into(),
        item: iha,
        kind: InterestKind::OtherRegistrable,
        nature: "her daughter is a health visitor with the ICB".into(),
        left_room: true,
    });
    let reports = agenda::id_at_number(&m.agenda, "5.1").unwrap();
    let item = agenda::find_mut(&mut m.agenda, reports).unwrap();
    item.minutes.push_str("\nMembers asked about CAMHS waiting times.\nThe Designated Nurse undertook to report back (action 2026-06-10#2).");
    let mut d = Decision::new(
        DecisionKind::Resolution,
        "that the Board write to the ICB asking for a CAMHS waiting-time standard for children in care",
    );
    d.moved_by = "Cllr Priya Raman".into();
    d.seconded_by = "Cllr Tom Ashworth".into();
    let named = |name: &str, cast| NamedVote {
        name: name.into(),
        cast,
    };
    d.vote = Some(Vote {
        in_favour: 3,
        against: 1,
        abstained: 0,
        result: VoteResult::Carried,
        casting_vote: false,
        named: vec![
            named("Cllr Margaret Holloway", Cast::For),
            named("Cllr Priya Raman", Cast::For),
            named("Cllr Tom Ashworth", Cast::For),
            named("Cllr Samuel Achebe", Cast::Against),
        ],
    });
    item.decisions.push(d);
    m
}

#[test]
fn minutes_with_procedure_read_as_numbered_resolved_and_declared() {
    let m = june_with_procedure();
    for audience in [Audience::Public, Audience::Private] {
        for format in FORMATS {
            let doc = render(&m, format, audience, Scope::Full);
            check(
                &file("procedure-2026-06-10", audience, format),
                format,
                &doc,
            );
        }
    }
    let text = render(&m, Format::Text, Audience::Public, Scope::Full);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = |s: &str| {
        flat.find(s)
            .unwrap_or_else(|| panic!("no {s:?} in:\n{text}"))
    };
    // Declared in the apologies minute and again in the item's own.
    let declared = "Cllr Helen Brierley declared an other registrable interest in item 4.1 \
                    of minute CPB/26/44 (her daughter is a health visitor with the ICB) and left the room \
                    for that item.";
    assert_eq!(flat.matches(declared).count(), 2, "{text}");
    assert!(at("CPB/26/41 Welcome") < at(declared));
    assert!(
        at("RESOLVED – That the Board write to the ICB")
            < at("Moved by Cllr Priya Raman, seconded by Cllr Tom Ashworth.")
    );
    assert!(at("For 3, Against 1, Abstentions 0: CARRIED") < at("Against: Cllr Samuel Achebe"));
    // The exclusion, under its own minute, just before the Part B item.
    assert!(at("CPB/26/48 Exclusion of the press and public") < at("CPB/26/49 Placement review"));
    assert!(at("CPB/26/47 Any other business") < at("CPB/26/48 Exclusion"));
    assert!(text.starts_with("DRAFT – subject to approval\n"), "{text}");
    assert!(text.trim_end().ends_with("DRAFT – subject to approval"));
    assert!(!flat.contains("Chair …"), "no signature block on a draft");
}

/// What the issue found in the old documents, each gone.
#[test]
fn no_document_carries_the_workspace_s_run_data() {
    let june = demo("2026-06-10");
    for audience in [Audience::Public, Audience::Private] {
        for format in FORMATS {
            for scope in [Scope::Full, Scope::AgendaOnly] {
                let doc = render(&june, format, audience, scope);
                for internal in [
                    "procedural",
                    "standing item ·",
                    "5 min",
                    "· done",
                    "14:00–14:03",
                    "needed)",
                    "minutes approved",
                ] {
                    assert!(
                        !doc.contains(internal),
                        "{format} {audience:?} {scope:?} carries {internal:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_printed_page_of_the_full_record_says_not_for_publication_and_draft() {
    let nov = demo("2026-11-11");
    let html = render(&nov, Format::Html, Audience::Private, Scope::Full);
    let page = html
        .split("@page {\n")
        .nth(1)
        .expect("the page boxes' @page rule");
    let top = page.lines().find(|l| l.contains("@top-center")).unwrap();
    // In CSS escapes: "NOT FOR PUBLICATION – exempt information · DRAFT – subject to approval".
    assert!(
        top.contains("NOT FOR PUBLICATION \\2013  exempt information"),
        "{top}"
    );
    assert!(top.contains("DRAFT \\2013  subject to approval"), "{top}");
    assert!(page.contains("\"Page \" counter(page) \" of \" counter(pages)"));
    // And in the body, for a reader on screen.
    assert!(html.contains("<p class=\"page-mark\">NOT FOR PUBLICATION – exempt information</p>"));
    assert!(html.contains("<p class=\"page-mark\">DRAFT – subject to approval</p>"));
    // The public record of an approved meeting has neither.
    let june = render(
        &demo("2026-06-10"),
        Format::Html,
        Audience::Public,
        Scope::Full,
    );
    assert!(!june.contains("@top-center") && !june.contains("class=\"page-mark\""));
    assert!(june.contains("Chair ……"), "the signature block");
}

#[test]
fn each_line_the_clerk_typed_is_a_paragraph_and_references_never_break() {
    let mut june = demo("2026-06-10");
    let first = agenda::id_at_number(&june.agenda, "7").unwrap();
    agenda::find_mut(&mut june.agenda, first).unwrap().minutes =
        "One line.\nAnother line, citing minute CPB/26/12 and action 2026-04-08#1.".into();
    let html = render(&june, Format::Html, Audience::Public, Scope::Full);
    assert!(
        html.contains("<p>One line.</p>\n<p>Another line, citing"),
        "{html}"
    );
    assert!(html.contains("minute <span class=\"ref\">CPB/26/12</span> and"));
    assert!(html.contains("action <span class=\"ref\">2026-04-08#1</span>.</p>"));
    assert!(html.contains(".ref { white-space: nowrap;"));
    let md = render(&june, Format::Markdown, Audience::Public, Scope::Full);
    assert!(md.contains("One line.\n\nAnother line"), "{md}");
}

#[test]
fn the_full_record_says_who_arrived_late_and_the_clerks_notes_and_the_public_one_does_not() {
    let mut june = demo("2026-06-10");
    let late = june
        .attendance
        .iter_mut()
        .find(|a| a.name == "Cllr Tom Ashworth")
        .unwrap();
    late.arrived_at = chrono::NaiveTime::from_hms_opt(14, 20, 0);
    late.note = "left before Part B".into();
    for format in FORMATS {
        let full = render(&june, format, Audience::Private, Scope::Full);
        let flat = full.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("Cllr Tom Ashworth arrived at 14:20."),
            "{format}: {full}"
        );
        assert!(
            flat.contains("Cllr Tom Ashworth: left before Part B"),
            "{format}"
        );
        let public = render(&june, format, Audience::Public, Scope::Full);
        assert!(
            !public.contains("14:20") && !public.contains("left before"),
            "{format}"
        );
    }
}
