//! What the LMDB backend needs to open a directory, and the durability modes it offers.

use std::path::Path;

use lode_backend::{Error, Result};

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

/// Largest reader table a directory may be opened with (each slot is a few bytes of
/// `lock.mdb` per reader).
pub const MAX_READERS: u32 = 4096;

/// Largest `index_lag` a directory may be opened with: a query reads at most this many log
/// entries past what the indexes cover.
pub const MAX_INDEX_LAG: u32 = 4096;

/// Settings of an LMDB directory. The first provider of a process to open a directory fixes
/// them for the process: a later one must ask for the same (`initial_map_size` excepted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LmdbSettings {
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
    /// How many log positions the type, correlation and message-id indexes may lag the log
    /// (docs/storage-layout.md, "The unindexed tail"). An append whose events bring the
    /// unindexed tail to this length indexes the whole tail in its own transaction; until then
    /// queries and message-id checks read the tail from the log. 0 indexes every append as it
    /// commits. 32; at most [`MAX_INDEX_LAG`].
    pub index_lag: u32,
}

impl Default for LmdbSettings {
    fn default() -> Self {
        LmdbSettings {
            durability: Durability::Full,
            initial_map_size: 64 << 20,
            max_map_size: 1 << 40,
            file_mode: 0o600,
            directory_mode: 0o700,
            max_readers: 126,
            index_lag: 32,
        }
    }
}

impl LmdbSettings {
    /// Refuses settings LMDB would accept but must not get (R-SEC-3): absurd reader tables, a
    /// maximum map below the initial one, a path LMDB cannot take.
    pub fn check(&self, path: &Path) -> Result<()> {
        if path.as_os_str().is_empty() {
            return Err(Error::invalid("path", "the path is empty"));
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            if path.as_os_str().as_bytes().contains(&0) {
                return Err(Error::invalid("path", "the path contains a NUL byte"));
            }
        }
        if !(1..=MAX_READERS).contains(&self.max_readers) {
            return Err(Error::invalid(
                "max_readers",
                format!("it must be 1 to {MAX_READERS}, not {}", self.max_readers),
            ));
        }
        if self.index_lag > MAX_INDEX_LAG {
            return Err(Error::invalid(
                "index_lag",
                format!("it must be 0 to {MAX_INDEX_LAG}, not {}", self.index_lag),
            ));
        }
        if self.initial_map_size == 0 {
            return Err(Error::invalid(
                "initial_map_size",
                "it must be larger than zero",
            ));
        }
        if self.max_map_size < self.initial_map_size {
            return Err(Error::invalid(
                "max_map_size",
                format!(
                    "it ({}) must not be smaller than initial_map_size ({})",
                    self.max_map_size, self.initial_map_size
                ),
            ));
        }
        if self.file_mode & !0o777 != 0 || self.directory_mode & !0o777 != 0 {
            return Err(Error::invalid(
                "file_mode",
                "modes are permission bits (at most 0o777)",
            ));
        }
        Ok(())
    }
}
