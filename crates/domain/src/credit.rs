//! Sales on credit (madeni): a known customer takes goods now and pays
//! later, within an optional limit. A credit sale is the order paid by the
//! `Credit` method (the goods go; the money is owed); repayments are rows
//! of their own, in cash or by M-Pesa. What a customer owes is their credit
//! sales less their repayments; the oldest debt is the oldest credit sale
//! the repayments have not covered (paid off oldest first).

use crate::ipc::FieldError;
use crate::money::{Currency, Money};
use crate::order::parse_mpesa_receipt;
use crate::words::Problem;
use crate::{CreditPaymentId, CustomerId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How a repayment came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RepaymentMethod {
    /// Cash in this till's drawer.
    Cash,
    /// M-Pesa sent to the shop, with its code.
    Mpesa,
}

impl RepaymentMethod {
    /// Stable storage name.
    pub const fn as_str(self) -> &'static str {
        match self {
            RepaymentMethod::Cash => "cash",
            RepaymentMethod::Mpesa => "mpesa",
        }
    }

    /// Parses [`RepaymentMethod::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "cash" => Some(RepaymentMethod::Cash),
            "mpesa" => Some(RepaymentMethod::Mpesa),
            _ => None,
        }
    }
}

/// A repayment as stored and synced (insert-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repayment {
    /// Id.
    pub id: CreditPaymentId,
    /// Who paid.
    pub customer_id: CustomerId,
    /// How much.
    pub amount: Money,
    /// Cash or M-Pesa.
    pub method: RepaymentMethod,
    /// The M-Pesa code, for M-Pesa.
    pub receipt: Option<String>,
    /// Who took it.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// One line of a customer's credit history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreditEntry {
    /// Goods taken on credit.
    Sale {
        /// The order's number.
        number: i64,
        /// Its total.
        amount: Money,
        /// When.
        at: DateTime<Utc>,
    },
    /// Money paid back.
    Repaid(Repayment),
}

impl CreditEntry {
    /// When it happened.
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            CreditEntry::Sale { at, .. } => *at,
            CreditEntry::Repaid(r) => r.at,
        }
    }
}

/// A customer's credit: what they owe, their limit, their history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditAccount {
    /// The customer.
    pub customer_id: CustomerId,
    /// Their name, if known.
    pub name: Option<String>,
    /// Their number in national form (`None` once erased).
    pub phone: Option<String>,
    /// What they owe now (zero or more; more repaid than owed shows as a
    /// negative balance: money the shop holds for them).
    pub balance: Money,
    /// The most they may owe (`None`: no limit).
    pub limit: Option<Money>,
    /// The oldest credit sale not yet paid off.
    pub oldest_unpaid: Option<DateTime<Utc>>,
    /// Credit sales and repayments, oldest first.
    pub history: Vec<CreditEntry>,
    /// Whether a reminder may be sent: they wrote to the shop on WhatsApp
    /// and did not opt out.
    pub can_remind: bool,
}

/// A line of the "who owes what" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debtor {
    /// The customer.
    pub customer_id: CustomerId,
    /// Their name, if known.
    pub name: Option<String>,
    /// Their number in national form (`None` once erased).
    pub phone: Option<String>,
    /// What they owe.
    pub balance: Money,
    /// Their limit.
    pub limit: Option<Money>,
    /// The oldest credit sale not yet paid off.
    pub oldest_unpaid: DateTime<Utc>,
}

/// What is owed and since when, from credit sales (any order) and the
/// total repaid: repayments pay off the oldest sales first.
pub fn standing(sales: &[(DateTime<Utc>, Money)], repaid: Money) -> (Money, Option<DateTime<Utc>>) {
    let mut sorted: Vec<_> = sales.to_vec();
    sorted.sort_by_key(|(at, _)| *at);
    let owed: i64 = sorted.iter().map(|(_, m)| m.minor).sum();
    let balance = Money::from_minor(owed - repaid.minor, repaid.currency);
    let mut covered = repaid.minor;
    let mut oldest = None;
    for (at, m) in &sorted {
        if covered >= m.minor {
            covered -= m.minor;
        } else {
            oldest = Some(*at);
            break;
        }
    }
    (balance, oldest)
}

/// Why a sale on credit is refused.
pub fn over_limit(
    name: &str,
    balance: Money,
    limit: Option<Money>,
    sale: Money,
) -> Option<Problem> {
    let limit = limit?;
    let after = balance.minor + sale.minor;
    (after > limit.minor).then(|| Problem::OverLimit {
        name: name.to_owned(),
        balance,
        limit,
        sale,
    })
}

/// How long after a reminder another may be sent to the same customer.
pub const REMINDER_GAP_HOURS: i64 = 72;

/// A gentle reminder of what is owed, in the customer's language, the
/// amount written the way the shop's country writes it.
pub fn reminder_text(
    language: crate::customer::Language,
    name: Option<&str>,
    shop: &str,
    balance: Money,
) -> String {
    use crate::customer::Language;
    let name = name.map(|n| format!(" {n}")).unwrap_or_default();
    let balance = balance.local_text();
    match language {
        Language::Sw => format!(
            "Habari{name}, ukumbusho mdogo kutoka {shop}: deni lako ni {balance}. Unaweza kulipa dukani au kwa M-Pesa. Asante!"
        ),
        Language::Fr => format!(
            "Bonjour{name}, petit rappel de {shop} : il reste {balance} à régler. Vous pouvez payer au magasin ou par M-Pesa. Merci !"
        ),
        Language::Ar => format!(
            "مرحبًا{name}، تذكير لطيف من {shop}: المبلغ المتبقي عليك هو {balance}. يمكنك الدفع في المحل أو عبر M-Pesa. شكرًا!"
        ),
        Language::En => format!(
            "Hello{name}, a gentle reminder from {shop}: your balance is {balance}. You can pay at the shop or by M-Pesa. Thank you!"
        ),
    }
}

/// A repayment as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepaymentInput {
    /// Who pays.
    pub customer_id: CustomerId,
    /// How much, as typed.
    pub amount: String,
    /// Cash or M-Pesa.
    pub method: RepaymentMethod,
    /// The M-Pesa code, for M-Pesa.
    pub receipt: String,
}

/// A repayment, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRepayment {
    /// How much.
    pub amount: Money,
    /// Cash or M-Pesa.
    pub method: RepaymentMethod,
    /// The M-Pesa code, upper case.
    pub receipt: Option<String>,
}

impl RepaymentInput {
    /// Reads the form; problems by field (`amount`, `receipt`).
    pub fn validate(&self, currency: Currency) -> Result<ValidRepayment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let amount = match Money::parse(&self.amount, currency) {
            Ok(m) if m.minor > 0 => Some(m),
            Ok(_) => {
                errors.push(FieldError::said("amount", &Problem::RepaidAmount));
                None
            }
            Err(e) => {
                errors.push(FieldError::said("amount", &e));
                None
            }
        };
        let receipt = match self.method {
            RepaymentMethod::Cash => None,
            RepaymentMethod::Mpesa => match parse_mpesa_receipt(&self.receipt) {
                Ok(code) => Some(code),
                Err(m) => {
                    errors.push(FieldError::said("receipt", &m));
                    None
                }
            },
        };
        match amount {
            Some(amount) if errors.is_empty() => Ok(ValidRepayment {
                amount,
                method: self.method,
                receipt,
            }),
            _ => Err(errors),
        }
    }
}

/// A credit limit as typed (empty: no limit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditLimitInput {
    /// The customer.
    pub customer_id: CustomerId,
    /// The limit, as typed.
    pub limit: String,
}

impl CreditLimitInput {
    /// Reads the limit (`None`: no limit); a problem names `limit`.
    pub fn validate(&self, currency: Currency) -> Result<Option<Money>, Vec<FieldError>> {
        if self.limit.trim().is_empty() {
            return Ok(None);
        }
        Money::parse(&self.limit, currency)
            .map(Some)
            .map_err(|e| vec![FieldError::said("limit", &e)])
    }
}

#[cfg(test)]
mod tests;
