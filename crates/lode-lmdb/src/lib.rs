//! # lode-lmdb: lode's storage backend over LMDB
//!
//! One directory holds one store: LMDB's `data.mdb` and `lock.mdb`, shared safely by the
//! threads and processes that open it. This crate implements the seam of `lode-backend`
//! ([`lode_backend::Backend`]); the event store's rules live above it, in `lode`.
//!
//! Where things are: `env.rs` is the environment (tables, transactions, map growth, the gate);
//! `registry.rs` keeps one environment per data file per process and detects `fork()`;
//! `prefetch.rs` hints the CPU at the next record of a table walk;
//! `data_file.rs` refuses a truncated data file before LMDB maps it; `copy.rs` copies a live
//! environment (backups) with progress and cancellation; `layout.rs` is the byte
//! layout of every key and value (docs/storage-layout.md); `view.rs` implements the store's
//! operations on those tables, verifying every record it hands up; `upgrade.rs` upgrades a
//! directory of an older format to the current one in one transaction.

mod checkpoints;
mod copy;
mod data_file;
mod env;
mod layout;
mod prefetch;
mod registry;
mod settings;
mod upgrade;
mod view;
mod wait;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use lode_backend::{
    Backend, CopyOptions, CopyReport, Error, ReadView, Result, StorageCause, WriteView,
};

use crate::env::Storage;
pub use crate::env::FORMAT_VERSION;
pub use crate::settings::{Durability, LmdbSettings, MAX_INDEX_LAG, MAX_READERS};
pub use crate::upgrade::{upgrade, Upgraded};

/// The prefetch hint every table walk gives (`prefetch.rs`), for the benchmark's raw-LMDB
/// baseline that measures the same walk with the same hint; not part of the backend's API.
#[doc(hidden)]
pub use crate::prefetch::next_nodes as prefetch_next_nodes;

/// The name this backend's storage errors carry.
pub const NAME: &str = "lmdb";

/// The version of the bundled LMDB engine.
pub fn engine_version() -> String {
    env::lmdb_version()
}

/// How long a commit the meta pages name must stay missing from new snapshots before a waiter
/// has it published (`wait_for_head`): far longer than a live writer takes from writing its
/// meta page to publishing its id, so a live writer is not made to share its lock.
const PUBLISH_AFTER: Duration = Duration::from_millis(100);

/// A store directory opened with LMDB. Cheap to clone: clones share one environment, as do
/// all backends of one process on the same data file, whatever path names it.
#[derive(Clone)]
pub struct LmdbBackend {
    storage: Arc<Storage>,
}

impl LmdbBackend {
    /// Opens (creating if needed) the store directory `dir`.
    pub fn open(dir: &Path, settings: &LmdbSettings) -> Result<LmdbBackend> {
        settings.check(dir)?;
        Ok(LmdbBackend {
            storage: Storage::open(dir, settings)?,
        })
    }

    /// Opens the store directory `dir`, which must already hold a store: nothing is created
    /// (a directory without a data file is refused with a storage error, code `NOT_A_STORE`).
    /// An environment this process already has open on it is shared, whatever its settings;
    /// otherwise it is opened with `settings`. For tools that inspect a directory (verify).
    pub fn open_existing(dir: &Path, settings: &LmdbSettings) -> Result<LmdbBackend> {
        settings.check(dir)?;
        Ok(LmdbBackend {
            storage: Storage::open_with(dir, settings, true)?,
        })
    }
}

impl Backend for LmdbBackend {
    fn name(&self) -> &'static str {
        NAME
    }

    fn location(&self) -> String {
        self.storage.path().display().to_string()
    }

    fn path(&self) -> Option<&Path> {
        Some(self.storage.path())
    }

    fn check_usable(&self) -> Result<()> {
        self.storage.check_process()
    }

    fn read(&self, operation: &str, f: &mut dyn FnMut(&dyn ReadView) -> Result<()>) -> Result<()> {
        self.storage.read(operation, |r| f(r))
    }

    fn write(
        &self,
        operation: &str,
        f: &mut dyn FnMut(&mut dyn WriteView) -> Result<()>,
    ) -> Result<()> {
        self.storage.write(operation, |w| f(w))
    }

    fn allocated_bytes(&self) -> u64 {
        self.storage.map_size() as u64
    }

    fn stored_bytes(&self) -> Result<u64> {
        self.storage.data_file_bytes()
    }

    fn head(&self) -> Result<u64> {
        lode_backend::read(self, "reading the log's head", |r| {
            Ok(r.log_head()?.map_or(0, |h| h.position))
        })
    }

    fn wait_for_head(
        &self,
        beyond: u64,
        timeout: Duration,
        stop: &dyn Fn() -> bool,
    ) -> Result<u64> {
        let deadline = wait::deadline(timeout);
        // A commit the meta pages name and the snapshots lack: its id, and since when.
        let mut gap: Option<(u64, Instant)> = None;
        // The last transaction id the meta pages named, as the last wait returned it.
        let mut named = 0;
        loop {
            // One short read: the head, and the transaction whose snapshot it is (crate::wait).
            let (head, snapshot) = self.storage.read("reading the log's head", |r| {
                Ok((r.log_head()?.map_or(0, |h| h.position), r.id()))
            })?;
            if head > beyond || stop() || Instant::now() >= deadline {
                return Ok(head);
            }
            if named <= snapshot {
                gap = None;
                named = self
                    .storage
                    .waiters
                    .wait_for_txn(snapshot, deadline, stop, || self.storage.last_txnid())?;
                continue;
            }
            // The meta pages name a commit this fresh snapshot lacks: its writer has not
            // stored its id in the lock file yet. A live writer does so once its meta page is
            // written (with Durability::Full, a synchronous write that can take a while); a
            // writer killed in between leaves it to the next writer that takes LMDB's lock
            // (docs/reliability.md, R-CRASH-1). Waiting for the meta pages' id to pass the
            // snapshot's would return at once, again and again: look again at intervals
            // instead, and once the gap has lasted `PUBLISH_AFTER`, have a thread of its own
            // publish it.
            let now = Instant::now();
            let since = match gap {
                Some((id, since)) if id == named => since,
                _ => now,
            };
            gap = Some((named, since));
            let lasted = now.duration_since(since);
            if lasted >= PUBLISH_AFTER {
                self.storage.publish_commits_aside(named);
            }
            // Often at first (a live writer's meta page takes a fraction of a millisecond to a
            // few), then at the idle poll interval.
            let step = if lasted < wait::MAX_POLL {
                wait::MIN_POLL
            } else {
                wait::MAX_POLL
            };
            named =
                self.storage
                    .waiters
                    .wait_for_txn(named, deadline.min(now + step), stop, || {
                        self.storage.last_txnid()
                    })?;
        }
    }

    fn wake_waiters(&self) {
        // R-PROC-1: in a process that inherited the environment across fork() nothing can wait
        // on it (every wait fails fast), and its waiters' lock may have been held by a thread
        // of the parent at the fork, which this process does not have: taking it would hang.
        if self.storage.check_process().is_ok() {
            self.storage.waiters.wake_all();
        }
    }

    fn copy_to(
        &self,
        dir: &Path,
        options: &CopyOptions,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<CopyReport> {
        copy::copy(&self.storage, dir, options, progress)
    }
}

/// An error of this backend that is not one of LMDB's codes.
pub(crate) fn backend_error(operation: &str, hint: String, code: &str, message: String) -> Error {
    Error::Storage {
        operation: operation.to_string(),
        hint,
        source: Box::new(StorageCause {
            backend: NAME,
            code: code.to_string(),
            number: None,
            message,
        }),
    }
}
