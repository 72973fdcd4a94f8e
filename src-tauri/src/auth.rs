//! Who is at the till, and whether the owner confirmed their password
//! lately. The store checks secrets (`dukadesk_core::people`); this
//! module only remembers the answer for the running app.
//!
//! - With no active staff, the app starts signed in as the owner (a shop
//!   with no accounts works from the first launch); with staff, it starts
//!   locked until someone signs in.
//! - Owner-only commands call [`require_owner`] first: it lets them through
//!   only when the owner typed the owner password in the last 10 minutes
//!   (`ConfirmOwner`, or signing in as the owner), and otherwise refuses with
//!   `ErrorCode::OwnerRequired`, which the UI answers by asking for the
//!   password and trying again.
//! - Commands that change orders call [`current_name`] (or
//!   [`current_actor`]) so history says who did it; while the screen is
//!   locked they are refused with `ErrorCode::SignInRequired`.
//! - Locking (the Lock button, or the UI's idle timer) always drops the
//!   owner's confirmation.
//! - Locked means locked in the shell, not only behind the UI's lock screen:
//!   [`lock_gate`] wraps the app's command handler and, while nobody is
//!   signed in, refuses every command not in [`OPEN_WHILE_LOCKED`] with
//!   `ErrorCode::SignInRequired`, from any window.

use crate::state::AppState;
use dukadesk_core::privacy::Actor;
use dukadesk_domain::ipc::{
    CancelExport, CancelWhatsAppLink, CloseWindow, Command, ErrorCode, GetAppInfo, GetSession,
    GetShop, GetTheme, GetUiLanguage, IpcError, LockCmd, PersonView, SignInCmd,
};
use dukadesk_domain::people::{Role, OWNER_CONFIRM_MINUTES};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::ipc::Invoke;
use tauri::{Manager, Runtime};

/// How long an owner confirmation lasts.
pub const OWNER_CONFIRMATION: Duration = Duration::from_secs(OWNER_CONFIRM_MINUTES as u64 * 60);

/// The owner as shown when no owner row exists yet.
fn owner_view(id: Option<String>) -> PersonView {
    PersonView {
        id: id.unwrap_or_default(),
        name: "Owner".into(),
        role: Role::Owner,
        active: true,
    }
}

/// The running app's session.
#[derive(Debug)]
pub struct Session {
    inner: Mutex<Inner>,
    /// Sign-in attempts are checked one at a time, so wrong tries are
    /// counted in order and none slips past a lock.
    checking: tokio::sync::Mutex<()>,
}

#[derive(Debug, Clone)]
struct Inner {
    signed_in: Option<PersonView>,
    owner_confirmed_until: Option<Instant>,
    /// Whether any active staff exist (then locking shows the lock screen).
    staff_exist: bool,
}

impl Session {
    /// A new session: locked when staff exist, else signed in as the owner.
    pub fn new(staff_exist: bool) -> Self {
        Self {
            inner: Mutex::new(Inner {
                signed_in: (!staff_exist).then(|| owner_view(None)),
                owner_confirmed_until: None,
                staff_exist,
            }),
            checking: tokio::sync::Mutex::new(()),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut inner)
    }

    /// Serialises secret checks (see the field).
    pub async fn checking(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.checking.lock().await
    }

    /// Who is signed in.
    pub fn signed_in(&self) -> Option<PersonView> {
        self.with(|i| i.signed_in.clone())
    }

    /// Whether the owner confirmed their password within the last 10
    /// minutes, as of `now`.
    pub fn owner_confirmed(&self, now: Instant) -> bool {
        self.with(|i| i.owner_confirmed_until.is_some_and(|until| now < until))
    }

    /// `person` signed in (their secret was checked). The owner signing in
    /// with the password also confirms owner-only actions.
    pub fn sign_in(&self, person: PersonView, now: Instant) {
        self.with(|i| {
            if person.role == Role::Owner {
                i.owner_confirmed_until = Some(now + OWNER_CONFIRMATION);
            } else {
                // A new person at the till does not inherit the owner's
                // confirmation.
                i.owner_confirmed_until = None;
            }
            i.signed_in = Some(person);
        });
    }

    /// The owner typed the password for an owner-only action.
    pub fn confirm_owner(&self, now: Instant) {
        self.with(|i| i.owner_confirmed_until = Some(now + OWNER_CONFIRMATION));
    }

    /// Locks: drops the owner's confirmation and, when staff exist, signs
    /// everyone out (without staff, the owner stays at the till).
    pub fn lock(&self) {
        self.with(|i| {
            i.owner_confirmed_until = None;
            i.signed_in = (!i.staff_exist).then(|| owner_view(None));
        });
    }

    /// Records whether active staff exist (after adding or deactivating).
    pub fn set_staff_exist(&self, staff_exist: bool) {
        self.with(|i| i.staff_exist = staff_exist);
    }

    /// The owner-only gate, as of `now` (see [`require_owner`]).
    pub fn require_owner(&self, now: Instant) -> Result<Actor, IpcError> {
        if self.owner_confirmed(now) {
            Ok(Actor::Owner)
        } else {
            Err(IpcError::new(
                ErrorCode::OwnerRequired,
                "Only the owner can do this. Type the owner password to go on.",
            ))
        }
    }

    /// Who is signed in, as an actor, or `SignInRequired`.
    pub fn current(&self) -> Result<(Actor, String), IpcError> {
        match self.signed_in() {
            Some(p) if p.role == Role::Owner => Ok((Actor::Owner, p.name)),
            Some(p) => Ok((Actor::Staff(p.id), p.name)),
            None => Err(sign_in_required()),
        }
    }
}

/// The refusal while the screen is locked.
fn sign_in_required() -> IpcError {
    IpcError::new(
        ErrorCode::SignInRequired,
        "The screen is locked. Sign in with your PIN first.",
    )
}

/// The commands the shell answers while the screen is locked: what boot and
/// the lock screen need (app info, theme, the shop's name, who may sign in,
/// signing in, locking again), and stopping what a secondary window had
/// under way (an export, a WhatsApp link). Nothing here reads customers,
/// orders, chats, reports or settings, or changes anything but the session.
/// First-run setup needs none of it: a shop with no staff is never locked.
pub const OPEN_WHILE_LOCKED: &[&str] = &[
    GetAppInfo::NAME,
    GetTheme::NAME,
    // The lock screen speaks the till's language.
    GetUiLanguage::NAME,
    // The lock screen shows the shop's name; a store that did not open
    // answers with its error, which the boot screen shows.
    GetShop::NAME,
    GetSession::NAME,
    SignInCmd::NAME,
    LockCmd::NAME,
    CancelExport::NAME,
    CloseWindow::NAME,
    CancelWhatsAppLink::NAME,
];

/// Wraps the app's command handler: while nobody is signed in, any command
/// not in [`OPEN_WHILE_LOCKED`] is refused with `ErrorCode::SignInRequired`,
/// serialized exactly as a command's own `Err(IpcError)`, before its
/// arguments are read (a command missing from `ipc::ALL_COMMANDS` is held
/// too: the gate lists what passes, not what stops); everything else goes
/// to `handler`. Plugin commands (events, window state) never reach the
/// app's handler.
///
/// A command that arrives while the app is still starting (the shop's file
/// opening, `AppState::ready`) waits for it on the async runtime, never on
/// the thread that called the gate (the window's: blocking it would stop
/// the page from drawing).
pub fn lock_gate<R, F>(handler: F) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static
where
    R: Runtime,
    F: Fn(Invoke<R>) -> bool + Send + Sync + 'static,
{
    let handler = std::sync::Arc::new(handler);
    move |invoke: Invoke<R>| {
        let starting = invoke
            .message
            .webview_ref()
            .try_state::<AppState>()
            .is_some_and(|s| !s.is_started());
        if starting {
            let handler = handler.clone();
            tauri::async_runtime::spawn(async move {
                let webview = invoke.message.webview();
                if let Some(state) = webview.try_state::<AppState>() {
                    state.started().await;
                }
                let (resolver, command) =
                    (invoke.resolver.clone(), invoke.message.command().to_owned());
                if !gate(invoke, handler.as_ref()) {
                    resolver.reject(format!("command {command} not found"));
                }
            });
            return true;
        }
        gate(invoke, handler.as_ref())
    }
}

/// [`lock_gate`] once the app has started.
fn gate<R, F>(invoke: Invoke<R>, handler: &F) -> bool
where
    R: Runtime,
    F: Fn(Invoke<R>) -> bool,
{
    let command = invoke.message.command();
    if !OPEN_WHILE_LOCKED.contains(&command) {
        let state = invoke.message.webview_ref().try_state::<AppState>();
        // Without a managed state the commands answer their own error.
        let locked = state.is_some_and(|s| s.session().signed_in().is_none());
        if locked {
            tracing::debug!(command, "refused while the screen is locked");
            invoke.resolver.reject(sign_in_required());
            return true;
        }
    }
    handler(invoke)
}

/// The gate for owner-only commands (export, customer erasure, disconnect,
/// payment and backend settings): call it first and return its error as it
/// is.
///
/// ```ignore
/// let actor = crate::auth::require_owner(&state)?;
/// ```
///
/// Ok (with `Actor::Owner`, for the audit line) only when the owner typed
/// the owner password in the last 10 minutes; otherwise
/// `ErrorCode::OwnerRequired`, which the UI answers by asking for the
/// password and repeating the command.
pub fn require_owner(state: &AppState) -> Result<Actor, IpcError> {
    state.session().require_owner(Instant::now())
}

/// Who is signed in, for audit lines; `SignInRequired` while locked.
pub fn current_actor(state: &AppState) -> Result<Actor, IpcError> {
    state.session().current().map(|(actor, _)| actor)
}

/// The signed-in person's name ("Owner", "Amina"), for order history;
/// `SignInRequired` while locked.
pub fn current_name(state: &AppState) -> Result<String, IpcError> {
    state.session().current().map(|(_, name)| name)
}

/// The owner's row id in the session's view, once known.
pub fn owner_person(id: String) -> PersonView {
    owner_view(Some(id))
}

#[cfg(test)]
mod tests;
