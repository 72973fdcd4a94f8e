//! KRA eTIMS: this till set up as a device (Settings → Tax), and the
//! invoices KRA has not signed yet.

use crate::auth::require_owner;
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{
    FindItemClasses, GetTaxSettings, InvoicesOfOrder, ItemClassQuery, ItemClassView,
    ListUnsignedInvoices, SaveTaxOptions, SendInvoicesNow, SetUpEtims,
};
use dukadesk_domain::ipc::{
    NoArgs, OrderRef, ReissueInvoice, ReissueInvoiceCmd, TaxInvoiceRow, TaxOptions,
    TaxSettingsView, TaxSetupInput,
};
use dukadesk_macros::ipc;
use tauri::State;

/// This till's eTIMS device, without its secrets.
#[ipc(GetTaxSettings)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_tax_settings(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<TaxSettingsView, CommandError> {
    let _ = req;
    Ok(state.store()?.tax_settings().await?)
}

/// Sets this till up with KRA (owner only). The request holds the
/// consumer secret: never logged.
#[ipc(SetUpEtims)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn set_up_etims(
    state: State<'_, AppState>,
    req: TaxSetupInput,
) -> Result<TaxSettingsView, CommandError> {
    require_owner(&state)?;
    Ok(state.store()?.set_up_etims(&req).await?)
}

/// Turns invoicing on or off and sets the default band (owner only).
#[ipc(SaveTaxOptions)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn save_tax_options(
    state: State<'_, AppState>,
    req: TaxOptions,
) -> Result<TaxSettingsView, CommandError> {
    require_owner(&state)?;
    Ok(state.store()?.save_tax_options(&req).await?)
}

/// Invoices KRA has not signed yet.
#[ipc(ListUnsignedInvoices)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_unsigned_invoices(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<TaxInvoiceRow>, CommandError> {
    let _ = req;
    Ok(state.store()?.unsigned_invoices().await?)
}

/// Makes every unsigned invoice due now; the signer takes them within
/// seconds. Returns the list as it stands.
#[ipc(SendInvoicesNow)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn send_invoices_now(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<TaxInvoiceRow>, CommandError> {
    let _ = req;
    let store = state.store()?;
    store.send_invoices_now().await?;
    Ok(store.unsigned_invoices().await?)
}

/// An order's invoice and credit note.
#[ipc(InvoicesOfOrder)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn invoices_of_order(
    state: State<'_, AppState>,
    req: OrderRef,
) -> Result<Vec<TaxInvoiceRow>, CommandError> {
    Ok(state.store()?.invoices_of(req.id).await?)
}

/// Issues an order's invoice again to a business buyer's KRA PIN given
/// after the sale (the signer sends the credit note and the new invoice
/// within seconds); the order's invoices after. The request holds a PIN of
/// a business: not logged.
#[ipc(ReissueInvoiceCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn reissue_invoice(
    state: State<'_, AppState>,
    req: ReissueInvoice,
) -> Result<Vec<TaxInvoiceRow>, CommandError> {
    let by = crate::auth::current_actor(&state)?;
    let store = state.store()?;
    store
        .reissue_invoice(req.order_id, &req.buyer_pin, &by)
        .await?;
    Ok(store.invoices_of(req.order_id).await?)
}

/// KRA's item classifications matching what staff typed, from the list
/// kept on this till.
#[ipc(FindItemClasses)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn find_item_classes(
    state: State<'_, AppState>,
    req: ItemClassQuery,
) -> Result<Vec<ItemClassView>, CommandError> {
    Ok(state.store()?.find_item_classes(&req.query).await?)
}
