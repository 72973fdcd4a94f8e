//! The lock screen, the owner password and Settings → People. Secrets are
//! checked by the store; `crate::auth` remembers who is signed in.

use crate::auth::{owner_person, require_owner};
use crate::error::CommandError;
use crate::state::AppState;
use dukadesk_domain::ipc::{
    ChangeOwnerPassword, ConfirmOwner, CreateOwner, DeactivateStaff, NoArgs, PersonView, SaveStaff,
    SessionView, SetIdleMinutes, SignIn,
};
use dukadesk_domain::ipc::{
    ChangeOwnerPasswordCmd, ConfirmOwnerCmd, CreateOwnerCmd, DeactivateStaffCmd, GetSession,
    ListPeople, LockCmd, SaveStaffCmd, SetIdleMinutesCmd, SignInCmd,
};
use dukadesk_macros::ipc;
use std::time::Instant;
use tauri::{AppHandle, Manager, Runtime, State};

/// The session as the UI shows it.
async fn session_view(state: &AppState) -> Result<SessionView, CommandError> {
    let store = state.store()?;
    let staff = store.active_staff().await?;
    let session = state.session();
    session.set_staff_exist(!staff.is_empty());
    Ok(SessionView {
        signed_in: session.signed_in(),
        owner_confirmed: session.owner_confirmed(Instant::now()),
        owner_password_set: store.owner_password_set().await?,
        staff,
        idle_minutes: store.idle_minutes().await?,
    })
}

/// Who is at the till.
#[ipc(GetSession)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn get_session(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<SessionView, CommandError> {
    let _ = req;
    session_view(&state).await
}

/// Sign in with a PIN or the owner password. Never logged.
#[ipc(SignInCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn sign_in(state: State<'_, AppState>, req: SignIn) -> Result<SessionView, CommandError> {
    let store = state.store()?;
    let person = {
        let _one_at_a_time = state.session().checking().await;
        match &req.person {
            Some(id) => store.verify_pin(id, req.secret.expose()).await?,
            None => store.verify_owner(req.secret.expose()).await?,
        }
    };
    state.session().sign_in(person, Instant::now());
    session_view(&state).await
}

/// Lock the screen. When that signs everyone out, the pairing window
/// closes too (which stops a link in progress): a QR code left on a locked
/// till would let anyone who scans it link their phone. So does the
/// Disconnect window (nobody should unlink a locked till). A running export
/// goes on (the owner started it); its window can only stop or close it
/// while the screen is locked (`crate::auth::lock_gate`).
#[ipc(LockCmd)]
#[tauri::command]
#[tracing::instrument(skip(app, state), err)]
pub async fn lock<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<SessionView, CommandError> {
    let _ = req;
    session_view(&state).await?;
    state.session().lock();
    if state.session().signed_in().is_none() {
        for label in [
            super::whatsapp::PAIRING_WINDOW,
            super::disconnect::DISCONNECT_WINDOW,
        ] {
            if let Some(window) = app.get_webview_window(label) {
                if let Err(e) = window.close() {
                    tracing::warn!(error = %e, window = label, "a window did not close at lock");
                }
            }
        }
    }
    session_view(&state).await
}

/// The owner password for owner-only actions. Never logged.
#[ipc(ConfirmOwnerCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn confirm_owner(
    state: State<'_, AppState>,
    req: ConfirmOwner,
) -> Result<SessionView, CommandError> {
    {
        let _one_at_a_time = state.session().checking().await;
        state.store()?.verify_owner(req.password.expose()).await?;
    }
    state.session().confirm_owner(Instant::now());
    session_view(&state).await
}

/// The first owner password; the owner is then signed in. Never logged.
#[ipc(CreateOwnerCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn create_owner(
    state: State<'_, AppState>,
    req: CreateOwner,
) -> Result<SessionView, CommandError> {
    let owner = state
        .store()?
        .set_owner_password(req.password.expose(), req.repeat.expose())
        .await?;
    state
        .session()
        .sign_in(owner_person(owner.id), Instant::now());
    session_view(&state).await
}

/// Change the owner password (the current one proves it is the owner).
#[ipc(ChangeOwnerPasswordCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn change_owner_password(
    state: State<'_, AppState>,
    req: ChangeOwnerPassword,
) -> Result<SessionView, CommandError> {
    {
        let _one_at_a_time = state.session().checking().await;
        state
            .store()?
            .change_owner_password(req.old.expose(), req.password.expose(), req.repeat.expose())
            .await?;
    }
    state.session().confirm_owner(Instant::now());
    session_view(&state).await
}

/// Everyone, active or not.
#[ipc(ListPeople)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn list_people(
    state: State<'_, AppState>,
    req: NoArgs,
) -> Result<Vec<PersonView>, CommandError> {
    let _ = req;
    require_owner(&state)?;
    Ok(state.store()?.people().await?)
}

/// Add or edit a member of staff. The request holds a PIN: never logged.
#[ipc(SaveStaffCmd)]
#[tauri::command]
#[tracing::instrument(skip(state, req), err)]
pub async fn save_staff(
    state: State<'_, AppState>,
    req: SaveStaff,
) -> Result<Vec<PersonView>, CommandError> {
    let actor = require_owner(&state)?;
    let store = state.store()?;
    store
        .save_staff(&actor, req.id.as_deref(), &req.name, req.pin.expose())
        .await?;
    session_view(&state).await?;
    Ok(store.people().await?)
}

/// Deactivate a member of staff.
#[ipc(DeactivateStaffCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn deactivate_staff(
    state: State<'_, AppState>,
    req: DeactivateStaff,
) -> Result<Vec<PersonView>, CommandError> {
    let actor = require_owner(&state)?;
    let store = state.store()?;
    store.deactivate_staff(&actor, &req.id).await?;
    session_view(&state).await?;
    Ok(store.people().await?)
}

/// Minutes without use before the screen locks.
#[ipc(SetIdleMinutesCmd)]
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn set_idle_minutes(
    state: State<'_, AppState>,
    req: SetIdleMinutes,
) -> Result<SessionView, CommandError> {
    require_owner(&state)?;
    state.store()?.set_idle_minutes(req.minutes).await?;
    session_view(&state).await
}
