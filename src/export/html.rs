//! One self-contained HTML file: inline style only, no scripts, nothing fetched, printable
//! on A4. Written as well-formed XML (every element closed, all text escaped) so that any
//! XML tool can read it back.

use std::fmt::Write;

use super::Scope;
use super::view::{Item, View, item_facts};
use crate::model::reading;

const STYLE: &str = "
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; }
body { max-width: 48em; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 0.2em 0; }
h2 { font-size: 14pt; border-bottom: 1px solid #555; margin-top: 1.4em; }
h3 { font-size: 12pt; margin: 1em 0 0.3em 0; }
h4, h5, h6 { font-size: 11pt; margin: 0.8em 0 0.3em 0; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
p, li { orphans: 3; widows: 3; }
.meta { margin: 0; }
.facts { font-style: italic; margin: 0.2em 0; }
.banner { border: 2px solid #000; padding: 0.4em 0.6em; font-weight: bold; }
.exempt-mark { border-left: 4px solid #000; padding-left: 0.5em; font-weight: bold; }
section.item { margin-bottom: 0.6em; }
section.depth-2 { margin-left: 1.2em; }
section.depth-3, section.depth-4 { margin-left: 2.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 10pt; }
th, td { border: 1px solid #777; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.status { font-weight: bold; }
.decisions { font-weight: bold; }
@media print { body { max-width: none; margin: 0; padding: 0; } a { color: inherit; } }
";

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

    /// Record text: paragraphs at blank lines, the clerk's line breaks kept.
    fn text_block(&mut self, text: &str) {
        for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            let lines: Vec<String> = para.lines().map(|l| esc(l.trim())).collect();
            let _ = writeln!(self.s, "<p>{}</p>", lines.join("<br/>"));
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
            for c in r {
                let _ = write!(self.s, "<td>{}</td>", esc(c));
            }
            self.raw("</tr>\n");
        }
        self.raw("</tbody>\n</table>\n");
    }
}

pub fn render(v: &View, scope: Scope) -> String {
    let agenda_only = scope == Scope::AgendaOnly;
    let mut o = Out { s: String::new() };
    let kind = if agenda_only { "Agenda" } else { "Minutes" };
    let title = format!("{}: {kind}, {}", v.heading(), v.date);
    o.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    o.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    o.el("title", "", &title);
    let _ = writeln!(o.s, "<style>{STYLE}</style>\n</head>\n<body>");

    o.raw("<header>\n");
    o.el("h1", "", &v.heading());
    o.para("meta", &v.when_and_where());
    o.para(
        "meta",
        &format!("{kind} · meeting {} · {}", v.id, v.status.label()),
    );
    if let Some(banner) = v.banner() {
        o.para(if v.is_public() { "" } else { "banner" }, &banner);
    }
    if !agenda_only && let Some(prev) = &v.previous {
        o.para("", &format!("This meeting approves the minutes of {prev}."));
    }
    o.raw("</header>\n<main>\n");

    if !agenda_only {
        attendance(&mut o, v);
        standing(&mut o, v);
    }
    let _ = writeln!(o.s, "<h2 id=\"{}\">{kind}</h2>", kind.to_lowercase());
    for item in &v.items {
        agenda_item(&mut o, v, item, scope);
    }
    if !agenda_only {
        actions(&mut o, v);
        approval(&mut o, v);
    }
    o.raw("</main>\n</body>\n</html>\n");
    o.s
}

fn attendance(o: &mut Out, v: &View) {
    if v.people.is_empty() {
        return;
    }
    o.el("h2", "id=\"attendance\"", "Attendance");
    o.para("", &crate::words::capitalise(&v.quorum));
    let (header, rows) = v.attendance_table();
    o.table("attendance", "Attendance", &header, &rows);
}

fn standing(o: &mut Out, v: &View) {
    if v.iha.is_none() && v.figures.is_empty() {
        return;
    }
    o.el("h2", "id=\"standing\"", "Standing figures");
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

fn agenda_item(o: &mut Out, v: &View, item: &Item, scope: Scope) {
    let depth = item.depth.min(4);
    let exempt_class = if item.exempt.is_some() { " exempt" } else { "" };
    let _ = writeln!(
        o.s,
        "<section class=\"item depth-{depth}{exempt_class}\" id=\"item-{}\">",
        item.number.replace('.', "-")
    );
    let h = format!("h{}", (2 + depth).min(6));
    o.el(&h, "", &format!("{}. {}", item.number, item.title));
    if let Some(reason) = &item.exempt {
        o.para("exempt-mark", &v.exempt_mark(reason));
    }
    let facts = item_facts(item, scope == Scope::Full);
    if !facts.is_empty() {
        o.para("facts", &facts.join(" · "));
    }
    if !item.principles.is_empty() {
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
    if scope == Scope::Full {
        o.text_block(&item.minutes);
        if !item.decisions.is_empty() {
            o.raw("<ul class=\"decisions\">\n");
            for d in &item.decisions {
                o.el("li", "", &reading::decision_line(d));
            }
            o.raw("</ul>\n");
        }
    }
    o.raw("</section>\n");
}

fn actions(o: &mut Out, v: &View) {
    if v.actions.is_empty() {
        return;
    }
    o.el("h2", "id=\"actions\"", "Actions");
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
    if let Some(a) = &v.approval {
        o.el("h2", "id=\"approval\"", "Approval");
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
    }
    if !v.errata.is_empty() {
        o.el("h2", "id=\"errata\"", "Errata");
        o.raw("<ul class=\"errata\">\n");
        for e in &v.errata {
            o.el("li", "", &e.listed());
        }
        o.raw("</ul>\n");
    }
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
