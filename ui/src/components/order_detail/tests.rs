use super::*;
use crate::i18n::set_language;
use chrono::{TimeZone, Utc};
use dukadesk_domain::customer::Language;
use uuid::Uuid;

fn order(n: u128) -> OrderId {
    OrderId(Uuid::from_u128(n))
}

fn row(number: i64, credit_note_for: Option<i64>, state: TaxInvoiceState) -> TaxInvoiceRow {
    TaxInvoiceRow {
        number,
        order_id: order(7),
        order_number: 1042,
        credit_note_for,
        state,
        reason: Some("KRA did not answer.".into()),
        total_minor: 125_000,
        tax_minor: Some(17_241),
        receipt_no: None,
        internal_data: None,
        signature: None,
        verify_url: None,
        sold_at: Utc.with_ymd_and_hms(2025, 3, 12, 11, 5, 0).unwrap(),
        buyer_pin: None,
    }
}

#[test]
fn a_signed_invoice_names_kras_receipt() {
    set_language(Language::En);
    let mut signed = row(17, None, TaxInvoiceState::Signed);
    signed.receipt_no = Some(904);
    assert_eq!(
        tax_invoice_lines(&signed),
        TaxInvoiceLines {
            title: "Tax invoice 17".into(),
            state: "Signed by KRA".into(),
            detail: Some("KRA receipt 904".into()),
            signed: true,
        }
    );
    signed.receipt_no = None;
    assert_eq!(
        tax_invoice_lines(&signed).detail,
        None,
        "no receipt: nothing more, not the note"
    );
}

#[test]
fn a_waiting_one_says_why_and_a_credit_note_names_its_invoice() {
    set_language(Language::En);
    for state in [TaxInvoiceState::Queued, TaxInvoiceState::Sending] {
        let lines = tax_invoice_lines(&row(18, Some(17), state));
        assert_eq!(lines.title, "Credit note 18 for invoice 17");
        assert_eq!(lines.state, "Waiting for KRA");
        assert_eq!(lines.detail.as_deref(), Some("KRA did not answer."));
        assert!(!lines.signed);
    }
    let mut queued = row(19, None, TaxInvoiceState::Queued);
    queued.reason = Some("  ".into());
    assert_eq!(tax_invoice_lines(&queued).detail, None);
    queued.reason = None;
    assert_eq!(tax_invoice_lines(&queued).detail, None);
}

#[test]
fn the_settings_note_shows_only_while_one_is_not_signed() {
    let signed = row(17, None, TaxInvoiceState::Signed);
    let queued = row(18, Some(17), TaxInvoiceState::Queued);
    assert!(!any_unsigned(&[]));
    assert!(!any_unsigned(std::slice::from_ref(&signed)));
    assert!(any_unsigned(&[signed, queued]));
}

#[test]
fn a_late_answer_for_another_order_or_an_older_ask_is_dropped() {
    let (a, b) = (order(1), order(2));
    let mut s = OrderTaxState::default();
    assert!(s.rows_for(a).is_empty(), "nothing while loading");

    s.apply(OrderTaxAction::Asked(a, 0));
    s.apply(OrderTaxAction::Asked(b, 0));
    s.apply(OrderTaxAction::Answered(
        b,
        0,
        vec![row(2, None, TaxInvoiceState::Signed)],
    ));
    // A's answer comes last: it is not B's.
    s.apply(OrderTaxAction::Answered(
        a,
        0,
        vec![row(1, None, TaxInvoiceState::Queued)],
    ));
    assert_eq!(s.rows_for(b).len(), 1);
    assert_eq!(s.rows_for(b)[0].number, 2);
    assert!(s.rows_for(a).is_empty(), "only the order asked for shows");

    // A refresh keeps the rows until its answer, and an older one is dropped.
    s.apply(OrderTaxAction::Asked(b, 1));
    assert_eq!(s.rows_for(b).len(), 1);
    s.apply(OrderTaxAction::Answered(b, 0, Vec::new()));
    assert_eq!(s.rows_for(b).len(), 1);
    s.apply(OrderTaxAction::Answered(
        b,
        1,
        vec![
            row(2, None, TaxInvoiceState::Signed),
            row(3, Some(2), TaxInvoiceState::Queued),
        ],
    ));
    assert_eq!(s.rows_for(b).len(), 2);

    // Back to A: B's rows go at once.
    s.apply(OrderTaxAction::Asked(a, 1));
    assert!(s.rows_for(a).is_empty());
    assert!(s.rows_for(b).is_empty());
}

#[test]
fn the_invoice_that_stands_is_the_latest_sale_not_credited() {
    let signed = TaxInvoiceState::Signed;
    assert_eq!(standing_sale(&[]), None);
    let one = [row(4, None, signed)];
    assert_eq!(standing_sale(&one).map(|r| r.number), Some(4));
    // Issued again to a buyer's PIN: 4 credited by 5, 6 stands.
    let again = [
        row(4, None, signed),
        row(5, Some(4), signed),
        row(6, None, TaxInvoiceState::Queued),
    ];
    assert_eq!(standing_sale(&again).map(|r| r.number), Some(6));
    // Then cancelled: nothing stands.
    let cancelled = [
        row(4, None, signed),
        row(5, Some(4), signed),
        row(6, None, signed),
        row(7, Some(6), TaxInvoiceState::Queued),
    ];
    assert_eq!(standing_sale(&cancelled), None);
}
