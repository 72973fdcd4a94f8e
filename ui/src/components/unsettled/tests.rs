use super::*;
use dukadesk_domain::ipc::{ErrorCode, FieldError};
use dukadesk_domain::{Currency, Money, OrderId};
use uuid::Uuid;

fn pid(n: u128) -> PaymentId {
    PaymentId(Uuid::from_u128(n))
}

fn attempt(n: u128) -> UnsettledPayment {
    UnsettledPayment {
        id: pid(n),
        order_id: OrderId(Uuid::from_u128(100 + n)),
        order_number: 1040 + n as i64,
        amount: Money::from_major(250, Currency::KES),
        phone: "0712 345 678".into(),
        provider_ref: Some("ws_CO_123".into()),
        created_at: Default::default(),
        by_hand: false,
    }
}

fn with(ids: &[u128]) -> UnsettledState {
    let mut s = UnsettledState::default();
    s.loaded(ids.iter().map(|n| attempt(*n)).collect());
    s
}

#[test]
fn the_strip_counts_and_hides_when_nothing_waits() {
    assert_eq!(strip_text(0), None);
    assert_eq!(
        strip_text(1).as_deref(),
        Some("1 M-Pesa payment needs checking")
    );
    assert_eq!(
        strip_text(3).as_deref(),
        Some("3 M-Pesa payments need checking")
    );
}

#[test]
fn the_toast_names_the_order_and_the_verdict() {
    assert_eq!(settled_text(1042, true), "#1042 marked paid.");
    assert_eq!(settled_text(1042, false), "#1042 marked not paid.");
}

#[test]
fn money_arrived_needs_a_code_or_a_reason_and_a_typed_code_is_checked() {
    let none = settle_request(pid(1), true, ("  ", " "), false).unwrap_err();
    assert!(none.contains("say below why"), "{none}");
    let why = settle_request(pid(1), true, ("", " statement not out yet "), false).unwrap();
    assert_eq!(
        (why.receipt.as_str(), why.no_code_reason.as_str()),
        ("", "statement not out yet")
    );
    assert!(why.paid);
    let code = settle_request(pid(1), true, (" qft4abc12x ", "ignored"), false).unwrap();
    assert_eq!(code.receipt, "QFT4ABC12X");
    assert_eq!(code.no_code_reason, "", "a code needs no reason");
    assert!(settle_request(pid(1), true, ("QFT4", ""), false).is_err());
    // Money sent by hand is only ever confirmed against its code.
    assert!(settle_request(pid(1), true, ("", "a reason"), true).is_err());
}

#[test]
fn not_paid_never_sends_or_checks_a_receipt() {
    let req = settle_request(pid(1), false, ("QFT4", "why"), false).unwrap();
    assert!(!req.paid);
    assert_eq!(req.receipt, "");
    assert_eq!(req.no_code_reason, "");
}

#[test]
fn a_bad_receipt_stays_beside_its_row_until_edited() {
    let mut s = with(&[1, 2]);
    s.set_receipt(pid(1), "bad".into());
    let message = s.request(pid(1), true).unwrap_err();
    s.invalid(pid(1), message);
    assert!(s.errors.contains_key(&pid(1)));
    assert!(!s.errors.contains_key(&pid(2)));
    s.set_receipt(pid(1), "QFT4ABC12X".into());
    assert!(s.errors.is_empty());
    assert_eq!(s.request(pid(1), true).unwrap().receipt, "QFT4ABC12X");
}

#[test]
fn a_receipt_error_from_the_shell_goes_to_the_row_others_to_the_banner() {
    let mut s = with(&[1]);
    s.started(pid(1));
    assert_eq!(s.busy, Some(pid(1)));
    s.failed(
        pid(1),
        IpcError::invalid(vec![FieldError::new("receipt", "Already used.")]),
    );
    assert_eq!(s.busy, None);
    assert_eq!(
        s.errors.get(&pid(1)).map(String::as_str),
        Some("Already used.")
    );
    assert_eq!(s.error, None);

    s.failed(
        pid(1),
        IpcError::new(ErrorCode::Conflict, "Already settled."),
    );
    assert_eq!(s.error.as_deref(), Some("Already settled."));
}

#[test]
fn not_paid_asks_first_and_escape_aborts() {
    let mut s = with(&[1, 2]);
    s.ask_unpaid(pid(2));
    assert_eq!(s.confirming, Some(pid(2)));
    s.abort_unpaid();
    assert_eq!(s.confirming, None);
    s.ask_unpaid(pid(9));
    assert_eq!(s.confirming, None, "no row, no question");
    s.started(pid(1));
    s.ask_unpaid(pid(2));
    assert_eq!(s.confirming, None, "not while another is in flight");
}

#[test]
fn the_refreshed_list_drops_settled_rows_and_their_input() {
    let mut s = with(&[1, 2]);
    s.set_receipt(pid(1), "QFT4ABC12X".into());
    s.ask_unpaid(pid(1));
    s.started(pid(1));
    s.settled(vec![attempt(2)]);
    assert_eq!(s.busy, None);
    assert_eq!(s.list.len(), 1);
    assert!(s.receipts.is_empty());
    assert_eq!(s.confirming, None);
}

#[test]
fn the_panel_opens_only_when_something_waits() {
    let mut s = UnsettledState::default();
    s.open();
    assert!(!s.open);
    s.loaded(vec![attempt(1)]);
    s.open();
    assert!(s.open);
    s.ask_unpaid(pid(1));
    s.close();
    assert!(!s.open);
    assert_eq!(s.confirming, None);
}

#[test]
fn a_payment_by_hand_shows_the_customers_code_and_needs_one_to_be_paid() {
    let mut claimed = attempt(1);
    claimed.by_hand = true;
    claimed.provider_ref = Some("QGH4ABC12X".into());
    let mut waiting = attempt(2);
    waiting.by_hand = true;
    waiting.provider_ref = None;
    let mut s = UnsettledState::default();
    s.loaded(vec![claimed, waiting]);
    assert_eq!(s.receipt(pid(1)), "QGH4ABC12X");
    assert_eq!(s.request(pid(1), true).unwrap().receipt, "QGH4ABC12X");
    assert!(s.request(pid(2), true).is_err(), "no code, not paid");
    assert!(s.request(pid(2), false).is_ok(), "not paid needs no code");
    // Staff may correct the code the customer sent.
    s.set_receipt(pid(1), "QGH4ABC12Y".into());
    assert_eq!(s.request(pid(1), true).unwrap().receipt, "QGH4ABC12Y");
    // A prompt's provider reference is never taken for a code.
    s.loaded(vec![attempt(3)]);
    assert_eq!(s.receipt(pid(3)), "");
}
