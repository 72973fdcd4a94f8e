//! The per-hour totals sales reports read (local migration 0023):
//! `rollup_orders` (orders by UTC hour, status, channel and how they were
//! paid) and `rollup_items` (units and money per item and hour, sales
//! only). Triggers keep them current in the same transaction as every
//! change to orders, their lines and payments, whoever makes it (the till,
//! the bot, a payment's outcome, sync, retention); a month's report then
//! reads a few thousand rows instead of every order and line.
//!
//! Beside them (local migration 0026), kept from them by triggers on them:
//! `rollup_orders_day` and `rollup_items_day` (the same by UTC day) and
//! `rollup_sale_hours` (sales alone by hour, for the chart by hour of the
//! day); long periods read their whole days from these.
//!
//! [`Store::rebuild_report_totals`] computes them all from the rows again
//! with the same rules; the tests hold the triggers to it after random
//! work.

use crate::store::{Store, StoreError};

/// The statements that rebuild both tables from the migration's views
/// (the rules the triggers follow), in order.
/// The day tables are emptied first, so the hour tables' deletes find
/// nothing to take from them, and filled again by the hour tables'
/// inserts (their triggers).
const REBUILD_SQL: [&str; 7] = [
    "DELETE FROM rollup_orders_day",
    "DELETE FROM rollup_items_day",
    "DELETE FROM rollup_sale_hours",
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
    pub async fn totals(store: &Store) -> (Vec<String>, Vec<String>, Vec<String>) {
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
        // The day tables, and what the hour tables add up to by day: the
        // same, or the triggers between them lost something.
        let days: Vec<(i64, String, String, String, i64, i64)> = sqlx::query_as(
            "SELECT day, status, channel, method, order_count, total_minor FROM rollup_orders_day
             WHERE order_count != 0 OR total_minor != 0 ORDER BY 1, 2, 3, 4",
        )
        .fetch_all(store.pool())
        .await
        .expect("day totals");
        let from_hours: Vec<(i64, String, String, String, i64, i64)> = sqlx::query_as(
            "SELECT hour / 24, status, channel, method, SUM(order_count), SUM(total_minor)
             FROM rollup_orders GROUP BY 1, 2, 3, 4
             HAVING SUM(order_count) != 0 OR SUM(total_minor) != 0 ORDER BY 1, 2, 3, 4",
        )
        .fetch_all(store.pool())
        .await
        .expect("hours by day");
        assert_eq!(days, from_hours, "the orders' day totals");
        let item_days: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT day, item_id, qty, total_minor FROM rollup_items_day
             WHERE qty != 0 OR total_minor != 0 ORDER BY 1, 2",
        )
        .fetch_all(store.pool())
        .await
        .expect("item day totals");
        let item_hours: Vec<(i64, String, i64, i64)> = sqlx::query_as(
            "SELECT hour / 24, item_id, SUM(qty), SUM(total_minor) FROM rollup_items
             GROUP BY 1, 2 HAVING SUM(qty) != 0 OR SUM(total_minor) != 0 ORDER BY 1, 2",
        )
        .fetch_all(store.pool())
        .await
        .expect("item hours by day");
        assert_eq!(item_days, item_hours, "the items' day totals");
        let sale_hours: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT hour, order_count, total_minor FROM rollup_sale_hours
             WHERE order_count != 0 OR total_minor != 0 ORDER BY 1",
        )
        .fetch_all(store.pool())
        .await
        .expect("sale hours");
        let sales: Vec<(i64, i64, i64)> = sqlx::query_as(&format!(
            "SELECT hour, SUM(order_count), SUM(total_minor) FROM rollup_orders
             WHERE status IN ({}) AND channel NOT IN ({})
             GROUP BY 1 HAVING SUM(order_count) != 0 OR SUM(total_minor) != 0 ORDER BY 1",
            crate::reports::sale_statuses(),
            crate::reports::test_channels()
        ))
        .fetch_all(store.pool())
        .await
        .expect("sales by hour");
        assert_eq!(sale_hours, sales, "the sales by hour");
        (
            orders.iter().map(|r| format!("{r:?}")).collect(),
            items.iter().map(|r| format!("{r:?}")).collect(),
            days.iter().map(|r| format!("{r:?}")).collect(),
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
        // The sales by hour (0026) follow the same rule, written in each
        // of its four places.
        let days = include_str!("../../../../migrations/local/0026_report_days.sql");
        let listed = format!("status IN ({})", sale_statuses());
        assert_eq!(days.matches("status IN (").count(), 4);
        assert_eq!(days.matches(&listed).count(), 4, "{listed}");
        assert_eq!(days.matches("channel != 'test_chat'").count(), 4);
    }

    #[test]
    fn a_period_reads_its_whole_days_and_the_hours_at_either_end() {
        use crate::reports::Span;
        // Kenya's local 9 to 11 March: 8 March 21:00 UTC to 11 March 21:00.
        let day = |d: i64| d * 24;
        let span = Span::of((day(100) - 3, day(103) - 3));
        assert_eq!(
            span.params(),
            [day(100) - 3, day(100), day(102), day(103) - 3, 100, 102]
        );
        // Whole UTC days: all days, no hours.
        assert_eq!(
            Span::of((day(100), day(102))).params(),
            [day(100), day(100), day(102), day(102), 100, 102]
        );
        // Shorter than a whole UTC day: hours only.
        assert_eq!(
            Span::of((day(100) - 3, day(101) - 3)).params(),
            [day(100) - 3, day(101) - 3, day(101) - 3, day(101) - 3, 0, 0]
        );
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
        let (orders, lines, _) = totals(&store).await;
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
                "DELETE FROM refunds WHERE order_id = ?",
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
        let (_, lines, _) = totals(&store).await;
        assert!(!lines.is_empty(), "the last sale still counts");
    }
}
