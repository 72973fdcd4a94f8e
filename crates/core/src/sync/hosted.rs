//! The SQL the DukaDesk server (`crates/server`) runs for a till inside
//! the transaction it began for that till's shop: upload a batch of outbox
//! changes exactly once (`upload_in`), pull the shop's changes by cursor
//! (`pull_in`, `fetch_in`), hold the bot lease. Tills never run it
//! themselves: they hold no database login, only a credential for the
//! server (`super::http`).

use super::SyncError;
use chrono::{DateTime, Utc};
use dukadesk_domain::words::Problem;
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use sqlx::{PgConnection, Row};
use std::collections::BTreeMap;
use std::time::Duration;
use uuid::Uuid;

/// One local change on its way up.
#[derive(Debug, Clone)]
pub struct Change {
    /// Outbox seq.
    pub seq: i64,
    /// Entity kind (`order`, `item`, ...).
    pub entity: String,
    /// Row id.
    pub id: Uuid,
    /// The entity as JSON, passed through as written (not re-parsed).
    pub body: Box<serde_json::value::RawValue>,
    /// A tombstone.
    pub deleted: bool,
    /// When the change was made.
    pub version_at: DateTime<Utc>,
}

/// One change pulled from the server (also the `/v1` wire form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pulled {
    /// Entity kind.
    pub entity: String,
    /// Row id.
    pub id: Uuid,
    /// The entity as JSON.
    pub body: serde_json::Value,
    /// A tombstone.
    pub deleted: bool,
    /// When the change was made.
    pub version_at: DateTime<Utc>,
    /// Which till made it.
    pub version_device: Uuid,
    /// Server order.
    pub change_seq: i64,
}

/// What an upload did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uploaded {
    /// Every outbox row up to here is on the server (or was refused).
    pub up_to_seq: i64,
    /// Rows already applied by an earlier attempt (a replay).
    pub replayed: usize,
    /// Rows the server refused, with its reason.
    pub rejected: Vec<(i64, String)>,
}

/// Who runs the shop's WhatsApp bot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BotLease {
    /// The holder.
    pub device_id: Uuid,
    /// Its label.
    pub device_label: String,
    /// Until when.
    pub expires_at: DateTime<Utc>,
}

struct Table {
    name: &'static str,
    /// When the incoming version `EXCLUDED` beats the stored one `t`;
    /// `None` for an insert-only table, where the first version of a row
    /// the server receives stays (and the tills take that one).
    wins: Option<&'static str>,
}

const LWW: &str =
    "(t.version_at, t.version_device) < (EXCLUDED.version_at, EXCLUDED.version_device)";

fn table(entity: &str) -> Option<Table> {
    let (name, wins) = match entity {
        "shop" => ("shop_profiles", LWW),
        "delivery_zone" => ("delivery_zones", LWW),
        "category" => ("categories", LWW),
        "item" => ("items", LWW),
        "item_photo" => ("item_photos", LWW),
        // Stock movements and cash-ups are only ever inserted.
        "stock_movement" => {
            return Some(Table {
                name: "stock_movements",
                wins: None,
            })
        }
        "cash_up" => {
            return Some(Table {
                name: "cash_ups",
                wins: None,
            })
        }
        "credit_payment" => {
            return Some(Table {
                name: "credit_payments",
                wins: None,
            })
        }
        "refund" => {
            return Some(Table {
                name: "refunds",
                wins: None,
            })
        }
        // A reseller's erasure, like a customer's, wins whatever its time.
        "reseller" => (
            "resellers",
            "NOT COALESCE((t.body->>'erased')::boolean, false) \
             AND (COALESCE((EXCLUDED.body->>'erased')::boolean, false) \
             OR (t.version_at, t.version_device) < (EXCLUDED.version_at, EXCLUDED.version_device))",
        ),
        "reseller_credit" => {
            return Some(Table {
                name: "reseller_credits",
                wins: None,
            })
        }
        "reseller_payout" => {
            return Some(Table {
                name: "reseller_payouts",
                wins: None,
            })
        }
        // An erasure wins whatever its time, and nothing replaces it.
        "customer" => (
            "customers",
            "(t.body->>'erased_at') IS NULL AND ((EXCLUDED.body->>'erased_at') IS NOT NULL \
             OR (t.version_at, t.version_device) < (EXCLUDED.version_at, EXCLUDED.version_device))",
        ),
        "order" => (
            "orders",
            "(order_rank(t.body), t.version_at, t.version_device) \
             < (order_rank(EXCLUDED.body), EXCLUDED.version_at, EXCLUDED.version_device)",
        ),
        "payment" => (
            "payments",
            "(payment_rank(t.body), t.version_at, t.version_device) \
             < (payment_rank(EXCLUDED.body), EXCLUDED.version_at, EXCLUDED.version_device)",
        ),
        _ => return None,
    };
    Some(Table {
        name,
        wins: Some(wins),
    })
}

/// Whether `entity` is a kind of row the server keeps.
pub fn known_entity(entity: &str) -> bool {
    table(entity).is_some()
}

#[derive(Serialize)]
struct Record<'a> {
    id: Uuid,
    body: &'a serde_json::value::RawValue,
    deleted: bool,
    version_at: DateTime<Utc>,
}

/// Uploads `batch` (outbox order, seqs increasing) for `device_id` of
/// `shop_id` inside the caller's transaction: `sync_push_begin(last seq)`
/// (the shop's advisory lock; rows at or below the device's applied seq
/// are a replay and skipped; the last seq recorded as applied), then one
/// upsert per table with the conflict rules, parents first. With `row_by_row`, each row goes in
/// its own savepoint and a row the database refuses is set aside with the
/// reason. The shop and device are the caller's, never the rows'.
pub async fn upload_in(
    conn: &mut PgConnection,
    shop_id: Uuid,
    device_id: Uuid,
    batch: &[Change],
    row_by_row: bool,
) -> Result<Uploaded, SyncError> {
    let Some(last) = batch.last() else {
        return Ok(Uploaded::default());
    };
    let up_to_seq = last.seq;
    // The device's applied seq before this push (rows at or below it are a
    // replay), and the new one recorded, with the shop's upload lock taken
    // and the push announced at commit: one call.
    let applied: i64 = sqlx::query_scalar("SELECT sync_push_begin($1)")
        .bind(up_to_seq)
        .fetch_one(&mut *conn)
        .await
        .map_err(SyncError::from_pg)?;
    let mut out = Uploaded {
        up_to_seq,
        ..Default::default()
    };
    // Newest version of each row (outbox order is this till's history).
    let mut groups: BTreeMap<&'static str, (Table, BTreeMap<Uuid, &Change>)> = BTreeMap::new();
    for c in batch {
        if c.seq <= applied {
            out.replayed += 1;
            continue;
        }
        let Some(t) = table(&c.entity) else {
            out.rejected
                .push((c.seq, format!("unknown kind of change \"{}\"", c.entity)));
            continue;
        };
        // A body the other tills could not take is refused here, so it
        // never reaches them.
        if let Err(reason) = super::check::change(&c.entity, c.id, c.deleted, &c.body) {
            out.rejected.push((c.seq, reason));
            continue;
        }
        // One shop profile per shop, whatever the till calls its shop row.
        let id = if c.entity == "shop" { shop_id } else { c.id };
        groups
            .entry(t.name)
            .or_insert_with(|| (t, BTreeMap::new()))
            .1
            .insert(id, c);
    }
    // Parents before children: shop, zones, categories, items and their
    // photos, customers, orders, payments, stock movements; cash-ups point at
    // nothing; repayments at a customer (no key: a merged customer keeps
    // theirs).
    let order = [
        "shop_profiles",
        "delivery_zones",
        "categories",
        "items",
        "item_photos",
        "customers",
        "orders",
        "payments",
        "refunds",
        "stock_movements",
        "cash_ups",
        "credit_payments",
        "resellers",
        "reseller_credits",
        "reseller_payouts",
    ];
    for name in order {
        let Some((t, rows)) = groups.get(name) else {
            continue;
        };
        let records: Vec<Record<'_>> = rows
            .iter()
            .map(|(id, c)| Record {
                id: *id,
                body: &c.body,
                deleted: c.deleted,
                version_at: c.version_at,
            })
            .collect();
        if row_by_row {
            for (r, c) in records.iter().zip(rows.values()) {
                sqlx::query("SAVEPOINT one_row")
                    .execute(&mut *conn)
                    .await
                    .map_err(SyncError::from_pg)?;
                match upsert(conn, t, std::slice::from_ref(r), shop_id, device_id).await {
                    Ok(()) => {}
                    Err(SyncError::Server(reason)) => {
                        sqlx::query("ROLLBACK TO SAVEPOINT one_row")
                            .execute(&mut *conn)
                            .await
                            .map_err(SyncError::from_pg)?;
                        let reason = match code_used_elsewhere(conn, t, c).await? {
                            Some(said) => said,
                            None => reason,
                        };
                        out.rejected.push((c.seq, reason));
                    }
                    Err(e) => return Err(e),
                }
            }
        } else {
            upsert(conn, t, &records, shop_id, device_id).await?;
        }
    }
    out.rejected.sort();
    Ok(out)
}

/// A payment refused because its M-Pesa code is on another payment of the
/// shop already (taken at two tills before they synced: a slip, or one SMS
/// shown twice): why, in words staff can act on, naming the order the code
/// paid. `None` for any other refusal.
async fn code_used_elsewhere(
    conn: &mut PgConnection,
    t: &Table,
    c: &Change,
) -> Result<Option<String>, SyncError> {
    #[derive(Deserialize)]
    struct WithCode {
        receipt: Option<String>,
    }
    if t.name != "payments" {
        return Ok(None);
    }
    let Some(code) = serde_json::from_str::<WithCode>(c.body.get())
        .ok()
        .and_then(|b| b.receipt)
    else {
        return Ok(None);
    };
    let number: Option<i64> = sqlx::query_scalar(
        "SELECT o.number FROM payments p
         JOIN orders o ON o.shop_id = p.shop_id AND o.id = p.order_id
         WHERE p.receipt = $1 AND p.id <> $2",
    )
    .bind(&code)
    .bind(c.id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(SyncError::from_pg)?;
    Ok(number.map(|number| Problem::CodeUsed { code, number }.to_string()))
}

async fn upsert(
    conn: &mut PgConnection,
    t: &Table,
    records: &[Record<'_>],
    shop_id: Uuid,
    device_id: Uuid,
) -> Result<(), SyncError> {
    let conflict = match t.wins {
        Some(wins) => format!(
            "DO UPDATE
            SET body = EXCLUDED.body, deleted = EXCLUDED.deleted,
                version_at = EXCLUDED.version_at, version_device = EXCLUDED.version_device
            WHERE {wins}"
        ),
        None => "DO NOTHING".to_owned(),
    };
    // A version from the future (a till's clock far ahead, or a stolen
    // credential trying to make its rows win for ever) is taken as no
    // later than the server's time plus the skew a till may have.
    let sql = format!(
        "INSERT INTO {name} AS t (shop_id, id, body, deleted, version_at, version_device)
         SELECT $3, r.id, r.body, r.deleted,
                LEAST(r.version_at, now() + interval '{skew} seconds'), $2
         FROM jsonb_to_recordset($1) AS r(id uuid, body jsonb, deleted boolean, version_at timestamptz)
         ON CONFLICT (shop_id, id) {conflict}",
        name = t.name,
        skew = MAX_CLOCK_AHEAD.as_secs(),
    );
    sqlx::query(&sql)
        .bind(Json(records))
        .bind(device_id)
        .bind(shop_id)
        .execute(&mut *conn)
        .await
        .map_err(SyncError::from_pg)?;
    Ok(())
}

/// How far ahead of the server a till's clock may be: a version later
/// than that is stored as the server's time plus this.
pub const MAX_CLOCK_AHEAD: std::time::Duration = std::time::Duration::from_secs(300);

/// The most body bytes (as stored) one pulled page carries.
pub const PULL_BYTES: i64 = 2 * 1024 * 1024;

/// Up to `limit` changes after `cursor`, in server order, of the shop of
/// the till whose credential hashes to `credential_hash`. The database
/// checks that credential (`sync_pull`): one it does not know or has
/// revoked is [`SyncError::Refused`].
pub async fn pull_in(
    conn: impl sqlx::PgExecutor<'_>,
    credential_hash: &[u8],
    cursor: i64,
    limit: i64,
) -> Result<Vec<Pulled>, SyncError> {
    // The page stops before PULL_BYTES of bodies (one larger row still
    // comes alone): a page of photos stays a few megabytes; the till asks
    // again from where it ends.
    let rows = sqlx::query(
        "SELECT entity, id, body, deleted, version_at, version_device, change_seq
         FROM sync_pull($1, $2, $3, $4)",
    )
    .bind(credential_hash)
    .bind(cursor)
    .bind(limit)
    .bind(PULL_BYTES)
    .fetch_all(conn)
    .await
    .map_err(SyncError::from_pg)?;
    rows.into_iter()
        .map(pulled)
        .collect::<Result<_, sqlx::Error>>()
        .map_err(SyncError::from_pg)
}

/// The current version of particular rows.
pub async fn fetch_in(
    conn: &mut PgConnection,
    entity: &str,
    ids: &[Uuid],
) -> Result<Vec<Pulled>, SyncError> {
    let rows = sqlx::query(
        "SELECT entity, id, body, deleted, version_at, version_device, change_seq
         FROM changes WHERE entity = $1 AND id = ANY($2)",
    )
    .bind(entity)
    .bind(ids)
    .fetch_all(conn)
    .await
    .map_err(SyncError::from_pg)?;
    rows.into_iter()
        .map(pulled)
        .collect::<Result<_, sqlx::Error>>()
        .map_err(SyncError::from_pg)
}

/// Takes or renews the shop's bot lease for `ttl` (`take_bot_lease`);
/// returns whoever holds it.
pub async fn take_bot_lease_in(
    conn: &mut PgConnection,
    ttl: Duration,
) -> Result<BotLease, SyncError> {
    let secs = i32::try_from(ttl.as_secs()).unwrap_or(i32::MAX);
    let row = sqlx::query("SELECT device_id, device_label, expires_at FROM take_bot_lease($1)")
        .bind(secs)
        .fetch_one(&mut *conn)
        .await
        .map_err(SyncError::from_pg)?;
    lease(row).map_err(SyncError::from_pg)
}

/// Who holds the shop's bot lease.
pub async fn bot_lease_in(conn: &mut PgConnection) -> Result<Option<BotLease>, SyncError> {
    let row = sqlx::query("SELECT device_id, device_label, expires_at FROM bot_leases")
        .fetch_optional(&mut *conn)
        .await
        .map_err(SyncError::from_pg)?;
    row.map(lease).transpose().map_err(SyncError::from_pg)
}

/// Gives the bot lease up if the caller's device holds it.
pub async fn release_bot_lease_in(conn: &mut PgConnection) -> Result<(), SyncError> {
    sqlx::query("SELECT release_bot_lease()")
        .execute(&mut *conn)
        .await
        .map_err(SyncError::from_pg)?;
    Ok(())
}

fn pulled(r: sqlx::postgres::PgRow) -> Result<Pulled, sqlx::Error> {
    Ok(Pulled {
        entity: r.try_get("entity")?,
        id: r.try_get("id")?,
        body: r.try_get::<Json<serde_json::Value>, _>("body")?.0,
        deleted: r.try_get("deleted")?,
        version_at: r.try_get("version_at")?,
        version_device: r.try_get("version_device")?,
        change_seq: r.try_get("change_seq")?,
    })
}

fn lease(r: sqlx::postgres::PgRow) -> Result<BotLease, sqlx::Error> {
    Ok(BotLease {
        device_id: r.try_get("device_id")?,
        device_label: r.try_get("device_label")?,
        expires_at: r.try_get("expires_at")?,
    })
}
