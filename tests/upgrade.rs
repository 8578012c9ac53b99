//! The upgrade from on-disk formats 1, 2, 3 and 4 to the current format (`lode::FORMAT_VERSION`,
//! 5; docs/storage-layout.md, "Upgrade"), and the current format's own fixture read as it is.
//!
//! The fixtures `tests/fixtures/format1.tar.gz` to `format5.tar.gz` are
//! stores written by the last library that wrote each format (20,001 events in 21 streams of two
//! partitions, two types in two versions, shared correlation ids, commands, snapshots, a lease,
//! an event in overflow pages; from format 3's on, also events correlated with themselves, one
//! of them the correlation of another event, and an unindexed tail), with the answers that
//! format gave (`answers.json`, made by `tests/fixtures/make_fixture.rs`).
//!
//! Environment (long runs): `LODE_UPGRADE_KILLS` (default 50) kills of an upgrading process,
//! for each fixture.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;
use lode::{ErrorKind, EventStoreProvider, ProviderSettings, Query, StreamId};
use serde_json::{json, Value};

/// FNV-1a, 64 bits, as the fixture's answers fingerprint each message.
fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The formats an upgrade starts from: each has its fixture.
const OLD_FORMATS: [u32; 4] = [1, 2, 3, 4];

fn fixture(format: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/format{format}.tar.gz"))
}

/// Unpacks the fixture of `format` into `dir` (created); returns the answers of that format.
fn unpack(dir: &Path, format: u32) -> Value {
    std::fs::create_dir_all(dir).unwrap();
    let status = std::process::Command::new("tar")
        .arg("-xzf")
        .arg(fixture(format))
        .arg("-C")
        .arg(dir)
        .status()
        .unwrap();
    assert!(status.success(), "tar -xzf {}", fixture(format).display());
    let answers = std::fs::read(dir.join("answers.json")).unwrap();
    std::fs::remove_file(dir.join("answers.json")).unwrap();
    serde_json::from_slice(&answers).unwrap()
}

fn positions(p: &EventStoreProvider, q: Query) -> Value {
    json!(p
        .query(&q, 1_000_000)
        .unwrap()
        .records
        .iter()
        .map(|r| r.position)
        .collect::<Vec<_>>())
}

/// A cheaper check of the same: every stream's messages, byte for byte (their fingerprints in
/// the old format's log), and the first 100 answers of each query.
fn assert_same_streams_and_first_answers(p: &EventStoreProvider, answers: &Value) {
    let mut by_stream: std::collections::BTreeMap<(String, String, String), Vec<&str>> =
        Default::default();
    for r in answers["log"].as_array().unwrap() {
        by_stream
            .entry((
                r["Partition"].as_str().unwrap().to_string(),
                r["AggregateType"].as_str().unwrap().to_string(),
                r["AggregateId"].as_str().unwrap().to_string(),
            ))
            .or_default()
            .push(r["Message"].as_str().unwrap());
    }
    for ((database, name, id), want) in &by_stream {
        let s = p.store(Some(database), name, id).unwrap();
        s.open(Duration::from_secs(60), Duration::from_secs(5))
            .unwrap();
        let got: Vec<String> = s.get(false).unwrap().iter().map(fingerprint).collect();
        assert_eq!(&got, want, "{database}/{name}/{id}");
        s.close().unwrap();
    }
    let first = |name: &str, query: Query| {
        let got = json!(p
            .query(&query, 100)
            .unwrap()
            .records
            .iter()
            .map(|r| r.position)
            .collect::<Vec<_>>());
        let want: Vec<Value> = answers[name]
            .as_array()
            .unwrap()
            .iter()
            .take(100)
            .cloned()
            .collect();
        assert_eq!(got, json!(want), "{name}");
    };
    first(
        "by_type_deposited",
        Query::ByType {
            event_type: "FundsDeposited".into(),
            event_version: None,
            from_position: 0,
        },
    );
    first(
        "by_type_withdrawn_v2_from_5000",
        Query::ByType {
            event_type: "FundsWithdrawn".into(),
            event_version: Some(2),
            from_position: 5000,
        },
    );
    first(
        "by_correlation",
        Query::ByCorrelation {
            correlation_id: "corr-3-4".into(),
            from_position: 0,
        },
    );
    if let Some(id) = answers["self_correlation_id"].as_str() {
        first(
            "by_self_correlation",
            Query::ByCorrelation {
                correlation_id: id.into(),
                from_position: 0,
            },
        );
    }
}

/// Every read and query of the upgraded store equals the old format's answer; with `full`, every field
/// of every log record, else each record's position, event id and message, and `verify`.
fn assert_same_answers(p: &EventStoreProvider, answers: &Value, full: bool) {
    let log = p.read_log(0, 1_000_000).unwrap();
    let want = answers["log"].as_array().unwrap();
    assert_eq!(log.len(), want.len(), "log length");
    for (r, w) in log.iter().zip(want) {
        if full {
            let mut got = serde_json::to_value(r).unwrap();
            got["Message"] = json!(fingerprint(&r.message));
            assert_eq!(&got, w, "log position {}", r.position);
        } else {
            assert_eq!(Some(r.position), w["Position"].as_u64());
            assert_eq!(Some(r.event_id.as_str()), w["EventId"].as_str());
            assert_eq!(
                Some(fingerprint(&r.message).as_str()),
                w["Message"].as_str()
            );
        }
    }
    let q = |name: &str, query: Query| {
        assert_eq!(positions(p, query), answers[name], "{name}");
    };
    q(
        "log_from_7777",
        Query::Log {
            from_position: 7777,
        },
    );
    q(
        "by_type_deposited",
        Query::ByType {
            event_type: "FundsDeposited".into(),
            event_version: None,
            from_position: 0,
        },
    );
    q(
        "by_type_withdrawn_v2_from_5000",
        Query::ByType {
            event_type: "FundsWithdrawn".into(),
            event_version: Some(2),
            from_position: 5000,
        },
    );
    q(
        "by_correlation",
        Query::ByCorrelation {
            correlation_id: "corr-3-4".into(),
            from_position: 0,
        },
    );
    // From format 3's fixture on: an id that is one event's message id and correlation id, and
    // another event's correlation id (format 4 finds the first through `message_ids`).
    if let Some(id) = answers["self_correlation_id"].as_str() {
        q(
            "by_self_correlation",
            Query::ByCorrelation {
                correlation_id: id.into(),
                from_position: 0,
            },
        );
        assert_eq!(answers["by_self_correlation"].as_array().unwrap().len(), 2);
    }
    let (from, to) = (
        answers["by_time"]["from"].as_i64().unwrap(),
        answers["by_time"]["to"].as_i64().unwrap(),
    );
    assert_eq!(
        positions(p, Query::ByTime { from, to }),
        answers["by_time"]["records"],
        "by_time"
    );
    for (id, want) in answers["streams"].as_object().unwrap() {
        let stream = StreamId::new("EventStores", "BankAccount", id).unwrap();
        assert_eq!(
            positions(
                p,
                Query::StreamSince {
                    stream,
                    since_version: 0
                }
            ),
            *want,
            "stream {id}"
        );
    }
    let tenant = StreamId::new("Tenant-B", "Order", "o-1").unwrap();
    assert_eq!(
        positions(
            p,
            Query::StreamSince {
                stream: tenant,
                since_version: 0
            }
        ),
        answers["tenant"]
    );
    assert_eq!(
        serde_json::to_value(p.get_command("cmd-7-10").unwrap()).unwrap(),
        answers["command"]
    );
    // Through sessions too: reads, snapshots, and the lease the fixture left (acct-00 is held
    // by a session of a process long gone; its lease has long expired).
    let s = p
        .open_store_with(None, "BankAccount", "acct-05", None, Some(Duration::ZERO))
        .unwrap();
    assert_eq!(s.version().unwrap(), 1000);
    assert_eq!(s.snapshot_versions().unwrap(), vec![500]);
    let with_snapshot = s.get(true).unwrap();
    assert!(with_snapshot.starts_with_snapshot());
    assert_eq!(with_snapshot.len(), 501);
    let held = p
        .open_store_with(None, "BankAccount", "acct-00", None, Some(Duration::ZERO))
        .unwrap();
    drop(held);
    if full {
        let report = p.verify().unwrap();
        assert!(report.is_ok(), "{report}");
        assert_eq!(report.events, 20_001);
    }
}

/// The fixture of the format this library writes (made by the last commit before any later
/// format, so that format's upgrade has its starting point ready) opens without an upgrade and
/// gives every answer it gave when it was made: a change that alters how the current format's
/// bytes are read, without a new format number and an upgrade, fails here.
#[test]
fn the_current_formats_fixture_opens_as_it_is_with_every_answer_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let answers = unpack(&dir, lode::FORMAT_VERSION);
    let p = EventStoreProvider::open(&dir, ProviderSettings::default())
        .expect("the current format opens without an upgrade");
    assert_same_answers(&p, &answers, true);
    drop(p);
    let upgraded = lode::upgrade_directory(&dir, &ProviderSettings::default()).unwrap();
    assert_eq!(
        (upgraded.from, upgraded.to),
        (lode::FORMAT_VERSION, lode::FORMAT_VERSION),
        "and an upgrade finds nothing to do"
    );
}

/// Each old format's fixture is refused at open with the call that upgrades it; the upgrade
/// gives a store whose every answer equals the old format's, and which takes appends and
/// queries as any (the new events in the unindexed tail of the log, then indexed).
#[test]
fn older_formats_are_refused_at_open_and_upgraded_with_every_answer_unchanged() {
    for old in OLD_FORMATS {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("store");
        let answers = unpack(&dir, old);
        let e = EventStoreProvider::open(&dir, ProviderSettings::default())
            .err()
            .expect("an older format is refused");
        assert_eq!(e.kind(), ErrorKind::Storage, "{e}");
        assert!(e.to_string().contains("upgrade_directory"), "{e}");
        assert!(e.to_string().contains(&format!("format {old}")), "{e}");
        let upgraded = lode::upgrade_directory(&dir, &ProviderSettings::default()).unwrap();
        assert_eq!(
            (upgraded.from, upgraded.to, upgraded.events),
            (old, lode::FORMAT_VERSION, 20_001)
        );
        let again = lode::upgrade_directory(&dir, &ProviderSettings::default()).unwrap();
        assert_eq!(
            (again.from, again.to),
            (lode::FORMAT_VERSION, lode::FORMAT_VERSION),
            "a second upgrade does nothing"
        );
        let p = EventStoreProvider::open(&dir, ProviderSettings::default()).unwrap();
        assert_same_answers(&p, &answers, true);
        // And it works as a store: append to an upgraded stream (new versions, new positions),
        // query old and new events together, through the tail and once indexed.
        let s = p.open_store("BankAccount", "acct-07").unwrap();
        let lag = u64::from(ProviderSettings::default().index_lag);
        for k in 1..=lag + 1 {
            let m = lode::create_message(&lode::NewMessage::new(
                "FundsDeposited",
                "BankAccount",
                "acct-07",
                json!({"Amount": k}),
            ));
            assert_eq!(s.add(&[m]).unwrap(), 1000 + k);
            let deposits = p
                .events_by_type("FundsDeposited", None, 0, 1_000_000)
                .unwrap();
            assert_eq!(deposits.len() as u64, 10_000 + k, "format {old}");
            assert_eq!(deposits.last().unwrap().position, 20_001 + k);
        }
        let report = p.verify().unwrap();
        assert!(report.is_ok(), "format {old}: {report}");
    }
}

/// A child process that upgrades `dir` ([`upgrade_role`]).
fn spawn_upgrade_child(dir: &Path) -> ChildProc {
    let mut cmd = child_command(
        "an_upgrade_killed_at_any_moment_leaves_the_old_format_intact_or_the_new_one_complete",
        "upgrade",
    );
    cmd.env("LODE_DIR", dir);
    ChildProc::spawn(cmd)
}

/// Runs the upgrade child on `dir` to its end; returns the microseconds from its STARTING line
/// to its UPGRADED line.
fn child_upgrade_micros(dir: &Path, old: u32) -> u64 {
    let mut child = spawn_upgrade_child(dir);
    assert!(
        child.wait_for_line("STARTING", Duration::from_secs(60)),
        "the timing child never started"
    );
    let started = std::time::Instant::now();
    let done = child.wait_for_line(&format!("UPGRADED {old}"), Duration::from_secs(300));
    let took = started.elapsed().as_micros() as u64;
    let (status, lines, err) = child.wait();
    assert!(
        done && status.success(),
        "the timing child's upgrade failed ({status}): {lines:?} {err}"
    );
    took
}

fn upgrade_role(dir: &Path) {
    say("STARTING");
    let upgraded = lode::upgrade_directory(dir, &ProviderSettings::default()).unwrap();
    say(&format!("UPGRADED {}", upgraded.from));
}

/// The upgrade is atomic and crash-safe: a process killed at any moment of it leaves the
/// directory in the old format intact (still refused at open, and upgradable) or in the current
/// format complete, never in between; either way the store answers as the old format did
/// afterwards (every stream byte for byte and the first answers of each query; every answer at
/// every tenth kill). For each old format's fixture.
#[test]
fn an_upgrade_killed_at_any_moment_leaves_the_old_format_intact_or_the_new_one_complete() {
    if child_role().as_deref() == Some("upgrade") {
        upgrade_role(Path::new(&std::env::var("LODE_DIR").unwrap()));
        return;
    }
    for old in OLD_FORMATS {
        upgrade_kills(old);
    }
}

fn upgrade_kills(old: u32) {
    let kills = env_count("LODE_UPGRADE_KILLS", 50);
    let (seed, mut rng) = Rng::from_time();
    let tmp = tempfile::tempdir().unwrap();
    let pristine = tmp.path().join("pristine");
    let answers = unpack(&pristine, old);
    // How long a child's upgrade takes here, from its STARTING line to its UPGRADED line, to
    // spread the kills over it. (Timed in this process instead, it was shorter than a child's:
    // 1,000 kills per format then left 82-98 % of the directories before the commit.)
    let timing = tmp.path().join("timing");
    copy_dir(&pristine, &timing);
    let took = child_upgrade_micros(&timing, old);
    let (mut intact, mut upgraded) = (0, 0);
    for k in 0..kills {
        let dir = tmp.path().join(format!("kill-{k}"));
        copy_dir(&pristine, &dir);
        let mut child = spawn_upgrade_child(&dir);
        if !child.wait_for_line("STARTING", Duration::from_secs(60)) {
            let (status, lines, err) = child.wait();
            panic!("kill {k}: the child never started ({status}): {lines:?} {err}");
        }
        std::thread::sleep(Duration::from_micros(rng.range(0, took * 3 / 2)));
        let (lines, _) = child.kill();
        let completed = lines.iter().any(|l| l.starts_with("UPGRADED"));
        match EventStoreProvider::open(&dir, ProviderSettings::default()) {
            Ok(p) => {
                upgraded += 1;
                if k % 10 == 0 {
                    assert_same_answers(&p, &answers, false);
                } else {
                    assert_same_streams_and_first_answers(&p, &answers);
                }
            }
            Err(e) => {
                assert!(!completed, "kill {k}: the upgrade said it finished: {e}");
                assert!(
                    e.to_string().contains(&format!("format {old}")),
                    "kill {k} (seed {seed}): neither format {old} nor the new one: {e}"
                );
                intact += 1;
                // The old format is intact: upgrading it now gives every answer.
                lode::upgrade_directory(&dir, &ProviderSettings::default()).unwrap();
                let p = EventStoreProvider::open(&dir, ProviderSettings::default()).unwrap();
                assert_same_streams_and_first_answers(&p, &answers);
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    println!(
        "format-{old} upgrade kills: {kills} (seed {seed}; a child's upgrade takes {took} µs here): \
         {intact} left format {old} intact, {upgraded} format {} complete",
        lode::FORMAT_VERSION
    );
    assert_eq!(intact + upgraded, kills);
}
