//! [`EventStoreProvider`]: an event store opened with its settings (the `IEventStoreProvider`
//! of the .NET library), and the provider-level queries of `queries.md`.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use lode_backend::{Backend, Checkpoint, CommandRecord, Error, Result, StreamId};

use crate::checkpoint;
use crate::core::ProviderCore;
use crate::open::{self, ProviderSettings};
use crate::query::{self, LogRecord, Query, QueryPage};
use crate::settings::StoreSettings;
use crate::store::EventStore;
use crate::subscription::{Subscription, SubscriptionFilter, SubscriptionStart};
use crate::verify::{self, Report};

/// An event store directory. Cheap to clone; every clone and every store made from it share
/// one LMDB environment. `Send + Sync`: use it from as many threads as you like.
#[derive(Clone)]
pub struct EventStoreProvider {
    pub(crate) core: Arc<ProviderCore>,
}

impl EventStoreProvider {
    /// Opens (creating if needed) the store directory `path`, with the LMDB backend.
    ///
    /// Several providers of one process on one directory share one LMDB environment (LMDB
    /// requires it); they must agree on its settings (durability, max_map_size, max_readers,
    /// file_mode). Any number of processes may open the same directory at once.
    pub fn open(path: impl AsRef<Path>, settings: ProviderSettings) -> Result<EventStoreProvider> {
        let (store, lmdb) = settings.split();
        check_store_settings(&store)?;
        let backend = open::open_directory(path.as_ref(), &lmdb)?;
        tracing::debug!(target: "lode::provider", location = %backend.location(), "provider opened");
        Ok(Self::with_backend(backend, store))
    }

    /// Opens the store already in `path`, as [`open`](Self::open) does, but never creates one:
    /// a directory that holds no store (or does not exist) is refused with a Storage error,
    /// code `NOT_A_STORE`, and nothing is made there. For tools that act on an existing store
    /// (a backup, an inspection), where a mistyped path must not become an empty store.
    pub fn open_existing(
        path: impl AsRef<Path>,
        settings: ProviderSettings,
    ) -> Result<EventStoreProvider> {
        let (store, lmdb) = settings.split();
        check_store_settings(&store)?;
        let backend = open::open_existing_with(path.as_ref(), &lmdb)?;
        tracing::debug!(target: "lode::provider", location = %backend.location(), "provider opened");
        Ok(Self::with_backend(backend, store))
    }

    /// Opens with the default settings.
    pub fn open_default(path: impl AsRef<Path>) -> Result<EventStoreProvider> {
        Self::open(path, ProviderSettings::default())
    }

    /// An event store over any backend of the seam (`lode_backend::Backend`).
    pub fn with_backend(backend: Arc<dyn Backend>, settings: StoreSettings) -> EventStoreProvider {
        EventStoreProvider {
            core: Arc::new(ProviderCore {
                backend,
                settings,
                committer: Default::default(),
            }),
        }
    }

    pub fn settings(&self) -> &StoreSettings {
        &self.core.settings
    }

    /// The store's directory (canonical), for a file-based backend; empty otherwise.
    pub fn path(&self) -> &Path {
        self.core.backend.path().unwrap_or(Path::new(""))
    }

    /// The name of the backend holding the data (`"lmdb"`).
    pub fn backend_name(&self) -> &'static str {
        self.core.backend.name()
    }

    /// Bytes the backend has set aside for the store (LMDB: the size of its memory map).
    pub fn map_size(&self) -> usize {
        self.core.backend.allocated_bytes() as usize
    }

    /// Bytes the store takes on disk now (LMDB: the data file, free pages included; a compacted
    /// backup leaves those out).
    pub fn stored_bytes(&self) -> Result<u64> {
        self.core.backend.stored_bytes()
    }

    /// The global log's last position (0 while it is empty).
    pub fn head_position(&self) -> Result<u64> {
        self.core.backend.head()
    }

    /// S-SUB-7 (read-your-writes): waits until the log has reached `position` (its last
    /// position is at least `position`), at most `timeout`; whether it did. Commits of other
    /// processes count; no transaction is held while it waits.
    pub fn wait_for_position(&self, position: u64, timeout: Duration) -> Result<bool> {
        let head = self
            .core
            .backend
            .wait_for_head(position.saturating_sub(1), timeout, &|| false)?;
        Ok(head >= position)
    }

    /// S-SUB-1: a live subscription to the global log: every committed event after `start`
    /// that matches `filter`, in log order, each once, the stored history first and then live
    /// events as they commit, in pages of at most `page_size` records
    /// ([`crate::DEFAULT_PAGE_SIZE`] is a good start). See [`Subscription`].
    pub fn subscribe(
        &self,
        start: SubscriptionStart,
        filter: SubscriptionFilter,
        page_size: usize,
    ) -> Result<Subscription> {
        Subscription::new(self.core.clone(), start, filter, page_size)
    }

    /// S-CP-1: checkpoint `name` (its position and when it was stored), if stored.
    pub fn checkpoint(&self, name: &str) -> Result<Option<Checkpoint>> {
        checkpoint::check_name(name)?;
        lode_backend::read(&*self.core.backend, "reading a checkpoint", |r| {
            r.checkpoint(name)
        })
    }

    /// S-CP-2: stores checkpoint `name` at `position` on its own. It only moves forward (a
    /// position below the stored one is InvalidArgument: another consumer of the same name got
    /// further) and never past the log's end. [`EventStore::add_with_checkpoint`] stores one
    /// with a consumer's output, atomically.
    pub fn store_checkpoint(&self, name: &str, position: u64) -> Result<()> {
        self.write_checkpoint(name, position, false)
    }

    /// S-CP-4: sets checkpoint `name` to `position` even if that moves it backwards (to rebuild
    /// a read model from an earlier position, 0 for the beginning).
    pub fn reset_checkpoint(&self, name: &str, position: u64) -> Result<()> {
        self.write_checkpoint(name, position, true)
    }

    fn write_checkpoint(&self, name: &str, position: u64, force: bool) -> Result<()> {
        checkpoint::check_name(name)?;
        lode_backend::write(&*self.core.backend, "storing a checkpoint", |w| {
            checkpoint::store(w, name, position, crate::session::now_micros(), force)
        })
    }

    /// Checks every invariant of the store (see [`crate::verify`]) and reports what it found.
    pub fn verify(&self) -> Result<Report> {
        verify::verify(&*self.core.backend)
    }

    /// [`verify`](Self::verify) by its exact check alone, entry by entry (memory per event).
    #[doc(hidden)]
    pub fn verify_exact(&self) -> Result<Report> {
        verify::verify_exact(&*self.core.backend)
    }

    /// [`verify`](Self::verify)'s digest check alone: `Some` when it proves the store healthy.
    #[doc(hidden)]
    pub fn verify_by_digest(&self) -> Result<Option<Report>> {
        verify::verify_by_digest(&*self.core.backend)
    }

    /// A store for `(database, name, id)`, not yet opened (`database` `None`: the default).
    pub fn store(&self, database: Option<&str>, name: &str, id: &str) -> Result<EventStore> {
        let database = database.unwrap_or(&self.core.settings.default_database);
        Ok(EventStore::new(
            self.core.clone(),
            StreamId::new(database, name, id)?,
        ))
    }

    /// `OpenStoreAsync(name, id)`: a store opened with the default timeouts.
    pub fn open_store(&self, name: &str, id: &str) -> Result<EventStore> {
        self.open_store_with(None, name, id, None, None)
    }

    /// `OpenStoreAsync(database, name, id)` with optional timeouts (defaults from settings).
    pub fn open_store_with(
        &self,
        database: Option<&str>,
        name: &str,
        id: &str,
        session_timeout: Option<Duration>,
        open_timeout: Option<Duration>,
    ) -> Result<EventStore> {
        let store = self.store(database, name, id)?;
        store.open(
            session_timeout.unwrap_or(self.core.settings.default_session_timeout),
            open_timeout.unwrap_or(self.core.settings.default_open_timeout),
        )?;
        Ok(store)
    }

    // -- queries (no session: they only read) ----------------------------------------------

    /// Runs a query, returning at most `max` records and how many index entries it read.
    pub fn query(&self, query: &Query, max: usize) -> Result<QueryPage> {
        lode_backend::read(&*self.core.backend, "running a query", |r| {
            query::run(r, query, max)
        })
    }

    /// Q-LOG-2: the global log from `from_position`, at most `max` records.
    pub fn read_log(&self, from_position: u64, max: usize) -> Result<Vec<LogRecord>> {
        Ok(self.query(&Query::Log { from_position }, max)?.records)
    }

    /// Q-Q-1: events of `event_type` (and `event_version`, if given) from `from_position`.
    pub fn events_by_type(
        &self,
        event_type: &str,
        event_version: Option<u32>,
        from_position: u64,
        max: usize,
    ) -> Result<Vec<LogRecord>> {
        let q = Query::ByType {
            event_type: event_type.to_string(),
            event_version,
            from_position,
        };
        Ok(self.query(&q, max)?.records)
    }

    /// Q-Q-2: events recorded in `[from_us, to_us)` (UTC microseconds since the epoch).
    pub fn events_by_time(&self, from_us: i64, to_us: i64, max: usize) -> Result<Vec<LogRecord>> {
        Ok(self
            .query(
                &Query::ByTime {
                    from: from_us,
                    to: to_us,
                },
                max,
            )?
            .records)
    }

    /// Q-Q-3: events of `correlation_id` from `from_position`.
    pub fn events_by_correlation(
        &self,
        correlation_id: &str,
        from_position: u64,
        max: usize,
    ) -> Result<Vec<LogRecord>> {
        let q = Query::ByCorrelation {
            correlation_id: correlation_id.to_string(),
            from_position,
        };
        Ok(self.query(&q, max)?.records)
    }

    /// Q-Q-4: events of one stream after `since_version`, without opening a session.
    pub fn stream_events_since(
        &self,
        database: Option<&str>,
        name: &str,
        id: &str,
        since_version: u64,
        max: usize,
    ) -> Result<Vec<LogRecord>> {
        let database = database.unwrap_or(&self.core.settings.default_database);
        let q = Query::StreamSince {
            stream: StreamId::new(database, name, id)?,
            since_version,
        };
        Ok(self.query(&q, max)?.records)
    }

    /// Q-CMD-2: the record of command `id` if it was processed, else `None`.
    pub fn command_record(&self, id: &str) -> Result<Option<CommandRecord>> {
        crate::append::check_command(&crate::Command::new(id))?;
        lode_backend::read(&*self.core.backend, "reading a command record", |r| {
            r.command(id)
        })
    }

    /// Q-CMD-2: the record of command `id`; IdempotencyIdNotFound if it was never recorded.
    pub fn get_command(&self, id: &str) -> Result<CommandRecord> {
        self.command_record(id)?
            .ok_or_else(|| Error::IdempotencyIdNotFound { id: id.to_string() })
    }
}

fn check_store_settings(s: &StoreSettings) -> Result<()> {
    if s.default_database.is_empty() {
        return Err(Error::invalid("default_database", "it must not be empty"));
    }
    StreamId::new(&s.default_database, "x", "x")?;
    Ok(())
}
