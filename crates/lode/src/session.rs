//! Sessions: leases on a stream (B-SES-*), recorded by the backend so they hold across threads
//! and processes sharing one store. Every function runs inside the caller's transaction, so the
//! lease check and the work it guards commit (or fail) together.

use lode_backend::{Error, Lease, Micros, ReadView, Result, StreamId, WriteView};

/// Identity of one session (a successful open). Random, 16 bytes, shown as 32 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SessionId(pub(crate) [u8; 16]);

impl SessionId {
    pub(crate) fn new() -> SessionId {
        let mut b = [0u8; 16];
        crate::create::random_bytes(&mut b);
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

/// Who holds a stream when an open fails.
pub(crate) struct Holder {
    pub session: SessionId,
    pub expires_at: Micros,
    pub pid: u32,
}

/// Another live session that holds the stream at `now`, if any (a read: no write needed).
pub(crate) fn holder(
    r: &dyn ReadView,
    stream: &StreamId,
    session: SessionId,
    now: Micros,
) -> Result<Option<Holder>> {
    Ok(r.lease(stream)?
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
    w: &mut dyn WriteView,
    stream: &StreamId,
    session: SessionId,
    expires_at: Micros,
    now: Micros,
) -> Result<std::result::Result<(), Holder>> {
    if let Some(holder) = holder(w, stream, session, now)? {
        return Ok(Err(holder));
    }
    let lease = Lease {
        session: session.0,
        expires_at,
        pid: std::process::id(),
    };
    w.put_lease(stream, &lease)?;
    Ok(Ok(()))
}

/// B-SES-4: the session still holds the stream. `known_expiry` is the expiry this session
/// last wrote, used when the lease record is gone.
pub(crate) fn check(
    r: &dyn ReadView,
    stream: &StreamId,
    session: SessionId,
    known_expiry: Micros,
    now: Micros,
) -> Result<()> {
    match r.lease(stream)? {
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
    w: &mut dyn WriteView,
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
    w.put_lease(stream, &lease)
}

/// B-SES-5: releases the lease only if this session still holds it. Returns whether it did.
pub(crate) fn release(
    w: &mut dyn WriteView,
    stream: &StreamId,
    session: SessionId,
) -> Result<bool> {
    match w.lease(stream)? {
        Some(l) if l.session == session.0 => w.delete_lease(stream),
        _ => Ok(false),
    }
}
