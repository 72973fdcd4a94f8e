use super::*;
use dukadesk_domain::ipc::{DigitalSendView, UnsettledPayment};
use dukadesk_domain::order::{Fulfilment, FulfilmentKind, Order, OrderChannel, Terms};
use dukadesk_domain::PaymentId;
use dukadesk_domain::{Currency, Money};
use uuid::Uuid;
use TillAction as A;

fn id(n: u128) -> OrderId {
    OrderId(Uuid::from_u128(n))
}

fn summary(n: u128, status: OrderStatus) -> OrderSummary {
    OrderSummary {
        id: id(n),
        number: 1000 + n as i64,
        customer: "Walk-in".into(),
        item_count: 1,
        total: Money::from_major(100, Currency::KES),
        status,
        fulfilment: FulfilmentKind::Pickup,
        channel: OrderChannel::Till,
        created_at: Default::default(),
        pay_on_delivery: false,
    }
}

fn detail(n: u128, status: OrderStatus) -> OrderDetail {
    let money = Money::from_major(100, Currency::KES);
    OrderDetail {
        order: Order {
            id: id(n),
            number: 1000 + n as i64,
            customer_id: None,
            customer_phone: None,
            customer_name: None,
            channel: OrderChannel::Till,
            fulfilment: Fulfilment::Pickup,
            lines: Vec::new(),
            subtotal: money,
            delivery_fee: Money::zero(Currency::KES),
            total: money,
            status,
            note: String::new(),
            created_at: Default::default(),
            updated_at: Default::default(),
            pay_on_delivery: false,
        },
        history: Vec::new(),
        payments: Vec::new(),
        next_step: status.next_step(Terms::prepaid(FulfilmentKind::Pickup), OrderChannel::Till),
        can_cancel: !status.is_final() && status != OrderStatus::OutForDelivery,
        refunds: Vec::new(),
        refundable: None,
        over_refunded: None,
        refused_payments: Vec::new(),
    }
}

/// A till showing orders 3, 2, 1 (newest first) with the first selected.
fn loaded() -> TillState {
    let mut s = TillState::default();
    let orders = vec![
        summary(3, OrderStatus::Paid),
        summary(2, OrderStatus::Preparing),
        summary(1, OrderStatus::Delivered),
    ];
    s.apply(A::Loaded(OrderQuery::default(), orders));
    s
}

#[test]
fn the_first_load_selects_the_newest_order() {
    let s = loaded();
    assert!(s.loaded);
    assert_eq!(s.selected, Some(id(3)));
}

#[test]
fn an_answer_for_an_old_query_is_dropped() {
    let mut s = loaded();
    s.apply(A::Filter(Some(OrderStatus::Preparing)));
    s.apply(A::Loaded(
        OrderQuery::default(),
        vec![summary(9, OrderStatus::Paid)],
    ));
    assert_eq!(
        s.orders.len(),
        3,
        "the old query's answer must not replace the queue"
    );
    assert_eq!(s.selected, None);
}

#[test]
fn arrows_move_within_the_queue_and_stop_at_its_ends() {
    let mut s = loaded();
    s.apply(A::Move(1));
    assert_eq!(s.selected, Some(id(2)));
    s.apply(A::Move(1));
    s.apply(A::Move(1));
    assert_eq!(s.selected, Some(id(1)));
    s.apply(A::Move(-5));
    assert_eq!(s.selected, Some(id(3)));
}

#[test]
fn moving_drops_the_old_detail_so_advance_cannot_hit_the_wrong_order() {
    let mut s = loaded();
    s.apply(A::DetailLoaded(detail(3, OrderStatus::Paid)));
    assert_eq!(s.next_step(), Some((id(3), OrderEvent::StartPreparing)));
    s.apply(A::Move(1));
    assert_eq!(s.detail, None);
    assert_eq!(s.next_step(), None);
}

#[test]
fn a_detail_for_an_order_no_longer_selected_is_dropped() {
    let mut s = loaded();
    s.apply(A::Move(1));
    s.apply(A::DetailLoaded(detail(3, OrderStatus::Paid)));
    assert_eq!(s.detail, None);
}

#[test]
fn a_change_keeps_the_order_selected_even_when_the_filter_hides_it() {
    let mut s = loaded();
    s.apply(A::Filter(Some(OrderStatus::Paid)));
    s.apply(A::Loaded(
        s.query.clone(),
        vec![summary(3, OrderStatus::Paid)],
    ));
    s.apply(A::Started);
    let refresh = s.refresh;
    s.apply(A::Changed(detail(3, OrderStatus::Preparing)));
    s.apply(A::Loaded(s.query.clone(), Vec::new()));
    assert_eq!(s.selected, Some(id(3)));
    assert!(!s.busy);
    assert_eq!(s.refresh, refresh + 1);
    assert_eq!(
        s.detail.map(|d| d.order.status),
        Some(OrderStatus::Preparing)
    );
}

#[test]
fn cancelling_asks_only_for_an_order_that_can_be_cancelled() {
    let mut s = loaded();
    s.apply(A::AskCancel);
    assert!(!s.confirming, "no detail yet");
    s.apply(A::DetailLoaded(detail(3, OrderStatus::Paid)));
    s.apply(A::AskCancel);
    assert!(s.confirming);
    s.apply(A::AbortCancel);
    assert!(!s.confirming);

    s.apply(A::Select(id(1)));
    s.apply(A::DetailLoaded(detail(1, OrderStatus::Delivered)));
    s.apply(A::AskCancel);
    assert!(!s.confirming);
}

#[test]
fn a_failed_change_clears_busy_and_the_confirmation() {
    let mut s = loaded();
    s.apply(A::DetailLoaded(detail(3, OrderStatus::Paid)));
    s.apply(A::AskCancel);
    s.apply(A::Started);
    s.apply(A::ActionFailed("Order is already delivered.".into()));
    assert!(!s.busy);
    assert!(!s.confirming);
    assert_eq!(s.error.as_deref(), Some("Order is already delivered."));
}

#[test]
fn a_new_order_closes_the_form_clears_the_filter_and_is_selected() {
    let mut s = loaded();
    s.apply(A::Filter(Some(OrderStatus::Delivered)));
    s.apply(A::Search("0712".into()));
    s.apply(A::OpenForm);
    s.apply(A::Created(detail(4, OrderStatus::Paid)));
    assert!(!s.form_open);
    assert_eq!(s.query, OrderQuery::default());
    assert_eq!(s.selected, Some(id(4)));
}

fn unsettled(n: u128) -> UnsettledPayment {
    UnsettledPayment {
        id: PaymentId(Uuid::from_u128(n)),
        order_id: id(n),
        order_number: 1000 + n as i64,
        amount: Money::from_major(100, Currency::KES),
        phone: "0712 345 678".into(),
        provider_ref: None,
        created_at: Default::default(),
        by_hand: false,
    }
}

#[test]
fn the_unsettled_panel_and_the_order_form_take_turns() {
    let mut s = loaded();
    s.apply(A::UnsettledLoaded(vec![unsettled(3)]));
    s.apply(A::OpenForm);
    s.apply(A::OpenUnsettled);
    assert!(s.unsettled.open);
    assert!(!s.form_open);
    s.apply(A::OpenForm);
    assert!(s.form_open);
    assert!(!s.unsettled.open);
}

#[test]
fn settling_shows_the_new_list_and_reloads_the_queue_and_detail() {
    let mut s = loaded();
    s.apply(A::UnsettledLoaded(vec![unsettled(3), unsettled(2)]));
    s.apply(A::OpenUnsettled);
    let refresh = s.refresh;
    let pid = PaymentId(Uuid::from_u128(3));
    s.apply(A::SettleStarted(pid));
    s.apply(A::UnsettledLoaded(vec![unsettled(3), unsettled(2)]));
    s.apply(A::Settled(vec![unsettled(2)]));
    assert_eq!(s.unsettled.list, vec![unsettled(2)]);
    assert_eq!(s.unsettled.busy, None);
    assert_ne!(s.refresh, refresh);
    assert_eq!(s.selected, Some(id(3)), "the selection stays");
}

#[test]
fn the_change_for_a_cash_sale_shows_on_that_order_until_another_is_picked() {
    let mut s = loaded();
    let t = dukadesk_domain::cash::tender(Money::from_major(100, Currency::KES), "500")
        .expect("enough");
    s.apply(A::CashTaken(id(3), t));
    s.apply(A::Started);
    s.apply(A::Changed(detail(3, OrderStatus::Paid)));
    assert_eq!(s.change_for_selected(), Some(t), "shown once paid");
    assert_eq!(t.change, Money::from_major(400, Currency::KES));
    s.apply(A::Move(1));
    assert_eq!(s.change_for_selected(), None, "gone with another order");
    s.apply(A::Move(-1));
    assert_eq!(s.change_for_selected(), None, "and not back");

    // A payment that fails shows no change.
    s.apply(A::CashTaken(id(3), t));
    s.apply(A::Started);
    s.apply(A::ActionFailed("The till is offline".into()));
    assert_eq!(s.change_for_selected(), None);
}

#[test]
fn a_held_move_shows_its_bar_and_closes_the_cancel_question() {
    let mut s = loaded();
    s.apply(A::DetailLoaded(detail(3, OrderStatus::Paid)));
    s.apply(A::AskCancel);
    assert!(s.confirming);
    s.apply(A::Hold(id(3), "Cancelling order #1003…".into()));
    assert!(!s.confirming, "the question is answered");
    assert_eq!(s.held.as_ref().map(|h| h.0), Some(id(3)));
    s.apply(A::Unhold);
    assert_eq!(s.held, None);
}

fn digital(n: u128, state: dukadesk_domain::ipc::DigitalState) -> DigitalSendView {
    DigitalSendView {
        id: Uuid::from_u128(n),
        order_id: id(n),
        order_number: 1000 + n as i64,
        item: "Airtime".into(),
        recipient: "0712 345 678".into(),
        value: Money::from_major(50, Currency::KES),
        state,
        problem: String::new(),
        request_id: None,
        created_at: Default::default(),
        simulated: false,
    }
}

#[test]
fn the_digital_panel_takes_turns_with_the_form_and_the_mpesa_panel() {
    use dukadesk_domain::ipc::DigitalState as D;
    let mut s = loaded();
    s.apply(A::OpenDigital);
    assert!(!s.digital.open, "nothing to settle: no panel");
    s.apply(A::DigitalLoaded(vec![digital(3, D::Failed)]));
    s.apply(A::UnsettledLoaded(vec![unsettled(3)]));
    s.apply(A::OpenForm);
    s.apply(A::OpenDigital);
    assert!(s.digital.open);
    assert!(!s.form_open);
    s.apply(A::Scanned("6001234567890".into()));
    assert!(!s.form_open, "a scan answers nothing in the panel");
    s.apply(A::OpenUnsettled);
    assert!(s.unsettled.open);
    assert!(!s.digital.open);
    s.apply(A::OpenDigital);
    assert!(!s.unsettled.open);
    s.apply(A::OpenForm);
    assert!(!s.digital.open);
    s.apply(A::OpenDigital);
    s.apply(A::CloseDigital);
    assert!(!s.digital.open);
}

#[test]
fn settling_airtime_shows_what_is_left_and_reloads_the_queue() {
    use dukadesk_domain::ipc::DigitalState as D;
    let mut s = loaded();
    s.apply(A::DigitalLoaded(vec![
        digital(3, D::Failed),
        digital(2, D::Queued),
    ]));
    s.apply(A::OpenDigital);
    let sid = Uuid::from_u128(3);
    s.apply(A::DigitalNote(sid, "cash".into()));
    let refresh = s.refresh;
    s.apply(A::DigitalStarted(sid));
    // A poll that left before the verdict is not shown over it.
    s.apply(A::DigitalLoaded(vec![
        digital(3, D::Failed),
        digital(2, D::Queued),
    ]));
    assert_eq!(s.digital.list.len(), 2);
    assert_eq!(s.digital.busy, Some(sid));
    s.apply(A::DigitalSettled(vec![digital(2, D::Queued)]));
    assert_eq!(s.digital.list, vec![digital(2, D::Queued)]);
    assert_eq!(s.digital.busy, None);
    assert!(s.digital.notes.is_empty());
    assert_ne!(s.refresh, refresh);
    assert_eq!(s.selected, Some(id(3)), "the selection stays");
}

#[test]
fn a_refused_airtime_verdict_stays_on_its_row() {
    use dukadesk_domain::ipc::{DigitalState as D, ErrorCode};
    let mut s = loaded();
    s.apply(A::DigitalLoaded(vec![digital(3, D::Failed)]));
    let sid = Uuid::from_u128(3);
    s.apply(A::DigitalInvalid(sid, "Say how.".into()));
    assert_eq!(
        s.digital.note_errors.get(&sid).map(String::as_str),
        Some("Say how.")
    );
    s.apply(A::DigitalNote(sid, "cash".into()));
    assert!(s.digital.note_errors.is_empty());
    s.apply(A::DigitalStarted(sid));
    s.apply(A::DigitalFailed(
        sid,
        IpcError::new(ErrorCode::Conflict, "It has moved on meanwhile."),
    ));
    assert_eq!(s.digital.busy, None);
    assert_eq!(
        s.digital.errors.get(&sid).map(String::as_str),
        Some("It has moved on meanwhile.")
    );
    assert_eq!(s.error, None, "not in the till's banner");
}
