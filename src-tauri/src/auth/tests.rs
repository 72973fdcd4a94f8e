//! The session and the owner-only gate, through the real commands on
//! Tauri's mock runtime (no window) with a real store file.

use super::*;
use crate::commands;
use crate::updates::{Source, Updates};
use dukadesk_core::runtime::ChatRuntime;
use dukadesk_core::sync::{HostedSync, SyncOptions};
use dukadesk_core::Store;
use dukadesk_domain::ipc::{
    ConfirmOwner, ConnectHosted, DeactivateStaff, MpesaProvider, NoArgs, SavePaymentSettings,
    SaveStaff, SignIn,
};
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use dukadesk_domain::shop::ShopInput;
use tauri::test::MockRuntime;
use tauri::Manager;

const OWNER_PASSWORD: &str = "duka la amina 2026";

/// A shop with an owner password, one item and one member of staff
/// (Amina, PIN 4821), started as the app starts: locked.
async fn app() -> (tempfile::TempDir, tauri::App<MockRuntime>, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("open");
    // Payment credentials are sealed: the vault opens with a passphrase, as
    // on a till without a keyring.
    let key = dukadesk_core::vault::KeySource::passphrase("auth test vault");
    let vault = dukadesk_core::vault::Vault::unlock(&store, &key)
        .await
        .expect("vault");
    store.attach_vault(vault).await.expect("attach the vault");
    store
        .save_shop(&ShopInput {
            name: "Duka la Amina".into(),
            ..Default::default()
        })
        .await
        .expect("shop");
    store
        .save_item(&dukadesk_domain::catalogue::ItemInput {
            name: "Unga 2kg".into(),
            price: "210".into(),
            stock: "10".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    store
        .set_owner_password(OWNER_PASSWORD, OWNER_PASSWORD)
        .await
        .expect("owner");
    let amina = store
        .save_staff(&Actor::Owner, None, "Amina", "4821")
        .await
        .expect("staff");
    let staff_exist = !store.active_staff().await.expect("staff").is_empty();
    let runtime = ChatRuntime::start(store.clone(), Duration::from_millis(10));
    let hosted = HostedSync::start(store, SyncOptions::default());
    let state = AppState::new(
        Ok(runtime),
        Some(std::sync::Arc::new(hosted)),
        None,
        Updates::new(Source::NotConfigured("not in tests".into()), "0.1.0"),
        Session::new(staff_exist),
    );
    let app = tauri::test::mock_builder()
        .manage(state)
        .build(tauri::test::mock_context(tauri::test::noop_assets()))
        .expect("a mock app");
    (dir, app, amina.id)
}

fn code<T: std::fmt::Debug>(r: Result<T, IpcError>) -> ErrorCode {
    r.expect_err("refused").code
}

async fn order_as_signed_in(app: &tauri::App<MockRuntime>) -> Result<String, IpcError> {
    let store = app.state::<AppState>().store()?.clone();
    let item = store.items(false).await.expect("items")[0].id;
    let order = commands::orders::create_manual_order(
        app.state(),
        ManualOrderInput {
            lines: vec![ManualLineInput {
                item_id: item,
                qty: 1,
            }],
            payment: TillPayment::Cash,
            ..Default::default()
        },
    )
    .await?;
    Ok(order.history[0].actor.clone())
}

#[tokio::test]
async fn a_staff_session_cannot_change_payments_or_the_backend_or_people() {
    let (_dir, app, amina) = app().await;
    // Started locked: nothing changes an order until someone signs in.
    assert_eq!(
        code(order_as_signed_in(&app).await),
        ErrorCode::SignInRequired
    );
    let wrong = commands::people::sign_in(
        app.state(),
        SignIn {
            person: Some(amina.clone()),
            secret: "1111".into(),
        },
    )
    .await;
    assert_eq!(code(wrong), ErrorCode::Invalid);
    let session = commands::people::sign_in(
        app.state(),
        SignIn {
            person: Some(amina.clone()),
            secret: "4821".into(),
        },
    )
    .await
    .expect("Amina signs in");
    assert_eq!(session.signed_in.expect("signed in").name, "Amina");
    assert!(!session.owner_confirmed);

    // Amina's orders carry her name.
    assert_eq!(order_as_signed_in(&app).await.expect("order"), "Amina");

    let daraja = SavePaymentSettings {
        provider: MpesaProvider::NotConnected,
        ..Default::default()
    };
    assert_eq!(
        code(commands::payments::save_payment_settings(app.state(), daraja.clone()).await),
        ErrorCode::OwnerRequired
    );
    assert_eq!(
        code(commands::payments::test_payment_connection(app.state(), NoArgs {}).await),
        ErrorCode::OwnerRequired
    );
    assert_eq!(
        code(
            commands::hosted::connect_hosted(
                app.state(),
                ConnectHosted {
                    enrolment: "anything".into()
                }
            )
            .await
        ),
        ErrorCode::OwnerRequired
    );
    assert_eq!(
        code(commands::hosted::disconnect_hosted(app.state(), NoArgs {}).await),
        ErrorCode::OwnerRequired
    );
    assert_eq!(
        code(commands::whatsapp::unlink_whatsapp(app.state(), NoArgs {}).await),
        ErrorCode::OwnerRequired
    );
    assert_eq!(
        code(
            commands::people::save_staff(
                app.state(),
                SaveStaff {
                    id: None,
                    name: "Juma".into(),
                    pin: "7310".into()
                }
            )
            .await
        ),
        ErrorCode::OwnerRequired
    );
    assert_eq!(
        code(
            commands::people::deactivate_staff(app.state(), DeactivateStaff { id: amina.clone() })
                .await
        ),
        ErrorCode::OwnerRequired
    );

    // The owner types the password at Amina's till: owner-only actions go
    // through for 10 minutes; the till's person stays Amina.
    let wrong = commands::people::confirm_owner(
        app.state(),
        ConfirmOwner {
            password: "not the password".into(),
        },
    )
    .await;
    assert_eq!(code(wrong), ErrorCode::Invalid);
    let confirmed = commands::people::confirm_owner(
        app.state(),
        ConfirmOwner {
            password: OWNER_PASSWORD.into(),
        },
    )
    .await
    .expect("confirmed");
    assert!(confirmed.owner_confirmed);
    commands::payments::save_payment_settings(app.state(), daraja.clone())
        .await
        .expect("the owner saves payment settings");
    let people = commands::people::save_staff(
        app.state(),
        SaveStaff {
            id: None,
            name: "Juma".into(),
            pin: "7310".into(),
        },
    )
    .await
    .expect("the owner adds staff");
    assert_eq!(people.len(), 3);

    // Locking drops the confirmation and signs Amina out.
    let locked = commands::people::lock(app.state(), NoArgs {})
        .await
        .expect("lock");
    assert!(locked.signed_in.is_none() && !locked.owner_confirmed);
    assert_eq!(
        code(commands::payments::save_payment_settings(app.state(), daraja).await),
        ErrorCode::OwnerRequired
    );
    assert_eq!(
        code(order_as_signed_in(&app).await),
        ErrorCode::SignInRequired
    );

    // Who changed what is in the audit log, as ids.
    let store = app.state::<AppState>().store().expect("store").clone();
    let log = store.audit_log(50).await.expect("log");
    assert!(log
        .iter()
        .any(|l| l.action == "staff.added" && l.actor == "owner"));
    assert!(log
        .iter()
        .any(|l| l.action == "signin.failed" && l.subject.as_deref() == Some(amina.as_str())));
}

#[test]
fn the_owner_confirmation_lasts_ten_minutes_and_a_new_person_does_not_inherit_it() {
    let session = Session::new(true);
    let t0 = Instant::now();
    assert!(session.signed_in().is_none());
    assert_eq!(
        session.require_owner(t0).expect_err("locked").code,
        ErrorCode::OwnerRequired
    );
    session.confirm_owner(t0);
    assert_eq!(session.require_owner(t0).expect("confirmed"), Actor::Owner);
    assert!(session
        .require_owner(t0 + Duration::from_secs(9 * 60 + 59))
        .is_ok());
    assert!(session
        .require_owner(t0 + Duration::from_secs(10 * 60))
        .is_err());

    session.confirm_owner(t0);
    session.sign_in(
        PersonView {
            id: "s1".into(),
            name: "Juma".into(),
            role: Role::Staff,
            active: true,
        },
        t0,
    );
    assert!(session.require_owner(t0).is_err());
    assert_eq!(
        session.current().expect("signed in").0,
        Actor::Staff("s1".into())
    );
}

#[test]
fn without_staff_the_owner_is_at_the_till_and_locking_only_drops_the_confirmation() {
    let session = Session::new(false);
    let t0 = Instant::now();
    assert_eq!(session.current().expect("owner").1, "Owner");
    assert!(session.require_owner(t0).is_err(), "no password typed yet");
    session.confirm_owner(t0);
    session.lock();
    assert!(session.require_owner(t0).is_err());
    assert_eq!(session.current().expect("still the owner").0, Actor::Owner);
}
