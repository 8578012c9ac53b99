//! Reading the EventMessage JSON of `wire-format.md`: its metadata (never its `Event`), the
//! checks a message must pass to be stored (B-APP-8, R-BAD-6), and the one edit the store makes
//! (the stream version in `Metadata.Context.SequenceNumber`).

use std::borrow::Cow;

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use lode_backend::limits;
use lode_backend::{Error, Result};

use crate::scan;

/// A JSON value kept as its raw text, `null` included (serde maps `null` to `None` for a plain
/// `Option`, which would lose where the `null` stands).
#[derive(Default)]
struct Raw<'a>(Option<&'a RawValue>);

impl<'a> Raw<'a> {
    fn text(&self) -> Option<&'a str> {
        self.0.map(RawValue::get)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Raw<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        <&'a RawValue>::deserialize(d).map(|r| Raw(Some(r)))
    }
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(rename = "Metadata", borrow, default)]
    metadata: Raw<'a>,
    // Validated as JSON (so the stored array stays valid), never decoded.
    #[serde(rename = "Event", default)]
    _event: Option<IgnoredAny>,
}

/// The envelope read in one pass: `Metadata` decoded as it is read (its `Context` kept raw, for
/// its offset). [`parse_metadata`] uses it first and falls back to [`Envelope`] (Metadata kept
/// raw, then decoded) when it fails or when the message has no `Context`, so errors and the
/// offset of `Metadata` come from the same code as before.
#[derive(Deserialize)]
struct OnePass<'a> {
    #[serde(rename = "Metadata", borrow, default)]
    metadata: Option<MetadataFields<'a>>,
    #[serde(rename = "Event", default)]
    _event: Option<IgnoredAny>,
}

#[derive(Deserialize)]
struct MetadataFields<'a> {
    #[serde(rename = "Message", borrow, default)]
    message: Option<MessageFields<'a>>,
    #[serde(rename = "Context", borrow, default)]
    context: Raw<'a>,
}

#[derive(Deserialize)]
struct MessageFields<'a> {
    #[serde(rename = "Id", borrow, default)]
    id: Option<Cow<'a, str>>,
    #[serde(rename = "Name", borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(rename = "Version", borrow, default)]
    version: Raw<'a>,
    #[serde(rename = "Domain", borrow, default)]
    domain: Option<DomainFields<'a>>,
}

#[derive(Deserialize)]
struct DomainFields<'a> {
    #[serde(rename = "Id", borrow, default)]
    id: Option<Cow<'a, str>>,
    #[serde(rename = "Name", borrow, default)]
    name: Option<Cow<'a, str>>,
}

#[derive(Deserialize, Default)]
struct ContextFields<'a> {
    #[serde(rename = "SequenceNumber", borrow, default)]
    sequence_number: Raw<'a>,
    #[serde(rename = "CorrelationId", borrow, default)]
    correlation_id: Option<Cow<'a, str>>,
    #[serde(rename = "CausationId", borrow, default)]
    causation_id: Option<Cow<'a, str>>,
    #[serde(rename = "UserId", borrow, default)]
    user_id: Option<Cow<'a, str>>,
    #[serde(rename = "ActorType", borrow, default)]
    actor_type: Option<Cow<'a, str>>,
    #[serde(rename = "Source", borrow, default)]
    source: Option<Cow<'a, str>>,
}

/// The metadata of one message, as the store needs it: identity, type, ordering and envelope.
#[derive(Debug, Clone)]
pub struct MessageMetadata<'a> {
    /// `Metadata.Message.Id`: the event id and idempotency id.
    pub id: Cow<'a, str>,
    /// `Metadata.Message.Name`: the event type.
    pub name: Cow<'a, str>,
    /// `Metadata.Message.Version`: the event schema version (1 when absent).
    pub event_version: u32,
    pub domain_id: Option<Cow<'a, str>>,
    pub domain_name: Option<Cow<'a, str>>,
    /// `Metadata.Context.SequenceNumber`, when given and not null.
    pub sequence_number: Option<i64>,
    pub correlation_id: Option<Cow<'a, str>>,
    pub causation_id: Option<Cow<'a, str>>,
    pub user_id: Option<Cow<'a, str>>,
    pub actor_type: Option<Cow<'a, str>>,
    pub source: Option<Cow<'a, str>>,
    /// Where the stream version goes when `sequence_number` is absent.
    edit: Edit,
}

/// Replace `bytes[start..end]` with `prefix ‖ version ‖ suffix`.
#[derive(Debug, Clone, Copy)]
struct Edit {
    start: usize,
    end: usize,
    prefix: &'static str,
    suffix: &'static str,
}

fn offset_in(whole: &[u8], part: &RawValue) -> usize {
    // RawValue borrows a sub-slice of `whole` (serde_json borrows raw values from the input).
    part.get().as_ptr() as usize - whole.as_ptr() as usize
}

fn is_empty_object(raw: &RawValue) -> bool {
    raw.get()[1..].trim_start().starts_with('}')
}

/// Reads the metadata of `bytes` (an EventMessage), validating the whole document as JSON.
/// `what` names the message in errors (`"message 3 of the batch"`).
pub fn parse_metadata<'a>(bytes: &'a [u8], what: &str) -> Result<MessageMetadata<'a>> {
    read_message(bytes, what, Reader::Fast).map(|(meta, _)| meta)
}

/// Which reading [`read_message`] may use.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    /// The one-pass reader of `scan.rs` when it is sure, else the serde reading.
    Fast,
    /// The serde reading only: the reference the fast reader is tested against.
    Serde,
}

/// [`parse_metadata`], and whether the document is known to nest no deeper than
/// [`MAX_NESTING_DEPTH`] (the fast reader checks that on the way; the serde reading does not).
fn read_message<'a>(
    bytes: &'a [u8],
    what: &str,
    reader: Reader,
) -> Result<(MessageMetadata<'a>, bool)> {
    let bad = |reason: String| Error::Serialization {
        key: what.to_string(),
        version: None,
        reason,
    };
    let missing = |field: &str| Error::invalid(what, format!("it has no {field}"));
    if bytes.len() > limits::MAX_MESSAGE_BYTES {
        return Err(Error::invalid(
            what,
            format!(
                "it is {} bytes; the limit is {} bytes",
                bytes.len(),
                limits::MAX_MESSAGE_BYTES
            ),
        ));
    }
    if bytes
        .first()
        .map(|b| b.is_ascii_whitespace())
        .unwrap_or(false)
    {
        // Keep offsets simple: a message is stored exactly as given, and starts with '{'.
        return read_message(trim_ascii_start(bytes), what, reader);
    }
    if !bytes.starts_with(b"{") {
        return Err(bad("it is not a JSON object".into()));
    }
    // serde_json does not check the UTF-8 of strings it skips (the Event), so check it here:
    // stored messages must be valid UTF-8 JSON for every reader.
    let text =
        std::str::from_utf8(bytes).map_err(|e| bad(format!("it is not valid UTF-8 ({e})")))?;
    if reader == Reader::Fast {
        if let Some(meta) = scan::scan(text).and_then(|s| from_scan(what, s)) {
            return Ok((meta, true));
        }
    }
    // Fast path: one pass over the document. It succeeds exactly when the two-pass reading
    // below would, with the same fields; the two-pass reading runs only when it does not (to
    // give the same error) or when the message has no Context (whose edit needs the offset of
    // Metadata).
    let (meta, meta_raw) = match serde_json::from_str::<OnePass<'a>>(text) {
        Ok(OnePass {
            metadata: Some(meta),
            ..
        }) if meta.context.0.is_some() => (meta, None),
        _ => {
            let env: Envelope<'a> = serde_json::from_str(text)
                .map_err(|e| bad(format!("it is not valid JSON: {e}")))?;
            let meta_raw = env
                .metadata
                .0
                .filter(|r| r.get() != "null")
                .ok_or_else(|| missing("Metadata"))?;
            let meta: MetadataFields<'a> = serde_json::from_str(meta_raw.get()).map_err(|e| {
                bad(format!(
                    "its Metadata is not an object of the expected shape: {e}"
                ))
            })?;
            (meta, Some(meta_raw))
        }
    };
    let msg = meta.message.ok_or_else(|| missing("Metadata.Message"))?;
    let id = msg.id.ok_or_else(|| missing("Metadata.Message.Id"))?;
    let name = msg.name.ok_or_else(|| missing("Metadata.Message.Name"))?;
    let domain = msg
        .domain
        .ok_or_else(|| missing("Metadata.Message.Domain"))?;
    check_key_field(what, "Metadata.Message.Id", &id)?;
    check_key_field(what, "Metadata.Message.Name", &name)?;
    let event_version = match json_integer(what, "Metadata.Message.Version", msg.version.text())? {
        None => 1,
        Some(v) => u32::try_from(v).map_err(|_| {
            Error::invalid(
                what,
                format!(
                    "Metadata.Message.Version {v} is not between 0 and {}",
                    u32::MAX
                ),
            )
        })?,
    };

    let (ctx, edit) = match (meta.context.0, meta_raw) {
        (Some(raw), _) if raw.get() != "null" => {
            let ctx: ContextFields<'a> = serde_json::from_str(raw.get()).map_err(|e| {
                bad(format!(
                    "its Metadata.Context is not an object of the expected shape: {e}"
                ))
            })?;
            let at = offset_in(bytes, raw);
            let edit = match ctx.sequence_number.0 {
                // "SequenceNumber": null  ->  "SequenceNumber": N
                Some(seq) => {
                    let s = offset_in(bytes, seq);
                    Edit {
                        start: s,
                        end: s + seq.get().len(),
                        prefix: "",
                        suffix: "",
                    }
                }
                None => Edit {
                    start: at + 1,
                    end: at + 1,
                    prefix: "\"SequenceNumber\":",
                    suffix: if is_empty_object(raw) { "" } else { "," },
                },
            };
            (ctx, edit)
        }
        (Some(null), _) => {
            // "Context": null  ->  "Context": {"SequenceNumber": N}
            let s = offset_in(bytes, null);
            let edit = Edit {
                start: s,
                end: s + 4,
                prefix: "{\"SequenceNumber\":",
                suffix: "}",
            };
            (ContextFields::default(), edit)
        }
        (None, Some(meta_raw)) => (
            ContextFields::default(),
            Edit {
                start: offset_in(bytes, meta_raw) + 1,
                end: offset_in(bytes, meta_raw) + 1,
                prefix: "\"Context\":{\"SequenceNumber\":",
                suffix: if is_empty_object(meta_raw) { "}" } else { "}," },
            },
        ),
        (None, None) => {
            return Err(Error::Internal {
                detail: "the one-pass reading accepted a message without a Context".into(),
            })
        }
    };
    let sequence_number = json_integer(
        what,
        "Metadata.Context.SequenceNumber",
        ctx.sequence_number.text(),
    )?;
    if let Some(c) = &ctx.correlation_id {
        check_key_field(what, "Metadata.Context.CorrelationId", c)?;
    }
    let meta = MessageMetadata {
        id,
        name,
        event_version,
        domain_id: domain.id,
        domain_name: domain.name,
        sequence_number,
        correlation_id: ctx.correlation_id,
        causation_id: ctx.causation_id,
        user_id: ctx.user_id,
        actor_type: ctx.actor_type,
        source: ctx.source,
        edit,
    };
    Ok((meta, false))
}

/// The metadata from the fast reader's findings, or `None` when they would make an error (the
/// serde reading then says which, in the same words as ever).
fn from_scan<'a>(what: &str, s: scan::Scanned<'a>) -> Option<MessageMetadata<'a>> {
    if !s.message || !s.domain {
        return None;
    }
    let (id, name) = (s.id?, s.name?);
    check_key_field(what, "Metadata.Message.Id", id).ok()?;
    check_key_field(what, "Metadata.Message.Name", name).ok()?;
    let event_version = match json_integer(what, "Metadata.Message.Version", s.version).ok()? {
        None => 1,
        Some(v) => u32::try_from(v).ok()?,
    };
    let sequence_number = json_integer(
        what,
        "Metadata.Context.SequenceNumber",
        s.sequence.map(|(text, _)| text),
    )
    .ok()?;
    if let Some(c) = s.correlation_id {
        check_key_field(what, "Metadata.Context.CorrelationId", c).ok()?;
    }
    // The same edits as the serde reading makes, from the same offsets.
    let edit = match s.context {
        scan::Context::Object { at, empty } => match s.sequence {
            Some((text, start)) => Edit {
                start,
                end: start + text.len(),
                prefix: "",
                suffix: "",
            },
            None => Edit {
                start: at + 1,
                end: at + 1,
                prefix: "\"SequenceNumber\":",
                suffix: if empty { "" } else { "," },
            },
        },
        scan::Context::Null(start) => Edit {
            start,
            end: start + 4,
            prefix: "{\"SequenceNumber\":",
            suffix: "}",
        },
        scan::Context::Absent => Edit {
            start: s.metadata_at + 1,
            end: s.metadata_at + 1,
            prefix: "\"Context\":{\"SequenceNumber\":",
            suffix: if s.metadata_empty { "}" } else { "}," },
        },
    };
    Some(MessageMetadata {
        id: Cow::Borrowed(id),
        name: Cow::Borrowed(name),
        event_version,
        domain_id: s.domain_id.map(Cow::Borrowed),
        domain_name: s.domain_name.map(Cow::Borrowed),
        sequence_number,
        correlation_id: s.correlation_id.map(Cow::Borrowed),
        causation_id: s.causation_id.map(Cow::Borrowed),
        user_id: s.user_id.map(Cow::Borrowed),
        actor_type: s.actor_type.map(Cow::Borrowed),
        source: s.source.map(Cow::Borrowed),
        edit,
    })
}

/// An integer member that may be absent or `null` (`None`), a JSON number, or a string holding
/// one (`"5"`): Hexalith's serializer options read numbers written as strings, so the store
/// reads them the same way (wire-format.md).
fn json_integer(what: &str, field: &str, text: Option<&str>) -> Result<Option<i64>> {
    let Some(text) = text else { return Ok(None) };
    if text == "null" {
        return Ok(None);
    }
    let quoted = text.starts_with('"');
    let digits: Cow<'_, str> = if quoted {
        match serde_json::from_str::<Cow<'_, str>>(text) {
            Ok(s) => s,
            Err(_) => Cow::Borrowed(text),
        }
    } else {
        Cow::Borrowed(text)
    };
    let integer = digits.strip_prefix('-').unwrap_or(&digits);
    let reason = || format!("{field} {text} is not a 64-bit integer");
    if integer.is_empty() || !integer.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(what, reason()));
    }
    digits.parse::<i64>().map(Some).map_err(|_| {
        let reason = reason();
        if quoted || field.ends_with("SequenceNumber") {
            Error::invalid(what, reason)
        } else {
            // A JSON number too large for the field's type, as serde reports it.
            Error::Serialization {
                key: what.to_string(),
                version: None,
                reason: format!("its Metadata is not an object of the expected shape: {reason}"),
            }
        }
    })
}

use limits::MAX_NESTING_DEPTH;

/// Whether `json` nests arrays and objects deeper than `max` (strings are skipped, escapes
/// included). One pass over the bytes, no allocation.
fn nests_deeper_than(json: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in json {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// The error for a message or snapshot nested deeper than [`MAX_NESTING_DEPTH`].
fn too_deep(what: &str) -> Error {
    Error::invalid(
        what,
        format!(
            "it nests arrays and objects more than {MAX_NESTING_DEPTH} levels deep (the outer \
             object is level 1); the limit is {MAX_NESTING_DEPTH}, the default maximum depth of \
             .NET's System.Text.Json, so that every stored message can be read back"
        ),
    )
}

fn trim_ascii_start(mut b: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = b {
        if !first.is_ascii_whitespace() {
            break;
        }
        b = rest;
    }
    b
}

fn check_key_field(what: &str, field: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(what, format!("{field} is empty")));
    }
    if value.len() > limits::MAX_KEY_FIELD_BYTES {
        return Err(Error::invalid(
            what,
            format!(
                "{field} is {} bytes; the limit is {}",
                value.len(),
                limits::MAX_KEY_FIELD_BYTES
            ),
        ));
    }
    Ok(())
}

/// A message made ready for storage: its metadata and the parts of the JSON to store.
#[derive(Debug)]
pub(crate) struct PreparedMessage<'a> {
    pub meta: MessageMetadata<'a>,
    /// The message as given, without leading white space.
    pub json: &'a [u8],
}

impl PreparedMessage<'_> {
    /// The stored JSON as parts: unchanged when the message carries its sequence number,
    /// otherwise with `version` (its decimal digits) written in.
    pub fn stored_parts<'s>(&'s self, version: &'s [u8]) -> [&'s [u8]; 5] {
        if self.meta.sequence_number.is_some() {
            return [self.json, b"", b"", b"", b""];
        }
        let e = self.meta.edit;
        [
            &self.json[..e.start],
            e.prefix.as_bytes(),
            version,
            e.suffix.as_bytes(),
            &self.json[e.end..],
        ]
    }
}

/// Parses and checks every message of a batch (B-APP-8). Done outside the write transaction, so
/// concurrent appenders parse in parallel.
pub(crate) fn prepare_batch<'a, M: AsRef<[u8]>>(
    batch: &'a [M],
) -> Result<Vec<PreparedMessage<'a>>> {
    if batch.len() > limits::MAX_BATCH_MESSAGES {
        return Err(Error::invalid(
            "messages",
            format!(
                "the batch has {} messages; the limit is {}",
                batch.len(),
                limits::MAX_BATCH_MESSAGES
            ),
        ));
    }
    let total: usize = batch.iter().map(|m| m.as_ref().len()).sum();
    if total > limits::MAX_BATCH_BYTES {
        return Err(Error::invalid(
            "messages",
            format!(
                "the batch holds {total} bytes; the limit is {}",
                limits::MAX_BATCH_BYTES
            ),
        ));
    }
    let messages: Vec<&[u8]> = batch.iter().map(AsRef::as_ref).collect();
    match readers_for(batch.len(), total) {
        0 | 1 => prepare_run(&messages, 0),
        readers => prepare_in_parallel(&messages, readers),
    }
}

/// [`prepare_message`] for each of `messages`, the first being message `from` of the batch; the
/// first error ends it.
fn prepare_run<'a>(messages: &[&'a [u8]], from: usize) -> Result<Vec<PreparedMessage<'a>>> {
    messages
        .iter()
        .enumerate()
        .map(|(k, m)| prepare_message(m, from + k, Reader::Fast))
        .collect()
}

/// A batch holding at least this many bytes per reader is read by several threads at once.
/// Reading an envelope costs ~11 instructions a byte (~6,000 for the bench's event), so a batch
/// of 1,000 takes over a millisecond of one core before its write can start (P1, P7); a thread
/// costs tens of microseconds to start.
const BYTES_PER_READER: usize = 64 * 1024;
/// At most this many threads read one batch (the calling thread one of them).
const MAX_READERS: usize = 4;

/// How many threads should read a batch of `messages` holding `bytes`: one per
/// [`BYTES_PER_READER`], no more than the machine's cores or [`MAX_READERS`].
fn readers_for(messages: usize, bytes: usize) -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    cores
        .min(MAX_READERS)
        .min(bytes / BYTES_PER_READER)
        .min(messages)
        .max(1)
}

/// [`prepare_message`] for every message, the batch split into `readers` runs read at once:
/// the calling thread reads the first, a scoped thread each other (or the calling thread
/// too, when one cannot start). The result is the sequential one: every message in order, or
/// the error of the first message that has one.
fn prepare_in_parallel<'a>(
    messages: &[&'a [u8]],
    readers: usize,
) -> Result<Vec<PreparedMessage<'a>>> {
    debug_assert!(readers >= 1 && !messages.is_empty());
    let per = messages.len().div_ceil(readers);
    let read = |run: usize| {
        let from = run * per;
        prepare_run(&messages[from..(from + per).min(messages.len())], from)
    };
    let read = &read;
    let runs = messages.len().div_ceil(per);
    std::thread::scope(|s| {
        let others: Vec<_> = (1..runs)
            .map(|run| {
                let started = std::thread::Builder::new()
                    .name("lode-read".into())
                    .spawn_scoped(s, move || read(run));
                (run, started)
            })
            .collect();
        let mut out = Vec::with_capacity(messages.len());
        let mut outcome = read(0).map(|part| out.extend(part));
        for (run, started) in others {
            // Every thread is joined. After the first error the later runs are only joined, a
            // panic there included: the sequential reading would not have reached them.
            let part = match started {
                Ok(thread) => thread.join(),
                Err(_) if outcome.is_ok() => Ok(read(run)),
                Err(_) => continue,
            };
            if outcome.is_ok() {
                match part {
                    Ok(part) => outcome = part.map(|part| out.extend(part)),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        }
        outcome.map(|()| out)
    })
}

/// Reads and checks message `i` of a batch.
fn prepare_message(message: &[u8], i: usize, reader: Reader) -> Result<PreparedMessage<'_>> {
    let json = trim_ascii_start(message);
    // The label names the message only in errors: build it only then (reading again gives the
    // same error).
    let (meta, within_depth) = read_message(json, "message of the batch", reader)
        .or_else(|_| read_message(json, &format!("message {i} of the batch"), reader))?;
    // R-BAD-6: checked at append only, so messages stored before the limit still read.
    if !within_depth && nests_deeper_than(json, MAX_NESTING_DEPTH) {
        return Err(too_deep(&format!("message {i} of the batch")));
    }
    Ok(PreparedMessage { meta, json })
}

/// For the differential test of the fast reader (`tests/envelope_scan.rs`): whether the fast
/// reader reads `message` itself (is sure of it, and finds nothing wrong), and the outcome of checking it for an append (as message 0 of
/// a batch) with the fast reader and with the serde reading alone, each as its `Debug` text
/// (metadata, the offsets of the edit, or the error).
#[doc(hidden)]
pub fn readings_for_tests(message: &[u8]) -> (bool, String, String) {
    let sure = std::str::from_utf8(trim_ascii_start(message))
        .ok()
        .and_then(scan::scan)
        .and_then(|s| from_scan("message of the batch", s))
        .is_some();
    let fast = format!("{:?}", prepare_message(message, 0, Reader::Fast));
    let serde = format!("{:?}", prepare_message(message, 0, Reader::Serde));
    (sure, fast, serde)
}

/// Checks that a snapshot is one JSON object (it is stored byte for byte, never edited).
pub(crate) fn check_snapshot(bytes: &[u8]) -> Result<()> {
    if bytes.len() > limits::MAX_MESSAGE_BYTES {
        return Err(Error::invalid(
            "snapshot",
            format!(
                "it is {} bytes; the limit is {}",
                bytes.len(),
                limits::MAX_MESSAGE_BYTES
            ),
        ));
    }
    let trimmed = trim_ascii_start(bytes);
    if !trimmed.starts_with(b"{") {
        return Err(Error::Serialization {
            key: "the snapshot".into(),
            version: None,
            reason: "it is not a JSON object".into(),
        });
    }
    if nests_deeper_than(trimmed, MAX_NESTING_DEPTH) {
        return Err(too_deep("snapshot"));
    }
    let text = std::str::from_utf8(trimmed).map_err(|e| Error::Serialization {
        key: "the snapshot".into(),
        version: None,
        reason: format!("it is not valid UTF-8 ({e})"),
    })?;
    serde_json::from_str::<IgnoredAny>(text)
        .map(|_| ())
        .map_err(|e| Error::Serialization {
            key: "the snapshot".into(),
            version: None,
            reason: format!("it is not valid JSON: {e}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(json: &str, version: u64) -> String {
        let batch = [json.as_bytes()];
        let p = prepare_batch(&batch).unwrap();
        let digits = version.to_string();
        let parts = p[0].stored_parts(digits.as_bytes());
        String::from_utf8(parts.concat()).unwrap()
    }

    const M: &str = r#"{"Event":{"$type":"X"},"Metadata":{"Message":{"Id":"a","Name":"X","Domain":{"Id":"1","Name":"A"}}"#;

    #[test]
    fn b_app_4_sequence_number_is_written_into_every_context_shape() {
        for (tail, want) in [
            (
                r#","Context":{"UserId":"u"}}}"#,
                r#""Context":{"SequenceNumber":7,"UserId":"u"}"#,
            ),
            (r#","Context":{}}}"#, r#""Context":{"SequenceNumber":7}"#),
            (r#","Context":null}}"#, r#""Context":{"SequenceNumber":7}"#),
            (
                r#","Context":{"SequenceNumber":null}}}"#,
                r#""Context":{"SequenceNumber":7}"#,
            ),
            (r#"}}"#, r#""Context":{"SequenceNumber":7},"#),
        ] {
            let out = stored(&format!("{M}{tail}"), 7);
            assert!(out.contains(want), "{out}");
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(v["Metadata"]["Context"]["SequenceNumber"], 7, "{out}");
        }
    }

    #[test]
    fn b_app_8_missing_fields_are_named() {
        for (json, field) in [
            (r#"{"Event":{}}"#, "Metadata"),
            (r#"{"Metadata":{}}"#, "Metadata.Message"),
            (
                r#"{"Metadata":{"Message":{"Name":"X","Domain":{}}}}"#,
                "Metadata.Message.Id",
            ),
            (
                r#"{"Metadata":{"Message":{"Id":"a","Domain":{}}}}"#,
                "Metadata.Message.Name",
            ),
            (
                r#"{"Metadata":{"Message":{"Id":"a","Name":"X"}}}"#,
                "Metadata.Message.Domain",
            ),
        ] {
            let e = parse_metadata(json.as_bytes(), "message 0 of the batch").unwrap_err();
            assert!(e.to_string().contains(field), "{e}");
        }
        assert!(parse_metadata(b"[1]", "m").is_err());
        assert!(parse_metadata(b"{\"Metadata\":", "m").is_err());
    }

    /// B-APP-8: a batch read by several threads gives what one thread gives: every message in
    /// order, or the error naming the first bad message, wherever in the runs it lies (run
    /// bounds, the last short run, two bad messages in different runs), for every number of
    /// readers, whatever this machine's cores.
    #[test]
    fn b_app_8_a_batch_read_in_parallel_reads_as_in_sequence() {
        let good = |i: usize| {
            format!(
                r#"{{"Event":{{"$type":"X","N":{i}}},"Metadata":{{"Message":{{"Id":"id-{i}","Name":"X","Domain":{{"Id":"1","Name":"A"}}}},"Context":{{"CorrelationId":"c{i}"}}}}}}"#
            )
        };
        let bad = r#"{"Metadata":{"Message":{"Id":"a","Name":"X"}}}"#.to_string();
        let n = 23;
        let mut cases: Vec<Vec<usize>> = vec![vec![]];
        cases.extend((0..n).map(|b| vec![b]));
        cases.push(vec![3, 17]);
        cases.push(vec![20, 2]);
        for bad_at in cases {
            let texts: Vec<String> = (0..n)
                .map(|i| {
                    if bad_at.contains(&i) {
                        bad.clone()
                    } else {
                        good(i)
                    }
                })
                .collect();
            let batch: Vec<&[u8]> = texts.iter().map(|t| t.as_bytes()).collect();
            let want = format!("{:?}", prepare_run(&batch, 0));
            for readers in [2, 3, 4, 5, 22, 23] {
                let got = format!("{:?}", prepare_in_parallel(&batch, readers));
                assert_eq!(got, want, "bad at {bad_at:?}, {readers} readers");
            }
            if let Some(first) = bad_at.iter().min() {
                assert!(
                    want.contains(&format!("message {first} of the batch")),
                    "{want}"
                );
            }
        }
        // One reader per BYTES_PER_READER, never more than the messages.
        assert_eq!(readers_for(1_000, BYTES_PER_READER - 1), 1);
        assert_eq!(readers_for(1, 10 * BYTES_PER_READER), 1);
        assert!(readers_for(1_000, 10 * BYTES_PER_READER) <= MAX_READERS);
    }
}
