//! Saved secrets on a computer with no keyring DukaDesk can use (many Linux
//! desktops, Wine): the owner chooses a passphrase in the app, and after a
//! restart the app asks for it before M-Pesa, sync and WhatsApp can use
//! their secrets.

use crate::harness::App;
use dukadesk_core::store::Store;
use dukadesk_domain::ipc::VaultStatus;

const PASSPHRASE: &str = "mama njeri sells tomatoes";

/// No passphrase from the environment, and no keyring: the session bus the
/// keyring would be reached through does not exist.
fn no_keyring() -> Vec<(&'static str, String)> {
    vec![
        ("DUKADESK_VAULT_PASSPHRASE", String::new()),
        (
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/dukadesk-e2e-no-session-bus".into(),
        ),
    ]
}

#[tokio::test]
async fn without_a_keyring_the_owner_chooses_a_passphrase_and_it_is_asked_after_a_restart() {
    let env = no_keyring();
    let app = App::launch_with("vault", &env).await;
    app.laptop_size().await;
    app.set_up_shop("Mama Njeri").await;
    // Every screen says so, and leads to the place to fix it.
    app.wait_text("#vault-banner", "no keyring").await;
    app.click("#vault-banner-open").await;
    app.wait_text("#vault-state", "no keyring DukaDesk can use")
        .await;
    assert!(app.in_view("#vault-submit").await, "opened at the card");
    app.wait_text("#vault-warning", "If it is forgotten").await;
    // Too short, then typed differently: refused beside the field.
    app.type_into("#vault-passphrase", "short").await;
    app.type_into("#vault-confirm", "short").await;
    app.click("#vault-submit").await;
    app.wait_text(".field-error[data-field='passphrase']", "at least 10")
        .await;
    app.type_into("#vault-passphrase", PASSPHRASE).await;
    app.type_into("#vault-confirm", "mama njeri sells potatoes")
        .await;
    app.click("#vault-submit").await;
    app.wait_text(".field-error[data-field='confirm']", "differ")
        .await;
    app.type_into("#vault-confirm", PASSPHRASE).await;
    app.doc_shot("choose-passphrase", "secrets-passphrase")
        .await;
    app.click("#vault-submit").await;
    app.wait_text("#vault-state", "under your passphrase").await;
    app.click("#nav-till").await;
    assert!(app.absent("#vault-banner").await, "no banner once open");
    let dir = app.quit().await;

    // The next morning: the secrets wait for the passphrase.
    let app = App::relaunch("vault", dir, &env).await;
    app.laptop_size().await;
    app.wait_text("#vault-banner", "locked").await;
    app.doc_shot("locked-banner", "secrets-locked").await;
    app.click("#vault-banner-open").await;
    app.wait_text("#vault-state", "Locked").await;
    assert!(app.absent("#vault-confirm").await, "entering, not choosing");
    app.type_into("#vault-passphrase", "mama njeri sells potatoes")
        .await;
    app.click("#vault-submit").await;
    app.wait_text(".field-error[data-field='passphrase']", "does not open")
        .await;
    app.type_into("#vault-passphrase", PASSPHRASE).await;
    app.click("#vault-submit").await;
    app.wait_text("#vault-state", "under your passphrase").await;
    let dir = app.quit().await;

    // On disk: a passphrase vault that this passphrase opens.
    let store = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("store");
    assert_eq!(
        store.open_vault_at_start(Some(PASSPHRASE)).await,
        VaultStatus::Open {
            by_passphrase: true
        }
    );
    store.close().await;
}
