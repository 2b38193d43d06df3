//! Archive search: find every agenda item, action and erratum in the archive that holds all
//! the words of a query, ignoring case and accents, newest meeting first, each with a
//! highlighted snippet. Exempt (Part B) business is searched too, and flagged: search is the
//! clerk's own tool, and what is shown from it is for the caller to decide.
//!
//! A word matches at the start of a word of the text ("place" finds "placements", not
//! "workplace"); a quoted phrase matches its words in order with any spacing between them.
//! The unit that must hold every word is one agenda item (its title, minutes and decisions
//! together), one action (its text, owner and updates) or one erratum. An action is found
//! once, in its latest state, and reported at the meeting and item that raised it.

pub mod fold;
pub mod history;
pub mod snippet;

mod archive;

use std::cmp::Reverse;
use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use memchr::memmem;
use serde::{Deserialize, Serialize};

use crate::model::action::latest_copies;
use crate::model::origins::{self, is_part_b};
use crate::model::{
    ActionId, ActionItem, Board, BoardId, ItemId, Meeting, MeetingBoard, MeetingId, RaisedIn,
};
use crate::store::{Result, Store, StoreError};
use archive::View;
use fold::{Folded, fold, fold_into};
pub use snippet::Snippet;

/// What the user typed, folded and split into terms that must all match.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    terms: Vec<Term>,
}

/// One word, or one quoted phrase (its words in order, any whitespace between).
#[derive(Debug, Clone)]
struct Term {
    words: Vec<String>,
    first: memmem::Finder<'static>,
    /// The term starts with a letter or digit, so it must start a word of the text.
    word_start: bool,
    /// A minute reference ("cpb/26/45"): it must not run on into more digits, so that
    /// it does not find CPB/26/450.
    reference: bool,
}

impl Query {
    /// Whitespace separates words; `"…"` (straight or curly quotes) groups a phrase.
    pub fn parse(text: &str) -> Query {
        let folded = fold(text);
        let mut terms: Vec<Term> = Vec::new();
        let mut rest = folded.trim_start();
        while !rest.is_empty() {
            let (raw, after) = match rest.strip_prefix('"') {
                Some(r) => match r.find('"') {
                    Some(end) => (&r[..end], &r[end + 1..]),
                    None => (r, ""),
                },
                None => {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    (&rest[..end], &rest[end..])
                }
            };
            rest = after.trim_start();
            let words: Vec<String> = raw.split_whitespace().map(str::to_string).collect();
            let Some(head) = words.first() else { continue };
            if terms.iter().any(|t| t.words == words) {
                continue;
            }
            terms.push(Term {
                first: memmem::Finder::new(head.as_bytes()).into_owned(),
                word_start: head.chars().next().is_some_and(char::is_alphanumeric),
                reference: words.len() == 1 && is_reference(head),
                words,
            });
        }
        Query {
            text: text.to_string(),
            terms,
        }
    }

    /// What was typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A query with no words matches nothing.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded terms, phrases with single spaces: what is looked for.
    pub fn terms(&self) -> Vec<String> {
        self.terms.iter().map(|t| t.words.join(" ")).collect()
    }

    /// Every match of any term in `text` (not folded): byte ranges into it, in order, on
    /// whole characters. For highlighting a whole text, e.g. an item's minutes once a hit
    /// has been opened.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        let folded = Folded::new(text);
        let mut out = term_ranges(self, &folded, text, usize::MAX).0;
        out.sort_by_key(|r| (r.start, r.end));
        out
    }

    /// Whether `minute` (a reference) is one the query asks for by itself.
    fn names_minute(&self, minute: &str) -> bool {
        let minute = fold(minute);
        self.terms
            .iter()
            .any(|t| t.reference && t.words[0] == minute)
    }

    /// Whether folded `text` holds every term.
    fn matches_folded(&self, text: &str) -> bool {
        !self.terms.is_empty()
            && self
                .terms
                .iter()
                .all(|t| t.find(text.as_bytes(), 0).is_some())
    }
}

impl Term {
    /// The first match at or after `from` in folded `hay`.
    fn find(&self, hay: &[u8], from: usize) -> Option<Range<usize>> {
        let mut at = from;
        while at < hay.len() {
            let p = at + self.first.find(&hay[at..])?;
            at = p + 1;
            if self.word_start && !starts_word(hay, p) {
                continue;
            }
            let end = self.rest_from(hay, p + self.words[0].len());
            let runs_on =
                |end: usize| self.reference && hay.get(end).is_some_and(u8::is_ascii_digit);
            if let Some(end) = end.filter(|e| !runs_on(*e)) {
                return Some(p..end);
            }
        }
        None
    }

    /// Where the phrase ends if its later words follow `pos`, each after some whitespace.
    fn rest_from(&self, hay: &[u8], mut pos: usize) -> Option<usize> {
        for w in &self.words[1..] {
            let gap = hay[pos..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            if gap == 0 || !hay[pos + gap..].starts_with(w.as_bytes()) {
                return None;
            }
            pos += gap + w.len();
        }
        Some(pos)
    }
}

/// "cpb/26/45": a code, a year and a number, as a minute reference is written.
fn is_reference(word: &str) -> bool {
    let parts: Vec<&str> = word.split('/').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    matches!(parts.as_slice(), [code, year, n] if !code.is_empty() && digits(year) && digits(n))
}

/// Whether position `p` of folded text starts a word (no letter or digit just before it).
fn starts_word(hay: &[u8], p: usize) -> bool {
    let Some(&b) = p.checked_sub(1).and_then(|i| hay.get(i)) else {
        return true;
    };
    if b.is_ascii() {
        return !b.is_ascii_alphanumeric();
    }
    let mut s = p - 1;
    while s > 0 && hay[s] & 0xC0 == 0x80 {
        s -= 1;
    }
    std::str::from_utf8(&hay[s..p])
        .ok()
        .and_then(|t| t.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Which text of the unit the snippet was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    ItemTitle,
    /// The minute's own reference ("CPB/26/45").
    Minute,
    Minutes,
    Decision,
    /// The action's own text.
    Action,
    ActionOwner,
    ActionUpdate,
    Erratum,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::ItemTitle => "item title",
            Field::Minute => "minute reference",
            Field::Minutes => "minutes",
            Field::Decision => "decision",
            Field::Action => "action",
            Field::ActionOwner => "action owner",
            Field::ActionUpdate => "action update",
            Field::Erratum => "erratum",
        }
    }
}

/// An agenda item as a hit names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    pub id: ItemId,
    /// As shown to people ("2.1"); empty when the meeting is not in the archive.
    pub number: String,
    pub title: String,
    /// The minute's reference ("CPB/26/45"), once its draft was numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute: Option<String>,
}

/// One unit (item, action or erratum) holding every word of the query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The meeting the item or erratum belongs to, or that raised the action.
    pub meeting: MeetingId,
    /// That meeting's board record (resolved for an old record where the store knows it).
    #[serde(default)]
    pub board_id: Option<BoardId>,
    /// That meeting's board, by name.
    #[serde(default)]
    pub board: String,
    pub date: NaiveDate,
    /// Empty when an action's raising meeting is not in the archive.
    pub meeting_title: String,
    /// The item matched, the item an erratum corrects, or the item an action was raised under.
    pub item: Option<ItemRef>,
    /// Set for action hits.
    pub action: Option<ActionId>,
    pub field: Field,
    /// Exempt (Part B) business: the item, or the item an action or erratum belongs to.
    pub exempt: bool,
    pub snippet: Snippet,
}

#[derive(Debug, Default)]
pub struct SearchResults {
    /// Newest meeting first, then agenda order; at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many hits there were before the limit.
    pub total: usize,
    /// How many meetings were searched.
    pub meetings: usize,
    /// Files that could not be read; every other file was searched.
    pub problems: Vec<StoreError>,
}

/// Searches every meeting file in the store, reading them afresh (on all cores).
pub fn search_store(store: &Store, query: &Query, limit: Option<usize>) -> Result<SearchResults> {
    search_board(store, query, limit, None)
}

/// As [`search_store`], only in the meetings of `board` when one is given; every hit
/// names its board as the store resolves it ([`Store::boards`]).
pub fn search_board(
    store: &Store,
    query: &Query,
    limit: Option<usize>,
    board: Option<&BoardId>,
) -> Result<SearchResults> {
    if query.is_empty() {
        return Ok(SearchResults::default());
    }
    let mut problems = Vec::new();
    let boards = store.boards().unwrap_or_else(|e| {
        problems.push(e);
        Vec::new()
    });
    let scan = archive::scan(store, |view, scratch: &mut Scratch| {
        let mut scanned = scan_meeting(view, query, scratch);
        scanned.board = resolved(&boards, view.board);
        scanned
    })?;
    let meetings = scan.results.len();
    let mut results = merge(scan.results, limit, |h| {
        crate::store::boards::of_board(board, h.board_id.as_ref())
    });
    results.meetings = meetings;
    problems.extend(scan.problems);
    results.problems = problems;
    Ok(results)
}

/// The board a meeting's record names, its id resolved by the board records.
fn resolved(boards: &[Board], recorded: &MeetingBoard) -> (Option<BoardId>, String) {
    (
        crate::store::boards::board_id_of(boards, recorded),
        recorded.name.clone(),
    )
}

/// Searches meetings already in memory (e.g. the one open in the workspace), each hit
/// naming its board as `boards` resolve it.
pub fn search_meetings(
    meetings: &[Meeting],
    boards: &[Board],
    query: &Query,
    limit: Option<usize>,
) -> SearchResults {
    if query.is_empty() {
        return SearchResults::default();
    }
    let mut scratch = Scratch::default();
    let scans = meetings
        .iter()
        .map(|m| {
            let view = View::of_meeting(m);
            let mut scanned = scan_meeting(&view, query, &mut scratch);
            scanned.board = resolved(boards, view.board);
            scanned
        })
        .collect();
    let mut results = merge(scans, limit, |_| true);
    results.meetings = meetings.len();
    results
}

/// Reused buffers: folding every unit allocates nothing once they have grown.
#[derive(Default)]
struct Scratch {
    unit: String,
    field: Folded,
}

/// Where a hit sorts within its meeting: agenda order, an item's errata and actions after it.
type Slot = (u32, u8, u32);

struct Ranked {
    /// The minute the query names by its reference: before every other hit.
    named: bool,
    date: NaiveDate,
    meeting: MeetingId,
    slot: Slot,
    hit: Hit,
}

/// One meeting's copy of an action, and whether it matched.
struct ActionCopy {
    id: ActionId,
    held_at: (NaiveDate, MeetingId),
    /// The holding meeting's board (filled in by [`merge`]).
    board: (Option<BoardId>, String),
    raised: RaisedIn,
    matched: Option<(Field, Snippet)>,
}

/// What the raising meeting knows of an action it raised.
struct Raising {
    /// The raising meeting's board (filled in by [`merge`]).
    board: (Option<BoardId>, String),
    date: NaiveDate,
    meeting_title: String,
    item: Option<ItemRef>,
    slot: Slot,
}

struct MeetingScan {
    /// The meeting's board: its id (resolved where known) and name.
    board: (Option<BoardId>, String),
    hits: Vec<Ranked>,
    actions: Vec<ActionCopy>,
    raised: Vec<(ActionId, Raising)>,
    /// What decides Part B for the actions this meeting raised, if it raised any.
    origin: Option<(MeetingId, origins::Raising)>,
}

fn scan_meeting(view: &View, query: &Query, scratch: &mut Scratch) -> MeetingScan {
    let mut out = MeetingScan {
        board: (view.board.id.clone(), view.board.name.clone()),
        hits: Vec::new(),
        actions: Vec::with_capacity(view.actions.len()),
        raised: Vec::new(),
        origin: None,
    };
    let n = view.items.len() as u32;
    let hit = |item: Option<ItemRef>, exempt, field, snippet| Hit {
        meeting: view.id.clone(),
        board_id: None,
        board: String::new(),
        date: view.date,
        meeting_title: view.title.to_string(),
        item,
        action: None,
        field,
        exempt,
        snippet,
    };
    let item_ref = |i: &archive::ItemView| ItemRef {
        id: i.id,
        number: i.number.clone(),
        title: i.title.to_string(),
        minute: i.minute.map(str::to_string),
    };

    for (index, item) in view.items.iter().enumerate() {
        let mut fields = Vec::with_capacity(2 + item.decisions.len());
        fields.push((Field::ItemTitle, item.title));
        fields.push((Field::Minutes, item.minutes));
        fields.extend(item.decisions.iter().map(|d| (Field::Decision, *d)));
        fields.extend(item.minute.map(|r| (Field::Minute, r)));
        if let Some((field, snippet)) = match_unit(query, &fields, scratch) {
            out.hits.push(Ranked {
                named: item.minute.is_some_and(|r| query.names_minute(r)),
                date: view.date,
                meeting: view.id.clone(),
                slot: (index as u32, 0, 0),
                hit: hit(Some(item_ref(item)), item.exempt, field, snippet),
            });
        }
    }

    for (seq, erratum) in view.errata.iter().enumerate() {
        let Some((field, snippet)) =
            match_unit(query, &[(Field::Erratum, erratum.text.as_str())], scratch)
        else {
            continue;
        };
        let item = erratum.item.and_then(|id| view.item(id));
        out.hits.push(Ranked {
            named: false,
            date: view.date,
            meeting: view.id.clone(),
            slot: (item.map_or(n, |(i, _)| i as u32), 1, seq as u32),
            hit: hit(
                item.map(|(_, i)| item_ref(i)),
                item.is_some_and(|(_, i)| i.exempt),
                field,
                snippet,
            ),
        });
    }

    for action in view.actions {
        let matched = match_unit(query, &action_fields(action), scratch);
        if action.raised.meeting == *view.id {
            let item = action.raised.item.and_then(|id| view.item(id));
            out.raised.push((
                action.id.clone(),
                Raising {
                    board: (None, String::new()),
                    date: view.date,
                    meeting_title: view.title.to_string(),
                    item: item.map(|(_, i)| item_ref(i)),
                    slot: (item.map_or(n, |(i, _)| i as u32), 2, action_seq(&action.id)),
                },
            ));
        }
        out.actions.push(ActionCopy {
            id: action.id.clone(),
            held_at: (view.date, view.id.clone()),
            board: (None, String::new()),
            raised: action.raised.clone(),
            matched,
        });
    }
    if !out.raised.is_empty() {
        out.origin = Some((view.id.clone(), view.raising()));
    }
    out
}

fn action_fields(a: &ActionItem) -> Vec<(Field, &str)> {
    let mut fields = Vec::with_capacity(2 + a.history.len());
    fields.push((Field::Action, a.text.as_str()));
    fields.push((Field::ActionOwner, a.owner.as_str()));
    fields.extend(
        a.history
            .iter()
            .map(|u| (Field::ActionUpdate, u.note.as_str())),
    );
    fields
}

/// The sequence number of an action id (`2026-03-11#2` → 2), for agenda-order ties.
fn action_seq(id: &ActionId) -> u32 {
    id.0.rsplit_once('#')
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(0)
}

/// If the unit's texts together hold every term: the field to show and its snippet.
/// The check folds into a reused buffer; only a hit is folded again with its offsets.
fn match_unit(
    query: &Query,
    fields: &[(Field, &str)],
    scratch: &mut Scratch,
) -> Option<(Field, Snippet)> {
    let unit = &mut scratch.unit;
    unit.clear();
    for (_, text) in fields {
        fold_into(text, unit);
        // A separator no term holds, so no phrase runs from one text into the next.
        unit.push('\0');
    }
    if !query.matches_folded(unit) {
        return None;
    }
    // The snippet comes from the text holding the most terms; on a tie the first, but a
    // title or a reference only when no other text holds as many.
    let mut best_score = (0, false);
    let mut best: Option<(Field, &str, Vec<Range<usize>>)> = None;
    for &(field, text) in fields {
        scratch.field.refold(text);
        let (ranges, found) = term_ranges(query, &scratch.field, text, 256);
        // The title and the reference are shown beside the snippet anyway.
        let score = (found, !matches!(field, Field::ItemTitle | Field::Minute));
        if found > 0 && score > best_score {
            best_score = score;
            best = Some((field, text, ranges));
        }
    }
    let (field, text, ranges) = best?;
    Some((field, Snippet::around(text, &ranges)))
}

/// The matches of every term in `original` (folded as `folded`), at most `cap` of each,
/// as byte ranges into the original; and how many terms matched at all.
fn term_ranges(
    query: &Query,
    folded: &Folded,
    original: &str,
    cap: usize,
) -> (Vec<Range<usize>>, usize) {
    let hay = folded.text().as_bytes();
    let mut ranges = Vec::new();
    let mut found = 0;
    for term in &query.terms {
        let mut from = 0;
        let mut n = 0;
        while let Some(r) = term.find(hay, from) {
            from = r.start + 1;
            ranges.push(folded.original_range(original, r));
            n += 1;
            if n >= cap {
                break;
            }
        }
        found += usize::from(n > 0);
    }
    (ranges, found)
}

/// Every hit `keep` keeps, newest first, each naming its meeting's board.
fn merge(
    scans: Vec<MeetingScan>,
    limit: Option<usize>,
    keep: impl Fn(&Hit) -> bool,
) -> SearchResults {
    let mut ranked = Vec::new();
    let mut copies = Vec::new();
    let mut raising: HashMap<ActionId, Raising> = HashMap::new();
    let mut origins: HashMap<MeetingId, origins::Raising> = HashMap::new();
    for scan in scans {
        let board = scan.board;
        ranked.extend(scan.hits.into_iter().map(|mut r| {
            (r.hit.board_id, r.hit.board) = board.clone();
            r
        }));
        raising.extend(scan.raised.into_iter().map(|(id, mut r)| {
            r.board = board.clone();
            (id, r)
        }));
        origins.extend(scan.origin);
        copies.extend(scan.actions.into_iter().map(|mut c| {
            c.board = board.clone();
            (c.held_at.clone(), c)
        }));
    }
    for latest in latest_copies(copies, |c| &c.id) {
        let copy = latest.copy;
        let Some((field, snippet)) = copy.matched else {
            continue;
        };
        let (id, raised) = (copy.id, &copy.raised);
        let exempt = is_part_b(&id, raised, origins.get(&raised.meeting));
        let hit = match raising.remove(&id) {
            Some(r) => Ranked {
                named: false,
                date: r.date,
                meeting: raised.meeting.clone(),
                slot: r.slot,
                hit: Hit {
                    meeting: raised.meeting.clone(),
                    board_id: r.board.0,
                    board: r.board.1,
                    date: r.date,
                    meeting_title: r.meeting_title,
                    item: r.item,
                    action: Some(id),
                    field,
                    exempt,
                    snippet,
                },
            },
            // The raising meeting is gone from the archive: name what the action remembers.
            None => Ranked {
                named: false,
                date: raised.meeting.date(),
                meeting: raised.meeting.clone(),
                slot: (u32::MAX, 2, action_seq(&id)),
                hit: Hit {
                    meeting: raised.meeting.clone(),
                    board_id: copy.board.0,
                    board: copy.board.1,
                    date: raised.meeting.date(),
                    meeting_title: String::new(),
                    item: raised.item.map(|item| ItemRef {
                        id: item,
                        number: String::new(),
                        title: raised.item_title.clone(),
                        minute: None,
                    }),
                    action: Some(id),
                    field,
                    exempt,
                    snippet,
                },
            },
        };
        ranked.push(hit);
    }
    ranked.sort_by(|a, b| {
        (
            Reverse(a.named),
            Reverse(a.date),
            Reverse(&a.meeting),
            a.slot,
        )
            .cmp(&(
                Reverse(b.named),
                Reverse(b.date),
                Reverse(&b.meeting),
                b.slot,
            ))
    });
    ranked.retain(|r| keep(&r.hit));
    let total = ranked.len();
    ranked.truncate(limit.unwrap_or(usize::MAX));
    SearchResults {
        hits: ranked.into_iter().map(|r| r.hit).collect(),
        total,
        meetings: 0,
        problems: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<String> {
        Query::parse(q).terms()
    }

    #[test]
    fn queries_fold_split_and_group_phrases() {
        assert_eq!(terms("  Ofsted   CAFÉ "), ["ofsted", "cafe"]);
        assert_eq!(
            terms("\"care  leavers\" IHA “Local Offer”"),
            ["care leavers", "iha", "local offer"]
        );
        assert_eq!(terms("\"unclosed phrase"), ["unclosed phrase"]);
        assert_eq!(terms("iha IHA Iha"), ["iha"]);
        assert!(Query::parse("  \"\" ").is_empty());
    }

    fn finds(q: &str, text: &str) -> bool {
        Query::parse(q).matches_folded(&fold(text))
    }

    #[test]
    fn words_match_at_word_starts_ignoring_case_and_accents() {
        assert!(finds("ofsted", "notified to OFSTED."));
        assert!(finds("cafe", "the Café on the corner"));
        assert!(finds("CAFÉ", "a cafe"));
        assert!(finds("place", "Placements reviewed"));
        assert!(!finds("place", "the workplace"));
        assert!(finds("lodz", "visit to Łódź"));
        assert!(finds("#2", "action 2026-03-11#2"));
        assert!(finds("zoe", "ask Zoë"));
        assert!(!finds("zoe", "ask Chloë"));
    }

    #[test]
    fn every_term_must_match() {
        assert!(finds("iha delays", "IHA timeliness: delays fell"));
        assert!(!finds("iha ofsted", "IHA timeliness: delays fell"));
    }

    #[test]
    fn phrases_match_words_in_order_across_any_spacing() {
        assert!(finds("\"care leavers\"", "for care\n  leavers up to 25"));
        assert!(!finds("\"care leavers\"", "leavers of care"));
        assert!(!finds("\"care leavers\"", "careleavers"));
        assert!(finds("\"care leav\"", "care leavers"));
    }

    #[test]
    fn word_starts_are_found_after_non_ascii_letters_and_marks() {
        // "é" before "t" means "t" is inside a word.
        assert!(!finds("te", "cafété"));
        assert!(finds("te", "café te"));
        assert!(finds("te", "«te»"));
    }

    #[test]
    fn find_in_gives_every_match_in_the_original_text() {
        let text = "Łódź: IHA delays. The iha rate; \"Care\nleavers\" and care leavers.";
        let q = Query::parse("lodz iha \"care leavers\"");
        let found: Vec<&str> = q.find_in(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            ["Łódź", "IHA", "iha", "Care\nleavers", "care leavers"]
        );
    }

    #[test]
    fn the_snippet_comes_from_the_field_holding_most_terms() {
        let q = Query::parse("iha delays");
        let mut scratch = Scratch::default();
        let fields = [
            (Field::ItemTitle, "IHA timeliness"),
            (
                Field::Minutes,
                "The nurse said IHA delays were mostly down to late notification.",
            ),
        ];
        let (field, snippet) = match_unit(&q, &fields, &mut scratch).unwrap();
        assert_eq!(field, Field::Minutes);
        assert_eq!(
            snippet.marked("[", "]"),
            "The nurse said [IHA] [delays] were mostly down to late notification."
        );
        assert!(match_unit(&Query::parse("iha ofsted"), &fields, &mut scratch).is_none());
    }
}
