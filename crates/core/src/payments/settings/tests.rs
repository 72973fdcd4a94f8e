//! Payment settings: validation, secrets kept and never shown, the test
//! connection, and a chat paid through Daraja end to end (the loopback
//! simulator standing in for Safaricom).

use super::*;
use crate::payments::reconcile::Backoff;
use crate::runtime::ChatRuntime;
use crate::store::testing::{daraja_settings, shop_store};
use dukadesk_domain::ipc::ChatChannel;
use dukadesk_domain::order::OrderStatus;
use dukadesk_domain::{Country, Msisdn};
use dukadesk_sims::daraja::{Config, Customer, DarajaSim};
use std::time::Duration;

#[tokio::test]
async fn bad_settings_are_refused_beside_their_fields() {
    let (_dir, store) = shop_store().await;
    let input = DarajaSettingsInput {
        environment: "ftp://nope".into(),
        shortcode: "12".into(),
        till_number: "x".into(),
        ..Default::default()
    };
    let err = store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(input),
            intasend: None,
            manual: None,
        })
        .await
        .unwrap_err();
    let StoreError::Invalid(fields) = err else {
        panic!("expected Invalid")
    };
    let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        names,
        [
            "environment",
            "consumer_key",
            "consumer_secret",
            "shortcode",
            "passkey",
            "till_number"
        ]
    );
    // Each says what to do in the till's language, not only in English.
    let keys: Vec<_> = fields
        .iter()
        .map(|f| f.words.as_ref().map(|w| w.key.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            Some("problem-unknown-environment"),
            Some("problem-daraja-key"),
            Some("problem-daraja-secret"),
            Some("problem-daraja-shortcode"),
            Some("problem-daraja-passkey"),
            Some("problem-daraja-till")
        ]
    );
    // Daraja without credentials cannot be chosen.
    let err = store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: None,
            intasend: None,
            manual: None,
        })
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)));
    assert_eq!(
        store.chat_payment_method().await.expect("method"),
        RealChatPay::ByHand(None)
    );
}

#[tokio::test]
async fn secrets_are_kept_when_left_empty_and_never_shown() {
    let (_dir, store) = shop_store().await;
    let input = DarajaSettingsInput {
        environment: "sandbox".into(),
        consumer_key: "key".into(),
        consumer_secret: "s3cret".into(),
        shortcode: "174379".into(),
        passkey: "pass".into(),
        till_number: "5678901".into(),
    };
    let view = store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(input.clone()),
            intasend: None,
            manual: None,
        })
        .await
        .expect("save");
    let shown = format!("{view:?}");
    assert!(
        !shown.contains("s3cret") && !shown.contains("pass\""),
        "{shown}"
    );
    let d = view.daraja.expect("daraja");
    assert!(d.has_secret && d.has_passkey);
    assert_eq!(d.base_url, DARAJA_SANDBOX);
    // Saving again with the secrets left empty keeps them.
    let again = DarajaSettingsInput {
        consumer_secret: Default::default(),
        passkey: Default::default(),
        ..input
    };
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(again),
            intasend: None,
            manual: None,
        })
        .await
        .expect("save again");
    let config = store
        .daraja_config()
        .await
        .expect("config")
        .expect("daraja");
    assert_eq!(config.consumer_secret.expose(), "s3cret");
    assert_eq!(
        config.collection,
        Collection::BuyGoods {
            till: "5678901".into()
        }
    );
    assert!(!format!("{config:?}").contains("s3cret"));
    // The sandbox moves no real money: real chats pay by hand meanwhile,
    // and Settings says so.
    assert_eq!(
        store.chat_payment_method().await.expect("method"),
        RealChatPay::ByHand(None)
    );
    let view = store.payment_settings().await.expect("view");
    assert!(
        view.real_chats.contains("sandbox") && view.real_chats.contains("cannot pay yet"),
        "{}",
        view.real_chats
    );
}

/// "Test connection" with what is typed, before saving: the form's values
/// are checked as saving would check them and tried with the provider, and
/// nothing is saved; once saved, a blank secret in the form means the saved
/// one.
#[tokio::test]
async fn typed_credentials_are_tested_before_anything_is_saved() {
    let (_dir, store) = shop_store().await;
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    let typed = |d: DarajaSettingsInput| SavePaymentSettings {
        provider: MpesaProvider::Daraja,
        daraja: Some(d),
        intasend: None,
        manual: None,
    };
    let right = daraja_settings(&sim, &cfg);
    let ok = store
        .test_payment_connection(Some(&typed(right.clone())))
        .await
        .expect("test");
    assert!(ok.ok, "{}", ok.message);
    assert!(
        store.daraja_config().await.expect("config").is_none(),
        "testing saves nothing"
    );
    let wrong = store
        .test_payment_connection(Some(&typed(DarajaSettingsInput {
            consumer_secret: "wrong".into(),
            ..right.clone()
        })))
        .await
        .expect("test");
    assert!(
        !wrong.ok && wrong.message.contains("credentials"),
        "{}",
        wrong.message
    );
    let missing = store
        .test_payment_connection(Some(&typed(DarajaSettingsInput {
            consumer_key: String::new(),
            ..right.clone()
        })))
        .await
        .expect_err("a field is missing");
    assert!(
        matches!(&missing, StoreError::Invalid(f) if f[0].field == "consumer_key"),
        "{missing:?}"
    );
    store
        .save_payment_settings(&typed(right.clone()))
        .await
        .expect("save");
    let kept = store
        .test_payment_connection(Some(&typed(DarajaSettingsInput {
            consumer_secret: Default::default(),
            passkey: Default::default(),
            ..right
        })))
        .await
        .expect("test");
    assert!(
        kept.ok,
        "blank secrets keep the saved ones: {}",
        kept.message
    );
}

#[tokio::test]
async fn test_connection_says_plainly_what_happened() {
    let (_dir, store) = shop_store().await;
    let none = store.test_payment_connection(None).await.expect("test");
    assert!(
        !none.ok && none.message.contains("by hand"),
        "{}",
        none.message
    );
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(daraja_settings(&sim, &cfg)),
            intasend: None,
            manual: None,
        })
        .await
        .expect("save");
    let ok = store.test_payment_connection(None).await.expect("test");
    assert!(ok.ok, "{}", ok.message);
    let wrong = DarajaSettingsInput {
        consumer_secret: "wrong".into(),
        ..daraja_settings(&sim, &cfg)
    };
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(wrong),
            intasend: None,
            manual: None,
        })
        .await
        .expect("save");
    let refused = store.test_payment_connection(None).await.expect("test");
    assert!(
        !refused.ok && refused.message.contains("credentials"),
        "{}",
        refused.message
    );
    drop(sim);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let offline = store.test_payment_connection(None).await.expect("test");
    assert!(
        !offline.ok && offline.message.contains("could not be reached"),
        "{}",
        offline.message
    );
}

#[tokio::test]
async fn a_whatsapp_chat_pays_through_daraja_and_the_test_chat_stays_simulated() {
    let (_dir, store) = shop_store().await;
    let cfg = Config::default();
    let sim = DarajaSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::PaysAfterPolls(2));
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::Daraja,
            daraja: Some(daraja_settings(&sim, &cfg)),
            intasend: None,
            manual: None,
        })
        .await
        .expect("save");
    let fast = Backoff {
        first: Duration::from_millis(10),
        growth_tenths: 15,
        max: Duration::from_millis(50),
        deadline: Duration::from_secs(3),
    };
    let rt = ChatRuntime::start_with(store.clone(), Duration::from_millis(10), fast);
    let phone = Msisdn::parse("0712345678", Country::Kenya).expect("phone");
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        let (_, effects) = store
            .receive_message(ChatChannel::WhatsApp, phone.as_str(), Some(&phone), m, None)
            .await
            .expect("turn");
        rt.after(effects);
    }
    let status = crate::store::testing::wait_for_newest_order(&store, OrderStatus::Paid).await;
    assert_eq!(status, OrderStatus::Paid);
    assert_eq!(sim.counts().1, 1, "one STK push");
    // The test chat never reaches Safaricom.
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        rt.test_chat_send("0712 345 678", m).await.expect("send");
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(sim.counts().1, 1, "the test chat used the simulator");
    rt.shutdown();
}

#[tokio::test]
async fn intasend_keys_are_checked_kept_and_used_for_chats() {
    use dukadesk_domain::ipc::IntaSendSettingsInput;
    use dukadesk_sims::intasend::{Config as IsConfig, IntaSendSim};
    let (_dir, store) = shop_store().await;
    let err = store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::IntaSend,
            daraja: None,
            intasend: Some(IntaSendSettingsInput::default()),
            manual: None,
        })
        .await
        .unwrap_err();
    let StoreError::Invalid(fields) = err else {
        panic!("expected Invalid")
    };
    assert_eq!(
        fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
        ["public_key", "secret_key"]
    );

    let cfg = IsConfig::default();
    let sim = IntaSendSim::start(cfg.clone()).await.expect("sim");
    sim.script("254712345678", Customer::PaysAfterPolls(2));
    let input = IntaSendSettingsInput {
        environment: sim.base_url(),
        public_key: cfg.public_key.clone(),
        secret_key: cfg.secret_key.clone().into(),
    };
    let view = store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::IntaSend,
            daraja: None,
            intasend: Some(input.clone()),
            manual: None,
        })
        .await
        .expect("save");
    assert!(view.intasend.as_ref().is_some_and(|i| i.has_secret));
    assert!(!format!("{view:?}").contains(&cfg.secret_key));
    assert_eq!(
        store.chat_payment_method().await.expect("method"),
        RealChatPay::IntaSend
    );
    let ok = store.test_payment_connection(None).await.expect("test");
    assert!(ok.ok, "{}", ok.message);
    let wrong = IntaSendSettingsInput {
        secret_key: "nope".into(),
        ..input.clone()
    };
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::IntaSend,
            daraja: None,
            intasend: Some(wrong),
            manual: None,
        })
        .await
        .expect("save");
    let refused = store.test_payment_connection(None).await.expect("test");
    assert!(
        !refused.ok && refused.message.contains("keys"),
        "{}",
        refused.message
    );
    // Back to the right keys; an empty secret keeps the saved (wrong) one, so type it.
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::IntaSend,
            daraja: None,
            intasend: Some(input),
            manual: None,
        })
        .await
        .expect("save");

    let fast = Backoff {
        first: Duration::from_millis(10),
        growth_tenths: 15,
        max: Duration::from_millis(50),
        deadline: Duration::from_secs(3),
    };
    let rt = ChatRuntime::start_with(store.clone(), Duration::from_millis(10), fast);
    let phone = Msisdn::parse("0712345678", Country::Kenya).expect("phone");
    for m in ["2 sukuma", "1", "1", "1", "1"] {
        let (_, effects) = store
            .receive_message(ChatChannel::WhatsApp, phone.as_str(), Some(&phone), m, None)
            .await
            .expect("turn");
        rt.after(effects);
    }
    let status = crate::store::testing::wait_for_newest_order(&store, OrderStatus::Paid).await;
    rt.shutdown();
    assert_eq!(status, OrderStatus::Paid);
    assert_eq!(sim.counts().0, 1, "one push through IntaSend");
}
