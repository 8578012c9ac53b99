//! Processes sharing a directory (reliability.md R-PROC-1 .. R-PROC-3, and the open timeout of
//! B-SES-3 while another process is stopped). Each rule was found broken once by an independent
//! review; each test fails on the bug it is named after.
//!
//! Children are real processes: the test binary re-run in a role (`tests/common`), and for
//! R-PROC-1 a real `fork()` of such a child.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use common::*;
use lode::{Durability, ErrorKind, EventStoreProvider, ProviderSettings};

fn fast() -> ProviderSettings {
    ProviderSettings {
        durability: Durability::NoMetaSync,
        ..ProviderSettings::default()
    }
}

fn ev(id: &str) -> Vec<u8> {
    event_json(id, "Proc", "c", None, &format!("\"Id\":\"{id}\""))
}

/// Runs `body` on its own thread; false if it has not finished within `secs` (a hang).
fn finishes_within(secs: u64, body: impl FnOnce() + Send + 'static) -> bool {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        body();
        let _ = tx.send(());
    });
    rx.recv_timeout(Duration::from_secs(secs)).is_ok()
}

/// Writes one line to fd 1 with a single `write` (no std lock: a forked child may have
/// inherited it held).
fn raw_say(line: &str) {
    let text = format!("{line}\n");
    // SAFETY: the pointer and length describe `text`, alive for the call.
    unsafe { libc::write(1, text.as_ptr().cast(), text.len()) };
}

// -- R-PROC-1: fork() ---------------------------------------------------------------------------

/// What the forked child checks; returns its exit code (0: every check held).
fn forked_child(p: &EventStoreProvider, s: &lode::EventStore, dir: &Path) -> i32 {
    let inherited = |what: &str, e: &lode::Error| -> bool {
        let text = e.to_string();
        let ok = e.kind() == ErrorKind::Storage
            && text.contains("fork")
            && text.contains("Open a new provider");
        raw_say(&format!(
            "CHILD {what}: {}",
            if ok { "refused" } else { "WRONG" }
        ));
        if !ok {
            raw_say(&format!("CHILD {what} error: {text}"));
        }
        ok
    };
    match p.read_log(0, 10) {
        Err(e) if inherited("read_log", &e) => {}
        _ => return 10,
    }
    // The inherited store's append fails fast instead of queueing behind a group leader that
    // does not exist in this process.
    match s.add(&[ev("from-child-inherited")]) {
        Err(e) if inherited("append", &e) => {}
        _ => return 11,
    }
    match p.open_store("Fork", "other") {
        Err(e) if inherited("open_store", &e) => {}
        _ => return 12,
    }
    // A provider of its own works, on the same directory, beside the inherited one.
    let own = match EventStoreProvider::open(dir, fast()) {
        Ok(own) => own,
        Err(e) => {
            raw_say(&format!("CHILD own provider: {e}"));
            return 13;
        }
    };
    let store = match own.open_store("Fork", "child") {
        Ok(store) => store,
        Err(e) => {
            raw_say(&format!("CHILD own store: {e}"));
            return 14;
        }
    };
    match store.add(&[ev("c1"), ev("c2"), ev("c3")]) {
        Ok(3) => {}
        other => {
            raw_say(&format!("CHILD own append: {other:?}"));
            return 15;
        }
    }
    if store.get(false).map(|m| m.len()).ok() != Some(3) {
        return 16;
    }
    if store.close().is_err() {
        return 17;
    }
    drop(store);
    drop(own);
    raw_say("CHILD OK");
    0
}

fn fork_role(dir: &Path) {
    let p = EventStoreProvider::open(dir, fast()).unwrap();
    let s = p.open_store("Fork", "parent").unwrap();
    s.add(&[ev("p1")]).unwrap();
    // Another thread appends while this one forks (found broken: the child hung in group
    // commit behind a leader that did not exist in it).
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(AtomicU64::new(0));
    let appender = {
        let (p, stop, acked) = (p.clone(), stop.clone(), acked.clone());
        std::thread::spawn(move || {
            let busy = p.open_store("Fork", "busy").unwrap();
            let mut n = 0u64;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                busy.add(&[ev(&format!("b{n}"))]).unwrap();
                acked.store(n, Ordering::SeqCst);
            }
            busy.close().unwrap();
        })
    };
    while acked.load(Ordering::SeqCst) < 20 {
        std::thread::sleep(Duration::from_millis(1));
    }
    // SAFETY: fork has no memory-safety preconditions; the child only runs `forked_child`,
    // writes with raw write(2) and leaves with _exit (no destructors, no atexit handlers).
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let code = forked_child(&p, &s, dir);
        // SAFETY: ends the child at once.
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    // SAFETY: waits for the child just forked.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    stop.store(true, Ordering::SeqCst);
    appender.join().unwrap();
    // The parent is unaffected: it keeps appending and reading, and sees the child's events.
    s.add(&[ev("p2")]).unwrap();
    let child = p.store(None, "Fork", "child").unwrap();
    child
        .open(Duration::from_secs(60), Duration::from_secs(5))
        .unwrap();
    let child_events = child.get(false).unwrap().len();
    child.close().unwrap();
    s.close().unwrap();
    let exit = exit_code(status);
    say(&format!(
        "PARENT exit={exit} acked={} child_events={child_events}",
        acked.load(Ordering::SeqCst)
    ));
}

/// R-PROC-1: a handle inherited across `fork()` fails fast with a clear error in the child; a
/// provider the child opens itself works; the parent and other processes lose nothing.
#[test]
fn r_proc_1_fork_inherited_handles_fail_fast_and_the_child_opens_its_own() {
    if child_role().as_deref() == Some("fork") {
        fork_role(Path::new(&std::env::var("LODE_DIR").unwrap()));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let mut cmd = child_command(
        "r_proc_1_fork_inherited_handles_fail_fast_and_the_child_opens_its_own",
        "fork",
    );
    cmd.env("LODE_DIR", &dir);
    let child = ChildProc::spawn(cmd);
    let (status, lines, err) = child.wait();
    assert!(status.success(), "fork role failed: {lines:?}\n{err}");
    for what in ["read_log", "append", "open_store"] {
        assert!(
            lines.contains(&format!("CHILD {what}: refused")),
            "{what}: {lines:?}"
        );
    }
    assert!(lines.contains(&"CHILD OK".to_string()), "{lines:?}\n{err}");
    let parent = lines
        .iter()
        .find(|l| l.starts_with("PARENT "))
        .unwrap_or_else(|| panic!("{lines:?}\n{err}"));
    let field = |name: &str| -> i64 {
        parent
            .split_whitespace()
            .find_map(|f| f.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} in {parent}"))
    };
    assert_eq!(field("exit"), 0, "{lines:?}");
    assert_eq!(field("child_events"), 3);
    let acked = field("acked") as u64;
    // A third process (this one) finds everything: the parent's, the appender's, the child's.
    let p = EventStoreProvider::open(&dir, fast()).unwrap();
    let version = |id: &str| {
        p.stream_events_since(None, "Fork", id, 0, 1_000_000)
            .unwrap()
            .len() as u64
    };
    assert_eq!(version("parent"), 2);
    assert!(
        version("busy") >= acked,
        "every acknowledged append is there"
    );
    assert_eq!(version("child"), 3);
    let log = p.read_log(0, 1_000_000).unwrap();
    for (i, r) in log.iter().enumerate() {
        assert_eq!(r.position, i as u64 + 1, "the log is gap-free");
    }
}

// -- R-PROC-2: one environment per data file ----------------------------------------------------

/// Whether another process holds a POSIX record lock on byte 0 of `lock.mdb` (LMDB's "this
/// process uses the environment" lock). Asked from a child: a process never conflicts with its
/// own locks.
fn lock_held(dir: &Path) -> bool {
    let mut cmd = child_command(
        "r_proc_2_one_environment_per_data_file_whatever_path_names_it",
        "probe-lock",
    );
    cmd.env("LODE_DIR", dir);
    let (status, lines, err) = ChildProc::spawn(cmd).wait();
    assert!(status.success(), "{lines:?} {err}");
    match lines
        .iter()
        .find(|l| l.starts_with("LOCK "))
        .map(String::as_str)
    {
        Some("LOCK held") => true,
        Some("LOCK free") => false,
        other => panic!("probe said {other:?}: {lines:?} {err}"),
    }
}

fn probe_lock_role(dir: &Path) {
    use std::os::unix::io::AsRawFd;
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(dir.join("lock.mdb"))
        .unwrap();
    // SAFETY: an all-zero flock is a valid value to fill in.
    let mut lk: libc::flock = unsafe { std::mem::zeroed() };
    lk.l_type = libc::F_WRLCK as i16;
    lk.l_whence = libc::SEEK_SET as i16;
    lk.l_start = 0;
    lk.l_len = 1;
    // SAFETY: F_GETLK fills `lk`, which lives for the call.
    let rc = unsafe { libc::fcntl(f.as_raw_fd(), libc::F_GETLK, &mut lk) };
    assert_eq!(rc, 0);
    say(if lk.l_type == libc::F_UNLCK as i16 {
        "LOCK free"
    } else {
        "LOCK held"
    });
}

/// Opens `other` (another path of the directory `p` has open), appends through it, drops it,
/// and checks that this process still holds its lock and `p` still works.
fn second_path_keeps_the_lock(p: &EventStoreProvider, real: &Path, other: &Path, tag: &str) {
    {
        let q = EventStoreProvider::open(other, fast()).unwrap();
        let s = q.open_store("Paths", tag).unwrap();
        s.add(&[ev(&format!("{tag}-1"))]).unwrap();
        s.close().unwrap();
    }
    assert!(
        lock_held(real),
        "{tag}: closing the second path dropped this process's lock on lock.mdb"
    );
    let s = p.open_store("Paths", "main").unwrap();
    let v = s.version().unwrap();
    assert_eq!(s.add(&[ev(&format!("main-after-{tag}"))]).unwrap(), v + 1);
    s.close().unwrap();
    assert_eq!(
        p.stream_events_since(None, "Paths", tag, 0, 10)
            .unwrap()
            .len(),
        1,
        "{tag}: what the second path wrote is in the same store"
    );
}

/// R-PROC-2: one process holds one environment per data file, whatever path names it (a
/// symlink, a rename, a bind mount): opening and closing it under a second path loses nothing.
/// Found broken once: each path got its own environment, and closing the second dropped the
/// process's POSIX lock, so the next process reset the lock file under live writers.
#[test]
fn r_proc_2_one_environment_per_data_file_whatever_path_names_it() {
    if child_role().as_deref() == Some("probe-lock") {
        probe_lock_role(Path::new(&std::env::var("LODE_DIR").unwrap()));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real");
    let p = EventStoreProvider::open(&real, fast()).unwrap();
    let s = p.open_store("Paths", "main").unwrap();
    s.add(&[ev("main-1")]).unwrap();
    s.close().unwrap();
    assert!(lock_held(&real), "an open provider holds the lock");

    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    second_path_keeps_the_lock(&p, &real, &link, "symlink");

    let moved = tmp.path().join("moved");
    std::fs::rename(&real, &moved).unwrap();
    second_path_keeps_the_lock(&p, &moved, &moved, "rename");

    let bind = tmp.path().join("bind");
    std::fs::create_dir(&bind).unwrap();
    let mounted = std::process::Command::new("mount")
        .arg("--bind")
        .arg(&moved)
        .arg(&bind)
        .output()
        .unwrap();
    if mounted.status.success() {
        second_path_keeps_the_lock(&p, &moved, &bind, "bind");
        let _ = std::process::Command::new("umount").arg(&bind).status();
    } else {
        skip(
            "r_proc_2_one_environment_per_data_file_whatever_path_names_it (bind mount)",
            &format!(
                "cannot bind-mount here ({}); the symlink and rename cases ran",
                String::from_utf8_lossy(&mounted.stderr).trim()
            ),
        );
    }
    drop(s);
    drop(p);
    assert!(!lock_held(&moved), "closing the last provider releases it");
}

/// R-PROC-2 (the settings half): a second provider of one process on one data file shares its
/// environment, so it must ask for the same environment settings. Found broken once: a later
/// provider with another max_map_size, max_readers or file_mode was silently given the first's.
#[test]
fn r_proc_2_a_second_provider_must_ask_for_the_same_environment_settings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let first = ProviderSettings::default();
    let _p = EventStoreProvider::open(&dir, first.clone()).unwrap();
    let changes: Vec<(&str, ProviderSettings)> = vec![
        (
            "max_map_size",
            ProviderSettings {
                max_map_size: first.max_map_size / 2,
                ..first.clone()
            },
        ),
        (
            "max_readers",
            ProviderSettings {
                max_readers: 200,
                ..first.clone()
            },
        ),
        (
            "file_mode",
            ProviderSettings {
                file_mode: 0o640,
                ..first.clone()
            },
        ),
        (
            "durability",
            ProviderSettings {
                durability: Durability::NoSync,
                ..first.clone()
            },
        ),
    ];
    for (name, settings) in changes {
        let e = EventStoreProvider::open(&dir, settings).err().unwrap();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{name}: {e}");
        assert!(e.to_string().contains(name), "{name}: {e}");
    }
    // What is a provider's own may differ.
    let own = ProviderSettings {
        default_database: "Other".into(),
        default_open_timeout: Duration::from_secs(1),
        initial_map_size: 1 << 20,
        ..first
    };
    EventStoreProvider::open(&dir, own).unwrap();
}

// -- R-PROC-3: opens while another process grows the map ----------------------------------------

fn grower_role(dir: &Path) {
    let settings = ProviderSettings {
        durability: Durability::NoSync,
        initial_map_size: 1 << 20,
        ..ProviderSettings::default()
    };
    let p = EventStoreProvider::open(dir, settings).unwrap();
    let s = p.open_store("Grow", "1").unwrap();
    let stop = dir.join("stop");
    let mut n = 0u64;
    while !stop.exists() {
        let batch: Vec<Vec<u8>> = (0..50)
            .map(|k| {
                let id = format!("g{n}-{k}");
                event_json(
                    &id,
                    "Grow",
                    "c",
                    None,
                    &format!("\"Pad\":\"{}\"", "x".repeat(2000)),
                )
            })
            .collect();
        s.add(&batch).unwrap();
        n += 1;
        if n == 1 {
            say("READY");
        }
    }
    say(&format!("DONE {n} {}", p.map_size()));
}

/// R-PROC-3: provider opens succeed while other processes append and grow the map. Found broken
/// once: the tables were created at open in a write outside the resize-and-retry path, and
/// 30-40 % of opens failed with MDB_MAP_RESIZED.
#[test]
fn r_proc_3_opens_succeed_while_another_process_grows_the_map() {
    if child_role().as_deref() == Some("grower") {
        grower_role(Path::new(&std::env::var("LODE_DIR").unwrap()));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir: PathBuf = tmp.path().join("store");
    std::fs::create_dir(&dir).unwrap();
    let mut cmd = child_command(
        "r_proc_3_opens_succeed_while_another_process_grows_the_map",
        "grower",
    );
    cmd.env("LODE_DIR", &dir);
    let mut child = ChildProc::spawn(cmd);
    assert!(
        child.wait_for_line("READY", Duration::from_secs(60)),
        "{:?}",
        child.lines()
    );
    let opens = env_count("LODE_PROC3_OPENS", 60);
    let mut failures = Vec::new();
    for i in 0..opens {
        // A new environment each time (the previous one is closed), opened small so the other
        // process's growth passes it at once.
        let settings = ProviderSettings {
            initial_map_size: 1 << 20,
            ..fast()
        };
        let outcome = EventStoreProvider::open(&dir, settings).and_then(|p| {
            let s = p.open_store("Opener", &i.to_string())?;
            s.add(&[ev(&format!("o{i}"))])?;
            s.close()
        });
        if let Err(e) = outcome {
            failures.push(format!("open {i}: {e}"));
        }
    }
    std::fs::write(dir.join("stop"), b"").unwrap();
    let (status, lines, err) = child.wait();
    assert!(status.success(), "{lines:?} {err}");
    let done = lines.iter().find(|l| l.starts_with("DONE ")).unwrap();
    println!("R-PROC-3: {opens} opens beside a growing writer ({done})");
    assert!(
        failures.is_empty(),
        "{} of {opens} opens failed: {failures:?}",
        failures.len()
    );
    let p = EventStoreProvider::open(&dir, fast()).unwrap();
    for i in 0..opens {
        assert_eq!(
            p.stream_events_since(None, "Opener", &i.to_string(), 0, 10)
                .unwrap()
                .len(),
            1
        );
    }
}

// -- B-SES-3: the open timeout while a stopped process holds LMDB's writer lock ----------------

fn writer_lock_role(dir: &Path) {
    // A plain LMDB writer (another program sharing the directory) that stops inside its write
    // transaction, as under a debugger or SIGSTOP.
    let env = raw_env(dir);
    let txn = lmdb::Environment::begin_rw_txn(&env).unwrap();
    say("HOLDING");
    // SAFETY: raise has no memory-safety preconditions; the parent kills this process.
    unsafe { libc::raise(libc::SIGSTOP) };
    drop(txn);
}

/// B-SES-3: while another live session holds the lease, open retries for at most the open
/// timeout, even when a stopped process holds LMDB's writer lock. Found broken once: every try
/// was a write, which waits for that lock, so a 0.5 s timeout waited as long as the process
/// stayed stopped. (Taking a FREE lease is a write and still waits for the lock: documented in
/// the header at lode_store_open.)
#[test]
fn b_ses_3_open_timeout_bounds_the_wait_while_a_stopped_process_holds_the_writer_lock() {
    if child_role().as_deref() == Some("writer-lock") {
        writer_lock_role(Path::new(&std::env::var("LODE_DIR").unwrap()));
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let p = EventStoreProvider::open(&dir, fast()).unwrap();
    let holder = p.open_store("Held", "1").unwrap();
    let mut cmd = child_command(
        "b_ses_3_open_timeout_bounds_the_wait_while_a_stopped_process_holds_the_writer_lock",
        "writer-lock",
    );
    cmd.env("LODE_DIR", &dir);
    let mut child = ChildProc::spawn(cmd);
    assert!(
        child.wait_for_line("HOLDING", Duration::from_secs(60)),
        "{:?}",
        child.lines()
    );
    let p2 = p.clone();
    let (tx, rx) = mpsc::channel();
    let finished = finishes_within(60, move || {
        let r = p2.open_store_with(None, "Held", "1", None, Some(Duration::from_millis(500)));
        let _ = tx.send(r.map(|_| ()).map_err(|e| e.kind()));
    });
    let _ = child.child.kill();
    let _ = child.child.wait();
    assert!(
        finished,
        "open waited past its timeout for the stopped writer"
    );
    assert_eq!(rx.recv().unwrap(), Err(ErrorKind::OpenStoreFailed));
    // The killed writer's lock is recovered: writes go on.
    assert_eq!(holder.add(&[ev("after")]).unwrap(), 1);
    holder.close().unwrap();
}

fn fork_while_opening_role(dir: &Path) {
    let p = EventStoreProvider::open(dir, fast()).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    // Parent threads open (and drop) providers of the directory in a loop: each takes the
    // environment registry's lock, so at the fork others are parked waiting for it.
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let (dir, stop) = (dir.to_path_buf(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    drop(EventStoreProvider::open(&dir, fast()).unwrap());
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(20));
    // SAFETY: as in fork_role: the child only opens a provider, writes with write(2), _exits.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        // SAFETY: a hang guard: SIGALRM ends a child stuck in a step.
        unsafe { libc::alarm(120) };
        let code = match EventStoreProvider::open(dir, fast()) {
            Ok(own) if own.head_position().is_ok() => 0,
            _ => 1,
        };
        raw_say(&format!("CHILD code={code}"));
        // SAFETY: ends the child at once.
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    // SAFETY: waits for the child just forked.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    stop.store(true, Ordering::SeqCst);
    for t in threads {
        t.join().unwrap();
    }
    drop(p);
    let exit = exit_code(status);
    say(&format!("PARENT exit={exit}"));
}

/// R-PROC-1: a child forked while other threads of the parent open providers (and so hold or
/// wait for the environment registry's lock) opens a provider of its own without hanging.
#[test]
fn r_proc_1_a_child_forked_while_parent_threads_open_providers_opens_its_own() {
    const NAME: &str = "r_proc_1_a_child_forked_while_parent_threads_open_providers_opens_its_own";
    fork_test(
        NAME,
        fork_while_opening_role,
        env_count("LODE_PROC_FORKS", 10),
    );
}

// -- R-PROC-1 with the C ABI's log callback ------------------------------------------------------

static SLOW_LOG: AtomicBool = AtomicBool::new(false);
static IN_SLOW_LOG: AtomicBool = AtomicBool::new(false);

/// A host logger that takes its time (a logger writing to a slow sink, or waiting for a host
/// lock): while armed it stays 300 ms in each call.
extern "C" fn slow_log(
    _user: *mut std::ffi::c_void,
    _level: i32,
    _target: *const std::ffi::c_char,
    _message: *const std::ffi::c_char,
    _fields: *const std::ffi::c_char,
) {
    if SLOW_LOG.load(Ordering::SeqCst) {
        IN_SLOW_LOG.store(true, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn set_log_callback(callback: lode_ffi::LodeLogFn) -> i32 {
    let mut err = std::ptr::null_mut();
    let status = lode_ffi::lode_set_log_callback(
        callback,
        std::ptr::null_mut(),
        lode_ffi::LODE_LOG_INFO,
        &mut err,
    );
    lode_ffi::lode_error_free(err);
    status
}

fn fork_while_logging_role(dir: &Path) {
    assert_eq!(set_log_callback(Some(slow_log)), 0);
    let p = EventStoreProvider::open(dir, fast()).unwrap();
    SLOW_LOG.store(true, Ordering::SeqCst);
    // A parent thread inside the host's log callback at the fork ("store opened", INFO).
    let logger = {
        let p = p.clone();
        std::thread::spawn(move || p.open_store("Log", "1").unwrap().close().unwrap())
    };
    while !IN_SLOW_LOG.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(1));
    }
    // SAFETY: as in fork_role: the child calls the C ABI, writes with write(2), _exits.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        // SAFETY: a hang guard: SIGALRM ends a child stuck in a step.
        unsafe { libc::alarm(120) };
        SLOW_LOG.store(false, Ordering::SeqCst);
        // The child's host sets its own logger, and stops it: neither may wait for the
        // parent's thread, which is not in this process.
        let set = set_log_callback(Some(slow_log));
        let unset = set_log_callback(None);
        let code = i32::from(set != 0 || unset != 0);
        raw_say(&format!("CHILD code={code} set={set} unset={unset}"));
        // SAFETY: ends the child at once.
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    // SAFETY: waits for the child just forked.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    logger.join().unwrap();
    SLOW_LOG.store(false, Ordering::SeqCst);
    set_log_callback(None);
    let exit = exit_code(status);
    say(&format!("PARENT exit={exit}"));
}

/// R-PROC-1: a child forked while a thread of the parent is inside the host's log callback (the
/// library holds its log router's lock around the call) can set and unset a log callback of its
/// own: the inherited lock is not waited for.
#[test]
fn r_proc_1_a_child_forked_while_a_parent_thread_logs_sets_its_own_log_callback() {
    const NAME: &str =
        "r_proc_1_a_child_forked_while_a_parent_thread_logs_sets_its_own_log_callback";
    let Some(rounds) = fork_test(
        NAME,
        fork_while_logging_role,
        env_count("LODE_PROC_FORKS", 3),
    ) else {
        return;
    };
    for lines in rounds {
        assert!(
            lines.contains(&"CHILD code=0 set=0 unset=0".to_string()),
            "{lines:?}"
        );
    }
}
