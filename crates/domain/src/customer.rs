//! A customer of the shop, known by a validated phone number.

use crate::phone::Msisdn;
use crate::CustomerId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The languages the bot and receipts speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Kiswahili.
    Sw,
    /// French (Morocco), coming next.
    Fr,
}

/// A customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// Id.
    pub id: CustomerId,
    /// Canonical phone number.
    pub phone: Msisdn,
    /// Name, if the customer gave one.
    pub name: Option<String>,
    /// Language the customer chose.
    pub language: Language,
    /// The customer objected to non-essential messages.
    pub opted_out: bool,
    /// First seen.
    pub created_at: DateTime<Utc>,
}
