//! Size limits on what callers hand in (R-SEC-3). Past them a call fails with InvalidArgument.
//! Every backend must store anything within them.

/// Bytes of one part of a stream identity (database, name or id). B-ID-2 asks at least 128;
/// the three parts together must fit one key of the smallest backend (LMDB: 511 bytes).
pub const MAX_NAME_BYTES: usize = 160;
/// Bytes of one message (event or snapshot JSON).
pub const MAX_MESSAGE_BYTES: usize = 64 << 20;
/// Messages in one append.
pub const MAX_BATCH_MESSAGES: usize = 1_000_000;
/// Bytes of all messages of one append.
pub const MAX_BATCH_BYTES: usize = 1 << 30;
/// Bytes of a message id, event type, correlation id or command id (they are index keys).
pub const MAX_KEY_FIELD_BYTES: usize = 400;
/// Deepest nesting of arrays and objects in a message or snapshot, the outer object counting
/// as level 1 (R-BAD-6). System.Text.Json's default `MaxDepth`: every stored message is one a
/// .NET reader with default options can read back.
pub const MAX_NESTING_DEPTH: usize = 64;
/// Records one query or log read may return.
pub const MAX_QUERY_RECORDS: usize = 1_000_000;
