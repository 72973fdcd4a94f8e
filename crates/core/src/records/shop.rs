//! The shop's details and its delivery zones: each written with its outbox
//! row, in the caller's transaction.

use crate::shop::put_shop;
use crate::store::outbox::{self, Op};
use crate::store::{to_millis, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::shop::{DeliveryZone, Shop};
use sqlx::SqliteConnection;

/// Writes the shop row (insert or update) and its outbox row: the one way
/// this till changes the shop.
pub(crate) async fn write(
    tx: &mut SqliteConnection,
    shop: &Shop,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    put_shop(tx, shop, now).await?;
    outbox::record(tx, "shop", &shop.id.to_string(), Op::Upsert, shop, now).await
}

/// Writes a delivery zone (insert or update) and its outbox row.
pub(crate) async fn write_zone(
    tx: &mut SqliteConnection,
    zone: &DeliveryZone,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO delivery_zones (id, name, fee_minor, currency, active, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, fee_minor = excluded.fee_minor,
           active = excluded.active, updated_at = excluded.updated_at",
    )
    .bind(zone.id.to_string())
    .bind(&zone.name)
    .bind(zone.fee.minor)
    .bind(zone.fee.currency.code())
    .bind(zone.active)
    .bind(to_millis(now))
    .execute(&mut *tx)
    .await?;
    outbox::record(
        tx,
        "delivery_zone",
        &zone.id.to_string(),
        Op::Upsert,
        zone,
        now,
    )
    .await
}
