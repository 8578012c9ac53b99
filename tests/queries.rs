//! The global log, cross-stream queries and command idempotency (`shared/spec/queries.md`),
//! and group commit's correctness (concurrent appends sharing transactions).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use lode::{Command, Error, ErrorKind, EventStoreProvider, LogRecord, ProviderSettings, Query};
use serde_json::Value;

fn provider() -> (tempfile::TempDir, EventStoreProvider) {
    let dir = tempfile::tempdir().unwrap();
    let p = EventStoreProvider::open(dir.path().join("s"), ProviderSettings::default()).unwrap();
    (dir, p)
}

fn ev(id: &str, name: &str, version: u32, corr: &str, extra_ctx: &str) -> Vec<u8> {
    format!(
        r#"{{"Event":{{"$type":"{name}","N":"{id}"}},"Metadata":{{"Message":{{"Id":"{id}","Name":"{name}","Version":{version},"Domain":{{"Id":"1","Name":"BankAccount"}}}},"Context":{{"CorrelationId":"{corr}","UserId":"joe"{extra_ctx}}}}}}}"#
    )
    .into_bytes()
}

fn simple(id: &str) -> Vec<u8> {
    ev(id, "FundsDeposited", 1, &format!("corr-{id}"), "")
}

fn positions(r: &[LogRecord]) -> Vec<u64> {
    r.iter().map(|r| r.position).collect()
}

#[test]
fn q_log_1_positions_are_gap_free_in_commit_order_and_contiguous_per_batch() {
    let (_d, p) = provider();
    let a = p.open_store("A", "1").unwrap();
    let b = p.open_store("B", "2").unwrap();
    a.add(&[simple("a1"), simple("a2")]).unwrap();
    b.add(&[simple("b1")]).unwrap();
    a.add(&[simple("a3"), simple("a4"), simple("a5")]).unwrap();
    let log = p.read_log(0, 100).unwrap();
    assert_eq!(positions(&log), vec![1, 2, 3, 4, 5, 6]);
    let order: Vec<&str> = log.iter().map(|r| r.event_id.as_str()).collect();
    assert_eq!(order, vec!["a1", "a2", "b1", "a3", "a4", "a5"]);
    assert_eq!(log[2].aggregate_type, "B");
    assert_eq!(log[5].aggregate_version, 5);
}

#[test]
fn q_log_1_batches_stay_contiguous_under_concurrent_appenders() {
    let (_d, p) = provider();
    std::thread::scope(|s| {
        for t in 0..8 {
            let p = &p;
            s.spawn(move || {
                let st = p.open_store("Acc", &t.to_string()).unwrap();
                for b in 0..20 {
                    let size = 1 + (t + b) % 4;
                    let batch: Vec<_> = (0..size)
                        .map(|i| simple(&format!("t{t}b{b}i{i}")))
                        .collect();
                    st.add(&batch).unwrap();
                }
            });
        }
    });
    let log = p.read_log(0, 10_000).unwrap();
    assert_eq!(positions(&log), (1..=log.len() as u64).collect::<Vec<_>>());
    // Each batch's events are adjacent and in order in the log.
    let mut i = 0;
    while i < log.len() {
        let id = &log[i].event_id;
        let prefix = &id[..id.find('i').unwrap()];
        let mut j = i;
        while j < log.len()
            && log[j].event_id.starts_with(prefix)
            && log[j].event_id[prefix.len()..].starts_with('i')
        {
            assert_eq!(log[j].event_id, format!("{prefix}i{}", j - i));
            j += 1;
        }
        i = j;
    }
    // recorded_at never decreases along the log.
    assert!(log
        .windows(2)
        .all(|w| w[0].recorded_at_us <= w[1].recorded_at_us));
}

#[test]
fn q_log_2_read_from_a_position_at_most_n_with_the_envelope() {
    let (_d, p) = provider();
    let s = p
        .open_store_with(Some("tenant"), "BankAccount", "9", None, None)
        .unwrap();
    let m = ev(
        "e1",
        "FundsDeposited",
        2,
        "corr-1",
        r#","CausationId":"cmd-7","ActorType":"user","Source":"api""#,
    );
    s.add(std::slice::from_ref(&m)).unwrap();
    s.add(
        &(2..=10)
            .map(|i| simple(&format!("e{i}")))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let page = p.read_log(4, 3).unwrap();
    assert_eq!(positions(&page), vec![4, 5, 6]);
    assert!(p.read_log(11, 5).unwrap().is_empty());
    assert!(p.read_log(1, 0).unwrap().is_empty());
    let r = &p.read_log(1, 1).unwrap()[0];
    assert_eq!(r.partition, "tenant");
    assert_eq!(r.aggregate_type, "BankAccount");
    assert_eq!(r.aggregate_id, "9");
    assert_eq!(r.aggregate_version, 1);
    assert_eq!(r.event_id, "e1");
    assert_eq!(r.event_type, "FundsDeposited");
    assert_eq!(r.event_version, 2);
    assert_eq!(r.actor.as_deref(), Some("joe"));
    assert_eq!(r.actor_type.as_deref(), Some("user"));
    assert_eq!(r.source.as_deref(), Some("api"));
    assert_eq!(r.correlation_id.as_deref(), Some("corr-1"));
    assert_eq!(r.causation_id.as_deref(), Some("cmd-7"));
    let stored: Value = serde_json::from_slice(&r.message).unwrap();
    assert_eq!(stored["Event"]["N"], "e1");
    assert_eq!(stored["Metadata"]["Context"]["SequenceNumber"], 1);
    // The JSON form embeds the message as an object.
    let page = p.query(&Query::Log { from_position: 1 }, 2).unwrap();
    let json: Value = serde_json::from_slice(&page.to_json().unwrap()).unwrap();
    assert_eq!(json[0]["Message"]["Event"]["N"], "e1");
    assert_eq!(json[1]["Position"], 2);
    assert_eq!(page.next_position(), Some(3));
}

#[test]
fn q_q_1_by_type_and_version_from_a_position() {
    let (_d, p) = provider();
    let s = p.open_store("A", "1").unwrap();
    let t = p.open_store("B", "1").unwrap();
    s.add(&[
        ev("1", "Opened", 1, "c", ""),
        ev("2", "Deposited", 1, "c", ""),
    ])
    .unwrap();
    t.add(&[
        ev("3", "Deposited", 2, "c", ""),
        ev("4", "Withdrawn", 1, "c", ""),
    ])
    .unwrap();
    s.add(&[ev("5", "Deposited", 1, "c", "")]).unwrap();
    let ids = |r: Vec<LogRecord>| r.into_iter().map(|r| r.event_id).collect::<Vec<_>>();
    assert_eq!(
        ids(p.events_by_type("Deposited", None, 0, 10).unwrap()),
        vec!["2", "3", "5"]
    );
    assert_eq!(
        ids(p.events_by_type("Deposited", Some(1), 0, 10).unwrap()),
        vec!["2", "5"]
    );
    assert_eq!(
        ids(p.events_by_type("Deposited", Some(2), 0, 10).unwrap()),
        vec!["3"]
    );
    assert_eq!(
        ids(p.events_by_type("Deposited", None, 3, 10).unwrap()),
        vec!["3", "5"]
    );
    assert_eq!(
        ids(p.events_by_type("Deposited", None, 0, 2).unwrap()),
        vec!["2", "3"]
    );
    assert!(p.events_by_type("Nope", None, 0, 10).unwrap().is_empty());
    // A type that is a prefix of another is not mixed in.
    assert!(p
        .events_by_type("Deposite", None, 0, 10)
        .unwrap()
        .is_empty());
    assert_eq!(
        p.events_by_type("", None, 0, 1).unwrap_err().kind(),
        ErrorKind::InvalidArgument
    );
}

#[test]
fn q_q_2_by_recorded_at_range_half_open() {
    let (_d, p) = provider();
    let s = p.open_store("A", "1").unwrap();
    s.add(&[simple("1"), simple("2")]).unwrap();
    std::thread::sleep(Duration::from_millis(5));
    s.add(&[simple("3")]).unwrap();
    std::thread::sleep(Duration::from_millis(5));
    s.add(&[simple("4")]).unwrap();
    let log = p.read_log(0, 10).unwrap();
    let t = |i: usize| log[i].recorded_at_us;
    let ids = |r: Vec<LogRecord>| r.into_iter().map(|r| r.event_id).collect::<Vec<_>>();
    assert_eq!(
        ids(p.events_by_time(t(0), t(3) + 1, 10).unwrap()),
        vec!["1", "2", "3", "4"]
    );
    assert_eq!(
        ids(p.events_by_time(t(2), t(3), 10).unwrap()),
        vec!["3"],
        "to is exclusive"
    );
    assert_eq!(
        ids(p.events_by_time(t(0), t(3) + 1, 2).unwrap()),
        vec!["1", "2"]
    );
    assert!(p.events_by_time(t(3) + 1, i64::MAX, 10).unwrap().is_empty());
    assert!(p.events_by_time(t(3), t(0), 10).unwrap().is_empty());
    assert_eq!(p.events_by_time(i64::MIN, i64::MAX, 10).unwrap().len(), 4);
}

#[test]
fn q_q_3_by_correlation() {
    let (_d, p) = provider();
    let s = p.open_store("A", "1").unwrap();
    let t = p.open_store("B", "2").unwrap();
    s.add(&[ev("1", "X", 1, "flow-1", ""), ev("2", "X", 1, "flow-2", "")])
        .unwrap();
    t.add(&[ev("3", "Y", 1, "flow-1", "")]).unwrap();
    let ids = |r: Vec<LogRecord>| r.into_iter().map(|r| r.event_id).collect::<Vec<_>>();
    assert_eq!(
        ids(p.events_by_correlation("flow-1", 0, 10).unwrap()),
        vec!["1", "3"]
    );
    assert_eq!(
        ids(p.events_by_correlation("flow-1", 2, 10).unwrap()),
        vec!["3"]
    );
    assert!(p.events_by_correlation("flow", 0, 10).unwrap().is_empty());
}

/// Q-Q-3 with events correlated with themselves (their correlation id is their message id, the
/// Hexalith default): format 4 finds those through `message_ids`, everyone else of an id through
/// its groups, and the rest in the unindexed tail; a query merges them in position order. Here
/// `root-k` is the message id and correlation id of one event of stream A, and the correlation
/// id of later events of A and B; one other stream also holds a message id `root-k`, with
/// another correlation id. Every answer is compared with the log's, from every start, with the
/// indexes current (lag 0), lagging (32: everything in the tail), and in between (4).
#[test]
fn q_q_3_events_correlated_with_themselves_are_found_with_the_rest_of_their_id() {
    for lag in [0u32, 4, 32] {
        let dir = tempfile::tempdir().unwrap();
        let settings = ProviderSettings {
            index_lag: lag,
            ..ProviderSettings::default()
        };
        let p = EventStoreProvider::open(dir.path().join("s"), settings).unwrap();
        let a = p.open_store("A", "1").unwrap();
        let b = p.open_store("B", "2").unwrap();
        let c = p.open_store("C", "3").unwrap();
        for k in 0..5 {
            let root = format!("root-{k}");
            a.add(&[ev(&root, "Opened", 1, &root, "")]).unwrap();
            b.add(&[
                ev(&format!("b{k}-1"), "Moved", 1, &root, ""),
                ev(&format!("b{k}-2"), "Moved", 1, &format!("b{k}-2"), ""),
            ])
            .unwrap();
            a.add(&[ev(&format!("a{k}"), "Moved", 1, &root, "")])
                .unwrap();
            // The same message id in another stream, correlated elsewhere.
            c.add(&[ev(&root, "Other", 1, "elsewhere", "")]).unwrap();
        }
        let log = p.read_log(0, 1000).unwrap();
        assert_eq!(log.len(), 25);
        let mut ids: Vec<String> = log
            .iter()
            .filter_map(|r| r.correlation_id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        for id in &ids {
            for from in 0..=26 {
                let want: Vec<u64> = log
                    .iter()
                    .filter(|r| r.position >= from && r.correlation_id.as_deref() == Some(id))
                    .map(|r| r.position)
                    .collect();
                let got = positions(&p.events_by_correlation(id, from, 1000).unwrap());
                assert_eq!(got, want, "lag {lag}, '{id}' from {from}");
                // A page of one: where a subscription would resume.
                let first = positions(&p.events_by_correlation(id, from, 1).unwrap());
                assert_eq!(first, want.iter().take(1).copied().collect::<Vec<_>>());
            }
        }
        assert_eq!(
            positions(&p.events_by_correlation("root-2", 0, 100).unwrap()),
            vec![11, 12, 14],
            "lag {lag}: the root, then b2-1 and a2"
        );
        // A retry of a root is still recognised, another event with its id still refused.
        let retry = a.add(&[ev("root-1", "Opened", 1, "root-1", "")]);
        assert!(retry.is_ok(), "lag {lag}: {retry:?}");
        assert_eq!(
            a.version().unwrap(),
            10,
            "lag {lag}: the retry appended nothing"
        );
        let report = p.verify().unwrap();
        assert!(report.is_ok(), "lag {lag}: {report}");
    }
}

#[test]
fn q_q_4_stream_since_version_without_a_session() {
    let (_d, p) = provider();
    let s = p.open_store("A", "1").unwrap();
    s.add(&(1..=6).map(|i| simple(&i.to_string())).collect::<Vec<_>>())
        .unwrap();
    // s still holds the lease: the query needs none.
    let r = p.stream_events_since(None, "A", "1", 3, 100).unwrap();
    assert_eq!(
        r.iter().map(|r| r.aggregate_version).collect::<Vec<_>>(),
        vec![4, 5, 6]
    );
    assert_eq!(
        p.stream_events_since(None, "A", "1", 3, 2).unwrap().len(),
        2
    );
    assert!(p
        .stream_events_since(None, "A", "1", 6, 100)
        .unwrap()
        .is_empty());
    assert!(p
        .stream_events_since(None, "A", "unknown", 0, 100)
        .unwrap()
        .is_empty());
    assert_eq!(
        p.stream_events_since(None, "", "1", 0, 1)
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidArgument
    );
}

/// Queries cost what they return: a query reads at most one index entry more than it returns,
/// plus the log's unindexed tail (at most `index_lag` entries), however large the store; a time
/// query adds the probes of one binary search of the log. With `index_lag: 0` there is no tail.
#[test]
fn queries_visit_only_what_they_return() {
    for lag in [0, ProviderSettings::default().index_lag, 200] {
        queries_visit_only_what_they_return_with(lag);
    }
}

fn queries_visit_only_what_they_return_with(lag: u32) {
    let dir = tempfile::tempdir().unwrap();
    let settings = ProviderSettings {
        index_lag: lag,
        ..ProviderSettings::default()
    };
    let p = EventStoreProvider::open(dir.path().join("s"), settings).unwrap();
    let tail = lag as usize;
    let noise = p.open_store("Noise", "1").unwrap();
    for b in 0..20 {
        let batch: Vec<_> = (0..250).map(|i| simple(&format!("n{b}-{i}"))).collect();
        noise.add(&batch).unwrap();
    }
    let s = p.open_store("A", "1").unwrap();
    s.add(
        &(0..10)
            .map(|i| ev(&format!("r{i}"), "Rare", 1, "rare-flow", ""))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    noise.add(&[simple("after")]).unwrap();
    let cases = [
        Query::ByType {
            event_type: "Rare".into(),
            event_version: None,
            from_position: 0,
        },
        Query::ByType {
            event_type: "Rare".into(),
            event_version: Some(1),
            from_position: 0,
        },
        Query::ByCorrelation {
            correlation_id: "rare-flow".into(),
            from_position: 0,
        },
        Query::Log {
            from_position: 5001,
        },
    ];
    for q in &cases {
        let page = p.query(q, 100).unwrap();
        assert_eq!(
            page.records.len(),
            if matches!(q, Query::Log { .. }) {
                11
            } else {
                10
            }
        );
        let bound = page.records.len()
            + 1
            + if matches!(q, Query::Log { .. }) {
                0
            } else {
                tail
            };
        assert!(
            page.visited <= bound,
            "lag {lag}: {q:?} visited {}",
            page.visited
        );
    }
    let t0 = p.read_log(5001, 1).unwrap()[0].recorded_at_us;
    let page = p
        .query(
            &Query::ByTime {
                from: t0,
                to: t0 + 1,
            },
            5,
        )
        .unwrap();
    assert!(!page.records.is_empty());
    // 5,011 log entries: a binary search probes at most 13 of them.
    assert!(
        page.visited <= page.records.len() + 1 + 13,
        "lag {lag}: one binary search, then the log (visited {})",
        page.visited
    );
    let page = p
        .query(
            &Query::ByType {
                event_type: "FundsDeposited".into(),
                event_version: None,
                from_position: 0,
            },
            7,
        )
        .unwrap();
    assert_eq!(
        (page.records.len(), page.visited),
        (7, 7),
        "lag {lag}: stops at the limit"
    );
}

/// Every index entry points at a real event and every event is in every index it belongs to,
/// after mixed appends (with retries and refused batches) across many streams.
#[test]
fn indexes_agree_with_the_streams_after_mixed_appends() {
    let (_d, p) = provider();
    let types = ["Opened", "Deposited", "Withdrawn"];
    let mut expected_events = 0;
    for st in 0..12 {
        let s = p.open_store("Acc", &st.to_string()).unwrap();
        for b in 0..6 {
            let batch: Vec<_> = (0..(1 + (st + b) % 3))
                .map(|i| {
                    let id = format!("s{st}b{b}i{i}");
                    ev(
                        &id,
                        types[(st + i) % 3],
                        1 + (b % 2) as u32,
                        &format!("flow{}", b % 4),
                        "",
                    )
                })
                .collect();
            expected_events += batch.len();
            s.add(&batch).unwrap();
            assert_eq!(s.add(&batch).unwrap(), s.version().unwrap(), "retry");
            let bad = vec![
                ev(&format!("bad{st}{b}"), "Opened", 1, "flowX", ""),
                b"{".to_vec(),
            ];
            assert!(s.add(&bad).is_err());
        }
    }
    let log = p.read_log(0, 100_000).unwrap();
    assert_eq!(log.len(), expected_events);
    // Streams: gap-free, and each event in the log once.
    let mut by_stream: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for r in &log {
        by_stream
            .entry(r.aggregate_id.clone())
            .or_default()
            .push(r.aggregate_version);
    }
    for (id, versions) in &by_stream {
        assert_eq!(
            versions,
            &(1..=versions.len() as u64).collect::<Vec<_>>(),
            "stream {id}"
        );
        let since = p.stream_events_since(None, "Acc", id, 0, 1000).unwrap();
        assert_eq!(
            since
                .iter()
                .map(|r| r.position)
                .collect::<BTreeSet<_>>()
                .len(),
            versions.len()
        );
    }
    let all: BTreeSet<u64> = log.iter().map(|r| r.position).collect();
    let in_index =
        |records: Vec<LogRecord>| records.iter().map(|r| r.position).collect::<BTreeSet<_>>();
    let mut typed = BTreeSet::new();
    for t in types {
        let got = in_index(p.events_by_type(t, None, 0, 100_000).unwrap());
        let want: BTreeSet<_> = log
            .iter()
            .filter(|r| r.event_type == t)
            .map(|r| r.position)
            .collect();
        assert_eq!(got, want, "type {t}");
        for v in [1, 2] {
            let got = in_index(p.events_by_type(t, Some(v), 0, 100_000).unwrap());
            let want: BTreeSet<_> = log
                .iter()
                .filter(|r| r.event_type == t && r.event_version == v)
                .map(|r| r.position)
                .collect();
            assert_eq!(got, want, "type {t} v{v}");
        }
        typed.extend(want);
    }
    assert_eq!(typed, all);
    let mut correlated = BTreeSet::new();
    for f in 0..4 {
        let c = format!("flow{f}");
        let got = in_index(p.events_by_correlation(&c, 0, 100_000).unwrap());
        let want: BTreeSet<_> = log
            .iter()
            .filter(|r| r.correlation_id.as_deref() == Some(c.as_str()))
            .map(|r| r.position)
            .collect();
        assert_eq!(got, want);
        correlated.extend(got);
    }
    assert_eq!(correlated, all);
    assert!(
        p.events_by_correlation("flowX", 0, 10).unwrap().is_empty(),
        "refused batches left no index entry"
    );
    assert_eq!(
        in_index(p.events_by_time(i64::MIN, i64::MAX, 100_000).unwrap()),
        all
    );
}

#[test]
fn q_cmd_1_commands_are_recorded_with_their_events_and_refused_twice() {
    let (_d, p) = provider();
    let s = p.open_store("A", "1").unwrap();
    s.add(&[simple("0")]).unwrap();
    let mut cmd = Command::new("cmd-1");
    cmd.command_type = Some("Deposit".into());
    assert_eq!(
        s.add_with_command(&[simple("1"), simple("2")], &cmd)
            .unwrap(),
        3
    );
    match s.add_with_command(&[simple("3")], &cmd) {
        Err(Error::DuplicateIdempotencyId { id, .. }) => assert_eq!(id, "cmd-1"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        s.version().unwrap(),
        3,
        "nothing of the second append was written"
    );
    // A command id is unique across streams.
    let t = p.open_store("B", "1").unwrap();
    assert_eq!(
        t.add_with_command(&[simple("x")], &cmd).unwrap_err().kind(),
        ErrorKind::DuplicateIdempotencyId
    );
    assert_eq!(t.version().unwrap(), 0);
    // A failing append records no command.
    // An exact retry of stored events under a new command id writes nothing, so it cannot
    // record the command: it is refused (never reported as done while unrecorded).
    let cmd2 = Command::new("cmd-2");
    assert_eq!(
        s.add_with_command(&[simple("1")], &cmd2)
            .unwrap_err()
            .kind(),
        ErrorKind::DuplicateIdempotencyId
    );
    assert!(p.command_record("cmd-2").unwrap().is_none());
    let cmd3 = Command::new("cmd-3");
    assert_eq!(
        s.add_with_command(&[b"{".to_vec()], &cmd3)
            .unwrap_err()
            .kind(),
        ErrorKind::Serialization
    );
    assert!(p.command_record("cmd-3").unwrap().is_none());
    assert_eq!(
        s.add_with_command(&[simple("9")], &Command::new(""))
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidArgument
    );
}

#[test]
fn q_cmd_2_was_the_command_processed() {
    let (_d, p) = provider();
    let s = p.open_store_with(Some("t1"), "A", "7", None, None).unwrap();
    s.add(&[simple("0")]).unwrap();
    let cmd = Command {
        id: "cmd-9".into(),
        command_type: Some("Deposit".into()),
        actor: None,
    };
    s.add_with_command(&[simple("1"), simple("2")], &cmd)
        .unwrap();
    let r = p.get_command("cmd-9").unwrap();
    assert_eq!(r.command_id, "cmd-9");
    assert_eq!(r.command_type.as_deref(), Some("Deposit"));
    assert_eq!(
        r.actor.as_deref(),
        Some("joe"),
        "defaults to the first event's UserId"
    );
    assert_eq!(
        (
            r.partition.as_str(),
            r.aggregate_type.as_str(),
            r.aggregate_id.as_str()
        ),
        ("t1", "A", "7")
    );
    assert_eq!((r.first_version, r.last_version), (2, 3));
    let log = p.read_log(2, 1).unwrap();
    assert_eq!(r.processed_at_us, log[0].recorded_at_us);
    assert!(p.command_record("other").unwrap().is_none());
    match p.get_command("other") {
        Err(Error::IdempotencyIdNotFound { id }) => assert_eq!(id, "other"),
        other => panic!("{other:?}"),
    }
    let by = Command {
        id: "cmd-10".into(),
        command_type: None,
        actor: Some("ops".into()),
    };
    let none: [Vec<u8>; 0] = [];
    s.add_with_command(&none, &by).unwrap();
    let r = p.get_command("cmd-10").unwrap();
    assert_eq!(r.actor.as_deref(), Some("ops"));
    assert!(
        r.first_version > r.last_version,
        "a command that produced no events"
    );
}

/// Q-IMM-1: nothing changes a stored event: snapshot, lease and command operations leave the
/// log and every stream byte-for-byte as they were (the API has no update or delete of events).
#[test]
fn q_imm_1_events_are_never_updated_or_deleted() {
    let (_d, p) = provider();
    let s = p.open_store("A", "1").unwrap();
    s.add(&(1..=5).map(|i| simple(&i.to_string())).collect::<Vec<_>>())
        .unwrap();
    let before = p.read_log(0, 100).unwrap();
    let snap = br#"{"Event":{"$type":"S"},"Metadata":{}}"#;
    s.snapshot(3, snap).unwrap();
    s.snapshot(3, snap).unwrap();
    s.clear_snapshot(3).unwrap();
    s.snapshot(5, snap).unwrap();
    s.clear_snapshots().unwrap();
    s.renew().unwrap();
    s.close().unwrap();
    let again = p.open_store("A", "1").unwrap();
    assert!(again.add(&[simple("1")]).is_ok(), "retry, no write");
    assert_eq!(p.read_log(0, 100).unwrap(), before);
}

/// Group commit: appends that share a transaction keep their own checks and errors; a failing
/// append never fails or loses its neighbours.
#[test]
fn group_commit_keeps_each_appends_own_result() {
    let (_d, p) = provider();
    let threads = 16;
    let rounds = 30;
    let outcomes = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|sc| {
        for t in 0..threads {
            let p = &p;
            let outcomes = &outcomes;
            sc.spawn(move || {
                let st = p.open_store("G", &t.to_string()).unwrap();
                for r in 0..rounds {
                    // Every third append of odd threads is wrong in a different way.
                    let msgs = match (t % 2, r % 3) {
                        (1, 0) => vec![
                            simple(&format!("t{t}r{r}")),
                            ev(
                                &format!("t{t}r{r}x"),
                                "X",
                                1,
                                "c",
                                r#","SequenceNumber":999"#,
                            ),
                        ],
                        (1, 1) => vec![simple(&format!("t{t}r{r}")), b"{bad".to_vec()],
                        _ => vec![simple(&format!("t{t}r{r}")), simple(&format!("t{t}r{r}b"))],
                    };
                    let res = st.add(&msgs);
                    outcomes
                        .lock()
                        .unwrap()
                        .push((t, r, res.map_err(|e| e.kind())));
                }
            });
        }
    });
    let outcomes = outcomes.into_inner().unwrap();
    let mut expected: BTreeMap<usize, u64> = BTreeMap::new();
    for (t, r, res) in &outcomes {
        match (t % 2, r % 3) {
            (1, 0) => assert_eq!(*res, Err(ErrorKind::VersionMismatch)),
            (1, 1) => assert_eq!(*res, Err(ErrorKind::Serialization)),
            _ => {
                let v = res.expect("a valid append in a shared transaction succeeds");
                *expected.entry(*t).or_default() += 2;
                assert_eq!(v % 2, 0);
            }
        }
    }
    for (t, n) in expected {
        let s = p.open_store("G", &t.to_string()).unwrap();
        assert_eq!(s.version().unwrap(), n);
        let all = s.get(false).unwrap();
        assert_eq!(all.len() as u64, n);
    }
    let log = p.read_log(0, 100_000).unwrap();
    assert_eq!(positions(&log), (1..=log.len() as u64).collect::<Vec<_>>());
}

#[test]
fn bad_query_arguments_are_refused() {
    let (_d, p) = provider();
    let long = "x".repeat(lode::limits::MAX_KEY_FIELD_BYTES + 1);
    assert_eq!(
        p.events_by_correlation(&long, 0, 1).unwrap_err().kind(),
        ErrorKind::InvalidArgument
    );
    assert_eq!(
        p.read_log(0, lode::limits::MAX_QUERY_RECORDS + 1)
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidArgument
    );
}

/// Q-CMD-1 / Q-CMD-2: success is never reported for a command that is not recorded. An exact
/// retry of stored events writes nothing, so under a command id not recorded before it is
/// refused with DuplicateIdempotencyId (and the command stays unrecorded); the same retry
/// without a command is still a retry. Found broken once: it returned success while
/// `command_processed` said no.
#[test]
fn q_cmd_1_an_exact_retry_under_a_new_command_is_refused_never_reported_done() {
    let (_d, p) = provider();
    let s = p.open_store("A", "1").unwrap();
    let batch = [simple("r1"), simple("r2")];
    assert_eq!(
        s.add_with_command(&batch, &Command::new("first")).unwrap(),
        2
    );
    match s.add_with_command(&batch, &Command::new("second")) {
        Err(Error::DuplicateIdempotencyId { scope, id }) => {
            assert_eq!(id, "r1");
            assert!(
                scope.contains("second") && scope.contains("not recorded"),
                "{scope}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(p.command_record("second").unwrap().is_none());
    assert_eq!(p.get_command("first").unwrap().last_version, 2);
    assert_eq!(s.add(&batch).unwrap(), 2, "without a command it is a retry");
    assert_eq!(s.version().unwrap(), 2);
}

/// Q-LOG-2 through the C ABI: `lode_buffer_message` gives each record's stored message byte for
/// byte, also when the stored message ends in white space. Found broken once: the range was
/// recomputed after writing and came out shifted (`ge":{"Event":...`).
#[test]
fn q_log_2_record_message_ranges_are_exact_when_a_message_ends_in_white_space() {
    use lode_ffi::*;
    use std::ptr::{null, null_mut};
    let (_d, p) = provider();
    let s = p.open_store("A", "ws").unwrap();
    let mut padded = simple("ws1");
    padded.extend_from_slice(b"  \n\t ");
    s.add(&[padded, simple("ws2")]).unwrap();
    let stored = s.get(false).unwrap();
    // Through the C ABI on the same directory (the same environment).
    let path = p.path().to_str().unwrap().to_string();
    let mut cp = null_mut();
    assert_eq!(
        lode_provider_open(path.as_ptr(), path.len(), null(), 0, &mut cp, null_mut()),
        LODE_OK
    );
    let mut buf = null_mut();
    assert_eq!(
        lode_provider_read_log(cp, 0, 10, &mut buf, null_mut()),
        LODE_OK
    );
    assert_eq!(lode_buffer_count(buf), 2);
    for i in 0..2 {
        let (mut data, mut len) = (null(), 0usize);
        assert_eq!(lode_buffer_message(buf, i, &mut data, &mut len), LODE_OK);
        // SAFETY: the range lies in the buffer, alive until lode_buffer_free below.
        let got = unsafe { std::slice::from_raw_parts(data, len) };
        assert_eq!(got, stored.get(i).unwrap(), "record {i}");
    }
    // The whole buffer is one valid JSON array whose records embed the messages.
    // SAFETY: as above.
    let whole = unsafe { std::slice::from_raw_parts(lode_buffer_data(buf), lode_buffer_len(buf)) };
    let v: Value = serde_json::from_slice(whole).unwrap();
    assert_eq!(v[0]["Message"]["Metadata"]["Message"]["Id"], "ws1");
    lode_buffer_free(buf);
    assert_eq!(lode_provider_close(cp, null_mut()), LODE_OK);
}
