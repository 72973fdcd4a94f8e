//! Which M-Pesa service collects payments, and its credentials.
//!
//! The settings, credentials included, are sealed in the vault
//! (`crate::vault`); `Debug` never prints them and the UI is never sent them
//! back.

use super::daraja::{Collection, DarajaClient, DarajaConfig};
use super::intasend::{IntaSendClient, IntaSendConfig, INTASEND_LIVE, INTASEND_SANDBOX};
use super::reconcile::CallError;
use crate::store::{Store, StoreError};
use dukadesk_domain::ipc::{
    ConnectionTest, DarajaSettingsInput, DarajaSettingsView, FieldError, IntaSendSettingsInput,
    IntaSendSettingsView, MpesaProvider, PaymentSettingsView, SavePaymentSettings,
};
use dukadesk_domain::payment::PayTo;
use dukadesk_domain::words::Problem;
use dukadesk_domain::Sensitive;
use serde::{Deserialize, Serialize};

pub use dukadesk_domain::ipc::{
    DARAJA_PRODUCTION_URL as DARAJA_PRODUCTION, DARAJA_SANDBOX_URL as DARAJA_SANDBOX,
};
const KEY: &str = "payment_settings";

#[derive(Clone, Default, Serialize, Deserialize)]
struct Stored {
    provider: MpesaProvider,
    daraja: Option<StoredDaraja>,
    #[serde(default)]
    intasend: Option<StoredIntaSend>,
    /// Where customers pay by hand.
    #[serde(default)]
    manual: Option<PayTo>,
}

/// How real (WhatsApp) chats pay. There is no simulator among these:
/// simulated money exists only in the test chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RealChatPay {
    /// An STK prompt through the shop's live Daraja.
    Daraja,
    /// An STK prompt through the shop's live IntaSend.
    IntaSend,
    /// The customer pays the shop's till or paybill and sends the code;
    /// staff confirm it. `None`: the shop has not said where yet.
    ByHand(Option<PayTo>),
    /// Cash when the order is handed over (delivered or collected); no
    /// M-Pesa at all.
    OnDelivery,
}

impl RealChatPay {
    fn from_stored(stored: &Stored) -> Self {
        match (stored.provider, &stored.daraja, &stored.intasend) {
            (MpesaProvider::Daraja, Some(d), _) if d.base_url != DARAJA_SANDBOX => Self::Daraja,
            (MpesaProvider::IntaSend, _, Some(i)) if i.base_url != INTASEND_SANDBOX => {
                Self::IntaSend
            }
            (MpesaProvider::OnDelivery, _, _) => Self::OnDelivery,
            _ => Self::ByHand(stored.manual.clone()),
        }
    }

    /// The sentence Settings shows about real chats.
    fn describe(&self, stored: &Stored) -> String {
        let sandbox = match stored.provider {
            MpesaProvider::Daraja => "Daraja is set to the sandbox, where no real money moves. ",
            MpesaProvider::IntaSend => {
                "IntaSend is set to the sandbox, where no real money moves. "
            }
            MpesaProvider::NotConnected | MpesaProvider::OnDelivery => "",
        };
        match self {
            Self::Daraja => "Real chats get an M-Pesa prompt on the customer's phone through Daraja.".into(),
            Self::IntaSend => "Real chats get an M-Pesa prompt on the customer's phone through IntaSend.".into(),
            Self::ByHand(Some(to)) => format!(
                "{sandbox}Real chats pay by hand to {} {} and send the M-Pesa code; staff confirm each code under \"M-Pesa payments to check\" before the order counts as paid.",
                match to {
                    PayTo::Till(_) => "till",
                    PayTo::Paybill(_) => "paybill",
                },
                to.number()
            ),
            Self::OnDelivery => "Real chats pay in cash when the order is handed over (delivered, or collected at the shop); no M-Pesa is asked for. Staff record the money at the hand-over, which completes the order.".into(),
            Self::ByHand(None) => format!(
                "{sandbox}Real chats cannot pay yet: enter your M-Pesa till or paybill number below (or connect Daraja or IntaSend). Until then the bot reserves the order and staff tell the customer how to pay."
            ),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct StoredIntaSend {
    base_url: String,
    public_key: String,
    secret_key: Sensitive<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct StoredDaraja {
    base_url: String,
    consumer_key: String,
    consumer_secret: Sensitive<String>,
    shortcode: String,
    passkey: Sensitive<String>,
    till_number: String,
}

/// The secret as typed (trimmed), or the saved one when nothing was typed.
pub(crate) fn keep(
    typed: &Sensitive<String>,
    saved: Option<&Sensitive<String>>,
) -> Option<Sensitive<String>> {
    let typed = typed.trimmed();
    if typed.is_empty() {
        saved.filter(|s| !s.is_empty()).cloned()
    } else {
        Some(typed)
    }
}

fn digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
}

pub(crate) fn base_url(environment: &str, sandbox: &str, live: &str) -> Result<String, Problem> {
    let e = environment.trim();
    match e {
        "sandbox" | "" => Ok(sandbox.into()),
        "production" | "live" => Ok(live.into()),
        url if url.starts_with("https://")
            || url.starts_with("http://127.0.0.1:")
            || url.starts_with("http://localhost:") =>
        {
            Ok(url.trim_end_matches('/').to_owned())
        }
        _ => Err(Problem::UnknownEnvironment),
    }
}

fn validate(
    input: &DarajaSettingsInput,
    saved: Option<&StoredDaraja>,
) -> Result<StoredDaraja, Vec<FieldError>> {
    let mut errors = Vec::new();
    let base_url = base_url(&input.environment, DARAJA_SANDBOX, DARAJA_PRODUCTION)
        .map_err(|m| errors.push(FieldError::said("environment", &m)))
        .unwrap_or_default();
    let consumer_key = input.consumer_key.trim().to_owned();
    if consumer_key.is_empty() || consumer_key.len() > 200 {
        errors.push(FieldError::said("consumer_key", &Problem::DarajaKey));
    }
    let consumer_secret = keep(&input.consumer_secret, saved.map(|s| &s.consumer_secret));
    if consumer_secret.is_none() {
        errors.push(FieldError::said("consumer_secret", &Problem::DarajaSecret));
    }
    let shortcode = input.shortcode.trim().to_owned();
    if !digits(&shortcode, 5, 7) {
        errors.push(FieldError::said("shortcode", &Problem::DarajaShortcode));
    }
    let passkey = keep(&input.passkey, saved.map(|s| &s.passkey));
    if passkey.is_none() {
        errors.push(FieldError::said("passkey", &Problem::DarajaPasskey));
    }
    let till_number = input.till_number.trim().to_owned();
    if !till_number.is_empty() && !digits(&till_number, 5, 8) {
        errors.push(FieldError::said("till_number", &Problem::DarajaTill));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(StoredDaraja {
        base_url,
        consumer_key,
        consumer_secret: consumer_secret.unwrap_or_default(),
        shortcode,
        passkey: passkey.unwrap_or_default(),
        till_number,
    })
}

fn validate_intasend(
    input: &IntaSendSettingsInput,
    saved: Option<&StoredIntaSend>,
) -> Result<StoredIntaSend, Vec<FieldError>> {
    let mut errors = Vec::new();
    let base_url = base_url(&input.environment, INTASEND_SANDBOX, INTASEND_LIVE)
        .map_err(|m| errors.push(FieldError::said("environment", &m)))
        .unwrap_or_default();
    let public_key = input.public_key.trim().to_owned();
    if public_key.is_empty() || public_key.len() > 200 {
        errors.push(FieldError::said("public_key", &Problem::IntaSendPublicKey));
    }
    let secret_key = keep(&input.secret_key, saved.map(|s| &s.secret_key));
    if secret_key.is_none() {
        errors.push(FieldError::said("secret_key", &Problem::IntaSendSecretKey));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(StoredIntaSend {
        base_url,
        public_key,
        secret_key: secret_key.unwrap_or_default(),
    })
}

fn view(stored: &Stored) -> PaymentSettingsView {
    PaymentSettingsView {
        manual: stored.manual.clone(),
        real_chats: RealChatPay::from_stored(stored).describe(stored),
        provider: stored.provider,
        daraja: stored.daraja.as_ref().map(|d| DarajaSettingsView {
            base_url: d.base_url.clone(),
            consumer_key: d.consumer_key.clone(),
            shortcode: d.shortcode.clone(),
            till_number: d.till_number.clone(),
            has_secret: !d.consumer_secret.is_empty(),
            has_passkey: !d.passkey.is_empty(),
        }),
        intasend: stored.intasend.as_ref().map(|i| IntaSendSettingsView {
            base_url: i.base_url.clone(),
            public_key: i.public_key.clone(),
            has_secret: !i.secret_key.is_empty(),
        }),
    }
}

impl Store {
    async fn stored_payment_settings(&self) -> Result<Stored, StoreError> {
        Ok(match self.secret(KEY).await? {
            Some(json) => serde_json::from_slice(&json).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "unreadable payment settings; treating M-Pesa as not connected");
                Stored::default()
            }),
            None => Stored {
                provider: self.first_way_to_pay().await?,
                ..Stored::default()
            },
        })
    }

    /// How chats pay before the shop chose: cash on delivery where M-Pesa
    /// is not used (Morocco), by hand to the shop's M-Pesa elsewhere.
    async fn first_way_to_pay(&self) -> Result<MpesaProvider, StoreError> {
        Ok(match self.shop().await? {
            Some(shop) if shop.country == dukadesk_domain::Country::Morocco => {
                MpesaProvider::OnDelivery
            }
            _ => MpesaProvider::NotConnected,
        })
    }

    /// The payment settings, without secrets.
    pub async fn payment_settings(&self) -> Result<PaymentSettingsView, StoreError> {
        Ok(view(&self.stored_payment_settings().await?))
    }

    /// Saves the payment settings.
    pub async fn save_payment_settings(
        &self,
        input: &SavePaymentSettings,
    ) -> Result<PaymentSettingsView, StoreError> {
        let stored = self.merged_payment_settings(input).await?;
        let json =
            serde_json::to_string(&stored).map_err(|_| StoreError::BadRow("payment settings"))?;
        self.put_secret(KEY, json.as_bytes()).await?;
        Ok(view(&stored))
    }

    /// What saving `input` would keep: the form's values checked, blank
    /// secrets keeping the saved ones. Writes nothing.
    async fn merged_payment_settings(
        &self,
        input: &SavePaymentSettings,
    ) -> Result<Stored, StoreError> {
        let mut stored = self.stored_payment_settings().await?;
        if let Some(d) = &input.daraja {
            stored.daraja = Some(validate(d, stored.daraja.as_ref()).map_err(StoreError::Invalid)?);
        }
        if let Some(i) = &input.intasend {
            stored.intasend =
                Some(validate_intasend(i, stored.intasend.as_ref()).map_err(StoreError::Invalid)?);
        }
        if let Some(m) = &input.manual {
            stored.manual = if m.kind.trim().is_empty() && m.number.trim().is_empty() {
                None
            } else {
                Some(
                    PayTo::parse(m.kind.trim(), &m.number)
                        .map_err(|e| StoreError::said("manual_number", &e))?,
                )
            };
        }
        match input.provider {
            MpesaProvider::Daraja if stored.daraja.is_none() => {
                return Err(StoreError::said("consumer_key", &Problem::DarajaFirst));
            }
            MpesaProvider::IntaSend if stored.intasend.is_none() => {
                return Err(StoreError::said("public_key", &Problem::IntaSendFirst));
            }
            _ => {}
        }
        stored.provider = input.provider;
        Ok(stored)
    }

    /// The Daraja client settings, when Daraja is the provider.
    pub async fn daraja_config(&self) -> Result<Option<DarajaConfig>, StoreError> {
        Ok(daraja_config_of(self.stored_payment_settings().await?))
    }

    /// The IntaSend client settings, when IntaSend is the provider.
    pub async fn intasend_config(&self) -> Result<Option<IntaSendConfig>, StoreError> {
        Ok(intasend_config_of(self.stored_payment_settings().await?))
    }

    /// How real chats (every chat but the test chat) are asked to pay: a
    /// live service's prompt, or by hand. Never the simulator.
    pub async fn chat_payment_method(&self) -> Result<RealChatPay, StoreError> {
        Ok(RealChatPay::from_stored(
            &self.stored_payment_settings().await?,
        ))
    }

    /// Checks credentials with the provider; no money moves. With `typed`,
    /// the form's values as they stand (checked as saving would, blank
    /// secrets keeping the saved ones), before anything is saved; without,
    /// the saved settings.
    pub async fn test_payment_connection(
        &self,
        typed: Option<&SavePaymentSettings>,
    ) -> Result<ConnectionTest, StoreError> {
        let stored = match typed {
            Some(input) => self.merged_payment_settings(input).await?,
            None => self.stored_payment_settings().await?,
        };
        if let Some(config) = intasend_config_of(stored.clone()) {
            let outcome = match IntaSendClient::new(config) {
                Ok(client) => client.check_keys().await,
                Err(e) => Err(e),
            };
            return Ok(match outcome {
                Ok(()) => ConnectionTest {
                    ok: true,
                    message: "IntaSend accepted the keys.".into(),
                },
                Err(CallError::Refused(m) | CallError::Retry(m)) => ConnectionTest {
                    ok: false,
                    message: m,
                },
            });
        }
        if stored.provider == MpesaProvider::OnDelivery {
            return Ok(ConnectionTest {
                ok: true,
                message: "Cash on delivery needs no connection: there is nothing to test.".into(),
            });
        }
        let Some(config) = daraja_config_of(stored) else {
            return Ok(ConnectionTest {
                ok: false,
                message: "No M-Pesa service is connected: chat customers pay by hand to your till or paybill and staff confirm each code.".into(),
            });
        };
        let outcome = match DarajaClient::new(config) {
            Ok(client) => client.check_credentials().await,
            Err(e) => Err(e),
        };
        Ok(match outcome {
            Ok(()) => ConnectionTest {
                ok: true,
                message: "Safaricom accepted the credentials.".into(),
            },
            Err(e) => ConnectionTest {
                ok: false,
                message: e.to_string(),
            },
        })
    }
}

/// The Daraja client settings of `stored`, when Daraja is its provider.
fn daraja_config_of(stored: Stored) -> Option<DarajaConfig> {
    match (stored.provider, stored.daraja) {
        (MpesaProvider::Daraja, Some(d)) => Some(DarajaConfig {
            base_url: d.base_url,
            consumer_key: d.consumer_key,
            consumer_secret: d.consumer_secret,
            collection: if d.till_number.is_empty() {
                Collection::Paybill
            } else {
                Collection::BuyGoods {
                    till: d.till_number,
                }
            },
            shortcode: d.shortcode,
            passkey: d.passkey,
            // Daraja insists on an https callback; outcomes are polled.
            callback_url: "https://callback.dukadesk.invalid/mpesa".into(),
        }),
        _ => None,
    }
}

/// The IntaSend client settings of `stored`, when IntaSend is its provider.
fn intasend_config_of(stored: Stored) -> Option<IntaSendConfig> {
    match (stored.provider, stored.intasend) {
        (MpesaProvider::IntaSend, Some(i)) => Some(IntaSendConfig {
            base_url: i.base_url,
            public_key: i.public_key,
            secret_key: i.secret_key,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
