//! One self-contained HTML file: inline style only, no scripts, nothing fetched, printable
//! on A4. Written as well-formed XML (every element closed, all text escaped) so that any
//! XML tool can read it back.

use std::fmt::Write;

use super::Scope;
use super::view::{Block, Item, View, blocks, item_heading, presented_by, resolved};

const STYLE: &str = "
@page { size: A4; margin: 24mm 18mm 22mm 18mm; }
html { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; }
body { max-width: 48em; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0.1em 0 0.1em 0; }
h2 { font-size: 12.5pt; margin: 1.3em 0 0.4em 0; }
h3 { font-size: 11.5pt; margin: 1em 0 0.3em 0; }
h4, h5, h6 { font-size: 11pt; margin: 0.8em 0 0.3em 0; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
p, li { orphans: 3; widows: 3; }
p { margin: 0.35em 0; }
header.title-block { text-align: center; border-bottom: 2px solid #111; padding-bottom: 0.6em; margin-bottom: 1em; }
.council { font-size: 13pt; margin: 0; }
.doc-kind { font-size: 14pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.08em; margin: 0.2em 0 0 0; }
.page-mark { border: 2px solid #000; padding: 0.3em 0.6em; font-weight: bold; text-align: center; }
.opening { font-weight: bold; }
.note { font-style: italic; }
dl.attendance { display: grid; grid-template-columns: 8.5em 1fr; gap: 0.25em 0.8em; margin: 1em 0; }
dl.attendance dt { font-weight: bold; }
dl.attendance dd { margin: 0; }
.exempt-mark { border-left: 4px solid #000; padding-left: 0.5em; font-weight: bold; }
section.minute { margin-bottom: 0.6em; }
section.depth-2 { margin-left: 1.2em; }
section.depth-3, section.depth-4 { margin-left: 2.4em; }
.ref { white-space: nowrap; hyphens: none; }
h2 .ref, h3 .ref { margin-right: 1.2em; }
.resolved { margin: 0.6em 0 0.6em 1.2em; break-inside: avoid; page-break-inside: avoid; }
.resolved .lead { font-weight: normal; }
.procedure { margin: 0.1em 0; }
.presenter { font-style: italic; }
.times, .principles { font-size: 10pt; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 10pt; }
caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
th, td { border: 1px solid #777; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.ref { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.status { font-weight: bold; }
.signature { margin-top: 2.5em; break-inside: avoid; page-break-inside: avoid; }
.signature .sign { font-size: 12pt; margin-bottom: 1.5em; }
.seal { font-size: 8.5pt; word-break: break-all; }
@media print { body { max-width: none; margin: 0; padding: 0; } a { color: inherit; } }
";

/// The page boxes of the printed document: the marks at the top of every page, the
/// meeting and "Page N of M" at the foot. Generated here because the marks depend on the
/// record; every string goes through [`css_string`].
fn page_boxes(v: &View, scope: Scope) -> String {
    let marks = v.marks(scope).join("   ·   ");
    let foot = format!("{} – {}", v.board, crate::words::day_month_year(v.date));
    let mut css = String::from("@page {\n");
    if !marks.is_empty() {
        let _ = writeln!(
            css,
            "  @top-center {{ content: {}; font: bold 9.5pt Arial, Helvetica, sans-serif; \
             border-bottom: 1px solid #000; }}",
            css_string(&marks)
        );
    }
    let _ = writeln!(
        css,
        "  @bottom-left {{ content: {}; font: 8.5pt Arial, Helvetica, sans-serif; }}",
        css_string(&foot)
    );
    css.push_str(
        "  @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); \
         font: 8.5pt Arial, Helvetica, sans-serif; }\n}\n",
    );
    css
}

/// A CSS string literal: everything but plain letters, digits and spaces escaped, so no
/// text can end the string, the rule or the style element (nor break the XML).
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else if !c.is_control() {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

struct Out {
    s: String,
}

impl Out {
    fn raw(&mut self, s: &str) {
        self.s.push_str(s);
    }

    /// `<tag attrs>text</tag>` on a line of its own, the text escaped.
    fn el(&mut self, tag: &str, attrs: &str, text: &str) {
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" {attrs}")
        };
        let _ = writeln!(self.s, "<{tag}{attrs}>{}</{tag}>", esc(text));
    }

    fn para(&mut self, class: &str, text: &str) {
        let attrs = if class.is_empty() {
            String::new()
        } else {
            format!("class=\"{class}\"")
        };
        self.el("p", &attrs, text);
    }

    /// Record text: every line a paragraph (Enter ends one), runs of "- " lines a list,
    /// references kept whole.
    fn text_block(&mut self, text: &str) {
        for b in blocks(text) {
            match b {
                Block::Para(p) => {
                    let _ = writeln!(self.s, "<p>{}</p>", with_refs(&p));
                }
                Block::List(entries) => {
                    self.raw("<ul>\n");
                    for e in entries {
                        let _ = writeln!(self.s, "<li>{}</li>", with_refs(&e));
                    }
                    self.raw("</ul>\n");
                }
            }
        }
    }

    fn table(&mut self, class: &str, caption: &str, header: &[&str], rows: &[Vec<String>]) {
        let _ = writeln!(self.s, "<table class=\"{class}\">");
        self.el("caption", "", caption);
        self.raw("<thead><tr>");
        for h in header {
            let _ = write!(self.s, "<th scope=\"col\">{}</th>", esc(h));
        }
        self.raw("</tr></thead>\n<tbody>\n");
        for r in rows {
            self.raw("<tr>");
            for (h, c) in header.iter().zip(r) {
                let class = if *h == "Ref" { " class=\"ref\"" } else { "" };
                let _ = write!(self.s, "<td{class}>{}</td>", esc(c));
            }
            self.raw("</tr>\n");
        }
        self.raw("</tbody>\n</table>\n");
    }
}

pub fn render(v: &View, scope: Scope) -> String {
    let mut o = Out { s: String::new() };
    let kind = match scope {
        Scope::AgendaOnly => "Agenda",
        Scope::Full => "Minutes",
    };
    let title = format!("{}: {kind}, {}", v.heading(), v.date);
    o.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    o.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    o.el("title", "", &title);
    let _ = writeln!(
        o.s,
        "<style>{STYLE}{}</style>\n</head>\n<body>",
        page_boxes(v, scope)
    );
    marks(&mut o, v, scope);
    o.raw("<header class=\"title-block\">\n");
    if !v.council.trim().is_empty() {
        o.para("council", v.council.trim());
    }
    o.el("h1", "", &v.heading());
    o.para("doc-kind", kind);
    o.raw("</header>\n<main>\n");
    match scope {
        Scope::AgendaOnly => agenda_pack(&mut o, v),
        Scope::Full => minutes(&mut o, v),
    }
    o.raw("</main>\n<footer>\n");
    marks(&mut o, v, scope);
    o.raw("</footer>\n</body>\n</html>\n");
    o.s
}

fn marks(o: &mut Out, v: &View, scope: Scope) {
    for m in v.marks(scope) {
        o.para("page-mark", m);
    }
}

fn minutes(o: &mut Out, v: &View) {
    o.para("opening", &v.minutes_of());
    if let Some(t) = v.began_and_ended() {
        o.para("", &t);
    }
    if let Some(note) = v.banner() {
        o.para("note", &note);
    }
    attendance(o, v);
    for item in &v.items {
        if let Some(x) = v.exclusion_before(item) {
            exclusion(o, x);
        }
        minute(o, v, item);
    }
    actions(o, v);
    standing(o, v);
    approval(o, v);
}

fn attendance(o: &mut Out, v: &View) {
    let lists = v.attendance_lists();
    if lists.is_empty() {
        return;
    }
    o.raw("<dl class=\"attendance\">\n");
    for (label, names) in lists {
        o.el("dt", "", label);
        o.el("dd", "", &names.join(", "));
    }
    o.raw("</dl>\n");
    for note in v.attendance_notes() {
        o.para("attendance-note", &note);
    }
}

/// `<h2><span class="ref">CPB/26/45</span> Title</h2>`, or "4.1. Title" without a reference.
fn minute_heading(o: &mut Out, level: usize, minute: Option<&str>, text: &str) {
    let h = format!("h{}", level.min(6));
    match minute {
        Some(r) => {
            let _ = writeln!(
                o.s,
                "<{h}><span class=\"ref\">{}</span> {}</{h}>",
                esc(r),
                esc(text)
            );
        }
        None => o.el(&h, "", text),
    }
}

fn exclusion(o: &mut Out, x: &super::view::ExclusionRow) {
    o.raw("<section class=\"minute exclusion\" id=\"exclusion\">\n");
    minute_heading(
        o,
        2,
        x.minute.as_deref(),
        "Exclusion of the press and public",
    );
    resolution(o, "RESOLVED", &x.text, &[]);
    o.raw("</section>\n");
}

/// "RESOLVED – That …", and the procedure under it.
fn resolution(o: &mut Out, word: &str, text: &str, procedure: &[String]) {
    o.raw("<div class=\"resolved\">\n");
    let _ = writeln!(
        o.s,
        "<p><strong>{} –</strong> <span class=\"lead\">{}</span></p>",
        esc(word),
        with_refs(text)
    );
    for line in procedure {
        o.para("procedure", line);
    }
    o.raw("</div>\n");
}

fn minute(o: &mut Out, v: &View, item: &Item) {
    let depth = item.depth.min(4);
    let exempt_class = if item.exempt.is_some() { " exempt" } else { "" };
    let _ = writeln!(
        o.s,
        "<section class=\"minute depth-{depth}{exempt_class}\" id=\"item-{}\">",
        item.number.replace('.', "-")
    );
    match &item.minute {
        Some(r) => minute_heading(o, 1 + depth, Some(r), &item.title),
        None => minute_heading(o, 1 + depth, None, &item_heading(item)),
    }
    if let Some(reason) = &item.exempt {
        o.para("exempt-mark", &v.exempt_mark(reason));
    }
    if let Some(line) = presented_by(item) {
        o.para("presenter", &line);
    }
    if let Some(times) = v.item_times_of(item) {
        o.para("times", &format!("({times})"));
    }
    principles(o, item);
    o.text_block(&item.minutes);
    for d in v.declarations_in(item) {
        o.para("declaration", &v.declaration_line(d));
    }
    for d in &item.decisions {
        let r = resolved(d);
        resolution(o, r.word, &r.text, &r.procedure);
    }
    for e in v.errata_for(Some(&item.number)) {
        o.para("erratum", &e.line());
    }
    o.raw("</section>\n");
}

fn principles(o: &mut Out, item: &Item) {
    if item.principles.is_empty() {
        return;
    }
    let ps: Vec<String> = item
        .principles
        .iter()
        .map(|p| format!("{} ({})", p.number(), p.wording()))
        .collect();
    o.para(
        "principles",
        &format!("Corporate parenting principles: {}", ps.join("; ")),
    );
}

fn agenda_pack(o: &mut Out, v: &View) {
    o.para("opening", &v.summons());
    for line in [v.published_line(), v.contact_line()].into_iter().flatten() {
        o.para("", &line);
    }
    let (part_a, part_b) = v.agenda_parts();
    if !part_b.is_empty() {
        o.el("h2", "id=\"part-a\"", crate::words::PART_A_HEADING);
    }
    // Under a Part heading where there are Parts, else straight under the title.
    let top = if part_b.is_empty() { 2 } else { 3 };
    for item in part_a {
        agenda_entry(o, v, item, top);
    }
    if part_b.is_empty() {
        return;
    }
    o.el("h2", "id=\"part-b\"", crate::words::PART_B_HEADING);
    if let Some(x) = &v.exclusion {
        o.para(
            "",
            &format!("The Board is recommended to resolve: {}", x.text),
        );
    }
    for item in part_b {
        agenda_entry(o, v, item, top);
    }
}

/// An agenda item; `top` is the heading level of a top-level item.
fn agenda_entry(o: &mut Out, v: &View, item: &Item, top: usize) {
    let depth = item.depth.min(4);
    let exempt_class = if item.exempt.is_some() { " exempt" } else { "" };
    let _ = writeln!(
        o.s,
        "<section class=\"minute depth-{depth}{exempt_class}\" id=\"item-{}\">",
        item.number.replace('.', "-")
    );
    o.el(
        &format!("h{}", (top + depth - 1).min(6)),
        "",
        &format!("{}. {}", item.number, item.title),
    );
    if let Some(reason) = &item.exempt {
        o.para("exempt-mark", &v.exempt_mark(reason));
    }
    if let Some(line) = presented_by(item) {
        o.para("presenter", &line);
    }
    principles(o, item);
    o.raw("</section>\n");
}

fn standing(o: &mut Out, v: &View) {
    if v.iha.is_none() && v.figures.is_empty() {
        return;
    }
    o.el("h2", "id=\"standing\"", "Standing figures reported");
    if let Some(iha) = &v.iha {
        o.raw("<section class=\"iha\">\n");
        o.el("h3", "", "Initial Health Assessment timeliness");
        if let Some((from, to)) = iha.period {
            o.para("", &format!("Period: {from} to {to}"));
        }
        let rows = vec![vec![
            iha.entered_care.to_string(),
            iha.due.to_string(),
            iha.within.to_string(),
            iha.late.to_string(),
            iha.outstanding.to_string(),
            iha.rate.clone(),
            format!("{}%", iha.target),
        ]];
        o.table(
            "iha-figures",
            "IHA figures for the period",
            &[
                "Came into care",
                "IHAs due",
                "Within 20 working days",
                "Late",
                "Outstanding",
                "Rate",
                "Target",
            ],
            &rows,
        );
        let _ = writeln!(
            o.s,
            "<p>Status: <strong class=\"status\">{}</strong> ({} against a target of {}%)</p>",
            esc(iha.status),
            esc(&iha.rate),
            iha.target
        );
        if !iha.commentary.is_empty() {
            o.el("h4", "", "Commentary");
            o.text_block(&iha.commentary);
        }
        if !v.children.is_empty() {
            let (header, rows) = v.children_table();
            o.table(
                "iha-children",
                "Per-child rows (anonymised; never published)",
                &header,
                &rows,
            );
        }
        o.raw("</section>\n");
    }
    if !v.figures.is_empty() {
        let rows: Vec<Vec<String>> = v
            .figures
            .iter()
            .map(|f| vec![f.name.clone(), f.value.clone(), f.target.clone()])
            .collect();
        o.table(
            "figures",
            "Other standing figures",
            &["Figure", "Value", "Target"],
            &rows,
        );
    }
}

fn actions(o: &mut Out, v: &View) {
    if v.actions.is_empty() {
        return;
    }
    o.el("h2", "id=\"actions\"", "Action log");
    let rows: Vec<Vec<String>> = v
        .actions
        .iter()
        .map(|a| {
            let (status, raised) = a.facts();
            let progress = a
                .history
                .iter()
                .map(super::prose::update_line)
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                a.id.clone(),
                a.text.clone(),
                a.owner.clone(),
                a.due.to_string(),
                status,
                raised,
                progress,
            ]
        })
        .collect();
    o.table(
        "actions",
        "Action log",
        &[
            "Ref", "Action", "Owner", "Due", "Status", "Raised", "Progress",
        ],
        &rows,
    );
}

fn approval(o: &mut Out, v: &View) {
    let rest: Vec<String> = v.errata_for(None).map(|e| e.listed()).collect();
    if !rest.is_empty() {
        o.el("h2", "id=\"errata\"", "Errata");
        o.raw("<ul class=\"errata\">\n");
        for e in rest {
            o.el("li", "", &e);
        }
        o.raw("</ul>\n");
    }
    if let Some(a) = &v.approval {
        o.raw("<section class=\"signature\" id=\"approval\">\n");
        o.para("sign", crate::words::SIGNATURE_LINE);
        o.para(
            "",
            &crate::words::approval_line(&a.approved_by, a.at_meeting.as_str(), a.on),
        );
        o.para(
            "seal",
            &format!(
                "Seal (version {}), SHA-256: {}",
                a.seal.version, a.seal.sha256
            ),
        );
        o.raw("</section>\n");
    }
}

/// Escaped text with references (action ids "2026-04-08#1", minute references
/// "CPB/26/45") in a span that print never breaks inside.
fn with_refs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (k, word) in text.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let edge = |c: char| !c.is_alphanumeric();
        let at = word.len() - word.trim_start_matches(edge).len();
        let core = word[at..].trim_end_matches(edge);
        let is_ref = core.contains('#')
            || (core.contains('/') && core.chars().all(|c| c.is_alphanumeric() || c == '/'));
        if is_ref && !core.is_empty() {
            let _ = write!(
                out,
                "{}<span class=\"ref\">{}</span>{}",
                esc(&word[..at]),
                esc(core),
                esc(&word[at + core.len()..])
            );
        } else {
            out.push_str(&esc(word));
        }
    }
    out
}

/// Escapes text for element content and attribute values alike, and drops characters
/// XML cannot carry at all (most control characters), so the file always parses.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            '\r' => {}
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_nothing_an_xml_parser_would_refuse() {
        assert_eq!(
            esc("<b>\"Tom & Jerry's\"</b>\u{0}\u{1b}\r\u{FFFF}"),
            "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;"
        );
    }
}
