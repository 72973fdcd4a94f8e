//! Customers: met, named, corrected, their language and their opt-out.
//! Each change bumps `updated_at` and writes the whole customer row to the
//! outbox (erasure writes the erased row the same way, in `privacy::erase`).

use crate::store::outbox::{self, Op};
use crate::store::{to_millis, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::customer::Language;
use dukadesk_domain::CustomerId;
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

/// A customer as it travels between tills. Fields a till of an older
/// version does not send (`language`, `opted_out`) are left as they are
/// where it lands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CustomerBody {
    pub id: String,
    pub phone: String,
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opted_out: Option<bool>,
    /// Set once the customer's personal data was erased (on any till).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erased_at: Option<i64>,
    /// The most they may owe on credit, in minor units: absent from a
    /// till of an older version (left as it is), `null` for no limit.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub credit_limit: Option<Option<i64>>,
}

/// A field that is there, even as `null`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<i64>>, D::Error> {
    Option::<i64>::deserialize(d).map(Some)
}

/// phone, name, language, opted_out, erased_at, credit_limit_minor.
type Row = (
    String,
    Option<String>,
    String,
    bool,
    Option<i64>,
    Option<i64>,
);

/// The customer row as stored.
pub(crate) async fn customer_body(
    conn: &mut SqliteConnection,
    id: &str,
) -> Result<Option<CustomerBody>, StoreError> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT phone, name, language, opted_out, erased_at, credit_limit_minor FROM customers WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(
        |(phone, name, language, opted_out, erased_at, credit_limit)| CustomerBody {
            id: id.to_owned(),
            phone,
            name,
            language: Some(language),
            opted_out: Some(opted_out),
            erased_at,
            credit_limit: Some(credit_limit),
        },
    ))
}

/// Writes the customer as it is now stored to the outbox.
pub(crate) async fn changed(
    tx: &mut SqliteConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let body = customer_body(tx, id)
        .await?
        .ok_or(StoreError::NotFound("The customer"))?;
    outbox::record(tx, "customer", id, Op::Upsert, &body, now).await
}

/// Two tills met the same customer before syncing and gave them two ids;
/// `loser` was merged into `winner` here (the smaller id wins everywhere).
/// The merge travels as the loser's tombstone, so the server and the tills
/// that hold both rows end with one.
pub(crate) async fn merged(
    tx: &mut SqliteConnection,
    loser: &str,
    winner: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let body = serde_json::json!({ "id": loser, "merged_into": winner });
    outbox::record(tx, "customer", loser, Op::Delete, &body, now).await
}

/// The language the customer chose (or wrote in); the bot answers in it.
pub(crate) async fn set_language(
    tx: &mut SqliteConnection,
    id: CustomerId,
    language: Language,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    set(tx, id, "language", language.code().to_owned(), now).await
}

/// The customer asked for no more messages (STOP), or for them again
/// (START).
pub(crate) async fn set_opt_out(
    tx: &mut SqliteConnection,
    id: CustomerId,
    opted_out: bool,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    set(tx, id, "opted_out", i64::from(opted_out), now).await
}

async fn set<T>(
    tx: &mut SqliteConnection,
    id: CustomerId,
    column: &'static str,
    value: T,
    now: DateTime<Utc>,
) -> Result<(), StoreError>
where
    T: for<'q> sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send,
{
    let id = id.to_string();
    // An erased customer stays erased: nothing about them is written again.
    let updated = sqlx::query(&format!(
        "UPDATE customers SET {column} = ?, updated_at = ? WHERE id = ? AND erased_at IS NULL"
    ))
    .bind(value)
    .bind(to_millis(now))
    .bind(&id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated > 0 {
        changed(tx, &id, now).await?;
    }
    Ok(())
}
