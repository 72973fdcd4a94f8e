//! Sync against a real PostgreSQL server that each test starts in a
//! temporary directory on a free loopback port.

use super::admin::{self, EnrolRequest};
use super::enrol::Enrolment;
use super::hosted::Hosted;
use super::worker::sync_once;
use super::{SyncError, SyncOptions, SyncWorker};
use crate::store::testing::{sample_order, shop_store};
use crate::store::Store;
use dukadesk_domain::catalogue::ItemInput;
use dukadesk_domain::order::{OrderEvent, OrderStatus, TillPayment};
use dukadesk_sims::postgres::TempPostgres;
use sqlx::Connection as _;
use sqlx::PgPool;
use std::time::Duration;
use uuid::Uuid;

mod stock;

pub(crate) struct Backend {
    pub pg: TempPostgres,
    pub owner: PgPool,
    pub su: PgPool,
}

pub(crate) async fn backend() -> Backend {
    let pg = TempPostgres::start().unwrap_or_else(|e| panic!("PostgreSQL for the sync tests: {e}"));
    let owner = admin::connect(&pg.owner_url()).await.expect("owner");
    admin::migrate(&owner).await.expect("migrate");
    let su = admin::connect(&pg.superuser_url())
        .await
        .expect("superuser");
    Backend { pg, owner, su }
}

impl Backend {
    pub async fn enrolment(&self, shop: Uuid, label: &str) -> Enrolment {
        self.enrolment_at(shop, label, self.pg.port(), chrono::Duration::hours(1))
            .await
    }

    pub async fn enrolment_at(
        &self,
        shop: Uuid,
        label: &str,
        port: u16,
        valid_for: chrono::Duration,
    ) -> Enrolment {
        admin::enrol_device(
            &self.owner,
            &EnrolRequest {
                valid_for,
                ..EnrolRequest::loopback(shop, label, port)
            },
            chrono::Utc::now(),
        )
        .await
        .expect("enrol")
    }
}

/// Enrols `store` with a fresh enrolment string, as Settings does.
pub(crate) async fn enrol(store: &Store, e: &Enrolment) -> Hosted {
    super::enrol_till(store, e).await.expect("enrol")
}

async fn empty_store() -> (tempfile::TempDir, Store) {
    crate::store::testing::unlocked_store().await
}

pub(crate) use super::testing::{server_rows, till_rows};

#[tokio::test]
async fn two_tills_share_orders_both_ways_and_conflicts_settle_the_same_everywhere() {
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Mama Mboga")
        .await
        .expect("shop");

    // Till A has been in use on its own: a shop, a zone, items, orders.
    let (_da, a) = shop_store().await;
    let items = a.items(false).await.expect("items");
    let mut a_orders = Vec::new();
    for _ in 0..3 {
        a_orders.push(
            a.create_manual_order(&sample_order(&items), "clerk")
                .await
                .expect("order")
                .order,
        );
    }
    let ha = enrol(&a, &b.enrolment(shop, "Front counter").await).await;
    sync_once(&a, &ha).await.expect("A syncs");
    assert_eq!(a.outbox_len().await.expect("len"), 0, "A's outbox drained");

    // Till B is a fresh install: it gets the whole shop.
    let (_db, bt) = empty_store().await;
    let hb = enrol(&bt, &b.enrolment(shop, "Back office").await).await;
    sync_once(&bt, &hb).await.expect("B syncs");
    assert_eq!(till_rows(&bt).await, till_rows(&a).await);
    let shop_b = bt.shop().await.expect("shop").expect("B has the shop");
    assert_eq!(shop_b.name, "Mama Mboga");

    // B takes an order; its number ends in B's digit and clashes with none.
    let b_items = bt.items(false).await.expect("items");
    let b_order = bt
        .create_manual_order(&sample_order(&b_items), "clerk")
        .await
        .expect("B order")
        .order;
    assert_eq!(b_order.number % 10, i64::from(hb.config().device_no));
    assert!(a_orders.iter().all(|o| o.number != b_order.number));
    // B moves one of A's orders on.
    bt.apply_order_event(a_orders[0].id, OrderEvent::StartPreparing, "clerk B")
        .await
        .expect("B prepares A's order");
    sync_once(&bt, &hb).await.expect("B up");
    sync_once(&a, &ha).await.expect("A down");
    let on_a = a.order_detail(b_order.id).await.expect("B's order on A");
    assert_eq!(on_a.order.number, b_order.number);
    let moved = a.order_detail(a_orders[0].id).await.expect("detail");
    assert_eq!(moved.order.status, OrderStatus::Preparing);
    assert!(
        moved.history.iter().any(|h| h.actor == "another till"),
        "the move is in A's history"
    );

    // Conflicts while both are offline.
    // 1. Status only moves forward: A delivers (earlier), B, behind, would
    //    still prepare: delivered wins although B's change is later.
    for e in [OrderEvent::StartPreparing, OrderEvent::Deliver] {
        a.apply_order_event(a_orders[1].id, e, "clerk A")
            .await
            .expect("A prepares and hands over");
    }
    tokio::time::sleep(Duration::from_millis(5)).await;
    bt.apply_order_event(a_orders[1].id, OrderEvent::StartPreparing, "clerk B")
        .await
        .expect("B prepares");
    // 2. The same item renamed on both: the later rename wins.
    let item = items[0].clone();
    let rename = |name: &str| ItemInput {
        id: Some(item.id),
        name: name.into(),
        price: "30".into(),
        stock: "1000000".into(),
        ..Default::default()
    };
    a.save_item(&rename("Sukuma (A)")).await.expect("A renames");
    tokio::time::sleep(Duration::from_millis(5)).await;
    bt.save_item(&rename("Sukuma (B)"))
        .await
        .expect("B renames");

    // Sync in an awkward order: B up first, then A, then both again.
    sync_once(&bt, &hb).await.expect("B");
    sync_once(&a, &ha).await.expect("A");
    sync_once(&bt, &hb).await.expect("B again");

    for till in [&a, &bt] {
        let d = till.order_detail(a_orders[1].id).await.expect("detail");
        assert_eq!(d.order.status, OrderStatus::Delivered, "forward wins");
        assert_eq!(till.item(item.id).await.expect("item").name, "Sukuma (B)");
    }
    let rows_a = till_rows(&a).await;
    assert_eq!(rows_a, till_rows(&bt).await, "both tills agree");
    assert_eq!(rows_a, server_rows(&b.su, shop).await, "and the server too");
    assert_eq!(rows_a["orders"].len(), 4);
}

#[tokio::test]
async fn a_till_reaches_only_its_own_shop_whatever_it_tries() {
    let b = backend().await;
    let shop_a = admin::create_shop(&b.owner, "Shop A").await.expect("A");
    let shop_b = admin::create_shop(&b.owner, "Shop B").await.expect("B");
    let (_da, a) = shop_store().await;
    let items = a.items(false).await.expect("items");
    a.create_manual_order(&sample_order(&items), "clerk")
        .await
        .expect("order");
    let ha = enrol(&a, &b.enrolment(shop_a, "A till").await).await;
    sync_once(&a, &ha).await.expect("A syncs");
    let (_db, bs) = shop_store().await;
    let hb = enrol(&bs, &b.enrolment(shop_b, "B till").await).await;
    sync_once(&bs, &hb).await.expect("B syncs");
    let a_order: Uuid = sqlx::query_scalar("SELECT id FROM orders WHERE shop_id = $1 LIMIT 1")
        .bind(shop_a)
        .fetch_one(&b.su)
        .await
        .expect("A's order on the server");

    let pool = hb.pool();
    // Reads: only B's rows, in every table and the changes view.
    for table in [
        "orders",
        "order_items",
        "payments",
        "items",
        "customers",
        "delivery_zones",
        "categories",
        "shop_profiles",
        "bot_leases",
        "stock_movements",
        "item_stock",
    ] {
        let foreign: i64 =
            sqlx::query_scalar(&format!("SELECT count(*) FROM {table} WHERE shop_id <> $1"))
                .bind(shop_b)
                .fetch_one(pool)
                .await
                .unwrap_or_else(|e| panic!("{table}: {e}"));
        assert_eq!(foreign, 0, "B sees another shop's {table}");
    }
    let seen: i64 = sqlx::query_scalar("SELECT count(*) FROM changes WHERE id = $1")
        .bind(a_order)
        .fetch_one(pool)
        .await
        .expect("changes");
    assert_eq!(seen, 0);
    let shops: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM shops")
        .fetch_all(pool)
        .await
        .expect("shops");
    assert_eq!(shops, vec![shop_b]);
    let devices: Vec<Uuid> = sqlx::query_scalar("SELECT shop_id FROM devices")
        .fetch_all(pool)
        .await
        .expect("devices");
    assert_eq!(devices, vec![shop_b], "B lists only its own tills");
    assert!(
        sqlx::query("SELECT role_name FROM devices")
            .fetch_all(pool)
            .await
            .is_err(),
        "login names of tills are not readable"
    );

    // Writes: a forged shop_id, an update or delete of A's rows.
    let forged = sqlx::query(
        "INSERT INTO orders (shop_id, id, body, version_at, version_device)
         VALUES ($1, $2, '{\"status\":\"Paid\",\"number\":1}', now(), $3)",
    )
    .bind(shop_a)
    .bind(Uuid::new_v4())
    .bind(hb.config().device_id)
    .execute(pool)
    .await;
    assert!(forged.is_err(), "insert into shop A refused");
    let updated = sqlx::query("UPDATE orders SET deleted = true WHERE id = $1")
        .bind(a_order)
        .execute(pool)
        .await
        .expect("update runs")
        .rows_affected();
    assert_eq!(updated, 0, "A's order is invisible to B's update");
    assert!(
        sqlx::query("DELETE FROM orders WHERE id = $1")
            .bind(a_order)
            .execute(pool)
            .await
            .is_err(),
        "tills cannot delete at all"
    );
    // Stock movements are insert-only, even the till's own.
    for stmt in [
        "UPDATE stock_movements SET body = body",
        "DELETE FROM stock_movements",
    ] {
        assert!(
            sqlx::query(stmt).execute(pool).await.is_err(),
            "{stmt} must be refused to a till"
        );
    }
    // Escapes: roles, settings, the owner's functions.
    let mut conn = pool.acquire().await.expect("conn");
    for escape in [
        format!("SET ROLE {}", ha.config().role),
        format!("SET ROLE {}", dukadesk_sims::postgres::OWNER),
        "SET ROLE postgres_super".to_owned(),
        "SET SESSION AUTHORIZATION postgres_super".to_owned(),
        "SELECT nextval('change_seq')".to_owned(),
        "ALTER TABLE orders DISABLE ROW LEVEL SECURITY".to_owned(),
        "CREATE TABLE public.x (a int)".to_owned(),
    ] {
        assert!(
            sqlx::query(&escape).execute(&mut *conn).await.is_err(),
            "{escape} must be refused"
        );
    }
    sqlx::query("SELECT set_config('dukadesk.shop_id', $1, false)")
        .bind(shop_a.to_string())
        .execute(&mut *conn)
        .await
        .expect("a setting is harmless");
    sqlx::query("SELECT set_config('dukadesk.device_id', $1, false)")
        .bind(ha.config().device_id.to_string())
        .execute(&mut *conn)
        .await
        .expect("so is the server's device setting");
    sqlx::query("SET ROLE dukadesk_device")
        .execute(&mut *conn)
        .await
        .expect("the group role is allowed");
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE shop_id = $1")
        .bind(shop_a)
        .fetch_one(&mut *conn)
        .await
        .expect("count");
    assert_eq!(
        after, 0,
        "neither the setting nor the group role opens shop A"
    );
    drop(conn);

    // Revoked: the open session sees nothing, a new login is refused.
    admin::revoke_device(&b.owner, hb.config().device_id)
        .await
        .expect("revoke");
    let (_, password) = bs.sync_config().await.expect("cfg").expect("enrolled");
    let again = Hosted::connect(hb.config(), &password).await;
    assert!(
        matches!(again, Err(SyncError::Refused(_))),
        "a revoked till cannot log in: {again:?}"
    );
    let listed = admin::list_devices(&b.owner, Some(shop_b))
        .await
        .expect("list");
    assert!(listed[0].revoked_at.is_some());
}

#[tokio::test]
async fn bad_enrolments_a_down_server_a_newer_schema_and_a_refused_row_are_explained() {
    let mut b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_d, till) = shop_store().await;

    // A string used twice, a string past its time.
    let e = b.enrolment(shop, "Till").await;
    let hosted = enrol(&till, &e).await;
    let twice = Hosted::enrol(&e).await;
    assert!(
        matches!(&twice, Err(SyncError::Refused(m)) if m.contains("already used")),
        "{twice:?}"
    );
    let old = b
        .enrolment_at(shop, "Late", b.pg.port(), chrono::Duration::seconds(-5))
        .await;
    assert!(matches!(
        Enrolment::decode(&old.encode(), chrono::Utc::now()),
        Err(SyncError::EnrolmentExpired)
    ));
    assert!(
        matches!(Hosted::enrol(&old).await, Err(SyncError::Refused(_))),
        "the server refuses it too"
    );

    // The server goes down: the till keeps working, then catches up.
    b.pg.stop().expect("stop");
    let items = till.items(false).await.expect("items");
    let offline = till
        .create_manual_order(&sample_order(&items), "clerk")
        .await
        .expect("orders are taken offline")
        .order;
    let err = sync_once(&till, &hosted).await.expect_err("server is down");
    assert!(matches!(err, SyncError::Offline(_)), "{err:?}");
    assert!(err.to_string().contains("keeps working"));
    assert!(till.outbox_len().await.expect("len") > 0, "nothing lost");
    b.pg.start_server().expect("start");
    let (config, password) = till.sync_config().await.expect("cfg").expect("enrolled");
    let hosted = Hosted::connect(&config, &password).await.expect("back");
    sync_once(&till, &hosted).await.expect("catches up");
    let on_server: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE id = $1")
        .bind(offline.id.0)
        .fetch_one(&b.su)
        .await
        .expect("count");
    assert_eq!(on_server, 1);

    // A newer schema.
    sqlx::query("CREATE OR REPLACE FUNCTION hosted_schema_version() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 4 $$")
        .execute(&b.owner)
        .await
        .expect("bump");
    let newer = Hosted::connect(&config, &password).await;
    assert!(
        matches!(newer, Err(SyncError::SchemaTooNew { found: 4, known: 3 })),
        "{newer:?}"
    );
    assert!(newer
        .expect_err("newer")
        .to_string()
        .contains("Update DukaDesk"));
    sqlx::query("CREATE OR REPLACE FUNCTION hosted_schema_version() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 3 $$")
        .execute(&b.owner)
        .await
        .expect("restore");

    // A row the server refuses: a second till records an M-Pesa code the
    // first already used. The rest of its batch still goes up; the refused
    // payment waits in the till's list with the reason.
    let (_d2, other) = empty_store().await;
    let ho = enrol(&other, &b.enrolment(shop, "Till 2").await).await;
    sync_once(&other, &ho).await.expect("pull");
    let o_items = other.items(false).await.expect("items");
    let mut input = sample_order(&o_items);
    input.payment = TillPayment::Unpaid;
    let first = till
        .create_manual_order(&input, "clerk")
        .await
        .expect("order")
        .order;
    till.record_till_payment(
        first.id,
        &TillPayment::MpesaReceipt("SGH12ABC34".into()),
        "clerk",
    )
    .await
    .expect("paid");
    sync_once(&till, &hosted).await.expect("till up");
    let second = other
        .create_manual_order(&input, "clerk")
        .await
        .expect("order")
        .order;
    other
        .record_till_payment(
            second.id,
            &TillPayment::MpesaReceipt("SGH12ABC34".into()),
            "clerk",
        )
        .await
        .expect("the code is not known locally yet");
    sync_once(&other, &ho)
        .await
        .expect("the batch goes through");
    let rejects = other.sync_rejects().await.expect("rejects");
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(rejects[0].entity, "payment");
    assert!(
        rejects[0].reason.contains("payments_receipt"),
        "{}",
        rejects[0].reason
    );
    assert_eq!(
        other.outbox_len().await.expect("len"),
        0,
        "the outbox moved on"
    );
    let second_on_server: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE id = $1")
        .bind(second.id.0)
        .fetch_one(&b.su)
        .await
        .expect("count");
    assert_eq!(second_on_server, 1, "the order itself went up");
    let with_code: i64 =
        sqlx::query_scalar("SELECT count(*) FROM payments WHERE receipt = 'SGH12ABC34'")
            .fetch_one(&b.su)
            .await
            .expect("count");
    assert_eq!(with_code, 1, "the money is recorded once");
}

#[tokio::test]
async fn the_bot_lease_has_one_holder_until_it_expires() {
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_d1, t1) = shop_store().await;
    let (_d2, t2) = empty_store().await;
    let h1 = enrol(&t1, &b.enrolment(shop, "Counter").await).await;
    let h2 = enrol(&t2, &b.enrolment(shop, "Office").await).await;
    let ttl = Duration::from_secs(2);
    let l1 = h1.take_bot_lease(ttl).await.expect("take");
    assert_eq!(l1.device_id, h1.config().device_id);
    let l2 = h2.take_bot_lease(ttl).await.expect("try");
    assert_eq!(l2.device_id, h1.config().device_id, "held by the counter");
    assert_eq!(l2.device_label, "Counter");
    let renewed = h1.take_bot_lease(ttl).await.expect("renew");
    assert!(renewed.expires_at >= l1.expires_at);
    tokio::time::sleep(Duration::from_millis(2200)).await;
    let taken = h2.take_bot_lease(ttl).await.expect("take over");
    assert_eq!(
        taken.device_id,
        h2.config().device_id,
        "expired: taken over"
    );
    h2.release_bot_lease().await.expect("release");
    let back = h1.take_bot_lease(ttl).await.expect("take");
    assert_eq!(
        back.device_id,
        h1.config().device_id,
        "released: free at once"
    );
}

fn fast() -> SyncOptions {
    SyncOptions {
        batch: 50,
        page: 100,
        local_poll: Duration::from_millis(20),
        poll: Duration::from_millis(500),
        backoff_min: Duration::from_millis(20),
        backoff_max: Duration::from_millis(300),
        bot_lease: None,
    }
}

#[tokio::test]
async fn the_worker_uploads_and_wakes_the_other_till() {
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_d1, t1) = shop_store().await;
    let (_d2, t2) = empty_store().await;
    enrol(&t1, &b.enrolment(shop, "Counter").await).await;
    enrol(&t2, &b.enrolment(shop, "Office").await).await;
    let mut opts = fast();
    // Polling so slow that only NOTIFY can explain a quick arrival.
    opts.poll = Duration::from_secs(600);
    let w1 = SyncWorker::start(t1.clone(), opts.clone());
    let w2 = SyncWorker::start(t2.clone(), opts);
    let items = t1.items(false).await.expect("items");
    let order = t1
        .create_manual_order(&sample_order(&items), "clerk")
        .await
        .expect("order")
        .order;
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        if t2.order_detail(order.id).await.is_ok() {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "order never arrived: {:?}",
            w2.status()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    while w1.status().state != super::worker::SyncState::Online {
        assert!(
            std::time::Instant::now() < deadline,
            "A never online: {:?}",
            w1.status()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The child side of the fault test: a till process that syncs while it
/// takes orders, until it is killed with SIGKILL.
#[tokio::test]
#[ignore = "run as a child process by the fault test"]
async fn sync_child_till() {
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

/// A small deterministic generator, seeded per run and printed on failure.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

async fn open_till(path: &std::path::Path) -> Store {
    let store = Store::open(path).await.expect("open");
    let vault = crate::vault::Vault::unlock(&store, &crate::store::testing::test_key_source())
        .await
        .expect("vault");
    store.attach_vault(vault).await.expect("attach");
    store
}

#[tokio::test]
async fn sync_survives_killed_tasks_killed_processes_cut_connections_and_server_restarts() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64 | 1)
        .unwrap_or(7);
    println!("fault test seed {seed}");
    let mut rng = Rng(seed);
    let mut b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let pg_addr = std::net::SocketAddr::from(([127, 0, 0, 1], b.pg.port()));

    // A talks straight to the server; its sync task is killed and restarted.
    let (_da, a) = shop_store().await;
    enrol(&a, &b.enrolment(shop, "A").await).await;
    // B goes through a proxy that cuts its connections mid-batch.
    let proxy = dukadesk_sims::proxy::CutProxy::start(pg_addr)
        .await
        .expect("proxy");
    let (_db, bt) = empty_store().await;
    let eb = b
        .enrolment_at(shop, "B", proxy.addr().port(), chrono::Duration::hours(1))
        .await;
    enrol(&bt, &eb).await;
    // C is another process, killed with SIGKILL at random moments.
    let (dc, c) = empty_store().await;
    let c_path = c.path().to_path_buf();
    let hc = enrol(&c, &b.enrolment(shop, "C").await).await;

    let a_items = a.items(false).await.expect("items");
    {
        let ha = Hosted::connect(
            &a.sync_config().await.expect("cfg").expect("A").0,
            &a.sync_config().await.expect("cfg").expect("A").1,
        )
        .await
        .expect("A");
        sync_once(&a, &ha).await.expect("A up");
        ha.close().await;
    }
    sync_once(&c, &hc).await.expect("C gets the catalogue");
    hc.close().await;
    c.close().await;

    let mut wa = SyncWorker::start(a.clone(), fast());
    let wb = SyncWorker::start(bt.clone(), fast());
    let mut created = Vec::new();
    let mut kills = 0;
    let mut restarts = 0;
    let exe = std::env::current_exe().expect("test binary");
    for i in 0..120u64 {
        created.push(
            a.create_manual_order(&sample_order(&a_items), "till A")
                .await
                .expect("A takes orders whatever the network does")
                .order
                .id,
        );
        let b_items = bt.items(false).await.expect("items");
        if b_items.len() == a_items.len() {
            created.push(
                bt.create_manual_order(&sample_order(&b_items), "till B")
                    .await
                    .expect("B takes orders")
                    .order
                    .id,
            );
        }
        // Move a random earlier order on from B (it may not have arrived
        // yet, or be further on already: both are fine).
        if let Some(id) = created.get(rng.below(created.len() as u64) as usize) {
            let _ = bt
                .apply_order_event(*id, OrderEvent::StartPreparing, "till B")
                .await;
        }
        match i % 10 {
            0 | 5 => {
                // Kill A's sync task wherever it is, start a new one.
                tokio::time::sleep(Duration::from_millis(rng.below(40))).await;
                wa.abort();
                wa = SyncWorker::start(a.clone(), fast());
            }
            1 | 3 | 7 => {
                tokio::time::sleep(Duration::from_millis(rng.below(40))).await;
                proxy.cut();
            }
            2 | 8 => {
                let mut child = std::process::Command::new(&exe)
                    .args([
                        "--exact",
                        "sync::tests::sync_child_till",
                        "--ignored",
                        "--test-threads",
                        "1",
                    ])
                    .env("DUKADESK_SYNC_CHILD_DB", &c_path)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .expect("spawn till C");
                tokio::time::sleep(Duration::from_millis(150 + rng.below(350))).await;
                child.kill().expect("kill -9");
                let _ = child.wait();
                kills += 1;
            }
            4 if i % 20 == 4 => {
                b.pg.crash().expect("crash the server");
                tokio::time::sleep(Duration::from_millis(rng.below(200))).await;
                b.pg.start_server().expect("start the server");
                restarts += 1;
            }
            _ => tokio::time::sleep(Duration::from_millis(rng.below(30))).await,
        }
    }
    wa.abort();
    drop(wb);
    assert!(proxy.cuts() >= 30 && kills >= 20 && restarts >= 5);

    // Heal: every till syncs to a standstill.
    let c = open_till(&c_path).await;
    let tills = [&a, &bt, &c];
    for _ in 0..3 {
        for t in tills {
            let (cfg, pw) = t.sync_config().await.expect("cfg").expect("enrolled");
            let h = Hosted::connect(&cfg, &pw).await.expect("connect");
            sync_once(t, &h).await.expect("sync");
            h.close().await;
        }
    }
    let server = server_rows(&b.su, shop).await;
    for (name, t) in [("A", &a), ("B", &bt), ("C", &c)] {
        assert_eq!(t.outbox_len().await.expect("len"), 0, "{name}'s outbox");
        assert!(t.sync_rejects().await.expect("rejects").is_empty());
        let rows = till_rows(t).await;
        for (table, server_table) in &server {
            assert_eq!(
                &rows[table], server_table,
                "seed {seed}: till {name} and the server differ in {table}"
            );
        }
    }
    let on_server: std::collections::BTreeSet<String> = server["orders"]
        .iter()
        .map(|r| r.split(' ').next().unwrap_or_default().to_owned())
        .collect();
    for id in &created {
        assert!(
            on_server.contains(&id.to_string()),
            "seed {seed}: order {id} lost"
        );
    }
    let c_orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE number % 10 = 3")
        .fetch_one(c.pool())
        .await
        .expect("count");
    assert!(c_orders > 0, "the killed till's orders are there too");
    assert_eq!(
        server["orders"].len(),
        created.len() + c_orders as usize,
        "none duplicated"
    );
    let numbers: std::collections::BTreeSet<&str> = server["orders"]
        .iter()
        .map(|r| r.split(' ').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(
        numbers.len(),
        server["orders"].len(),
        "no two orders share a number"
    );
    drop(dc);
}

#[tokio::test]
async fn settings_connect_show_state_host_the_bot_and_disconnect() {
    use super::HostedSync;
    use dukadesk_domain::ipc::{ErrorCode, SyncStateView};
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Mama Njeri")
        .await
        .expect("shop");
    let (_d, till) = shop_store().await;
    let mut opts = fast();
    opts.bot_lease = Some(Duration::from_secs(30));
    let sync = HostedSync::start(till.clone(), opts);
    let status = sync.status().await.expect("status");
    assert!(!status.connected);
    assert_eq!(status.state, SyncStateView::NotConnected);

    // A mangled string is refused beside the field.
    let e = sync.connect("DKE1.bm9wZQ").await.expect_err("bad string");
    assert_eq!(e.code, ErrorCode::Invalid);
    assert!(
        e.field("enrolment")
            .is_some_and(|m| m.contains("not valid")),
        "{e:?}"
    );

    let enrolment = b.enrolment(shop, "Front counter").await;
    let status = sync
        .connect(&format!("\n {} \n", enrolment.encode()))
        .await
        .expect("connect");
    assert!(status.connected);
    assert_eq!(status.shop_name, "Mama Njeri");
    assert_eq!(status.till_label, "Front counter");
    assert_eq!(status.state, SyncStateView::Online, "{status:?}");
    assert_eq!(status.pending_changes, 0, "the shop went up");
    assert!(status.last_synced_at.is_some());
    // The same string again: already connected.
    let again = sync.connect(&enrolment.encode()).await.expect_err("twice");
    assert_eq!(again.code, ErrorCode::Conflict);

    let status = sync.set_bot_host(true).await.expect("host the bot");
    let host = status.bot_host.expect("a holder");
    assert!(host.this_till && host.till_label == "Front counter");

    let left = sync.disconnect().await.expect("disconnect");
    assert!(left.server_told, "the server was reached");
    assert_eq!(left.unsent_changes, 0);
    let status = left.status;
    assert!(!status.connected);
    assert_eq!(status.state, SyncStateView::NotConnected);
    let lease: i64 = sqlx::query_scalar("SELECT count(*) FROM bot_leases")
        .fetch_one(&b.su)
        .await
        .expect("count");
    assert_eq!(lease, 0, "the bot lease was given up");
    assert!(
        till.sync_config().await.expect("cfg").is_none(),
        "password forgotten"
    );
    let e = sync.sync_now().await.expect_err("not connected");
    assert_eq!(e.code, ErrorCode::NotFound);
    let e = sync.disconnect().await.expect_err("already left");
    assert_eq!(e.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn a_chat_customer_hears_when_another_till_moves_their_order() {
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_da, bot_till) = shop_store().await;
    let (_conv, payment) = crate::store::testing::chat_to_payment(&bot_till, "0712345678").await;
    bot_till
        .apply_payment_outcome(
            payment,
            crate::payments::ProviderOutcome::Paid {
                receipt: Some("SKL4XY12ZQ".into()),
            },
        )
        .await
        .expect("paid");
    let order_id: String = sqlx::query_scalar("SELECT order_id FROM payments WHERE id = ?")
        .bind(payment.to_string())
        .fetch_one(bot_till.pool())
        .await
        .expect("order");
    let order_id = dukadesk_domain::OrderId(Uuid::parse_str(&order_id).expect("uuid"));
    let ha = enrol(&bot_till, &b.enrolment(shop, "Counter").await).await;
    let (_db, other) = empty_store().await;
    let hb = enrol(&other, &b.enrolment(shop, "Back room").await).await;
    sync_once(&bot_till, &ha).await.expect("up");
    sync_once(&other, &hb).await.expect("down");
    let bot_said = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM messages WHERE author = 'bot'")
            .fetch_one(bot_till.pool())
            .await
            .expect("count")
    };
    let before = bot_said().await;
    other
        .apply_order_event(order_id, OrderEvent::StartPreparing, "back room")
        .await
        .expect("the back room starts packing");
    let other_said: i64 = sqlx::query_scalar("SELECT count(*) FROM messages")
        .fetch_one(other.pool())
        .await
        .expect("count");
    assert_eq!(other_said, 0, "the till without the chat says nothing");
    sync_once(&other, &hb).await.expect("up");
    sync_once(&bot_till, &ha).await.expect("down");
    assert_eq!(
        bot_till
            .order_detail(order_id)
            .await
            .expect("detail")
            .order
            .status,
        OrderStatus::Preparing
    );
    assert_eq!(bot_said().await, before + 1, "the customer is told once");
    // Pulling the same change again tells nobody twice.
    sync_once(&bot_till, &ha).await.expect("again");
    assert_eq!(bot_said().await, before + 1);
}

#[tokio::test]
async fn a_till_set_up_on_its_own_joins_without_renaming_the_shop() {
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Mama Mboga")
        .await
        .expect("shop");
    let (_da, a) = shop_store().await;
    let ha = enrol(&a, &b.enrolment(shop, "Counter").await).await;
    sync_once(&a, &ha).await.expect("A up");
    // The new till's first run asked for a shop name; the clerk typed one.
    let (_db, newcomer) = empty_store().await;
    tokio::time::sleep(Duration::from_millis(5)).await;
    newcomer
        .save_shop(&dukadesk_domain::shop::ShopInput {
            name: "New till".into(),
            ..Default::default()
        })
        .await
        .expect("setup");
    let hb = enrol(&newcomer, &b.enrolment(shop, "Office").await).await;
    sync_once(&newcomer, &hb).await.expect("B syncs");
    sync_once(&a, &ha).await.expect("A again");
    for till in [&a, &newcomer] {
        let name = till.shop().await.expect("shop").expect("set up").name;
        assert_eq!(name, "Mama Mboga", "the shop keeps its name on every till");
    }
    let on_server: String = sqlx::query_scalar("SELECT name FROM shop_profiles WHERE shop_id = $1")
        .bind(shop)
        .fetch_one(&b.su)
        .await
        .expect("profile");
    assert_eq!(on_server, "Mama Mboga");
    // An edit made after joining does travel.
    let mut input = dukadesk_domain::shop::ShopInput {
        name: "Mama Mboga & Sons".into(),
        ..Default::default()
    };
    input.code = newcomer
        .shop()
        .await
        .expect("shop")
        .expect("shop")
        .code
        .as_str()
        .to_owned();
    newcomer.save_shop(&input).await.expect("rename");
    sync_once(&newcomer, &hb).await.expect("up");
    sync_once(&a, &ha).await.expect("down");
    assert_eq!(
        a.shop().await.expect("shop").expect("shop").name,
        "Mama Mboga & Sons"
    );
}

#[tokio::test]
async fn tls_require_connects_and_verify_full_refuses_a_self_signed_server() {
    let mut b = backend().await;
    b.pg.enable_tls().expect("TLS on");
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_d, till) = shop_store().await;
    let port = b.pg.port();
    let strict = admin::enrol_device(
        &b.owner,
        &EnrolRequest {
            tls: super::TlsMode::VerifyFull,
            ..EnrolRequest::loopback(shop, "Strict", port)
        },
        chrono::Utc::now(),
    )
    .await
    .expect("enrol");
    let err = super::enrol_till(&till, &strict)
        .await
        .expect_err("unknown authority");
    assert!(matches!(err, SyncError::Tls(_)), "{err:?}");
    assert!(err.to_string().contains("--tls require"), "{err}");
    assert!(
        till.sync_config().await.expect("cfg").is_none(),
        "nothing saved"
    );

    let e = admin::enrol_device(
        &b.owner,
        &EnrolRequest {
            tls: super::TlsMode::Require,
            ..EnrolRequest::loopback(shop, "Counter", port)
        },
        chrono::Utc::now(),
    )
    .await
    .expect("enrol");
    let hosted = enrol(&till, &e).await;
    let ssl: bool = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(hosted.pool())
        .await
        .expect("ssl");
    assert!(ssl, "the connection is encrypted");
    sync_once(&till, &hosted).await.expect("syncs over TLS");
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM shop_profiles WHERE shop_id = $1")
        .bind(shop)
        .fetch_one(&b.su)
        .await
        .expect("count");
    assert_eq!(orders, 1);
}

#[tokio::test]
async fn an_erasure_reaches_every_till_and_the_server_and_beats_a_later_status_move() {
    use crate::privacy::{Actor, ErasureSource};
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Mama Mboga")
        .await
        .expect("shop");
    let (da, a) = shop_store().await;
    let items = a.items(false).await.expect("items");
    let mut input = sample_order(&items);
    input.customer_phone = "0712345678".into();
    input.customer_name = "Amina Wanjiru".into();
    input.note = "Call Amina at the gate".into();
    let order = a
        .create_manual_order(&input, "clerk")
        .await
        .expect("order")
        .order;
    let customer = order.customer_id.expect("customer");
    let ha = enrol(&a, &b.enrolment(shop, "Front counter").await).await;
    sync_once(&a, &ha).await.expect("A syncs");
    let (db, bt) = empty_store().await;
    let hb = enrol(&bt, &b.enrolment(shop, "Back office").await).await;
    sync_once(&bt, &hb).await.expect("B syncs");
    let on_b = bt.order_detail(order.id).await.expect("B has it");
    assert_eq!(on_b.order.customer_name.as_deref(), Some("Amina Wanjiru"));

    // Both offline: B moves the order on (a higher status rank, still with
    // her details), A erases her.
    bt.apply_order_event(order.id, OrderEvent::StartPreparing, "clerk B")
        .await
        .expect("B prepares");
    a.erase_customer(customer, &Actor::Owner, ErasureSource::Staff)
        .await
        .expect("erase");
    // A up, then B up with its older copy, then both down.
    sync_once(&a, &ha).await.expect("A");
    sync_once(&bt, &hb).await.expect("B");
    sync_once(&a, &ha).await.expect("A again");

    let leaked: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM (
             SELECT body::text AS t FROM orders WHERE shop_id = $1
             UNION ALL SELECT body::text FROM customers WHERE shop_id = $1
             UNION ALL SELECT body::text FROM payments WHERE shop_id = $1) s
         WHERE t LIKE '%712345678%' OR t LIKE '%Amina%'",
    )
    .bind(shop)
    .fetch_one(&b.su)
    .await
    .expect("server");
    assert_eq!(leaked, 0, "the server keeps nothing of hers");
    let status: String = sqlx::query_scalar("SELECT status FROM orders WHERE id = $1")
        .bind(order.id.0)
        .fetch_one(&b.su)
        .await
        .expect("status");
    assert_eq!(status, "Preparing", "the order itself moved on");
    for (till, dir) in [(&a, &da), (&bt, &db)] {
        let d = till.order_detail(order.id).await.expect("kept");
        assert_eq!(d.order.status, OrderStatus::Preparing);
        assert_eq!(d.order.customer_phone, None);
        assert_eq!(d.order.customer_name, None);
        assert_eq!(d.order.note, "");
        assert!(till.customer(customer).await.expect("row").erased);
        let bytes = std::fs::read(dir.path().join("dukadesk.db")).expect("file");
        assert!(
            !bytes.windows(9).any(|w| w == b"712345678"),
            "no copy of her number in the till's file"
        );
    }
    assert_eq!(till_rows(&a).await, till_rows(&bt).await, "the tills agree");

    // Nothing brings her back: a later version without the erasure is
    // ignored by the server, whoever writes it.
    sqlx::query(
        "UPDATE customers SET body = body - 'erased_at' || '{\"phone\": \"254712345678\"}', version_at = now() + interval '1 day'
         WHERE id = $1",
    )
    .bind(customer.0)
    .execute(&b.su)
    .await
    .expect("attempt");
    let still: Option<String> =
        sqlx::query_scalar("SELECT body->>'erased_at' FROM customers WHERE id = $1")
            .bind(customer.0)
            .fetch_one(&b.su)
            .await
            .expect("customer");
    assert!(still.is_some(), "still erased on the server");
}

#[tokio::test]
async fn leaving_while_the_server_is_down_forgets_the_password_and_keeps_unsent_changes() {
    use super::HostedSync;
    let mut b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_d, till) = shop_store().await;
    let sync = HostedSync::start(till.clone(), fast());
    let enrolment = b.enrolment(shop, "Back room").await;
    sync.connect(&enrolment.encode()).await.expect("connect");

    b.pg.stop().expect("stop");
    let items = till.items(false).await.expect("items");
    till.create_manual_order(&sample_order(&items), "clerk")
        .await
        .expect("an order taken offline");
    let left = sync.disconnect().await.expect("leaving works offline");
    assert!(!left.server_told, "the server could not be reached");
    assert!(left.unsent_changes > 0, "{left:?}");
    assert!(!left.status.connected);
    assert!(
        till.sync_config().await.expect("cfg").is_none(),
        "password forgotten even though the server was down"
    );
    assert_eq!(
        till.outbox_len().await.expect("len"),
        left.unsent_changes,
        "the unsent changes stay on this till"
    );
}

#[tokio::test]
async fn purged_orders_stay_off_the_server_when_a_till_sends_them_again() {
    use crate::clock::ManualClock;
    use std::sync::Arc;
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Mama Mboga")
        .await
        .expect("shop");
    // A till whose clock says eight years ago takes an order and syncs.
    let dir = tempfile::tempdir().expect("dir");
    let now = chrono::Utc::now();
    let clock = Arc::new(ManualClock::new(now - chrono::Months::new(12 * 8)));
    let till = Store::open_with_clock(&dir.path().join("dukadesk.db"), clock.clone())
        .await
        .expect("open");
    let vault = crate::vault::Vault::unlock(&till, &crate::store::testing::test_key_source())
        .await
        .expect("vault");
    till.attach_vault(vault).await.expect("attach");
    crate::store::testing::set_up_shop(&till).await;
    let items = till.items(false).await.expect("items");
    let old = till
        .create_manual_order(&sample_order(&items), "clerk")
        .await
        .expect("old order")
        .order;
    let h = enrol(&till, &b.enrolment(shop, "Front counter").await).await;
    sync_once(&till, &h).await.expect("sync");
    // Today: a new order.
    clock.advance(now - till.now());
    let new = till
        .create_manual_order(&sample_order(&items), "clerk")
        .await
        .expect("new order")
        .order;
    sync_once(&till, &h).await.expect("sync");
    assert_eq!(server_rows(&b.su, shop).await["orders"].len(), 2);

    let plan = super::purge::PurgePlan {
        years: 7,
        shop: Some(shop),
        overrides: Vec::new(),
        dry_run: false,
        batch: 500,
    };
    let done = super::purge::purge(&b.owner, &plan, chrono::Utc::now())
        .await
        .expect("purge");
    assert_eq!(
        (done[0].orders, done[0].order_items, done[0].payments),
        (1, 2, 1)
    );
    let on_server = server_rows(&b.su, shop).await;
    assert_eq!(on_server["orders"].len(), 1);
    assert!(on_server["orders"][0].starts_with(&new.id.to_string()));

    // The till, not yet past its own retention run, moves the old order
    // on: its upload goes through and the order stays off the server.
    till.apply_order_event(old.id, OrderEvent::StartPreparing, "clerk")
        .await
        .expect("prepare");
    sync_once(&till, &h).await.expect("sync after the purge");
    assert_eq!(till.outbox_len().await.expect("len"), 0);
    assert!(till.sync_rejects().await.expect("rejects").is_empty());
    assert_eq!(server_rows(&b.su, shop).await, on_server);
    // Its own retention then removes its copy: till and server agree.
    assert_eq!(till.run_retention().await.expect("retention").orders, 1);
    sync_once(&till, &h).await.expect("sync");
    assert_eq!(till_rows(&till).await, server_rows(&b.su, shop).await);
}

/// Two tills of one shop, both with Daraja pointing at one loopback
/// simulator, enrolled in one backend.
async fn two_daraja_tills(
    b: &Backend,
    shop: Uuid,
    sim: &dukadesk_sims::daraja::DarajaSim,
    cfg: &dukadesk_sims::daraja::Config,
) -> (
    (tempfile::TempDir, Store, Hosted),
    (tempfile::TempDir, Store, Hosted),
) {
    use dukadesk_domain::ipc::{MpesaProvider, SavePaymentSettings};
    let (da, a) = shop_store().await;
    let (db, bt) = empty_store().await;
    for till in [&a, &bt] {
        till.save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(crate::store::testing::daraja_settings(sim, cfg)),
            ..Default::default()
        })
        .await
        .expect("Daraja settings");
    }
    let ha = enrol(&a, &b.enrolment(shop, "Counter").await).await;
    let hb = enrol(&bt, &b.enrolment(shop, "Back room").await).await;
    ((da, a, ha), (db, bt, hb))
}

/// Polls (bounded) until `sql`, a count over `store`, is at least 1.
async fn wait_until(store: &Store, sql: &str, what: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let n: i64 = sqlx::query_scalar(sql)
            .fetch_one(store.pool())
            .await
            .expect(what);
        if n > 0 {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "never: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_payment_started_on_one_till_is_watched_there_and_its_outcome_reaches_every_till() {
    use crate::payments::reconcile::{reconcile, Backoff};
    use crate::runtime::ChatRuntime;
    use dukadesk_sims::daraja::{Config, Customer, DarajaSim};
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::PaysAfterPolls(2));
    let ((_da, a, ha), (_db, bt, hb)) = two_daraja_tills(&b, shop, &sim, &cfg).await;

    // Till A prompts the customer, saves the CheckoutRequestID, then stops
    // (closed, or restarting) before M-Pesa has answered.
    let (_chat, payment) = crate::store::testing::chat_to_payment(&a, "0712345678").await;
    let patient = Backoff {
        first: Duration::from_secs(600),
        growth_tenths: 10,
        max: Duration::from_secs(600),
        deadline: Duration::from_secs(1200),
    };
    let client = crate::payments::daraja::tests::sim_client(sim.base_url(), &cfg);
    let prompting = {
        let a = a.clone();
        tokio::spawn(async move { reconcile(&a, &client, payment, patient).await })
    };
    wait_until(
        &a,
        "SELECT count(*) FROM payments WHERE provider_ref IS NOT NULL",
        "A saves the CheckoutRequestID",
    )
    .await;
    prompting.abort();
    assert_eq!(sim.counts().1, 1, "one prompt");

    // B hears of the waiting attempt, with its reference.
    sync_once(&a, &ha).await.expect("A up");
    sync_once(&bt, &hb).await.expect("B down");
    let on_b: (String, Option<String>) =
        sqlx::query_as("SELECT state, provider_ref FROM payments WHERE id = ?")
            .bind(payment.to_string())
            .fetch_one(bt.pool())
            .await
            .expect("B has the attempt");
    assert_eq!(on_b.0, "pending");
    assert!(on_b.1.is_some(), "the reference travelled with the attempt");

    // B restarts: it does not prompt the customer again, and A's waiting
    // attempt does not hold back B's update.
    let runtime_b = ChatRuntime::start(bt.clone(), Duration::from_millis(10));
    assert_eq!(runtime_b.resume().await.expect("B resumes"), 0);
    assert_eq!(bt.restart_blocker().await.expect("blocker"), None);
    assert_eq!(sim.counts().1, 1, "still one prompt");
    // A's own attempt still holds A's update back until it has its answer.
    assert!(a.restart_blocker().await.expect("blocker").is_some());

    // A comes back, polls the saved reference, and the customer has paid.
    let fast = Backoff {
        first: Duration::from_millis(10),
        growth_tenths: 10,
        max: Duration::from_millis(20),
        deadline: Duration::from_secs(20),
    };
    let runtime_a = ChatRuntime::start_with(a.clone(), Duration::from_millis(10), fast);
    assert_eq!(runtime_a.resume().await.expect("A resumes"), 1);
    wait_until(
        &a,
        "SELECT count(*) FROM payments WHERE state = 'succeeded'",
        "A applies the customer's payment",
    )
    .await;
    assert_eq!(sim.counts().1, 1, "polled, never prompted again");

    sync_once(&a, &ha).await.expect("A up");
    sync_once(&bt, &hb).await.expect("B down");
    let order_on_b: String = sqlx::query_scalar(
        "SELECT o.status FROM orders o JOIN payments p ON p.order_id = o.id WHERE p.id = ?",
    )
    .bind(payment.to_string())
    .fetch_one(bt.pool())
    .await
    .expect("order on B");
    assert_eq!(order_on_b, "paid");
    assert_eq!(bt.restart_blocker().await.expect("blocker"), None);
    assert_eq!(a.restart_blocker().await.expect("blocker"), None);
    let rows_a = till_rows(&a).await;
    assert_eq!(
        rows_a,
        till_rows(&bt).await,
        "both tills hold the same rows"
    );
    assert_eq!(
        rows_a,
        server_rows(&b.su, shop).await,
        "and so does the server"
    );
    runtime_a.shutdown();
    runtime_b.shutdown();
}

#[tokio::test]
async fn a_customer_s_language_and_opt_out_reach_every_till_and_the_server() {
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_da, a) = shop_store().await;
    let (_db, bt) = empty_store().await;
    let ha = enrol(&a, &b.enrolment(shop, "Counter").await).await;
    let hb = enrol(&bt, &b.enrolment(shop, "Back room").await).await;
    let phone = dukadesk_domain::Msisdn::parse("0712345678", dukadesk_domain::Country::Kenya)
        .expect("phone");
    let say = |text: &'static str| {
        let a = a.clone();
        async move {
            crate::store::testing::say(&a, "0712345678", text).await;
        }
    };
    // The customer is met (an order), then chooses Kiswahili and says STOP.
    for m in ["2 sukuma", "1", "1"] {
        say(m).await;
    }
    sync_once(&a, &ha).await.expect("A up");
    sync_once(&bt, &hb).await.expect("B down");
    say("kiswahili").await;
    say("STOP").await;
    sync_once(&a, &ha).await.expect("A up");
    sync_once(&bt, &hb).await.expect("B down");
    let on_b: (String, i64) =
        sqlx::query_as("SELECT language, opted_out FROM customers WHERE phone = ?")
            .bind(phone.as_str())
            .fetch_one(bt.pool())
            .await
            .expect("customer on B");
    assert_eq!(
        on_b,
        ("sw".to_owned(), 1),
        "B knows the choice and the STOP"
    );
    let rows_a = till_rows(&a).await;
    assert_eq!(rows_a, till_rows(&bt).await);
    assert_eq!(rows_a, server_rows(&b.su, shop).await);

    // START later, on the same till: every till hears it too.
    say("START").await;
    sync_once(&a, &ha).await.expect("A up");
    sync_once(&bt, &hb).await.expect("B down");
    let opted_out: i64 = sqlx::query_scalar("SELECT opted_out FROM customers WHERE phone = ?")
        .bind(phone.as_str())
        .fetch_one(bt.pool())
        .await
        .expect("customer on B");
    assert_eq!(opted_out, 0);
    assert_eq!(till_rows(&a).await, server_rows(&b.su, shop).await);
}

/// The attack from issue 16, as a till: temporary types named like every
/// type the owner's SECURITY DEFINER functions use, each with a CHECK that
/// notes who ran it. Calling every function (directly, and through the
/// triggers an upload fires) must never run the till's code as anyone but
/// the till; and a till cannot create temporary objects in the first place.
#[tokio::test]
async fn a_till_cannot_run_its_code_as_the_owner_through_shadowed_types() {
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_d, t) = shop_store().await;
    let h = enrol(&t, &b.enrolment(shop, "Counter").await).await;
    let role = h.config().role.clone();
    let (_, password) = t.sync_config().await.expect("cfg").expect("enrolled");

    // Second wall first: even with TEMPORARY granted back to this till, the
    // pinned search_path (pg_temp last) finds the real types.
    sqlx::query(&format!("GRANT TEMPORARY ON DATABASE dukadesk TO {role}"))
        .execute(&b.owner)
        .await
        .expect("grant temporary for the test");
    let mut conn = sqlx::PgConnection::connect_with(&h.config().connect_options(&password))
        .await
        .expect("till login");
    sqlx::query(
        "CREATE FUNCTION pg_temp.spy(v text) RETURNS boolean LANGUAGE sql AS $$
            SELECT pg_catalog.set_config('dukadesk_spy.ran',
                COALESCE(pg_catalog.current_setting('dukadesk_spy.ran', true), '')
                || current_user || ' ', false) IS NOT NULL
         $$",
    )
    .execute(&mut conn)
    .await
    .expect("spy");
    let shadowed = [
        ("uuid", "pg_catalog.uuid"),
        ("text", "pg_catalog.text"),
        ("\"bigint\"", "pg_catalog.int8"),
        ("int8", "pg_catalog.int8"),
        ("\"integer\"", "pg_catalog.int4"),
        ("int4", "pg_catalog.int4"),
        ("\"smallint\"", "pg_catalog.int2"),
        ("int2", "pg_catalog.int2"),
        ("\"boolean\"", "pg_catalog.bool"),
        ("bool", "pg_catalog.bool"),
        ("timestamptz", "pg_catalog.timestamptz"),
        ("jsonb", "pg_catalog.jsonb"),
        ("json", "pg_catalog.json"),
        ("name", "pg_catalog.name"),
        ("interval", "pg_catalog.interval"),
        ("regclass", "pg_catalog.regclass"),
        ("bytea", "pg_catalog.bytea"),
        ("numeric", "pg_catalog.numeric"),
        ("varchar", "pg_catalog.varchar"),
    ];
    for (name, base) in shadowed {
        sqlx::query(&format!(
            "CREATE DOMAIN pg_temp.{name} AS {base} CHECK (pg_temp.spy(VALUE::pg_catalog.text))"
        ))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("domain {name}: {e}"));
    }
    // The spy is armed: the till's own casts find its types.
    sqlx::query("SELECT 'x'::text, '00000000-0000-0000-0000-000000000000'::uuid IS NULL")
        .execute(&mut conn)
        .await
        .ok();
    let own = ran(&mut conn).await;
    assert!(
        own.contains(&role),
        "the shadow types work for the till itself: {own:?}"
    );
    sqlx::query("SELECT pg_catalog.set_config('dukadesk_spy.ran', '', false)")
        .execute(&mut conn)
        .await
        .expect("reset");

    // Every function a till may call, and every trigger its writes fire.
    let order = Uuid::new_v4();
    let item = Uuid::new_v4();
    let now = chrono::Utc::now();
    let calls: Vec<(&str, sqlx::query::Query<'_, sqlx::Postgres, _>)> = vec![
        ("current_shop_id", sqlx::query("SELECT current_shop_id(), current_device_id(), sync_channel(), hosted_schema_version()")),
        ("sync_begin", sqlx::query("BEGIN")),
        ("sync_begin", sqlx::query("SELECT sync_begin()")),
        (
            "orders",
            sqlx::query(
                "INSERT INTO orders (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(order)
            .bind(sqlx::types::Json(serde_json::json!({
                "status": "Paid", "number": 1, "created_at": now,
                "customer_id": Uuid::new_v4().to_string(),
                "lines": [{"item_id": Uuid::new_v4(), "name": "Sukari", "qty": 1,
                           "unit_price": {"minor": 100, "currency": "KES"}}]
            })))
            .bind(now),
        ),
        (
            "payments",
            sqlx::query(
                "INSERT INTO payments (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(Uuid::new_v4())
            .bind(sqlx::types::Json(serde_json::json!({
                "order_id": order, "state": "Pending", "created_at": now,
                "phone": "254700000000", "amount": {"minor": 100, "currency": "KES"}
            })))
            .bind(now),
        ),
        (
            "customers",
            sqlx::query(
                "INSERT INTO customers (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(Uuid::new_v4())
            .bind(sqlx::types::Json(serde_json::json!({"phone": "254700000000", "erased_at": now})))
            .bind(now),
        ),
        (
            "items",
            sqlx::query(
                "INSERT INTO items (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(item)
            .bind(sqlx::types::Json(serde_json::json!({
                "name": "Sukari", "price": {"minor": 100, "currency": "KES"},
                "archived": false, "kind": {"Physical": {"stock": null}}
            })))
            .bind(now),
        ),
        (
            "stock_movements",
            sqlx::query(
                "INSERT INTO stock_movements (id, body, version_at, version_device)
                 VALUES ($1, $2, $3, current_device_id())",
            )
            .bind(Uuid::new_v4())
            .bind(sqlx::types::Json(serde_json::json!({
                "item_id": item, "kind": "count", "delta": 5, "level": 5,
                "created_at": now.timestamp_millis()
            })))
            .bind(now),
        ),
        ("item_stock", sqlx::query("SELECT level FROM item_stock")),
        ("sync_ack", sqlx::query("SELECT sync_ack(1)")),
        ("commit", sqlx::query("COMMIT")),
        ("take_bot_lease", sqlx::query("SELECT * FROM take_bot_lease(60)")),
        ("release_bot_lease", sqlx::query("SELECT release_bot_lease()")),
        ("scrub", sqlx::query("SELECT scrub_order_body('{}'), customer_is_erased(current_shop_id(), 'x')")),
    ];
    for (what, q) in calls {
        q.execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"));
    }
    // Refused anyway (already enrolled), but it must not run the spy.
    let _ = sqlx::query("SELECT complete_enrolment(repeat('x', 40))")
        .execute(&mut conn)
        .await;
    let after = ran(&mut conn).await;
    for ran_as in after.split_whitespace() {
        assert_eq!(ran_as, role, "the till's code ran as {ran_as}: {after:?}");
    }
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE id = $1")
        .bind(order)
        .fetch_one(&b.su)
        .await
        .expect("count");
    assert_eq!(rows, 1, "the writes themselves went through");
    drop(conn);
    sqlx::query(&format!(
        "REVOKE TEMPORARY ON DATABASE dukadesk FROM {role}"
    ))
    .execute(&b.owner)
    .await
    .expect("revoke");

    // First wall: a till creates no temporary objects at all, and cannot
    // call the server's functions.
    let mut conn = sqlx::PgConnection::connect_with(&h.config().connect_options(&password))
        .await
        .expect("till login");
    for stmt in [
        "CREATE TEMP TABLE x (a int)",
        "CREATE DOMAIN pg_temp.uuid AS pg_catalog.uuid",
        "CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "SELECT * FROM server_device('\\x00')",
        "SELECT * FROM server_revoked(ARRAY[]::uuid[])",
    ] {
        assert!(
            sqlx::query(stmt).execute(&mut conn).await.is_err(),
            "{stmt} must be refused to a till"
        );
    }
}

/// Who the spy of the shadowing test ran as, space-separated.
async fn ran(conn: &mut sqlx::PgConnection) -> String {
    let s: Option<String> =
        sqlx::query_scalar("SELECT pg_catalog.current_setting('dukadesk_spy.ran', true)")
            .fetch_one(conn)
            .await
            .expect("read spy");
    s.unwrap_or_default()
}

#[tokio::test]
async fn a_pulled_payment_whose_order_exists_nowhere_is_kept_aside_and_the_pull_goes_on() {
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_da, a) = shop_store().await;
    let ha = enrol(&a, &b.enrolment(shop, "Counter").await).await;
    let (_chat, payment) = crate::store::testing::chat_to_payment(&a, "0712345678").await;
    sync_once(&a, &ha).await.expect("A up");
    // The order goes from the server (as a retention purge would take it),
    // then a change to the payment alone arrives after it.
    sqlx::query("DELETE FROM order_items WHERE shop_id = $1")
        .bind(shop)
        .execute(&b.su)
        .await
        .expect("items");
    sqlx::query("DELETE FROM orders WHERE shop_id = $1")
        .bind(shop)
        .execute(&b.su)
        .await
        .expect("orders");
    a.note_payment_problem(payment, "M-Pesa is slow today")
        .await
        .expect("noted");
    let items = a.items(false).await.expect("items");
    a.create_manual_order(&sample_order(&items), "clerk")
        .await
        .expect("a later order");
    sync_once(&a, &ha).await.expect("A up");

    // A new till catches up: the orphan payment is kept aside with its
    // reason, and everything after it arrives.
    let (_db, bt) = empty_store().await;
    let hb = enrol(&bt, &b.enrolment(shop, "Back room").await).await;
    sync_once(&bt, &hb)
        .await
        .expect("B catches up despite the orphan");
    let kept_aside: Vec<(String, String)> =
        sqlx::query_as("SELECT entity, reason FROM pull_rejects")
            .fetch_all(bt.pool())
            .await
            .expect("rejects");
    assert_eq!(kept_aside.len(), 1, "{kept_aside:?}");
    assert_eq!(kept_aside[0].0, "payment");
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
        .fetch_one(bt.pool())
        .await
        .expect("orders");
    assert_eq!(orders, 1, "the later order arrived");
    // Pulling again changes nothing and records nothing twice.
    sync_once(&bt, &hb).await.expect("again");
    let again: i64 = sqlx::query_scalar("SELECT count(*) FROM pull_rejects")
        .fetch_one(bt.pool())
        .await
        .expect("rejects");
    assert_eq!(again, 1);
}

/// A customer erased on one till who then writes again (same phone, a new
/// customer) is two people everywhere: the erased one and the new one. The
/// other till hears of the new customer's order in the same page as the
/// erasure, and fetches the new customer ahead of the page as the order's
/// parent; it must still apply the erasure first, or it takes the new
/// customer for the old one and merges them.
#[tokio::test]
async fn a_customer_erased_then_met_again_is_a_new_customer_on_every_till() {
    use crate::privacy::audit::Actor;
    use crate::privacy::erase::ErasureSource;
    let b = backend().await;
    let shop = admin::create_shop(&b.owner, "Duka").await.expect("shop");
    let (_da, a) = shop_store().await;
    let (_db, bt) = empty_store().await;
    let ha = enrol(&a, &b.enrolment(shop, "Counter").await).await;
    let hb = enrol(&bt, &b.enrolment(shop, "Back room").await).await;
    sync_once(&a, &ha).await.expect("A up");
    sync_once(&bt, &hb).await.expect("B down");
    // Several customers: which of two ids sorts first is chance, and a
    // merge goes one way or the other by it.
    for phone in ["0712000001", "0712000002", "0722000003", "0733000004"] {
        let msisdn =
            dukadesk_domain::Msisdn::parse(phone, dukadesk_domain::Country::Kenya).expect("phone");
        crate::store::testing::chat_to_payment(&bt, phone).await;
        sync_once(&bt, &hb).await.expect("B up");
        sync_once(&a, &ha).await.expect("A down");
        let orders: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.phone = ?",
        )
        .bind(msisdn.as_str())
        .fetch_one(a.pool())
        .await
        .expect("orders");
        assert_eq!(orders, 1, "{phone}: the chat made an order, and A has it");
        let old: String = sqlx::query_scalar("SELECT id FROM customers WHERE phone = ?")
            .bind(msisdn.as_str())
            .fetch_one(bt.pool())
            .await
            .expect("the customer on B");
        bt.erase_customer(
            dukadesk_domain::CustomerId(Uuid::parse_str(&old).expect("id")),
            &Actor::Owner,
            ErasureSource::Staff,
        )
        .await
        .expect("erase");
        crate::store::testing::chat_to_payment(&bt, phone).await;
        sync_once(&bt, &hb).await.expect("B up");
        sync_once(&a, &ha).await.expect("A down");
        sync_once(&bt, &hb).await.expect("B down");
        for till in [&a, &bt] {
            let (erased, at_phone): (Option<i64>, i64) = sqlx::query_as(
                "SELECT (SELECT erased_at FROM customers WHERE id = ?),
                        (SELECT count(*) FROM customers WHERE phone = ? AND id != ?)",
            )
            .bind(&old)
            .bind(msisdn.as_str())
            .bind(&old)
            .fetch_one(till.pool())
            .await
            .expect("customers");
            assert!(erased.is_some(), "{phone}: the old customer stays erased");
            assert_eq!(at_phone, 1, "{phone}: the new customer is someone else");
        }
        let server = server_rows(&b.su, shop).await;
        assert_eq!(till_rows(&a).await, server, "{phone}: A and the server");
        assert_eq!(till_rows(&bt).await, server, "{phone}: B and the server");
    }
}
