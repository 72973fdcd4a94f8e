use super::receipt_pdf;
use crate::payments::ProviderOutcome;
use crate::store::testing::holds as contains;
use crate::store::testing::{chat_to_payment, shop_store};
use dukadesk_domain::ipc::OrderQuery;
use dukadesk_domain::receipt::Receipt;
use dukadesk_domain::Country;

#[tokio::test]
async fn a_paid_order_becomes_a_one_page_pdf_with_its_lines_total_and_mpesa_code() {
    let (_dir, store) = shop_store().await;
    let (_chat, payment) = chat_to_payment(&store, "254712345678").await;
    store
        .apply_payment_outcome(
            payment,
            ProviderOutcome::Paid {
                receipt: Some("QFT4ABC12X".into()),
            },
        )
        .await
        .expect("paid");
    let orders = store
        .list_orders(&OrderQuery::default(), Country::Kenya)
        .await
        .expect("orders");
    let detail = store.order_detail(orders[0].id).await.expect("detail");
    let mut shop = store.require_shop().await.expect("shop");
    shop.name = "Mama (Mboga) \u{1F96C}".into();
    let pdf = receipt_pdf(&Receipt::of(&shop, &detail, None));
    assert!(pdf.starts_with(b"%PDF-1.4\n"));
    assert!(pdf.ends_with(b"%%EOF\n"));
    assert!(contains(&pdf, b"/Count 1"), "one page");
    // Parentheses escaped, an emoji the standard fonts lack shown as '?'.
    assert!(contains(&pdf, b"Mama \\(Mboga\\) ?)"));
    // The same rows as the printed receipt, in Courier.
    assert!(contains(&pdf, b"/BaseFont /Courier "));
    assert!(contains(&pdf, b"M-Pesa QFT4ABC12X"));
    assert!(contains(&pdf, b"2 x Sukuma wiki"));
    assert!(contains(&pdf, b"QFT4ABC12X"));
    assert!(contains(&pdf, detail.order.total.to_string().as_bytes()));
    assert!(contains(&pdf, detail.order.display_number().as_bytes()));
    // The cross-reference table points at each object.
    let tail = pdf
        .windows(10)
        .rposition(|w| w == b"startxref\n")
        .expect("startxref");
    let startxref: usize = std::str::from_utf8(&pdf[tail + 10..])
        .expect("ascii tail")
        .lines()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("offset");
    let table = std::str::from_utf8(&pdf[startxref..]).expect("ascii table");
    assert!(table.starts_with("xref\n0 7\n"));
    for (i, line) in table.lines().skip(3).take(6).enumerate() {
        let offset: usize = line[..10].parse().expect("offset");
        assert!(
            pdf[offset..].starts_with(format!("{} 0 obj", i + 1).as_bytes()),
            "object {} is where the table says",
            i + 1
        );
    }
}
