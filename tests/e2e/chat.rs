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
        app.chat(message, reply).await;
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
        app.chat(message, reply).await;
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

/// Waits until the `<img>` matching `css` has loaded a picture (served by
/// the shell's photo scheme) and returns its natural width.
async fn loaded_width(app: &App, css: &str) -> u64 {
    let script = format!(
        "const img = document.querySelector({css:?}); return img && img.complete ? img.naturalWidth : 0;"
    );
    for _ in 0..200 {
        let width = app
            .client
            .execute(&script, vec![])
            .await
            .expect("the picture's width")
            .as_u64()
            .unwrap_or(0);
        if width > 0 {
            return width;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let shot = app.screenshot("failure").await;
    panic!(
        "{css} never showed a picture; the screen is in {}",
        shot.display()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_items_photo_picked_in_the_catalogue_reaches_the_customer_who_asks() {
    let app = shop_selling_sukuma("item_photo").await;
    // A photo as a phone saves it: larger than kept, in another format.
    let dir = tempfile::tempdir().expect("a folder for the photo");
    let file = dir.path().join("sukuma.png");
    image::RgbImage::from_fn(1600, 1200, |x, y| {
        let leaf = u8::from((x / 40 + y / 40) % 2 == 1);
        image::Rgb([30 + 20 * leaf, 120 + 60 * leaf, 40])
    })
    .save(&file)
    .expect("the photo file");

    // The item stays open in the editor after it was saved.
    app.find("#item-photo-none").await;
    app.find("#item-photo-file")
        .await
        .send_keys(&file.display().to_string())
        .await
        .expect("pick the photo");
    assert!(loaded_width(&app, "#item-photo-preview").await > 0);
    app.click("#item-save").await;
    // Stored at 800 pixels wide, and shown beside the name.
    assert_eq!(loaded_width(&app, ".item-row .item-thumb img").await, 160);
    assert_eq!(loaded_width(&app, "#item-photo-preview").await, 800);
    app.doc_shot("01-catalogue-photo", "catalogue-photo").await;

    // A customer asks to see it in Kiswahili.
    app.click("#nav-test-chat").await;
    app.type_into("#test-chat-input", "picha ya sukuma").await;
    app.keys(key::ENTER).await;
    app.wait_text("#test-chat", "Sukuma wiki bunch — KES 30")
        .await;
    assert_eq!(loaded_width(&app, "#test-chat .message-photo").await, 800);
    app.wait_text("#test-chat", "Kuagiza").await;
    app.doc_shot("02-asked", "test-chat-photo").await;

    // Removed, it is gone from the catalogue, and the bot says there is
    // none (in Kiswahili, the chat's language now).
    app.click("#nav-catalogue").await;
    app.click(".item-row .item-name").await;
    app.click("#item-photo-remove").await;
    app.find("#item-photo-none").await;
    app.click("#item-save").await;
    app.wait_gone(".item-row .item-thumb img").await;
    app.click("#nav-test-chat").await;
    app.type_into("#test-chat-input", "photo of sukuma").await;
    app.keys(key::ENTER).await;
    app.wait_text("#test-chat", "hatuna picha ya").await;
    app.quit().await;
}

/// A shop in Morocco, its screens in Arabic: it starts paid in cash on
/// delivery. The test customer writes in Arabic and orders with no M-Pesa
/// anywhere; the order waits in the till as new work, is prepared and made
/// ready, and the cash taken at the counter completes it, once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moroccan_shop_in_arabic_takes_an_order_paid_in_cash_at_the_hand_over() {
    let app = App::launch("cash_on_delivery").await;
    app.laptop_size().await;
    app.type_into("#shop-name", "Hanout Fatima").await;
    app.find("#shop-country")
        .await
        .select_by_value("morocco")
        .await
        .expect("Morocco");
    app.type_owner_password().await;
    app.click("#setup-submit").await;
    app.wait_text("#topbar-shop-name", "Hanout Fatima").await;
    app.open_settings("computer").await;
    app.find("#ui-language")
        .await
        .select_by_value("ar")
        .await
        .expect("Arabic");
    app.wait_text("#nav-till", "الصندوق").await;
    app.click("#nav-catalogue").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Pain").await;
    app.type_into("#item-price", "30").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Pain").await;

    app.click("#nav-test-chat").await;
    // No simulated M-Pesa to choose: the money is taken at the till.
    app.find("#test-chat-on-delivery").await;
    assert!(app.absent("#test-payment").await);
    app.type_into("#test-chat-phone", "0612 345 678").await;
    for (message, reply) in [
        ("السلام عليكم", "الدفع نقدًا عند استلام طلبكم"),
        ("2 pain", "تمت إضافة 2 × Pain"),
        ("1", "تأكيد الطلب"),
        ("1", "تم تأكيد الطلب"),
    ] {
        app.chat(message, reply).await;
    }
    let said = app
        .client
        .execute(
            "return [...document.querySelectorAll('#test-chat .message-body')]
                 .map(m => m.textContent).join('\\n');",
            vec![],
        )
        .await
        .expect("the messages");
    let said = said.as_str().unwrap_or_default();
    assert!(!said.contains("M-Pesa"), "{said}");

    app.click("#nav-till").await;
    app.wait_text("#order-queue", "جديد: الدفع عند الاستلام")
        .await;
    app.click(".order-row").await;
    app.find("#order-on-delivery").await;
    assert!(
        app.absent("#pay-cash").await,
        "no money is taken before the hand-over"
    );
    app.click("#advance-order").await;
    app.wait_text("#order-status", "قيد التحضير").await;
    app.click("#advance-order").await;
    app.wait_text("#order-status", "جاهز للاستلام").await;
    app.find("#collect-on-delivery").await;
    app.doc_shot("01-collect", "till-cash-on-delivery").await;
    app.click("#pay-cash").await;
    app.wait_text("#order-status", "تم الاستلام").await;
    app.wait_text(".payments", "60").await;

    app.click("#nav-test-chat").await;
    app.wait_text("#test-chat", "جاهز للاستلام").await;
    app.wait_text("#test-chat", "تم استلامه").await;
    app.quit().await;
}
