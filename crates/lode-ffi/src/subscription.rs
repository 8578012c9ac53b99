//! Live subscriptions, read-your-writes and checkpoints (docs/subscriptions.md, S-SUB-*,
//! S-CP-*), pull style: the host asks for the next page on a thread of its own choosing and
//! the library never calls back, so hosts with their own threading (the .NET thread pool,
//! Python's GIL) never run code on a foreign thread.
//!
//! A page is a `lode_buffer` of query records (the same JSON records, with the same message
//! offsets, as `lode_provider_read_log`).

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;

use super::boundary::{guard, non_negative, out, text};
use super::buffer::LodeBuffer;
use super::error::{LodeError, LodeStatus};
use super::handles::{self, Kind, Object};
use super::provider::LodeProvider;
use super::store::{batch, LodeStore};
use super::LodeBytes;
use lode_api::{Error, Result};
use lode_api::{EventTypeFilter, StreamId, SubscriptionFilter, SubscriptionStart};

/// A live subscription to the global log (`lode_subscription_open`). Opaque.
///
/// Thread safety: `lode_subscription_next` is for one thread at a time (a second concurrent
/// call gives LODE_INVALID_ARGUMENT); `lode_subscription_wake`, `lode_subscription_close` and
/// `lode_subscription_position` may be called from any thread, also while another waits in
/// `lode_subscription_next`.
pub struct LodeSubscription {
    _opaque: [u8; 0],
}

/// Pass as `after_position` of `lode_subscription_open`: start after the log's last position
/// (only events committed from then on).
pub const LODE_FROM_NOW: i64 = -1;

/// Pass as `max_wait_ms` of `lode_subscription_next`: wait until there is a record, or the
/// subscription is woken or closed.
pub const LODE_WAIT_FOREVER: i64 = -1;

/// Records per page when `page_size` is LODE_DEFAULT (-1).
pub const LODE_DEFAULT_PAGE_SIZE: i64 = 256;

/// Largest `page_size` of a subscription.
pub const LODE_MAX_PAGE_SIZE: i64 = 100_000;

/// The keys the filter JSON of `lode_subscription_open` takes (the manifest lists them).
pub(crate) const FILTER_KEYS: [&str; 4] =
    ["stream", "aggregate_type", "event_types", "correlation_id"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FilterJson {
    stream: Option<StreamJson>,
    aggregate_type: Option<String>,
    event_types: Option<Vec<EventTypeJson>>,
    correlation_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StreamJson {
    database: Option<String>,
    name: String,
    id: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventTypeJson {
    #[serde(rename = "type")]
    event_type: String,
    version: Option<u32>,
}

pub(crate) fn parse_filter(json: &[u8], default_database: &str) -> Result<SubscriptionFilter> {
    if json.is_empty() {
        return Ok(SubscriptionFilter::all());
    }
    let f: FilterJson = serde_json::from_slice(json).map_err(|e| {
        Error::invalid(
            "filter_json",
            format!("it is not a valid subscription filter: {e}"),
        )
    })?;
    Ok(SubscriptionFilter {
        stream: f
            .stream
            .map(|s| {
                StreamId::new(
                    s.database.as_deref().unwrap_or(default_database),
                    &s.name,
                    &s.id,
                )
            })
            .transpose()?,
        aggregate_type: f.aggregate_type,
        event_types: f
            .event_types
            .unwrap_or_default()
            .into_iter()
            .map(|t| EventTypeFilter {
                event_type: t.event_type,
                event_version: t.version,
            })
            .collect(),
        correlation_id: f.correlation_id,
    })
}

fn subscription(handle: *mut LodeSubscription) -> Result<Arc<lode_api::Subscription>> {
    handles::subscription(handle as usize)
}

/// S-SUB-1: subscribes to the global log of `provider`: every committed event after
/// `after_position` (0: the beginning; a stored checkpoint's position to resume after it;
/// LODE_FROM_NOW (-1): after the log's last position now) that matches the filter, in log
/// order, each once: first the stored history, in pages, then live events as they commit,
/// with no gap and no duplicate at the hand-over.
///
/// `filter_json` (NULL with length 0: every event) is a JSON object with any of:
/// `"stream": {"database": "...", "name": "...", "id": "..."}` (database optional: the
/// provider's default), `"aggregate_type": "..."` (the stream name, in any database),
/// `"event_types": [{"type": "...", "version": 1}, ...]` (any of them; `version` optional),
/// `"correlation_id": "..."`. Given parts combine (all must match). Unknown keys are refused.
/// `page_size`: records per page, 1 to LODE_MAX_PAGE_SIZE, or LODE_DEFAULT (-1) for
/// LODE_DEFAULT_PAGE_SIZE.
///
/// On success `*out_subscription` receives a handle; release it with
/// `lode_subscription_close`. A subscription holds no transaction and no memory beyond one
/// page between calls; it never blocks writers.
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED (provider released), LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_subscription_open(
    provider: *mut LodeProvider,
    after_position: i64,
    filter_json: *const u8,
    filter_len: usize,
    page_size: i64,
    out_subscription: *mut *mut LodeSubscription,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_subscription", out_subscription)?;
        *slot = std::ptr::null_mut();
        let p = handles::provider(provider as usize)?;
        let start = match after_position {
            LODE_FROM_NOW => SubscriptionStart::Now,
            n => SubscriptionStart::After(non_negative("after_position", n)?),
        };
        let filter = parse_filter(
            super::boundary::bytes("filter_json", filter_json, filter_len)?,
            &p.settings().default_database,
        )?;
        let page_size = match page_size {
            -1 => LODE_DEFAULT_PAGE_SIZE as usize,
            n => usize::try_from(non_negative("page_size", n)?)
                .map_err(|_| Error::invalid("page_size", "it is too large"))?,
        };
        let s = p.subscribe(start, filter, page_size)?;
        *slot = handles::insert(Object::Subscription(Arc::new(s))) as *mut LodeSubscription;
        Ok(())
    })
}

/// The next page of `subscription`: at most its page size of matching events after its
/// position, as a JSON array of query records in `*out_buffer` (the records of
/// `lode_provider_read_log`; `lode_buffer_message` gives each stored message). Returns as soon
/// as there is one; waits at most `max_wait_ms` for one (0: no wait; LODE_WAIT_FOREVER (-1):
/// until there is one, or the subscription is woken or closed). An empty buffer (count 0) means
/// the wait ended first. No transaction is held while it waits; commits of other processes
/// wake it (docs/subscriptions.md, "Wake-up").
///
/// `*out_position` (may be NULL) receives the position the subscription has seen up to after
/// this page: store it as the checkpoint once the page is processed.
/// Errors: LODE_CLOSED (the subscription was closed, also while this call waited),
/// LODE_INVALID_ARGUMENT (another thread is in this call on the same subscription; a bad
/// argument), LODE_SERIALIZATION (a damaged record), LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_subscription_next(
    subscription_handle: *mut LodeSubscription,
    max_wait_ms: i64,
    out_buffer: *mut *mut LodeBuffer,
    out_position: *mut i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_buffer", out_buffer)?;
        *slot = std::ptr::null_mut();
        let wait = match max_wait_ms {
            LODE_WAIT_FOREVER => Duration::MAX,
            ms => Duration::from_millis(non_negative("max_wait_ms", ms)?),
        };
        let s = subscription(subscription_handle)?;
        let page = s.next_page(wait)?;
        *slot = LodeBuffer::of_records(&page.records)?;
        // SAFETY: a non-NULL out_position points at writable storage (caller's contract).
        if let Some(p) = unsafe { out_position.as_mut() } {
            *p = page.position as i64;
        }
        Ok(())
    })
}

/// The position `subscription` has seen up to (S-SUB-4), into `*out_position`.
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED.
#[no_mangle]
pub extern "C" fn lode_subscription_position(
    subscription_handle: *mut LodeSubscription,
    out_position: *mut i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_position", out_position)?;
        *slot = subscription(subscription_handle)?.position() as i64;
        Ok(())
    })
}

/// Makes a `lode_subscription_next` waiting on another thread return now with an empty page
/// (LODE_OK); if none is waiting, the next call returns after one read instead of waiting.
/// For a host that cancels a wait without closing (a CancellationToken). Any thread.
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED.
#[no_mangle]
pub extern "C" fn lode_subscription_wake(
    subscription_handle: *mut LodeSubscription,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        subscription(subscription_handle)?.wake();
        Ok(())
    })
}

/// S-SUB-8: closes the subscription and releases the handle; a `lode_subscription_next`
/// waiting on another thread returns LODE_CLOSED at once, as does every later call with the
/// handle. Any thread. NULL and an already closed handle are ignored (LODE_OK); another kind of
/// handle gives LODE_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn lode_subscription_close(
    subscription_handle: *mut LodeSubscription,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        if let Some(Object::Subscription(s)) =
            handles::remove(subscription_handle as usize, Kind::Subscription)?
        {
            s.close();
        }
        Ok(())
    })
}

/// The global log's last position (0 while it is empty), into `*out_position`.
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED, LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_provider_head_position(
    provider: *mut LodeProvider,
    out_position: *mut i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_position", out_position)?;
        *slot = handles::provider(provider as usize)?.head_position()? as i64;
        Ok(())
    })
}

/// S-SUB-7 (read-your-writes): waits until the log has reached `position` (its last position
/// is at least `position`), at most `timeout_ms` (0: just look); `*out_reached` says whether
/// it did. Commits of other processes count. Blocks the calling thread; holds no transaction.
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED, LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_provider_wait_for_position(
    provider: *mut LodeProvider,
    position: i64,
    timeout_ms: i64,
    out_reached: *mut bool,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_reached", out_reached)?;
        let p = handles::provider(provider as usize)?;
        let position = non_negative("position", position)?;
        let timeout = Duration::from_millis(non_negative("timeout_ms", timeout_ms)?);
        *slot = p.wait_for_position(position, timeout)?;
        Ok(())
    })
}

/// S-CP-1: reads checkpoint `name` (1 to 400 bytes): `*out_found` says whether it is stored;
/// if so `*out_position` gets its position and `*out_stored_at_us` (may be NULL) when it was
/// stored (UTC microseconds since the Unix epoch, the store's clock).
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED, LODE_SERIALIZATION, LODE_STORAGE.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn lode_provider_checkpoint(
    provider: *mut LodeProvider,
    name: *const u8,
    name_len: usize,
    out_found: *mut bool,
    out_position: *mut i64,
    out_stored_at_us: *mut i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let found = out("out_found", out_found)?;
        let position = out("out_position", out_position)?;
        let p = handles::provider(provider as usize)?;
        let c = p.checkpoint(text("name", name, name_len)?)?;
        *found = c.is_some();
        *position = c.map_or(0, |c| c.position as i64);
        // SAFETY: a non-NULL out_stored_at_us points at writable storage (caller's contract).
        if let Some(t) = unsafe { out_stored_at_us.as_mut() } {
            *t = c.map_or(0, |c| c.stored_at);
        }
        Ok(())
    })
}

/// S-CP-2 / S-CP-4: stores checkpoint `name` (1 to 400 bytes) at `position` on its own. It only
/// moves forward: a position below the stored one gives LODE_INVALID_ARGUMENT (another consumer
/// of the same name got further) unless `reset` is true (to rebuild from an earlier position).
/// A position past the log's last one is always refused.
/// Errors: LODE_INVALID_ARGUMENT, LODE_CLOSED, LODE_STORAGE.
#[no_mangle]
pub extern "C" fn lode_provider_store_checkpoint(
    provider: *mut LodeProvider,
    name: *const u8,
    name_len: usize,
    position: i64,
    reset: bool,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let p = handles::provider(provider as usize)?;
        let name = text("name", name, name_len)?;
        let position = non_negative("position", position)?;
        if reset {
            p.reset_checkpoint(name, position)
        } else {
            p.store_checkpoint(name, position)
        }
    })
}

/// S-CP-3: as `lode_store_append`, and stores checkpoint `checkpoint_name` (1 to 400 bytes) at
/// `position` in the same transaction: the consumer's output and "processed up to `position`"
/// commit together or not at all. The checkpoint only moves forward and may cover this batch's
/// own events; otherwise LODE_INVALID_ARGUMENT and nothing is written. An exact retry of a
/// stored batch writes no events and still moves the checkpoint; an empty batch stores the
/// checkpoint alone (the session's lease is checked either way). `*out_version` (may be NULL)
/// gets the stream's version.
/// Errors: those of `lode_store_append`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn lode_store_append_with_checkpoint(
    store_handle: *mut LodeStore,
    messages: *const LodeBytes,
    count: usize,
    checkpoint_name: *const u8,
    checkpoint_name_len: usize,
    position: i64,
    out_version: *mut i64,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let s = handles::store(store_handle as usize)?;
        let name = text("checkpoint_name", checkpoint_name, checkpoint_name_len)?;
        let position = non_negative("position", position)?;
        let version = s.add_with_checkpoint(&batch(messages, count)?, name, position)?;
        // SAFETY: a non-NULL out_version points at writable storage (caller's contract).
        if let Some(v) = unsafe { out_version.as_mut() } {
            *v = version as i64;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_size_constants_are_the_rust_api_s() {
        assert_eq!(LODE_DEFAULT_PAGE_SIZE as usize, lode_api::DEFAULT_PAGE_SIZE);
        assert_eq!(LODE_MAX_PAGE_SIZE as usize, lode_api::MAX_PAGE_SIZE);
    }

    #[test]
    fn the_filter_json_takes_every_key_and_no_other() {
        let f = parse_filter(
            br#"{"stream":{"name":"A","id":"1"},"aggregate_type":"A","event_types":[{"type":"T","version":2},{"type":"U"}],"correlation_id":"c"}"#,
            "Db",
        )
        .unwrap();
        assert_eq!(f.stream.unwrap().store_id(), "Db/A/1");
        assert_eq!(f.aggregate_type.as_deref(), Some("A"));
        assert_eq!(f.event_types.len(), 2);
        assert_eq!(f.event_types[0].event_version, Some(2));
        assert_eq!(f.event_types[1].event_version, None);
        assert_eq!(f.correlation_id.as_deref(), Some("c"));
        assert_eq!(parse_filter(b"", "Db").unwrap(), SubscriptionFilter::all());
        // The manifest's list is exactly what is accepted, each key on its own.
        for key in FILTER_KEYS {
            let value = match key {
                "stream" => serde_json::json!({"name": "A", "id": "1"}),
                "event_types" => serde_json::json!([{"type": "T"}]),
                _ => serde_json::json!("x"),
            };
            let json = serde_json::json!({ key: value }).to_string();
            parse_filter(json.as_bytes(), "Db").unwrap_or_else(|e| panic!("{key}: {e}"));
        }
        for bad in [
            &br#"{"no_such_key":1}"#[..],
            br#"{"event_types":["T"]}"#,
            br#"{"stream":{"name":"","id":"1"}}"#,
            br#"[]"#,
        ] {
            assert!(
                parse_filter(bad, "Db").is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
