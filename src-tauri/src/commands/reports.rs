//! The Reports page.

use crate::state::AppState;
use dukadesk_domain::ipc::IpcError;
use dukadesk_domain::report::{SalesReport, SalesReportReq};
use tauri::State;

/// Sales for a period, compared with the period before.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_sales_report(
    state: State<'_, AppState>,
    req: SalesReportReq,
) -> Result<SalesReport, IpcError> {
    let store = state.store()?;
    Ok(store.sales_report(req.period, store.now()).await?)
}
