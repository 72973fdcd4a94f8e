//! Real tills (the app's SQLite store and its sync code) syncing through
//! the server with the till's HTTP client, as a shop runs them: enrolled
//! with a `DKS1.` string, every synced table identical on both tills and on
//! the server afterwards, the worker woken by the live channel, a revoked
//! till told so at once.

use crate::Rig;
use dukadesk_core::store::testing::{sample_order, say, shop_store, unlocked_store};
use dukadesk_core::store::Store;
use dukadesk_core::sync::http::ServerClient;
use dukadesk_core::sync::protocol::ServerEnrolment;
use dukadesk_core::sync::testing::{server_rows, till_rows};
use dukadesk_core::sync::worker::sync_once;
use dukadesk_core::sync::{admin, enrol_with_server, SyncError, SyncOptions, SyncWorker};
use dukadesk_domain::ipc::SaveCategory;
use dukadesk_domain::order::{OrderEvent, OrderStatus, TillPayment};
use std::time::Duration;
use uuid::Uuid;

impl Rig {
    /// The string `dukadesk-server enrol-device` prints for a new till.
    pub async fn enrolment(&self, shop: Uuid, label: &str) -> ServerEnrolment {
        let d = admin::enrol_server_device(
            &self.owner,
            shop,
            label,
            chrono::Duration::hours(1),
            chrono::Utc::now(),
        )
        .await
        .expect("enrol");
        ServerEnrolment {
            url: self.base.clone(),
            code: d.code,
            shop_name: d.shop_name,
            label: label.to_owned(),
            expires_at: d.expires_at,
            pin: None,
        }
    }

    /// Enrols `store` as Settings does, with the pasted string.
    pub async fn join(&self, store: &Store, shop: Uuid, label: &str) -> ServerClient {
        let e = self.enrolment(shop, label).await;
        let pasted = e.encode();
        let e = ServerEnrolment::decode(&pasted).expect("decodes");
        enrol_with_server(store, &e).await.expect("enrol")
    }
}

/// Pull at least this often without a wake: long, so a test that sees a
/// change arrive sooner knows the live channel brought it.
pub const POLL: Duration = Duration::from_secs(30);

/// Quick to retry, for tests.
pub fn fast() -> SyncOptions {
    SyncOptions {
        batch: 50,
        page: 100,
        local_poll: Duration::from_millis(20),
        poll: POLL,
        backoff_min: Duration::from_millis(20),
        backoff_max: Duration::from_millis(300),
        bot_lease: None,
    }
}

/// A till of the test: its folder (kept while the test runs), its store
/// and its connection to the server.
struct Till(tempfile::TempDir, Store, ServerClient);

/// A server with one shop, and two tills enrolled in it: A set up with
/// the sample shop, B new.
async fn two_tills() -> (Rig, Uuid, Till, Till) {
    let r = crate::rig().await;
    let shop = r.shop("Duka").await;
    let (da, a) = shop_store().await;
    let (db, b) = unlocked_store().await;
    let ca = r.join(&a, shop, "Counter").await;
    let cb = r.join(&b, shop, "Back room").await;
    (r, shop, Till(da, a, ca), Till(db, b, cb))
}

async fn assert_all_equal(r: &Rig, shop: Uuid, a: &Store, b: &Store) {
    let server = server_rows(&r.su, shop).await;
    let on_a = till_rows(a).await;
    let on_b = till_rows(b).await;
    for (table, rows) in &server {
        assert_eq!(
            on_a.get(table),
            Some(rows),
            "till A and the server differ in {table}"
        );
        assert_eq!(
            on_b.get(table),
            Some(rows),
            "till B and the server differ in {table}"
        );
    }
    assert_eq!(server.len(), on_a.len(), "every synced table is compared");
}

#[tokio::test]
async fn two_tills_sync_every_table_through_the_server_both_ways() {
    let (r, shop, Till(_da, a, ca), Till(_db, b, cb)) = two_tills().await;
    assert_eq!(ca.config().device_no, 1);
    assert_eq!(cb.config().device_no, 2);

    // A sells at the till and in chat, files a category, counts stock.
    let items = a.items(false).await.expect("items");
    let cash = a
        .create_manual_order(&sample_order(&items), "Amina")
        .await
        .expect("order");
    say(&a, "0712000001", "2 sukuma").await;
    say(&a, "0712000001", "kiswahili").await;
    a.save_category(&SaveCategory {
        id: None,
        name: "Mboga".into(),
    })
    .await
    .expect("category");
    a.correct_stock(items[0].id, -3, "Amina")
        .await
        .expect("stock");
    sync_once(&a, &ca).await.expect("A up");
    sync_once(&b, &cb).await.expect("B down");
    assert_all_equal(&r, shop, &a, &b).await;
    // B joined a shop whose details A had sent: B took them.
    assert_eq!(
        b.shop().await.expect("shop").map(|s| s.name),
        Some("Mama Mboga".to_owned())
    );

    // B moves A's order on and sells on credit; A hears both.
    b.apply_order_event(cash.order.id, OrderEvent::StartPreparing, "Baraka")
        .await
        .expect("preparing");
    let items_b = b.items(false).await.expect("items on B");
    let unpaid = b
        .create_manual_order(
            &dukadesk_domain::order::ManualOrderInput {
                payment: TillPayment::Unpaid,
                ..sample_order(&items_b)
            },
            "Baraka",
        )
        .await
        .expect("order on B");
    sync_once(&b, &cb).await.expect("B up");
    sync_once(&a, &ca).await.expect("A down");
    sync_once(&b, &cb).await.expect("B again");
    assert_all_equal(&r, shop, &a, &b).await;
    let on_a = a
        .order_detail(unpaid.order.id)
        .await
        .expect("B's order on A");
    assert_eq!(
        on_a.order.number % 10,
        2,
        "B's order numbers end in its digit"
    );
    let status = a
        .order_detail(cash.order.id)
        .await
        .expect("A's order")
        .order
        .status;
    assert_eq!(status, OrderStatus::Preparing, "A sees B's move");
}

#[tokio::test]
async fn the_worker_is_woken_by_the_live_channel_and_a_revoked_till_is_told_at_once() {
    let (r, _shop, Till(_da, a, ca), Till(_db, b, cb)) = two_tills().await;
    sync_once(&a, &ca).await.expect("A up");
    let worker = SyncWorker::start(b.clone(), fast());
    let mut status = worker.subscribe();
    // Online first: the live channel is open before A sends anything.
    tokio::time::timeout(Duration::from_secs(20), async {
        while !matches!(
            status.borrow_and_update().state,
            dukadesk_core::sync::worker::SyncState::Online
        ) {
            status.changed().await.expect("worker runs");
        }
    })
    .await
    .expect("B online within 20 s");

    // A sells; B's worker polls only every 30 s, so the order arriving
    // well before that is the live channel's doing.
    let items = a.items(false).await.expect("items");
    let order = a
        .create_manual_order(&sample_order(&items), "Amina")
        .await
        .expect("order");
    sync_once(&a, &ca).await.expect("A up");
    tokio::time::timeout(Duration::from_secs(20), async {
        while b.order_detail(order.order.id).await.is_err() {
            status.changed().await.expect("worker runs");
        }
    })
    .await
    .expect("A's order reaches B through the live channel");

    // The owner revokes B: the live channel says so, the worker needs
    // attention (not a retry), and B keeps taking orders.
    admin::revoke_device(&r.owner, cb.config().device_id)
        .await
        .expect("revoke");
    tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            if let dukadesk_core::sync::worker::SyncState::NeedsAttention { error } =
                &status.borrow_and_update().state
            {
                assert!(error.contains("removed"), "{error}");
                return;
            }
            status.changed().await.expect("worker runs");
        }
    })
    .await
    .expect("B told it was revoked within 20 s");
    b.create_manual_order(&sample_order(&items), "Baraka")
        .await
        .expect("B still sells");
    assert!(matches!(
        sync_once(&b, &cb).await,
        Err(SyncError::Refused(_))
    ));
}

#[tokio::test]
async fn bad_enrolments_and_a_server_answering_garbage_are_explained() {
    let r = crate::rig().await;
    let shop = r.shop("Duka").await;
    let (_d, store) = unlocked_store().await;

    // Used twice: the second till is refused and nothing is saved.
    let e = r.enrolment(shop, "Counter").await;
    enrol_with_server(&store, &e).await.expect("first use");
    let (_d2, other) = unlocked_store().await;
    let twice = enrol_with_server(&other, &e).await;
    assert!(
        matches!(&twice, Err(SyncError::Refused(m)) if m.contains("already used")),
        "{twice:?}"
    );
    assert!(other.sync_target().await.expect("read").is_none());

    // Expired: refused before anything is sent.
    let mut old = r.enrolment(shop, "Office").await;
    old.expires_at = chrono::Utc::now() - chrono::Duration::seconds(1);
    assert!(matches!(
        enrol_with_server(&other, &old).await,
        Err(SyncError::EnrolmentExpired)
    ));

    // Plain http to another machine: refused, says to use https.
    let mut plain = r.enrolment(shop, "Office").await;
    plain.url = "http://sync.example.com".into();
    let err = enrol_with_server(&other, &plain)
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("https://"), "{err}");

    // Something that is not a DukaDesk server answers: a clear error that
    // is tried again later, never a panic.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        while let Ok((mut s, _)) = listener.accept().await {
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf).await;
            let _ = s
                .write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 13\r\nconnection: close\r\n\r\n<html></html>",
                )
                .await;
        }
    });
    let mut garbage = r.enrolment(shop, "Office").await;
    garbage.url = format!("http://{addr}");
    let err = enrol_with_server(&other, &garbage)
        .await
        .expect_err("garbage");
    assert!(
        err.to_string().contains("not what DukaDesk expects"),
        "{err}"
    );
    // A server that is not there at all: offline, tried again later.
    drop(r);
    let (_d3, third) = shop_store().await;
    let mut gone = ServerEnrolment::decode(&e.encode()).expect("decodes");
    gone.url = format!("http://127.0.0.1:{}", free_port());
    let err = enrol_with_server(&third, &gone).await.expect_err("down");
    assert!(err.is_transient(), "{err:?}");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A server that claims to hold more than the till sent (a bug, or not
/// the shop's server at all) costs the till none of its unsent changes.
#[tokio::test]
async fn a_server_claiming_more_than_it_got_costs_the_till_nothing() {
    use axum::routing::post;
    let app = axum::Router::new().route(
        "/v1/push",
        post(|| async {
            axum::Json(serde_json::json!({"up_to_seq": 1_000_000, "replayed": 0, "rejected": []}))
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await });
    let (_d, store) = shop_store().await;
    let waiting = store.outbox_len().await.expect("len");
    assert!(waiting > 2, "the new shop has changes to send");
    let client = ServerClient::new(
        &dukadesk_core::sync::http::ServerConfig {
            url: format!("http://{addr}"),
            shop_id: Uuid::new_v4(),
            shop_name: "Duka".into(),
            device_id: Uuid::new_v4(),
            device_no: 1,
            label: "Counter".into(),
            pin: None,
        },
        &dukadesk_core::sync::protocol::new_secret(),
    )
    .expect("client");
    let first_two = store.outbox_changes(2).await.expect("batch");
    let answer = client.upload(&first_two).await.expect("push");
    assert_eq!(answer.up_to_seq, first_two[1].seq);
    store
        .outbox_uploaded(&first_two, &answer)
        .await
        .expect("uploaded");
    assert_eq!(store.outbox_len().await.expect("len"), waiting - 2);
}
