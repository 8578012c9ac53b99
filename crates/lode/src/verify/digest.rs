//! The digest check: proves a healthy store holding state per stream and per append, never per
//! event.
//!
//! The exact check compares each relation as two sets: what the events of the streams call for
//! (a log entry per event, an entry per event in the type, correlation and message-id indexes)
//! and what the log or the index holds. Here each side is folded into a multiset digest: the
//! count of its members and the wrapping sum of a 64-bit SipHash of each member, fields framed
//! so that no two members hash the same bytes. Equal sets give equal digests; sets that differ
//! give different digests unless hashes collide (about 2^-64 for a changed member), and damage
//! is not chosen to collide. The checks that need no memory (stream versions gap-free, the
//! log's positions and times, every record's CRC) run as in the exact check.
//!
//! The time index holds one entry per time (format 2 kept one per append; format 3's are the
//! first position of each time along the log), so it is kept (16 bytes per entry) and checked
//! against the log in one pass: when the log's times never decrease, its entries sorted by
//! (time, position) are sorted by position too, and both walks go forward together.
//!
//! Anything found, or any disagreement, is [`Outcome::Unsure`]: the caller then runs the exact
//! check on the same snapshot, which names each problem. So a healthy store costs no memory per
//! event, and a damaged one costs what naming its problems needs.

use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use lode_backend::{EventRef, EventSource, IndexEntry, Micros, ReadView, StreamHead, StreamId};

use super::{EventSink, ProblemKind, Report};
use crate::envelope;

pub(super) enum Outcome {
    /// Every invariant holds; the report has the counts the exact check would give.
    Healthy(Report),
    /// Something is off; the report says what the digest check saw (not where).
    Unsure(Report),
}

/// The count and the wrapping sum of the hashes of a multiset's members.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Digest {
    count: u64,
    sum: u64,
}

impl Digest {
    fn add(&mut self, member: impl FnOnce(&mut DefaultHasher)) {
        // SipHash with fixed keys: the same member hashes the same within this process, which
        // is all a comparison of two sums made here needs.
        let mut h = DefaultHasher::new();
        member(&mut h);
        self.count += 1;
        self.sum = self.sum.wrapping_add(h.finish());
    }
}

// The members, one function each so the two sides hash the same fields the same way. `str` and
// `[u8]` hash with their length or a terminator, so adjacent fields cannot run together.
fn log_member(h: &mut DefaultHasher, position: u64, stream: &StreamId, version: u64, at: Micros) {
    position.hash(h);
    stream.encoded().hash(h);
    version.hash(h);
    at.hash(h);
}

fn type_member(h: &mut DefaultHasher, event_type: &str, event_version: u32, position: u64) {
    event_type.hash(h);
    event_version.hash(h);
    position.hash(h);
}

fn correlation_member(h: &mut DefaultHasher, id: &str, position: u64) {
    id.hash(h);
    position.hash(h);
}

fn message_id_member(h: &mut DefaultHasher, slot: u64, id: &str, version: u64) {
    slot.hash(h);
    id.hash(h);
    version.hash(h);
}

/// What the events of the streams call for, as digests.
#[derive(Default)]
struct Expected {
    log: Digest,
    types: Digest,
    correlations: Digest,
    message_ids: Digest,
}

impl EventSink for Expected {
    fn event(
        &mut self,
        _store_id: &Rc<str>,
        head: StreamHead,
        e: &EventRef<'_>,
        meta: &envelope::MessageMetadata<'_>,
    ) -> Option<(Rc<str>, u64)> {
        self.log
            .add(|h| log_member(h, e.position, e.stream, e.version, e.recorded_at));
        self.types
            .add(|h| type_member(h, &meta.name, meta.event_version, e.position));
        if let Some(c) = &meta.correlation_id {
            self.correlations
                .add(|h| correlation_member(h, c, e.position));
        }
        self.message_ids
            .add(|h| message_id_member(h, head.slot, &meta.id, e.version));
        // Two events at one position show as a log digest that disagrees.
        None
    }
}

fn unsure(mut report: Report, place: &str, detail: impl Into<String>) -> Outcome {
    report.problem(ProblemKind::Damaged, place, detail);
    Outcome::Unsure(report)
}

pub(super) fn check(r: &dyn ReadView) -> Outcome {
    let mut report = Report::default();
    let mut expected = Expected::default();
    let mut heads: BTreeMap<String, (StreamId, StreamHead)> = BTreeMap::new();
    super::check_streams(r, &mut report, &mut expected, &mut heads);
    if !report.is_ok() {
        return Outcome::Unsure(report);
    }

    // The indexes.
    let mut types = Digest::default();
    let mut correlations = Digest::default();
    let mut message_ids = Digest::default();
    let mut times: Vec<(Micros, u64)> = Vec::new();
    let failed = super::walk_indexes(r, &mut report, &mut |entry| match entry {
        IndexEntry::Type {
            event_type,
            event_version,
            position,
        } => types.add(|h| type_member(h, event_type, event_version, position)),
        IndexEntry::Correlation { id, position } => {
            correlations.add(|h| correlation_member(h, id, position))
        }
        IndexEntry::MessageId { slot, id, version } => {
            message_ids.add(|h| message_id_member(h, slot, id, version))
        }
        IndexEntry::Time {
            recorded_at,
            position,
        } => times.push((recorded_at, position)),
    });
    if let Some((kind, e)) = failed.into_iter().next() {
        return unsure(report, &format!("{kind:?} index"), e.to_string());
    }
    for (index, found, wanted) in [
        ("event type", types, expected.types),
        ("correlation", correlations, expected.correlations),
        ("message id", message_ids, expected.message_ids),
    ] {
        if found != wanted {
            return unsure(
                report,
                &format!("{index} index"),
                format!(
                    "its {} entries disagree with the {} the events call for",
                    found.count, wanted.count
                ),
            );
        }
    }
    times.sort_unstable();
    if times.windows(2).any(|w| w[0].1 >= w[1].1) {
        // Entries out of position order: some entry names the wrong time.
        return unsure(report, "time index", "entries out of position order");
    }

    // The log: gap-free, times never decreasing, the same events as the streams, and the time
    // index walked beside it.
    let mut log = Digest::default();
    let mut next = 1u64;
    let mut last_time: Option<Micros> = None;
    let mut at_entry = 0usize;
    let mut off: Option<String> = None;
    let walk = r.events(EventSource::Log { from: 0 }, &mut |e| {
        if e.position != next {
            off = Some(format!(
                "position {next} was expected, found {}",
                e.position
            ));
            return Ok(false);
        }
        next += 1;
        if last_time.is_some_and(|t| e.recorded_at < t) {
            off = Some(format!("the time decreases at position {}", e.position));
            return Ok(false);
        }
        let new_time = last_time != Some(e.recorded_at);
        last_time = Some(e.recorded_at);
        log.add(|h| log_member(h, e.position, e.stream, e.version, e.recorded_at));
        report.log_entries += 1;
        // The entries before `at_entry` name earlier positions, so earlier times: the first
        // entry at or after (this time, 0) is the one at `at_entry`.
        let entry = times.get(at_entry).copied();
        if new_time && entry != Some((e.recorded_at, e.position)) {
            off = Some(format!(
                "a query from the time of position {} would not start there",
                e.position
            ));
            return Ok(false);
        }
        if let Some((time, position)) = entry {
            if position == e.position {
                if time != e.recorded_at {
                    off = Some(format!(
                        "the entry for position {position} names another time"
                    ));
                    return Ok(false);
                }
                at_entry += 1;
            } else if position < e.position {
                off = Some(format!(
                    "the entry for position {position} is not in the log"
                ));
                return Ok(false);
            }
        }
        Ok(true)
    });
    if let Err(e) = walk {
        return unsure(report, "global log", e.to_string());
    }
    if let Some(detail) = off {
        return unsure(report, "global log", detail);
    }
    if at_entry != times.len() {
        return unsure(report, "time index", "entries past the end of the log");
    }
    if log != expected.log {
        return unsure(
            report,
            "global log",
            format!(
                "its {} entries disagree with the {} events of the streams",
                log.count, expected.log.count
            ),
        );
    }
    report.position = next - 1;

    super::check_commands(r, &mut report, &heads);
    super::check_leases_and_snapshots(r, &mut report, &heads);
    if !report.is_ok() {
        return Outcome::Unsure(report);
    }
    Outcome::Healthy(report)
}
