//! Concurrency (reliability.md R-CONC-1, R-CONC-2).
//!
//! Environment (long runs):
//! - `LODE_OPS` (default 250): operations per thread in R-CONC-1 (4 processes × 4 threads).
//!   Long run: `LODE_OPS=1000`.
//! - `LODE_PROPTEST_CASES` (default 48): random sequences R-CONC-2 runs; each sequence has up to
//!   `LODE_PROPTEST_LEN` (default 80) operations. Long run: `LODE_PROPTEST_CASES=2000`.
//! - `LODE_SEED`: replays R-CONC-1's random choices (the seed is printed).
//!
//! Run: `CARGO_TARGET_DIR=target/rel cargo test --test reliability_concurrency -- --nocapture`

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use common::Rng;
use common::*;
use lode::{Durability, Error, ErrorKind, EventStore, EventStoreProvider, ProviderSettings};
use proptest::prelude::*;

const SHARED: [&str; 3] = ["a", "b", "c"];
const PROCS: usize = 4;
const THREADS: usize = 4;

fn conc_settings() -> ProviderSettings {
    ProviderSettings {
        // This test is about interleavings, not about the disk: a process crash loses nothing
        // in any durability mode, and fsyncs would only slow the interleavings down.
        durability: Durability::NoSync,
        ..ProviderSettings::default()
    }
}

fn is_lease_error(k: ErrorKind) -> bool {
    matches!(
        k,
        ErrorKind::OpenStoreFailed | ErrorKind::SessionExpired | ErrorKind::InvalidSession
    )
}

/// One worker thread of R-CONC-1. Reports `ACK <stream> <first> <last> <id,id,..>` for each
/// acknowledged append and `BAD <what>` for anything outside the contract.
fn conc_thread(
    p: EventStoreProvider,
    proc_no: usize,
    thread_no: usize,
    ops: u64,
    seed: u64,
) -> [u64; 4] {
    let mut rng = Rng::new(seed);
    let mut n = 0u64;
    let mut known: HashMap<&str, u64> = HashMap::new();
    // [appends acknowledged, version mismatches, lease errors, other ops]
    let mut stats = [0u64; 4];
    let mut done = 0u64;
    let bad = |what: String| say(&format!("BAD p{proc_no}t{thread_no}: {what}"));
    while done < ops {
        let s = SHARED[rng.range(0, 2) as usize];
        // A version read without a session: possibly stale by the time we append with it.
        let hint = *known.get(s).unwrap_or(&0);
        let stale = match p.stream_events_since(None, "Shared", s, hint, 1_000_000) {
            Ok(r) => r.last().map(|r| r.aggregate_version).unwrap_or(hint),
            Err(e) => {
                bad(format!("stream_events_since: {e}"));
                hint
            }
        };
        known.insert(s, stale);
        let short = rng.chance(10);
        let session = if short {
            Duration::from_millis(30)
        } else {
            Duration::from_secs(5)
        };
        let open_timeout = Duration::from_millis(rng.range(0, 60));
        done += 1;
        let store: EventStore =
            match p.open_store_with(None, "Shared", s, Some(session), Some(open_timeout)) {
                Ok(st) => st,
                Err(e) if e.kind() == ErrorKind::OpenStoreFailed => {
                    stats[2] += 1;
                    continue;
                }
                Err(e) => {
                    bad(format!("open: {e}"));
                    continue;
                }
            };
        let mut expected = stale;
        for _ in 0..rng.range(1, 4) {
            if done >= ops {
                break;
            }
            done += 1;
            if short && rng.chance(30) {
                // Let the short lease lapse: the next call must see a lease error, never act.
                std::thread::sleep(Duration::from_millis(40));
            }
            match rng.range(0, 9) {
                0..=4 => {
                    // Append: with the (possibly stale) expected version, or without.
                    let with_seq = rng.chance(50);
                    let size = rng.range(1, 3);
                    let ids: Vec<String> = (0..size)
                        .map(|k| {
                            n += 1;
                            format!("p{proc_no}t{thread_no}n{n}k{k}")
                        })
                        .collect();
                    let msgs: Vec<Vec<u8>> = ids
                        .iter()
                        .enumerate()
                        .map(|(k, id)| {
                            let seq = with_seq.then(|| (expected + k as u64 + 1) as i64);
                            event_json(id, "Shared", "c", seq, &format!("\"Id\":\"{id}\""))
                        })
                        .collect();
                    match store.add(&msgs) {
                        Ok(v) => {
                            if with_seq && v != expected + size {
                                bad(format!("append with expected {expected} gave version {v}"));
                            }
                            stats[0] += 1;
                            expected = v;
                            known.insert(s, v);
                            say(&format!("ACK {s} {} {v} {}", v + 1 - size, ids.join(",")));
                        }
                        Err(Error::VersionMismatch {
                            expected_version, ..
                        }) if with_seq => {
                            stats[1] += 1;
                            if expected_version == expected + 1 {
                                bad(format!(
                                    "VersionMismatch but the version was right ({expected})"
                                ));
                            }
                            // Learn the real version, as a client would.
                            expected = expected_version - 1;
                        }
                        Err(e) if is_lease_error(e.kind()) => stats[2] += 1,
                        Err(e) => bad(format!("append: {e}")),
                    }
                }
                5..=6 => {
                    let r = if rng.chance(50) {
                        store.get(true).map(|m| m.len())
                    } else {
                        store
                            .get_slice(rng.range(1, 20), rng.range(1, 40))
                            .map(|m| m.len())
                    };
                    match r {
                        Ok(_) => stats[3] += 1,
                        Err(e) if is_lease_error(e.kind()) => stats[2] += 1,
                        Err(e) => bad(format!("read: {e}")),
                    }
                }
                7 => match store.version() {
                    Ok(v) => {
                        expected = v;
                        stats[3] += 1;
                    }
                    Err(e) if is_lease_error(e.kind()) => stats[2] += 1,
                    Err(e) => bad(format!("version: {e}")),
                },
                _ => {
                    let r = store.version().and_then(|v| {
                        if v > 0 {
                            store.snapshot(
                                v,
                                &snapshot_json(&format!("p{proc_no}t{thread_no}v{v}")),
                            )?;
                            let m = store.get(true)?;
                            if !m.starts_with_snapshot() || m.version(0) != Some(v) {
                                bad(format!("snapshot at {v} is not read first"));
                            }
                        }
                        Ok(())
                    });
                    match r {
                        Ok(()) => stats[3] += 1,
                        Err(e) if is_lease_error(e.kind()) => stats[2] += 1,
                        Err(e) => bad(format!("snapshot: {e}")),
                    }
                }
            }
        }
        if let Err(e) = store.close() {
            bad(format!("close: {e}"));
        }
    }
    stats
}

fn conc_child() {
    let dir = std::env::var("LODE_DIR").unwrap();
    let proc_no: usize = std::env::var("LODE_PROC").unwrap().parse().unwrap();
    let seed: u64 = std::env::var("LODE_CHILD_SEED").unwrap().parse().unwrap();
    let ops = env_count("LODE_OPS", 250);
    let p = EventStoreProvider::open(&dir, conc_settings()).unwrap();
    say("READY");
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let p = p.clone();
            std::thread::spawn(move || {
                conc_thread(p, proc_no, t, ops, seed ^ ((t as u64 + 1) * 7919))
            })
        })
        .collect();
    let mut total = [0u64; 4];
    for h in handles {
        let s = h.join().expect("worker thread");
        for i in 0..4 {
            total[i] += s[i];
        }
    }
    say(&format!(
        "STATS {} {} {} {}",
        total[0], total[1], total[2], total[3]
    ));
}

#[test]
fn r_conc_1_processes_and_threads_never_corrupt_or_merge() {
    if child_role().as_deref() == Some("conc1") {
        conc_child();
        return;
    }
    let (seed, mut rng) = Rng::from_time();
    let ops = env_count("LODE_OPS", 250);
    println!("R-CONC-1: {PROCS} processes × {THREADS} threads × {ops} ops, seed {seed}");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    // Create the directory first so the children race on streams, not on creating files.
    drop(EventStoreProvider::open(&dir, conc_settings()).unwrap());
    let started = Instant::now();
    let children: Vec<ChildProc> = (0..PROCS)
        .map(|i| {
            let mut c = child_command(
                "r_conc_1_processes_and_threads_never_corrupt_or_merge",
                "conc1",
            );
            c.env("LODE_DIR", &dir)
                .env("LODE_PROC", i.to_string())
                .env("LODE_CHILD_SEED", rng.next().to_string());
            ChildProc::spawn(c)
        })
        .collect();
    let mut acks: Vec<(String, u64, u64, Vec<String>)> = Vec::new();
    let mut stats = [0u64; 4];
    let mut bad = Vec::new();
    for (i, c) in children.into_iter().enumerate() {
        let (status, lines, err) = c.wait();
        assert!(status.success(), "child {i} failed ({status}): {err}");
        for l in lines {
            let f: Vec<&str> = l.splitn(5, ' ').collect();
            match f[0] {
                "ACK" => acks.push((
                    f[1].to_string(),
                    f[2].parse().unwrap(),
                    f[3].parse().unwrap(),
                    f[4].split(',').map(str::to_string).collect(),
                )),
                "STATS" => {
                    for k in 0..4 {
                        stats[k] += f[k + 1].parse::<u64>().unwrap();
                    }
                }
                "BAD" => bad.push(l.clone()),
                _ => {}
            }
        }
    }
    println!(
        "R-CONC-1: {} appends acknowledged, {} version mismatches, {} lease errors, {} other ops, in {:?}",
        stats[0],
        stats[1],
        stats[2],
        stats[3],
        started.elapsed()
    );
    assert!(bad.is_empty(), "contract violations:\n{}", bad.join("\n"));
    assert_eq!(stats[0] as usize, acks.len());

    // Zero corruption: gap-free streams, SequenceNumber = version, ids unique, and exactly the
    // acknowledged events (no kill here: every unacknowledged append reported an error, so
    // none of its events may be present).
    let p = EventStoreProvider::open(&dir, conc_settings()).unwrap();
    let mut at: HashMap<String, (String, u64)> = HashMap::new();
    let mut total = 0;
    for s in SHARED {
        let store = p
            .open_store_with(None, "Shared", s, None, Some(Duration::from_secs(10)))
            .unwrap();
        let all = store.get(false).unwrap();
        for i in 0..all.len() {
            let v = all.parse(i).unwrap();
            assert_eq!(all.version(i), Some(i as u64 + 1));
            assert_eq!(seq_of(&v), i as i64 + 1, "{s}: SequenceNumber at {}", i + 1);
            let id = v["Metadata"]["Message"]["Id"].as_str().unwrap().to_string();
            assert!(
                at.insert(id.clone(), (s.to_string(), i as u64 + 1))
                    .is_none(),
                "{id} stored twice"
            );
        }
        total += all.len();
    }
    let mut acked_ids = HashSet::new();
    for (s, first, last, ids) in &acks {
        assert_eq!(ids.len() as u64, last - first + 1);
        for (k, id) in ids.iter().enumerate() {
            assert_eq!(
                at.get(id),
                Some(&(s.clone(), first + k as u64)),
                "acknowledged {id} is not at {s} v{}",
                first + k as u64
            );
            acked_ids.insert(id.clone());
        }
    }
    assert_eq!(
        acked_ids.len(),
        total,
        "events present that were never acknowledged"
    );
    // Every invariant of the store (lode::verify): gap-free streams, the log 1..M over every
    // event once, the indexes and command records agreeing with the streams.
    let report = p.verify().unwrap();
    assert!(report.is_ok(), "{report}");
    // Proved by the digest check (no memory per event), with the exact check's counts.
    assert_eq!(p.verify_by_digest().unwrap().as_ref(), Some(&report));
    assert_eq!(p.verify_exact().unwrap(), report);
    assert_eq!(report.events as usize, total);
    assert_eq!(report.log_entries as usize, total);
    let log = p.read_log(1, lode::limits::MAX_QUERY_RECORDS).unwrap();
    for r in &log {
        assert_eq!(
            at.get(&r.event_id),
            Some(&(r.aggregate_id.clone(), r.aggregate_version))
        );
    }
    println!("R-CONC-1: {total} events checked, zero corruption ({report})");
}

// ---------------------------------------------------------------------------------------------
// R-CONC-2: the store against an in-memory model.

#[derive(Debug, Clone)]
enum IdPick {
    Fresh,
    Reuse(usize),
    SameAsPrevious,
}

#[derive(Debug, Clone)]
enum SeqPick {
    Absent,
    Correct,
    Off(i64),
}

#[derive(Debug, Clone)]
enum Op {
    Add(Vec<(IdPick, SeqPick)>),
    RetryLast,
    Get(bool),
    GetTo(u64, bool),
    Slice(u64, u64),
    Version,
    Snapshot(u64),
    ClearSnapshot(u64),
    ClearSnapshots,
    SnapshotVersions,
    LastSnapshotVersion,
}

fn op_strategy() -> impl Strategy<Value = Op> {
    let id = prop_oneof![
        6 => Just(IdPick::Fresh),
        2 => (0usize..1000).prop_map(IdPick::Reuse),
        1 => Just(IdPick::SameAsPrevious),
    ];
    let seq = prop_oneof![
        4 => Just(SeqPick::Absent),
        4 => Just(SeqPick::Correct),
        1 => prop_oneof![(-3i64..=-1), (1i64..=3)].prop_map(SeqPick::Off),
    ];
    let v = 0u64..40;
    prop_oneof![
        8 => proptest::collection::vec((id, seq), 0..6).prop_map(Op::Add),
        2 => Just(Op::RetryLast),
        1 => any::<bool>().prop_map(Op::Get),
        1 => (v.clone(), any::<bool>()).prop_map(|(v, s)| Op::GetTo(v, s)),
        2 => (0u64..45, 0u64..45).prop_map(|(a, b)| Op::Slice(a, b)),
        1 => Just(Op::Version),
        2 => v.clone().prop_map(Op::Snapshot),
        1 => v.prop_map(Op::ClearSnapshot),
        1 => Just(Op::ClearSnapshots),
        1 => Just(Op::SnapshotVersions),
        1 => Just(Op::LastSnapshotVersion),
    ]
}

/// What a read gives: (version, id or snapshot tag, is snapshot).
type Read = Vec<(u64, String, bool)>;

#[derive(Debug, PartialEq)]
enum Out {
    Version(u64),
    Read(Read),
    Versions(Vec<u64>),
    Unit,
    Err(ErrorKind),
}

#[derive(Default)]
struct Model {
    events: Vec<String>,
    ids: HashMap<String, u64>,
    snapshots: BTreeMap<u64, String>,
    exists: bool,
}

impl Model {
    fn current(&self) -> u64 {
        self.events.len() as u64
    }

    fn add(&mut self, batch: &[(String, Option<i64>)]) -> Out {
        let current = self.current();
        if batch.is_empty() {
            return Out::Version(current);
        }
        let stored: Vec<Option<u64>> = batch
            .iter()
            .map(|(id, _)| self.ids.get(id).copied())
            .collect();
        if stored.iter().any(Option::is_some) {
            let first = stored[0];
            let retry = first.is_some()
                && stored.iter().enumerate().all(|(k, v)| {
                    *v == first.map(|f| f + k as u64)
                        && batch[k].1.is_none_or(|s| Some(s) == v.map(|v| v as i64))
                });
            return if retry {
                Out::Version(stored.last().unwrap().unwrap())
            } else {
                Out::Err(ErrorKind::DuplicateIdempotencyId)
            };
        }
        let mut seen = HashSet::new();
        if !batch.iter().all(|(id, _)| seen.insert(id)) {
            return Out::Err(ErrorKind::DuplicateIdempotencyId);
        }
        for (k, (_, seq)) in batch.iter().enumerate() {
            if let Some(s) = seq {
                if *s != (current + k as u64 + 1) as i64 {
                    return Out::Err(ErrorKind::VersionMismatch);
                }
            }
        }
        for (id, _) in batch {
            self.events.push(id.clone());
            self.ids.insert(id.clone(), self.current());
        }
        self.exists = true;
        Out::Version(self.current())
    }

    fn read(&self, upto: u64, use_snapshot: bool) -> Read {
        let mut out = Vec::new();
        let mut first = 1;
        if use_snapshot {
            if let Some((v, tag)) = self.snapshots.range(..=upto).next_back() {
                out.push((*v, tag.clone(), true));
                first = v + 1;
            }
        }
        for v in first..=upto {
            out.push((v, self.events[v as usize - 1].clone(), false));
        }
        out
    }
}

fn read_out(r: lode::Result<lode::Messages>) -> Out {
    match r {
        Ok(m) => {
            let mut out = Vec::new();
            for i in 0..m.len() {
                let v = m.parse(i).unwrap();
                let snap = i == 0 && m.starts_with_snapshot();
                let name = if snap {
                    v["Event"]["Tag"].as_str().unwrap().to_string()
                } else {
                    // The stored SequenceNumber must be the version it is read at.
                    assert_eq!(seq_of(&v), m.version(i).unwrap() as i64);
                    v["Metadata"]["Message"]["Id"].as_str().unwrap().to_string()
                };
                out.push((m.version(i).unwrap(), name, snap));
            }
            Out::Read(out)
        }
        Err(e) => Out::Err(e.kind()),
    }
}

fn unit(r: lode::Result<()>) -> Out {
    r.map(|()| Out::Unit).unwrap_or_else(|e| Out::Err(e.kind()))
}

fn run_against_model(ops: &[Op]) -> std::result::Result<(), TestCaseError> {
    let tmp = tempfile::tempdir().unwrap();
    let settings = ProviderSettings {
        durability: Durability::NoSync,
        ..ProviderSettings::default()
    };
    let p = EventStoreProvider::open(tmp.path().join("s"), settings).unwrap();
    let store = p.open_store("Model", "1").unwrap();
    let mut m = Model::default();
    let mut used: Vec<String> = Vec::new();
    let mut last_ok: Option<Vec<(String, Option<i64>)>> = None;
    let mut fresh = 0;
    let mut tags = 0;
    for (step, op) in ops.iter().enumerate() {
        let (got, want) = match op {
            Op::Add(picks) => {
                let current = m.current();
                let mut batch: Vec<(String, Option<i64>)> = Vec::new();
                for (k, (id, seq)) in picks.iter().enumerate() {
                    let id = match id {
                        IdPick::Reuse(i) if !used.is_empty() => used[i % used.len()].clone(),
                        IdPick::SameAsPrevious if k > 0 => batch[k - 1].0.clone(),
                        _ => {
                            fresh += 1;
                            format!("e{fresh}")
                        }
                    };
                    let receives = (current + k as u64 + 1) as i64;
                    let seq = match seq {
                        SeqPick::Absent => None,
                        SeqPick::Correct => Some(receives),
                        SeqPick::Off(d) => Some(receives + d),
                    };
                    batch.push((id, seq));
                }
                for (id, _) in &batch {
                    used.push(id.clone());
                }
                let msgs: Vec<Vec<u8>> = batch
                    .iter()
                    .map(|(id, seq)| event_json(id, "T", "c", *seq, ""))
                    .collect();
                let got = store
                    .add(&msgs)
                    .map(Out::Version)
                    .unwrap_or_else(|e| Out::Err(e.kind()));
                let want = m.add(&batch);
                if matches!(want, Out::Version(_)) && !batch.is_empty() {
                    last_ok = Some(batch);
                }
                (got, want)
            }
            Op::RetryLast => {
                let Some(batch) = last_ok.clone() else {
                    continue;
                };
                let msgs: Vec<Vec<u8>> = batch
                    .iter()
                    .map(|(id, seq)| event_json(id, "T", "c", *seq, ""))
                    .collect();
                let got = store
                    .add(&msgs)
                    .map(Out::Version)
                    .unwrap_or_else(|e| Out::Err(e.kind()));
                (got, m.add(&batch))
            }
            Op::Get(s) => (read_out(store.get(*s)), Out::Read(m.read(m.current(), *s))),
            Op::GetTo(v, s) => (
                read_out(store.get_to(*v, *s)),
                if *v > m.current() {
                    Out::Err(ErrorKind::StreamVersionNotFound)
                } else {
                    Out::Read(m.read(*v, *s))
                },
            ),
            Op::Slice(a, b) => (
                read_out(store.get_slice(*a, *b)),
                if *a < 1 {
                    Out::Err(ErrorKind::InvalidArgument)
                } else {
                    Out::Read(
                        m.read(m.current(), false)
                            .into_iter()
                            .filter(|(v, _, _)| v >= a && v <= b)
                            .collect(),
                    )
                },
            ),
            Op::Version => (
                store
                    .version()
                    .map(Out::Version)
                    .unwrap_or_else(|e| Out::Err(e.kind())),
                Out::Version(m.current()),
            ),
            Op::Snapshot(v) => {
                tags += 1;
                let tag = format!("t{tags}");
                let got = unit(store.snapshot(*v, &snapshot_json(&tag)));
                let want = if *v >= 1 && *v <= m.current() {
                    m.snapshots.insert(*v, tag);
                    Out::Unit
                } else {
                    Out::Err(ErrorKind::StreamVersionNotFound)
                };
                (got, want)
            }
            Op::ClearSnapshot(v) => (
                unit(store.clear_snapshot(*v)),
                if m.snapshots.remove(v).is_some() {
                    Out::Unit
                } else {
                    Out::Err(ErrorKind::SnapshotVersionNotFound)
                },
            ),
            Op::ClearSnapshots => {
                m.snapshots.clear();
                (unit(store.clear_snapshots()), Out::Unit)
            }
            Op::SnapshotVersions => (
                store
                    .snapshot_versions()
                    .map(Out::Versions)
                    .unwrap_or_else(|e| Out::Err(e.kind())),
                Out::Versions(m.snapshots.keys().copied().collect()),
            ),
            Op::LastSnapshotVersion => (
                store
                    .last_snapshot_version()
                    .map(Out::Version)
                    .unwrap_or_else(|e| Out::Err(e.kind())),
                Out::Version(m.snapshots.keys().next_back().copied().unwrap_or(0)),
            ),
        };
        prop_assert_eq!(got, want, "divergence at step {} ({:?})", step, op);
    }
    let _ = m.exists;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: env_count("LODE_PROPTEST_CASES", 48) as u32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn r_conc_2_store_matches_the_model(
        ops in proptest::collection::vec(op_strategy(), 1..=env_count("LODE_PROPTEST_LEN", 80) as usize)
    ) {
        run_against_model(&ops)?;
    }
}
