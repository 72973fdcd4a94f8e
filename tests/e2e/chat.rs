//! The merchant tries the bot before linking WhatsApp: the test chat takes
//! an order through simulated M-Pesa, the order lands in the till queue,
//! and moving it on messages the "customer" (a pickup: preparing, then
//! ready for pickup).

use crate::harness::{key, App};

/// A fresh shop, "Duka la Juma", selling Sukuma wiki at KES 30.
pub(crate) async fn shop_selling_sukuma(test: &str) -> App {
    let app = App::launch(test).await;
    // As on the laptops shops use; the README's screenshots come from here.
    app.laptop_size().await;
    app.set_up_shop("Duka la Juma").await;
    app.click("#nav-catalogue").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Sukuma wiki bunch").await;
    app.type_into("#item-price", "30").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Sukuma wiki bunch").await;
    app
}

/// In the test chat: greet, order two bunches (with a typo), pick up, pay
/// from the chat's own number, and confirm.
pub(crate) async fn order_two_sukuma_in_the_test_chat(app: &App) {
    for (message, reply) in [
        ("hi", "Welcome to Duka la Juma"),
        ("2 sukma", "Added 2 × Sukuma wiki bunch"),
        ("1", "Which M-Pesa number should pay?"),
        ("1", "Total: KES 60"),
        ("1", "Check your phone"),
    ] {
        app.type_into("#test-chat-input", message).await;
        app.keys(key::ENTER).await;
        app.wait_text("#test-chat", reply).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_test_chat_order_is_paid_reaches_the_till_and_hears_of_each_step() {
    let app = shop_selling_sukuma("test_chat").await;

    app.click("#nav-test-chat").await;
    order_two_sukuma_in_the_test_chat(&app).await;
    // The simulated M-Pesa answers after a moment.
    app.wait_text("#test-chat", "is confirmed").await;
    app.doc_shot("01-test-chat", "test-chat").await;

    // The order is in the till queue, paid; moving it on tells the customer.
    app.click("#nav-till").await;
    app.find(".order-row").await;
    app.wait_text("#order-queue", "Paid").await;
    app.click(".order-row").await;
    app.click("#advance-order").await;
    app.wait_text("#order-status", "Preparing").await;
    app.click("#nav-test-chat").await;
    app.wait_text("#test-chat", "is being prepared").await;

    // The inbox shows the chat and its order.
    app.click("#nav-inbox").await;
    app.click(".conversation-row").await;
    app.wait_text("#conversation", "is being prepared").await;
    app.doc_shot("02-inbox", "inbox").await;

    // A pickup ordered by chat is made ready, and the customer told to come.
    app.click("#nav-till").await;
    app.click(".order-row").await;
    app.wait_text("#advance-order", "Ready for pickup").await;
    app.click("#advance-order").await;
    app.wait_text("#order-status", "Ready for pickup").await;
    app.wait_text("#advance-order", "Mark collected").await;
    app.click("#nav-test-chat").await;
    app.wait_text("#test-chat", "is ready for pickup").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_payment_m_pesa_never_answered_is_settled_by_staff_at_the_till() {
    let app = shop_selling_sukuma("unsettled").await;

    // The simulated customer never answers the prompt: the outcome is unknown.
    app.click("#nav-test-chat").await;
    app.find("#test-payment")
        .await
        .select_by_value("timeout")
        .await
        .expect("never answers");
    order_two_sukuma_in_the_test_chat(&app).await;
    app.wait_text("#test-chat", "don't pay again").await;

    // Staff check the M-Pesa statement and settle it at the till.
    app.click("#nav-till").await;
    app.wait_text("#unsettled-strip", "1 M-Pesa payment needs checking")
        .await;
    app.click("#unsettled-open").await;
    app.type_into(".unsettled-receipt", "qft4abc12x").await;
    app.doc_shot("01-unsettled", "unsettled").await;
    app.click(".settle-paid").await;
    app.wait_text(".banner.ok", "marked paid").await;
    app.wait_text("#order-queue", "Paid").await;

    // The customer hears it, with the code staff typed.
    app.click("#nav-test-chat").await;
    app.wait_text("#test-chat", "(M-Pesa QFT4ABC12X)").await;
    app.quit().await;
}

/// A customer who writes in Arabic is answered in Arabic, shown right to
/// left, with the item's other name understood.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_writing_arabic_is_answered_in_arabic_right_to_left() {
    let app = shop_selling_sukuma("test_chat_arabic").await;
    app.click("#nav-test-chat").await;
    for (message, reply) in [
        ("السلام عليكم", "مرحبًا بكم في"),
        ("2 sukuma", "تمت إضافة 2 × Sukuma wiki bunch"),
    ] {
        app.type_into("#test-chat-input", message).await;
        app.keys(key::ENTER).await;
        app.wait_text("#test-chat", reply).await;
    }
    // The Arabic message reads right to left, from the right edge; the
    // shop's own Latin names stay as they are inside it.
    let direction = app
        .client
        .execute(
            "const bodies = [...document.querySelectorAll('#test-chat .message-body')];
             const last = bodies[bodies.length - 1];
             return [getComputedStyle(last).direction, getComputedStyle(last).textAlign, last.textContent];",
            vec![],
        )
        .await
        .expect("the last message");
    let direction: (String, String, String) =
        serde_json::from_value(direction).expect("three strings");
    assert_eq!(
        (direction.0.as_str(), direction.1.as_str()),
        ("rtl", "start")
    );
    assert!(direction.2.contains("تمت إضافة"), "{}", direction.2);
    app.doc_shot("02-arabic", "test-chat-arabic").await;
    app.quit().await;
}
