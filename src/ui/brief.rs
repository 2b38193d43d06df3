//! The item in hand drawn as lines, the most important first, so a short screen shows
//! what matters and the rest is one scroll away. Words carry every status; colour only
//! repeats them.
//!
//! [`lines`] gives the brief's lines; [`BriefPanel`] draws them into a rectangle, wrapped
//! to its width and scrolled, saying on its last row how many lines are cut and which key
//! shows them. The clerk's Agenda and the chair's own screen both draw it.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::keymap::{self, Command, ItemView, Scope, Step};
use crate::model::Decision;
use crate::model::agenda::ItemStatus;
use crate::model::brief::{ActionBrief, Brief, ExclusionDue, FigureBrief, Timing, Verdict};
use crate::model::standing::sparkline;
use crate::ui::minutes_seconds;
use crate::ui::theme::Theme;
use crate::words::{self, PART_B_TAG};

/// The brief's lines, most important first: the exclusion before exempt business, the
/// item and its time, the quorum, the figure, the actions, today's decisions, last
/// meeting's, then who presents and the principles. A veiled brief is one line.
pub fn lines(brief: &Brief, theme: Theme) -> Vec<Line<'static>> {
    lines_in(brief, theme, Clock::Seconds)
}

/// How finely times on the clock are shown: by the second where the screen is drawn several
/// times a second (the clerk's), in whole minutes where it is drawn only as they turn (the
/// chair's, which must cost next to nothing while idle), so no time shown is ever stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Seconds,
    Minutes,
}

impl Clock {
    fn show(self, d: chrono::Duration) -> String {
        match self {
            Clock::Seconds => minutes_seconds(d),
            Clock::Minutes => format!("{} min", d.num_minutes().max(0)),
        }
    }
}

/// As [`lines`], with times shown to `clock`.
pub fn lines_in(brief: &Brief, theme: Theme, clock: Clock) -> Vec<Line<'static>> {
    if brief.veiled {
        return veiled(brief, theme);
    }
    let mut lines = Vec::new();
    if let Some(ex) = &brief.exclusion {
        lines.extend(exclusion(ex, theme));
    }
    lines.push(heading(brief, theme));
    lines.extend(timing(&brief.timing, theme, clock));
    lines.extend(next(brief, theme));
    lines.extend(room(brief, theme));
    if let Some(f) = &brief.figure {
        lines.extend(figure(f, theme));
    }
    lines.extend(actions(&brief.actions, theme));
    lines.extend(decided(brief, theme));
    lines.extend(last_time(brief, theme));
    lines.extend(about(brief, theme));
    lines
}

/// "EXCLUDE THE PRESS AND PUBLIC FIRST: paragraphs 1 and 2 of Schedule 12A", and the
/// resolution to be moved.
fn exclusion(ex: &ExclusionDue, theme: Theme) -> Vec<Line<'static>> {
    let ground = match ex.paragraphs.as_slice() {
        [] => format!("on the ground stated: {}", ex.ground),
        [one] => format!("paragraph {one} of Schedule 12A"),
        many => {
            let (last, rest) = many.split_last().unwrap_or((&0, &[]));
            let rest: Vec<String> = rest.iter().map(u8::to_string).collect();
            format!("paragraphs {} and {last} of Schedule 12A", rest.join(", "))
        }
    };
    let mut lines = vec![Line::from(Span::styled(
        format!("EXCLUDE THE PRESS AND PUBLIC FIRST: {ground}"),
        theme.bad(),
    ))];
    if !ex.resolution.is_empty() {
        lines.push(Line::from(format!("To move: {}", ex.resolution)));
    }
    lines
}

/// "[PART B] 4.1 IHA timeliness · minute CPB/26/40 · now being taken".
fn heading(brief: &Brief, theme: Theme) -> Line<'static> {
    let tag = match brief.exempt {
        Some(_) => format!("{PART_B_TAG} "),
        None => String::new(),
    };
    let mut facts = Vec::new();
    if let Some(m) = &brief.minute {
        facts.push(format!("minute {m}"));
    }
    facts.push(status_words(brief.timing.status).to_string());
    let style = match brief.exempt {
        Some(_) => theme.title().patch(theme.exempt()),
        None => theme.title(),
    };
    Line::from(vec![
        Span::styled(format!("{tag}{} {}", brief.number, brief.title), style),
        Span::raw(format!(" · {}", facts.join(" · "))),
    ])
}

fn status_words(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Pending => "not yet taken",
        ItemStatus::Current => "NOW BEING TAKEN",
        ItemStatus::Done => "taken",
        ItemStatus::Deferred => "deferred to a later meeting",
    }
}

/// The item's time against its allowance, and the meeting's against its plan.
fn timing(t: &Timing, theme: Theme, clock: Clock) -> Vec<Line<'static>> {
    let allowed = t.allowance.map(|a| format!("{} min", a.num_minutes()));
    let mut spans = Vec::new();
    match (t.status, t.elapsed) {
        (ItemStatus::Current | ItemStatus::Done, Some(e)) => {
            let of = allowed.map(|a| format!(" of {a}")).unwrap_or_default();
            let verb = if t.status == ItemStatus::Done {
                "Took"
            } else {
                "Time"
            };
            spans.push(Span::raw(format!("{verb}: {}{of}", clock.show(e))));
        }
        _ => {
            if let Some(a) = allowed {
                spans.push(Span::raw(format!("Allowed {a}")));
            }
        }
    }
    match (t.started, t.ended) {
        (Some(a), Some(b)) => spans.push(Span::raw(format!(
            " · taken {}-{}",
            words::time(a),
            words::time(b)
        ))),
        (Some(a), None) => spans.push(Span::raw(format!(" · started {}", words::time(a)))),
        (None, _) => {}
    }
    if let Some(over) = t.overrun {
        spans.push(Span::styled(
            format!(" · OVERRUN by {}", clock.show(over)),
            theme.bad(),
        ));
    }
    let mut lines = Vec::new();
    if !spans.is_empty() {
        lines.push(Line::from(trim_lead(spans)));
    }
    lines.extend(plan(t, theme));
    lines
}

/// Spans as one line, without the " · " a missing first part would leave in front.
fn trim_lead(mut spans: Vec<Span<'static>>) -> Vec<Span<'static>> {
    if let Some(first) = spans.first_mut()
        && let Some(rest) = first.content.strip_prefix(" · ")
    {
        first.content = rest.to_string().into();
    }
    spans
}

/// "Meeting: 12 min behind plan · forecast end 16:05 (planned 15:50)".
fn plan(t: &Timing, theme: Theme) -> Option<Line<'static>> {
    let mut spans = Vec::new();
    if let Some(d) = t.behind_plan {
        let (words, style) = plan_words(d, theme);
        spans.push(Span::styled(format!(" · {words}"), style));
    }
    if let Some(end) = t.forecast_end {
        spans.push(Span::raw(format!(" · forecast end {}", words::time(end))));
    }
    if let Some(end) = t.planned_end {
        spans.push(Span::raw(format!(" (planned {})", words::time(end))));
    }
    if spans.is_empty() {
        return None;
    }
    let mut spans = trim_lead(spans);
    spans.insert(0, Span::raw("Meeting: "));
    Some(Line::from(spans))
}

/// "12 min behind plan", "5 min ahead of plan" or "on plan".
fn plan_words(behind: Duration, theme: Theme) -> (String, Style) {
    let min = behind.num_minutes();
    match min {
        1.. => (format!("{min} min behind plan"), theme.warn()),
        0 => ("on plan".to_string(), Style::default()),
        _ => (format!("{} min ahead of plan", -min), Style::default()),
    }
}

/// "Next: 5 Placements", saying when it is Part B.
fn next(brief: &Brief, theme: Theme) -> Option<Line<'static>> {
    let n = brief.next.as_ref()?;
    Some(match n.exempt {
        true => Line::from(vec![
            Span::raw("Next: "),
            Span::styled(
                format!(
                    "{PART_B_TAG} {} {} (exempt: the press and public to be excluded first)",
                    n.number, n.title
                ),
                theme.exempt(),
            ),
        ]),
        false => Line::from(format!("Next: {} {}", n.number, n.title)),
    })
}

/// The quorum, who is out of the room, and the interests declared.
fn room(brief: &Brief, theme: Theme) -> Vec<Line<'static>> {
    let q = brief.quorum;
    let style = match q.taken && !q.is_quorate() {
        true => theme.bad(),
        false => Style::default(),
    };
    let mut lines = vec![Line::from(vec![
        Span::raw("Quorum: "),
        Span::styled(q.describe(), style),
    ])];
    if !brief.out_of_room.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "Out of the room for this item: {}",
                brief.out_of_room.join(", ")
            ),
            theme.warn(),
        )));
    }
    for d in &brief.declarations {
        lines.push(Line::from(words::declaration_line(d)));
    }
    lines
}

/// A Part B item on a public screen before the exclusion: only what the public agenda
/// says of it (number, title, ground), and that the public is to be excluded first.
fn veiled(brief: &Brief, theme: Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = brief
        .exclusion
        .iter()
        .flat_map(|ex| exclusion(ex, theme))
        .collect();
    lines.push(Line::from(Span::styled(
        format!(
            "{PART_B_TAG} {} {}: exempt business, hidden on this screen until the press and \
             public are excluded",
            brief.number, brief.title
        ),
        theme.exempt(),
    )));
    if let Some(ground) = &brief.exempt {
        lines.push(Line::from(format!("Exempt: {}", ground.reason)));
    }
    lines
}

/// "IHA timeliness: 72% against 85% · BELOW TARGET · down 4 points · trend ▂▄▆▃".
fn figure(f: &FigureBrief, theme: Theme) -> Vec<Line<'static>> {
    let style = match f.verdict {
        Verdict::Good => theme.good(),
        Verdict::Bad => theme.bad(),
        Verdict::Neither => Style::default(),
    };
    let mut spans = vec![Span::styled(format!("{}: ", f.name), theme.title())];
    match (&f.now, &f.target) {
        (Some(now), target) => {
            let against = target.as_ref().map(|t| format!(" against {t}"));
            spans.push(Span::raw(format!(
                "{now}{} · ",
                against.unwrap_or_default()
            )));
            spans.push(Span::styled(f.status.clone(), style));
        }
        // Not reported yet: said once, not again as a status.
        (None, Some(t)) => spans.push(Span::raw(format!(
            "no figure yet this meeting · target {t}"
        ))),
        (None, None) => spans.push(Span::raw("no figure yet this meeting")),
    }
    if let Some(c) = &f.change {
        spans.push(Span::raw(format!(" · {c}")));
    }
    if !f.trend.is_empty() {
        spans.push(Span::raw(format!(" · trend {}", sparkline(&f.trend))));
    }
    let mut lines = vec![Line::from(spans)];
    if let Some((date, value)) = &f.last {
        lines.push(Line::from(format!(
            "Last meeting ({}): {value}",
            words::short_date(*date)
        )));
    }
    lines.extend(f.detail.iter().map(|d| Line::from(d.clone())));
    lines
}

/// "Open actions: 3, 1 OVERDUE", then each, overdue first as the brief orders them.
fn actions(actions: &[ActionBrief], theme: Theme) -> Vec<Line<'static>> {
    if actions.is_empty() {
        return Vec::new();
    }
    let overdue = actions.iter().filter(|a| a.overdue).count();
    let mut head = vec![Span::styled(
        format!("Open actions: {}", actions.len()),
        theme.title(),
    )];
    if overdue > 0 {
        head.push(Span::styled(
            format!(", {overdue} {}", words::OVERDUE),
            theme.bad(),
        ));
    }
    let mut lines = vec![Line::from(head)];
    for a in actions {
        let mark = match (a.overdue, a.due_here) {
            (true, _) => Span::styled(format!("{} ", words::OVERDUE), theme.bad()),
            (false, true) => Span::styled("DUE HERE ", theme.warn()),
            (false, false) => Span::raw("open "),
        };
        let raised = match a.raised.is_empty() {
            true => String::new(),
            false => format!("; {}", a.raised),
        };
        lines.push(Line::from(vec![
            Span::raw("- "),
            mark,
            Span::raw(format!("{} ({}, {}{raised})", a.text, a.owner, a.due)),
        ]));
    }
    lines
}

/// "RESOLVED: That …", in full.
fn decision_line(d: &Decision) -> Line<'static> {
    Line::from(format!(
        "{} {}",
        words::decision_mark(d.kind),
        words::without_decision_mark(&d.text)
    ))
}

fn decided(brief: &Brief, theme: Theme) -> Vec<Line<'static>> {
    if brief.decided.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::from(Span::styled(
        "Decided at this meeting:",
        theme.title(),
    ))];
    lines.extend(brief.decided.iter().map(decision_line));
    lines
}

/// "Last meeting (11 Nov 2026, minute CPB/26/31):", its decisions, its minutes' first lines.
fn last_time(brief: &Brief, theme: Theme) -> Vec<Line<'static>> {
    let Some(last) = &brief.last_time else {
        return Vec::new();
    };
    let minute = last
        .minute
        .as_ref()
        .map(|m| format!(", minute {m}"))
        .unwrap_or_default();
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "Last meeting on this item ({}{minute}):",
            words::short_date(last.date)
        ),
        theme.title(),
    ))];
    lines.extend(last.decisions.iter().map(decision_line));
    lines.extend(
        last.first_lines
            .iter()
            .map(|l| Line::from(Span::styled(l.clone(), theme.dim()))),
    );
    if last.decisions.is_empty() && last.first_lines.is_empty() {
        lines.push(Line::from(Span::styled(
            "nothing was minuted or decided",
            theme.dim(),
        )));
    }
    lines
}

/// Who presents, what kind of item it is, and the principles spelled out.
fn about(brief: &Brief, theme: Theme) -> Vec<Line<'static>> {
    let mut facts = vec![brief.kind.label().to_string()];
    if !brief.presenter.is_empty() {
        facts.insert(0, format!("Presented by {}", brief.presenter));
    }
    if let Some(ex) = &brief.exempt {
        facts.push(format!("exempt: {}", ex.reason));
    }
    let mut lines = vec![Line::from(words::capitalise(&facts.join(" · ")))];
    lines.extend(brief.principles.iter().map(|p| {
        Line::from(Span::styled(
            format!("Principle {}: {}", p.number(), p.wording()),
            theme.dim(),
        ))
    }));
    lines
}

/// A brief drawn into a rectangle: wrapped to its width, scrolled `scroll` rows, and when
/// cut, its last row says how many rows are below and the key that shows them.
///
/// ```ignore
/// // PgDn: the screen's own scroll moved a page, kept in its state.
/// scroll = BriefPanel::new(&brief, theme).page(scroll, Step::Down, area);
/// // Drawing (a scroll past the end is drawn as the end).
/// frame.render_widget(BriefPanel::new(&brief, theme).scroll(scroll), area);
/// ```
#[derive(Debug, Clone)]
pub struct BriefPanel<'a> {
    brief: &'a Brief,
    theme: Theme,
    scroll: u16,
    more_key: String,
    clock: Clock,
}

impl<'a> BriefPanel<'a> {
    /// The brief at its top; the "more lines" row names the Agenda's page-down key.
    pub fn new(brief: &'a Brief, theme: Theme) -> BriefPanel<'a> {
        BriefPanel {
            brief,
            theme,
            scroll: 0,
            more_key: keymap::name(Scope::Agenda, Command::ItemView(ItemView::Page(Step::Down))),
            clock: Clock::Seconds,
        }
    }

    /// Scrolled `rows` rows down (clamped when drawn, see [`BriefPanel::max_scroll`]).
    pub fn scroll(mut self, rows: u16) -> BriefPanel<'a> {
        self.scroll = rows;
        self
    }

    /// The key the "more lines" row names, for a screen whose own key table scrolls it.
    pub fn more_key(mut self, key: impl Into<String>) -> BriefPanel<'a> {
        self.more_key = key.into();
        self
    }

    /// Times in whole minutes, for a screen drawn only as the minutes turn.
    pub fn whole_minutes(mut self) -> BriefPanel<'a> {
        self.clock = Clock::Minutes;
        self
    }

    /// The brief's rows wrapped to `width`.
    pub fn rows(&self, width: u16) -> Vec<Line<'static>> {
        wrap(lines_in(self.brief, self.theme, self.clock), width)
    }

    /// The furthest the brief scrolls in `area`: its last row then shows at the bottom.
    pub fn max_scroll(&self, area: Rect) -> u16 {
        let rows = self.rows(area.width).len();
        u16::try_from(rows.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX)
    }

    /// The scroll a screen up or down from `at` in `area` (PgUp/PgDn): the next page
    /// starts at the first row the "more lines" row hid, and none goes past the last row.
    pub fn page(&self, at: u16, step: Step, area: Rect) -> u16 {
        let page = area.height.saturating_sub(1).max(1);
        match step {
            Step::Up => at.saturating_sub(page),
            Step::Down => at.saturating_add(page).min(self.max_scroll(area)),
        }
    }
}

impl Widget for BriefPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let rows = self.rows(area.width);
        let height = usize::from(area.height);
        let from = usize::from(self.scroll.min(self.max_scroll(area)));
        let left = rows.len() - from;
        let (shown, cut) = match left > height {
            true => (height - 1, left - (height - 1)),
            false => (left, 0),
        };
        for (i, row) in rows.iter().skip(from).take(shown).enumerate() {
            buf.set_line(area.x, area.y + i as u16, row, area.width);
        }
        if cut > 0 {
            let more = format!(
                "▼ {cut} more {}: {}",
                if cut == 1 { "line" } else { "lines" },
                self.more_key
            );
            let y = area.y + area.height - 1;
            buf.set_line(
                area.x,
                y,
                &Line::from(Span::styled(more, self.theme.key())),
                area.width,
            );
        }
    }
}

/// A continued line's indent, so each line of the brief still starts at the margin.
const INDENT: &str = "  ";

/// Lines word-wrapped to `width` columns, styles kept, continued lines indented.
fn wrap(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in lines {
        let mut row = Row {
            spans: Vec::new(),
            used: 0,
            start: 0,
            width: usize::from(width.max(4)),
        };
        for span in &line.spans {
            for word in words_of(&span.content) {
                row.push(word, span.style, &mut out);
            }
        }
        out.push(row.take());
    }
    out
}

/// The row being filled: its spans, the columns used, where its text starts.
struct Row {
    spans: Vec<Span<'static>>,
    used: usize,
    start: usize,
    width: usize,
}

impl Row {
    /// The row's spans as a line, without the spaces at its end.
    fn take(&mut self) -> Line<'static> {
        let mut spans = std::mem::take(&mut self.spans);
        while let Some(last) = spans.last_mut() {
            let kept = last.content.trim_end_matches(' ').len();
            if kept > 0 {
                last.content.to_mut().truncate(kept);
                break;
            }
            spans.pop();
        }
        Line::from(spans)
    }

    fn break_line(&mut self, out: &mut Vec<Line<'static>>) {
        out.push(self.take());
        self.spans.push(Span::raw(INDENT));
        self.used = INDENT.len();
        self.start = INDENT.len();
    }

    /// A word and its trailing spaces: on a new row if it does not fit this one, cut
    /// where it fits no row.
    fn push(&mut self, word: &str, style: Style, out: &mut Vec<Line<'static>>) {
        let visible = |w: &str| w.trim_end_matches(' ').width();
        if self.used + visible(word) > self.width && self.used > self.start {
            self.break_line(out);
            if visible(word) == 0 {
                return;
            }
        }
        let mut rest = word;
        while self.used + visible(rest) > self.width {
            let (head, tail) = split_at_width(rest, self.width - self.used);
            self.spans.push(Span::styled(head.to_string(), style));
            self.break_line(out);
            rest = tail;
        }
        self.used += rest.width();
        self.spans.push(Span::styled(rest.to_string(), style));
    }
}

/// `text` cut after at most `cols` columns (after its first character at least).
fn split_at_width(text: &str, cols: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > cols && i > 0 {
            return text.split_at(i);
        }
    }
    (text, "")
}

/// The text cut after each run of spaces: a word with the spaces that follow it.
fn words_of(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            in_space = true;
        } else if in_space {
            out.push(&text[start..i]);
            start = i;
            in_space = false;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests;
