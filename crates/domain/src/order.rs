//! Orders and their lifecycle as an explicit state machine.
//!
//! ```text
//! Draft --RequestPayment--> AwaitingPayment --PaymentSucceeded--> Paid
//!   |                          |  ^                                 |
//!   |                PaymentFailed|  |RetryPayment            StartPreparing
//!   |                          v  |                                 v
//!   |                       PaymentFailed --PaymentSucceeded--> Preparing
//!   |                                          (late success)       |
//! Draft/AwaitingPayment/PaymentFailed --MarkPaid (cash, receipt)--> Paid
//!                     Dispatch (delivery: to the rider; pickup: ready at
//!                     the counter) / Deliver (pickup: handed over at once)
//!                                                                   v
//!                                 OutForDelivery --Deliver--> Delivered
//! Cancel: from Draft, AwaitingPayment, PaymentFailed, Paid, Preparing.
//! ```
//!
//! An order paid on delivery ([`Terms::pay_on_delivery`], cash at the door
//! or at the counter) skips the payment stage and pays when it is handed
//! over, so its money and its hand-over are one move:
//!
//! ```text
//! Draft --RequestPayment--> AwaitingPayment --StartPreparing--> Preparing
//!   --Dispatch--> OutForDelivery --PaidOnDelivery (cash, receipt)--> Delivered
//! Cancel: also from OutForDelivery (refused at the door).
//! ```
//!
//! Every other (status, event) pair is an error: staff can never skip a
//! step or move an order backwards, and sync can rely on status only moving
//! forward ([`OrderStatus::rank`]).

use crate::cart::CartLine;
use crate::ipc::FieldError;
use crate::money::Money;
use crate::phone::{Country, Msisdn};
use crate::words::Problem;
use crate::{CustomerId, ItemId, OrderId, ZoneId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where an order is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderStatus {
    /// Being put together; nothing asked of the customer yet.
    Draft,
    /// A payment request is out.
    AwaitingPayment,
    /// The last payment attempt failed; the customer may retry.
    PaymentFailed,
    /// Money received.
    Paid,
    /// Staff are packing it.
    Preparing,
    /// With the rider.
    OutForDelivery,
    /// In the customer's hands (delivered or collected).
    Delivered,
    /// Called off.
    Cancelled,
}

impl OrderStatus {
    /// Every status, in lifecycle order (for filters).
    pub const ALL: [OrderStatus; 8] = [
        OrderStatus::Draft,
        OrderStatus::AwaitingPayment,
        OrderStatus::PaymentFailed,
        OrderStatus::Paid,
        OrderStatus::Preparing,
        OrderStatus::OutForDelivery,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
    ];

    /// A stable name for storage and URLs.
    pub const fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Draft => "draft",
            OrderStatus::AwaitingPayment => "awaiting_payment",
            OrderStatus::PaymentFailed => "payment_failed",
            OrderStatus::Paid => "paid",
            OrderStatus::Preparing => "preparing",
            OrderStatus::OutForDelivery => "out_for_delivery",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    /// Parses [`OrderStatus::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// A label for people.
    pub const fn label(self) -> &'static str {
        match self {
            OrderStatus::Draft => "Draft",
            OrderStatus::AwaitingPayment => "Awaiting payment",
            OrderStatus::PaymentFailed => "Payment failed",
            OrderStatus::Paid => "Paid",
            OrderStatus::Preparing => "Preparing",
            OrderStatus::OutForDelivery => "Out for delivery",
            OrderStatus::Delivered => "Delivered",
            OrderStatus::Cancelled => "Cancelled",
        }
    }

    /// The label for an order collected or delivered: a pickup order is
    /// "Ready for pickup", then "Collected".
    pub const fn label_for(self, fulfilment: FulfilmentKind) -> &'static str {
        match (self, fulfilment) {
            (OrderStatus::OutForDelivery, FulfilmentKind::Pickup) => "Ready for pickup",
            (OrderStatus::Delivered, FulfilmentKind::Pickup) => "Collected",
            _ => self.label(),
        }
    }

    /// Progress along the lifecycle. A legal transition never lowers it
    /// (except `RetryPayment`, which stays within the payment stage), so two
    /// tills that disagree keep the higher rank.
    pub const fn rank(self) -> u8 {
        match self {
            OrderStatus::Draft => 0,
            OrderStatus::AwaitingPayment | OrderStatus::PaymentFailed => 1,
            OrderStatus::Paid => 2,
            OrderStatus::Preparing => 3,
            OrderStatus::OutForDelivery => 4,
            OrderStatus::Delivered | OrderStatus::Cancelled => 5,
        }
    }

    /// Whether the money is in (paid and any step after it, cancelled
    /// aside) for an order paid before it is handed over; see
    /// [`Order::is_paid`] for any order.
    pub const fn is_paid(self) -> bool {
        matches!(
            self,
            OrderStatus::Paid
                | OrderStatus::Preparing
                | OrderStatus::OutForDelivery
                | OrderStatus::Delivered
        )
    }

    /// Whether the money is in for an order in this status: for an order
    /// paid on delivery, once it is handed over. The one rule every "is it
    /// paid" question asks (in SQL, core's `orders::paid_sql`).
    pub const fn money_in(self, pay_on_delivery: bool) -> bool {
        if pay_on_delivery {
            matches!(self, OrderStatus::Delivered)
        } else {
            self.is_paid()
        }
    }

    /// Whether the order's life is over.
    pub const fn is_final(self) -> bool {
        matches!(self, OrderStatus::Delivered | OrderStatus::Cancelled)
    }

    /// The event that moves the order one step on in fulfilment, as the till's
    /// "advance" key does. `None` where the next step is not staff's to take
    /// alone (waiting for money, or money to collect at the hand-over) or
    /// there is none. A pickup ordered from afar (a chat) is first made
    /// ready, so the customer hears when to come; one typed in at the till
    /// is handed over at once.
    pub const fn next_step(self, terms: Terms, channel: OrderChannel) -> Option<OrderEvent> {
        match (self, terms.fulfilment) {
            (OrderStatus::AwaitingPayment, _) if terms.pay_on_delivery => {
                Some(OrderEvent::StartPreparing)
            }
            (OrderStatus::OutForDelivery, _) if terms.pay_on_delivery => None,
            (OrderStatus::Paid, _) => Some(OrderEvent::StartPreparing),
            (OrderStatus::Preparing, FulfilmentKind::Delivery) => Some(OrderEvent::Dispatch),
            (OrderStatus::Preparing, FulfilmentKind::Pickup) => match channel {
                OrderChannel::Till if !terms.pay_on_delivery => Some(OrderEvent::Deliver),
                _ => Some(OrderEvent::Dispatch),
            },
            (OrderStatus::OutForDelivery, _) => Some(OrderEvent::Deliver),
            _ => None,
        }
    }
}

/// What decides an order's moves besides its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Terms {
    /// Collected or delivered.
    pub fulfilment: FulfilmentKind,
    /// Paid when handed over (cash on delivery, or at the counter on
    /// collection) rather than before it is prepared.
    pub pay_on_delivery: bool,
}

impl Terms {
    /// An order paid before it is prepared.
    pub const fn prepaid(fulfilment: FulfilmentKind) -> Self {
        Self {
            fulfilment,
            pay_on_delivery: false,
        }
    }

    /// An order paid when it is handed over.
    pub const fn on_delivery(fulfilment: FulfilmentKind) -> Self {
        Self {
            fulfilment,
            pay_on_delivery: true,
        }
    }
}

/// Something that happens to an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderEvent {
    /// A payment prompt was sent.
    RequestPayment,
    /// The provider confirmed payment.
    PaymentSucceeded,
    /// The provider reported failure.
    PaymentFailed,
    /// The customer tries again.
    RetryPayment,
    /// Staff recorded money received at the till (cash or an M-Pesa receipt).
    MarkPaid,
    /// Staff started packing.
    StartPreparing,
    /// Handed to the rider.
    Dispatch,
    /// Delivered or collected.
    Deliver,
    /// Called off.
    Cancel,
    /// Money taken at the hand-over of an order paid on delivery: paid
    /// and delivered (or collected) in one move.
    PaidOnDelivery,
}

impl OrderEvent {
    /// Every event.
    pub const ALL: [OrderEvent; 10] = [
        OrderEvent::RequestPayment,
        OrderEvent::PaymentSucceeded,
        OrderEvent::PaymentFailed,
        OrderEvent::RetryPayment,
        OrderEvent::MarkPaid,
        OrderEvent::StartPreparing,
        OrderEvent::Dispatch,
        OrderEvent::Deliver,
        OrderEvent::Cancel,
        OrderEvent::PaidOnDelivery,
    ];

    /// A label for buttons.
    pub const fn label(self) -> &'static str {
        match self {
            OrderEvent::RequestPayment => "Request payment",
            OrderEvent::PaymentSucceeded => "Payment received",
            OrderEvent::PaymentFailed => "Payment failed",
            OrderEvent::RetryPayment => "Retry payment",
            OrderEvent::MarkPaid => "Mark paid",
            OrderEvent::StartPreparing => "Start preparing",
            OrderEvent::Dispatch => "Send out for delivery",
            OrderEvent::Deliver => "Mark delivered",
            OrderEvent::Cancel => "Cancel order",
            OrderEvent::PaidOnDelivery => "Paid on delivery",
        }
    }

    /// The button's label for an order collected or delivered: a pickup
    /// order is made "Ready for pickup", then "Mark collected".
    pub const fn label_for(self, fulfilment: FulfilmentKind) -> &'static str {
        match (self, fulfilment) {
            (OrderEvent::Dispatch, FulfilmentKind::Pickup) => "Ready for pickup",
            (OrderEvent::Deliver, FulfilmentKind::Pickup) => "Mark collected",
            (OrderEvent::PaidOnDelivery, FulfilmentKind::Pickup) => "Paid on collection",
            _ => self.label(),
        }
    }
}

/// Pickup or delivery, which decides the steps after preparing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FulfilmentKind {
    /// The customer collects.
    Pickup,
    /// A rider delivers.
    Delivery,
}

/// An illegal move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// A payment arrived for an order already paid: the caller must not
    /// apply it again.
    #[error("This order is already paid.")]
    AlreadyPaid,
    /// The order is finished.
    #[error("This order is already {}; it cannot change any more.", .0.label().to_lowercase())]
    Final(OrderStatus),
    /// Any other pair.
    #[error("An order that is {} cannot be changed with \"{}\".", .from.label().to_lowercase(), .event.label())]
    Illegal {
        /// Current status.
        from: OrderStatus,
        /// Refused event.
        event: OrderEvent,
    },
}

/// The order machine: the status after `event`, or why not.
pub fn transition(
    from: OrderStatus,
    event: OrderEvent,
    terms: Terms,
) -> Result<OrderStatus, TransitionError> {
    use OrderEvent as E;
    use OrderStatus as S;
    if terms.pay_on_delivery {
        // Its money comes with the hand-over, never before: no prompts,
        // no payment recorded while it waits, no hand-over without money.
        let to = match (from, event) {
            (S::Draft, E::RequestPayment) => S::AwaitingPayment,
            // `Paid` and `PaymentFailed` are not reached this way; an
            // order found there (a row from elsewhere) still finishes.
            (S::AwaitingPayment | S::Paid, E::StartPreparing) => S::Preparing,
            (S::Preparing, E::Dispatch) => S::OutForDelivery,
            (S::OutForDelivery, E::PaidOnDelivery) => S::Delivered,
            (
                S::Draft
                | S::AwaitingPayment
                | S::PaymentFailed
                | S::Paid
                | S::Preparing
                | S::OutForDelivery,
                E::Cancel,
            ) => S::Cancelled,
            (S::Delivered | S::Cancelled, _) => return Err(TransitionError::Final(from)),
            _ => return Err(TransitionError::Illegal { from, event }),
        };
        return Ok(to);
    }
    let to = match (from, event) {
        (S::Draft, E::RequestPayment) => S::AwaitingPayment,
        (S::AwaitingPayment | S::PaymentFailed, E::PaymentSucceeded) => S::Paid,
        (S::AwaitingPayment, E::PaymentFailed) => S::PaymentFailed,
        (S::PaymentFailed, E::RetryPayment) => S::AwaitingPayment,
        (S::Draft | S::AwaitingPayment | S::PaymentFailed, E::MarkPaid) => S::Paid,
        (S::Paid, E::StartPreparing) => S::Preparing,
        // To the rider, or (pickup) ready at the counter.
        (S::Preparing, E::Dispatch) => S::OutForDelivery,
        (S::Preparing, E::Deliver) if terms.fulfilment == FulfilmentKind::Pickup => S::Delivered,
        (S::OutForDelivery, E::Deliver) => S::Delivered,
        (S::Draft | S::AwaitingPayment | S::PaymentFailed | S::Paid | S::Preparing, E::Cancel) => {
            S::Cancelled
        }
        (
            S::Paid | S::Preparing | S::OutForDelivery | S::Delivered,
            E::PaymentSucceeded | E::MarkPaid,
        ) => return Err(TransitionError::AlreadyPaid),
        (S::Delivered | S::Cancelled, _) => return Err(TransitionError::Final(from)),
        _ => return Err(TransitionError::Illegal { from, event }),
    };
    Ok(to)
}

/// An accepted move: the new status and what must follow it. The store
/// carries out `restock`; `tell_customer` becomes an event the reactions
/// turn into a message to the chat behind the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    /// The status after the event.
    pub to: OrderStatus,
    /// Put the lines' stock back on the shelf: a cancelled order that took
    /// stock when it was made (every order but the test chat's).
    pub restock: bool,
    /// Tell the chat customer the new status: the moves staff make. The
    /// bot's own moves (asking for payment) and payment outcomes are told
    /// by the bot's reply to them, so they tell nothing here.
    pub tell_customer: bool,
}

/// The order machine with its consequences: [`transition`], and what must
/// follow the move for an order that came in through `channel`.
pub fn step(
    from: OrderStatus,
    event: OrderEvent,
    terms: Terms,
    channel: OrderChannel,
) -> Result<Moved, TransitionError> {
    let to = transition(from, event, terms)?;
    use OrderEvent as E;
    Ok(Moved {
        to,
        restock: event == E::Cancel && channel != OrderChannel::TestChat,
        tell_customer: channel != OrderChannel::Till
            && matches!(
                event,
                E::MarkPaid
                    | E::StartPreparing
                    | E::Dispatch
                    | E::Deliver
                    | E::PaidOnDelivery
                    | E::Cancel
            ),
    })
}

/// How the order reached the shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderChannel {
    /// Typed in at the till (walk-in or phone call).
    Till,
    /// Through the WhatsApp bot.
    WhatsApp,
    /// The merchant's own test chat.
    TestChat,
}

/// How the order gets to the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fulfilment {
    /// Collected at the shop.
    Pickup,
    /// Delivered to a zone.
    Delivery {
        /// The zone.
        zone_id: ZoneId,
        /// Its name at the time of the order.
        zone_name: String,
        /// Address or landmark.
        address: String,
    },
}

impl Fulfilment {
    /// Pickup or delivery.
    pub fn kind(&self) -> FulfilmentKind {
        match self {
            Fulfilment::Pickup => FulfilmentKind::Pickup,
            Fulfilment::Delivery { .. } => FulfilmentKind::Delivery,
        }
    }
}

/// An order line as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    /// The item.
    pub item_id: ItemId,
    /// Its name when ordered.
    pub name: String,
    /// Unit price when ordered.
    pub unit_price: Money,
    /// Units.
    pub qty: u32,
    /// Price times units.
    pub total: Money,
}

/// An order with its lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// Id.
    pub id: OrderId,
    /// Number people say out loud ("order 1042"), unique in this store.
    pub number: i64,
    /// Customer, if known.
    pub customer_id: Option<CustomerId>,
    /// Customer's phone, if given.
    pub customer_phone: Option<Msisdn>,
    /// Customer's name, if given.
    pub customer_name: Option<String>,
    /// Where it came from.
    pub channel: OrderChannel,
    /// Pickup or delivery.
    pub fulfilment: Fulfilment,
    /// Lines.
    pub lines: Vec<OrderLine>,
    /// Sum of the lines.
    pub subtotal: Money,
    /// Delivery fee (zero for pickup).
    pub delivery_fee: Money,
    /// What the customer pays.
    pub total: Money,
    /// Status.
    pub status: OrderStatus,
    /// Note from the customer or staff.
    pub note: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// Paid when handed over (cash on delivery) rather than before it is
    /// prepared. Absent in the bodies of orders paid first.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pay_on_delivery: bool,
}

impl Order {
    /// The number as shown: `#1042`.
    pub fn display_number(&self) -> String {
        format!("#{}", self.number)
    }

    /// What decides this order's moves besides its status.
    pub fn terms(&self) -> Terms {
        Terms {
            fulfilment: self.fulfilment.kind(),
            pay_on_delivery: self.pay_on_delivery,
        }
    }

    /// Whether the money is in: for an order paid on delivery, once it is
    /// handed over.
    pub fn is_paid(&self) -> bool {
        self.status.money_in(self.pay_on_delivery)
    }

    /// Whether staff take its money now, at the hand-over of an order paid
    /// on delivery.
    pub fn collects_now(&self) -> bool {
        self.pay_on_delivery && self.status == OrderStatus::OutForDelivery
    }
}

/// How a till order was paid when it was entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum TillPayment {
    /// Not yet: the order waits for payment.
    #[default]
    Unpaid,
    /// Cash in the drawer.
    Cash,
    /// The customer paid by M-Pesa; the clerk typed the receipt code.
    MpesaReceipt(String),
    /// A known customer takes the goods on credit and pays later.
    Credit,
    /// Cash (or M-Pesa) when the goods are handed over, as a phone order
    /// delivered by a rider: staff prepare and send it before any money,
    /// and record the money at the hand-over.
    OnDelivery,
}

/// A line of the manual order form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualLineInput {
    /// Item.
    pub item_id: ItemId,
    /// Units.
    pub qty: u32,
    /// The scale label scanned for this line
    /// ([`crate::barcode::ScaleLabel`]): one weighed pack, priced from the
    /// label by the store. Such lines are never merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// The till's manual order form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ManualOrderInput {
    /// Customer's phone as typed; may be empty for a walk-in.
    pub customer_phone: String,
    /// Customer's name; optional.
    pub customer_name: String,
    /// Lines.
    pub lines: Vec<ManualLineInput>,
    /// Delivery zone, or `None` for pickup.
    pub zone_id: Option<ZoneId>,
    /// Address for delivery.
    pub address: String,
    /// Payment taken.
    pub payment: TillPayment,
    /// Free note.
    pub note: String,
    /// A business buyer's KRA PIN, for their tax invoice (empty: none).
    #[serde(default)]
    pub buyer_pin: String,
}

/// The manual order form, validated (items are checked against the catalogue
/// by the store, which holds stock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidManualOrder {
    /// Phone, if given.
    pub customer_phone: Option<Msisdn>,
    /// Name, if given.
    pub customer_name: Option<String>,
    /// Lines with quantities checked.
    pub lines: Vec<ManualLineInput>,
    /// Zone, if delivery.
    pub zone_id: Option<ZoneId>,
    /// Address.
    pub address: String,
    /// Payment, with a checked receipt code.
    pub payment: TillPayment,
    /// Note.
    pub note: String,
    /// The buyer's KRA PIN, as KRA spells it.
    pub buyer_pin: Option<String>,
}

/// An M-Pesa receipt code that is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("An M-Pesa code has 10 letters and digits, like QFT4ABC12X (from the customer's SMS).")]
pub struct NotAReceiptCode;

/// Checks an M-Pesa receipt code as printed on the customer's SMS: ten
/// letters and digits, starting with a letter (e.g. `QFT4ABC12X`).
pub fn parse_mpesa_receipt(input: &str) -> Result<String, NotAReceiptCode> {
    let code: String = input.trim().to_ascii_uppercase();
    let ok = code.len() == 10
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && code.starts_with(|c: char| c.is_ascii_uppercase());
    if ok {
        Ok(code)
    } else {
        Err(NotAReceiptCode)
    }
}

impl ManualOrderInput {
    /// Checks the form. `country` reads local phone numbers.
    pub fn validate(&self, country: Country) -> Result<ValidManualOrder, Vec<FieldError>> {
        let mut errors = Vec::new();
        let customer_phone = if self.customer_phone.trim().is_empty() {
            None
        } else {
            Msisdn::parse(&self.customer_phone, country)
                .map_err(|e| errors.push(FieldError::said("customer_phone", &e)))
                .ok()
        };
        let name = self.customer_name.trim();
        if name.chars().count() > 60 {
            errors.push(FieldError::said("customer_name", &Problem::TooLong(60)));
        }
        if self.lines.is_empty() {
            errors.push(FieldError::said("lines", &Problem::NoItems));
        }
        let mut lines: Vec<ManualLineInput> = Vec::new();
        for l in &self.lines {
            if l.qty == 0 || l.qty > crate::cart::MAX_QTY {
                errors.push(FieldError::said(
                    "lines",
                    &Problem::Quantity(crate::cart::MAX_QTY),
                ));
                break;
            }
            if let Some(label) = &l.label {
                if l.qty != 1 || crate::barcode::ScaleLabel::parse(label).is_none() {
                    errors.push(FieldError::said(
                        "lines",
                        &Problem::ScaleLabel(label.to_string()),
                    ));
                    break;
                }
                lines.push(l.clone());
                continue;
            }
            match lines
                .iter_mut()
                .find(|x| x.item_id == l.item_id && x.label.is_none())
            {
                Some(x) => x.qty = x.qty.saturating_add(l.qty),
                None => lines.push(l.clone()),
            }
        }
        if self.zone_id.is_some() {
            if self.address.trim().is_empty() {
                errors.push(FieldError::said("address", &Problem::DeliveryAddress));
            }
            if customer_phone.is_none() && self.customer_phone.trim().is_empty() {
                errors.push(FieldError::said("customer_phone", &Problem::DeliveryPhone));
            }
        }
        if self.note.chars().count() > 500 {
            errors.push(FieldError::said("note", &Problem::TooLong(500)));
        }
        if self.payment == TillPayment::Credit
            && customer_phone.is_none()
            && self.customer_phone.trim().is_empty()
        {
            errors.push(FieldError::said("customer_phone", &Problem::CreditPhone));
        }
        if self.payment == TillPayment::OnDelivery
            && customer_phone.is_none()
            && self.customer_phone.trim().is_empty()
        {
            errors.push(FieldError::said(
                "customer_phone",
                &Problem::OnDeliveryPhone,
            ));
        }
        let payment = match &self.payment {
            TillPayment::MpesaReceipt(code) => match parse_mpesa_receipt(code) {
                Ok(code) => TillPayment::MpesaReceipt(code),
                Err(m) => {
                    errors.push(FieldError::said("receipt", &m));
                    TillPayment::Unpaid
                }
            },
            other => other.clone(),
        };
        let buyer_pin = if self.buyer_pin.trim().is_empty() {
            None
        } else {
            crate::tax::check_pin(&self.buyer_pin)
                .map_err(|m| errors.push(FieldError::said("buyer_pin", &m)))
                .ok()
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidManualOrder {
            customer_phone,
            customer_name: (!name.is_empty()).then(|| name.to_owned()),
            lines,
            zone_id: self.zone_id,
            address: self.address.trim().to_owned(),
            payment,
            note: self.note.trim().to_owned(),
            buyer_pin,
        })
    }
}

/// Builds order lines from cart lines.
pub fn lines_from_cart(lines: &[CartLine]) -> Result<Vec<OrderLine>, crate::MoneyError> {
    lines
        .iter()
        .map(|l| {
            Ok(OrderLine {
                item_id: l.item_id,
                name: l.name.clone(),
                unit_price: l.unit_price,
                qty: l.qty,
                total: l.total()?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
