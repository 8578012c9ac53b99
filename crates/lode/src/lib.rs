//! # lode: an embedded event store
//!
//! Streams of events per aggregate `(database, name, id)`, opened through sessions (leases
//! that hold across threads and processes), with atomic appends, optimistic concurrency,
//! idempotent retries, snapshots, a global ordered log, indexed queries by type, time and
//! correlation, and command idempotency. One directory on disk; no server.
//!
//! ```
//! use lode::{EventStoreProvider, NewMessage, create_message};
//! # fn main() -> lode::Result<()> {
//! # let dir = std::env::temp_dir().join(format!("lode-doc-{}", std::process::id()));
//! let provider = EventStoreProvider::open_default(&dir)?; // e.g. "/var/lib/bank"
//! let store = provider.open_store("BankAccount", "123456000")?;
//! let created = create_message(&NewMessage::new(
//!     "BankAccountCreated", "BankAccount", "123456000",
//!     serde_json::json!({"AccountId": "123456000", "OwnerName": "Joe Dalton", "Currency": "EUR"}),
//! ));
//! let version = store.add(&[created])?;
//! let history = store.get(true)?;
//! assert_eq!(history.len() as u64, version);
//! store.close()?;
//! # drop(provider); std::fs::remove_dir_all(&dir).ok();
//! # Ok(()) }
//! ```
//!
//! Where things are (docs/architecture.md has the layers): `provider.rs` is the provider and
//! its queries; `store.rs` one stream's session API; `append.rs` checks a batch and decides
//! what it writes; `commit.rs` groups concurrent appends into one transaction; `session.rs`
//! the lease rules; `query.rs` the log and queries; `envelope.rs` reads an EventMessage and
//! makes the one edit (`scan.rs` is its fast one-pass reader); `create.rs` builds messages;
//! `verify.rs` checks every invariant; `backup.rs` makes online backups, verifies directories
//! and checks backups against their source; `subscription.rs` live subscriptions and
//! `checkpoint.rs` consumers' checkpoints (docs/subscriptions.md);
//! `open.rs` opens a directory with the LMDB backend (the crate `lode-lmdb`). The storage
//! itself is behind the seam of the crate `lode-backend`.

mod append;
mod backup;
mod checkpoint;
mod commit;
mod core;
mod create;
mod envelope;
mod open;
mod provider;
mod query;
mod scan;
mod session;
mod settings;
mod store;
mod subscription;
pub mod verify;

pub use append::Command;
pub use backup::{
    read_backup_info, verify_directory, BackupCheck, BackupInfo, BackupOptions, BackupProgress,
    BACKUP_FILE,
};
pub use create::{
    create_message, format_dotnet_time, new_message_id, write_dotnet_json_string, NewMessage,
};
#[doc(hidden)]
pub use envelope::readings_for_tests;
pub use envelope::{parse_metadata, MessageMetadata};
pub use lode_backend::{
    format_micros, Backend, Checkpoint, CommandRecord, Error, ErrorKind, Messages, Micros, Result,
    StorageCause, StreamId,
};
pub use open::{
    lmdb_version, upgrade_directory, Durability, ProviderSettings, Upgraded, FORMAT_VERSION,
};
pub use provider::EventStoreProvider;
pub use query::{LogRecord, Query, QueryPage};
pub use settings::StoreSettings;
pub use store::EventStore;
pub use subscription::{
    EventTypeFilter, Records, Subscription, SubscriptionFilter, SubscriptionPage,
    SubscriptionStart, DEFAULT_PAGE_SIZE, MAX_PAGE_BYTES, MAX_PAGE_SIZE, SCAN_BUDGET,
};

/// Size limits on what callers hand in (R-SEC-3). Past them a call fails with InvalidArgument.
pub mod limits {
    pub use crate::open::{MAX_INDEX_LAG, MAX_READERS};
    pub use lode_backend::limits::*;
}

/// What the C ABI needs that is not part of the Rust API: a process-wide value a forked child
/// replaces (its log router's lock).
#[doc(hidden)]
pub use lode_backend::fork_slot;

/// This library's version (the crate version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The text of a caught panic's payload.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a non-text payload".to_string()
    }
}

/// What the C ABI needs that is not part of the Rust API: the text of a caught panic.
#[doc(hidden)]
pub fn describe_panic(payload: &(dyn std::any::Any + Send)) -> String {
    panic_message(payload)
}
