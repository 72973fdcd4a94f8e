//! The owner and staff: the owner password (set once, changed with the old
//! one), staff with short PINs, and checking either at sign-in.
//!
//! - Secrets are stored only as Argon2id PHC strings (random salt per hash);
//!   the argon2 crate compares them in constant time. Hashing runs on a
//!   blocking thread so the till's other work goes on.
//! - Wrong tries are counted in the person's row: from the 5th wrong try in
//!   a row the person waits 30 s, doubling with each further wrong try up to
//!   15 minutes (`dukadesk_domain::people::wait_after`); a right one resets
//!   the count. The error says how long to wait.
//! - Every change and every wrong try lands in the audit log, with ids as
//!   actor and subject, never a PIN or password.
//!
//! The shell decides who is signed in; this module only answers "is this
//! the right secret" and keeps the rows.

use crate::privacy::audit::{record, Actor, AuditAction};
use crate::store::{new_id, Store, StoreError};
use aes_gcm::aead::rand_core::RngCore;
use aes_gcm::aead::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use dukadesk_domain::ipc::{FieldError, PersonView};
use dukadesk_domain::people::{self, Role};
use dukadesk_domain::words::Problem;
use zeroize::Zeroizing;

/// The idle-lock setting's key in `settings`.
const IDLE_MINUTES_KEY: &str = "idle_minutes";

/// One `staff` row, as read for checks.
#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    name: String,
    role: String,
    secret_hash: String,
    failed_attempts: i64,
    locked_until: Option<i64>,
    active: i64,
}

impl Row {
    fn role(&self) -> Role {
        if self.role == "owner" {
            Role::Owner
        } else {
            Role::Staff
        }
    }

    fn view(&self) -> PersonView {
        PersonView {
            id: self.id.clone(),
            name: self.name.clone(),
            role: self.role(),
            active: self.active != 0,
        }
    }
}

const COLUMNS: &str = "id, name, role, secret_hash, failed_attempts, locked_until, active";

/// Hashes a secret with Argon2id (the crate's default cost: 19 MiB, 2
/// passes) and a fresh random salt, as a PHC string.
async fn hash(secret: &str) -> Result<String, StoreError> {
    let secret = Zeroizing::new(secret.to_owned());
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        OsRng.fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt)
            .map_err(|e| StoreError::Internal(format!("Could not protect the secret: {e}.")))?;
        argon2::Argon2::default()
            .hash_password(secret.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| StoreError::Internal(format!("Could not protect the secret: {e}.")))
    })
    .await
    .map_err(|e| StoreError::Internal(format!("Could not protect the secret: {e}.")))?
}

/// Whether `secret` matches the stored PHC string (constant-time in the
/// crate). A damaged hash matches nothing.
async fn matches(secret: &str, stored: &str) -> bool {
    let secret = Zeroizing::new(secret.to_owned());
    let stored = stored.to_owned();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .map(|h| {
                argon2::Argon2::default()
                    .verify_password(secret.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

impl Store {
    async fn person_row(&self, id: &str) -> Result<Row, StoreError> {
        sqlx::query_as::<_, Row>(&format!("SELECT {COLUMNS} FROM staff WHERE id = ?"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .ok_or(StoreError::NotFound("That person"))
    }

    async fn owner_row(&self) -> Result<Option<Row>, StoreError> {
        Ok(
            sqlx::query_as::<_, Row>(&format!("SELECT {COLUMNS} FROM staff WHERE role = 'owner'"))
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// Whether the owner password has been set.
    pub async fn owner_password_set(&self) -> Result<bool, StoreError> {
        Ok(self.owner_row().await?.is_some())
    }

    /// Everyone (owner first, then staff by name), active or not. Never a
    /// hash.
    pub async fn people(&self) -> Result<Vec<PersonView>, StoreError> {
        let rows = sqlx::query_as::<_, Row>(&format!(
            "SELECT {COLUMNS} FROM staff ORDER BY role = 'staff', name COLLATE NOCASE, id"
        ))
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(Row::view).collect())
    }

    /// Active staff (not the owner), by name: who the lock screen offers.
    pub async fn active_staff(&self) -> Result<Vec<PersonView>, StoreError> {
        Ok(self
            .people()
            .await?
            .into_iter()
            .filter(|p| p.active && p.role == Role::Staff)
            .collect())
    }

    /// Sets the owner password the first time (at setup, or for a shop set
    /// up before passwords existed). Refused once one is set: changing it
    /// needs the old one ([`Store::change_owner_password`]).
    pub async fn set_owner_password(
        &self,
        password: &str,
        repeat: &str,
    ) -> Result<PersonView, StoreError> {
        people::check_owner_password(password, repeat).map_err(StoreError::Invalid)?;
        let hashed = hash(password).await?;
        let now = self.now().timestamp_millis();
        let id = new_id().to_string();
        let mut tx = self.write_tx().await?;
        let exists: Option<String> =
            sqlx::query_scalar("SELECT id FROM staff WHERE role = 'owner'")
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_some() {
            return Err(StoreError::Stale(
                "The owner password is already set. Change it in Settings → People (you need the current one).".into(),
            ));
        }
        sqlx::query(
            "INSERT INTO staff (id, name, role, secret_hash, created_at, updated_at) VALUES (?, 'Owner', 'owner', ?, ?, ?)",
        )
        .bind(&id)
        .bind(&hashed)
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        record(
            &mut tx,
            now,
            &Actor::Owner,
            AuditAction::OwnerPasswordSet,
            Some(&id),
            "",
        )
        .await?;
        tx.commit().await?;
        self.person_row(&id).await.map(|r| r.view())
    }

    /// Changes the owner password; the current one must be right (wrong
    /// tries count towards the wait like at sign-in).
    pub async fn change_owner_password(
        &self,
        old: &str,
        password: &str,
        repeat: &str,
    ) -> Result<(), StoreError> {
        let owner = self.verify_owner(old).await.map_err(|e| match e {
            // The field on the change form is `old`.
            StoreError::Invalid(f) => StoreError::Invalid(
                f.into_iter()
                    .map(|f| FieldError::new("old", f.message))
                    .collect(),
            ),
            other => other,
        })?;
        people::check_owner_password(password, repeat).map_err(StoreError::Invalid)?;
        let hashed = hash(password).await?;
        let now = self.now().timestamp_millis();
        let mut tx = self.write_tx().await?;
        sqlx::query("UPDATE staff SET secret_hash = ?, updated_at = ? WHERE id = ?")
            .bind(&hashed)
            .bind(now)
            .bind(&owner.id)
            .execute(&mut *tx)
            .await?;
        record(
            &mut tx,
            now,
            &Actor::Owner,
            AuditAction::OwnerPasswordChanged,
            Some(&owner.id),
            "",
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a member of staff (`id` `None`) or renames them and, with a
    /// non-empty PIN, changes their PIN. A PIN another active person uses is
    /// refused: at the till a PIN must say who is there.
    pub async fn save_staff(
        &self,
        by: &Actor,
        id: Option<&str>,
        name: &str,
        pin: &str,
    ) -> Result<PersonView, StoreError> {
        let mut errors = Vec::new();
        let name = people::check_staff_name(name)
            .map_err(|e| errors.push(e))
            .ok();
        let new_pin = !pin.is_empty() || id.is_none();
        if new_pin {
            if let Err(e) = people::check_pin(pin) {
                errors.push(e);
            }
        }
        let existing = match id {
            Some(id) => {
                let row = self.person_row(id).await?;
                if row.role() == Role::Owner {
                    return Err(StoreError::Refusal(Problem::OwnerUsesPassword));
                }
                Some(row)
            }
            None => None,
        };
        let name = match (name, errors.is_empty()) {
            (Some(name), true) => name,
            _ => return Err(StoreError::Invalid(errors)),
        };
        let hashed = if new_pin {
            let others = sqlx::query_as::<_, Row>(&format!(
                "SELECT {COLUMNS} FROM staff WHERE role = 'staff' AND active = 1 AND id != ?"
            ))
            .bind(id.unwrap_or(""))
            .fetch_all(self.pool())
            .await?;
            for other in &others {
                if matches(pin, &other.secret_hash).await {
                    return Err(StoreError::said("pin", &Problem::PinTaken));
                }
            }
            Some(hash(pin).await?)
        } else {
            None
        };
        let now = self.now().timestamp_millis();
        let mut tx = self.write_tx().await?;
        let id = match (existing, hashed) {
            (None, Some(hashed)) => {
                let id = new_id().to_string();
                sqlx::query("INSERT INTO staff (id, name, role, secret_hash, created_at, updated_at) VALUES (?, ?, 'staff', ?, ?, ?)")
                    .bind(&id)
                    .bind(&name)
                    .bind(&hashed)
                    .bind(now)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                record(&mut tx, now, by, AuditAction::StaffAdded, Some(&id), "").await?;
                id
            }
            (Some(row), hashed) => {
                let detail = match (&hashed, row.name != name) {
                    (Some(_), true) => "name, PIN",
                    (Some(_), false) => "PIN",
                    (None, _) => "name",
                };
                sqlx::query(
                    "UPDATE staff SET name = ?, secret_hash = COALESCE(?, secret_hash), failed_attempts = CASE WHEN ? IS NULL THEN failed_attempts ELSE 0 END, locked_until = CASE WHEN ? IS NULL THEN locked_until ELSE NULL END, updated_at = ? WHERE id = ?",
                )
                .bind(&name)
                .bind(&hashed)
                .bind(&hashed)
                .bind(&hashed)
                .bind(now)
                .bind(&row.id)
                .execute(&mut *tx)
                .await?;
                record(
                    &mut tx,
                    now,
                    by,
                    AuditAction::StaffChanged,
                    Some(&row.id),
                    detail,
                )
                .await?;
                row.id
            }
            (None, None) => return Err(StoreError::said("pin", &Problem::PinNeeded)),
        };
        tx.commit().await?;
        self.person_row(&id).await.map(|r| r.view())
    }

    /// Deactivates a member of staff: they can no longer sign in, and their
    /// PIN is free for someone else. (To bring them back, add them again
    /// with a PIN: theirs cannot be checked against the others' any more.)
    pub async fn deactivate_staff(&self, by: &Actor, id: &str) -> Result<PersonView, StoreError> {
        let row = self.person_row(id).await?;
        if row.role() == Role::Owner {
            return Err(StoreError::Refusal(Problem::OwnerStays));
        }
        let now = self.now().timestamp_millis();
        let mut tx = self.write_tx().await?;
        sqlx::query("UPDATE staff SET active = 0, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        record(&mut tx, now, by, AuditAction::StaffRemoved, Some(id), "").await?;
        tx.commit().await?;
        self.person_row(id).await.map(|r| r.view())
    }

    /// Checks the owner password. Wrong: `Invalid` on field `password`, with
    /// how many tries are left; too many: `TooSoon` saying how long to wait.
    pub async fn verify_owner(&self, password: &str) -> Result<PersonView, StoreError> {
        let row = self
            .owner_row()
            .await?
            .ok_or_else(|| StoreError::Refusal(Problem::NoOwnerPassword))?;
        self.check_secret(row, password, "password").await
    }

    /// Checks a staff member's PIN. Wrong: `Invalid` on field `pin`, with
    /// how many tries are left; too many: `TooSoon` saying how long to wait.
    pub async fn verify_pin(&self, id: &str, pin: &str) -> Result<PersonView, StoreError> {
        let row = self.person_row(id).await?;
        if row.role() != Role::Staff || row.active == 0 {
            return Err(StoreError::Refusal(Problem::CannotSignIn(row.name)));
        }
        self.check_secret(row, pin, "pin").await
    }

    async fn check_secret(
        &self,
        row: Row,
        secret: &str,
        field: &str,
    ) -> Result<PersonView, StoreError> {
        let now = self.now().timestamp_millis();
        if let Some(until) = row.locked_until.filter(|u| *u > now) {
            return Err(wait_error(until - now));
        }
        if matches(secret, &row.secret_hash).await {
            if row.failed_attempts != 0 || row.locked_until.is_some() {
                sqlx::query(
                    "UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                )
                .bind(&row.id)
                .execute(self.writer())
                .await?;
            }
            return Ok(row.view());
        }
        // Count the wrong try: one transaction reads the count it adds to,
        // so tries made at the same moment are all counted.
        let mut tx = self.write_tx().await?;
        let failed: i64 = sqlx::query_scalar(
            "UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts",
        )
        .bind(&row.id)
        .fetch_one(&mut *tx)
        .await?;
        let subject = Some(row.id.as_str());
        record(
            &mut tx,
            now,
            &Actor::System,
            AuditAction::SignInFailed,
            subject,
            "",
        )
        .await?;
        let wait = people::wait_after(failed);
        if let Some(secs) = wait {
            sqlx::query("UPDATE staff SET locked_until = ? WHERE id = ?")
                .bind(now + secs * 1000)
                .bind(&row.id)
                .execute(&mut *tx)
                .await?;
            let detail = format!("{secs} s after {failed} wrong tries");
            record(
                &mut tx,
                now,
                &Actor::System,
                AuditAction::SignInLocked,
                subject,
                &detail,
            )
            .await?;
        }
        tx.commit().await?;
        Err(match wait {
            Some(secs) => wait_error(secs * 1000),
            None => {
                let left = people::FREE_TRIES - failed;
                let problem = if field == "pin" {
                    Problem::WrongPin(left)
                } else {
                    Problem::WrongPassword(left)
                };
                StoreError::said(field, &problem)
            }
        })
    }

    /// Minutes without use before the screen locks.
    pub async fn idle_minutes(&self) -> Result<u32, StoreError> {
        Ok(self
            .setting(IDLE_MINUTES_KEY)
            .await?
            .and_then(|v| v.parse().ok())
            .unwrap_or(people::DEFAULT_IDLE_MINUTES))
    }

    /// Sets the idle minutes (1 to 120).
    pub async fn set_idle_minutes(&self, minutes: u32) -> Result<u32, StoreError> {
        if !(1..=120).contains(&minutes) {
            return Err(StoreError::said("idle_minutes", &Problem::IdleMinutes));
        }
        self.set_setting(IDLE_MINUTES_KEY, &minutes.to_string())
            .await?;
        Ok(minutes)
    }
}

/// "Too many wrong tries" with the wait in words.
fn wait_error(ms: i64) -> StoreError {
    let wait_secs = u64::try_from((ms + 999) / 1000).unwrap_or(0);
    StoreError::TooSoon {
        message: format!(
            "Too many wrong tries. Wait {}, then try again.",
            people::wait_words((ms + 999) / 1000)
        ),
        wait_secs,
    }
}

#[cfg(test)]
mod tests;
