//! The global log and the cross-stream queries of `queries.md` (Q-LOG-*, Q-Q-*, Q-CMD-2).
//!
//! Each query walks its own index from the first matching key and stops at the first key past
//! the match or at the limit, so its cost grows with what it returns, not with the store.
//! [`QueryPage::visited`] counts the index entries a query read, so tests can check exactly that.

use std::collections::HashMap;

use serde::Serialize;

use crate::append::CommandRecord;
use crate::error::{format_micros, Error, Micros, Result};
use crate::layout::{self, LogEntry};
use crate::message;
use crate::settings::limits;
use crate::storage::{Reads, Table};
use crate::stream::{self, StreamId};

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

/// A damaged log entry at `position`.
pub(crate) fn damaged_log(position: u64, reason: &str) -> Error {
    damaged(format!("global log position {position}"), reason)
}

/// R-BAD-4: the log entry at `position` and the event it names, checked against each other:
/// the event (CRC-checked) must carry that position and the entry's time.
pub(crate) fn resolve_position<'t>(
    tx: &'t impl Reads,
    position: u64,
) -> Result<(LogEntry, layout::StoredEvent<'t>)> {
    let entry = tx
        .get(Table::Log, &position.to_be_bytes())?
        .map(|v| {
            LogEntry::decode(v).ok_or_else(|| damaged_log(position, "the log entry is damaged"))
        })
        .transpose()?
        .ok_or_else(|| damaged_log(position, "there is no log entry at this position"))?;
    let bytes = tx
        .get(
            Table::Events,
            &layout::version_key(entry.stream, entry.version),
        )?
        .ok_or_else(|| {
            damaged_log(
                position,
                &format!(
                    "the log entry names version {} of stream number {}, which is not stored",
                    entry.version, entry.stream
                ),
            )
        })?;
    let stored = layout::read_event(bytes).map_err(|reason| {
        // Name the store when its name record can say which it is.
        match tx
            .get(Table::StreamNames, &entry.stream.to_be_bytes())
            .ok()
            .flatten()
            .and_then(StreamId::from_key)
        {
            Some(stream) => Error::corrupt(&stream.store_id(), entry.version, reason),
            None => damaged_log(position, reason),
        }
    })?;
    if stored.position != position || stored.recorded_at != entry.recorded_at {
        return Err(damaged_log(
            position,
            &format!(
                "the log entry names version {} of stream number {}, but that event is at position {}",
                entry.version, entry.stream, stored.position
            ),
        ));
    }
    Ok((entry, stored))
}

/// Resolves positions into records, caching stream names within one query.
struct Resolver<'t, T: Reads> {
    tx: &'t T,
    names: HashMap<u64, StreamId>,
}

impl<'t, T: Reads> Resolver<'t, T> {
    /// The stream of number `num`, cross-checked: its name record names a stream whose stream
    /// record has that number.
    fn stream(&mut self, num: u64) -> Result<StreamId> {
        if let Some(s) = self.names.get(&num) {
            return Ok(s.clone());
        }
        let key = self
            .tx
            .get(Table::StreamNames, &num.to_be_bytes())?
            .ok_or_else(|| {
                damaged(
                    format!("stream number {num}"),
                    "the stream has no name record",
                )
            })?;
        let s = StreamId::from_key(key)
            .ok_or_else(|| damaged(format!("stream number {num}"), "the stream name is damaged"))?;
        let recorded = self
            .tx
            .get(Table::Streams, key)?
            .and_then(layout::StreamInfo::decode)
            .map(|i| i.num);
        if recorded != Some(num) {
            return Err(damaged(
                format!("stream number {num}"),
                &format!(
                    "its name record names '{}', whose stream record does not have this number",
                    s.store_id()
                ),
            ));
        }
        self.names.insert(num, s.clone());
        Ok(s)
    }

    fn at_position(&mut self, position: u64) -> Result<LogRecord> {
        let (entry, stored) = resolve_position(self.tx, position)?;
        self.record(entry.stream, entry.version, stored)
    }

    fn event(&mut self, num: u64, version: u64) -> Result<LogRecord> {
        let stream = self.stream(num)?;
        let store_id = stream.store_id();
        let bytes = self
            .tx
            .get(Table::Events, &layout::version_key(num, version))?
            .ok_or_else(|| {
                Error::corrupt(
                    &store_id,
                    version,
                    "the event an index points at is missing",
                )
            })?;
        let stored =
            layout::read_event(bytes).map_err(|r| Error::corrupt(&store_id, version, r))?;
        self.record(num, version, stored)
    }

    fn record(
        &mut self,
        num: u64,
        version: u64,
        stored: layout::StoredEvent<'_>,
    ) -> Result<LogRecord> {
        let stream = self.stream(num)?;
        let store_id = stream.store_id();
        let what = format!("store '{store_id}' version {version}");
        let meta = message::parse_metadata(stored.json, &what).map_err(|e| {
            Error::corrupt(
                &store_id,
                version,
                format!("the stored message cannot be read: {e}"),
            )
        })?;
        let owned = |c: &Option<std::borrow::Cow<'_, str>>| c.as_ref().map(|s| s.to_string());
        Ok(LogRecord {
            position: stored.position,
            recorded_at: format_micros(stored.recorded_at),
            recorded_at_us: stored.recorded_at,
            partition: stream.database.clone(),
            aggregate_type: stream.name.clone(),
            aggregate_id: stream.id.clone(),
            aggregate_version: version,
            event_id: meta.id.to_string(),
            event_type: meta.name.to_string(),
            event_version: meta.event_version,
            actor: owned(&meta.user_id),
            actor_type: owned(&meta.actor_type),
            source: owned(&meta.source),
            correlation_id: owned(&meta.correlation_id),
            causation_id: owned(&meta.causation_id),
            message: stored.json.to_vec(),
        })
    }
}

fn damaged(key: String, reason: &str) -> Error {
    Error::Serialization {
        key,
        version: None,
        reason: reason.to_string(),
    }
}

/// R-BAD-4: an index entry led to a record that does not match what the index is about.
fn index_mismatch(index: &str, record: &LogRecord, reason: String) -> Error {
    damaged(
        format!(
            "{index} index entry for global log position {}",
            record.position
        ),
        &reason,
    )
}

/// Runs `query`, returning at most `max` records.
pub(crate) fn run(tx: &impl Reads, query: &Query, max: usize) -> Result<QueryPage> {
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
    let mut r = Resolver {
        tx,
        names: HashMap::new(),
    };
    // Walk an index whose keys are `prefix ‖ u64 position`, from `prefix ‖ from`.
    let mut walk_positions = |table: Table, prefix: &[u8], from: u64, page: &mut QueryPage| {
        let mut start = prefix.to_vec();
        start.extend_from_slice(&from.to_be_bytes());
        let mut positions = Vec::new();
        tx.scan(table, &start, |k, _| {
            page.visited += 1;
            if !k.starts_with(prefix) || k.len() != prefix.len() + 8 {
                return Ok(false);
            }
            positions.push(layout::key_position(k).unwrap_or(0));
            Ok(positions.len() < max)
        })?;
        positions
            .into_iter()
            .map(|p| r.at_position(p))
            .collect::<Result<Vec<_>>>()
    };
    page.records = match query {
        Query::Log { from_position } => walk_positions(Table::Log, &[], *from_position, &mut page)?,
        Query::ByType {
            event_type,
            event_version,
            from_position,
        } => {
            check_text("event_type", event_type)?;
            let records = match event_version {
                Some(v) => walk_positions(
                    Table::ByTypeVersion,
                    &layout::type_version_prefix(event_type, *v),
                    *from_position,
                    &mut page,
                )?,
                None => walk_positions(
                    Table::ByType,
                    &layout::string_prefix(event_type),
                    *from_position,
                    &mut page,
                )?,
            };
            for record in &records {
                if record.event_type != *event_type
                    || event_version.is_some_and(|v| v != record.event_version)
                {
                    return Err(index_mismatch(
                        "event type",
                        record,
                        format!(
                            "the entry is for type '{event_type}', but the event there is of type '{}' version {}",
                            record.event_type, record.event_version
                        ),
                    ));
                }
            }
            records
        }
        Query::ByCorrelation {
            correlation_id,
            from_position,
        } => {
            check_text("correlation_id", correlation_id)?;
            let records = walk_positions(
                Table::ByCorrelation,
                &layout::string_prefix(correlation_id),
                *from_position,
                &mut page,
            )?;
            for record in &records {
                if record.correlation_id.as_deref() != Some(correlation_id.as_str()) {
                    return Err(index_mismatch(
                        "correlation",
                        record,
                        format!(
                            "the entry is for correlation id '{correlation_id}', but the event there has {:?}",
                            record.correlation_id
                        ),
                    ));
                }
            }
            records
        }
        Query::ByTime { from, to } => {
            // The first append recorded at or after `from`, then the log from its first
            // position (the log is ordered by recorded-at) until `to`.
            let mut start = None;
            tx.scan(Table::ByTime, &layout::time_key(*from, 0), |k, _| {
                page.visited += 1;
                start = Some(k.to_vec());
                Ok(false)
            })?;
            let mut positions = Vec::new();
            if let Some(key) = start {
                let start = check_time_entry(tx, &key, *from)?;
                tx.scan(Table::Log, &start.to_be_bytes(), |k, v| {
                    page.visited += 1;
                    match LogEntry::decode(v) {
                        Some(e) if e.recorded_at < *to => {
                            positions.push(layout::u64_be(k).unwrap_or(0));
                            Ok(positions.len() < max)
                        }
                        Some(_) => Ok(false),
                        None => Err(damaged_log(
                            layout::u64_be(k).unwrap_or(0),
                            "the log entry is damaged",
                        )),
                    }
                })?;
            }
            positions
                .into_iter()
                .map(|p| r.at_position(p))
                .collect::<Result<Vec<_>>>()?
        }
        Query::StreamSince {
            stream,
            since_version,
        } => match stream::info(tx, stream)? {
            None => Vec::new(),
            Some(info) => {
                let mut out = Vec::new();
                let mut v = since_version.saturating_add(1);
                while v <= info.version && out.len() < max {
                    page.visited += 1;
                    out.push(r.event(info.num, v)?);
                    v += 1;
                }
                out
            }
        },
    };
    Ok(page)
}

/// R-BAD-4: the time-index entry a time query starts from (`key`, the first at or after
/// `from`) is checked against the log: the event at its position was recorded at its time, and
/// the event before it was recorded before `from` (else the query would skip events). Returns
/// the position to start from.
fn check_time_entry(tx: &impl Reads, key: &[u8], from: Micros) -> Result<u64> {
    let bad = |reason: String| damaged("time index entry".to_string(), &reason);
    let (bits, position) = match (layout::u64_be(key), layout::key_position(key)) {
        (Some(bits), Some(position)) if key.len() == 16 => (bits, position),
        _ => return Err(bad("the entry's key is damaged".into())),
    };
    let (entry, _) = resolve_position(tx, position)?;
    if layout::time_bits(entry.recorded_at) != bits {
        return Err(bad(format!(
            "the entry names position {position} at its time, but that event was recorded at {}",
            format_micros(entry.recorded_at)
        )));
    }
    if position > 1 {
        let (before, _) = resolve_position(tx, position - 1)?;
        if before.recorded_at >= from {
            return Err(bad(format!(
                "the entry names position {position}, but the event before it was recorded at {}, \
                 inside the range: the time index misses an entry",
                format_micros(before.recorded_at)
            )));
        }
    }
    Ok(position)
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

/// Q-CMD-2: the record of a command, if it was processed.
pub(crate) fn command(tx: &impl Reads, id: &str) -> Result<Option<CommandRecord>> {
    match tx.get(Table::Commands, id.as_bytes())? {
        None => Ok(None),
        Some(v) => serde_json::from_slice(v).map(Some).map_err(|e| {
            damaged(
                format!("command record '{id}'"),
                &format!("it cannot be read: {e}"),
            )
        }),
    }
}
