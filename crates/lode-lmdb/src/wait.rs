//! Waiting for commits: how a subscriber (or `wait_for_position`) learns that the log moved,
//! without holding a transaction and without ever delaying a writer (docs/subscriptions.md,
//! "Wake-up").
//!
//! - **Commits of this process** wake every waiter at once: the committing thread bumps
//!   [`Waiters::commits`] and notifies the condition variable, after its transaction and the
//!   gate are released.
//! - **Commits of other processes** are seen by polling LMDB's meta pages: `mdb_env_info` reads
//!   the last committed transaction id from the memory map (two loads; no read transaction, no
//!   reader slot, no lock of LMDB's). One thread per environment polls; the others sleep until
//!   it (or a local commit) wakes them. The poller's interval follows how long the directory
//!   has been quiet ([`poll_interval`]): an eighth of the time since the last commit seen,
//!   between [`MIN_POLL`] and [`MAX_POLL`]. While commits come often, one is seen within a
//!   fraction of a millisecond; a commit after a long quiet time within `MAX_POLL`; and an idle
//!   process with any number of subscriptions on a directory costs one timer wake-up per
//!   `MAX_POLL`.
//! - A waiter compares the polled id with the id of the **read snapshot it last looked at**
//!   (not with the previous poll): LMDB writes the new meta page before it publishes the id to
//!   new readers, so a snapshot taken in that window is one transaction old, and comparing with
//!   the snapshot makes the waiter look again instead of sleeping past that commit. A writer
//!   killed in that window leaves the commit unpublished until a writer takes LMDB's lock;
//!   `wait_for_head` (lib.rs) then looks again at intervals and, after a while, has a
//!   thread of its own publish it, rather than look again at once forever.
//!
//! Lock order: the gate (taken shared to read the meta pages) is never requested while the
//! waiters' mutex is held, and a writer notifies only after it has released the gate, so a
//! map resize queued on the gate cannot deadlock with a waiter.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

/// The shortest interval between two looks for commits of other processes (right after one).
pub(crate) const MIN_POLL: Duration = Duration::from_micros(250);

/// The longest interval (after a quiet time of 8 × this): bounds the other-process delivery
/// latency after a quiet time, and the cost of an idle waiter (`make bench`, rows S2 and S3).
pub(crate) const MAX_POLL: Duration = Duration::from_millis(4);

/// How long the poller sleeps when the last commit it knows of was `quiet` ago.
pub(crate) fn poll_interval(quiet: Duration) -> Duration {
    (quiet / 8).clamp(MIN_POLL, MAX_POLL)
}

#[derive(Default)]
struct State {
    /// Whether a waiter is polling the meta pages (the others sleep until woken).
    polling: bool,
}

/// The waiters of one environment.
pub(crate) struct Waiters {
    /// Write transactions this process committed (moves before the condvar is notified).
    commits: AtomicU64,
    /// When a commit (of any process) was last seen, in ns since `epoch`.
    last_change: AtomicU64,
    epoch: Instant,
    state: Mutex<State>,
    woken: Condvar,
}

impl Default for Waiters {
    fn default() -> Self {
        Waiters {
            commits: AtomicU64::new(0),
            last_change: AtomicU64::new(0),
            epoch: Instant::now(),
            state: Mutex::new(State::default()),
            woken: Condvar::new(),
        }
    }
}

impl Waiters {
    /// Called after this process committed a write (with no lock of the store held).
    pub(crate) fn committed(&self) {
        self.commits.fetch_add(1, Ordering::AcqRel);
        self.changed(Instant::now());
        self.wake_all();
    }

    fn changed(&self, at: Instant) {
        let ns = at.saturating_duration_since(self.epoch).as_nanos() as u64;
        self.last_change.fetch_max(ns, Ordering::AcqRel);
    }

    fn quiet(&self, now: Instant) -> Duration {
        let since = now.saturating_duration_since(self.epoch);
        since.saturating_sub(Duration::from_nanos(
            self.last_change.load(Ordering::Acquire),
        ))
    }

    /// Wakes every waiter so that it looks again (a commit, or a `stop` that became true).
    pub(crate) fn wake_all(&self) {
        let _state = self.state.lock();
        self.woken.notify_all();
    }

    /// Sleeps until the last committed transaction id (`last_txnid`, read with no lock of
    /// ours held) is greater than `after`, `stop` returns true, or `deadline` passes; returns
    /// the last id seen.
    pub(crate) fn wait_for_txn<E>(
        &self,
        after: u64,
        deadline: Instant,
        stop: &dyn Fn() -> bool,
        mut last_txnid: impl FnMut() -> Result<u64, E>,
    ) -> Result<u64, E> {
        let mut i_poll = false;
        let outcome = loop {
            // Read before the id: a local commit after this read is seen under the lock below.
            let commits = self.commits.load(Ordering::Acquire);
            let last = match last_txnid() {
                Ok(last) => last,
                Err(e) => break Err(e),
            };
            let now = Instant::now();
            if last > after {
                self.changed(now);
                break Ok(last);
            }
            if now >= deadline || stop() {
                break Ok(last);
            }
            let mut state = self.state.lock();
            // Checked under the lock that `committed` and `wake_all` notify under: nothing that
            // happens from here on can be missed by the sleep below.
            if self.commits.load(Ordering::Acquire) != commits || stop() {
                continue;
            }
            if !i_poll && !state.polling {
                state.polling = true;
                i_poll = true;
            }
            let sleep = if i_poll {
                poll_interval(self.quiet(now)).min(deadline - now)
            } else {
                deadline - now
            };
            self.woken.wait_for(&mut state, sleep);
        };
        if i_poll {
            // Hand the polling over: a sleeper takes it, or finds what this one found.
            let mut state = self.state.lock();
            state.polling = false;
            self.woken.notify_all();
        }
        outcome
    }
}

/// `now + timeout`, or a time far enough away for "wait forever" when it would overflow.
pub(crate) fn deadline(timeout: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(timeout)
        .unwrap_or_else(|| now + Duration::from_secs(100 * 365 * 24 * 3600))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    #[test]
    fn the_poll_interval_follows_the_quiet_time_within_its_bounds() {
        assert_eq!(poll_interval(Duration::ZERO), MIN_POLL);
        assert_eq!(
            poll_interval(Duration::from_millis(8)),
            Duration::from_millis(1)
        );
        assert_eq!(poll_interval(Duration::from_secs(60)), MAX_POLL);
        let w = Waiters::default();
        w.committed();
        assert!(w.quiet(Instant::now()) < Duration::from_secs(1));
        assert!(w.quiet(Instant::now() + Duration::from_secs(5)) >= Duration::from_secs(4));
    }

    #[test]
    fn a_waiter_sees_a_moved_id_and_a_stop() {
        let w = Arc::new(Waiters::default());
        let id = Arc::new(AtomicU64::new(5));
        // Already past: returns at once.
        let got: Result<u64, ()> =
            w.wait_for_txn(4, deadline(Duration::from_secs(5)), &|| false, || {
                Ok(id.load(Ordering::Acquire))
            });
        assert_eq!(got, Ok(5));
        // Moved by "another process" (no local commit): the poller sees it.
        let (w2, id2) = (w.clone(), id.clone());
        let t = std::thread::spawn(move || {
            w2.wait_for_txn(5, deadline(Duration::from_secs(30)), &|| false, || {
                Ok::<_, ()>(id2.load(Ordering::Acquire))
            })
        });
        std::thread::sleep(Duration::from_millis(20));
        id.store(6, Ordering::Release);
        assert_eq!(t.join().unwrap(), Ok(6));
        // Two waiters: the first polls (and would poll on forever), the second sleeps until
        // woken. A stop of the second, set from another thread, ends its wait through
        // `wake_all`, although the poller never hands over.
        let spawn = |stop: Arc<AtomicBool>| {
            let (w, id) = (w.clone(), id.clone());
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let r = w.wait_for_txn(
                    6,
                    deadline(Duration::MAX),
                    &|| stop.load(Ordering::Acquire),
                    || Ok::<_, ()>(id.load(Ordering::Acquire)),
                );
                let _ = tx.send(r);
            });
            rx
        };
        let poller = spawn(Arc::new(AtomicBool::new(false)));
        std::thread::sleep(Duration::from_millis(20));
        let stop = Arc::new(AtomicBool::new(false));
        let sleeper = spawn(stop.clone());
        std::thread::sleep(Duration::from_millis(20));
        assert!(sleeper.try_recv().is_err(), "the sleeper waits");
        stop.store(true, Ordering::Release);
        w.wake_all();
        assert_eq!(sleeper.recv_timeout(Duration::from_secs(10)), Ok(Ok(6)));
        assert!(poller.try_recv().is_err(), "the poller still waits");
        id.store(7, Ordering::Release);
        assert_eq!(poller.recv_timeout(Duration::from_secs(10)), Ok(Ok(7)));
    }
}
