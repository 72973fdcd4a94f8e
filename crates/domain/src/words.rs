//! The rules' messages in the till's language. A refusal made here (a
//! phone number, an amount, an order's move) is typed as an error whose
//! `Display` is its English; [`Localize`] names the same message by its key
//! in the screens' message files (`ui/locales/*.ftl`) with the values it
//! puts in, so the screens show it in the language chosen in Settings while
//! logs and tests keep the English. The English text of each key in
//! `en.ftl` is the error's `Display`, word for word (a UI test formats every
//! message both ways and compares them).
//!
//! Every key a rule can send is in this file, so a translator, or the test
//! that checks each language has it, finds them in one place.

use crate::cart::{CartError, MAX_QTY};
use crate::cash::TenderError;
use crate::order::{NotAReceiptCode, OrderEvent, OrderStatus, TransitionError};
use crate::payment::PayToError;
use crate::receipt::AddressError;
use crate::shop::ShopCodeError;
use crate::{MoneyError, PhoneError};
use serde::{Deserialize, Serialize};

/// A message by its key, with the values it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Words {
    /// The message's id in the message files (`error-phone-empty`).
    pub key: String,
    /// The values put into it, by name (`{ $digits }`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

/// One value put into a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Put in as it is (an amount, a number typed).
    Text(String),
    /// Another message, looked up first in the same language (an order's
    /// status named in a refusal).
    Words(String),
}

impl Words {
    /// The message `key` with no values.
    pub fn new(key: &str) -> Self {
        Self {
            key: key.to_owned(),
            args: Vec::new(),
        }
    }

    /// Puts `value` in as `{ $name }`.
    #[must_use]
    pub fn text(mut self, name: &str, value: impl ToString) -> Self {
        self.args
            .push((name.to_owned(), Arg::Text(value.to_string())));
        self
    }

    /// Puts message `key` (in the same language) in as `{ $name }`.
    #[must_use]
    pub fn words(mut self, name: &str, key: &str) -> Self {
        self.args
            .push((name.to_owned(), Arg::Words(key.to_owned())));
        self
    }
}

/// A message of the rules that the screens can show in any language; its
/// `Display` is the English.
pub trait Localize: std::fmt::Display {
    /// The message by its key.
    fn words(&self) -> Words;
}

impl Localize for PhoneError {
    fn words(&self) -> Words {
        match self {
            PhoneError::Empty => Words::new("error-phone-empty"),
            PhoneError::InvalidCharacters => Words::new("error-phone-characters"),
            PhoneError::NotRecognised => Words::new("error-phone-not-recognised"),
            PhoneError::WrongLength(n) => Words::new("error-phone-length").text("digits", n),
        }
    }
}

impl Localize for MoneyError {
    fn words(&self) -> Words {
        match self {
            MoneyError::Empty => Words::new("error-amount-empty"),
            MoneyError::NotANumber(typed) => {
                Words::new("error-amount-not-a-number").text("typed", typed)
            }
            MoneyError::TooManyDecimals => Words::new("error-amount-decimals"),
            MoneyError::Negative => Words::new("error-amount-negative"),
            MoneyError::TooLarge => Words::new("error-amount-too-large"),
            MoneyError::CurrencyMismatch(a, b) => Words::new("error-amount-currencies")
                .text("first", a)
                .text("second", b),
        }
    }
}

impl Localize for TenderError {
    fn words(&self) -> Words {
        match self {
            TenderError::Amount(e) => e.words(),
            TenderError::Short {
                tendered,
                total,
                short,
            } => Words::new("error-tender-short")
                .text("tendered", tendered)
                .text("total", total)
                .text("short", short),
        }
    }
}

impl Localize for TransitionError {
    fn words(&self) -> Words {
        match self {
            TransitionError::AlreadyPaid => Words::new("error-order-already-paid"),
            TransitionError::Final(status) => {
                Words::new("error-order-final").words("status", status_key(*status))
            }
            TransitionError::Illegal { from, event } => Words::new("error-order-illegal")
                .words("status", status_key(*from))
                .words("step", step_key(*event)),
        }
    }
}

/// An order's status named inside a sentence (lower case in English).
fn status_key(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::Draft => "error-status-draft",
        OrderStatus::AwaitingPayment => "error-status-awaiting-payment",
        OrderStatus::PaymentFailed => "error-status-payment-failed",
        OrderStatus::Paid => "error-status-paid",
        OrderStatus::Preparing => "error-status-preparing",
        OrderStatus::OutForDelivery => "error-status-out-for-delivery",
        OrderStatus::Delivered => "error-status-delivered",
        OrderStatus::Cancelled => "error-status-cancelled",
    }
}

/// A step of the order machine named inside a sentence.
fn step_key(event: OrderEvent) -> &'static str {
    match event {
        OrderEvent::RequestPayment => "error-step-request-payment",
        OrderEvent::PaymentSucceeded => "error-step-payment-received",
        OrderEvent::PaymentFailed => "error-step-payment-failed",
        OrderEvent::RetryPayment => "error-step-retry-payment",
        OrderEvent::MarkPaid => "error-step-mark-paid",
        OrderEvent::StartPreparing => "error-step-start-preparing",
        OrderEvent::Dispatch => "error-step-dispatch",
        OrderEvent::Deliver => "error-step-deliver",
        OrderEvent::Cancel => "error-step-cancel",
        OrderEvent::PaidOnDelivery => "error-step-paid-on-delivery",
    }
}

impl Localize for NotAReceiptCode {
    fn words(&self) -> Words {
        Words::new("error-mpesa-code")
    }
}

impl Localize for ShopCodeError {
    fn words(&self) -> Words {
        Words::new(match self {
            ShopCodeError::TooShort => "error-shop-code-short",
            ShopCodeError::TooLong => "error-shop-code-long",
            ShopCodeError::BadCharacter => "error-shop-code-characters",
            ShopCodeError::DashAtEdge => "error-shop-code-dash",
        })
    }
}

impl Localize for AddressError {
    fn words(&self) -> Words {
        match self {
            AddressError::Empty => Words::new("error-printer-address-empty"),
            AddressError::BadPort(port) => Words::new("error-printer-port").text("port", port),
            AddressError::NotAnAddress => Words::new("error-printer-address"),
        }
    }
}

impl Localize for PayToError {
    fn words(&self) -> Words {
        Words::new(match self {
            PayToError::BadNumber => "error-pay-to-number",
            PayToError::NoKind => "error-pay-to-kind",
        })
    }
}

impl Localize for CartError {
    fn words(&self) -> Words {
        match self {
            CartError::NotForSale(name) => Words::new("error-cart-not-for-sale").text("name", name),
            CartError::OutOfStock { name, available } => Words::new("error-cart-out-of-stock")
                .text("name", name)
                .text("available", available),
            CartError::BadQuantity => Words::new("error-cart-quantity").text("max", MAX_QTY),
            CartError::Currency(name) => Words::new("error-cart-currency").text("name", name),
        }
    }
}
