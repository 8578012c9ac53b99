//! Stream identity (B-ID-*): `(database, name, id)`, checked and encoded once.

use crate::error::{Error, Result};
use crate::limits;

/// A stream `(database, name, id)`: partition, aggregate type, aggregate id.
///
/// It carries its [encoding](StreamId::encoded), a compact byte string that names it
/// unambiguously, which backends use as its key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StreamId {
    pub database: String,
    pub name: String,
    pub id: String,
    encoded: Vec<u8>,
}

impl StreamId {
    /// Checks each part (B-ID-2: non-empty UTF-8, no NUL, at most
    /// [`limits::MAX_NAME_BYTES`] bytes) and builds the identity.
    pub fn new(database: &str, name: &str, id: &str) -> Result<StreamId> {
        for (part, value) in [("database", database), ("name", name), ("id", id)] {
            check_part(part, value)?;
        }
        let mut encoded = Vec::with_capacity(6 + database.len() + name.len() + id.len());
        for part in [database, name, id] {
            encoded.extend_from_slice(&(part.len() as u16).to_be_bytes());
            encoded.extend_from_slice(part.as_bytes());
        }
        Ok(StreamId {
            database: database.to_string(),
            name: name.to_string(),
            id: id.to_string(),
            encoded,
        })
    }

    /// B-ID-3: `database/name/id`.
    pub fn store_id(&self) -> String {
        format!("{}/{}/{}", self.database, self.name, self.id)
    }

    /// The identity as bytes: each part as `u16 big-endian length ‖ UTF-8 bytes`, in the order
    /// database, name, id. No encoding is a prefix of another's, and byte order groups streams
    /// by database, then name.
    pub fn encoded(&self) -> &[u8] {
        &self.encoded
    }

    /// The identity an [`encoded`](StreamId::encoded) byte string names, or `None` if the bytes
    /// are not one (a damaged record).
    pub fn decode(mut bytes: &[u8]) -> Option<StreamId> {
        let whole = bytes;
        let mut parts: [&str; 3] = [""; 3];
        for part in &mut parts {
            let len = u16::from_be_bytes(bytes.get(..2)?.try_into().ok()?) as usize;
            *part = std::str::from_utf8(bytes.get(2..2 + len)?).ok()?;
            bytes = &bytes[2 + len..];
        }
        if !bytes.is_empty() {
            return None;
        }
        let [database, name, id] = parts;
        let s = StreamId::new(database, name, id).ok()?;
        (s.encoded == whole).then_some(s)
    }
}

fn check_part(part: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(
            part,
            format!("the stream's {part} must not be empty"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_round_trip_and_never_prefix_each_other() {
        let a = StreamId::new("db", "ab", "c").unwrap();
        let b = StreamId::new("db", "a", "bc").unwrap();
        assert_ne!(a.encoded(), b.encoded());
        assert_eq!(StreamId::decode(a.encoded()), Some(a.clone()));
        assert_eq!(StreamId::decode(&a.encoded()[..5]), None);
    }
}
