//! The owner and staff who use the till: the rules for the owner password,
//! staff names and PINs, and how long a person waits after wrong tries.
//! Shared by the store (which enforces them) and the UI (which checks forms
//! with the same words before sending them).

use crate::ipc::FieldError;
use crate::words::Problem;
use serde::{Deserialize, Serialize};

/// The shortest owner password accepted.
pub const OWNER_PASSWORD_MIN: usize = 8;
/// Wrong tries in a row before a person must wait.
pub const FREE_TRIES: i64 = 5;
/// The first wait, in seconds; it doubles with each further wrong try.
pub const FIRST_WAIT_SECS: i64 = 30;
/// The longest wait, in seconds (15 minutes).
pub const MAX_WAIT_SECS: i64 = 15 * 60;
/// How long an owner password typed for an owner-only action counts, in
/// minutes.
pub const OWNER_CONFIRM_MINUTES: i64 = 10;
/// Idle minutes before the screen locks, unless the owner set another.
pub const DEFAULT_IDLE_MINUTES: u32 = 5;

/// Owner or staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// The shop's owner: the only one who may export, delete, disconnect or
    /// change payment and backend settings.
    Owner,
    /// A member of staff at the till.
    Staff,
}

/// Checks a new owner password and its repetition (fields `password` and
/// `repeat`).
pub fn check_owner_password(password: &str, repeat: &str) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if password.chars().count() < OWNER_PASSWORD_MIN {
        errors.push(FieldError::said(
            "password",
            &Problem::PasswordShort(OWNER_PASSWORD_MIN),
        ));
    } else if password != repeat {
        errors.push(FieldError::said("repeat", &Problem::PasswordsDiffer));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Checks a staff PIN (field `pin`): 4 to 6 digits.
pub fn check_pin(pin: &str) -> Result<(), FieldError> {
    let digits = pin.chars().all(|c| c.is_ascii_digit());
    if !digits || !(4..=6).contains(&pin.len()) {
        return Err(FieldError::said("pin", &Problem::Pin));
    }
    Ok(())
}

/// Checks a staff member's name (field `name`) and returns it trimmed.
pub fn check_staff_name(name: &str) -> Result<String, FieldError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(FieldError::said("name", &Problem::StaffName));
    }
    if name.chars().count() > 40 {
        return Err(FieldError::said("name", &Problem::StaffNameLong));
    }
    Ok(name.to_owned())
}

/// How long a person must wait after `failed` wrong tries in a row, in
/// seconds; `None` while they may simply try again. The 5th wrong try
/// costs 30 s, each further one doubles it, up to 15 minutes.
pub fn wait_after(failed: i64) -> Option<i64> {
    if failed < FREE_TRIES {
        return None;
    }
    let doublings = (failed - FREE_TRIES).min(10) as u32;
    Some((FIRST_WAIT_SECS << doublings).min(MAX_WAIT_SECS))
}

/// A wait in words: "30 seconds", "1 minute", "15 minutes".
pub fn wait_words(secs: i64) -> String {
    let secs = secs.max(1);
    if secs < 60 {
        return format!("{secs} second{}", if secs == 1 { "" } else { "s" });
    }
    let minutes = (secs + 59) / 60;
    format!("{minutes} minute{}", if minutes == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_passwords_need_eight_characters_typed_twice() {
        let short = check_owner_password("1234567", "1234567").unwrap_err();
        assert_eq!(short[0].field, "password");
        let differ = check_owner_password("duka ya mama", "duka ya mam").unwrap_err();
        assert_eq!(differ[0].field, "repeat");
        assert!(check_owner_password("duka ya mama", "duka ya mama").is_ok());
    }

    #[test]
    fn pins_are_four_to_six_digits() {
        for bad in ["", "123", "1234567", "12a4", " 1234", "１２３４"] {
            assert!(check_pin(bad).is_err(), "{bad:?} was accepted");
        }
        for good in ["0000", "12345", "987654"] {
            assert!(check_pin(good).is_ok(), "{good:?} was refused");
        }
    }

    #[test]
    fn waits_start_at_the_fifth_wrong_try_and_double_up_to_fifteen_minutes() {
        let table = [
            (0, None),
            (4, None),
            (5, Some(30)),
            (6, Some(60)),
            (7, Some(120)),
            (9, Some(480)),
            (10, Some(900)),
            (50, Some(900)),
        ];
        for (failed, wait) in table {
            assert_eq!(wait_after(failed), wait, "after {failed} wrong tries");
        }
        assert_eq!(wait_words(30), "30 seconds");
        assert_eq!(wait_words(60), "1 minute");
        assert_eq!(wait_words(61), "2 minutes");
    }

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(check_staff_name("  Amina ").unwrap(), "Amina");
        assert_eq!(check_staff_name("   ").unwrap_err().field, "name");
    }
}
