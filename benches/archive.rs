//! Archive budgets over 1,000 meetings (about 50 MB of records): a two-word search of the
//! whole store, reading, parsing and matching every file afresh (budget: 200 ms on two
//! cores), and opening the archive (`Store::list`) with its index warm and lost.

use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use divan::Bencher;
use minutebook::model::{Meeting, MeetingId};
use minutebook::search::{Query, history, search_store};
use minutebook::store::{Store, schema};

fn main() {
    divan::main();
    // A static is never dropped: remove the 50 MB archive here, or each run leaves one.
    if let Some((tmp, _)) = ARCHIVE.get() {
        let _ = std::fs::remove_dir_all(tmp.path());
    }
}

static ARCHIVE: OnceLock<(tempfile::TempDir, Store)> = OnceLock::new();

const MEETINGS: i64 = 1000;
const MINUTES_PER_MEETING: usize = 35 << 10;
/// Two words that share an item now and then: the clerk's usual kind of query.
const QUERY: &str = "Ofsted dentist";

/// A small deterministic generator (xorshift), so every run searches the same archive.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() % words.len() as u64) as usize]
    }
}

const COMMON: &[&str] = &[
    "the",
    "board",
    "children",
    "young",
    "people",
    "care",
    "placement",
    "placements",
    "health",
    "assessment",
    "report",
    "members",
    "noted",
    "asked",
    "about",
    "council",
    "social",
    "workers",
    "leaving",
    "support",
    "services",
    "plan",
    "review",
    "team",
    "officers",
    "agreed",
    "progress",
    "figures",
    "month",
    "quarter",
    "timeliness",
    "delays",
    "consent",
    "notification",
    "partners",
    "school",
    "education",
    "virtual",
    "head",
    "designated",
    "nurse",
    "doctor",
    "independent",
    "reviewing",
    "stability",
    "housing",
    "apprenticeships",
    "pledge",
    "voice",
    "council's",
    "participation",
    "advocacy",
    "fostering",
    "residential",
    "homes",
    "carers",
    "recruitment",
    "sufficiency",
    "budget",
    "pressure",
    "commissioning",
    "local",
    "offer",
    "personal",
    "advisers",
    "mental",
    "wellbeing",
    "CAMHS",
    "referrals",
    "waiting",
    "times",
    "IHA",
    "RHA",
    "ICB",
    "performance",
    "target",
    "within",
    "working",
    "days",
    "and",
    "of",
    "to",
    "in",
    "for",
    "with",
    "on",
    "that",
    "was",
    "were",
    "had",
    "has",
    "their",
    "from",
    "by",
    "an",
    "a",
    "is",
];
const RARE: &[&str] = &[
    "Ofsted",
    "inspection",
    "dentist",
    "dental",
    "unregulated",
    "missing",
    "exploitation",
    "Zoë",
    "café",
    "naïve",
    "Łódź",
    "asylum-seeking",
    "UASC",
    "magistrates",
    "remand",
    "bereavement",
];

/// About `bytes` of minutes-like prose: sentences of common words with rarer ones mixed in,
/// paragraph breaks, and the curly apostrophes a word processor leaves.
fn prose(rng: &mut Rng, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 200);
    let mut sentences = 0u32;
    while s.len() < bytes {
        let words = 8 + rng.next() % 18;
        for w in 0..words {
            let word = if rng.next().is_multiple_of(40) {
                rng.pick(RARE)
            } else {
                rng.pick(COMMON)
            };
            if w == 0 {
                let mut c = word.chars();
                if let Some(first) = c.next() {
                    s.extend(first.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push(' ');
                s.push_str(word);
            }
            if rng.next().is_multiple_of(97) {
                s.push_str("’s");
            }
        }
        s.push('.');
        sentences += 1;
        s.push_str(if sentences.is_multiple_of(5) {
            "\n\n"
        } else {
            " "
        });
    }
    s
}

/// Meeting `i` of the archive: a demo meeting, moved to its week, with long minutes.
fn meeting(year: &[Meeting], i: i64, rng: &mut Rng) -> Meeting {
    // The nine held meetings of the demo year (the tenth is only planned).
    let mut m = year[(i % 9) as usize].clone();
    let start = NaiveDate::from_ymd_opt(2000, 1, 5).expect("valid");
    m.id = MeetingId::for_date(start + Duration::days(7 * i));
    m.date = m.id.date();
    let share = MINUTES_PER_MEETING / m.agenda.len();
    for item in &mut m.agenda {
        let generated = prose(rng, share);
        item.minutes = format!("{}\n\n{generated}", item.minutes);
    }
    m
}

/// The archive, written once per bench run (plain writes: no fsync needed for a bench).
fn archive() -> &'static (tempfile::TempDir, Store) {
    ARCHIVE.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path()).unwrap();
        let year = minutebook::demo::year();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut total = 0;
        for i in 0..MEETINGS {
            let m = meeting(&year, i, &mut rng);
            let bytes = schema::encode(&m);
            total += bytes.len();
            std::fs::write(store.path_of(&m.id), bytes).unwrap();
        }
        let mb = total as f64 / 1e6;
        eprintln!(
            "archive: {MEETINGS} meetings, {mb:.1} MB in {}",
            tmp.path().display()
        );
        assert!(
            (45.0..=60.0).contains(&mb),
            "the archive should be about 50 MB, not {mb:.1}"
        );
        let results = search_store(&store, &Query::parse(QUERY), None).unwrap();
        assert!(results.problems.is_empty());
        assert_eq!(results.meetings, MEETINGS as usize);
        eprintln!("search {QUERY:?}: {} hits", results.total);
        assert!(results.total > 0);
        (tmp, store)
    })
}

/// The full path a search takes: list the files, read, parse and match every one.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn search_two_words_over_1000_meetings(bencher: Bencher) {
    let (_, store) = archive();
    let query = Query::parse(QUERY);
    bencher.bench_local(|| search_store(store, &query, Some(100)).unwrap());
}

/// As above, with the files dropped from the page cache first: read from the disk itself.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn search_two_words_over_1000_meetings_page_cache_dropped(bencher: Bencher) {
    let (_, store) = archive();
    let query = Query::parse(QUERY);
    bencher
        .with_inputs(|| evict(store))
        .bench_local_values(|()| search_store(store, &query, Some(100)).unwrap());
}

/// Every action at its latest state: the same reading, less matching.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn action_history_over_1000_meetings(bencher: Bencher) {
    let (_, store) = archive();
    bencher.bench_local(|| history::from_store(store).unwrap());
}

/// Asks the kernel to drop the archive's files from the page cache (clean pages go at once).
fn evict(store: &Store) {
    use std::os::fd::AsRawFd;
    for entry in std::fs::read_dir(store.dir()).unwrap() {
        let path = entry.unwrap().path();
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        // SAFETY: a valid open descriptor; advice changes no memory of ours.
        unsafe {
            libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
        }
    }
}
