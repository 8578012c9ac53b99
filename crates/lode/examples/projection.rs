// A read model kept up to date from a subscription, that survives a restart: the balances of
// bank accounts, written as the output stream of their projection. The output of each page
// and "processed up to here" (the checkpoint) are stored in one append, so however the
// projection stops (a restart, a kill) and resumes from its checkpoint, each deposit counts
// once (docs/subscriptions.md, S-CP-3). Run: `cargo run -p lode --example projection`.

use std::collections::BTreeMap;
use std::time::Duration;

use lode::{create_message, EventStoreProvider, NewMessage, SubscriptionFilter, SubscriptionStart};
use serde_json::json;

fn deposit(provider: &EventStoreProvider, account: &str, amount: i64) -> lode::Result<()> {
    let store = provider.open_store("BankAccount", account)?;
    let body = json!({ "Amount": amount });
    store.add(&[create_message(&NewMessage::new(
        "FundsDeposited",
        "BankAccount",
        account,
        body,
    ))])?;
    store.close()
}

/// Brings the read model up to date (history, then live until idle for 100 ms) and returns it.
fn project(provider: &EventStoreProvider) -> lode::Result<BTreeMap<String, i64>> {
    let view = provider.open_store("Balances", "view")?;
    let mut balances = BTreeMap::new();
    for m in view.get(false)?.iter() {
        // The read model so far: its own output (a real one would snapshot it).
        let m: serde_json::Value = serde_json::from_slice(m).expect("our own JSON");
        balances.insert(
            m["Event"]["Account"].as_str().unwrap_or("").to_string(),
            m["Event"]["Balance"].as_i64().unwrap_or(0),
        );
    }
    let start = provider.checkpoint("balances")?.map_or(0, |c| c.position);
    let deposits = SubscriptionFilter::all().event_type("FundsDeposited", None);
    let subscription = provider.subscribe(SubscriptionStart::After(start), deposits, 256)?;
    loop {
        let page = subscription.next_page(Duration::from_millis(100))?;
        if page.records.is_empty() {
            return Ok(balances);
        }
        let mut output = Vec::new();
        for r in &page.records {
            let event: serde_json::Value = serde_json::from_slice(&r.message).expect("stored JSON");
            let balance = balances.entry(r.aggregate_id.clone()).or_insert(0);
            *balance += event["Event"]["Amount"].as_i64().unwrap_or(0);
            let body = json!({ "Account": r.aggregate_id, "Balance": *balance });
            output.push(create_message(&NewMessage::new(
                "BalanceChanged",
                "Balances",
                "view",
                body,
            )));
        }
        // The output and "processed up to here" commit together or not at all.
        view.add_with_checkpoint(&output, "balances", page.position)?;
    }
}

pub fn main() -> lode::Result<()> {
    let dir = tempfile_dir();
    {
        let provider = EventStoreProvider::open_default(&dir)?;
        deposit(&provider, "A", 10)?;
        deposit(&provider, "B", 5)?;
        println!("{:?}", project(&provider)?); // {"A": 10, "B": 5}
    }
    // The process restarts.
    let provider = EventStoreProvider::open_default(&dir)?;
    deposit(&provider, "A", 7)?;
    let balances = project(&provider)?;
    println!("{balances:?}"); // {"A": 17, "B": 5}: each deposit counted once
    assert_eq!(
        balances,
        BTreeMap::from([("A".into(), 17), ("B".into(), 5)])
    );
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}

fn tempfile_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("lode-projection-{}", std::process::id()))
}
