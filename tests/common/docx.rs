//! Word documents read back: the .docx unzipped, its XML parts as text, and what a reader
//! sees on the page (the text of every paragraph, headers and footers included).

use std::io::{Cursor, Read};

use minutebook::export::{self, Document, Format};
use minutebook::export::{Audience, Scope};
use minutebook::model::{Board, Meeting, Origins};
use quick_xml::events::Event;
use quick_xml::reader::Reader;

/// The names of the parts in the package, in order.
pub fn part_names(docx: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a docx is a zip archive");
    zip.file_names().map(str::to_string).collect()
}

/// One XML part of the package as text; `None` if there is no such part.
pub fn part(docx: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a docx is a zip archive");
    let mut file = zip.by_name(name).ok()?;
    let mut xml = String::new();
    file.read_to_string(&mut xml).expect("an XML part is UTF-8");
    Some(xml)
}

/// The text a reader sees in one part: each paragraph on a line of its own.
pub fn visible(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let (mut out, mut in_text) = (String::new(), false);
    loop {
        match reader.read_event().expect("the part is well-formed XML") {
            Event::Start(e) if e.name().0 == "w:t" => in_text = true,
            Event::End(e) if e.name().0 == "w:t" => in_text = false,
            Event::End(e) if e.name().0 == "w:p" => out.push('\n'),
            Event::Text(t) if in_text => out.push_str(&t),
            Event::GeneralRef(r) if in_text => out.push_str(&entity(&r)),
            Event::Eof => return out,
            _ => {}
        }
    }
}

/// `&amp;` as `&`, `&#xA;` as a newline.
fn entity(r: &quick_xml::events::BytesRef) -> String {
    match r
        .resolve_char_ref()
        .expect("a character reference XML allows")
    {
        Some(c) => c.to_string(),
        None => quick_xml::escape::resolve_predefined_entity(r)
            .expect("only XML's own entities")
            .to_string(),
    }
}

/// What a reader sees: the headers, the body, the footers.
pub fn text(docx: &[u8]) -> String {
    let names = part_names(docx);
    let of = |prefix: &str| -> String {
        names
            .iter()
            .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
            .map(|n| visible(&part(docx, n).unwrap()))
            .collect()
    };
    of("word/header") + &of("word/document") + &of("word/footer")
}

/// A document as a reader sees it: text formats as they are, a Word document's text.
pub fn readable(document: Document) -> String {
    match document {
        Document::Text(t) => t,
        Document::Docx(bytes) => text(&bytes),
    }
}

/// `export::render` for every format, Word documents as their text.
pub fn render(
    m: &Meeting,
    origins: &Origins,
    board: Option<&Board>,
    format: Format,
    audience: Audience,
    scope: Scope,
) -> String {
    readable(export::document(m, origins, board, format, audience, scope))
}

/// One part as its reader's outline: a line per paragraph, "[Style] text", a table cell's
/// paragraphs marked "| ", and Word's fields as {PAGE} and {NUMPAGES}. Golden files hold
/// this, so a change of layout reads as a diff of lines.
pub fn outline(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let (mut out, mut line, mut style) = (String::new(), String::new(), String::new());
    let (mut in_text, mut in_instr, mut cells) = (false, false, 0usize);
    loop {
        match reader.read_event().expect("the part is well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().0 == "w:pStyle" => {
                let val = e.try_get_attribute("w:val").unwrap().expect("a style id");
                style = val
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned();
            }
            Event::Start(e) => match e.name().0 {
                "w:t" => in_text = true,
                "w:instrText" => in_instr = true,
                "w:tc" => cells += 1,
                _ => {}
            },
            Event::End(e) => match e.name().0 {
                "w:t" => in_text = false,
                "w:instrText" => in_instr = false,
                "w:tc" => cells -= 1,
                "w:p" => {
                    let cell = if cells > 0 { "| " } else { "" };
                    out.push_str(&format!("{cell}[{style}] {line}\n"));
                    line.clear();
                    style.clear();
                }
                _ => {}
            },
            Event::Text(t) if in_instr => line.push_str(&format!("{{{}}}", t.trim())),
            Event::Text(t) if in_text => line.push_str(&t),
            Event::GeneralRef(r) if in_text => line.push_str(&entity(&r)),
            Event::Eof => return out,
            _ => {}
        }
    }
}

/// The whole document's outline: each header, the body, each footer, under its part name.
pub fn document_outline(docx: &[u8]) -> String {
    let mut names: Vec<String> = part_names(docx)
        .into_iter()
        .filter(|n| {
            n == "word/document.xml"
                || (n.starts_with("word/header") || n.starts_with("word/footer"))
                    && n.ends_with(".xml")
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| format!("== {n}\n{}", outline(&part(docx, n).unwrap())))
        .collect()
}
