use super::*;
use proptest::prelude::*;
use FulfilmentKind::{Delivery, Pickup};
use OrderEvent as E;
use OrderStatus as S;

const EVENTS: [OrderEvent; 10] = [
    E::RequestPayment,
    E::PaymentSucceeded,
    E::PaymentFailed,
    E::RetryPayment,
    E::MarkPaid,
    E::StartPreparing,
    E::Dispatch,
    E::Deliver,
    E::Cancel,
    E::PaidOnDelivery,
];

/// Every legal move, written out by hand. Anything not in this table must be
/// refused.
const LEGAL: &[(OrderStatus, OrderEvent, Option<FulfilmentKind>, OrderStatus)] = &[
    (S::Draft, E::RequestPayment, None, S::AwaitingPayment),
    (S::Draft, E::MarkPaid, None, S::Paid),
    (S::Draft, E::Cancel, None, S::Cancelled),
    (S::AwaitingPayment, E::PaymentSucceeded, None, S::Paid),
    (S::AwaitingPayment, E::PaymentFailed, None, S::PaymentFailed),
    (S::AwaitingPayment, E::MarkPaid, None, S::Paid),
    (S::AwaitingPayment, E::Cancel, None, S::Cancelled),
    (S::PaymentFailed, E::RetryPayment, None, S::AwaitingPayment),
    (S::PaymentFailed, E::PaymentSucceeded, None, S::Paid),
    (S::PaymentFailed, E::MarkPaid, None, S::Paid),
    (S::PaymentFailed, E::Cancel, None, S::Cancelled),
    (S::Paid, E::StartPreparing, None, S::Preparing),
    (S::Paid, E::Cancel, None, S::Cancelled),
    (S::Preparing, E::Dispatch, None, S::OutForDelivery),
    (S::Preparing, E::Deliver, Some(Pickup), S::Delivered),
    (S::Preparing, E::Cancel, None, S::Cancelled),
    (S::OutForDelivery, E::Deliver, None, S::Delivered),
];

/// Every legal move of an order paid on delivery: no payment stage, and
/// its money comes with the hand-over.
const LEGAL_ON_DELIVERY: &[(OrderStatus, OrderEvent, Option<FulfilmentKind>, OrderStatus)] = &[
    (S::Draft, E::RequestPayment, None, S::AwaitingPayment),
    (S::Draft, E::Cancel, None, S::Cancelled),
    (S::AwaitingPayment, E::StartPreparing, None, S::Preparing),
    (S::AwaitingPayment, E::Cancel, None, S::Cancelled),
    (S::PaymentFailed, E::Cancel, None, S::Cancelled),
    (S::Paid, E::StartPreparing, None, S::Preparing),
    (S::Paid, E::Cancel, None, S::Cancelled),
    (S::Preparing, E::Dispatch, None, S::OutForDelivery),
    (S::Preparing, E::Cancel, None, S::Cancelled),
    (S::OutForDelivery, E::PaidOnDelivery, None, S::Delivered),
    (S::OutForDelivery, E::Cancel, None, S::Cancelled),
];

fn table(
    terms: Terms,
) -> &'static [(OrderStatus, OrderEvent, Option<FulfilmentKind>, OrderStatus)] {
    if terms.pay_on_delivery {
        LEGAL_ON_DELIVERY
    } else {
        LEGAL
    }
}

fn all_terms() -> [Terms; 4] {
    [
        Terms::prepaid(Pickup),
        Terms::prepaid(Delivery),
        Terms::on_delivery(Pickup),
        Terms::on_delivery(Delivery),
    ]
}

fn expected(from: OrderStatus, event: OrderEvent, terms: Terms) -> Option<OrderStatus> {
    let f = terms.fulfilment;
    table(terms)
        .iter()
        .find(|(s, e, fk, _)| *s == from && *e == event && fk.is_none_or(|k| k == f))
        .map(|(_, _, _, to)| *to)
}

#[test]
fn the_machine_matches_the_table_for_every_pair() {
    for from in OrderStatus::ALL {
        for event in EVENTS {
            for f in all_terms() {
                let got = transition(from, event, f);
                match expected(from, event, f) {
                    Some(to) => assert_eq!(got, Ok(to), "{from:?} + {event:?} ({f:?})"),
                    None => assert!(
                        got.is_err(),
                        "{from:?} + {event:?} ({f:?}) must be refused, got {got:?}"
                    ),
                }
            }
        }
    }
}

#[test]
fn errors_say_why() {
    assert_eq!(
        transition(S::Paid, E::PaymentSucceeded, Terms::prepaid(Pickup)),
        Err(TransitionError::AlreadyPaid)
    );
    assert_eq!(
        transition(S::Delivered, E::MarkPaid, Terms::prepaid(Pickup)),
        Err(TransitionError::AlreadyPaid)
    );
    assert_eq!(
        transition(S::Cancelled, E::Cancel, Terms::prepaid(Pickup)),
        Err(TransitionError::Final(S::Cancelled))
    );
    let e = transition(S::Draft, E::Dispatch, Terms::prepaid(Delivery)).unwrap_err();
    assert_eq!(
        e,
        TransitionError::Illegal {
            from: S::Draft,
            event: E::Dispatch
        }
    );
    assert_eq!(
        e.to_string(),
        "An order that is draft cannot be changed with \"Send out for delivery\"."
    );
    assert_eq!(
        transition(S::Delivered, E::Cancel, Terms::prepaid(Pickup))
            .unwrap_err()
            .to_string(),
        "This order is already delivered; it cannot change any more."
    );
}

#[test]
fn advancing_walks_fulfilment_to_the_end() {
    use OrderChannel::{TestChat, Till, WhatsApp};
    // A walk-in takes the goods at once; a chat customer is told the order
    // is ready, then collects it.
    for (f, channel, steps) in [
        (Pickup, Till, 2),
        (Pickup, WhatsApp, 3),
        (Pickup, TestChat, 3),
        (Delivery, Till, 3),
        (Delivery, WhatsApp, 3),
    ] {
        let mut s = S::Paid;
        let mut walked = Vec::new();
        while let Some(e) = s.next_step(Terms::prepaid(f), channel) {
            s = transition(s, e, Terms::prepaid(f)).unwrap();
            walked.push(s.label_for(f));
        }
        assert_eq!(s, S::Delivered);
        assert_eq!(walked.len(), steps, "{f:?} from {channel:?}: {walked:?}");
    }
    let mut s = S::Preparing;
    let ready = s
        .next_step(Terms::prepaid(Pickup), WhatsApp)
        .expect("a step");
    assert_eq!(ready.label_for(Pickup), "Ready for pickup");
    s = transition(s, ready, Terms::prepaid(Pickup)).unwrap();
    assert_eq!(s.label_for(Pickup), "Ready for pickup");
    assert_eq!(s.label_for(Delivery), "Out for delivery");
    let collect = s
        .next_step(Terms::prepaid(Pickup), WhatsApp)
        .expect("a step");
    assert_eq!(collect.label_for(Pickup), "Mark collected");
    assert_eq!(
        transition(s, collect, Terms::prepaid(Pickup))
            .unwrap()
            .label_for(Pickup),
        "Collected"
    );
    assert_eq!(
        S::AwaitingPayment.next_step(Terms::prepaid(Pickup), WhatsApp),
        None
    );
    assert_eq!(S::Delivered.next_step(Terms::prepaid(Delivery), Till), None);
}

/// An order paid on delivery is prepared at once and sent out; its last
/// step is staff's only with the money (`None`: the till asks for it), and
/// that move pays and hands over at once.
#[test]
fn an_order_paid_on_delivery_is_prepared_first_and_paid_at_the_hand_over() {
    use OrderChannel::{Till, WhatsApp};
    for f in [Pickup, Delivery] {
        for channel in [WhatsApp, Till] {
            let terms = Terms::on_delivery(f);
            let mut s = S::Draft;
            s = transition(s, E::RequestPayment, terms).unwrap();
            let mut walked = Vec::new();
            while let Some(e) = s.next_step(terms, channel) {
                s = transition(s, e, terms).unwrap();
                walked.push(s);
            }
            assert_eq!(
                walked,
                vec![S::Preparing, S::OutForDelivery],
                "{f:?} {channel:?}"
            );
            assert_eq!(
                transition(s, E::Deliver, terms),
                Err(TransitionError::Illegal {
                    from: S::OutForDelivery,
                    event: E::Deliver
                }),
                "handed over without its money"
            );
            assert_eq!(transition(s, E::PaidOnDelivery, terms), Ok(S::Delivered));
            assert_eq!(transition(s, E::Cancel, terms), Ok(S::Cancelled));
        }
    }
    // No money before the hand-over, and no hand-over of a prepaid order
    // through the on-delivery move.
    let terms = Terms::on_delivery(Delivery);
    for e in [E::MarkPaid, E::PaymentSucceeded] {
        assert!(transition(S::AwaitingPayment, e, terms).is_err());
    }
    assert!(transition(
        S::OutForDelivery,
        E::PaidOnDelivery,
        Terms::prepaid(Delivery)
    )
    .is_err());
    assert_eq!(E::PaidOnDelivery.label_for(Pickup), "Paid on collection");
}

#[test]
fn an_order_paid_on_delivery_is_paid_once_handed_over() {
    let order = |status, pay_on_delivery| Order {
        id: crate::OrderId(uuid::Uuid::nil()),
        number: 1,
        customer_id: None,
        customer_phone: None,
        customer_name: None,
        channel: OrderChannel::WhatsApp,
        fulfilment: Fulfilment::Pickup,
        lines: Vec::new(),
        subtotal: Money::zero(crate::money::Currency::MAD),
        delivery_fee: Money::zero(crate::money::Currency::MAD),
        total: Money::zero(crate::money::Currency::MAD),
        status,
        note: String::new(),
        created_at: DateTime::<Utc>::UNIX_EPOCH,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
        pay_on_delivery,
    };
    for status in [S::Preparing, S::OutForDelivery] {
        assert!(order(status, false).is_paid());
        assert!(!order(status, true).is_paid(), "{status:?}");
    }
    assert!(order(S::Delivered, true).is_paid());
    assert!(order(S::OutForDelivery, true).collects_now());
    assert!(!order(S::OutForDelivery, false).collects_now());
    // The flag travels in synced bodies only when set, so an order paid
    // first reads the same to a till that does not know it.
    let prepaid = serde_json::to_value(order(S::Paid, false)).unwrap();
    assert!(prepaid.get("pay_on_delivery").is_none());
    let cod = serde_json::to_string(&order(S::Preparing, true)).unwrap();
    let back: Order = serde_json::from_str(&cod).unwrap();
    assert!(back.pay_on_delivery);
}

#[test]
fn status_names_round_trip() {
    for s in OrderStatus::ALL {
        assert_eq!(OrderStatus::parse(s.as_str()), Some(s));
    }
    assert_eq!(OrderStatus::parse("shipped"), None);
}

#[test]
fn receipt_codes() {
    assert_eq!(
        parse_mpesa_receipt(" qft4abc12x ").as_deref(),
        Ok("QFT4ABC12X")
    );
    assert!(parse_mpesa_receipt("1FT4ABC12X").is_err());
    assert!(parse_mpesa_receipt("QFT4ABC12").is_err());
    assert!(parse_mpesa_receipt("QFT4ABC12-").is_err());
}

#[test]
fn manual_order_form() {
    let item = ItemId::from_uuid(uuid::Uuid::from_u128(1));
    let mut input = ManualOrderInput::default();
    let errs = input.validate(Country::Kenya).unwrap_err();
    assert_eq!(errs[0].field, "lines");
    input.lines = vec![
        ManualLineInput {
            item_id: item,
            qty: 2,
            label: None,
        },
        ManualLineInput {
            item_id: item,
            qty: 1,
            label: None,
        },
    ];
    input.customer_phone = "0712 345 678".into();
    input.payment = TillPayment::MpesaReceipt("qft4abc12x".into());
    let v = input.validate(Country::Kenya).unwrap();
    assert_eq!(
        v.lines,
        vec![ManualLineInput {
            item_id: item,
            qty: 3,
            label: None
        }]
    );
    assert_eq!(v.payment, TillPayment::MpesaReceipt("QFT4ABC12X".into()));
    assert_eq!(v.customer_phone.unwrap().as_str(), "254712345678");

    input.zone_id = Some(ZoneId::from_uuid(uuid::Uuid::from_u128(9)));
    input.customer_phone = "12".into();
    input.payment = TillPayment::MpesaReceipt("nope".into());
    let fields: Vec<_> = input
        .validate(Country::Kenya)
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["customer_phone", "address", "receipt"]);
}

#[test]
fn weighed_lines_stay_apart_and_must_be_labels() {
    let item = ItemId::from_uuid(uuid::Uuid::from_u128(1));
    let pack = |label: &str, qty| ManualLineInput {
        item_id: item,
        qty,
        label: Some(label.into()),
    };
    let mut input = ManualOrderInput {
        lines: vec![
            pack("2001234012508", 1),
            pack("2001234012508", 1),
            ManualLineInput {
                item_id: item,
                qty: 1,
                label: None,
            },
        ],
        ..Default::default()
    };
    assert_eq!(input.validate(Country::Kenya).unwrap().lines.len(), 3);
    // Not a label (bad check digit), or a pack counted twice.
    for bad in [pack("2001234012509", 1), pack("2001234012508", 2)] {
        input.lines = vec![bad];
        let errs = input.validate(Country::Kenya).unwrap_err();
        assert_eq!(errs[0].field, "lines");
    }
}

fn any_status() -> impl Strategy<Value = OrderStatus> {
    prop::sample::select(OrderStatus::ALL.to_vec())
}
fn any_event() -> impl Strategy<Value = OrderEvent> {
    prop::sample::select(EVENTS.to_vec())
}
fn any_fulfilment() -> impl Strategy<Value = Terms> {
    prop::sample::select(all_terms().to_vec())
}

proptest! {
    /// Along any sequence of events, applied or refused, the status never
    /// moves backwards (a payment retry stays in the payment stage), final
    /// states absorb everything, and the order is paid at most once.
    #[test]
    fn random_walks_respect_the_invariants(
        start in any_status(),
        events in prop::collection::vec(any_event(), 0..40),
        f in any_fulfilment(),
    ) {
        let mut s = start;
        let mut times_paid = 0;
        for e in events {
            match transition(s, e, f) {
                Ok(to) => {
                    prop_assert!(!s.is_final(), "left a final state {s:?}");
                    prop_assert!(to.rank() >= s.rank(), "{s:?} -> {to:?} went backwards");
                    if to == S::Paid || e == E::PaidOnDelivery { times_paid += 1; }
                    // Only a prepared order goes out (or, for pickup, is ready).
                    if to == S::OutForDelivery { prop_assert_eq!(s, S::Preparing); }
                    s = to;
                }
                Err(TransitionError::AlreadyPaid) => prop_assert!(s.rank() >= S::Paid.rank() && s != S::Cancelled),
                Err(_) => {}
            }
        }
        prop_assert!(times_paid <= 1, "paid {times_paid} times");
    }

    /// From any state that is not final, a path to a final state exists.
    #[test]
    fn every_order_can_finish(start in any_status(), f in any_fulfilment(), chat in any::<bool>()) {
        let channel = if chat { OrderChannel::WhatsApp } else { OrderChannel::Till };
        let mut s = start;
        for _ in 0..10 {
            if s.is_final() { break; }
            let e = s.next_step(f, channel).unwrap_or(E::Cancel);
            s = transition(s, e, f).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        prop_assert!(s.is_final());
    }
}

/// What follows a move, for every legal move on every channel: stock comes
/// back only for a cancelled order that took it; the chat customer hears of
/// the moves staff make, never of the bot's own or a payment's outcome (the
/// bot's reply tells those), and a till order has no chat to tell.
#[test]
fn each_legal_move_says_what_must_follow() {
    let channels = [
        OrderChannel::Till,
        OrderChannel::WhatsApp,
        OrderChannel::TestChat,
    ];
    for (pay_on_delivery, legal) in [(false, LEGAL), (true, LEGAL_ON_DELIVERY)] {
        for &(from, event, kind, to) in legal {
            for fk in kind.map_or(vec![Pickup, Delivery], |k| vec![k]) {
                let f = Terms {
                    fulfilment: fk,
                    pay_on_delivery,
                };
                for channel in channels {
                    let moved = step(from, event, f, channel).expect("legal");
                    assert_eq!(moved.to, to);
                    assert_eq!(
                        moved.restock,
                        event == E::Cancel && channel != OrderChannel::TestChat,
                        "{from:?} {event:?} {channel:?}"
                    );
                    let staff = matches!(
                        event,
                        E::MarkPaid
                            | E::StartPreparing
                            | E::Dispatch
                            | E::Deliver
                            | E::PaidOnDelivery
                            | E::Cancel
                    );
                    assert_eq!(
                        moved.tell_customer,
                        staff && channel != OrderChannel::Till,
                        "{from:?} {event:?} {channel:?}"
                    );
                }
            }
        }
    }
    assert_eq!(
        step(
            S::Delivered,
            E::Cancel,
            Terms::prepaid(Pickup),
            OrderChannel::WhatsApp
        ),
        Err(TransitionError::Final(S::Delivered))
    );
}
