use super::*;
use dukadesk_domain::{Country, Currency};
use dukadesk_sims::africastalking::{AfricasTalkingSim, Config, Delivery as SimDelivery};

fn kes(shillings: i64) -> Money {
    Money::from_minor(shillings * 100, Currency::KES)
}

fn phone(number: &str) -> Msisdn {
    Msisdn::parse(number, Country::Kenya).expect("a phone")
}

async fn sim_and_client(config: Config) -> (AfricasTalkingSim, AfricasTalking) {
    let (username, key) = (config.username.clone(), config.api_key.clone());
    let sim = AfricasTalkingSim::start(config).await.expect("sim");
    let client = AfricasTalking::new(AtConfig {
        base_url: sim.base_url(),
        bundles_url: sim.base_url(),
        username,
        api_key: Sensitive::new(key),
    })
    .expect("client");
    (sim, client)
}

#[tokio::test]
async fn airtime_is_sent_as_the_provider_reads_it_and_its_delivery_is_asked() {
    let (sim, at) = sim_and_client(Config::default()).await;
    let accepted = at
        .send_airtime(&phone("0712 345 678"), kes(100), "k30")
        .await
        .expect("sent");
    let sent = sim.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].phone, "+254712345678");
    assert_eq!(sent[0].value_kes, 100);
    assert_eq!(sent[0].id, accepted.request_id);
    assert_eq!(sim.balance_kes(), 9_900);
    assert_eq!(
        at.status(&accepted.request_id).await.expect("asked"),
        Delivery::Delivered
    );
    assert_eq!(at.balance().await.expect("balance"), "KES 9900.00");
}

#[tokio::test]
async fn a_failed_or_pending_delivery_is_reported_as_it_stands() {
    let (sim, at) = sim_and_client(Config::default()).await;
    sim.script(
        "+254711000001",
        SimDelivery::Fails("Subscriber not found".into()),
    );
    sim.script("+254711000002", SimDelivery::Pending);
    let failed = at
        .send_airtime(&phone("0711 000 001"), kes(50), "k55")
        .await
        .expect("sent");
    let pending = at
        .send_airtime(&phone("0711 000 002"), kes(50), "k59")
        .await
        .expect("sent");
    assert_eq!(
        at.status(&failed.request_id).await.expect("asked"),
        Delivery::Failed("Subscriber not found".into())
    );
    assert_eq!(
        at.status(&pending.request_id).await.expect("asked"),
        Delivery::Pending
    );
}

#[tokio::test]
async fn bad_amounts_and_numbers_are_refused_before_anything_is_sent() {
    let (sim, at) = sim_and_client(Config::default()).await;
    for amount in [
        kes(5),
        kes(10_001),
        Money::from_minor(10_050, Currency::KES),
    ] {
        let err = at
            .send_airtime(&phone("0712 345 678"), amount, "k81")
            .await
            .expect_err("refused");
        assert!(matches!(err, SendError::Refused(_)), "{err:?}");
        assert!(
            err.to_string().contains("KES") || err.to_string().contains("shillings"),
            "{err}"
        );
    }
    let dirhams = Money::from_minor(10_000, Currency::MAD);
    assert!(matches!(
        at.send_airtime(&phone("0712 345 678"), dirhams, "k92")
            .await,
        Err(SendError::Refused(_))
    ));
    // A Moroccan number: the provider refuses it, and says why.
    let moroccan = Msisdn::parse("0612 345 678", Country::Morocco).expect("a phone");
    let err = at
        .send_airtime(&moroccan, kes(100), "k98")
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("Invalid phone number"), "{err}");
    assert!(sim.sent().is_empty(), "nothing was sent");
    assert_eq!(sim.balance_kes(), 10_000);
}

#[tokio::test]
async fn wrong_keys_and_an_empty_balance_say_what_to_do() {
    let (sim, _) = sim_and_client(Config::default()).await;
    let wrong = AfricasTalking::new(AtConfig {
        base_url: sim.base_url(),
        bundles_url: sim.base_url(),
        username: "sandbox".into(),
        api_key: Sensitive::new("atsk_wrong".into()),
    })
    .expect("client");
    let err = wrong
        .send_airtime(&phone("0712 345 678"), kes(100), "k117")
        .await
        .expect_err("refused");
    assert_eq!(err, SendError::BadKeys);
    assert!(err.to_string().contains("Settings"), "{err}");

    let (poor, at) = sim_and_client(Config {
        balance_kes: 40,
        ..Config::default()
    })
    .await;
    let err = at
        .send_airtime(&phone("0712 345 678"), kes(50), "k129")
        .await
        .expect_err("no balance");
    assert_eq!(err, SendError::NoBalance);
    assert!(poor.sent().is_empty());
}

#[tokio::test]
async fn a_garbled_answer_after_the_provider_took_the_request_is_unknown_not_failed() {
    let (sim, at) = sim_and_client(Config {
        garbage_every: Some(1),
        ..Config::default()
    })
    .await;
    let err = at
        .send_airtime(&phone("0712 345 678"), kes(100), "k144")
        .await
        .expect_err("the answer is lost");
    assert!(matches!(err, SendError::Unknown(_)), "{err:?}");
    // The provider did send it: the caller must ask, not send again.
    assert_eq!(sim.sent().len(), 1);
    sim.garble_every(None);
    let id = sim.sent()[0].id.clone();
    assert_eq!(at.status(&id).await.expect("asked"), Delivery::Delivered);
    // Asked again under the same key, the provider names what it sent and
    // sends nothing more.
    let again = at
        .send_airtime(&phone("0712 345 678"), kes(100), "k144")
        .await
        .expect("the first answer");
    assert_eq!(again.request_id, id);
    assert_eq!(sim.sent().len(), 1);
    assert_eq!(sim.balance_kes(), 9_900);
}

#[tokio::test]
async fn a_bundle_sent_again_with_the_same_key_is_bought_once() {
    let (sim, at) = sim_and_client(Config {
        garbage_every: Some(1),
        ..Config::default()
    })
    .await;
    let bundle = Bundle {
        megabytes: 1024,
        validity_days: 30,
    };
    let first = at
        .send_bundle(&phone("0712 345 678"), bundle, "Duka Bundles", "order-42")
        .await
        .expect_err("the answer is lost");
    assert!(matches!(first, SendError::Unknown(_)), "{first:?}");
    sim.garble_every(None);
    let again = at
        .send_bundle(&phone("0712 345 678"), bundle, "Duka Bundles", "order-42")
        .await
        .expect("the same purchase, answered again");
    let sent = sim.sent();
    assert_eq!(sent.len(), 1, "bought once: {sent:?}");
    assert_eq!(sent[0].id, again.request_id);
    assert_eq!(sent[0].kind, "bundle");
    // A bundle the provider does not sell is refused here, by name.
    let odd = Bundle {
        megabytes: 500,
        validity_days: 3,
    };
    let err = at
        .send_bundle(&phone("0712 345 678"), odd, "Duka Bundles", "order-43")
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("3"), "{err}");
    assert_eq!(sim.sent().len(), 1);
}

#[tokio::test]
async fn an_unreachable_provider_means_nothing_was_sent() {
    // A port nothing listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    drop(listener);
    let at = AfricasTalking::new(AtConfig {
        base_url: url.clone(),
        bundles_url: url,
        username: "sandbox".into(),
        api_key: Sensitive::new("atsk_test_sim".into()),
    })
    .expect("client");
    let err = at
        .send_airtime(&phone("0712 345 678"), kes(100), "k207")
        .await
        .expect_err("offline");
    assert!(matches!(err, SendError::Offline(_)), "{err:?}");
    assert!(err.to_string().contains("Nothing was sent"), "{err}");
}
