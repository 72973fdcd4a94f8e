//! Items: each written with its outbox row, in the caller's transaction.
//! An item's stock is not in its row but follows from its movements
//! ([`super::stock`]).

use crate::catalogue::{put_item, synced};
use crate::store::outbox::{self, Op};
use crate::store::StoreError;
use dukadesk_domain::catalogue::Item;
use sqlx::SqliteConnection;

/// Writes an item and its outbox row inside a transaction. The item's
/// stock is not written: it comes from its movements.
pub(crate) async fn write(tx: &mut SqliteConnection, item: &Item) -> Result<(), StoreError> {
    put_item(tx, item).await?;
    outbox::record(
        tx,
        "item",
        &item.id.to_string(),
        Op::Upsert,
        &synced(item),
        item.updated_at,
    )
    .await
}
