//! The Reports page: sales for a period, and the owner's day in one
//! message (sent to their WhatsApp at closing time if they want).

use crate::auth::require_owner;
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::customer::Language;
use dukadesk_domain::ipc::{DaySummaryView, NoArgs, SetSummaryDelivery};
use dukadesk_domain::ipc::{GetDaySummary, GetSalesReport, SetSummaryDeliveryCmd};
use dukadesk_domain::report::{local_today, SalesReport, SalesReportReq};
use dukadesk_macros::ipc;
use tauri::State;

/// Sales for a period, compared with the period before.
#[ipc(GetSalesReport)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_sales_report(
    state: State<'_, AppState>,
    req: SalesReportReq,
) -> Result<SalesReport, CommandError> {
    let store = state.store()?;
    Ok(store.sales_report(req.period, store.now()).await?)
}

/// Today's summary (shop time) and where it goes at closing time.
#[ipc(GetDaySummary)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_day_summary(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<DaySummaryView, CommandError> {
    let _ = req;
    day_summary_view(&state).await
}

/// Sends the summary to the owner's WhatsApp at closing time, or stops
/// (owner only).
#[ipc(SetSummaryDeliveryCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn set_summary_delivery(
    state: State<'_, AppState>,
    req: SetSummaryDelivery,
) -> Result<DaySummaryView, CommandError> {
    require_owner(&state)?;
    state
        .store()?
        .set_summary_delivery(&req.number, req.language)
        .await?;
    day_summary_view(&state).await
}

async fn day_summary_view(state: &AppState) -> Result<DaySummaryView, CommandError> {
    let store = state.store()?;
    let now = store.now();
    let shop = store.require_shop().await?;
    let today = local_today(now, shop.country.utc_offset_hours());
    let summary = store.day_summary(today, now).await?;
    let delivery = store.summary_delivery().await?;
    let language = delivery.as_ref().map_or(Language::En, |d| d.language);
    let whatsapp_linked = match state.whatsapp() {
        Ok(link) => link.status().await.is_ok_and(|s| s.phone.is_some()),
        Err(_) => false,
    };
    Ok(DaySummaryView {
        text: summary.text(language),
        summary,
        send_to: delivery
            .map(|d| d.to.as_str().to_owned())
            .unwrap_or_default(),
        language,
        whatsapp_linked,
    })
}
