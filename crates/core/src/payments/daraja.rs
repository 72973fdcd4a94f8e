//! Safaricom Daraja (M-Pesa Express) client: OAuth token cached and renewed,
//! STK push, STK status query. Password and timestamp use East Africa Time.
//! Base URL configurable (sandbox, production, or a loopback simulator).
//!
//! A desktop app has no public callback URL, so the payment's outcome comes
//! from polling [`DarajaClient::stk_query`]; "still being processed"
//! (500.001.1001) is [`QueryStatus::Pending`], not an error.

use base64::Engine;
use chrono::{DateTime, Duration as ChronoDuration, Utc};
use dukadesk_domain::bot::PaymentFailure;
use dukadesk_domain::Msisdn;
use dukadesk_domain::Sensitive;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// Paybill (CustomerPayBillOnline) or till number (CustomerBuyGoodsOnline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Collection {
    /// Pay to the shortcode itself.
    Paybill,
    /// Pay to a till number under the shortcode.
    BuyGoods {
        /// Till number (PartyB).
        till: String,
    },
}

/// Credentials and where to reach Daraja.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DarajaConfig {
    /// `https://sandbox.safaricom.co.ke`, `https://api.safaricom.co.ke`, or a simulator.
    pub base_url: String,
    /// Consumer key.
    pub consumer_key: String,
    /// Consumer secret.
    pub consumer_secret: Sensitive<String>,
    /// Business shortcode.
    pub shortcode: String,
    /// Lipa na M-Pesa passkey.
    pub passkey: Sensitive<String>,
    /// Paybill or till.
    pub collection: Collection,
    /// Callback URL Daraja requires (https); outcomes are polled regardless.
    pub callback_url: String,
}

/// Why a Daraja call failed; each variant is something the caller acts on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DarajaError {
    /// Wrong consumer key/secret, passkey or shortcode: fix the settings.
    #[error("M-Pesa refused the shop's credentials ({0}). Check the consumer key, secret, shortcode and passkey in Settings.")]
    Credentials(String),
    /// The request was refused as invalid; retrying will not help.
    #[error("M-Pesa refused the request: {0}")]
    Rejected(String),
    /// Rate limited (spike arrest or quota): wait and try again.
    #[error("M-Pesa asked us to slow down ({0}).")]
    Throttled(String),
    /// No answer (offline, DNS, timeout, 5xx).
    #[error("M-Pesa could not be reached: {0}")]
    Unreachable(String),
    /// An answer that is not what Daraja sends.
    #[error("M-Pesa sent a reply DukaDesk does not understand: {0}")]
    Garbage(String),
}

/// Where a push stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryStatus {
    /// The customer has not answered yet.
    Pending,
    /// Final: Daraja's result code and description (0 is success).
    Final {
        /// Result code.
        code: u32,
        /// Description.
        description: String,
    },
}

/// A Daraja client; share it (it caches the token).
#[derive(Debug)]
pub struct DarajaClient {
    http: reqwest::Client,
    config: DarajaConfig,
    token: Mutex<Option<(String, Instant)>>,
}

/// Renew the token this long before Daraja says it expires.
const TOKEN_MARGIN: Duration = Duration::from_secs(60);

impl DarajaClient {
    /// A client with a 20-second timeout per call.
    pub fn new(config: DarajaConfig) -> Result<Self, DarajaError> {
        let http = crate::net::http_client()
            .timeout(Duration::from_secs(20))
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| DarajaError::Unreachable(e.to_string()))?;
        Ok(Self {
            http,
            config,
            token: Mutex::new(None),
        })
    }

    /// `YYYYMMDDHHmmss` in East Africa Time (UTC+3).
    pub fn timestamp(now: DateTime<Utc>) -> String {
        (now + ChronoDuration::hours(3))
            .format("%Y%m%d%H%M%S")
            .to_string()
    }

    /// base64(shortcode + passkey + timestamp).
    pub fn password(&self, timestamp: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(format!(
            "{}{}{timestamp}",
            self.config.shortcode,
            self.config.passkey.expose()
        ))
    }

    async fn token(&self, fresh: bool) -> Result<String, DarajaError> {
        let mut cached = self.token.lock().await;
        if let Some((token, until)) = cached.as_ref() {
            if !fresh && Instant::now() < *until {
                return Ok(token.clone());
            }
        }
        let url = format!(
            "{}/oauth/v1/generate?grant_type=client_credentials",
            self.config.base_url
        );
        let response = self
            .http
            .get(url)
            .basic_auth(
                &self.config.consumer_key,
                Some(self.config.consumer_secret.expose()),
            )
            .send()
            .await
            .map_err(|e| DarajaError::Unreachable(e.to_string()))?;
        let status = response.status();
        let body: Value = parse(response).await?;
        if !status.is_success() {
            return Err(classify(status, &body, true));
        }
        let token = body["access_token"]
            .as_str()
            .ok_or_else(|| DarajaError::Garbage("no access_token".into()))?
            .to_owned();
        // expires_in arrives as a string in some replies and a number in others.
        let secs = body["expires_in"]
            .as_u64()
            .or_else(|| body["expires_in"].as_str().and_then(|s| s.parse().ok()))
            .unwrap_or(3599);
        let until = Instant::now() + Duration::from_secs(secs).saturating_sub(TOKEN_MARGIN);
        *cached = Some((token.clone(), until));
        Ok(token)
    }

    /// Asks for a fresh token: proves the consumer key and secret work.
    pub async fn check_credentials(&self) -> Result<(), DarajaError> {
        self.token(true).await.map(|_| ())
    }

    /// POSTs with the token, renewing it once if Daraja says it is invalid.
    async fn post(
        &self,
        path: &str,
        body: &Value,
    ) -> Result<(reqwest::StatusCode, Value), DarajaError> {
        let url = format!("{}{path}", self.config.base_url);
        for attempt in 0..2 {
            let token = self.token(attempt > 0).await?;
            let response = self
                .http
                .post(&url)
                .bearer_auth(token)
                .json(body)
                .send()
                .await
                .map_err(|e| DarajaError::Unreachable(e.to_string()))?;
            let status = response.status();
            let reply: Value = parse(response).await?;
            if reply["errorCode"].as_str() == Some("404.001.03") && attempt == 0 {
                continue;
            }
            return Ok((status, reply));
        }
        Err(DarajaError::Credentials(
            "the access token was refused twice".into(),
        ))
    }

    /// Sends the payment prompt to `phone` for `amount` whole shillings.
    /// Returns the CheckoutRequestID.
    pub async fn stk_push(
        &self,
        phone: &Msisdn,
        amount: i64,
        reference: &str,
        description: &str,
        now: DateTime<Utc>,
    ) -> Result<String, DarajaError> {
        if !(1..=250_000).contains(&amount) {
            return Err(DarajaError::Rejected(format!(
                "M-Pesa takes 1 to 250,000 shillings per payment, not {amount}."
            )));
        }
        let timestamp = Self::timestamp(now);
        let (kind, party_b) = match &self.config.collection {
            Collection::Paybill => ("CustomerPayBillOnline", self.config.shortcode.clone()),
            Collection::BuyGoods { till } => ("CustomerBuyGoodsOnline", till.clone()),
        };
        let body = json!({
            "BusinessShortCode": self.config.shortcode,
            "Password": self.password(&timestamp),
            "Timestamp": timestamp,
            "TransactionType": kind,
            "Amount": amount,
            "PartyA": phone.as_str(),
            "PartyB": party_b,
            "PhoneNumber": phone.as_str(),
            "CallBackURL": self.config.callback_url,
            "AccountReference": reference.chars().take(12).collect::<String>(),
            "TransactionDesc": description.chars().take(13).collect::<String>(),
        });
        let (status, reply) = self.post("/mpesa/stkpush/v1/processrequest", &body).await?;
        if status.is_success() && reply["ResponseCode"].as_str() == Some("0") {
            return reply["CheckoutRequestID"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| DarajaError::Garbage("no CheckoutRequestID".into()));
        }
        Err(classify(status, &reply, false))
    }

    /// Asks where a push stands.
    pub async fn stk_query(
        &self,
        checkout: &str,
        now: DateTime<Utc>,
    ) -> Result<QueryStatus, DarajaError> {
        let timestamp = Self::timestamp(now);
        let body = json!({
            "BusinessShortCode": self.config.shortcode,
            "Password": self.password(&timestamp),
            "Timestamp": timestamp,
            "CheckoutRequestID": checkout,
        });
        let (status, reply) = self.post("/mpesa/stkpushquery/v1/query", &body).await?;
        if reply["errorCode"].as_str() == Some("500.001.1001")
            && reply["errorMessage"]
                .as_str()
                .is_some_and(|m| m.contains("being processed"))
        {
            return Ok(QueryStatus::Pending);
        }
        if status.is_success() {
            // ResultCode is a string in query replies (a number in callbacks).
            let code = reply["ResultCode"]
                .as_str()
                .and_then(|c| c.parse().ok())
                .or_else(|| {
                    reply["ResultCode"]
                        .as_u64()
                        .and_then(|c| u32::try_from(c).ok())
                })
                .ok_or_else(|| DarajaError::Garbage("no ResultCode".into()))?;
            return Ok(QueryStatus::Final {
                code,
                description: reply["ResultDesc"].as_str().unwrap_or_default().to_owned(),
            });
        }
        Err(classify(status, &reply, false))
    }
}

async fn parse(response: reqwest::Response) -> Result<Value, DarajaError> {
    let text = response
        .text()
        .await
        .map_err(|e| DarajaError::Unreachable(e.to_string()))?;
    serde_json::from_str(&text).map_err(|_| {
        let shown: String = text.chars().take(80).collect();
        DarajaError::Garbage(format!("not JSON: {shown:?}"))
    })
}

fn classify(status: reqwest::StatusCode, body: &Value, oauth: bool) -> DarajaError {
    let code = body["errorCode"].as_str().unwrap_or_default();
    let message = body["errorMessage"].as_str().unwrap_or_default();
    let detail = format!("{code} {message}").trim().to_owned();
    match code {
        "500.003.02" | "500.003.03" => DarajaError::Throttled(detail),
        "404.001.03" => DarajaError::Credentials(detail),
        "500.001.1001" if message.contains("credentials") || message.contains("Wrong") => {
            DarajaError::Credentials(detail)
        }
        _ if oauth && status.is_client_error() => DarajaError::Credentials(detail),
        _ if code.starts_with("400.") => DarajaError::Rejected(detail),
        _ if status.is_server_error() || status == reqwest::StatusCode::TOO_MANY_REQUESTS => {
            if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
                DarajaError::Throttled(detail)
            } else {
                DarajaError::Unreachable(format!("{status} {detail}"))
            }
        }
        _ => DarajaError::Garbage(format!("{status} {detail}")),
    }
}

/// What a final Daraja result code means for the customer.
pub fn result_reason(code: u32) -> PaymentFailure {
    match code {
        1 => PaymentFailure::InsufficientFunds,
        1032 => PaymentFailure::Cancelled,
        1037 | 1019 => PaymentFailure::Unreachable,
        2001 => PaymentFailure::WrongPin,
        1001 => PaymentFailure::Busy,
        1025 | 9999 | 17 | 26 => PaymentFailure::NotSent,
        _ => PaymentFailure::Other,
    }
}

#[cfg(test)]
pub(crate) mod tests;
