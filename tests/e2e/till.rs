//! A merchant's first session: set up the shop, add items, take a walk-in
//! order for cash (the change worked out) at the till and move it to
//! delivered with the keyboard; then an order paid later, `p` and the cash
//! handed over.

use crate::harness::{key, App};
use dukadesk_core::Store;
use dukadesk_domain::ipc::OrderQuery;
use dukadesk_domain::order::OrderStatus;
use dukadesk_domain::Country;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_setup_catalogue_and_a_till_order_to_delivered() {
    let app = App::launch("first_run").await;
    // As on the laptops shops use; the README's screenshots come from here.
    app.laptop_size().await;

    // First run: the setup form, which refuses an empty name and a missing
    // owner password beside their fields.
    app.find("#setup-form").await;
    app.doc_shot("01-setup", "setup").await;
    app.click("#setup-submit").await;
    app.find(".field-error[data-field=name]").await;
    app.find(".field-error[data-field=password]").await;
    app.type_into("#shop-name", "Mama Mboga Fresh").await;
    app.type_into("#owner-password", "mama mboga 1").await;
    app.type_into("#owner-repeat", "mama mboga 2").await;
    app.click("#setup-submit").await;
    app.wait_text(".field-error[data-field=repeat]", "differ")
        .await;
    app.type_owner_password().await;
    app.click("#setup-submit").await;
    app.wait_text("#topbar-shop-name", "Mama Mboga Fresh").await;

    // Catalogue: a bad price is refused beside the field, then two items.
    app.click("#nav-catalogue").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Sukuma wiki bunch").await;
    app.type_into("#item-price", "thirty").await;
    app.click("#item-save").await;
    app.find(".field-error[data-field=price]").await;
    app.type_into("#item-price", "30").await;
    app.type_into("#item-stock", "50").await;
    // What customers also call it, for the bot and the till's search.
    app.type_into("#item-aliases", "kale, mboga").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Sukuma wiki bunch").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Unga 2kg").await;
    app.type_into("#item-price", "210").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Unga 2kg").await;
    app.doc_shot("02-catalogue", "catalogue").await;

    // Till: a walk-in buys two bunches for cash, entered with the keyboard.
    app.click("#nav-till").await;
    app.click("#new-order").await;
    app.type_into("#order-item-search", "sukuma").await;
    app.keys(key::ENTER).await;
    // The second bunch found by its other name.
    app.type_into("#order-item-search", "kale").await;
    app.keys(key::ENTER).await;
    app.wait_text("#order-form", "Sukuma wiki bunch").await;
    app.find("#order-payment")
        .await
        .select_by_value("cash")
        .await
        .expect("choose cash");
    app.wait_text("#order-form", "KES 60").await;
    // The cash handed over: too little is named, enough gives the change.
    app.type_into("#order-tendered", "50").await;
    app.wait_text(".field-error[data-field=tendered]", "KES 10 more is due")
        .await;
    app.click("#order-submit").await;
    app.wait_text("#order-change", "less than the total").await;
    app.type_into("#order-tendered", "100").await;
    app.wait_text("#order-change", "Change: KES 40").await;
    app.doc_shot("03-new-order", "new-order").await;
    app.click("#order-submit").await;
    app.wait_text("#order-status", "Paid").await;
    app.wait_text("#change-due", "Change to give: KES 40").await;

    // A stray `a`: the step waits behind an undo bar, and Ctrl+Z takes it
    // back before anything is changed or sent.
    app.find(".order-row.selected").await;
    app.keys("a").await;
    app.wait_text("#undo-bar", "Start preparing").await;
    app.screenshot("04-undo").await;
    app.keys(key::CTRL_Z).await;
    app.wait_text(".toasts", "Undone").await;
    assert!(app.absent("#undo-bar").await, "the undo bar went");
    app.wait_text("#order-status", "Paid").await;

    // Advance with the keyboard only: Paid -> Preparing -> collected (a
    // walk-in's pickup is handed over at once), each sent once its undo
    // time is over.
    app.keys("a").await;
    app.wait_text("#order-status", "Preparing").await;
    app.wait_text("#advance-order", "Mark collected").await;
    app.keys("a").await;
    app.wait_text("#order-status", "Collected").await;
    app.doc_shot("04-order-delivered", "till").await;
    assert!(app.absent("#undo-bar").await, "nothing held once sent");

    // An order left unpaid; the customer pays later: `p`, the amount,
    // Enter, and the change shows.
    app.click("#new-order").await;
    app.type_into("#order-item-search", "unga").await;
    app.keys(key::ENTER).await;
    app.wait_text("#order-form", "Unga 2kg").await;
    app.click("#order-submit").await;
    app.wait_text("#order-status", "Awaiting payment").await;
    app.find("#order-search")
        .await
        .click()
        .await
        .expect("focus search");
    app.keys(key::ESCAPE).await;
    app.find(".order-row.selected").await;
    app.keys("p").await;
    app.keys("300").await;
    app.wait_text("#pay-change", "Change: KES 90").await;
    app.keys(key::ENTER).await;
    app.wait_text("#order-status", "Paid").await;
    app.wait_text("#change-due", "Change to give: KES 90").await;
    app.doc_shot("05-change-due", "change-due").await;

    // Enter never cancels: `x`, Enter, and the question is still there;
    // Escape keeps the order.
    app.keys("x").await;
    app.find("#confirm-cancel").await;
    app.keys(key::ENTER).await;
    assert!(app.absent("#undo-bar").await, "Enter cancelled nothing");
    app.find("#confirm-cancel").await;
    app.keys(key::ESCAPE).await;
    app.wait_gone("#confirm-cancel").await;
    assert!(app.absent("#undo-bar").await);

    // A phone order paid in cash at the hand-over: prepared and made ready
    // before any money, which is taken when the customer collects.
    app.click("#new-order").await;
    app.type_into("#order-item-search", "unga").await;
    app.keys(key::ENTER).await;
    app.wait_text("#order-form", "Unga 2kg").await;
    app.type_into("#order-phone", "0712 345 678").await;
    app.find("#order-payment")
        .await
        .select_by_value("on_delivery")
        .await
        .expect("cash on delivery");
    app.click("#order-submit").await;
    app.find("#order-on-delivery").await;
    assert!(
        app.absent("#pay-cash").await,
        "no money is taken before the hand-over"
    );
    app.click("#advance-order").await;
    app.wait_text("#order-status", "Preparing").await;
    app.click("#advance-order").await;
    app.wait_text("#order-status", "Ready for pickup").await;
    app.find("#collect-on-delivery").await;
    app.click("#pay-cash").await;
    app.wait_text("#order-status", "Collected").await;

    let data_dir = app.quit().await;

    // What the window showed is what the database holds.
    let store = Store::open(&data_dir.path().join("dukadesk.db"))
        .await
        .expect("open the app's database");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders.len(), 3);
    let on_delivery = orders
        .iter()
        .find(|o| o.pay_on_delivery)
        .expect("the order paid at the hand-over");
    assert_eq!(on_delivery.status, OrderStatus::Delivered);
    let detail = store.order_detail(on_delivery.id).await.expect("detail");
    assert_eq!(detail.payments.len(), 1, "paid once");
    let walk_in = orders
        .iter()
        .find(|o| o.total.minor == 6_000)
        .expect("the walk-in sale");
    assert_eq!(walk_in.status, OrderStatus::Delivered);
    let detail = store.order_detail(walk_in.id).await.expect("detail");
    assert_eq!(detail.payments.len(), 1);
    let later = orders
        .iter()
        .find(|o| o.total.minor == 21_000 && !o.pay_on_delivery)
        .expect("the order paid later");
    assert_eq!(later.status, OrderStatus::Paid);
    let items = store.items(false).await.expect("items");
    let sukuma = items
        .iter()
        .find(|i| i.name == "Sukuma wiki bunch")
        .expect("item saved");
    assert_eq!(sukuma.stock(), Some(48));
}
