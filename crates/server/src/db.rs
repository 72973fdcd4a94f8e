//! The server's only way to the database: a bounded pool logged in as
//! `dukadesk_server` (not the owner), its statement and lock timeouts set
//! on every connection, and per request a transaction that first sets the
//! till's shop and device from its credential (`server_tenant`, checked by
//! the database). Row-level security then limits every statement to that
//! shop.

use crate::config::Config;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgPool, Postgres, Transaction};
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
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
        .application_name("dukadesk-server")
        .options([
            (
                "statement_timeout",
                format!("{}ms", config.statement_timeout_ms),
            ),
            ("lock_timeout", format!("{}ms", config.lock_timeout_ms)),
        ]);
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

/// Each shop's share of the pool: a semaphore per shop, taken before a
/// connection, so one shop's requests hold at most `per_shop` connections
/// at once and the rest of the pool stays for the other shops.
#[derive(Clone)]
pub struct Shares {
    per_shop: u32,
    shops: Arc<Mutex<HashMap<Uuid, Arc<Semaphore>>>>,
}

impl Shares {
    /// `per_shop` connections for each shop.
    pub fn new(per_shop: u32) -> Self {
        Shares {
            per_shop: per_shop.max(1),
            shops: Arc::default(),
        }
    }

    /// Waits for a place in `shop`'s share.
    pub async fn take(&self, shop: Uuid) -> OwnedSemaphorePermit {
        let sem = {
            let mut shops = self.shops.lock().unwrap_or_else(|e| e.into_inner());
            // Shops with no request in flight are forgotten.
            if shops.len() > 1024 {
                let full = self.per_shop as usize;
                shops.retain(|_, s| Arc::strong_count(s) > 1 || s.available_permits() < full);
            }
            shops
                .entry(shop)
                .or_insert_with(|| Arc::new(Semaphore::new(self.per_shop as usize)))
                .clone()
        };
        // The semaphore is never closed.
        sem.acquire_owned()
            .await
            .unwrap_or_else(|_| unreachable!("a shop's semaphore is never closed"))
    }
}

/// A tenant's transaction, holding its shop's share while it lasts.
pub struct TenantTx {
    tx: Transaction<'static, Postgres>,
    _share: OwnedSemaphorePermit,
}

impl TenantTx {
    /// Commits (and gives the share back).
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl std::ops::Deref for TenantTx {
    type Target = Transaction<'static, Postgres>;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for TenantTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// Begins a transaction for the till whose credential hashes to
/// `credential_hash` (of `shop`, as the server remembers it) within that
/// shop's share of the pool. BEGIN and `server_tenant` go as one round
/// trip; the database sets the shop and device the policies read, or
/// nothing at all for a credential it does not know or has revoked (then
/// the transaction sees and writes nothing, and the functions a request
/// calls refuse it: see [`TenantTx::enrolled`]).
pub async fn tenant_tx(
    pool: &PgPool,
    shares: &Shares,
    shop: Uuid,
    credential_hash: &[u8],
) -> Result<TenantTx, sqlx::Error> {
    let share = shares.take(shop).await;
    // The hash is ours (a SHA-256), written as hex into the statement.
    let hex: String = credential_hash.iter().map(|b| format!("{b:02x}")).collect();
    let tx = pool
        .begin_with(format!(
            "BEGIN; SELECT server_tenant(pg_catalog.decode('{hex}', 'hex'))"
        ))
        .await?;
    Ok(TenantTx { tx, _share: share })
}

impl TenantTx {
    /// Whether the database took the credential (for requests whose own
    /// statements would otherwise just see nothing).
    pub async fn enrolled(&mut self) -> Result<bool, sqlx::Error> {
        sqlx::query_scalar("SELECT current_device_id() IS NOT NULL")
            .fetch_one(&mut *self.tx)
            .await
    }
}
