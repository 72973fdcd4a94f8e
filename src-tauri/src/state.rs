//! The one managed state: cheap-to-clone handles, managed once.
//!
//! It is managed before the shop's file is opened: the window loads its
//! page while the store, the vault, sync and WhatsApp start on a thread of
//! their own ([`AppState::ready`]). A command that arrives before then
//! waits for them (a start takes a fraction of a second); nothing answers
//! from a half-started state.

use dukadesk_core::channels::whatsapp::link::WhatsAppLink;
use dukadesk_core::runtime::ChatRuntime;
use dukadesk_core::sync::HostedSync;
use dukadesk_core::Store;
use dukadesk_domain::ipc::IpcError;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};

use crate::auth::Session;
use crate::updates::Updates;

/// What starts with the shop's file.
pub struct Core {
    /// The chat runtime (which owns the store), or why the store could not
    /// be opened (shown to the merchant on every screen that needs it,
    /// instead of a crash at start).
    pub runtime: Result<ChatRuntime, IpcError>,
    /// Hosted sync (started with the store).
    pub hosted: Option<Arc<HostedSync>>,
    /// The WhatsApp link (idle until the merchant links).
    pub whatsapp: Option<WhatsAppLink>,
    /// Who is at the till (`crate::auth`): locked when the file has
    /// active staff.
    pub session: Session,
}

/// What every command can reach.
pub struct AppState {
    /// Set once the shop's file and its services have started.
    core: OnceLock<Core>,
    /// Wakes the threads waiting for `core`.
    started: (Mutex<()>, Condvar),
    /// Wakes the tasks waiting for `core` ([`AppState::started`]).
    started_tasks: tokio::sync::Notify,
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
}

impl AppState {
    /// The state before the shop's file is open: commands wait for
    /// [`AppState::ready`].
    pub fn starting(updates: Updates) -> Self {
        Self {
            core: OnceLock::new(),
            started: (Mutex::new(()), Condvar::new()),
            started_tasks: tokio::sync::Notify::new(),
            updates,
            export_stop: Arc::default(),
            export_running: Arc::default(),
            export_save_path: None,
        }
    }

    /// Wraps the started runtime or the reason it could not start.
    pub fn new(
        runtime: Result<ChatRuntime, IpcError>,
        hosted: Option<Arc<HostedSync>>,
        whatsapp: Option<WhatsAppLink>,
        updates: Updates,
        session: Session,
    ) -> Self {
        let state = Self::starting(updates);
        state.ready(Core {
            runtime,
            hosted,
            whatsapp,
            session,
        });
        state
    }

    /// The shop's file and its services started (or failed to): commands
    /// waiting for them go on. Only the first call counts.
    pub fn ready(&self, core: Core) {
        if self.core.set(core).is_err() {
            tracing::warn!("the app's services were started twice; the first start stands");
        }
        let _woken = self
            .started
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        self.started.1.notify_all();
        self.started_tasks.notify_waiters();
    }

    /// Whether the shop's file and its services have started.
    pub fn is_started(&self) -> bool {
        self.core.get().is_some()
    }

    /// Waits, without holding a thread, until they have.
    pub async fn started(&self) {
        loop {
            // Registered before the check: a start in between still wakes it.
            let woken = self.started_tasks.notified();
            if self.is_started() {
                return;
            }
            woken.await;
        }
    }

    /// What started with the shop's file, waiting for it if it is still
    /// starting. The wait lets the async runtime move its other work off
    /// this thread first, so nothing the start needs is held up by it.
    fn core(&self) -> &Core {
        if let Some(core) = self.core.get() {
            return core;
        }
        tokio::task::block_in_place(|| {
            let (lock, woken) = &self.started;
            let mut guard = lock.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if let Some(core) = self.core.get() {
                    return core;
                }
                guard = woken.wait(guard).unwrap_or_else(PoisonError::into_inner);
            }
        })
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
        &self.core().session
    }

    /// The WhatsApp link, or the start-up error.
    pub fn whatsapp(&self) -> Result<&WhatsAppLink, IpcError> {
        self.runtime()?;
        self.core().whatsapp.as_ref().ok_or_else(|| {
            IpcError::new(
                dukadesk_domain::ipc::ErrorCode::Internal,
                "WhatsApp did not start; restart DukaDesk.",
            )
        })
    }

    /// Hosted sync, or the start-up error.
    pub fn hosted(&self) -> Result<&HostedSync, IpcError> {
        self.runtime()?;
        self.core().hosted.as_deref().ok_or_else(|| {
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
        self.core().runtime.as_ref().map_err(Clone::clone)
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
