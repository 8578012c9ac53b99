//! # lode: an embedded event store over LMDB
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
//! Where things are: `provider.rs` opens a directory; `store.rs` is one stream's session API;
//! `append.rs` checks and writes a batch (and groups concurrent commits); `stream.rs` reads a
//! stream; `snapshot.rs`, `session.rs` and `query.rs` do what their names say; `layout.rs` is
//! the byte layout of every table; `storage/` is the only code that touches LMDB; `ffi/` is the
//! C ABI, kept apart from the core.

mod append;
mod error;
mod layout;
mod log_later;
mod message;
mod messages;
mod provider;
mod query;
mod session;
mod settings;
mod snapshot;
mod storage;
mod store;
mod stream;

pub mod ffi;

pub use append::{Command, CommandRecord};
pub use error::{format_micros, Error, ErrorKind, Micros, Result, StorageCause};
pub use message::{
    create_message, format_dotnet_time, new_message_id, parse_metadata, MessageMetadata, NewMessage,
};
pub use messages::Messages;
pub use provider::EventStoreProvider;
pub use query::{LogRecord, Query, QueryPage};
pub use settings::{limits, Durability, ProviderSettings};
pub use storage::FORMAT_VERSION;
pub use store::EventStore;
pub use stream::StreamId;

/// This library's version (the crate version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The version of the bundled LMDB engine.
pub fn lmdb_version() -> String {
    storage::lmdb_version()
}

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
