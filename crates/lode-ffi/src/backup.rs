//! Online backup, verify and the check of a backup (docs/backup.md, K-BAK-*).
//!
//! Every call here is synchronous: it returns when the work is done, and the progress callback
//! of `lode_provider_backup` runs on the calling thread, inside the call, between pieces of the
//! copy, never inside a transaction or under a lock. A host that wants the copy off its thread
//! calls `lode_provider_backup` from a thread of its own (the C# binding does).
//!
//! Results are one JSON object in a `lode_buffer` (count 1): the backup's info, a verify
//! report, or a backup check (their fields are listed in `include/lode-manifest.json`).

use std::ffi::c_void;

use serde::Deserialize;

use super::boundary::{bytes, guard, out, text};
use super::buffer::LodeBuffer;
use super::error::{LodeError, LodeStatus};
use super::handles;
use super::provider::LodeProvider;
use lode_api::{BackupOptions, BackupProgress, Error, Result};

/// The keys `options_json` of `lode_provider_backup` takes (the manifest lists them).
pub(crate) const BACKUP_OPTION_KEYS: [&str; 3] = ["compact", "verify", "max_bytes_per_second"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionsJson {
    compact: Option<bool>,
    verify: Option<bool>,
    max_bytes_per_second: Option<u64>,
}

pub(crate) fn parse_backup_options(json: &[u8]) -> Result<BackupOptions> {
    let mut o = BackupOptions::default();
    if json.is_empty() {
        return Ok(o);
    }
    let j: OptionsJson = serde_json::from_slice(json).map_err(|e| {
        Error::invalid(
            "options_json",
            format!("it is not a valid backup options object: {e}"),
        )
    })?;
    o.compact = j.compact.unwrap_or(false);
    o.verify = j.verify.unwrap_or(false);
    o.max_bytes_per_second = j.max_bytes_per_second.filter(|n| *n > 0);
    Ok(o)
}

/// Called by `lode_provider_backup` with the bytes copied so far (`done`) of about `total`
/// (the data's size when the copy started; for a compacted copy an estimate; raised to `done`
/// if the copy grows past it; `done == total` in the last call). It runs on the thread that
/// called `lode_provider_backup`, inside that call, with no lock or transaction held: it may
/// call into the library (an append that must grow the store's memory map then waits until the
/// copy ends). Return 0 to go on; any other value cancels the backup, which then returns
/// LODE_CANCELLED and leaves nothing at the target.
pub type LodeProgressFn =
    Option<extern "C" fn(user_data: *mut c_void, done: i64, total: i64) -> i32>;

fn buffer_of(value: serde_json::Value) -> *mut LodeBuffer {
    LodeBuffer::boxed(value.to_string().into_bytes(), 1)
}

fn path_arg<'a>(ptr: *const u8, len: usize) -> Result<&'a str> {
    let path = text("path", ptr, len)?;
    if path.is_empty() {
        return Err(Error::invalid("path", "the path is empty"));
    }
    Ok(path)
}

/// K-BAK-1: writes a consistent point-in-time copy of the provider's store into the new
/// directory `path` (UTF-8, `path_len` bytes) while other threads and processes go on
/// appending. `path` must not exist, or be an empty directory, outside the store's directory;
/// its parent must exist. The copy gets the store's `file_mode` and `directory_mode`. It is
/// written as `<path>.partial-<pid>-<n>` and renamed to `path` only when it is whole, synced
/// and described by its `backup.json`: a killed process leaves only the `.partial-` directory.
///
/// `options_json` (NULL with length 0 for the defaults): `compact` (bool, false: leave out free
/// pages), `verify` (bool, false: verify the copy before it is renamed into place; a copy that
/// does not verify is removed and the call fails with LODE_SERIALIZATION),
/// `max_bytes_per_second` (number, none: limit the copy's write rate). Unknown keys are refused.
///
/// `progress` (may be NULL) is called at the start, about every 100 ms, and once at the end,
/// on this thread (see `lode_progress_fn`); `user_data` is passed to it unchanged and used only
/// during this call. On success `*out_info` (may be NULL if not wanted) receives a buffer
/// holding the JSON object `{"path", "source", "position", "bytes", "compacted", "verified",
/// "created_at", "created_at_us", "library_version", "backend", "format_version"}`:
/// `position` is the global log position the copy holds (it has exactly the events
/// `1..=position`).
///
/// The copy holds one read snapshot of the store for its whole run: writers go on, but pages
/// they free meanwhile are not reused until it ends (the data file may grow).
/// Thread safety: any thread; several backups may run at once.
/// Errors: LODE_INVALID_ARGUMENT (NULL or bad arguments; `path` exists and is not empty, is a
/// file, lies inside the store, or its parent is missing), LODE_CANCELLED (the callback
/// returned nonzero), LODE_STORAGE (the copy failed: disk full, permissions),
/// LODE_SERIALIZATION (`verify` found the copy damaged), LODE_CLOSED.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn lode_provider_backup(
    provider: *mut LodeProvider,
    path: *const u8,
    path_len: usize,
    options_json: *const u8,
    options_len: usize,
    progress: LodeProgressFn,
    user_data: *mut c_void,
    out_info: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        // SAFETY: a non-NULL out-parameter points at writable storage for one pointer.
        let slot = unsafe { out_info.as_mut() };
        let mut slot = slot.map(|s| {
            *s = std::ptr::null_mut();
            s
        });
        let p = handles::provider(provider as usize)?;
        let path = path_arg(path, path_len)?;
        let options = parse_backup_options(bytes("options_json", options_json, options_len)?)?;
        let info = p.backup(path, &options, |BackupProgress { done, total }| {
            progress.is_none_or(|f| {
                f(
                    user_data,
                    i64::try_from(done).unwrap_or(i64::MAX),
                    i64::try_from(total).unwrap_or(i64::MAX),
                ) == 0
            })
        })?;
        if let Some(s) = slot.as_mut() {
            **s = buffer_of(info.to_json());
        }
        Ok(())
    })
}

/// Checks every invariant of the provider's store in one read snapshot (the `verify` of the
/// crash tests): every record's CRC, every stream gap-free with its version in each message,
/// the global log 1..M over every event once, every index and command record agreeing with the
/// streams, leases and snapshots well formed. Damage is reported, never repaired. On success
/// (also when damage is found) `*out_report` receives a buffer holding `{"ok", "streams",
/// "events", "log_entries", "index_entries", "commands", "leases", "snapshots", "position",
/// "problem_count", "problems": [{"kind", "place", "detail", "store_id", "version",
/// "position"}]}` (the first 100 problems; absent locations are null). Holds one read snapshot
/// while it runs; memory grows with the store (about 100 bytes per event).
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED, LODE_STORAGE (the store could not be read).
#[no_mangle]
pub extern "C" fn lode_provider_verify(
    provider: *mut LodeProvider,
    out_report: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_report", out_report)?;
        *slot = std::ptr::null_mut();
        let report = handles::provider(provider as usize)?.verify()?;
        *slot = buffer_of(report.to_json());
        Ok(())
    })
}

/// `lode_provider_verify` for the store directory `path`, whether or not a process has it open.
/// Nothing is created: a directory without a store gives LODE_STORAGE (storage code
/// `NOT_A_STORE`). A directory this process has open is checked through that environment.
#[no_mangle]
pub extern "C" fn lode_verify(
    path: *const u8,
    path_len: usize,
    out_report: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_report", out_report)?;
        *slot = std::ptr::null_mut();
        let report = lode_api::verify_directory(path_arg(path, path_len)?)?;
        *slot = buffer_of(report.to_json());
        Ok(())
    })
}

/// K-BAK-7: checks the backup directory `path` against the provider's store, its source: the
/// copy verifies, its `backup.json` records the position the copy holds, and every event at
/// positions `1..=position` and every command record of the copy is the source's, byte for byte
/// (the source may have gone on appending). Snapshots and leases are not compared. On success
/// (also when they disagree) `*out_report` receives `{"ok", "path", "position",
/// "recorded_position", "recorded", "source_position", "events_compared", "commands_compared",
/// "backup": <the copy's verify report>, "problem_count", "problems"}`.
/// Errors: LODE_INVALID_ARGUMENT (`path` is the store itself), LODE_STORAGE (no store at
/// `path`), LODE_CLOSED.
#[no_mangle]
pub extern "C" fn lode_provider_check_backup(
    provider: *mut LodeProvider,
    path: *const u8,
    path_len: usize,
    out_report: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_report", out_report)?;
        *slot = std::ptr::null_mut();
        let p = handles::provider(provider as usize)?;
        let check = p.check_backup(path_arg(path, path_len)?)?;
        *slot = buffer_of(check.to_json());
        Ok(())
    })
}
