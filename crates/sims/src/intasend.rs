//! IntaSend's M-Pesa STK push and status endpoints, with its authentication,
//! field checks and invoice states (PENDING, PROCESSING, COMPLETE, FAILED).

use crate::daraja::Customer;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Keys and behaviour.
#[derive(Debug, Clone)]
pub struct Config {
    /// Publishable key (sent in bodies).
    pub public_key: String,
    /// Secret key (Bearer token).
    pub secret_key: String,
    /// What a customer does when no script names their number.
    pub default_customer: Customer,
    /// Answer every n-th call with a body that is not JSON.
    pub garbage_every: Option<u64>,
    /// Wait this long before every answer.
    pub delay: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            public_key: "ISPubKey_test_sim".into(),
            secret_key: "ISSecretKey_test_sim".into(),
            default_customer: Customer::PaysAfterPolls(2),
            garbage_every: None,
            delay: Duration::ZERO,
        }
    }
}

#[derive(Debug)]
struct Invoice {
    amount: u64,
    customer: Customer,
    polls: u32,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    invoices: HashMap<String, Invoice>,
    scripts: HashMap<String, Customer>,
    calls: u64,
    pushes: u64,
    statuses: u64,
}

/// A running simulator; stops when dropped.
#[derive(Debug)]
pub struct IntaSendSim {
    addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for IntaSendSim {
    fn drop(&mut self) {
        self.task.abort();
    }
}

type Shared = Arc<Mutex<Inner>>;

fn field_error(detail: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({ "type": "client_error", "errors": [{ "code": "invalid_field", "detail": detail }] })),
    )
        .into_response()
}

impl IntaSendSim {
    /// Starts on a free loopback port.
    pub async fn start(config: Config) -> std::io::Result<Self> {
        let inner = Arc::new(Mutex::new(Inner {
            config,
            invoices: HashMap::new(),
            scripts: HashMap::new(),
            calls: 0,
            pushes: 0,
            statuses: 0,
        }));
        let app = Router::new()
            .route("/api/v1/payment/mpesa-stk-push/", post(push))
            .route("/api/v1/payment/status/", post(status))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::warn!(error = %e, "the IntaSend simulator stopped");
            }
        });
        Ok(Self { addr, inner, task })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Scripts what the customer with this number (2547…) does.
    pub fn script(&self, phone: &str, customer: Customer) {
        let mut s = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        s.scripts.insert(phone.to_owned(), customer);
    }

    /// Calls so far: (push, status).
    pub fn counts(&self) -> (u64, u64) {
        let s = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        (s.pushes, s.statuses)
    }
}

/// Authentication, garbage and delay, shared by both endpoints. Returns the
/// body or the reply to send instead, and how long to wait first.
fn admit(s: &mut Inner, headers: &HeaderMap, body: &str) -> (Duration, Result<Value, Response>) {
    s.calls += 1;
    let delay = s.config.delay;
    if matches!(s.config.garbage_every, Some(n) if n > 0 && s.calls % n == 0) {
        return (
            delay,
            Err((StatusCode::OK, "<html>Bad gateway</html>").into_response()),
        );
    }
    let expected = format!("Bearer {}", s.config.secret_key);
    if headers.get("authorization").and_then(|h| h.to_str().ok()) != Some(expected.as_str()) {
        let reply = (
            StatusCode::UNAUTHORIZED,
            Json(json!({ "detail": "Authentication credentials were not provided." })),
        )
            .into_response();
        return (delay, Err(reply));
    }
    let Ok(body) = serde_json::from_str::<Value>(body) else {
        return (delay, Err(field_error("JSON parse error")));
    };
    if body["public_key"].as_str() != Some(s.config.public_key.as_str()) {
        return (delay, Err(field_error("Invalid public key")));
    }
    (delay, Ok(body))
}

async fn push(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    let (delay, reply) = {
        let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
        s.pushes += 1;
        match admit(&mut s, &headers, &body) {
            (d, Err(r)) => (d, r),
            (d, Ok(body)) => (d, accept_push(&mut s, &body)),
        }
    };
    tokio::time::sleep(delay).await;
    reply
}

fn accept_push(s: &mut Inner, body: &Value) -> Response {
    let amount = body["amount"]
        .as_u64()
        .or_else(|| body["amount"].as_f64().map(|a| a as u64))
        .or_else(|| {
            body["amount"]
                .as_str()
                .and_then(|a| a.parse::<f64>().ok())
                .map(|a| a as u64)
        });
    let Some(amount) = amount.filter(|a| *a >= 1) else {
        return field_error("amount must be at least 1");
    };
    let phone = body["phone_number"]
        .as_str()
        .map(str::to_owned)
        .or_else(|| body["phone_number"].as_u64().map(|n| n.to_string()))
        .unwrap_or_default();
    if phone.len() != 12
        || !(phone.starts_with("2547") || phone.starts_with("2541"))
        || !phone.chars().all(|c| c.is_ascii_digit())
    {
        return field_error("phone_number must be in the format 2547XXXXXXXX");
    }
    if body["api_ref"].as_str().is_none_or(str::is_empty) {
        return field_error("api_ref is required");
    }
    let customer = s
        .scripts
        .get(&phone)
        .copied()
        .unwrap_or(s.config.default_customer);
    let id: String = uuid::Uuid::new_v4()
        .simple()
        .to_string()
        .chars()
        .take(7)
        .collect::<String>()
        .to_uppercase();
    s.invoices.insert(
        id.clone(),
        Invoice {
            amount,
            customer,
            polls: 0,
        },
    );
    Json(json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "invoice": { "invoice_id": id, "state": "PENDING", "provider": "M-PESA", "value": amount.to_string(), "account": phone },
        "customer": { "phone_number": phone },
    }))
    .into_response()
}

async fn status(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    let (delay, reply) = {
        let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
        s.statuses += 1;
        match admit(&mut s, &headers, &body) {
            (d, Err(r)) => (d, r),
            (d, Ok(body)) => (d, answer_status(&mut s, &body)),
        }
    };
    tokio::time::sleep(delay).await;
    reply
}

fn answer_status(s: &mut Inner, body: &Value) -> Response {
    let id = body["invoice_id"].as_str().unwrap_or_default().to_owned();
    let Some(invoice) = s.invoices.get_mut(&id) else {
        return field_error("Invoice not found");
    };
    invoice.polls += 1;
    let (state, reason, code) = match invoice.customer {
        Customer::PaysAfterPolls(n) if invoice.polls >= n => ("COMPLETE", "", ""),
        Customer::FailsWith(code, n) if invoice.polls >= n => ("FAILED", failed_reason(code), "1"),
        _ if invoice.polls <= 1 => ("PENDING", "", ""),
        _ => ("PROCESSING", "", ""),
    };
    let receipt = (state == "COMPLETE").then(|| format!("SIM{}", &id[..id.len().min(7)]));
    Json(json!({
        "invoice": {
            "invoice_id": id,
            "state": state,
            "value": invoice.amount.to_string(),
            "failed_reason": if reason.is_empty() { Value::Null } else { json!(reason) },
            "failed_code": if code.is_empty() { Value::Null } else { json!(code) },
            "mpesa_reference": receipt,
        }
    }))
    .into_response()
}

fn failed_reason(code: u32) -> &'static str {
    match code {
        1 => "The balance is insufficient for the transaction",
        1032 => "Request cancelled by user",
        1037 => "DS timeout user cannot be reached",
        2001 => "The initiator information is invalid (wrong PIN)",
        _ => "The transaction failed",
    }
}
