//! The global log and the cross-stream queries of `queries.md` (Q-LOG-*, Q-Q-*, Q-CMD-2).
//!
//! Each query walks one of the backend's indexes from the first matching entry and stops at the
//! first entry past the match or at the limit, so its cost grows with what it returns, not with
//! the store. [`QueryPage::visited`] counts the index entries a query read, so tests can check
//! exactly that. Every record is built from the stored message and checked against what the
//! index was asked for (R-BAD-4: an index entry leading to an event of another type is damage).

use serde::Serialize;

use lode_backend::{
    format_micros, Error, EventRef, EventSource, Micros, ReadView, Result, StreamId,
};

use crate::envelope;
use crate::limits;

/// One event with its envelope (`queries.md`, "Envelope") and its stored message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct LogRecord {
    /// Q-LOG-1: the event's global position (1, 2, 3, ... in commit order).
    pub position: u64,
    /// The store's UTC clock at commit, ISO-8601 with `+00:00`.
    pub recorded_at: String,
    /// The same time as microseconds since the Unix epoch.
    pub recorded_at_us: Micros,
    /// The stream's database.
    pub partition: String,
    /// The stream's name (aggregate type).
    pub aggregate_type: String,
    /// The stream's id (aggregate id).
    pub aggregate_id: String,
    /// The event's version in its stream.
    pub aggregate_version: u64,
    pub event_id: String,
    pub event_type: String,
    pub event_version: u32,
    pub actor: Option<String>,
    pub actor_type: Option<String>,
    pub source: Option<String>,
    pub correlation_id: Option<String>,
    pub causation_id: Option<String>,
    /// The stored EventMessage, byte for byte (in JSON output: the object itself).
    #[serde(serialize_with = "raw_json")]
    pub message: Vec<u8>,
}

/// A [`LogRecord`] without its message, borrowed: what [`LogRecord::write_json`] serializes
/// before it writes the message bytes itself.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct RecordFields<'a> {
    position: u64,
    recorded_at: &'a str,
    recorded_at_us: Micros,
    partition: &'a str,
    aggregate_type: &'a str,
    aggregate_id: &'a str,
    aggregate_version: u64,
    event_id: &'a str,
    event_type: &'a str,
    event_version: u32,
    actor: Option<&'a str>,
    actor_type: Option<&'a str>,
    source: Option<&'a str>,
    correlation_id: Option<&'a str>,
    causation_id: Option<&'a str>,
}

impl LogRecord {
    /// Appends this record as one JSON object to `out`, its `Message` member last and byte for
    /// byte as stored; returns the range of the message's bytes in `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) -> Result<(usize, usize)> {
        let fields = RecordFields {
            position: self.position,
            recorded_at: &self.recorded_at,
            recorded_at_us: self.recorded_at_us,
            partition: &self.partition,
            aggregate_type: &self.aggregate_type,
            aggregate_id: &self.aggregate_id,
            aggregate_version: self.aggregate_version,
            event_id: &self.event_id,
            event_type: &self.event_type,
            event_version: self.event_version,
            actor: self.actor.as_deref(),
            actor_type: self.actor_type.as_deref(),
            source: self.source.as_deref(),
            correlation_id: self.correlation_id.as_deref(),
            causation_id: self.causation_id.as_deref(),
        };
        serde_json::to_writer(&mut *out, &fields).map_err(|e| Error::Internal {
            detail: format!("could not encode a log record: {e}"),
        })?;
        // Reopen the object (drop its closing brace) and end it with the message.
        out.pop();
        out.extend_from_slice(b",\"Message\":");
        let start = out.len();
        out.extend_from_slice(&self.message);
        let end = out.len();
        out.push(b'}');
        Ok((start, end))
    }
}

fn raw_json<S: serde::Serializer>(bytes: &[u8], s: S) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    let text = std::str::from_utf8(bytes).map_err(S::Error::custom)?;
    let raw =
        serde_json::value::RawValue::from_string(text.to_string()).map_err(S::Error::custom)?;
    raw.serialize(s)
}

/// What to read. Every query is ascending by global position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Q-LOG-2: the global log from `from_position` (inclusive).
    Log { from_position: u64 },
    /// Q-Q-1: events of one type (and version, if given) from `from_position`.
    ByType {
        event_type: String,
        event_version: Option<u32>,
        from_position: u64,
    },
    /// Q-Q-2: events recorded in `[from, to)` (UTC microseconds).
    ByTime { from: Micros, to: Micros },
    /// Q-Q-3: events of one correlation id from `from_position`.
    ByCorrelation {
        correlation_id: String,
        from_position: u64,
    },
    /// Q-Q-4: events of one stream after `since_version`, without a session.
    StreamSince {
        stream: StreamId,
        since_version: u64,
    },
}

/// One page of a query's results.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueryPage {
    pub records: Vec<LogRecord>,
    /// Index and log entries read to answer (at most records + 2).
    pub visited: usize,
}

impl QueryPage {
    /// The position to pass as `from_position` for the next page (last + 1), if any record.
    pub fn next_position(&self) -> Option<u64> {
        self.records.last().map(|r| r.position + 1)
    }

    /// The records as one JSON array; messages embedded as stored.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        let mut out = Vec::with_capacity(
            2 + self
                .records
                .iter()
                .map(|r| r.message.len() + 400)
                .sum::<usize>(),
        );
        out.push(b'[');
        for (i, r) in self.records.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            r.write_json(&mut out)?;
        }
        out.push(b']');
        Ok(out)
    }
}

/// A record built from an event the backend found.
pub(crate) fn record(e: EventRef<'_>) -> Result<LogRecord> {
    // The label names the message only in errors: build it only then (reading again gives the
    // same error).
    let meta = envelope::parse_metadata(e.json, "stored message").or_else(|_| {
        let store_id = e.stream.store_id();
        let what = format!("store '{store_id}' version {}", e.version);
        envelope::parse_metadata(e.json, &what).map_err(|err| {
            Error::corrupt(
                &store_id,
                e.version,
                format!("the stored message cannot be read: {err}"),
            )
        })
    })?;
    let owned = |c: &Option<std::borrow::Cow<'_, str>>| c.as_ref().map(|s| s.to_string());
    Ok(LogRecord {
        position: e.position,
        recorded_at: format_micros(e.recorded_at),
        recorded_at_us: e.recorded_at,
        partition: e.stream.database.clone(),
        aggregate_type: e.stream.name.clone(),
        aggregate_id: e.stream.id.clone(),
        aggregate_version: e.version,
        event_id: meta.id.to_string(),
        event_type: meta.name.to_string(),
        event_version: meta.event_version,
        actor: owned(&meta.user_id),
        actor_type: owned(&meta.actor_type),
        source: owned(&meta.source),
        correlation_id: owned(&meta.correlation_id),
        causation_id: owned(&meta.causation_id),
        message: e.json.to_vec(),
    })
}

/// R-BAD-4: an index entry led to a record that does not match what the index is about.
fn index_mismatch(index: &str, record: &LogRecord, reason: String) -> Error {
    Error::Serialization {
        key: format!(
            "{index} index entry for global log position {}",
            record.position
        ),
        version: None,
        reason,
    }
}

/// Whether `record` is what `query` asked for (the index that found it may be damaged).
pub(crate) fn check_match(query: &Query, record: &LogRecord) -> Result<()> {
    match query {
        Query::ByType {
            event_type,
            event_version,
            ..
        } if record.event_type != *event_type
            || event_version.is_some_and(|v| v != record.event_version) =>
        {
            Err(index_mismatch(
                "event type",
                record,
                format!(
                    "the entry is for type '{event_type}', but the event there is of type '{}' version {}",
                    record.event_type, record.event_version
                ),
            ))
        }
        Query::ByCorrelation { correlation_id, .. }
            if record.correlation_id.as_deref() != Some(correlation_id.as_str()) =>
        {
            Err(index_mismatch(
                "correlation",
                record,
                format!(
                    "the entry is for correlation id '{correlation_id}', but the event there has {:?}",
                    record.correlation_id
                ),
            ))
        }
        _ => Ok(()),
    }
}

/// Runs `query`, returning at most `max` records.
pub(crate) fn run(r: &dyn ReadView, query: &Query, max: usize) -> Result<QueryPage> {
    if max > limits::MAX_QUERY_RECORDS {
        return Err(Error::invalid(
            "max",
            format!("at most {} records per call", limits::MAX_QUERY_RECORDS),
        ));
    }
    let mut page = QueryPage::default();
    if max == 0 {
        return Ok(page);
    }
    let source = match query {
        Query::Log { from_position } => EventSource::Log {
            from: *from_position,
        },
        Query::ByType {
            event_type,
            event_version,
            from_position,
        } => {
            check_text("event_type", event_type)?;
            EventSource::Type {
                event_type,
                event_version: *event_version,
                from: *from_position,
            }
        }
        Query::ByCorrelation {
            correlation_id,
            from_position,
        } => {
            check_text("correlation_id", correlation_id)?;
            EventSource::Correlation {
                id: correlation_id,
                from: *from_position,
            }
        }
        Query::ByTime { from, to } => EventSource::Time {
            from: *from,
            to: *to,
        },
        Query::StreamSince {
            stream,
            since_version,
        } => match r.stream(stream)? {
            None => return Ok(page),
            Some(head) => EventSource::Stream {
                stream,
                head,
                since: *since_version,
            },
        },
    };
    let records = &mut page.records;
    page.visited = r.events(source, &mut |e| {
        let record = record(e)?;
        check_match(query, &record)?;
        records.push(record);
        Ok(records.len() < max)
    })?;
    Ok(page)
}

fn check_text(argument: &str, value: &str) -> Result<()> {
    if value.is_empty() || value.len() > limits::MAX_KEY_FIELD_BYTES {
        return Err(Error::invalid(
            argument,
            format!("it must be 1 to {} bytes long", limits::MAX_KEY_FIELD_BYTES),
        ));
    }
    Ok(())
}
