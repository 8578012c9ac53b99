//! The seam's [`ReadView`] and [`WriteView`] on LMDB's tables: where an append is written and
//! where every record is found and verified.
//!
//! Verification (R-BAD-3, R-BAD-4): events and snapshots carry a CRC-32; every other record is
//! cross-checked against what it names before it is handed up:
//! - a `streams` record against its name record (the stream's version is its last `events` key
//!   or, when later, its newest entry in the unindexed tail);
//! - a `log` entry against the event record it holds (which carries that position and time);
//!   its index fields, read only in the unindexed tail and by verify, by the entry's CRC;
//! - an `events` entry (a position) against the log entry there, which must name its stream
//!   and version;
//! - `meta/indexed_through` by its CRC and against the log and the groups;
//! - a stream number found through the log against the stream's own record;
//! - the log position a time query starts from against the entry before it;
//! - a `message_ids` entry against the stream's range.
//!
//! The indexes (`events`, `message_ids`, `type_groups`, `corr_groups`) cover the log up to
//! `meta/indexed_through`; the positions after it are the unindexed tail (at most
//! `index_lag` of them after any commit). Every read that uses an index also reads the tail
//! from the log, whose entries carry what the indexes are made of (and, in format 5, the events
//! themselves: a stream's newest events may be in the tail alone), so every answer is exact;
//! an append whose events make the tail longer than `index_lag` indexes the whole tail in its
//! own transaction.
//!
//! What only the store can check (an index entry's type against the event's metadata, a
//! message id against the stored message) is checked above the seam.

use std::collections::HashMap;

use lode_backend::{
    format_micros, Append, Checkpoint, CommandRecord, Error, EventRef, EventSource, IndexEntry,
    IndexKind, Lease, LogHead, Messages, ReadView, Result, SnapshotRef, StoredEvent, StreamHead,
    StreamId, WriteView,
};

use crate::env::{
    is_key_exists, OrderedPuts, PointReads, ReadTxn, Reads, Table, WriteTxn, META_INDEXED_THROUGH,
    META_NEXT_TYPE_ID,
};
use crate::layout::{self, LogEntry, MessageIdEntry, StreamInfo};

fn damaged(key: String, reason: impl Into<String>) -> Error {
    Error::Serialization {
        key,
        version: None,
        reason: reason.into(),
    }
}

// -- streams ------------------------------------------------------------------------------------

/// The stream's head, cross-checked (R-BAD-4): the `streams` record (CRC-checked) must name a
/// stream number whose name record is this stream. The version is the stream's last stored
/// event ([`stream_version`]), so no record can disagree with the events (format 2 kept it in
/// the stream record and checked the two against each other); a version missing inside the
/// stream is reported by the read that reaches it.
fn stream_head(tx: &impl Reads, stream: &StreamId) -> Result<Option<StreamHead>> {
    let Some(v) = tx.get(Table::Streams, stream.encoded())? else {
        return Ok(None);
    };
    let bad = |reason: String| damaged(format!("stream record of '{}'", stream.store_id()), reason);
    let info = StreamInfo::decode(v).ok_or_else(|| bad("the stream record is damaged".into()))?;
    if tx.get(Table::StreamNames, &info.num.to_be_bytes())? != Some(stream.encoded()) {
        return Err(bad(format!(
            "the stream record names stream number {}, whose name record is not this stream",
            info.num
        )));
    }
    Ok(Some(StreamHead {
        slot: info.num,
        version: stream_version(tx, info.num)?,
    }))
}

/// The last version stored of stream `num` (0 when none): its newest entry in the unindexed
/// tail, found by walking the log back from its end to `indexed_through` (at most `index_lag`
/// entries, reading each one's stream number), or else its last `events` key. The entry found
/// is decoded, so its CRC is checked, and it must lie past the stream's indexed events
/// (R-BAD-4).
fn stream_version(tx: &impl Reads, num: u64) -> Result<u64> {
    let indexed = indexed_through(tx)?;
    let mut newest: Option<(u64, u64)> = None;
    let mut first = true;
    tx.scan_back(Table::Log, |k, v| {
        let position = log_key(k)?;
        if std::mem::take(&mut first) && position < indexed {
            return Err(indexed_past_the_log(indexed, position));
        }
        if position <= indexed {
            return Ok(false);
        }
        let (entry, _) = log_parts(position, v)?;
        match LogEntry::locate(entry) {
            Some((s, _, _)) if s != num => Ok(true),
            Some(_) => {
                newest = Some((position, tail_entry(position, v)?.version));
                Ok(false)
            }
            None => Err(Error::damaged_log(position, "the log entry is damaged")),
        }
    })?;
    let in_index = last_indexed_version(tx, num)?;
    match newest {
        None => Ok(in_index),
        Some((_, version)) if version > in_index => Ok(version),
        Some((position, version)) => Err(Error::damaged_log(
            position,
            format!(
                "the log entry names version {version} of stream number {num}, whose indexed \
                 events already reach version {in_index}"
            ),
        )),
    }
}

/// The error of an `indexed_through` past the log's last position `head`: a reader would skip
/// the events that are there.
fn indexed_past_the_log(indexed: u64, head: u64) -> Error {
    damaged(
        "meta 'indexed_through'".into(),
        format!("it says the indexes cover position {indexed}, past the log's end ({head})"),
    )
}

/// The last version of stream `num` in the `events` index (0 when none): one seek below the
/// first key past the stream's (`num ‖ ff…ff ‖ 00` is larger than every 16-byte key of `num`).
fn last_indexed_version(tx: &impl Reads, num: u64) -> Result<u64> {
    let mut past = [0xffu8; 17];
    past[..8].copy_from_slice(&num.to_be_bytes());
    past[16] = 0;
    Ok(match tx.seek_lt(Table::Events, &past)? {
        Some((k, _)) => match layout::split_version_key(k) {
            Some((s, version)) if s == num => version,
            _ => 0,
        },
        None => 0,
    })
}

// -- the unindexed tail -------------------------------------------------------------------------

/// The last log position the indexes cover (`meta/indexed_through`, CRC-checked; 0 when
/// absent). The later positions are the unindexed tail. The readers that rely on it check it
/// against the log too: the tail's walk, that it is not past the log's end; group walks, that
/// no group names a position past it; an append, that it is below the append's first position.
fn indexed_through(tx: &impl Reads) -> Result<u64> {
    match tx.get(Table::Meta, META_INDEXED_THROUGH)? {
        None => Ok(0),
        Some(v) => layout::decode_indexed_through(v).ok_or_else(|| {
            damaged(
                "meta 'indexed_through'".into(),
                "the record is damaged (its checksum does not match)",
            )
        }),
    }
}

/// The log's last key as a position, `None` when the log is empty.
fn last_log_key(tx: &impl Reads) -> Result<Option<u64>> {
    tx.seek_lt(Table::Log, &[0xff; 9])?
        .map(|(k, _)| log_key(k))
        .transpose()
}

/// The last position of the log, 0 when it is empty.
fn last_position(tx: &impl Reads) -> Result<u64> {
    Ok(last_log_key(tx)?.unwrap_or(0))
}

/// A `log` key's position.
fn log_key(k: &[u8]) -> Result<u64> {
    layout::u64_be(k)
        .filter(|_| k.len() == 8)
        .ok_or_else(|| Error::damaged_log(0, "a log key is not a position"))
}

/// The log value at `position` split into its entry and its event record (format 5).
fn log_parts(position: u64, v: &[u8]) -> Result<(&[u8], &[u8])> {
    layout::split_log_value(v).ok_or_else(|| {
        Error::damaged_log(
            position,
            "the log value is damaged (its entry's length does not fit it)",
        )
    })
}

/// The log entry of the value at `position` of the unindexed tail, decoded and CRC-checked: it
/// must carry its index fields (an entry without them was indexed as it was written, so it
/// cannot lie past `indexed_through`).
fn tail_entry(position: u64, v: &[u8]) -> Result<LogEntry<'_>> {
    let (v, _) = log_parts(position, v)?;
    LogEntry::decode(v).ok_or_else(|| {
        Error::damaged_log(
            position,
            if LogEntry::is_sound(v) {
                "the log entry lies in the unindexed tail but has no index fields"
            } else {
                "the log entry is damaged"
            },
        )
    })
}

/// Calls `visit` on each log entry of the unindexed tail (past `indexed`, the caller's reading
/// of [`indexed_through`]) from position `from` on, decoded and CRC-checked, in position order,
/// with the event record its value holds (not checked here), while it returns true; counts each
/// entry read in `visited`.
fn walk_tail(
    tx: &impl Reads,
    indexed: u64,
    from: u64,
    visited: &mut usize,
    mut visit: impl FnMut(u64, &LogEntry<'_>, &[u8]) -> Result<bool>,
) -> Result<()> {
    let start = from.max(indexed.saturating_add(1));
    let mut any = false;
    tx.scan(Table::Log, &start.to_be_bytes(), |k, v| {
        *visited += 1;
        any = true;
        let position = log_key(k)?;
        let (_, record) = log_parts(position, v)?;
        visit(position, &tail_entry(position, v)?, record)
    })?;
    if !any && indexed > 0 {
        // An empty tail: the indexes must not claim positions the log does not hold (a reader
        // would then skip the events that are there).
        let head = last_position(tx)?;
        if indexed > head {
            return Err(indexed_past_the_log(indexed, head));
        }
    }
    Ok(())
}

/// Version `version` of the stream: through the `events` index when it covers it, else from
/// the stream's entries in the unindexed tail. `None` when neither holds it.
fn event<'t>(
    tx: &'t impl Reads,
    stream: &StreamId,
    head: StreamHead,
    version: u64,
) -> Result<Option<StoredEvent<'t>>> {
    let num = head.slot;
    let position = match tx.get(Table::Events, &layout::version_key(num, version))? {
        Some(v) => Some(index_position(stream, version, v)?),
        None => tail_position(tx, num, version)?,
    };
    let Some(position) = position else {
        return Ok(None);
    };
    let v = tx
        .get(Table::Log, &position.to_be_bytes())?
        .ok_or_else(|| no_log_entry(stream, version, position))?;
    stored_event(stream, num, version, position, v).map(Some)
}

/// The position of version `version` of stream number `num` in the unindexed tail, if there.
/// The entries' stream and version are read without their CRC (the tail's other readers check
/// it, for the index fields): the entry found is checked against its record by the caller
/// ([`stored_event`]), and an entry damaged elsewhere then costs this stream nothing, while one
/// damaged in its stream or version leaves its event unfound, which is reported as missing.
fn tail_position(tx: &impl Reads, num: u64, version: u64) -> Result<Option<u64>> {
    let indexed = indexed_through(tx)?;
    let mut found = None;
    tx.scan(Table::Log, &(indexed + 1).to_be_bytes(), |k, v| {
        let position = log_key(k)?;
        let (entry, _) = log_parts(position, v)?;
        if LogEntry::locate(entry).is_some_and(|(s, named, _)| (s, named) == (num, version)) {
            found = Some(position);
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(found)
}

/// The position an `events` entry of version `version` holds, checked to be one (8 bytes).
fn index_position(stream: &StreamId, version: u64, v: &[u8]) -> Result<u64> {
    layout::decode_event_index(v)
        .ok_or_else(|| Error::corrupt(&stream.store_id(), version, "its index entry is damaged"))
}

fn no_log_entry(stream: &StreamId, version: u64, position: u64) -> Error {
    Error::corrupt(
        &stream.store_id(),
        version,
        format!("its index entry names log position {position}, which holds no entry"),
    )
}

/// R-BAD-4: the event record in the log value `v` at `position`, which the caller reached as
/// version `version` of stream number `num`: the entry must name that stream and version, and
/// the record (CRC-checked) must carry that position and the entry's time.
fn stored_event<'v>(
    stream: &StreamId,
    num: u64,
    version: u64,
    position: u64,
    v: &'v [u8],
) -> Result<StoredEvent<'v>> {
    let (entry, record) = log_parts(position, v)?;
    let (s, named, recorded_at) = LogEntry::locate(entry)
        .ok_or_else(|| Error::damaged_log(position, "the log entry is damaged"))?;
    if (s, named) != (num, version) {
        return Err(Error::corrupt(
            &stream.store_id(),
            version,
            format!(
                "it is indexed at log position {position}, whose entry names version {named} \
                 of stream number {s}"
            ),
        ));
    }
    let stored =
        layout::read_event(record).map_err(|r| Error::corrupt(&stream.store_id(), version, r))?;
    if stored.position != position || stored.recorded_at != recorded_at {
        return Err(Error::corrupt(
            &stream.store_id(),
            version,
            format!(
                "the event record at log position {position} says position {} and time {}, \
                 its entry {}",
                stored.position,
                format_micros(stored.recorded_at),
                format_micros(recorded_at)
            ),
        ));
    }
    Ok(stored)
}

fn message_version(
    tx: &impl Reads,
    stream: &StreamId,
    head: StreamHead,
    id: &str,
) -> Result<Option<u64>> {
    Ok(message_versions(tx, stream, head, &[id])?.pop().flatten())
}

/// The version of each of `ids` in the stream: from the `message_ids` index, with one cursor
/// (an append of 1,000 events checks 1,000 ids; one by one, each lookup walked down from the
/// root: ~1,600 instructions per event in P1, ~500 with one cursor), then from the stream's
/// entries in the unindexed tail of the log.
fn message_versions(
    tx: &impl Reads,
    stream: &StreamId,
    head: StreamHead,
    ids: &[&str],
) -> Result<Vec<Option<u64>>> {
    let mut found = Vec::with_capacity(ids.len());
    tx.get_each(
        Table::MessageIds,
        ids.len(),
        |i, key| layout::message_id_key_into(key, head.slot, ids[i].as_bytes()),
        |i, v| {
            found.push(match v {
                Some(v) => Some(message_id_entry(stream, head, ids[i], v)?),
                None => None,
            });
            Ok(())
        },
    )?;
    // The tail: few entries (at most `index_lag`), each matched against the ids (through a map
    // when there are many ids, made at the tail's first entry of this stream: a batch that
    // indexes itself usually finds none).
    let mut by_id: Option<HashMap<&[u8], usize>> = None;
    // Every entry is decoded, so its CRC is checked (R-BAD-4: a damaged id or stream number
    // in the tail would otherwise let a duplicate through).
    let mut visited = 0;
    walk_tail(
        tx,
        indexed_through(tx)?,
        0,
        &mut visited,
        |position, e, _| {
            if e.stream != head.slot {
                return Ok(true);
            }
            let at = if ids.len() > 16 {
                by_id
                    .get_or_insert_with(|| {
                        ids.iter()
                            .enumerate()
                            .map(|(i, id)| (id.as_bytes(), i))
                            .collect()
                    })
                    .get(e.message_id)
                    .copied()
            } else {
                ids.iter().position(|id| id.as_bytes() == e.message_id)
            };
            if let Some(i) = at {
                if !(1..=head.version).contains(&e.version) {
                    return Err(Error::damaged_log(
                        position,
                        format!(
                            "the log entry names version {} of a stream at version {}",
                            e.version, head.version
                        ),
                    ));
                }
                found[i] = Some(e.version);
            }
            Ok(true)
        },
    )?;
    Ok(found)
}

/// The version a `message_ids` entry names, checked: 8 or 16 bytes, a version the stream holds.
fn message_id_entry(stream: &StreamId, head: StreamHead, id: &str, v: &[u8]) -> Result<u64> {
    match MessageIdEntry::decode(v) {
        Some(e) if (1..=head.version).contains(&e.version) => Ok(e.version),
        _ => Err(Error::Serialization {
            key: format!(
                "message id index of store '{}', id '{id}'",
                stream.store_id()
            ),
            version: None,
            reason: "the index entry is damaged".into(),
        }),
    }
}

/// Calls `visit(version, position, event)` on events `first..=last` of the stream, in version
/// order, while it returns true, checking each (B-RD-6, [`stored_event`]) and that no version
/// is missing. The stream's events are read from the log in runs: the position of the next
/// version wanted is looked up (in the `events` index, which holds the versions at positions up
/// to `indexed_through`, else among the stream's entries in the unindexed tail), then the log is
/// walked from there while its entries name the stream's next versions (a batch's events are
/// consecutive in the log: one lookup for the batch). A version no index and no tail entry
/// names is reported missing.
///
/// Why runs, not one index lookup per event: with one per event (an `events` walk and a log
/// cursor in step), reading a 10,000-event stream took 0.35-0.41× a raw LMDB scan's speed
/// (P4, format 4: 1.05-1.34×); the log walk alone does what format 4's `events` walk did.
fn walk_stream(
    tx: &impl Reads,
    stream: &StreamId,
    head: StreamHead,
    first: u64,
    last: u64,
    mut visit: impl FnMut(u64, u64, StoredEvent<'_>) -> Result<bool>,
) -> Result<()> {
    let num = head.slot;
    let index = tx.point_reads(Table::Events)?;
    let mut expected = first;
    let mut stopped = false;
    while expected <= last && !stopped {
        let start = match index.get(&layout::version_key(num, expected))? {
            Some(v) => index_position(stream, expected, v)?,
            None => tail_position(tx, num, expected)?.ok_or_else(|| {
                Error::corrupt(
                    &stream.store_id(),
                    expected,
                    format!("event {expected} is missing"),
                )
            })?,
        };
        let mut run = 0u64;
        tx.scan(Table::Log, &start.to_be_bytes(), |k, v| {
            let position = log_key(k)?;
            if run == 0 && position != start {
                return Err(no_log_entry(stream, expected, start));
            }
            let (entry, _) = log_parts(position, v)?;
            let named = LogEntry::locate(entry).map(|(s, version, _)| (s, version));
            if run > 0 && named != Some((num, expected)) {
                // Another stream's event (or a later version's lookup): the run ends here.
                return Ok(false);
            }
            let stored = stored_event(stream, num, expected, position, v)?;
            run += 1;
            if !visit(expected, position, stored)? {
                stopped = true;
                return Ok(false);
            }
            expected += 1;
            Ok(expected <= last)
        })?;
        if run == 0 {
            return Err(no_log_entry(stream, expected, start));
        }
    }
    Ok(())
}

/// [`walk_stream`] for the checkers (verify, and the subscriptions that follow one stream): the
/// same events, but every version the `events` index covers is taken from it, one entry per
/// event, so an index entry that is missing or names another position is reported even where
/// the log still holds the event (a store read, reading the log in runs, would not see it).
/// It walks the index and resolves each position in the log: 0.35-0.41× a raw scan's speed,
/// where [`walk_stream`] keeps format 4's.
fn walk_stream_checked(
    tx: &impl Reads,
    stream: &StreamId,
    head: StreamHead,
    first: u64,
    last: u64,
    mut visit: impl FnMut(u64, u64, StoredEvent<'_>) -> Result<bool>,
) -> Result<()> {
    if first > last {
        return Ok(());
    }
    let store_id = || stream.store_id();
    let num = head.slot;
    let log = tx.point_reads(Table::Log)?;
    let mut expected = first;
    let mut stopped = false;
    tx.scan(Table::Events, &layout::version_key(num, first), |k, v| {
        let Some((s, version)) = layout::split_version_key(k) else {
            return Err(Error::corrupt(
                &store_id(),
                expected,
                "an event key is damaged",
            ));
        };
        if s != num || version > last {
            return Ok(false);
        }
        if version != expected {
            return Err(Error::corrupt(
                &store_id(),
                expected,
                format!("event {expected} is missing (found {version})"),
            ));
        }
        let position = index_position(stream, version, v)?;
        let key = position.to_be_bytes();
        let value = log
            .get(&key)?
            .ok_or_else(|| no_log_entry(stream, version, position))?;
        if !visit(
            version,
            position,
            stored_event(stream, num, version, position, value)?,
        )? {
            stopped = true;
            return Ok(false);
        }
        expected += 1;
        Ok(version < last)
    })?;
    if !stopped && expected <= last {
        let mut visited = 0;
        let indexed = indexed_through(tx)?;
        walk_tail(tx, indexed, 0, &mut visited, |position, e, record| {
            if e.stream != num || e.version < expected {
                return Ok(true);
            }
            if e.version != expected {
                return Err(Error::corrupt(
                    &store_id(),
                    expected,
                    format!("event {expected} is missing (found {})", e.version),
                ));
            }
            let stored =
                layout::read_event(record).map_err(|r| Error::corrupt(&store_id(), expected, r))?;
            if stored.position != position || stored.recorded_at != e.recorded_at {
                return Err(Error::damaged_log(
                    position,
                    "the event record does not carry its log entry's position and time",
                ));
            }
            if !visit(expected, position, stored)? {
                stopped = true;
                return Ok(false);
            }
            expected += 1;
            Ok(expected <= last)
        })?;
    }
    if !stopped && expected <= last {
        return Err(Error::corrupt(
            &store_id(),
            expected,
            format!("event {expected} is missing"),
        ));
    }
    Ok(())
}

/// Pushes events `first..=last` of the stream to `out` ([`walk_stream`]).
fn read_events(
    tx: &impl Reads,
    stream: &StreamId,
    head: StreamHead,
    first: u64,
    last: u64,
    out: &mut Messages,
) -> Result<()> {
    walk_stream(tx, stream, head, first, last, |version, _, stored| {
        out.push(version, stored.json);
        Ok(true)
    })
}

/// Bytes per event (besides the two sampled) that [`size_hint`] may reserve.
const SIZE_HINT_PER_EVENT: usize = 2048;

/// Bytes to reserve for events `first..=last`, guessed from the first and the last one's size.
/// Stored messages usually carry their version as `SequenceNumber`, so later events are a few
/// bytes longer than earlier ones; a guess from the first alone falls short near the end, and
/// growing a multi-megabyte buffer then copies all of it once more.
///
/// R-RES-5: the guess never reserves more than a small multiple of what the result must hold:
/// both samples are in the result, and every other event gets at most [`SIZE_HINT_PER_EVENT`]
/// bytes of the guess. One large event among small ones (a 60 MiB event first or last) so costs
/// its own size, not its size times the count; a buffer that still falls short just grows.
fn size_hint(tx: &impl Reads, head: StreamHead, first: u64, last: u64) -> Result<usize> {
    if first > last {
        return Ok(0);
    }
    let len = |version: u64| -> Result<usize> {
        // The length of the JSON, unchecked: the read that follows checks every event.
        let position = match tx.get(Table::Events, &layout::version_key(head.slot, version))? {
            Some(v) => layout::decode_event_index(v),
            None => tail_position(tx, head.slot, version)?,
        };
        let Some(position) = position else {
            return Ok(0);
        };
        Ok(tx
            .get(Table::Log, &position.to_be_bytes())?
            .and_then(layout::split_log_value)
            .map(|(_, record)| record.len().saturating_sub(layout::EVENT_HEADER))
            .unwrap_or(0))
    };
    let count = last - first + 1;
    let head_len = len(first)?;
    let tail_len = if count > 1 { len(last)? } else { 0 };
    let count = count.min(1 << 20) as usize;
    let guess = head_len.max(tail_len).saturating_mul(count);
    let bound = (head_len + tail_len).saturating_add(count.saturating_mul(SIZE_HINT_PER_EVENT));
    Ok(guess.min(bound))
}

/// The largest stream number so far (numbers are given in increasing order), 0 when none.
fn last_stream_number(tx: &impl Reads) -> Result<u64> {
    Ok(tx
        .seek_lt(Table::StreamNames, &[0xff; 9])?
        .and_then(|(k, _)| layout::u64_be(k))
        .unwrap_or(0))
}

/// R-BAD-4: the number a new stream is about to take has no stored events (a damaged
/// `stream_names` table could hand out a number in use).
fn new_stream(tx: &impl Reads, stream: &StreamId) -> Result<StreamHead> {
    let num = last_stream_number(tx)? + 1;
    let mut used = false;
    tx.scan(Table::Events, &layout::version_key(num, 0), |k, _| {
        used = layout::split_version_key(k).is_some_and(|(s, _)| s == num);
        Ok(false)
    })?;
    if !used {
        let mut visited = 0;
        walk_tail(tx, indexed_through(tx)?, 0, &mut visited, |_, e, _| {
            used = e.stream == num;
            Ok(!used)
        })?;
    }
    if used {
        return Err(damaged(
            format!("stream names table (new stream '{}')", stream.store_id()),
            format!(
                "stream number {num} would be given to a new stream, but events of that number \
                 are stored: the stream names table is damaged"
            ),
        ));
    }
    Ok(StreamHead {
        slot: num,
        version: 0,
    })
}

// -- snapshots ----------------------------------------------------------------------------------

fn snapshot_corrupt(store_id: &str, version: u64, reason: &str) -> Error {
    Error::Serialization {
        key: format!("store '{store_id}' snapshot at version {version}"),
        version: Some(version),
        reason: reason.to_string(),
    }
}

/// The latest snapshot of the stream at or below `version`. The `snapshots` table is its own
/// index: listing, last, and "latest at or below V" are cursor seeks, so there is no separate
/// version list to fall out of step (the .NET reference's bugs 5 and 7).
fn latest_snapshot<'t>(
    tx: &'t impl Reads,
    stream: &StreamId,
    head: StreamHead,
    version: u64,
) -> Result<Option<(u64, &'t [u8])>> {
    let num = head.slot;
    let Some((k, v)) = tx.seek_lt(
        Table::Snapshots,
        &layout::version_key(num, version.saturating_add(1)),
    )?
    else {
        return Ok(None);
    };
    match layout::split_version_key(k) {
        Some((s, at)) if s == num && at >= 1 => {
            let json = layout::read_snapshot(v)
                .map_err(|r| snapshot_corrupt(&stream.store_id(), at, r))?;
            Ok(Some((at, json)))
        }
        _ => Ok(None),
    }
}

fn snapshot_versions(tx: &impl Reads, head: StreamHead) -> Result<Vec<u64>> {
    let num = head.slot;
    let mut out = Vec::new();
    tx.scan(
        Table::Snapshots,
        &layout::version_key(num, 0),
        |k, _| match layout::split_version_key(k) {
            Some((s, v)) if s == num => {
                out.push(v);
                Ok(true)
            }
            _ => Ok(false),
        },
    )?;
    Ok(out)
}

fn last_snapshot_version(tx: &impl Reads, head: StreamHead) -> Result<u64> {
    let num = head.slot;
    let next = layout::version_key(num.saturating_add(1), 0);
    Ok(match tx.seek_lt(Table::Snapshots, &next)? {
        Some((k, _)) => match layout::split_version_key(k) {
            Some((s, v)) if s == num => v,
            _ => 0,
        },
        None => 0,
    })
}

// -- leases and commands ------------------------------------------------------------------------

fn lease(tx: &impl Reads, stream: &StreamId) -> Result<Option<Lease>> {
    match tx.get(Table::Leases, stream.encoded())? {
        None => Ok(None),
        Some(v) => layout::decode_lease(v).map(Some).ok_or_else(|| {
            damaged(
                format!("lease of '{}'", stream.store_id()),
                "the lease record is damaged",
            )
        }),
    }
}

fn command(tx: &impl Reads, id: &str) -> Result<Option<CommandRecord>> {
    match tx.get(Table::Commands, id.as_bytes())? {
        None => Ok(None),
        Some(v) => serde_json::from_slice(v).map(Some).map_err(|e| {
            damaged(
                format!("command record '{id}'"),
                format!("it cannot be read: {e}"),
            )
        }),
    }
}

// -- the log ------------------------------------------------------------------------------------

/// Where the log points at `position`: the event's stream number, version and time.
#[derive(Debug, Clone, Copy)]
struct Located {
    stream: u64,
    version: u64,
    recorded_at: i64,
}

/// R-BAD-4: the log entry at `position` and the event record its value holds, checked against
/// each other: the record (CRC-checked) must carry that position and the entry's time. (The
/// entry's own CRC covers the index fields, which only the unindexed tail's readers use; they
/// decode it.)
fn resolve_position(tx: &impl Reads, position: u64) -> Result<(Located, StoredEvent<'_>)> {
    resolve_through(tx, None, position)
}

/// The cursor a walk that resolves many positions reads the log through.
struct Resolver<'t> {
    log: PointReads<'t>,
}

impl<'t> Resolver<'t> {
    fn new(tx: &'t impl Reads) -> Result<Resolver<'t>> {
        Ok(Resolver {
            log: tx.point_reads(Table::Log)?,
        })
    }
}

/// [`resolve_position`], through `cursors` when given (the same records, read faster when
/// positions come in order).
fn resolve_through<'t>(
    tx: &'t impl Reads,
    cursors: Option<&Resolver<'t>>,
    position: u64,
) -> Result<(Located, StoredEvent<'t>)> {
    let key = position.to_be_bytes();
    let value = match cursors {
        Some(c) => c.log.get(&key)?,
        None => tx.get(Table::Log, &key)?,
    }
    .ok_or_else(|| Error::damaged_log(position, "there is no log entry at this position"))?;
    let (entry, record) = log_parts(position, value)?;
    let entry = LogEntry::locate(entry)
        .map(|(stream, version, recorded_at)| Located {
            stream,
            version,
            recorded_at,
        })
        .ok_or_else(|| Error::damaged_log(position, "the log entry is damaged"))?;
    let stored = layout::read_event(record).map_err(|reason| {
        // Name the store when its name record can say which it is.
        match tx
            .get(Table::StreamNames, &entry.stream.to_be_bytes())
            .ok()
            .flatten()
            .and_then(StreamId::decode)
        {
            Some(stream) => Error::corrupt(&stream.store_id(), entry.version, reason),
            None => Error::damaged_log(position, reason),
        }
    })?;
    if stored.position != position {
        return Err(Error::damaged_log(
            position,
            format!(
                "the log entry names version {} of stream number {}, but its event record says \
                 position {}",
                entry.version, entry.stream, stored.position
            ),
        ));
    }
    if stored.recorded_at != entry.recorded_at {
        return Err(Error::damaged_log(
            position,
            format!(
                "the log entry says it was recorded at {}, but its event (version {} of stream \
                 number {}) was recorded at {}",
                format_micros(entry.recorded_at),
                entry.version,
                entry.stream,
                format_micros(stored.recorded_at)
            ),
        ));
    }
    Ok((entry, stored))
}

fn log_head(tx: &impl Reads) -> Result<Option<LogHead>> {
    let Some(position) = last_log_key(tx)? else {
        return Ok(None);
    };
    let (entry, _) = resolve_position(tx, position)?;
    Ok(Some(LogHead {
        position,
        recorded_at: entry.recorded_at,
    }))
}

/// Stream names by number within one walk, each cross-checked once: its name record names a
/// stream whose stream record has that number.
struct Names<'t, T: Reads> {
    tx: &'t T,
    cache: HashMap<u64, StreamId>,
}

impl<'t, T: Reads> Names<'t, T> {
    fn new(tx: &'t T) -> Self {
        Names {
            tx,
            cache: HashMap::new(),
        }
    }

    fn get(&mut self, num: u64) -> Result<&StreamId> {
        if !self.cache.contains_key(&num) {
            let key = self
                .tx
                .get(Table::StreamNames, &num.to_be_bytes())?
                .ok_or_else(|| {
                    damaged(
                        format!("stream number {num}"),
                        "the stream has no name record",
                    )
                })?;
            let s = StreamId::decode(key).ok_or_else(|| {
                damaged(format!("stream number {num}"), "the stream name is damaged")
            })?;
            let recorded = self
                .tx
                .get(Table::Streams, key)?
                .and_then(StreamInfo::decode)
                .map(|i| i.num);
            if recorded != Some(num) {
                return Err(damaged(
                    format!("stream number {num}"),
                    format!(
                        "its name record names '{}', whose stream record does not have this number",
                        s.store_id()
                    ),
                ));
            }
            self.cache.insert(num, s);
        }
        Ok(&self.cache[&num])
    }
}

/// The first log position recorded at or after `from` (`head + 1` when none), by binary search:
/// the log is gap-free from 1 to `head` and its times never decrease (an append's time is at
/// least the log's last). R-BAD-4: the position's entry and the one before it are checked
/// against `from`, so a log whose times decrease there is reported, not answered from.
fn first_at_or_after(tx: &impl Reads, head: u64, from: i64, visited: &mut usize) -> Result<u64> {
    let time_at = |position: u64| -> Result<i64> {
        let v = tx
            .get(Table::Log, &position.to_be_bytes())?
            .ok_or_else(|| {
                Error::damaged_log(position, "there is no log entry at this position")
            })?;
        LogEntry::locate(log_parts(position, v)?.0)
            .map(|(_, _, at)| at)
            .ok_or_else(|| Error::damaged_log(position, "the log entry is damaged"))
    };
    // Every position below `lo` was recorded before `from`; every one from `hi` on, at or after.
    let (mut lo, mut hi) = (1u64, head + 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        *visited += 1;
        if time_at(mid)? < from {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo > 1 && lo <= head {
        // The position before the start, checked against its event (the start itself is
        // checked by the walk that follows, which resolves it whether it is in the range or
        // ends it).
        let before = resolve_position(tx, lo - 1)?.0.recorded_at;
        if before >= from {
            return Err(Error::damaged_log(
                lo - 1,
                format!(
                    "the log's times decrease here: it was recorded at {}, after the event \
                     that follows it",
                    format_micros(before)
                ),
            ));
        }
    }
    Ok(lo)
}

/// The type id and the event versions seen of the event type `name`, if any event has it.
fn find_event_type(tx: &impl Reads, name: &str) -> Result<Option<(u32, Vec<u32>)>> {
    match tx.get(Table::EventTypes, name.as_bytes())? {
        None => Ok(None),
        Some(v) => layout::decode_event_type(v).map(Some).ok_or_else(|| {
            damaged(
                format!("event type record '{name}'"),
                "the record is damaged",
            )
        }),
    }
}

/// One walk over the groups of one index range (a type at a version, or a correlation id),
/// yielding member positions in ascending order, from `from`.
struct GroupWalk {
    /// The range's key prefix; group keys are `prefix ‖ first position u64`.
    prefix: Vec<u8>,
    /// `indexed_through`: no group names a later position.
    through: u64,
    /// The last member yielded: members ascend strictly (groups of one key cover disjoint,
    /// ascending ranges).
    last: u64,
    /// The group being walked: first position, span, and the next offset to look at.
    current: Option<(u64, u32, Vec<u8>, u32)>,
    /// The key to seek for the next group.
    next_key: Option<Vec<u8>>,
    done: bool,
}

impl GroupWalk {
    /// The walk of the groups under `prefix` from `from`; `through` is `indexed_through`.
    fn new(
        tx: &impl Reads,
        table: Table,
        prefix: Vec<u8>,
        from: u64,
        through: u64,
    ) -> Result<GroupWalk> {
        let mut walk = GroupWalk {
            prefix,
            through,
            last: 0,
            current: None,
            next_key: None,
            done: false,
        };
        // A group that starts before `from` may still hold positions from `from` on.
        let mut at = walk.prefix.clone();
        at.extend_from_slice(&from.saturating_add(1).to_be_bytes());
        if let Some((k, v)) = tx.seek_lt(table, &at)? {
            if let Some(first) = walk.first_of(k) {
                let group = decode_group(table, v)?;
                if first + u64::from(group.0) > from {
                    let start = (from.saturating_sub(first)) as u32;
                    walk.current = Some((first, group.0, group.1, start));
                }
            }
        }
        let mut next = walk.prefix.clone();
        next.extend_from_slice(&from.to_be_bytes());
        if walk.current.is_some() {
            // The next group starts after the current one's first position.
            next = walk.prefix.clone();
            let first = walk.current.as_ref().map_or(0, |c| c.0);
            next.extend_from_slice(&(first + 1).to_be_bytes());
        }
        walk.next_key = Some(next);
        Ok(walk)
    }

    fn first_of(&self, k: &[u8]) -> Option<u64> {
        (k.len() == self.prefix.len() + 8 && k.starts_with(&self.prefix))
            .then(|| layout::key_position(k))
            .flatten()
    }

    /// The next member position, counting in `visited` every member looked at and the one key
    /// read past the range.
    fn next(&mut self, tx: &impl Reads, table: Table, visited: &mut usize) -> Result<Option<u64>> {
        loop {
            if self.done {
                return Ok(None);
            }
            if let Some((first, span, bitmap, offset)) = &mut self.current {
                let group = layout::GroupRef::from_parts(*span, bitmap);
                while *offset < *span {
                    let o = *offset;
                    *offset += 1;
                    if group.contains(o) {
                        *visited += 1;
                        let position = *first + u64::from(o);
                        if position > self.through || position <= self.last {
                            return Err(damaged(
                                format!("{} entry", table.name()),
                                format!(
                                    "a group names position {position}, {}",
                                    if position > self.through {
                                        "past what the indexes cover"
                                    } else {
                                        "which an earlier group of its key names too"
                                    }
                                ),
                            ));
                        }
                        self.last = position;
                        return Ok(Some(position));
                    }
                }
                self.current = None;
            }
            let Some(key) = self.next_key.take() else {
                self.done = true;
                return Ok(None);
            };
            let mut found = None;
            tx.scan(table, &key, |k, v| {
                found = Some((k.to_vec(), v.to_vec()));
                Ok(false)
            })?;
            match found {
                Some((k, v)) if self.first_of(&k).is_some() => {
                    let first = self.first_of(&k).unwrap_or(0);
                    let (span, bitmap) = decode_group(table, &v)?;
                    self.current = Some((first, span, bitmap, 0));
                    let mut next = self.prefix.clone();
                    next.extend_from_slice(&(first + 1).to_be_bytes());
                    self.next_key = Some(next);
                }
                _ => {
                    *visited += 1;
                    self.done = true;
                }
            }
        }
    }
}

/// The positions from `from` on of the events whose message id and correlation id are the id
/// whose `message_ids` key prefix is `prefix` (`u16 len ‖ id`), ascending: the entries of the
/// id (one per stream that holds it) that name a position (format 4). `through` is
/// `indexed_through`: no entry names a later position.
fn self_correlated(
    tx: &impl Reads,
    prefix: &[u8],
    from: u64,
    through: u64,
    visited: &mut usize,
) -> Result<Vec<u64>> {
    let bad = |reason: String| damaged("message_ids entry".to_string(), reason);
    let mut positions = Vec::new();
    tx.scan(Table::MessageIds, prefix, |k, v| {
        *visited += 1;
        if !k.starts_with(prefix) {
            return Ok(false);
        }
        let entry = layout::split_message_id_key(k)
            .and(MessageIdEntry::decode(v))
            .ok_or_else(|| bad("the entry is damaged".into()))?;
        if let Some(position) = entry.self_correlated {
            if position > through {
                return Err(bad(format!(
                    "it names position {position}, past what the indexes cover"
                )));
            }
            if position >= from {
                positions.push(position);
            }
        }
        Ok(true)
    })?;
    // One entry per stream that holds the id, in stream order: usually one.
    positions.sort_unstable();
    Ok(positions)
}

fn decode_group(table: Table, v: &[u8]) -> Result<(u32, Vec<u8>)> {
    let g = layout::Group::decode(v).ok_or_else(|| {
        damaged(
            format!("{} entry", table.name()),
            "a group value is damaged",
        )
    })?;
    Ok((g.span, g.bitmap_bytes().to_vec()))
}

/// Walks the events of `source`; see `ReadView::events`.
fn events(
    tx: &impl Reads,
    source: EventSource<'_>,
    visit: &mut dyn FnMut(EventRef<'_>) -> Result<bool>,
) -> Result<usize> {
    let mut visited = 0usize;
    let mut names = Names::new(tx);
    let mut last = 0u64;
    let cursors = Resolver::new(tx)?;
    let mut at_position = |position: u64| -> Result<bool> {
        // Every walk yields ascending positions; one that does not (damaged groups, or an
        // `indexed_through` that is too small) is reported, never returned twice.
        if position <= last {
            return Err(Error::damaged_log(
                position,
                format!("an index names this position again, after position {last}"),
            ));
        }
        last = position;
        let (entry, stored) = resolve_through(tx, Some(&cursors), position)?;
        let stream = names.get(entry.stream)?;
        visit(EventRef {
            position,
            stream,
            version: entry.version,
            recorded_at: stored.recorded_at,
            json: stored.json,
        })
    };
    match source {
        EventSource::Log { from } => {
            tx.scan(Table::Log, &from.to_be_bytes(), |k, _| {
                visited += 1;
                at_position(log_key(k)?)
            })?;
        }
        EventSource::Type {
            event_type,
            event_version,
            from,
        } => {
            if let Some((type_id, versions)) = find_event_type(tx, event_type)? {
                let wanted: Vec<u32> = match event_version {
                    Some(v) => versions.into_iter().filter(|x| *x == v).collect(),
                    None => versions,
                };
                // One walk per version, merged by position (usually one version).
                let through = indexed_through(tx)?;
                let mut walks = Vec::with_capacity(wanted.len());
                for &v in &wanted {
                    let prefix = layout::type_group_key(type_id, v, 0)[..8].to_vec();
                    walks.push(GroupWalk::new(
                        tx,
                        Table::TypeGroups,
                        prefix,
                        from,
                        through,
                    )?);
                }
                let mut heads: Vec<Option<u64>> = Vec::with_capacity(walks.len());
                for w in &mut walks {
                    heads.push(w.next(tx, Table::TypeGroups, &mut visited)?);
                }
                let mut more = true;
                while let Some((i, position)) = heads
                    .iter()
                    .enumerate()
                    .filter_map(|(i, p)| p.map(|p| (i, p)))
                    .min_by_key(|(_, p)| *p)
                {
                    if !at_position(position)? {
                        more = false;
                        break;
                    }
                    heads[i] = walks[i].next(tx, Table::TypeGroups, &mut visited)?;
                }
                // The groups cover positions up to `indexed_through`; the tail follows them.
                if more {
                    walk_tail(tx, through, from, &mut visited, |position, e, _| {
                        if e.type_id == type_id && wanted.contains(&e.event_version) {
                            at_position(position)
                        } else {
                            Ok(true)
                        }
                    })?;
                }
            } else {
                visited += 1;
            }
        }
        EventSource::Correlation { id, from } => {
            let through = indexed_through(tx)?;
            let prefix = layout::string_prefix(id);
            // The events correlated with themselves (the id's `message_ids` entries), merged by
            // position with the id's groups (everyone else of the id).
            let mut own = self_correlated(tx, &prefix, from, through, &mut visited)?.into_iter();
            let mut next_own = own.next();
            let mut walk = GroupWalk::new(tx, Table::CorrGroups, prefix, from, through)?;
            let mut next_member = walk.next(tx, Table::CorrGroups, &mut visited)?;
            // The next member is read only once the one before is returned.
            let mut member_returned = false;
            let mut more = true;
            loop {
                if member_returned {
                    next_member = walk.next(tx, Table::CorrGroups, &mut visited)?;
                    member_returned = false;
                }
                let position = match (next_own, next_member) {
                    (Some(o), m) if m.is_none_or(|m| o < m) => {
                        next_own = own.next();
                        o
                    }
                    (_, Some(m)) => {
                        member_returned = true;
                        m
                    }
                    _ => break,
                };
                if !at_position(position)? {
                    more = false;
                    break;
                }
            }
            if more {
                walk_tail(tx, through, from, &mut visited, |position, e, _| {
                    if e.correlation_id == Some(id.as_bytes()) {
                        at_position(position)
                    } else {
                        Ok(true)
                    }
                })?;
            }
        }
        EventSource::Time { from, to } => {
            // The first position recorded at or after `from`, then the log from there (it is
            // ordered by recorded-at) until `to`.
            let head = last_position(tx)?;
            let start = first_at_or_after(tx, head, from, &mut visited)?;
            if start <= head {
                tx.scan(Table::Log, &start.to_be_bytes(), |k, v| {
                    visited += 1;
                    let position = log_key(k)?;
                    match LogEntry::locate(log_parts(position, v)?.0) {
                        // From the start on every time is at or after `from`: one before it
                        // means the log's times decrease (R-BAD-4).
                        Some((_, _, at)) if at < from => Err(Error::damaged_log(
                            position,
                            format!(
                                "the log's times decrease here: it was recorded at {}, before \
                                 an earlier position's time",
                                format_micros(at)
                            ),
                        )),
                        Some((_, _, at)) if at < to => at_position(position),
                        Some(_) => {
                            // The entry that ends the range is checked against its event too:
                            // a damaged time must not end the answer early.
                            resolve_position(tx, position)?;
                            Ok(false)
                        }
                        None => Err(Error::damaged_log(position, "the log entry is damaged")),
                    }
                })?;
            }
        }
        EventSource::Stream {
            stream,
            head,
            since,
        } => {
            walk_stream_checked(
                tx,
                stream,
                head,
                since.saturating_add(1),
                head.version,
                |version, position, stored| {
                    visited += 1;
                    visit(EventRef {
                        position,
                        stream,
                        version,
                        recorded_at: stored.recorded_at,
                        json: stored.json,
                    })
                },
            )?;
        }
    }
    Ok(visited)
}

// -- walks over everything (verify) -------------------------------------------------------------

fn streams(
    tx: &impl Reads,
    visit: &mut dyn FnMut(&StreamId, StreamHead) -> Result<bool>,
) -> Result<()> {
    tx.scan(Table::Streams, &[], |k, _| {
        let stream = StreamId::decode(k)
            .ok_or_else(|| damaged("streams table".to_string(), "a stream key is damaged"))?;
        let head = stream_head(tx, &stream)?.ok_or_else(|| {
            damaged(
                format!("stream record of '{}'", stream.store_id()),
                "the record vanished",
            )
        })?;
        visit(&stream, head)
    })
}

/// Calls `visit` on each member position of `group` (whose first position is `first`) while it
/// returns true; returns whether it always did.
fn each_member(
    first: u64,
    group: &layout::GroupRef<'_>,
    mut visit: impl FnMut(u64) -> Result<bool>,
) -> Result<bool> {
    for o in 0..group.span {
        if group.contains(o) && !visit(first + u64::from(o))? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// An id of the tail's log entry at `position` as a `str` (it was written from one).
fn tail_str(position: u64, id: &[u8]) -> Result<&str> {
    std::str::from_utf8(id)
        .map_err(|_| Error::damaged_log(position, "an id of the log entry is not UTF-8"))
}

/// Every entry of one index: what its table holds (positions up to `indexed_through`), then
/// what the unindexed tail of the log calls for, so the walk names every event once whatever
/// the lag. The time index is the log itself in format 3: its entries are the first position of
/// each time the log holds (where a time query from that time starts).
fn index_entries(
    tx: &impl Reads,
    index: IndexKind,
    visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<bool>,
) -> Result<()> {
    let bad = |what: &str| damaged(format!("{what} index"), "an entry is damaged");
    let mut visited = 0;
    match index {
        IndexKind::Type => {
            // Type ids back to names (the event_types table is small: one record per type).
            let mut names: HashMap<u32, String> = HashMap::new();
            tx.scan(Table::EventTypes, &[], |k, v| {
                let (id, _) = layout::decode_event_type(v).ok_or_else(|| bad("event type"))?;
                let name = std::str::from_utf8(k).map_err(|_| bad("event type"))?;
                names.insert(id, name.to_string());
                Ok(true)
            })?;
            let mut more = true;
            tx.scan(Table::TypeGroups, &[], |k, v| {
                let (type_id, event_version, first) =
                    layout::split_type_group_key(k).ok_or_else(|| bad("event type"))?;
                let event_type = names.get(&type_id).ok_or_else(|| bad("event type"))?;
                let group = layout::Group::decode(v).ok_or_else(|| bad("event type"))?;
                more = each_member(first, &group, |position| {
                    visit(IndexEntry::Type {
                        event_type,
                        event_version,
                        position,
                    })
                })?;
                Ok(more)
            })?;
            if !more {
                return Ok(());
            }
            walk_tail(
                tx,
                indexed_through(tx)?,
                0,
                &mut visited,
                |position, e, _| {
                    let event_type = names.get(&e.type_id).ok_or_else(|| {
                        Error::damaged_log(position, "the log entry names an unknown type id")
                    })?;
                    visit(IndexEntry::Type {
                        event_type,
                        event_version: e.event_version,
                        position,
                    })
                },
            )
        }
        IndexKind::Correlation => {
            // The events correlated with themselves are named by their `message_ids` entries.
            let mut more = true;
            tx.scan(Table::MessageIds, &[], |k, v| {
                let (id, _) = layout::split_message_id_key(k).ok_or_else(|| bad("correlation"))?;
                let entry = MessageIdEntry::decode(v).ok_or_else(|| bad("correlation"))?;
                if let Some(position) = entry.self_correlated {
                    let id = std::str::from_utf8(id).map_err(|_| bad("correlation"))?;
                    more = visit(IndexEntry::Correlation { id, position })?;
                }
                Ok(more)
            })?;
            if !more {
                return Ok(());
            }
            tx.scan(Table::CorrGroups, &[], |k, v| {
                let (id, rest) = layout::take_str(k).ok_or_else(|| bad("correlation"))?;
                let first = layout::u64_be(rest)
                    .filter(|_| rest.len() == 8)
                    .ok_or_else(|| bad("correlation"))?;
                let group = layout::Group::decode(v).ok_or_else(|| bad("correlation"))?;
                more = each_member(first, &group, |position| {
                    visit(IndexEntry::Correlation { id, position })
                })?;
                Ok(more)
            })?;
            if !more {
                return Ok(());
            }
            walk_tail(
                tx,
                indexed_through(tx)?,
                0,
                &mut visited,
                |position, e, _| match e.correlation_id {
                    Some(id) => visit(IndexEntry::Correlation {
                        id: tail_str(position, id)?,
                        position,
                    }),
                    None => Ok(true),
                },
            )
        }
        IndexKind::Time => {
            let mut last = None;
            // Each entry decoded, so verify checks the CRC of every entry (the index fields of
            // indexed positions are read by nothing else).
            tx.scan(Table::Log, &[], |k, v| {
                let position = log_key(k)?;
                let (v, _) = log_parts(position, v)?;
                let recorded_at = LogEntry::locate(v)
                    .filter(|_| LogEntry::is_sound(v))
                    .ok_or_else(|| Error::damaged_log(position, "the log entry is damaged"))?
                    .2;
                if last == Some(recorded_at) {
                    return Ok(true);
                }
                last = Some(recorded_at);
                visit(IndexEntry::Time {
                    recorded_at,
                    position,
                })
            })
        }
        IndexKind::MessageId => {
            let mut more = true;
            tx.scan(Table::MessageIds, &[], |k, v| {
                let (id, slot) =
                    layout::split_message_id_key(k).ok_or_else(|| bad("message id"))?;
                let id = std::str::from_utf8(id).map_err(|_| bad("message id"))?;
                more = match MessageIdEntry::decode(v) {
                    Some(e) => visit(IndexEntry::MessageId {
                        slot,
                        id,
                        version: e.version,
                    })?,
                    None => return Err(bad("message id")),
                };
                Ok(more)
            })?;
            if !more {
                return Ok(());
            }
            walk_tail(
                tx,
                indexed_through(tx)?,
                0,
                &mut visited,
                |position, e, _| {
                    visit(IndexEntry::MessageId {
                        slot: e.stream,
                        id: tail_str(position, e.message_id)?,
                        version: e.version,
                    })
                },
            )
        }
    }
}

fn commands(tx: &impl Reads, visit: &mut dyn FnMut(&CommandRecord) -> Result<bool>) -> Result<()> {
    tx.scan(Table::Commands, &[], |k, v| {
        let id = String::from_utf8_lossy(k);
        let record: CommandRecord = serde_json::from_slice(v).map_err(|e| {
            damaged(
                format!("command record '{id}'"),
                format!("it cannot be read: {e}"),
            )
        })?;
        visit(&record)
    })
}

fn leases(tx: &impl Reads, visit: &mut dyn FnMut(&StreamId, Lease) -> Result<bool>) -> Result<()> {
    tx.scan(Table::Leases, &[], |k, v| {
        let stream = StreamId::decode(k)
            .ok_or_else(|| damaged("leases table".to_string(), "a lease key is damaged"))?;
        let lease = layout::decode_lease(v).ok_or_else(|| {
            damaged(
                format!("lease of '{}'", stream.store_id()),
                "the lease record is damaged",
            )
        })?;
        visit(&stream, lease)
    })
}

fn snapshots(
    tx: &impl Reads,
    visit: &mut dyn FnMut(SnapshotRef<'_>) -> Result<bool>,
) -> Result<()> {
    let mut names = Names::new(tx);
    tx.scan(Table::Snapshots, &[], |k, v| {
        let (num, version) = layout::split_version_key(k)
            .ok_or_else(|| damaged("snapshots table".to_string(), "a snapshot key is damaged"))?;
        let stream = names.get(num)?;
        let (stored_at, json) = layout::read_snapshot_with_time(v)
            .map_err(|r| snapshot_corrupt(&stream.store_id(), version, r))?;
        visit(SnapshotRef {
            stream,
            version,
            stored_at,
            json,
        })
    })
}

macro_rules! impl_read_view {
    ($t:ident) => {
        impl ReadView for $t<'_> {
            fn stream(&self, stream: &StreamId) -> Result<Option<StreamHead>> {
                stream_head(self, stream)
            }
            fn lease(&self, stream: &StreamId) -> Result<Option<Lease>> {
                lease(self, stream)
            }
            fn message_version(
                &self,
                stream: &StreamId,
                head: StreamHead,
                id: &str,
            ) -> Result<Option<u64>> {
                message_version(self, stream, head, id)
            }
            fn message_versions(
                &self,
                stream: &StreamId,
                head: StreamHead,
                ids: &[&str],
            ) -> Result<Vec<Option<u64>>> {
                message_versions(self, stream, head, ids)
            }
            fn event(
                &self,
                stream: &StreamId,
                head: StreamHead,
                version: u64,
            ) -> Result<Option<StoredEvent<'_>>> {
                event(self, stream, head, version)
            }
            fn read_events(
                &self,
                stream: &StreamId,
                head: StreamHead,
                first: u64,
                last: u64,
                out: &mut Messages,
            ) -> Result<()> {
                read_events(self, stream, head, first, last, out)
            }
            fn events_size_hint(&self, head: StreamHead, first: u64, last: u64) -> Result<usize> {
                size_hint(self, head, first, last)
            }
            fn latest_snapshot(
                &self,
                stream: &StreamId,
                head: StreamHead,
                version: u64,
            ) -> Result<Option<(u64, &[u8])>> {
                latest_snapshot(self, stream, head, version)
            }
            fn snapshot_versions(&self, head: StreamHead) -> Result<Vec<u64>> {
                snapshot_versions(self, head)
            }
            fn last_snapshot_version(&self, head: StreamHead) -> Result<u64> {
                last_snapshot_version(self, head)
            }
            fn log_head(&self) -> Result<Option<LogHead>> {
                log_head(self)
            }
            fn command_exists(&self, id: &str) -> Result<bool> {
                Ok(self.get(Table::Commands, id.as_bytes())?.is_some())
            }
            fn command(&self, id: &str) -> Result<Option<CommandRecord>> {
                command(self, id)
            }
            fn checkpoint(&self, name: &str) -> Result<Option<Checkpoint>> {
                crate::checkpoints::get(self, name)
            }
            fn events(
                &self,
                source: EventSource<'_>,
                visit: &mut dyn FnMut(EventRef<'_>) -> Result<bool>,
            ) -> Result<usize> {
                events(self, source, visit)
            }
            fn streams(
                &self,
                visit: &mut dyn FnMut(&StreamId, StreamHead) -> Result<bool>,
            ) -> Result<()> {
                streams(self, visit)
            }
            fn index_entries(
                &self,
                index: IndexKind,
                visit: &mut dyn FnMut(IndexEntry<'_>) -> Result<bool>,
            ) -> Result<()> {
                index_entries(self, index, visit)
            }
            fn commands(
                &self,
                visit: &mut dyn FnMut(&CommandRecord) -> Result<bool>,
            ) -> Result<()> {
                commands(self, visit)
            }
            fn leases(
                &self,
                visit: &mut dyn FnMut(&StreamId, Lease) -> Result<bool>,
            ) -> Result<()> {
                leases(self, visit)
            }
            fn snapshots(
                &self,
                visit: &mut dyn FnMut(SnapshotRef<'_>) -> Result<bool>,
            ) -> Result<()> {
                snapshots(self, visit)
            }
        }
    };
}
impl_read_view!(ReadTxn);
impl_read_view!(WriteTxn);

// -- writing ------------------------------------------------------------------------------------

/// A put that LMDB refused because the key exists: the stream's records are damaged (they named
/// a version or a stream number that is already taken). Fails the whole transaction.
fn refused_overwrite(e: Error, stream: &StreamId, version: u64) -> Error {
    if is_key_exists(&e) {
        Error::corrupt(
            &stream.store_id(),
            version,
            "the append would overwrite an event that is already stored: the stream's records \
             are damaged (nothing was written)",
        )
    } else {
        e
    }
}

/// The type id of `name` at `version`, interning it (and the version) when new: a type's id is
/// handed out once, from `meta`'s counter, and its record lists every version seen.
fn intern_type(w: &mut WriteTxn<'_>, name: &str, version: u32) -> Result<u32> {
    match find_event_type(w, name)? {
        Some((id, versions)) if versions.binary_search(&version).is_ok() => Ok(id),
        Some((id, mut versions)) => {
            let at = versions.binary_search(&version).unwrap_or_else(|i| i);
            versions.insert(at, version);
            w.put(
                Table::EventTypes,
                name.as_bytes(),
                &layout::encode_event_type(id, &versions),
            )?;
            Ok(id)
        }
        None => {
            let id = match w.get(Table::Meta, META_NEXT_TYPE_ID)? {
                None => 1,
                Some(v) => u32::from_be_bytes(v.try_into().map_err(|_| {
                    damaged("meta 'next_type_id'".into(), "the counter is not 4 bytes")
                })?),
            };
            w.put(
                Table::EventTypes,
                name.as_bytes(),
                &layout::encode_event_type(id, &[version]),
            )?;
            w.put(Table::Meta, META_NEXT_TYPE_ID, &(id + 1).to_be_bytes())?;
            Ok(id)
        }
    }
}

/// Writes one append: each event's log value, its log entry (which carries the event's type
/// id, event version, message id and correlation id, unless the append indexes them itself)
/// followed by the event record; the stream's record and name, for a new stream; then, when
/// the append makes the unindexed tail longer than `index_lag`, the indexes of the whole tail
/// ([`index_tail`]), `events` among them. An append to a known stream within the lag so writes
/// one table, at its right edge.
/// Only storage errors and detected damage can stop it; either fails the whole transaction.
fn write_append(w: &mut WriteTxn<'_>, a: &Append<'_>) -> Result<()> {
    if a.events.is_empty() {
        return Ok(());
    }
    let num = a.head.slot;
    // Type ids, interned in key order (so new types get ids in name order).
    let mut type_ids = vec![0u32; a.events.len()];
    let types = groups_in_order(
        a.events
            .iter()
            .enumerate()
            .map(|(k, e)| ((e.event_type, e.event_version), k as u32))
            .collect(),
    );
    for ((name, version), offsets) in types {
        let type_id = intern_type(w, name, version)?;
        for k in offsets {
            type_ids[k as usize] = type_id;
        }
    }
    // Whether this append indexes the tail: then its own log entries need no index fields.
    let last = a.first_position + a.events.len() as u64 - 1;
    let indexed = indexed_through(w)?;
    if indexed >= a.first_position {
        return Err(damaged(
            "meta 'indexed_through'".into(),
            format!(
                "it says the indexes cover position {indexed}, but the log ends at {}",
                a.first_position - 1
            ),
        ));
    }
    let indexes_now = last - indexed > u64::from(w.index_lag);
    let mut value = Vec::with_capacity(128);
    for (k, e) in a.events.iter().enumerate() {
        let version = a.head.version + k as u64 + 1;
        let position = a.first_position + k as u64;
        if indexes_now {
            LogEntry::encode_indexed_into(num, version, a.recorded_at, &mut value);
        } else {
            LogEntry {
                stream: num,
                version,
                recorded_at: a.recorded_at,
                type_id: type_ids[k],
                event_version: e.event_version,
                message_id: e.id.as_bytes(),
                correlation_id: e.correlation_id.map(str::as_bytes),
            }
            .encode_into(&mut value);
        }
        // Positions continue from the log's last key: always the largest. Q-IMM-1: an event is
        // never overwritten: MDB_APPEND refuses a key that is not past the log's last.
        w.put_with_append(
            Table::Log,
            &position.to_be_bytes(),
            layout::log_value_len(value.len(), e.len()),
            |out| layout::write_log_value(out, &value, position, a.recorded_at, &e.json),
        )
        .map_err(|err| refused_overwrite(err, a.stream, version))?;
    }
    if a.new_stream {
        w.put(
            Table::Streams,
            a.stream.encoded(),
            &StreamInfo { num }.encode(),
        )?;
        w.put_new(Table::StreamNames, &num.to_be_bytes(), a.stream.encoded())
            .map_err(|e| refused_overwrite(e, a.stream, a.head.version + 1))?;
    }
    if indexes_now {
        index_tail(w, indexed, a, &type_ids)?;
    }
    Ok(())
}

/// What an index entry is made of: one event of the tail being indexed.
struct Indexed<'a> {
    position: u64,
    stream: u64,
    version: u64,
    type_id: u32,
    event_version: u32,
    message_id: &'a [u8],
    correlation_id: Option<&'a [u8]>,
}

impl Indexed<'_> {
    /// Whether the event's correlation id is its own message id: then its `message_ids` entry
    /// names its position and it has no `corr_groups` entry (format 4).
    fn is_self_correlated(&self) -> bool {
        self.correlation_id == Some(self.message_id)
    }
}

/// Indexes the unindexed tail, positions `indexed + 1` to the append's last, in the append's
/// transaction: the entries before the append are read from the log, the append's own from
/// memory. Each message id gets its entry (naming the event's position when the event is
/// correlated with itself); each (type, event version) and each correlation id of the other
/// events one group entry for the whole tail (a tail of 64 single-event appends of one type is
/// one entry, where format 2 wrote 64). Then `meta/indexed_through` is the append's last
/// position.
fn index_tail(w: &mut WriteTxn<'_>, indexed: u64, a: &Append<'_>, type_ids: &[u32]) -> Result<()> {
    // The log entries before the append, copied (the transaction is written below).
    let mut before: Vec<(u64, Vec<u8>)> = Vec::new();
    if indexed + 1 < a.first_position {
        w.scan(Table::Log, &(indexed + 1).to_be_bytes(), |k, v| {
            let position = log_key(k)?;
            if position >= a.first_position {
                return Ok(false);
            }
            before.push((position, v.to_vec()));
            Ok(true)
        })?;
        if before.len() as u64 != a.first_position - indexed - 1 {
            return Err(Error::damaged_log(
                indexed + 1,
                "the log's unindexed tail has a gap",
            ));
        }
    }
    let mut tail: Vec<Indexed<'_>> = Vec::with_capacity(before.len() + a.events.len());
    for (position, v) in &before {
        let e = tail_entry(*position, v)?;
        tail.push(Indexed {
            position: *position,
            stream: e.stream,
            version: e.version,
            type_id: e.type_id,
            event_version: e.event_version,
            message_id: e.message_id,
            correlation_id: e.correlation_id,
        });
    }
    for (k, e) in a.events.iter().enumerate() {
        tail.push(Indexed {
            position: a.first_position + k as u64,
            stream: a.head.slot,
            version: a.head.version + k as u64 + 1,
            type_id: type_ids[k],
            event_version: e.event_version,
            message_id: e.id.as_bytes(),
            correlation_id: e.correlation_id.map(str::as_bytes),
        });
    }
    let start = indexed + 1;
    // `events`: (stream, version) → position, in key order. The tail's events of the stream
    // with the largest number are the largest keys of `events` and go in with MDB_APPEND;
    // every other with MDB_NOOVERWRITE. Q-IMM-1: both refuse a key that is already there (an
    // event the index holds is never named again).
    let mut events: Vec<(u64, u64, u64)> = tail
        .iter()
        .map(|t| (t.stream, t.version, t.position))
        .collect();
    if !events.is_sorted() {
        events.sort_unstable();
    }
    let largest = last_stream_number(w)?;
    for (stream, version, position) in events {
        let key = layout::version_key(stream, version);
        let put = if stream >= largest {
            w.put_append(Table::Events, &key, &position.to_be_bytes())
        } else {
            w.put_new(Table::Events, &key, &position.to_be_bytes())
        };
        put.map_err(|err| {
            if is_key_exists(&err) {
                Error::damaged_log(
                    position,
                    format!(
                        "the events index already holds version {version} of stream number \
                         {stream}, which this log entry names: the stream's records are damaged \
                         (nothing was written)"
                    ),
                )
            } else {
                err
            }
        })?;
    }
    let mut key = Vec::with_capacity(64);
    // Message ids, in key order (`u16 len ‖ id ‖ stream`: by length, id, then stream), each
    // with its version and, for an event correlated with itself, its position.
    let mut ids: Vec<(usize, SortKey<'_>, u64, MessageIdEntry)> = tail
        .iter()
        .map(|t| {
            let entry = MessageIdEntry {
                version: t.version,
                self_correlated: t.is_self_correlated().then_some(t.position),
            };
            (
                t.message_id.len(),
                SortKey::new(t.message_id),
                t.stream,
                entry,
            )
        })
        .collect();
    // Time-ordered ids arrive sorted: then there is no sort.
    if !ids.is_sorted() {
        ids.sort_unstable();
    }
    let mut puts = OrderedPuts::new(Table::MessageIds);
    for (_, SortKey(_, _, id), stream, entry) in ids {
        layout::message_id_key_into(&mut key, stream, id);
        let (value, len) = entry.encode();
        puts.put(w, &key, &value[..len])?;
    }
    // Type groups: the tail's offsets of each (type id, version), in key order.
    let types = groups_in_order(
        tail.iter()
            .map(|t| ((t.type_id, t.event_version), (t.position - start) as u32))
            .collect(),
    );
    let mut value = Vec::with_capacity(16);
    let mut relative = Vec::new();
    let mut puts = OrderedPuts::new(Table::TypeGroups);
    for ((type_id, version), offsets) in types {
        let first = group_value(&offsets, &mut relative, &mut value);
        puts.put(
            w,
            &layout::type_group_key(type_id, version, start + u64::from(first)),
            &value,
        )?;
    }
    // Correlation groups, in key order: the key is `u16 len ‖ bytes ‖ position`, so by length
    // first. An event correlated with itself has none: its `message_ids` entry names it.
    let corrs = groups_in_order(
        tail.iter()
            .filter(|t| !t.is_self_correlated())
            .filter_map(|t| {
                t.correlation_id
                    .map(|c| ((c.len(), SortKey::new(c)), (t.position - start) as u32))
            })
            .collect(),
    );
    let mut puts = OrderedPuts::new(Table::CorrGroups);
    for ((_, SortKey(_, _, corr)), offsets) in corrs {
        let first = group_value(&offsets, &mut relative, &mut value);
        layout::string_position_key_into(&mut key, corr, start + u64::from(first));
        puts.put(w, &key, &value)?;
    }
    let last = a.first_position + a.events.len() as u64 - 1;
    w.put(
        Table::Meta,
        META_INDEXED_THROUGH,
        &layout::encode_indexed_through(last),
    )
}

/// Encodes the group of `offsets` (ascending, relative to the tail's start) into `value`;
/// returns its first offset, where the group's key starts. `relative` is scratch space (one
/// buffer for all of a tail's groups).
fn group_value(offsets: &[u32], relative: &mut Vec<u32>, value: &mut Vec<u8>) -> u32 {
    let first = offsets[0];
    relative.clear();
    relative.extend(offsets.iter().map(|k| k - first));
    layout::Group::of_offsets(relative).encode_into(value);
    first
}

/// A string behind its first 16 bytes read as one big-endian number (zero-padded): ordered
/// exactly as the string is (a tie on the number falls back to the whole string), but two
/// ids that share a time prefix (`create_message`'s ids begin with the time in milliseconds,
/// so the ids of one append mostly share their first 8 characters) usually compare as
/// integers instead of through `memcmp`. Sorting the message ids and correlation ids of a
/// 1,000-event append that way instead of as strings saves ~1,900 instructions per event (P1).
///
/// The number is kept as two `u64`s, not a `u128`: a `u128` aligns the sorted tuples to 16
/// bytes, which made a message id's tuple 64 bytes instead of 48 to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey<'a>(u64, u64, &'a [u8]);

impl<'a> SortKey<'a> {
    fn new(s: &'a [u8]) -> SortKey<'a> {
        let mut head = [0u8; 16];
        let n = s.len().min(16);
        head[..n].copy_from_slice(&s[..n]);
        let (hi, lo) = head.split_at(8);
        SortKey(
            u64::from_be_bytes(hi.try_into().expect("eight bytes")),
            u64::from_be_bytes(lo.try_into().expect("eight bytes")),
            s,
        )
    }
}

/// The offsets of `items` (key, offset in the append; offsets increasing) grouped by key, the
/// keys in order, each group's offsets increasing. The common cases cost one pass: keys that
/// arrive sorted (correlation ids that are time-ordered message ids) and a few distinct keys
/// (the types of an append); anything else is sorted.
fn groups_in_order<K: Ord + Copy>(mut items: Vec<(K, u32)>) -> Vec<(K, Vec<u32>)> {
    const FEW: usize = 8;
    if !items.is_sorted() {
        let mut few: Vec<(K, Vec<u32>)> = Vec::new();
        for &(key, k) in &items {
            // The last group first: events of one type tend to come together.
            if let Some(g) = few.iter_mut().rev().find(|g| g.0 == key) {
                g.1.push(k);
            } else if few.len() < FEW {
                few.push((key, vec![k]));
            } else {
                few.clear();
                break;
            }
        }
        if !few.is_empty() {
            few.sort_unstable_by_key(|g| g.0);
            return few;
        }
        items.sort_unstable();
    }
    items
        .chunk_by(|x, y| x.0 == y.0)
        .map(|run| (run[0].0, run.iter().map(|x| x.1).collect()))
        .collect()
}

impl WriteView for WriteTxn<'_> {
    fn new_stream(&self, stream: &StreamId) -> Result<StreamHead> {
        new_stream(self, stream)
    }

    fn append(&mut self, append: &Append<'_>) -> Result<()> {
        write_append(self, append)
    }

    fn put_command(&mut self, record: &CommandRecord) -> Result<()> {
        let json = serde_json::to_vec(record).map_err(|e| Error::Internal {
            detail: format!("could not encode a command record: {e}"),
        })?;
        self.put_new(Table::Commands, record.command_id.as_bytes(), &json)
            .map_err(|e| {
                if is_key_exists(&e) {
                    Error::DuplicateIdempotencyId {
                        scope: "this event store (command ids)".into(),
                        id: record.command_id.clone(),
                    }
                } else {
                    e
                }
            })
    }

    fn put_checkpoint(&mut self, name: &str, checkpoint: &Checkpoint) -> Result<()> {
        crate::checkpoints::put(self, name, checkpoint)
    }

    fn put_lease(&mut self, stream: &StreamId, lease: &Lease) -> Result<()> {
        self.put(
            Table::Leases,
            stream.encoded(),
            &layout::encode_lease(lease),
        )
    }

    fn delete_lease(&mut self, stream: &StreamId) -> Result<bool> {
        self.delete(Table::Leases, stream.encoded())
    }

    fn put_snapshot(
        &mut self,
        head: StreamHead,
        version: u64,
        json: &[u8],
        stored_at: i64,
    ) -> Result<()> {
        self.put_with(
            Table::Snapshots,
            &layout::version_key(head.slot, version),
            layout::SNAPSHOT_HEADER + json.len(),
            |out| layout::write_snapshot(out, stored_at, json),
        )
    }

    fn delete_snapshot(&mut self, head: StreamHead, version: u64) -> Result<bool> {
        self.delete(Table::Snapshots, &layout::version_key(head.slot, version))
    }

    fn delete_snapshots(&mut self, head: StreamHead) -> Result<usize> {
        self.delete_prefix(Table::Snapshots, &head.slot.to_be_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::{groups_in_order, SortKey};

    /// Message ids and correlation ids are written in key order (Q-Q-3): `SortKey` orders
    /// exactly as the strings do, around the 16-byte prefix, with NUL bytes and prefixes.
    #[test]
    fn sort_key_orders_as_the_strings() {
        let mut words: Vec<String> = vec![String::new(), "\0".into(), "\0\0".into()];
        for base in [
            "a",
            "ab",
            "AAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAA",
        ] {
            for tail in ["", "\0", "\0a", "a", "A", "-", "_", "\u{7f}", "é"] {
                words.push(format!("{base}{tail}"));
            }
        }
        for a in &words {
            for b in &words {
                assert_eq!(
                    SortKey::new(a.as_bytes()).cmp(&SortKey::new(b.as_bytes())),
                    a.cmp(b),
                    "{a:?} against {b:?}"
                );
            }
        }
    }

    /// Q-Q-1, Q-Q-3 (the groups the type and correlation indexes hold): every path of
    /// `groups_in_order` (sorted keys, a few distinct keys, many distinct keys) gives what
    /// sorting and grouping gives.
    #[test]
    fn groups_in_order_is_sorting_and_grouping() {
        let reference = |items: &[(u32, u32)]| {
            let mut v = items.to_vec();
            v.sort_unstable();
            v.chunk_by(|x, y| x.0 == y.0)
                .map(|run| (run[0].0, run.iter().map(|x| x.1).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        };
        let mut seed = 7u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for distinct in [1u64, 2, 3, 8, 9, 50, 1000] {
            for len in [0u32, 1, 2, 10, 100, 1000] {
                let items: Vec<(u32, u32)> = (0..len).map(|k| (next(distinct) as u32, k)).collect();
                assert_eq!(groups_in_order(items.clone()), reference(&items));
                let mut sorted = items.clone();
                sorted.sort_unstable();
                assert_eq!(groups_in_order(sorted.clone()), reference(&sorted));
            }
        }
    }
}
