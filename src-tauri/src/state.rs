//! The one managed state: cheap-to-clone handles, managed once.

use dukadesk_core::channels::whatsapp::link::WhatsAppLink;
use dukadesk_core::runtime::ChatRuntime;
use dukadesk_core::sync::HostedSync;
use dukadesk_core::Store;
use dukadesk_domain::ipc::IpcError;

use crate::updates::Updates;
use std::sync::Arc;

/// What every command can reach.
pub struct AppState {
    /// The chat runtime (which owns the store), or why the store could not
    /// be opened (shown to the merchant on every screen that needs it,
    /// instead of a crash at start).
    runtime: Result<ChatRuntime, IpcError>,
    /// Hosted sync (started with the store).
    hosted: Option<Arc<HostedSync>>,
    /// The WhatsApp link (idle until the merchant links).
    whatsapp: Option<WhatsAppLink>,
    /// The updater (it works even when the store does not open: a newer
    /// version may be the fix).
    updates: Updates,
}

impl AppState {
    /// Wraps the started runtime or the reason it could not start.
    pub fn new(
        runtime: Result<ChatRuntime, IpcError>,
        hosted: Option<Arc<HostedSync>>,
        whatsapp: Option<WhatsAppLink>,
        updates: Updates,
    ) -> Self {
        Self {
            runtime,
            hosted,
            whatsapp,
            updates,
        }
    }

    /// The WhatsApp link, or the start-up error.
    pub fn whatsapp(&self) -> Result<&WhatsAppLink, IpcError> {
        self.runtime()?;
        self.whatsapp.as_ref().ok_or_else(|| {
            IpcError::new(
                dukadesk_domain::ipc::ErrorCode::Internal,
                "WhatsApp did not start; restart DukaDesk.",
            )
        })
    }

    /// Hosted sync, or the start-up error.
    pub fn hosted(&self) -> Result<&HostedSync, IpcError> {
        self.runtime()?;
        self.hosted.as_deref().ok_or_else(|| {
            IpcError::new(
                dukadesk_domain::ipc::ErrorCode::Internal,
                "Sync did not start; restart DukaDesk.",
            )
        })
    }

    /// The updater.
    pub fn updates(&self) -> &Updates {
        &self.updates
    }

    /// The runtime, or the start-up error.
    pub fn runtime(&self) -> Result<&ChatRuntime, IpcError> {
        self.runtime.as_ref().map_err(Clone::clone)
    }

    /// The store, or the start-up error.
    pub fn store(&self) -> Result<&Store, IpcError> {
        self.runtime().map(ChatRuntime::store)
    }
}
