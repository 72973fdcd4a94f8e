//! The store's side of sync: the till's saved connection, outbox batches on
//! their way up, and other tills' changes applied with the conflict rules
//! (see the module above) in one transaction with the pull cursor.

use super::check;
use super::hosted::{Change, Pulled, Uploaded};
use super::http::ServerConfig;
use crate::catalogue::photos::{Photo, PhotoBody};
use crate::catalogue::put_item;
use crate::events::Event;
use crate::orders::create::insert_order;
use crate::privacy::erase::{erase_here, pseudonym, scrub_order};
use crate::records;
use crate::records::customers::CustomerBody;
use crate::records::stock::{self, Movement};
use crate::settings::put_setting;
use crate::shop::put_shop;
use crate::store::{from_millis, to_millis, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::catalogue::{Category, Item};
use dukadesk_domain::customer::Language;
use dukadesk_domain::order::{Order, OrderStatus};
use dukadesk_domain::payment::{PaymentAttempt, PaymentState};
use dukadesk_domain::shop::{DeliveryZone, Shop};
use sqlx::SqliteConnection;
use uuid::Uuid;

/// The direct database connection of earlier versions: only read to tell
/// such a till to enrol again, and forgotten when it does.
const DIRECT: &str = "sync.config";
const SERVER_CONFIG: &str = "sync.server";
// Sealed in the vault; never logged, never sent to the UI.
const PASSWORD: &str = "sync.password";
const CURSOR: &str = "sync.cursor";
const LAST_SYNCED: &str = "sync.last_synced_at";
const BOT_HOST: &str = "sync.bot_host";

/// A change the hosted database refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    /// Outbox seq.
    pub seq: i64,
    /// Entity kind.
    pub entity: String,
    /// Row id.
    pub entity_id: String,
    /// The server's reason.
    pub reason: String,
}

/// What applying a pulled page did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Rows written here.
    pub written: usize,
    /// Rows where this till's version was newer (or the same).
    pub kept_local: usize,
}

fn status_rank(s: &str) -> u8 {
    OrderStatus::parse(s).map(OrderStatus::rank).unwrap_or(0)
}

fn payment_rank_str(s: &str) -> u8 {
    PaymentState::parse(s).map(PaymentState::rank).unwrap_or(0)
}

/// The most body bytes one upload carries (one larger row still goes
/// alone).
pub const UPLOAD_BYTES: i64 = 1024 * 1024;

/// Where a pulled change goes when a page is applied: rows others point
/// at first (customers, categories, the shop), then items, orders, and
/// what points at those; within each, server order. Customers keep their
/// server order among themselves, so a customer erased and then met again
/// (same phone, new id) is erased here before the new one arrives, even
/// when the new one was fetched ahead of the page as a parent.
pub fn apply_rank(entity: &str) -> u8 {
    match entity {
        "shop" | "delivery_zone" | "category" | "customer" | "cash_up" | "reseller" => 0,
        "item" | "credit_payment" | "reseller_payout" => 1,
        "order" | "item_photo" => 2,
        "payment" | "stock_movement" | "reseller_credit" | "refund" => 3,
        _ => 4,
    }
}

impl Store {
    /// The server this till syncs with and its credential, if enrolled.
    pub async fn sync_target(
        &self,
    ) -> Result<Option<(ServerConfig, zeroize::Zeroizing<String>)>, StoreError> {
        let Some(config) = self.server_config().await? else {
            return Ok(None);
        };
        let Some(secret) = self.secret(PASSWORD).await? else {
            return Ok(None);
        };
        let secret = zeroize::Zeroizing::new(
            String::from_utf8(secret.to_vec()).map_err(|_| StoreError::BadRow("secrets"))?,
        );
        Ok(Some((config, secret)))
    }

    /// The server this till is enrolled with, without its credential (the
    /// vault is not opened).
    pub(crate) async fn server_config(&self) -> Result<Option<ServerConfig>, StoreError> {
        self.setting(SERVER_CONFIG)
            .await?
            .map(|json| serde_json::from_str(&json).map_err(|_| StoreError::BadRow("settings")))
            .transpose()
    }

    /// Whether this till was enrolled straight with the shop's database,
    /// as before the DukaDesk server existed: it no longer syncs until it
    /// is enrolled again with the server (its outbox is kept for then).
    pub async fn synced_directly_before(&self) -> Result<bool, StoreError> {
        Ok(self.setting(SERVER_CONFIG).await?.is_none() && self.setting(DIRECT).await?.is_some())
    }

    /// Saves an enrolment with the DukaDesk server: where it is, the
    /// till's credential (sealed in the vault), and its digit in order
    /// numbers. The pull cursor starts from the beginning; a direct
    /// database connection saved before is replaced.
    pub async fn save_server_config(
        &self,
        config: &ServerConfig,
        credential: &str,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(config).map_err(|_| StoreError::BadRow("settings"))?;
        let vault = self
            .vault()
            .ok_or_else(|| StoreError::from(crate::vault::VaultError::NotOpen))?;
        let mut tx = self.write_tx().await?;
        crate::vault::put_sealed(&mut tx, &vault, PASSWORD, credential.as_bytes(), self.now())
            .await?;
        sqlx::query("DELETE FROM settings WHERE key IN (?, ?)")
            .bind(DIRECT)
            .bind(SERVER_CONFIG)
            .execute(&mut *tx)
            .await?;
        for (k, v) in [(SERVER_CONFIG, json.as_str()), (CURSOR, "0")] {
            put_setting(&mut tx, k, v).await?;
        }
        sqlx::query("UPDATE counters SET value = ? WHERE name = 'device_no'")
            .bind(i64::from(config.device_no))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A till joining a shop whose details are already on the server takes
    /// them as they are: its own shop row (typed at its first run) gives way
    /// instead of renaming the shop on every till.
    pub async fn yield_shop_to_hosted(&self) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM outbox WHERE entity = 'shop'")
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE shop SET updated_at = 0, version_device = NULL")
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Forgets the hosted connection and its password. Local data and
    /// pending changes stay.
    pub async fn forget_sync_config(&self) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM settings WHERE key IN (?, ?, ?, ?)")
            .bind(DIRECT)
            .bind(SERVER_CONFIG)
            .bind(CURSOR)
            .bind(LAST_SYNCED)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM secrets WHERE name = ?")
            .bind(PASSWORD)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether this till offers to run the shop's WhatsApp bot.
    pub async fn bot_host_wanted(&self) -> Result<bool, StoreError> {
        Ok(self.setting(BOT_HOST).await?.as_deref() == Some("1"))
    }

    /// Offer (or stop offering) to run the bot here.
    pub async fn set_bot_host_wanted(&self, wanted: bool) -> Result<(), StoreError> {
        self.set_setting(BOT_HOST, if wanted { "1" } else { "0" })
            .await
    }

    /// The oldest outbox rows as changes to upload: at most `limit`, and
    /// no more than [`UPLOAD_BYTES`] of bodies (at least one row), so a
    /// batch of photos stays well below the server's body limit.
    pub async fn outbox_changes(&self, limit: i64) -> Result<Vec<Change>, StoreError> {
        let rows: Vec<(i64, String, String, String, String, i64)> = sqlx::query_as(
            "SELECT seq, entity, entity_id, op, payload, created_at FROM (
               SELECT seq, entity, entity_id, op, payload, created_at,
                      sum(length(payload)) OVER (ORDER BY seq) - length(payload) AS before
               FROM (SELECT * FROM outbox ORDER BY seq LIMIT ?))
             WHERE before < ? ORDER BY seq",
        )
        .bind(limit)
        .bind(UPLOAD_BYTES)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(seq, entity, entity_id, op, payload, at)| {
                let id = Uuid::parse_str(&entity_id).ok();
                let body = serde_json::value::RawValue::from_string(payload).ok();
                match (id, body) {
                    (Some(id), Some(body)) => Change {
                        seq,
                        entity,
                        id,
                        body,
                        deleted: op == "delete",
                        version_at: from_millis(at),
                    },
                    // Unreadable rows go up as an unknown kind, so the upload
                    // sets them aside with a reason instead of stalling.
                    _ => Change {
                        seq,
                        entity: format!("unreadable {entity}"),
                        id: Uuid::nil(),
                        body: serde_json::value::RawValue::from_string("null".into())
                            .unwrap_or_default(),
                        deleted: false,
                        version_at: from_millis(at),
                    },
                }
            })
            .collect())
    }

    /// After an upload committed: drops the uploaded outbox rows and keeps
    /// the refused ones, with the reason, for staff to see.
    pub async fn outbox_uploaded(
        &self,
        batch: &[Change],
        uploaded: &Uploaded,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let mut tx = self.write_tx().await?;
        for (seq, reason) in &uploaded.rejected {
            let Some(c) = batch.iter().find(|c| c.seq == *seq) else {
                continue;
            };
            sqlx::query(
                "INSERT OR IGNORE INTO sync_rejects (outbox_seq, entity, entity_id, payload, reason, at)
                 VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(seq)
            .bind(&c.entity)
            .bind(c.id.to_string())
            .bind(c.body.get())
            .bind(reason)
            .bind(to_millis(now))
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM outbox WHERE seq <= ?")
            .bind(uploaded.up_to_seq)
            .execute(&mut *tx)
            .await?;
        put_setting(&mut tx, LAST_SYNCED, &to_millis(now).to_string()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes the hosted database refused, newest first.
    pub async fn sync_rejects(&self) -> Result<Vec<Reject>, StoreError> {
        let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT outbox_seq, entity, entity_id, reason FROM sync_rejects ORDER BY outbox_seq DESC LIMIT 100",
        )
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(seq, entity, entity_id, reason)| Reject {
                seq,
                entity,
                entity_id,
                reason,
            })
            .collect())
    }

    /// Other tills' changes this till kept aside instead of taking (a
    /// photo that is not what it says, a kind of row it does not know),
    /// newest first: (entity, reason).
    pub async fn pulled_aside(&self) -> Result<Vec<(String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT entity, reason FROM pull_rejects ORDER BY change_seq DESC LIMIT 100",
        )
        .fetch_all(self.pool())
        .await?)
    }

    /// The server change seq this till has applied up to.
    pub async fn sync_cursor(&self) -> Result<i64, StoreError> {
        Ok(self
            .setting(CURSOR)
            .await?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
    }

    /// When the last upload or pull finished.
    pub async fn last_synced_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self
            .setting(LAST_SYNCED)
            .await?
            .and_then(|v| v.parse().ok())
            .map(from_millis))
    }

    /// Rows a pulled page refers to that this till does not have: a
    /// payment's order, an order's customer, an item's category. The feed
    /// holds only each row's latest version, so a parent changed after its
    /// child comes later in it; the worker fetches these first.
    pub async fn missing_parents(
        &self,
        page: &[Pulled],
    ) -> Result<Vec<(&'static str, Vec<Uuid>)>, StoreError> {
        let mut wanted: std::collections::BTreeMap<&'static str, std::collections::BTreeSet<Uuid>> =
            Default::default();
        for p in page {
            let (entity, field) = match p.entity.as_str() {
                "payment" | "refund" => ("order", "order_id"),
                "order" => ("customer", "customer_id"),
                "item" => ("category", "category_id"),
                "stock_movement" | "item_photo" => ("item", "item_id"),
                "credit_payment" => ("customer", "customer_id"),
                _ => continue,
            };
            if let Some(id) = p
                .body
                .get(field)
                .and_then(|v| v.as_str())
                .and_then(|s| Uuid::parse_str(s).ok())
            {
                wanted.entry(entity).or_default().insert(id);
            }
        }
        let mut out = Vec::new();
        for (entity, ids) in wanted {
            let table = match entity {
                "order" => "orders",
                "customer" => "customers",
                "item" => "items",
                _ => "categories",
            };
            let mut missing = Vec::new();
            for id in ids {
                let found: Option<String> =
                    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id = ?"))
                        .bind(id.to_string())
                        .fetch_optional(self.pool())
                        .await?;
                if found.is_none() {
                    missing.push(id);
                }
            }
            if !missing.is_empty() {
                out.push((entity, missing));
            }
        }
        Ok(out)
    }

    /// Applies pulled changes and moves the cursor to `cursor`, in one
    /// transaction (foreign keys checked at commit). `me` is this till: its
    /// own changes coming back are already here.
    pub async fn apply_pulled(
        &self,
        page: &[Pulled],
        me: Uuid,
        cursor: i64,
    ) -> Result<Applied, StoreError> {
        if page.is_empty() {
            return Ok(Applied::default());
        }
        let mut out = Applied::default();
        let mut shop_changed = false;
        let mut erasure = false;
        let mut events = Vec::new();
        let now = self.now();
        // Photos are decoded and checked before the write lock is taken:
        // the till stays free while a page of them is read.
        let photos = checked_photos(page, me).await;
        let mut tx = self.write_tx().await?;
        sqlx::query("PRAGMA defer_foreign_keys = ON")
            .execute(&mut *tx)
            .await?;
        for p in page {
            if p.version_device == me {
                out.kept_local += 1;
                continue;
            }
            let wrote = apply_one(&mut tx, p, me, now, &photos, &mut events).await?;
            if wrote {
                out.written += 1;
                shop_changed |= p.entity == "shop";
                erasure |= p.entity == "customer" && p.body.get("erased_at").is_some();
            } else {
                out.kept_local += 1;
            }
        }
        // The bot tells a chat customer when another till moves their order
        // (only the till holding the chat has it, so only that one speaks).
        // A till with no shop yet has no bot to speak.
        if !events.is_empty() {
            if let Ok(cat) = self.bot_catalogue().await {
                crate::reactions::react(&mut tx, &events, &cat, now).await?;
            }
        }
        put_setting(&mut tx, CURSOR, &cursor.to_string()).await?;
        put_setting(&mut tx, LAST_SYNCED, &to_millis(self.now()).to_string()).await?;
        tx.commit().await?;
        if erasure {
            // The erased customer's old pages leave the WAL file too.
            self.checkpoint().await;
        }
        if shop_changed {
            self.cache_shop(None);
            let shop = self.shop().await?;
            self.cache_shop(shop);
        }
        Ok(out)
    }

    /// Raises this till's order counter above every number it handed out
    /// before (orders pulled back after a reinstall), so it never repeats one.
    pub async fn sync_fix_counter(&self) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "UPDATE counters SET value = max(value,
                 COALESCE((SELECT MAX(number / 10) FROM orders
                           WHERE number % 10 = (SELECT value FROM counters WHERE name = 'device_no')
                             AND number >= 10000), 0))
             WHERE name = 'order_number' AND (SELECT value FROM counters WHERE name = 'device_no') > 0",
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Whether the pulled version beats the local one (`None`: no local row).
fn remote_wins(
    local: Option<(u8, i64, Option<String>)>,
    remote_rank: u8,
    p: &Pulled,
    me: Uuid,
) -> bool {
    let Some((rank, at, device)) = local else {
        return true;
    };
    let device = device.and_then(|d| Uuid::parse_str(&d).ok()).unwrap_or(me);
    (remote_rank, to_millis(p.version_at), p.version_device) > (rank, at, device)
}

async fn local_version(
    tx: &mut SqliteConnection,
    table: &str,
    id: &str,
) -> Result<Option<(i64, Option<String>)>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT updated_at, version_device FROM {table} WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?)
}

/// Keeps a pulled change this till cannot take, with the reason, and logs
/// it (without personal data); the pull moves on past it.
async fn reject_pulled(
    tx: &mut SqliteConnection,
    p: &Pulled,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tracing::warn!(entity = %p.entity, id = %p.id, change_seq = p.change_seq, reason, "a pulled change was kept aside");
    sqlx::query(
        "INSERT OR IGNORE INTO pull_rejects (change_seq, entity, entity_id, reason, at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(p.change_seq)
    .bind(&p.entity)
    .bind(p.id.to_string())
    .bind(reason)
    .bind(to_millis(now))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Moves what points at customer `loser` to `winner` and removes `loser`
/// (the winner's row arrives, or is here, with the same phone).
///
/// Merges made on different tills chain (A into B on one, B into C on
/// another): a winner merged away here hands the loser on to its own
/// winner, so the loser never comes back as a row of its own. A winner
/// erased here erases the loser too: they are one person.
async fn merge_customer(
    tx: &mut SqliteConnection,
    loser: &str,
    winner: &str,
) -> Result<(), StoreError> {
    let merged_on: Option<String> =
        sqlx::query_scalar("SELECT winner FROM customer_merges WHERE loser = ?")
            .bind(winner)
            .fetch_optional(&mut *tx)
            .await?;
    let winner = merged_on.as_deref().unwrap_or(winner);
    if winner == loser {
        return Ok(());
    }
    let winner_here: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT id, erased_at FROM customers WHERE id = ?")
            .bind(winner)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((_, Some(erased_at))) = winner_here {
        erase_here(tx, loser, erased_at).await?;
    }
    if winner_here.is_none() {
        // The winner has not arrived yet: the loser's row becomes it.
        sqlx::query(
            "INSERT INTO customers (id, phone, name, language, opted_out, erased_at, created_at, updated_at, version_device, credit_limit_minor)
             SELECT ?1, 'merging:' || ?1, name, language, opted_out, erased_at, created_at, updated_at, version_device, credit_limit_minor
             FROM customers WHERE id = ?2",
        )
        .bind(winner)
        .bind(loser)
        .execute(&mut *tx)
        .await?;
    }
    for table in ["orders", "conversations"] {
        sqlx::query(&format!(
            "UPDATE {table} SET customer_id = ? WHERE customer_id = ?"
        ))
        .bind(winner)
        .bind(loser)
        .execute(&mut *tx)
        .await?;
    }
    record_merge(tx, loser, winner).await?;
    let phone: Option<String> = sqlx::query_scalar("SELECT phone FROM customers WHERE id = ?")
        .bind(loser)
        .fetch_optional(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM customers WHERE id = ?")
        .bind(loser)
        .execute(&mut *tx)
        .await?;
    if let Some(phone) = phone.filter(|_| winner_here.is_none()) {
        sqlx::query("UPDATE customers SET phone = ? WHERE id = ?")
            .bind(phone)
            .bind(winner)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Repayments keep the loser's id (they are insert-only and travel as they
/// were made): remember who the loser became, and who those it absorbed
/// became.
async fn record_merge(
    tx: &mut SqliteConnection,
    loser: &str,
    winner: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE customer_merges SET winner = ? WHERE winner = ?")
        .bind(winner)
        .bind(loser)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT OR REPLACE INTO customer_merges (loser, winner) VALUES (?, ?)")
        .bind(loser)
        .bind(winner)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// `now`, or just after the latest of `versions` (milliseconds) when one is
/// not older: the version of a change this till makes from pulled ones.
fn later_than(now: DateTime<Utc>, versions: &[i64]) -> DateTime<Utc> {
    let latest = versions.iter().copied().max().unwrap_or(i64::MIN);
    if to_millis(now) > latest {
        now
    } else {
        from_millis(latest + 1)
    }
}

/// Pulled photos, checked: by (id, change_seq), the photo or why it is
/// not taken.
type CheckedPhotos = std::collections::HashMap<(Uuid, i64), Result<Photo, String>>;

/// Decodes and checks every photo of a page another till sent (on the
/// blocking pool: decoding is CPU work).
async fn checked_photos(page: &[Pulled], me: Uuid) -> CheckedPhotos {
    let bodies: Vec<((Uuid, i64), serde_json::Value)> = page
        .iter()
        .filter(|p| p.entity == "item_photo" && !p.deleted && p.version_device != me)
        .map(|p| ((p.id, p.change_seq), p.body.clone()))
        .collect();
    if bodies.is_empty() {
        return CheckedPhotos::new();
    }
    tokio::task::spawn_blocking(move || {
        bodies
            .into_iter()
            .map(|(key, body)| {
                let checked = serde_json::from_value::<PhotoBody>(body)
                    .map_err(|_| "the photo's body could not be read".to_owned())
                    .and_then(|b| {
                        if b.item_id == key.0.to_string() {
                            b.check()
                        } else {
                            Err("the photo names another item".to_owned())
                        }
                    });
                (key, checked)
            })
            .collect()
    })
    .await
    .unwrap_or_default()
}

/// The pulled body read as `$t`, or the change set aside with why (see
/// `super::check`) and the pull moving on.
macro_rules! read_or_set_aside {
    ($tx:expr, $p:expr, $now:expr, $t:ty) => {
        match check::read::<$t>($p.id, &$p.body) {
            Ok(row) => row,
            Err(reason) => {
                reject_pulled($tx, $p, &reason, $now).await?;
                return Ok(false);
            }
        }
    };
}

/// The number of the order a pulled payment or refund belongs to. Its order
/// was fetched first if the server had it; an order that exists nowhere
/// (purged by the server's retention) leaves the change nothing to belong
/// to: it is kept aside, with why, and `None` returned.
async fn order_number_here(
    tx: &mut SqliteConnection,
    p: &Pulled,
    order: dukadesk_domain::OrderId,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StoreError> {
    let number: Option<i64> = sqlx::query_scalar("SELECT number FROM orders WHERE id = ?")
        .bind(order.to_string())
        .fetch_optional(&mut *tx)
        .await?;
    if number.is_none() {
        reject_pulled(tx, p, "its order is not on this till or on the server", now).await?;
    }
    Ok(number)
}

/// Applies one pulled change; `true` when it was written.
async fn apply_one(
    tx: &mut SqliteConnection,
    p: &Pulled,
    me: Uuid,
    now: DateTime<Utc>,
    photos: &CheckedPhotos,
    events: &mut Vec<Event>,
) -> Result<bool, StoreError> {
    let id = p.id.to_string();
    let device = p.version_device.to_string();
    let at = to_millis(p.version_at);
    match p.entity.as_str() {
        "shop" => {
            let mut shop = read_or_set_aside!(tx, p, now, Shop);
            let local: Option<(String, i64, Option<String>)> =
                sqlx::query_as("SELECT id, updated_at, version_device FROM shop LIMIT 1")
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some((local_id, _, _)) = &local {
                shop.id = dukadesk_domain::ShopId(crate::store::parse_uuid(local_id, "shop")?);
            }
            if !remote_wins(local.map(|(_, a, d)| (0, a, d)), 0, p, me) {
                return Ok(false);
            }
            put_shop(tx, &shop, p.version_at).await?;
            sqlx::query("UPDATE shop SET version_device = ?")
                .bind(&device)
                .execute(&mut *tx)
                .await?;
        }
        "delivery_zone" => {
            let zone = read_or_set_aside!(tx, p, now, DeliveryZone);
            let local = local_version(tx, "delivery_zones", &id).await?;
            if !remote_wins(local.map(|(a, d)| (0, a, d)), 0, p, me) {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO delivery_zones (id, name, fee_minor, currency, active, updated_at, version_device)
                 VALUES (?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, fee_minor = excluded.fee_minor,
                   currency = excluded.currency, active = excluded.active,
                   updated_at = excluded.updated_at, version_device = excluded.version_device",
            )
            .bind(&id)
            .bind(&zone.name)
            .bind(zone.fee.minor)
            .bind(zone.fee.currency.code())
            .bind(zone.active && !p.deleted)
            .bind(at)
            .bind(&device)
            .execute(&mut *tx)
            .await?;
        }
        "category" => {
            let cat = read_or_set_aside!(tx, p, now, Category);
            let local = local_version(tx, "categories", &id).await?;
            if !remote_wins(local.map(|(a, d)| (0, a, d)), 0, p, me) {
                return Ok(false);
            }
            if p.deleted {
                sqlx::query("UPDATE items SET category_id = NULL WHERE category_id = ?")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM categories WHERE id = ?")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                return Ok(true);
            }
            // Two tills may have made the same name: keep both, told apart.
            // The one with the greater id gives way ("Name (3f2a)"), renamed
            // as a change of this till's own that syncs, so every till and
            // the server end with the same names in any order of arrival.
            let clash: Option<(String, String)> = sqlx::query_as(
                "SELECT id, name FROM categories WHERE name = ? COLLATE NOCASE AND id != ?",
            )
            .bind(&cat.name)
            .bind(&id)
            .fetch_optional(&mut *tx)
            .await?;
            let mut rename_pulled = None;
            let mut own_at = now;
            if let Some((other, other_name)) = clash {
                // Later than both versions, so the rename wins over them.
                let (other_at, _) = local_version(tx, "categories", &other)
                    .await?
                    .unwrap_or((0, None));
                own_at = later_than(now, &[to_millis(p.version_at), other_at]);
                if id > other {
                    rename_pulled = Some(records::categories::told_apart(&cat.name, &id));
                } else {
                    let name = records::categories::told_apart(&other_name, &other);
                    records::categories::rename(tx, &other, &name, own_at).await?;
                }
            }
            let name = rename_pulled.clone().unwrap_or_else(|| cat.name.clone());
            sqlx::query(
                "INSERT INTO categories (id, name, position, updated_at, version_device) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position,
                   updated_at = excluded.updated_at, version_device = excluded.version_device",
            )
            .bind(&id)
            .bind(name)
            .bind(cat.position)
            .bind(at)
            .bind(&device)
            .execute(&mut *tx)
            .await?;
            if let Some(name) = rename_pulled {
                records::categories::rename(tx, &id, &name, own_at).await?;
            }
        }
        "item" => {
            let mut item = read_or_set_aside!(tx, p, now, Item);
            let local = local_version(tx, "items", &id).await?;
            if !remote_wins(local.map(|(a, d)| (0, a, d)), 0, p, me) {
                return Ok(false);
            }
            // Another till's item is held to what the editor allows (a
            // till with stolen credentials could send thousands of names).
            item.hold_to_limits();
            item.photo = None;
            item.archived |= p.deleted;
            item.updated_at = p.version_at;
            if let Some(c) = item.category_id {
                let known: Option<String> =
                    sqlx::query_scalar("SELECT id FROM categories WHERE id = ?")
                        .bind(c.to_string())
                        .fetch_optional(&mut *tx)
                        .await?;
                if known.is_none() {
                    item.category_id = None;
                }
            }
            put_item(tx, &item).await?;
            sqlx::query("UPDATE items SET version_device = ? WHERE id = ?")
                .bind(&device)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
        }
        "item_photo" => {
            let local = local_version(tx, "item_photos", &id).await?;
            if !remote_wins(local.map(|(a, d)| (0, a, d)), 0, p, me) {
                return Ok(false);
            }
            let photo = if p.deleted {
                None
            } else {
                match photos.get(&(p.id, p.change_seq)) {
                    Some(Ok(photo)) => Some(photo),
                    Some(Err(reason)) => {
                        reject_pulled(tx, p, reason, now).await?;
                        return Ok(false);
                    }
                    None => return Err(StoreError::BadRow("item photo")),
                }
            };
            records::photos::put(tx, &id, photo, at, Some(&device)).await?;
        }
        "customer" if p.deleted => {
            // A customer merged into another on some till: the same here.
            let merge = read_or_set_aside!(tx, p, now, check::Merged);
            merge_customer(tx, &id, &merge.merged_into.to_string()).await?;
        }
        "customer" => {
            let c = read_or_set_aside!(tx, p, now, CustomerBody);
            // An erasure wins over every other version of the customer,
            // whatever its time; nothing brings an erased customer back.
            let erased_here: Option<Option<i64>> =
                sqlx::query_scalar("SELECT erased_at FROM customers WHERE id = ?")
                    .bind(&id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if erased_here.flatten().is_some() {
                return Ok(false);
            }
            if let Some(erased_at) = c.erased_at {
                erase_here(tx, &id, erased_at).await?;
                sqlx::query(
                    "INSERT INTO customers (id, phone, name, opted_out, erased_at, created_at, updated_at, version_device)
                     VALUES (?1, ?2, NULL, 1, ?3, ?3, ?3, ?4)
                     ON CONFLICT (id) DO UPDATE SET version_device = excluded.version_device",
                )
                .bind(&id)
                .bind(pseudonym(&id))
                .bind(erased_at)
                .bind(&device)
                .execute(&mut *tx)
                .await?;
                return Ok(true);
            }
            let local = local_version(tx, "customers", &id).await?;
            if !remote_wins(local.map(|(a, d)| (0, a, d)), 0, p, me) {
                return Ok(false);
            }
            // The same phone under another id (two tills met the customer
            // before syncing): the smaller id is kept everywhere.
            let twin: Option<String> =
                sqlx::query_scalar("SELECT id FROM customers WHERE phone = ? AND id != ?")
                    .bind(&c.phone)
                    .bind(&id)
                    .fetch_optional(&mut *tx)
                    .await?;
            // The merge is sent on (the loser's tombstone) so that the
            // server, too, ends with one row. The merged row is this till's
            // own change, later than every version it was made from, so it
            // wins everywhere over them.
            let merged_here = twin.is_some();
            let mut own_at = now;
            if let Some(twin) = twin {
                let (twin_at, _) = local_version(tx, "customers", &twin)
                    .await?
                    .unwrap_or((0, None));
                own_at = later_than(now, &[to_millis(p.version_at), twin_at]);
                if twin < id {
                    sqlx::query(
                        "UPDATE customers SET name = COALESCE(?, name), updated_at = ?, version_device = NULL WHERE id = ?",
                    )
                    .bind(&c.name)
                    .bind(to_millis(own_at))
                    .bind(&twin)
                    .execute(&mut *tx)
                    .await?;
                    crate::records::customers::merged(tx, &id, &twin, own_at).await?;
                    // The pulled customer never becomes a row here; what
                    // keeps its id (repayments) counts for the twin.
                    record_merge(tx, &id, &twin).await?;
                    // The merged row (it may have taken the name) travels
                    // too, so every till and the server hold the same.
                    crate::records::customers::changed(tx, &twin, own_at).await?;
                    return Ok(true);
                }
                merge_customer(tx, &twin, &id).await?;
                crate::records::customers::merged(tx, &twin, &id, own_at).await?;
            }

            // A till of an older version sends neither language nor opt-out:
            // what is known here stays.
            sqlx::query(
                "INSERT INTO customers (id, phone, name, language, opted_out, created_at, updated_at, version_device, credit_limit_minor)
                 VALUES (?1, ?2, ?3, COALESCE(?4, 'en'), COALESCE(?5, 0), ?6, ?6, ?7, ?10)
                 ON CONFLICT (id) DO UPDATE SET phone = excluded.phone,
                   name = CASE WHEN ?8 THEN COALESCE(?3, customers.name) ELSE ?3 END,
                   language = COALESCE(?4, customers.language), opted_out = COALESCE(?5, customers.opted_out),
                   credit_limit_minor = CASE WHEN ?9 THEN ?10 ELSE customers.credit_limit_minor END,
                   updated_at = excluded.updated_at, version_device = excluded.version_device",
            )
            .bind(&id)
            .bind(&c.phone)
            .bind(&c.name)
            .bind(c.language.as_deref().filter(|l| Language::from_code(l).is_some()))
            .bind(c.opted_out)
            .bind(at)
            .bind(&device)
            // Merged here, the row keeps a name the pulled one lacks (the
            // merge then travels as this till's change); otherwise a name
            // cleared on another till is cleared here too.
            .bind(merged_here)
            // A till of an older version sends no credit limit: the one
            // here stays.
            .bind(c.credit_limit.is_some())
            .bind(c.credit_limit.flatten().filter(|l| *l >= 0))
            .execute(&mut *tx)
            .await?;
            if merged_here {
                sqlx::query(
                    "UPDATE customers SET updated_at = ?, version_device = NULL WHERE id = ?",
                )
                .bind(to_millis(own_at))
                .bind(&id)
                .execute(&mut *tx)
                .await?;
                crate::records::customers::changed(tx, &id, own_at).await?;
            }
        }
        "order" => {
            let mut order = read_or_set_aside!(tx, p, now, Order);
            let local: Option<(String, i64, Option<String>)> = sqlx::query_as(
                "SELECT status, updated_at, version_device FROM orders WHERE id = ?",
            )
            .bind(&id)
            .fetch_optional(&mut *tx)
            .await?;
            let from = local.as_ref().and_then(|(s, _, _)| OrderStatus::parse(s));
            let local_key = local.map(|(s, a, d)| (status_rank(&s), a, d));
            if !remote_wins(local_key, order.status.rank(), p, me) {
                return Ok(false);
            }
            // A customer merged away here is found by whom it was merged
            // into, or by phone.
            if let Some(c) = order.customer_id {
                let known: Option<String> = sqlx::query_scalar(
                    "SELECT id FROM customers WHERE id = ?1
                     UNION ALL SELECT winner FROM customer_merges WHERE loser = ?1
                     UNION ALL SELECT id FROM customers WHERE phone = ?2 LIMIT 1",
                )
                .bind(c.to_string())
                .bind(order.customer_phone.as_ref().map(|p| p.as_str().to_owned()))
                .fetch_optional(&mut *tx)
                .await?;
                order.customer_id = known
                    .and_then(|k| Uuid::parse_str(&k).ok())
                    .map(dukadesk_domain::CustomerId);
            }
            order.updated_at = p.version_at;
            match from {
                None => {
                    insert_order(tx, &order, None).await?;
                    sqlx::query("INSERT INTO order_events (order_id, from_status, to_status, event, actor, at) VALUES (?, NULL, ?, NULL, 'another till', ?)")
                        .bind(&id)
                        .bind(order.status.as_str())
                        .bind(to_millis(order.created_at))
                        .execute(&mut *tx)
                        .await?;
                }
                Some(from) => {
                    sqlx::query(
                        "UPDATE orders SET status = ?, note = ?, customer_id = ?, customer_name = ?, updated_at = ? WHERE id = ?",
                    )
                    .bind(order.status.as_str())
                    .bind(&order.note)
                    .bind(order.customer_id.map(|c| c.to_string()))
                    .bind(order.customer_name.as_deref())
                    .bind(at)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                    if from != order.status {
                        sqlx::query("INSERT INTO order_events (order_id, from_status, to_status, event, actor, at) VALUES (?, ?, ?, NULL, 'another till', ?)")
                            .bind(&id)
                            .bind(from.as_str())
                            .bind(order.status.as_str())
                            .bind(at)
                            .execute(&mut *tx)
                            .await?;
                        events.push(Event::OrderMoved {
                            order_id: order.id,
                            number: order.number,
                            status: order.status,
                            fulfilment: order.fulfilment.kind(),
                        });
                    }
                }
            }
            sqlx::query("UPDATE orders SET version_device = ? WHERE id = ?")
                .bind(&device)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
            // An order of a customer erased here keeps no personal data,
            // even when another till sent it before it heard of the erasure.
            let erased: Option<i64> = sqlx::query_scalar(
                "SELECT 1 FROM orders o JOIN customers c ON c.id = o.customer_id
                 WHERE o.id = ? AND c.erased_at IS NOT NULL",
            )
            .bind(&id)
            .fetch_optional(&mut *tx)
            .await?;
            if erased.is_some() {
                scrub_order(tx, &id).await?;
            }
        }
        "payment" => {
            let pay = read_or_set_aside!(tx, p, now, PaymentAttempt);
            if order_number_here(tx, p, pay.order_id, now).await?.is_none() {
                return Ok(false);
            }
            let local: Option<(String, i64, Option<String>)> = sqlx::query_as(
                "SELECT state, updated_at, version_device FROM payments WHERE id = ?",
            )
            .bind(&id)
            .fetch_optional(&mut *tx)
            .await?;
            let local_key = local.map(|(s, a, d)| (payment_rank_str(&s), a, d));
            if !remote_wins(local_key, pay.state.rank(), p, me) {
                return Ok(false);
            }
            // A receipt code recorded here under another attempt is the same
            // money: it is not recorded twice.
            if let Some(r) = &pay.receipt {
                let other: Option<String> =
                    sqlx::query_scalar("SELECT id FROM payments WHERE receipt = ? AND id != ?")
                        .bind(r)
                        .bind(&id)
                        .fetch_optional(&mut *tx)
                        .await?;
                if other.is_some() {
                    tracing::warn!(payment = %id, "pulled payment repeats a receipt already recorded here; kept the local one");
                    return Ok(false);
                }
            }
            sqlx::query(
                "INSERT INTO payments (id, order_id, method, amount_minor, currency, phone, state, provider_ref, receipt, failure, created_at, updated_at, version_device, settled_by, started_here)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                 ON CONFLICT (id) DO UPDATE SET state = excluded.state, provider_ref = excluded.provider_ref,
                   receipt = excluded.receipt, failure = excluded.failure,
                   updated_at = excluded.updated_at, version_device = excluded.version_device,
                   settled_by = excluded.settled_by",
            )
            .bind(&id)
            .bind(pay.order_id.to_string())
            .bind(pay.method.as_str())
            .bind(pay.amount.minor)
            .bind(pay.amount.currency.code())
            .bind(pay.phone.as_ref().map(|p| p.as_str().to_owned()))
            .bind(pay.state.as_str())
            .bind(pay.provider_ref.as_deref())
            .bind(pay.receipt.as_deref())
            .bind(pay.failure.as_deref())
            .bind(to_millis(pay.created_at))
            .bind(at)
            .bind(&device)
            .bind(pay.settled_by.as_deref())
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE payments SET phone = NULL WHERE id = ? AND order_id IN
                   (SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id
                    WHERE c.erased_at IS NOT NULL)",
            )
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        }
        "stock_movement" => {
            let m = read_or_set_aside!(tx, p, now, Movement);
            // Its item was fetched first if the server had it.
            let item_here: Option<String> = sqlx::query_scalar("SELECT id FROM items WHERE id = ?")
                .bind(m.item_id.to_string())
                .fetch_optional(&mut *tx)
                .await?;
            if item_here.is_none() {
                reject_pulled(tx, p, "its item is not on this till or on the server", now).await?;
                return Ok(false);
            }
            // Insert-only: the server keeps the first version of an id it
            // received (two tills restocking the same cancelled order made
            // the same id), and this till takes that one.
            return stock::put(tx, &m, true).await;
        }
        "refund" => {
            let r = read_or_set_aside!(tx, p, now, dukadesk_domain::refund::Refund);
            let Some(number) = order_number_here(tx, p, r.order_id, now).await? else {
                return Ok(false);
            };
            // Given at another till: its cash left that till's drawer. The
            // order's chat, if it lives here, hears of it once; the sale's
            // tax invoice, if this till issued it, gets its credit note.
            let new = records::refunds::put(tx, &r, false).await?;
            if new {
                events.push(crate::refunds::refunded_event(&r, number));
                crate::tax::invoices::refund_in(tx, &r, now).await?;
            }
            return Ok(new);
        }
        "credit_payment" => {
            let r = read_or_set_aside!(tx, p, now, dukadesk_domain::credit::Repayment);
            // Taken at another till: its cash is in that till's drawer.
            records::credit::put(tx, &r, false).await?;
        }
        "reseller" => {
            let r = read_or_set_aside!(tx, p, now, dukadesk_domain::resellers::Reseller);
            // An erasure wins whatever its time, and nothing replaces it.
            let local: Option<(i64, Option<String>, bool)> = sqlx::query_as(
                "SELECT updated_at, version_device, erased FROM resellers WHERE id = ?",
            )
            .bind(&id)
            .fetch_optional(&mut *tx)
            .await?;
            let local = local.map(|(at, device, erased)| (u8::from(erased), at, device));
            if !remote_wins(local, u8::from(r.erased), p, me) {
                return Ok(false);
            }
            records::resellers::put(tx, &r, p.version_at, Some(&device)).await?;
        }
        "reseller_credit" => {
            let c = read_or_set_aside!(tx, p, now, dukadesk_domain::resellers::ResellerCredit);
            records::resellers::put_credit(tx, &c).await?;
        }
        "reseller_payout" => {
            let payout = read_or_set_aside!(tx, p, now, dukadesk_domain::resellers::Payout);
            records::resellers::put_payout(tx, &payout).await?;
        }
        "cash_up" => {
            let c = read_or_set_aside!(tx, p, now, dukadesk_domain::cashup::CashUp);
            // Counted at another till: this till's own periods do not
            // start at it.
            records::cash_ups::put(tx, &c, false).await?;
        }
        other => {
            tracing::warn!(
                entity = other,
                "pulled a kind of change this version does not know; skipped"
            );
            return Ok(false);
        }
    }
    Ok(true)
}
