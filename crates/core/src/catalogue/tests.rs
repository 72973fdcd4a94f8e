use crate::store::testing::shop_store;
use crate::store::{Store, StoreError};
use dukadesk_domain::catalogue::{ItemInput, ItemKind, ItemKindChoice};
use dukadesk_domain::ipc::SaveCategory;

#[tokio::test]
async fn items_are_created_edited_archived_and_each_change_is_in_the_outbox() {
    let (_dir, store) = shop_store().await;
    let before = store.outbox_len().await.expect("outbox");
    let veg = store
        .save_category(&SaveCategory {
            id: None,
            name: "Vegetables".into(),
        })
        .await
        .expect("category");
    let item = store
        .save_item(&ItemInput {
            name: "Tomatoes 1kg".into(),
            price: "120".into(),
            stock: "40".into(),
            category_id: Some(veg.id),
            ..Default::default()
        })
        .await
        .expect("item");
    assert_eq!(item.kind, ItemKind::Physical { stock: Some(40) });
    let mut edit = ItemInput::from_item(&item);
    edit.price = "130.50".into();
    let edited = store.save_item(&edit).await.expect("edit");
    assert_eq!(edited.id, item.id);
    assert_eq!(edited.price.minor, 13_050);
    let archived = store
        .set_item_archived(item.id, true)
        .await
        .expect("archive");
    assert!(archived.archived);
    assert!(!store
        .items(false)
        .await
        .expect("list")
        .iter()
        .any(|i| i.id == item.id));
    assert!(store
        .items(true)
        .await
        .expect("list")
        .iter()
        .any(|i| i.id == item.id && i.archived));
    // Editing an archived item keeps it archived.
    assert!(store.save_item(&edit).await.expect("edit").archived);
    // Category, item, its first count (a stock movement), edit, archive,
    // edit.
    assert_eq!(store.outbox_len().await.expect("outbox") - before, 6);
}

#[tokio::test]
async fn bad_input_is_refused_beside_its_field_and_nothing_is_written() {
    let (_dir, store) = shop_store().await;
    let before = store.items(true).await.expect("list");
    let outbox = store.outbox_len().await.expect("outbox");
    let err = store
        .save_item(&ItemInput {
            name: "".into(),
            price: "abc".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    let StoreError::Invalid(fields) = err else {
        panic!("expected Invalid")
    };
    assert_eq!(
        fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
        ["name", "price"]
    );
    let mut bundle = ItemInput {
        name: "1GB".into(),
        price: "99".into(),
        kind: ItemKindChoice::DataBundle,
        ..Default::default()
    };
    bundle.megabytes = "lots".into();
    assert!(store.save_item(&bundle).await.is_err());
    assert_eq!(store.items(true).await.expect("list"), before);
    assert_eq!(store.outbox_len().await.expect("outbox"), outbox);
}

#[tokio::test]
async fn category_names_are_unique_ignoring_case() {
    let (_dir, store) = shop_store().await;
    store
        .save_category(&SaveCategory {
            id: None,
            name: "Drinks".into(),
        })
        .await
        .expect("first");
    let err = store
        .save_category(&SaveCategory {
            id: None,
            name: " drinks ".into(),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(ref f) if f[0].field == "name"),
        "{err:?}"
    );
    let cats = store.categories().await.expect("list");
    assert_eq!(cats.len(), 1);
}

#[tokio::test]
async fn opening_hours_are_saved_checked_and_reach_the_outbox() {
    use dukadesk_domain::shop::{DayInput, HoursInput, OpeningHours};
    let (_dir, store) = shop_store().await;
    let mut form = HoursInput::from_hours(&OpeningHours::default(), false);
    form.days[6] = DayInput {
        open: true,
        from: "10:00".into(),
        to: "14:00".into(),
    };
    let outbox = store.outbox_len().await.expect("outbox");
    let view = store.save_hours(&form).await.expect("save");
    assert!(view.shop.hours.days[6].is_some());
    assert!(!view.shop.orders_when_closed);
    assert_eq!(store.outbox_len().await.expect("outbox"), outbox + 1);
    // Read back through a fresh read (and the cache).
    assert_eq!(
        store.shop().await.expect("shop").expect("set up").hours,
        view.shop.hours
    );
    form.days[1].to = "06:00".into();
    let err = store.save_hours(&form).await.unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(ref f) if f[0].field == "day1"),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_barcode_belongs_to_one_item_and_travels_with_it() {
    let (_dir, store) = shop_store().await;
    let unga = store
        .save_item(&ItemInput {
            name: "Unga 2kg".into(),
            price: "210".into(),
            barcode: "6161101660013".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    assert_eq!(unga.barcode.as_deref(), Some("6161101660013"));
    let listed = store.items(false).await.expect("items");
    let found = listed.iter().find(|i| i.id == unga.id).expect("listed");
    assert_eq!(found.barcode.as_deref(), Some("6161101660013"));
    // Other tills get it with the item.
    let body = last_item_sent(&store).await;
    assert_eq!(body["barcode"], "6161101660013");

    // A second item cannot take the same code: said beside the field.
    let clash = ItemInput {
        name: "Unga 1kg".into(),
        price: "110".into(),
        barcode: "6161101660013".into(),
        ..Default::default()
    };
    match store.save_item(&clash).await {
        Err(StoreError::Invalid(fields)) => {
            assert_eq!(fields[0].field, "barcode");
            assert!(
                fields[0].message.contains("Unga 2kg"),
                "{}",
                fields[0].message
            );
        }
        other => panic!("expected a field error, got {other:?}"),
    }
    // Editing the item itself keeps its code; archiving it frees the code.
    let mut edit = ItemInput::from_item(&unga);
    edit.price = "215".into();
    assert_eq!(
        store
            .save_item(&edit)
            .await
            .expect("edit")
            .barcode
            .as_deref(),
        Some("6161101660013")
    );
    store
        .set_item_archived(unga.id, true)
        .await
        .expect("archive");
    let other = store.save_item(&clash).await.expect("free again");
    assert_eq!(other.barcode.as_deref(), Some("6161101660013"));
}

#[tokio::test]
async fn an_item_sold_down_to_its_warning_level_is_low_and_the_level_travels() {
    let (_dir, store) = shop_store().await;
    let unga = store
        .save_item(&ItemInput {
            name: "Unga 2kg".into(),
            price: "210".into(),
            stock: "4".into(),
            low_stock: "3".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    assert_eq!(unga.low_stock, Some(3));
    assert!(!unga.is_low());
    let body = last_item_sent(&store).await;
    assert_eq!(body["low_stock"], 3, "other tills get the level");
    // One sold: 3 left, at the level.
    store
        .create_manual_order(
            &dukadesk_domain::order::ManualOrderInput {
                lines: vec![dukadesk_domain::order::ManualLineInput {
                    item_id: unga.id,
                    qty: 1,
                    label: None,
                }],
                payment: dukadesk_domain::order::TillPayment::Cash,
                ..Default::default()
            },
            "till",
        )
        .await
        .expect("sold");
    let now = store.item(unga.id).await.expect("item");
    assert_eq!(now.stock(), Some(3));
    assert!(now.is_low());
    // The store's list of low items is exactly the catalogue's low ones.
    let low: Vec<_> = store
        .low_stock_items()
        .await
        .expect("low")
        .into_iter()
        .map(|i| i.id)
        .collect();
    let expected: Vec<_> = store
        .items(false)
        .await
        .expect("items")
        .into_iter()
        .filter(|i| i.is_low())
        .map(|i| i.id)
        .collect();
    assert_eq!(low, vec![unga.id]);
    assert_eq!(low, expected);
}

#[tokio::test]
async fn other_names_are_kept_travel_to_other_tills_and_come_back_in_the_form() {
    let (_dir, store) = shop_store().await;
    let tomatoes = store
        .save_item(&ItemInput {
            name: "Tomatoes 1kg".into(),
            price: "120".into(),
            aliases: "nyanya, tomato".into(),
            ..Default::default()
        })
        .await
        .expect("item");
    assert_eq!(tomatoes.aliases, ["nyanya", "tomato"]);
    let body = last_item_sent(&store).await;
    assert_eq!(body["aliases"], serde_json::json!(["nyanya", "tomato"]));
    // Read back from the file, and edited through the form.
    let listed = store.items(false).await.expect("items");
    let stored = listed.iter().find(|i| i.id == tomatoes.id).expect("listed");
    assert_eq!(stored.aliases, ["nyanya", "tomato"]);
    let mut edit = ItemInput::from_item(stored);
    assert_eq!(edit.aliases, "nyanya, tomato");
    edit.aliases = String::new();
    let cleared = store.save_item(&edit).await.expect("saved");
    assert!(cleared.aliases.is_empty());
    // Too many is refused beside the field and nothing changes.
    edit.aliases = (0..11)
        .map(|n| format!("n{n}"))
        .collect::<Vec<_>>()
        .join(",");
    let err = store.save_item(&edit).await.expect_err("eleven names");
    assert!(format!("{err:?}").contains("aliases"), "{err:?}");
}

/// The body of the newest item change waiting for other tills.
async fn last_item_sent(store: &Store) -> serde_json::Value {
    let payload: String = sqlx::query_scalar(
        "SELECT payload FROM outbox WHERE entity = 'item' ORDER BY seq DESC LIMIT 1",
    )
    .fetch_one(store.pool())
    .await
    .expect("outbox row");
    serde_json::from_str(&payload).expect("json")
}
