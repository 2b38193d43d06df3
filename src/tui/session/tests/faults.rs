//! Every recovery choice and every changed-on-disk choice against a disk whose Nth file
//! operation fails (EIO, ENOSPC, EROFS), for every N, once or from then on. After each:
//! every meeting file is its old or its new version; what the clerk is told is what is on
//! disk; the typed text is in a meeting, a copy or a journal; and with the disk back, a
//! retry (or the next start) completes and records nothing twice.

use std::collections::BTreeMap;

use super::*;

const ERRNOS: [(i32, &str); 3] = [
    (libc::EIO, "EIO"),
    (libc::ENOSPC, "ENOSPC"),
    (libc::EROFS, "EROFS"),
];

/// Typed and unsaved when the fault comes; found nowhere else, so it can be counted.
const MARK: &str = "Quokkas minuted unanimously.";
const THEIR_VENUE: &str = "Committee Room 9";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Case {
    /// A crash left a journal that fits the file: recover it into the meeting.
    Recover,
    /// The same journal, kept as a separate copy.
    KeepCopy,
    Discard,
    /// The journal's minutes were changed in the file since: recover makes a copy.
    RecoverChanged,
    /// The file changed on disk while typing: keep both.
    KeepBoth,
    Reload,
    SwitchToCopy,
}

impl Case {
    fn key(self) -> char {
        match self {
            Case::Recover | Case::RecoverChanged | Case::Reload => 'r',
            Case::KeepCopy | Case::KeepBoth => 'k',
            Case::Discard => 'd',
            Case::SwitchToCopy => 'c',
        }
    }

    fn conflict(self) -> bool {
        matches!(self, Case::KeepBoth | Case::Reload | Case::SwitchToCopy)
    }

    /// The copy meeting this choice makes, if any.
    fn copy(self) -> Option<&'static str> {
        match self {
            Case::KeepCopy | Case::RecoverChanged => Some("2026-12-09-recovered"),
            Case::KeepBoth | Case::SwitchToCopy => Some("2026-12-09-copy"),
            _ => None,
        }
    }

    /// Whether the text ends up in the meeting itself.
    fn into_meeting(self) -> bool {
        matches!(self, Case::Recover | Case::Reload)
    }
}

/// The December meeting alone: small, so a few hundred runs stay quick.
fn december() -> Meeting {
    let m = crate::demo::year().pop().unwrap();
    assert_eq!(m.id, december_id());
    m
}

/// The files each run starts from, made once: for a recovery, the meeting and the
/// journal a crash left (with the minutes changed in the file since, for
/// `RecoverChanged`); for a conflict, the meeting alone.
fn template(case: Case) -> tempfile::TempDir {
    let (tmp, store) = store_with(vec![december()]);
    let id = december_id();
    if !case.conflict() {
        let (mut session, mut app, _, _) = open(&store, &id);
        type_minutes(&mut session, &mut app, MARK);
        drop((session, app)); // the crash
        if case == Case::RecoverChanged {
            change_on_disk(&store, &id, |m| {
                m.agenda[0].minutes = "Other laptop.".into()
            });
        }
    }
    tmp
}

/// The situation made afresh from the template (copied, as a backup would: the journal
/// still fits by content): a session waiting for the clerk's answer.
fn situation(case: Case, template: &Path) -> (tempfile::TempDir, Store, Session, Workspace) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("data")).unwrap();
    for name in files(&template.join("data"), "2026-12-09.") {
        if !name.ends_with(".lock") {
            fs::copy(template.join("data").join(&name), store.dir().join(&name)).unwrap();
        }
    }
    let id = december_id();
    let (mut session, mut app, offer, _) = open(&store, &id);
    if case.conflict() {
        assert!(offer.is_none());
        type_minutes(&mut session, &mut app, MARK);
        app.sync_editor();
        app.changed(false);
        change_on_disk(&store, &id, |m| m.venue = THEIR_VENUE.into());
        session.save(&mut app);
        assert!(matches!(app.overlay, Some(Overlay::Conflict { .. })));
    } else {
        assert!(offer.is_some(), "the journal is offered");
    }
    (tmp, store, session, app)
}

/// The meeting files a listing shows, by name, with their bytes.
fn meeting_files(store: &Store) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && n.ends_with(".json"))
        .map(|n| {
            let bytes = fs::read(store.dir().join(&n)).unwrap();
            (n, bytes)
        })
        .collect()
}

/// How many times the mark is in each file of the data directory (journals included).
fn marks(store: &Store) -> BTreeMap<String, usize> {
    fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .filter_map(|e| {
            let text = String::from_utf8_lossy(&fs::read(e.path()).unwrap()).into_owned();
            let n = text.matches(MARK).count();
            (n > 0).then(|| (e.file_name().to_string_lossy().into_owned(), n))
        })
        .collect()
}

fn mine_in(store: &Store, name: &str) -> usize {
    fs::read(store.dir().join(name))
        .map(|b| String::from_utf8_lossy(&b).matches(MARK).count())
        .unwrap_or(0)
}

fn asked_again(case: Case, app: &App) -> bool {
    match &app.overlay {
        Some(Overlay::Recovery { .. }) => !case.conflict(),
        Some(Overlay::Conflict { .. }) => case.conflict(),
        _ => false,
    }
}

/// A choice made: the run's files, before and after.
struct Chosen {
    _tmp: tempfile::TempDir,
    store: Store,
    session: Session,
    app: Workspace,
    plan: Arc<FaultPlan>,
    /// The meeting files as they were before the choice.
    old: BTreeMap<String, Vec<u8>>,
}

/// The clerk answers in a fresh situation, the disk failing as `plan` says.
fn choose(case: Case, template: &Path, plan: FaultPlan) -> Chosen {
    let (tmp, store, mut session, mut app) = situation(case, template);
    let old = meeting_files(&store);
    let plan = Arc::new(plan);
    session.store = Store::open(store.dir()).unwrap().with_faults(plan.clone());
    answer(&mut session, &mut app, case.key());
    Chosen {
        _tmp: tmp,
        store,
        session,
        app,
        plan,
        old,
    }
}

/// What the choice writes when nothing fails: the new version of each meeting file.
fn new_versions(case: Case, template: &Path) -> (BTreeMap<String, Vec<u8>>, u64) {
    let c = choose(case, template, FaultPlan::count_only());
    assert!(!asked_again(case, &c.app), "{case:?}: {:?}", c.app.flash);
    (meeting_files(&c.store), c.plan.ops())
}

/// After a choice under faults: files whole, the report true, the typed text somewhere.
fn check_after_fault(
    run: &str,
    case: Case,
    old: &BTreeMap<String, Vec<u8>>,
    new: &BTreeMap<String, Vec<u8>>,
    store: &Store,
    app: &App,
) {
    let id = december_id();
    let main = format!("{id}.json");
    let now = meeting_files(store);
    for (name, bytes) in &now {
        assert!(
            old.get(name) == Some(bytes) || new.get(name) == Some(bytes),
            "{run}: {name} is neither its old nor its new version"
        );
    }
    for name in fs::read_dir(store.dir()).unwrap() {
        let name = name.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name.starts_with('.') || !name.contains(".tmp"),
            "{run}: a temp file {name} is visible"
        );
    }
    let found = marks(store);
    assert!(!found.is_empty(), "{run}: the typed text is lost");

    let flash = app.flash.clone().unwrap_or_default();
    let again = asked_again(case, app);
    // A copy on disk is named to the clerk, and one named is on disk with the text.
    if let Some(copy) = case.copy() {
        let name = format!("{copy}.json");
        let made = now.contains_key(&name);
        assert_eq!(
            made,
            flash.contains(&format!("meeting {copy}")),
            "{run}: copy on disk {made}, but the clerk was told {flash:?}"
        );
        if made {
            assert_eq!(mine_in(store, &name), 1, "{run}: the copy holds the text");
        }
    }
    // The meeting changed on disk exactly when the clerk is told its text is saved there.
    let changed = now.get(&main) != old.get(&main);
    if case.into_meeting() {
        let said_saved = match case {
            Case::Recover => flash.starts_with("Recovered"),
            _ => flash.starts_with("Reloaded") && !flash.contains("NOT SAVED"),
        };
        assert_eq!(
            changed, said_saved,
            "{run}: meeting changed {changed}, but the clerk was told {flash:?}"
        );
    } else {
        assert!(!changed, "{run}: the meeting was changed by {case:?}");
    }
    // Where the journal is, the clerk is told truly.
    let journal = store.journal_path(&id);
    if let Some(at) = flash.split("The journal is kept as ").nth(1) {
        let at = at.trim_end_matches('.');
        assert!(Path::new(at).exists(), "{run}: no journal at {at}");
        assert!(!journal.exists(), "{run}: the journal is still in place");
    }
    let asked = match &app.overlay {
        Some(Overlay::Recovery { lines } | Overlay::Conflict { lines }) => lines.join(" "),
        _ => String::new(),
    };
    for told in [&flash, &asked] {
        if told.contains("stays at") || told.contains("untouched at") {
            assert!(journal.exists(), "{run}: said to stay, but gone: {told}");
        }
    }
    // Asked again exactly when the choice is not done.
    let done = match case {
        Case::Recover => changed,
        Case::KeepCopy | Case::RecoverChanged => now.len() > old.len(),
        Case::Discard => !journal.exists(),
        Case::KeepBoth => now.len() > old.len() && app.meeting.venue == THEIR_VENUE,
        Case::SwitchToCopy => app.meeting.id.as_str() == "2026-12-09-copy",
        // Replayed onto theirs; saving it is the ordinary save's job (and retried).
        Case::Reload => app.meeting.venue == THEIR_VENUE,
    };
    assert_eq!(
        again, !done,
        "{run}: done {done}, asked again {again}: {flash}"
    );
    if !done && !flash.starts_with("Your version is saved as meeting") {
        assert!(
            flash.starts_with("Could not") || flash.contains("NOT SAVED"),
            "{run}: not done, but the clerk was told {flash:?}"
        );
    }
}

/// With the disk back: answer again if asked (here, or after quitting and starting again
/// when `restart`), save if unsaved, start again as the next run would; then the choice is
/// complete and nothing is recorded twice.
fn retry_and_check(
    run: &str,
    case: Case,
    store: &Store,
    mut session: Session,
    mut app: Workspace,
    restart: bool,
) {
    let id = december_id();
    let told_it_stays = |app: &App| app.flash.as_deref().is_some_and(|f| f.contains("stays at"));
    let mut stays = told_it_stays(&app);
    if asked_again(case, &app) && restart && !case.conflict() {
        // The clerk quits instead: the next start offers the journal again.
        drop((session, app));
        let offer;
        (session, app, offer, _) = open(store, &id);
        assert!(offer.is_some(), "{run}: the journal is not offered again");
    }
    if asked_again(case, &app) {
        answer(&mut session, &mut app, case.key());
        assert!(
            !asked_again(case, &app),
            "{run}: the retry failed: {:?}",
            app.flash
        );
        stays = told_it_stays(&app);
    }
    if app.revision() != app.saved_revision() {
        session.save(&mut app);
        assert_eq!(app.save_error(), None, "{run}: the retried save");
    }
    drop((session, app));
    // The next start: a journal still in place is offered only if its text is in no file.
    let (mut session, mut app, offer, _) = open(store, &id);
    if offer.is_some() {
        assert!(
            stays,
            "{run}: a journal whose text is saved is offered again, untold"
        );
        // As the clerk was told where its text is: the same choice again, or discarding
        // what is already in the copy.
        let key = if case.conflict() { 'd' } else { case.key() };
        answer(&mut session, &mut app, key);
        assert!(app.overlay.is_none(), "{run}: {:?}", app.flash);
    }
    drop((session, app));

    let files = meeting_files(store);
    let copies: Vec<_> = files
        .keys()
        .filter(|n| n.starts_with("2026-12-09-"))
        .collect();
    match case.copy() {
        Some(copy) => assert_eq!(copies, [&format!("{copy}.json")], "{run}: one copy"),
        None => assert!(copies.is_empty(), "{run}: no copy: {copies:?}"),
    }
    let in_meeting = mine_in(store, &format!("{id}.json"));
    assert_eq!(in_meeting, usize::from(case.into_meeting()), "{run}");
    if let Some(copy) = case.copy() {
        assert_eq!(mine_in(store, &format!("{copy}.json")), 1, "{run}");
    }
    if case.conflict() {
        let m = store.load(&id).unwrap().meeting;
        assert_eq!(m.venue, THEIR_VENUE, "{run}: their change is kept");
    }
    assert_eq!(
        mine_in(store, &format!("{id}.journal")),
        0,
        "{run}: the journal in place still holds text already saved"
    );
}

/// Every N, every errno, once and from then on, for one choice.
fn sweep(case: Case) {
    let template = template(case);
    let (new, ops) = new_versions(case, template.path());
    assert!(ops > 0);
    // Once, with each errno; and from then on as a disk gone read-only does.
    let runs = ERRNOS
        .iter()
        .map(|&e| (e, false))
        .chain([(ERRNOS[2], true)]);
    for ((errno, name), persistent) in runs {
        for n in 1.. {
            let plan = FaultPlan::fail_nth(n, errno);
            let plan = if persistent {
                plan.from_then_on()
            } else {
                plan
            };
            let c = choose(case, template.path(), plan);
            let run = format!(
                "{case:?}, op {n} ({:?}) fails with {name}{}",
                c.plan.log().get(n as usize - 1).map(|(op, _)| *op),
                if persistent { " from then on" } else { "" }
            );
            if c.plan.fired() == 0 {
                assert!(n > ops, "{run}: fewer operations than counted");
                break;
            }
            check_after_fault(&run, case, &c.old, &new, &c.store, &c.app);
            c.plan.disarm();
            retry_and_check(&run, case, &c.store, c.session, c.app, n % 2 == 1);
        }
    }
}

#[test]
fn recovering_a_journal_under_every_disk_fault_loses_nothing_and_records_it_once() {
    sweep(Case::Recover);
}

#[test]
fn keeping_a_journal_as_a_copy_under_every_disk_fault_makes_exactly_one_copy() {
    sweep(Case::KeepCopy);
}

#[test]
fn discarding_a_journal_under_every_disk_fault_keeps_it_until_it_is_set_aside() {
    sweep(Case::Discard);
}

#[test]
fn recovering_minutes_changed_since_under_every_disk_fault_makes_exactly_one_copy() {
    sweep(Case::RecoverChanged);
}

#[test]
fn keeping_both_versions_under_every_disk_fault_makes_one_copy_and_keeps_theirs() {
    sweep(Case::KeepBoth);
}

#[test]
fn reloading_and_replaying_under_every_disk_fault_saves_the_typing_once_on_theirs() {
    sweep(Case::Reload);
}

#[test]
fn carrying_on_in_a_copy_under_every_disk_fault_makes_one_copy_and_keeps_theirs() {
    sweep(Case::SwitchToCopy);
}
