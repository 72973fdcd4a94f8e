//! Resellers across tills: a reseller added on one till, the order their
//! link brought and the payout made there reach every till and the server;
//! a change of rule made on another till comes back; every synced table
//! agrees everywhere.

use super::{backend, server_rows, till_rows};
use dukadesk_core::clock::ManualClock;
use dukadesk_core::payments::ProviderOutcome;
use dukadesk_core::store::testing::{
    daraja_nowhere, say, set_up_shop, test_key_source, unlocked_store as empty_store,
};
use dukadesk_core::store::Store;
use dukadesk_core::sync::worker::sync_once;
use dukadesk_domain::resellers::{PayoutInput, ResellerInput, RuleChoice};
use std::sync::Arc;

#[tokio::test]
async fn a_reseller_their_credited_order_and_payout_reach_every_till_and_the_server() {
    let b = backend().await;
    let shop = b.shop("Mama Mboga").await;
    // Till A takes chats and pays by prompt; its clock is the test's.
    let dir = tempfile::tempdir().expect("dir");
    // Past the middle of a millisecond: a time rounded one way here and
    // the other on the server would show.
    let start = chrono::DateTime::from_timestamp_millis(chrono::Utc::now().timestamp_millis())
        .expect("now")
        + chrono::Duration::microseconds(700);
    let clock = ManualClock::new(start);
    let a = Store::open_with_clock(&dir.path().join("dukadesk.db"), Arc::new(clock.clone()))
        .await
        .expect("open");
    let vault = dukadesk_core::vault::Vault::unlock(&a, &test_key_source())
        .await
        .expect("vault");
    a.attach_vault(vault).await.expect("attach");
    set_up_shop(&a).await;
    a.save_payment_settings(&daraja_nowhere())
        .await
        .expect("Daraja");
    let ha = b.join(&a, shop, "Front").await;

    // Earning on one item only: the scope travels with the reseller.
    let sukuma = a
        .items(false)
        .await
        .expect("items")
        .into_iter()
        .find(|i| i.name == "Sukuma wiki")
        .expect("sukuma")
        .id;
    let amina = ResellerInput {
        name: "Amina".into(),
        phone: "0722 111 222".into(),
        code: "AMINA10".into(),
        rule: RuleChoice::Percent,
        rate: "5".into(),
        active: true,
        applies_to: dukadesk_domain::resellers::AppliesTo::Item(sukuma).value(),
        ..Default::default()
    };
    let listed = a.save_reseller(&amina, None).await.expect("reseller");
    let id = listed[0].reseller.id;
    let mut payments = Vec::new();
    for m in [listed[0].greeting.as_str(), "2 sukuma", "1", "1", "1", "1"] {
        let (_, effects) = say(&a, "0712 000 001", m).await;
        payments.extend(effects.payments);
    }
    a.apply_payment_outcome(
        payments[0],
        ProviderOutcome::Paid {
            receipt: Some("QRS1T2U3V4".into()),
        },
    )
    .await
    .expect("paid");
    clock.advance(chrono::Duration::days(8));
    a.record_payout(
        &PayoutInput {
            reseller_id: Some(id),
            amount: "2".into(),
            method: "mpesa".into(),
            receipt: "QAB1C2D3E4".into(),
        },
        "Wanjiru",
        None,
    )
    .await
    .expect("payout");
    sync_once(&a, &ha).await.expect("A up");

    // Till B joins, sees Amina's figures, and changes her rule.
    let (_db, bt) = empty_store().await;
    let hb = b.join(&bt, shop, "Back").await;
    sync_once(&bt, &hb).await.expect("B down");
    let on_b = bt.resellers(None).await.expect("list");
    assert_eq!(on_b.len(), 1);
    assert_eq!(on_b[0].totals.orders, 1);
    assert_eq!(on_b[0].totals.sales.to_string(), "KES 60");
    assert_eq!(on_b[0].totals.paid.to_string(), "KES 2");
    bt.save_reseller(
        &ResellerInput {
            id: Some(id),
            rate: "7.5".into(),
            ..amina
        },
        None,
    )
    .await
    .expect("new rule");
    sync_once(&bt, &hb).await.expect("B up");
    sync_once(&a, &ha).await.expect("A down");
    let on_a = a.resellers(None).await.expect("list");
    // The new rate and the scope it keeps came with the reseller.
    assert_eq!(on_a[0].rule, "7.5% on Sukuma wiki");
    // The order keeps the commission of the rule it was made under.
    assert_eq!(on_a[0].totals.paid.to_string(), "KES 2");
    assert_eq!(
        on_a[0].totals.payable.to_string(),
        "KES 1",
        "5% of 60, less 2"
    );

    let rows_a = till_rows(&a).await;
    for table in ["resellers", "reseller_credits", "reseller_payouts"] {
        assert_eq!(rows_a[table].len(), 1, "{table} on A");
    }
    assert_eq!(rows_a, till_rows(&bt).await, "A and B agree");
    assert_eq!(rows_a, server_rows(&b.su, shop).await, "and the server");
}

#[tokio::test]
async fn an_erasure_wins_over_a_later_change_made_on_another_till() {
    let b = backend().await;
    let shop = b.shop("Mama Mboga").await;
    let (_da, a) = dukadesk_core::store::testing::shop_store().await;
    let ha = b.join(&a, shop, "Front").await;
    let amina = ResellerInput {
        name: "Amina".into(),
        phone: "0722 111 222".into(),
        code: "AMINA10".into(),
        rule: RuleChoice::Percent,
        rate: "5".into(),
        active: true,
        ..Default::default()
    };
    let id = a.save_reseller(&amina, None).await.expect("reseller")[0]
        .reseller
        .id;
    sync_once(&a, &ha).await.expect("A up");
    let (_db, bt) = empty_store().await;
    let hb = b.join(&bt, shop, "Back").await;
    sync_once(&bt, &hb).await.expect("B down");

    // Offline from each other: A erases her, then B changes her rate.
    a.erase_reseller(id, &dukadesk_core::privacy::audit::Actor::Owner, None)
        .await
        .expect("erased on A");
    bt.save_reseller(
        &ResellerInput {
            id: Some(id),
            rate: "7".into(),
            ..amina
        },
        None,
    )
    .await
    .expect("changed on B");
    // B's later change reaches the server first; A's erasure still wins.
    sync_once(&bt, &hb).await.expect("B up");
    sync_once(&a, &ha).await.expect("A up");
    sync_once(&bt, &hb).await.expect("B down");
    sync_once(&a, &ha).await.expect("A down");
    for till in [&a, &bt] {
        let r = &till.resellers(None).await.expect("list")[0].reseller;
        assert!(r.erased && r.phone.is_none(), "{r:?}");
        assert_eq!(r.name, "Erased reseller");
    }
    let rows_a = till_rows(&a).await;
    assert_eq!(rows_a, till_rows(&bt).await, "A and B agree");
    assert_eq!(rows_a, server_rows(&b.su, shop).await, "and the server");
    assert!(!format!("{:?}", rows_a["resellers"]).contains("Amina"));
}
