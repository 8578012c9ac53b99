//! Key and value encodings of every table: the byte-level layout of `docs/storage-layout.md`
//! (on-disk format 5).
//!
//! Integers in keys are big-endian so that LMDB's byte order is numeric order. Strings in keys
//! are length-prefixed (u16 big-endian) so that no string is a prefix of another's encoding and
//! any byte (even NUL) is safe. Stored messages, snapshots and stream records carry a CRC-32 so
//! that a damaged record is reported, never returned (R-BAD-3); every other record is checked
//! against what it names (`view.rs`).

use lode_backend::{Lease, Micros, StoredEvent};

// Stream keys are the stream's own encoding (`StreamId::encoded`): each part as u16 length ‖
// bytes.

fn push_str(k: &mut Vec<u8>, s: &str) {
    push_bytes(k, s.as_bytes());
}

fn push_bytes(k: &mut Vec<u8>, s: &[u8]) {
    k.extend_from_slice(&(s.len() as u16).to_be_bytes());
    k.extend_from_slice(s);
}

/// A `u16 len ‖ bytes` field at the start of `k`, and the rest.
fn take_bytes(k: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = u16::from_be_bytes(k.get(..2)?.try_into().ok()?) as usize;
    Some((k.get(2..2 + len)?, &k[2 + len..]))
}

/// A `u16 len ‖ bytes` string at the start of `k`, and the rest.
pub(crate) fn take_str(k: &[u8]) -> Option<(&str, &[u8])> {
    let len = u16::from_be_bytes(k.get(..2)?.try_into().ok()?) as usize;
    let s = std::str::from_utf8(k.get(2..2 + len)?).ok()?;
    Some((s, &k[2 + len..]))
}

pub(crate) fn u64_be(b: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(b.get(..8)?.try_into().ok()?))
}

/// `streams` value (format 3): the stream's number, its short key everywhere else, then a
/// CRC-32 of it: `num u64 ‖ crc32 u32 LE` (12 bytes). Written once, at the stream's first append:
/// the stream's version is its last `events` key, so an append to a known stream writes no
/// stream record. Formats 1 and 2 also kept the version here (read only by the upgrade).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StreamInfo {
    pub num: u64,
}

impl StreamInfo {
    pub fn encode(self) -> [u8; 12] {
        let mut v = [0u8; 12];
        v[..8].copy_from_slice(&self.num.to_be_bytes());
        let crc = crc32fast::hash(&v[..8]);
        v[8..].copy_from_slice(&crc.to_le_bytes());
        v
    }
    pub fn decode(v: &[u8]) -> Option<StreamInfo> {
        if v.len() != 12 || crc32fast::hash(&v[..8]).to_le_bytes() != v[8..12] {
            return None;
        }
        Some(StreamInfo { num: u64_be(v)? })
    }
    /// The stream number of a format-2 value (`num ‖ version ‖ crc32 of those 16 bytes`),
    /// read only by the upgrade.
    pub fn decode_format2(v: &[u8]) -> Option<StreamInfo> {
        if v.len() != 20 || crc32fast::hash(&v[..16]).to_le_bytes() != v[16..20] {
            return None;
        }
        Some(StreamInfo { num: u64_be(v)? })
    }
    /// The stream number of a format-1 value (`num ‖ version`, 16 bytes, no CRC), read only by
    /// the upgrade.
    pub fn decode_format1(v: &[u8]) -> Option<StreamInfo> {
        (v.len() == 16).then(|| StreamInfo {
            num: u64_be(v).unwrap_or(0),
        })
    }
}

/// `events` and `snapshots` key: `u64 stream ‖ u64 version`.
pub(crate) fn version_key(stream: u64, version: u64) -> [u8; 16] {
    let mut k = [0u8; 16];
    k[..8].copy_from_slice(&stream.to_be_bytes());
    k[8..].copy_from_slice(&version.to_be_bytes());
    k
}

/// `(stream, version)` of a [`version_key`].
pub(crate) fn split_version_key(k: &[u8]) -> Option<(u64, u64)> {
    (k.len() == 16).then(|| (u64_be(k).unwrap_or(0), u64_be(&k[8..]).unwrap_or(0)))
}

/// Record format byte of event and snapshot values.
const RECORD_FORMAT: u8 = 1;
/// `format u8 ‖ crc32 u32 LE ‖ position u64 ‖ recorded_at i64 ‖ JSON`.
pub(crate) const EVENT_HEADER: usize = 1 + 4 + 8 + 8;
/// `format u8 ‖ crc32 u32 LE ‖ stored_at i64 ‖ JSON`.
pub(crate) const SNAPSHOT_HEADER: usize = 1 + 4 + 8;

/// Writes an event record into `out` (exactly `EVENT_HEADER + sum(json parts)` bytes). The JSON
/// is given in parts so that the sequence-number edit needs no intermediate copy.
pub(crate) fn write_event(out: &mut [u8], position: u64, recorded_at: Micros, json: &[&[u8]]) {
    out[0] = RECORD_FORMAT;
    out[5..13].copy_from_slice(&position.to_be_bytes());
    out[13..21].copy_from_slice(&recorded_at.to_be_bytes());
    fill_parts(&mut out[EVENT_HEADER..], json);
    seal(out);
}

pub(crate) fn write_snapshot(out: &mut [u8], stored_at: Micros, json: &[u8]) {
    out[0] = RECORD_FORMAT;
    out[5..13].copy_from_slice(&stored_at.to_be_bytes());
    out[SNAPSHOT_HEADER..].copy_from_slice(json);
    seal(out);
}

fn fill_parts(mut out: &mut [u8], parts: &[&[u8]]) {
    for p in parts {
        out[..p.len()].copy_from_slice(p);
        out = &mut out[p.len()..];
    }
}

fn seal(out: &mut [u8]) {
    let crc = crc32fast::hash(&out[5..]);
    out[1..5].copy_from_slice(&crc.to_le_bytes());
}

fn check(v: &[u8], header: usize) -> Result<(), &'static str> {
    if v.len() < header + 2 {
        return Err("the record is shorter than its header");
    }
    if v[0] != RECORD_FORMAT {
        return Err("the record has an unknown format byte");
    }
    let stored = u32::from_le_bytes(v[1..5].try_into().unwrap_or_default());
    if crc32fast::hash(&v[5..]) != stored {
        return Err("the record's checksum does not match its bytes (the record is damaged)");
    }
    Ok(())
}

pub(crate) fn read_event(v: &[u8]) -> Result<StoredEvent<'_>, &'static str> {
    check(v, EVENT_HEADER)?;
    Ok(StoredEvent {
        position: u64_be(&v[5..]).unwrap_or(0),
        recorded_at: u64_be(&v[13..]).unwrap_or(0) as i64,
        json: &v[EVENT_HEADER..],
    })
}

/// The position in an event record's header, without the CRC check (which reads the whole
/// message): for the upgrade, which checks it against the log instead. `None` when the value is
/// too short or of another record format.
pub(crate) fn event_position(v: &[u8]) -> Option<u64> {
    (v.len() >= EVENT_HEADER && v[0] == RECORD_FORMAT)
        .then(|| u64_be(&v[5..]))
        .flatten()
}

/// `log` value (format 5): the log entry ([`LogEntry`]), then the event's record, so that an
/// append writes one B-tree (`log`) instead of two:
///
/// ```text
/// u16 BE n ‖ log entry (n bytes, with its own CRC) ‖ event record (write_event's bytes)
/// ```
///
/// The entry keeps format 4's bytes and the record its own format byte, CRC, position and
/// time, so each is checked as before, and each against the other.
pub(crate) const LOG_VALUE_PREFIX: usize = 2;

/// The size of a `log` value holding an entry of `entry_len` bytes and `json_len` bytes of JSON.
pub(crate) fn log_value_len(entry_len: usize, json_len: usize) -> usize {
    LOG_VALUE_PREFIX + entry_len + EVENT_HEADER + json_len
}

/// Writes a `log` value into `out` (exactly [`log_value_len`] bytes): `entry` (an encoded
/// [`LogEntry`]), then the event record.
pub(crate) fn write_log_value(
    out: &mut [u8],
    entry: &[u8],
    position: u64,
    recorded_at: Micros,
    json: &[&[u8]],
) {
    let n = entry.len();
    out[..LOG_VALUE_PREFIX].copy_from_slice(&(n as u16).to_be_bytes());
    out[LOG_VALUE_PREFIX..LOG_VALUE_PREFIX + n].copy_from_slice(entry);
    write_event(
        &mut out[LOG_VALUE_PREFIX + n..],
        position,
        recorded_at,
        json,
    );
}

/// A `log` value assembled from an entry and an event record already encoded (the upgrade).
pub(crate) fn log_value_of(entry: &[u8], record: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(LOG_VALUE_PREFIX + entry.len() + record.len());
    v.extend_from_slice(&(entry.len() as u16).to_be_bytes());
    v.extend_from_slice(entry);
    v.extend_from_slice(record);
    v
}

/// `(entry, event record)` of a `log` value; `None` when its length prefix does not fit it.
/// Neither part is checked here: the entry by its CRC or against the record, the record by
/// its own CRC ([`read_event`]).
pub(crate) fn split_log_value(v: &[u8]) -> Option<(&[u8], &[u8])> {
    let n = u16::from_be_bytes(v.get(..LOG_VALUE_PREFIX)?.try_into().ok()?) as usize;
    let entry = v.get(LOG_VALUE_PREFIX..LOG_VALUE_PREFIX + n)?;
    Some((entry, &v[LOG_VALUE_PREFIX + n..]))
}

/// `events` value (format 5): the event's log position, `u64 BE` (8 bytes). The table is an
/// index `(stream, version) → position` of the events at positions `1..=indexed_through`,
/// written with the other indexes when the tail is indexed; it is checked against the log
/// entry it names, which must name the same stream and version.
pub(crate) fn decode_event_index(v: &[u8]) -> Option<u64> {
    (v.len() == 8).then(|| u64_be(v)).flatten()
}

/// The JSON of a snapshot record, checked.
pub(crate) fn read_snapshot(v: &[u8]) -> Result<&[u8], &'static str> {
    check(v, SNAPSHOT_HEADER)?;
    Ok(&v[SNAPSHOT_HEADER..])
}

/// The time a snapshot record was stored at and its JSON, checked.
pub(crate) fn read_snapshot_with_time(v: &[u8]) -> Result<(Micros, &[u8]), &'static str> {
    check(v, SNAPSHOT_HEADER)?;
    Ok((u64_be(&v[5..]).unwrap_or(0) as i64, &v[SNAPSHOT_HEADER..]))
}

/// `leases` value: `session [16] ‖ expires_at i64 ‖ pid u32` (28 bytes).
pub(crate) fn encode_lease(l: &Lease) -> [u8; 28] {
    let mut v = [0u8; 28];
    v[..16].copy_from_slice(&l.session);
    v[16..24].copy_from_slice(&l.expires_at.to_be_bytes());
    v[24..].copy_from_slice(&l.pid.to_be_bytes());
    v
}

pub(crate) fn decode_lease(v: &[u8]) -> Option<Lease> {
    if v.len() != 28 {
        return None;
    }
    Some(Lease {
        session: v[..16].try_into().ok()?,
        expires_at: u64_be(&v[16..])? as i64,
        pid: u32::from_be_bytes(v[24..28].try_into().ok()?),
    })
}

/// `log` key is the position (u64). The entry (format 4's whole value, the first part of format
/// 5's) names the event and repeats its time; an entry written past what its own transaction indexes also carries what the indexes
/// are made of, so that the indexes can be brought up to date, and a query can read the log's
/// unindexed tail, without parsing a message:
///
/// ```text
/// stream u64 ‖ version u64 ‖ recorded_at i64 ‖ kind u8 ‖
///   (kind 0, indexed as it was written: nothing more
///    | kind 1: type id u32 ‖ event version u32 ‖ str message id ‖
///              (0u8: none | 1u8 ‖ str correlation id | 2u8: the message id)) ‖
/// crc32 u32 LE of every byte before it
/// ```
///
/// Flag 2 (format 4) spares an entry of an event correlated with itself, the default of
/// Hexalith's messages, a second copy of its id. Flag 1 with a correlation id equal to the
/// message id (written by format 3) means the same, and is read as such.
///
/// The ids are kept as the bytes of the UTF-8 strings they were written from: readers compare
/// them as bytes (validating them as UTF-8 cost about as much as the CRC); one that needs a
/// `str` converts them, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LogEntry<'a> {
    pub stream: u64,
    pub version: u64,
    pub recorded_at: Micros,
    pub type_id: u32,
    pub event_version: u32,
    pub message_id: &'a [u8],
    pub correlation_id: Option<&'a [u8]>,
}

/// Where the event is and when: the part every log entry starts with.
const LOG_LOCATION: usize = 8 + 8 + 8;
/// A kind-1 entry's fixed part before its message id.
const LOG_FIXED: usize = LOG_LOCATION + 1 + 4 + 4;
/// The smallest entry: a kind-0 one.
const LOG_MIN: usize = LOG_LOCATION + 1 + 4;

fn push_location(out: &mut Vec<u8>, stream: u64, version: u64, recorded_at: Micros) {
    out.clear();
    out.extend_from_slice(&stream.to_be_bytes());
    out.extend_from_slice(&version.to_be_bytes());
    out.extend_from_slice(&recorded_at.to_be_bytes());
}

fn seal_log(out: &mut Vec<u8>) {
    let crc = crc32fast::hash(out);
    out.extend_from_slice(&crc.to_le_bytes());
}

/// The body of a value whose CRC matches (`None`: damaged or too short).
fn log_body(v: &[u8]) -> Option<&[u8]> {
    let (body, crc) = v.split_at_checked(v.len().checked_sub(4)?)?;
    (body.len() > LOG_LOCATION && crc32fast::hash(body).to_le_bytes() == crc).then_some(body)
}

impl<'a> LogEntry<'a> {
    /// Writes the entry with its index fields (kind 1) into `out` (cleared first).
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        push_location(out, self.stream, self.version, self.recorded_at);
        out.push(1);
        out.extend_from_slice(&self.type_id.to_be_bytes());
        out.extend_from_slice(&self.event_version.to_be_bytes());
        push_bytes(out, self.message_id);
        match self.correlation_id {
            None => out.push(0),
            Some(c) if c == self.message_id => out.push(2),
            Some(c) => {
                out.push(1);
                push_bytes(out, c);
            }
        }
        seal_log(out);
    }

    /// Writes an entry without index fields (kind 0, for an event its own transaction indexes)
    /// into `out` (cleared first).
    pub fn encode_indexed_into(stream: u64, version: u64, recorded_at: Micros, out: &mut Vec<u8>) {
        push_location(out, stream, version, recorded_at);
        out.push(0);
        seal_log(out);
    }

    /// Whether a value is a sound entry of either kind: its CRC matches and its framing holds.
    pub fn is_sound(v: &[u8]) -> bool {
        match log_body(v) {
            Some(body) if body[LOG_LOCATION] == 0 => body.len() == LOG_LOCATION + 1,
            Some(body) => LogEntry::decode_body(body).is_some(),
            None => false,
        }
    }

    /// Decodes and checks an entry with index fields (kind 1); `None` when it is damaged (its
    /// CRC or its framing is off) or has none (kind 0).
    pub fn decode(v: &'a [u8]) -> Option<LogEntry<'a>> {
        LogEntry::decode_body(log_body(v)?)
    }

    /// [`LogEntry::decode`] of a body whose CRC was checked.
    fn decode_body(body: &'a [u8]) -> Option<LogEntry<'a>> {
        // The smallest such entry: the fixed part, an empty message id and the flag byte.
        if body.len() < LOG_FIXED + 3 || body[LOG_LOCATION] != 1 {
            return None;
        }
        let u32_at =
            |at: usize| u32::from_be_bytes(body[at..at + 4].try_into().unwrap_or_default());
        let (message_id, rest) = take_bytes(&body[LOG_FIXED..])?;
        let correlation_id = match rest {
            [0] => None,
            [2] => Some(message_id),
            [1, tail @ ..] => match take_bytes(tail)? {
                (c, []) => Some(c),
                _ => return None,
            },
            _ => return None,
        };
        Some(LogEntry {
            stream: u64_be(body)?,
            version: u64_be(&body[8..])?,
            recorded_at: u64_be(&body[16..])? as i64,
            type_id: u32_at(LOG_LOCATION + 1),
            event_version: u32_at(LOG_LOCATION + 5),
            message_id,
            correlation_id,
        })
    }

    /// `(stream, version, recorded_at)` of a value of either kind, read without its CRC: for a
    /// reader that checks them against the event they name (which carries its position and
    /// time), as format 2's log entries were checked. `None` when the value is too short to be
    /// one.
    pub fn locate(v: &[u8]) -> Option<(u64, u64, Micros)> {
        (v.len() >= LOG_MIN).then(|| {
            (
                u64_be(v).unwrap_or(0),
                u64_be(&v[8..]).unwrap_or(0),
                u64_be(&v[16..]).unwrap_or(0) as i64,
            )
        })
    }

    /// `(stream, version, recorded_at)` of a format-1 or format-2 value (24 bytes), read only
    /// by the upgrade.
    pub fn decode_format2(v: &[u8]) -> Option<(u64, u64, Micros)> {
        (v.len() == 24).then(|| {
            (
                u64_be(v).unwrap_or(0),
                u64_be(&v[8..]).unwrap_or(0),
                u64_be(&v[16..]).unwrap_or(0) as i64,
            )
        })
    }
}

/// `meta/indexed_through` value: `u64 BE position ‖ u32 LE CRC-32 of those 8 bytes`.
pub(crate) fn encode_indexed_through(position: u64) -> [u8; 12] {
    let mut v = [0u8; 12];
    v[..8].copy_from_slice(&position.to_be_bytes());
    let crc = crc32fast::hash(&v[..8]);
    v[8..].copy_from_slice(&crc.to_le_bytes());
    v
}

pub(crate) fn decode_indexed_through(v: &[u8]) -> Option<u64> {
    (v.len() == 12 && crc32fast::hash(&v[..8]).to_le_bytes() == v[8..12]).then(|| u64_be(v))?
}

/// `message_ids` key (format 4): `str message id ‖ u64 stream`, written into `k` (cleared
/// first), so a loop reuses one buffer. The id comes first so that the events of one id are
/// found without their streams: a query by correlation id looks there for the events
/// correlated with themselves (see [`MessageIdEntry`]).
pub(crate) fn message_id_key_into(k: &mut Vec<u8>, stream: u64, id: &[u8]) {
    k.clear();
    push_bytes(k, id);
    k.extend_from_slice(&stream.to_be_bytes());
}

/// `(message id, stream)` of a `message_ids` key; `None` when it is not one.
pub(crate) fn split_message_id_key(k: &[u8]) -> Option<(&[u8], u64)> {
    let (id, rest) = take_bytes(k)?;
    (rest.len() == 8).then(|| (id, u64_be(rest).unwrap_or(0)))
}

/// The format-3 `message_ids` key, `u64 stream ‖ message id bytes`: `(stream, id)`, read only by
/// the upgrade.
pub(crate) fn split_message_id_key_format3(k: &[u8]) -> Option<(u64, &[u8])> {
    Some((u64_be(k)?, k.get(8..)?))
}

/// A `message_ids` value (format 4): `u64 version`, then, when the event's correlation id is its
/// own message id, `u64 position`. Such an event has no `corr_groups` entry; a query by
/// correlation id finds it here (the Hexalith default correlates a message with itself, so this
/// spares most events a second index record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct MessageIdEntry {
    pub version: u64,
    /// The event's position when it is correlated with itself.
    pub self_correlated: Option<u64>,
}

impl MessageIdEntry {
    /// The value's bytes and their length (8 or 16).
    pub fn encode(self) -> ([u8; 16], usize) {
        let mut v = [0u8; 16];
        v[..8].copy_from_slice(&self.version.to_be_bytes());
        match self.self_correlated {
            Some(position) => {
                v[8..].copy_from_slice(&position.to_be_bytes());
                (v, 16)
            }
            None => (v, 8),
        }
    }

    pub fn decode(v: &[u8]) -> Option<MessageIdEntry> {
        match v.len() {
            8 => Some(MessageIdEntry {
                version: u64_be(v)?,
                self_correlated: None,
            }),
            16 => Some(MessageIdEntry {
                version: u64_be(v)?,
                self_correlated: Some(u64_be(&v[8..])?),
            }),
            _ => None,
        }
    }
}

/// A group: which positions of one append (or of one run, after an upgrade) an index entry
/// names. The entry's key ends with the group's first position; the value is `span u32 BE`
/// (positions `first .. first + span` are covered) and, unless every covered position is a
/// member, a bitmap of `span` bits (bit `i` of byte `i / 8`, least significant first: position
/// `first + i` is a member). Both group indexes (`type_groups`, `corr_groups`) use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    pub span: u32,
    /// Empty when every position of the span is a member.
    pub bitmap: Vec<u8>,
}

impl Group {
    /// A group of `offsets` (ascending, each < 2^32) relative to its first position, the first
    /// offset being 0.
    pub fn of_offsets(offsets: &[u32]) -> Group {
        let span = offsets.last().map_or(0, |l| l + 1);
        if offsets.len() as u32 == span {
            return Group {
                span,
                bitmap: Vec::new(),
            };
        }
        let mut bitmap = vec![0u8; span.div_ceil(8) as usize];
        for &o in offsets {
            bitmap[(o / 8) as usize] |= 1 << (o % 8);
        }
        Group { span, bitmap }
    }

    pub fn encode_into(&self, out: &mut Vec<u8>) {
        out.clear();
        out.extend_from_slice(&self.span.to_be_bytes());
        out.extend_from_slice(&self.bitmap);
    }

    /// Decodes a value; `None` when it is not one (a damaged entry).
    pub fn decode(v: &[u8]) -> Option<GroupRef<'_>> {
        let span = u32::from_be_bytes(v.get(..4)?.try_into().ok()?);
        let bitmap = &v[4..];
        if span == 0 || !(bitmap.is_empty() || bitmap.len() == span.div_ceil(8) as usize) {
            return None;
        }
        Some(GroupRef { span, bitmap })
    }
}

/// A decoded group value, borrowing the stored bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GroupRef<'a> {
    pub span: u32,
    bitmap: &'a [u8],
}

impl<'a> GroupRef<'a> {
    /// A group from its span and bitmap bytes (empty: every offset is a member).
    pub fn from_parts(span: u32, bitmap: &'a [u8]) -> GroupRef<'a> {
        GroupRef { span, bitmap }
    }

    /// The bitmap's bytes (empty when every offset is a member).
    pub fn bitmap_bytes(&self) -> &'a [u8] {
        self.bitmap
    }

    /// Whether offset `i` (< span) is a member.
    pub fn contains(&self, i: u32) -> bool {
        self.bitmap.is_empty() || self.bitmap[(i / 8) as usize] & (1 << (i % 8)) != 0
    }
}

/// `type_groups` key: `type id u32 ‖ event version u32 ‖ first position u64` (16 bytes).
pub(crate) fn type_group_key(type_id: u32, event_version: u32, first: u64) -> [u8; 16] {
    let mut k = [0u8; 16];
    k[..4].copy_from_slice(&type_id.to_be_bytes());
    k[4..8].copy_from_slice(&event_version.to_be_bytes());
    k[8..].copy_from_slice(&first.to_be_bytes());
    k
}

/// `(type id, event version, first position)` of a [`type_group_key`].
pub(crate) fn split_type_group_key(k: &[u8]) -> Option<(u32, u32, u64)> {
    if k.len() != 16 {
        return None;
    }
    Some((
        u32::from_be_bytes(k[..4].try_into().ok()?),
        u32::from_be_bytes(k[4..8].try_into().ok()?),
        u64_be(&k[8..])?,
    ))
}

/// `event_types` value: `type id u32 ‖ event versions seen (u32 each, ascending)`.
pub(crate) fn encode_event_type(type_id: u32, versions: &[u32]) -> Vec<u8> {
    let mut v = Vec::with_capacity(4 + 4 * versions.len());
    v.extend_from_slice(&type_id.to_be_bytes());
    for x in versions {
        v.extend_from_slice(&x.to_be_bytes());
    }
    v
}

pub(crate) fn decode_event_type(v: &[u8]) -> Option<(u32, Vec<u32>)> {
    if v.len() < 4 || !v.len().is_multiple_of(4) {
        return None;
    }
    let words: Vec<u32> = v
        .chunks(4)
        .map(|c| u32::from_be_bytes(c.try_into().unwrap_or_default()))
        .collect();
    let versions = words[1..].to_vec();
    versions
        .windows(2)
        .all(|w| w[0] < w[1])
        .then_some((words[0], versions))
}

/// `corr_groups` key: `u16 len ‖ correlation id ‖ first position u64`, written into `k`
/// (cleared first). Format 1's `by_correlation` key had the same bytes with one entry per event.
pub(crate) fn string_position_key_into(k: &mut Vec<u8>, s: &[u8], position: u64) {
    k.clear();
    push_bytes(k, s);
    k.extend_from_slice(&position.to_be_bytes());
}

/// Prefix of an index on one string (a correlation id): `u16 len ‖ bytes`.
pub(crate) fn string_prefix(s: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(2 + s.len() + 12);
    push_str(&mut k, s);
    k
}

/// The position at the end of an index key (its last 8 bytes).
pub(crate) fn key_position(k: &[u8]) -> Option<u64> {
    k.len().checked_sub(8).and_then(|at| u64_be(&k[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_record_round_trips_and_detects_a_flipped_byte() {
        let json: [&[u8]; 2] = [b"{\"a\":", b"1}"];
        let mut buf = vec![0u8; EVENT_HEADER + 7];
        write_event(&mut buf, 42, -5, &json);
        let r = read_event(&buf).unwrap();
        assert_eq!(
            (r.position, r.recorded_at, r.json),
            (42, -5, &b"{\"a\":1}"[..])
        );
        buf[EVENT_HEADER + 5] ^= 0x01;
        assert!(read_event(&buf).is_err());
    }

    #[test]
    fn log_entry_round_trips_and_detects_a_flipped_byte() {
        let mut buf = Vec::new();
        // The last one is the message id itself: written as flag 2, read back the same.
        for correlation_id in [
            None,
            Some(&b""[..]),
            Some(&b"corr-1"[..]),
            Some(&b"01JABC"[..]),
        ] {
            let e = sample_entry(correlation_id);
            e.encode_into(&mut buf);
            assert_eq!(LogEntry::decode(&buf), Some(e));
            assert!(LogEntry::is_sound(&buf));
            assert_eq!(LogEntry::locate(&buf), Some((3, 9, -7)));
            for i in 0..buf.len() {
                let mut bad = buf.clone();
                bad[i] ^= 0x10;
                assert_eq!(LogEntry::decode(&bad), None, "byte {i} flipped");
            }
            assert_eq!(LogEntry::decode(&buf[..buf.len() - 1]), None);
        }
        assert_eq!(LogEntry::decode(&[]), None);
        // Too short to hold the fixed part, whatever its checksum says (found once: a 35-byte
        // value with a valid CRC made the decoder slice past its end).
        for len in 0..LOG_FIXED + 3 {
            for kind in [0u8, 1] {
                let mut short = vec![0u8; len];
                if len > LOG_LOCATION {
                    short[LOG_LOCATION] = kind;
                }
                let crc = crc32fast::hash(&short);
                short.extend_from_slice(&crc.to_le_bytes());
                assert_eq!(LogEntry::decode(&short), None, "{len} bytes and a CRC");
                assert_eq!(
                    LogEntry::is_sound(&short),
                    kind == 0 && len == LOG_LOCATION + 1,
                    "{len} bytes of kind {kind} and a CRC"
                );
            }
        }
        // Kind 0: where the event is and when, no index fields.
        LogEntry::encode_indexed_into(3, 9, -7, &mut buf);
        assert_eq!(buf.len(), LOG_MIN);
        assert!(LogEntry::is_sound(&buf));
        assert_eq!(LogEntry::decode(&buf), None, "no index fields to decode");
        assert_eq!(LogEntry::locate(&buf), Some((3, 9, -7)));
        for i in 0..buf.len() {
            let mut bad = buf.clone();
            bad[i] ^= 0x10;
            assert!(!LogEntry::is_sound(&bad), "byte {i} flipped");
        }
    }

    /// A kind-1 entry of stream 3, version 9, message id `01JABC`.
    fn sample_entry(correlation_id: Option<&[u8]>) -> LogEntry<'_> {
        LogEntry {
            stream: 3,
            version: 9,
            recorded_at: -7,
            type_id: 2,
            event_version: 1,
            message_id: b"01JABC",
            correlation_id,
        }
    }

    #[test]
    fn a_self_correlated_log_entry_keeps_one_copy_of_its_id_and_format_3s_two_read_the_same() {
        let e = sample_entry(Some(b"01JABC"));
        let mut own = Vec::new();
        e.encode_into(&mut own);
        let mut other = Vec::new();
        sample_entry(Some(b"01JABD")).encode_into(&mut other);
        assert_eq!(own.len() + 8, other.len(), "flag 2 and no second copy");
        // Format 3 wrote flag 1 and the id again.
        let mut format3 = own[..own.len() - 5].to_vec();
        format3.push(1);
        push_bytes(&mut format3, b"01JABC");
        seal_log(&mut format3);
        assert_eq!(format3.len(), other.len());
        assert_eq!(LogEntry::decode(&format3), Some(e));
    }

    #[test]
    fn message_id_keys_and_values_round_trip() {
        let mut k = Vec::new();
        message_id_key_into(&mut k, 0x0102, b"01JABC");
        assert_eq!(&k[..2], &[0, 6]);
        assert_eq!(split_message_id_key(&k), Some((&b"01JABC"[..], 0x0102)));
        assert_eq!(split_message_id_key(&k[..k.len() - 1]), None);
        for entry in [
            MessageIdEntry {
                version: 7,
                self_correlated: None,
            },
            MessageIdEntry {
                version: 7,
                self_correlated: Some(1 << 40),
            },
        ] {
            let (v, n) = entry.encode();
            assert_eq!(MessageIdEntry::decode(&v[..n]), Some(entry));
            assert_eq!(MessageIdEntry::decode(&v[..n - 1]), None);
        }
    }

    #[test]
    fn stream_record_round_trips() {
        let v = StreamInfo { num: 77 }.encode();
        assert_eq!(StreamInfo::decode(&v), Some(StreamInfo { num: 77 }));
        let mut bad = v;
        bad[3] ^= 1;
        assert_eq!(StreamInfo::decode(&bad), None);
    }
}
