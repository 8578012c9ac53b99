#![no_std]
extern crate alloc;

pub mod linked_hash_map;
pub mod linked_hash_set;
pub mod lru_cache;
#[cfg(feature = "serde_impl")]
pub mod serde;

pub use linked_hash_map::LinkedHashMap;
pub use linked_hash_set::LinkedHashSet;
pub use lru_cache::LruCache;
