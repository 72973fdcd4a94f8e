//! Settings -> Hosted backend: connect, watch sync, disconnect, bot host.

use crate::auth::require_owner;
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{ConnectHosted, HostedLeft, HostedStatus, NoArgs, SetBotHost};
use dukadesk_domain::ipc::{
    ConnectHostedCmd, DisconnectHosted, GetHostedStatus, SetBotHostCmd, SyncNow,
};
use dukadesk_macros::ipc;
use tauri::State;

/// Hosted backend and sync state.
#[ipc(GetHostedStatus)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_hosted_status(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<HostedStatus, CommandError> {
    let _ = req;
    Ok(state.hosted()?.status().await?)
}

/// Enrols this till (owner only). The request holds a one-time password:
/// never logged.
#[ipc(ConnectHostedCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn connect_hosted(
    state: State<'_, AppState>,
    req: ConnectHosted,
) -> Result<HostedStatus, CommandError> {
    require_owner(&state)?;
    Ok(state.hosted()?.connect(&req.enrolment).await?)
}

/// Stops syncing and forgets the connection (owner only).
#[ipc(DisconnectHosted)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn disconnect_hosted(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<HostedLeft, CommandError> {
    let _ = req;
    let actor = require_owner(&state)?;
    let left = state.hosted()?.disconnect().await?;
    let detail = match left.unsent_changes {
        0 => "sync stopped; password forgotten".to_owned(),
        n => format!("sync stopped; password forgotten; {n} changes kept unsent"),
    };
    state
        .store()?
        .audit(
            &actor,
            dukadesk_core::privacy::AuditAction::DisconnectHosted,
            None,
            &detail,
        )
        .await?;
    Ok(left)
}

/// Syncs now.
#[ipc(SyncNow)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn sync_now(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<HostedStatus, CommandError> {
    let _ = req;
    Ok(state.hosted()?.sync_now().await?)
}

/// Offer to run the WhatsApp bot on this till, or not.
#[ipc(SetBotHostCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_bot_host(
    state: State<'_, AppState>,
    req: SetBotHost,
) -> Result<HostedStatus, CommandError> {
    Ok(state.hosted()?.set_bot_host(req.wanted).await?)
}
