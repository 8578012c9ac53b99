//! The one panic boundary every entry point runs behind, and the argument readers.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::error::{LodeError, LodeStatus, LODE_OK};
use lode_api::{Error, Result};

/// Runs `body`, turning its error or panic into a status code and (when `err` is not NULL) a
/// detailed error in `*err`. Every exported fallible function is `guard(err, || ...)`.
pub fn guard(err: *mut *mut LodeError, body: impl FnOnce() -> Result<()>) -> LodeStatus {
    if !err.is_null() {
        // SAFETY: a non-NULL `err` points at writable storage for one pointer (caller's contract).
        unsafe { *err = std::ptr::null_mut() };
    }
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|panic| {
        Err(Error::Internal {
            detail: format!("panic: {}", lode_api::describe_panic(&*panic)),
        })
    });
    match outcome {
        Ok(()) => LODE_OK,
        Err(e) => {
            let status = e.kind() as i32;
            if !err.is_null() {
                // A panic while building the error must not escape either.
                if let Ok(boxed) = catch_unwind(|| Box::new(LodeError::from_error(&e))) {
                    // SAFETY: as above.
                    unsafe { *err = Box::into_raw(boxed) };
                }
            }
            status
        }
    }
}

/// Reads a UTF-8 string argument given as pointer and length. NULL is allowed only with
/// length 0 (the empty string).
pub(crate) fn text<'a>(name: &str, ptr: *const u8, len: usize) -> Result<&'a str> {
    std::str::from_utf8(bytes(name, ptr, len)?)
        .map_err(|e| Error::invalid(name, format!("it is not valid UTF-8 ({e})")))
}

/// Like [`text`], but NULL (with length 0) means "not given".
pub(crate) fn optional_text<'a>(name: &str, ptr: *const u8, len: usize) -> Result<Option<&'a str>> {
    if ptr.is_null() && len == 0 {
        return Ok(None);
    }
    text(name, ptr, len).map(Some)
}

/// Reads a byte-array argument. NULL is allowed only with length 0.
pub(crate) fn bytes<'a>(name: &str, ptr: *const u8, len: usize) -> Result<&'a [u8]> {
    if ptr.is_null() {
        if len == 0 {
            return Ok(&[]);
        }
        return Err(Error::invalid(
            name,
            format!("it is NULL but its length is {len}"),
        ));
    }
    if len > isize::MAX as usize {
        return Err(Error::invalid(
            name,
            format!("its length {len} is impossibly large"),
        ));
    }
    // SAFETY: the caller promises `ptr` points at `len` readable bytes that stay valid and
    // unchanged for the duration of the call (documented for every function).
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Checks an out-parameter is not NULL.
pub(crate) fn out<'a, T>(name: &str, ptr: *mut T) -> Result<&'a mut T> {
    // SAFETY: a non-NULL out-parameter points at writable storage for one T (caller's contract).
    unsafe { ptr.as_mut() }.ok_or_else(|| Error::invalid(name, "the out-parameter is NULL"))
}

/// A non-negative int64 argument (versions, positions, counts).
pub(crate) fn non_negative(name: &str, v: i64) -> Result<u64> {
    u64::try_from(v).map_err(|_| Error::invalid(name, format!("it must not be negative, not {v}")))
}

/// A timeout in milliseconds; `-1` (LODE_DEFAULT) means the provider's default.
pub(crate) fn timeout(name: &str, ms: i64) -> Result<Option<std::time::Duration>> {
    match ms {
        -1 => Ok(None),
        ms if ms < 0 => Err(Error::invalid(
            name,
            format!("it must be -1 (default) or at least 0 milliseconds, not {ms}"),
        )),
        ms => Ok(Some(std::time::Duration::from_millis(ms as u64))),
    }
}

/// A result count limit: at least 0, at most usize.
pub(crate) fn max_count(name: &str, v: i64) -> Result<usize> {
    let v = non_negative(name, v)?;
    usize::try_from(v).map_err(|_| Error::invalid(name, "it is too large"))
}

/// Test builds only (`--features test-hooks`): panics inside the boundary, so hosts can check
/// that a panic comes back as LODE_INTERNAL with a message and the process keeps running.
#[cfg(feature = "test-hooks")]
#[no_mangle]
pub extern "C" fn lode_test_panic(err: *mut *mut LodeError) -> LodeStatus {
    guard(err, || panic!("panic injected by lode_test_panic"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lode_error_code, lode_error_free, LODE_INTERNAL};

    /// R-BAD-2: a panic inside an entry point comes back as LODE_INTERNAL with a message.
    #[test]
    fn r_bad_2_a_panic_becomes_the_internal_status() {
        let mut err = std::ptr::null_mut();
        let status = guard(&mut err, || panic!("injected"));
        assert_eq!(status, LODE_INTERNAL);
        assert_eq!(lode_error_code(err), LODE_INTERNAL);
        // SAFETY: err was just made by guard.
        let msg = unsafe { std::ffi::CStr::from_ptr(crate::lode_error_message(err)) };
        assert!(msg.to_str().unwrap().contains("injected"));
        lode_error_free(err);
        // NULL err is allowed.
        assert_eq!(
            guard(std::ptr::null_mut(), || panic!("again")),
            LODE_INTERNAL
        );
    }
}
