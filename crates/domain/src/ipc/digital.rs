//! Airtime and data bundles: what staff must settle, and the Africa's
//! Talking account that sends them.

use super::{ConnectionTest, NoArgs};
use crate::{Money, OrderId, Sensitive};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Where one airtime or bundle send stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DigitalState {
    /// Its order is not paid yet: nothing will be sent until it is.
    Unpaid,
    /// Paid, waiting its turn (or the provider's connection).
    Queued,
    /// Asked of the provider; its answer is awaited (or was lost and is
    /// asked again under the same key).
    Sending,
    /// Taken by the provider; its delivery is being checked.
    Sent,
    /// On the customer's phone.
    Delivered,
    /// Not delivered: the customer is owed a refund or a new send.
    Failed,
    /// Staff gave the money back.
    Refunded,
    /// Its order was cancelled before anything was sent.
    Cancelled,
}

impl DigitalState {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Unpaid => "unpaid",
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Delivered => "delivered",
            Self::Failed => "failed",
            Self::Refunded => "refunded",
            Self::Cancelled => "cancelled",
        }
    }

    /// Parses [`DigitalState::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "unpaid" => Self::Unpaid,
            "queued" => Self::Queued,
            "sending" => Self::Sending,
            "sent" => Self::Sent,
            "delivered" => Self::Delivered,
            "failed" => Self::Failed,
            "refunded" => Self::Refunded,
            "cancelled" => Self::Cancelled,
            _ => return None,
        })
    }
}

/// One airtime or bundle send, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigitalSendView {
    /// The send.
    pub id: Uuid,
    /// Its order.
    pub order_id: OrderId,
    /// The order's number.
    pub order_number: i64,
    /// What is sent, as the catalogue names it.
    pub item: String,
    /// To whom (`0712 345 678`); empty once the customer was erased.
    pub recipient: String,
    /// What the customer paid for it.
    pub value: Money,
    /// Where it stands.
    pub state: DigitalState,
    /// What went wrong or what is awaited, in plain words; empty when
    /// nothing is.
    pub problem: String,
    /// The provider's id, once it took the request.
    pub request_id: Option<String>,
    /// When it was paid for (queued).
    pub created_at: DateTime<Utc>,
    /// A test-chat send (simulated, no money).
    pub simulated: bool,
}

/// What staff do with a send that needs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DigitalVerdict {
    /// Send it again through the provider (a failed send, after a top-up).
    SendAgain,
    /// Staff sent it by hand (from the shop's own line): delivered.
    SentByHand,
    /// The money went back to the customer; how (an M-Pesa code, cash).
    Refunded {
        /// How it was refunded.
        note: String,
    },
}

/// Staff's verdict on one send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettleDigital {
    /// The send.
    pub id: Uuid,
    /// What was done.
    pub verdict: DigitalVerdict,
}

/// The live host of Africa's Talking.
pub const AFRICASTALKING_LIVE_URL: &str = "https://api.africastalking.com";
/// The sandbox host (username `sandbox`): nothing reaches a phone.
pub const AFRICASTALKING_SANDBOX_URL: &str = "https://api.sandbox.africastalking.com";

/// The Africa's Talking form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigitalSettingsInput {
    /// `sandbox`, `production`, or an address.
    pub environment: String,
    /// The account's username (`sandbox` on the sandbox).
    pub username: String,
    /// The API key; blank keeps the saved one.
    pub api_key: Sensitive<String>,
    /// The data bundles product's name in the Africa's Talking dashboard;
    /// empty when the shop sells airtime only.
    pub bundle_product: String,
}

/// The saved Africa's Talking settings, without the key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigitalSettingsView {
    /// Whether an account is saved.
    pub connected: bool,
    /// The host airtime goes through.
    pub base_url: String,
    /// The account's username.
    pub username: String,
    /// Whether a key is saved.
    pub has_key: bool,
    /// The data bundles product's name.
    pub bundle_product: String,
    /// What real chats get, in plain words.
    pub real_chats: String,
}

/// "Test connection": the form as typed, or the saved settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestDigitalConnection {
    /// The form as it stands; blank key means the saved one.
    #[serde(default)]
    pub typed: Option<DigitalSettingsInput>,
}

commands! {
    /// Airtime and bundles that need staff (failed: refund due; or waiting
    /// on the provider too long), oldest first.
    ListDigitalToSettle, "list_digital_to_settle", NoArgs => Vec<DigitalSendView>;
    /// Settle one: send again, sent by hand, or refunded.
    SettleDigitalCmd, "settle_digital", SettleDigital => Vec<DigitalSendView>;
    /// The airtime provider's settings.
    GetDigitalSettings, "get_digital_settings", NoArgs => DigitalSettingsView;
    /// Save the airtime provider's settings.
    SaveDigitalSettings, "save_digital_settings", DigitalSettingsInput => DigitalSettingsView;
    /// Check the keys and read the account's balance (nothing is sent).
    TestDigitalConnectionCmd, "test_digital_connection", TestDigitalConnection => ConnectionTest;
}
