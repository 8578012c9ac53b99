//! What crosses the seam: the records a backend stores and hands back, in the store's terms.

use serde::{Deserialize, Serialize};

use crate::error::Micros;
use crate::stream::StreamId;

/// Where a stream stands: the backend's own handle for it (`slot`, opaque above the seam) and
/// its current version. A backend hands it out only after checking it against the stream's
/// events (R-BAD-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamHead {
    pub slot: u64,
    pub version: u64,
}

/// A session's lease on a stream (B-SES-2): who holds it, until when, from which process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lease {
    pub session: [u8; 16],
    pub expires_at: Micros,
    pub pid: u32,
}

/// The end of the global log: its last position and that event's recorded-at time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogHead {
    pub position: u64,
    pub recorded_at: Micros,
}

/// One stored event of a known stream, as the backend read it (checked: R-BAD-3).
#[derive(Debug, Clone, Copy)]
pub struct StoredEvent<'a> {
    pub position: u64,
    pub recorded_at: Micros,
    /// The stored EventMessage, byte for byte.
    pub json: &'a [u8],
}

/// One event found through the log or an index, with the stream it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct EventRef<'a> {
    pub position: u64,
    pub stream: &'a StreamId,
    pub version: u64,
    pub recorded_at: Micros,
    pub json: &'a [u8],
}

/// Where a walk over events starts and what it follows; every walk is ascending by position.
/// A backend serves each from an index, never by scanning the whole log (queries.md).
#[derive(Debug, Clone, Copy)]
pub enum EventSource<'a> {
    /// Q-LOG-2: the global log from `from` (inclusive).
    Log { from: u64 },
    /// Q-Q-1: events of one type (and event version, if given) from position `from`.
    Type {
        event_type: &'a str,
        event_version: Option<u32>,
        from: u64,
    },
    /// Q-Q-3: events of one correlation id from position `from`.
    Correlation { id: &'a str, from: u64 },
    /// Q-Q-2: events recorded in `[from, to)`.
    Time { from: Micros, to: Micros },
    /// Q-Q-4: events of one stream after version `since`.
    Stream {
        stream: &'a StreamId,
        head: StreamHead,
        since: u64,
    },
}

/// One event to store, already checked and given its version by the rules above the seam.
#[derive(Debug, Clone, Copy)]
pub struct NewEvent<'a> {
    /// The JSON to store, in pieces to be written one after the other (the SequenceNumber edit
    /// splices the version in without a copy).
    pub json: [&'a [u8]; 5],
    /// `Metadata.Message.Id`, unique in its stream.
    pub id: &'a str,
    pub event_type: &'a str,
    pub event_version: u32,
    pub correlation_id: Option<&'a str>,
}

impl NewEvent<'_> {
    /// The stored JSON's length in bytes.
    pub fn len(&self) -> usize {
        self.json.iter().map(|p| p.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One append, decided above the seam: the backend writes the events at versions
/// `head.version + 1 ..` and log positions `first_position ..`, with every index entry, in the
/// caller's transaction. Its only refusals are storage errors and damage it detects.
#[derive(Debug, Clone, Copy)]
pub struct Append<'a> {
    pub stream: &'a StreamId,
    /// The stream's head before the append (from `ReadView::stream`, or
    /// `WriteView::new_stream` for a stream's first append).
    pub head: StreamHead,
    /// Whether this is the stream's first append (its head came from `new_stream`).
    pub new_stream: bool,
    pub first_position: u64,
    /// The store's clock at commit, the same for every event of the append; never less than
    /// the log's last time.
    pub recorded_at: Micros,
    pub events: &'a [NewEvent<'a>],
}

/// What the store recorded of a processed command (Q-CMD-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CommandRecord {
    pub command_id: String,
    pub command_type: Option<String>,
    /// When the append that recorded it committed (ISO-8601, `+00:00`).
    pub processed_at: String,
    /// The same time as UTC microseconds since the epoch.
    pub processed_at_us: Micros,
    pub actor: Option<String>,
    pub partition: String,
    pub aggregate_type: String,
    pub aggregate_id: String,
    /// Versions the command produced: `first_version..=last_version` (empty when first > last).
    pub first_version: u64,
    pub last_version: u64,
}

/// A named checkpoint: how far a consumer of the log has processed it (docs/subscriptions.md,
/// S-CP-*), and when it was stored (the store's clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    /// The last log position the consumer has dealt with; it resumes after it.
    pub position: u64,
    pub stored_at: Micros,
}

/// One stored snapshot, for a walk over all of them (`verify`).
#[derive(Debug, Clone, Copy)]
pub struct SnapshotRef<'a> {
    pub stream: &'a StreamId,
    pub version: u64,
    pub stored_at: Micros,
    pub json: &'a [u8],
}

/// An index a backend keeps, for walks over all its entries (`verify`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexKind {
    /// Events by type and event version (queries by type, with or without a version).
    Type,
    Correlation,
    Time,
    MessageId,
}

/// One entry of an index, as the backend stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexEntry<'a> {
    /// An event of `event_type` (at `event_version`) at `position`.
    Type {
        event_type: &'a str,
        event_version: u32,
        position: u64,
    },
    /// An event of correlation id `id` at `position`.
    Correlation { id: &'a str, position: u64 },
    /// An append recorded at `recorded_at` whose first event is at `position`.
    Time { recorded_at: i64, position: u64 },
    /// Message `id` is version `version` of the stream in slot `slot`.
    MessageId {
        slot: u64,
        id: &'a str,
        version: u64,
    },
}
