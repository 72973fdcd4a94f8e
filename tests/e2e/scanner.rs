//! A barcode scanner at the till: codes given to items in the catalogue,
//! scans (bursts of keys ending in Enter, as a keyboard-wedge scanner types
//! them) adding items from anywhere on the till, an unknown code named, and
//! typing that must not be taken for a scan; the sale's receipt saved as a
//! PDF and printed on
//! a loopback network printer (test page, printing by itself on payment,
//! `r`, paper out), a stray advance undone, and the day closed with a
//! cash-up whose Z report prints; packs weighed on the shop's scale.

use crate::harness::{key, App};
use dukadesk_core::Store;
use dukadesk_domain::ipc::OrderQuery;
use dukadesk_domain::Country;
use dukadesk_sims::printer::LoopbackPrinter;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use std::time::Duration;

const UNGA: &str = "6161101660013";
const MAZIWA: &str = "5000112637922";
const SUKARI: &str = "4006381333931";

/// Types `text` the way a person does: 120 ms between keys, then Enter.
async fn type_slowly(app: &App, text: &str) {
    let mut keys = KeyActions::new("person".into());
    for ch in text.chars().chain(std::iter::once('\u{E007}')) {
        keys = keys
            .then(KeyAction::Down { value: ch })
            .then(KeyAction::Up { value: ch })
            .pause(Duration::from_millis(120));
    }
    app.client
        .perform_actions(keys)
        .await
        .expect("typing slowly");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scanned_items_are_sold_for_cash_and_typing_is_not_a_scan() {
    let app = App::launch("scanner").await;
    app.laptop_size().await;
    app.set_up_shop("Duka la Mama").await;

    // Barcodes are given in the catalogue; a code that is too short is
    // refused beside its field, and one code belongs to one item.
    app.click("#nav-catalogue").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Unga 2kg").await;
    app.type_into("#item-price", "210").await;
    app.type_into("#item-barcode", "12").await;
    app.click("#item-save").await;
    app.find(".field-error[data-field=barcode]").await;
    app.type_into("#item-barcode", UNGA).await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Unga 2kg").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Maziwa 500ml").await;
    app.type_into("#item-price", "60").await;
    app.type_into("#item-barcode", UNGA).await;
    app.click("#item-save").await;
    app.wait_text(".field-error[data-field=barcode]", "already on Unga 2kg")
        .await;
    app.type_into("#item-barcode", MAZIWA).await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Maziwa 500ml").await;
    // One item whose code was never scanned.
    app.click("#new-item").await;
    app.type_into("#item-name", "Sukari 1kg").await;
    app.type_into("#item-price", "150").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Sukari 1kg").await;

    // The till's receipt printer: a network printer on this machine. The
    // test page prints before anything is saved.
    let printer = LoopbackPrinter::start().await.expect("printer");
    app.open_settings("computer").await;
    app.find("#printer-kind")
        .await
        .select_by_value("network")
        .await
        .expect("network printer");
    app.type_into("#printer-address", "192.168.1.50:abc").await;
    app.click("#printer-test").await;
    app.wait_text(".field-error[data-field=address]", "port number")
        .await;
    app.type_into("#printer-address", &printer.addr().to_string())
        .await;
    app.find("#printer-width")
        .await
        .select_by_value("58")
        .await
        .expect("58 mm");
    app.click("#printer-test").await;
    app.wait_text("#printer-tested", "Test page sent").await;
    let test_page = String::from_utf8_lossy(&printer.wait_for_jobs(1).await[0]).into_owned();
    assert!(test_page.contains("Printer test page"), "{test_page}");
    app.click("#printer-auto").await;
    app.click("#printer-drawer").await;
    app.doc_shot("00-printer", "printer-settings").await;
    app.click("#printer-save").await;
    app.wait_text(".toasts", "Printer settings saved").await;

    // At the till with nothing focused, a scan opens a new order with the
    // item; the same code again is a second unit.
    app.click("#nav-till").await;
    app.find("#order-search").await;
    // A digit typed by a person still picks its status filter.
    app.keys("4").await;
    app.find("#filter-paid[aria-pressed=true]").await;
    app.keys("0").await;
    app.find("#filter-all[aria-pressed=true]").await;
    app.keys(&format!("{UNGA}{}", key::ENTER)).await;
    app.wait_text("#order-form", "Unga 2kg").await;
    app.keys(&format!("{UNGA}{}", key::ENTER)).await;
    app.wait_text("#order-form", "KES 420").await;

    // A scan while typing in another field adds the item and leaves the
    // field as it was.
    app.click("#order-phone").await;
    app.keys(&format!("{MAZIWA}{}", key::ENTER)).await;
    app.wait_text("#order-form", "Maziwa 500ml").await;
    app.wait_text("#order-form", "KES 480").await;
    let phone = app
        .find("#order-phone")
        .await
        .prop("value")
        .await
        .expect("phone value")
        .unwrap_or_default();
    assert_eq!(phone, "", "the scan's digits were taken back out");

    // A code no item has is named, and nothing is added; it is given to
    // the item it belongs to without leaving the order.
    app.keys(&format!("{SUKARI}{}", key::ENTER)).await;
    app.wait_text("#order-unknown-barcode", SUKARI).await;
    app.wait_text("#order-form", "KES 480").await;
    app.screenshot("01-unknown").await;
    // The scans' digits picked no status filter.
    let pressed = app
        .find("#filter-all")
        .await
        .attr("aria-pressed")
        .await
        .expect("attribute");
    assert_eq!(
        pressed.as_deref(),
        Some("true"),
        "a scan changed the filter"
    );
    app.find("#order-barcode-item")
        .await
        .select_by_label("Sukari 1kg")
        .await
        .expect("choose the item");
    app.click("#order-barcode-assign").await;
    app.wait_text("#order-form", "Sukari 1kg").await;
    app.wait_text("#order-form", "KES 630").await;
    app.wait_gone("#order-unknown-barcode").await;
    // Known from now on: the next scan of it is a second unit.
    app.keys(&format!("{SUKARI}{}", key::ENTER)).await;
    app.wait_text("#order-form", "KES 780").await;

    // Typed at a person's pace, "unga" then Enter is a search, not a scan:
    // the match is added and no unknown barcode "unga" is reported.
    app.click("#order-item-search").await;
    type_slowly(&app, "unga").await;
    app.wait_text("#order-form", "KES 990").await;
    assert!(
        app.absent("#order-unknown-barcode").await,
        "typing taken for a scan"
    );

    // Sold for cash, with the change.
    app.find("#order-payment")
        .await
        .select_by_value("cash")
        .await
        .expect("choose cash");
    app.type_into("#order-tendered", "1000").await;
    app.wait_text("#order-change", "Change: KES 10").await;
    app.doc_shot("02-cash", "scanned-sale-cash").await;
    app.click("#order-submit").await;
    app.wait_text("#order-status", "Paid").await;
    app.wait_text("#change-due", "Change to give: KES 10").await;

    // Paid at this till: the receipt printed by itself, 58 mm, the drawer
    // kicked for cash.
    let jobs = printer.wait_for_jobs(2).await;
    let receipt = String::from_utf8_lossy(&jobs[1]).into_owned();
    for text in [
        "Duka la Mama",
        "3 x Unga 2kg",
        "1 x Maziwa 500ml",
        "2 x Sukari 1kg",
        "TOTAL",
        "KES 990",
        "Cash",
    ] {
        assert!(receipt.contains(text), "{text} missing from {receipt}");
    }
    assert!(
        jobs[1].windows(5).any(|w| w == [0x1B, b'p', 0, 25, 250]),
        "drawer kick"
    );
    app.wait_text(".toasts", "printed on").await;
    // The same receipt as a PDF, saved (where the dialog would ask).
    app.click("#save-receipt-pdf").await;
    let pdf = app.saved("receipt-1001.pdf").await;
    assert!(pdf.starts_with(b"%PDF-1.4"));
    let text = String::from_utf8_lossy(&pdf);
    for words in ["Duka la Mama", "3 x Unga 2kg", "KES 990"] {
        assert!(text.contains(words), "{words} missing from the PDF");
    }
    app.wait_text(".toasts", "receipt-1001.pdf").await;
    // `r` prints it again; with the paper out it says so, and the order is
    // as it was.
    app.keys("r").await;
    printer.wait_for_jobs(3).await;
    printer.set_paper_out(true);
    app.keys("r").await;
    app.wait_text(".till-page .banner.error", "out of paper")
        .await;
    app.wait_text("#order-status", "Paid").await;
    app.doc_shot("03-paper-out", "printer-paper-out").await;
    printer.set_paper_out(false);

    // A stray `a` is held behind the undo bar; Ctrl+Z drops it unsent.
    app.keys("a").await;
    app.find("#undo-bar").await;
    app.keys(key::CTRL_Z).await;
    app.wait_gone("#undo-bar").await;
    app.wait_text("#order-status", "Paid").await;

    // The day closes with a cash-up: the till took KES 990 in cash; the
    // clerk counts KES 980 with no float, 10 short, and prints the Z report.
    app.click("#nav-reports").await;
    app.click("#cash-up-open").await;
    app.wait_text("#cash-up-cash", "KES 990").await;
    app.wait_text("#cash-up-payments", "1").await;
    app.type_into("#cash-up-counted", "980").await;
    app.wait_text("#cash-up-balance", "Short by KES 10").await;
    app.type_into("#cash-up-note", "Change given twice").await;
    app.doc_shot("04-cash-up", "cash-up").await;
    app.click("#cash-up-save").await;
    app.wait_text("#cash-up-result", "Short by KES 10").await;
    app.wait_text("#cash-ups", "Short by KES 10").await;
    app.click("#cash-up-print").await;
    let jobs = printer.wait_for_jobs(4).await;
    let z = String::from_utf8_lossy(&jobs[3]).into_owned();
    for text in [
        "Cash-up (Z report)",
        "KES 990",
        "KES 980",
        "SHORT",
        "Change given twice",
    ] {
        assert!(z.contains(text), "{text} missing from {z}");
    }

    let data_dir = app.quit().await;
    let store = Store::open(&data_dir.path().join("dukadesk.db"))
        .await
        .expect("store");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders.len(), 1, "one order");
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    let lines: Vec<(String, u32)> = detail
        .order
        .lines
        .iter()
        .map(|l| (l.name.clone(), l.qty))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("Unga 2kg".to_owned(), 3),
            ("Maziwa 500ml".to_owned(), 1),
            ("Sukari 1kg".to_owned(), 2)
        ]
    );
    let items = store.items(false).await.expect("items");
    let code = |name: &str| {
        items
            .iter()
            .find(|i| i.name == name)
            .and_then(|i| i.barcode.clone())
    };
    assert_eq!(code("Unga 2kg").as_deref(), Some(UNGA));
    assert_eq!(code("Maziwa 500ml").as_deref(), Some(MAZIWA));
    assert_eq!(code("Sukari 1kg").as_deref(), Some(SUKARI));
    let cash_ups = store.cash_ups(10).await.expect("cash-ups");
    assert_eq!(cash_ups.len(), 1);
    assert_eq!(cash_ups[0].cash_sales.to_string(), "KES 990");
    assert_eq!(cash_ups[0].counted.to_string(), "KES 980");
    assert_eq!(cash_ups[0].note, "Change given twice");
}

/// Packs weighed on the shop's scale: the label (20-29, the item's scale
/// code, the weight) adds a line of its own priced by weight.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scale_labels_add_weighed_packs() {
    let app = App::launch("scale").await;
    app.set_up_shop("Duka la Mama").await;
    app.click("#nav-catalogue").await;
    app.click("#new-item").await;
    app.type_into("#item-name", "Tomatoes (per kg)").await;
    app.type_into("#item-price", "120").await;
    app.type_into("#item-barcode", "2001234").await;
    app.click("#item-save").await;
    app.wait_text(".item-list", "Tomatoes").await;
    // The scale prints the weight in grams.
    app.open_settings("computer").await;
    app.find("#scale-labels")
        .await
        .select_by_value("weight_grams")
        .await
        .expect("weight labels");
    app.click("#printer-save").await;
    app.wait_text(".toasts", "Printer settings saved").await;

    app.click("#nav-till").await;
    app.find("#order-search").await;
    // 1.250 kg, then 0.500 kg: two lines at KES 150 and KES 60.
    app.keys(&format!("2001234012508{}", key::ENTER)).await;
    app.wait_text("#order-form", "Tomatoes (per kg) 1.250 kg")
        .await;
    app.keys(&format!("2001234005005{}", key::ENTER)).await;
    app.wait_text("#order-form", "Tomatoes (per kg) 0.500 kg")
        .await;
    app.wait_text("#order-form", "KES 210").await;
    // A label with a wrong check digit is not read as a pack.
    app.keys(&format!("2001234005006{}", key::ENTER)).await;
    app.wait_text("#order-unknown-barcode", "2001234005006")
        .await;
    app.wait_text("#order-form", "KES 210").await;
    app.find("#order-payment")
        .await
        .select_by_value("cash")
        .await
        .expect("choose cash");
    app.click("#order-submit").await;
    app.wait_text("#order-status", "Paid").await;
    app.wait_text(".detail", "KES 210").await;

    let data_dir = app.quit().await;
    let store = Store::open(&data_dir.path().join("dukadesk.db"))
        .await
        .expect("store");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    let lines: Vec<(String, i64)> = detail
        .order
        .lines
        .iter()
        .map(|l| (l.name.clone(), l.total.minor))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("Tomatoes (per kg) 1.250 kg".to_owned(), 15_000),
            ("Tomatoes (per kg) 0.500 kg".to_owned(), 6_000)
        ]
    );
}
