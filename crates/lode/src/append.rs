//! Append: the checks and the write of one batch (B-APP-*, Q-LOG-1, Q-CMD-1).
//!
//! An append is checked completely before its first write, so a refused append (version
//! mismatch, duplicate id, expired session, ...) writes nothing, even when it shares a
//! transaction with others (`commit.rs`). Only a storage failure, or damage the backend finds,
//! can stop an append half-way; it fails the whole transaction, so nothing of it (or of its
//! neighbours) is committed.
//!
//! Nothing is logged here: a group's leader runs this inside a write transaction on behalf of
//! others, and a host's log callback that called back into the library would wait for itself.
//! The store logs each append's outcome on the appending thread once it has its result.

use std::collections::HashSet;

use lode_backend::{
    format_micros, Append, CommandRecord, Error, Micros, NewEvent, ReadView, Result, StreamHead,
    StreamId, WriteView,
};

use crate::checkpoint;
use crate::envelope::{self, PreparedMessage};
use crate::limits;
use crate::session::{self, SessionId};

/// A command recorded with the events it produced (Q-CMD-1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// Unique across the store; recording it twice is refused.
    pub id: String,
    /// The command's type name, kept in its record.
    pub command_type: Option<String>,
    /// Who issued it; defaults to the first event's `Context.UserId`.
    pub actor: Option<String>,
}

impl Command {
    pub fn new(id: impl Into<String>) -> Command {
        Command {
            id: id.into(),
            command_type: None,
            actor: None,
        }
    }
}

/// One append, as handed to the committer.
pub(crate) struct AppendRequest<'a> {
    pub stream: &'a StreamId,
    pub session: SessionId,
    pub known_expiry: Micros,
    pub messages: Vec<PreparedMessage<'a>>,
    pub command: Option<&'a Command>,
    /// S-CP-3: a checkpoint `(name, position)` stored in the same transaction.
    pub checkpoint: Option<(&'a str, u64)>,
}

/// The result of one append.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Appended {
    /// The stream version after the append (of the batch's last event, for a retry).
    pub version: u64,
    /// Events written (0 for a retry or an empty batch).
    pub written: usize,
}

/// Everything an append will write, decided before the first write.
struct Plan {
    head: StreamHead,
    new_stream: bool,
    first_position: u64,
    recorded_at: Micros,
}

/// R-BAD-4 (the part only the store can check): the event a message-id entry names carries
/// that id.
fn check_message_at(
    r: &dyn ReadView,
    stream: &StreamId,
    head: StreamHead,
    id: &str,
    version: u64,
) -> Result<()> {
    let store_id = stream.store_id();
    let event = r
        .event(stream, head, version)?
        .ok_or_else(|| Error::Serialization {
            key: format!("message id index of store '{store_id}', id '{id}'"),
            version: Some(version),
            reason: format!("it points at version {version}, which is not stored"),
        })?;
    let what = format!("store '{store_id}' version {version}");
    let meta = envelope::parse_metadata(event.json, &what).map_err(|e| {
        Error::corrupt(
            &store_id,
            version,
            format!("the stored message cannot be read: {e}"),
        )
    })?;
    if meta.id != id {
        return Err(Error::Serialization {
            key: format!("message id index of store '{store_id}', id '{id}'"),
            version: Some(version),
            reason: format!(
                "it points at version {version}, whose message id is '{}'",
                meta.id
            ),
        });
    }
    Ok(())
}

/// Checks `req` against the transaction's state; `Ok(Err(appended))` is an exact retry.
///
/// Every record the append relies on comes verified from the backend (the stream's head, the
/// log's head); a message id found in the stream is checked against the event it names, so
/// damaged bookkeeping refuses this append alone instead of making it overwrite or skip one.
fn plan(w: &dyn WriteView, req: &AppendRequest<'_>, now: Micros) -> Result<Result<Plan, Appended>> {
    session::check(w, req.stream, req.session, req.known_expiry, now)?;
    let head = w.stream(req.stream)?;
    let current = head.map_or(0, |h| h.version);

    if let Some(cmd) = req.command {
        if w.command_exists(&cmd.id)? {
            return Err(Error::DuplicateIdempotencyId {
                scope: "this event store (command ids)".into(),
                id: cmd.id.clone(),
            });
        }
    }

    // B-APP-6: ids already in the stream make this a retry or a refusal.
    if let Some(head) = head {
        let ids: Vec<&str> = req.messages.iter().map(|m| &*m.meta.id).collect();
        let stored = w.message_versions(req.stream, head, &ids)?;
        for (m, v) in req.messages.iter().zip(&stored) {
            if let Some(v) = *v {
                check_message_at(w, req.stream, head, &m.meta.id, v)?;
            }
        }
        if let Some(first_hit) = stored.iter().position(Option::is_some) {
            let first = stored[0];
            let is_retry = first.is_some()
                && stored.iter().enumerate().all(|(k, v)| {
                    *v == first.map(|f| f + k as u64)
                        && req.messages[k]
                            .meta
                            .sequence_number
                            .is_none_or(|s| Some(s) == v.map(|v| v as i64))
                });
            if is_retry {
                if let Some(cmd) = req.command {
                    // An exact retry writes nothing, so it cannot record the command either;
                    // reporting success would claim a command that was never recorded.
                    return Err(Error::DuplicateIdempotencyId {
                        scope: format!(
                            "store '{}': the whole batch is already stored, so command '{}' would \
                             produce no events and was not recorded",
                            req.stream.store_id(),
                            cmd.id
                        ),
                        id: req.messages[0].meta.id.to_string(),
                    });
                }
                if let Some((name, position)) = req.checkpoint {
                    // An exact retry writes no events; its checkpoint still moves (S-CP-3).
                    checkpoint::check(w, name, position, checkpoint::log_end(w)?, false)?;
                }
                let last = stored.last().copied().flatten().unwrap_or(current);
                return Ok(Err(Appended {
                    version: last,
                    written: 0,
                }));
            }
            return Err(Error::DuplicateIdempotencyId {
                scope: format!("store '{}'", req.stream.store_id()),
                id: req.messages[first_hit].meta.id.to_string(),
            });
        }
    }
    if req.messages.len() > 1 {
        let mut seen = HashSet::with_capacity(req.messages.len());
        for m in &req.messages {
            if !seen.insert(&*m.meta.id) {
                return Err(Error::DuplicateIdempotencyId {
                    scope: format!("store '{}' (twice in one batch)", req.stream.store_id()),
                    id: m.meta.id.to_string(),
                });
            }
        }
    }

    // B-APP-3: each given sequence number is exactly the version its message receives.
    for (k, m) in req.messages.iter().enumerate() {
        let receives = current + k as u64 + 1;
        if let Some(s) = m.meta.sequence_number {
            if s != receives as i64 {
                return Err(Error::VersionMismatch {
                    store_id: req.stream.store_id(),
                    expected_version: receives,
                    actual_version: s,
                    message_id: m.meta.id.to_string(),
                });
            }
        }
    }

    let (head, new_stream) = match head {
        Some(h) => (h, false),
        None => (w.new_stream(req.stream)?, true),
    };
    let (last_position, last_time) = match w.log_head()? {
        None => (0, Micros::MIN),
        Some(h) => (h.position, h.recorded_at),
    };
    if let Some((name, position)) = req.checkpoint {
        // S-CP-3: the checkpoint may cover this append's own events.
        let end = last_position + req.messages.len() as u64;
        checkpoint::check(w, name, position, end, false)?;
    }
    Ok(Ok(Plan {
        head,
        new_stream,
        first_position: last_position + 1,
        // Q-LOG: recorded-at never decreases along the log, even if the clock steps back.
        recorded_at: now.max(last_time),
    }))
}

/// Writes a planned append. Only storage errors (and damage the backend finds) happen here.
fn write(w: &mut dyn WriteView, req: &AppendRequest<'_>, p: &Plan) -> Result<Appended> {
    // Every version number the edit writes in, in one buffer (no allocation per event).
    let mut digits = String::with_capacity(req.messages.len() * 8);
    let mut ends = Vec::with_capacity(req.messages.len());
    for k in 0..req.messages.len() {
        use std::fmt::Write;
        let _ = write!(digits, "{}", p.head.version + k as u64 + 1);
        ends.push(digits.len());
    }
    let events: Vec<NewEvent<'_>> = req
        .messages
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let start = if k == 0 { 0 } else { ends[k - 1] };
            NewEvent {
                json: m.stored_parts(&digits.as_bytes()[start..ends[k]]),
                id: &m.meta.id,
                event_type: &m.meta.name,
                event_version: m.meta.event_version,
                correlation_id: m.meta.correlation_id.as_deref(),
            }
        })
        .collect();
    w.append(&Append {
        stream: req.stream,
        head: p.head,
        new_stream: p.new_stream,
        first_position: p.first_position,
        recorded_at: p.recorded_at,
        events: &events,
    })?;
    let version = p.head.version + req.messages.len() as u64;
    if let Some(cmd) = req.command {
        w.put_command(&CommandRecord {
            command_id: cmd.id.clone(),
            command_type: cmd.command_type.clone(),
            processed_at: format_micros(p.recorded_at),
            processed_at_us: p.recorded_at,
            actor: cmd.actor.clone().or_else(|| {
                req.messages
                    .first()
                    .and_then(|m| m.meta.user_id.as_ref().map(|u| u.to_string()))
            }),
            partition: req.stream.database.clone(),
            aggregate_type: req.stream.name.clone(),
            aggregate_id: req.stream.id.clone(),
            first_version: p.head.version + 1,
            last_version: version,
        })?;
    }
    Ok(Appended {
        version,
        written: req.messages.len(),
    })
}

/// Checks and writes one append in the caller's transaction: its own result, or the error
/// that fails the whole transaction (a storage error or damage).
pub(crate) fn apply(
    w: &mut dyn WriteView,
    req: &AppendRequest<'_>,
    now: Micros,
) -> Result<Result<Appended>> {
    let put_checkpoint = |w: &mut dyn WriteView, at: Micros| match req.checkpoint {
        Some((name, position)) => w.put_checkpoint(
            name,
            &lode_backend::Checkpoint {
                position,
                stored_at: at,
            },
        ),
        None => Ok(()),
    };
    match plan(w, req, now) {
        Ok(Ok(p)) => {
            let appended = write(w, req, &p)?;
            put_checkpoint(w, p.recorded_at)?;
            Ok(Ok(appended))
        }
        Ok(Err(retry)) => {
            put_checkpoint(w, now)?;
            Ok(Ok(retry))
        }
        // A refusal is this append's own; a storage failure is the transaction's.
        Err(e) if e.kind() == lode_backend::ErrorKind::Storage => Err(e),
        Err(e) => Ok(Err(e)),
    }
}

/// Checks the command id's size before anything is queued.
pub(crate) fn check_command(cmd: &Command) -> Result<()> {
    if cmd.id.is_empty() || cmd.id.len() > limits::MAX_KEY_FIELD_BYTES {
        return Err(Error::invalid(
            "command id",
            format!(
                "it must be 1 to {} bytes long, not {}",
                limits::MAX_KEY_FIELD_BYTES,
                cmd.id.len()
            ),
        ));
    }
    Ok(())
}
