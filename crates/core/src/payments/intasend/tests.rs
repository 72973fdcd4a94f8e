//! The real IntaSend client, alone and through reconciliation, against the
//! loopback simulator: states, failures, wrong keys, garbage, slowness.

use super::*;
use crate::payments::reconcile::{reconcile, Backoff};
use crate::store::testing::shop_store;
use crate::store::Store;
use dukadesk_domain::ipc::OrderQuery;
use dukadesk_domain::order::OrderStatus;
use dukadesk_domain::payment::PaymentState;
use dukadesk_domain::{Country, Currency, Money, Msisdn, PaymentId};
use dukadesk_sims::daraja::Customer;
use dukadesk_sims::intasend::{Config, IntaSendSim};

fn client(sim: &IntaSendSim, cfg: &Config) -> IntaSendClient {
    IntaSendClient::new(IntaSendConfig {
        base_url: sim.base_url(),
        public_key: cfg.public_key.clone(),
        secret_key: cfg.secret_key.clone().into(),
    })
    .expect("client")
}

fn request(phone: &str) -> Request {
    Request {
        payment: PaymentId(uuid::Uuid::nil()),
        order_number: 1042,
        amount: Money::from_major(160, Currency::KES),
        phone: Msisdn::parse(phone, Country::Kenya).expect("phone"),
    }
}

const FAST: Backoff = Backoff {
    first: std::time::Duration::from_millis(10),
    growth_tenths: 15,
    max: std::time::Duration::from_millis(50),
    deadline: std::time::Duration::from_secs(3),
};

async fn pending_payment(store: &Store) -> PaymentId {
    crate::store::testing::chat_to_payment(store, "0712345678")
        .await
        .1
}

#[tokio::test]
async fn pending_processing_complete_with_the_mpesa_reference() {
    let cfg = Config::default();
    let sim = IntaSendSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::PaysAfterPolls(3));
    let c = client(&sim, &cfg);
    let invoice = c.stk_push(&request("0712345678")).await.expect("push");
    assert_eq!(c.status(&invoice).await.expect("1"), Poll::Pending);
    assert_eq!(c.status(&invoice).await.expect("2"), Poll::Pending);
    match c.status(&invoice).await.expect("3") {
        Poll::Done(ProviderOutcome::Paid { receipt: Some(r) }) => assert!(r.starts_with("SIM")),
        other => panic!("expected paid, got {other:?}"),
    }
}

#[tokio::test]
async fn failures_wrong_keys_and_bad_fields() {
    let cfg = Config::default();
    let sim = IntaSendSim::start(cfg.clone()).await.expect("sim");
    sim.script("254722000001", Customer::FailsWith(1032, 1));
    sim.script("254722000002", Customer::FailsWith(1, 1));
    let c = client(&sim, &cfg);
    for (phone, want) in [
        ("0722000001", PaymentFailure::Cancelled),
        ("0722000002", PaymentFailure::InsufficientFunds),
    ] {
        let invoice = c.stk_push(&request(phone)).await.expect("push");
        assert_eq!(
            c.status(&invoice).await.expect("status"),
            Poll::Done(ProviderOutcome::Failed { reason: want })
        );
    }
    let wrong = Config {
        secret_key: "nope".into(),
        ..cfg.clone()
    };
    let err = client(&sim, &wrong)
        .stk_push(&request("0712345678"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, CallError::Refused(ref m) if m.contains("Settings")),
        "{err:?}"
    );
    let mut zero = request("0712345678");
    zero.amount = Money::zero(Currency::KES);
    assert!(matches!(
        c.stk_push(&zero).await,
        Err(CallError::Refused(_))
    ));
}

#[tokio::test]
async fn garbage_and_slow_replies_are_retried_until_the_outcome() {
    let (_dir, store) = shop_store().await;
    let cfg = Config {
        garbage_every: Some(2),
        delay: std::time::Duration::from_millis(30),
        default_customer: Customer::PaysAfterPolls(2),
        ..Config::default()
    };
    let sim = IntaSendSim::start(cfg.clone()).await.expect("sim");
    let payment = pending_payment(&store).await;
    reconcile(&store, &client(&sim, &cfg), payment, FAST)
        .await
        .expect("reconcile");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders[0].status, OrderStatus::Paid);
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    assert_eq!(detail.payments[0].state, PaymentState::Succeeded);
    assert!(detail.payments[0]
        .receipt
        .as_deref()
        .is_some_and(|r| r.starts_with("SIM")));
    let (pushes, statuses) = sim.counts();
    assert!(
        pushes >= 1 && statuses >= 2,
        "garbage replies were asked again: {pushes} pushes, {statuses} statuses"
    );
}
