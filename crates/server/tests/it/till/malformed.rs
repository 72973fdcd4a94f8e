//! A row another till cannot take (stored before the server checked
//! bodies, or by a server of an older version) is set aside with why; the
//! till's pull moves on past it and takes everything else.

use super::{backend, till_rows};
use dukadesk_core::sync::worker::sync_once;
use dukadesk_domain::catalogue::ItemInput;
use uuid::Uuid;

#[tokio::test]
async fn a_malformed_row_on_the_server_is_set_aside_and_the_pull_moves_on() {
    let b = backend().await;
    let shop = b.shop("Mama Mboga").await;
    // (`_dirs` keeps both tills' files for the whole test.)
    let super::Pair {
        a,
        ha,
        b: bt,
        hb,
        _dirs,
    } = super::synced_pair(&b, shop).await;
    let item = a.items(false).await.expect("items")[0].clone();

    // Rows an older server let through, written as A's: an item with a tax
    // band no till knows, one whose body names A's real item (it would
    // overwrite it), an order that is not one, a customer merge naming
    // nobody.
    let device: Uuid =
        sqlx::query_scalar("SELECT version_device FROM items WHERE shop_id = $1 LIMIT 1")
            .bind(shop)
            .fetch_one(&b.su)
            .await
            .expect("A's device");
    let mut bad_band = serde_json::to_value(&item).expect("item json");
    let banded = Uuid::new_v4();
    bad_band["id"] = serde_json::json!(banded);
    bad_band["tax_band"] = serde_json::json!("Z");
    let mut hijack = serde_json::to_value(&item).expect("item json");
    hijack["name"] = serde_json::json!("hijacked");
    let rows = [
        ("items", banded, bad_band, false),
        ("items", Uuid::new_v4(), hijack, false),
        (
            "orders",
            Uuid::new_v4(),
            serde_json::json!({"status": "Paid"}),
            false,
        ),
        (
            "customers",
            Uuid::new_v4(),
            serde_json::json!({"merged_into": "nobody"}),
            true,
        ),
    ];
    for (table, id, body, deleted) in rows {
        sqlx::query(&format!(
            "INSERT INTO {table} (shop_id, id, body, deleted, version_at, version_device)
             VALUES ($1, $2, $3, $4, now(), $5)"
        ))
        .bind(shop)
        .bind(id)
        .bind(sqlx::types::Json(body))
        .bind(deleted)
        .bind(device)
        .execute(&b.su)
        .await
        .expect("an old row");
    }
    // And after them, a real change from A.
    let chapati = a
        .save_item(&ItemInput {
            name: "Chapati".into(),
            price: "30".into(),
            ..ItemInput::default()
        })
        .await
        .expect("an item");
    sync_once(&a, &ha).await.expect("A up");

    sync_once(&bt, &hb).await.expect("B keeps syncing");
    let mut aside = bt.pulled_aside().await.expect("kept aside");
    aside.sort();
    assert_eq!(
        aside,
        [
            (
                "customer".to_owned(),
                "the customer merge is malformed".to_owned()
            ),
            ("item".to_owned(), "the item is malformed".to_owned()),
            ("item".to_owned(), "the item is malformed".to_owned()),
            ("order".to_owned(), "the order is malformed".to_owned()),
        ]
    );
    assert_eq!(bt.item(item.id).await.expect("item").name, item.name);
    assert_eq!(bt.item(chapati.id).await.expect("Chapati").name, "Chapati");
    // B holds what A holds, nothing more.
    assert_eq!(till_rows(&a).await, till_rows(&bt).await);
    // And the next pull starts after them: nothing is set aside twice.
    sync_once(&bt, &hb).await.expect("B again");
    assert_eq!(bt.pulled_aside().await.expect("kept aside").len(), 4);
}
