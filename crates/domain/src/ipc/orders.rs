//! The order queue, one order in full, orders typed at the till and their
//! moves (the shell's `commands/orders.rs`).

use super::OrderRef;
use crate::money::Money;
use crate::order::{
    FulfilmentKind, ManualOrderInput, Order, OrderChannel, OrderEvent, OrderStatus, TillPayment,
};
use crate::payment::PaymentAttempt;
use crate::refund::{Refund, RefundInput};
use crate::OrderId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Which orders the queue shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderQuery {
    /// Only this status.
    pub status: Option<OrderStatus>,
    /// Matches an order number (`1042`, `#1042`) or part of a phone number.
    pub search: String,
    /// At most this many, newest first.
    pub limit: u32,
}

impl Default for OrderQuery {
    fn default() -> Self {
        Self {
            status: None,
            search: String::new(),
            limit: 100,
        }
    }
}

/// One row of the order queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    /// Id.
    pub id: OrderId,
    /// Number.
    pub number: i64,
    /// Customer name or phone, or "Walk-in".
    pub customer: String,
    /// Units in the order.
    pub item_count: u32,
    /// Total.
    pub total: Money,
    /// Status.
    pub status: OrderStatus,
    /// Pickup or delivery.
    pub fulfilment: FulfilmentKind,
    /// Where it came from.
    pub channel: OrderChannel,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Paid in cash when handed over.
    #[serde(default)]
    pub pay_on_delivery: bool,
}

/// One status change in an order's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderHistoryEntry {
    /// From.
    pub from: Option<OrderStatus>,
    /// To.
    pub to: OrderStatus,
    /// Who did it ("till", "bot", a staff name).
    pub actor: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// An order with everything the detail pane shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetail {
    /// The order.
    pub order: Order,
    /// Status history, oldest first.
    pub history: Vec<OrderHistoryEntry>,
    /// Payment attempts, oldest first.
    pub payments: Vec<PaymentAttempt>,
    /// What the "advance" key does now.
    pub next_step: Option<OrderEvent>,
    /// Whether the order can still be cancelled.
    pub can_cancel: bool,
    /// Money given back for it, oldest first.
    #[serde(default)]
    pub refunds: Vec<Refund>,
    /// What can still be given back (cash and M-Pesa received, less
    /// refunds); `None` when nothing can.
    #[serde(default)]
    pub refundable: Option<Money>,
    /// Given back beyond what came in (each of two tills, offline, gave
    /// back the same money): the owner should look; `None` when not.
    #[serde(default)]
    pub over_refunded: Option<Money>,
    /// Its payments the shop's server refused, with why (an M-Pesa code
    /// another till recorded first for another order): staff check the
    /// money. Empty when none was.
    #[serde(default)]
    pub refused_payments: Vec<RefusedPayment>,
}

/// A payment of an order that the shop's server refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedPayment {
    /// The payment.
    pub payment_id: crate::PaymentId,
    /// The server's words.
    pub reason: String,
}

/// Apply a fulfilment event (start preparing, dispatch, deliver, cancel) to
/// an order. Payment events go through [`RecordPayment`] or the payment
/// providers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyOrderEvent {
    /// Order.
    pub id: OrderId,
    /// Event.
    pub event: OrderEvent,
}

/// Record money received for an order at the till.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPayment {
    /// Order.
    pub id: OrderId,
    /// Cash, or an M-Pesa receipt code the customer shows.
    pub payment: TillPayment,
}

commands! {
    /// The order queue.
    ListOrders, "list_orders", OrderQuery => Vec<OrderSummary>;
    /// One order in full.
    GetOrder, "get_order", OrderRef => OrderDetail;
    /// A walk-in or phone order typed at the till.
    CreateManualOrder, "create_manual_order", ManualOrderInput => OrderDetail;
    /// Move an order on (or cancel it).
    ApplyOrderEventCmd, "apply_order_event", ApplyOrderEvent => OrderDetail;
    /// Record cash or an M-Pesa receipt for an unpaid order.
    RecordPaymentCmd, "record_payment", RecordPayment => OrderDetail;
    /// Give back all or part of the money an order brought in (owner).
    RefundOrderCmd, "refund_order", RefundInput => OrderDetail;
}
