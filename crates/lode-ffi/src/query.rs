//! The provider-level queries of queries.md and command records. No session needed.
//!
//! Query results are JSON arrays of records:
//! `{"Position", "RecordedAt", "RecordedAtUs", "Partition", "AggregateType", "AggregateId",
//!   "AggregateVersion", "EventId", "EventType", "EventVersion", "Actor", "ActorType", "Source",
//!   "CorrelationId", "CausationId", "Message": <the stored EventMessage>}`.

use super::boundary::{guard, max_count, non_negative, optional_text, out, text};
use super::buffer::LodeBuffer;
use super::error::{LodeError, LodeStatus};
use super::handles;
use super::provider::LodeProvider;
use lode_api::StreamId;
use lode_api::{Error, Result};
use lode_api::{Query, QueryPage};

fn run(
    provider: *mut LodeProvider,
    query: Result<Query>,
    max: i64,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_buffer", out_buffer)?;
        *slot = std::ptr::null_mut();
        let p = handles::provider(provider as usize)?;
        let max = max_count("max", max)?;
        let page: QueryPage = p.query(&query?, max)?;
        *slot = LodeBuffer::of_records(&page.records)?;
        Ok(())
    })
}

/// Q-LOG-2: the global log from `from_position` (inclusive, ≥ 0), at most `max` records,
/// ascending, as a JSON array of records in `*out_buffer`.
#[no_mangle]
pub extern "C" fn lode_provider_read_log(
    provider: *mut LodeProvider,
    from_position: i64,
    max: i64,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    let q = non_negative("from_position", from_position)
        .map(|from_position| Query::Log { from_position });
    run(provider, q, max, out_buffer, err)
}

/// Q-Q-1: events whose type (`Metadata.Message.Name`) is `event_type`, and whose event version
/// is `event_version` unless it is -1 (any), from `from_position`, at most `max`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn lode_provider_events_by_type(
    provider: *mut LodeProvider,
    event_type: *const u8,
    event_type_len: usize,
    event_version: i64,
    from_position: i64,
    max: i64,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    let q = (|| {
        Ok(Query::ByType {
            event_type: text("event_type", event_type, event_type_len)?.to_string(),
            event_version: match event_version {
                -1 => None,
                v => Some(u32::try_from(v).map_err(|_| {
                    Error::invalid(
                        "event_version",
                        format!("it must be -1 (any) or 0..=4294967295, not {v}"),
                    )
                })?),
            },
            from_position: non_negative("from_position", from_position)?,
        })
    })();
    run(provider, q, max, out_buffer, err)
}

/// Q-Q-2: events recorded in `[from_us, to_us)` (UTC microseconds since the Unix epoch), at most
/// `max`, ascending.
#[no_mangle]
pub extern "C" fn lode_provider_events_by_time(
    provider: *mut LodeProvider,
    from_us: i64,
    to_us: i64,
    max: i64,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    run(
        provider,
        Ok(Query::ByTime {
            from: from_us,
            to: to_us,
        }),
        max,
        out_buffer,
        err,
    )
}

/// Q-Q-3: events whose `Metadata.Context.CorrelationId` is `correlation_id`, from
/// `from_position`, at most `max`.
#[no_mangle]
pub extern "C" fn lode_provider_events_by_correlation(
    provider: *mut LodeProvider,
    correlation_id: *const u8,
    correlation_id_len: usize,
    from_position: i64,
    max: i64,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    let q = (|| {
        Ok(Query::ByCorrelation {
            correlation_id: text("correlation_id", correlation_id, correlation_id_len)?.to_string(),
            from_position: non_negative("from_position", from_position)?,
        })
    })();
    run(provider, q, max, out_buffer, err)
}

/// Q-Q-4: events of stream `(database, name, id)` after `since_version` (i.e. versions
/// since_version+1..=current), at most `max`, without a session. `database` NULL: the default.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn lode_provider_stream_events_since(
    provider: *mut LodeProvider,
    database: *const u8,
    database_len: usize,
    name: *const u8,
    name_len: usize,
    id: *const u8,
    id_len: usize,
    since_version: i64,
    max: i64,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    let q = (|| {
        let p = handles::provider(provider as usize)?;
        let database = optional_text("database", database, database_len)?
            .unwrap_or(&p.settings().default_database)
            .to_string();
        Ok(Query::StreamSince {
            stream: StreamId::new(
                &database,
                text("name", name, name_len)?,
                text("id", id, id_len)?,
            )?,
            since_version: non_negative("since_version", since_version)?,
        })
    })();
    run(provider, q, max, out_buffer, err)
}

/// Q-CMD-2: whether command `command_id` was processed, into `*out_processed`.
#[no_mangle]
pub extern "C" fn lode_provider_command_processed(
    provider: *mut LodeProvider,
    command_id: *const u8,
    command_id_len: usize,
    out_processed: *mut bool,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_processed", out_processed)?;
        let p = handles::provider(provider as usize)?;
        *slot = p
            .command_record(text("command_id", command_id, command_id_len)?)?
            .is_some();
        Ok(())
    })
}

/// Q-CMD-2: the record of command `command_id` as a JSON object in `*out_buffer`:
/// `{"CommandId", "CommandType", "ProcessedAt", "ProcessedAtUs", "Actor", "Partition",
/// "AggregateType", "AggregateId", "FirstVersion", "LastVersion"}`.
/// LODE_IDEMPOTENCY_ID_NOT_FOUND if it was never recorded.
#[no_mangle]
pub extern "C" fn lode_provider_command_record(
    provider: *mut LodeProvider,
    command_id: *const u8,
    command_id_len: usize,
    out_buffer: *mut *mut LodeBuffer,
    err: *mut *mut LodeError,
) -> LodeStatus {
    guard(err, || {
        let slot = out("out_buffer", out_buffer)?;
        *slot = std::ptr::null_mut();
        let p = handles::provider(provider as usize)?;
        let record = p.get_command(text("command_id", command_id, command_id_len)?)?;
        let json = serde_json::to_vec(&record).map_err(|e| Error::Internal {
            detail: e.to_string(),
        })?;
        *slot = LodeBuffer::boxed(json, 1);
        Ok(())
    })
}
