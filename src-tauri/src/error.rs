//! How a failure reaches the UI. Core answers in its own errors
//! (`StoreError`, `SyncError`, `ExportError`), each saying what happened and
//! what to do; only here are they turned into the [`IpcError`] the UI reads:
//! a code it can act on, the words, and per-field problems.

use dukadesk_core::privacy::export::ExportError;
use dukadesk_core::store::StoreError;
use dukadesk_core::sync::SyncError;
use dukadesk_domain::ipc::{ErrorCode, FieldError, IpcError};

/// What a command answers when it fails: serialised exactly as the
/// [`IpcError`] it holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct CommandError(pub IpcError);

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for CommandError {}

impl From<IpcError> for CommandError {
    fn from(e: IpcError) -> Self {
        CommandError(e)
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        CommandError(store_error(e))
    }
}

impl From<SyncError> for CommandError {
    fn from(e: SyncError) -> Self {
        CommandError(sync_error(e))
    }
}

impl From<ExportError> for CommandError {
    fn from(e: ExportError) -> Self {
        CommandError(export_error(e))
    }
}

impl From<CommandError> for IpcError {
    fn from(e: CommandError) -> Self {
        e.0
    }
}

/// A store error as the UI reads it.
pub fn store_error(e: StoreError) -> IpcError {
    let code = match &e {
        StoreError::Invalid(fields) => return IpcError::invalid(fields.clone()),
        StoreError::NotSetUp => ErrorCode::NotSetUp,
        StoreError::NotFound(_) => ErrorCode::NotFound,
        StoreError::Stale(_) => ErrorCode::Stale,
        StoreError::Transition(moved) => return IpcError::said(ErrorCode::Stale, moved),
        StoreError::Refused(_) => ErrorCode::Conflict,
        StoreError::Refusal(problem) => return IpcError::said(ErrorCode::Conflict, problem),
        StoreError::VaultLocked(_) => ErrorCode::VaultLocked,
        StoreError::TooSoon { .. } => ErrorCode::TryLater,
        StoreError::Unreachable(_) | StoreError::Internal(_) => ErrorCode::Internal,
        StoreError::Corrupt { .. }
        | StoreError::NewerSchema { .. }
        | StoreError::Open { .. }
        | StoreError::Migrate { .. }
        | StoreError::BadRow(_)
        | StoreError::Sql(_) => ErrorCode::Storage,
    };
    IpcError::new(code, e.to_string())
}

/// A sync error as the UI reads it: what is wrong with the pasted
/// enrolment string goes beside it.
pub fn sync_error(e: SyncError) -> IpcError {
    match e {
        SyncError::Store(s) => store_error(s),
        SyncError::BadEnrolment(_)
        | SyncError::EnrolmentExpired
        | SyncError::DirectGone
        | SyncError::Refused(_)
        | SyncError::Tls(_)
        | SyncError::CertificateChanged => {
            IpcError::invalid(vec![FieldError::new("enrolment", e.to_string())])
        }
        SyncError::NotEnrolled => IpcError::new(ErrorCode::NotFound, e.to_string()),
        SyncError::AlreadyConnected { .. } => IpcError::new(ErrorCode::Stale, e.to_string()),
        SyncError::Offline(_)
        | SyncError::SchemaTooNew { .. }
        | SyncError::UpdateNeeded(_)
        | SyncError::TooLarge(_)
        | SyncError::Server(_) => IpcError::new(ErrorCode::Conflict, e.to_string()),
    }
}

/// An export error as the UI reads it: a phone number not found goes
/// beside the phone field.
pub fn export_error(e: ExportError) -> IpcError {
    match e {
        ExportError::Phone(phone) => IpcError::invalid(vec![FieldError::said("phone", &phone)]),
        ExportError::UnknownPhone { .. } => {
            IpcError::invalid(vec![FieldError::new("phone", e.to_string())])
        }
        ExportError::Store(e) => store_error(e),
        ExportError::Cancelled => IpcError::new(ErrorCode::Conflict, e.to_string()),
        ExportError::DiskFull | ExportError::Write { .. } => {
            IpcError::new(ErrorCode::Storage, e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_carry_a_code_the_ui_acts_on_and_plain_words() {
        let e = store_error(StoreError::field("name", "Enter a name"));
        assert_eq!(e.code, ErrorCode::Invalid);
        assert_eq!(e.field("name"), Some("Enter a name"));
        assert_eq!(store_error(StoreError::NotSetUp).code, ErrorCode::NotSetUp);
        let locked = store_error(StoreError::VaultLocked("Open the saved secrets.".into()));
        assert_eq!(locked.code, ErrorCode::VaultLocked);
        assert_eq!(locked.message, "Open the saved secrets.");
        let wait = store_error(StoreError::TooSoon {
            message: "Wait 5 minutes.".into(),
            wait_secs: 300,
        });
        assert_eq!(wait.code, ErrorCode::TryLater);
        assert_eq!(
            store_error(StoreError::Stale("Refresh.".into())).code,
            ErrorCode::Stale
        );
    }

    #[test]
    fn a_bad_enrolment_string_is_named_beside_its_field() {
        let e = sync_error(SyncError::BadEnrolment("it is cut short".into()));
        assert_eq!(e.code, ErrorCode::Invalid);
        assert!(e
            .field("enrolment")
            .is_some_and(|m| m.contains("cut short")));
        let e = sync_error(SyncError::AlreadyConnected {
            shop: "Mama Mboga".into(),
            label: "Till 1".into(),
        });
        assert!(e.message.contains("Disconnect it first"), "{}", e.message);
    }

    #[test]
    fn a_command_error_reaches_the_ui_as_the_ipc_error_it_holds() {
        let e = CommandError::from(StoreError::NotSetUp);
        let json = serde_json::to_value(&e).expect("json");
        let back: IpcError = serde_json::from_value(json).expect("an IpcError");
        assert_eq!(back, e.0);
    }
}
