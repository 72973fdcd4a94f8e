//! The conflict rule has one table: `OrderStatus::rank` and
//! `PaymentState::rank` in the domain. The hosted SQL's `order_rank` and
//! `payment_rank` (which decide what the server keeps when two tills
//! disagree) must give the same rank for every status as it is stored in a
//! body, and 0 for anything else.

use dukadesk_domain::order::OrderStatus;
use dukadesk_domain::payment::PaymentState;

#[tokio::test]
async fn the_hosted_ranks_are_the_domain_s() {
    let r = crate::rig().await;
    let rank = |function: &'static str, body: serde_json::Value| {
        let owner = r.owner.clone();
        async move {
            sqlx::query_scalar::<_, i16>(&format!("SELECT {function}($1::jsonb)"))
                .bind(body)
                .fetch_one(&owner)
                .await
                .unwrap_or_else(|e| panic!("{function}: {e}"))
        }
    };
    for status in OrderStatus::ALL {
        // As an order's body carries it (serde's name for the status).
        let body = serde_json::json!({ "status": status });
        assert_eq!(
            rank("order_rank", body.clone()).await,
            i16::from(status.rank()),
            "order_rank for {body}"
        );
    }
    for state in PaymentState::ALL {
        let body = serde_json::json!({ "state": state });
        assert_eq!(
            rank("payment_rank", body.clone()).await,
            i16::from(state.rank()),
            "payment_rank for {body}"
        );
    }
    for (function, body) in [
        ("order_rank", serde_json::json!({ "status": "Teleported" })),
        ("order_rank", serde_json::json!({})),
        ("payment_rank", serde_json::json!({ "state": "pending" })),
        ("payment_rank", serde_json::json!({ "state": null })),
    ] {
        assert_eq!(rank(function, body.clone()).await, 0, "{function}({body})");
    }
}
