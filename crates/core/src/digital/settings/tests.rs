use super::*;
use crate::store::testing::{file_bytes, holds, unlocked_store};
use dukadesk_sims::africastalking::{AfricasTalkingSim, Config};

fn input(environment: &str, key: &str) -> DigitalSettingsInput {
    DigitalSettingsInput {
        environment: environment.into(),
        username: "sandbox".into(),
        api_key: Sensitive::new(key.into()),
        bundle_product: "DukaDesk Data".into(),
    }
}

#[tokio::test]
async fn the_key_is_sealed_kept_when_left_blank_and_never_shown() {
    let (_dir, store) = unlocked_store().await;
    let missing = store
        .save_digital_settings(&input("sandbox", ""))
        .await
        .expect_err("a key is needed");
    assert!(matches!(missing, StoreError::Invalid(ref f) if f[0].field == "api_key"));
    let view = store
        .save_digital_settings(&input("sandbox", "atsk_secret_0123456789"))
        .await
        .expect("saved");
    assert!(view.connected && view.has_key);
    assert!(view.real_chats.contains("sandbox"), "{}", view.real_chats);
    // The sandbox reaches no phone: real chats' sends do not go there.
    assert!(store.live_digital().await.expect("read").is_none());
    let view = store
        .save_digital_settings(&input("production", ""))
        .await
        .expect("the saved key kept");
    assert!(view.has_key);
    let live = store.live_digital().await.expect("read").expect("live");
    assert_eq!(live.config.api_key.expose(), "atsk_secret_0123456789");
    assert_eq!(live.config.bundles_url, BUNDLES_LIVE_URL);
    assert!(!format!("{view:?}").contains("atsk_secret"));
    assert!(!holds(&file_bytes(&store), "atsk_secret_0123456789"));
}

#[tokio::test]
async fn test_connection_reads_the_balance_or_says_the_keys_are_wrong() {
    let (_dir, store) = unlocked_store().await;
    let sim = AfricasTalkingSim::start(Config::default())
        .await
        .expect("sim");
    let none = store.test_digital_connection(None).await.expect("test");
    assert!(!none.ok);
    let good = store
        .test_digital_connection(Some(&input(&sim.base_url(), "atsk_test_sim")))
        .await
        .expect("test");
    assert!(good.ok, "{}", good.message);
    assert!(good.message.contains("KES 10000.00"), "{}", good.message);
    let bad = store
        .test_digital_connection(Some(&input(&sim.base_url(), "wrong")))
        .await
        .expect("test");
    assert!(
        !bad.ok && bad.message.contains("refused"),
        "{}",
        bad.message
    );
    // Testing saves nothing.
    assert!(!store.digital_settings().await.expect("view").connected);
}
