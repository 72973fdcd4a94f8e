//! The till's local store: one SQLite file in the OS app-data directory,
//! opened in WAL mode with foreign keys on, migrated from
//! `migrations/local` at start-up.
//!
//! Invariant: every business event is one transaction, and every change to
//! shared data writes its [`outbox`] row inside that same transaction.
//!
//! Invariant: a file that is damaged, is not a SQLite database, or was
//! migrated by a newer DukaDesk is refused with a clear error and never
//! written to.

pub mod outbox;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

use crate::clock::{Clock, SystemClock};
use chrono::{DateTime, TimeZone, Utc};
use dukadesk_domain::ipc::FieldError;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, SqlitePool};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The local schema, embedded at compile time.
pub static MIGRATOR: Migrator = sqlx::migrate!("../../migrations/local");

/// What can go wrong with the store. Each variant is something a caller can
/// act on; the messages say what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not a readable SQLite database.
    #[error("The shop database at {path} is damaged or is not a DukaDesk database, so DukaDesk left it untouched. Restore a backup, or move the file elsewhere to start with an empty shop.")]
    Corrupt {
        /// The file.
        path: PathBuf,
    },
    /// A newer DukaDesk migrated the file.
    #[error("The shop database at {path} was written by a newer version of DukaDesk (schema {found}; this version knows up to {known}). Install the latest DukaDesk; the file was left untouched.")]
    NewerSchema {
        /// The file.
        path: PathBuf,
        /// Highest migration applied to the file.
        found: i64,
        /// Highest migration this build has.
        known: i64,
    },
    /// The file could not be opened at all (permissions, disk).
    #[error("Could not open the shop database at {path}: {source}. Check that the disk is not full and that DukaDesk may write to that folder.")]
    Open {
        /// The file.
        path: PathBuf,
        /// Cause.
        source: sqlx::Error,
    },
    /// Migrating failed.
    #[error("Could not update the shop database at {path} to this version: {source}. Nothing was changed; restart DukaDesk, and if it keeps failing, contact support.")]
    Migrate {
        /// The file.
        path: PathBuf,
        /// Cause.
        source: sqlx::migrate::MigrateError,
    },
    /// Form input was refused.
    #[error("Some fields need fixing.")]
    Invalid(Vec<FieldError>),
    /// The shop has not been set up.
    #[error("Set up the shop first.")]
    NotSetUp,
    /// The thing asked for does not exist.
    #[error("{0} was not found. It may have been removed; refresh and try again.")]
    NotFound(&'static str),
    /// What the change was for moved on meanwhile (another till, the bot,
    /// M-Pesa's answer), so it no longer applies: refresh and look again.
    #[error("{0}")]
    Stale(String),
    /// The order moved on meanwhile, so this step no longer applies to it
    /// (reported as [`StoreError::Stale`] is, in the till's language).
    #[error("{0}")]
    Transition(#[from] dukadesk_domain::order::TransitionError),
    /// The shop's rules refuse this; the message says what to do instead.
    #[error("{0}")]
    Refused(String),
    /// [`StoreError::Refused`], named by key so the screens say it in the
    /// till's language.
    #[error("{0}")]
    Refusal(dukadesk_domain::words::Problem),
    /// The saved secrets are locked: they must be opened (Settings → Saved
    /// secrets) before this can be done.
    #[error("{0}")]
    VaultLocked(String),
    /// Asked too soon: it can be done after `wait_secs`.
    #[error("{message}")]
    TooSoon {
        /// What to tell, with the wait in words.
        message: String,
        /// Seconds until it can be done.
        wait_secs: u64,
    },
    /// An outside service could not be reached: try again later.
    #[error("{0}")]
    Unreachable(String),
    /// Something that should never fail did; the message is for support.
    #[error("{0}")]
    Internal(String),
    /// A stored row could not be read back.
    #[error("A stored {0} could not be read. The database may have been edited by hand.")]
    BadRow(&'static str),
    /// Reading or writing failed.
    #[error("Could not read or write the shop database: {0}. Try again; nothing was half-saved.")]
    Sql(#[from] sqlx::Error),
}

impl StoreError {
    /// A single-field validation error.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        StoreError::Invalid(vec![FieldError::new(field, message)])
    }

    /// A single-field validation error of the rules, which the screens show
    /// in the till's language.
    pub fn said(field: &str, error: &impl dukadesk_domain::words::Localize) -> Self {
        StoreError::Invalid(vec![FieldError::said(field, error)])
    }
}

/// A handle on the store; cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    /// Readers.
    pool: SqlitePool,
    /// The one writing connection: SQLite takes one writer at a time anyway,
    /// and one connection keeps its page and statement caches warm.
    writer: SqlitePool,
    clock: Arc<dyn Clock>,
    path: PathBuf,
    /// The shop row, read on every order: cached, and replaced whenever
    /// this store saves the shop.
    shop: Arc<std::sync::RwLock<Option<dukadesk_domain::shop::Shop>>>,
    /// The unlocked vault, once attached (`Store::attach_vault`).
    vault: Arc<std::sync::RwLock<Option<crate::vault::Vault>>>,
    /// What the integrity check found (`Store::check_integrity`); `None`
    /// until it has run.
    integrity: Arc<std::sync::RwLock<Option<Integrity>>>,
}

/// What SQLite's integrity check found in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Integrity {
    /// Nothing wrong.
    Sound,
    /// Damage, as SQLite describes it (its first few findings).
    Damaged(Vec<String>),
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating if missing) the database at `path` and migrates it.
    pub async fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_with_clock(path, Arc::new(SystemClock)).await
    }

    /// As [`Store::open`], with a given clock.
    pub async fn open_with_clock(path: &Path, clock: Arc<dyn Clock>) -> Result<Self, StoreError> {
        let path = path.to_path_buf();
        if path.exists() {
            check_existing(&path).await?;
        } else if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| StoreError::Open {
                path: path.clone(),
                source: sqlx::Error::Io(e),
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Deleted rows are overwritten, so a forgotten secret or an
            // erased customer leaves no bytes behind in free pages.
            .pragma("secure_delete", "ON")
            .busy_timeout(Duration::from_secs(10));
        let pool_options = |n: u32| {
            SqlitePoolOptions::new()
                .max_connections(n)
                // A local file needs no liveness ping before each use.
                .test_before_acquire(false)
        };
        let writer = pool_options(1)
            .connect_with(options.clone())
            .await
            .map_err(|source| classify_open_error(&path, source))?;
        MIGRATOR
            .run(&writer)
            .await
            .map_err(|source| StoreError::Migrate {
                path: path.clone(),
                source,
            })?;
        relax_order_numbers(&writer)
            .await
            .map_err(|source| StoreError::Open {
                path: path.clone(),
                source,
            })?;
        let pool = pool_options(3)
            .connect_with(options)
            .await
            .map_err(|source| classify_open_error(&path, source))?;
        tracing::info!(path = %path.display(), "store opened");
        Ok(Self {
            pool,
            writer,
            clock,
            path,
            shop: Arc::default(),
            vault: Arc::default(),
            integrity: Arc::default(),
        })
    }

    /// Checks the whole file for damage (SQLite's `quick_check`: every
    /// page and index entry, which takes a second or more for a large
    /// shop) on a reading connection, so the till stays usable meanwhile;
    /// the shell runs it once after start-up and warns if it finds any.
    /// The answer is kept for [`Store::integrity`].
    pub async fn check_integrity(&self) -> Result<Integrity, StoreError> {
        let found: Vec<String> = match sqlx::query_scalar("PRAGMA quick_check(5)")
            .fetch_all(&self.pool)
            .await
        {
            Ok(found) => found,
            // Damage bad enough stops the check itself.
            Err(e) if is_corruption(&e) => vec![e.to_string()],
            Err(e) => return Err(e.into()),
        };
        let integrity = if found.iter().all(|f| f == "ok") {
            Integrity::Sound
        } else {
            tracing::error!(findings = found.len(), "the shop database is damaged");
            Integrity::Damaged(found)
        };
        if let Ok(mut kept) = self.integrity.write() {
            *kept = Some(integrity.clone());
        }
        Ok(integrity)
    }

    /// What the last [`Store::check_integrity`] found, `None` before it.
    pub fn integrity(&self) -> Option<Integrity> {
        self.integrity.read().ok().and_then(|i| i.clone())
    }

    /// Starts a write transaction. `BEGIN IMMEDIATE` takes SQLite's write
    /// lock up front (waiting up to the busy timeout), so a transaction that
    /// reads before it writes never fails half-way with "database is
    /// locked" when another writer got in between.
    pub(crate) async fn write_tx(
        &self,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        match self.writer.begin_with("BEGIN IMMEDIATE").await {
            // A task cancelled at the wrong moment (between SQLite starting
            // its BEGIN and the caller receiving the transaction) leaves the
            // writer connection inside a transaction nobody can end. Closing
            // that connection rolls it back; the pool opens a fresh one.
            Err(sqlx::Error::InvalidSavePointStatement) => {
                tracing::warn!("replacing the writer connection left in a cancelled transaction");
                let mut conn = self.writer.acquire().await?;
                conn.close_on_drop();
                drop(conn);
                Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?)
            }
            other => Ok(other?),
        }
    }

    pub(crate) fn cached_shop(&self) -> Option<dukadesk_domain::shop::Shop> {
        self.shop.read().ok().and_then(|s| s.clone())
    }

    pub(crate) fn cache_shop(&self, shop: Option<dukadesk_domain::shop::Shop>) {
        if let Ok(mut s) = self.shop.write() {
            *s = shop;
        }
    }

    /// The writing connection, for single-statement writes.
    pub(crate) fn set_vault(&self, vault: crate::vault::Vault) {
        *self.vault.write().unwrap_or_else(|e| e.into_inner()) = Some(vault);
    }

    pub(crate) fn vault(&self) -> Option<crate::vault::Vault> {
        self.vault.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Whether secrets can be read and saved.
    pub fn vault_unlocked(&self) -> bool {
        self.vault().is_some()
    }

    pub(crate) fn writer(&self) -> &SqlitePool {
        &self.writer
    }

    /// The readers, for modules of this crate.
    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Now, from the store's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Copies the WAL into the main file and empties it, so pages a change
    /// replaced (an erased customer's) do not linger in the WAL file.
    pub(crate) async fn checkpoint(&self) {
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.writer)
            .await
        {
            tracing::warn!(error = %e, "could not checkpoint the database");
        }
    }

    /// Checkpoints the WAL into the main file and closes the pool, so the
    /// file on disk is complete when this returns.
    pub async fn close(self) {
        self.pool.close().await;
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.writer)
            .await
        {
            tracing::warn!(error = %e, "could not checkpoint the database on close");
        }
        self.writer.close().await;
    }
}

/// Refuses a file that is not a SQLite database or carries migrations this
/// build does not know, reading it through a read-only connection. The
/// whole file is checked for damage only before migrations change it (an
/// upgrade), so a damaged file is never migrated; on every other start
/// the till opens at once and the check runs afterwards
/// ([`Store::check_integrity`]).
async fn check_existing(path: &Path) -> Result<(), StoreError> {
    let mut header = [0u8; 16];
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        // An empty file is what SQLite itself creates: treat as new.
        return Ok(());
    }
    {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(|e| StoreError::Open {
            path: path.to_path_buf(),
            source: sqlx::Error::Io(e),
        })?;
        if f.read_exact(&mut header).is_err() || &header != SQLITE_HEADER {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
            });
        }
    }
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await
        .map_err(|source| classify_open_error(path, source))?;
    let has_table: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_optional(&mut conn)
    .await
    .map_err(|_| StoreError::Corrupt {
        path: path.to_path_buf(),
    })?;
    let known = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    let mut found = None;
    if has_table.is_some() {
        found = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success = 1")
            .fetch_one(&mut conn)
            .await
            .map_err(|_| StoreError::Corrupt {
                path: path.to_path_buf(),
            })?;
        if let Some(found) = found.filter(|f| *f > known) {
            let _ = conn.close().await;
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                known,
            });
        }
    }
    if found != Some(known) {
        let check: Result<String, sqlx::Error> = sqlx::query_scalar("PRAGMA quick_check(1)")
            .fetch_one(&mut conn)
            .await;
        if !matches!(check.as_deref(), Ok("ok")) {
            let _ = conn.close().await;
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
            });
        }
    }
    let _ = conn.close().await;
    Ok(())
}

/// SQLITE_NOTADB or SQLITE_CORRUPT.
fn is_corruption(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .and_then(|d| d.code())
        .is_some_and(|c| c == "26" || c == "11")
}

fn classify_open_error(path: &Path, source: sqlx::Error) -> StoreError {
    if is_corruption(&source) {
        StoreError::Corrupt {
            path: path.to_path_buf(),
        }
    } else {
        StoreError::Open {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Milliseconds since the Unix epoch, as stored.
pub(crate) fn to_millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

/// Reads stored milliseconds.
pub(crate) fn from_millis(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// Parses a stored UUID column.
pub(crate) fn parse_uuid(s: &str, what: &'static str) -> Result<uuid::Uuid, StoreError> {
    uuid::Uuid::parse_str(s).map_err(|_| StoreError::BadRow(what))
}

/// A fresh random id.
pub(crate) fn new_id() -> uuid::Uuid {
    uuid::Uuid::new_v4()
}

#[cfg(test)]
mod tests;

/// Order numbers stop being unique per file once tills sync: orders pulled
/// from other tills keep the numbers they were given there (from enrolment
/// on each till's numbers end in its own digit, so new ones never clash, but
/// orders typed on two tills before they were joined may share a number).
/// SQLite cannot drop a column's UNIQUE, so the table is rebuilt once, in
/// one transaction with foreign keys off (so dropping the old table touches
/// no child row), checked with `foreign_key_check` before it commits.
/// Does nothing when already done.
async fn relax_order_numbers(writer: &SqlitePool) -> Result<(), sqlx::Error> {
    let mut conn = writer.acquire().await?;
    let ddl: String = sqlx::query_scalar(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'orders'",
    )
    .fetch_one(&mut *conn)
    .await?;
    let unique = "number             INTEGER NOT NULL UNIQUE,";
    if !ddl.contains(unique) {
        return Ok(());
    }
    let new_ddl = ddl
        .replacen(unique, "number             INTEGER NOT NULL,", 1)
        .replacen("CREATE TABLE orders", "CREATE TABLE orders_rebuilt", 1);
    // Its indexes and triggers (the name search's) go with the old table:
    // made again on the new one.
    let indexes: Vec<String> = sqlx::query_scalar(
        "SELECT sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name = 'orders' AND sql IS NOT NULL
         ORDER BY type = 'trigger'",
    )
    .fetch_all(&mut *conn)
    .await?;
    // legacy_alter_table: the rename leaves triggers that name `orders`
    // alone (they would otherwise be re-checked while it is missing).
    sqlx::query("PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON")
        .execute(&mut *conn)
        .await?;
    let result = async {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        sqlx::query(&new_ddl).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO orders_rebuilt SELECT * FROM orders")
            .execute(&mut *tx)
            .await?;
        sqlx::query("DROP TABLE orders").execute(&mut *tx).await?;
        sqlx::query("ALTER TABLE orders_rebuilt RENAME TO orders")
            .execute(&mut *tx)
            .await?;
        for index in &indexes {
            sqlx::query(index).execute(&mut *tx).await?;
        }
        let broken: Vec<(String,)> =
            sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
                .fetch_all(&mut *tx)
                .await?;
        if !broken.is_empty() {
            return Err(sqlx::Error::Protocol(format!(
                "rebuilding the orders table would break links from {}",
                broken[0].0
            )));
        }
        tx.commit().await
    }
    .await;
    sqlx::query("PRAGMA foreign_keys = ON; PRAGMA legacy_alter_table = OFF")
        .execute(&mut *conn)
        .await?;
    result
}
