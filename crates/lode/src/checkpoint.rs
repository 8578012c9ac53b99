//! Checkpoints (docs/subscriptions.md, S-CP-1 .. S-CP-4): a consumer's position in the global
//! log, by name, stored on its own or in the same transaction as an append, so a consumer's
//! output and "processed up to p" commit together or not at all.
//!
//! The rules live here, above the seam: a name is 1..=400 bytes; a checkpoint never moves
//! backwards unless the caller resets it; it never stands past the log's end (a consumer can
//! only have processed committed events, or the events its own append commits).

use lode_backend::{Checkpoint, Error, Micros, ReadView, Result, WriteView};

use crate::limits;

/// S-CP-1: a checkpoint name is 1..=400 bytes (an index key, like a command id).
pub(crate) fn check_name(name: &str) -> Result<()> {
    if name.is_empty() || name.len() > limits::MAX_KEY_FIELD_BYTES {
        return Err(Error::invalid(
            "checkpoint name",
            format!(
                "it must be 1 to {} bytes long, not {}",
                limits::MAX_KEY_FIELD_BYTES,
                name.len()
            ),
        ));
    }
    Ok(())
}

/// S-CP-2, S-CP-3: whether checkpoint `name` may be set to `position` in the transaction `r`,
/// whose log ends at `log_end` once the transaction's own events are counted. `force` allows a
/// move backwards (a reset), never past the end.
pub(crate) fn check(
    r: &dyn ReadView,
    name: &str,
    position: u64,
    log_end: u64,
    force: bool,
) -> Result<()> {
    if position > log_end {
        return Err(Error::invalid(
            "position",
            format!(
                "checkpoint '{name}' cannot stand at position {position}: the log ends at \
                 {log_end}, and a consumer can only have processed committed events"
            ),
        ));
    }
    if !force {
        if let Some(stored) = r.checkpoint(name)? {
            if position < stored.position {
                return Err(Error::invalid(
                    "position",
                    format!(
                        "checkpoint '{name}' stands at position {}; moving it back to {position} \
                         is refused (another consumer with the same name got further, or the \
                         position is stale); reset it to move it backwards",
                        stored.position
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The log's last position in the transaction `r` (0 while it is empty).
pub(crate) fn log_end(r: &dyn ReadView) -> Result<u64> {
    Ok(r.log_head()?.map_or(0, |h| h.position))
}

/// Checks and writes checkpoint `name` at `position` in `w` (a transaction with no events of
/// its own).
pub(crate) fn store(
    w: &mut dyn WriteView,
    name: &str,
    position: u64,
    now: Micros,
    force: bool,
) -> Result<()> {
    let end = log_end(w)?;
    check(w, name, position, end, force)?;
    w.put_checkpoint(
        name,
        &Checkpoint {
            position,
            stored_at: now,
        },
    )
}
