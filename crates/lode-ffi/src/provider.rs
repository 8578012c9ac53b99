//! Library information, and opening and closing providers.

use std::ffi::c_char;
use std::time::Duration;

use serde::Deserialize;

use super::boundary::{bytes, guard, out, text};
use super::error::{LodeError, LodeStatus};
use super::handles::{self, Kind, Object};
use lode_api::{Durability, EventStoreProvider, ProviderSettings};
use lode_api::{Error, Result};

/// The version of the C ABI this header describes. It changes only when an existing function's
/// signature or meaning changes; compare it with `lode_abi_version()` at run time.
pub const LODE_ABI_VERSION: u32 = 1;

/// Pass as a timeout to use the provider's default.
pub const LODE_DEFAULT: i64 = -1;

/// An open store directory (IEventStoreProvider). Opaque.
///
/// Thread safety: a provider handle may be used from any number of threads at once.
pub struct LodeProvider {
    _opaque: [u8; 0],
}

/// The library's version, e.g. "0.1.0": static, NUL-terminated.
#[no_mangle]
pub extern "C" fn lode_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The ABI version of the loaded library (compare with LODE_ABI_VERSION).
#[no_mangle]
pub extern "C" fn lode_abi_version() -> u32 {
    LODE_ABI_VERSION
}

/// The keys `settings_json` takes (the fields of `SettingsJson`; the manifest lists them).
pub(crate) const SETTINGS_KEYS: [&str; 10] = [
    "default_database",
    "default_open_timeout_ms",
    "default_session_timeout_ms",
    "durability",
    "initial_map_size",
    "max_map_size",
    "file_mode",
    "directory_mode",
    "max_readers",
    "index_lag",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsJson {
    default_database: Option<String>,
    default_open_timeout_ms: Option<u64>,
    default_session_timeout_ms: Option<u64>,
    durability: Option<String>,
    initial_map_size: Option<usize>,
    max_map_size: Option<usize>,
    file_mode: Option<u32>,
    directory_mode: Option<u32>,
    max_readers: Option<u32>,
    index_lag: Option<u32>,
}

pub(crate) fn parse_settings(json: &[u8]) -> Result<ProviderSettings> {
    let mut s = ProviderSettings::default();
    if json.is_empty() {
        return Ok(s);
    }
    let j: SettingsJson = serde_json::from_slice(json).map_err(|e| {
        Error::invalid(
            "settings_json",
            format!("it is not a valid settings object: {e}"),
        )
    })?;
    if let Some(v) = j.default_database {
        s.default_database = v;
    }
    if let Some(v) = j.default_open_timeout_ms {
        s.default_open_timeout = Duration::from_millis(v);
    }
    if let Some(v) = j.default_session_timeout_ms {
        s.default_session_timeout = Duration::from_millis(v);
    }
    if let Some(v) = j.durability {
        s.durability = match v.as_str() {
            "full" => Durability::Full,
            "no_meta_sync" => Durability::NoMetaSync,
            "no_sync" => Durability::NoSync,
            other => {
                return Err(Error::invalid(
                    "settings_json",
                    format!(
                    "durability must be \"full\", \"no_meta_sync\" or \"no_sync\", not {other:?}"
                ),
                ))
            }
        };
    }
    if let Some(v) = j.initial_map_size {
        s.initial_map_size = v;
    }
    if let Some(v) = j.max_map_size {
        s.max_map_size = v;
    }
    if let Some(v) = j.file_mode {
        s.file_mode = v;
    }
    if let Some(v) = j.directory_mode {
        s.directory_mode = v;
    }
    if let Some(v) = j.max_readers {
        s.max_readers = v;
    }
    if let Some(v) = j.index_lag {
        s.index_lag = v;
    }
    Ok(s)
}

/// Opens (creating if needed) the store directory at `path` (UTF-8, `path_len` bytes).
///
/// `settings_json` (may be NULL with length 0 for all defaults) is a JSON object with any of:
/// `default_database` (string, "EventStores"), `default_open_timeout_ms` (5000),
/// `default_session_timeout_ms` (60000), `durability` ("full" | "no_meta_sync" | "no_sync"),
/// `initial_map_size` (bytes, 64 MiB), `max_map_size` (bytes, 1 TiB), `file_mode` (0600 = 384),
/// `directory_mode` (0700 = 448), `max_readers` (126), `index_lag` (32: how many log positions
/// the type, correlation and message-id indexes may lag the log; queries read that tail from
/// the log, so answers stay exact; 0 indexes every append; at most 4096). Unknown keys are
/// refused.
///
/// On success `*out_provider` receives a provider handle; release it with `lode_provider_close`.
/// Errors: LODE_INVALID_ARGUMENT (NULL/invalid path or settings), LODE_STORAGE (the directory
/// cannot be created or opened, or was written by a newer on-disk format).
#[no_mangle]
pub extern "C" fn lode_provider_open(
    path: *const u8,
    path_len: usize,
    settings_json: *const u8,
    settings_len: usize,
    out_provider: *mut *mut LodeProvider,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_provider", out_provider)?;
        *slot = std::ptr::null_mut();
        let path = text("path", path, path_len)?;
        if path.is_empty() {
            return Err(Error::invalid("path", "the path is empty"));
        }
        let settings = parse_settings(bytes("settings_json", settings_json, settings_len)?)?;
        let provider = EventStoreProvider::open(path, settings)?;
        *slot = handles::insert(Object::Provider(provider)) as *mut LodeProvider;
        Ok(())
    })
}

/// Releases a provider handle. Stores opened from it stay usable until they are freed.
/// NULL and an already closed handle are ignored (LODE_OK); a store handle gives
/// LODE_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn lode_provider_close(
    provider: *mut LodeProvider,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        drop(handles::remove(provider as usize, Kind::Provider)?);
        Ok(())
    })
}

/// Upgrades the store directory at `path` (UTF-8, `path_len` bytes) from an older on-disk format
/// (1 to 4) to the format this library reads, in one transaction: a crash at any moment leaves
/// the old format intact or the new format complete. A directory already in the current format is left as it is.
/// `settings_json` is as for `lode_provider_open` (the LMDB settings matter: map size, modes).
/// `*out_from_format` (may be NULL) receives the format the directory was in. No other process
/// may use the directory meanwhile. `lode_provider_open` of a directory in an older format fails with
/// LODE_STORAGE (storage code name "FORMAT_UPGRADE_NEEDED") and names this call.
/// Errors: LODE_INVALID_ARGUMENT (no store there, bad settings), LODE_SERIALIZATION (a damaged
/// format-1 store, left as it was), LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_upgrade_directory(
    path: *const u8,
    path_len: usize,
    settings_json: *const u8,
    settings_len: usize,
    out_from_format: *mut u32,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let path = text("path", path, path_len)?;
        if path.is_empty() {
            return Err(Error::invalid("path", "the path is empty"));
        }
        let settings = parse_settings(bytes("settings_json", settings_json, settings_len)?)?;
        let upgraded = lode_api::upgrade_directory(path, &settings)?;
        // SAFETY: a non-NULL out_from_format points at writable storage (caller's contract).
        if let Some(out) = unsafe { out_from_format.as_mut() } {
            *out = upgraded.from;
        }
        Ok(())
    })
}
