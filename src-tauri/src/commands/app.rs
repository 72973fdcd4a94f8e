//! App-level commands: version, paths, theme.

use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{AppInfo, NoArgs, Theme};
use dukadesk_domain::ipc::{GetAppInfo, GetTheme, SetTheme};
use dukadesk_macros::ipc;
use tauri::State;

/// Version and database path.
#[ipc(GetAppInfo)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_app_info(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<AppInfo, CommandError> {
    let _ = req;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database_path: state.store()?.path().display().to_string(),
    })
}

/// The remembered theme.
#[ipc(GetTheme)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_theme(state: State<'_, AppState>, req: NoArgs) -> Result<Theme, CommandError> {
    let _ = req;
    Ok(state.store()?.theme().await?)
}

/// Remembers the theme.
#[ipc(SetTheme)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_theme(state: State<'_, AppState>, req: Theme) -> Result<Theme, CommandError> {
    Ok(state.store()?.set_theme(req).await?)
}
