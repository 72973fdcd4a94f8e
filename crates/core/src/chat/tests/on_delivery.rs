//! A shop paid in cash on delivery (Morocco's way, or any shop without
//! M-Pesa): chat orders are taken with no payment asked for, prepared and
//! sent out first, and their money is recorded once, at the hand-over,
//! which completes them. Until then nothing counts as a sale, no airtime
//! is released and no tax invoice is due.

use super::{bot_texts, say};
use crate::reports::rollups::testing::assert_totals_rebuild_the_same;
use crate::store::testing::shop_store;
use crate::store::{Store, StoreError};
use dukadesk_domain::ipc::{MpesaProvider, OrderQuery, SavePaymentSettings};
use dukadesk_domain::order::{OrderEvent, OrderStatus, TillPayment};
use dukadesk_domain::payment::{PaymentMethod, PaymentState};
use dukadesk_domain::report::ReportPeriod;
use dukadesk_domain::{Country, OrderId};

async fn on_delivery_store() -> (tempfile::TempDir, Store) {
    let (dir, store) = shop_store().await;
    store
        .save_payment_settings(&SavePaymentSettings {
            provider: MpesaProvider::OnDelivery,
            ..Default::default()
        })
        .await
        .expect("cash on delivery");
    (dir, store)
}

async fn only_order(store: &Store) -> OrderId {
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders.len(), 1, "{orders:?}");
    assert!(orders[0].pay_on_delivery);
    orders[0].id
}

async fn sales(store: &Store) -> (i64, i64, i64) {
    let r = store
        .sales_report(ReportPeriod::Today, store.now())
        .await
        .expect("report");
    (
        r.sales.orders,
        r.sales.amount.minor,
        r.awaiting_payment.orders,
    )
}

async fn sukuma_stock(store: &Store) -> Option<i64> {
    store
        .items(false)
        .await
        .expect("items")
        .into_iter()
        .find(|i| i.name == "Sukuma wiki")
        .and_then(|i| i.stock())
}

#[tokio::test]
async fn a_chat_order_paid_on_delivery_is_prepared_first_and_paid_once_at_the_hand_over() {
    let (_dir, store) = on_delivery_store().await;
    let before = sukuma_stock(&store).await;
    let mut chat = None;
    for m in ["2 sukuma", "1", "1", "1"] {
        // checkout, pickup, confirm: no number asked, no prompt sent
        let (id, effects) = say(&store, m, None).await;
        assert!(effects.payments.is_empty(), "no payment is started");
        chat = Some(id);
    }
    let chat = chat.expect("chat");
    let texts = bot_texts(&store, chat).await;
    let last = texts.last().expect("reply");
    assert!(
        last.contains("is confirmed") && last.contains("in cash"),
        "{texts:#?}"
    );
    assert!(!texts.iter().any(|t| t.contains("M-Pesa")), "{texts:#?}");

    let id = only_order(&store).await;
    let detail = store.order_detail(id).await.expect("detail");
    assert_eq!(detail.order.status, OrderStatus::AwaitingPayment);
    assert!(detail.payments.is_empty());
    assert_eq!(detail.next_step, Some(OrderEvent::StartPreparing));
    assert!(!detail.order.is_paid());
    assert_eq!(
        sukuma_stock(&store).await,
        before.map(|s| s - 2),
        "stock is taken"
    );
    assert_eq!(sales(&store).await, (0, 0, 1));

    // No money before the hand-over.
    let early = store
        .record_till_payment(id, &TillPayment::Cash, "Amina")
        .await;
    assert!(matches!(early, Err(StoreError::Refusal(_))), "{early:?}");
    store
        .apply_order_event(id, OrderEvent::StartPreparing, "Amina")
        .await
        .expect("prepare");
    let ready = store
        .apply_order_event(id, OrderEvent::Dispatch, "Amina")
        .await
        .expect("ready for pickup");
    assert!(ready.order.collects_now());
    assert_eq!(ready.next_step, None, "the till asks for the money");
    assert_eq!(sales(&store).await, (0, 0, 1), "not a sale while out");
    // Handing over without the money is refused.
    assert!(store
        .apply_order_event(id, OrderEvent::Deliver, "Amina")
        .await
        .is_err());
    assert!(store
        .apply_order_event(id, OrderEvent::PaidOnDelivery, "Amina")
        .await
        .is_err());

    let done = store
        .record_till_payment(id, &TillPayment::Cash, "Amina")
        .await
        .expect("paid at the hand-over");
    assert_eq!(done.order.status, OrderStatus::Delivered);
    assert!(done.order.is_paid());
    assert_eq!(done.payments.len(), 1);
    assert_eq!(done.payments[0].method, PaymentMethod::Cash);
    assert_eq!(done.payments[0].state, PaymentState::Succeeded);
    assert_eq!(done.payments[0].amount, done.order.total);
    // Recorded once: a second press finds it done.
    assert!(store
        .record_till_payment(id, &TillPayment::Cash, "Amina")
        .await
        .is_err());
    let detail = store.order_detail(id).await.expect("detail");
    assert_eq!(detail.payments.len(), 1);
    assert_eq!(sales(&store).await, (1, done.order.total.minor, 0));
    let draft = store.cash_up_draft().await.expect("cash-up");
    assert_eq!(draft.cash_sales, done.order.total, "the drawer holds it");
    assert_totals_rebuild_the_same(&store).await;

    let texts = bot_texts(&store, chat).await;
    assert!(
        texts.iter().any(|t| t.contains("ready for pickup")),
        "{texts:#?}"
    );
    assert!(
        texts.last().expect("reply").contains("collected"),
        "{texts:#?}"
    );
}

#[tokio::test]
async fn an_order_paid_on_delivery_can_be_called_off_by_the_customer_until_staff_start_and_refused_at_the_door(
) {
    let (_dir, store) = on_delivery_store().await;
    let before = sukuma_stock(&store).await;
    for m in ["2 sukuma", "1", "1", "1"] {
        say(&store, m, None).await;
    }
    let (chat, _) = say(&store, "cancel", None).await;
    let id = only_order(&store).await;
    let detail = store.order_detail(id).await.expect("detail");
    assert_eq!(detail.order.status, OrderStatus::Cancelled);
    assert_eq!(sukuma_stock(&store).await, before, "stock comes back");
    assert!(bot_texts(&store, chat)
        .await
        .last()
        .expect("reply")
        .contains("cancelled"));

    // The next one: once staff start on it, the customer's cancel is not
    // the bot's to carry out.
    for m in ["2 sukuma", "1", "1", "1"] {
        say(&store, m, None).await;
    }
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    let second = orders
        .iter()
        .find(|o| o.status == OrderStatus::AwaitingPayment)
        .expect("the second order")
        .id;
    store
        .apply_order_event(second, OrderEvent::StartPreparing, "Amina")
        .await
        .expect("prepare");
    say(&store, "cancel", None).await;
    let detail = store.order_detail(second).await.expect("detail");
    assert_eq!(detail.order.status, OrderStatus::Preparing, "staff's now");

    // Sent out and refused at the door: staff call it off, the stock
    // comes back, and no money was ever counted.
    store
        .apply_order_event(second, OrderEvent::Dispatch, "Amina")
        .await
        .expect("out");
    let refused = store
        .apply_order_event(second, OrderEvent::Cancel, "Amina")
        .await
        .expect("refused at the door");
    assert_eq!(refused.order.status, OrderStatus::Cancelled);
    assert!(refused.payments.is_empty());
    assert_eq!(sukuma_stock(&store).await, before);
    let report = store
        .sales_report(ReportPeriod::Today, store.now())
        .await
        .expect("report");
    assert_eq!(report.sales.orders, 0);
    assert_eq!(report.cancelled.orders, 2);
    assert_eq!(report.cancelled_after_payment.orders, 0);
    assert_totals_rebuild_the_same(&store).await;
}

#[tokio::test]
async fn a_moroccan_shop_starts_with_cash_on_delivery() {
    let (_dir, store) = crate::store::testing::unlocked_store().await;
    let mut shop = dukadesk_domain::shop::ShopInput {
        name: "Hanout Fatima".into(),
        ..Default::default()
    };
    assert_eq!(
        store.payment_settings().await.expect("settings").provider,
        MpesaProvider::NotConnected
    );
    shop.country = Country::Morocco;
    shop.currency = dukadesk_domain::Currency::MAD;
    store.save_shop(&shop).await.expect("Morocco");
    let settings = store.payment_settings().await.expect("settings");
    assert_eq!(settings.provider, MpesaProvider::OnDelivery);
    assert!(
        settings.real_chats.contains("in cash"),
        "{}",
        settings.real_chats
    );
    assert_eq!(
        store.chat_payment_method().await.expect("method"),
        crate::payments::settings::RealChatPay::OnDelivery
    );
    // What the shop chose stands.
    store
        .save_payment_settings(&SavePaymentSettings::default())
        .await
        .expect("by hand");
    assert_eq!(
        store.payment_settings().await.expect("settings").provider,
        MpesaProvider::NotConnected
    );
}

/// Each order paid on delivery takes stock with no money in: one chat may
/// have only a few waiting, so someone playing a customer cannot empty the
/// shelves. The next is refused with what to do, and takes nothing.
#[tokio::test]
async fn a_chat_may_have_only_a_few_orders_paid_on_delivery_waiting() {
    let (_dir, store) = on_delivery_store().await;
    let before = sukuma_stock(&store).await.expect("counted");
    let max = dukadesk_domain::bot::MAX_OPEN_ON_DELIVERY;
    for _ in 0..max {
        for m in ["2 sukuma", "1", "1", "1"] {
            say(&store, m, None).await;
        }
    }
    assert_eq!(
        sukuma_stock(&store).await,
        Some(before - 2 * i64::from(max))
    );
    let mut chat = None;
    for m in ["2 sukuma", "1", "1", "1"] {
        chat = Some(say(&store, m, None).await.0);
    }
    let texts = bot_texts(&store, chat.expect("chat")).await;
    assert!(
        texts
            .iter()
            .any(|t| t.contains(&format!("already have {max} orders"))),
        "{texts:#?}"
    );
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders.len(), max as usize, "the next one is not taken");
    assert_eq!(
        sukuma_stock(&store).await,
        Some(before - 2 * i64::from(max))
    );
    // One handed over frees a place.
    let id = orders[0].id;
    for step in [OrderEvent::StartPreparing, OrderEvent::Dispatch] {
        store
            .apply_order_event(id, step, "Amina")
            .await
            .expect("move");
    }
    store
        .record_till_payment(id, &TillPayment::Cash, "Amina")
        .await
        .expect("paid");
    for m in ["2 sukuma", "1", "1", "1"] {
        say(&store, m, None).await;
    }
    assert_eq!(
        store
            .list_orders(&OrderQuery::default(), Country::Kenya)
            .await
            .expect("orders")
            .len(),
        max as usize + 1
    );
}

/// A phone order typed at the till, delivered by a rider and paid in cash
/// at the door: sent out before any money, paid once at the hand-over.
#[tokio::test]
async fn a_phone_order_at_the_till_is_sent_out_first_and_paid_at_the_door() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let zone = store
        .zones(dukadesk_domain::Currency::KES)
        .await
        .expect("zones")
        .into_iter()
        .next()
        .expect("the sample shop delivers");
    let mut input = crate::store::testing::sample_order(&items[..1]);
    input.payment = TillPayment::OnDelivery;
    input.zone_id = Some(zone.id);
    input.address = "Gate B, Kilimani".into();
    // Whom the rider calls: needed.
    let refused = store.create_manual_order(&input, "Amina").await;
    assert!(
        matches!(&refused, Err(StoreError::Invalid(f)) if f.iter().any(|f| f.field == "customer_phone")),
        "{refused:?}"
    );
    input.customer_phone = "0712 345 678".into();
    let created = store
        .create_manual_order(&input, "Amina")
        .await
        .expect("taken");
    let id = created.order.id;
    assert!(created.order.pay_on_delivery);
    assert_eq!(created.order.status, OrderStatus::AwaitingPayment);
    assert!(created.payments.is_empty(), "no money yet");
    assert_eq!(created.next_step, Some(OrderEvent::StartPreparing));
    assert_eq!(sales(&store).await, (0, 0, 1));
    // "Cash on delivery" is not money to record now.
    assert!(store
        .record_till_payment(id, &TillPayment::OnDelivery, "Amina")
        .await
        .is_err());
    store
        .apply_order_event(id, OrderEvent::StartPreparing, "Amina")
        .await
        .expect("prepare");
    let out = store
        .apply_order_event(id, OrderEvent::Dispatch, "Amina")
        .await
        .expect("out with the rider");
    assert_eq!(out.order.status, OrderStatus::OutForDelivery);
    assert_eq!(sales(&store).await, (0, 0, 1), "not a sale while out");
    let done = store
        .record_till_payment(id, &TillPayment::Cash, "Amina")
        .await
        .expect("paid at the door");
    assert_eq!(done.order.status, OrderStatus::Delivered);
    assert_eq!(done.payments.len(), 1);
    assert_eq!(done.payments[0].method, PaymentMethod::Cash);
    assert_eq!(done.payments[0].state, PaymentState::Succeeded);
    assert_eq!(sales(&store).await.0, 1);
    assert!(
        store
            .record_till_payment(id, &TillPayment::Cash, "Amina")
            .await
            .is_err(),
        "paid once"
    );
    assert_totals_rebuild_the_same(&store).await;
}
