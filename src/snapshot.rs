//! Snapshots of one stream (B-SNP-*): `snapshots` table, key `u64 stream ‖ u64 version`.
//! The table is its own index: listing, last, and "latest at or below V" are cursor seeks, so
//! there is no separate version list to fall out of step (the .NET reference's bugs 5 and 7).

use crate::error::{Error, Micros, Result};
use crate::layout;
use crate::messages::Messages;
use crate::storage::{Reads, Table, WriteTxn};

/// The latest snapshot of stream `num` at or below `version`: `(its version, its JSON)`.
pub(crate) fn latest_at_or_below<'t>(
    tx: &'t impl Reads,
    store_id: &str,
    num: u64,
    version: u64,
) -> Result<Option<(u64, &'t [u8])>> {
    let Some((k, v)) = tx.seek_lt(
        Table::Snapshots,
        &layout::version_key(num, version.saturating_add(1)),
    )?
    else {
        return Ok(None);
    };
    match layout::split_version_key(k) {
        Some((s, at)) if s == num && at >= 1 => {
            let json = layout::read_snapshot(v).map_err(|r| snapshot_corrupt(store_id, at, r))?;
            Ok(Some((at, json)))
        }
        _ => Ok(None),
    }
}

fn snapshot_corrupt(store_id: &str, version: u64, reason: &str) -> Error {
    Error::Serialization {
        key: format!("store '{store_id}' snapshot at version {version}"),
        version: Some(version),
        reason: reason.to_string(),
    }
}

/// B-SNP-2: snapshot versions of stream `num`, ascending.
pub(crate) fn versions(tx: &impl Reads, num: u64) -> Result<Vec<u64>> {
    let mut out = Vec::new();
    tx.scan(
        Table::Snapshots,
        &layout::version_key(num, 0),
        |k, _| match layout::split_version_key(k) {
            Some((s, v)) if s == num => {
                out.push(v);
                Ok(true)
            }
            _ => Ok(false),
        },
    )?;
    Ok(out)
}

/// B-SNP-2: the last snapshot version, 0 when none.
pub(crate) fn last_version(tx: &impl Reads, num: u64) -> Result<u64> {
    let next = layout::version_key(num.saturating_add(1), 0);
    Ok(match tx.seek_lt(Table::Snapshots, &next)? {
        Some((k, _)) => match layout::split_version_key(k) {
            Some((s, v)) if s == num => v,
            _ => 0,
        },
        None => 0,
    })
}

/// B-SNP-1: stores (or replaces) the snapshot at `version`.
pub(crate) fn put(
    w: &mut WriteTxn<'_>,
    num: u64,
    version: u64,
    json: &[u8],
    now: Micros,
) -> Result<()> {
    w.put_with(
        Table::Snapshots,
        &layout::version_key(num, version),
        layout::SNAPSHOT_HEADER + json.len(),
        |out| layout::write_snapshot(out, now, json),
    )
}

/// B-SNP-3: removes one snapshot; returns whether it existed.
pub(crate) fn clear(w: &mut WriteTxn<'_>, num: u64, version: u64) -> Result<bool> {
    w.delete(Table::Snapshots, &layout::version_key(num, version))
}

/// B-SNP-3: removes every snapshot of the stream; returns how many.
pub(crate) fn clear_all(w: &mut WriteTxn<'_>, num: u64) -> Result<usize> {
    w.delete_prefix(Table::Snapshots, &num.to_be_bytes())
}

/// Pushes the latest snapshot at or below `version` into `out`; returns the first event version
/// still to read after it (1 when there is none).
pub(crate) fn push_latest(
    tx: &impl Reads,
    store_id: &str,
    num: u64,
    version: u64,
    out: &mut Messages,
) -> Result<u64> {
    match latest_at_or_below(tx, store_id, num, version)? {
        Some((at, json)) => {
            out.push_snapshot(at, json);
            Ok(at + 1)
        }
        None => Ok(1),
    }
}
