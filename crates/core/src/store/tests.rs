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

#[tokio::test]
async fn a_damaged_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dukadesk.db");
    {
        let store = Store::open(&path).await.expect("open");
        store
            .save_shop(&ShopInput {
                name: "Duka".into(),
                ..Default::default()
            })
            .await
            .expect("shop");
        store.close().await;
    }
    // Overwrite a page in the middle of the file with garbage, keeping the header.
    let mut bytes = std::fs::read(&path).expect("read");
    assert!(
        bytes.len() > 8192,
        "database too small to damage: {}",
        bytes.len()
    );
    for b in &mut bytes[4096..8192] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).expect("write");
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

#[tokio::test]
async fn ipc_errors_carry_a_code_and_plain_words() {
    let e: IpcError = StoreError::field("name", "Enter a name").into();
    assert_eq!(e.code, ErrorCode::Invalid);
    assert_eq!(e.field("name"), Some("Enter a name"));
    let e: IpcError = StoreError::NotSetUp.into();
    assert_eq!(e.code, ErrorCode::NotSetUp);
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
