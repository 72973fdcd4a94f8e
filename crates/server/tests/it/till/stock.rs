//! Stock as movements across tills (issue 15, fault 5): two tills selling
//! the same counted item offline both count their sale; a count on one
//! till and a sale on another after it give the count minus the sale; a
//! cancel restocks once, wherever it is pulled and even when two tills
//! cancel the same order offline. Through the real server, like the rest
//! of the sync tests; the server's level is read from its `item_stock`
//! view, which applies the same rule as the tills.

use super::{backend, empty_store, server_rows, till_rows, Backend};
use dukadesk_core::store::testing::shop_store;
use dukadesk_core::store::{Store, StoreError};
use dukadesk_core::sync::http::ServerClient;
use dukadesk_core::sync::worker::sync_once;
use dukadesk_domain::catalogue::{Item, ItemInput};
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, OrderEvent, TillPayment};
use dukadesk_domain::{ItemId, OrderId};
use std::time::Duration;
use uuid::Uuid;

/// Two enrolled tills of one shop that share a counted item ("Sukari
/// 1kg", 5 in stock), both synced.
struct Shop {
    b: Backend,
    shop: Uuid,
    a: Store,
    ha: ServerClient,
    bt: Store,
    hb: ServerClient,
    item: ItemId,
    _dirs: (tempfile::TempDir, tempfile::TempDir),
}

async fn shop_with_sukari() -> Shop {
    let b = backend().await;
    let shop = b.shop("Mama Mboga").await;
    let (da, a) = shop_store().await;
    let item = a
        .save_item(&ItemInput {
            name: "Sukari 1kg".into(),
            price: "160".into(),
            stock: "5".into(),
            ..Default::default()
        })
        .await
        .expect("item")
        .id;
    let ha = b.join(&a, shop, "Counter").await;
    sync_once(&a, &ha).await.expect("A up");
    let (db, bt) = empty_store().await;
    let hb = b.join(&bt, shop, "Back room").await;
    sync_once(&bt, &hb).await.expect("B down");
    for till in [&a, &bt] {
        assert_eq!(level(till, item).await, Some(5));
    }
    Shop {
        b,
        shop,
        a,
        ha,
        bt,
        hb,
        item,
        _dirs: (da, db),
    }
}

async fn level(till: &Store, item: ItemId) -> Option<i64> {
    till.item(item).await.expect("item").stock()
}

async fn server_level(s: &Shop) -> Option<i64> {
    sqlx::query_scalar("SELECT level FROM item_stock WHERE shop_id = $1 AND item_id = $2")
        .bind(s.shop)
        .bind(s.item.0)
        .fetch_one(&s.b.su)
        .await
        .expect("the server's level")
}

/// Sells `qty` of the item at `till`, paid in cash.
async fn sell(till: &Store, item: ItemId, qty: u32) -> OrderId {
    till.create_manual_order(
        &ManualOrderInput {
            lines: vec![ManualLineInput {
                item_id: item,
                qty,
                label: None,
            }],
            payment: TillPayment::Cash,
            ..Default::default()
        },
        "clerk",
    )
    .await
    .expect("sale")
    .order
    .id
}

/// Syncs both tills until each has heard the other.
async fn settle(s: &Shop) {
    sync_once(&s.a, &s.ha).await.expect("A");
    sync_once(&s.bt, &s.hb).await.expect("B");
    sync_once(&s.a, &s.ha).await.expect("A again");
}

/// Both tills and the server show `expected`, and hold the same rows.
async fn everywhere(s: &Shop, expected: i64, what: &str) {
    assert_eq!(level(&s.a, s.item).await, Some(expected), "A: {what}");
    assert_eq!(level(&s.bt, s.item).await, Some(expected), "B: {what}");
    assert_eq!(server_level(s).await, Some(expected), "server: {what}");
    let rows = till_rows(&s.a).await;
    assert_eq!(rows, till_rows(&s.bt).await, "both tills agree: {what}");
    assert_eq!(
        rows,
        server_rows(&s.b.su, s.shop).await,
        "and the server: {what}"
    );
}

#[tokio::test]
async fn two_tills_selling_the_same_counted_item_offline_both_count_their_sale() {
    let s = shop_with_sukari().await;
    // Both offline: each sells the one unit it sees plenty of.
    sell(&s.a, s.item, 1).await;
    sell(&s.bt, s.item, 1).await;
    assert_eq!(level(&s.a, s.item).await, Some(4));
    assert_eq!(level(&s.bt, s.item).await, Some(4));
    settle(&s).await;
    everywhere(&s, 3, "5 - 1 - 1").await;
}

#[tokio::test]
async fn a_count_on_one_till_then_a_sale_on_another_gives_the_count_minus_the_sale() {
    let s = shop_with_sukari().await;
    // A counts the shelf: 10 (a delivery came in).
    let sukari = s.a.item(s.item).await.expect("item");
    let mut count = ItemInput::from_item(&sukari);
    count.stock = "10".into();
    s.a.save_item_by(&count, Some("Amina"))
        .await
        .expect("count");
    assert_eq!(level(&s.a, s.item).await, Some(10));
    // Later, B, which has not heard of the count, sells one.
    tokio::time::sleep(Duration::from_millis(5)).await;
    sell(&s.bt, s.item, 1).await;
    assert_eq!(level(&s.bt, s.item).await, Some(4));
    settle(&s).await;
    everywhere(&s, 9, "count 10, then a sale").await;

    // B counts 20 and sells 2 straight after (within the same millisecond,
    // maybe): a till's own movements keep their order, so the sale is
    // after the count.
    let sukari = s.bt.item(s.item).await.expect("item");
    let mut count = ItemInput::from_item(&sukari);
    count.stock = "20".into();
    s.bt.save_item_by(&count, Some("Juma"))
        .await
        .expect("count");
    sell(&s.bt, s.item, 2).await;
    settle(&s).await;
    everywhere(&s, 18, "count 20, then 2 sold").await;
}

#[tokio::test]
async fn a_cancel_restocks_once_wherever_it_is_pulled_and_whoever_cancels() {
    let s = shop_with_sukari().await;
    let order = sell(&s.a, s.item, 2).await;
    settle(&s).await;
    everywhere(&s, 3, "2 sold").await;

    // A cancels; B hears of it: the units come back once, not again on B.
    s.a.apply_order_event(order, OrderEvent::Cancel, "Amina")
        .await
        .expect("cancel");
    assert_eq!(level(&s.a, s.item).await, Some(5));
    settle(&s).await;
    everywhere(&s, 5, "cancel pulled on B").await;

    // Another order of 2, synced; then, offline, B cancels it and sells one
    // more, and A cancels the same order later. One restock, one sale.
    let order = sell(&s.bt, s.item, 2).await;
    settle(&s).await;
    everywhere(&s, 3, "2 sold on B").await;
    s.bt.apply_order_event(order, OrderEvent::Cancel, "Juma")
        .await
        .expect("B cancels");
    sell(&s.bt, s.item, 1).await;
    tokio::time::sleep(Duration::from_millis(5)).await;
    s.a.apply_order_event(order, OrderEvent::Cancel, "Amina")
        .await
        .expect("A cancels too");
    assert_eq!(level(&s.a, s.item).await, Some(5));
    assert_eq!(level(&s.bt, s.item).await, Some(4));
    settle(&s).await;
    everywhere(&s, 4, "3 + 2 back once - 1").await;
    let restocks: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM stock_movements WHERE shop_id = $1 AND order_id = $2 AND kind = 'restock'",
    )
    .bind(s.shop)
    .bind(order.0)
    .fetch_one(&s.b.su)
    .await
    .expect("restocks");
    assert_eq!(restocks, 1, "one restock of the order on the server");
}

#[tokio::test]
async fn oversold_offline_the_level_goes_below_zero_and_is_shown_as_it_is() {
    let s = shop_with_sukari().await;
    sell(&s.a, s.item, 4).await;
    sell(&s.bt, s.item, 3).await;
    settle(&s).await;
    everywhere(&s, -2, "5 - 4 - 3").await;
    // This till sells no more of it; it says why, and what to do.
    let refused =
        s.a.create_manual_order(
            &ManualOrderInput {
                lines: vec![ManualLineInput {
                    item_id: s.item,
                    qty: 1,
                    label: None,
                }],
                payment: TillPayment::Cash,
                ..Default::default()
            },
            "clerk",
        )
        .await
        .expect_err("nothing left to sell");
    let StoreError::Invalid(fields) = refused else {
        panic!("expected a refusal beside the lines, got {refused:?}")
    };
    assert!(
        fields[0].message.contains("-2") && fields[0].message.contains("Count it again"),
        "{}",
        fields[0].message
    );
    // Editing the item without touching its stock keeps the level, and
    // writes no count; counting it sets it again.
    let sukari: Item = s.a.item(s.item).await.expect("item");
    let mut edit = ItemInput::from_item(&sukari);
    edit.price = "170".into();
    assert_eq!(
        s.a.save_item(&edit).await.expect("repriced").stock(),
        Some(-2)
    );
    edit.stock = "1".into();
    s.a.save_item_by(&edit, Some("Amina"))
        .await
        .expect("counted");
    settle(&s).await;
    everywhere(&s, 1, "counted again").await;
}
