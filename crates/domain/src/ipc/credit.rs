//! Customers' credit: what they owe, repayments, limits and reminders (the
//! shell's `commands/credit.rs`).

use super::NoArgs;
use crate::CustomerId;
use serde::{Deserialize, Serialize};

/// One customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRef {
    /// The customer.
    pub id: CustomerId,
}

commands! {
    /// A customer's credit: what they owe, their limit, their history.
    GetCreditAccount, "get_credit_account", CustomerRef => crate::credit::CreditAccount;
    /// Everyone who owes the shop, oldest debt first.
    ListDebtors, "list_debtors", NoArgs => Vec<crate::credit::Debtor>;
    /// Record money a customer paid back (by whoever is signed in).
    RecordRepaymentCmd, "record_repayment", crate::credit::RepaymentInput => crate::credit::CreditAccount;
    /// Send a customer who wrote on WhatsApp a gentle reminder of what
    /// they owe.
    SendCreditReminder, "send_credit_reminder", CustomerRef => crate::credit::CreditAccount;
    /// Set or remove a customer's credit limit.
    SetCreditLimitCmd, "set_credit_limit", crate::credit::CreditLimitInput => crate::credit::CreditAccount;
}
