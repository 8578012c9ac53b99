//! Live subscriptions (docs/subscriptions.md, S-SUB-1 .. S-SUB-9): every committed event after
//! a position that matches a filter, in log order, each once; first the stored history in
//! pages, then live events as they commit.
//!
//! Why nothing can be skipped (S-SUB-2): positions are assigned inside the write transaction
//! (`append.rs`: the log's head + 1) and become visible when it commits, in order, a whole
//! commit group at once. A subscription remembers one number, the position it has *seen up to*
//! (not the last event it delivered), and each page reads "positions > seen" from one committed
//! snapshot, bounded by that snapshot's head. Every position at or below the head is committed
//! in that snapshot; every later one is committed later and is greater than the head. So the
//! hand-over from history to live is not a special case: it is the same read, again.
//!
//! Filters use an index where one exists (stream: the stream's events; correlation id: its
//! index; event types: one index walk per type, merged) and walk the log otherwise (aggregate
//! type). A page reads at most [`SCAN_BUDGET`] entries in one read transaction; the position
//! then moves past what it read, so a filter that matches rarely still moves on, and no read
//! transaction is held between pages, while waiting, or while the caller works (S-SUB-5). A
//! subscription holds one page at a time (S-SUB-6).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lode_backend::{Error, EventRef, EventSource, ReadView, Result, StreamHead, StreamId};

use crate::core::ProviderCore;
use crate::limits;
use crate::query::{self, LogRecord, Query};

/// Records per page unless the subscriber asks otherwise.
pub const DEFAULT_PAGE_SIZE: usize = 256;

/// The most records one page may hold.
pub const MAX_PAGE_SIZE: usize = 100_000;

/// Index or log entries one page reads at most in one read transaction (besides a multiple of
/// the page size): bounds how long a read transaction of a rarely matching filter lives.
pub const SCAN_BUDGET: usize = 4096;

/// Message bytes past which a page ends early (it always holds at least one record): a page of
/// large events stays a bounded amount of memory (S-SUB-6).
pub const MAX_PAGE_BYTES: usize = 16 << 20;

/// One event type a subscription asks for, with one event version or any.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventTypeFilter {
    pub event_type: String,
    pub event_version: Option<u32>,
}

/// What a subscription delivers (S-SUB-3): every part given must match (they combine with
/// AND); several event types match any of them. The default matches every event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubscriptionFilter {
    /// Only the events of this stream `(database, name, id)`.
    pub stream: Option<StreamId>,
    /// Only events of streams of this name (the aggregate type, or category), in any database.
    pub aggregate_type: Option<String>,
    /// Only events of one of these types (`Metadata.Message.Name`), each at one event version
    /// (`Metadata.Message.Version`) or any. Empty: every type.
    pub event_types: Vec<EventTypeFilter>,
    /// Only events of this correlation id (`Metadata.Context.CorrelationId`).
    pub correlation_id: Option<String>,
}

impl SubscriptionFilter {
    /// Every event.
    pub fn all() -> SubscriptionFilter {
        SubscriptionFilter::default()
    }

    /// Only the events of `stream`.
    pub fn stream(mut self, stream: StreamId) -> SubscriptionFilter {
        self.stream = Some(stream);
        self
    }

    /// Only events of streams named `aggregate_type`.
    pub fn aggregate_type(mut self, aggregate_type: impl Into<String>) -> SubscriptionFilter {
        self.aggregate_type = Some(aggregate_type.into());
        self
    }

    /// Also events of `event_type` (at `event_version`, or any version).
    pub fn event_type(
        mut self,
        event_type: impl Into<String>,
        event_version: Option<u32>,
    ) -> SubscriptionFilter {
        self.event_types.push(EventTypeFilter {
            event_type: event_type.into(),
            event_version,
        });
        self
    }

    /// Only events of `correlation_id`.
    pub fn correlation_id(mut self, correlation_id: impl Into<String>) -> SubscriptionFilter {
        self.correlation_id = Some(correlation_id.into());
        self
    }

    /// Whether `record` is one this filter delivers.
    pub fn matches(&self, record: &LogRecord) -> bool {
        self.stream.as_ref().is_none_or(|s| {
            s.database == record.partition
                && s.name == record.aggregate_type
                && s.id == record.aggregate_id
        }) && self
            .aggregate_type
            .as_ref()
            .is_none_or(|t| *t == record.aggregate_type)
            && (self.event_types.is_empty()
                || self.event_types.iter().any(|t| {
                    t.event_type == record.event_type
                        && t.event_version.is_none_or(|v| v == record.event_version)
                }))
            && self
                .correlation_id
                .as_ref()
                .is_none_or(|c| record.correlation_id.as_deref() == Some(c.as_str()))
    }

    /// The parts that can be checked on an entry before its message is parsed.
    fn matches_stream(&self, e: &EventRef<'_>) -> bool {
        self.stream.as_ref().is_none_or(|s| s == e.stream)
            && self
                .aggregate_type
                .as_ref()
                .is_none_or(|t| *t == e.stream.name)
    }

    fn check(&self) -> Result<()> {
        let text = |argument: &str, value: &str| -> Result<()> {
            if value.is_empty() || value.len() > limits::MAX_KEY_FIELD_BYTES {
                return Err(Error::invalid(
                    argument,
                    format!("it must be 1 to {} bytes long", limits::MAX_KEY_FIELD_BYTES),
                ));
            }
            Ok(())
        };
        if let Some(t) = &self.aggregate_type {
            if t.is_empty() || t.len() > limits::MAX_NAME_BYTES {
                return Err(Error::invalid(
                    "aggregate_type",
                    format!("it must be 1 to {} bytes long", limits::MAX_NAME_BYTES),
                ));
            }
        }
        for t in &self.event_types {
            text("event_type", &t.event_type)?;
        }
        if let Some(c) = &self.correlation_id {
            text("correlation_id", c)?;
        }
        Ok(())
    }

    /// The event types without repeats: a type asked for at any version covers its versions.
    fn distinct_types(&self) -> Vec<EventTypeFilter> {
        let mut out: Vec<EventTypeFilter> = Vec::new();
        for t in &self.event_types {
            let covered = out.iter().any(|o| {
                o.event_type == t.event_type
                    && (o.event_version.is_none() || o.event_version == t.event_version)
            });
            if !covered {
                if t.event_version.is_none() {
                    out.retain(|o| o.event_type != t.event_type);
                }
                out.push(t.clone());
            }
        }
        out
    }
}

/// Where a subscription starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubscriptionStart {
    /// After this log position: 0 is the beginning; a checkpoint's position resumes after it.
    After(u64),
    /// After the log's last position when the subscription is made: only events committed
    /// from then on.
    Now,
}

/// One page of a subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubscriptionPage {
    /// The matching events, ascending by position; empty when the wait ended first.
    pub records: Vec<LogRecord>,
    /// The log position the subscription has seen up to after this page (S-SUB-4): every
    /// matching event at or below it has been delivered. Store it as the checkpoint once the
    /// page is processed, to resume after it.
    pub position: u64,
}

/// A live subscription to the global log (S-SUB-*). Made by
/// [`crate::EventStoreProvider::subscribe`].
///
/// Pull style: [`Subscription::next_page`] returns the next page, waiting at most a given time
/// for one; nothing runs on a thread of the library's. `Send + Sync`: [`Subscription::close`]
/// and [`Subscription::wake`] may be called from any thread, also while another waits in
/// `next_page`; one thread at a time may call `next_page` (a second gets InvalidArgument).
pub struct Subscription {
    core: Arc<ProviderCore>,
    filter: SubscriptionFilter,
    types: Vec<EventTypeFilter>,
    page_size: usize,
    position: AtomicU64,
    busy: AtomicBool,
    closed: AtomicBool,
    woken: AtomicBool,
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("position", &self.position())
            .field("filter", &self.filter)
            .field("page_size", &self.page_size)
            .field("closed", &self.is_closed())
            .finish()
    }
}

/// Clears the busy flag when a `next_page` call ends, however it ends.
struct Busy<'a>(&'a AtomicBool);

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

/// What one read transaction found.
struct Chunk {
    records: Vec<LogRecord>,
    /// The position read up to (S-SUB-4).
    seen: u64,
    /// The snapshot's head.
    head: u64,
}

impl Subscription {
    pub(crate) fn new(
        core: Arc<ProviderCore>,
        start: SubscriptionStart,
        filter: SubscriptionFilter,
        page_size: usize,
    ) -> Result<Subscription> {
        if page_size == 0 || page_size > MAX_PAGE_SIZE {
            return Err(Error::invalid(
                "page_size",
                format!("it must be 1 to {MAX_PAGE_SIZE}, not {page_size}"),
            ));
        }
        filter.check()?;
        core.backend.check_usable()?;
        let position = match start {
            SubscriptionStart::After(p) => p,
            SubscriptionStart::Now => core.backend.head()?,
        };
        Ok(Subscription {
            types: filter.distinct_types(),
            core,
            filter,
            page_size,
            position: AtomicU64::new(position),
            busy: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            woken: AtomicBool::new(false),
        })
    }

    /// The log position seen up to (S-SUB-4): resume after it.
    pub fn position(&self) -> u64 {
        self.position.load(Ordering::Acquire)
    }

    pub fn filter(&self) -> &SubscriptionFilter {
        &self.filter
    }

    pub fn page_size(&self) -> usize {
        self.page_size
    }

    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }

    /// S-SUB-8: ends the subscription; a `next_page` waiting in another thread returns Closed
    /// at once, and so does every later call. Idempotent.
    pub fn close(&self) {
        if !self.closed.swap(true, Ordering::AcqRel) {
            self.core.backend.wake_waiters();
        }
    }

    /// Makes a `next_page` waiting in another thread return now, with the records it has (none);
    /// if none is waiting, the next call returns after one read instead of waiting. For hosts
    /// that cancel a wait without closing (a CancellationToken).
    pub fn wake(&self) {
        self.woken.store(true, Ordering::Release);
        self.core.backend.wake_waiters();
    }

    /// The next page: at most `page_size` matching events after [`Subscription::position`],
    /// in log order (S-SUB-1). Returns as soon as there is one; waits at most `max_wait` for
    /// one (`Duration::ZERO`: no wait), holding no transaction while it waits (S-SUB-5). An
    /// empty page means the time ran out (or [`Subscription::wake`] was called); its position
    /// may still have moved past events that do not match. Closed once closed.
    pub fn next_page(&self, max_wait: Duration) -> Result<SubscriptionPage> {
        // Closed, and inherited across fork(), come before "busy": a subscription closed while
        // another thread is in this call says Closed, and one inherited while a thread of the
        // parent was in it (that thread is not in this process) says what to do instead.
        if self.is_closed() {
            return Err(self.closed_error());
        }
        self.core.backend.check_usable()?;
        if self.busy.swap(true, Ordering::AcqRel) {
            return Err(Error::invalid(
                "subscription",
                "another thread is already in next_page on this subscription; one consumer at a time",
            ));
        }
        let _busy = Busy(&self.busy);
        let outcome = self.next_page_inner(max_wait);
        self.woken.store(false, Ordering::Release);
        outcome
    }

    fn closed_error(&self) -> Error {
        Error::Closed {
            object: "subscription".into(),
        }
    }

    fn next_page_inner(&self, max_wait: Duration) -> Result<SubscriptionPage> {
        let started = Instant::now();
        loop {
            if self.is_closed() {
                return Err(self.closed_error());
            }
            let after = self.position();
            let chunk = lode_backend::read(&*self.core.backend, "reading a subscription", |r| {
                self.read_chunk(r, after)
            })?;
            self.position.store(chunk.seen, Ordering::Release);
            if !chunk.records.is_empty() {
                return Ok(SubscriptionPage {
                    records: chunk.records,
                    position: chunk.seen,
                });
            }
            if chunk.seen < chunk.head {
                continue; // the scan budget ran out: read on, in a new transaction
            }
            let waited = started.elapsed();
            if waited >= max_wait || self.woken.load(Ordering::Acquire) {
                return Ok(SubscriptionPage {
                    records: Vec::new(),
                    position: chunk.seen,
                });
            }
            let stop = || self.is_closed() || self.woken.load(Ordering::Acquire);
            self.core
                .backend
                .wait_for_head(chunk.seen, max_wait - waited, &stop)?;
        }
    }

    /// One page from one snapshot: the matching events after `after`, at most `page_size`,
    /// reading at most about [`SCAN_BUDGET`] entries of each source.
    fn read_chunk(&self, r: &dyn ReadView, after: u64) -> Result<Chunk> {
        let head = r.log_head()?.map_or(0, |h| h.position);
        let mut chunk = Chunk {
            records: Vec::new(),
            seen: after,
            head,
        };
        if head <= after {
            return Ok(chunk);
        }
        let budget = SCAN_BUDGET.max(4 * self.page_size);
        let from = after + 1;
        // Every source is walked up to `bound`: all its entries at or below it are considered.
        let mut bound = head;
        let mut sources: Vec<(EventSource<'_>, Option<Query>)> = Vec::new();
        if let Some(stream) = &self.filter.stream {
            match r.stream(stream)? {
                None => {
                    chunk.seen = head;
                    return Ok(chunk);
                }
                Some(h) => sources.push((
                    EventSource::Stream {
                        stream,
                        head: h,
                        since: first_version_after(r, stream, h, after)? - 1,
                    },
                    None,
                )),
            }
        } else if let Some(c) = &self.filter.correlation_id {
            sources.push((
                EventSource::Correlation { id: c, from },
                Some(Query::ByCorrelation {
                    correlation_id: c.clone(),
                    from_position: from,
                }),
            ));
        } else if !self.types.is_empty() {
            for t in &self.types {
                sources.push((
                    EventSource::Type {
                        event_type: &t.event_type,
                        event_version: t.event_version,
                        from,
                    },
                    Some(Query::ByType {
                        event_type: t.event_type.clone(),
                        event_version: t.event_version,
                        from_position: from,
                    }),
                ));
            }
        } else {
            sources.push((EventSource::Log { from }, None));
        }
        let records = &mut chunk.records;
        let mut bytes = 0usize;
        for (source, index) in sources {
            let mut walked = 0usize;
            r.events(source, &mut |e| {
                if e.position > bound {
                    return Ok(false);
                }
                if e.position <= after {
                    return Ok(true);
                }
                walked += 1;
                if walked > budget {
                    // Everything of this source below `e` was considered; the rest is for the
                    // next chunk, and so is everything of the other sources above it.
                    bound = e.position - 1;
                    return Ok(false);
                }
                if !self.filter.matches_stream(&e) {
                    return Ok(true);
                }
                let record = query::record(e)?;
                if let Some(q) = &index {
                    // R-BAD-4: an index entry must lead to an event of what it indexes.
                    query::check_match(q, &record)?;
                }
                if !self.filter.matches(&record) {
                    return Ok(true);
                }
                let at = records.partition_point(|x| x.position < record.position);
                if records
                    .get(at)
                    .is_some_and(|x| x.position == record.position)
                {
                    return Ok(true);
                }
                bytes += record.message.len();
                records.insert(at, record);
                if records.len() > self.page_size {
                    bytes -= records.pop().map_or(0, |r| r.message.len());
                }
                if records.len() == self.page_size || bytes >= MAX_PAGE_BYTES {
                    bound = bound.min(records[records.len() - 1].position);
                }
                Ok(true)
            })?;
            records.retain(|x| x.position <= bound);
            bytes = records.iter().map(|r| r.message.len()).sum();
        }
        // A page of large events ends once it holds MAX_PAGE_BYTES (at least one record).
        while records.len() > 1
            && bytes - records[records.len() - 1].message.len() >= MAX_PAGE_BYTES
        {
            bytes -= records.pop().map_or(0, |r| r.message.len());
            bound = records[records.len() - 1].position;
        }
        chunk.seen = bound;
        Ok(chunk)
    }

    /// A blocking iterator over the records: waits as long as it takes for each; ends when the
    /// subscription is closed (from another thread). Holds one page at a time.
    pub fn iter(&self) -> Records<'_> {
        Records {
            subscription: self,
            page: Vec::new().into_iter(),
            idle: None,
            done: false,
        }
    }

    /// Like [`Subscription::iter`], but also ends when nothing arrives for `idle`.
    pub fn iter_for(&self, idle: Duration) -> Records<'_> {
        Records {
            idle: Some(idle),
            ..self.iter()
        }
    }
}

/// The first version of the stream whose position is after `after` (`head.version + 1` when
/// none): a binary search over the stream's events, whose positions increase with versions.
fn first_version_after(
    r: &dyn ReadView,
    stream: &StreamId,
    head: StreamHead,
    after: u64,
) -> Result<u64> {
    let (mut lo, mut hi) = (1u64, head.version + 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let position = r
            .event(stream, head, mid)?
            .ok_or_else(|| Error::corrupt(&stream.store_id(), mid, "the event is missing"))?
            .position;
        if position > after {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

/// The records of a subscription, one page held at a time ([`Subscription::iter`]).
pub struct Records<'a> {
    subscription: &'a Subscription,
    page: std::vec::IntoIter<LogRecord>,
    idle: Option<Duration>,
    done: bool,
}

impl Iterator for Records<'_> {
    type Item = Result<LogRecord>;

    fn next(&mut self) -> Option<Result<LogRecord>> {
        loop {
            if let Some(r) = self.page.next() {
                return Some(Ok(r));
            }
            if self.done {
                return None;
            }
            let wait = self.idle.unwrap_or(Duration::MAX);
            match self.subscription.next_page(wait) {
                Ok(page) if page.records.is_empty() => {
                    if self.idle.is_some() {
                        self.done = true;
                        return None;
                    }
                }
                Ok(page) => self.page = page.records.into_iter(),
                Err(e) if e.kind() == lode_backend::ErrorKind::Closed => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
    }
}
