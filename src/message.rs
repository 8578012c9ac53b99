//! The EventMessage JSON of `wire-format.md`: reading its metadata (never its `Event`), the one
//! edit the store makes (the stream version in `Metadata.Context.SequenceNumber`), and a helper
//! that builds a message the way .NET's `CreateMessage` does.

use std::borrow::Cow;

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use crate::error::{Error, Result};
use crate::settings::limits;

/// A JSON value kept as its raw text, `null` included (serde maps `null` to `None` for a plain
/// `Option`, which would lose where the `null` stands).
#[derive(Default)]
struct Raw<'a>(Option<&'a RawValue>);

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
        return parse_metadata(trim_ascii_start(bytes), what);
    }
    if !bytes.starts_with(b"{") {
        return Err(bad("it is not a JSON object".into()));
    }
    // serde_json does not check the UTF-8 of strings it skips (the Event), so check it here:
    // stored messages must be valid UTF-8 JSON for every reader.
    let text =
        std::str::from_utf8(bytes).map_err(|e| bad(format!("it is not valid UTF-8 ({e})")))?;
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
    let event_version = match json_integer(what, "Metadata.Message.Version", msg.version)? {
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
    let sequence_number =
        json_integer(what, "Metadata.Context.SequenceNumber", ctx.sequence_number)?;
    if let Some(c) = &ctx.correlation_id {
        check_key_field(what, "Metadata.Context.CorrelationId", c)?;
    }
    Ok(MessageMetadata {
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
    })
}

/// An integer member that may be absent or `null` (`None`), a JSON number, or a string holding
/// one (`"5"`): Hexalith's serializer options read numbers written as strings, so the store
/// reads them the same way (wire-format.md).
fn json_integer(what: &str, field: &str, raw: Raw<'_>) -> Result<Option<i64>> {
    let Some(raw) = raw.0 else { return Ok(None) };
    let text = raw.get();
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
    let reason = format!("{field} {text} is not a 64-bit integer");
    if integer.is_empty() || !integer.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(what, reason));
    }
    digits.parse::<i64>().map(Some).map_err(|_| {
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
pub(crate) struct PreparedMessage<'a> {
    pub meta: MessageMetadata<'a>,
    /// The message as given, without leading white space.
    pub json: &'a [u8],
}

impl PreparedMessage<'_> {
    /// The stored JSON as parts: unchanged when the message carries its sequence number,
    /// otherwise with the version written in. `number` is scratch space for the digits.
    pub fn stored_parts<'s>(&'s self, version: u64, number: &'s mut String) -> [&'s [u8]; 5] {
        if self.meta.sequence_number.is_some() {
            return [self.json, b"", b"", b"", b""];
        }
        use std::fmt::Write;
        number.clear();
        let _ = write!(number, "{version}");
        let e = self.meta.edit;
        [
            &self.json[..e.start],
            e.prefix.as_bytes(),
            number.as_bytes(),
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
    batch
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let json = trim_ascii_start(m.as_ref());
            // The label names the message only in errors: build it only then (reading again
            // gives the same error).
            let meta = parse_metadata(json, "message of the batch")
                .or_else(|_| parse_metadata(json, &format!("message {i} of the batch")))?;
            // R-BAD-6: checked at append only, so messages stored before the limit still read.
            if nests_deeper_than(json, MAX_NESTING_DEPTH) {
                return Err(too_deep(&format!("message {i} of the batch")));
            }
            Ok(PreparedMessage { meta, json })
        })
        .collect()
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

// ---------------------------------------------------------------------------------------------
// Building messages (what .NET's `EventStoreHelper.CreateMessage` does).

/// Fills `buf` with random bytes from the platform's source (`getrandom`).
pub(crate) fn random_bytes(buf: &mut [u8]) {
    if getrandom::fill(buf).is_err() {
        // No entropy source: fall back to time and address bits (ids need uniqueness, not
        // secrecy; the time-ordered prefix of message ids keeps them apart anyway).
        let seed = chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0) as u64
            ^ (buf.as_ptr() as u64).rotate_left(32)
            ^ u64::from(std::process::id()) << 16;
        for (i, b) in buf.iter_mut().enumerate() {
            *b = (seed
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .rotate_left(i as u32 * 7)) as u8;
        }
    }
}

/// A new message id: 22 characters of URL-safe base64 of a 16-byte GUID, the shape .NET uses.
///
/// The GUID is time-ordered (RFC 9562 version 7: 48 bits of Unix milliseconds, then 74 random
/// bits). Ids made close in time share a prefix, so the per-stream id index and the correlation
/// index (which defaults to the message id) insert into a few neighbouring pages instead of one
/// random page per event: appends write several times fewer bytes (docs/benchmarks.md).
pub fn new_message_id() -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bytes = [0u8; 16];
    random_bytes(&mut bytes);
    let millis = chrono::Utc::now().timestamp_millis().max(0) as u64;
    bytes[..6].copy_from_slice(&millis.to_be_bytes()[2..]);
    bytes[6] = 0x70 | (bytes[6] & 0x0f); // version 7
    bytes[8] = 0x80 | (bytes[8] & 0x3f); // RFC 9562 variant
                                         // Base64 of 16 bytes is 22 digits plus '=='; .NET's url-safe form drops the padding.
    let mut std = String::with_capacity(22);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, b| (acc << 8) | *b as u32) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            std.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    std
}

/// Formats a time as .NET writes a `DateTimeOffset`: 7 fraction digits, trailing zeros trimmed,
/// explicit `+00:00` offset.
pub fn format_dotnet_time(t: chrono::DateTime<chrono::Utc>) -> String {
    let base = t.format("%Y-%m-%dT%H:%M:%S").to_string();
    let ticks = t.timestamp_subsec_nanos() / 100;
    let mut frac = format!("{ticks:07}");
    while frac.ends_with('0') {
        frac.pop();
    }
    if frac.is_empty() {
        format!("{base}+00:00")
    } else {
        format!("{base}.{frac}+00:00")
    }
}

/// Writes `s` as a JSON string the way .NET's default encoder does: non-ASCII, control
/// characters and `" \ < > & ' + \`` escaped as `\uXXXX` (or the short escapes).
pub fn write_dotnet_json_string(out: &mut String, s: &str) {
    use std::fmt::Write;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\u0022"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\'' | '+' | '`' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{:04X}", u);
                }
            }
        }
    }
    out.push('"');
}

/// What [`create_message`] needs: the event and where it belongs.
#[derive(Debug, Clone)]
pub struct NewMessage<'a> {
    /// The event type name (`Metadata.Message.Name`, and `$type` of the event).
    pub name: &'a str,
    /// The event schema version; `$type` becomes `{Name}V{Version}` from version 2.
    pub version: u32,
    /// Aggregate type (`Metadata.Message.Domain.Name`).
    pub aggregate_name: &'a str,
    /// Aggregate id (`Metadata.Message.Domain.Id`).
    pub aggregate_id: &'a str,
    /// The event's own properties (a JSON object; `$type` is added first).
    pub event: serde_json::Value,
    /// `Metadata.Context.UserId`; "system" when `None`.
    pub user_id: Option<&'a str>,
    /// `Metadata.Context.PartitionId`; "default" when `None`.
    pub partition_id: Option<&'a str>,
    /// `Metadata.Context.CorrelationId`; the message id when `None`.
    pub correlation_id: Option<&'a str>,
    /// `Metadata.Context.SequenceNumber`; left out when `None` (the store assigns it).
    pub sequence_number: Option<i64>,
}

impl<'a> NewMessage<'a> {
    /// A version-1 event of `aggregate_name`/`aggregate_id` with default context.
    pub fn new(
        name: &'a str,
        aggregate_name: &'a str,
        aggregate_id: &'a str,
        event: serde_json::Value,
    ) -> Self {
        NewMessage {
            name,
            version: 1,
            aggregate_name,
            aggregate_id,
            event,
            user_id: None,
            partition_id: None,
            correlation_id: None,
            sequence_number: None,
        }
    }
}

/// Builds the EventMessage JSON exactly as a .NET Hexalith caller serializes it.
pub fn create_message(m: &NewMessage<'_>) -> Vec<u8> {
    let id = new_message_id();
    let now = format_dotnet_time(chrono::Utc::now());
    let partition = m.partition_id.unwrap_or("default");
    let type_name = if m.version >= 2 {
        format!("{}V{}", m.name, m.version)
    } else {
        m.name.to_string()
    };
    let mut s = String::with_capacity(512);
    s.push_str("{\"Event\":{\"$type\":");
    write_dotnet_json_string(&mut s, &type_name);
    if let serde_json::Value::Object(fields) = &m.event {
        for (k, v) in fields {
            if k == "$type" {
                continue;
            }
            s.push(',');
            write_dotnet_json_string(&mut s, k);
            s.push(':');
            s.push_str(&v.to_string());
        }
    }
    s.push_str("},\"Metadata\":{\"DomainGlobalId\":");
    write_dotnet_json_string(
        &mut s,
        &format!("{partition}-{}-{}", m.aggregate_name, m.aggregate_id),
    );
    s.push_str(",\"Message\":{\"Id\":");
    write_dotnet_json_string(&mut s, &id);
    s.push_str(",\"Name\":");
    write_dotnet_json_string(&mut s, m.name);
    s.push_str(&format!(",\"Version\":{}", m.version));
    s.push_str(",\"Domain\":{\"Id\":");
    write_dotnet_json_string(&mut s, m.aggregate_id);
    s.push_str(",\"Name\":");
    write_dotnet_json_string(&mut s, m.aggregate_name);
    s.push_str("},\"CreatedDate\":");
    write_dotnet_json_string(&mut s, &now);
    s.push_str("},\"Context\":{\"CorrelationId\":");
    write_dotnet_json_string(&mut s, m.correlation_id.unwrap_or(&id));
    s.push_str(",\"UserId\":");
    write_dotnet_json_string(&mut s, m.user_id.unwrap_or("system"));
    s.push_str(",\"PartitionId\":");
    write_dotnet_json_string(&mut s, partition);
    s.push_str(",\"ReceivedDate\":");
    write_dotnet_json_string(&mut s, &now);
    if let Some(n) = m.sequence_number {
        s.push_str(&format!(",\"SequenceNumber\":{n}"));
    }
    s.push_str(",\"Scopes\":[]}}}");
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(json: &str, version: u64) -> String {
        let batch = [json.as_bytes()];
        let p = prepare_batch(&batch).unwrap();
        let mut n = String::new();
        let parts = p[0].stored_parts(version, &mut n);
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

    #[test]
    fn create_message_has_the_dotnet_shape() {
        let mut m = NewMessage::new(
            "FundsDeposited",
            "BankAccount",
            "15",
            serde_json::json!({"Amount": 1500}),
        );
        m.sequence_number = Some(2);
        let bytes = create_message(&m);
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["Event"]["$type"], "FundsDeposited");
        assert_eq!(v["Metadata"]["DomainGlobalId"], "default-BankAccount-15");
        let id = v["Metadata"]["Message"]["Id"].as_str().unwrap();
        assert_eq!(id.len(), 22);
        assert!(id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(v["Metadata"]["Context"]["CorrelationId"], id);
        assert_eq!(v["Metadata"]["Context"]["UserId"], "system");
        assert_eq!(v["Metadata"]["Context"]["SequenceNumber"], 2);
        assert!(v["Metadata"]["Message"]["CreatedDate"]
            .as_str()
            .unwrap()
            .ends_with("+00:00"));
        let mut s = String::new();
        write_dotnet_json_string(&mut s, "a<é+");
        assert_eq!(s, "\"a\\u003C\\u00E9\\u002B\"");
    }
}
