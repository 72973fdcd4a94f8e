//! Every write path to a shared table writes its outbox row: the store is
//! driven through every kind of change a till makes (set-up, catalogue,
//! stock counts and corrections, till orders, chats, payments by prompt, by hand and settled by staff,
//! language and opt-out, correction, erasure), and after each step every
//! row that changed in a synced table must have an outbox row written in
//! that step.

use crate::payments::reconcile::{reconcile, Backoff};
use crate::payments::ProviderOutcome;
use crate::privacy::audit::Actor;
use crate::privacy::erase::ErasureSource;
use crate::store::testing::{chat_to_payment, daraja_settings, sample_order, say, shop_store};
use crate::store::Store;
use dukadesk_domain::catalogue::ItemInput;
use dukadesk_domain::ipc::{
    ChatChannel, CustomerEdit, MpesaProvider, SaveCategory, SavePaymentSettings, SettlePayment,
};
use dukadesk_domain::order::{OrderEvent, TillPayment};
use dukadesk_domain::shop::{ShopInput, ZoneInput};
use dukadesk_domain::{Country, CustomerId, Msisdn};
use dukadesk_sims::daraja::{Config, Customer, DarajaSim};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// Every table that travels between tills, with its outbox entity name.
/// A new synced table must be added here.
pub(crate) const SYNCED: &[(&str, &str)] = &[
    ("shop", "shop"),
    ("delivery_zones", "delivery_zone"),
    ("categories", "category"),
    ("items", "item"),
    ("customers", "customer"),
    ("orders", "order"),
    ("payments", "payment"),
    ("stock_movements", "stock_movement"),
    ("cash_ups", "cash_up"),
    ("credit_payments", "credit_payment"),
    ("refunds", "refund"),
    ("item_photos", "item_photo"),
    ("resellers", "reseller"),
    ("reseller_credits", "reseller_credit"),
    ("reseller_payouts", "reseller_payout"),
];

/// Columns that are this till's own bookkeeping, never sent.
const LOCAL_ONLY: &[(&str, &str)] = &[
    ("*", "version_device"),
    // Which till polls the attempt.
    ("payments", "started_here"),
    // Whether the drawer was counted at this till.
    ("cash_ups", "here"),
    // Whether the repayment's cash is in this till's drawer.
    ("credit_payments", "here"),
    ("refunds", "here"),
    // The chat an order came from lives on the till that holds the chat.
    ("orders", "conversation_id"),
    // This till's cache of the level the item's stock movements give.
    ("items", "stock"),
    // The small copy each till makes of a photo it holds.
    ("item_photos", "thumb"),
];

type Snapshot = BTreeMap<(&'static str, String), String>;

async fn snapshot(store: &Store) -> Snapshot {
    let mut out = Snapshot::new();
    for (table, entity) in SYNCED {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                .bind(table)
                .fetch_all(store.pool())
                .await
                .expect("columns");
        let shared: Vec<String> = columns
            .into_iter()
            .filter(|c| {
                !LOCAL_ONLY
                    .iter()
                    .any(|(t, col)| (*t == "*" || t == table) && col == c)
            })
            .map(|c| format!("quote({c})"))
            .collect();
        let sql = format!("SELECT id, {} FROM {table}", shared.join(" || '|' || "));
        let rows: Vec<(String, String)> = sqlx::query_as(&sql)
            .fetch_all(store.pool())
            .await
            .expect(table);
        for (id, row) in rows {
            out.insert((*entity, id), row);
        }
    }
    out
}

async fn last_seq(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM outbox")
        .fetch_one(store.pool())
        .await
        .expect("seq")
}

/// The state before a step.
struct Before {
    rows: Snapshot,
    seq: i64,
}

async fn before(store: &Store) -> Before {
    Before {
        rows: snapshot(store).await,
        seq: last_seq(store).await,
    }
}

/// Fails when a row of a synced table changed in the step without an
/// outbox row for it written in the same step. Returns how many rows
/// changed, so a step that changes nothing is noticed too.
async fn check(store: &Store, step: &str, was: Before) -> usize {
    let now = snapshot(store).await;
    let recorded: BTreeSet<(String, String)> =
        sqlx::query_as("SELECT entity, entity_id FROM outbox WHERE seq > ?")
            .bind(was.seq)
            .fetch_all(store.pool())
            .await
            .expect("outbox")
            .into_iter()
            .collect();
    let mut changed = 0;
    let mut missing = Vec::new();
    for (key, row) in &now {
        if was.rows.get(key) == Some(row) {
            continue;
        }
        changed += 1;
        if !recorded.contains(&(key.0.to_owned(), key.1.clone())) {
            missing.push(format!("{} {}: {row}", key.0, key.1));
        }
    }
    for key in was.rows.keys().filter(|k| !now.contains_key(*k)) {
        changed += 1;
        if !recorded.contains(&(key.0.to_owned(), key.1.clone())) {
            missing.push(format!("{} {} removed", key.0, key.1));
        }
    }
    assert!(
        missing.is_empty(),
        "{step}: changed without an outbox row:\n{}",
        missing.join("\n")
    );
    // An order travels as it is stored: the step's last outbox row of each
    // order carries the order as the store reads it back now.
    let sent: Vec<(String, String)> = sqlx::query_as(
        "SELECT entity_id, payload FROM outbox WHERE seq > ? AND entity = 'order'
           AND seq = (SELECT MAX(seq) FROM outbox o WHERE o.entity = 'order' AND o.entity_id = outbox.entity_id)",
    )
    .bind(was.seq)
    .fetch_all(store.pool())
    .await
    .expect("order payloads");
    for (id, payload) in sent {
        let id = dukadesk_domain::OrderId(uuid::Uuid::parse_str(&id).expect("id"));
        let stored = store.order_detail(id).await.expect("order").order;
        let sent: serde_json::Value = serde_json::from_str(&payload).expect("payload");
        assert_eq!(
            sent,
            serde_json::to_value(&stored).expect("json"),
            "{step}: order #{} travels as it is not stored",
            stored.number
        );
    }
    changed
}

async fn chat(store: &Store, phone: &Msisdn, text: &str) {
    store
        .receive_message(
            ChatChannel::WhatsApp,
            phone.as_str(),
            Some(phone),
            text,
            None,
        )
        .await
        .expect("turn");
}

#[tokio::test]
async fn every_change_to_a_synced_table_writes_its_outbox_row() {
    let (_dir, store) = shop_store().await;
    let b = before(&store).await;
    store
        .save_shop(&ShopInput {
            name: "Mama Mboga Express".into(),
            ..Default::default()
        })
        .await
        .expect("shop");
    assert!(check(&store, "shop renamed", b).await > 0);

    let b = before(&store).await;
    store
        .save_zone(&ZoneInput {
            id: None,
            name: "Westlands".into(),
            fee: "150".into(),
            active: true,
        })
        .await
        .expect("zone");
    assert!(check(&store, "zone added", b).await > 0);

    let b = before(&store).await;
    let category = store
        .save_category(&SaveCategory {
            id: None,
            name: "Greens".into(),
        })
        .await
        .expect("category");
    let item = store
        .save_item(&ItemInput {
            name: "Spinach".into(),
            price: "40".into(),
            stock: "12".into(),
            category_id: Some(category.id),
            ..Default::default()
        })
        .await
        .expect("item");
    assert!(check(&store, "category and item added", b).await > 0);

    // Stock: counted anew from the editor, corrected by hand.
    let b = before(&store).await;
    let mut count = ItemInput::from_item(&item);
    count.stock = "20".into();
    store
        .save_item_by(&count, Some("Amina"))
        .await
        .expect("count");
    assert!(check(&store, "stock counted", b).await > 0);
    let b = before(&store).await;
    store
        .correct_stock(item.id, -3, "Amina")
        .await
        .expect("correction");
    assert!(check(&store, "stock corrected", b).await > 0);

    let b = before(&store).await;
    store
        .set_item_photo(item.id, crate::catalogue::photos::tests::png_file(40, 30))
        .await
        .expect("photo");
    assert!(check(&store, "photo set", b).await > 0);
    let b = before(&store).await;
    store.remove_item_photo(item.id).await.expect("no photo");
    assert!(check(&store, "photo removed", b).await > 0);

    let b = before(&store).await;
    store
        .set_item_archived(item.id, true)
        .await
        .expect("archive");
    assert!(check(&store, "item archived", b).await > 0);

    // Till orders: paid in cash, moved on, cancelled.
    let items = store.items(false).await.expect("items");
    let b = before(&store).await;
    let order = store
        .create_manual_order(&sample_order(&items), "Amina")
        .await
        .expect("order")
        .order;
    assert!(check(&store, "till order", b).await > 0);
    let b = before(&store).await;
    store
        .apply_order_event(order.id, OrderEvent::StartPreparing, "Amina")
        .await
        .expect("preparing");
    assert!(check(&store, "order moved on", b).await > 0);
    let b = before(&store).await;
    store
        .apply_order_event(order.id, OrderEvent::Cancel, "Amina")
        .await
        .expect("cancelled");
    assert!(check(&store, "order cancelled", b).await > 0);

    // An order left unpaid, paid at the till later.
    let b = before(&store).await;
    let unpaid = store
        .create_manual_order(
            &dukadesk_domain::order::ManualOrderInput {
                payment: TillPayment::Unpaid,
                ..sample_order(&items)
            },
            "Amina",
        )
        .await
        .expect("unpaid order")
        .order;
    store
        .record_till_payment(unpaid.id, &TillPayment::Cash, "Amina")
        .await
        .expect("paid at the till");
    assert!(check(&store, "unpaid order paid at the till", b).await > 0);

    // Goods on credit for a known customer, a limit set, money paid back.
    let b = before(&store).await;
    let on_credit = store
        .create_manual_order(
            &dukadesk_domain::order::ManualOrderInput {
                customer_phone: "0733 000 111".into(),
                payment: TillPayment::Credit,
                ..sample_order(&items)
            },
            "Amina",
        )
        .await
        .expect("credit sale")
        .order;
    assert!(check(&store, "sale on credit", b).await > 0);
    let debtor = on_credit.customer_id.expect("a customer");
    let b = before(&store).await;
    store
        .set_credit_limit(&dukadesk_domain::credit::CreditLimitInput {
            customer_id: debtor,
            limit: "5000".into(),
        })
        .await
        .expect("limit");
    assert!(check(&store, "credit limit", b).await > 0);
    let b = before(&store).await;
    store
        .record_repayment(
            &dukadesk_domain::credit::RepaymentInput {
                customer_id: debtor,
                amount: "100".into(),
                method: dukadesk_domain::credit::RepaymentMethod::Cash,
                receipt: String::new(),
            },
            "Amina",
        )
        .await
        .expect("repayment");
    assert!(check(&store, "credit paid back", b).await > 0);

    // The drawer counted at the end of the day.
    let b = before(&store).await;
    store
        .record_cash_up(
            &dukadesk_domain::cashup::CashUpInput {
                float: "500".into(),
                counted: "900".into(),
                note: String::new(),
            },
            "Amina",
        )
        .await
        .expect("cash-up");
    assert!(check(&store, "cash-up", b).await > 0);

    // A chat: the customer is met, orders, and the payment goes through
    // an M-Pesa prompt (reference saved, then the outcome).
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::PaysAfterPolls(1));
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(daraja_settings(&sim, &cfg)),
            ..Default::default()
        })
        .await
        .expect("Daraja");
    let b = before(&store).await;
    let (_chat, payment) = chat_to_payment(&store, "0712345678").await;
    assert!(check(&store, "chat order waiting for payment", b).await > 0);
    let b = before(&store).await;
    let fast = Backoff {
        first: Duration::from_millis(5),
        growth_tenths: 10,
        max: Duration::from_millis(10),
        deadline: Duration::from_secs(20),
    };
    let client = crate::payments::daraja::tests::sim_client(sim.base_url(), &cfg);
    reconcile(&store, &client, payment, fast)
        .await
        .expect("reconcile");
    assert!(check(&store, "prompt, reference and outcome", b).await > 0);

    // Another attempt ends unknown; staff settle it from the statement.
    sim.script("254722445566", Customer::NeverAnswers);
    let (_chat, unknown) = chat_to_payment(&store, "0722445566").await;
    let b = before(&store).await;
    store
        .apply_payment_outcome(unknown, ProviderOutcome::Unknown)
        .await
        .expect("unknown");
    store
        .note_payment_problem(unknown, "M-Pesa did not answer in time")
        .await
        .expect("noted");
    assert!(check(&store, "unknown outcome noted", b).await > 0);
    let b = before(&store).await;
    store
        .settle_payment(
            &SettlePayment {
                id: unknown,
                paid: true,
                receipt: "SKL4XY12ZQ".into(),
                no_code_reason: String::new(),
            },
            "Amina",
        )
        .await
        .expect("settled");
    assert!(check(&store, "settled by staff", b).await > 0);

    // The customer's language and opt-out.
    let phone = Msisdn::parse("0712345678", Country::Kenya).expect("phone");
    let b = before(&store).await;
    chat(&store, &phone, "kiswahili").await;
    assert!(check(&store, "language chosen", b).await > 0);
    let b = before(&store).await;
    chat(&store, &phone, "STOP").await;
    assert!(check(&store, "STOP", b).await > 0);
    let b = before(&store).await;
    chat(&store, &phone, "START").await;
    assert!(check(&store, "START", b).await > 0);

    // Correction and erasure.
    let customer: String = sqlx::query_scalar("SELECT id FROM customers WHERE phone = ?")
        .bind(phone.as_str())
        .fetch_one(store.pool())
        .await
        .expect("customer");
    let customer = CustomerId(uuid::Uuid::parse_str(&customer).expect("uuid"));
    let b = before(&store).await;
    store
        .correct_customer(
            &CustomerEdit {
                id: customer,
                name: "Wanjiku".into(),
                phone: "0712345678".into(),
            },
            Country::Kenya,
            &Actor::Owner,
        )
        .await
        .expect("corrected");
    assert!(check(&store, "customer corrected", b).await > 0);
    let b = before(&store).await;
    store
        .erase_customer(customer, &Actor::Owner, ErasureSource::Staff)
        .await
        .expect("erased");
    assert!(check(&store, "customer erased", b).await > 0);

    // A reseller added, and a chat order that came through their code.
    let b = before(&store).await;
    store
        .save_reseller(
            &dukadesk_domain::resellers::ResellerInput {
                name: "Amina".into(),
                phone: "0722 111 222".into(),
                code: "AMINA10".into(),
                rate: "5".into(),
                active: true,
                ..Default::default()
            },
            None,
        )
        .await
        .expect("reseller");
    assert!(check(&store, "reseller added", b).await > 0);
    let b = before(&store).await;
    for m in ["hi ref AMINA10", "2 sukuma", "1", "1", "1", "1"] {
        say(&store, "0712 444 555", m).await;
    }
    assert!(check(&store, "order credited to a reseller", b).await > 0);
    let credits: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reseller_credits")
        .fetch_one(store.pool())
        .await
        .expect("credits");
    assert_eq!(credits, 1);

    // Part of a cash sale given back.
    let items = store.items(false).await.expect("items");
    let sale = store
        .create_manual_order(&sample_order(&items), "Amina")
        .await
        .expect("sale");
    let b = before(&store).await;
    store
        .refund_order(
            &dukadesk_domain::refund::RefundInput {
                order_id: sale.order.id,
                amount: "10".into(),
                method: "cash".into(),
                receipt: String::new(),
                reason: "1 item returned".into(),
            },
            "Owner",
        )
        .await
        .expect("refund");
    assert!(check(&store, "refund given", b).await > 0);

    // A stock movement's outbox row carries the row as stored (it is
    // written from the movement inserted, not read back).
    let sent: Vec<(String, String)> = sqlx::query_as(
        "SELECT entity_id, payload FROM outbox WHERE entity = 'stock_movement' ORDER BY seq",
    )
    .fetch_all(store.pool())
    .await
    .expect("outbox");
    assert!(
        sent.len() >= 4,
        "sales, restocks, counts, corrections: {}",
        sent.len()
    );
    let mut conn = store.pool().acquire().await.expect("conn");
    for (id, payload) in sent {
        let travels: super::stock::Movement = serde_json::from_str(&payload).expect("payload");
        let id = uuid::Uuid::parse_str(&id).expect("id");
        let stored = super::stock::movement_in(&mut conn, id)
            .await
            .expect("read")
            .expect("stored");
        assert_eq!(travels, stored);
    }
}

/// The layering, checked in the source: outbox rows are written only by
/// `records` (and the outbox module itself), so a new write path cannot
/// skip the one write path by calling the outbox directly.
/// Every Rust file of core's `src`, with that folder.
fn source_files() -> (std::path::PathBuf, Vec<std::path::PathBuf>) {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read the source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    assert!(files.len() > 50, "the source was found");
    (src, files)
}

/// Core says what went wrong in its own errors; only the shell
/// (`src-tauri/src/error.rs`) turns them into what the UI reads.
#[test]
fn core_never_builds_an_ipc_error() {
    let ipc_error = concat!("Ipc", "Error");
    let (src, files) = source_files();
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| {
            std::fs::read_to_string(f)
                .expect("read a source file")
                .contains(ipc_error)
        })
        .map(|f| f.strip_prefix(&src).unwrap_or(f).display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "core names the UI's error type in {offenders:?}: return StoreError (or SyncError, \
         ExportError) and let the shell map it"
    );
}

#[test]
fn only_records_write_outbox_rows() {
    let (src, files) = source_files();
    let mut offenders = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let rel_text = rel.to_string_lossy().replace('\\', "/");
        // Tests may build odd outbox rows on purpose.
        let test_code = rel_text.ends_with("tests.rs")
            || rel_text.contains("/tests/")
            || rel_text.ends_with("testing.rs");
        if rel_text.starts_with("records/") || rel_text == "store/outbox.rs" || test_code {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        for (n, line) in text.lines().enumerate() {
            if line.contains("outbox::record(") || line.contains("INSERT INTO outbox") {
                offenders.push(format!("{rel_text}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "outbox rows written outside records: {offenders:#?}"
    );
}
