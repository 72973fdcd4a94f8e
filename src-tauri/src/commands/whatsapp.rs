//! Settings -> WhatsApp and the pairing window: the link's status, linking
//! (QR or phone number), cancelling, unlinking, and opening the pairing
//! window (created on demand, closed when done: each window costs a WebKit
//! process).

use super::windows::{open_or_focus, WindowSpec};
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{
    CancelWhatsAppLink, GetWhatsAppStatus, LinkWhatsAppCmd, OpenPairingWindow,
    SetWhatsAppPdfReceipts, UnlinkWhatsApp,
};
use dukadesk_domain::ipc::{
    LinkWhatsApp, NoArgs, SetPdfReceipts, WhatsAppStatus, WhatsAppUnlinked,
};
use dukadesk_macros::ipc;
use tauri::{AppHandle, Manager, Runtime, State, WindowEvent};

/// The pairing window's label (its capability file names it).
pub const PAIRING_WINDOW: &str = "pairing";

/// The pairing window.
const PAIRING: WindowSpec = WindowSpec {
    label: PAIRING_WINDOW,
    title: "Link WhatsApp",
    size: (460.0, 680.0),
    min_size: (380.0, 560.0),
};

/// The link's health and the pairing window's state.
#[ipc(GetWhatsAppStatus)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_whatsapp_status(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<WhatsAppStatus, CommandError> {
    let _ = req;
    Ok(state.whatsapp()?.status().await?)
}

/// Opens (or brings forward) the pairing window. Async: windows must not be
/// created from a synchronous command.
#[ipc(OpenPairingWindow)]
#[tauri::command]
#[tracing::instrument(skip(app, state), err)]
pub async fn open_pairing_window<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<(), CommandError> {
    // Linking the shop's WhatsApp is the owner's decision, asked for here in
    // the main window (which can show the password prompt).
    crate::auth::require_owner(&state)?;
    let _ = req;
    let Some(window) = open_or_focus(&app, &PAIRING)? else {
        return Ok(());
    };
    // Closing the window mid-way stops the link in progress.
    let handle = app.clone();
    window.on_window_event(move |event| {
        if matches!(event, WindowEvent::Destroyed) {
            let handle = handle.clone();
            tauri::async_runtime::spawn(async move {
                if let Ok(link) = handle.state::<AppState>().whatsapp() {
                    let _ = link.cancel().await;
                }
            });
        }
    });
    Ok(())
}

/// Starts linking: only now does DukaDesk contact WhatsApp. The phone
/// number is personal data: not logged.
#[ipc(LinkWhatsAppCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn link_whatsapp(
    state: State<'_, AppState>,
    req: LinkWhatsApp,
) -> Result<WhatsAppStatus, CommandError> {
    Ok(state.whatsapp()?.link_request(&req).await?)
}

/// Stops a link in progress.
#[ipc(CancelWhatsAppLink)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn cancel_whatsapp_link(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<WhatsAppStatus, CommandError> {
    let _ = req;
    Ok(state.whatsapp()?.cancel().await?)
}

/// Unlinks this computer and wipes its WhatsApp keys.
#[ipc(UnlinkWhatsApp)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn unlink_whatsapp(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<WhatsAppUnlinked, CommandError> {
    let _ = req;
    let actor = crate::auth::require_owner(&state)?;
    let done = state.whatsapp()?.unlink().await?;
    let detail = if done.whatsapp_told {
        "unlinked; session keys wiped"
    } else {
        "session keys wiped; WhatsApp could not be told (offline)"
    };
    state
        .store()?
        .audit(
            &actor,
            dukadesk_core::privacy::AuditAction::DisconnectWhatsApp,
            None,
            detail,
        )
        .await?;
    Ok(done)
}

/// Sends a PDF receipt after the text receipt, or not.
#[ipc(SetWhatsAppPdfReceipts)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_whatsapp_pdf_receipts(
    state: State<'_, AppState>,
    req: SetPdfReceipts,
) -> Result<WhatsAppStatus, CommandError> {
    Ok(state.whatsapp()?.set_pdf_receipts(req.on).await?)
}
