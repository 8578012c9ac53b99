//! Bad input (reliability.md R-BAD-1, R-BAD-2, R-BAD-3).
//!
//! R-BAD-1 drives the exported C ABI (`lode_ffi::*`) from Rust with a systematic matrix of bad
//! arguments; R-BAD-2 panics inside the boundary from several threads; R-BAD-3 flips bytes of
//! stored records in a copy of a store directory.
//!
//! Environment: `LODE_BAD3_FLIPS` (default 8): how many different byte positions of the stored
//! event R-BAD-3 damages (one copy of the directory each).
//!
//! Run: `CARGO_TARGET_DIR=target/rel cargo test --test reliability_bad_input`

mod common;

use std::ffi::CStr;
use std::path::Path;
use std::ptr::{null, null_mut};

use common::*;
use lode::{ErrorKind, EventStoreProvider, ProviderSettings};
use lode_ffi::*;

/// Calls `f` with an error out-parameter; checks that a failure comes with a detailed error of
/// the same code and a message; returns the status and the message.
fn call(f: impl FnOnce(*mut *mut LodeError) -> LodeStatus) -> (LodeStatus, String) {
    let mut err: *mut LodeError = null_mut();
    let status = f(&mut err);
    let msg = if err.is_null() {
        String::new()
    } else {
        // SAFETY: err was made by the library; the message lives until lode_error_free.
        unsafe { CStr::from_ptr(lode_error_message(err)) }
            .to_string_lossy()
            .into_owned()
    };
    if status == LODE_OK {
        assert!(err.is_null(), "success must leave *err NULL");
    } else {
        assert!(!err.is_null(), "failure {status} without a detailed error");
        assert_eq!(lode_error_code(err), status);
        assert!(!msg.is_empty(), "failure {status} without a message");
        // SAFETY: as above.
        let details = unsafe { CStr::from_ptr(lode_error_details(err)) }
            .to_str()
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(details).expect("details are JSON");
        assert!(v["kind"].is_string(), "{details}");
    }
    lode_error_free(err);
    (status, msg)
}

macro_rules! expect {
    ($code:expr, $what:expr, $body:expr) => {{
        let (got, msg) = call($body);
        assert_eq!(
            got,
            $code,
            "{}: expected {:?}, got {:?}: {}",
            $what,
            // SAFETY: static strings.
            unsafe { CStr::from_ptr(lode_status_name($code)) },
            unsafe { CStr::from_ptr(lode_status_name(got)) },
            msg
        );
    }};
}

fn b(s: &[u8]) -> LodeBytes {
    LodeBytes {
        ptr: s.as_ptr(),
        len: s.len(),
    }
}

struct Fixture {
    provider: *mut LodeProvider,
    store: *mut LodeStore,
    _dir: tempfile::TempDir,
}

fn version(f: &Fixture) -> i64 {
    let mut v = -7;
    expect!(LODE_OK, "version", |e| lode_store_version(
        f.store, &mut v, e
    ));
    v
}

fn log_len(f: &Fixture) -> usize {
    let mut buf = null_mut();
    expect!(LODE_OK, "read_log", |e| lode_provider_read_log(
        f.provider, 0, 1000, &mut buf, e
    ));
    let n = lode_buffer_count(buf);
    lode_buffer_free(buf);
    n
}

fn snapshots(f: &Fixture) -> String {
    let mut buf = null_mut();
    expect!(LODE_OK, "snapshot_versions", |e| {
        lode_store_snapshot_versions(f.store, &mut buf, e)
    });
    // SAFETY: the buffer's bytes are valid until it is freed.
    let s = unsafe { std::slice::from_raw_parts(lode_buffer_data(buf), lode_buffer_len(buf)) };
    let s = String::from_utf8(s.to_vec()).unwrap();
    lode_buffer_free(buf);
    s
}

fn open_fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store");
    let path = path.to_str().unwrap().as_bytes();
    let mut provider = null_mut();
    expect!(LODE_OK, "provider_open", |e| lode_provider_open(
        path.as_ptr(),
        path.len(),
        null(),
        0,
        &mut provider,
        e
    ));
    let mut store = null_mut();
    expect!(LODE_OK, "store_open", |e| lode_store_open(
        provider,
        null(),
        0,
        b"Acct".as_ptr(),
        4,
        b"1".as_ptr(),
        1,
        LODE_DEFAULT,
        LODE_DEFAULT,
        &mut store,
        e
    ));
    let m1 = event_json("f1", "T", "c", None, "");
    let m2 = event_json("f2", "T", "c", None, "");
    let msgs = [b(&m1), b(&m2)];
    expect!(LODE_OK, "append", |e| lode_store_append(
        store,
        msgs.as_ptr(),
        2,
        null_mut(),
        e
    ));
    let snap = snapshot_json("s1");
    expect!(LODE_OK, "snapshot", |e| lode_store_snapshot(
        store,
        1,
        snap.as_ptr(),
        snap.len(),
        e
    ));
    Fixture {
        provider,
        store,
        _dir: dir,
    }
}

/// Nothing was written by the bad call, and the store still answers.
fn unchanged(f: &Fixture, what: &str) {
    assert_eq!(version(f), 2, "{what}: the version changed");
    assert_eq!(log_len(f), 2, "{what}: the log changed");
    assert_eq!(snapshots(f), "[1]", "{what}: the snapshots changed");
}

extern "C" fn snap_cb(
    _: *mut std::ffi::c_void,
    _: i64,
    _: *const u8,
    _: usize,
    out: *mut LodeBuffer,
) -> i32 {
    let s = snapshot_json("cb");
    lode_buffer_write(out, s.as_ptr(), s.len());
    0
}

extern "C" fn failing_cb(
    _: *mut std::ffi::c_void,
    _: i64,
    _: *const u8,
    _: usize,
    _: *mut LodeBuffer,
) -> i32 {
    7
}

#[test]
fn r_bad_1_every_bad_argument_is_refused_and_writes_nothing() {
    let f = open_fixture();
    let (p, s) = (f.provider, f.store);
    const IA: LodeStatus = LODE_INVALID_ARGUMENT;
    let bad_utf8: &[u8] = b"ab\xff\xfecd";
    let huge = vec![b'x'; 1 << 20];
    let long_name = [b'n'; LODE_MAX_NAME_BYTES + 1];
    let nul_name = b"a\0b";
    let good = event_json("good-1", "T", "c", None, "");

    // -- provider_open ----------------------------------------------------------------------
    let mut out_p = null_mut();
    let path = f._dir.path().join("other");
    let path = path.to_str().unwrap().as_bytes().to_vec();
    let settings_cases: Vec<(&str, Vec<u8>)> = vec![
        ("non-JSON settings", b"not json".to_vec()),
        ("settings array", b"[1,2]".to_vec()),
        ("unknown settings key", br#"{"bogus":1}"#.to_vec()),
        ("negative map size", br#"{"initial_map_size":-1}"#.to_vec()),
        (
            "overflowing map size",
            br#"{"initial_map_size":1e400}"#.to_vec(),
        ),
        ("zero map size", br#"{"initial_map_size":0}"#.to_vec()),
        ("wrong-type durability", br#"{"durability":5}"#.to_vec()),
        ("unknown durability", br#"{"durability":"maybe"}"#.to_vec()),
        ("empty database", br#"{"default_database":""}"#.to_vec()),
        ("invalid UTF-8 settings", bad_utf8.to_vec()),
        ("huge settings", huge.clone()),
    ];
    for (what, json) in &settings_cases {
        expect!(IA, *what, |e| lode_provider_open(
            path.as_ptr(),
            path.len(),
            json.as_ptr(),
            json.len(),
            &mut out_p,
            e
        ));
        assert!(out_p.is_null(), "{what}: a handle was written");
    }
    expect!(IA, "NULL path, len 5", |e| lode_provider_open(
        null(),
        5,
        null(),
        0,
        &mut out_p,
        e
    ));
    expect!(IA, "empty path", |e| lode_provider_open(
        null(),
        0,
        null(),
        0,
        &mut out_p,
        e
    ));
    expect!(IA, "invalid UTF-8 path", |e| lode_provider_open(
        bad_utf8.as_ptr(),
        bad_utf8.len(),
        null(),
        0,
        &mut out_p,
        e
    ));
    expect!(IA, "NULL settings, len 3", |e| lode_provider_open(
        path.as_ptr(),
        path.len(),
        null(),
        3,
        &mut out_p,
        e
    ));
    expect!(IA, "NULL out_provider", |e| lode_provider_open(
        path.as_ptr(),
        path.len(),
        null(),
        0,
        null_mut(),
        e
    ));
    expect!(IA, "impossible length", |e| lode_provider_open(
        path.as_ptr(),
        usize::MAX,
        null(),
        0,
        &mut out_p,
        e
    ));
    assert!(
        !Path::new(std::str::from_utf8(&path).unwrap()).exists(),
        "a refused open created the directory"
    );
    // NULL err is allowed everywhere.
    assert_eq!(
        lode_provider_open(null(), 5, null(), 0, &mut out_p, null_mut()),
        IA
    );

    // -- handles: NULL, garbage, wrong kind, closed/freed ------------------------------------
    let garbage = 0xdead_beef_usize as *mut LodeStore;
    let p_as_s = p as *mut LodeStore;
    let s_as_p = s as *mut LodeProvider;
    let mut v: i64 = -7;
    expect!(IA, "version NULL store", |e| lode_store_version(
        null_mut(),
        &mut v,
        e
    ));
    expect!(IA, "version garbage handle", |e| lode_store_version(
        garbage, &mut v, e
    ));
    expect!(IA, "version provider as store", |e| lode_store_version(
        p_as_s, &mut v, e
    ));
    expect!(IA, "provider_close with a store", |e| lode_provider_close(
        s_as_p, e
    ));
    let mut tmp_store = null_mut();
    expect!(IA, "store_open with a store as provider", |e| {
        lode_store_open(
            s_as_p,
            null(),
            0,
            b"A".as_ptr(),
            1,
            b"2".as_ptr(),
            1,
            -1,
            -1,
            &mut tmp_store,
            e,
        )
    });
    expect!(IA, "read_log with a store as provider", |e| {
        lode_provider_read_log(s_as_p, 0, 10, &mut null_mut(), e)
    });
    assert_eq!(v, -7, "a refused call wrote its out-parameter");
    unchanged(&f, "handles");

    // A freed store and a closed provider.
    let mut s2 = null_mut();
    expect!(LODE_OK, "open s2", |e| lode_store_open(
        p,
        null(),
        0,
        b"Acct".as_ptr(),
        4,
        b"2".as_ptr(),
        1,
        -1,
        -1,
        &mut s2,
        e
    ));
    expect!(LODE_OK, "free s2", |e| lode_store_free(s2, e));
    expect!(LODE_OK, "free s2 again", |e| lode_store_free(s2, e));
    let gm = [b(&good)];
    expect!(LODE_CLOSED, "append on freed store", |e| lode_store_append(
        s2,
        gm.as_ptr(),
        1,
        &mut v,
        e
    ));
    expect!(LODE_CLOSED, "read on freed store", |e| lode_store_read(
        s2,
        true,
        &mut null_mut(),
        e
    ));
    expect!(LODE_CLOSED, "renew on freed store", |e| lode_store_renew(
        s2, e
    ));
    expect!(LODE_CLOSED, "reopen on freed store", |e| lode_store_reopen(
        s2, -1, -1, e
    ));
    // B-SES-5: closing a disposed store does nothing.
    expect!(LODE_OK, "close on freed store", |e| lode_store_close(s2, e));
    let mut p2 = null_mut();
    let path2 = f._dir.path().join("p2");
    let path2 = path2.to_str().unwrap().as_bytes();
    expect!(LODE_OK, "open p2", |e| lode_provider_open(
        path2.as_ptr(),
        path2.len(),
        null(),
        0,
        &mut p2,
        e
    ));
    expect!(LODE_OK, "close p2", |e| lode_provider_close(p2, e));
    expect!(LODE_OK, "close p2 again", |e| lode_provider_close(p2, e));
    expect!(LODE_OK, "close NULL provider", |e| lode_provider_close(
        null_mut(),
        e
    ));
    expect!(LODE_OK, "free NULL store", |e| lode_store_free(
        null_mut(),
        e
    ));
    expect!(LODE_CLOSED, "store_open on closed provider", |e| {
        lode_store_open(
            p2,
            null(),
            0,
            b"A".as_ptr(),
            1,
            b"1".as_ptr(),
            1,
            -1,
            -1,
            &mut tmp_store,
            e,
        )
    });
    expect!(LODE_CLOSED, "read_log on closed provider", |e| {
        lode_provider_read_log(p2, 0, 10, &mut null_mut(), e)
    });
    assert!(tmp_store.is_null());

    // A closed (not freed) store: the handle is valid, the session is not.
    let mut s3 = null_mut();
    expect!(LODE_OK, "open s3", |e| lode_store_open(
        p,
        null(),
        0,
        b"Acct".as_ptr(),
        4,
        b"3".as_ptr(),
        1,
        -1,
        -1,
        &mut s3,
        e
    ));
    expect!(LODE_OK, "close s3", |e| lode_store_close(s3, e));
    expect!(LODE_OK, "close s3 again", |e| lode_store_close(s3, e));
    expect!(LODE_STORE_NOT_OPEN, "append on closed store", |e| {
        lode_store_append(s3, gm.as_ptr(), 1, &mut v, e)
    });
    expect!(LODE_OK, "free s3", |e| lode_store_free(s3, e));

    // -- store_open arguments -----------------------------------------------------------------
    let name_cases: Vec<(&str, *const u8, usize)> = vec![
        ("NULL name with length", null(), 4),
        ("empty name", null(), 0),
        ("invalid UTF-8 name", bad_utf8.as_ptr(), bad_utf8.len()),
        ("name with NUL", nul_name.as_ptr(), nul_name.len()),
        ("over-long name", long_name.as_ptr(), long_name.len()),
        ("huge name", huge.as_ptr(), huge.len()),
    ];
    for (what, ptr, len) in &name_cases {
        expect!(IA, *what, |e| lode_store_open(
            p,
            null(),
            0,
            *ptr,
            *len,
            b"9".as_ptr(),
            1,
            -1,
            -1,
            &mut tmp_store,
            e
        ));
        expect!(IA, format!("{what} as id"), |e| lode_store_open(
            p,
            null(),
            0,
            b"A".as_ptr(),
            1,
            *ptr,
            *len,
            -1,
            -1,
            &mut tmp_store,
            e
        ));
        if !ptr.is_null() {
            expect!(IA, format!("{what} as database"), |e| lode_store_open(
                p,
                *ptr,
                *len,
                b"A".as_ptr(),
                1,
                b"9".as_ptr(),
                1,
                -1,
                -1,
                &mut tmp_store,
                e
            ));
        }
        expect!(IA, format!("{what} in stream_events_since"), |e| {
            lode_provider_stream_events_since(
                p,
                null(),
                0,
                *ptr,
                *len,
                b"9".as_ptr(),
                1,
                0,
                10,
                &mut null_mut(),
                e,
            )
        });
    }
    for (what, st, ot) in [
        ("negative session timeout", -5i64, -1i64),
        ("i64::MIN session timeout", i64::MIN, -1),
        ("negative open timeout", -1, -2),
        ("i64::MIN open timeout", -1, i64::MIN),
    ] {
        expect!(IA, what, |e| lode_store_open(
            p,
            null(),
            0,
            b"A".as_ptr(),
            1,
            b"9".as_ptr(),
            1,
            st,
            ot,
            &mut tmp_store,
            e
        ));
        expect!(IA, format!("{what} (reopen)"), |e| lode_store_reopen(
            s, st, ot, e
        ));
    }
    expect!(IA, "zero session timeout", |e| lode_store_open(
        p,
        null(),
        0,
        b"A".as_ptr(),
        1,
        b"9".as_ptr(),
        1,
        0,
        -1,
        &mut tmp_store,
        e
    ));
    expect!(IA, "NULL out_store", |e| lode_store_open(
        p,
        null(),
        0,
        b"A".as_ptr(),
        1,
        b"9".as_ptr(),
        1,
        -1,
        -1,
        null_mut(),
        e
    ));
    assert!(tmp_store.is_null(), "a refused open wrote a handle");
    unchanged(&f, "store_open");

    // -- append ---------------------------------------------------------------------------------
    let big = {
        let mut m = event_json("big", "T", "c", None, "\"Pad\":\"\"");
        let at = m.len() - 4;
        let pad = vec![b'p'; LODE_MAX_MESSAGE_BYTES];
        m.splice(at..at, pad);
        m
    };
    let bodies: Vec<(&str, Vec<u8>, LodeStatus)> = vec![
        (
            "invalid UTF-8 message",
            bad_utf8.to_vec(),
            LODE_SERIALIZATION,
        ),
        ("non-JSON message", b"hello".to_vec(), LODE_SERIALIZATION),
        (
            "truncated JSON",
            good[..good.len() - 3].to_vec(),
            LODE_SERIALIZATION,
        ),
        ("JSON array", b"[1,2,3]".to_vec(), LODE_SERIALIZATION),
        ("JSON number", b"42".to_vec(), LODE_SERIALIZATION),
        ("empty object", b"{}".to_vec(), IA),
        (
            "Metadata of the wrong type",
            br#"{"Metadata":1}"#.to_vec(),
            LODE_SERIALIZATION,
        ),
        (
            "Message without Id",
            br#"{"Metadata":{"Message":{"Name":"X","Domain":{}}}}"#.to_vec(),
            IA,
        ),
        (
            "Id of the wrong type",
            br#"{"Metadata":{"Message":{"Id":5,"Name":"X","Domain":{}}}}"#.to_vec(),
            LODE_SERIALIZATION,
        ),
        ("empty message", Vec::new(), LODE_SERIALIZATION),
        (
            "negative event version",
            good.clone().replace_version(-1),
            IA,
        ),
        (
            "overflowing event version",
            good.clone().replace_version_str("99999999999999999999999"),
            LODE_SERIALIZATION,
        ),
        (
            // A number written as a string ("3") is read as the number (wire-format.md);
            // a string that holds no integer is refused.
            "SequenceNumber string that is no number",
            event_json("x", "T", "c", None, "").replace_context_seq("\"three\""),
            IA,
        ),
        ("over the message limit", big, IA),
        (
            "over-long id",
            event_json(
                &"i".repeat(LODE_MAX_KEY_FIELD_BYTES + 1),
                "T",
                "c",
                None,
                "",
            ),
            IA,
        ),
    ];
    for (what, body, code) in &bodies {
        // Alone, and as the 2nd message of a batch whose 1st is good: nothing of it is written.
        let one = [b(body)];
        let two = [b(&good), b(body)];
        v = -7;
        expect!(*code, *what, |e| lode_store_append(
            s,
            one.as_ptr(),
            1,
            &mut v,
            e
        ));
        expect!(*code, format!("{what} (2nd of a batch)"), |e| {
            lode_store_append(s, two.as_ptr(), 2, &mut v, e)
        });
        assert_eq!(v, -7, "{what}: out_version written");
        unchanged(&f, what);
    }
    expect!(IA, "NULL messages, count 3", |e| lode_store_append(
        s,
        null(),
        3,
        &mut v,
        e
    ));
    let null_item = [
        b(&good),
        LodeBytes {
            ptr: null(),
            len: 10,
        },
    ];
    expect!(IA, "NULL message pointer with length", |e| {
        lode_store_append(s, null_item.as_ptr(), 2, &mut v, e)
    });
    expect!(IA, "count over the batch limit", |e| lode_store_append(
        s,
        gm.as_ptr(),
        LODE_MAX_BATCH_MESSAGES + 1,
        &mut v,
        e
    ));
    expect!(IA, "count usize::MAX", |e| lode_store_append(
        s,
        gm.as_ptr(),
        usize::MAX,
        &mut v,
        e
    ));
    expect!(LODE_OK, "empty batch", |e| lode_store_append(
        s,
        null(),
        0,
        &mut v,
        e
    ));
    assert_eq!(v, 2, "an empty batch gives the current version");
    let stale = event_json("stale", "T", "c", Some(1), "");
    let st = [b(&stale)];
    expect!(LODE_VERSION_MISMATCH, "stale SequenceNumber", |e| {
        lode_store_append(s, st.as_ptr(), 1, &mut v, e)
    });
    let neg = event_json("neg", "T", "c", Some(-5), "");
    let ng = [b(&neg)];
    expect!(LODE_VERSION_MISMATCH, "negative SequenceNumber", |e| {
        lode_store_append(s, ng.as_ptr(), 1, &mut v, e)
    });
    let dup = [b(&good), b(&good)];
    expect!(LODE_DUPLICATE_IDEMPOTENCY_ID, "same id twice", |e| {
        lode_store_append(s, dup.as_ptr(), 2, &mut v, e)
    });
    unchanged(&f, "append");

    // -- append_with_command ------------------------------------------------------------------
    let long_cmd = vec![b'c'; LODE_MAX_KEY_FIELD_BYTES + 1];
    for (what, ptr, len) in [
        ("NULL command id with length", null(), 4usize),
        ("empty command id", null(), 0),
        (
            "invalid UTF-8 command id",
            bad_utf8.as_ptr(),
            bad_utf8.len(),
        ),
        ("over-long command id", long_cmd.as_ptr(), long_cmd.len()),
        ("huge command id", huge.as_ptr(), huge.len()),
    ] {
        expect!(IA, what, |e| lode_store_append_with_command(
            s,
            gm.as_ptr(),
            1,
            ptr,
            len,
            null(),
            0,
            null(),
            0,
            &mut v,
            e
        ));
    }
    expect!(IA, "invalid UTF-8 command type", |e| {
        lode_store_append_with_command(
            s,
            gm.as_ptr(),
            1,
            b"k".as_ptr(),
            1,
            bad_utf8.as_ptr(),
            bad_utf8.len(),
            null(),
            0,
            &mut v,
            e,
        )
    });
    expect!(IA, "NULL actor with length", |e| {
        lode_store_append_with_command(
            s,
            gm.as_ptr(),
            1,
            b"k".as_ptr(),
            1,
            null(),
            0,
            null(),
            2,
            &mut v,
            e,
        )
    });
    let mut processed = true;
    expect!(LODE_OK, "command_processed", |e| {
        lode_provider_command_processed(p, b"k".as_ptr(), 1, &mut processed, e)
    });
    assert!(!processed, "a refused append recorded its command");
    unchanged(&f, "append_with_command");

    // -- reads -----------------------------------------------------------------------------------
    let mut buf: *mut LodeBuffer = std::ptr::dangling_mut::<LodeBuffer>();
    expect!(IA, "read NULL out", |e| lode_store_read(
        s,
        true,
        null_mut(),
        e
    ));
    expect!(IA, "read_to negative", |e| lode_store_read_to(
        s, -1, true, &mut buf, e
    ));
    assert!(buf.is_null(), "a failed read leaves *out_buffer NULL");
    expect!(IA, "read_to i64::MIN", |e| lode_store_read_to(
        s,
        i64::MIN,
        false,
        &mut buf,
        e
    ));
    expect!(LODE_STREAM_VERSION_NOT_FOUND, "read_to past the end", |e| {
        lode_store_read_to(s, 3, true, &mut buf, e)
    });
    expect!(LODE_STREAM_VERSION_NOT_FOUND, "read_to i64::MAX", |e| {
        lode_store_read_to(s, i64::MAX, true, &mut buf, e)
    });
    expect!(IA, "read_to NULL out", |e| lode_store_read_to(
        s,
        1,
        true,
        null_mut(),
        e
    ));
    expect!(IA, "slice first 0", |e| lode_store_slice(
        s, 0, 5, &mut buf, e
    ));
    expect!(IA, "slice first negative", |e| lode_store_slice(
        s, -3, 5, &mut buf, e
    ));
    expect!(IA, "slice i64::MIN", |e| lode_store_slice(
        s,
        i64::MIN,
        i64::MIN,
        &mut buf,
        e
    ));
    expect!(IA, "slice NULL out", |e| lode_store_slice(
        s,
        1,
        2,
        null_mut(),
        e
    ));
    for (first, last, count) in [
        (1i64, i64::MAX, 2usize),
        (2, -1, 0),
        (5, 10, 0),
        (i64::MAX, i64::MAX, 0),
    ] {
        expect!(LODE_OK, format!("slice {first}..{last}"), |e| {
            lode_store_slice(s, first, last, &mut buf, e)
        });
        assert_eq!(lode_buffer_count(buf), count, "slice {first}..{last}");
        lode_buffer_free(buf);
    }
    expect!(IA, "version NULL out", |e| lode_store_version(
        s,
        null_mut(),
        e
    ));
    expect!(IA, "last_snapshot_version NULL out", |e| {
        lode_store_last_snapshot_version(s, null_mut(), e)
    });
    expect!(IA, "snapshot_versions NULL out", |e| {
        lode_store_snapshot_versions(s, null_mut(), e)
    });

    // -- snapshots -----------------------------------------------------------------------------
    let snap = snapshot_json("bad");
    expect!(IA, "snapshot negative version", |e| lode_store_snapshot(
        s,
        -1,
        snap.as_ptr(),
        snap.len(),
        e
    ));
    expect!(LODE_STREAM_VERSION_NOT_FOUND, "snapshot version 0", |e| {
        lode_store_snapshot(s, 0, snap.as_ptr(), snap.len(), e)
    });
    expect!(
        LODE_STREAM_VERSION_NOT_FOUND,
        "snapshot past the end",
        |e| lode_store_snapshot(s, i64::MAX, snap.as_ptr(), snap.len(), e)
    );
    expect!(IA, "snapshot NULL message with length", |e| {
        lode_store_snapshot(s, 1, null(), 10, e)
    });
    expect!(LODE_SERIALIZATION, "snapshot empty message", |e| {
        lode_store_snapshot(s, 1, null(), 0, e)
    });
    expect!(LODE_SERIALIZATION, "snapshot non-JSON", |e| {
        lode_store_snapshot(s, 1, b"nope".as_ptr(), 4, e)
    });
    expect!(LODE_SERIALIZATION, "snapshot invalid UTF-8", |e| {
        lode_store_snapshot(s, 1, bad_utf8.as_ptr(), bad_utf8.len(), e)
    });
    expect!(LODE_SERIALIZATION, "snapshot JSON array", |e| {
        lode_store_snapshot(s, 1, b"[]".as_ptr(), 2, e)
    });
    expect!(
        IA,
        "clear_snapshot negative",
        |e| lode_store_clear_snapshot(s, -1, e)
    );
    expect!(
        LODE_SNAPSHOT_VERSION_NOT_FOUND,
        "clear_snapshot absent",
        |e| lode_store_clear_snapshot(s, 2, e)
    );
    expect!(IA, "snapshot_all NULL callback", |e| {
        lode_store_snapshot_all(s, 1, None, null_mut(), e)
    });
    expect!(IA, "snapshot_all chunk 0", |e| lode_store_snapshot_all(
        s,
        0,
        Some(snap_cb),
        null_mut(),
        e
    ));
    expect!(IA, "snapshot_all chunk -1", |e| lode_store_snapshot_all(
        s,
        -1,
        Some(snap_cb),
        null_mut(),
        e
    ));
    expect!(IA, "snapshot_all chunk i64::MIN", |e| {
        lode_store_snapshot_all(s, i64::MIN, Some(snap_cb), null_mut(), e)
    });
    expect!(IA, "snapshot_all failing callback", |e| {
        lode_store_snapshot_all(s, 2, Some(failing_cb), null_mut(), e)
    });
    unchanged(&f, "snapshots");

    // -- provider queries ------------------------------------------------------------------------
    expect!(IA, "read_log negative from", |e| lode_provider_read_log(
        p, -1, 10, &mut buf, e
    ));
    expect!(IA, "read_log negative max", |e| lode_provider_read_log(
        p, 0, -1, &mut buf, e
    ));
    expect!(IA, "read_log i64::MIN max", |e| lode_provider_read_log(
        p,
        0,
        i64::MIN,
        &mut buf,
        e
    ));
    expect!(IA, "read_log NULL out", |e| lode_provider_read_log(
        p,
        0,
        10,
        null_mut(),
        e
    ));
    expect!(IA, "read_log NULL provider", |e| lode_provider_read_log(
        null_mut(),
        0,
        10,
        &mut buf,
        e
    ));
    expect!(IA, "by_type NULL type with length", |e| {
        lode_provider_events_by_type(p, null(), 3, -1, 0, 10, &mut buf, e)
    });
    expect!(IA, "by_type invalid UTF-8", |e| {
        lode_provider_events_by_type(p, bad_utf8.as_ptr(), bad_utf8.len(), -1, 0, 10, &mut buf, e)
    });
    expect!(IA, "by_type version -2", |e| lode_provider_events_by_type(
        p,
        b"T".as_ptr(),
        1,
        -2,
        0,
        10,
        &mut buf,
        e
    ));
    expect!(
        IA,
        "by_type version 2^40",
        |e| lode_provider_events_by_type(p, b"T".as_ptr(), 1, 1 << 40, 0, 10, &mut buf, e)
    );
    expect!(IA, "by_type negative from", |e| {
        lode_provider_events_by_type(p, b"T".as_ptr(), 1, -1, -9, 10, &mut buf, e)
    });
    expect!(
        IA,
        "by_time negative max",
        |e| lode_provider_events_by_time(p, 0, 10, -5, &mut buf, e)
    );
    expect!(LODE_OK, "by_time reversed range", |e| {
        lode_provider_events_by_time(p, i64::MAX, i64::MIN, 10, &mut buf, e)
    });
    assert_eq!(lode_buffer_count(buf), 0);
    lode_buffer_free(buf);
    expect!(IA, "by_correlation NULL with length", |e| {
        lode_provider_events_by_correlation(p, null(), 1, 0, 10, &mut buf, e)
    });
    expect!(IA, "by_correlation invalid UTF-8", |e| {
        lode_provider_events_by_correlation(
            p,
            bad_utf8.as_ptr(),
            bad_utf8.len(),
            0,
            10,
            &mut buf,
            e,
        )
    });
    expect!(IA, "since negative version", |e| {
        lode_provider_stream_events_since(
            p,
            null(),
            0,
            b"Acct".as_ptr(),
            4,
            b"1".as_ptr(),
            1,
            -1,
            10,
            &mut buf,
            e,
        )
    });
    expect!(IA, "command_processed NULL out", |e| {
        lode_provider_command_processed(p, b"k".as_ptr(), 1, null_mut(), e)
    });
    expect!(IA, "command_processed invalid UTF-8", |e| {
        lode_provider_command_processed(p, bad_utf8.as_ptr(), bad_utf8.len(), &mut processed, e)
    });
    expect!(
        LODE_IDEMPOTENCY_ID_NOT_FOUND,
        "command_record unknown",
        |e| lode_provider_command_record(p, b"nope".as_ptr(), 4, &mut buf, e)
    );
    expect!(IA, "command_record NULL out", |e| {
        lode_provider_command_record(p, b"nope".as_ptr(), 4, null_mut(), e)
    });
    unchanged(&f, "queries");

    // -- error and buffer accessors with NULL ------------------------------------------------------
    assert_eq!(lode_error_code(null()), IA);
    // SAFETY: the accessors return static strings for NULL.
    unsafe {
        assert_eq!(CStr::from_ptr(lode_error_message(null())).to_bytes(), b"");
        assert_eq!(CStr::from_ptr(lode_error_details(null())).to_bytes(), b"{}");
        assert_eq!(
            CStr::from_ptr(lode_status_name(-3)).to_bytes(),
            b"LODE_UNKNOWN"
        );
        assert_eq!(
            CStr::from_ptr(lode_status_name(i32::MAX)).to_bytes(),
            b"LODE_UNKNOWN"
        );
    }
    lode_error_free(null_mut());
    lode_buffer_free(null_mut());
    assert!(lode_buffer_data(null()).is_null());
    assert_eq!(lode_buffer_len(null()), 0);
    assert_eq!(lode_buffer_count(null()), 0);
    assert_eq!(lode_buffer_write(null_mut(), b"x".as_ptr(), 1), IA);

    // -- still usable ------------------------------------------------------------------------------
    let next = event_json("after", "T", "c", Some(3), "");
    let nx = [b(&next)];
    expect!(LODE_OK, "append after all that", |e| lode_store_append(
        s,
        nx.as_ptr(),
        1,
        &mut v,
        e
    ));
    assert_eq!(v, 3);
    expect!(LODE_OK, "read", |e| lode_store_read(s, false, &mut buf, e));
    assert_eq!(lode_buffer_count(buf), 3);
    lode_buffer_free(buf);
    expect!(LODE_OK, "free store", |e| lode_store_free(s, e));
    expect!(LODE_OK, "close provider", |e| lode_provider_close(p, e));
}

/// Small text edits on test messages.
trait Edit {
    fn replace_version(self, v: i64) -> Vec<u8>;
    fn replace_version_str(self, v: &str) -> Vec<u8>;
    fn replace_context_seq(self, v: &str) -> Vec<u8>;
}

impl Edit for Vec<u8> {
    fn replace_version(self, v: i64) -> Vec<u8> {
        self.replace_version_str(&v.to_string())
    }
    fn replace_version_str(self, v: &str) -> Vec<u8> {
        String::from_utf8(self)
            .unwrap()
            .replace("\"Version\":1", &format!("\"Version\":{v}"))
            .into_bytes()
    }
    fn replace_context_seq(self, v: &str) -> Vec<u8> {
        String::from_utf8(self)
            .unwrap()
            .replace(
                "\"Context\":{",
                &format!("\"Context\":{{\"SequenceNumber\":{v},"),
            )
            .into_bytes()
    }
}

// ---------------------------------------------------------------------------------------------

#[test]
fn r_bad_2_panics_never_cross_the_boundary_from_any_thread() {
    let handles: Vec<_> = (0..8)
        .map(|t| {
            std::thread::spawn(move || {
                for i in 0..50 {
                    let mut err = null_mut();
                    let status = guard(&mut err, || panic!("injected panic {t}/{i}"));
                    assert_eq!(status, LODE_INTERNAL);
                    // SAFETY: err was made by guard.
                    let msg = unsafe { CStr::from_ptr(lode_error_message(err)) }
                        .to_str()
                        .unwrap()
                        .to_string();
                    assert!(msg.contains(&format!("injected panic {t}/{i}")), "{msg}");
                    lode_error_free(err);
                    // A non-text payload and a NULL err.
                    assert_eq!(
                        guard(null_mut(), || std::panic::panic_any(42u8)),
                        LODE_INTERNAL
                    );
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("no panic escapes guard");
    }
    // The library works normally afterwards, through both surfaces.
    let f = open_fixture();
    assert_eq!(version(&f), 2);
    let dir = tempfile::tempdir().unwrap();
    let p = EventStoreProvider::open_default(dir.path()).unwrap();
    let s = p.open_store("A", "1").unwrap();
    assert_eq!(s.add(&[event_json("x", "T", "c", None, "")]).unwrap(), 1);
    expect!(LODE_OK, "free", |e| lode_store_free(f.store, e));
    expect!(LODE_OK, "close", |e| lode_provider_close(f.provider, e));
}

// ---------------------------------------------------------------------------------------------

fn find_all(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

/// Damages every copy of `marker` in the copy's data.mdb at `offset` within the marker (LMDB
/// may keep older copies of a page; the live one is among them).
fn damage(dir: &Path, marker: &[u8], offset: usize) {
    let file = dir.join("data.mdb");
    let mut bytes = std::fs::read(&file).unwrap();
    let hits = find_all(&bytes, marker);
    assert!(!hits.is_empty(), "marker not found in data.mdb");
    for h in hits {
        bytes[h + offset] ^= 0x01;
    }
    std::fs::write(&file, bytes).unwrap();
}

/// R-BAD-3, and B-RD-6 for stored records: a record that cannot be decoded is a serialization
/// error naming the store id and version; corrupt data is never returned.
#[test]
fn r_bad_3_a_damaged_record_is_a_serialization_error_never_silent() {
    let tmp = tempfile::tempdir().unwrap();
    let orig = tmp.path().join("orig");
    let marker = b"MARKER-8c1f0e5a-R-BAD-3";
    let snap_marker = b"SNAPMARK-44d2-R-BAD-3";
    {
        let p = EventStoreProvider::open(&orig, ProviderSettings::default()).unwrap();
        let s = p.open_store("Acct", "7").unwrap();
        s.add(&[
            event_json("e1", "T", "c", None, "\"N\":1"),
            event_json("e2", "T", "c", None, "\"N\":2"),
        ])
        .unwrap();
        let m = std::str::from_utf8(marker).unwrap();
        s.add(&[event_json(
            "e3",
            "T",
            "c",
            None,
            &format!("\"Marker\":\"{m}\""),
        )])
        .unwrap();
        s.add(&[event_json("e4", "T", "c", None, "\"N\":4")])
            .unwrap();
        let sm = std::str::from_utf8(snap_marker).unwrap();
        s.snapshot(2, &snapshot_json(sm)).unwrap();
        s.close().unwrap();
    }
    let flips = env_count("LODE_BAD3_FLIPS", 8) as usize;
    let store_id = "EventStores/Acct/7";
    for i in 0..flips {
        // Positions spread over the marker (the event's JSON text).
        let offset = (i * 7) % marker.len();
        let copy = tmp.path().join(format!("copy-event-{i}"));
        copy_dir(&orig, &copy);
        damage(&copy, marker, offset);
        let p = EventStoreProvider::open(&copy, ProviderSettings::default()).unwrap();
        let s = p.open_store("Acct", "7").unwrap();
        let check = |what: &str, r: lode::Result<lode::Messages>| match r {
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::Serialization, "{what}: {e}");
                let text = e.to_string();
                assert!(
                    text.contains(store_id) && text.contains("version 3"),
                    "{what}: {text}"
                );
            }
            Ok(m) => panic!(
                "{what}: damaged data returned silently ({} messages)",
                m.len()
            ),
        };
        check("get", s.get(false));
        check("get with snapshot", s.get(true));
        check("get_to 3", s.get_to(3, false));
        check("slice 3..3", s.get_slice(3, 3));
        // What does not touch the damaged record still reads.
        assert_eq!(s.get_slice(1, 2).unwrap().len(), 2);
        assert_eq!(s.get_slice(4, 4).unwrap().len(), 1);
        assert_eq!(s.version().unwrap(), 4);
        // The log and the queries see it too.
        let e = p.read_log(1, 100).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Serialization, "{e}");
        assert!(e.to_string().contains("version 3"), "{e}");
        let e = p
            .stream_events_since(None, "Acct", "7", 0, 100)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Serialization, "{e}");
    }
    // A damaged snapshot record.
    let copy = tmp.path().join("copy-snapshot");
    copy_dir(&orig, &copy);
    damage(&copy, snap_marker, 3);
    let p = EventStoreProvider::open(&copy, ProviderSettings::default()).unwrap();
    let s = p.open_store("Acct", "7").unwrap();
    match s.get(true) {
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::Serialization, "{e}");
            let text = e.to_string();
            assert!(
                text.contains(store_id) && text.contains("version 2"),
                "{text}"
            );
        }
        Ok(m) => panic!(
            "a damaged snapshot was returned silently ({} messages)",
            m.len()
        ),
    }
    assert_eq!(
        s.get(false).unwrap().len(),
        4,
        "events without the snapshot still read"
    );
    // The original is untouched.
    let p = EventStoreProvider::open(&orig, ProviderSettings::default()).unwrap();
    let s = p.open_store("Acct", "7").unwrap();
    assert_eq!(s.get(true).unwrap().len(), 3);
}
