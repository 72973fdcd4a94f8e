//! Updates: the Settings card's check, download and "Restart to update".

use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{CheckForUpdate, DownloadUpdate, GetUpdateStatus, InstallUpdate};
use dukadesk_domain::ipc::{NoArgs, UpdateStatus};
use dukadesk_macros::ipc;
use tauri::{AppHandle, Runtime, State};

/// The updater's state.
#[ipc(GetUpdateStatus)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_update_status(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<UpdateStatus, CommandError> {
    let _ = req;
    Ok(state.updates().status())
}

/// Asks the update server for a newer version.
#[ipc(CheckForUpdate)]
#[tauri::command]
#[tracing::instrument(skip(app, state), err)]
pub async fn check_for_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<UpdateStatus, CommandError> {
    let _ = req;
    Ok(state.updates().check(&app).await)
}

/// Starts downloading the offered version.
#[ipc(DownloadUpdate)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn download_update(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<UpdateStatus, CommandError> {
    let _ = req;
    Ok(state.updates().start_download()?)
}

/// Installs the downloaded version and restarts, unless a payment is
/// waiting for its answer or a sync batch is on its way.
#[ipc(InstallUpdate)]
#[tauri::command]
#[tracing::instrument(skip(app, state), err)]
pub async fn install_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<UpdateStatus, CommandError> {
    let _ = req;
    // A store that did not open has no payment in flight.
    let blocker = match state.store() {
        Ok(store) => store.restart_blocker().await?,
        Err(_) => None,
    };
    // Nor in the middle of a sync batch.
    let blocker = blocker.or_else(|| state.hosted().ok().and_then(|h| h.restart_blocker()));
    Ok(state.updates().install(&app, blocker).await?)
}
