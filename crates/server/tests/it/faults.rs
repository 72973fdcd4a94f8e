//! Faults between real tills and the real server: connections cut
//! mid-request, PostgreSQL crashing under the server, the server itself
//! stopped and started again, a till's sync task killed mid-batch, and a
//! whole till process killed (SIGKILL) while it takes orders and syncs.
//! The tills keep taking orders throughout; afterwards every till and the
//! server hold the same rows, no order is lost and none is doubled.

use crate::tills::fast;
use dukadesk_core::store::testing::{sample_order, shop_store, test_key_source, unlocked_store};
use dukadesk_core::store::Store;
use dukadesk_core::sync::protocol::ServerEnrolment;
use dukadesk_core::sync::testing::{server_rows, till_rows};
use dukadesk_core::sync::worker::sync_once;
use dukadesk_core::sync::{enrol_with_server, SyncWorker};
use dukadesk_domain::order::OrderEvent;
use std::time::Duration;

fn below(n: u64) -> u64 {
    (uuid::Uuid::new_v4().as_u128() % u128::from(n.max(1))) as u64
}

async fn open_till(path: &std::path::Path) -> Store {
    let store = Store::open(path).await.expect("open");
    let vault = dukadesk_core::vault::Vault::unlock(&store, &test_key_source())
        .await
        .expect("vault");
    store.attach_vault(vault).await.expect("attach");
    store
}

/// The child side of the fault test: a till process that syncs while it
/// takes orders, until it is killed with SIGKILL.
#[tokio::test]
#[ignore = "run as a child process by the fault test"]
async fn child_till() {
    let Ok(path) = std::env::var("DUKADESK_SYNC_CHILD_DB") else {
        return;
    };
    let store = open_till(std::path::Path::new(&path)).await;
    let _worker = SyncWorker::start(store.clone(), fast());
    let items = store.items(false).await.expect("items");
    loop {
        let _ = store
            .create_manual_order(&sample_order(&items), "till C")
            .await;
        tokio::time::sleep(Duration::from_millis(3)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tills_ride_out_cut_connections_a_crashing_database_and_server_restarts() {
    let mut r = crate::rig().await;
    let shop = r.shop("Duka").await;
    let (_da, a) = shop_store().await;
    let (_db, b) = unlocked_store().await;
    let ca = r.join(&a, shop, "A").await;
    // B reaches the server through a proxy that cuts its connections.
    let addr = r.server.as_ref().expect("server").addr;
    let proxy = dukadesk_sims::proxy::CutProxy::start(addr)
        .await
        .expect("proxy");
    let mut eb = r.enrolment(shop, "B").await;
    eb.url = format!("http://{}", proxy.addr());
    let cb = enrol_with_server(&b, &ServerEnrolment::decode(&eb.encode()).expect("string"))
        .await
        .expect("B enrols through the proxy");
    // C is another process, killed with SIGKILL at random moments.
    let (dc, c) = unlocked_store().await;
    let c_path = c.path().to_path_buf();
    let cc = r.join(&c, shop, "C").await;
    sync_once(&a, &ca).await.expect("A sends the catalogue");
    sync_once(&b, &cb).await.expect("B gets it");
    sync_once(&c, &cc).await.expect("C gets it");
    c.close().await;
    let items = a.items(false).await.expect("items");
    let exe = std::env::current_exe().expect("test binary");
    let mut kills = 0;

    let mut wa = SyncWorker::start(a.clone(), fast());
    let wb = SyncWorker::start(b.clone(), fast());
    let mut created = Vec::new();
    let (mut crashes, mut restarts) = (0, 0);
    for i in 0..60u64 {
        for (till, who) in [(&a, "till A"), (&b, "till B")] {
            created.push(
                till.create_manual_order(&sample_order(&items), who)
                    .await
                    .expect("a till takes orders whatever the server does")
                    .order
                    .id,
            );
        }
        if let Some(id) = created.get(below(created.len() as u64) as usize) {
            // It may not have reached B yet, or be further on: both fine.
            let _ = b
                .apply_order_event(*id, OrderEvent::StartPreparing, "till B")
                .await;
        }
        tokio::time::sleep(Duration::from_millis(below(40))).await;
        match i % 10 {
            0 | 5 => {
                // A's sync task killed wherever it is, a new one started.
                wa.abort();
                wa = SyncWorker::start(a.clone(), fast());
            }
            1 | 3 | 7 => proxy.cut(),
            2 | 6 | 8 => {
                let mut child = std::process::Command::new(&exe)
                    .args([
                        "--exact",
                        "faults::child_till",
                        "--ignored",
                        "--test-threads",
                        "1",
                    ])
                    .env("DUKADESK_SYNC_CHILD_DB", &c_path)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .expect("spawn till C");
                tokio::time::sleep(Duration::from_millis(150 + below(350))).await;
                child.kill().expect("kill -9");
                let _ = child.wait();
                kills += 1;
            }
            4 => {
                r.pg.crash().expect("crash PostgreSQL");
                tokio::time::sleep(Duration::from_millis(below(200))).await;
                r.pg.start_server().expect("start PostgreSQL");
                crashes += 1;
            }
            9 => {
                // The server stopped (live streams end) and started again
                // on the same address.
                r.server.take().expect("server").stop().await.expect("stop");
                let again = dukadesk_server::local::start(&r.owner, r.pg.port(), Some(addr), &[])
                    .await
                    .expect("the server starts again");
                r.server = Some(again);
                restarts += 1;
            }
            _ => {}
        }
    }
    wa.abort();
    drop(wb);
    assert!(proxy.cuts() >= 15 && crashes >= 5 && restarts >= 5 && kills >= 15);

    // Heal: every till syncs to a standstill.
    let c = open_till(&c_path).await;
    for _ in 0..3 {
        sync_once(&a, &ca).await.expect("A syncs");
        sync_once(&b, &cb).await.expect("B syncs");
        sync_once(&c, &cc).await.expect("C syncs");
    }
    let server = server_rows(&r.su, shop).await;
    for (name, till) in [("A", &a), ("B", &b), ("C", &c)] {
        assert_eq!(till.outbox_len().await.expect("len"), 0, "{name}'s outbox");
        assert!(till.sync_rejects().await.expect("rejects").is_empty());
        let rows = till_rows(till).await;
        for (table, on_server) in &server {
            assert_eq!(
                &rows[table], on_server,
                "till {name} and the server differ in {table}"
            );
        }
    }
    let on_server: std::collections::BTreeSet<String> = server["orders"]
        .iter()
        .map(|row| row.split(' ').next().unwrap_or_default().to_owned())
        .collect();
    for id in &created {
        assert!(on_server.contains(&id.to_string()), "order {id} lost");
    }
    let c_orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE number % 10 = 3")
        .fetch_one(dukadesk_core::store::testing::pool(&c))
        .await
        .expect("count");
    assert!(c_orders > 0, "the killed till's orders are there too");
    assert_eq!(
        server["orders"].len(),
        created.len() + c_orders as usize,
        "none doubled"
    );
    let numbers: std::collections::BTreeSet<&str> = server["orders"]
        .iter()
        .map(|row| row.split(' ').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(
        numbers.len(),
        server["orders"].len(),
        "no two orders share a number"
    );
    drop(dc);
}
