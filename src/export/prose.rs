//! Markdown and plain text: the same document, for email and for pasting into web pages.

use super::Scope;
use super::view::{Item, View, item_facts};

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
                self.line(&under.to_string().repeat(t.chars().count().max(3)));
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
    let agenda_only = scope == Scope::AgendaOnly;
    d.heading(1, &v.heading());
    let what = if agenda_only { "Agenda" } else { "Minutes" };
    d.lines(&[
        v.when_and_where(),
        format!("{what} · meeting {} · {}", v.id, v.status.label()),
    ]);
    banner(&mut d, v);
    if !agenda_only {
        if let Some(prev) = &v.previous {
            let t = d.text(&format!("This meeting approves the minutes of {prev}."));
            d.line(&t);
        }
        attendance(&mut d, v);
        standing(&mut d, v);
    }
    d.heading(2, if agenda_only { "Agenda" } else { "Minutes" });
    for item in &v.items {
        agenda_item(&mut d, v, item, scope);
    }
    if !agenda_only {
        actions(&mut d, v);
        approval(&mut d, v);
    }
    let mut out = d.out.trim_end().to_string();
    out.push('\n');
    out
}

fn banner(d: &mut Doc, v: &View) {
    let Some(t) = v.banner() else { return };
    let t = d.text(&t);
    // The private warning stands out in Markdown; the public note is plain.
    if d.md() && !v.is_public() {
        d.line(&format!("**{t}**"));
    } else {
        d.line(&t);
    }
    d.blank();
}

fn attendance(d: &mut Doc, v: &View) {
    if v.people.is_empty() {
        return;
    }
    d.heading(2, "Attendance");
    let t = d.text(&crate::words::capitalise(&v.quorum));
    d.line(&t);
    let private = !v.is_public();
    if !d.md() {
        d.blank();
        for p in &v.people {
            let mut s = p.name.clone();
            if !p.position.is_empty() {
                s.push_str(&format!(" ({})", p.position));
            }
            s.push_str(&format!(", {}: {}", p.role, p.presence));
            if private {
                if let Some(t) = p.arrived {
                    s.push_str(&format!(", arrived {}", crate::words::time(t)));
                }
                if !p.note.is_empty() {
                    s.push_str(&format!(". Note: {}", p.note));
                }
            }
            d.bullet(&s);
        }
        d.blank();
        return;
    }
    let (header, rows) = v.attendance_table();
    d.table(&header, &rows);
}

fn standing(d: &mut Doc, v: &View) {
    if v.iha.is_none() && v.figures.is_empty() {
        return;
    }
    d.heading(2, "Standing figures");
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

fn agenda_item(d: &mut Doc, v: &View, item: &Item, scope: Scope) {
    let level = (2 + item.depth).min(6);
    d.heading(level, &format!("{}. {}", item.number, item.title));
    if let Some(reason) = &item.exempt {
        let t = d.text(&v.exempt_mark(reason));
        if d.md() {
            d.line(&format!("**{t}**"));
        } else {
            d.line(&t);
        }
        d.blank();
    }
    let facts = item_facts(item, scope == Scope::Full);
    if !facts.is_empty() {
        let t = d.text(&facts.join(" · "));
        d.line(&if d.md() {
            format!("*{t}*")
        } else {
            format!("[{t}]")
        });
    }
    if !item.principles.is_empty() {
        let ps: Vec<String> = item
            .principles
            .iter()
            .map(|p| format!("{} ({})", p.number(), p.wording()))
            .collect();
        d.blank();
        let t = d.text(&format!(
            "Corporate parenting principles: {}",
            ps.join("; ")
        ));
        d.line(&t);
    }
    if scope == Scope::AgendaOnly {
        return;
    }
    d.para(&item.minutes);
    if !item.decisions.is_empty() {
        d.blank();
        for dec in &item.decisions {
            let word = crate::words::decision_word(dec.kind);
            let t = d.text(&dec.text);
            if d.md() {
                d.line(&format!("- **{word}:** {t}"));
            } else {
                d.line(&format!("- {word}: {t}"));
            }
        }
        d.blank();
    }
    // A correction after approval reads beside what it corrects.
    for e in v.errata_for(Some(&item.number)) {
        let t = d.text(&e.line());
        d.line(&t);
    }
    d.blank();
}

fn actions(d: &mut Doc, v: &View) {
    if v.actions.is_empty() {
        return;
    }
    d.heading(2, "Actions");
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
    if let Some(a) = &v.approval {
        d.heading(2, "Approval");
        d.lines(&[
            crate::words::approval_line(&a.approved_by, a.at_meeting.as_str(), a.on),
            format!(
                "Seal (version {}), SHA-256: {}",
                a.seal.version, a.seal.sha256
            ),
        ]);
    }
    // Errata to one item stand beside it; these are the rest.
    let rest: Vec<String> = v.errata_for(None).map(|e| e.listed()).collect();
    if !rest.is_empty() {
        d.heading(2, "Errata");
        for e in rest {
            d.bullet(&e);
        }
    }
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
