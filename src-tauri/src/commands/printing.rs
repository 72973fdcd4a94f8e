//! The till's receipt printer: its settings, a test page, an order's
//! receipt. Printing only reads: a failed print leaves every order and
//! payment as it was, and says what to check.

use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_core::printing::{self, escpos::LayoutError, PrintError};
use dukadesk_core::Store;
use dukadesk_domain::ipc::{ErrorCode, IpcError, NoArgs, OrderRef, Printed, SavedFile};
use dukadesk_domain::ipc::{
    GetPrinterSettings, PrintReceipt, PrintTestPage, SavePrinterSettingsCmd, SaveReceiptPdf,
};
use dukadesk_domain::receipt::{PrinterConnection, PrinterSettings};
use dukadesk_domain::report::local_time;
use dukadesk_macros::ipc;
use tauri::{Runtime, State, WebviewWindow};

/// A print failure as the one error shape (its words for the clerk).
fn print_error(e: PrintError) -> CommandError {
    let code = match e {
        PrintError::NotSetUp => ErrorCode::NotSetUp,
        _ => ErrorCode::Internal,
    };
    IpcError::new(code, e.to_string()).into()
}

/// This till's printer, or why there is none (before anything is laid
/// out for it).
pub(crate) async fn printer(store: &Store) -> Result<PrinterSettings, CommandError> {
    let settings = store.printer_settings().await?;
    if settings.connection == PrinterConnection::None {
        return Err(print_error(PrintError::NotSetUp));
    }
    Ok(settings)
}

/// Sends a laid-out job to `connection`.
pub(crate) async fn print(
    connection: &PrinterConnection,
    job: Result<Vec<u8>, LayoutError>,
) -> Result<(), CommandError> {
    let bytes = job.map_err(|e| print_error(e.into()))?;
    printing::send(connection, bytes).await.map_err(print_error)
}

/// This till's printer.
#[ipc(GetPrinterSettings)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_printer_settings(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<PrinterSettings, CommandError> {
    let _ = req;
    Ok(state.store()?.printer_settings().await?)
}

/// Saves this till's printer.
#[ipc(SavePrinterSettingsCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn save_printer_settings(
    state: State<'_, AppState>,
    req: PrinterSettings,
) -> Result<PrinterSettings, CommandError> {
    Ok(state.store()?.save_printer_settings(&req).await?)
}

/// A test page on the printer as typed, before it is saved.
#[ipc(PrintTestPage)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn print_test_page(
    state: State<'_, AppState>,
    req: PrinterSettings,
) -> Result<Printed, CommandError> {
    let problems = req.validate();
    if !problems.is_empty() {
        return Err(IpcError::invalid(problems).into());
    }
    let store = state.store()?;
    let shop = store.require_shop().await?;
    let now = local_time(store.now(), shop.country.utc_offset_hours());
    let at = req.connection.describe();
    print(
        &req.connection,
        printing::escpos::test_page(req.width, &at, now),
    )
    .await?;
    Ok(Printed {
        message: format!("Test page sent to {at}."),
    })
}

/// An order's receipt (a bill if unpaid) as a PDF, saved where the
/// merchant chooses: the same rows as on paper and on WhatsApp.
#[ipc(SaveReceiptPdf)]
#[tauri::command]
#[tracing::instrument(skip(window, state), err)]
pub async fn save_receipt_pdf<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    req: OrderRef,
) -> Result<SavedFile, CommandError> {
    let store = state.store()?;
    let shop = store.require_shop().await?;
    let link = crate::commands::start::shop_link(&state, &shop).await;
    let receipt = store.receipt(req.id, link).await?;
    let what = if receipt.paid { "receipt" } else { "bill" };
    let name = format!("{what}-{}.pdf", receipt.order_number);
    let pdf = dukadesk_core::orders::receipt::receipt_pdf(&receipt);
    crate::commands::files::save(
        &window,
        &state,
        &format!("Save the {what}"),
        &name,
        ("PDF document", "pdf"),
        pdf,
    )
    .await
}

/// An order's receipt (a bill if unpaid) on this till's printer, with the
/// shop's link as a QR code once WhatsApp is linked.
#[ipc(PrintReceipt)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn print_receipt(
    state: State<'_, AppState>,
    req: OrderRef,
) -> Result<Printed, CommandError> {
    let store = state.store()?;
    let settings = printer(store).await?;
    let shop = store.require_shop().await?;
    let link = crate::commands::start::shop_link(&state, &shop).await;
    let receipt = store.receipt(req.id, link).await?;
    let open_drawer = settings.cash_drawer && receipt.has_cash();
    print(
        &settings.connection,
        printing::escpos::receipt(&receipt, settings.width, open_drawer),
    )
    .await?;
    let what = if receipt.paid { "Receipt" } else { "Bill" };
    Ok(Printed {
        message: format!(
            "{what} #{} printed on {}.",
            receipt.order_number,
            settings.connection.describe()
        ),
    })
}
