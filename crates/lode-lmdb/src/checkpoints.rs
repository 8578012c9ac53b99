//! The `checkpoints` table (docs/storage-layout.md): a consumer's position by name, stored on
//! its own or in the same transaction as an append (docs/subscriptions.md, S-CP-*).
//!
//! Key: the name's UTF-8 bytes (1..=400, so under LMDB's 511-byte key limit). Value:
//! `u64 BE position ‖ i64 BE stored_at (µs, UTC)` (16 bytes). Self-contained: no other table
//! refers to it, and it refers to nothing but a log position.

use lode_backend::{Checkpoint, Error, Result};

use crate::env::{Reads, Table, WriteTxn};
use crate::layout;

const VALUE_LEN: usize = 16;

fn encode(c: &Checkpoint) -> [u8; VALUE_LEN] {
    let mut v = [0u8; VALUE_LEN];
    v[..8].copy_from_slice(&c.position.to_be_bytes());
    v[8..].copy_from_slice(&c.stored_at.to_be_bytes());
    v
}

fn decode(v: &[u8]) -> Option<Checkpoint> {
    (v.len() == VALUE_LEN).then(|| Checkpoint {
        position: layout::u64_be(v).unwrap_or(0),
        stored_at: layout::u64_be(&v[8..]).unwrap_or(0) as i64,
    })
}

/// The checkpoint `name`, if stored; a record of the wrong shape is damage (R-BAD-4).
pub(crate) fn get(tx: &impl Reads, name: &str) -> Result<Option<Checkpoint>> {
    match tx.get(Table::Checkpoints, name.as_bytes())? {
        None => Ok(None),
        Some(v) => decode(v).map(Some).ok_or_else(|| Error::Serialization {
            key: format!("checkpoint '{name}'"),
            version: None,
            reason: "the checkpoint record is damaged".into(),
        }),
    }
}

pub(crate) fn put(w: &mut WriteTxn<'_>, name: &str, c: &Checkpoint) -> Result<()> {
    w.put(Table::Checkpoints, name.as_bytes(), &encode(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_round_trips_and_a_short_record_is_refused() {
        let c = Checkpoint {
            position: 1 << 40,
            stored_at: -3,
        };
        assert_eq!(decode(&encode(&c)), Some(c));
        assert_eq!(decode(&encode(&c)[..15]), None);
    }
}
