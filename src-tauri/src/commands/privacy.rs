//! Customers (correction, erasure), retention rules and the audit log.

use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_core::privacy::{retention, AuditAction, AuditEntry, ErasureSource};
use dukadesk_domain::ipc::{
    AuditLine, CustomerEdit, CustomerQuery, CustomerSummary, EraseCustomerReq, ErasureResult,
    NoArgs, PrivacyView, RetentionInput,
};
use dukadesk_domain::ipc::{
    CorrectCustomer, EraseCustomer, GetPrivacy, ListCustomers, SetOrderRetention,
};
use dukadesk_macros::ipc;
use tauri::State;

/// Customers matching a name or phone digits.
#[ipc(ListCustomers)]
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn list_customers(
    state: State<'_, AppState>,
    req: CustomerQuery,
) -> Result<Vec<CustomerSummary>, CommandError> {
    Ok(state.store()?.list_customers(&req.search, 200).await?)
}

/// Correct a customer's details.
#[ipc(CorrectCustomer)]
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn correct_customer(
    state: State<'_, AppState>,
    req: CustomerEdit,
) -> Result<CustomerSummary, CommandError> {
    let store = state.store()?;
    let country = store.require_shop().await?.country;
    let actor = crate::auth::current_actor(&state)?;
    Ok(store.correct_customer(&req, country, &actor).await?)
}

/// Erase a customer's personal data.
#[ipc(EraseCustomer)]
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn erase_customer(
    state: State<'_, AppState>,
    req: EraseCustomerReq,
) -> Result<ErasureResult, CommandError> {
    let actor = crate::auth::require_owner(&state)?;
    let erased = state
        .store()?
        .erase_customer(req.id, &actor, ErasureSource::Staff)
        .await?;
    Ok(ErasureResult {
        orders: erased.orders,
        chats: erased.chats,
    })
}

/// Retention rules and the newest audit lines.
#[ipc(GetPrivacy)]
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn get_privacy(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<PrivacyView, CommandError> {
    let _ = req;
    privacy_view(&state).await
}

/// Set how many years orders are kept.
#[ipc(SetOrderRetention)]
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn set_order_retention(
    state: State<'_, AppState>,
    req: RetentionInput,
) -> Result<PrivacyView, CommandError> {
    let actor = crate::auth::require_owner(&state)?;
    let store = state.store()?;
    let years = req.order_years.trim().parse::<u32>().map_err(|_| {
        CommandError::from(dukadesk_core::StoreError::field(
            "order_years",
            "Type a number of years, such as 7.",
        ))
    })?;
    store.set_order_retention_years(years, &actor).await?;
    privacy_view(&state).await
}

async fn privacy_view(state: &AppState) -> Result<PrivacyView, CommandError> {
    let store = state.store()?;
    Ok(PrivacyView {
        order_years: store.order_retention_years().await?,
        chat_months: retention::CHAT_MONTHS,
        last_retention_run: store.retention_last_run().await?,
        audit: store
            .audit_log(100)
            .await?
            .into_iter()
            .map(audit_line)
            .collect(),
    })
}

/// An audit line in words.
fn audit_line(e: AuditEntry) -> AuditLine {
    let actor = match e.actor.split_once(':') {
        Some(("staff", _)) => "Staff".to_owned(),
        Some(("till", _)) => "Another till".to_owned(),
        _ => match e.actor.as_str() {
            "owner" => "Owner",
            "customer" => "Customer",
            "system" => "DukaDesk",
            other => other,
        }
        .to_owned(),
    };
    let action = AuditAction::describe_stored(&e.action).to_owned();
    AuditLine {
        at: chrono::DateTime::from_timestamp_millis(e.at).unwrap_or_default(),
        actor,
        action,
        detail: e.detail,
    }
}
