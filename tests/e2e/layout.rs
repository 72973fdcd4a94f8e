//! A 1366×768 laptop, the screen most shops have, and a 1280×720 one: on
//! every page the main action is in sight without scrolling, and the
//! new-order form's Create button stays in sight with a long order.

use crate::harness::{key, App};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_s_main_action_is_in_sight_at_1366_by_768() {
    main_actions_in_sight("layout", 1366, 768).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_s_main_action_is_in_sight_at_1280_by_720() {
    main_actions_in_sight("layout-720", 1280, 720).await;
}

async fn main_actions_in_sight(test: &str, width: u32, height: u32) {
    let app = App::launch(test).await;
    app.screen_size(width, height).await;
    app.set_up_shop("Duka la Amina").await;
    app.click("#nav-catalogue").await;
    for (name, price) in [
        ("Sukuma wiki", "30"),
        ("Unga 2kg", "210"),
        ("Maziwa 500ml", "60"),
        ("Sukari 1kg", "150"),
        ("Mkate", "65"),
        ("Mayai tray", "420"),
    ] {
        app.click("#new-item").await;
        assert!(app.in_view("#item-save").await, "the item editor's Save");
        app.type_into("#item-name", name).await;
        app.type_into("#item-price", price).await;
        app.click("#item-save").await;
        app.wait_text(".item-list", name).await;
    }
    assert!(app.in_view("#new-item").await, "Catalogue: New item");

    // The till, and a long new order: Create stays in sight.
    app.click("#nav-till").await;
    assert!(app.in_view("#new-order").await, "Till: New order");
    app.click("#new-order").await;
    for name in ["sukuma", "unga", "maziwa", "sukari", "mkate", "mayai"] {
        app.type_into("#order-item-search", name).await;
        app.keys(key::ENTER).await;
    }
    app.wait_text("#order-form", "Mayai tray").await;
    app.type_into("#order-phone", "0712 345 678").await;
    assert!(
        app.in_view("#order-submit").await,
        "New order: Create order"
    );
    assert!(app.in_view("#order-close").await, "New order: Close");
    app.screenshot("01-long-order").await;
    app.click("#order-submit").await;
    app.wait_text("#order-status", "Awaiting payment").await;
    assert!(
        app.in_view("#print-receipt").await,
        "the order's Print bill"
    );
    assert!(app.in_view("#pay-tendered").await, "the order's cash field");

    // Every section of Settings, each with its one main action.
    for (section, action) in [
        ("shop", "#shop-save"),
        ("hours", "#hours-save"),
        ("delivery", "#zone-save"),
        ("mpesa", "#payment-save"),
        ("digital", "#digital-save"),
        ("whatsapp", "#whatsapp-link"),
        ("sync", "#hosted-connect"),
        ("staff", "#staff-add"),
        ("privacy", "#privacy-export"),
        ("computer", "#printer-save"),
    ] {
        app.open_settings(section).await;
        assert!(app.in_view(action).await, "Settings, {section}: {action}");
    }
    for (page, action) in [
        ("#nav-customers", "#customer-search"),
        ("#nav-reports", "#cash-up-open"),
        ("#nav-resellers", "#reseller-add"),
        ("#nav-test-chat", "#test-chat-input"),
    ] {
        app.click(page).await;
        assert!(app.in_view(action).await, "{page}: {action}");
    }
}
