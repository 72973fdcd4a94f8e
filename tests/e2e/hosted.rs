//! Hosted sync through Settings, against a real DukaDesk server (in front
//! of a real PostgreSQL): a bad enrolment string is refused beside the
//! field, the real one connects, and a second till (a plain core client on
//! its own database file, syncing over HTTP as the app does) sees the
//! app's catalogue, sends an order the app's till queue shows, and sees the
//! move the app makes on it. Then the till leaves the backend in the
//! Disconnect window (the main window may not).

use crate::chat::shop_selling_sukuma;
use crate::harness::{VAULT_PASSPHRASE, WAIT};
use dukadesk_core::sync::admin;
use dukadesk_core::sync::protocol::ServerEnrolment;
use dukadesk_core::sync::worker::sync_once;
use dukadesk_core::vault::{KeySource, Vault};
use dukadesk_core::Store;
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, OrderStatus, TillPayment};
use dukadesk_sims::postgres::TempPostgres;
use std::time::{Duration, Instant};

/// The hosted shop's name (the app's own shop is named the same at setup).
const SHOP: &str = "Duka la Juma";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_till_connects_with_its_enrolment_string_and_shares_orders_both_ways() {
    // The shop's server, provisioned as `dukadesk-server` does.
    let pg = TempPostgres::start().unwrap_or_else(|e| panic!("PostgreSQL for hosted sync: {e}"));
    let owner = admin::connect(&pg.owner_url())
        .await
        .expect("connect as the owner");
    let server = dukadesk_server::local::start(&owner, pg.port(), None, &[])
        .await
        .expect("the DukaDesk server starts");
    let shop_id = admin::create_shop(&owner, SHOP).await.expect("shop");
    let enrolment = |label: &'static str| {
        let owner = owner.clone();
        let url = format!("http://{}", server.addr);
        async move {
            let d = admin::enrol_server_device(
                &owner,
                shop_id,
                label,
                chrono::Duration::hours(1),
                chrono::Utc::now(),
            )
            .await
            .expect("enrol a till");
            ServerEnrolment {
                url,
                code: d.code,
                shop_name: d.shop_name,
                label: label.to_owned(),
                expires_at: d.expires_at,
                pin: None,
            }
        }
    };
    let counter = enrolment("Counter").await.encode();
    let back_office = enrolment("Back office").await;

    let app = shop_selling_sukuma("hosted").await;
    // Working alone, the till shows no sync indicator.
    assert!(
        app.client
            .find(fantoccini::Locator::Css("#sync-indicator"))
            .await
            .is_err(),
        "the sync indicator shows before the till is connected"
    );
    app.open_settings("sync").await;

    // A string cut short is refused beside the field, and Connect stays
    // usable for the next try.
    let cut = &counter[..counter.len() - 10];
    app.type_into("#hosted-enrolment", cut).await;
    app.click("#hosted-connect").await;
    app.wait_text(".field-error[data-field=enrolment]", "not valid")
        .await;
    app.screenshot("01-bad-enrolment").await;

    // The real one, pasted with a line break in it as a mail client might.
    let (head, tail) = counter.split_at(40);
    app.type_into("#hosted-enrolment", &format!("{head}\n{tail}"))
        .await;
    app.click("#hosted-connect").await;
    app.wait_text("#hosted-shop", SHOP).await;
    app.wait_text("#hosted-till", "Counter").await;
    app.wait_text("#hosted-till", "order numbers end in 1")
        .await;
    app.wait_text("#hosted-host", "127.0.0.1").await;
    app.wait_text("#hosted-state", "Online").await;
    app.wait_text("#hosted-state", "Up to date").await;
    app.wait_text("#sync-indicator", "Synced").await;
    // The whole card in view for the picture.
    app.client
        .execute(
            "document.getElementById('hosted-settings').scrollIntoView({block: 'end'})",
            vec![],
        )
        .await
        .expect("scroll");
    app.doc_shot("02-connected", "hosted").await;

    // (a) A second till enrols as a plain client and pulls the shop and
    // the catalogue the app uploaded.
    let dir = tempfile::tempdir().expect("the second till's data directory");
    let other = Store::open(&dir.path().join("dukadesk.db"))
        .await
        .expect("open the second till's database");
    let vault = Vault::unlock(&other, &KeySource::passphrase(VAULT_PASSPHRASE))
        .await
        .expect("unlock the second till's secrets");
    other.attach_vault(vault).await.expect("attach the vault");
    let hosted = dukadesk_core::sync::enrol_with_server(&other, &back_office)
        .await
        .expect("the second till enrols");
    sync_once(&other, &hosted).await.expect("first sync");
    let items = other.items(false).await.expect("items");
    let sukuma = items
        .iter()
        .find(|i| i.name == "Sukuma wiki bunch")
        .unwrap_or_else(|| panic!("the app's item never reached the second till: {items:?}"));

    // It takes an order for two bunches, paid cash, and sends it up.
    let order = other
        .create_manual_order(
            &ManualOrderInput {
                lines: vec![ManualLineInput {
                    item_id: sukuma.id,
                    qty: 2,
                    label: None,
                }],
                payment: TillPayment::Cash,
                ..Default::default()
            },
            "Back office",
        )
        .await
        .expect("an order on the second till")
        .order;
    assert_eq!(
        order.number % 10,
        2,
        "the second till's numbers end in its digit"
    );
    sync_once(&other, &hosted).await.expect("send the order");

    // The app's till queue shows it.
    app.click("#nav-till").await;
    let row = format!(".order-row[data-number=\"{}\"]", order.number);
    app.find(&row).await;
    app.wait_text(&row, "KES 60").await;
    app.click(&row).await;
    app.wait_text("#order-status", "Paid").await;
    app.screenshot("03-order-from-the-other-till").await;

    // (b) The app moves it on; the second till sees the move.
    app.keys("a").await;
    app.wait_text("#order-status", "Preparing").await;
    let deadline = Instant::now() + WAIT;
    loop {
        sync_once(&other, &hosted).await.expect("pull the move");
        let status = other
            .order_detail(order.id)
            .await
            .expect("the order on the second till")
            .order
            .status;
        if status == OrderStatus::Preparing {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the second till still sees the order as {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    // Sync now answers; Disconnect opens the Disconnect window, which says
    // what leaving does, asks first, then forgets the server.
    app.click("#sync-indicator").await;
    app.wait_text("#hosted-state", "Online").await;
    app.click("#hosted-sync-now").await;
    app.wait_text("#hosted-sync-now", "Sync now").await;
    app.wait_text("#hosted-state", "Up to date").await;
    app.assert_not_allowed("disconnect_hosted", serde_json::json!({}))
        .await;
    let main = app.client.window().await.expect("the main window");
    app.click("#hosted-disconnect").await;
    app.switch_to_new_window(&[&main], "Disconnect window")
        .await;
    app.wait_text(
        "#hosted-now",
        &format!("Connected to \"{SHOP}\" as till \"Counter\""),
    )
    .await;
    app.wait_text("#hosted-effects", "key to the server is deleted")
        .await;
    app.click("#hosted-start").await;
    app.wait_text("#hosted-question", "Stop syncing this till")
        .await;
    app.screenshot("04-disconnect-asks").await;
    app.click("#hosted-cancel").await;
    app.click("#hosted-start").await;
    app.click("#hosted-confirm").await;
    app.wait_text("#hosted-result", &format!("This till has left \"{SHOP}\""))
        .await;
    app.wait_text(
        "#hosted-result",
        "ask whoever runs your server to revoke it",
    )
    .await;
    app.wait_text("#hosted-now", "Not connected").await;
    app.screenshot("05-disconnect-done").await;
    app.click_to_close_window("#disconnect-close").await;
    app.client
        .switch_to_window(main)
        .await
        .expect("back to the main window");
    app.find("#hosted-enrolment").await;
    assert!(
        app.raw_invoke("get_hosted_status", serde_json::json!({}))
            .await
            .expect("status")["connected"]
            == false,
        "the till left the backend"
    );
    app.quit().await;
    server.stop().await.expect("the server stops");
}
