//! The order queue and the till's order actions.

use crate::auth::{current_name, require_owner};
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{
    ApplyOrderEvent, OrderDetail, OrderQuery, OrderRef, OrderSummary, RecordPayment,
};
use dukadesk_domain::ipc::{
    ApplyOrderEventCmd, CreateManualOrder, GetOrder, ListOrders, RecordPaymentCmd, RefundOrderCmd,
};
use dukadesk_domain::order::ManualOrderInput;
use dukadesk_domain::refund::RefundInput;
use dukadesk_macros::ipc;
use tauri::State;

/// The queue.
#[ipc(ListOrders)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_orders(
    state: State<'_, AppState>,
    req: OrderQuery,
) -> Result<Vec<OrderSummary>, CommandError> {
    let store = state.store()?;
    let shop = store.require_shop().await?;
    Ok(store.list_orders(&req, shop.country).await?)
}

/// One order in full.
#[ipc(GetOrder)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_order(
    state: State<'_, AppState>,
    req: OrderRef,
) -> Result<OrderDetail, CommandError> {
    Ok(state.store()?.order_detail(req.id).await?)
}

/// A walk-in or phone order.
#[ipc(CreateManualOrder)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn create_manual_order(
    state: State<'_, AppState>,
    req: ManualOrderInput,
) -> Result<OrderDetail, CommandError> {
    let by = current_name(&state)?;
    Ok(state.store()?.create_manual_order(&req, &by).await?)
}

/// Move an order on, or cancel it.
#[ipc(ApplyOrderEventCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn apply_order_event(
    state: State<'_, AppState>,
    req: ApplyOrderEvent,
) -> Result<OrderDetail, CommandError> {
    let by = current_name(&state)?;
    Ok(state
        .store()?
        .apply_order_event(req.id, req.event, &by)
        .await?)
}

/// Cash or an M-Pesa receipt for an unpaid order.
#[ipc(RecordPaymentCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn record_payment(
    state: State<'_, AppState>,
    req: RecordPayment,
) -> Result<OrderDetail, CommandError> {
    let by = current_name(&state)?;
    Ok(state
        .store()?
        .record_till_payment(req.id, &req.payment, &by)
        .await?)
}

/// Gives back all or part of an order's money in the signed-in person's
/// name (owner only: money leaves the shop).
#[ipc(RefundOrderCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn refund_order(
    state: State<'_, AppState>,
    req: RefundInput,
) -> Result<OrderDetail, CommandError> {
    require_owner(&state)?;
    let by = current_name(&state)?;
    let detail = state.store()?.refund_order(&req, &by).await?;
    // A chat customer's message about it goes out now.
    state.runtime()?.after(dukadesk_core::events::Effects {
        queued: true,
        ..Default::default()
    });
    Ok(detail)
}
