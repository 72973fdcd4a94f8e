//! The session and the owner-only gate, through the real commands on
//! Tauri's mock runtime (no window) with a real store file.

use super::*;
use crate::commands;
use crate::updates::{Source, Updates};
use dukadesk_core::runtime::ChatRuntime;
use dukadesk_core::sync::{HostedSync, SyncOptions};
use dukadesk_core::Store;
use dukadesk_domain::ipc::{
    ConfirmOwner, ConnectHosted, DeactivateStaff, MessageAuthor, MpesaProvider, NoArgs,
    SavePaymentSettings, SaveStaff, SetTakeover, SettlePayment, SignIn, StaffReply, ALL_COMMANDS,
};
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use dukadesk_domain::shop::ShopInput;
use tauri::test::MockRuntime;
use tauri::Manager;

const OWNER_PASSWORD: &str = "duka la amina 2026";

/// A shop with an owner password, one item and one member of staff
/// (Amina, PIN 4821), started as the app starts: locked. Commands are
/// called directly, as functions.
async fn app() -> (tempfile::TempDir, tauri::App<MockRuntime>, String) {
    let (dir, state, amina) = app_state().await;
    let app = tauri::test::mock_builder()
        .manage(state)
        .build(tauri::test::mock_context(tauri::test::noop_assets()))
        .expect("a mock app");
    (dir, app, amina)
}

/// The state of [`app`].
async fn app_state() -> (tempfile::TempDir, AppState, String) {
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
    (dir, state, amina.id)
}

fn code<T: std::fmt::Debug, E: Into<IpcError> + std::fmt::Debug>(r: Result<T, E>) -> ErrorCode {
    r.expect_err("refused").into().code
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
                label: None,
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
        code(commands::payments::test_payment_connection(app.state(), Default::default()).await),
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
    let locked = commands::people::lock(app.handle().clone(), app.state(), NoArgs {})
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

async fn sign_in_amina(app: &tauri::App<MockRuntime>, amina: &str) {
    commands::people::sign_in(
        app.state(),
        SignIn {
            person: Some(amina.to_owned()),
            secret: "4821".into(),
        },
    )
    .await
    .expect("Amina signs in");
}

/// A WhatsApp customer orders two Sukuma wiki for pickup and M-Pesa never
/// answers: the chat and the payment waiting to be settled. Daraja is
/// connected (live, at a loopback address where nothing answers) so the
/// customer is sent a prompt; without a service real chats pay by hand.
async fn chat_with_unknown_payment(
    app: &tauri::App<MockRuntime>,
) -> (dukadesk_domain::ConversationId, dukadesk_domain::PaymentId) {
    use dukadesk_domain::ipc::ChatChannel;
    let store = app.state::<AppState>().store().expect("store").clone();
    store
        .save_payment_settings(&dukadesk_core::store::testing::daraja_nowhere())
        .await
        .expect("Daraja");
    store
        .save_hours(&dukadesk_domain::shop::HoursInput::always_open())
        .await
        .expect("hours");
    store
        .save_zone(&dukadesk_domain::shop::ZoneInput {
            id: None,
            name: "CBD".into(),
            fee: "100".into(),
            active: true,
        })
        .await
        .expect("zone");
    store
        .save_item(&dukadesk_domain::catalogue::ItemInput {
            name: "Sukuma wiki".into(),
            price: "30".into(),
            stock: "100".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    let phone = dukadesk_domain::Msisdn::parse("0712345678", dukadesk_domain::Country::Kenya)
        .expect("phone");
    let mut last = None;
    for text in ["2 sukuma", "1", "1", "1", "1"] {
        last = Some(
            store
                .receive_message(
                    ChatChannel::WhatsApp,
                    phone.as_str(),
                    Some(&phone),
                    text,
                    None,
                )
                .await
                .expect("turn"),
        );
    }
    let (chat, effects) = last.expect("turns");
    let payment = *effects.payments.first().expect("a payment attempt");
    store
        .apply_payment_outcome(payment, dukadesk_core::payments::ProviderOutcome::Unknown)
        .await
        .expect("unknown");
    (chat, payment)
}

#[tokio::test]
async fn replies_takeovers_and_settled_payments_name_who_did_them() {
    let (_dir, app, amina) = app().await;
    let (chat, payment) = chat_with_unknown_payment(&app).await;
    let reply = StaffReply {
        id: chat,
        text: "Habari, this is the shop.".into(),
    };
    let take = SetTakeover { id: chat, on: true };
    let settle = SettlePayment {
        id: payment,
        paid: true,
        receipt: "QFT4ABC12X".into(),
        no_code_reason: String::new(),
    };

    // Locked: none of them goes through, nothing is written.
    assert_eq!(
        code(commands::chat::send_staff_reply(app.state(), reply.clone()).await),
        ErrorCode::SignInRequired
    );
    assert_eq!(
        code(commands::chat::set_takeover(app.state(), take).await),
        ErrorCode::SignInRequired
    );
    assert_eq!(
        code(commands::payments::settle_payment(app.state(), settle.clone()).await),
        ErrorCode::SignInRequired
    );
    let store = app.state::<AppState>().store().expect("store").clone();
    let view = store.conversation_view(chat, false).await.expect("view");
    assert!(view
        .messages
        .iter()
        .all(|m| m.author != MessageAuthor::Staff));
    assert_eq!(view.summary.taken_over_by, None);
    assert_eq!(store.unsettled_payments().await.expect("list").len(), 1);

    sign_in_amina(&app, &amina).await;
    let view = commands::chat::send_staff_reply(app.state(), reply)
        .await
        .expect("reply");
    let sent = view.messages.last().expect("the reply");
    assert_eq!(
        (sent.author, sent.by.as_deref()),
        (MessageAuthor::Staff, Some("Amina"))
    );
    assert_eq!(view.summary.taken_over_by.as_deref(), Some("Amina"));
    let view = commands::chat::set_takeover(
        app.state(),
        SetTakeover {
            id: chat,
            on: false,
        },
    )
    .await
    .expect("hand back");
    assert_eq!(view.summary.handed_back_by.as_deref(), Some("Amina"));
    let view = commands::chat::set_takeover(app.state(), take)
        .await
        .expect("take over");
    assert_eq!(view.summary.taken_over_by.as_deref(), Some("Amina"));

    let order = store.unsettled_payments().await.expect("list")[0].order_id;
    let left = commands::payments::settle_payment(app.state(), settle)
        .await
        .expect("settled");
    assert!(left.is_empty());
    let detail = store.order_detail(order).await.expect("order");
    let last = detail.history.last().expect("history");
    assert_eq!(
        (last.to, last.actor.as_str()),
        (dukadesk_domain::order::OrderStatus::Paid, "Amina"),
        "the order's history says who marked it paid"
    );
}

/// The app's real command handler (behind its lock gate) on the mock
/// runtime, and a window that sends commands the way the UI does: by name,
/// with JSON arguments, answered with JSON or the serialized error.
fn ipc_app() -> (
    tempfile::TempDir,
    tauri::App<MockRuntime>,
    tauri::WebviewWindow<MockRuntime>,
    String,
) {
    // The store's tasks live on Tauri's runtime, where commands run.
    let (dir, state, amina) = tauri::async_runtime::block_on(app_state());
    let app = tauri::test::mock_builder()
        .manage(state)
        .invoke_handler(crate::invoke_handler())
        .build(tauri::test::mock_context(tauri::test::noop_assets()))
        .expect("a mock app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("a window");
    (dir, app, window, amina)
}

/// Sends `command` with `req` from `window`; the reply, or the error as
/// the UI receives it.
fn send(
    window: &tauri::WebviewWindow<MockRuntime>,
    command: &str,
    req: serde_json::Value,
) -> Result<serde_json::Value, IpcError> {
    let request = tauri::webview::InvokeRequest {
        cmd: command.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: tauri::ipc::InvokeBody::Json(serde_json::json!({ "req": req })),
        headers: Default::default(),
        invoke_key: tauri::test::INVOKE_KEY.into(),
    };
    match tauri::test::get_ipc_response(window, request) {
        Ok(body) => Ok(body.deserialize().expect("a JSON reply")),
        Err(e) => Err(serde_json::from_value(e.clone())
            .unwrap_or_else(|_| panic!("{command}: not an IpcError: {e}"))),
    }
}

#[test]
fn a_locked_till_answers_only_what_the_lock_screen_needs() {
    let (_dir, _app, window, amina) = ipc_app();
    let query = serde_json::to_value(dukadesk_domain::ipc::OrderQuery::default()).expect("query");

    // Locked: a read of shop data is refused as the UI understands it.
    let refused = send(&window, "list_orders", query.clone()).expect_err("locked");
    assert_eq!(refused.code, ErrorCode::SignInRequired);
    assert!(refused.message.contains("locked"), "{}", refused.message);
    // So is every other command of the app but the lock screen's few,
    // whatever its arguments (the gate answers before reading them).
    for command in ALL_COMMANDS {
        if OPEN_WHILE_LOCKED.contains(command) {
            continue;
        }
        let refused = send(&window, command, serde_json::json!({})).expect_err(command);
        assert_eq!(
            refused.code,
            ErrorCode::SignInRequired,
            "{command} answered while locked: {refused:?}"
        );
    }

    // What the lock screen needs still works.
    let session = send(&window, "get_session", serde_json::json!({})).expect("get_session");
    assert!(session["signed_in"].is_null());
    assert_eq!(session["staff"][0]["name"], "Amina");
    let shop = send(&window, "get_shop", serde_json::json!({})).expect("get_shop");
    assert_eq!(shop["shop"]["name"], "Duka la Amina");
    send(&window, "get_theme", serde_json::json!({})).expect("get_theme");
    send(&window, "get_app_info", serde_json::json!({})).expect("get_app_info");
    let wrong = send(
        &window,
        "sign_in",
        serde_json::json!({ "person": amina, "secret": "1111" }),
    )
    .expect_err("a wrong PIN");
    assert_eq!(wrong.code, ErrorCode::Invalid);
    let session = send(
        &window,
        "sign_in",
        serde_json::json!({ "person": amina, "secret": "4821" }),
    )
    .expect("sign_in");
    assert_eq!(session["signed_in"]["name"], "Amina");

    // Signed in, the same read goes through; locking shuts it again.
    let orders = send(&window, "list_orders", query.clone()).expect("list_orders");
    assert!(orders.is_array());
    send(&window, "lock", serde_json::json!({})).expect("lock");
    assert_eq!(
        send(&window, "list_orders", query)
            .expect_err("locked again")
            .code,
        ErrorCode::SignInRequired
    );
}

#[test]
fn the_lock_screens_commands_are_real_commands() {
    for command in OPEN_WHILE_LOCKED {
        assert!(ALL_COMMANDS.contains(command), "{command} is no command");
    }
}

#[test]
fn every_command_is_granted_to_a_window() {
    // A command no capability allows is refused at run time ("not
    // allowed"), whatever the code behind it does.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let mut granted = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("capabilities") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
        let json: serde_json::Value = serde_json::from_str(&text).expect("json");
        for p in json["permissions"].as_array().expect("permissions") {
            if let Some(p) = p.as_str() {
                granted.insert(p.to_owned());
            }
        }
    }
    let missing: Vec<&str> = ALL_COMMANDS
        .iter()
        .copied()
        .filter(|c| !granted.contains(&format!("allow-{}", c.replace('_', "-"))))
        .collect();
    assert!(missing.is_empty(), "no window may call {missing:?}");
}
