//! The accounting invariant over many random payment histories: money is
//! counted exactly once, whatever the providers report, in whatever order,
//! however many times.

use super::*;
use crate::store::testing::shop_store;
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[tokio::test]
async fn money_is_counted_once_over_ten_thousand_random_events() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    const ORDERS: usize = 1_000;
    const EVENTS: usize = 10_000;

    // Unpaid orders, each with its first attempt waiting.
    let mut orders = Vec::with_capacity(ORDERS);
    let mut attempts: Vec<(OrderId, PaymentId)> = Vec::new();
    for n in 0..ORDERS {
        let input = ManualOrderInput {
            lines: vec![ManualLineInput {
                item_id: items[n % items.len()].id,
                qty: 1 + (n % 3) as u32,
                label: None,
            }],
            payment: TillPayment::Unpaid,
            ..Default::default()
        };
        let order = store
            .create_manual_order(&input, "test")
            .await
            .expect("order")
            .order;
        // Spread phones so the hourly prompt limit rarely bites.
        let phone = Msisdn::parse(
            &format!("07{:08}", 10_000_000 + n),
            dukadesk_domain::Country::Kenya,
        )
        .expect("phone");
        let mut tx = store.write_tx().await.expect("tx");
        let id = request(
            &mut tx,
            order.id,
            &phone,
            PaymentMethod::MpesaDaraja,
            store.now(),
        )
        .await
        .expect("request")
        .expect("accepted");
        tx.commit().await.expect("commit");
        orders.push((order.id, phone));
        attempts.push((order.id, id.id));
    }

    // Random provider reports: successes (some reusing a receipt already
    // applied elsewhere), failures, unknowns, repeats of any earlier attempt,
    // and new prompts after a failure.
    let mut receipts: Vec<String> = Vec::new();
    for _ in 0..EVENTS {
        let (order, attempt) = attempts[rng.below(attempts.len() as u64) as usize];
        let outcome = match rng.below(10) {
            0..=3 => {
                let receipt = if !receipts.is_empty() && rng.below(5) == 0 {
                    receipts[rng.below(receipts.len() as u64) as usize].clone()
                } else {
                    let r = format!("R{:09}", rng.below(1_000_000_000));
                    receipts.push(r.clone());
                    r
                };
                ProviderOutcome::Paid {
                    receipt: if rng.below(4) == 0 {
                        None
                    } else {
                        Some(receipt)
                    },
                }
            }
            4..=6 => ProviderOutcome::Failed {
                reason: PaymentFailure::Cancelled,
            },
            7 => ProviderOutcome::Unknown,
            _ => {
                // The customer asks to try again.
                let phone = orders
                    .iter()
                    .find(|(o, _)| *o == order)
                    .map(|(_, p)| p.clone())
                    .expect("order");
                let mut tx = store.write_tx().await.expect("tx");
                if let Ok(new) = request(
                    &mut tx,
                    order,
                    &phone,
                    PaymentMethod::MpesaDaraja,
                    store.now(),
                )
                .await
                .expect("request")
                {
                    attempts.push((order, new.id));
                }
                tx.commit().await.expect("commit");
                continue;
            }
        };
        store
            .apply_payment_outcome(attempt, outcome)
            .await
            .expect("apply");
    }

    // Every paid order has exactly one successful attempt, and no attempt
    // succeeded for an unpaid order; the sums agree; no receipt twice.
    let paid_orders: i64 = sqlx::query_scalar(
        "SELECT COALESCE(SUM(total_minor), 0) FROM orders WHERE status IN ('paid', 'preparing', 'out_for_delivery', 'delivered')",
    )
    .fetch_one(store.pool())
    .await
    .expect("paid");
    let successes: i64 = sqlx::query_scalar(
        "SELECT COALESCE(SUM(amount_minor), 0) FROM payments WHERE state = 'succeeded'",
    )
    .fetch_one(store.pool())
    .await
    .expect("succeeded");
    assert!(
        paid_orders > 0,
        "the random walk paid nothing: it tested nothing"
    );
    assert_eq!(
        paid_orders, successes,
        "paid orders and successful payments disagree"
    );
    let twice: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT order_id FROM payments WHERE state = 'succeeded' GROUP BY order_id HAVING COUNT(*) > 1)",
    )
    .fetch_one(store.pool())
    .await
    .expect("twice");
    assert_eq!(twice, 0, "an order was paid twice");
    let mismatched: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM orders o WHERE (o.status IN ('paid', 'preparing', 'out_for_delivery', 'delivered'))
           != EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.state = 'succeeded')",
    )
    .fetch_one(store.pool())
    .await
    .expect("mismatched");
    assert_eq!(
        mismatched, 0,
        "an order's status disagrees with its payments"
    );
    let reused: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT receipt FROM payments WHERE receipt IS NOT NULL GROUP BY receipt HAVING COUNT(*) > 1)",
    )
    .fetch_one(store.pool())
    .await
    .expect("receipts");
    assert_eq!(reused, 0, "a receipt was applied twice");
}
