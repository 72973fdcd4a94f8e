//! Resellers: the owner's list with each one's figures and shop link,
//! adding or changing one, and recording payouts. Owner only: the list
//! holds every reseller's earnings.

use super::start::linked_number;
use crate::auth::{current_name, require_owner};
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{
    EraseResellerCmd, ListResellers, NoArgs, RecordPayoutCmd, ResellerRef, ResellerView,
    SaveResellerCmd, SaveResellersSheet, SavedFile,
};
use dukadesk_domain::resellers::{PayoutInput, ResellerInput};
use dukadesk_macros::ipc;
use tauri::{Runtime, State, WebviewWindow};

/// Every reseller with their figures (owner only).
#[ipc(ListResellers)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_resellers(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<ResellerView>, CommandError> {
    let _ = req;
    require_owner(&state)?;
    let store = state.store()?;
    let country = store.require_shop().await?.country;
    let number = linked_number(&state, country).await;
    Ok(store.resellers(number.as_ref()).await?)
}

/// Adds or changes a reseller (owner only). The request holds a phone
/// number: not logged.
#[ipc(SaveResellerCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn save_reseller(
    state: State<'_, AppState>,
    req: ResellerInput,
) -> Result<Vec<ResellerView>, CommandError> {
    require_owner(&state)?;
    let store = state.store()?;
    let country = store.require_shop().await?.country;
    let number = linked_number(&state, country).await;
    Ok(store.save_reseller(&req, number.as_ref()).await?)
}

/// Records a payout to a reseller in the signed-in person's name (owner
/// only).
#[ipc(RecordPayoutCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn record_payout(
    state: State<'_, AppState>,
    req: PayoutInput,
) -> Result<Vec<ResellerView>, CommandError> {
    require_owner(&state)?;
    let by = current_name(&state)?;
    let store = state.store()?;
    let country = store.require_shop().await?.country;
    let number = linked_number(&state, country).await;
    Ok(store.record_payout(&req, &by, number.as_ref()).await?)
}

/// Every reseller's figures as a spreadsheet, saved where the owner picks
/// (owner only: it holds every reseller's earnings).
#[ipc(SaveResellersSheet)]
#[tauri::command]
#[tracing::instrument(skip(window, state), err)]
pub async fn save_resellers_sheet<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<SavedFile, CommandError> {
    let _ = req;
    require_owner(&state)?;
    let store = state.store()?;
    let shop = store.require_shop().await?;
    let number = linked_number(&state, shop.country).await;
    let sheet = store.resellers_sheet(number.as_ref()).await?;
    let name = format!(
        "{}-resellers-{}.csv",
        shop.code.as_str(),
        (store.now() + chrono::Duration::hours(shop.country.utc_offset_hours().into()))
            .date_naive()
    );
    crate::commands::files::save(
        &window,
        &state,
        "Save the resellers' figures",
        &name,
        ("CSV spreadsheet", "csv"),
        sheet,
    )
    .await
}

/// Erases a reseller's name, number and code at their request (owner
/// only); their credits and payouts stay.
#[ipc(EraseResellerCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn erase_reseller(
    state: State<'_, AppState>,
    req: ResellerRef,
) -> Result<Vec<ResellerView>, CommandError> {
    let actor = require_owner(&state)?;
    let store = state.store()?;
    let country = store.require_shop().await?.country;
    let number = linked_number(&state, country).await;
    Ok(store
        .erase_reseller(req.id, &actor, number.as_ref())
        .await?)
}
