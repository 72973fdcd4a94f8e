//! Export benchmark: a shop of 1,000,000 orders (override with
//! DUKADESK_BENCH_EXPORT_ORDERS), each with a line, a history entry and an
//! M-Pesa payment with its receipt code, and 100,000 customers, exported
//! whole through `Store::export` into a ZIP on the same disk.
//!
//! Targets: at least 200,000 rows/s (rows of every entity, each written
//! as JSON and as CSV), and peak memory growth under 100 MB (the process's
//! resident high-water mark, reset just before the export, against its
//! resident size then).

use dukadesk_core::privacy::Actor;
use dukadesk_core::Store;
use dukadesk_domain::ipc::{ExportRequest, ExportScope};
use dukadesk_domain::shop::ShopInput;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::ops::ControlFlow;
use std::time::Instant;

/// A field of /proc/self/status, in kB.
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

async fn seed(path: &std::path::Path, orders: i64) {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await
        .expect("seed conn");
    sqlx::query("PRAGMA synchronous = OFF")
        .execute(&mut conn)
        .await
        .expect("pragma");
    let customers = orders.clamp(1, 100_000);
    let mut tx = conn.begin().await.expect("begin");
    for sql in [
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {last})
             INSERT INTO customers (id, phone, name, created_at, updated_at)
             SELECT printf('00000000-0000-4000-8000-%012d', i), printf('2547%08d', i), 'Customer ' || i, i, i FROM n",
            last = customers - 1
        ),
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {last})
             INSERT INTO orders (id, number, customer_id, customer_phone, customer_phone_rev, customer_name,
                 channel, fulfilment, subtotal_minor, delivery_fee_minor, total_minor, currency, status,
                 note, created_at, updated_at)
             SELECT printf('%08x-0000-4000-8000-%012d', i, i), i + 1001,
                 printf('00000000-0000-4000-8000-%012d', i % {customers}), printf('2547%08d', i % {customers}),
                 printf('%08d7452', i % {customers}), 'Customer ' || (i % {customers}),
                 'whatsapp', 'pickup', 42000, 0, 42000, 'KES', 'delivered', '',
                 1700000000000 + i * 1000, 1700000000000 + i * 1000 FROM n",
            last = orders - 1
        ),
        "INSERT INTO order_items (id, order_id, position, item_id, name, unit_price_minor, qty, total_minor)
         SELECT id || '-0', id, 0, '00000000-0000-4000-8000-00000000000a', 'Unga 2kg', 21000, 2, 42000 FROM orders"
            .to_owned(),
        "INSERT INTO order_events (order_id, from_status, to_status, event, actor, at)
         SELECT id, 'out_for_delivery', 'delivered', 'deliver', 'till', created_at FROM orders"
            .to_owned(),
        "INSERT INTO payments (id, order_id, method, amount_minor, currency, phone, state, receipt, created_at, updated_at)
         SELECT 'p' || substr(id, 2), id, 'mpesa', 42000, 'KES', customer_phone, 'succeeded',
             printf('R%09d', number), created_at, created_at FROM orders"
            .to_owned(),
    ] {
        sqlx::query(&sql).execute(&mut *tx).await.expect("seed");
    }
    tx.commit().await.expect("commit");
    conn.close().await.expect("close");
}

#[tokio::main]
async fn main() {
    let orders: i64 = std::env::var("DUKADESK_BENCH_EXPORT_ORDERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
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
    let t = Instant::now();
    seed(&path, orders).await;
    println!("seeded {orders} orders in {:.1?}", t.elapsed());
    let store = Store::open(&path).await.expect("reopen");

    // Reset the high-water mark to what is resident now.
    std::fs::write("/proc/self/clear_refs", "5").expect("reset VmHWM");
    let before = status_kb("VmRSS:");
    let dest = dir.path().join("export.zip");
    let req = ExportRequest {
        scope: ExportScope::Shop,
        phone: String::new(),
    };
    let t = Instant::now();
    let result = store
        .export(&req, &dest, &Actor::Owner, |_| ControlFlow::Continue(()))
        .await
        .expect("export");
    let elapsed = t.elapsed();
    let peak = status_kb("VmHWM:");
    let growth_mb = peak.saturating_sub(before) as f64 / 1024.0;
    let rate = result.rows as f64 / elapsed.as_secs_f64();
    println!(
        "export of {orders} orders: {} rows ({} files) in {:.1?}, ZIP {:.0} MB",
        result.rows,
        result.entities.len() * 2 + 2,
        elapsed,
        result.bytes as f64 / 1_000_000.0
    );
    println!(
        "export rate: {rate:.0} rows/s (target >= 200,000: {})",
        if rate >= 200_000.0 { "met" } else { "NOT met" }
    );
    println!(
        "peak memory growth during the export: {growth_mb:.1} MB (resident {:.0} MB before, peak {:.0} MB; target < 100 MB: {})",
        before as f64 / 1024.0,
        peak as f64 / 1024.0,
        if growth_mb < 100.0 { "met" } else { "NOT met" }
    );
    store.close().await;
}
