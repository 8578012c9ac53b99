//! Damaged and truncated stores, and messages no reader could decode (reliability.md R-BAD-4,
//! R-BAD-5, R-BAD-6). Each rule was found broken once by an independent review.
//!
//! Damage is made on a copy of a closed store, with plain LMDB writes that change one record
//! the way a bug or a bad disk could (a stream record naming another stream's number, a log
//! entry naming the wrong event, a flipped byte in the unindexed tail of the log, ...), in the
//! bytes of on-disk format 3 (docs/storage-layout.md). Truncation cuts `data.mdb` short; the
//! open that must refuse it runs in a child process, so a SIGBUS would show as a failed test,
//! not a dead run.

mod common;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;
use lmdb::Transaction;
use lode::{Durability, ErrorKind, EventStoreProvider, ProviderSettings};

fn settings() -> ProviderSettings {
    ProviderSettings {
        durability: Durability::NoMetaSync,
        ..ProviderSettings::default()
    }
}

/// The settings of the store [`make_store`] makes: `index_lag: 0` indexes every append as it
/// commits, so the type, correlation and message-id tables cover every event (and have entries
/// to damage). [`make_lagging_store`]'s store keeps the default lag instead.
fn indexed() -> ProviderSettings {
    ProviderSettings {
        index_lag: 0,
        ..settings()
    }
}

fn ev(id: &str, event_type: &str) -> Vec<u8> {
    event_json(id, event_type, &format!("corr-{id}"), None, "\"N\":1")
}

/// An event correlated with itself (its correlation id is its message id): format 4 indexes
/// it in `message_ids` alone.
fn ev_own(id: &str, event_type: &str) -> Vec<u8> {
    event_json(id, event_type, id, None, "\"N\":1")
}

/// The `message_ids` key of format 4: `u16 len ‖ id ‖ u64 stream number`.
fn message_id_key(stream: u64, id: &str) -> Vec<u8> {
    let mut k = (id.len() as u16).to_be_bytes().to_vec();
    k.extend_from_slice(id.as_bytes());
    k.extend_from_slice(&stream.to_be_bytes());
    k
}

/// A `corr_groups` key: `u16 len ‖ correlation id ‖ u64 the group's first position`.
fn corr_group_key(id: &str, first: u64) -> Vec<u8> {
    let mut k = (id.len() as u16).to_be_bytes().to_vec();
    k.extend_from_slice(id.as_bytes());
    k.extend_from_slice(&first.to_be_bytes());
    k
}

/// The `message_ids` value of format 4 for an event correlated with itself: `u64 version ‖
/// u64 position`.
fn own_entry(version: u64, position: u64) -> Vec<u8> {
    [version.to_be_bytes(), position.to_be_bytes()].concat()
}

/// The `streams` key of a stream (docs/storage-layout.md): each part as u16 length ‖ bytes.
fn stream_key(database: &str, name: &str, id: &str) -> Vec<u8> {
    let mut k = Vec::new();
    for part in [database, name, id] {
        k.extend_from_slice(&(part.len() as u16).to_be_bytes());
        k.extend_from_slice(part.as_bytes());
    }
    k
}

/// A `streams` value of format 3: `num u64 BE ‖ crc32 of those 8 bytes (LE)`, with a valid CRC
/// (so only the cross-check against the `stream_names` record can tell it is wrong).
fn stream_record(num: u64) -> Vec<u8> {
    let mut v = num.to_be_bytes().to_vec();
    let crc = crc32fast::hash(&v);
    v.extend_from_slice(&crc.to_le_bytes());
    v
}

/// A group value naming one position (its first): span 1, no bitmap.
const ONE: [u8; 4] = 1u32.to_be_bytes();

/// A `type_groups` key: type id, event version, first position.
fn type_group_key(type_id: u32, version: u32, first: u64) -> Vec<u8> {
    [
        &type_id.to_be_bytes()[..],
        &version.to_be_bytes()[..],
        &first.to_be_bytes()[..],
    ]
    .concat()
}

fn raw_get(dir: &Path, table: &str, key: &[u8]) -> Option<Vec<u8>> {
    let env = raw_env(dir);
    let db = env.open_db(Some(table)).unwrap();
    let txn = env.begin_ro_txn().unwrap();
    let v = txn.get(db, &key).ok().map(<[u8]>::to_vec);
    v
}

/// How many records the table `table` of the closed store in `dir` holds.
fn raw_count(dir: &Path, table: &str) -> usize {
    let env = raw_env(dir);
    let db = env.open_db(Some(table)).unwrap();
    let txn = env.begin_ro_txn().unwrap();
    txn.stat(db).unwrap().entries()
}

// A `log` value of format 5 is `u16 BE n ‖ log entry (n bytes) ‖ event record`; the helpers
// below that name a "log value" work on its entry part, whose bytes are format 3's and 4's:
// A log entry of format 3: `stream u64 ‖ version u64 ‖ recorded_at i64 ‖ kind u8 ‖` then,
// for kind 1 (an entry written past what its transaction indexed), `type id u32 ‖ event version
// u32 ‖ u16 len ‖ message id ‖ (0u8 | 1u8 ‖ u16 len ‖ correlation id)`, and always `crc32 LE of
// every byte before it`. Kind 0 (indexed as it was written) has nothing between kind and CRC.

/// Where the type id of a `log` value is (u32 BE; type T, the first interned, is 1 and U 2).
const LOG_TYPE_ID: Range<usize> = 25..29;

/// Where the message id bytes of a `log` value are (an entry with index fields: kind 1 at 24).
fn log_message_id(v: &[u8]) -> Range<usize> {
    assert_eq!(v[24], 1, "the entry carries its index fields");
    let len = u16::from_be_bytes([v[33], v[34]]) as usize;
    35..35 + len
}

/// Where the correlation id bytes of a `log` value are (every event here has one).
fn log_correlation_id(v: &[u8]) -> Range<usize> {
    let flag = log_message_id(v).end;
    assert_eq!(v[flag], 1, "the entry has a correlation id");
    let len = u16::from_be_bytes([v[flag + 1], v[flag + 2]]) as usize;
    flag + 3..flag + 3 + len
}

/// Rewrites the `log` entry at `position` with `edit` (given the bytes before the CRC, which is
/// then made valid again): the damage a bug could make, which only a cross-check can tell.
fn rewrite_log(
    txn: &mut lmdb::RwTransaction<'_>,
    db: &dyn Fn(&str) -> lmdb::Database,
    position: u64,
    edit: impl FnOnce(&mut Vec<u8>),
) {
    let log = db("log");
    let value = txn.get(log, &position.to_be_bytes()).unwrap().to_vec();
    let (entry, record) = split_log_value(&value);
    let mut v = entry[..entry.len() - 4].to_vec();
    edit(&mut v);
    let crc = crc32fast::hash(&v);
    v.extend_from_slice(&crc.to_le_bytes());
    let mut value2 = (v.len() as u16).to_be_bytes().to_vec();
    value2.extend_from_slice(&v);
    value2.extend_from_slice(record);
    txn.put(
        log,
        &position.to_be_bytes(),
        &value2,
        lmdb::WriteFlags::empty(),
    )
    .unwrap();
}

/// `(log entry, event record)` of a format-5 `log` value.
fn split_log_value(v: &[u8]) -> (&[u8], &[u8]) {
    let n = u16::from_be_bytes([v[0], v[1]]) as usize;
    (&v[2..2 + n], &v[2 + n..])
}

/// Flips the lowest bit of the byte `at(value)` of the `log` entry at `position`, leaving its
/// CRC as it was: the damage a bad disk could make.
fn flip_log_byte(
    txn: &mut lmdb::RwTransaction<'_>,
    db: &dyn Fn(&str) -> lmdb::Database,
    position: u64,
    at: impl FnOnce(&[u8]) -> usize,
) {
    let log = db("log");
    let mut v = txn.get(log, &position.to_be_bytes()).unwrap().to_vec();
    // The offset is the entry's; the entry starts after the value's 2-byte length.
    let at = 2 + at(split_log_value(&v).0);
    v[at] ^= 1;
    txn.put(log, &position.to_be_bytes(), &v, lmdb::WriteFlags::empty())
        .unwrap();
}

/// Sets the recorded-at time of a `log` value (bytes 16..24, before its CRC is made again).
fn set_log_time(v: &mut [u8], at: i64) {
    v[16..24].copy_from_slice(&at.to_be_bytes());
}

/// The recorded-at time the `log` entry at `position` holds (bytes 16..24).
fn log_time(
    txn: &lmdb::RwTransaction<'_>,
    db: &dyn Fn(&str) -> lmdb::Database,
    position: u64,
) -> i64 {
    let v = txn.get(db("log"), &position.to_be_bytes()).unwrap();
    i64::from_be_bytes(split_log_value(v).0[16..24].try_into().unwrap())
}

/// Rewrites the recorded-at time of the event at `key` (`stream ‖ version`; its record is
/// `format u8 ‖ crc32 LE ‖ position ‖ recorded_at ‖ JSON`, the CRC over everything after it),
/// with a valid CRC.
fn set_event_time(
    txn: &mut lmdb::RwTransaction<'_>,
    db: &dyn Fn(&str) -> lmdb::Database,
    key: &[u8],
    at: i64,
) {
    // Format 5: the record is the end of the log value whose entry names the event.
    let log = db("log");
    let (position, mut v) = {
        let mut c = txn.open_ro_cursor(log).unwrap();
        lmdb::Cursor::iter_start(&mut c)
            .map(|r| r.unwrap())
            .find(|(_, v)| split_log_value(v).0[..16] == key[..])
            .map(|(k, v)| (k.to_vec(), v.to_vec()))
            .expect("the log holds the event")
    };
    let r = 2 + split_log_value(&v).0.len();
    v[r + 13..r + 21].copy_from_slice(&at.to_be_bytes());
    let crc = crc32fast::hash(&v[r + 5..]);
    v[r + 1..r + 5].copy_from_slice(&crc.to_le_bytes());
    txn.put(log, &position, &v, lmdb::WriteFlags::empty())
        .unwrap();
}

/// Appends the events of the test stores: `Acct/7` with a1..a10 (type T), `Other/1` with o1..o3
/// (type U), each event its own append at its own time.
fn fill(dir: &Path, settings: ProviderSettings) {
    let p = EventStoreProvider::open(dir, settings).unwrap();
    let a = p.open_store("Acct", "7").unwrap();
    for k in 1..=10 {
        a.add(&[ev(&format!("a{k}"), "T")]).unwrap();
        std::thread::sleep(Duration::from_millis(2));
    }
    let o = p.open_store("Other", "1").unwrap();
    for k in 1..=3 {
        o.add(&[ev_own(&format!("o{k}"), "U")]).unwrap();
        std::thread::sleep(Duration::from_millis(2));
    }
    a.close().unwrap();
    o.close().unwrap();
}

/// A closed store of [`fill`]'s events, made with [`indexed`] (`index_lag: 0`): every event is
/// in the type, correlation and message-id indexes (`indexed_through` is 13), so each index
/// has entries to damage. Open it with [`indexed`] too. Returns its directory.
fn make_store(tmp: &Path) -> PathBuf {
    let dir = tmp.join("orig");
    fill(&dir, indexed());
    assert_eq!(raw_count(&dir, "type_groups"), 13, "one group per append");
    dir
}

/// A closed store of [`fill`]'s events, made with the default lag (32): no append made the
/// tail longer than the lag, so the indexes are empty and all 13 events are in the unindexed
/// tail, found by the queries, the message-id check and `verify` through the log alone.
fn make_lagging_store(tmp: &Path) -> PathBuf {
    let dir = tmp.join("lagging");
    fill(&dir, settings());
    assert_eq!(raw_get(&dir, "meta", b"indexed_through"), None);
    for table in ["type_groups", "corr_groups", "message_ids"] {
        assert_eq!(raw_count(&dir, table), 0, "{table} is empty");
    }
    dir
}

/// A copy of the closed store `orig`, made in `tmp` as `name`, then damaged by `edit`.
fn damaged_copy(
    tmp: &Path,
    orig: &Path,
    name: &str,
    edit: impl FnOnce(&mut lmdb::RwTransaction<'_>, &dyn Fn(&str) -> lmdb::Database),
) -> PathBuf {
    let copy = tmp.join(name);
    copy_dir(orig, &copy);
    raw_edit(&copy, edit);
    copy
}

fn assert_damage(what: &str, r: lode::Result<impl std::fmt::Debug>, names: &str) {
    match r {
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::Serialization, "{what}: {e}");
            assert!(
                e.to_string().contains(names),
                "{what}: '{e}' should name '{names}'"
            );
        }
        Ok(v) => panic!("{what}: damaged bookkeeping gave an answer: {v:?}"),
    }
}

/// Whether `verify` (the exact check, which the digest check hands over to) reports a problem
/// naming `place`.
fn assert_verify_names(what: &str, p: &EventStoreProvider, place: &str) {
    let report = p.verify().unwrap();
    assert!(!report.is_ok(), "{what}: verify found nothing: {report}");
    assert_eq!(p.verify_by_digest().unwrap(), None, "{what}");
    assert!(
        report
            .problems
            .iter()
            .any(|pr| pr.place.contains(place) || pr.detail.contains(place)),
        "{what}: no problem names '{place}': {report}"
    );
}

/// R-BAD-4: a `streams` record that is damaged (its CRC fails, it has format 2's length) or
/// names the wrong stream number (another stream's, or one no stream has) is reported by every
/// call that relies on it, and the log does not hand the stream's events to anyone; an append
/// never overwrites event 9 nor leaves a gap at 11, in this stream or the other. (In format 3
/// the record holds only the stream's number and the version is the stream's last event, so a
/// record can no longer say 8 or 12 when 10 events exist; in format 2 version 8 once made the
/// next append overwrite stored event 9, and 12 made a permanent gap.)
#[test]
fn r_bad_4_a_damaged_or_misdirected_stream_record_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let orig = make_store(tmp.path());
    let key = stream_key("EventStores", "Acct", "7");
    assert_eq!(
        raw_get(&orig, "streams", &key).as_deref(),
        Some(&stream_record(1)[..]),
        "the record as this test writes it"
    );
    let event9 = raw_get(&orig, "events", &version_key(1, 9)).expect("event 9 is stored");
    let format2 = {
        let mut v = [1u64.to_be_bytes(), 10u64.to_be_bytes()].concat();
        let crc = crc32fast::hash(&v);
        v.extend_from_slice(&crc.to_le_bytes());
        v
    };
    for (case, record) in [
        ("fails its CRC", {
            // Names stream number 3 now, with the CRC of 1.
            let mut v = stream_record(1);
            v[7] ^= 2;
            v
        }),
        ("names another stream", stream_record(2)),
        ("names a number no stream has", stream_record(3)),
        ("has format 2's layout", format2),
    ] {
        let copy = tmp.path().join(format!("copy-{}", case.replace(' ', "-")));
        copy_dir(&orig, &copy);
        raw_edit(&copy, |txn, db| {
            txn.put(db("streams"), &key, &record, lmdb::WriteFlags::empty())
                .unwrap()
        });
        {
            let p = EventStoreProvider::open(&copy, indexed()).unwrap();
            let s = p.open_store("Acct", "7").unwrap();
            let names = "stream record of 'EventStores/Acct/7'";
            assert_damage(&format!("{case}: version"), s.version(), names);
            assert_damage(&format!("{case}: get"), s.get(false), names);
            assert_damage(&format!("{case}: get_to"), s.get_to(5, true), names);
            assert_damage(&format!("{case}: slice"), s.get_slice(1, 3), names);
            assert_damage(&format!("{case}: append"), s.add(&[ev("new", "T")]), names);
            assert_damage(
                &format!("{case}: since"),
                p.stream_events_since(None, "Acct", "7", 0, 100),
                names,
            );
            // The log's entries of stream number 1 are not handed to any stream: its name
            // record names Acct/7, whose record does not have that number.
            assert_damage(
                &format!("{case}: read_log"),
                p.read_log(1, 100),
                "stream number 1",
            );
            // The other stream is unaffected.
            let o = p.open_store("Other", "1").unwrap();
            assert_eq!(o.version().unwrap(), 3, "{case}");
            assert_eq!(p.read_log(11, 100).unwrap().len(), 3, "{case}");
            assert_verify_names(case, &p, "EventStores/Acct/7");
        }
        assert_eq!(
            raw_get(&copy, "events", &version_key(1, 9)).as_deref(),
            Some(&event9[..]),
            "{case}: event 9 is never overwritten"
        );
        for (num, next) in [(1, 11), (2, 4), (3, 1)] {
            assert_eq!(
                raw_get(&copy, "events", &version_key(num, next)),
                None,
                "{case}: nothing was appended to stream number {num}"
            );
        }
        assert_eq!(raw_get(&copy, "log", &14u64.to_be_bytes()), None, "{case}");
    }
}
/// R-BAD-4: a log entry that names the wrong event, and index entries that lead to events they
/// are not about, are reported, never returned as answers. Found broken once: a log entry
/// pointing at another event returned that event silently from read_log.
#[test]
fn r_bad_4_log_and_index_entries_are_checked_against_the_event_they_name() {
    let tmp = tempfile::tempdir().unwrap();
    let orig = make_store(tmp.path());

    // The log entry at position 5 names the event at position 6.
    let copy = tmp.path().join("log");
    copy_dir(&orig, &copy);
    raw_edit(&copy, |txn, db| {
        let log = db("log");
        let sixth = txn.get(log, &6u64.to_be_bytes()).unwrap().to_vec();
        txn.put(log, &5u64.to_be_bytes(), &sixth, lmdb::WriteFlags::empty())
            .unwrap();
    });
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        assert_damage(
            "read_log over 5",
            p.read_log(1, 100),
            "global log position 5",
        );
        assert_damage(
            "by type over 5",
            p.events_by_type("T", None, 0, 100),
            "position 5",
        );
        assert_eq!(
            p.read_log(6, 100).unwrap().len(),
            8,
            "past the damage the log reads"
        );
        assert_eq!(p.read_log(1, 4).unwrap().len(), 4, "before it too");
    }

    // A by-type entry for type T (type id 1, the first interned) at the position of an event of
    // type U (position 11, o1).
    let copy = tmp.path().join("by-type");
    copy_dir(&orig, &copy);
    raw_edit(&copy, |txn, db| {
        txn.put(
            db("type_groups"),
            &type_group_key(1, 1, 11),
            &ONE,
            lmdb::WriteFlags::empty(),
        )
        .unwrap();
    });
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        assert_damage(
            "by type T",
            p.events_by_type("T", None, 0, 100),
            "event type index",
        );
        assert_eq!(p.events_by_type("U", None, 0, 100).unwrap().len(), 3);
    }

    // A by-correlation entry at the position of an event with another correlation id.
    let copy = tmp.path().join("by-correlation");
    copy_dir(&orig, &copy);
    raw_edit(&copy, |txn, db| {
        let k = corr_group_key("corr-a1", 4);
        txn.put(db("corr_groups"), &k, &ONE, lmdb::WriteFlags::empty())
            .unwrap();
    });
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        assert_damage(
            "by correlation",
            p.events_by_correlation("corr-a1", 0, 100),
            "correlation index",
        );
    }

    // Format 4: the `message_ids` entry of o2 (correlated with itself, position 12) names
    // position 13 (o3's event, of another correlation id), or a position past what the indexes
    // cover.
    for (case, position, names) in [
        ("another event", 13, "correlation index"),
        ("past the indexes", 14, "message_ids entry"),
    ] {
        let copy = tmp.path().join(format!("own-{}", case.replace(' ', "-")));
        copy_dir(&orig, &copy);
        assert_eq!(
            raw_get(&copy, "message_ids", &message_id_key(2, "o2")),
            Some(own_entry(2, 12)),
            "the entry as format 4 writes it"
        );
        raw_edit(&copy, |txn, db| {
            txn.put(
                db("message_ids"),
                &message_id_key(2, "o2"),
                &own_entry(2, position),
                lmdb::WriteFlags::empty(),
            )
            .unwrap();
        });
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        assert_damage(case, p.events_by_correlation("o2", 0, 100), names);
        assert_eq!(p.events_by_correlation("o1", 0, 100).unwrap().len(), 1);
    }

    // The log is the time index (format 3): a time query binary-searches it for its start. The
    // log entry of the 5th append says it was recorded before every event (its CRC made valid,
    // so only its event can tell): a range from the 5th append's time would start at 6 and
    // silently skip it, and a range over it would return it at the wrong time.
    let times: Vec<i64> = {
        let p = EventStoreProvider::open(&orig, indexed()).unwrap();
        p.read_log(1, 100)
            .unwrap()
            .iter()
            .map(|r| r.recorded_at_us)
            .collect()
    };
    let at = |position: usize| times[position - 1];
    let copy = tmp.path().join("log-time-earlier");
    copy_dir(&orig, &copy);
    raw_edit(&copy, |txn, db| {
        rewrite_log(txn, db, 5, |v| set_log_time(v, at(1) - 1_000_000))
    });
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        assert_damage(
            "by time from the 5th append's time",
            p.events_by_time(at(5), i64::MAX, 100),
            "global log position 5",
        );
        assert_damage(
            "by time over the 5th append",
            p.events_by_time(at(3), i64::MAX, 100),
            "global log position 5",
        );
        assert_damage(
            "read_log over 5",
            p.read_log(1, 100),
            "global log position 5",
        );
        // From the 7th append's time the start (7) and the entry before it (6) agree with
        // their events.
        assert_eq!(
            p.events_by_time(at(7), i64::MAX, 100).unwrap().len(),
            7,
            "past the damage the time query answers"
        );
    }
    // ... or after every event: a range from the 6th append's time would start at 5 (the
    // search sees a time at or after it there).
    let copy = tmp.path().join("log-time-later");
    copy_dir(&orig, &copy);
    raw_edit(&copy, |txn, db| {
        rewrite_log(txn, db, 5, |v| set_log_time(v, at(13) + 1_000_000))
    });
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        assert_damage(
            "by time from the 6th append's time",
            p.events_by_time(at(6), i64::MAX, 100),
            "global log position 5",
        );
        assert_damage(
            "by time from the 5th append's time",
            p.events_by_time(at(5), i64::MAX, 100),
            "global log position 5",
        );
        assert_damage(
            "read_log over 5",
            p.read_log(1, 100),
            "global log position 5",
        );
        // A range that the damaged time seems to end: the entry that ends it is checked
        // against its event (found once: the answer silently stopped at 4).
        assert_damage(
            "by time over 3..6",
            p.events_by_time(at(3), at(6), 100),
            "global log position 5",
        );
    }

    // The event and its entry agree on a time before every other (both rewritten, valid
    // CRCs): the times decrease along the log at 5, inside a range that starts before it.
    let copy = tmp.path().join("log-time-decreases");
    copy_dir(&orig, &copy);
    raw_edit(&copy, |txn, db| {
        rewrite_log(txn, db, 5, |v| set_log_time(v, at(1) - 1_000_000));
        set_event_time(txn, db, &version_key(1, 5), at(1) - 1_000_000);
    });
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        // Found once: positions 2..5 came back, 5 recorded before the range.
        assert_damage(
            "by time over 2..4",
            p.events_by_time(at(2), at(4) + 1, 100),
            "global log position 5",
        );
    }

    // The message-id entry of a3 points at version 5 (a5): sending a3 again is not a retry.
    let copy = tmp.path().join("message-ids");
    copy_dir(&orig, &copy);
    raw_edit(&copy, |txn, db| {
        txn.put(
            db("message_ids"),
            &message_id_key(1, "a3"),
            &5u64.to_be_bytes(),
            lmdb::WriteFlags::empty(),
        )
        .unwrap();
    });
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        let s = p.open_store("Acct", "7").unwrap();
        assert_damage("resent a3", s.add(&[ev("a3", "T")]), "message id index");
        assert_eq!(s.version().unwrap(), 10);
    }

    // The log's last entry is damaged: an append cannot know the next position.
    let copy = tmp.path().join("log-tail");
    copy_dir(&orig, &copy);
    raw_edit(&copy, |txn, db| {
        txn.put(
            db("log"),
            &13u64.to_be_bytes(),
            &[0u8; 5],
            lmdb::WriteFlags::empty(),
        )
        .unwrap();
    });
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        let s = p.open_store("Acct", "7").unwrap();
        assert_damage(
            "append after a damaged log tail",
            s.add(&[ev("x", "T")]),
            "position 13",
        );
        assert_eq!(s.version().unwrap(), 10, "nothing was written");
    }

    // The name record of the newest stream is gone: a new stream would reuse its number.
    let copy = tmp.path().join("stream-names");
    copy_dir(&orig, &copy);
    raw_edit(&copy, |txn, db| {
        txn.del(db("stream_names"), &2u64.to_be_bytes(), None)
            .unwrap();
    });
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        let s = p.open_store("New", "1").unwrap();
        assert_damage("new stream", s.add(&[ev("n1", "T")]), "stream names table");
    }
    assert!(
        raw_get(&copy, "events", &version_key(2, 1)).is_some(),
        "the other stream's events are untouched"
    );
}

/// `meta/indexed_through` as format 3 writes it: position ‖ CRC-32 of it (LE).
fn indexed_through(position: u64) -> Vec<u8> {
    let mut v = position.to_be_bytes().to_vec();
    let crc = crc32fast::hash(&v);
    v.extend_from_slice(&crc.to_le_bytes());
    v
}

/// R-BAD-4, the record of how far the indexes cover the log (`meta/indexed_through`): every
/// reader relies on it to know where the unindexed tail starts, so it is checked, by its CRC
/// and against the log and the groups. Too large a value would hide the tail (queries found
/// nothing, duplicates got in), too small a one would make the tail repeat indexed events, and
/// one past the log's end made the next append overflow; each was found once by a review. Each
/// is now reported by the queries and appends it would mislead, and nothing is written.
#[test]
fn r_bad_4_the_record_of_what_the_indexes_cover_is_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let indexed_store = make_store(tmp.path());
    let lagging_store = make_lagging_store(tmp.path());
    let put = |value: Vec<u8>| {
        move |txn: &mut lmdb::RwTransaction<'_>, db: &dyn Fn(&str) -> lmdb::Database| {
            txn.put(
                db("meta"),
                &b"indexed_through",
                &value,
                lmdb::WriteFlags::empty(),
            )
            .unwrap()
        }
    };
    let name = "meta 'indexed_through'";
    // Far past the log's end, on the store whose 13 events are all in the tail.
    let copy = damaged_copy(
        tmp.path(),
        &lagging_store,
        "covers-too-much",
        put(indexed_through(1 << 40)),
    );
    {
        let p = EventStoreProvider::open(&copy, settings()).unwrap();
        assert_damage("by type", p.events_by_type("T", None, 0, 100), name);
        assert_damage(
            "by correlation",
            p.events_by_correlation("corr-a4", 0, 100),
            name,
        );
        let s = p.open_store("Acct", "7").unwrap();
        assert_damage("resent a1", s.add(&[ev("a1", "T")]), name);
        // Format 5: a stream's version reads the tail, so it relies on the record too.
        assert_damage("version", s.version(), name);
    }
    assert_eq!(
        raw_get(&copy, "log", &14u64.to_be_bytes()),
        None,
        "nothing was written"
    );
    // One past the log's end (13), on the fully indexed store: the next append is refused.
    let copy = damaged_copy(
        tmp.path(),
        &indexed_store,
        "covers-one-too-many",
        put(indexed_through(14)),
    );
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        let s = p.open_store("Acct", "7").unwrap();
        assert_damage("append", s.add(&[ev("x1", "T"), ev("x2", "T")]), name);
        // Format 5: a stream's version reads the tail, so it relies on the record too.
        assert_damage("version", s.version(), name);
        assert_damage("by type", p.events_by_type("T", None, 0, 100), name);
    }
    // Too small (5 of 13 indexed): the groups name positions past it.
    let copy = damaged_copy(
        tmp.path(),
        &indexed_store,
        "covers-too-little",
        put(indexed_through(5)),
    );
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        assert_damage(
            "by type",
            p.events_by_type("T", None, 0, 100),
            "past what the indexes cover",
        );
        assert_damage(
            "by correlation",
            p.events_by_correlation("corr-a7", 0, 100),
            "past what the indexes cover",
        );
    }
    // A flipped byte: the CRC fails.
    let mut flipped = indexed_through(13);
    flipped[7] ^= 0x01;
    let copy = damaged_copy(tmp.path(), &indexed_store, "flipped", put(flipped));
    {
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        assert_damage("by type", p.events_by_type("T", None, 0, 100), name);
        let s = p.open_store("Acct", "7").unwrap();
        assert_damage("append", s.add(&[ev("x1", "T")]), name);
        // Format 5: a stream's version reads the tail, so it relies on the record too.
        assert_damage("version", s.version(), name);
    }
    assert_eq!(
        raw_get(&copy, "log", &14u64.to_be_bytes()),
        None,
        "nothing was written"
    );
}

/// R-BAD-4, the unindexed tail (format 3): the log entries past `indexed_through` are what
/// the queries by type and correlation, the message-id check of an append and `verify` read
/// instead of an index, so a damaged one is reported as a damaged index entry is: a flipped
/// byte (its CRC fails) by every reader that decodes it, and by the append that would index
/// it; an entry rewritten with a valid CRC by the check against the event it leads to. Every
/// case is named by `verify`. (Made on the store of [`make_lagging_store`], whose 13 events
/// are all in the tail.)
#[test]
fn r_bad_4_the_unindexed_tail_of_the_log_is_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let orig = make_lagging_store(tmp.path());
    {
        // No false alarm: the healthy store answers from the tail, and verifies clean.
        let p = EventStoreProvider::open(&orig, settings()).unwrap();
        assert_eq!(p.events_by_type("T", None, 0, 100).unwrap().len(), 10);
        assert_eq!(p.events_by_type("U", None, 0, 100).unwrap().len(), 3);
        assert_eq!(p.events_by_correlation("corr-a4", 0, 100).unwrap().len(), 1);
        let report = p.verify().unwrap();
        assert!(report.is_ok(), "{report}");
        assert_eq!(p.verify_by_digest().unwrap().as_ref(), Some(&report));
    }
    // Twenty events in one append: the tail (13 + 20) outgrows the lag (32), so the append
    // indexes the whole tail.
    let batch: Vec<Vec<u8>> = (1..=20).map(|k| ev(&format!("b{k}"), "T")).collect();

    // A flipped byte in the type id of position 5's entry (T's 1 becomes 0).
    let copy = damaged_copy(tmp.path(), &orig, "type-id-flipped", |txn, db| {
        flip_log_byte(txn, db, 5, |_| LOG_TYPE_ID.end - 1)
    });
    {
        let p = EventStoreProvider::open(&copy, settings()).unwrap();
        let at5 = "global log position 5";
        assert_damage("by type T", p.events_by_type("T", None, 0, 100), at5);
        assert_damage("by type U", p.events_by_type("U", None, 0, 100), at5);
        assert_damage(
            "by correlation",
            p.events_by_correlation("corr-a9", 0, 100),
            at5,
        );
        assert_eq!(
            p.events_by_type("T", None, 6, 100).unwrap().len(),
            5,
            "past the damage the tail reads"
        );
        // The log and the streams read: what they rely on (stream, version, time) is checked
        // against the event, which agrees.
        assert_eq!(p.read_log(1, 100).unwrap().len(), 13);
        let s = p.open_store("Acct", "7").unwrap();
        assert_eq!(s.get(false).unwrap().len(), 10);
        // An append that would index the damaged entry is refused whole.
        assert_damage("the append that indexes the tail", s.add(&batch), at5);
        assert_eq!(s.version().unwrap(), 10, "nothing was written");
        assert_verify_names("type id flipped", &p, at5);
    }
    assert_eq!(raw_get(&copy, "log", &14u64.to_be_bytes()), None);
    assert_eq!(raw_count(&copy, "type_groups"), 0, "no index was written");

    // A flipped byte in the correlation id of position 4's entry (corr-a4 becomes corr-a5).
    let copy = damaged_copy(tmp.path(), &orig, "correlation-id-flipped", |txn, db| {
        flip_log_byte(txn, db, 4, |v| log_correlation_id(v).end - 1)
    });
    {
        let p = EventStoreProvider::open(&copy, settings()).unwrap();
        let at4 = "global log position 4";
        assert_damage(
            "by correlation corr-a4",
            p.events_by_correlation("corr-a4", 0, 100),
            at4,
        );
        assert_damage(
            "by correlation corr-a5",
            p.events_by_correlation("corr-a5", 0, 100),
            at4,
        );
        assert_damage("by type T", p.events_by_type("T", None, 0, 100), at4);
        let s = p.open_store("Acct", "7").unwrap();
        assert_damage("the append that indexes the tail", s.add(&batch), at4);
        assert_eq!(s.version().unwrap(), 10, "nothing was written");
        assert_verify_names("correlation id flipped", &p, at4);
    }

    // A flipped byte in the message id of position 3's entry (a3 becomes a2): the append's
    // duplicate check decodes every tail entry, so resending a2 or a3 meets the entry's failed
    // CRC (found once: a first look without the CRC let a second a3 in).
    let copy = damaged_copy(tmp.path(), &orig, "message-id-flipped", |txn, db| {
        flip_log_byte(txn, db, 3, |v| log_message_id(v).end - 1)
    });
    {
        let p = EventStoreProvider::open(&copy, settings()).unwrap();
        let at3 = "global log position 3";
        let s = p.open_store("Acct", "7").unwrap();
        assert_damage("resent a2", s.add(&[ev("a2", "T")]), at3);
        assert_damage("resent a3", s.add(&[ev("a3", "T")]), at3);
        assert_eq!(s.version().unwrap(), 10, "nothing was written");
        assert_verify_names("message id flipped", &p, at3);
    }
    assert_eq!(raw_get(&copy, "events", &version_key(1, 11)), None);

    // Position 6's entry loses its index fields (kind 0, a valid CRC), as if it had been
    // indexed when written: in the tail, every reader of its fields reports it.
    let copy = damaged_copy(tmp.path(), &orig, "index-fields-dropped", |txn, db| {
        rewrite_log(txn, db, 6, |v| {
            v.truncate(24);
            v.push(0);
        })
    });
    {
        let p = EventStoreProvider::open(&copy, settings()).unwrap();
        let at6 = "has no index fields";
        assert_damage("by type", p.events_by_type("T", None, 0, 100), at6);
        let s = p.open_store("Acct", "7").unwrap();
        assert_damage("resent a6", s.add(&[ev("a6", "T")]), at6);
        assert_eq!(s.version().unwrap(), 10, "nothing was written");
        assert_eq!(
            p.read_log(1, 100).unwrap().len(),
            13,
            "the log itself reads"
        );
        assert_verify_names("index fields dropped", &p, "global log position 6");
    }

    // Position 5's entry says its message id is a3 (a valid CRC): sending a3 again finds it at
    // version 5, whose message is a5, so it is not a retry (nor a new event).
    let copy = damaged_copy(tmp.path(), &orig, "message-id-rewritten", |txn, db| {
        rewrite_log(txn, db, 5, |v| {
            let at = log_message_id(v);
            v[at].copy_from_slice(b"a3");
        })
    });
    {
        let p = EventStoreProvider::open(&copy, settings()).unwrap();
        let s = p.open_store("Acct", "7").unwrap();
        assert_damage("resent a3", s.add(&[ev("a3", "T")]), "message id index");
        assert_eq!(s.version().unwrap(), 10, "nothing was written");
        assert_verify_names("message id rewritten", &p, "message id index");
    }
    assert_eq!(raw_get(&copy, "events", &version_key(1, 11)), None);

    // Position 11's entry (o1, type U) says type T (a valid CRC): a query for T reaches an
    // event of type U.
    let copy = damaged_copy(tmp.path(), &orig, "type-id-rewritten", |txn, db| {
        rewrite_log(txn, db, 11, |v| {
            v[LOG_TYPE_ID].copy_from_slice(&1u32.to_be_bytes())
        })
    });
    {
        let p = EventStoreProvider::open(&copy, settings()).unwrap();
        assert_damage(
            "by type T",
            p.events_by_type("T", None, 0, 100),
            "event type index",
        );
        assert_verify_names("type id rewritten", &p, "event type index");
    }

    // Position 2's entry names correlation id corr-a1 (a valid CRC): a query for corr-a1
    // reaches a2.
    let copy = damaged_copy(tmp.path(), &orig, "correlation-id-rewritten", |txn, db| {
        rewrite_log(txn, db, 2, |v| {
            let at = log_correlation_id(v);
            v[at].copy_from_slice(b"corr-a1");
        })
    });
    {
        let p = EventStoreProvider::open(&copy, settings()).unwrap();
        assert_damage(
            "by correlation corr-a1",
            p.events_by_correlation("corr-a1", 0, 100),
            "correlation index",
        );
        assert_verify_names("correlation id rewritten", &p, "correlation index");
    }
}

// -- R-BAD-5: truncated data files --------------------------------------------------------------

fn open_role(dir: &Path) {
    match EventStoreProvider::open(dir, settings()) {
        Ok(p) => {
            let n = p.read_log(0, 1_000_000).map(|l| l.len());
            say(&format!("OPENED {n:?}"));
        }
        Err(e) => say(&format!("REFUSED {:?} {e}", e.kind())),
    }
}

/// R-BAD-5: a truncated or shortened data file is refused at open with a storage error; it never
/// kills the host with a signal. Found broken once: one page short killed the host with SIGBUS.
#[test]
fn r_bad_5_a_truncated_data_file_is_refused_at_open() {
    if child_role().as_deref() == Some("open") {
        open_role(Path::new(&std::env::var("LODE_DIR").unwrap()));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let orig = tmp.path().join("orig");
    {
        let p = EventStoreProvider::open(&orig, settings()).unwrap();
        let s = p.open_store("Trunc", "1").unwrap();
        for b in 0..30 {
            let batch: Vec<Vec<u8>> = (0..100)
                .map(|k| {
                    let id = format!("t{b}-{k}");
                    event_json(
                        &id,
                        "T",
                        "c",
                        None,
                        &format!("\"Pad\":\"{}\"", "x".repeat(300)),
                    )
                })
                .collect();
            s.add(&batch).unwrap();
        }
        // Last, one large event: its overflow pages are new pages at the end of the file, so
        // the file's last page is in use.
        s.add(&[event_json(
            "big",
            "T",
            "c",
            None,
            &format!("\"Pad\":\"{}\"", "x".repeat(200_000)),
        )])
        .unwrap();
        s.close().unwrap();
    }
    let len = std::fs::metadata(orig.join("data.mdb")).unwrap().len();
    let page = 4096u64;
    let needed = meta_needed_bytes(&orig.join("data.mdb"));
    assert!(
        needed <= len && needed > 20 * page,
        "needed {needed}, len {len}"
    );
    // (case, cut to, whether the cut may have removed only free pages: then the store is whole
    // and must open and read every event, else it must be refused; never a signal)
    for (case, cut_to, may_be_whole) in [
        (
            "one page short of what the meta page claims",
            needed - page,
            true,
        ),
        ("ten pages short", needed - 10 * page, false),
        ("half", len / 2 / page * page, false),
        ("half a page short", len - page / 2, true),
        ("the meta pages and a byte", 2 * page + 1, false),
        ("one page", page, false),
        ("100 bytes", 100, false),
    ] {
        let copy = tmp.path().join(case.replace(' ', "-"));
        copy_dir(&orig, &copy);
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(copy.join("data.mdb"))
            .unwrap();
        f.set_len(cut_to).unwrap();
        drop(f);
        let mut cmd = child_command("r_bad_5_a_truncated_data_file_is_refused_at_open", "open");
        cmd.env("LODE_DIR", &copy);
        let (status, lines, err) = ChildProc::spawn(cmd).wait();
        assert!(
            status.success(),
            "{case}: the open killed the process ({status}): {lines:?} {err}"
        );
        let line = lines
            .iter()
            .find(|l| l.starts_with("OPENED") || l.starts_with("REFUSED"));
        let line = line.unwrap_or_else(|| panic!("{case}: {lines:?} {err}"));
        if may_be_whole && line.starts_with("OPENED") {
            assert_eq!(
                line, "OPENED Ok(3001)",
                "{case}: opened, so it must be whole"
            );
            continue;
        }
        assert!(line.starts_with("REFUSED Storage"), "{case}: {line}");
        if cut_to > 2 * page {
            assert!(line.contains("truncated"), "{case}: {line}");
        }
    }
    // The original opens and reads whole.
    let mut cmd = child_command("r_bad_5_a_truncated_data_file_is_refused_at_open", "open");
    cmd.env("LODE_DIR", &orig);
    let (status, lines, _) = ChildProc::spawn(cmd).wait();
    assert!(status.success());
    assert!(lines.contains(&"OPENED Ok(3001)".to_string()), "{lines:?}");
}

/// `(last_pg + 1) × page size` of the newest meta page of an LMDB data file (MDB_meta after
/// the 16-byte page header: magic, version, address, mapsize, two 48-byte MDB_db (the page size
/// in the first's md_pad), last_pg, txnid).
fn meta_needed_bytes(file: &Path) -> u64 {
    let bytes = std::fs::read(file).unwrap();
    let u64_at = |at: usize| u64::from_ne_bytes(bytes[at..at + 8].try_into().unwrap());
    let psize = u32::from_ne_bytes(bytes[40..44].try_into().unwrap()) as usize;
    let (last0, txn0) = (u64_at(136), u64_at(144));
    let (last1, txn1) = (u64_at(psize + 136), u64_at(psize + 144));
    let last = if txn1 > txn0 { last1 } else { last0 };
    (last + 1) * psize as u64
}

/// R-BAD-5 without false alarms: every store an ordinary workload leaves behind (appends,
/// snapshots replaced and cleared, leases taken and released, map growth) opens. (The case of
/// a file that ends before free pages is made on purpose by the next test.)
#[test]
fn r_bad_5_stores_that_are_whole_always_open() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("busy");
    let small = ProviderSettings {
        initial_map_size: 1 << 20,
        ..settings()
    };
    let mut rng = Rng::new(7);
    let mut short_rounds = 0;
    for round in 0..20 {
        {
            let p = EventStoreProvider::open(&dir, small.clone()).unwrap();
            for stream in 0..3 {
                let s = p.open_store("Busy", &stream.to_string()).unwrap();
                let n = rng.range(1, 200);
                let batch: Vec<Vec<u8>> = (0..n)
                    .map(|k| {
                        let id = format!("r{round}-s{stream}-{k}");
                        let pad = "p".repeat(rng.range(10, 3000) as usize);
                        event_json(&id, "B", "c", None, &format!("\"Pad\":\"{pad}\""))
                    })
                    .collect();
                let v = s.add(&batch).unwrap();
                s.snapshot(v, &snapshot_json(&"s".repeat(rng.range(1, 5000) as usize)))
                    .unwrap();
                if rng.chance(50) {
                    s.clear_snapshots().unwrap();
                }
                s.close().unwrap();
            }
        }
        // A fresh environment each round: the check runs on every open.
        let len = std::fs::metadata(dir.join("data.mdb")).unwrap().len();
        if len < meta_needed_bytes(&dir.join("data.mdb")) {
            short_rounds += 1;
        }
        let p = EventStoreProvider::open(&dir, small.clone()).unwrap();
        assert!(!p.read_log(0, 10).unwrap().is_empty(), "round {round}");
    }
    println!(
        "R-BAD-5: {short_rounds} of 20 rounds left a data file shorter than its meta page claims"
    );
}

// -- R-BAD-6: nesting depth ---------------------------------------------------------------------

fn nested(depth: usize) -> Vec<u8> {
    // The outer message object is level 1, "Event" level 2, then arrays down to `depth`.
    let arrays = depth - 2;
    let deep = format!("{}{}", "[".repeat(arrays), "]".repeat(arrays));
    format!(
        r#"{{"Event":{{"$type":"Deep","Deep":{deep}}},"Metadata":{{"Message":{{"Id":"deep-{depth}","Name":"Deep","Domain":{{"Id":"1","Name":"D"}}}},"Context":{{}}}}}}"#
    )
    .into_bytes()
}

/// R-BAD-6: a message nested deeper than the documented maximum (64 levels, the default of
/// .NET's System.Text.Json) is refused at append with InvalidArgument naming the limit; one at
/// the limit is stored and read back. Found broken once: one deeply nested event made every
/// Python query raise RecursionError, and .NET could never have read it.
#[test]
fn r_bad_6_messages_deeper_than_the_limit_are_refused_at_append() {
    assert_eq!(lode::limits::MAX_NESTING_DEPTH, 64);
    let tmp = tempfile::tempdir().unwrap();
    let p = EventStoreProvider::open(tmp.path(), settings()).unwrap();
    let s = p.open_store("Deep", "1").unwrap();
    assert_eq!(s.add(&[nested(64)]).unwrap(), 1);
    let e = s.add(&[nested(65)]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    assert!(e.to_string().contains("64"), "{e}");
    // Inside strings, brackets do not count.
    let mut quoted = String::from_utf8(nested(3)).unwrap();
    quoted = quoted.replace("\"Deep\":[]", &format!("\"Deep\":\"{}\"", "[".repeat(500)));
    assert_eq!(s.add(&[quoted.into_bytes()]).unwrap(), 2);
    // A snapshot too.
    let e = s.snapshot(1, &nested(65)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    s.snapshot(1, &nested(64)).unwrap();
    // Everything stored reads back, through every query.
    assert_eq!(s.get(true).unwrap().len(), 2);
    assert_eq!(p.read_log(0, 10).unwrap().len(), 2);
    assert_eq!(p.events_by_type("Deep", None, 0, 10).unwrap().len(), 2);
}

// -- verify -------------------------------------------------------------------------------------

/// `lode::verify` finds every kind of damage injected into a copy and names where it is; a
/// whole store verifies clean. (The crash and concurrency tests check their stores with it.)
/// Made on the store of [`make_store`], whose indexes cover every event; the damage of the
/// unindexed tail, which `verify` reads from the log, is in the test of the tail above. The
/// log is the time index in format 3: its damage is a log entry whose time is not its event's,
/// or times that decrease along the log.
#[test]
fn verify_reports_every_injected_damage_and_where() {
    let tmp = tempfile::tempdir().unwrap();
    let orig = make_store(tmp.path());
    {
        let p = EventStoreProvider::open(&orig, indexed()).unwrap();
        let s = p.open_store("Acct", "7").unwrap();
        s.add_with_command(&[ev("a11", "T")], &lode::Command::new("cmd-1"))
            .unwrap();
        s.snapshot(5, &snapshot_json("five")).unwrap();
        s.close().unwrap();
        let report = p.verify().unwrap();
        assert!(report.is_ok(), "{report}");
        // A healthy store is proved by the digest check, with the exact check's counts.
        assert_eq!(p.verify_by_digest().unwrap().as_ref(), Some(&report));
        assert_eq!(p.verify_exact().unwrap(), report);
        assert_eq!(
            (
                report.streams,
                report.events,
                report.log_entries,
                report.commands,
                report.snapshots
            ),
            (2, 14, 14, 1, 1)
        );
    }
    type Edit = Box<dyn Fn(&mut lmdb::RwTransaction<'_>, &dyn Fn(&str) -> lmdb::Database)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "a missing type index entry",
            Box::new(move |txn, db| {
                txn.del(db("type_groups"), &type_group_key(1, 1, 3), None)
                    .unwrap()
            }),
            "event type index",
        ),
        (
            "an extra correlation entry",
            Box::new(|txn, db| {
                let k = corr_group_key("ghost", 2);
                txn.put(db("corr_groups"), &k, &ONE, lmdb::WriteFlags::empty())
                    .unwrap()
            }),
            "correlation index",
        ),
        (
            "a missing message id entry",
            Box::new(|txn, db| {
                txn.del(db("message_ids"), &message_id_key(1, "a4"), None)
                    .unwrap()
            }),
            "message id index",
        ),
        (
            "a message id entry that says its event is correlated with itself",
            Box::new(|txn, db| {
                txn.put(
                    db("message_ids"),
                    &message_id_key(1, "a4"),
                    &own_entry(4, 4),
                    lmdb::WriteFlags::empty(),
                )
                .unwrap()
            }),
            "correlation index",
        ),
        (
            "a self-correlated event in a correlation group too",
            Box::new(|txn, db| {
                let k = corr_group_key("o2", 12);
                txn.put(db("corr_groups"), &k, &ONE, lmdb::WriteFlags::empty())
                    .unwrap()
            }),
            "(\"o2\", 12) is named twice",
        ),
        (
            "a self-correlated event's entry without its position",
            Box::new(|txn, db| {
                txn.put(
                    db("message_ids"),
                    &message_id_key(2, "o2"),
                    &2u64.to_be_bytes(),
                    lmdb::WriteFlags::empty(),
                )
                .unwrap()
            }),
            "correlation index",
        ),
        (
            "a gap in a stream",
            Box::new(|txn, db| txn.del(db("events"), &version_key(1, 6), None).unwrap()),
            "EventStores/Acct/7",
        ),
        (
            "a flipped byte in an event",
            // Format 5: the record is the end of the log value (Other/1 version 2 is at 12).
            Box::new(|txn, db| {
                let log = db("log");
                let mut v = txn.get(log, &12u64.to_be_bytes()).unwrap().to_vec();
                assert_eq!(split_log_value(&v).0[..16], version_key(2, 2));
                let at = v.len() - 10;
                v[at] ^= 1;
                txn.put(log, &12u64.to_be_bytes(), &v, lmdb::WriteFlags::empty())
                    .unwrap()
            }),
            "EventStores/Other/1",
        ),
        (
            "a command naming versions that do not exist",
            Box::new(|txn, db| {
                let commands = db("commands");
                let v = txn.get(commands, &b"cmd-1").unwrap();
                let text = String::from_utf8(v.to_vec())
                    .unwrap()
                    .replace("\"LastVersion\":11", "\"LastVersion\":40");
                txn.put(commands, &b"cmd-1", &text, lmdb::WriteFlags::empty())
                    .unwrap()
            }),
            "command 'cmd-1'",
        ),
        (
            "a log entry recorded at another time than its event (its CRC made valid)",
            Box::new(|txn, db| {
                let later = log_time(txn, db, 4) + 1;
                rewrite_log(txn, db, 4, |v| set_log_time(v, later))
            }),
            "global log position 4",
        ),
        (
            "the log's times decrease (the event and its log entry agreeing)",
            Box::new(|txn, db| {
                let earlier = log_time(txn, db, 3) - 1_000;
                set_event_time(txn, db, &version_key(1, 4), earlier);
                rewrite_log(txn, db, 4, |v| set_log_time(v, earlier))
            }),
            "global log position 4",
        ),
        (
            "the last log entry missing",
            // Format 5: the event goes with its log value; what is left names position 14
            // (the indexes, `indexed_through`), past the log's end.
            Box::new(|txn, db| txn.del(db("log"), &14u64.to_be_bytes(), None).unwrap()),
            "past the log's end (13)",
        ),
        (
            "two log entries exchanged",
            Box::new(|txn, db| {
                let log = db("log");
                let two = txn.get(log, &2u64.to_be_bytes()).unwrap().to_vec();
                let three = txn.get(log, &3u64.to_be_bytes()).unwrap().to_vec();
                txn.put(log, &2u64.to_be_bytes(), &three, lmdb::WriteFlags::empty())
                    .unwrap();
                txn.put(log, &3u64.to_be_bytes(), &two, lmdb::WriteFlags::empty())
                    .unwrap()
            }),
            "global log position 2",
        ),
        (
            "a snapshot past its stream's end",
            Box::new(|txn, db| {
                let snaps = db("snapshots");
                let v = txn.get(snaps, &version_key(1, 5)).unwrap().to_vec();
                txn.put(snaps, &version_key(1, 99), &v, lmdb::WriteFlags::empty())
                    .unwrap()
            }),
            "snapshot at version 99",
        ),
    ];
    for (i, (case, edit, place)) in cases.into_iter().enumerate() {
        let copy = tmp.path().join(format!("verify-{i}"));
        copy_dir(&orig, &copy);
        raw_edit(&copy, |txn, db| edit(txn, db));
        let p = EventStoreProvider::open(&copy, indexed()).unwrap();
        let report = p.verify().unwrap();
        assert!(!report.is_ok(), "{case}: verify found nothing: {report}");
        // The digest check sees it too (it is what a healthy store's verify rests on), and
        // hands over to the exact check, whose report this is.
        assert_eq!(p.verify_by_digest().unwrap(), None, "{case}");
        assert_eq!(p.verify_exact().unwrap(), report, "{case}");
        assert!(
            report
                .problems
                .iter()
                .any(|pr| pr.place.contains(place) || pr.detail.contains(place)),
            "{case}: no problem names '{place}': {report}"
        );
    }
}

/// R-BAD-5 without false alarms, the case the check must allow: LMDB leaves the data file
/// shorter than its meta page claims when the last pages were allocated and freed within one
/// transaction (never written). Made here with a plain LMDB transaction that stores a large
/// value and deletes it again; the store must open and read whole.
#[test]
fn r_bad_5_a_file_that_ends_before_free_pages_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = make_store(tmp.path());
    raw_edit(&dir, |txn, db| {
        let meta = db("meta");
        txn.put(
            meta,
            b"scratch",
            &vec![7u8; 1 << 20],
            lmdb::WriteFlags::empty(),
        )
        .unwrap();
        txn.del(meta, b"scratch", None).unwrap();
    });
    let file = dir.join("data.mdb");
    let len = std::fs::metadata(&file).unwrap().len();
    let needed = meta_needed_bytes(&file);
    assert!(
        len < needed,
        "the case under test: the file ({len} bytes) ends before the pages its meta page counts ({needed})"
    );
    let mut cmd = child_command("r_bad_5_a_truncated_data_file_is_refused_at_open", "open");
    cmd.env("LODE_DIR", &dir);
    let (status, lines, err) = ChildProc::spawn(cmd).wait();
    assert!(status.success(), "{lines:?} {err}");
    assert!(
        lines.contains(&"OPENED Ok(13)".to_string()),
        "{lines:?} {err}"
    );
    let p = EventStoreProvider::open(&dir, settings()).unwrap();
    assert!(p.verify().unwrap().is_ok());
}
