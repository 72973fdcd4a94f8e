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

use crate::store::{Store, StoreError};

/// The statements that rebuild both tables from the migration's views
/// (the rules the triggers follow), in order.
const REBUILD_SQL: [&str; 4] = [
    "DELETE FROM rollup_orders",
    "DELETE FROM rollup_items",
    "INSERT INTO rollup_orders (hour, status, channel, method, order_count, total_minor)
     SELECT hour, status, channel, method, COUNT(*), SUM(total_minor) FROM rollup_order_place
     GROUP BY 1, 2, 3, 4",
    "INSERT INTO rollup_items (hour, item_id, name, qty, total_minor)
     SELECT hour, item_id, MAX(name), SUM(qty), SUM(total_minor) FROM rollup_sale_lines
     GROUP BY 1, 2",
];

impl Store {
    /// Computes the report totals from the orders, lines and payments
    /// again, in one transaction (a repair: the triggers keep them
    /// current). Returns how many rows each table holds afterwards.
    pub async fn rebuild_report_totals(&self) -> Result<(i64, i64), StoreError> {
        let mut tx = self.write_tx().await?;
        for sql in REBUILD_SQL {
            sqlx::query(sql).execute(&mut *tx).await?;
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
    use super::testing::{assert_totals_rebuild_the_same, totals};
    use crate::reports::{sale_statuses, test_channels};
    use crate::store::testing::{sample_order, shop_store};
    use dukadesk_domain::order::OrderEvent;

    #[test]
    fn the_migration_counts_the_statuses_the_domain_counts_as_sales() {
        let migration = include_str!("../../../../migrations/local/0023_report_rollups.sql");
        let listed = format!("o.status IN ({})", sale_statuses());
        assert_eq!(migration.matches("status IN (").count(), 1);
        assert_eq!(migration.matches(&listed).count(), 1, "{listed}");
        assert_eq!(test_channels(), "'test_chat'");
        assert_eq!(migration.matches("o.channel != 'test_chat'").count(), 1);
    }

    #[tokio::test]
    async fn orders_paid_cancelled_and_removed_leave_the_totals_a_rebuild_makes() {
        let (_dir, store) = shop_store().await;
        let items = store.items(false).await.expect("items");
        let mut ids = Vec::new();
        for _ in 0..4 {
            let order = store
                .create_manual_order(&sample_order(&items), "till")
                .await
                .expect("order")
                .order;
            ids.push(order.id);
        }
        let (orders, lines) = totals(&store).await;
        assert!(!orders.is_empty() && !lines.is_empty());
        assert_totals_rebuild_the_same(&store).await;
        store
            .apply_order_event(ids[0], OrderEvent::Cancel, "till")
            .await
            .expect("cancel");
        assert_totals_rebuild_the_same(&store).await;
        // Removed as retention removes them: payments, then the orders
        // (their lines go by cascade).
        for id in &ids[1..3] {
            for sql in [
                "DELETE FROM payments WHERE order_id = ?",
                "DELETE FROM stock_movements WHERE order_id = ?",
                "DELETE FROM orders WHERE id = ?",
            ] {
                sqlx::query(sql)
                    .bind(id.to_string())
                    .execute(store.writer())
                    .await
                    .expect(sql);
            }
        }
        assert_totals_rebuild_the_same(&store).await;
        let (_, lines) = totals(&store).await;
        assert!(!lines.is_empty(), "the last sale still counts");
    }
}
