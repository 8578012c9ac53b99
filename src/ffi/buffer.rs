//! Library-owned output buffers.

use std::ops::Range;

use super::boundary::{bytes, guard, out};
use super::error::{LodeError, LodeStatus};

/// Bytes the library hands back: a JSON document (an array of messages or records, a JSON
/// object, or an array of numbers) and how many items it holds. Owned by the caller; free it
/// with `lode_buffer_free`. Not thread-safe: use from one thread at a time.
pub struct LodeBuffer {
    pub(crate) data: Vec<u8>,
    pub(crate) count: usize,
    /// Byte ranges of the top-level array's items, and of the stored message in each item (the
    /// item itself for read results; the record's "Message" member for query results). Empty
    /// for buffers that hold no messages.
    pub(crate) items: Vec<Range<usize>>,
    pub(crate) messages: Vec<Range<usize>>,
    /// `messages` flattened as `[start0, end0, start1, end1, ...]` for hosts that take all the
    /// ranges in one call.
    pub(crate) message_offsets: Vec<usize>,
}

/// A byte string handed in: `len` bytes at `ptr` (NULL allowed only when `len` is 0).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct LodeBytes {
    pub ptr: *const u8,
    pub len: usize,
}

impl LodeBuffer {
    pub(crate) fn new(data: Vec<u8>, count: usize) -> LodeBuffer {
        LodeBuffer {
            data,
            count,
            items: Vec::new(),
            messages: Vec::new(),
            message_offsets: Vec::new(),
        }
    }

    fn with_offsets(mut self) -> Box<LodeBuffer> {
        self.message_offsets = self
            .messages
            .iter()
            .flat_map(|r| [r.start, r.end])
            .collect();
        Box::new(self)
    }

    pub(crate) fn boxed(data: Vec<u8>, count: usize) -> *mut LodeBuffer {
        Box::into_raw(Box::new(LodeBuffer::new(data, count)))
    }

    /// A read result: the JSON array of messages with each message's range.
    pub(crate) fn of_messages(messages: crate::Messages) -> *mut LodeBuffer {
        let (data, spans) = messages.into_parts();
        let b = LodeBuffer {
            count: spans.len(),
            items: spans.clone(),
            messages: spans,
            ..LodeBuffer::new(data, 0)
        };
        Box::into_raw(b.with_offsets())
    }

    /// A query result: the JSON array of records, each ending with its stored message. The
    /// message's range is recorded where its bytes are written, so it is exact whatever the
    /// stored bytes hold (trailing white space included).
    pub(crate) fn of_records(records: &[crate::LogRecord]) -> crate::Result<*mut LodeBuffer> {
        let bytes: usize = records.iter().map(|r| r.message.len() + 400).sum();
        let mut b = LodeBuffer::new(Vec::with_capacity(bytes + 2), records.len());
        b.data.push(b'[');
        for (i, r) in records.iter().enumerate() {
            if i > 0 {
                b.data.push(b',');
            }
            let start = b.data.len();
            let (message_start, message_end) = r.write_json(&mut b.data)?;
            b.items.push(start..b.data.len());
            b.messages.push(message_start..message_end);
        }
        b.data.push(b']');
        Ok(Box::into_raw(b.with_offsets()))
    }

    fn range(&self, which: &[Range<usize>], index: usize) -> crate::Result<&[u8]> {
        if which.is_empty() && self.count > 0 {
            return Err(crate::Error::invalid(
                "buf",
                "this buffer holds no messages or records",
            ));
        }
        let r = which.get(index).ok_or_else(|| {
            crate::Error::invalid(
                "index",
                format!("it is {index}, but the buffer holds {} items", which.len()),
            )
        })?;
        Ok(&self.data[r.clone()])
    }
}

fn hand_range(
    buf: *const LodeBuffer,
    index: usize,
    out_data: *mut *const u8,
    out_len: *mut usize,
    messages: bool,
) -> LodeStatus {
    guard(std::ptr::null_mut::<*mut LodeError>(), || {
        let data_slot = out("out_data", out_data)?;
        let len_slot = out("out_len", out_len)?;
        // SAFETY: a non-NULL `buf` was made by this library and not freed (caller's contract).
        let b = unsafe { buf.as_ref() }
            .ok_or_else(|| crate::Error::invalid("buf", "the buffer is NULL"))?;
        let bytes = b.range(if messages { &b.messages } else { &b.items }, index)?;
        *data_slot = bytes.as_ptr();
        *len_slot = bytes.len();
        Ok(())
    })
}

/// Item `index` of the buffer's JSON array (a message of a read result, a record of a query
/// result): its bytes go to `*out_data` and `*out_len`, valid until `lode_buffer_free`. Lets a
/// host take each item without a JSON parser. LODE_INVALID_ARGUMENT for NULL arguments, an
/// index ≥ `lode_buffer_count`, or a buffer that holds no messages or records.
#[no_mangle]
pub extern "C" fn lode_buffer_item(
    buf: *const LodeBuffer,
    index: usize,
    out_data: *mut *const u8,
    out_len: *mut usize,
) -> LodeStatus {
    hand_range(buf, index, out_data, out_len, false)
}

/// The stored EventMessage of item `index`, byte for byte: the item itself for read results,
/// the record's `"Message"` member for query results. Same ownership and errors as
/// `lode_buffer_item`.
#[no_mangle]
pub extern "C" fn lode_buffer_message(
    buf: *const LodeBuffer,
    index: usize,
    out_data: *mut *const u8,
    out_len: *mut usize,
) -> LodeStatus {
    hand_range(buf, index, out_data, out_len, true)
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
        // The old contents' item ranges would point into (or past) the new bytes.
        b.items.clear();
        b.messages.clear();
        b.message_offsets.clear();
        Ok(())
    })
}

/// The byte ranges of the buffer's stored messages (as `lode_buffer_message` gives them), all at
/// once: `2 × lode_buffer_count(buf)` offsets into `lode_buffer_data(buf)`, as
/// `[start0, end0, start1, end1, ...]`, owned by the buffer (valid until `lode_buffer_free`).
/// NULL when `buf` is NULL or holds no messages (an empty result, a list of versions, a command
/// record).
#[no_mangle]
pub extern "C" fn lode_buffer_message_offsets(buf: *const LodeBuffer) -> *const usize {
    // SAFETY: a non-NULL `buf` was made by this library and not freed (caller's contract).
    match unsafe { buf.as_ref() } {
        Some(b) if !b.message_offsets.is_empty() => b.message_offsets.as_ptr(),
        _ => std::ptr::null(),
    }
}

/// Frees a buffer. NULL is ignored. Freeing the same buffer twice is undefined behaviour, as
/// with `free()` (a buffer is memory, not a handle): set the pointer to NULL after freeing.
#[no_mangle]
pub extern "C" fn lode_buffer_free(buf: *mut LodeBuffer) {
    if !buf.is_null() {
        // SAFETY: `buf` came from Box::into_raw in this library and is freed once (caller's contract).
        drop(unsafe { Box::from_raw(buf) });
    }
}
