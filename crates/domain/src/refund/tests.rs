use super::*;
use crate::words::Localize;

fn kes(minor: i64) -> Money {
    Money::from_minor(minor, Currency::KES)
}

fn input(amount: &str, method: &str, receipt: &str, reason: &str) -> RefundInput {
    RefundInput {
        order_id: OrderId(uuid::Uuid::nil()),
        amount: amount.into(),
        method: method.into(),
        receipt: receipt.into(),
        reason: reason.into(),
    }
}

fn fields(e: &[FieldError]) -> Vec<&str> {
    e.iter().map(|f| f.field.as_str()).collect()
}

#[test]
fn a_part_of_what_came_in_goes_back_in_cash_or_by_m_pesa() {
    let ok = input("120", "cash", "", " 1 bread returned ")
        .validate(Currency::KES, kes(50_000))
        .expect("valid");
    assert_eq!(ok.amount, kes(12_000));
    assert_eq!(ok.method, RefundMethod::Cash);
    assert_eq!(ok.receipt, None);
    assert_eq!(ok.reason, "1 bread returned");

    // The M-Pesa code is kept when typed, and may be left out.
    let ok = input("500", "mpesa", "qft4abc12x", "airtime never arrived")
        .validate(Currency::KES, kes(50_000))
        .expect("valid");
    assert_eq!(ok.receipt.as_deref(), Some("QFT4ABC12X"));
    assert_eq!(ok.amount, kes(50_000), "all of what is left");
    let ok = input("1", "mpesa", "  ", "sent back")
        .validate(Currency::KES, kes(100))
        .expect("valid");
    assert_eq!(ok.receipt, None);
}

#[test]
fn more_than_is_left_nothing_or_no_reason_is_refused_beside_its_field() {
    let e = input("500.01", "cash", "", "returned")
        .validate(Currency::KES, kes(50_000))
        .expect_err("over");
    assert_eq!(fields(&e), ["amount"]);
    assert!(e[0].message.contains("KES 500"), "{}", e[0].message);
    assert_eq!(
        e[0].words.as_ref().map(|w| w.key.as_str()),
        Some("problem-refund-over")
    );

    for amount in ["0", "", "-5", "abc"] {
        let e = input(amount, "cash", "", "returned")
            .validate(Currency::KES, kes(50_000))
            .expect_err(amount);
        assert_eq!(fields(&e), ["amount"], "{amount}");
    }
    let e = input("10", "card", "", "")
        .validate(Currency::KES, kes(50_000))
        .expect_err("method and reason");
    assert_eq!(fields(&e), ["method", "reason"]);
    let e = input("10", "mpesa", "not a code", &"x".repeat(REASON_MAX + 1))
        .validate(Currency::KES, kes(50_000))
        .expect_err("code and reason");
    assert_eq!(fields(&e), ["receipt", "reason"]);

    // An order with nothing left to give back says so, whatever is typed.
    let e = input("10", "cash", "", "returned")
        .validate(Currency::KES, kes(0))
        .expect_err("nothing left");
    assert_eq!(fields(&e), ["amount"]);
    assert_eq!(
        e[0].message,
        Problem::NothingToRefund.to_string(),
        "{:?}",
        Problem::NothingToRefund.words()
    );
}

#[test]
fn a_pulled_refund_is_held_to_the_same_rules() {
    let good = Refund {
        id: RefundId(uuid::Uuid::nil()),
        order_id: OrderId(uuid::Uuid::nil()),
        amount: kes(100),
        method: RefundMethod::Cash,
        receipt: None,
        reason: "returned".into(),
        by: "Wanjiru".into(),
        at: DateTime::<Utc>::UNIX_EPOCH,
    };
    assert!(good.is_valid());
    for bad in [
        Refund {
            amount: kes(0),
            ..good.clone()
        },
        Refund {
            reason: " ".into(),
            ..good.clone()
        },
        Refund {
            receipt: Some("QFT4ABC12X".into()),
            ..good.clone()
        },
    ] {
        assert!(!bad.is_valid(), "{bad:?}");
    }
}

#[test]
fn an_airtime_refunds_note_says_how_the_money_went_back() {
    use crate::credit::RepaymentMethod::{Cash, Mpesa};
    for (note, came, way) in [
        (
            "Sent back, code QFT4ABC12X",
            Cash,
            (Mpesa, Some("QFT4ABC12X")),
        ),
        ("m-pesa qft4abc12x", Cash, (Mpesa, Some("QFT4ABC12X"))),
        ("gave cash", Mpesa, (Cash, None)),
        ("Pesa taslimu", Mpesa, (Cash, None)),
        ("Rendu en espèces", Mpesa, (Cash, None)),
        ("أعيد نقداً", Mpesa, (Cash, None)),
        ("returned", Mpesa, (Mpesa, None)),
        ("returned", Cash, (Cash, None)),
        // A word that only looks like a code is not one.
        ("cashback1", Mpesa, (Mpesa, None)),
        ("everything refunded", Cash, (Cash, None)),
    ] {
        let (method, receipt) = way_in_note(note, came);
        assert_eq!((method, receipt.as_deref()), way, "{note}");
    }
}
