use super::*;
use crate::store::testing::{sample_order, shop_store};
use dukadesk_domain::catalogue::ItemInput;
use dukadesk_domain::order::ManualOrderInput;
use dukadesk_domain::order::TillPayment;
use dukadesk_domain::shop::{HoursInput, OpeningHours};

/// Today (shop time) at `hour`:`minute` local, as UTC: Kenya is UTC+3.
fn local(day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    day.and_hms_opt(hour, minute, 0).expect("time").and_utc() - chrono::Duration::hours(3)
}

async fn cash_sale(store: &Store, items: &[dukadesk_domain::catalogue::Item]) {
    store
        .create_manual_order(
            &ManualOrderInput {
                payment: TillPayment::Cash,
                ..sample_order(items)
            },
            "clerk",
        )
        .await
        .expect("sale");
}

async fn link_whatsapp_here(store: &Store) {
    sqlx::query(
        "INSERT INTO wa_link (id, state, phone, updated_at) VALUES (1, 'connected', '254711000111', 0)",
    )
    .execute(store.pool())
    .await
    .expect("link row");
}

async fn queued_to(store: &Store, address: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT m.body FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE c.channel = 'whatsapp' AND c.address = ? AND m.author = 'bot'",
    )
    .bind(address)
    .fetch_all(store.pool())
    .await
    .expect("messages")
}

/// A day of sales: two cash sales, an item running low; the summary
/// counts them, names the best seller and what runs low.
#[tokio::test]
async fn the_day_s_summary_counts_the_sales_and_names_what_runs_low() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    for _ in 0..2 {
        cash_sale(&store, &items).await;
    }
    let item = &items[0];
    store
        .save_item(&ItemInput {
            stock: "3".into(),
            low_stock: "5".into(),
            ..ItemInput::from_item(item)
        })
        .await
        .expect("low");
    let now = Utc::now();
    let today = local_today(now, 3);
    let summary = store.day_summary(today, now).await.expect("summary");
    assert_eq!(summary.sales.orders, 2);
    assert!(!summary.top_items.is_empty());
    assert_eq!(
        summary.low_stock,
        vec![LowLine {
            name: item.name.clone(),
            left: 3
        }]
    );
    assert!(summary.text(Language::En).contains("Running low"));
}

/// At closing time, once a day, only when asked for and only from the till
/// whose WhatsApp is linked; a quiet day sends nothing.
#[tokio::test]
async fn the_summary_goes_to_the_owner_once_at_closing_time() {
    let (_dir, store) = shop_store().await;
    let items = store.items(false).await.expect("items");
    cash_sale(&store, &items).await;
    // The shop's usual hours: 08:00–20:00, Sunday closed (then 20:00 too).
    store
        .save_hours(&HoursInput::from_hours(&OpeningHours::default(), false))
        .await
        .expect("hours");
    let today = local_today(Utc::now(), 3);
    let after_close = local(today, 20, 30);
    // Not asked for.
    assert_eq!(
        store.queue_due_summary(after_close).await.expect("due"),
        None
    );
    let bad = store
        .set_summary_delivery("12345", Language::Sw)
        .await
        .expect_err("not a number");
    assert!(
        matches!(&bad, StoreError::Invalid(f) if f[0].field == "summary_number"),
        "{bad:?}"
    );
    let set = store
        .set_summary_delivery("0722 000 333", Language::Sw)
        .await
        .expect("set")
        .expect("on");
    assert_eq!(set.to.as_str(), "254722000333");
    // Asked for, but WhatsApp is not linked on this till.
    assert_eq!(
        store.queue_due_summary(after_close).await.expect("due"),
        None
    );
    link_whatsapp_here(&store).await;
    let before = local(today, 19, 0);
    assert_eq!(store.queue_due_summary(before).await.expect("due"), None);
    assert!(queued_to(&store, "254722000333").await.is_empty());
    assert_eq!(
        store.queue_due_summary(after_close).await.expect("due"),
        Some(today)
    );
    let sent = queued_to(&store, "254722000333").await;
    assert_eq!(sent.len(), 1);
    assert!(sent[0].contains("Mauzo:"), "in Kiswahili: {}", sent[0]);
    // Once a day.
    assert_eq!(
        store.queue_due_summary(after_close).await.expect("again"),
        None
    );
    assert_eq!(queued_to(&store, "254722000333").await.len(), 1);
    // The owner's number is no customer.
    let customers: i64 =
        sqlx::query_scalar("SELECT count(*) FROM customers WHERE phone = '254722000333'")
            .fetch_one(store.pool())
            .await
            .expect("count");
    assert_eq!(customers, 0);
    // Turned off: nothing.
    assert_eq!(
        store
            .set_summary_delivery(" ", Language::En)
            .await
            .expect("off"),
        None
    );
    assert_eq!(store.summary_delivery().await.expect("read"), None);
}

#[tokio::test]
async fn a_quiet_day_sends_nothing() {
    let (_dir, store) = shop_store().await;
    store
        .save_hours(&HoursInput::from_hours(&OpeningHours::default(), false))
        .await
        .expect("hours");
    store
        .set_summary_delivery("0722000333", Language::En)
        .await
        .expect("set");
    link_whatsapp_here(&store).await;
    let today = local_today(Utc::now(), 3);
    assert_eq!(
        store
            .queue_due_summary(local(today, 20, 30))
            .await
            .expect("due"),
        None
    );
    // It was due and looked at: nothing to tell, so nothing queued.
    assert_eq!(
        store.setting(HANDLED).await.expect("setting"),
        Some(today.to_string())
    );
    assert!(queued_to(&store, "254722000333").await.is_empty());
}
