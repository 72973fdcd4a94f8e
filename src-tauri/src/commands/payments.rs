//! M-Pesa settings, and settling payments M-Pesa never answered.

use crate::auth::{current_name, require_owner};
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{
    ConnectionTest, NoArgs, PaymentSettingsView, SavePaymentSettings, SettlePayment,
    TestConnection, UnsettledPayment,
};
use dukadesk_domain::ipc::{
    GetPaymentSettings, ListUnsettledPayments, SavePaymentSettingsCmd, SettlePaymentCmd,
    TestPaymentConnection,
};
use dukadesk_macros::ipc;
use tauri::State;

/// The payment settings, without secrets.
#[ipc(GetPaymentSettings)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_payment_settings(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<PaymentSettingsView, CommandError> {
    let _ = req;
    Ok(state.store()?.payment_settings().await?)
}

/// Saves the payment settings (owner only). The request holds secrets:
/// never logged.
#[ipc(SavePaymentSettingsCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn save_payment_settings(
    state: State<'_, AppState>,
    req: SavePaymentSettings,
) -> Result<PaymentSettingsView, CommandError> {
    require_owner(&state)?;
    Ok(state.store()?.save_payment_settings(&req).await?)
}

/// Checks credentials with the provider, as typed or as saved (owner
/// only). The request may hold secrets: never logged.
#[ipc(TestPaymentConnection)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn test_payment_connection(
    state: State<'_, AppState>,
    req: TestConnection,
) -> Result<ConnectionTest, CommandError> {
    require_owner(&state)?;
    Ok(state
        .store()?
        .test_payment_connection(req.typed.as_ref())
        .await?)
}

/// M-Pesa attempts waiting for staff to settle.
#[ipc(ListUnsettledPayments)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_unsettled_payments(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<UnsettledPayment>, CommandError> {
    let _ = req;
    Ok(state.store()?.unsettled_payments().await?)
}

/// Settles one attempt, in the signed-in person's name, and returns what is
/// left.
#[ipc(SettlePaymentCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn settle_payment(
    state: State<'_, AppState>,
    req: SettlePayment,
) -> Result<Vec<UnsettledPayment>, CommandError> {
    let by = current_name(&state)?;
    let runtime = state.runtime()?;
    let effects = runtime.store().settle_payment(&req, &by).await?;
    runtime.after(effects);
    Ok(runtime.store().unsettled_payments().await?)
}
