//! Airtime and bundles: the Africa's Talking account, and the sends that
//! need staff (failed: refund due; or waiting for an account).

use crate::auth::{current_name, require_owner};
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{
    ConnectionTest, DigitalSendView, DigitalSettingsInput, DigitalSettingsView, NoArgs,
    SettleDigital, TestDigitalConnection,
};
use dukadesk_domain::ipc::{
    GetDigitalSettings, ListDigitalToSettle, SaveDigitalSettings, SettleDigitalCmd,
    TestDigitalConnectionCmd,
};
use dukadesk_macros::ipc;
use tauri::State;

/// The Africa's Talking settings, without the key.
#[ipc(GetDigitalSettings)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_digital_settings(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<DigitalSettingsView, CommandError> {
    let _ = req;
    Ok(state.store()?.digital_settings().await?)
}

/// Saves the Africa's Talking settings (owner only). The request holds
/// the key: never logged.
#[ipc(SaveDigitalSettings)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn save_digital_settings(
    state: State<'_, AppState>,
    req: DigitalSettingsInput,
) -> Result<DigitalSettingsView, CommandError> {
    require_owner(&state)?;
    let view = state.store()?.save_digital_settings(&req).await?;
    // Sends waiting for an account go at once.
    state.runtime()?.after(dukadesk_core::events::Effects {
        digital: true,
        ..Default::default()
    });
    Ok(view)
}

/// Checks the keys and reads the balance, as typed or as saved (owner
/// only). The request may hold the key: never logged.
#[ipc(TestDigitalConnectionCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn test_digital_connection(
    state: State<'_, AppState>,
    req: TestDigitalConnection,
) -> Result<ConnectionTest, CommandError> {
    require_owner(&state)?;
    Ok(state
        .store()?
        .test_digital_connection(req.typed.as_ref())
        .await?)
}

/// Airtime and bundles that need staff.
#[ipc(ListDigitalToSettle)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_digital_to_settle(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<DigitalSendView>, CommandError> {
    let _ = req;
    Ok(state.store()?.digital_to_settle().await?)
}

/// Settles one send in the signed-in person's name; returns what is left.
#[ipc(SettleDigitalCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn settle_digital(
    state: State<'_, AppState>,
    req: SettleDigital,
) -> Result<Vec<DigitalSendView>, CommandError> {
    let by = current_name(&state)?;
    let runtime = state.runtime()?;
    let effects = runtime.store().settle_digital(&req, &by).await?;
    runtime.after(effects);
    Ok(runtime.store().digital_to_settle().await?)
}
