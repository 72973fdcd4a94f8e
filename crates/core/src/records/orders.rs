//! Orders: every order this till writes sends its outbox row through
//! [`changed`] (creation, each move, a scrub after an erasure).

use crate::orders::order_in;
use crate::store::outbox::{self, Op};
use crate::store::{parse_uuid, to_millis, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::{OrderId, PaymentId};
use sqlx::SqliteConnection;

/// An order (and its payments) lost the customer's personal data in an
/// erasure on this till: both travel as changed now.
pub(crate) async fn scrubbed(
    tx: &mut SqliteConnection,
    order_id: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let id = OrderId(parse_uuid(order_id, "order")?);
    sqlx::query("UPDATE orders SET updated_at = ? WHERE id = ?")
        .bind(to_millis(now))
        .bind(order_id)
        .execute(&mut *tx)
        .await?;
    let order = order_in(tx, id)
        .await?
        .ok_or(StoreError::NotFound("The order"))?;
    outbox::record(tx, "order", order_id, Op::Upsert, &order, now).await?;
    let payments: Vec<String> = sqlx::query_scalar("SELECT id FROM payments WHERE order_id = ?")
        .bind(order_id)
        .fetch_all(&mut *tx)
        .await?;
    for payment in payments {
        let payment = PaymentId(parse_uuid(&payment, "payment")?);
        super::payments::touched(tx, payment, now).await?;
    }
    Ok(())
}

/// An order this till wrote (created, moved, or changed otherwise by a use
/// case): its outbox row, in the caller's transaction, with the order as
/// stored (read back, so what travels is what this till keeps).
pub(crate) async fn changed(
    tx: &mut SqliteConnection,
    id: OrderId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let order = order_in(tx, id)
        .await?
        .ok_or(StoreError::NotFound("The order"))?;
    outbox::record(tx, "order", &id.to_string(), Op::Upsert, &order, now).await
}
