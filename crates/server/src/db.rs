//! The server's only way to the database: a bounded pool logged in as
//! `dukadesk_server` (not the owner), and per request a transaction that
//! first sets the device's shop and device and the timeouts. Row-level
//! security then limits every statement to that shop.

use crate::config::Config;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgPool, Postgres, Transaction};
use std::str::FromStr;
use std::time::Duration;
use uuid::Uuid;

/// The login the server uses (created by the hosted migrations, given
/// LOGIN and its password by `dukadesk-server migrate`).
pub const SERVER_ROLE: &str = "dukadesk_server";

/// Opens the server's pool.
pub async fn connect(config: &Config) -> anyhow::Result<PgPool> {
    let password = config.server_password()?;
    let opts = PgConnectOptions::from_str(&config.database_url)
        .map_err(|e| anyhow::anyhow!("database.url is not a valid postgres:// URL: {e}"))?
        .username(SERVER_ROLE)
        .password(password)
        .application_name("dukadesk-server");
    let pool = PgPoolOptions::new()
        .max_connections(config.pool_size)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(opts)
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "Could not log in to the database as {SERVER_ROLE} ({e}). Run \
                 `dukadesk-server migrate` with the same config first; it sets that login's password."
            )
        })?;
    Ok(pool)
}

/// Who a request comes from, as its credential says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tenant {
    /// The shop.
    pub shop_id: Uuid,
    /// The till.
    pub device_id: Uuid,
}

/// Timeouts the server sets on each of its transactions.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// `statement_timeout`, milliseconds.
    pub statement_ms: u32,
    /// `lock_timeout`, milliseconds.
    pub lock_ms: u32,
}

/// Begins a transaction for `tenant`: the shop and device settings the
/// policies read, and the timeouts, all `SET LOCAL` (gone at commit).
pub async fn tenant_tx(
    pool: &PgPool,
    tenant: Tenant,
    t: Timeouts,
) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true),
                set_config('dukadesk.shop_id', $3, true), set_config('dukadesk.device_id', $4, true)",
    )
    .bind(format!("{}ms", t.statement_ms))
    .bind(format!("{}ms", t.lock_ms))
    .bind(tenant.shop_id.to_string())
    .bind(tenant.device_id.to_string())
    .execute(&mut *tx)
    .await?;
    Ok(tx)
}
