//! Reconciliation end to end: the real Daraja client, the loopback
//! simulator, and a real SQLite store.

use super::*;
use crate::store::testing::prompt_store;
use dukadesk_domain::ipc::{MessageAuthor, OrderQuery};
use dukadesk_domain::order::OrderStatus;
use dukadesk_domain::payment::PaymentState;
use dukadesk_sims::daraja::{Config, Customer, DarajaSim};
use std::time::Duration;

const FAST: Backoff = Backoff {
    first: Duration::from_millis(10),
    growth_tenths: 15,
    max: Duration::from_millis(50),
    deadline: Duration::from_secs(2),
};

fn client(base_url: String, cfg: &Config) -> DarajaClient {
    crate::payments::daraja::tests::sim_client(base_url, cfg)
}

/// A chat order for 2 × Sukuma (KES 60) from `phone`, with its payment
/// attempt waiting.
async fn pending_order(store: &Store, phone: &str) -> (dukadesk_domain::ConversationId, PaymentId) {
    crate::store::testing::chat_to_payment(store, phone).await
}

async fn last_bot_text(store: &Store, id: dukadesk_domain::ConversationId) -> String {
    store
        .conversation_view(id, false)
        .await
        .expect("view")
        .messages
        .into_iter()
        .rev()
        .find(|m| m.author == MessageAuthor::Bot)
        .map(|m| m.body)
        .unwrap_or_default()
}

#[tokio::test]
async fn paid_after_polling() {
    let (_dir, store) = prompt_store().await;
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::PaysAfterPolls(3));
    let (chat, payment) = pending_order(&store, "0712345678").await;
    reconcile(&store, &client(sim.base_url(), &cfg), payment, FAST)
        .await
        .expect("reconcile");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders[0].status, OrderStatus::Paid);
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    assert_eq!(detail.payments[0].state, PaymentState::Succeeded);
    let checkout = detail.payments[0]
        .provider_ref
        .clone()
        .expect("CheckoutRequestID saved");
    assert_eq!(sim.push(&checkout), Some(("254712345678".into(), 60)));
    assert_eq!(sim.counts().1, 1, "one prompt");
    assert_eq!(sim.counts().2, 3, "polled until the answer");
    let text = last_bot_text(&store, chat).await;
    assert!(text.contains("Payment of KES 60 received."), "{text}");
    // Running it again (a restart) sends nothing and changes nothing.
    reconcile(&store, &client(sim.base_url(), &cfg), payment, FAST)
        .await
        .expect("again");
    assert_eq!(sim.counts().1, 1);
}

#[tokio::test]
async fn a_cancelled_prompt_fails_with_the_reason() {
    let (_dir, store) = prompt_store().await;
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::FailsWith(1032, 2));
    let (chat, payment) = pending_order(&store, "0712345678").await;
    reconcile(&store, &client(sim.base_url(), &cfg), payment, FAST)
        .await
        .expect("reconcile");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders[0].status, OrderStatus::PaymentFailed);
    let text = last_bot_text(&store, chat).await;
    assert!(text.contains("cancelled on the phone"), "{text}");
    assert!(text.contains("1. Try again"), "{text}");
}

#[tokio::test]
async fn no_answer_is_unknown_not_failed_and_staff_are_told() {
    let (_dir, store) = prompt_store().await;
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::NeverAnswers);
    let (chat, payment) = pending_order(&store, "0712345678").await;
    let short = Backoff {
        deadline: Duration::from_millis(300),
        ..FAST
    };
    reconcile(&store, &client(sim.base_url(), &cfg), payment, short)
        .await
        .expect("reconcile");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(
        orders[0].status,
        OrderStatus::AwaitingPayment,
        "money may have moved"
    );
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    assert_eq!(detail.payments[0].state, PaymentState::Unknown);
    assert!(
        store
            .conversation_view(chat, false)
            .await
            .expect("view")
            .summary
            .needs_attention
    );
    assert!(last_bot_text(&store, chat)
        .await
        .contains("don't pay again"));
}

#[tokio::test]
async fn a_restart_between_prompt_and_answer_polls_without_prompting_again() {
    let (_dir, store) = prompt_store().await;
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::PaysAfterPolls(1));
    let (_chat, payment) = pending_order(&store, "0712345678").await;
    // The app sent the prompt, saved the reference, and stopped.
    let c = client(sim.base_url(), &cfg);
    let (request, _) = store.request_for(payment).await.expect("request");
    let reference = c.start(&request, Utc::now()).await.expect("push");
    store
        .set_provider_ref(payment, &reference)
        .await
        .expect("save");
    // Started again: the pending attempt is found and finished.
    let pending = store
        .pending_payments(dukadesk_domain::payment::PaymentMethod::MpesaDaraja)
        .await
        .expect("pending");
    assert_eq!(pending, [payment]);
    reconcile(&store, &c, payment, FAST).await.expect("resume");
    assert_eq!(sim.counts().1, 1, "no second prompt");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders[0].status, OrderStatus::Paid);
}

#[tokio::test]
async fn wrong_credentials_or_no_network_fail_before_any_money_moves() {
    let (_dir, store) = prompt_store().await;
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    let wrong = Config {
        consumer_secret: "wrong".into(),
        ..cfg.clone()
    };
    let (chat, payment) = pending_order(&store, "0712345678").await;
    reconcile(&store, &client(sim.base_url(), &wrong), payment, FAST)
        .await
        .expect("reconcile");
    let text = last_bot_text(&store, chat).await;
    assert!(text.contains("could not send the M-Pesa prompt"), "{text}");
    assert!(
        !text.contains("Settings"),
        "merchant details leaked to the customer: {text}"
    );
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders[0].status, OrderStatus::PaymentFailed);
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    assert!(
        detail.payments[0]
            .failure
            .as_deref()
            .is_some_and(|f| f.contains("Settings")),
        "staff see what to fix"
    );
    assert!(
        store
            .conversation_view(chat, false)
            .await
            .expect("view")
            .summary
            .needs_attention
    );

    // A second order, with M-Pesa unreachable.
    let (chat2, payment2) = pending_order(&store, "0722000111").await;
    let dead = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        drop(listener);
        url
    };
    let short = Backoff {
        deadline: Duration::from_millis(300),
        ..FAST
    };
    reconcile(&store, &client(dead, &cfg), payment2, short)
        .await
        .expect("reconcile");
    let text = last_bot_text(&store, chat2).await;
    assert!(text.contains("could not send the M-Pesa prompt"), "{text}");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    assert!(detail.payments[0]
        .failure
        .as_deref()
        .is_some_and(|f| f.contains("could not be reached")));
}

#[tokio::test]
async fn garbage_and_slow_daraja_replies_are_asked_again() {
    let (_dir, store) = prompt_store().await;
    let cfg = Config {
        garbage_every: Some(3),
        delay: Duration::from_millis(20),
        ..Config::default()
    };
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::PaysAfterPolls(2));
    let (_chat, payment) = pending_order(&store, "0712345678").await;
    reconcile(&store, &client(sim.base_url(), &cfg), payment, FAST)
        .await
        .expect("reconcile");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders[0].status, OrderStatus::Paid);
    let (oauth, push, query) = sim.counts();
    assert!(
        oauth + push + query > 4,
        "a garbled reply was retried: {oauth} token, {push} push, {query} query"
    );
    assert_eq!(
        store
            .order_detail(orders[0].id)
            .await
            .expect("detail")
            .payments
            .len(),
        1,
        "one attempt, however many calls"
    );
}
