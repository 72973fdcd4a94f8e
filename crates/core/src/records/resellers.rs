//! Resellers, the orders credited to them and their payouts: each written
//! with its outbox row, in the caller's transaction. A reseller is last
//! writer wins; credits and payouts are only ever inserted.

use crate::store::outbox::{self, Op};
use crate::store::{from_millis, parse_uuid, to_millis, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::resellers::{
    AppliesTo, CommissionRule, Payout, PayoutMethod, Reseller, ResellerCredit,
};
use dukadesk_domain::{Country, Msisdn, ResellerId, ResellerPayoutId};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

/// The columns [`reseller_of`] reads.
pub(crate) const RESELLER_COLUMNS: &str =
    "id, name, phone, code, rule, active, first_order_only, applies_to, erased";

/// Reads a row of [`RESELLER_COLUMNS`].
pub(crate) fn reseller_of(row: &SqliteRow) -> Result<Reseller, StoreError> {
    let rule: CommissionRule = serde_json::from_str(&row.try_get::<String, _>("rule")?)
        .map_err(|_| StoreError::BadRow("reseller"))?;
    Ok(Reseller {
        id: ResellerId(parse_uuid(&row.try_get::<String, _>("id")?, "reseller")?),
        name: row.try_get("name")?,
        // Erased: no number.
        phone: match row.try_get::<String, _>("phone")?.as_str() {
            "" => None,
            p => {
                Some(Msisdn::parse(p, Country::Kenya).map_err(|_| StoreError::BadRow("reseller"))?)
            }
        },
        code: row.try_get("code")?,
        rule,
        active: row.try_get("active")?,
        first_order_only: row.try_get("first_order_only")?,
        applies_to: match row.try_get::<Option<String>, _>("applies_to")? {
            Some(v) => AppliesTo::parse(&v).ok_or(StoreError::BadRow("reseller"))?,
            None => AppliesTo::Everything,
        },
        erased: row.try_get("erased")?,
    })
}

/// Stores a reseller without an outbox row (a pulled one carries the
/// writer's device and time).
pub(crate) async fn put(
    tx: &mut SqliteConnection,
    r: &Reseller,
    at: DateTime<Utc>,
    device: Option<&str>,
) -> Result<(), StoreError> {
    let rule = serde_json::to_string(&r.rule).map_err(|_| StoreError::BadRow("reseller"))?;
    sqlx::query(
        "INSERT INTO resellers (id, name, phone, code, rule, active, first_order_only, updated_at, version_device, applies_to, erased)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
           code = excluded.code, rule = excluded.rule, active = excluded.active,
           first_order_only = excluded.first_order_only, applies_to = excluded.applies_to,
           updated_at = excluded.updated_at, version_device = excluded.version_device,
           erased = excluded.erased
         -- An erasure is for good: nothing brings the reseller back.
         WHERE resellers.erased = 0",
    )
    .bind(r.id.to_string())
    .bind(&r.name)
    .bind(r.phone.as_ref().map_or("", Msisdn::as_str))
    .bind(&r.code)
    .bind(rule)
    .bind(r.active)
    .bind(r.first_order_only)
    .bind(to_millis(at))
    .bind(device)
    .bind((!r.applies_to.is_everything()).then(|| r.applies_to.value()))
    .bind(r.erased)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Writes a reseller staff added or changed, and its outbox row (read
/// back from the table).
pub(crate) async fn write(
    tx: &mut SqliteConnection,
    r: &Reseller,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    put(tx, r, now, None).await?;
    let row = sqlx::query(&format!(
        "SELECT {RESELLER_COLUMNS} FROM resellers WHERE id = ?"
    ))
    .bind(r.id.to_string())
    .fetch_one(&mut *tx)
    .await?;
    let stored = reseller_of(&row)?;
    outbox::record(tx, "reseller", &r.id.to_string(), Op::Upsert, &stored, now).await
}

/// Stores a credit without an outbox row. Insert-only: the first version
/// of an order's credit stays.
pub(crate) async fn put_credit(
    tx: &mut SqliteConnection,
    c: &ResellerCredit,
) -> Result<bool, StoreError> {
    let written = sqlx::query(
        "INSERT INTO reseller_credits (id, reseller_id, commission_minor, currency, at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
    )
    .bind(c.order_id.to_string())
    .bind(c.reseller_id.to_string())
    .bind(c.commission.minor)
    .bind(c.commission.currency.code())
    .bind(to_millis(c.at))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(written == 1)
}

/// Credits an order to a reseller, with its outbox row. Its time travels
/// as stored (whole milliseconds), so every till and the server keep the
/// same.
pub(crate) async fn credited(
    tx: &mut SqliteConnection,
    c: &ResellerCredit,
) -> Result<(), StoreError> {
    let c = &ResellerCredit {
        at: from_millis(to_millis(c.at)),
        ..c.clone()
    };
    if put_credit(tx, c).await? {
        outbox::record(
            tx,
            "reseller_credit",
            &c.order_id.to_string(),
            Op::Upsert,
            c,
            c.at,
        )
        .await?;
    }
    Ok(())
}

/// Stores a payout without an outbox row (insert-only).
pub(crate) async fn put_payout(tx: &mut SqliteConnection, p: &Payout) -> Result<bool, StoreError> {
    let written = sqlx::query(
        "INSERT INTO reseller_payouts (id, reseller_id, amount_minor, currency, method, receipt, staff_name, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
    )
    .bind(p.id.to_string())
    .bind(p.reseller_id.to_string())
    .bind(p.amount.minor)
    .bind(p.amount.currency.code())
    .bind(p.method.as_str())
    .bind(p.receipt.as_deref())
    .bind(&p.by)
    .bind(to_millis(p.at))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(written == 1)
}

/// Records a payout made here, with its outbox row (its time as stored).
pub(crate) async fn paid_out(tx: &mut SqliteConnection, p: &Payout) -> Result<(), StoreError> {
    let p = &Payout {
        at: from_millis(to_millis(p.at)),
        ..p.clone()
    };
    if put_payout(tx, p).await? {
        outbox::record(
            tx,
            "reseller_payout",
            &p.id.to_string(),
            Op::Upsert,
            p,
            p.at,
        )
        .await?;
    }
    Ok(())
}

/// Whether a pulled payout can be stored as it is.
pub(crate) fn payout_is_valid(p: &Payout) -> bool {
    p.amount.minor > 0 && (p.method == PayoutMethod::Mpesa) == p.receipt.is_some()
}

/// Whether a pulled credit can be stored as it is.
pub(crate) fn credit_is_valid(c: &ResellerCredit) -> bool {
    c.commission.minor >= 0
}

/// The id of a payout, for callers that make one.
pub(crate) fn new_payout_id() -> ResellerPayoutId {
    ResellerPayoutId(crate::store::new_id())
}
