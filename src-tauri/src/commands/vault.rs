//! Settings → Saved secrets: where the vault stands, entering its
//! passphrase, or choosing one on a computer with no usable keyring. The
//! passphrase is never logged and never stored; the store derives the key.

use crate::auth::require_owner;
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{ChooseVaultPassphraseCmd, GetVaultStatus, UnlockVaultCmd};
use dukadesk_domain::ipc::{NoArgs, VaultPassphrase, VaultStatus};
use dukadesk_macros::ipc;
use tauri::State;

/// Where the secrets stand.
#[ipc(GetVaultStatus)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_vault_status(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<VaultStatus, CommandError> {
    let _ = req;
    Ok(state.store()?.vault_status().await?)
}

/// Opens the secrets with their passphrase (whoever opens the shop in the
/// morning may type it).
#[ipc(UnlockVaultCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn unlock_vault(
    state: State<'_, AppState>,
    req: VaultPassphrase,
) -> Result<VaultStatus, CommandError> {
    let store = state.store()?;
    let was_open = store.vault_unlocked();
    let status = store.unlock_vault_with(req.passphrase.expose()).await?;
    if !was_open {
        opened(&state).await;
    }
    Ok(status)
}

/// Chooses the passphrase (owner only: it may clear secrets that can no
/// longer be opened).
#[ipc(ChooseVaultPassphraseCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn choose_vault_passphrase(
    state: State<'_, AppState>,
    req: VaultPassphrase,
) -> Result<VaultStatus, CommandError> {
    require_owner(&state)?;
    let status = state.store()?.choose_vault_passphrase(&req).await?;
    opened(&state).await;
    Ok(status)
}

/// What waited for the secrets starts now: sync reads its credential,
/// WhatsApp resumes its link.
async fn opened(state: &AppState) {
    if let Ok(hosted) = state.hosted() {
        hosted.wake();
    }
    if let Ok(link) = state.whatsapp() {
        if let Err(e) = link.resume().await {
            tracing::warn!(error = %e, "the WhatsApp link could not resume; Settings shows it");
        }
    }
}
