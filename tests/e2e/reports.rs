//! The Reports page: two local days of till orders, written through the
//! core beside the running app at pinned local times (as a second till on
//! the same file would), read back as the page shows them: today's gross
//! sales, orders and average against yesterday, awaiting payment, a paid
//! order cancelled, the payment split, top items and the hour chart; then
//! Yesterday and a custom range of both days.

use crate::harness::{stock_items, App};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use dukadesk_core::clock::{Clock, ManualClock};
use dukadesk_core::Store;
use dukadesk_domain::catalogue::Item;
use dukadesk_domain::order::{ManualLineInput, ManualOrderInput, OrderEvent, TillPayment};
use dukadesk_domain::report::{local_today, REFRESH_SECS};
use fantoccini::Locator;
use std::sync::Arc;

/// Nairobi is UTC+3 all year.
const OFFSET_HOURS: i32 = 3;

/// The instant of `hh:mm` local time on `day`.
fn local(day: NaiveDate, hh: u32, mm: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hh, mm, 0).expect("time");
    day.and_time(time).and_utc() - Duration::hours(i64::from(OFFSET_HOURS))
}

/// When, what (item and units), how paid, and whether it is then cancelled.
type TimedOrder<'a> = (DateTime<Utc>, Vec<(&'a Item, u32)>, TillPayment, bool);

/// Yesterday: 10:00 cash Unga (210), 15:00 M-Pesa 5 × Sukuma (150), 18:00
/// cash 3 × Maziwa (180): KES 540 in 3 orders.
/// Today: 08:10 cash 2 × Unga (420), 09:30 M-Pesa 3 × Sukuma + Maziwa
/// (150), 12:45 cash Unga + 2 × Maziwa (330), 13:05 M-Pesa 4 × Sukuma
/// (120), 17:20 cash Unga (210): KES 1,230 in 5 orders; 18:40 unpaid
/// Maziwa (60); 19:10 cash 2 × Sukuma (60), then cancelled.
async fn two_days_of_orders(data_dir: &std::path::Path, today: NaiveDate) {
    let clock = ManualClock::new(local(today - Duration::days(1), 9, 0));
    let store = Store::open_with_clock(&data_dir.join("dukadesk.db"), Arc::new(clock.clone()))
        .await
        .expect("open the app's database");
    let items = stock_items(
        &store,
        &[
            ("Sukuma wiki", "30"),
            ("Unga 2kg", "210"),
            ("Maziwa 500ml", "60"),
        ],
    )
    .await;
    let item = |name: &str| -> Item {
        items
            .iter()
            .find(|i| i.name == name)
            .cloned()
            .expect("item")
    };
    let (sukuma, unga, maziwa) = (item("Sukuma wiki"), item("Unga 2kg"), item("Maziwa 500ml"));
    let yesterday = today - Duration::days(1);
    let mut code = 0;
    let mut mpesa = || {
        code += 1;
        TillPayment::MpesaReceipt(format!("QRP{code}A2B3C4"))
    };
    let orders: Vec<TimedOrder> = vec![
        (
            local(yesterday, 10, 0),
            vec![(&unga, 1)],
            TillPayment::Cash,
            false,
        ),
        (local(yesterday, 15, 0), vec![(&sukuma, 5)], mpesa(), false),
        (
            local(yesterday, 18, 0),
            vec![(&maziwa, 3)],
            TillPayment::Cash,
            false,
        ),
        (
            local(today, 8, 10),
            vec![(&unga, 2)],
            TillPayment::Cash,
            false,
        ),
        (
            local(today, 9, 30),
            vec![(&sukuma, 3), (&maziwa, 1)],
            mpesa(),
            false,
        ),
        (
            local(today, 12, 45),
            vec![(&unga, 1), (&maziwa, 2)],
            TillPayment::Cash,
            false,
        ),
        (local(today, 13, 5), vec![(&sukuma, 4)], mpesa(), false),
        (
            local(today, 17, 20),
            vec![(&unga, 1)],
            TillPayment::Cash,
            false,
        ),
        (
            local(today, 18, 40),
            vec![(&maziwa, 1)],
            TillPayment::Unpaid,
            false,
        ),
        (
            local(today, 19, 10),
            vec![(&sukuma, 2)],
            TillPayment::Cash,
            true,
        ),
    ];
    for (at, lines, payment, cancel) in orders {
        clock.advance(at - clock.now());
        let detail = store
            .create_manual_order(
                &ManualOrderInput {
                    lines: lines
                        .iter()
                        .map(|(item, qty)| ManualLineInput {
                            item_id: item.id,
                            qty: *qty,
                            label: None,
                        })
                        .collect(),
                    payment,
                    ..Default::default()
                },
                "till",
            )
            .await
            .expect("order");
        if cancel {
            store
                .apply_order_event(detail.order.id, OrderEvent::Cancel, "till")
                .await
                .expect("cancel");
        }
    }
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_show_todays_sales_against_yesterday() {
    let app = App::launch("reports").await;
    // As on the laptops shops use; the README's screenshots come from here.
    app.laptop_size().await;
    app.set_up_shop("Duka la Amina").await;
    let today = local_today(Utc::now(), OFFSET_HOURS);
    two_days_of_orders(app.data_dir(), today).await;

    app.click("#nav-reports").await;
    app.wait_text("#report-gross", "KES 1,230").await;
    app.wait_text("#report-gross", "+128% vs yesterday").await;
    app.wait_text("#report-orders", "5").await;
    app.wait_text("#report-orders", "+67% vs yesterday").await;
    app.wait_text("#report-average", "KES 246").await;
    app.wait_text("#report-average", "+37% vs yesterday").await;
    app.wait_text("#report-awaiting", "KES 60").await;
    app.wait_text("#report-awaiting", "1 order not paid yet")
        .await;
    app.wait_text("#report-cancelled", "1 after payment: KES 60 to give back")
        .await;
    app.wait_text("#report-pay-cash", "KES 960").await;
    app.wait_text("#report-pay-mpesamanual", "KES 270").await;
    app.wait_text("#report-pay-mpesaprompt", "KES 0").await;
    app.wait_text("#report-channel-till", "KES 1,230").await;
    app.wait_text("#report-top-qty li:first-child", "Sukuma wiki")
        .await;
    app.wait_text("#report-top-qty li:first-child", "7 sold")
        .await;
    app.wait_text("#report-top-revenue li:first-child", "Unga 2kg")
        .await;
    app.wait_text("#report-top-revenue li:first-child", "KES 840")
        .await;
    app.wait_text("#report-rule", "paid and not cancelled")
        .await;
    // The hour chart: today's sales at 08, 09, 12, 13 and 17 local time.
    let hours = app
        .client
        .execute(
            "return Array.from(document.querySelectorAll('#report-hours .hour')).filter(h => h.dataset.minor !== '0').map(h => h.dataset.hour + '=' + h.dataset.minor).join(' ');",
            vec![],
        )
        .await
        .expect("read the hour chart");
    assert_eq!(
        hours.as_str(),
        Some("8=42000 9=15000 12=33000 13=12000 17=21000")
    );

    app.click("#report-yesterday").await;
    app.wait_text("#report-gross", "KES 540").await;
    app.wait_text("#report-orders", "3").await;

    // Both days through the custom range (date inputs set as a person's
    // picker would, then Show).
    app.click("#report-custom").await;
    app.find("#report-range").await;
    let set = format!(
        "for (const [id, v] of [['report-from', '{}'], ['report-to', '{}']]) {{ const el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event('input', {{ bubbles: true }})); }}",
        (today - Duration::days(1)).format("%Y-%m-%d"),
        today.format("%Y-%m-%d")
    );
    app.client.execute(&set, vec![]).await.expect("pick dates");
    app.click("#report-show").await;
    app.wait_text("#report-gross", "KES 1,770").await;
    app.wait_text("#report-gross", "vs the 2 days before").await;
    app.wait_text("#report-orders", "8").await;
    app.screenshot("reports-range").await;

    // Back to today for the picture, once the welcome toast has faded.
    app.click("#report-today").await;
    app.wait_text("#report-gross", "KES 1,230").await;
    tokio::time::sleep(std::time::Duration::from_millis(3_500)).await;
    app.doc_shot("reports", "reports").await;

    // The day in one message, as the owner gets it on WhatsApp at closing
    // time: asked for with their own number, in Kiswahili.
    app.wait_text(
        "#day-summary-text",
        "Sales: KES 1,230 (5 orders; yesterday KES 540)",
    )
    .await;
    app.wait_text("#day-summary-text", "Best sellers: Unga 2kg")
        .await;
    app.wait_text("#day-summary-sending", "Not sent").await;
    app.type_into("#summary-number", "0722 000 33").await;
    app.click("#summary-save").await;
    app.find(".field-error[data-field='summary_number']").await;
    app.type_into("#summary-number", "0722 000 333").await;
    app.find("#summary-language")
        .await
        .select_by_value("sw")
        .await
        .expect("Kiswahili");
    app.click("#summary-save").await;
    app.wait_text("#day-summary-sending", "+254722000333").await;
    app.wait_text("#day-summary-sending", "once WhatsApp is linked")
        .await;
    app.wait_text("#day-summary-text", "Mauzo: KES 1,230").await;
    app.client
        .execute(
            "document.getElementById('day-summary').scrollIntoView();",
            vec![],
        )
        .await
        .expect("scroll");
    app.doc_shot("day-summary", "day-summary").await;

    // A sale made now (another till on the same file) shows up by itself
    // within the page's refresh, without touching anything.
    let store = Store::open(&app.data_dir().join("dukadesk.db"))
        .await
        .expect("open the app's database");
    let items = store.items(false).await.expect("items");
    let unga = items.iter().find(|i| i.name == "Unga 2kg").expect("unga");
    store
        .create_manual_order(
            &ManualOrderInput {
                lines: vec![ManualLineInput {
                    item_id: unga.id,
                    qty: 1,
                    label: None,
                }],
                payment: TillPayment::Cash,
                ..Default::default()
            },
            "till",
        )
        .await
        .expect("an order now");
    store.close().await;
    let refresh = std::time::Duration::from_secs(u64::from(REFRESH_SECS));
    let deadline = std::time::Instant::now() + refresh + std::time::Duration::from_secs(15);
    loop {
        let gross = match app.client.find(Locator::Css("#report-gross")).await {
            Ok(el) => el.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if gross.contains("KES 1,440") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the page did not refresh by itself: {gross}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    app.quit().await;
}
