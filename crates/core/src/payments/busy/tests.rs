use super::super::request;
use crate::payments::ProviderOutcome;
use crate::store::testing::shop_store;
use dukadesk_domain::bot::PaymentFailure;
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, TillPayment};
use dukadesk_domain::payment::PaymentMethod;
use dukadesk_domain::{Country, Msisdn};

#[tokio::test]
async fn a_waiting_payment_blocks_the_restart_until_it_is_answered() {
    let (_dir, store) = shop_store().await;
    assert_eq!(store.restart_blocker().await.expect("query"), None);

    let items = store.items(false).await.expect("items");
    let order = store
        .create_manual_order(
            &ManualOrderInput {
                lines: vec![ManualLineInput {
                    item_id: items[0].id,
                    qty: 1,
                    label: None,
                }],
                payment: TillPayment::Unpaid,
                ..Default::default()
            },
            "test",
        )
        .await
        .expect("order")
        .order;
    let phone = Msisdn::parse("0712345678", Country::Kenya).expect("phone");
    let mut tx = store.write_tx().await.expect("tx");
    let payment = request(
        &mut tx,
        order.id,
        &phone,
        PaymentMethod::MpesaDaraja,
        store.now(),
    )
    .await
    .expect("request")
    .expect("accepted")
    .id;
    tx.commit().await.expect("commit");

    let reason = store
        .restart_blocker()
        .await
        .expect("query")
        .expect("a pending payment blocks");
    assert!(reason.contains(&format!("#{}", order.number)), "{reason}");
    assert!(reason.contains("M-Pesa"), "{reason}");

    // Failed: the app no longer waits for anything.
    store
        .apply_payment_outcome(
            payment,
            ProviderOutcome::Failed {
                reason: PaymentFailure::Cancelled,
            },
        )
        .await
        .expect("outcome");
    assert_eq!(store.restart_blocker().await.expect("query"), None);
}
