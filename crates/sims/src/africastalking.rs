//! Africa's Talking: airtime (`POST /version1/airtime/send`, a URL-encoded
//! form whose `recipients` is a JSON string, with an optional
//! `Idempotency-Key`), data bundles
//! (`POST /mobile/data/request`, JSON, with an `Idempotency-Key`), the
//! transaction status query (`GET /query/transaction/find`) and the
//! account balance (`GET /version1/user`). It checks the `apiKey` header,
//! the username and each field's shape as the provider does, answers
//! `Sent`/`Failed` per recipient with request ids, and lets a test script
//! each number's final result, a balance that runs out, slow replies and
//! replies that are not JSON.
//!
//! The status query's answer follows the provider's payments query
//! (`{"status": "Success", "data": {"transactionId", "status", ...}}`).

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What happens to a number's airtime or bundle after "Sent".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Delivered: the status query answers `Success`.
    Delivered,
    /// The network refused it: `Failed` with this reason.
    Fails(String),
    /// No final answer yet: the query keeps answering `Sent`.
    Pending,
}

/// Keys and behaviour.
#[derive(Debug, Clone)]
pub struct Config {
    /// The account's username (`sandbox` on the sandbox).
    pub username: String,
    /// The API key (`apiKey` header).
    pub api_key: String,
    /// The account's balance in shillings; each airtime sent and bundle
    /// bought takes its value.
    pub balance_kes: u64,
    /// What happens to a number no script names.
    pub default_delivery: Delivery,
    /// Answer every n-th call with a body that is not JSON (after doing
    /// the work: the reply is lost, not the request).
    pub garbage_every: Option<u64>,
    /// Wait this long before every answer.
    pub delay: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            username: "sandbox".into(),
            api_key: "atsk_test_sim".into(),
            balance_kes: 10_000,
            default_delivery: Delivery::Delivered,
            garbage_every: None,
            delay: Duration::ZERO,
        }
    }
}

/// One airtime or bundle the simulator was asked to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The provider's id for it.
    pub id: String,
    /// `+2547…`.
    pub phone: String,
    /// Shillings.
    pub value_kes: u64,
    /// `airtime` or `bundle`.
    pub kind: &'static str,
}

#[derive(Debug)]
struct Inner {
    config: Config,
    scripts: HashMap<String, Delivery>,
    sent: Vec<(Sent, Delivery)>,
    /// Requests by idempotency key (airtime and bundles each): the answer
    /// first given.
    idempotent: HashMap<(&'static str, String), Value>,
    calls: u64,
    next_id: u64,
}

/// A running simulator; stops when dropped.
#[derive(Debug)]
pub struct AfricasTalkingSim {
    addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for AfricasTalkingSim {
    fn drop(&mut self) {
        self.task.abort();
    }
}

type Shared = Arc<Mutex<Inner>>;

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, Inner> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

impl AfricasTalkingSim {
    /// Starts on a free loopback port.
    pub async fn start(config: Config) -> std::io::Result<Self> {
        let inner = Arc::new(Mutex::new(Inner {
            config,
            scripts: HashMap::new(),
            sent: Vec::new(),
            idempotent: HashMap::new(),
            calls: 0,
            next_id: 0,
        }));
        let app = Router::new()
            .route("/version1/airtime/send", post(airtime))
            .route("/mobile/data/request", post(bundles))
            .route("/query/transaction/find", get(find))
            .route("/version1/user", get(user))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::warn!(error = %e, "the Africa's Talking simulator stopped");
            }
        });
        Ok(Self { addr, inner, task })
    }

    /// `http://127.0.0.1:<port>` (airtime, queries and bundles alike).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Scripts what happens to what is sent to this number (`+2547…`).
    pub fn script(&self, phone: &str, delivery: Delivery) {
        lock(&self.inner).scripts.insert(phone.to_owned(), delivery);
    }

    /// Changes what happens to something already sent (its status query
    /// answers this from now on): a pending delivery that lands or fails.
    pub fn settle(&self, request_id: &str, delivery: Delivery) {
        let mut s = lock(&self.inner);
        if let Some((_, d)) = s.sent.iter_mut().find(|(sent, _)| sent.id == request_id) {
            *d = delivery;
        }
    }

    /// What the status query answers for `request_id` now.
    pub fn delivery_of(&self, request_id: &str) -> Option<Delivery> {
        lock(&self.inner)
            .sent
            .iter()
            .find(|(sent, _)| sent.id == request_id)
            .map(|(_, d)| d.clone())
    }

    /// Everything accepted for sending so far, oldest first.
    pub fn sent(&self) -> Vec<Sent> {
        lock(&self.inner)
            .sent
            .iter()
            .map(|(s, _)| s.clone())
            .collect()
    }

    /// The balance left, in shillings.
    pub fn balance_kes(&self) -> u64 {
        lock(&self.inner).config.balance_kes
    }

    /// Answers every n-th call from now on with a body that is not JSON.
    pub fn garble_every(&self, n: Option<u64>) {
        let mut s = lock(&self.inner);
        s.config.garbage_every = n;
        s.calls = 0;
    }
}

/// Counts the call; `true` when its reply is to be garbage.
fn garbled(s: &mut Inner) -> bool {
    s.calls += 1;
    matches!(s.config.garbage_every, Some(n) if n > 0 && s.calls % n == 0)
}

fn unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        "The supplied authentication is invalid",
    )
        .into_response()
}

fn bad_request(message: &str) -> Response {
    (StatusCode::BAD_REQUEST, message.to_owned()).into_response()
}

fn authorised(s: &Inner, headers: &HeaderMap) -> bool {
    headers.get("apikey").and_then(|h| h.to_str().ok()) == Some(s.config.api_key.as_str())
}

/// A Kenyan mobile in international form: `+2547…` or `+2541…`, 13
/// characters.
fn kenyan_mobile(phone: &str) -> bool {
    phone.len() == 13
        && (phone.starts_with("+2547") || phone.starts_with("+2541"))
        && phone[1..].chars().all(|c| c.is_ascii_digit())
}

/// "KES 100" or "KES 100.00" as whole shillings.
fn kes(amount: &str) -> Option<u64> {
    let number = amount.strip_prefix("KES ")?.trim();
    let value: f64 = number.parse().ok()?;
    (value.fract() == 0.0 && value > 0.0).then_some(value as u64)
}

/// Takes `value` from the balance and keeps what was sent, with what will
/// happen to it (the number's script, or the default); its id.
fn record_sent(s: &mut Inner, phone: &str, value: u64, kind: &'static str) -> String {
    s.config.balance_kes -= value;
    s.next_id += 1;
    let prefix = if kind == "airtime" {
        "ATQid_"
    } else {
        "ATPid_"
    };
    let id = format!("{prefix}{:08}", s.next_id);
    let delivery = s
        .scripts
        .get(phone)
        .cloned()
        .unwrap_or_else(|| s.config.default_delivery.clone());
    s.sent.push((
        Sent {
            id: id.clone(),
            phone: phone.to_owned(),
            value_kes: value,
            kind,
        },
        delivery,
    ));
    id
}

async fn airtime(
    State(state): State<Shared>,
    headers: HeaderMap,
    form: axum::extract::Form<HashMap<String, String>>,
) -> Response {
    let (delay, reply) = {
        let mut s = lock(&state);
        let garbage = garbled(&mut s);
        let reply = send_airtime(&mut s, &headers, &form.0);
        let reply = if garbage {
            (StatusCode::BAD_GATEWAY, "<html>502 Bad Gateway</html>").into_response()
        } else {
            reply
        };
        (s.config.delay, reply)
    };
    tokio::time::sleep(delay).await;
    reply
}

/// The request's `Idempotency-Key`, when it carries one.
fn idempotency_key(headers: &HeaderMap) -> Option<String> {
    headers
        .get("idempotency-key")
        .and_then(|h| h.to_str().ok())
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
}

fn send_airtime(s: &mut Inner, headers: &HeaderMap, form: &HashMap<String, String>) -> Response {
    if !authorised(s, headers) {
        return unauthorized();
    }
    let key = idempotency_key(headers);
    if let Some(first) = key
        .as_ref()
        .and_then(|k| s.idempotent.get(&("airtime", k.clone())))
    {
        return (StatusCode::CREATED, Json(first.clone())).into_response();
    }
    if form.get("username") != Some(&s.config.username) {
        return bad_request("Invalid username");
    }
    let Some(recipients) = form
        .get("recipients")
        .and_then(|r| serde_json::from_str::<Vec<Value>>(r).ok())
    else {
        return bad_request("Invalid recipients: expected a JSON array of phoneNumber and amount");
    };
    if recipients.is_empty() {
        return bad_request("Invalid recipients: none given");
    }
    let mut responses = Vec::new();
    let (mut sent, mut total) = (0u64, 0u64);
    for r in recipients {
        let phone = r["phoneNumber"].as_str().unwrap_or_default().to_owned();
        let amount_text = r["amount"].as_str().unwrap_or_default().to_owned();
        let amount = kes(&amount_text);
        let failure = if !kenyan_mobile(&phone) {
            Some("Invalid phone number")
        } else if !amount.is_some_and(|a| (10..=10_000).contains(&a)) {
            Some("Invalid amount: send between KES 10 and KES 10000")
        } else if amount.unwrap_or(0) > s.config.balance_kes {
            Some("Insufficient Credit")
        } else {
            None
        };
        match failure {
            Some(reason) => responses.push(json!({
                "phoneNumber": phone, "amount": amount_text, "status": "Failed",
                "requestId": "None", "discount": "KES 0.0000", "errorMessage": reason,
            })),
            None => {
                let value = amount.unwrap_or(0);
                let id = record_sent(s, &phone, value, "airtime");
                sent += 1;
                total += value;
                responses.push(json!({
                    "phoneNumber": phone, "amount": format!("KES {value}.0000"), "status": "Sent",
                    "requestId": id, "discount": format!("KES {:.4}", value as f64 * 0.04),
                    "errorMessage": "None",
                }));
            }
        }
    }
    let answer = json!({
        "errorMessage": if sent > 0 { "None" } else { "No recipients were sent airtime" },
        "numSent": sent,
        "totalAmount": format!("KES {total}.0000"),
        "totalDiscount": format!("KES {:.4}", total as f64 * 0.04),
        "responses": responses,
    });
    if let Some(key) = key {
        s.idempotent.insert(("airtime", key), answer.clone());
    }
    (StatusCode::CREATED, Json(answer)).into_response()
}

async fn bundles(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    let (delay, reply) = {
        let mut s = lock(&state);
        let garbage = garbled(&mut s);
        let reply = request_bundles(&mut s, &headers, &body);
        let reply = if garbage {
            (StatusCode::OK, "<html>upstream timed out</html>").into_response()
        } else {
            reply
        };
        (s.config.delay, reply)
    };
    tokio::time::sleep(delay).await;
    reply
}

/// The bundle sizes the simulator sells: (quantity, unit, validity) → KES.
fn bundle_price(quantity: u64, unit: &str, validity: &str) -> Option<u64> {
    let mb = match unit {
        "MB" => quantity,
        "GB" => quantity * 1024,
        _ => return None,
    };
    let days = match validity {
        "Day" => 1,
        "Week" => 7,
        "BiWeek" => 14,
        "Month" => 30,
        "Quarterly" => 90,
        _ => return None,
    };
    (mb > 0).then(|| (mb / 10).max(5) + days)
}

fn request_bundles(s: &mut Inner, headers: &HeaderMap, body: &str) -> Response {
    if !authorised(s, headers) {
        return unauthorized();
    }
    let Some(key) = idempotency_key(headers) else {
        return bad_request("An Idempotency-Key header is required");
    };
    if let Some(first) = s.idempotent.get(&("bundle", key.clone())) {
        return (StatusCode::CREATED, Json(first.clone())).into_response();
    }
    let Ok(body) = serde_json::from_str::<Value>(body) else {
        return bad_request("The body must be JSON");
    };
    if body["username"].as_str() != Some(s.config.username.as_str()) {
        return bad_request("Invalid username");
    }
    if body["productName"].as_str().is_none_or(str::is_empty) {
        return bad_request("productName is required");
    }
    let Some(recipients) = body["recipients"].as_array().filter(|r| !r.is_empty()) else {
        return bad_request("recipients is required");
    };
    let mut entries = Vec::new();
    for r in recipients.clone() {
        let phone = r["phoneNumber"].as_str().unwrap_or_default().to_owned();
        let price = r["quantity"].as_u64().and_then(|q| {
            bundle_price(
                q,
                r["unit"].as_str().unwrap_or_default(),
                r["validity"].as_str().unwrap_or_default(),
            )
        });
        let failure = if !kenyan_mobile(&phone) {
            Some("Invalid phone number")
        } else if price.is_none() {
            Some("Invalid bundle: quantity, unit (MB, GB) or validity (Day, Week, BiWeek, Month, Quarterly)")
        } else if price.unwrap_or(0) > s.config.balance_kes {
            Some("Insufficient Credit")
        } else {
            None
        };
        if let Some(reason) = failure {
            entries
                .push(json!({ "phoneNumber": phone, "status": "Failed", "errorMessage": reason }));
            continue;
        }
        let value = price.unwrap_or(0);
        let id = record_sent(s, &phone, value, "bundle");
        entries.push(json!({
            "phoneNumber": phone, "provider": "Safaricom", "status": "Queued",
            "transactionId": id, "value": format!("KES {value}.0000"),
        }));
    }
    let answer = json!({ "entries": entries });
    s.idempotent.insert(("bundle", key), answer.clone());
    (StatusCode::CREATED, Json(answer)).into_response()
}

async fn find(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (delay, reply) = {
        let mut s = lock(&state);
        let garbage = garbled(&mut s);
        let reply = if !authorised(&s, &headers) {
            unauthorized()
        } else if q.get("username") != Some(&s.config.username) {
            bad_request("Invalid username")
        } else {
            let id = q.get("transactionId").cloned().unwrap_or_default();
            match s.sent.iter().find(|(sent, _)| sent.id == id) {
                None => {
                    Json(json!({ "status": "Failed", "errorMessage": "Transaction not found" }))
                        .into_response()
                }
                Some((sent, delivery)) => {
                    let (status, reason) = match delivery {
                        Delivery::Delivered => ("Success", None),
                        Delivery::Fails(reason) => ("Failed", Some(reason.clone())),
                        Delivery::Pending => ("Sent", None),
                    };
                    Json(json!({
                        "status": "Success",
                        "data": {
                            "transactionId": sent.id, "status": status,
                            "destination": sent.phone, "value": format!("KES {}.0000", sent.value_kes),
                            "category": if sent.kind == "airtime" { "Airtime" } else { "MobileData" },
                            "description": reason,
                        }
                    }))
                    .into_response()
                }
            }
        };
        let reply = if garbage {
            (StatusCode::OK, "not json").into_response()
        } else {
            reply
        };
        (s.config.delay, reply)
    };
    tokio::time::sleep(delay).await;
    reply
}

async fn user(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let s = lock(&state);
    if !authorised(&s, &headers) {
        return unauthorized();
    }
    if q.get("username") != Some(&s.config.username) {
        return bad_request("Invalid username");
    }
    Json(json!({ "UserData": { "balance": format!("KES {}.00", s.config.balance_kes) } }))
        .into_response()
}
