//! Stock movements: an order took units (`sale`), a cancelled order gave
//! them back (`restock`), staff counted the shelf (`count`) or added or
//! removed units (`correction`). Each is a row that is only ever inserted,
//! written here with its outbox row inside the caller's transaction, and
//! synced to every till and the server as the `stock_movement` entity.
//!
//! The level rule (the same on every till and on the server, in hosted
//! migration 0005's `item_stock` view): an item's latest count (by
//! `created_at`, ties by id) sets the level; the deltas of the non-count
//! movements after it, in the same order, are added. With no count, or a
//! latest count without a level, the item is not counted. The level may
//! be below zero after two tills sold the last units offline: that is the
//! truth to count, shown as it is. `items.stock` is this till's cache of
//! it, refreshed whenever a movement of the item is written or pulled.
//!
//! A till stamps a movement no earlier than one millisecond after the
//! item's latest movement it knows, so its own movements (and one made
//! after it heard of another till's count) keep their order whatever the
//! clock says. Sales and restocks have ids derived from the order and the
//! line, so two tills cancelling the same order offline restock it once.

use crate::store::outbox::{self, Op};
use crate::store::{to_millis, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::{ItemId, OrderId};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use uuid::Uuid;

/// What moved the stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum MovementKind {
    /// An order took units (negative delta).
    Sale,
    /// A cancelled order gave its units back (positive delta).
    Restock,
    /// Staff counted the shelf: sets the level.
    Count,
    /// Staff added or removed units (a delivery, breakage).
    Correction,
}

impl MovementKind {
    /// The stored name.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            MovementKind::Sale => "sale",
            MovementKind::Restock => "restock",
            MovementKind::Count => "count",
            MovementKind::Correction => "correction",
        }
    }

    #[cfg(test)]
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "sale" => MovementKind::Sale,
            "restock" => MovementKind::Restock,
            "count" => MovementKind::Count,
            "correction" => MovementKind::Correction,
            _ => return None,
        })
    }
}

/// One movement, as stored and as it travels between tills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Movement {
    pub id: Uuid,
    pub item_id: Uuid,
    pub kind: MovementKind,
    /// Signed units. For a count only informative (the level it set minus
    /// the level the till showed before); the level rule ignores it.
    pub delta: i64,
    /// Counts only: the level set (`None`: not counted from then on).
    #[serde(default)]
    pub level: Option<i64>,
    /// Sales and restocks: the order.
    #[serde(default)]
    pub order_id: Option<Uuid>,
    /// Who, as the till shows it.
    #[serde(default)]
    pub staff_name: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
}

impl Movement {
    /// Whether the row breaks the table's rules (a level on anything but a
    /// count): refused when pulled.
    pub(crate) fn is_valid(&self) -> bool {
        self.kind == MovementKind::Count || self.level.is_none()
    }
}

#[cfg(test)]
type Row = (
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<String>,
    Option<String>,
    i64,
);

/// One movement as stored.
#[cfg(test)]
pub(crate) async fn movement_in(
    conn: &mut SqliteConnection,
    id: Uuid,
) -> Result<Option<Movement>, StoreError> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, item_id, kind, delta, level, order_id, staff_name, created_at
         FROM stock_movements WHERE id = ?",
    )
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?;
    let Some((id, item_id, kind, delta, level, order_id, staff_name, created_at)) = row else {
        return Ok(None);
    };
    let uuid = |s: &str| Uuid::parse_str(s).map_err(|_| StoreError::BadRow("stock movement"));
    Ok(Some(Movement {
        id: uuid(&id)?,
        item_id: uuid(&item_id)?,
        kind: MovementKind::parse(&kind).ok_or(StoreError::BadRow("stock movement"))?,
        delta,
        level,
        order_id: order_id.as_deref().map(uuid).transpose()?,
        staff_name,
        created_at,
    }))
}

/// The level of an item by the rule above, from its movements here
/// (`NULL`: not counted). `?1` is the item's id.
const LEVEL: &str = "(SELECT c.level + COALESCE((SELECT SUM(m.delta) FROM stock_movements m
        WHERE m.item_id = c.item_id AND m.kind <> 'count'
          AND (m.created_at, m.id) > (c.created_at, c.id)), 0)
    FROM stock_movements c WHERE c.item_id = ?1 AND c.kind = 'count'
    ORDER BY c.created_at DESC, c.id DESC LIMIT 1)";

/// Recomputes the item's cached level (`items.stock`) from its movements;
/// only physical items have one.
pub(crate) async fn refresh(tx: &mut SqliteConnection, item_id: &str) -> Result<(), StoreError> {
    sqlx::query(&format!(
        "UPDATE items SET stock = CASE WHEN kind = 'physical' THEN {LEVEL} END WHERE id = ?1"
    ))
    .bind(item_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The item's level from its movements (`None`: not counted).
pub(crate) async fn level_in(
    conn: &mut SqliteConnection,
    item_id: ItemId,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(&format!("SELECT {LEVEL}"))
        .bind(item_id.to_string())
        .fetch_one(conn)
        .await?)
}

/// The time to stamp a new movement of the item with: now, or one
/// millisecond after the item's latest movement known here if that is
/// later.
async fn stamp(
    tx: &mut SqliteConnection,
    item_id: ItemId,
    now: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let latest: Option<i64> =
        sqlx::query_scalar("SELECT MAX(created_at) FROM stock_movements WHERE item_id = ?")
            .bind(item_id.to_string())
            .fetch_one(&mut *tx)
            .await?;
    let now = to_millis(now);
    Ok(latest.map_or(now, |l| now.max(l.saturating_add(1))))
}

/// The id of the movement an order line makes: the same on every till, so
/// a restock made on two tills for the same cancelled order is one row.
fn line_movement_id(kind: MovementKind, order_id: OrderId, position: usize) -> Uuid {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!(
        "dukadesk stock {} {order_id} {position}",
        kind.as_str()
    ));
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// Writes a movement made here: the row (unless a row with its id is
/// already here: the same fact, heard from another till), its outbox row
/// read back from the table, and the item's cached level. Returns whether
/// it was new.
async fn write(tx: &mut SqliteConnection, m: &Movement) -> Result<bool, StoreError> {
    let inserted = put(tx, m, false).await?;
    if inserted {
        // Inserted as it is, column for column: what travels is the row.
        outbox::record(
            tx,
            "stock_movement",
            &m.id.to_string(),
            Op::Upsert,
            m,
            crate::store::from_millis(m.created_at),
        )
        .await?;
    }
    Ok(inserted)
}

/// Stores a movement without an outbox row and refreshes the item's cached
/// level. With `replace`, a row with the same id takes this version (a
/// pulled movement: the server keeps the first version of an id it
/// received, and every till takes that one). Returns whether a row was
/// written.
pub(crate) async fn put(
    tx: &mut SqliteConnection,
    m: &Movement,
    replace: bool,
) -> Result<bool, StoreError> {
    let conflict = if replace {
        "DO UPDATE SET item_id = excluded.item_id, kind = excluded.kind, delta = excluded.delta,
           level = excluded.level, order_id = excluded.order_id,
           staff_name = excluded.staff_name, created_at = excluded.created_at
         WHERE (stock_movements.item_id, stock_movements.kind, stock_movements.delta,
                stock_movements.level, stock_movements.order_id, stock_movements.staff_name,
                stock_movements.created_at)
           IS NOT (excluded.item_id, excluded.kind, excluded.delta, excluded.level,
                   excluded.order_id, excluded.staff_name, excluded.created_at)"
    } else {
        "DO NOTHING"
    };
    // A version replacing one of another item moves that item's level too
    // (only a replace can: a new row has no version before it).
    let old_item: Option<String> = if replace {
        sqlx::query_scalar("SELECT item_id FROM stock_movements WHERE id = ?")
            .bind(m.id.to_string())
            .fetch_optional(&mut *tx)
            .await?
    } else {
        None
    };
    let written = sqlx::query(&format!(
        "INSERT INTO stock_movements (id, item_id, kind, delta, level, order_id, staff_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) {conflict}"
    ))
    .bind(m.id.to_string())
    .bind(m.item_id.to_string())
    .bind(m.kind.as_str())
    .bind(m.delta)
    .bind(m.level)
    .bind(m.order_id.map(|o| o.to_string()))
    .bind(m.staff_name.as_deref())
    .bind(m.created_at)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        > 0;
    if written {
        refresh(tx, &m.item_id.to_string()).await?;
        if let Some(old) = old_item.filter(|o| *o != m.item_id.to_string()) {
            refresh(tx, &old).await?;
        }
    }
    Ok(written)
}

/// A line of an order, for the movement it makes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OrderLineRef<'a> {
    pub order_id: OrderId,
    /// The line's position in the order.
    pub position: usize,
    /// Who took the order or cancelled it.
    pub staff_name: Option<&'a str>,
}

/// An order took `qty` units of a physical item (the caller checked that
/// it may: this till never sells below zero).
pub(crate) async fn sale(
    tx: &mut SqliteConnection,
    item_id: ItemId,
    qty: u32,
    line: OrderLineRef<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let m = Movement {
        id: line_movement_id(MovementKind::Sale, line.order_id, line.position),
        item_id: item_id.0,
        kind: MovementKind::Sale,
        delta: -i64::from(qty),
        level: None,
        order_id: Some(line.order_id.0),
        staff_name: line.staff_name.map(str::to_owned),
        created_at: stamp(tx, item_id, now).await?,
    };
    write(tx, &m).await?;
    Ok(())
}

/// A cancelled order gives `qty` units of a physical item back. Once per
/// line, whichever tills cancel it.
pub(crate) async fn restock(
    tx: &mut SqliteConnection,
    item_id: ItemId,
    qty: u32,
    line: OrderLineRef<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let m = Movement {
        id: line_movement_id(MovementKind::Restock, line.order_id, line.position),
        item_id: item_id.0,
        kind: MovementKind::Restock,
        delta: i64::from(qty),
        level: None,
        order_id: Some(line.order_id.0),
        staff_name: line.staff_name.map(str::to_owned),
        created_at: stamp(tx, item_id, now).await?,
    };
    write(tx, &m).await?;
    Ok(())
}

/// Staff counted the item: `level` units on the shelf now (`None`: the
/// shop stops counting it).
pub(crate) async fn count(
    tx: &mut SqliteConnection,
    item_id: ItemId,
    level: Option<i64>,
    staff_name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let before = level_in(tx, item_id).await?;
    let m = Movement {
        id: crate::store::new_id(),
        item_id: item_id.0,
        kind: MovementKind::Count,
        delta: level.unwrap_or(0) - before.unwrap_or(0),
        level,
        order_id: None,
        staff_name: staff_name.map(str::to_owned),
        created_at: stamp(tx, item_id, now).await?,
    };
    write(tx, &m).await?;
    Ok(())
}

/// Staff added (`delta` > 0) or removed units without counting: a
/// delivery, breakage.
pub(crate) async fn correction(
    tx: &mut SqliteConnection,
    item_id: ItemId,
    delta: i64,
    staff_name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let m = Movement {
        id: crate::store::new_id(),
        item_id: item_id.0,
        kind: MovementKind::Correction,
        delta,
        level: None,
        order_id: None,
        staff_name: staff_name.map(str::to_owned),
        created_at: stamp(tx, item_id, now).await?,
    };
    write(tx, &m).await?;
    Ok(())
}
