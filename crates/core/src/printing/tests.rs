use super::escpos::{receipt as receipt_bytes, test_page};
use super::{send, PrintError};
use crate::store::testing::{sample_order, shop_store};
use chrono::NaiveDate;
use dukadesk_domain::ipc::OrderQuery;
use dukadesk_domain::receipt::{
    PaperWidth, PrinterConnection, PrinterSettings, Receipt, ReceiptLine, ReceiptPayment,
};
use dukadesk_domain::{Country, Currency, Money};
use dukadesk_sims::printer::LoopbackPrinter;

fn kes(major: i64) -> Money {
    Money::from_major(major, Currency::KES)
}

/// A known cash sale: two lines, one with an accent, paid in cash, served
/// by Amina, with the shop's link.
fn known() -> Receipt {
    Receipt {
        shop_name: "Mama Mboga".into(),
        order_number: 1042,
        at: NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_opt(14, 5, 0))
            .expect("date"),
        lines: vec![
            ReceiptLine {
                qty: 3,
                name: "Unga 2kg".into(),
                unit_price: kes(150),
                total: kes(450),
            },
            ReceiptLine {
                qty: 1,
                name: "Café Touba".into(),
                unit_price: kes(60),
                total: kes(60),
            },
        ],
        subtotal: kes(510),
        delivery_fee: kes(0),
        total: kes(510),
        payments: vec![ReceiptPayment {
            how: "Cash".into(),
            amount: kes(510),
            code: None,
        }],
        refunds: Vec::new(),
        paid: true,
        served_by: Some("Amina".into()),
        link: Some("https://wa.me/254712345678?text=mama-mboga".into()),
        tax: None,
    }
}

#[test]
fn a_known_sale_s_bytes_on_an_80_mm_roll() {
    let bytes = receipt_bytes(&known(), PaperWidth::Mm80, true).expect("bytes");
    // ESC @, then code page Windows-1252 (ESC t 16), then the drawer kick
    // with both of its pulse timings (ESC p 0 t1 t2).
    assert!(bytes.starts_with(&[0x1B, 0x40, 0x1B, 0x74, 16, 0x1B, 0x70, 0, 25, 250]));
    // 'é' is 0xE9 in Windows-1252; a rule is ASCII hyphens.
    let cafe: &[u8] = b"Caf\xe9 Touba";
    assert!(bytes.windows(cafe.len()).any(|w| w == cafe));
    assert!(bytes.windows(48).any(|w| w == [b'-'; 48]));
    insta::assert_snapshot!(readable(&bytes));
}

/// Arabic, which the code page lacks, is drawn as an image with this
/// computer's fonts: the shop's name centred, an Arabic line from the
/// right; the rows the code page has stay text. (Not under Wine: its
/// Windows has no Arabic font.)
#[cfg(not(windows))]
#[test]
fn rows_the_code_page_lacks_print_as_images() {
    let mut r = known();
    r.shop_name = "بقالة الحي".into();
    r.lines[1].name = "خبز".into();
    r.link = None;
    let bytes = receipt_bytes(&r, PaperWidth::Mm58, false).expect("bytes");
    let images = bytes
        .windows(4)
        .filter(|w| *w == [0x1D, b'v', b'0', 0])
        .count();
    assert_eq!(images, 2, "the name and the Arabic line");
    // Outside the images, nothing was lost as '?'.
    let mut text = Vec::new();
    let mut rest = &bytes[..];
    while let Some(at) = rest.windows(4).position(|w| w == [0x1D, b'v', b'0', 0]) {
        text.extend_from_slice(&rest[..at]);
        let stride = u16::from_le_bytes([rest[at + 4], rest[at + 5]]) as usize;
        let height = u16::from_le_bytes([rest[at + 6], rest[at + 7]]) as usize;
        rest = &rest[at + 8 + stride * height..];
    }
    text.extend_from_slice(rest);
    assert!(!text.contains(&b'?'), "{}", readable(&text));
    for text in [&b"Unga 2kg"[..], b"TOTAL", b"Served by Amina"] {
        assert!(
            bytes.windows(text.len()).any(|w| w == text),
            "{}",
            String::from_utf8_lossy(text)
        );
    }
    // The name: as wide as the roll, large, with ink on both sides of the
    // middle (centred).
    let (width, height, dot) = super::raster::read(&bytes).expect("an image");
    if let Ok(keep) = std::env::var("DUKADESK_KEEP_RASTER") {
        // A plain PBM of the name, to look at.
        let mut pbm = format!("P1\n{width} {height}\n");
        for y in 0..height {
            for x in 0..width {
                pbm.push(if dot(x, y) { '1' } else { '0' });
            }
            pbm.push('\n');
        }
        std::fs::write(keep, pbm).expect("kept");
    }
    assert_eq!(width, 384);
    assert!(height >= 44, "large: {height} dots");
    let ink = |xs: std::ops::Range<usize>| {
        xs.flat_map(|x| (0..height).map(move |y| (x, y)))
            .filter(|&(x, y)| dot(x, y))
            .count()
    };
    assert!(ink(0..192) > 20 && ink(192..384) > 20, "centred");
    assert_eq!(ink(0..40) + ink(344..384), 0, "margins left white");
}

#[test]
fn a_known_sale_s_bytes_on_a_58_mm_roll() {
    let bytes = receipt_bytes(&known(), PaperWidth::Mm58, false).expect("bytes");
    assert!(
        !bytes.windows(2).any(|w| w == [0x1B, 0x70]),
        "no drawer kick"
    );
    insta::assert_snapshot!(readable(&bytes));
}

fn network(printer: &LoopbackPrinter) -> PrinterConnection {
    PrinterConnection::Network {
        address: printer.addr().to_string(),
    }
}

#[tokio::test]
async fn a_receipt_reaches_a_network_printer_whole() {
    let printer = LoopbackPrinter::start().await.expect("printer");
    let bytes = receipt_bytes(&known(), PaperWidth::Mm80, true).expect("bytes");
    send(&network(&printer), bytes.clone())
        .await
        .expect("printed");
    let jobs = printer.wait_for_jobs(1).await;
    assert_eq!(jobs, vec![bytes]);
}

#[tokio::test]
async fn a_printer_out_of_paper_is_told_before_anything_is_sent() {
    let printer = LoopbackPrinter::start().await.expect("printer");
    printer.set_paper_out(true);
    let bytes = receipt_bytes(&known(), PaperWidth::Mm58, false).expect("bytes");
    let err = send(&network(&printer), bytes.clone())
        .await
        .expect_err("paper out");
    assert!(matches!(err, PrintError::PaperOut { .. }), "{err:?}");
    assert!(err.to_string().contains("out of paper"), "{err}");
    // A new roll, and the same job prints.
    printer.set_paper_out(false);
    send(&network(&printer), bytes.clone())
        .await
        .expect("printed");
    assert_eq!(printer.wait_for_jobs(1).await, vec![bytes]);
}

#[tokio::test]
async fn a_printer_that_never_reports_status_still_prints() {
    let printer = LoopbackPrinter::start().await.expect("printer");
    printer.set_silent(true);
    let at = NaiveDate::from_ymd_opt(2026, 12, 5)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("date");
    let bytes = test_page(PaperWidth::Mm58, "test", at).expect("bytes");
    send(&network(&printer), bytes.clone())
        .await
        .expect("printed");
    assert_eq!(printer.wait_for_jobs(1).await, vec![bytes]);
}

#[tokio::test]
async fn no_printer_there_is_a_plain_message() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let err = send(
        &PrinterConnection::Network {
            address: format!("127.0.0.1:{port}"),
        },
        b"x".to_vec(),
    )
    .await
    .expect_err("nobody there");
    assert!(matches!(err, PrintError::Unreachable { .. }), "{err:?}");
    assert!(err.to_string().contains("switched on"), "{err}");
    let err = send(&PrinterConnection::None, b"x".to_vec())
        .await
        .expect_err("none");
    assert!(matches!(err, PrintError::NotSetUp));
}

#[tokio::test]
async fn a_device_path_gets_the_bytes_and_a_missing_one_says_what_to_check() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("lp0");
    std::fs::write(&path, b"").expect("device");
    let bytes = receipt_bytes(&known(), PaperWidth::Mm58, false).expect("bytes");
    send(
        &PrinterConnection::Device {
            path: path.display().to_string(),
        },
        bytes.clone(),
    )
    .await
    .expect("printed");
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
    let err = send(
        &PrinterConnection::Device {
            path: dir.path().join("no-such-port").display().to_string(),
        },
        bytes,
    )
    .await
    .expect_err("missing");
    assert!(err.to_string().contains("Check the cable"), "{err}");
}

#[tokio::test]
async fn settings_are_checked_and_kept_and_a_failed_print_changes_nothing() {
    let (_dir, store) = shop_store().await;
    assert_eq!(
        store.printer_settings().await.expect("settings"),
        PrinterSettings::default()
    );
    let bad = PrinterSettings {
        connection: PrinterConnection::Network {
            address: "192.168.1.50:abc".into(),
        },
        ..PrinterSettings::default()
    };
    match store.save_printer_settings(&bad).await {
        Err(crate::store::StoreError::Invalid(fields)) => assert_eq!(fields[0].field, "address"),
        other => panic!("refused: {other:?}"),
    }
    let printer = LoopbackPrinter::start().await.expect("printer");
    let good = PrinterSettings {
        connection: network(&printer),
        width: PaperWidth::Mm58,
        auto_print: true,
        cash_drawer: true,
        scale_labels: dukadesk_domain::barcode::ScaleLabels::WeightGrams,
    };
    store.save_printer_settings(&good).await.expect("saved");
    assert_eq!(store.printer_settings().await.expect("settings"), good);

    // A real order's receipt, printed; then the paper runs out and the
    // order is the same as before the failed print.
    let items = store.items(false).await.expect("items");
    let made = store
        .create_manual_order(&sample_order(&items), "Amina")
        .await
        .expect("order");
    let receipt = store.receipt(made.order.id, None).await.expect("receipt");
    assert_eq!(receipt.served_by.as_deref(), Some("Amina"));
    assert!(receipt.paid && receipt.has_cash());
    let bytes = receipt_bytes(&receipt, good.width, true).expect("bytes");
    send(&good.connection, bytes).await.expect("printed");
    let job = &printer.wait_for_jobs(1).await[0];
    let text = String::from_utf8_lossy(job);
    assert!(text.contains("Unga 2kg"), "{text}");
    assert!(text.contains("Served by Amina"), "{text}");
    assert!(text.contains(&format!("Order #{}", made.order.number)));

    printer.set_paper_out(true);
    let before = store.order_detail(made.order.id).await.expect("before");
    let bytes = receipt_bytes(&receipt, good.width, true).expect("bytes");
    assert!(send(&good.connection, bytes).await.is_err());
    assert_eq!(
        store.order_detail(made.order.id).await.expect("after"),
        before
    );
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    assert_eq!(orders.len(), 1);
}

/// The bytes made readable for golden files: printable ASCII as is,
/// anything else as `<1B>`, a new line after each line feed (`LF` or
/// `ESC d n`).
pub fn readable(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            0x20..=0x7e if b != b'<' => out.push(b as char),
            _ => out.push_str(&format!("<{b:02X}>")),
        }
        let esc_d = i >= 2 && bytes[i - 2] == 0x1B && bytes[i - 1] == b'd';
        if b == b'\n' || esc_d {
            out.push('\n');
        }
    }
    out
}
