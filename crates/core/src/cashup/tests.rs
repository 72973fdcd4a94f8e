use crate::store::testing::{sample_order, shop_store};
use crate::store::StoreError;
use dukadesk_domain::cashup::{Balance, CashUpInput};
use dukadesk_domain::order::{ManualOrderInput, TillPayment};
use dukadesk_domain::{Currency, Money};

fn kes(major: i64) -> Money {
    Money::from_major(major, Currency::KES)
}

#[tokio::test]
async fn a_cash_up_counts_what_this_till_took_since_the_last_one() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    // Cash 240, M-Pesa by code 240, and an unpaid order that counts for
    // nothing.
    store
        .create_manual_order(&sample_order(&items), "Amina")
        .await
        .expect("cash sale");
    store
        .create_manual_order(
            &ManualOrderInput {
                payment: TillPayment::MpesaReceipt("QFT4ABC12X".into()),
                ..sample_order(&items)
            },
            "Amina",
        )
        .await
        .expect("M-Pesa sale");
    store
        .create_manual_order(
            &ManualOrderInput {
                payment: TillPayment::Unpaid,
                ..sample_order(&items)
            },
            "Amina",
        )
        .await
        .expect("unpaid");

    let draft = store.cash_up_draft().await.expect("draft");
    assert_eq!(draft.payments, 2);
    assert_eq!(draft.cash_sales, kes(240));
    assert_eq!(draft.mpesa, kes(240));
    assert_eq!(draft.float, kes(0));
    assert_eq!(draft.expected(kes(500)), kes(740));

    // Nothing counted: refused beside the field, nothing written.
    let outbox_before = store.outbox_len().await.expect("outbox");
    match store.record_cash_up(&CashUpInput::default(), "Amina").await {
        Err(StoreError::Invalid(fields)) => assert_eq!(fields[0].field, "counted"),
        other => panic!("refused: {other:?}"),
    }
    assert_eq!(store.outbox_len().await.expect("outbox"), outbox_before);

    let counted = store
        .record_cash_up(
            &CashUpInput {
                float: "500".into(),
                counted: "730".into(),
                note: " gave too much change ".into(),
            },
            "Amina",
        )
        .await
        .expect("recorded");
    assert_eq!(counted.expected(), kes(740));
    assert_eq!(counted.balance(), Balance::Short(kes(10)));
    assert_eq!(counted.by, "Amina");
    assert_eq!(counted.note, "gave too much change");
    assert_eq!(counted.till, super::THIS_TILL);
    // Its outbox row went with it, and it reads back the same.
    assert_eq!(store.outbox_len().await.expect("outbox"), outbox_before + 1);
    let pending = store.outbox_pending(100).await.expect("pending");
    let last = pending.last().expect("a row");
    assert_eq!(
        (last.entity.as_str(), last.entity_id.clone()),
        ("cash_up", counted.id.to_string())
    );
    assert_eq!(store.cash_up(counted.id).await.expect("read"), counted);
    assert_eq!(
        store.cash_ups(10).await.expect("list"),
        vec![counted.clone()]
    );

    // The next period starts at that count, with its float.
    let next = store.cash_up_draft().await.expect("next");
    assert_eq!(next.from, counted.at);
    assert_eq!(next.payments, 0);
    assert_eq!(next.cash_sales, kes(0));
    assert_eq!(next.float, kes(500));
    store
        .create_manual_order(&sample_order(&items), "Baraka")
        .await
        .expect("another sale");
    let next = store.cash_up_draft().await.expect("next");
    assert_eq!((next.payments, next.cash_sales), (1, kes(240)));
}
