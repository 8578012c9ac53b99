//! The `lode` command, run as a real child process on real store directories: each command's
//! output and exit status (0 done, 1 problems found, 2 wrong command line, 3 the call failed).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use lode::{create_message, EventStoreProvider, NewMessage, ProviderSettings};
use serde_json::Value;

fn lode_command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lode"))
}

fn run(args: &[&str]) -> Output {
    lode_command().args(args).output().expect("run lode")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("lode exited by a signal")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn event(name: &str, id: &str, n: u64) -> Vec<u8> {
    create_message(&NewMessage::new(
        name,
        "Acct",
        id,
        serde_json::json!({ "N": n }),
    ))
}

/// A store of `n` events of type `Deposited` in stream `Acct/1`, left open (in use).
fn store_with(dir: &Path, n: u64) -> EventStoreProvider {
    let p = EventStoreProvider::open(dir, ProviderSettings::default()).unwrap();
    let s = p.open_store("Acct", "1").unwrap();
    let events: Vec<Vec<u8>> = (1..=n).map(|k| event("Deposited", "1", k)).collect();
    s.add(&events).unwrap();
    s.close().unwrap();
    p
}

#[test]
fn k_bak_verify_backup_check_backup_and_info_on_a_store_in_use() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    let _in_use = store_with(&src, 30);

    let o = run(&["verify", s(&src)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("30 events"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("every invariant holds"),
        "{}",
        stdout(&o)
    );
    let o = run(&["verify", s(&src), "--json"]);
    assert_eq!(
        (json(&o)["ok"].clone(), json(&o)["events"].clone()),
        (true.into(), 30.into())
    );

    let dest = tmp.path().join("backup-1");
    let o = run(&["backup", s(&src), s(&dest), "--verify", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let info = json(&o);
    assert_eq!(info["position"], 30);
    assert_eq!(info["verified"], true);
    assert!(
        stderr(&o).contains("100.0 %"),
        "progress on stderr: {}",
        stderr(&o)
    );
    let o = run(&["check-backup", s(&src), s(&dest)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("they agree"), "{}", stdout(&o));
    let o = run(&["info", s(&dest), "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(json(&o)["position"], 30);
    assert_eq!(json(&o)["backup"]["position"], 30);
    // The backend's own figure for the data file (this test may know its name).
    let data_file = std::fs::metadata(dest.join("data.mdb")).unwrap().len();
    assert_eq!(json(&o)["data_bytes"], data_file);

    // K-BAK-3: never into an existing store; nothing made where no store is.
    let o = run(&["backup", s(&src), s(&dest), "--quiet"]);
    assert_eq!(code(&o), 3);
    assert!(stderr(&o).contains("never overwrites"), "{}", stderr(&o));
    let nowhere = tmp.path().join("no-store-here");
    let o = run(&["backup", s(&nowhere), s(&tmp.path().join("b2"))]);
    assert_eq!(code(&o), 3);
    assert!(stderr(&o).contains("holds no store"), "{}", stderr(&o));
    assert!(
        !nowhere.exists(),
        "a mistyped source must not become an empty store"
    );
    let o = run(&["verify", s(&nowhere)]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
}

/// The table layout of docs/storage-layout.md (format 5): an event's record is the end of its
/// `log` value (`u16 n ‖ log entry ‖ record`), whose entry starts with `stream ‖ version`.
fn flip_a_byte_of_event(dir: &Path, stream: u64, version: u64) {
    use lmdb::{Cursor, Transaction};
    let env = lmdb::Environment::new()
        .set_max_dbs(32)
        .set_map_size(1 << 30)
        .open(dir)
        .unwrap();
    let log = env.open_db(Some("log")).unwrap();
    let mut txn = env.begin_rw_txn().unwrap();
    let (key, mut v) = {
        let mut c = txn.open_ro_cursor(log).unwrap();
        let named = [stream.to_be_bytes(), version.to_be_bytes()].concat();
        c.iter_start()
            .map(|r| r.unwrap())
            .find(|(_, v)| v[2..18] == named[..])
            .map(|(k, v)| (k.to_vec(), v.to_vec()))
            .expect("the log holds the event")
    };
    let at = v.len() - 10;
    v[at] ^= 1;
    txn.put(log, &key, &v, lmdb::WriteFlags::empty()).unwrap();
    txn.commit().unwrap();
}

#[test]
fn k_bak_6_verify_names_the_damage_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    drop(store_with(&dir, 5));
    flip_a_byte_of_event(&dir, 1, 3);
    let o = run(&["verify", s(&dir)]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("EventStores/Acct/1") && stdout(&o).contains("version 3"),
        "{}",
        stdout(&o)
    );
    let report = json(&run(&["verify", s(&dir), "--json"]));
    assert_eq!(report["ok"], false);
    assert_eq!(report["problems"][0]["version"], 3);
}

/// Reads `count` lines of JSON records from a running `lode tail`.
fn positions_of(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    count: usize,
) -> Vec<u64> {
    (0..count)
        .map(|_| {
            let line = lines.next().expect("a line from lode tail").unwrap();
            let r: Value = serde_json::from_str(&line).unwrap();
            r["Position"].as_u64().unwrap()
        })
        .collect()
}

#[test]
fn s_sub_2_tail_prints_the_history_then_live_events_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let p = store_with(&dir, 10);
    // Under `timeout` so a tail that never delivers fails the test (its output ends) instead
    // of hanging it; not a measure of speed.
    let mut child = Command::new("timeout")
        .arg("300")
        .arg(env!("CARGO_BIN_EXE_lode"))
        .args(["tail", s(&dir), "--type", "Deposited@1", "--limit", "15"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert_eq!(positions_of(&mut lines, 10), (1..=10).collect::<Vec<_>>());
    // Live: another type between them is filtered out (S-SUB-3).
    let store = p.open_store("Acct", "1").unwrap();
    for k in 11..=15 {
        store.add(&[event("Deposited", "1", k)]).unwrap();
        store.add(&[event("Withdrawn", "1", k)]).unwrap();
    }
    store.close().unwrap();
    assert_eq!(positions_of(&mut lines, 5), vec![11, 13, 15, 17, 19]);
    let status = child.wait().unwrap();
    assert!(status.success(), "lode tail ends after --limit: {status}");
    assert!(lines.next().is_none());
}

#[test]
fn s_sub_3_tail_from_a_position_of_one_stream_ends_when_idle() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let p = store_with(&dir, 4);
    let other = p.open_store("Acct", "2").unwrap();
    other.add(&[event("Deposited", "2", 1)]).unwrap();
    other.close().unwrap();
    let one = p.open_store("Acct", "1").unwrap();
    one.add(&[event("Deposited", "1", 5)]).unwrap();
    one.close().unwrap();
    let o = run(&[
        "tail",
        s(&dir),
        "--from",
        "2",
        "--stream",
        "EventStores/Acct/1",
        "--idle",
        "200",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let records: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(u64, u64)> = records
        .iter()
        .map(|r| {
            (
                r["Position"].as_u64().unwrap(),
                r["AggregateVersion"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, vec![(3, 3), (4, 4), (6, 5)]);
    assert!(records.iter().all(|r| r["AggregateId"] == "1"));
    assert!(
        records[0]["Message"]["Metadata"].is_object(),
        "the message itself"
    );
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/format1.tar.gz")
}

#[test]
fn upgrade_of_a_format_1_store_and_the_error_that_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("old");
    std::fs::create_dir(&dir).unwrap();
    let tar = Command::new("tar")
        .arg("-xzf")
        .arg(fixture())
        .arg("-C")
        .arg(&dir)
        .status()
        .unwrap();
    assert!(tar.success());
    let o = run(&["info", s(&dir)]);
    assert_eq!(code(&o), 3, "{}", stdout(&o));
    assert!(stderr(&o).contains("upgrade"), "{}", stderr(&o));
    let o = run(&["upgrade", s(&dir)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!(
            "from on-disk format 1 to {}",
            lode::FORMAT_VERSION
        )),
        "{}",
        stdout(&o)
    );
    let o = run(&["upgrade", s(&dir)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("nothing to do"), "{}", stdout(&o));
    let o = run(&["verify", s(&dir)]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("20001 events"), "{}", stdout(&o));
}

#[test]
fn a_wrong_command_line_exits_2_with_the_usage() {
    for args in [
        &["frobnicate"][..],
        &["verify"][..],
        &["verify", "a", "b"][..],
        &["verify", "a", "--colour"][..],
        &["tail", "a", "--limit", "many"][..],
        &["tail", "a", "--limit"][..],
        &["tail", "a", "--from", "3", "--from-now"][..],
        &["tail", "a", "--stream", "only/two"][..],
        &["tail", "a", "--type", "T@x"][..],
        &["backup", "a"][..],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("usage: lode"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let o = run(&["--help"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("check-backup DIR DEST"));
    let o = run(&["--version"]);
    assert_eq!(stdout(&o).trim(), format!("lode {}", lode::VERSION));
}
