//! Append: the checks and writes of one batch (B-APP-*, Q-LOG-1, Q-CMD-1), and group commit.
//!
//! An append is checked completely before its first write, so a refused append (version
//! mismatch, duplicate id, expired session, ...) writes nothing, even when it shares a
//! transaction with others. Only a storage failure can stop an append half-way; it fails the
//! whole transaction, so nothing of it (or of its neighbours) is committed.
//!
//! Group commit: appends from concurrent threads of one provider queue up; the first one in
//! becomes the leader, takes every queued append, runs them one after the other in ONE LMDB
//! write transaction and commits once (one fsync), then hands each its own result. While it
//! commits, new appends queue behind it; when it is done, it passes leadership to the oldest of
//! them. A lone appender leads itself at once, so a single writer pays nothing for this.
//!
//! Nothing is logged here: a leader runs inside a write transaction on behalf of others, and a
//! host's log callback that called back into the library would wait for itself. The store logs
//! each append's outcome on the appending thread once it has its result.

use std::collections::HashSet;
use std::sync::Arc;

use parking_lot::{Condvar, Mutex};
use serde::{Deserialize, Serialize};

use crate::error::{format_micros, Error, ErrorKind, Micros, Result};
use crate::layout::{self, LogEntry, StreamInfo};
use crate::log_later;
use crate::message::PreparedMessage;
use crate::session::{self, SessionId};
use crate::settings::limits;
use crate::storage::{Reads, Storage, Table, WriteTxn};
use crate::stream::{self, StreamId};

/// A command recorded with the events it produced (Q-CMD-1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// Unique across the directory; recording it twice is refused.
    pub id: String,
    /// The command's type name, kept in its record.
    pub command_type: Option<String>,
    /// Who issued it; defaults to the first event's `Context.UserId`.
    pub actor: Option<String>,
}

impl Command {
    pub fn new(id: impl Into<String>) -> Command {
        Command {
            id: id.into(),
            command_type: None,
            actor: None,
        }
    }
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

/// One append, as handed to the committer.
pub(crate) struct AppendRequest<'a> {
    pub stream: &'a StreamId,
    pub session: SessionId,
    pub known_expiry: Micros,
    pub messages: Vec<PreparedMessage<'a>>,
    pub command: Option<&'a Command>,
}

/// The result of one append.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Appended {
    /// The stream version after the append (of the batch's last event, for a retry).
    pub version: u64,
    /// Events written (0 for a retry or an empty batch).
    pub written: usize,
}

/// Everything an append will write, decided before the first write.
struct Plan {
    num: u64,
    new_stream: bool,
    current: u64,
    first_position: u64,
    recorded_at: Micros,
    /// The stream's number is the largest in the directory, so its new `events` keys are the
    /// largest of that table and can be written with `MDB_APPEND`.
    events_at_end: bool,
}

/// Checks `req` against the transaction's state; `Ok(Err(appended))` is an exact retry.
///
/// Every record the append relies on is cross-checked first (R-BAD-4), so damaged bookkeeping
/// refuses this append alone instead of making it overwrite or skip an event: the stream record
/// against the stream's events and name (`stream::info`), the log's last entry against the
/// event it names, a message id found in the index against the event it points at.
fn plan(w: &WriteTxn<'_>, req: &AppendRequest<'_>, now: Micros) -> Result<Result<Plan, Appended>> {
    session::check(w, req.stream, req.session, req.known_expiry, now)?;
    let info = stream::info(w, req.stream)?;
    let current = info.map(|i| i.version).unwrap_or(0);

    if let Some(cmd) = req.command {
        if w.get(Table::Commands, cmd.id.as_bytes())?.is_some() {
            return Err(Error::DuplicateIdempotencyId {
                scope: "this event store (command ids)".into(),
                id: cmd.id.clone(),
            });
        }
    }

    // B-APP-6: ids already in the stream make this a retry or a refusal.
    if let Some(info) = info {
        let mut stored = Vec::with_capacity(req.messages.len());
        let mut key = Vec::with_capacity(64);
        for m in &req.messages {
            layout::message_id_key_into(&mut key, info.num, &m.meta.id);
            let v = match w.get(Table::MessageIds, &key)? {
                None => None,
                Some(v) => Some(stream::check_message_id(
                    w, req.stream, info, &m.meta.id, v,
                )?),
            };
            stored.push(v);
        }
        if let Some(first_hit) = stored.iter().position(Option::is_some) {
            let first = stored[0];
            let is_retry = first.is_some()
                && stored.iter().enumerate().all(|(k, v)| {
                    *v == first.map(|f| f + k as u64)
                        && req.messages[k]
                            .meta
                            .sequence_number
                            .is_none_or(|s| Some(s) == v.map(|v| v as i64))
                });
            if is_retry {
                if let Some(cmd) = req.command {
                    // An exact retry writes nothing, so it cannot record the command either;
                    // reporting success would claim a command that was never recorded.
                    return Err(Error::DuplicateIdempotencyId {
                        scope: format!(
                            "store '{}': the whole batch is already stored, so command '{}' would \
                             produce no events and was not recorded",
                            req.stream.store_id(),
                            cmd.id
                        ),
                        id: req.messages[0].meta.id.to_string(),
                    });
                }
                let last = stored.last().copied().flatten().unwrap_or(current);
                return Ok(Err(Appended {
                    version: last,
                    written: 0,
                }));
            }
            return Err(Error::DuplicateIdempotencyId {
                scope: format!("store '{}'", req.stream.store_id()),
                id: req.messages[first_hit].meta.id.to_string(),
            });
        }
    }
    if req.messages.len() > 1 {
        let mut seen = HashSet::with_capacity(req.messages.len());
        for m in &req.messages {
            if !seen.insert(&*m.meta.id) {
                return Err(Error::DuplicateIdempotencyId {
                    scope: format!("store '{}' (twice in one batch)", req.stream.store_id()),
                    id: m.meta.id.to_string(),
                });
            }
        }
    }

    // B-APP-3: each given sequence number is exactly the version its message receives.
    for (k, m) in req.messages.iter().enumerate() {
        let receives = current + k as u64 + 1;
        if let Some(s) = m.meta.sequence_number {
            if s != receives as i64 {
                return Err(Error::VersionMismatch {
                    store_id: req.stream.store_id(),
                    expected_version: receives,
                    actual_version: s,
                    message_id: m.meta.id.to_string(),
                });
            }
        }
    }

    // The largest stream number so far (stream numbers are given in increasing order).
    let last_num = w
        .seek_lt(Table::StreamNames, &[0xff; 9])?
        .and_then(|(k, _)| layout::u64_be(k))
        .unwrap_or(0);
    let (num, new_stream) = match info {
        Some(i) => (i.num, false),
        None => (last_num + 1, true),
    };
    if new_stream {
        stream::check_unused_number(w, req.stream, num)?;
    }
    // The stream's events are keyed (num, 1..=current); when no stream has a larger number,
    // (num, current + 1..) are the largest keys of `events`.
    let events_at_end = num >= last_num;
    let (last_position, last_time) = match w.seek_lt(Table::Log, &[0xff; 9])? {
        None => (0, Micros::MIN),
        Some((k, _)) => {
            let position = layout::u64_be(k).ok_or_else(|| {
                crate::query::damaged_log(0, "the log's last key is not a position")
            })?;
            let (entry, _) = crate::query::resolve_position(w, position)?;
            (position, entry.recorded_at)
        }
    };
    Ok(Ok(Plan {
        num,
        new_stream,
        current,
        first_position: last_position + 1,
        // Q-LOG: recorded-at never decreases along the log, even if the clock steps back.
        recorded_at: now.max(last_time),
        events_at_end,
    }))
}

/// Writes a planned append. Only storage errors can happen here.
fn write(w: &mut WriteTxn<'_>, req: &AppendRequest<'_>, p: &Plan) -> Result<Appended> {
    let mut digits = String::new();
    // Index keys are built in one reused buffer (no allocation per event).
    let mut key = Vec::with_capacity(64);
    for (k, m) in req.messages.iter().enumerate() {
        let version = p.current + k as u64 + 1;
        let position = p.first_position + k as u64;
        let parts = m.stored_parts(version, &mut digits);
        let len = layout::EVENT_HEADER + parts.iter().map(|x| x.len()).sum::<usize>();
        let event_key = layout::version_key(p.num, version);
        let fill = |out: &mut [u8]| layout::write_event(out, position, p.recorded_at, &parts);
        // Q-IMM-1: an event is never overwritten. Both puts refuse an existing key; `plan`
        // checked the stream's records, so this is the last line of defence.
        let put = if p.events_at_end {
            w.put_with_append(Table::Events, &event_key, len, fill)
        } else {
            w.put_with_new(Table::Events, &event_key, len, fill)
        };
        put.map_err(|e| refused_overwrite(e, req.stream, version))?;
        layout::message_id_key_into(&mut key, p.num, &m.meta.id);
        w.put(Table::MessageIds, &key, &version.to_be_bytes())?;
        let entry = LogEntry {
            stream: p.num,
            version,
            recorded_at: p.recorded_at,
        };
        // Positions continue from the log's last key: always the largest.
        w.put_append(Table::Log, &position.to_be_bytes(), &entry.encode())?;
        layout::string_position_key_into(&mut key, &m.meta.name, position);
        w.put(Table::ByType, &key, &m.meta.event_version.to_be_bytes())?;
        layout::type_version_key_into(&mut key, &m.meta.name, m.meta.event_version, position);
        w.put(Table::ByTypeVersion, &key, &[])?;
        if let Some(c) = &m.meta.correlation_id {
            layout::string_position_key_into(&mut key, c, position);
            w.put(Table::ByCorrelation, &key, &[])?;
        }
    }
    if !req.messages.is_empty() {
        // One time-index entry per append: its events share `recorded_at` and are contiguous in
        // the log, which is ordered by time, so a time query walks the log from here. The key
        // is the largest of the table: `recorded_at` is at least the log's last time (so at
        // least every time in `by_time`), and on a tie the first position is past every
        // position of the log.
        w.put_append(
            Table::ByTime,
            &layout::time_key(p.recorded_at, p.first_position),
            &[],
        )?;
    }
    let version = p.current + req.messages.len() as u64;
    let info = StreamInfo {
        num: p.num,
        version,
    };
    w.put(Table::Streams, req.stream.key(), &info.encode())?;
    if p.new_stream {
        w.put_new(Table::StreamNames, &p.num.to_be_bytes(), req.stream.key())
            .map_err(|e| refused_overwrite(e, req.stream, p.current + 1))?;
    }
    if let Some(cmd) = req.command {
        let record = CommandRecord {
            command_id: cmd.id.clone(),
            command_type: cmd.command_type.clone(),
            processed_at: format_micros(p.recorded_at),
            processed_at_us: p.recorded_at,
            actor: cmd.actor.clone().or_else(|| {
                req.messages
                    .first()
                    .and_then(|m| m.meta.user_id.as_ref().map(|u| u.to_string()))
            }),
            partition: req.stream.database.clone(),
            aggregate_type: req.stream.name.clone(),
            aggregate_id: req.stream.id.clone(),
            first_version: p.current + 1,
            last_version: version,
        };
        let json = serde_json::to_vec(&record).map_err(|e| Error::Internal {
            detail: format!("could not encode a command record: {e}"),
        })?;
        w.put(Table::Commands, cmd.id.as_bytes(), &json)?;
    }
    Ok(Appended {
        version,
        written: req.messages.len(),
    })
}

/// A put that LMDB refused because the key exists: the stream's records are damaged (they
/// named a version or a stream number that is already taken). Fails the whole transaction.
fn refused_overwrite(e: Error, stream: &StreamId, version: u64) -> Error {
    if crate::storage::is_key_exists(&e) {
        Error::corrupt(
            &stream.store_id(),
            version,
            "the append would overwrite an event that is already stored: the stream's records \
             are damaged (nothing was written)",
        )
    } else {
        e
    }
}

/// Checks the command id's size before anything is queued.
pub(crate) fn check_command(cmd: &Command) -> Result<()> {
    if cmd.id.is_empty() || cmd.id.len() > limits::MAX_KEY_FIELD_BYTES {
        return Err(Error::invalid(
            "command id",
            format!(
                "it must be 1 to {} bytes long, not {}",
                limits::MAX_KEY_FIELD_BYTES,
                cmd.id.len()
            ),
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Group commit.

enum JobState {
    Queued,
    /// This job's thread must now lead the queue.
    Lead,
    Done(Result<Appended>),
}

struct Job {
    /// Points at an `AppendRequest` on the submitting thread's stack.
    // SAFETY (the protocol): the submitting thread blocks in `Committer::append` until the state
    // is `Done`, and the leader reads `request` only before it sets `Done`; so the pointee
    // outlives every use. `Done` is set with the state lock held, after the last read.
    request: *const AppendRequest<'static>,
    state: Mutex<JobState>,
    wake: Condvar,
}

// SAFETY: the request is only read (shared) by the leader while its owner is blocked; see above.
unsafe impl Send for Job {}
unsafe impl Sync for Job {}

#[derive(Default)]
struct Queue {
    pending: Vec<Arc<Job>>,
    leading: bool,
}

/// The group-commit queue of one provider.
#[derive(Default)]
pub(crate) struct Committer {
    queue: Mutex<Queue>,
}

impl Committer {
    /// Appends through the queue; returns this append's own result.
    pub(crate) fn append(&self, storage: &Storage, req: &AppendRequest<'_>) -> Result<Appended> {
        // R-PROC-1: a committer inherited across fork() may have been led by a thread that does
        // not exist in this process; refuse before queueing behind it.
        storage.check_process()?;
        let result = self.append_queued(storage, req);
        // Map growth the group noted is logged now: this thread leads nothing any more.
        log_later::flush();
        result
    }

    fn append_queued(&self, storage: &Storage, req: &AppendRequest<'_>) -> Result<Appended> {
        let job = Arc::new(Job {
            request: (req as *const AppendRequest<'_>).cast(),
            state: Mutex::new(JobState::Queued),
            wake: Condvar::new(),
        });
        let lead_now = {
            let mut q = self.queue.lock();
            q.pending.push(job.clone());
            !std::mem::replace(&mut q.leading, true)
        };
        if !lead_now {
            let mut state = job.state.lock();
            while matches!(*state, JobState::Queued) {
                job.wake.wait(&mut state);
            }
            if let JobState::Done(_) = &*state {
                return take_result(&mut state);
            }
            // Promoted to leader: fall through with the queue's leadership.
        }
        self.lead(storage);
        let mut state = job.state.lock();
        while !matches!(*state, JobState::Done(_)) {
            job.wake.wait(&mut state);
        }
        take_result(&mut state)
    }

    /// Runs one group: everything queued now. Then passes leadership on or gives it up.
    fn lead(&self, storage: &Storage) {
        // Nothing is logged while this thread leads (see `log_later`).
        let _leading = log_later::Leading::start();
        let group = std::mem::take(&mut self.queue.lock().pending);
        let results =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_group(storage, &group)))
                .unwrap_or_else(|panic| {
                    let detail = crate::panic_message(&*panic);
                    let e = Error::Internal { detail };
                    group.iter().map(|_| Err(e.clone())).collect()
                });
        for (job, result) in group.iter().zip(results) {
            *job.state.lock() = JobState::Done(result);
            job.wake.notify_one();
        }
        let mut q = self.queue.lock();
        match q.pending.first() {
            Some(next) => {
                *next.state.lock() = JobState::Lead;
                next.wake.notify_one();
            }
            None => q.leading = false,
        }
    }
}

fn take_result(state: &mut JobState) -> Result<Appended> {
    match std::mem::replace(state, JobState::Queued) {
        JobState::Done(r) => r,
        _ => unreachable!("take_result is called on a finished job"),
    }
}

/// One transaction for the whole group; each append gets its own result.
fn run_group(storage: &Storage, group: &[Arc<Job>]) -> Vec<Result<Appended>> {
    let outcome = storage.write("appending events", |w| {
        let now = session::now_micros();
        let mut results = Vec::with_capacity(group.len());
        for job in group {
            // SAFETY: see `Job::request`; the owner waits until this job is `Done`.
            let req: &AppendRequest<'_> = unsafe { &*job.request };
            let result = match plan(w, req, now) {
                Ok(Ok(p)) => Ok(write(w, req, &p)?), // a storage error fails the whole group
                Ok(Err(retry)) => Ok(retry),
                Err(e) if e.kind() == ErrorKind::Storage => return Err(e),
                Err(e) => Err(e),
            };
            results.push(result);
        }
        Ok(results)
    });
    match outcome {
        Ok(results) => results,
        Err(e) => group.iter().map(|_| Err(e.clone())).collect(),
    }
}
