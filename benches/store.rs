//! Store budgets: save (with fsync) and load of a meeting holding 1 MB of minutes, and
//! listing an archive of 1,000 meetings (about 50 MB).

use std::sync::OnceLock;

use divan::Bencher;
use minutebook::model::{Meeting, MeetingId};
use minutebook::store::Store;

fn main() {
    divan::main();
}

fn prose(bytes: usize) -> String {
    let para = "The Designated Nurse reported on Initial Health Assessment timeliness. Members asked \
                about delays caused by late notification and consent, and the Board agreed actions. ";
    let mut s = String::with_capacity(bytes + para.len());
    let mut n = 0;
    while s.len() < bytes {
        s.push_str(para);
        n += 1;
        if n % 6 == 0 {
            s.push_str("\n\n");
        }
    }
    s
}

/// A demo meeting given `minutes` bytes of minutes, spread over its items.
fn meeting_with(id: MeetingId, minutes: usize) -> Meeting {
    let mut m = minutebook::demo::year().swap_remove(8);
    m.date = id.date();
    m.id = id;
    let share = minutes / m.agenda.len();
    for item in &mut m.agenda {
        item.minutes = prose(share);
    }
    m
}

#[divan::bench]
fn save_meeting_with_1mb_of_minutes(bencher: Bencher) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let m = meeting_with(MeetingId::parse("2026-11-11").unwrap(), 1 << 20);
    store.create(&m).unwrap();
    let (m, mut handle) = store.open_meeting(&m.id).unwrap();
    bencher.bench_local(|| store.save(&mut handle, &m).unwrap());
}

#[divan::bench]
fn load_meeting_with_1mb_of_minutes(bencher: Bencher) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let m = meeting_with(MeetingId::parse("2026-11-11").unwrap(), 1 << 20);
    store.create(&m).unwrap();
    bencher.bench_local(|| store.load(&m.id).unwrap());
}

/// 1,000 meetings of about 50 KB each, written once per bench run.
fn archive() -> &'static (tempfile::TempDir, Store) {
    static ARCHIVE: OnceLock<(tempfile::TempDir, Store)> = OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path()).unwrap();
        let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 5).unwrap();
        let template = meeting_with(MeetingId::parse("2000-01-05").unwrap(), 50 << 10);
        for i in 0..1000 {
            let mut m = template.clone();
            m.id = MeetingId::for_date(start + chrono::Duration::days(7 * i));
            m.date = m.id.date();
            store.create(&m).unwrap();
        }
        (tmp, store)
    })
}

#[divan::bench]
fn list_1000_meetings(bencher: Bencher) {
    let (_, store) = archive();
    assert_eq!(store.list().unwrap().meetings.len(), 1000);
    bencher.bench_local(|| store.list().unwrap());
}

/// The first listing after the cache is lost: every file is read once.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn list_1000_meetings_without_cache(bencher: Bencher) {
    let (_, store) = archive();
    let index = store.dir().join(".index.json");
    bencher
        .with_inputs(|| {
            let _ = std::fs::remove_file(&index);
        })
        .bench_local_values(|()| store.list().unwrap());
}
