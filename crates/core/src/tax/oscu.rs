//! KRA's online sales control unit (OSCU), written with reqwest: the OAuth
//! token (consumer key and secret from KRA's developer portal), device
//! initialisation, and sales and credit notes. Each answer is sorted by
//! what the caller may do next: nothing left this computer (try again), an
//! answer lost after the request left (send the same number again: KRA
//! takes a number once and answers `994` to a repeat), or KRA's refusal
//! with its code, in plain words.

use super::items::{Registered, ToRegister};
use dukadesk_domain::tax::{totals, InvoiceKind, TaxLine, TaxPayment};
use dukadesk_domain::Sensitive;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// KRA's production API.
pub const LIVE_API: &str = dukadesk_domain::ipc::ETIMS_LIVE_URL;
/// KRA's sandbox API.
pub const SANDBOX_API: &str = dukadesk_domain::ipc::ETIMS_SANDBOX_URL;
/// Production tokens.
pub const LIVE_TOKEN: &str = "https://api.kra.go.ke/v1/token/generate";
/// Sandbox tokens.
pub const SANDBOX_TOKEN: &str = "https://sbx.kra.go.ke/v1/token/generate";

/// Where KRA is and the developer portal's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OscuConfig {
    /// The API (production, sandbox, or a simulator).
    pub api_url: String,
    /// The token endpoint.
    pub token_url: String,
    /// The consumer key.
    pub consumer_key: String,
    /// The consumer secret.
    pub consumer_secret: Sensitive<String>,
}

/// The device's identity on every sale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceKeys {
    /// The shop's KRA PIN.
    pub pin: String,
    /// The branch (`00`: head office).
    pub branch: String,
    /// The communication key initialisation returned.
    pub cmc_key: Sensitive<String>,
}

/// What initialisation returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initialised {
    /// The taxpayer's name as KRA has it.
    pub taxpayer_name: String,
    /// The control unit's id.
    pub sdc_id: String,
    /// The MRC number.
    pub mrc_no: String,
    /// The communication key (a secret).
    pub cmc_key: Sensitive<String>,
}

/// KRA's signature on an invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// KRA's receipt number.
    pub receipt_no: i64,
    /// Internal data, printed on the receipt.
    pub internal_data: String,
    /// The receipt signature, printed and carried by the QR.
    pub signature: String,
    /// The control unit's time (`YYYYMMDDhhmmss`).
    pub kra_time: String,
}

/// Why an invoice was not signed, or why it is not known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OscuError {
    /// Nothing reached KRA: try again later.
    #[error("KRA eTIMS cannot be reached ({0}). The invoice is kept and sent when it can be.")]
    Offline(String),
    /// The request may have reached KRA but its answer was lost: send the
    /// same number again (KRA takes it once).
    #[error("KRA eTIMS's answer was lost ({0}); the invoice is sent again under the same number, which KRA takes once.")]
    Lost(String),
    /// The consumer key or secret was refused.
    #[error("KRA refused the consumer key or secret. Check them in Settings → Tax (from KRA's developer portal).")]
    BadKeys,
    /// KRA already has this invoice number (a repeat after a lost answer).
    #[error("KRA already has this invoice number.")]
    Duplicate,
    /// KRA refused it, with its code.
    #[error("{message}")]
    Refused {
        /// KRA's result code.
        code: String,
        /// What it means, in plain words.
        message: String,
    },
}

/// KRA's result codes in plain words: what happened and what to do.
pub fn explain(code: &str, kra_message: &str) -> String {
    match code {
        "901" => "KRA does not know this device for that PIN and branch. Check the KRA PIN and branch id in Settings → Tax, and that KRA approved the shop for OSCU.".into(),
        "902" => "KRA says this device serial is already set up. If it was set up on another computer, use a new device serial here.".into(),
        "900" | "894" => "KRA did not receive the device's keys. Set eTIMS up again in Settings → Tax.".into(),
        "910" => format!("KRA refused the invoice's figures ({kra_message}). Check the items' tax bands, then send it again."),
        "921" | "922" => format!("KRA cannot take this invoice yet ({kra_message}); it is sent again later."),
        "999" => "KRA had an unknown error; the invoice is sent again later.".into(),
        _ => format!("KRA answered {code}: {kra_message}"),
    }
}

/// An OSCU client, keeping its token until shortly before it expires.
#[derive(Debug)]
pub struct Oscu {
    http: reqwest::Client,
    config: OscuConfig,
    token: Mutex<Option<(String, Instant)>>,
}

impl Oscu {
    /// A client with a 30-second timeout per call.
    pub fn new(config: OscuConfig) -> Result<Self, OscuError> {
        let http = crate::net::http_client()
            .timeout(Duration::from_secs(30))
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| OscuError::Offline(e.to_string()))?;
        Ok(Self {
            http,
            config,
            token: Mutex::new(None),
        })
    }

    /// Where and with which keys.
    pub fn config(&self) -> &OscuConfig {
        &self.config
    }

    async fn token(&self) -> Result<String, OscuError> {
        let mut cached = self.token.lock().await;
        if let Some((token, until)) = cached.as_ref() {
            if Instant::now() < *until {
                return Ok(token.clone());
            }
        }
        let response = self
            .http
            .get(&self.config.token_url)
            .query(&[("grant_type", "client_credentials")])
            .basic_auth(
                &self.config.consumer_key,
                Some(self.config.consumer_secret.expose()),
            )
            .header("Accept", "application/json")
            .send()
            .await
            .map_err(|e| OscuError::Offline(e.to_string()))?;
        let status = response.status();
        if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
            return Err(OscuError::BadKeys);
        }
        if !status.is_success() {
            return Err(OscuError::Offline(format!("token: HTTP {status}")));
        }
        let body: Value = response
            .json()
            .await
            .map_err(|e| OscuError::Offline(format!("token: {e}")))?;
        let token = body["access_token"]
            .as_str()
            .filter(|t| !t.is_empty())
            .ok_or_else(|| OscuError::Offline("token: no access_token in the answer".into()))?
            .to_owned();
        let seconds = body["expires_in"]
            .as_u64()
            .or_else(|| body["expires_in"].as_str().and_then(|s| s.parse().ok()))
            .unwrap_or(3600);
        let until = Instant::now() + Duration::from_secs(seconds.saturating_sub(60).max(30));
        *cached = Some((token.clone(), until));
        Ok(token)
    }

    /// Posts `body` to `path`; KRA's whole answer (`data` and `resultDt`)
    /// when it answers `000`. `sent`
    /// decides what a lost answer means: after the request may have
    /// arrived it is [`OscuError::Lost`].
    async fn post(
        &self,
        path: &str,
        body: &Value,
        keys: Option<&DeviceKeys>,
    ) -> Result<Value, OscuError> {
        let mut retried = false;
        loop {
            let token = self.token().await?;
            let url = format!("{}{path}", self.config.api_url.trim_end_matches('/'));
            let mut request = self
                .http
                .post(&url)
                .bearer_auth(&token)
                .header("Accept", "application/json")
                .json(body);
            if let Some(k) = keys {
                request = request
                    .header("tin", &k.pin)
                    .header("bhfId", &k.branch)
                    .header("cmcKey", k.cmc_key.expose());
            }
            let response = match request.send().await {
                Ok(r) => r,
                Err(e) if e.is_connect() => return Err(OscuError::Offline(e.to_string())),
                Err(e) => return Err(OscuError::Lost(e.to_string())),
            };
            let status = response.status();
            if status == reqwest::StatusCode::UNAUTHORIZED && !retried {
                // The token expired early: a new one, once.
                *self.token.lock().await = None;
                retried = true;
                continue;
            }
            if status == reqwest::StatusCode::UNAUTHORIZED {
                return Err(OscuError::BadKeys);
            }
            if status.is_server_error() && status != reqwest::StatusCode::BAD_GATEWAY {
                // KRA answered that it is down (503): nothing was taken.
                return Err(OscuError::Offline(format!("HTTP {status}")));
            }
            let text = response
                .text()
                .await
                .map_err(|e| OscuError::Lost(e.to_string()))?;
            let Ok(answer) = serde_json::from_str::<Value>(&text) else {
                return Err(OscuError::Lost(format!(
                    "HTTP {status}, an answer that is not KRA's"
                )));
            };
            let code = answer["resultCd"].as_str().unwrap_or_default();
            let message = answer["resultMsg"].as_str().unwrap_or_default();
            return match code {
                "000" => Ok(answer),
                "994" => Err(OscuError::Duplicate),
                "" => Err(OscuError::Lost(format!("HTTP {status}, no result code"))),
                code => Err(OscuError::Refused {
                    code: code.to_owned(),
                    message: explain(code, message),
                }),
            };
        }
    }

    /// Sets up this device with KRA: its communication key and ids.
    pub async fn initialise(
        &self,
        pin: &str,
        branch: &str,
        serial: &str,
    ) -> Result<Initialised, OscuError> {
        let data = self
            .post(
                "/selectInitOsdcInfo",
                &json!({"tin": pin, "bhfId": branch, "dvcSrlNo": serial}),
                None,
            )
            .await
            .map(|answer| answer["data"].clone())
            .map_err(|e| match e {
                // Nothing to resend: a lost answer is as good as offline.
                OscuError::Lost(why) => OscuError::Offline(why),
                e => e,
            })?;
        let info = &data["info"];
        let text = |field: &str| info[field].as_str().unwrap_or_default().to_owned();
        let cmc_key = text("cmcKey");
        if cmc_key.is_empty() {
            return Err(OscuError::Offline(
                "KRA's answer carried no communication key".into(),
            ));
        }
        Ok(Initialised {
            taxpayer_name: text("taxprNm"),
            sdc_id: text("sdcId"),
            mrc_no: text("mrcNo"),
            cmc_key: Sensitive::new(cmc_key),
        })
    }

    /// Registers an item (or saves it again, changed) in the taxpayer's
    /// item master. Saving the same code twice updates it, so a lost
    /// answer is safe to repeat.
    pub async fn save_item(&self, keys: &DeviceKeys, body: &Value) -> Result<(), OscuError> {
        self.post("/saveItem", body, Some(keys)).await.map(|_| ())
    }

    /// KRA's item classification list: the entries registered or changed
    /// after `since` (KRA's time, `YYYYMMDDhhmmss`), and KRA's time of the
    /// answer, to ask from next time. Nothing changed is an empty list.
    pub async fn item_classes(
        &self,
        keys: &DeviceKeys,
        since: &str,
    ) -> Result<(Vec<ItemClassEntry>, Option<String>), OscuError> {
        let answer = match self
            .post(
                "/selectItemClsList",
                &json!({"lastReqDt": since}),
                Some(keys),
            )
            .await
        {
            Ok(answer) => answer,
            // "There is no search result": nothing changed.
            Err(OscuError::Refused { code, .. }) if code == "001" => return Ok((Vec::new(), None)),
            Err(e) => return Err(e),
        };
        let list = answer["data"]["itemClsList"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let entries = list
            .iter()
            .filter_map(|c| {
                let code = c["itemClsCd"].as_str()?.trim();
                let name = c["itemClsNm"].as_str()?.trim();
                (!code.is_empty() && code.len() <= 10 && code.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| ItemClassEntry {
                        code: code.to_owned(),
                        name: name.chars().take(200).collect(),
                        level: c["itemClsLvl"].as_i64().unwrap_or(0),
                        band: c["taxTyCd"]
                            .as_str()
                            .and_then(dukadesk_domain::tax::TaxBand::parse),
                        in_use: c["useYn"].as_str() != Some("N"),
                    })
            })
            .collect();
        Ok((entries, answer["resultDt"].as_str().map(str::to_owned)))
    }

    /// Sends a sale or credit note for KRA's signature.
    pub async fn save_sale(&self, keys: &DeviceKeys, body: &Value) -> Result<Receipt, OscuError> {
        let data = self.post("/saveTrnsSalesOsdc", body, Some(keys)).await?["data"].clone();
        let number = |v: &Value| {
            v.as_i64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        };
        let signature = data["rcptSign"].as_str().unwrap_or_default().to_owned();
        if signature.is_empty() {
            return Err(OscuError::Lost("KRA's answer carried no signature".into()));
        }
        Ok(Receipt {
            receipt_no: number(&data["curRcptNo"]).unwrap_or_default(),
            internal_data: data["intrlData"].as_str().unwrap_or_default().to_owned(),
            signature,
            kra_time: data["sdcDateTime"].as_str().unwrap_or_default().to_owned(),
        })
    }
}

/// An entry of KRA's item classification list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemClassEntry {
    /// `itemClsCd`: up to ten digits (items take the ten-digit ones).
    pub code: String,
    /// `itemClsNm`.
    pub name: String,
    /// `itemClsLvl`: its depth in KRA's tree.
    pub level: i64,
    /// The band KRA suggests for it, if any.
    pub band: Option<dukadesk_domain::tax::TaxBand>,
    /// `useYn`: whether items may still be registered under it.
    pub in_use: bool,
}

/// An invoice as the signer sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleToSign {
    /// Its number in this device's sequence.
    pub number: i64,
    /// Sale or credit note.
    pub kind: InvoiceKind,
    /// The order's number, as the shop knows it.
    pub order_number: i64,
    /// The customer's name, when known.
    pub customer_name: Option<String>,
    /// A business buyer's KRA PIN.
    pub customer_pin: Option<String>,
    /// How it was paid.
    pub payment: TaxPayment,
    /// Its lines, every one with a band.
    pub lines: Vec<TaxLine>,
    /// When it was sold (or credited), in Kenyan time.
    pub at: chrono::NaiveDateTime,
}

/// A KRA amount: cents as a number with two decimals.
fn amount(minor: i64) -> Value {
    json!(minor as f64 / 100.0)
}

/// The request body of `saveTrnsSalesOsdc` for `sale`, each line under
/// its item's registered code and classification (`codes`, by item id),
/// or why it cannot be made (a line with no band).
pub fn sale_body(
    sale: &SaleToSign,
    codes: &HashMap<String, Registered>,
) -> Result<Value, dukadesk_domain::tax::TaxError> {
    let t = totals(&sale.lines)?;
    let stamp = sale.at.format("%Y%m%d%H%M%S").to_string();
    let (receipt_type, original, status) = match sale.kind {
        InvoiceKind::Sale => ("S", 0, "02"),
        InvoiceKind::CreditNote { original } => ("R", original, "05"),
    };
    let items: Vec<Value> = sale
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let band = l.band.unwrap_or(dukadesk_domain::tax::TaxBand::D);
            let known = codes.get(&l.item_id);
            json!({
                "itemSeq": i + 1,
                "itemCd": known.map(|k| k.code.as_str()).unwrap_or_default(),
                "itemClsCd": known.map(|k| k.class.as_str()).unwrap_or_default(),
                "itemNm": l.name,
                "pkgUnitCd": "NT",
                "pkg": l.qty,
                "qtyUnitCd": "U",
                "qty": l.qty,
                "prc": amount(l.unit_price_minor),
                "splyAmt": amount(l.total_minor),
                "dcRt": 0,
                "dcAmt": 0,
                "taxTyCd": band.code(),
                "taxblAmt": amount(l.total_minor),
                "taxAmt": amount(band.tax_in(l.total_minor)),
                "totAmt": amount(l.total_minor),
            })
        })
        .collect();
    let mut body = json!({
        "trdInvcNo": format!("{}", sale.order_number),
        "invcNo": sale.number,
        "orgInvcNo": original,
        "custNm": sale.customer_name,
        "custTin": sale.customer_pin,
        "salesTyCd": "N",
        "rcptTyCd": receipt_type,
        "pmtTyCd": sale.payment.code(),
        "salesSttsCd": status,
        "cfmDt": stamp,
        "salesDt": sale.at.format("%Y%m%d").to_string(),
        "totItemCnt": items.len(),
        "totTaxblAmt": amount(t.total_minor),
        "totTaxAmt": amount(t.tax_minor),
        "totAmt": amount(t.total_minor),
        "prchrAcptcYn": "N",
        "regrId": "DukaDesk",
        "regrNm": "DukaDesk",
        "modrId": "DukaDesk",
        "modrNm": "DukaDesk",
        "receipt": {"rcptPbctDt": stamp, "prchrAcptcYn": "N", "custTin": sale.customer_pin},
        "itemList": items,
    });
    if let InvoiceKind::CreditNote { .. } = sale.kind {
        body["rfdDt"] = json!(stamp);
        body["rfdRsnCd"] = json!("06");
    }
    for b in &t.bands {
        let code = b.band.code();
        body[format!("taxblAmt{code}")] = amount(b.taxable_minor);
        body[format!("taxRt{code}")] = json!(b.band.rate_bp() / 100);
        body[format!("taxAmt{code}")] = amount(b.tax_minor);
    }
    Ok(body)
}

/// An item as `saveItem` takes it: its code and classification code, a
/// finished good (type 2) made in Kenya, sold by the piece with no
/// packaging, with its band and price.
pub fn item_body(item: &ToRegister) -> Value {
    json!({
        "itemCd": item.code,
        "itemClsCd": item.class,
        "itemTyCd": "2",
        "itemNm": item.name,
        "orgnNatCd": "KE",
        "pkgUnitCd": "NT",
        "qtyUnitCd": "U",
        "taxTyCd": item.band,
        "dftPrc": amount(item.price_minor),
        "isrcAplcbYn": "N",
        "useYn": "Y",
        "regrId": "DukaDesk",
        "regrNm": "DukaDesk",
        "modrId": "DukaDesk",
        "modrNm": "DukaDesk",
    })
}
