//! Online backup, verify and restore (issue 17): the rules K-BAK-1 .. K-BAK-9 of
//! docs/backup.md, through the Rust API. Each test names its rule. Child processes are this
//! test binary re-run in a role (tests/common/mod.rs).

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use lmdb::Transaction;
use lode::verify::ProblemKind;
use lode::{
    BackupOptions, BackupProgress, Durability, ErrorKind, EventStoreProvider, ProviderSettings,
};

fn settings() -> ProviderSettings {
    ProviderSettings {
        durability: Durability::NoMetaSync,
        ..ProviderSettings::default()
    }
}

fn ev(id: &str, event_type: &str, body: &str) -> Vec<u8> {
    event_json(id, event_type, &format!("corr-{id}"), None, body)
}

/// Appends `batches` batches of `per_batch` events of about `pad` bytes each to `name/id`.
fn fill(
    p: &EventStoreProvider,
    name: &str,
    id: &str,
    batches: usize,
    per_batch: usize,
    pad: usize,
) {
    let s = p.open_store(name, id).unwrap();
    let padding = "x".repeat(pad);
    for b in 0..batches {
        let evs: Vec<Vec<u8>> = (0..per_batch)
            .map(|k| {
                ev(
                    &format!("{name}-{id}-{b}-{k}"),
                    "Filled",
                    &format!("\"B\":{b},\"K\":{k},\"Pad\":\"{padding}\""),
                )
            })
            .collect();
        s.add(&evs).unwrap();
    }
    s.close().unwrap();
}

/// The whole global log of `p`, as (position, store id, version, message bytes).
fn whole_log(p: &EventStoreProvider) -> Vec<(u64, String, u64, Vec<u8>)> {
    let mut out = Vec::new();
    let mut from = 1;
    loop {
        let page = p.read_log(from, 5000).unwrap();
        if page.is_empty() {
            return out;
        }
        for r in &page {
            out.push((
                r.position,
                format!("{}/{}/{}", r.partition, r.aggregate_type, r.aggregate_id),
                r.aggregate_version,
                r.message.clone(),
            ));
        }
        from = page.last().unwrap().position + 1;
    }
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn partials(parent: &Path, name: &str) -> Vec<String> {
    entries(parent)
        .into_iter()
        .filter(|e| e.starts_with(&format!("{name}.partial-")))
        .collect()
}

fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn no_progress(_: BackupProgress) -> bool {
    true
}

fn throttled(bytes_per_second: u64) -> BackupOptions {
    BackupOptions {
        max_bytes_per_second: Some(bytes_per_second),
        ..BackupOptions::default()
    }
}

// -- K-BAK-1 ------------------------------------------------------------------------------------

/// A writer child: appends batches to its own stream and to a shared one until the stop file
/// appears, printing `ACK <stream> <version>` after each append.
fn writer_child(dir: &Path, me: &str) {
    let p = EventStoreProvider::open(dir, settings()).unwrap();
    let stop = dir.parent().unwrap().join("stop");
    let own = p.open_store("Writer", me).unwrap();
    say("READY");
    let mut n = 0u64;
    while !stop.exists() {
        n += 1;
        let batch: Vec<Vec<u8>> = (0..3)
            .map(|k| {
                ev(
                    &format!("{me}-{n}-{k}"),
                    "Written",
                    "\"Pad\":\"0123456789\"",
                )
            })
            .collect();
        let v = own.add(&batch).unwrap();
        say(&format!("ACK {me} {v}"));
        // A shared stream too: every writer takes its lease in turn.
        if n.is_multiple_of(4) {
            if let Ok(shared) = p.open_store_with(
                None,
                "Shared",
                "1",
                Some(Duration::from_millis(500)),
                Some(Duration::from_secs(5)),
            ) {
                shared
                    .add(&[ev(&format!("{me}-shared-{n}"), "Shared", "\"N\":1")])
                    .unwrap();
                shared.close().unwrap();
            }
        }
    }
    own.close().unwrap();
    say("DONE");
}

#[test]
fn k_bak_1_backup_while_four_processes_append_is_a_consistent_working_copy() {
    const NAME: &str = "k_bak_1_backup_while_four_processes_append_is_a_consistent_working_copy";
    if let Some(role) = child_role() {
        let dir = PathBuf::from(std::env::var("LODE_DIR").unwrap());
        writer_child(&dir, &role);
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let p = EventStoreProvider::open(&dir, settings()).unwrap();
    // About 6 MB before the writers start, so a throttled copy takes a while.
    fill(&p, "Seed", "1", 60, 100, 900);
    let seeded = p.head_position().unwrap();
    let mut children: Vec<ChildProc> = (0..4)
        .map(|i| {
            let mut c = child_command(NAME, &format!("w{i}"));
            c.env("LODE_DIR", &dir);
            ChildProc::spawn(c)
        })
        .collect();
    for c in &mut children {
        assert!(
            c.wait_for_line("READY", Duration::from_secs(30)),
            "{:?}",
            c.lines()
        );
    }
    let acks = |children: &[ChildProc]| -> usize {
        children
            .iter()
            .map(|c| c.lines().iter().filter(|l| l.starts_with("ACK ")).count())
            .sum()
    };
    let mut copies = Vec::new();
    for (i, compact) in [false, true].into_iter().enumerate() {
        let target = tmp.path().join(format!("backup-{i}"));
        let before = acks(&children);
        let mut reports: Vec<BackupProgress> = Vec::new();
        let options = BackupOptions {
            compact,
            max_bytes_per_second: Some(8 << 20),
            ..BackupOptions::default()
        };
        let info = p
            .backup(&target, &options, |pr| {
                reports.push(pr);
                true
            })
            .unwrap();
        let after = acks(&children);
        assert!(
            after > before,
            "the writers went on appending while the copy ran ({before} then {after} appends)"
        );
        assert!(info.position >= seeded, "{info:?}");
        assert_eq!(info.compacted, compact);
        assert_eq!(reports.first().map(|r| r.done), Some(0));
        let last = *reports.last().unwrap();
        assert_eq!(last.done, last.total, "the last report is the whole copy");
        assert_eq!(last.done, info.bytes);
        copies.push((target, info));
    }
    std::fs::write(tmp.path().join("stop"), b"").unwrap();
    for c in children {
        let (status, lines, err) = c.wait();
        assert!(status.success(), "{lines:?} {err}");
        assert!(lines.iter().any(|l| l == "DONE"), "{lines:?}");
    }
    let source_log = whole_log(&p);
    assert!(p.verify().unwrap().is_ok());
    for (target, info) in &copies {
        // The copy verifies, and holds exactly the source's events 1..=position.
        let report = lode::verify_directory(target).unwrap();
        assert!(report.is_ok(), "{report}");
        assert_eq!(report.position, info.position);
        assert_eq!(
            lode::read_backup_info(target).unwrap().unwrap().position,
            info.position
        );
        let check = p.check_backup(target).unwrap();
        assert!(check.is_ok(), "{check}");
        assert_eq!(check.events_compared, info.position);
        assert!(
            check.source_position > info.position,
            "writers went on after the copy"
        );
        // Restore is opening the backup: it is a working store that goes on from `position`.
        let restored = EventStoreProvider::open(target, settings()).unwrap();
        let copy_log = whole_log(&restored);
        assert_eq!(copy_log.len() as u64, info.position);
        assert_eq!(&copy_log[..], &source_log[..info.position as usize]);
        let s = restored.open_store("Restored", "1").unwrap();
        s.add(&[ev("after-restore", "Restored", "\"N\":1")])
            .unwrap();
        assert_eq!(restored.head_position().unwrap(), info.position + 1);
        assert_eq!(s.get(false).unwrap().len(), 1);
        s.close().unwrap();
        // The shared stream continues at its next version once its copied lease lapses (the
        // writers hold it 500 ms at a time).
        let w = restored
            .open_store_with(None, "Shared", "1", None, Some(Duration::from_secs(5)))
            .unwrap();
        let v = w.version().unwrap();
        assert_eq!(
            w.add(&[ev("shared-restored", "Shared", "\"N\":1")])
                .unwrap(),
            v + 1
        );
        w.close().unwrap();
        // Each writer's stream holds exactly its events up to the position.
        for i in 0..4 {
            let events = restored
                .stream_events_since(None, "Writer", &format!("w{i}"), 0, 1_000_000)
                .unwrap();
            let expected = source_log[..info.position as usize]
                .iter()
                .filter(|e| e.1 == format!("EventStores/Writer/w{i}"))
                .count();
            assert_eq!(events.len(), expected, "w{i}");
        }
        assert!(restored.verify().unwrap().is_ok());
    }
}

// -- K-BAK-2 ------------------------------------------------------------------------------------

#[test]
fn k_bak_2_a_backup_killed_midway_leaves_nothing_that_looks_complete() {
    const NAME: &str = "k_bak_2_a_backup_killed_midway_leaves_nothing_that_looks_complete";
    if child_role().as_deref() == Some("backup") {
        let dir = PathBuf::from(std::env::var("LODE_DIR").unwrap());
        let target = PathBuf::from(std::env::var("LODE_TARGET").unwrap());
        let p = EventStoreProvider::open(&dir, settings()).unwrap();
        say("READY");
        let r = p.backup(&target, &throttled(1 << 20), |pr| {
            say(&format!("PROGRESS {} {}", pr.done, pr.total));
            true
        });
        say(&format!("FINISHED {r:?}"));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    {
        let p = EventStoreProvider::open(&dir, settings()).unwrap();
        fill(&p, "Big", "1", 50, 100, 900);
    }
    let target = tmp.path().join("nightly");
    let mut c = child_command(NAME, "backup");
    c.env("LODE_DIR", &dir).env("LODE_TARGET", &target);
    let mut child = ChildProc::spawn(c);
    let pid = child.child.id();
    // Midway: once the copy has written something and is far from done.
    let mut midway = None;
    for _ in 0..30_000 {
        midway = child.lines().iter().find_map(|l| {
            let mut w = l.strip_prefix("PROGRESS ")?.split(' ');
            let (done, total): (u64, u64) = (w.next()?.parse().ok()?, w.next()?.parse().ok()?);
            (done > 0 && done < total / 2).then_some((done, total))
        });
        if midway.is_some() || child.exited().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let (lines, err) = child.kill();
    let (done, total) = midway.unwrap_or_else(|| panic!("no progress midway: {lines:?} {err}"));
    assert!(
        !lines.iter().any(|l| l.starts_with("FINISHED")),
        "{lines:?}"
    );
    // Nothing named `nightly`; only the clearly named partial copy, with no backup.json.
    assert!(
        !target.exists(),
        "a killed backup left {}",
        target.display()
    );
    let left = partials(tmp.path(), "nightly");
    assert_eq!(
        left,
        vec![format!("nightly.partial-{pid}-0")],
        "{:?}",
        entries(tmp.path())
    );
    let partial = tmp.path().join(&left[0]);
    assert!(!partial.join(lode::BACKUP_FILE).exists());
    let data = std::fs::metadata(partial.join("data.mdb")).unwrap().len();
    assert!(
        data < total,
        "the partial copy is short: {data} of {total} ({done} reported)"
    );
    // It is refused as a store, or reported broken: it never passes as a backup.
    match lode::verify_directory(&partial) {
        Err(e) => assert_eq!(e.kind(), ErrorKind::Storage, "{e}"),
        Ok(report) => assert!(!report.is_ok(), "a partial copy verified: {report}"),
    }
    // The store is whole, and the next backup to the same name succeeds.
    let p = EventStoreProvider::open(&dir, settings()).unwrap();
    assert!(p.verify().unwrap().is_ok());
    let info = p
        .backup(&target, &BackupOptions::default(), no_progress)
        .unwrap();
    assert_eq!(info.position, p.head_position().unwrap());
    assert!(p.check_backup(&target).unwrap().is_ok());
}

// -- K-BAK-3 ------------------------------------------------------------------------------------

#[test]
fn k_bak_3_a_backup_never_overwrites_anything() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let p = EventStoreProvider::open(&dir, settings()).unwrap();
    fill(&p, "Acct", "1", 3, 10, 10);
    let other = tmp.path().join("other-store");
    {
        let q = EventStoreProvider::open(&other, settings()).unwrap();
        fill(&q, "Other", "1", 1, 5, 10);
    }
    let file = tmp.path().join("a-file");
    std::fs::write(&file, b"keep me").unwrap();
    let nonempty = tmp.path().join("nonempty");
    std::fs::create_dir(&nonempty).unwrap();
    std::fs::write(nonempty.join("notes.txt"), b"keep me").unwrap();
    let refused: Vec<(&str, PathBuf)> = vec![
        ("another store", other.clone()),
        ("the store itself", dir.clone()),
        ("inside the store", dir.join("backup")),
        ("a file", file.clone()),
        ("a non-empty directory", nonempty.clone()),
        ("a missing parent", tmp.path().join("missing").join("b")),
    ];
    let other_log = whole_log(&EventStoreProvider::open(&other, settings()).unwrap());
    for (what, target) in &refused {
        let e = p
            .backup(target, &BackupOptions::default(), no_progress)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{what}: {e}");
    }
    for place in [tmp.path(), dir.as_path()] {
        let left: Vec<String> = entries(place)
            .into_iter()
            .filter(|e| e.contains(".partial-"))
            .collect();
        assert!(left.is_empty(), "{left:?} in {}", place.display());
    }
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
    assert_eq!(
        std::fs::read(nonempty.join("notes.txt")).unwrap(),
        b"keep me"
    );
    assert_eq!(entries(&nonempty), vec!["notes.txt".to_string()]);
    assert!(!dir.join("backup").exists());
    assert_eq!(
        whole_log(&EventStoreProvider::open(&other, settings()).unwrap()),
        other_log
    );
    assert!(p.verify().unwrap().is_ok());
    // An existing empty directory is taken (and gets the store's directory mode).
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let info = p
        .backup(&empty, &BackupOptions::default(), no_progress)
        .unwrap();
    assert_eq!(info.position, 30);
    assert!(lode::verify_directory(&empty).unwrap().is_ok());
    assert_eq!(mode_of(&empty), 0o700);
    // A second backup into it is refused: it now holds a store.
    let e = p
        .backup(&empty, &BackupOptions::default(), no_progress)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    assert!(p.check_backup(&empty).unwrap().is_ok());
    assert!(partials(tmp.path(), "empty").is_empty());
}

// -- K-BAK-4 ------------------------------------------------------------------------------------

#[test]
fn k_bak_4_the_copy_has_the_stores_owner_only_permissions() {
    let tmp = tempfile::tempdir().unwrap();
    let umask = umask();
    for (file_mode, dir_mode) in [(0o600, 0o700), (0o640, 0o750)] {
        let dir = tmp.path().join(format!("store-{file_mode:o}"));
        let s = ProviderSettings {
            file_mode,
            directory_mode: dir_mode,
            ..settings()
        };
        let p = EventStoreProvider::open(&dir, s).unwrap();
        fill(&p, "Acct", "1", 2, 5, 10);
        for compact in [false, true] {
            let target = tmp.path().join(format!("copy-{file_mode:o}-{compact}"));
            let options = BackupOptions {
                compact,
                ..BackupOptions::default()
            };
            p.backup(&target, &options, no_progress).unwrap();
            assert_eq!(mode_of(&target), dir_mode & !umask, "{}", target.display());
            let names = entries(&target);
            assert!(names.contains(&"data.mdb".to_string()), "{names:?}");
            assert!(names.contains(&lode::BACKUP_FILE.to_string()), "{names:?}");
            for name in names {
                assert_eq!(
                    mode_of(&target.join(&name)),
                    file_mode & !umask,
                    "{name} of {}",
                    target.display()
                );
            }
        }
    }
}

// -- K-BAK-5 ------------------------------------------------------------------------------------

#[test]
fn k_bak_5_progress_is_reported_and_a_cancelled_backup_leaves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let p = EventStoreProvider::open(&dir, settings()).unwrap();
    fill(&p, "Acct", "1", 20, 100, 900);

    // Free pages, which a compacted copy leaves out: snapshots written and cleared.
    let churn = p.open_store("Churn", "1").unwrap();
    churn.add(&[ev("churn-1", "Churn", "\"N\":1")]).unwrap();
    for k in 0..50 {
        churn
            .snapshot(1, &snapshot_json(&format!("{k}-{}", "z".repeat(20_000))))
            .unwrap();
    }
    churn.clear_snapshots().unwrap();
    churn.close().unwrap();
    // Reported: starts at 0, never goes back, ends with done == total.
    let mut sizes = Vec::new();
    for compact in [false, true] {
        let target = tmp.path().join(format!("progress-{compact}"));
        let mut seen: Vec<BackupProgress> = Vec::new();
        let options = BackupOptions {
            compact,
            max_bytes_per_second: Some(6 << 20),
            ..BackupOptions::default()
        };
        let info = p
            .backup(&target, &options, |pr| {
                seen.push(pr);
                true
            })
            .unwrap();
        assert!(seen.len() >= 3, "{seen:?}");
        assert_eq!(seen[0].done, 0);
        assert!(seen[0].total > 0);
        for w in seen.windows(2) {
            assert!(w[1].done >= w[0].done, "{seen:?}");
            assert!(
                w[1].total >= w[0].total || w[1].total >= w[1].done,
                "{seen:?}"
            );
        }
        assert!(
            seen.iter().any(|s| s.done > 0 && s.done < info.bytes),
            "a report in the middle: {seen:?}"
        );
        let last = seen.last().unwrap();
        assert_eq!((last.done, last.total), (info.bytes, info.bytes));
        assert_eq!(
            std::fs::metadata(target.join("data.mdb")).unwrap().len(),
            info.bytes
        );
        sizes.push((info.position, info.bytes));
    }
    // The same store (nothing written in between): the same position, a smaller compacted copy.
    assert_eq!(sizes[0].0, sizes[1].0);
    assert!(sizes[1].1 < sizes[0].1, "compacted vs plain: {sizes:?}");

    // Cancelled at the start, midway, and at the very end: nothing is left.
    for (when, cancel_at) in [("start", 0usize), ("midway", 3), ("end", usize::MAX)] {
        for compact in [false, true] {
            let target = tmp.path().join(format!("cancel-{when}-{compact}"));
            let mut calls = 0usize;
            let options = BackupOptions {
                compact,
                max_bytes_per_second: Some(2 << 20),
                ..BackupOptions::default()
            };
            let e = p
                .backup(&target, &options, |pr| {
                    calls += 1;
                    let last = pr.done == pr.total && pr.done > 0;
                    !(calls > cancel_at || (cancel_at == usize::MAX && last))
                })
                .unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Cancelled, "{when}: {e}");
            assert!(e.to_string().contains("nothing was left"), "{e}");
            assert!(!target.exists(), "{when}");
            assert!(partials(tmp.path(), &format!("cancel-{when}-{compact}")).is_empty());
        }
    }

    // A panicking callback: the panic reaches the caller, nothing is left, the store works.
    let target = tmp.path().join("panicked");
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        p.backup(&target, &throttled(8 << 20), |pr| {
            if pr.done > 0 {
                panic!("the host's callback failed");
            }
            true
        })
    }));
    assert!(r.is_err());
    assert!(!target.exists());
    assert!(partials(tmp.path(), "panicked").is_empty());
    let info = p
        .backup(&target, &BackupOptions::default(), no_progress)
        .unwrap();
    assert!(p.check_backup(&target).unwrap().is_ok(), "{info:?}");
}

// -- K-BAK-6 ------------------------------------------------------------------------------------

/// A backup (closed, not open in this process) of `Acct/7` with 10 events of type T and
/// `Other/1` with 3 of type U, appended in that order (positions 1..10, 11..13), every append
/// indexed as it commits (`index_lag: 0`, so the indexes have entries to damage).
/// Where the event record of version `version` of stream number `stream` is (format 5,
/// docs/storage-layout.md: a `log` value is `u16 n ‖ log entry (stream, version, …) ‖ event
/// record`): its log position, the whole log value, and the offset of the record in it.
fn event_in_log(
    txn: &lmdb::RwTransaction<'_>,
    db: &dyn Fn(&str) -> lmdb::Database,
    stream: u64,
    version: u64,
) -> (u64, Vec<u8>, usize) {
    let mut c = txn.open_ro_cursor(db("log")).unwrap();
    lmdb::Cursor::iter_start(&mut c)
        .map(|r| r.unwrap())
        .find_map(|(k, v)| {
            let entry = &v[2..];
            (entry[..8] == stream.to_be_bytes() && entry[8..16] == version.to_be_bytes()).then(
                || {
                    let n = u16::from_be_bytes([v[0], v[1]]) as usize;
                    (u64::from_be_bytes(k.try_into().unwrap()), v.to_vec(), 2 + n)
                },
            )
        })
        .expect("the log holds the event")
}

fn damage_fixture(tmp: &Path, name: &str) -> PathBuf {
    let dir = tmp.join(format!("{name}-source"));
    let target = tmp.join(name);
    {
        let indexed = ProviderSettings {
            index_lag: 0,
            ..settings()
        };
        let p = EventStoreProvider::open(&dir, indexed).unwrap();
        let a = p.open_store("Acct", "7").unwrap();
        for k in 1..=10 {
            a.add(&[ev(&format!("a{k}"), "T", "\"N\":1")]).unwrap();
        }
        a.close().unwrap();
        let o = p.open_store("Other", "1").unwrap();
        for k in 1..=3 {
            o.add(&[ev(&format!("o{k}"), "U", "\"N\":2")]).unwrap();
        }
        o.close().unwrap();
        p.backup(&target, &BackupOptions::default(), no_progress)
            .unwrap();
    }
    target
}

#[test]
fn k_bak_6_verify_of_a_directory_names_every_injected_damage() {
    let tmp = tempfile::tempdir().unwrap();
    type Edit = Box<dyn Fn(&mut lmdb::RwTransaction<'_>, &dyn Fn(&str) -> lmdb::Database)>;
    // (case, damage, kind expected, store id, version, position)
    type Case = (
        &'static str,
        Edit,
        ProblemKind,
        &'static str,
        Option<u64>,
        Option<u64>,
    );
    let cases: Vec<Case> = vec![
        (
            "a flipped byte in an event record",
            Box::new(|txn, db| {
                let (position, mut v, _) = event_in_log(txn, db, 1, 4);
                let at = v.len() - 12;
                v[at] ^= 0x20;
                txn.put(
                    db("log"),
                    &position.to_be_bytes(),
                    &v,
                    lmdb::WriteFlags::empty(),
                )
                .unwrap()
            }),
            ProblemKind::Damaged,
            "EventStores/Acct/7",
            Some(4),
            None,
        ),
        (
            "a missing index entry",
            // The type index entry (a group of one event) of position 12.
            Box::new(|txn, db| {
                let groups = db("type_groups");
                let key = {
                    let mut c = txn.open_ro_cursor(groups).unwrap();
                    lmdb::Cursor::iter_start(&mut c)
                        .map(|r| r.unwrap().0.to_vec())
                        .find(|k| k.len() == 16 && k[8..] == 12u64.to_be_bytes())
                        .expect("the group of position 12")
                };
                txn.del(groups, &key, None).unwrap()
            }),
            ProblemKind::MissingIndexEntry,
            "EventStores/Other/1",
            Some(2),
            Some(12),
        ),
        (
            "a gap in a stream",
            // Its `events` index entry (the store indexes every append): the log still holds
            // the event, but the stream's read no longer reaches it.
            Box::new(|txn, db| txn.del(db("events"), &version_key(1, 6), None).unwrap()),
            ProblemKind::Damaged,
            "EventStores/Acct/7",
            Some(6),
            None,
        ),
    ];
    for (i, (case, edit, kind, store_id, version, position)) in cases.into_iter().enumerate() {
        let target = damage_fixture(tmp.path(), &format!("damaged-{i}"));
        assert!(
            lode::verify_directory(&target).unwrap().is_ok(),
            "{case}: before"
        );
        raw_edit(&target, |txn, db| edit(txn, db));
        let report = lode::verify_directory(&target).unwrap();
        assert!(!report.is_ok(), "{case}: verify found nothing: {report}");
        let first = &report.problems[0];
        assert_eq!(first.kind, kind, "{case}: {report}");
        assert_eq!(
            first.store_id.as_deref(),
            Some(store_id),
            "{case}: {report}"
        );
        assert_eq!(first.version, version, "{case}: {report}");
        if position.is_some() {
            assert_eq!(first.position, position, "{case}: {report}");
        }
        if let Some(v) = version {
            assert!(
                first.place.contains(&format!("version {v}"))
                    || first.detail.contains(&format!("version {v}")),
                "{case}: {first}"
            );
        }
        // Reported, never repaired: a second run finds the same.
        assert_eq!(lode::verify_directory(&target).unwrap(), report, "{case}");
    }
    // A directory without a store is refused, and nothing is created in it or for it.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let e = lode::verify_directory(&empty).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Storage, "{e}");
    assert!(e.to_string().contains("holds no store"), "{e}");
    assert!(entries(&empty).is_empty());
    let missing = tmp.path().join("missing");
    assert!(lode::verify_directory(&missing).is_err());
    assert!(!missing.exists());
    // A directory this process has open (with other settings) is verified through its
    // environment.
    let open_dir = tmp.path().join("open");
    let p = EventStoreProvider::open(
        &open_dir,
        ProviderSettings {
            durability: Durability::NoSync,
            ..ProviderSettings::default()
        },
    )
    .unwrap();
    fill(&p, "Acct", "1", 2, 3, 10);
    let report = lode::verify_directory(&open_dir).unwrap();
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.events, 6);
}

// -- K-BAK-7 ------------------------------------------------------------------------------------

#[test]
fn k_bak_7_check_backup_proves_a_backup_against_its_source() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let p = EventStoreProvider::open(&dir, settings()).unwrap();
    let s = p.open_store("Acct", "7").unwrap();
    for k in 1..=10 {
        s.add_with_command(
            &[ev(&format!("a{k}"), "T", "\"N\":1")],
            &lode::Command::new(format!("cmd-{k}")),
        )
        .unwrap();
    }
    s.snapshot(5, &snapshot_json("five")).unwrap();
    let target = tmp.path().join("backup");
    let info = p
        .backup(
            &target,
            &BackupOptions {
                verify: true,
                ..BackupOptions::default()
            },
            no_progress,
        )
        .unwrap();
    assert!(info.verified);
    assert_eq!(info.position, 10);
    // The source goes on (more events, a snapshot replaced): the backup still checks.
    for k in 11..=15 {
        s.add(&[ev(&format!("a{k}"), "T", "\"N\":1")]).unwrap();
    }
    s.snapshot(5, &snapshot_json("five-again")).unwrap();
    let check = p.check_backup(&target).unwrap();
    assert!(check.is_ok(), "{check}");
    assert_eq!(
        (
            check.position,
            check.source_position,
            check.events_compared,
            check.commands_compared
        ),
        (10, 15, 10, 10)
    );
    assert_eq!(check.recorded.as_ref().unwrap().position, 10);

    let copy_of = |name: &str| {
        let to = tmp.path().join(name);
        std::fs::create_dir(&to).unwrap();
        for e in std::fs::read_dir(&target).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
        to
    };
    // An event changed in the backup, with a valid CRC (so the copy itself verifies).
    let changed = copy_of("changed");
    raw_edit(&changed, |txn, db| {
        let (position, v, at) = event_in_log(txn, db, 1, 3);
        let json = String::from_utf8(v[at + 21..].to_vec())
            .unwrap()
            .replace("\"N\":1", "\"N\":7")
            .into_bytes();
        let mut record = v[at..at + 21].to_vec();
        record.extend_from_slice(&json);
        let crc = crc32fast::hash(&record[5..]).to_le_bytes();
        record[1..5].copy_from_slice(&crc);
        let mut value = v[..at].to_vec();
        value.extend_from_slice(&record);
        txn.put(
            db("log"),
            &position.to_be_bytes(),
            &value,
            lmdb::WriteFlags::empty(),
        )
        .unwrap()
    });
    let check = p.check_backup(&changed).unwrap();
    assert!(
        check.backup.is_ok(),
        "the changed copy verifies by itself: {}",
        check.backup
    );
    assert!(!check.is_ok());
    let first = &check.problems[0];
    assert_eq!(first.kind, ProblemKind::Mismatch);
    assert_eq!(
        (first.store_id.as_deref(), first.version, first.position),
        (Some("EventStores/Acct/7"), Some(3), Some(3)),
        "{check}"
    );
    assert_eq!(check.problem_count, 1, "{check}");

    // A damaged copy is reported by the check (not an error): its verify and the comparison
    // both name the record.
    let damaged = copy_of("damaged");
    raw_edit(&damaged, |txn, db| {
        let (position, mut v, _) = event_in_log(txn, db, 1, 3);
        let at = v.len() - 5;
        v[at] ^= 1;
        txn.put(
            db("log"),
            &position.to_be_bytes(),
            &v,
            lmdb::WriteFlags::empty(),
        )
        .unwrap()
    });
    let check = p.check_backup(&damaged).unwrap();
    assert!(!check.is_ok() && !check.backup.is_ok(), "{check}");
    assert_eq!(check.backup.problems[0].version, Some(3), "{check}");
    assert!(
        check
            .problems
            .iter()
            .any(|pr| pr.kind == ProblemKind::Damaged && pr.position == Some(3)),
        "{check}"
    );
    assert_eq!(check.events_compared, 9, "{check}");

    // A backup.json that records another position.
    let relabelled = copy_of("relabelled");
    let file = relabelled.join(lode::BACKUP_FILE);
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("\"position\": 10", "\"position\": 12");
    std::fs::write(&file, text).unwrap();
    let check = p.check_backup(&relabelled).unwrap();
    assert!(!check.is_ok());
    assert!(
        check
            .problems
            .iter()
            .any(|pr| pr.place == lode::BACKUP_FILE && pr.detail.contains("12")),
        "{check}"
    );

    // A backup of another store.
    let other_dir = tmp.path().join("other");
    let other = EventStoreProvider::open(&other_dir, settings()).unwrap();
    fill(&other, "Acct", "7", 1, 4, 1);
    let foreign = tmp.path().join("foreign");
    other
        .backup(&foreign, &BackupOptions::default(), no_progress)
        .unwrap();
    let check = p.check_backup(&foreign).unwrap();
    assert!(!check.is_ok());
    assert_eq!(check.problems[0].position, Some(1), "{check}");

    // The store itself is not a backup of itself.
    let e = p.check_backup(&dir).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    s.close().unwrap();
}

// -- K-BAK-8 ------------------------------------------------------------------------------------

/// A cancelled copy gets EPIPE on its pipe: the SIGPIPE that raises is blocked and collected on
/// the copy's own threads, so a host that leaves SIGPIPE at its default action (terminate: C
/// hosts do) survives. Run in a child with SIGPIPE set back to SIG_DFL.
#[test]
fn k_bak_8_a_cancelled_copy_never_delivers_sigpipe_to_the_host() {
    const NAME: &str = "k_bak_8_a_cancelled_copy_never_delivers_sigpipe_to_the_host";
    if child_role().as_deref() == Some("host") {
        // SAFETY: setting a signal's disposition to its default, before any thread of ours.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
        let dir = PathBuf::from(std::env::var("LODE_DIR").unwrap());
        let p = EventStoreProvider::open(&dir, settings()).unwrap();
        for compact in [false, true] {
            for round in 0..3 {
                let target = dir.parent().unwrap().join(format!("c-{compact}-{round}"));
                let mut calls = 0;
                let options = BackupOptions {
                    compact,
                    max_bytes_per_second: Some(4 << 20),
                    ..BackupOptions::default()
                };
                let e = p
                    .backup(&target, &options, |pr| {
                        calls += 1;
                        calls < 3 || pr.done == 0
                    })
                    .unwrap_err();
                assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
                say(&format!("CANCELLED {compact} {round}"));
            }
        }
        say("SURVIVED");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    {
        let p = EventStoreProvider::open(&dir, settings()).unwrap();
        fill(&p, "Acct", "1", 20, 100, 900);
    }
    let mut c = child_command(NAME, "host");
    c.env("LODE_DIR", &dir);
    let (status, lines, err) = ChildProc::spawn(c).wait();
    use std::os::unix::process::ExitStatusExt;
    assert_ne!(
        status.signal(),
        Some(libc::SIGPIPE),
        "the host died of SIGPIPE: {lines:?}"
    );
    assert!(status.success(), "{status:?} {lines:?} {err}");
    assert!(lines.iter().any(|l| l == "SURVIVED"), "{lines:?} {err}");
}

// -- K-BAK-9 ------------------------------------------------------------------------------------

/// The progress callback runs with nothing held: it may read, append, and even append enough
/// to make the map grow (which waits for the copy to end) without a deadlock.
#[test]
fn k_bak_9_a_progress_callback_may_call_into_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let small = ProviderSettings {
        initial_map_size: 1 << 20,
        ..settings()
    };
    let p = EventStoreProvider::open(&dir, small).unwrap();
    fill(&p, "Acct", "1", 4, 100, 900);
    let before = p.head_position().unwrap();
    let map_before = p.map_size();
    let (tx, rx) = std::sync::mpsc::channel();
    let q = p.clone();
    let target = tmp.path().join("backup");
    let t2 = target.clone();
    let calls = Arc::new(AtomicU64::new(0));
    let c2 = calls.clone();
    std::thread::spawn(move || {
        let store = q.open_store("Callback", "1").unwrap();
        let big = "y".repeat(6 << 20);
        let grown = AtomicBool::new(false);
        let seen = Mutex::new(Vec::new());
        let r = q.backup(&t2, &throttled(4 << 20), |pr| {
            c2.fetch_add(1, Ordering::Relaxed);
            // Reads and small appends, every time.
            let n = store.version().unwrap();
            store
                .add(&[ev(
                    &format!("cb-{n}"),
                    "Progress",
                    &format!("\"Done\":{}", pr.done),
                )])
                .unwrap();
            seen.lock().unwrap().push(q.head_position().unwrap());
            // Once: an append larger than the map's headroom, so it must grow the map.
            if !grown.swap(true, Ordering::Relaxed) {
                store
                    .add(&[ev("cb-big", "Progress", &format!("\"Big\":\"{big}\""))])
                    .unwrap();
            }
            true
        });
        store.close().unwrap();
        let _ = tx.send(r.map(|i| i.position));
    });
    let position = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the backup and its callback's appends finished (no deadlock)")
        .unwrap();
    assert!(calls.load(Ordering::Relaxed) >= 2);
    assert!(p.map_size() > map_before, "the big append grew the map");
    assert!(position >= before);
    assert!(p.check_backup(&target).unwrap().is_ok());
    assert!(p.verify().unwrap().is_ok());
}
