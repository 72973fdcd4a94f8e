//! Categories renamed to settle a clash of names between tills. (Creating
//! and renaming by staff is `Store::save_category`, which writes its outbox
//! row the same way.)

use crate::store::outbox::{self, Op};
use crate::store::{parse_uuid, to_millis, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::catalogue::Category;
use dukadesk_domain::CategoryId;
use sqlx::SqliteConnection;

/// The name a category gives way with: `Vegetables (3f2a)`, the start of
/// its id telling the two apart.
pub(crate) fn told_apart(name: &str, id: &str) -> String {
    format!("{name} ({})", &id[..4.min(id.len())])
}

/// Renames category `id` to `name` as this till's own change at `at`: the
/// row and its outbox row, so the rename reaches every till and the server.
pub(crate) async fn rename(
    tx: &mut SqliteConnection,
    id: &str,
    name: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE categories SET name = ?, updated_at = ?, version_device = NULL WHERE id = ?",
    )
    .bind(name)
    .bind(to_millis(at))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let (name, position): (String, i64) =
        sqlx::query_as("SELECT name, position FROM categories WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    let category = Category {
        id: CategoryId(parse_uuid(id, "category")?),
        name,
        position,
    };
    outbox::record(tx, "category", id, Op::Upsert, &category, at).await
}

/// Writes a category (insert, or a new name) and its outbox row: the one
/// way staff change a category.
pub(crate) async fn write(
    tx: &mut SqliteConnection,
    category: &Category,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO categories (id, name, position, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at",
    )
    .bind(category.id.to_string())
    .bind(&category.name)
    .bind(category.position)
    .bind(to_millis(now))
    .execute(&mut *tx)
    .await?;
    outbox::record(
        tx,
        "category",
        &category.id.to_string(),
        Op::Upsert,
        category,
        now,
    )
    .await
}
