//! IntaSend client (M-Pesa STK push through a payment processor): push and
//! status, with the secret key as Bearer token. Base URL configurable.
//!
//! IntaSend webhooks carry no signature, so a webhook alone is never proof
//! of payment: the outcome always comes from the status call.

use super::reconcile::{CallError, PaymentProvider, Poll, ProviderFuture, Request};
use super::ProviderOutcome;
use chrono::{DateTime, Utc};
use dukadesk_domain::bot::PaymentFailure;
use dukadesk_domain::Sensitive;
use serde_json::{json, Value};
use std::time::Duration;

pub use dukadesk_domain::ipc::{
    INTASEND_LIVE_URL as INTASEND_LIVE, INTASEND_SANDBOX_URL as INTASEND_SANDBOX,
};

/// Keys and where to reach IntaSend.
#[derive(Debug, Clone)]
pub struct IntaSendConfig {
    /// Sandbox, live, or a simulator.
    pub base_url: String,
    /// Publishable key.
    pub public_key: String,
    /// Secret key.
    pub secret_key: Sensitive<String>,
}

/// An IntaSend client.
#[derive(Debug)]
pub struct IntaSendClient {
    http: reqwest::Client,
    config: IntaSendConfig,
}

impl IntaSendClient {
    /// A client with a 20-second timeout per call.
    pub fn new(config: IntaSendConfig) -> Result<Self, CallError> {
        let http = crate::net::http_client()
            .timeout(Duration::from_secs(20))
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| CallError::Retry(e.to_string()))?;
        Ok(Self { http, config })
    }

    async fn post(&self, path: &str, body: Value) -> Result<Value, CallError> {
        let response = self
            .http
            .post(format!("{}{path}", self.config.base_url))
            .bearer_auth(self.config.secret_key.expose())
            .json(&body)
            .send()
            .await
            .map_err(|e| CallError::Retry(format!("IntaSend could not be reached: {e}")))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| CallError::Retry(format!("IntaSend's reply was cut off: {e}")))?;
        let Ok(reply) = serde_json::from_str::<Value>(&text) else {
            let shown: String = text.chars().take(80).collect();
            return Err(CallError::Retry(format!(
                "IntaSend sent a reply that is not JSON: {shown:?}"
            )));
        };
        if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
            return Err(CallError::Refused(
                "IntaSend refused the shop's keys. Check the publishable and secret keys in Settings.".into(),
            ));
        }
        if status.is_client_error() {
            let detail = reply["errors"][0]["detail"]
                .as_str()
                .unwrap_or("invalid request");
            return Err(CallError::Refused(format!(
                "IntaSend refused the request: {detail}"
            )));
        }
        if !status.is_success() {
            return Err(CallError::Retry(format!("IntaSend answered {status}")));
        }
        Ok(reply)
    }

    /// Sends the prompt; returns the invoice id.
    pub async fn stk_push(&self, request: &Request) -> Result<String, CallError> {
        let body = json!({
            "public_key": self.config.public_key,
            "amount": request.amount.whole_major_ceil(),
            "phone_number": request.phone.as_str(),
            "api_ref": format!("order-{}", request.order_number),
            "currency": request.amount.currency.code(),
        });
        let reply = self.post("/api/v1/payment/mpesa-stk-push/", body).await?;
        reply["invoice"]["invoice_id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| CallError::Retry("IntaSend's reply had no invoice id".into()))
    }

    /// Checks the keys without moving money: asks about an invoice that
    /// does not exist. IntaSend says "not found" to good keys and refuses
    /// bad ones.
    pub async fn check_keys(&self) -> Result<(), CallError> {
        let body =
            json!({ "invoice_id": "DUKADESK-KEY-CHECK", "public_key": self.config.public_key });
        match self.post("/api/v1/payment/status/", body).await {
            Ok(_) => Ok(()),
            Err(CallError::Refused(m)) if m.to_lowercase().contains("public key") => {
                Err(CallError::Refused(
                    "IntaSend refused the publishable key. Check it in Settings.".into(),
                ))
            }
            Err(CallError::Refused(m)) if m.contains("keys") => Err(CallError::Refused(m)),
            Err(CallError::Refused(_)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Where an invoice stands.
    pub async fn status(&self, invoice: &str) -> Result<Poll, CallError> {
        let body = json!({ "invoice_id": invoice, "public_key": self.config.public_key });
        let reply = self.post("/api/v1/payment/status/", body).await?;
        let invoice = &reply["invoice"];
        Ok(match invoice["state"].as_str().unwrap_or_default() {
            "COMPLETE" | "COMPLETED" => Poll::Done(ProviderOutcome::Paid {
                receipt: invoice["mpesa_reference"]
                    .as_str()
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned),
            }),
            "FAILED" => Poll::Done(ProviderOutcome::Failed {
                reason: failure(invoice["failed_reason"].as_str().unwrap_or_default()),
            }),
            "PENDING" | "PROCESSING" | "RETRY" => Poll::Pending,
            other => {
                return Err(CallError::Retry(format!(
                    "IntaSend reported an unknown state {other:?}"
                )))
            }
        })
    }
}

/// IntaSend passes M-Pesa's words through; read the common ones.
fn failure(reason: &str) -> PaymentFailure {
    let r = reason.to_lowercase();
    if r.contains("cancel") {
        PaymentFailure::Cancelled
    } else if r.contains("insufficient") || r.contains("balance") {
        PaymentFailure::InsufficientFunds
    } else if r.contains("pin") || r.contains("initiator") {
        PaymentFailure::WrongPin
    } else if r.contains("timeout") || r.contains("reached") {
        PaymentFailure::Unreachable
    } else {
        PaymentFailure::Other
    }
}

impl PaymentProvider for IntaSendClient {
    fn start<'a>(
        &'a self,
        request: &'a Request,
        _now: DateTime<Utc>,
    ) -> ProviderFuture<'a, Result<String, CallError>> {
        Box::pin(self.stk_push(request))
    }

    fn poll<'a>(
        &'a self,
        reference: &'a str,
        _now: DateTime<Utc>,
    ) -> ProviderFuture<'a, Result<Poll, CallError>> {
        Box::pin(self.status(reference))
    }
}

#[cfg(test)]
mod tests;
