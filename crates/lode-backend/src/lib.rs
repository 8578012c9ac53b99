//! # lode-backend: the storage-backend seam of lode
//!
//! The event store's rules (behaviour.md, queries.md: sequence checks, idempotent retries,
//! lease checks, what a refusal writes) live once, in the `lode` crate, above this seam. Below
//! it, a backend stores and finds records: it knows its own layout, verifies every record it
//! hands up (R-BAD-4), and never decides what an append means.
//!
//! This crate is only the seam: the [`Backend`] trait with its transaction views
//! [`ReadView`] and [`WriteView`], and the vocabulary they speak ([`Error`], [`StreamId`],
//! [`records`], [`Messages`], [`limits`]). `lode-lmdb` is one implementation. Nothing here
//! names LMDB, a cursor or a page.

pub mod backend;
pub mod error;
pub mod fork_slot;
pub mod limits;
pub mod log_later;
pub mod messages;
pub mod records;
pub mod stream;

pub use backend::{read, write, Backend, CopyOptions, CopyReport, ReadView, WriteView};
pub use error::{format_micros, log_position_key, Error, ErrorKind, Micros, Result, StorageCause};
pub use messages::Messages;
pub use records::{
    Append, Checkpoint, CommandRecord, EventRef, EventSource, IndexEntry, IndexKind, Lease,
    LogHead, NewEvent, SnapshotRef, StoredEvent, StreamHead,
};
pub use stream::StreamId;
