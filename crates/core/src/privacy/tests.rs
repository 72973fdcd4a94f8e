//! Erasure and correction against real SQLite files.

use super::{Actor, ErasureSource};
use crate::store::testing::{chat_to_payment, file_bytes, holds, sample_order, shop_store};
use crate::store::Store;
use dukadesk_domain::ipc::{ChatChannel, CustomerEdit};
use dukadesk_domain::refund::{RefundInput, ERASED_REASON};
use dukadesk_domain::{Country, Msisdn, OrderId};

async fn delivery_order(
    store: &Store,
    phone: &str,
    name: &str,
    address: &str,
    note: &str,
) -> OrderId {
    let items = store.items(false).await.expect("items");
    let zone = store
        .zones(dukadesk_domain::Currency::KES)
        .await
        .expect("zones")[0]
        .id;
    let mut input = sample_order(&items);
    input.customer_phone = phone.into();
    input.customer_name = name.into();
    input.zone_id = Some(zone);
    input.address = address.into();
    input.note = note.into();
    store
        .create_manual_order(&input, "clerk")
        .await
        .expect("order")
        .order
        .id
}

fn refund(order_id: OrderId, reason: &str) -> RefundInput {
    RefundInput {
        order_id,
        amount: "10".into(),
        method: "cash".into(),
        receipt: String::new(),
        reason: reason.into(),
    }
}

#[tokio::test]
async fn an_erased_customer_is_nowhere_in_the_store_file_and_their_orders_stay() {
    let (_dir, store) = shop_store().await;
    // A chat order with an M-Pesa prompt to their phone, and a till order
    // delivered to them with a note, part of it refunded for a reason that
    // names them.
    chat_to_payment(&store, "0712345678").await;
    let delivered = delivery_order(
        &store,
        "0712 345 678",
        "Amina Wanjiru",
        "Kenyatta Lane, blue gate",
        "Call Amina at the gate",
    )
    .await;
    store
        .refund_order(&refund(delivered, "Wanjiru's bread was stale"), "clerk")
        .await
        .expect("refund");
    // Another customer, who stays.
    delivery_order(&store, "0733 111 222", "Otieno Ouma", "Moi Avenue", "").await;
    let totals = || async {
        sqlx::query_as::<_, (i64, i64)>("SELECT COUNT(*), SUM(total_minor) FROM orders")
            .fetch_one(store.pool())
            .await
            .expect("totals")
    };
    let before = totals().await;

    let found = store.list_customers("0712 345", 10).await.expect("search");
    assert_eq!(found.len(), 1, "{found:?}");
    let amina = found[0].id;
    assert_eq!(found[0].orders, 2);
    let erased = store
        .erase_customer(amina, &Actor::Staff("s1".into()), ErasureSource::Staff)
        .await
        .expect("erase");
    assert_eq!((erased.orders, erased.chats), (2, 1));

    // The orders stay, with their money, for the tax records.
    assert_eq!(totals().await, before);
    let shown = store.customer(amina).await.expect("still there");
    assert!(shown.erased && shown.phone.is_none() && shown.name.is_none());
    assert_eq!(shown.orders, 2);
    let listed = store.list_customers("", 10).await.expect("list");
    assert_eq!(listed.len(), 1, "only Otieno is listed: {listed:?}");
    assert_eq!(listed[0].name.as_deref(), Some("Otieno Ouma"));
    // The refund stays (it is money), its reason gone, here and in its
    // outbox row; one given afterwards keeps no reason either.
    let after = store
        .refund_order(&refund(delivered, "Wanjiru again"), "clerk")
        .await
        .expect("a later refund");
    let reasons: Vec<_> = after.refunds.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons, [ERASED_REASON, ERASED_REASON]);
    let sent: Vec<String> = sqlx::query_scalar(
        "SELECT json_extract(payload, '$.reason') FROM outbox WHERE entity = 'refund' ORDER BY seq",
    )
    .fetch_all(store.pool())
    .await
    .expect("outbox");
    assert_eq!(sent, [ERASED_REASON, ERASED_REASON]);

    // Nothing of theirs is left in the file: phone (canonical, local,
    // reversed), name, note or address. The control proves the search works.
    let bytes = file_bytes(&store);
    for gone in ["712345678", "876543217", "Amina", "Wanjiru", "blue gate"] {
        assert!(!holds(&bytes, gone), "{gone:?} is still in the store file");
    }
    for kept in ["733111222", "Otieno", "Moi Avenue"] {
        assert!(
            holds(&bytes, kept),
            "the search finds {kept:?}, which is there"
        );
    }

    // The erasure travels: the customer's outbox row says so.
    let payload: String = sqlx::query_scalar(
        "SELECT payload FROM outbox WHERE entity = 'customer' AND entity_id = ? ORDER BY seq DESC LIMIT 1",
    )
    .bind(amina.to_string())
    .fetch_one(store.pool())
    .await
    .expect("outbox");
    let body: serde_json::Value = serde_json::from_str(&payload).expect("json");
    assert!(body["erased_at"].is_i64(), "{body}");
    assert_eq!(body["phone"], format!("erased:{amina}"));

    // Audit: who, what, about whom, never the number.
    let log = store.audit_log(5).await.expect("log");
    assert_eq!(log[0].action, "customer.erase");
    assert_eq!(log[0].actor, "staff:s1");
    assert_eq!(log[0].subject, Some(amina.to_string()));
    assert!(log[0].detail.contains("2 orders"), "{}", log[0].detail);

    // Again: nothing more to do. Correcting an erased customer is refused.
    let again = store
        .erase_customer(amina, &Actor::Owner, ErasureSource::Staff)
        .await
        .expect("again");
    assert_eq!((again.orders, again.chats), (0, 0));
    let edit = CustomerEdit {
        id: amina,
        name: "Amina".into(),
        phone: "0712345678".into(),
    };
    let refused = store
        .correct_customer(&edit, Country::Kenya, &Actor::Owner)
        .await
        .expect_err("erased");
    assert!(refused.to_string().contains("erased"), "{refused}");
}

#[tokio::test]
async fn delete_me_in_chat_erases_once_the_goodbye_is_sent() {
    let (_dir, store) = shop_store().await;
    let (chat, _) = chat_to_payment(&store, "0712345678").await;
    let phone = Msisdn::parse("0712345678", Country::Kenya).expect("phone");
    for text in ["delete me", "yes"] {
        store
            .receive_message(
                ChatChannel::WhatsApp,
                phone.as_str(),
                Some(&phone),
                text,
                None,
            )
            .await
            .expect("turn");
    }
    // The goodbye is still queued: the chat is kept until it is sent.
    assert_eq!(store.run_erasure_requests().await.expect("run"), 0);
    assert!(
        store.conversation_view(chat, false).await.is_ok(),
        "chat kept for now"
    );
    sqlx::query("UPDATE messages SET status = 'sent'")
        .execute(store.writer())
        .await
        .expect("sent");
    assert_eq!(store.run_erasure_requests().await.expect("run"), 1);
    assert_eq!(store.run_erasure_requests().await.expect("run"), 0, "once");

    assert!(
        store.conversation_view(chat, false).await.is_err(),
        "chat erased"
    );
    assert!(store.list_customers("", 10).await.expect("list").is_empty());
    let log = store.audit_log(5).await.expect("log");
    assert_eq!(
        (log[0].actor.as_str(), log[0].action.as_str()),
        ("customer", "customer.erase")
    );
    assert!(!holds(&file_bytes(&store), "712345678"));
}

#[tokio::test]
async fn staff_correct_a_customer_and_the_change_is_sent_and_audited() {
    let (_dir, store) = shop_store().await;
    delivery_order(&store, "0712345678", "Amina", "Moi Avenue", "").await;
    delivery_order(&store, "0733111222", "Otieno", "Moi Avenue", "").await;
    let amina = store.list_customers("Amina", 10).await.expect("find")[0].id;

    let mut edit = CustomerEdit {
        id: amina,
        name: "Amina Wanjiru".into(),
        phone: "0799 000 111".into(),
    };
    let fixed = store
        .correct_customer(&edit, Country::Kenya, &Actor::Staff("s2".into()))
        .await
        .expect("correct");
    assert_eq!(fixed.name.as_deref(), Some("Amina Wanjiru"));
    assert_eq!(fixed.phone.as_deref(), Some("0799 000 111"));
    let log = store.audit_log(1).await.expect("log");
    assert_eq!(log[0].action, "customer.correct");
    assert_eq!(log[0].detail, "changed: phone, name");
    let payload: String = sqlx::query_scalar(
        "SELECT payload FROM outbox WHERE entity = 'customer' AND entity_id = ? ORDER BY seq DESC LIMIT 1",
    )
    .bind(amina.to_string())
    .fetch_one(store.pool())
    .await
    .expect("outbox");
    assert!(payload.contains("254799000111") && payload.contains("Amina Wanjiru"));

    // Bad input is refused beside its field and changes nothing.
    edit.phone = "12".into();
    let bad = store
        .correct_customer(&edit, Country::Kenya, &Actor::Owner)
        .await
        .expect_err("bad phone");
    assert!(
        matches!(bad, crate::StoreError::Invalid(ref f) if f[0].field == "phone"),
        "{bad:?}"
    );
    edit.phone = "0733111222".into();
    let taken = store
        .correct_customer(&edit, Country::Kenya, &Actor::Owner)
        .await
        .expect_err("taken");
    assert!(taken.to_string().contains("fix") || matches!(taken, crate::StoreError::Invalid(_)));
    assert_eq!(
        store.customer(amina).await.expect("same").phone.as_deref(),
        Some("0799 000 111")
    );

    // Erased after the correction: neither her old nor her new number is
    // left anywhere (her order and its payment still carry the old one).
    store
        .erase_customer(amina, &Actor::Owner, ErasureSource::Staff)
        .await
        .expect("erase");
    let bytes = file_bytes(&store);
    for gone in ["712345678", "799000111", "Amina"] {
        assert!(!holds(&bytes, gone), "{gone:?} is still in the store file");
    }
    assert!(holds(&bytes, "733111222"));
}

#[tokio::test]
async fn retention_removes_old_chats_then_old_orders_and_stray_credentials_with_an_injected_clock()
{
    use crate::clock::ManualClock;
    use std::sync::Arc;
    let dir = tempfile::tempdir().expect("dir");
    let start = chrono::Utc::now();
    let clock = Arc::new(ManualClock::new(start));
    let store = Store::open_with_clock(&dir.path().join("dukadesk.db"), clock.clone())
        .await
        .expect("open");
    let vault = crate::vault::Vault::unlock(&store, &crate::store::testing::test_key_source())
        .await
        .expect("vault");
    store.attach_vault(vault).await.expect("attach");
    crate::store::testing::set_up_shop(&store).await;

    chat_to_payment(&store, "0712345678").await;
    delivery_order(&store, "0733111222", "Otieno", "Moi Avenue", "").await;
    let count = |sql: &'static str| {
        let store = store.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(store.pool())
                .await
                .expect("count")
        }
    };
    // A credential left behind by a disconnected backend.
    store
        .put_secret("sync.password", b"left-behind")
        .await
        .expect("secret");

    // Today: nothing is old yet, but the stray credential goes.
    let run = store.run_retention().await.expect("run");
    assert_eq!((run.chats, run.orders, run.credentials), (0, 0, 1));
    assert!(store.secret("sync.password").await.expect("read").is_none());

    // 11 months on: the chat stays.
    clock.advance(chrono::Duration::days(335));
    assert_eq!(store.run_retention().await.expect("run").chats, 0);
    // 13 months: the chat goes, the orders stay.
    clock.advance(chrono::Duration::days(60));
    let run = store.run_retention().await.expect("run");
    assert_eq!((run.chats, run.orders), (1, 0));
    assert_eq!(count("SELECT COUNT(*) FROM conversations").await, 0);
    assert_eq!(count("SELECT COUNT(*) FROM messages").await, 0);
    assert_eq!(count("SELECT COUNT(*) FROM orders").await, 2);

    // Shorter than the tax minimum is refused.
    let refused = store
        .set_order_retention_years(2, &Actor::Owner)
        .await
        .expect_err("too short");
    assert!(matches!(refused, crate::StoreError::Invalid(_)));
    store
        .set_order_retention_years(5, &Actor::Owner)
        .await
        .expect("five years");
    // Just under five years: kept. Just over: gone, with payments and lines.
    clock.advance(chrono::Duration::days(365 * 5 - 400));
    assert_eq!(store.run_retention().await.expect("run").orders, 0);
    clock.advance(chrono::Duration::days(40));
    let run = store.run_retention().await.expect("run");
    assert_eq!(run.orders, 2);
    for table in ["orders", "order_items", "order_events", "payments"] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(store.pool())
            .await
            .expect("count");
        assert_eq!(n, 0, "{table} emptied");
    }
    let actions: Vec<String> = store
        .audit_log(10)
        .await
        .expect("log")
        .into_iter()
        .map(|e| format!("{} {}", e.actor, e.action))
        .collect();
    for expected in [
        "system retention.orders",
        "owner retention.policy",
        "system retention.chats",
        "system retention.tokens",
    ] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} in {actions:?}"
        );
    }
    assert_eq!(
        store
            .retention_last_run()
            .await
            .expect("last")
            .map(|t| t.timestamp_millis()),
        Some(store.now().timestamp_millis())
    );
}
