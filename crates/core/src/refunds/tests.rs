//! Refunds against a real store: checked against the money the order
//! brought in, written once with their outbox rows, taken off the drawer's
//! cash-up and the period's sales.

use crate::store::testing::{sample_order, shop_store};
use crate::store::{Store, StoreError};
use chrono::Utc;
use dukadesk_domain::cashup::CashUpInput;
use dukadesk_domain::ipc::OrderDetail;
use dukadesk_domain::order::{ManualOrderInput, OrderEvent, TillPayment};
use dukadesk_domain::refund::{RefundInput, RefundMethod};
use dukadesk_domain::report::ReportPeriod;
use dukadesk_domain::{Currency, Money, OrderId};

fn kes(major: i64) -> Money {
    Money::from_major(major, Currency::KES)
}

fn ask(order: OrderId, amount: &str, method: &str, receipt: &str) -> RefundInput {
    RefundInput {
        order_id: order,
        amount: amount.into(),
        method: method.into(),
        receipt: receipt.into(),
        reason: "1 bread returned".into(),
    }
}

async fn sale(store: &Store, payment: TillPayment) -> OrderDetail {
    let items = store.items(false).await.expect("items");
    store
        .create_manual_order(
            &ManualOrderInput {
                payment,
                ..sample_order(&items)
            },
            "Amina",
        )
        .await
        .expect("sale")
}

async fn refunded_rows(store: &Store) -> (i64, i64) {
    sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM refunds),
                (SELECT COUNT(*) FROM outbox WHERE entity = 'refund')",
    )
    .fetch_one(crate::store::testing::pool(store))
    .await
    .expect("counts")
}

fn refused_on(result: Result<OrderDetail, StoreError>, field: &str) -> String {
    match result {
        Err(StoreError::Invalid(fields)) => {
            assert_eq!(fields[0].field, field, "{fields:?}");
            fields[0].message.clone()
        }
        other => panic!("refused beside {field}: {other:?}"),
    }
}

#[tokio::test]
async fn a_part_goes_back_and_never_more_than_the_order_brought_in() {
    let (_dir, store) = shop_store().await;
    let sold = sale(&store, TillPayment::Cash).await;
    let id = sold.order.id;
    assert_eq!(sold.order.total, kes(240));
    assert_eq!(
        sold.refundable,
        Some(kes(240)),
        "a cash sale can give it all back"
    );

    let after = store
        .refund_order(&ask(id, "100", "cash", ""), "Owner")
        .await
        .expect("refund");
    assert_eq!(after.refunds.len(), 1);
    let r = &after.refunds[0];
    assert_eq!(
        (r.amount, r.method, r.by.as_str()),
        (kes(100), RefundMethod::Cash, "Owner")
    );
    assert_eq!(r.reason, "1 bread returned");
    assert_eq!(after.refundable, Some(kes(140)));
    assert_eq!(
        refunded_rows(&store).await,
        (1, 1),
        "one row and its outbox row"
    );
    // The order itself stands: still a sale, still where it was.
    assert_eq!(after.order.status, sold.order.status);

    // More than is left: refused beside the amount, with what is left;
    // nothing written.
    let said = refused_on(
        store
            .refund_order(&ask(id, "140.01", "cash", ""), "Owner")
            .await,
        "amount",
    );
    assert!(said.contains("KES 140"), "{said}");
    assert_eq!(refunded_rows(&store).await, (1, 1));

    // The rest by M-Pesa with its code; then nothing is left.
    let after = store
        .refund_order(&ask(id, "140", "mpesa", "qft4abc12x"), "Owner")
        .await
        .expect("the rest");
    assert_eq!(after.refundable, None);
    assert_eq!(after.refunds[1].receipt.as_deref(), Some("QFT4ABC12X"));
    let said = refused_on(
        store.refund_order(&ask(id, "1", "cash", ""), "Owner").await,
        "amount",
    );
    assert!(said.starts_with("Nothing to refund"), "{said}");
    assert_eq!(refunded_rows(&store).await, (2, 2));
    // Read back as the till shows it.
    let detail = store.order_detail(id).await.expect("detail");
    assert_eq!(detail.refunds, after.refunds);
}

#[tokio::test]
async fn orders_that_brought_no_money_have_nothing_to_give_back() {
    let (_dir, store) = shop_store().await;
    let unpaid = sale(&store, TillPayment::Unpaid).await;
    assert_eq!(unpaid.refundable, None);
    refused_on(
        store
            .refund_order(&ask(unpaid.order.id, "10", "cash", ""), "Owner")
            .await,
        "amount",
    );
    let missing = store
        .refund_order(
            &ask(OrderId(uuid::Uuid::new_v4()), "10", "cash", ""),
            "Owner",
        )
        .await;
    assert!(
        matches!(missing, Err(StoreError::NotFound(_))),
        "{missing:?}"
    );
    assert_eq!(refunded_rows(&store).await, (0, 0));
}

#[tokio::test]
async fn cash_given_back_leaves_this_drawer_and_comes_off_the_days_sales() {
    let (_dir, store) = shop_store().await;
    let cash = sale(&store, TillPayment::Cash).await;
    let mpesa = sale(&store, TillPayment::MpesaReceipt("QFT4ABC12Y".into())).await;
    let cancelled = sale(&store, TillPayment::Cash).await;
    store
        .refund_order(&ask(cash.order.id, "100", "cash", ""), "Owner")
        .await
        .expect("cash back");
    store
        .refund_order(&ask(mpesa.order.id, "40", "mpesa", ""), "Owner")
        .await
        .expect("M-Pesa back");
    // A sale cancelled after its money came in, and all of it given back.
    store
        .apply_order_event(cancelled.order.id, OrderEvent::Cancel, "till")
        .await
        .expect("cancelled");
    store
        .refund_order(&ask(cancelled.order.id, "240", "cash", ""), "Owner")
        .await
        .expect("all back");

    // The drawer: 480 cash taken, 340 of it given back.
    let draft = store.cash_up_draft().await.expect("draft");
    assert_eq!(draft.cash_sales, kes(480));
    assert_eq!(draft.cash_refunds, kes(340));
    assert_eq!(draft.expected(kes(500)), kes(640));
    let counted = store
        .record_cash_up(
            &CashUpInput {
                float: "500".into(),
                counted: "640".into(),
                note: String::new(),
            },
            "Amina",
        )
        .await
        .expect("counted");
    assert_eq!(counted.cash_refunds, Some(kes(340)));
    assert_eq!(
        counted.balance(),
        dukadesk_domain::cashup::Balance::Balanced
    );
    let stored = &store.cash_ups(1).await.expect("cash-ups")[0];
    assert_eq!(stored, &counted, "read back as recorded");

    // The day's report: the two sales that stand, less what went back for
    // them (the cancelled one was never a sale).
    let report = store
        .sales_report(ReportPeriod::Today, Utc::now())
        .await
        .expect("report");
    assert_eq!(report.sales.amount, kes(480));
    assert_eq!(
        (report.refunds.orders, report.refunds.amount),
        (2, kes(140))
    );
    assert_eq!(report.net_sales(), kes(340));
    // The cancelled sale's money all went back: nothing is left to give.
    assert_eq!(report.cancelled.orders, 1);
    assert_eq!(
        (
            report.cancelled_after_payment.orders,
            report.cancelled_after_payment.amount
        ),
        (0, kes(0))
    );
}

#[tokio::test]
async fn a_chat_customer_hears_of_money_sent_back_in_their_language() {
    let (_dir, store) = crate::store::testing::prompt_store().await;
    // A Kiswahili customer.
    crate::store::testing::say(&store, "0712 555 666", "habari").await;
    crate::store::testing::say(&store, "0712 555 666", "2").await;
    let (chat, payment) = crate::store::testing::chat_to_payment(&store, "0712 555 666").await;
    store
        .apply_payment_outcome(
            payment,
            crate::payments::ProviderOutcome::Paid {
                receipt: Some("QRT5U6V7W8".into()),
            },
        )
        .await
        .expect("paid");
    let order: String = sqlx::query_scalar("SELECT order_id FROM payments WHERE id = ?")
        .bind(payment.to_string())
        .fetch_one(crate::store::testing::pool(&store))
        .await
        .expect("order");
    let order = OrderId(order.parse().expect("uuid"));
    let number = store.order_detail(order).await.expect("order").order.number;
    store
        .refund_order(&ask(order, "30", "mpesa", "QFT4ABC12Z"), "Owner")
        .await
        .expect("refund");
    let said: Vec<String> = store
        .conversation_view(chat, false)
        .await
        .expect("chat")
        .messages
        .into_iter()
        .filter(|m| m.author == dukadesk_domain::ipc::MessageAuthor::Bot)
        .map(|m| m.body)
        .collect();
    let last = said.last().expect("told");
    assert_eq!(
        last,
        &format!("💸 Tumekurudishia *KES 30* kwa M-Pesa kwa oda *#{number}*."),
        "{said:#?}"
    );
}

#[tokio::test]
async fn a_cancelled_sale_is_owed_back_less_what_went_back_already() {
    let (_dir, store) = shop_store().await;
    let sold = sale(&store, TillPayment::Cash).await;
    store
        .apply_order_event(sold.order.id, OrderEvent::Cancel, "till")
        .await
        .expect("cancelled");
    let owed = |r: &dukadesk_domain::report::SalesReport| {
        (
            r.cancelled_after_payment.orders,
            r.cancelled_after_payment.amount,
        )
    };
    let report = store
        .sales_report(ReportPeriod::Today, Utc::now())
        .await
        .expect("report");
    assert_eq!(owed(&report), (1, kes(240)));
    store
        .refund_order(&ask(sold.order.id, "100", "cash", ""), "Owner")
        .await
        .expect("part back");
    let report = store
        .sales_report(ReportPeriod::Today, Utc::now())
        .await
        .expect("report");
    assert_eq!(owed(&report), (1, kes(140)));
    // Not a sale: nothing comes off the sales.
    assert_eq!((report.refunds.orders, report.net_sales()), (0, kes(0)));
}
