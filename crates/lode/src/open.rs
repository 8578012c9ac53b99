//! Which backend a store directory opens with: the one module of this crate that names the
//! LMDB backend. Everything else speaks to `lode_backend::Backend`.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use lode_backend::{Backend, Result};
pub use lode_lmdb::{
    Durability, LmdbSettings, Upgraded, FORMAT_VERSION, MAX_INDEX_LAG, MAX_READERS,
};

use crate::settings::StoreSettings;

/// Settings of [`crate::EventStoreProvider::open`], which opens a directory with the LMDB
/// backend: the store's settings and the backend's, in one flat struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderSettings {
    /// Database (partition / tenant) used when a store is opened without one. `"EventStores"`.
    pub default_database: String,
    /// How long `open` retries while another session holds the stream. 5 s.
    pub default_open_timeout: Duration,
    /// How long a session's lease lasts without renewal. 60 s.
    pub default_session_timeout: Duration,
    /// Sync policy of commits. [`Durability::Full`].
    pub durability: Durability,
    /// Size of the memory map when the directory is first opened in this process. 64 MiB.
    pub initial_map_size: usize,
    /// The map doubles when full, up to this size; past it appends fail with a storage error
    /// (`MDB_MAP_FULL`). 1 TiB (address space only: the file grows with the data).
    pub max_map_size: usize,
    /// Mode of the files LMDB creates. `0o600` (owner only).
    pub file_mode: u32,
    /// Mode of the directory when this library creates it. `0o700` (owner only).
    pub directory_mode: u32,
    /// Size of LMDB's reader table (concurrent read transactions of all processes). 126.
    pub max_readers: u32,
    /// How many log positions the type, correlation and message-id indexes may lag the log:
    /// queries read that unindexed tail from the log, so every answer stays exact. 0 indexes
    /// every append as it commits. 32; at most [`limits::MAX_INDEX_LAG`](crate::limits::MAX_INDEX_LAG) (4,096).
    pub index_lag: u32,
}

impl Default for ProviderSettings {
    fn default() -> Self {
        ProviderSettings::join(StoreSettings::default(), LmdbSettings::default())
    }
}

impl ProviderSettings {
    /// The store's settings and the backend's.
    pub fn split(&self) -> (StoreSettings, LmdbSettings) {
        (
            StoreSettings {
                default_database: self.default_database.clone(),
                default_open_timeout: self.default_open_timeout,
                default_session_timeout: self.default_session_timeout,
            },
            LmdbSettings {
                durability: self.durability,
                initial_map_size: self.initial_map_size,
                max_map_size: self.max_map_size,
                file_mode: self.file_mode,
                directory_mode: self.directory_mode,
                max_readers: self.max_readers,
                index_lag: self.index_lag,
            },
        )
    }

    /// One flat struct of the store's settings and the backend's.
    pub fn join(store: StoreSettings, lmdb: LmdbSettings) -> ProviderSettings {
        ProviderSettings {
            default_database: store.default_database,
            default_open_timeout: store.default_open_timeout,
            default_session_timeout: store.default_session_timeout,
            durability: lmdb.durability,
            initial_map_size: lmdb.initial_map_size,
            max_map_size: lmdb.max_map_size,
            file_mode: lmdb.file_mode,
            directory_mode: lmdb.directory_mode,
            max_readers: lmdb.max_readers,
            index_lag: lmdb.index_lag,
        }
    }
}

/// Opens (creating if needed) the store directory `path` with the LMDB backend.
pub(crate) fn open_directory(path: &Path, settings: &LmdbSettings) -> Result<Arc<dyn Backend>> {
    Ok(Arc::new(lode_lmdb::LmdbBackend::open(path, settings)?))
}

/// Opens the directory `path`, which must already hold a store (nothing is created there); an
/// environment this process has open on it is shared whatever its settings (verify, backups).
pub(crate) fn open_existing(path: &Path) -> Result<Arc<dyn Backend>> {
    open_existing_with(path, &LmdbSettings::default())
}

/// The backend of the store already in `path`, with `settings`; a directory that holds none is
/// refused (Storage, code `NOT_A_STORE`) and nothing is created there.
pub(crate) fn open_existing_with(path: &Path, settings: &LmdbSettings) -> Result<Arc<dyn Backend>> {
    Ok(Arc::new(lode_lmdb::LmdbBackend::open_existing(
        path, settings,
    )?))
}

/// The version of the bundled LMDB engine.
pub fn lmdb_version() -> String {
    lode_lmdb::engine_version()
}

/// Upgrades the store directory `path` from an older on-disk format (1 to 4) to the format this
/// library reads ([`FORMAT_VERSION`], 5), in one transaction: a crash leaves the old format
/// intact or the new one complete. A directory already in the current format is left as it is. No other process may use the directory
/// meanwhile. Opening a directory in an older format fails with a storage error that names this
/// call.
pub fn upgrade_directory(path: impl AsRef<Path>, settings: &ProviderSettings) -> Result<Upgraded> {
    let (_, lmdb) = settings.split();
    lode_lmdb::upgrade(path.as_ref(), &lmdb)
}
