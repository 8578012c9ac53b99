//! The upgrade from on-disk format 1 to format 2 (docs/storage-layout.md, "Upgrade").
//!
//! The fixture `tests/fixtures/format1.tar.gz` is a store written by the last library that wrote
//! format 1 (20,001 events in 21 streams of two partitions, two types in two versions, shared
//! correlation ids, commands, snapshots, a lease, an event in overflow pages), with the answers
//! format 1 gave (`answers.json`, made by `tests/fixtures/make_format1.rs`).
//!
//! Environment (long runs): `LODE_UPGRADE_KILLS` (default 50) kills of an upgrading process.

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

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/format1.tar.gz")
}

/// Unpacks the fixture into `dir` (created); returns the answers of format 1.
fn unpack(dir: &Path) -> Value {
    std::fs::create_dir_all(dir).unwrap();
    let status = std::process::Command::new("tar")
        .arg("-xzf")
        .arg(fixture())
        .arg("-C")
        .arg(dir)
        .status()
        .unwrap();
    assert!(status.success(), "tar -xzf {}", fixture().display());
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
/// format 1's log), and the first 100 answers of each query.
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
}

/// Every read and query of the upgraded store equals format 1's answer; with `full`, every field
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

/// The format-1 fixture is refused at open with the call that upgrades it; the upgrade gives a
/// store whose every answer equals format 1's, and which takes appends and queries as any.
#[test]
fn format_1_is_refused_at_open_and_upgraded_with_every_answer_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let answers = unpack(&dir);
    let e = EventStoreProvider::open(&dir, ProviderSettings::default())
        .err()
        .expect("format 1 is refused");
    assert_eq!(e.kind(), ErrorKind::Storage, "{e}");
    assert!(e.to_string().contains("upgrade_directory"), "{e}");
    let upgraded = lode::upgrade_directory(&dir, &ProviderSettings::default()).unwrap();
    assert_eq!(
        (upgraded.from, upgraded.to, upgraded.events),
        (1, 2, 20_001)
    );
    let again = lode::upgrade_directory(&dir, &ProviderSettings::default()).unwrap();
    assert_eq!(
        (again.from, again.to),
        (2, 2),
        "a second upgrade does nothing"
    );
    let p = EventStoreProvider::open(&dir, ProviderSettings::default()).unwrap();
    assert_same_answers(&p, &answers, true);
    // And it works as a store: append to an upgraded stream (new versions, new positions),
    // query old and new events together.
    let s = p.open_store("BankAccount", "acct-07").unwrap();
    let m = lode::create_message(&lode::NewMessage::new(
        "FundsDeposited",
        "BankAccount",
        "acct-07",
        json!({"Amount": 1}),
    ));
    assert_eq!(s.add(&[m]).unwrap(), 1001);
    let deposits = p
        .events_by_type("FundsDeposited", None, 0, 1_000_000)
        .unwrap();
    assert_eq!(deposits.len(), 10_001);
    assert_eq!(deposits.last().unwrap().position, 20_002);
    assert!(p.verify().unwrap().is_ok());
}

fn upgrade_role(dir: &Path) {
    say("STARTING");
    let upgraded = lode::upgrade_directory(dir, &ProviderSettings::default()).unwrap();
    say(&format!("UPGRADED {}", upgraded.from));
}

/// The upgrade is atomic and crash-safe: a process killed at any moment of it leaves the
/// directory in format 1 intact (still refused at open, and upgradable) or in format 2
/// complete, never in between; either way the store answers as format 1 did afterwards (every
/// stream byte for byte and the first answers of each query; every answer at every tenth kill).
#[test]
fn an_upgrade_killed_at_any_moment_leaves_format_1_intact_or_format_2_complete() {
    if child_role().as_deref() == Some("upgrade") {
        upgrade_role(Path::new(&std::env::var("LODE_DIR").unwrap()));
        return;
    }
    let kills = env_count("LODE_UPGRADE_KILLS", 50);
    let (seed, mut rng) = Rng::from_time();
    let tmp = tempfile::tempdir().unwrap();
    let pristine = tmp.path().join("pristine");
    let answers = unpack(&pristine);
    // How long an upgrade takes here, to spread the kills over it.
    let timing = tmp.path().join("timing");
    copy_dir(&pristine, &timing);
    let started = std::time::Instant::now();
    lode::upgrade_directory(&timing, &ProviderSettings::default()).unwrap();
    let took = started.elapsed().as_micros() as u64;
    let (mut format1, mut format2) = (0, 0);
    for k in 0..kills {
        let dir = tmp.path().join(format!("kill-{k}"));
        copy_dir(&pristine, &dir);
        let mut cmd = child_command(
            "an_upgrade_killed_at_any_moment_leaves_format_1_intact_or_format_2_complete",
            "upgrade",
        );
        cmd.env("LODE_DIR", &dir);
        let mut child = ChildProc::spawn(cmd);
        if !child.wait_for_line("STARTING", Duration::from_secs(60)) {
            let (status, lines, err) = child.wait();
            panic!("kill {k}: the child never started ({status}): {lines:?} {err}");
        }
        std::thread::sleep(Duration::from_micros(rng.range(0, took * 3 / 2)));
        let (lines, _) = child.kill();
        let completed = lines.iter().any(|l| l.starts_with("UPGRADED"));
        match EventStoreProvider::open(&dir, ProviderSettings::default()) {
            Ok(p) => {
                format2 += 1;
                if k % 10 == 0 {
                    assert_same_answers(&p, &answers, false);
                } else {
                    assert_same_streams_and_first_answers(&p, &answers);
                }
            }
            Err(e) => {
                assert!(!completed, "kill {k}: the upgrade said it finished: {e}");
                assert!(
                    e.to_string().contains("format 1"),
                    "kill {k} (seed {seed}): neither format 1 nor 2: {e}"
                );
                format1 += 1;
                // Format 1 is intact: upgrading it now gives every answer.
                lode::upgrade_directory(&dir, &ProviderSettings::default()).unwrap();
                let p = EventStoreProvider::open(&dir, ProviderSettings::default()).unwrap();
                assert_same_streams_and_first_answers(&p, &answers);
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    println!(
        "upgrade kills: {kills} (seed {seed}; an upgrade takes {took} µs here): {format1} left \
         format 1 intact, {format2} format 2 complete"
    );
    assert_eq!(format1 + format2, kills);
}
