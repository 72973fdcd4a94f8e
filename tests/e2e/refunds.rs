//! Money given back: a bunch returned from a cash sale is refunded at the
//! till (the form refuses more than the sale brought in and a refund with
//! no reason beside their fields; owner only), the
//! refund shows on the order, comes off the drawer's expected cash and
//! off the day's sales in Reports, and is in the store once.

use crate::chat::shop_selling_sukuma;
use crate::harness::key;
use dukadesk_core::Store;
use dukadesk_domain::ipc::OrderQuery;
use dukadesk_domain::Country;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn part_of_a_cash_sale_goes_back_and_leaves_the_drawer() {
    let app = shop_selling_sukuma("refunds").await;

    // Three bunches for cash.
    app.click("#nav-till").await;
    app.click("#new-order").await;
    app.type_into("#order-item-search", "3*sukuma").await;
    app.keys(key::ENTER).await;
    app.wait_text("#order-form", "KES 90").await;
    app.find("#order-payment")
        .await
        .select_by_value("cash")
        .await
        .expect("choose cash");
    app.click("#order-submit").await;
    app.wait_text("#order-status", "Paid").await;

    // One comes back: the form starts with all that can go back.
    app.click("#refund-open").await;
    app.wait_text("#refund-left", "KES 90").await;
    app.type_into("#refund-amount", "100").await;
    app.click("#refund-give").await;
    app.wait_text(".field-error[data-field=amount]", "At most KES 90")
        .await;
    app.find(".field-error[data-field=reason]").await;
    app.type_into("#refund-amount", "30").await;
    app.type_into("#refund-reason", "1 bunch returned").await;
    app.wait_text("#refund-give", "Give KES 30 back").await;
    // Owner only: the owner signed in with the password a moment ago, so
    // it is not asked again.
    app.click("#refund-give").await;
    app.wait_text("#order-refunds .refund", "1 bunch returned")
        .await;
    app.wait_text("#order-refunds .refund-amount", "-KES 30")
        .await;
    app.wait_text("#order-refunds .refund-way", "Cash").await;
    app.screenshot("01-refunded").await;
    // What is left can still go back.
    app.click("#refund-open").await;
    app.wait_text("#refund-left", "KES 60").await;
    app.doc_shot("02-form", "refund").await;
    app.click("#refund-keep").await;

    // The drawer: KES 90 taken, 30 given back.
    app.click("#nav-reports").await;
    app.wait_text("#report-gross", "KES 90").await;
    app.wait_text("#report-refunded", "-KES 30").await;
    app.wait_text("#report-net-sales", "KES 60").await;
    app.click("#cash-up-open").await;
    app.wait_text("#cash-up-cash", "KES 90").await;
    app.wait_text("#cash-up-refunds", "-KES 30").await;
    app.type_into("#cash-up-counted", "60").await;
    app.wait_text("#cash-up-balance", "Balanced").await;
    app.screenshot("03-cash-up").await;

    let data_dir = app.quit().await;
    let store = Store::open(&data_dir.path().join("dukadesk.db"))
        .await
        .expect("open");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders.len(), 1);
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    let given: Vec<(String, &str, &str)> = detail
        .refunds
        .iter()
        .map(|r| (r.amount.to_string(), r.reason.as_str(), r.by.as_str()))
        .collect();
    assert_eq!(given, [("KES 30".to_owned(), "1 bunch returned", "Owner")]);
    let draft = store.cash_up_draft().await.expect("draft");
    assert_eq!(draft.cash_refunds.to_string(), "KES 30");
}
