//! Provider settings: the `EventStoreSettings` of the .NET library plus what LMDB needs.

use std::time::Duration;

/// How much a commit waits for the disk. Every mode keeps the store consistent after a crash
/// of the process; they differ in what a crash of the *machine* (power loss, kernel panic) can
/// take back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// Every acknowledged append survives a machine crash (LMDB syncs data and meta page).
    #[default]
    Full,
    /// LMDB skips the sync of the meta page: a machine crash can undo the last acknowledged
    /// transaction(s), never corrupt the store.
    NoMetaSync,
    /// LMDB leaves syncing to the OS: a machine crash can undo every append since the OS last
    /// flushed (seconds), and on some file systems can damage the store. A process crash loses
    /// nothing. For tests, imports and caches you can rebuild.
    NoSync,
}

/// Settings of an [`crate::EventStoreProvider`].
#[derive(Debug, Clone)]
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
}

impl Default for ProviderSettings {
    fn default() -> Self {
        ProviderSettings {
            default_database: "EventStores".to_string(),
            default_open_timeout: Duration::from_secs(5),
            default_session_timeout: Duration::from_secs(60),
            durability: Durability::Full,
            initial_map_size: 64 << 20,
            max_map_size: 1 << 40,
            file_mode: 0o600,
            directory_mode: 0o700,
            max_readers: 126,
        }
    }
}

/// Size limits on what callers hand in (R-SEC-3). Past them a call fails with InvalidArgument.
pub mod limits {
    /// Bytes of one part of a stream identity (database, name or id). B-ID-2 asks at least 128;
    /// the three parts together form an LMDB key, which is at most 511 bytes.
    pub const MAX_NAME_BYTES: usize = 160;
    /// Bytes of one message (event or snapshot JSON).
    pub const MAX_MESSAGE_BYTES: usize = 64 << 20;
    /// Messages in one append.
    pub const MAX_BATCH_MESSAGES: usize = 1_000_000;
    /// Bytes of all messages of one append.
    pub const MAX_BATCH_BYTES: usize = 1 << 30;
    /// Bytes of a message id, event type, correlation id or command id (index keys; LMDB keys
    /// are at most 511 bytes in all).
    pub const MAX_KEY_FIELD_BYTES: usize = 400;
    /// Size of LMDB's reader table (each slot is a few bytes of `lock.mdb` per reader).
    pub const MAX_READERS: u32 = 4096;
    /// Deepest nesting of arrays and objects in a message or snapshot, the outer object
    /// counting as level 1 (R-BAD-6). System.Text.Json's default `MaxDepth`: every stored
    /// message is one a .NET reader with default options can read back.
    pub const MAX_NESTING_DEPTH: usize = 64;
    /// Records one query or log read may return.
    pub const MAX_QUERY_RECORDS: usize = 1_000_000;
}
