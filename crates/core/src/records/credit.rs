//! Repayments of credit (madeni): each written with its outbox row, in the
//! caller's transaction. Insert-only: a mistake is corrected by another
//! row, never by changing one.

use crate::store::outbox::{self, Op};
use crate::store::{from_millis, parse_uuid, to_millis, StoreError};
use dukadesk_domain::credit::{Repayment, RepaymentMethod};
use dukadesk_domain::{CreditPaymentId, Currency, CustomerId, Money};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

/// The columns [`from_row`] reads.
pub(crate) const COLUMNS: &str =
    "id, customer_id, amount_minor, currency, method, receipt, staff_name, at";

/// Reads a row of [`COLUMNS`].
pub(crate) fn from_row(row: &SqliteRow) -> Result<Repayment, StoreError> {
    let currency = Currency::from_code(&row.try_get::<String, _>("currency")?)
        .ok_or(StoreError::BadRow("repayment"))?;
    Ok(Repayment {
        id: CreditPaymentId(parse_uuid(&row.try_get::<String, _>("id")?, "repayment")?),
        customer_id: CustomerId(parse_uuid(
            &row.try_get::<String, _>("customer_id")?,
            "repayment",
        )?),
        amount: Money::from_minor(row.try_get("amount_minor")?, currency),
        method: RepaymentMethod::parse(&row.try_get::<String, _>("method")?)
            .ok_or(StoreError::BadRow("repayment"))?,
        receipt: row.try_get("receipt")?,
        by: row.try_get("staff_name")?,
        at: from_millis(row.try_get("at")?),
    })
}

/// Whether a pulled repayment can be stored as it is.
pub(crate) fn is_valid(r: &Repayment) -> bool {
    r.amount.minor > 0 && (r.method == RepaymentMethod::Mpesa) == r.receipt.is_some()
}

/// Stores a repayment without an outbox row; `here` when it was taken at
/// this till. A pulled one takes the place of one with its id.
pub(crate) async fn put(
    tx: &mut SqliteConnection,
    r: &Repayment,
    here: bool,
) -> Result<(), StoreError> {
    sqlx::query(&format!(
        "INSERT INTO credit_payments ({COLUMNS}, here) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id,
           amount_minor = excluded.amount_minor, currency = excluded.currency,
           method = excluded.method, receipt = excluded.receipt,
           staff_name = excluded.staff_name, at = excluded.at"
    ))
    .bind(r.id.to_string())
    .bind(r.customer_id.to_string())
    .bind(r.amount.minor)
    .bind(r.amount.currency.code())
    .bind(r.method.as_str())
    .bind(r.receipt.as_deref())
    .bind(&r.by)
    .bind(to_millis(r.at))
    .bind(here)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Writes a repayment taken here and its outbox row (read back from the
/// table).
pub(crate) async fn repaid(tx: &mut SqliteConnection, r: &Repayment) -> Result<(), StoreError> {
    put(tx, r, true).await?;
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM credit_payments WHERE id = ?"
    ))
    .bind(r.id.to_string())
    .fetch_one(&mut *tx)
    .await?;
    let stored = from_row(&row)?;
    outbox::record(
        tx,
        "credit_payment",
        &stored.id.to_string(),
        Op::Upsert,
        &stored,
        stored.at,
    )
    .await
}
