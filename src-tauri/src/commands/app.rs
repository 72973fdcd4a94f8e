//! App-level commands: version, paths, theme, the screens' language.

use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_core::store::Integrity;
use dukadesk_domain::customer::Language;
use dukadesk_domain::ipc::{AppInfo, NoArgs, StoreHealth, Theme};
use dukadesk_domain::ipc::{
    GetAppInfo, GetStoreHealth, GetTheme, GetUiLanguage, SetTheme, SetUiLanguage,
};
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

/// The language of this till's screens.
#[ipc(GetUiLanguage)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_ui_language(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Language, CommandError> {
    let _ = req;
    Ok(state.store()?.ui_language().await?)
}

/// Remembers the language of this till's screens.
#[ipc(SetUiLanguage)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_ui_language(
    state: State<'_, AppState>,
    req: Language,
) -> Result<Language, CommandError> {
    Ok(state.store()?.set_ui_language(req).await?)
}

/// What the check of the shop's data file found so far.
#[ipc(GetStoreHealth)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_store_health(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<StoreHealth, CommandError> {
    let _ = req;
    Ok(match state.store()?.integrity() {
        None => StoreHealth::Checking,
        Some(Integrity::Sound) => StoreHealth::Sound,
        Some(Integrity::Damaged(findings)) => StoreHealth::Damaged { findings },
    })
}
