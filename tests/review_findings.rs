//! Second reader's findings: each test fails on the bug it is named after.
//!
//! The log tests install the library's process-wide log router, so they share one lock and
//! run one at a time; a deadlock is detected by running the body on a thread and waiting for
//! it with a timeout (the stuck thread is left behind; the test process ends anyway).

use std::ffi::{c_char, c_void};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use lode::ffi::*;
use lode::{EventStore, EventStoreProvider, ProviderSettings};

fn msg(id: &str, seq: Option<i64>) -> Vec<u8> {
    let seq = seq
        .map(|s| format!(",\"SequenceNumber\":{s}"))
        .unwrap_or_default();
    format!(
        r#"{{"Event":{{"$type":"FundsDeposited","Amount":10,"Tag":"{id}"}},"Metadata":{{"Message":{{"Id":"{id}","Name":"FundsDeposited","Version":1,"Domain":{{"Id":"1","Name":"BankAccount"}},"CreatedDate":"2026-01-04T14:51:49.1240001+01:00"}},"Context":{{"CorrelationId":"c-{id}","UserId":"system","PartitionId":"default"{seq},"Scopes":[]}}}}}}"#
    )
    .into_bytes()
}

/// Runs `body` on its own thread; false if it has not finished within `secs` (a deadlock).
fn finishes_within(secs: u64, body: impl FnOnce() + Send + 'static) -> bool {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        body();
        let _ = tx.send(());
    });
    rx.recv_timeout(Duration::from_secs(secs)).is_ok()
}

static LOG_TESTS: Mutex<()> = Mutex::new(());

fn set_log(callback: LodeLogFn, level: i32) -> i32 {
    let mut err = std::ptr::null_mut();
    let status = lode_set_log_callback(callback, std::ptr::null_mut(), level, &mut err);
    lode_error_free(err);
    status
}

// -- Finding 1: a log callback that sets the log callback deadlocks -------------------------

static RESET_STATUS: AtomicI32 = AtomicI32::new(-1);
static RESET_ONCE: AtomicBool = AtomicBool::new(false);

extern "C" fn resetting_callback(
    _user: *mut c_void,
    _level: i32,
    _target: *const c_char,
    _message: *const c_char,
    _fields: *const c_char,
) {
    if !RESET_ONCE.swap(true, Ordering::SeqCst) {
        // e.g. a host that raises its log level when it sees the first event.
        let status = set_log(Some(resetting_callback), LODE_LOG_DEBUG);
        RESET_STATUS.store(status, Ordering::SeqCst);
    }
}

/// src/ffi/log.rs: `on_event` calls the host callback under `SINK.read()`; the callback's call
/// to `lode_set_log_callback` takes `SINK.write()` on the same thread and waits forever.
#[test]
fn log_callback_that_sets_the_log_callback_does_not_deadlock() {
    let _serial = LOG_TESTS.lock().unwrap_or_else(|e| e.into_inner());
    RESET_ONCE.store(false, Ordering::SeqCst);
    assert_eq!(set_log(Some(resetting_callback), LODE_LOG_INFO), 0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let done = finishes_within(10, move || {
        let p = EventStoreProvider::open(&path, ProviderSettings::default()).unwrap();
        // "store opened" is an INFO event: it reaches the callback.
        let s = p.open_store("BankAccount", "1").unwrap();
        s.close().unwrap();
    });
    assert!(
        done,
        "deadlock: lode_set_log_callback from inside the log callback never returned"
    );
    assert!(RESET_ONCE.load(Ordering::SeqCst));
    set_log(None, LODE_LOG_INFO);
}

// -- Finding 2: the map is grown (and logged) under the exclusive gate ------------------------

static READER: OnceLock<Mutex<Option<EventStore>>> = OnceLock::new();
static READ_ARMED: AtomicBool = AtomicBool::new(false);

extern "C" fn reading_callback(
    _user: *mut c_void,
    _level: i32,
    _target: *const c_char,
    _message: *const c_char,
    _fields: *const c_char,
) {
    if !READ_ARMED.load(Ordering::SeqCst) {
        return;
    }
    // A host logger that reads the store (e.g. to add the current version to its log line).
    if let Some(Some(s)) = READER.get().map(|m| {
        m.try_lock()
            .ok()
            .and_then(|g| g.as_ref().map(|s| s.version()))
    }) {
        let _ = s;
    }
}

/// src/storage/mod.rs `grow_map`: "memory map grown" is logged while the gate is held
/// exclusively; a log callback that reads the store takes the gate shared on the same thread
/// and waits forever.
#[test]
fn log_callback_that_reads_while_the_map_grows_does_not_deadlock() {
    let _serial = LOG_TESTS.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let settings = ProviderSettings {
        initial_map_size: 256 << 10,
        ..ProviderSettings::default()
    };
    let p = EventStoreProvider::open(dir.path().join("store"), settings).unwrap();
    let reader = p.open_store("BankAccount", "reader").unwrap();
    READER
        .get_or_init(|| Mutex::new(None))
        .lock()
        .unwrap()
        .replace(reader);
    assert_eq!(set_log(Some(reading_callback), LODE_LOG_INFO), 0);
    READ_ARMED.store(true, Ordering::SeqCst);
    let start = p.map_size();
    let done = finishes_within(20, move || {
        let s = p.open_store("BankAccount", "writer").unwrap();
        let mut n = 0;
        while p.map_size() == start {
            let batch: Vec<Vec<u8>> = (0..50)
                .map(|_| {
                    n += 1;
                    msg(&format!("m{n}"), None)
                })
                .collect();
            s.add(&batch).unwrap();
        }
        s.close().unwrap();
    });
    READ_ARMED.store(false, Ordering::SeqCst);
    assert!(
        done,
        "deadlock: a log callback reading the store while the map grows never returned"
    );
    if let Some(s) = READER.get().unwrap().lock().unwrap().take() {
        s.close().unwrap();
    }
    set_log(None, LODE_LOG_INFO);
}

// -- Finding 3: lode_buffer_write keeps the old item ranges ---------------------------------

fn read_buffer_of_two_messages() -> (tempfile::TempDir, *mut LodeBuffer) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let path = path.to_str().unwrap();
    let mut err = std::ptr::null_mut();
    let mut provider = std::ptr::null_mut();
    assert_eq!(
        lode_provider_open(
            path.as_ptr(),
            path.len(),
            std::ptr::null(),
            0,
            &mut provider,
            &mut err
        ),
        0
    );
    let mut store = std::ptr::null_mut();
    let (name, id) = ("BankAccount", "1");
    assert_eq!(
        lode_store_open(
            provider,
            std::ptr::null(),
            0,
            name.as_ptr(),
            name.len(),
            id.as_ptr(),
            id.len(),
            -1,
            -1,
            &mut store,
            &mut err
        ),
        0
    );
    let m1 = msg("a", None);
    let m2 = msg("b", None);
    let batch = [
        LodeBytes {
            ptr: m1.as_ptr(),
            len: m1.len(),
        },
        LodeBytes {
            ptr: m2.as_ptr(),
            len: m2.len(),
        },
    ];
    assert_eq!(
        lode_store_append(store, batch.as_ptr(), 2, std::ptr::null_mut(), &mut err),
        0
    );
    let mut buf = std::ptr::null_mut();
    assert_eq!(lode_store_read(store, false, &mut buf, &mut err), 0);
    lode_store_free(store, std::ptr::null_mut());
    lode_provider_close(provider, std::ptr::null_mut());
    (dir, buf)
}

/// src/ffi/buffer.rs `lode_buffer_write`: replaces the bytes and sets count to 1 but keeps the
/// item/message ranges (and `message_offsets`) of the old contents, so the range accessors hand
/// out offsets past the end of the new data (a C host reading them reads out of bounds), and
/// `lode_buffer_item` panics (LODE_INTERNAL) or returns bytes that are not an item.
#[test]
fn buffer_write_drops_the_old_item_ranges() {
    let (_dir, buf) = read_buffer_of_two_messages();
    assert_eq!(lode_buffer_count(buf), 2);
    let new = b"{\"x\":1}";
    assert_eq!(lode_buffer_write(buf, new.as_ptr(), new.len()), 0);
    let len = lode_buffer_len(buf);
    assert_eq!(len, new.len());
    // Every range handed out must lie inside the buffer's bytes.
    let offsets = lode_buffer_message_offsets(buf);
    if !offsets.is_null() {
        let n = 2 * lode_buffer_count(buf);
        // SAFETY: the buffer owns 2 × count offsets when the pointer is not NULL.
        let offs = unsafe { std::slice::from_raw_parts(offsets, n) };
        assert!(
            offs.iter().all(|&o| o <= len),
            "message offsets {offs:?} point past the {len} bytes of the buffer"
        );
    }
    let mut data = std::ptr::null();
    let mut item_len = 0;
    let status = lode_buffer_item(buf, 0, &mut data, &mut item_len);
    assert_ne!(
        status, LODE_INTERNAL,
        "lode_buffer_item panicked on a stale range"
    );
    lode_buffer_free(buf);
}

// -- Finding 4: a log callback that appends when it sees a warning ---------------------------

static AUDIT: OnceLock<EventStore> = OnceLock::new();
static AUDITED: AtomicI32 = AtomicI32::new(0);

extern "C" fn auditing_callback(
    _user: *mut c_void,
    level: i32,
    _target: *const c_char,
    _message: *const c_char,
    _fields: *const c_char,
) {
    if level == LODE_LOG_WARN {
        if let Some(audit) = AUDIT.get() {
            let n = AUDITED.fetch_add(1, Ordering::SeqCst);
            audit.add(&[msg(&format!("audit-{n}"), None)]).unwrap();
        }
    }
}

/// Warnings (version mismatch, session expired) used to be logged by the group-commit leader
/// inside the write transaction: a callback that appends (an audit trail) joined the queue
/// behind itself and waited forever. They are now logged on the appending thread afterwards.
#[test]
fn log_callback_that_appends_on_a_warning_does_not_deadlock() {
    let _serial = LOG_TESTS.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let p = EventStoreProvider::open(&path, ProviderSettings::default()).unwrap();
    let _ = AUDIT.set(p.open_store("Audit", "1").unwrap());
    assert_eq!(set_log(Some(auditing_callback), LODE_LOG_WARN), 0);
    let done = finishes_within(10, move || {
        let s = p.open_store("BankAccount", "1").unwrap();
        s.add(&[msg("a", None)]).unwrap();
        let e = s.add(&[msg("b", Some(7))]).unwrap_err();
        assert_eq!(e.kind(), lode::ErrorKind::VersionMismatch);
    });
    assert_eq!(set_log(None, LODE_LOG_WARN), 0);
    assert!(done, "an append from the log callback deadlocked");
    assert!(
        AUDITED.load(Ordering::SeqCst) >= 1,
        "the warning reached the callback"
    );
}

// -- R-RES-6: every log point, including map growth during group commit -----------------------

static GROWTH_AUDIT: OnceLock<Mutex<Option<EventStore>>> = OnceLock::new();
static GROWTH_AUDITED: AtomicI32 = AtomicI32::new(0);
static GROWTH_ARMED: AtomicBool = AtomicBool::new(false);

extern "C" fn growth_auditing_callback(
    _user: *mut c_void,
    _level: i32,
    target: *const c_char,
    message: *const c_char,
    _fields: *const c_char,
) {
    if !GROWTH_ARMED.load(Ordering::SeqCst) {
        return;
    }
    // SAFETY: the library passes NUL-terminated strings valid during the call.
    let (target, message) = unsafe {
        (
            std::ffi::CStr::from_ptr(target).to_string_lossy(),
            std::ffi::CStr::from_ptr(message).to_string_lossy(),
        )
    };
    if target != "lode::storage" {
        return;
    }
    // An audit trail that records every storage event, appending to another store of the same
    // directory (the same environment, the same commit queue).
    let audit = GROWTH_AUDIT.get().and_then(|m| m.try_lock().ok());
    if let Some(guard) = audit {
        if let Some(store) = guard.as_ref() {
            let n = GROWTH_AUDITED.fetch_add(1, Ordering::SeqCst);
            let _ = store.add(&[msg(&format!("storage-{n}-{message}"), None)]);
        }
    }
}

/// R-RES-6: nothing is logged while a lock or a commit group is held, so a log callback may call
/// back into the library, appends included, at every log point. Found broken once: "memory map
/// grown" (and "store reached its maximum size") were logged by the thread leading group commit,
/// so a callback that appended queued behind itself and waited forever.
#[test]
fn r_res_6_a_log_callback_that_appends_when_the_map_grows_does_not_deadlock() {
    let _serial = LOG_TESTS.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let settings = ProviderSettings {
        initial_map_size: 256 << 10,
        max_map_size: 4 << 20,
        ..ProviderSettings::default()
    };
    let p = EventStoreProvider::open(dir.path().join("store"), settings).unwrap();
    GROWTH_AUDIT
        .get_or_init(|| Mutex::new(None))
        .lock()
        .unwrap()
        .replace(p.open_store("Audit", "storage").unwrap());
    assert_eq!(set_log(Some(growth_auditing_callback), LODE_LOG_INFO), 0);
    GROWTH_ARMED.store(true, Ordering::SeqCst);
    let writer = p.clone();
    let done = finishes_within(60, move || {
        let s = writer.open_store("BankAccount", "writer").unwrap();
        let mut n = 0;
        // Until the configured maximum refuses a batch: the map grows several times on the way.
        loop {
            let batch: Vec<Vec<u8>> = (0..50)
                .map(|_| {
                    n += 1;
                    msg(&format!("m{n}"), None)
                })
                .collect();
            if let Err(e) = s.add(&batch) {
                assert_eq!(e.kind(), lode::ErrorKind::Storage, "{e}");
                break;
            }
        }
        s.close().unwrap();
    });
    GROWTH_ARMED.store(false, Ordering::SeqCst);
    assert!(
        done,
        "deadlock: a log callback appending on map growth never returned"
    );
    assert!(
        GROWTH_AUDITED.load(Ordering::SeqCst) >= 2,
        "the growth and the maximum reached the callback"
    );
    if let Some(s) = GROWTH_AUDIT.get().unwrap().lock().unwrap().take() {
        let _ = s.close();
    }
    set_log(None, LODE_LOG_INFO);
}
