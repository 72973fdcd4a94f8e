//! Provisioning the hosted backend (the admin subcommands of
//! `dukadesk-server`): apply the hosted migrations, give the server its
//! login, create shops, enrol and revoke tills (purging old orders is
//! `sync::purge`). Runs as the database owner, which needs CREATEROLE (to
//! give the server's role its password) but not superuser.
//!
//! A till is enrolled with the server (`enrol_server_device`): a one-time
//! code the till exchanges at the server's `POST /v1/enrol` for a
//! credential. Tills have no database login.

use super::protocol::{new_secret, secret_hash};
use super::SyncError;
use chrono::{DateTime, Duration, Utc};
use dukadesk_domain::Sensitive;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
/// The owner's connection pool, as `connect` returns it.
pub use sqlx::PgPool;
use sqlx::{Connection as _, Row};
use std::str::FromStr;
use uuid::Uuid;

/// The hosted schema.
pub static HOSTED_MIGRATOR: Migrator = sqlx::migrate!("../../migrations/hosted");

/// Connects as the owner from a `postgres://` URL.
pub async fn connect(url: &str) -> Result<PgPool, SyncError> {
    let opts = PgConnectOptions::from_str(url)
        .map_err(|e| SyncError::Server(format!("That database URL is not valid: {e}")))?
        .application_name("dukadesk-server-admin");
    let probe = sqlx::PgConnection::connect_with(&opts)
        .await
        .map_err(SyncError::from_pg)?;
    let _ = probe.close().await;
    PgPoolOptions::new()
        .max_connections(2)
        .acquire_timeout(std::time::Duration::from_secs(15))
        .connect_with(opts)
        .await
        .map_err(SyncError::from_pg)
}

/// Applies every hosted migration not yet applied.
pub async fn migrate(pool: &PgPool) -> Result<(), SyncError> {
    HOSTED_MIGRATOR
        .run(pool)
        .await
        .map_err(|e| SyncError::Server(format!("Migrating failed: {e}")))
}

/// The login the DukaDesk server uses (created by hosted migration 0004).
pub const SERVER_ROLE: &str = "dukadesk_server";

/// Lets the DukaDesk server log in: LOGIN and `password` for
/// [`SERVER_ROLE`], with the server-side timeouts a stuck session cannot
/// outlive. Run after [`migrate`]; safe to run again (a new password
/// replaces the old). Each server process bounds its own pool; several
/// processes share the login, so it has no connection limit of its own.
pub async fn set_server_login(pool: &PgPool, password: &str) -> Result<(), SyncError> {
    // ALTER ROLE takes no parameters: format() quotes the password.
    let stmt: String =
        sqlx::query_scalar("SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text)")
            .bind(SERVER_ROLE)
            .bind(password)
            .fetch_one(pool)
            .await
            .map_err(SyncError::from_pg)?;
    for s in [
        stmt,
        format!("ALTER ROLE {SERVER_ROLE} SET statement_timeout = '60s'"),
        format!("ALTER ROLE {SERVER_ROLE} SET idle_in_transaction_session_timeout = '60s'"),
    ] {
        sqlx::query(&s)
            .execute(pool)
            .await
            .map_err(SyncError::from_pg)?;
    }
    Ok(())
}

/// Creates a shop (tenant) and returns its id.
pub async fn create_shop(pool: &PgPool, name: &str) -> Result<Uuid, SyncError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(SyncError::Server(
            "Give the shop a name of 1 to 200 characters.".into(),
        ));
    }
    let id = Uuid::new_v4();
    sqlx::query("INSERT INTO shops (id, name) VALUES ($1, $2)")
        .bind(id)
        .bind(name)
        .execute(pool)
        .await
        .map_err(SyncError::from_pg)?;
    Ok(id)
}

/// The name of shop `id`, or an error saying where to find the right id.
pub async fn shop_name(pool: &PgPool, id: Uuid) -> Result<String, SyncError> {
    let name: Option<String> = sqlx::query_scalar("SELECT name FROM shops WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(SyncError::from_pg)?;
    name.ok_or_else(|| unknown_shop(id))
}

fn unknown_shop(id: Uuid) -> SyncError {
    SyncError::Server(format!(
        "No shop has the id {id}. `dukadesk-server list-devices` shows the shops."
    ))
}

fn check_label(label: &str) -> Result<&str, SyncError> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 60 {
        return Err(SyncError::Server(
            "Give the till a label of 1 to 60 characters.".into(),
        ));
    }
    Ok(label)
}

/// The shop's name and the lowest order-number digit no active till uses.
async fn new_device_no(
    tx: &mut sqlx::PgConnection,
    shop_id: Uuid,
) -> Result<(String, u8), SyncError> {
    let shop_name: Option<String> = sqlx::query_scalar("SELECT name FROM shops WHERE id = $1")
        .bind(shop_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(SyncError::from_pg)?;
    let shop_name = shop_name.ok_or_else(|| unknown_shop(shop_id))?;
    let used: Vec<i16> = sqlx::query_scalar(
        "SELECT device_no FROM devices WHERE shop_id = $1 AND revoked_at IS NULL",
    )
    .bind(shop_id)
    .fetch_all(&mut *tx)
    .await
    .map_err(SyncError::from_pg)?;
    let device_no = (1..=9u8)
        .find(|n| !used.contains(&i16::from(*n)))
        .ok_or_else(|| {
            SyncError::Server(
                "This shop already has 9 tills; revoke one before enrolling another.".into(),
            )
        })?;
    Ok((shop_name, device_no))
}

/// A till enrolled with the DukaDesk server, not yet connected.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerDevice {
    /// The shop.
    pub shop_id: Uuid,
    /// Its name.
    pub shop_name: String,
    /// The till.
    pub device_id: Uuid,
    /// Its digit in order numbers.
    pub device_no: u8,
    /// Its label.
    pub label: String,
    /// The one-time code (only its SHA-256 is stored).
    pub code: Sensitive<String>,
    /// When the code stops working.
    pub expires_at: DateTime<Utc>,
}

/// Enrols a till with the DukaDesk server: a device row (no database
/// login) and a one-time code, valid for `valid_for`, that the till
/// exchanges once at `POST /v1/enrol` for its credential.
pub async fn enrol_server_device(
    pool: &PgPool,
    shop_id: Uuid,
    label: &str,
    valid_for: Duration,
    now: DateTime<Utc>,
) -> Result<ServerDevice, SyncError> {
    let label = check_label(label)?;
    let code = new_secret();
    let hash = secret_hash(&code)
        .ok_or_else(|| SyncError::Server("could not make an enrolment code".into()))?;
    let mut tx = pool.begin().await.map_err(SyncError::from_pg)?;
    let (shop_name, device_no) = new_device_no(&mut tx, shop_id).await?;
    let device_id = Uuid::new_v4();
    let expires_at = now + valid_for;
    sqlx::query(
        "INSERT INTO devices (shop_id, id, role_name, label, device_no, enrol_expires, enrol_code_hash)
         VALUES ($1, $2, NULL, $3, $4, $5, $6)",
    )
    .bind(shop_id)
    .bind(device_id)
    .bind(label)
    .bind(i16::from(device_no))
    .bind(expires_at)
    .bind(hash)
    .execute(&mut *tx)
    .await
    .map_err(SyncError::from_pg)?;
    tx.commit().await.map_err(SyncError::from_pg)?;
    Ok(ServerDevice {
        shop_id,
        shop_name,
        device_id,
        device_no,
        label: label.to_owned(),
        code: code.into(),
        expires_at,
    })
}

/// Revokes a till: its rows stay, and the server's transactions for it
/// lose every row at once (row-level security stops matching a revoked
/// device). Gives up its bot lease. The DukaDesk server
/// hears of it (`dukadesk_revoked`) and closes the till's live stream; its
/// credential is refused from the next request.
pub async fn revoke_device(pool: &PgPool, device_id: Uuid) -> Result<(), SyncError> {
    let mut tx = pool.begin().await.map_err(SyncError::from_pg)?;
    let found: Option<Uuid> = sqlx::query_scalar(
        "UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id",
    )
    .bind(device_id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(SyncError::from_pg)?;
    if found.is_none() {
        return Err(SyncError::Server(format!(
            "No till has the id {device_id}. `list-devices` shows them."
        )));
    }
    sqlx::query("DELETE FROM bot_leases WHERE device_id = $1")
        .bind(device_id)
        .execute(&mut *tx)
        .await
        .map_err(SyncError::from_pg)?;
    sqlx::query("SELECT pg_notify('dukadesk_revoked', $1)")
        .bind(device_id.to_string())
        .execute(&mut *tx)
        .await
        .map_err(SyncError::from_pg)?;
    tx.commit().await.map_err(SyncError::from_pg)?;
    Ok(())
}

/// One till as the admin sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRow {
    /// Shop id.
    pub shop_id: Uuid,
    /// Shop name.
    pub shop_name: String,
    /// Device id.
    pub id: Uuid,
    /// Label.
    pub label: String,
    /// Digit in order numbers.
    pub device_no: i16,
    /// Last upload.
    pub last_seen_at: Option<DateTime<Utc>>,
    /// Revoked at.
    pub revoked_at: Option<DateTime<Utc>>,
    /// Outbox seq applied.
    pub applied_seq: i64,
}

/// Every till (of one shop, or all), with shops that have none.
pub async fn list_devices(pool: &PgPool, shop: Option<Uuid>) -> Result<Vec<DeviceRow>, SyncError> {
    let rows = sqlx::query(
        "SELECT s.id AS shop_id, s.name AS shop_name, d.id, d.label, d.device_no,
                d.last_seen_at, d.revoked_at, d.applied_seq
         FROM shops s JOIN devices d ON d.shop_id = s.id
         WHERE $1::uuid IS NULL OR s.id = $1
         ORDER BY s.name, d.device_no, d.enrolled_at",
    )
    .bind(shop)
    .fetch_all(pool)
    .await
    .map_err(SyncError::from_pg)?;
    rows.into_iter()
        .map(|r| {
            Ok(DeviceRow {
                shop_id: r.try_get("shop_id")?,
                shop_name: r.try_get("shop_name")?,
                id: r.try_get("id")?,
                label: r.try_get("label")?,
                device_no: r.try_get("device_no")?,
                last_seen_at: r.try_get("last_seen_at")?,
                revoked_at: r.try_get("revoked_at")?,
                applied_seq: r.try_get("applied_seq")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(SyncError::from_pg)
}

/// Every shop: id, name and how many active tills.
pub async fn list_shops(pool: &PgPool) -> Result<Vec<(Uuid, String, i64)>, SyncError> {
    sqlx::query_as(
        "SELECT s.id, s.name, count(d.id) FILTER (WHERE d.revoked_at IS NULL)
         FROM shops s LEFT JOIN devices d ON d.shop_id = s.id GROUP BY s.id, s.name ORDER BY s.name",
    )
    .fetch_all(pool)
    .await
    .map_err(SyncError::from_pg)
}
