//! The till's side of the hosted database: log in as the till's own role,
//! upload a batch of outbox changes exactly once, pull the shop's changes by
//! cursor, wait for NOTIFY, hold the bot lease.
//!
//! The SQL of each of those is a free function over one connection
//! (`upload_in`, `pull_in`, `fetch_in`, the lease functions), so the
//! DukaDesk server (`crates/server`) runs exactly the same statements
//! inside the transaction it began for a till.

use super::enrol::{Enrolment, HostedConfig};
use super::{SyncError, HOSTED_SCHEMA_VERSION};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::postgres::{PgListener, PgPoolOptions};
use sqlx::types::Json;
use sqlx::{Connection as _, PgConnection, PgPool, Row};
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

/// One till of the shop as other tills see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TillInfo {
    /// Device id.
    pub id: Uuid,
    /// Label.
    pub label: String,
    /// Digit in order numbers.
    pub device_no: i16,
    /// Last upload.
    pub last_seen_at: Option<DateTime<Utc>>,
}

/// A logged-in till.
#[derive(Debug, Clone)]
pub struct Hosted {
    pool: PgPool,
    config: HostedConfig,
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
        // Stock movements are only ever inserted.
        "stock_movement" => {
            return Some(Table {
                name: "stock_movements",
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

impl Hosted {
    /// Logs in with the till's saved password and checks the schema.
    pub async fn connect(config: &HostedConfig, password: &str) -> Result<Self, SyncError> {
        // One direct login first: a refused or unreachable server answers at
        // once (the pool would keep retrying until its timeout).
        let probe = sqlx::PgConnection::connect_with(&config.connect_options(password))
            .await
            .map_err(SyncError::from_pg)?;
        let _ = probe.close().await;
        let pool = PgPoolOptions::new()
            .max_connections(3)
            .min_connections(0)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(config.connect_options(password))
            .await
            .map_err(SyncError::from_pg)?;
        let found: i32 = sqlx::query_scalar("SELECT hosted_schema_version()")
            .fetch_one(&pool)
            .await
            .map_err(SyncError::from_pg)?;
        if found > HOSTED_SCHEMA_VERSION {
            pool.close().await;
            return Err(SyncError::SchemaTooNew {
                found,
                known: HOSTED_SCHEMA_VERSION,
            });
        }
        let device: Option<Uuid> = sqlx::query_scalar("SELECT current_device_id()")
            .fetch_one(&pool)
            .await
            .map_err(SyncError::from_pg)?;
        if device != Some(config.device_id) {
            pool.close().await;
            return Err(SyncError::Refused(
                "this till was revoked; ask for a new enrolment string".into(),
            ));
        }
        Ok(Hosted {
            pool,
            config: config.clone(),
        })
    }

    /// First login with a one-time enrolment: replaces its password with a
    /// new random one that only this till knows, and returns it.
    pub async fn enrol(enrolment: &Enrolment) -> Result<(Self, String), SyncError> {
        let first = Hosted::connect(&enrolment.config, &enrolment.password)
            .await
            .map_err(|e| match e {
                SyncError::Refused(_) => SyncError::Refused(
                    "the enrolment string was already used, has expired, or the till was revoked; \
                     ask for a new one"
                        .into(),
                ),
                other => other,
            })?;
        let password = format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple());
        sqlx::query("SELECT complete_enrolment($1)")
            .bind(&password)
            .execute(&first.pool)
            .await
            .map_err(|e| match SyncError::from_pg(e) {
                SyncError::Refused(m) | SyncError::Server(m) => SyncError::Refused(m),
                other => other,
            })?;
        first.pool.close().await;
        let hosted = Hosted::connect(&enrolment.config, &password).await?;
        Ok((hosted, password))
    }

    /// Whether the shop's details are already on the server (another till
    /// of the shop put them there).
    pub async fn has_shop_profile(&self) -> Result<bool, SyncError> {
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM shop_profiles)")
            .fetch_one(&self.pool)
            .await
            .map_err(SyncError::from_pg)
    }

    /// The connection it was made with.
    pub fn config(&self) -> &HostedConfig {
        &self.config
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Uploads `batch` (outbox order) in one transaction: rows an earlier
    /// attempt already applied are skipped, the rest upserted with the
    /// conflict rules, and the till's applied seq recorded with them. A row
    /// the server refuses is set aside with the reason; the rest go through.
    pub async fn upload(&self, batch: &[Change]) -> Result<Uploaded, SyncError> {
        let Some(last) = batch.last() else {
            return Ok(Uploaded::default());
        };
        let up_to_seq = last.seq;
        match self.upload_once(batch, up_to_seq, false).await {
            Err(SyncError::Server(_)) => self.upload_once(batch, up_to_seq, true).await,
            other => other,
        }
    }

    async fn upload_once(
        &self,
        batch: &[Change],
        up_to_seq: i64,
        row_by_row: bool,
    ) -> Result<Uploaded, SyncError> {
        debug_assert_eq!(batch.last().map(|c| c.seq), Some(up_to_seq));
        let mut tx = self.pool.begin().await.map_err(SyncError::from_pg)?;
        let out = upload_in(
            &mut tx,
            self.config.shop_id,
            self.config.device_id,
            batch,
            row_by_row,
        )
        .await?;
        tx.commit().await.map_err(SyncError::from_pg)?;
        Ok(out)
    }

    /// Up to `limit` changes after `cursor`, in server order.
    pub async fn pull(&self, cursor: i64, limit: i64) -> Result<Vec<Pulled>, SyncError> {
        let mut conn = self.pool.acquire().await.map_err(SyncError::from_pg)?;
        pull_in(&mut conn, cursor, limit).await
    }

    /// The current version of particular rows (parents a pulled page refers
    /// to whose own change comes later in the feed).
    pub async fn fetch(&self, entity: &str, ids: &[Uuid]) -> Result<Vec<Pulled>, SyncError> {
        let mut conn = self.pool.acquire().await.map_err(SyncError::from_pg)?;
        fetch_in(&mut conn, entity, ids).await
    }

    /// A listener woken when another till of the shop commits an upload.
    pub async fn listen(&self) -> Result<PgListener, SyncError> {
        let channel: String = sqlx::query_scalar("SELECT sync_channel()")
            .fetch_one(&self.pool)
            .await
            .map_err(SyncError::from_pg)?;
        let mut listener = PgListener::connect_with(&self.pool)
            .await
            .map_err(SyncError::from_pg)?;
        listener
            .listen(&channel)
            .await
            .map_err(SyncError::from_pg)?;
        Ok(listener)
    }

    /// Takes or renews the bot lease for `ttl`; returns whoever holds it.
    pub async fn take_bot_lease(&self, ttl: Duration) -> Result<BotLease, SyncError> {
        let mut conn = self.pool.acquire().await.map_err(SyncError::from_pg)?;
        take_bot_lease_in(&mut conn, ttl).await
    }

    /// Who holds the bot lease, without asking for it.
    pub async fn bot_lease(&self) -> Result<Option<BotLease>, SyncError> {
        let mut conn = self.pool.acquire().await.map_err(SyncError::from_pg)?;
        bot_lease_in(&mut conn).await
    }

    /// Gives the bot lease up if this till holds it.
    pub async fn release_bot_lease(&self) -> Result<(), SyncError> {
        let mut conn = self.pool.acquire().await.map_err(SyncError::from_pg)?;
        release_bot_lease_in(&mut conn).await
    }

    /// The shop's tills that are not revoked.
    pub async fn tills(&self) -> Result<Vec<TillInfo>, SyncError> {
        let rows = sqlx::query(
            "SELECT id, label, device_no, last_seen_at FROM devices
             WHERE revoked_at IS NULL ORDER BY device_no",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(SyncError::from_pg)?;
        rows.into_iter()
            .map(|r| {
                Ok(TillInfo {
                    id: r.try_get("id")?,
                    label: r.try_get("label")?,
                    device_no: r.try_get("device_no")?,
                    last_seen_at: r.try_get("last_seen_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(SyncError::from_pg)
    }

    /// The pool, for tests that probe the server as this till.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

/// Uploads `batch` (outbox order, seqs increasing) for `device_id` of
/// `shop_id` inside the caller's transaction: `sync_begin()` (the shop's
/// advisory lock; rows at or below the device's applied seq are a replay
/// and skipped), one upsert per table with the conflict rules, parents
/// first, then `sync_ack(last seq)`. With `row_by_row`, each row goes in
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
    let applied: i64 = sqlx::query_scalar("SELECT sync_begin()")
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
        // One shop profile per shop, whatever the till calls its shop row.
        let id = if c.entity == "shop" { shop_id } else { c.id };
        groups
            .entry(t.name)
            .or_insert_with(|| (t, BTreeMap::new()))
            .1
            .insert(id, c);
    }
    // Parents before children: shop, zones, categories, items,
    // customers, orders, payments, stock movements.
    let order = [
        "shop_profiles",
        "delivery_zones",
        "categories",
        "items",
        "customers",
        "orders",
        "payments",
        "stock_movements",
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
                        out.rejected.push((c.seq, reason));
                    }
                    Err(e) => return Err(e),
                }
            }
        } else {
            upsert(conn, t, &records, shop_id, device_id).await?;
        }
    }
    sqlx::query("SELECT sync_ack($1)")
        .bind(up_to_seq)
        .execute(&mut *conn)
        .await
        .map_err(SyncError::from_pg)?;
    out.rejected.sort();
    Ok(out)
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
    let sql = format!(
        "INSERT INTO {name} AS t (shop_id, id, body, deleted, version_at, version_device)
         SELECT $3, r.id, r.body, r.deleted, r.version_at, $2
         FROM jsonb_to_recordset($1) AS r(id uuid, body jsonb, deleted boolean, version_at timestamptz)
         ON CONFLICT (shop_id, id) {conflict}",
        name = t.name,
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

/// Up to `limit` changes after `cursor`, in server order, as the
/// connection's row-level security lets it see them.
pub async fn pull_in(
    conn: &mut PgConnection,
    cursor: i64,
    limit: i64,
) -> Result<Vec<Pulled>, SyncError> {
    let rows = sqlx::query(
        "SELECT entity, id, body, deleted, version_at, version_device, change_seq
         FROM changes WHERE change_seq > $1 ORDER BY change_seq LIMIT $2",
    )
    .bind(cursor)
    .bind(limit)
    .fetch_all(&mut *conn)
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
    .fetch_all(&mut *conn)
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
