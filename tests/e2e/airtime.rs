//! Airtime bought in the test chat: delivered by the simulated provider
//! and told to the "customer"; made to fail, the customer hears their money
//! is safe and the till lists it for staff, who record the refund. The
//! shop's Africa's Talking account is checked against a loopback simulator.

use crate::harness::App;
use dukadesk_sims::africastalking::{AfricasTalkingSim, Config};

/// In the test chat: buy the airtime for another number and pay.
async fn buy_airtime_for(app: &App, number: &str) {
    for (message, reply) in [
        ("airtime 100", "who is it for?"),
        ("2", "Send the number"),
        (number, "Added 1 × Airtime 100"),
        ("1", "Which M-Pesa number should pay?"),
        ("1", "Total: KES 100"),
        ("1", "Check your phone"),
    ] {
        // The earlier purchase's replies are still in the chat.
        app.chat(message, reply).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn airtime_is_delivered_or_refund_due_and_the_account_is_checked() {
    let app = App::launch("airtime").await;
    app.laptop_size().await;
    app.set_up_shop("Duka la Juma").await;
    app.click("#nav-catalogue").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Airtime 100").await;
    app.find("#item-kind")
        .await
        .select_by_value("airtime")
        .await
        .expect("airtime");
    app.type_into("#item-price", "100").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Airtime 100").await;

    // Delivered: the customer hears it reached the number.
    app.click("#nav-test-chat").await;
    buy_airtime_for(&app, "0733 111 222").await;
    app.wait_text("#test-chat", "Airtime 100 has reached 0733 111 222")
        .await;
    app.doc_shot("01-delivered", "airtime-test-chat").await;

    // Made to fail: the customer is told their money is safe.
    app.find("#test-airtime")
        .await
        .select_by_value("fails")
        .await
        .expect("fails");
    buy_airtime_for(&app, "0733 111 333").await;
    app.wait_text("#test-chat", "could not send Airtime 100 to 0733 111 333")
        .await;

    // The till lists it; staff record the refund and it leaves the list.
    app.click("#nav-till").await;
    app.wait_text("#digital-strip", "1").await;
    app.click("#digital-open").await;
    app.wait_text("#digital-panel", "0733 111 333").await;
    app.click(".digital-row .digital-refunded").await;
    app.find(".digital-row .field-error[data-field=note]").await;
    app.type_into(".digital-row .digital-refund-note", "Cash given back")
        .await;
    app.doc_shot("02-refund-due", "airtime-refund-due").await;
    app.click(".digital-row .digital-refunded").await;
    app.wait_gone(".digital-row").await;
    app.wait_gone("#digital-strip").await;

    // The account, saved and checked against the provider (a simulator).
    let sim = AfricasTalkingSim::start(Config::default())
        .await
        .expect("simulator");
    app.raw_invoke(
        "save_digital_settings",
        serde_json::json!({
            "environment": sim.base_url(),
            "username": "sandbox",
            "api_key": "atsk_test_sim",
            "bundle_product": "Duka Data",
        }),
    )
    .await
    .expect("saved");
    app.open_settings("digital").await;
    app.wait_text("#digital-real-chats", "sent at once").await;
    app.click("#digital-test").await;
    app.wait_text("#digital-test-result", "Balance: KES 10000.00")
        .await;
    app.screenshot("03-settings").await;
    app.quit().await;
}
