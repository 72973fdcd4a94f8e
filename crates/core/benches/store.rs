//! Store benchmarks, printed as ratios against baselines measured in the same
//! run (the machines are shared and noisy, so absolute figures mean little).
//!
//! 1. Committing a till order through the app layer (validation, stock,
//!    history, payment, outbox: one transaction) against a bare insert of the
//!    same rows and bytes with plain SQL on one connection to an identically
//!    configured database, the two interleaved order by order (1,000 each;
//!    DUKADESK_BENCH_COMMITS); medians compared. Target: at least 0.7x the
//!    bare throughput.
//! 2. Listing the newest 50 orders with a status filter in a store of
//!    1,000,000 orders (override with DUKADESK_BENCH_ORDERS). Target: p95
//!    under 20 ms.
//! 3. The Reports page's month (`Store::sales_report`, This month: totals,
//!    payment kinds, channels, hours, top items, the month before) over the
//!    same 1,000,000 orders spread over a year (about 85,000 in the month),
//!    against a plain `SELECT count(*) FROM orders` over the whole table and
//!    a plain count and sum of the month's orders, on the same file in the
//!    same run. Target: at most 5x the month's count and sum; the whole
//!    year's report under 100 ms. Also printed: opening the store to a
//!    usable queue (target 300 ms), rebuilding the report totals, and the
//!    integrity check that runs after start-up.

use dukadesk_core::Store;
use dukadesk_domain::catalogue::ItemInput;
use dukadesk_domain::ipc::OrderQuery;
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, OrderStatus, TillPayment};
use dukadesk_domain::report::{counts_as_sale, ReportPeriod};
use dukadesk_domain::shop::ShopInput;
use dukadesk_domain::Country;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

struct AppSide {
    _dir: tempfile::TempDir,
    store: Store,
    input: ManualOrderInput,
}

async fn app_side() -> AppSide {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("app.db")).await.expect("open");
    store
        .save_shop(&ShopInput {
            name: "Bench Shop".into(),
            ..Default::default()
        })
        .await
        .expect("shop");
    for (name, price) in [("Sukuma", "30"), ("Unga", "210")] {
        store
            .save_item(&ItemInput {
                name: name.into(),
                price: price.into(),
                stock: "100000000".into(),
                ..Default::default()
            })
            .await
            .expect("item");
    }
    let items = store.items(false).await.expect("items");
    let input = ManualOrderInput {
        lines: items
            .iter()
            .map(|i| ManualLineInput {
                item_id: i.id,
                qty: 1,
                label: None,
            })
            .collect(),
        payment: TillPayment::Cash,
        ..Default::default()
    };
    AppSide {
        _dir: dir,
        store,
        input,
    }
}

impl AppSide {
    /// The payloads the app wrote for its first order.
    async fn payloads(&self) -> Payloads {
        let mut payloads = Payloads::default();
        for row in self.store.outbox_pending(i64::MAX).await.expect("outbox") {
            let slot = match row.entity.as_str() {
                "item" => &mut payloads.item,
                "payment" => &mut payloads.payment,
                "order" => &mut payloads.order,
                _ => continue,
            };
            if slot.is_empty() {
                *slot = row.payload;
            }
        }
        payloads
    }
}

/// One order's outbox payloads as the app wrote them (item, item, payment,
/// order), so the bare baseline writes the same bytes.
#[derive(Clone, Default)]
struct Payloads {
    item: String,
    payment: String,
    order: String,
}

async fn bare_side(dir: &tempfile::TempDir) -> SqliteConnection {
    let path = dir.path().join("bare.db");
    let mut conn = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .connect()
        .await
        .expect("open bare");
    dukadesk_core::store::MIGRATOR
        .run(&mut conn)
        .await
        .expect("schema");
    sqlx::query("INSERT INTO items (id, name, price_minor, currency, kind, stock, updated_at) VALUES ('i1', 'Sukuma', 3000, 'KES', 'physical', 100000000, 0), ('i2', 'Unga', 21000, 'KES', 'physical', 100000000, 0)")
        .execute(&mut conn)
        .await
        .expect("items");
    conn
}

async fn insert_bare(conn: &mut SqliteConnection, i: usize, payloads: &Payloads) {
    let mut tx = conn.begin().await.expect("begin");
    let id = format!("o{i}");
    sqlx::query("UPDATE counters SET value = value + 1 WHERE name = 'order_number'")
        .execute(&mut *tx)
        .await
        .expect("counter");
    sqlx::query("INSERT INTO orders (id, number, channel, fulfilment, subtotal_minor, delivery_fee_minor, total_minor, currency, status, created_at, updated_at) VALUES (?, ?, 'till', 'pickup', 24000, 0, 24000, 'KES', 'paid', 0, 0)")
        .bind(&id).bind(i as i64).execute(&mut *tx).await.expect("order");
    for (pos, (item, price)) in [("i1", 3000i64), ("i2", 21000)].into_iter().enumerate() {
        sqlx::query("INSERT INTO order_items (id, order_id, position, item_id, name, unit_price_minor, qty, total_minor) VALUES (?, ?, ?, ?, 'x', ?, 1, ?)")
            .bind(format!("{id}-{pos}")).bind(&id).bind(pos as i64).bind(item).bind(price).bind(price)
            .execute(&mut *tx).await.expect("line");
        sqlx::query("UPDATE items SET stock = stock - 1 WHERE id = ?")
            .bind(item)
            .execute(&mut *tx)
            .await
            .expect("stock");
        sqlx::query("INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES ('item', ?, 'upsert', ?, 0)")
            .bind(item).bind(&payloads.item).execute(&mut *tx).await.expect("outbox");
    }
    for to in ["draft", "paid"] {
        sqlx::query(
            "INSERT INTO order_events (order_id, to_status, actor, at) VALUES (?, ?, 'bench', 0)",
        )
        .bind(&id)
        .bind(to)
        .execute(&mut *tx)
        .await
        .expect("event");
    }
    sqlx::query("INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES ('order', ?, 'upsert', ?, 0)")
        .bind(&id).bind(&payloads.order).execute(&mut *tx).await.expect("outbox");
    sqlx::query("INSERT INTO payments (id, order_id, method, amount_minor, currency, state, created_at, updated_at) VALUES (?, ?, 'cash', 24000, 'KES', 'succeeded', 0, 0)")
        .bind(format!("p{i}")).bind(&id).execute(&mut *tx).await.expect("payment");
    sqlx::query("INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES ('payment', ?, 'upsert', ?, 0)")
        .bind(&id).bind(&payloads.payment).execute(&mut *tx).await.expect("outbox");
    tx.commit().await.expect("commit");
}

async fn listing(orders: i64) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.db");
    let store = Store::open(&path).await.expect("open");
    store
        .save_shop(&ShopInput {
            name: "Big Shop".into(),
            ..Default::default()
        })
        .await
        .expect("shop");
    store.close().await;
    let seed = Instant::now();
    {
        let mut conn = SqliteConnectOptions::new()
            .filename(&path)
            .connect()
            .await
            .expect("seed conn");
        sqlx::query("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
            .execute(&mut conn)
            .await
            .expect("pragma");
        // Bulk load without the indexes, then build them once: far quicker
        // than keeping seven of them sorted row by row.
        // The report totals' triggers likewise: the totals are rebuilt
        // once after the load (and that rebuild is timed).
        let indexes: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL
             AND ((type = 'index' AND tbl_name IN ('orders', 'order_items', 'payments'))
                  OR (type = 'trigger' AND name LIKE 'rollup_%'))",
        )
        .fetch_all(&mut conn)
        .await
        .expect("indexes");
        for (kind, name, _) in &indexes {
            sqlx::query(&format!("DROP {kind} {name}"))
                .execute(&mut conn)
                .await
                .expect("drop index");
        }
        let statuses: Vec<&str> = OrderStatus::ALL.iter().map(|s| s.as_str()).collect();
        // A year of orders from 1 January 2025 (UTC), evenly spaced, on two
        // channels, with five items and a received payment for each sale
        // (and for one cancelled order in three).
        let step = YEAR_MS / orders.max(1);
        let methods = ["cash", "mpesa_manual", "mpesa_daraja"];
        let mut tx = conn.begin().await.expect("begin");
        for n in 0..orders {
            let id = uuid::Uuid::from_u128(n as u128 + 1).to_string();
            let phone = format!("2547{:08}", n % 100_000_000);
            let status = OrderStatus::ALL[(n as usize * 7) % statuses.len()];
            let at = YEAR_START_MS + n * step;
            let qty = 1 + n % 3;
            let total = 3000 * qty;
            // A chat order carries the customer's name (one of 40).
            let name = (n % 3 == 0).then(|| {
                format!(
                    "{} {}",
                    FIRST_NAMES[(n / 3) as usize % 8],
                    LAST_NAMES[(n / 24) as usize % 5]
                )
            });
            sqlx::query("INSERT INTO orders (id, number, customer_phone, customer_phone_rev, customer_name, channel, fulfilment, subtotal_minor, delivery_fee_minor, total_minor, currency, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pickup', ?, 0, ?, 'KES', ?, ?, ?)")
                .bind(&id).bind(n + 1).bind(&phone).bind(phone.chars().rev().collect::<String>()).bind(name)
                .bind(if n % 3 == 0 { "whatsapp" } else { "till" }).bind(total).bind(total)
                .bind(status.as_str()).bind(at).bind(at)
                .execute(&mut *tx).await.expect("order");
            sqlx::query("INSERT INTO order_items (id, order_id, position, item_id, name, unit_price_minor, qty, total_minor) VALUES (?, ?, 0, ?, ?, 3000, ?, ?)")
                .bind(format!("{id}-0")).bind(&id)
                .bind(uuid::Uuid::from_u128(u128::from(n as u64 % 5) + 1_000_000_000).to_string())
                .bind(format!("Item {}", n % 5)).bind(qty).bind(total)
                .execute(&mut *tx).await.expect("line");
            if counts_as_sale(status) || (status == OrderStatus::Cancelled && n % 3 == 0) {
                sqlx::query("INSERT INTO payments (id, order_id, method, amount_minor, currency, state, created_at, updated_at) VALUES (?, ?, ?, ?, 'KES', 'succeeded', ?, ?)")
                    .bind(format!("p{n}")).bind(&id).bind(methods[n as usize % 3]).bind(total).bind(at).bind(at)
                    .execute(&mut *tx).await.expect("payment");
            }
        }
        for (_, _, sql) in &indexes {
            sqlx::query(sql).execute(&mut *tx).await.expect("index");
        }
        tx.commit().await.expect("commit");
    }
    println!("seeded {orders} orders in {:.1?}", seed.elapsed());
    let open = Instant::now();
    let store = Store::open(&path).await.expect("reopen");
    let opened = open.elapsed();
    let first = Instant::now();
    let queue = store
        .list_orders(
            &OrderQuery {
                status: None,
                search: String::new(),
                limit: 50,
            },
            Country::Kenya,
        )
        .await
        .expect("the queue");
    let usable = opened + first.elapsed();
    println!(
        "opening a store of {orders} orders to a usable queue ({} orders shown): {usable:.1?} (target 300 ms; open {opened:.1?})",
        queue.len()
    );
    let rebuild = Instant::now();
    let (order_rows, item_rows) = store.rebuild_report_totals().await.expect("rebuild");
    println!(
        "rebuilding the report totals from {orders} orders: {:.1?} ({order_rows} order rows, {item_rows} item rows)",
        rebuild.elapsed()
    );
    let check = Instant::now();
    let integrity = store.check_integrity().await.expect("integrity check");
    println!(
        "the integrity check that follows, in the background: {:.1?} ({integrity:?})",
        check.elapsed()
    );
    for (label, status, search) in [
        ("status filter", true, ""),
        ("no filter", false, ""),
        ("order number search", false, "#5000"),
        ("whole phone search", false, "0700001234"),
        ("last digits of a phone", false, "001234"),
        ("name search, any part, all history", false, "wanjir"),
        ("name search, accents aside", false, "zoe"),
    ] {
        let mut times = Vec::new();
        for i in 0..200usize {
            let q = OrderQuery {
                status: status.then(|| OrderStatus::ALL[i % OrderStatus::ALL.len()]),
                search: search.into(),
                limit: 50,
            };
            let t = Instant::now();
            let rows = store.list_orders(&q, Country::Kenya).await.expect("list");
            times.push(t.elapsed());
            assert!(
                !rows.is_empty() || !search.is_empty(),
                "an unfiltered list came back empty"
            );
        }
        times.sort();
        let p95 = percentile(&times, 0.95);
        println!(
            "newest 50, {label}: p50 {:.2?}, p95 {:.2?} (target p95 < 20 ms: {})",
            percentile(&times, 0.5),
            p95,
            if p95 < Duration::from_millis(20) {
                "met"
            } else {
                "NOT met"
            }
        );
    }
    report(&store, &path, orders).await;
    store.close().await;
}

/// Customers' names on the bench's chat orders.
const FIRST_NAMES: [&str; 8] = [
    "Wanjiru", "Otieno", "Zoé", "Amina", "Kamau", "Achieng", "Youssef", "Fatima",
];
const LAST_NAMES: [&str; 5] = ["Mwangi", "Odhiambo", "El Amrani", "Njoroge", "Benali"];

/// 1 January 2025, 00:00 UTC, in Unix milliseconds.
const YEAR_START_MS: i64 = 1_735_689_600_000;
const YEAR_MS: i64 = 365 * 86_400_000;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    percentile(&times, 0.5)
}

/// This month's report (December 2025, the seeded year's last) against a
/// plain count of the whole orders table and a plain count and sum of the
/// month's orders, interleaved.
async fn report(store: &Store, path: &std::path::Path, orders: i64) {
    // Noon UTC on 31 December 2025: 15:00 in Nairobi, the month's last day.
    let now = chrono::DateTime::from_timestamp_millis(YEAR_START_MS + YEAR_MS - 12 * 3_600_000)
        .expect("now");
    let mut plain = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .connect()
        .await
        .expect("plain conn");
    let (month, _) = ReportPeriod::ThisMonth
        .resolve(dukadesk_domain::report::local_today(now, 3))
        .expect("month");
    let (start, end) = month.utc_bounds(3);
    let (mut report_times, mut count_times, mut sum_times) = (Vec::new(), Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..15 {
        let t = Instant::now();
        let _: (i64, i64) = sqlx::query_as(
            "SELECT count(*), sum(total_minor) FROM orders WHERE created_at >= ? AND created_at < ?",
        )
        .bind(start.timestamp_millis())
        .bind(end.timestamp_millis())
        .fetch_one(&mut plain)
        .await
        .expect("sum");
        sum_times.push(t.elapsed());
        let t = Instant::now();
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
            .fetch_one(&mut plain)
            .await
            .expect("count");
        count_times.push(t.elapsed());
        assert_eq!(n, orders);
        let t = Instant::now();
        let r = store
            .sales_report(ReportPeriod::ThisMonth, now)
            .await
            .expect("report");
        report_times.push(t.elapsed());
        last = Some(r);
    }
    let r = last.expect("a report");
    assert!(r.sales.orders > 0 && r.previous.orders > 0 && !r.top_by_qty.is_empty());
    let mut year_times = Vec::new();
    let mut year = None;
    for _ in 0..15 {
        let t = Instant::now();
        year = Some(
            store
                .sales_report(
                    ReportPeriod::Custom {
                        from: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"),
                        to: chrono::NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
                    },
                    now,
                )
                .await
                .expect("year report"),
        );
        year_times.push(t.elapsed());
    }
    let year = year.expect("a year");
    let year_median = median(year_times);
    println!(
        "the whole year's sales report (365 days, {} sales): median {year_median:.1?} (target < 100 ms: {})",
        year.sales.orders,
        if year_median < Duration::from_millis(100) { "met" } else { "NOT met" }
    );
    let (report_median, count_median, sum_median) =
        (median(report_times), median(count_times), median(sum_times));
    println!(
        "this month's sales report ({} days, {} sales of {} orders in the month, {} in the store): median {report_median:.1?}; plain count(*) of all orders median {count_median:.1?} (report = {:.1}x); plain count and sum of the month's orders median {sum_median:.1?} (report = {:.1}x) (target report <= 5x the month's count and sum: {})",
        r.range.days(),
        r.sales.orders,
        r.sales.orders + r.awaiting_payment.orders + r.cancelled.orders,
        orders,
        report_median.as_secs_f64() / count_median.as_secs_f64(),
        report_median.as_secs_f64() / sum_median.as_secs_f64(),
        if report_median.as_secs_f64() <= 5.0 * sum_median.as_secs_f64() { "met" } else { "NOT met" }
    );
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::var("DUKADESK_BENCH_COMMITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    // Interleave single orders of the two, so drift and fsync hiccups on a
    // shared machine hit both alike; compare median commit times.
    let app = app_side().await;
    app.store
        .create_manual_order(&app.input, "bench")
        .await
        .expect("first order");
    let payloads = app.payloads().await;
    let bare_dir = tempfile::tempdir().expect("tempdir");
    let mut bare = bare_side(&bare_dir).await;
    let (mut app_times, mut bare_times) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        let t = Instant::now();
        insert_bare(&mut bare, i, &payloads).await;
        bare_times.push(t.elapsed());
        let t = Instant::now();
        app.store
            .create_manual_order(&app.input, "bench")
            .await
            .expect("order");
        app_times.push(t.elapsed());
    }
    app_times.sort();
    bare_times.sort();
    let (app_median, bare_median) = (percentile(&app_times, 0.5), percentile(&bare_times, 0.5));
    let ratio = bare_median.as_secs_f64() / app_median.as_secs_f64();
    println!(
        "commit an order ({n} interleaved): app median {app_median:.2?}, bare SQL median {bare_median:.2?}; app throughput = {ratio:.2}x bare (target >= 0.7x: {})",
        if ratio >= 0.7 { "met" } else { "NOT met" }
    );
    let orders: i64 = std::env::var("DUKADESK_BENCH_ORDERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    listing(orders).await;
}
