//! Refunds: each written with its outbox row, in the caller's
//! transaction. Insert-only: a refund made by mistake is not undone by
//! changing it (money that came back in is a new sale); only a customer's
//! erasure touches one, removing its reason (`privacy::erase`).

use crate::store::outbox::{self, Op};
use crate::store::{from_millis, parse_uuid, to_millis, StoreError};
use dukadesk_domain::refund::{Refund, RefundMethod, ERASED_REASON};
use dukadesk_domain::{Currency, Money, OrderId, RefundId};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

/// The columns [`from_row`] reads.
pub(crate) const COLUMNS: &str =
    "id, order_id, amount_minor, currency, method, receipt, reason, staff_name, at";

/// Reads a row of [`COLUMNS`].
pub(crate) fn from_row(row: &SqliteRow) -> Result<Refund, StoreError> {
    let currency = Currency::from_code(&row.try_get::<String, _>("currency")?)
        .ok_or(StoreError::BadRow("refund"))?;
    Ok(Refund {
        id: RefundId(parse_uuid(&row.try_get::<String, _>("id")?, "refund")?),
        order_id: OrderId(parse_uuid(
            &row.try_get::<String, _>("order_id")?,
            "refund",
        )?),
        amount: Money::from_minor(row.try_get("amount_minor")?, currency),
        method: RefundMethod::parse(&row.try_get::<String, _>("method")?)
            .ok_or(StoreError::BadRow("refund"))?,
        receipt: row.try_get("receipt")?,
        reason: row.try_get("reason")?,
        by: row.try_get("staff_name")?,
        at: from_millis(row.try_get("at")?),
    })
}

/// Stores a refund without an outbox row; `here` when it was given at
/// this till. Insert-only: the first version of an id stays. A refund for
/// an erased customer's order keeps [`ERASED_REASON`] for its reason, as
/// the server does (the reason may name them).
pub(crate) async fn put(
    tx: &mut SqliteConnection,
    r: &Refund,
    here: bool,
) -> Result<bool, StoreError> {
    let written = sqlx::query(&format!(
        "INSERT INTO refunds ({COLUMNS}, here) VALUES (?1, ?2, ?3, ?4, ?5, ?6,
             CASE WHEN EXISTS (SELECT 1 FROM orders o JOIN customers c ON c.id = o.customer_id
                               WHERE o.id = ?2 AND c.erased_at IS NOT NULL)
                  THEN ?11 ELSE ?7 END,
             ?8, ?9, ?10)
         ON CONFLICT (id) DO NOTHING"
    ))
    .bind(r.id.to_string())
    .bind(r.order_id.to_string())
    .bind(r.amount.minor)
    .bind(r.amount.currency.code())
    .bind(r.method.as_str())
    .bind(r.receipt.as_deref())
    .bind(&r.reason)
    .bind(&r.by)
    .bind(to_millis(r.at))
    .bind(here)
    .bind(ERASED_REASON)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(written == 1)
}

/// Writes a refund given here and its outbox row (read back from the
/// table).
pub(crate) async fn refunded(tx: &mut SqliteConnection, r: &Refund) -> Result<(), StoreError> {
    if !put(tx, r, true).await? {
        return Ok(());
    }
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM refunds WHERE id = ?"))
        .bind(r.id.to_string())
        .fetch_one(&mut *tx)
        .await?;
    let stored = from_row(&row)?;
    outbox::record(
        tx,
        "refund",
        &stored.id.to_string(),
        Op::Upsert,
        &stored,
        stored.at,
    )
    .await
}
