//! The shop's details and delivery zones.

use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{GetShop, SaveHours, SaveShop, SaveZone};
use dukadesk_domain::ipc::{NoArgs, ShopView};
use dukadesk_domain::shop::{HoursInput, ShopInput, ZoneInput};
use dukadesk_macros::ipc;
use tauri::State;

/// The shop, or `None` before setup.
#[ipc(GetShop)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_shop(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Option<ShopView>, CommandError> {
    let _ = req;
    Ok(state.store()?.shop_view().await?)
}

/// First-run setup or an edit.
#[ipc(SaveShop)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn save_shop(
    state: State<'_, AppState>,
    req: ShopInput,
) -> Result<ShopView, CommandError> {
    Ok(state.store()?.save_shop(&req).await?)
}

/// Save the opening hours.
#[ipc(SaveHours)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn save_hours(
    state: State<'_, AppState>,
    req: HoursInput,
) -> Result<ShopView, CommandError> {
    Ok(state.store()?.save_hours(&req).await?)
}

/// Create or edit a delivery zone.
#[ipc(SaveZone)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn save_zone(
    state: State<'_, AppState>,
    req: ZoneInput,
) -> Result<ShopView, CommandError> {
    Ok(state.store()?.save_zone(&req).await?)
}
