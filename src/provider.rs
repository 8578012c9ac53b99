//! [`EventStoreProvider`]: a store directory opened with its settings (the
//! `IEventStoreProvider` of the .NET library), and the provider-level queries of `queries.md`.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::append::{CommandRecord, Committer};
use crate::error::{Error, Result};
use crate::query::{self, LogRecord, Query, QueryPage};
use crate::settings::ProviderSettings;
use crate::storage::Storage;
use crate::store::EventStore;
use crate::stream::StreamId;

/// Refuses settings LMDB would accept but must not get (R-SEC-3): absurd reader tables, a
/// maximum map below the initial one, a path LMDB cannot take.
fn check_settings(path: &Path, s: &ProviderSettings) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    if path.as_os_str().is_empty() {
        return Err(Error::invalid("path", "the path is empty"));
    }
    if path.as_os_str().as_bytes().contains(&0) {
        return Err(Error::invalid("path", "the path contains a NUL byte"));
    }
    if !(1..=crate::limits::MAX_READERS).contains(&s.max_readers) {
        return Err(Error::invalid(
            "max_readers",
            format!(
                "it must be 1 to {}, not {}",
                crate::limits::MAX_READERS,
                s.max_readers
            ),
        ));
    }
    if s.max_map_size < s.initial_map_size {
        return Err(Error::invalid(
            "max_map_size",
            format!(
                "it ({}) must not be smaller than initial_map_size ({})",
                s.max_map_size, s.initial_map_size
            ),
        ));
    }
    if s.file_mode & !0o777 != 0 || s.directory_mode & !0o777 != 0 {
        return Err(Error::invalid(
            "file_mode",
            "modes are permission bits (at most 0o777)",
        ));
    }
    Ok(())
}

/// What a provider and its stores share.
pub(crate) struct ProviderCore {
    pub storage: Arc<Storage>,
    pub settings: ProviderSettings,
    pub committer: Committer,
}

/// An event store directory. Cheap to clone; every clone and every store made from it share
/// one LMDB environment. `Send + Sync`: use it from as many threads as you like.
#[derive(Clone)]
pub struct EventStoreProvider {
    core: Arc<ProviderCore>,
}

impl EventStoreProvider {
    /// Opens (creating if needed) the store directory `path`.
    ///
    /// Several providers of one process on one directory share one LMDB environment (LMDB
    /// requires it); they must agree on `durability`. Any number of processes may open the
    /// same directory at once.
    pub fn open(path: impl AsRef<Path>, settings: ProviderSettings) -> Result<EventStoreProvider> {
        check_settings(path.as_ref(), &settings)?;
        if settings.default_database.is_empty() {
            return Err(Error::invalid("default_database", "it must not be empty"));
        }
        StreamId::new(&settings.default_database, "x", "x")?;
        if settings.initial_map_size == 0 {
            return Err(Error::invalid(
                "initial_map_size",
                "it must be larger than zero",
            ));
        }
        let storage = Storage::open(path.as_ref(), &settings)?;
        tracing::debug!(target: "lode::provider", path = %storage.path().display(), "provider opened");
        Ok(EventStoreProvider {
            core: Arc::new(ProviderCore {
                storage,
                settings,
                committer: Committer::default(),
            }),
        })
    }

    /// Opens with the default settings.
    pub fn open_default(path: impl AsRef<Path>) -> Result<EventStoreProvider> {
        Self::open(path, ProviderSettings::default())
    }

    pub fn settings(&self) -> &ProviderSettings {
        &self.core.settings
    }

    /// The (canonical) directory.
    pub fn path(&self) -> &Path {
        self.core.storage.path()
    }

    /// The current size of the LMDB memory map, in bytes.
    pub fn map_size(&self) -> usize {
        self.core.storage.map_size()
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
        self.core
            .storage
            .read("running a query", |r| query::run(r, query, max))
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
        self.core
            .storage
            .read("reading a command record", |r| query::command(r, id))
    }

    /// Q-CMD-2: the record of command `id`; IdempotencyIdNotFound if it was never recorded.
    pub fn get_command(&self, id: &str) -> Result<CommandRecord> {
        self.command_record(id)?
            .ok_or_else(|| Error::IdempotencyIdNotFound { id: id.to_string() })
    }
}
