//! Library-owned output buffers.

use super::boundary::{bytes, guard};
use super::error::{LodeError, LodeStatus};

/// Bytes the library hands back: a JSON document (an array of messages or records, a JSON
/// object, or an array of numbers) and how many items it holds. Owned by the caller; free it
/// with `lode_buffer_free`. Not thread-safe: use from one thread at a time.
pub struct LodeBuffer {
    pub(crate) data: Vec<u8>,
    pub(crate) count: usize,
}

/// A byte string handed in: `len` bytes at `ptr` (NULL allowed only when `len` is 0).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct LodeBytes {
    pub ptr: *const u8,
    pub len: usize,
}

impl LodeBuffer {
    pub(crate) fn boxed(data: Vec<u8>, count: usize) -> *mut LodeBuffer {
        Box::into_raw(Box::new(LodeBuffer { data, count }))
    }
}

/// The buffer's bytes (not NUL-terminated), valid until `lode_buffer_free`. NULL if `buf` is NULL.
#[no_mangle]
pub extern "C" fn lode_buffer_data(buf: *const LodeBuffer) -> *const u8 {
    // SAFETY: a non-NULL `buf` was made by this library and not freed (caller's contract).
    unsafe { buf.as_ref() }.map_or(std::ptr::null(), |b| b.data.as_ptr())
}

/// The number of bytes in the buffer. 0 if `buf` is NULL.
#[no_mangle]
pub extern "C" fn lode_buffer_len(buf: *const LodeBuffer) -> usize {
    // SAFETY: as in lode_buffer_data.
    unsafe { buf.as_ref() }.map_or(0, |b| b.data.len())
}

/// The number of items (messages, records, versions) in the buffer's JSON array; 1 for a single
/// JSON object. 0 if `buf` is NULL.
#[no_mangle]
pub extern "C" fn lode_buffer_count(buf: *const LodeBuffer) -> usize {
    // SAFETY: as in lode_buffer_data.
    unsafe { buf.as_ref() }.map_or(0, |b| b.count)
}

/// Replaces the buffer's bytes with a copy of `len` bytes at `data`. Used by a
/// `lode_snapshot_fn` callback to hand back its snapshot. Status: LODE_INVALID_ARGUMENT for a
/// NULL `buf`, or NULL `data` with `len` > 0.
#[no_mangle]
pub extern "C" fn lode_buffer_write(
    buf: *mut LodeBuffer,
    data: *const u8,
    len: usize,
) -> LodeStatus {
    guard(std::ptr::null_mut::<*mut LodeError>(), || {
        let input = bytes("data", data, len)?;
        // SAFETY: a non-NULL `buf` was made by this library and not freed (caller's contract).
        let b = unsafe { buf.as_mut() }
            .ok_or_else(|| crate::Error::invalid("buf", "the buffer is NULL"))?;
        b.data.clear();
        b.data.extend_from_slice(input);
        b.count = 1;
        Ok(())
    })
}

/// Frees a buffer. NULL is ignored.
#[no_mangle]
pub extern "C" fn lode_buffer_free(buf: *mut LodeBuffer) {
    if !buf.is_null() {
        // SAFETY: `buf` came from Box::into_raw in this library and is freed once (caller's contract).
        drop(unsafe { Box::from_raw(buf) });
    }
}
