//! Cash-ups: each written with its outbox row, in the caller's
//! transaction. Insert-only: a recount is a new cash-up.

use crate::store::outbox::{self, Op};
use crate::store::{from_millis, parse_uuid, to_millis, StoreError};
use dukadesk_domain::cashup::CashUp;
use dukadesk_domain::{CashUpId, Currency, Money};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

/// The columns [`from_row`] reads.
pub(crate) const COLUMNS: &str = "id, till, from_at, at, payments, currency, float_minor, \
     cash_minor, mpesa_minor, counted_minor, cash_refunds_minor, staff_name, note";

/// Reads a row of [`COLUMNS`].
pub(crate) fn from_row(row: &SqliteRow) -> Result<CashUp, StoreError> {
    let currency = Currency::from_code(&row.try_get::<String, _>("currency")?)
        .ok_or(StoreError::BadRow("cash-up"))?;
    let money = |column: &str| -> Result<Money, StoreError> {
        Ok(Money::from_minor(row.try_get(column)?, currency))
    };
    Ok(CashUp {
        id: CashUpId(parse_uuid(&row.try_get::<String, _>("id")?, "cash-up")?),
        till: row.try_get("till")?,
        from: from_millis(row.try_get("from_at")?),
        at: from_millis(row.try_get("at")?),
        payments: u32::try_from(row.try_get::<i64, _>("payments")?)
            .map_err(|_| StoreError::BadRow("cash-up"))?,
        float: money("float_minor")?,
        cash_sales: money("cash_minor")?,
        mpesa: money("mpesa_minor")?,
        counted: money("counted_minor")?,
        cash_refunds: row
            .try_get::<Option<i64>, _>("cash_refunds_minor")?
            .map(|minor| Money::from_minor(minor, currency)),
        by: row.try_get("staff_name")?,
        note: row.try_get("note")?,
    })
}

/// Whether a cash-up can be stored as it is (a pulled one may not).
pub(crate) fn is_valid(c: &CashUp) -> bool {
    let currency = c.float.currency;
    [c.cash_sales, c.mpesa, c.counted]
        .iter()
        .chain(c.cash_refunds.iter())
        .all(|m| m.currency == currency && m.minor >= 0)
        && c.float.minor >= 0
        && c.at >= c.from
}

/// Stores a cash-up without an outbox row; `here` when it was counted at
/// this till. A pulled cash-up takes the place of one with its id (the
/// server keeps the first version it received).
pub(crate) async fn put(
    tx: &mut SqliteConnection,
    c: &CashUp,
    here: bool,
) -> Result<(), StoreError> {
    sqlx::query(&format!(
        "INSERT INTO cash_ups ({COLUMNS}, here) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET till = excluded.till, from_at = excluded.from_at,
           at = excluded.at, payments = excluded.payments, currency = excluded.currency,
           float_minor = excluded.float_minor, cash_minor = excluded.cash_minor,
           mpesa_minor = excluded.mpesa_minor, counted_minor = excluded.counted_minor,
           cash_refunds_minor = excluded.cash_refunds_minor,
           staff_name = excluded.staff_name, note = excluded.note"
    ))
    .bind(c.id.to_string())
    .bind(&c.till)
    .bind(to_millis(c.from))
    .bind(to_millis(c.at))
    .bind(i64::from(c.payments))
    .bind(c.float.currency.code())
    .bind(c.float.minor)
    .bind(c.cash_sales.minor)
    .bind(c.mpesa.minor)
    .bind(c.counted.minor)
    .bind(c.cash_refunds.map(|m| m.minor))
    .bind(&c.by)
    .bind(&c.note)
    .bind(here)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Writes a cash-up counted here and its outbox row (read back from the
/// table).
pub(crate) async fn added(tx: &mut SqliteConnection, c: &CashUp) -> Result<(), StoreError> {
    put(tx, c, true).await?;
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM cash_ups WHERE id = ?"))
        .bind(c.id.to_string())
        .fetch_one(&mut *tx)
        .await?;
    let stored = from_row(&row)?;
    outbox::record(
        tx,
        "cash_up",
        &stored.id.to_string(),
        Op::Upsert,
        &stored,
        stored.at,
    )
    .await
}
