//! One stream through a session (IEventStore).

use std::ffi::c_void;
use std::sync::Arc;

use super::boundary::{bytes, guard, non_negative, optional_text, out, text, timeout};
use super::buffer::{LodeBuffer, LodeBytes};
use super::error::{LodeError, LodeStatus};
use super::handles::{self, Kind, Object};
use super::provider::LodeProvider;
use lode_api::{Command, EventStore, Messages};
use lode_api::{Error, Result};

/// The event stream of one aggregate, used through a session (IEventStore). Opaque.
///
/// Thread safety: a store handle may be used from any thread, and from several at once (calls
/// are serialized where they write). Its session is one session whichever thread calls.
pub struct LodeStore {
    _opaque: [u8; 0],
}

fn store(handle: *mut LodeStore) -> Result<Arc<EventStore>> {
    handles::store(handle as usize)
}

fn hand_out(messages: Messages, out_buffer: &mut *mut LodeBuffer) {
    *out_buffer = LodeBuffer::of_messages(messages);
}

/// Opens the stream `(database, name, id)` of `provider`: takes its lease for
/// `session_timeout_ms`, retrying for up to `open_timeout_ms` while another live session holds
/// it (0: try once; LODE_DEFAULT (-1) for either: the provider's default).
///
/// `database` may be NULL (length 0) for the provider's default database. Each of database,
/// name and id is UTF-8, 1 to 160 bytes, without NUL.
///
/// On success `*out_store` receives a store handle; release it with `lode_store_free`.
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED (provider released), LODE_OPEN_STORE_FAILED,
/// LODE_STORAGE.
///
/// What the open timeout bounds: the wait for another session's lease. While another live
/// session holds it, each try only reads, so the call returns LODE_OPEN_STORE_FAILED after
/// `open_timeout_ms` whatever other processes do. Taking a free lease is a write, and every
/// write of every process waits for LMDB's single writer lock: while a process is stopped
/// (SIGSTOP, a debugger) in the middle of a write, this call (and every append of every
/// process) waits until it resumes or dies, past the open timeout. A process that dies holding
/// the lock releases it at once.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn lode_store_open(
    provider: *mut LodeProvider,
    database: *const u8,
    database_len: usize,
    name: *const u8,
    name_len: usize,
    id: *const u8,
    id_len: usize,
    session_timeout_ms: i64,
    open_timeout_ms: i64,
    out_store: *mut *mut LodeStore,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_store", out_store)?;
        *slot = std::ptr::null_mut();
        let p = handles::provider(provider as usize)?;
        let database = optional_text("database", database, database_len)?;
        let name = text("name", name, name_len)?;
        let id = text("id", id, id_len)?;
        let session = timeout("session_timeout_ms", session_timeout_ms)?;
        let open = timeout("open_timeout_ms", open_timeout_ms)?;
        let s = p.open_store_with(database, name, id, session, open)?;
        *slot = handles::insert(Object::Store(Arc::new(s))) as *mut LodeStore;
        Ok(())
    })
}

/// Opens a new session on a store that was closed (or whose session lapsed), with the same
/// meaning of the timeouts as `lode_store_open`.
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED, LODE_OPEN_STORE_FAILED, LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_store_reopen(
    store_handle: *mut LodeStore,
    session_timeout_ms: i64,
    open_timeout_ms: i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let s = store(store_handle)?;
        let defaults = s.provider_settings();
        let session = timeout("session_timeout_ms", session_timeout_ms)?
            .unwrap_or(defaults.default_session_timeout);
        let open =
            timeout("open_timeout_ms", open_timeout_ms)?.unwrap_or(defaults.default_open_timeout);
        s.open(session, open)
    })
}

/// Ends the session: releases the lease if this session still holds it. The handle stays
/// valid (later calls give LODE_STORE_NOT_OPEN until `lode_store_reopen`). Idempotent, in any
/// order with `lode_store_free` (B-SES-5): closing a closed store, or a handle already freed,
/// does nothing and gives LODE_OK. A close that fails (LODE_STORAGE) keeps the session, so it
/// can be retried.
/// Errors: LODE_INVALID_ARGUMENT (NULL, or not a store handle), LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_store_close(
    store_handle: *mut LodeStore,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || match store(store_handle) {
        Ok(s) => s.close(),
        // Freed already: closed with it.
        Err(Error::Closed { .. }) => Ok(()),
        Err(e) => Err(e),
    })
}

/// Closes the store (as `lode_store_close`) and releases the handle; later calls with it give
/// LODE_CLOSED (`lode_store_close` and `lode_store_free` give LODE_OK). NULL and an already
/// freed handle are ignored. If the close fails (LODE_STORAGE) the handle is NOT released: the
/// session is kept, and the caller can retry `lode_store_free` (or `lode_store_close`).
#[no_mangle]
pub extern "C" fn lode_store_free(
    store_handle: *mut LodeStore,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        if store_handle.is_null() {
            return Ok(());
        }
        match store(store_handle) {
            Ok(s) => s.close()?,
            Err(Error::Closed { .. }) => return Ok(()),
            Err(e) => return Err(e),
        }
        drop(handles::remove(store_handle as usize, Kind::Store)?);
        Ok(())
    })
}

/// Extends the session by its timeout, while it is still valid.
/// Errors: LODE_STORE_NOT_OPEN, LODE_SESSION_EXPIRED, LODE_INVALID_SESSION, LODE_CLOSED,
/// LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_store_renew(
    store_handle: *mut LodeStore,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || store(store_handle)?.renew())
}

pub(crate) fn batch<'a>(messages: *const LodeBytes, count: usize) -> Result<Vec<&'a [u8]>> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if messages.is_null() {
        return Err(Error::invalid(
            "messages",
            format!("it is NULL but count is {count}"),
        ));
    }
    if count > lode_api::limits::MAX_BATCH_MESSAGES {
        return Err(Error::invalid(
            "count",
            format!(
                "{count} messages; the limit is {}",
                lode_api::limits::MAX_BATCH_MESSAGES
            ),
        ));
    }
    // SAFETY: the caller promises `messages` points at `count` readable LodeBytes.
    let items = unsafe { std::slice::from_raw_parts(messages, count) };
    items
        .iter()
        .enumerate()
        .map(|(i, m)| bytes(&format!("messages[{i}]"), m.ptr, m.len))
        .collect()
}

/// Appends `count` EventMessages (UTF-8 JSON, `messages[i].len` bytes each) atomically; the new
/// stream version goes to `*out_version` (may be NULL). An empty batch writes nothing and gives
/// the current version. A message without SequenceNumber gets the next version written in.
/// Errors: LODE_VERSION_MISMATCH, LODE_DUPLICATE_IDEMPOTENCY_ID, LODE_INVALID_ARGUMENT,
/// LODE_SERIALIZATION, LODE_STORE_NOT_OPEN, LODE_SESSION_EXPIRED, LODE_INVALID_SESSION,
/// LODE_CLOSED, LODE_STORAGE. On any error nothing of the batch is written.
/// The messages are read and checked before the write; a batch of 64 KiB or more per core is
/// read by up to four threads at once (the calling thread among them), all finished before
/// this returns.
#[no_mangle]
pub extern "C" fn lode_store_append(
    store_handle: *mut LodeStore,
    messages: *const LodeBytes,
    count: usize,
    out_version: *mut i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let s = store(store_handle)?;
        let version = s.add(&batch(messages, count)?)?;
        // SAFETY: a non-NULL out_version points at writable storage (caller's contract).
        if let Some(v) = unsafe { out_version.as_mut() } {
            *v = version as i64;
        }
        Ok(())
    })
}

/// As `lode_store_append`, and records the command `command_id` (1 to 400 bytes) in the same
/// transaction, with its optional type and actor (NULL, length 0: not given; the actor then
/// defaults to the first event's UserId). A command id recorded before gives
/// LODE_DUPLICATE_IDEMPOTENCY_ID and nothing is written. A batch that is an exact retry of
/// events already stored writes nothing, so it cannot record a new command either: it gives
/// LODE_DUPLICATE_IDEMPOTENCY_ID (the command is not recorded) instead of success.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn lode_store_append_with_command(
    store_handle: *mut LodeStore,
    messages: *const LodeBytes,
    count: usize,
    command_id: *const u8,
    command_id_len: usize,
    command_type: *const u8,
    command_type_len: usize,
    actor: *const u8,
    actor_len: usize,
    out_version: *mut i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let s = store(store_handle)?;
        let command = Command {
            id: text("command_id", command_id, command_id_len)?.to_string(),
            command_type: optional_text("command_type", command_type, command_type_len)?
                .map(str::to_string),
            actor: optional_text("actor", actor, actor_len)?.map(str::to_string),
        };
        let version = s.add_with_command(&batch(messages, count)?, &command)?;
        // SAFETY: as in lode_store_append.
        if let Some(v) = unsafe { out_version.as_mut() } {
            *v = version as i64;
        }
        Ok(())
    })
}

/// Reads the whole stream into `*out_buffer`: a JSON array of the stored messages in version
/// order (`lode_buffer_count` = number of messages). With `use_snapshot`, the latest snapshot
/// comes first, then the events after it. An empty or unknown stream gives `[]`.
/// Errors: LODE_STORE_NOT_OPEN, LODE_SESSION_EXPIRED, LODE_INVALID_SESSION, LODE_SERIALIZATION
/// (a damaged record), LODE_INVALID_ARGUMENT, LODE_CLOSED, LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_store_read(
    store_handle: *mut LodeStore,
    use_snapshot: bool,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_buffer", out_buffer)?;
        *slot = std::ptr::null_mut();
        hand_out(store(store_handle)?.get(use_snapshot)?, slot);
        Ok(())
    })
}

/// Reads events 1..=`version` (or the latest snapshot at or below it, then the events after),
/// as `lode_store_read`. `version` 0 gives `[]`; past the current version gives
/// LODE_STREAM_VERSION_NOT_FOUND; negative gives LODE_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn lode_store_read_to(
    store_handle: *mut LodeStore,
    version: i64,
    use_snapshot: bool,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_buffer", out_buffer)?;
        *slot = std::ptr::null_mut();
        let version = non_negative("version", version)?;
        hand_out(store(store_handle)?.get_to(version, use_snapshot)?, slot);
        Ok(())
    })
}

/// Reads events `first..=last` (inclusive) as a JSON array. Versions outside 1..=current are
/// simply absent; `first` > `last` gives `[]`; `first` < 1 gives LODE_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn lode_store_slice(
    store_handle: *mut LodeStore,
    first: i64,
    last: i64,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_buffer", out_buffer)?;
        *slot = std::ptr::null_mut();
        if first < 1 {
            return Err(Error::invalid(
                "first",
                format!("slices start at version 1 or later, not {first}"),
            ));
        }
        let s = store(store_handle)?;
        let messages = if last < first {
            s.get_slice(1, 0)?
        } else {
            s.get_slice(first as u64, last as u64)?
        };
        hand_out(messages, slot);
        Ok(())
    })
}

/// The current stream version (0 for an empty stream) into `*out_version`. O(1).
#[no_mangle]
pub extern "C" fn lode_store_version(
    store_handle: *mut LodeStore,
    out_version: *mut i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_version", out_version)?;
        *slot = store(store_handle)?.version()? as i64;
        Ok(())
    })
}

/// Stores `message` (an EventMessage JSON object, kept byte for byte) as the snapshot at
/// `version` (1..=current), replacing any snapshot there. Otherwise
/// LODE_STREAM_VERSION_NOT_FOUND; a non-JSON message gives LODE_SERIALIZATION.
#[no_mangle]
pub extern "C" fn lode_store_snapshot(
    store_handle: *mut LodeStore,
    version: i64,
    message: *const u8,
    message_len: usize,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let s = store(store_handle)?;
        let version = non_negative("version", version)?;
        s.snapshot(version, bytes("message", message, message_len)?)
    })
}

/// Removes the snapshot at `version`; LODE_SNAPSHOT_VERSION_NOT_FOUND if there is none.
#[no_mangle]
pub extern "C" fn lode_store_clear_snapshot(
    store_handle: *mut LodeStore,
    version: i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let s = store(store_handle)?;
        s.clear_snapshot(non_negative("version", version)?)
    })
}

/// Removes every snapshot of the stream. Events are never touched.
#[no_mangle]
pub extern "C" fn lode_store_clear_snapshots(
    store_handle: *mut LodeStore,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || store(store_handle)?.clear_snapshots())
}

/// The snapshot versions, ascending, as a JSON array of integers in `*out_buffer`.
#[no_mangle]
pub extern "C" fn lode_store_snapshot_versions(
    store_handle: *mut LodeStore,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_buffer", out_buffer)?;
        *slot = std::ptr::null_mut();
        let versions = store(store_handle)?.snapshot_versions()?;
        let json = serde_json::to_vec(&versions).map_err(|e| Error::Internal {
            detail: format!("could not encode the snapshot versions: {e}"),
        })?;
        *slot = LodeBuffer::boxed(json, versions.len());
        Ok(())
    })
}

/// The last snapshot version (0 when none) into `*out_version`.
#[no_mangle]
pub extern "C" fn lode_store_last_snapshot_version(
    store_handle: *mut LodeStore,
    out_version: *mut i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_version", out_version)?;
        *slot = store(store_handle)?.last_snapshot_version()? as i64;
        Ok(())
    })
}

/// Called by `lode_store_snapshot_all` at each multiple of the chunk size that has no snapshot:
/// `messages_json` (`messages_len` bytes, valid during the call) is what `lode_store_read_to`
/// with snapshot gives at `version`. The callback writes the snapshot message into `out` with
/// `lode_buffer_write` and returns 0; any other value stops `lode_store_snapshot_all`, which
/// then returns LODE_INVALID_ARGUMENT. It must not free `out`.
pub type LodeSnapshotFn = Option<
    extern "C" fn(
        user_data: *mut c_void,
        version: i64,
        messages_json: *const u8,
        messages_len: usize,
        out: *mut LodeBuffer,
    ) -> i32,
>;

/// At every multiple of `chunk_size` up to the current version that has no snapshot yet, calls
/// `callback` with what read-with-snapshot gives there and stores what it writes as the
/// snapshot. Linear in the stream length. `chunk_size` < 1 gives LODE_INVALID_ARGUMENT.
/// The callback runs on the calling thread, with no transaction open.
#[no_mangle]
pub extern "C" fn lode_store_snapshot_all(
    store_handle: *mut LodeStore,
    chunk_size: i64,
    callback: LodeSnapshotFn,
    user_data: *mut c_void,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let s = store(store_handle)?;
        let callback =
            callback.ok_or_else(|| Error::invalid("callback", "the callback is NULL"))?;
        s.snapshot_all(chunk_size, |messages| {
            let version = messages
                .version(messages.len().saturating_sub(1))
                .unwrap_or(0) as i64;
            let json = messages.as_json_array();
            let mut out = LodeBuffer::new(Vec::new(), 0);
            let rc = callback(user_data, version, json.as_ptr(), json.len(), &mut out);
            if rc != 0 {
                return Err(Error::invalid(
                    "callback",
                    format!("the snapshot callback returned {rc} at version {version}"),
                ));
            }
            Ok(out.data)
        })
    })
}
