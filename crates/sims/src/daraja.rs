//! Safaricom Daraja (M-Pesa Express): OAuth, STK push and STK query, with
//! the validation and error codes the real API uses, and scripted customer
//! behaviour per phone number.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the customer does with a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Customer {
    /// Enters the PIN; the query reports success from poll `n` on (earlier
    /// polls get "still being processed").
    PaysAfterPolls(u32),
    /// Ends with this Daraja result code (1032 cancelled, 2001 wrong PIN,
    /// 1 insufficient funds, 1037 unreachable, 1001 busy).
    FailsWith(u32, u32),
    /// Never answers: every query says "still being processed".
    NeverAnswers,
}

/// The simulator's credentials and behaviour.
#[derive(Debug, Clone)]
pub struct Config {
    /// Consumer key.
    pub consumer_key: String,
    /// Consumer secret.
    pub consumer_secret: String,
    /// Paybill or head-office shortcode.
    pub shortcode: String,
    /// The passkey.
    pub passkey: String,
    /// Lifetime of issued tokens.
    pub token_ttl: Duration,
    /// What a customer does when no script names their number.
    pub default_customer: Customer,
    /// Answer every n-th API call with spike arrest (500.003.02).
    pub spike_every: Option<u64>,
    /// Answer every n-th API call with a body that is not JSON (a proxy's
    /// error page).
    pub garbage_every: Option<u64>,
    /// Wait this long before every answer.
    pub delay: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            consumer_key: "sim-key".into(),
            consumer_secret: "sim-secret".into(),
            shortcode: "174379".into(),
            passkey: "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919".into(),
            token_ttl: Duration::from_secs(3599),
            default_customer: Customer::PaysAfterPolls(2),
            spike_every: None,
            garbage_every: None,
            delay: Duration::ZERO,
        }
    }
}

#[derive(Debug)]
struct Push {
    phone: String,
    amount: u64,
    customer: Customer,
    polls: u32,
}

#[derive(Debug, Default)]
struct Counters {
    oauth: u64,
    push: u64,
    query: u64,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    tokens: HashMap<String, Instant>,
    pushes: HashMap<String, Push>,
    scripts: HashMap<String, Customer>,
    counters: Counters,
    calls: u64,
}

/// A running simulator; stops when dropped.
#[derive(Debug)]
pub struct DarajaSim {
    addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for DarajaSim {
    fn drop(&mut self) {
        self.task.abort();
    }
}

type Shared = Arc<Mutex<Inner>>;

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(json!({ "requestId": uuid::Uuid::new_v4().to_string(), "errorCode": code, "errorMessage": message })),
    )
        .into_response()
}

fn bad_request(field: &str) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        "400.002.02",
        &format!("Bad Request - Invalid {field}"),
    )
}

impl DarajaSim {
    /// Starts on a free loopback port.
    pub async fn start(config: Config) -> std::io::Result<Self> {
        let inner = Arc::new(Mutex::new(Inner {
            config,
            tokens: HashMap::new(),
            pushes: HashMap::new(),
            scripts: HashMap::new(),
            counters: Counters::default(),
            calls: 0,
        }));
        let app = Router::new()
            .route("/oauth/v1/generate", get(oauth))
            .route("/mpesa/stkpush/v1/processrequest", post(stk_push))
            .route("/mpesa/stkpushquery/v1/query", post(stk_query))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::warn!(error = %e, "the Daraja simulator stopped");
            }
        });
        Ok(Self { addr, inner, task })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }

    /// Scripts what the customer with this number (2547…) does.
    pub fn script(&self, phone: &str, customer: Customer) {
        self.with(|s| {
            s.scripts.insert(phone.to_owned(), customer);
        });
    }

    /// Makes every issued token expire now.
    pub fn expire_tokens(&self) {
        self.with(|s| s.tokens.clear());
    }

    /// Calls so far: (oauth, push, query).
    pub fn counts(&self) -> (u64, u64, u64) {
        self.with(|s| (s.counters.oauth, s.counters.push, s.counters.query))
    }

    /// The amount and phone of a push, by CheckoutRequestID.
    pub fn push(&self, checkout: &str) -> Option<(String, u64)> {
        self.with(|s| s.pushes.get(checkout).map(|p| (p.phone.clone(), p.amount)))
    }
}

/// Every call counts toward spike arrest and garbage.
fn spike(s: &mut Inner) -> Option<Response> {
    s.calls += 1;
    if matches!(s.config.garbage_every, Some(n) if n > 0 && s.calls % n == 0) {
        return Some(
            (
                StatusCode::BAD_GATEWAY,
                "<html><body>502 Bad Gateway</body></html>",
            )
                .into_response(),
        );
    }
    match s.config.spike_every {
        Some(n) if n > 0 && s.calls % n == 0 => Some(error(
            StatusCode::TOO_MANY_REQUESTS,
            "500.003.02",
            "Spike arrest violation",
        )),
        _ => None,
    }
}

/// Waits the configured delay before answering.
async fn slow(state: &Shared) {
    let delay = state.lock().map(|s| s.config.delay).unwrap_or_default();
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
}

async fn oauth(
    State(state): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    slow(&state).await;
    let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
    s.counters.oauth += 1;
    if let Some(r) = spike(&mut s) {
        return r;
    }
    if q.get("grant_type").map(String::as_str) != Some("client_credentials") {
        return error(
            StatusCode::BAD_REQUEST,
            "400.008.02",
            "Invalid grant type passed",
        );
    }
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!(
            "{}:{}",
            s.config.consumer_key, s.config.consumer_secret
        ))
    );
    if headers.get("authorization").and_then(|h| h.to_str().ok()) != Some(expected.as_str()) {
        return error(
            StatusCode::BAD_REQUEST,
            "400.008.01",
            "Invalid Authentication passed",
        );
    }
    let token = uuid::Uuid::new_v4().simple().to_string();
    let ttl = s.config.token_ttl;
    s.tokens.insert(token.clone(), Instant::now() + ttl);
    // Daraja sends expires_in as a string.
    Json(json!({ "access_token": token, "expires_in": ttl.as_secs().to_string() })).into_response()
}

fn authorised(s: &Inner, headers: &HeaderMap) -> bool {
    headers
        .get("authorization")
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .and_then(|t| s.tokens.get(t))
        .is_some_and(|exp| *exp > Instant::now())
}

/// A JSON field Daraja accepts as a string or a number, as text.
fn text(v: &Value) -> Option<String> {
    v.as_str()
        .map(str::to_owned)
        .or_else(|| v.as_u64().map(|n| n.to_string()))
}

/// Checks Password and Timestamp as Daraja does: the password is base64 of
/// shortcode, passkey and timestamp; the timestamp is `YYYYMMDDHHmmss` in
/// East Africa Time, and recent. Returns the error reply, if any.
fn check_password(s: &Inner, body: &Value) -> Option<Response> {
    let ts = body["Timestamp"].as_str().unwrap_or_default();
    let Ok(parsed) = chrono::NaiveDateTime::parse_from_str(ts, "%Y%m%d%H%M%S") else {
        return Some(bad_request("Timestamp"));
    };
    let eat_now = (chrono::Utc::now() + chrono::Duration::hours(3)).naive_utc();
    if (eat_now - parsed).num_minutes().abs() > 60 {
        return Some(bad_request("Timestamp"));
    }
    if text(&body["BusinessShortCode"]).as_deref() != Some(s.config.shortcode.as_str()) {
        return Some(bad_request("BusinessShortCode"));
    }
    let expected = base64::engine::general_purpose::STANDARD
        .encode(format!("{}{}{}", s.config.shortcode, s.config.passkey, ts));
    if body["Password"].as_str() != Some(expected.as_str()) {
        return Some(error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "500.001.1001",
            "Wrong credentials",
        ));
    }
    None
}

fn phone_ok(v: &Value) -> Option<String> {
    let p = text(v)?;
    let ok = p.len() == 12
        && (p.starts_with("2547") || p.starts_with("2541"))
        && p.chars().all(|c| c.is_ascii_digit());
    ok.then_some(p)
}

/// What every STK call goes through: spike arrest, the bearer token, a JSON
/// body, the password and timestamp. Returns the body or the error reply.
#[allow(clippy::result_large_err)]
fn admit(s: &mut Inner, headers: &HeaderMap, body: &str) -> Result<Value, Response> {
    if let Some(r) = spike(s) {
        return Err(r);
    }
    if !authorised(s, headers) {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            "404.001.03",
            "Invalid Access Token",
        ));
    }
    let body = serde_json::from_str::<Value>(body).map_err(|_| bad_request("JSON"))?;
    match check_password(s, &body) {
        Some(r) => Err(r),
        None => Ok(body),
    }
}

async fn stk_push(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    slow(&state).await;
    let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
    s.counters.push += 1;
    let body = match admit(&mut s, &headers, &body) {
        Ok(body) => body,
        Err(r) => return r,
    };
    let kind = body["TransactionType"].as_str().unwrap_or_default();
    if kind != "CustomerPayBillOnline" && kind != "CustomerBuyGoodsOnline" {
        return bad_request("TransactionType");
    }
    let amount = body["Amount"]
        .as_u64()
        .or_else(|| body["Amount"].as_str().and_then(|a| a.parse().ok()));
    let Some(amount) = amount.filter(|a| (1..=250_000).contains(a)) else {
        return bad_request("Amount");
    };
    let (Some(party_a), Some(phone)) = (phone_ok(&body["PartyA"]), phone_ok(&body["PhoneNumber"]))
    else {
        return bad_request("PhoneNumber");
    };
    if party_a != phone {
        return bad_request("PartyA");
    }
    if text(&body["PartyB"]).is_none_or(|p| p.is_empty()) {
        return bad_request("PartyB");
    }
    if !body["CallBackURL"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://"))
    {
        return bad_request("CallBackURL");
    }
    let reference = body["AccountReference"].as_str().unwrap_or_default();
    if reference.is_empty() || reference.chars().count() > 12 {
        return bad_request("AccountReference");
    }
    let desc = body["TransactionDesc"].as_str().unwrap_or_default();
    if desc.is_empty() || desc.chars().count() > 13 {
        return bad_request("TransactionDesc");
    }
    let customer = s
        .scripts
        .get(&phone)
        .copied()
        .unwrap_or(s.config.default_customer);
    let checkout = format!("ws_CO_{}", uuid::Uuid::new_v4().simple());
    s.pushes.insert(
        checkout.clone(),
        Push {
            phone,
            amount,
            customer,
            polls: 0,
        },
    );
    Json(json!({
        "MerchantRequestID": uuid::Uuid::new_v4().to_string(),
        "CheckoutRequestID": checkout,
        "ResponseCode": "0",
        "ResponseDescription": "Success. Request accepted for processing",
        "CustomerMessage": "Success. Request accepted for processing"
    }))
    .into_response()
}

fn result_desc(code: u32) -> &'static str {
    match code {
        0 => "The service request is processed successfully.",
        1 => "The balance is insufficient for the transaction.",
        1001 => "Unable to lock subscriber, a transaction is already in process for the current subscriber",
        1032 => "Request cancelled by user",
        1037 => "DS timeout user cannot be reached",
        2001 => "The initiator information is invalid.",
        _ => "The transaction failed.",
    }
}

async fn stk_query(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    slow(&state).await;
    let mut s = state.lock().unwrap_or_else(|p| p.into_inner());
    s.counters.query += 1;
    let body = match admit(&mut s, &headers, &body) {
        Ok(body) => body,
        Err(r) => return r,
    };
    let checkout = body["CheckoutRequestID"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let Some(push) = s.pushes.get_mut(&checkout) else {
        return bad_request("CheckoutRequestID");
    };
    push.polls += 1;
    let final_code = match push.customer {
        Customer::PaysAfterPolls(n) if push.polls >= n => Some(0),
        Customer::FailsWith(code, n) if push.polls >= n => Some(code),
        _ => None,
    };
    match final_code {
        None => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "500.001.1001",
            "The transaction is being processed",
        ),
        Some(code) => Json(json!({
            "ResponseCode": "0",
            "ResponseDescription": "The service request has been accepted successsfully",
            "MerchantRequestID": uuid::Uuid::new_v4().to_string(),
            "CheckoutRequestID": checkout,
            // The query reply carries the result code as a string.
            "ResultCode": code.to_string(),
            "ResultDesc": result_desc(code)
        }))
        .into_response(),
    }
}
