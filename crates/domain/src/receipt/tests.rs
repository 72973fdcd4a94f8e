use super::*;
use crate::ipc::{OrderDetail, OrderHistoryEntry};
use crate::order::{Fulfilment, Order, OrderChannel, OrderLine};
use crate::payment::PaymentAttempt;
use crate::shop::{BusinessType, OpeningHours, ShopCode};
use crate::{Country, Currency, ItemId, OrderId, PaymentId, ShopId};
use chrono::{TimeZone, Utc};
use uuid::Uuid;

fn kes(major: i64) -> Money {
    Money::from_major(major, Currency::KES)
}

fn shop() -> Shop {
    Shop {
        id: ShopId(Uuid::from_u128(1)),
        name: "Mama Mboga".into(),
        code: ShopCode::parse("mama-mboga").expect("code"),
        business_type: BusinessType::Grocery,
        currency: Currency::KES,
        country: Country::Kenya,
        hours: OpeningHours::default(),
        orders_when_closed: true,
    }
}

fn line(n: u128, name: &str, qty: u32, price: i64) -> OrderLine {
    OrderLine {
        item_id: ItemId(Uuid::from_u128(n)),
        name: name.into(),
        unit_price: kes(price),
        qty,
        total: kes(price * i64::from(qty)),
    }
}

/// A cash sale rung up by Amina at 11:05 UTC (14:05 in Nairobi).
fn detail(status: OrderStatus, method: PaymentMethod) -> OrderDetail {
    let made = Utc.with_ymd_and_hms(2026, 12, 5, 11, 5, 0).unwrap();
    let lines = vec![
        line(10, "Unga 2kg", 3, 150),
        line(11, "Maziwa Lala 500ml fresh from the farm", 1, 60),
    ];
    let order = Order {
        id: OrderId(Uuid::from_u128(2)),
        number: 1042,
        customer_id: None,
        customer_phone: None,
        customer_name: None,
        channel: OrderChannel::Till,
        fulfilment: Fulfilment::Pickup,
        lines,
        subtotal: kes(510),
        delivery_fee: kes(0),
        total: kes(510),
        status,
        note: String::new(),
        created_at: made,
        updated_at: made,
        pay_on_delivery: false,
    };
    let paid = status == OrderStatus::Paid;
    OrderDetail {
        history: vec![OrderHistoryEntry {
            from: None,
            to: status,
            actor: "Amina".into(),
            at: made,
        }],
        payments: if paid {
            vec![PaymentAttempt {
                id: PaymentId(Uuid::from_u128(3)),
                order_id: order.id,
                method,
                amount: kes(510),
                phone: None,
                state: PaymentState::Succeeded,
                provider_ref: None,
                receipt: (method != PaymentMethod::Cash).then(|| "SGH7K2L9QX".into()),
                failure: None,
                created_at: made,
                updated_at: made,
                settled_by: None,
            }]
        } else {
            Vec::new()
        },
        order,
        next_step: None,
        can_cancel: true,
        refunds: Vec::new(),
        refundable: None,
        over_refunded: None,
        refused_payments: Vec::new(),
    }
}

#[test]
fn a_cash_sale_on_an_80_mm_roll() {
    let r = Receipt::of(
        &shop(),
        &detail(OrderStatus::Paid, PaymentMethod::Cash),
        Some("https://wa.me/254712345678?text=mama-mboga".into()),
    );
    assert!(r.has_cash());
    insta::assert_snapshot!(r.text(48).join("\n"));
}

#[test]
fn money_given_back_prints_under_the_payments_with_what_was_kept() {
    let mut d = detail(OrderStatus::Paid, PaymentMethod::Cash);
    let refund = |minor, method, receipt: Option<&str>| crate::refund::Refund {
        id: crate::RefundId(Uuid::from_u128(minor as u128)),
        order_id: d.order.id,
        amount: Money::from_minor(minor, Currency::KES),
        method,
        receipt: receipt.map(str::to_owned),
        reason: "returned".into(),
        by: "Owner".into(),
        at: d.order.created_at,
    };
    d.refunds = vec![
        refund(6_000, crate::refund::RefundMethod::Cash, None),
        refund(
            15_000,
            crate::refund::RefundMethod::Mpesa,
            Some("QFT4ABC12X"),
        ),
    ];
    let text = Receipt::of(&shop(), &d, None).text(48);
    let at = |start: &str| {
        text.iter()
            .position(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("{start} in {text:#?}"))
    };
    assert!(text[at("Refund, cash")].ends_with("-KES 60"), "{text:#?}");
    assert!(text[at("Refund, M-Pesa QFT4ABC12X")].ends_with("-KES 150"));
    assert!(text[at("NET PAID")].ends_with("KES 300"), "{text:#?}");
    assert!(at("Cash") < at("Refund, cash") && at("Refund, M-Pesa") < at("NET PAID"));
    // None given back: no such rows (the other receipts' snapshots hold).
    let plain = Receipt::of(
        &shop(),
        &detail(OrderStatus::Paid, PaymentMethod::Cash),
        None,
    )
    .text(48);
    assert!(!plain
        .iter()
        .any(|l| l.starts_with("Refund") || l.starts_with("NET")));
}

#[test]
fn an_m_pesa_sale_on_a_58_mm_roll() {
    let r = Receipt::of(
        &shop(),
        &detail(OrderStatus::Paid, PaymentMethod::MpesaManual),
        None,
    );
    assert!(!r.has_cash());
    insta::assert_snapshot!(r.text(32).join("\n"));
}

#[test]
fn an_unpaid_order_prints_as_a_bill_with_what_is_due() {
    let r = Receipt::of(
        &shop(),
        &detail(OrderStatus::AwaitingPayment, PaymentMethod::Cash),
        None,
    );
    let text = r.text(32);
    assert!(text.iter().any(|l| l.contains("Bill (not paid)")));
    assert!(text
        .iter()
        .any(|l| l.starts_with("DUE") && l.ends_with("KES 510")));
}

#[test]
fn the_time_is_the_shop_s_wall_clock() {
    let r = Receipt::of(
        &shop(),
        &detail(OrderStatus::Paid, PaymentMethod::Cash),
        None,
    );
    assert_eq!(r.at.format("%H:%M").to_string(), "14:05");
}

#[test]
fn the_bot_is_not_named_as_having_served() {
    let mut d = detail(OrderStatus::Paid, PaymentMethod::MpesaDaraja);
    d.history[0].actor = "bot".into();
    let r = Receipt::of(&shop(), &d, None);
    assert_eq!(r.served_by, None);
    assert!(!r.text(48).iter().any(|l| l.contains("Served by")));
}

#[test]
fn no_line_is_wider_than_the_roll() {
    let mut d = detail(OrderStatus::Paid, PaymentMethod::Cash);
    d.order.lines.push(line(
        12,
        "Supercalifragilisticexpialidocious-washing-powder-family-size",
        2,
        1_234_567,
    ));
    let mut s = shop();
    s.name = "A very long shop name that goes on and on and on and on".into();
    let r = Receipt::of(&s, &d, Some("https://wa.me/254712345678?text=x".into()));
    for columns in [32, 48] {
        for l in r.text(columns) {
            assert!(
                l.chars().count() <= columns,
                "{l:?} is wider than {columns}"
            );
        }
    }
}

#[test]
fn spread_keeps_the_amount_whole_and_shortens_the_label() {
    assert_eq!(spread("Total", "KES 10", 16), "Total     KES 10");
    assert_eq!(spread("Something long", "KES 10", 12), "Some. KES 10");
    assert_eq!(centre("Hi", 6), "  Hi");
}

#[test]
fn wrap_breaks_at_spaces_and_cuts_long_words() {
    assert_eq!(wrap("1 x Maziwa Lala", 8), vec!["1 x", "Maziwa", "Lala"]);
    assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    assert_eq!(wrap("", 4), vec![""]);
}

#[test]
fn a_printer_address_takes_port_9100_unless_told() {
    assert_eq!(
        split_address(" 192.168.1.50 "),
        Ok(("192.168.1.50".into(), 9100))
    );
    assert_eq!(
        split_address("printer.local:9101"),
        Ok(("printer.local".into(), 9101))
    );
    assert!(split_address("").is_err());
    assert!(split_address("192.168.1.50:abc").is_err());
    assert!(split_address("192.168.1.50:0").is_err());
    assert!(split_address("http://192.168.1.50").is_err());
    let bad = PrinterSettings {
        connection: PrinterConnection::Device { path: " ".into() },
        ..PrinterSettings::default()
    };
    assert_eq!(bad.validate()[0].field, "path");
    let good = PrinterSettings {
        connection: PrinterConnection::Network {
            address: "10.0.0.7".into(),
        },
        ..PrinterSettings::default()
    };
    assert!(good.validate().is_empty());
    assert_eq!(good.connection.describe(), "10.0.0.7:9100");
}
