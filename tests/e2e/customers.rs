//! Customers: a customer met at the till is found by their digits,
//! corrected (a bad number refused beside the field), then erased after a
//! confirmation; their order stays, without them, and the audit log in
//! Settings says who did what.

use crate::harness::{key, App};
use dukadesk_core::Store;
use dukadesk_domain::ipc::OrderQuery;
use dukadesk_domain::Country;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_is_found_corrected_and_erased_and_their_order_stays() {
    let app = App::launch("customers").await;
    // As on the laptops shops use; the README's screenshots come from here.
    app.laptop_size().await;
    app.set_up_shop("Duka la Amina").await;
    app.click("#nav-catalogue").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Sukuma wiki bunch").await;
    app.type_into("#item-price", "30").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Sukuma wiki bunch").await;

    // A phone order for Wanjiru.
    app.click("#nav-till").await;
    app.click("#new-order").await;
    app.type_into("#order-item-search", "sukuma").await;
    app.keys(key::ENTER).await;
    app.wait_text("#order-form", "Sukuma wiki bunch").await;
    app.type_into("#order-phone", "0712 345 678").await;
    app.type_into("#order-name", "Wanjiru").await;
    app.find("#order-payment")
        .await
        .select_by_value("cash")
        .await
        .expect("choose cash");
    app.click("#order-submit").await;
    app.wait_text("#order-status", "Paid").await;

    // Found by the last digits; corrected.
    app.click("#nav-customers").await;
    app.type_into("#customer-search", "345678").await;
    app.wait_text(".customers-table", "Wanjiru").await;
    app.click(".customer-row .customer-name").await;
    app.type_into("#customer-phone", "0712").await;
    app.click("#customer-save").await;
    app.find(".field-error[data-field=phone]").await;
    app.type_into("#customer-phone", "0799 000 111").await;
    app.type_into("#customer-name", "Wanjiru Kamau").await;
    app.click("#customer-save").await;
    app.type_into("#customer-search", "Wanjiru").await;
    app.wait_text(".customers-table", "0799 000 111").await;
    app.wait_text("#customer-card", "Wanjiru Kamau").await;
    app.screenshot("01-customer").await;

    // Erased, after saying what will happen.
    app.click("#customer-erase").await;
    app.wait_text("#customer-erase-confirm-box", "Their order stays")
        .await;
    app.doc_shot("02-erase-confirm", "customers").await;
    app.click("#customer-erase-confirm").await;
    app.wait_text(".customers-page", "No customer matches")
        .await;
    app.wait_text(".toasts", "Erased").await;

    // The audit log says who did what, in words.
    app.open_settings("privacy").await;
    app.wait_text("#audit-log", "Customer erased").await;
    app.wait_text("#audit-log", "Customer corrected").await;
    app.screenshot("03-privacy").await;
    let data_dir = app.quit().await;

    let store = Store::open(&data_dir.path().join("dukadesk.db"))
        .await
        .expect("open the app's database");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders.len(), 1, "the order stays");
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    assert_eq!(detail.order.customer_phone, None);
    assert_eq!(detail.order.customer_name, None);
    assert!(store.list_customers("", 10).await.expect("list").is_empty());
    store.close().await;
    let bytes = std::fs::read(data_dir.path().join("dukadesk.db")).expect("file");
    for gone in ["712345678", "799000111", "Wanjiru"] {
        assert!(
            !bytes.windows(gone.len()).any(|w| w == gone.as_bytes()),
            "{gone} is still in the file"
        );
    }
}
