//! The benchmark program of `docs/../shared/spec/performance.md` (cases P1..P9).
//!
//! Every figure that has a ratio target is measured against its baselines in the same run:
//! raw LMDB (the same `lmdb-rkv` crate, the same bytes under a `(u64 stream, u64 version)`
//! big-endian key, no indexes, the same transaction grouping and sync flags) and SQLite (the
//! seed's `events` table with its unique constraint and indexes, WAL, `synchronous=FULL`).
//!
//! Run: `make bench` (full, a few minutes) or `make bench-quick` (smoke run, under a minute).
//! Options: `--quick`, `--only P1,P4` (run some cases), `--data-dir DIR` (where stores are
//! written; default `target/bench-data`, which must be on a local disk, not tmpfs).
//! Prints a table and writes the same figures to `target/bench-results/latest.json`.

use std::path::{Path, PathBuf};
use std::sync::{Barrier, Mutex};
use std::time::{Duration, Instant};

use lmdb::{Cursor, Transaction};
use lode::{create_message, Durability, EventStoreProvider, NewMessage, ProviderSettings};
use lode_ffi as ffi;
use serde_json::{json, Value};

mod heap;
mod subscriptions;

#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

// ---------------------------------------------------------------------------------------------
// Configuration, results, harness.

struct Cfg {
    quick: bool,
    only: Option<Vec<String>>,
    data_root: PathBuf,
}

impl Cfg {
    fn runs(&self, id: &str) -> bool {
        self.only
            .as_ref()
            .is_none_or(|o| o.iter().any(|x| x.eq_ignore_ascii_case(id)))
    }
    fn pick<T>(&self, quick: T, full: T) -> T {
        if self.quick {
            quick
        } else {
            full
        }
    }
}

/// One line of the table.
struct Row {
    id: &'static str,
    what: String,
    lode: f64,
    unit: &'static str,
    /// (baseline name, figure in the same unit)
    baselines: Vec<(&'static str, f64)>,
    /// (label, value): ratios as the target states them.
    ratios: Vec<(String, f64)>,
    target: String,
    met: Option<bool>,
    note: String,
}

#[derive(Default)]
struct Report {
    rows: Vec<Row>,
    notes: Vec<String>,
    extra: serde_json::Map<String, Value>,
}

fn median(v: &[f64]) -> f64 {
    percentile(v, 0.5)
}

fn percentile(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = ((s.len() - 1) as f64 * p).round() as usize;
    s[at]
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn time<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let r = f();
    (secs(t.elapsed()), r)
}

/// Bytes this process has handed to write syscalls so far (`wchar` of /proc/self/io).
fn written_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/io")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("wchar:"))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|x| x.parse().ok()))
        .unwrap_or(0)
}

fn fresh_dir(cfg: &Cfg, name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("{name}-"))
        .tempdir_in(&cfg.data_root)
        .expect("create a data directory")
}

fn progress(msg: &str) {
    eprintln!(
        "[{:>7.1}s] {msg}",
        START.with(|s| s.elapsed().as_secs_f64())
    );
}

thread_local! {
    static START: Instant = Instant::now();
}

// ---------------------------------------------------------------------------------------------
// Workload: bank-account EventMessages of about 450 bytes (wire-format.md).

const AGGREGATE: &str = "BankAccount";
const TARGET_EVENT_BYTES: usize = 450;

/// One event with what the SQLite baseline stores in its columns.
#[derive(Clone)]
struct Ev {
    json: Vec<u8>,
    id: String,
    name: String,
    correlation: String,
}

struct Gen {
    pad: String,
    ids: Ids,
}

/// The message ids a [`Gen`] gives its events.
enum Ids {
    /// `create_message`'s: UUID v7, a millisecond clock, then random bits.
    AsCreated,
    /// Diagnostic (`--seq-ids`): increasing ones of the same length (the counter's next
    /// value), to show what the random bits of v7 ids cost the index.
    Increasing(std::sync::atomic::AtomicU64),
    /// P1-v4 and `--random-ids`: wholly random ones of the same length (as Hexalith's
    /// `Guid.NewGuid()` ids are; the counter numbers them), whose index inserts spread over the
    /// whole `message_ids` table.
    Random(std::sync::atomic::AtomicU64),
}

impl Ids {
    fn increasing() -> Ids {
        Ids::Increasing(std::sync::atomic::AtomicU64::new(1))
    }
    fn random() -> Ids {
        Ids::Random(std::sync::atomic::AtomicU64::new(1))
    }
}

/// 22 url-safe base64 digits of a random 128-bit value, the `n`th of a splitmix64 sequence.
fn random_id(n: u64) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mix = |mut z: u64| {
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let bits = (u128::from(mix(2 * n + 1)) << 64) | u128::from(mix(2 * n + 2));
    // Base64 of 16 bytes: 21 digits of 6 bits, then the last 2 bits padded with 4 zero bits.
    (0..22u32)
        .map(|i| {
            let digit = if i < 21 {
                bits >> (122 - 6 * i)
            } else {
                bits << 4
            };
            ALPHABET[(digit & 63) as usize] as char
        })
        .collect()
}

impl Gen {
    fn new(ids: Ids) -> Gen {
        let probe = Gen {
            pad: String::new(),
            ids: Ids::AsCreated,
        }
        .event("1500530001", 0, None, None);
        // The Description property itself takes 17 bytes.
        let pad_len = TARGET_EVENT_BYTES.saturating_sub(probe.json.len() + 17);
        Gen {
            pad: "x".repeat(pad_len),
            ids,
        }
    }

    /// Event `i` of `account`: deposits and withdrawals alternate.
    fn event(&self, account: &str, i: u64, name: Option<&str>, correlation: Option<&str>) -> Ev {
        let name = name.unwrap_or(if i.is_multiple_of(2) {
            "FundsDeposited"
        } else {
            "FundsWithdrawn"
        });
        let mut body = json!({
            "Amount": 100 + (i % 900),
            "Date": "2026-01-04T14:51:49.1234567+01:00",
            "Id": account,
            "DomainId": account,
        });
        if !self.pad.is_empty() {
            body["Description"] = json!(self.pad);
        }
        let mut m = NewMessage::new(name, AGGREGATE, account, body);
        m.correlation_id = correlation;
        let mut json = create_message(&m);
        let next =
            |c: &std::sync::atomic::AtomicU64| c.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let new_id = match &self.ids {
            Ids::AsCreated => None,
            Ids::Increasing(c) => Some((next(c), false)),
            Ids::Random(c) => Some((next(c), true)),
        };
        if let Some((n, random)) = new_id {
            let meta = lode::parse_metadata(&json, "bench event").expect("a valid message");
            let old = meta.id.to_string();
            let new = if random {
                random_id(n)
            } else {
                format!("{n:0>width$}", width = old.len())
            };
            json = String::from_utf8(json)
                .unwrap()
                .replace(&old, &new)
                .into_bytes();
        }
        let meta = lode::parse_metadata(&json, "bench event").expect("a valid message");
        let id = meta.id.to_string();
        let correlation = meta
            .correlation_id
            .map(|c| c.to_string())
            .unwrap_or_default();
        Ev {
            id,
            name: name.to_string(),
            correlation,
            json,
        }
    }

    fn events(&self, account: &str, from: u64, n: u64) -> Vec<Ev> {
        (from..from + n)
            .map(|i| self.event(account, i, None, None))
            .collect()
    }
}

fn jsons(evs: &[Ev]) -> Vec<&[u8]> {
    evs.iter().map(|e| e.json.as_slice()).collect()
}

fn account(n: u64) -> String {
    format!("{}", 1_500_530_000 + n)
}

// ---------------------------------------------------------------------------------------------
// lode.

fn lode_provider(dir: &Path, durability: Durability) -> EventStoreProvider {
    let settings = ProviderSettings {
        durability,
        ..ProviderSettings::default()
    };
    EventStoreProvider::open(dir, settings).expect("open a lode provider")
}

// ---------------------------------------------------------------------------------------------
// Raw LMDB baseline.

struct Raw {
    env: lmdb::Environment,
    db: lmdb::Database,
}

/// A raw LMDB environment on `dir` with a 16 GiB map, as every raw baseline opens one.
fn raw_env(dir: &Path, flags: lmdb::EnvironmentFlags, max_dbs: u32) -> lmdb::Environment {
    lmdb::Environment::new()
        .set_flags(flags)
        .set_max_dbs(max_dbs)
        .set_map_size(16 << 30)
        .open(dir)
        .expect("open raw LMDB")
}

impl Raw {
    /// The same flags lode uses (`NO_TLS`, plus `NO_SYNC` for NoSync).
    fn open(dir: &Path, nosync: bool) -> Raw {
        let mut flags = lmdb::EnvironmentFlags::NO_TLS;
        if nosync {
            flags |= lmdb::EnvironmentFlags::NO_SYNC;
        }
        let env = raw_env(dir, flags, 4);
        let db = env
            .create_db(Some("events"), lmdb::DatabaseFlags::empty())
            .expect("create raw db");
        Raw { env, db }
    }

    fn key(stream: u64, version: u64) -> [u8; 16] {
        let mut k = [0u8; 16];
        k[..8].copy_from_slice(&stream.to_be_bytes());
        k[8..].copy_from_slice(&version.to_be_bytes());
        k
    }

    /// One transaction: `evs` as versions `first..`.
    fn append(&self, stream: u64, first: u64, evs: &[Ev]) {
        let mut txn = self.env.begin_rw_txn().expect("raw txn");
        for (k, e) in evs.iter().enumerate() {
            txn.put(
                self.db,
                &Raw::key(stream, first + k as u64),
                &e.json,
                lmdb::WriteFlags::empty(),
            )
            .expect("raw put");
        }
        txn.commit().expect("raw commit");
    }

    /// Cursor scan of versions `first..=last`, copying the values into one buffer.
    fn scan(&self, stream: u64, first: u64, last: u64) -> Vec<u8> {
        self.scan_hinted(stream, first, last, false)
    }

    /// [`Raw::scan`], optionally with the prefetch hint lode's own table walks give
    /// (`crates/lode-lmdb/src/prefetch.rs`): a diagnostic baseline for P4, so that the report
    /// says how much of lode's read speed is the hint and how much the rest of its read costs.
    fn scan_hinted(&self, stream: u64, first: u64, last: u64, prefetch: bool) -> Vec<u8> {
        let txn = self.env.begin_ro_txn().expect("raw ro txn");
        let hint = txn
            .get(self.db, &Raw::key(stream, first))
            .map(|v| v.len())
            .unwrap_or(0)
            * (last - first + 1) as usize;
        let mut out = Vec::with_capacity(hint + 16);
        let mut cursor = txn.open_ro_cursor(self.db).expect("cursor");
        let end = Raw::key(stream, last);
        for item in cursor.iter_from(Raw::key(stream, first)) {
            let (k, v) = item.expect("raw item");
            if k > &end[..] {
                break;
            }
            if prefetch {
                lode_lmdb::prefetch_next_nodes(k, v);
            }
            out.extend_from_slice(v);
        }
        out
    }

    fn get_len(&self, stream: u64, version: u64) -> usize {
        let txn = self.env.begin_ro_txn().expect("raw ro txn");
        txn.get(self.db, &Raw::key(stream, version))
            .map(|v| v.len())
            .unwrap_or(0)
    }
}

/// Diagnostic baseline for P2 and P3: raw LMDB writing, per event, the records a layout writes
/// for an append to a known stream. In format 4's [`Shape`] (docs/storage-layout.md): the event
/// record and its log entry (with the index fields and a CRC's room, as long as lode's), each in
/// its own table, and, once the tail is longer than lode's default lag, what indexing the tail
/// writes (the tail's message ids, one type group, the correlation groups of its events not
/// correlated with themselves). No checks, no parsing, no reads: what an append costs the disk
/// with a layout and none of lode's code, so that P2's ratio can be split into layout and code,
/// and the candidate layouts measured beside format 4.
struct RawLayout {
    env: lmdb::Environment,
    dbs: [lmdb::Database; 5],
    /// LMDB's main database, whose page every commit that changes a table rewrites anyway
    /// (it holds the tables' root records).
    main: lmdb::Database,
    shape: Shape,
    index_lag: u64,
}

/// A not yet indexed event of a [`RawLayout`]: position, stream, version, message id,
/// correlation id.
type TailItem = (u64, u64, u64, String, String);

/// What a [`RawLayout`] commit writes: format 4, or one of two candidate layouts that take the
/// second B-tree off the single append (docs/storage-layout.md, "A next format"), measured so
/// each run says what a layout change would buy on its disk.
#[derive(Clone, Copy)]
enum Shape {
    /// Format 4: the event in `events`, its entry in `log`, the tail's indexes every 33rd commit.
    Format4,
    /// The unindexed tail's log entries in one record of LMDB's main database instead of in
    /// `log` (written to `log`, as short entries, with the indexes when the tail is indexed).
    TailInMainPage,
    /// The event inside its log entry (`log` only); `events` becomes a lagging index of
    /// positions, written with the others when the tail is indexed.
    EventInLog,
}

impl RawLayout {
    /// One store of each [`Shape`], in the order format 4, tail in the main page, event in its
    /// log entry, each in a fresh directory named after `case` (kept while the dirs live).
    fn each_shape(cfg: &Cfg, case: &str) -> (Vec<tempfile::TempDir>, Vec<RawLayout>) {
        [
            (Shape::Format4, "raw-layout"),
            (Shape::TailInMainPage, "raw-tail-in-main"),
            (Shape::EventInLog, "raw-event-in-log"),
        ]
        .into_iter()
        .map(|(shape, name)| {
            let dir = fresh_dir(cfg, &format!("{case}-{name}"));
            let layout = RawLayout::open(dir.path(), shape);
            (dir, layout)
        })
        .unzip()
    }

    fn open(dir: &Path, shape: Shape) -> RawLayout {
        let env = raw_env(dir, lmdb::EnvironmentFlags::NO_TLS, 8);
        let names = ["events", "log", "message_ids", "type_groups", "corr_groups"];
        let dbs = names.map(|n| {
            env.create_db(Some(n), lmdb::DatabaseFlags::empty())
                .expect("create raw db")
        });
        let main = env.open_db(None).expect("open the main db");
        RawLayout {
            env,
            dbs,
            main,
            shape,
            index_lag: u64::from(ProviderSettings::default().index_lag),
        }
    }

    /// One commit of `events` (stream, version, event) at log positions `first..`; `tail` holds
    /// the (position, stream, version, message id, correlation id) of the events not yet
    /// indexed (these join it, and an indexing commit empties it).
    fn append(&self, first: u64, events: &[(u64, u64, &Ev)], tail: &mut Vec<TailItem>) {
        let put = |txn: &mut lmdb::RwTransaction<'_>, db: lmdb::Database, k: &[u8], v: &[u8]| {
            txn.put(db, &k, &v, lmdb::WriteFlags::empty())
                .expect("raw put");
        };
        let [events_db, log, message_ids, type_groups, corr_groups] = self.dbs;
        let mut txn = self.env.begin_rw_txn().expect("raw txn");
        let index_now = (tail.len() + events.len()) as u64 > self.index_lag;
        for (k, &(stream, version, e)) in events.iter().enumerate() {
            let position = first + k as u64;
            let mut record = vec![0u8; 21];
            record.extend_from_slice(&e.json);
            let entry = vec![0u8; log_entry_len(&e.id, &e.correlation)];
            tail.push((
                position,
                stream,
                version,
                e.id.clone(),
                e.correlation.clone(),
            ));
            match self.shape {
                Shape::Format4 => {
                    put(&mut txn, events_db, &Raw::key(stream, version), &record);
                    put(&mut txn, log, &position.to_be_bytes(), &entry);
                }
                Shape::TailInMainPage => {
                    put(&mut txn, events_db, &Raw::key(stream, version), &record);
                }
                Shape::EventInLog => {
                    let mut both = entry;
                    both.extend_from_slice(&record);
                    put(&mut txn, log, &position.to_be_bytes(), &both);
                }
            }
        }
        match self.shape {
            Shape::Format4 => {}
            Shape::TailInMainPage if index_now => {
                // Indexed: each tail entry goes to `log` without its index fields.
                for (position, ..) in tail.iter() {
                    put(&mut txn, log, &position.to_be_bytes(), &[0u8; 29]);
                }
                put(&mut txn, self.main, b"lode-tail", &[0u8; 12]);
            }
            Shape::TailInMainPage => {
                // The tail's entries, each with a u16 length, rewritten whole by each commit.
                let bytes: usize = tail
                    .iter()
                    .map(|(_, _, _, id, corr)| 2 + log_entry_len(id, corr))
                    .sum();
                put(&mut txn, self.main, b"lode-tail", &vec![0u8; 12 + bytes]);
            }
            Shape::EventInLog if index_now => {
                for (position, stream, version, ..) in tail.iter() {
                    put(
                        &mut txn,
                        events_db,
                        &Raw::key(*stream, *version),
                        &position.to_be_bytes(),
                    );
                }
            }
            Shape::EventInLog => {}
        }
        if index_now {
            for (v, stream, _, id, corr) in tail.iter() {
                let mut key = (id.len() as u16).to_be_bytes().to_vec();
                key.extend_from_slice(id.as_bytes());
                key.extend_from_slice(&stream.to_be_bytes());
                if corr == id {
                    // Correlated with itself: the entry names the position, no group.
                    put(
                        &mut txn,
                        message_ids,
                        &key,
                        &[v.to_be_bytes(), v.to_be_bytes()].concat(),
                    );
                    continue;
                }
                put(&mut txn, message_ids, &key, &v.to_be_bytes());
                let mut key = (corr.len() as u16).to_be_bytes().to_vec();
                key.extend_from_slice(corr.as_bytes());
                key.extend_from_slice(&v.to_be_bytes());
                put(&mut txn, corr_groups, &key, &1u32.to_be_bytes());
            }
            let mut group = (events[0].2.name.len() as u64).to_be_bytes().to_vec();
            group.extend_from_slice(&tail[0].0.to_be_bytes());
            put(&mut txn, type_groups, &group, &[0u8; 12]);
            tail.clear();
        }
        txn.commit().expect("raw commit");
    }
}

/// The length of format 4's log entry with its index fields for an event of message id `id`
/// and correlation id `correlation` (one flag byte when the two are equal), CRC included.
fn log_entry_len(id: &str, correlation: &str) -> usize {
    let correlation = if correlation == id {
        0
    } else {
        2 + correlation.len()
    };
    33 + 2 + id.len() + 1 + correlation + 4
}

// ---------------------------------------------------------------------------------------------
// SQLite baseline: the seed's events table.

const SQLITE_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events (
    event_id          TEXT PRIMARY KEY,
    aggregate_id      TEXT NOT NULL,
    aggregate_type    TEXT NOT NULL,
    aggregate_version INTEGER NOT NULL,
    event_type        TEXT NOT NULL,
    event_version     INTEGER NOT NULL DEFAULT 1,
    event_timestamp   TEXT NOT NULL,
    actor             TEXT,
    actor_type        TEXT CHECK (actor_type IN ('user','service','system')),
    source            TEXT CHECK (source IN ('ui','api','import','webhook','system')),
    causation_id      TEXT,
    correlation_id    TEXT,
    data              TEXT NOT NULL,
    metadata          TEXT NOT NULL,
    UNIQUE (aggregate_id, aggregate_version)
);
CREATE INDEX IF NOT EXISTS idx_events_type ON events(event_type);
CREATE INDEX IF NOT EXISTS idx_events_time ON events(event_timestamp DESC);
CREATE INDEX IF NOT EXISTS idx_events_correlation ON events(correlation_id)
    WHERE correlation_id IS NOT NULL;
";

const SQLITE_INSERT: &str = "INSERT INTO events (event_id, aggregate_id, aggregate_type,
    aggregate_version, event_type, event_version, event_timestamp, actor, actor_type, source,
    causation_id, correlation_id, data, metadata)
    VALUES (?1, ?2, 'BankAccount', ?3, ?4, 1, ?5, 'system', 'system', 'api', NULL, ?6, ?7, '{}')";

fn sqlite_open(path: &Path, full_sync: bool) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(path).expect("open sqlite");
    c.busy_timeout(Duration::from_secs(60)).unwrap();
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    c.pragma_update(None, "synchronous", if full_sync { "FULL" } else { "OFF" })
        .unwrap();
    c.execute_batch(SQLITE_SCHEMA).expect("sqlite schema");
    c
}

fn now_iso() -> String {
    let us = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_micros() as i64;
    lode::format_micros(us)
}

/// One transaction: `evs` as versions `first..` of `account`.
fn sqlite_append(c: &mut rusqlite::Connection, account: &str, first: u64, evs: &[Ev]) {
    let tx = c
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("sqlite tx");
    {
        let now = now_iso();
        let mut st = tx.prepare_cached(SQLITE_INSERT).unwrap();
        for (k, e) in evs.iter().enumerate() {
            st.execute(rusqlite::params![
                e.id,
                account,
                (first + k as u64) as i64,
                e.name,
                now,
                e.correlation,
                std::str::from_utf8(&e.json).unwrap(),
            ])
            .expect("sqlite insert");
        }
    }
    tx.commit().expect("sqlite commit");
}

/// Reads rows of a query (all columns, like lode's records) and returns how many.
fn sqlite_rows(c: &rusqlite::Connection, sql: &str, params: &[&dyn rusqlite::ToSql]) -> usize {
    let mut st = c.prepare_cached(sql).unwrap();
    let mut rows = st.query(params).unwrap();
    let mut n = 0;
    let mut bytes = 0usize;
    while let Some(r) = rows.next().unwrap() {
        for i in 0..14 {
            if let Ok(rusqlite::types::ValueRef::Text(t)) = r.get_ref(i) {
                bytes += t.len();
            }
        }
        n += 1;
    }
    std::hint::black_box(bytes);
    n
}

// ---------------------------------------------------------------------------------------------
// P1: batched appends.

/// P1, and P1-v4: the same with wholly random message ids (`Ids::Random`).
fn p1(cfg: &Cfg, g: &Gen, rep: &mut Report, id: &'static str) {
    let n = cfg.pick(20_000, 100_000);
    let batch = 1_000u64;
    let reps = cfg.pick(1, 3);
    let acct = account(1);
    let evs = g.events(&acct, 0, n);
    let (mut tl, mut tr, mut ts) = (vec![], vec![], vec![]);
    let (mut wl, mut wr) = (0.0, 0.0);
    for r in 0..reps {
        progress(&format!(
            "{id} rep {} of {reps}: {n} events in batches of {batch}, the three systems batch by \
             batch",
            r + 1
        ));
        // The systems take turns batch by batch, so that the VM's drift over seconds (other
        // guests, the host's disk) falls on all three alike instead of on whichever ran then.
        let (dl, dr, ds) = (
            fresh_dir(cfg, "p1-lode"),
            fresh_dir(cfg, "p1-raw"),
            fresh_dir(cfg, "p1-sqlite"),
        );
        let p = lode_provider(dl.path(), Durability::Full);
        let s = p.open_store(AGGREGATE, &acct).unwrap();
        let raw = Raw::open(dr.path(), false);
        let mut c = sqlite_open(&ds.path().join("events.db"), true);
        let (mut t_l, mut t_r, mut t_s) = (0.0, 0.0, 0.0);
        let (mut w_l, mut w_r) = (0u64, 0u64);
        for (i, ch) in evs.chunks(batch as usize).enumerate() {
            let w0 = written_bytes();
            t_l += time(|| s.add(&jsons(ch)).unwrap()).0;
            let w1 = written_bytes();
            t_r += time(|| raw.append(1, 1 + i as u64 * batch, ch)).0;
            let w2 = written_bytes();
            t_s += time(|| sqlite_append(&mut c, &acct, 1 + i as u64 * batch, ch)).0;
            w_l += w1 - w0;
            w_r += w2 - w1;
        }
        assert_eq!(s.version().unwrap(), n);
        (wl, wr) = (w_l as f64 / n as f64, w_r as f64 / n as f64);
        tl.push(t_l);
        tr.push(t_r);
        ts.push(t_s);
    }
    let rate = |t: &[f64]| n as f64 / median(t);
    let (l, r, s) = (rate(&tl), rate(&tr), rate(&ts));
    let (rr, rs) = (l / r, l / s);
    rep.extra.insert(
        format!(
            "{}_bytes_written_per_event",
            id.to_lowercase().replace('-', "_")
        ),
        json!({"lode": wl, "raw_lmdb": wr}),
    );
    // The target is stated for P1; P1-v4 shows what ids that are not time-ordered cost.
    let (what, target, met) = if id == "P1" {
        (
            format!("append {n} events, batches of {batch} (events/s)"),
            "≥0.5× raw, ≥3× SQLite".to_string(),
            Some(rr >= 0.5 && rs >= 3.0),
        )
    } else {
        (
            "the same, random (v4) message ids, as Hexalith makes them (events/s)".to_string(),
            "(report)".to_string(),
            None,
        )
    };
    rep.rows.push(Row {
        id,
        what,
        lode: l,
        unit: "ev/s",
        baselines: vec![("raw LMDB", r), ("SQLite", s)],
        ratios: vec![("vs raw".into(), rr), ("vs SQLite".into(), rs)],
        target,
        met,
        note: format!(
            "median of {reps}; per batch: lode {:.2} ms, raw {:.2} ms, SQLite {:.2} ms; \
             bytes written per event: lode {:.0}, raw {:.0}",
            median(&tl) * 1e3 / (n / batch) as f64,
            median(&tr) * 1e3 / (n / batch) as f64,
            median(&ts) * 1e3 / (n / batch) as f64,
            wl,
            wr
        ),
    });
}

// ---------------------------------------------------------------------------------------------
// P2: single-event appends, one writer.

fn p2(cfg: &Cfg, g: &Gen, rep: &mut Report) {
    let n = cfg.pick(400, 2_000);
    let rounds = 4;
    let acct = account(2);
    let evs = g.events(&acct, 0, n);
    let dl = fresh_dir(cfg, "p2-lode");
    let dr = fresh_dir(cfg, "p2-raw");
    let ds = fresh_dir(cfg, "p2-sqlite");
    let p = lode_provider(dl.path(), Durability::Full);
    let s = p.open_store(AGGREGATE, &acct).unwrap();
    let raw = Raw::open(dr.path(), false);
    // Raw LMDB writing each layout's records (format 4 and the two candidates), no lode code.
    let (_layout_dirs, layouts) = RawLayout::each_shape(cfg, "p2");
    let mut c = sqlite_open(&ds.path().join("events.db"), true);
    let (mut ll, mut lr, mut ls) = (vec![], vec![], vec![]);
    let mut lx: Vec<Vec<f64>> = vec![vec![]; layouts.len()];
    let mut tails: Vec<Vec<_>> = vec![Vec::new(); layouts.len()];
    progress(&format!(
        "P2: {n} single-event appends each, {rounds} interleaved rounds"
    ));
    // Bytes handed to write(2)/pwrite(2) per commit: what fsync must push to the disk.
    let (mut wl, mut wr) = (0u64, 0u64);
    for chunk in evs.chunks(n as usize / rounds) {
        let base = ll.len() as u64;
        let w0 = written_bytes();
        for e in chunk {
            let (t, _) = time(|| s.add(&[&e.json]).unwrap());
            ll.push(t);
        }
        let w1 = written_bytes();
        for (k, e) in chunk.iter().enumerate() {
            let (t, _) = time(|| raw.append(1, base + k as u64 + 1, std::slice::from_ref(e)));
            lr.push(t);
        }
        wl += w1 - w0;
        wr += written_bytes() - w1;
        for ((layout, times), tail) in layouts.iter().zip(&mut lx).zip(&mut tails) {
            for (k, e) in chunk.iter().enumerate() {
                let v = base + k as u64 + 1;
                let (t, _) = time(|| layout.append(v, &[(1, v, e)], tail));
                times.push(t);
            }
        }
        for (k, e) in chunk.iter().enumerate() {
            let (t, _) =
                time(|| sqlite_append(&mut c, &acct, base + k as u64 + 1, std::slice::from_ref(e)));
            ls.push(t);
        }
    }
    let us = |v: &[f64], p: f64| percentile(v, p) * 1e6;
    let ratio = us(&ll, 0.5) / us(&lr, 0.5);
    rep.rows.push(Row {
        id: "P2",
        what: format!("{n} single-event appends, p50 latency (µs)"),
        lode: us(&ll, 0.5),
        unit: "µs",
        baselines: vec![("raw LMDB", us(&lr, 0.5)), ("SQLite", us(&ls, 0.5))],
        ratios: vec![
            ("lode/raw".into(), ratio),
            ("lode/SQLite".into(), us(&ll, 0.5) / us(&ls, 0.5)),
        ],
        target: "p50 ≤ 1.1× raw".into(),
        met: Some(ratio <= 1.1),
        note: format!(
            "p90: lode {:.0} µs, raw {:.0} µs, SQLite {:.0} µs; bytes written per commit: \
             lode {:.0}, raw {:.0}; raw LMDB writing lode's records (format 4: event and log \
             entry, the tail's indexes once every {} commits; no lode code): p50 {:.0} µs = \
             {:.2}× raw, lode/that {:.2}; the same with the tail's log entries in LMDB's main \
             page instead: {:.2}× raw; with the event inside its log entry: {:.2}× raw",
            us(&ll, 0.9),
            us(&lr, 0.9),
            us(&ls, 0.9),
            wl as f64 / ll.len() as f64,
            wr as f64 / lr.len() as f64,
            layouts[0].index_lag + 1,
            us(&lx[0], 0.5),
            us(&lx[0], 0.5) / us(&lr, 0.5),
            us(&ll, 0.5) / us(&lx[0], 0.5),
            us(&lx[1], 0.5) / us(&lr, 0.5),
            us(&lx[2], 0.5) / us(&lr, 0.5),
        ),
    });
    rep.extra
        .insert("fsync_commit_p50_us".into(), json!(us(&lr, 0.5)));
    rep.extra.insert(
        "p2_raw_layouts_p50_over_raw".into(),
        json!({
            "format4": us(&lx[0], 0.5) / us(&lr, 0.5),
            "tail_in_main_page": us(&lx[1], 0.5) / us(&lr, 0.5),
            "event_in_log": us(&lx[2], 0.5) / us(&lr, 0.5),
        }),
    );
    rep.extra.insert(
        "p2_bytes_written_per_commit".into(),
        json!({"lode": wl as f64 / ll.len() as f64, "raw_lmdb": wr as f64 / lr.len() as f64}),
    );
}

// ---------------------------------------------------------------------------------------------
// P3: single-event appends from 16 threads, each to its own stream; the same with 64 and 256
// threads, and from 4 processes × 16 threads (group commit where servers measure it).

fn p3(cfg: &Cfg, g: &Gen, rep: &mut Report) {
    // The same number of events in every row: 16 × per.
    let total = cfg.pick(480u64, 4800);
    for (id, threads) in [("P3", 16usize), ("P3-64", 64), ("P3-256", 256)] {
        p3_threads(cfg, g, rep, id, threads, total / threads as u64);
    }
    p3_processes(cfg, g, rep, 4, 16, total / 64);
}

fn p3_threads(cfg: &Cfg, g: &Gen, rep: &mut Report, id: &'static str, threads: usize, per: u64) {
    let per = per.max(1);
    let total = threads as f64 * per as f64;
    let evs: Vec<Vec<Ev>> = (0..threads)
        .map(|t| g.events(&account(100 + t as u64), 0, per))
        .collect();
    progress(&format!(
        "{id}: {threads} threads × {per} single-event appends"
    ));

    // lode: one provider, one store (session) per thread; group commit.
    let (lode_t, lode_commits) = {
        let d = fresh_dir(cfg, "p3-lode");
        let p = lode_provider(d.path(), Durability::Full);
        let stores: Vec<_> = (0..threads)
            .map(|t| p.open_store(AGGREGATE, &account(100 + t as u64)).unwrap())
            .collect();
        let txn_before = last_txn_id(d.path());
        let barrier = Barrier::new(threads + 1);
        let t = std::thread::scope(|sc| {
            for (s, evs) in stores.iter().zip(&evs) {
                let barrier = &barrier;
                sc.spawn(move || {
                    barrier.wait();
                    for e in evs {
                        s.add(&[&e.json]).unwrap();
                    }
                });
            }
            barrier.wait();
            Instant::now()
        });
        let elapsed = secs(t.elapsed());
        let commits = last_txn_id(d.path()) - txn_before;
        for s in &stores {
            assert_eq!(s.version().unwrap(), per);
        }
        (elapsed, commits)
    };
    let raw_t = raw_mutex_appends(cfg, &evs);
    // SQLite: one connection per thread, autocommit inserts, busy timeout.
    let sqlite_t = {
        let d = fresh_dir(cfg, "p3-sqlite");
        let path = d.path().join("events.db");
        drop(sqlite_open(&path, true));
        let conns: Vec<_> = (0..threads).map(|_| sqlite_open(&path, true)).collect();
        let barrier = Barrier::new(threads + 1);
        let t = std::thread::scope(|sc| {
            for (ti, (mut c, evs)) in conns.into_iter().zip(&evs).enumerate() {
                let barrier = &barrier;
                sc.spawn(move || {
                    let acct = account(100 + ti as u64);
                    barrier.wait();
                    for (k, e) in evs.iter().enumerate() {
                        sqlite_append(&mut c, &acct, k as u64 + 1, std::slice::from_ref(e));
                    }
                });
            }
            barrier.wait();
            Instant::now()
        });
        secs(t.elapsed())
    };
    let (l, r, s) = (total / lode_t, total / raw_t, total / sqlite_t);
    // The target is stated at 16 threads; the other rows show how group commit scales.
    let (target, met) = if threads == 16 {
        (
            "≥5× raw (mutex), ≥3× SQLite".to_string(),
            Some(l / r >= 5.0 && l / s >= 3.0),
        )
    } else {
        ("(scaling; target at 16)".to_string(), None)
    };
    let mut note = format!(
        "wall: lode {:.2} s, raw {:.2} s, SQLite {:.2} s; lode's group commits: {:.1} events \
         per commit, {:.0} µs per commit",
        lode_t,
        raw_t,
        sqlite_t,
        total / lode_commits.max(1) as f64,
        lode_t * 1e6 / lode_commits.max(1) as f64
    );
    if threads == 16 {
        let shapes = raw_group_commits(cfg, &evs);
        note.push_str(&format!(
            "; raw LMDB committing groups of {threads} events in {threads} streams, p50 per \
             commit: format 4's records {:.0} µs, tail in the main page {:.2}× that, event in \
             its log entry {:.2}× that",
            shapes[0],
            shapes[1] / shapes[0],
            shapes[2] / shapes[0]
        ));
        rep.extra.insert(
            "p3_raw_group_commit_p50_us".into(),
            json!({"format4": shapes[0], "tail_in_main_page": shapes[1], "event_in_log": shapes[2]}),
        );
    }
    rep.rows.push(Row {
        id,
        what: format!("{threads} threads × {per} single-event appends (events/s)"),
        lode: l,
        unit: "ev/s",
        baselines: vec![("raw LMDB", r), ("SQLite", s)],
        ratios: vec![("vs raw".into(), l / r), ("vs SQLite".into(), l / s)],
        target,
        met,
        note,
    });
}

/// The id of the last committed write transaction of the LMDB environment in `dir`: the larger
/// of the two meta pages' `mm_txnid` (page header 16 bytes, then the meta fields up to the id:
/// 128 bytes; pages of 4,096 bytes). Each lode commit is one write transaction, so the
/// difference over a run counts its commits.
fn last_txn_id(dir: &Path) -> u64 {
    use std::io::Read;
    let mut bytes = vec![0u8; 2 * 4096];
    std::fs::File::open(dir.join("data.mdb"))
        .and_then(|mut f| f.read_exact(&mut bytes))
        .expect("read data.mdb's meta pages");
    let at = |offset: usize| u64::from_le_bytes(bytes[offset..offset + 8].try_into().unwrap());
    at(16 + 128).max(at(4096 + 16 + 128))
}

/// Diagnostic for P3: what one group commit of one event in each of `evs.len()` streams costs
/// the disk in each [`Shape`], as raw LMDB puts with no lode code (p50 µs per commit, in the
/// order format 4, tail in the main page, event in its log entry). The shapes take turns, so
/// each sees the same disk.
fn raw_group_commits(cfg: &Cfg, evs: &[Vec<Ev>]) -> [f64; 3] {
    let (_dirs, layouts) = RawLayout::each_shape(cfg, "p3");
    let mut tails: Vec<Vec<TailItem>> = vec![Vec::new(); layouts.len()];
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); layouts.len()];
    let commits = evs.iter().map(Vec::len).min().unwrap_or(0);
    for c in 0..commits {
        let group: Vec<(u64, u64, &Ev)> = evs
            .iter()
            .enumerate()
            .map(|(s, list)| (s as u64 + 1, c as u64 + 1, &list[c]))
            .collect();
        let first = (c * group.len()) as u64 + 1;
        for ((layout, tail), t) in layouts.iter().zip(&mut tails).zip(&mut times) {
            let (took, _) = time(|| layout.append(first, &group, tail));
            t.push(took);
        }
    }
    let p50 = |t: &[f64]| percentile(t, 0.5) * 1e6;
    [p50(&times[0]), p50(&times[1]), p50(&times[2])]
}

/// Raw LMDB: one event per durable transaction under a mutex, one thread per list of events.
fn raw_mutex_appends(cfg: &Cfg, evs: &[Vec<Ev>]) -> f64 {
    let d = fresh_dir(cfg, "p3-raw");
    let raw = Raw::open(d.path(), false);
    let lock = Mutex::new(());
    let barrier = Barrier::new(evs.len() + 1);
    let t = std::thread::scope(|sc| {
        for (ti, evs) in evs.iter().enumerate() {
            let (barrier, raw, lock) = (&barrier, &raw, &lock);
            sc.spawn(move || {
                barrier.wait();
                for (k, e) in evs.iter().enumerate() {
                    let _g = lock.lock().unwrap();
                    raw.append(ti as u64 + 1, k as u64 + 1, std::slice::from_ref(e));
                }
            });
        }
        barrier.wait();
        Instant::now()
    });
    secs(t.elapsed())
}

/// The environment variable that makes this binary a P3 writer process (`p3_child`).
const P3_CHILD: &str = "LODE_BENCH_P3_CHILD";

/// P3 across processes: `procs` processes of this binary, each with `threads` threads
/// appending `per` single events to their own streams of one directory. The clock runs from
/// the moment every process is ready and told to go until the last one says it is done (its
/// appends returned; closing its sessions is not timed). The baseline is
/// raw LMDB with as many threads in one process (a mutex; LMDB's own writer lock is the same
/// across processes).
fn p3_processes(cfg: &Cfg, g: &Gen, rep: &mut Report, procs: usize, threads: usize, per: u64) {
    use std::io::{BufRead, BufReader, Write};
    let per = per.max(1);
    let writers = procs * threads;
    let total = writers as f64 * per as f64;
    progress(&format!(
        "P3-proc: {procs} processes × {threads} threads × {per} single-event appends"
    ));
    let d = fresh_dir(cfg, "p3-procs");
    // Create the store first, so no child times its creation.
    drop(lode_provider(d.path(), Durability::Full));
    let exe = std::env::current_exe().expect("the benchmark's own path");
    let mut children: Vec<_> = (0..procs)
        .map(|i| {
            std::process::Command::new(&exe)
                .env(
                    P3_CHILD,
                    format!("{}\t{i}\t{threads}\t{per}", d.path().display()),
                )
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("start a P3 writer process")
        })
        .collect();
    let mut outputs: Vec<_> = children
        .iter_mut()
        .map(|c| BufReader::new(c.stdout.take().unwrap()))
        .collect();
    for out in &mut outputs {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "ready", "a P3 writer process did not start");
    }
    let start = Instant::now();
    for c in &mut children {
        writeln!(c.stdin.as_mut().unwrap(), "go").unwrap();
    }
    for out in &mut outputs {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "done", "a P3 writer process failed");
    }
    let lode_t = secs(start.elapsed());
    for c in &mut children {
        assert!(c.wait().unwrap().success(), "a P3 writer process failed");
    }
    let p = lode_provider(d.path(), Durability::Full);
    assert_eq!(p.head_position().unwrap(), writers as u64 * per);
    drop(p);
    let evs: Vec<Vec<Ev>> = (0..writers)
        .map(|t| g.events(&account(100 + t as u64), 0, per))
        .collect();
    let raw_t = raw_mutex_appends(cfg, &evs);
    let (l, r) = (total / lode_t, total / raw_t);
    rep.rows.push(Row {
        id: "P3-proc",
        what: format!(
            "{procs} processes × {threads} threads × {per} single-event appends (events/s)"
        ),
        lode: l,
        unit: "ev/s",
        baselines: vec![("raw LMDB, threads", r)],
        ratios: vec![("vs raw".into(), l / r)],
        target: "(scaling; target at 16)".into(),
        met: None,
        note: format!(
            "wall: lode {lode_t:.2} s (from go to the last done), raw {raw_t:.2} s ({writers} threads)"
        ),
    });
}

/// One P3 writer process: opens the directory, says "ready", waits for "go" on stdin, appends
/// from its threads, says "done" and exits.
fn p3_child(spec: &str) {
    use std::io::BufRead;
    let parts: Vec<&str> = spec.split('\t').collect();
    let (dir, index, threads, per): (&str, usize, usize, u64) = (
        parts[0],
        parts[1].parse().unwrap(),
        parts[2].parse().unwrap(),
        parts[3].parse().unwrap(),
    );
    let g = Gen::new(Ids::AsCreated);
    let accounts: Vec<String> = (0..threads)
        .map(|t| account(100 + (index * threads + t) as u64))
        .collect();
    let evs: Vec<Vec<Ev>> = accounts.iter().map(|a| g.events(a, 0, per)).collect();
    let p = lode_provider(Path::new(dir), Durability::Full);
    let stores: Vec<_> = accounts
        .iter()
        .map(|a| p.open_store(AGGREGATE, a).unwrap())
        .collect();
    println!("ready");
    let mut go = String::new();
    std::io::stdin().lock().read_line(&mut go).unwrap();
    std::thread::scope(|sc| {
        for (s, evs) in stores.iter().zip(&evs) {
            sc.spawn(move || {
                for e in evs {
                    s.add(&[&e.json]).unwrap();
                }
            });
        }
    });
    println!("done");
    for s in &stores {
        assert_eq!(s.version().unwrap(), per);
    }
}

// ---------------------------------------------------------------------------------------------
// P4, P5, P6: reads of a 10,000-event stream.

struct CStore {
    provider: *mut ffi::LodeProvider,
    store: *mut ffi::LodeStore,
}

impl CStore {
    fn open(dir: &Path, acct: &str) -> CStore {
        let path = dir.to_str().unwrap();
        let mut provider = std::ptr::null_mut();
        let rc = ffi::lode_provider_open(
            path.as_ptr(),
            path.len(),
            std::ptr::null(),
            0,
            &mut provider,
            std::ptr::null_mut(),
        );
        assert_eq!(rc, ffi::LODE_OK, "lode_provider_open");
        let mut store = std::ptr::null_mut();
        let rc = ffi::lode_store_open(
            provider,
            std::ptr::null(),
            0,
            AGGREGATE.as_ptr(),
            AGGREGATE.len(),
            acct.as_ptr(),
            acct.len(),
            ffi::LODE_DEFAULT,
            ffi::LODE_DEFAULT,
            &mut store,
            std::ptr::null_mut(),
        );
        assert_eq!(rc, ffi::LODE_OK, "lode_store_open");
        CStore { provider, store }
    }

    /// `lode_store_read`, touching the bytes' length and freeing the buffer; returns the count.
    fn read(&self, use_snapshot: bool) -> usize {
        let mut buf = std::ptr::null_mut();
        let rc = ffi::lode_store_read(self.store, use_snapshot, &mut buf, std::ptr::null_mut());
        assert_eq!(rc, ffi::LODE_OK);
        let n = ffi::lode_buffer_count(buf);
        std::hint::black_box(ffi::lode_buffer_data(buf));
        std::hint::black_box(ffi::lode_buffer_len(buf));
        ffi::lode_buffer_free(buf);
        n
    }

    fn version(&self) -> i64 {
        let mut v = 0i64;
        let rc = ffi::lode_store_version(self.store, &mut v, std::ptr::null_mut());
        debug_assert_eq!(rc, ffi::LODE_OK);
        v
    }

    fn slice(&self, first: i64, last: i64) -> usize {
        let mut buf = std::ptr::null_mut();
        let rc = ffi::lode_store_slice(self.store, first, last, &mut buf, std::ptr::null_mut());
        debug_assert_eq!(rc, ffi::LODE_OK);
        let n = ffi::lode_buffer_count(buf);
        std::hint::black_box(ffi::lode_buffer_len(buf));
        ffi::lode_buffer_free(buf);
        n
    }
}

impl Drop for CStore {
    fn drop(&mut self) {
        ffi::lode_store_free(self.store, std::ptr::null_mut());
        ffi::lode_provider_close(self.provider, std::ptr::null_mut());
    }
}

fn reads(cfg: &Cfg, g: &Gen, rep: &mut Report) {
    let n = 10_000u64;
    let snap_at = 9_900u64;
    let reps = cfg.pick(15, 60);
    let acct = account(4);
    let dl = fresh_dir(cfg, "p4-lode");
    let dr = fresh_dir(cfg, "p4-raw");
    let raw = Raw::open(dr.path(), false);
    progress(&format!(
        "P4-P6: building a {n}-event stream (lode and raw LMDB)"
    ));
    {
        let p = lode_provider(dl.path(), Durability::Full);
        let s = p.open_store(AGGREGATE, &acct).unwrap();
        for from in (0..n).step_by(1000) {
            let evs = g.events(&acct, from, 1000);
            s.add(&jsons(&evs)).unwrap();
            raw.append(1, from + 1, &evs);
        }
        let state = g.event(&acct, 0, Some("BankAccountState"), None);
        s.snapshot(snap_at, &state.json).unwrap();
    }
    let p = lode_provider(dl.path(), Durability::Full);
    let want = raw.scan(1, 1, n).len();
    assert!(want > 0);

    // P4 through the Rust API, and P6, interleaved with the raw scan.
    let (mut t_raw, mut t_raw_hinted, mut t_rust, mut t_snap) = (vec![], vec![], vec![], vec![]);
    {
        let s = p.open_store(AGGREGATE, &acct).unwrap();
        progress(&format!("P4/P6: {reps} reads each (Rust API)"));
        for _ in 0..reps {
            // Each result is dropped before the next read, so that every read gets its buffer
            // the same way (reusing the freed heap, not faulting in fresh pages).
            let (t, b) = time(|| raw.scan(1, 1, n));
            assert_eq!(b.len(), want);
            drop(b);
            t_raw.push(t);
            let (t, b) = time(|| raw.scan_hinted(1, 1, n, true));
            assert_eq!(b.len(), want);
            drop(b);
            t_raw_hinted.push(t);
            let (t, m) = time(|| s.get(false).unwrap());
            assert_eq!(m.len() as u64, n);
            t_rust.push(t);
            drop(m);
            let (t, m) = time(|| s.get(true).unwrap());
            assert_eq!(m.len() as u64, 1 + n - snap_at);
            t_snap.push(t);
        }
    }
    // P4 through the C ABI, P5.
    let (mut t_raw_c, mut t_c) = (vec![], vec![]);
    let cs = CStore::open(dl.path(), &acct);
    progress(&format!("P4: {reps} reads each (C ABI)"));
    for _ in 0..reps {
        let (t, b) = time(|| raw.scan(1, 1, n));
        std::hint::black_box(b);
        t_raw_c.push(t);
        let (t, c) = time(|| cs.read(false));
        assert_eq!(c as u64, n);
        t_c.push(t);
    }
    progress("P5: version and 26-event slice through the C ABI");
    let chunks = cfg.pick(20, 100);
    let (mut t_ver, mut t_slice, mut t_raw_get, mut t_raw_slice) = (vec![], vec![], vec![], vec![]);
    assert_eq!(cs.version() as u64, n);
    assert_eq!(cs.slice(5_000, 5_025), 26);
    for _ in 0..chunks {
        let k = 1_000;
        let (t, _) = time(|| {
            for _ in 0..k {
                std::hint::black_box(cs.version());
            }
        });
        t_ver.push(t / k as f64);
        let (t, _) = time(|| {
            for _ in 0..k {
                std::hint::black_box(raw.get_len(1, n));
            }
        });
        t_raw_get.push(t / k as f64);
        let k = 100;
        let (t, _) = time(|| {
            for _ in 0..k {
                std::hint::black_box(cs.slice(5_000, 5_025));
            }
        });
        t_slice.push(t / k as f64);
        let (t, _) = time(|| {
            for _ in 0..k {
                std::hint::black_box(raw.scan(1, 5_000, 5_025));
            }
        });
        t_raw_slice.push(t / k as f64);
    }
    drop(cs);

    let ms = |v: &[f64]| median(v) * 1e3;
    let r_rust = ms(&t_raw) / ms(&t_rust);
    let r_c = ms(&t_raw_c) / ms(&t_c);
    rep.rows.push(Row {
        id: "P4",
        what: format!("read {n}-event stream, Rust API (ms)"),
        lode: ms(&t_rust),
        unit: "ms",
        baselines: vec![("raw LMDB", ms(&t_raw))],
        ratios: vec![("speed vs raw".into(), r_rust)],
        target: "≥0.7× raw".into(),
        met: Some(r_rust >= 0.7),
        note: format!(
            "{:.0} MB/s lode vs {:.0} MB/s raw; raw with lode's prefetch hint {:.3} ms \
             ({:.2}× lode's speed); median of {reps}",
            want as f64 / ms(&t_rust) / 1e3,
            want as f64 / ms(&t_raw) / 1e3,
            ms(&t_raw_hinted),
            ms(&t_rust) / ms(&t_raw_hinted),
        ),
    });
    rep.rows.push(Row {
        id: "P4",
        what: format!("read {n}-event stream, C ABI (ms)"),
        lode: ms(&t_c),
        unit: "ms",
        baselines: vec![("raw LMDB", ms(&t_raw_c))],
        ratios: vec![("speed vs raw".into(), r_c)],
        target: "≥0.5× raw".into(),
        met: Some(r_c >= 0.5),
        note: "lode_store_read + lode_buffer_free".into(),
    });
    let us = |v: &[f64]| median(v) * 1e6;
    rep.rows.push(Row {
        id: "P5",
        what: "version query, C ABI (µs/call)".into(),
        lode: us(&t_ver),
        unit: "µs",
        baselines: vec![("raw LMDB", us(&t_raw_get))],
        ratios: vec![],
        target: "≤2 µs".into(),
        met: Some(us(&t_ver) <= 2.0),
        note: "raw: one mdb_get in a read txn".into(),
    });
    rep.rows.push(Row {
        id: "P5",
        what: "slice of 26 events in 10,000, C ABI (µs/call)".into(),
        lode: us(&t_slice),
        unit: "µs",
        baselines: vec![("raw LMDB", us(&t_raw_slice))],
        ratios: vec![],
        target: "≤20 µs".into(),
        met: Some(us(&t_slice) <= 20.0),
        note: "raw: cursor scan of 26 values".into(),
    });
    let cut = 1.0 - ms(&t_snap) / ms(&t_rust);
    rep.rows.push(Row {
        id: "P6",
        what: format!("read with snapshot at {snap_at} vs full read (ms)"),
        lode: ms(&t_snap),
        unit: "ms",
        baselines: vec![("full read", ms(&t_rust))],
        ratios: vec![("time saved".into(), cut)],
        target: "≥95 % less time".into(),
        met: Some(cut >= 0.95),
        note: format!("snapshot + {} events", n - snap_at),
    });
}

// ---------------------------------------------------------------------------------------------
// P7: the seed's checks.

fn p7(cfg: &Cfg, g: &Gen, rep: &mut Report) {
    let reps = cfg.pick(5u64, 20);
    let n = 1_000u64;
    let dl = fresh_dir(cfg, "p7-lode");
    let dr = fresh_dir(cfg, "p7-raw");
    let ds = fresh_dir(cfg, "p7-sqlite");
    let p = lode_provider(dl.path(), Durability::Full);
    let raw = Raw::open(dr.path(), false);
    let mut c = sqlite_open(&ds.path().join("events.db"), true);
    progress(&format!(
        "P7: {reps} × (store + read back {n}; append {n} + query by type)"
    ));
    let (mut la, mut ra, mut sa, mut lb, mut sb) = (vec![], vec![], vec![], vec![], vec![]);
    for r in 0..reps {
        // a) store + read back.
        let acct = account(1_000 + r);
        let evs = g.events(&acct, 0, n);
        let s = p.open_store(AGGREGATE, &acct).unwrap();
        let (t, m) = time(|| {
            s.add(&jsons(&evs)).unwrap();
            s.get(false).unwrap()
        });
        assert_eq!(m.len() as u64, n);
        la.push(t);
        let (t, b) = time(|| {
            raw.append(1_000 + r, 1, &evs);
            raw.scan(1_000 + r, 1, n)
        });
        assert!(!b.is_empty());
        ra.push(t);
        let (t, k) = time(|| {
            sqlite_append(&mut c, &acct, 1, &evs);
            sqlite_rows(
                &c,
                "SELECT * FROM events WHERE aggregate_id = ?1 ORDER BY aggregate_version",
                &[&acct],
            )
        });
        assert_eq!(k as u64, n);
        sa.push(t);
        // b) append + query by type (a type of its own, so the query returns exactly these).
        let acct = account(2_000 + r);
        let ty = format!("StatementLine{r}");
        let evs: Vec<Ev> = (0..n).map(|i| g.event(&acct, i, Some(&ty), None)).collect();
        let s = p.open_store(AGGREGATE, &acct).unwrap();
        let (t, recs) = time(|| {
            s.add(&jsons(&evs)).unwrap();
            p.events_by_type(&ty, None, 0, n as usize).unwrap()
        });
        assert_eq!(recs.len() as u64, n);
        lb.push(t);
        let (t, k) = time(|| {
            sqlite_append(&mut c, &acct, 1, &evs);
            sqlite_rows(
                &c,
                "SELECT * FROM events WHERE event_type = ?1 ORDER BY rowid",
                &[&ty],
            )
        });
        assert_eq!(k as u64, n);
        sb.push(t);
    }
    let ms = |v: &[f64]| median(v) * 1e3;
    rep.rows.push(Row {
        id: "P7",
        what: format!("store + read back {n} events (ms)"),
        lode: ms(&la),
        unit: "ms",
        baselines: vec![("raw LMDB", ms(&ra)), ("SQLite", ms(&sa))],
        ratios: vec![
            ("lode/raw".into(), ms(&la) / ms(&ra)),
            ("lode/SQLite".into(), ms(&la) / ms(&sa)),
        ],
        target: "≤5 ms".into(),
        met: Some(ms(&la) <= 5.0),
        note: format!(
            "one durable commit; p90 lode {:.2} ms",
            percentile(&la, 0.9) * 1e3
        ),
    });
    rep.rows.push(Row {
        id: "P7",
        what: format!("append {n} events + query them by type (ms)"),
        lode: ms(&lb),
        unit: "ms",
        baselines: vec![("SQLite", ms(&sb))],
        ratios: vec![("lode/SQLite".into(), ms(&lb) / ms(&sb))],
        target: "≤10 ms".into(),
        met: Some(ms(&lb) <= 10.0),
        note: format!("p90 lode {:.2} ms", percentile(&lb, 0.9) * 1e3),
    });
}

// ---------------------------------------------------------------------------------------------
// B1 and B2: online backup (MB/s against `cp` of the same file in the same run) and verify
// (events/s against a raw LMDB scan of every table of the same store).

/// Bytes of the regular files directly in `dir`.
fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|it| {
            it.filter_map(|e| e.ok())
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Every entry of every named table of the store in `dir`, read in one transaction (what
/// verify must read at least); returns the bytes touched.
fn raw_scan_all(dir: &Path) -> u64 {
    let env = raw_env(dir, lmdb::EnvironmentFlags::NO_TLS, 32);
    // Every named table, whatever the on-disk format: they are the keys of the main database.
    let names: Vec<String> = {
        let main = env.open_db(None).expect("the main database");
        let txn = env.begin_ro_txn().unwrap();
        let mut c = txn.open_ro_cursor(main).unwrap();
        c.iter_start()
            .map(|r| String::from_utf8_lossy(r.unwrap().0).into_owned())
            .collect()
    };
    let dbs: Vec<lmdb::Database> = names
        .iter()
        .map(|n| env.open_db(Some(n)).expect("a table"))
        .collect();
    let txn = env.begin_ro_txn().unwrap();
    let (mut touched, mut fold) = (0u64, 0u8);
    for db in dbs {
        let mut c = txn.open_ro_cursor(db).unwrap();
        for (k, v) in c.iter_start().map(|r| r.unwrap()) {
            // Read every byte (as a CRC check does), with no check at all.
            fold ^= v.iter().fold(0u8, |a, &b| a ^ b);
            touched += (k.len() + v.len()) as u64;
        }
    }
    std::hint::black_box(fold);
    touched
}

fn backup_and_verify(cfg: &Cfg, g: &Gen, rep: &mut Report) {
    let n = cfg.pick(100_000u64, 500_000);
    let reps = cfg.pick(3usize, 5);
    let accounts = 100u64;
    let ds = fresh_dir(cfg, "b1-source");
    let out = fresh_dir(cfg, "b1-copies");
    progress(&format!(
        "B1/B2: building a store of {n} events in {accounts} streams (NoSync, not measured)"
    ));
    {
        let p = lode_provider(ds.path(), Durability::NoSync);
        let per = n / accounts;
        for a in 0..accounts {
            let acct = account(50_000 + a);
            let s = p.open_store(AGGREGATE, &acct).unwrap();
            for chunk in 0..per.div_ceil(5_000) {
                let from = chunk * 5_000;
                let k = 5_000.min(per - from);
                s.add(&jsons(&g.events(&acct, from, k))).unwrap();
            }
            s.close().unwrap();
        }
    }
    // The store is opened in Full mode for the measurements, as a live store would be.
    let source_file = ds.path().join("data.mdb");
    std::fs::File::open(&source_file)
        .unwrap()
        .sync_all()
        .unwrap();
    let data_bytes = std::fs::metadata(&source_file).unwrap().len();
    let p = lode_provider(ds.path(), Durability::Full);
    let events = p.head_position().unwrap();
    progress(&format!(
        "B1: {reps} × (backup, compacted backup, cp + fsync) of a {:.0} MB data file",
        data_bytes as f64 / 1e6
    ));
    let (mut plain, mut compact, mut cp) = (vec![], vec![], vec![]);
    let mut compact_bytes = 0u64;
    let mut reports = 0usize;
    for r in 0..reps {
        // Interleaved, so page-cache warmth and disk drift hit all three alike.
        let target = out.path().join(format!("plain-{r}"));
        let (t, info) = time(|| {
            p.backup(&target, &lode::BackupOptions::default(), |_| {
                reports += 1;
                true
            })
            .expect("backup")
        });
        assert_eq!(info.position, events);
        plain.push(info.bytes as f64 / t / 1e6);
        std::fs::remove_dir_all(&target).unwrap();

        let target = out.path().join(format!("compact-{r}"));
        let options = lode::BackupOptions {
            compact: true,
            ..lode::BackupOptions::default()
        };
        let (t, info) = time(|| p.backup(&target, &options, |_| true).expect("backup"));
        compact_bytes = info.bytes;
        // Against the source's size: what an operator waits for per byte of store.
        compact.push(data_bytes as f64 / t / 1e6);
        std::fs::remove_dir_all(&target).unwrap();

        let target = out.path().join(format!("cp-{r}"));
        std::fs::create_dir(&target).unwrap();
        let (t, ()) = time(|| {
            let ok = std::process::Command::new("cp")
                .arg(&source_file)
                .arg(&target)
                .status()
                .expect("run cp")
                .success();
            assert!(ok, "cp failed");
            std::fs::File::open(target.join("data.mdb"))
                .unwrap()
                .sync_all()
                .unwrap();
        });
        cp.push(dir_bytes(&target) as f64 / t / 1e6);
        std::fs::remove_dir_all(&target).unwrap();
    }
    let (lp, lc, bc) = (median(&plain), median(&compact), median(&cp));
    rep.rows.push(Row {
        id: "B1",
        what: format!(
            "online backup of a {:.0} MB store, {n} events (MB/s)",
            data_bytes as f64 / 1e6
        ),
        lode: lp,
        unit: "MB/s",
        baselines: vec![("cp", bc)],
        ratios: vec![("backup/cp".into(), lp / bc)],
        target: "report (same-run ratio)".into(),
        met: None,
        note: format!(
            "plain copy, fsync'ed, store open in Full mode; cp + fsync of the same data.mdb {bc:.0} MB/s; \
             compacted backup {lc:.0} MB/s of source ({:.0} MB copy, ratio to cp {:.2}); \
             {reports} progress reports in {reps} plain backups",
            compact_bytes as f64 / 1e6,
            lc / bc
        ),
    });
    rep.extra.insert(
        "b1".into(),
        json!({"data_bytes": data_bytes, "events": events, "backup_mb_s": plain,
               "compact_mb_s_of_source": compact, "compact_bytes": compact_bytes, "cp_mb_s": cp}),
    );

    progress(&format!(
        "B2: {reps} × (verify, raw LMDB scan of every table)"
    ));
    let (mut ver, mut scan) = (vec![], vec![]);
    let mut index_entries = 0;
    drop(p);
    for _ in 0..reps {
        let (t, report) = time(|| lode::verify_directory(ds.path()).expect("verify"));
        assert!(report.is_ok(), "{report}");
        assert_eq!(report.events, events);
        index_entries = report.index_entries;
        ver.push(events as f64 / t);
        let (t, touched) = time(|| raw_scan_all(ds.path()));
        assert!(touched > 0);
        scan.push(events as f64 / t);
    }
    // Heap needed: the digest check (what verify runs on a healthy store) against the exact
    // check alone (what it runs on damage), through one provider.
    let p = lode_provider(ds.path(), Durability::Full);
    let (digest_report, digest_heap) = heap::peak_during(|| p.verify().expect("verify"));
    let ((t_exact, exact_report), exact_heap) =
        heap::peak_during(|| time(|| p.verify_exact().expect("verify_exact")));
    assert_eq!(digest_report, exact_report);
    assert_eq!(p.verify_by_digest().unwrap().as_ref(), Some(&digest_report));
    drop(p);
    let exact_rate = events as f64 / t_exact;
    let (lv, rv) = (median(&ver), median(&scan));
    rep.rows.push(Row {
        id: "B2",
        what: format!("verify a {n}-event store, every invariant (events/s)"),
        lode: lv,
        unit: "events/s",
        baselines: vec![("raw LMDB", rv)],
        ratios: vec![("verify/raw scan".into(), lv / rv)],
        target: "report (same-run ratio)".into(),
        met: None,
        note: format!(
            "raw LMDB: one cursor walk over every entry of every table (no checks); verify also \
             checks {index_entries} index entries, every CRC and every message's metadata"
        ),
    });
    rep.rows.push(Row {
        id: "B2",
        what: format!("verify a {n}-event store, exact check alone (events/s)"),
        lode: exact_rate,
        unit: "events/s",
        baselines: vec![("verify", lv)],
        ratios: vec![("exact/verify".into(), exact_rate / lv)],
        target: "report (same-run ratio)".into(),
        met: None,
        note: format!(
            "what verify falls back to when its digest check finds damage; heap peak {:.1} MB \
             ({:.0} bytes/event) against verify's {:.2} MB ({:.1} bytes/event)",
            exact_heap as f64 / 1e6,
            exact_heap as f64 / events as f64,
            digest_heap as f64 / 1e6,
            digest_heap as f64 / events as f64
        ),
    });
    rep.extra.insert(
        "b2".into(),
        json!({"events": events, "verify_events_s": ver, "raw_scan_events_s": scan,
               "exact_events_s": exact_rate, "verify_heap_bytes": digest_heap,
               "exact_heap_bytes": exact_heap}),
    );
}

// ---------------------------------------------------------------------------------------------
// P8 and P9: a store grown to 1,000,000 events.

fn big(cfg: &Cfg, g: &Gen, rep: &mut Report) {
    let points: Vec<u64> = cfg.pick(vec![1_000, 20_000, 50_000], vec![1_000, 100_000, 1_000_000]);
    let build_batch = cfg.pick(5_000u64, 10_000);
    // Medians of 15 batches per size: with 5, one slow moment of the disk moved a size's figure.
    let probe_batches = 15;
    let probe = 1_000u64;
    let acct = account(9);
    let dl = fresh_dir(cfg, "p8-lode");
    let dr = fresh_dir(cfg, "p8-raw");
    let mut version = 0u64; // events in the big stream (lode and raw alike)
    let corr = |i: u64| format!("corr-{:08}", i / 100);
    let (mut p9_lode, mut p9_raw) = (vec![], vec![]);
    let (mut p9_single_lode, mut p9_single_raw) = (vec![], vec![]);
    let singles = cfg.pick(50, 200);
    // The disk's one-page durable write just before each size's measurements, so that a run
    // shows whether the disk itself was slower at one size than at another.
    let mut p9_disk: Vec<(u64, f64)> = vec![];
    let mut build_secs = 0.0;
    for &point in &points {
        // Grow to `point` in NoSync mode with large batches (store building, not measured).
        progress(&format!(
            "P8/P9: growing the stream to {point} events (NoSync, batches of {build_batch})"
        ));
        let t0 = Instant::now();
        {
            let p = lode_provider(dl.path(), Durability::NoSync);
            let s = p.open_store(AGGREGATE, &acct).unwrap();
            let raw = Raw::open(dr.path(), true);
            while version < point {
                let k = build_batch.min(point - version);
                let evs: Vec<Ev> = (version..version + k)
                    .map(|i| g.event(&acct, i, None, Some(&corr(i))))
                    .collect();
                s.add(&jsons(&evs)).unwrap();
                raw.append(1, version + 1, &evs);
                version += k;
            }
            raw.env.sync(true).unwrap();
        }
        build_secs += secs(t0.elapsed());
        // Flush what the NoSync build left in the page cache, so that it is not charged to
        // the first durable commits below.
        for d in [dl.path(), dr.path()] {
            std::fs::File::open(d.join("data.mdb"))
                .and_then(|f| f.sync_all())
                .unwrap();
        }
        // P9: durable batches of 1,000 at this size (after one warm-up batch), then durable
        // single-event appends.
        progress(&format!("P9: per-event append cost at {point} events"));
        p9_disk.push((point, one_page_durable_write(&cfg.data_root)));
        let p = lode_provider(dl.path(), Durability::Full);
        let s = p.open_store(AGGREGATE, &acct).unwrap();
        let raw = Raw::open(dr.path(), false);
        let (mut tl, mut tr) = (vec![], vec![]);
        for b in 0..=probe_batches {
            let evs: Vec<Ev> = (version..version + probe)
                .map(|i| g.event(&acct, i, None, Some(&corr(i))))
                .collect();
            let (t, _) = time(|| s.add(&jsons(&evs)).unwrap());
            let (t_raw, _) = time(|| raw.append(1, version + 1, &evs));
            if b > 0 {
                tl.push(t / probe as f64);
                tr.push(t_raw / probe as f64);
            }
            version += probe;
        }
        let (mut sl, mut sr) = (vec![], vec![]);
        for _ in 0..singles {
            let e = g.event(&acct, version, None, Some(&corr(version)));
            sl.push(time(|| s.add(&[&e.json]).unwrap()).0);
            sr.push(time(|| raw.append(1, version + 1, std::slice::from_ref(&e))).0);
            version += 1;
        }
        p9_single_lode.push((point, median(&sl)));
        p9_single_raw.push((point, median(&sr)));
        p9_lode.push((point, median(&tl)));
        p9_raw.push((point, median(&tr)));
    }
    rep.notes.push(format!(
        "P8/P9 store built in NoSync mode with batches of {build_batch} ({build_secs:.1} s, lode and raw LMDB together); measurements then reopen it in the default Full mode."
    ));
    // P8: queries on the grown store (Full mode provider).
    let total = version;
    let p = lode_provider(dl.path(), Durability::Full);
    let reps = cfg.pick(20, 100);
    let mid = total / 2;
    let mid_corr = corr(mid);
    let t_mid = p.read_log(mid, 1).unwrap()[0].recorded_at_us;
    assert_eq!(
        p.events_by_type("FundsDeposited", None, mid, 100)
            .unwrap()
            .len(),
        100
    );
    assert_eq!(
        p.events_by_correlation(&mid_corr, 0, 100).unwrap().len(),
        100
    );
    assert_eq!(
        p.events_by_time(t_mid, t_mid + 60_000_000, 100)
            .unwrap()
            .len(),
        100
    );
    progress(&format!("P8: queries in a {total}-event store"));
    let (mut qt, mut qc, mut qtime) = (vec![], vec![], vec![]);
    for _ in 0..reps {
        qt.push(time(|| p.events_by_type("FundsDeposited", None, mid, 100).unwrap()).0);
        qc.push(time(|| p.events_by_correlation(&mid_corr, 0, 100).unwrap()).0);
        qtime.push(time(|| p.events_by_time(t_mid, t_mid + 60_000_000, 100).unwrap()).0);
    }
    // SQLite baseline: the same number of rows, the seed's indexes (built with synchronous=OFF).
    let (mut st, mut sc, mut stime) = (vec![], vec![], vec![]);
    {
        let ds = fresh_dir(cfg, "p8-sqlite");
        let path = ds.path().join("events.db");
        progress(&format!(
            "P8: building a {total}-row SQLite table (synchronous=OFF)"
        ));
        let t0 = Instant::now();
        {
            let mut c = sqlite_open(&path, false);
            let mut v = 0u64;
            while v < total {
                let k = build_batch.min(total - v);
                let evs: Vec<Ev> = (v..v + k)
                    .map(|i| g.event(&acct, i, None, Some(&corr(i))))
                    .collect();
                sqlite_append(&mut c, &acct, v + 1, &evs);
                v += k;
            }
        }
        rep.notes.push(format!(
            "P8 SQLite baseline table ({total} rows) built in {:.1} s with synchronous=OFF, batches of {build_batch}.",
            secs(t0.elapsed())
        ));
        let c = sqlite_open(&path, true);
        let ts: String = c
            .query_row(
                "SELECT event_timestamp FROM events WHERE rowid = ?1",
                [mid as i64],
                |r| r.get(0),
            )
            .unwrap();
        let q_type =
            "SELECT * FROM events WHERE event_type = ?1 AND rowid >= ?2 ORDER BY rowid LIMIT 100";
        let q_corr = "SELECT * FROM events WHERE correlation_id = ?1 ORDER BY rowid LIMIT 100";
        let q_time =
            "SELECT * FROM events WHERE event_timestamp >= ?1 ORDER BY event_timestamp LIMIT 100";
        let mid_i = mid as i64;
        assert_eq!(sqlite_rows(&c, q_type, &[&"FundsDeposited", &mid_i]), 100);
        assert_eq!(sqlite_rows(&c, q_corr, &[&mid_corr]), 100);
        assert_eq!(sqlite_rows(&c, q_time, &[&ts]), 100);
        for _ in 0..reps {
            st.push(time(|| sqlite_rows(&c, q_type, &[&"FundsDeposited", &mid_i])).0);
            sc.push(time(|| sqlite_rows(&c, q_corr, &[&mid_corr])).0);
            stime.push(time(|| sqlite_rows(&c, q_time, &[&ts])).0);
        }
    }
    let ms = |v: &[f64]| median(v) * 1e3;
    for (what, l, s) in [
        ("by type", &qt, &st),
        ("by correlation", &qc, &sc),
        ("by time range", &qtime, &stime),
    ] {
        rep.rows.push(Row {
            id: "P8",
            what: format!("100 events {what}, {total}-event store (ms)"),
            lode: ms(l),
            unit: "ms",
            baselines: vec![("SQLite", ms(s))],
            ratios: vec![("lode/SQLite".into(), ms(l) / ms(s))],
            target: "≤1 ms".into(),
            met: Some(ms(l) <= 1.0),
            note: "records with envelope and message".into(),
        });
    }
    let us = |x: f64| x * 1e6;
    let spread = |v: &[(u64, f64)]| {
        let max = v.iter().map(|x| x.1).fold(f64::MIN, f64::max);
        let min = v.iter().map(|x| x.1).fold(f64::MAX, f64::min);
        (max, max / min)
    };
    let list = |v: &[(u64, f64)]| {
        v.iter()
            .map(|x| format!("{:.2}", us(x.1)))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let sizes = points
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join(" / ");
    for (what, l, r) in [
        (
            format!("per-event cost, durable batches of {probe}, at {sizes} events (µs)"),
            &p9_lode,
            &p9_raw,
        ),
        (
            format!("single-event durable append p50, at {sizes} events (µs)"),
            &p9_single_lode,
            &p9_single_raw,
        ),
    ] {
        let (lmax, lspread) = spread(l);
        let (rmax, rspread) = spread(r);
        // lode's cost over raw LMDB's at each size: whether lode adds growth of its own, apart
        // from what the disk and LMDB's B-tree do to both (the verdict stays lode's own spread).
        let over_raw: Vec<(u64, f64)> = l
            .iter()
            .zip(r.iter())
            .map(|(a, b)| (a.0, a.1 / b.1))
            .collect();
        let (_, over_raw_spread) = spread(&over_raw);
        let over_raw_list = over_raw
            .iter()
            .map(|x| format!("{:.2}", x.1))
            .collect::<Vec<_>>()
            .join(" / ");
        rep.rows.push(Row {
            id: "P9",
            what,
            lode: us(lmax),
            unit: "µs",
            baselines: vec![("raw LMDB", us(rmax))],
            ratios: vec![
                ("lode max/min".into(), lspread),
                ("raw max/min".into(), rspread),
                ("lode/raw max/min".into(), over_raw_spread),
            ],
            target: "flat within 1.5×".into(),
            met: Some(lspread <= 1.5),
            note: format!(
                "figure is the max; lode {} µs; raw {} µs; lode/raw {}; the disk's one-page \
                 durable write just before each size: {} µs",
                list(l),
                list(r),
                over_raw_list,
                p9_disk
                    .iter()
                    .map(|x| format!("{:.0}", us(x.1)))
                    .collect::<Vec<_>>()
                    .join(" / ")
            ),
        });
    }
    rep.extra.insert(
        "p9_per_event_us".into(),
        json!({
            "lode": p9_lode.iter().map(|x| json!({"events": x.0, "us": us(x.1)})).collect::<Vec<_>>(),
            "raw_lmdb": p9_raw.iter().map(|x| json!({"events": x.0, "us": us(x.1)})).collect::<Vec<_>>(),
            "single_lode": p9_single_lode.iter().map(|x| json!({"events": x.0, "us": us(x.1)})).collect::<Vec<_>>(),
            "single_raw_lmdb": p9_single_raw.iter().map(|x| json!({"events": x.0, "us": us(x.1)})).collect::<Vec<_>>(),
        }),
    );
}

// ---------------------------------------------------------------------------------------------
// Machine, output.

fn machine(data_root: &Path) -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let canon = data_root.canonicalize().unwrap_or(data_root.to_path_buf());
    let mounts = std::fs::read_to_string("/proc/mounts").unwrap_or_default();
    let (fs, dev) = mounts
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() >= 3 && canon.starts_with(f[1])).then(|| (f[1].len(), f[2], f[0]))
        })
        .max_by_key(|x| x.0)
        .map(|x| (x.1.to_string(), x.2.to_string()))
        .unwrap_or_default();
    let mem_kib = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("MemTotal"))
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|x| x.parse::<u64>().ok())
        })
        .unwrap_or(0);
    json!({
        "cpu": cpu, "cores": cores, "kernel": kernel, "memory_gib": mem_kib as f64 / 1048576.0,
        "data_dir": canon.display().to_string(), "filesystem": fs, "device": dev,
        "lmdb": lode::lmdb_version(), "sqlite": rusqlite::version(),
    })
}

/// The disk's price of a durable write, measured in the data directory: the p50 of a page
/// written and `fdatasync`ed, of 15 pages at random places, and of 15 adjacent pages in one
/// write. LMDB writes a commit's dirty pages where its free list puts them (scattered once a
/// store has churned), so where the scattered figure is far above the adjacent one, every
/// extra page a commit touches costs about (scattered - single) / 14; that is what sets P2's
/// and P3's ratios apart from host to host.
fn device_probe(data_root: &Path) -> Value {
    use std::os::unix::fs::FileExt;
    const PAGE: u64 = 4096;
    const PAGES: u64 = 16_384; // a 64 MiB file
    let path = data_root.join("device-probe.bin");
    let f = probe_file(&path, PAGES * PAGE);
    let page = vec![2u8; PAGE as usize];
    let run = vec![3u8; 15 * PAGE as usize];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % (PAGES - 15)
    };
    let reps = 60;
    let probe = |write: &mut dyn FnMut()| {
        let t: Vec<f64> = (0..reps)
            .map(|_| {
                time(|| {
                    write();
                    f.sync_data().expect("fdatasync the probe file")
                })
                .0
            })
            .collect();
        median(&t) * 1e6
    };
    let single = probe(&mut || f.write_all_at(&page, next() * PAGE).unwrap());
    let scattered = probe(&mut || {
        for _ in 0..15 {
            f.write_all_at(&page, next() * PAGE).unwrap();
        }
    });
    let adjacent = probe(&mut || f.write_all_at(&run, next() * PAGE).unwrap());
    drop(f);
    let _ = std::fs::remove_file(&path);
    json!({"one_page_us": single, "scattered_15_pages_us": scattered, "adjacent_15_pages_us": adjacent})
}

/// A file of `bytes` bytes at `path`, written and synced: the disk's probes then overwrite
/// pages that already exist, as LMDB's commits mostly do.
fn probe_file(path: &Path, bytes: u64) -> std::fs::File {
    use std::os::unix::fs::FileExt;
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .expect("create a probe file");
    let mib = vec![1u8; 1 << 20];
    let mut at = 0;
    while at < bytes {
        let n = mib.len().min((bytes - at) as usize);
        f.write_all_at(&mib[..n], at).expect("fill a probe file");
        at += n as u64;
    }
    f.sync_all().expect("sync a probe file");
    f
}

/// The p50 of 30 one-page writes at scattered places of a small file, each `fdatasync`ed, in
/// seconds: the disk's price of a durable commit's smallest write, right now.
fn one_page_durable_write(dir: &Path) -> f64 {
    use std::os::unix::fs::FileExt;
    const PAGE: u64 = 4096;
    const PAGES: u64 = 256;
    let path = dir.join("one-page-probe.bin");
    let f = probe_file(&path, PAGES * PAGE);
    let page = vec![2u8; PAGE as usize];
    let t: Vec<f64> = (0..30u64)
        .map(|i| {
            time(|| {
                f.write_all_at(&page, (i * 37 % PAGES) * PAGE).unwrap();
                f.sync_data().expect("fdatasync the one-page probe file")
            })
            .0
        })
        .collect();
    drop(f);
    let _ = std::fs::remove_file(&path);
    median(&t)
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|x| x.parse().ok()))
        .unwrap_or(0)
}

fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        "-".into()
    } else if x.abs() >= 1000.0 {
        format!("{:.0}", x)
    } else if x.abs() >= 10.0 {
        format!("{:.1}", x)
    } else {
        format!("{:.3}", x)
    }
}

fn print_table(rows: &[Row]) {
    println!(
        "\n{:<4} {:<58} {:>12} {:>12} {:>12} {:<34} {:<28} met",
        "case", "measure", "lode", "raw LMDB", "SQLite", "ratio(s)", "target"
    );
    for r in rows {
        let base = |name: &str| {
            r.baselines
                .iter()
                .find(|b| b.0 == name)
                .map(|b| fmt_num(b.1))
                .unwrap_or_else(|| "-".into())
        };
        let mut raw = base("raw LMDB");
        if raw == "-" {
            raw = base("full read");
        }
        if raw == "-" {
            raw = base("read_log");
        }
        if raw == "-" {
            raw = base("cp");
        }
        let ratios = r
            .ratios
            .iter()
            .map(|(k, v)| format!("{k} {v:.2}"))
            .collect::<Vec<_>>()
            .join(", ");
        let met = match r.met {
            Some(true) => "met",
            Some(false) => "NOT MET",
            None => "-",
        };
        println!(
            "{:<4} {:<58} {:>12} {:>12} {:>12} {:<34} {:<28} {}",
            r.id,
            r.what,
            fmt_num(r.lode),
            raw,
            base("SQLite"),
            ratios,
            r.target,
            met
        );
        if !r.note.is_empty() {
            println!("{:<4} {:<58}   ({})", "", "", r.note);
        }
    }
}

fn main() {
    if let Ok(spec) = std::env::var(P3_CHILD) {
        p3_child(&spec);
        return;
    }
    let mut args = std::env::args().skip(1);
    if std::env::args().nth(1).as_deref() == Some("--role") {
        // A child of the subscription rows: `--role sub-writer DIR COUNT GAP_US`.
        let a: Vec<String> = std::env::args().skip(3).collect();
        subscriptions::writer_role(
            Path::new(&a[0]),
            a[1].parse().unwrap(),
            a[2].parse().unwrap(),
        );
        return;
    }
    let (mut seq_ids, mut random_ids) = (false, false);
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut cfg = Cfg {
        quick: false,
        only: None,
        data_root: workspace.join("target/bench-data"),
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--quick" => cfg.quick = true,
            "--seq-ids" => seq_ids = true,
            "--random-ids" => random_ids = true,
            "--only" => {
                cfg.only = args
                    .next()
                    .map(|s| s.split(',').map(|x| x.trim().to_string()).collect())
            }
            "--data-dir" => cfg.data_root = PathBuf::from(args.next().expect("--data-dir DIR")),
            "-h" | "--help" => {
                println!(
                    "lode-bench [--quick] [--only P1,P2,...,B1,B2,S1..S4] [--data-dir DIR] [--seq-ids | --random-ids]"
                );
                return;
            }
            other => panic!("unknown argument {other}"),
        }
    }
    std::fs::create_dir_all(&cfg.data_root).expect("create the data directory");
    START.with(|_| {});
    let mut m = machine(&cfg.data_root);
    m["durable_write"] = device_probe(&cfg.data_root);
    println!(
        "lode {} benchmark ({} run)\nmachine: {} | {} cores | {:.1} GiB | Linux {} | data dir {} on {} ({}) | LMDB {} | SQLite {}",
        lode::VERSION,
        if cfg.quick { "quick" } else { "full" },
        m["cpu"].as_str().unwrap(),
        m["cores"],
        m["memory_gib"].as_f64().unwrap(),
        m["kernel"].as_str().unwrap(),
        m["data_dir"].as_str().unwrap(),
        m["filesystem"].as_str().unwrap(),
        m["device"].as_str().unwrap(),
        m["lmdb"].as_str().unwrap(),
        m["sqlite"].as_str().unwrap(),
    );
    let d = &m["durable_write"];
    println!(
        "durable write (write + fdatasync, p50): one page {:.0} µs, 15 scattered pages {:.0} µs, 15 adjacent pages {:.0} µs",
        d["one_page_us"].as_f64().unwrap(),
        d["scattered_15_pages_us"].as_f64().unwrap(),
        d["adjacent_15_pages_us"].as_f64().unwrap(),
    );
    if m["filesystem"] == "tmpfs" {
        eprintln!("warning: the data directory is on tmpfs; figures will not reflect a disk");
    }
    let g = if seq_ids {
        println!("diagnostic: message ids are increasing, not random");
        Gen::new(Ids::increasing())
    } else if random_ids {
        println!("diagnostic: message ids are wholly random (as UUID v4), not time-ordered");
        Gen::new(Ids::random())
    } else {
        Gen::new(Ids::AsCreated)
    };
    let sample = g.event(&account(0), 0, None, None);
    println!("event size: {} bytes of JSON", sample.json.len());
    let mut rep = Report::default();
    let started = Instant::now();
    if cfg.runs("P1") {
        p1(&cfg, &g, &mut rep, "P1");
    }
    if cfg.runs("P1-v4") {
        // Hexalith's `UniqueIdHelper.GenerateUniqueStringId` is a `Guid.NewGuid()` in base64:
        // no time order, so an append's ids land all over the `message_ids` table.
        p1(&cfg, &Gen::new(Ids::random()), &mut rep, "P1-v4");
    }
    if cfg.runs("P2") {
        p2(&cfg, &g, &mut rep);
    }
    if cfg.runs("P3") {
        p3(&cfg, &g, &mut rep);
    }
    if cfg.runs("P4") || cfg.runs("P5") || cfg.runs("P6") {
        reads(&cfg, &g, &mut rep);
    }
    if cfg.runs("P7") {
        p7(&cfg, &g, &mut rep);
    }
    if cfg.runs("P8") || cfg.runs("P9") {
        big(&cfg, &g, &mut rep);
    }
    if cfg.runs("B1") || cfg.runs("B2") {
        backup_and_verify(&cfg, &g, &mut rep);
    }
    subscriptions::rows(&cfg, &g, &mut rep);
    let elapsed = secs(started.elapsed());
    let rss = peak_rss_kib();
    print_table(&rep.rows);
    for n in &rep.notes {
        println!("note: {n}");
    }
    println!(
        "peak RSS (VmHWM): {:.1} MiB (includes LMDB map pages touched) | run time {:.0} s",
        rss as f64 / 1024.0,
        elapsed
    );
    let rows: Vec<Value> = rep
        .rows
        .iter()
        .map(|r| {
            json!({
                "case": r.id, "measure": r.what, "unit": r.unit, "lode": r.lode,
                "baselines": r.baselines.iter().map(|(k, v)| (k.to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
                "ratios": r.ratios.iter().map(|(k, v)| (k.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
                "target": r.target, "met": r.met, "note": r.note,
            })
        })
        .collect();
    let out = json!({
        "lode_version": lode::VERSION,
        "mode": if cfg.quick { "quick" } else { "full" },
        "unix_time": std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs(),
        "machine": m,
        "event_bytes": sample.json.len(),
        "rows": rows,
        "notes": rep.notes,
        "extra": rep.extra,
        "peak_rss_kib": rss,
        "run_seconds": elapsed,
    });
    let dir = workspace.join("target/bench-results");
    std::fs::create_dir_all(&dir).expect("create target/bench-results");
    let path = dir.join("latest.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&out).unwrap()).expect("write results");
    println!("results: {}", path.canonicalize().unwrap_or(path).display());
}
