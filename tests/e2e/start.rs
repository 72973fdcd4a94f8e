//! The first hour of a new shop: from a fresh data directory, the start
//! checklist on the empty till leads to adding an item and to a paid order
//! in the test chat, ticking itself from what really happened (2 of 5),
//! at 1366×768; it folds away and opens again. The item, counted below its
//! warning level, is flagged low in the catalogue and on the till.

use crate::chat::order_two_sukuma_in_the_test_chat;
use crate::harness::App;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_start_checklist_leads_a_new_shop_to_its_first_paid_test_order() {
    let app = App::launch("start").await;
    app.laptop_size().await;
    app.set_up_shop("Duka la Juma").await;

    // The empty till: nothing ticked, the first step's button in sight, and
    // the queue does not say "press n" with nothing to sell.
    app.wait_text("#start-count", "0 of 5 done").await;
    app.wait_text("#order-queue", "Add what you sell first")
        .await;
    assert!(app.in_view("#start-open-items").await, "the first step");
    app.wait_text("#start-share", "Link WhatsApp first").await;
    app.screenshot("00-checklist").await;

    // Step 1 opens the catalogue.
    app.click("#start-open-items").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Sukuma wiki bunch").await;
    app.type_into("#item-price", "30").await;
    // Three bunches left, and a warning at five: it is low already.
    app.type_into("#item-stock", "3").await;
    app.type_into("#item-low-stock", "5").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Sukuma wiki bunch").await;
    app.wait_text(".item-list .low-stock-badge", "Low").await;
    app.click("#nav-till").await;
    app.wait_text("#start-count", "1 of 5 done").await;
    app.wait_text("#low-stock", "Running low: Sukuma wiki bunch (3 left)")
        .await;
    app.find("#start-items[data-done=true]").await;
    app.wait_text("#order-queue", "Press n to type one in")
        .await;

    // Step 2 opens the test chat; an order paid there with the simulated
    // M-Pesa ticks it.
    assert!(app.in_view("#start-open-test-chat").await, "the next step");
    app.click("#start-open-test-chat").await;
    order_two_sukuma_in_the_test_chat(&app).await;
    app.wait_text("#test-chat", "is confirmed").await;
    app.click("#nav-till").await;
    app.wait_text("#start-count", "2 of 5 done").await;
    app.find("#start-test-chat[data-done=true]").await;
    app.find("#start-mpesa[data-done=false]").await;
    app.find("#start-whatsapp[data-done=false]").await;
    assert!(app.in_view("#start-open-mpesa").await, "the next step");
    app.doc_shot("01-two-done", "start-checklist").await;

    // M-Pesa opens Settings at the payment card.
    app.click("#start-open-mpesa").await;
    app.find("#settings-panel[data-section=mpesa] #payment-settings")
        .await;
    app.click("#nav-till").await;

    // Folded away, it stays folded, and opens again.
    app.click("#start-fold").await;
    app.wait_text("#start-folded", "2 of 5 done").await;
    assert!(app.absent("#start-checklist").await);
    app.click("#nav-catalogue").await;
    app.click("#nav-till").await;
    app.find("#start-folded").await;
    app.click("#start-unfold").await;
    app.wait_text("#start-count", "2 of 5 done").await;
    app.quit().await;
}
