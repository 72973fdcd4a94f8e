//! The Disconnect window (its own native window, opened by the owner from
//! Settings): unlink WhatsApp and leave the hosted backend. Each says what
//! will happen, asks to confirm, and shows what was done. The commands that
//! disconnect (`unlink_whatsapp`, `disconnect_hosted`) are granted to this
//! window only (capability `disconnect.json`).

use super::windows::{open_or_focus, WindowSpec};
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::NoArgs;
use dukadesk_domain::ipc::OpenDisconnectWindow;
use dukadesk_macros::ipc;
use tauri::{AppHandle, Runtime, State};

/// The Disconnect window's label (its capability file names it).
pub const DISCONNECT_WINDOW: &str = "disconnect";

/// The Disconnect window.
const DISCONNECT: WindowSpec = WindowSpec {
    label: DISCONNECT_WINDOW,
    title: "Disconnect – DukaDesk",
    size: (560.0, 720.0),
    min_size: (440.0, 520.0),
};

/// Opens the Disconnect window, or brings it forward (owner only, asked for
/// here in the main window, which can show the password prompt).
#[ipc(OpenDisconnectWindow)]
#[tauri::command]
#[tracing::instrument(skip(app, state), err)]
pub async fn open_disconnect_window<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<NoArgs, CommandError> {
    crate::auth::require_owner(&state)?;
    open_or_focus(&app, &DISCONNECT)?;
    Ok(req)
}
