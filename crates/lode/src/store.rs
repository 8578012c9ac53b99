//! [`EventStore`]: one stream, used through a session (the `IEventStore` of the .NET library).

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use lode_backend::{Error, Messages, Micros, ReadView, Result, StreamHead, StreamId, WriteView};

use crate::append::{self, AppendRequest, Command};
use crate::core::ProviderCore;
use crate::envelope;
use crate::session::{self, now_micros, SessionId};

#[derive(Debug, Clone, Copy)]
struct Session {
    id: SessionId,
    timeout: Duration,
    /// The expiry this session last wrote (used when the lease record has gone).
    expires_at: Micros,
}

/// The event stream of one aggregate, `(database, name, id)`, used through a session.
///
/// Made by [`crate::EventStoreProvider::open_store`] (opened) or
/// [`crate::EventStoreProvider::store`] (not yet opened). Every call checks the session's lease
/// in the same transaction as its work (B-SES-4). `EventStore` is `Send + Sync`; calls from
/// several threads on one store are serialized by LMDB where they write.
pub struct EventStore {
    core: Arc<ProviderCore>,
    stream: StreamId,
    session: Mutex<Option<Session>>,
}

impl std::fmt::Debug for EventStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStore")
            .field("store_id", &self.stream.store_id())
            .field("session", &self.session_id())
            .finish()
    }
}

fn micros(d: Duration) -> Micros {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

impl EventStore {
    pub(crate) fn new(core: Arc<ProviderCore>, stream: StreamId) -> EventStore {
        EventStore {
            core,
            stream,
            session: Mutex::new(None),
        }
    }

    /// The stream's identity.
    pub fn stream(&self) -> &StreamId {
        &self.stream
    }

    /// B-ID-3: `database/name/id`.
    pub fn store_id(&self) -> String {
        self.stream.store_id()
    }

    /// The current session's id, if open.
    pub fn session_id(&self) -> Option<String> {
        self.session.lock().map(|s| s.id.to_string())
    }

    /// B-SES-1/2/3: acquires the stream's lease for `session_timeout`, retrying while another
    /// live session holds it, for at most `open_timeout` (0: try once). Opening a store that is
    /// already open extends its session (same session id) with the new timeout.
    pub fn open(&self, session_timeout: Duration, open_timeout: Duration) -> Result<()> {
        if session_timeout.is_zero() {
            return Err(Error::invalid(
                "session_timeout",
                "a session must last longer than zero",
            ));
        }
        let store_id = self.stream.store_id();
        // Opening an open store renews its own session rather than contending with itself.
        let id = self
            .session
            .lock()
            .map(|s| s.id)
            .unwrap_or_else(SessionId::new);
        let started = Instant::now();
        let mut pause = Duration::from_millis(2);
        loop {
            let now = now_micros();
            let expires_at = now.saturating_add(micros(session_timeout));
            // Look before writing: while another live session holds the lease, each try is a
            // read, which never waits for LMDB's writer lock, so a stopped process that holds
            // that lock cannot stretch the wait past `open_timeout` (the write that takes a
            // free lease can: it needs the lock, see the header's note on lode_store_open).
            let held = lode_backend::read(self.backend(), "opening a store", |r| {
                session::holder(r, &self.stream, id, now)
            })?;
            let outcome = match held {
                Some(holder) => Err(holder),
                None => lode_backend::write(self.backend(), "opening a store", |w| {
                    session::try_acquire(w, &self.stream, id, expires_at, now)
                })?,
            };
            let holder = match outcome {
                Ok(()) => {
                    *self.session.lock() = Some(Session {
                        id,
                        timeout: session_timeout,
                        expires_at,
                    });
                    tracing::info!(target: "lode::store", store_id = %store_id, session_id = %id,
                                   "store opened");
                    return Ok(());
                }
                Err(holder) => holder,
            };
            let elapsed = started.elapsed();
            if elapsed >= open_timeout {
                tracing::error!(target: "lode::store", store_id = %store_id,
                                timeout_ms = open_timeout.as_millis() as u64,
                                holder = %holder.session, "open failed");
                return Err(Error::OpenStoreFailed {
                    store_id,
                    timeout_ms: open_timeout.as_millis() as u64,
                    holder_session_id: holder.session.to_string(),
                    holder_pid: holder.pid,
                    holder_expires_at: holder.expires_at,
                });
            }
            // Sleep until the next try, never past the timeout nor past the holder's expiry.
            let until_expiry =
                Duration::from_micros(holder.expires_at.saturating_sub(now_micros()).max(0) as u64);
            std::thread::sleep(
                pause
                    .min(open_timeout - elapsed)
                    .min(until_expiry + Duration::from_millis(1)),
            );
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }

    /// B-SES-5: releases the lease if this session still holds it. Idempotent. A close that
    /// fails (a storage error) keeps the session, so the caller can retry it.
    ///
    /// In a process that inherited the store across `fork()` (R-PROC-1), closing forgets the
    /// session without touching the lease, which belongs to the parent: cleanup never fails
    /// there, while every other call does.
    pub fn close(&self) -> Result<()> {
        let Some(s) = *self.session.lock() else {
            return Ok(());
        };
        if self.backend().check_usable().is_err() {
            *self.session.lock() = None;
            return Ok(());
        }
        let released = lode_backend::write(self.backend(), "closing a store", |w| {
            session::release(w, &self.stream, s.id)
        })?;
        // Forget the session only now that the lease is released (or was no longer ours), and
        // only if no other thread reopened it meanwhile (a reopen keeps the same session id).
        {
            let mut live = self.session.lock();
            if live.is_some_and(|l| l.id == s.id) {
                *live = None;
            }
        }
        tracing::info!(target: "lode::store", store_id = %self.stream.store_id(), session_id = %s.id,
                       released, "store closed");
        Ok(())
    }

    /// B-SES-6: extends the lease by the session timeout, while it is still valid.
    pub fn renew(&self) -> Result<()> {
        let s = self.current("renewing the session")?;
        let now = now_micros();
        let expires_at = now.saturating_add(micros(s.timeout));
        lode_backend::write(self.backend(), "renewing a session", |w| {
            session::renew(w, &self.stream, s.id, s.expires_at, expires_at, now)
        })
        .inspect_err(|e| self.log_refusal(e))?;
        if let Some(live) = self.session.lock().as_mut() {
            if live.id == s.id {
                live.expires_at = expires_at;
            }
        }
        Ok(())
    }

    fn current(&self, operation: &str) -> Result<Session> {
        self.session.lock().ok_or_else(|| Error::StoreNotOpen {
            store_id: self.stream.store_id(),
            operation: operation.to_string(),
        })
    }

    fn backend(&self) -> &dyn lode_backend::Backend {
        &*self.core.backend
    }

    /// Runs `f` in a read transaction after checking the lease in it.
    fn read<T>(&self, operation: &str, mut f: impl FnMut(&dyn ReadView) -> Result<T>) -> Result<T> {
        let s = self.current(operation)?;
        lode_backend::read(self.backend(), operation, |r| {
            session::check(r, &self.stream, s.id, s.expires_at, now_micros())?;
            f(r)
        })
        .inspect_err(|e| self.log_refusal(e))
    }

    /// Runs `f` in a write transaction after checking the lease in it.
    fn write<T>(
        &self,
        operation: &str,
        mut f: impl FnMut(&mut dyn WriteView) -> Result<T>,
    ) -> Result<T> {
        let s = self.current(operation)?;
        lode_backend::write(self.backend(), operation, |w| {
            session::check(w, &self.stream, s.id, s.expires_at, now_micros())?;
            f(w)
        })
        .inspect_err(|e| self.log_refusal(e))
    }

    /// Logs the refusals the seed's logging table names (session expired, version mismatch),
    /// once the call's transaction is over: a host log callback may call back into the library.
    fn log_refusal(&self, e: &Error) {
        match e {
            Error::SessionExpired {
                session_id,
                expired_at,
                ..
            } => tracing::warn!(target: "lode::session", store_id = %self.stream.store_id(),
                                session_id = %session_id,
                                expiration = %lode_backend::format_micros(*expired_at),
                                "session expired"),
            Error::VersionMismatch {
                expected_version,
                actual_version,
                ..
            } => tracing::warn!(target: "lode::append", store_id = %self.stream.store_id(),
                                expected = expected_version, actual = actual_version,
                                "version mismatch"),
            _ => {}
        }
    }

    // -- append ----------------------------------------------------------------------------

    /// B-APP-*: appends a batch of EventMessages atomically; returns the new stream version.
    ///
    /// The messages are read and checked before the append queues for the write; a batch of
    /// 64 KiB or more per core is read by up to four threads at once (this one among them),
    /// all finished before this returns.
    pub fn add<M: AsRef<[u8]>>(&self, messages: &[M]) -> Result<u64> {
        self.add_inner(messages, None)
    }

    /// Q-CMD-1: appends a batch and records `command` in the same transaction. A command id
    /// recorded before is refused with DuplicateIdempotencyId and nothing is written.
    pub fn add_with_command<M: AsRef<[u8]>>(
        &self,
        messages: &[M],
        command: &Command,
    ) -> Result<u64> {
        append::check_command(command)?;
        self.add_inner(messages, Some(command))
    }

    /// S-CP-3: appends a batch and stores checkpoint `checkpoint_name` at `position` in the
    /// same transaction: the consumer's output and "processed up to `position`" commit together
    /// or not at all. The checkpoint only moves forward and may cover this batch's own events;
    /// otherwise InvalidArgument and nothing is written. An exact retry of a stored batch
    /// (B-APP-6) writes no events and still moves the checkpoint. An empty batch stores the
    /// checkpoint alone (with this session's lease checked).
    pub fn add_with_checkpoint<M: AsRef<[u8]>>(
        &self,
        messages: &[M],
        checkpoint_name: &str,
        position: u64,
    ) -> Result<u64> {
        crate::checkpoint::check_name(checkpoint_name)?;
        if messages.is_empty() {
            return self.write("storing a checkpoint", |w| {
                crate::checkpoint::store(w, checkpoint_name, position, now_micros(), false)?;
                Ok(w.stream(&self.stream)?.map_or(0, |h| h.version))
            });
        }
        self.append_request(messages, None, Some((checkpoint_name, position)))
    }

    fn add_inner<M: AsRef<[u8]>>(&self, messages: &[M], command: Option<&Command>) -> Result<u64> {
        self.append_request(messages, command, None)
    }

    fn append_request<M: AsRef<[u8]>>(
        &self,
        messages: &[M],
        command: Option<&Command>,
        checkpoint: Option<(&str, u64)>,
    ) -> Result<u64> {
        let s = self.current("adding events")?;
        if messages.is_empty() && command.is_none() {
            // B-APP-1: nothing to write; still a checked call.
            return self.version();
        }
        let prepared = envelope::prepare_batch(messages)?;
        let req = AppendRequest {
            stream: &self.stream,
            session: s.id,
            known_expiry: s.expires_at,
            messages: prepared,
            command,
            checkpoint,
        };
        let appended = self
            .core
            .committer
            .append(self.backend(), &req)
            .inspect_err(|e| self.log_refusal(e))?;
        if appended.written > 0 {
            tracing::debug!(target: "lode::append", store_id = %self.stream.store_id(),
                            count = appended.written, new_version = appended.version, "events added");
        }
        Ok(appended.version)
    }

    // -- reads -----------------------------------------------------------------------------

    /// B-RD-1/2: every message of the stream; with `use_snapshot`, the latest snapshot first
    /// and the events after it.
    pub fn get(&self, use_snapshot: bool) -> Result<Messages> {
        self.read("reading events", |r| {
            let head = r.stream(&self.stream)?;
            self.collect(r, head, head.map_or(0, |h| h.version), use_snapshot)
        })
    }

    /// B-RD-3: events 1..=`version` (or the latest snapshot at or below it and the events
    /// after). 0 gives an empty list; past the current version is StreamVersionNotFound.
    pub fn get_to(&self, version: u64, use_snapshot: bool) -> Result<Messages> {
        self.read("reading events", |r| {
            let head = r.stream(&self.stream)?;
            let current = head.map_or(0, |h| h.version);
            if version > current {
                return Err(self.version_not_found(version, current));
            }
            self.collect(r, head, version, use_snapshot)
        })
    }

    fn collect(
        &self,
        r: &dyn ReadView,
        head: Option<StreamHead>,
        upto: u64,
        use_snapshot: bool,
    ) -> Result<Messages> {
        let Some(head) = head else {
            return Ok(Messages::default().finish());
        };
        if upto == 0 {
            return Ok(Messages::default().finish());
        }
        let hint = r.events_size_hint(head, 1, upto)?;
        let mut out = Messages::with_capacity(upto.min(1 << 20) as usize, hint);
        let mut first = 1;
        if use_snapshot {
            if let Some((at, json)) = r.latest_snapshot(&self.stream, head, upto)? {
                out.push_snapshot(at, json);
                first = at + 1;
            }
        }
        r.read_events(&self.stream, head, first, upto, &mut out)?;
        Ok(out.finish())
    }

    /// B-RD-4: events `first..=last`; parts outside 1..=current are simply absent.
    /// `first < 1` is an invalid argument; `first > last` is empty.
    pub fn get_slice(&self, first: u64, last: u64) -> Result<Messages> {
        if first < 1 {
            return Err(Error::invalid(
                "first",
                "slices start at version 1 or later",
            ));
        }
        self.read("reading a slice", |r| {
            let Some(head) = r.stream(&self.stream)? else {
                return Ok(Messages::default().finish());
            };
            let last = last.min(head.version);
            if first > last {
                return Ok(Messages::default().finish());
            }
            let count = last - first + 1;
            let hint = r.events_size_hint(head, first, last)?;
            let mut out = Messages::with_capacity(count.min(1 << 20) as usize, hint);
            r.read_events(&self.stream, head, first, last, &mut out)?;
            Ok(out.finish())
        })
    }

    /// B-RD-5: the current version (0 for an empty stream), one verified lookup.
    pub fn version(&self) -> Result<u64> {
        self.read("reading the version", |r| {
            Ok(r.stream(&self.stream)?.map_or(0, |h| h.version))
        })
    }

    fn version_not_found(&self, version: u64, current: u64) -> Error {
        Error::StreamVersionNotFound {
            store_id: self.stream.store_id(),
            version,
            current_version: current,
        }
    }

    // -- snapshots -------------------------------------------------------------------------

    /// B-SNP-1: stores `message` as the snapshot at `version` (1..=current), replacing any.
    pub fn snapshot(&self, version: u64, message: &[u8]) -> Result<()> {
        envelope::check_snapshot(message)?;
        let message = trim_start(message);
        self.write("storing a snapshot", |w| {
            let head = w.stream(&self.stream)?;
            let current = head.map_or(0, |h| h.version);
            match head {
                Some(head) if (1..=current).contains(&version) => {
                    w.put_snapshot(head, version, message, now_micros())
                }
                _ => Err(self.version_not_found(version, current)),
            }
        })?;
        tracing::info!(target: "lode::snapshot", store_id = %self.stream.store_id(), version,
                       "snapshot stored");
        Ok(())
    }

    /// B-SNP-3: removes the snapshot at `version`; SnapshotVersionNotFound if there is none.
    pub fn clear_snapshot(&self, version: u64) -> Result<()> {
        self.write("clearing a snapshot", |w| {
            let removed = match w.stream(&self.stream)? {
                Some(head) => w.delete_snapshot(head, version)?,
                None => false,
            };
            if removed {
                Ok(())
            } else {
                Err(Error::SnapshotVersionNotFound {
                    store_id: self.stream.store_id(),
                    version,
                })
            }
        })
    }

    /// B-SNP-3: removes every snapshot of the stream (events are never touched).
    pub fn clear_snapshots(&self) -> Result<()> {
        self.write("clearing snapshots", |w| match w.stream(&self.stream)? {
            Some(head) => w.delete_snapshots(head).map(|_| ()),
            None => Ok(()),
        })
    }

    /// B-SNP-2: snapshot versions, ascending.
    pub fn snapshot_versions(&self) -> Result<Vec<u64>> {
        self.read("listing snapshots", |r| match r.stream(&self.stream)? {
            Some(head) => r.snapshot_versions(head),
            None => Ok(Vec::new()),
        })
    }

    /// B-SNP-2: the last snapshot version, 0 when there is none.
    pub fn last_snapshot_version(&self) -> Result<u64> {
        self.read("reading the last snapshot version", |r| {
            match r.stream(&self.stream)? {
                Some(head) => r.last_snapshot_version(head),
                None => Ok(0),
            }
        })
    }

    /// B-SNP-4: at every multiple of `chunk_size` up to the current version that has no
    /// snapshot yet, calls `f` with what `get_to(multiple, true)` returns and stores the message
    /// it gives back as the snapshot there. Each step reads the previous snapshot and one chunk,
    /// so the cost is linear in the stream. No transaction is open while `f` runs.
    pub fn snapshot_all(
        &self,
        chunk_size: i64,
        mut f: impl FnMut(&Messages) -> Result<Vec<u8>>,
    ) -> Result<()> {
        if chunk_size <= 0 {
            return Err(Error::invalid(
                "chunk_size",
                format!("it must be at least 1, not {chunk_size}"),
            ));
        }
        let chunk = chunk_size as u64;
        let (current, existing) =
            self.read("listing snapshots", |r| match r.stream(&self.stream)? {
                Some(head) => Ok((head.version, r.snapshot_versions(head)?)),
                None => Ok((0, Vec::new())),
            })?;
        let mut at = chunk;
        while at <= current {
            if existing.binary_search(&at).is_err() {
                let messages = self.get_to(at, true)?;
                let state = f(&messages)?;
                self.snapshot(at, &state)?;
            }
            at = match at.checked_add(chunk) {
                Some(next) => next,
                None => break,
            };
        }
        Ok(())
    }
}

fn trim_start(b: &[u8]) -> &[u8] {
    let skip = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[skip..]
}

impl Drop for EventStore {
    /// Dropping an open store closes it (the lease is released), like `Dispose` in .NET.
    fn drop(&mut self) {
        if let Err(e) = self.close() {
            tracing::warn!(target: "lode::store", store_id = %self.stream.store_id(), error = %e,
                           "closing a store on drop failed; its lease lapses at its expiry");
        }
    }
}

impl EventStore {
    /// The settings of the provider this store belongs to (for its default timeouts).
    pub fn provider_settings(&self) -> &crate::StoreSettings {
        &self.core.settings
    }
}
