//! The per-hour totals sales reports read (local migration 0023):
//! `rollup_orders` (orders by UTC hour, status, channel and how they were
//! paid) and `rollup_items` (units and money per item and hour, sales
//! only). Triggers keep them current in the same transaction as every
//! change to orders, their lines and payments, whoever makes it (the till,
//! the bot, a payment's outcome, sync, retention); a month's report then
//! reads a few thousand rows instead of every order and line.
//!
//! [`Store::rebuild_report_totals`] computes both from the rows again with
//! the same rules; the tests hold the triggers to it after random work.

use super::{sale_statuses, test_channels};
use crate::store::{Store, StoreError};

/// The statements that rebuild both tables, in order.
fn rebuild_sql() -> [String; 4] {
    [
        "DELETE FROM rollup_orders".to_owned(),
        "DELETE FROM rollup_items".to_owned(),
        "INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
         SELECT o.created_at / 3600000, o.status, o.channel,
                COALESCE((SELECT p.method FROM payments p
                          WHERE p.order_id = o.id AND p.state = 'succeeded'
                          ORDER BY p.created_at, p.id LIMIT 1), ''),
                COUNT(*), SUM(o.total_minor)
         FROM orders o
         GROUP BY 1, 2, 3, 4"
            .to_owned(),
        format!(
            "INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
             SELECT o.created_at / 3600000, oi.item_id, MAX(oi.name), SUM(oi.qty), SUM(oi.total_minor)
             FROM orders o JOIN order_items oi ON oi.order_id = o.id
             WHERE o.channel NOT IN ({}) AND o.status IN ({})
             GROUP BY 1, 2",
            test_channels(),
            sale_statuses()
        ),
    ]
}

impl Store {
    /// Computes the report totals from the orders, lines and payments
    /// again, in one transaction (a repair: the triggers keep them
    /// current). Returns how many rows each table holds afterwards.
    pub async fn rebuild_report_totals(&self) -> Result<(i64, i64), StoreError> {
        let mut tx = self.write_tx().await?;
        for sql in rebuild_sql() {
            sqlx::query(&sql).execute(&mut *tx).await?;
        }
        let counts = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM rollup_orders), (SELECT COUNT(*) FROM rollup_items)",
        )
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(counts)
    }
}

/// Checks of the totals for tests (this crate's, and the server's tills).
#[cfg(any(test, feature = "testing"))]
pub mod testing {
    use super::*;

    /// Both tables as comparable rows, leaving out rows that add up to
    /// nothing (an order moved away leaves a zero behind) and the names
    /// (the largest name a line was sold under, which a rebuild may see
    /// differently after a line is gone).
    pub async fn totals(store: &Store) -> (Vec<String>, Vec<String>) {
        let orders: Vec<(i64, String, String, String, i64, i64)> = sqlx::query_as(
            "SELECT hour, status, channel, method, order_count, total_minor FROM rollup_orders
             WHERE order_count != 0 OR total_minor != 0 ORDER BY 1, 2, 3, 4",
        )
        .fetch_all(store.pool())
        .await
        .expect("order totals");
        let items: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT hour, item_id, qty, total_minor FROM rollup_items
             WHERE qty != 0 OR total_minor != 0 ORDER BY 1, 2",
        )
        .fetch_all(store.pool())
        .await
        .expect("item totals");
        (
            orders.iter().map(|r| format!("{r:?}")).collect(),
            items.iter().map(|r| format!("{r:?}")).collect(),
        )
    }

    /// Fails unless the totals the triggers kept are what a rebuild makes.
    pub async fn assert_totals_rebuild_the_same(store: &Store) {
        let kept = totals(store).await;
        store.rebuild_report_totals().await.expect("rebuild");
        assert_eq!(
            kept,
            totals(store).await,
            "the kept totals differ from a rebuild"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migration_counts_the_statuses_the_domain_counts_as_sales() {
        let migration = include_str!("../../../../migrations/local/0023_report_rollups.sql");
        let listed = format!("status IN ({})", sale_statuses());
        let mentions = migration.matches("status IN (").count();
        assert!(mentions >= 6, "{mentions}");
        assert_eq!(
            migration.matches(&listed).count(),
            mentions,
            "every sales filter of the triggers is the domain's ({listed})"
        );
        assert_eq!(test_channels(), "'test_chat'");
        assert_eq!(
            migration.matches("channel != 'test_chat'").count(),
            mentions
        );
    }
}
