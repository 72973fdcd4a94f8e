//! Sales on credit (madeni): a customer's account, who owes what, money
//! paid back, limits.

use crate::auth::current_name;
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::credit::{CreditAccount, CreditLimitInput, Debtor, RepaymentInput};
use dukadesk_domain::ipc::{CustomerRef, NoArgs};
use dukadesk_domain::ipc::{
    GetCreditAccount, ListDebtors, RecordRepaymentCmd, SendCreditReminder, SetCreditLimitCmd,
};
use dukadesk_macros::ipc;
use tauri::State;

/// A customer's credit.
#[ipc(GetCreditAccount)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_credit_account(
    state: State<'_, AppState>,
    req: CustomerRef,
) -> Result<CreditAccount, CommandError> {
    Ok(state.store()?.credit_account(req.id).await?)
}

/// Who owes what, oldest debt first.
#[ipc(ListDebtors)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_debtors(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<Debtor>, CommandError> {
    let _ = req;
    Ok(state.store()?.debtors().await?)
}

/// Money paid back, taken by whoever is signed in.
#[ipc(RecordRepaymentCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn record_repayment(
    state: State<'_, AppState>,
    req: RepaymentInput,
) -> Result<CreditAccount, CommandError> {
    let by = current_name(&state)?;
    Ok(state.store()?.record_repayment(&req, &by).await?)
}

/// A gentle reminder on WhatsApp, sent by whoever is signed in.
#[ipc(SendCreditReminder)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn send_credit_reminder(
    state: State<'_, AppState>,
    req: CustomerRef,
) -> Result<CreditAccount, CommandError> {
    let by = current_name(&state)?;
    Ok(state.store()?.send_credit_reminder(req.id, &by).await?)
}

/// A customer's credit limit. Owner only: it decides how much the shop
/// lends.
#[ipc(SetCreditLimitCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_credit_limit(
    state: State<'_, AppState>,
    req: CreditLimitInput,
) -> Result<CreditAccount, CommandError> {
    crate::auth::require_owner(&state)?;
    Ok(state.store()?.set_credit_limit(&req).await?)
}
