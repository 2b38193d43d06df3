//! Word (.docx): the minutes and the agenda as a council lays them out, in real Word styles.
//!
//! Every paragraph names a style defined in styles.xml (Title, Subtitle, Heading 1,
//! Heading 2, Normal, Resolution; the table style Minutes Table), so a clerk's house
//! template restyles the whole document at once. The page is A4; the header of every page
//! carries DRAFT until the minutes are approved and NOT FOR PUBLICATION on the full record;
//! the footer numbers the pages with Word's PAGE and NUMPAGES fields.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum, Paragraph,
    RunFonts, Style, StyleType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableProperty, TableRow, WidthType,
};

use super::Scope;
use super::prose::clean;
use super::view::{Block, Item, View, blocks, item_heading, presented_by, resolved};

/// A4 in twentieths of a point, and 2 cm margins all round.
const A4: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1134;
/// The width between the margins, which the tables' columns share.
const TEXT_WIDTH: usize = A4.0 as usize - 2 * MARGIN as usize;

/// The document as the bytes of a .docx file.
pub fn render(v: &View, scope: Scope) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    package(v, scope)
        .pack(&mut out)
        .expect("a document packs into memory");
    out.into_inner()
}

/// The document's parts, each in schema order, ready to pack.
fn package(v: &View, scope: Scope) -> docx_rs::XMLDocx {
    let mut body = Body(Docx::new());
    match scope {
        Scope::Full => minutes(&mut body, v),
        Scope::AgendaOnly => agenda(&mut body, v),
    }
    let mut doc = styles(body.0)
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .footer(footer());
    // A header part must hold a paragraph: a public, approved record has none.
    if let Some(h) = header(v, scope) {
        doc = doc.header(h);
    }
    in_order(doc.build())
}

/// The package's XML parts with every property element's children in schema order
/// (docx_order.rs says why: Word drops what it meets out of order).
fn in_order(mut x: docx_rs::XMLDocx) -> docx_rs::XMLDocx {
    use super::docx_order::in_schema_order;
    for part in [
        &mut x.document,
        &mut x.styles,
        &mut x.numberings,
        &mut x.settings,
    ] {
        *part = in_schema_order(part);
    }
    for part in x.headers.iter_mut().chain(x.footers.iter_mut()) {
        *part = in_schema_order(part);
    }
    x
}

/// The document's body as it is written, paragraph by paragraph.
struct Body(Docx);

impl Body {
    fn push(&mut self, p: Paragraph) {
        self.0 = std::mem::take(&mut self.0).add_paragraph(p);
    }

    /// One paragraph of `style`; record text is cleaned of control characters, which XML
    /// cannot hold.
    fn para(&mut self, style: &str, text: &str) {
        self.push(para(style, text));
    }

    /// Record text as the clerk typed it: every line its own paragraph, a run of "- "
    /// lines a list (view::blocks, as every format reads it).
    fn text(&mut self, text: &str) {
        for block in blocks(text) {
            match block {
                Block::Para(p) => self.para("Normal", &p),
                Block::List(entries) => {
                    for e in entries {
                        self.para("ListBullet", &format!("• {e}"));
                    }
                }
            }
        }
    }

    /// "Present: a, b, c": the label in bold, then the words.
    fn labelled(&mut self, label: &str, text: &str) {
        let p = Paragraph::new()
            .style("Normal")
            .add_run(docx_rs::Run::new().add_text(format!("{label}: ")).bold())
            .add_run(docx_rs::Run::new().add_text(clean(text)));
        self.push(p);
    }

    /// A resolution: its mark in bold, its text, then mover and vote, in the Resolution style.
    fn resolution(&mut self, line: &str, then: &[String]) {
        let (mark, rest) = line.split_once(" – ").unwrap_or(("", line));
        let mut p = Paragraph::new().style("Resolution");
        if !mark.is_empty() {
            p = p.add_run(docx_rs::Run::new().add_text(format!("{mark} – ")).bold());
        }
        p = p.add_run(docx_rs::Run::new().add_text(clean(rest)));
        self.push(p);
        for t in then {
            self.para("Resolution", t);
        }
    }

    /// A table in the Minutes Table style across the page: a bold header row, then the
    /// rows; each column takes its `share` of the width.
    fn table(&mut self, header: &[&str], shares: &[usize], rows: &[Vec<String>]) {
        let whole: usize = shares.iter().sum();
        let widths: Vec<usize> = shares.iter().map(|s| TEXT_WIDTH * s / whole).collect();
        let cell = |text: &str, w: usize, bold: bool| {
            let run = docx_rs::Run::new().add_text(clean(text).replace('\n', " "));
            let run = if bold { run.bold() } else { run };
            TableCell::new()
                .width(w, WidthType::Dxa)
                .add_paragraph(Paragraph::new().style("Normal").add_run(run))
        };
        let head = TableRow::new(
            header
                .iter()
                .zip(&widths)
                .map(|(h, w)| cell(h, *w, true))
                .collect(),
        )
        .cant_split();
        let body = rows.iter().map(|r| {
            TableRow::new(
                r.iter()
                    .zip(&widths)
                    .map(|(c, w)| cell(c, *w, false))
                    .collect(),
            )
            .cant_split()
        });
        let table = Table::new(std::iter::once(head).chain(body).collect())
            .style("MinutesTable")
            .set_grid(widths.clone())
            .width(widths.iter().sum(), WidthType::Dxa);
        self.0 = std::mem::take(&mut self.0).add_table(table);
    }
}

fn para(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(docx_rs::Run::new().add_text(clean(text)))
}

/// The styles every paragraph and table names: Normal, and the rest based on it.
fn styles(doc: Docx) -> Docx {
    let font = || RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial");
    let after = |twips| LineSpacing::new().before(0).after(twips);
    let heading = |id: &str, name: &str, size, level| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .bold()
            .size(size)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(120))
    };
    let border = |pos| TableBorder::new(pos).size(4).color("808080");
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Bottom,
        TableBorderPosition::Left,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |b, pos| b.set(border(pos)));
    // docx-rs writes the Normal style itself (empty, so it takes the document defaults):
    // Normal's font and spacing are set as those defaults.
    doc.default_fonts(font())
        .default_size(22)
        .default_line_spacing(after(120))
        .add_style(heading("Title", "Title", 32, 0).line_spacing(after(60)))
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .next("Normal")
                .size(28)
                .line_spacing(after(240)),
        )
        .add_style(heading("Heading1", "heading 1", 26, 0))
        .add_style(heading("Heading2", "heading 2", 22, 1))
        .add_style(
            Style::new("Resolution", StyleType::Paragraph)
                .name("Resolution")
                .based_on("Normal")
                .indent(Some(567), None, None, None),
        )
        .add_style(
            Style::new("ListBullet", StyleType::Paragraph)
                .name("List Bullet")
                .based_on("Normal")
                .indent(
                    Some(567),
                    Some(docx_rs::SpecialIndentType::Hanging(283)),
                    None,
                    None,
                ),
        )
        .add_style(
            Style::new("Header", StyleType::Paragraph)
                .name("header")
                .based_on("Normal")
                .bold()
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("Footer", StyleType::Paragraph)
                .name("footer")
                .based_on("Normal")
                .size(18)
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("MinutesTable", StyleType::Table)
                .name("Minutes Table")
                .table_property(TableProperty::new().set_borders(borders)),
        )
}

/// The marks every page carries (View::marks: NOT FOR PUBLICATION on the full record,
/// DRAFT until approved); `None` where neither applies.
fn header(v: &View, scope: Scope) -> Option<Header> {
    let marks = v.marks(scope);
    (!marks.is_empty()).then(|| {
        marks
            .into_iter()
            .fold(Header::new(), |h, m| h.add_paragraph(para("Header", m)))
    })
}

/// "Page X of Y", from Word's own fields, so the numbers are right however it is printed.
fn footer() -> Footer {
    let run = |t: &str| docx_rs::Run::new().add_text(t);
    Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .add_run(run("Page "))
            .add_page_num(PageNum::new())
            .add_run(run(" of "))
            .add_num_pages(NumPages::new()),
    )
}

/// The council, then the board: the title block of minutes and agenda alike.
fn title_block(body: &mut Body, v: &View) {
    if !v.council.is_empty() {
        body.para("Title", &v.council);
    }
    body.para("Subtitle", &v.heading());
}

fn minutes(body: &mut Body, v: &View) {
    title_block(body, v);
    body.para("Normal", &v.minutes_of());
    for line in v.began_and_ended().into_iter().chain(v.banner()) {
        body.para("Normal", &line);
    }
    for (label, names) in v.attendance_lists() {
        body.labelled(label, &names.join(", "));
    }
    for note in v.attendance_notes() {
        body.para("Normal", &note);
    }
    for item in &v.items {
        if let Some(x) = v.exclusion_before(item) {
            let heading = match &x.minute {
                Some(m) => format!("{m}  Exclusion of the press and public"),
                None => "Exclusion of the press and public".to_string(),
            };
            body.para("Heading1", &heading);
            body.resolution(&format!("RESOLVED – {}", x.text), &[]);
        }
        minute(body, v, item);
    }
    actions(body, v);
    standing(body, v);
    approval(body, v);
}

/// One minute, in prose.rs's order: heading, exempt mark, presenter, times (where the
/// board asks), the text, declarations, the resolutions with mover and vote, the errata.
fn minute(body: &mut Body, v: &View, item: &Item) {
    // Depth 1 is a top-level item ("4"), 2 its sub-items ("4.1").
    let style = if item.depth <= 1 {
        "Heading1"
    } else {
        "Heading2"
    };
    body.para(style, &item_heading(item));
    if let Some(reason) = &item.exempt {
        body.para("Normal", &v.exempt_mark(reason));
    }
    if let Some(line) = presented_by(item) {
        body.para("Normal", &line);
    }
    if let Some(times) = v.item_times_of(item) {
        body.para("Normal", &format!("({times})"));
    }
    body.text(&item.minutes);
    for d in v.declarations_in(item) {
        body.para("Normal", &v.declaration_line(d));
    }
    for d in &item.decisions {
        let r = resolved(d);
        body.resolution(&r.lead(), &r.procedure);
    }
    for e in v.errata_for(Some(&item.number)) {
        body.para("Normal", &e.line());
    }
}

/// The standing IHA figures and any others, as a table.
fn standing(body: &mut Body, v: &View) {
    let mut rows: Vec<Vec<String>> = Vec::new();
    if let Some(iha) = &v.iha {
        rows.push(vec![
            "Initial Health Assessments within 20 working days".to_string(),
            format!("{} of {} due ({})", iha.within, iha.due, iha.rate),
            format!("{}%", iha.target),
        ]);
    }
    rows.extend(
        v.figures
            .iter()
            .map(|f| vec![f.name.clone(), f.value.clone(), f.target.clone()]),
    );
    if rows.is_empty() {
        return;
    }
    body.para("Heading1", "Standing figures");
    body.table(&["Measure", "Reported", "Target"], &[5, 3, 2], &rows);
    if let Some(iha) = v.iha.as_ref().filter(|i| !i.commentary.is_empty()) {
        body.text(&iha.commentary);
    }
    if !v.children.is_empty() {
        let (header, rows) = v.children_table();
        body.para("Normal", "Per-child rows (anonymised; never published):");
        body.table(&header, &[4, 3, 3], &rows);
    }
}

fn actions(body: &mut Body, v: &View) {
    if v.actions.is_empty() {
        return;
    }
    body.para("Heading1", "Actions");
    let rows: Vec<Vec<String>> = v
        .actions
        .iter()
        .map(|a| {
            let (status, raised) = a.facts();
            vec![
                a.id.clone(),
                a.text.clone(),
                a.owner.clone(),
                a.due.to_string(),
                status,
                raised,
            ]
        })
        .collect();
    body.table(
        &["Ref", "Action", "Owner", "Due", "Status", "Raised"],
        &[3, 8, 4, 3, 3, 5],
        &rows,
    );
}

/// After approval, the Chair's signature block and the approval line; the errata that
/// are not beside a minute.
fn approval(body: &mut Body, v: &View) {
    let rest: Vec<String> = v.errata_for(None).map(|e| e.listed()).collect();
    if !rest.is_empty() {
        body.para("Heading1", "Errata");
        for e in rest {
            body.para("Normal", &e);
        }
    }
    if let Some(a) = &v.approval {
        body.para("Normal", crate::words::SIGNATURE_LINE);
        body.para(
            "Normal",
            &crate::words::approval_line(&a.approved_by, a.at_meeting.as_str(), a.on),
        );
    }
}

/// The agenda pack: summons, publication date, contact officer, then Part A and Part B.
fn agenda(body: &mut Body, v: &View) {
    title_block(body, v);
    for line in std::iter::once(v.summons())
        .chain(v.published_line())
        .chain(v.contact_line())
    {
        body.para("Normal", &line);
    }
    let (part_a, part_b) = v.agenda_parts();
    if !part_b.is_empty() {
        body.para("Heading1", crate::words::PART_A_HEADING);
    }
    for item in part_a {
        agenda_item(body, v, item);
    }
    if part_b.is_empty() {
        return;
    }
    body.para("Heading1", crate::words::PART_B_HEADING);
    if let Some(x) = &v.exclusion {
        body.para(
            "Normal",
            &format!("The Board is recommended to resolve: {}", x.text),
        );
    }
    for item in part_b {
        agenda_item(body, v, item);
    }
}

fn agenda_item(body: &mut Body, v: &View, item: &Item) {
    let style = if item.depth <= 1 {
        "Heading2"
    } else {
        "Normal"
    };
    body.para(style, &format!("{}. {}", item.number, item.title));
    if let Some(reason) = &item.exempt {
        body.para("Normal", &v.exempt_mark(reason));
    }
    if let Some(line) = presented_by(item) {
        body.para("Normal", &line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::docx_order::out_of_order;
    use crate::model::Origins;

    /// Every part Word reads has its property elements' children in schema order, for the
    /// demo's June minutes (tables, headers, a footer with fields, every style).
    #[test]
    fn every_part_of_the_word_minutes_is_in_schema_order() {
        let year = crate::demo::year();
        let june = year.iter().find(|m| m.id.as_str() == "2026-06-10").unwrap();
        let origins = Origins::of(june, |id| year.iter().find(|x| x.id == *id).cloned());
        let v = View::private(june, &origins, None);
        let x = package(&v, Scope::Full);
        let parts = [&x.document, &x.styles]
            .into_iter()
            .chain(&x.headers)
            .chain(&x.footers);
        for part in parts {
            let xml = String::from_utf8_lossy(part);
            assert_eq!(out_of_order(&xml), Vec::<String>::new());
        }
    }
}
