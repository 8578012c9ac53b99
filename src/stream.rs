//! Stream identity (B-ID-*) and the reads of one stream's events: version, range walk.

use crate::error::{Error, Result};
use crate::layout::{self, StreamInfo};
use crate::messages::Messages;
use crate::settings::limits;
use crate::storage::{Reads, Table};

/// A stream `(database, name, id)`, checked and encoded once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamId {
    pub database: String,
    pub name: String,
    pub id: String,
    key: Vec<u8>,
}

impl StreamId {
    /// Checks each part (B-ID-2: non-empty UTF-8, no NUL, at most
    /// [`limits::MAX_NAME_BYTES`] bytes) and builds the identity.
    pub fn new(database: &str, name: &str, id: &str) -> Result<StreamId> {
        for (part, value) in [("database", database), ("name", name), ("id", id)] {
            check_part(part, value)?;
        }
        Ok(StreamId {
            database: database.to_string(),
            name: name.to_string(),
            id: id.to_string(),
            key: layout::stream_key(database, name, id),
        })
    }

    /// B-ID-3: `database/name/id`.
    pub fn store_id(&self) -> String {
        format!("{}/{}/{}", self.database, self.name, self.id)
    }

    pub(crate) fn key(&self) -> &[u8] {
        &self.key
    }

    pub(crate) fn from_key(key: &[u8]) -> Option<StreamId> {
        let [database, name, id] = layout::decode_stream_key(key)?;
        Some(StreamId {
            database,
            name,
            id,
            key: key.to_vec(),
        })
    }
}

fn check_part(part: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(
            part,
            "the stream's {part} must not be empty".replace("{part}", part),
        ));
    }
    if value.len() > limits::MAX_NAME_BYTES {
        return Err(Error::invalid(
            part,
            format!(
                "the stream's {part} is {} bytes; the limit is {} bytes",
                value.len(),
                limits::MAX_NAME_BYTES
            ),
        ));
    }
    if value.contains('\0') {
        return Err(Error::invalid(
            part,
            format!("the stream's {part} contains a NUL character"),
        ));
    }
    Ok(())
}

/// The stream's number and version, if it has ever been written.
pub(crate) fn info(tx: &impl Reads, stream: &StreamId) -> Result<Option<StreamInfo>> {
    match tx.get(Table::Streams, stream.key())? {
        None => Ok(None),
        Some(v) => StreamInfo::decode(v)
            .map(Some)
            .ok_or_else(|| Error::Serialization {
                key: format!("stream record of '{}'", stream.store_id()),
                version: None,
                reason: "the stream record is damaged".into(),
            }),
    }
}

/// B-RD-5: the current version in O(1) (one key lookup).
pub(crate) fn version(tx: &impl Reads, stream: &StreamId) -> Result<u64> {
    Ok(info(tx, stream)?.map(|i| i.version).unwrap_or(0))
}

/// Appends events `first..=last` of stream `num` to `out`, in one cursor walk, checking each
/// record (B-RD-6) and that no version is missing.
pub(crate) fn push_events(
    tx: &impl Reads,
    store_id: &str,
    num: u64,
    first: u64,
    last: u64,
    out: &mut Messages,
) -> Result<()> {
    if first > last {
        return Ok(());
    }
    let mut expected = first;
    tx.scan(Table::Events, &layout::version_key(num, first), |k, v| {
        let Some((s, version)) = layout::split_version_key(k) else {
            return Err(Error::corrupt(
                store_id,
                expected,
                "an event key is damaged",
            ));
        };
        if s != num || version > last {
            return Ok(false);
        }
        if version != expected {
            return Err(Error::corrupt(
                store_id,
                expected,
                format!("event {expected} is missing (found {version})"),
            ));
        }
        let record = layout::read_event(v).map_err(|r| Error::corrupt(store_id, version, r))?;
        out.push(version, record.json);
        expected += 1;
        Ok(version < last)
    })?;
    if expected <= last {
        return Err(Error::corrupt(
            store_id,
            expected,
            format!("event {expected} is missing"),
        ));
    }
    Ok(())
}

/// Bytes to reserve for `count` events, guessed from the larger of the first and the last
/// one's size. Stored messages usually carry their version as `SequenceNumber`, so later events
/// are a few bytes longer than earlier ones; a guess from the first alone falls short near the
/// end, and growing a multi-megabyte buffer then copies all of it once more.
pub(crate) fn size_hint(tx: &impl Reads, num: u64, first: u64, count: u64) -> Result<usize> {
    let len = |version: u64| -> Result<usize> {
        Ok(tx
            .get(Table::Events, &layout::version_key(num, version))?
            .map(|v| v.len().saturating_sub(layout::EVENT_HEADER))
            .unwrap_or(0))
    };
    let mut one = len(first)?;
    if count > 1 {
        one = one.max(len(first.saturating_add(count - 1))?);
    }
    Ok(one.saturating_mul(count.min(1 << 20) as usize))
}
