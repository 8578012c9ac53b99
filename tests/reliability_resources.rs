//! Resources (reliability.md R-RES-1 .. R-RES-4).
//!
//! Environment (long runs):
//! - `LODE_RES1_BATCHES` (default 150): batches of 10 × 2 KiB events each of two processes
//!   appends while the map grows from 1 MiB.
//! - `LODE_RES4_ITERATIONS` (default 10000): provider/store open-close cycles and buffer reads
//!   of R-RES-4.
//!
//! R-RES-2 mounts a 4 MiB tmpfs (needs root / CAP_SYS_ADMIN); without it the test prints why
//! and returns without claiming anything ("SKIPPED" in its output).
//!
//! Run: `CARGO_TARGET_DIR=target/rel cargo test --test reliability_resources -- --nocapture`

mod common;

use std::path::Path;
use std::ptr::{null, null_mut};
use std::time::Duration;

use common::*;
use lode::{Durability, ErrorKind, EventStore, EventStoreProvider, ProviderSettings};

fn padded(id: &str, pad: usize) -> Vec<u8> {
    event_json(
        id,
        "Big",
        "c",
        None,
        &format!("\"Id\":\"{id}\",\"Pad\":\"{}\"", "p".repeat(pad)),
    )
}

fn small_map() -> ProviderSettings {
    ProviderSettings {
        initial_map_size: 1 << 20, // a multiple of the 4 KiB page size
        durability: Durability::NoMetaSync,
        ..ProviderSettings::default()
    }
}

/// Appends `batches` batches of 10 × 2 KiB events to `Grow/<who>`; returns the ids acknowledged.
fn grow_appender(p: &EventStoreProvider, who: &str, batches: u64) -> Vec<String> {
    let s = p.open_store("Grow", who).unwrap();
    let mut acked = Vec::new();
    for bn in 0..batches {
        let ids: Vec<String> = (0..10).map(|k| format!("{who}-{bn}-{k}")).collect();
        let msgs: Vec<Vec<u8>> = ids.iter().map(|id| padded(id, 2048)).collect();
        let v = s
            .add(&msgs)
            .unwrap_or_else(|e| panic!("{who}: batch {bn}: {e}"));
        assert_eq!(v, (bn + 1) * 10);
        acked.extend(ids);
    }
    acked
}

fn check_stream(p: &EventStoreProvider, name: &str, id: &str, want: &[String]) {
    let s = p
        .open_store_with(None, name, id, None, Some(Duration::from_secs(10)))
        .unwrap();
    let all = s.get(false).unwrap();
    assert_eq!(all.len(), want.len(), "{name}/{id}: event count");
    for (i, w) in want.iter().enumerate() {
        let v = all.parse(i).unwrap();
        assert_eq!(
            v["Metadata"]["Message"]["Id"].as_str(),
            Some(w.as_str()),
            "{name}/{id} v{}",
            i + 1
        );
        assert_eq!(seq_of(&v), i as i64 + 1);
    }
}

#[test]
fn r_res_1_map_grows_while_another_process_appends() {
    if child_role().as_deref() == Some("res1") {
        let dir = std::env::var("LODE_DIR").unwrap();
        let p = EventStoreProvider::open(&dir, small_map()).unwrap();
        say("READY");
        let acked = grow_appender(&p, "child", env_count("LODE_RES1_BATCHES", 150));
        say(&format!("DONE {} {}", acked.len(), p.map_size()));
        return;
    }
    let batches = env_count("LODE_RES1_BATCHES", 150);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let p = EventStoreProvider::open(&dir, small_map()).unwrap();
    assert_eq!(p.map_size(), 1 << 20);
    let mut c = child_command("r_res_1_map_grows_while_another_process_appends", "res1");
    c.env("LODE_DIR", &dir);
    let mut child = ChildProc::spawn(c);
    assert!(child.wait_for_line("READY", Duration::from_secs(30)));
    let mine = grow_appender(&p, "parent", batches);
    let (status, lines, err) = child.wait();
    assert!(status.success(), "the other process failed: {err}");
    let done = lines
        .iter()
        .find(|l| l.starts_with("DONE"))
        .expect("child DONE line");
    println!("R-RES-1: parent map {} bytes; child {done}", p.map_size());
    assert!(p.map_size() > 1 << 20, "the map never grew");
    let theirs: Vec<String> = (0..batches)
        .flat_map(|bn| (0..10).map(move |k| format!("child-{bn}-{k}")))
        .collect();
    check_stream(&p, "Grow", "parent", &mine);
    check_stream(&p, "Grow", "child", &theirs);
    assert_eq!(
        p.read_log(1, lode::limits::MAX_QUERY_RECORDS)
            .unwrap()
            .len(),
        mine.len() + theirs.len()
    );
}

#[test]
fn r_res_1_configured_maximum_is_a_clear_storage_full_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let settings = ProviderSettings {
        max_map_size: 2 << 20,
        ..small_map()
    };
    let p = EventStoreProvider::open(&dir, settings.clone()).unwrap();
    let s = p.open_store("Full", "1").unwrap();
    let mut acked = Vec::new();
    let mut n = 0;
    let err = loop {
        let ids: Vec<String> = (0..5).map(|k| format!("f{n}-{k}")).collect();
        n += 1;
        let msgs: Vec<Vec<u8>> = ids.iter().map(|id| padded(id, 4000)).collect();
        match s.add(&msgs) {
            Ok(_) => acked.extend(ids),
            Err(e) => break e,
        }
        assert!(n < 10_000, "a 2 MiB maximum never filled");
    };
    println!("R-RES-1: full after {} events: {err}", acked.len());
    assert_eq!(err.kind(), ErrorKind::Storage, "{err}");
    let text = err.to_string().to_lowercase();
    assert!(
        text.contains("full") || text.contains("maximum size"),
        "{text}"
    );
    assert!(!acked.is_empty());
    assert_eq!(
        p.map_size(),
        2 << 20,
        "the map stops at the configured maximum"
    );
    // Nothing lost, nothing partial; the store still reads and still refuses cleanly.
    s.close().unwrap();
    check_stream(&p, "Full", "1", &acked);
    // A new session keeps appending until full again (freed pages may take a few more), and is
    // refused with the same clear error.
    let again = p.open_store("Full", "1").unwrap();
    let e = loop {
        let ids: Vec<String> = (0..5).map(|k| format!("f{n}-{k}")).collect();
        n += 1;
        let msgs: Vec<Vec<u8>> = ids.iter().map(|id| padded(id, 4000)).collect();
        match again.add(&msgs) {
            Ok(_) => acked.extend(ids),
            Err(e) => break e,
        }
        assert!(n < 10_000);
    };
    assert_eq!(e.kind(), ErrorKind::Storage, "{e}");
    again.close().unwrap();
    drop(again);
    drop(s);
    drop(p);
    let p = EventStoreProvider::open(&dir, settings).unwrap();
    check_stream(&p, "Full", "1", &acked);
}

// ---------------------------------------------------------------------------------------------

/// B-SES-5: a close that fails with a storage error (here: the disk is full) keeps the session,
/// so the caller can retry it; through the C ABI, a `lode_store_free` that fails keeps the
/// handle. Found broken once: the session was taken before the write, and `lode_store_free`
/// dropped the handle before closing.
///
/// A close writes a few pages, which LMDB takes from its free list when it can: inside the
/// file, where a full disk does not stop it. So a child process holds a read snapshot (as any
/// reader would), appends after it use up the free pages of before it, and the pages they free
/// are pinned by the snapshot: the close must grow the file, and the full disk refuses.
#[test]
fn b_ses_5_a_failed_close_keeps_the_session_for_a_retry() {
    use lode_ffi::*;
    if child_role().as_deref() == Some("ses5-reader") {
        // Plain LMDB, read-only: one read transaction, held until the parent closes stdin.
        let dir = std::env::var("LODE_SES5_DIR").unwrap();
        let env = lmdb::Environment::new()
            .set_flags(lmdb::EnvironmentFlags::READ_ONLY | lmdb::EnvironmentFlags::NO_TLS)
            .set_max_dbs(64)
            .set_max_readers(126)
            .open(Path::new(&dir))
            .unwrap();
        let _snapshot = env.begin_ro_txn().unwrap();
        say("ready");
        let _ = std::io::Read::read(&mut std::io::stdin(), &mut [0u8; 1]);
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let mount = match mount_tmpfs(&mnt, "2m") {
        Ok(m) => m,
        Err(why) => {
            skip(
                "b_ses_5_a_failed_close_keeps_the_session_for_a_retry",
                &format!("cannot mount a small tmpfs here ({why}); no other way to fail a close"),
            );
            return;
        }
    };
    let dir = mnt.join("store");
    let settings = ProviderSettings {
        initial_map_size: 1 << 20,
        ..ProviderSettings::default()
    };
    let p = EventStoreProvider::open(&dir, settings.clone()).unwrap();
    let rust_store = p.open_store("Close", "rust").unwrap();
    rust_store.add(&[padded("r1", 10)]).unwrap();
    // The same through the C ABI.
    let path = dir.to_str().unwrap();
    let mut cp = null_mut();
    assert_eq!(
        lode_provider_open(path.as_ptr(), path.len(), null(), 0, &mut cp, null_mut()),
        LODE_OK
    );
    let mut cs = null_mut();
    assert_eq!(
        lode_store_open(
            cp,
            null(),
            0,
            b"Close".as_ptr(),
            5,
            b"c".as_ptr(),
            1,
            -1,
            -1,
            &mut cs,
            null_mut()
        ),
        LODE_OK
    );
    // A reader's snapshot from now on, then appends that use up the free pages of before it.
    let mut cmd = child_command(
        "b_ses_5_a_failed_close_keeps_the_session_for_a_retry",
        "ses5-reader",
    );
    cmd.env("LODE_SES5_DIR", &dir)
        .stdin(std::process::Stdio::piped());
    let mut reader = ChildProc::spawn(cmd);
    assert!(
        reader.wait_for_line("ready", Duration::from_secs(60)),
        "the reader started: {:?}",
        reader.lines()
    );
    for i in 0..8 {
        rust_store.add(&[padded(&format!("f{i}"), 2000)]).unwrap();
    }
    // Fill the file system to the last byte.
    let mut fillers = Vec::new();
    for i in 0.. {
        let f = mnt.join(format!("filler-{i}"));
        let size = if i == 0 { 1 << 20 } else { 4096 };
        if std::fs::write(&f, vec![0u8; size]).is_err() {
            let _ = std::fs::remove_file(&f);
            break;
        }
        fillers.push(f);
        assert!(i < 10_000);
    }
    // Releasing a lease is a write; with the disk full it fails, and the session is kept.
    match rust_store.close() {
        Err(e) => assert_eq!(e.kind(), ErrorKind::Storage, "{e}"),
        Ok(()) => panic!("the close found room on the full file system"),
    }
    assert!(
        rust_store.session_id().is_some(),
        "the failed close kept the session"
    );
    let other = p.store(None, "Close", "rust").unwrap();
    assert_eq!(
        other
            .open(Duration::from_secs(60), Duration::ZERO)
            .unwrap_err()
            .kind(),
        ErrorKind::OpenStoreFailed,
        "the lease is still held"
    );
    let mut err = null_mut();
    let status = lode_store_free(cs, &mut err);
    lode_error_free(err);
    assert_eq!(status, LODE_STORAGE, "the free fails with the disk full");
    let mut v = -1i64;
    assert_eq!(
        lode_store_version(cs, &mut v, null_mut()),
        LODE_OK,
        "the handle was kept after the failed free"
    );
    // Free space: the retries succeed and release the leases.
    for f in &fillers {
        std::fs::remove_file(f).unwrap();
    }
    drop(reader.child.stdin.take());
    let (status, _, err) = reader.wait();
    assert!(status.success(), "the reader: {err}");
    rust_store.close().unwrap();
    assert!(rust_store.session_id().is_none());
    other.open(Duration::from_secs(60), Duration::ZERO).unwrap();
    assert_eq!(lode_store_free(cs, null_mut()), LODE_OK);
    assert_eq!(
        lode_store_version(cs, &mut v, null_mut()),
        LODE_CLOSED,
        "freed now"
    );
    let again = p.store(None, "Close", "c").unwrap();
    again.open(Duration::from_secs(60), Duration::ZERO).unwrap();
    drop(again);
    drop(other);
    assert_eq!(lode_provider_close(cp, null_mut()), LODE_OK);
    drop(rust_store);
    drop(p);
    drop(mount);
}

/// R-RES-5: no read of valid data aborts the process, and a result's memory is proportional to
/// the result. Found broken once: a stream of ~800 small events and one 60 MiB event reserved
/// the largest sampled event size times the count (51 GB) and aborted on `get`.
#[test]
fn r_res_5_one_huge_event_among_small_ones_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let settings = ProviderSettings {
        durability: Durability::NoSync,
        ..ProviderSettings::default()
    };
    let p = EventStoreProvider::open(dir.path(), settings).unwrap();
    let huge = padded("huge", 60 << 20);
    // The huge event last, first, and in the middle of three streams.
    for (id, at) in [("last", 800usize), ("first", 0), ("middle", 400)] {
        let s = p.open_store("Huge", id).unwrap();
        let mut batch = Vec::new();
        for k in 0..=800usize {
            if k == at {
                batch.push(huge.clone());
            } else {
                batch.push(padded(&format!("{id}-{k}"), 10));
            }
        }
        // The huge event has a fixed id: give each stream its own.
        batch[at] = String::from_utf8(huge.clone())
            .unwrap()
            .replace("\"huge\"", &format!("\"huge-{id}\""))
            .into_bytes();
        s.add(&batch).unwrap();
        let before = rss_anon_bytes();
        let all = s.get(false).unwrap();
        assert_eq!(all.len(), 801);
        assert!(
            all.get(at).unwrap().len() > 60 << 20,
            "{id}: the huge event reads back"
        );
        let to = s.get_to(801, true).unwrap();
        assert_eq!(to.len(), 801);
        let slice = s.get_slice(1, 801).unwrap();
        assert_eq!(slice.len(), 801);
        let result_bytes =
            all.as_json_array().len() + to.as_json_array().len() + slice.as_json_array().len();
        let grew = rss_anon_bytes().saturating_sub(before);
        assert!(
            grew < 4 * result_bytes as u64 + (64 << 20),
            "{id}: reading {result_bytes} bytes of results grew the heap by {grew} bytes"
        );
        drop((all, to, slice));
    }
}

#[test]
fn r_res_2_disk_full_fails_the_append_and_loses_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    // The only reliable way to get ENOSPC on demand is a small file system of our own; this
    // sandbox runs the tests as root, so a 4 MiB tmpfs is mounted. Where mounting is not
    // permitted the test says so and claims nothing.
    let mount = match mount_tmpfs(&mnt, "4m") {
        Ok(m) => m,
        Err(why) => {
            skip(
                "r_res_2_disk_full_fails_the_append_and_loses_nothing",
                &format!(
                    "cannot mount a small tmpfs here ({why}); no other way to fill a disk safely"
                ),
            );
            return;
        }
    };
    let dir = mnt.join("store");
    let filler = mnt.join("filler");
    std::fs::write(&filler, vec![0u8; 1 << 20]).unwrap();
    let settings = ProviderSettings::default();
    let p = EventStoreProvider::open(&dir, settings.clone()).unwrap();
    let s = p.open_store("Disk", "1").unwrap();
    let mut acked = Vec::new();
    let mut n = 0;
    let err = loop {
        let ids: Vec<String> = (0..4).map(|k| format!("d{n}-{k}")).collect();
        n += 1;
        let msgs: Vec<Vec<u8>> = ids.iter().map(|id| padded(id, 8000)).collect();
        match s.add(&msgs) {
            Ok(_) => acked.extend(ids),
            Err(e) => break e,
        }
        assert!(n < 10_000, "a 4 MiB file system never filled");
    };
    println!("R-RES-2: disk full after {} events: {err}", acked.len());
    assert_eq!(err.kind(), ErrorKind::Storage, "{err}");
    assert!(
        err.to_string().contains("disk"),
        "the message should point at the disk: {err}"
    );
    assert!(!acked.is_empty());
    // Free space, then everything acknowledged reads back, in this provider and a new one.
    std::fs::remove_file(&filler).unwrap();
    s.close().unwrap();
    check_stream(&p, "Disk", "1", &acked);
    drop(s);
    drop(p);
    let p = EventStoreProvider::open(&dir, settings).unwrap();
    check_stream(&p, "Disk", "1", &acked);
    // And the store takes appends again.
    let s = p.open_store("Disk", "1").unwrap();
    assert_eq!(
        s.add(&[padded("after", 10)]).unwrap(),
        acked.len() as u64 + 1
    );
    drop(s);
    drop(p);
    drop(mount);
}

// ---------------------------------------------------------------------------------------------

unsafe extern "C" fn collect_reader(
    msg: *const libc::c_char,
    ctx: *mut libc::c_void,
) -> libc::c_int {
    // SAFETY: LMDB passes a NUL-terminated line; ctx is the Vec given below.
    let lines = unsafe { &mut *(ctx as *mut Vec<String>) };
    lines.push(
        unsafe { std::ffi::CStr::from_ptr(msg) }
            .to_string_lossy()
            .into_owned(),
    );
    0
}

/// The pids in LMDB's reader table (slots in use, stale ones included).
fn reader_pids(env: &lmdb::Environment) -> Vec<u32> {
    let mut lines: Vec<String> = Vec::new();
    // SAFETY: env is open; the callback only appends to `lines`, which outlives the call.
    let rc = unsafe {
        lmdb_sys::mdb_reader_list(
            env.env(),
            Some(collect_reader),
            &mut lines as *mut Vec<String> as *mut libc::c_void,
        )
    };
    assert_eq!(rc, 0);
    lines
        .iter()
        .flat_map(|l| l.lines())
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect()
}

#[test]
fn r_res_3_stale_reader_slots_of_dead_processes_are_cleared_on_open() {
    match child_role().as_deref() {
        Some("res3_reader") => {
            let dir = std::env::var("LODE_DIR").unwrap();
            let env = lmdb::Environment::new()
                .set_max_dbs(32)
                .open(Path::new(&dir))
                .unwrap();
            let txn = lmdb::Environment::begin_ro_txn(&env).unwrap();
            say("READY");
            std::thread::sleep(Duration::from_secs(600));
            drop(txn);
            return;
        }
        Some("res3_opener") => {
            let dir = std::env::var("LODE_DIR").unwrap();
            let p = EventStoreProvider::open(&dir, ProviderSettings::default()).unwrap();
            say(&format!("OPENED {}", p.map_size()));
            return;
        }
        _ => {}
    }
    let name = "r_res_3_stale_reader_slots_of_dead_processes_are_cleared_on_open";
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    {
        let p = EventStoreProvider::open(&dir, ProviderSettings::default()).unwrap();
        let s = p.open_store("R", "1").unwrap();
        s.add(&[event_json("r1", "T", "c", None, "")]).unwrap();
    }
    // This process keeps the environment open (raw LMDB, no provider in this process) so the
    // lock file is not reset between the children: only mdb_reader_check can clear the slot.
    let env = lmdb::Environment::new().set_max_dbs(32).open(&dir).unwrap();
    let mut c = child_command(name, "res3_reader");
    c.env("LODE_DIR", &dir);
    let mut reader = ChildProc::spawn(c);
    assert!(reader.wait_for_line("READY", Duration::from_secs(30)));
    let dead_pid = reader.child.id();
    let (_, _) = reader.kill();
    let before = reader_pids(&env);
    println!("R-RES-3: reader slots after SIGKILL: {before:?} (dead pid {dead_pid})");
    assert!(
        before.contains(&dead_pid),
        "the killed reader's slot should still be taken"
    );

    let mut c = child_command(name, "res3_opener");
    c.env("LODE_DIR", &dir);
    let (status, lines, err) = ChildProc::spawn(c).wait();
    assert!(status.success(), "{err}");
    assert!(lines.iter().any(|l| l.starts_with("OPENED")));
    let after = reader_pids(&env);
    println!("R-RES-3: reader slots after a provider opened: {after:?}");
    assert!(
        !after.contains(&dead_pid),
        "the stale slot of {dead_pid} was not cleared"
    );
}

// ---------------------------------------------------------------------------------------------

fn res4_body() {
    use lode_ffi::*;
    let iterations = env_count("LODE_RES4_ITERATIONS", 10_000);
    let warmup = (iterations / 10).max(1);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let settings = ProviderSettings {
        durability: Durability::NoSync,
        ..ProviderSettings::default()
    };
    // Content to read: 20 events.
    {
        let p = EventStoreProvider::open(&dir, settings.clone()).unwrap();
        let s = p.open_store("M", "1").unwrap();
        let msgs: Vec<Vec<u8>> = (0..20).map(|i| padded(&format!("m{i}"), 200)).collect();
        s.add(&msgs).unwrap();
    }
    let path = dir.to_str().unwrap().as_bytes().to_vec();
    let settings_json = br#"{"durability":"no_sync"}"#;
    let cycle = |i: u64| {
        // Rust API: a provider and a store opened and closed (the environment too, as nothing
        // else holds it), and a read buffer.
        let p = EventStoreProvider::open(&dir, settings.clone()).unwrap();
        let s: EventStore = p.open_store("M", "1").unwrap();
        let m = s.get(true).unwrap();
        assert_eq!(m.len(), 20);
        s.close().unwrap();
        drop(s);
        drop(p);
        // C ABI: provider, store, and a buffer freed with lode_buffer_free.
        let mut pp = null_mut();
        let mut err = null_mut();
        assert_eq!(
            lode_provider_open(
                path.as_ptr(),
                path.len(),
                settings_json.as_ptr(),
                settings_json.len(),
                &mut pp,
                &mut err
            ),
            LODE_OK
        );
        let mut ss = null_mut();
        assert_eq!(
            lode_store_open(
                pp,
                null(),
                0,
                b"M".as_ptr(),
                1,
                b"1".as_ptr(),
                1,
                -1,
                -1,
                &mut ss,
                &mut err
            ),
            LODE_OK
        );
        let mut buf = null_mut();
        assert_eq!(
            lode_store_read(ss, i.is_multiple_of(2), &mut buf, &mut err),
            LODE_OK
        );
        assert_eq!(lode_buffer_count(buf), 20);
        lode_buffer_free(buf);
        // An error object too (made and freed).
        assert_eq!(
            lode_store_read_to(ss, 99, true, &mut buf, &mut err),
            LODE_STREAM_VERSION_NOT_FOUND
        );
        lode_error_free(err);
        assert_eq!(lode_store_free(ss, null_mut()), LODE_OK);
        assert_eq!(lode_provider_close(pp, null_mut()), LODE_OK);
    };
    for i in 0..warmup {
        cycle(i);
    }
    let anon0 = rss_anon_bytes();
    let rss0 = rss_statm_bytes();
    let threads0 = thread_count();
    for i in 0..iterations {
        cycle(i);
    }
    let anon1 = rss_anon_bytes();
    let rss1 = rss_statm_bytes();
    let threads1 = thread_count();
    let growth = anon1 as i64 - anon0 as i64;
    say(&format!(
        "RES4 iterations={iterations} anon {anon0} -> {anon1} (growth {growth} B); statm rss {rss0} -> {rss1}; threads {threads0} -> {threads1}"
    ));
    // Bound: 2 MiB over 10,000 cycles. Each cycle opens an LMDB environment (its own struct, a
    // page buffer, 13 table handles, a 64 MiB map), a provider, a store, two handle-table slots,
    // two read buffers (~5 KiB each) and an error: leaking any one of these per cycle would
    // grow the heap by at least ~200 B × 10,000 = 2 MB, most by far more. After the warm-up
    // the allocator has its arenas; the noise measured here is a few hundred KiB.
    let bound = (2u64 << 20) * iterations.max(10_000) / 10_000;
    assert!(
        growth < bound as i64,
        "anonymous memory grew by {growth} B over {iterations} cycles (bound {bound})"
    );
    assert!(
        threads1 <= threads0,
        "threads leaked: {threads0} -> {threads1}"
    );
}

#[test]
fn r_res_4_ten_thousand_opens_and_buffers_keep_memory_flat() {
    // Measured in a child process of its own, so the other tests of this binary (which run in
    // parallel threads) do not move the numbers.
    if child_role().as_deref() == Some("res4") {
        res4_body();
        return;
    }
    let c = child_command(
        "r_res_4_ten_thousand_opens_and_buffers_keep_memory_flat",
        "res4",
    );
    let (status, lines, err) = ChildProc::spawn(c).wait();
    for l in lines.iter().filter(|l| l.starts_with("RES4")) {
        println!("R-RES-4: {l}");
    }
    assert!(
        status.success(),
        "the measuring child failed:\n{}\n{err}",
        lines.join("\n")
    );
}
