//! Customers merged on different tills, as this till hears of them: the
//! merges chain (A into B on one till, B into C on another) and end at one
//! customer, an erased one included.

use super::hosted::Pulled;
use crate::store::testing::{pool, shop_store};
use chrono::Utc;
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use uuid::Uuid;

fn pulled(entity: &str, id: Uuid, body: serde_json::Value, deleted: bool, seq: i64) -> Pulled {
    Pulled {
        entity: entity.into(),
        id,
        body,
        deleted,
        version_at: Utc::now(),
        version_device: Uuid::from_u128(7),
        change_seq: seq,
    }
}

/// This till met Wanjiru at the counter (customer E, here). Elsewhere she
/// was customer C, erased at her request; another till had merged its own
/// B into C, and a third merged E into B before hearing of either. Here,
/// E's merge must follow B to C: she stays erased, with no row of her own
/// brought back under B, and her order keeps no name.
#[tokio::test]
async fn a_merge_into_a_customer_merged_away_follows_it_to_the_erased_one() {
    let (_dir, store) = shop_store().await;
    let item = store.items(false).await.expect("items").remove(0);
    let order = store
        .create_manual_order(
            &ManualOrderInput {
                customer_phone: "0712 000 002".into(),
                customer_name: "Wanjiru".into(),
                lines: vec![ManualLineInput {
                    item_id: item.id,
                    qty: 1,
                    label: None,
                }],
                payment: TillPayment::Cash,
                ..Default::default()
            },
            "Amina",
        )
        .await
        .expect("sale");
    let e: String = sqlx::query_scalar("SELECT customer_id FROM orders WHERE id = ?")
        .bind(order.order.id.to_string())
        .fetch_one(pool(&store))
        .await
        .expect("her customer");
    let e = Uuid::parse_str(&e).expect("id");
    let (b, c) = (Uuid::new_v4(), Uuid::new_v4());
    let erased_at = Utc::now().timestamp_millis();
    let page = [
        pulled(
            "customer",
            c,
            serde_json::json!({"id": c, "phone": format!("erased:{c}"), "name": null, "erased_at": erased_at}),
            false,
            1,
        ),
        pulled(
            "customer",
            b,
            serde_json::json!({"id": b, "merged_into": c}),
            true,
            2,
        ),
        pulled(
            "customer",
            e,
            serde_json::json!({"id": e, "merged_into": b}),
            true,
            3,
        ),
    ];
    store
        .apply_pulled(&page, Uuid::new_v4(), 3)
        .await
        .expect("applied");

    let live: Vec<(String, String)> =
        sqlx::query_as("SELECT id, phone FROM customers WHERE erased_at IS NULL")
            .fetch_all(pool(&store))
            .await
            .expect("customers");
    assert!(live.is_empty(), "no customer comes back: {live:?}");
    let (owner, name): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT customer_id, customer_name FROM orders WHERE id = ?")
            .bind(order.order.id.to_string())
            .fetch_one(pool(&store))
            .await
            .expect("order");
    assert_eq!(
        owner,
        Some(c.to_string()),
        "her order is the erased customer's"
    );
    assert_eq!(name, None, "her order keeps no name");
    let merges: Vec<(String, String)> =
        sqlx::query_as("SELECT loser, winner FROM customer_merges ORDER BY loser")
            .fetch_all(pool(&store))
            .await
            .expect("merges");
    let mut expected = vec![
        (b.to_string(), c.to_string()),
        (e.to_string(), c.to_string()),
    ];
    expected.sort();
    assert_eq!(merges, expected, "both merges end at C");
}
