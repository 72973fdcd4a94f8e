//! The Africa's Talking account that sends airtime and bundles, sealed in
//! the vault like the M-Pesa keys. Real chats' sends go through it only
//! when it is live: the sandbox reaches no phone, so a real customer's
//! airtime never goes there (it waits for staff instead).

use super::africastalking::{
    AfricasTalking, AtConfig, SendError, BUNDLES_LIVE_URL, BUNDLES_SANDBOX_URL, LIVE_URL,
    SANDBOX_URL,
};
use crate::payments::settings::{base_url, keep};
use crate::store::{Store, StoreError};
use dukadesk_domain::ipc::{ConnectionTest, DigitalSettingsInput, DigitalSettingsView, FieldError};
use dukadesk_domain::words::Problem;
use dukadesk_domain::Sensitive;
use serde::{Deserialize, Serialize};

const KEY: &str = "digital_settings";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Stored {
    base_url: String,
    username: String,
    api_key: Sensitive<String>,
    bundle_product: String,
}

impl Stored {
    fn live(&self) -> bool {
        !self.base_url.is_empty() && self.base_url != SANDBOX_URL
    }

    fn config(&self) -> AtConfig {
        let bundles_url = match self.base_url.as_str() {
            LIVE_URL => BUNDLES_LIVE_URL.to_owned(),
            SANDBOX_URL => BUNDLES_SANDBOX_URL.to_owned(),
            // A shop's own address (a proxy, or a simulator in tests)
            // serves both.
            other => other.to_owned(),
        };
        AtConfig {
            base_url: self.base_url.clone(),
            bundles_url,
            username: self.username.clone(),
            api_key: self.api_key.clone(),
        }
    }
}

/// The live account's client settings and the bundles product's name.
#[derive(Debug, Clone)]
pub struct LiveDigital {
    /// Where and as whom.
    pub config: AtConfig,
    /// The data bundles product (empty: airtime only).
    pub bundle_product: String,
}

fn validate(
    input: &DigitalSettingsInput,
    saved: Option<&Stored>,
) -> Result<Stored, Vec<FieldError>> {
    let mut errors = Vec::new();
    let base_url = base_url(&input.environment, SANDBOX_URL, LIVE_URL)
        .map_err(|m| errors.push(FieldError::said("environment", &m)))
        .unwrap_or_default();
    let username = input.username.trim().to_owned();
    if username.is_empty() || username.len() > 100 {
        errors.push(FieldError::said("username", &Problem::AtUsername));
    }
    let api_key = keep(&input.api_key, saved.map(|s| &s.api_key));
    if api_key.is_none() {
        errors.push(FieldError::said("api_key", &Problem::AtApiKey));
    }
    let bundle_product = input.bundle_product.trim().to_owned();
    if bundle_product.len() > 100 {
        errors.push(FieldError::said(
            "bundle_product",
            &Problem::AtBundleProduct,
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Stored {
        base_url,
        username,
        api_key: api_key.unwrap_or_default(),
        bundle_product,
    })
}

fn view(stored: Option<&Stored>) -> DigitalSettingsView {
    let Some(s) = stored else {
        return DigitalSettingsView {
            real_chats: "Not connected: when a chat customer pays for airtime or a bundle, it waits under \"Airtime and bundles to settle\" for staff to send it by hand or refund.".into(),
            ..DigitalSettingsView::default()
        };
    };
    DigitalSettingsView {
        connected: true,
        base_url: s.base_url.clone(),
        username: s.username.clone(),
        has_key: !s.api_key.is_empty(),
        bundle_product: s.bundle_product.clone(),
        real_chats: if s.live() {
            "Airtime and bundles paid for in chats are sent at once through Africa's Talking; the customer is told when they arrive.".into()
        } else {
            "Africa's Talking is set to the sandbox, where nothing reaches a phone: chat customers' airtime waits for staff to send it by hand or refund. Choose production to send it automatically.".into()
        },
    }
}

impl Store {
    async fn stored_digital(&self) -> Result<Option<Stored>, StoreError> {
        Ok(match self.secret(KEY).await? {
            Some(json) => match serde_json::from_slice(&json) {
                Ok(s) => Some(s),
                Err(e) => {
                    tracing::warn!(error = %e, "unreadable airtime settings; treating them as not connected");
                    None
                }
            },
            None => None,
        })
    }

    /// The airtime provider's settings, without the key.
    pub async fn digital_settings(&self) -> Result<DigitalSettingsView, StoreError> {
        Ok(view(self.stored_digital().await?.as_ref()))
    }

    /// Saves the airtime provider's settings (a blank key keeps the saved one).
    pub async fn save_digital_settings(
        &self,
        input: &DigitalSettingsInput,
    ) -> Result<DigitalSettingsView, StoreError> {
        let saved = self.stored_digital().await?;
        let stored = validate(input, saved.as_ref()).map_err(StoreError::Invalid)?;
        let json =
            serde_json::to_string(&stored).map_err(|_| StoreError::BadRow("airtime settings"))?;
        self.put_secret(KEY, json.as_bytes()).await?;
        Ok(view(Some(&stored)))
    }

    /// The live account real chats' sends go through, if one is saved.
    pub async fn live_digital(&self) -> Result<Option<LiveDigital>, StoreError> {
        Ok(self
            .stored_digital()
            .await?
            .filter(Stored::live)
            .map(|s| LiveDigital {
                config: s.config(),
                bundle_product: s.bundle_product,
            }))
    }

    /// Checks the keys by reading the account's balance: the form as
    /// typed, or the saved settings. Nothing is sent or saved.
    pub async fn test_digital_connection(
        &self,
        typed: Option<&DigitalSettingsInput>,
    ) -> Result<ConnectionTest, StoreError> {
        let saved = self.stored_digital().await?;
        let stored = match typed {
            Some(input) => validate(input, saved.as_ref()).map_err(StoreError::Invalid)?,
            None => match saved {
                Some(s) => s,
                None => {
                    return Ok(ConnectionTest {
                        ok: false,
                        message: "No Africa's Talking account is saved yet.".into(),
                    })
                }
            },
        };
        let outcome = match AfricasTalking::new(stored.config()) {
            Ok(client) => client.balance().await,
            Err(e) => Err(e),
        };
        Ok(match outcome {
            Ok(balance) => ConnectionTest {
                ok: true,
                message: format!("Africa's Talking accepted the keys. Balance: {balance}."),
            },
            Err(SendError::BadKeys) => ConnectionTest {
                ok: false,
                message: "Africa's Talking refused the username or API key. Check both in your Africa's Talking dashboard.".into(),
            },
            Err(e) => ConnectionTest {
                ok: false,
                message: e.to_string(),
            },
        })
    }
}

#[cfg(test)]
mod tests;
