//! The HTML printed to PDF as a clerk prints it, with a headless browser where the machine
//! has one (it skips, saying so, where none is found: CI has none).
//!
//! A long full record in draft must print as several A4 pages, each headed "NOT FOR
//! PUBLICATION – exempt information" and "DRAFT – subject to approval" and numbered
//! "Page N of M" (read back with pdftotext, where poppler-utils is installed). The Word
//! export is opened by a word processor the same way, where LibreOffice is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use minutebook::export::{self, Audience, Format, Scope};
use minutebook::model::{Meeting, MeetingStatus, Origins};

/// The browser to print with: $MINUTEBOOK_BROWSER, else Chromium or Chrome where usual.
fn browser() -> Option<PathBuf> {
    let named = std::env::var_os("MINUTEBOOK_BROWSER").map(PathBuf::from);
    let usual = [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
    ]
    .map(PathBuf::from);
    named.into_iter().chain(usual).find(|p| p.is_file())
}

/// Prints `html` to `pdf` headless, offline, with a throwaway profile.
fn print_to_pdf(browser: &Path, html: &Path, pdf: &Path, profile: &Path) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("the browser runs");
    assert!(
        out.status.success() && pdf.is_file(),
        "{} could not print {}: {}",
        browser.display(),
        html.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Pages in a PDF as Chromium writes it: its page objects, uncompressed.
fn page_count(pdf: &[u8]) -> usize {
    let count = |needle: &[u8]| pdf.windows(needle.len()).filter(|w| *w == needle).count();
    count(b"/Type /Page") - count(b"/Type /Pages")
}

/// June's full record as a draft: exempt business and not yet approved.
fn long_draft() -> (Meeting, String) {
    let year = minutebook::demo::year();
    let mut june = year
        .iter()
        .find(|m| m.id.as_str() == "2026-06-10")
        .cloned()
        .unwrap();
    june.status = MeetingStatus::Draft;
    june.approval = None;
    let origins = Origins::of(&june, |id| year.iter().find(|x| x.id == *id).cloned());
    let html = export::render(
        &june,
        &origins,
        None,
        Format::Html,
        Audience::Private,
        Scope::Full,
    );
    (june, html)
}

#[test]
fn the_full_record_prints_every_page_marked_and_numbered() {
    let Some(browser) = browser() else {
        println!(
            "skipped: no headless browser found (set MINUTEBOOK_BROWSER, or install chromium)"
        );
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let (html_path, pdf_path) = (
        tmp.path().join("minutes.html"),
        tmp.path().join("minutes.pdf"),
    );
    let (_, html) = long_draft();
    std::fs::write(&html_path, &html).unwrap();
    print_to_pdf(&browser, &html_path, &pdf_path, &tmp.path().join("profile"));
    let pdf = std::fs::read(&pdf_path).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
    let pages = page_count(&pdf);
    assert!(pages > 1, "a long record prints on {pages} page(s)");

    let text = Command::new("pdftotext").arg(&pdf_path).arg("-").output();
    let Ok(text) = text.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()) else {
        println!("page headers not read: pdftotext (poppler-utils) is not installed");
        return;
    };
    let printed: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(printed.len(), pages, "pdftotext reads every page");
    for (n, page) in printed.iter().enumerate() {
        for mark in [
            "NOT FOR PUBLICATION – exempt information",
            "DRAFT – subject to approval",
            &format!("Page {} of {pages}", n + 1),
        ] {
            assert!(
                page.contains(mark),
                "page {} lacks {mark:?}:\n{page}",
                n + 1
            );
        }
    }
}

/// LibreOffice, where installed: a word processor to open the Word export with.
fn word_processor() -> Option<PathBuf> {
    ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .map(PathBuf::from)
        .into_iter()
        .find(|p| p.is_file())
}

/// A word processor opens the Word minutes, and every page it lays out carries the marks
/// in its header and "Page N of M" in its footer: Word's own fields, counted by it.
#[test]
fn a_word_processor_opens_the_word_minutes_with_every_page_marked_and_numbered() {
    let Some(soffice) = word_processor() else {
        println!("skipped: no word processor found (install libreoffice-writer)");
        return;
    };
    let year = minutebook::demo::year();
    let (june, _) = long_draft();
    let origins = Origins::of(&june, |id| year.iter().find(|x| x.id == *id).cloned());
    let doc = export::document(
        &june,
        &origins,
        None,
        Format::Docx,
        Audience::Private,
        Scope::Full,
    );
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("minutes.docx");
    std::fs::write(&docx, doc.bytes()).unwrap();
    let out = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            tmp.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(tmp.path())
        .arg(&docx)
        .output()
        .expect("the word processor runs");
    let pdf_path = tmp.path().join("minutes.pdf");
    assert!(
        out.status.success() && pdf_path.is_file(),
        "{} could not open the Word minutes: {}",
        soffice.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let Ok(text) = Command::new("pdftotext").arg(&pdf_path).arg("-").output() else {
        println!("page headers not read: pdftotext (poppler-utils) is not installed");
        return;
    };
    let text = String::from_utf8_lossy(&text.stdout);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(
        pages.len() > 1,
        "a long record lays out on {} page(s)",
        pages.len()
    );
    for (n, page) in pages.iter().enumerate() {
        for mark in [
            "NOT FOR PUBLICATION – exempt information",
            "DRAFT – subject to approval",
            &format!("Page {} of {}", n + 1, pages.len()),
        ] {
            assert!(
                page.contains(mark),
                "page {} lacks {mark:?}:\n{page}",
                n + 1
            );
        }
    }
    assert!(text.contains("CPB/26/12"), "headed by minute references");
}
