//! The store's own settings (the `EventStoreSettings` of the .NET library), whatever backend
//! holds the data. A backend has settings of its own (`crate::open` for directories).

use std::time::Duration;

/// What the event store itself needs, whatever backend holds the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreSettings {
    /// Database (partition / tenant) used when a store is opened without one. `"EventStores"`.
    pub default_database: String,
    /// How long `open` retries while another session holds the stream. 5 s.
    pub default_open_timeout: Duration,
    /// How long a session's lease lasts without renewal. 60 s.
    pub default_session_timeout: Duration,
}

impl Default for StoreSettings {
    fn default() -> Self {
        StoreSettings {
            default_database: "EventStores".to_string(),
            default_open_timeout: Duration::from_secs(5),
            default_session_timeout: Duration::from_secs(60),
        }
    }
}
