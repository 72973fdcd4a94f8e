//! The vault: secrets (payment credentials, the hosted database password,
//! later WhatsApp session keys and Meta tokens) are sealed with AES-256-GCM
//! under a random 256-bit data key before they reach the store file.
//!
//! - Each value gets a fresh random 96-bit nonce; the associated data binds
//!   it to its table, column and row, so a sealed value copied elsewhere
//!   does not open.
//! - The data key is itself sealed ("wrapped") by a key-encryption key held
//!   outside the file: in the OS keyring (macOS Keychain, Windows Credential
//!   Manager, the Secret Service on Linux desktops) or, where there is none
//!   (a headless Linux till), derived from a passphrase with Argon2id. With
//!   neither, the vault stays locked and saving a secret is refused with a
//!   message that says what to do: there is no plaintext fallback.
//! - Rotation draws a new data key and re-seals every value in one
//!   transaction.

use crate::store::{to_millis, Store, StoreError};
use aes_gcm::aead::rand_core::RngCore;
use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine;
use dukadesk_domain::ipc::{VaultPassphrase, VaultStatus};
use dukadesk_domain::words::Problem;
use dukadesk_domain::Sensitive;
use zeroize::Zeroizing;

const VERSION: &str = "v1";
const WRAP_AAD: &[u8] = b"dukadesk vault: data key";
const KEYRING_SERVICE: &str = "com.dukadesk.app";

/// Why the vault cannot do what was asked, in words staff can act on.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// No usable OS keyring and no passphrase.
    #[error("Secrets are locked: this computer has no keyring DukaDesk can use ({0}). Choose a passphrase for them in Settings → Saved secrets (or set DUKADESK_VAULT_PASSPHRASE and start DukaDesk again).")]
    Locked(String),
    /// The vault is not open in this run (its passphrase not entered yet,
    /// or none chosen on a computer without a keyring).
    #[error("The saved secrets are locked. Open them in Settings → Saved secrets (enter their passphrase, or choose one), then try again. (DUKADESK_VAULT_PASSPHRASE also opens them at start.)")]
    NotOpen,
    /// The passphrase does not open the vault (said as the rule says it).
    #[error("{}", Problem::WrongPassphrase)]
    WrongPassphrase,
    /// The keyring holds no key for this vault (another computer, or wiped).
    #[error("The key for this shop's secrets is not in this computer's keyring. Enter the saved payment and backend details again.")]
    KeyMissing,
    /// A sealed value does not open (damaged or moved).
    #[error("A saved secret ({0}) could not be opened: it is damaged or belongs elsewhere. Enter it again.")]
    Damaged(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<VaultError> for StoreError {
    fn from(e: VaultError) -> Self {
        match e {
            VaultError::Store(s) => s,
            VaultError::Locked(_) | VaultError::NotOpen => StoreError::VaultLocked(e.to_string()),
            VaultError::WrongPassphrase | VaultError::KeyMissing | VaultError::Damaged(_) => {
                StoreError::Refused(e.to_string())
            }
        }
    }
}

/// Where the key-encryption key comes from.
#[derive(Debug, Clone)]
pub enum KeySource {
    /// The OS keyring, under this account name (one per store file).
    OsKeyring {
        /// Account name in the keyring.
        account: String,
    },
    /// A passphrase, through Argon2id with the given cost.
    Passphrase {
        /// The passphrase.
        passphrase: Sensitive<String>,
        /// Argon2id memory in KiB, passes and lanes.
        cost: (u32, u32, u32),
    },
}

impl KeySource {
    /// OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane.
    pub const PASSPHRASE_COST: (u32, u32, u32) = (19 * 1024, 2, 1);

    /// A passphrase with the production cost.
    pub fn passphrase(p: &str) -> Self {
        KeySource::Passphrase {
            passphrase: Sensitive::from(p),
            cost: Self::PASSPHRASE_COST,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            KeySource::OsKeyring { .. } => "keyring",
            KeySource::Passphrase { .. } => "passphrase",
        }
    }
}

/// An unlocked vault: the data key in memory (wiped on drop).
#[derive(Clone)]
pub struct Vault {
    key: std::sync::Arc<Zeroizing<[u8; 32]>>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault(<unlocked>)")
    }
}

fn aad(table: &str, column: &str, row: &str) -> Vec<u8> {
    format!("dukadesk/{table}/{column}/{row}").into_bytes()
}

fn seal_with(key: &[u8; 32], aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    let mut out = nonce.to_vec();
    // Encryption with a valid key and nonce cannot fail for these sizes.
    if let Ok(ct) = cipher.encrypt(
        &nonce,
        Payload {
            msg: plaintext,
            aad,
        },
    ) {
        out.extend(ct);
    }
    out
}

fn open_with(key: &[u8; 32], aad: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    if sealed.len() < 12 + 16 {
        return None;
    }
    let (nonce, ct) = sealed.split_at(12);
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    cipher
        .decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad })
        .ok()
        .map(Zeroizing::new)
}

fn random_key() -> Zeroizing<[u8; 32]> {
    let mut k = Zeroizing::new([0u8; 32]);
    OsRng.fill_bytes(k.as_mut());
    k
}

/// The key-encryption key from `source` (creating it in the keyring on
/// first use).
async fn kek(
    source: &KeySource,
    salt: &[u8],
    create: bool,
) -> Result<Zeroizing<[u8; 32]>, VaultError> {
    match source {
        KeySource::Passphrase { passphrase, cost } => {
            let params = argon2::Params::new(cost.0, cost.1, cost.2, Some(32))
                .map_err(|e| VaultError::Locked(format!("bad passphrase cost: {e}")))?;
            let argon =
                argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
            let passphrase = passphrase.clone();
            let salt = salt.to_vec();
            tokio::task::spawn_blocking(move || {
                let mut out = Zeroizing::new([0u8; 32]);
                argon
                    .hash_password_into(passphrase.expose().as_bytes(), &salt, out.as_mut())
                    .map(|_| out)
                    .map_err(|e| VaultError::Locked(format!("passphrase: {e}")))
            })
            .await
            .map_err(|e| VaultError::Locked(e.to_string()))?
        }
        KeySource::OsKeyring { account } => {
            let account = account.clone();
            tokio::task::spawn_blocking(move || {
                let entry = keyring::Entry::new(KEYRING_SERVICE, &account)
                    .map_err(|e| VaultError::Locked(e.to_string()))?;
                let b64 = base64::engine::general_purpose::STANDARD;
                match entry.get_password() {
                    Ok(s) => {
                        let bytes = Zeroizing::new(
                            b64.decode(s.as_bytes())
                                .map_err(|_| VaultError::KeyMissing)?,
                        );
                        let mut k = Zeroizing::new([0u8; 32]);
                        if bytes.len() != 32 {
                            return Err(VaultError::KeyMissing);
                        }
                        k.copy_from_slice(&bytes);
                        Ok(k)
                    }
                    Err(keyring::Error::NoEntry) if create => {
                        let k = random_key();
                        entry
                            .set_password(&b64.encode(k.as_ref()))
                            .map_err(|e| VaultError::Locked(e.to_string()))?;
                        Ok(k)
                    }
                    Err(keyring::Error::NoEntry) => Err(VaultError::KeyMissing),
                    Err(e) => Err(VaultError::Locked(e.to_string())),
                }
            })
            .await
            .map_err(|e| VaultError::Locked(e.to_string()))?
        }
    }
}

/// Wraps `key` with a fresh salt and the key-encryption key of `source`, and
/// writes the vault row (created, or replaced on rotation).
async fn write_wrapped(
    tx: &mut sqlx::SqliteConnection,
    store: &Store,
    source: &KeySource,
    key: &[u8; 32],
) -> Result<(), VaultError> {
    let mut salt = vec![0u8; 16];
    OsRng.fill_bytes(&mut salt);
    let kek = kek(source, &salt, true).await?;
    let wrapped = seal_with(&kek, WRAP_AAD, key);
    sqlx::query(
        "INSERT INTO vault (id, source, salt, wrapped_key, created_at) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET source = excluded.source, salt = excluded.salt,
           wrapped_key = excluded.wrapped_key, rotated_at = excluded.created_at",
    )
    .bind(source.name())
    .bind(&salt)
    .bind(&wrapped)
    .bind(to_millis(store.now()))
    .execute(tx)
    .await
    .map_err(StoreError::from)?;
    Ok(())
}

impl Vault {
    /// Unlocks this store's vault with `source`, creating it on first use.
    pub async fn unlock(store: &Store, source: &KeySource) -> Result<Vault, VaultError> {
        let row: Option<(String, Vec<u8>, Vec<u8>)> =
            sqlx::query_as("SELECT source, salt, wrapped_key FROM vault WHERE id = 1")
                .fetch_optional(store.pool())
                .await
                .map_err(StoreError::from)?;
        match row {
            Some((kind, salt, wrapped)) => {
                if kind != source.name() {
                    return Err(VaultError::Locked(format!(
                        "this shop's secrets are protected by a {kind}, not a {}",
                        source.name()
                    )));
                }
                let kek = kek(source, &salt, false).await?;
                let key = open_with(&kek, WRAP_AAD, &wrapped).ok_or(match source {
                    KeySource::Passphrase { .. } => VaultError::WrongPassphrase,
                    KeySource::OsKeyring { .. } => VaultError::KeyMissing,
                })?;
                let mut k = Zeroizing::new([0u8; 32]);
                if key.len() != 32 {
                    return Err(VaultError::Damaged("the data key".into()));
                }
                k.copy_from_slice(&key);
                Ok(Vault {
                    key: std::sync::Arc::new(k),
                })
            }
            None => {
                let key = random_key();
                let mut tx = store.write_tx().await?;
                write_wrapped(&mut tx, store, source, &key).await?;
                tx.commit().await.map_err(StoreError::from)?;
                Ok(Vault {
                    key: std::sync::Arc::new(key),
                })
            }
        }
    }

    /// Seals `plaintext` for `table.column` of `row`.
    pub fn seal(&self, table: &str, column: &str, row: &str, plaintext: &[u8]) -> String {
        let sealed = seal_with(&self.key, &aad(table, column, row), plaintext);
        format!(
            "{VERSION}.{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(sealed)
        )
    }

    /// Opens a value sealed for the same table, column and row.
    pub fn open(
        &self,
        table: &str,
        column: &str,
        row: &str,
        sealed: &str,
    ) -> Result<Zeroizing<Vec<u8>>, VaultError> {
        let what = || format!("{table}.{column} {row}");
        let body = sealed
            .strip_prefix("v1.")
            .ok_or_else(|| VaultError::Damaged(what()))?;
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(body)
            .map_err(|_| VaultError::Damaged(what()))?;
        open_with(&self.key, &aad(table, column, row), &bytes)
            .ok_or_else(|| VaultError::Damaged(what()))
    }

    /// Draws a new data key, re-seals every secret under it and wraps it with
    /// `source`, all in one transaction. Returns the new vault.
    pub async fn rotate(&self, store: &Store, source: &KeySource) -> Result<Vault, VaultError> {
        let fresh = Vault {
            key: std::sync::Arc::new(random_key()),
        };
        let mut tx = store.write_tx().await?;
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT name, sealed FROM secrets")
            .fetch_all(&mut *tx)
            .await
            .map_err(StoreError::from)?;
        for (name, sealed) in rows {
            let plain = self.open("secrets", "sealed", &name, &sealed)?;
            sqlx::query("UPDATE secrets SET sealed = ? WHERE name = ?")
                .bind(fresh.seal("secrets", "sealed", &name, &plain))
                .bind(&name)
                .execute(&mut *tx)
                .await
                .map_err(StoreError::from)?;
        }
        write_wrapped(&mut tx, store, source, &fresh.key).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(fresh)
    }
}

impl Store {
    /// Puts an unlocked vault in service (secrets can be read and saved),
    /// and seals any secret an earlier version left in plain settings.
    pub async fn attach_vault(&self, vault: Vault) -> Result<(), StoreError> {
        self.set_vault(vault.clone());
        let legacy: Vec<(String, String)> = sqlx::query_as(
            "SELECT key, value FROM settings WHERE key IN ('payment_settings', 'sync.password')",
        )
        .fetch_all(self.pool())
        .await?;
        if legacy.is_empty() {
            return Ok(());
        }
        let mut tx = self.write_tx().await?;
        for (name, value) in legacy {
            put_sealed(&mut tx, &vault, &name, value.as_bytes(), self.now()).await?;
            sqlx::query("DELETE FROM settings WHERE key = ?")
                .bind(&name)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    fn unlocked(&self) -> Result<Vault, StoreError> {
        self.vault()
            .ok_or_else(|| StoreError::VaultLocked(VaultError::NotOpen.to_string()))
    }

    /// Saves a secret, sealed.
    pub async fn put_secret(&self, name: &str, value: &[u8]) -> Result<(), StoreError> {
        let vault = self.unlocked()?;
        let mut tx = self.write_tx().await?;
        put_sealed(&mut tx, &vault, name, value, self.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads a secret (`None`: never saved).
    pub async fn secret(&self, name: &str) -> Result<Option<Zeroizing<Vec<u8>>>, StoreError> {
        let sealed: Option<String> =
            sqlx::query_scalar("SELECT sealed FROM secrets WHERE name = ?")
                .bind(name)
                .fetch_optional(self.pool())
                .await?;
        let Some(sealed) = sealed else {
            return Ok(None);
        };
        let vault = self.unlocked()?;
        Ok(Some(vault.open("secrets", "sealed", name, &sealed)?))
    }

    /// Forgets a secret (the file's pages are overwritten: secure_delete).
    pub async fn delete_secret(&self, name: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM secrets WHERE name = ?")
            .bind(name)
            .execute(self.writer())
            .await?;
        Ok(())
    }
}

/// Seals and writes one secret inside the caller's transaction.
pub(crate) async fn put_sealed(
    tx: &mut sqlx::SqliteConnection,
    vault: &Vault,
    name: &str,
    value: &[u8],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO secrets (name, sealed, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at",
    )
    .bind(name)
    .bind(vault.seal("secrets", "sealed", name, value))
    .bind(to_millis(now))
    .execute(tx)
    .await?;
    Ok(())
}

/// How this store's secrets are protected: `"keyring"`, `"passphrase"`,
/// or `None` before the first secret made a vault.
pub async fn protection(store: &Store) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar("SELECT source FROM vault WHERE id = 1")
        .fetch_optional(store.pool())
        .await?)
}

impl Store {
    /// Opens the vault as DukaDesk starts: with `passphrase` (from the
    /// environment) when one is given, else with the computer's keyring; a
    /// vault protected by a passphrase waits for it to be entered. Never
    /// fails: the app runs without its secrets until the status is open.
    pub async fn open_vault_at_start(&self, passphrase: Option<&str>) -> VaultStatus {
        // What protects the vault decides; the environment's passphrase is
        // used for a passphrase vault (or to make one), never in place of
        // a keyring that holds the key.
        let keyring = || async {
            match keyring_account(self).await {
                Ok(account) => Vault::unlock(self, &KeySource::OsKeyring { account }).await,
                Err(e) => Err(e.into()),
            }
        };
        let opened = match (protection(self).await, passphrase) {
            (Err(e), _) => Err(e.into()),
            (Ok(Some(kind)), None) if kind == "passphrase" => return VaultStatus::NeedsPassphrase,
            (Ok(Some(kind)), Some(p)) if kind == "passphrase" => {
                Vault::unlock(self, &KeySource::passphrase(p)).await
            }
            (Ok(None), Some(p)) => Vault::unlock(self, &KeySource::passphrase(p)).await,
            (Ok(_), _) => keyring().await,
        };
        match opened {
            Ok(vault) => {
                if let Err(e) = self.attach_vault(vault).await {
                    tracing::warn!(error = %e, "the vault opened but could not be put in service");
                }
            }
            Err(e) => tracing::warn!(error = %e, "secrets stay locked"),
        }
        self.vault_status()
            .await
            .unwrap_or(VaultStatus::NeedsPassphrase)
    }

    /// Where the secrets stand now.
    pub async fn vault_status(&self) -> Result<VaultStatus, StoreError> {
        let kind = protection(self).await?;
        let by_passphrase = kind.as_deref() == Some("passphrase");
        Ok(if self.vault().is_some() {
            VaultStatus::Open { by_passphrase }
        } else if by_passphrase {
            VaultStatus::NeedsPassphrase
        } else {
            VaultStatus::ChoosePassphrase {
                secrets_lost: kind.is_some(),
            }
        })
    }

    /// Opens a passphrase-protected vault with its passphrase.
    pub async fn unlock_vault_with(&self, passphrase: &str) -> Result<VaultStatus, StoreError> {
        if self.vault().is_none() {
            if protection(self).await?.as_deref() != Some("passphrase") {
                return Err(StoreError::Stale(
                    "This shop's secrets have no passphrase yet: choose one.".into(),
                ));
            }
            match Vault::unlock(self, &KeySource::passphrase(passphrase)).await {
                Ok(vault) => self.attach_vault(vault).await?,
                Err(VaultError::WrongPassphrase) => {
                    return Err(StoreError::said("passphrase", &Problem::WrongPassphrase))
                }
                Err(e) => return Err(e.into()),
            }
        }
        self.vault_status().await
    }

    /// Protects the secrets with a new passphrase, on a computer whose
    /// keyring cannot be used. Secrets an unusable keyring held the key of
    /// cannot be opened any more: they are removed in the same transaction
    /// (to be entered again), with WhatsApp's keys (link it again).
    pub async fn choose_vault_passphrase(
        &self,
        input: &VaultPassphrase,
    ) -> Result<VaultStatus, StoreError> {
        match self.vault_status().await? {
            VaultStatus::ChoosePassphrase { .. } => {}
            VaultStatus::NeedsPassphrase => {
                return Err(StoreError::Stale(
                    "This shop's secrets already have a passphrase: enter it.".into(),
                ))
            }
            VaultStatus::Open { .. } => {
                return Err(StoreError::Stale(
                    "This shop's secrets are already open.".into(),
                ))
            }
        }
        input.check_new().map_err(StoreError::Invalid)?;
        let source = KeySource::passphrase(input.passphrase.expose());
        let key = random_key();
        let mut tx = self.write_tx().await?;
        // Under the writer's lock: a passphrase chosen meanwhile (another
        // window, a double click) is never replaced.
        let kind: Option<String> = sqlx::query_scalar("SELECT source FROM vault WHERE id = 1")
            .fetch_optional(&mut *tx)
            .await?;
        if kind.as_deref() == Some("passphrase") {
            return Err(StoreError::Stale(
                "This shop's secrets already have a passphrase: enter it.".into(),
            ));
        }
        for table in ["secrets", "wa_keys", "wa_device"] {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await?;
        }
        write_wrapped(&mut tx, self, &source, &key).await?;
        tx.commit().await?;
        self.attach_vault(Vault {
            key: std::sync::Arc::new(key),
        })
        .await?;
        self.vault_status().await
    }
}

/// The keyring account for this store file: a random name made once and
/// kept in its settings (one vault per file).
pub async fn keyring_account(store: &Store) -> Result<String, StoreError> {
    if let Some(a) = store.setting("vault.account").await? {
        return Ok(a);
    }
    let account = format!("vault-{}", uuid::Uuid::new_v4().simple());
    store.set_setting("vault.account", &account).await?;
    Ok(account)
}

#[cfg(test)]
mod tests;
