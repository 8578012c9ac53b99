//! One source of truth for what every binding repeats: status codes and their names, each
//! kind's error fields, the settings keys, log levels, limits and the record JSON fields.
//! `make header` writes it as `include/lode-manifest.json` next to the header; each binding
//! has a test that reads it and fails on any drift (bindings/python/tests/test_manifest.py).

use serde_json::{json, Map, Value};

use lode_api::{Error, ErrorKind, LogRecord, StorageCause};

use crate::backup::BACKUP_OPTION_KEYS;
use crate::error::*;
use crate::log::*;
use crate::provider::{LODE_ABI_VERSION, SETTINGS_KEYS};

/// One error of each kind, with every field set (their details give the field names).
fn one_of_each() -> Vec<Error> {
    vec![
        Error::VersionMismatch {
            store_id: "d/n/i".into(),
            expected_version: 2,
            actual_version: 1,
            message_id: "m".into(),
        },
        Error::StoreNotOpen {
            store_id: "d/n/i".into(),
            operation: "o".into(),
        },
        Error::SessionExpired {
            store_id: "d/n/i".into(),
            session_id: "s".into(),
            expired_at: 0,
        },
        Error::InvalidSession {
            store_id: "d/n/i".into(),
            session_id: "s".into(),
            holder_session_id: "h".into(),
        },
        Error::OpenStoreFailed {
            store_id: "d/n/i".into(),
            timeout_ms: 1,
            holder_session_id: "h".into(),
            holder_pid: 1,
            holder_expires_at: 0,
        },
        Error::StreamVersionNotFound {
            store_id: "d/n/i".into(),
            version: 1,
            current_version: 0,
        },
        Error::SnapshotVersionNotFound {
            store_id: "d/n/i".into(),
            version: 1,
        },
        Error::IdempotencyIdNotFound { id: "c".into() },
        Error::DuplicateIdempotencyId {
            scope: "s".into(),
            id: "i".into(),
        },
        Error::invalid("a", "r"),
        Error::Serialization {
            key: "k".into(),
            version: Some(1),
            reason: "r".into(),
        },
        Error::Storage {
            operation: "o".into(),
            hint: "h".into(),
            source: Box::new(StorageCause {
                backend: "lmdb",
                code: "MDB_MAP_FULL".into(),
                number: Some(-30792),
                message: "m".into(),
            }),
        },
        Error::Closed { object: "o".into() },
        Error::Internal { detail: "d".into() },
        Error::Cancelled {
            operation: "o".into(),
            outcome: "r".into(),
        },
    ]
}

fn status_name(code: LodeStatus) -> String {
    // SAFETY: lode_status_name returns a static NUL-terminated string for any code.
    unsafe { std::ffi::CStr::from_ptr(lode_status_name(code)) }
        .to_string_lossy()
        .into_owned()
}

fn keys(json: &str) -> Vec<String> {
    match serde_json::from_str::<Value>(json) {
        Ok(Value::Object(m)) => m.keys().filter(|k| *k != "kind").cloned().collect(),
        _ => Vec::new(),
    }
}

/// The manifest as pretty JSON (what `include/lode-manifest.json` holds).
#[doc(hidden)]
pub fn manifest_json() -> String {
    let mut statuses = vec![json!({"code": LODE_OK, "name": status_name(LODE_OK)})];
    for e in one_of_each() {
        let kind: ErrorKind = e.kind();
        let code = kind as LodeStatus;
        statuses.push(json!({
            "code": code,
            "name": status_name(code),
            "kind": kind.name(),
            "fields": keys(&e.details_json()),
        }));
    }
    let record = LogRecord {
        position: 1,
        recorded_at: String::new(),
        recorded_at_us: 0,
        partition: String::new(),
        aggregate_type: String::new(),
        aggregate_id: String::new(),
        aggregate_version: 1,
        event_id: String::new(),
        event_type: String::new(),
        event_version: 1,
        actor: None,
        actor_type: None,
        source: None,
        correlation_id: None,
        causation_id: None,
        message: b"{}".to_vec(),
    };
    let mut bytes = Vec::new();
    let _ = record.write_json(&mut bytes);
    let record_fields = keys(&String::from_utf8_lossy(&bytes));
    let command = lode_api::CommandRecord {
        command_id: String::new(),
        command_type: None,
        processed_at: String::new(),
        processed_at_us: 0,
        actor: None,
        partition: String::new(),
        aggregate_type: String::new(),
        aggregate_id: String::new(),
        first_version: 1,
        last_version: 0,
    };
    let command_fields = keys(&serde_json::to_string(&command).unwrap_or_default());
    // The JSON objects of backup and verify (docs/backup.md), from one of each.
    let object_keys = |v: Value| -> Vec<String> {
        v.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut report = lode_api::verify::Report::default();
    report.problem_at(
        lode_api::verify::ProblemKind::Damaged,
        "p",
        "d",
        lode_api::verify::Location::none(),
    );
    let problem_fields = object_keys(report.problems[0].to_json());
    let info = lode_api::BackupInfo {
        path: "b".into(),
        source: "s".into(),
        position: 0,
        bytes: 0,
        compacted: false,
        verified: false,
        created_at_us: 0,
        library_version: String::new(),
        backend: String::new(),
        format_version: 1,
    };
    let check = lode_api::BackupCheck {
        path: "b".into(),
        backup: report.clone(),
        recorded: None,
        position: 0,
        source_position: 0,
        events_compared: 0,
        commands_compared: 0,
        problems: Vec::new(),
        problem_count: 0,
    };
    let mut limits = Map::new();
    for (name, value) in [
        ("LODE_MAX_NAME_BYTES", LODE_MAX_NAME_BYTES as i64),
        ("LODE_MAX_MESSAGE_BYTES", LODE_MAX_MESSAGE_BYTES as i64),
        ("LODE_MAX_BATCH_MESSAGES", LODE_MAX_BATCH_MESSAGES as i64),
        ("LODE_MAX_KEY_FIELD_BYTES", LODE_MAX_KEY_FIELD_BYTES as i64),
        ("LODE_MAX_QUERY_RECORDS", LODE_MAX_QUERY_RECORDS),
        ("LODE_MAX_READERS", LODE_MAX_READERS as i64),
        ("LODE_MAX_NESTING_DEPTH", LODE_MAX_NESTING_DEPTH as i64),
        ("LODE_MAX_PAGE_SIZE", crate::LODE_MAX_PAGE_SIZE),
        ("LODE_DEFAULT_PAGE_SIZE", crate::LODE_DEFAULT_PAGE_SIZE),
    ] {
        limits.insert(name.into(), value.into());
    }
    let manifest = json!({
        "comment": "Written by `make header` from crates/lode-ffi (src/manifest.rs). Do not edit.",
        "abi_version": LODE_ABI_VERSION,
        "statuses": statuses,
        "settings": SETTINGS_KEYS,
        "log_levels": {
            "LODE_LOG_ERROR": LODE_LOG_ERROR,
            "LODE_LOG_WARN": LODE_LOG_WARN,
            "LODE_LOG_INFO": LODE_LOG_INFO,
            "LODE_LOG_DEBUG": LODE_LOG_DEBUG,
            "LODE_LOG_TRACE": LODE_LOG_TRACE,
        },
        "limits": limits,
        "record_fields": record_fields,
        "command_record_fields": command_fields,
        "backup_options": BACKUP_OPTION_KEYS,
        "backup_info_fields": object_keys(info.to_json()),
        "verify_report_fields": object_keys(report.to_json()),
        "verify_problem_fields": problem_fields,
        "verify_problem_kinds": lode_api::verify::ProblemKind::ALL.map(|k| k.name()),
        "backup_check_fields": object_keys(check.to_json()),
        "subscription_filter_keys": crate::subscription::FILTER_KEYS,
        "subscription_constants": {
            "LODE_FROM_NOW": crate::LODE_FROM_NOW,
            "LODE_WAIT_FOREVER": crate::LODE_WAIT_FOREVER,
        },
    });
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_code_is_in_the_manifest_once() {
        let m: Value = serde_json::from_str(&manifest_json()).unwrap();
        let codes: Vec<i64> = m["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["code"].as_i64().unwrap())
            .collect();
        assert_eq!(codes, (0..=15).collect::<Vec<_>>());
        assert!(m["statuses"][1]["fields"]
            .as_array()
            .unwrap()
            .contains(&json!("expected_version")));
        assert_eq!(m["settings"].as_array().unwrap().len(), 10);
    }

    #[test]
    fn every_settings_key_is_accepted_and_no_other() {
        for key in SETTINGS_KEYS {
            let value = match key {
                "default_database" => json!("Db"),
                "durability" => json!("full"),
                _ => json!(1 << 20),
            };
            let settings = json!({ key: value }).to_string();
            crate::provider::parse_settings(settings.as_bytes())
                .unwrap_or_else(|e| panic!("{key}: {e}"));
        }
        assert!(crate::provider::parse_settings(br#"{"no_such_key":1}"#).is_err());
    }
}
