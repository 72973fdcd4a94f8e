//! Payment attempts: created, given the provider's reference, given an
//! outcome, noted with a problem for staff. Each change bumps the row's
//! `updated_at` and writes the whole attempt to the outbox.

use crate::store::outbox::{self, Op};
use crate::store::{from_millis, parse_uuid, to_millis, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::payment::{PaymentAttempt, PaymentMethod, PaymentState};
use dukadesk_domain::{Country, Currency, Money, Msisdn, OrderId, PaymentId};
use sqlx::SqliteConnection;

const COLUMNS: &str = "id, order_id, method, amount_minor, currency, phone, state, provider_ref, \
                       receipt, failure, created_at, updated_at, settled_by";

type Row = (
    String,
    String,
    String,
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    i64,
    Option<String>,
);

fn attempt(row: Row) -> Result<PaymentAttempt, StoreError> {
    let (
        id,
        order_id,
        method,
        amount,
        currency,
        phone,
        state,
        provider_ref,
        receipt,
        failure,
        created,
        updated,
        settled_by,
    ) = row;
    let bad = || StoreError::BadRow("payment");
    Ok(PaymentAttempt {
        id: PaymentId(parse_uuid(&id, "payment")?),
        order_id: OrderId(parse_uuid(&order_id, "payment")?),
        method: PaymentMethod::parse(&method).ok_or_else(bad)?,
        amount: Money::from_minor(amount, Currency::from_code(&currency).ok_or_else(bad)?),
        phone: phone.and_then(|p| Msisdn::parse(&p, Country::Kenya).ok()),
        state: PaymentState::parse(&state).ok_or_else(bad)?,
        provider_ref,
        receipt,
        failure,
        created_at: from_millis(created),
        updated_at: from_millis(updated),
        settled_by,
    })
}

/// One attempt as stored.
pub(crate) async fn payment_in(
    conn: &mut SqliteConnection,
    id: PaymentId,
) -> Result<Option<PaymentAttempt>, StoreError> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM payments WHERE id = ?"))
        .bind(id.to_string())
        .fetch_optional(conn)
        .await?;
    row.map(attempt).transpose()
}

/// An order's attempts, oldest first.
pub(crate) async fn payments_of_order(
    conn: &mut SqliteConnection,
    order_id: OrderId,
) -> Result<Vec<PaymentAttempt>, StoreError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM payments WHERE order_id = ? ORDER BY created_at, id"
    ))
    .bind(order_id.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(attempt).collect()
}

/// Writes the attempt as it is now stored to the outbox.
async fn changed(
    tx: &mut SqliteConnection,
    id: PaymentId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let stored = payment_in(tx, id)
        .await?
        .ok_or(StoreError::NotFound("The payment"))?;
    outbox::record(tx, "payment", &id.to_string(), Op::Upsert, &stored, now).await
}

/// A new attempt, started on this till.
pub(crate) async fn insert(
    tx: &mut SqliteConnection,
    attempt: &PaymentAttempt,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO payments (id, order_id, method, amount_minor, currency, phone, state, provider_ref, receipt, failure, created_at, updated_at, settled_by, started_here)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
    )
    .bind(attempt.id.to_string())
    .bind(attempt.order_id.to_string())
    .bind(attempt.method.as_str())
    .bind(attempt.amount.minor)
    .bind(attempt.amount.currency.code())
    .bind(attempt.phone.as_ref().map(|p| p.as_str().to_owned()))
    .bind(attempt.state.as_str())
    .bind(attempt.provider_ref.as_deref())
    .bind(attempt.receipt.as_deref())
    .bind(attempt.failure.as_deref())
    .bind(to_millis(attempt.created_at))
    .bind(to_millis(attempt.updated_at))
    .bind(attempt.settled_by.as_deref())
    .execute(&mut *tx)
    .await?;
    changed(tx, attempt.id, attempt.updated_at).await
}

/// The provider's reference (CheckoutRequestID, invoice id), saved once:
/// after a restart the attempt is polled by it, never prompted again.
/// Returns whether it was saved now.
pub(crate) async fn set_provider_ref(
    tx: &mut SqliteConnection,
    id: PaymentId,
    reference: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let saved = sqlx::query(
        "UPDATE payments SET provider_ref = ?, updated_at = ? WHERE id = ? AND provider_ref IS NULL",
    )
    .bind(reference)
    .bind(to_millis(now))
    .bind(id.to_string())
    .execute(&mut *tx)
    .await?
    .rows_affected()
        > 0;
    if saved {
        changed(tx, id, now).await?;
    }
    Ok(saved)
}

/// A new state for an attempt, as the provider or staff reported it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Outcome<'a> {
    pub state: PaymentState,
    pub receipt: Option<&'a str>,
    pub failure: Option<&'a str>,
    /// The member of staff who settled it, if staff did.
    pub settled_by: Option<&'a str>,
}

/// Applies an outcome to an attempt (the caller checked that it may).
pub(crate) async fn set_outcome(
    tx: &mut SqliteConnection,
    id: PaymentId,
    outcome: Outcome<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE payments SET state = ?, receipt = ?, failure = ?, updated_at = ?, settled_by = COALESCE(?, settled_by) WHERE id = ?",
    )
    .bind(outcome.state.as_str())
    .bind(outcome.receipt)
    .bind(outcome.failure)
    .bind(to_millis(now))
    .bind(outcome.settled_by)
    .bind(id.to_string())
    .execute(&mut *tx)
    .await?;
    changed(tx, id, now).await
}

/// The attempt changed in a way that needs no new state (its phone was
/// scrubbed by an erasure): it travels as changed now.
pub(crate) async fn touched(
    tx: &mut SqliteConnection,
    id: PaymentId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE payments SET updated_at = ? WHERE id = ?")
        .bind(to_millis(now))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    changed(tx, id, now).await
}

/// What went wrong with an attempt, in words for staff.
pub(crate) async fn note_problem(
    tx: &mut SqliteConnection,
    id: PaymentId,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let found = sqlx::query("UPDATE payments SET failure = ?, updated_at = ? WHERE id = ?")
        .bind(detail)
        .bind(to_millis(now))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if found == 0 {
        return Err(StoreError::NotFound("The payment"));
    }
    changed(tx, id, now).await
}

/// The customer sent an M-Pesa code for the order's open payment by hand:
/// it is kept on the attempt (as its reference) for staff to check. A later
/// code replaces an earlier one while staff have not settled it. Returns
/// whether an open payment by hand took it.
pub(crate) async fn claim_code(
    tx: &mut SqliteConnection,
    order_id: OrderId,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let open: Option<String> = sqlx::query_scalar(
        "SELECT id FROM payments WHERE order_id = ? AND method = 'mpesa_manual' AND state = 'pending'
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(order_id.to_string())
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = open else {
        return Ok(false);
    };
    let id = PaymentId(parse_uuid(&id, "payment")?);
    sqlx::query("UPDATE payments SET provider_ref = ?, updated_at = ? WHERE id = ?")
        .bind(code)
        .bind(to_millis(now))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    changed(tx, id, now).await?;
    Ok(true)
}
