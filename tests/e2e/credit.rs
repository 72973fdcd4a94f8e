//! Sales on credit (madeni): a known customer takes goods on credit at the
//! till (a walk-in without a phone cannot), puts an order left unpaid on
//! their account afterwards, shows in the list of who owes
//! on the Customers page, and pays part back in cash; the repayment is in
//! the store and in this till's cash-up.

use crate::chat::shop_selling_sukuma;
use crate::harness::key;
use dukadesk_core::Store;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn goods_on_credit_are_owed_and_paid_back() {
    let app = shop_selling_sukuma("credit").await;

    // Three bunches on credit: refused without the customer's phone.
    app.click("#nav-till").await;
    app.click("#new-order").await;
    app.type_into("#order-item-search", "3*sukuma").await;
    app.keys(key::ENTER).await;
    app.wait_text("#order-form", "KES 90").await;
    app.find("#order-payment")
        .await
        .select_by_value("credit")
        .await
        .expect("choose credit");
    app.click("#order-submit").await;
    app.wait_text(".field-error[data-field=customer_phone]", "who owes")
        .await;
    app.type_into("#order-phone", "0712 345 678").await;
    app.type_into("#order-name", "Wanjiru").await;
    app.click("#order-submit").await;
    app.wait_text("#order-status", "Paid").await;
    app.wait_text("#order-detail", "On credit").await;

    // An order left unpaid goes on her account afterwards.
    app.click("#new-order").await;
    app.type_into("#order-item-search", "2*sukuma").await;
    app.keys(key::ENTER).await;
    app.type_into("#order-phone", "0712 345 678").await;
    app.click("#order-submit").await;
    app.wait_text("#order-status", "Awaiting payment").await;
    app.wait_text("#pay-credit", "pays later").await;
    app.click("#pay-credit").await;
    app.wait_text("#order-status", "Paid").await;

    // Who owes: Wanjiru, KES 150; she pays 40 back in cash.
    app.click("#nav-customers").await;
    app.wait_text("#debtors", "Wanjiru").await;
    app.wait_text("#debtors", "KES 150").await;
    app.click("#debtors .debtor-open").await;
    app.wait_text("#credit-balance", "Owes KES 150").await;
    app.type_into("#credit-amount", "40").await;
    app.click("#credit-repay-save").await;
    app.wait_text("#credit-balance", "Owes KES 110").await;
    app.wait_text("#credit-history", "Paid back in cash").await;
    app.doc_shot("01-credit", "credit").await;

    let data_dir = app.quit().await;
    let store = Store::open(&data_dir.path().join("dukadesk.db"))
        .await
        .expect("store");
    let debtors = store.debtors().await.expect("debtors");
    assert_eq!(debtors.len(), 1);
    assert_eq!(debtors[0].balance.to_string(), "KES 110");
    let draft = store.cash_up_draft().await.expect("draft");
    assert_eq!(draft.cash_sales.to_string(), "KES 40", "the cash paid back");
}
