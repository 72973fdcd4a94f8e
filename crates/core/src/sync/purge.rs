//! Hosted retention (`dukadesk-server purge`): deletes from the hosted
//! database the orders past a shop's retention period, with their lines
//! (`order_items`) and payments, by the rule the tills use on their own
//! copies (`privacy::retention::order_cutoff`: created before the cut-off,
//! whatever the status). Runs as the database owner; tills cannot DELETE.
//!
//! Each batch of orders goes in one transaction with its lines and payments
//! (nothing is half-deleted by a crash), holding the shop's advisory lock
//! like a till's upload does, so it never interleaves with one and holds row
//! locks only for one batch. Each run first commits its row in
//! `order_purges` (hosted migration 0003): the audit line, whose counts grow
//! with each batch, and the watermark below which the server skips orders
//! and payments a till sends again. A run that stops midway leaves whole
//! batches done; the next run finishes the rest. A dry run only counts.

use super::admin::shop_name;
use super::SyncError;
use crate::privacy::retention::{
    order_cutoff, valid_order_years, MAX_ORDER_YEARS, MIN_ORDER_YEARS,
};
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};
use uuid::Uuid;

/// Orders deleted per transaction unless told otherwise.
pub const DEFAULT_BATCH: u32 = 500;

/// What one shop's purge removed (or, in a dry run, would remove).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopPurge {
    /// The shop.
    pub shop_id: Uuid,
    /// Its name.
    pub shop_name: String,
    /// The retention period applied, in years.
    pub years: u32,
    /// Orders created before this went.
    pub cutoff: DateTime<Utc>,
    /// Orders.
    pub orders: u64,
    /// Their lines.
    pub order_items: u64,
    /// Their payment attempts.
    pub payments: u64,
}

/// Which shops to purge and for how long each keeps its orders.
#[derive(Debug, Clone)]
pub struct PurgePlan {
    /// The retention period of every shop without an override.
    pub years: u32,
    /// Only this shop (all shops when `None`).
    pub shop: Option<Uuid>,
    /// Shops that keep orders for another period.
    pub overrides: Vec<(Uuid, u32)>,
    /// Count only; delete nothing.
    pub dry_run: bool,
    /// Orders per transaction.
    pub batch: u32,
}

impl PurgePlan {
    /// Checks the periods and the batch size before anything is read.
    pub fn check(&self) -> Result<(), SyncError> {
        let bad_years = |y: u32| {
            SyncError::Server(format!(
                "A retention period of {y} years is not allowed: tills keep orders \
                 {MIN_ORDER_YEARS} to {MAX_ORDER_YEARS} years, and so does the server."
            ))
        };
        if !valid_order_years(self.years) {
            return Err(bad_years(self.years));
        }
        if let Some((_, y)) = self.overrides.iter().find(|(_, y)| !valid_order_years(*y)) {
            return Err(bad_years(*y));
        }
        if !(1..=10_000).contains(&self.batch) {
            return Err(SyncError::Server(
                "The batch size must be between 1 and 10000 orders.".into(),
            ));
        }
        Ok(())
    }

    fn years_of(&self, shop: Uuid) -> u32 {
        self.overrides
            .iter()
            .rev()
            .find(|(s, _)| *s == shop)
            .map_or(self.years, |(_, y)| *y)
    }
}

/// Purges every shop the plan names (each shop in turn), as of `now`.
/// Returns what went per shop, in shop name order.
pub async fn purge(
    pool: &PgPool,
    plan: &PurgePlan,
    now: DateTime<Utc>,
) -> Result<Vec<ShopPurge>, SyncError> {
    plan.check()?;
    let ready: bool = sqlx::query_scalar("SELECT to_regclass('public.order_purges') IS NOT NULL")
        .fetch_one(pool)
        .await
        .map_err(SyncError::from_pg)?;
    if !ready {
        return Err(SyncError::Server(
            "This database does not have the hosted schema that purging needs; \
             run `dukadesk-server migrate` first."
                .into(),
        ));
    }
    for (shop, _) in &plan.overrides {
        shop_name(pool, *shop).await?;
    }
    let shops: Vec<(Uuid, String)> = match plan.shop {
        Some(id) => vec![(id, shop_name(pool, id).await?)],
        None => sqlx::query_as("SELECT id, name FROM shops ORDER BY name, id")
            .fetch_all(pool)
            .await
            .map_err(SyncError::from_pg)?,
    };
    let mut out = Vec::with_capacity(shops.len());
    for (shop_id, shop_name) in shops {
        let years = plan.years_of(shop_id);
        let mut done = ShopPurge {
            shop_id,
            shop_name,
            years,
            cutoff: order_cutoff(now, years),
            orders: 0,
            order_items: 0,
            payments: 0,
        };
        if plan.dry_run {
            count(pool, &mut done).await?;
        } else {
            purge_shop(pool, &mut done, i64::from(plan.batch)).await?;
        }
        out.push(done);
    }
    Ok(out)
}

/// The orders of `shop` past `cutoff`.
const OLD: &str = "o.shop_id = $1 AND (o.body->>'created_at')::timestamptz < $2";

async fn count(pool: &PgPool, p: &mut ShopPurge) -> Result<(), SyncError> {
    let row = sqlx::query(&format!(
        "SELECT (SELECT count(*) FROM orders o WHERE {OLD}) AS orders,
                (SELECT count(*) FROM order_items i JOIN orders o
                   ON o.shop_id = i.shop_id AND o.id = i.order_id WHERE {OLD}) AS order_items,
                (SELECT count(*) FROM payments p JOIN orders o
                   ON o.shop_id = p.shop_id AND o.id = p.order_id WHERE {OLD}) AS payments"
    ))
    .bind(p.shop_id)
    .bind(p.cutoff)
    .fetch_one(pool)
    .await
    .map_err(SyncError::from_pg)?;
    let n = |c: &str| row.try_get::<i64, _>(c).map(|v| v as u64);
    p.orders = n("orders").map_err(SyncError::from_pg)?;
    p.order_items = n("order_items").map_err(SyncError::from_pg)?;
    p.payments = n("payments").map_err(SyncError::from_pg)?;
    Ok(())
}

async fn purge_shop(pool: &PgPool, p: &mut ShopPurge, batch: i64) -> Result<(), SyncError> {
    // The audit row (and watermark) is committed before anything goes: from
    // here on the server no longer takes these orders back.
    let run: i64 = sqlx::query_scalar(
        "INSERT INTO order_purges (shop_id, years, cutoff) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(p.shop_id)
    .bind(i16::try_from(p.years).unwrap_or(i16::MAX))
    .bind(p.cutoff)
    .fetch_one(pool)
    .await
    .map_err(SyncError::from_pg)?;
    // Keyset over the primary key: each batch starts after the last one,
    // so no batch scans what an earlier one removed.
    let mut after = Uuid::nil();
    loop {
        let mut tx = pool.begin().await.map_err(SyncError::from_pg)?;
        // The lock a till's upload takes (`sync_push_begin`): uploads and purge
        // batches of a shop run one after the other.
        sqlx::query(
            "SELECT pg_advisory_xact_lock(hashtextextended('dukadesk-shop:' || $1::text, 0))",
        )
        .bind(p.shop_id)
        .execute(&mut *tx)
        .await
        .map_err(SyncError::from_pg)?;
        let ids: Vec<Uuid> = sqlx::query_scalar(&format!(
            "SELECT o.id FROM orders o WHERE {OLD} AND o.id > $3 ORDER BY o.id LIMIT $4"
        ))
        .bind(p.shop_id)
        .bind(p.cutoff)
        .bind(after)
        .bind(batch)
        .fetch_all(&mut *tx)
        .await
        .map_err(SyncError::from_pg)?;
        let Some(last) = ids.last().copied() else {
            break;
        };
        // Their resellers' credits and their refunds go with them (they
        // name the order by id).
        for sql in [
            "DELETE FROM reseller_credits WHERE shop_id = $1 AND id = ANY($2)",
            "DELETE FROM refunds WHERE shop_id = $1 AND order_id = ANY($2)",
        ] {
            sqlx::query(sql)
                .bind(p.shop_id)
                .bind(&ids)
                .execute(&mut *tx)
                .await
                .map_err(SyncError::from_pg)?;
        }
        let mut gone = [0u64; 3];
        // Children first: lines reference their order by foreign key;
        // payments name it in their body.
        for (i, sql) in [
            "DELETE FROM payments WHERE shop_id = $1 AND order_id = ANY($2)",
            "DELETE FROM order_items WHERE shop_id = $1 AND order_id = ANY($2)",
            "DELETE FROM orders WHERE shop_id = $1 AND id = ANY($2)",
        ]
        .into_iter()
        .enumerate()
        {
            gone[i] = sqlx::query(sql)
                .bind(p.shop_id)
                .bind(&ids)
                .execute(&mut *tx)
                .await
                .map_err(SyncError::from_pg)?
                .rows_affected();
        }
        let [payments, order_items, orders] = gone;
        sqlx::query(
            "UPDATE order_purges SET orders = orders + $2, order_items = order_items + $3,
                 payments = payments + $4 WHERE id = $1",
        )
        .bind(run)
        .bind(orders as i64)
        .bind(order_items as i64)
        .bind(payments as i64)
        .execute(&mut *tx)
        .await
        .map_err(SyncError::from_pg)?;
        tx.commit().await.map_err(SyncError::from_pg)?;
        p.orders += orders;
        p.order_items += order_items;
        p.payments += payments;
        after = last;
    }
    sqlx::query("UPDATE order_purges SET finished_at = now() WHERE id = $1")
        .bind(run)
        .execute(pool)
        .await
        .map_err(SyncError::from_pg)?;
    Ok(())
}
