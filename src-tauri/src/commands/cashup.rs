//! The cash-up (Z report): what this till took, the drawer counted by
//! whoever is signed in, the shop's cash-ups, and one printed.

use crate::auth::current_name;
use crate::commands::printing::{print, printer};
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_core::printing;
use dukadesk_domain::cashup::{CashUp, CashUpDraft, CashUpInput};
use dukadesk_domain::ipc::{CashUpRef, NoArgs, Printed};
use dukadesk_domain::ipc::{GetCashUpDraft, ListCashUps, PrintCashUp, RecordCashUpCmd};
use dukadesk_macros::ipc;
use tauri::State;

/// How many cash-ups Reports lists.
const LISTED: u32 = 60;

/// What this till took since its last cash-up.
#[ipc(GetCashUpDraft)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_cash_up_draft(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<CashUpDraft, CommandError> {
    let _ = req;
    Ok(state.store()?.cash_up_draft().await?)
}

/// Records the drawer as counted.
#[ipc(RecordCashUpCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn record_cash_up(
    state: State<'_, AppState>,
    req: CashUpInput,
) -> Result<CashUp, CommandError> {
    let by = current_name(&state)?;
    Ok(state.store()?.record_cash_up(&req, &by).await?)
}

/// The shop's cash-ups, newest first.
#[ipc(ListCashUps)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_cash_ups(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<CashUp>, CommandError> {
    let _ = req;
    Ok(state.store()?.cash_ups(LISTED).await?)
}

/// A cash-up on this till's printer.
#[ipc(PrintCashUp)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn print_cash_up(
    state: State<'_, AppState>,
    req: CashUpRef,
) -> Result<Printed, CommandError> {
    let store = state.store()?;
    let settings = printer(store).await?;
    let shop = store.require_shop().await?;
    let cash_up = store.cash_up(req.id).await?;
    let rows = cash_up.rows(
        &shop.name,
        shop.country.utc_offset_hours(),
        settings.width.columns(),
    );
    print(
        &settings.connection,
        printing::escpos::document(&rows, settings.width, false),
    )
    .await?;
    Ok(Printed {
        message: format!("Cash-up printed on {}.", settings.connection.describe()),
    })
}
