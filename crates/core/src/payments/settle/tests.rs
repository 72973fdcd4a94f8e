//! Settling unknown attempts by hand.

use super::*;
use crate::store::testing::shop_store;
use dukadesk_domain::ipc::{MessageAuthor, OrderQuery};
use dukadesk_domain::order::OrderStatus;

async fn unknown_payment(
    store: &Store,
    phone: &str,
) -> (dukadesk_domain::ConversationId, PaymentId) {
    let (chat, payment) = crate::store::testing::chat_to_payment(store, phone).await;
    store
        .apply_payment_outcome(payment, ProviderOutcome::Unknown)
        .await
        .expect("unknown");
    (chat, payment)
}

#[tokio::test]
async fn staff_settle_unknown_payments_once() {
    let (_dir, store) = shop_store().await;
    let (chat, first) = unknown_payment(&store, "0712345678").await;
    let (_, second) = unknown_payment(&store, "0722000111").await;
    let list = store.unsettled_payments().await.expect("list");
    assert_eq!(
        list.iter().map(|p| p.id).collect::<Vec<_>>(),
        [first, second]
    );
    assert_eq!(list[0].phone, "0712 345 678");
    assert_eq!(list[0].amount.minor, 6_000);

    // A bad code is refused beside the field and nothing changes.
    let bad = SettlePayment {
        id: first,
        paid: true,
        receipt: "nope".into(),
        no_code_reason: String::new(),
    };
    assert!(
        matches!(store.settle_payment(&bad, "Amina").await, Err(StoreError::Invalid(f)) if f[0].field == "receipt")
    );
    assert_eq!(store.unsettled_payments().await.expect("list").len(), 2);

    let paid = SettlePayment {
        id: first,
        paid: true,
        receipt: "qft4abc12x".into(),
        no_code_reason: String::new(),
    };
    store.settle_payment(&paid, "Amina").await.expect("paid");
    let texts: Vec<String> = store
        .conversation_view(chat, false)
        .await
        .expect("view")
        .messages
        .into_iter()
        .filter(|m| m.author == MessageAuthor::Bot)
        .map(|m| m.body)
        .collect();
    assert!(
        texts.last().expect("reply").contains("(M-Pesa QFT4ABC12X)"),
        "{texts:#?}"
    );
    // Settling again is refused: it is no longer unknown.
    assert!(matches!(
        store.settle_payment(&paid, "Amina").await,
        Err(StoreError::Stale(_))
    ));
    // The same code cannot settle another payment.
    let reuse = SettlePayment {
        id: second,
        paid: true,
        receipt: "QFT4ABC12X".into(),
        no_code_reason: String::new(),
    };
    assert!(matches!(
        store.settle_payment(&reuse, "Amina").await,
        Err(StoreError::Invalid(_))
    ));
    let not_paid = SettlePayment {
        id: second,
        paid: false,
        receipt: String::new(),
        no_code_reason: String::new(),
    };
    store
        .settle_payment(&not_paid, "Juma")
        .await
        .expect("not paid");
    assert!(store.unsettled_payments().await.expect("list").is_empty());

    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    let status = |phone: &str| {
        orders
            .iter()
            .find(|o| o.customer == phone)
            .map(|o| o.status)
    };
    assert_eq!(status("0712 345 678"), Some(OrderStatus::Paid));
    assert_eq!(status("0722 000 111"), Some(OrderStatus::PaymentFailed));

    // Who settled each one: named in the order's history (where the till
    // shows who did what) and kept on the payment.
    for (p, who, to) in [
        (&list[0], "Amina", OrderStatus::Paid),
        (&list[1], "Juma", OrderStatus::PaymentFailed),
    ] {
        let detail = store.order_detail(p.order_id).await.expect("detail");
        let last = detail.history.last().expect("history");
        assert_eq!((last.to, last.actor.as_str()), (to, who));
        let settled_by: Option<String> =
            sqlx::query_scalar("SELECT settled_by FROM payments WHERE id = ?")
                .bind(p.id.to_string())
                .fetch_one(store.pool())
                .await
                .expect("payment");
        assert_eq!(settled_by.as_deref(), Some(who));
    }
}

#[tokio::test]
async fn an_answer_from_m_pesa_names_no_one() {
    let (_dir, store) = shop_store().await;
    let (_, payment) = unknown_payment(&store, "0712345678").await;
    let order = store.unsettled_payments().await.expect("list")[0].order_id;
    store
        .apply_payment_outcome(payment, ProviderOutcome::Paid { receipt: None })
        .await
        .expect("paid");
    let detail = store.order_detail(order).await.expect("detail");
    assert_eq!(detail.history.last().expect("history").actor, "m-pesa");
    let settled_by: Option<String> =
        sqlx::query_scalar("SELECT settled_by FROM payments WHERE id = ?")
            .bind(payment.to_string())
            .fetch_one(store.pool())
            .await
            .expect("payment");
    assert_eq!(settled_by, None);
}

#[tokio::test]
async fn money_confirmed_without_a_code_needs_a_reason_which_stays_with_the_payment() {
    // Paid by prompt (money sent by hand always needs its code).
    let (_dir, store) = crate::store::testing::prompt_store().await;
    let (_, payment) = unknown_payment(&store, "0712345678").await;
    let mut verdict = SettlePayment {
        id: payment,
        paid: true,
        receipt: "  ".into(),
        no_code_reason: " ".into(),
    };
    match store.settle_payment(&verdict, "Amina").await {
        Err(StoreError::Invalid(f)) => {
            assert_eq!(f[0].field, "receipt");
            assert!(f[0].message.contains("say why"), "{}", f[0].message);
        }
        other => panic!("settled with no code and no reason: {other:?}"),
    }
    verdict.no_code_reason = "x".repeat(201);
    assert!(matches!(
        store.settle_payment(&verdict, "Amina").await,
        Err(StoreError::Invalid(f)) if f[0].field == "no_code_reason"
    ));
    assert_eq!(
        store.unsettled_payments().await.expect("list").len(),
        1,
        "nothing changed"
    );

    verdict.no_code_reason =
        " Paid at the counter by the customer's brother; statement tomorrow ".into();
    store.settle_payment(&verdict, "Amina").await.expect("paid");
    let (state, note): (String, Option<String>) =
        sqlx::query_as("SELECT state, failure FROM payments WHERE id = ?")
            .bind(payment.to_string())
            .fetch_one(store.pool())
            .await
            .expect("payment");
    assert_eq!(state, "succeeded");
    assert_eq!(
        note.as_deref(),
        Some("Marked paid without an M-Pesa code by Amina: Paid at the counter by the customer's brother; statement tomorrow")
    );
}
