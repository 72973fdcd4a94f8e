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
    /// Taken on credit by a known customer, who pays later
    /// ([`crate::credit`]).
    Credit,
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
            PaymentMethod::Credit => "credit",
        }
    }

    /// Every method.
    pub const ALL: [PaymentMethod; 6] = [
        PaymentMethod::Cash,
        PaymentMethod::MpesaManual,
        PaymentMethod::MpesaDaraja,
        PaymentMethod::MpesaIntaSend,
        PaymentMethod::Simulated,
        PaymentMethod::Credit,
    ];

    /// Parses [`PaymentMethod::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether money received this way is money the shop holds, which it
    /// can give back (cash and M-Pesa; not a sale on credit, not the test
    /// chat's simulated money).
    pub const fn brings_money(self) -> bool {
        matches!(
            self,
            PaymentMethod::Cash
                | PaymentMethod::MpesaManual
                | PaymentMethod::MpesaDaraja
                | PaymentMethod::MpesaIntaSend
        )
    }
}

/// Where a customer sends M-Pesa by hand: the shop's own buy-goods till or
/// paybill (the account is the order number).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PayTo {
    /// Lipa na M-Pesa buy goods: a till number.
    Till(String),
    /// A paybill number; the customer types the order number as account.
    Paybill(String),
}

/// Why a till or paybill number as typed is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PayToError {
    /// Not 5 to 8 digits.
    #[error("A till or paybill number has 5 to 8 digits, e.g. 123456.")]
    BadNumber,
    /// Neither `till` nor `paybill`.
    #[error("Choose a till (buy goods) or a paybill.")]
    NoKind,
}

impl PayTo {
    /// Checks a till or paybill number as typed: 5 to 8 digits.
    pub fn parse(kind: &str, number: &str) -> Result<Self, PayToError> {
        let number: String = number.chars().filter(|c| !c.is_whitespace()).collect();
        if !(5..=8).contains(&number.len()) || !number.chars().all(|c| c.is_ascii_digit()) {
            return Err(PayToError::BadNumber);
        }
        match kind {
            "till" => Ok(Self::Till(number)),
            "paybill" => Ok(Self::Paybill(number)),
            _ => Err(PayToError::NoKind),
        }
    }

    /// `till` or `paybill`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Till(_) => "till",
            Self::Paybill(_) => "paybill",
        }
    }

    /// The number.
    pub fn number(&self) -> &str {
        match self {
            Self::Till(n) | Self::Paybill(n) => n,
        }
    }
}

/// Finds an M-Pesa transaction code in what a customer wrote: the code on
/// its own, or the whole confirmation SMS pasted. A code is ten letters and
/// digits starting with a letter, with at least one digit (so a ten-letter
/// word is not taken for one).
pub fn find_mpesa_code(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| t.len() == 10)
        .map(str::to_ascii_uppercase)
        .find(|t| {
            t.starts_with(|c: char| c.is_ascii_uppercase())
                && t.chars().any(|c| c.is_ascii_digit())
                && t.chars().filter(char::is_ascii_uppercase).count() >= 2
        })
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
    /// Every state.
    pub const ALL: [PaymentState; 4] = [
        PaymentState::Pending,
        PaymentState::Succeeded,
        PaymentState::Failed,
        PaymentState::Unknown,
    ];

    /// How final the state is. Two tills that recorded different states for
    /// one attempt keep the higher rank: an answer beats a wait, and a final
    /// answer (money in, or refused) is never replaced. This and
    /// [`crate::order::OrderStatus::rank`] are the one table of the conflict
    /// rule: the till's apply calls them, and the hosted SQL's
    /// `payment_rank`/`order_rank` are tested against them.
    pub const fn rank(self) -> u8 {
        match self {
            PaymentState::Pending => 0,
            PaymentState::Unknown => 1,
            PaymentState::Failed | PaymentState::Succeeded => 2,
        }
    }

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
        Self::ALL.into_iter().find(|m| m.as_str() == s)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_reads_back_and_only_cash_and_m_pesa_are_money_held() {
        for m in PaymentMethod::ALL {
            assert_eq!(PaymentMethod::parse(m.as_str()), Some(m));
        }
        let money: Vec<&str> = PaymentMethod::ALL
            .into_iter()
            .filter(|m| m.brings_money())
            .map(PaymentMethod::as_str)
            .collect();
        assert_eq!(
            money,
            ["cash", "mpesa_manual", "mpesa_daraja", "mpesa_intasend"]
        );
    }

    #[test]
    fn a_code_is_found_alone_or_in_a_pasted_sms_and_words_are_not_codes() {
        assert_eq!(find_mpesa_code("qgh4abc12x").as_deref(), Some("QGH4ABC12X"));
        assert_eq!(
            find_mpesa_code(
                "QGH4ABC12X Confirmed. Ksh600.00 paid to MAMA MBOGA. on 2/12/26 at 3:40 PM."
            )
            .as_deref(),
            Some("QGH4ABC12X")
        );
        assert_eq!(
            find_mpesa_code("code ni SLK7Y3H2QW asante").as_deref(),
            Some("SLK7Y3H2QW")
        );
        assert_eq!(find_mpesa_code("everything"), None, "a word is not a code");
        assert_eq!(
            find_mpesa_code("0712345678"),
            None,
            "a phone number is not a code"
        );
        assert_eq!(find_mpesa_code("I paid"), None);
        assert_eq!(find_mpesa_code("QGH4ABC12XY"), None, "eleven characters");
    }

    #[test]
    fn a_till_or_paybill_number_is_checked() {
        assert_eq!(
            PayTo::parse("till", " 123 456 "),
            Ok(PayTo::Till("123456".into()))
        );
        assert_eq!(
            PayTo::parse("paybill", "400200"),
            Ok(PayTo::Paybill("400200".into()))
        );
        assert!(PayTo::parse("till", "12a456").is_err());
        assert!(PayTo::parse("till", "1234").is_err());
        assert!(PayTo::parse("bank", "123456").is_err());
    }
}
