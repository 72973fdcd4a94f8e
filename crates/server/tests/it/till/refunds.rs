//! Refunds across tills (and cash on delivery taken at one till, paid at
//! the other): part of a sale given back at one till reaches
//! the other and the server; the other till's sales, its reseller figures
//! and the order's refundable money follow, its drawer does not (the cash
//! left the first till's); every synced table agrees everywhere.

use super::{backend, server_rows, till_rows};
use dukadesk_core::store::testing::{sample_order, shop_store, unlocked_store as empty_store};
use dukadesk_core::store::StoreError;
use dukadesk_core::sync::worker::sync_once;
use dukadesk_domain::refund::RefundInput;
use dukadesk_domain::report::ReportPeriod;

#[tokio::test]
async fn a_refund_given_at_one_till_reaches_the_other_and_the_server() {
    let b = backend().await;
    let shop = b.shop("Mama Mboga").await;
    let (_da, a) = shop_store().await;
    let ha = b.join(&a, shop, "Front").await;
    let items = a.items(false).await.expect("items");
    let sale = a
        .create_manual_order(&sample_order(&items), "clerk A")
        .await
        .expect("cash sale");
    let id = sale.order.id;
    let ask = |amount: &str| RefundInput {
        order_id: id,
        amount: amount.into(),
        method: "cash".into(),
        receipt: String::new(),
        reason: "1 bread returned".into(),
    };
    a.refund_order(&ask("100"), "Owner").await.expect("refund");
    sync_once(&a, &ha).await.expect("A up");

    let (_db, bt) = empty_store().await;
    let hb = b.join(&bt, shop, "Back").await;
    sync_once(&bt, &hb).await.expect("B down");
    let on_b = bt.order_detail(id).await.expect("the order on B");
    assert_eq!(on_b.refunds.len(), 1);
    assert_eq!(on_b.refunds[0].amount.to_string(), "KES 100");
    assert_eq!(
        on_b.refundable.map(|m| m.to_string()).as_deref(),
        Some("KES 140")
    );
    let report = bt
        .sales_report(ReportPeriod::Today, chrono::Utc::now())
        .await
        .expect("report on B");
    assert_eq!(report.net_sales().to_string(), "KES 140");
    // The cash left A's drawer, not B's.
    assert_eq!(
        a.cash_up_draft().await.expect("A").cash_refunds.to_string(),
        "KES 100"
    );
    assert_eq!(
        bt.cash_up_draft()
            .await
            .expect("B")
            .cash_refunds
            .to_string(),
        "KES 0"
    );

    // B knows what is left: more is refused there, the rest goes back and
    // reaches A.
    match bt.refund_order(&ask("140.50"), "Owner").await {
        Err(StoreError::Invalid(f)) => assert_eq!(f[0].field, "amount"),
        other => panic!("refused on B: {other:?}"),
    }
    bt.refund_order(&ask("140"), "Owner")
        .await
        .expect("the rest on B");
    sync_once(&bt, &hb).await.expect("B up");
    sync_once(&a, &ha).await.expect("A down");
    assert_eq!(a.order_detail(id).await.expect("on A").refundable, None);

    let rows_a = till_rows(&a).await;
    assert_eq!(rows_a["refunds"].len(), 2);
    assert_eq!(rows_a, till_rows(&bt).await, "A and B agree");
    assert_eq!(rows_a, server_rows(&b.su, shop).await, "and the server");
}

#[tokio::test]
async fn money_given_back_twice_by_two_tills_offline_is_flagged_on_both() {
    let b = backend().await;
    let shop = b.shop("Mama Mboga").await;
    let (_da, a) = shop_store().await;
    let ha = b.join(&a, shop, "Front").await;
    let items = a.items(false).await.expect("items");
    let id = a
        .create_manual_order(&sample_order(&items), "clerk A")
        .await
        .expect("cash sale")
        .order
        .id;
    sync_once(&a, &ha).await.expect("A up");
    let (_db, bt) = empty_store().await;
    let hb = b.join(&bt, shop, "Back").await;
    sync_once(&bt, &hb).await.expect("B down");

    // Offline from each other, both give all of it back.
    let all = RefundInput {
        order_id: id,
        amount: "240".into(),
        method: "cash".into(),
        receipt: String::new(),
        reason: "returned".into(),
    };
    for till in [&a, &bt] {
        let detail = till.refund_order(&all, "Owner").await.expect("given back");
        assert_eq!(detail.over_refunded, None, "each knew only its own");
    }
    sync_once(&a, &ha).await.expect("A up");
    sync_once(&bt, &hb).await.expect("B both ways");
    sync_once(&a, &ha).await.expect("A down");
    for till in [&a, &bt] {
        let detail = till.order_detail(id).await.expect("order");
        assert_eq!(detail.refunds.len(), 2);
        assert_eq!(
            detail.over_refunded.map(|m| m.to_string()).as_deref(),
            Some("KES 240")
        );
        assert_eq!(detail.refundable, None);
    }
    let rows_a = till_rows(&a).await;
    assert_eq!(rows_a, till_rows(&bt).await, "A and B agree");
    assert_eq!(rows_a, server_rows(&b.su, shop).await, "and the server");
}

/// A phone order typed at one till, paid in cash at the door and recorded
/// at the other (the rider's till), then partly given back at the first:
/// every synced table agrees on both tills and the server, and each drawer
/// holds its own cash.
#[tokio::test]
async fn cash_on_delivery_taken_at_one_till_and_paid_at_the_other_then_partly_refunded() {
    use dukadesk_domain::order::{OrderEvent, OrderStatus, TillPayment};
    let b = backend().await;
    let shop = b.shop("Mama Mboga").await;
    let (_da, a) = shop_store().await;
    let ha = b.join(&a, shop, "Front").await;
    let items = a.items(false).await.expect("items");
    let zone = a
        .zones(dukadesk_domain::Currency::KES)
        .await
        .expect("zones")[0]
        .id;
    let mut input = sample_order(&items[..1]);
    input.payment = TillPayment::OnDelivery;
    input.zone_id = Some(zone);
    input.address = "Gate B, Kilimani".into();
    input.customer_phone = "0712 345 678".into();
    let id = a
        .create_manual_order(&input, "clerk A")
        .await
        .expect("taken")
        .order
        .id;
    for step in [OrderEvent::StartPreparing, OrderEvent::Dispatch] {
        a.apply_order_event(id, step, "clerk A")
            .await
            .expect("moved");
    }
    sync_once(&a, &ha).await.expect("A up");
    let (_db, bt) = empty_store().await;
    let hb = b.join(&bt, shop, "Back").await;
    sync_once(&bt, &hb).await.expect("B down");
    let paid = bt
        .record_till_payment(id, &TillPayment::Cash, "rider B")
        .await
        .expect("paid at the door");
    assert_eq!(paid.order.status, OrderStatus::Delivered);
    let total = paid.order.total;
    sync_once(&bt, &hb).await.expect("B up");
    sync_once(&a, &ha).await.expect("A down");
    let on_a = a.order_detail(id).await.expect("on A");
    assert_eq!(on_a.order.status, OrderStatus::Delivered);
    assert_eq!(on_a.refundable, Some(total), "A knows the money came in");
    a.refund_order(
        &RefundInput {
            order_id: id,
            amount: "10".into(),
            method: "cash".into(),
            receipt: String::new(),
            reason: "bruised".into(),
        },
        "Owner",
    )
    .await
    .expect("part back at A");
    sync_once(&a, &ha).await.expect("A up");
    sync_once(&bt, &hb).await.expect("B down");
    // B's drawer took the cash; A's gave some back.
    assert_eq!(bt.cash_up_draft().await.expect("B").cash_sales, total);
    assert_eq!(
        a.cash_up_draft().await.expect("A").cash_refunds.to_string(),
        "KES 10"
    );
    let rows_a = till_rows(&a).await;
    assert_eq!(rows_a, till_rows(&bt).await, "A and B agree");
    assert_eq!(rows_a, server_rows(&b.su, shop).await, "and the server");
    assert_eq!(rows_a["refunds"].len(), 1);
}
