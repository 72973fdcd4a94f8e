use super::*;
use crate::store::testing::{sample_order, shop_store};
use dukadesk_domain::shop::ShopInput;
use std::process::Command;

/// The file's bytes, to prove it was not touched.
fn contents(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

#[tokio::test]
async fn opens_in_wal_mode_with_foreign_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("nested/dir/dukadesk.db");
    let store = Store::open(&path).await.expect("open");
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(store.pool())
        .await
        .expect("pragma");
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(store.pool())
        .await
        .expect("pragma");
    assert_eq!(fk, 1);
    // Foreign keys are enforced, not just declared.
    let err = sqlx::query("INSERT INTO order_items (id, order_id, position, item_id, name, unit_price_minor, qty, total_minor) VALUES ('a', 'missing', 0, 'i', 'n', 1, 1, 1)")
        .execute(store.pool())
        .await;
    assert!(err.is_err());
    store.close().await;
    // Reopening applies nothing twice and keeps data.
    let store = Store::open(&path).await.expect("reopen");
    assert!(store.shop().await.expect("shop").is_none());
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dukadesk.db");
    std::fs::write(&path, b"these are my notes, not a database\n".repeat(200)).expect("write");
    let before = contents(&path);
    let err = Store::open(&path).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("left it untouched"), "{err}");
    assert!(contents(&path) == before, "the refused file was modified");
}

/// A store holding a shop and a customer, closed; then the page holding
/// the customers damaged (`testing::damage_table`). `pending` leaves the newest
/// migration unapplied first, as when an update is installed.
async fn damaged_store(path: &std::path::Path, pending: bool) {
    {
        let store = Store::open(path).await.expect("open");
        store
            .save_shop(&ShopInput {
                name: "Duka".into(),
                ..Default::default()
            })
            .await
            .expect("shop");
        sqlx::query("INSERT INTO customers (id, phone, created_at, updated_at) VALUES ('c', '254700000001', 1, 1)")
            .execute(store.pool())
            .await
            .expect("customer");
        if pending {
            sqlx::query("DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)")
                .execute(store.pool())
                .await
                .expect("one migration pending");
        }
        store.close().await;
    }
    crate::store::testing::damage_table(path, "customers").await;
}

#[tokio::test]
async fn a_damaged_database_opens_at_once_and_the_check_after_start_finds_the_damage() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dukadesk.db");
    damaged_store(&path, false).await;
    // The till is usable before any check of the whole file.
    let store = Store::open(&path).await.expect("opens");
    assert_eq!(store.integrity(), None, "not checked yet");
    assert_eq!(
        store.shop().await.expect("shop").expect("a shop").name,
        "Duka"
    );
    match store.check_integrity().await.expect("checked") {
        Integrity::Damaged(found) => assert!(!found.is_empty()),
        Integrity::Sound => panic!("the damage was not found"),
    }
    assert!(matches!(store.integrity(), Some(Integrity::Damaged(_))));
}

#[tokio::test]
async fn a_sound_database_is_found_sound() {
    let (_dir, store) = shop_store().await;
    assert_eq!(
        store.check_integrity().await.expect("checked"),
        Integrity::Sound
    );
    assert_eq!(store.integrity(), Some(Integrity::Sound));
}

#[tokio::test]
async fn a_damaged_database_is_not_migrated_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dukadesk.db");
    damaged_store(&path, true).await;
    let before = contents(&path);
    let err = Store::open(&path).await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(contents(&path) == before, "the refused file was modified");
}

#[tokio::test]
async fn a_database_from_a_newer_version_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dukadesk.db");
    {
        let store = Store::open(&path).await.expect("open");
        sqlx::query("INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (99990101000000, 'from the future', CURRENT_TIMESTAMP, 1, x'00', 0)")
            .execute(store.pool())
            .await
            .expect("fake newer migration");
        store.close().await;
    }
    let before = contents(&path);
    let err = Store::open(&path).await.unwrap_err();
    match &err {
        StoreError::NewerSchema { found, known, .. } => {
            assert_eq!(*found, 99990101000000);
            assert!(*known < *found);
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert!(err.to_string().contains("newer version"), "{err}");
    assert!(contents(&path) == before, "the refused file was modified");
}

/// The child side of the crash test: creates orders as fast as it can until
/// it is killed. Run only by `killed_mid_write_leaves_nothing_half_written`.
#[tokio::test]
#[ignore = "run as a child process by the crash test"]
async fn crash_child_writer() {
    let Ok(path) = std::env::var("DUKADESK_CRASH_DB") else {
        return;
    };
    let store = Store::open(std::path::Path::new(&path))
        .await
        .expect("open");
    let items = store.items(false).await.expect("items");
    println!("ready");
    loop {
        let _ = store
            .create_manual_order(&sample_order(&items), "crash-test")
            .await;
    }
}

#[tokio::test]
async fn killed_mid_write_leaves_nothing_half_written() {
    let (dir, store) = shop_store().await;
    let path = store.path().to_path_buf();
    let initial_stock: i64 = sqlx::query_scalar("SELECT SUM(stock) FROM items")
        .fetch_one(store.pool())
        .await
        .expect("stock");
    store.close().await;
    let exe = std::env::current_exe().expect("test binary");
    for round in 0..6u64 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "store::tests::crash_child_writer",
                "--ignored",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env("DUKADESK_CRASH_DB", &path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawn child");
        // Let it write for a varying while, then kill -9 at whatever point it is.
        std::thread::sleep(std::time::Duration::from_millis(300 + round * 137));
        child.kill().expect("kill");
        let _ = child.wait();

        let store = Store::open(&path).await.expect("reopen after crash");
        let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders")
            .fetch_one(store.pool())
            .await
            .expect("count");
        // Every order is whole: lines, history, payment, outbox row, stock taken.
        let lines_missing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders o WHERE (SELECT COUNT(*) FROM order_items i WHERE i.order_id = o.id) != 2")
            .fetch_one(store.pool()).await.expect("lines");
        assert_eq!(
            lines_missing, 0,
            "round {round}: an order without its lines"
        );
        let bad_totals: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders o WHERE subtotal_minor != (SELECT SUM(total_minor) FROM order_items i WHERE i.order_id = o.id)")
            .fetch_one(store.pool()).await.expect("totals");
        assert_eq!(bad_totals, 0);
        let unpaid: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)")
            .fetch_one(store.pool()).await.expect("payments");
        assert_eq!(unpaid, 0, "round {round}: a paid order without its payment");
        let without_outbox: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM outbox x WHERE x.entity = 'order' AND x.entity_id = o.id)")
            .fetch_one(store.pool()).await.expect("outbox");
        assert_eq!(
            without_outbox, 0,
            "round {round}: an order the sync would never see"
        );
        let sold: i64 = sqlx::query_scalar("SELECT COALESCE(SUM(qty), 0) FROM order_items")
            .fetch_one(store.pool())
            .await
            .expect("sold");
        let stock: i64 = sqlx::query_scalar("SELECT SUM(stock) FROM items")
            .fetch_one(store.pool())
            .await
            .expect("stock");
        assert_eq!(
            stock + sold,
            initial_stock,
            "round {round}: stock and sales disagree"
        );
        let numbers: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT number) FROM orders")
            .fetch_one(store.pool())
            .await
            .expect("numbers");
        assert_eq!(numbers, orders);
        store.close().await;
        if round == 5 {
            assert!(orders > 0, "the child never got to write an order");
        }
    }
    drop(dir);
}

#[tokio::test]
async fn a_file_from_before_sync_keeps_every_order_line_and_payment_when_numbers_stop_being_unique()
{
    // A file as the previous version left it: migrations 0001-0003 only,
    // with an order, its lines, history and payment.
    let dir = tempfile::tempdir().expect("tempdir");
    let old_migrations = dir.path().join("migrations");
    std::fs::create_dir(&old_migrations).expect("mkdir");
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/local");
    for name in ["0001_init.sql", "0002_chat.sql", "0003_payment_rate.sql"] {
        std::fs::copy(src.join(name), old_migrations.join(name)).expect("copy");
    }
    let path = dir.path().join("dukadesk.db");
    {
        let pool = SqlitePool::connect_with(
            SqliteConnectOptions::new()
                .filename(&path)
                .create_if_missing(true)
                .foreign_keys(true),
        )
        .await
        .expect("old file");
        Migrator::new(old_migrations.as_path())
            .await
            .expect("migrator")
            .run(&pool)
            .await
            .expect("old schema");
        for sql in [
            "INSERT INTO orders (id, number, channel, fulfilment, subtotal_minor, delivery_fee_minor, total_minor, currency, status, created_at, updated_at)
             VALUES ('o1', 1001, 'till', 'pickup', 500, 0, 500, 'KES', 'paid', 1, 1)",
            "INSERT INTO order_items (id, order_id, position, item_id, name, unit_price_minor, qty, total_minor)
             VALUES ('l1', 'o1', 0, 'i1', 'Unga', 250, 2, 500)",
            "INSERT INTO order_events (order_id, from_status, to_status, actor, at) VALUES ('o1', NULL, 'paid', 'clerk', 1)",
            "INSERT INTO payments (id, order_id, method, amount_minor, currency, state, receipt, created_at, updated_at)
             VALUES ('p1', 'o1', 'cash', 500, 'KES', 'succeeded', NULL, 1, 1)",
        ] {
            sqlx::query(sql).execute(&pool).await.expect(sql);
        }
        pool.close().await;
    }

    let store = Store::open(&path).await.expect("migrates");
    for (table, n) in [
        ("orders", 1),
        ("order_items", 1),
        ("order_events", 1),
        ("payments", 1),
    ] {
        let count: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(store.pool())
            .await
            .expect("count");
        assert_eq!(count, n, "{table} after the rebuild");
    }
    let broken: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(store.pool())
        .await
        .expect("fk check");
    assert!(broken.is_empty(), "links intact: {broken:?}");
    // Another till's order 1001 now fits beside this one, and the links
    // still hold: a line for a missing order is refused.
    let mut tx = store.write_tx().await.expect("tx");
    sqlx::query("INSERT INTO orders (id, number, channel, fulfilment, subtotal_minor, delivery_fee_minor, total_minor, currency, status, created_at, updated_at)
                 VALUES ('o2', 1001, 'till', 'pickup', 0, 0, 0, 'KES', 'draft', 2, 2)")
        .execute(&mut *tx)
        .await
        .expect("same number, another order");
    let orphan = sqlx::query("INSERT INTO order_items (id, order_id, position, item_id, name, unit_price_minor, qty, total_minor)
                 VALUES ('l9', 'nope', 0, 'i1', 'Unga', 250, 1, 250)")
        .execute(&mut *tx)
        .await;
    assert!(orphan.is_err(), "foreign keys are on again");
    drop(tx);
    store.close().await;
    // Opening again changes nothing.
    let store = Store::open(&path).await.expect("reopen");
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_file_from_before_stock_movements_keeps_its_stock_as_a_first_count_that_syncs() {
    // A file as the previous version left it (migrations up to 0010), with
    // a counted item in a category, an item not counted and an airtime item.
    let dir = tempfile::tempdir().expect("tempdir");
    let old_migrations = dir.path().join("migrations");
    std::fs::create_dir(&old_migrations).expect("mkdir");
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/local");
    for entry in std::fs::read_dir(&src).expect("migrations") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.as_str() < "0011" {
            std::fs::copy(entry.path(), old_migrations.join(&name)).expect("copy");
        }
    }
    let path = dir.path().join("dukadesk.db");
    let counted = "5a0b0b5e-7e57-4c0d-9a3b-000000000001";
    {
        let pool = SqlitePool::connect_with(
            SqliteConnectOptions::new()
                .filename(&path)
                .create_if_missing(true)
                .foreign_keys(true),
        )
        .await
        .expect("old file");
        Migrator::new(old_migrations.as_path())
            .await
            .expect("migrator")
            .run(&pool)
            .await
            .expect("old schema");
        for sql in [
            "INSERT INTO categories (id, name, position, updated_at) VALUES ('5a0b0b5e-7e57-4c0d-9a3b-0000000000c1', 'Dry goods', 1, 1)",
            "INSERT INTO items (id, name, price_minor, currency, category_id, kind, stock, archived, updated_at, version_device)
             VALUES ('5a0b0b5e-7e57-4c0d-9a3b-000000000001', 'Sukari', 16000, 'KES', '5a0b0b5e-7e57-4c0d-9a3b-0000000000c1', 'physical', 7, 0, 1700000000000, 'another-till'),
                    ('5a0b0b5e-7e57-4c0d-9a3b-000000000002', 'Mkate', 6500, 'KES', NULL, 'physical', NULL, 0, 1700000000000, NULL),
                    ('5a0b0b5e-7e57-4c0d-9a3b-000000000003', 'Airtime', 100, 'KES', NULL, 'airtime', NULL, 0, 1700000000000, NULL)",
        ] {
            sqlx::query(sql).execute(&pool).await.expect(sql);
        }
        pool.close().await;
    }

    let store = Store::open(&path).await.expect("migrates");
    let items = store.items(false).await.expect("items");
    let stock: Vec<(String, Option<i64>)> =
        items.iter().map(|i| (i.name.clone(), i.stock())).collect();
    assert_eq!(
        stock,
        [
            ("Airtime".to_owned(), None),
            ("Mkate".to_owned(), None),
            ("Sukari".to_owned(), Some(7))
        ]
    );
    // One count, under the item's own id, at the item's last change, on
    // its way to the other tills.
    let moves: Vec<(String, String, String, Option<i64>, i64)> =
        sqlx::query_as("SELECT id, item_id, kind, level, created_at FROM stock_movements")
            .fetch_all(store.pool())
            .await
            .expect("movements");
    assert_eq!(
        moves,
        [(
            counted.to_owned(),
            counted.to_owned(),
            "count".to_owned(),
            Some(7),
            1_700_000_000_000
        )]
    );
    let sent: Vec<String> = sqlx::query_scalar(
        "SELECT payload FROM outbox WHERE entity = 'stock_movement' AND entity_id = ?",
    )
    .bind(counted)
    .fetch_all(store.pool())
    .await
    .expect("outbox");
    assert_eq!(sent.len(), 1);
    let body: crate::records::stock::Movement =
        serde_json::from_str(&sent[0]).expect("the payload reads as a movement");
    assert_eq!(body.level, Some(7));
    assert_eq!(body.created_at, 1_700_000_000_000);
    let broken: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(store.pool())
        .await
        .expect("fk check");
    assert!(broken.is_empty(), "links intact: {broken:?}");
    // The rebuilt table keeps its category link and takes a level below
    // zero; the outbox trigger still marks a local change as this till's.
    let mut tx = store.write_tx().await.expect("tx");
    sqlx::query("UPDATE items SET stock = -2 WHERE id = ?")
        .bind(counted)
        .execute(&mut *tx)
        .await
        .expect("below zero fits");
    assert!(
        sqlx::query("UPDATE items SET category_id = 'nope' WHERE id = ?")
            .bind(counted)
            .execute(&mut *tx)
            .await
            .is_err(),
        "the category link holds"
    );
    sqlx::query(
        "INSERT INTO outbox (entity, entity_id, op, payload, created_at) VALUES ('item', ?, 'upsert', '{}', 1)",
    )
    .bind(counted)
    .execute(&mut *tx)
    .await
    .expect("outbox row");
    let device: Option<String> =
        sqlx::query_scalar("SELECT version_device FROM items WHERE id = ?")
            .bind(counted)
            .fetch_one(&mut *tx)
            .await
            .expect("device");
    assert_eq!(device, None);
    drop(tx);
    store.close().await;
}
