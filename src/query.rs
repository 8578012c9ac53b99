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

    /// The records as one JSON array (the C ABI's output); messages embedded as stored.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(&self.records).unwrap_or_else(|_| b"[]".to_vec())
    }
}

/// Resolves positions into records, caching stream names within one query.
struct Resolver<'t, T: Reads> {
    tx: &'t T,
    names: HashMap<u64, StreamId>,
}

impl<'t, T: Reads> Resolver<'t, T> {
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
        self.names.insert(num, s.clone());
        Ok(s)
    }

    fn at_position(&mut self, position: u64) -> Result<LogRecord> {
        let entry = self
            .tx
            .get(Table::Log, &position.to_be_bytes())?
            .and_then(LogEntry::decode)
            .ok_or_else(|| {
                damaged(
                    format!("global log position {position}"),
                    "no valid log entry",
                )
            })?;
        self.event(entry.stream, entry.version)
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
            match event_version {
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
            }
        }
        Query::ByCorrelation {
            correlation_id,
            from_position,
        } => {
            check_text("correlation_id", correlation_id)?;
            walk_positions(
                Table::ByCorrelation,
                &layout::string_prefix(correlation_id),
                *from_position,
                &mut page,
            )?
        }
        Query::ByTime { from, to } => {
            // The first append recorded at or after `from`, then the log from its first
            // position (the log is ordered by recorded-at) until `to`.
            let mut start = None;
            tx.scan(Table::ByTime, &layout::time_key(*from, 0), |k, _| {
                page.visited += 1;
                start = layout::key_position(k);
                Ok(false)
            })?;
            let mut positions = Vec::new();
            if let Some(start) = start {
                tx.scan(Table::Log, &start.to_be_bytes(), |k, v| {
                    page.visited += 1;
                    match LogEntry::decode(v) {
                        Some(e) if e.recorded_at < *to => {
                            positions.push(layout::u64_be(k).unwrap_or(0));
                            Ok(positions.len() < max)
                        }
                        _ => Ok(false),
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
