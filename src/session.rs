//! Sessions: leases on a stream recorded in the `leases` table (B-SES-*), so they hold across
//! threads and processes sharing one directory. Every function runs inside the caller's
//! transaction, so the lease check and the work it guards commit (or fail) together.

use crate::error::{Error, Micros, Result};
use crate::layout::Lease;
use crate::storage::{Reads, Table, WriteTxn};
use crate::stream::StreamId;

/// Identity of one session (a successful open). Random, 16 bytes, shown as 32 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SessionId(pub(crate) [u8; 16]);

impl SessionId {
    pub(crate) fn new() -> SessionId {
        let mut b = [0u8; 16];
        crate::message::random_bytes(&mut b);
        SessionId(b)
    }
}

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

/// Now, as UTC microseconds: the clock leases and recorded-at times are read from.
pub(crate) fn now_micros() -> Micros {
    chrono::Utc::now().timestamp_micros()
}

fn lease_of(tx: &impl Reads, stream: &StreamId) -> Result<Option<Lease>> {
    match tx.get(Table::Leases, stream.key())? {
        None => Ok(None),
        Some(v) => Lease::decode(v)
            .map(Some)
            .ok_or_else(|| Error::Serialization {
                key: format!("lease of '{}'", stream.store_id()),
                version: None,
                reason: "the lease record is damaged".into(),
            }),
    }
}

/// Who holds a stream when an open fails.
pub(crate) struct Holder {
    pub session: SessionId,
    pub expires_at: Micros,
    pub pid: u32,
}

/// Another live session that holds the stream at `now`, if any (a read: no writer lock needed).
pub(crate) fn holder(
    tx: &impl Reads,
    stream: &StreamId,
    session: SessionId,
    now: Micros,
) -> Result<Option<Holder>> {
    Ok(lease_of(tx, stream)?
        .filter(|l| l.session != session.0 && l.expires_at > now)
        .map(|l| Holder {
            session: SessionId(l.session),
            expires_at: l.expires_at,
            pid: l.pid,
        }))
}

/// B-SES-2/3: takes the lease if it is free, expired, or already ours; otherwise says who
/// holds it.
pub(crate) fn try_acquire(
    w: &mut WriteTxn<'_>,
    stream: &StreamId,
    session: SessionId,
    expires_at: Micros,
    now: Micros,
) -> Result<std::result::Result<(), Holder>> {
    if let Some(l) = lease_of(w, stream)? {
        if l.session != session.0 && l.expires_at > now {
            return Ok(Err(Holder {
                session: SessionId(l.session),
                expires_at: l.expires_at,
                pid: l.pid,
            }));
        }
    }
    let lease = Lease {
        session: session.0,
        expires_at,
        pid: std::process::id(),
    };
    w.put(Table::Leases, stream.key(), &lease.encode())?;
    Ok(Ok(()))
}

/// B-SES-4: the session still holds the stream. `known_expiry` is the expiry this session
/// last wrote, used when the lease record is gone.
pub(crate) fn check(
    tx: &impl Reads,
    stream: &StreamId,
    session: SessionId,
    known_expiry: Micros,
    now: Micros,
) -> Result<()> {
    match lease_of(tx, stream)? {
        Some(l) if l.session == session.0 => {
            if l.expires_at <= now {
                Err(expired(stream, session, l.expires_at))
            } else {
                Ok(())
            }
        }
        Some(l) => {
            // Someone else holds it, which can only happen after ours lapsed.
            Err(Error::InvalidSession {
                store_id: stream.store_id(),
                session_id: session.to_string(),
                holder_session_id: SessionId(l.session).to_string(),
            })
        }
        None => Err(expired(stream, session, known_expiry.min(now))),
    }
}

fn expired(stream: &StreamId, session: SessionId, at: Micros) -> Error {
    Error::SessionExpired {
        store_id: stream.store_id(),
        session_id: session.to_string(),
        expired_at: at,
    }
}

/// B-SES-6: extends a still-valid lease to `expires_at`.
pub(crate) fn renew(
    w: &mut WriteTxn<'_>,
    stream: &StreamId,
    session: SessionId,
    known_expiry: Micros,
    expires_at: Micros,
    now: Micros,
) -> Result<()> {
    check(w, stream, session, known_expiry, now)?;
    let lease = Lease {
        session: session.0,
        expires_at,
        pid: std::process::id(),
    };
    w.put(Table::Leases, stream.key(), &lease.encode())
}

/// B-SES-5: releases the lease only if this session still holds it. Returns whether it did.
pub(crate) fn release(w: &mut WriteTxn<'_>, stream: &StreamId, session: SessionId) -> Result<bool> {
    match lease_of(w, stream)? {
        Some(l) if l.session == session.0 => w.delete(Table::Leases, stream.key()),
        _ => Ok(false),
    }
}
