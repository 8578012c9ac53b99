//! Security (reliability.md R-SEC-1, R-SEC-2, R-SEC-3).
//!
//! No environment variables; everything here is deterministic and small (R-SEC-3 builds a few
//! large batches in memory, about 70 MiB at most).
//!
//! Run: `CARGO_TARGET_DIR=target/rel cargo test --test reliability_security`

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::*;
use lode::{limits, ErrorKind, EventStoreProvider, ProviderSettings};

/// Every path under `root`, relative, sorted.
fn tree(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            out.push(p.strip_prefix(root).unwrap().display().to_string());
            if e.file_type().unwrap().is_dir() {
                stack.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn r_sec_1_names_are_data_never_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("root");
    let dir = root.join("a").join("b").join("store");
    let p = EventStoreProvider::open(&dir, ProviderSettings::default()).unwrap();
    let names = [
        "../../etc",
        "..",
        ".",
        "/abs",
        "/etc/passwd",
        "a/b",
        "a\\b",
        "..\\..\\x",
        "~",
        "$HOME",
        "data.mdb",
        "lock.mdb",
        "ünïcødé-名前-🦀",
        "\u{202e}rtl",
        " ",
        "%2e%2e%2f",
    ];
    let mut n = 0;
    for name in names {
        for (db, nm, id) in [
            (None, name, "1"),
            (None, "Acct", name),
            (Some(name), "Acct", "1"),
        ] {
            n += 1;
            let s = p
                .open_store_with(db, nm, id, None, None)
                .unwrap_or_else(|e| panic!("{name:?} is a valid name: {e}"));
            s.add(&[event_json(&format!("e{n}"), "T", "c", None, "")])
                .unwrap();
            assert_eq!(s.get(false).unwrap().len(), 1, "{name:?} reads back");
            s.snapshot(1, &snapshot_json("x")).unwrap();
            s.close().unwrap();
        }
        // Also where names are given without a session.
        assert_eq!(
            p.stream_events_since(None, name, "1", 0, 10).unwrap().len(),
            1
        );
    }
    for bad in ["a\0b", "\0", "../\0/etc"] {
        for (db, nm, id) in [
            (None, bad, "1"),
            (None, "Acct", bad),
            (Some(bad), "Acct", "1"),
        ] {
            let e = p.open_store_with(db, nm, id, None, None).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{bad:?}: {e}");
        }
        let e = p.store(None, bad, "1").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    }
    // A default database that looks like a path is data too.
    let p2 = EventStoreProvider::open(
        &dir,
        ProviderSettings {
            default_database: "../../../escape".into(),
            ..ProviderSettings::default()
        },
    )
    .unwrap();
    let s = p2.open_store("Acct", "x").unwrap();
    s.add(&[event_json("d1", "T", "c", None, "")]).unwrap();
    drop(s);
    drop(p2);
    drop(p);
    // Nothing outside the provider directory, and only LMDB's two files in it.
    assert_eq!(
        tree(tmp.path()),
        vec![
            "root",
            "root/a",
            "root/a/b",
            "root/a/b/store",
            "root/a/b/store/data.mdb",
            "root/a/b/store/lock.mdb"
        ]
    );
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn r_sec_2_owner_only_permissions_by_default_and_configurable() {
    let tmp = tempfile::tempdir().unwrap();
    let umask = umask();
    let dir = tmp.path().join("default").join("nested");
    {
        let p = EventStoreProvider::open(&dir, ProviderSettings::default()).unwrap();
        p.open_store("A", "1")
            .unwrap()
            .add(&[event_json("e", "T", "c", None, "")])
            .unwrap();
    }
    assert_eq!(mode(&dir), 0o700 & !umask, "directory");
    assert_eq!(mode(&dir.join("data.mdb")), 0o600 & !umask, "data.mdb");
    assert_eq!(mode(&dir.join("lock.mdb")), 0o600 & !umask, "lock.mdb");
    // Defaults are never wider than owner-only, whatever the umask.
    assert_eq!(mode(&dir) & 0o077, 0);
    assert_eq!(mode(&dir.join("data.mdb")) & 0o077, 0);

    let dir = tmp.path().join("configured");
    let settings = ProviderSettings {
        file_mode: 0o640,
        directory_mode: 0o750,
        ..ProviderSettings::default()
    };
    {
        let p = EventStoreProvider::open(&dir, settings).unwrap();
        p.open_store("A", "1")
            .unwrap()
            .add(&[event_json("e", "T", "c", None, "")])
            .unwrap();
    }
    assert_eq!(mode(&dir), 0o750 & !umask, "configured directory");
    assert_eq!(
        mode(&dir.join("data.mdb")),
        0o640 & !umask,
        "configured data.mdb"
    );
    assert_eq!(
        mode(&dir.join("lock.mdb")),
        0o640 & !umask,
        "configured lock.mdb"
    );
}

#[test]
fn r_sec_3_sizes_past_the_limits_fail_cleanly_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let p = EventStoreProvider::open(tmp.path().join("s"), ProviderSettings::default()).unwrap();
    let s = p.open_store("Acct", "1").unwrap();
    s.add(&[event_json("first", "T", "c", None, "")]).unwrap();
    let nothing_written = |what: &str| {
        assert_eq!(s.version().unwrap(), 1, "{what}: version changed");
        assert_eq!(p.read_log(1, 100).unwrap().len(), 1, "{what}: log changed");
        assert!(
            s.snapshot_versions().unwrap().is_empty(),
            "{what}: snapshot written"
        );
    };
    let invalid = |what: &str, r: lode::Result<u64>| match r {
        Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{what}: {e}"),
        Ok(v) => panic!("{what}: accepted (version {v})"),
    };

    // One message over MAX_MESSAGE_BYTES (alone, and after a good message).
    let mut big = event_json("big", "T", "c", None, "\"Pad\":\"\"");
    let at = big.len() - 4;
    big.splice(at..at, std::iter::repeat_n(b'p', limits::MAX_MESSAGE_BYTES));
    assert!(big.len() > limits::MAX_MESSAGE_BYTES);
    invalid("message over the limit", s.add(&[big.as_slice()]));
    let good = event_json("g", "T", "c", None, "");
    invalid(
        "message over the limit, 2nd",
        s.add(&[good.as_slice(), big.as_slice()]),
    );
    let e = s.snapshot(1, &big).unwrap_err();
    assert_eq!(
        e.kind(),
        ErrorKind::InvalidArgument,
        "snapshot over the limit: {e}"
    );
    nothing_written("message");

    // A batch over MAX_BATCH_MESSAGES (the same small message referenced many times).
    let many: Vec<&[u8]> = vec![good.as_slice(); limits::MAX_BATCH_MESSAGES + 1];
    invalid("batch over the message count", s.add(&many));
    drop(many);
    // A batch over MAX_BATCH_BYTES, of messages each under the message limit.
    let under = &big[..limits::MAX_MESSAGE_BYTES - 1];
    let n = limits::MAX_BATCH_BYTES / under.len() + 1;
    let heavy: Vec<&[u8]> = vec![under; n];
    invalid("batch over the byte limit", s.add(&heavy));
    drop(heavy);
    nothing_written("batch");

    // Key fields over MAX_KEY_FIELD_BYTES.
    let long_key = "k".repeat(limits::MAX_KEY_FIELD_BYTES + 1);
    invalid(
        "message id over the limit",
        s.add(&[event_json(&long_key, "T", "c", None, "")]),
    );
    invalid(
        "event type over the limit",
        s.add(&[event_json("t", &long_key, "c", None, "")]),
    );
    invalid(
        "command id over the limit",
        s.add_with_command(&[good.as_slice()], &lode::Command::new(long_key.clone())),
    );
    nothing_written("key fields");

    // Names over MAX_NAME_BYTES, in each part; exactly at the limit is fine.
    let long = "n".repeat(limits::MAX_NAME_BYTES + 1);
    let at_limit = "n".repeat(limits::MAX_NAME_BYTES);
    for (db, nm, id) in [
        (None, long.as_str(), "1"),
        (None, "A", long.as_str()),
        (Some(long.as_str()), "A", "1"),
    ] {
        let e = p.open_store_with(db, nm, id, None, None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
        let e = p.stream_events_since(db, nm, id, 0, 10).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    }
    let e = EventStoreProvider::open(
        tmp.path().join("s"),
        ProviderSettings {
            default_database: long.clone(),
            ..ProviderSettings::default()
        },
    )
    .err()
    .expect("an over-long default database is refused");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    nothing_written("names");
    let ok = p
        .open_store_with(Some(&at_limit), &at_limit, &at_limit, None, None)
        .expect("names at the limit are fine");
    assert_eq!(ok.add(&[event_json("x", "T", "c", None, "")]).unwrap(), 1);
    // Query limits.
    let e = p.read_log(1, limits::MAX_QUERY_RECORDS + 1).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    // How far the indexes may lag the log bounds what every query reads past them: a lag past
    // the maximum is refused before anything is created.
    let lagging = tmp.path().join("lagging");
    let e = EventStoreProvider::open(
        &lagging,
        ProviderSettings {
            index_lag: limits::MAX_INDEX_LAG + 1,
            ..ProviderSettings::default()
        },
    )
    .err()
    .expect("an index lag past the maximum is refused");
    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{e}");
    assert!(e.to_string().contains("index_lag"), "{e}");
    assert!(!lagging.exists(), "nothing was created");
}
