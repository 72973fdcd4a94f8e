//! Reports over orders made through the store itself, at pinned times on
//! two local days in Nairobi (UTC+3), including the hours where the local
//! date and the UTC date differ.

use crate::clock::{Clock, ManualClock};
use crate::store::testing::{set_up_shop, test_key_source};
use crate::store::{Store, StoreError};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use dukadesk_domain::catalogue::Item;
use dukadesk_domain::order::{
    ManualLineInput, ManualOrderInput, OrderChannel, OrderEvent, TillPayment,
};
use dukadesk_domain::report::{ReportPeriod, SalesPaymentKind, SalesReport, Tally};
use dukadesk_domain::{Currency, Money, OrderId};
use std::sync::Arc;

fn utc(month: u32, day: u32, hour: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, hour, min, 0)
        .single()
        .expect("time")
}

fn kes(minor: i64) -> Money {
    Money::from_minor(minor, Currency::KES)
}

fn tally(orders: i64, minor: i64) -> Tally {
    Tally {
        orders,
        amount: kes(minor),
    }
}

struct Shop {
    _dir: tempfile::TempDir,
    store: Store,
    clock: ManualClock,
    sukuma: Item,
    unga: Item,
}

impl Shop {
    async fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let clock = ManualClock::new(utc(3, 1, 6, 0));
        let store =
            Store::open_with_clock(&dir.path().join("dukadesk.db"), Arc::new(clock.clone()))
                .await
                .expect("open");
        let vault = crate::vault::Vault::unlock(&store, &test_key_source())
            .await
            .expect("vault");
        store.attach_vault(vault).await.expect("attach");
        set_up_shop(&store).await;
        let items = store.items(false).await.expect("items");
        let find = |name: &str| {
            items
                .iter()
                .find(|i| i.name == name)
                .cloned()
                .expect("item")
        };
        Self {
            sukuma: find("Sukuma wiki"), // KES 30
            unga: find("Unga 2kg"),      // KES 210
            _dir: dir,
            store,
            clock,
        }
    }

    /// A till order at `at` (UTC) of `(item, qty)` lines.
    async fn order(
        &self,
        at: DateTime<Utc>,
        lines: &[(&Item, u32)],
        payment: TillPayment,
    ) -> OrderId {
        self.clock.advance(at - self.clock.now());
        let input = ManualOrderInput {
            lines: lines
                .iter()
                .map(|(item, qty)| ManualLineInput {
                    item_id: item.id,
                    qty: *qty,
                    label: None,
                })
                .collect(),
            payment,
            ..Default::default()
        };
        self.store
            .create_manual_order(&input, "till")
            .await
            .expect("order")
            .order
            .id
    }

    async fn cancel(&self, id: OrderId) {
        self.store
            .apply_order_event(id, OrderEvent::Cancel, "till")
            .await
            .expect("cancel");
    }

    /// Rewrites where an order came from and how it was paid, for what the
    /// till cannot type in (a WhatsApp order paid by an STK prompt, a
    /// test-chat order).
    async fn reroute(&self, id: OrderId, channel: &str, method: Option<&str>) {
        sqlx::query("UPDATE orders SET channel = ? WHERE id = ?")
            .bind(channel)
            .bind(id.to_string())
            .execute(self.store.writer())
            .await
            .expect("channel");
        if let Some(method) = method {
            sqlx::query("UPDATE payments SET method = ? WHERE order_id = ?")
                .bind(method)
                .bind(id.to_string())
                .execute(self.store.writer())
                .await
                .expect("method");
        }
    }

    async fn report(&self, period: ReportPeriod) -> SalesReport {
        // What the triggers kept is what the rows say.
        super::rollups::testing::assert_totals_rebuild_the_same(&self.store).await;
        // 10:00 on Wednesday 11 March in Nairobi.
        self.store
            .sales_report(period, utc(3, 11, 7, 0))
            .await
            .expect("report")
    }
}

/// Two local days of orders:
///
/// Tuesday 10 March (local): A 08:15 cash 2 × Sukuma (60); C 12:00 cash
/// Unga (210), then cancelled; B 23:30 M-Pesa code Unga (210), which is
/// 20:30 UTC.
/// Wednesday 11 March (local): D 01:30 cash 3 × Sukuma + Unga (300), which
/// is 22:30 UTC on the 10th; E 09:10 M-Pesa code Sukuma (30); I 09:20 a
/// WhatsApp order paid by STK, 2 × Unga (420); F 09:40 unpaid Unga (210);
/// G 09:50 unpaid Sukuma (30), cancelled; H 09:55 a test-chat order of
/// 5 × Sukuma (150).
async fn two_days() -> Shop {
    let shop = Shop::new().await;
    let (s, u) = (&shop.sukuma.clone(), &shop.unga.clone());
    let code = |c: &str| TillPayment::MpesaReceipt(c.into());
    shop.order(utc(3, 10, 5, 15), &[(s, 2)], TillPayment::Cash)
        .await;
    let c = shop
        .order(utc(3, 10, 9, 0), &[(u, 1)], TillPayment::Cash)
        .await;
    shop.cancel(c).await;
    shop.order(utc(3, 10, 20, 30), &[(u, 1)], code("QFT4ABC12B"))
        .await;
    shop.order(utc(3, 10, 22, 30), &[(s, 3), (u, 1)], TillPayment::Cash)
        .await;
    shop.order(utc(3, 11, 6, 10), &[(s, 1)], code("QFT4ABC12E"))
        .await;
    let i = shop
        .order(utc(3, 11, 6, 20), &[(u, 2)], TillPayment::Cash)
        .await;
    shop.reroute(i, "whatsapp", Some("mpesa_daraja")).await;
    shop.order(utc(3, 11, 6, 40), &[(u, 1)], TillPayment::Unpaid)
        .await;
    let g = shop
        .order(utc(3, 11, 6, 50), &[(s, 1)], TillPayment::Unpaid)
        .await;
    shop.cancel(g).await;
    let h = shop
        .order(utc(3, 11, 6, 55), &[(s, 5)], TillPayment::Cash)
        .await;
    shop.reroute(h, "test_chat", Some("simulated")).await;
    shop
}

#[tokio::test]
async fn today_counts_paid_orders_of_the_local_day() {
    let shop = two_days().await;
    let r = shop.report(ReportPeriod::Today).await;
    let day = NaiveDate::from_ymd_opt(2026, 3, 11).expect("date");
    assert_eq!((r.range.from, r.range.to), (day, day));
    assert_eq!(r.comparison, "vs yesterday");
    // D (01:30 local, still the 10th in UTC), E and I; not the unpaid F, the
    // cancelled G or the test order H.
    assert_eq!(r.sales, tally(3, 75_000));
    assert_eq!(r.sales.average(), Some(kes(25_000)));
    assert_eq!(r.awaiting_payment, tally(1, 21_000));
    assert_eq!(r.cancelled, tally(1, 3_000));
    assert_eq!(r.cancelled_after_payment, tally(0, 0));
    assert_eq!(r.test_orders, 1);
    // Yesterday: A and B (23:30 local); the cancelled C is not a sale.
    assert_eq!(r.previous, tally(2, 27_000));
}

#[tokio::test]
async fn sales_split_by_payment_and_channel_add_up() {
    let shop = two_days().await;
    let r = shop.report(ReportPeriod::Today).await;
    let by_kind: Vec<(SalesPaymentKind, Tally)> =
        r.by_payment.iter().map(|p| (p.kind, p.sales)).collect();
    assert_eq!(
        by_kind,
        [
            (SalesPaymentKind::MpesaPrompt, tally(1, 42_000)),
            (SalesPaymentKind::MpesaManual, tally(1, 3_000)),
            (SalesPaymentKind::Cash, tally(1, 30_000)),
            (SalesPaymentKind::Credit, tally(0, 0)),
            (SalesPaymentKind::NotRecorded, tally(0, 0)),
        ]
    );
    let by_channel: Vec<(OrderChannel, Tally)> =
        r.by_channel.iter().map(|c| (c.channel, c.sales)).collect();
    assert_eq!(
        by_channel,
        [
            (OrderChannel::Till, tally(2, 33_000)),
            (OrderChannel::WhatsApp, tally(1, 42_000)),
        ]
    );
    for splits in [
        r.by_payment.iter().map(|p| p.sales).collect::<Vec<_>>(),
        r.by_channel.iter().map(|c| c.sales).collect(),
        r.by_hour.clone(),
    ] {
        let orders: i64 = splits.iter().map(|t| t.orders).sum();
        let minor: i64 = splits.iter().map(|t| t.amount.minor).sum();
        assert_eq!(tally(orders, minor), r.sales);
    }
}

#[tokio::test]
async fn hours_are_local_hours() {
    let shop = two_days().await;
    let r = shop.report(ReportPeriod::Today).await;
    assert_eq!(r.by_hour.len(), 24);
    let busy: Vec<(usize, Tally)> = r
        .by_hour
        .iter()
        .enumerate()
        .filter(|(_, t)| t.orders > 0)
        .map(|(h, t)| (h, *t))
        .collect();
    assert_eq!(busy, [(1, tally(1, 30_000)), (9, tally(2, 45_000))]);
    let y = shop.report(ReportPeriod::Yesterday).await;
    let busy: Vec<(usize, i64)> = y
        .by_hour
        .iter()
        .enumerate()
        .filter(|(_, t)| t.orders > 0)
        .map(|(h, t)| (h, t.amount.minor))
        .collect();
    assert_eq!(busy, [(8, 6_000), (23, 21_000)]);
}

#[tokio::test]
async fn top_items_rank_by_units_and_by_money() {
    let shop = two_days().await;
    let r = shop.report(ReportPeriod::Today).await;
    let by_qty: Vec<(&str, i64, i64)> = r
        .top_by_qty
        .iter()
        .map(|i| (i.name.as_str(), i.qty, i.revenue.minor))
        .collect();
    // Sukuma: D 3 + E 1 (not G's cancelled one or H's test five).
    assert_eq!(
        by_qty,
        [("Sukuma wiki", 4, 12_000), ("Unga 2kg", 3, 63_000)]
    );
    let by_money: Vec<&str> = r.top_by_revenue.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(by_money, ["Unga 2kg", "Sukuma wiki"]);
    assert_eq!(r.top_by_qty[0].item_id, shop.sukuma.id);
}

#[tokio::test]
async fn yesterday_shows_money_to_give_back_for_a_cancelled_paid_order() {
    let shop = two_days().await;
    let r = shop.report(ReportPeriod::Yesterday).await;
    assert_eq!(r.sales, tally(2, 27_000));
    assert_eq!(r.cancelled, tally(1, 21_000));
    assert_eq!(r.cancelled_after_payment, tally(1, 21_000));
    assert_eq!(r.previous, tally(0, 0));
    assert_eq!(r.comparison, "vs the day before");
}

#[tokio::test]
async fn the_week_holds_both_days() {
    let shop = two_days().await;
    let r = shop.report(ReportPeriod::ThisWeek).await;
    assert_eq!(r.range.days(), 3); // Monday 9th to Wednesday 11th
    assert_eq!(r.sales, tally(5, 102_000));
    let custom = shop
        .report(ReportPeriod::Custom {
            from: NaiveDate::from_ymd_opt(2026, 3, 10).expect("date"),
            to: NaiveDate::from_ymd_opt(2026, 3, 11).expect("date"),
        })
        .await;
    assert_eq!(custom.sales, r.sales);
    assert_eq!(custom.comparison, "vs the 2 days before");
}

#[tokio::test]
async fn a_backwards_range_is_refused_beside_the_field() {
    let shop = Shop::new().await;
    let err = shop
        .store
        .sales_report(
            ReportPeriod::Custom {
                from: NaiveDate::from_ymd_opt(2026, 3, 11).expect("date"),
                to: NaiveDate::from_ymd_opt(2026, 3, 10).expect("date"),
            },
            utc(3, 11, 7, 0),
        )
        .await
        .expect_err("backwards");
    assert!(matches!(err, StoreError::Invalid(f) if f[0].field == "to"));
}

/// SQLite's plan for `sql`, its `params` bound to zero: one line a step.
async fn query_plan(store: &crate::store::Store, sql: &str, params: usize) -> Vec<String> {
    let explain = format!("EXPLAIN QUERY PLAN {sql}");
    let mut q = sqlx::query_as::<_, (i64, i64, i64, String)>(&explain);
    for _ in 0..params {
        q = q.bind(0_i64);
    }
    q.fetch_all(store.pool())
        .await
        .expect("plan")
        .into_iter()
        .map(|p| p.3)
        .collect()
}

#[tokio::test]
async fn every_report_query_reads_a_range_of_hours_of_the_totals() {
    let shop = Shop::new().await;
    let queries = [
        (super::ORDER_TOTALS_SQL.to_owned(), 6),
        (super::SALE_HOURS_SQL.to_owned(), 3),
        (super::TOP_ITEMS_SQL.to_owned(), 6),
        (super::sales_sql(), 6),
    ];
    for (sql, params) in queries {
        let plan = query_plan(&shop.store, &sql, params).await;
        // The period's totals come from a range of the totals' key; no
        // order or line is read, and nothing walks a whole table.
        assert!(
            plan.iter()
                .any(|l| l.starts_with("SEARCH")
                    && l.contains("USING PRIMARY KEY (hour>? AND hour<?)")),
            "{sql}\n{plan:?}"
        );
        assert!(
            !plan
                .iter()
                .any(|l| l.contains(" orders") || l.contains("order_items")),
            "{sql}\n{plan:?}"
        );
        // (`SCAN r`, `SCAN (subquery-n)`: sums and unions made above
        // from those ranges.)
        assert!(
            !plan.iter().any(|l| l.starts_with("SCAN")
                && !l.contains("INDEX")
                && l != "SCAN r"
                && !l.starts_with("SCAN (subquery")),
            "{sql}\n{plan:?}"
        );
    }
}

/// The split by reseller reads each reseller's credits of the period and
/// their orders by key, never the period's orders themselves (a month of a
/// busy shop would be tens of thousands of rows).
#[tokio::test]
async fn the_split_by_reseller_reads_the_credits_not_the_orders() {
    let shop = Shop::new().await;
    let plan = query_plan(&shop.store, &super::reseller_sales_sql(), 2).await;
    assert!(
        plan.iter()
            .any(|l| l.starts_with("SEARCH c USING INDEX reseller_credits_reseller")),
        "{plan:?}"
    );
    assert!(
        plan.iter()
            .any(|l| l.starts_with("SEARCH o USING") && l.contains("(id=?)")),
        "{plan:?}"
    );
    assert!(!plan.iter().any(|l| l.starts_with("SCAN o")), "{plan:?}");
}
