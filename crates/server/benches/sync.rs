//! Hosted sync against a real PostgreSQL started for the run, all measured
//! in this one run on this one machine, through the DukaDesk server (HTTP,
//! the till's credential), the only way tills sync:
//!
//! 1. Catch-up: a till uploads 100,000 orders (row-level security forced,
//!    idempotent upserts, applied seq recorded), against the superuser's
//!    `COPY` of the same rows into the same table (with the same triggers
//!    and indexes). Target: at least 0.5x of COPY.
//! 2. Propagation: an order taken on one till, seen in the other till's
//!    store (upload, NOTIFY, the live channel, pull, apply), both
//!    tills running the real sync worker with its default settings.
//!    Target: p95 under 300 ms.

use dukadesk_core::sync::admin;
use dukadesk_core::sync::http::ServerClient;
use dukadesk_core::sync::protocol::ServerEnrolment;
use dukadesk_core::sync::remote::Remote;
use dukadesk_core::sync::worker::{sync_once, upload_all};
use dukadesk_core::sync::{enrol_with_server, SyncOptions, SyncWorker};
use dukadesk_core::Store;
use dukadesk_domain::catalogue::ItemInput;
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use dukadesk_domain::shop::ShopInput;
use dukadesk_sims::postgres::TempPostgres;
use sqlx::sqlite::SqlitePoolOptions;
use std::time::{Duration, Instant};
use uuid::Uuid;

const ORDERS: usize = 100_000;
const PROPAGATIONS: usize = 60;

async fn till(dir: &std::path::Path, with_shop: bool) -> Store {
    let store = Store::open(&dir.join("dukadesk.db")).await.expect("open");
    let vault = dukadesk_core::vault::Vault::unlock(
        &store,
        &dukadesk_core::vault::KeySource::passphrase("bench passphrase"),
    )
    .await
    .expect("vault");
    store.attach_vault(vault).await.expect("attach");
    if with_shop {
        store
            .save_shop(&ShopInput {
                name: "Bench Shop".into(),
                ..Default::default()
            })
            .await
            .expect("shop");
        store
            .save_item(&ItemInput {
                name: "Unga 2kg".into(),
                price: "210".into(),
                ..Default::default()
            })
            .await
            .expect("item");
    }
    store
}

async fn enrol_server(
    owner: &sqlx::PgPool,
    url: &str,
    shop: Uuid,
    label: &str,
    store: &Store,
) -> ServerClient {
    let d = admin::enrol_server_device(
        owner,
        shop,
        label,
        chrono::Duration::hours(1),
        chrono::Utc::now(),
    )
    .await
    .expect("enrol");
    let e = ServerEnrolment {
        url: url.to_owned(),
        code: d.code,
        shop_name: d.shop_name,
        label: label.to_owned(),
        expires_at: d.expires_at,
        pin: None,
    };
    enrol_with_server(store, &e)
        .await
        .expect("enrol with the server")
}

fn order_input(store_items: &[dukadesk_domain::catalogue::Item]) -> ManualOrderInput {
    ManualOrderInput {
        lines: vec![ManualLineInput {
            item_id: store_items[0].id,
            qty: 2,
            label: None,
        }],
        payment: TillPayment::Cash,
        ..Default::default()
    }
}

/// A till with 100,000 orders waiting in its outbox, as after a long time
/// offline; and the orders' bodies.
async fn backlog(dir: &std::path::Path) -> (Store, Vec<String>) {
    let store = till(dir, true).await;
    let items = store.items(false).await.expect("items");
    let sample = store
        .create_manual_order(&order_input(&items), "bench")
        .await
        .expect("order")
        .order;
    let template = serde_json::to_value(&sample).expect("json");
    let direct = SqlitePoolOptions::new()
        .max_connections(1)
        .connect(&format!("sqlite://{}", store.path().display()))
        .await
        .expect("sqlite");
    let mut tx = direct.begin().await.expect("tx");
    sqlx::query("DELETE FROM outbox")
        .execute(&mut *tx)
        .await
        .expect("clear");
    let mut bodies = Vec::with_capacity(ORDERS);
    for n in 0..ORDERS {
        let mut body = template.clone();
        let id = Uuid::new_v4();
        body["id"] = serde_json::json!(id);
        body["number"] = serde_json::json!(20_000 + n);
        let body = body.to_string();
        sqlx::query("INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES ('order', ?, 'upsert', ?, ?)")
            .bind(id.to_string())
            .bind(&body)
            .bind(1_700_000_000_000_i64 + n as i64)
            .execute(&mut *tx)
            .await
            .expect("outbox");
        bodies.push(body);
    }
    tx.commit().await.expect("commit");
    direct.close().await;
    (store, bodies)
}

/// Uploads the whole outbox and checks every order arrived once.
async fn catch_up<R: Remote>(store: &Store, remote: &R, su: &sqlx::PgPool, shop: Uuid) -> Duration {
    let start = Instant::now();
    upload_all(store, remote, 1000).await.expect("upload");
    let took = start.elapsed();
    let on_server: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE shop_id = $1")
        .bind(shop)
        .fetch_one(su)
        .await
        .expect("count");
    assert_eq!(on_server as usize, ORDERS, "every order arrived once");
    took
}

/// Times from an order taken on `a` to it in `b`'s store, both running
/// the sync worker with its default settings.
async fn propagation(a: &Store, b: &Store) -> Vec<Duration> {
    let _wa = SyncWorker::start(a.clone(), SyncOptions::default());
    let _wb = SyncWorker::start(b.clone(), SyncOptions::default());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let a_items = a.items(false).await.expect("items");
    let mut lat = Vec::with_capacity(PROPAGATIONS);
    for _ in 0..PROPAGATIONS {
        let start = Instant::now();
        let order = a
            .create_manual_order(&order_input(&a_items), "bench")
            .await
            .expect("order")
            .order;
        loop {
            if b.order_detail(order.id).await.is_ok() {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "never arrived");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        lat.push(start.elapsed());
        tokio::time::sleep(Duration::from_millis(37)).await;
    }
    lat.sort();
    lat
}

fn print_propagation(how: &str, lat: &[Duration]) {
    let p = |q: f64| lat[((lat.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    println!(
        "till-to-till propagation of one order, {how} ({PROPAGATIONS} orders): p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms (target p95 < 300 ms): {}",
        p(0.5).as_secs_f64() * 1e3,
        p(0.95).as_secs_f64() * 1e3,
        lat[lat.len() - 1].as_secs_f64() * 1e3,
        if p(0.95) < Duration::from_millis(300) { "met" } else { "NOT met" }
    );
}

#[tokio::main]
async fn main() {
    let pg = TempPostgres::start().unwrap_or_else(|e| panic!("{e}"));
    let owner = admin::connect(&pg.owner_url()).await.expect("owner");
    let su = admin::connect(&pg.superuser_url())
        .await
        .expect("superuser");
    let server = dukadesk_server::local::start(&owner, pg.port(), None, &[])
        .await
        .expect("server");
    let url = format!("http://{}", server.addr);

    // --- 1. catch-up upload vs COPY -------------------------------------
    let d2 = tempfile::tempdir().expect("tempdir");
    let (server_till, bodies) = backlog(d2.path()).await;
    let copy_rows = |shop: Uuid| {
        let mut csv = String::with_capacity(ORDERS * 700);
        for (n, body) in bodies.iter().enumerate() {
            let id = Uuid::new_v4();
            let body = body.replace('"', "\"\"");
            csv.push_str(&format!(
                "{shop},{id},\"{body}\",false,2023-11-14 22:13:20.{:03}+00,{}\n",
                n % 1000,
                Uuid::nil()
            ));
        }
        csv
    };
    let copy = |csv: String| {
        let su = su.clone();
        async move {
            let mut conn = su.acquire().await.expect("conn");
            let start = Instant::now();
            let mut c = conn
                .copy_in_raw(
                    "COPY orders (shop_id, id, body, deleted, version_at, version_device) FROM STDIN (FORMAT csv)",
                )
                .await
                .expect("copy");
            c.send(csv.as_bytes()).await.expect("send");
            let n = c.finish().await.expect("finish");
            assert_eq!(n as usize, ORDERS);
            start.elapsed()
        }
    };
    let shop_copy1 = admin::create_shop(&owner, "Copy 1").await.expect("shop");
    let shop_server = admin::create_shop(&owner, "Server").await.expect("shop");
    let shop_copy2 = admin::create_shop(&owner, "Copy 2").await.expect("shop");
    let client = enrol_server(&owner, &url, shop_server, "Till", &server_till).await;

    let copy1 = copy(copy_rows(shop_copy1)).await;
    let through_server = catch_up(&server_till, &client, &su, shop_server).await;
    let copy2 = copy(copy_rows(shop_copy2)).await;
    let copy_mean = (copy1 + copy2) / 2;
    let rate = |d: Duration| ORDERS as f64 / d.as_secs_f64();
    println!(
        "catch-up of {ORDERS} orders: superuser COPY {:.0} rows/s (mean of one before and one after)",
        rate(copy_mean)
    );
    let ratio = rate(through_server) / rate(copy_mean);
    println!(
        "  through the server (HTTP, 1,000 a push): {:.0} rows/s, {ratio:.2}x of COPY (target >= 0.50x): {}",
        rate(through_server),
        if ratio >= 0.5 { "met" } else { "NOT met" }
    );

    // --- 2. till-to-till propagation ------------------------------------
    let shop = admin::create_shop(&owner, "Propagation")
        .await
        .expect("shop");
    let da = tempfile::tempdir().expect("tempdir");
    let db = tempfile::tempdir().expect("tempdir");
    let a = till(da.path(), true).await;
    let b = till(db.path(), false).await;
    let ca = enrol_server(&owner, &url, shop, "A", &a).await;
    let cb = enrol_server(&owner, &url, shop, "B", &b).await;
    sync_once(&a, &ca).await.expect("A up");
    sync_once(&b, &cb).await.expect("B down");
    print_propagation("through the server", &propagation(&a, &b).await);
    server.stop().await.expect("stop");
}
