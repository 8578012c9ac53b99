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
///
/// R-BAD-4: the `streams` record is not trusted alone. It must name a stream number whose name
/// record is this stream, event `version` must be stored and event `version + 1` must not be: a
/// record that says 8 when 10 events exist, or 12, or names another stream, is reported as
/// damaged instead of making a read stop early or an append overwrite or skip an event.
pub(crate) fn info(tx: &impl Reads, stream: &StreamId) -> Result<Option<StreamInfo>> {
    let Some(v) = tx.get(Table::Streams, stream.key())? else {
        return Ok(None);
    };
    let damaged = |reason: String| Error::Serialization {
        key: format!("stream record of '{}'", stream.store_id()),
        version: None,
        reason,
    };
    let info =
        StreamInfo::decode(v).ok_or_else(|| damaged("the stream record is damaged".into()))?;
    if tx.get(Table::StreamNames, &info.num.to_be_bytes())? != Some(stream.key()) {
        return Err(damaged(format!(
            "the stream record names stream number {}, whose name record is not this stream",
            info.num
        )));
    }
    let stored = |version: u64| -> Result<bool> {
        Ok(tx
            .get(Table::Events, &layout::version_key(info.num, version))?
            .is_some())
    };
    if info.version > 0 && !stored(info.version)? {
        return Err(damaged(format!(
            "the stream record says version {}, but event {} is not stored",
            info.version, info.version
        )));
    }
    if stored(info.version + 1)? {
        return Err(damaged(format!(
            "the stream record says version {}, but event {} is stored",
            info.version,
            info.version + 1
        )));
    }
    Ok(Some(info))
}

/// R-BAD-4: a `message_ids` entry found for `id` (value `v`) points at an event of this stream
/// that carries that id. Returns the version it names.
pub(crate) fn check_message_id(
    tx: &impl Reads,
    stream: &StreamId,
    info: StreamInfo,
    id: &str,
    v: &[u8],
) -> Result<u64> {
    let store_id = stream.store_id();
    let damaged = |version: u64, reason: String| Error::Serialization {
        key: format!("message id index of store '{store_id}', id '{id}'"),
        version: Some(version),
        reason,
    };
    let version = match layout::u64_be(v) {
        Some(version) if v.len() == 8 && (1..=info.version).contains(&version) => version,
        _ => return Err(damaged(0, "the index entry is damaged".into())),
    };
    let bytes = tx
        .get(Table::Events, &layout::version_key(info.num, version))?
        .ok_or_else(|| {
            damaged(
                version,
                format!("it points at version {version}, which is not stored"),
            )
        })?;
    let event = layout::read_event(bytes).map_err(|r| Error::corrupt(&store_id, version, r))?;
    let what = format!("store '{store_id}' version {version}");
    let meta = crate::message::parse_metadata(event.json, &what).map_err(|e| {
        Error::corrupt(
            &store_id,
            version,
            format!("the stored message cannot be read: {e}"),
        )
    })?;
    if meta.id != id {
        return Err(damaged(
            version,
            format!(
                "it points at version {version}, whose message id is '{}'",
                meta.id
            ),
        ));
    }
    Ok(version)
}

/// R-BAD-4: the number a new stream is about to take has no stored events (a damaged
/// `stream_names` table could hand out a number in use).
pub(crate) fn check_unused_number(tx: &impl Reads, stream: &StreamId, num: u64) -> Result<()> {
    let mut used = false;
    tx.scan(Table::Events, &layout::version_key(num, 0), |k, _| {
        used = layout::split_version_key(k).is_some_and(|(s, _)| s == num);
        Ok(false)
    })?;
    if used {
        return Err(Error::Serialization {
            key: format!("stream names table (new stream '{}')", stream.store_id()),
            version: None,
            reason: format!(
                "stream number {num} would be given to a new stream, but events of that number are \
                 stored: the stream names table is damaged"
            ),
        });
    }
    Ok(())
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

/// Bytes to reserve for `count` events, guessed from the first and the last one's size.
/// Stored messages usually carry their version as `SequenceNumber`, so later events are a few
/// bytes longer than earlier ones; a guess from the first alone falls short near the end, and
/// growing a multi-megabyte buffer then copies all of it once more.
///
/// R-RES-5: the guess never reserves more than a small multiple of what the result must hold:
/// both samples are in the result, and every other event gets at most [`SIZE_HINT_PER_EVENT`]
/// bytes of the guess. One large event among small ones (a 60 MiB event first or last) so costs
/// its own size, not its size times the count; a buffer that still falls short just grows.
pub(crate) fn size_hint(tx: &impl Reads, num: u64, first: u64, count: u64) -> Result<usize> {
    let len = |version: u64| -> Result<usize> {
        Ok(tx
            .get(Table::Events, &layout::version_key(num, version))?
            .map(|v| v.len().saturating_sub(layout::EVENT_HEADER))
            .unwrap_or(0))
    };
    if count == 0 {
        return Ok(0);
    }
    let head = len(first)?;
    let tail = if count > 1 {
        len(first.saturating_add(count - 1))?
    } else {
        0
    };
    let count = count.min(1 << 20) as usize;
    let guess = head.max(tail).saturating_mul(count);
    let bound = (head + tail).saturating_add(count.saturating_mul(SIZE_HINT_PER_EVENT));
    Ok(guess.min(bound))
}

/// Bytes per event (besides the two sampled) that [`size_hint`] may reserve.
const SIZE_HINT_PER_EVENT: usize = 2048;
