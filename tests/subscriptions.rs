//! Live subscriptions and checkpoints (docs/subscriptions.md, S-SUB-* and S-CP-*), through the
//! Rust API. Children are real processes (the test binary re-run in a role, `tests/common`).
//!
//! Long runs: `LODE_SUB_HISTORY` (events of history before the hand-over race, default
//! 100,000), `LODE_SUB_LIVE` (events the subscriber must see live before the writers stop,
//! default 1,000), `LODE_SUB_KILLS` (kills of the projecting child, default 12),
//! `LODE_SUB_ITERATIONS` (subscriptions of the resource loop, default 10,000), `LODE_SUB_FORKS`
//! (rounds of each fork() test, default 5).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;
use lode::{
    Durability, ErrorKind, EventStoreProvider, LogRecord, ProviderSettings, StreamId, Subscription,
    SubscriptionFilter, SubscriptionStart,
};

fn fast() -> ProviderSettings {
    ProviderSettings {
        durability: Durability::NoSync,
        ..ProviderSettings::default()
    }
}

fn open(dir: &Path) -> EventStoreProvider {
    EventStoreProvider::open(dir, fast()).unwrap()
}

/// An event of `event_type` (event version `version`) with correlation id `corr` ("" for none).
fn ev(id: &str, event_type: &str, version: u32, corr: &str) -> Vec<u8> {
    let corr = if corr.is_empty() {
        String::new()
    } else {
        format!(r#""CorrelationId":"{corr}","#)
    };
    format!(
        r#"{{"Event":{{"$type":"{event_type}","N":"{id}"}},"Metadata":{{"Message":{{"Id":"{id}","Name":"{event_type}","Version":{version},"Domain":{{"Id":"1","Name":"T"}}}},"Context":{{{corr}"UserId":"u"}}}}}}"#
    )
    .into_bytes()
}

fn simple(id: &str) -> Vec<u8> {
    ev(id, "Happened", 1, "")
}

fn positions(records: &[LogRecord]) -> Vec<u64> {
    records.iter().map(|r| r.position).collect()
}

/// Everything the subscription has until it is caught up (pages read without waiting).
fn drain(s: &Subscription) -> Vec<LogRecord> {
    let mut out = Vec::new();
    loop {
        let page = s.next_page(Duration::ZERO).unwrap();
        if page.records.is_empty() {
            return out;
        }
        assert!(page.records.len() <= s.page_size());
        assert!(page.position >= page.records.last().unwrap().position);
        out.extend(page.records);
    }
}

/// Runs `body` on its own thread; its result, or `None` if it has not finished within `secs`
/// (a hang: the thing under test blocked).
fn within<T: Send + 'static>(secs: u64, body: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(body());
    });
    rx.recv_timeout(Duration::from_secs(secs)).ok()
}

fn wait_for_file(path: &Path) {
    while !path.exists() {
        std::thread::sleep(Duration::from_millis(1));
    }
}

// -- S-SUB-1, S-SUB-2: catch-up then live, across processes, racing the hand-over --------------

/// Child: appends batches of 1..=4 events to its own stream from when `go` exists until `stop`
/// exists, then prints how many it appended.
fn writer_role(dir: &Path, k: u64) {
    let p = open(dir);
    let s = p.open_store("Writer", &k.to_string()).unwrap();
    say("READY");
    wait_for_file(&dir.join("go"));
    let mut rng = Rng::new(k + 1);
    let mut n = 0u64;
    while !dir.join("stop").exists() {
        let size = rng.range(1, 4);
        let batch: Vec<Vec<u8>> = (0..size)
            .map(|i| simple(&format!("w{k}-{}", n + i)))
            .collect();
        s.add(&batch).unwrap();
        n += size;
        // Paced (about 4 × 700 events/s) so a debug build's subscriber catches up within
        // seconds while the four of them keep appending through the hand-over.
        std::thread::sleep(Duration::from_micros(rng.range(1000, 6000)));
    }
    s.close().unwrap();
    say(&format!("APPENDED {n}"));
}

#[test]
fn s_sub_2_catch_up_over_history_then_live_from_4_processes_sees_each_position_once() {
    const TEST: &str =
        "s_sub_2_catch_up_over_history_then_live_from_4_processes_sees_each_position_once";
    if let Some(role) = child_role() {
        let k: u64 = role.strip_prefix("writer-").unwrap().parse().unwrap();
        writer_role(Path::new(&std::env::var("LODE_SUB_DIR").unwrap()), k);
        return;
    }
    let history = env_count("LODE_SUB_HISTORY", 100_000);
    let live_wanted = env_count("LODE_SUB_LIVE", 1_000);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let p = open(&dir);
    // The history: batches of 1,000 over 10 streams.
    let started = Instant::now();
    let mut n = 0;
    while n < history {
        let size = 1000.min(history - n);
        let s = p
            .store(None, "History", &(n / 1000 % 10).to_string())
            .unwrap();
        s.open(Duration::from_secs(60), Duration::ZERO).unwrap();
        let batch: Vec<Vec<u8>> = (n..n + size).map(|i| simple(&format!("h{i}"))).collect();
        s.add(&batch).unwrap();
        s.close().unwrap();
        n += size;
    }
    println!(
        "history of {history} events written in {:?}",
        started.elapsed()
    );
    let mut writers: Vec<ChildProc> = (0..4)
        .map(|k| {
            let mut c = child_command(TEST, &format!("writer-{k}"));
            c.env("LODE_SUB_DIR", &dir);
            ChildProc::spawn(c)
        })
        .collect();
    for w in &mut writers {
        assert!(w.wait_for_line("READY", Duration::from_secs(60)));
    }
    std::fs::write(dir.join("go"), b"").unwrap();
    // The catch-up starts once the writers are appending, so history and live events race.
    assert!(p
        .wait_for_position(history + 1, Duration::from_secs(60))
        .unwrap());
    let sub = p
        .subscribe(SubscriptionStart::After(0), SubscriptionFilter::all(), 256)
        .unwrap();
    let mut seen: Vec<u64> = Vec::with_capacity(history as usize + 20_000);
    let mut caught_up_at = None;
    let mut live = 0u64;
    let deadline = Instant::now() + Duration::from_secs(600); // a hang guard, not a timing
    while live < live_wanted {
        assert!(
            Instant::now() < deadline,
            "the subscriber stopped receiving"
        );
        let page = sub.next_page(Duration::ZERO).unwrap();
        if !page.records.is_empty() {
            seen.extend(positions(&page.records));
            if caught_up_at.is_some() {
                live += page.records.len() as u64;
            }
            continue;
        }
        caught_up_at.get_or_insert(page.position);
        // Caught up: the next records come live, woken by the other processes' commits.
        let page = sub.next_page(Duration::from_secs(60)).unwrap();
        live += page.records.len() as u64;
        seen.extend(positions(&page.records));
    }
    std::fs::write(dir.join("stop"), b"").unwrap();
    let mut appended = 0;
    for w in writers {
        let (status, lines, err) = w.wait();
        assert!(status.success(), "a writer failed: {lines:?} {err}");
        let line = lines.iter().find(|l| l.starts_with("APPENDED ")).unwrap();
        appended += line["APPENDED ".len()..].parse::<u64>().unwrap();
    }
    let head = p.head_position().unwrap();
    assert_eq!(head, history + appended);
    while sub.position() < head {
        let page = sub.next_page(Duration::from_secs(60)).unwrap();
        seen.extend(positions(&page.records));
    }
    let caught_up_at = caught_up_at.unwrap();
    println!(
        "S-SUB-2: {head} positions delivered; caught up first at {caught_up_at} (history {history}); \
         {live} live before the writers stopped"
    );
    assert!(
        caught_up_at > history,
        "the writers' events raced the catch-up"
    );
    assert_eq!(seen.len() as u64, head, "a gap or a duplicate");
    assert!(
        seen.iter().zip(1..).all(|(&p, want)| p == want),
        "positions are not exactly 1..={head} in order"
    );
    // And nothing more comes.
    assert!(sub.next_page(Duration::ZERO).unwrap().records.is_empty());
}

#[test]
fn s_sub_2_hand_over_races_appending_threads_with_small_pages() {
    let (seed, mut rng) = Rng::from_time();
    println!("seed {seed}");
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let s0 = p.open_store("Pre", "0").unwrap();
    for b in 0..20 {
        let batch: Vec<Vec<u8>> = (0..50).map(|i| simple(&format!("pre{b}-{i}"))).collect();
        s0.add(&batch).unwrap();
    }
    let running = AtomicU64::new(4);
    std::thread::scope(|scope| {
        for t in 0..4 {
            let (p, running) = (&p, &running);
            scope.spawn(move || {
                let s = p.open_store("Thread", &t.to_string()).unwrap();
                for n in 0..300 {
                    let size = 1 + n % 3;
                    let batch: Vec<Vec<u8>> = (0..size)
                        .map(|i| simple(&format!("t{t}-{n}-{i}")))
                        .collect();
                    s.add(&batch).unwrap();
                }
                running.fetch_sub(1, Ordering::AcqRel);
            });
        }
        // Subscriptions made at different moments, each with its own small page size, race the
        // appenders from history into live.
        let mut subs = Vec::new();
        for _ in 0..8 {
            let page = rng.range(1, 7) as usize;
            subs.push((
                p.subscribe(SubscriptionStart::After(0), SubscriptionFilter::all(), page)
                    .unwrap(),
                Vec::new(),
            ));
            std::thread::sleep(Duration::from_millis(rng.range(0, 5)));
        }
        while running.load(Ordering::Acquire) > 0 {
            for (s, seen) in subs.iter_mut() {
                seen.extend(positions(
                    &s.next_page(Duration::from_millis(2)).unwrap().records,
                ));
            }
        }
        let head = p.head_position().unwrap();
        assert_eq!(head, 1000 + 4 * 600);
        for (s, seen) in subs.iter_mut() {
            while s.position() < head {
                seen.extend(positions(
                    &s.next_page(Duration::from_secs(10)).unwrap().records,
                ));
            }
            assert_eq!(seen.len() as u64, head, "page size {}", s.page_size());
            assert!(seen.iter().zip(1..).all(|(&p, want)| p == want));
        }
    });
}

#[test]
fn s_sub_1_records_carry_the_envelope_and_the_stored_message() {
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let s = p.open_store("Acc", "7").unwrap();
    s.add(&[ev("a", "Opened", 2, "corr-1"), simple("b")])
        .unwrap();
    let sub = p
        .subscribe(SubscriptionStart::After(0), SubscriptionFilter::all(), 10)
        .unwrap();
    let got = drain(&sub);
    assert_eq!(got, p.read_log(0, 10).unwrap(), "the records of read_log");
    assert_eq!(
        (got[0].event_type.as_str(), got[0].event_version),
        ("Opened", 2)
    );
    assert_eq!(got[0].correlation_id.as_deref(), Some("corr-1"));
    assert_eq!(got[1].aggregate_version, 2);
    // Start after a position, and from now.
    let after = p
        .subscribe(SubscriptionStart::After(1), SubscriptionFilter::all(), 10)
        .unwrap();
    assert_eq!(positions(&drain(&after)), vec![2]);
    let now = p
        .subscribe(SubscriptionStart::Now, SubscriptionFilter::all(), 10)
        .unwrap();
    assert_eq!(now.position(), 2);
    assert!(drain(&now).is_empty());
    s.add(&[simple("c")]).unwrap();
    assert_eq!(positions(&drain(&now)), vec![3]);
    // A start past the log's end delivers what comes after it, nothing before.
    let future = p
        .subscribe(SubscriptionStart::After(4), SubscriptionFilter::all(), 10)
        .unwrap();
    s.add(&[simple("d")]).unwrap();
    assert!(drain(&future).is_empty());
    assert_eq!(future.position(), 4);
    s.add(&[simple("e")]).unwrap();
    assert_eq!(positions(&drain(&future)), vec![5]);
    // Arguments.
    for page in [0, lode::MAX_PAGE_SIZE + 1] {
        let e = p
            .subscribe(SubscriptionStart::After(0), SubscriptionFilter::all(), page)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    }
    for bad in [
        SubscriptionFilter::all().event_type("", None),
        SubscriptionFilter::all().correlation_id("x".repeat(401)),
        SubscriptionFilter::all().aggregate_type(""),
    ] {
        let e = p
            .subscribe(SubscriptionStart::After(0), bad, 10)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    }
}

#[test]
fn s_sub_1_the_iterator_holds_one_page_and_ends_when_idle_or_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let s = p.open_store("Acc", "1").unwrap();
    let batch: Vec<Vec<u8>> = (0..25).map(|i| simple(&format!("e{i}"))).collect();
    s.add(&batch).unwrap();
    let sub = p
        .subscribe(SubscriptionStart::After(0), SubscriptionFilter::all(), 4)
        .unwrap();
    let got: Vec<u64> = sub
        .iter_for(Duration::from_millis(20))
        .map(|r| r.unwrap().position)
        .collect();
    assert_eq!(got, (1..=25).collect::<Vec<_>>());
    // The blocking iterator ends when the subscription is closed from another thread.
    std::thread::scope(|scope| {
        let sub = &sub;
        let reader =
            scope.spawn(move || sub.iter().map(|r| r.unwrap().position).collect::<Vec<_>>());
        s.add(&[simple("late")]).unwrap();
        assert!(p.wait_for_position(26, Duration::from_secs(10)).unwrap());
        while sub.position() < 26 {
            std::thread::sleep(Duration::from_millis(1));
        }
        sub.close();
        assert_eq!(reader.join().unwrap(), vec![26]);
    });
}

// -- S-SUB-3: filters against a model -----------------------------------------------------------

#[derive(Debug, Clone)]
struct Modelled {
    position: u64,
    stream: StreamId,
    event_type: String,
    version: u32,
    corr: Option<String>,
}

fn model_matches(f: &SubscriptionFilter, e: &Modelled) -> bool {
    f.stream.as_ref().is_none_or(|s| *s == e.stream)
        && f.aggregate_type
            .as_ref()
            .is_none_or(|t| *t == e.stream.name)
        && (f.event_types.is_empty()
            || f.event_types.iter().any(|t| {
                t.event_type == e.event_type && t.event_version.is_none_or(|v| v == e.version)
            }))
        && f.correlation_id
            .as_ref()
            .is_none_or(|c| e.corr.as_deref() == Some(c))
}

#[test]
fn s_sub_3_every_filter_and_their_combinations_match_a_model() {
    let (seed, mut rng) = Rng::from_time();
    println!("seed {seed}");
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let streams: Vec<StreamId> = [
        ("Db1", "Account", "1"),
        ("Db1", "Account", "2"),
        ("Db2", "Account", "1"),
        ("Db1", "Order", "1"),
        ("Db2", "Order", "9"),
        ("Db1", "Customer", "5"),
    ]
    .iter()
    .map(|(d, n, i)| StreamId::new(d, n, i).unwrap())
    .collect();
    let stores: Vec<_> = streams
        .iter()
        .map(|s| {
            p.open_store_with(Some(&s.database), &s.name, &s.id, None, None)
                .unwrap()
        })
        .collect();
    let types = ["Opened", "Deposited", "Withdrawn", "Closed"];
    let corrs = ["c0", "c1", "c2", ""];
    let mut model: Vec<Modelled> = Vec::new();
    let append = |rng: &mut Rng, model: &mut Vec<Modelled>, batches: usize| {
        for _ in 0..batches {
            let k = rng.range(0, streams.len() as u64 - 1) as usize;
            let size = rng.range(1, 5);
            let mut batch = Vec::new();
            let first = p.head_position().unwrap() + 1;
            for i in 0..size {
                let t = types[rng.range(0, 3) as usize];
                let v = rng.range(1, 2) as u32;
                let c = corrs[rng.range(0, 3) as usize];
                batch.push(ev(&format!("m{}", first + i), t, v, c));
                model.push(Modelled {
                    position: first + i,
                    stream: streams[k].clone(),
                    event_type: t.to_string(),
                    version: v,
                    corr: (!c.is_empty()).then(|| c.to_string()),
                });
            }
            stores[k].add(&batch).unwrap();
        }
    };
    append(&mut rng, &mut model, 100);
    // Every combination: stream (none, each kind of stream, one without events) × aggregate
    // type (none, one, one nobody has) × event types (none, one, one at a version, two, a type
    // at any version and again at a version) × correlation (none, one, one nobody has).
    let stream_choices = [
        None,
        Some(streams[0].clone()),
        Some(streams[4].clone()),
        Some(StreamId::new("Db1", "Account", "404").unwrap()),
    ];
    let type_choices: Vec<Vec<(&str, Option<u32>)>> = vec![
        vec![],
        vec![("Deposited", None)],
        vec![("Withdrawn", Some(2))],
        vec![("Opened", None), ("Closed", Some(1))],
        vec![("Deposited", None), ("Deposited", Some(1)), ("Nope", None)],
    ];
    let mut subs = Vec::new();
    for s in &stream_choices {
        for a in [None, Some("Account"), Some("Nobody")] {
            for t in &type_choices {
                for c in [None, Some("c1"), Some("c-none")] {
                    let mut f = SubscriptionFilter::all();
                    f.stream = s.clone();
                    f.aggregate_type = a.map(str::to_string);
                    for (ty, v) in t {
                        f = f.event_type(*ty, *v);
                    }
                    f.correlation_id = c.map(str::to_string);
                    let start = rng.range(0, 200);
                    let page = rng.range(1, 40) as usize;
                    let sub = p
                        .subscribe(SubscriptionStart::After(start), f.clone(), page)
                        .unwrap();
                    subs.push((f, start, sub, Vec::<LogRecord>::new()));
                }
            }
        }
    }
    // History first, then more events for what is then live.
    for (_, _, sub, got) in &mut subs {
        got.extend(drain(sub));
    }
    append(&mut rng, &mut model, 100);
    let head = p.head_position().unwrap();
    for (f, start, sub, got) in &mut subs {
        got.extend(drain(sub));
        let want: Vec<u64> = model
            .iter()
            .filter(|e| e.position > *start && model_matches(f, e))
            .map(|e| e.position)
            .collect();
        assert_eq!(positions(got), want, "filter {f:?} after {start}");
        for r in got.iter() {
            assert!(f.matches(r), "{f:?} delivered {r:?}");
        }
        // Caught up: its position is the log's head, whatever matched (S-SUB-4).
        assert_eq!(sub.position(), head.max(*start), "{f:?}");
    }
    println!(
        "S-SUB-3: {} filters over {} events",
        subs.len(),
        model.len()
    );
}

// -- S-SUB-4: a filtered subscription moves past what does not match ---------------------------

#[test]
fn s_sub_4_a_rare_filter_moves_past_non_matching_events_without_reading_them_again() {
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let s = p.open_store("Common", "1").unwrap();
    for b in 0..20 {
        let batch: Vec<Vec<u8>> = (0..1000).map(|i| simple(&format!("c{b}-{i}"))).collect();
        s.add(&batch).unwrap();
    }
    // One of each filter kind: the log walk (aggregate type) and each index.
    let filters = [
        SubscriptionFilter::all().aggregate_type("Rare"),
        SubscriptionFilter::all().event_type("RareType", None),
        SubscriptionFilter::all().correlation_id("rare-corr"),
        SubscriptionFilter::all().stream(StreamId::new("EventStores", "Rare", "1").unwrap()),
    ];
    let subs: Vec<Subscription> = filters
        .iter()
        .map(|f| {
            p.subscribe(SubscriptionStart::After(0), f.clone(), 10)
                .unwrap()
        })
        .collect();
    for sub in &subs {
        let page = sub.next_page(Duration::ZERO).unwrap();
        assert!(page.records.is_empty());
        assert_eq!(page.position, 20_000, "{:?}", sub.filter());
    }
    let rare = p.open_store("Rare", "1").unwrap();
    rare.add(&[ev("r1", "RareType", 1, "rare-corr")]).unwrap();
    s.add(&[simple("after")]).unwrap();
    for sub in &subs {
        let page = sub.next_page(Duration::ZERO).unwrap();
        assert_eq!(positions(&page.records), vec![20_001], "{:?}", sub.filter());
        let page = sub.next_page(Duration::ZERO).unwrap();
        assert!(page.records.is_empty());
        assert_eq!(page.position, 20_002);
    }
}

// -- S-SUB-5, S-SUB-6: never blocks writers or map growth; one page of memory --------------------

#[test]
fn s_sub_5_a_subscriber_that_never_reads_stops_neither_writers_nor_map_growth() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let settings = ProviderSettings {
        durability: Durability::NoSync,
        initial_map_size: 1 << 20,
        ..ProviderSettings::default()
    };
    let p = EventStoreProvider::open(&dir, settings).unwrap();
    let s = p.open_store("Big", "1").unwrap();
    s.add(&[simple("first")]).unwrap();
    // One subscriber read a page and then never again; another waits in next_page the whole
    // time on a filter nothing matches.
    let idle = p
        .subscribe(SubscriptionStart::After(0), SubscriptionFilter::all(), 1)
        .unwrap();
    assert_eq!(idle.next_page(Duration::ZERO).unwrap().records.len(), 1);
    let waiting = std::sync::Arc::new(
        p.subscribe(
            SubscriptionStart::Now,
            SubscriptionFilter::all().event_type("Never", None),
            10,
        )
        .unwrap(),
    );
    let w = waiting.clone();
    let waiter = std::thread::spawn(move || w.next_page(Duration::MAX));
    let map0 = p.map_size();
    let p2 = p.clone();
    let grown = within(300, move || {
        let s = p2.open_store("Big", "2").unwrap();
        let body = format!("\"Pad\":\"{}\"", "x".repeat(4000));
        for b in 0..100 {
            let batch: Vec<Vec<u8>> = (0..50)
                .map(|i| event_json(&format!("g{b}-{i}"), "Grow", "c", None, &body))
                .collect();
            s.add(&batch).unwrap();
        }
        p2.map_size()
    });
    let map1 = grown.expect("appends stalled behind an idle subscriber");
    println!("S-SUB-5: map grew from {map0} to {map1} bytes with two idle subscribers");
    assert!(
        map1 >= 8 * map0,
        "the map grew (it had to: 20 MB into 1 MiB)"
    );
    waiting.close();
    let r = waiter.join().unwrap();
    assert_eq!(r.unwrap_err().kind(), ErrorKind::Closed);
    // The idle one resumes where it was, and sees everything.
    let rest = drain(&idle);
    assert_eq!(rest.len(), 5_000);
    assert_eq!(rest[0].position, 2);
}

#[test]
fn s_sub_6_a_page_of_large_events_ends_at_its_byte_bound() {
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let s = p.open_store("Large", "1").unwrap();
    // 12 events of 3 MiB: 16 MiB is reached by the 6th.
    let pad = format!("\"Pad\":\"{}\"", "z".repeat(3 << 20));
    for i in 0..12 {
        s.add(&[event_json(&format!("big{i}"), "Big", "c", None, &pad)])
            .unwrap();
    }
    let sub = p
        .subscribe(SubscriptionStart::After(0), SubscriptionFilter::all(), 100)
        .unwrap();
    let mut sizes = Vec::new();
    let mut all = Vec::new();
    loop {
        let page = sub.next_page(Duration::ZERO).unwrap();
        if page.records.is_empty() {
            break;
        }
        let bytes: usize = page.records.iter().map(|r| r.message.len()).sum();
        assert!(
            bytes < lode::MAX_PAGE_BYTES + (4 << 20),
            "a page of {bytes} bytes"
        );
        assert_eq!(page.position, page.records.last().unwrap().position);
        sizes.push(page.records.len());
        all.extend(positions(&page.records));
    }
    assert_eq!(all, (1..=12).collect::<Vec<_>>());
    assert_eq!(
        sizes,
        vec![6, 6],
        "pages end at the byte bound, not the page size"
    );
}

/// Child: subscribes in a loop and reads one page each time; prints the growth of its
/// anonymous memory.
fn resource_loop_body(dir: &Path) {
    let iterations = env_count("LODE_SUB_ITERATIONS", 10_000);
    let warmup = (iterations / 10).max(1);
    let p = open(dir);
    let s = p.open_store("Loop", "1").unwrap();
    let batch: Vec<Vec<u8>> = (0..200)
        .map(|i| {
            event_json(
                &format!("l{i}"),
                "Loop",
                "c",
                None,
                &format!("\"P\":\"{}\"", "y".repeat(300)),
            )
        })
        .collect();
    s.add(&batch).unwrap();
    let cycle = |i: u64| {
        let f = match i % 3 {
            0 => SubscriptionFilter::all(),
            1 => SubscriptionFilter::all().event_type("Loop", None),
            _ => SubscriptionFilter::all().aggregate_type("Loop"),
        };
        let sub = p
            .subscribe(SubscriptionStart::After(i % 100), f, 20)
            .unwrap();
        assert_eq!(sub.next_page(Duration::ZERO).unwrap().records.len(), 20);
        sub.wake();
        sub.close();
        assert!(sub.next_page(Duration::ZERO).is_err());
    };
    for i in 0..warmup {
        cycle(i);
    }
    let anon0 = rss_anon_bytes();
    let threads0 = thread_count();
    for i in 0..iterations {
        cycle(i);
    }
    let growth = rss_anon_bytes() as i64 - anon0 as i64;
    say(&format!(
        "SUBLOOP iterations={iterations} growth {growth} B"
    ));
    // A page is 20 records of ~700 bytes; leaking one page per cycle would be 140 MB.
    let bound = (2i64 << 20) * iterations.max(10_000) as i64 / 10_000;
    assert!(
        growth < bound,
        "anonymous memory grew by {growth} B (bound {bound})"
    );
    assert!(thread_count() <= threads0, "threads leaked");
}

#[test]
fn s_sub_6_ten_thousand_subscriptions_keep_memory_flat() {
    const TEST: &str = "s_sub_6_ten_thousand_subscriptions_keep_memory_flat";
    if child_role().as_deref() == Some("loop") {
        resource_loop_body(Path::new(&std::env::var("LODE_SUB_DIR").unwrap()));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut c = child_command(TEST, "loop");
    c.env("LODE_SUB_DIR", tmp.path());
    let (status, lines, err) = ChildProc::spawn(c).wait();
    for l in lines.iter().filter(|l| l.starts_with("SUBLOOP")) {
        println!("S-SUB-6: {l}");
    }
    assert!(status.success(), "{lines:?}\n{err}");
}

// -- S-SUB-7: read-your-writes; S-SUB-9: other processes wake a waiting subscriber --------------

/// Child: waits for `go`, appends one event, prints DONE.
fn one_append_role(dir: &Path) {
    let p = open(dir);
    let s = p.open_store("Other", "1").unwrap();
    say("READY");
    wait_for_file(&dir.join("go"));
    s.add(&[ev("from-child", "FromChild", 1, "")]).unwrap();
    s.close().unwrap();
    say("DONE");
}

#[test]
fn s_sub_9_a_commit_of_another_process_wakes_a_waiting_subscriber_and_wait_for_position() {
    const TEST: &str =
        "s_sub_9_a_commit_of_another_process_wakes_a_waiting_subscriber_and_wait_for_position";
    if child_role().as_deref() == Some("one") {
        one_append_role(Path::new(&std::env::var("LODE_SUB_DIR").unwrap()));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let p = open(&dir);
    p.open_store("Mine", "1")
        .unwrap()
        .add(&[simple("a")])
        .unwrap();
    // S-SUB-7 within the process: reached at once; a position nobody writes is not.
    assert!(p.wait_for_position(1, Duration::ZERO).unwrap());
    assert!(!p.wait_for_position(2, Duration::from_millis(20)).unwrap());
    let sub = p
        .subscribe(
            SubscriptionStart::Now,
            SubscriptionFilter::all().event_type("FromChild", None),
            10,
        )
        .unwrap();
    let mut c = child_command(TEST, "one");
    c.env("LODE_SUB_DIR", &dir);
    let mut child = ChildProc::spawn(c);
    assert!(child.wait_for_line("READY", Duration::from_secs(60)));
    let started = Instant::now();
    std::thread::scope(|scope| {
        let sub = &sub;
        let p = &p;
        let waiter = scope.spawn(move || sub.next_page(Duration::from_secs(120)).unwrap());
        let reader = scope.spawn(move || p.wait_for_position(2, Duration::from_secs(120)).unwrap());
        std::thread::sleep(Duration::from_millis(30));
        std::fs::write(dir.join("go"), b"").unwrap();
        let page = waiter.join().unwrap();
        assert_eq!(
            positions(&page.records),
            vec![2],
            "woken by the other process's commit"
        );
        assert!(reader.join().unwrap());
    });
    println!("S-SUB-9: woken {:?} after the go", started.elapsed());
    let (status, _, err) = child.wait();
    assert!(status.success(), "{err}");
}

/// Child: a plain LMDB writer that takes the writer lock and holds it until it is killed.
fn lock_holder_role(dir: &Path) {
    let env = raw_env(dir);
    let _txn = env.begin_rw_txn().unwrap();
    say("LOCKED");
    loop {
        std::thread::sleep(Duration::from_secs(60));
    }
}

/// Leaves the directory `p` writes to as a writer inside LMDB's commit leaves it: the meta
/// page of its last commit (which appended position 2) written, the commit's transaction id
/// not yet stored in the lock file (where new read transactions take their snapshot from), and
/// LMDB's writer lock held. The id is rolled back by one in the lock file; the returned child
/// holds the writer lock (killing it makes the writer one that died in its commit).
#[cfg(target_os = "linux")]
fn hold_the_last_commit_unpublished(test: &str, dir: &Path, p: &EventStoreProvider) -> ChildProc {
    // The lock file begins `u32 magic ‖ u32 format ‖ the readers' mutex ‖ txnid` (mdb.c,
    // MDB_txbody; a pthread mutex on Linux).
    let at = (8 + std::mem::size_of::<libc::pthread_mutex_t>()).next_multiple_of(8) as u64;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(dir.join("lock.mdb"))
        .unwrap();
    use std::os::unix::fs::FileExt;
    let mut word = [0u8; 4];
    file.read_exact_at(&mut word, 0).unwrap();
    assert_eq!(u32::from_ne_bytes(word), 0xBEEF_C0DE, "LMDB's lock file");
    let mut id = [0u8; 8];
    file.read_exact_at(&mut id, at).unwrap();
    let id = u64::from_ne_bytes(id);
    file.write_all_at(&(id - 1).to_ne_bytes(), at).unwrap();
    assert_eq!(
        p.head_position().unwrap(),
        1,
        "new snapshots no longer show position 2"
    );
    let mut c = child_command(test, "lock-holder");
    c.env("LODE_SUB_DIR", dir);
    let mut child = ChildProc::spawn(c);
    assert!(child.wait_for_line("LOCKED", Duration::from_secs(60)));
    child
}

/// A store with positions 1 and 2, a subscription after 1, and the commit of 2 held
/// unpublished; `None` in the child that holds the writer lock (it has played its role).
#[cfg(target_os = "linux")]
fn unpublished(
    test: &str,
) -> Option<(
    tempfile::TempDir,
    EventStoreProvider,
    lode::EventStore,
    Subscription,
    ChildProc,
)> {
    if child_role().as_deref() == Some("lock-holder") {
        lock_holder_role(Path::new(&std::env::var("LODE_SUB_DIR").unwrap()));
        return None;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let p = open(&dir);
    let s = p.open_store("Mine", "1").unwrap();
    s.add(&[simple("a")]).unwrap();
    let sub = p
        .subscribe(SubscriptionStart::After(1), SubscriptionFilter::all(), 10)
        .unwrap();
    s.add(&[simple("b")]).unwrap();
    let holder = hold_the_last_commit_unpublished(test, &dir, &p);
    Some((tmp, p, s, sub, holder))
}

/// S-SUB-9 and R-CRASH-1: a writer killed after writing its commit's meta page, before
/// publishing the commit's id in the lock file, leaves a commit no new snapshot shows until a
/// writer takes LMDB's writer lock (docs/reliability.md). A waiting subscriber sees it, and so
/// does `wait_for_position`: they have it published. Found broken: both waited out their
/// timeout at 100 % of a core (the meta pages' id said "moved", every snapshot said not), and
/// saw nothing. The commit is kept: the next append goes after it.
#[test]
#[cfg(target_os = "linux")]
fn s_sub_9_a_commit_whose_writer_died_before_publishing_it_wakes_a_waiting_subscriber() {
    const TEST: &str =
        "s_sub_9_a_commit_whose_writer_died_before_publishing_it_wakes_a_waiting_subscriber";
    for waiter in ["subscription", "wait_for_position"] {
        let Some((_tmp, p, s, sub, holder)) = unpublished(TEST) else {
            return;
        };
        holder.kill();
        if waiter == "subscription" {
            let page = sub.next_page(Duration::from_secs(30)).unwrap();
            assert_eq!(positions(&page.records), vec![2], "{waiter}");
        } else {
            assert!(
                p.wait_for_position(2, Duration::from_secs(30)).unwrap(),
                "{waiter}"
            );
        }
        s.add(&[simple("c")]).unwrap();
        let log = p.read_log(0, 10).unwrap();
        assert_eq!(positions(&log), vec![1, 2, 3], "{waiter}: nothing lost");
    }
}

/// S-SUB-8, S-SUB-7: while a LIVE writer is inside that window (its meta page written, its
/// id not yet published, LMDB's writer lock held), a waiter still ends at its timeout and at
/// `close()`: it never waits for the writer lock itself. Found broken by a review: the first
/// fix took the writer lock on the waiter's thread after 0.25 ms, so a waiter stayed as long as
/// another process held the lock (with Durability::Full a live writer's meta page takes that
/// long). When that writer then dies, the commit is published and seen.
#[test]
#[cfg(target_os = "linux")]
fn s_sub_8_a_waiter_keeps_its_timeout_and_close_while_a_live_writer_holds_a_commit_unpublished() {
    const TEST: &str =
        "s_sub_8_a_waiter_keeps_its_timeout_and_close_while_a_live_writer_holds_a_commit_unpublished";
    let Some((_tmp, p, s, sub, holder)) = unpublished(TEST) else {
        return;
    };
    // 300 ms: long enough for the waiter to have asked for the commit to be published (100 ms).
    let ends_at_its_timeout = |why: &str| {
        let p2 = p.clone();
        let timed_out = within(30, move || {
            p2.wait_for_position(2, Duration::from_millis(300)).unwrap()
        });
        assert_eq!(timed_out, Some(false), "{why}");
    };
    ends_at_its_timeout("the wait ends at its timeout, not with the lock");
    let sub = std::sync::Arc::new(sub);
    let waiting = sub.clone();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(
            waiting
                .next_page(Duration::from_secs(600))
                .map(|page| page.records.len()),
        );
    });
    std::thread::sleep(Duration::from_millis(300));
    sub.close();
    let ended = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("close ends the wait");
    assert!(
        matches!(&ended, Ok(0)) || matches!(&ended, Err(e) if e.kind() == ErrorKind::Closed),
        "{ended:?}"
    );
    // A backup meanwhile waits for the writer lock itself (LMDB's copy takes it to read the
    // meta pages), and must not hold the process's waiters up. Found by a review: it took the
    // map's gate exclusively to check the map's size, so every new transaction queued behind
    // the publishing thread's wait for the lock.
    let elsewhere = tempfile::tempdir().unwrap();
    let (p3, into) = (p.clone(), elsewhere.path().join("backup"));
    let backup = std::thread::spawn(move || {
        p3.backup(&into, &lode::BackupOptions::default(), |_| true)
            .map(|_| ())
    });
    std::thread::sleep(Duration::from_millis(100));
    ends_at_its_timeout("a backup waiting for the lock holds no waiter up");
    // The writer dies: the thread that was waiting for its lock publishes the commit.
    holder.kill();
    assert!(p.wait_for_position(2, Duration::from_secs(30)).unwrap());
    backup.join().unwrap().unwrap();
    s.add(&[simple("c")]).unwrap();
    assert_eq!(positions(&p.read_log(0, 10).unwrap()), vec![1, 2, 3]);
}

// -- S-SUB-8: close and wake from another thread -------------------------------------------------

#[test]
fn s_sub_8_closing_from_another_thread_ends_a_wait_and_every_later_call() {
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let sub = std::sync::Arc::new(
        p.subscribe(SubscriptionStart::Now, SubscriptionFilter::all(), 10)
            .unwrap(),
    );
    // wake: the waiting call returns an empty page, the subscription goes on.
    let s = sub.clone();
    let woken = std::thread::spawn(move || s.next_page(Duration::MAX));
    std::thread::sleep(Duration::from_millis(30));
    sub.wake();
    let page = within(60, move || woken.join().unwrap())
        .expect("wake did not end the wait")
        .unwrap();
    assert!(page.records.is_empty());
    // One consumer at a time: a second call while one waits is refused.
    let s = sub.clone();
    let waiting = std::thread::spawn(move || loop {
        match s.next_page(Duration::MAX) {
            Err(e) if e.kind() == ErrorKind::InvalidArgument => continue, // the main thread's
            other => return other,
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        assert!(Instant::now() < deadline, "the waiter never waited");
        match sub.next_page(Duration::ZERO) {
            Err(e) if e.kind() == ErrorKind::InvalidArgument => break,
            Ok(page) => assert!(page.records.is_empty()),
            Err(e) => panic!("{e}"),
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    sub.close();
    let r = within(60, move || waiting.join().unwrap()).expect("close did not end the wait");
    assert_eq!(r.unwrap_err().kind(), ErrorKind::Closed);
    assert_eq!(
        sub.next_page(Duration::ZERO).unwrap_err().kind(),
        ErrorKind::Closed
    );
    sub.close(); // idempotent
    assert!(sub.is_closed());
}

// -- S-CP-*: checkpoints -------------------------------------------------------------------------

#[test]
fn s_cp_1_2_4_checkpoints_are_named_forward_only_within_the_log_and_reset_explicitly() {
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let s = p.open_store("Acc", "1").unwrap();
    let batch: Vec<Vec<u8>> = (0..10).map(|i| simple(&format!("e{i}"))).collect();
    s.add(&batch).unwrap();
    assert_eq!(p.checkpoint("proj").unwrap(), None);
    p.store_checkpoint("proj", 4).unwrap();
    let c = p.checkpoint("proj").unwrap().unwrap();
    assert_eq!(c.position, 4);
    assert!(c.stored_at > 0);
    p.store_checkpoint("proj", 4).unwrap(); // the same position again: fine
    let back = p.store_checkpoint("proj", 3).unwrap_err();
    assert_eq!(back.kind(), ErrorKind::InvalidArgument);
    assert!(back.to_string().contains("stands at position 4"), "{back}");
    let past = p.store_checkpoint("proj", 11).unwrap_err();
    assert_eq!(past.kind(), ErrorKind::InvalidArgument);
    assert!(past.to_string().contains("the log ends at 10"), "{past}");
    assert!(p.reset_checkpoint("proj", 11).is_err());
    assert_eq!(p.checkpoint("proj").unwrap().unwrap().position, 4);
    p.reset_checkpoint("proj", 0).unwrap();
    assert_eq!(p.checkpoint("proj").unwrap().unwrap().position, 0);
    // Names: 1..=400 bytes, any UTF-8.
    p.store_checkpoint(&"n".repeat(400), 10).unwrap();
    p.store_checkpoint("projection ☃", 1).unwrap();
    assert_eq!(p.checkpoint("projection ☃").unwrap().unwrap().position, 1);
    for bad in [String::new(), "n".repeat(401)] {
        assert_eq!(
            p.store_checkpoint(&bad, 1).unwrap_err().kind(),
            ErrorKind::InvalidArgument
        );
        assert_eq!(
            p.checkpoint(&bad).unwrap_err().kind(),
            ErrorKind::InvalidArgument
        );
    }
    // Kept across reopening the directory.
    drop(s);
    drop(p);
    let p = open(tmp.path());
    assert_eq!(
        p.checkpoint(&"n".repeat(400)).unwrap().unwrap().position,
        10
    );
}

#[test]
fn s_cp_3_a_checkpoint_stored_with_an_append_commits_with_it_or_not_at_all() {
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let input = p.open_store("In", "1").unwrap();
    let batch: Vec<Vec<u8>> = (0..5).map(|i| simple(&format!("in{i}"))).collect();
    input.add(&batch).unwrap();
    let out = p.open_store("Out", "1").unwrap();
    // Together: the output and the checkpoint.
    assert_eq!(
        out.add_with_checkpoint(&[simple("o1")], "proj", 3).unwrap(),
        1
    );
    assert_eq!(p.checkpoint("proj").unwrap().unwrap().position, 3);
    // A refused append stores no checkpoint (a wrong SequenceNumber).
    let wrong = event_json("o2", "Out", "c", Some(5), "");
    let e = out.add_with_checkpoint(&[wrong], "proj", 5).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::VersionMismatch);
    assert_eq!(p.checkpoint("proj").unwrap().unwrap().position, 3);
    // A refused checkpoint writes no events (backwards).
    let e = out
        .add_with_checkpoint(&[simple("o3")], "proj", 2)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert_eq!(out.version().unwrap(), 1);
    // It may cover the batch's own events (the log ends at 6 before; 8 after), not beyond.
    let e = out
        .add_with_checkpoint(&[simple("o4"), simple("o5")], "proj", 9)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert_eq!(out.version().unwrap(), 1);
    out.add_with_checkpoint(&[simple("o4"), simple("o5")], "proj", 8)
        .unwrap();
    assert_eq!(p.checkpoint("proj").unwrap().unwrap().position, 8);
    // An exact retry writes no events and still moves the checkpoint.
    input.add(&[simple("in5")]).unwrap();
    assert_eq!(
        out.add_with_checkpoint(&[simple("o4"), simple("o5")], "proj", 9)
            .unwrap(),
        3
    );
    assert_eq!(out.version().unwrap(), 3);
    assert_eq!(p.checkpoint("proj").unwrap().unwrap().position, 9);
    // An empty batch stores the checkpoint alone, through the session.
    assert_eq!(
        out.add_with_checkpoint::<Vec<u8>>(&[], "other", 9).unwrap(),
        3
    );
    assert_eq!(p.checkpoint("other").unwrap().unwrap().position, 9);
    out.close().unwrap();
    assert_eq!(
        out.add_with_checkpoint::<Vec<u8>>(&[], "other", 9)
            .unwrap_err()
            .kind(),
        ErrorKind::StoreNotOpen
    );
    assert_eq!(
        out.add_with_checkpoint(&[simple("o6")], "other", 9)
            .unwrap_err()
            .kind(),
        ErrorKind::StoreNotOpen
    );
    assert_eq!(p.checkpoint("other").unwrap().unwrap().position, 9);
}

#[test]
fn s_cp_3_concurrent_appends_with_one_checkpoint_name_never_move_it_back() {
    // Group commit runs several appends in one transaction: each sees the checkpoint the one
    // before it wrote, so the forward-only rule holds inside a group too.
    let tmp = tempfile::tempdir().unwrap();
    let p = open(tmp.path());
    let input = p.open_store("In", "1").unwrap();
    let batch: Vec<Vec<u8>> = (0..400).map(|i| simple(&format!("in{i}"))).collect();
    input.add(&batch).unwrap();
    let next = AtomicU64::new(1);
    let refused = AtomicU64::new(0);
    let highest = AtomicU64::new(0);
    std::thread::scope(|scope| {
        for t in 0..8 {
            let (p, next, refused, highest) = (&p, &next, &refused, &highest);
            scope.spawn(move || {
                let out = p.open_store("Out", &t.to_string()).unwrap();
                for i in 0..40 {
                    let position = next.fetch_add(1, Ordering::AcqRel);
                    let batch = [simple(&format!("o{t}-{i}"))];
                    match out.add_with_checkpoint(&batch, "shared", position) {
                        Ok(_) => {
                            highest.fetch_max(position, Ordering::AcqRel);
                        }
                        Err(e) if e.kind() == ErrorKind::InvalidArgument => {
                            refused.fetch_add(1, Ordering::AcqRel);
                        }
                        Err(e) => panic!("{e}"),
                    }
                }
            });
        }
    });
    let outputs: u64 = (0..8)
        .map(|t| {
            p.stream_events_since(None, "Out", &t.to_string(), 0, 1000)
                .unwrap()
                .len() as u64
        })
        .sum();
    // Every refused append wrote nothing; the accepted ones moved the checkpoint forward only,
    // so it ends at the highest position accepted.
    println!(
        "S-CP-3: {outputs} accepted, {} refused",
        refused.load(Ordering::Acquire)
    );
    assert_eq!(outputs + refused.load(Ordering::Acquire), 320);
    assert_eq!(
        p.checkpoint("shared").unwrap().unwrap().position,
        highest.load(Ordering::Acquire)
    );
    let report = p.verify().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

// -- S-CP-3 with S-SUB-*: killed and resumed from its checkpoint, each event once ---------------

/// Child: a projection. Resumes after its checkpoint, writes one output event per input event
/// (random message ids: a page processed twice would show as two outputs) into a stream of its
/// own incarnation, with the checkpoint in the same append.
fn projector_role(dir: &Path, incarnation: &str, until: Option<u64>) {
    let p = open(dir);
    let out = p.open_store("Out", incarnation).unwrap();
    let from = p
        .checkpoint("projection")
        .unwrap()
        .map_or(0, |c| c.position);
    say(&format!("RESUME {from}"));
    let mut rng = Rng::new(std::process::id() as u64);
    let sub = p
        .subscribe(
            SubscriptionStart::After(from),
            SubscriptionFilter::all().aggregate_type("In"),
            rng.range(1, 16) as usize,
        )
        .unwrap();
    loop {
        let page = sub.next_page(Duration::from_millis(50)).unwrap();
        if page.records.is_empty() {
            if until.is_some_and(|u| page.position >= u) {
                // Store the position past the non-matching tail too, then stop.
                p.store_checkpoint("projection", page.position).unwrap();
                say("CAUGHT UP");
                return;
            }
            continue;
        }
        let outputs: Vec<Vec<u8>> = page
            .records
            .iter()
            .map(|r| {
                event_json(
                    &lode::new_message_id(),
                    "Projected",
                    "c",
                    None,
                    &format!("\"Input\":{}", r.position),
                )
            })
            .collect();
        out.add_with_checkpoint(&outputs, "projection", page.position)
            .unwrap();
        say(&format!("ACK {}", page.position));
    }
}

#[test]
fn s_cp_3_a_projection_killed_and_resumed_from_its_checkpoint_sees_each_event_once() {
    const TEST: &str =
        "s_cp_3_a_projection_killed_and_resumed_from_its_checkpoint_sees_each_event_once";
    if let Some(role) = child_role() {
        let dir = PathBuf::from(std::env::var("LODE_SUB_DIR").unwrap());
        let until = std::env::var("LODE_SUB_UNTIL")
            .ok()
            .map(|u| u.parse().unwrap());
        projector_role(&dir, &role, until);
        return;
    }
    let (seed, mut rng) = Rng::from_time();
    println!("seed {seed}");
    let kills = env_count("LODE_SUB_KILLS", 12);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let p = open(&dir);
    let input = p.open_store("In", "1").unwrap();
    let noise = p.open_store("Noise", "1").unwrap();
    let mut n = 0;
    let mut add_inputs = |rng: &mut Rng, count: u64| {
        for _ in 0..count {
            let size = rng.range(1, 8);
            let batch: Vec<Vec<u8>> = (0..size).map(|i| simple(&format!("in{}", n + i))).collect();
            input.add(&batch).unwrap();
            n += size;
            if rng.chance(30) {
                noise.add(&[simple(&format!("noise{n}"))]).unwrap();
            }
        }
    };
    add_inputs(&mut rng, 300);
    let spawn = |k: u64, until: Option<u64>| {
        let mut c = child_command(TEST, &format!("inc{k}"));
        c.env("LODE_SUB_DIR", &dir);
        if let Some(u) = until {
            c.env("LODE_SUB_UNTIL", u.to_string());
        }
        ChildProc::spawn(c)
    };
    for k in 0..kills {
        // A projection killed inside its commit, after LMDB wrote the commit's meta page but
        // before it published the new transaction id in the lock file, leaves that commit on
        // disk and unseen by readers until the next write transaction, whose start repairs the
        // dead writer's state (LMDB's recovery of a robust mutex whose owner died; the next
        // incarnation's open is such a write). Found once: this process read checkpoint 940,
        // the next incarnation resumed at 944. A write here first makes the two agree.
        noise.add(&[simple(&format!("settle{k}"))]).unwrap();
        // It resumes where the one killed before stored its checkpoint.
        let resume = p
            .checkpoint("projection")
            .unwrap()
            .map_or(0, |c| c.position);
        let mut child = spawn(k, None);
        // Kill it at a random moment after it resumed (often mid-page), while inputs keep
        // coming.
        if !child.wait_for_line(&format!("RESUME {resume}"), Duration::from_secs(60)) {
            let (lines, err) = child.kill();
            panic!("incarnation {k} did not resume at {resume}: {lines:?}\n{err}");
        }
        let more = rng.range(0, 20);
        add_inputs(&mut rng, more);
        std::thread::sleep(Duration::from_millis(rng.range(0, 40)));
        let (lines, _) = child.kill();
        let acks = lines.iter().filter(|l| l.starts_with("ACK")).count();
        println!("incarnation {k}: {acks} pages acknowledged before the kill");
    }
    let head = p.head_position().unwrap();
    let last = spawn(kills, Some(head));
    let (status, lines, err) = last.wait();
    assert!(status.success(), "{lines:?}\n{err}");
    // Every input exactly once, in input order, over all incarnations' outputs.
    let mut outputs: BTreeMap<u64, u64> = BTreeMap::new(); // input position -> times projected
    let mut total = 0;
    for k in 0..=kills {
        for r in p
            .stream_events_since(None, "Out", &format!("inc{k}"), 0, 1_000_000)
            .unwrap()
        {
            let v: serde_json::Value = serde_json::from_slice(&r.message).unwrap();
            *outputs
                .entry(v["Event"]["Input"].as_u64().unwrap())
                .or_default() += 1;
            total += 1;
        }
    }
    let inputs: Vec<u64> = p
        .read_log(0, 1_000_000)
        .unwrap()
        .iter()
        .filter(|r| r.aggregate_type == "In")
        .map(|r| r.position)
        .collect();
    assert_eq!(inputs.len() as u64, n);
    assert_eq!(
        outputs.keys().copied().collect::<Vec<_>>(),
        inputs,
        "each input projected"
    );
    assert!(
        outputs.values().all(|&times| times == 1),
        "an input was projected twice: {:?}",
        outputs.iter().filter(|(_, &t)| t > 1).collect::<Vec<_>>()
    );
    assert_eq!(total, n);
    let stored = p.checkpoint("projection").unwrap().unwrap().position;
    assert!(stored >= head && stored <= p.head_position().unwrap());
    println!("S-CP-3: {n} inputs, {kills} kills, each projected once");
}

// -- the README's projection ---------------------------------------------------------------------

mod projection_example {
    include!("../crates/lode/examples/projection.rs");
}

#[test]
fn s_cp_3_the_readme_projection_survives_a_restart() {
    // The example counts each deposit once across a restart of its provider (it asserts so).
    projection_example::main().unwrap();
    // And README.md shows its `project` as it is.
    let example = include_str!("../crates/lode/examples/projection.rs");
    let start = example.find("/// Brings the read model").unwrap();
    let end = example.find("\npub fn main()").unwrap();
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .unwrap();
    assert!(
        readme.contains(example[start..end].trim()),
        "README.md's projection differs from crates/lode/examples/projection.rs"
    );
}

// -- S-SUB-8 and R-PROC-1: subscriptions inherited across fork() ---------------------------------

/// Writes one line to fd 1 with a single `write` (no std lock: a forked child may have
/// inherited it held by another thread of the parent).
fn raw_say(line: &str) {
    let text = format!("{line}\n");
    // SAFETY: the pointer and length describe `text`, alive for the call.
    unsafe { libc::write(1, text.as_ptr().cast(), text.len()) };
}

/// Whether `e` is the error of a handle inherited across fork().
fn inherited_error(what: &str, r: Result<(), lode::Error>) -> bool {
    let ok = match &r {
        Err(e) => {
            let text = e.to_string();
            e.kind() == ErrorKind::Storage
                && text.contains("fork")
                && text.contains("Open a new provider")
        }
        Ok(()) => false,
    };
    raw_say(&format!(
        "CHILD {what}: {}",
        if ok { "refused" } else { "WRONG" }
    ));
    if !ok {
        raw_say(&format!("CHILD {what} gave: {r:?}"));
    }
    ok
}

/// What the forked child checks, in order; its exit code (0: every check held). A step that
/// hangs is killed by the alarm the child sets (SIGALRM), which the parent reports.
fn forked_subscriber(
    p: &EventStoreProvider,
    subs: &[std::sync::Arc<Subscription>],
    dir: &Path,
) -> i32 {
    let sub = &subs[0];
    // Every call of an inherited subscription or provider fails fast, also the waiting ones
    // (the parent's waiters and its poller do not exist in this process).
    if !inherited_error("next_page", sub.next_page(Duration::ZERO).map(drop)) {
        return 10;
    }
    if !inherited_error("next_page forever", sub.next_page(Duration::MAX).map(drop)) {
        return 11;
    }
    let far = p.head_position().unwrap_or(0) + 1_000_000;
    if !inherited_error(
        "wait_for_position",
        p.wait_for_position(far, Duration::MAX).map(drop),
    ) {
        return 12;
    }
    if !inherited_error(
        "subscribe",
        p.subscribe(SubscriptionStart::Now, SubscriptionFilter::all(), 10)
            .map(drop),
    ) {
        return 13;
    }
    // Wake and close of inherited subscriptions return (the parent's threads held the waiters'
    // lock at the fork, or were about to), and a closed one says Closed.
    for s in subs {
        s.wake();
        s.close();
        match s.next_page(Duration::MAX) {
            Err(e) if e.kind() == ErrorKind::Closed => {}
            other => {
                raw_say(&format!("CHILD closed next_page gave {other:?}"));
                return 14;
            }
        }
    }
    raw_say("CHILD inherited closed");
    // A provider of the child's own: its subscriptions and waits work, woken by the child's own
    // commits and by the parent's (another process now), with no poller inherited.
    let own = match EventStoreProvider::open(dir, fast()) {
        Ok(own) => own,
        Err(e) => {
            raw_say(&format!("CHILD own provider: {e}"));
            return 15;
        }
    };
    let mine = std::sync::Arc::new(
        own.subscribe(
            SubscriptionStart::Now,
            SubscriptionFilter::all()
                .stream(StreamId::new("EventStores", "Fork", "child").unwrap()),
            10,
        )
        .unwrap(),
    );
    let waiter = {
        let mine = mine.clone();
        std::thread::spawn(move || loop {
            match mine.next_page(Duration::MAX) {
                Ok(page) if page.records.is_empty() => continue,
                other => return other.map(|page| page.records.len()),
            }
        })
    };
    let store = own.open_store("Fork", "child").unwrap();
    // An id of this child's own: the same batch again would be an exact retry (B-APP-6), no event.
    store
        .add(&[simple(&format!("c-{}", std::process::id()))])
        .unwrap();
    match waiter.join().unwrap() {
        Ok(n) if n >= 1 => {}
        other => {
            raw_say(&format!("CHILD own subscription gave {other:?}"));
            return 16;
        }
    }
    store.close().unwrap();
    // The parent keeps appending: a wait of the child's own sees its commits (the child polls).
    let head = own.head_position().unwrap();
    match own.wait_for_position(head + 3, Duration::MAX) {
        Ok(true) => {}
        other => {
            raw_say(&format!("CHILD wait_for_position gave {other:?}"));
            return 17;
        }
    }
    let all = own
        .subscribe(
            SubscriptionStart::After(head),
            SubscriptionFilter::all(),
            10,
        )
        .unwrap();
    if all
        .next_page(Duration::MAX)
        .map(|p| p.records.len())
        .unwrap_or(0)
        == 0
    {
        return 18;
    }
    raw_say("CHILD OK");
    0
}

fn fork_subscriber_role(dir: &Path) {
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;
    let p = open(dir);
    let s = p.open_store("Fork", "parent").unwrap();
    s.add(&[simple("p1")]).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let subs: Vec<Arc<Subscription>> = (0..4)
        .map(|_| {
            Arc::new(
                p.subscribe(SubscriptionStart::After(0), SubscriptionFilter::all(), 10)
                    .unwrap(),
            )
        })
        .collect();
    let mut threads = Vec::new();
    // One waits (and polls the meta pages), one appends, two wake: at the fork, another thread
    // of the parent holds or is about to take the waiters' lock.
    {
        let sub = subs[1].clone();
        threads.push(std::thread::spawn(move || {
            while sub.next_page(Duration::MAX).is_ok() {}
        }));
    }
    {
        let (p, stop) = (p.clone(), stop.clone());
        threads.push(std::thread::spawn(move || {
            let busy = p.open_store("Fork", "busy").unwrap();
            let mut n = 0u64;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                busy.add(&[simple(&format!("b{}-{n}", std::process::id()))])
                    .unwrap();
                std::thread::sleep(Duration::from_micros(200));
            }
            busy.close().unwrap();
        }));
    }
    for k in [2, 3] {
        let (sub, stop) = (subs[k].clone(), stop.clone());
        threads.push(std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                sub.wake();
            }
        }));
    }
    std::thread::sleep(Duration::from_millis(50));
    // SAFETY: fork has no memory-safety preconditions; the child only runs `forked_subscriber`,
    // writes with raw write(2) and leaves with _exit (no destructors, no atexit handlers).
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        // SAFETY: a hang guard: SIGALRM ends a child stuck in a step.
        unsafe { libc::alarm(120) };
        let code = forked_subscriber(&p, &subs, dir);
        // SAFETY: ends the child at once.
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    // SAFETY: waits for the child just forked.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    stop.store(true, Ordering::SeqCst);
    subs[1].close();
    for t in threads {
        t.join().unwrap();
    }
    let exit = exit_code(status);
    say(&format!("PARENT exit={exit}"));
    // The parent's subscriptions go on: one catches up over the child's events too.
    let seen = drain(&subs[0]);
    assert!(seen
        .iter()
        .any(|r| r.aggregate_type == "Fork" && r.aggregate_id == "child"));
    s.close().unwrap();
}

/// S-SUB-8, R-PROC-1: a subscription (and `wait_for_position`) inherited across fork() fails
/// fast in the child, also while the parent's threads were waiting, polling and waking at the
/// fork; wake and close of an inherited subscription return; a provider the child opens gets
/// working subscriptions and wake-ups of its own (local and cross-process).
#[test]
fn s_sub_8_r_proc_1_inherited_subscriptions_fail_fast_after_fork_and_the_child_subscribes_anew() {
    const NAME: &str =
        "s_sub_8_r_proc_1_inherited_subscriptions_fail_fast_after_fork_and_the_child_subscribes_anew";
    let Some(rounds) = fork_test(NAME, fork_subscriber_role, env_count("LODE_SUB_FORKS", 5)) else {
        return;
    };
    for lines in rounds {
        assert!(lines.contains(&"CHILD OK".to_string()), "{lines:?}");
    }
}

/// The status of a C ABI call and its error message ("" for none); frees the error.
fn c_status(
    call: impl FnOnce(*mut *mut lode_ffi::LodeError) -> lode_ffi::LodeStatus,
) -> (lode_ffi::LodeStatus, String) {
    let mut err = std::ptr::null_mut();
    let status = call(&mut err);
    let message = if err.is_null() {
        String::new()
    } else {
        // SAFETY: a non-NULL error's message is a NUL-terminated string alive until it is freed.
        let m = unsafe { std::ffi::CStr::from_ptr(lode_ffi::lode_error_message(err)) }
            .to_string_lossy()
            .into_owned();
        lode_ffi::lode_error_free(err);
        m
    };
    (status, message)
}

/// The forked child of the C ABI test: its exit code (0: every check held).
fn forked_c_subscriber(provider: usize, sub: usize, dir: &Path) -> i32 {
    use lode_ffi::*;
    use std::ptr::null_mut;
    let sub = sub as *mut LodeSubscription;
    let provider = provider as *mut LodeProvider;
    let refused = |what: &str, (status, message): (LodeStatus, String)| -> bool {
        let ok = status == LODE_STORAGE && message.contains("fork");
        raw_say(&format!(
            "CHILD {what}: {}",
            if ok { "refused" } else { "WRONG" }
        ));
        if !ok {
            raw_say(&format!("CHILD {what} gave {status:?}: {message}"));
        }
        ok
    };
    let mut buf = null_mut();
    if !refused(
        "lode_subscription_next",
        c_status(|e| lode_subscription_next(sub, LODE_WAIT_FOREVER, &mut buf, null_mut(), e)),
    ) {
        return 20;
    }
    let mut reached = false;
    if !refused(
        "lode_provider_wait_for_position",
        c_status(|e| lode_provider_wait_for_position(provider, 1 << 40, 1 << 40, &mut reached, e)),
    ) {
        return 21;
    }
    if c_status(|e| lode_subscription_close(sub, e)).0 != LODE_OK {
        return 22;
    }
    if c_status(|e| lode_subscription_next(sub, 0, &mut buf, null_mut(), e)).0 != LODE_CLOSED {
        return 23;
    }
    if c_status(|e| lode_provider_close(provider, e)).0 != LODE_OK {
        return 24;
    }
    // A provider of the child's own, through the C ABI.
    let path = dir.to_str().unwrap();
    let mut own = null_mut();
    let (status, message) = c_status(|e| {
        lode_provider_open(path.as_ptr(), path.len(), std::ptr::null(), 0, &mut own, e)
    });
    if status != LODE_OK {
        raw_say(&format!("CHILD own provider: {message}"));
        return 25;
    }
    let mut mine = null_mut();
    if c_status(|e| lode_subscription_open(own, 0, std::ptr::null(), 0, 10, &mut mine, e)).0
        != LODE_OK
    {
        return 26;
    }
    let (status, message) =
        c_status(|e| lode_subscription_next(mine, LODE_WAIT_FOREVER, &mut buf, null_mut(), e));
    if status != LODE_OK || lode_buffer_count(buf) == 0 {
        raw_say(&format!("CHILD own next gave {status:?}: {message}"));
        return 27;
    }
    lode_buffer_free(buf);
    if c_status(|e| lode_subscription_close(mine, e)).0 != LODE_OK
        || c_status(|e| lode_provider_close(own, e)).0 != LODE_OK
    {
        return 28;
    }
    raw_say("CHILD OK");
    0
}

fn fork_c_subscriber_role(dir: &Path) {
    use lode_ffi::*;
    use std::ptr::null_mut;
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;
    {
        let p = open(dir);
        let s = p.open_store("Fork", "c").unwrap();
        s.add(&[simple(&format!("c-{}", std::process::id()))])
            .unwrap();
        s.close().unwrap();
    }
    let path = dir.to_str().unwrap();
    let mut provider = null_mut();
    assert_eq!(
        c_status(|e| lode_provider_open(
            path.as_ptr(),
            path.len(),
            std::ptr::null(),
            0,
            &mut provider,
            e
        ))
        .0,
        LODE_OK
    );
    let mut sub = null_mut();
    assert_eq!(
        c_status(|e| lode_subscription_open(provider, 0, std::ptr::null(), 0, 10, &mut sub, e)).0,
        LODE_OK
    );
    // Threads of the parent in the C ABI at the fork: each call looks its handle up.
    let stop = Arc::new(AtomicBool::new(false));
    let (sub_value, provider_value) = (sub as usize, provider as usize);
    let threads: Vec<_> = (0..3)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let sub = sub_value as *mut LodeSubscription;
                let mut position = 0i64;
                while !stop.load(Ordering::SeqCst) {
                    lode_subscription_position(sub, &mut position, null_mut());
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(20));
    // SAFETY: as in fork_subscriber_role.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        // SAFETY: a hang guard: SIGALRM ends a child stuck in a step.
        unsafe { libc::alarm(120) };
        let code = forked_c_subscriber(provider_value, sub_value, dir);
        // SAFETY: ends the child at once.
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    // SAFETY: waits for the child just forked.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    stop.store(true, Ordering::SeqCst);
    for t in threads {
        t.join().unwrap();
    }
    let exit = exit_code(status);
    say(&format!("PARENT exit={exit}"));
    // The parent's handles are untouched by the child's closes.
    let mut buf = null_mut();
    assert_eq!(
        c_status(|e| lode_subscription_next(sub, 0, &mut buf, null_mut(), e)).0,
        LODE_OK
    );
    lode_buffer_free(buf);
    assert_eq!(c_status(|e| lode_subscription_close(sub, e)).0, LODE_OK);
    assert_eq!(c_status(|e| lode_provider_close(provider, e)).0, LODE_OK);
}

/// S-SUB-8, R-PROC-1 through the C ABI: handles inherited across fork() while other threads of
/// the parent are in the library fail fast in the child (next, wait_for_position) and close
/// cleanly; a provider the child opens works; the parent's handles are untouched.
#[test]
fn s_sub_8_r_proc_1_c_abi_handles_inherited_across_fork_fail_fast_while_parent_threads_call_in() {
    const NAME: &str =
        "s_sub_8_r_proc_1_c_abi_handles_inherited_across_fork_fail_fast_while_parent_threads_call_in";
    fork_test(NAME, fork_c_subscriber_role, env_count("LODE_SUB_FORKS", 5));
}
