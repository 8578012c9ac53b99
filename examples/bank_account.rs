//! The bank-account walk-through of the seed quickstart, end to end, in Rust.
//!
//! Run: `cargo run --example bank_account [directory]` (a temporary directory by default).

use std::time::Duration;

use lode::{create_message, Command, Error, EventStoreProvider, NewMessage, ProviderSettings};
use serde_json::json;

fn event(name: &str, account: &str, body: serde_json::Value, sequence: Option<i64>) -> Vec<u8> {
    let mut m = NewMessage::new(name, "BankAccount", account, body);
    m.sequence_number = sequence;
    create_message(&m)
}

/// Folds the history into a balance, starting from a snapshot when there is one.
fn balance(history: &lode::Messages) -> f64 {
    let mut balance = 0.0;
    for i in 0..history.len() {
        let m = history.parse(i).expect("stored messages are JSON");
        let e = &m["Event"];
        match e["$type"].as_str().unwrap_or_default() {
            "BankAccountState" => balance = e["Balance"].as_f64().unwrap_or(0.0),
            "FundsDeposited" => balance += e["Amount"].as_f64().unwrap_or(0.0),
            "FundsWithdrawn" => balance -= e["Amount"].as_f64().unwrap_or(0.0),
            _ => {}
        }
    }
    balance
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = match std::env::args().nth(1) {
        Some(d) => std::path::PathBuf::from(d),
        None => std::env::temp_dir().join(format!("lode-bank-{}", std::process::id())),
    };
    let provider = EventStoreProvider::open(&dir, ProviderSettings::default())?;
    println!("store directory: {}", provider.path().display());

    // 4. Open an event store and add events.
    let account = "123456000";
    let store = provider.open_store("BankAccount", account)?;
    let v = store.add(&[
        event(
            "BankAccountCreated",
            account,
            json!({"AccountId": account, "OwnerName": "Joe Dalton", "Currency": "EUR"}),
            None,
        ),
        event(
            "FundsDeposited",
            account,
            json!({"AccountId": account, "Amount": 1500}),
            None,
        ),
    ])?;
    println!("after opening the account and a deposit: version {v}");
    let v = store.add(&[event(
        "FundsWithdrawn",
        account,
        json!({"AccountId": account, "Amount": 500}),
        None,
    )])?;
    println!("after a withdrawal: version {v}");

    // 5. Retrieve events.
    let history = store.get(false)?;
    for i in 0..history.len() {
        let m = history.parse(i).unwrap();
        println!(
            "  event {} version {}",
            m["Event"]["$type"].as_str().unwrap(),
            m["Metadata"]["Context"]["SequenceNumber"]
        );
    }
    println!("balance: {}", balance(&history));

    // Optimistic concurrency: a stale expected version is refused, nothing written.
    let current = store.version()?;
    let stale = event(
        "FundsWithdrawn",
        account,
        json!({"AccountId": account, "Amount": 100}),
        Some(current as i64),
    );
    match store.add(&[stale]) {
        Err(Error::VersionMismatch {
            expected_version,
            actual_version,
            ..
        }) => {
            println!("conflict: the stream expected version {expected_version}, the event carried {actual_version}")
        }
        other => panic!("expected a version mismatch, got {other:?}"),
    }

    // Snapshots: store one at the current version, then read with it.
    let state = event(
        "BankAccountState",
        account,
        json!({"AccountId": account, "Balance": balance(&history)}),
        None,
    );
    store.snapshot(store.version()?, &state)?;
    store.add(&[event(
        "FundsDeposited",
        account,
        json!({"AccountId": account, "Amount": 250}),
        None,
    )])?;
    let with_snapshot = store.get(true)?;
    println!(
        "read with snapshot: {} messages (snapshot first: {}), balance {}",
        with_snapshot.len(),
        with_snapshot.starts_with_snapshot(),
        balance(&with_snapshot)
    );

    // Slices.
    let slice = store.get_slice(2, 3)?;
    println!("slice 2..3: {} events", slice.len());

    // Commands: exactly-once handling.
    let deposit = event(
        "FundsDeposited",
        account,
        json!({"AccountId": account, "Amount": 75}),
        None,
    );
    let command = Command::new("deposit-cmd-1");
    store.add_with_command(std::slice::from_ref(&deposit), &command)?;
    let again = store.add_with_command(&[deposit], &command);
    println!("the same command twice: {}", again.unwrap_err());
    let record = provider.get_command("deposit-cmd-1")?;
    println!(
        "command processed at {} producing version {}",
        record.processed_at, record.last_version
    );

    // The session guards the stream across threads and processes.
    let other = provider.store(None, "BankAccount", account)?;
    match other.open(Duration::from_secs(60), Duration::from_millis(100)) {
        Err(e @ Error::OpenStoreFailed { .. }) => println!("a second session is refused: {e}"),
        other => panic!("expected OpenStoreFailed, got {other:?}"),
    }

    store.close()?;
    // Queries across streams need no session.
    let deposits = provider.events_by_type("FundsDeposited", None, 0, 100)?;
    println!("deposits in the whole store: {}", deposits.len());
    let log = provider.read_log(0, 3)?;
    for r in &log {
        println!(
            "  log #{} {} {} v{}",
            r.position, r.recorded_at, r.event_type, r.aggregate_version
        );
    }
    Ok(())
}
