//! KRA eTIMS, the online sales control unit (OSCU): the OAuth token
//! (`GET /v1/token/generate?grant_type=client_credentials` with the
//! consumer key and secret as Basic auth), device initialisation
//! (`POST /selectInitOsdcInfo`), items (`POST /saveItem`) and sales
//! (`POST /saveTrnsSalesOsdc`) and the item classification list
//! (`POST /selectItemClsList`, what changed since `lastReqDt`; `001` when
//! nothing did), all with the `tin`, `bhfId` and `cmcKey` headers, answering with KRA's
//! envelope (`resultCd`, `resultMsg`, `resultDt`, `data`) and result
//! codes.
//!
//! It checks what KRA checks: the bearer token, the taxpayer's PIN and
//! branch, a device initialised once (`902` after), the communication key,
//! required fields, items registered before they are sold (with a
//! ten-digit classification code and a tax type; a sale's line that
//! names a classification names the item's), invoice numbers that
//! follow each other with no gap
//! (`910`), a number sent twice (`994`, overlapped data), a credit note
//! that names an invoice of this device, and totals that add up by tax
//! band (16% VAT in band B, 8% in E, taken out of VAT-inclusive amounts).
//! A test can take it offline (`503`), slow it down, make it fail the next
//! sale with a code, or lose the next answer after saving the sale.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The taxpayer KRA knows, and the simulator's behaviour.
#[derive(Debug, Clone)]
pub struct Config {
    /// The developer portal's consumer key.
    pub consumer_key: String,
    /// Its secret.
    pub consumer_secret: String,
    /// The registered taxpayer's PIN.
    pub pin: String,
    /// The branches KRA knows for it.
    pub branches: Vec<String>,
    /// Wait this long before every answer.
    pub delay: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            consumer_key: "kra-sim-key".into(),
            consumer_secret: "kra-sim-secret".into(),
            pin: "P051234567X".into(),
            branches: vec!["00".into()],
            delay: Duration::ZERO,
        }
    }
}

/// A sale or credit note KRA accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Signed {
    /// `invcNo`.
    pub number: i64,
    /// `S` or `R`.
    pub receipt_type: String,
    /// `orgInvcNo` (0 for a sale).
    pub original: i64,
    /// `totAmt`, in cents.
    pub total_minor: i64,
    /// `totTaxAmt`, in cents.
    pub tax_minor: i64,
    /// The receipt signature KRA answered.
    pub signature: String,
    /// The whole request, as sent.
    pub request: Value,
}

#[derive(Debug)]
struct Device {
    serial: String,
    branch: String,
    cmc_key: String,
    sdc_id: String,
    sales: Vec<Signed>,
}

/// An entry of KRA's item classification list.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemClass {
    /// `itemClsCd`.
    pub code: String,
    /// `itemClsNm`.
    pub name: String,
    /// `itemClsLvl`.
    pub level: i64,
    /// `taxTyCd`, when KRA suggests one.
    pub band: Option<String>,
    /// `useYn`.
    pub in_use: bool,
    /// When it last changed, KRA's time (`YYYYMMDDhhmmss`).
    pub changed: String,
}

/// The simulator's classification list at start: a small sample in the
/// shape of KRA's (ten-digit codes under their categories, one no longer
/// in use). The codes and names are made up for tests, not KRA's list.
fn sample_classes() -> Vec<ItemClass> {
    let entry = |code: &str, name: &str, level: i64, band: Option<&str>, in_use: bool| ItemClass {
        code: code.to_owned(),
        name: name.to_owned(),
        level,
        band: band.map(str::to_owned),
        in_use,
        changed: "20240101000000".into(),
    };
    vec![
        entry(
            "5000000000",
            "Food, beverage and tobacco products",
            1,
            None,
            true,
        ),
        entry("5018190000", "Bread", 5, Some("B"), true),
        entry("5022110000", "Maize flour", 5, Some("B"), true),
        entry("5016150000", "Sugar", 5, Some("B"), true),
        entry("5013160000", "Milk", 5, Some("B"), true),
        entry("5020230000", "Soft drinks", 5, Some("B"), true),
        entry("5040000000", "Fresh vegetables", 5, Some("A"), true),
        entry("5059690800", "Other goods for resale", 5, Some("B"), true),
        entry("8311170000", "Airtime and mobile data", 5, Some("B"), true),
        entry(
            "1411150000",
            "Paper products (withdrawn)",
            5,
            Some("B"),
            false,
        ),
    ]
}

/// An item KRA knows (the taxpayer's item master).
#[derive(Debug, Clone, PartialEq)]
pub struct Registered {
    /// `itemCd`.
    pub code: String,
    /// `itemClsCd`.
    pub class: String,
    /// `itemNm`.
    pub name: String,
    /// `taxTyCd`.
    pub band: String,
    /// Times it was saved (registered, then updated).
    pub saves: u32,
}

#[derive(Debug, Default)]
struct Inner {
    config: Option<Config>,
    tokens: Vec<String>,
    devices: Vec<Device>,
    items: Vec<Registered>,
    classes: Vec<ItemClass>,
    class_calls: u64,
    offline: bool,
    fail_next: Option<(String, String)>,
    lose_next: bool,
    sales_calls: u64,
}

impl Inner {
    fn config(&self) -> &Config {
        self.config.as_ref().expect("configured at start")
    }
}

type Shared = Arc<Mutex<Inner>>;

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, Inner> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

/// A running simulator; stops when dropped.
#[derive(Debug)]
pub struct EtimsSim {
    addr: SocketAddr,
    inner: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for EtimsSim {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl EtimsSim {
    /// Starts on a free loopback port.
    pub async fn start(config: Config) -> std::io::Result<Self> {
        let inner = Arc::new(Mutex::new(Inner {
            config: Some(config),
            classes: sample_classes(),
            ..Inner::default()
        }));
        let app = Router::new()
            .route("/v1/token/generate", get(token))
            .route("/selectInitOsdcInfo", post(init))
            .route("/saveItem", post(save_item))
            .route("/saveTrnsSalesOsdc", post(sale))
            .route("/selectItemClsList", post(item_classes))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::warn!(error = %e, "the eTIMS simulator stopped");
            }
        });
        Ok(Self { addr, inner, task })
    }

    /// `http://127.0.0.1:<port>`: the token, initialisation and sales all
    /// answer under it.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Answers every call with `503` while `offline`.
    pub fn set_offline(&self, offline: bool) {
        lock(&self.inner).offline = offline;
    }

    /// Refuses the next sale with KRA's `code` and `message`.
    pub fn fail_next(&self, code: &str, message: &str) {
        lock(&self.inner).fail_next = Some((code.to_owned(), message.to_owned()));
    }

    /// Saves the next sale, then answers with a body that is not JSON (the
    /// answer is lost on the way back, not the sale).
    pub fn lose_next_answer(&self) {
        lock(&self.inner).lose_next = true;
    }

    /// Every sale and credit note accepted, by device, oldest first.
    pub fn signed(&self) -> Vec<Signed> {
        lock(&self.inner)
            .devices
            .iter()
            .flat_map(|d| d.sales.iter().cloned())
            .collect()
    }

    /// Calls made to the sales endpoint (accepted or not).
    pub fn sales_calls(&self) -> u64 {
        lock(&self.inner).sales_calls
    }

    /// The items registered so far, in the order first saved.
    pub fn items(&self) -> Vec<Registered> {
        lock(&self.inner).items.clone()
    }

    /// Adds an entry to the classification list, or changes one, as
    /// changed now.
    pub fn put_item_class(&self, code: &str, name: &str, in_use: bool) {
        let mut s = lock(&self.inner);
        s.classes.retain(|c| c.code != code);
        s.classes.push(ItemClass {
            code: code.to_owned(),
            name: name.to_owned(),
            level: 5,
            band: None,
            in_use,
            changed: now_text(),
        });
    }

    /// Calls made to the classification list.
    pub fn item_class_calls(&self) -> u64 {
        lock(&self.inner).class_calls
    }

    /// The serial numbers initialised so far.
    pub fn devices(&self) -> Vec<String> {
        lock(&self.inner)
            .devices
            .iter()
            .map(|d| d.serial.clone())
            .collect()
    }
}

/// KRA's clock: Kenyan time (UTC+3), as its answers carry it.
fn now_text() -> String {
    (chrono::Utc::now() + chrono::Duration::hours(3))
        .format("%Y%m%d%H%M%S")
        .to_string()
}

/// KRA's envelope.
fn answer(code: &str, message: &str, data: Value) -> Response {
    Json(json!({
        "resultCd": code,
        "resultMsg": message,
        "resultDt": now_text(),
        "data": data,
    }))
    .into_response()
}

fn refuse(code: &str, message: &str) -> Response {
    answer(code, message, Value::Null)
}

fn unavailable() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable").into_response()
}

fn bearer(s: &Inner, headers: &HeaderMap) -> bool {
    let token = headers
        .get("authorization")
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "));
    token.is_some_and(|t| s.tokens.iter().any(|k| k == t))
}

/// Why a call that needs a token is not served now (KRA offline, or no
/// token it issued), or `None`.
fn gate(s: &Inner, headers: &HeaderMap) -> Option<Response> {
    if s.offline {
        Some(unavailable())
    } else if !bearer(s, headers) {
        Some(unauthorised())
    } else {
        None
    }
}

fn unauthorised() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"fault": {"faultstring": "Invalid Access Token", "detail": {"errorcode": "keymanagement.service.invalid_access_token"}}})),
    )
        .into_response()
}

fn random_upper(len: usize) -> String {
    uuid::Uuid::new_v4()
        .simple()
        .to_string()
        .to_ascii_uppercase()
        .chars()
        .chain(
            uuid::Uuid::new_v4()
                .simple()
                .to_string()
                .to_ascii_uppercase()
                .chars(),
        )
        .take(len)
        .collect()
}

async fn delayed(state: &Shared) {
    let delay = lock(state).config().delay;
    tokio::time::sleep(delay).await;
}

async fn token(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    delayed(&state).await;
    let mut s = lock(&state);
    if s.offline {
        return unavailable();
    }
    if query.get("grant_type").map(String::as_str) != Some("client_credentials") {
        return (StatusCode::BAD_REQUEST, "Invalid grant_type").into_response();
    }
    let expected = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        s.config().consumer_key,
        s.config().consumer_secret
    ));
    let given = headers
        .get("authorization")
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Basic "));
    if given != Some(expected.as_str()) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"fault": {"faultstring": "Invalid client credentials"}})),
        )
            .into_response();
    }
    let token = random_upper(28);
    s.tokens.push(token.clone());
    Json(json!({"access_token": token, "expires_in": "3599"})).into_response()
}

async fn init(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    delayed(&state).await;
    let mut s = lock(&state);
    if let Some(refused) = gate(&s, &headers) {
        return refused;
    }
    let Ok(body) = serde_json::from_str::<Value>(&body) else {
        return refuse("911", "There is no request full text");
    };
    let (Some(tin), Some(branch), Some(serial)) = (
        body["tin"].as_str(),
        body["bhfId"].as_str(),
        body["dvcSrlNo"].as_str(),
    ) else {
        return refuse("910", "Request parameter error");
    };
    if tin != s.config().pin || !s.config().branches.iter().any(|b| b == branch) {
        return refuse("901", "It is not valid device");
    }
    if s.devices.iter().any(|d| d.serial == serial) {
        return refuse("902", "This device is installed");
    }
    let n = s.devices.len() + 1;
    let device = Device {
        serial: serial.to_owned(),
        branch: branch.to_owned(),
        cmc_key: random_upper(32).to_ascii_lowercase(),
        sdc_id: format!("KRACU0100{n:06}"),
        sales: Vec::new(),
    };
    let data = json!({"info": {
        "tin": tin, "taxprNm": "SIMULATED TAXPAYER", "bsnsActv": "Retail",
        "bhfId": branch, "bhfNm": "Headquarter", "bhfOpenDt": "20240101",
        "prvncNm": "NAIROBI CITY", "dstrtNm": "WESTLANDS", "sctrNm": "WON", "locDesc": null,
        "hqYn": if branch == "00" { "Y" } else { "N" },
        "mgrNm": "Manager", "mgrTelNo": "0700000000", "mgrEmail": "manager@example.com",
        "dvcId": format!("99999{n:011}"), "sdcId": device.sdc_id, "mrcNo": format!("WIS0100{n:04}"),
        "cmcKey": device.cmc_key,
    }});
    s.devices.push(device);
    answer("000", "It is succeeded", data)
}

/// A KRA amount (two decimals) in cents.
fn cents(v: &Value) -> Option<i64> {
    let x = v.as_f64()?;
    let c = (x * 100.0).round();
    ((c / 100.0 - x).abs() < 1e-6 && c >= 0.0).then_some(c as i64)
}

fn rate_bp(band: &str) -> Option<i64> {
    match band {
        "B" => Some(1600),
        "E" => Some(800),
        "A" | "C" | "D" => Some(0),
        _ => None,
    }
}

fn tax_in(gross: i64, rate: i64) -> i64 {
    if rate == 0 {
        return 0;
    }
    let d = 10_000 + rate;
    (gross * rate * 2 + d) / (d * 2)
}

/// Why KRA would refuse the body's figures, if it would.
fn check_sale(body: &Value) -> Result<(), String> {
    for field in [
        "trdInvcNo",
        "invcNo",
        "orgInvcNo",
        "rcptTyCd",
        "salesSttsCd",
        "cfmDt",
        "salesDt",
        "totItemCnt",
        "totTaxblAmt",
        "totTaxAmt",
        "totAmt",
        "prchrAcptcYn",
        "regrId",
        "regrNm",
        "modrId",
        "modrNm",
        "receipt",
        "itemList",
    ] {
        if body.get(field).is_none_or(Value::is_null) {
            return Err(format!("{field} is required"));
        }
    }
    if let Some(pin) = body.get("custTin").and_then(Value::as_str) {
        let b = pin.as_bytes();
        let ok = b.len() == 11
            && b[0].is_ascii_uppercase()
            && b[1..10].iter().all(u8::is_ascii_digit)
            && b[10].is_ascii_uppercase();
        if !ok {
            return Err("custTin is not a KRA PIN".into());
        }
    }
    let dt = body["cfmDt"].as_str().unwrap_or_default();
    if dt.len() != 14 || !dt.bytes().all(|b| b.is_ascii_digit()) {
        return Err("cfmDt must be YYYYMMDDhhmmss".into());
    }
    let items = body["itemList"].as_array().cloned().unwrap_or_default();
    if items.is_empty() || body["totItemCnt"].as_u64() != Some(items.len() as u64) {
        return Err("totItemCnt must count itemList".into());
    }
    let mut by_band: BTreeMap<String, i64> = BTreeMap::new();
    let mut total = 0;
    for (i, item) in items.iter().enumerate() {
        let band = item["taxTyCd"].as_str().unwrap_or_default();
        if rate_bp(band).is_none() {
            return Err(format!("itemList[{i}].taxTyCd is not a tax type"));
        }
        for field in ["itemCd", "itemNm", "pkgUnitCd", "qtyUnitCd"] {
            if item[field].as_str().is_none_or(str::is_empty) {
                return Err(format!("itemList[{i}].{field} is required"));
            }
        }
        let (Some(amount), Some(supply)) = (cents(&item["totAmt"]), cents(&item["splyAmt"])) else {
            return Err(format!("itemList[{i}] amounts are not numbers"));
        };
        if supply != amount {
            return Err(format!("itemList[{i}].splyAmt differs from totAmt"));
        }
        *by_band.entry(band.to_owned()).or_default() += amount;
        total += amount;
    }
    if cents(&body["totAmt"]) != Some(total) || cents(&body["totTaxblAmt"]) != Some(total) {
        return Err("totAmt does not add up the items".into());
    }
    let mut tax = 0;
    for band in ["A", "B", "C", "D", "E"] {
        let taxable = by_band.get(band).copied().unwrap_or(0);
        let band_tax = tax_in(taxable, rate_bp(band).unwrap_or(0));
        if cents(&body[format!("taxblAmt{band}")]) != Some(taxable) {
            return Err(format!("taxblAmt{band} does not add up the items"));
        }
        if cents(&body[format!("taxAmt{band}")]) != Some(band_tax) {
            return Err(format!("taxAmt{band} is not the tax of taxblAmt{band}"));
        }
        tax += band_tax;
    }
    if cents(&body["totTaxAmt"]) != Some(tax) {
        return Err("totTaxAmt does not add up the bands".into());
    }
    Ok(())
}

/// What a device's call is checked for first, as KRA does: KRA online, a
/// token it issued, a device it knows, a body that is JSON. The device
/// and the body, or KRA's answer.
fn device_call(
    s: &Inner,
    headers: &HeaderMap,
    body: &str,
) -> Result<(usize, Value), Box<Response>> {
    if let Some(refused) = gate(s, headers) {
        return Err(Box::new(refused));
    }
    let device =
        device_of(s, headers).map_err(|(code, message)| Box::new(refuse(code, message)))?;
    let body = serde_json::from_str::<Value>(body)
        .map_err(|_| Box::new(refuse("911", "There is no request full text")))?;
    Ok((device, body))
}

/// The device the `tin`, `bhfId` and `cmcKey` headers name, or KRA's
/// refusal (code and message).
fn device_of(s: &Inner, headers: &HeaderMap) -> Result<usize, (&'static str, &'static str)> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (tin, branch, cmc_key) = (header("tin"), header("bhfId"), header("cmcKey"));
    if tin.is_empty() || branch.is_empty() || cmc_key.is_empty() {
        return Err(("900", "There is no Header information"));
    }
    let pin_ok = tin == s.config().pin;
    s.devices
        .iter()
        .position(|d| pin_ok && d.branch == branch && d.cmc_key == cmc_key)
        .ok_or(("901", "It is not valid device"))
}

async fn save_item(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    delayed(&state).await;
    let mut s = lock(&state);
    let body = match device_call(&s, &headers, &body) {
        Ok((_, body)) => body,
        Err(answer) => return *answer,
    };
    for field in [
        "itemClsCd",
        "itemCd",
        "itemTyCd",
        "itemNm",
        "orgnNatCd",
        "pkgUnitCd",
        "qtyUnitCd",
        "taxTyCd",
        "isrcAplcbYn",
        "useYn",
        "regrId",
        "regrNm",
        "modrId",
        "modrNm",
    ] {
        if body[field].as_str().is_none_or(str::is_empty) {
            return refuse(
                "910",
                &format!("Request parameter error: {field} is required"),
            );
        }
    }
    if cents(&body["dftPrc"]).is_none() {
        return refuse("910", "Request parameter error: dftPrc is required");
    }
    let text = |f: &str| body[f].as_str().unwrap_or_default().to_owned();
    let class = text("itemClsCd");
    if class.len() != 10 || !class.bytes().all(|b| b.is_ascii_digit()) {
        return refuse(
            "910",
            "Request parameter error: itemClsCd is not a classification code",
        );
    }
    let band = text("taxTyCd");
    if rate_bp(&band).is_none() {
        return refuse("910", "Request parameter error: taxTyCd is not a tax type");
    }
    let code = text("itemCd");
    if code.len() > 20 || !code.starts_with("KE") {
        return refuse("910", "Request parameter error: itemCd");
    }
    match s.items.iter_mut().find(|i| i.code == code) {
        Some(item) => {
            item.class = class;
            item.name = text("itemNm");
            item.band = band;
            item.saves += 1;
        }
        None => s.items.push(Registered {
            code,
            class,
            name: text("itemNm"),
            band,
            saves: 1,
        }),
    }
    answer("000", "It is succeeded", Value::Null)
}

async fn sale(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    delayed(&state).await;
    let mut s = lock(&state);
    s.sales_calls += 1;
    let (device, body) = match device_call(&s, &headers, &body) {
        Ok(call) => call,
        Err(answer) => return *answer,
    };
    if let Some((code, message)) = s.fail_next.take() {
        return refuse(&code, &message);
    }
    if let Err(why) = check_sale(&body) {
        return refuse("910", &format!("Request parameter error: {why}"));
    }
    let items = body["itemList"].as_array().cloned().unwrap_or_default();
    if let Some(other) = items.iter().find_map(|i| {
        let code = i["itemCd"].as_str().unwrap_or_default();
        let class = i["itemClsCd"].as_str().filter(|c| !c.is_empty())?;
        s.items
            .iter()
            .any(|r| r.code == code && r.class != class)
            .then(|| code.to_owned())
    }) {
        return refuse(
            "910",
            &format!("Request parameter error: itemClsCd of {other} is not the item's"),
        );
    }
    if let Some(unknown) = items.iter().find_map(|i| {
        let code = i["itemCd"].as_str().unwrap_or_default();
        (!s.items.iter().any(|r| r.code == code)).then(|| code.to_owned())
    }) {
        return refuse(
            "910",
            &format!("Request parameter error: itemCd {unknown} is not registered"),
        );
    }
    let number = body["invcNo"].as_i64().unwrap_or(-1);
    let original = body["orgInvcNo"].as_i64().unwrap_or(-1);
    let kind = body["rcptTyCd"].as_str().unwrap_or_default().to_owned();
    let d = &s.devices[device];
    if d.sales.iter().any(|x| x.number == number) {
        return refuse("994", "There is an overlapped Data");
    }
    let last = d.sales.last().map_or(0, |x| x.number);
    if number != last + 1 {
        return refuse(
            "910",
            &format!("Request parameter error: invcNo {number} does not follow {last}"),
        );
    }
    match kind.as_str() {
        "S" if original == 0 => {}
        "R" => {
            // Credit notes (a whole one, or several for parts) may take
            // back at most what the sale was.
            let sold = d
                .sales
                .iter()
                .find(|x| x.number == original && x.receipt_type == "S")
                .map(|x| x.total_minor);
            let credited: i64 = d
                .sales
                .iter()
                .filter(|x| x.receipt_type == "R" && x.original == original)
                .map(|x| x.total_minor)
                .sum();
            let this = cents(&body["totAmt"]).unwrap_or(0);
            if sold.is_none_or(|sold| credited + this > sold) {
                return refuse(
                    "910",
                    "Request parameter error: orgInvcNo is not an open sale",
                );
            }
        }
        _ => return refuse("910", "Request parameter error: rcptTyCd"),
    }
    let signature = random_upper(16);
    let n = d.sales.len() as i64 + 1;
    let signed = Signed {
        number,
        receipt_type: kind,
        original,
        total_minor: cents(&body["totAmt"]).unwrap_or(0),
        tax_minor: cents(&body["totTaxAmt"]).unwrap_or(0),
        signature: signature.clone(),
        request: body,
    };
    s.devices[device].sales.push(signed);
    if std::mem::take(&mut s.lose_next) {
        return (StatusCode::BAD_GATEWAY, "<html>502 Bad Gateway</html>").into_response();
    }
    answer(
        "000",
        "It is succeeded",
        json!({
            "curRcptNo": n.to_string(),
            "totRcptNo": n.to_string(),
            "intrlData": random_upper(26),
            "rcptSign": signature,
            "sdcDateTime": now_text(),
        }),
    )
}

async fn item_classes(State(state): State<Shared>, headers: HeaderMap, body: String) -> Response {
    delayed(&state).await;
    let mut s = lock(&state);
    s.class_calls += 1;
    let body = match device_call(&s, &headers, &body) {
        Ok((_, body)) => body,
        Err(answer) => return *answer,
    };
    let since = body["lastReqDt"].as_str().unwrap_or_default();
    if since.len() != 14 || !since.bytes().all(|b| b.is_ascii_digit()) {
        return refuse("910", "Request parameter error: lastReqDt");
    }
    let list: Vec<Value> = s
        .classes
        .iter()
        .filter(|c| c.changed.as_str() > since)
        .map(|c| {
            json!({
                "itemClsCd": c.code,
                "itemClsNm": c.name,
                "itemClsLvl": c.level,
                "taxTyCd": c.band,
                "mjrTgYn": "N",
                "useYn": if c.in_use { "Y" } else { "N" },
            })
        })
        .collect();
    if list.is_empty() {
        return refuse("001", "There is no search result");
    }
    answer("000", "It is succeeded", json!({ "itemClsList": list }))
}
