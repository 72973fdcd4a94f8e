//! Who is at the till: the lock screen, the owner password, staff, and the
//! vault of saved secrets (the shell's `commands/people.rs` and
//! `commands/vault.rs`).

use super::{FieldError, NoArgs};
use crate::words::Problem;
use crate::Sensitive;
use serde::{Deserialize, Serialize};

/// Someone who may use the till, as the lock screen and Settings show them
/// (never a password or PIN, nor its hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonView {
    /// Id.
    pub id: String,
    /// Name ("Owner" for the owner).
    pub name: String,
    /// Owner or staff.
    pub role: crate::people::Role,
    /// Deactivated people cannot sign in.
    pub active: bool,
}

/// Who is at the till.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Who is signed in; `None` while the screen is locked.
    pub signed_in: Option<PersonView>,
    /// The owner typed their password in the last 10 minutes, so owner-only
    /// actions go through.
    pub owner_confirmed: bool,
    /// Whether an owner password has been set.
    pub owner_password_set: bool,
    /// Active staff, by name: when there are any, the app starts locked and
    /// locks after `idle_minutes` without use.
    pub staff: Vec<PersonView>,
    /// Idle minutes before the screen locks.
    pub idle_minutes: u32,
}

/// The first owner password (setup, or a shop set up before passwords
/// existed). Refused once one is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CreateOwner {
    /// The password.
    pub password: Sensitive<String>,
    /// The same, typed again.
    pub repeat: Sensitive<String>,
}

/// Sign in at the lock screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SignIn {
    /// A staff member's id, or `None` for the owner.
    pub person: Option<String>,
    /// Their PIN, or the owner password.
    pub secret: Sensitive<String>,
}

/// The owner password, typed for an owner-only action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ConfirmOwner {
    /// The password.
    pub password: Sensitive<String>,
}

/// Change the owner password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ChangeOwnerPassword {
    /// The current password.
    pub old: Sensitive<String>,
    /// The new one.
    pub password: Sensitive<String>,
    /// The new one again.
    pub repeat: Sensitive<String>,
}

/// Add a member of staff, or rename them or change their PIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SaveStaff {
    /// Existing person, or `None` to add one.
    pub id: Option<String>,
    /// Name.
    pub name: String,
    /// 4 to 6 digits; empty keeps the current PIN of an existing person.
    pub pin: Sensitive<String>,
}

/// Deactivate a member of staff: they can no longer sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeactivateStaff {
    /// The person.
    pub id: String,
}

/// Where the saved secrets (M-Pesa keys, the sync credential, WhatsApp's
/// keys) stand on this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum VaultStatus {
    /// Open: secrets can be saved and used.
    Open {
        /// Protected by a passphrase (else by the computer's keyring).
        by_passphrase: bool,
    },
    /// Protected by a passphrase not yet entered since DukaDesk started.
    NeedsPassphrase,
    /// This computer has no keyring DukaDesk can use: choose a passphrase.
    ChoosePassphrase {
        /// Secrets saved before cannot be opened any more (the keyring that
        /// held their key is gone): they must be entered again.
        secrets_lost: bool,
    },
}

/// The vault passphrase, entered or chosen (`confirm`: typed again when
/// choosing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct VaultPassphrase {
    /// The passphrase.
    pub passphrase: Sensitive<String>,
    /// The same again (choosing only).
    #[serde(default)]
    pub confirm: Sensitive<String>,
}

/// The fewest characters a new vault passphrase may have.
pub const VAULT_PASSPHRASE_MIN: usize = 10;

impl VaultPassphrase {
    /// Checks a passphrase being chosen: long enough, typed the same twice.
    pub fn check_new(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.passphrase.expose().chars().count() < VAULT_PASSPHRASE_MIN {
            errors.push(FieldError::said(
                "passphrase",
                &Problem::PassphraseShort(VAULT_PASSPHRASE_MIN),
            ));
        } else if self.confirm != self.passphrase {
            errors.push(FieldError::said("confirm", &Problem::PassphrasesDiffer));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Minutes without use before the screen locks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetIdleMinutes {
    /// 1 to 120.
    pub minutes: u32,
}

commands! {
    /// Who is at the till, and whether the owner is confirmed.
    GetSession, "get_session", NoArgs => SessionView;
    /// Sign in with a PIN (staff) or the password (owner).
    SignInCmd, "sign_in", SignIn => SessionView;
    /// Lock the screen and drop the owner's confirmation.
    LockCmd, "lock", NoArgs => SessionView;
    /// Type the owner password for owner-only actions (valid 10 minutes).
    ConfirmOwnerCmd, "confirm_owner", ConfirmOwner => SessionView;
    /// Set the first owner password; the owner is then signed in.
    CreateOwnerCmd, "create_owner", CreateOwner => SessionView;
    /// Change the owner password (needs the current one).
    ChangeOwnerPasswordCmd, "change_owner_password", ChangeOwnerPassword => SessionView;
    /// Where the saved secrets stand (open, or a passphrase to enter or choose).
    GetVaultStatus, "get_vault_status", NoArgs => VaultStatus;
    /// Open the saved secrets with their passphrase.
    UnlockVaultCmd, "unlock_vault", VaultPassphrase => VaultStatus;
    /// Protect the saved secrets with a new passphrase, on a computer with no
    /// usable keyring (owner only).
    ChooseVaultPassphraseCmd, "choose_vault_passphrase", VaultPassphrase => VaultStatus;
    /// Everyone, active or not (owner only).
    ListPeople, "list_people", NoArgs => Vec<PersonView>;
    /// Add or edit a member of staff (owner only).
    SaveStaffCmd, "save_staff", SaveStaff => Vec<PersonView>;
    /// Deactivate a member of staff (owner only).
    DeactivateStaffCmd, "deactivate_staff", DeactivateStaff => Vec<PersonView>;
    /// Minutes without use before the screen locks (owner only).
    SetIdleMinutesCmd, "set_idle_minutes", SetIdleMinutes => SessionView;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_vault_passphrase_is_long_enough_typed_twice_and_never_printed() {
        let p = |a: &str, b: &str| VaultPassphrase {
            passphrase: a.into(),
            confirm: b.into(),
        };
        let short = p("nine char", "nine char").check_new().expect_err("short");
        assert_eq!(short[0].field, "passphrase");
        let differ = p("ten chars!", "ten chars?")
            .check_new()
            .expect_err("differ");
        assert_eq!(differ[0].field, "confirm");
        assert!(p("ten chars!", "ten chars!").check_new().is_ok());
        // Letters, not bytes: ten Arabic letters are enough.
        assert!(p("كلمةسرطويل", "كلمةسرطويل").check_new().is_ok());
        assert!(!format!("{:?}", p("ten chars!", "ten chars!")).contains("ten chars"));
    }
}
