use crate::store::testing::{sample_order, shop_store};
use crate::store::StoreError;
use dukadesk_domain::ipc::OrderQuery;
use dukadesk_domain::order::{
    ManualLineInput, ManualOrderInput, OrderEvent, OrderStatus, TillPayment,
};
use dukadesk_domain::payment::{PaymentMethod, PaymentState};
use dukadesk_domain::Country;

#[tokio::test]
async fn a_cash_pickup_order_walks_to_delivered() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let detail = store
        .create_manual_order(&sample_order(&items), "till")
        .await
        .expect("create");
    let order = &detail.order;
    assert_eq!(order.number, 1001);
    assert_eq!(order.status, OrderStatus::Paid);
    assert_eq!(order.total.minor, 24_000);
    assert_eq!(detail.payments.len(), 1);
    assert_eq!(detail.payments[0].method, PaymentMethod::Cash);
    assert_eq!(detail.payments[0].state, PaymentState::Succeeded);
    assert_eq!(detail.next_step, Some(OrderEvent::StartPreparing));
    let d = store
        .apply_order_event(order.id, OrderEvent::StartPreparing, "till")
        .await
        .expect("prepare");
    assert_eq!(d.next_step, Some(OrderEvent::Deliver));
    let d = store
        .apply_order_event(order.id, OrderEvent::Deliver, "till")
        .await
        .expect("deliver");
    assert_eq!(d.order.status, OrderStatus::Delivered);
    assert_eq!(d.next_step, None);
    assert!(!d.can_cancel);
    let statuses: Vec<_> = d.history.iter().map(|h| h.to).collect();
    assert_eq!(
        statuses,
        [
            OrderStatus::Draft,
            OrderStatus::Paid,
            OrderStatus::Preparing,
            OrderStatus::Delivered
        ]
    );
    // Stock was taken once.
    let stock = store.item(items[0].id).await.expect("item").stock();
    assert_eq!(stock, Some(999_999));
}

#[tokio::test]
async fn delivery_adds_the_zone_fee_and_needs_dispatch() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let shop = store.shop_view().await.expect("shop").expect("set up");
    let input = ManualOrderInput {
        customer_phone: "0712 345 678".into(),
        customer_name: "Wanjiru".into(),
        zone_id: Some(shop.zones[0].id),
        address: "Moi Avenue, next to the bank".into(),
        payment: TillPayment::MpesaReceipt("qft4abc12x".into()),
        ..sample_order(&items)
    };
    let d = store
        .create_manual_order(&input, "till")
        .await
        .expect("create");
    assert_eq!(d.order.delivery_fee.minor, 10_000);
    assert_eq!(d.order.total.minor, 34_000);
    assert_eq!(d.payments[0].receipt.as_deref(), Some("QFT4ABC12X"));
    let d = store
        .apply_order_event(d.order.id, OrderEvent::StartPreparing, "till")
        .await
        .expect("prepare");
    assert_eq!(d.next_step, Some(OrderEvent::Dispatch));
    // Skipping dispatch is refused with plain words, and nothing changes.
    let err = store
        .apply_order_event(d.order.id, OrderEvent::Deliver, "till")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Transition(_)), "{err:?}");
    assert_eq!(
        store
            .order_detail(d.order.id)
            .await
            .expect("detail")
            .order
            .status,
        OrderStatus::Preparing
    );

    // The same receipt code cannot pay a second order.
    let err = store.create_manual_order(&input, "till").await.unwrap_err();
    let StoreError::Invalid(fields) = err else {
        panic!("expected Invalid")
    };
    assert_eq!(fields[0].field, "receipt");
    assert!(fields[0].message.contains("#1001"), "{}", fields[0].message);
}

#[tokio::test]
async fn unpaid_orders_wait_then_take_a_payment_once() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let input = ManualOrderInput {
        payment: TillPayment::Unpaid,
        ..sample_order(&items)
    };
    let d = store
        .create_manual_order(&input, "till")
        .await
        .expect("create");
    assert_eq!(d.order.status, OrderStatus::AwaitingPayment);
    assert_eq!(d.next_step, None);
    let err = store
        .apply_order_event(d.order.id, OrderEvent::StartPreparing, "till")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Transition(_)));
    let err = store
        .apply_order_event(d.order.id, OrderEvent::MarkPaid, "till")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)));
    let paid = store
        .record_till_payment(d.order.id, &TillPayment::Cash, "till")
        .await
        .expect("pay");
    assert_eq!(paid.order.status, OrderStatus::Paid);
    let again = store
        .record_till_payment(d.order.id, &TillPayment::Cash, "till")
        .await
        .unwrap_err();
    assert!(again.to_string().contains("already paid"), "{again}");
    assert_eq!(
        store
            .order_detail(d.order.id)
            .await
            .expect("detail")
            .payments
            .len(),
        1
    );
}

#[tokio::test]
async fn cancelling_puts_stock_back() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let d = store
        .create_manual_order(&sample_order(&items), "till")
        .await
        .expect("create");
    store
        .apply_order_event(d.order.id, OrderEvent::Cancel, "till")
        .await
        .expect("cancel");
    assert_eq!(
        store.item(items[0].id).await.expect("item").stock(),
        Some(1_000_000)
    );
    let err = store
        .apply_order_event(d.order.id, OrderEvent::Cancel, "till")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("cancelled"), "{err}");
}

#[tokio::test]
async fn stock_and_archive_are_checked_and_a_refusal_writes_nothing() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let outbox = store.outbox_len().await.expect("outbox");
    let too_many = ManualOrderInput {
        lines: vec![
            ManualLineInput {
                item_id: items[0].id,
                qty: 999,
                label: None,
            },
            ManualLineInput {
                item_id: items[1].id,
                qty: 1,
                label: None,
            },
        ],
        ..sample_order(&items)
    };
    // Plenty of stock: fine. Now drop stock below the ask.
    let mut edit = dukadesk_domain::catalogue::ItemInput::from_item(&items[1]);
    edit.stock = "0".into();
    store.save_item(&edit).await.expect("edit");
    let err = store
        .create_manual_order(&too_many, "till")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("need fixing") || matches!(err, StoreError::Invalid(_)));
    assert_eq!(
        store
            .list_orders(&OrderQuery::default(), Country::Kenya)
            .await
            .expect("list")
            .len(),
        0
    );
    // Only the stock edit reached the outbox (the item and its count); the
    // refused order left no trace.
    assert_eq!(store.outbox_len().await.expect("outbox"), outbox + 2);
    assert_eq!(
        store.item(items[0].id).await.expect("item").stock(),
        Some(1_000_000)
    );
    store
        .set_item_archived(items[0].id, true)
        .await
        .expect("archive");
    let err = store
        .create_manual_order(&sample_order(&items[..1]), "till")
        .await
        .unwrap_err();
    let StoreError::Invalid(f) = err else {
        panic!("expected Invalid")
    };
    assert!(f[0].message.contains("archived"), "{}", f[0].message);
}

#[tokio::test]
async fn the_queue_filters_and_searches() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let walk_in = store
        .create_manual_order(&sample_order(&items), "till")
        .await
        .expect("a");
    let phoned = ManualOrderInput {
        customer_phone: "0722 000 111".into(),
        payment: TillPayment::Unpaid,
        ..sample_order(&items)
    };
    let phoned = store.create_manual_order(&phoned, "till").await.expect("b");
    let all = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("all");
    assert_eq!(
        all.iter().map(|o| o.number).collect::<Vec<_>>(),
        [1002, 1001],
        "newest first"
    );
    assert_eq!(all[1].customer, "Walk-in");
    assert_eq!(all[0].customer, "0722 000 111");
    assert_eq!(all[0].item_count, 2);
    let q = |status: Option<OrderStatus>, search: &str| OrderQuery {
        status,
        search: search.into(),
        limit: 50,
    };
    let by_status = store
        .list_orders(&q(Some(OrderStatus::Paid), ""), Country::Kenya)
        .await
        .expect("status");
    assert_eq!(
        by_status.iter().map(|o| o.id).collect::<Vec<_>>(),
        [walk_in.order.id]
    );
    for search in [
        "1002",
        "#1002",
        "0722000111",
        "+254722000111",
        "000 111",
        "0111",
    ] {
        let found = store
            .list_orders(&q(None, search), Country::Kenya)
            .await
            .expect("search");
        assert_eq!(
            found.iter().map(|o| o.id).collect::<Vec<_>>(),
            [phoned.order.id],
            "search {search:?}"
        );
    }
    let named = ManualOrderInput {
        customer_phone: "0733 444 555".into(),
        customer_name: "Wanjiru Kamau".into(),
        ..sample_order(&items)
    };
    let named = store
        .create_manual_order(&named, "till")
        .await
        .expect("named");
    let walk_in_named = ManualOrderInput {
        customer_name: "Otieno".into(),
        ..sample_order(&items)
    };
    let walk_in_named = store
        .create_manual_order(&walk_in_named, "till")
        .await
        .expect("walk-in named");
    let by_name = store
        .list_orders(&q(None, "wanjiru"), Country::Kenya)
        .await
        .expect("name");
    assert_eq!(
        by_name.iter().map(|o| o.id).collect::<Vec<_>>(),
        [named.order.id]
    );
    let by_name = store
        .list_orders(&q(None, "Otieno"), Country::Kenya)
        .await
        .expect("name");
    assert_eq!(
        by_name.iter().map(|o| o.id).collect::<Vec<_>>(),
        [walk_in_named.order.id]
    );
    let none = store
        .list_orders(&q(None, "9999"), Country::Kenya)
        .await
        .expect("none");
    assert!(none.is_empty());
    let odd = store
        .list_orders(&q(None, "'; DROP TABLE orders; --"), Country::Kenya)
        .await
        .expect("odd");
    assert!(odd.is_empty());
    assert_eq!(
        store
            .list_orders(&OrderQuery::default(), Country::Kenya)
            .await
            .expect("all")
            .len(),
        4
    );
}

#[tokio::test]
async fn a_weighed_pack_is_priced_from_its_label_by_the_store() {
    use dukadesk_domain::barcode::ScaleLabels;
    use dukadesk_domain::catalogue::ItemInput;
    use dukadesk_domain::receipt::PrinterSettings;
    let (_dir, store) = shop_store().await;
    let tomatoes = store
        .save_item(&ItemInput {
            name: "Tomatoes".into(),
            price: "120".into(),
            barcode: "2001234".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    let other = store.items(false).await.expect("items")[0].clone();
    let pack = |item_id, label: &str| ManualLineInput {
        item_id,
        qty: 1,
        label: Some(label.into()),
    };
    let sale = |lines| ManualOrderInput {
        lines,
        payment: TillPayment::Cash,
        ..Default::default()
    };
    store
        .save_printer_settings(&PrinterSettings {
            scale_labels: ScaleLabels::WeightGrams,
            ..PrinterSettings::default()
        })
        .await
        .expect("settings");
    // 1.250 kg and 0.500 kg at KES 120 a kilo, and one counted line.
    let detail = store
        .create_manual_order(
            &sale(vec![
                pack(tomatoes.id, "2001234012508"),
                pack(tomatoes.id, "2001234005005"),
                ManualLineInput {
                    item_id: tomatoes.id,
                    qty: 1,
                    label: None,
                },
            ]),
            "till",
        )
        .await
        .expect("sold");
    let lines: Vec<_> = detail
        .order
        .lines
        .iter()
        .map(|l| (l.name.as_str(), l.total.minor))
        .collect();
    assert_eq!(
        lines,
        [
            ("Tomatoes 1.250 kg", 15_000),
            ("Tomatoes 0.500 kg", 6_000),
            ("Tomatoes", 12_000)
        ]
    );
    assert_eq!(detail.order.total.minor, 33_000);

    // A label whose code is another item's, or a label that is not one,
    // is refused and writes nothing.
    let before = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders")
        .len();
    for (item, label) in [(other.id, "2001234012508"), (tomatoes.id, "2001234012509")] {
        match store
            .create_manual_order(&sale(vec![pack(item, label)]), "till")
            .await
        {
            Err(StoreError::Invalid(fields)) => assert_eq!(fields[0].field, "lines"),
            other => panic!("refused: {other:?}"),
        }
    }
    let after = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders")
        .len();
    assert_eq!(before, after);

    // Labels that carry the price: the scale's price is the line's.
    store
        .save_printer_settings(&PrinterSettings::default())
        .await
        .expect("settings");
    let detail = store
        .create_manual_order(&sale(vec![pack(tomatoes.id, "2001234012508")]), "till")
        .await
        .expect("sold");
    assert_eq!(detail.order.lines[0].name, "Tomatoes (weighed)");
    assert_eq!(detail.order.total.minor, 125_000);
}

#[tokio::test]
async fn a_name_is_found_by_any_part_over_all_history_and_leaves_the_index_when_erased() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let named = |phone: &str, name: &str| ManualOrderInput {
        customer_phone: phone.into(),
        customer_name: name.into(),
        ..sample_order(&items)
    };
    let zoe = store
        .create_manual_order(&named("0733 444 555", "Zoé Wanjiru"), "till")
        .await
        .expect("Zoé");
    // Far beyond the newest orders the old search looked in: the counter
    // moved on by more than a window's worth.
    sqlx::query("UPDATE counters SET value = value + ? WHERE name = 'order_number'")
        .bind(super::list::NAME_WINDOW * 3)
        .execute(store.pool())
        .await
        .expect("counter");
    let later = store
        .create_manual_order(&named("0722 111 222", "Otieno Wanjala"), "till")
        .await
        .expect("Otieno");
    let q = |search: &str| OrderQuery {
        status: None,
        search: search.into(),
        limit: 50,
    };
    let ids = |search: &'static str| {
        let store = store.clone();
        async move {
            store
                .list_orders(&q(search), Country::Kenya)
                .await
                .expect("search")
                .into_iter()
                .map(|o| o.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(ids("zoe").await, [zoe.order.id], "accents and case aside");
    assert_eq!(ids("ANJIR").await, [zoe.order.id], "any part of the name");
    assert_eq!(
        ids("Wanj").await,
        [later.order.id, zoe.order.id],
        "newest first"
    );
    assert!(ids("Kamau").await.is_empty());
    // Two letters: the newest orders only, as before.
    assert_eq!(ids("Ot").await, [later.order.id]);

    // Erased: the name is gone from the orders and from the index.
    let customer = store
        .order_detail(zoe.order.id)
        .await
        .expect("detail")
        .order
        .customer_id
        .expect("a customer");
    store
        .erase_customer(
            customer,
            &crate::privacy::Actor::Owner,
            crate::privacy::ErasureSource::Staff,
        )
        .await
        .expect("erased");
    assert!(ids("zoe").await.is_empty());
    let in_index: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM order_names WHERE order_names MATCH '\"zoé\"'")
            .fetch_one(store.pool())
            .await
            .expect("index");
    assert_eq!(in_index, 0);
    assert_eq!(ids("Wanj").await, [later.order.id]);
    let keys: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM order_name_keys")
        .fetch_one(store.pool())
        .await
        .expect("keys");
    assert_eq!(keys, 1, "only Otieno's order is named now");
}
