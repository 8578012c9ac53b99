//! Status codes and the detailed error object.

use std::ffi::{c_char, CString};

use lode_api::Error;

/// A status code: 0 on success, else the kind of error. The numbers are stable across
/// versions; new kinds only ever get new numbers.
pub type LodeStatus = i32;

/// Success.
pub const LODE_OK: LodeStatus = 0;
/// A message's SequenceNumber is not the version it would receive (.NET
/// StoreVersionMismatchException). Fields: store_id, expected_version, actual_version, message_id.
pub const LODE_VERSION_MISMATCH: LodeStatus = 1;
/// The store was never opened, or was closed (StoreNotOpenException). Fields: store_id, operation.
pub const LODE_STORE_NOT_OPEN: LodeStatus = 2;
/// The session's lease expired (StoreSessionExpiredException). Fields: store_id, session_id,
/// expired_at.
pub const LODE_SESSION_EXPIRED: LodeStatus = 3;
/// Another session holds the lease now (InvalidStoreSessionException). Fields: store_id,
/// session_id, holder_session_id.
pub const LODE_INVALID_SESSION: LodeStatus = 4;
/// The lease stayed taken for the whole open timeout (OpenStoreFailedException). Fields:
/// store_id, timeout_ms, holder_session_id, holder_pid, holder_expires_at.
pub const LODE_OPEN_STORE_FAILED: LodeStatus = 5;
/// A version past the stream's end (StreamVersionNotFoundException). Fields: store_id, version,
/// current_version.
pub const LODE_STREAM_VERSION_NOT_FOUND: LodeStatus = 6;
/// No snapshot at that version (StreamSnapshotVersionNotFoundException). Fields: store_id, version.
pub const LODE_SNAPSHOT_VERSION_NOT_FOUND: LodeStatus = 7;
/// No record of that command id (StreamIdempotencyIdNotFoundException). Fields: id.
pub const LODE_IDEMPOTENCY_ID_NOT_FOUND: LodeStatus = 8;
/// An event or command id used before, outside an exact retry
/// (DuplicateEventStoreIdempotencyIdException). Fields: scope, id.
pub const LODE_DUPLICATE_IDEMPOTENCY_ID: LodeStatus = 9;
/// A bad argument: NULL, empty, too long, not UTF-8, out of range (ArgumentException). Fields:
/// argument, reason.
pub const LODE_INVALID_ARGUMENT: LodeStatus = 10;
/// Bytes that are not what they must be: a message that is not JSON, a damaged record.
/// Fields: key, version, reason.
pub const LODE_SERIALIZATION: LodeStatus = 11;
/// LMDB or the OS failed (disk full, map full, permissions). Fields: operation, storage_code,
/// storage_text.
pub const LODE_STORAGE: LodeStatus = 12;
/// The handle was closed and released (ObjectDisposedException). Fields: object.
pub const LODE_CLOSED: LodeStatus = 13;
/// A bug in the library (a caught panic); the process keeps running. Fields: detail.
pub const LODE_INTERNAL: LodeStatus = 14;
/// The caller cancelled a long call from its progress callback (a backup); what it had written
/// was removed. Fields: operation.
pub const LODE_CANCELLED: LodeStatus = 15;

/// A detailed error. Owned by the caller; free it with `lode_error_free`. Not thread-safe:
/// read it from one thread at a time.
pub struct LodeError {
    status: LodeStatus,
    message: CString,
    details: CString,
}

fn c_string(s: String) -> CString {
    CString::new(s.replace('\0', " ")).unwrap_or_default()
}

impl LodeError {
    pub(crate) fn from_error(e: &Error) -> LodeError {
        LodeError {
            status: e.kind() as i32,
            message: c_string(e.to_string()),
            details: c_string(e.details_json()),
        }
    }
}

/// The status code of `err` (LODE_INVALID_ARGUMENT when `err` is NULL).
#[no_mangle]
pub extern "C" fn lode_error_code(err: *const LodeError) -> LodeStatus {
    // SAFETY: a non-NULL `err` was made by this library and not freed (caller's contract).
    unsafe { err.as_ref() }.map_or(LODE_INVALID_ARGUMENT, |e| e.status)
}

/// The message of `err`: a full sentence, UTF-8, NUL-terminated, owned by `err` (valid until
/// `lode_error_free`). "" when `err` is NULL.
#[no_mangle]
pub extern "C" fn lode_error_message(err: *const LodeError) -> *const c_char {
    // SAFETY: as in lode_error_code.
    unsafe { err.as_ref() }.map_or(c"".as_ptr(), |e| e.message.as_ptr())
}

/// The fields of `err` as a JSON object, UTF-8, NUL-terminated, owned by `err`: always
/// `"kind"` (e.g. `"VersionMismatch"`), plus the fields listed at the kind's status code.
/// "{}" when `err` is NULL.
#[no_mangle]
pub extern "C" fn lode_error_details(err: *const LodeError) -> *const c_char {
    // SAFETY: as in lode_error_code.
    unsafe { err.as_ref() }.map_or(c"{}".as_ptr(), |e| e.details.as_ptr())
}

/// Frees an error. NULL is ignored. Freeing the same error twice is undefined behaviour, as with
/// `free()` (an error is memory, not a handle): set the pointer to NULL after freeing.
#[no_mangle]
pub extern "C" fn lode_error_free(err: *mut LodeError) {
    if !err.is_null() {
        // SAFETY: `err` came from Box::into_raw in this library and is freed once (caller's contract).
        drop(unsafe { Box::from_raw(err) });
    }
}

/// The name of a status code (`"LODE_VERSION_MISMATCH"`), static; `"LODE_UNKNOWN"` if unknown.
#[no_mangle]
pub extern "C" fn lode_status_name(status: LodeStatus) -> *const c_char {
    let name: &'static std::ffi::CStr = match status {
        LODE_OK => c"LODE_OK",
        LODE_VERSION_MISMATCH => c"LODE_VERSION_MISMATCH",
        LODE_STORE_NOT_OPEN => c"LODE_STORE_NOT_OPEN",
        LODE_SESSION_EXPIRED => c"LODE_SESSION_EXPIRED",
        LODE_INVALID_SESSION => c"LODE_INVALID_SESSION",
        LODE_OPEN_STORE_FAILED => c"LODE_OPEN_STORE_FAILED",
        LODE_STREAM_VERSION_NOT_FOUND => c"LODE_STREAM_VERSION_NOT_FOUND",
        LODE_SNAPSHOT_VERSION_NOT_FOUND => c"LODE_SNAPSHOT_VERSION_NOT_FOUND",
        LODE_IDEMPOTENCY_ID_NOT_FOUND => c"LODE_IDEMPOTENCY_ID_NOT_FOUND",
        LODE_DUPLICATE_IDEMPOTENCY_ID => c"LODE_DUPLICATE_IDEMPOTENCY_ID",
        LODE_INVALID_ARGUMENT => c"LODE_INVALID_ARGUMENT",
        LODE_SERIALIZATION => c"LODE_SERIALIZATION",
        LODE_STORAGE => c"LODE_STORAGE",
        LODE_CLOSED => c"LODE_CLOSED",
        LODE_INTERNAL => c"LODE_INTERNAL",
        LODE_CANCELLED => c"LODE_CANCELLED",
        _ => c"LODE_UNKNOWN",
    };
    name.as_ptr()
}

/// Limits on what callers hand in (R-SEC-3); past them a call gives LODE_INVALID_ARGUMENT.
/// Bytes of each of database, name and id.
pub const LODE_MAX_NAME_BYTES: usize = 160;
/// Bytes of one message or snapshot.
pub const LODE_MAX_MESSAGE_BYTES: usize = 64 << 20;
/// Messages in one append.
pub const LODE_MAX_BATCH_MESSAGES: usize = 1_000_000;
/// Bytes of a message id, event type, correlation id or command id.
pub const LODE_MAX_KEY_FIELD_BYTES: usize = 400;
/// Records one query call may return (its `max`).
pub const LODE_MAX_QUERY_RECORDS: i64 = 1_000_000;
/// Largest `max_readers` a provider accepts.
pub const LODE_MAX_READERS: u32 = 4096;
/// Deepest nesting of arrays and objects in a message or snapshot, the outer object counting as
/// level 1 (System.Text.Json's default maximum depth, so .NET readers can read every message).
pub const LODE_MAX_NESTING_DEPTH: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use lode_api::limits;
    use lode_api::ErrorKind as K;

    #[test]
    fn status_codes_are_the_error_kinds() {
        let pairs = [
            (LODE_VERSION_MISMATCH, K::VersionMismatch),
            (LODE_STORE_NOT_OPEN, K::StoreNotOpen),
            (LODE_SESSION_EXPIRED, K::SessionExpired),
            (LODE_INVALID_SESSION, K::InvalidSession),
            (LODE_OPEN_STORE_FAILED, K::OpenStoreFailed),
            (LODE_STREAM_VERSION_NOT_FOUND, K::StreamVersionNotFound),
            (LODE_SNAPSHOT_VERSION_NOT_FOUND, K::SnapshotVersionNotFound),
            (LODE_IDEMPOTENCY_ID_NOT_FOUND, K::IdempotencyIdNotFound),
            (LODE_DUPLICATE_IDEMPOTENCY_ID, K::DuplicateIdempotencyId),
            (LODE_INVALID_ARGUMENT, K::InvalidArgument),
            (LODE_SERIALIZATION, K::Serialization),
            (LODE_STORAGE, K::Storage),
            (LODE_CLOSED, K::Closed),
            (LODE_INTERNAL, K::Internal),
            (LODE_CANCELLED, K::Cancelled),
        ];
        for (code, kind) in pairs {
            assert_eq!(code, kind as i32, "{kind:?}");
        }
        assert_eq!(LODE_MAX_NAME_BYTES, limits::MAX_NAME_BYTES);
        assert_eq!(LODE_MAX_MESSAGE_BYTES, limits::MAX_MESSAGE_BYTES);
        assert_eq!(LODE_MAX_BATCH_MESSAGES, limits::MAX_BATCH_MESSAGES);
        assert_eq!(LODE_MAX_KEY_FIELD_BYTES, limits::MAX_KEY_FIELD_BYTES);
        assert_eq!(LODE_MAX_QUERY_RECORDS as usize, limits::MAX_QUERY_RECORDS);
        assert_eq!(LODE_MAX_READERS, limits::MAX_READERS);
        assert_eq!(LODE_MAX_NESTING_DEPTH, limits::MAX_NESTING_DEPTH);
    }
}
