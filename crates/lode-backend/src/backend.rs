//! The [`Backend`] trait: what the event store asks of a storage engine.
//!
//! Everything happens in transactions. A [`ReadView`] is a consistent snapshot; a
//! [`WriteView`] is one atomic write that commits when its closure returns `Ok` and leaves no
//! trace when it returns `Err`. The rules above the seam read what they need, decide, and only
//! then write, so a refused append writes nothing even when it shares a transaction with others
//! (group commit).
//!
//! What every backend promises:
//! - **Verified records** (R-BAD-3, R-BAD-4): every record handed up was checked (a CRC, or a
//!   cross-check against the records it names); damage is an `Error::Serialization` naming
//!   where, never wrong data. A stream's head agrees with its events, a log or index entry with
//!   the event it names.
//! - **No overwrite** (Q-IMM-1): an event is written once; writing over an existing one is
//!   refused as damage.
//! - **Atomic, durable commits** as its settings say, and a log whose positions are gap-free in
//!   commit order (Q-LOG-1): appends pass positions from [`ReadView::log_head`].
//! - **Retry-safe writes**: `write` may run its closure more than once (a backend that must
//!   grow its storage aborts and retries), so the closure keeps no state across runs.
//! - **Nothing logged under a lock**: what happens inside (storage growth) goes to
//!   [`crate::log_later`].
//!
//! The traits are object safe: the store holds an `Arc<dyn Backend>`. The generic helpers
//! [`read`] and [`write`] give a closure's result back.

use std::path::Path;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::messages::Messages;
use crate::records::{
    Append, Checkpoint, CommandRecord, EventRef, EventSource, IndexEntry, IndexKind, Lease,
    LogHead, SnapshotRef, StoredEvent, StreamHead,
};
use crate::stream::StreamId;

/// A storage engine behind the event store.
pub trait Backend: Send + Sync {
    /// The backend's name, as storage errors carry it (`"lmdb"`).
    fn name(&self) -> &'static str;

    /// Where the store lives (a directory, a connection string without secrets), for messages.
    fn location(&self) -> String;

    /// The directory of a file-based backend.
    fn path(&self) -> Option<&Path>;

    /// Refuses when this handle cannot be used in this process (R-PROC-1: inherited across
    /// `fork()`). Cheap; the store calls it before it queues an append.
    fn check_usable(&self) -> Result<()>;

    /// Runs `f` in a read transaction. `f` may run more than once.
    fn read(&self, operation: &str, f: &mut dyn FnMut(&dyn ReadView) -> Result<()>) -> Result<()>;

    /// Runs `f` in one write transaction and commits it if `f` returns `Ok`. `f` may run more
    /// than once (retry after growth), so it must not keep state from a previous run.
    fn write(
        &self,
        operation: &str,
        f: &mut dyn FnMut(&mut dyn WriteView) -> Result<()>,
    ) -> Result<()>;

    /// Bytes the backend has set aside for the store (LMDB: its memory map).
    fn allocated_bytes(&self) -> u64;

    /// Bytes the store's data takes on disk now (LMDB: the data file's length, free pages
    /// included).
    fn stored_bytes(&self) -> Result<u64>;

    /// The position of the log's last committed event (0 when the log is empty).
    fn head(&self) -> Result<u64>;

    /// Waits until the log's last position is greater than `beyond`, at most `timeout`, or
    /// until `stop` returns true (it is asked before every sleep, and again whenever
    /// [`Backend::wake_waiters`] is called); returns the last position then (which is
    /// `<= beyond` if the time ran out or `stop` ended the wait). Commits of other processes
    /// sharing the store count too. No transaction is held while it sleeps, and it never
    /// delays a writer.
    fn wait_for_head(&self, beyond: u64, timeout: Duration, stop: &dyn Fn() -> bool)
        -> Result<u64>;

    /// Wakes every thread of this process sleeping in [`Backend::wait_for_head`] so that it
    /// asks its `stop` again (a subscription closed from another thread).
    fn wake_waiters(&self);

    /// Writes a consistent point-in-time copy of the whole store into `dir`, which this call
    /// creates (it must not exist; its parent must), while other threads and processes go on
    /// writing. The files are written with the backend's permissions and synced.
    ///
    /// `progress(done, total)` reports bytes written of about `total` (see [`CopyOptions`]).
    /// It is called on the calling thread, with no transaction and no lock of that thread held
    /// (it may call back into the store), at the start, about every 100 ms, and once at the
    /// end. Returning `false` cancels: the call stops writing and returns
    /// [`Error::Cancelled`]. On any error (a cancellation included) the caller removes `dir`.
    fn copy_to(
        &self,
        dir: &Path,
        options: &CopyOptions,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<CopyReport>;
}

/// What [`Backend::copy_to`] is asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CopyOptions {
    /// Leave out free space: the copy is smaller, and its `total` only an estimate.
    pub compact: bool,
    /// Write at most this many bytes per second (`None`: as fast as the disks go). A slower
    /// copy holds its read snapshot longer.
    pub max_bytes_per_second: Option<u64>,
}

/// What [`Backend::copy_to`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyReport {
    /// Bytes of the copy.
    pub bytes: u64,
    /// The log position the copy holds: its own log head (0 for an empty log).
    pub position: u64,
    /// The permission bits of the files the copy consists of (for files written beside them).
    pub file_mode: u32,
}

/// What both transaction kinds can do. Everything handed up is verified.
pub trait ReadView {
    /// The stream's head, if the stream was ever written.
    fn stream(&self, stream: &StreamId) -> Result<Option<StreamHead>>;

    /// The stream's lease record, if any (expired or not).
    fn lease(&self, stream: &StreamId) -> Result<Option<Lease>>;

    /// The version at which message `id` stands in the stream, if it does.
    fn message_version(&self, stream: &StreamId, head: StreamHead, id: &str)
        -> Result<Option<u64>>;

    /// [`ReadView::message_version`] of each of `ids`, in their order: what an append checks
    /// for its whole batch (B-APP-6). A backend may look them up together.
    fn message_versions(
        &self,
        stream: &StreamId,
        head: StreamHead,
        ids: &[&str],
    ) -> Result<Vec<Option<u64>>> {
        ids.iter()
            .map(|id| self.message_version(stream, head, id))
            .collect()
    }

    /// Event `version` of the stream, if stored.
    fn event(
        &self,
        stream: &StreamId,
        head: StreamHead,
        version: u64,
    ) -> Result<Option<StoredEvent<'_>>>;

    /// Pushes events `first..=last` of the stream (all of which exist: `last <= head.version`)
    /// into `out`, in version order. A missing or damaged event is an error.
    fn read_events(
        &self,
        stream: &StreamId,
        head: StreamHead,
        first: u64,
        last: u64,
        out: &mut Messages,
    ) -> Result<()>;

    /// A guess of the bytes events `first..=last` hold, bounded by a small multiple of what
    /// they really hold (R-RES-5), to size a result buffer.
    fn events_size_hint(&self, head: StreamHead, first: u64, last: u64) -> Result<usize>;

    /// The latest snapshot at or below `version`: its version and JSON.
    fn latest_snapshot(
        &self,
        stream: &StreamId,
        head: StreamHead,
        version: u64,
    ) -> Result<Option<(u64, &[u8])>>;

    /// The versions of the stream's snapshots, ascending.
    fn snapshot_versions(&self, head: StreamHead) -> Result<Vec<u64>>;

    /// The stream's last snapshot version, 0 when it has none.
    fn last_snapshot_version(&self, head: StreamHead) -> Result<u64>;

    /// The end of the global log, `None` when it is empty.
    fn log_head(&self) -> Result<Option<LogHead>>;

    /// Whether command `id` was recorded.
    fn command_exists(&self, id: &str) -> Result<bool>;

    /// The record of command `id`, if it was recorded.
    fn command(&self, id: &str) -> Result<Option<CommandRecord>>;

    /// The checkpoint `name` (a consumer's position, docs/subscriptions.md), if stored.
    fn checkpoint(&self, name: &str) -> Result<Option<Checkpoint>>;

    /// Calls `visit` on each event of `source` in position order while it returns `Ok(true)`;
    /// returns how many index or log entries were read (for the cost checks of queries.md).
    fn events(
        &self,
        source: EventSource<'_>,
        visit: &mut dyn FnMut(EventRef<'_>) -> Result<bool>,
    ) -> Result<usize>;

    // -- walks over everything, for `verify` ------------------------------------------------

    /// Every stream with its head, in the order of their encodings.
    fn streams(&self, visit: &mut dyn FnMut(&StreamId, StreamHead) -> Result<bool>) -> Result<()>;

    /// Every entry of one index, in the index's order.
    fn index_entries(
        &self,
        index: IndexKind,
        visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<bool>,
    ) -> Result<()>;

    /// Every command record.
    fn commands(&self, visit: &mut dyn FnMut(&CommandRecord) -> Result<bool>) -> Result<()>;

    /// Every lease, with its stream.
    fn leases(&self, visit: &mut dyn FnMut(&StreamId, Lease) -> Result<bool>) -> Result<()>;

    /// Every snapshot.
    fn snapshots(&self, visit: &mut dyn FnMut(SnapshotRef<'_>) -> Result<bool>) -> Result<()>;
}

/// A write transaction: reads see its own writes.
pub trait WriteView: ReadView {
    /// The head a stream gets for its first append (version 0 and a slot no stream uses),
    /// checked: a slot that damaged bookkeeping would hand out twice is refused.
    fn new_stream(&self, stream: &StreamId) -> Result<StreamHead>;

    /// Writes an append decided above the seam (events, log entries, every index, the
    /// stream's head).
    fn append(&mut self, append: &Append<'_>) -> Result<()>;

    /// Records a command (its id must not be recorded yet).
    fn put_command(&mut self, record: &CommandRecord) -> Result<()>;

    /// Stores (or replaces) the checkpoint `name`; the rules (forward only, not past the log's
    /// end) are checked above the seam.
    fn put_checkpoint(&mut self, name: &str, checkpoint: &Checkpoint) -> Result<()>;

    /// Writes (or replaces) the stream's lease.
    fn put_lease(&mut self, stream: &StreamId, lease: &Lease) -> Result<()>;

    /// Removes the stream's lease; whether there was one.
    fn delete_lease(&mut self, stream: &StreamId) -> Result<bool>;

    /// Stores (or replaces) the snapshot at `version`.
    fn put_snapshot(
        &mut self,
        head: StreamHead,
        version: u64,
        json: &[u8],
        stored_at: i64,
    ) -> Result<()>;

    /// Removes the snapshot at `version`; whether there was one.
    fn delete_snapshot(&mut self, head: StreamHead, version: u64) -> Result<bool>;

    /// Removes every snapshot of the stream; how many there were.
    fn delete_snapshots(&mut self, head: StreamHead) -> Result<usize>;
}

fn not_run(operation: &str) -> Error {
    Error::Internal {
        detail: format!("the storage backend did not run the transaction for {operation}"),
    }
}

/// Runs `f` in a read transaction of `backend` and returns its result.
pub fn read<T>(
    backend: &dyn Backend,
    operation: &str,
    mut f: impl FnMut(&dyn ReadView) -> Result<T>,
) -> Result<T> {
    let mut out = None;
    backend.read(operation, &mut |r| {
        out = Some(f(r)?);
        Ok(())
    })?;
    out.ok_or_else(|| not_run(operation))
}

/// Runs `f` in a write transaction of `backend`, commits, and returns its result. `f` may run
/// more than once; only the last run's result is kept.
pub fn write<T>(
    backend: &dyn Backend,
    operation: &str,
    mut f: impl FnMut(&mut dyn WriteView) -> Result<T>,
) -> Result<T> {
    let mut out = None;
    backend.write(operation, &mut |w| {
        out = Some(f(w)?);
        Ok(())
    })?;
    out.ok_or_else(|| not_run(operation))
}
