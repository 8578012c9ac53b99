//! The subscription rows (docs/subscriptions.md, "Benchmark"): delivery latency from an append
//! to a waiting subscriber in the same process and in another process (this program re-run in
//! a role), the CPU an idle waiter costs, and catch-up throughput against `read_log` paging of
//! the same store in the same run.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use lode::{
    create_message, Durability, EventStoreProvider, NewMessage, SubscriptionFilter,
    SubscriptionStart,
};
use serde_json::json;

use super::{fresh_dir, lode_provider, median, percentile, progress, Cfg, Gen, Report, Row};

/// Microseconds since the epoch: comparable between processes of one machine.
fn now_us() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0)
}

/// An event that carries the time its append started.
fn stamped(i: u64) -> Vec<u8> {
    create_message(&NewMessage::new(
        "Pinged",
        "Latency",
        "1",
        json!({"SentUs": now_us(), "I": i}),
    ))
}

fn sent_us(message: &[u8]) -> i64 {
    serde_json::from_slice::<serde_json::Value>(message)
        .ok()
        .and_then(|v| v["Event"]["SentUs"].as_i64())
        .unwrap_or(0)
}

/// CPU time this process's threads have run so far, in seconds (the sum of
/// `/proc/self/task/*/schedstat`, nanosecond resolution).
fn cpu_seconds() -> f64 {
    let mut ns = 0u64;
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        for t in tasks.flatten() {
            let stat = std::fs::read_to_string(t.path().join("schedstat")).unwrap_or_default();
            ns += stat
                .split_whitespace()
                .next()
                .and_then(|x| x.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    ns as f64 / 1e9
}

/// The role of a child process: appends `count` stamped events, one per append, `gap_us`
/// apart, then exits.
pub(crate) fn writer_role(dir: &Path, count: u64, gap_us: u64) {
    let p = EventStoreProvider::open(
        dir,
        lode::ProviderSettings {
            durability: Durability::NoSync,
            ..Default::default()
        },
    )
    .expect("open the store in the writer");
    let s = p.open_store("Latency", "1").expect("open the stream");
    println!("READY");
    for i in 0..count {
        std::thread::sleep(Duration::from_micros(gap_us));
        s.add(&[stamped(i)]).expect("append");
    }
    s.close().ok();
}

/// Waits on a subscription for `count` events of type Pinged and returns their delivery
/// latencies in µs (receipt minus the time the append started).
fn receive(p: &EventStoreProvider, count: usize) -> Vec<f64> {
    let sub = p
        .subscribe(
            SubscriptionStart::Now,
            SubscriptionFilter::all().event_type("Pinged", None),
            64,
        )
        .unwrap();
    let mut out = Vec::with_capacity(count);
    let deadline = Instant::now() + Duration::from_secs(600);
    while out.len() < count && Instant::now() < deadline {
        let page = sub.next_page(Duration::from_secs(10)).unwrap();
        let at = now_us();
        for r in &page.records {
            out.push((at - sent_us(&r.message)) as f64);
        }
    }
    out
}

pub(crate) fn rows(cfg: &Cfg, g: &Gen, rep: &mut Report) {
    latency_same_process(cfg, rep);
    latency_other_process(cfg, rep);
    idle_cost(cfg, rep);
    catch_up(cfg, g, rep);
}

fn latency_row(
    rep: &mut Report,
    id: &'static str,
    what: String,
    v: &[f64],
    target_us: f64,
    note: String,
) {
    let p50 = percentile(v, 0.5);
    let p99 = percentile(v, 0.99);
    rep.rows.push(Row {
        id,
        what,
        lode: p50,
        unit: "µs",
        baselines: vec![],
        ratios: vec![("p99 µs".into(), p99)],
        target: format!("p50 ≤ {:.0} µs", target_us),
        met: Some(p50 <= target_us),
        note,
    });
}

/// S1: a writer thread of this process appends one event at a time, ~1 ms apart; a subscriber
/// thread waits in `next_page`.
fn latency_same_process(cfg: &Cfg, rep: &mut Report) {
    if !cfg.runs("S1") {
        return;
    }
    let n = cfg.pick(300, 2_000);
    progress(&format!(
        "S1: {n} appends, a subscriber of this process waiting"
    ));
    let d = fresh_dir(cfg, "s1");
    let p = lode_provider(d.path(), Durability::NoSync);
    let s = p.open_store("Latency", "1").unwrap();
    s.add(&[stamped(0)]).unwrap(); // tables, map, first page: not measured
    let mut appends = Vec::new();
    let latencies = std::thread::scope(|scope| {
        let receiver = scope.spawn(|| receive(&p, n as usize));
        std::thread::sleep(Duration::from_millis(20));
        for i in 0..n {
            std::thread::sleep(Duration::from_micros(1000));
            let t = Instant::now();
            s.add(&[stamped(i)]).unwrap();
            appends.push(t.elapsed().as_secs_f64() * 1e6);
        }
        receiver.join().unwrap()
    });
    latency_row(
        rep,
        "S1",
        format!("{n} appends → subscriber, same process, p50 (µs)"),
        &latencies,
        1000.0,
        format!(
            "from the start of the append (NoSync; the append itself p50 {:.0} µs); woken by the commit's notify",
            median(&appends)
        ),
    );
    rep.extra
        .insert("s1_latency_us".into(), json!({"p50": percentile(&latencies, 0.5), "p90": percentile(&latencies, 0.9), "p99": percentile(&latencies, 0.99), "append_p50": median(&appends)}));
}

/// S2: another process (this program re-run as `--role sub-writer`) appends; a subscriber
/// here waits. Once with appends ~1 ms apart (a busy directory), once 50 ms apart (each commit
/// after a quiet time, when the poller has backed off).
fn latency_other_process(cfg: &Cfg, rep: &mut Report) {
    if !cfg.runs("S2") {
        return;
    }
    for (n, gap_us, label) in [
        (cfg.pick(300u64, 2_000), 1_000u64, "1 ms apart"),
        (cfg.pick(40, 150), 50_000, "50 ms apart"),
    ] {
        progress(&format!(
            "S2: {n} appends by another process, {label}, a subscriber here waiting"
        ));
        let d = fresh_dir(cfg, "s2");
        let p = lode_provider(d.path(), Durability::NoSync);
        p.open_store("Latency", "0")
            .unwrap()
            .add(&[stamped(0)])
            .unwrap();
        let exe = std::env::current_exe().expect("the bench binary");
        let latencies = std::thread::scope(|scope| {
            let receiver = scope.spawn(|| receive(&p, n as usize));
            std::thread::sleep(Duration::from_millis(20));
            let status = Command::new(&exe)
                .args(["--role", "sub-writer"])
                .arg(d.path())
                .args([n.to_string(), gap_us.to_string()])
                .stdout(Stdio::null())
                .status()
                .expect("run the writer process");
            assert!(status.success(), "the writer process failed");
            receiver.join().unwrap()
        });
        latency_row(
            rep,
            "S2",
            format!("{n} appends {label} → subscriber, another process, p50 (µs)"),
            &latencies,
            5000.0,
            "from the start of the append in the other process (NoSync); seen by polling the \
             meta pages every 0.25-4 ms (an eighth of the quiet time)"
                .into(),
        );
        rep.extra.insert(
            format!("s2_latency_us_gap_{gap_us}"),
            json!({"p50": percentile(&latencies, 0.5), "p90": percentile(&latencies, 0.9), "p99": percentile(&latencies, 0.99)}),
        );
    }
}

/// S3: what waiting costs when nothing happens: the CPU time of this process while 1 and then
/// 16 subscriptions wait on an idle store.
fn idle_cost(cfg: &Cfg, rep: &mut Report) {
    if !cfg.runs("S3") {
        return;
    }
    let secs = cfg.pick(1.0, 3.0);
    let d = fresh_dir(cfg, "s3");
    let p = lode_provider(d.path(), Durability::NoSync);
    p.open_store("Idle", "1")
        .unwrap()
        .add(&[stamped(0)])
        .unwrap();
    let mut figures = Vec::new();
    for waiters in [1usize, 16] {
        progress(&format!("S3: {waiters} idle subscriber(s) for {secs} s"));
        let stop = Arc::new(AtomicBool::new(false));
        let subs: Vec<_> = (0..waiters)
            .map(|_| {
                Arc::new(
                    p.subscribe(SubscriptionStart::Now, SubscriptionFilter::all(), 16)
                        .unwrap(),
                )
            })
            .collect();
        let threads: Vec<_> = subs
            .iter()
            .map(|s| {
                let (s, stop) = (s.clone(), stop.clone());
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Acquire) {
                        let _ = s.next_page(Duration::from_secs(60));
                    }
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(200));
        let (c0, t0) = (cpu_seconds(), Instant::now());
        std::thread::sleep(Duration::from_secs_f64(secs));
        let (c1, elapsed) = (cpu_seconds(), t0.elapsed().as_secs_f64());
        stop.store(true, Ordering::Release);
        subs.iter().for_each(|s| s.close());
        threads.into_iter().for_each(|t| t.join().unwrap());
        figures.push((waiters, (c1 - c0) / elapsed * 100.0));
    }
    let (one, many) = (figures[0].1, figures[1].1);
    rep.rows.push(Row {
        id: "S3",
        what: "idle waiting: CPU of this process, % of a core (1 / 16 waiters)".into(),
        lode: one,
        unit: "%",
        baselines: vec![],
        ratios: vec![("16 waiters %".into(), many)],
        target: "cheap (no target)".into(),
        met: None,
        note: "one waiter per environment polls the last txn id (every 4 ms once quiet); the others sleep"
            .into(),
    });
    rep.extra
        .insert("s3_idle_cpu_percent".into(), json!({"1": one, "16": many}));
}

/// S4: catching up over a stored log: a subscription's pages against `read_log` pages of the
/// same size over the same store, interleaved.
fn catch_up(cfg: &Cfg, g: &Gen, rep: &mut Report) {
    if !cfg.runs("S4") {
        return;
    }
    let n = cfg.pick(20_000u64, 100_000);
    let page = 256usize;
    let reps = 3;
    let d = fresh_dir(cfg, "s4");
    let p = lode_provider(d.path(), Durability::NoSync);
    progress(&format!(
        "S4: {n} events, catch-up vs read_log, pages of {page}"
    ));
    for b in 0..n / 1000 {
        let acct = super::account(b % 50);
        let s = p.store(None, super::AGGREGATE, &acct).unwrap();
        s.open(Duration::from_secs(60), Duration::ZERO).unwrap();
        let evs = g.events(&acct, b * 1000, 1000);
        s.add(&super::jsons(&evs)).unwrap();
        s.close().unwrap();
    }
    let (mut log, mut sub, mut filtered) = (vec![], vec![], vec![]);
    for _ in 0..reps {
        let t = Instant::now();
        let mut from = 1;
        let mut got = 0;
        loop {
            let r = p.read_log(from, page).unwrap();
            if r.is_empty() {
                break;
            }
            got += r.len();
            from = r.last().unwrap().position + 1;
        }
        assert_eq!(got as u64, n);
        log.push(n as f64 / t.elapsed().as_secs_f64());
        let t = Instant::now();
        let s = p
            .subscribe(SubscriptionStart::After(0), SubscriptionFilter::all(), page)
            .unwrap();
        let mut got = 0;
        loop {
            let r = s.next_page(Duration::ZERO).unwrap();
            if r.records.is_empty() {
                break;
            }
            got += r.records.len();
        }
        assert_eq!(got as u64, n);
        sub.push(n as f64 / t.elapsed().as_secs_f64());
        // A filter without an index (aggregate type): the log walked, every event checked.
        let t = Instant::now();
        let s = p
            .subscribe(
                SubscriptionStart::After(0),
                SubscriptionFilter::all().aggregate_type(super::AGGREGATE),
                page,
            )
            .unwrap();
        let mut got = 0;
        loop {
            let r = s.next_page(Duration::ZERO).unwrap();
            if r.records.is_empty() {
                break;
            }
            got += r.records.len();
        }
        assert_eq!(got as u64, n);
        filtered.push(n as f64 / t.elapsed().as_secs_f64());
    }
    let (l, s, f) = (median(&log), median(&sub), median(&filtered));
    rep.rows.push(Row {
        id: "S4",
        what: format!("catch-up over {n} events, pages of {page} (events/s)"),
        lode: s,
        unit: "events/s",
        baselines: vec![("read_log", l)],
        ratios: vec![("sub/read_log".into(), s / l)],
        target: "≥0.7× read_log".into(),
        met: Some(s / l >= 0.7),
        note: format!(
            "filtered by aggregate type (log walk): {:.0} events/s = {:.2}× read_log",
            f,
            f / l
        ),
    });
    rep.extra.insert(
        "s4_catch_up".into(),
        json!({"read_log": log, "subscription": sub, "aggregate_type_filter": filtered}),
    );
}
