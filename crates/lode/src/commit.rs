//! Group commit: appends from concurrent threads of one provider share one write transaction
//! and one commit (one fsync), each with its own checks and its own result.
//!
//! The first appender in becomes the leader, takes every queued append, runs them one after the
//! other in ONE write transaction (`append::apply`: each fully checked before its first write,
//! so a refused one writes nothing and its neighbours commit) and commits once, then hands each
//! its own result. While it commits, new appends queue behind it; when it is done, it passes
//! leadership to the oldest of them. A lone appender leads itself at once, so a single writer
//! pays nothing for this.
//!
//! Nothing is logged while a thread leads (`log_later`): a host's log callback that appends
//! would queue behind itself.

use std::sync::Arc;

use lode_backend::log_later;
use lode_backend::{Backend, Error, Result};
use parking_lot::{Condvar, Mutex};

use crate::append::{self, AppendRequest, Appended};
use crate::session;

enum JobState {
    Queued,
    /// This job's thread must now lead the queue.
    Lead,
    Done(Result<Appended>),
}

struct Job {
    /// Points at an `AppendRequest` on the submitting thread's stack.
    // SAFETY (the protocol): the submitting thread blocks in `Committer::append` until the state
    // is `Done`, and the leader reads `request` only before it sets `Done`; so the pointee
    // outlives every use. `Done` is set with the state lock held, after the last read.
    request: *const AppendRequest<'static>,
    state: Mutex<JobState>,
    wake: Condvar,
}

// SAFETY: the request is only read (shared) by the leader while its owner is blocked; see above.
unsafe impl Send for Job {}
unsafe impl Sync for Job {}

#[derive(Default)]
struct Queue {
    pending: Vec<Arc<Job>>,
    leading: bool,
}

/// The group-commit queue of one provider.
#[derive(Default)]
pub(crate) struct Committer {
    queue: Mutex<Queue>,
}

impl Committer {
    /// Appends through the queue; returns this append's own result.
    pub(crate) fn append(
        &self,
        backend: &dyn Backend,
        req: &AppendRequest<'_>,
    ) -> Result<Appended> {
        // R-PROC-1: a committer inherited across fork() may have been led by a thread that does
        // not exist in this process; refuse before queueing behind it.
        backend.check_usable()?;
        let result = self.append_queued(backend, req);
        // Map growth the group noted is logged now: this thread leads nothing any more.
        log_later::flush();
        result
    }

    fn append_queued(&self, backend: &dyn Backend, req: &AppendRequest<'_>) -> Result<Appended> {
        let job = Arc::new(Job {
            request: (req as *const AppendRequest<'_>).cast(),
            state: Mutex::new(JobState::Queued),
            wake: Condvar::new(),
        });
        let lead_now = {
            let mut q = self.queue.lock();
            q.pending.push(job.clone());
            !std::mem::replace(&mut q.leading, true)
        };
        if !lead_now {
            let mut state = job.state.lock();
            while matches!(*state, JobState::Queued) {
                job.wake.wait(&mut state);
            }
            if let JobState::Done(_) = &*state {
                return take_result(&mut state);
            }
            // Promoted to leader: fall through with the queue's leadership.
        }
        self.lead(backend);
        let mut state = job.state.lock();
        while !matches!(*state, JobState::Done(_)) {
            job.wake.wait(&mut state);
        }
        take_result(&mut state)
    }

    /// Runs one group: everything queued now. Then passes leadership on or gives it up.
    fn lead(&self, backend: &dyn Backend) {
        // Nothing is logged while this thread leads (see `log_later`).
        let _leading = log_later::Leading::start();
        let group = std::mem::take(&mut self.queue.lock().pending);
        let results =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_group(backend, &group)))
                .unwrap_or_else(|panic| {
                    let detail = crate::panic_message(&*panic);
                    let e = Error::Internal { detail };
                    group.iter().map(|_| Err(e.clone())).collect()
                });
        for (job, result) in group.iter().zip(results) {
            *job.state.lock() = JobState::Done(result);
            job.wake.notify_one();
        }
        let mut q = self.queue.lock();
        match q.pending.first() {
            Some(next) => {
                *next.state.lock() = JobState::Lead;
                next.wake.notify_one();
            }
            None => q.leading = false,
        }
    }
}

fn take_result(state: &mut JobState) -> Result<Appended> {
    match std::mem::replace(state, JobState::Queued) {
        JobState::Done(r) => r,
        _ => unreachable!("take_result is called on a finished job"),
    }
}

/// One transaction for the whole group; each append gets its own result.
fn run_group(backend: &dyn Backend, group: &[Arc<Job>]) -> Vec<Result<Appended>> {
    let outcome = lode_backend::write(backend, "appending events", |w| {
        let now = session::now_micros();
        let mut results = Vec::with_capacity(group.len());
        for job in group {
            // SAFETY: see `Job::request`; the owner waits until this job is `Done`.
            let req: &AppendRequest<'_> = unsafe { &*job.request };
            results.push(append::apply(w, req, now)?);
        }
        Ok(results)
    });
    match outcome {
        Ok(results) => results,
        Err(e) => group.iter().map(|_| Err(e.clone())).collect(),
    }
}
