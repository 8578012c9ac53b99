//! What a provider and every store made from it share.

use std::sync::Arc;

use lode_backend::Backend;

use crate::commit::Committer;
use crate::settings::StoreSettings;

/// The backend, the store's settings, and the group-commit queue of one provider (and its
/// clones and stores).
pub(crate) struct ProviderCore {
    pub backend: Arc<dyn Backend>,
    pub settings: StoreSettings,
    pub committer: Committer,
}
