//! What happened, as the use cases report it. Orders, payments and the sync
//! apply return [`Event`]s instead of calling the chat; [`crate::reactions`]
//! decides what follows each (what the customer is told), inside the same
//! transaction, and hands back [`Effects`]: the work to do once it commits.

use dukadesk_domain::bot::PaymentOutcome;
use dukadesk_domain::order::{FulfilmentKind, OrderStatus};
use dukadesk_domain::{Money, OrderId, PaymentId};

/// Something that happened to shared data and may concern a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// An order moved to `status` (staff at this till, or another till's
    /// move pulled here) in a way its chat customer should hear of.
    OrderMoved {
        /// The order.
        order_id: OrderId,
        /// Its number, as the customer knows it.
        number: i64,
        /// Where it is now.
        status: OrderStatus,
        /// Collected or delivered, which decides the words.
        fulfilment: FulfilmentKind,
    },
    /// A payment attempt reached an outcome (the provider's, or staff's).
    PaymentResolved {
        /// The order it pays for.
        order_id: OrderId,
        /// Its number.
        number: i64,
        /// The attempt's amount.
        total: Money,
        /// What happened to the money.
        outcome: PaymentOutcome,
    },
    /// Money was given back for an order (all or part of it): its chat
    /// customer hears of it.
    Refunded {
        /// The order.
        order_id: OrderId,
        /// Its number.
        number: i64,
        /// How much.
        amount: Money,
        /// Cash or M-Pesa.
        method: dukadesk_domain::refund::RefundMethod,
    },
    /// Airtime or a bundle of an order reached its final answer (the
    /// provider's, or staff's: sent by hand).
    DigitalResolved {
        /// The order it belongs to.
        order_id: OrderId,
        /// What was sent, as the catalogue names it.
        item: String,
        /// Where it went (`0712 345 678`).
        recipient: String,
        /// Delivered, or not (refund due).
        delivered: bool,
    },
}

/// Work to do once a transaction has committed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Effects {
    /// Payment attempts to start with the provider.
    pub payments: Vec<PaymentId>,
    /// Replies were queued: wake the dispatcher.
    pub queued: bool,
    /// Airtime or bundles were queued for sending: wake the sender.
    pub digital: bool,
}

impl Effects {
    /// Merges another turn's effects.
    pub fn merge(&mut self, other: Effects) {
        self.payments.extend(other.payments);
        self.queued |= other.queued;
        self.digital |= other.digital;
    }
}
