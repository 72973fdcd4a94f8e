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
pub(crate) fn sale_statuses() -> String {
    OrderStatus::ALL
        .into_iter()
        .filter(|s| counts_as_sale(*s))
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The channel names that are not counted in sales, as SQL literals.
pub(crate) fn test_channels() -> &'static str {
    debug_assert!(!counts_in_sales(OrderChannel::TestChat));
    "'test_chat'"
}

/// Orders by status, channel and how they were paid over a [`Span`]'s
/// parameters (its first hours, its last hours, its whole days), from the
/// totals (`rollups`): every figure but the items' and the hours' in one
/// pass.
pub(crate) const ORDER_TOTALS_SQL: &str = "SELECT status, channel, method, SUM(c), SUM(t) FROM (
       SELECT status, channel, method, order_count AS c, total_minor AS t
       FROM rollup_orders WHERE hour >= ?1 AND hour < ?2
       UNION ALL
       SELECT status, channel, method, order_count, total_minor
       FROM rollup_orders WHERE hour >= ?3 AND hour < ?4
       UNION ALL
       SELECT status, channel, method, order_count, total_minor
       FROM rollup_orders_day WHERE day >= ?5 AND day < ?6)
     GROUP BY 1, 2, 3";

/// Sales by local hour of the day (the offset, then the bounds in hours).
pub(crate) const SALE_HOURS_SQL: &str = "SELECT (hour + ?) % 24, SUM(order_count), SUM(total_minor)
     FROM rollup_sale_hours WHERE hour >= ? AND hour < ?
     GROUP BY 1";

/// Units and money per item over the period's sales (the rollup holds
/// sales only), over a [`Span`]'s parameters, under the item's name now
/// or, for an item gone from the catalogue, the name it was sold under.
/// Added up first, so each item's name is looked up once.
pub(crate) const TOP_ITEMS_SQL: &str =
    "SELECT r.item_id, COALESCE(i.name, r.name), r.qty, r.total_minor
     FROM (SELECT item_id, MAX(name) AS name, SUM(qty) AS qty, SUM(total_minor) AS total_minor
           FROM (SELECT item_id, name, qty, total_minor FROM rollup_items
                 WHERE hour >= ?1 AND hour < ?2
                 UNION ALL
                 SELECT item_id, name, qty, total_minor FROM rollup_items
                 WHERE hour >= ?3 AND hour < ?4
                 UNION ALL
                 SELECT item_id, name, qty, total_minor FROM rollup_items_day
                 WHERE day >= ?5 AND day < ?6)
           GROUP BY item_id HAVING SUM(qty) > 0) r
     LEFT JOIN items i ON i.id = r.item_id";

/// Sales alone, over a [`Span`]'s parameters.
pub(crate) fn sales_sql() -> String {
    let sale = format!(
        "status IN ({}) AND channel NOT IN ({})",
        sale_statuses(),
        test_channels()
    );
    format!(
        "SELECT COALESCE(SUM(c), 0), COALESCE(SUM(t), 0) FROM (
           SELECT order_count AS c, total_minor AS t FROM rollup_orders
           WHERE hour >= ?1 AND hour < ?2 AND {sale}
           UNION ALL
           SELECT order_count, total_minor FROM rollup_orders
           WHERE hour >= ?3 AND hour < ?4 AND {sale}
           UNION ALL
           SELECT order_count, total_minor FROM rollup_orders_day
           WHERE day >= ?5 AND day < ?6 AND {sale})"
    )
}

/// A period of hours as the totals are read: the whole UTC days inside it
/// from the day tables, the hours before the first and after the last
/// from the hour tables (a period shorter than a day: hours only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// Hours before the first whole day: `[start, first_end)`.
    first: (i64, i64),
    /// Hours after the last whole day: `[last_start, end)`.
    last: (i64, i64),
    /// Whole days: `[from, to)`.
    days: (i64, i64),
}

impl Span {
    pub(crate) fn of((start, end): (i64, i64)) -> Self {
        let from = start.div_euclid(24) + i64::from(start.rem_euclid(24) != 0);
        let to = end.div_euclid(24);
        if from < to {
            Span {
                first: (start, from * 24),
                last: (to * 24, end),
                days: (from, to),
            }
        } else {
            Span {
                first: (start, end),
                last: (end, end),
                days: (0, 0),
            }
        }
    }

    /// Its six parameters, in the order the queries number them.
    pub(crate) fn params(self) -> [i64; 6] {
        [
            self.first.0,
            self.first.1,
            self.last.0,
            self.last.1,
            self.days.0,
            self.days.1,
        ]
    }
}

/// Binds a [`Span`]'s parameters.
fn bind_span<'q, O>(
    mut q: sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments<'q>>,
    span: Span,
) -> sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments<'q>> {
    for p in span.params() {
        q = q.bind(p);
    }
    q
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
            refunds: Tally::zero(currency),
        };
        let bounds = hour_bounds(range, offset);
        order_totals(&mut tx, bounds, offset, &mut report).await?;
        top_items(&mut tx, bounds, currency, &mut report).await?;
        report.by_reseller = reseller_sales(&mut tx, bounds, currency).await?;
        report.refunds = refunds_given(&mut tx, bounds, currency).await?;
        given_back_after_cancelling(&mut tx, bounds, &mut report.cancelled_after_payment).await?;
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
    let rows: Vec<(String, String, String, i64, i64)> =
        bind_span(sqlx::query_as(ORDER_TOTALS_SQL), Span::of((start, end)))
            .fetch_all(&mut *tx)
            .await?;
    let hours: Vec<(i64, i64, i64)> = sqlx::query_as(SALE_HOURS_SQL)
        .bind(i64::from(offset_hours).rem_euclid(24))
        .bind(start)
        .bind(end)
        .fetch_all(&mut *tx)
        .await?;
    for (hour, orders, minor) in hours {
        let hour = usize::try_from(hour).map_err(|_| StoreError::BadRow("order"))?;
        if let Some(slot) = report.by_hour.get_mut(hour) {
            add(slot, orders, minor);
        }
    }
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
    for (status, channel, method, orders, minor) in rows {
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
    let rows: Vec<(String, String, i64, i64)> =
        bind_span(sqlx::query_as(TOP_ITEMS_SQL), Span::of((start, end)))
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
/// in it (never the test chat's), with the commission they earn. Read
/// reseller by reseller through their credits of the period (a credit is
/// written with its order), then each credit's order by its key: never the
/// period's other orders (the joins' order is forced: `CROSS JOIN`).
async fn reseller_sales(
    tx: &mut SqliteConnection,
    (start, end): (i64, i64),
    currency: Currency,
) -> Result<Vec<ResellerSales>, StoreError> {
    let rows: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(&reseller_sales_sql())
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

/// The split by reseller (the bounds in milliseconds).
pub(crate) fn reseller_sales_sql() -> String {
    format!(
        "SELECT r.id, r.name, COUNT(*), SUM({kept}), SUM({earned})
         FROM resellers r
         CROSS JOIN reseller_credits c
         CROSS JOIN orders o
         WHERE c.reseller_id = r.id AND c.at >= ? AND c.at < ? AND o.id = c.id
           AND o.channel NOT IN ({test}) AND {paid}
         GROUP BY r.id ORDER BY 4 DESC, 2",
        kept = crate::resellers::kept_sql("total_minor"),
        earned = crate::resellers::earned_sql(),
        test = test_channels(),
        paid = crate::orders::paid_sql("o")
    )
}

/// Money given back in the period (the bounds in hours) for orders that
/// count as sales: what comes off them. Refunds of cancelled orders are
/// not: a cancelled order was never a sale.
async fn refunds_given(
    tx: &mut SqliteConnection,
    (start, end): (i64, i64),
    currency: Currency,
) -> Result<Tally, StoreError> {
    let (count, minor): (i64, i64) = sqlx::query_as(&format!(
        "SELECT COUNT(*), COALESCE(SUM(r.amount_minor), 0)
         FROM refunds r JOIN orders o ON o.id = r.order_id
         WHERE r.at >= ? AND r.at < ? AND r.currency = ?
           AND o.channel NOT IN ({}) AND {}",
        test_channels(),
        crate::orders::paid_sql("o")
    ))
    .bind(start * HOUR_MS)
    .bind(end * HOUR_MS)
    .bind(currency.code())
    .fetch_one(&mut *tx)
    .await?;
    Ok(Tally {
        orders: count,
        amount: Money::from_minor(minor, currency),
    })
}

/// Takes what already went back off the period's orders cancelled after
/// their money came in: what is left is what is still owed back (an order
/// given all of it back is no longer counted).
async fn given_back_after_cancelling(
    tx: &mut SqliteConnection,
    (start, end): (i64, i64),
    owed: &mut Tally,
) -> Result<(), StoreError> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT o.total_minor, SUM(r.amount_minor)
         FROM refunds r JOIN orders o ON o.id = r.order_id
         WHERE o.status = 'cancelled' AND o.created_at >= ? AND o.created_at < ?
           AND o.channel NOT IN ({}) AND r.currency = ?
         GROUP BY o.id",
        test_channels()
    ))
    .bind(start * HOUR_MS)
    .bind(end * HOUR_MS)
    .bind(owed.amount.currency.code())
    .fetch_all(&mut *tx)
    .await?;
    for (total, given) in rows {
        owed.amount.minor -= given.min(total);
        if given >= total {
            owed.orders -= 1;
        }
    }
    Ok(())
}

/// Sales alone (for the period compared with).
async fn sales_tally(
    tx: &mut SqliteConnection,
    (start, end): (i64, i64),
    currency: Currency,
) -> Result<Tally, StoreError> {
    let sql = sales_sql();
    let (orders, minor): (i64, i64) = bind_span(sqlx::query_as(&sql), Span::of((start, end)))
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
