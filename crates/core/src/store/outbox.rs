//! The outbox: one row per change to shared data, written in the same
//! transaction as the change. The sync worker drains it in `seq` order.

use super::{to_millis, StoreError};
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;

/// What happened to the entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Created or changed.
    Upsert,
    /// Removed (a tombstone).
    Delete,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Upsert => "upsert",
            Op::Delete => "delete",
        }
    }
}

/// One pending change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRow {
    /// Order of writing.
    pub seq: i64,
    /// Entity kind (`order`, `item`, ...).
    pub entity: String,
    /// Entity id.
    pub entity_id: String,
    /// Upsert or delete.
    pub op: String,
    /// The entity as JSON.
    pub payload: String,
}

/// Records a change inside the caller's transaction.
pub(crate) async fn record<T: Serialize>(
    tx: &mut SqliteConnection,
    entity: &str,
    entity_id: &str,
    op: Op,
    payload: &T,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let payload = serde_json::to_string(payload)
        .map_err(|e| StoreError::Internal(format!("Could not record the change: {e}")))?;
    sqlx::query(
        "INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(entity)
    .bind(entity_id)
    .bind(op.as_str())
    .bind(payload)
    .bind(to_millis(now))
    .execute(tx)
    .await?;
    Ok(())
}

impl super::Store {
    /// The oldest pending changes, at most `limit`.
    pub async fn outbox_pending(&self, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
        let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "SELECT seq, entity, entity_id, op, payload FROM outbox ORDER BY seq LIMIT ?",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(seq, entity, entity_id, op, payload)| OutboxRow {
                seq,
                entity,
                entity_id,
                op,
                payload,
            })
            .collect())
    }

    /// How many changes wait to be synced.
    pub async fn outbox_len(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
            .fetch_one(self.pool())
            .await?)
    }
}
