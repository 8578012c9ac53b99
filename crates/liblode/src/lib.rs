//! `liblode.so` / `liblode.a`: every entry point of the C ABI (`crates/lode-ffi`), exported
//! under its `lode_` name. Nothing else lives here; `include/lode.h` documents it all.

pub use lode_ffi::*;
