//! Item photos: each written with its outbox row, in the caller's
//! transaction ([`crate::catalogue::photos`] says what a photo is).

use crate::catalogue::photos::{Photo, PhotoBody};
use crate::store::outbox::{self, Op};
use crate::store::{to_millis, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::ItemId;
use sqlx::SqliteConnection;

/// Sets `item`'s photo and records the change.
pub(crate) async fn write(
    tx: &mut SqliteConnection,
    item: ItemId,
    photo: &Photo,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let id = item.to_string();
    put(tx, &id, Some(photo), to_millis(now), None).await?;
    outbox::record(
        tx,
        "item_photo",
        &id,
        Op::Upsert,
        &PhotoBody::of(&id, photo),
        now,
    )
    .await
}

/// Removes `item`'s photo (a tombstone stays) and records the change.
pub(crate) async fn remove(
    tx: &mut SqliteConnection,
    item: ItemId,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let id = item.to_string();
    put(tx, &id, None, to_millis(now), None).await?;
    outbox::record(
        tx,
        "item_photo",
        &id,
        Op::Delete,
        &serde_json::json!({ "item_id": id }),
        now,
    )
    .await
}

/// Writes the row only (`None`: the tombstone); sync applies other tills'
/// photos this way.
pub(crate) async fn put(
    tx: &mut SqliteConnection,
    id: &str,
    photo: Option<&Photo>,
    updated_at: i64,
    version_device: Option<&str>,
) -> Result<(), StoreError> {
    let empty = Vec::new();
    sqlx::query(
        "INSERT INTO item_photos (id, sha256, width, height, jpeg, thumb, removed, updated_at, version_device)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET sha256 = excluded.sha256, width = excluded.width,
           height = excluded.height, jpeg = excluded.jpeg, thumb = excluded.thumb,
           removed = excluded.removed, updated_at = excluded.updated_at,
           version_device = excluded.version_device",
    )
    .bind(id)
    .bind(photo.map_or("", |p| p.sha256.as_str()))
    .bind(photo.map_or(0, |p| i64::from(p.width)))
    .bind(photo.map_or(0, |p| i64::from(p.height)))
    .bind(photo.map_or(&empty, |p| &p.jpeg))
    .bind(photo.map_or(&empty, |p| &p.thumb))
    .bind(photo.is_none())
    .bind(updated_at)
    .bind(version_device)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
