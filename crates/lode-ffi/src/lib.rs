//! The C ABI (`include/lode.h`, generated from this module by cbindgen).
//!
//! Conventions, the same for every function:
//! - every fallible function returns a [`LodeStatus`] (0 is success) and takes a last
//!   `lode_error **err` out-parameter: when `err` is not NULL it receives NULL on success and a
//!   detailed error on failure, which the caller frees with `lode_error_free`;
//! - strings come in as UTF-8 bytes with explicit lengths (never NUL-terminated), are checked for
//!   UTF-8, and may be NULL only when their length is 0;
//! - results of many items come out as one library-owned `lode_buffer`, freed with
//!   `lode_buffer_free`; scalars through out-parameters;
//! - every entry point runs behind one panic boundary ([`guard`]): a panic becomes
//!   `LODE_INTERNAL`, never an unwind into the host;
//! - handles (`lode_provider`, `lode_store`, `lode_subscription`) are entries of a handle table, not raw pointers, so a
//!   closed, freed, or wrong-kind handle is reported, never dereferenced.
//!
//! This crate never touches the storage: it calls the safe Rust API of the crate `lode` only.
//! It builds `liblode.so` and `liblode.a`; `make header` writes `include/lode.h` from it.

// Entry points take raw pointers by design (it is a C ABI); their contract (valid for the call,
// NULL where allowed) is documented in the header, and every dereference has a SAFETY note.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

mod backup;
mod boundary;
mod buffer;
mod error;
mod handles;
mod log;
mod manifest;
mod provider;
mod query;
mod store;
mod subscription;

pub use backup::*;
pub use boundary::guard;
pub use buffer::*;
pub use error::*;
pub use log::*;
pub use manifest::manifest_json;
pub use provider::*;
pub use query::*;
pub use store::*;
pub use subscription::*;
