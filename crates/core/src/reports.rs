//! Sales reports over the local store: a few SQL aggregates, in one read
//! transaction, over the per-hour totals (`rollups`, kept by triggers in
//! the orders' own transactions) of the period's local days.
//!
//! What counts comes from the domain ([`dukadesk_domain::report`]): an
//! order is a sale when its status is paid or later and not cancelled; it
//! belongs to the local day (the shop country's offset) it was created on;
//! test-chat orders are counted apart. Amounts are added up by SQLite as
//! integers (minor units) and never pass through a float. Reports keep no
//! personal data: the totals hold none, and the one name shown (each
//! reseller's, beside their sales) is read from the reseller's row when the
//! report is asked for.

use crate::orders::parse_channel;
use crate::store::{parse_uuid, Store, StoreError};
use chrono::{DateTime, Utc};
use dukadesk_domain::order::{OrderChannel, OrderStatus};
use dukadesk_domain::payment::PaymentMethod;
use dukadesk_domain::report::{
    awaits_payment, counts_as_sale, counts_in_sales, local_today, ChannelSplit, ItemSales,
    LocalRange, PaymentSplit, ReportPeriod, ResellerSales, SalesPaymentKind, SalesReport, Tally,
    TOP_ITEMS,
};
use dukadesk_domain::{Currency, ItemId, Money, ResellerId};
use sqlx::SqliteConnection;

const HOUR_MS: i64 = 3_600_000;

/// `'paid', 'preparing', …`: the statuses that make a sale, as SQL literals
/// (static names from the domain, never input).
fn sale_statuses() -> String {
    OrderStatus::ALL
        .into_iter()
        .filter(|s| counts_as_sale(*s))
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The channel names that are not counted in sales, as SQL literals.
fn test_channels() -> &'static str {
    debug_assert!(!counts_in_sales(OrderChannel::TestChat));
    "'test_chat'"
}

/// Orders by status, channel, how they were paid and local hour (the
/// offset in hours, then the bounds in hours), from the per-hour totals
/// (`rollups`): every figure but the items' in one pass.
pub(crate) const ORDER_TOTALS_SQL: &str =
    "SELECT status, channel, method, (hour + ?) % 24, SUM(order_count), SUM(total_minor)
     FROM rollup_orders WHERE hour >= ? AND hour < ?
     GROUP BY 1, 2, 3, 4";

/// Units and money per item over the period's sales (the rollup holds
/// sales only), under the item's name now or, for an item gone from the
/// catalogue, the name it was sold under.
/// Added up first, so each item's name is looked up once.
pub(crate) const TOP_ITEMS_SQL: &str =
    "SELECT r.item_id, COALESCE(i.name, r.name), r.qty, r.total_minor
     FROM (SELECT item_id, MAX(name) AS name, SUM(qty) AS qty, SUM(total_minor) AS total_minor
           FROM rollup_items WHERE hour >= ? AND hour < ?
           GROUP BY item_id HAVING SUM(qty) > 0) r
     LEFT JOIN items i ON i.id = r.item_id";

/// Sales alone.
pub(crate) fn sales_sql() -> String {
    format!(
        "SELECT COALESCE(SUM(order_count), 0), COALESCE(SUM(total_minor), 0) FROM rollup_orders
         WHERE hour >= ? AND hour < ?
           AND status IN ({}) AND channel NOT IN ({})",
        sale_statuses(),
        test_channels()
    )
}

/// The period as a range of UTC hours since the epoch (a shop's local
/// days start on whole UTC hours).
fn hour_bounds(range: LocalRange, offset_hours: i32) -> (i64, i64) {
    let (start, end) = range.utc_bounds(offset_hours);
    (
        start.timestamp_millis().div_euclid(HOUR_MS),
        end.timestamp_millis().div_euclid(HOUR_MS),
    )
}

impl Store {
    /// The sales report for `period`, with the shop's local day at `now`
    /// deciding what "today" is.
    pub async fn sales_report(
        &self,
        period: ReportPeriod,
        now: DateTime<Utc>,
    ) -> Result<SalesReport, StoreError> {
        let shop = self.require_shop().await?;
        let offset = shop.country.utc_offset_hours();
        let (range, previous_range) = period
            .resolve(local_today(now, offset))
            .map_err(StoreError::Invalid)?;
        let currency = shop.currency;
        // One read transaction: every figure comes from the same snapshot.
        let mut tx = self.pool().begin().await?;
        let mut report = SalesReport {
            period,
            range,
            previous_range,
            comparison: period.comparison(range),
            sales: Tally::zero(currency),
            previous: Tally::zero(currency),
            awaiting_payment: Tally::zero(currency),
            cancelled: Tally::zero(currency),
            cancelled_after_payment: Tally::zero(currency),
            test_orders: 0,
            by_payment: Vec::new(),
            by_channel: Vec::new(),
            top_by_qty: Vec::new(),
            top_by_revenue: Vec::new(),
            by_hour: vec![Tally::zero(currency); 24],
            by_reseller: Vec::new(),
        };
        let bounds = hour_bounds(range, offset);
        order_totals(&mut tx, bounds, offset, &mut report).await?;
        top_items(&mut tx, bounds, currency, &mut report).await?;
        report.by_reseller = reseller_sales(&mut tx, bounds, currency).await?;
        report.previous =
            sales_tally(&mut tx, hour_bounds(previous_range, offset), currency).await?;
        tx.commit().await?;
        Ok(report)
    }
}

fn add(t: &mut Tally, orders: i64, minor: i64) {
    t.orders += orders;
    t.amount.minor += minor;
}

/// Orders by status, channel, payment method and local hour: sales,
/// channels, hours, how sales were paid (the order's first received
/// payment), awaiting payment, cancelled (and those whose money had been
/// received) and test orders.
async fn order_totals(
    tx: &mut SqliteConnection,
    (start, end): (i64, i64),
    offset_hours: i32,
    report: &mut SalesReport,
) -> Result<(), StoreError> {
    let rows: Vec<(String, String, String, i64, i64, i64)> = sqlx::query_as(ORDER_TOTALS_SQL)
        .bind(i64::from(offset_hours).rem_euclid(24))
        .bind(start)
        .bind(end)
        .fetch_all(&mut *tx)
        .await?;
    let currency = report.sales.amount.currency;
    let mut channels = [
        ChannelSplit {
            channel: OrderChannel::Till,
            sales: Tally::zero(currency),
        },
        ChannelSplit {
            channel: OrderChannel::WhatsApp,
            sales: Tally::zero(currency),
        },
    ];
    let mut splits: Vec<PaymentSplit> = SalesPaymentKind::ALL
        .into_iter()
        .map(|kind| PaymentSplit {
            kind,
            sales: Tally::zero(currency),
        })
        .collect();
    for (status, channel, method, hour, orders, minor) in rows {
        let status = OrderStatus::parse(&status).ok_or(StoreError::BadRow("order"))?;
        let channel = parse_channel(&channel);
        if !counts_in_sales(channel) {
            report.test_orders += orders;
            continue;
        }
        // '' when no payment was received.
        let method = PaymentMethod::parse(&method);
        if counts_as_sale(status) {
            add(&mut report.sales, orders, minor);
            let hour = usize::try_from(hour).map_err(|_| StoreError::BadRow("order"))?;
            if let Some(slot) = report.by_hour.get_mut(hour) {
                add(slot, orders, minor);
            }
            if let Some(split) = channels.iter_mut().find(|c| c.channel == channel) {
                add(&mut split.sales, orders, minor);
            }
            let kind = SalesPaymentKind::of(method);
            if let Some(split) = splits.iter_mut().find(|s| s.kind == kind) {
                add(&mut split.sales, orders, minor);
            }
        } else if awaits_payment(status) {
            add(&mut report.awaiting_payment, orders, minor);
        } else {
            add(&mut report.cancelled, orders, minor);
            if method.is_some() {
                add(&mut report.cancelled_after_payment, orders, minor);
            }
        }
    }
    report.by_channel = channels.into();
    report.by_payment = splits;
    Ok(())
}

/// Units and money per item over the period's sales; the top few by each.
async fn top_items(
    tx: &mut SqliteConnection,
    (start, end): (i64, i64),
    currency: Currency,
    report: &mut SalesReport,
) -> Result<(), StoreError> {
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(TOP_ITEMS_SQL)
        .bind(start)
        .bind(end)
        .fetch_all(&mut *tx)
        .await?;
    let mut items = rows
        .into_iter()
        .map(|(id, name, qty, minor)| {
            Ok(ItemSales {
                item_id: ItemId(parse_uuid(&id, "order line")?),
                name,
                qty,
                revenue: Money::from_minor(minor, currency),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    items.sort_by(|a, b| {
        (b.qty, b.revenue.minor)
            .cmp(&(a.qty, a.revenue.minor))
            .then_with(|| a.name.cmp(&b.name))
    });
    report.top_by_qty = items.iter().take(TOP_ITEMS).cloned().collect();
    items.sort_by(|a, b| {
        (b.revenue.minor, b.qty)
            .cmp(&(a.revenue.minor, a.qty))
            .then_with(|| a.name.cmp(&b.name))
    });
    items.truncate(TOP_ITEMS);
    report.top_by_revenue = items;
    Ok(())
}

/// Each reseller's sales in the period: the paid orders credited to them
/// (never the test chat's), with the commission they earn. Read from the
/// credits, which only resellers' orders have.
async fn reseller_sales(
    tx: &mut SqliteConnection,
    (start, end): (i64, i64),
    currency: Currency,
) -> Result<Vec<ResellerSales>, StoreError> {
    let rows: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(&format!(
        "SELECT r.id, r.name, COUNT(*), SUM(o.total_minor), SUM(c.commission_minor)
         FROM reseller_credits c
         JOIN orders o ON o.id = c.id
         JOIN resellers r ON r.id = c.reseller_id
         WHERE o.created_at >= ? AND o.created_at < ? AND o.channel NOT IN ({})
           AND {}
         GROUP BY r.id ORDER BY 4 DESC, 2",
        test_channels(),
        crate::orders::paid_sql("o")
    ))
    .bind(start * HOUR_MS)
    .bind(end * HOUR_MS)
    .fetch_all(&mut *tx)
    .await?;
    rows.into_iter()
        .map(|(id, name, orders, minor, commission)| {
            Ok(ResellerSales {
                reseller_id: ResellerId(parse_uuid(&id, "reseller")?),
                name,
                sales: Tally {
                    orders,
                    amount: Money::from_minor(minor, currency),
                },
                commission: Money::from_minor(commission, currency),
            })
        })
        .collect()
}

/// Sales alone (for the period compared with).
async fn sales_tally(
    tx: &mut SqliteConnection,
    (start, end): (i64, i64),
    currency: Currency,
) -> Result<Tally, StoreError> {
    let sql = sales_sql();
    let (orders, minor): (i64, i64) = sqlx::query_as(&sql)
        .bind(start)
        .bind(end)
        .fetch_one(&mut *tx)
        .await?;
    Ok(Tally {
        orders,
        amount: Money::from_minor(minor, currency),
    })
}

pub mod rollups;

#[cfg(test)]
mod tests;
