//! Africa's Talking client, written with reqwest (the unofficial crate
//! posts the wrong wire format): airtime (a URL-encoded form whose
//! `recipients` is a JSON string), data bundles (JSON with an
//! `Idempotency-Key`), the status query and the balance. Each answer is
//! sorted by what the caller may do next: a refusal before anything was
//! sent may be told to the customer; a reply lost after the request left
//! ([`SendError::Unknown`]) must be settled by the status query, never by
//! sending again.

use dukadesk_domain::{Money, Msisdn, Sensitive};
use serde_json::{json, Value};
use std::time::Duration;

/// The live airtime and query host.
pub const LIVE_URL: &str = dukadesk_domain::ipc::AFRICASTALKING_LIVE_URL;
/// The sandbox host (username `sandbox`).
pub const SANDBOX_URL: &str = dukadesk_domain::ipc::AFRICASTALKING_SANDBOX_URL;
/// The live data bundles host.
pub const BUNDLES_LIVE_URL: &str = "https://bundles.africastalking.com";
/// The sandbox data bundles host.
pub const BUNDLES_SANDBOX_URL: &str = "https://bundles.sandbox.africastalking.com";

/// The smallest and largest airtime one recipient may get, in shillings.
pub use dukadesk_domain::catalogue::AIRTIME_KES;

/// The account and where to reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtConfig {
    /// Airtime, queries and balance (live, sandbox or a simulator).
    pub base_url: String,
    /// Data bundles.
    pub bundles_url: String,
    /// The account's username (`sandbox` on the sandbox).
    pub username: String,
    /// The API key.
    pub api_key: Sensitive<String>,
}

/// Why nothing was delivered, or why it is not known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Refused before anything was sent (checked here or by the
    /// provider): safe to tell the customer and refund.
    #[error("{0}")]
    Refused(String),
    /// The shop's account cannot pay for it: staff top it up.
    #[error("The Africa's Talking account's balance is too low to send this. Top it up, then send again from the order.")]
    NoBalance,
    /// The keys were refused.
    #[error("Africa's Talking refused the shop's username or API key. Check them in Settings → Digital goods.")]
    BadKeys,
    /// The request may have been taken but its answer was lost (no
    /// connection, a cut or garbled reply): ask the status query; never
    /// send again blindly.
    #[error(
        "Africa's Talking's answer was lost ({0}); what happened will be asked, not sent again."
    )]
    Unknown(String),
    /// Could not connect at all: nothing left this computer.
    #[error("Africa's Talking cannot be reached ({0}). Nothing was sent; try again when online.")]
    Offline(String),
}

/// What the provider took for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The provider's id, to ask about it later.
    pub request_id: String,
}

/// Where a sent airtime or bundle stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Delivered to the phone.
    Delivered,
    /// Not delivered, with the provider's reason.
    Failed(String),
    /// No final answer yet.
    Pending,
}

/// A data bundle's size and validity as the provider names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bundle {
    /// Megabytes (sent in GB when a whole number of GB).
    pub megabytes: u32,
    /// Days it stays valid: 1, 7, 14, 30 or 90.
    pub validity_days: u16,
}

impl Bundle {
    /// `(quantity, unit, validity)` as the bundles API takes them, or why
    /// this bundle cannot be bought.
    pub fn wire(self) -> Result<(u32, &'static str, &'static str), SendError> {
        let validity = match self.validity_days {
            1 => "Day",
            7 => "Week",
            14 => "BiWeek",
            30 => "Month",
            90 => "Quarterly",
            d => {
                return Err(SendError::Refused(format!(
                "Bundles last 1, 7, 14, 30 or 90 days, not {d}. Change the item in the catalogue."
            )))
            }
        };
        if self.megabytes == 0 {
            return Err(SendError::Refused(
                "A bundle needs a size. Change the item in the catalogue.".into(),
            ));
        }
        Ok(if self.megabytes % 1024 == 0 {
            (self.megabytes / 1024, "GB", validity)
        } else {
            (self.megabytes, "MB", validity)
        })
    }
}

/// An Africa's Talking client.
#[derive(Debug)]
pub struct AfricasTalking {
    http: reqwest::Client,
    config: AtConfig,
}

impl AfricasTalking {
    /// A client with a 20-second timeout per call.
    pub fn new(config: AtConfig) -> Result<Self, SendError> {
        let http = crate::net::http_client()
            .timeout(Duration::from_secs(20))
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| SendError::Offline(e.to_string()))?;
        Ok(Self { http, config })
    }

    /// Reads an answer: its JSON, or what the caller may conclude.
    async fn answer(
        &self,
        sent: Result<reqwest::Response, reqwest::Error>,
    ) -> Result<(reqwest::StatusCode, Value), SendError> {
        let response = sent.map_err(|e| {
            if e.is_connect() {
                SendError::Offline(e.to_string())
            } else {
                SendError::Unknown(e.to_string())
            }
        })?;
        let status = response.status();
        if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
            return Err(SendError::BadKeys);
        }
        let text = response
            .text()
            .await
            .map_err(|e| SendError::Unknown(format!("the reply was cut off: {e}")))?;
        if status.is_client_error() {
            let shown: String = text.chars().take(160).collect();
            return Err(SendError::Refused(format!(
                "Africa's Talking refused the request: {shown}"
            )));
        }
        let value = serde_json::from_str::<Value>(&text).map_err(|_| {
            let shown: String = text.chars().take(60).collect();
            SendError::Unknown(format!("a reply that is not JSON: {shown:?}"))
        })?;
        Ok((status, value))
    }

    /// Sends `amount` of airtime to `phone`. The amount is checked first
    /// (whole shillings, KES 10 to 10,000). `key` names this purchase as
    /// for [`AfricasTalking::send_bundle`]: sent again after a lost answer,
    /// the provider answers as it did the first time.
    pub async fn send_airtime(
        &self,
        phone: &Msisdn,
        amount: Money,
        key: &str,
    ) -> Result<Accepted, SendError> {
        if amount.currency.code() != "KES" || amount.minor % 100 != 0 {
            return Err(SendError::Refused(
                "Airtime is sent in whole Kenyan shillings.".into(),
            ));
        }
        let shillings = amount.minor / 100;
        if !AIRTIME_KES.contains(&shillings) {
            return Err(SendError::Refused(format!(
                "Airtime of KES {shillings} cannot be sent: it must be between KES {} and KES {}.",
                AIRTIME_KES.start(),
                AIRTIME_KES.end()
            )));
        }
        let recipients = json!([{ "phoneNumber": format!("+{}", phone.as_str()), "amount": format!("KES {shillings}") }]);
        let form = [
            ("username", self.config.username.clone()),
            ("recipients", recipients.to_string()),
        ];
        let sent = self
            .http
            .post(format!("{}/version1/airtime/send", self.config.base_url))
            .header("apiKey", self.config.api_key.expose())
            .header("Accept", "application/json")
            .header("Idempotency-Key", key)
            .form(&form)
            .send()
            .await;
        let (_, reply) = self.answer(sent).await?;
        let first = &reply["responses"][0];
        accepted(first, "requestId", first["status"].as_str() == Some("Sent"))
    }

    /// Buys `bundle` for `phone`. `key` names this purchase: sent again
    /// with the same key (after a lost answer), the provider answers as it
    /// did the first time and sends nothing more.
    pub async fn send_bundle(
        &self,
        phone: &Msisdn,
        bundle: Bundle,
        product: &str,
        key: &str,
    ) -> Result<Accepted, SendError> {
        let (quantity, unit, validity) = bundle.wire()?;
        let body = json!({
            "username": self.config.username,
            "productName": product,
            "recipients": [{
                "phoneNumber": format!("+{}", phone.as_str()),
                "quantity": quantity, "unit": unit, "validity": validity,
                "metadata": { "key": key },
            }],
        });
        let sent = self
            .http
            .post(format!("{}/mobile/data/request", self.config.bundles_url))
            .header("apiKey", self.config.api_key.expose())
            .header("Accept", "application/json")
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
            .await;
        let (_, reply) = self.answer(sent).await?;
        let first = &reply["entries"][0];
        accepted(
            first,
            "transactionId",
            matches!(
                first["status"].as_str(),
                Some("Queued" | "Sent" | "Success")
            ),
        )
    }

    /// Where a sent request stands now.
    pub async fn status(&self, request_id: &str) -> Result<Delivery, SendError> {
        let sent = self
            .http
            .get(format!("{}/query/transaction/find", self.config.base_url))
            .header("apiKey", self.config.api_key.expose())
            .header("Accept", "application/json")
            .query(&[
                ("username", self.config.username.as_str()),
                ("transactionId", request_id),
            ])
            .send()
            .await;
        let (_, reply) = self.answer(sent).await?;
        if reply["status"].as_str() != Some("Success") {
            let why = reply["errorMessage"].as_str().unwrap_or("no answer");
            return Err(SendError::Unknown(format!(
                "the status of {request_id} could not be read: {why}"
            )));
        }
        Ok(match reply["data"]["status"].as_str() {
            Some("Success") => Delivery::Delivered,
            Some("Failed") => Delivery::Failed(
                reply["data"]["description"]
                    .as_str()
                    .unwrap_or("the network refused it")
                    .to_owned(),
            ),
            _ => Delivery::Pending,
        })
    }

    /// The account's balance as the provider writes it ("KES 1,234.00").
    pub async fn balance(&self) -> Result<String, SendError> {
        let sent = self
            .http
            .get(format!("{}/version1/user", self.config.base_url))
            .header("apiKey", self.config.api_key.expose())
            .header("Accept", "application/json")
            .query(&[("username", self.config.username.as_str())])
            .send()
            .await;
        let (_, reply) = self.answer(sent).await?;
        reply["UserData"]["balance"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| SendError::Unknown("the balance was not in the reply".into()))
    }
}

/// One recipient's entry: accepted with its id, or refused with the
/// provider's reason.
fn accepted(entry: &Value, id_field: &str, taken: bool) -> Result<Accepted, SendError> {
    let reason = entry["errorMessage"].as_str().unwrap_or_default();
    if !taken {
        if reason.contains("Insufficient") {
            return Err(SendError::NoBalance);
        }
        let reason = if reason.is_empty() || reason == "None" {
            "no reason given"
        } else {
            reason
        };
        return Err(SendError::Refused(format!(
            "Africa's Talking did not send it: {reason}"
        )));
    }
    match entry[id_field].as_str() {
        Some(id) if !id.is_empty() && id != "None" => Ok(Accepted {
            request_id: id.to_owned(),
        }),
        _ => Err(SendError::Unknown("the reply named no request id".into())),
    }
}

#[cfg(test)]
mod tests;
