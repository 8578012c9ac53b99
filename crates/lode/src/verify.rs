//! The store's invariants, checked in one read snapshot, and a report of what holds.
//!
//! What the crash and concurrency tests check, the backup check and the command-line tool
//! call this one module:
//! - every stream is gap-free, versions 1..=N, and each stored message carries its version as
//!   `SequenceNumber` (B-APP-2, B-APP-4);
//! - the global log is 1..=M without gaps (M = the events of all streams), each entry names an
//!   event that carries that position, each event appears once, and recorded-at never
//!   decreases (Q-LOG-1);
//! - each index holds exactly the entries the events call for: by type and event version, by
//!   correlation id, by message id (the backend's walk of an index includes what it has not
//!   indexed yet: format 3's unindexed tail, read from the log), and a time index from which
//!   every time query starts at the right event (format 3's is the log itself, so the check
//!   proves the start of each time the log holds) (Q-Q-1 .. Q-Q-3, B-APP-6);
//! - each command record names a stream and versions that exist, recorded with its events
//!   (Q-CMD-2);
//! - leases and snapshots are well formed, and snapshots stand at versions their stream has.
//!
//! Damage is reported, never repaired: a [`Report`] lists the first problems with where they
//! are (stream and version, or log position).
//!
//! Two ways, one answer: the digest check (`verify/digest.rs`) compares each relation as multiset
//! digests, in memory per stream and per append; it proves a healthy store by itself. On any
//! problem or disagreement the same snapshot goes through the exact check, which collects every
//! event's expectations (memory per event) and compares them entry by entry, naming each
//! problem. A healthy store never pays the exact check's memory; a damaged one pays it to be
//! told where.

use std::collections::{BTreeMap, BTreeSet};

use lode_backend::{
    format_micros, log_position_key, Backend, EventRef, EventSource, IndexEntry, IndexKind, Micros,
    ReadView, Result, StreamId,
};

use crate::envelope;

mod digest;

/// Problems a report lists; further ones are only counted.
pub const MAX_LISTED_PROBLEMS: usize = 100;

/// What kind of invariant a [`Problem`] breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// A record failed its own check (CRC, shape, cross-check) or could not be read.
    Damaged,
    /// A stream's versions are not 1..=N, or a message does not carry its version.
    Stream,
    /// The global log is not 1..=M over every event exactly once, or its times decrease.
    Log,
    /// An index entry the events call for is missing.
    MissingIndexEntry,
    /// An index entry no event calls for.
    ExtraIndexEntry,
    /// A command record names versions that do not exist, or another time.
    Command,
    /// A snapshot stands at a version its stream does not have, or is not JSON.
    Snapshot,
    /// A backup disagrees with its source, or with what its `backup.json` records
    /// (`EventStoreProvider::check_backup`).
    Mismatch,
}

impl ProblemKind {
    /// Every kind.
    pub const ALL: [ProblemKind; 8] = [
        ProblemKind::Damaged,
        ProblemKind::Stream,
        ProblemKind::Log,
        ProblemKind::MissingIndexEntry,
        ProblemKind::ExtraIndexEntry,
        ProblemKind::Command,
        ProblemKind::Snapshot,
        ProblemKind::Mismatch,
    ];

    /// The kind's name, as reports in JSON give it (`"MissingIndexEntry"`).
    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::Damaged => "Damaged",
            ProblemKind::Stream => "Stream",
            ProblemKind::Log => "Log",
            ProblemKind::MissingIndexEntry => "MissingIndexEntry",
            ProblemKind::ExtraIndexEntry => "ExtraIndexEntry",
            ProblemKind::Command => "Command",
            ProblemKind::Snapshot => "Snapshot",
            ProblemKind::Mismatch => "Mismatch",
        }
    }
}

/// Where a problem is, as far as it names a stream, a version or a log position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    pub store_id: Option<String>,
    pub version: Option<u64>,
    pub position: Option<u64>,
}

impl Location {
    pub fn none() -> Location {
        Location::default()
    }

    pub fn stream(store_id: &str) -> Location {
        Location {
            store_id: Some(store_id.to_string()),
            ..Location::default()
        }
    }

    pub fn event(store_id: &str, version: u64, position: Option<u64>) -> Location {
        Location {
            store_id: Some(store_id.to_string()),
            version: Some(version),
            position,
        }
    }

    pub fn position(position: u64) -> Location {
        Location {
            position: Some(position),
            ..Location::default()
        }
    }
}

/// One broken invariant and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Where: `store 'db/name/id' version 7`, `global log position 12`, `command 'c-1'`.
    pub place: String,
    pub detail: String,
    /// The stream the problem is in, when it names one (`db/name/id`).
    pub store_id: Option<String>,
    /// The stream version concerned, when there is one.
    pub version: Option<u64>,
    /// The global log position concerned, when there is one.
    pub position: Option<u64>,
}

impl Problem {
    /// The problem as a JSON object (`kind`, `place`, `detail`, `store_id`, `version`,
    /// `position`; absent locations are `null`).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": self.kind.name(),
            "place": self.place,
            "detail": self.detail,
            "store_id": self.store_id,
            "version": self.version,
            "position": self.position,
        })
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} at {}: {}", self.kind, self.place, self.detail)
    }
}

/// What [`verify`] checked and found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub streams: u64,
    pub events: u64,
    pub log_entries: u64,
    pub index_entries: u64,
    pub commands: u64,
    pub leases: u64,
    pub snapshots: u64,
    /// The log position the checked snapshot of the store holds.
    pub position: u64,
    /// The first [`MAX_LISTED_PROBLEMS`] problems, in the order found.
    pub problems: Vec<Problem>,
    /// Problems found in all (listed or not).
    pub problem_count: u64,
}

impl Report {
    /// Whether every invariant holds.
    pub fn is_ok(&self) -> bool {
        self.problem_count == 0
    }

    /// The report as a JSON object: `ok`, the counts, `position`, `problem_count` and
    /// `problems` (each as [`Problem::to_json`]).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "ok": self.is_ok(),
            "streams": self.streams,
            "events": self.events,
            "log_entries": self.log_entries,
            "index_entries": self.index_entries,
            "commands": self.commands,
            "leases": self.leases,
            "snapshots": self.snapshots,
            "position": self.position,
            "problem_count": self.problem_count,
            "problems": self.problems.iter().map(Problem::to_json).collect::<Vec<_>>(),
        })
    }

    fn problem(&mut self, kind: ProblemKind, place: impl Into<String>, detail: impl Into<String>) {
        self.problem_at(kind, place, detail, Location::none());
    }

    /// Records a problem (listed while fewer than [`MAX_LISTED_PROBLEMS`] are).
    pub fn problem_at(
        &mut self,
        kind: ProblemKind,
        place: impl Into<String>,
        detail: impl Into<String>,
        at: Location,
    ) {
        self.problem_count += 1;
        if self.problems.len() < MAX_LISTED_PROBLEMS {
            self.problems.push(Problem {
                kind,
                place: place.into(),
                detail: detail.into(),
                store_id: at.store_id,
                version: at.version,
                position: at.position,
            });
        }
    }
}

/// Whether `store_id` (`database/name/id`) names `stream`, without building its store id.
fn names(store_id: &str, stream: &StreamId) -> bool {
    let (d, n, i) = (&stream.database, &stream.name, &stream.id);
    store_id.len() == d.len() + n.len() + i.len() + 2
        && store_id.starts_with(d.as_str())
        && store_id[d.len()..].starts_with('/')
        && store_id[d.len() + 1..].starts_with(n.as_str())
        && store_id[d.len() + 1 + n.len()..].starts_with('/')
        && store_id.ends_with(i.as_str())
}

/// The version a damage error names, if any.
fn version_of(e: &lode_backend::Error) -> Option<u64> {
    match e {
        lode_backend::Error::Serialization { version, .. } => *version,
        _ => None,
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} streams, {} events, {} log entries, {} index entries, {} commands, {} leases, \
             {} snapshots checked at position {}: ",
            self.streams,
            self.events,
            self.log_entries,
            self.index_entries,
            self.commands,
            self.leases,
            self.snapshots,
            self.position
        )?;
        if self.is_ok() {
            return write!(f, "every invariant holds");
        }
        write!(f, "{} problems", self.problem_count)?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

/// What one event calls for, collected from the streams.
struct Expected {
    /// Shared by the events of one stream (one allocation per stream, not per event).
    store_id: std::rc::Rc<str>,
    version: u64,
    recorded_at: Micros,
    event_type: String,
    event_version: u32,
    correlation_id: Option<String>,
}

/// Checks every invariant of the store `backend` holds, in one read snapshot. An `Err` is a
/// failure to read at all (a storage error); damage is in the report.
pub fn verify(backend: &dyn Backend) -> Result<Report> {
    lode_backend::read(backend, "verifying the store", |r| Ok(check(r)))
}

/// The exact check alone (what [`verify`] falls back to on damage), for tests that compare
/// the two ways.
#[doc(hidden)]
pub fn verify_exact(backend: &dyn Backend) -> Result<Report> {
    lode_backend::read(backend, "verifying the store", |r| Ok(check_exact(r)))
}

/// The digest check alone: `Some(report)` when it proves the store healthy, `None` when it
/// would hand over to the exact check (for tests that show which way a store takes).
#[doc(hidden)]
pub fn verify_by_digest(backend: &dyn Backend) -> Result<Option<Report>> {
    lode_backend::read(backend, "verifying the store", |r| {
        Ok(match digest::check(r) {
            digest::Outcome::Healthy(report) => Some(report),
            digest::Outcome::Unsure(_) => None,
        })
    })
}

/// The digest check first: it proves a healthy store in memory per stream and per append, not
/// per event. Any problem or disagreement sends the same snapshot through the exact check,
/// which names each problem.
fn check(r: &dyn ReadView) -> Report {
    match digest::check(r) {
        digest::Outcome::Healthy(report) => report,
        digest::Outcome::Unsure(digest_report) => {
            let mut report = check_exact(r);
            if report.is_ok() {
                // The sums disagree but every entry matched one by one: cannot happen unless
                // the exact check misses a kind of damage; say so rather than pass.
                for p in digest_report.problems {
                    report.problem_at(
                        p.kind,
                        p.place,
                        p.detail,
                        Location {
                            store_id: p.store_id,
                            version: p.version,
                            position: p.position,
                        },
                    );
                }
            }
            report
        }
    }
}

/// Every invariant, entry by entry: the expectations of every event are collected (memory per
/// event), then each index is compared with them as sets, so each problem is named.
fn check_exact(r: &dyn ReadView) -> Report {
    let mut report = Report::default();
    let mut collected = Collected::default();
    let mut heads: BTreeMap<String, (StreamId, lode_backend::StreamHead)> = BTreeMap::new();
    check_streams(r, &mut report, &mut collected, &mut heads);
    check_log(r, &mut report, &collected.events);
    check_indexes(
        r,
        &mut report,
        &collected.events,
        &collected.message_ids,
        &heads,
    );
    check_commands(r, &mut report, &heads);
    check_leases_and_snapshots(r, &mut report, &heads);
    report
}

/// What the stream walk hands on for each well-formed event: the exact check keeps it, the
/// digest check folds it into its sums.
trait EventSink {
    /// Takes the event at `e.position`; returns who already held that position, if the sink
    /// knows (the exact check does; the digest check finds a duplicate by its sums).
    fn event(
        &mut self,
        store_id: &std::rc::Rc<str>,
        head: lode_backend::StreamHead,
        e: &EventRef<'_>,
        meta: &envelope::MessageMetadata<'_>,
    ) -> Option<(std::rc::Rc<str>, u64)>;
}

/// The exact check's sink: every event's expectations, by position (memory per event).
#[derive(Default)]
struct Collected {
    events: BTreeMap<u64, Expected>,
    message_ids: BTreeSet<(u64, String, u64)>,
}

impl EventSink for Collected {
    fn event(
        &mut self,
        store_id: &std::rc::Rc<str>,
        head: lode_backend::StreamHead,
        e: &EventRef<'_>,
        meta: &envelope::MessageMetadata<'_>,
    ) -> Option<(std::rc::Rc<str>, u64)> {
        let version = e.version;
        self.message_ids
            .insert((head.slot, meta.id.to_string(), version));
        self.events
            .insert(
                e.position,
                Expected {
                    store_id: store_id.clone(),
                    version,
                    recorded_at: e.recorded_at,
                    event_type: meta.name.to_string(),
                    event_version: meta.event_version,
                    correlation_id: meta.correlation_id.as_ref().map(|c| c.to_string()),
                },
            )
            .map(|other| (other.store_id, other.version))
    }
}

fn check_streams(
    r: &dyn ReadView,
    report: &mut Report,
    sink: &mut dyn EventSink,
    heads: &mut BTreeMap<String, (StreamId, lode_backend::StreamHead)>,
) {
    let mut streams = Vec::new();
    if let Err(e) = r.streams(&mut |s, head| {
        streams.push((s.clone(), head));
        Ok(true)
    }) {
        report.problem(ProblemKind::Damaged, "streams table", e.to_string());
    }
    for (stream, head) in streams {
        report.streams += 1;
        let store_id = stream.store_id();
        let shared_id: std::rc::Rc<str> = store_id.as_str().into();
        let mut expected_version = 1u64;
        let mut problems = Vec::new();
        // A damaged record stops the backend's walk; it goes on after it, so the rest of the
        // stream is still checked.
        let mut since = 0u64;
        let mut stopped = false;
        loop {
            let walk = r.events(
                EventSource::Stream {
                    stream: &stream,
                    head,
                    since,
                },
                &mut |e| {
                    // Where, made only for a problem (this runs once per event).
                    let place = || format!("store '{store_id}' version {}", e.version);
                    let at = || Location::event(&store_id, e.version, Some(e.position));
                    if e.version != expected_version {
                        // Names the first version that is missing (or out of order).
                        let (what, detail) = if e.version > expected_version {
                            (
                                Location::event(&store_id, expected_version, None),
                                format!(
                                    "version {expected_version} is missing: the next stored event is \
                                     version {} (a gap)",
                                    e.version
                                ),
                            )
                        } else {
                            (at(), format!("version {expected_version} was expected here"))
                        };
                        problems.push((
                            ProblemKind::Stream,
                            format!("store '{store_id}' version {expected_version}"),
                            detail,
                            what,
                        ));
                    }
                    expected_version = e.version + 1;
                    match envelope::parse_metadata(e.json, "") {
                        Ok(meta) => {
                            if meta.sequence_number != Some(e.version as i64) {
                                problems.push((
                                    ProblemKind::Stream,
                                    place(),
                                    format!(
                                        "the stored message carries SequenceNumber {:?}, not its version",
                                        meta.sequence_number
                                    ),
                                    at(),
                                ));
                            }
                            let previous = sink.event(&shared_id, head, &e, &meta);
                            if let Some(other) = previous {
                                problems.push((
                                    ProblemKind::Log,
                                    log_position_key(e.position),
                                    format!(
                                        "two events carry this position: {} and store '{}' version {}",
                                        place(),
                                        other.0,
                                        other.1
                                    ),
                                    at(),
                                ));
                            }
                        }
                        Err(_) => {
                            // Parsed again with its place, for an error that names it.
                            let err = envelope::parse_metadata(e.json, &place())
                                .err()
                                .map_or_else(String::new, |e| e.to_string());
                            problems.push((ProblemKind::Damaged, place(), err, at()))
                        }
                    }
                    report.events += 1;
                    Ok(true)
                },
            );
            let Err(e) = walk else { break };
            let version = version_of(&e).unwrap_or(expected_version);
            problems.push((
                ProblemKind::Damaged,
                format!("store '{store_id}' version {version}"),
                e.to_string(),
                Location::event(&store_id, version, None),
            ));
            if version <= since || version >= head.version || problems.len() > MAX_LISTED_PROBLEMS {
                stopped = true;
                break;
            }
            since = version;
            expected_version = version + 1;
        }
        for (kind, place, detail, at) in problems {
            report.problem_at(kind, place, detail, at);
        }
        if !stopped && expected_version != head.version + 1 {
            report.problem_at(
                ProblemKind::Stream,
                format!("store '{store_id}'"),
                format!(
                    "the stream is at version {} but its events end at {}",
                    head.version,
                    expected_version - 1
                ),
                Location::event(&store_id, expected_version, None),
            );
        }
        heads.insert(store_id, (stream, head));
    }
}

fn check_log(r: &dyn ReadView, report: &mut Report, events: &BTreeMap<u64, Expected>) {
    let mut next = 1u64;
    let mut last_time = Micros::MIN;
    let mut problems = Vec::new();
    // As in check_streams: after a damaged entry the walk goes on from the next position.
    let mut from = 0u64;
    let mut restarts = 0usize;
    loop {
        let walk = r.events(EventSource::Log { from }, &mut |e| {
            let place = || log_position_key(e.position);
            let at = || Location::event(&e.stream.store_id(), e.version, Some(e.position));
            if e.position != next {
                problems.push((
                    ProblemKind::Log,
                    place(),
                    format!("position {next} was expected here (a gap)"),
                    Location::position(next),
                ));
            }
            next = e.position + 1;
            if e.recorded_at < last_time {
                problems.push((
                    ProblemKind::Log,
                    place(),
                    format!(
                        "recorded at {}, before the event before it ({})",
                        format_micros(e.recorded_at),
                        format_micros(last_time)
                    ),
                    at(),
                ));
            }
            last_time = e.recorded_at;
            match events.get(&e.position) {
                Some(x) if x.version == e.version && names(&x.store_id, e.stream) => {}
                Some(x) => problems.push((
                    ProblemKind::Log,
                    place(),
                    format!(
                        "the log names store '{}' version {}, but that position belongs to store '{}' \
                         version {}",
                        e.stream.store_id(),
                        e.version,
                        x.store_id,
                        x.version
                    ),
                    at(),
                )),
                None => problems.push((
                    ProblemKind::Log,
                    place(),
                    format!(
                        "the log names store '{}' version {}, which no stream holds at this position",
                        e.stream.store_id(),
                        e.version
                    ),
                    at(),
                )),
            }
            report.log_entries += 1;
            Ok(true)
        });
        let Err(e) = walk else { break };
        let position = e.log_position().unwrap_or(next);
        problems.push((
            ProblemKind::Damaged,
            log_position_key(position),
            e.to_string(),
            Location::position(position),
        ));
        restarts += 1;
        if position < from || restarts > MAX_LISTED_PROBLEMS {
            break;
        }
        from = position + 1;
        next = from;
    }
    for (kind, place, detail, at) in problems {
        report.problem_at(kind, place, detail, at);
    }
    report.position = next - 1;
    if let Some((&last, x)) = events.iter().next_back() {
        if last >= next {
            report.problem_at(
                ProblemKind::Log,
                "global log",
                format!(
                    "the log ends at position {}, but events stand up to position {last}",
                    next - 1
                ),
                Location::event(&x.store_id, x.version, Some(last)),
            );
        }
    }
}

/// Adds `entry` to `found`; when it was there already, returns its description.
fn insert_once<T: Ord + std::fmt::Debug>(found: &mut BTreeSet<T>, entry: T) -> Option<String> {
    found.replace(entry).map(|old| format!("{old:?}"))
}

/// Compares what an index holds with what the events call for; `locate` says which event an
/// entry stands for.
fn compare<T: Ord + std::fmt::Debug>(
    report: &mut Report,
    index: &str,
    expected: BTreeSet<T>,
    found: BTreeSet<T>,
    locate: impl Fn(&T) -> Location,
) {
    for missing in expected.difference(&found) {
        let at = locate(missing);
        let of = describe(&at);
        report.problem_at(
            ProblemKind::MissingIndexEntry,
            format!("{index} index"),
            format!("no entry {missing:?}{of}"),
            at,
        );
    }
    for extra in found.difference(&expected) {
        let at = locate(extra);
        report.problem_at(
            ProblemKind::ExtraIndexEntry,
            format!("{index} index"),
            format!("entry {extra:?} belongs to no event"),
            at,
        );
    }
}

/// ` (for store 'x' version 3, position 7)`, as far as `at` knows.
fn describe(at: &Location) -> String {
    let mut parts = Vec::new();
    if let Some(s) = &at.store_id {
        parts.push(format!("store '{s}'"));
    }
    if let Some(v) = at.version {
        parts.push(format!("version {v}"));
    }
    if let Some(p) = at.position {
        parts.push(format!("position {p}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" (for {})", parts.join(", "))
    }
}

/// Walks every entry of the four indexes, counting them in `report`; returns the walks that
/// failed, with their index (the others still run).
fn walk_indexes(
    r: &dyn ReadView,
    report: &mut Report,
    visit: &mut dyn FnMut(IndexEntry<'_>),
) -> Vec<(IndexKind, lode_backend::Error)> {
    let mut failed = Vec::new();
    for kind in [
        IndexKind::Type,
        IndexKind::Correlation,
        IndexKind::MessageId,
        IndexKind::Time,
    ] {
        let walk = r.index_entries(kind, &mut |entry| {
            report.index_entries += 1;
            visit(entry);
            Ok(true)
        });
        if let Err(e) = walk {
            failed.push((kind, e));
        }
    }
    failed
}

fn check_indexes(
    r: &dyn ReadView,
    report: &mut Report,
    events: &BTreeMap<u64, Expected>,
    message_ids: &BTreeSet<(u64, String, u64)>,
    heads: &BTreeMap<String, (StreamId, lode_backend::StreamHead)>,
) {
    let at_position = |position: u64| match events.get(&position) {
        Some(e) => Location::event(&e.store_id, e.version, Some(position)),
        None => Location::position(position),
    };
    let slots: BTreeMap<u64, &str> = heads
        .iter()
        .map(|(id, (_, h))| (h.slot, id.as_str()))
        .collect();
    let mut types = BTreeSet::new();
    let mut correlations = BTreeSet::new();
    for (&position, e) in events {
        types.insert((e.event_type.clone(), e.event_version, position));
        if let Some(c) = &e.correlation_id {
            correlations.insert((c.clone(), position));
        }
    }
    let mut found_types = BTreeSet::new();
    let mut found_correlations = BTreeSet::new();
    let mut found_ids = BTreeSet::new();
    let mut found_times = BTreeSet::new();
    // Entries named twice (two groups of one key that overlap, or, in format 4, an event both
    // in a correlation group and named by its `message_ids` entry): a set would hide them,
    // while a query stops at them.
    let mut repeated: Vec<(&str, String, Option<u64>)> = Vec::new();
    let failed = walk_indexes(r, report, &mut |entry| {
        let (index, repeat, position) = match entry {
            IndexEntry::Type {
                event_type,
                event_version,
                position,
            } => (
                "event type",
                insert_once(
                    &mut found_types,
                    (event_type.to_string(), event_version, position),
                ),
                Some(position),
            ),
            IndexEntry::Correlation { id, position } => (
                "correlation",
                insert_once(&mut found_correlations, (id.to_string(), position)),
                Some(position),
            ),
            IndexEntry::MessageId { slot, id, version } => (
                "message id",
                insert_once(&mut found_ids, (slot, id.to_string(), version)),
                None,
            ),
            IndexEntry::Time {
                recorded_at,
                position,
            } => {
                found_times.insert((recorded_at, position));
                return;
            }
        };
        if let Some(entry) = repeat {
            repeated.push((index, entry, position));
        }
    });
    for (index, entry, position) in repeated {
        report.problem_at(
            ProblemKind::ExtraIndexEntry,
            format!("{index} index"),
            format!("entry {entry} is named twice"),
            position.map_or_else(Location::none, at_position),
        );
    }
    for (kind, e) in failed {
        report.problem(
            ProblemKind::Damaged,
            format!("{kind:?} index"),
            e.to_string(),
        );
    }
    compare(report, "event type", types, found_types, |t| {
        at_position(t.2)
    });
    compare(
        report,
        "correlation",
        correlations,
        found_correlations,
        |c| at_position(c.1),
    );
    compare(
        report,
        "message id",
        message_ids.clone(),
        found_ids,
        |m| match slots.get(&m.0) {
            Some(id) => Location::event(id, m.2, None),
            None => Location::none(),
        },
    );
    // The time index: every entry names an event recorded at its time, and a query from any
    // event's time starts at the first event of that time.
    for &(time, position) in &found_times {
        match events.get(&position) {
            Some(e) if e.recorded_at == time => {}
            _ => report.problem_at(
                ProblemKind::ExtraIndexEntry,
                "time index",
                format!(
                    "entry ({}, position {position}) names no event recorded then",
                    format_micros(time)
                ),
                at_position(position),
            ),
        }
    }
    let mut first_of_time: BTreeMap<Micros, u64> = BTreeMap::new();
    for (&position, e) in events {
        first_of_time.entry(e.recorded_at).or_insert(position);
    }
    for (time, first) in first_of_time {
        let start = found_times.range((time, 0)..).next();
        if start != Some(&(time, first)) {
            report.problem_at(
                ProblemKind::MissingIndexEntry,
                "time index",
                format!(
                    "a query from {} would start at {start:?}, not at position {first}",
                    format_micros(time)
                ),
                at_position(first),
            );
        }
    }
}

fn check_commands(
    r: &dyn ReadView,
    report: &mut Report,
    heads: &BTreeMap<String, (StreamId, lode_backend::StreamHead)>,
) {
    let mut records = Vec::new();
    if let Err(e) = r.commands(&mut |c| {
        records.push(c.clone());
        Ok(true)
    }) {
        report.problem(ProblemKind::Damaged, "commands table", e.to_string());
    }
    for c in records {
        report.commands += 1;
        let place = format!("command '{}'", c.command_id);
        let store_id = format!("{}/{}/{}", c.partition, c.aggregate_type, c.aggregate_id);
        let Some((stream, head)) = heads.get(&store_id) else {
            report.problem_at(
                ProblemKind::Command,
                place,
                format!("it names store '{store_id}', which holds no events"),
                Location::stream(&store_id),
            );
            continue;
        };
        let at = Location::event(&store_id, c.first_version, None);
        if c.first_version < 1
            || c.first_version > c.last_version + 1
            || c.last_version > head.version
        {
            report.problem_at(
                ProblemKind::Command,
                place,
                format!(
                    "it names versions {}..={} of '{store_id}', which is at version {}",
                    c.first_version, c.last_version, head.version
                ),
                at,
            );
            continue;
        }
        if c.first_version <= c.last_version {
            match r.event(stream, *head, c.first_version) {
                Ok(Some(e)) if e.recorded_at == c.processed_at_us => {}
                Ok(Some(e)) => report.problem_at(
                    ProblemKind::Command,
                    place,
                    format!(
                        "processed at {}, but its first event was recorded at {}",
                        c.processed_at,
                        format_micros(e.recorded_at)
                    ),
                    at,
                ),
                Ok(None) => report.problem_at(
                    ProblemKind::Command,
                    place,
                    format!(
                        "its first event (version {}) is not stored",
                        c.first_version
                    ),
                    at,
                ),
                Err(e) => report.problem_at(ProblemKind::Damaged, place, e.to_string(), at),
            }
        }
    }
}

fn check_leases_and_snapshots(
    r: &dyn ReadView,
    report: &mut Report,
    heads: &BTreeMap<String, (StreamId, lode_backend::StreamHead)>,
) {
    let mut leases = 0;
    if let Err(e) = r.leases(&mut |_, _| {
        leases += 1;
        Ok(true)
    }) {
        report.problem(ProblemKind::Damaged, "leases table", e.to_string());
    }
    report.leases = leases;
    let mut problems = Vec::new();
    let mut snapshots = 0;
    let walk = r.snapshots(&mut |s| {
        snapshots += 1;
        let store_id = s.stream.store_id();
        let place = format!("store '{store_id}' snapshot at version {}", s.version);
        let version = heads.get(&store_id).map_or(0, |(_, h)| h.version);
        let at = Location::event(&store_id, s.version, None);
        if s.version < 1 || s.version > version {
            problems.push((
                ProblemKind::Snapshot,
                place.clone(),
                format!("the stream is at version {version}"),
                at.clone(),
            ));
        }
        if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(s.json) {
            problems.push((
                ProblemKind::Snapshot,
                place,
                format!("it is not JSON: {e}"),
                at,
            ));
        }
        Ok(true)
    });
    report.snapshots = snapshots;
    for (kind, place, detail, at) in problems {
        report.problem_at(kind, place, detail, at);
    }
    if let Err(e) = walk {
        report.problem(ProblemKind::Damaged, "snapshots table", e.to_string());
    }
}
