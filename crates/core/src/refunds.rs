//! Refunds: money given back to a customer for an order, all of it or a
//! part, written through `records::refunds` (so it syncs) in one
//! transaction with the check of what the order can still give back.
//!
//! What an order can give back is the cash and M-Pesa it brought in, less
//! what went back already: a sale on credit brought no money (it is
//! corrected by cancelling it), and test-chat money is not money. Sales in
//! Reports, the drawer's cash-up and resellers' commissions read refunds
//! where they read payments.

use crate::records::refunds::{self as rec, COLUMNS};
use crate::store::{new_id, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::ipc::OrderDetail;
use dukadesk_domain::payment::PaymentMethod;
use dukadesk_domain::refund::{OrderRefunds, Refund, RefundInput, RefundMethod, ValidRefund};
use dukadesk_domain::{Currency, Money, OrderId, RefundId};
use sqlx::SqliteConnection;

/// Payment methods whose money can go back, as an SQL list.
fn money_methods_sql() -> String {
    let names: Vec<String> = PaymentMethod::ALL
        .into_iter()
        .filter(|m| m.brings_money())
        .map(|m| format!("'{}'", m.as_str()))
        .collect();
    format!("({})", names.join(", "))
}

/// An order's refunds, oldest first, and what it can still give back.
pub(crate) async fn of_order_in(
    conn: &mut SqliteConnection,
    order: OrderId,
    currency: Currency,
) -> Result<OrderRefunds, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM refunds WHERE order_id = ? ORDER BY at, id"
    ))
    .bind(order.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let refunds = rows
        .iter()
        .map(rec::from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let received: i64 = sqlx::query_scalar(&format!(
        "SELECT COALESCE(SUM(amount_minor), 0) FROM payments
         WHERE order_id = ? AND state = 'succeeded' AND currency = ? AND method IN {}",
        money_methods_sql()
    ))
    .bind(order.to_string())
    .bind(currency.code())
    .fetch_one(&mut *conn)
    .await?;
    let given: i64 = refunds
        .iter()
        .filter(|r| r.amount.currency == currency)
        .map(|r| r.amount.minor)
        .sum();
    Ok(OrderRefunds {
        refunds,
        left: Money::from_minor((received - given).max(0), currency),
        over: Some(Money::from_minor(given - received, currency)).filter(|m| m.minor > 0),
    })
}

/// Gives `valid` back for `order` in the caller's transaction, in the name
/// of `by`. The caller checked it against what is left.
pub(crate) async fn give_in(
    tx: &mut SqliteConnection,
    order: OrderId,
    valid: ValidRefund,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Refund, StoreError> {
    let refund = Refund {
        id: RefundId(new_id()),
        order_id: order,
        amount: valid.amount,
        method: valid.method,
        receipt: valid.receipt,
        reason: valid.reason,
        by: by.to_owned(),
        at: now,
    };
    rec::refunded(tx, &refund).await?;
    // An invoiced sale gets its credit note for the money in the same
    // transaction (the signer sends it after the sale).
    crate::tax::invoices::refund_in(tx, &refund, now).await?;
    Ok(refund)
}

/// What a chat customer is told of `refund` (of order `number`).
pub(crate) fn refunded_event(refund: &Refund, number: i64) -> crate::events::Event {
    crate::events::Event::Refunded {
        order_id: refund.order_id,
        number,
        amount: refund.amount,
        method: refund.method,
    }
}

/// How the money of `order` came in: cash if any of it was cash, else
/// M-Pesa (the way an amount fixed by the till goes back).
pub(crate) async fn way_back_in(
    conn: &mut SqliteConnection,
    order: OrderId,
) -> Result<RefundMethod, StoreError> {
    let cash: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM payments
                        WHERE order_id = ? AND state = 'succeeded' AND method = 'cash')",
    )
    .bind(order.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(if cash {
        RefundMethod::Cash
    } else {
        RefundMethod::Mpesa
    })
}

impl Store {
    /// Gives back all or part of the money an order brought in, in the
    /// name of `by`; checked against what is left in the same transaction
    /// as the write. Returns the order as it stands.
    pub async fn refund_order(
        &self,
        input: &RefundInput,
        by: &str,
    ) -> Result<OrderDetail, StoreError> {
        let shop = self.require_shop().await?;
        let now = self.now();
        let mut tx = self.write_tx().await?;
        let order = crate::orders::order_in(&mut tx, input.order_id)
            .await?
            .ok_or(StoreError::NotFound("The order"))?;
        let left = of_order_in(&mut tx, input.order_id, shop.currency)
            .await?
            .left;
        let valid = input
            .validate(shop.currency, left)
            .map_err(StoreError::Invalid)?;
        let refund = give_in(&mut tx, input.order_id, valid, by, now).await?;
        // A chat customer hears of it, in the same transaction.
        self.react_in(&mut tx, &[refunded_event(&refund, order.number)])
            .await?;
        let detail = crate::orders::detail_in(&mut tx, input.order_id).await?;
        tx.commit().await?;
        tracing::info!(order = %input.order_id, amount = %refund.amount, "refund given");
        Ok(detail)
    }
}

#[cfg(test)]
mod tests;
