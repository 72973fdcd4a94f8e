//! The one managed state: cheap-to-clone handles, managed once.

use dukadesk_core::channels::whatsapp::link::WhatsAppLink;
use dukadesk_core::runtime::ChatRuntime;
use dukadesk_core::sync::HostedSync;
use dukadesk_core::Store;
use dukadesk_domain::ipc::IpcError;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::auth::Session;
use crate::updates::Updates;

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
    /// Set to stop the running export (the Export window's Stop button,
    /// or the window closing).
    export_stop: Arc<AtomicBool>,
    /// Set while an export runs: one at a time.
    export_running: Arc<AtomicBool>,
    /// Testing seam: where exports are saved without asking (debug builds
    /// only; `DUKADESK_EXPORT_SAVE_PATH`), since WebDriver cannot drive the
    /// native save dialog.
    export_save_path: Option<PathBuf>,
    /// Who is at the till (`crate::auth`).
    session: Session,
}

impl AppState {
    /// Wraps the started runtime or the reason it could not start.
    pub fn new(
        runtime: Result<ChatRuntime, IpcError>,
        hosted: Option<Arc<HostedSync>>,
        whatsapp: Option<WhatsAppLink>,
        updates: Updates,
        session: Session,
    ) -> Self {
        Self {
            runtime,
            hosted,
            whatsapp,
            updates,
            export_stop: Arc::default(),
            export_running: Arc::default(),
            export_save_path: None,
            session,
        }
    }

    /// Saves exports at `path` without the dialog (the end-to-end tests'
    /// seam). Release builds ignore it.
    pub fn with_export_save_path(mut self, path: Option<PathBuf>) -> Self {
        self.export_save_path = path.filter(|_| cfg!(debug_assertions));
        self
    }

    /// Where a file named `name` is saved without the dialog in the
    /// end-to-end tests: beside the export seam's file (debug builds only).
    pub fn save_seam(&self, name: &str) -> Option<PathBuf> {
        let export = self.export_save_path.as_ref()?;
        Some(export.parent()?.join(name))
    }

    /// The export's stop flag.
    pub fn export_stop(&self) -> Arc<AtomicBool> {
        self.export_stop.clone()
    }

    /// Marks an export as running until the returned guard drops; `None`
    /// when one already runs.
    pub fn start_export(&self) -> Option<ExportRunning> {
        let busy = self.export_running.swap(true, Ordering::SeqCst);
        (!busy).then(|| ExportRunning(self.export_running.clone()))
    }

    /// Where exports go without asking, in tests.
    pub fn export_save_path(&self) -> Option<&Path> {
        self.export_save_path.as_deref()
    }

    /// Who is at the till.
    pub fn session(&self) -> &Session {
        &self.session
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

/// An export in progress; dropping it lets the next one start.
pub struct ExportRunning(Arc<AtomicBool>);

impl Drop for ExportRunning {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}
