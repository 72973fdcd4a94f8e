//! The one managed state: cheap-to-clone handles, managed once.

use dukadesk_core::Store;
use dukadesk_domain::ipc::IpcError;

/// What every command can reach.
pub struct AppState {
    /// The store, or why it could not be opened (shown to the merchant on
    /// every screen that needs it, instead of a crash at start).
    store: Result<Store, IpcError>,
}

impl AppState {
    /// Wraps the opened store or the reason it failed.
    pub fn new(store: Result<Store, IpcError>) -> Self {
        Self { store }
    }

    /// The store, or the start-up error.
    pub fn store(&self) -> Result<&Store, IpcError> {
        self.store.as_ref().map_err(Clone::clone)
    }
}
