//! Payment attempts: every try to collect money for an order, recorded once.

use crate::money::Money;
use crate::phone::Msisdn;
use crate::{OrderId, PaymentId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How money was (or is being) collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaymentMethod {
    /// Cash at the till.
    Cash,
    /// The customer paid by M-Pesa on their own; staff typed the receipt code.
    MpesaManual,
    /// An STK push through Safaricom Daraja.
    MpesaDaraja,
    /// An STK push through IntaSend.
    MpesaIntaSend,
    /// The test chat's simulated provider.
    Simulated,
}

impl PaymentMethod {
    /// Stable storage name.
    pub const fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::MpesaManual => "mpesa_manual",
            PaymentMethod::MpesaDaraja => "mpesa_daraja",
            PaymentMethod::MpesaIntaSend => "mpesa_intasend",
            PaymentMethod::Simulated => "simulated",
        }
    }

    /// Parses [`PaymentMethod::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        [
            PaymentMethod::Cash,
            PaymentMethod::MpesaManual,
            PaymentMethod::MpesaDaraja,
            PaymentMethod::MpesaIntaSend,
            PaymentMethod::Simulated,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// Where an attempt stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaymentState {
    /// Asked; no answer yet.
    Pending,
    /// Money received.
    Succeeded,
    /// Refused or cancelled: no money moved.
    Failed,
    /// No final answer before the deadline: money may have moved, so staff
    /// settle it by hand.
    Unknown,
}

impl PaymentState {
    /// Stable storage name.
    pub const fn as_str(self) -> &'static str {
        match self {
            PaymentState::Pending => "pending",
            PaymentState::Succeeded => "succeeded",
            PaymentState::Failed => "failed",
            PaymentState::Unknown => "unknown",
        }
    }

    /// Parses [`PaymentState::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        [
            PaymentState::Pending,
            PaymentState::Succeeded,
            PaymentState::Failed,
            PaymentState::Unknown,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// One attempt to collect money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentAttempt {
    /// Id.
    pub id: PaymentId,
    /// The order.
    pub order_id: OrderId,
    /// Method.
    pub method: PaymentMethod,
    /// Amount asked.
    pub amount: Money,
    /// Phone charged, for M-Pesa.
    pub phone: Option<Msisdn>,
    /// State.
    pub state: PaymentState,
    /// The provider's reference (CheckoutRequestID, invoice id).
    pub provider_ref: Option<String>,
    /// M-Pesa receipt code once paid.
    pub receipt: Option<String>,
    /// Why it failed, in plain words.
    pub failure: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// The member of staff who settled the attempt from the M-Pesa
    /// statement, when staff did rather than the provider.
    #[serde(default)]
    pub settled_by: Option<String>,
}
