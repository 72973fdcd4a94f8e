//! The server's only way to the database: a bounded pool logged in as
//! `dukadesk_server` (not the owner), and per request a transaction that
//! first sets the device's shop and device and the timeouts. Row-level
//! security then limits every statement to that shop.

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

    async fn take(&self, shop: Uuid) -> OwnedSemaphorePermit {
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

/// Begins a transaction for `tenant` within its shop's share of the pool:
/// the shop and device settings the policies read, and the timeouts, all
/// `SET LOCAL` (gone at commit).
pub async fn tenant_tx(
    pool: &PgPool,
    shares: &Shares,
    tenant: Tenant,
    t: Timeouts,
) -> Result<TenantTx, sqlx::Error> {
    let share = shares.take(tenant.shop_id).await;
    // One round trip: BEGIN and the settings as one simple query. Every
    // value is ours and plain (numbers, and UUIDs in their hyphenated
    // hex), so it is written into the statement, not bound.
    let tx = pool
        .begin_with(format!(
            "BEGIN; SELECT set_config('statement_timeout', '{}ms', true), \
             set_config('lock_timeout', '{}ms', true), \
             set_config('dukadesk.shop_id', '{}', true), \
             set_config('dukadesk.device_id', '{}', true)",
            t.statement_ms,
            t.lock_ms,
            tenant.shop_id.hyphenated(),
            tenant.device_id.hyphenated()
        ))
        .await?;
    Ok(TenantTx { tx, _share: share })
}
