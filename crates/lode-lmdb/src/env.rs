//! The LMDB environment of one directory: its tables, transactions and the engine's quirks.
//!
//! It owns the environment, the named tables, and the engine's quirks:
//! - one `Environment` per data file per process, whatever path names it, shared through a
//!   registry (`registry.rs`: LMDB forbids opening the same file twice in one process, since
//!   closing one handle would drop the other's locks), and never used by a process that
//!   inherited it across `fork()`;
//! - the data file is checked against its meta page before LMDB maps it (`data_file.rs`), so a
//!   truncated file is refused instead of killing the host with SIGBUS;
//! - map growth: a write that hits `MDB_MAP_FULL` is aborted, the map is doubled (up to the
//!   configured maximum) while no transaction of this process is live, and the write is run
//!   again; a transaction that finds the map resized by another process adopts the new size
//!   (also the one that creates the tables at open);
//! - the gate: every transaction holds a shared guard for its whole life, resizing takes it
//!   exclusively, so `mdb_env_set_mapsize` never runs beside a live transaction;
//! - stale reader slots of dead processes are cleared when the directory is opened;
//! - nothing borrowed from LMDB outlives its transaction: values are `&[u8]` borrowed from the
//!   transaction wrapper, and cursors live only inside one method call;
//! - nothing here logs while a transaction, the gate or the registry is held: what happened
//!   (map growth) is noted and logged later by `log_later` with no lock held.
//!
//! The rest of this crate speaks in [`Table`]s and byte keys (`view.rs`); the key and value
//! encodings are in [`crate::layout`].

use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use lmdb::{Cursor, Transaction};
use parking_lot::{RwLock, RwLockReadGuard};

use lode_backend::log_later::{self, Note};
use lode_backend::{Error, Result, StorageCause};

use crate::settings::{Durability, LmdbSettings};
use crate::wait::Waiters;
use crate::{data_file, prefetch, registry};

/// The on-disk format this library writes and reads. A directory in an older format (1 to 4) is
/// upgraded by [`crate::upgrade`] (opening it says so); one with a larger number is refused.
pub const FORMAT_VERSION: u32 = 5;

/// The named LMDB databases of one directory (format 5, the same as format 4's; only the values
/// of `log` and `events` changed). `docs/storage-layout.md` describes each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    Meta,
    Streams,
    StreamNames,
    Events,
    MessageIds,
    Snapshots,
    Leases,
    Log,
    Commands,
    EventTypes,
    TypeGroups,
    CorrGroups,
    /// Consumers' positions (docs/subscriptions.md); `crate::checkpoints` owns its layout.
    Checkpoints,
}

impl Table {
    pub(crate) const ALL: [Table; 13] = [
        Table::Meta,
        Table::Streams,
        Table::StreamNames,
        Table::Events,
        Table::MessageIds,
        Table::Snapshots,
        Table::Leases,
        Table::Log,
        Table::Commands,
        Table::EventTypes,
        Table::TypeGroups,
        Table::CorrGroups,
        Table::Checkpoints,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Table::Meta => "meta",
            Table::Streams => "streams",
            Table::StreamNames => "stream_names",
            Table::Events => "events",
            Table::MessageIds => "message_ids",
            Table::Snapshots => "snapshots",
            Table::Leases => "leases",
            Table::Log => "log",
            Table::Commands => "commands",
            Table::EventTypes => "event_types",
            Table::TypeGroups => "type_groups",
            Table::CorrGroups => "corr_groups",
            Table::Checkpoints => "checkpoints",
        }
    }
}

/// The databases of format 1 that format 2 replaced (the upgrade drops them).
pub(crate) const FORMAT1_ONLY: [&str; 3] = ["by_type", "by_type_version", "by_correlation"];
/// The database of formats 1 and 2 that format 3 no longer keeps: the time index (format 3's
/// log carries every event's time, which never decreases along it, so a time query searches
/// the log itself).
pub(crate) const FORMAT2_ONLY: [&str; 1] = ["by_time"];
/// The database the upgrade from format 3 writes the re-keyed message ids into before they go
/// back into `message_ids`; it lives only inside the upgrade's transaction.
pub(crate) const UPGRADE_SCRATCH: &str = "upgrade_message_ids";

pub(crate) const META_FORMAT_KEY: &[u8] = b"format_version";
/// The next type id to hand out (u32 BE), in `meta`.
pub(crate) const META_NEXT_TYPE_ID: &[u8] = b"next_type_id";
/// The last log position the indexes (`message_ids`, `type_groups`, `corr_groups`) cover
/// (u64 BE), in `meta`; absent means 0. Every later position is the unindexed tail.
pub(crate) const META_INDEXED_THROUGH: &[u8] = b"indexed_through";
pub(crate) const DATA_FILE: &str = "data.mdb";
pub(crate) const BACKEND: &str = "lmdb";

/// An opened LMDB directory, shared by every provider of this process opened on it.
pub(crate) struct Storage {
    /// Closed in `Drop` while the registry is locked (see there).
    env: ManuallyDrop<lmdb::Environment>,
    tables: [lmdb::Database; Table::ALL.len()],
    /// Shared by every live transaction; taken exclusively to resize the map.
    gate: RwLock<()>,
    /// The settings the environment was opened with; a later provider of this process on the
    /// same data file must ask for the same ones.
    opened_with: EnvSettings,
    path: PathBuf,
    /// The fork generation (`registry::generation`) and process that opened the environment.
    generation: u64,
    pid: u32,
    /// Threads waiting for commits (`crate::wait`): woken by this process's commits, polling
    /// the meta pages for other processes'.
    pub(crate) waiters: Waiters,
    /// The newest transaction id a thread was started to publish
    /// ([`Storage::publish_commits_aside`]).
    publish_requested: AtomicU64,
    /// The settings a copy of this store is opened with.
    settings: LmdbSettings,
}

/// The settings that belong to the environment rather than to one provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EnvSettings {
    durability: Durability,
    max_map_size: usize,
    max_readers: u32,
    file_mode: u32,
}

impl EnvSettings {
    fn of(s: &LmdbSettings) -> EnvSettings {
        EnvSettings {
            durability: s.durability,
            max_map_size: s.max_map_size.max(s.initial_map_size),
            max_readers: s.max_readers,
            file_mode: s.file_mode,
        }
    }

    /// The first setting that differs from `other`, as (name, this value, other value).
    fn first_difference(&self, other: &EnvSettings) -> Option<(&'static str, String, String)> {
        if self.durability != other.durability {
            return Some((
                "durability",
                format!("{:?}", self.durability),
                format!("{:?}", other.durability),
            ));
        }
        if self.max_map_size != other.max_map_size {
            return Some((
                "max_map_size",
                self.max_map_size.to_string(),
                other.max_map_size.to_string(),
            ));
        }
        if self.max_readers != other.max_readers {
            return Some((
                "max_readers",
                self.max_readers.to_string(),
                other.max_readers.to_string(),
            ));
        }
        if self.file_mode != other.file_mode {
            return Some((
                "file_mode",
                format!("{:o}", self.file_mode),
                format!("{:o}", other.file_mode),
            ));
        }
        None
    }
}

impl Drop for Storage {
    /// Closes the environment with the registry locked. Otherwise another thread could open the
    /// same data file in the window between the last handle going away and LMDB closing the
    /// files; closing the old handle would then drop the new one's POSIX locks on `lock.mdb`.
    ///
    /// An environment inherited across `fork()` is never closed: `mdb_env_close` in the child
    /// would clear the parent's reader slots (LMDB finds them by the parent's pid). Its memory
    /// is left to the child's exit.
    fn drop(&mut self) {
        let _registry = registry::lock();
        if self.generation == registry::generation() {
            // SAFETY: `env` is dropped exactly once, here, and never used afterwards.
            unsafe { ManuallyDrop::drop(&mut self.env) };
        }
    }
}

/// LMDB's name for one of its return codes, or the errno name for an OS error.
fn lmdb_code_name(e: lmdb::Error) -> String {
    use lmdb::Error as E;
    let name = match e {
        E::KeyExist => "MDB_KEYEXIST",
        E::NotFound => "MDB_NOTFOUND",
        E::PageNotFound => "MDB_PAGE_NOTFOUND",
        E::Corrupted => "MDB_CORRUPTED",
        E::Panic => "MDB_PANIC",
        E::VersionMismatch => "MDB_VERSION_MISMATCH",
        E::Invalid => "MDB_INVALID",
        E::MapFull => "MDB_MAP_FULL",
        E::DbsFull => "MDB_DBS_FULL",
        E::ReadersFull => "MDB_READERS_FULL",
        E::TlsFull => "MDB_TLS_FULL",
        E::TxnFull => "MDB_TXN_FULL",
        E::CursorFull => "MDB_CURSOR_FULL",
        E::PageFull => "MDB_PAGE_FULL",
        E::MapResized => "MDB_MAP_RESIZED",
        E::Incompatible => "MDB_INCOMPATIBLE",
        E::BadRslot => "MDB_BAD_RSLOT",
        E::BadTxn => "MDB_BAD_TXN",
        E::BadValSize => "MDB_BAD_VALSIZE",
        E::BadDbi => "MDB_BAD_DBI",
        E::Other(errno) => return errno_name(errno),
    };
    name.to_string()
}

/// The symbolic name of an `errno` value (the common ones), else `errno N`.
fn errno_name(errno: i32) -> String {
    let name = match errno {
        libc::ENOSPC => "ENOSPC",
        libc::EIO => "EIO",
        libc::EACCES => "EACCES",
        libc::EPERM => "EPERM",
        libc::ENOENT => "ENOENT",
        libc::ENOMEM => "ENOMEM",
        libc::EAGAIN => "EAGAIN",
        libc::EBUSY => "EBUSY",
        libc::EINVAL => "EINVAL",
        libc::EROFS => "EROFS",
        libc::ENOTDIR => "ENOTDIR",
        libc::EISDIR => "EISDIR",
        libc::EEXIST => "EEXIST",
        libc::EDQUOT => "EDQUOT",
        libc::EFBIG => "EFBIG",
        libc::EMFILE => "EMFILE",
        libc::ENFILE => "ENFILE",
        libc::ENAMETOOLONG => "ENAMETOOLONG",
        libc::ELOOP => "ELOOP",
        _ => return format!("errno {errno}"),
    };
    name.to_string()
}

/// Turns an LMDB error into a storage error, keeping LMDB's code and text as the source.
pub(crate) fn storage_error(operation: &str, e: lmdb::Error) -> Error {
    let hint = match e {
        lmdb::Error::MapFull => {
            "The store reached its configured maximum size; raise max_map_size or free disk space."
        }
        lmdb::Error::ReadersFull => "Too many concurrent readers; close idle providers.",
        lmdb::Error::Other(libc::ENOSPC) => "The disk is full; free space and retry.",
        // LMDB reports a short write (what a full disk gives mid-write) as EIO.
        lmdb::Error::Other(libc::EIO) => {
            "An input/output error: the disk may be full or failing; free space or check the disk and retry. Nothing of the failed call was written."
        }
        lmdb::Error::Other(libc::EACCES) | lmdb::Error::Other(libc::EPERM) => {
            "Check the directory's permissions."
        }
        _ => "Nothing of the failed call was written.",
    };
    Error::Storage {
        operation: operation.to_string(),
        hint: hint.to_string(),
        source: Box::new(StorageCause {
            backend: BACKEND,
            code: lmdb_code_name(e),
            number: Some(e.to_err_code() as i64),
            message: e.to_string(),
        }),
    }
}

pub(crate) fn io_error(operation: &str, e: std::io::Error) -> Error {
    Error::Storage {
        operation: operation.to_string(),
        hint: "Check that the path is a directory this process may write.".to_string(),
        source: Box::new(StorageCause {
            backend: "os",
            code: e
                .raw_os_error()
                .map(errno_name)
                .unwrap_or_else(|| format!("{:?}", e.kind())),
            number: e.raw_os_error().map(i64::from),
            message: e.to_string(),
        }),
    }
}

fn is_map_full(e: &Error) -> bool {
    matches!(e, Error::Storage { source, .. }
        if source.backend == BACKEND && source.number == Some(lmdb_sys::MDB_MAP_FULL as i64))
}

/// Whether `e` is LMDB refusing to overwrite an existing key (`MDB_NOOVERWRITE`, `MDB_APPEND`).
pub(crate) fn is_key_exists(e: &Error) -> bool {
    matches!(e, Error::Storage { source, .. }
        if source.backend == BACKEND && source.number == Some(lmdb_sys::MDB_KEYEXIST as i64))
}

impl Storage {
    /// Opens (creating if needed) the LMDB environment in `dir`, or returns the one this process
    /// already has open on the same data file (whatever path names it).
    pub(crate) fn open(dir: &Path, settings: &LmdbSettings) -> Result<Arc<Storage>> {
        Storage::open_with(dir, settings, false)
    }

    /// [`Storage::open`]; with `existing`, the directory must already hold a store (nothing is
    /// created) and an environment this process has open on it is shared whatever its settings.
    pub(crate) fn open_with(
        dir: &Path,
        settings: &LmdbSettings,
        existing: bool,
    ) -> Result<Arc<Storage>> {
        registry::install_fork_hooks();
        if existing {
            check_holds_a_store(dir)?;
        } else {
            create_dir(dir, settings.directory_mode)?;
        }
        let canonical = dir
            .canonicalize()
            .map_err(|e| io_error("resolving the store directory", e))?;
        let data_path = canonical.join(DATA_FILE);
        let wanted = EnvSettings::of(settings);
        let registry = registry::lock();
        if let Some(id) = file_id(&data_path)? {
            if let Some(existing_env) = registry.get(id) {
                if existing {
                    return Ok(existing_env);
                }
                let existing = existing_env;
                if let Some((name, open, asked)) = existing.opened_with.first_difference(&wanted) {
                    return Err(Error::invalid(
                        name,
                        format!(
                            "directory '{}' is already open in this process with {name} {open}, and \
                             this provider asks for {asked}; every provider of one directory in one \
                             process must use the same {name}",
                            canonical.display(),
                        ),
                    ));
                }
                return Ok(existing);
            }
        }
        // R-BAD-5: a data file cut short is refused before LMDB maps it (SIGBUS otherwise).
        match data_file::check(&data_path) {
            Ok(Ok(())) => {}
            Ok(Err(t)) => return Err(truncated_error(&data_path, t)),
            Err(e) => return Err(io_error("checking the store's data file", e)),
        }
        let (storage, cleared) = Storage::open_new(&canonical, settings, wanted)?;
        let id = file_id(&data_path)?.ok_or_else(|| {
            io_error(
                "opening the store's data file",
                std::io::Error::from(std::io::ErrorKind::NotFound),
            )
        })?;
        let storage = Arc::new(storage);
        registry.insert(id, &storage);
        drop(registry);
        // Logged with no lock held: a host log callback may call back into the library.
        if cleared > 0 {
            tracing::info!(target: "lode::storage", cleared, "stale reader slots cleared");
        }
        Ok(storage)
    }

    /// Opens the environment; also returns how many stale reader slots were cleared.
    fn open_new(
        dir: &Path,
        settings: &LmdbSettings,
        opened_with: EnvSettings,
    ) -> Result<(Storage, i32)> {
        let (env, dead) = open_environment(dir, settings)?;
        let tables = open_tables(&env, dir)?;
        let storage = Storage {
            env: ManuallyDrop::new(env),
            tables,
            gate: RwLock::new(()),
            opened_with,
            path: dir.to_path_buf(),
            generation: registry::generation(),
            pid: std::process::id(),
            waiters: Waiters::default(),
            publish_requested: AtomicU64::new(0),
            settings: settings.clone(),
        };
        Ok((storage, dead))
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// R-PROC-1: the environment belongs to this process (it was not inherited across `fork()`).
    /// One atomic load; every transaction and every append checks it first.
    #[inline]
    pub(crate) fn check_process(&self) -> Result<()> {
        if self.generation == registry::generation() {
            return Ok(());
        }
        Err(Error::Storage {
            operation: "using a provider inherited across fork()".into(),
            hint: format!(
                "This provider of '{}' was opened by process {} and this process ({}) inherited it \
                 across fork(); an LMDB environment cannot be used after fork. Open a new provider \
                 in this process (the inherited one is left untouched).",
                self.path.display(),
                self.pid,
                std::process::id()
            ),
            source: Box::new(StorageCause {
                backend: BACKEND,
                code: "INHERITED_ACROSS_FORK".into(),
                number: None,
                message: "the environment belongs to the parent process".into(),
            }),
        })
    }

    /// The data file's length in bytes (free pages included).
    pub(crate) fn data_file_bytes(&self) -> Result<u64> {
        self.check_process()?;
        std::fs::metadata(self.path().join(DATA_FILE))
            .map(|m| m.len())
            .map_err(|e| io_error("reading the data file's length", e))
    }

    /// The current size of the memory map in bytes (0 in a process that inherited it).
    pub(crate) fn map_size(&self) -> usize {
        if self.check_process().is_err() {
            return 0;
        }
        self.env.info().map(|i| i.map_size()).unwrap_or(0)
    }

    /// Runs `f` in a read-only transaction. `f` may run more than once if the map was resized by
    /// another process before the transaction could start.
    pub(crate) fn read<T>(
        &self,
        operation: &str,
        mut f: impl FnMut(&ReadTxn<'_>) -> Result<T>,
    ) -> Result<T> {
        self.check_process()?;
        loop {
            let guard = self.gate.read();
            match self.env.begin_ro_txn() {
                Ok(txn) => {
                    let r = ReadTxn {
                        txn,
                        tables: &self.tables,
                        _gate: guard,
                    };
                    return f(&r);
                }
                Err(lmdb::Error::MapResized) => {
                    drop(guard);
                    self.adopt_map_size()?;
                }
                Err(e) => return Err(storage_error(operation, e)),
            }
        }
    }

    /// Runs `f` in one write transaction and commits it. When LMDB reports the map full (in `f`
    /// or at commit) the transaction is aborted, the map grows, and `f` runs again from the
    /// start; so `f` must not keep state from a previous run.
    pub(crate) fn write<T>(
        &self,
        operation: &str,
        f: impl FnMut(&mut WriteTxn<'_>) -> Result<T>,
    ) -> Result<T> {
        let outcome = self.write_unlogged(operation, f);
        // What the write noted (map growth) is logged now, with no lock held, unless this
        // thread leads a commit group (its leader logs once the group is done).
        log_later::flush();
        outcome
    }

    fn write_unlogged<T>(
        &self,
        operation: &str,
        mut f: impl FnMut(&mut WriteTxn<'_>) -> Result<T>,
    ) -> Result<T> {
        self.check_process()?;
        loop {
            let guard = self.gate.read();
            let size_seen = self.map_size();
            let txn = match self.env.begin_rw_txn() {
                Ok(txn) => txn,
                Err(lmdb::Error::MapResized) => {
                    drop(guard);
                    self.adopt_map_size()?;
                    continue;
                }
                Err(e) => return Err(storage_error(operation, e)),
            };
            let mut w = WriteTxn {
                txn,
                tables: &self.tables,
                index_lag: self.settings.index_lag,
            };
            let outcome = match f(&mut w) {
                Ok(value) => w
                    .txn
                    .commit()
                    .map(|()| value)
                    .map_err(|e| storage_error(operation, e)),
                Err(e) => {
                    drop(w); // aborts the transaction before the gate is released
                    Err(e)
                }
            };
            drop(guard);
            if outcome.is_ok() {
                // Waiters are woken with the gate released (crate::wait: lock order).
                self.waiters.committed();
            }
            match outcome {
                Err(e) if is_map_full(&e) => self.grow_map(size_seen, e)?,
                other => return other,
            }
        }
    }

    /// Doubles the map, up to the maximum. `seen` is the size the failed transaction ran with:
    /// if another thread grew the map since, there is nothing to do but retry.
    fn grow_map(&self, seen: usize, full: Error) -> Result<()> {
        let exclusive = self.gate.write();
        let current = self.map_size();
        if current > seen {
            return Ok(());
        }
        let max = self.opened_with.max_map_size;
        if current >= max {
            drop(exclusive);
            log_later::note(Note::MapAtMaximum { map_size: current });
            return Err(full);
        }
        let next = current.saturating_mul(2).min(max);
        let grown = self
            .env
            .set_map_size(next)
            .map_err(|e| storage_error("growing the memory map", e));
        drop(exclusive);
        grown?;
        log_later::note(Note::MapGrown {
            from: current,
            to: next,
        });
        Ok(())
    }

    /// The id of the last write transaction committed to the directory by any process, read
    /// from the meta pages in the map (`mdb_env_info`): no transaction, no reader slot. Takes
    /// the gate shared, as a resize moves the map.
    pub(crate) fn last_txnid(&self) -> Result<u64> {
        self.check_process()?;
        let _gate = self.gate.read();
        self.env
            .info()
            .map(|i| i.last_txnid() as u64)
            .map_err(|e| storage_error("reading the last transaction id", e))
    }

    /// Publishes commit `id`, which the meta pages name and no new snapshot shows, if its writer
    /// died after writing its meta page and before storing its transaction id in the lock file,
    /// where new read transactions take their snapshot from (docs/reliability.md, R-CRASH-1).
    /// Until a writer takes LMDB's writer lock, which repairs a dead owner's state, the commit
    /// stays unpublished. So a thread of its own takes the writer lock once and lets it go
    /// ([`Storage::publish_commits`]); the caller goes on waiting, under its own deadline, and
    /// never waits for that lock, which a live writer may hold for as long as its transaction
    /// lasts. One thread per id: a later request for the same id, or an older one, does
    /// nothing.
    pub(crate) fn publish_commits_aside(self: &Arc<Self>, id: u64) {
        if self.publish_requested.fetch_max(id, Ordering::AcqRel) >= id {
            return;
        }
        let storage = Arc::clone(self);
        // Its error (or a thread that cannot start) leaves the commit for the next writer, as
        // before: the waiters keep looking.
        let _ = std::thread::Builder::new()
            .name("lode-publish".into())
            .spawn(move || storage.publish_commits());
    }

    /// A write transaction begun and aborted: LMDB's writer lock taken once and let go, which
    /// writes nothing. It waits for a live writer to finish (whose commit publishes everything
    /// before it).
    fn publish_commits(&self) -> Result<()> {
        self.check_process()?;
        loop {
            let guard = self.gate.read();
            match self.env.begin_rw_txn() {
                Ok(txn) => {
                    txn.abort();
                    return Ok(());
                }
                Err(lmdb::Error::MapResized) => {
                    drop(guard);
                    self.adopt_map_size()?;
                }
                Err(e) => return Err(storage_error("publishing the last commit", e)),
            }
        }
    }

    /// The settings to open a copy of this store with.
    pub(crate) fn copy_settings(&self) -> LmdbSettings {
        self.settings.clone()
    }

    /// Runs `f` with the environment while holding the gate shared, so this process's map is
    /// not resized until `f` returns (a copy reads the map for its whole run: `copy.rs`).
    pub(crate) fn with_env_shared<T>(&self, f: impl FnOnce(&lmdb::Environment) -> T) -> Result<T> {
        self.check_process()?;
        let _gate = self.gate.read();
        Ok(f(&self.env))
    }

    /// The named tables, in [`Table::ALL`] order.
    pub(crate) fn table_handles(&self) -> &[lmdb::Database] {
        &self.tables
    }

    /// Grows the map to at least `bytes` (never past the configured maximum) while no
    /// transaction of this process is live. A copy does this before it starts, so that appends
    /// during the copy rarely need to grow the map (growing waits for the copy to end).
    pub(crate) fn reserve_map(&self, bytes: usize) -> Result<()> {
        self.check_process()?;
        let next = bytes.min(self.opened_with.max_map_size);
        // Looked at with the gate shared first: taking it exclusively queues every new
        // transaction of this process behind the transactions already live, one of which may
        // be waiting for another process's writer lock (a writer, or `publish_commits`).
        let big_enough = {
            let _shared = self.gate.read();
            next <= self.map_size()
        };
        if big_enough {
            return Ok(());
        }
        let exclusive = self.gate.write();
        let current = self.map_size();
        if next <= current {
            return Ok(());
        }
        let grown = self
            .env
            .set_map_size(next)
            .map_err(|e| storage_error("growing the memory map before a copy", e));
        drop(exclusive);
        grown?;
        log_later::note(Note::MapGrown {
            from: current,
            to: next,
        });
        Ok(())
    }

    /// Another process grew the map: take its size (LMDB reads it from the file for size 0).
    fn adopt_map_size(&self) -> Result<()> {
        let _exclusive = self.gate.write();
        self.env
            .set_map_size(0)
            .map_err(|e| storage_error("adopting the map size another process set", e))
    }
}

/// Opens the LMDB environment of `dir` with `settings` and clears stale reader slots (R-RES-3);
/// also returns how many it cleared. No table is opened yet.
pub(crate) fn open_environment(
    dir: &Path,
    settings: &LmdbSettings,
) -> Result<(lmdb::Environment, i32)> {
    let mut flags = lmdb::EnvironmentFlags::NO_TLS;
    match settings.durability {
        Durability::Full => {}
        Durability::NoMetaSync => flags |= lmdb::EnvironmentFlags::NO_META_SYNC,
        Durability::NoSync => flags |= lmdb::EnvironmentFlags::NO_SYNC,
    }
    let env = lmdb::Environment::new()
        .set_flags(flags)
        // The current format's tables, the older ones and the scratch one an upgrade opens, and
        // room to spare.
        .set_max_dbs((Table::ALL.len() + FORMAT1_ONLY.len() + FORMAT2_ONLY.len()) as u32 + 1 + 4)
        .set_max_readers(settings.max_readers)
        .set_map_size(settings.initial_map_size)
        .open_with_permissions(dir, settings.file_mode as lmdb_sys::mdb_mode_t)
        .map_err(|e| storage_error("opening the LMDB environment", e))?;
    // Reader slots left by processes that died are freed now, so they neither pin old pages
    // nor exhaust the reader table.
    let mut dead: libc::c_int = 0;
    // SAFETY: env.env() is the live environment handle owned by `env`; `dead` outlives the call.
    let rc = unsafe { lmdb_sys::mdb_reader_check(env.env(), &mut dead) };
    if rc != 0 {
        return Err(storage_error(
            "clearing stale reader slots",
            lmdb::Error::from_err_code(rc),
        ));
    }
    Ok((env, dead))
}

/// Begins a write transaction, adopting a map another process grew meanwhile
/// (`MDB_MAP_RESIZED`) until one begins. For use before any transaction of `env` is live.
pub(crate) fn begin_first_write<'e>(
    env: &'e lmdb::Environment,
    operation: &str,
) -> Result<lmdb::RwTransaction<'e>> {
    loop {
        match env.begin_rw_txn() {
            Ok(txn) => return Ok(txn),
            Err(lmdb::Error::MapResized) => {
                // No transaction of this environment is live yet: nothing to wait for.
                env.set_map_size(0)
                    .map_err(|e| storage_error("adopting the map size another process set", e))?;
            }
            Err(e) => return Err(storage_error(operation, e)),
        }
    }
}

/// The format version recorded in `meta`, `None` for a new store.
pub(crate) fn read_format(txn: &impl Transaction, meta: lmdb::Database) -> Result<Option<u32>> {
    match txn.get(meta, &META_FORMAT_KEY) {
        Ok(bytes) => bytes
            .try_into()
            .map(u32::from_be_bytes)
            .map(Some)
            .map_err(|_| Error::Serialization {
                key: "meta 'format_version'".into(),
                version: None,
                reason: "the format version record is not 4 bytes".into(),
            }),
        Err(lmdb::Error::NotFound) => Ok(None),
        Err(e) => Err(storage_error("reading the on-disk format version", e)),
    }
}

/// Opens every table of [`FORMAT_VERSION`] in one write transaction, after checking the
/// directory's format: a new store gets this format; an older one is refused with the call
/// that upgrades it; a newer format is refused. Like every write it adopts a map another
/// process grew meanwhile (R-PROC-3: opens succeed while other processes append).
fn open_tables(env: &lmdb::Environment, dir: &Path) -> Result<[lmdb::Database; Table::ALL.len()]> {
    let operation = "opening the store's tables";
    let txn = begin_first_write(env, operation)?;
    // SAFETY (every create_db below): the handles are used only after this transaction
    // commits, and no other thread opens databases of this environment meanwhile (the registry
    // is locked while it opens).
    let meta = unsafe { txn.create_db(Some(Table::Meta.name()), lmdb::DatabaseFlags::empty()) }
        .map_err(|e| storage_error(operation, e))?;
    match read_format(&txn, meta)? {
        Some(FORMAT_VERSION) | None => {}
        Some(old @ 1..FORMAT_VERSION) => return Err(upgrade_needed(dir, old)),
        Some(found) => {
            return Err(crate::backend_error(
                "opening the store directory",
                format!(
                    "Directory '{}' was written by on-disk format {found}, newer than format \
                     {FORMAT_VERSION} that this library reads; use a newer library.",
                    dir.display()
                ),
                "FORMAT_TOO_NEW",
                format!("on-disk format {found} is newer than {FORMAT_VERSION}"),
            ))
        }
    }
    let mut dbs = Vec::with_capacity(Table::ALL.len());
    for table in Table::ALL {
        let db = if table == Table::Meta {
            meta
        } else {
            unsafe { txn.create_db(Some(table.name()), lmdb::DatabaseFlags::empty()) }
                .map_err(|e| storage_error(operation, e))?
        };
        dbs.push(db);
    }
    let mut txn = txn;
    if read_format(&txn, meta)?.is_none() {
        txn.put(
            meta,
            &META_FORMAT_KEY,
            &FORMAT_VERSION.to_be_bytes(),
            lmdb::WriteFlags::empty(),
        )
        .map_err(|e| storage_error(operation, e))?;
    }
    txn.commit().map_err(|e| storage_error(operation, e))?;
    Ok(dbs.try_into().expect("one database per table"))
}

/// Opening a directory in an older format: it must be upgraded first, by an explicit call.
fn upgrade_needed(dir: &Path, old: u32) -> Error {
    crate::backend_error(
        "opening the store directory",
        format!(
            "Directory '{}' is in on-disk format {old}; this library reads format \
             {FORMAT_VERSION}. Upgrade it once with lode::upgrade_directory (C: \
             lode_upgrade_directory, Python: lode.upgrade_directory, .NET: \
             LodeEventStoreProvider.UpgradeDirectory) while no other process uses it; the \
             upgrade is one transaction (a crash leaves format {old} intact).",
            dir.display()
        ),
        "FORMAT_UPGRADE_NEEDED",
        format!("the store is in on-disk format {old}"),
    )
}

/// The identity of the data file at `path`, or `None` if there is none yet.
fn file_id(path: &Path) -> Result<Option<registry::FileId>> {
    match std::fs::metadata(path) {
        Ok(m) => Ok(Some(registry::FileId::of(&m))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error("reading the store's data file", e)),
    }
}

fn truncated_error(path: &Path, t: data_file::Truncated) -> Error {
    Error::Storage {
        operation: "opening the store directory".into(),
        hint: format!(
            "The data file '{}' is truncated: it has {} bytes but its meta page says the store needs \
             {} bytes. It was cut short (a failed copy, a full disk, a damaged file system); \
             restore it from a backup. It was not opened, so nothing was changed.",
            path.display(),
            t.len,
            t.needed
        ),
        source: Box::new(StorageCause {
            backend: BACKEND,
            code: "TRUNCATED".into(),
            number: None,
            message: format!("data file of {} bytes, {} bytes needed", t.len, t.needed),
        }),
    }
}

/// Refuses a directory that holds no store (no data file, or an empty one).
fn check_holds_a_store(dir: &Path) -> Result<()> {
    let data = dir.join(DATA_FILE);
    match std::fs::metadata(&data) {
        Ok(m) if m.is_file() && m.len() > 0 => Ok(()),
        Ok(_) | Err(_) if !dir.is_dir() => Err(crate::backend_error(
            "opening a store directory",
            format!("'{}' is not a directory.", dir.display()),
            "NOT_A_STORE",
            format!("{} is not a directory", dir.display()),
        )),
        _ => Err(crate::backend_error(
            "opening a store directory",
            format!(
                "'{}' holds no store (no {DATA_FILE}, or an empty one); nothing was created there.",
                dir.display()
            ),
            "NOT_A_STORE",
            format!("{} is missing or empty", data.display()),
        )),
    }
}

#[cfg(unix)]
fn create_dir(dir: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(mode)
        .create(dir)
        .map_err(|e| io_error("creating the store directory", e))
}

/// What both transaction kinds can do: point reads and ordered scans.
///
/// Returned slices borrow the transaction, so they cannot outlive it.
pub(crate) trait Reads {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<&[u8]>>;

    /// The last entry whose key is `< key`.
    fn seek_lt(&self, table: Table, key: &[u8]) -> Result<Option<(&[u8], &[u8])>>;

    /// Calls `f` on each entry from the first key `>= from`, in key order, while `f` returns
    /// `Ok(true)`. One cursor walk; the cursor is closed before this returns.
    ///
    /// Generic over the callback (the trait is only used as `impl Reads`), so the walk and the
    /// callback compile into one loop: no indirect call per record (the read path, P4).
    fn scan<F>(&self, table: Table, from: &[u8], f: F) -> Result<()>
    where
        F: FnMut(&[u8], &[u8]) -> Result<bool>;

    /// Calls `f` on each entry from the table's last key down, in reverse key order, while `f`
    /// returns `Ok(true)` (the unindexed tail's newest entries, read for a stream's version).
    fn scan_back<F>(&self, table: Table, f: F) -> Result<()>
    where
        F: FnMut(&[u8], &[u8]) -> Result<bool>;

    /// Looks up `count` keys with one cursor: `key(i, buf)` writes key `i` into `buf`, then
    /// `f(i, value)` gets what the table holds under it. LMDB finds a key that lies on the
    /// page of the one before without walking down from the root (`mdb_cursor_set`), and a
    /// key past the last of the table on that page's side in two comparisons: the new ids of
    /// an append all lie past the stream's last one.
    fn get_each<K, F>(&self, table: Table, count: usize, key: K, f: F) -> Result<()>
    where
        K: FnMut(usize, &mut Vec<u8>),
        F: FnMut(usize, Option<&[u8]>) -> Result<()>;

    /// A cursor for point reads of `table`, for a walk that looks up many keys one after the
    /// other (the events a query returns).
    fn point_reads(&self, table: Table) -> Result<PointReads<'_>>;
}

/// Point reads of one table through one cursor. LMDB finds a key that lies on the page of
/// the one before without walking down from the root (`mdb_cursor_set`), as the log entries
/// of consecutive positions, and the versions of one stream they name, mostly do: a query by
/// type of 1,000 events resolved a position in ~3,000 instructions with two plain gets, in
/// ~1,950 through these (P7).
pub(crate) struct PointReads<'t> {
    cursor: lmdb::RoCursor<'t>,
}

impl<'t> PointReads<'t> {
    /// What the table holds under `key`; the slice lives as long as the transaction.
    pub(crate) fn get(&self, key: &[u8]) -> Result<Option<&'t [u8]>> {
        // MDB_SET_KEY, not MDB_SET: the binding reports a found entry only with its key.
        Ok(cursor_op(&self.cursor, Some(key), lmdb_sys::MDB_SET_KEY)?.map(|(_, v)| v))
    }
}

/// A read-only transaction (a consistent snapshot of the directory).
pub(crate) struct ReadTxn<'e> {
    txn: lmdb::RoTransaction<'e>,
    tables: &'e [lmdb::Database; Table::ALL.len()],
    _gate: RwLockReadGuard<'e, ()>,
}

/// A write transaction. Only [`Storage::write`] makes one and commits it; it holds the gate.
pub(crate) struct WriteTxn<'e> {
    txn: lmdb::RwTransaction<'e>,
    tables: &'e [lmdb::Database; Table::ALL.len()],
    /// How far the indexes may lag the log before an append brings them up to date
    /// (`LmdbSettings::index_lag`).
    pub(crate) index_lag: u32,
}

fn db(tables: &[lmdb::Database; Table::ALL.len()], table: Table) -> lmdb::Database {
    tables[table as usize]
}

fn get_in<'t, T: Transaction>(
    txn: &'t T,
    d: lmdb::Database,
    key: &[u8],
) -> Result<Option<&'t [u8]>> {
    match txn.get(d, &key) {
        Ok(v) => Ok(Some(v)),
        Err(lmdb::Error::NotFound) => Ok(None),
        Err(e) => Err(storage_error("reading a record", e)),
    }
}

type Entry<'t> = (&'t [u8], &'t [u8]);

#[inline]
fn cursor_op<'t>(
    cursor: &lmdb::RoCursor<'t>,
    key: Option<&[u8]>,
    op: u32,
) -> Result<Option<Entry<'t>>> {
    match cursor.get(key, None, op) {
        Ok((Some(k), v)) => Ok(Some((k, v))),
        Ok((None, _)) => Ok(None),
        Err(lmdb::Error::NotFound) => Ok(None),
        Err(e) => Err(storage_error("walking a table", e)),
    }
}

fn seek_lt_in<'t, T: Transaction>(
    txn: &'t T,
    d: lmdb::Database,
    key: &[u8],
) -> Result<Option<Entry<'t>>> {
    let cursor = txn
        .open_ro_cursor(d)
        .map_err(|e| storage_error("opening a cursor", e))?;
    match cursor_op(&cursor, Some(key), lmdb_sys::MDB_SET_RANGE)? {
        Some(_) => cursor_op(&cursor, None, lmdb_sys::MDB_PREV),
        None => cursor_op(&cursor, None, lmdb_sys::MDB_LAST),
    }
}

#[inline]
fn scan_in<T: Transaction, F>(txn: &T, d: lmdb::Database, from: &[u8], mut f: F) -> Result<()>
where
    F: FnMut(&[u8], &[u8]) -> Result<bool>,
{
    let cursor = txn
        .open_ro_cursor(d)
        .map_err(|e| storage_error("opening a cursor", e))?;
    let mut entry = if from.is_empty() {
        cursor_op(&cursor, None, lmdb_sys::MDB_FIRST)?
    } else {
        cursor_op(&cursor, Some(from), lmdb_sys::MDB_SET_RANGE)?
    };
    while let Some((k, v)) = entry {
        // The next node is usually right below this one; start loading it while `f` works.
        prefetch::next_nodes(k, v);
        if !f(k, v)? {
            break;
        }
        entry = cursor_op(&cursor, None, lmdb_sys::MDB_NEXT)?;
    }
    Ok(())
}

fn scan_back_in<T: Transaction, F>(txn: &T, d: lmdb::Database, mut f: F) -> Result<()>
where
    F: FnMut(&[u8], &[u8]) -> Result<bool>,
{
    let cursor = txn
        .open_ro_cursor(d)
        .map_err(|e| storage_error("opening a cursor", e))?;
    let mut entry = cursor_op(&cursor, None, lmdb_sys::MDB_LAST)?;
    while let Some((k, v)) = entry {
        if !f(k, v)? {
            break;
        }
        entry = cursor_op(&cursor, None, lmdb_sys::MDB_PREV)?;
    }
    Ok(())
}

/// Inserts or replaces records of one table whose keys often grow (message ids that begin
/// with the time, the groups of an append): a key above the table's largest goes in with
/// `MDB_APPEND`, any other with an ordinary insert. The first put tries `MDB_APPEND`; from
/// then on the table's largest key is known (the key just appended, or read once after a
/// refused try) and followed, instead of trying `MDB_APPEND` for every key: each try walks to
/// the table's last leaf, and for a key below the largest (random ids; ids whose digits are
/// not in byte order, as `create_message`'s base64 ones are not) it fails and the insert
/// walks the tree again. A one-event append so costs what it did; a batch of 1,000 events
/// ~550 instructions per event less (P1). Only the run's own puts may write `table`
/// meanwhile.
///
/// Why it is safe: LMDB still checks every `MDB_APPEND` against the table's real last key; a
/// key that is not the largest is refused with `MDB_KEYEXIST`, writing nothing, and then goes
/// in with an ordinary insert. A wrong guess costs time, never a misordered table.
pub(crate) struct OrderedPuts {
    table: Table,
    last: Largest,
}

/// What an [`OrderedPuts`] knows of its table's largest key.
enum Largest {
    /// Nothing yet: the next put tries `MDB_APPEND`.
    Untried,
    /// A refused `MDB_APPEND` showed it lies at or above the key put then; read it before the
    /// next put.
    Unread,
    Known(Option<Vec<u8>>),
}

impl OrderedPuts {
    /// Starts a run of puts into `table`.
    pub(crate) fn new(table: Table) -> OrderedPuts {
        OrderedPuts {
            table,
            last: Largest::Untried,
        }
    }

    pub(crate) fn put(&mut self, w: &mut WriteTxn<'_>, key: &[u8], value: &[u8]) -> Result<()> {
        if let Largest::Unread = self.last {
            self.last = Largest::Known(w.last_key(self.table)?);
        }
        if let Largest::Known(Some(last)) = &self.last {
            if key <= last.as_slice() {
                // Not a new largest key: the table's largest stays what it was.
                return w.put(self.table, key, value);
            }
        }
        match w.txn.put(
            db(w.tables, self.table),
            &key,
            &value,
            lmdb::WriteFlags::APPEND,
        ) {
            Ok(()) => {
                let mut last = match std::mem::replace(&mut self.last, Largest::Untried) {
                    Largest::Known(Some(last)) => last,
                    _ => Vec::new(),
                };
                last.clear();
                last.extend_from_slice(key);
                self.last = Largest::Known(Some(last));
                Ok(())
            }
            Err(lmdb::Error::KeyExist) => {
                // Only an untried run gets here (a known largest below `key` cannot refuse).
                self.last = Largest::Unread;
                w.put(self.table, key, value)
            }
            Err(e) => Err(storage_error("writing a record", e)),
        }
    }
}

fn get_each_in<T: Transaction, K, F>(
    txn: &T,
    d: lmdb::Database,
    count: usize,
    mut key: K,
    mut f: F,
) -> Result<()>
where
    K: FnMut(usize, &mut Vec<u8>),
    F: FnMut(usize, Option<&[u8]>) -> Result<()>,
{
    let mut buf = Vec::with_capacity(64);
    if count == 1 {
        // One key: a plain get (a cursor costs an allocation and gains nothing).
        key(0, &mut buf);
        return f(0, get_in(txn, d, &buf)?);
    }
    if count == 0 {
        return Ok(());
    }
    let cursor = txn
        .open_ro_cursor(d)
        .map_err(|e| storage_error("opening a cursor", e))?;
    for i in 0..count {
        buf.clear();
        key(i, &mut buf);
        // MDB_SET_KEY, not MDB_SET: the binding reports a found entry only with its key.
        let value = cursor_op(&cursor, Some(&buf), lmdb_sys::MDB_SET_KEY)?.map(|(_, v)| v);
        f(i, value)?;
    }
    Ok(())
}

macro_rules! impl_reads {
    ($t:ident) => {
        impl Reads for $t<'_> {
            fn get(&self, table: Table, key: &[u8]) -> Result<Option<&[u8]>> {
                get_in(&self.txn, db(self.tables, table), key)
            }
            fn seek_lt(&self, table: Table, key: &[u8]) -> Result<Option<(&[u8], &[u8])>> {
                seek_lt_in(&self.txn, db(self.tables, table), key)
            }
            #[inline]
            fn scan<F>(&self, table: Table, from: &[u8], f: F) -> Result<()>
            where
                F: FnMut(&[u8], &[u8]) -> Result<bool>,
            {
                scan_in(&self.txn, db(self.tables, table), from, f)
            }
            fn scan_back<F>(&self, table: Table, f: F) -> Result<()>
            where
                F: FnMut(&[u8], &[u8]) -> Result<bool>,
            {
                scan_back_in(&self.txn, db(self.tables, table), f)
            }
            fn get_each<K, F>(&self, table: Table, count: usize, key: K, f: F) -> Result<()>
            where
                K: FnMut(usize, &mut Vec<u8>),
                F: FnMut(usize, Option<&[u8]>) -> Result<()>,
            {
                get_each_in(&self.txn, db(self.tables, table), count, key, f)
            }
            fn point_reads(&self, table: Table) -> Result<PointReads<'_>> {
                let cursor = self
                    .txn
                    .open_ro_cursor(db(self.tables, table))
                    .map_err(|e| storage_error("opening a cursor", e))?;
                Ok(PointReads { cursor })
            }
        }
    };
}
impl_reads!(ReadTxn);
impl_reads!(WriteTxn);

impl ReadTxn<'_> {
    /// The id of the write transaction whose snapshot this transaction reads.
    pub(crate) fn id(&self) -> u64 {
        // SAFETY: the transaction is live (it borrows `self`).
        unsafe { lmdb_sys::mdb_txn_id(self.txn.txn()) as u64 }
    }
}

impl WriteTxn<'_> {
    fn put_flagged(
        &mut self,
        table: Table,
        key: &[u8],
        value: &[u8],
        flags: lmdb::WriteFlags,
    ) -> Result<()> {
        self.txn
            .put(db(self.tables, table), &key, &value, flags)
            .map_err(|e| storage_error("writing a record", e))
    }

    fn reserve_flagged(
        &mut self,
        table: Table,
        key: &[u8],
        len: usize,
        flags: lmdb::WriteFlags,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<()> {
        let slot = self
            .txn
            .reserve(db(self.tables, table), &key, len, flags)
            .map_err(|e| storage_error("writing a record", e))?;
        fill(slot);
        Ok(())
    }

    /// Inserts or replaces.
    pub(crate) fn put(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<()> {
        self.put_flagged(table, key, value, lmdb::WriteFlags::empty())
    }

    /// Inserts a value of `len` bytes written in place by `fill` (no intermediate buffer).
    pub(crate) fn put_with(
        &mut self,
        table: Table,
        key: &[u8],
        len: usize,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<()> {
        self.reserve_flagged(table, key, len, lmdb::WriteFlags::empty(), fill)
    }

    /// Inserts a key that must not exist yet (`MDB_NOOVERWRITE`): an existing key is refused
    /// with `MDB_KEYEXIST` (see [`is_key_exists`]) and nothing is written. Q-IMM-1: events and
    /// stream names are written this way, so damaged bookkeeping can never overwrite one.
    pub(crate) fn put_new(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<()> {
        self.put_flagged(table, key, value, lmdb::WriteFlags::NO_OVERWRITE)
    }

    /// Inserts `key`, which the caller guarantees is larger than every key already in `table`,
    /// with LMDB's `MDB_APPEND`: LMDB goes straight to the last leaf instead of searching the
    /// B-tree, and when that leaf is full it starts a new page instead of splitting the leaf in
    /// half, so right-edge tables (`log`, the newest stream's `events` index entries) fill their
    /// pages and an append dirties fewer of them.
    ///
    /// Why it is safe: LMDB compares `key` with the table's last key itself. A key that is not
    /// the largest is refused with `MDB_KEYEXIST` and nothing is written; that comes back as a
    /// storage error (failing the transaction), never as a misordered table.
    pub(crate) fn put_append(&mut self, table: Table, key: &[u8], value: &[u8]) -> Result<()> {
        self.put_flagged(table, key, value, lmdb::WriteFlags::APPEND)
    }

    /// The largest key of `table`, copied.
    fn last_key(&self, table: Table) -> Result<Option<Vec<u8>>> {
        let cursor = self
            .txn
            .open_ro_cursor(db(self.tables, table))
            .map_err(|e| storage_error("opening a cursor", e))?;
        Ok(cursor_op(&cursor, None, lmdb_sys::MDB_LAST)?.map(|(k, _)| k.to_vec()))
    }

    /// [`WriteTxn::put_with`] with `MDB_APPEND`: the same guarantee and the same check as
    /// [`WriteTxn::put_append`].
    pub(crate) fn put_with_append(
        &mut self,
        table: Table,
        key: &[u8],
        len: usize,
        fill: impl FnOnce(&mut [u8]),
    ) -> Result<()> {
        self.reserve_flagged(table, key, len, lmdb::WriteFlags::APPEND, fill)
    }

    /// Deletes a key; returns whether it was there.
    pub(crate) fn delete(&mut self, table: Table, key: &[u8]) -> Result<bool> {
        match self.txn.del(db(self.tables, table), &key, None) {
            Ok(()) => Ok(true),
            Err(lmdb::Error::NotFound) => Ok(false),
            Err(e) => Err(storage_error("deleting a record", e)),
        }
    }

    /// Deletes every key starting with `prefix`; returns how many.
    pub(crate) fn delete_prefix(&mut self, table: Table, prefix: &[u8]) -> Result<usize> {
        let mut keys = Vec::new();
        self.scan(table, prefix, |k, _| {
            let inside = k.starts_with(prefix);
            if inside {
                keys.push(k.to_vec());
            }
            Ok(inside)
        })?;
        for k in &keys {
            self.delete(table, k)?;
        }
        Ok(keys.len())
    }
}

/// The LMDB library version string (the bundled one).
pub(crate) fn lmdb_version() -> String {
    // SAFETY: mdb_version returns a pointer to a static NUL-terminated string and accepts NULLs.
    unsafe {
        let p = lmdb_sys::mdb_version(
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        );
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}
