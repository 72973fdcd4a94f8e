use crate::store::testing::{sample_order, shop_store};
use crate::store::StoreError;
use dukadesk_domain::cashup::CashUpInput;
use dukadesk_domain::credit::{CreditEntry, CreditLimitInput, RepaymentInput, RepaymentMethod};
use dukadesk_domain::order::{ManualOrderInput, TillPayment};
use dukadesk_domain::{Currency, CustomerId, Money};

fn kes(major: i64) -> Money {
    Money::from_major(major, Currency::KES)
}

async fn on_credit(store: &crate::Store, phone: &str) -> Result<CustomerId, StoreError> {
    let items = store.items(false).await.expect("items");
    let order = store
        .create_manual_order(
            &ManualOrderInput {
                customer_phone: phone.into(),
                customer_name: "Wanjiru".into(),
                payment: TillPayment::Credit,
                ..sample_order(&items)
            },
            "Amina",
        )
        .await?
        .order;
    Ok(order.customer_id.expect("a customer"))
}

fn repay(customer_id: CustomerId, amount: &str, mpesa: Option<&str>) -> RepaymentInput {
    RepaymentInput {
        customer_id,
        amount: amount.into(),
        method: if mpesa.is_some() {
            RepaymentMethod::Mpesa
        } else {
            RepaymentMethod::Cash
        },
        receipt: mpesa.unwrap_or_default().into(),
    }
}

#[tokio::test]
async fn goods_on_credit_are_owed_until_paid_back_within_the_limit() {
    let (_dir, store) = shop_store().await;
    // Without a phone there is nobody to owe it: refused beside the field.
    let items = store.items(false).await.expect("items");
    match store
        .create_manual_order(
            &ManualOrderInput {
                payment: TillPayment::Credit,
                ..sample_order(&items)
            },
            "Amina",
        )
        .await
    {
        Err(StoreError::Invalid(f)) => assert_eq!(f[0].field, "customer_phone"),
        other => panic!("refused: {other:?}"),
    }

    // 240 on credit: owed, paid in the report's sense (goods gone).
    let wanjiru = on_credit(&store, "0712 345 678").await.expect("credit");
    let account = store.credit_account(wanjiru).await.expect("account");
    assert_eq!(account.balance, kes(240));
    assert_eq!(account.limit, None);
    assert_eq!(account.phone.as_deref(), Some("0712 345 678"));
    assert!(account.oldest_unpaid.is_some());
    assert!(!account.can_remind, "she never wrote on WhatsApp");

    // A limit of 300: a second 240 would make 480, refused with what is
    // owed; nothing is written.
    let orders_before = store.outbox_len().await.expect("outbox");
    store
        .set_credit_limit(&CreditLimitInput {
            customer_id: wanjiru,
            limit: "300".into(),
        })
        .await
        .expect("limit");
    let limited = store.outbox_len().await.expect("outbox");
    assert_eq!(limited, orders_before + 1, "the customer row travels");
    match on_credit(&store, "0712 345 678").await {
        Err(StoreError::Invalid(f)) => {
            assert_eq!(f[0].field, "payment");
            assert!(
                f[0].message.contains("owe KES 240 of KES 300"),
                "{}",
                f[0].message
            );
        }
        other => panic!("over the limit: {other:?}"),
    }
    assert_eq!(store.outbox_len().await.expect("outbox"), limited);

    // Paid back in part, in cash and by M-Pesa; an M-Pesa code once only.
    store
        .record_repayment(&repay(wanjiru, "100", None), "Baraka")
        .await
        .expect("cash back");
    let account = store
        .record_repayment(&repay(wanjiru, "40", Some("qft4abc12x")), "Baraka")
        .await
        .expect("M-Pesa back");
    assert_eq!(account.balance, kes(100));
    match store
        .record_repayment(&repay(wanjiru, "40", Some("QFT4ABC12X")), "Baraka")
        .await
    {
        Err(StoreError::Invalid(f)) => assert!(f[0].message.contains("already recorded")),
        other => panic!("code used twice: {other:?}"),
    }
    let kinds: Vec<&str> = account
        .history
        .iter()
        .map(|e| match e {
            CreditEntry::Sale { .. } => "sale",
            CreditEntry::Repaid(_) => "repaid",
        })
        .collect();
    assert_eq!(kinds, vec!["sale", "repaid", "repaid"]);
    // Now a 240 sale fits: 100 + 240 > 300 still refused, so raise it.
    store
        .set_credit_limit(&CreditLimitInput {
            customer_id: wanjiru,
            limit: String::new(),
        })
        .await
        .expect("no limit");
    on_credit(&store, "0712 345 678")
        .await
        .expect("no limit now");

    // Who owes: Wanjiru (340), then a newer debtor.
    let kamau = on_credit(&store, "0722 111 222").await.expect("Kamau");
    let debtors = store.debtors().await.expect("debtors");
    let owed: Vec<(CustomerId, Money)> =
        debtors.iter().map(|d| (d.customer_id, d.balance)).collect();
    assert_eq!(owed, vec![(wanjiru, kes(340)), (kamau, kes(240))]);

    // The cash paid back is in this till's drawer; the credit sales are not.
    let draft = store.cash_up_draft().await.expect("draft");
    assert_eq!(draft.cash_sales, kes(100));
    assert_eq!(draft.mpesa, kes(40));
    assert_eq!(draft.payments, 2);
    store
        .record_cash_up(
            &CashUpInput {
                counted: "100".into(),
                ..Default::default()
            },
            "Baraka",
        )
        .await
        .expect("cash-up");
    // Paid off in full: off the list.
    store
        .record_repayment(&repay(kamau, "240", None), "Baraka")
        .await
        .expect("Kamau pays");
    let debtors = store.debtors().await.expect("debtors");
    assert_eq!(debtors.len(), 1);
    assert_eq!(debtors[0].customer_id, wanjiru);
}

#[tokio::test]
async fn a_reminder_goes_only_to_a_customer_who_wrote_and_not_twice_in_three_days() {
    let (_dir, store) = shop_store().await;
    // Kamau never wrote on WhatsApp: no reminder.
    let kamau = on_credit(&store, "0722 111 222").await.expect("Kamau");
    match store.send_credit_reminder(kamau, "Amina").await {
        Err(StoreError::Refusal(m)) => assert!(m.to_string().contains("never wrote"), "{m}"),
        other => panic!("no chat: {other:?}"),
    }
    // Wanjiru wrote ("habari": Kiswahili), then took goods on credit.
    crate::store::testing::say(&store, "0712 345 678", "habari").await;
    let wanjiru = on_credit(&store, "0712 345 678").await.expect("Wanjiru");
    let account = store.credit_account(wanjiru).await.expect("account");
    assert!(account.can_remind);
    store
        .send_credit_reminder(wanjiru, "Amina")
        .await
        .expect("reminded");
    let (author, by, body): (String, Option<String>, String) =
        sqlx::query_as("SELECT author, staff_name, body FROM messages ORDER BY seq DESC LIMIT 1")
            .fetch_one(store.pool())
            .await
            .expect("queued");
    assert_eq!((author.as_str(), by.as_deref()), ("staff", Some("Amina")));
    assert!(body.contains("KES 240"), "{body}");
    // Not again so soon.
    match store.send_credit_reminder(wanjiru, "Amina").await {
        Err(StoreError::TooSoon {
            message: m,
            wait_secs,
        }) => {
            assert!(m.contains("wait until 72 hours"), "{m}");
            assert!(wait_secs > 0 && wait_secs <= 72 * 3600, "{wait_secs}");
        }
        other => panic!("twice: {other:?}"),
    }
    // Nothing owed, nothing to remind.
    store
        .record_repayment(&repay(wanjiru, "240", None), "Amina")
        .await
        .expect("paid");
    match store.send_credit_reminder(wanjiru, "Amina").await {
        Err(StoreError::Refusal(m)) => assert!(m.to_string().contains("owe nothing"), "{m}"),
        other => panic!("nothing owed: {other:?}"),
    }
}

#[tokio::test]
async fn a_customer_who_said_stop_gets_no_reminder() {
    let (_dir, store) = shop_store().await;
    crate::store::testing::say(&store, "0712 345 678", "hi").await;
    let wanjiru = on_credit(&store, "0712 345 678").await.expect("Wanjiru");
    crate::store::testing::say(&store, "0712 345 678", "STOP").await;
    assert!(
        !store
            .credit_account(wanjiru)
            .await
            .expect("account")
            .can_remind
    );
    match store.send_credit_reminder(wanjiru, "Amina").await {
        Err(StoreError::Refusal(m)) => assert!(m.to_string().contains("STOP"), "{m}"),
        other => panic!("opted out: {other:?}"),
    }
}

#[tokio::test]
async fn an_unpaid_order_can_go_on_credit_later_within_the_limit() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    let unpaid = |phone: &str| ManualOrderInput {
        customer_phone: phone.into(),
        payment: TillPayment::Unpaid,
        ..sample_order(&items)
    };
    // A walk-in's order has nobody to owe it.
    let walk_in = store
        .create_manual_order(&unpaid(""), "Amina")
        .await
        .expect("order");
    match store
        .record_till_payment(walk_in.order.id, &TillPayment::Credit, "Amina")
        .await
    {
        Err(StoreError::Invalid(f)) => assert_eq!(f[0].field, "customer_phone"),
        other => panic!("refused: {other:?}"),
    }
    // Wanjiru's 240 goes on her account, then a limit of 300 keeps a
    // second 240 unpaid, as it was.
    let first = store
        .create_manual_order(&unpaid("0712 345 678"), "Amina")
        .await
        .expect("order");
    let paid = store
        .record_till_payment(first.order.id, &TillPayment::Credit, "Amina")
        .await
        .expect("on credit");
    assert_eq!(paid.order.status, dukadesk_domain::order::OrderStatus::Paid);
    let wanjiru = paid.order.customer_id.expect("customer");
    assert_eq!(
        store
            .credit_account(wanjiru)
            .await
            .expect("account")
            .balance,
        kes(240)
    );
    store
        .set_credit_limit(&CreditLimitInput {
            customer_id: wanjiru,
            limit: "300".into(),
        })
        .await
        .expect("limit");
    let second = store
        .create_manual_order(&unpaid("0712 345 678"), "Amina")
        .await
        .expect("order");
    match store
        .record_till_payment(second.order.id, &TillPayment::Credit, "Amina")
        .await
    {
        Err(StoreError::Invalid(f)) => assert_eq!(f[0].field, "payment"),
        other => panic!("over the limit: {other:?}"),
    }
    let after = store.order_detail(second.order.id).await.expect("detail");
    assert_eq!(after.order.status, second.order.status);
    assert!(after.payments.is_empty());
    assert_eq!(
        store
            .credit_account(wanjiru)
            .await
            .expect("account")
            .balance,
        kes(240)
    );
}
