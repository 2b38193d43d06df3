//! Markdown and plain text: the same document, for email and for pasting into web pages.
//!
//! The council layout, shared with html.rs and the Word export (wording in view.rs):
//!
//! Minutes (Scope::Full), in this order:
//! 1. The page marks, at the top (and again at the end): "NOT FOR PUBLICATION – exempt
//!    information" on the full record (View::marks), "DRAFT – subject to approval" until
//!    approved.
//! 2. Title block: the council, the board (View::heading), "Minutes".
//! 3. "Minutes of a meeting of the <board> held at <venue> on <long date> at <time>."
//!    (View::minutes_of), then "The meeting began at 14:02 and ended at 16:11."
//!    (View::began_and_ended); a public record with exempt items says why their minutes
//!    are missing (View::banner).
//! 4. Attendance lists (View::attendance_lists): "Present:", "Apologies:", "Also present:",
//!    "Officers:", "Absent:"; the chair "(Chair)".
//! 5. The minutes, in agenda order, each headed "CPB/26/45  Title" (its reference) or
//!    "4.1. Title" (view::item_label); top-level minutes one heading level above their
//!    sub-items. Just before the first Part B item, the exclusion minute: "<ref>  Exclusion
//!    of the press and public", "RESOLVED – That under section 100A(4) …". In each minute:
//!    the exempt mark (View::exempt_mark), the item's times if the board asks
//!    (View::item_times_of), its text as paragraphs and lists (view::blocks), its
//!    declarations (View::declarations_in, View::declaration_line: all of them in the
//!    apologies item's minute), each decision as "RESOLVED – That …" / "DECISION – …"
//!    (view::resolved) with "Moved by …, seconded by …." and "For 4, Against 1, Abstentions
//!    0: CARRIED" and a recorded vote's names on lines below, then the errata to it.
//! 6. "Action log": Ref, Action, Owner, Due, Status, Raised (progress under it).
//! 7. "Standing figures reported": the IHA figures and other standing figures.
//! 8. "Errata" not beside a minute.
//! 9. Approved: the signature block (words::SIGNATURE_LINE), the approval line and seal.
//!
//! Agenda pack (Scope::AgendaOnly): marks (the full record's only), title block with
//! "Agenda", the summons (View::summons), "Date of publication: …", "Contact officer: …";
//! where there is Part B business, "Part A – items to be considered in public" and "Part B
//! – items likely to be considered with the press and public excluded" (the exclusion's
//! resolution as recommended, then each item's number, title and ground).
//!
//! Nothing of the clerk's workspace is in either: no item kinds, allowances, statuses, run
//! times or quorum counts. Plain text is wrapped at 72 columns.

use super::Scope;
use super::view::{Block, Item, View, blocks, item_heading, presented_by, resolved};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Markdown,
    Plain,
}

struct Doc {
    style: Style,
    out: String,
}

impl Doc {
    fn md(&self) -> bool {
        self.style == Style::Markdown
    }

    /// Text from the record, made safe for the style: in Markdown nothing a clerk types
    /// can become a link, an image, HTML or emphasis by accident.
    fn text(&self, s: &str) -> String {
        let s = clean(s);
        if self.md() { md_inline(&s) } else { s }
    }

    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, level: usize, title: &str) {
        self.blank();
        let t = self.text(title);
        if self.md() {
            self.line(&format!("{} {t}", "#".repeat(level)));
        } else {
            let under = match level {
                1 => '=',
                2 => '-',
                _ => '\0',
            };
            self.line(&t);
            if under != '\0' {
                let width = t.chars().count().clamp(3, WIDTH);
                self.line(&under.to_string().repeat(width));
            }
        }
        self.blank();
    }

    /// A paragraph of record text, its own line breaks kept.
    fn para(&mut self, s: &str) {
        let s = clean(s);
        let mut lines: Vec<String> = Vec::new();
        for raw in s.lines() {
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                self.flush(&mut lines);
                continue;
            }
            lines.push(if self.md() {
                md_line(trimmed)
            } else {
                trimmed.to_string()
            });
        }
        self.flush(&mut lines);
    }

    fn flush(&mut self, lines: &mut Vec<String>) {
        if lines.is_empty() {
            return;
        }
        self.blank();
        let n = lines.len();
        for (k, l) in lines.drain(..).enumerate() {
            // Two trailing spaces: a Markdown line break, so the clerk's lines stay lines.
            let brk = if self.md() && k + 1 < n { "  " } else { "" };
            self.out.push_str(&l);
            self.out.push_str(brk);
            self.out.push('\n');
        }
        self.blank();
    }

    /// Record text as paragraphs and lists (view::blocks): every line a paragraph.
    fn blocks(&mut self, text: &str) {
        for b in blocks(&clean(text)) {
            match b {
                Block::Para(p) => {
                    self.blank();
                    let t = if self.md() { md_line(&p) } else { p };
                    self.line(&t);
                    self.blank();
                }
                Block::List(entries) => {
                    self.blank();
                    for e in entries {
                        self.bullet(&e);
                    }
                    self.blank();
                }
            }
        }
    }

    /// Lines that belong together, each on its own line in both styles.
    fn lines(&mut self, lines: &[String]) {
        self.blank();
        let n = lines.len();
        for (k, l) in lines.iter().enumerate() {
            let t = self.text(l);
            let brk = if self.md() && k + 1 < n { "  " } else { "" };
            self.line(&format!("{t}{brk}"));
        }
        self.blank();
    }

    fn bullet(&mut self, s: &str) {
        let t = self.text(s);
        self.line(&format!("- {t}"));
    }

    /// A table in Markdown; in plain text, one line per row.
    fn table(&mut self, header: &[&str], rows: &[Vec<String>]) {
        self.blank();
        if self.md() {
            self.line(&format!("| {} |", header.join(" | ")));
            self.line(&format!(
                "|{}|",
                header.iter().map(|_| "---").collect::<Vec<_>>().join("|")
            ));
            for r in rows {
                let cells: Vec<String> = r
                    .iter()
                    .map(|c| md_inline(&clean(c).replace('\n', " ")))
                    .collect();
                self.line(&format!("| {} |", cells.join(" | ")));
            }
        } else {
            for r in rows {
                let cells: Vec<String> = r
                    .iter()
                    .filter(|c| !c.is_empty())
                    .map(|c| clean(c).replace('\n', " "))
                    .collect();
                self.line(&format!("- {}", cells.join("; ")));
            }
        }
        self.blank();
    }
}

pub fn render(v: &View, style: Style, scope: Scope) -> String {
    let mut d = Doc {
        style,
        out: String::new(),
    };
    marks(&mut d, v, scope);
    title_block(&mut d, v, scope);
    match scope {
        Scope::AgendaOnly => agenda_pack(&mut d, v),
        Scope::Full => minutes(&mut d, v),
    }
    marks(&mut d, v, scope);
    let mut out = d.out.trim_end().to_string();
    out.push('\n');
    match style {
        Style::Markdown => out,
        Style::Plain => wrap(&out, WIDTH),
    }
}

/// The columns plain text is wrapped to.
pub const WIDTH: usize = 72;

fn marks(d: &mut Doc, v: &View, scope: Scope) {
    let marks = v.marks(scope);
    if marks.is_empty() {
        return;
    }
    d.blank();
    for m in marks {
        if d.md() {
            d.line(&format!("**{m}**  "));
        } else {
            d.line(m);
        }
    }
    d.blank();
}

fn title_block(d: &mut Doc, v: &View, scope: Scope) {
    if !v.council.trim().is_empty() {
        let t = d.text(v.council.trim());
        d.line(&t);
    }
    d.heading(1, &v.heading());
    d.line(match scope {
        Scope::AgendaOnly => "Agenda",
        Scope::Full => "Minutes",
    });
    d.blank();
}

fn minutes(d: &mut Doc, v: &View) {
    let mut opening = vec![v.minutes_of()];
    opening.extend(v.began_and_ended());
    d.lines(&opening);
    if let Some(t) = v.banner() {
        let t = d.text(&t);
        d.line(&t);
        d.blank();
    }
    let lists: Vec<String> = v
        .attendance_lists()
        .into_iter()
        .map(|(label, names)| format!("{label}: {}", names.join(", ")))
        .collect();
    if !lists.is_empty() {
        d.lines(&lists);
    }
    for note in v.attendance_notes() {
        d.para(&note);
    }
    for item in &v.items {
        if let Some(x) = v.exclusion_before(item) {
            exclusion(d, x);
        }
        minute(d, v, item);
    }
    actions(d, v);
    standing(d, v);
    approval(d, v);
}

fn exclusion(d: &mut Doc, x: &super::view::ExclusionRow) {
    let label = x
        .minute
        .as_ref()
        .map_or_else(String::new, |r| format!("{r}  "));
    d.heading(2, &format!("{label}Exclusion of the press and public"));
    let text = d.text(&x.text);
    d.line(&if d.md() {
        format!("**RESOLVED –** {text}")
    } else {
        format!("RESOLVED – {text}")
    });
    d.blank();
}

fn minute(d: &mut Doc, v: &View, item: &Item) {
    let level = (1 + item.depth).min(6);
    d.heading(level, &item_heading(item));
    if let Some(reason) = &item.exempt {
        let t = d.text(&v.exempt_mark(reason));
        d.line(&if d.md() { format!("**{t}**") } else { t });
        d.blank();
    }
    presenter(d, item);
    if let Some(times) = v.item_times_of(item) {
        let t = d.text(&format!("({times})"));
        d.line(&t);
        d.blank();
    }
    principles(d, item);
    d.blocks(&item.minutes);
    let declared: Vec<String> = v
        .declarations_in(item)
        .iter()
        .map(|x| v.declaration_line(x))
        .collect();
    for line in declared {
        d.para(&line);
    }
    for dec in &item.decisions {
        let r = resolved(dec);
        d.blank();
        if d.md() {
            let text = d.text(&r.text);
            d.line(&format!("**{} –** {text}", r.word));
        } else {
            d.line(&clean(&r.lead()));
        }
        d.blank();
        if !r.procedure.is_empty() {
            d.lines(&r.procedure);
        }
    }
    // A correction after approval reads beside what it corrects.
    for e in v.errata_for(Some(&item.number)) {
        d.para(&e.line());
    }
    d.blank();
}

fn principles(d: &mut Doc, item: &Item) {
    if item.principles.is_empty() {
        return;
    }
    let ps: Vec<String> = item
        .principles
        .iter()
        .map(|p| format!("{} ({})", p.number(), p.wording()))
        .collect();
    d.para(&format!(
        "Corporate parenting principles: {}",
        ps.join("; ")
    ));
}

fn agenda_pack(d: &mut Doc, v: &View) {
    let mut opening = vec![v.summons()];
    opening.extend(v.published_line());
    opening.extend(v.contact_line());
    for line in opening {
        d.para(&line);
    }
    let (part_a, part_b) = v.agenda_parts();
    if !part_b.is_empty() {
        d.heading(2, crate::words::PART_A_HEADING);
    }
    // Under a Part heading where there are Parts, else straight under the title.
    let top = if part_b.is_empty() { 2 } else { 3 };
    for item in part_a {
        agenda_entry(d, v, item, top);
    }
    if part_b.is_empty() {
        return;
    }
    d.heading(2, crate::words::PART_B_HEADING);
    if let Some(x) = &v.exclusion {
        d.para(&format!("The Board is recommended to resolve: {}", x.text));
    }
    for item in part_b {
        agenda_entry(d, v, item, top);
    }
}

/// An agenda item; `top` is the heading level of a top-level item.
fn agenda_entry(d: &mut Doc, v: &View, item: &Item, top: usize) {
    let level = (top + item.depth - 1).min(6);
    d.heading(level, &format!("{}. {}", item.number, item.title));
    if let Some(reason) = &item.exempt {
        let t = d.text(&v.exempt_mark(reason));
        d.line(&if d.md() { format!("**{t}**") } else { t });
        d.blank();
    }
    presenter(d, item);
    principles(d, item);
}

fn presenter(d: &mut Doc, item: &Item) {
    if let Some(line) = presented_by(item) {
        d.para(&line);
    }
}

fn standing(d: &mut Doc, v: &View) {
    if v.iha.is_none() && v.figures.is_empty() {
        return;
    }
    d.heading(2, "Standing figures reported");
    if let Some(iha) = &v.iha {
        d.heading(3, "Initial Health Assessment timeliness");
        if let Some((from, to)) = iha.period {
            d.bullet(&format!("Period: {from} to {to}"));
        }
        d.bullet(&format!(
            "{} came into care; {} IHAs due; {} within 20 working days; {} late; {} outstanding",
            iha.entered_care, iha.due, iha.within, iha.late, iha.outstanding
        ));
        d.bullet(&format!(
            "Rate: {} against a target of {}%: {}",
            iha.rate, iha.target, iha.status
        ));
        if !iha.commentary.is_empty() {
            d.bullet(&format!("Commentary: {}", iha.commentary));
        }
        if !v.children.is_empty() {
            let (header, rows) = v.children_table();
            d.blank();
            let t = d.text("Per-child rows (anonymised; never published):");
            d.line(&t);
            d.table(&header, &rows);
        }
    }
    if !v.figures.is_empty() {
        d.heading(3, "Other standing figures");
        for f in &v.figures {
            let target = if f.target.is_empty() {
                String::new()
            } else {
                format!(" (target {})", f.target)
            };
            d.bullet(&format!("{}: {}{target}", f.name, f.value));
        }
    }
}

fn actions(d: &mut Doc, v: &View) {
    if v.actions.is_empty() {
        return;
    }
    d.heading(2, "Action log");
    let facts = super::view::Action::facts;
    if d.md() {
        let rows: Vec<Vec<String>> = v
            .actions
            .iter()
            .map(|a| {
                let (status, raised) = facts(a);
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
        d.table(
            &["Ref", "Action", "Owner", "Due", "Status", "Raised"],
            &rows,
        );
    }
    for a in &v.actions {
        if !d.md() {
            let (status, raised) = facts(a);
            let t = d.text(&format!("{} [{status}] {}", a.id, a.text));
            d.line(&t);
            let t = d.text(&format!(
                "    Owner {}, due {}; raised {raised}",
                a.owner, a.due
            ));
            d.line(&t);
            for u in &a.history {
                let t = d.text(&format!("    {}", update_line(u)));
                d.line(&t);
            }
            d.blank();
        } else if !a.history.is_empty() {
            let t = d.text(&format!("Progress on {}:", a.id));
            d.line(&t);
            for u in &a.history {
                d.bullet(&update_line(u));
            }
            d.blank();
        }
    }
}

/// "2026-03-11 [done]: Breakdown presented.": a dated update, with the status it set, who
/// made it and what an edit changed, where the record holds them.
pub(super) fn update_line(u: &crate::model::ActionUpdate) -> String {
    let mut line = format!("{}{}", u.date, crate::words::update_words(u));
    for c in &u.changed {
        line.push_str(&format!("; {}", crate::words::change_words(c)));
    }
    line
}

fn approval(d: &mut Doc, v: &View) {
    // Errata to one item stand beside it; these are the rest.
    let rest: Vec<String> = v.errata_for(None).map(|e| e.listed()).collect();
    if !rest.is_empty() {
        d.heading(2, "Errata");
        for e in rest {
            d.bullet(&e);
        }
    }
    if let Some(a) = &v.approval {
        d.blank();
        d.line(crate::words::SIGNATURE_LINE);
        d.blank();
        d.lines(&[
            crate::words::approval_line(&a.approved_by, a.at_meeting.as_str(), a.on),
            format!(
                "Seal (version {}), SHA-256: {}",
                a.seal.version, a.seal.sha256
            ),
        ]);
    }
}

/// Plain text wrapped at `width` columns, at spaces: a line's continuation keeps its
/// indent, and a "- " entry's continuation hangs under its text. A word longer than the
/// width stands on a line of its own rather than being broken.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        wrap_line(&mut out, line, width);
    }
    out
}

fn wrap_line(out: &mut String, line: &str, width: usize) {
    if line.chars().count() <= width {
        out.push_str(line);
        out.push('\n');
        return;
    }
    let body = line.trim_start();
    let indent = line.len() - body.len();
    let hang = indent + if body.starts_with("- ") { 2 } else { 0 };
    let mut current = " ".repeat(indent);
    let mut empty = true;
    // Split at single spaces, so that a double space within a line (after a minute's
    // reference) stays double; at a break it goes.
    for word in body.split(' ') {
        let len = current.chars().count();
        if !empty && len + 1 + word.chars().count() > width {
            out.push_str(current.trim_end());
            out.push('\n');
            current = " ".repeat(hang);
            empty = true;
        }
        if empty && word.is_empty() {
            continue;
        }
        if !empty {
            current.push(' ');
        }
        current.push_str(word);
        empty = false;
    }
    out.push_str(&current);
    out.push('\n');
}

/// Drops control characters (terminal escapes among them), keeping newlines and tabs.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .replace('\t', " ")
}

/// Escapes what Markdown would otherwise read as markup within a line.
fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One line of record text as Markdown: "- " lists stay lists; anything that would
/// start a heading, quote, rule or code block is escaped.
fn md_line(line: &str) -> String {
    let escaped = md_inline(line);
    let first = line.chars().next().unwrap_or(' ');
    let only_rule = line
        .chars()
        .all(|c| c == '-' || c == '=' || c == ' ' || c == '*' || c == '_');
    if matches!(first, '#' | '+' | '=') || (only_rule && first == '-') {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cannot_be_smuggled_in_record_text() {
        assert_eq!(
            md_inline("![x](http://e) <b> a*b_c"),
            r"\!\[x\](http://e) \<b\> a\*b\_c"
        );
        assert_eq!(md_line("# not a heading"), r"\# not a heading");
        assert_eq!(md_line("---"), r"\---");
        assert_eq!(md_line("- a list item"), "- a list item");
        assert_eq!(clean("a\u{1b}[31mred\u{7}\tb"), "a[31mred b");
    }

    #[test]
    fn plain_text_wraps_at_72_columns_keeping_indents_and_whole_words() {
        let long = format!("- {}", "word ".repeat(30));
        let wrapped = wrap(&format!("{long}\n    {}\nshort\n", "x".repeat(80)), 72);
        for line in wrapped.lines() {
            assert!(
                line.chars().count() <= 72 || !line.trim().contains(' '),
                "{line:?}"
            );
        }
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines[0].starts_with("- word") && lines[1].starts_with("  word"));
        assert!(lines.contains(&"short"));
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>(),
            format!("{long} {} short", "x".repeat(80))
                .split_whitespace()
                .collect::<Vec<_>>(),
            "nothing lost"
        );
    }

    #[test]
    fn a_sections_own_minutes_read_before_its_sub_items_in_every_document() {
        use crate::export::{Audience, Format, Scope, render};
        use crate::model::{Origins, agenda};
        let mut m = crate::demo::year().pop().unwrap();
        let (section, first) = (
            agenda::id_at_number(&m.agenda, "4").unwrap(),
            agenda::id_at_number(&m.agenda, "4.1").unwrap(),
        );
        agenda::find_mut(&mut m.agenda, section).unwrap().minutes =
            "The Chair introduced the standing items.".into();
        agenda::find_mut(&mut m.agenda, first).unwrap().minutes =
            "The Designated Nurse reported.".into();
        let origins = Origins::of(&m, |_| None);
        for format in [Format::Markdown, Format::Text, Format::Html] {
            for audience in [Audience::Private, Audience::Public] {
                let doc = render(&m, &origins, None, format, audience, Scope::Full);
                let at = |text: &str| {
                    doc.find(text)
                        .unwrap_or_else(|| panic!("{text:?} in {doc}"))
                };
                assert!(
                    at("introduced the standing items")
                        < at("Initial Health Assessment timeliness")
                        && at("Initial Health Assessment timeliness")
                            < at("Designated Nurse reported"),
                    "{format:?} {audience:?}: {doc}"
                );
            }
        }
    }
}
