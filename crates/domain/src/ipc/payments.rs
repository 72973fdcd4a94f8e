//! M-Pesa settings (Daraja, IntaSend, paying by hand) and the payments
//! staff must settle (the shell's `commands/payments.rs`).

use super::NoArgs;
use crate::money::Money;
use crate::{OrderId, PaymentId, Sensitive};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Safaricom Daraja's sandbox.
pub const DARAJA_SANDBOX_URL: &str = "https://sandbox.safaricom.co.ke";

/// Safaricom Daraja's production API.
pub const DARAJA_PRODUCTION_URL: &str = "https://api.safaricom.co.ke";

/// Which M-Pesa service collects payments from chat customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum MpesaProvider {
    /// No M-Pesa service: chat customers pay by hand to the shop's till or
    /// paybill and send the M-Pesa code, which staff confirm.
    #[default]
    NotConnected,
    /// Safaricom Daraja (M-Pesa Express) with the shop's own credentials.
    Daraja,
    /// IntaSend, a payment processor collecting M-Pesa for the shop.
    IntaSend,
    /// No M-Pesa at all: chat customers pay in cash when the order is
    /// handed over (delivered, or collected), and staff record it then.
    /// What a shop in Morocco starts with.
    OnDelivery,
}

/// IntaSend's sandbox.
pub const INTASEND_SANDBOX_URL: &str = "https://sandbox.intasend.com";

/// IntaSend's live API.
pub const INTASEND_LIVE_URL: &str = "https://payment.intasend.com";

/// IntaSend settings as shown (the secret key is never sent back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IntaSendSettingsView {
    /// Sandbox or live base URL.
    pub base_url: String,
    /// Publishable key.
    pub public_key: String,
    /// Whether a secret key is saved.
    pub has_secret: bool,
}

/// IntaSend settings as typed; an empty secret keeps the saved one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IntaSendSettingsInput {
    /// `sandbox`, `live`, or a full URL.
    pub environment: String,
    /// Publishable key.
    pub public_key: String,
    /// Secret key (empty: keep).
    pub secret_key: Sensitive<String>,
}

/// Daraja settings as shown (secrets are never sent back to the UI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DarajaSettingsView {
    /// Base URL: Safaricom's sandbox or production.
    pub base_url: String,
    /// Consumer key.
    pub consumer_key: String,
    /// Business shortcode (paybill or head office).
    pub shortcode: String,
    /// Till number for buy-goods; empty for paybill.
    pub till_number: String,
    /// Whether a consumer secret is saved.
    pub has_secret: bool,
    /// Whether a passkey is saved.
    pub has_passkey: bool,
}

/// The payment settings page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PaymentSettingsView {
    /// The provider in use.
    pub provider: MpesaProvider,
    /// Daraja's settings, if entered.
    pub daraja: Option<DarajaSettingsView>,
    /// IntaSend's settings, if entered.
    #[serde(default)]
    pub intasend: Option<IntaSendSettingsView>,
    /// Where chat customers pay by hand (with no service connected, or a
    /// sandbox one), if the shop said.
    #[serde(default)]
    pub manual: Option<crate::payment::PayTo>,
    /// How real WhatsApp chats pay now, in one plain sentence.
    #[serde(default)]
    pub real_chats: String,
}

/// Where customers pay by hand, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ManualPayInput {
    /// `till` (buy goods) or `paybill`; empty with an empty number clears it.
    pub kind: String,
    /// The till or paybill number.
    pub number: String,
}

/// Daraja settings as typed; an empty secret or passkey keeps the saved one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DarajaSettingsInput {
    /// `sandbox`, `production`, or a full URL.
    pub environment: String,
    /// Consumer key.
    pub consumer_key: String,
    /// Consumer secret (empty: keep).
    pub consumer_secret: Sensitive<String>,
    /// Shortcode.
    pub shortcode: String,
    /// Passkey (empty: keep).
    pub passkey: Sensitive<String>,
    /// Till number for buy-goods; empty for paybill.
    pub till_number: String,
}

/// Save the payment settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SavePaymentSettings {
    /// Provider to use.
    pub provider: MpesaProvider,
    /// Daraja's settings (required for Daraja).
    pub daraja: Option<DarajaSettingsInput>,
    /// IntaSend's settings (required for IntaSend).
    #[serde(default)]
    pub intasend: Option<IntaSendSettingsInput>,
    /// Where customers pay by hand (`None`: keep what is saved).
    #[serde(default)]
    pub manual: Option<ManualPayInput>,
}

/// "Test connection": with the form's values as typed (before saving), or
/// the saved settings when `typed` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TestConnection {
    /// The form as it stands; blank secrets mean the saved ones.
    #[serde(default)]
    pub typed: Option<SavePaymentSettings>,
}

/// The result of "test connection".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionTest {
    /// Whether the provider accepted the credentials.
    pub ok: bool,
    /// What happened, in plain words.
    pub message: String,
}

/// An M-Pesa attempt staff must settle from the M-Pesa statement: one with
/// no final answer from the service (money may have moved), or a payment
/// by hand waiting for staff to see the money arrive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsettledPayment {
    /// The attempt.
    pub id: PaymentId,
    /// Its order.
    pub order_id: OrderId,
    /// The order's number.
    pub order_number: i64,
    /// Amount asked.
    pub amount: Money,
    /// Phone prompted, shown nationally (0712 345 678).
    pub phone: String,
    /// The provider's reference (CheckoutRequestID or invoice id); for a
    /// payment by hand, the M-Pesa code the customer sent, if any.
    pub provider_ref: Option<String>,
    /// When it was asked.
    pub created_at: DateTime<Utc>,
    /// A payment by hand (to the shop's till or paybill), not a prompt.
    #[serde(default)]
    pub by_hand: bool,
}

/// Staff's verdict on an unsettled attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlePayment {
    /// The attempt.
    pub id: PaymentId,
    /// True: the money arrived (with the M-Pesa code if known); false: it did not.
    pub paid: bool,
    /// The M-Pesa receipt code from the statement or SMS; may be empty.
    pub receipt: String,
    /// With "Money arrived" and no code: why there is none (kept with the
    /// payment, so the books say who confirmed it on what grounds).
    #[serde(default)]
    pub no_code_reason: String,
}

commands! {
    /// M-Pesa attempts waiting for staff to settle, oldest first.
    ListUnsettledPayments, "list_unsettled_payments", NoArgs => Vec<UnsettledPayment>;
    /// Settle one: paid (the order is paid and the customer told) or not.
    SettlePaymentCmd, "settle_payment", SettlePayment => Vec<UnsettledPayment>;
    /// The payment settings.
    GetPaymentSettings, "get_payment_settings", NoArgs => PaymentSettingsView;
    /// Save the payment settings.
    SavePaymentSettingsCmd, "save_payment_settings", SavePaymentSettings => PaymentSettingsView;
    /// Check credentials with the provider, as typed or as saved (no money
    /// moves, nothing saved).
    TestPaymentConnection, "test_payment_connection", TestConnection => ConnectionTest;
}
