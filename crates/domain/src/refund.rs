//! Refunds: money given back to a customer for an order, all of it or a
//! part (one line returned, an airtime top-up that never arrived). A refund
//! is only ever added, never changed (but for its reason, which a
//! customer's erasure removes: [`ERASED_REASON`]), and synced between
//! tills: sales, the drawer's cash-up and resellers' commissions all read
//! it.
//!
//! An order can give back at most the money it brought in (cash and M-Pesa
//! received, less what was refunded already): a sale on credit brought no
//! money, and test-chat money is not money.

use crate::credit::RepaymentMethod;
use crate::ipc::FieldError;
use crate::money::{Currency, Money};
use crate::order::parse_mpesa_receipt;
use crate::words::Problem;
use crate::{OrderId, RefundId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How the money went back: cash from the drawer, or M-Pesa sent from the
/// shop's line.
pub type RefundMethod = RepaymentMethod;

/// The longest reason kept.
pub const REASON_MAX: usize = 200;

/// The reason an erased customer's refunds keep: staff may have written
/// the customer's name in it ("Amina brought the maize back"), so erasure
/// replaces it, on every till and on the server (hosted migration 0016
/// writes the same mark). The screens show it as "removed with the
/// customer's data".
pub const ERASED_REASON: &str = "\u{2014}";

/// A refund as stored and synced (insert-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refund {
    /// Id.
    pub id: RefundId,
    /// The order the money was paid for.
    pub order_id: OrderId,
    /// How much went back.
    pub amount: Money,
    /// Cash or M-Pesa.
    pub method: RefundMethod,
    /// The M-Pesa code of the money sent back, when staff have one.
    pub receipt: Option<String>,
    /// Why, as staff put it ("1 bread returned", "airtime never arrived").
    pub reason: String,
    /// Who gave it back.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

impl Refund {
    /// Whether a refund (one pulled from another till) can be stored as
    /// it is.
    pub fn is_valid(&self) -> bool {
        self.amount.minor > 0
            && !self.reason.trim().is_empty()
            && self.reason.chars().count() <= REASON_MAX
            && (self.method == RefundMethod::Mpesa || self.receipt.is_none())
    }
}

/// The refund form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundInput {
    /// The order.
    pub order_id: OrderId,
    /// Amount as typed.
    pub amount: String,
    /// `cash` or `mpesa`.
    pub method: String,
    /// The M-Pesa code of the money sent back (may be left empty).
    pub receipt: String,
    /// Why.
    pub reason: String,
}

/// A refund form that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRefund {
    /// How much.
    pub amount: Money,
    /// Cash or M-Pesa.
    pub method: RefundMethod,
    /// The M-Pesa code, if typed.
    pub receipt: Option<String>,
    /// Why, trimmed.
    pub reason: String,
}

impl RefundInput {
    /// Checks the fields against what the order can still give back
    /// (`left`: money received less refunds already made).
    pub fn validate(
        &self,
        currency: Currency,
        left: Money,
    ) -> Result<ValidRefund, Vec<FieldError>> {
        let mut errors = Vec::new();
        if left.minor <= 0 {
            return Err(vec![FieldError::said("amount", &Problem::NothingToRefund)]);
        }
        let amount = match Money::parse(&self.amount, currency) {
            Ok(a) if a.minor > 0 && a.minor <= left.minor => Some(a),
            Ok(a) if a.minor > left.minor => {
                errors.push(FieldError::said("amount", &Problem::RefundOver { left }));
                None
            }
            _ => {
                errors.push(FieldError::said("amount", &Problem::RefundAmount { left }));
                None
            }
        };
        let method = RefundMethod::parse(self.method.trim());
        if method.is_none() {
            errors.push(FieldError::said("method", &Problem::PayoutMethod));
        }
        let receipt = match method {
            Some(RefundMethod::Mpesa) if !self.receipt.trim().is_empty() => {
                match parse_mpesa_receipt(&self.receipt) {
                    Ok(code) => Some(code),
                    Err(e) => {
                        errors.push(FieldError::said("receipt", &e));
                        None
                    }
                }
            }
            _ => None,
        };
        let reason = self.reason.trim();
        if reason.is_empty() || reason.chars().count() > REASON_MAX {
            errors.push(FieldError::said("reason", &Problem::RefundReason));
        }
        match (amount, method) {
            (Some(amount), Some(method)) if errors.is_empty() => Ok(ValidRefund {
                amount,
                method,
                receipt,
                reason: reason.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// How money went back, read from staff's note on an airtime refund ("an
/// M-Pesa code, or cash"): a well-formed M-Pesa code in it is M-Pesa with
/// that code; a word for cash in any of the till's languages is cash;
/// anything else went back the way it came (`came`).
pub fn way_in_note(note: &str, came: RefundMethod) -> (RefundMethod, Option<String>) {
    let words: Vec<String> = note
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // Codes hold digits: a ten-letter word ("everything") is not one.
    let code = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .find_map(|w| parse_mpesa_receipt(w).ok());
    if let Some(code) = code {
        return (RefundMethod::Mpesa, Some(code));
    }
    // Arabic: any word of the root (نقد, نقدا, نقداً).
    const CASH: [&str; 6] = ["cash", "taslimu", "keshi", "espèces", "especes", "liquide"];
    if words
        .iter()
        .any(|w| CASH.contains(&w.as_str()) || w.starts_with("نقد"))
    {
        return (RefundMethod::Cash, None);
    }
    (came, None)
}

/// What an order has given back and can still give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRefunds {
    /// Refunds made, oldest first.
    pub refunds: Vec<Refund>,
    /// What it can still give back.
    pub left: Money,
    /// What went back beyond what came in (two tills, each offline, gave
    /// back the same money); `None` when nothing did.
    pub over: Option<Money>,
}

#[cfg(test)]
mod tests;
