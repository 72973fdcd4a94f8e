//! The one managed state: cheap-to-clone handles, managed once.

use dukadesk_core::runtime::ChatRuntime;
use dukadesk_core::sync::HostedSync;
use dukadesk_core::Store;
use dukadesk_domain::ipc::IpcError;

use crate::auth::Session;
use crate::updates::Updates;

/// What every command can reach.
pub struct AppState {
    /// The chat runtime (which owns the store), or why the store could not
    /// be opened (shown to the merchant on every screen that needs it,
    /// instead of a crash at start).
    runtime: Result<ChatRuntime, IpcError>,
    /// Hosted sync (started with the store).
    hosted: Option<HostedSync>,
    /// The updater (it works even when the store does not open: a newer
    /// version may be the fix).
    updates: Updates,
    /// Who is at the till (`crate::auth`).
    session: Session,
}

impl AppState {
    /// Wraps the started runtime or the reason it could not start.
    pub fn new(
        runtime: Result<ChatRuntime, IpcError>,
        hosted: Option<HostedSync>,
        updates: Updates,
        session: Session,
    ) -> Self {
        Self {
            runtime,
            hosted,
            updates,
            session,
        }
    }

    /// Who is at the till.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Hosted sync, or the start-up error.
    pub fn hosted(&self) -> Result<&HostedSync, IpcError> {
        self.runtime()?;
        self.hosted.as_ref().ok_or_else(|| {
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
