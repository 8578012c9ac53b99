//! The error kinds of `behaviour.md`, one variant each, with the fields each one names.
//!
//! Every public call returns [`Result<T>`]. The C ABI maps [`Error::kind`] to a stable status
//! code (`ffi::status`), and the bindings map it to one exception class per kind.

use std::fmt;

/// The result of every fallible call of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A point in time, as UTC microseconds since the Unix epoch (what the store records).
pub type Micros = i64;

/// Formats UTC microseconds as ISO-8601 with an explicit `+00:00` offset (the wire format):
/// `2026-12-01T18:28:54.604842+00:00`, the fraction left out when it is zero.
///
/// Every record a query or the log returns carries one, so the years 0 to 9999 are written
/// digit by digit (chrono's `format` cost ~5,300 instructions a record, a third of a query by
/// type, P7); other years, and times chrono cannot represent, take [`format_micros_chrono`].
pub fn format_micros(micros: Micros) -> String {
    use chrono::{Datelike, Timelike};
    let Some(t) = chrono::DateTime::from_timestamp_micros(micros) else {
        return format!("{micros}us");
    };
    let year = t.year();
    if !(0..=9999).contains(&year) {
        return format_micros_chrono(micros);
    }
    let fraction = t.timestamp_subsec_micros();
    let mut out = [0u8; 32];
    let mut n = 0;
    let mut put = |value: u32, digits: u32, after: u8| {
        for k in (0..digits).rev() {
            out[n] = b'0' + (value / 10u32.pow(k) % 10) as u8;
            n += 1;
        }
        if after != 0 {
            out[n] = after;
            n += 1;
        }
    };
    put(year as u32, 4, b'-');
    put(t.month(), 2, b'-');
    put(t.day(), 2, b'T');
    put(t.hour(), 2, b':');
    put(t.minute(), 2, b':');
    if fraction == 0 {
        put(t.second(), 2, 0);
    } else {
        put(t.second(), 2, b'.');
        put(fraction, 6, 0);
    }
    let mut s = String::with_capacity(n + 6);
    s.push_str(std::str::from_utf8(&out[..n]).expect("ASCII digits and separators"));
    s.push_str("+00:00");
    s
}

/// [`format_micros`] through chrono's formatter: every year chrono represents (a year above
/// 9999 gets its `+` sign), and the reference the fast path is tested against.
#[doc(hidden)]
pub fn format_micros_chrono(micros: Micros) -> String {
    match chrono::DateTime::from_timestamp_micros(micros) {
        Some(t) => t
            .format("%Y-%m-%dT%H:%M:%S%.6f+00:00")
            .to_string()
            .replace(".000000+", "+"),
        None => format!("{micros}us"),
    }
}

/// The stable kind of an error; one per row of the error table of `behaviour.md`.
///
/// The discriminants are the C ABI status codes and never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(i32)]
pub enum ErrorKind {
    VersionMismatch = 1,
    StoreNotOpen = 2,
    SessionExpired = 3,
    InvalidSession = 4,
    OpenStoreFailed = 5,
    StreamVersionNotFound = 6,
    SnapshotVersionNotFound = 7,
    IdempotencyIdNotFound = 8,
    DuplicateIdempotencyId = 9,
    InvalidArgument = 10,
    Serialization = 11,
    Storage = 12,
    Closed = 13,
    Internal = 14,
    Cancelled = 15,
}

impl ErrorKind {
    /// The name used in messages, logs and the bindings (`"VersionMismatch"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::VersionMismatch => "VersionMismatch",
            ErrorKind::StoreNotOpen => "StoreNotOpen",
            ErrorKind::SessionExpired => "SessionExpired",
            ErrorKind::InvalidSession => "InvalidSession",
            ErrorKind::OpenStoreFailed => "OpenStoreFailed",
            ErrorKind::StreamVersionNotFound => "StreamVersionNotFound",
            ErrorKind::SnapshotVersionNotFound => "SnapshotVersionNotFound",
            ErrorKind::IdempotencyIdNotFound => "IdempotencyIdNotFound",
            ErrorKind::DuplicateIdempotencyId => "DuplicateIdempotencyId",
            ErrorKind::InvalidArgument => "InvalidArgument",
            ErrorKind::Serialization => "Serialization",
            ErrorKind::Storage => "Storage",
            ErrorKind::Closed => "Closed",
            ErrorKind::Internal => "Internal",
            ErrorKind::Cancelled => "Cancelled",
        }
    }
}

/// The error a storage backend reported, kept as the source of [`Error::Storage`] (the
/// InnerException of .NET).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageCause {
    /// The backend that failed (`"lmdb"`, or `"os"` for a file-system call of this library).
    pub backend: &'static str,
    /// The backend's code for the failure, as text: `"MDB_MAP_FULL"`, `"ENOSPC"`, ...
    pub code: String,
    /// The backend's number for it where it has one (LMDB's return code, `errno`).
    pub number: Option<i64>,
    /// The backend's own message.
    pub message: String,
}

impl fmt::Display for StorageCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} {})", self.message, self.backend, self.code)
    }
}

impl std::error::Error for StorageCause {}

/// Every failure of the store. Variants are exactly the error kinds of `behaviour.md`.
///
/// Messages are full sentences: what happened, to which store, and what to do.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// B-APP-3: a message's `SequenceNumber` is not the version the stream expected it to carry.
    #[error(
        "Version mismatch in store '{store_id}': message '{message_id}' carries SequenceNumber \
         {actual_version}, but the stream expected version {expected_version} for it. Nothing of the \
         batch was written; reload the stream and retry."
    )]
    VersionMismatch {
        store_id: String,
        /// The version the stream expected this message to carry: the stream's version before
        /// the batch plus the message's place in it (.NET `ExpectedVersion`).
        expected_version: u64,
        /// The `SequenceNumber` the message carried (.NET `ActualVersion`; may be 0 or negative).
        actual_version: i64,
        message_id: String,
    },

    /// B-SES-4: a call on a store that was never opened, or was closed.
    #[error("Store '{store_id}' is not open. Open it before {operation}.")]
    StoreNotOpen { store_id: String, operation: String },

    /// B-SES-4: the session's lease expired before the call.
    #[error(
        "The session '{session_id}' of store '{store_id}' expired at {}. Reopen the store and retry.",
        format_micros(*expired_at)
    )]
    SessionExpired {
        store_id: String,
        session_id: String,
        expired_at: Micros,
    },

    /// B-SES-4: the lease now belongs to another session.
    #[error(
        "The session '{session_id}' no longer holds store '{store_id}': session '{holder_session_id}' holds it \
         now. Reopen the store to continue."
    )]
    InvalidSession {
        store_id: String,
        session_id: String,
        holder_session_id: String,
    },

    /// B-SES-3: another live session held the lease for the whole open timeout.
    #[error(
        "Could not open store '{store_id}' within {timeout_ms} ms: session '{holder_session_id}' (process \
         {holder_pid}) holds it until {}. Retry later or use a longer open timeout.",
        format_micros(*holder_expires_at)
    )]
    OpenStoreFailed {
        store_id: String,
        timeout_ms: u64,
        holder_session_id: String,
        holder_pid: u32,
        holder_expires_at: Micros,
    },

    /// B-RD-3, B-SNP-1: a version past the stream's end (or 0 where 1.. is required).
    #[error(
        "Version {version} of store '{store_id}' does not exist: the stream is at version {current_version}."
    )]
    StreamVersionNotFound {
        store_id: String,
        version: u64,
        current_version: u64,
    },

    /// B-SNP-3: no snapshot at that version.
    #[error("Store '{store_id}' has no snapshot at version {version}.")]
    SnapshotVersionNotFound { store_id: String, version: u64 },

    /// Q-CMD-2: no record of that command (or idempotency) id.
    #[error("No command with id '{id}' was recorded in this event store.")]
    IdempotencyIdNotFound { id: String },

    /// B-APP-6, Q-CMD-1: an id already used, outside an exact retry.
    #[error(
        "The id '{id}' was already used in {scope}. Nothing of the batch was written; give each event and \
         command a new id, or resend the whole original batch to retry it."
    )]
    DuplicateIdempotencyId {
        /// The store id (`database/name/id`) for message ids, or `"this event store"` for commands.
        scope: String,
        id: String,
    },

    /// Bad input: an empty or over-long name, a bad range, a malformed message, ...
    #[error("Invalid argument '{argument}': {reason}.")]
    InvalidArgument { argument: String, reason: String },

    /// B-RD-6, B-APP-8, R-BAD-3: bytes that are not what they must be.
    #[error("Serialization error in {key}: {reason}.")]
    Serialization {
        /// Where: `store 'db/name/id' version 7`, or `message 3 of the batch`.
        key: String,
        /// The version concerned, when there is one.
        version: Option<u64>,
        reason: String,
    },

    /// An LMDB or OS failure (disk full, map full, permissions, ...), original kept as source.
    #[error("Storage error while {operation}: {source}. {hint}")]
    Storage {
        operation: String,
        hint: String,
        #[source]
        source: Box<StorageCause>,
    },

    /// A call on a provider or store that was closed and released (ObjectDisposed in .NET).
    #[error("The {object} was closed and released; create a new one.")]
    Closed { object: String },

    /// A bug: a caught panic. The process keeps running.
    #[error("Internal error in the event store library: {detail}. Please report it.")]
    Internal { detail: String },

    /// The caller stopped a long call (a backup) from its progress callback; what the call had
    /// written so far was removed (K-BAK-5).
    #[error("The {operation} was cancelled by its caller; {outcome}")]
    Cancelled {
        operation: String,
        /// What was left behind (`"nothing was written at '/backups/b1'."`).
        outcome: String,
    },
}

impl Error {
    /// The stable kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::VersionMismatch { .. } => ErrorKind::VersionMismatch,
            Error::StoreNotOpen { .. } => ErrorKind::StoreNotOpen,
            Error::SessionExpired { .. } => ErrorKind::SessionExpired,
            Error::InvalidSession { .. } => ErrorKind::InvalidSession,
            Error::OpenStoreFailed { .. } => ErrorKind::OpenStoreFailed,
            Error::StreamVersionNotFound { .. } => ErrorKind::StreamVersionNotFound,
            Error::SnapshotVersionNotFound { .. } => ErrorKind::SnapshotVersionNotFound,
            Error::IdempotencyIdNotFound { .. } => ErrorKind::IdempotencyIdNotFound,
            Error::DuplicateIdempotencyId { .. } => ErrorKind::DuplicateIdempotencyId,
            Error::InvalidArgument { .. } => ErrorKind::InvalidArgument,
            Error::Serialization { .. } => ErrorKind::Serialization,
            Error::Storage { .. } => ErrorKind::Storage,
            Error::Closed { .. } => ErrorKind::Closed,
            Error::Internal { .. } => ErrorKind::Internal,
            Error::Cancelled { .. } => ErrorKind::Cancelled,
        }
    }

    /// An InvalidArgument error (also for callers' own callbacks, e.g. in `snapshot_all`).
    pub fn invalid(argument: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::InvalidArgument {
            argument: argument.into(),
            reason: reason.into(),
        }
    }

    /// A Serialization error for a damaged record of the global log at `position`; its key is
    /// [`log_position_key`], which [`Error::log_position`] reads back.
    pub fn damaged_log(position: u64, reason: impl Into<String>) -> Error {
        Error::Serialization {
            key: log_position_key(position),
            version: None,
            reason: reason.into(),
        }
    }

    /// The log position a [`Error::damaged_log`] error names (verify resumes its walk after
    /// it); `None` for any other error.
    pub fn log_position(&self) -> Option<u64> {
        match self {
            Error::Serialization { key, .. } => key.strip_prefix(LOG_POSITION_PREFIX)?.parse().ok(),
            _ => None,
        }
    }

    /// A Serialization error for a damaged record of store `store_id` at `version`.
    pub fn corrupt(store_id: &str, version: u64, reason: impl Into<String>) -> Error {
        Error::Serialization {
            key: format!("store '{store_id}' version {version}"),
            version: Some(version),
            reason: reason.into(),
        }
    }

    /// The error's fields as one JSON object (`{"kind": "...", "store_id": ..., ...}`): what the
    /// C ABI hands back and what the bindings turn into exception attributes.
    pub fn details_json(&self) -> String {
        use serde_json::json;
        let mut v = match self {
            Error::VersionMismatch {
                store_id,
                expected_version,
                actual_version,
                message_id,
            } => json!({"store_id": store_id, "expected_version": expected_version,
                        "actual_version": actual_version, "message_id": message_id}),
            Error::StoreNotOpen {
                store_id,
                operation,
            } => json!({"store_id": store_id, "operation": operation}),
            Error::SessionExpired {
                store_id,
                session_id,
                expired_at,
            } => json!({"store_id": store_id, "session_id": session_id,
                        "expired_at": format_micros(*expired_at), "expired_at_us": expired_at}),
            Error::InvalidSession {
                store_id,
                session_id,
                holder_session_id,
            } => json!({"store_id": store_id, "session_id": session_id,
                        "holder_session_id": holder_session_id}),
            Error::OpenStoreFailed {
                store_id,
                timeout_ms,
                holder_session_id,
                holder_pid,
                holder_expires_at,
            } => json!({"store_id": store_id, "timeout_ms": timeout_ms,
                        "holder_session_id": holder_session_id, "holder_pid": holder_pid,
                        "holder_expires_at": format_micros(*holder_expires_at),
                        "holder_expires_at_us": holder_expires_at}),
            Error::StreamVersionNotFound {
                store_id,
                version,
                current_version,
            } => {
                json!({"store_id": store_id, "version": version, "current_version": current_version})
            }
            Error::SnapshotVersionNotFound { store_id, version } => {
                json!({"store_id": store_id, "version": version})
            }
            Error::IdempotencyIdNotFound { id } => json!({ "id": id }),
            Error::DuplicateIdempotencyId { scope, id } => json!({"scope": scope, "id": id}),
            Error::InvalidArgument { argument, reason } => {
                json!({"argument": argument, "reason": reason})
            }
            Error::Serialization {
                key,
                version,
                reason,
            } => json!({"key": key, "version": version, "reason": reason}),
            Error::Storage {
                operation, source, ..
            } => json!({"operation": operation, "backend": source.backend,
                        "storage_code": source.number, "storage_code_name": source.code,
                        "storage_text": source.message}),
            Error::Closed { object } => json!({ "object": object }),
            Error::Internal { detail } => json!({ "detail": detail }),
            Error::Cancelled { operation, .. } => json!({ "operation": operation }),
        };
        v["kind"] = json!(self.kind().name());
        v.to_string()
    }
}

const LOG_POSITION_PREFIX: &str = "global log position ";

/// How errors and reports name a place in the global log: `global log position 12`.
pub fn log_position_key(position: u64) -> String {
    format!("{LOG_POSITION_PREFIX}{position}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// verify resumes a log walk after the position a damage error names: the name and its
    /// reading are one pair, and no other error names a position.
    #[test]
    fn a_damaged_log_error_names_its_position_and_nothing_else_does() {
        for position in [0, 1, 12, u64::MAX] {
            let e = Error::damaged_log(position, "the entry is damaged");
            assert_eq!(e.log_position(), Some(position));
            assert!(e.to_string().contains(&log_position_key(position)), "{e}");
        }
        assert_eq!(
            Error::corrupt("db/name/id", 12, "damaged").log_position(),
            None
        );
        assert_eq!(Error::invalid("position", "12").log_position(), None);
    }

    /// The digit-by-digit `format_micros` (wire-format.md: ISO-8601, `+00:00`, a zero fraction
    /// left out) writes exactly what chrono's formatter writes, at the ends of its range, around the epoch, at whole seconds and at
    /// a spread of other times; outside it, it is chrono's text.
    #[test]
    fn format_micros_writes_what_chrono_writes() {
        let year = |y: i32| {
            chrono::NaiveDate::from_ymd_opt(y, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp_micros()
        };
        let mut cases = vec![
            0,
            1,
            -1,
            999_999,
            1_000_000,
            -1_000_000,
            1_764_614_934_604_842,
            year(0),
            year(0) - 1,
            year(1),
            year(10_000) - 1,
            year(10_000),
            year(-1),
            i64::MAX,
            i64::MIN,
        ];
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Times from year -300 to 12,000, some of them whole seconds.
            let span = (year(12_000) - year(-300)) as u64;
            let t = year(-300) + (x % span) as i64;
            cases.push(t);
            cases.push(t - t.rem_euclid(1_000_000));
        }
        for t in cases {
            assert_eq!(format_micros(t), format_micros_chrono(t), "at {t} µs");
        }
        assert_eq!(format_micros(1_000_000), "1970-01-01T00:00:01+00:00");
        assert_eq!(format_micros(-1), "1969-12-31T23:59:59.999999+00:00");
    }
}
