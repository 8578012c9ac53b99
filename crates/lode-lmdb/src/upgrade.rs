//! Upgrading a directory from on-disk format 1, 2, 3 or 4 to format 5 (docs/storage-layout.md,
//! "Upgrade").
//!
//! The whole upgrade is ONE LMDB write transaction: a process killed at any moment leaves
//! either the old format intact (the transaction never committed) or format 5 complete. Each
//! older format's steps run in turn, in the same transaction, and the last writes the format
//! number into `meta`. From format 1, to format 2:
//! - the type indexes `by_type` and `by_type_version` (one record per event each) become
//!   `type_groups` (one record per run of consecutive positions of one type and version) with
//!   type names interned in `event_types`;
//! - `by_correlation` (one record per event) becomes `corr_groups` (one record per run).
//!
//! From format 2, to format 3:
//! - every `log` entry is rewritten in format 3: every event is indexed, so as an entry without
//!   index fields (kind 0), with a CRC;
//! - every `streams` record loses its version (the stream's last event key is its version);
//! - the time index `by_time` is dropped (a time query searches the log);
//! - `meta` says the indexes cover the whole log.
//!
//! From format 3, to format 4:
//! - every `message_ids` entry is re-keyed id first (`str id ‖ u64 stream`, through a scratch
//!   table dropped before the commit);
//! - every event correlated with itself (its correlation id is its message id) leaves its
//!   `corr_groups` group, and its `message_ids` entry names its position instead. Format 3's
//!   log entries are kept as they are (a tail entry with a correlation id equal to its message
//!   id is read as self-correlated).
//!
//! From format 4, to format 5:
//! - every `log` value becomes `u16 n ‖ its entry ‖ its event's record`: the entry's n bytes as
//!   they were (an entry of the unindexed tail stays kind 1, an indexed one kind 0) and the
//!   record's as `events` held them (format byte, CRC, position, time, JSON), so each keeps its
//!   own CRC and is checked against the other as before;
//! - `events` becomes the index `(stream, version) → u64 position` of the positions
//!   `1..=indexed_through`: those events' records are replaced by their positions, and the tail's
//!   events leave it (their records live in the log alone until an append indexes the tail).
//!
//! Snapshots, leases, commands and checkpoints keep their bytes (event records too, inside the
//! log since format 5). Each step that rewrites a table holds one chunk of it ([`CHUNK`]
//! entries); format 4 to 5's chunk holds its events' records, so it also ends at
//! [`CHUNK_BYTES`] of values: at most 64 MiB and one event (itself at most 64 MiB, the message
//! limit), whatever the events' sizes. No other process may use the directory during the
//! upgrade: an older library still running on it would not know the new layout (the upgrade
//! cannot see other processes' versions; this library refuses older formats at open, so only an
//! older one could be there).

use std::collections::HashMap;
use std::path::Path;

use lmdb::{Cursor, Transaction};
use lode_backend::{Error, Result};

use crate::env::{
    self, begin_first_write, open_environment, read_format, storage_error, Table, FORMAT1_ONLY,
    FORMAT2_ONLY, FORMAT_VERSION, META_FORMAT_KEY, META_INDEXED_THROUGH, META_NEXT_TYPE_ID,
    UPGRADE_SCRATCH,
};
use crate::layout::{self, Group, LogEntry, MessageIdEntry, StreamInfo};
use crate::settings::LmdbSettings;
use crate::{data_file, registry};

/// What an upgrade did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Upgraded {
    /// The format the directory was in (equal to `to` when there was nothing to do).
    pub from: u32,
    pub to: u32,
    /// Events rewritten (every event of the log: the step to format 5 moves each one's record
    /// into its log entry).
    pub events: u64,
}

const OPERATION: &str = "upgrading the store to on-disk format 5";

/// Upgrades the store directory `dir` to format 5 ([`FORMAT_VERSION`], see the module). A
/// directory already in that format is left as it is.
pub fn upgrade(dir: &Path, settings: &LmdbSettings) -> Result<Upgraded> {
    settings.check(dir)?;
    registry::install_fork_hooks();
    if !dir.join("data.mdb").is_file() {
        return Err(Error::invalid(
            "path",
            format!("'{}' holds no store (no data.mdb)", dir.display()),
        ));
    }
    let dir = dir
        .canonicalize()
        .map_err(|e| env::io_error("resolving the store directory", e))?;
    let data = dir.join("data.mdb");
    // Held for the whole upgrade: no provider of this process opens the directory meanwhile.
    let registry = registry::lock();
    if let Ok(m) = std::fs::metadata(&data) {
        if registry.get(registry::FileId::of(&m)).is_some() {
            // Open in this process: it was opened in the current format (older ones are refused
            // at open).
            return Ok(Upgraded {
                from: FORMAT_VERSION,
                to: FORMAT_VERSION,
                events: 0,
            });
        }
    }
    match data_file::check(&data) {
        Ok(Ok(())) => {}
        Ok(Err(t)) => {
            return Err(crate::backend_error(
                OPERATION,
                format!(
                "The data file '{}' is truncated ({} bytes, {} needed); restore it from a backup.",
                data.display(),
                t.len,
                t.needed
            ),
                "TRUNCATED",
                format!("data file of {} bytes, {} bytes needed", t.len, t.needed),
            ))
        }
        Err(e) => return Err(env::io_error("checking the store's data file", e)),
    }
    let (lmdb_env, _) = open_environment(&dir, settings)?;
    let max = settings.max_map_size.max(settings.initial_map_size);
    let outcome = loop {
        match run(&lmdb_env) {
            Err(e) if is_map_full(&e) => {
                let current = lmdb_env.info().map(|i| i.map_size()).unwrap_or(0);
                if current >= max {
                    break Err(e);
                }
                // No transaction is live (the failed one was aborted): grow and run again.
                lmdb_env
                    .set_map_size(current.saturating_mul(2).min(max))
                    .map_err(|e| storage_error("growing the memory map", e))?;
            }
            other => break other,
        }
    };
    // Closed with the registry still locked (see `Storage`'s Drop for why).
    drop(lmdb_env);
    drop(registry);
    if let Ok(u) = &outcome {
        if u.from != u.to {
            tracing::info!(target: "lode::storage", from = u.from, to = u.to, events = u.events,
                           "store upgraded");
        }
    }
    outcome
}

fn is_map_full(e: &Error) -> bool {
    matches!(e, Error::Storage { source, .. } if source.number == Some(lmdb_sys::MDB_MAP_FULL as i64))
}

fn lmdb_err(e: lmdb::Error) -> Error {
    if e == lmdb::Error::TxnFull {
        return crate::backend_error(
            OPERATION,
            "The store is too large to upgrade in one LMDB transaction (MDB_TXN_FULL); nothing \
             was changed. Copy its events into a new store with a current library instead."
                .into(),
            "MDB_TXN_FULL",
            e.to_string(),
        );
    }
    storage_error(OPERATION, e)
}

fn damaged(reason: String) -> Error {
    Error::Serialization {
        key: "store of an older format".into(),
        version: None,
        reason: format!("{reason}; it was not upgraded (verify it with the library that wrote it)"),
    }
}

/// Entries read at a time by a step that rewrites a table: a cursor cannot stay open over
/// writes of the same transaction, and a chunk bounds the memory whatever the store's size.
const CHUNK: usize = 65_536;

/// Bytes of values past which a chunk of the step to format 5 ends before [`CHUNK`] entries:
/// its values hold the events' records, and 65,536 events of up to 64 MiB each would be
/// gigabytes.
const CHUNK_BYTES: usize = 64 << 20;

/// Runs of consecutive positions, as (first position, span).
fn runs(positions: &[u64]) -> Vec<(u64, u32)> {
    let mut out: Vec<(u64, u32)> = Vec::new();
    for &p in positions {
        match out.last_mut() {
            Some((first, span)) if *first + u64::from(*span) == p && *span < u32::MAX => *span += 1,
            _ => out.push((p, 1)),
        }
    }
    out
}

/// The upgrade transaction.
fn run(lmdb_env: &lmdb::Environment) -> Result<Upgraded> {
    let mut txn = begin_first_write(lmdb_env, OPERATION)?;
    // SAFETY (create_db / open_db / drop_db here and in the steps): this is the only transaction
    // of this environment, and the handles are not used after it ends.
    let meta = unsafe { txn.create_db(Some(Table::Meta.name()), lmdb::DatabaseFlags::empty()) }
        .map_err(lmdb_err)?;
    // The steps below end at format 5: a later format needs its own step here, and this match
    // its starting point.
    const _: () = assert!(FORMAT_VERSION == 5, "the upgrade's steps end at format 5");
    let from = match read_format(&txn, meta)? {
        Some(from @ 1..=4) => from,
        Some(FORMAT_VERSION) => {
            return Ok(Upgraded {
                from: FORMAT_VERSION,
                to: FORMAT_VERSION,
                events: 0,
            })
        }
        Some(other) => {
            return Err(crate::backend_error(
                OPERATION,
                format!(
                    "The store is in on-disk format {other}, which this library does not read."
                ),
                "FORMAT_TOO_NEW",
                format!("on-disk format {other}"),
            ))
        }
        None => return Err(Error::invalid("path", "the directory holds no lode store")),
    };
    if from == 1 {
        format1_to_2(&mut txn, meta)?;
    }
    if from <= 2 {
        format2_to_3(&mut txn, meta, from)?;
    }
    if from <= 3 {
        format3_to_4(&mut txn)?;
    }
    let events = format4_to_5(&mut txn, meta)?;
    // Every table of the current format exists afterwards (an empty one is created now).
    for table in Table::ALL {
        unsafe { txn.create_db(Some(table.name()), lmdb::DatabaseFlags::empty()) }
            .map_err(lmdb_err)?;
    }
    txn.put(
        meta,
        &META_FORMAT_KEY,
        &FORMAT_VERSION.to_be_bytes(),
        lmdb::WriteFlags::empty(),
    )
    .map_err(lmdb_err)?;
    txn.commit().map_err(lmdb_err)?;
    Ok(Upgraded {
        from,
        to: FORMAT_VERSION,
        events,
    })
}

fn open_table(txn: &lmdb::RwTransaction<'_>, name: &str) -> Result<lmdb::Database> {
    // SAFETY: see `run`.
    unsafe { txn.open_db(Some(name)) }.map_err(lmdb_err)
}

/// Format 1's per-event type and correlation indexes become format 2's groups (see the
/// module); the old tables are dropped.
fn format1_to_2(txn: &mut lmdb::RwTransaction<'_>, meta: lmdb::Database) -> Result<()> {
    let by_type_version = open_table(txn, "by_type_version")?;
    let by_correlation = open_table(txn, "by_correlation")?;
    let log = open_table(txn, Table::Log.name())?;
    let old: Vec<lmdb::Database> = FORMAT1_ONLY
        .iter()
        .map(|name| open_table(txn, name))
        .collect::<Result<_>>()?;

    // Read what the new tables are built from (collected first: a cursor cannot stay open
    // over writes of the same transaction).
    let mut types: Vec<(String, u32, u64)> = Vec::new();
    let mut corrs: Vec<(String, u64)> = Vec::new();
    let events;
    {
        let mut cursor = txn.open_ro_cursor(by_type_version).map_err(lmdb_err)?;
        for item in cursor.iter_start() {
            let (k, _) = item.map_err(lmdb_err)?;
            let (name, rest) = layout::take_str(k)
                .filter(|(_, rest)| rest.len() == 12)
                .ok_or_else(|| damaged("a by_type_version key is damaged".into()))?;
            let version = u32::from_be_bytes(rest[..4].try_into().unwrap_or_default());
            let position = layout::u64_be(&rest[4..]).unwrap_or(0);
            types.push((name.to_string(), version, position));
        }
        let mut cursor = txn.open_ro_cursor(by_correlation).map_err(lmdb_err)?;
        for item in cursor.iter_start() {
            let (k, _) = item.map_err(lmdb_err)?;
            let (corr, rest) = layout::take_str(k)
                .filter(|(_, rest)| rest.len() == 8)
                .ok_or_else(|| damaged("a by_correlation key is damaged".into()))?;
            corrs.push((corr.to_string(), layout::u64_be(rest).unwrap_or(0)));
        }
        events = txn.stat(log).map_err(lmdb_err)?.entries() as u64;
    }
    if types.len() as u64 != events {
        return Err(damaged(format!(
            "its type index holds {} entries for {events} events",
            types.len()
        )));
    }

    let flags = lmdb::DatabaseFlags::empty();
    let event_types =
        unsafe { txn.create_db(Some(Table::EventTypes.name()), flags) }.map_err(lmdb_err)?;
    let type_groups =
        unsafe { txn.create_db(Some(Table::TypeGroups.name()), flags) }.map_err(lmdb_err)?;
    let corr_groups =
        unsafe { txn.create_db(Some(Table::CorrGroups.name()), flags) }.map_err(lmdb_err)?;

    // Types: ids in the order of the old index (by name), each with the versions seen.
    let mut ids: HashMap<String, (u32, Vec<u32>)> = HashMap::new();
    let mut next_id = 1u32;
    let mut value = Vec::new();
    let mut i = 0;
    while i < types.len() {
        let (name, version) = (types[i].0.clone(), types[i].1);
        let mut j = i;
        while j < types.len() && types[j].0 == name && types[j].1 == version {
            j += 1;
        }
        let entry = ids.entry(name.clone()).or_insert_with(|| {
            next_id += 1;
            (next_id - 1, Vec::new())
        });
        entry.1.push(version);
        let type_id = entry.0;
        let positions: Vec<u64> = types[i..j].iter().map(|t| t.2).collect();
        for (first, span) in runs(&positions) {
            Group {
                span,
                bitmap: Vec::new(),
            }
            .encode_into(&mut value);
            txn.put(
                type_groups,
                &layout::type_group_key(type_id, version, first),
                &value,
                lmdb::WriteFlags::empty(),
            )
            .map_err(lmdb_err)?;
        }
        i = j;
    }
    for (name, (id, versions)) in &ids {
        txn.put(
            event_types,
            &name.as_bytes(),
            &layout::encode_event_type(*id, versions),
            lmdb::WriteFlags::empty(),
        )
        .map_err(lmdb_err)?;
    }
    txn.put(
        meta,
        &META_NEXT_TYPE_ID,
        &next_id.to_be_bytes(),
        lmdb::WriteFlags::empty(),
    )
    .map_err(lmdb_err)?;

    // Correlation ids: one group per run of consecutive positions of one id.
    let mut key = Vec::new();
    let mut i = 0;
    while i < corrs.len() {
        let mut j = i;
        while j < corrs.len() && corrs[j].0 == corrs[i].0 {
            j += 1;
        }
        let positions: Vec<u64> = corrs[i..j].iter().map(|c| c.1).collect();
        for (first, span) in runs(&positions) {
            Group {
                span,
                bitmap: Vec::new(),
            }
            .encode_into(&mut value);
            layout::string_position_key_into(&mut key, corrs[i].0.as_bytes(), first);
            txn.put(corr_groups, &key, &value, lmdb::WriteFlags::empty())
                .map_err(lmdb_err)?;
        }
        i = j;
    }

    for db in old {
        unsafe { txn.drop_db(db) }.map_err(lmdb_err)?;
    }
    Ok(())
}

/// Format 2's log entries are rewritten in format 3 (every event is indexed, so without index
/// fields: kind 0), its stream records lose their version, and its time index goes (see the
/// module). `from` is the format the directory was in (its stream records are in that format).
/// Returns the number of events.
fn format2_to_3(txn: &mut lmdb::RwTransaction<'_>, meta: lmdb::Database, from: u32) -> Result<u64> {
    let log = open_table(txn, Table::Log.name())?;
    let streams = open_table(txn, Table::Streams.name())?;
    let old: Vec<lmdb::Database> = FORMAT2_ONLY
        .iter()
        .map(|name| open_table(txn, name))
        .collect::<Result<_>>()?;
    let events = txn.stat(log).map_err(lmdb_err)?.entries() as u64;

    // The log, a chunk at a time (a cursor cannot stay open over writes of the same
    // transaction, and a chunk bounds the memory whatever the store's size).
    let mut next = 1u64;
    let mut chunk: Vec<(u64, u64, u64, i64)> = Vec::with_capacity(CHUNK);
    let mut value = Vec::with_capacity(32);
    loop {
        chunk.clear();
        {
            let mut cursor = txn.open_ro_cursor(log).map_err(lmdb_err)?;
            for item in cursor.iter_from(next.to_be_bytes()) {
                let (k, v) = item.map_err(lmdb_err)?;
                let position = layout::u64_be(k)
                    .filter(|_| k.len() == 8)
                    .ok_or_else(|| damaged("a log key is damaged".into()))?;
                let (stream, version, at) = LogEntry::decode_format2(v).ok_or_else(|| {
                    damaged(format!("the log entry at position {position} is damaged"))
                })?;
                chunk.push((position, stream, version, at));
                if chunk.len() == CHUNK {
                    break;
                }
            }
        }
        if chunk.is_empty() {
            break;
        }
        for &(position, stream, version, recorded_at) in &chunk {
            if position != next {
                return Err(damaged(format!(
                    "its log has a gap before position {position}"
                )));
            }
            LogEntry::encode_indexed_into(stream, version, recorded_at, &mut value);
            txn.put(
                log,
                &position.to_be_bytes(),
                &value,
                lmdb::WriteFlags::empty(),
            )
            .map_err(lmdb_err)?;
            next += 1;
        }
    }
    if next - 1 != events {
        return Err(damaged(format!(
            "its log holds {} positions for {events} entries",
            next - 1
        )));
    }

    let mut stream_records: Vec<(Vec<u8>, StreamInfo)> = Vec::new();
    {
        let mut cursor = txn.open_ro_cursor(streams).map_err(lmdb_err)?;
        for item in cursor.iter_start() {
            let (k, v) = item.map_err(lmdb_err)?;
            let info = if from == 1 {
                StreamInfo::decode_format1(v)
            } else {
                StreamInfo::decode_format2(v)
            }
            .ok_or_else(|| damaged("a stream record is damaged".into()))?;
            stream_records.push((k.to_vec(), info));
        }
    }
    for (k, info) in &stream_records {
        txn.put(streams, k, &info.encode(), lmdb::WriteFlags::empty())
            .map_err(lmdb_err)?;
    }
    for db in old {
        unsafe { txn.drop_db(db) }.map_err(lmdb_err)?;
    }
    txn.put(
        meta,
        &META_INDEXED_THROUGH,
        &layout::encode_indexed_through(events),
        lmdb::WriteFlags::empty(),
    )
    .map_err(lmdb_err)?;
    Ok(events)
}

/// Format 3's `message_ids` (keyed `u64 stream ‖ id`) are re-keyed `str id ‖ u64 stream`, and
/// every event correlated with itself leaves `corr_groups` for its `message_ids` entry, which
/// then names its position (see the module).
fn format3_to_4(txn: &mut lmdb::RwTransaction<'_>) -> Result<()> {
    let message_ids = open_table(txn, Table::MessageIds.name())?;
    let corr_groups = open_table(txn, Table::CorrGroups.name())?;
    let events = open_table(txn, Table::Events.name())?;
    let log = open_table(txn, Table::Log.name())?;
    // SAFETY: see `run`.
    let scratch = unsafe { txn.create_db(Some(UPGRADE_SCRATCH), lmdb::DatabaseFlags::empty()) }
        .map_err(lmdb_err)?;

    // 1. Every entry, re-keyed, into the scratch table.
    let mut key = Vec::with_capacity(64);
    let mut chunk = Chunks::new(message_ids);
    while let Some(entries) = chunk.next(txn)? {
        for (k, v) in &entries {
            let (stream, id) = layout::split_message_id_key_format3(k)
                .ok_or_else(|| damaged("a message id key is damaged".into()))?;
            if v.len() != 8 {
                return Err(damaged("a message id entry is damaged".into()));
            }
            layout::message_id_key_into(&mut key, stream, id);
            txn.put(scratch, &key, v, lmdb::WriteFlags::empty())
                .map_err(lmdb_err)?;
        }
    }
    // 2. Back into `message_ids`, now empty, in key order.
    txn.clear_db(message_ids).map_err(lmdb_err)?;
    let mut chunk = Chunks::new(scratch);
    while let Some(entries) = chunk.next(txn)? {
        for (k, v) in &entries {
            txn.put(message_ids, k, v, lmdb::WriteFlags::APPEND)
                .map_err(lmdb_err)?;
        }
    }
    // SAFETY: see `run`.
    unsafe { txn.drop_db(scratch) }.map_err(lmdb_err)?;

    // 3. The events correlated with themselves: for each group of a correlation id, the events
    //    whose message id is that id (their `message_ids` entries) and that the group names
    //    leave it, and their entries name their positions. Each group is looked at once; one
    //    rewritten in place of its old key is looked at again when it sorts after the chunk,
    //    which finds nothing more to move.
    let mut value = Vec::with_capacity(16);
    let mut chunk = Chunks::new(corr_groups);
    while let Some(entries) = chunk.next(txn)? {
        for (k, v) in &entries {
            let bad = || damaged("a correlation group is damaged".into());
            let (id, rest) = layout::take_str(k).ok_or_else(bad)?;
            let first = layout::u64_be(rest)
                .filter(|_| rest.len() == 8)
                .ok_or_else(bad)?;
            let group = Group::decode(v).ok_or_else(bad)?;
            // The events whose message id is the group's correlation id: their streams and
            // versions, then their positions.
            let prefix = layout::string_prefix(id);
            let mut holders: Vec<(Vec<u8>, u64, u64)> = Vec::new();
            {
                let mut cursor = txn.open_ro_cursor(message_ids).map_err(lmdb_err)?;
                for item in cursor.iter_from(&prefix) {
                    let (mk, mv) = item.map_err(lmdb_err)?;
                    if !mk.starts_with(&prefix) {
                        break;
                    }
                    let (_, stream) = layout::split_message_id_key(mk)
                        .ok_or_else(|| damaged("a message id key is damaged".into()))?;
                    let entry = MessageIdEntry::decode(mv)
                        .ok_or_else(|| damaged("a message id entry is damaged".into()))?;
                    // One already moved (from an earlier group of the id) is in no other.
                    if entry.self_correlated.is_none() {
                        holders.push((mk.to_vec(), stream, entry.version));
                    }
                }
            }
            let mut moved: Vec<u64> = Vec::new();
            for (mk, stream, version) in holders {
                let position = event_position(txn, events, log, stream, version)?;
                let offset = position
                    .checked_sub(first)
                    .filter(|o| *o < u64::from(group.span));
                if offset.is_some_and(|o| group.contains(o as u32)) {
                    moved.push(position);
                    let (entry, len) = MessageIdEntry {
                        version,
                        self_correlated: Some(position),
                    }
                    .encode();
                    txn.put(message_ids, &mk, &&entry[..len], lmdb::WriteFlags::empty())
                        .map_err(lmdb_err)?;
                }
            }
            if moved.is_empty() {
                continue;
            }
            // Only a group that loses members is read out (a run of one correlation id from a
            // format-1 store can be millions of positions long).
            let members: Vec<u64> = (0..group.span)
                .filter(|&o| group.contains(o))
                .map(|o| first + u64::from(o))
                .filter(|p| !moved.contains(p))
                .collect();
            txn.del(corr_groups, k, None).map_err(lmdb_err)?;
            if let Some(&start) = members.first() {
                let offsets: Vec<u32> = members.iter().map(|p| (p - start) as u32).collect();
                Group::of_offsets(&offsets).encode_into(&mut value);
                layout::string_position_key_into(&mut key, id.as_bytes(), start);
                // Groups of one id cover disjoint ranges, so no group starts there; one that
                // does means overlapping groups, which is damage, not something to overwrite.
                match txn.put(corr_groups, &key, &value, lmdb::WriteFlags::NO_OVERWRITE) {
                    Ok(()) => {}
                    Err(lmdb::Error::KeyExist) => {
                        return Err(damaged(format!(
                            "two correlation groups of one id overlap at position {start}"
                        )))
                    }
                    Err(e) => return Err(lmdb_err(e)),
                }
            }
        }
    }
    Ok(())
}

/// Format 4's `log` entries each take their event's record into the value, and `events` becomes
/// the index `(stream, version) → position` of the positions `1..=indexed_through` (see the
/// module). Returns the number of events.
fn format4_to_5(txn: &mut lmdb::RwTransaction<'_>, meta: lmdb::Database) -> Result<u64> {
    let log = open_table(txn, Table::Log.name())?;
    let events = open_table(txn, Table::Events.name())?;
    let indexed_through = match txn.get(meta, &META_INDEXED_THROUGH) {
        Ok(v) => layout::decode_indexed_through(v)
            .ok_or_else(|| damaged("its meta 'indexed_through' record is damaged".into()))?,
        Err(lmdb::Error::NotFound) => 0,
        Err(e) => return Err(lmdb_err(e)),
    };

    // The log, a chunk at a time (see `CHUNK` and `CHUNK_BYTES`). Everything is checked while
    // the chunk is read, before any of it is written. Neither part's CRC is checked: both are
    // copied byte for byte, so damage stays as visible to format 5's readers and to verify as it
    // was to format 4's, and a record's CRC would mean reading every message twice.
    let mut next = 1u64;
    // (position, stream, version, format-5 log value)
    let mut chunk: Vec<(u64, u64, u64, Vec<u8>)> = Vec::with_capacity(CHUNK.min(1024));
    loop {
        chunk.clear();
        let mut bytes = 0usize;
        {
            let mut cursor = txn.open_ro_cursor(log).map_err(lmdb_err)?;
            for item in cursor.iter_from(next.to_be_bytes()) {
                let (k, entry) = item.map_err(lmdb_err)?;
                let position = layout::u64_be(k)
                    .filter(|_| k.len() == 8)
                    .ok_or_else(|| damaged("a log key is damaged".into()))?;
                let expected = next + chunk.len() as u64;
                if position != expected {
                    return Err(damaged(format!(
                        "its log has a gap before position {position}"
                    )));
                }
                let (stream, version, _) = LogEntry::locate(entry)
                    .filter(|_| entry.len() <= usize::from(u16::MAX))
                    .ok_or_else(|| {
                        damaged(format!("the log entry at position {position} is damaged"))
                    })?;
                let record = match txn.get(events, &layout::version_key(stream, version)) {
                    Ok(r) => r,
                    Err(lmdb::Error::NotFound) => {
                        return Err(damaged(format!(
                            "the log entry at position {position} names event {version} of \
                             stream number {stream}, which has no record"
                        )))
                    }
                    Err(e) => return Err(lmdb_err(e)),
                };
                // An 8-byte value is one this step wrote (a record is at least its 21-byte
                // header): an earlier log entry named the same event.
                if let Some(earlier) = layout::decode_event_index(record) {
                    return Err(damaged(format!(
                        "the log entries at positions {earlier} and {position} both name event \
                         {version} of stream number {stream}"
                    )));
                }
                match layout::event_position(record) {
                    Some(p) if p == position => {}
                    Some(p) => {
                        return Err(damaged(format!(
                            "the log entry at position {position} names event {version} of \
                             stream number {stream}, whose record is at position {p}"
                        )))
                    }
                    None => {
                        return Err(damaged(format!(
                            "the record of event {version} of stream number {stream} is damaged"
                        )))
                    }
                }
                let value = layout::log_value_of(entry, record);
                bytes += value.len();
                chunk.push((position, stream, version, value));
                if chunk.len() == CHUNK || bytes >= CHUNK_BYTES {
                    break;
                }
            }
        }
        if chunk.is_empty() {
            break;
        }
        for (position, stream, version, value) in &chunk {
            txn.put(
                log,
                &position.to_be_bytes(),
                value,
                lmdb::WriteFlags::empty(),
            )
            .map_err(lmdb_err)?;
            let key = layout::version_key(*stream, *version);
            if *position <= indexed_through {
                txn.put(
                    events,
                    &key,
                    &position.to_be_bytes(),
                    lmdb::WriteFlags::empty(),
                )
                .map_err(lmdb_err)?;
            } else {
                txn.del(events, &key, None).map_err(lmdb_err)?;
            }
        }
        next += chunk.len() as u64;
    }
    let last = next - 1;

    // A key past a gap, or one that is not a position between two that are, is not seen by the
    // walk from 1; the count sees every key.
    let log_entries = txn.stat(log).map_err(lmdb_err)?.entries() as u64;
    if log_entries != last {
        return Err(damaged(format!(
            "its log holds {log_entries} entries for positions 1 to {last}"
        )));
    }
    if indexed_through > last {
        return Err(damaged(format!(
            "its meta 'indexed_through' names position {indexed_through}, past the log's last \
             position {last}"
        )));
    }
    // Every `events` value is now a position, unless no log entry named its event (an old
    // record left behind). Counted, not scanned: each log position up to `indexed_through` put a
    // key of its own (a second entry naming the same event was refused above) and each later
    // one deleted its, so the table holds exactly `indexed_through` entries unless such records
    // remain; its entry count is one read of the B-tree's header, where a scan would read every
    // index entry again.
    let index_entries = txn.stat(events).map_err(lmdb_err)?.entries() as u64;
    if index_entries != indexed_through {
        return Err(damaged(format!(
            "its events table holds {index_entries} entries after its log's {indexed_through} \
             indexed positions were rewritten: event records that no log entry names"
        )));
    }
    Ok(last)
}

/// A key and its value, copied out of a table.
type Entry = (Vec<u8>, Vec<u8>);

/// A table read [`CHUNK`] entries at a time, in key order, while the transaction writes between
/// chunks (a cursor cannot stay open over writes of the same transaction). Each chunk resumes
/// after the last key of the one before.
struct Chunks {
    db: lmdb::Database,
    resume: Option<Vec<u8>>,
    done: bool,
}

impl Chunks {
    fn new(db: lmdb::Database) -> Chunks {
        Chunks {
            db,
            resume: None,
            done: false,
        }
    }

    /// The next chunk of `(key, value)` pairs; `None` once the table is read.
    fn next(&mut self, txn: &lmdb::RwTransaction<'_>) -> Result<Option<Vec<Entry>>> {
        if self.done {
            return Ok(None);
        }
        let mut chunk = Vec::with_capacity(CHUNK.min(1024));
        let mut cursor = txn.open_ro_cursor(self.db).map_err(lmdb_err)?;
        let items = match &self.resume {
            Some(k) => cursor.iter_from(k),
            None => cursor.iter_start(),
        };
        for item in items {
            let (k, v) = item.map_err(lmdb_err)?;
            if self.resume.as_deref() == Some(k) {
                continue;
            }
            chunk.push((k.to_vec(), v.to_vec()));
            if chunk.len() == CHUNK {
                break;
            }
        }
        match chunk.last() {
            Some((last, _)) => {
                self.resume = Some(last.clone());
                Ok(Some(chunk))
            }
            None => {
                self.done = true;
                Ok(None)
            }
        }
    }
}

/// The position of event `version` of stream number `stream`, read from its record's header and
/// checked against the log entry there (which must name that event): the upgrade does not read
/// the whole record (its CRC covers the message, perhaps in overflow pages). Both are read in
/// format 4's layout: the step to format 4 runs before the one to format 5.
fn event_position(
    txn: &lmdb::RwTransaction<'_>,
    events: lmdb::Database,
    log: lmdb::Database,
    stream: u64,
    version: u64,
) -> Result<u64> {
    let missing = || {
        damaged(format!(
            "a message id entry names version {version} of stream number {stream}, which holds \
             no such event"
        ))
    };
    let record = match txn.get(events, &layout::version_key(stream, version)) {
        Ok(r) => r,
        Err(lmdb::Error::NotFound) => return Err(missing()),
        Err(e) => return Err(lmdb_err(e)),
    };
    let position = layout::event_position(record).ok_or_else(|| {
        damaged(format!(
            "the record of event {version} of stream number {stream} is damaged"
        ))
    })?;
    match txn.get(log, &position.to_be_bytes()) {
        Ok(v) if LogEntry::locate(v).is_some_and(|(s, n, _)| (s, n) == (stream, version)) => {
            Ok(position)
        }
        Ok(_) | Err(lmdb::Error::NotFound) => Err(damaged(format!(
            "the record of event {version} of stream number {stream} names position \
             {position}, whose log entry names another event"
        ))),
        Err(e) => Err(lmdb_err(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn runs_of_consecutive_positions() {
        assert_eq!(runs(&[1, 2, 3, 7, 9, 10]), vec![(1, 3), (7, 1), (9, 2)]);
        assert!(runs(&[]).is_empty());
    }
}
