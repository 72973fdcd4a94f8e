//! eTIMS: an item given its tax band in the catalogue, the till set up
//! with KRA (a loopback simulator of KRA's OSCU), a sale taken while KRA
//! is unreachable waiting in Settings → Tax with its reason, then signed
//! once KRA is back and staff press "Send now"; the order at the till
//! then says so. The item then gets its own KRA classification, found
//! by name in KRA's list as the till keeps it.

use crate::harness::App;
use dukadesk_sims::etims::{Config, EtimsSim};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sale_waits_while_kra_is_away_and_is_signed_on_send_now() {
    let app = App::launch("tax").await;
    app.laptop_size().await;
    app.set_up_shop("Duka la Juma").await;
    app.click("#nav-catalogue").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Unga 2kg").await;
    app.type_into("#item-price", "210").await;
    app.find("#item-tax-band")
        .await
        .select_by_value("B")
        .await
        .expect("band B");
    app.click("#item-save").await;
    app.wait_text(".item-list", "Unga 2kg").await;

    let sim = EtimsSim::start(Config::default()).await.expect("simulator");
    app.raw_invoke(
        "set_up_etims",
        serde_json::json!({
            "environment": sim.base_url(),
            "consumer_key": "kra-sim-key",
            "consumer_secret": "kra-sim-secret",
            "pin": "P051234567X",
            "branch": "00",
            "serial": "DUKA-TILL-1",
            "item_class": "5059690800",
            "default_band": null,
        }),
    )
    .await
    .expect("set up with KRA");

    // KRA away: the sale is taken all the same, and its invoice waits.
    sim.set_offline(true);
    let unga = items(&app)
        .await
        .as_array()
        .and_then(|a| a.iter().find(|i| i["name"] == "Unga 2kg"))
        .map(|i| i["id"].clone())
        .expect("Unga");
    let order = app
        .raw_invoke(
            "create_manual_order",
            serde_json::json!({
                "customer_phone": "", "customer_name": "", "zone_id": null, "address": "",
                "note": "", "payment": "Cash", "buyer_pin": "A123456789Z",
                "lines": [{ "item_id": unga, "qty": 2 }],
            }),
        )
        .await
        .expect("the sale stands");
    let number = order["order"]["number"].as_i64().expect("number");
    // The signer tries within seconds and notes why it waits.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let unsigned = app
            .raw_invoke("list_unsigned_invoices", serde_json::json!({}))
            .await
            .expect("list");
        if unsigned[0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("cannot be reached"))
        {
            break;
        }
        assert!(Instant::now() < deadline, "never tried: {unsigned}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.open_settings("tax").await;
    app.wait_text("#tax-status", "P051234567X").await;
    app.wait_text("#tax-unsigned", &format!("{number}")).await;
    app.wait_text("#tax-unsigned", "cannot be reached").await;
    app.doc_shot("01-unsigned", "tax-settings").await;

    // KRA back: "Send now", and KRA signs it once.
    sim.set_offline(false);
    app.click("#tax-send-now").await;
    let deadline = Instant::now() + Duration::from_secs(60);
    while sim.signed().is_empty() {
        assert!(Instant::now() < deadline, "never signed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let signed = sim.signed();
    assert_eq!(signed.len(), 1);
    assert_eq!((signed[0].number, signed[0].total_minor), (1, 42_000));
    assert_eq!(signed[0].request["taxblAmtB"], 420.0);
    assert_eq!(
        signed[0].request["custTin"], "A123456789Z",
        "the buyer's PIN"
    );
    app.open_settings("shop").await;
    app.open_settings("tax").await;
    app.find("#tax-all-signed").await;
    app.screenshot("02-signed").await;
    // The order at the till says it is signed.
    app.click("#nav-till").await;
    app.click(".order-row .order-number").await;
    app.wait_text("#order-tax", "Signed by KRA").await;
    app.screenshot("03-order").await;
    // The buyer comes back with another PIN (theirs was mistyped): the
    // signed invoice gets its credit note and a new one carries the PIN.
    app.wait_text("#order-tax-pin-now", "A123456789Z").await;
    app.type_into("#order-tax-pin", "P051234567Y").await;
    app.click("#order-tax-reissue").await;
    app.wait_text("#order-tax-pin-now", "P051234567Y").await;
    let deadline = Instant::now() + Duration::from_secs(60);
    while sim.signed().len() < 3 {
        assert!(
            Instant::now() < deadline,
            "never signed: {:?}",
            sim.signed()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let signed = sim.signed();
    assert_eq!(
        (signed[1].receipt_type.as_str(), signed[1].original),
        ("R", 1)
    );
    assert_eq!(signed[2].request["custTin"], "P051234567Y");
    assert_eq!(signed[2].total_minor, 42_000);
    app.screenshot("03b-reissued").await;
    // A sale paid at the counter can carry a business buyer's PIN.
    app.click("#new-order").await;
    app.find("#order-payment")
        .await
        .select_by_value("cash")
        .await
        .expect("cash");
    app.find("#order-buyer-pin").await;
    app.screenshot("04-buyer-pin").await;

    // KRA's item classification list came with the set-up: staff find
    // Unga's code by what it is, and a code KRA does not list is refused
    // beside the field.
    assert!(sim.item_class_calls() >= 1, "the list was fetched");
    app.click("#nav-catalogue").await;
    app.click(".item-row .item-name").await;
    app.type_into("#item-tax-class", "maize").await;
    app.find("#item-tax-class-found [data-code='5022110000']")
        .await;
    app.doc_shot("05-item-class", "item-class").await;
    app.click("#item-tax-class-found [data-code='5022110000']")
        .await;
    app.wait_text("#item-tax-class-name", "Maize flour").await;
    app.screenshot("05b-item-class-picked").await;
    app.click("#item-save").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let items = items(&app).await;
        if items[0]["tax_class"] == "5022110000" {
            break;
        }
        assert!(Instant::now() < deadline, "never saved: {items}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    if app.absent("#item-form").await {
        app.click(".item-row .item-name").await;
    }
    app.type_into("#item-tax-class", "1234567890").await;
    app.click("#item-save").await;
    app.wait_text(".field-error[data-field=tax_class]", "does not list")
        .await;
    app.screenshot("06-item-class-refused").await;
    app.quit().await;
}

/// The catalogue as the app lists it.
async fn items(app: &App) -> serde_json::Value {
    app.raw_invoke(
        "list_items",
        serde_json::json!({ "include_archived": false }),
    )
    .await
    .expect("items")
}
