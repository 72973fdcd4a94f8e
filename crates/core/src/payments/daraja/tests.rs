//! The real client against the loopback Daraja simulator.

use super::*;
use dukadesk_domain::Country;
use dukadesk_sims::daraja::{Config, Customer, DarajaSim};

/// A paybill client with the simulator's credentials, at `base_url`.
pub(crate) fn sim_client(base_url: String, cfg: &Config) -> DarajaClient {
    crate::store::testing::daraja_client(base_url, cfg)
}

fn client(sim: &DarajaSim, cfg: &Config) -> DarajaClient {
    sim_client(sim.base_url(), cfg)
}

fn phone(s: &str) -> Msisdn {
    Msisdn::parse(s, Country::Kenya).expect("phone")
}

#[test]
fn timestamp_is_east_africa_time() {
    let utc = DateTime::parse_from_rfc3339("2026-11-23T21:30:05Z")
        .expect("time")
        .with_timezone(&Utc);
    assert_eq!(DarajaClient::timestamp(utc), "20261124003005");
}

#[tokio::test]
async fn a_push_is_accepted_then_pending_then_paid_and_the_token_is_reused() {
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::PaysAfterPolls(3));
    let c = client(&sim, &cfg);
    let now = Utc::now();
    let checkout = c
        .stk_push(&phone("0712345678"), 160, "Order 1042", "DukaDesk", now)
        .await
        .expect("push");
    assert_eq!(sim.push(&checkout), Some(("254712345678".into(), 160)));
    assert_eq!(
        c.stk_query(&checkout, now).await.expect("q1"),
        QueryStatus::Pending
    );
    assert_eq!(
        c.stk_query(&checkout, now).await.expect("q2"),
        QueryStatus::Pending
    );
    match c.stk_query(&checkout, now).await.expect("q3") {
        QueryStatus::Final { code: 0, .. } => {}
        other => panic!("expected success, got {other:?}"),
    }
    let (oauth, push, query) = sim.counts();
    assert_eq!((oauth, push, query), (1, 1, 3), "one token for all calls");
}

#[tokio::test]
async fn failures_come_back_with_their_result_codes() {
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    let c = client(&sim, &cfg);
    for (number, code) in [
        ("0722000001", 1032),
        ("0722000002", 2001),
        ("0722000003", 1),
        ("0722000004", 1037),
    ] {
        sim.script(phone(number).as_str(), Customer::FailsWith(code, 1));
        let checkout = c
            .stk_push(&phone(number), 50, "Order 1", "DukaDesk", Utc::now())
            .await
            .expect("push");
        let status = c.stk_query(&checkout, Utc::now()).await.expect("query");
        assert!(
            matches!(status, QueryStatus::Final { code: got, .. } if got == code),
            "{number}: {status:?}"
        );
        assert_ne!(result_reason(code), PaymentFailure::Other);
    }
}

#[tokio::test]
async fn an_expired_token_is_renewed_once() {
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    let c = client(&sim, &cfg);
    c.stk_push(&phone("0712345678"), 10, "Order 1", "DukaDesk", Utc::now())
        .await
        .expect("first");
    sim.expire_tokens();
    c.stk_push(&phone("0712345678"), 10, "Order 2", "DukaDesk", Utc::now())
        .await
        .expect("after expiry");
    assert_eq!(
        sim.counts().0,
        2,
        "a second token after the first was refused"
    );
}

#[tokio::test]
async fn wrong_credentials_and_bad_fields_say_what_to_fix() {
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    let mut wrong = cfg.clone();
    wrong.consumer_secret = "nope".into();
    let err = client(&sim, &wrong)
        .stk_push(&phone("0712345678"), 10, "Order 1", "DukaDesk", Utc::now())
        .await
        .unwrap_err();
    assert!(matches!(err, DarajaError::Credentials(_)), "{err:?}");
    assert!(err.to_string().contains("Settings"));
    let mut bad_passkey = cfg.clone();
    bad_passkey.passkey = "0000".into();
    let err = client(&sim, &bad_passkey)
        .stk_push(&phone("0712345678"), 10, "Order 1", "DukaDesk", Utc::now())
        .await
        .unwrap_err();
    assert!(matches!(err, DarajaError::Credentials(_)), "{err:?}");
    let c = client(&sim, &cfg);
    let err = c
        .stk_push(&phone("0712345678"), 0, "Order 1", "DukaDesk", Utc::now())
        .await
        .unwrap_err();
    assert!(matches!(err, DarajaError::Rejected(_)));
    let err = c
        .stk_push(
            &phone("0712345678"),
            300_000,
            "Order 1",
            "DukaDesk",
            Utc::now(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, DarajaError::Rejected(_)));
    // Long references are cut to Daraja's limits rather than refused.
    c.stk_push(
        &phone("0712345678"),
        10,
        "Order 123456789012345",
        "DukaDesk order payment",
        Utc::now(),
    )
    .await
    .expect("trimmed fields");
}

#[tokio::test]
async fn spike_arrest_is_throttling_and_a_dead_port_is_unreachable() {
    let cfg = Config {
        spike_every: Some(2),
        ..Config::default()
    };
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    let c = client(&sim, &cfg);
    // Call 1 (oauth) passes; call 2 (push) is arrested.
    let err = c
        .stk_push(&phone("0712345678"), 10, "Order 1", "DukaDesk", Utc::now())
        .await
        .unwrap_err();
    assert!(matches!(err, DarajaError::Throttled(_)), "{err:?}");
    let url = sim.base_url();
    drop(sim);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let dead = DarajaConfig {
        base_url: url,
        collection: Collection::BuyGoods {
            till: "5678901".into(),
        },
        ..client_config(&cfg)
    };
    let err = DarajaClient::new(dead)
        .expect("client")
        .stk_push(&phone("0712345678"), 10, "O", "D", Utc::now())
        .await
        .unwrap_err();
    assert!(matches!(err, DarajaError::Unreachable(_)), "{err:?}");
}

fn client_config(cfg: &Config) -> DarajaConfig {
    crate::store::testing::daraja_config(String::new(), cfg)
}
