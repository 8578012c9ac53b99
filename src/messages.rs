//! [`Messages`]: what a read returns. One buffer holding the JSON array of the stored messages,
//! assembled from the stored bytes (never re-serialized), with the span and version of each.
//! The C ABI hands the buffer over as it is.

use std::ops::Range;

/// The messages a read returned, in order, as one JSON array `[m1,m2,...]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Messages {
    json: Vec<u8>,
    spans: Vec<Range<usize>>,
    versions: Vec<u64>,
    snapshot: bool,
}

impl Default for Messages {
    fn default() -> Self {
        Messages::with_capacity(0, 0)
    }
}

impl Messages {
    pub(crate) fn with_capacity(count: usize, bytes: usize) -> Messages {
        let mut json = Vec::with_capacity(bytes + count + 2);
        json.push(b'[');
        Messages {
            json,
            spans: Vec::with_capacity(count),
            versions: Vec::with_capacity(count),
            snapshot: false,
        }
    }

    /// Appends one stored message (already known to be a JSON object).
    #[inline]
    pub(crate) fn push(&mut self, version: u64, bytes: &[u8]) {
        if !self.spans.is_empty() {
            self.json.push(b',');
        }
        let start = self.json.len();
        self.json.extend_from_slice(bytes);
        self.spans.push(start..self.json.len());
        self.versions.push(version);
    }

    pub(crate) fn push_snapshot(&mut self, version: u64, bytes: &[u8]) {
        debug_assert!(self.spans.is_empty());
        self.push(version, bytes);
        self.snapshot = true;
    }

    pub(crate) fn finish(mut self) -> Messages {
        self.json.push(b']');
        self
    }

    /// Number of messages (the snapshot, if any, counts as one).
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The JSON bytes of message `i`.
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        self.spans.get(i).map(|r| &self.json[r.clone()])
    }

    /// The stream version of message `i` (the snapshot's version for a snapshot).
    pub fn version(&self, i: usize) -> Option<u64> {
        self.versions.get(i).copied()
    }

    /// Whether the first message is a snapshot (read with snapshot found one).
    pub fn starts_with_snapshot(&self) -> bool {
        self.snapshot
    }

    /// The messages in order, as JSON bytes.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        self.spans.iter().map(|r| &self.json[r.clone()])
    }

    /// The whole result as one JSON array.
    pub fn as_json_array(&self) -> &[u8] {
        &self.json
    }

    pub fn into_json_array(self) -> Vec<u8> {
        self.json
    }

    /// Message `i` parsed into a `serde_json::Value` (for callers that want a tree). An index
    /// past the end is an invalid argument; bytes that do not parse are a serialization error
    /// (stored messages always parse: they were checked at append).
    pub fn parse(&self, i: usize) -> crate::Result<serde_json::Value> {
        let bytes = self.get(i).ok_or_else(|| {
            crate::Error::invalid(
                "index",
                format!("it is {i}, but the result holds {} messages", self.len()),
            )
        })?;
        serde_json::from_slice(bytes).map_err(|e| crate::Error::Serialization {
            key: format!("message {i} of the result (version {:?})", self.version(i)),
            version: self.version(i),
            reason: format!("it does not parse as JSON: {e}"),
        })
    }
}

impl Messages {
    /// The whole JSON array and the byte range of each message in it (what the C ABI hands
    /// out, so hosts can take each message's bytes without a JSON parser).
    pub fn into_parts(self) -> (Vec<u8>, Vec<Range<usize>>) {
        (self.json, self.spans)
    }
}
