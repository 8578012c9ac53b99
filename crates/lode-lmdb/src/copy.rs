//! A consistent copy of a live environment, with progress and cancellation (K-BAK-1, K-BAK-5).
//!
//! LMDB's `mdb_env_copyfd2` writes a point-in-time copy of the environment (one read
//! transaction; writers of every process go on) to a file descriptor, but reports no progress
//! and cannot be stopped. So three threads take part:
//!
//! - the **copier** (a thread of its own) holds the gate shared (the map must not be resized
//!   under LMDB's reads) and runs `mdb_env_copyfd2` into the write end of a pipe, with SIGPIPE
//!   blocked: when the read end is closed it gets `EPIPE` instead of a signal, and the pending
//!   signal is collected before the thread ends, so the host never sees it;
//! - the **writer** (a thread of its own) moves the pipe's bytes into the copy's data file
//!   (`splice`, else read and write), counts them, applies the rate limit, and closes the read
//!   end when asked to stop, which ends the copier;
//! - the **calling thread** only waits and reports: it calls `progress` at the start, about
//!   every 100 ms and at the end, holding nothing. Neither other thread ever waits for it, so a
//!   callback that blocks, or calls back into the store (even an append that must grow the map
//!   and so waits for the copy to end), never stalls the copy.
//!
//! Pipes made here are closed in a child made by `fork()` (a `pthread_atfork` handler), so a
//! forked child can neither keep the copy from ending nor keep a cancelled copier writing.

use std::fs::File;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::sync::Once;
use std::time::{Duration, Instant};

use lmdb::Transaction;
use parking_lot::{Condvar, Mutex};

use lode_backend::log_later;
use lode_backend::{CopyOptions, CopyReport, Error, Result};

use crate::env::{io_error, storage_error, Storage, DATA_FILE};

/// How often the calling thread reports progress (and so how soon it sees a cancellation).
const REPORT_EVERY: Duration = Duration::from_millis(100);
/// How long the writer waits for the pipe before it looks at the stop flag again.
const POLL_MS: i32 = 50;
/// Bytes the writer moves per call.
const CHUNK: usize = 1 << 20;

/// Copies the environment of `storage` into the new directory `dir` (see
/// `lode_backend::Backend::copy_to`).
pub(crate) fn copy(
    storage: &Storage,
    dir: &Path,
    options: &CopyOptions,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<CopyReport> {
    storage.check_process()?;
    let settings = storage.copy_settings();
    create_new_dir(dir, settings.directory_mode)?;
    let file = create_data_file(&dir.join(DATA_FILE), settings.file_mode)?;

    let size = storage.with_env_shared(|env| Size::of(env, storage.table_handles()))?;
    // Room for the data to double before this process's map must grow: growing takes the gate
    // exclusively, so it would wait for the copy (and stall this process's transactions).
    storage.reserve_map(size.used.saturating_mul(2) as usize)?;
    log_later::flush();
    let total = if options.compact {
        size.in_use
    } else {
        size.used
    };

    let (read_end, write_end) = Pipe::new()?;
    let state = State::default();
    let compact = options.compact;
    let rate = options.max_bytes_per_second.filter(|r| *r > 0);
    let outcome = std::thread::scope(|scope| {
        // Whatever happens on this thread (a panicking callback included), the other two are
        // told to stop before the scope joins them.
        let _stop = StopOnDrop(&state);
        let copier = std::thread::Builder::new()
            .name("lode-copy".into())
            .spawn_scoped(scope, || run_copier(storage, write_end, compact, &state))
            .map_err(|e| io_error("starting the copy's thread", e))?;
        let writer = std::thread::Builder::new()
            .name("lode-copy-writer".into())
            .spawn_scoped(scope, || run_writer(read_end, &file, rate, &state))
            .map_err(|e| io_error("starting the copy's writer thread", e))?;
        let cancelled = report(&state, total, progress);
        if cancelled {
            state.stop.store(true, Ordering::Release);
        }
        let written = writer.join();
        let rc = copier.join();
        Ok::<_, Error>((cancelled, written, rc))
    });
    let (cancelled, written, rc) = outcome?;
    let rc = rc.map_err(|_| panicked("copy"))?;
    let written = written.map_err(|_| panicked("copy's writer"))?;
    if cancelled {
        return Err(Error::Cancelled {
            operation: "copy of the store".into(),
            outcome: "the partial copy is removed.".into(),
        });
    }
    let bytes = written.map_err(|e| io_error("writing the copy", e))?;
    if rc != 0 {
        return Err(storage_error(
            "copying the store",
            lmdb::Error::from_err_code(rc),
        ));
    }
    file.sync_all()
        .map_err(|e| io_error("syncing the copy to disk", e))?;
    drop(file);
    // The copy's own log head is the position it holds.
    let position = {
        let copy = crate::LmdbBackend::open(dir, &settings)?;
        lode_backend::Backend::head(&copy)?
    };
    if !progress(bytes, bytes) {
        return Err(Error::Cancelled {
            operation: "copy of the store".into(),
            outcome: "the finished copy is removed.".into(),
        });
    }
    Ok(CopyReport {
        bytes,
        position,
        file_mode: settings.file_mode,
    })
}

fn panicked(what: &str) -> Error {
    Error::Internal {
        detail: format!("the {what} thread panicked"),
    }
}

/// What the three threads share.
#[derive(Default)]
struct State {
    /// Bytes written into the copy so far.
    done: AtomicU64,
    /// Set by the calling thread (cancelled) or when it unwinds: the writer closes the pipe.
    stop: AtomicBool,
    /// Set by the copier when LMDB returned (all it wrote is in the pipe).
    copier_done: AtomicBool,
    /// Set by the writer when it ended, for whatever reason.
    writer_done: AtomicBool,
    lock: Mutex<()>,
    wake: Condvar,
}

impl State {
    fn notify(&self) {
        let _g = self.lock.lock();
        self.wake.notify_all();
    }
}

struct StopOnDrop<'a>(&'a State);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop.store(true, Ordering::Release);
    }
}

struct SetOnDrop<'a>(&'a AtomicBool, &'a State);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
        self.1.notify();
    }
}

/// The calling thread's part: reports progress until the writer ends; whether the callback
/// asked to cancel.
fn report(state: &State, estimate: u64, progress: &mut dyn FnMut(u64, u64) -> bool) -> bool {
    let mut total = estimate;
    if !progress(0, total) {
        return true;
    }
    let mut last = Instant::now();
    loop {
        {
            let mut g = state.lock.lock();
            if !state.writer_done.load(Ordering::Acquire) {
                let left = REPORT_EVERY.saturating_sub(last.elapsed());
                state.wake.wait_for(&mut g, left);
            }
        }
        if state.writer_done.load(Ordering::Acquire) {
            return false;
        }
        if last.elapsed() >= REPORT_EVERY {
            let done = state.done.load(Ordering::Acquire);
            total = total.max(done);
            if !progress(done, total) {
                return true;
            }
            last = Instant::now();
        }
    }
}

/// The copier's part: LMDB's copy into the pipe; its return code.
fn run_copier(storage: &Storage, write_end: Pipe, compact: bool, state: &State) -> i32 {
    let _done = SetOnDrop(&state.copier_done, state);
    if !block_sigpipe() {
        // Without SIGPIPE blocked, a cancelled copy could kill the host: do not start.
        return libc::EINVAL;
    }
    let flags = if compact { lmdb_sys::MDB_CP_COMPACT } else { 0 };
    let fd = write_end.fd();
    let rc = storage
        .with_env_shared(|env| {
            // SAFETY: `env` is this process's live environment (checked by with_env_shared),
            // kept from resizing by the shared gate for the whole call; `fd` is the open write
            // end of our pipe, closed only after the call returns.
            unsafe { lmdb_sys::mdb_env_copyfd2(env.env(), fd, flags) }
        })
        .unwrap_or(libc::EINVAL);
    drop(write_end); // the writer sees the end of the copy
    collect_sigpipe();
    rc
}

/// The writer's part: the pipe into the file until the copy ends or it is told to stop; the
/// bytes written.
fn run_writer(
    read_end: Pipe,
    file: &File,
    rate: Option<u64>,
    state: &State,
) -> std::io::Result<u64> {
    let _done = SetOnDrop(&state.writer_done, state);
    let started = Instant::now();
    let mut written = 0u64;
    let mut buf = Vec::new();
    let chunk = rate.map_or(CHUNK, |r| (r / 20).clamp(4096, CHUNK as u64) as usize);
    loop {
        if state.stop.load(Ordering::Acquire) {
            return Ok(written); // dropping the read end ends the copier (EPIPE)
        }
        if !read_end.poll(POLL_MS)? {
            // Nothing in the pipe. Once LMDB returned, everything it wrote was read: done, even
            // if a forked child keeps a copy of the write end open.
            if state.copier_done.load(Ordering::Acquire) && !read_end.poll(0)? {
                return Ok(written);
            }
            continue;
        }
        let n = match move_bytes(&read_end, file, chunk, &mut buf)? {
            Some(0) => return Ok(written), // every write end closed: the copy ended
            Some(n) => n,
            None => continue,
        };
        written += n as u64;
        state.done.store(written, Ordering::Release);
        if let Some(rate) = rate {
            // Sleep until the rate allows what was written, in slices so a stop is seen.
            let due = Duration::from_secs_f64(written as f64 / rate as f64);
            while !state.stop.load(Ordering::Acquire) {
                let left = due.saturating_sub(started.elapsed());
                if left.is_zero() {
                    break;
                }
                std::thread::sleep(left.min(Duration::from_millis(20)));
            }
        }
    }
}

/// Moves at most `chunk` bytes from the pipe into the file: how many (`Some(0)` at the end of
/// the pipe), or `None` when it is empty for now.
fn move_bytes(
    pipe: &Pipe,
    file: &File,
    chunk: usize,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<usize>> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: both descriptors are open for the call; NULL offsets use (and advance) the
        // file's own offset; splice never touches our memory.
        let n = unsafe {
            libc::splice(
                pipe.fd(),
                std::ptr::null_mut(),
                file.as_raw_fd(),
                std::ptr::null_mut(),
                chunk,
                libc::SPLICE_F_MOVE | libc::SPLICE_F_NONBLOCK,
            )
        };
        if n >= 0 {
            return Ok(Some(n as usize));
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EAGAIN) | Some(libc::EINTR) => return Ok(None),
            // A file system without splice support: copy through memory instead.
            Some(libc::EINVAL) | Some(libc::ENOSYS) => {}
            _ => return Err(e),
        }
    }
    use std::io::Write;
    buf.resize(chunk, 0);
    // SAFETY: `buf` has `chunk` writable bytes; the descriptor is open.
    let n = unsafe { libc::read(pipe.fd(), buf.as_mut_ptr().cast(), chunk) };
    if n < 0 {
        let e = std::io::Error::last_os_error();
        return match e.raw_os_error() {
            Some(libc::EAGAIN) | Some(libc::EINTR) => Ok(None),
            _ => Err(e),
        };
    }
    let n = n as usize;
    (&*file).write_all(&buf[..n])?;
    Ok(Some(n))
}

/// Blocks SIGPIPE for this thread (LMDB's own writer thread of a compacting copy inherits the
/// mask); whether it is blocked now.
fn block_sigpipe() -> bool {
    // SAFETY: plain signal-set manipulation on this thread's mask; the set lives on the stack.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) == 0
    }
}

/// Takes a SIGPIPE pending for this thread (a write into the closed pipe raised it), so it is
/// never delivered to the process.
fn collect_sigpipe() {
    // SAFETY: as in block_sigpipe; a zero timeout never blocks.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        let zero = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        #[cfg(target_os = "linux")]
        while libc::sigtimedwait(&set, std::ptr::null_mut(), &zero) == libc::SIGPIPE {}
        #[cfg(not(target_os = "linux"))]
        {
            let _ = zero;
            let mut pending: libc::sigset_t = std::mem::zeroed();
            if libc::sigpending(&mut pending) == 0
                && libc::sigismember(&pending, libc::SIGPIPE) == 1
            {
                let mut sig = 0;
                libc::sigwait(&set, &mut sig);
            }
        }
    }
}

// -- the pipe -------------------------------------------------------------------------------

/// Descriptors of live pipes of this module, closed in a forked child (see the module doc).
static OPEN_FDS: [AtomicI32; 64] = [const { AtomicI32::new(-1) }; 64];
static FORK_HOOK: Once = Once::new();

extern "C" fn close_pipes_in_child() {
    for slot in &OPEN_FDS {
        let fd = slot.swap(-1, Ordering::AcqRel);
        if fd >= 0 {
            // SAFETY: the child's copy of a pipe end of the parent; close is async-signal-safe.
            unsafe { libc::close(fd) };
        }
    }
}

/// One end of a pipe, closed when dropped (and never inherited by a forked child).
struct Pipe {
    fd: OwnedFd,
    slot: Option<usize>,
}

impl Pipe {
    /// A pipe's read end (non-blocking) and write end (blocking, as LMDB writes).
    fn new() -> Result<(Pipe, Pipe)> {
        FORK_HOOK.call_once(|| {
            // SAFETY: the handler is an `extern "C"` fn that lives as long as the program.
            unsafe { libc::pthread_atfork(None, None, Some(close_pipes_in_child)) };
        });
        let mut fds = [-1 as RawFd; 2];
        // SAFETY: `fds` has room for the two descriptors.
        #[cfg(target_os = "linux")]
        let rc = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
        #[cfg(not(target_os = "linux"))]
        let rc = unsafe { libc::pipe(fds.as_mut_ptr()) };
        if rc != 0 {
            return Err(io_error(
                "making the copy's pipe",
                std::io::Error::last_os_error(),
            ));
        }
        // SAFETY: both descriptors were just made and are owned by nobody else.
        let (r, w) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        // SAFETY: fcntl on our own open descriptors.
        unsafe {
            #[cfg(not(target_os = "linux"))]
            for fd in fds {
                libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC);
            }
            let flags = libc::fcntl(fds[0], libc::F_GETFL);
            libc::fcntl(fds[0], libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        Ok((Pipe::register(r), Pipe::register(w)))
    }

    fn register(fd: OwnedFd) -> Pipe {
        let raw = fd.as_raw_fd();
        let slot = OPEN_FDS.iter().position(|s| {
            s.compare_exchange(-1, raw, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
        });
        Pipe { fd, slot }
    }

    fn fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// Waits up to `ms` for bytes (or the end of the pipe); whether there are some.
    fn poll(&self, ms: i32) -> std::io::Result<bool> {
        let mut p = libc::pollfd {
            fd: self.fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd for the call.
        let n = unsafe { libc::poll(&mut p, 1, ms) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            return if e.raw_os_error() == Some(libc::EINTR) {
                Ok(false)
            } else {
                Err(e)
            };
        }
        Ok(n > 0)
    }
}

impl Drop for Pipe {
    fn drop(&mut self) {
        // Out of the table before the descriptor is closed: a forked child must never close a
        // number this process reuses meanwhile.
        if let Some(slot) = self.slot {
            OPEN_FDS[slot].store(-1, Ordering::Release);
        }
    }
}

// -- the copy's directory and size ----------------------------------------------------------

fn create_new_dir(dir: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .mode(mode)
        .create(dir)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                crate::backend_error(
                    "copying the store",
                    format!(
                        "'{}' already exists; a copy is only written into a new directory.",
                        dir.display()
                    ),
                    "TARGET_EXISTS",
                    format!("{} exists", dir.display()),
                )
            } else {
                io_error("creating the copy's directory", e)
            }
        })
}

fn create_data_file(path: &Path, mode: u32) -> Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .custom_flags(libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| io_error("creating the copy's data file", e))
}

/// How big a copy will be.
struct Size {
    /// Bytes up to the last used page: what a plain copy writes.
    used: u64,
    /// Bytes of the pages in use (without free pages): what a compacted copy writes, about.
    in_use: u64,
}

impl Size {
    fn of(env: &lmdb::Environment, tables: &[lmdb::Database]) -> Size {
        let (Ok(info), Ok(stat)) = (env.info(), env.stat()) else {
            return Size { used: 0, in_use: 0 };
        };
        let page = stat.page_size() as u64;
        let used = (info.last_pgno() as u64 + 1) * page;
        let pages =
            |s: &lmdb::Stat| (s.branch_pages() + s.leaf_pages() + s.overflow_pages()) as u64;
        // The two meta pages, the main tree (which names the tables) and every table.
        let mut in_use = 2 + pages(&stat);
        match env.begin_ro_txn() {
            Ok(txn) => {
                for db in tables {
                    match txn.stat(*db) {
                        Ok(s) => in_use += pages(&s),
                        Err(_) => return Size { used, in_use: used },
                    }
                }
            }
            Err(_) => return Size { used, in_use: used },
        }
        Size {
            used,
            in_use: (in_use * page).min(used),
        }
    }
}
