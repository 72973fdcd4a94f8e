//! Fixtures shared by tests (this crate's, and the server's through the
//! `testing` feature): a store on a real temporary file
//! with a shop and a small catalogue.

use super::Store;
use dukadesk_domain::catalogue::{Item, ItemInput};
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use dukadesk_domain::shop::{ShopInput, ZoneInput};

/// A store with a shop, a zone and two counted items (stock 1,000,000 each).
pub async fn shop_store() -> (tempfile::TempDir, Store) {
    let (dir, store) = unlocked_store().await;
    set_up_shop(&store).await;
    (dir, store)
}

/// [`shop_store`] with Daraja connected (live, at a loopback address where
/// nothing answers): real chats are asked to pay by an M-Pesa prompt, which
/// the test answers itself with `apply_payment_outcome`. Without a service,
/// real chats pay by hand.
pub async fn prompt_store() -> (tempfile::TempDir, Store) {
    let (dir, store) = shop_store().await;
    store
        .save_payment_settings(&daraja_nowhere())
        .await
        .expect("Daraja");
    (dir, store)
}

/// Daraja connected live at a loopback address where nothing answers: real
/// chats are asked to pay by prompt, and the test answers for M-Pesa.
pub fn daraja_nowhere() -> dukadesk_domain::ipc::SavePaymentSettings {
    dukadesk_domain::ipc::SavePaymentSettings {
        provider: dukadesk_domain::ipc::MpesaProvider::Daraja,
        daraja: Some(dukadesk_domain::ipc::DarajaSettingsInput {
            environment: "http://127.0.0.1:9".into(),
            consumer_key: "key".into(),
            consumer_secret: "secret".into(),
            shortcode: "174379".into(),
            passkey: "passkey".into(),
            till_number: String::new(),
        }),
        ..Default::default()
    }
}

/// Sets up the sample shop (always open, one zone, two items) in `store`.
pub async fn set_up_shop(store: &Store) {
    store
        .save_shop(&ShopInput {
            name: "Mama Mboga".into(),
            ..Default::default()
        })
        .await
        .expect("shop");
    // Open all day, every day: the bot's answers must not depend on the hour
    // the tests run at (tests about opening hours set their own).
    store
        .save_hours(&dukadesk_domain::shop::HoursInput::always_open())
        .await
        .expect("hours");
    store
        .save_zone(&ZoneInput {
            id: None,
            name: "CBD".into(),
            fee: "100".into(),
            active: true,
        })
        .await
        .expect("zone");
    for (name, price) in [("Sukuma wiki", "30"), ("Unga 2kg", "210")] {
        store
            .save_item(&ItemInput {
                name: name.into(),
                price: price.into(),
                stock: "1000000".into(),
                ..Default::default()
            })
            .await
            .expect("item");
    }
}

/// Every byte the store keeps on disk: the file and its write-ahead log
/// (what must never hold a secret in the clear, or an erased name).
pub fn file_bytes(store: &Store) -> Vec<u8> {
    let mut bytes = std::fs::read(store.path()).expect("the store's file");
    let mut wal = store.path().as_os_str().to_owned();
    wal.push("-wal");
    if let Ok(w) = std::fs::read(&wal) {
        bytes.extend(w);
    }
    bytes
}

/// Whether `needle` stands anywhere in `haystack`.
pub fn holds(haystack: &[u8], needle: impl AsRef<[u8]>) -> bool {
    let needle = needle.as_ref();
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// A paid-in-cash pickup order of one unit of each item.
pub fn sample_order(items: &[Item]) -> ManualOrderInput {
    ManualOrderInput {
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
    }
}

/// A WhatsApp customer at `phone` orders 2 × Sukuma wiki for pickup and
/// confirms: the chat and the payment attempt now pending (a prompt, or a
/// payment by hand when no M-Pesa service is connected; by hand the last
/// "1" only gets a reminder to send the code).
pub async fn chat_to_payment(
    store: &Store,
    phone: &str,
) -> (dukadesk_domain::ConversationId, dukadesk_domain::PaymentId) {
    let mut chat = None;
    let mut payments = Vec::new();
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        let (id, effects) = say(store, phone, m).await;
        chat = Some(id);
        payments.extend(effects.payments);
    }
    assert_eq!(payments.len(), 1, "one attempt: {payments:?}");
    (chat.expect("turns"), payments[0])
}

/// A WhatsApp customer at `phone` (a Kenyan number as typed) writes
/// `text`; the bot's turn and what it set off.
pub async fn say(
    store: &Store,
    phone: &str,
    text: &str,
) -> (dukadesk_domain::ConversationId, crate::events::Effects) {
    let msisdn =
        dukadesk_domain::Msisdn::parse(phone, dukadesk_domain::Country::Kenya).expect("phone");
    store
        .receive_message(
            dukadesk_domain::ipc::ChatChannel::WhatsApp,
            msisdn.as_str(),
            Some(&msisdn),
            text,
            None,
        )
        .await
        .expect("turn")
}

/// Waits (up to 3 s) until the newest order reaches `status`; returns the
/// status it last saw.
pub async fn wait_for_newest_order(
    store: &Store,
    status: dukadesk_domain::order::OrderStatus,
) -> dukadesk_domain::order::OrderStatus {
    let query = dukadesk_domain::ipc::OrderQuery::default();
    let mut seen = None;
    for _ in 0..150 {
        let orders = store
            .list_orders(&query, dukadesk_domain::Country::Kenya)
            .await
            .expect("orders");
        seen = orders.first().map(|o| o.status);
        if seen == Some(status) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    seen.expect("an order exists")
}

/// A passphrase vault with a light Argon2 cost, so tests stay quick.
pub fn test_key_source() -> crate::vault::KeySource {
    crate::vault::KeySource::Passphrase {
        passphrase: "correct horse battery staple".into(),
        cost: (64, 1, 1),
    }
}

/// An empty store on a real temporary file, its vault unlocked.
pub async fn unlocked_store() -> (tempfile::TempDir, Store) {
    unlocked_store_in(&std::env::temp_dir()).await
}

/// [`unlocked_store`] in a folder of the caller's choosing (a tmpfs, for
/// tests that open hundreds of stores).
pub async fn unlocked_store_in(parent: &std::path::Path) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir_in(parent).expect("tempdir");
    let store = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("open");
    let vault = crate::vault::Vault::unlock(&store, &test_key_source())
        .await
        .expect("vault");
    store.attach_vault(vault).await.expect("attach");
    (dir, store)
}

/// Daraja settings that point at a loopback simulator with its credentials.
pub fn daraja_settings(
    sim: &dukadesk_sims::daraja::DarajaSim,
    cfg: &dukadesk_sims::daraja::Config,
) -> dukadesk_domain::ipc::DarajaSettingsInput {
    dukadesk_domain::ipc::DarajaSettingsInput {
        environment: sim.base_url(),
        consumer_key: cfg.consumer_key.clone(),
        consumer_secret: cfg.consumer_secret.clone().into(),
        shortcode: cfg.shortcode.clone(),
        passkey: cfg.passkey.clone().into(),
        till_number: String::new(),
    }
}

/// A paybill Daraja configuration with a loopback simulator's credentials,
/// at `base_url` (the simulator's, or a proxy in front of it).
pub fn daraja_config(
    base_url: String,
    cfg: &dukadesk_sims::daraja::Config,
) -> crate::payments::daraja::DarajaConfig {
    crate::payments::daraja::DarajaConfig {
        base_url,
        consumer_key: cfg.consumer_key.clone(),
        consumer_secret: cfg.consumer_secret.clone().into(),
        shortcode: cfg.shortcode.clone(),
        passkey: cfg.passkey.clone().into(),
        collection: crate::payments::daraja::Collection::Paybill,
        callback_url: "https://example.invalid/mpesa".into(),
    }
}

/// A client for [`daraja_config`].
pub fn daraja_client(
    base_url: String,
    cfg: &dukadesk_sims::daraja::Config,
) -> crate::payments::daraja::DarajaClient {
    crate::payments::daraja::DarajaClient::new(daraja_config(base_url, cfg)).expect("client")
}

/// The store's SQLite pool, for tests outside this crate that read rows
/// the API does not show.
pub fn pool(store: &Store) -> &sqlx::SqlitePool {
    store.pool()
}

/// Overwrites the page holding `table`'s rows with garbage in the closed
/// database at `path` (its header and schema intact), as a failing disk
/// leaves a file.
pub async fn damage_table(path: &std::path::Path, table: &str) {
    use sqlx::{ConnectOptions, Connection};
    let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await
        .expect("read the file");
    // Pages still in the write-ahead log go into the file first.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .expect("checkpoint");
    let page: i64 = sqlx::query_scalar("SELECT rootpage FROM sqlite_master WHERE name = ?")
        .bind(table)
        .fetch_one(&mut conn)
        .await
        .expect("the table's first page");
    let size: i64 = sqlx::query_scalar("PRAGMA page_size")
        .fetch_one(&mut conn)
        .await
        .expect("page size");
    conn.close().await.expect("close");
    let mut bytes = std::fs::read(path).expect("read");
    let at = usize::try_from((page - 1) * size).expect("offset");
    let size = usize::try_from(size).expect("size");
    bytes[at..at + size].fill(0xA5);
    std::fs::write(path, &bytes).expect("write");
}
