//! Building an EventMessage the way .NET's `EventStoreHelper.CreateMessage` does, and the ids
//! and timestamps it carries.

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
